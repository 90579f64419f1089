"""The numbers of the reports and the dashboard, from plain facts (no store, no Qt).

Definitions, shared by the 总览 dashboard, the weekly and monthly reports and the
year-end pack, so that the same number is the same everywhere:

* An order belongs to the month (or week) in which it was **reported**, in Beijing time.
* **SLA compliance** of a period: among the orders under the contract's clock (faults and
  inspection findings, not cancelled) whose outcome is known — restored, or already past a
  deadline — the share with no breached target. Orders still inside every deadline are
  left out until they are decided.
* **Exposure** (违约金风险) of a period: the sum of the penalties (clause 八、1, per order,
  its worst lateness counted once; see :mod:`workbench.domain.sla`) of the orders reported
  in it, evaluated at the time of the report.
* **Time to restore**: restored minus reported, in minutes, of clocked orders that are
  restored. Median (the middle value, or the mean of the two middle ones) and the 90th
  percentile by nearest rank (the ``ceil(0.9·n)``-th smallest value).
* **Inspection completion against schedule**: each device in use is due every
  ``interval`` days counted from the contract's first day. The expected inspections of a
  period are the due dates that fall in it (up to ``until`` for a period not yet over);
  the done ones are the device's inspections recorded in the period, at most as many as
  expected. Completion is done / expected.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from workbench.domain.deliverables import (
    DeliverableRow,
    DeliverableSummary,
    PaymentRow,
    month_label,
)
from workbench.domain.documents import ContractHeader, HeadDoc
from workbench.domain.monitoring import ScanRow, WeekRow
from workbench.domain.registers import ReportSection
from workbench.domain.settlement import MonthSettlement, Settlement
from workbench.domain.timeutil import LOCAL_TZ, local_midnight
from workbench.domain.workorders import LogEntryView, WorkOrderRow

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class OrderFact:
    """What the reports need to know of one work order."""

    number: str
    type: str
    status: str
    category: str  # category code of its first asset ("" when none)
    category_name: str
    reported_at: dt.datetime
    restored_at: dt.datetime | None
    clocked: bool  # under the SLA clock (fault / inspection finding, not cancelled)
    breaches: tuple[str, ...]
    days_late: int
    penalty_cny: Decimal

    @property
    def breached(self) -> bool:
        return bool(self.breaches)

    @property
    def decided(self) -> bool:
        return self.clocked and (self.breached or self.restored_at is not None)


@dataclass(frozen=True)
class SlaSummary:
    orders: int  # every order of the period (any type)
    clocked: int  # under the SLA clock
    decided: int
    breached: int
    exposure_cny: Decimal

    @property
    def compliance(self) -> float | None:
        """Share of decided clocked orders with no breach; None when none was decided."""
        if self.decided == 0:
            return None
        return (self.decided - self.breached) / self.decided


@dataclass(frozen=True)
class RestoreStats:
    count: int
    median_minutes: float | None
    p90_minutes: float | None


@dataclass(frozen=True)
class Completion:
    expected: int
    done: int

    @property
    def rate(self) -> float | None:
        return None if self.expected == 0 else self.done / self.expected


@dataclass(frozen=True)
class MonthFigures:
    """One month of the charts and the monthly report."""

    month: str  # "2026-11"
    sla: SlaSummary
    restore: RestoreStats
    faults_by_category: Mapping[str, int] = field(default_factory=dict)
    inspections: Completion = Completion(0, 0)


# -- periods ---------------------------------------------------------------------------


def local_day(value: dt.datetime) -> dt.date:
    if value.tzinfo is None:
        raise ValueError("naive datetime")
    return value.astimezone(LOCAL_TZ).date()


def day_bounds(first: dt.date, last: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """[start, end) of the days ``first`` .. ``last`` in Beijing time."""
    return local_midnight(first), local_midnight(last + dt.timedelta(days=1))


def month_of(value: dt.datetime) -> str:
    return month_label(local_day(value))


# -- work orders -----------------------------------------------------------------------


def sla_summary(orders: Iterable[OrderFact]) -> SlaSummary:
    orders = list(orders)
    clocked = [o for o in orders if o.clocked]
    decided = [o for o in clocked if o.decided]
    return SlaSummary(
        orders=len(orders),
        clocked=len(clocked),
        decided=len(decided),
        breached=sum(1 for o in clocked if o.breached),
        exposure_cny=sum((o.penalty_cny for o in orders), ZERO),
    )


def median(values: Sequence[float]) -> float | None:
    return float(statistics.median(values)) if values else None


def percentile_nearest_rank(values: Sequence[float], q: float) -> float | None:
    """The ``ceil(q·n)``-th smallest value (q in (0, 1]); None for no values."""
    if not 0 < q <= 1:
        raise ValueError("q must lie in (0, 1]")
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(q * len(ordered)))
    return float(ordered[rank - 1])


def restore_minutes(orders: Iterable[OrderFact]) -> list[float]:
    return [
        (o.restored_at - o.reported_at).total_seconds() / 60
        for o in orders
        if o.clocked and o.restored_at is not None
    ]


def restore_stats(orders: Iterable[OrderFact]) -> RestoreStats:
    minutes = restore_minutes(orders)
    return RestoreStats(len(minutes), median(minutes), percentile_nearest_rank(minutes, 0.9))


def faults_by_category(orders: Iterable[OrderFact]) -> dict[str, int]:
    """Clocked orders (faults and findings) per category code."""
    counts: dict[str, int] = {}
    for o in orders:
        if o.clocked:
            counts[o.category] = counts.get(o.category, 0) + 1
    return counts


def split_by_month(orders: Iterable[OrderFact]) -> dict[str, list[OrderFact]]:
    result: dict[str, list[OrderFact]] = {}
    for o in orders:
        result.setdefault(month_of(o.reported_at), []).append(o)
    return result


# -- inspections ------------------------------------------------------------------------


def expected_inspections(
    interval_days: int | None,
    contract_start: dt.date,
    period_first: dt.date,
    period_last: dt.date,
) -> int:
    """How many due dates of a device (every ``interval_days`` from the contract's start)
    fall in ``period_first`` .. ``period_last``."""
    if not interval_days or period_last < contract_start or period_last < period_first:
        return 0
    first = max(period_first, contract_start)
    # The first due date on or after ``first``: contract_start + k * interval.
    k = -(-(first - contract_start).days // interval_days)
    due = contract_start + dt.timedelta(days=k * interval_days)
    if due > period_last:
        return 0
    return 1 + (period_last - due).days // interval_days


def completion(expected: Mapping[str, int], done: Mapping[str, int]) -> Completion:
    """Done (each device capped at its expected count) against expected."""
    return Completion(
        expected=sum(expected.values()),
        done=sum(min(done.get(key, 0), count) for key, count in expected.items()),
    )


def percent(value: float | None, digits: int = 1) -> str:
    """``97.5%``, or ``—`` when there is nothing to measure."""
    if value is None:
        return "—"
    return f"{value * 100:.{digits}f}%"


# -- read models of the reports (built by :mod:`workbench.services.reporting`) ----------


@dataclass(frozen=True)
class Period:
    first: dt.date
    last: dt.date  # inclusive
    label: str  # "2026-11", "2026-W47", "2026-03-01 – 2027-02-28"

    @property
    def bounds(self) -> tuple[dt.datetime, dt.datetime]:
        return day_bounds(self.first, self.last)


@dataclass(frozen=True)
class RoundLine:
    number: str
    kind: str
    started_at: dt.datetime
    status: str
    engineer_name: str
    devices_total: int
    devices_checked: int
    failures: int


@dataclass(frozen=True)
class PeriodReport:
    """The read model of the weekly and the monthly report."""

    kind: str  # "weekly" | "monthly"
    contract: ContractHeader
    period: Period
    generated_at: dt.datetime
    sla: SlaSummary
    restore: RestoreStats
    year_sla: SlaSummary  # the contract year up to the end of the period
    orders: tuple[WorkOrderRow, ...]
    facts: tuple[OrderFact, ...]
    inspections: Completion
    rounds: tuple[RoundLine, ...]
    monitoring: tuple[WeekRow, ...]
    scans: tuple[ScanRow, ...]
    sites: tuple[tuple[str, str, str], ...]
    deliverables: tuple[DeliverableRow, ...]
    payments: tuple[PaymentRow, ...]
    series: tuple[MonthFigures, ...]
    categories: dict[str, str]
    work_log: tuple[LogEntryView, ...] = ()
    restore_target_minutes: int | None = None
    late_rate_per_day: Decimal = Decimal("0")
    demo: bool = False
    head: HeadDoc | None = None  # the store's head when the report was made
    registers: tuple[ReportSection, ...] = ()  # the registers' own sections (登记簿)
    # the yearly counts (一、2) as of the period's end: done, the count, the pace
    quotas: tuple[DeliverableSummary, ...] = ()
    # the settlement statement (结算单): every payment, and this month's charges
    settlement: Settlement | None = None
    month_settlement: MonthSettlement | None = None

    @property
    def breached_orders(self) -> tuple[WorkOrderRow, ...]:
        return tuple(o for o in self.orders if o.breaches)


@dataclass(frozen=True)
class AcceptanceIndex:
    """The year-end pack's index: the deliverables, the SLA record, the signed records."""

    contract: ContractHeader
    period: Period
    generated_at: dt.datetime
    deliverables: tuple[DeliverableSummary, ...]
    deliverable_rows: tuple[DeliverableRow, ...]
    payments: tuple[PaymentRow, ...]
    year_sla: SlaSummary
    restore: RestoreStats
    series: tuple[MonthFigures, ...]
    breached_orders: tuple[WorkOrderRow, ...]
    inspections: Completion
    signed_work_orders: tuple[str, ...]
    signed_rounds: tuple[tuple[str, str], ...]  # (id, number)
    categories: dict[str, str] = field(default_factory=dict)
    restore_target_minutes: int | None = None
    demo: bool = False
    head: HeadDoc | None = None  # the store's head when the index was made
    settlement: Settlement | None = None  # the settlement statement of every payment
