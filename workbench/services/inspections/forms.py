"""Inspections: the printed forms (blank, for a round on paper, and of a round)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.data.models import Asset, AssetCategory, Contract
from workbench.data.models.inspections import InspectionRound
from workbench.domain import checklists as rules
from workbench.domain import inspections as states
from workbench.domain.documents import (
    ChecklistItemDoc,
    DeviceInspectionDoc,
    InspectionFormDoc,
    InspectionResultDoc,
)
from workbench.domain.messages import QT_TRANSLATE_NOOP, Message, Translate, WorkbenchError
from workbench.services import checklists as checklist_service
from workbench.services import heads, signing
from workbench.services import workorders as workorder_service
from workbench.services._common import asset_line, require_contract
from workbench.services.inspections._helpers import _identity, _round
from workbench.services.inspections.read_models import RECORD_TYPE
from workbench.services.inspections.recording import display_value
from workbench.services.workorders.read_models import ScanCheck


def _item_doc(item: rules.ChecklistItem) -> ChecklistItemDoc:
    return ChecklistItemDoc(
        key=item.key,
        text=item.text,
        kind=item.kind,
        unit=item.unit,
        low=item.low,
        high=item.high,
        choices=tuple(c.text for c in item.choices),
    )


def blank_form(session: Session, category: str) -> InspectionFormDoc:
    """A blank inspection form of one category, for a round on paper."""
    contract = require_contract(session)
    cat = session.scalar(select(AssetCategory).where(AssetCategory.code == category))
    if cat is None:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "Unknown category {category}."), category=category
        )
    checklist_service.sync_checklists(session)
    row = checklist_service.current_row(session, category)
    checklist = checklist_service.as_checklist(row)
    count = session.scalar(
        select(func.count())
        .select_from(Asset)
        .where(Asset.category_id == cat.id, Asset.status != "retired")
    )
    return InspectionFormDoc(
        contract=workorder_service.contract_header(contract),
        title=checklist.title,
        category_name=cat.name,
        checklist_version=checklist.version,
        items=tuple(_item_doc(i) for i in checklist.items),
        blank_rows=max(1, min(int(count or 0), 12)),
    )


def _scope_text(rnd: InspectionRound, session: Session, translate: Translate) -> str:
    if rnd.kind == states.KEY_PERIOD:
        return translate("messages", QT_TRANSLATE_NOOP("messages", "Key-period self-check"))
    if rnd.scope == states.SCOPE_CATEGORY:
        cat = session.scalar(select(AssetCategory).where(AssetCategory.code == rnd.scope_value))
        return cat.name if cat else rnd.scope_value
    if rnd.scope == states.SCOPE_LOCATION:
        return rnd.scope_value
    labels = {
        states.SCOPE_DUE: QT_TRANSLATE_NOOP("messages", "Devices due"),
        states.SCOPE_ALL: QT_TRANSLATE_NOOP("messages", "All devices"),
        states.SCOPE_SYSTEMS: QT_TRANSLATE_NOOP("messages", "All systems"),
    }
    return translate("messages", labels.get(rnd.scope, rnd.scope))


def round_form(session: Session, key: str, translate: Translate = _identity) -> InspectionFormDoc:
    """A finished (or signed) round as printed: exceptions first, then the rest."""
    rnd = _round(session, key)
    if rnd.status not in (states.FINISHED, states.SIGNED):
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "Round {number} is not finished yet."),
            number=rnd.number,
        )
    contract = (
        require_contract(session)
        if rnd.contract_id is None
        else session.get(Contract, rnd.contract_id)
    )
    assert contract is not None
    devices: list[DeviceInspectionDoc] = []
    versions: dict[str, int] = {}
    checklist_cache: dict[str, rules.Checklist] = {}
    for inspection in rnd.inspections:
        checklist = checklist_cache.get(inspection.checklist_id)
        if checklist is None:
            checklist = checklist_service.as_checklist(inspection.checklist)
            checklist_cache[inspection.checklist_id] = checklist
        versions[checklist.category] = checklist.version
        items = {i.key: i for i in checklist.items}
        results = tuple(
            InspectionResultDoc(
                item_key=r.item_key,
                item_text=items[r.item_key].text if r.item_key in items else r.item_key,
                value=(
                    display_value(items[r.item_key], r.value, translate)
                    if r.item_key in items
                    else r.value
                ),
                passed=r.passed,
                note=r.note,
                kind=items[r.item_key].kind if r.item_key in items else "",
            )
            for r in inspection.results
        )
        note = inspection.note
        if inspection.work_order_number:
            wo = Message(
                QT_TRANSLATE_NOOP("messages", "Work order {number}"),
                {"number": inspection.work_order_number},
            ).render(translate)
            note = f"{note}；{wo}" if note else wo
        devices.append(
            DeviceInspectionDoc(
                asset=asset_line(inspection.asset),
                inspected_at=inspection.inspected_at,
                results=results,
                note=note,
            )
        )
    # Exceptions first; then in walking order (location, code).
    devices.sort(key=lambda d: (not d.failed, d.asset.location, d.asset.code))
    checked = {i.asset_id for i in rnd.inspections}
    unchecked = tuple(
        asset_line(link.asset) for link in rnd.scope_assets if link.asset_id not in checked
    )
    signatures = heads.signature_docs(session, RECORD_TYPE, rnd.id)
    link_row = signing.link_of(session, RECORD_TYPE, rnd.id)
    categories = sorted(versions)
    # Titled after a checklist only when every device in scope, inspected or not, is of
    # that one category (a round by location covers several).
    in_scope = {link.asset.category_id for link in rnd.scope_assets}
    in_scope |= {i.asset.category_id for i in rnd.inspections}
    only = checklist_cache and len(categories) == 1 and len(in_scope) == 1
    title = (
        next(iter(checklist_cache.values())).title
        if only
        else translate("messages", QT_TRANSLATE_NOOP("messages", "Inspection record"))
    )
    return InspectionFormDoc(
        contract=workorder_service.contract_header(contract),
        title=title,
        category_name=_scope_text(rnd, session, translate),
        checklist_version=max(versions.values(), default=0),
        round_number=rnd.number,
        engineer_name=rnd.engineer.name,
        started_at=rnd.started_at,
        finished_at=rnd.finished_at,
        devices=tuple(devices),
        unchecked=unchecked,
        unchecked_reason=rnd.unchecked_reason,
        signatures=signatures,
        record_hash=link_row.content_hash if link_row else None,
        head=heads.head_doc(session),
        extra={
            "checklists": ", ".join(f"{c} v{versions[c]}" for c in categories),
            "client_representative": rnd.client_representative,
        },
    )


def check_scanned_round(session: Session, number: str, record_hash: str) -> ScanCheck:
    """Whether a scanned round record (number and hash from its QR code) matches the
    store: the same states as a work order's (``match``, ``paper_mismatch``,
    ``record_altered``, ``unsigned``, ``unknown``)."""
    number = number.strip().upper()
    round_id = session.scalar(select(InspectionRound.id).where(InspectionRound.number == number))
    return heads.check_link(session, RECORD_TYPE, round_id, number, record_hash)
