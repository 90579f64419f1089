"""When to warn about an open work order's clock (issue 20: "clocks that warn").

Field engineers live by three clocks (response, on site, restore). While the workbench is
minimised or behind another window, it warns twice per open clock: when **10 minutes**
are left, and when the clock **breaches**. Each warning is given once per order and clock,
however often the clocks are looked at.

A clock first seen long past its deadline (the app was started after it breached) is not
news: it is marked as warned without a warning, so that opening the workbench does not
play a warning for every old breach. "Long" is more than :data:`FRESH_BREACH` ago.

Plain Python over the work-order read models (``WorkOrderRow.sla``): no Qt, no store.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from workbench.domain.workorders import OPEN_STATUSES, WorkOrderRow

WARN_BEFORE = dt.timedelta(minutes=10)
FRESH_BREACH = dt.timedelta(minutes=10)
SOON, BREACHED = "soon", "breached"


@dataclass(frozen=True)
class RunningClock:
    """One open order's clock that has not stopped yet."""

    number: str
    key: str  # "response" | "onsite" | "restore"
    deadline: dt.datetime


@dataclass(frozen=True)
class ClockWarning:
    number: str
    key: str
    deadline: dt.datetime
    kind: str  # SOON | BREACHED

    def left(self, now: dt.datetime) -> dt.timedelta:
        return self.deadline - now


def running_clocks(rows: Iterable[WorkOrderRow]) -> list[RunningClock]:
    """Every running clock of the open orders among ``rows``, by deadline."""
    clocks = [
        RunningClock(row.number, item.key, item.deadline)
        for row in rows
        if row.status in OPEN_STATUSES
        for item in row.sla
        if item.open
    ]
    clocks.sort(key=lambda c: (c.deadline, c.number, c.key))
    return clocks


def nearest(clocks: Iterable[RunningClock], now: dt.datetime) -> RunningClock | None:
    """The clock whose deadline comes next (not yet passed), or None."""
    ahead = [c for c in clocks if c.deadline > now]
    return min(ahead, key=lambda c: c.deadline) if ahead else None


@dataclass
class ClockWatch:
    """Remembers which warnings were given; :meth:`check` says which are due now."""

    warned: set[tuple[str, str, str]] = field(default_factory=set)

    def check(self, clocks: Iterable[RunningClock], now: dt.datetime) -> list[ClockWarning]:
        if now.tzinfo is None:
            raise ValueError("naive datetime")
        due: list[ClockWarning] = []
        seen: set[tuple[str, str]] = set()
        for clock in clocks:
            seen.add((clock.number, clock.key))
            soon = (clock.number, clock.key, SOON)
            breached = (clock.number, clock.key, BREACHED)
            if now >= clock.deadline:
                if breached in self.warned:
                    continue
                self.warned.update((soon, breached))
                if now - clock.deadline <= FRESH_BREACH:
                    due.append(ClockWarning(clock.number, clock.key, clock.deadline, BREACHED))
            elif clock.deadline - now <= WARN_BEFORE and soon not in self.warned:
                self.warned.add(soon)
                due.append(ClockWarning(clock.number, clock.key, clock.deadline, SOON))
        # Forget the clocks that stopped (the order moved on or closed): the set stays small.
        self.warned = {w for w in self.warned if (w[0], w[1]) in seen}
        return due
