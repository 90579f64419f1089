"""At 1366×768 (a common site laptop) nothing is cut: the 工单 detail's SLA cards, its
signed banner and its buttons fit the pane, and the print preview fits the screen (issue
20, defect 3: "如需更正，请添…", the third card and "关闭工单 (Ctrl+4" were cut, the preview
opened at a fixed 900×1000).

The check walks the widget tree: a label or button whose text is wider (QFontMetrics) than
its contents rectangle, a word-wrapped label shorter than its text needs at its width, or
a widget that reaches past an ancestor's left or right edge is reported.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtGui import Qt as GuiQt  # Qt.mightBeRichText lives in QtGui
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QPushButton,
    QStyle,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.helpers.stores import copy_store
from workbench import app as app_module
from workbench.config import Settings
from workbench.data.models.workorders import WorkOrder
from workbench.data.store import Store

SCREEN = QRect(0, 0, 1366, 768)


def _inside_scrolling(widget: QWidget, root: QWidget) -> bool:
    """Inside an item view, or a scroll area that scrolls sideways: may reach past it."""
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QAbstractItemView):
            return True
        if (
            isinstance(parent, QAbstractScrollArea)
            and parent.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        ):
            return True
        parent = parent.parentWidget()
    return False


def _rich(label: QLabel) -> bool:
    """Whether the label shows its text as HTML (as QLabel decides for AutoText)."""
    if label.textFormat() == Qt.TextFormat.RichText:
        return True
    return label.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(label.text())


def cut_off(root: QWidget) -> list[str]:
    """Every visible label, button or widget of ``root`` that does not show whole."""
    problems: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or widget.width() <= 0:
            continue
        name = f"{type(widget).__name__} {widget.objectName()!s}".strip()
        if isinstance(widget, QLabel) and widget.text() and _rich(widget):
            if not widget.wordWrap():
                # Measured as Qt lays it out: the HTML's text, not its markup.
                document = QTextDocument()
                document.setDefaultFont(widget.font())
                document.setDocumentMargin(0)
                document.setHtml(widget.text())
                room = widget.contentsRect().width() - 2 * widget.margin()
                need = math.ceil(document.idealWidth())
                if need > room:
                    problems.append(f"{name} {widget.text()[:40]!r}: text {need} px wide in {room}")
        elif isinstance(widget, QLabel) and widget.text():
            text = widget.text()
            name += f" {text[:40]!r}"
            if widget.wordWrap():
                needed = widget.heightForWidth(widget.width())
                if needed > widget.height():
                    problems.append(f"{name}: needs {needed} px high, has {widget.height()}")
            else:
                room = widget.contentsRect().width() - 2 * widget.margin()
                for line in text.split("\n"):
                    need = widget.fontMetrics().horizontalAdvance(line)
                    if need > room:
                        problems.append(f"{name}: text {need} px wide in {room}")
        if isinstance(widget, QPushButton) and widget.text():
            text = widget.text().replace("&", "")
            margin = widget.style().pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, None, widget)
            room = widget.contentsRect().width() - margin
            need = widget.fontMetrics().horizontalAdvance(text)
            if need > room:
                problems.append(f"{name} {text!r}: text {need} px wide in {room}")
        if widget is root or _inside_scrolling(widget, root):
            continue
        # Not past any ancestor's left or right edge (vertical scrolling is fine).
        parent = widget.parentWidget()
        while parent is not None:
            left = widget.mapTo(parent, QPoint(0, 0)).x()
            if left < 0 or left + widget.width() > parent.width():
                problems.append(
                    f"{name}: x {left}..{left + widget.width()} past its "
                    f"{type(parent).__name__} of {parent.width()} px"
                )
                break
            if parent is root:
                break
            parent = parent.parentWidget()
    return problems


@pytest.fixture
def demo_store(tmp_path: Path, demo_year_template: Path) -> Iterator[Store]:
    store = Store(f"sqlite:///{copy_store(demo_year_template, tmp_path / 'demo.sqlite3')}")
    yield store
    store.dispose()


@pytest.fixture
def app_font(qapp: QApplication, zh: None) -> Iterator[None]:
    """The application's font, as the GUI sets it up (the bundled CJK font)."""
    before = QFont(qapp.font())
    app_module.setup_font(qapp)
    yield
    qapp.setFont(before)


@pytest.fixture
def window(qtbot: QtBot, demo_store: Store, app_font: None) -> Iterator[Any]:
    win = app_module.create_main_window(demo_store, Settings(), start_scanner=False)
    qtbot.addWidget(win)
    win.setGeometry(SCREEN)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.ctx.tasks.wait()
    win.close()


def _first(store: Store, status: str) -> str:
    with store.read() as session:
        number = session.scalar(
            select(WorkOrder.number).where(WorkOrder.status == status).order_by(WorkOrder.number)
        )
    assert number is not None, status
    return number


@pytest.mark.parametrize("status", ["signed", "restored", "onsite", "reported"])
def test_work_order_detail_fits_at_1366x768(
    qtbot: QtBot, window: Any, demo_store: Store, status: str
) -> None:
    number = _first(demo_store, status)
    view = window.show_view("workorders")
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=10000)
    view.show_work_order(number)
    qtbot.waitUntil(
        lambda: view.current_detail() is not None and view.current_detail().row.number == number,
        timeout=10000,
    )
    qtbot.wait(50)
    assert window.width() <= SCREEN.width() and window.height() <= SCREEN.height()
    assert cut_off(view.detail) == []


def test_print_preview_fits_the_screen(qtbot: QtBot, qapp: QApplication) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from workbench.ui.common.printing import PdfPrintPreview

    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    canvas.drawString(72, 720, "WO-2026-0001")
    canvas.save()
    dialog = PdfPrintPreview([out.getvalue()], "WO-2026-0001")
    qtbot.addWidget(dialog)
    area = qapp.primaryScreen().availableGeometry()  # 800×800 offscreen: below 900×1000
    assert dialog.width() <= area.width() and dialog.height() <= area.height()
    assert area.contains(dialog.geometry())
