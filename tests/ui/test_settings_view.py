from __future__ import annotations

from workbench.config import Settings
from workbench.services import engineers as engineer_service


def test_engineer_accounts_and_current_engineer(qtbot, window, store):
    view = window.show_view("settings")
    from workbench.ui.settings.pins import EngineerDialog, PinDialog

    view.add_engineer()
    dialog = [d for d in view.findChildren(EngineerDialog) if d.isVisible()][-1]
    qtbot.keyClicks(dialog.name, "Wang Lei")
    qtbot.keyClicks(dialog.pin, "123456")
    qtbot.keyClicks(dialog.pin2, "123457")
    dialog.accept()
    assert dialog.isVisible() and dialog.error.text()  # the PINs differ
    dialog.pin2.setText("123456")
    dialog.accept()
    qtbot.waitUntil(lambda: view.engineers.rowCount() == 1, timeout=5000)
    with store.transaction() as session:
        row = engineer_service.find_engineer(session, "Wang Lei")
        assert row is not None and row.has_pin
        assert engineer_service.unlock(session, row.id, "123456").fingerprint == row.fingerprint
    # The fingerprint is shown in the list.
    assert view.engineers.index(0, 4).data().replace(" ", "") == row.fingerprint[:32].upper()

    # A second engineer's key needs the first's approval with their PIN (issue 16).
    view.add_engineer()
    second = [d for d in view.findChildren(EngineerDialog) if d.isVisible()][-1]
    assert second.approver.isVisible() and second.approver.currentText() == "Wang Lei"
    second.name.setText("Li Na")
    second.pin.setText("654321")
    second.pin2.setText("654321")
    second.accept()
    assert second.isVisible() and second.error.text()  # no approver PIN typed
    second.approver_pin.setText("123456")
    second.accept()
    qtbot.waitUntil(lambda: view.engineers.rowCount() == 2, timeout=5000)

    # Changing Wang Lei's PIN needs the old one.
    view.engineer_table.selectRow([r.name for r in view.engineers.rows()].index("Wang Lei"))
    view.set_pin()
    pin_dialog = [d for d in view.findChildren(PinDialog) if d.isVisible()][-1]
    assert pin_dialog.change.isChecked() and not pin_dialog.approver.isVisible()
    pin_dialog.pin.setText("111222")
    pin_dialog.pin2.setText("111222")
    pin_dialog.accept()
    assert pin_dialog.isVisible() and pin_dialog.error.text()  # the old PIN is missing
    pin_dialog.old_pin.setText("123456")
    with qtbot.waitSignal(view.ctx.events.dataChanged, timeout=5000):
        pin_dialog.accept()
    with store.transaction() as session:
        row = engineer_service.find_engineer(session, "Wang Lei")
        assert engineer_service.unlock(session, row.id, "111222").fingerprint == row.fingerprint

    view.engineer.setCurrentIndex(view.engineer.findData("Wang Lei"))
    assert Settings.load().engineer == "Wang Lei"
    assert window.ctx.actor == "Wang Lei"


def test_verify_reports_an_intact_store(qtbot, window):
    view = window.show_view("settings")
    view.verify()
    qtbot.waitUntil(lambda: view.verify_button.isEnabled(), timeout=10000)
    assert view.verify_result.text() in (
        "Every signed record matches its signature.",
        "每条已签字记录都与签字时一致。",
    )


def test_language_box_shows_the_language_in_use(qtbot, window):
    """Under --lang en with 简体中文 saved (the default), the box says English (issue 20)."""
    assert window.ctx.settings.language == "zh_CN"
    view = window.show_view("settings")
    assert view.language.currentData() == "en"


def test_language_setting_is_saved(qtbot, window):
    view = window.show_view("settings")
    view.language.setCurrentIndex(view.language.findData("zh_CN"))
    assert Settings.load().language == "zh_CN"
    assert view.language_note.text()


def test_database_is_shown_as_its_file(qtbot, window, store):
    """The Data box names the database file, not the URL "sqlite:////…" (issue 20); a
    server keeps its URL, password hidden."""
    from PySide6.QtWidgets import QLabel

    view = window.show_view("settings")
    texts = [label.text() for label in view.findChildren(QLabel)]
    if store.is_sqlite:
        assert str(store.path) in texts
        assert not any(t.startswith("sqlite:") for t in texts)
    else:
        assert store.safe_url in texts


def test_penalty_on_work_order_paper_is_off_until_ticked(qtbot, window):
    """Issue 18: the signed work order prints no amount unless the setting asks."""
    view = window.show_view("settings")
    assert Settings().workorder_penalty_on_paper is False
    assert not view.penalty_on_paper.isChecked()
    view.penalty_on_paper.setChecked(True)
    assert Settings.load().workorder_penalty_on_paper is True
    assert window.ctx.settings.workorder_penalty_on_paper is True
    view.penalty_on_paper.setChecked(False)
    assert Settings.load().workorder_penalty_on_paper is False
