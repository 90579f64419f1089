"""Payment milestones (四、2–四、4) against the PRC working-day calendar, worked by hand.

2026 holidays (chinese_calendar, the State Council's notice): Mid-Autumn 09-25..09-27,
National Day 10-01..10-07, with Saturday 10-10 a make-up working day. 2027 is not yet in the
calendar: its working days are counted Monday to Friday, and the result says so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from workbench.config import resource_path
from workbench.domain import payments
from workbench.domain.contract import load_contract
from workbench.domain.payments import MilestoneFacts, add_working_days, milestone_status


@pytest.fixture(scope="module")
def contract():
    return load_contract(resource_path("contract", "ZHSWZX-2026-007.toml"))


@pytest.fixture(scope="module")
def plan(contract):
    return {p.seq: p for p in contract.payments}


def test_the_plan_and_its_terms_are_data(contract, plan):
    terms = contract.payment_terms
    assert terms is not None
    assert (terms.invoice_working_days, terms.invoice_clause, terms.funds_clause) == (
        7,
        "四、3",
        "四、4",
    )
    assert plan[1].after_condition_working_days == 7
    assert plan[4].after_condition_working_days == 0
    assert plan[2].due == dt.date(2026, 9, 30)
    assert plan[3].due == dt.date(2026, 12, 31)


def test_working_days_skip_the_national_day_week():
    # From Mon 09-28: 09-29, 09-30, 10-08, 10-09, 10-10 (make-up Saturday), 10-12, 10-13.
    after = add_working_days(dt.date(2026, 9, 28), 7)
    assert after.day == dt.date(2026, 10, 13)
    assert after.calendar_complete
    # From Thu 09-24: 09-28, 09-29, 09-30, 10-08, 10-09, 10-10, 10-12 (09-25 is Mid-Autumn).
    assert add_working_days(dt.date(2026, 9, 24), 7).day == dt.date(2026, 10, 12)
    assert add_working_days(dt.date(2026, 9, 24), 0).day == dt.date(2026, 9, 24)
    with pytest.raises(ValueError, match="negative"):
        add_working_days(dt.date(2026, 9, 24), -1)


def test_a_year_the_calendar_does_not_know_is_counted_monday_to_friday():
    # 12-29, 12-30, 12-31, then 2027 by weekdays: 01-01 (Fri), 01-04, 01-05, 01-06.
    after = add_working_days(dt.date(2026, 12, 28), 7)
    assert after.day == dt.date(2027, 1, 6)
    assert not after.calendar_complete
    assert after.weekday_years == (2027,)
    assert "Monday to Friday" in payments.WEEKDAYS_ONLY


def test_without_an_invoice_a_payment_is_never_overdue(contract, plan):
    # Payment 3, nominally due 2026-12-31, no invoice: not overdue in February.
    s = milestone_status(plan[3], contract.payment_terms, MilestoneFacts(), dt.date(2027, 2, 1))
    assert s.state == payments.NOT_INVOICED
    assert s.expected_on is None
    assert s.overdue_days == 0
    assert "Invoice handed over (四、3)" in s.conditions


def test_invoiced_in_time_the_nominal_date_holds(contract, plan):
    facts = MilestoneFacts(invoiced_on=dt.date(2026, 9, 1))
    terms = contract.payment_terms
    s = milestone_status(plan[2], terms, facts, dt.date(2026, 9, 30))
    assert (s.state, s.expected_on) == (payments.EXPECTED, dt.date(2026, 9, 30))
    s = milestone_status(plan[2], terms, facts, dt.date(2026, 10, 1))
    assert (s.state, s.overdue_days) == (payments.OVERDUE, 1)


def test_a_late_invoice_moves_the_expected_date(contract, plan):
    facts = MilestoneFacts(invoiced_on=dt.date(2026, 9, 28))
    terms = contract.payment_terms
    s = milestone_status(plan[2], terms, facts, dt.date(2026, 10, 13))
    assert (s.state, s.expected_on) == (payments.EXPECTED, dt.date(2026, 10, 13))
    assert s.calendar_complete
    s = milestone_status(plan[2], terms, facts, dt.date(2026, 10, 14))
    assert (s.state, s.overdue_days) == (payments.OVERDUE, 1)


def test_funds_not_yet_arrived_is_not_overdue(contract, plan):
    facts = MilestoneFacts(invoiced_on=dt.date(2026, 9, 1), funds_arrived=False)
    s = milestone_status(plan[2], contract.payment_terms, facts, dt.date(2026, 11, 30))
    assert s.state == payments.FUNDS_PENDING
    assert s.overdue_days == 0
    paid = milestone_status(
        plan[2],
        contract.payment_terms,
        replace(facts, paid_on=dt.date(2026, 12, 1)),
        dt.date(2026, 12, 2),
    )
    assert paid.state == payments.PAID


def test_a_conditional_milestone_waits_for_its_condition(contract, plan):
    terms = contract.payment_terms
    s = milestone_status(
        plan[1], terms, MilestoneFacts(invoiced_on=dt.date(2026, 3, 2)), dt.date(2026, 6, 1)
    )
    assert s.state == payments.AWAITING_CONDITION
    assert s.conditions[0] == "签订合同且财政资金到位"
    # Funds approved on Tue 2026-03-10: 7 working days later is Thu 03-19.
    facts = MilestoneFacts(invoiced_on=dt.date(2026, 3, 2), condition_met_on=dt.date(2026, 3, 10))
    s = milestone_status(plan[1], terms, facts, dt.date(2026, 3, 19))
    assert (s.state, s.expected_on) == (payments.EXPECTED, dt.date(2026, 3, 19))
    assert milestone_status(plan[1], terms, facts, dt.date(2026, 3, 20)).state == payments.OVERDUE


def test_the_last_milestone_is_due_at_once_after_the_2027_funds(contract, plan):
    terms = contract.payment_terms
    facts = MilestoneFacts(invoiced_on=dt.date(2027, 1, 4), condition_met_on=dt.date(2027, 1, 8))
    s = milestone_status(plan[4], terms, facts, dt.date(2027, 1, 13))
    # At once after the funds (01-08); the invoice's 7 working days (by weekdays) end 01-13.
    assert (s.state, s.expected_on) == (payments.EXPECTED, dt.date(2027, 1, 13))
    assert not s.calendar_complete
    assert s.weekday_years == (2027,)
