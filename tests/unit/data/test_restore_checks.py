"""A restore checks the backup first: not the database onto itself, a backup of this
store, one that passes verification; refused plainly (exit 2, nothing changed) unless
the user says --force, and then it does what the message said."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from workbench.cli import main
from workbench.data.store import Store
from workbench.services import backups
from workbench.services.setup import load_default_contract


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _new_store(path: Path) -> str:
    store = Store(f"sqlite:///{path}")
    try:
        with store.transaction("test") as session:
            load_default_contract(session)
        uuid = store.store_uuid()
    finally:
        store.dispose()
    assert uuid is not None
    return uuid


def _uuid(path: Path) -> str | None:
    store = Store(f"sqlite:///{path}")
    try:
        return store.store_uuid()
    finally:
        store.dispose()


def test_restoring_the_database_onto_itself_is_refused_plainly(
    sqlite_store: Store, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sqlite_store.dispose()
    before = _digest(db_path)
    for extra in ([], ["--force"]):
        assert main(["restore", str(db_path), "--db", str(db_path), *extra]) == 2
        err = capsys.readouterr().err
        assert "不能从它自己恢复" in err and "Traceback" not in err
    assert _digest(db_path) == before


def test_another_stores_backup_is_refused_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ours, theirs = tmp_path / "ours.sqlite3", tmp_path / "theirs.sqlite3"
    our_id, their_id = _new_store(ours), _new_store(theirs)
    assert our_id != their_id
    other_backup = tmp_path / "theirs-backup.sqlite3"
    assert main(["backup", "-o", str(other_backup), "--db", str(theirs)]) == 0
    before = _digest(ours)
    assert main(["restore", str(other_backup), "--db", str(ours)]) == 2
    err = capsys.readouterr().err
    assert "另一个数据库" in err and "--force" in err and "Traceback" not in err
    assert _digest(ours) == before and _uuid(ours) == our_id

    assert main(["restore", str(other_backup), "--db", str(ours), "--force"]) == 0
    assert _uuid(ours) == their_id  # what the message said: the other store's records


def test_a_backup_of_this_store_restores_without_force(
    sqlite_store: Store, db_path: Path, tmp_path: Path
) -> None:
    uuid = sqlite_store.store_uuid()
    saved = backups.backup_now(sqlite_store)
    sqlite_store.dispose()
    assert main(["restore", str(saved), "--db", str(db_path)]) == 0
    assert _uuid(db_path) == uuid


def test_a_backup_that_fails_verification_is_refused_unless_forced(
    sqlite_store: Store, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = backups.backup_now(sqlite_store)
    sqlite_store.dispose()
    conn = sqlite3.connect(saved)  # someone edits a recorded change in the backup
    conn.execute("UPDATE audit_log SET actor = 'mallory' WHERE seq = 1")
    conn.commit()
    conn.close()
    tampered = _digest(saved)
    before = _digest(db_path)
    assert main(["restore", str(saved), "--db", str(db_path)]) == 2
    err = capsys.readouterr().err
    assert "未通过校验" in err and "--force" in err and "Traceback" not in err
    assert _digest(db_path) == before and _digest(saved) == tampered  # neither touched

    assert main(["restore", str(saved), "--db", str(db_path), "--force"]) == 0
    assert main(["verify", "--db", str(db_path)]) == 1  # restored as it was: altered
