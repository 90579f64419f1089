"""A damaged database at start: the user is told plainly and offered the latest backup."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from workbench.app import offer_restore
from workbench.data.backup import backup_to_offer, describe_error
from workbench.data.store import StoreError
from workbench.services import assets as asset_service
from workbench.services.backups import backup_now
from workbench.services.startup import open_and_fill


def corrupt(path: Path) -> None:
    data = bytearray(path.read_bytes())
    # Overwrite pages in the middle of the file (not the header): quick_check finds it.
    start = 4096 * 3
    data[start : start + 8192] = b"\xa5" * 8192
    path.write_bytes(bytes(data))


def press(button_text: str, seen: list[str]) -> None:
    """Click the button with that text on the open message box (or close it, so that a
    wrong text fails the test instead of hanging it); ``seen`` records the box's text."""
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible():
            seen.append(widget.text())
            for button in widget.buttons():
                if button.text() == button_text:
                    button.click()
                    return
            seen.append("buttons: " + ", ".join(b.text() for b in widget.buttons()))
            widget.reject()
            return
    seen.append("no message box")


@pytest.fixture
def damaged(qapp, tmp_path: Path) -> tuple[Path, Path]:
    db = tmp_path / "wb.sqlite3"
    store = open_and_fill(str(db))
    backup = backup_now(store)
    store.dispose()
    corrupt(db)
    return db, backup


def test_damaged_store_is_refused_and_the_backup_restored(qtbot, damaged, zh):
    db, backup = damaged
    before = db.read_bytes()
    with pytest.raises(StoreError) as info:
        open_and_fill(str(db))
    error = info.value
    assert db.read_bytes() == before  # the damaged file is never overwritten
    assert backup_to_offer(error) == backup
    text = describe_error(error, __import__("workbench.i18n", fromlist=["translate"]).translate)
    assert "已损坏" in text and str(backup) in text

    seen: list[str] = []
    QTimer.singleShot(200, lambda: press("恢复最近的备份", seen))
    assert offer_restore(None, error) is True, seen
    assert "已损坏" in seen[0]
    kept = list(db.parent.glob(db.name + ".damaged-*Z"))  # beside it: its -wal, -shm
    assert len(kept) == 1 and kept[0].read_bytes() == before  # kept aside, unchanged
    store = open_and_fill(str(db))
    try:
        with store.transaction() as session:
            assert asset_service.count_assets(session) == 83
    finally:
        store.dispose()


def test_declining_the_restore_changes_nothing(qtbot, damaged, zh):
    db, _backup = damaged
    before = db.read_bytes()
    with pytest.raises(StoreError) as info:
        open_and_fill(str(db))
    seen: list[str] = []
    QTimer.singleShot(200, lambda: press("退出", seen))
    assert offer_restore(None, info.value) is False
    assert seen and "buttons" not in seen[-1], seen
    assert db.read_bytes() == before


def test_damage_found_by_the_background_check_offers_the_backup(qtbot, damaged, zh):
    """The GUI opens with the cheap checks only; the full check follows in the background
    and, finding damage, ends the session after offering the backup."""
    from workbench.app import check_in_background, create_main_window
    from workbench.config import Settings

    db, _backup = damaged
    store = open_and_fill(str(db), full_check=False)  # pages, not the header, are damaged
    window = create_main_window(store, Settings(), start_scanner=False)
    qtbot.addWidget(window)
    ended: list[bool] = []
    seen: list[str] = []
    QTimer.singleShot(500, lambda: press("退出", seen))
    check_in_background(window, window.ctx, lambda: ended.append(True))
    qtbot.waitUntil(lambda: ended == [True], timeout=20000)
    assert seen and "已损坏" in seen[0]
    window.ctx.tasks.wait()
