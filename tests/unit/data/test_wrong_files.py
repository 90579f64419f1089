"""Wrong files as stores: refused plainly, left untouched, nothing created on a typo."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from workbench.cli import main
from workbench.data.errors import StorePathError
from workbench.data.migrations import APPLICATION_ID
from workbench.data.store import NotADatabaseError, Store

ROOT = Path(__file__).resolve().parents[3]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _sidecars(path: Path) -> list[Path]:
    return [p for p in path.parent.iterdir() if p.name.startswith(path.name + "-")]


def test_a_store_carries_the_workbench_application_id_and_a_uuid(db_url: str) -> None:
    store = Store(db_url)
    try:
        first = store.store_uuid()
        assert first is not None and len(first) == 36
    finally:
        store.dispose()
    if store.path is not None:  # closed: the header is checkpointed into the file
        header = store.path.read_bytes()[:100]
        assert int.from_bytes(header[68:72], "big") == APPLICATION_ID
    again = Store(db_url)
    try:
        assert again.store_uuid() == first  # made once, kept
    finally:
        again.dispose()


@pytest.mark.parametrize("journal", ["delete", "wal"])
def test_another_programs_sqlite_file_is_refused_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], journal: str
) -> None:
    other = tmp_path / "photos.db"
    conn = sqlite3.connect(other)
    conn.execute(f"PRAGMA journal_mode = {journal}")
    conn.execute("CREATE TABLE photo (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO photo (name) VALUES ('holiday.jpg')")
    conn.commit()
    conn.close()
    before = _digest(other)
    with pytest.raises(NotADatabaseError):
        Store(f"sqlite:///{other}")
    for argv in (["init"], ["assets", "list"], ["verify"], ["backup"]):
        assert main([*argv, "--db", str(other)]) == 3, argv
        err = capsys.readouterr().err
        assert "不是运维工作台的数据库" in err and "Traceback" not in err
    assert _digest(other) == before
    conn = sqlite3.connect(f"{other.as_uri()}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        conn.close()
    assert tables == {"photo"}  # none of the workbench's tables planted in it


def test_a_file_with_another_programs_application_id_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("PRAGMA application_id = 1234")
    conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
    conn.commit()
    conn.close()
    before = _digest(other)
    with pytest.raises(NotADatabaseError):
        Store(f"sqlite:///{other}")
    assert _digest(other) == before


def test_an_empty_sqlite_database_becomes_a_store(tmp_path: Path) -> None:
    empty = tmp_path / "empty.sqlite3"
    sqlite3.connect(empty).close()  # a database with no tables (a 0-byte file)
    assert main(["init", "--db", str(empty)]) == 0
    store = Store(f"sqlite:///{empty}")
    try:
        assert store.store_uuid() is not None
    finally:
        store.dispose()


def test_a_folder_as_db_is_a_plain_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    folder = tmp_path / "data"
    folder.mkdir()
    with pytest.raises(StorePathError):
        Store(f"sqlite:///{folder}")
    for argv in (["init"], ["verify"], ["backup"], ["assets", "list"]):
        assert main([*argv, "--db", str(folder)]) == 2, argv
        err = capsys.readouterr().err
        assert "是一个文件夹" in err and "Traceback" not in err
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize(
    "argv",
    [
        ["verify"],
        ["assets", "list"],
        ["backup"],
        ["backup", "--list"],
        ["report", "weekly", "--week", "2026-W48"],
    ],
    ids=lambda a: " ".join(a),
)
def test_read_only_commands_never_create_a_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    typo = tmp_path / "stroe.sqlite3"
    assert main([*argv, "--db", str(typo)]) == 2
    err = capsys.readouterr().err
    assert "没有运维工作台的数据库" in err and "workbench init" in err
    assert "Traceback" not in err
    assert not typo.exists() and _sidecars(typo) == []


def test_verify_of_a_mistyped_path_is_an_error_not_all_clear(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    typo = tmp_path / "stroe.sqlite3"
    assert main(["verify", "--db", str(typo), "--lang", "en"]) == 2
    out = capsys.readouterr()
    assert "signed records match" not in out.out
    assert "There is no workbench database at" in out.err


def test_a_postgresql_url_without_its_driver_is_a_plain_message(tmp_path: Path) -> None:
    code = textwrap.dedent(
        """
        import sys
        sys.modules["psycopg"] = None  # as in an installation without the driver
        from workbench.cli import main
        sys.exit(main(["verify", "--db", "postgresql+psycopg://wb:secret@127.0.0.1:1/wb"]))
        """
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT), WORKBENCH_HOME=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr and "ModuleNotFoundError" not in result.stderr
    assert "psycopg" in result.stderr and "secret" not in result.stderr
    assert "驱动" in result.stderr


def _pg_tables(url: str) -> dict[str, list[tuple[object, ...]]]:
    """Every table of the URL's schema with its rows, read through a connection of its own."""
    from sqlalchemy import create_engine, inspect, text

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return {
                name: [tuple(r) for r in conn.execute(text(f'SELECT * FROM "{name}"'))]
                for name in sorted(inspect(conn).get_table_names())
            }
    finally:
        engine.dispose()


@pytest.mark.postgres
@pytest.mark.parametrize("alembic", [False, True], ids=["plain", "another-alembic-app"])
def test_another_programs_postgresql_database_is_refused_untouched(
    pg_url: str, capsys: pytest.CaptureFixture[str], alembic: bool
) -> None:
    """The server's equivalent of another program's SQLite file (issue 17): its tables,
    and no workbench store identity. Nothing is created in it, whatever opens it; an
    Alembic revision of another program is not taken for a newer workbench."""
    from sqlalchemy import create_engine, text

    from workbench.data.errors import ForeignDatabaseError

    engine = create_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE customer (id INTEGER PRIMARY KEY, name TEXT)"))
        conn.execute(text("INSERT INTO customer VALUES (1, '张三')"))
        if alembic:
            conn.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32))"))
            conn.execute(text("INSERT INTO alembic_version VALUES ('3f2a9c1b7d')"))
    engine.dispose()
    before = _pg_tables(pg_url)

    for options in ({}, {"check": False}, {"migrate": False}):
        with pytest.raises(ForeignDatabaseError) as refused:
            Store(pg_url, **options)  # type: ignore[arg-type]
        assert "customer" in str(refused.value.message.params["detail"])
    for argv in (["init"], ["assets", "list"], ["verify"]):
        assert main([*argv, "--db", pg_url, "--lang", "zh_CN"]) == 3, argv
        err = capsys.readouterr().err
        assert "其他程序的数据表" in err and "customer" in err and "未作任何改动" in err
        assert "Traceback" not in err
    assert _pg_tables(pg_url) == before


@pytest.mark.postgres
def test_an_empty_postgresql_database_becomes_a_store_only_by_init(
    pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """As a mistyped SQLite path: `verify` of an empty database is an error, not "all 0
    signed records match" over a store it just created."""
    assert _pg_tables(pg_url) == {}
    for argv in (["verify"], ["assets", "list"], ["workorder", "list"]):
        assert main([*argv, "--db", pg_url, "--lang", "zh_CN"]) == 2, argv
        err = capsys.readouterr().err
        assert "没有运维工作台的数据库" in err and "workbench init" in err
        assert "Traceback" not in err
    assert _pg_tables(pg_url) == {}
    assert main(["init", "--db", pg_url]) == 0
    store = Store(pg_url)  # its own tables, with the identity: not refused
    try:
        assert store.store_uuid() is not None
    finally:
        store.dispose()
