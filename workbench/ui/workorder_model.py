"""The work order list as a Qt item model, with live SLA countdowns.

Rows are the service's read models (``WorkOrderRow``), fetched a page at a time; sorting
and filtering are done by the query. ``data()`` only looks up: the SLA columns are
re-derived from each row's stored deadlines and completion times with the pure SLA
module at the model's ``now``, which :meth:`WorkOrderTableModel.tick` advances every
second without touching the store. A row's cells are computed all at once when a view
first asks for one of them (the clock cells of a row whose clock runs once per tick) and
then looked up: a repaint asks for every visible cell in seven roles, and scrolling
repaints constantly. Appending a page or advancing the clock looks at the new page only,
whatever the length of the list.
"""

from __future__ import annotations

import datetime as dt
import functools
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
# One row's cells: per column, role -> value. The roles as plain ints: a cell holding only
# ints, strings and floats is no work for the garbage collector.
Cells = tuple[dict[int, Any], ...]
DISPLAY = int(Qt.ItemDataRole.DisplayRole)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
FONT = int(Qt.ItemDataRole.FontRole)
FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
SORT = int(SortRole)
SLA_STATE = int(SlaStateRole)
# The roles data() answers; a view asks for more (alignment, check state, decoration).
ANSWERED_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.BackgroundRole,
        SortRole,
        RowRole,
        SlaStateRole,
    }
)
# Roles whose values are fonts and brushes: cells hold their names (plain strings keep
# the cached cells out of the garbage collector's sight), data() hands out the objects.
STYLE_ROLES = frozenset(
    {
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.BackgroundRole,
    }
)

# Colours of the SLA states: background and text. Text always says the state too.
STATE_COLOURS = {
    "met": ("#e3f4e6", "#1b5e20"),
    "pending": ("#e8f0fb", "#0d3c84"),
    "at_risk": ("#fff1cc", "#7a4a00"),
    "breached": ("#fbe0e0", "#a00000"),
}


@functools.cache
def _styles() -> dict[str, QFont | QBrush]:
    """Fonts and brushes by name, made once (on the GUI thread, at the first paint):
    ``bold``, ``regular``, ``final`` (the text of signed and cancelled orders), and
    ``background:<state>`` and ``text:<state>`` for each SLA state."""
    bold = QFont()
    bold.setBold(True)
    styles: dict[str, QFont | QBrush] = {
        "bold": bold,
        "regular": QFont(),
        "final": QBrush(QColor("#5f6b76")),
    }
    for state, (background, text) in STATE_COLOURS.items():
        styles[f"background:{state}"] = QBrush(QColor(background))
        styles[f"text:{state}"] = QBrush(QColor(text))
    return styles


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


def _runs(row: WorkOrderRow) -> bool:
    """Whether some SLA clock of the order still runs (its cells change every tick)."""
    return any(item.open for item in row.sla)


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
        self._numbers: set[str] = set()
        # First and last row whose SLA clock runs (a span: tick() repaints it).
        self._running: tuple[int, int] | None = None
        self._total = 0
        self._now = utc_now()
        self._fetcher: Callable[[int], None] | None = None
        self._fetching = False
        # What data() answers, computed a whole row at a time when a view first asks for
        # one of its cells: row -> (per column: role -> value). The other columns hold
        # until the row changes; the SLA columns of a row with a running clock for one
        # tick, those of a row whose clocks stopped until the row changes.
        self._cells: dict[int, Cells] = {}
        self._sla_cells: dict[int, Cells] = {}
        self._stopped_sla_cells: dict[int, Cells] = {}
        self._sla_first = self.COLUMNS.index("response")

    def _forget(self, row: int | None = None) -> None:
        """Drop the cached cells (of one row, or all)."""
        caches = (self._cells, self._sla_cells, self._stopped_sla_cells)
        for cache in caches:
            if row is None:
                cache.clear()
            else:
                cache.pop(row, None)

    # -- content ---------------------------------------------------------------
    def set_rows(
        self, rows: list[WorkOrderRow] | tuple[WorkOrderRow, ...], total: int | None = None
    ) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._numbers = {r.number for r in self._rows}
        self._running = None
        self._note_running(0)
        self._total = len(self._rows) if total is None else max(total, len(self._rows))
        self._fetching = False
        self._forget()
        self.endResetModel()

    def append_rows(self, rows: list[WorkOrderRow] | tuple[WorkOrderRow, ...]) -> None:
        """Add the next page (rows already present are skipped).

        Only the page is looked at: appending stays as cheap at row 20,000 as at row 200.
        """
        self._fetching = False
        have = self._numbers
        fresh = [r for r in rows if r.number not in have]
        if not fresh:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        self._rows.extend(fresh)
        have.update(r.number for r in fresh)
        self._note_running(first)
        self.endInsertRows()

    def _note_running(self, first: int) -> None:
        """Widen the span of rows with a running clock by those from ``first`` on."""
        running = [i for i in range(first, len(self._rows)) if _runs(self._rows[i])]
        if not running:
            return
        if self._running is None:
            self._running = (running[0], running[-1])
        else:
            self._running = (min(self._running[0], running[0]), max(self._running[1], running[-1]))

    def replace_row(self, row: WorkOrderRow) -> bool:
        """Show a fresh copy of one order in place; False when it is not listed."""
        for i, old in enumerate(self._rows):
            if old.number == row.number:
                self._rows[i] = row
                self._forget(i)
                if _runs(row):
                    low, high = self._running or (i, i)
                    self._running = (min(low, i), max(high, i))
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
        if self._running is None:
            return
        first_col = self.COLUMNS.index("response")
        last_col = self.COLUMNS.index("restore")
        # One signal over the span of running rows: cheap, and views repaint only what shows.
        # The span is kept as pages arrive, so a tick costs the same at any list length.
        self.dataChanged.emit(
            self.index(self._running[0], first_col),
            self.index(self._running[1], last_col),
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

    # Rows are cached only while they stay few: a view asks for what it shows.
    MAX_CACHED_ROWS = 2_000

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A view asks for every role it knows of on every cell it paints, scrolling
        # paints constantly, and the clock and the list's pages come from other threads'
        # work: the unanswered roles cost a set lookup, the others a dict lookup.
        if role not in ANSWERED_ROLES or not index.isValid():
            return None
        number, column = index.row(), index.column()
        if not 0 <= number < len(self._rows) or not 0 <= column < len(self.COLUMNS):
            return None
        if role == RowRole:
            return self._rows[number]
        if column < self._sla_first:
            cells = self._cells.get(number)
            if cells is None:
                cells = self._keep(self._cells, number, self._row_cells(self._rows[number]))
            value = cells[column].get(role)
            return _styles()[value] if value is not None and role in STYLE_ROLES else value
        cells = self._sla_cells.get(number) or self._stopped_sla_cells.get(number)
        if cells is None:
            row = self._rows[number]
            cache = self._sla_cells if _runs(row) else self._stopped_sla_cells
            cells = self._keep(cache, number, self._sla_row_cells(row))
        value = cells[column - self._sla_first].get(role)
        if value is None and role == Qt.ItemDataRole.ToolTipRole:  # on hover only: made then
            item = self.sla_item(self._rows[number], self.COLUMNS[column])
            return None if item is None else sla_tooltip(item)
        return _styles()[value] if value is not None and role in STYLE_ROLES else value

    def _keep(self, cache: dict[int, Cells], number: int, cells: Cells) -> Cells:
        if len(cache) >= self.MAX_CACHED_ROWS:
            cache.clear()
        cache[number] = cells
        return cells

    def _row_cells(self, row: WorkOrderRow) -> Cells:
        """Every role of the columns before the clocks, for one row."""
        type_text = domain_name(rules.TYPE_NAMES, row.type)
        status_text = domain_name(rules.STATUS_NAMES, row.status)
        assets_text = ", ".join(row.asset_codes)
        reported_text = fmt_local(row.reported_at)
        cells: Cells = (
            {
                DISPLAY: row.number + (self.tr(" (demo)") if row.demo else ""),
                SORT: row.number,
                TOOLTIP: row.description,
                FONT: "bold" if row.status in rules.OPEN_STATUSES else "regular",
            },
            {DISPLAY: type_text, SORT: type_text},
            {
                DISPLAY: status_text,
                SORT: rules.STATUSES.index(row.status) if row.status in rules.STATUSES else 99,
            },
            {
                DISPLAY: assets_text,
                SORT: assets_text,
                TOOLTIP: "\n".join(
                    f"{code}  {name}"
                    for code, name in zip(row.asset_codes, row.asset_names, strict=False)
                ),
            },
            {DISPLAY: reported_text, SORT: row.reported_at.timestamp()},
            {DISPLAY: row.engineer_name, SORT: row.engineer_name},
        )
        if row.status in rules.FINAL_STATUSES:
            for cell in cells:
                cell[FOREGROUND] = "final"
        return cells

    def _sla_row_cells(self, row: WorkOrderRow) -> Cells:
        """Every role of the clock columns for one row, at the model's ``now``."""
        cells: list[dict[int, Any]] = []
        for key in self.SLA_COLUMNS:
            item = self.sla_item(row, key)
            if item is None:
                cells.append(
                    {
                        DISPLAY: "—",
                        TOOLTIP: self.tr("No contract deadline for this kind of work order"),
                    }
                )
                continue
            if item.state == "breached":
                order = -(item.late_by or dt.timedelta(0)).total_seconds()
            elif item.remaining is not None:
                order = item.remaining.total_seconds()
            else:
                order = float("inf")
            cell: dict[int, Any] = {
                DISPLAY: sla_text(item),
                SLA_STATE: item.state,
                SORT: order,
                BACKGROUND: f"background:{item.state}",
                FOREGROUND: f"text:{item.state}",
            }
            if item.state in ("at_risk", "breached") and item.open:
                cell[FONT] = "bold"
            cells.append(cell)
        return tuple(cells)
