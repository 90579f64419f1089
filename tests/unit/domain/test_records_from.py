"""Taking over mid-contract: what fell due before the records began is not overdue."""

from __future__ import annotations

import datetime as dt

from workbench.domain import deliverables as rules
from workbench.domain import schedules

START = dt.date(2026, 3, 1)
RECORDS = dt.date(2026, 12, 4)
TODAY = dt.date(2026, 12, 9)
WEEK_END = rules.week_end(TODAY)


def test_a_weekly_report_due_before_the_records_is_not_overdue() -> None:
    due = dt.date(2026, 3, 6)
    assert rules.state(due, None, TODAY, WEEK_END) == rules.OVERDUE
    assert rules.state(due, None, TODAY, WEEK_END, RECORDS) == rules.BEFORE_RECORDS
    assert rules.late_days(due, None, TODAY) == 278
    assert rules.late_days(due, None, TODAY, RECORDS) == 0


def test_after_the_records_began_late_is_late_and_delivered_is_delivered() -> None:
    # Due on the records' first day or after it: the team's own.
    assert rules.state(RECORDS, None, TODAY, WEEK_END, RECORDS) == rules.OVERDUE
    assert rules.state(TODAY, None, TODAY, WEEK_END, RECORDS) == rules.DUE
    # A delivery recorded for an old one stays a delivery, with its lateness.
    old = dt.date(2026, 11, 27)
    assert rules.state(old, dt.date(2026, 11, 30), TODAY, WEEK_END, RECORDS) == rules.DELIVERED
    assert rules.late_days(old, dt.date(2026, 11, 30), TODAY, RECORDS) == 3


def test_the_state_has_a_name() -> None:
    assert rules.BEFORE_RECORDS in rules.STATES
    assert rules.STATE_NAMES[rules.BEFORE_RECORDS] == "Before the records began"


def test_a_device_never_inspected_is_due_from_the_records_first_day() -> None:
    monthly = schedules.ScheduledAsset("XF-KIOSK-01", 30)
    # Without a records day: overdue since the contract's first day.
    assert schedules.status(monthly, TODAY, START).state == schedules.OVERDUE
    assert schedules.status(monthly, TODAY, START).days_overdue == 283
    on_first_day = schedules.status(monthly, RECORDS, START, RECORDS)
    assert (on_first_day.state, on_first_day.due_on) == (schedules.DUE, RECORDS)
    # Not due before the records begin (the wizard may be run ahead of the day).
    ahead = schedules.status(monthly, RECORDS - dt.timedelta(days=1), START, RECORDS)
    assert ahead.state == schedules.NOT_DUE


def test_an_inspection_due_before_the_records_moves_to_their_first_day() -> None:
    weekly = schedules.ScheduledAsset("XF-DEC-07", 7, last_inspected=dt.date(2026, 10, 1))
    status = schedules.status(weekly, TODAY, START, RECORDS)
    assert status.due_on == RECORDS
    assert (status.state, status.days_overdue) == (schedules.OVERDUE, 5)
    # An inspection within the records counts as before.
    recent = schedules.ScheduledAsset("XF-DEC-07", 7, last_inspected=dt.date(2026, 12, 5))
    assert schedules.status(recent, TODAY, START, RECORDS).due_on == dt.date(2026, 12, 12)


def test_a_records_day_on_the_contract_start_changes_nothing() -> None:
    device = schedules.ScheduledAsset("XF-KIOSK-01", 30, last_inspected=dt.date(2026, 10, 1))
    assert schedules.status(device, TODAY, START, START) == schedules.status(device, TODAY, START)
