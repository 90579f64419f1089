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


def test_the_gui_starts_with_the_list_then_brings_the_store_up_to_date(
    qtbot: Any, qapp: QApplication, db_path: Path
) -> None:
    """The window and the device list come first; the checklists are synced (the ORM's
    first work) and the scanner and menus wired only after the list is shown."""
    import gc

    from sqlalchemy import func, select

    from workbench.config import Settings
    from workbench.data.models.inspections import Checklist
    from workbench.data.store import Store
    from workbench.services.setup import load_default_contract
    from workbench.ui.main_window import MainWindow

    filled = Store(f"sqlite:///{db_path}")
    with filled.transaction("test") as session:
        load_default_contract(session)  # a store in use whose checklists are not synced
        assert session.scalar(select(func.count()).select_from(Checklist)) == 0
    filled.dispose()

    settings = Settings()
    settings.welcome_done = True
    settings.wedge_enabled = False
    window = MainWindow(app_module.create_context(settings))
    qtbot.addWidget(window)
    window.show()
    startup = app_module.Startup(qapp, window, settings, str(db_path))
    order: list[str] = []

    def checklists() -> int:
        with window.ctx.store.read_connection() as conn:
            return int(conn.scalar(select(func.count()).select_from(Checklist.__table__)) or 0)

    window.viewCreated.connect(
        lambda key, view: view.loaded.connect(
            lambda: order.append(f"{key} listed, {checklists()} checklists")
        )
    )
    start_work = startup.start_work

    def wire(store: Any) -> None:
        order.append(f"wired, {checklists()} checklists")
        start_work(store)

    startup.start_work = wire  # type: ignore[method-assign]
    startup.open()
    qtbot.waitUntil(lambda: startup.wiring is not None, timeout=20_000)
    try:
        assert order == ["assets listed, 0 checklists", "wired, 15 checklists"]
        assert window.view("assets").model.rowCount() == 83
        assert gc.isenabled()
    finally:
        window.ctx.tasks.wait()
        window.close()
        window.ctx.store.dispose()
        gc.unfreeze()
