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
* Days late: counted from the missed deadline of the late service, by the contract's day
  rule (``PenaltyTerms.day_rule``, a term of the data file, clause 八、1 "每延期一日"):

  - ``whole_days`` (the contract as written, the default): whole days of delay; 23 h 59 min
    late is 0 days, 24 h is 1 day, 24 h + 1 s is 1 day, 48 h is 2 days;
  - ``begun_days`` (the strict reading): every begun day counts; 1 s late is 1 day, 24 h
    is 1 day, 24 h + 1 s is 2 days.

  Whatever the configured rule, the strict reading is computed beside it as the worst
  case (:attr:`Assessment.worst_case`). A target still open keeps growing its lateness
  with ``now``.
* The late service is the work order: when several targets of one order are late, the
  worst lateness is counted once for that order, not once per target.
* Penalty: ``late_rate_per_day`` × contract total × days late; more than
  ``late_cap_days`` days late (counted by the same rule): ``late_over_cap_rate`` × total
  instead of the daily amount, once, and the client gains the right to terminate
  (``over_cap_rule = "replaces_daily_once"``). Amounts are rounded to the fen (half up).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from workbench.domain.contract import BEGUN_DAYS, DAY_RULES, WHOLE_DAYS, PenaltyTerms, SlaTerms
from workbench.domain.messages import QT_TRANSLATE_NOOP, Message

SLA_KEYS = ("response", "onsite", "restore")
STATES = ("met", "at_risk", "breached", "pending")
DEFAULT_AT_RISK_FRACTION = 0.25
DAY = dt.timedelta(days=1)
FEN = Decimal("0.01")

# How each reading of 八、1 is named where an amount is shown.
DAY_RULE_LABELS = {
    WHOLE_DAYS: QT_TRANSLATE_NOOP("messages", "whole days of delay (24 h late = 1 day)"),
    BEGUN_DAYS: QT_TRANSLATE_NOOP(
        "messages", "worst case: every begun day of delay counts as a day"
    ),
}
# The over-cap clause of 八、1 spelled out; {cap} days, {rate} e.g. "20%", {amount} in yuan.
OVER_CAP_READING = QT_TRANSLATE_NOOP(
    "messages",
    "More than {cap} days late: {rate} of the contract total (¥{amount}) replaces the daily "
    "amount, once for the late service, and the client may terminate the contract (八、1).",
)


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

    @property
    def breach(self) -> bool:
        return self.state == "breached"

    @property
    def late_by_seconds(self) -> int:
        """Whole seconds past the deadline; 0 when not late."""
        if self.late_by is None:
            return 0
        return int(self.late_by.total_seconds())


@dataclass(frozen=True)
class Penalty:
    days_late: int
    amount_cny: Decimal
    over_cap: bool
    termination_right: bool
    rule: str = ""  # the day rule the days were counted by ("" when nothing is late)


NO_PENALTY = Penalty(0, Decimal("0.00"), False, False)


@dataclass(frozen=True)
class Assessment:
    """One order's clocks and its exposure under the contract's rule and the strict one."""

    clocks: tuple[SlaItem, ...]
    rule: str  # the configured day rule
    rule_clause: str
    penalty: Penalty  # under ``rule``
    worst_case: Penalty  # every begun day counts

    @property
    def late_by(self) -> dict[str, int]:
        """Seconds past the deadline for each clock (0 when on time or not yet due)."""
        return {item.key: item.late_by_seconds for item in self.clocks}

    @property
    def breaches(self) -> tuple[str, ...]:
        return breaches(self.clocks)

    def clock(self, key: str) -> SlaItem | None:
        return next((item for item in self.clocks if item.key == key), None)

    def figures(self) -> dict[str, object]:
        """The figures as JSON-ready values, one spelling for the CLI and for paper."""
        return {
            "late_by": self.late_by,
            "breaches": list(self.breaches),
            "penalty_rule": self.rule,
            "penalty_rule_clause": self.rule_clause,
            "penalty_days": self.penalty.days_late,
            "penalty_cny": f"{self.penalty.amount_cny:.2f}",
            "penalty_worst_days": self.worst_case.days_late,
            "penalty_worst_cny": f"{self.worst_case.amount_cny:.2f}",
            "termination_right": self.penalty.termination_right,
            "termination_right_worst": self.worst_case.termination_right,
        }


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


def days_late(late_by: dt.timedelta | None, rule: str) -> int:
    """Days of delay under ``rule`` (``whole_days`` or ``begun_days``); on time is 0."""
    if rule not in DAY_RULES:
        raise ValueError(f"unknown day rule '{rule}'")
    if late_by is None or late_by <= dt.timedelta(0):
        return 0
    if rule == WHOLE_DAYS:
        return late_by // DAY
    return math.ceil(late_by / DAY)


def breaches(items: tuple[SlaItem, ...]) -> tuple[str, ...]:
    return tuple(item.key for item in items if item.state == "breached")


def worst_lateness(items: tuple[SlaItem, ...]) -> dt.timedelta | None:
    late = [item.late_by for item in items if item.late_by is not None]
    return max(late) if late else None


def penalty_for_days(days: int, total_cny: Decimal, terms: PenaltyTerms, rule: str = "") -> Penalty:
    """Clause 8.1 for one late service ``days`` days late (counted by ``rule``)."""
    if days <= 0:
        return NO_PENALTY
    if days > terms.late_cap_days:
        amount = (total_cny * terms.late_over_cap_rate).quantize(FEN, ROUND_HALF_UP)
        return Penalty(days, amount, True, True, rule)
    amount = (total_cny * terms.late_rate_per_day * days).quantize(FEN, ROUND_HALF_UP)
    return Penalty(days, amount, False, False, rule)


def penalty_under(
    items: tuple[SlaItem, ...], total_cny: Decimal, terms: PenaltyTerms, rule: str
) -> Penalty:
    """The exposure of one order under ``rule``: its worst lateness, counted once."""
    return penalty_for_days(days_late(worst_lateness(items), rule), total_cny, terms, rule)


def penalty(items: tuple[SlaItem, ...], total_cny: Decimal, terms: PenaltyTerms) -> Penalty:
    """The exposure of one order under the contract's day rule (``terms.day_rule``)."""
    return penalty_under(items, total_cny, terms, terms.day_rule)


def worst_case_penalty(
    items: tuple[SlaItem, ...], total_cny: Decimal, terms: PenaltyTerms
) -> Penalty:
    """The exposure under the strict reading: every begun day of delay counts."""
    return penalty_under(items, total_cny, terms, BEGUN_DAYS)


def assess_items(items: tuple[SlaItem, ...], total_cny: Decimal, terms: PenaltyTerms) -> Assessment:
    """Penalties under the configured rule and the strict reading for these clocks.

    八、1 counts days of delay of the contract's time limits only (``SLA_KEYS``); a clock
    with a fixed deadline (a client's deadline, a rectification date) is 八、5's, shown
    beside it (``workbench.domain.clocks.client_deadline_exposure``), never in it."""
    contract_items = tuple(item for item in items if item.key in SLA_KEYS)
    return Assessment(
        clocks=items,
        rule=terms.day_rule,
        rule_clause=terms.day_rule_clause,
        penalty=penalty(contract_items, total_cny, terms),
        worst_case=worst_case_penalty(contract_items, total_cny, terms),
    )


def deadline_item(
    key: str,
    started_at: dt.datetime,
    deadline: dt.datetime,
    *,
    done_at: dt.datetime | None,
    now: dt.datetime,
    at_risk_fraction: float = DEFAULT_AT_RISK_FRACTION,
) -> SlaItem:
    """A clock with a fixed deadline (one the client set, a rectification date)."""
    _aware(started_at, "started_at")
    _aware(deadline, key)
    window = max(deadline - started_at, dt.timedelta(0))
    return item_state(
        key,
        int(window.total_seconds() // 60),
        deadline,
        done_at=done_at,
        now=now,
        at_risk_fraction=at_risk_fraction,
    )


def assess(
    sla: SlaTerms,
    terms: PenaltyTerms,
    total_cny: Decimal,
    reported_at: dt.datetime,
    *,
    responded_at: dt.datetime | None,
    onsite_at: dt.datetime | None,
    restored_at: dt.datetime | None,
    now: dt.datetime,
    clocks: tuple[str, ...] = SLA_KEYS,
    deadlines_set: dict[str, dt.datetime] | None = None,
    at_risk_fraction: float = DEFAULT_AT_RISK_FRACTION,
) -> Assessment:
    """The clocks of one order and what they expose the contractor to.

    ``clocks`` names the contract clocks that run for this order (see
    :func:`workbench.domain.clocks.clock_plan`: a fault runs all three, an inspection
    finding at most the restore clock). ``deadlines_set`` adds clocks with fixed deadlines,
    keyed by name (``client_deadline``: a time the client set, 甲方指定时间;
    ``rectification``: a date agreed with the client); each is done when the service is
    restored (``restored_at``).
    """
    unknown = set(clocks) - set(SLA_KEYS)
    if unknown:
        raise ValueError("unknown clocks: " + ", ".join(sorted(unknown)))
    standard = evaluate(
        sla,
        reported_at,
        responded_at=responded_at,
        onsite_at=onsite_at,
        restored_at=restored_at,
        now=now,
        at_risk_fraction=at_risk_fraction,
    )
    items = [item for item in standard if item.key in clocks]
    for key, deadline in (deadlines_set or {}).items():
        items.append(
            deadline_item(
                key,
                reported_at,
                deadline,
                done_at=restored_at,
                now=now,
                at_risk_fraction=at_risk_fraction,
            )
        )
    return assess_items(tuple(items), total_cny, terms)


def next_deadline(items: tuple[SlaItem, ...]) -> SlaItem | None:
    """The earliest deadline of a target not yet done and not yet passed."""
    upcoming = [item for item in items if item.open and item.state in ("pending", "at_risk")]
    return min(upcoming, key=lambda item: item.deadline) if upcoming else None


def day_rule_label(rule: str) -> str:
    """The untranslated label of a day rule (translate in context ``messages``)."""
    return DAY_RULE_LABELS[rule]


def over_cap_reading(total_cny: Decimal, terms: PenaltyTerms) -> Message:
    """The over-cap clause as the workbench reads it, ready to translate and show."""
    rate = (terms.late_over_cap_rate * 100).normalize()
    amount = (total_cny * terms.late_over_cap_rate).quantize(FEN, ROUND_HALF_UP)
    return Message(
        OVER_CAP_READING,
        {"cap": terms.late_cap_days, "rate": f"{rate:f}%", "amount": f"{amount:,.2f}"},
    )
