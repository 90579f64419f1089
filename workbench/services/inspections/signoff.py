"""Inspections: signing a finished round, and the canonical content the chain hashes."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from workbench.data.errors import check_row_version
from workbench.data.models import Contract
from workbench.data.models.inspections import DeviceInspection, InspectionRound
from workbench.domain import inspections as states
from workbench.domain.messages import QT_TRANSLATE_NOOP, WorkbenchError
from workbench.services import engineers as engineer_service
from workbench.services import signing
from workbench.services._common import aware_now
from workbench.services.inspections._helpers import _round
from workbench.services.inspections.read_models import RECORD_TYPE, RoundDetail
from workbench.services.inspections.rounds import round_detail

log = logging.getLogger("workbench.services.inspections")


def sign_round(
    session: Session,
    key: str,
    signatures: signing.Signatures,
    *,
    pin: str = "",
    signer: engineer_service.SigningKey | None = None,
    now: dt.datetime | None = None,
    expected_version: int | None = None,
) -> RoundDetail:
    """Sign a finished round: the engineer's PIN and signature, the client's signature.

    The round is locked from then on and its content is hashed into the chain.
    """
    now = aware_now(now)
    rnd = _round(session, key)
    check_row_version(rnd.version, expected_version)  # signed as the signers saw it
    states.check_transition(rnd.status, states.SIGNED)
    client_name = signatures.client_name.strip()
    if not client_name:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "Type the client representative's name.")
        )
    signing_key = engineer_service.signer_for(
        session, rnd.engineer_id, pin=pin, signer=signer, now=now
    )
    signing.save_signatures(
        session,
        RECORD_TYPE,
        rnd.id,
        signatures,
        engineer_name=signing_key.engineer_name,
        engineer_id=signing_key.engineer_id,
        signed_at=now,
    )
    rnd.status = states.SIGNED
    rnd.signed_at = now
    rnd.client_representative = client_name
    session.flush()
    signing.append_to_chain(session, RECORD_TYPE, rnd.id, signer=signing_key, signed_at=now)
    log.info("round %s signed", rnd.number)
    return round_detail(session, rnd.id)


def _round_by_id(session: Session, record_id: str) -> InspectionRound:
    rnd = session.get(InspectionRound, record_id)
    if rnd is None:
        raise signing.RecordMissingError(record_id)
    return rnd


def round_content(session: Session, record_id: str) -> dict[str, Any]:
    """What the signatures on a round cover (see :mod:`workbench.domain.hashing`)."""
    rnd = _round_by_id(session, record_id)
    contract = session.get(Contract, rnd.contract_id) if rnd.contract_id else None
    # One query for the inspections, one each for all their results and attachments
    # (not one per inspection): ``workbench verify`` builds this for every signed round.
    loaded = session.scalars(
        select(DeviceInspection)
        .where(DeviceInspection.round_id == rnd.id)
        .options(selectinload(DeviceInspection.results), selectinload(DeviceInspection.attachments))
    ).all()
    inspections = sorted(loaded, key=lambda i: (i.asset.code, i.inspected_at))
    checked = {i.asset_id for i in inspections}
    return {
        "record_type": RECORD_TYPE,
        "number": rnd.number,
        "contract": contract.number if contract else "",
        "kind": rnd.kind,
        "scope": rnd.scope,
        "scope_value": rnd.scope_value,
        "engineer": rnd.engineer.name,
        "planned_date": rnd.planned_date,
        "started_at": rnd.started_at,
        "finished_at": rnd.finished_at,
        "signed_at": rnd.signed_at,
        "status": rnd.status,
        "note": rnd.note,
        "unchecked_reason": rnd.unchecked_reason,
        "client_representative": rnd.client_representative,
        "demo": rnd.demo,
        "scope_assets": [link.asset.code for link in rnd.scope_assets],
        "unchecked": [link.asset.code for link in rnd.scope_assets if link.asset_id not in checked],
        "devices": [
            {
                "asset": i.asset.code,
                "checklist": i.checklist.category_code,
                "checklist_version": i.checklist.version,
                "checklist_hash": i.checklist.content_hash,
                "inspected_at": i.inspected_at,
                "failed": i.failed,
                "note": i.note,
                "work_order": i.work_order_number,
                "results": [
                    {
                        "key": r.item_key,
                        "kind": r.kind,
                        "value": r.value,
                        "passed": r.passed,
                        "note": r.note,
                    }
                    for r in i.results
                ],
                "attachments": sorted(
                    ({"filename": a.filename, "sha256": a.sha256} for a in i.attachments),
                    key=lambda a: (a["sha256"], a["filename"]),
                ),
            }
            for i in inspections
        ],
        "signatures": signing.signatures_content(session, RECORD_TYPE, rnd.id),
    }


def _round_label(session: Session, record_id: str) -> str:
    return _round_by_id(session, record_id).number


def _signed_rounds(session: Session) -> Iterable[str]:
    return session.scalars(select(InspectionRound.id).where(InspectionRound.status == "signed"))


SIGNED_ROUND = signing.SignedKind(
    RECORD_TYPE,
    round_content,
    label=_round_label,
    signed_ids=_signed_rounds,
    signer=signing.engineer_signer(RECORD_TYPE),
)
