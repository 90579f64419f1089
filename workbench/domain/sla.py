"""The contract's clock for a work order, and the penalty it exposes the contractor to.

Every number comes from the contract's terms (:class:`SlaTerms`, :class:`PenaltyTerms`);
nothing here is a constant of the contract.

Rules, as decided for clause 5.2.2 / 一、6 and 八、1:

* Three targets run from the moment the fault was reported (``reported_at``): response
  (``response_minutes``), an engineer on site (``onsite_minutes``) and service restored
  (``restore_minutes``).
* A target is **met** when it was done at or before its deadline (exactly on the
  deadline is met), **breached** when it was done after it, or when it is still not done
  and the deadline has passed; while not done and before the deadline it is **pending**,
  or **at_risk** in the last ``at_risk_fraction`` of its window (default the last 25%).
* A fault restored remotely needs no visit: the on-site target then counts as done at
  the restore time.
* Days late: counted from the missed deadline of the late service; every day or part of
  a day counts as a whole day (1 second late is 1 day, 24 h late is 1 day, 24 h + 1 s is
  2 days). A target still open keeps growing its lateness with ``now``.
* The late service is the work order: when several targets of one order are late, the
  worst lateness is counted once for that order, not once per target.
* Penalty: ``late_rate_per_day`` × contract total × days late; more than
  ``late_cap_days`` days late: ``late_over_cap_rate`` × total instead, and the client
  gains the right to terminate. Amounts are rounded to the fen (half up).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from workbench.domain.contract import PenaltyTerms, SlaTerms

SLA_KEYS = ("response", "onsite", "restore")
STATES = ("met", "at_risk", "breached", "pending")
DEFAULT_AT_RISK_FRACTION = 0.25
DAY = dt.timedelta(days=1)
FEN = Decimal("0.01")


@dataclass(frozen=True)
class SlaItem:
    key: str  # "response" | "onsite" | "restore"
    target_minutes: int
    deadline: dt.datetime
    done_at: dt.datetime | None
    state: str  # "met" | "at_risk" | "breached" | "pending"
    late_by: dt.timedelta | None = None  # how far past the deadline (breached only)
    remaining: dt.timedelta | None = None  # time left (pending / at risk only)

    @property
    def open(self) -> bool:
        return self.done_at is None


@dataclass(frozen=True)
class Penalty:
    days_late: int
    amount_cny: Decimal
    over_cap: bool
    termination_right: bool


NO_PENALTY = Penalty(0, Decimal("0.00"), False, False)


def _aware(value: dt.datetime, name: str) -> dt.datetime:
    if value.tzinfo is None:
        raise ValueError(f"{name} is a naive datetime")
    return value


def deadlines(reported_at: dt.datetime, sla: SlaTerms) -> dict[str, dt.datetime]:
    _aware(reported_at, "reported_at")
    return {
        "response": reported_at + dt.timedelta(minutes=sla.response_minutes),
        "onsite": reported_at + dt.timedelta(minutes=sla.onsite_minutes),
        "restore": reported_at + dt.timedelta(minutes=sla.restore_minutes),
    }


def item_state(
    key: str,
    target_minutes: int,
    deadline: dt.datetime,
    *,
    done_at: dt.datetime | None,
    now: dt.datetime,
    at_risk_fraction: float = DEFAULT_AT_RISK_FRACTION,
) -> SlaItem:
    """The state of one target at ``now``."""
    if not 0 <= at_risk_fraction <= 1:
        raise ValueError("at_risk_fraction must lie between 0 and 1")
    if done_at is not None:
        _aware(done_at, key)
        if done_at <= deadline:
            return SlaItem(key, target_minutes, deadline, done_at, "met")
        return SlaItem(key, target_minutes, deadline, done_at, "breached", done_at - deadline)
    _aware(now, "now")
    if now > deadline:
        return SlaItem(key, target_minutes, deadline, None, "breached", now - deadline)
    remaining = deadline - now
    window = dt.timedelta(minutes=target_minutes)
    state = "at_risk" if remaining <= window * at_risk_fraction else "pending"
    return SlaItem(key, target_minutes, deadline, None, state, None, remaining)


def evaluate(
    sla: SlaTerms,
    reported_at: dt.datetime,
    *,
    responded_at: dt.datetime | None,
    onsite_at: dt.datetime | None,
    restored_at: dt.datetime | None,
    now: dt.datetime,
    at_risk_fraction: float = DEFAULT_AT_RISK_FRACTION,
) -> tuple[SlaItem, ...]:
    """Response, on-site and restore targets of one order at ``now``."""
    due = deadlines(reported_at, sla)
    onsite_done = onsite_at if onsite_at is not None else restored_at
    done = {"response": responded_at, "onsite": onsite_done, "restore": restored_at}
    minutes = {
        "response": sla.response_minutes,
        "onsite": sla.onsite_minutes,
        "restore": sla.restore_minutes,
    }
    return tuple(
        item_state(
            key,
            minutes[key],
            due[key],
            done_at=done[key],
            now=now,
            at_risk_fraction=at_risk_fraction,
        )
        for key in SLA_KEYS
    )


def days_late(late_by: dt.timedelta | None) -> int:
    """Whole days late: any part of a day counts as a day; on time is 0."""
    if late_by is None or late_by <= dt.timedelta(0):
        return 0
    return math.ceil(late_by / DAY)


def breaches(items: tuple[SlaItem, ...]) -> tuple[str, ...]:
    return tuple(item.key for item in items if item.state == "breached")


def worst_lateness(items: tuple[SlaItem, ...]) -> dt.timedelta | None:
    late = [item.late_by for item in items if item.late_by is not None]
    return max(late) if late else None


def penalty_for_days(days: int, total_cny: Decimal, terms: PenaltyTerms) -> Penalty:
    """Clause 8.1 for one late service ``days`` days late."""
    if days <= 0:
        return NO_PENALTY
    if days > terms.late_cap_days:
        amount = (total_cny * terms.late_over_cap_rate).quantize(FEN, ROUND_HALF_UP)
        return Penalty(days, amount, True, True)
    amount = (total_cny * terms.late_rate_per_day * days).quantize(FEN, ROUND_HALF_UP)
    return Penalty(days, amount, False, False)


def penalty(items: tuple[SlaItem, ...], total_cny: Decimal, terms: PenaltyTerms) -> Penalty:
    """The exposure of one order: its worst lateness, counted once."""
    return penalty_for_days(days_late(worst_lateness(items)), total_cny, terms)


def next_deadline(items: tuple[SlaItem, ...]) -> SlaItem | None:
    """The earliest deadline of a target not yet done and not yet passed."""
    upcoming = [item for item in items if item.open and item.state in ("pending", "at_risk")]
    return min(upcoming, key=lambda item: item.deadline) if upcoming else None
