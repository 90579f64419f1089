"""Backups: rotation as a pure function, the online backup, daily backups, restores."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import func, select

from workbench import config
from workbench.cli import main
from workbench.data import backup
from workbench.data.models import Asset, Location
from workbench.data.store import (
    NewerSchemaError,
    NotADatabaseError,
    Store,
    StoreCorruptError,
    StoreLockedError,
    head_revision,
)
from workbench.services import backups

UTC = dt.UTC


def _name(kind: str, at: dt.datetime, stem: str = "workbench") -> str:
    return backup.backup_name(stem, kind, at)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _count(db: Path, table: str) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


# -- names and rotation -----------------------------------------------------------------


def test_backup_names_round_trip() -> None:
    at = dt.datetime(2026, 5, 4, 3, 2, 1, 123456, tzinfo=UTC)
    name = _name("daily", at, stem="my-db.v2")
    assert backup.parse_backup_name(name) == ("my-db.v2", "daily", at)
    assert backup.parse_backup_name("workbench.sqlite3") is None
    assert backup.parse_backup_name("workbench-weird-20260101T000000000000Z.sqlite3") is None
    with pytest.raises(ValueError, match="unknown backup kind"):
        backup.backup_name("x", "hourly", at)


def test_rotation_keeps_7_daily_4_weekly_12_monthly() -> None:
    now = dt.datetime(2027, 2, 28, 4, 0, tzinfo=UTC)  # noon in Beijing
    # One backup a day for 400 days, at 01:00 UTC (09:00 Beijing).
    names = [
        _name("daily", dt.datetime(2027, 2, 28, 1, 0, tzinfo=UTC) - dt.timedelta(days=d))
        for d in range(400)
    ]
    keep, delete = backup.plan_rotation(names, now)
    assert keep | delete == set(names)
    assert not keep & delete
    kept_days = sorted(
        (backup.parse_backup_name(n) or ("", "", now))[2].astimezone(backup.LOCAL_TZ).date()
        for n in keep
    )
    # The last 7 days.
    last7 = [dt.date(2027, 2, 28) - dt.timedelta(days=d) for d in range(7)]
    assert set(last7) <= set(kept_days)
    # The newest of each of the last 4 ISO weeks: Sundays before this week's days.
    sundays = [dt.date(2027, 2, 21), dt.date(2027, 2, 14), dt.date(2027, 2, 7)]
    assert set(sundays) <= set(kept_days)
    # The newest of each of the last 12 months: month ends.
    month_ends = [dt.date(2027, 1, 31), dt.date(2026, 12, 31), dt.date(2026, 3, 31)]
    assert set(month_ends) <= set(kept_days)
    assert dt.date(2026, 2, 28) not in kept_days  # the 13th month back
    # 7 daily + 3 more weeks + 11 more months, nothing else.
    assert len(keep) == 7 + 3 + 11


def test_rotation_keeps_every_backup_of_the_last_day_and_other_files() -> None:
    now = dt.datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
    recent = [_name("manual", now - dt.timedelta(hours=h)) for h in (1, 2, 3)]
    old_same_day = [
        _name("premigration", dt.datetime(2026, 5, 20, 1, tzinfo=UTC)),
        _name("prerestore", dt.datetime(2026, 5, 20, 2, tzinfo=UTC)),
    ]
    other_db = [_name("daily", dt.datetime(2025, 1, 1, tzinfo=UTC), stem="other")]
    keep, delete = backup.plan_rotation([*recent, *old_same_day, *other_db, "notes.txt"], now)
    assert set(recent) <= keep
    # Of two backups on one old day only the newer stays.
    assert old_same_day[1] in keep
    assert delete == {old_same_day[0]}
    assert other_db[0] in keep  # the newest (only) backup of another database
    assert "notes.txt" not in keep | delete


def test_rotate_deletes_files_the_plan_drops(tmp_path: Path) -> None:
    db = tmp_path / "workbench.sqlite3"
    folder = tmp_path / "b"
    folder.mkdir()
    now = dt.datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
    for days in range(30):
        (folder / _name("daily", now - dt.timedelta(days=days))).write_bytes(b"x")
    (folder / "keep-me.txt").write_text("mine")
    removed = backup.rotate(db, now, folder)
    left = {p.name for p in folder.iterdir()}
    assert "keep-me.txt" in left
    # Monday 1 June (Beijing) and the 6 days before; the newest of the weeks that ended
    # 24 and 17 May; May's and June's newest are days already kept.
    days = {
        (backup.parse_backup_name(n) or ("", "", now))[2].date() for n in left - {"keep-me.txt"}
    }
    expected = {dt.date(2026, 6, 1) - dt.timedelta(days=d) for d in range(7)}
    assert days == expected | {dt.date(2026, 5, 24), dt.date(2026, 5, 17)}
    assert all(not p.exists() for p in removed)


# -- taking backups ---------------------------------------------------------------------


def test_backup_is_a_complete_checked_copy(sqlite_store: Store, tmp_path: Path) -> None:
    with sqlite_store.transaction("t") as s:
        s.add(Location(name="备份测试"))
    out = backups.backup_now(sqlite_store, tmp_path / "copy.sqlite3")
    assert out.exists()
    assert not Path(str(out) + "-wal").exists()
    conn = sqlite3.connect(out)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("SELECT count(*) FROM location WHERE name='备份测试'").fetchone()[0]
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == (
            head_revision()
        )
    finally:
        conn.close()
    # Into the backup folder, named after the database, listed for the GUI.
    path = backups.backup_now(sqlite_store)
    assert path.parent == config.backup_dir()
    entries = backups.list_backups(sqlite_store)
    assert [e.path for e in entries] == [str(path)]
    assert entries[0].kind == "manual"
    assert entries[0].size_bytes == path.stat().st_size


def test_backup_refuses_to_overwrite_the_database(sqlite_store: Store) -> None:
    assert sqlite_store.path is not None
    from workbench.domain.messages import WorkbenchError

    with pytest.raises(WorkbenchError):
        backups.backup_now(sqlite_store, sqlite_store.path)


def test_daily_backup_once_a_day_in_beijing_time(sqlite_store: Store) -> None:
    first = dt.datetime(2026, 6, 1, 1, 0, tzinfo=UTC)  # 09:00 Beijing
    made = backups.daily_backup_if_due(sqlite_store, first)
    assert made is not None
    assert made.exists()
    assert backups.daily_backup_if_due(sqlite_store, first + dt.timedelta(hours=10)) is None
    # 16:30 UTC is 00:30 the next day in Beijing: a new day.
    nxt = backups.daily_backup_if_due(sqlite_store, dt.datetime(2026, 6, 1, 16, 30, tzinfo=UTC))
    assert nxt is not None
    assert nxt != made
    assert len(backups.list_backups(sqlite_store)) == 2


def test_migration_takes_a_backup_first(db_path: Path) -> None:
    # A database at the first revision, as an older version of the workbench left it.
    conn = sqlite3.connect(db_path)
    conn.executescript(
        "CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY);"
        "INSERT INTO alembic_version VALUES ('0001');"
    )
    conn.close()
    Store(f"sqlite:///{db_path}", migrate=False).dispose()
    # Build the 0001 schema for real, then reopen: the upgrade backs it up first.
    db_path.unlink()
    from alembic import command

    from workbench.data.migrations import alembic_config

    engine_store = Store(f"sqlite:///{db_path}", migrate=False)
    cfg = alembic_config()
    with engine_store.engine.begin() as c:
        cfg.attributes["connection"] = c
        command.upgrade(cfg, "0001")
    engine_store.dispose()
    s = Store(f"sqlite:///{db_path}")
    s.dispose()
    found = backup.list_backups(db_path)
    assert [b.kind for b in found] == ["premigration"]
    assert backup.check_backup_file(found[0].path).revision == "0001"


# -- restore ------------------------------------------------------------------------------


def test_restore_brings_back_the_data_and_keeps_the_replaced_file(
    sqlite_store: Store, db_path: Path
) -> None:
    saved = backups.backup_now(sqlite_store)
    with sqlite_store.transaction("t") as s:
        for asset in s.scalars(select(Asset)).all():
            s.delete(asset)
    sqlite_store.dispose()
    assert _count(db_path, "asset") == 0
    outcome = backups.restore(db_path, saved)
    assert outcome.kept is not None
    kept = Path(outcome.kept)
    assert backup.parse_backup_name(kept.name)[1] == "prerestore"  # type: ignore[index]
    assert _count(kept, "asset") == 0  # the replaced state, kept
    reopened = Store(f"sqlite:///{db_path}")
    with reopened.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Asset)) == 83
    assert reopened.integrity_check() == ["ok"]
    reopened.dispose()


def _workbench_copy(store: Store, tmp_path: Path, name: str) -> Path:
    return backups.backup_now(store, tmp_path / name)


def test_restore_refuses_a_newer_backup(sqlite_store: Store, db_path: Path, tmp_path: Path) -> None:
    newer = _workbench_copy(sqlite_store, tmp_path, "newer.sqlite3")
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.commit()
    conn.close()
    sqlite_store.dispose()
    before = _digest(db_path)
    with pytest.raises(NewerSchemaError):
        backups.restore(db_path, newer)
    assert _digest(db_path) == before


def test_restore_refuses_foreign_and_damaged_files(
    sqlite_store: Store, db_path: Path, tmp_path: Path
) -> None:
    sqlite_store.dispose()
    before = _digest(db_path)
    foreign = tmp_path / "foreign.sqlite3"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(NotADatabaseError):
        backups.restore(db_path, foreign)
    text = tmp_path / "notes.sqlite3"
    text.write_text("这不是数据库" * 100, encoding="utf-8")
    with pytest.raises(NotADatabaseError):
        backups.restore(db_path, text)
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(db_path.read_bytes())
    with damaged.open("r+b") as fh:
        fh.truncate(damaged.stat().st_size // 2)
    with pytest.raises(StoreCorruptError):
        backups.restore(db_path, damaged)
    assert _digest(db_path) == before


HOLDER = textwrap.dedent(
    """
    import sqlite3, sys, time
    conn = sqlite3.connect(sys.argv[1])
    conn.execute("SELECT count(*) FROM asset").fetchone()
    print("holding", flush=True)
    time.sleep(60)
    """
)


def test_restore_refuses_while_another_program_has_the_database_open(
    sqlite_store: Store, db_path: Path
) -> None:
    saved = backups.backup_now(sqlite_store)
    sqlite_store.dispose()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db_path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "holding"
        with pytest.raises(StoreLockedError):
            backups.restore(db_path, saved)
    finally:
        holder.kill()
        holder.wait()
        assert holder.stdout is not None
        holder.stdout.close()
    assert _count(db_path, "asset") == 83
    backups.restore(db_path, saved)  # now nobody holds it


def test_restore_over_a_damaged_file_moves_it_aside_untouched(
    sqlite_store: Store, db_path: Path
) -> None:
    saved = backups.backup_now(sqlite_store)
    sqlite_store.dispose()
    db_path.write_bytes(b"garbage, not a database " * 200)
    damaged_digest = _digest(db_path)
    outcome = backups.restore(db_path, saved)
    assert outcome.kept is not None
    kept = Path(outcome.kept)
    assert kept.parent == db_path.parent
    assert ".damaged-" in kept.name
    assert _digest(kept) == damaged_digest
    assert _count(db_path, "asset") == 83


# -- the command line ---------------------------------------------------------------------


def test_cli_backup_and_restore(
    sqlite_store: Store, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sqlite_store.dispose()
    out = tmp_path / "手工备份.sqlite3"
    assert main(["backup", "-o", str(out), "--db", str(db_path)]) == 0
    assert "备份已保存到" in capsys.readouterr().out
    assert out.exists()
    assert main(["backup", "--list", "--db", str(db_path)]) == 0
    assert main(["restore", str(out), "--db", str(db_path)]) == 0
    said = capsys.readouterr().out
    assert "已从" in said
    assert "被替换的数据库已保留为" in said
    # A foreign file is refused in plain Chinese, with a non-zero exit.
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_text("hello")
    assert main(["restore", str(bogus), "--db", str(db_path)]) == 3
    err = capsys.readouterr().err
    assert "不是运维工作台的数据库" in err
    assert "Traceback" not in err
