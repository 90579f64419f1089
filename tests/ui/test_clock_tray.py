"""Clocks that warn (issue 20): a tray notification with 10 minutes left and at the
breach, once per order and clock, while the window is out of sight; the tooltip names
the nearest deadline. The clocks run on fake time; the store and the read path are real."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

from workbench.config import Settings
from workbench.services import workorders as wo

REPORTED = dt.datetime(2026, 12, 4, 1, 0, tzinfo=dt.UTC)  # 09:00 in Beijing
RESPONSE_DUE = REPORTED + dt.timedelta(minutes=30)  # the contract's 30-minute response


class FakeTime:
    def __init__(self, at: dt.datetime) -> None:
        self.at = at

    def __call__(self) -> dt.datetime:
        return self.at


@pytest.fixture
def order(store: Any) -> str:
    with store.transaction("t") as session:
        return wo.create_work_order(
            session,
            type="fault",
            channel="hotline",
            description="信息发布屏黑屏",
            asset_codes=["XF-KIOSK-01"],
            reported_at=REPORTED,
            now=REPORTED,
        ).number


@pytest.fixture
def ctx(store: Any) -> Iterator[Any]:
    from workbench.app import create_context

    context = create_context(Settings(), store)
    yield context
    context.tasks.wait()


@pytest.fixture
def clock() -> FakeTime:
    return FakeTime(RESPONSE_DUE - dt.timedelta(minutes=10))


@pytest.fixture
def tray(qtbot: Any, ctx: Any, clock: FakeTime) -> Iterator[Any]:
    from workbench.ui.tray import ClockTray

    window = QWidget()
    qtbot.addWidget(window)
    window.showMinimized()
    tray = ClockTray(ctx, window, now=clock, poll_ms=3_600_000)
    tray.desktop_command = None  # the tray's own balloon: no process started by a test
    yield tray
    tray.stop()
    ctx.tasks.wait()


def _poll(qtbot: Any, tray: Any) -> None:
    with qtbot.waitSignal(tray.polled, timeout=10_000):
        tray.poll()


def test_ten_minutes_left_then_the_breach_each_once(
    qtbot: Any, tray: Any, clock: FakeTime, order: str
) -> None:
    shown: list[tuple[str, str]] = []
    tray.warned.connect(lambda title, text: shown.append((title, text)))
    beeps: list[int] = []
    from PySide6.QtWidgets import QApplication

    original = QApplication.beep
    QApplication.beep = staticmethod(lambda: beeps.append(1))  # type: ignore[method-assign]
    try:
        assert tray.out_of_sight()
        _poll(qtbot, tray)
        assert shown == [("Deadline in 10 minutes", f"{order}: Response due at 09:30, 10 min left")]
        assert tray.icon.toolTip() == (f"Next deadline: {order} Response at 09:30 (10 min left)")
        # A minute later: nothing new.
        clock.at += dt.timedelta(minutes=1)
        _poll(qtbot, tray)
        assert len(shown) == 1
        assert "9 min left" in tray.icon.toolTip()
        # The deadline passes: one breach warning, then silence.
        clock.at = RESPONSE_DUE + dt.timedelta(seconds=20)
        _poll(qtbot, tray)
        assert shown[1] == ("Deadline passed", f"{order}: Response deadline passed at 09:30")
        clock.at += dt.timedelta(minutes=1)
        _poll(qtbot, tray)
        assert len(shown) == 2
        assert beeps == [1, 1]
        # The on-site clock (120 minutes) is now the nearest one still ahead.
        assert tray.icon.toolTip().startswith(f"Next deadline: {order} On-site arrival at 11:00")
    finally:
        QApplication.beep = original  # type: ignore[method-assign]


def test_no_notification_while_the_window_is_in_front(qtbot: Any, tray: Any, order: str) -> None:
    shown: list[str] = []
    tray.warned.connect(lambda _title, text: shown.append(text))
    tray.out_of_sight = lambda: False  # the engineer is looking at the window
    _poll(qtbot, tray)
    assert shown == []
    assert order in tray.icon.toolTip()


def test_a_responded_order_stops_warning(
    qtbot: Any, tray: Any, clock: FakeTime, order: str, store: Any
) -> None:
    shown: list[str] = []
    tray.warned.connect(lambda _title, text: shown.append(text))
    from workbench.services import engineers

    with store.transaction("t") as session:
        eng = engineers.create_engineer(session, "张伟", "139", "260101").id
        at = RESPONSE_DUE - dt.timedelta(minutes=15)
        wo.advance(session, order, "responded", at=at, engineer_id=eng, now=at)
    _poll(qtbot, tray)
    assert shown == []  # the response clock stopped before its 10 minutes
    assert "On-site arrival" in tray.icon.toolTip()
