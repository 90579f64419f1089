"""Bad storage: each case is its own StoreError, a plain Chinese message naming the latest
backup and the restore command, a non-zero exit in the CLI, and the file left untouched."""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event, select

from workbench.cli import main
from workbench.data.backup import backup_to_offer, describe_error
from workbench.data.models import Asset, Location
from workbench.data.store import (
    DiskFullError,
    NewerSchemaError,
    NotADatabaseError,
    RecordChangedError,
    Store,
    StoreCorruptError,
    StoreError,
    StoreLockedError,
    StoreMissingError,
    StoreReadOnlyError,
    concurrent_edit_guard,
)
from workbench.services import backups


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def backed_up(sqlite_store: Store, db_path: Path) -> tuple[Path, Path]:
    """A closed store file with one backup of it: (database, backup)."""
    saved = backups.backup_now(sqlite_store)
    sqlite_store.dispose()
    return db_path, saved


def _cli_fails_plainly(db: Path, capsys: pytest.CaptureFixture[str], *words: str) -> str:
    status = main(["backup", "--list", "--db", str(db)])
    err = capsys.readouterr().err
    assert status == 3
    assert "Traceback" not in err
    for word in words:
        assert word in err
    return err


def _offers_restore(exc: StoreError, saved: Path) -> None:
    assert backup_to_offer(exc) == saved
    assert str(saved) not in exc.render()  # the error names no backup: shown, it is offered
    text = describe_error(exc)
    assert str(saved) in text
    assert "workbench restore" in text


def test_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "no-such-folder" / "store.sqlite3"
    with pytest.raises(StoreMissingError):
        Store(f"sqlite:///{db}")
    _cli_fails_plainly(db, capsys, "数据库所在的文件夹不存在", str(db.parent))
    assert not db.parent.exists()


def test_not_a_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "report.sqlite3"
    db.write_text("工作总结\n" * 500, encoding="utf-8")
    before = _digest(db)
    with pytest.raises(NotADatabaseError):
        Store(f"sqlite:///{db}")
    _cli_fails_plainly(db, capsys, "不是运维工作台的数据库", "文件未作任何改动")
    assert _digest(db) == before


def test_truncated_file(backed_up: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    db, saved = backed_up
    with db.open("r+b") as fh:
        fh.truncate(db.stat().st_size // 3)
    before = _digest(db)
    with pytest.raises(StoreCorruptError) as caught:
        Store(f"sqlite:///{db}")
    _offers_restore(caught.value, saved)
    _cli_fails_plainly(db, capsys, "已损坏", str(saved), "workbench restore")
    assert _digest(db) == before


def test_corrupted_pages(backed_up: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    db, saved = backed_up
    size = db.stat().st_size
    with db.open("r+b") as fh:  # scribble over every page but the first
        for offset in range(4096, size, 4096):
            fh.seek(offset + 100)
            fh.write(os.urandom(64))
    before = _digest(db)
    with pytest.raises(StoreCorruptError) as caught:
        Store(f"sqlite:///{db}")
    _offers_restore(caught.value, saved)
    _cli_fails_plainly(db, capsys, "已损坏", "workbench restore")
    assert _digest(db) == before


def test_newer_schema(backed_up: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    db, saved = backed_up
    conn = sqlite3.connect(db)
    conn.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = _digest(db)
    with pytest.raises(NewerSchemaError) as caught:
        Store(f"sqlite:///{db}")
    _offers_restore(caught.value, saved)
    _cli_fails_plainly(db, capsys, "更新版本", "0099_from_the_future", "请升级本程序")
    assert _digest(db) == before


LOCKER = textwrap.dedent(
    """
    import sqlite3, sys, time
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    conn.execute("BEGIN EXCLUSIVE")
    conn.execute("UPDATE location SET note = note")
    print("locked", flush=True)
    time.sleep(60)
    """
)


def test_locked_by_another_process(backed_up: tuple[Path, Path]) -> None:
    db, saved = backed_up
    locker = subprocess.Popen(
        [sys.executable, "-c", LOCKER, str(db)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert locker.stdout is not None
        assert locker.stdout.readline().strip() == "locked"
        with pytest.raises(StoreLockedError) as caught:
            Store(f"sqlite:///{db}", busy_timeout_ms=300)
        assert "正被其他程序占用" in caught.value.render(_zh())
        _offers_restore(caught.value, saved)
    finally:
        locker.kill()
        locker.wait()
        assert locker.stdout is not None
        locker.stdout.close()
    Store(f"sqlite:///{db}").dispose()  # usable again once the other program is gone


def _zh():  # type: ignore[no-untyped-def]
    from workbench import i18n

    i18n.load("zh_CN")
    return i18n.translate


@contextlib.contextmanager
def _read_only_folder(folder: Path) -> Iterator[None]:
    """Make ``folder`` read-only for this process: a read-only mount when root (root
    ignores file permissions), file permissions otherwise."""
    if os.geteuid() == 0:
        try:
            subprocess.run(
                ["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(folder)],
                check=True,
                capture_output=True,
            )
        except (OSError, subprocess.CalledProcessError) as exc:
            pytest.skip(f"cannot mount a tmpfs to make a read-only folder: {exc}")
        try:
            yield
        finally:
            subprocess.run(["umount", str(folder)], check=False)
        return
    yield


def test_read_only_file(
    tmp_path: Path, sqlite_store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    saved = backups.backup_now(sqlite_store)
    sqlite_store.dispose()
    with _read_only_folder(folder):
        db = folder / "store.sqlite3"
        db.write_bytes(saved.read_bytes())
        if os.geteuid() == 0:
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        else:
            db.chmod(0o444)
            folder.chmod(0o555)
        try:
            before = _digest(db)
            with pytest.raises(StoreReadOnlyError):
                Store(f"sqlite:///{db}")
            _cli_fails_plainly(db, capsys, "无法写入", "只读")
            assert _digest(db) == before
        finally:
            if os.geteuid() != 0:
                folder.chmod(0o755)


def test_disk_full_loses_nothing_committed(sqlite_store: Store, db_path: Path) -> None:
    # SQLite's page limit stands in for a full disk: the same SQLITE_FULL.
    with sqlite_store.transaction("t") as s:
        pages = s.connection().exec_driver_sql("PRAGMA page_count").scalar()
    assert isinstance(pages, int)
    sqlite_store.dispose()
    event.listen(
        sqlite_store.engine,
        "connect",
        lambda conn, _rec: conn.execute(f"PRAGMA max_page_count = {pages + 2}"),
    )

    def fill_the_disk() -> None:
        with sqlite_store.transaction("t") as s:
            for i in range(2000):
                s.add(Location(name=f"满-{i:05d}", note="x" * 500))

    with pytest.raises(DiskFullError) as caught:
        fill_the_disk()
    assert "磁盘已满" in caught.value.render(_zh())
    sqlite_store.dispose()
    reopened = Store(f"sqlite:///{db_path}")
    assert reopened.integrity_check() == ["ok"]
    with reopened.transaction() as s:
        names = s.scalars(select(Location.name)).all()
        assert not [n for n in names if n.startswith("满-")]
        assert len(s.scalars(select(Asset)).all()) == 83
    reopened.dispose()


def test_stale_save_is_refused_with_a_clear_message(store: Store) -> None:
    code = Asset.code == "XF-KIOSK-01"
    first = store._session()
    second = store._session()
    try:
        mine = first.scalars(select(Asset).where(code)).one()
        first.commit()  # the form shows it; the transaction is over
        theirs = second.scalars(select(Asset).where(code)).one()
        theirs.notes = "theirs"
        second.commit()
        mine.notes = "mine"
        with pytest.raises(RecordChangedError) as caught, concurrent_edit_guard():
            first.flush()
        first.rollback()
        assert caught.value.render(_zh()) == "此记录已被其他人修改，请重新载入"
    finally:
        first.close()
        second.close()
    with store.transaction() as s:
        assert s.scalars(select(Asset.notes).where(code)).one() == "theirs"


def test_store_transaction_translates_stale_saves(store: Store) -> None:
    from sqlalchemy.orm.exc import StaleDataError

    with pytest.raises(RecordChangedError), store.transaction("x"):
        raise StaleDataError("UPDATE statement on table 'asset' expected to update 1 row(s)")
