"""The row model every list of plain read models uses, and the audit view's helpers.

:class:`RowsModel` shows a list of plain read models (frozen dataclasses from a service
query) through a list of :class:`Column`: ``data()`` only looks the row up. Sorting and
filtering are done by the query or by a proxy: ``SortRole`` gives native values,
``RowRole`` the row itself. A model may colour whole rows (``row_colours``: background
and text) and single cells (``Column.colour``: text, before the row's).
:func:`rows_table` is the plain read-only table the 设置/报表 panels show a model in.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from workbench.domain.timeutil import fmt_local
from workbench.services.audit import AuditEntry

SortRole = Qt.ItemDataRole.UserRole + 1
RowRole = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column: its (already translated) title and how a row shows in it.

    ``sort`` gives the value a proxy sorts by (the text when left out); ``colour`` the
    text colour of this cell (``"#rrggbb"``, or None for the row's own).
    """

    title: str
    text: Callable[[R], str]
    sort: Callable[[R], Any] | None = None
    numeric: bool = False
    colour: Callable[[R], str | None] | None = None
    tooltip: Callable[[R], str] | None = None


# The colours of a whole row: (background, text) as "#rrggbb", or None for the default.
RowColours = Callable[[R], tuple[str, str] | None]


class RowsModel(QAbstractTableModel, Generic[R]):
    """A read-only table over plain rows."""

    def __init__(
        self,
        columns: Sequence[Column[R]],
        parent: Any = None,
        *,
        row_colours: RowColours[R] | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._row_colours = row_colours
        self._rows: list[R] = []

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[R]:
        return list(self._rows)

    def row_at(self, row: int) -> R | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, index: Index) -> R | None:
        """The row an index of this model points at (None for an invalid index)."""
        return self.row_at(index.row()) if index.isValid() else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.columns)
        ):
            return self.columns[section].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.column() < len(self.columns):
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == SortRole:
            return column.sort(row) if column.sort else column.text(row)
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column.numeric else LEFT
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = column.colour(row) if column.colour is not None else None
            if colour is None and self._row_colours is not None:
                colours = self._row_colours(row)
                colour = colours[1] if colours else None
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.BackgroundRole and self._row_colours is not None:
            colours = self._row_colours(row)
            return QBrush(QColor(colours[0])) if colours and colours[0] else None
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row) or None
        return None


def rows_table(model: RowsModel[Any], widths: Sequence[int] = ()) -> QTableView:
    """A read-only table of ``model``: whole rows selected one at a time, one line a
    row, the columns ``widths`` wide (the last one stretched)."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)
    return table


# -- the audit trail -------------------------------------------------------------------


def parse_values(text: str) -> dict[str, Any]:
    """The old or new values of an audit row (canonical JSON) as a dict."""
    if not text:
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        return {"": text}
    return value if isinstance(value, dict) else {"": value}


def short(value: Any, limit: int = 80) -> str:
    """A value as one short line; an empty value (None, "") as a dash."""
    if value is None or value == "":
        return "—"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def summary(entry: AuditEntry) -> str:
    """``field: old → new`` of the changed fields, on one line."""
    old, new = parse_values(entry.old_values), parse_values(entry.new_values)
    keys = list(dict.fromkeys([*new, *old]))
    parts = []
    for key in keys:
        if entry.action == "update":
            parts.append(f"{key}: {short(old.get(key), 30)} → {short(new.get(key), 30)}")
        else:
            parts.append(f"{key}: {short(new.get(key, old.get(key)), 30)}")
    text = "; ".join(parts)
    return text if len(text) <= 160 else text[:159] + "…"


@dataclass(frozen=True)
class Change:
    """One field of an audit row: its value before and after."""

    field: str
    old: str
    new: str


def changes(entry: AuditEntry) -> list[Change]:
    old, new = parse_values(entry.old_values), parse_values(entry.new_values)
    result = []
    for key in dict.fromkeys([*new, *old]):
        result.append(
            Change(
                key,
                "" if key not in old else short(old[key], 2000),
                "" if key not in new else short(new[key], 2000),
            )
        )
    return result


def entry_time(entry: AuditEntry) -> str:
    return fmt_local(entry.at, seconds=True)
