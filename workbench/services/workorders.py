"""Work orders (工单): report, advance, log, sign off, amend; and their read models.

Every function takes the caller's session (one transaction per user action) and returns
plain frozen dataclasses. The rules of statuses and numbers are in
:mod:`workbench.domain.workorders`, the clock and penalties in :mod:`workbench.domain.sla`;
the contract's SLA and penalty terms come from the stored contract, never from code.

A signed order is immutable: every function that would change it refuses with a
:class:`WorkbenchError`; corrections are amendments (:func:`amend_work_order`, chained
like the order itself) and amending log entries (:func:`append_log` with ``amends_id``).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, and_, bindparam, case, func, or_, select, tuple_
from sqlalchemy.orm import Session, selectinload

from workbench.data.models import Asset, Contract, Engineer
from workbench.data.models.workorders import (
    WorkLogEntry,
    WorkOrder,
    WorkOrderAmendment,
    WorkOrderAsset,
    WorkOrderEvent,
)
from workbench.domain import sla as sla_rules
from workbench.domain import workorders as rules
from workbench.domain.contract import (
    PenaltyTerms,
    SlaTerms,
    penalties_from_terms,
    sla_from_terms,
)
from workbench.domain.documents import (
    AssetLine,
    ContractHeader,
    LogLine,
    Party,
    SignatureDoc,
    SlaLine,
    WorkOrderDoc,
)
from workbench.domain.messages import QT_TRANSLATE_NOOP, WorkbenchError
from workbench.domain.scancodes import record_payload
from workbench.domain.timeutil import now as utc_now
from workbench.domain.workorders import LogEntryView, WorkOrderRow
from workbench.services import engineers as engineer_service
from workbench.services import signing
from workbench.services.setup import current_contract

log = logging.getLogger("workbench.services.workorders")

RECORD_TYPE = "work_order"
AMENDMENT_RECORD_TYPE = "work_order_amendment"
# How far in the future a typed time may lie (clocks of two laptops differ a little).
CLOCK_TOLERANCE = dt.timedelta(minutes=2)
EDITABLE_FIELDS = (
    "priority",
    "channel",
    "reporter_name",
    "reporter_phone",
    "description",
    "engineer_id",
    "cause",
    "resolution",
    "contractor_caused",
)
AMENDABLE_FIELDS = (
    "",
    "description",
    "cause",
    "resolution",
    "reporter_name",
    "reporter_phone",
    "contractor_caused",
    "assets",
)
QueryT = TypeVar("QueryT", bound=Select[*tuple[Any, ...]])
SORT_KEYS = ("number", "reported_at", "status", "type", "priority", "engineer")


# -- read models ----------------------------------------------------------------------


@dataclass(frozen=True)
class WorkOrderPage:
    rows: tuple[WorkOrderRow, ...]
    total: int
    offset: int
    limit: int
    # Where the next page starts: the sort key of the last row (``after`` of
    # :func:`list_work_orders`); None when the page is empty.
    next_after: tuple[Any, ...] | None = None


@dataclass(frozen=True)
class EventView:
    from_status: str
    to_status: str
    at: dt.datetime
    actor: str
    engineer_name: str
    note: str
    recorded_at: dt.datetime


@dataclass(frozen=True)
class AmendmentView:
    id: str
    work_order_number: str
    field: str
    old_value: str
    new_value: str
    reason: str
    engineer_name: str
    created_at: dt.datetime
    content_hash: str | None


@dataclass(frozen=True)
class WorkOrderDetail:
    row: WorkOrderRow
    contract_number: str
    reporter_phone: str
    cause: str
    resolution: str
    contractor_caused: bool
    service_extension: dt.timedelta | None  # the contractor caused it: the period extends
    assets: tuple[AssetLine, ...]
    events: tuple[EventView, ...]
    log: tuple[LogEntryView, ...]
    signatures: tuple[SignatureDoc, ...]
    amendments: tuple[AmendmentView, ...]
    allowed_moves: tuple[str, ...]
    editable: bool
    record_hash: str | None
    chain_seq: int | None
    qr_payload: str | None

    @property
    def number(self) -> str:
        return self.row.number

    @property
    def status(self) -> str:
        return self.row.status


@dataclass(frozen=True)
class UpcomingDeadline:
    number: str
    key: str  # "response" | "onsite" | "restore"
    deadline: dt.datetime
    state: str  # "pending" | "at_risk"
    overdue_open: int  # open orders already past a deadline


@dataclass(frozen=True)
class ScanCheck:
    """What a scanned printed work order says about the record.

    ``state``: ``match`` (the paper is the signed record, and the record is intact),
    ``paper_mismatch`` (the paper's hash is not the record's: an older or forged paper),
    ``record_altered`` (the stored record no longer matches its signed hash),
    ``unsigned`` (the order exists but is not signed), ``unknown`` (no such order).
    """

    number: str
    state: str
    record_hash: str | None

    @property
    def matches(self) -> bool:
        return self.state == "match"


# -- helpers --------------------------------------------------------------------------


def _now(now: dt.datetime | None) -> dt.datetime:
    value = now or utc_now()
    if value.tzinfo is None:
        raise ValueError("naive datetime")
    return value


def _actor(session: Session) -> str:
    return str(session.info.get("actor", ""))


def _order(session: Session, number: str) -> WorkOrder:
    order = session.scalar(
        select(WorkOrder)
        .where(WorkOrder.number == number.strip().upper())
        .options(selectinload(WorkOrder.asset_links))
    )
    if order is None:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "No work order {number}."), number=number.strip()
        )
    return order


def _require_editable(order: WorkOrder) -> None:
    if order.status == "signed":
        raise WorkbenchError(
            QT_TRANSLATE_NOOP(
                "messages",
                "Work order {number} is signed and can no longer be changed; "
                "record an amendment instead.",
            ),
            number=order.number,
        )
    if order.status == "cancelled":
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "Work order {number} is cancelled."),
            number=order.number,
        )


def _check_time(at: dt.datetime, now: dt.datetime) -> dt.datetime:
    if at.tzinfo is None:
        raise ValueError("naive datetime")
    if at > now + CLOCK_TOLERANCE:
        raise WorkbenchError(QT_TRANSLATE_NOOP("messages", "The time lies in the future."))
    return at


@dataclass(frozen=True)
class _Clock:
    """A contract's SLA and penalty terms, read once per query rather than once per row."""

    sla: SlaTerms
    penalties: PenaltyTerms
    total_cny: Decimal

    @classmethod
    def of(cls, terms: dict[str, Any], total_cny: Decimal) -> _Clock:
        return cls(sla_from_terms(terms), penalties_from_terms(terms), total_cny)


class _ContractCache:
    def __init__(self, session: Session) -> None:
        self.session = session
        self._cache: dict[str, Contract] = {}
        self._clocks: dict[str, _Clock] = {}

    def get(self, contract_id: str) -> Contract:
        if contract_id not in self._cache:
            contract = self.session.get(Contract, contract_id)
            assert contract is not None
            self._cache[contract_id] = contract
        return self._cache[contract_id]

    def clock(self, contract_id: str) -> _Clock:
        if contract_id not in self._clocks:
            contract = self.get(contract_id)
            self._clocks[contract_id] = _Clock.of(contract.terms, contract.total_cny)
        return self._clocks[contract_id]

    def clocks(self, contract_ids: Iterable[str]) -> dict[str, _Clock]:
        """The clocks of these contracts, read in one plain query (no ORM objects)."""
        wanted = set(contract_ids) - self._clocks.keys()
        if wanted:
            for contract_id, terms, total in self.session.execute(
                select(Contract.id, Contract.terms, Contract.total_cny).where(
                    Contract.id.in_(sorted(wanted))
                )
            ):
                self._clocks[contract_id] = _Clock.of(terms, total)
        return self._clocks


def _evaluate_times(
    clock: _Clock,
    status: str,
    response_due: dt.datetime | None,
    reported_at: dt.datetime,
    *,
    responded_at: dt.datetime | None,
    onsite_at: dt.datetime | None,
    restored_at: dt.datetime | None,
    now: dt.datetime,
    at_risk_fraction: float,
) -> tuple[tuple[sla_rules.SlaItem, ...], sla_rules.Penalty]:
    if status == "cancelled" or response_due is None:
        return (), sla_rules.NO_PENALTY
    items = sla_rules.evaluate(
        clock.sla,
        reported_at,
        responded_at=responded_at,
        onsite_at=onsite_at,
        restored_at=restored_at,
        now=now,
        at_risk_fraction=at_risk_fraction,
    )
    return items, sla_rules.penalty(items, clock.total_cny, clock.penalties)


def _evaluate(
    order: WorkOrder, clock: _Clock, now: dt.datetime, at_risk_fraction: float
) -> tuple[tuple[sla_rules.SlaItem, ...], sla_rules.Penalty]:
    return _evaluate_times(
        clock,
        order.status,
        order.response_due,
        order.reported_at,
        responded_at=order.responded_at,
        onsite_at=order.onsite_at,
        restored_at=order.restored_at,
        now=now,
        at_risk_fraction=at_risk_fraction,
    )


def _row(
    order: WorkOrder,
    clock: _Clock,
    now: dt.datetime,
    at_risk_fraction: float = sla_rules.DEFAULT_AT_RISK_FRACTION,
) -> WorkOrderRow:
    items, penalty = _evaluate(order, clock, now, at_risk_fraction)
    assets = [link.asset for link in order.asset_links]
    return WorkOrderRow(
        id=order.id,
        number=order.number,
        type=order.type,
        status=order.status,
        priority=order.priority,
        channel=order.channel,
        asset_codes=tuple(a.code for a in assets),
        asset_names=tuple(a.name for a in assets),
        description=order.description,
        reporter_name=order.reporter_name,
        engineer_id=order.engineer_id,
        engineer_name=order.engineer.name if order.engineer else "",
        reported_at=order.reported_at,
        responded_at=order.responded_at,
        onsite_at=order.onsite_at,
        restored_at=order.restored_at,
        closed_at=order.closed_at,
        signed_at=order.signed_at,
        cancelled_at=order.cancelled_at,
        sla=items,
        breaches=sla_rules.breaches(items),
        days_late=penalty.days_late,
        penalty_cny=penalty.amount_cny,
        termination_right=penalty.termination_right,
        next_deadline=sla_rules.next_deadline(items),
        demo=order.demo,
        evaluated_at=now,
    )


def _resolve_assets(session: Session, codes: Sequence[str]) -> list[Asset]:
    wanted = [c.strip().upper() for c in codes if c.strip()]
    found = {a.code: a for a in session.scalars(select(Asset).where(Asset.code.in_(wanted)))}
    missing = [c for c in wanted if c not in found]
    if missing:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "Unknown asset code: {codes}"), codes=", ".join(missing)
        )
    seen: set[str] = set()
    result = []
    for code in wanted:
        if code not in seen:
            seen.add(code)
            result.append(found[code])
    return result


def _set_assets(order: WorkOrder, assets: Sequence[Asset]) -> None:
    current = {link.asset_id: link for link in order.asset_links}
    wanted = [a.id for a in assets]
    for asset_id, link in list(current.items()):
        if asset_id not in wanted:
            order.asset_links.remove(link)  # delete-orphan removes the row
    for position, asset in enumerate(assets):
        if asset.id in current:
            current[asset.id].position = position
        else:
            order.asset_links.append(WorkOrderAsset(asset_id=asset.id, position=position))


def _check_choice(value: str, choices: Iterable[str], template: str) -> None:
    if value not in choices:
        raise WorkbenchError(template, value=value)


# -- creating and changing ------------------------------------------------------------


def create_work_order(
    session: Session,
    *,
    type: str,
    channel: str,
    description: str,
    asset_codes: Sequence[str] = (),
    reporter_name: str = "",
    reporter_phone: str = "",
    priority: str = "normal",
    engineer_id: str | None = None,
    reported_at: dt.datetime | None = None,
    now: dt.datetime | None = None,
    demo: bool = False,
) -> WorkOrderRow:
    """Report a new work order; its number is taken in this transaction."""
    now = _now(now)
    _check_choice(
        type, rules.TYPES, QT_TRANSLATE_NOOP("messages", "Unknown work order type {value}.")
    )
    _check_choice(
        channel, rules.CHANNELS, QT_TRANSLATE_NOOP("messages", "Unknown channel {value}.")
    )
    _check_choice(
        priority, rules.PRIORITIES, QT_TRANSLATE_NOOP("messages", "Unknown priority {value}.")
    )
    description = description.strip()
    if not description:
        raise WorkbenchError(QT_TRANSLATE_NOOP("messages", "Describe the problem or the task."))
    reported_at = _check_time(reported_at or now, now)
    contract = current_contract(session)
    if contract is None:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "No contract is loaded; run 'workbench init' first.")
        )
    assets = _resolve_assets(session, asset_codes)
    if rules.sla_applies(type) and not assets:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "Name the device or system the fault is on.")
        )
    if engineer_id is not None:
        engineer_service.get_engineer(session, engineer_id)

    year = rules.number_year(reported_at)
    counter = signing.lock_counter(session, f"work_order:{year}")
    counter.value += 1
    seq = counter.value
    due: dict[str, dt.datetime | None] = {"response": None, "onsite": None, "restore": None}
    if rules.sla_applies(type):
        due.update(sla_rules.deadlines(reported_at, sla_from_terms(contract.terms)))
    order = WorkOrder(
        number=rules.format_number(year, seq),
        year=year,
        seq=seq,
        contract_id=contract.id,
        type=type,
        channel=channel,
        priority=priority,
        status="reported",
        reporter_name=reporter_name.strip(),
        reporter_phone=reporter_phone.strip(),
        description=description,
        engineer_id=engineer_id,
        reported_at=reported_at,
        response_due=due["response"],
        onsite_due=due["onsite"],
        restore_due=due["restore"],
        created_by=_actor(session),
        demo=demo,
    )
    session.add(order)
    _set_assets(order, assets)
    session.add(
        WorkOrderEvent(
            work_order=order,
            from_status="",
            to_status="reported",
            at=reported_at,
            actor=_actor(session),
            engineer_id=engineer_id,
            recorded_at=now,
        )
    )
    session.flush()
    log.info("work order %s reported", order.number)
    return _row(order, _Clock.of(contract.terms, contract.total_cny), now)


def update_work_order(
    session: Session,
    number: str,
    *,
    asset_codes: Sequence[str] | None = None,
    now: dt.datetime | None = None,
    **changes: Any,
) -> WorkOrderRow:
    """Change the editable fields of an unsigned order (``priority``, ``channel``,
    ``reporter_name``, ``reporter_phone``, ``description``, ``engineer_id``, ``cause``,
    ``resolution``, ``contractor_caused``) and its assets."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"not editable: {', '.join(sorted(unknown))}")
    order = _order(session, number)
    _require_editable(order)
    if "priority" in changes:
        _check_choice(
            changes["priority"],
            rules.PRIORITIES,
            QT_TRANSLATE_NOOP("messages", "Unknown priority {value}."),
        )
    if "channel" in changes:
        _check_choice(
            changes["channel"],
            rules.CHANNELS,
            QT_TRANSLATE_NOOP("messages", "Unknown channel {value}."),
        )
    if "description" in changes and not str(changes["description"]).strip():
        raise WorkbenchError(QT_TRANSLATE_NOOP("messages", "Describe the problem or the task."))
    if changes.get("engineer_id") is not None:
        engineer_service.get_engineer(session, changes["engineer_id"])
    for key, given in changes.items():
        value = given.strip() if isinstance(given, str) and key != "engineer_id" else given
        if key == "contractor_caused":
            value = bool(value)
        if key == "engineer_id":
            if order.engineer_id != value:
                order.engineer = (
                    engineer_service.get_engineer(session, value) if value is not None else None
                )
        elif getattr(order, key) != value:
            setattr(order, key, value)
    if asset_codes is not None:
        assets = _resolve_assets(session, asset_codes)
        if rules.sla_applies(order.type) and not assets:
            raise WorkbenchError(
                QT_TRANSLATE_NOOP("messages", "Name the device or system the fault is on.")
            )
        _set_assets(order, assets)
    session.flush()
    return _row(order, _ContractCache(session).clock(order.contract_id), _now(now))


def advance(
    session: Session,
    number: str,
    to_status: str,
    *,
    at: dt.datetime | None = None,
    engineer_id: str | None = None,
    note: str = "",
    now: dt.datetime | None = None,
) -> WorkOrderRow:
    """Move an order to its next status at ``at`` (default now), recording who did it."""
    now = _now(now)
    order = _order(session, number)
    if to_status == "signed":
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "A work order is signed only through the sign-off.")
        )
    if to_status not in rules.STATUSES:
        raise ValueError(f"unknown status {to_status!r}")
    _require_editable(order)
    if not rules.can_move(order.status, to_status):
        raise WorkbenchError(
            QT_TRANSLATE_NOOP(
                "messages", "Work order {number} cannot move from {current} to {target}."
            ),
            number=order.number,
            current=order.status,
            target=to_status,
        )
    at = _check_time(at or now, now)
    previous = max(
        t
        for t in (order.reported_at, order.responded_at, order.onsite_at, order.restored_at)
        if t is not None
    )
    if at < previous:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "The time lies before the previous step of {number}."),
            number=order.number,
        )
    if to_status == "closed" and not order.resolution.strip():
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "Write the result of the work before closing {number}."),
            number=order.number,
        )
    if engineer_id is not None:
        engineer_service.get_engineer(session, engineer_id)
        if order.engineer_id is None:
            order.engineer = engineer_service.get_engineer(session, engineer_id)
    session.add(
        WorkOrderEvent(
            work_order_id=order.id,
            from_status=order.status,
            to_status=to_status,
            at=at,
            actor=_actor(session),
            engineer_id=engineer_id,
            note=note.strip(),
            recorded_at=now,
        )
    )
    setattr(order, rules.STATUS_TIME_FIELD[to_status], at)
    order.status = to_status
    session.flush()
    log.info("work order %s -> %s", order.number, to_status)
    return _row(order, _ContractCache(session).clock(order.contract_id), now)


# -- the work log ---------------------------------------------------------------------


def _log_view(entry: WorkLogEntry, number: str | None, amended: set[str]) -> LogEntryView:
    return LogEntryView(
        id=entry.id,
        work_order_number=number,
        engineer_id=entry.engineer_id,
        engineer_name=entry.engineer.name,
        at=entry.at,
        recorded_at=entry.recorded_at,
        text=entry.text,
        amends_id=entry.amends_id,
        amends_at=entry.amends.at if entry.amends is not None else None,
        amended=entry.id in amended,
        demo=entry.demo,
    )


def append_log(
    session: Session,
    *,
    engineer_id: str,
    text: str,
    work_order_number: str | None = None,
    at: dt.datetime | None = None,
    amends_id: str | None = None,
    now: dt.datetime | None = None,
    demo: bool = False,
) -> LogEntryView:
    """Add a 工作日志 entry (for one order, or free). Entries are never changed or
    deleted: to correct one, add an entry that ``amends`` it."""
    now = _now(now)
    text = text.strip()
    if not text:
        raise WorkbenchError(QT_TRANSLATE_NOOP("messages", "The log entry is empty."))
    at = _check_time(at or now, now)
    engineer_service.get_engineer(session, engineer_id)
    order = _order(session, work_order_number) if work_order_number else None
    if amends_id is not None:
        old = session.get(WorkLogEntry, amends_id)
        if old is None or old.work_order_id != (order.id if order else None):
            raise WorkbenchError(
                QT_TRANSLATE_NOOP("messages", "The entry to correct does not belong here.")
            )
    elif order is not None and order.status == "signed":
        raise WorkbenchError(
            QT_TRANSLATE_NOOP(
                "messages",
                "Work order {number} is signed; its log takes only corrections of entries.",
            ),
            number=order.number,
        )
    entry = WorkLogEntry(
        work_order_id=order.id if order else None,
        engineer_id=engineer_id,
        at=at,
        recorded_at=now,
        text=text,
        amends_id=amends_id,
        demo=demo,
    )
    session.add(entry)
    session.flush()
    return _log_view(entry, order.number if order else None, set())


def list_log(
    session: Session,
    *,
    work_order_number: str | None = None,
    free_only: bool = False,
    engineer_id: str | None = None,
    start: dt.datetime | None = None,
    end: dt.datetime | None = None,
    offset: int = 0,
    limit: int | None = None,
) -> list[LogEntryView]:
    """Log entries by time (``start`` <= at < ``end``)."""
    query = (
        select(WorkLogEntry, WorkOrder.number)
        .outerjoin(WorkOrder, WorkOrder.id == WorkLogEntry.work_order_id)
        .options(selectinload(WorkLogEntry.amends))
    )
    if work_order_number:
        query = query.where(WorkOrder.number == work_order_number.strip().upper())
    elif free_only:
        query = query.where(WorkLogEntry.work_order_id.is_(None))
    if engineer_id:
        query = query.where(WorkLogEntry.engineer_id == engineer_id)
    if start:
        query = query.where(WorkLogEntry.at >= start)
    if end:
        query = query.where(WorkLogEntry.at < end)
    query = query.order_by(WorkLogEntry.at, WorkLogEntry.recorded_at, WorkLogEntry.id)
    query = query.offset(offset)
    if limit is not None:
        query = query.limit(limit)
    results = session.execute(query).all()
    ids = [entry.id for entry, _ in results]
    amended = {
        amends_id
        for amends_id in session.scalars(
            select(WorkLogEntry.amends_id).where(WorkLogEntry.amends_id.in_(ids))
        )
        if amends_id is not None
    }
    return [_log_view(entry, number, amended) for entry, number in results]


# -- sign-off and amendments ----------------------------------------------------------


def sign_off(
    session: Session,
    number: str,
    *,
    engineer_id: str,
    pin: str,
    engineer_strokes: Sequence[Sequence[Sequence[float]]],
    client_name: str,
    client_strokes: Sequence[Sequence[Sequence[float]]],
    engineer_aspect: float = 3.0,
    client_aspect: float = 3.0,
    now: dt.datetime | None = None,
) -> WorkOrderDetail:
    """Both sides sign: the engineer with PIN and signature, the client representative
    with typed name and signature. The order is closed if it was only restored, then
    signed, locked and linked into the chain, all in the caller's transaction.

    A wrong PIN raises (and counts towards the lock-out even though the transaction
    rolls back)."""
    now = _now(now)
    order = _order(session, number)
    _require_editable(order)
    if order.status not in ("restored", "closed"):
        raise WorkbenchError(
            QT_TRANSLATE_NOOP(
                "messages", "Work order {number} can be signed once service is restored."
            ),
            number=order.number,
        )
    if not order.resolution.strip():
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "Write the result of the work before closing {number}."),
            number=order.number,
        )
    engineer = engineer_service.require_pin(session, engineer_id, pin, now)
    return sign_verified(
        session,
        order,
        engineer,
        engineer_strokes=engineer_strokes,
        engineer_aspect=engineer_aspect,
        client_name=client_name,
        client_strokes=client_strokes,
        client_aspect=client_aspect,
        now=now,
    )


def sign_verified(
    session: Session,
    order: WorkOrder,
    engineer: Engineer,
    *,
    engineer_strokes: Sequence[Sequence[Sequence[float]]],
    engineer_aspect: float,
    client_name: str,
    client_strokes: Sequence[Sequence[Sequence[float]]],
    client_aspect: float,
    now: dt.datetime,
) -> WorkOrderDetail:
    """The sign-off after the engineer has been verified (by :func:`sign_off`'s PIN
    check, or by the demo filler, which knows its engineers' PINs): signatures, status,
    chain link. The order must be restored or closed, with its result written."""
    if order.status not in ("restored", "closed"):
        raise WorkbenchError(
            QT_TRANSLATE_NOOP(
                "messages", "Work order {number} can be signed once service is restored."
            ),
            number=order.number,
        )
    if not client_name.strip():
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "Type the client representative's name.")
        )
    signing.save_signature(
        session,
        RECORD_TYPE,
        order.id,
        "engineer",
        engineer.name,
        engineer_strokes,
        engineer_aspect,
        engineer_id=engineer.id,
        signed_at=now,
    )
    signing.save_signature(
        session,
        RECORD_TYPE,
        order.id,
        "client",
        client_name,
        client_strokes,
        client_aspect,
        signed_at=now,
    )
    if order.engineer_id is None:
        order.engineer = engineer
    steps = ["closed", "signed"] if order.status == "restored" else ["signed"]
    for step in steps:
        session.add(
            WorkOrderEvent(
                work_order_id=order.id,
                from_status=order.status,
                to_status=step,
                at=now,
                actor=_actor(session),
                engineer_id=engineer.id,
                recorded_at=now,
            )
        )
        setattr(order, rules.STATUS_TIME_FIELD[step], now)
        order.status = step
    session.flush()
    signing.append_to_chain(session, RECORD_TYPE, order.id, signed_at=now)
    log.info("work order %s signed", order.number)
    return detail(session, order.number, now=now)


def _field_text(order: WorkOrder, field: str) -> str:
    if field == "":
        return ""
    if field == "assets":
        return ", ".join(link.asset.code for link in order.asset_links)
    if field == "contractor_caused":
        return "true" if order.contractor_caused else "false"
    return str(getattr(order, field))


def amend_work_order(
    session: Session,
    number: str,
    *,
    engineer_id: str,
    pin: str,
    new_value: str,
    reason: str,
    field: str = "",
    now: dt.datetime | None = None,
    demo: bool = False,
) -> AmendmentView:
    """Correct a signed order by a new, signed record linked to it; the order stays as
    signed. ``field`` names what is corrected (empty: a general note)."""
    now = _now(now)
    if field not in AMENDABLE_FIELDS:
        raise ValueError(f"not amendable: {field!r}")
    order = _order(session, number)
    if order.status != "signed":
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "Work order {number} is not signed; change it directly."),
            number=order.number,
        )
    if not reason.strip() or not new_value.strip():
        raise WorkbenchError(QT_TRANSLATE_NOOP("messages", "Give the correction and its reason."))
    engineer = engineer_service.require_pin(session, engineer_id, pin, now)
    amendment = WorkOrderAmendment(
        work_order_id=order.id,
        engineer_id=engineer.id,
        field=field,
        old_value=_field_text(order, field),
        new_value=new_value.strip(),
        reason=reason.strip(),
        created_at=now,
        demo=demo,
    )
    session.add(amendment)
    session.flush()
    link = signing.append_to_chain(session, AMENDMENT_RECORD_TYPE, amendment.id, signed_at=now)
    return _amendment_view(amendment, order.number, link.content_hash)


def _amendment_view(a: WorkOrderAmendment, number: str, content_hash: str | None) -> AmendmentView:
    return AmendmentView(
        id=a.id,
        work_order_number=number,
        field=a.field,
        old_value=a.old_value,
        new_value=a.new_value,
        reason=a.reason,
        engineer_name=a.engineer.name,
        created_at=a.created_at,
        content_hash=content_hash,
    )


# -- canonical content (the chain) ----------------------------------------------------


def _order_by_id(session: Session, record_id: str) -> WorkOrder:
    order = session.get(WorkOrder, record_id)
    if order is None:
        raise signing.RecordMissingError(record_id)
    return order


def _engineer_name(session: Session, engineer_id: str | None) -> str:
    if engineer_id is None:
        return ""
    engineer = session.get(Engineer, engineer_id)
    return engineer.name if engineer else ""


def work_order_content(session: Session, record_id: str) -> dict[str, Any]:
    """What a signature on a work order covers (see :mod:`workbench.domain.hashing`)."""
    order = _order_by_id(session, record_id)
    contract = session.get(Contract, order.contract_id)
    events = session.scalars(
        select(WorkOrderEvent)
        .where(WorkOrderEvent.work_order_id == order.id)
        .order_by(WorkOrderEvent.at, WorkOrderEvent.recorded_at, WorkOrderEvent.to_status)
    )
    entries_query = select(WorkLogEntry).where(WorkLogEntry.work_order_id == order.id)
    if order.signed_at is not None:
        # Entries written after the sign-off are corrections, outside the signed content.
        entries_query = entries_query.where(WorkLogEntry.recorded_at <= order.signed_at)
    entries = session.scalars(
        entries_query.order_by(WorkLogEntry.at, WorkLogEntry.recorded_at, WorkLogEntry.text)
    )
    assets = session.scalars(
        select(Asset.code)
        .join(WorkOrderAsset, WorkOrderAsset.asset_id == Asset.id)
        .where(WorkOrderAsset.work_order_id == order.id)
        .order_by(WorkOrderAsset.position)
    )
    return {
        "record_type": RECORD_TYPE,
        "number": order.number,
        "contract": contract.number if contract else "",
        "type": order.type,
        "channel": order.channel,
        "priority": order.priority,
        "status": order.status,
        "reporter_name": order.reporter_name,
        "reporter_phone": order.reporter_phone,
        "description": order.description,
        "engineer": _engineer_name(session, order.engineer_id),
        "assets": list(assets),
        "reported_at": order.reported_at,
        "responded_at": order.responded_at,
        "onsite_at": order.onsite_at,
        "restored_at": order.restored_at,
        "closed_at": order.closed_at,
        "signed_at": order.signed_at,
        "cancelled_at": order.cancelled_at,
        "response_due": order.response_due,
        "onsite_due": order.onsite_due,
        "restore_due": order.restore_due,
        "cause": order.cause,
        "resolution": order.resolution,
        "contractor_caused": order.contractor_caused,
        "demo": order.demo,
        "events": [
            {
                "from": e.from_status,
                "to": e.to_status,
                "at": e.at,
                "actor": e.actor,
                "engineer": _engineer_name(session, e.engineer_id),
                "note": e.note,
            }
            for e in events
        ],
        "log": [
            {
                "at": e.at,
                "recorded_at": e.recorded_at,
                "engineer": _engineer_name(session, e.engineer_id),
                "text": e.text,
                "amends_at": e.amends.at if e.amends is not None else None,
            }
            for e in entries
        ],
        "signatures": signing.signatures_content(session, RECORD_TYPE, order.id),
    }


def _work_order_label(session: Session, record_id: str) -> str:
    return _order_by_id(session, record_id).number


def _signed_work_orders(session: Session) -> Iterable[str]:
    return session.scalars(select(WorkOrder.id).where(WorkOrder.status == "signed"))


def amendment_content(session: Session, record_id: str) -> dict[str, Any]:
    amendment = session.get(WorkOrderAmendment, record_id)
    if amendment is None:
        raise signing.RecordMissingError(record_id)
    return {
        "record_type": AMENDMENT_RECORD_TYPE,
        "work_order": amendment.work_order.number,
        "engineer": amendment.engineer.name,
        "field": amendment.field,
        "old_value": amendment.old_value,
        "new_value": amendment.new_value,
        "reason": amendment.reason,
        "created_at": amendment.created_at,
        "demo": amendment.demo,
    }


def _amendment_label(session: Session, record_id: str) -> str:
    amendment = session.get(WorkOrderAmendment, record_id)
    if amendment is None:
        raise signing.RecordMissingError(record_id)
    earlier = session.scalar(
        select(func.count())
        .select_from(WorkOrderAmendment)
        .where(
            WorkOrderAmendment.work_order_id == amendment.work_order_id,
            WorkOrderAmendment.created_at <= amendment.created_at,
        )
    )
    return f"{amendment.work_order.number}/A{earlier or 1}"


SIGNED_WORK_ORDER = signing.SignedKind(
    RECORD_TYPE, work_order_content, label=_work_order_label, signed_ids=_signed_work_orders
)
SIGNED_AMENDMENT = signing.SignedKind(AMENDMENT_RECORD_TYPE, amendment_content, _amendment_label)


# -- queries --------------------------------------------------------------------------


def _breached_clause(now: dt.datetime) -> ColumnElement[bool]:
    """SQL for "some SLA target is breached at ``now``" (the rule of domain.sla)."""
    onsite_done = func.coalesce(WorkOrder.onsite_at, WorkOrder.restored_at)

    def late(done: Any, due: Any) -> ColumnElement[bool]:
        return or_(done > due, and_(done.is_(None), due < now))

    return and_(
        WorkOrder.status != "cancelled",
        WorkOrder.response_due.is_not(None),
        or_(
            late(WorkOrder.responded_at, WorkOrder.response_due),
            late(onsite_done, WorkOrder.onsite_due),
            late(WorkOrder.restored_at, WorkOrder.restore_due),
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
    query: QueryT,
    *,
    status: str | Sequence[str] | None,
    type: str | Sequence[str] | None,
    engineer_id: str | None,
    breached: bool | None,
    start: dt.datetime | None,
    end: dt.datetime | None,
    search: str | None,
    demo: bool | None,
    now: dt.datetime,
    dialect: str = "",
) -> QueryT:
    if status:
        query = query.where(WorkOrder.status.in_([status] if isinstance(status, str) else status))
    if type:
        query = query.where(WorkOrder.type.in_([type] if isinstance(type, str) else type))
    if engineer_id:
        query = query.where(WorkOrder.engineer_id == engineer_id)
    if breached is not None:
        clause = _breached_clause(now)
        query = query.where(clause if breached else ~clause)
    if start:
        query = query.where(WorkOrder.reported_at >= start)
    if end:
        query = query.where(WorkOrder.reported_at < end)
    if demo is not None:
        query = query.where(WorkOrder.demo.is_(demo))
    if search and search.strip():
        pattern = (
            "%" + search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        )
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
    session: Session,
    *,
    status: str | Sequence[str] | None = None,
    type: str | Sequence[str] | None = None,
    engineer_id: str | None = None,
    breached: bool | None = None,
    start: dt.datetime | None = None,
    end: dt.datetime | None = None,
    search: str | None = None,
    demo: bool | None = None,
    now: dt.datetime | None = None,
) -> int:
    """How many orders :func:`list_work_orders` lists with these filters."""
    query = _filtered(
        select(func.count()).select_from(WorkOrder),
        status=status,
        type=type,
        engineer_id=engineer_id,
        breached=breached,
        start=start,
        end=end,
        search=search,
        demo=demo,
        now=_now(now),
        dialect=session.get_bind().dialect.name,
    )
    return int(session.scalar(query) or 0)


def list_work_orders(
    session: Session,
    *,
    status: str | Sequence[str] | None = None,
    type: str | Sequence[str] | None = None,
    engineer_id: str | None = None,
    breached: bool | None = None,
    start: dt.datetime | None = None,
    end: dt.datetime | None = None,
    search: str | None = None,
    demo: bool | None = None,
    sort: str = "reported_at",
    descending: bool = True,
    offset: int = 0,
    limit: int | None = 200,
    now: dt.datetime | None = None,
    at_risk_fraction: float = sla_rules.DEFAULT_AT_RISK_FRACTION,
    total: int | None = None,
    after: tuple[Any, ...] | None = None,
) -> WorkOrderPage:
    """One page of work orders, filtered and sorted by the query.

    ``total``: the count of these filters, known from an earlier page (it is then not
    counted again); None counts them. ``after``: the ``next_after`` of the page before,
    to read the next one by its sort key instead of ``offset`` (which makes the
    database step over every row before it: 15-40 ms a page near the end of 20,000).
    """
    now = _now(now)
    filters: dict[str, Any] = {
        "status": status,
        "type": type,
        "engineer_id": engineer_id,
        "breached": breached,
        "start": start,
        "end": end,
        "search": search,
        "demo": demo,
    }
    if total is None:
        total = count_work_orders(session, now=now, **filters)
    key = _sort_key(sort)
    query = _filtered(
        select(*_LIST_COLUMNS, *key).outerjoin(Engineer, Engineer.id == WorkOrder.engineer_id),
        now=now,
        dialect=session.get_bind().dialect.name,
        **filters,
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
        )
        codes, names = assets.get(order_id, no_assets)
        rows.append(
            WorkOrderRow(
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
                termination_right=penalty.termination_right,
                next_deadline=sla_rules.next_deadline(items),
                demo=bool(demo_),
                evaluated_at=now,
            )
        )
    return WorkOrderPage(
        rows=tuple(rows),
        total=total,
        offset=offset,
        limit=limit or 0,
        next_after=tuple(lines[-1][width:]) if lines else None,
    )


def row(session: Session, number: str, now: dt.datetime | None = None) -> WorkOrderRow:
    order = _order(session, number)
    return _row(order, _ContractCache(session).clock(order.contract_id), _now(now))


def _events(session: Session, order: WorkOrder) -> tuple[EventView, ...]:
    events = session.scalars(
        select(WorkOrderEvent)
        .where(WorkOrderEvent.work_order_id == order.id)
        .order_by(WorkOrderEvent.at, WorkOrderEvent.recorded_at)
    )
    return tuple(
        EventView(
            from_status=e.from_status,
            to_status=e.to_status,
            at=e.at,
            actor=e.actor,
            engineer_name=e.engineer.name if e.engineer else "",
            note=e.note,
            recorded_at=e.recorded_at,
        )
        for e in events
    )


def _amendments(session: Session, order: WorkOrder) -> tuple[AmendmentView, ...]:
    amendments = session.scalars(
        select(WorkOrderAmendment)
        .where(WorkOrderAmendment.work_order_id == order.id)
        .order_by(WorkOrderAmendment.created_at)
    )
    result = []
    for a in amendments:
        link = signing.link_of(session, AMENDMENT_RECORD_TYPE, a.id)
        result.append(_amendment_view(a, order.number, link.content_hash if link else None))
    return tuple(result)


def detail(session: Session, number: str, now: dt.datetime | None = None) -> WorkOrderDetail:
    """Everything the detail view shows about one order."""
    now = _now(now)
    order = _order(session, number)
    contract = _ContractCache(session).get(order.contract_id)
    link = signing.link_of(session, RECORD_TYPE, order.id)
    extension = None
    if order.contractor_caused and order.restored_at is not None:
        extension = order.restored_at - order.reported_at
    return WorkOrderDetail(
        row=_row(order, _Clock.of(contract.terms, contract.total_cny), now),
        contract_number=contract.number,
        reporter_phone=order.reporter_phone,
        cause=order.cause,
        resolution=order.resolution,
        contractor_caused=order.contractor_caused,
        service_extension=extension,
        assets=tuple(_asset_line(link_.asset) for link_ in order.asset_links),
        events=_events(session, order),
        log=tuple(list_log(session, work_order_number=order.number)),
        signatures=tuple(
            signing.signature_doc(s) for s in signing.signatures_of(session, RECORD_TYPE, order.id)
        ),
        amendments=_amendments(session, order),
        allowed_moves=tuple(m for m in rules.TRANSITIONS[order.status] if m != "signed"),
        editable=rules.is_editable(order.status),
        record_hash=link.content_hash if link else None,
        chain_seq=link.seq if link else None,
        qr_payload=record_payload("work_order", order.number, link.content_hash) if link else None,
    )


def _asset_line(asset: Asset) -> AssetLine:
    return AssetLine(
        code=asset.code,
        name=asset.name,
        model=asset.model,
        location=asset.location.name if asset.location else "",
        serial_number=asset.serial_number,
    )


def contract_header(contract: Contract) -> ContractHeader:
    d = contract.details or {}
    return ContractHeader(
        number=contract.number,
        title=contract.title,
        client=Party(
            name=contract.client_name,
            short=contract.client_short,
            address=str(d.get("client_address", "")),
            contact=str(d.get("client_contact", "")),
            phone=str(d.get("client_phone", "")),
        ),
        contractor=Party(
            name=contract.contractor_name,
            short=str(d.get("contractor_short", "")),
            address=str(d.get("contractor_address", "")),
            contact=str(d.get("contractor_contact", "")),
            phone=str(d.get("contractor_phone", "")),
        ),
        start=contract.start_date,
        end=contract.end_date,
        total_cny=contract.total_cny,
    )


def document(session: Session, number: str, now: dt.datetime | None = None) -> WorkOrderDoc:
    """The printed work order's read model (for ``workbench.reports.workorder``)."""
    now = _now(now)
    d = detail(session, number, now=now)
    order = _order(session, number)
    contract = _ContractCache(session).get(order.contract_id)
    r = d.row
    amendment_lines = tuple(
        LogLine(
            at=a.created_at,
            author=a.engineer_name,
            text=(f"{a.old_value} → {a.new_value}" if a.old_value else a.new_value)
            + (f"（{a.reason}）" if a.reason else ""),
        )
        for a in d.amendments
    )
    return WorkOrderDoc(
        contract=contract_header(contract),
        number=r.number,
        type=r.type,
        status=r.status,
        priority=r.priority,
        channel=r.channel,
        reporter_name=r.reporter_name,
        reporter_phone=d.reporter_phone,
        description=r.description,
        engineer_name=r.engineer_name,
        reported_at=r.reported_at,
        responded_at=r.responded_at,
        onsite_at=r.onsite_at,
        restored_at=r.restored_at,
        closed_at=r.closed_at,
        cause=d.cause,
        resolution=d.resolution,
        contractor_caused=d.contractor_caused,
        assets=d.assets,
        sla=tuple(
            SlaLine(
                key=item.key,
                target_minutes=item.target_minutes,
                deadline=item.deadline,
                done_at=item.done_at,
                state=item.state,
                late_by=item.late_by,
            )
            for item in r.sla
        ),
        penalty_cny=r.penalty_cny,
        log=tuple(
            LogLine(at=e.at, author=e.engineer_name, text=e.text, amends=e.amends_at) for e in d.log
        ),
        signatures=d.signatures,
        record_hash=d.record_hash,
        amendments=amendment_lines,
        demo=r.demo,
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


def next_deadline(session: Session, now: dt.datetime | None = None) -> UpcomingDeadline | None:
    """The next SLA deadline among open orders (for the status bar), or None."""
    now = _now(now)
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


def qr_payload(session: Session, number: str) -> str | None:
    """The payload of the QR code printed on a signed order (None while unsigned)."""
    return detail(session, number).qr_payload


def check_scanned_record(session: Session, number: str, record_hash: str) -> ScanCheck:
    """Whether a scanned paper (number and hash from its QR code) matches the store."""
    number = number.strip().upper()
    order = session.scalar(select(WorkOrder).where(WorkOrder.number == number))
    if order is None:
        return ScanCheck(number, "unknown", None)
    link = signing.link_of(session, RECORD_TYPE, order.id)
    if link is None:
        return ScanCheck(number, "unsigned", None)
    current = signing.compute_content_hash(session, RECORD_TYPE, order.id)
    if current != link.content_hash:
        return ScanCheck(number, "record_altered", link.content_hash)
    if record_hash.strip().lower() != link.content_hash:
        return ScanCheck(number, "paper_mismatch", link.content_hash)
    return ScanCheck(number, "match", link.content_hash)
