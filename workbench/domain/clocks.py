"""Which contract clocks run for an order, and the facts around them that reach paper.

* A **fault** (报修) runs the three clocks of 五、5.2.2 / 一、6: response, on site, restore.
* An **inspection finding** (巡检发现) is raised by the engineer during a round: nobody
  requested a service and the engineer is already there, so it has no response and no
  on-site clock. The restore clock runs only when the engineer marks the finding as a fault
  affecting service; otherwise the finding carries a rectification date agreed with the
  client (a clock of its own, ``rectification``), or no clock at all until one is agreed.
* A **service request** and other planned work run no contract clock; the client may set a
  deadline (甲方指定时间), which is then a clock of its own (``client_deadline``).
* The **service period extends** (五、5.2.3 "如乙方不能在甲方指定时间内修复的，乙方应延长相应
  的服务期限") only for a fault the contractor caused, when the client set a deadline and
  the repair missed it, by the time past that deadline.
* **Times are evidence**: a clock time entered more than ``late_entry_minutes`` (a term of
  the data file) after the event it records was entered afterwards (补录).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from workbench.domain.contract import PenaltyTerms
from workbench.domain.messages import QT_TRANSLATE_NOOP, Message
from workbench.domain.sla import FEN, SLA_KEYS, SlaItem

CLIENT_DEADLINE = "client_deadline"
RECTIFICATION = "rectification"
FAULT_TYPES = ("fault",)
FINDING_TYPES = ("inspection_finding",)

ENTERED_LATE = QT_TRANSLATE_NOOP("messages", "补录 (entered {entered})")
EXTENSION_LINE = QT_TRANSLATE_NOOP(
    "messages",
    "Not repaired within the time set by the client ({deadline}): the service period "
    "extends by {length} (五、5.2.3).",
)
FREE_REPAIR_LINE = QT_TRANSLATE_NOOP(
    "messages",
    "Fault caused by the contractor: repaired free of charge, with a systematic check (五、5.2.3).",
)


@dataclass(frozen=True)
class ClockPlan:
    """The contract clocks (of ``sla.SLA_KEYS``) and the fixed-deadline clocks of one order."""

    clocks: tuple[str, ...]
    deadlines: dict[str, dt.datetime]

    @property
    def runs_any(self) -> bool:
        return bool(self.clocks or self.deadlines)


def clock_plan(
    order_type: str,
    *,
    affects_service: bool = False,
    client_deadline: dt.datetime | None = None,
    rectify_by: dt.datetime | None = None,
) -> ClockPlan:
    """The clocks that run for an order of ``order_type``."""
    for name, value in (("client_deadline", client_deadline), ("rectify_by", rectify_by)):
        if value is not None and value.tzinfo is None:
            raise ValueError(f"{name} is a naive datetime")
    deadlines: dict[str, dt.datetime] = {}
    if client_deadline is not None:
        deadlines[CLIENT_DEADLINE] = client_deadline
    if order_type in FAULT_TYPES:
        return ClockPlan(SLA_KEYS, deadlines)
    if order_type in FINDING_TYPES:
        if affects_service:
            return ClockPlan(("restore",), deadlines)
        if rectify_by is not None:
            deadlines[RECTIFICATION] = rectify_by
        return ClockPlan((), deadlines)
    return ClockPlan((), deadlines)


def service_extension(
    *,
    contractor_caused: bool,
    client_deadline: dt.datetime | None,
    restored_at: dt.datetime | None,
    now: dt.datetime,
) -> dt.timedelta | None:
    """How far 五、5.2.3 extends the service period for this order, or None.

    Only a contractor-caused fault with a deadline set by the client that the repair missed;
    the length is the time past that deadline (still growing while not repaired).
    """
    if not contractor_caused or client_deadline is None:
        return None
    done = restored_at if restored_at is not None else now
    if done.tzinfo is None or client_deadline.tzinfo is None:
        raise ValueError("naive datetime")
    if done <= client_deadline:
        return None
    return done - client_deadline


def entered_late(
    event_at: dt.datetime | None, entered_at: dt.datetime | None, allowance_minutes: int
) -> bool:
    """True when a time was entered more than ``allowance_minutes`` after its event (补录)."""
    if event_at is None or entered_at is None:
        return False
    if event_at.tzinfo is None or entered_at.tzinfo is None:
        raise ValueError("naive datetime")
    return entered_at - event_at > dt.timedelta(minutes=allowance_minutes)


def entered_late_clocks(
    times: dict[str, tuple[dt.datetime | None, dt.datetime | None]], allowance_minutes: int
) -> tuple[str, ...]:
    """The clocks (``{"response": (event_at, entered_at), ...}``) entered afterwards."""
    return tuple(
        key
        for key, (event_at, entered_at) in times.items()
        if entered_late(event_at, entered_at, allowance_minutes)
    )


def format_duration(length: dt.timedelta) -> str:
    """``h:mm`` (``50:04`` for 2 days 2 h 3 min 59 s), rounded up to the minute: late is
    late, so a clock 30 s late shows ``0:01``, never ``0:00``. Every paper prints lateness
    and extensions with this one rule."""
    minutes = -(-int(length.total_seconds()) // 60)
    hours, mins = divmod(max(minutes, 0), 60)
    return f"{hours}:{mins:02d}"


CLIENT_DEADLINE_EXPOSURE = QT_TRANSLATE_NOOP(
    "messages",
    "The time set by the client was missed: if the client holds it as not rectified in "
    "time, {rate} of the contract total (¥{amount}) is due and the client may terminate "
    "the contract ({clause}).",
)


def client_deadline_exposure(
    items: tuple[SlaItem, ...], total_cny: Decimal, terms: PenaltyTerms
) -> Decimal:
    """What 八、5 exposes when the clock of a deadline the client set (or of a
    rectification date agreed with it: "未能在甲方指定的时间内整改") is breached: the
    rectification rate of the total, once for the order; 0.00 otherwise (kept or not set).
    It stands beside 八、1's daily amount, never added into it."""
    fixed = (CLIENT_DEADLINE, RECTIFICATION)
    breached = any(item.key in fixed and item.breach for item in items)
    if not breached:
        return Decimal("0.00")
    return (total_cny * terms.rectification_rate).quantize(FEN, ROUND_HALF_UP)


def client_deadline_reading(total_cny: Decimal, terms: PenaltyTerms) -> Message:
    """:data:`CLIENT_DEADLINE_EXPOSURE` filled in, ready to translate and show."""
    rate = (terms.rectification_rate * 100).normalize()
    amount = (total_cny * terms.rectification_rate).quantize(FEN, ROUND_HALF_UP)
    return Message(
        CLIENT_DEADLINE_EXPOSURE,
        {"rate": f"{rate:f}%", "amount": f"{amount:,.2f}", "clause": terms.rectification_clause},
    )
