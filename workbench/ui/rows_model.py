"""The small row model the 设置/报表 panels share, and the audit view's helpers.

:class:`RowsModel` shows a list of plain read models (frozen dataclasses from a service
query) through a list of :class:`Column`: ``data()`` only looks the row up. Sorting and
filtering are done by the query; ``SortRole`` gives native values for a proxy.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from workbench.domain.timeutil import fmt_local
from workbench.services.audit import AuditEntry

SortRole = Qt.ItemDataRole.UserRole + 1
RowRole = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Column:
    """One column: its (already translated) title and how a row shows in it."""

    title: str
    text: Callable[[Any], str]
    sort: Callable[[Any], Any] | None = None
    numeric: bool = False
    colour: Callable[[Any], str | None] | None = None  # "#rrggbb" or None
    tooltip: Callable[[Any], str] | None = None


class RowsModel(QAbstractTableModel):
    """A read-only table over plain rows."""

    def __init__(self, columns: Sequence[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

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
        if role == Qt.ItemDataRole.ForegroundRole and column.colour is not None:
            colour = column.colour(row)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row) or None
        return None


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
