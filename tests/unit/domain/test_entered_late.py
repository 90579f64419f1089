"""A clock time entered more than 10 minutes after it happened is "entered afterwards"
(补录): issue 18, "times are evidence"."""

from __future__ import annotations

import datetime as dt

from workbench.domain.workorders import LATE_ENTRY, entered_late

T = dt.datetime(2026, 6, 1, 9, 0, tzinfo=dt.UTC)
SEC = dt.timedelta(seconds=1)


def test_the_boundary_is_ten_minutes() -> None:
    assert entered_late([("responded", T, T + LATE_ENTRY)]) == ()
    assert entered_late([("responded", T, T + LATE_ENTRY + SEC)]) == (
        ("response", T + LATE_ENTRY + SEC),
    )


def test_each_clock_named_in_order_and_other_steps_ignored() -> None:
    steps = [
        ("restored", T, T + dt.timedelta(hours=3)),
        ("reported", T, T + dt.timedelta(days=1)),  # a back-dated report
        ("onsite", T, T + SEC),  # entered at once
        ("closed", T, T + dt.timedelta(days=2)),  # closing starts no clock
        ("cancelled", T, T + dt.timedelta(days=2)),
    ]
    assert [clock for clock, _ in entered_late(steps)] == ["reported", "restore"]


def test_the_last_entry_of_a_step_counts() -> None:
    # (a step entered again, e.g. an import replayed: the newest record is the one shown)
    steps = [("responded", T, T + dt.timedelta(hours=1)), ("responded", T, T + SEC)]
    assert entered_late(steps) == ()
