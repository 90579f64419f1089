"""Backups of a SQLite store with SQLite's online backup API (never a file copy).

A backup is a complete, self-contained SQLite file (rollback journal, not WAL) written
beside its final name and renamed into place only after it passed ``integrity_check``.
Backups in the backup folder are named ``<db stem>-<kind>-<UTC stamp>.sqlite3``, kind one
of ``daily``, ``manual``, ``premigration``, ``prerestore``; :func:`plan_rotation` decides
which of them to keep (7 daily, 4 weekly, 12 monthly), as a pure function of names and
the current time.

A restore checks the backup first (a SQLite file, ``integrity_check`` ok, a workbench
schema no newer than this program's), refuses while another program has the database
open, keeps the file it replaces (a ``prerestore`` backup, or the damaged file renamed
aside), and only then renames the restored copy into place.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import re
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from workbench import config
from workbench.data.errors import (
    NewerSchemaError,
    NotADatabaseError,
    RestoreRefused,
    StoreCorruptError,
    StoreError,
    StoreLockedError,
    StoreMissingError,
    classify_sqlite_error,
)
from workbench.data.migrations import known_revisions
from workbench.domain.messages import QT_TRANSLATE_NOOP, Message, Translate, UserError
from workbench.domain.timeutil import LOCAL_TZ

log = logging.getLogger("workbench.data.backup")

BACKUP_KINDS = ("daily", "manual", "premigration", "prerestore")
SUFFIX = ".sqlite3"
STAMP_FORMAT = "%Y%m%dT%H%M%S%fZ"
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<kind>daily|manual|premigration|prerestore)-"
    r"(?P<stamp>\d{8}T\d{12}Z)\.sqlite3$"
)
KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_MONTHLY = 12
SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class BackupInfo:
    """One backup file in the backup folder."""

    path: Path
    db_stem: str
    kind: str
    taken_at: dt.datetime
    size: int


def backup_name(db_stem: str, kind: str, at: dt.datetime) -> str:
    if kind not in BACKUP_KINDS:
        raise ValueError(f"unknown backup kind {kind!r}")
    return f"{db_stem}-{kind}-{at.astimezone(dt.UTC).strftime(STAMP_FORMAT)}{SUFFIX}"


def parse_backup_name(name: str) -> tuple[str, str, dt.datetime] | None:
    """``(db stem, kind, taken at)`` of a backup file name, or None for other files."""
    match = _NAME.match(name)
    if not match:
        return None
    try:
        taken = dt.datetime.strptime(match["stamp"], STAMP_FORMAT).replace(tzinfo=dt.UTC)
    except ValueError:
        return None
    return match["stem"], match["kind"], taken


def _newest_per_period(entries: list[tuple[dt.datetime, str]], period: str, count: int) -> set[str]:
    """The newest of ``entries`` (sorted newest first) in each of the last ``count`` periods."""
    seen: list[object] = []
    kept: set[str] = set()
    for taken, name in entries:
        local = taken.astimezone(LOCAL_TZ)
        key: object
        if period == "day":
            key = local.date()
        elif period == "week":
            key = tuple(local.isocalendar())[:2]
        else:
            key = (local.year, local.month)
        if key in seen:
            continue
        if len(seen) >= count:
            break
        seen.append(key)
        kept.add(name)
    return kept


def plan_rotation(
    names: Iterable[str],
    now: dt.datetime,
    *,
    daily: int = KEEP_DAILY,
    weekly: int = KEEP_WEEKLY,
    monthly: int = KEEP_MONTHLY,
) -> tuple[set[str], set[str]]:
    """Which backups to keep and which to delete: ``(keep, delete)``.

    Per database (file stem), over every kind of backup: the newest backup of each of the
    last ``daily`` days that have one, of each of the last ``weekly`` ISO weeks, of each of
    the last ``monthly`` months (days, weeks and months in Beijing time), and anything
    taken in the last 24 hours. Names that are not backups are never touched.
    """
    by_db: dict[str, list[tuple[dt.datetime, str]]] = {}
    for name in names:
        parsed = parse_backup_name(name)
        if parsed is None:
            continue
        stem, _kind, taken = parsed
        by_db.setdefault(stem, []).append((taken, name))
    keep: set[str] = set()
    delete: set[str] = set()
    for entries in by_db.values():
        entries.sort(reverse=True)  # newest first
        kept_here = (
            _newest_per_period(entries, "day", daily)
            | _newest_per_period(entries, "week", weekly)
            | _newest_per_period(entries, "month", monthly)
            | {name for taken, name in entries if now - taken < dt.timedelta(hours=24)}
        )
        keep |= kept_here
        delete |= {name for _taken, name in entries} - kept_here
    return keep, delete


def list_backups(db_path: Path | None = None, folder: Path | None = None) -> list[BackupInfo]:
    """The backups in the backup folder (of one database, if given), newest first."""
    folder = folder or config.backup_dir()
    stem = db_path.stem if db_path is not None else None
    found: list[BackupInfo] = []
    if not folder.is_dir():
        return found
    for path in folder.iterdir():
        parsed = parse_backup_name(path.name)
        if parsed is None or (stem is not None and parsed[0] != stem):
            continue
        try:
            size = path.stat().st_size
        except OSError:
            continue
        found.append(BackupInfo(path, parsed[0], parsed[1], parsed[2], size))
    found.sort(key=lambda b: b.taken_at, reverse=True)
    return found


def latest_backup(db_path: Path) -> Path | None:
    backups = list_backups(db_path)
    return backups[0].path if backups else None


def _identity(_context: str, text: str) -> str:
    return text


def backup_to_offer(exc: BaseException) -> Path | None:
    """The newest backup of the database a :class:`StoreError` is about, if there is one
    (None for other errors, a server, or a backup folder that cannot be read)."""
    if not isinstance(exc, StoreError) or exc.db_path is None:
        return None
    try:
        return latest_backup(exc.db_path)
    except OSError:  # the backup folder itself cannot be read
        return None


def restore_hint(
    exc: StoreError, translate: Translate = _identity, *, latest: Path | None = None
) -> str:
    """The offer to restore for a store problem: names the newest backup (``latest``, as
    :func:`backup_to_offer` found it) and the command, or says there is none; empty for
    an error that is not about a database file."""
    if exc.db_path is None:
        return ""
    if latest is None:
        return Message(
            QT_TRANSLATE_NOOP("messages", "No backup of this database was found in {folder}."),
            {"folder": str(config.backup_dir())},
        ).render(translate)
    return Message(
        QT_TRANSLATE_NOOP(
            "messages",
            "The latest backup is {backup}. To restore it, close the workbench and run:\n"
            '  workbench restore "{backup}" --db "{db}"',
        ),
        {"backup": str(latest), "db": str(exc.db_path)},
    ).render(translate)


def describe_error(exc: UserError, translate: Translate = _identity) -> str:
    """An error as the user reads it: its message and, for a problem of a database file,
    the offer to restore its newest backup (looked up now, on the disk)."""
    text = exc.render(translate)
    if not isinstance(exc, StoreError):
        return text
    hint = restore_hint(exc, translate, latest=backup_to_offer(exc))
    return f"{text}\n{hint}" if hint else text


def rotate(db_path: Path, now: dt.datetime | None = None, folder: Path | None = None) -> list[Path]:
    """Delete the backups of ``db_path`` that :func:`plan_rotation` does not keep."""
    folder = folder or config.backup_dir()
    names = [b.path.name for b in list_backups(db_path, folder)]
    _keep, delete = plan_rotation(names, now or dt.datetime.now(dt.UTC))
    removed = []
    for name in sorted(delete):
        path = folder / name
        try:
            path.unlink()
            removed.append(path)
        except OSError as exc:
            log.warning("could not delete old backup %s: %s", path, exc)
    if removed:
        log.info("rotation removed %d old backups", len(removed))
    return removed


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_file(path: Path) -> None:
    with path.open("rb+") as fh:
        os.fsync(fh.fileno())


def _uri(path: Path, mode: str) -> str:
    """A SQLite URI for ``path`` (any characters in it escaped) opened in ``mode``."""
    return f"{path.resolve().as_uri()}?mode={mode}"


def _check_rows(conn: sqlite3.Connection) -> list[str]:
    return [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]


ANNEX_TABLE = "backup_annex"


def _copy_checked(
    source: Path, copy: Path, *, timeout: float = 5.0, annex: Mapping[str, str] | None = None
) -> list[str]:
    """Copy the database ``source`` to ``copy`` with SQLite's online backup (``timeout``:
    how long to wait for a writer's lock); the rows of ``integrity_check`` on the copy.
    ``annex``: named texts written into the copy only (the witness), see
    :func:`read_annex`."""
    src = sqlite3.connect(_uri(source, "ro"), uri=True, timeout=timeout)
    try:
        dst = sqlite3.connect(copy)
        try:
            src.backup(dst)
            # A self-contained file: no -wal beside the copy.
            dst.execute("PRAGMA journal_mode = DELETE")
            if annex:
                with dst:
                    dst.execute(
                        f"CREATE TABLE IF NOT EXISTS {ANNEX_TABLE} "
                        "(name TEXT PRIMARY KEY, body TEXT NOT NULL)"
                    )
                    dst.executemany(
                        f"INSERT OR REPLACE INTO {ANNEX_TABLE} (name, body) VALUES (?, ?)",
                        sorted(annex.items()),
                    )
            return _check_rows(dst)
        finally:
            dst.close()
    finally:
        src.close()


def read_annex(path: Path) -> dict[str, str]:
    """The annex a backup carries (empty for a store or an older backup)."""
    try:
        conn = sqlite3.connect(_uri(path, "ro"), uri=True)
    except sqlite3.Error:
        return {}
    try:
        return {str(k): str(v) for k, v in conn.execute(f"SELECT name, body FROM {ANNEX_TABLE}")}
    except sqlite3.Error:
        return {}
    finally:
        conn.close()


def backup_sqlite_file(source: Path, target: Path, annex: Mapping[str, str] | None = None) -> Path:
    """Copy a live SQLite database consistently into ``target`` (SQLite's backup API).

    The copy is taken in one step, inside one read transaction: a consistent snapshot,
    even while other connections write (WAL readers do not block writers). The database
    is opened read-only, so the copy never waits for a writer's lock (a 20,000-row import
    may hold it for a minute). It is checked with ``integrity_check`` before it is
    renamed to ``target``.
    """
    if not source.exists():
        raise StoreError(
            QT_TRANSLATE_NOOP("messages", "The database {path} does not exist."), path=str(source)
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    tmp.unlink(missing_ok=True)
    try:
        rows = _copy_checked(source, tmp, timeout=10, annex=annex)
        if rows != ["ok"]:
            raise StoreCorruptError(db_path=source, detail="; ".join(rows[:3]))
        _fsync_file(tmp)
        tmp.replace(target)
        _fsync_dir(target.parent)
    except sqlite3.Error as exc:
        tmp.unlink(missing_ok=True)
        translated = classify_sqlite_error(exc, source)
        if translated is None:
            raise
        raise translated from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    log.info("backed up %s to %s", source, target)
    return target


def take_backup(
    db_path: Path,
    kind: str,
    now: dt.datetime | None = None,
    folder: Path | None = None,
    annex: Mapping[str, str] | None = None,
) -> Path:
    """A backup of ``db_path`` of the given kind into the backup folder."""
    folder = folder or config.backup_dir()
    target = folder / backup_name(db_path.stem, kind, now or dt.datetime.now(dt.UTC))
    return backup_sqlite_file(db_path, target, annex)


def backup_before_migration(db_path: Path, revision: str) -> Path | None:
    if not db_path.exists():
        return None
    log.info("backing up %s (schema %s) before migration", db_path, revision)
    return take_backup(db_path, "premigration")


def has_backup_on(db_path: Path, day: dt.date, folder: Path | None = None) -> bool:
    """Is there a backup of ``db_path`` taken on ``day`` (Beijing time)?"""
    return any(b.taken_at.astimezone(LOCAL_TZ).date() == day for b in list_backups(db_path, folder))


# -- restore ------------------------------------------------------------------------


@dataclass(frozen=True)
class BackupCheck:
    path: Path
    revision: str


def check_backup_file(path: Path) -> BackupCheck:
    """Is ``path`` a sound workbench backup this program can open? Raises StoreError."""
    if not path.is_file():
        raise StoreError(
            QT_TRANSLATE_NOOP("messages", "The backup file {path} does not exist."),
            path=str(path),
        )
    with path.open("rb") as fh:
        if fh.read(16) != SQLITE_HEADER:
            raise NotADatabaseError(path=str(path))
    try:
        conn = sqlite3.connect(_uri(path, "ro"), uri=True)
        try:
            rows = _check_rows(conn)
            if rows != ["ok"]:
                raise StoreCorruptError(path=str(path), detail="; ".join(rows[:3]))
            tables = {
                str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if "alembic_version" not in tables or "contract" not in tables:
                raise NotADatabaseError(path=str(path))
            versions = [str(r[0]) for r in conn.execute("SELECT version_num FROM alembic_version")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StoreCorruptError(path=str(path), detail=str(exc)) from exc
    if len(versions) != 1:
        raise NotADatabaseError(path=str(path))
    if versions[0] not in known_revisions():
        raise NewerSchemaError(path=str(path), revision=versions[0])
    return BackupCheck(path, versions[0])


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    database: Path
    kept: Path | None  # the replaced database: its backup, or the damaged file renamed aside
    revision: str


def _is_damaged(db_path: Path) -> bool:
    """Whether SQLite, reading only, finds the file unreadable or inconsistent."""
    try:
        conn = sqlite3.connect(_uri(db_path, "ro"), uri=True, timeout=2)
        try:
            return [row[0] for row in conn.execute("PRAGMA quick_check")] != ["ok"]
        finally:
            conn.close()
    except sqlite3.Error:
        return True


def _claim_exclusively(db_path: Path) -> bool:
    """Check nobody else has the database open and leave it as one self-contained file.

    Switching a WAL database to the rollback journal needs every other connection gone
    (else SQLITE_BUSY, raised as StoreLockedError); it checkpoints and removes the -wal
    and -shm files. False if the file cannot even be read (damaged): it is then moved
    aside, never written.
    """
    try:
        conn = sqlite3.connect(_uri(db_path, "rw"), uri=True, timeout=2, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode = DELETE").fetchone()
            conn.execute("BEGIN EXCLUSIVE")
            conn.execute("ROLLBACK")
            return True
        finally:
            conn.close()
    except sqlite3.Error as exc:
        translated = classify_sqlite_error(exc, db_path)
        if isinstance(translated, StoreLockedError):
            raise translated from exc
        log.warning("database %s cannot be read (%s): it will be moved aside", db_path, exc)
        return False


def file_store_uuid(path: Path) -> str | None:
    """The store UUID a SQLite file carries, read-only (None: none, or unreadable)."""
    try:
        conn = sqlite3.connect(_uri(path, "ro"), uri=True, timeout=2)
        try:
            row = conn.execute("SELECT store_uuid FROM store_identity WHERE id = 1").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None


def check_restore(backup_file: Path, db_path: Path, *, force: bool = False) -> BackupCheck:
    """What a restore checks before it touches anything: not the database onto itself;
    a sound workbench backup (:func:`check_backup_file`); of this store, when both carry
    an identity (a backup from before identities, such as a pre-migration one, cannot
    say and is accepted). ``force`` accepts another store's backup."""
    backup_file = backup_file.resolve()
    if db_path.exists() and backup_file == db_path.resolve():
        raise RestoreRefused(
            QT_TRANSLATE_NOOP(
                "messages",
                "{path} is the database itself: a database cannot be restored from itself. "
                "Choose a backup file.",
            ),
            path=str(db_path),
        )
    checked = check_backup_file(backup_file)
    if not db_path.parent.is_dir():
        raise StoreMissingError(db_path=db_path, folder=str(db_path.parent))
    ours = file_store_uuid(db_path) if db_path.exists() else None
    theirs = file_store_uuid(backup_file)
    if not force and ours and theirs and ours != theirs:
        raise RestoreRefused(
            QT_TRANSLATE_NOOP(
                "messages",
                "The backup {backup} is of another database, not of {db}. Restoring it "
                "replaces every record of {db} with the other database's (the current file "
                "is kept as a backup). To do that anyway, run the restore again with --force.",
            ),
            backup=str(backup_file),
            db=str(db_path),
        )
    return checked


def restore_backup(
    backup_file: Path, db_path: Path, now: dt.datetime | None = None, *, force: bool = False
) -> RestoreResult:
    """Replace the database at ``db_path`` with ``backup_file``, keeping the old file
    (:func:`check_restore` first; ``force`` accepts another store's backup)."""
    now = now or dt.datetime.now(dt.UTC)
    backup_file = backup_file.resolve()
    checked = check_restore(backup_file, db_path, force=force)

    kept: Path | None = None
    if db_path.exists():
        # A damaged file is not written to at all (not even its journal mode): it is
        # moved aside as it is. A sound one is backed up first.
        if not _is_damaged(db_path) and _claim_exclusively(db_path):
            try:
                kept = take_backup(db_path, "prerestore", now)
            except StoreCorruptError:
                log.warning("database %s is damaged: it will be moved aside", db_path)
        if kept is None:
            kept = db_path.with_name(
                f"{db_path.name}.damaged-{now.astimezone(dt.UTC).strftime('%Y%m%dT%H%M%SZ')}"
            )
            db_path.replace(kept)
            for extra in ("-wal", "-shm", "-journal"):
                side = db_path.with_name(db_path.name + extra)
                if side.exists():
                    side.replace(kept.with_name(kept.name + extra))
    tmp = db_path.with_name(db_path.name + ".restoring")
    tmp.unlink(missing_ok=True)
    try:
        rows = _copy_checked(backup_file, tmp)
        if rows != ["ok"]:
            raise RuntimeError(f"restored copy failed integrity_check: {rows[:3]}")
        _fsync_file(tmp)
        # Nothing of the old file may be replayed onto the new one.
        for extra in ("-wal", "-shm", "-journal"):
            with contextlib.suppress(FileNotFoundError):
                db_path.with_name(db_path.name + extra).unlink()
        tmp.replace(db_path)
        _fsync_dir(db_path.parent)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    log.info("restored %s from %s (kept %s)", db_path, backup_file, kept)
    return RestoreResult(backup_file, db_path, kept, checked.revision)
