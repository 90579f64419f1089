"""Problems of the storage itself, one class per case, and how driver errors map onto them.

A missing folder, a locked, read-only, damaged or foreign file, a full disk, an
unreachable server: each is a :class:`StoreError`, a :class:`~workbench.domain.messages.
UserError` (shown plainly, never as a traceback), so that the GUI can show the right
dialog and the CLI a plain message. An error carries its message and the database file
it is about, nothing looked up: the newest backup and how to restore it are found by
whoever shows the error (``workbench.data.backup.restore_hint``), so that raising one
never touches the disk.

Neither the store nor the backups depend on each other for these: both import this.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from sqlalchemy.exc import OperationalError

from workbench.domain.messages import QT_TRANSLATE_NOOP, Message, UserError, WorkbenchError

log = logging.getLogger("workbench.data")

# SQLite's primary result codes (the low byte of an extended code).
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_INTERRUPT = 9
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26


class StoreError(UserError):
    """An environment problem with the database (not a bug): shown to the user plainly.

    Carries a translatable :class:`Message` and the database file (if it is one), so
    that whoever shows it can offer that file's latest backup.
    """

    default_template = QT_TRANSLATE_NOOP("messages", "The database cannot be used: {detail}")

    def __init__(
        self,
        template: str | None = None,
        *,
        db_path: Path | None = None,
        **params: Any,
    ) -> None:
        params.setdefault("detail", "")
        if db_path is not None:
            params.setdefault("path", str(db_path))
        self.db_path = db_path
        super().__init__(Message(template or self.default_template, params))


class StoreMissingError(StoreError):
    """The folder that should hold the database does not exist."""

    default_template = QT_TRANSLATE_NOOP(
        "messages",
        "The folder of the database does not exist: {folder}. "
        "Check the path (is a drive or USB disk missing?).",
    )


class StoreLockedError(StoreError):
    """Another program holds the database and does not let go."""

    default_template = QT_TRANSLATE_NOOP(
        "messages",
        "The database {path} is in use by another program (another workbench window or a "
        "backup tool). Close it and try again.",
    )


class StoreReadOnlyError(StoreError):
    """The file (or its folder) cannot be written."""

    default_template = QT_TRANSLATE_NOOP(
        "messages",
        "The database {path} cannot be written: the file or its folder is read-only. "
        "Copy it to a folder you may write to, or change its permissions.",
    )


class StoreCorruptError(StoreError):
    """The file is a SQLite database, but damaged (truncated, overwritten)."""

    default_template = QT_TRANSLATE_NOOP(
        "messages",
        "The database {path} is damaged ({detail}). The file was left as it is.",
    )


class NotADatabaseError(StoreError):
    """The file is not a SQLite database, or not one of the workbench."""

    default_template = QT_TRANSLATE_NOOP(
        "messages",
        "The file {path} is not a workbench database. The file was left as it is.",
    )


class ForeignDatabaseError(NotADatabaseError):
    """A database server's database that holds another program's tables and no workbench
    store: left as it is, no table created in it."""

    default_template = QT_TRANSLATE_NOOP(
        "messages",
        "The database {url} holds tables of another program ({detail}) and no workbench "
        "store. It was left as it is: give an empty database or a workbench one.",
    )


class NewerSchemaError(StoreError):
    """The database was written by a newer version of the workbench."""

    default_template = QT_TRANSLATE_NOOP(
        "messages",
        "The database {path} was written by a newer version of the workbench (schema "
        "{revision}). Update this program to open it. The file was left as it is.",
    )


class DiskFullError(StoreError):
    """The disk (or the database's size limit) is full: the change was not saved."""

    default_template = QT_TRANSLATE_NOOP(
        "messages",
        "The disk holding the database {path} is full; the last change was not saved. "
        "Free some space and try again.",
    )


class StoreUnreachableError(StoreError):
    """A database server does not answer."""

    default_template = QT_TRANSLATE_NOOP(
        "messages",
        "Cannot connect to the database server {url}: {detail}",
    )


class RecordChangedError(WorkbenchError):
    """A save raced another one: the record changed since it was loaded (its row version
    is not the one the edit started from). Whoever shows it offers to reload the record.

    The message is the generic one unless a service names the record (``template`` and
    its ``params``)."""

    def __init__(self, template: str | None = None, **params: Any) -> None:
        super().__init__(
            template
            or QT_TRANSLATE_NOOP(
                "messages", "This record has been changed by someone else. Please reload it."
            ),
            **params,
        )


def check_row_version(current: int, expected: int | None) -> None:
    """RecordChangedError unless ``expected`` (the row version an edit started from; None:
    the caller loaded nothing) is ``current``, the version the transaction reads now.

    The ORM's ``version_id_col`` then guards the rest: the UPDATE names the version read
    here, so a change committed after this check is refused at the flush."""
    if expected is not None and current != expected:
        log.info("stale edit refused: version %s, the edit started from %s", current, expected)
        raise RecordChangedError()


def sqlite_code(exc: BaseException) -> int | None:
    """SQLite's primary result code of a driver error (wrapped by SQLAlchemy or not)."""
    orig = getattr(exc, "orig", exc)
    code = getattr(orig, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF
    # Python builds without error codes: fall back on SQLite's stable messages.
    message = str(orig).lower()
    for needle, value in (
        ("database is locked", SQLITE_BUSY),
        ("readonly database", SQLITE_READONLY),
        ("disk image is malformed", SQLITE_CORRUPT),
        ("database or disk is full", SQLITE_FULL),
        ("unable to open database", SQLITE_CANTOPEN),
        ("file is not a database", SQLITE_NOTADB),
        ("disk i/o error", SQLITE_IOERR),
    ):
        if needle in message:
            return value
    return None


def classify_sqlite_error(exc: BaseException, path: Path | None) -> StoreError | None:
    """The :class:`StoreError` for a SQLite error of the storage, or None for other errors."""
    code = sqlite_code(exc)
    detail = str(getattr(exc, "orig", exc))
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return StoreLockedError(db_path=path, detail=detail)
    if code == SQLITE_READONLY:
        return StoreReadOnlyError(db_path=path, detail=detail)
    if code == SQLITE_FULL:
        return DiskFullError(db_path=path, detail=detail)
    if code == SQLITE_NOTADB:
        return NotADatabaseError(db_path=path, detail=detail)
    if code in (SQLITE_CORRUPT, SQLITE_IOERR):
        return StoreCorruptError(db_path=path, detail=detail)
    if code == SQLITE_CANTOPEN:
        if path is not None and not path.parent.exists():
            return StoreMissingError(db_path=path, folder=str(path.parent), detail=detail)
        return StoreReadOnlyError(db_path=path, detail=detail)
    return None


def pg_sqlstate(exc: BaseException) -> str | None:
    orig = getattr(exc, "orig", exc)
    state = getattr(orig, "sqlstate", None)
    return state if isinstance(state, str) else None


def classify_pg_error(exc: BaseException, safe_url: str) -> StoreError | None:
    """The :class:`StoreError` for a PostgreSQL error of the storage (or the connection to
    it), or None for other errors. ``safe_url`` is the server's URL without its password."""
    state = pg_sqlstate(exc)
    detail = str(getattr(exc, "orig", exc)).strip()
    if state == "53100":  # disk_full
        return DiskFullError(path=safe_url, detail=detail)
    if state in ("55P03", "40P01"):  # lock_not_available, deadlock_detected
        return StoreLockedError(path=safe_url, detail=detail)
    connection_lost = getattr(exc, "connection_invalidated", False)
    if (
        (state or "").startswith("08")
        or connection_lost
        or (state is None and isinstance(exc, OperationalError))
    ):
        return StoreUnreachableError(url=safe_url, detail=detail)
    return None


class StorePathError(WorkbenchError):
    """The path given for the database cannot be one (a folder), or names no database
    where one must already exist (a read-only command never creates a store)."""


def folder_given(path: Path) -> StorePathError:
    return StorePathError(
        QT_TRANSLATE_NOOP(
            "messages",
            "The database path {path} is a folder, not a file. Give the path of the "
            "database file itself.",
        ),
        path=str(path),
    )


def no_store_at(path: Path) -> StorePathError:
    return StorePathError(
        QT_TRANSLATE_NOOP(
            "messages",
            "There is no workbench database at {path}. Check the path; a new database is "
            'created only by: workbench init --db "{path}"',
        ),
        path=str(path),
    )


def no_store_on_server(url: str) -> StorePathError:
    """A read-only command given a server's database that holds no store (yet)."""
    return StorePathError(
        QT_TRANSLATE_NOOP(
            "messages",
            "There is no workbench database in {url}: it is empty. Check the URL; a new "
            "database is created only by: workbench init --db URL",
        ),
        url=url,
    )


class DriverMissingError(StoreError):
    """The database URL needs a driver this installation does not have."""

    default_template = QT_TRANSLATE_NOOP(
        "messages",
        "The database {url} needs the driver {driver}, which is not installed with this "
        "workbench ({detail}). Use a database file, or install the driver.",
    )


class RestoreRefused(WorkbenchError):
    """A restore that would do harm the user did not ask for (the database onto itself,
    another store's backup, a backup whose records no longer match): refused, nothing
    changed; ``--force`` overrides the last two."""
