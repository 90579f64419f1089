"""Due and overdue devices: day counting across month ends, leap days, never inspected."""

from __future__ import annotations

import datetime as dt

import pytest

from workbench.domain import schedules
from workbench.domain.schedules import DUE, NOT_DUE, OVERDUE, UNSCHEDULED, ScheduledAsset

START = dt.date(2026, 3, 1)


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


@pytest.mark.parametrize(
    ("last", "interval", "expected"),
    [
        ("2026-01-31", 30, "2026-03-02"),  # across February of a common year
        ("2028-01-31", 30, "2028-03-01"),  # ... and of a leap year
        ("2026-03-31", 7, "2026-04-07"),
        ("2026-04-30", 30, "2026-05-30"),
        ("2026-12-28", 7, "2027-01-04"),  # across the year end
        ("2027-02-26", 7, "2027-03-05"),
    ],
)
def test_due_date_counts_days_across_month_ends(last: str, interval: int, expected: str) -> None:
    assert schedules.due_on(d(last), interval, START) == d(expected)


def test_never_inspected_is_due_from_contract_start() -> None:
    asset = ScheduledAsset("XF-KIOSK-01", 30)
    before = schedules.status(asset, d("2026-02-27"), START)
    on_start = schedules.status(asset, START, START)
    after = schedules.status(asset, d("2026-03-04"), START)
    assert before.state == NOT_DUE  # nothing is due before the contract runs
    assert before.due_on == START
    assert on_start.state == DUE
    assert on_start.days_overdue == 0
    assert after.state == OVERDUE
    assert after.days_overdue == 3
    assert after.last_inspected is None


def test_window_before_the_due_date_then_overdue_after_it() -> None:
    asset = ScheduledAsset("XF-WS-01", 30, last_inspected=d("2026-04-30"))
    # due on 2026-05-30; a monthly check is due from five days before
    assert schedules.window_days(30) == 5
    assert schedules.status(asset, d("2026-05-24"), START).state == NOT_DUE
    assert schedules.status(asset, d("2026-05-25"), START).state == DUE
    assert schedules.status(asset, d("2026-05-30"), START).state == DUE
    late = schedules.status(asset, d("2026-06-02"), START)
    assert late.state == OVERDUE
    assert late.days_overdue == 3  # May 30 -> June 2 over the month end


def test_weekly_check_due_the_day_before() -> None:
    asset = ScheduledAsset("XF-CAB-01", 7, last_inspected=d("2026-03-27"))
    # due on Friday 2026-04-03; across the end of March
    assert schedules.status(asset, d("2026-04-01"), START).state == NOT_DUE
    assert schedules.status(asset, d("2026-04-02"), START).state == DUE
    assert schedules.status(asset, d("2026-04-04"), START).days_overdue == 1


def test_leap_day() -> None:
    asset = ScheduledAsset("XF-CAB-01", 7, last_inspected=d("2028-02-26"))
    status = schedules.status(asset, d("2028-03-05"), START)
    assert status.due_on == d("2028-03-04")
    assert status.days_overdue == 1


def test_no_interval_is_unscheduled() -> None:
    status = schedules.status(ScheduledAsset("X-1", None), d("2026-06-01"), START)
    assert status.state == UNSCHEDULED
    assert not status.needs_inspection


def test_statuses_most_overdue_first() -> None:
    assets = [
        ScheduledAsset("B-1", 30, d("2026-05-01")),  # due 05-31: 1 day late on 06-01
        ScheduledAsset("A-1", 30, None),  # never: due 03-01, 92 days late
        ScheduledAsset("C-1", 30, d("2026-05-30")),  # due 06-29: not due
        ScheduledAsset("D-1", 7, d("2026-05-26")),  # due 06-02: due (window)
    ]
    all_due = schedules.statuses(assets, d("2026-06-01"), START)
    due = [s for s in all_due if s.needs_inspection]
    assert [s.code for s in due] == ["A-1", "B-1", "D-1"]
    assert [s.state for s in due] == [OVERDUE, OVERDUE, DUE]
    assert due[0].days_overdue == 92
