"""Work orders: sign-off and amendments, and the canonical content the chain hashes."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.data.errors import check_row_version
from workbench.data.models import Asset, Contract, Engineer
from workbench.data.models.workorders import (
    WorkLogEntry,
    WorkOrder,
    WorkOrderAmendment,
    WorkOrderAsset,
    WorkOrderEvent,
)
from workbench.domain.messages import QT_TRANSLATE_NOOP, Message, WorkbenchError
from workbench.services import engineers as engineer_service
from workbench.services import signing
from workbench.services._common import aware_now, checked_text
from workbench.services.workorders._helpers import (
    _amendment_view,
    _move,
    _order,
    _require_editable,
    _require_result,
)
from workbench.services.workorders.documents import detail
from workbench.services.workorders.read_models import (
    AMENDABLE_FIELDS,
    AMENDMENT_RECORD_TYPE,
    RECORD_TYPE,
    AmendmentView,
    WorkOrderDetail,
)

log = logging.getLogger("workbench.services.workorders")


def _require_signable(order: WorkOrder) -> None:
    if order.status not in ("restored", "closed"):
        raise WorkbenchError(
            QT_TRANSLATE_NOOP(
                "messages", "Work order {number} can be signed once service is restored."
            ),
            number=order.number,
        )


def sign_off(
    session: Session,
    number: str,
    signatures: signing.Signatures,
    *,
    engineer_id: str,
    pin: str = "",
    signer: engineer_service.SigningKey | None = None,
    now: dt.datetime | None = None,
    expected_version: int | None = None,
) -> WorkOrderDetail:
    """Both sides sign: the engineer with PIN and signature, the client representative
    with typed name and signature. The order is closed if it was only restored, then
    signed, locked and linked into the chain (signed with the engineer's key), all in
    the caller's transaction.

    ``pin`` unseals the engineer's key; a caller that has unsealed it already passes it
    as ``signer``. A wrong PIN raises (and counts towards the lock-out even though the
    transaction rolls back). ``expected_version``: the row version the signers were shown;
    an order changed since is refused (nobody signs what they have not seen)."""
    now = aware_now(now)
    order = _order(session, number)
    check_row_version(order.version, expected_version)
    _require_editable(order)
    _require_signable(order)
    _require_result(order)
    key = engineer_service.signer_for(session, engineer_id, pin=pin, signer=signer, now=now)
    return _sign(session, order, key, signatures, now=now)


def _sign(
    session: Session,
    order: WorkOrder,
    key: engineer_service.SigningKey,
    signatures: signing.Signatures,
    *,
    now: dt.datetime,
) -> WorkOrderDetail:
    """The sign-off with the engineer's unsealed key: signatures, status, chain link."""
    engineer = session.get(Engineer, key.engineer_id)
    assert engineer is not None
    if not signatures.client_name.strip():
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "Type the client representative's name.")
        )
    signing.save_signatures(
        session,
        RECORD_TYPE,
        order.id,
        signatures,
        engineer_name=engineer.name,
        engineer_id=engineer.id,
        signed_at=now,
    )
    if order.engineer_id is None:
        order.engineer = engineer
    steps = ["closed", "signed"] if order.status == "restored" else ["signed"]
    for step in steps:
        _move(session, order, step, at=now, engineer_id=engineer.id, recorded_at=now)
    session.flush()
    signing.append_to_chain(session, RECORD_TYPE, order.id, signer=key, signed_at=now)
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
    new_value: str,
    reason: str,
    pin: str = "",
    signer: engineer_service.SigningKey | None = None,
    field: str = "",
    now: dt.datetime | None = None,
    demo: bool = False,
) -> AmendmentView:
    """Correct a signed order by a new, signed record linked to it; the order stays as
    signed. ``field`` names what is corrected (empty: a general note)."""
    now = aware_now(now)
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
    checked_text(
        new_value.strip(),
        WorkOrderAmendment.new_value,
        Message(QT_TRANSLATE_NOOP("messages", "The correction")),
    )
    checked_text(
        reason.strip(),
        WorkOrderAmendment.reason,
        Message(QT_TRANSLATE_NOOP("messages", "The reason")),
    )
    key = engineer_service.signer_for(session, engineer_id, pin=pin, signer=signer, now=now)
    amendment = WorkOrderAmendment(
        work_order_id=order.id,
        engineer_id=key.engineer_id,
        field=field,
        old_value=_field_text(order, field),
        new_value=new_value.strip(),
        reason=reason.strip(),
        created_at=now,
        demo=demo,
    )
    session.add(amendment)
    session.flush()
    link = signing.append_to_chain(
        session, AMENDMENT_RECORD_TYPE, amendment.id, signer=key, signed_at=now
    )
    return _amendment_view(amendment, order.number, link.content_hash)


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
    content: dict[str, Any] = {
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
    if order.client_deadline is not None:
        # Only when set: the content (and hash) of orders without one stays as it was.
        content["client_deadline"] = order.client_deadline
    return content


def _work_order_label(session: Session, record_id: str) -> str:
    return _order_by_id(session, record_id).number


def _amendment_signer(session: Session, record_id: str) -> str | None:
    amendment = session.get(WorkOrderAmendment, record_id)
    return amendment.engineer_id if amendment is not None else None


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
    RECORD_TYPE,
    work_order_content,
    label=_work_order_label,
    signed_ids=_signed_work_orders,
    signer=signing.engineer_signer(RECORD_TYPE),
)
SIGNED_AMENDMENT = signing.SignedKind(
    AMENDMENT_RECORD_TYPE, amendment_content, _amendment_label, signer=_amendment_signer
)
