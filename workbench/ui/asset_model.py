"""The asset list as a Qt item model, fed by service queries.

``data()`` only looks rows up; sorting and filtering are done by the query (``AssetsView``
re-queries); ``SortRole`` gives native values for anyone sorting by proxy.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from workbench.services.assets import AssetRow

SortRole = Qt.ItemDataRole.UserRole + 1
RowRole = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


class AssetTableModel(QAbstractTableModel):
    # (key, header) — header translated in headerData
    COLUMNS = (
        "code",
        "name",
        "category",
        "line_item",
        "model",
        "serial_number",
        "location",
        "status",
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[AssetRow] = []

    def _header(self, key: str) -> str:
        return {
            "code": self.tr("Asset code"),
            "name": self.tr("Name"),
            "category": self.tr("Category"),
            "line_item": self.tr("Line item"),
            "model": self.tr("Model"),
            "serial_number": self.tr("Serial number"),
            "location": self.tr("Location"),
            "status": self.tr("Status"),
        }[key]

    def status_text(self, status: str) -> str:
        return {
            "in_use": self.tr("In use"),
            "repair": self.tr("Under repair"),
            "retired": self.tr("Retired"),
        }.get(status, status)

    # -- content ---------------------------------------------------------------
    def set_rows(self, rows: list[AssetRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> AssetRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, code: str) -> int:
        for index, row in enumerate(self._rows):
            if row.code == code:
                return index
        return -1

    def rows(self) -> list[AssetRow]:
        return list(self._rows)

    # -- Qt model interface ---------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.COLUMNS)
        ):
            return self._header(self.COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        key = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "category":
                return row.category_name
            if key == "status":
                return self.status_text(row.status)
            if key == "line_item":
                return "" if row.line_item is None else str(row.line_item)
            return getattr(row, key)
        if role == SortRole:
            value = row.category if key == "category" else getattr(row, key)
            return -1 if value is None else value
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.ForegroundRole and row.status == "retired":
            return QBrush(QColor("#888888"))
        if role == Qt.ItemDataRole.ToolTipRole and key == "status":
            return self.status_text(row.status)
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "line_item":
            return int(Qt.AlignmentFlag.AlignCenter)
        return None
