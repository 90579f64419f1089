"""The contract's service period (三、服务期限) and calendar-month notice periods.

The service period runs from local midnight of the first day to the end of the last day in
the contract's zone: ZHSWZX-2026-007 covers 2026-03-01 00:00 to 2027-02-28 24:00 Beijing
time, i.e. the instants ``start <= t < end`` with ``end`` = 2027-03-01 00:00. The dates and
the zone come from the contract's data; an order reported outside the period is refused with
:data:`OUTSIDE_SERVICE_PERIOD` (imported history outside it is kept, without clocks).

A notice "one month ahead" (人员变更提前一个月, 五、5.2.11) is a calendar month: the same day
of the month before, or that month's last day when it is shorter (a change on 2026-08-01
needs notice by 2026-07-01; one on 2026-03-31 by 2026-02-28).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from workbench.domain.messages import QT_TRANSLATE_NOOP, WorkbenchError

OUTSIDE_SERVICE_PERIOD = QT_TRANSLATE_NOOP(
    "messages",
    "{at} lies outside the contract's service period ({start} to {end}, 三、服务期限): "
    "no contract clock runs for it.",
)


@dataclass(frozen=True)
class ServicePeriod:
    first_day: dt.date
    last_day: dt.date
    timezone: str

    def __post_init__(self) -> None:
        if self.last_day < self.first_day:
            raise ValueError("the service period ends before it starts")

    @classmethod
    def of(cls, start: dt.date, end: dt.date, timezone: str) -> ServicePeriod:
        """From the contract's dates (``Contract.start``/``end``/``timezone``)."""
        return cls(start, end, timezone)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def start(self) -> dt.datetime:
        """The first instant inside the period (local midnight of the first day)."""
        return dt.datetime.combine(self.first_day, dt.time(0), tzinfo=self.zone)

    @property
    def end(self) -> dt.datetime:
        """The first instant after the period (local midnight after the last day)."""
        after = self.last_day + dt.timedelta(days=1)
        return dt.datetime.combine(after, dt.time(0), tzinfo=self.zone)

    def contains(self, at: dt.datetime) -> bool:
        if at.tzinfo is None:
            raise ValueError("naive datetime")
        return self.start <= at < self.end

    def check(self, at: dt.datetime) -> dt.datetime:
        """``at`` when inside the period; otherwise a :class:`WorkbenchError` saying why."""
        if not self.contains(at):
            raise WorkbenchError(
                OUTSIDE_SERVICE_PERIOD,
                at=at.astimezone(self.zone).strftime("%Y-%m-%d %H:%M:%S"),
                start=self.first_day.isoformat(),
                end=self.last_day.isoformat(),
            )
        return at


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months earlier, clamped to that month's last day."""
    if months < 0:
        raise ValueError("months must not be negative")
    index = day.year * 12 + (day.month - 1) - months
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last))


def notice_due(change_on: dt.date, months: int) -> dt.date:
    """The last day a written notice for a change on ``change_on`` may be handed over."""
    return months_before(change_on, months)


def notice_in_time(change_on: dt.date, notice_on: dt.date, months: int) -> bool:
    return notice_on <= notice_due(change_on, months)
