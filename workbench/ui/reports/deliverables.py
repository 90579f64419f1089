"""交付物 (deliverables) and 付款 (payment milestones), a tab of the 报表 view.

The contract's dated obligations with their state (delivered, overdue, due this week,
planned), a delivery recorded against one (date, note, the file handed over), the written
staff-change requests (due a month before each change), and the invoice and payment
dates of each payment milestone. Every query and save runs on the write worker (the
list brings the schedule up to date, which may add rows).

:func:`add_report_tabs` puts this panel and the monitoring panel beside the reports.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench import i18n
from workbench.domain import deliverables as rules
from workbench.domain.deliverables import DeliverableRow, DeliverableSummary, PaymentRow
from workbench.services import deliverables as service
from workbench.services.setup import current_contract
from workbench.ui.common.context import AppContext
from workbench.ui.common.rows_model import Column, RowsModel, rows_table
from workbench.ui.reports.deliverables_dialogs import (
    DeliveryDialog,
    PaymentDialog,
    StaffChangeDialog,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

log = logging.getLogger("workbench.ui.deliverables")

AREA = "deliverables"
STATE_COLOURS = {
    rules.DELIVERED: "#1b7a1b",
    rules.OVERDUE: "#b00020",
    rules.DUE: "#b35c00",
    rules.PLANNED: "#555555",
    rules.BEFORE_RECORDS: "#8a8a8a",
}
STATE_FILTERS: dict[str, tuple[str, ...]] = {
    "": (),
    "open": (rules.OVERDUE, rules.DUE, rules.PLANNED),
    "urgent": (rules.OVERDUE, rules.DUE),
    **{state: (state,) for state in rules.STATES},
}
PAYMENT_COLOURS = {"paid": "#1b7a1b", "invoiced": "#1f5fa8", "overdue": "#b00020", "open": None}


@dataclass(frozen=True)
class DeliverablesData:
    rows: list[DeliverableRow]
    summary: list[DeliverableSummary]
    payments: list[PaymentRow]
    notice_days: int


def state_text(state: str) -> str:
    return i18n.translate("deliverables", rules.STATE_NAMES.get(state, state))


def _day(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


class DeliverablesPanel(QWidget):
    loaded = Signal(int)  # deliverables listed
    saved = Signal(str)  # what was saved: "delivery", "staff_change", "payment", "cleared"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.notice_days = 30
        self.dialog: Any = None

        self.key = QComboBox()
        self.key.addItem(self.tr("All deliverables"), "")
        self.state = QComboBox()
        self.state.addItem(self.tr("Any state"), "")
        self.state.addItem(self.tr("Not delivered yet"), "open")
        self.state.addItem(self.tr("Overdue or due this week"), "urgent")
        for state in rules.STATES:
            self.state.addItem(state_text(state), state)
        self.key.activated.connect(lambda _i: self.refresh())
        self.state.activated.connect(lambda _i: self.refresh())
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)

        self.model: RowsModel[DeliverableRow] = RowsModel(
            [
                Column(self.tr("Deliverable"), lambda r: r.name, tooltip=lambda r: r.clause),
                Column(self.tr("Period"), self._period_text, tooltip=lambda r: r.title),
                Column(self.tr("Website"), lambda r: r.site_name),
                Column(self.tr("Due on"), lambda r: _day(r.due_on), lambda r: r.due_on),
                Column(
                    self.tr("State"),
                    lambda r: state_text(r.state),
                    colour=lambda r: STATE_COLOURS.get(r.state),
                ),
                Column(self.tr("Delivered on"), lambda r: _day(r.delivered_on)),
                Column(
                    self.tr("Days late"),
                    lambda r: str(r.days_late) if r.days_late else "",
                    lambda r: r.days_late,
                    numeric=True,
                ),
                Column(self.tr("Note"), lambda r: r.note, tooltip=lambda r: r.note),
                Column(
                    self.tr("File"),
                    lambda r: r.attachment_name,
                    tooltip=lambda r: str(r.attachment_path or ""),
                ),
            ],
            self,
        )
        self.table = rows_table(self.model, (150, 150, 150, 90, 80, 90, 60, 160))
        self.table.doubleClicked.connect(lambda _i: self.record_delivery())
        self.deliver_button = QPushButton(self.tr("Record delivery…"))
        self.deliver_button.clicked.connect(self.record_delivery)
        self.open_button = QPushButton(self.tr("Open the file"))
        self.open_button.clicked.connect(self.open_attachment)
        self.clear_button = QPushButton(self.tr("Undo delivery"))
        self.clear_button.clicked.connect(self.clear_delivery)
        self.staff_button = QPushButton(self.tr("New staff change…"))
        self.staff_button.clicked.connect(self.new_staff_change)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Show")))
        filters.addWidget(self.key)
        filters.addWidget(self.state)
        filters.addStretch(1)
        actions = QHBoxLayout()
        for button in (self.deliver_button, self.open_button, self.clear_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.staff_button)
        top = QGroupBox(self.tr("Deliverables"))
        top_layout = QVBoxLayout(top)
        top_layout.addLayout(filters)
        top_layout.addWidget(self.summary_label)
        top_layout.addWidget(self.table, 1)
        top_layout.addLayout(actions)

        self.payments: RowsModel[PaymentRow] = RowsModel(
            [
                Column(self.tr("No."), lambda p: str(p.seq), lambda p: p.seq, numeric=True),
                Column(self.tr("Payment"), lambda p: p.description, tooltip=lambda p: p.condition),
                Column(
                    self.tr("Amount (¥)"),
                    lambda p: f"{p.amount_cny:,.2f}",
                    lambda p: p.amount_cny,
                    numeric=True,
                ),
                Column(self.tr("Due by"), lambda p: _day(p.due_on) or p.condition),
                Column(self.tr("Invoice issued"), lambda p: _day(p.invoice_issued_on)),
                Column(self.tr("Paid on"), lambda p: _day(p.paid_on)),
                Column(
                    self.tr("State"),
                    lambda p: self.payment_state_text(p.state),
                    colour=lambda p: PAYMENT_COLOURS.get(p.state),
                ),
                Column(self.tr("Note"), lambda p: p.note, tooltip=lambda p: p.note),
            ],
            self,
        )
        self.payments_table = rows_table(self.payments, (40, 200, 110, 150, 100, 100, 80))
        self.payments_table.setMinimumHeight(150)
        self.payments_table.doubleClicked.connect(lambda _i: self.record_payment())
        self.payment_button = QPushButton(self.tr("Record invoice / payment…"))
        self.payment_button.clicked.connect(self.record_payment)
        bottom = QGroupBox(self.tr("Payment milestones"))
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.addWidget(self.payments_table, 1)
        row = QHBoxLayout()
        row.addWidget(self.payment_button)
        row.addStretch(1)
        bottom_layout.addLayout(row)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        ctx.events.dataChanged.connect(self._data_changed)
        self.refresh()

    def _period_text(self, row: DeliverableRow) -> str:
        if row.key == service.STAFF_CHANGE_KEY:
            return self.tr("change on {date}: {what}").format(
                date=_day(row.event_on), what=row.title
            )
        return row.period

    def payment_state_text(self, state: str) -> str:
        return {
            "paid": self.tr("paid"),
            "invoiced": self.tr("invoiced"),
            "overdue": self.tr("overdue"),
            "open": self.tr("open"),
        }.get(state, state)

    # -- loading --------------------------------------------------------------------
    def _data_changed(self, area: str) -> None:
        if area in (AREA, "all"):
            self.refresh()

    def refresh(self) -> None:
        key = str(self.key.currentData() or "") or None
        states = STATE_FILTERS.get(str(self.state.currentData() or ""), ())

        def query(session: Session) -> DeliverablesData:
            rows = service.list_deliverables(session, key=key, states=states)
            contract = current_contract(session)
            terms = rules.terms_from(contract.terms or {}) if contract else []
            notice = next((t.notice_days for t in terms if t.key == service.STAFF_CHANGE_KEY), None)
            return DeliverablesData(
                rows,
                service.summary(session),
                service.list_payments(session),
                notice or 30,
            )

        # On the write worker: listing brings the schedule's rows up to date.
        self.ctx.write(None, query, self._show, owner=self, key="list")

    def _show(self, data: DeliverablesData) -> None:
        chosen = self.selected()
        self.notice_days = data.notice_days
        self.model.set_rows(data.rows)
        self.payments.set_rows(data.payments)
        if self.key.count() == 1:
            for item in data.summary:
                self.key.addItem(item.name, item.key)
        parts = []
        for item in data.summary:
            if item.total == 0:
                continue
            if item.minimum is not None:  # a yearly count (一、2): progress and pace
                text = self.tr(
                    "{name}: {delivered} of at least {minimum} this year (at a steady pace "
                    "{pace} by today)"
                ).format(
                    name=item.name,
                    delivered=item.delivered,
                    minimum=item.minimum,
                    pace=item.on_pace if item.on_pace is not None else "—",
                )
            else:
                text = self.tr("{name}: {delivered} of {due} due so far delivered").format(
                    name=item.name, delivered=item.delivered, due=item.due_so_far
                )
            if item.overdue:
                text += "<span style='color:#b00020'>{}</span>".format(
                    self.tr(", {n} overdue").format(n=item.overdue)
                )
            parts.append(text)
        self.summary_label.setText(self.tr("; ").join(parts))
        target = -1
        for index, row in enumerate(data.rows):
            if chosen is not None and row.id == chosen.id:
                target = index
                break
        if target < 0:  # the first one still owed
            target = next(
                (i for i, r in enumerate(data.rows) if r.state != rules.DELIVERED),
                len(data.rows) - 1,
            )
        if target >= 0:
            self.table.selectRow(target)
            self.table.scrollTo(
                self.model.index(target, 0), QAbstractItemView.ScrollHint.PositionAtCenter
            )
        self.loaded.emit(len(data.rows))

    def selected(self) -> DeliverableRow | None:
        return self.model.row_of(self.table.currentIndex())

    def selected_payment(self) -> PaymentRow | None:
        return self.payments.row_of(self.payments_table.currentIndex())

    # -- saving ---------------------------------------------------------------------
    def _save(self, what: str, job: Callable[[Session], Any]) -> None:
        self.ctx.write(AREA, job, lambda _result: self.saved.emit(what))

    def record_delivery(self) -> DeliveryDialog | None:
        row = self.selected()
        if row is None:
            self.ctx.messages.note(self.tr("Choose a deliverable in the list first."))
            return None
        dialog = DeliveryDialog(row, self)

        def accepted() -> None:
            day, note, path = (
                dialog.delivered_on.date().toPython(),
                dialog.note.toPlainText(),
                dialog.attachment(),
            )
            assert isinstance(day, dt.date)
            self._save(
                "delivery",
                lambda s: service.record_delivery(
                    s,
                    row.id,
                    delivered_on=day,
                    note=note,
                    attachment=path,
                    delivered_by=self.ctx.actor,
                ),
            )

        dialog.accepted.connect(accepted)
        self.dialog = dialog
        dialog.open()
        return dialog

    def clear_delivery(self) -> None:
        row = self.selected()
        if row is None or row.delivered_on is None:
            self.ctx.messages.note(self.tr("Choose a delivered deliverable first."))
            return
        self._save("cleared", lambda s: service.clear_delivery(s, row.id))

    def open_attachment(self) -> None:
        row = self.selected()
        if row is None or row.attachment_path is None:
            self.ctx.messages.note(self.tr("This deliverable has no file."))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(row.attachment_path)))

    def new_staff_change(self) -> StaffChangeDialog:
        dialog = StaffChangeDialog(self.notice_days, self)

        def accepted() -> None:
            day = dialog.change_on.date().toPython()
            text = dialog.description.text()
            assert isinstance(day, dt.date)
            self._save(
                "staff_change",
                lambda s: service.add_staff_change(s, change_on=day, description=text),
            )

        dialog.accepted.connect(accepted)
        self.dialog = dialog
        dialog.open()
        return dialog

    def record_payment(self) -> PaymentDialog | None:
        row = self.selected_payment()
        if row is None:
            self.ctx.messages.note(self.tr("Choose a payment milestone first."))
            return None
        dialog = PaymentDialog(row, self)

        def accepted() -> None:
            invoice, paid, note = dialog.invoice_issued_on(), dialog.paid_on(), dialog.note.text()
            self._save(
                "payment",
                lambda s: service.record_payment(
                    s, row.id, invoice_issued_on=invoice, paid_on=paid, note=note
                ),
            )

        dialog.accepted.connect(accepted)
        self.dialog = dialog
        dialog.open()
        return dialog


class ReportTabs(QTabWidget):
    """The 报表 view's tabs: the reports, the deliverables, the website monitoring.

    The two panels are made when their tab is first shown: the reports open at once.
    """

    def __init__(self, ctx: AppContext, reports: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.addTab(reports, self.tr("Reports"))
        self.deliverables: DeliverablesPanel | None = None
        self.monitoring: QWidget | None = None
        self._holders = [QWidget(), QWidget()]
        for holder in self._holders:
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
        self.addTab(self._holders[0], self.tr("Deliverables and payments"))
        self.addTab(self._holders[1], self.tr("Website monitoring"))
        self.currentChanged.connect(self._ensure)

    def _ensure(self, index: int) -> None:
        if index == 1:
            self.deliverables_panel()
        elif index == 2:
            self.monitoring_panel()

    def deliverables_panel(self) -> DeliverablesPanel:
        if self.deliverables is None:
            self.deliverables = DeliverablesPanel(self.ctx, self._holders[0])
            layout = self._holders[0].layout()
            assert layout is not None
            layout.addWidget(self.deliverables)
        return self.deliverables

    def monitoring_panel(self) -> Any:
        if self.monitoring is None:
            from workbench.ui.reports.monitoring import MonitoringPanel

            self.monitoring = MonitoringPanel(self.ctx, self._holders[1])
            layout = self._holders[1].layout()
            assert layout is not None
            layout.addWidget(self.monitoring)
        return self.monitoring

    def show_deliverables(self) -> DeliverablesPanel:
        self.setCurrentIndex(1)
        return self.deliverables_panel()

    def show_monitoring(self) -> Any:
        self.setCurrentIndex(2)
        return self.monitoring_panel()


def add_report_tabs(view: QWidget, ctx: AppContext, reports: QWidget) -> ReportTabs:
    """Lay ``view`` out as tabs: ``reports`` (its former content) first."""
    tabs = ReportTabs(ctx, reports, view)
    layout = QVBoxLayout(view)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(tabs)
    return tabs
