"""Issue 16: a store file put back to an older copy is found at the next open, said in
the GUI, and stays a failure of ``verify`` until someone accepts it (which the audit
trail then records)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from workbench.cli import main
from workbench.data.models.identity import StoreEvent
from workbench.services import witness
from workbench.ui.witness_check import check_witness


def _copy(source: Path, target: Path) -> None:
    """A consistent copy through SQLite's backup API (the WAL included)."""
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def _rename(store: Any, name: str) -> None:
    import dataclasses

    from workbench.services import assets

    with store.transaction("test") as session:
        row = assets.get_asset(session, "XF-KIOSK-01")
        assets.update_asset(
            session, "XF-KIOSK-01", dataclasses.replace(row.as_input(), name=name),
            expected_version=None,
        )  # fmt: skip


def test_a_rolled_back_file_is_warned_about_and_accepted(  # noqa: PLR0917 - fixtures
    qtbot: Any, window: Any, store: Any, db_path: Path, tmp_path: Path, messages: list[Any]
) -> None:
    if not store.is_sqlite:
        pytest.skip("a file put back")
    older = tmp_path / "older.sqlite3"
    _copy(db_path, older)
    _rename(store, "改名后的一体机")  # the witness follows the write (attached by the window)
    _rename(store, "再次改名")
    with store.read() as session:
        result = witness.check(session)
        assert result.ok and result.seen is not None and result.seen.seq == result.current.seq
    _copy(older, db_path)  # the file is put back behind the app's back

    check_witness(window, window.ctx)
    qtbot.waitUntil(
        lambda: any(b.isVisible() for b in window.findChildren(QMessageBox)), timeout=10_000
    )
    box = next(b for b in window.findChildren(QMessageBox) if b.isVisible())
    assert "audit entries are missing" in box.text() or "条审计记录" in box.text()
    # verify agrees, until the state is accepted.
    assert main(["verify", "--db", str(db_path)]) == 1
    accept = next(b for b in box.buttons() if b.text() in ("Accept this state", "接受此状态"))
    accept.click()
    qtbot.waitUntil(lambda: any(m[0] == "info" for m in messages), timeout=10_000)
    with store.read() as session:
        assert witness.check(session).ok
        assert list(session.scalars(select(StoreEvent.kind))) == ["rollback_accepted"]
    assert main(["verify", "--db", str(db_path)]) == 0


def test_restoring_an_older_backup_asks_and_records_it(
    sqlite_store: Any, db_path: Path, tmp_path: Path, capsys: Any
) -> None:
    backup_file = tmp_path / "older-backup.sqlite3"
    assert main(["verify", "--db", str(db_path)]) == 0  # the witness sees the store
    assert main(["backup", "-o", str(backup_file), "--db", str(db_path)]) == 0
    # The backup carries the witness: the head this laptop had seen.
    import json

    from workbench.data.backup import read_annex

    carried = json.loads(read_annex(backup_file)["witness"])
    seen = witness.load(witness.default_path())
    assert carried == {k: v.to_json() for k, v in seen.items()}
    _rename(sqlite_store, "改名后的一体机")
    sqlite_store.dispose()
    assert main(["verify", "--db", str(db_path)]) == 0  # the witness has seen the rename
    capsys.readouterr()
    # Not a terminal: without --yes nothing happens, and the loss is said.
    assert main(["restore", str(backup_file), "--db", str(db_path), "--lang", "en"]) == 1
    out = capsys.readouterr()
    assert "gives up 0 signed records and" in out.out
    assert "--yes" in out.err
    assert main(["verify", "--db", str(db_path)]) == 0  # nothing was changed
    assert main(["restore", str(backup_file), "--db", str(db_path), "--yes"]) == 0
    assert main(["verify", "--db", str(db_path)]) == 0  # re-anchored
    conn = sqlite3.connect(db_path)
    try:
        ((kind, detail),) = conn.execute("SELECT kind, detail FROM store_event").fetchall()
    finally:
        conn.close()
    assert kind == "restored" and "older-backup.sqlite3" in detail


def test_a_damaged_witness_fails_verify_until_accepted(sqlite_store: Any, db_path: Path) -> None:
    sqlite_store.dispose()
    assert main(["verify", "--db", str(db_path)]) == 0
    witness.default_path().write_text('{"format": 1, "stores": {"x": {}', encoding="utf-8")
    assert main(["verify", "--db", str(db_path), "--lang", "en"]) == 1
    assert main(["chain", "accept", "--yes", "--db", str(db_path)]) == 0
    assert main(["verify", "--db", str(db_path)]) == 0
