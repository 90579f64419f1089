"""When each device is due for inspection (巡检计划).

Every category has an interval in days (``inspection_interval_days`` in the contract
file). A device is next due ``interval`` days after its last inspection; a device never
inspected is due from the contract's first day. It becomes *due* a few days before that
date (an inspection window, so a monthly round can be walked over several days) and
*overdue* the day after it. A team that took over mid-contract keeps its records from a
later day (``records_from``): a due date before it is moved to it, so what fell due
before the records began is never overdue; the device is due on the records' first day,
as every device is on the contract's. Dates are calendar days in the contract's zone; the
arithmetic is plain day counting, so month ends and leap days need no special case.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

NOT_DUE, DUE, OVERDUE, UNSCHEDULED = "not_due", "due", "overdue", "unscheduled"


def window_days(interval_days: int) -> int:
    """How many days before its due date a device may be inspected and counts as due.

    About a sixth of the interval: a weekly check is due the day before, a monthly one
    five days before.
    """
    return max(1, interval_days // 6)


def due_on(
    last_inspected: dt.date | None,
    interval_days: int,
    contract_start: dt.date,
    records_from: dt.date | None = None,
) -> dt.date:
    when = (
        contract_start
        if last_inspected is None
        else last_inspected + dt.timedelta(days=interval_days)
    )
    if records_from is not None and when < records_from:
        return records_from
    return when


@dataclass(frozen=True)
class ScheduledAsset:
    code: str
    interval_days: int | None
    last_inspected: dt.date | None = None
    location: str = ""
    category: str = ""


@dataclass(frozen=True)
class DueStatus:
    code: str
    state: str  # not_due | due | overdue | unscheduled
    due_on: dt.date | None
    last_inspected: dt.date | None
    days_overdue: int = 0
    location: str = ""
    category: str = ""

    @property
    def needs_inspection(self) -> bool:
        return self.state in (DUE, OVERDUE)


def status(
    asset: ScheduledAsset,
    today: dt.date,
    contract_start: dt.date,
    records_from: dt.date | None = None,
) -> DueStatus:
    if not asset.interval_days:
        return DueStatus(
            asset.code, UNSCHEDULED, None, asset.last_inspected, 0, asset.location, asset.category
        )
    when = due_on(asset.last_inspected, asset.interval_days, contract_start, records_from)
    first_day = max(contract_start, records_from) if records_from else contract_start
    if today > when:
        state, late = OVERDUE, (today - when).days
    elif today >= when - dt.timedelta(days=window_days(asset.interval_days)) and (
        asset.last_inspected is not None or today >= first_day
    ):
        state, late = DUE, 0
    else:
        state, late = NOT_DUE, 0
    return DueStatus(
        asset.code, state, when, asset.last_inspected, late, asset.location, asset.category
    )


def statuses(
    assets: Iterable[ScheduledAsset],
    today: dt.date,
    contract_start: dt.date,
    records_from: dt.date | None = None,
) -> list[DueStatus]:
    """Every asset's status, most overdue first, then by due date and code."""
    result = [status(a, today, contract_start, records_from) for a in assets]
    result.sort(key=lambda s: (-s.days_overdue, s.due_on or dt.date.max, s.code))
    return result
