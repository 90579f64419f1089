"""The keyboard-wedge filter with real key events (QTest), in a real line edit."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from workbench.devices.framing import Scan
from workbench.devices.wedge import WedgeFilter

# Scanner-speed keys come 1 ms apart, human ones 150 ms apart; the threshold sits
# between them with a wide margin either side, so a loaded machine does not matter.
THRESHOLD_MS = 60
SCANNER_DELAY_MS = 1
HUMAN_DELAY_MS = 150


@pytest.fixture
def form(qtbot: QtBot) -> tuple[QWidget, QLineEdit, QLineEdit]:
    window = QWidget()
    layout = QVBoxLayout(window)
    first, second = QLineEdit(), QLineEdit()
    layout.addWidget(first)
    layout.addWidget(second)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    return window, first, second


@pytest.fixture
def wedge(qtbot: QtBot) -> Iterator[WedgeFilter]:
    w = WedgeFilter(max_interval_ms=THRESHOLD_MS, min_length=4)
    w.install()
    yield w
    w.uninstall()
    w.deleteLater()


def _enter(widget: QWidget, delay: int) -> None:
    QTest.keyClick(widget, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, delay)


def test_scanner_burst_becomes_a_scan_and_not_text(
    qtbot: QtBot, form: tuple[QWidget, QLineEdit, QLineEdit], wedge: WedgeFilter
) -> None:
    _window, field, _other = form
    returned: list[bool] = []
    field.returnPressed.connect(lambda: returned.append(True))
    with qtbot.waitSignal(wedge.scanned, timeout=2000) as blocker:
        QTest.keyClicks(field, "XF-KIOSK-01", Qt.KeyboardModifier.NoModifier, SCANNER_DELAY_MS)
        _enter(field, SCANNER_DELAY_MS)
    scan = blocker.args[0]
    assert isinstance(scan, Scan)
    assert scan.code == "XF-KIOSK-01"
    assert scan.symbology is None
    QTest.qWait(THRESHOLD_MS * 3)
    assert field.text() == ""
    assert returned == []  # the scanner's Enter did not reach the field either


def test_aim_identifier_in_keyboard_mode(
    qtbot: QtBot, form: tuple[QWidget, QLineEdit, QLineEdit], wedge: WedgeFilter
) -> None:
    _window, field, _other = form
    with qtbot.waitSignal(wedge.scanned, timeout=2000) as blocker:
        QTest.keyClicks(field, "]Q1XF-VC-03", Qt.KeyboardModifier.NoModifier, SCANNER_DELAY_MS)
        _enter(field, SCANNER_DELAY_MS)
    assert blocker.args[0].code == "XF-VC-03"
    assert blocker.args[0].symbology == "]Q1"
    assert field.text() == ""


def test_human_typing_lands_in_the_field(
    qtbot: QtBot, form: tuple[QWidget, QLineEdit, QLineEdit], wedge: WedgeFilter
) -> None:
    _window, field, _other = form
    scans: list[Scan] = []
    wedge.scanned.connect(scans.append)
    returned: list[bool] = []
    field.returnPressed.connect(lambda: returned.append(True))
    QTest.keyClicks(field, "Abc-12", Qt.KeyboardModifier.NoModifier, HUMAN_DELAY_MS)
    _enter(field, HUMAN_DELAY_MS)
    qtbot.waitUntil(lambda: field.text() == "Abc-12", timeout=2000)
    QTest.qWait(THRESHOLD_MS * 3)
    assert scans == []
    assert returned == [True]
    assert field.text() == "Abc-12"


def test_short_fast_burst_is_typing(
    qtbot: QtBot, form: tuple[QWidget, QLineEdit, QLineEdit], wedge: WedgeFilter
) -> None:
    """Fewer keys than the minimum length, even at scanner speed, are given back."""
    _window, field, _other = form
    scans: list[Scan] = []
    wedge.scanned.connect(scans.append)
    QTest.keyClicks(field, "ok", Qt.KeyboardModifier.NoModifier, SCANNER_DELAY_MS)
    _enter(field, SCANNER_DELAY_MS)
    qtbot.waitUntil(lambda: field.text() == "ok", timeout=2000)
    QTest.qWait(THRESHOLD_MS * 3)
    assert scans == []


def test_paused_burst_is_given_back_in_order(
    qtbot: QtBot, form: tuple[QWidget, QLineEdit, QLineEdit], wedge: WedgeFilter
) -> None:
    """Keys at scanner speed that stop without Enter were typing: they appear, in order."""
    _window, field, _other = form
    scans: list[Scan] = []
    wedge.scanned.connect(scans.append)
    QTest.keyClicks(field, "abcdef", Qt.KeyboardModifier.NoModifier, SCANNER_DELAY_MS)
    qtbot.waitUntil(lambda: field.text() == "abcdef", timeout=2000)
    QTest.keyClicks(field, "gh", Qt.KeyboardModifier.NoModifier, HUMAN_DELAY_MS)
    qtbot.waitUntil(lambda: field.text() == "abcdefgh", timeout=2000)
    assert scans == []


def test_scan_lands_nowhere_whichever_field_has_focus(
    qtbot: QtBot, form: tuple[QWidget, QLineEdit, QLineEdit], wedge: WedgeFilter
) -> None:
    _window, first, second = form
    second.setFocus()
    qtbot.waitUntil(second.hasFocus)
    with qtbot.waitSignal(wedge.scanned, timeout=2000) as blocker:
        QTest.keyClicks(second, "WO-2026-0001", Qt.KeyboardModifier.NoModifier, SCANNER_DELAY_MS)
        _enter(second, SCANNER_DELAY_MS)
    assert blocker.args[0].code == "WO-2026-0001"
    QTest.qWait(THRESHOLD_MS * 3)
    assert first.text() == second.text() == ""


def test_uninstalled_filter_leaves_keys_alone(
    qtbot: QtBot, form: tuple[QWidget, QLineEdit, QLineEdit], wedge: WedgeFilter
) -> None:
    _window, field, _other = form
    wedge.uninstall()
    QTest.keyClicks(field, "XF-KIOSK-01", Qt.KeyboardModifier.NoModifier, SCANNER_DELAY_MS)
    assert field.text() == "XF-KIOSK-01"


# -- a Chinese input method in Chinese mode ------------------------------------------
# What Microsoft Pinyin or Sogou send a field while they compose: one pre-edit update
# per key, then, on Enter, a commit of the raw letters with the pre-edit cleared. The
# events go through the application (and so through the filter) like the real ones.


def _preedit(widget: QWidget, text: str) -> None:
    attrs = [QInputMethodEvent.Attribute(QInputMethodEvent.AttributeType.Cursor, len(text), 1)]
    QCoreApplication.sendEvent(widget, QInputMethodEvent(text, attrs))


def _commit(widget: QWidget, text: str) -> None:
    event = QInputMethodEvent()
    event.setCommitString(text)
    QCoreApplication.sendEvent(widget, event)


def _compose(widget: QWidget, raw: str, delay_ms: int) -> None:
    for end in range(1, len(raw) + 1):
        _preedit(widget, raw[:end].lower())
        QTest.qWait(delay_ms)


def test_scan_composed_by_the_input_method_becomes_a_scan(
    qtbot: QtBot, form: tuple[QWidget, QLineEdit, QLineEdit], wedge: WedgeFilter
) -> None:
    _window, field, _other = form
    warnings: list[bool] = []
    wedge.imeIntercepted.connect(lambda: warnings.append(True))
    with qtbot.waitSignal(wedge.scanned, timeout=2000) as blocker:
        _compose(field, "XF-KIOSK-01", SCANNER_DELAY_MS)
        _commit(field, "XF-KIOSK-01")
    assert blocker.args[0].code == "XF-KIOSK-01"
    QTest.qWait(THRESHOLD_MS * 3)
    assert field.text() == ""  # neither the commit nor the composition stayed
    assert field.inputMethodQuery(Qt.InputMethodQuery.ImSurroundingText) == ""
    assert warnings == []


def test_full_width_commit_is_folded_to_the_code(
    qtbot: QtBot, form: tuple[QWidget, QLineEdit, QLineEdit], wedge: WedgeFilter
) -> None:
    """Chinese punctuation mode turns '-' into '－': the scan still names the device."""
    _window, field, _other = form
    with qtbot.waitSignal(wedge.scanned, timeout=2000) as blocker:
        _compose(field, "XF-KIOSK-01", SCANNER_DELAY_MS)
        _commit(field, "ＸＦ－ＫＩＯＳＫ－０１")
    assert blocker.args[0].code == "XF-KIOSK-01"


def test_characters_committed_one_by_one_at_scanner_speed_are_a_scan(
    qtbot: QtBot, form: tuple[QWidget, QLineEdit, QLineEdit], wedge: WedgeFilter
) -> None:
    """Digits in Chinese mode are committed at once, each on its own, then Enter."""
    _window, field, _other = form
    with qtbot.waitSignal(wedge.scanned, timeout=2000) as blocker:
        for char in "20260301":
            _commit(field, char)
            QTest.qWait(SCANNER_DELAY_MS)
        _enter(field, SCANNER_DELAY_MS)
    assert blocker.args[0].code == "20260301"
    QTest.qWait(THRESHOLD_MS * 3)
    assert field.text() == ""


def test_slow_commits_are_given_back_to_the_field_in_order(
    qtbot: QtBot, form: tuple[QWidget, QLineEdit, QLineEdit], wedge: WedgeFilter
) -> None:
    _window, field, _other = form
    scans: list[Scan] = []
    wedge.scanned.connect(scans.append)
    for char in "1234":
        _commit(field, char)
        QTest.qWait(HUMAN_DELAY_MS)
    qtbot.waitUntil(lambda: field.text() == "1234", timeout=2000)
    assert scans == []


def test_a_person_composing_chinese_types_as_usual(
    qtbot: QtBot, form: tuple[QWidget, QLineEdit, QLineEdit], wedge: WedgeFilter
) -> None:
    _window, field, _other = form
    scans: list[Scan] = []
    warnings: list[bool] = []
    wedge.scanned.connect(scans.append)
    wedge.imeIntercepted.connect(lambda: warnings.append(True))
    _compose(field, "shebei", HUMAN_DELAY_MS)
    _commit(field, "设备")
    QTest.qWait(THRESHOLD_MS * 3)
    assert field.text() == "设备"
    assert scans == []
    assert warnings == []


def test_code_committed_whole_without_timing_warns_and_is_kept(
    qtbot: QtBot, form: tuple[QWidget, QLineEdit, QLineEdit], wedge: WedgeFilter
) -> None:
    """An input method that buffers the whole scan and commits it at once leaves no
    timing to go by: the text stays in the field and the filter says why."""
    _window, field, _other = form
    scans: list[Scan] = []
    wedge.scanned.connect(scans.append)
    with qtbot.waitSignal(wedge.imeIntercepted, timeout=2000):
        _commit(field, "XF-KIOSK-01")
    assert field.text() == "XF-KIOSK-01"
    assert scans == []


def test_main_window_tells_the_user_to_switch_the_input_method(
    qtbot: QtBot, zh: None, window: Any, messages: list[tuple[str, str, str]]
) -> None:
    """In a real window with the keyboard wedge on, a code committed whole by the input
    method into a text field shows the plain warning (a dialog once, then notes)."""
    from workbench.ui.assets.view import AssetsView

    window.wiring.scanner.enable_wedge(THRESHOLD_MS, 4)
    assets = window.view("assets")
    assert isinstance(assets, AssetsView)
    window.show_view("assets")
    field = assets.search
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    _commit(field, "XF-KIOSK-01")
    qtbot.waitUntil(lambda: any(level == "warning" for level, _t, _x in messages), timeout=2000)
    _level, title, text = next(m for m in messages if m[0] == "warning")
    assert "输入法" in text and "英文" in text
    assert "输入法" in title
    _commit(field, "XF-KIOSK-02")
    qtbot.waitUntil(lambda: any(level == "note" for level, _t, _x in messages), timeout=2000)
    assert sum(1 for m in messages if m[0] == "warning") == 1
    window.wiring.scanner.disable_wedge()
