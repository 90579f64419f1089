"""The asset list as a Qt item model, fed by service queries.

``data()`` only looks rows up; sorting and filtering are done by the query (``AssetsView``
re-queries); ``SortRole`` gives native values for anyone sorting by proxy.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from workbench import i18n
from workbench.services.registry import AssetRow

SortRole = Qt.ItemDataRole.UserRole + 1
RowRole = Qt.ItemDataRole.UserRole + 2

# data() runs for every visible cell and role on each repaint (about a thousand calls
# when a scan moves the selection): compare plain ints, not enum attributes.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_SORT = int(SortRole)
_ROW = int(RowRole)

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
        self._positions: dict[str, int] = {}
        self._cells: dict[int, tuple[str, ...]] = {}  # display texts, built when first shown
        self._retired = QBrush(QColor("#888888"))
        self._status_column = self.COLUMNS.index("status")
        self._line_item_column = self.COLUMNS.index("line_item")

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

    @staticmethod
    def status_text(status: str) -> str:
        return {
            "in_use": QCoreApplication.translate("AssetTableModel", "In use"),
            "repair": QCoreApplication.translate("AssetTableModel", "Under repair"),
            "retired": QCoreApplication.translate("AssetTableModel", "Retired"),
        }.get(status, status)

    # -- content ---------------------------------------------------------------
    def set_rows(self, rows: list[AssetRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._positions = {row.code: index for index, row in enumerate(self._rows)}
        self._cells = {}
        self.endResetModel()

    def row_at(self, row: int) -> AssetRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, code: str) -> int:
        return self._positions.get(code, -1)

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

    def _display(self, row: AssetRow) -> tuple[str, ...]:
        special = {
            "category": i18n.local_name(row.category_name, row.category_name_en),
            "location": i18n.local_name(row.location, row.location_en),
            "status": self.status_text(row.status),
            "line_item": "" if row.line_item is None else str(row.line_item),
        }
        return tuple(
            special[key] if key in special else str(getattr(row, key) or "") for key in self.COLUMNS
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        number = index.row()
        if not 0 <= number < len(self._rows):
            return None
        if role == _DISPLAY:
            cells = self._cells.get(number)
            if cells is None:
                cells = self._cells[number] = self._display(self._rows[number])
            return cells[index.column()]
        row = self._rows[number]
        if role == _FOREGROUND:
            return self._retired if row.status == "retired" else None
        if role == _ALIGNMENT:
            if index.column() == self._line_item_column:
                return int(Qt.AlignmentFlag.AlignCenter)
            return None
        if role == _TOOLTIP:
            if index.column() == self._status_column:
                return self.status_text(row.status)
            return None
        if role == _SORT:
            key = self.COLUMNS[index.column()]
            value = row.category if key == "category" else getattr(row, key)
            return -1 if value is None else value
        if role == _ROW:
            return row
        return None
