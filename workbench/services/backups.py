"""Backups and restores of the store, for the CLI and the GUI's 设置.

Only SQLite files are backed up here; a PostgreSQL server is backed up on the server
(``pg_dump``), where its administrator keeps the copies.
"""

from __future__ import annotations

import datetime as dt
import logging
import tempfile
from dataclasses import dataclass
from pathlib import Path

from workbench.data import backup
from workbench.data.errors import RestoreRefused
from workbench.data.store import Store
from workbench.domain.messages import QT_TRANSLATE_NOOP, WorkbenchError
from workbench.domain.timeutil import LOCAL_TZ

log = logging.getLogger("workbench.services.backups")


@dataclass(frozen=True)
class BackupEntry:
    """A backup as the list in 设置 shows it."""

    path: str
    kind: str
    taken_at: dt.datetime
    size_bytes: int


@dataclass(frozen=True)
class RestoreOutcome:
    restored_from: str
    database: str
    kept: str | None
    revision: str


def _db_file(store: Store) -> Path:
    if store.path is None:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP(
                "messages",
                "This database is on a server ({url}); it is backed up on the server "
                "(pg_dump), not by the workbench.",
            ),
            url=store.safe_url,
        )
    return store.path


def backup_now(store: Store, output: Path | None = None, now: dt.datetime | None = None) -> Path:
    """A backup of the store: to ``output``, or into the backup folder (then rotated)."""
    db_path = _db_file(store)
    if output is not None:
        if output.exists() and output.resolve() == db_path.resolve():
            raise WorkbenchError(
                QT_TRANSLATE_NOOP("messages", "A backup cannot overwrite the database itself.")
            )
        if not output.parent.is_dir():
            raise WorkbenchError(
                QT_TRANSLATE_NOOP("messages", "The folder {folder} does not exist."),
                folder=str(output.parent),
            )
        return backup.backup_sqlite_file(db_path, output)
    path = backup.take_backup(db_path, "manual", now)
    backup.rotate(db_path, now)
    return path


def daily_backup_if_due(store: Store, now: dt.datetime | None = None) -> Path | None:
    """At start-up: the day's backup if there is none of today yet (Beijing time)."""
    if store.path is None or not store.path.exists():
        return None
    now = now or dt.datetime.now(dt.UTC)
    if backup.has_backup_on(store.path, now.astimezone(LOCAL_TZ).date()):
        return None
    path = backup.take_backup(store.path, "daily", now)
    backup.rotate(store.path, now)
    return path


def list_backups(store: Store) -> list[BackupEntry]:
    """The backups of this store, newest first (empty for a server database)."""
    if store.path is None:
        return []
    return [
        BackupEntry(str(b.path), b.kind, b.taken_at, b.size)
        for b in backup.list_backups(store.path)
    ]


def chain_problems(backup_file: Path) -> int:
    """How many signed records and audit entries of a backup no longer match, verified
    on a scratch copy (brought to this version's schema; the backup itself is only read)."""
    from workbench.services.audit import verify_audit_chain
    from workbench.services.signing import verify_chain

    with tempfile.TemporaryDirectory(prefix="workbench-restore-check-") as tmp:
        copy = backup.backup_sqlite_file(backup_file, Path(tmp) / "check.sqlite3")
        store = Store(f"sqlite:///{copy}", premigration_backup=False)
        try:
            with store.read() as session:
                problems = len(verify_chain(session))
                problems += len(verify_audit_chain(session).problems)
        finally:
            store.dispose()
    return problems


def restore(db_path: Path, backup_file: Path, *, force: bool = False) -> RestoreOutcome:
    """Replace the database file with a backup; the store must not be open anywhere.

    Refused, nothing changed (unless ``force``): another store's backup, or one whose
    signed records or audit trail fail verification. The database onto itself, or a
    file that is no sound backup, is refused even with ``force``. The caller opens the
    store afterwards (which migrates an older backup forward).
    """
    backup.check_restore(backup_file, db_path, force=force)
    problems = chain_problems(backup_file)
    if problems and not force:
        raise RestoreRefused(
            QT_TRANSLATE_NOOP(
                "messages",
                "The backup {backup} fails verification: {count} signed records or audit "
                "entries in it no longer match what was signed or recorded. Restoring it "
                "brings those altered records back. To restore it anyway, run the restore "
                "again with --force.",
            ),
            backup=str(backup_file),
            count=problems,
        )
    if problems:
        log.warning("restoring %s despite %d verification problems", backup_file, problems)
    result = backup.restore_backup(backup_file, db_path, force=force)
    return RestoreOutcome(
        str(result.restored_from),
        str(result.database),
        str(result.kept) if result.kept else None,
        result.revision,
    )
