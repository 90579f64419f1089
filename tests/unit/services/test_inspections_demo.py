"""The demo year of inspection rounds follows the schedules and links demo findings."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from workbench import demo
from workbench.data.models.inspections import DeviceInspection
from workbench.data.models.workorders import WorkOrder
from workbench.data.store import Store
from workbench.services import inspections as ins
from workbench.services import signing


def test_demo_rounds(store: Store) -> None:
    until = dt.datetime(2026, 4, 20, 4, 0, tzinfo=dt.UTC)
    with store.transaction("demo") as session:
        demo.fill_demo(session, until=until)
    with store.read() as session:
        rounds = ins.list_rounds(session)
        assert rounds
        assert all(r.demo for r in rounds)
        assert rounds[-1].number == "XJ-2026-0001"
        assert rounds[-1].devices_total == 83  # everything is due at the contract start
        assert rounds[-1].devices_checked >= 78  # a few may be left, with a reason
        assert rounds[0].status == "paused"  # the newest one is work in hand
        assert all(r.status == "signed" for r in rounds[1:])
        # weekly categories come back every week, monthly ones every month
        assert {r.planned_date.weekday() for r in rounds[1:-1]} == {0}
        due = ins.due_devices(session, dt.date(2026, 4, 13), only_needing=True)
        assert not [r for r in due if r.days_overdue > 7]
        linked = session.scalars(
            select(WorkOrder.type)
            .join(DeviceInspection, DeviceInspection.work_order_id == WorkOrder.id)
            .where(DeviceInspection.failed.is_(True))
        ).all()
        assert linked
        assert set(linked) == {"inspection_finding"}
        failed = session.scalar(
            select(func.count()).select_from(DeviceInspection).where(DeviceInspection.failed)
        )
        assert failed == len(linked)  # every failure has its work order
        assert signing.verify_chain(session) == []
