"""Backups and restores of the store, for the CLI and the GUI's 设置.

Only SQLite files are backed up here; a PostgreSQL server is backed up on the server
(``pg_dump``), where its administrator keeps the copies.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


def _annex(db_path: Path) -> dict[str, str]:
    """What a backup carries besides the store: this laptop's witness of it (the head
    last seen, the keys), so that a restore elsewhere knows how far the store had got."""
    from workbench.services import witness

    uuid = backup.file_store_uuid(db_path)
    try:
        seen = witness.load(witness.default_path()).get(uuid or "")
    except (OSError, ValueError):
        return {}
    if seen is None or not uuid:
        return {}
    return {"witness": json.dumps({uuid: seen.to_json()}, ensure_ascii=False, sort_keys=True)}


def backup_now(store: Store, output: Path | None = None, now: dt.datetime | None = None) -> Path:
    """A backup of the store: to ``output``, or into the backup folder (then rotated).
    The backup carries this laptop's witness of the store (:func:`_annex`)."""
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
        return backup.backup_sqlite_file(db_path, output, _annex(db_path))
    path = backup.take_backup(db_path, "manual", now, annex=_annex(db_path))
    backup.rotate(db_path, now)
    return path


def daily_backup_if_due(store: Store, now: dt.datetime | None = None) -> Path | None:
    """At start-up: the day's backup if there is none of today yet (Beijing time)."""
    if store.path is None or not store.path.exists():
        return None
    now = now or dt.datetime.now(dt.UTC)
    if backup.has_backup_on(store.path, now.astimezone(LOCAL_TZ).date()):
        return None
    path = backup.take_backup(store.path, "daily", now, annex=_annex(store.path))
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


@dataclass(frozen=True)
class RestoreLoss:
    """What restoring a backup gives up, against the database it replaces and the head
    this laptop last saw of that store (whichever is further on): signed records and
    audit entries that are not in the backup. ``diverged``: the backup's history is not
    the start of the current one (a different line of history, or the current database
    was unreadable and only the witness could be compared)."""

    signed: int
    entries: int
    diverged: bool = False

    @property
    def any(self) -> bool:
        return bool(self.signed or self.entries or self.diverged)


def _heads(path: Path) -> tuple[str, dict[int, str], dict[int, str]] | None:
    """The store UUID and the audit and link hashes by number of a SQLite store, read
    only (None when it cannot be read as a store)."""
    import sqlite3

    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        uuid_row = conn.execute("SELECT store_uuid FROM store_identity").fetchone()
        audit = dict(conn.execute("SELECT seq, hash FROM audit_log").fetchall())
        links = dict(conn.execute("SELECT seq, chain_hash FROM signed_record").fetchall())
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return (str(uuid_row[0]) if uuid_row else "", audit, links)


def check_restorable(db_path: Path, backup_file: Path, *, force: bool = False) -> None:
    """The quick checks of :func:`restore` (a sound backup of this store, not the
    database itself), to run before asking anything."""
    backup.check_restore(backup_file, db_path, force=force)


def restore_loss(db_path: Path, backup_file: Path) -> RestoreLoss:
    """What restoring ``backup_file`` over ``db_path`` loses (see :class:`RestoreLoss`)."""
    from workbench.services import witness

    backup_side = _heads(backup_file)
    if backup_side is None:
        return RestoreLoss(0, 0, diverged=True)
    store_uuid, audit, links = backup_side
    b_seq = max(audit, default=0)
    b_signed = max(links, default=0)
    signed = entries = 0
    diverged = False
    current = _heads(db_path) if db_path.exists() else None
    # Another store's backup replaces the history altogether: that is what --force
    # confirms (check_restorable); counting against it would mean nothing.
    if current is not None and current[0] == store_uuid:
        _uuid, c_audit, c_links = current
        entries = max(0, max(c_audit, default=0) - b_seq)
        signed = max(0, max(c_links, default=0) - b_signed)
        if b_seq and c_audit.get(b_seq) != audit.get(b_seq):
            diverged = True
    try:
        seen = witness.load(witness.default_path()).get(store_uuid)
    except (OSError, ValueError):
        seen = None
    if seen is None:  # a laptop that never saw the store: what the backup says it saw
        carried = _carried_witness(backup_file).get(store_uuid)
        seen = carried
    if seen is not None:
        entries = max(entries, seen.seq - b_seq)
        signed = max(signed, seen.signed_seq - b_signed)
        if seen.seq <= b_seq and audit.get(seen.seq) != seen.hash and seen.seq:
            diverged = True
    return RestoreLoss(signed, entries, diverged)


def _carried_witness(backup_file: Path) -> dict[str, Any]:
    from workbench.services import witness

    text = backup.read_annex(backup_file).get("witness")
    if not text:
        return {}
    try:
        return {k: witness.Seen.from_json(v) for k, v in dict(json.loads(text)).items()}
    except (ValueError, KeyError, TypeError):
        return {}


def record_restore(store: Store, outcome: RestoreOutcome, loss: RestoreLoss) -> None:
    """After a restore: the audit trail says so (from which backup, what was given up),
    and the witness is moved to the restored store's head."""
    from workbench.services import witness

    witness.accept_and_reanchor(
        store,
        kind="restored",
        note=(
            f"restored from {Path(outcome.restored_from).name}; "
            f"{loss.signed} signed records and {loss.entries} audit entries given up"
        ),
        actor="restore",
    )


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
