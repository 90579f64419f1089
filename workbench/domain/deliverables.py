"""The contract's deliverables (交付物): what is owed, by when, and what is late.

The contract's data file lists the deliverables (``Contract.terms["deliverables"]``); this
module turns them into dated obligations over the contract period:

* ``every = "week"``: one per ISO week whose Friday lies in the contract period, due on
  that Friday (the 安全服务周报 is handed over at the end of the working week);
* ``every = "month"``: one per calendar month of the period (one per site when
  ``per_site``), due on the month's last day;
* ``every = "year"`` with ``minimum = N``: a count for the year, not a schedule (一、2:
  "全年至少 24 次发布任务"): N tasks, each due at the period's end, so none is late before
  the year is over. Progress shows the **pace** beside the count (:func:`pace`: how many a
  steady rate would have done by today), which is information, never a breach;
* ``notice_days = D``: no schedule; each announced event (a staff change on a date) owes
  a written notice D days before it.

An obligation is **delivered** once a delivery date is recorded, **overdue** when it is
not delivered and its due date has passed, **due** when its due date lies within the next
``horizon`` days (default: the rest of this week), otherwise **planned**. A team that took
over mid-contract keeps its records from a later day (``records_from``): what fell due
before that day and was not recorded as delivered is **before the records began**
(记录开始之前), neither overdue nor counted against the team. Dates are calendar days in
the contract's zone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from workbench.domain.messages import QT_TRANSLATE_NOOP

DELIVERED, OVERDUE, DUE, PLANNED = "delivered", "overdue", "due", "planned"
BEFORE_RECORDS = "before_records"
STATES = (DELIVERED, OVERDUE, DUE, PLANNED, BEFORE_RECORDS)
STATE_NAMES = {
    DELIVERED: QT_TRANSLATE_NOOP("deliverables", "Delivered"),
    OVERDUE: QT_TRANSLATE_NOOP("deliverables", "Overdue"),
    DUE: QT_TRANSLATE_NOOP("deliverables", "Due"),
    PLANNED: QT_TRANSLATE_NOOP("deliverables", "Planned"),
    BEFORE_RECORDS: QT_TRANSLATE_NOOP("deliverables", "Before the records began"),
}
WEEKLY_DUE_WEEKDAY = 4  # Friday


@dataclass(frozen=True)
class DeliverableTerm:
    """One deliverable as the contract's data file states it."""

    key: str
    name: str
    every: str | None
    per_site: bool
    minimum: int | None
    notice_days: int | None
    clause: str = ""

    @property
    def scheduled(self) -> bool:
        return self.every in ("week", "month", "year")


@dataclass(frozen=True)
class Obligation:
    """One dated obligation: ``period`` names it (``2026-W47``, ``2026-11``, ``03/24``)."""

    key: str
    period: str
    site: str  # the site's asset code for per-site deliverables, else ""
    due_on: dt.date
    seq: int


def terms_from(contract_terms: Mapping[str, Any]) -> list[DeliverableTerm]:
    return [
        DeliverableTerm(
            key=str(t["key"]),
            name=str(t.get("name", t["key"])),
            every=t.get("every"),
            per_site=bool(t.get("per_site", False)),
            minimum=int(t["minimum"]) if t.get("minimum") is not None else None,
            notice_days=int(t["notice_days"]) if t.get("notice_days") is not None else None,
            clause=str(t.get("clause", "")),
        )
        for t in contract_terms.get("deliverables", [])
    ]


def iso_week_label(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def parse_iso_week(label: str) -> tuple[dt.date, dt.date]:
    """``2026-W47`` -> (Monday, Sunday) of that ISO week; ValueError when malformed."""
    text = label.strip().upper()
    try:
        year_text, week_text = text.split("-W")
        year, week = int(year_text), int(week_text)
        monday = dt.date.fromisocalendar(year, week, 1)
    except ValueError as exc:
        raise ValueError(f"not an ISO week: {label!r}") from exc
    return monday, monday + dt.timedelta(days=6)


def month_label(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def parse_month(label: str) -> tuple[dt.date, dt.date]:
    """``2026-11`` -> (first day, last day); ValueError when malformed."""
    try:
        year_text, month_text = label.strip().split("-")
        first = dt.date(int(year_text), int(month_text), 1)
    except ValueError as exc:
        raise ValueError(f"not a month: {label!r}") from exc
    return first, next_month(first) - dt.timedelta(days=1)


def next_month(first: dt.date) -> dt.date:
    return (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def months(start: dt.date, end: dt.date) -> list[dt.date]:
    """First days of every month touching ``start`` .. ``end``."""
    result = []
    month = start.replace(day=1)
    while month <= end:
        result.append(month)
        month = next_month(month)
    return result


def schedule(
    terms: Iterable[DeliverableTerm], start: dt.date, end: dt.date, sites: Sequence[str]
) -> list[Obligation]:
    """Every scheduled obligation of the contract period ``start`` .. ``end``."""
    result: list[Obligation] = []
    for term in terms:
        if term.every == "week":
            friday = start + dt.timedelta(days=(WEEKLY_DUE_WEEKDAY - start.weekday()) % 7)
            seq = 0
            while friday <= end:
                seq += 1
                result.append(Obligation(term.key, iso_week_label(friday), "", friday, seq))
                friday += dt.timedelta(days=7)
        elif term.every == "month":
            seq = 0
            for first in months(start, end):
                last = min(next_month(first) - dt.timedelta(days=1), end)
                for site in sites if term.per_site else ("",):
                    seq += 1
                    result.append(Obligation(term.key, month_label(first), site, last, seq))
        elif term.every == "year":
            count = term.minimum or 1
            for k in range(1, count + 1):
                result.append(Obligation(term.key, f"{k:02d}/{count:02d}", "", end, k))
    result.sort(key=lambda o: (o.due_on, o.key, o.site))
    return result


def pace(minimum: int, start: dt.date, end: dt.date, today: dt.date) -> int:
    """How many of a yearly count a steady rate would have done by the end of ``today``
    (0 before ``start``, ``minimum`` from ``end`` on): the pace shown beside the count."""
    days = (end - start).days + 1
    elapsed = min(max((today - start).days + 1, 0), days)
    return minimum * elapsed // days


def notice_due(event_on: dt.date, notice_days: int) -> dt.date:
    """When the written notice of an event on ``event_on`` is due."""
    return event_on - dt.timedelta(days=notice_days)


def week_end(today: dt.date) -> dt.date:
    """The Sunday of ``today``'s week."""
    return today + dt.timedelta(days=6 - today.weekday())


def state(
    due_on: dt.date,
    delivered_on: dt.date | None,
    today: dt.date,
    horizon_end: dt.date,
    records_from: dt.date | None = None,
) -> str:
    """``delivered``, ``overdue``, ``due`` (due by ``horizon_end``), ``planned``, or
    ``before_records`` (due before ``records_from`` and not recorded as delivered)."""
    if delivered_on is not None:
        return DELIVERED
    if records_from is not None and due_on < records_from:
        return BEFORE_RECORDS
    if due_on < today:
        return OVERDUE
    if due_on <= horizon_end:
        return DUE
    return PLANNED


def late_days(
    due_on: dt.date,
    delivered_on: dt.date | None,
    today: dt.date,
    records_from: dt.date | None = None,
) -> int:
    """Days past due: to the delivery, or to today while not delivered (none for what
    fell due before the records began)."""
    if delivered_on is None and records_from is not None and due_on < records_from:
        return 0
    until = delivered_on if delivered_on is not None else today
    return max(0, (until - due_on).days)


# -- read models (built by the deliverables service, read by the UI and the reports) ---


@dataclass(frozen=True)
class DeliverableRow:
    id: str
    key: str
    name: str  # the deliverable's name as the contract's data file gives it
    clause: str
    period: str
    site_code: str
    site_name: str
    title: str
    due_on: dt.date
    event_on: dt.date | None
    delivered_on: dt.date | None
    delivered_by: str
    note: str
    attachment_name: str
    attachment_path: Path | None
    state: str  # delivered | overdue | due | planned | before_records
    days_late: int
    demo: bool

    @property
    def label(self) -> str:
        parts = [self.name, self.period]
        if self.site_name:
            parts.append(self.site_name)
        return " ".join(p for p in parts if p)


@dataclass(frozen=True)
class PaymentRow:
    id: str
    seq: int
    description: str
    amount_cny: Decimal
    due_on: dt.date | None
    condition: str
    invoice_issued_on: dt.date | None
    paid_on: dt.date | None
    note: str
    state: str  # paid | invoiced | overdue | open

    @property
    def overdue(self) -> bool:
        return self.state == "overdue"


@dataclass(frozen=True)
class DeliverableSummary:
    """Per deliverable: how many are owed so far, delivered, overdue, and in all."""

    key: str
    name: str
    clause: str
    total: int
    due_so_far: int
    delivered: int
    delivered_late: int
    overdue: int
    minimum: int | None = None  # a yearly count (一、2): at least this many in the year
    on_pace: int | None = None  # of the count, how many a steady rate has done by today
