"""The store: engine, per-connection pragmas, sessions and schema migrations.

One :class:`Store` per database. SQLite files are opened with WAL, foreign keys on,
``synchronous=FULL`` (signed records must survive a power cut) and a busy timeout. The
schema is only ever changed by Alembic migrations, applied on open after a backup; a
database written by a newer version of the workbench is refused, never touched.

Problems of the storage itself (a missing folder, a locked, read-only, damaged or foreign
file, a full disk, an unreachable server) are raised as :class:`StoreError` subclasses, one
per case (``workbench.data.errors``), so that the GUI can show the right dialog and the CLI
a plain message. Nothing here ever writes to a file it could not read.

Every session handed out by the store writes the audit trail (``workbench.data.audit``).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from workbench.data.errors import (
    SQLITE_INTERRUPT,
    DiskFullError,
    DriverMissingError,
    ForeignDatabaseError,
    NewerSchemaError,
    NotADatabaseError,
    RecordChangedError,
    StoreCorruptError,
    StoreError,
    StoreLockedError,
    StoreMissingError,
    StoreReadOnlyError,
    StoreUnreachableError,
    classify_pg_error,
    classify_sqlite_error,
    folder_given,
    no_store_at,
    no_store_on_server,
    sqlite_code,
)
from workbench.data.migrations import (
    APPLICATION_ID,
    HEAD_REVISION,
    MIGRATIONS_DIR,
    alembic_config,
    head_revision,
    known_revisions,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger("workbench.data")

__all__ = [
    "BUSY_TIMEOUT_MS",
    "MIGRATIONS_DIR",
    "DiskFullError",
    "ForeignDatabaseError",
    "NewerSchemaError",
    "NotADatabaseError",
    "RecordChangedError",
    "Store",
    "StoreCorruptError",
    "StoreError",
    "StoreLockedError",
    "StoreMissingError",
    "StoreReadOnlyError",
    "StoreUnreachableError",
    "concurrent_edit_guard",
    "head_revision",
    "known_revisions",
    "open_store",
    "read_store_uuid",
    "sqlite_tables",
    "stored_revision",
]

BUSY_TIMEOUT_MS = 10_000
SQLITE_MAGIC = b"SQLite format 3\x00"


@contextmanager
def concurrent_edit_guard() -> Iterator[None]:
    """Turn a stale optimistic-locking save into :class:`RecordChangedError`.

    ``Store.transaction`` does this around its commit; services that flush earlier wrap
    the flush: ``with concurrent_edit_guard(): session.flush()``.
    """
    try:
        yield
    except Exception as exc:
        # Imported here: only sessions (the ORM) raise it, and the ORM is loaded lazily.
        from sqlalchemy.orm.exc import StaleDataError

        if not isinstance(exc, StaleDataError):
            raise
        log.info("stale save refused: %s", exc)
        raise RecordChangedError() from exc


def stored_revision(conn: Connection) -> str | None:
    """The store's schema revision (None for an empty database), read the way Alembic
    keeps it: one row in ``alembic_version``."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    if len(rows) > 1:  # several heads: let Alembic say what is wrong
        from alembic.runtime.migration import MigrationContext

        return MigrationContext.configure(conn).get_current_revision()
    return str(rows[0]) if rows else None


# The table that makes a SQLite file without an application_id a workbench store (one
# written before revision 0006); its revision then decides (an unknown one is refused as
# newer, untouched).
WORKBENCH_TABLES = frozenset({"alembic_version"})


def sqlite_tables(path: Path) -> set[str]:
    """The tables of a SQLite file, read through a read-only connection (nothing written,
    not even the journal mode); StoreError if SQLite cannot read it."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        # Damaged pages may hold any bytes: the names are only compared, quick_check judges.
        conn.text_factory = lambda raw: raw.decode("utf-8", "replace")
        try:
            rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        translated = classify_sqlite_error(exc, path)
        if translated is None:
            raise
        raise translated from exc
    return {str(row[0]) for row in rows}


def read_store_uuid(conn: Connection) -> str | None:
    """The store's UUID (None for a store from before revision 0006)."""
    if not inspect(conn).has_table("store_identity"):
        return None
    value = conn.execute(text("SELECT store_uuid FROM store_identity WHERE id = 1")).scalar()
    return str(value) if value is not None else None


def _has_content(path: Path) -> bool:
    """Whether a file is there and not empty (an empty file is what a new store starts as)."""
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


def _on_sqlite_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy manage transactions; pysqlite's own BEGIN handling is turned off
    # so that BEGIN IMMEDIATE below really starts the transaction.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys = ON")
        mode = cursor.execute("PRAGMA journal_mode = WAL").fetchone()
        if mode and str(mode[0]).lower() not in ("wal", "memory"):
            log.warning("SQLite journal mode is %s, not WAL", mode[0])
        cursor.execute("PRAGMA synchronous = FULL")
    finally:
        cursor.close()


READ_ONLY_OPTION = "workbench_read_only"


def _on_sqlite_begin(conn: Any) -> None:
    if conn.get_execution_options().get(READ_ONLY_OPTION):
        # A reader never writes: a plain (deferred) BEGIN takes no write lock, so it
        # never waits for a writer (WAL lets readers and one writer run side by side).
        conn.exec_driver_sql("BEGIN")
    else:
        # Take the write lock at the start: no deadlocking upgrade from reader to writer.
        conn.exec_driver_sql("BEGIN IMMEDIATE")


class Store:
    """A database, opened, checked and migrated; hands out sessions."""

    def __init__(
        self,
        url: str,
        *,
        migrate: bool = True,
        echo: bool = False,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
        check: bool = True,
        full_check: bool = True,
        create: bool = True,
        premigration_backup: bool = True,
    ) -> None:
        self.url = url
        self.premigration_backup = premigration_backup
        self.create = create
        # Whether SQLite's quick_check has passed on this file since it was opened; see
        # :meth:`check` for when it runs at open and when the caller runs it later.
        self.fully_checked = not self.is_sqlite_url(url)
        self._checking: sqlite3.Connection | None = None
        parsed = make_url(url)
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        self.path: Path | None = None
        if self.is_sqlite and parsed.database and parsed.database != ":memory:":
            self.path = Path(parsed.database)
            if self.path.is_dir():
                raise folder_given(self.path)
            if not self.path.parent.exists():
                raise StoreMissingError(db_path=self.path, folder=str(self.path.parent))
            if not create and not _has_content(self.path):
                raise no_store_at(self.path)
        kwargs: dict[str, Any] = {"echo": echo}
        if self.is_sqlite:
            # ``timeout`` is SQLite's busy timeout: the same wait for every connection.
            kwargs["connect_args"] = {"timeout": busy_timeout_ms / 1000, "check_same_thread": False}
        else:
            kwargs["pool_pre_ping"] = True
        try:
            self.engine: Engine = create_engine(url, **kwargs)
        except ImportError as exc:  # the dialect's driver (psycopg) is not installed
            raise DriverMissingError(
                url=self.safe_url, driver=parsed.get_driver_name(), detail=str(exc)
            ) from exc
        if self.is_sqlite:
            event.listen(self.engine, "connect", _on_sqlite_connect)
            event.listen(self.engine, "begin", _on_sqlite_begin)
        self._read_engine = self.engine.execution_options(**{READ_ONLY_OPTION: True})
        # Session factories are made on first use (:meth:`_factories`): the ORM and the
        # mapped models are not loaded until something asks for a session.
        self._session_factories: tuple[sessionmaker[Session], sessionmaker[Session]] | None = None
        # Called with the store after each committed :meth:`transaction` (the witness).
        self.after_commit: list[Callable[[Store], None]] = []
        try:
            if check:
                self.check(full=full_check)
            if migrate:
                self.upgrade()
        except BaseException:
            self.engine.dispose()
            raise

    # -- errors ---------------------------------------------------------------------
    def translate_error(self, exc: BaseException) -> StoreError | None:
        """The :class:`StoreError` that ``exc`` (a driver error) stands for, if any."""
        if isinstance(exc, StoreError):
            return exc
        if self.is_sqlite:
            return classify_sqlite_error(exc, self.path)
        return classify_pg_error(exc, self.safe_url)

    @contextmanager
    def _storage_errors(self) -> Iterator[None]:
        try:
            yield
        except DBAPIError as exc:
            translated = self.translate_error(exc)
            if translated is None:
                raise
            raise translated from exc

    # -- schema -------------------------------------------------------------------
    @staticmethod
    def is_sqlite_url(url: str) -> bool:
        return make_url(url).get_backend_name() == "sqlite"

    def closed_uncleanly(self) -> bool:
        """Whether the last program to use the file did not close it cleanly.

        SQLite checkpoints and deletes the ``-wal`` file when the last connection closes;
        a non-empty one at open means a crash, a kill or a power cut (or another program
        has it open right now): reason enough for the full check before any work.
        """
        if self.path is None:
            return False
        wal = self.path.with_name(self.path.name + "-wal")
        try:
            return wal.stat().st_size > 0
        except OSError:
            return False

    def _check_header(self) -> None:
        """The file's first 100 bytes: SQLite's magic, and no shorter than it says it is."""
        assert self.path is not None
        with self.path.open("rb") as fh:
            header = fh.read(100)
        if not header:
            return  # a new, empty file
        if header[:16] != SQLITE_MAGIC:
            raise NotADatabaseError(db_path=self.path)
        if len(header) < 100:
            raise StoreCorruptError(db_path=self.path, detail="header truncated")
        self._check_identity(int.from_bytes(header[68:72], "big"))
        page_size = int.from_bytes(header[16:18], "big")
        page_size = 65536 if page_size == 1 else page_size
        declared_pages = int.from_bytes(header[28:32], "big")
        # The page count in the header is valid only when its version stamp matches the
        # change counter (always so since SQLite 3.7.0).
        valid = header[24:28] == header[92:96]
        actual = self.path.stat().st_size
        # A crash can leave the file short while its -wal or hot -journal holds what
        # completes it: then SQLite's recovery and quick_check judge, not this.
        pending = (
            self.closed_uncleanly() or self.path.with_name(self.path.name + "-journal").exists()
        )
        if valid and declared_pages and not pending and actual < declared_pages * page_size:
            raise StoreCorruptError(
                db_path=self.path,
                detail=f"file truncated: {actual} of {declared_pages * page_size} bytes",
            )

    def _check_identity(self, application_id: int) -> None:
        """Whether the file is a workbench store, decided before anything opens it for
        writing (even setting the journal mode writes to a file): the workbench's
        ``application_id``; or, without one, a store from before identities (it has the
        workbench's tables) or an empty database. Anything else belongs to another
        program: NotADatabaseError, the file left as it is."""
        assert self.path is not None
        if application_id == APPLICATION_ID:
            return
        if application_id != 0:
            raise NotADatabaseError(db_path=self.path, detail=f"application_id {application_id}")
        tables = sqlite_tables(self.path)
        if tables and not tables >= WORKBENCH_TABLES:
            raise NotADatabaseError(db_path=self.path, detail=", ".join(sorted(tables)[:5]))

    def _check_server_identity(self, conn: Connection) -> None:
        """Whether a server's database (its schema on the search path) is a workbench
        store, decided before the migrations create anything in it: empty (a new store),
        or with the store's identity table, or a store from before identities (revision
        0006) at a revision this program knows. Anything else belongs to another program:
        ForeignDatabaseError, the database left as it is. An empty one becomes a store
        only when the store was opened to ``create`` one (as a SQLite file does)."""
        tables = set(inspect(conn).get_table_names())
        if not tables and not self.create:
            raise no_store_on_server(self.safe_url)
        if not tables or "store_identity" in tables:
            return
        if tables >= WORKBENCH_TABLES:
            revision = stored_revision(conn)
            if revision is not None and (
                revision == HEAD_REVISION or revision in known_revisions()
            ):
                return
        raise ForeignDatabaseError(url=self.safe_url, detail=", ".join(sorted(tables)[:5]))

    def check(self, *, full: bool = True) -> None:
        """Open the database once and check that it is one, readable, and not damaged.

        SQLite, always (milliseconds at any size): the header (SQLite's magic; the file
        not shorter than the page count it declares, which finds a truncated copy), the
        schema cookie and the whole schema table read through.

        SQLite's ``quick_check`` reads every page: about 6 ms per MB, 5 s for five years
        of data. It runs here when ``full`` is true (the default: the command line,
        ``workbench verify``, restore, tests) or when the file was not closed cleanly
        (:meth:`closed_uncleanly`). The GUI opens with ``full=False`` and runs
        :meth:`quick_check` in the background once the window is ready, offering the
        latest backup if it fails (``workbench.app``). A server: a round trip.
        """
        if self.is_sqlite and self.path is not None and self.path.exists():
            self._check_header()
        try:
            with self._read_engine.connect() as conn:  # a reader: no write lock to wait for
                if self.is_sqlite:
                    conn.exec_driver_sql("PRAGMA schema_version").fetchall()
                    conn.exec_driver_sql(
                        "SELECT count(*), sum(length(sql)) FROM sqlite_master"
                    ).fetchall()
                else:
                    conn.execute(text("SELECT 1"))
                    self._check_server_identity(conn)
        except DBAPIError as exc:
            translated = self.translate_error(exc)
            if translated is None:
                raise
            raise translated from exc
        except UnicodeDecodeError as exc:
            # SQLite's message about a damaged schema quotes the damaged bytes themselves.
            if not self.is_sqlite:
                raise
            raise StoreCorruptError(db_path=self.path, detail="malformed schema") from exc
        if self.is_sqlite and (full or self.closed_uncleanly()):
            self.quick_check()

    def quick_check(self) -> None:
        """SQLite's ``PRAGMA quick_check`` over the whole file; StoreCorruptError if it fails.

        Safe to run on a worker thread while the store is in use (a read transaction of
        its own); :meth:`interrupt_check` stops it (at exit). An interrupted check
        returns without a verdict and leaves ``fully_checked`` false.
        """
        if not self.is_sqlite:
            return
        try:
            with self._read_engine.connect() as conn:
                raw = conn.connection.dbapi_connection
                self._checking = raw if isinstance(raw, sqlite3.Connection) else None
                try:
                    rows = [str(r[0]) for r in conn.exec_driver_sql("PRAGMA quick_check")]
                finally:
                    self._checking = None
        except DBAPIError as exc:
            if sqlite_code(exc) == SQLITE_INTERRUPT:
                log.info("quick_check of %s interrupted", self.safe_url)
                return
            translated = self.translate_error(exc)
            if translated is None:
                raise
            raise translated from exc
        if rows != ["ok"]:
            raise StoreCorruptError(db_path=self.path, detail="; ".join(rows[:3]))
        self.fully_checked = True

    def interrupt_check(self) -> None:
        """Stop a running :meth:`quick_check` (from another thread)."""
        checking = self._checking
        if checking is not None:
            checking.interrupt()

    def integrity_check(self) -> list[str]:
        """SQLite's full ``PRAGMA integrity_check``: ``["ok"]`` for a sound file."""
        if not self.is_sqlite:
            return ["ok"]
        with self._storage_errors(), self._read_engine.connect() as conn:
            return [str(r[0]) for r in conn.exec_driver_sql("PRAGMA integrity_check")]

    def store_uuid(self) -> str | None:
        """This store's identity (None before its migration to revision 0006)."""
        with self._storage_errors(), self._read_engine.connect() as conn:
            return read_store_uuid(conn)

    def current_revision(self) -> str | None:
        with self._storage_errors(), self._read_engine.connect() as conn:
            return stored_revision(conn)

    def refuse_newer(self, current: str | None) -> None:
        """NewerSchemaError if ``current`` is a revision this program does not know."""
        if current is not None and current != HEAD_REVISION and current not in known_revisions():
            raise NewerSchemaError(
                db_path=self.path, path=str(self.path or self.safe_url), revision=current
            )

    def upgrade(self) -> None:
        """Bring the schema to the newest revision, backing up an older file first."""
        current = self.current_revision()
        if current == HEAD_REVISION:
            return  # the common case, decided without loading Alembic
        from alembic import command

        head = head_revision()
        if current == head:
            return
        if not self.is_sqlite:
            # Opened without check(): the migrations must not plant tables in another
            # program's database either (nor its Alembic revision pass for a newer store).
            with self._storage_errors(), self._read_engine.connect() as conn:
                self._check_server_identity(conn)
        self.refuse_newer(current)
        if current is not None and self.path is not None and self.premigration_backup:
            from workbench.data import backup

            backup.backup_before_migration(self.path, current)
        log.info("migrating %s from %s to %s", self.safe_url, current, head)
        cfg = alembic_config()
        with self._storage_errors(), self.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

    # -- sessions -----------------------------------------------------------------
    def _factories(self) -> tuple[sessionmaker[Session], sessionmaker[Session]]:
        """The writers' and the readers' session factories (the first call loads the ORM
        and every mapped model)."""
        if self._session_factories is None:
            from sqlalchemy.orm import sessionmaker

            from workbench.data.audit import AuditedSession

            self._session_factories = (
                sessionmaker(self.engine, class_=AuditedSession, expire_on_commit=False),
                sessionmaker(self._read_engine, class_=AuditedSession, autoflush=False),
            )
        return self._session_factories

    def _session(self) -> Session:
        """A bare writer's session: no storage-error classification, no actor, no
        transaction. Private: callers use :meth:`transaction` or :meth:`read`."""
        return self._factories()[0]()

    @contextmanager
    def transaction(self, actor: str = "") -> Iterator[Session]:
        """One unit of work: commit on success, roll back on any error.

        A save that raced another one becomes :class:`RecordChangedError`; a storage
        problem (locked, full, read-only, damaged) the matching :class:`StoreError`.
        """
        with self._storage_errors(), concurrent_edit_guard(), self._session() as session:
            session.info["actor"] = actor
            with session.begin():
                yield session
        for hook in list(self.after_commit):
            hook(self)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A unit of reading: a snapshot of the store that takes no write lock, so a
        query on the GUI thread never waits behind a long write. Anything added or
        changed in it is a programming error (use :meth:`transaction`)."""
        with self._storage_errors(), self._factories()[1]() as session:
            yield session  # closing the session ends (rolls back) the read
            if session.new or session.dirty or session.deleted:
                raise RuntimeError("Store.read() is for reading; use transaction()")

    @contextmanager
    def read_connection(self) -> Iterator[Connection]:
        """A unit of reading in SQLAlchemy Core, like :meth:`read` but without a session:
        what start-up uses to show the device list before the ORM is loaded."""
        with self._storage_errors(), self._read_engine.connect() as conn:
            yield conn  # the first query begins the read; closing ends (rolls back) it

    @property
    def safe_url(self) -> str:
        return make_url(self.url).render_as_string(hide_password=True)

    def dispose(self) -> None:
        self.engine.dispose()


def open_store(
    db: str | None = None, *, migrate: bool = True, full_check: bool = True, create: bool = True
) -> Store:
    """The store at ``db`` (or the configured one); see :meth:`Store.check` for ``full_check``.
    With ``create=False`` a SQLite file that is not there (or empty), or an empty database
    on a server, is an error, not a new store: what read-only commands open."""
    from workbench.config import database_url

    return Store(database_url(db), migrate=migrate, full_check=full_check, create=create)
