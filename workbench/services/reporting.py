"""Where the contract stands: the dashboard's figures and the reports' read models.

Every number is computed by :mod:`workbench.domain.reporting` from facts read here, so the
总览 dashboard, the weekly and monthly reports and the year-end pack agree. Work orders
are read through :func:`workbench.services.workorders.list_work_orders` (their SLA clock
and penalty as the 工单 view shows them), inspections through the inspection service and
the stored device inspections.
The read models of the reports are in :mod:`workbench.domain.reporting`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.data.models import Asset, AssetCategory, Contract
from workbench.data.models.inspections import DeviceInspection
from workbench.domain import deliverables as calendar
from workbench.domain import reporting as figures
from workbench.domain import schedules
from workbench.domain import settlement as settlement_rules
from workbench.domain import workorders as wo_rules
from workbench.domain.contract import penalties_from_terms, sla_from_terms
from workbench.domain.deliverables import DeliverableRow
from workbench.domain.documents import InspectionFormDoc, WorkOrderDoc
from workbench.domain.messages import QT_TRANSLATE_NOOP, Translate, WorkbenchError
from workbench.domain.messages import identity as _identity
from workbench.domain.reporting import AcceptanceIndex, Period, PeriodReport, RoundLine
from workbench.domain.timeutil import LOCAL_TZ
from workbench.domain.workorders import WorkOrderRow
from workbench.services import deliverables as deliverable_service
from workbench.services import heads, registers
from workbench.services import inspections as inspection_service
from workbench.services import monitoring as monitoring_service
from workbench.services import workorders as wo
from workbench.services._common import aware_now as _now
from workbench.services._common import month_period, require_contract, week_period
from workbench.services.records import effective_records_from

if TYPE_CHECKING:
    from workbench.data.store import Store
    from workbench.reports.acceptance import PackResult

ORDER_CHUNK = 2000


# -- read models ----------------------------------------------------------------------


@dataclass(frozen=True)
class Dashboard:
    evaluated_at: dt.datetime
    today: dt.date
    contract_number: str
    month: Period
    year: Period
    open_orders: int
    next_deadline: wo.UpcomingDeadline | None
    month_sla: figures.SlaSummary
    year_sla: figures.SlaSummary
    overdue_inspections: int
    due_inspections: int
    deliverables: tuple[DeliverableRow, ...]  # overdue and due this week
    series: tuple[figures.MonthFigures, ...]
    categories: dict[str, str]  # code -> name, in the contract's order
    demo: bool
    restore_target_minutes: int | None = None
    # The day this team's records begin, when after the contract's first day.
    records_from: dt.date | None = None

    @property
    def deliverables_overdue(self) -> int:
        return sum(1 for d in self.deliverables if d.state == calendar.OVERDUE)

    @property
    def deliverables_due(self) -> int:
        return sum(1 for d in self.deliverables if d.state == calendar.DUE)


# -- helpers ----------------------------------------------------------------------------


def _contract(session: Session, number: str | None = None) -> Contract:
    if number:
        contract = session.scalar(select(Contract).where(Contract.number == number.strip()))
        if contract is None:
            raise WorkbenchError(
                QT_TRANSLATE_NOOP("messages", "No contract {number} in the store."),
                number=number,
            )
        return contract
    return require_contract(session)


def _categories(session: Session) -> dict[str, str]:
    query = select(AssetCategory.code, AssetCategory.name).order_by(AssetCategory.sort_order)
    return {row[0]: row[1] for row in session.execute(query)}


def _asset_categories(session: Session) -> dict[str, tuple[str, str]]:
    rows = session.execute(
        select(Asset.code, AssetCategory.code, AssetCategory.name).join(
            AssetCategory, Asset.category_id == AssetCategory.id
        )
    )
    return {code: (cat, name) for code, cat, name in rows}


def contract_period(contract: Contract) -> Period:
    return Period(
        contract.start_date,
        contract.end_date,
        f"{contract.start_date.isoformat()} – {contract.end_date.isoformat()}",
    )


def orders_between(
    session: Session, start: dt.datetime, end: dt.datetime, now: dt.datetime
) -> list[WorkOrderRow]:
    """Every work order reported in [start, end), oldest first, evaluated at ``now``."""
    rows: list[WorkOrderRow] = []
    offset = 0
    while True:
        page = wo.list_work_orders(
            session,
            wo.WorkOrderFilter(start=start, end=end),
            sort="reported_at",
            descending=False,
            offset=offset,
            limit=ORDER_CHUNK,
            now=now,
        )
        rows.extend(page.rows)
        offset += len(page.rows)
        if not page.rows or offset >= page.total:
            return rows


def facts_of(
    rows: Sequence[WorkOrderRow], asset_categories: dict[str, tuple[str, str]]
) -> list[figures.OrderFact]:
    result = []
    for r in rows:
        category, name = (
            asset_categories.get(r.asset_codes[0], ("", "")) if r.asset_codes else ("", "")
        )
        result.append(
            figures.OrderFact(
                number=r.number,
                type=r.type,
                status=r.status,
                category=category,
                category_name=name,
                reported_at=r.reported_at,
                restored_at=r.restored_at,
                clocked=bool(r.sla),
                breaches=r.breaches,
                days_late=r.days_late,
                penalty_cny=r.penalty_cny,
            )
        )
    return result


def _intervals(session: Session) -> dict[str, int | None]:
    rows = session.execute(
        select(Asset.id, AssetCategory.inspection_interval_days)
        .join(AssetCategory, Asset.category_id == AssetCategory.id)
        .where(Asset.status != "retired")
    )
    return {row[0]: row[1] for row in rows}


def _inspection_days(
    session: Session, start: dt.datetime, end: dt.datetime
) -> list[tuple[str, dt.date]]:
    rows = session.execute(
        select(DeviceInspection.asset_id, DeviceInspection.inspected_at).where(
            DeviceInspection.inspected_at >= start, DeviceInspection.inspected_at < end
        )
    )
    return [(asset_id, figures.local_day(at)) for asset_id, at in rows]


def _completion(
    intervals: dict[str, int | None],
    inspected: Sequence[tuple[str, dt.date]],
    contract_start: dt.date,
    first: dt.date,
    last: dt.date,
) -> figures.Completion:
    expected = {
        asset_id: figures.expected_inspections(interval, contract_start, first, last)
        for asset_id, interval in intervals.items()
    }
    done: dict[str, int] = {}
    for asset_id, day in inspected:
        if first <= day <= last:
            done[asset_id] = done.get(asset_id, 0) + 1
    return figures.completion(expected, done)


def inspection_completion(
    session: Session, first: dt.date, last: dt.date, today: dt.date, contract: Contract
) -> figures.Completion:
    """Inspections done against the schedule in ``first`` .. min(``last``, ``today``)."""
    last = min(last, today, contract.end_date)
    if last < first:
        return figures.Completion(0, 0)
    start, end = figures.day_bounds(first, last)
    return _completion(
        _intervals(session), _inspection_days(session, start, end), contract.start_date, first, last
    )


def _reported_within(
    rows: Sequence[WorkOrderRow], start: dt.datetime, end: dt.datetime
) -> list[WorkOrderRow]:
    """The rows reported in [start, end), in their order (a slice of a wider query)."""
    return [r for r in rows if start <= r.reported_at < end]


def month_series(
    session: Session,
    contract: Contract,
    until: dt.date,
    now: dt.datetime,
    orders: Sequence[WorkOrderRow] | None = None,
) -> list[figures.MonthFigures]:
    """One :class:`MonthFigures` per month of the contract up to ``until``.

    ``orders``: the work orders of a span covering the contract's start to ``until``,
    evaluated at ``now`` (when the caller has them already), else they are queried.
    """
    last = min(until, contract.end_date)
    if last < contract.start_date:
        return []
    start, end = figures.day_bounds(contract.start_date, last)
    rows = (
        orders_between(session, start, end, now)
        if orders is None
        else _reported_within(orders, start, end)
    )
    facts = figures.split_by_month(facts_of(rows, _asset_categories(session)))
    intervals = _intervals(session)
    inspected = _inspection_days(session, start, end)
    result = []
    for first in calendar.months(contract.start_date, last):
        month_last = min(calendar.next_month(first) - dt.timedelta(days=1), last)
        label = calendar.month_label(first)
        month_facts = facts.get(label, [])
        result.append(
            figures.MonthFigures(
                month=label,
                sla=figures.sla_summary(month_facts),
                restore=figures.restore_stats(month_facts),
                faults_by_category=figures.faults_by_category(month_facts),
                inspections=_completion(
                    intervals,
                    inspected,
                    contract.start_date,
                    max(first, contract.start_date),
                    month_last,
                ),
            )
        )
    return result


def _demo_present(session: Session) -> bool:
    from sqlalchemy import exists

    from workbench.data.models.workorders import WorkOrder

    return bool(session.scalar(select(exists().where(WorkOrder.demo.is_(True)))))


# -- dashboard ----------------------------------------------------------------------------


def dashboard(session: Session, now: dt.datetime | None = None) -> Dashboard:
    """Everything the 总览 shows, at ``now``."""
    now = _now(now)
    today = now.astimezone(LOCAL_TZ).date()
    contract = _contract(session)
    month_first = today.replace(day=1)
    month = Period(
        month_first,
        calendar.next_month(month_first) - dt.timedelta(days=1),
        calendar.month_label(month_first),
    )
    year = contract_period(contract)
    series = month_series(session, contract, today, now)
    month_figures = next((m for m in series if m.month == month.label), None)
    month_sla = (
        month_figures.sla
        if month_figures
        else figures.sla_summary(
            facts_of(orders_between(session, *month.bounds, now), _asset_categories(session))
        )
    )
    year_sla = figures.sla_summary([])
    if series:
        year_sla = figures.SlaSummary(
            orders=sum(m.sla.orders for m in series),
            clocked=sum(m.sla.clocked for m in series),
            decided=sum(m.sla.decided for m in series),
            breached=sum(m.sla.breached for m in series),
            exposure_cny=sum((m.sla.exposure_cny for m in series), Decimal("0.00")),
        )
    open_orders = wo.list_work_orders(
        session, wo.WorkOrderFilter(status=wo_rules.OPEN_STATUSES), limit=1, now=now
    )
    due = inspection_service.due_devices(session, today, only_needing=True)
    week_end = calendar.week_end(today)
    deliverables = [
        d
        for d in deliverable_service.list_deliverables(
            session, due_to=week_end, today=today, horizon_end=week_end
        )
        if d.state in (calendar.OVERDUE, calendar.DUE)
    ]
    return Dashboard(
        evaluated_at=now,
        today=today,
        contract_number=contract.number,
        month=month,
        year=year,
        open_orders=open_orders.total,
        next_deadline=wo.next_deadline(session, now=now),
        month_sla=month_sla,
        year_sla=year_sla,
        overdue_inspections=sum(1 for d in due if d.state == schedules.OVERDUE),
        due_inspections=sum(1 for d in due if d.state == schedules.DUE),
        deliverables=tuple(deliverables),
        series=tuple(series),
        categories=_categories(session),
        demo=_demo_present(session),
        restore_target_minutes=sla_from_terms(contract.terms).restore_minutes,
        records_from=effective_records_from(contract),
    )


def orders_for(
    session: Session,
    month: str,
    *,
    category: str | None = None,
    clocked_only: bool = False,
    breached_only: bool = False,
    now: dt.datetime | None = None,
) -> list[WorkOrderRow]:
    """The work orders behind one bar of a chart: reported in ``month``, of ``category``."""
    now = _now(now)
    period = month_period(month)
    rows = orders_between(session, *period.bounds, now)
    categories = _asset_categories(session)
    result = []
    for r in rows:
        if (clocked_only or category is not None or breached_only) and not r.sla:
            continue
        if breached_only and not r.breaches:
            continue
        if category is not None:
            code = categories.get(r.asset_codes[0], ("", ""))[0] if r.asset_codes else ""
            if code != category:
                continue
        result.append(r)
    return result


# -- reports -----------------------------------------------------------------------------


def _rounds_between(session: Session, start: dt.datetime, end: dt.datetime) -> list[RoundLine]:
    rounds = inspection_service.list_rounds(session, started_from=start, started_before=end)
    rounds.sort(key=lambda r: r.started_at)
    return [
        RoundLine(
            number=r.number,
            kind=r.kind,
            started_at=r.started_at,
            status=r.status,
            engineer_name=r.engineer_name,
            devices_total=r.devices_total,
            devices_checked=r.devices_checked,
            failures=r.failures,
        )
        for r in rounds
    ]


def _period_report(  # noqa: PLR0917
    session: Session,
    kind: str,
    period: Period,
    now: dt.datetime,
    contract: Contract,
    translate: Translate,
) -> PeriodReport:
    today = now.astimezone(LOCAL_TZ).date()
    start, end = period.bounds
    asset_categories = _asset_categories(session)
    # One query for the period, the charts' months and the year so far: every one of
    # them lies in [min(period start, contract start), period end).
    year_start = figures.day_bounds(contract.start_date, contract.start_date)[0]
    span = orders_between(session, min(start, year_start), end, now)
    rows = _reported_within(span, start, end)
    facts = facts_of(rows, asset_categories)
    series = month_series(session, contract, min(period.last, today), now, span)
    year_facts = facts_of(_reported_within(span, year_start, end), asset_categories)
    if kind == "monthly":
        scans = monitoring_service.list_scans(session, period.label, period.label)
        deliverables = deliverable_service.list_deliverables(
            session, due_from=period.first, due_to=period.last, today=today, horizon_end=today
        )
    else:
        # Only the scans made in the week: a report lists events inside its period.
        scans = monitoring_service.list_scans(
            session, scanned_from=period.first, scanned_to=period.last
        )
        deliverables = deliverable_service.list_deliverables(
            session,
            due_from=period.first,
            due_to=period.last + dt.timedelta(days=7),
            today=today,
            horizon_end=period.last + dt.timedelta(days=7),
        )
    log_rows = [
        e
        for e in wo.list_log(session, start=start, end=end)
        if e.work_order_number is None and not e.amended
    ]
    demo = any(r.demo for r in rows) or any(d.demo for d in deliverables)
    whole = month = None
    if kind == "monthly":
        from workbench.services import settlement

        # The statement counts the whole service period's orders, evaluated now.
        whole, counted = settlement.statement(session, now)
        month = settlement_rules.month_settlement(whole, counted, period.first, period.last)
    return PeriodReport(
        kind=kind,
        contract=wo.contract_header(contract),
        period=period,
        generated_at=now,
        sla=figures.sla_summary(facts),
        restore=figures.restore_stats(facts),
        year_sla=figures.sla_summary(year_facts),
        orders=tuple(rows),
        facts=tuple(facts),
        inspections=inspection_completion(session, period.first, period.last, today, contract),
        rounds=tuple(_rounds_between(session, start, end)),
        monitoring=tuple(
            monitoring_service.list_weeks(
                session,
                period.first - dt.timedelta(days=period.first.weekday()),
                period.last,
            )
        ),
        scans=tuple(scans),
        sites=tuple(monitoring_service.sites(session)),
        deliverables=tuple(deliverables),
        payments=tuple(deliverable_service.list_payments(session, today)),
        series=tuple(series),
        categories=_categories(session),
        work_log=tuple(sorted(log_rows, key=lambda e: e.at)),
        restore_target_minutes=sla_from_terms(contract.terms).restore_minutes,
        late_rate_per_day=penalties_from_terms(contract.terms).late_rate_per_day,
        demo=demo or _demo_present(session),
        head=heads.head_doc(session),
        registers=registers.report_sections(session, period, translate, weekly=kind == "weekly"),
        quotas=tuple(
            q
            for q in deliverable_service.summary(session, min(period.last, today))
            if q.minimum is not None
        ),
        settlement=whole,
        month_settlement=month,
    )


def monthly_report(
    session: Session,
    month: str,
    now: dt.datetime | None = None,
    translate: Translate = _identity,
) -> PeriodReport:
    """The 运维服务月报 of ``month`` (``2026-11``); ``translate`` for the registers'
    sections, which come translated."""
    now = _now(now)
    contract = _contract(session)
    return _period_report(session, "monthly", month_period(month), now, contract, translate)


def weekly_report(
    session: Session,
    week: str,
    now: dt.datetime | None = None,
    translate: Translate = _identity,
) -> PeriodReport:
    """The 安全服务周报 of ``week`` (``2026-W47``)."""
    now = _now(now)
    contract = _contract(session)
    return _period_report(session, "weekly", week_period(week), now, contract, translate)


def acceptance_index(
    session: Session, contract_number: str | None = None, now: dt.datetime | None = None
) -> AcceptanceIndex:
    """The year-end pack's index and the signed records it must hold."""
    from workbench.data.models.inspections import InspectionRound
    from workbench.data.models.workorders import WorkOrder
    from workbench.services import settlement

    now = _now(now)
    contract = _contract(session, contract_number)
    today = now.astimezone(LOCAL_TZ).date()
    period = contract_period(contract)
    start, end = period.bounds
    year_orders = orders_between(session, start, end, now)
    series = month_series(session, contract, today, now, year_orders)
    facts = facts_of(year_orders, _asset_categories(session))
    rows = [r for r in year_orders if r.breaches]
    signed_orders = tuple(
        session.scalars(
            select(WorkOrder.number)
            .where(WorkOrder.status == "signed", WorkOrder.contract_id == contract.id)
            .order_by(WorkOrder.year, WorkOrder.seq)
        )
    )
    signed_rounds = tuple(
        (rid, number)
        for rid, number in session.execute(
            select(InspectionRound.id, InspectionRound.number)
            .where(InspectionRound.status == "signed")
            .where(
                (InspectionRound.contract_id == contract.id) | InspectionRound.contract_id.is_(None)
            )
            .order_by(InspectionRound.year, InspectionRound.seq)
        )
    )
    return AcceptanceIndex(
        contract=wo.contract_header(contract),
        period=period,
        generated_at=now,
        deliverables=tuple(deliverable_service.summary(session, today)),
        deliverable_rows=tuple(deliverable_service.list_deliverables(session, today=today)),
        payments=tuple(deliverable_service.list_payments(session, today)),
        year_sla=figures.sla_summary(facts),
        restore=figures.restore_stats(facts),
        series=tuple(series),
        breached_orders=tuple(rows),
        inspections=inspection_completion(session, period.first, period.last, today, contract),
        signed_work_orders=signed_orders,
        signed_rounds=signed_rounds,
        categories=_categories(session),
        restore_target_minutes=sla_from_terms(contract.terms).restore_minutes,
        demo=_demo_present(session),
        head=heads.head_doc(session),
        settlement=settlement.statement(session, now, year_orders)[0],
    )


def write_acceptance_pack(
    store: Store,
    index: AcceptanceIndex,
    folder: Path,
    translate: Translate,
    progress: Callable[[int, int, str], None] | None = None,
    *,
    show_penalty: bool = False,
) -> PackResult:
    """Write the year-end pack of ``index`` into ``folder`` (the CLI's and the 报表 view's).

    Each signed record is read in a snapshot of its own while the previous one is being
    drawn, so a pack of a whole year never holds one read open for its full length.
    ``show_penalty``: the work orders print the 八、1 exposure, as the setting
    ``workorder_penalty_on_paper`` asks for single orders (off by default).
    """
    from workbench.reports.acceptance import write_pack

    def load_work_order(number: str) -> WorkOrderDoc:
        with store.read() as session:
            return wo.document(session, number, show_penalty=show_penalty)

    def load_round(round_id: str) -> InspectionFormDoc:
        with store.read() as session:
            return inspection_service.round_form(session, round_id, translate)

    return write_pack(
        index,
        folder,
        load_work_order=load_work_order,
        load_round=load_round,
        translate=translate,
        progress=progress,
    )
