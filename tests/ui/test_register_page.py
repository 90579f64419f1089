"""The registers' shared page: search, the record dialog's checks, a refusal kept in the
dialog, a confirmed delete, the export, read-only signed rows.

The register here keeps its rows in a list (the framework's behaviour is what is tested;
each real register has its own tests over its own tables)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from workbench.domain.messages import QT_TRANSLATE_NOOP, WorkbenchError
from workbench.services.exports import write_xlsx
from workbench.ui.common.rows_model import Column
from workbench.ui.registers.page import Field, RecordDialog, RegisterPage, RegisterSpec


@dataclass(frozen=True)
class Item:
    id: str
    name: str
    due: dt.date | None
    count: int
    kind: str
    signed: bool = False


class Book:
    def __init__(self) -> None:
        self.items: dict[str, Item] = {}
        self.searches: list[str] = []

    def list_rows(self, _session: Any, text: str) -> list[Item]:
        self.searches.append(text)
        return [i for i in self.items.values() if text.lower() in i.name.lower()]

    def create(self, _session: Any, values: Mapping[str, Any]) -> Item:
        if values["name"] == "taken":
            raise WorkbenchError(QT_TRANSLATE_NOOP("messages", "No such payment milestone."))
        item = Item(
            str(len(self.items) + 1), values["name"], values["due"], values["count"], values["kind"]
        )
        self.items[item.id] = item
        return item

    def update(self, _session: Any, row_id: str, values: Mapping[str, Any]) -> None:
        self.items[row_id] = replace(self.items[row_id], name=values["name"], count=values["count"])

    def delete(self, _session: Any, row_id: str) -> None:
        del self.items[row_id]

    def export(self, _session: Any, path: Path) -> int:
        rows = [[i.name, i.count] for i in self.items.values()]
        write_xlsx(path, "test", [("name", 20), ("count", 10)], rows)
        return len(rows)


BOOK = Book()


class ItemsPage(RegisterPage[Item]):
    AREA = "test_items"
    KEY = "items"
    TITLE = "Items"

    def spec(self) -> RegisterSpec[Item]:
        return RegisterSpec(
            columns=[Column("Name", lambda r: r.name), Column("Count", lambda r: str(r.count))],
            fields=[
                Field("name", "Name", required=True, max_length=10),
                Field("due", "Due", "date"),
                Field("count", "Count", "int", maximum=99),
                Field(
                    "kind", "Kind", "choice", choices=lambda _s: [("a", "Kind A"), ("b", "Kind B")]
                ),
            ],
            list_rows=BOOK.list_rows,
            row_id=lambda r: r.id,
            values_of=lambda r: {"name": r.name, "due": r.due, "count": r.count, "kind": r.kind},
            create=BOOK.create,
            update=BOOK.update,
            delete=BOOK.delete,
            export=BOOK.export,
            editable=lambda r: not r.signed,
        )


@pytest.fixture
def page(qtbot: Any, window: Any) -> ItemsPage:
    BOOK.items.clear()
    window.show_view("dashboard")
    widget = ItemsPage(window.ctx)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: bool(widget.count.text()), timeout=5000)  # the first load
    return widget


def _open_new(qtbot: Any, page: ItemsPage) -> RecordDialog:
    page.new_record()
    qtbot.waitUntil(lambda: page.dialog is not None, timeout=5000)
    assert page.dialog is not None
    return page.dialog


def test_add_checks_then_saves(qtbot: Any, page: ItemsPage) -> None:
    dialog = _open_new(qtbot, page)
    assert dialog.value("due") is None  # an optional date starts empty
    dialog.accept()
    assert "Name" in dialog.error.text() and dialog.isVisible()  # required, nothing written
    assert BOOK.items == {}
    dialog.inputs["name"].setText("router")  # type: ignore[attr-defined]
    dialog.set_value("due", dt.date(2026, 12, 31))
    dialog.set_value("count", 3)
    dialog.set_value("kind", "b")
    with qtbot.waitSignal(page.saved, timeout=5000) as saved, qtbot.waitSignal(page.loaded):
        dialog.accept()
    assert saved.args == ["1"]
    assert BOOK.items["1"] == Item("1", "router", dt.date(2026, 12, 31), 3, "b")
    assert page.model.rowCount() == 1 and page.count.text()


def test_refusal_stays_in_the_dialog(qtbot: Any, page: ItemsPage) -> None:
    dialog = _open_new(qtbot, page)
    dialog.inputs["name"].setText("taken")  # type: ignore[attr-defined]
    dialog.accept()
    qtbot.waitUntil(lambda: bool(dialog.error.text()), timeout=5000)
    assert "payment milestone" in dialog.error.text()
    assert dialog.isVisible() and dialog.value("name") == "taken"
    assert dialog.buttons.isEnabled()


def test_search_edit_delete_export(
    qtbot: Any, page: ItemsPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    BOOK.items["1"] = Item("1", "Router", None, 1, "a")
    BOOK.items["2"] = Item("2", "Switch", None, 2, "a")
    BOOK.items["3"] = Item("3", "Signed", None, 2, "a", signed=True)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.search.setText("rout")
    assert [r.name for r in page.model.rows()] == ["Router"]
    assert BOOK.searches[-1] == "rout"
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.search.clear()

    page.select("2")
    page.edit_selected()
    qtbot.waitUntil(lambda: page.dialog is not None, timeout=5000)
    assert page.dialog is not None and page.dialog.value("name") == "Switch"
    page.dialog.set_value("count", 7)
    with qtbot.waitSignal(page.saved, timeout=5000):
        page.dialog.accept()
    assert BOOK.items["2"].count == 7

    page.select("3")  # signed: view only, no delete
    assert not page.delete_button.isEnabled()
    page.edit_selected()
    qtbot.waitUntil(lambda: page.dialog is not None, timeout=5000)
    assert page.dialog is not None and page.dialog.read_only
    page.dialog.reject()

    page.select("1")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    page.delete_selected()
    assert "1" in BOOK.items
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(page.deleted, timeout=5000):
        qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert "1" not in BOOK.items

    target = tmp_path / "items.xlsx"
    with qtbot.waitSignal(page.exported, timeout=5000) as done:
        page.export_to(target)
    assert done.args == [str(target), 2]
    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None
    assert [c.value for c in sheet[2]] == ["Switch", 7]
