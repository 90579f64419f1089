"""Work orders: the 工作日志 (entries are never changed; corrections amend)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from workbench.data.models.workorders import WorkLogEntry, WorkOrder
from workbench.domain.messages import QT_TRANSLATE_NOOP, Message, WorkbenchError
from workbench.domain.workorders import LogEntryView
from workbench.services import engineers as engineer_service
from workbench.services._common import aware_now, checked_text
from workbench.services.workorders._helpers import _check_time, _order


def _log_view(entry: WorkLogEntry, number: str | None, amended: set[str]) -> LogEntryView:
    return LogEntryView(
        id=entry.id,
        work_order_number=number,
        engineer_id=entry.engineer_id,
        engineer_name=entry.engineer.name,
        at=entry.at,
        recorded_at=entry.recorded_at,
        text=entry.text,
        amends_id=entry.amends_id,
        amends_at=entry.amends.at if entry.amends is not None else None,
        amended=entry.id in amended,
        demo=entry.demo,
    )


def append_log(
    session: Session,
    *,
    engineer_id: str,
    text: str,
    work_order_number: str | None = None,
    at: dt.datetime | None = None,
    amends_id: str | None = None,
    now: dt.datetime | None = None,
    demo: bool = False,
) -> LogEntryView:
    """Add a 工作日志 entry (for one order, or free). Entries are never changed or
    deleted: to correct one, add an entry that ``amends`` it."""
    now = aware_now(now)
    text = text.strip()
    if not text:
        raise WorkbenchError(QT_TRANSLATE_NOOP("messages", "The log entry is empty."))
    checked_text(text, WorkLogEntry.text, Message(QT_TRANSLATE_NOOP("messages", "The log entry")))
    at = _check_time(at or now, now)
    engineer_service.get_engineer(session, engineer_id)
    order = _order(session, work_order_number) if work_order_number else None
    if amends_id is not None:
        old = session.get(WorkLogEntry, amends_id)
        if old is None or old.work_order_id != (order.id if order else None):
            raise WorkbenchError(
                QT_TRANSLATE_NOOP("messages", "The entry to correct does not belong here.")
            )
    elif order is not None and order.status == "signed":
        raise WorkbenchError(
            QT_TRANSLATE_NOOP(
                "messages",
                "Work order {number} is signed; its log takes only corrections of entries.",
            ),
            number=order.number,
        )
    entry = WorkLogEntry(
        work_order_id=order.id if order else None,
        engineer_id=engineer_id,
        at=at,
        recorded_at=now,
        text=text,
        amends_id=amends_id,
        demo=demo,
    )
    session.add(entry)
    session.flush()
    return _log_view(entry, order.number if order else None, set())


def list_log(
    session: Session,
    *,
    work_order_number: str | None = None,
    free_only: bool = False,
    engineer_id: str | None = None,
    start: dt.datetime | None = None,
    end: dt.datetime | None = None,
    offset: int = 0,
    limit: int | None = None,
) -> list[LogEntryView]:
    """Log entries by time (``start`` <= at < ``end``)."""
    query = (
        select(WorkLogEntry, WorkOrder.number)
        .outerjoin(WorkOrder, WorkOrder.id == WorkLogEntry.work_order_id)
        .options(selectinload(WorkLogEntry.amends))
    )
    if work_order_number:
        query = query.where(WorkOrder.number == work_order_number.strip().upper())
    elif free_only:
        query = query.where(WorkLogEntry.work_order_id.is_(None))
    if engineer_id:
        query = query.where(WorkLogEntry.engineer_id == engineer_id)
    if start:
        query = query.where(WorkLogEntry.at >= start)
    if end:
        query = query.where(WorkLogEntry.at < end)
    query = query.order_by(WorkLogEntry.at, WorkLogEntry.recorded_at, WorkLogEntry.id)
    query = query.offset(offset)
    if limit is not None:
        query = query.limit(limit)
    results = session.execute(query).all()
    ids = [entry.id for entry, _ in results]
    amended = {
        amends_id
        for amends_id in session.scalars(
            select(WorkLogEntry.amends_id).where(WorkLogEntry.amends_id.in_(ids))
        )
        if amends_id is not None
    }
    return [_log_view(entry, number, amended) for entry, number in results]
