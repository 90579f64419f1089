"""Payment milestones (四、2–四、4): when a payment is expected, and when it is overdue.

The plan itself is data (``[[payments]]`` and ``[payment_terms]`` in the contract file).
What the contract says, and how this module reads it:

* 四、3: the contractor hands over the invoice before the client pays; without an invoice a
  payment is **not invoiced** and never overdue (the client may pay late without liability).
* 四、2: a milestone is either dated (``due``: "before 2026-09-30") or conditional (funds
  arrived and approved, then 7 working days, or "at once" for the last one:
  ``after_condition_working_days``). A conditional milestone whose condition is not yet met
  is **awaiting its condition**.
* The contract sets no period after a late invoice; the workbench reads it as
  ``invoice_working_days`` PRC working days after the invoice (the 7 of 四、2(1)). The
  **expected date** is the latest of: the nominal date, the condition date plus its working
  days, and the invoice date plus ``invoice_working_days``.
* 四、4: payment follows the city's actual funding; while the funds have not arrived the
  milestone is **funds not yet arrived**, which is not the client's breach.
* Only after the expected date is a payment **overdue**.

Working days are PRC working days from the ``chinese_calendar`` package (statutory holidays
and the weekend days made working days) for the years it knows; for a year it does not know
yet, Monday to Friday, and the result says so (``calendar_complete`` is False).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import chinese_calendar

from workbench.domain.contract import Payment, PaymentTerms
from workbench.domain.messages import QT_TRANSLATE_NOOP

PAID, OVERDUE, EXPECTED, NOT_INVOICED, AWAITING_CONDITION, FUNDS_PENDING = (
    "paid",
    "overdue",
    "expected",
    "not_invoiced",
    "awaiting_condition",
    "funds_pending",
)
STATES = (PAID, OVERDUE, EXPECTED, NOT_INVOICED, AWAITING_CONDITION, FUNDS_PENDING)
STATE_NAMES = {
    PAID: QT_TRANSLATE_NOOP("messages", "Paid"),
    OVERDUE: QT_TRANSLATE_NOOP("messages", "Overdue"),
    EXPECTED: QT_TRANSLATE_NOOP("messages", "Invoiced, payment expected"),
    NOT_INVOICED: QT_TRANSLATE_NOOP("messages", "Not invoiced yet (四、3)"),
    AWAITING_CONDITION: QT_TRANSLATE_NOOP("messages", "Awaiting its condition"),
    FUNDS_PENDING: QT_TRANSLATE_NOOP("messages", "Funds not yet arrived (四、4)"),
}
WEEKDAYS_ONLY = QT_TRANSLATE_NOOP(
    "messages",
    "Working days of {years} counted Monday to Friday: the holiday calendar does not know "
    "that year yet.",
)


def is_working_day(day: dt.date) -> tuple[bool, bool]:
    """(is a PRC working day, the holiday calendar knows the day's year)."""
    try:
        return bool(chinese_calendar.is_workday(day)), True
    except NotImplementedError:
        return day.weekday() < 5, False


@dataclass(frozen=True)
class WorkingDays:
    day: dt.date
    calendar_complete: bool  # False: some year was counted Monday to Friday
    weekday_years: tuple[int, ...] = ()


def add_working_days(start: dt.date, days: int) -> WorkingDays:
    """The ``days``-th PRC working day after ``start`` (``start`` itself when 0)."""
    if days < 0:
        raise ValueError("days must not be negative")
    day = start
    guessed: set[int] = set()
    counted = 0
    while counted < days:
        day += dt.timedelta(days=1)
        working, known = is_working_day(day)
        if not known:
            guessed.add(day.year)
        if working:
            counted += 1
    return WorkingDays(day, not guessed, tuple(sorted(guessed)))


@dataclass(frozen=True)
class MilestoneFacts:
    """What is known of one milestone: recorded dates, the funding state."""

    invoiced_on: dt.date | None = None
    condition_met_on: dt.date | None = None
    funds_arrived: bool = True
    paid_on: dt.date | None = None


@dataclass(frozen=True)
class MilestoneStatus:
    seq: int
    state: str
    conditions: tuple[str, ...]  # what must hold before payment is owed
    invoiced_on: dt.date | None
    expected_on: dt.date | None  # None: not yet owed (no invoice, condition not met)
    overdue_days: int  # calendar days past the expected date (0 unless overdue)
    calendar_complete: bool
    weekday_years: tuple[int, ...]


def milestone_status(
    payment: Payment, terms: PaymentTerms, facts: MilestoneFacts, today: dt.date
) -> MilestoneStatus:
    """The state of one payment milestone on ``today``."""
    conditions = [QT_TRANSLATE_NOOP("messages", "Invoice handed over (四、3)")]
    if payment.condition:
        conditions.insert(0, payment.condition)
    if payment.due is not None:
        conditions.append(payment.description)
    candidates: list[dt.date] = []
    guessed: set[int] = set()
    complete = True
    if payment.due is not None:
        candidates.append(payment.due)
    if payment.condition and facts.condition_met_on is not None:
        after = add_working_days(facts.condition_met_on, payment.after_condition_working_days or 0)
        candidates.append(after.day)
        complete &= after.calendar_complete
        guessed.update(after.weekday_years)
    if facts.invoiced_on is not None:
        after = add_working_days(facts.invoiced_on, terms.invoice_working_days)
        candidates.append(after.day)
        complete &= after.calendar_complete
        guessed.update(after.weekday_years)
    owed = facts.invoiced_on is not None and (
        not payment.condition or facts.condition_met_on is not None
    )
    expected = max(candidates) if owed and candidates else None

    def status(state: str, overdue: int = 0) -> MilestoneStatus:
        return MilestoneStatus(
            payment.seq,
            state,
            tuple(conditions),
            facts.invoiced_on,
            expected,
            overdue,
            complete,
            tuple(sorted(guessed)),
        )

    if facts.paid_on is not None:
        return status(PAID)
    if payment.condition and facts.condition_met_on is None:
        return status(AWAITING_CONDITION)
    if facts.invoiced_on is None:
        return status(NOT_INVOICED)
    if not facts.funds_arrived:
        return status(FUNDS_PENDING)
    assert expected is not None
    if today > expected:
        return status(OVERDUE, (today - expected).days)
    return status(EXPECTED)
