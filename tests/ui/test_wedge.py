"""The keyboard-wedge filter with real key events (QTest), in a real line edit."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
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
