"""Backups of a SQLite store with SQLite's online backup API (never a file copy)."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from workbench import config

if TYPE_CHECKING:
    from workbench.data.store import Store

log = logging.getLogger("workbench.data.backup")


def backup_sqlite_file(source: Path, target: Path) -> Path:
    """Copy a live SQLite database consistently into ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(target.suffix + ".part")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    tmp.replace(target)
    return target


def backup_before_migration(store: Store, revision: str) -> Path | None:
    if store.path is None or not store.path.exists():
        return None
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    target = config.backup_dir() / f"pre-migration-{revision}-{stamp}.sqlite3"
    log.info("backing up %s before migration to %s", store.path, target)
    return backup_sqlite_file(store.path, target)
