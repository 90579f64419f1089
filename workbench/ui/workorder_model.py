"""The work order list as a Qt item model, with live SLA countdowns.

Rows are the service's read models (``WorkOrderRow``), fetched a page at a time; sorting
and filtering are done by the query. ``data()`` only looks up: the SLA columns are
re-derived from each row's stored deadlines and completion times with the pure SLA
module at the model's ``now``, which :meth:`WorkOrderTableModel.tick` advances every
second without touching the store. Each cell is computed once per row and role (the SLA
cells once per tick) and then looked up: a repaint asks for every visible cell in several
roles, and scrolling repaints constantly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from workbench.domain import sla as sla_rules
from workbench.domain import workorders as rules
from workbench.domain.timeutil import fmt_local
from workbench.domain.timeutil import now as utc_now
from workbench.services.workorders import UpcomingDeadline, WorkOrderRow

SortRole = Qt.ItemDataRole.UserRole + 1
RowRole = Qt.ItemDataRole.UserRole + 2
SlaStateRole = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex

# Colours of the SLA states: background and text. Text always says the state too.
STATE_COLOURS = {
    "met": ("#e3f4e6", "#1b5e20"),
    "pending": ("#e8f0fb", "#0d3c84"),
    "at_risk": ("#fff1cc", "#7a4a00"),
    "breached": ("#fbe0e0", "#a00000"),
}


def domain_name(names: dict[str, str], key: str) -> str:
    """A translated display name from the domain's tables (context ``workorders``)."""
    source = names.get(key)
    return QCoreApplication.translate("workorders", source) if source else key


def duration_text(delta: dt.timedelta, *, seconds: bool = False) -> str:
    """``1 天 3 小时``, ``2 小时 5 分``, ``12 分`` (or ``12 分 05 秒``)."""
    total = max(0, int(delta.total_seconds()))
    days, rest = divmod(total, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if days:
        return QCoreApplication.translate("WorkOrderTableModel", "{d} d {h} h").format(
            d=days, h=hours
        )
    if hours:
        return QCoreApplication.translate("WorkOrderTableModel", "{h} h {m} min").format(
            h=hours, m=minutes
        )
    if seconds:
        return QCoreApplication.translate("WorkOrderTableModel", "{m} min {s:02d} s").format(
            m=minutes, s=secs
        )
    return QCoreApplication.translate("WorkOrderTableModel", "{m} min").format(m=minutes)


def reevaluate(item: sla_rules.SlaItem, now: dt.datetime) -> sla_rules.SlaItem:
    """The same target at another moment (pure: stored deadline and completion time)."""
    return sla_rules.item_state(
        item.key, item.target_minutes, item.deadline, done_at=item.done_at, now=now
    )


def sla_text(item: sla_rules.SlaItem, *, seconds: bool = True) -> str:
    """What a person reads in an SLA cell: the state in words, not only a colour."""
    if item.state == "met":
        return QCoreApplication.translate("WorkOrderTableModel", "Met")
    if item.state == "breached":
        late = duration_text(item.late_by or dt.timedelta(0))
        if item.done_at is not None:
            return QCoreApplication.translate("WorkOrderTableModel", "Done late by {0}").format(
                late
            )
        return QCoreApplication.translate("WorkOrderTableModel", "Overdue {0}").format(late)
    left = duration_text(item.remaining or dt.timedelta(0), seconds=seconds)
    return QCoreApplication.translate("WorkOrderTableModel", "{0} left").format(left)


def deadline_text(upcoming: UpcomingDeadline | None, now: dt.datetime) -> str:
    """The next SLA deadline among open orders, in words, for the status bar."""

    if upcoming is None:
        return QCoreApplication.translate("WorkOrdersView", "No SLA clock running")
    overdue = (
        QCoreApplication.translate("WorkOrdersView", "{0} open order(s) overdue").format(
            upcoming.overdue_open
        )
        if upcoming.overdue_open
        else ""
    )
    if not upcoming.number:
        return overdue
    left = upcoming.deadline - now
    if left.total_seconds() < 0:
        text = QCoreApplication.translate(
            "WorkOrdersView", "{number} {target}: overdue {time}"
        ).format(
            number=upcoming.number,
            target=domain_name(rules.SLA_NAMES, upcoming.key),
            time=duration_text(-left),
        )
    else:
        text = QCoreApplication.translate(
            "WorkOrdersView", "Next deadline: {number} {target} in {time} ({at})"
        ).format(
            number=upcoming.number,
            target=domain_name(rules.SLA_NAMES, upcoming.key),
            time=duration_text(left, seconds=True),
            at=fmt_local(upcoming.deadline),
        )
    return f"{text} · {overdue}" if overdue else text


def sla_tooltip(item: sla_rules.SlaItem) -> str:
    name = domain_name(rules.SLA_NAMES, item.key)
    lines = [
        QCoreApplication.translate(
            "WorkOrderTableModel", "{name}: within {minutes} min, by {deadline}"
        ).format(name=name, minutes=item.target_minutes, deadline=fmt_local(item.deadline))
    ]
    if item.done_at is not None:
        lines.append(
            QCoreApplication.translate("WorkOrderTableModel", "Done at {0}").format(
                fmt_local(item.done_at)
            )
        )
    lines.append(domain_name(rules.SLA_STATE_NAMES, item.state))
    return "\n".join(lines)


class WorkOrderTableModel(QAbstractTableModel):
    COLUMNS = (
        "number",
        "type",
        "status",
        "assets",
        "reported_at",
        "engineer",
        "response",
        "onsite",
        "restore",
    )
    SLA_COLUMNS = ("response", "onsite", "restore")
    # Columns the query can sort by, and its key for each.
    SORT_KEYS: ClassVar[dict[str, str]] = {
        "number": "number",
        "type": "type",
        "status": "status",
        "reported_at": "reported_at",
        "engineer": "engineer",
    }

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[WorkOrderRow] = []
        self._total = 0
        self._now = utc_now()
        self._fetcher: Callable[[int], None] | None = None
        self._fetching = False
        # What data() answers, computed once: (row, column, role) -> value. The SLA
        # columns' entries hold for one clock tick, the others until the row changes.
        self._cells: dict[tuple[int, int, int], Any] = {}
        self._sla_cells: dict[tuple[int, int, int], Any] = {}
        self._sla_items: dict[tuple[int, str], sla_rules.SlaItem | None] = {}
        self._sla_first = self.COLUMNS.index("response")

    def _forget(self, row: int | None = None) -> None:
        """Drop the cached cells (of one row, or all)."""
        if row is None:
            self._cells.clear()
            self._sla_cells.clear()
            self._sla_items.clear()
            return
        for cache in (self._cells, self._sla_cells):
            for key in [k for k in cache if k[0] == row]:
                del cache[key]
        for item_key in [k for k in self._sla_items if k[0] == row]:
            del self._sla_items[item_key]

    # -- content ---------------------------------------------------------------
    def set_rows(
        self, rows: list[WorkOrderRow] | tuple[WorkOrderRow, ...], total: int | None = None
    ) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._total = len(self._rows) if total is None else max(total, len(self._rows))
        self._fetching = False
        self._forget()
        self.endResetModel()

    def append_rows(self, rows: list[WorkOrderRow] | tuple[WorkOrderRow, ...]) -> None:
        """Add the next page (rows already present are skipped)."""
        self._fetching = False
        have = {r.number for r in self._rows}
        fresh = [r for r in rows if r.number not in have]
        if not fresh:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        self._rows.extend(fresh)
        self.endInsertRows()

    def replace_row(self, row: WorkOrderRow) -> bool:
        """Show a fresh copy of one order in place; False when it is not listed."""
        for i, old in enumerate(self._rows):
            if old.number == row.number:
                self._rows[i] = row
                self._forget(i)
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.COLUMNS) - 1))
                return True
        return False

    def set_fetcher(self, fetcher: Callable[[int], None] | None) -> None:
        """``fetcher(offset)`` loads the next page and calls :meth:`append_rows`."""
        self._fetcher = fetcher

    def total(self) -> int:
        return self._total

    def row_at(self, row: int) -> WorkOrderRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, number: str) -> int:
        for i, row in enumerate(self._rows):
            if row.number == number:
                return i
        return -1

    def rows(self) -> list[WorkOrderRow]:
        return list(self._rows)

    def now(self) -> dt.datetime:
        return self._now

    def tick(self, now: dt.datetime | None = None) -> None:
        """Advance the clock: the SLA cells of rows with a running clock change."""
        self._now = now or utc_now()
        self._sla_cells.clear()
        self._sla_items.clear()
        first_col = self.COLUMNS.index("response")
        last_col = self.COLUMNS.index("restore")
        running = [i for i, r in enumerate(self._rows) if any(item.open for item in r.sla)]
        if not running:
            return
        # One signal over the span of running rows: cheap, and views repaint only what shows.
        self.dataChanged.emit(
            self.index(running[0], first_col),
            self.index(running[-1], last_col),
            [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.BackgroundRole, SlaStateRole],
        )

    def sla_item(self, row: WorkOrderRow, key: str) -> sla_rules.SlaItem | None:
        """The row's SLA target ``key`` as it stands at the model's ``now``."""
        for item in row.sla:
            if item.key == key:
                return reevaluate(item, self._now) if item.open else item
        return None

    # -- Qt model interface ---------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent: Index) -> bool:
        if parent.isValid() or self._fetcher is None or self._fetching:
            return False
        return len(self._rows) < self._total

    def fetchMore(self, parent: Index) -> None:
        if not self.canFetchMore(parent) or self._fetcher is None:
            return
        self._fetching = True
        self._fetcher(len(self._rows))

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                "number": self.tr("Number"),
                "type": self.tr("Type"),
                "status": self.tr("Status"),
                "assets": self.tr("Devices"),
                "reported_at": self.tr("Reported"),
                "engineer": self.tr("Engineer"),
                "response": self.tr("Response"),
                "onsite": self.tr("On site"),
                "restore": self.tr("Restore"),
            }[self.COLUMNS[section]]
        if role == Qt.ItemDataRole.ToolTipRole and self.COLUMNS[section] in self.SLA_COLUMNS:
            return self.tr("Time left or overdue against the contract's deadline")
        return None

    # Cells are cached only while they stay few: a view asks for what it shows.
    MAX_CACHED_CELLS = 60_000

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        number, column = index.row(), index.column()
        if not 0 <= number < len(self._rows) or not 0 <= column < len(self.COLUMNS):
            return None
        if role == RowRole:
            return self._rows[number]
        cache = self._sla_cells if column >= self._sla_first else self._cells
        cell = (number, column, role)
        try:
            return cache[cell]
        except KeyError:
            pass
        value = self._compute(number, column, role)
        if len(cache) >= self.MAX_CACHED_CELLS:
            cache.clear()
        cache[cell] = value
        return value

    def _compute(self, number: int, column: int, role: int) -> Any:
        row = self._rows[number]
        key = self.COLUMNS[column]
        if key in self.SLA_COLUMNS:
            return self._sla_data(number, row, key, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if role == SortRole:
            return self._sort_value(row, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "assets":
                return "\n".join(
                    f"{code}  {name}"
                    for code, name in zip(row.asset_codes, row.asset_names, strict=False)
                )
            if key == "number":
                return row.description
        if role == Qt.ItemDataRole.FontRole and key == "number":
            font = QFont()
            font.setBold(row.status in rules.OPEN_STATUSES)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and row.status in rules.FINAL_STATUSES:
            return QBrush(QColor("#5f6b76"))
        return None

    def _display(self, row: WorkOrderRow, key: str) -> str:
        if key == "number":
            return row.number + (self.tr(" (demo)") if row.demo else "")
        if key == "type":
            return domain_name(rules.TYPE_NAMES, row.type)
        if key == "status":
            return domain_name(rules.STATUS_NAMES, row.status)
        if key == "assets":
            return ", ".join(row.asset_codes)
        if key == "reported_at":
            return fmt_local(row.reported_at)
        if key == "engineer":
            return row.engineer_name
        return ""

    def _sort_value(self, row: WorkOrderRow, key: str) -> Any:
        if key == "number":
            return row.number
        if key == "reported_at":
            return row.reported_at.timestamp()
        if key == "status":
            return rules.STATUSES.index(row.status) if row.status in rules.STATUSES else 99
        return self._display(row, key)

    def _sla_data(self, number: int, row: WorkOrderRow, key: str, role: int) -> Any:
        try:
            item = self._sla_items[(number, key)]
        except KeyError:
            item = self._sla_items[(number, key)] = self.sla_item(row, key)
        if item is None:
            if role == Qt.ItemDataRole.DisplayRole:
                return "—"
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("No contract deadline for this kind of work order")
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return sla_text(item)
        if role == SlaStateRole:
            return item.state
        if role == SortRole:
            if item.state == "breached":
                return -(item.late_by or dt.timedelta(0)).total_seconds()
            if item.remaining is not None:
                return item.remaining.total_seconds()
            return float("inf")
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(STATE_COLOURS[item.state][0]))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(STATE_COLOURS[item.state][1]))
        if role == Qt.ItemDataRole.ToolTipRole:
            return sla_tooltip(item)
        if role == Qt.ItemDataRole.FontRole and item.state in ("at_risk", "breached") and item.open:
            font = QFont()
            font.setBold(True)
            return font
        return None
