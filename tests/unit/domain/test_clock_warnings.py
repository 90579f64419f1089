"""Clocks that warn: ten minutes before the deadline and at the breach, once each."""

from __future__ import annotations

import datetime as dt

import pytest

from workbench.domain.clock_warnings import (
    BREACHED,
    SOON,
    ClockWatch,
    RunningClock,
    nearest,
)

T0 = dt.datetime(2026, 12, 4, 6, 0, tzinfo=dt.UTC)
RESPONSE = RunningClock("WO-2026-0042", "response", T0 + dt.timedelta(minutes=30))
RESTORE = RunningClock("WO-2026-0042", "restore", T0 + dt.timedelta(hours=2))


def _at(minutes: float) -> dt.datetime:
    return T0 + dt.timedelta(minutes=minutes)


def test_warns_at_ten_minutes_left_and_at_the_breach_once_each() -> None:
    watch = ClockWatch()
    clocks = [RESPONSE, RESTORE]
    assert watch.check(clocks, _at(19)) == []  # 11 minutes left
    soon = watch.check(clocks, _at(20))
    assert [(w.number, w.key, w.kind) for w in soon] == [("WO-2026-0042", "response", SOON)]
    assert soon[0].left(_at(20)) == dt.timedelta(minutes=10)
    assert watch.check(clocks, _at(21)) == []
    assert watch.check(clocks, _at(29.9)) == []
    breach = watch.check(clocks, _at(30))
    assert [(w.key, w.kind) for w in breach] == [("response", BREACHED)]
    assert watch.check(clocks, _at(31)) == []
    # The other clock of the same order warns on its own.
    assert [(w.key, w.kind) for w in watch.check(clocks, _at(111))] == [("restore", SOON)]


def test_a_poll_that_skips_the_ten_minutes_still_warns_the_breach_only() -> None:
    watch = ClockWatch()
    assert [w.kind for w in watch.check([RESPONSE], _at(31))] == [BREACHED]
    assert watch.check([RESPONSE], _at(32)) == []


def test_old_breaches_at_start_are_not_news() -> None:
    watch = ClockWatch()
    assert watch.check([RESPONSE], _at(45)) == []  # breached 15 minutes ago
    assert watch.check([RESPONSE], _at(46)) == []


def test_a_stopped_clock_is_forgotten() -> None:
    watch = ClockWatch()
    watch.check([RESPONSE], _at(20))
    assert watch.warned
    watch.check([], _at(21))  # the engineer responded: the clock stopped
    assert watch.warned == set()


def test_nearest_deadline_still_ahead() -> None:
    assert nearest([RESTORE, RESPONSE], _at(1)) == RESPONSE
    assert nearest([RESTORE, RESPONSE], _at(31)) == RESTORE
    assert nearest([RESPONSE], _at(31)) is None


def test_naive_time_is_refused() -> None:
    naive = T0.replace(tzinfo=None)
    with pytest.raises(ValueError, match="naive"):
        ClockWatch().check([RESPONSE], naive)
