"""Work orders: what the use cases share (lookups, checks, the SLA clock, row building)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session, selectinload

from workbench.data.models import Asset, Contract
from workbench.data.models.workorders import (
    WorkOrder,
    WorkOrderAmendment,
    WorkOrderAsset,
    WorkOrderEvent,
)
from workbench.domain import clocks as clock_rules
from workbench.domain import excuses as excuse_rules
from workbench.domain import sla as sla_rules
from workbench.domain import workorders as rules
from workbench.domain.contract import PenaltyTerms, SlaTerms, penalties_from_terms, sla_from_terms
from workbench.domain.messages import QT_TRANSLATE_NOOP, Message, WorkbenchError
from workbench.domain.workorders import WorkOrderRow
from workbench.services._common import actor_of, checked_text
from workbench.services.workorders.read_models import CLOCK_TOLERANCE, AmendmentView

# The free-text fields of an order: the column that holds each (its limit) and its name
# in a refusal.
_TEXT_FIELDS: dict[str, tuple[Any, Message]] = {
    "reporter_name": (
        WorkOrder.reporter_name,
        Message(QT_TRANSLATE_NOOP("messages", "The reporter's name")),
    ),
    "reporter_phone": (
        WorkOrder.reporter_phone,
        Message(QT_TRANSLATE_NOOP("messages", "The reporter's phone")),
    ),
    "description": (
        WorkOrder.description,
        Message(QT_TRANSLATE_NOOP("messages", "The description")),
    ),
    "cause": (WorkOrder.cause, Message(QT_TRANSLATE_NOOP("messages", "The cause"))),
    "resolution": (
        WorkOrder.resolution,
        Message(QT_TRANSLATE_NOOP("messages", "The result of the work")),
    ),
}


# The most characters each limited text field takes (for the dialogs' input fields).
TEXT_LIMITS: dict[str, int] = {
    key: length
    for key, (column, _name) in _TEXT_FIELDS.items()
    if (length := getattr(column.type, "length", None)) is not None
}


def _check_texts(values: dict[str, Any]) -> None:
    """Refuse (WorkbenchError) a free-text field the store cannot hold as it is."""
    for key, value in values.items():
        if key in _TEXT_FIELDS and isinstance(value, str):
            column, name = _TEXT_FIELDS[key]
            checked_text(value, column, name)


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


def _require_result(order: WorkOrder) -> None:
    if not order.resolution.strip():
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "Write the result of the work before closing {number}."),
            number=order.number,
        )


def _move(
    session: Session,
    order: WorkOrder,
    to_status: str,
    *,
    at: dt.datetime,
    engineer_id: str | None,
    recorded_at: dt.datetime,
    note: str = "",
) -> None:
    """One status step: the event in the order's history, the step's time, the status."""
    session.add(
        WorkOrderEvent(
            work_order_id=order.id,
            from_status=order.status,
            to_status=to_status,
            at=at,
            actor=actor_of(session),
            engineer_id=engineer_id,
            note=note,
            recorded_at=recorded_at,
        )
    )
    setattr(order, rules.STATUS_TIME_FIELD[to_status], at)
    order.status = to_status


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

    def worst_case(self, items: tuple[sla_rules.SlaItem, ...]) -> Decimal:
        """The amount under the strict reading of 八.1 (every begun day counts), over the
        contract's clocks only (a client deadline is 八.5's, see :meth:`client_deadline`)."""
        contract_items = _contract_clocks(items)
        return sla_rules.worst_case_penalty(
            contract_items, self.total_cny, self.penalties
        ).amount_cny

    def client_deadline(self, items: tuple[sla_rules.SlaItem, ...]) -> Decimal:
        """The exposure of 八.5 when a deadline the client set was missed."""
        return clock_rules.client_deadline_exposure(items, self.total_cny, self.penalties)


def _contract_clocks(items: tuple[sla_rules.SlaItem, ...]) -> tuple[sla_rules.SlaItem, ...]:
    """The clocks of 一.6 / 五.5.2.2, whose lateness 八.1 counts in days."""
    return tuple(item for item in items if item.key in sla_rules.SLA_KEYS)


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
    cancelled_at: dt.datetime | None = None,
    client_deadline: dt.datetime | None = None,
    order_type: str = "fault",
    affects_service: bool = False,
    rectify_by: dt.datetime | None = None,
) -> tuple[tuple[sla_rules.SlaItem, ...], sla_rules.Penalty]:
    """The clocks of one order at ``now`` and the penalty they carry.

    A cancelled order's clocks stopped when it was cancelled: a deadline missed before
    that stays missed, with its penalty (cancelling must not make a breach disappear);
    the clocks still running then simply end.
    """
    if status == "cancelled" and cancelled_at is None:
        return (), sla_rules.NO_PENALTY
    until = now if cancelled_at is None else min(now, cancelled_at)
    # Which clocks run (domain.clocks.clock_plan): a fault all three; an inspection finding
    # the restore clock only when marked as affecting service, else its rectification date.
    plan = clock_rules.clock_plan(
        order_type,
        affects_service=affects_service,
        client_deadline=client_deadline,
        rectify_by=rectify_by,
    )
    # Orders reported without a clock (imported history outside the service period, work
    # without a contract time limit) have no deadlines stored: none of the three runs.
    started = response_due is not None or order_type in clock_rules.FINDING_TYPES
    found: list[sla_rules.SlaItem] = []
    if started and plan.clocks:
        found.extend(
            item
            for item in sla_rules.evaluate(
                clock.sla,
                reported_at,
                responded_at=responded_at,
                onsite_at=onsite_at,
                restored_at=restored_at,
                now=until,
                at_risk_fraction=at_risk_fraction,
            )
            if item.key in plan.clocks
        )
    for key, deadline in plan.deadlines.items():
        # A deadline the client set (甲方指定时间) or a rectification date agreed with it:
        # kept when the service was restored (the finding rectified) by then.
        found.append(
            sla_rules.deadline_item(
                key,
                reported_at,
                deadline,
                done_at=restored_at,
                now=until,
                at_risk_fraction=at_risk_fraction,
            )
        )
    items = tuple(found)
    if status == "cancelled":
        items = tuple(item for item in items if item.breach)
    penalty = sla_rules.penalty(_contract_clocks(items), clock.total_cny, clock.penalties)
    return items, penalty


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
        cancelled_at=order.cancelled_at,
        client_deadline=order.client_deadline,
        order_type=order.type,
        affects_service=order.affects_service,
        rectify_by=order.rectify_by,
    )


def confirmed_excuses(session: Session, order_ids: Iterable[str]) -> dict[str, tuple[str, str]]:
    """The (kind, reason) of each of these orders' excuses the client confirmed (十, 八、1)."""
    from workbench.data.models.registers import Excuse

    wanted = sorted(set(order_ids))
    found: dict[str, tuple[str, str]] = {}
    for start in range(0, len(wanted), 500):  # SQLite's bound parameters
        for order_id, kind, reason in session.execute(
            select(Excuse.work_order_id, Excuse.kind, Excuse.reason).where(
                Excuse.work_order_id.in_(wanted[start : start + 500]),
                Excuse.status == excuse_rules.CONFIRMED,
            )
        ):
            found[order_id] = (kind, reason)
    return found


def with_excuse(row: WorkOrderRow, excuse: tuple[str, str] | None) -> WorkOrderRow:
    """``row`` with its confirmed excuse applied (its breaches kept, no amount)."""
    if excuse is None:
        return row
    return excuse_rules.excuse_row(row, *excuse)[0]


def _row(
    order: WorkOrder,
    clock: _Clock,
    now: dt.datetime,
    at_risk_fraction: float = sla_rules.DEFAULT_AT_RISK_FRACTION,
) -> WorkOrderRow:
    session = object_session(order)
    excuse = confirmed_excuses(session, [order.id]).get(order.id) if session else None
    return with_excuse(_plain_row(order, clock, now, at_risk_fraction), excuse)


def _plain_row(
    order: WorkOrder,
    clock: _Clock,
    now: dt.datetime,
    at_risk_fraction: float,
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
        penalty_worst_cny=clock.worst_case(items),
        penalty_rule=clock.penalties.day_rule,
        termination_right=penalty.termination_right,
        next_deadline=sla_rules.next_deadline(items),
        demo=order.demo,
        evaluated_at=now,
        version=order.version,
        client_deadline=order.client_deadline,
        client_deadline_exposure_cny=clock.client_deadline(items),
        affects_service=order.affects_service,
        rectify_by=order.rectify_by,
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
