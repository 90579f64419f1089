"""The 总览 view: where the contract stands this morning.

Key figures (open work orders and the next deadline, breaches and penalty exposure this
month and this contract year, inspections overdue, deliverables due this week) and four
charts drawn by :mod:`workbench.reports.charts` inside Qt (``FigureCanvasQTAgg``, imported
only when the first figures arrive, so that start-up stays fast). Clicking a bar lists its
work orders below; double-clicking one opens it in the 工单 view. Every query runs off the
GUI thread through ``ctx.tasks``.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench import i18n
from workbench.domain import reporting as figures
from workbench.domain import workorders as wo_rules
from workbench.domain.timeutil import fmt_local
from workbench.domain.workorders import WorkOrderRow
from workbench.services import reporting
from workbench.ui.common.context import AppContext

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

log = logging.getLogger("workbench.ui.dashboard")

# How many deliverables the list above the charts names before "… and N more": a longer
# list would push the charts down until they lose their axes at 1366×768.
DELIVERABLE_LINES = 4


def money(value: Any) -> str:
    return f"¥{value:,.2f}"


class Card(QFrame):
    """One key figure: a caption, a big value, a line of detail."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("card")
        self.setStyleSheet("QFrame#card { background: #f7f9fc; border: 1px solid #d5dce6; }")
        self.caption = QLabel(caption, self)
        self.caption.setStyleSheet("color: #555; font-size: 10pt;")
        self.value = QLabel("—", self)
        self.value.setStyleSheet("font-size: 20pt; font-weight: bold; color: #1f4e79;")
        self.detail = QLabel("", self)
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet("color: #444; font-size: 9pt;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)

    def set(self, value: str, detail: str = "", alarm: bool = False) -> None:
        self.value.setText(value)
        colour = "#c00000" if alarm else "#1f4e79"
        self.value.setStyleSheet(f"font-size: 20pt; font-weight: bold; color: {colour};")
        self.detail.setText(detail)


class DashboardView(QWidget):
    """The 总览 view."""

    loaded = Signal()  # the figures arrived and are shown
    ordersListed = Signal(int)  # a bar was clicked: how many orders are listed

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: reporting.Dashboard | None = None
        self.bar_keys: dict[Any, tuple[str, str]] = {}
        self.canvases: list[Any] = []
        self.listed: list[WorkOrderRow] = []

        self.title = QLabel(self.tr("Where the contract stands"), self)
        self.title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.as_of = QLabel("", self)
        self.as_of.setStyleSheet("color: #666;")
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.as_of)
        top.addWidget(self.refresh_button)

        self.open_card = Card(self.tr("Open work orders"), self)
        self.month_card = Card(self.tr("Breaches this month"), self)
        self.year_card = Card(self.tr("Breaches this contract year"), self)
        self.inspection_card = Card(self.tr("Inspections overdue"), self)
        self.deliverable_card = Card(self.tr("Deliverables this week"), self)
        cards = QHBoxLayout()
        for card in (
            self.open_card,
            self.month_card,
            self.year_card,
            self.inspection_card,
            self.deliverable_card,
        ):
            cards.addWidget(card, 1)

        self.deliverables = QLabel("", self)
        self.deliverables.setWordWrap(True)
        self.deliverables.setTextFormat(Qt.TextFormat.PlainText)

        self.chart_area = QWidget(self)
        self.chart_grid = QGridLayout(self.chart_area)
        self.chart_grid.setContentsMargins(0, 0, 0, 0)
        self.chart_hint = QLabel(self.tr("Loading…"), self.chart_area)
        self.chart_grid.addWidget(self.chart_hint, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.chart_area)
        scroll.setFrameShape(QFrame.Shape.NoFrame)

        self.list_title = QLabel(self.tr("Click a bar to list its work orders."), self)
        self.orders = QTableWidget(0, 6, self)
        self.orders.setHorizontalHeaderLabels(
            [
                self.tr("Work order"),
                self.tr("Type"),
                self.tr("Device"),
                self.tr("Reported"),
                self.tr("Status"),
                self.tr("Breached"),
            ]
        )
        self.orders.verticalHeader().hide()
        self.orders.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.orders.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.orders.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.orders.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((130, 100, 140, 140, 80)):
            self.orders.setColumnWidth(column, width)
        self.orders.cellDoubleClicked.connect(self._open_order)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.list_title)
        lower_layout.addWidget(self.orders)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(scroll)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([560, 160])
        self.splitter = splitter

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(cards)
        layout.addWidget(self.deliverables)
        layout.addWidget(splitter, 1)

        ctx.events.dataChanged.connect(lambda _area: self.refresh())
        if ctx.ready:
            self.refresh()
        else:
            ctx.events.storeReady.connect(self.refresh)

    # -- loading -------------------------------------------------------------------------
    def refresh(self) -> None:
        self.ctx.read(self, "dashboard", reporting.dashboard, self.show_data)

    def show_data(self, data: reporting.Dashboard) -> None:
        self.data = data
        as_of = self.tr("As of {time}").format(time=fmt_local(data.evaluated_at))
        if data.records_from is not None:
            as_of = self.tr("{as_of} · records kept from {date}").format(
                as_of=as_of, date=data.records_from.isoformat()
            )
        self.as_of.setText(as_of)
        nd = data.next_deadline
        if nd is not None and nd.number:
            detail = self.tr("Next deadline: {number} {what} at {time}").format(
                number=nd.number,
                what=i18n.translate("workorders", wo_rules.SLA_NAMES.get(nd.key, nd.key)),
                time=fmt_local(nd.deadline),
            )
        else:
            detail = self.tr("No deadline running.")
        if nd is not None and nd.overdue_open:
            detail += "\n" + self.tr("{n} open orders past a deadline").format(n=nd.overdue_open)
        self.open_card.set(str(data.open_orders), detail, bool(nd and nd.overdue_open))
        for card, sla, period in (
            (self.month_card, data.month_sla, data.month.label),
            (self.year_card, data.year_sla, data.year.label),
        ):
            card.set(
                str(sla.breached),
                self.tr("Exposure {amount} · SLA {rate}\n{period}").format(
                    amount=money(sla.exposure_cny),
                    rate=figures.percent(sla.compliance),
                    period=period,
                ),
                sla.breached > 0,
            )
        self.inspection_card.set(
            str(data.overdue_inspections),
            self.tr("{n} more devices due now").format(n=data.due_inspections),
            data.overdue_inspections > 0,
        )
        self.deliverable_card.set(
            str(data.deliverables_due),
            self.tr("{n} past due").format(n=data.deliverables_overdue),
            data.deliverables_overdue > 0,
        )
        lines = []
        for d in data.deliverables[:DELIVERABLE_LINES]:
            state = (
                self.tr("overdue since {date}") if d.state == "overdue" else self.tr("due {date}")
            ).format(date=d.due_on.isoformat())
            lines.append(f"• {d.label} — {state}")
        if len(data.deliverables) > DELIVERABLE_LINES:
            more = len(data.deliverables) - DELIVERABLE_LINES
            lines.append(self.tr("… and {n} more under Reports → Deliverables").format(n=more))
        self.deliverables.setText("\n".join(lines))
        self.deliverables.setVisible(bool(lines))
        self._draw_charts(data)
        self.loaded.emit()

    # -- charts --------------------------------------------------------------------------
    def _draw_charts(self, data: reporting.Dashboard) -> None:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        from workbench.reports import charts

        self.chart_hint.hide()
        for old in self.canvases:
            self.chart_grid.removeWidget(old)
            old.setParent(None)
            old.deleteLater()
        self.canvases.clear()
        self.bar_keys.clear()
        series = list(data.series)
        restore_target = data.restore_target_minutes
        draws = [
            lambda ax: charts.draw_faults_by_category(ax, series, data.categories, i18n.translate),
            lambda ax: charts.draw_sla_compliance(ax, series, i18n.translate),
            lambda ax: charts.draw_restore_times(ax, series, restore_target, i18n.translate),
            lambda ax: charts.draw_inspection_completion(ax, series, i18n.translate),
        ]
        for index, draw in enumerate(draws):
            figure = Figure(figsize=(5.5, 2.8), dpi=90)
            canvas = FigureCanvasQTAgg(figure)  # type: ignore[no-untyped-call]
            canvas.setMinimumHeight(240)
            ax = figure.add_subplot(1, 1, 1)
            keys: Any = draw(ax)  # type: ignore[no-untyped-call]
            if isinstance(keys, list):
                for artist, month, category in keys:
                    artist.set_picker(True)
                    self.bar_keys[artist] = (month, category)
            figure.tight_layout()
            canvas.mpl_connect("pick_event", self._picked)
            self.chart_grid.addWidget(canvas, index // 2, index % 2)
            self.canvases.append(canvas)
            canvas.draw_idle()  # type: ignore[no-untyped-call]

    def _picked(self, event: Any) -> None:
        key = self.bar_keys.get(event.artist)
        if key is not None:
            self.list_orders(*key)

    def list_orders(self, month: str, category: str) -> None:
        """List the orders behind a bar (category ``*``: every clocked order of the month)."""

        def query(session: Session) -> list[WorkOrderRow]:
            if category == "*":
                rows = reporting.orders_for(session, month, clocked_only=True)
                return sorted(rows, key=lambda r: (not r.breaches, r.reported_at))
            return reporting.orders_for(session, month, category=category)

        def done(rows: list[WorkOrderRow]) -> None:
            name = (
                self.tr("faults and findings")
                if category == "*"
                else (self.data.categories.get(category, category) if self.data else category)
            )
            self.list_title.setText(
                self.tr("{month}: {name} — {n} work orders (double-click to open)").format(
                    month=month, name=name, n=len(rows)
                )
            )
            self.show_orders(rows)

        self.ctx.read(self, "orders", query, done)

    def show_orders(self, rows: list[WorkOrderRow]) -> None:
        self.listed = rows
        self.orders.setRowCount(len(rows))
        for i, r in enumerate(rows):
            breaches = "、".join(
                i18n.translate("workorders", wo_rules.SLA_NAMES[k]) for k in r.breaches
            )
            values = [
                r.number,
                i18n.translate("workorders", wo_rules.TYPE_NAMES.get(r.type, r.type)),
                "、".join(r.asset_codes),
                fmt_local(r.reported_at),
                i18n.translate("workorders", wo_rules.STATUS_NAMES.get(r.status, r.status)),
                breaches,
            ]
            for column, text in enumerate(values):
                self.orders.setItem(i, column, QTableWidgetItem(text))
        self.ordersListed.emit(len(rows))

    def _open_order(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.listed):
            self.ctx.events.showRequested.emit("workorder", self.listed[row].number)

    def today(self) -> dt.date | None:
        return self.data.today if self.data else None
