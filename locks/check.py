"""Check an environment against a lock: nothing installed that the lock does not pin.

    python locks/check.py locks/frozen-linux.txt      # exit 1 names every stray package

``pip install --require-hashes -r LOCK`` refuses a package without a hash, but only for
what that one command installs: a later ``pip install`` (a build tool, a plugin, the
project's own dependencies) can still bring in an unpinned, unhashed version. Run with
the environment's own interpreter after the last install: every distribution in it must
be in the lock at the locked version, with at least one hash (pip, which made the
environment, is the only exception).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

ALLOWED = frozenset({"pip"})
_REQ = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?==([^\s;\\]+)")


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def parse_lock(text: str) -> dict[str, tuple[str, int]]:
    """``{name: (version, number of hashes)}`` for every pinned requirement in ``text``."""
    pins: dict[str, tuple[str, int]] = {}
    current: str | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = _REQ.match(line)
        if match:
            current = canonical(match.group(1))
            pins[current] = (match.group(3), 0)
        elif current is not None:
            version, hashes = pins[current]
            pins[current] = (version, hashes + len(re.findall(r"--hash=sha256:[0-9a-f]{64}", line)))
        if not raw.rstrip().endswith("\\"):
            current = None
    return pins


def problems(pins: dict[str, tuple[str, int]], installed: Iterable[tuple[str, str]]) -> list[str]:
    """What is wrong with ``installed`` (name, version pairs) against the lock's ``pins``."""
    found = []
    for name, version in sorted(installed):
        key = canonical(name)
        if key in ALLOWED:
            continue
        pinned = pins.get(key)
        if pinned is None:
            found.append(f"{name} {version} is installed but not in the lock")
        elif pinned[0] != version:
            found.append(f"{name} {version} is installed, the lock pins {pinned[0]}")
        elif pinned[1] == 0:
            found.append(f"{name} {version} has no hash in the lock")
    return found


def installed_here() -> list[tuple[str, str]]:
    return [(d.metadata["Name"], d.version) for d in metadata.distributions()]


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python locks/check.py LOCKFILE", file=sys.stderr)
        return 2
    lock = Path(argv[0])
    pins = parse_lock(lock.read_text(encoding="utf-8"))
    found = problems(pins, installed_here())
    for line in found:
        print(f"lock check: {line}", file=sys.stderr)
    if found:
        print(f"lock check FAILED against {lock}", file=sys.stderr)
        return 1
    print(f"lock check: {len(installed_here())} packages, all pinned with hashes in {lock}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
