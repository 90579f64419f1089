"""The 报表 view's deliverables tab: states, a delivery, a staff change, a payment."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from workbench.services import deliverables as service
from workbench.ui.reports.deliverables import DeliverablesPanel

TODAY = dt.datetime.now(dt.UTC).astimezone(dt.timezone(dt.timedelta(hours=8))).date()


def open_panel(qtbot: Any, window: Any) -> DeliverablesPanel:
    view = window.show_view("reports")
    with qtbot.waitSignal(view.tabs.currentChanged):
        view.tabs.setCurrentIndex(1)
    panel = view.tabs.deliverables
    assert isinstance(panel, DeliverablesPanel)
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=10_000)
    return panel


def test_lists_states_and_payments(qtbot, window, store, qtmodeltester):
    panel = open_panel(qtbot, window)
    qtmodeltester.check(panel.model)
    qtmodeltester.check(panel.payments)
    states = {r.state for r in panel.model.rows()}
    assert {"overdue", "planned"} <= states
    assert panel.payments.rowCount() == 4
    assert panel.summary_label.text()
    # The first one still owed is chosen, not a delivered one.
    assert panel.selected() is not None and panel.selected().state != "delivered"

    panel.state.setCurrentIndex(panel.state.findData("overdue"))
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.state.activated.emit(panel.state.currentIndex())
    assert panel.model.rowCount() > 0
    assert {r.state for r in panel.model.rows()} == {"overdue"}


def test_a_delivery_recorded_from_the_panel_shows_as_delivered(
    qtbot, window, store, tmp_path: Path
):
    panel = open_panel(qtbot, window)
    key = "weekly_security_report"
    panel.key.setCurrentIndex(panel.key.findData(key))
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.refresh()
    row = next(i for i, r in enumerate(panel.model.rows()) if r.state == "overdue")
    target = panel.model.row_at(row)
    panel.table.selectRow(row)
    document = tmp_path / "安全服务周报.pdf"
    document.write_bytes(b"%PDF-1.4 weekly report")
    dialog = panel.record_delivery()
    assert dialog is not None and dialog.isVisible()
    dialog.file.setText(str(tmp_path / "missing.pdf"))
    dialog.accept()
    assert dialog.isVisible() and dialog.error.text()  # no such file: stays open
    dialog.file.setText(str(document))
    dialog.note.setPlainText("已交甲方代表")
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        dialog.accept()

    shown = next(r for r in panel.model.rows() if r.id == target.id)
    assert shown.state == "delivered"
    assert shown.delivered_on == TODAY
    assert shown.note == "已交甲方代表"
    assert shown.attachment_name == document.name
    assert shown.attachment_path is not None
    assert shown.attachment_path.read_bytes() == document.read_bytes()
    from PySide6.QtCore import Qt

    assert panel.model.headerData(4, Qt.Orientation.Horizontal) in ("State", "状态")
    assert panel.model.index(panel.model.rows().index(shown), 4).data() in ("Delivered", "已交付")
    with store.read() as session:
        stored = next(r for r in service.list_deliverables(session, key=key) if r.id == target.id)
    assert stored.delivered_on == TODAY

    # Undone again.
    panel.table.selectRow(panel.model.rows().index(shown))
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.clear_button.click()
    assert next(r for r in panel.model.rows() if r.id == target.id).state != "delivered"


def test_staff_change_notice_is_due_thirty_days_before(qtbot, window, store):
    panel = open_panel(qtbot, window)
    dialog = panel.new_staff_change()
    change = TODAY + dt.timedelta(days=60)
    from PySide6.QtCore import QDate

    dialog.change_on.setDate(QDate(change.year, change.month, change.day))
    due = change - dt.timedelta(days=30)
    assert due.isoformat() in dialog.due.text()
    dialog.accept()
    assert dialog.isVisible()  # no description yet
    dialog.description.setText("王磊调离，赵强接替")
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        dialog.accept()
    notices = [r for r in panel.model.rows() if r.key == "staff_change_notice"]
    assert len(notices) == 1
    assert notices[0].due_on == due and notices[0].event_on == change
    assert "王磊调离" in panel.model.index(panel.model.rows().index(notices[0]), 1).data()


def test_invoice_and_payment_dates(qtbot, window, store):
    panel = open_panel(qtbot, window)
    panel.payments_table.selectRow(0)
    dialog = panel.record_payment()
    assert dialog is not None
    dialog.invoiced.setChecked(True)
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        dialog.accept()
    first = panel.payments.row_at(0)
    assert first.invoice_issued_on == TODAY and first.paid_on is None
    assert first.state in ("invoiced", "overdue")
    panel.payments_table.selectRow(0)
    dialog = panel.record_payment()
    assert dialog is not None and not dialog.invoiced.isEnabled()
    dialog.paid.setChecked(True)
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        dialog.accept()
    assert panel.payments.row_at(0).state == "paid"
    with store.read() as session:
        assert service.list_payments(session)[0].paid_on == TODAY


def test_a_staff_change_takes_no_more_than_its_column_holds(qtbot: Any) -> None:
    """The service refuses a description over the title column's 300 characters (it was
    cut unseen): the dialog's field takes no more (issue 17, one source of limits)."""
    from workbench.data.models.reporting import Deliverable
    from workbench.ui.reports.deliverables_dialogs import StaffChangeDialog

    dialog = StaffChangeDialog()
    qtbot.addWidget(dialog)
    assert dialog.description.maxLength() == Deliverable.title.type.length == 300
    dialog.description.setText("调" * 320)
    assert len(dialog.description.text()) == 300
