"""The day rule of 八、1 as a term of the contract's data file, and the one-call assessment.

Figures worked by hand for ZHSWZX-2026-007 (¥1,105,000.00; 3‰ = ¥3,315.00 a day):
restored 2 h 3 min after the report is 3 min (180 s) past the 2 h restore deadline: no whole
day (¥0.00), one begun day (¥3,315.00); restored 2 days 1 h past it: 2 whole days
(¥6,630.00), 3 begun days (¥9,945.00).
"""

from __future__ import annotations

import datetime as dt
import tomllib
from decimal import Decimal

import pytest

from workbench.config import resource_path
from workbench.domain import sla
from workbench.domain.contract import (
    ContractDataError,
    load_contract,
    parse_contract,
    penalties_from_terms,
    sla_from_terms,
)

BJ = dt.timezone(dt.timedelta(hours=8))
S = dt.timedelta(seconds=1)
MIN = dt.timedelta(minutes=1)
H = dt.timedelta(hours=1)
D = dt.timedelta(days=1)
CONTRACT_FILE = resource_path("contract", "ZHSWZX-2026-007.toml")


@pytest.fixture(scope="module")
def contract():
    return load_contract(CONTRACT_FILE)


@pytest.fixture(scope="module")
def stored(contract):
    return contract.terms_dict()


def raw():
    with CONTRACT_FILE.open("rb") as fh:
        return tomllib.load(fh)


def assess(stored, contract, reported, **times):
    return sla.assess(
        sla_from_terms(stored),
        penalties_from_terms(stored),
        contract.total_cny,
        reported,
        responded_at=times.get("responded"),
        onsite_at=times.get("onsite"),
        restored_at=times.get("restored"),
        now=times.get("now", reported + 30 * D),
        clocks=times.get("clocks", sla.SLA_KEYS),
    )


def test_the_data_file_states_the_day_rule_and_its_clause(contract, stored):
    assert raw()["penalties"]["day_rule"] == "whole_days"
    assert contract.penalties.day_rule == "whole_days"
    assert contract.penalties.day_rule_clause == "八、1"
    assert contract.penalties.over_cap_rule == "replaces_daily_once"
    # ... and the store's copy of the terms carries it.
    assert penalties_from_terms(stored) == contract.penalties


def test_the_rule_is_taken_from_the_terms_not_from_code(contract, stored):
    t = dt.datetime(2026, 6, 1, 9, 0, tzinfo=BJ)
    strict = {**stored, "penalties": {**stored["penalties"], "day_rule": "begun_days"}}
    whole = assess(stored, contract, t, responded=t + 31 * MIN, restored=t + H)
    begun = assess(strict, contract, t, responded=t + 31 * MIN, restored=t + H)
    assert (whole.rule, whole.penalty.amount_cny) == ("whole_days", Decimal("0.00"))
    assert (begun.rule, begun.penalty.amount_cny) == ("begun_days", Decimal("3315.00"))
    # The worst case is the strict reading whatever the configured rule.
    assert whole.worst_case == begun.worst_case == begun.penalty


def test_an_unknown_rule_in_the_data_file_is_refused():
    data = raw()
    data["penalties"]["day_rule"] = "part_days"
    with pytest.raises(ContractDataError, match="day_rule 'part_days'"):
        parse_contract(data)
    del data["penalties"]["day_rule"]
    with pytest.raises(ContractDataError, match="missing 'day_rule'"):
        parse_contract(data)
    data = raw()
    data["penalties"]["over_cap_rule"] = "adds_to_daily"
    with pytest.raises(ContractDataError, match="over_cap_rule"):
        parse_contract(data)


def test_terms_stored_before_the_rule_are_read_as_the_contract_says(stored):
    old = {**stored, "penalties": dict(stored["penalties"])}
    for key in ("day_rule", "day_rule_clause", "over_cap_rule"):
        del old["penalties"][key]
    terms = penalties_from_terms(old)
    assert (terms.day_rule, terms.day_rule_clause) == ("whole_days", "八、1")
    bad = {**stored, "penalties": {**stored["penalties"], "day_rule": "nonsense"}}
    with pytest.raises(ContractDataError, match="unknown day rule"):
        penalties_from_terms(bad)


def test_restored_two_hours_three_minutes_after_the_report(contract, stored):
    t = dt.datetime(2026, 10, 12, 9, 0, tzinfo=BJ)
    a = assess(stored, contract, t, responded=t + 10 * MIN, onsite=t + H, restored=t + 123 * MIN)
    restore = a.clock("restore")
    assert restore is not None
    assert restore.deadline == dt.datetime(2026, 10, 12, 11, 0, tzinfo=BJ)
    assert restore.done_at == dt.datetime(2026, 10, 12, 11, 3, tzinfo=BJ)
    assert restore.breach
    assert a.late_by == {"response": 0, "onsite": 0, "restore": 180}
    assert a.breaches == ("restore",)
    assert a.penalty.amount_cny == Decimal("0.00")
    assert str(a.penalty.amount_cny) == "0.00"
    assert str(a.worst_case.amount_cny) == "3315.00"
    assert a.figures() == {
        "late_by": {"response": 0, "onsite": 0, "restore": 180},
        "breaches": ["restore"],
        "penalty_rule": "whole_days",
        "penalty_rule_clause": "八、1",
        "penalty_days": 0,
        "penalty_cny": "0.00",
        "penalty_worst_days": 1,
        "penalty_worst_cny": "3315.00",
        "termination_right": False,
        "termination_right_worst": False,
    }


def test_restored_two_days_and_an_hour_late(contract, stored):
    t = dt.datetime(2026, 10, 12, 9, 0, tzinfo=BJ)
    a = assess(
        stored, contract, t, responded=t + 10 * MIN, onsite=t + H, restored=t + 2 * H + 2 * D + H
    )
    assert a.late_by["restore"] == 2 * 86400 + 3600
    assert (a.penalty.days_late, str(a.penalty.amount_cny)) == (2, "6630.00")
    assert (a.worst_case.days_late, str(a.worst_case.amount_cny)) == (3, "9945.00")


@pytest.mark.parametrize(
    ("late", "expected"),
    [
        (D, ("3315.00", "3315.00", False, False)),
        (D + S, ("3315.00", "6630.00", False, False)),
        (10 * D, ("33150.00", "33150.00", False, False)),
        (10 * D + S, ("33150.00", "221000.00", False, True)),
        (11 * D, ("221000.00", "221000.00", True, True)),
        (30 * D, ("221000.00", "221000.00", True, True)),
    ],
)
def test_boundaries_under_both_readings(contract, stored, late, expected):
    whole, worst, terminate_whole, terminate_worst = expected
    t = dt.datetime(2026, 7, 1, 10, 0, tzinfo=BJ)
    a = assess(stored, contract, t, responded=t + MIN, onsite=t + H, restored=t + 2 * H + late)
    assert a.late_by["restore"] == int(late.total_seconds())
    assert str(a.penalty.amount_cny) == whole
    assert str(a.worst_case.amount_cny) == worst
    assert a.penalty.termination_right is terminate_whole
    assert a.worst_case.termination_right is terminate_worst
    assert a.penalty.over_cap is terminate_whole


def test_a_clock_still_open_keeps_growing(contract, stored):
    t = dt.datetime(2026, 7, 1, 10, 0, tzinfo=BJ)
    a = assess(stored, contract, t, responded=t + MIN, now=t + 2 * H + D + H)
    assert a.late_by == {"response": 0, "onsite": 90000, "restore": 90000}
    assert a.penalty.amount_cny == Decimal("3315.00")
    assert a.worst_case.amount_cny == Decimal("6630.00")


def test_only_the_clocks_that_run_are_assessed(contract, stored):
    t = dt.datetime(2026, 7, 1, 10, 0, tzinfo=BJ)
    a = assess(stored, contract, t, restored=t + 3 * H, clocks=("restore",))
    assert [c.key for c in a.clocks] == ["restore"]
    assert a.late_by == {"restore": 3600}
    with pytest.raises(ValueError, match="unknown clocks"):
        assess(stored, contract, t, clocks=("repair",))


def test_the_readings_are_spelled_out(contract):
    assert sla.day_rule_label("whole_days") == "whole days of delay (24 h late = 1 day)"
    assert "worst case" in sla.day_rule_label("begun_days")
    text = sla.over_cap_reading(contract.total_cny, contract.penalties).render()
    assert text == (
        "More than 10 days late: 20% of the contract total (¥221,000.00) replaces the daily "
        "amount, once for the late service, and the client may terminate the contract (八、1)."
    )
