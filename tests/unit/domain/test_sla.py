"""The SLA clock and clause 8.1 penalties at their boundaries, against figures worked by hand.

Contract ZHSWZX-2026-007: response 30 min, on site 2 h, restore 2 h; total ¥1,105,000.00;
3‰ a day = ¥3,315.00 a day; more than 10 days late = 20% = ¥221,000.00.

The contract's day rule (八、1 "每延期一日") counts whole days of delay: ``penalty`` is that
reading; ``worst`` is the strict one (every begun day counts), always computed beside it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from workbench.config import resource_path
from workbench.domain import sla
from workbench.domain.contract import load_contract, penalties_from_terms, sla_from_terms

BJ = dt.timezone(dt.timedelta(hours=8))
S = dt.timedelta(seconds=1)
MIN = dt.timedelta(minutes=1)
H = dt.timedelta(hours=1)
D = dt.timedelta(days=1)


@pytest.fixture(scope="module")
def contract():
    return load_contract(resource_path("contract", "ZHSWZX-2026-007.toml"))


@pytest.fixture(scope="module")
def terms(contract):
    # Through the same JSON terms the store keeps: nothing is a constant in code.
    stored = contract.terms_dict()
    return sla_from_terms(stored), penalties_from_terms(stored), contract.total_cny


def evaluate(terms, reported, *, responded=None, onsite=None, restored=None, now=None):
    by_key, penalty, _ = evaluate_both(
        terms, reported, responded=responded, onsite=onsite, restored=restored, now=now
    )
    return by_key, penalty


def evaluate_both(terms, reported, *, responded=None, onsite=None, restored=None, now=None):
    sla_terms, penalty_terms, total = terms
    items = sla.evaluate(
        sla_terms,
        reported,
        responded_at=responded,
        onsite_at=onsite,
        restored_at=restored,
        now=now or (reported + 365 * D),
    )
    by_key = {item.key: item for item in items}
    return (
        by_key,
        sla.penalty(items, total, penalty_terms),
        sla.worst_case_penalty(items, total, penalty_terms),
    )


def test_terms_are_the_contracts(terms):
    sla_terms, penalty_terms, total = terms
    assert (sla_terms.response_minutes, sla_terms.onsite_minutes, sla_terms.restore_minutes) == (
        30,
        120,
        120,
    )
    assert total == Decimal("1105000.00")
    assert penalty_terms.late_rate_per_day == Decimal("0.003")


def test_response_exactly_thirty_minutes_is_met(terms):
    t = dt.datetime(2026, 5, 11, 9, 0, tzinfo=BJ)
    items, penalty = evaluate(terms, t, responded=t + 30 * MIN, onsite=t + H, restored=t + H)
    assert items["response"].deadline == dt.datetime(2026, 5, 11, 9, 30, tzinfo=BJ)
    assert items["response"].state == "met"
    assert items["response"].late_by is None
    assert penalty.amount_cny == Decimal("0.00")
    assert penalty.days_late == 0


def test_response_one_second_over_is_a_breach_but_no_whole_day(terms):
    t = dt.datetime(2026, 5, 11, 9, 0, tzinfo=BJ)
    items, penalty, worst = evaluate_both(
        terms, t, responded=t + 30 * MIN + S, onsite=t + H, restored=t + H
    )
    assert items["response"].state == "breached"
    assert items["response"].breach
    assert items["response"].late_by == S
    assert items["response"].late_by_seconds == 1
    assert items["onsite"].state == "met"
    assert items["restore"].state == "met"
    assert penalty.days_late == 0
    assert penalty.amount_cny == Decimal("0.00")
    assert worst.days_late == 1
    assert worst.amount_cny == Decimal("3315.00")
    assert worst.rule == "begun_days"
    assert not worst.termination_right


def test_restore_across_midnight(terms):
    # Reported 23:45 Beijing time: response due 00:15, restore due 01:45 the next day.
    t = dt.datetime(2026, 5, 12, 23, 45, tzinfo=BJ)
    items, penalty = evaluate(
        terms,
        t,
        responded=dt.datetime(2026, 5, 13, 0, 15, tzinfo=BJ),
        onsite=dt.datetime(2026, 5, 13, 1, 10, tzinfo=BJ),
        restored=dt.datetime(2026, 5, 13, 1, 45, tzinfo=BJ),
    )
    assert items["response"].deadline == dt.datetime(2026, 5, 13, 0, 15, tzinfo=BJ)
    assert items["restore"].deadline == dt.datetime(2026, 5, 13, 1, 45, tzinfo=BJ)
    assert {i.state for i in items.values()} == {"met"}
    assert penalty.amount_cny == Decimal("0.00")

    items, penalty = evaluate(
        terms,
        t,
        responded=dt.datetime(2026, 5, 13, 0, 10, tzinfo=BJ),
        onsite=dt.datetime(2026, 5, 13, 1, 10, tzinfo=BJ),
        restored=dt.datetime(2026, 5, 13, 2, 10, tzinfo=BJ),
    )
    assert items["restore"].state == "breached"
    assert items["restore"].late_by == 25 * MIN
    assert penalty.days_late == 0
    assert penalty.amount_cny == Decimal("0.00")


def test_restore_across_month_end(terms):
    # Reported 2026-08-31 22:30 Beijing time: restore due 2026-09-01 00:30.
    t = dt.datetime(2026, 8, 31, 22, 30, tzinfo=BJ)
    due = dt.datetime(2026, 9, 1, 0, 30, tzinfo=BJ)
    items, _ = evaluate(terms, t, responded=t + 10 * MIN, onsite=t + H, restored=due)
    assert items["restore"].deadline == due
    assert items["restore"].state == "met"
    # Restored exactly 24 h after the deadline: one day late under both readings.
    items, penalty, worst = evaluate_both(
        terms, t, responded=t + 10 * MIN, onsite=t + H, restored=due + D
    )
    assert items["restore"].late_by == D
    assert items["restore"].late_by_seconds == 86400
    assert (penalty.days_late, penalty.amount_cny) == (1, Decimal("3315.00"))
    assert (worst.days_late, worst.amount_cny) == (1, Decimal("3315.00"))
    # One second more: still one whole day; the strict reading starts a second day.
    items, penalty, worst = evaluate_both(
        terms, t, responded=t + 10 * MIN, onsite=t + H, restored=due + D + S
    )
    assert (penalty.days_late, penalty.amount_cny) == (1, Decimal("3315.00"))
    assert (worst.days_late, worst.amount_cny) == (2, Decimal("6630.00"))
    # One second short of 24 h: no whole day yet.
    _, penalty, worst = evaluate_both(
        terms, t, responded=t + 10 * MIN, onsite=t + H, restored=due + D - S
    )
    assert (penalty.days_late, penalty.amount_cny) == (0, Decimal("0.00"))
    assert (worst.days_late, worst.amount_cny) == (1, Decimal("3315.00"))


def test_month_end_in_utc_is_the_same_instant(terms):
    # 2026-06-30 23:50 Beijing is 15:50 UTC: the deadline is an instant, not a wall time.
    t_bj = dt.datetime(2026, 6, 30, 23, 50, tzinfo=BJ)
    t_utc = t_bj.astimezone(dt.UTC)
    a, _ = evaluate(terms, t_bj)
    b, _ = evaluate(terms, t_utc)
    assert a["response"].deadline == b["response"].deadline
    assert a["response"].deadline.astimezone(BJ) == dt.datetime(2026, 7, 1, 0, 20, tzinfo=BJ)


def test_still_open_exposure_grows_with_now(terms):
    t = dt.datetime(2026, 11, 24, 8, 0, tzinfo=BJ)
    # 20 minutes in: pending, 10 minutes left.
    items, penalty = evaluate(terms, t, now=t + 20 * MIN)
    assert items["response"].state == "pending"
    assert items["response"].remaining == 10 * MIN
    assert penalty.amount_cny == Decimal("0.00")
    # The last quarter of the 30-minute window (7.5 min) is at risk.
    items, _ = evaluate(terms, t, now=t + 22 * MIN + 29 * S)
    assert items["response"].state == "pending"
    items, _ = evaluate(terms, t, now=t + 22 * MIN + 30 * S)
    assert items["response"].state == "at_risk"
    # At the deadline itself still at risk, not breached.
    items, _ = evaluate(terms, t, now=t + 30 * MIN)
    assert items["response"].state == "at_risk"
    # One second past: breached while still open; one begun day, no whole day yet.
    items, penalty, worst = evaluate_both(terms, t, now=t + 30 * MIN + S)
    assert items["response"].state == "breached"
    assert items["response"].open
    assert items["onsite"].state == "pending"
    assert penalty.amount_cny == Decimal("0.00")
    assert worst.amount_cny == Decimal("3315.00")
    # Responded, but nobody on site 2 h + 1 day + 1 s later: counted once per order.
    items, penalty, worst = evaluate_both(terms, t, responded=t + 5 * MIN, now=t + 2 * H + D + S)
    assert items["response"].state == "met"
    assert items["onsite"].state == "breached"
    assert items["restore"].state == "breached"
    assert (penalty.days_late, penalty.amount_cny) == (1, Decimal("3315.00"))
    assert (worst.days_late, worst.amount_cny) == (2, Decimal("6630.00"))


def test_exactly_ten_days_versus_ten_days_and_a_second(terms):
    t = dt.datetime(2026, 7, 1, 10, 0, tzinfo=BJ)
    due = t + 2 * H
    items, penalty, worst = evaluate_both(
        terms, t, responded=t + MIN, onsite=t + 30 * MIN, restored=due + 10 * D
    )
    assert items["restore"].late_by == 10 * D
    for p in (penalty, worst):
        assert p.days_late == 10
        assert p.amount_cny == Decimal("33150.00")
        assert not p.over_cap
        assert not p.termination_right

    # 10 days + 1 s: ten whole days (the cap is counted in the same days), but the eleventh
    # begun day under the strict reading: 20% instead of the daily amount, and termination.
    _, penalty, worst = evaluate_both(
        terms, t, responded=t + MIN, onsite=t + 30 * MIN, restored=due + 10 * D + S
    )
    assert (penalty.days_late, penalty.amount_cny) == (10, Decimal("33150.00"))
    assert not penalty.over_cap
    assert not penalty.termination_right
    assert (worst.days_late, worst.amount_cny) == (11, Decimal("221000.00"))
    assert worst.over_cap
    assert worst.termination_right

    # Eleven whole days: 20% once under both readings (not 11 x 3,315 nor added to it).
    _, penalty, worst = evaluate_both(
        terms, t, responded=t + MIN, onsite=t + 30 * MIN, restored=due + 11 * D
    )
    assert penalty.amount_cny == worst.amount_cny == Decimal("221000.00")
    assert penalty.termination_right and worst.termination_right


def test_several_late_targets_count_once_per_order(terms):
    t = dt.datetime(2026, 9, 3, 14, 0, tzinfo=BJ)
    # Response 1 h late, restore 1 day 2 h late: the order counts its worst lateness once,
    # 1 whole day (2 begun days under the strict reading).
    items, penalty, worst = evaluate_both(
        terms,
        t,
        responded=t + 30 * MIN + H,
        onsite=t + 90 * MIN,
        restored=t + 2 * H + D + 2 * H,
    )
    assert sla.breaches(tuple(items.values())) == ("response", "restore")
    assert (penalty.days_late, penalty.amount_cny) == (1, Decimal("3315.00"))
    assert (worst.days_late, worst.amount_cny) == (2, Decimal("6630.00"))


def test_remote_restore_needs_no_visit(terms):
    t = dt.datetime(2026, 10, 8, 10, 0, tzinfo=BJ)
    items, penalty = evaluate(terms, t, responded=t + 5 * MIN, restored=t + 50 * MIN)
    assert items["onsite"].state == "met"
    assert items["onsite"].done_at == t + 50 * MIN
    assert penalty.amount_cny == Decimal("0.00")


def test_at_risk_fraction_is_a_parameter(terms):
    sla_terms, _, _ = terms
    t = dt.datetime(2026, 10, 8, 10, 0, tzinfo=BJ)
    half = sla.evaluate(
        sla_terms,
        t,
        responded_at=None,
        onsite_at=None,
        restored_at=None,
        now=t + 15 * MIN,
        at_risk_fraction=0.5,
    )
    assert half[0].state == "at_risk"
    quarter = sla.evaluate(
        sla_terms, t, responded_at=None, onsite_at=None, restored_at=None, now=t + 15 * MIN
    )
    assert quarter[0].state == "pending"
    with pytest.raises(ValueError, match="between 0 and 1"):
        sla.item_state("response", 30, t, done_at=None, now=t, at_risk_fraction=1.5)


def test_days_late_counting_whole_days():
    rule = "whole_days"
    assert sla.days_late(None, rule) == 0
    assert sla.days_late(dt.timedelta(0), rule) == 0
    assert sla.days_late(-S, rule) == 0
    assert sla.days_late(S, rule) == 0
    assert sla.days_late(D - S, rule) == 0
    assert sla.days_late(D, rule) == 1
    assert sla.days_late(D + S, rule) == 1
    assert sla.days_late(2 * D - dt.timedelta(microseconds=1), rule) == 1
    assert sla.days_late(10 * D, rule) == 10
    assert sla.days_late(10 * D + S, rule) == 10


def test_days_late_counting_begun_days():
    rule = "begun_days"
    assert sla.days_late(None, rule) == 0
    assert sla.days_late(dt.timedelta(0), rule) == 0
    assert sla.days_late(S, rule) == 1
    assert sla.days_late(D - S, rule) == 1
    assert sla.days_late(D, rule) == 1
    assert sla.days_late(D + dt.timedelta(microseconds=1), rule) == 2
    assert sla.days_late(10 * D, rule) == 10
    assert sla.days_late(10 * D + S, rule) == 11


def test_an_unknown_day_rule_is_refused():
    with pytest.raises(ValueError, match="unknown day rule"):
        sla.days_late(D, "half_days")


def test_next_deadline_is_the_earliest_open_one(terms):
    t = dt.datetime(2026, 11, 24, 8, 0, tzinfo=BJ)
    items, _ = evaluate(terms, t, now=t + 10 * MIN)
    nxt = sla.next_deadline(tuple(items.values()))
    assert nxt is not None
    assert nxt.key == "response"
    items, _ = evaluate(terms, t, responded=t + 5 * MIN, now=t + 10 * MIN)
    nxt = sla.next_deadline(tuple(items.values()))
    assert nxt is not None
    assert nxt.key == "onsite"
    assert nxt.deadline == t + 2 * H
    items, _ = evaluate(
        terms, t, responded=t + 5 * MIN, onsite=t + H, restored=t + H, now=t + 3 * H
    )
    assert sla.next_deadline(tuple(items.values())) is None


def test_naive_times_are_refused(terms):
    sla_terms, _, _ = terms
    with pytest.raises(ValueError, match="naive"):
        sla.deadlines(dt.datetime(2026, 5, 1, 9, 0), sla_terms)  # noqa: DTZ001
