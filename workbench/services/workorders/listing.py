"""Work orders: filtered, sorted pages of the list, counts, and the next deadline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, and_, bindparam, case, func, or_, select, tuple_
from sqlalchemy.orm import Session

from workbench.data.models import Asset, Engineer
from workbench.data.models.workorders import WorkOrder, WorkOrderAsset, WorkOrderEvent
from workbench.domain import clocks as clock_rules
from workbench.domain import sla as sla_rules
from workbench.domain import workorders as rules
from workbench.domain.workorders import WorkOrderRow
from workbench.services._common import aware_now
from workbench.services.workorders._helpers import (
    _ContractCache,
    _evaluate_times,
    confirmed_excuses,
    with_excuse,
)
from workbench.services.workorders.read_models import (
    SORT_KEYS,
    UpcomingDeadline,
    WorkOrderFilter,
    WorkOrderPage,
)

QueryT = TypeVar("QueryT", bound=Select[*tuple[Any, ...]])

_EVERY_ORDER = WorkOrderFilter()  # every field left open


def _breached_clause(now: dt.datetime) -> ColumnElement[bool]:
    """SQL for "some SLA target is breached at ``now``" (the rule of domain.sla)."""
    onsite_done = func.coalesce(WorkOrder.onsite_at, WorkOrder.restored_at)

    # A cancelled order's clocks stopped at its cancellation (see _evaluate_times).
    stopped = WorkOrder.cancelled_at

    def late(done: Any, due: Any) -> ColumnElement[bool]:
        running_past = or_(
            and_(stopped.is_(None), due < now), and_(stopped.is_not(None), due < stopped)
        )
        return or_(done > due, and_(done.is_(None), running_past))

    finding = WorkOrder.type.in_(clock_rules.FINDING_TYPES)
    return and_(
        or_(WorkOrder.status != "cancelled", stopped.is_not(None)),
        or_(
            # The contract's three clocks (not for an inspection finding: domain.clocks).
            and_(
                ~finding,
                WorkOrder.response_due.is_not(None),
                or_(
                    late(WorkOrder.responded_at, WorkOrder.response_due),
                    late(onsite_done, WorkOrder.onsite_due),
                    late(WorkOrder.restored_at, WorkOrder.restore_due),
                ),
            ),
            # A finding marked as affecting service: the restore clock only.
            and_(
                finding,
                WorkOrder.affects_service.is_(True),
                WorkOrder.restore_due.is_not(None),
                late(WorkOrder.restored_at, WorkOrder.restore_due),
            ),
            # A deadline the client set; a finding's rectification date (not when it
            # affects service: then the restore clock runs instead). Each guarded by
            # IS NOT NULL, so that "not breached" (NOT ...) never meets a NULL.
            and_(
                WorkOrder.client_deadline.is_not(None),
                late(WorkOrder.restored_at, WorkOrder.client_deadline),
            ),
            and_(
                finding,
                WorkOrder.affects_service.is_(False),
                WorkOrder.rectify_by.is_not(None),
                late(WorkOrder.restored_at, WorkOrder.rectify_by),
            ),
        ),
    )


def _contains(column: Any, pattern: str, dialect: str) -> ColumnElement[bool]:
    """``column`` contains ``pattern`` (a LIKE pattern), ignoring case.

    SQLite's LIKE already ignores case (as far as its ``lower()`` does: ASCII), and
    without the ``lower()`` calls that ``ilike`` adds a search over every order takes half
    the time; other databases get ``ILIKE``.
    """
    if dialect == "sqlite":
        return column.like(pattern, escape="\\")  # type: ignore[no-any-return]
    return column.ilike(pattern, escape="\\")  # type: ignore[no-any-return]


def _filtered(
    query: QueryT, flt: WorkOrderFilter, *, now: dt.datetime, dialect: str = ""
) -> QueryT:
    if flt.status:
        statuses = [flt.status] if isinstance(flt.status, str) else flt.status
        query = query.where(WorkOrder.status.in_(statuses))
    if flt.type:
        types = [flt.type] if isinstance(flt.type, str) else flt.type
        query = query.where(WorkOrder.type.in_(types))
    if flt.engineer_id:
        query = query.where(WorkOrder.engineer_id == flt.engineer_id)
    if flt.breached is not None:
        clause = _breached_clause(now)
        query = query.where(clause if flt.breached else ~clause)
    if flt.start:
        query = query.where(WorkOrder.reported_at >= flt.start)
    if flt.end:
        query = query.where(WorkOrder.reported_at < flt.end)
    if flt.demo is not None:
        query = query.where(WorkOrder.demo.is_(flt.demo))
    search = (flt.search or "").strip()
    if search:
        pattern = "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        # Orders on a matching device: one pass over the few assets, not a correlated
        # subquery per order.
        on_asset = (
            select(WorkOrderAsset.work_order_id)
            .join(Asset, Asset.id == WorkOrderAsset.asset_id)
            .where(_contains(Asset.code, pattern, dialect))
        )
        query = query.where(
            or_(
                _contains(WorkOrder.number, pattern, dialect),
                _contains(WorkOrder.description, pattern, dialect),
                _contains(WorkOrder.reporter_name, pattern, dialect),
                _contains(WorkOrder.reporter_phone, pattern, dialect),
                WorkOrder.id.in_(on_asset),
            )
        )
    return query


def _sort_key(sort: str) -> list[Any]:
    """The expressions a list is ordered by, the order's id last (a total order)."""
    if sort not in SORT_KEYS:
        raise ValueError(f"unknown sort key {sort!r}")
    priority_rank = case(
        {p: i for i, p in enumerate(rules.PRIORITIES)}, value=WorkOrder.priority, else_=99
    )
    keys: dict[str, list[Any]] = {
        "number": [WorkOrder.year, WorkOrder.seq],
        "reported_at": [WorkOrder.reported_at, WorkOrder.year, WorkOrder.seq],
        "status": [WorkOrder.status, WorkOrder.reported_at],
        "type": [WorkOrder.type, WorkOrder.reported_at],
        "priority": [priority_rank, WorkOrder.reported_at],
        "engineer": [func.coalesce(Engineer.name, ""), WorkOrder.reported_at],
    }
    return [*keys[sort], WorkOrder.id]


# What a list line needs of an order, read as plain columns (no ORM objects).
_LIST_COLUMNS = (
    WorkOrder.id,
    WorkOrder.number,
    WorkOrder.type,
    WorkOrder.status,
    WorkOrder.priority,
    WorkOrder.channel,
    WorkOrder.description,
    WorkOrder.reporter_name,
    WorkOrder.engineer_id,
    func.coalesce(Engineer.name, "").label("engineer_name"),
    WorkOrder.reported_at,
    WorkOrder.responded_at,
    WorkOrder.onsite_at,
    WorkOrder.restored_at,
    WorkOrder.closed_at,
    WorkOrder.signed_at,
    WorkOrder.cancelled_at,
    WorkOrder.response_due,
    WorkOrder.contract_id,
    WorkOrder.demo,
    WorkOrder.version,
    WorkOrder.client_deadline,
    WorkOrder.affects_service,
    WorkOrder.rectify_by,
)


_ASSET_CHUNK = 500  # ids per IN list when the assets of many orders are read


def _assets_of(
    session: Session, order_ids: Sequence[str]
) -> dict[str, tuple[list[str], list[str]]]:
    """Codes and names of each order's devices, in the order's own order."""
    found: dict[str, tuple[list[str], list[str]]] = {}
    for first in range(0, len(order_ids), _ASSET_CHUNK):
        chunk = order_ids[first : first + _ASSET_CHUNK]
        for order_id, code, name in session.execute(
            select(WorkOrderAsset.work_order_id, Asset.code, Asset.name)
            .join(Asset, Asset.id == WorkOrderAsset.asset_id)
            .where(WorkOrderAsset.work_order_id.in_(chunk))
            .order_by(WorkOrderAsset.work_order_id, WorkOrderAsset.position)
        ):
            codes, names = found.setdefault(order_id, ([], []))
            codes.append(code)
            names.append(name)
    return found


def count_work_orders(
    session: Session, flt: WorkOrderFilter = _EVERY_ORDER, *, now: dt.datetime | None = None
) -> int:
    """How many orders :func:`list_work_orders` lists with this filter."""
    query = _filtered(
        select(func.count()).select_from(WorkOrder),
        flt,
        now=aware_now(now),
        dialect=session.get_bind().dialect.name,
    )
    return int(session.scalar(query) or 0)


def list_work_orders(
    session: Session,
    flt: WorkOrderFilter = _EVERY_ORDER,
    *,
    sort: str = "reported_at",
    descending: bool = True,
    offset: int = 0,
    limit: int | None = 200,
    now: dt.datetime | None = None,
    at_risk_fraction: float = sla_rules.DEFAULT_AT_RISK_FRACTION,
    total: int | None = None,
    after: tuple[Any, ...] | None = None,
) -> WorkOrderPage:
    """One page of the orders that ``flt`` takes, sorted by ``sort``.

    ``total``: the count of this filter, known from an earlier page (it is then not
    counted again); None counts them. ``after``: the ``next_after`` of the page before,
    to read the next one by its sort key instead of ``offset`` (which makes the
    database step over every row before it: 15-40 ms a page near the end of 20,000).
    """
    now = aware_now(now)
    if total is None:
        total = count_work_orders(session, flt, now=now)
    key = _sort_key(sort)
    query = _filtered(
        select(*_LIST_COLUMNS, *key).outerjoin(Engineer, Engineer.id == WorkOrder.engineer_id),
        flt,
        now=now,
        dialect=session.get_bind().dialect.name,
    ).order_by(*(c.desc() if descending else c.asc() for c in key))
    if after is not None:
        last = tuple_(*(bindparam(None, v, type_=k.type) for k, v in zip(key, after, strict=True)))
        query = query.where(tuple_(*key) < last if descending else tuple_(*key) > last)
    else:
        query = query.offset(offset)
    if limit is not None:
        query = query.limit(limit)
    lines = session.execute(query).all()
    width = len(_LIST_COLUMNS)
    assets = _assets_of(session, [line[0] for line in lines])
    clocks = _ContractCache(session).clocks({line.contract_id for line in lines})
    excuses = confirmed_excuses(session, [line[0] for line in lines])
    no_assets: tuple[list[str], list[str]] = ([], [])
    rows = []
    for (
        order_id,
        number,
        type_,
        status_,
        priority,
        channel,
        description,
        reporter_name,
        engineer_id_,
        engineer_name,
        reported_at,
        responded_at,
        onsite_at,
        restored_at,
        closed_at,
        signed_at,
        cancelled_at,
        response_due,
        contract_id,
        demo_,
        version,
        client_deadline,
        affects_service,
        rectify_by,
        *_sort_values,
    ) in lines:
        items, penalty = _evaluate_times(
            clocks[contract_id],
            status_,
            response_due,
            reported_at,
            responded_at=responded_at,
            onsite_at=onsite_at,
            restored_at=restored_at,
            now=now,
            at_risk_fraction=at_risk_fraction,
            cancelled_at=cancelled_at,
            client_deadline=client_deadline,
            order_type=type_,
            affects_service=bool(affects_service),
            rectify_by=rectify_by,
        )
        codes, names = assets.get(order_id, no_assets)
        row = WorkOrderRow(
            id=order_id,
            number=number,
            type=type_,
            status=status_,
            priority=priority,
            channel=channel,
            asset_codes=tuple(codes),
            asset_names=tuple(names),
            description=description,
            reporter_name=reporter_name,
            engineer_id=engineer_id_,
            engineer_name=engineer_name,
            reported_at=reported_at,
            responded_at=responded_at,
            onsite_at=onsite_at,
            restored_at=restored_at,
            closed_at=closed_at,
            signed_at=signed_at,
            cancelled_at=cancelled_at,
            sla=items,
            breaches=sla_rules.breaches(items),
            days_late=penalty.days_late,
            penalty_cny=penalty.amount_cny,
            penalty_worst_cny=clocks[contract_id].worst_case(items),
            penalty_rule=clocks[contract_id].penalties.day_rule,
            termination_right=penalty.termination_right,
            next_deadline=sla_rules.next_deadline(items),
            demo=bool(demo_),
            evaluated_at=now,
            version=version,
            client_deadline=client_deadline,
            client_deadline_exposure_cny=clocks[contract_id].client_deadline(items),
            affects_service=bool(affects_service),
            rectify_by=rectify_by,
        )
        rows.append(with_excuse(row, excuses.get(order_id)))
    return WorkOrderPage(
        rows=tuple(rows),
        total=total,
        offset=offset,
        limit=limit or 0,
        next_after=tuple(lines[-1][width:]) if lines else None,
    )


def signed_numbers(
    session: Session, start: dt.datetime | None = None, end: dt.datetime | None = None
) -> list[str]:
    """Numbers of signed orders signed in ``start`` <= signed_at < ``end`` (batch print)."""
    query = select(WorkOrder.number).where(WorkOrder.status == "signed")
    if start:
        query = query.where(WorkOrder.signed_at >= start)
    if end:
        query = query.where(WorkOrder.signed_at < end)
    return list(session.scalars(query.order_by(WorkOrder.year, WorkOrder.seq)))


def entered_late(session: Session, order_ids: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """For each order id, the clocks whose time was entered afterwards (补录; the rule
    is :func:`workbench.domain.workorders.entered_late`). Orders with none are left out."""
    steps: dict[str, list[tuple[str, dt.datetime, dt.datetime]]] = {}
    wanted = list(order_ids)
    for start in range(0, len(wanted), 500):  # within every backend's parameter limit
        query = (
            select(
                WorkOrderEvent.work_order_id,
                WorkOrderEvent.to_status,
                WorkOrderEvent.at,
                WorkOrderEvent.recorded_at,
            )
            .where(WorkOrderEvent.work_order_id.in_(wanted[start : start + 500]))
            .order_by(WorkOrderEvent.recorded_at)
        )
        for order_id, status, at, recorded_at in session.execute(query):
            steps.setdefault(order_id, []).append((status, at, recorded_at))
    found = {}
    for order_id, events in steps.items():
        late = tuple(clock for clock, _entered in rules.entered_late(events))
        if late:
            found[order_id] = late
    return found


def next_deadline(session: Session, now: dt.datetime | None = None) -> UpcomingDeadline | None:
    """The next SLA deadline among open orders (for the status bar), or None."""
    now = aware_now(now)
    orders = session.execute(
        select(
            WorkOrder.number,
            WorkOrder.status,
            WorkOrder.response_due,
            WorkOrder.reported_at,
            WorkOrder.responded_at,
            WorkOrder.onsite_at,
            WorkOrder.restored_at,
            WorkOrder.contract_id,
        ).where(WorkOrder.status.in_(rules.OPEN_STATUSES), WorkOrder.response_due.is_not(None))
    ).all()
    clocks = _ContractCache(session).clocks({order.contract_id for order in orders})
    best: tuple[dt.datetime, str, sla_rules.SlaItem] | None = None
    overdue = 0
    for number, status, response_due, reported_at, responded, onsite, restored, contract in orders:
        items, _ = _evaluate_times(
            clocks[contract],
            status,
            response_due,
            reported_at,
            responded_at=responded,
            onsite_at=onsite,
            restored_at=restored,
            now=now,
            at_risk_fraction=sla_rules.DEFAULT_AT_RISK_FRACTION,
        )
        if any(i.state == "breached" and i.open for i in items):
            overdue += 1
        upcoming = sla_rules.next_deadline(items)
        if upcoming is not None and (best is None or upcoming.deadline < best[0]):
            best = (upcoming.deadline, number, upcoming)
    if best is None:
        return None if overdue == 0 else UpcomingDeadline("", "", now, "breached", overdue)
    deadline, number, item = best
    return UpcomingDeadline(number, item.key, deadline, item.state, overdue)
