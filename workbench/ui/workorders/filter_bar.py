"""The 工单 list's filter bar: search, status, type, engineer, overdue and period.

The bar owns its widgets and the typing pause of the search field; it says that the filter
changed (:attr:`WorkOrderFilterBar.changed`) and reads the chosen period. The view turns
what the bar shows into the query's filter.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from workbench.domain import workorders as rules
from workbench.domain.timeutil import LOCAL_TZ, local_midnight
from workbench.services.engineers import EngineerRow
from workbench.ui.workorders.model import domain_name

# The typing pause before a search runs.
SEARCH_DELAY_MS = 150


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


class WorkOrderFilterBar(QWidget):
    """The search field, the filter combos and the new / batch-print buttons above the list."""

    changed = Signal()  # a combo changed, or the search field after its typing pause

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.changed)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search number, device, description, caller…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self.search_timer.start())
        self.status_filter = QComboBox(self)
        self.status_filter.addItem(self.tr("All statuses"), None)
        self.status_filter.addItem(self.tr("Open"), list(rules.OPEN_STATUSES))
        self.status_filter.addItem(self.tr("Awaiting sign-off"), ["restored", "closed"])
        for status in rules.STATUSES:
            self.status_filter.addItem(domain_name(rules.STATUS_NAMES, status), [status])
        self.type_filter = QComboBox(self)
        self.type_filter.addItem(self.tr("All types"), None)
        for kind in rules.TYPES:
            self.type_filter.addItem(domain_name(rules.TYPE_NAMES, kind), kind)
        self.engineer_filter = QComboBox(self)
        self.engineer_filter.addItem(self.tr("All engineers"), None)
        self.breached_filter = QComboBox(self)
        self.breached_filter.addItem(self.tr("On time and overdue"), None)
        self.breached_filter.addItem(self.tr("Overdue only"), True)
        self.breached_filter.addItem(self.tr("On time only"), False)
        self.period_filter = QComboBox(self)
        for label, key in (
            (self.tr("Any time"), "all"),
            (self.tr("Today"), "today"),
            (self.tr("Last 7 days"), "week"),
            (self.tr("This month"), "month"),
            (self.tr("Last month"), "last_month"),
            (self.tr("This year"), "year"),
        ):
            self.period_filter.addItem(label, key)
        combos = (
            self.status_filter,
            self.type_filter,
            self.engineer_filter,
            self.breached_filter,
            self.period_filter,
        )
        for combo in combos:
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.new_button = QPushButton(self.tr("New work order (Ctrl+N)"), self)
        self.batch_button = QPushButton(self.tr("Print signed…"), self)
        self.batch_button.setToolTip(self.tr("Print every work order signed in a period"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.batch_button)
        bottom = QHBoxLayout()
        for combo in combos:
            bottom.addWidget(combo)
        bottom.addStretch(1)
        layout.addLayout(top)
        layout.addLayout(bottom)

    def set_engineers(self, engineers: list[EngineerRow]) -> None:
        """Offer these engineers; keep the chosen one when still there, quietly."""
        combo = self.engineer_filter
        current = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for row in engineers:
            combo.addItem(row.name, row.id)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def period(self) -> tuple[dt.datetime | None, dt.datetime | None]:
        """The chosen period as [start, end) in UTC-aware times; (None, None) for any time."""
        key = self.period_filter.currentData()
        today = dt.datetime.now(LOCAL_TZ).date()
        tomorrow = local_midnight(today + dt.timedelta(days=1))
        if key == "today":
            return local_midnight(today), tomorrow
        if key == "week":
            return local_midnight(today - dt.timedelta(days=6)), tomorrow
        if key == "month":
            return local_midnight(month_start(today)), tomorrow
        if key == "last_month":
            first = month_start(today)
            return local_midnight(month_start(first - dt.timedelta(days=1))), local_midnight(first)
        if key == "year":
            return local_midnight(today.replace(month=1, day=1)), tomorrow
        return None, None
