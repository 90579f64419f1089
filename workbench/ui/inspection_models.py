"""Item models of the 巡检 view: due devices, rounds, the devices of one round.

Each model is fed plain rows from the inspection service; ``data()`` only looks up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from workbench.domain.timeutil import fmt_local
from workbench.services.inspections import DueRow, RoundAssetRow, RoundSummary

SortRole = Qt.ItemDataRole.UserRole + 1
RowRole = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")

FAIL_COLOURS = ("#fbe0e0", "#a00000")
OVERDUE_COLOURS = ("#fff1cc", "#7a4a00")
DONE_COLOURS = ("#e3f4e6", "#1b5e20")


def round_status_text(status: str) -> str:
    names = {
        "running": QCoreApplication.translate("InspectionModels", "Running"),
        "paused": QCoreApplication.translate("InspectionModels", "Paused"),
        "finished": QCoreApplication.translate("InspectionModels", "Finished, awaiting sign-off"),
        "signed": QCoreApplication.translate("InspectionModels", "Signed"),
    }
    return names.get(status, status)


def due_state_text(state: str) -> str:
    names = {
        "due": QCoreApplication.translate("InspectionModels", "Due"),
        "overdue": QCoreApplication.translate("InspectionModels", "Overdue"),
        "not_due": QCoreApplication.translate("InspectionModels", "Not due"),
        "unscheduled": QCoreApplication.translate("InspectionModels", "No schedule"),
    }
    return names.get(state, state)


@dataclass(frozen=True)
class Column(Generic[R]):
    title: Callable[[], str]
    text: Callable[[R], str]
    sort: Callable[[R], Any]


class RowsModel(QAbstractTableModel, Generic[R]):
    """A read-only table of plain rows with typed columns."""

    def __init__(self, columns: Sequence[Column[R]], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[R] = []

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[R]:
        return list(self._rows)

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section].title()
        return None

    def colours(self, row: R) -> tuple[str, str] | None:
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if not (0 <= index.column() < len(self._columns)):
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == SortRole:
            return column.sort(row)
        if role == RowRole:
            return row
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            colours = self.colours(row)
            if colours is None:
                return None
            colour = colours[0] if role == Qt.ItemDataRole.BackgroundRole else colours[1]
            return QBrush(QColor(colour))
        return None


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


class DueModel(RowsModel[DueRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                Column(
                    lambda: QCoreApplication.translate("InspectionModels", "Code"),
                    lambda r: r.code,
                    lambda r: r.code,
                ),
                Column(
                    lambda: QCoreApplication.translate("InspectionModels", "Category"),
                    lambda r: r.category_name,
                    lambda r: r.category,
                ),
                Column(
                    lambda: QCoreApplication.translate("InspectionModels", "Location"),
                    lambda r: r.location,
                    lambda r: r.location,
                ),
                Column(
                    lambda: QCoreApplication.translate("InspectionModels", "Last inspected"),
                    lambda r: (
                        _date(r.last_inspected)
                        or QCoreApplication.translate("InspectionModels", "Never")
                    ),
                    lambda r: r.last_inspected or dt.date.min,
                ),
                Column(
                    lambda: QCoreApplication.translate("InspectionModels", "Due on"),
                    lambda r: _date(r.due_on),
                    lambda r: r.due_on or dt.date.max,
                ),
                Column(
                    lambda: QCoreApplication.translate("InspectionModels", "State"),
                    lambda r: (
                        due_state_text(r.state)
                        + (
                            QCoreApplication.translate("InspectionModels", " ({0} days)").format(
                                r.days_overdue
                            )
                            if r.days_overdue
                            else ""
                        )
                    ),
                    lambda r: r.days_overdue,
                ),
            ],
            parent,
        )

    def colours(self, row: DueRow) -> tuple[str, str] | None:
        return OVERDUE_COLOURS if row.state == "overdue" else None


class RoundsModel(RowsModel[RoundSummary]):
    """Rounds, newest first, in pages: the view asks for the next page (``fetchMore``,
    when the list is scrolled to its end) through ``fetchRequested(offset)`` and hands it
    over with :meth:`append_page`. The model never queries anything itself."""

    fetchRequested = Signal(int)  # offset of the next page

    def __init__(self, parent: Any = None) -> None:
        self._more = False
        self._fetching = False
        super().__init__(
            [
                Column(
                    lambda: QCoreApplication.translate("InspectionModels", "Round"),
                    lambda r: r.number,
                    lambda r: r.number,
                ),
                Column(
                    lambda: QCoreApplication.translate("InspectionModels", "Started"),
                    lambda r: fmt_local(r.started_at),
                    lambda r: r.started_at,
                ),
                Column(
                    lambda: QCoreApplication.translate("InspectionModels", "Engineer"),
                    lambda r: r.engineer_name,
                    lambda r: r.engineer_name,
                ),
                Column(
                    lambda: QCoreApplication.translate("InspectionModels", "Checked"),
                    lambda r: r.progress_text,
                    lambda r: r.devices_checked,
                ),
                Column(
                    lambda: QCoreApplication.translate("InspectionModels", "Failures"),
                    lambda r: str(r.failures),
                    lambda r: r.failures,
                ),
                Column(
                    lambda: QCoreApplication.translate("InspectionModels", "Status"),
                    lambda r: round_status_text(r.status),
                    lambda r: r.status,
                ),
            ],
            parent,
        )

    def set_page(self, rows: Sequence[RoundSummary], more: bool) -> None:
        """The first page (a reset); ``more`` when the store holds further rounds."""
        self._more = more
        self._fetching = False
        self.set_rows(rows)

    def append_page(self, offset: int, rows: Sequence[RoundSummary], more: bool) -> None:
        """A further page; ignored unless it continues the rows shown (a refresh between
        the request and the answer starts over)."""
        if offset != len(self._rows) or not self._fetching:
            return
        self._fetching = False
        self._more = more
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def fetch_failed(self) -> None:
        self._fetching = False

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._more and not self._fetching

    def fetchMore(self, parent: Index) -> None:
        if self.canFetchMore(parent):
            self._fetching = True
            self.fetchRequested.emit(len(self._rows))

    def colours(self, row: RoundSummary) -> tuple[str, str] | None:
        if row.status == "signed":
            return DONE_COLOURS
        if row.status == "running":
            return OVERDUE_COLOURS
        return None


class RoundAssetsModel(RowsModel[RoundAssetRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                Column(
                    lambda: QCoreApplication.translate("InspectionModels", "Code"),
                    lambda r: r.code,
                    lambda r: r.code,
                ),
                Column(
                    lambda: QCoreApplication.translate("InspectionModels", "Device"),
                    lambda r: r.name,
                    lambda r: r.name,
                ),
                Column(
                    lambda: QCoreApplication.translate("InspectionModels", "Location"),
                    lambda r: r.location,
                    lambda r: r.location,
                ),
                Column(
                    lambda: QCoreApplication.translate("InspectionModels", "Result"),
                    lambda r: (
                        (
                            QCoreApplication.translate("InspectionModels", "Fail")
                            if r.failed
                            else QCoreApplication.translate("InspectionModels", "Pass")
                        )
                        if r.checked
                        else QCoreApplication.translate("InspectionModels", "Not yet")
                    ),
                    lambda r: (r.checked, not r.failed),
                ),
                Column(
                    lambda: QCoreApplication.translate("InspectionModels", "Work order"),
                    lambda r: r.work_order_number,
                    lambda r: r.work_order_number,
                ),
            ],
            parent,
        )

    def colours(self, row: RoundAssetRow) -> tuple[str, str] | None:
        if row.failed:
            return FAIL_COLOURS
        if row.checked:
            return DONE_COLOURS
        return None

    def index_of(self, code: str) -> int:
        for number, row in enumerate(self._rows):
            if row.code == code:
                return number
        return -1
