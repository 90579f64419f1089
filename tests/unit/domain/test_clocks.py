"""Which clocks run (faults, inspection findings, client deadlines), the 五、5.2.3 extension,
and times entered afterwards (补录)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from workbench.config import resource_path
from workbench.domain import clocks, sla
from workbench.domain.contract import load_contract

BJ = dt.timezone(dt.timedelta(hours=8))
S = dt.timedelta(seconds=1)
MIN = dt.timedelta(minutes=1)
H = dt.timedelta(hours=1)
D = dt.timedelta(days=1)
T = dt.datetime(2026, 10, 12, 9, 0, tzinfo=BJ)


@pytest.fixture(scope="module")
def contract():
    return load_contract(resource_path("contract", "ZHSWZX-2026-007.toml"))


def run(contract, plan, *, responded=None, onsite=None, restored=None, now=None):
    return sla.assess(
        contract.sla,
        contract.penalties,
        contract.total_cny,
        T,
        responded_at=responded,
        onsite_at=onsite,
        restored_at=restored,
        now=now or T + 30 * D,
        clocks=plan.clocks,
        deadlines_set=plan.deadlines,
    )


def test_a_fault_runs_all_three_clocks():
    assert clocks.clock_plan("fault").clocks == ("response", "onsite", "restore")


def test_an_inspection_finding_has_no_response_or_onsite_clock(contract):
    # The mute-indicator LED found on a round: nobody asked, the engineer is there.
    plan = clocks.clock_plan("inspection_finding")
    assert plan.clocks == ()
    assert not plan.runs_any
    a = run(contract, plan, restored=T + 3 * D)
    assert a.clocks == ()
    assert a.penalty.amount_cny == a.worst_case.amount_cny == Decimal("0.00")


def test_a_finding_affecting_service_runs_only_the_restore_clock(contract):
    plan = clocks.clock_plan("inspection_finding", affects_service=True)
    assert plan.clocks == ("restore",)
    a = run(contract, plan, restored=T + 2 * H + 5 * MIN)
    assert a.late_by == {"restore": 300}
    assert a.breaches == ("restore",)
    assert (str(a.penalty.amount_cny), str(a.worst_case.amount_cny)) == ("0.00", "3315.00")


def test_a_finding_not_affecting_service_carries_the_agreed_rectification_date(contract):
    agreed = dt.datetime(2026, 10, 20, 18, 0, tzinfo=BJ)
    plan = clocks.clock_plan("inspection_finding", rectify_by=agreed)
    assert plan.clocks == ()
    assert plan.deadlines == {clocks.RECTIFICATION: agreed}
    on_time = run(contract, plan, restored=agreed)
    assert on_time.breaches == ()
    late = run(contract, plan, restored=agreed + D + H)
    assert late.breaches == ("rectification",)
    assert late.late_by == {"rectification": 90000}
    # When the finding affects service, its restore clock replaces the agreed date.
    assert (
        clocks.clock_plan("inspection_finding", affects_service=True, rectify_by=agreed).deadlines
        == {}
    )


def test_a_service_request_runs_only_a_deadline_the_client_set(contract):
    assert not clocks.clock_plan("service_request").runs_any
    deadline = dt.datetime(2026, 10, 12, 17, 0, tzinfo=BJ)
    plan = clocks.clock_plan("service_request", client_deadline=deadline)
    assert plan.clocks == ()
    a = run(contract, plan, restored=deadline)
    assert a.breaches == ()
    a = run(contract, plan, restored=deadline + S)
    assert a.breaches == ("client_deadline",)
    assert a.clock("client_deadline").deadline == deadline
    # Still open past the deadline: a breach that grows with now.
    a = run(contract, plan, now=deadline + 2 * H)
    assert a.late_by == {"client_deadline": 7200}
    # Before it: pending, with the time left; at risk in the last quarter (2 h of 8 h).
    a = run(contract, plan, now=deadline - 3 * H)
    assert a.clock("client_deadline").state == "pending"
    assert a.clock("client_deadline").remaining == 3 * H
    assert run(contract, plan, now=deadline - H).clock("client_deadline").state == "at_risk"


def test_a_fault_may_carry_a_client_deadline_beside_its_clocks():
    deadline = T + 4 * H
    plan = clocks.clock_plan("fault", client_deadline=deadline)
    assert plan.clocks == sla.SLA_KEYS
    assert plan.deadlines == {clocks.CLIENT_DEADLINE: deadline}


def test_the_extension_needs_a_client_deadline_that_was_missed():
    deadline = T + 4 * H
    # Contractor-caused, fixed in 40 minutes, no deadline set: no extension.
    assert (
        clocks.service_extension(
            contractor_caused=True, client_deadline=None, restored_at=T + 40 * MIN, now=T + D
        )
        is None
    )
    # Deadline set and met: none.
    assert (
        clocks.service_extension(
            contractor_caused=True, client_deadline=deadline, restored_at=deadline, now=T + D
        )
        is None
    )
    # Missed by 3 h 20 min: the period extends by that much.
    length = clocks.service_extension(
        contractor_caused=True,
        client_deadline=deadline,
        restored_at=deadline + 3 * H + 20 * MIN,
        now=T + D,
    )
    assert length == 3 * H + 20 * MIN
    assert clocks.format_duration(length) == "3:20"
    # Not the contractor's fault: no extension whatever the deadline.
    assert (
        clocks.service_extension(
            contractor_caused=False, client_deadline=deadline, restored_at=deadline + H, now=T
        )
        is None
    )
    # Not yet repaired: the extension so far grows with now.
    assert (
        clocks.service_extension(
            contractor_caused=True, client_deadline=deadline, restored_at=None, now=deadline + H
        )
        == H
    )


def test_entered_late_after_the_allowance(contract):
    allowance = contract.sla.late_entry_minutes
    assert allowance == 10
    event = T + 20 * MIN
    assert not clocks.entered_late(event, event + 10 * MIN, allowance)
    assert clocks.entered_late(event, event + 10 * MIN + S, allowance)
    assert not clocks.entered_late(None, event, allowance)
    assert not clocks.entered_late(event, None, allowance)
    late = clocks.entered_late_clocks(
        {
            "response": (event, event + 2 * MIN),
            "restore": (T + H, T + 3 * H),
        },
        allowance,
    )
    assert late == ("restore",)
    with pytest.raises(ValueError, match="naive"):
        clocks.entered_late(dt.datetime(2026, 5, 1), event, allowance)  # noqa: DTZ001


def test_durations_print_as_hours_and_minutes():
    assert clocks.format_duration(3 * MIN) == "0:03"
    # Rounded up to the minute, as every paper prints lateness: late is late.
    assert clocks.format_duration(2 * D + 2 * H + 3 * MIN + 59 * S) == "50:04"
    assert clocks.format_duration(30 * S) == "0:01"
    assert clocks.format_duration(2 * D + 2 * H + 3 * MIN) == "50:03"
