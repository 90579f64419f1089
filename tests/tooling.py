"""Outside tools some tests drive (socat for pseudo-terminals, zbar for decoding).

On a developer's machine a missing tool skips the tests that need it, with the reason;
in CI (``WORKBENCH_REQUIRE_TOOLS=1``, set by ``.ci/run``, which installs them) a missing
tool fails them, so no check is silently lost.
"""

from __future__ import annotations

import os
import shutil
from types import ModuleType

import pytest


def need(available: bool, what: str) -> None:
    if available:
        return
    if os.environ.get("WORKBENCH_REQUIRE_TOOLS"):
        pytest.fail(f"{what} is required here (WORKBENCH_REQUIRE_TOOLS is set)")
    pytest.skip(f"{what} is not installed")


def need_socat() -> None:
    need(shutil.which("socat") is not None, "socat")


def pyzbar() -> ModuleType:
    """The pyzbar module, if it and the zbar library load; else skip or fail."""
    try:
        from pyzbar import pyzbar as module
    except (ImportError, OSError):
        need(False, "zbar (pyzbar and the libzbar0 library)")
        raise  # need() skipped or failed already
    return module


CUPS_QUEUE = os.environ.get("WORKBENCH_CUPS_QUEUE", "workbench-pdf")
CUPS_OUT = os.environ.get("WORKBENCH_CUPS_OUT", "/var/spool/cups-pdf/workbench")


def need_cups_queue() -> str:
    """The name of a running cups-pdf queue (``.ci/cups.sh`` makes it); else skip or fail."""
    import subprocess

    ok = shutil.which("lpstat") is not None
    if ok:
        result = subprocess.run(
            ["lpstat", "-p", CUPS_QUEUE],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "LC_ALL": "C"},  # "enabled" is matched below
        )
        ok = result.returncode == 0 and "enabled" in result.stdout
    need(ok, f"the cups-pdf print queue {CUPS_QUEUE} (bash .ci/cups.sh)")
    return CUPS_QUEUE
