"""Reading the TOML data files the workbench ships (contract, checklists)."""

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
