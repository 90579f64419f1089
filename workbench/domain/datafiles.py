"""The files the workbench reads and writes itself: its TOML data files (contract,
checklists), and documents written whole (:func:`write_whole`)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any


def read_toml(path: Path, error: type[ValueError]) -> dict[str, Any]:
    """The tables of the TOML file at ``path``; a file that cannot be read or is not
    TOML raises ``error`` with the file's name and the reason."""
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise error(f"{path.name}: {exc}") from exc


def write_whole(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through ``PATH.part`` and a rename, so that a failed
    write (a full disk, a locked file) never leaves half a file at ``path`` or replaces
    a good one; the ``.part`` is removed again and the ``OSError`` raised."""
    tmp = path.with_name(path.name + ".part")
    try:
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise
