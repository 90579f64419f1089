"""The complete work log of a period as one document (五、5.2.8).

"乙方必须建立完备的工作日志，应对每项服务事项填写具体清晰的日志记载": every service item's
log, not only the one printed on each work order. The document lists, by time: each work
order's handling steps (reported, responded, on site, restored, closed, cancelled) with
their notes, every work-log entry (of an order, or free), and each inspection round. A
corrected entry stays, and its correction says which entry it corrects.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from workbench.data.models.workorders import WorkOrder, WorkOrderAsset, WorkOrderEvent
from workbench.domain.documents import LogLine, WorkLogDoc, WorkLogItem
from workbench.domain.messages import QT_TRANSLATE_NOOP, WorkbenchError
from workbench.domain.reporting import Period, day_bounds
from workbench.services import heads
from workbench.services import inspections as inspection_service
from workbench.services._common import aware_now, check_period, require_contract
from workbench.services.workorders import contract_header, list_log

MAX_DAYS = 400  # a contract year and a little: longer periods are refused


def contract_period(session: Session) -> Period:
    contract = require_contract(session)
    return Period(
        contract.start_date,
        contract.end_date,
        f"{contract.start_date.isoformat()} – {contract.end_date.isoformat()}",
    )


def _check_period(first: dt.date, last: dt.date) -> None:
    check_period(first, last)
    if (last - first).days >= MAX_DAYS:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP(
                "messages", "A work log covers at most {days} days; choose a shorter period."
            ),
            days=MAX_DAYS,
        )


def _device_text(order: WorkOrder) -> str:
    links: list[WorkOrderAsset] = list(order.asset_links)
    if not links:
        return ""
    first = links[0].asset
    more = f" +{len(links) - 1}" if len(links) > 1 else ""
    return f"{first.code} {first.name}{more}"


def work_log_document(
    session: Session, period: Period, now: dt.datetime | None = None
) -> WorkLogDoc:
    """The 工作日志 of ``period`` (both days included), every line in it by time."""
    _check_period(period.first, period.last)
    now = aware_now(now)
    contract = require_contract(session)
    start, end = day_bounds(period.first, period.last)
    items: list[tuple[dt.datetime, int, WorkLogItem]] = []
    orders: set[str] = set()

    events = session.execute(
        select(WorkOrderEvent, WorkOrder)
        .join(WorkOrder, WorkOrder.id == WorkOrderEvent.work_order_id)
        .where(WorkOrderEvent.at >= start, WorkOrderEvent.at < end)
        .options(selectinload(WorkOrder.asset_links).joinedload(WorkOrderAsset.asset))
        .order_by(WorkOrderEvent.at, WorkOrderEvent.recorded_at)
    ).all()
    demo = False
    for event, order in events:
        # The device is named on an order's first line only.
        device = "" if order.number in orders else _device_text(order)
        if event.engineer is not None:
            author = event.engineer.name
        elif event.to_status == "reported" and order.reporter_name:
            author = order.reporter_name  # the client's person who reported it
        else:
            author = event.actor
        line = LogLine(at=event.at, author=author, text=event.note, step=event.to_status)
        items.append((event.at, 0, WorkLogItem("order", line, order.number, device)))
        orders.add(order.number)
        demo = demo or order.demo

    free = 0
    for entry in list_log(session, start=start, end=end):
        line = LogLine(
            at=entry.at, author=entry.engineer_name, text=entry.text, amends=entry.amends_at
        )
        if entry.work_order_number:
            orders.add(entry.work_order_number)
            item = WorkLogItem("order", line, entry.work_order_number)
        else:
            free += 1
            item = WorkLogItem("free", line)
        items.append((entry.at, 1, item))
        demo = demo or entry.demo

    rounds = inspection_service.list_rounds(session, started_from=start, started_before=end)
    for r in rounds:
        line = LogLine(at=r.started_at, author=r.engineer_name, text="")
        item = WorkLogItem(
            "round",
            line,
            r.number,
            r.kind,
            checked=r.devices_checked,
            total=r.devices_total,
            failures=r.failures,
            status=r.status,
        )
        items.append((r.started_at, 2, item))
        demo = demo or r.demo

    items.sort(key=lambda x: (x[0], x[1]))
    return WorkLogDoc(
        contract=contract_header(contract),
        first=period.first,
        last=period.last,
        label=period.label,
        generated_at=now,
        items=tuple(item for _at, _order, item in items),
        orders=len(orders),
        rounds=len(rounds),
        free_entries=free,
        demo=demo,
        head=heads.head_doc(session),
    )
