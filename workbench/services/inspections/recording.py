"""Inspections: one device's checklist in a round, recorded all at once."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping, Sequence
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.config import attachments_dir
from workbench.data.errors import check_row_version
from workbench.data.models import Asset
from workbench.data.models.inspections import (
    DeviceInspection,
    InspectionAttachment,
    InspectionResult,
    InspectionRound,
)
from workbench.domain import checklists as rules
from workbench.domain import inspections as states
from workbench.domain.messages import QT_TRANSLATE_NOOP, Message, Translate, WorkbenchError
from workbench.services import checklists as checklist_service
from workbench.services import workorders as workorder_service
from workbench.services._common import aware_now, checked_text, location_name
from workbench.services.attachments import store_attachment
from workbench.services.inspections._helpers import _asset_by_code, _identity, _round, _summary
from workbench.services.inspections.read_models import (
    ATTACHMENT_FOLDER,
    AttachmentView,
    DeviceForm,
    RecordedInspection,
)

log = logging.getLogger("workbench.services.inspections")


def _last_values(
    session: Session, asset_id: str, before_round: str | None = None
) -> dict[str, str]:
    """The values of the asset's most recent inspection (other than in ``before_round``)."""
    query = select(DeviceInspection).where(DeviceInspection.asset_id == asset_id)
    if before_round is not None:
        query = query.where(DeviceInspection.round_id != before_round)
    last = session.scalar(query.order_by(DeviceInspection.inspected_at.desc()).limit(1))
    if last is None:
        return {}
    return {r.item_key: r.value for r in last.results if r.kind == "number" and r.value}


def _attachment_view(row: InspectionAttachment) -> AttachmentView:
    return AttachmentView(
        id=row.id,
        filename=row.filename,
        path=attachments_dir() / row.stored_path,
        sha256=row.sha256,
        size=row.size,
    )


def device_form(session: Session, key: str, asset_code: str) -> DeviceForm:
    """The checklist of one device of a round: recorded values, or the defaults."""
    rnd = _round(session, key)
    asset = _asset_by_code(session, asset_code)
    if not any(link.asset_id == asset.id for link in rnd.scope_assets):
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "{code} is not in round {number}."),
            code=asset.code,
            number=rnd.number,
        )
    done = next((i for i in rnd.inspections if i.asset_id == asset.id), None)
    last = _last_values(session, asset.id, before_round=rnd.id)
    if done is not None:
        row = done.checklist
        checklist = checklist_service.as_checklist(row)
        values = {r.item_key: r.value for r in done.results}
        item_notes = {r.item_key: r.note for r in done.results if r.note}
        # Items the stored version lacks (none, normally) fall back to their defaults.
        values = {**rules.default_values(checklist, last), **values}
    else:
        row = checklist_service.current_row(session, asset.category.code)
        checklist = checklist_service.as_checklist(row)
        values = rules.default_values(checklist, last)
        item_notes = {}
    return DeviceForm(
        round_id=rnd.id,
        round_number=rnd.number,
        editable=rnd.status == states.RUNNING,
        asset_code=asset.code,
        asset_name=asset.name,
        location=location_name(asset),
        category=asset.category.code,
        category_name=asset.category.name,
        category_name_en=asset.category.name_en,
        checklist_id=row.id,
        checklist_version=row.version,
        checklist=checklist,
        values=values,
        item_notes=item_notes,
        last_values=last,
        note=done.note if done else "",
        recorded=done is not None,
        inspected_at=done.inspected_at if done else None,
        work_order_number=done.work_order_number if done else "",
        round_version=rnd.version,
        attachments=tuple(_attachment_view(a) for a in done.attachments) if done else (),
    )


def _store_attachment(source: Path) -> tuple[str, str, int]:
    return store_attachment(source, ATTACHMENT_FOLDER)


def display_value(item: rules.ChecklistItem, value: str, translate: Translate = _identity) -> str:
    """A recorded value as people read it: 正常 / 异常 / 不适用, ``42 %``, the answer."""
    if item.kind == "check":
        labels = {
            rules.PASS: QT_TRANSLATE_NOOP("messages", "Pass"),
            rules.FAIL: QT_TRANSLATE_NOOP("messages", "Fail"),
            rules.NA: QT_TRANSLATE_NOOP("messages", "N/A"),
        }
        return translate("messages", labels.get(value, value))
    if item.kind == "number":
        if not value:
            return ""
        unit = item.unit
        return f"{value}{unit}" if unit in ("%", "°C") else f"{value} {unit}".rstrip()
    if item.kind == "choice":
        choice = item.choice(value)
        return choice.text if choice else value
    return value


def _finding_text(
    asset: Asset,
    *,
    checklist: rules.Checklist,
    failed: Sequence[rules.ItemResult],
    item_notes: Mapping[str, str],
    note: str,
    round_number: str,
    translate: Translate,
) -> str:
    heading = Message(
        QT_TRANSLATE_NOOP("messages", "Found in inspection round {number}"),
        {"number": round_number},
    ).render(translate)
    lines = [f"{heading}：{asset.code} {asset.name}（{location_name(asset)}）"]
    for result in failed:
        item = checklist.item(result.key)
        limits = item.limits_text()
        text = f"- {item.text}：{display_value(item, result.value, translate)}"
        if limits:
            text += f"（{limits}）"
        if item_notes.get(result.key):
            text += f" {item_notes[result.key]}"
        lines.append(text)
    if note:
        lines.append(note)
    return "\n".join(lines)


def _item_notes(checklist: rules.Checklist, item_notes: Mapping[str, str] | None) -> dict[str, str]:
    """The non-blank item notes, stripped; a note for an item not on the checklist is an error."""
    notes = {k: v.strip() for k, v in (item_notes or {}).items() if v and v.strip()}
    unknown_notes = set(notes) - {i.key for i in checklist.items}
    if unknown_notes:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "Unknown check items: {keys}"),
            keys=", ".join(sorted(unknown_notes)),
        )
    for key, text in notes.items():
        checked_text(text, InspectionResult.note, checklist.item(key).text)
    return notes


def _check_values(checklist: rules.Checklist, values: Mapping[str, str]) -> None:
    """Refuse what a checklist item's value column cannot hold (a typed answer)."""
    known = {i.key for i in checklist.items}
    for key, value in values.items():
        if key in known and isinstance(value, str):
            checked_text(value, InspectionResult.value, checklist.item(key).text)


def _inspection_row(rnd: InspectionRound, asset: Asset, checklist_id: str) -> DeviceInspection:
    """The device's inspection in the round, added to the round if it has none yet."""
    inspection = next((i for i in rnd.inspections if i.asset_id == asset.id), None)
    if inspection is None:
        inspection = DeviceInspection(round_id=rnd.id, asset_id=asset.id, checklist_id=checklist_id)
        rnd.inspections.append(inspection)
    return inspection


def _write_results(
    inspection: DeviceInspection,
    checklist: rules.Checklist,
    results: Sequence[rules.ItemResult],
    notes: Mapping[str, str],
) -> None:
    """Replace the inspection's result rows by ``results``, reusing the rows by item key."""
    existing = {r.item_key: r for r in inspection.results}
    for position, result in enumerate(results):
        row = existing.pop(result.key, None)
        if row is None:
            row = InspectionResult(item_key=result.key, kind=checklist.item(result.key).kind)
            inspection.results.append(row)
        row.position = position
        row.value = result.value
        row.number = result.number
        row.passed = result.passed
        row.note = notes.get(result.key, "")
    for stale in existing.values():
        inspection.results.remove(stale)


def _attach_photos(inspection: DeviceInspection, photos: Sequence[Path]) -> None:
    """Store the photos and attach those the inspection does not hold yet (by SHA-256)."""
    for photo in photos:
        stored, sha, size = _store_attachment(Path(photo))
        if any(a.sha256 == sha for a in inspection.attachments):
            continue
        inspection.attachments.append(
            InspectionAttachment(
                filename=Path(photo).name[:255], stored_path=stored, sha256=sha, size=size
            )
        )


def _link_existing_order(
    session: Session,
    inspection: DeviceInspection,
    asset: Asset,
    work_order_number: str,
    now: dt.datetime,
) -> None:
    """Link the failed inspection to an existing work order about the same asset."""
    existing_order = workorder_service.row(session, work_order_number, now=now)
    if asset.code not in existing_order.asset_codes:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "Work order {number} is not about {code}."),
            number=existing_order.number,
            code=asset.code,
        )
    inspection.work_order_id = existing_order.id
    inspection.work_order_number = existing_order.number
    session.flush()


def _open_finding_order(
    session: Session,
    rnd: InspectionRound,
    inspection: DeviceInspection,
    asset: Asset,
    *,
    description: str,
    now: dt.datetime,
) -> None:
    """Open an inspection-finding work order for the failed inspection and link it."""
    order = workorder_service.create_work_order(
        session,
        type="inspection_finding",
        channel="inspection",
        description=description,
        asset_codes=[asset.code],
        reporter_name=rnd.engineer.name,
        engineer_id=rnd.engineer_id,
        reported_at=now,
        now=now,
        demo=rnd.demo,
    )
    inspection.work_order_id = order.id
    inspection.work_order_number = order.number
    session.flush()
    log.info("round %s: %s failed, work order %s", rnd.number, asset.code, order.number)


def record_inspection(
    session: Session,
    key: str,
    asset_code: str,
    values: Mapping[str, str] | None = None,
    *,
    note: str = "",
    item_notes: Mapping[str, str] | None = None,
    photos: Sequence[Path] = (),
    now: dt.datetime | None = None,
    translate: Translate = _identity,
    work_order_number: str = "",
    expected_version: int | None = None,
) -> RecordedInspection:
    """Save one device's checklist in one go; a failure opens a linked work order.

    Items not in ``values`` take their defaults (pass, the first good answer, the last
    measured number). Recording the same device again in the running round replaces its
    results; a work order already opened stays linked. ``work_order_number`` links a
    failure to a work order that already exists (the fault was reported before) instead
    of opening a new one.

    ``expected_version``: the round's row version the form was read with
    (``DeviceForm.round_version``); when someone else has changed the round since (saved
    a device, paused or finished it), :class:`RecordChangedError` and nothing is written.
    A save counts the round's version up, though only its devices' rows change: two
    people saving the same device from the same round can never both win.
    """
    now = aware_now(now)
    rnd = _round(session, key)
    check_row_version(rnd.version, expected_version)
    states.check_editable(rnd.status)
    form = device_form(session, rnd.id, asset_code)
    checklist = form.checklist
    _check_values(checklist, values or {})
    results = rules.evaluate_all(checklist, {**form.values, **(values or {})})
    notes = _item_notes(checklist, item_notes)
    note = checked_text(
        note.strip(),
        DeviceInspection.note,
        Message(QT_TRANSLATE_NOOP("messages", "The note")),
    )
    failed = rules.failures(results)
    asset = _asset_by_code(session, asset_code)
    inspection = _inspection_row(rnd, asset, form.checklist_id)
    inspection.inspected_at = now
    inspection.failed = bool(failed)
    inspection.note = note
    _write_results(inspection, checklist, results, notes)
    _attach_photos(inspection, photos)
    rnd.version += 1
    session.flush()
    if failed and not inspection.work_order_id and work_order_number:
        _link_existing_order(session, inspection, asset, work_order_number, now)
    if failed and not inspection.work_order_id:
        description = _finding_text(
            asset,
            checklist=checklist,
            failed=failed,
            item_notes=notes,
            note=inspection.note,
            round_number=rnd.number,
            translate=translate,
        )
        _open_finding_order(session, rnd, inspection, asset, description=description, now=now)
    summary = _summary(rnd)
    return RecordedInspection(
        id=inspection.id,
        round_id=rnd.id,
        asset_code=asset.code,
        failed=bool(failed),
        failed_items=tuple(checklist.item(r.key).text for r in failed),
        work_order_number=inspection.work_order_number,
        devices_checked=summary.devices_checked,
        devices_total=summary.devices_total,
        round_version=rnd.version,
    )
