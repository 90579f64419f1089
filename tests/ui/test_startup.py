"""Start-up pieces that keep the first frame cheap: the UI font and the deferred log file."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from workbench import app as app_module
from workbench import logsetup


@pytest.fixture
def restore_font(qapp: QApplication) -> Any:
    font = qapp.font()
    yield
    qapp.setFont(font)


def test_without_a_system_cjk_font_the_bundled_one_is_registered(
    qapp: QApplication, restore_font: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app_module, "PREFERRED_SYSTEM_FONTS", ("No Such Font 字体",))
    family = app_module.setup_font(qapp)
    assert family == app_module.BUNDLED_FAMILY
    assert family in QFontDatabase.families()
    assert qapp.font().families()[0] == family


def test_a_system_cjk_font_is_used_as_it_is(
    qapp: QApplication, restore_font: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    system = next(f for f in QFontDatabase.families() if f)
    monkeypatch.setattr(app_module, "PREFERRED_SYSTEM_FONTS", ("No Such Font", system))
    calls: list[int] = []
    monkeypatch.setattr(app_module, "register_bundled_font", lambda: calls.append(1) or [])
    assert app_module.setup_font(qapp) == system
    assert qapp.font().family() == system
    assert calls == []  # the 5 MB file is not loaded


def test_deferred_log_file_holds_records_until_attached(workbench_home: Path) -> None:
    logsetup.configure(defer_file=True)
    log_path = Path(logsetup.log_file())
    logging.getLogger("workbench.test").info("before the first frame 设备")
    assert not log_path.exists() or "before the first frame" not in log_path.read_text("utf-8")

    logsetup.attach_file()
    logging.getLogger("workbench.test").warning("after the first frame")
    root = logging.getLogger("workbench")
    for handler in root.handlers:
        handler.flush()
    text = log_path.read_text("utf-8")
    assert text.index("before the first frame 设备") < text.index("after the first frame")
    assert any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers)
    assert not any(isinstance(h, logsetup._Pending) for h in root.handlers)
    logsetup.attach_file()  # a second call (crash hook, exit) changes nothing
    assert sum(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers) == 1


def test_the_log_file_opens_at_once_without_deferral(workbench_home: Path) -> None:
    logsetup.configure()
    logging.getLogger("workbench.test").info("command line")
    for handler in logging.getLogger("workbench").handlers:
        handler.flush()
    assert "command line" in Path(logsetup.log_file()).read_text("utf-8")


def test_startup_heap_is_kept_out_of_full_collections() -> None:
    import gc

    gc.unfreeze()
    try:
        app_module.freeze_startup_heap()
        assert gc.get_freeze_count() > 10_000  # the modules and classes loaded so far
    finally:
        gc.unfreeze()


def test_daily_backup_is_taken_once_and_a_failure_only_logged(
    store: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from workbench.services import backups

    app_module.take_daily_backup(store)
    app_module.take_daily_backup(store)
    daily = [b for b in backups.list_backups(store) if b.kind == "daily"]
    assert len(daily) == 1

    def full(_store: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backups, "daily_backup_if_due", full)
    with caplog.at_level(logging.ERROR, logger="workbench.app"):
        app_module.take_daily_backup(store)
    assert "daily backup failed" in caplog.text


def test_the_gui_opens_the_store_without_waiting_for_the_backup(db_path: Path) -> None:
    from workbench.services import backups

    store = app_module.open_and_fill(str(db_path), backup=False)
    try:
        assert backups.list_backups(store) == []
    finally:
        store.dispose()
    store = app_module.open_and_fill(str(db_path))
    try:
        assert [b.kind for b in backups.list_backups(store)] == ["daily"]
    finally:
        store.dispose()
