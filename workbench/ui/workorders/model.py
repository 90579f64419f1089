"""The work order list as a Qt item model, with live SLA countdowns.

Rows are the service's read models (``WorkOrderRow``), fetched a page at a time; sorting
and filtering are done by the query. The cells are held by Qt (a ``QStandardItemModel``)
rather than answered by a Python ``data()``: a repaint asks for every visible cell in
seven roles, scrolling repaints every frame, and with the cells in C++ painting needs no
Python at all, so it neither waits for nor holds up the thread that reads the next page.
A fetched page goes in a slice of rows per turn of the event loop. The SLA columns are
re-derived from each row's stored deadlines and completion times with the pure SLA
module at the model's ``now``, which :meth:`WorkOrderTableModel.tick` advances every
second for the rows whose clock runs, without touching the store. Tooltips are made
when asked for (:meth:`WorkOrderTableModel.tooltip`).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, ClassVar

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QHelpEvent, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
)

from workbench.domain import sla as sla_rules
from workbench.domain import workorders as rules
from workbench.domain.timeutil import fmt_local
from workbench.domain.timeutil import now as utc_now
from workbench.domain.workorders import WorkOrderRow
from workbench.services.workorders import UpcomingDeadline

SlaStateRole = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex
# One cell's roles and values.
Cell = dict[int, Any]
DISPLAY = int(Qt.ItemDataRole.DisplayRole)
FONT = int(Qt.ItemDataRole.FontRole)
FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
SLA_STATE = int(SlaStateRole)

# Colours of the SLA states: background and text. Text always says the state too.
STATE_COLOURS = {
    "met": ("#e3f4e6", "#1b5e20"),
    "pending": ("#e8f0fb", "#0d3c84"),
    "at_risk": ("#fff1cc", "#7a4a00"),
    "breached": ("#fbe0e0", "#a00000"),
}


@functools.cache
def _styles() -> dict[str, QFont | QBrush]:
    """Fonts and brushes by name, made once (on the GUI thread):
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


class WorkOrderTableModel(QStandardItemModel):
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
    # Rows of a fetched page put in per turn of the event loop (a millisecond or two):
    # the rest of the page follows, so scrolling never waits for a whole page.
    SLICE = 25

    # Every fetched row is in (after the last slice of a page).
    caughtUp = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(0, len(self.COLUMNS), parent)
        self._rows: list[WorkOrderRow] = []
        # Numbers of the rows listed or waiting to be (``_pending``).
        self._numbers: set[str] = set()
        self._pending: list[WorkOrderRow] = []
        # First and last row whose SLA clock runs (a span: tick() updates it).
        self._running: tuple[int, int] | None = None
        self._total = 0
        self._now = utc_now()
        self._fetcher: Callable[[int], None] | None = None
        self._fetching = False
        self._sla_first = self.COLUMNS.index("response")
        self._slices = QTimer(self)
        self._slices.setSingleShot(True)
        self._slices.setInterval(0)
        self._slices.timeout.connect(self._insert_slice)
        titles = {
            "number": self.tr("Number"),
            "type": self.tr("Type"),
            "status": self.tr("Status"),
            "assets": self.tr("Devices"),
            "reported_at": self.tr("Reported"),
            "engineer": self.tr("Engineer"),
            "response": self.tr("Response"),
            "onsite": self.tr("On site"),
            "restore": self.tr("Restore"),
        }
        clock_tip = self.tr("Time left or overdue against the contract's deadline")
        horizontal = Qt.Orientation.Horizontal
        for section, key in enumerate(self.COLUMNS):
            self.setHeaderData(section, horizontal, titles[key])
            if key in self.SLA_COLUMNS:
                self.setHeaderData(section, horizontal, clock_tip, Qt.ItemDataRole.ToolTipRole)

    # -- content ---------------------------------------------------------------
    def set_rows(
        self, rows: list[WorkOrderRow] | tuple[WorkOrderRow, ...], total: int | None = None
    ) -> None:
        """Show these rows (the first page of a new query) instead of the listed ones."""
        self._slices.stop()
        self.beginResetModel()
        with self._quiet():
            self.setRowCount(0)
            self._pending = []
            self._numbers = set()
            self._running = None
            self._fetching = False
            fresh = self._fresh(rows)
            self.insertRows(0, len(fresh))
            self._fill(0, fresh)
        self._rows = fresh
        self._note_running(0)
        self._total = len(fresh) if total is None else max(total, len(fresh))
        self.endResetModel()

    def append_rows(self, rows: list[WorkOrderRow] | tuple[WorkOrderRow, ...]) -> None:
        """Add the next page (rows already present are skipped), a slice of rows now and
        the rest in the next turns of the event loop.

        Only the page is looked at: appending stays as cheap at row 20,000 as at row 200.
        """
        self._fetching = False
        fresh = self._fresh(rows)
        if not fresh:
            self._total = len(self._rows) + len(self._pending)
            if not self._pending:
                self.caughtUp.emit()  # nothing more to put in; the total changed
            return
        self._pending.extend(fresh)
        self._insert_slice()

    def _fresh(self, rows: list[WorkOrderRow] | tuple[WorkOrderRow, ...]) -> list[WorkOrderRow]:
        have = self._numbers
        fresh = []
        for row in rows:
            if row.number not in have:
                have.add(row.number)
                fresh.append(row)
        return fresh

    def _insert_slice(self) -> None:
        piece, self._pending = self._pending[: self.SLICE], self._pending[self.SLICE :]
        self._insert(piece)
        if self._pending:
            self._slices.start()
        else:
            self.caughtUp.emit()

    def _flush(self) -> None:
        """Insert every fetched row now."""
        self._slices.stop()
        piece, self._pending = self._pending, []
        self._insert(piece)
        if piece:
            self.caughtUp.emit()

    def _insert(self, rows: list[WorkOrderRow]) -> None:
        if not rows:
            return
        first = len(self._rows)
        # Listed before Qt announces them, so that what the announcement sets off
        # (fetching more, the count) sees the list as it will be.
        self._rows.extend(rows)
        self.insertRows(first, len(rows))
        # Filled at once with the model's signals held back: the view has not painted
        # the new rows yet (it lays them out when the event loop turns), so there is no
        # change to announce; a dataChanged per cell, or one over the rows, would have it
        # repaint what it shows for rows it may not even show.
        with self._quiet():
            self._fill(first, rows)
        self._note_running(first)

    def _fill(self, first: int, rows: list[WorkOrderRow]) -> None:
        for offset, row in enumerate(rows):
            number = first + offset
            for column, cell in enumerate(self._row_cells(row) + self._sla_row_cells(row)):
                self.setItemData(self.index(number, column), cell)

    @contextmanager
    def _quiet(self) -> Iterator[None]:
        """The model's signals held back (the caller announces the change)."""
        blocked = self.blockSignals(True)
        try:
            yield
        finally:
            self.blockSignals(blocked)

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
        self._flush()
        for i, old in enumerate(self._rows):
            if old.number == row.number:
                self._rows[i] = row
                with self._quiet():
                    self._fill(i, [row])
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
        if any(r.number == number for r in self._pending):
            self._flush()
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
        if self._running is None:
            return
        low, high = self._running
        first = self._sla_first
        # One signal over the span of running rows: views repaint only what shows. The
        # span is kept as pages arrive, so a tick costs the same at any list length.
        with self._quiet():
            for i in range(low, high + 1):
                row = self._rows[i]
                if _runs(row):
                    for k, cell in enumerate(self._sla_row_cells(row)):
                        self.setItemData(self.index(i, first + k), cell)
        self.dataChanged.emit(
            self.index(low, first),
            self.index(high, len(self.COLUMNS) - 1),
            [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.BackgroundRole, SlaStateRole],
        )

    def sla_item(self, row: WorkOrderRow, key: str) -> sla_rules.SlaItem | None:
        """The row's SLA target ``key`` as it stands at the model's ``now``."""
        for item in row.sla:
            if item.key == key:
                return reevaluate(item, self._now) if item.open else item
        return None

    # -- Qt model interface ---------------------------------------------------
    def canFetchMore(self, parent: Index) -> bool:
        if parent.isValid() or self._fetcher is None or self._fetching or self._pending:
            return False
        return len(self._rows) < self._total

    def fetchMore(self, parent: Index) -> None:
        if not self.canFetchMore(parent) or self._fetcher is None:
            return
        self._fetching = True
        self._fetcher(len(self._rows))

    def tooltip(self, index: Index) -> str:
        """The cell's tooltip, made when a view asks (hovering)."""
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return ""
        key = self.COLUMNS[index.column()]
        if key == "number":
            return row.description
        if key == "assets":
            return "\n".join(
                f"{code}  {name}"
                for code, name in zip(row.asset_codes, row.asset_names, strict=False)
            )
        if key in self.SLA_COLUMNS:
            item = self.sla_item(row, key)
            if item is None:
                return self.tr("No contract deadline for this kind of work order")
            return sla_tooltip(item)
        return ""

    # -- cells ------------------------------------------------------------------
    def _row_cells(self, row: WorkOrderRow) -> list[Cell]:
        """Every role of the columns before the clocks, for one row."""
        styles = _styles()
        demo = self.tr(" (demo)") if row.demo else ""
        cells: list[Cell] = [
            {
                DISPLAY: row.number + demo,
                FONT: styles["bold"] if row.status in rules.OPEN_STATUSES else None,
            },
            {DISPLAY: domain_name(rules.TYPE_NAMES, row.type)},
            {DISPLAY: domain_name(rules.STATUS_NAMES, row.status)},
            {DISPLAY: ", ".join(row.asset_codes)},
            {DISPLAY: fmt_local(row.reported_at)},
            {DISPLAY: row.engineer_name},
        ]
        final = styles["final"] if row.status in rules.FINAL_STATUSES else None
        for cell in cells:
            cell[FOREGROUND] = final
        return cells

    def _sla_row_cells(self, row: WorkOrderRow) -> list[Cell]:
        """Every role of the clock columns for one row, at the model's ``now``."""
        styles = _styles()
        cells: list[Cell] = []
        for key in self.SLA_COLUMNS:
            item = self.sla_item(row, key)
            if item is None:
                cells.append({DISPLAY: "—"})
                continue
            urgent = item.state in ("at_risk", "breached") and item.open
            cells.append(
                {
                    DISPLAY: sla_text(item),
                    SLA_STATE: item.state,
                    BACKGROUND: styles[f"background:{item.state}"],
                    FOREGROUND: styles[f"text:{item.state}"],
                    FONT: styles["bold"] if urgent else None,
                }
            )
        return cells


class CellTooltips(QStyledItemDelegate):
    """Paints as Qt does and shows the hovered cell's tooltip, made by the model when
    asked: the model holds no tooltips (they would double its memory). A delegate, not
    an event filter: Qt calls it for tooltips only, never while painting."""

    def __init__(self, table: QTableView, model: WorkOrderTableModel) -> None:
        super().__init__(table)
        self.model = model

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if event.type() != QEvent.Type.ToolTip:
            return super().helpEvent(event, view, option, index)
        text = self.model.tooltip(index)
        if not text:
            QToolTip.hideText()
            event.ignore()
            return False
        QToolTip.showText(event.globalPos(), text, view.viewport())
        return True
