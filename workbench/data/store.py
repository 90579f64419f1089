"""The store: engine, per-connection pragmas, sessions and schema migrations.

One :class:`Store` per database. SQLite files are opened with WAL, foreign keys on,
``synchronous=FULL`` (signed records must survive a power cut) and a busy timeout. The
schema is only ever changed by Alembic migrations, applied on open after a backup; a
database written by a newer version of the workbench is refused, never touched.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger("workbench.data")

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 10_000


class StoreError(Exception):
    """An environment problem with the database (not a bug): shown to the user plainly."""


class NewerSchemaError(StoreError):
    """The database was written by a newer version of the workbench."""


def _alembic_config() -> Config:
    cfg = Config()
    # An absolute path, so that a frozen build finds the scripts it ships as data.
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def _on_sqlite_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy manage transactions; pysqlite's own BEGIN handling is turned off
    # so that BEGIN IMMEDIATE below really starts the transaction.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        mode = cursor.execute("PRAGMA journal_mode = WAL").fetchone()
        if mode and str(mode[0]).lower() not in ("wal", "memory"):
            log.warning("SQLite journal mode is %s, not WAL", mode[0])
        cursor.execute("PRAGMA synchronous = FULL")
    finally:
        cursor.close()


def _on_sqlite_begin(conn: Any) -> None:
    # Take the write lock at the start: no deadlocking upgrade from reader to writer.
    conn.exec_driver_sql("BEGIN IMMEDIATE")


class Store:
    """A database, opened and migrated; hands out sessions."""

    def __init__(self, url: str, *, migrate: bool = True, echo: bool = False) -> None:
        self.url = url
        parsed = make_url(url)
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        self.path: Path | None = None
        if self.is_sqlite and parsed.database and parsed.database != ":memory:":
            self.path = Path(parsed.database)
            if not self.path.parent.exists():
                raise StoreError(f"数据库所在文件夹不存在：{self.path.parent}")
        kwargs: dict[str, Any] = {"echo": echo, "future": True}
        if self.is_sqlite:
            kwargs["connect_args"] = {"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}
        else:
            kwargs["pool_pre_ping"] = True
        self.engine: Engine = create_engine(url, **kwargs)
        if self.is_sqlite:
            event.listen(self.engine, "connect", _on_sqlite_connect)
            event.listen(self.engine, "begin", _on_sqlite_begin)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        if migrate:
            self.upgrade()

    # -- schema -------------------------------------------------------------------
    def current_revision(self) -> str | None:
        try:
            with self.engine.connect() as conn:
                return MigrationContext.configure(conn).get_current_revision()
        except DatabaseError as exc:
            raise StoreError(
                f"无法读取数据库（文件可能已损坏或不是数据库文件）：{exc.orig}"
            ) from exc

    def upgrade(self) -> None:
        """Bring the schema to the newest revision, backing up an older file first."""
        current = self.current_revision()
        head = head_revision()
        if current == head:
            return
        script = ScriptDirectory.from_config(_alembic_config())
        if current is not None and current not in {rev.revision for rev in script.walk_revisions()}:
            raise NewerSchemaError(
                "此数据库由更新版本的运维工作台创建（架构版本 "
                f"{current}），请升级本程序后再打开。文件未作任何改动。"
            )
        if current is not None and self.path is not None:
            from workbench.data import backup

            backup.backup_before_migration(self, current)
        log.info("migrating %s from %s to %s", self.safe_url, current, head)
        cfg = _alembic_config()
        try:
            with self.engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
        except OperationalError as exc:
            raise StoreError(f"数据库升级失败：{exc.orig}") from exc

    # -- sessions -----------------------------------------------------------------
    def session(self) -> Session:
        return self._sessions()

    @contextmanager
    def transaction(self, actor: str = "") -> Iterator[Session]:
        """One unit of work: commit on success, roll back on any error."""
        with self._sessions() as session, session.begin():
            session.info["actor"] = actor
            yield session

    @property
    def safe_url(self) -> str:
        return make_url(self.url).render_as_string(hide_password=True)

    def dispose(self) -> None:
        self.engine.dispose()


def open_store(db: str | None = None, *, migrate: bool = True) -> Store:
    from workbench.config import database_url

    return Store(database_url(db), migrate=migrate)
