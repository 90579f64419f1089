"""A deadline the client set (甲方指定时间) is a clock of its own (issue 18): missing it
exposes 八、5 (20% of the total, once), beside 八、1's daily amount and never inside it; for
a contractor-caused fault the time past it extends the service period (五、5.2.3)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from workbench.config import resource_path
from workbench.domain import clocks, sla
from workbench.domain.contract import load_contract, penalties_from_terms

BJ = dt.timezone(dt.timedelta(hours=8))
T0 = dt.datetime(2026, 6, 1, 9, 0, tzinfo=BJ)
DEADLINE = T0 + dt.timedelta(hours=4)
CONTRACT = load_contract(resource_path("contract", "ZHSWZX-2026-007.toml"))
TOTAL = CONTRACT.total_cny
TERMS = CONTRACT.penalties


def item(done: dt.datetime | None, now: dt.datetime) -> sla.SlaItem:
    return sla.deadline_item(clocks.CLIENT_DEADLINE, T0, DEADLINE, done_at=done, now=now)


def test_the_contract_file_states_the_rectification_term() -> None:
    assert (TERMS.rectification_rate, TERMS.rectification_clause) == (Decimal("0.20"), "八、5")


def test_terms_stored_before_the_rectification_term_read_as_the_contract() -> None:
    stored = CONTRACT.terms_dict()
    for key in ("rectification_rate", "rectification_clause"):
        del stored["penalties"][key]
    old = penalties_from_terms(stored)
    assert (old.rectification_rate, old.rectification_clause) == (Decimal("0.20"), "八、5")


@pytest.mark.parametrize(
    ("done_after_deadline", "exposure"),
    [
        (dt.timedelta(seconds=-1), "0.00"),
        (dt.timedelta(0), "0.00"),  # exactly on the deadline is kept
        (dt.timedelta(seconds=1), "221000.00"),  # 20% of ¥1,105,000, once
        (dt.timedelta(days=11), "221000.00"),  # not by the day: once for the order
    ],
)
def test_exposure_when_the_deadline_is_missed(
    done_after_deadline: dt.timedelta, exposure: str
) -> None:
    done = DEADLINE + done_after_deadline
    items = (item(done, done),)
    assert str(clocks.client_deadline_exposure(items, TOTAL, TERMS)) == exposure


def test_an_open_clock_breaches_once_the_deadline_passes() -> None:
    assert clocks.client_deadline_exposure((item(None, DEADLINE),), TOTAL, TERMS) == 0
    late = (item(None, DEADLINE + dt.timedelta(seconds=1)),)
    assert clocks.client_deadline_exposure(late, TOTAL, TERMS) == Decimal("221000.00")


def test_a_late_contract_clock_is_not_a_client_deadline() -> None:
    restore = sla.item_state(
        "restore", 120, T0 + dt.timedelta(hours=2), done_at=DEADLINE, now=DEADLINE
    )
    assert restore.breach
    assert clocks.client_deadline_exposure((restore,), TOTAL, TERMS) == 0


def test_the_reading_names_the_clause_and_amount() -> None:
    text = clocks.client_deadline_reading(TOTAL, TERMS).render()
    assert "20% of the contract total (¥221,000.00)" in text
    assert text.endswith("(八、5).")


def test_assess_counts_only_the_contract_clocks_in_days_of_delay() -> None:
    """A service request 2 days past the client's deadline: no 八、1 amount (it is not a
    time limit of 一、6 / 五、5.2.2), only 八、5's exposure."""
    plan = clocks.clock_plan("service_request", client_deadline=DEADLINE)
    done = DEADLINE + dt.timedelta(days=2)
    a = sla.assess(
        CONTRACT.sla, TERMS, TOTAL, T0, responded_at=None, onsite_at=None, restored_at=done,
        now=done, clocks=plan.clocks, deadlines_set=plan.deadlines,
    )  # fmt: skip
    assert a.breaches == ("client_deadline",)
    assert a.penalty.amount_cny == a.worst_case.amount_cny == 0
    assert clocks.client_deadline_exposure(a.clocks, TOTAL, TERMS) == Decimal("221000.00")
