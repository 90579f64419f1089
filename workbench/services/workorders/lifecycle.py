"""Work orders: reporting, changing and advancing an order."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from workbench.data.errors import check_row_version
from workbench.data.models.workorders import WorkOrder, WorkOrderEvent
from workbench.domain import clocks as clock_rules
from workbench.domain import sla as sla_rules
from workbench.domain import workorders as rules
from workbench.domain.contract import sla_from_terms
from workbench.domain.messages import QT_TRANSLATE_NOOP, Message, WorkbenchError
from workbench.domain.periods import ServicePeriod
from workbench.domain.timeutil import LOCAL_TZ
from workbench.domain.workorders import WorkOrderRow
from workbench.services import engineers as engineer_service
from workbench.services import signing
from workbench.services._common import actor_of, aware_now, checked_text, require_contract
from workbench.services.workorders._helpers import (
    _check_choice,
    _check_texts,
    _check_time,
    _Clock,
    _ContractCache,
    _evaluate,
    _move,
    _order,
    _require_editable,
    _require_result,
    _resolve_assets,
    _row,
    _set_assets,
)
from workbench.services.workorders.read_models import EDITABLE_FIELDS

log = logging.getLogger("workbench.services.workorders")


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
    client_deadline: dt.datetime | None = None,
) -> WorkOrderRow:
    """Report a new work order; its number is taken in this transaction.

    ``client_deadline``: a time the client set for the service (甲方指定时间), a clock of
    its own beside the contract's (its breach exposes 八.5; for a contractor-caused fault
    the time past it extends the service period, 五.5.2.3)."""
    now = aware_now(now)
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
    reporter_name, reporter_phone = reporter_name.strip(), reporter_phone.strip()
    _check_texts(
        {
            "description": description,
            "reporter_name": reporter_name,
            "reporter_phone": reporter_phone,
        }
    )
    reported_at = _check_time(reported_at or now, now)
    contract = require_contract(session)
    # 三、服务期限: no contract clock runs outside the service period (issue 18).
    ServicePeriod.of(contract.start_date, contract.end_date, LOCAL_TZ.key).check(reported_at)
    if client_deadline is not None:
        if client_deadline.tzinfo is None:
            raise ValueError("naive datetime")
        if client_deadline <= reported_at:
            raise WorkbenchError(
                QT_TRANSLATE_NOOP(
                    "messages", "The deadline set by the client must lie after the report."
                )
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
        reporter_name=reporter_name,
        reporter_phone=reporter_phone,
        description=description,
        engineer_id=engineer_id,
        reported_at=reported_at,
        response_due=due["response"],
        onsite_due=due["onsite"],
        restore_due=due["restore"],
        client_deadline=client_deadline,
        created_by=actor_of(session),
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
            actor=actor_of(session),
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
    expected_version: int | None = None,
    **changes: Any,
) -> WorkOrderRow:
    """Change the editable fields of an unsigned order (``priority``, ``channel``,
    ``reporter_name``, ``reporter_phone``, ``description``, ``engineer_id``, ``cause``,
    ``resolution``, ``contractor_caused``) and its assets.

    ``expected_version``: the row version the edit started from (``WorkOrderRow.version``);
    when someone else has changed the order since, :class:`RecordChangedError` and
    nothing is written."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"not editable: {', '.join(sorted(unknown))}")
    order = _order(session, number)
    check_row_version(order.version, expected_version)
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
    _check_texts({k: v.strip() for k, v in changes.items() if isinstance(v, str)})
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
        before = [link.asset_id for link in order.asset_links]
        _set_assets(order, assets)
        if [link.asset_id for link in order.asset_links] != before:
            # Only the link rows change: the order's own row is not updated, so its
            # version would stay and a concurrent edit of the devices would go unseen.
            order.version += 1
    session.flush()
    return _row(order, _ContractCache(session).clock(order.contract_id), aware_now(now))


def mark_finding(
    session: Session,
    number: str,
    *,
    affects_service: bool,
    rectify_by: dt.datetime | None = None,
    now: dt.datetime | None = None,
    expected_version: int | None = None,
) -> WorkOrderRow:
    """What an inspection finding is (domain.clocks.clock_plan): a fault affecting service,
    so that the restore clock runs from when it was found; or not, with the rectification
    date agreed with the client (``rectify_by``, a clock of its own; None: none agreed yet)."""
    order = _order(session, number)
    check_row_version(order.version, expected_version)
    _require_editable(order)
    if order.type not in clock_rules.FINDING_TYPES:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "Work order {number} is not an inspection finding."),
            number=order.number,
        )
    if affects_service:
        rectify_by = None  # the restore clock runs instead of a rectification date
    if rectify_by is not None:
        if rectify_by.tzinfo is None:
            raise ValueError("naive datetime")
        if rectify_by <= order.reported_at:
            raise WorkbenchError(
                QT_TRANSLATE_NOOP("messages", "The rectification date must lie after the finding.")
            )
    if order.affects_service != affects_service:
        order.affects_service = affects_service
    if order.rectify_by != rectify_by:
        order.rectify_by = rectify_by
    session.flush()
    return _row(order, _ContractCache(session).clock(order.contract_id), aware_now(now))


def _require_no_breach(session: Session, order: WorkOrder, at: dt.datetime) -> None:
    """Cancelling an order that has already missed a deadline needs a reason: the breach
    stays on record (its clocks stop at the cancellation), and the reason says why."""
    clock = _ContractCache(session).clock(order.contract_id)
    items, _penalty = _evaluate(order, clock, at, sla_rules.DEFAULT_AT_RISK_FRACTION)
    if any(item.breach for item in items):
        raise WorkbenchError(
            QT_TRANSLATE_NOOP(
                "messages",
                "Work order {number} has already missed a contract deadline: cancelling it "
                "needs a reason, and the breach stays on record.",
            ),
            number=order.number,
        )


def advance(
    session: Session,
    number: str,
    to_status: str,
    *,
    at: dt.datetime | None = None,
    engineer_id: str | None = None,
    note: str = "",
    now: dt.datetime | None = None,
    expected_version: int | None = None,
) -> WorkOrderRow:
    """Move an order to its next status at ``at`` (default now), recording who did it;
    refused (:class:`RecordChangedError`) when ``expected_version`` is given and the order
    has changed since."""
    now = aware_now(now)
    order = _order(session, number)
    check_row_version(order.version, expected_version)
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
    if to_status == "closed":
        _require_result(order)
    if to_status == "cancelled" and not note.strip():
        _require_no_breach(session, order, at)
    checked_text(
        note.strip(), WorkOrderEvent.note, Message(QT_TRANSLATE_NOOP("messages", "The note"))
    )
    if engineer_id is not None:
        engineer_service.get_engineer(session, engineer_id)
        if order.engineer_id is None:
            order.engineer = engineer_service.get_engineer(session, engineer_id)
    _move(
        session,
        order,
        to_status,
        at=at,
        engineer_id=engineer_id,
        recorded_at=now,
        note=note.strip(),
    )
    session.flush()
    log.info("work order %s -> %s", order.number, to_status)
    return _row(order, _ContractCache(session).clock(order.contract_id), now)
