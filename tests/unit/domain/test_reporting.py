"""Report figures and the deliverables calendar: pure rules."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from workbench.domain import deliverables as cal
from workbench.domain import reporting as fig
from workbench.domain.timeutil import LOCAL_TZ

TERMS = {
    "deliverables": [
        {"key": "weekly", "name": "周报", "every": "week"},
        {"key": "scan", "name": "扫描", "every": "month", "per_site": True},
        {"key": "pub", "name": "发布", "every": "year", "minimum": 24},
        {"key": "staff", "name": "人员变更", "notice_days": 30},
    ]
}
START, END = dt.date(2026, 3, 1), dt.date(2027, 2, 28)
SITES = ("A", "B", "C", "D", "E")


def test_the_contract_year_owes_52_weekly_60_scans_and_24_publications():
    obligations = cal.schedule(cal.terms_from(TERMS), START, END, SITES)
    by_key = {k: [o for o in obligations if o.key == k] for k in ("weekly", "scan", "pub")}
    assert len(by_key["weekly"]) == 52
    assert all(o.due_on.weekday() == 4 and START <= o.due_on <= END for o in by_key["weekly"])
    assert len(by_key["scan"]) == 60
    assert {o.site for o in by_key["scan"]} == set(SITES)
    assert by_key["scan"][0].due_on == dt.date(2026, 3, 31)
    assert len(by_key["pub"]) == 24
    assert {o.due_on for o in by_key["pub"]} == {END}  # a count for the year (一、2)
    assert not [o for o in obligations if o.key == "staff"]


def test_states_and_lateness():
    today = dt.date(2026, 11, 24)
    end = cal.week_end(today)
    assert end == dt.date(2026, 11, 29)
    assert cal.state(dt.date(2026, 11, 20), None, today, end) == cal.OVERDUE
    assert cal.state(dt.date(2026, 11, 27), None, today, end) == cal.DUE
    assert cal.state(dt.date(2026, 12, 4), None, today, end) == cal.PLANNED
    assert cal.state(dt.date(2026, 11, 20), dt.date(2026, 11, 21), today, end) == cal.DELIVERED
    assert cal.late_days(dt.date(2026, 11, 20), dt.date(2026, 11, 23), today) == 3
    assert cal.late_days(dt.date(2026, 11, 20), None, today) == 4
    assert cal.notice_due(dt.date(2026, 12, 31), 30) == dt.date(2026, 12, 1)


def test_week_and_month_labels():
    assert cal.parse_iso_week("2026-W47") == (dt.date(2026, 11, 16), dt.date(2026, 11, 22))
    assert cal.iso_week_label(dt.date(2027, 1, 1)) == "2026-W53"
    assert cal.parse_month("2027-02") == (dt.date(2027, 2, 1), dt.date(2027, 2, 28))
    for bad in ("2026-47", "W47", "2026-W60"):
        try:
            cal.parse_iso_week(bad)
        except ValueError:
            continue
        raise AssertionError(bad)


def test_percentile_is_nearest_rank_and_median_the_middle():
    values = [float(v) for v in range(1, 11)]
    assert fig.percentile_nearest_rank(values, 0.9) == 9.0
    assert fig.percentile_nearest_rank([5.0], 0.9) == 5.0
    assert fig.percentile_nearest_rank([], 0.9) is None
    assert fig.median([1.0, 2.0, 3.0, 10.0]) == 2.5


def test_expected_inspections_count_due_dates_in_the_period():
    # Weekly from 2026-03-01: due 03-01, 03-08, 03-15, 03-22, 03-29.
    assert fig.expected_inspections(7, START, dt.date(2026, 3, 1), dt.date(2026, 3, 31)) == 5
    # Every 30 days: 03-01 and 03-31 in March, 04-30 in April.
    assert fig.expected_inspections(30, START, dt.date(2026, 3, 1), dt.date(2026, 3, 31)) == 2
    assert fig.expected_inspections(30, START, dt.date(2026, 4, 1), dt.date(2026, 4, 30)) == 1
    assert fig.expected_inspections(None, START, dt.date(2026, 4, 1), dt.date(2026, 4, 30)) == 0
    assert fig.expected_inspections(7, START, dt.date(2026, 2, 1), dt.date(2026, 2, 28)) == 0
    done = fig.completion({"a": 2, "b": 1}, {"a": 5, "c": 3})
    assert (done.expected, done.done) == (3, 2)


def _fact(
    minutes: float | None, breaches: tuple[str, ...] = (), penalty: str = "0"
) -> fig.OrderFact:
    t0 = dt.datetime(2026, 10, 5, 9, 0, tzinfo=LOCAL_TZ)
    return fig.OrderFact(
        number="WO",
        type="fault",
        status="closed",
        category="kiosk",
        category_name="",
        reported_at=t0,
        restored_at=None if minutes is None else t0 + dt.timedelta(minutes=minutes),
        clocked=True,
        breaches=breaches,
        days_late=0,
        penalty_cny=Decimal(penalty),
    )


def test_compliance_leaves_out_orders_still_inside_their_deadlines():
    facts = [_fact(30), _fact(60), _fact(None), _fact(200, ("restore",), "3315.00")]
    summary = fig.sla_summary(facts)
    assert (summary.clocked, summary.decided, summary.breached) == (4, 3, 1)
    assert summary.compliance == 2 / 3
    assert summary.exposure_cny == Decimal("3315.00")
    stats = fig.restore_stats(facts)
    assert (stats.count, stats.median_minutes, stats.p90_minutes) == (3, 60.0, 200.0)
    assert fig.percent(None) == "—"
