"""What the main window's status bar shows: the next SLA deadline, demo data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.data.models.workorders import WorkOrder
from workbench.services import workorders
from workbench.services.workorders import UpcomingDeadline


@dataclass(frozen=True)
class StatusSummary:
    next_deadline: UpcomingDeadline | None
    demo: bool


def status_summary(session: Session, now: dt.datetime | None = None) -> StatusSummary:
    demo = session.scalar(select(WorkOrder.id).where(WorkOrder.demo.is_(True)).limit(1))
    return StatusSummary(workorders.next_deadline(session, now), demo is not None)
