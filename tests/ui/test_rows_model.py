"""The shared row model: columns, sort values, cell and row colours, lookups."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView

from workbench.ui.common.rows_model import (
    LEFT,
    RIGHT,
    Column,
    RowRole,
    RowsModel,
    SortRole,
    rows_table,
)


@dataclass(frozen=True)
class Item:
    name: str
    count: int
    late: bool = False


ROWS = [Item("b", 10), Item("a", 9, late=True), Item("c", 0)]


def make() -> RowsModel[Item]:
    model: RowsModel[Item] = RowsModel(
        [
            Column("Name", lambda r: r.name, tooltip=lambda r: f"about {r.name}"),
            Column(
                "Count",
                lambda r: str(r.count),
                lambda r: r.count,
                numeric=True,
                colour=lambda r: "#b00020" if not r.count else None,
            ),
        ],
        row_colours=lambda r: ("#fff1cc", "#7a4a00") if r.late else None,
    )
    model.set_rows(ROWS)
    return model


def brush(model: RowsModel[Any], row: int, column: int, role: Qt.ItemDataRole) -> str | None:
    value = model.index(row, column).data(role)
    return None if value is None else value.color().name()


def test_the_model_is_sound(qtmodeltester: Any) -> None:
    model = make()
    qtmodeltester.check(model)
    model.set_rows([])
    qtmodeltester.check(model)


def test_text_header_alignment_and_tooltips() -> None:
    model = make()
    assert (model.rowCount(), model.columnCount()) == (3, 2)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in (0, 1)] == ["Name", "Count"]
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.index(0, 1).data() == "10"
    assert model.index(0, 0).data(Qt.ItemDataRole.TextAlignmentRole) == LEFT
    assert model.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole) == RIGHT
    assert model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole) == "about a"
    assert model.index(1, 1).data(Qt.ItemDataRole.ToolTipRole) is None
    assert model.index(2, 0).data(RowRole) is ROWS[2]


def test_sort_values_are_native_or_the_text() -> None:
    model = make()
    assert model.index(0, 0).data(SortRole) == "b"  # no sort given: the text
    assert model.index(0, 1).data(SortRole) == 10
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SortRole)
    proxy.sort(1)  # numerically: 0, 9, 10 (as text "10" would come before "9")
    assert [proxy.index(r, 0).data() for r in range(3)] == ["c", "a", "b"]


def test_row_colours_and_cell_colours() -> None:
    model = make()
    fg, bg = Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole
    # A plain row: no colours at all.
    assert brush(model, 0, 0, fg) is None and brush(model, 0, 0, bg) is None
    # A late row: its background and text colour in every cell.
    assert (brush(model, 1, 0, bg), brush(model, 1, 0, fg)) == ("#fff1cc", "#7a4a00")
    assert (brush(model, 1, 1, bg), brush(model, 1, 1, fg)) == ("#fff1cc", "#7a4a00")
    # A cell's own colour.
    assert brush(model, 2, 1, fg) == "#b00020"
    assert brush(model, 2, 0, fg) is None


def test_a_cell_colour_comes_before_the_rows() -> None:
    model = make()
    model.set_rows([Item("late and empty", 0, late=True)])
    fg, bg = Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole
    assert (brush(model, 0, 1, bg), brush(model, 0, 1, fg)) == ("#fff1cc", "#b00020")
    assert brush(model, 0, 0, fg) == "#7a4a00"


def test_lookups() -> None:
    model = make()
    assert model.rows() == ROWS
    assert model.row_at(1) == ROWS[1]
    assert model.row_at(3) is None and model.row_at(-1) is None
    assert model.row_of(model.index(2, 1)) == ROWS[2]
    assert model.row_of(QModelIndex()) is None
    assert model.index(5, 0).data() is None


def test_rows_table(qtbot: Any) -> None:
    model = make()
    table = rows_table(model, (120, 60))
    qtbot.addWidget(table)
    assert table.model() is model
    assert table.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
    assert table.selectionMode() == QAbstractItemView.SelectionMode.SingleSelection
    assert table.columnWidth(0) == 120
    assert table.verticalHeader().isHidden()
    assert not table.wordWrap()
