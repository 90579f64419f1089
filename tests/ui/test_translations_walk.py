"""Walk every view in both languages: no visible text is left in the other language.

In Chinese, a visible text that equals an English source string means a string escaped
translation at run time (a wrong context, text built outside ``tr``). In English, a
visible text that equals a Chinese translation means one leaked the other way.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QTabWidget,
    QWidget,
)

from workbench import i18n

I18N = Path(__file__).resolve().parents[2] / "resources" / "i18n"
# Words that are the same in both languages on screen.
SAME = {"PIN", "SLA", "PDF", "QR", "CSV", "Excel", "OK", "%", "-", "—", ""}


def _pairs() -> list[tuple[str, str]]:
    pairs = []
    for ts in I18N.glob("*.zh_CN.ts"):
        for message in ET.parse(ts).iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            text = (translation.text or "") if translation is not None else ""
            if text and text != source and "{" not in source and "%" not in source:
                pairs.append((source.replace("&", ""), text.replace("&", "")))
    return pairs


PAIRS = _pairs()
ENGLISH = {s for s, _ in PAIRS} - SAME
CHINESE = {t for _, t in PAIRS} - SAME


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        name = type(widget).__name__
        if isinstance(widget, QLabel | QAbstractButton):
            yield name, widget.text().replace("&", "")
        if isinstance(widget, QGroupBox):
            yield name, widget.title()
        if isinstance(widget, QLineEdit):
            yield name, widget.placeholderText()
        if isinstance(widget, QComboBox):
            for i in range(widget.count()):
                yield name, widget.itemText(i)
        if isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                yield name, widget.tabText(i).replace("&", "")
        if isinstance(widget, QTableView) and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount()):
                yield (
                    name,
                    str(
                        model.headerData(
                            column, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal
                        )
                        or ""
                    ),
                )
        if isinstance(widget, QMenu):
            for action in widget.actions():
                yield name, action.text().replace("&", "")


def walk(qtbot: Any, window: Any) -> list[tuple[str, str, str]]:
    found = []
    for key in [
        k
        for k, _m, _c in __import__("workbench.ui.main_window", fromlist=["VIEWS"]).VIEWS
        if window.has_view(k)
    ]:
        view = window.show_view(key)
        qtbot.wait(300)  # let the view's first queries answer
        window.ctx.tasks.wait()
        qtbot.wait(50)
        for kind, text in visible_texts(view):
            found.append((key, kind, text))
        for tab in range(view.tabs.count()) if key == "registers" else ():
            view.tabs.setCurrentIndex(tab)  # each register's page is made when first shown
            window.ctx.tasks.wait()
            qtbot.wait(50)
            for kind, text in visible_texts(view.tabs.widget(tab)):
                found.append((f"{key}/{tab}", kind, text))
    for action in window.menuBar().actions():
        found.append(("menu", "QAction", action.text().replace("&", "")))
        if action.menu() is not None:
            for kind, text in visible_texts(action.menu()):
                found.append(("menu", kind, text))
    return found


@pytest.fixture
def chinese_window(qtbot: Any, store: Any) -> Iterator[Any]:
    from workbench.app import create_main_window
    from workbench.config import Settings

    i18n.load("zh_CN")
    win = create_main_window(store, Settings(), start_scanner=False)
    win.ctx.messages.sink = lambda *a: None
    qtbot.addWidget(win)
    win.show()
    yield win
    win.ctx.tasks.wait()
    win.close()
    i18n.load("en")


# English prose: two words in a row (lower case after the first letter). File paths are
# not prose; codes (XF-KIOSK-01) are capitals, units and names stand alone.
PROSE = re.compile(r"\b[A-Za-z][a-z]+[ ,.:;!?'-]+[A-Za-z][a-z]+\b")
PATH = re.compile(r"(?:[A-Za-z]:)?[/\\][^\s，。；）)]*")


def english_prose(text: str) -> bool:
    return PROSE.search(PATH.sub("", text)) is not None


def test_every_visible_text_is_chinese(qtbot, chinese_window):
    texts = walk(qtbot, chinese_window)
    assert len(texts) > 100
    english = sorted({(view, kind, text) for view, kind, text in texts if text in ENGLISH})
    assert english == [], english
    # Also strings that never went through tr at all (no source to compare with).
    prose = sorted({(view, kind, text) for view, kind, text in texts if english_prose(text)})
    assert prose == [], prose
    # The walk does see the interface: most of its texts are known translations.
    assert len({text for _v, _k, text in texts if text in CHINESE}) > 80


def test_english_shows_no_chinese_interface_text(qtbot, window):
    i18n.load("en")
    texts = walk(qtbot, window)
    chinese = sorted({(view, kind, text) for view, kind, text in texts if text in CHINESE})
    # Data (device names, locations) is Chinese in both languages; interface text is not.
    assert chinese == [], chinese
    assert len({text for _v, _k, text in texts if text in ENGLISH}) > 80


def test_work_order_dialogs_are_chinese(qtbot):
    """Dialogs are not part of the view walk; a text filed under the wrong context shows here."""
    import datetime as dt

    from workbench.services.engineers import EngineerRow
    from workbench.ui.workorders.dialogs import (
        AssetChoice,
        LogEntryDialog,
        NewWorkOrderDialog,
        StepDialog,
    )

    engineers = [EngineerRow("e1", "张工", "", True, True, None, 0)]
    i18n.load("zh_CN")
    try:
        dialogs = [
            NewWorkOrderDialog([AssetChoice("A-01", "核心交换机", "机房")], engineers),
            LogEntryDialog(engineers),
            StepDialog("已响应", dt.datetime(2026, 3, 1, tzinfo=dt.UTC)),
        ]
        for dialog in dialogs:
            qtbot.addWidget(dialog)
        new = dialogs[0]
        assert new.engineer.itemText(0) == "— 暂不指派 —"
        texts = [text for dialog in dialogs for _kind, text in visible_texts(dialog)]
        assert len(texts) > 10
        english = sorted({text for text in texts if text in ENGLISH or english_prose(text)})
        assert english == [], english
    finally:
        i18n.load("en")
