"""Cancelling an order does not make a missed deadline disappear (issue 18, item 5).

Contract 八.1: the penalty runs for each day the contractor is late; a cancellation
ends the clocks still running, but a deadline already missed stays missed, and
cancelling such an order needs a reason.
"""

from __future__ import annotations

import datetime as dt

import pytest
from test_workorders_support import BJ, MIN, make_engineer

from workbench.data.store import Store
from workbench.domain.messages import WorkbenchError
from workbench.services import workorders as wo
from workbench.services.workorders import WorkOrderFilter, detail, list_work_orders

T0 = dt.datetime(2026, 6, 1, 9, 0, tzinfo=BJ)
LATER = T0 + dt.timedelta(days=3)


def _report(store: Store) -> str:
    with store.transaction("test") as s:
        return wo.create_work_order(
            s,
            type="fault",
            channel="hotline",
            description="叫号屏黑屏",
            asset_codes=["XF-VRT-01"],
            reported_at=T0,
            now=T0,
        ).number


def _row(store: Store, number: str, **flt: object):
    with store.read() as s:
        page = list_work_orders(s, WorkOrderFilter(**flt), now=LATER)  # type: ignore[arg-type]
    return [r for r in page.rows if r.number == number]


def test_a_breached_order_needs_a_reason_to_be_cancelled(store: Store) -> None:
    engineer = make_engineer(store)
    number = _report(store)
    late = T0 + 45 * MIN  # the 30-minute response deadline has passed
    with store.transaction("test") as s, pytest.raises(WorkbenchError) as refused:
        wo.advance(s, number, "cancelled", at=late, engineer_id=engineer.id, now=late)
    assert "reason" in refused.value.render(lambda _c, text: text)
    with store.transaction("test") as s:
        wo.advance(s, number, "cancelled", at=late, note="重复报修，与 WO 合并", now=late)

    # Days later the breach is still there, with its penalty, and the clocks stopped at the
    # cancellation: the response is 15 minutes late, not three days.
    with store.read() as s:
        d = detail(s, number, now=LATER)
    assert d.row.status == "cancelled"
    assert d.row.breaches == ("response",)
    assert [(i.key, i.late_by_seconds) for i in d.row.sla] == [("response", 15 * 60)]
    assert str(d.row.penalty_worst_cny) == "3315.00"
    assert str(d.row.penalty_cny) == "0.00"  # less than a whole day late (八.1, whole days)
    (listed,) = _row(store, number, breached=True)
    assert listed.breaches == ("response",)


def test_a_cancellation_before_any_deadline_needs_no_reason(store: Store) -> None:
    number = _report(store)
    early = T0 + 10 * MIN
    with store.transaction("test") as s:
        wo.advance(s, number, "cancelled", at=early, now=early)
    with store.read() as s:
        d = detail(s, number, now=LATER)
    assert d.row.breaches == () and d.row.sla == ()
    assert str(d.row.penalty_worst_cny) == "0.00"
    assert _row(store, number, breached=True) == []
