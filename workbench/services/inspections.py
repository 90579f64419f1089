"""Inspection rounds (巡检): due devices, rounds, device checklists, sign-off, forms.

Every function takes the caller's session (one transaction per user action) and returns
plain frozen dataclasses. The checklist rules are in :mod:`workbench.domain.checklists`,
the schedule in :mod:`workbench.domain.schedules`, the round's states in
:mod:`workbench.domain.inspections`.

A round fixes its scope when it starts. Recording a device saves all its items at once
(every item defaults to pass, numbers to the last measured value); a failed item opens a
linked work order of type ``inspection_finding`` through the work-order service. A
finished round is signed by the engineer (PIN and signature) and the client
representative (signature); then it is locked and its content is hashed into the chain
of signed records that ``workbench verify`` checks.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, selectinload

from workbench.config import attachments_dir
from workbench.data.models import Asset, AssetCategory, Contract, Location
from workbench.data.models.inspections import (
    DeviceInspection,
    InspectionAttachment,
    InspectionResult,
    InspectionRound,
    InspectionRoundAsset,
)
from workbench.domain import checklists as rules
from workbench.domain import inspections as states
from workbench.domain import schedules
from workbench.domain.documents import (
    AssetLine,
    ChecklistItemDoc,
    DeviceInspectionDoc,
    InspectionFormDoc,
    InspectionResultDoc,
)
from workbench.domain.messages import QT_TRANSLATE_NOOP, Message, Translate, WorkbenchError
from workbench.domain.scancodes import normalise_asset_code, record_payload
from workbench.domain.timeutil import LOCAL_TZ, to_local
from workbench.domain.timeutil import now as utc_now
from workbench.services import checklists as checklist_service
from workbench.services import engineers as engineer_service
from workbench.services import signing
from workbench.services import workorders as workorder_service
from workbench.services.attachments import store_attachment
from workbench.services.setup import current_contract

log = logging.getLogger("workbench.services.inspections")

RECORD_TYPE = "inspection_round"
ATTACHMENT_FOLDER = "inspections"


def _identity(_context: str, text: str) -> str:
    return text


# -- read models ----------------------------------------------------------------------


@dataclass(frozen=True)
class DueRow:
    asset_id: str
    code: str
    name: str
    category: str
    category_name: str
    category_name_en: str
    location: str
    interval_days: int | None
    state: str  # not_due | due | overdue | unscheduled
    due_on: dt.date | None
    last_inspected: dt.date | None
    days_overdue: int

    @property
    def needs_inspection(self) -> bool:
        return self.state in (schedules.DUE, schedules.OVERDUE)


@dataclass(frozen=True)
class RoundSummary:
    id: str
    number: str
    kind: str
    scope: str
    scope_value: str
    engineer_id: str
    engineer_name: str
    planned_date: dt.date
    status: str
    started_at: dt.datetime
    finished_at: dt.datetime | None
    signed_at: dt.datetime | None
    devices_total: int
    devices_checked: int
    failures: int  # devices with at least one failed item
    demo: bool

    @property
    def signed(self) -> bool:
        return self.status == states.SIGNED

    @property
    def progress_text(self) -> str:
        return f"{self.devices_checked}/{self.devices_total}"


@dataclass(frozen=True)
class RoundAssetRow:
    asset_id: str
    code: str
    name: str
    category: str
    category_name: str
    category_name_en: str
    location: str
    checked: bool
    failed: bool
    inspected_at: dt.datetime | None
    work_order_number: str


@dataclass(frozen=True)
class LocationProgress:
    location: str
    total: int
    checked: int

    @property
    def left(self) -> int:
        return self.total - self.checked


@dataclass(frozen=True)
class RoundDetail:
    summary: RoundSummary
    assets: tuple[RoundAssetRow, ...]
    by_location: tuple[LocationProgress, ...]
    unchecked_reason: str
    client_representative: str
    note: str
    record_hash: str | None
    qr_payload: str | None

    @property
    def number(self) -> str:
        return self.summary.number

    @property
    def status(self) -> str:
        return self.summary.status

    @property
    def left(self) -> tuple[RoundAssetRow, ...]:
        return tuple(a for a in self.assets if not a.checked)


@dataclass(frozen=True)
class AttachmentView:
    id: str
    filename: str
    path: Path
    sha256: str
    size: int


@dataclass(frozen=True)
class DeviceForm:
    """What the checklist editor shows for one device of a round."""

    round_id: str
    round_number: str
    editable: bool
    asset_code: str
    asset_name: str
    location: str
    category: str
    category_name: str
    category_name_en: str
    checklist_id: str
    checklist_version: int
    checklist: rules.Checklist
    values: Mapping[str, str]
    item_notes: Mapping[str, str]
    last_values: Mapping[str, str]
    note: str
    recorded: bool
    inspected_at: dt.datetime | None
    work_order_number: str
    attachments: tuple[AttachmentView, ...] = ()


@dataclass(frozen=True)
class RecordedInspection:
    id: str
    round_id: str
    asset_code: str
    failed: bool
    failed_items: tuple[str, ...]
    work_order_number: str
    devices_checked: int
    devices_total: int


@dataclass(frozen=True)
class HistoryResult:
    key: str
    text: str
    value: str
    passed: bool | None


@dataclass(frozen=True)
class HistoryEntry:
    round_number: str
    inspected_at: dt.datetime
    engineer_name: str
    failed: bool
    checklist_version: int
    note: str
    work_order_number: str
    results: tuple[HistoryResult, ...]


@dataclass(frozen=True)
class NumericSeries:
    key: str
    text: str
    unit: str
    low: float | None
    high: float | None
    points: tuple[tuple[dt.datetime, float], ...]


@dataclass(frozen=True)
class AssetHistory:
    asset_code: str
    asset_name: str
    entries: tuple[HistoryEntry, ...]  # newest first
    series: tuple[NumericSeries, ...] = field(default=())


# -- helpers --------------------------------------------------------------------------


def _now(now: dt.datetime | None) -> dt.datetime:
    value = now or utc_now()
    if value.tzinfo is None:
        raise ValueError("naive datetime")
    return value


def _actor(session: Session) -> str:
    return str(session.info.get("actor", ""))


def _contract(session: Session) -> Contract:
    contract = current_contract(session)
    if contract is None:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "No contract is loaded; run 'workbench init' first.")
        )
    return contract


def _round(session: Session, key: str) -> InspectionRound:
    """A round by its number (XJ-2026-0001) or its id."""
    key = key.strip()
    # No eager options: within one session the round and its loaded collections come
    # from the identity map, so a long unit of work (the demo's year) stays fast.
    query = select(InspectionRound)
    rnd = session.scalar(query.where(InspectionRound.number == key.upper()))
    if rnd is None:
        rnd = session.scalar(query.where(InspectionRound.id == key))
    if rnd is None:
        raise WorkbenchError(QT_TRANSLATE_NOOP("messages", "No inspection round {key}."), key=key)
    return rnd


def _asset_by_code(session: Session, code: str) -> Asset:
    asset = session.scalar(select(Asset).where(Asset.code == normalise_asset_code(code)))
    if asset is None:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "No device with code {code}."), code=code.strip()
        )
    return asset


def _location_name(asset: Asset) -> str:
    return asset.location.name if asset.location else ""


def _asset_line(asset: Asset) -> AssetLine:
    return AssetLine(
        code=asset.code,
        name=asset.name,
        model=asset.model,
        location=_location_name(asset),
        serial_number=asset.serial_number,
    )


def _last_inspected(session: Session) -> dict[str, dt.datetime]:
    rows = session.execute(
        select(DeviceInspection.asset_id, func.max(DeviceInspection.inspected_at)).group_by(
            DeviceInspection.asset_id
        )
    )
    result: dict[str, dt.datetime] = {}
    for asset_id, at in rows:
        if at is not None:
            result[asset_id] = at if at.tzinfo else at.replace(tzinfo=dt.UTC)
    return result


@dataclass(frozen=True)
class _Counts:
    total: int = 0
    checked: int = 0
    failures: int = 0


def _round_counts(session: Session, round_ids: Sequence[str] | None) -> dict[str, _Counts]:
    """Devices in scope, checked and failed per round, counted in SQL (``None``: every
    round). Nothing is loaded as objects: five years of rounds are 260,000 inspections."""
    scope = select(InspectionRoundAsset.round_id, func.count()).group_by(
        InspectionRoundAsset.round_id
    )
    done = select(
        DeviceInspection.round_id,
        func.count(),
        func.coalesce(func.sum(case((DeviceInspection.failed.is_(True), 1), else_=0)), 0),
    ).group_by(DeviceInspection.round_id)
    if round_ids is not None:
        if not round_ids:
            return {}
        scope = scope.where(InspectionRoundAsset.round_id.in_(list(round_ids)))
        done = done.where(DeviceInspection.round_id.in_(list(round_ids)))
    totals = {round_id: int(n) for round_id, n in session.execute(scope)}
    checked = {round_id: (int(n), int(failed)) for round_id, n, failed in session.execute(done)}
    return {
        round_id: _Counts(totals.get(round_id, 0), *checked.get(round_id, (0, 0)))
        for round_id in set(totals) | set(checked)
    }


def _summary(rnd: InspectionRound, counts: _Counts | None = None) -> RoundSummary:
    if counts is None:  # from the round's loaded collections (a round being shown)
        counts = _Counts(
            len(rnd.scope_assets),
            len(rnd.inspections),
            sum(1 for i in rnd.inspections if i.failed),
        )
    return RoundSummary(
        id=rnd.id,
        number=rnd.number,
        kind=rnd.kind,
        scope=rnd.scope,
        scope_value=rnd.scope_value,
        engineer_id=rnd.engineer_id,
        engineer_name=rnd.engineer.name,
        planned_date=rnd.planned_date,
        status=rnd.status,
        started_at=rnd.started_at,
        finished_at=rnd.finished_at,
        signed_at=rnd.signed_at,
        devices_total=counts.total,
        devices_checked=counts.checked,
        failures=counts.failures,
        demo=rnd.demo,
    )


# -- schedules ------------------------------------------------------------------------


def due_devices(
    session: Session, today: dt.date | None = None, *, only_needing: bool = False
) -> list[DueRow]:
    """Every asset in use with its inspection state on ``today`` (Beijing date)."""
    contract = _contract(session)
    today = today or utc_now().astimezone(LOCAL_TZ).date()
    last = _last_inspected(session)
    assets = list(
        session.scalars(
            select(Asset)
            .join(AssetCategory, Asset.category_id == AssetCategory.id)
            .where(Asset.status != "retired")
            .order_by(AssetCategory.sort_order, Asset.code)
        )
    )
    rows: list[DueRow] = []
    for asset in assets:
        at = last.get(asset.id)
        scheduled = schedules.ScheduledAsset(
            code=asset.code,
            interval_days=asset.category.inspection_interval_days,
            last_inspected=to_local(at).date() if at else None,
        )
        st = schedules.status(scheduled, today, contract.start_date)
        if only_needing and not st.needs_inspection:
            continue
        rows.append(
            DueRow(
                asset_id=asset.id,
                code=asset.code,
                name=asset.name,
                category=asset.category.code,
                category_name=asset.category.name,
                category_name_en=asset.category.name_en,
                location=_location_name(asset),
                interval_days=asset.category.inspection_interval_days,
                state=st.state,
                due_on=st.due_on,
                last_inspected=st.last_inspected,
                days_overdue=st.days_overdue,
            )
        )
    rows.sort(key=lambda r: (-r.days_overdue, r.due_on or dt.date.max, r.location, r.code))
    return rows


def _scope_assets(session: Session, scope: str, scope_value: str, today: dt.date) -> list[Asset]:
    query = (
        select(Asset)
        .join(AssetCategory, Asset.category_id == AssetCategory.id)
        .outerjoin(Location, Asset.location_id == Location.id)
        .where(Asset.status != "retired")
    )
    if scope == states.SCOPE_DUE:
        due = {r.asset_id for r in due_devices(session, today, only_needing=True)}
        query = query.where(Asset.id.in_(due)) if due else query.where(Asset.id.is_(None))
    elif scope == states.SCOPE_LOCATION:
        query = query.where(Location.name == scope_value)
    elif scope == states.SCOPE_CATEGORY:
        query = query.where(AssetCategory.code == scope_value)
    elif scope == states.SCOPE_SYSTEMS:
        query = query.where(Asset.kind.in_(states.SYSTEM_KINDS))
    elif scope != states.SCOPE_ALL:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "Unknown round scope {scope}."), scope=scope
        )
    # Walking order: by location, then category, then code.
    query = query.order_by(Location.name, AssetCategory.sort_order, Asset.code)
    return list(session.scalars(query))


# -- rounds ---------------------------------------------------------------------------


def start_round(
    session: Session,
    *,
    engineer_id: str,
    scope: str,
    scope_value: str = "",
    planned_date: dt.date | None = None,
    kind: str = states.ROUTINE,
    note: str = "",
    now: dt.datetime | None = None,
    demo: bool = False,
) -> RoundDetail:
    """Start a round over the devices of ``scope``, fixed from now on."""
    now = _now(now)
    contract = _contract(session)
    engineer = engineer_service.get_engineer(session, engineer_id)
    if not engineer.active:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "{name} is no longer an active engineer."),
            name=engineer.name,
        )
    if kind not in states.ROUND_KINDS:
        raise ValueError(f"unknown round kind {kind!r}")
    if kind == states.KEY_PERIOD:
        scope, scope_value = states.SCOPE_SYSTEMS, ""
    local_now = now.astimezone(LOCAL_TZ)
    planned = planned_date or local_now.date()
    if scope in (states.SCOPE_LOCATION, states.SCOPE_CATEGORY) and not scope_value.strip():
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "Choose the location or category of the round.")
        )
    if not demo:
        running = session.scalar(
            select(InspectionRound.number).where(
                InspectionRound.engineer_id == engineer_id,
                InspectionRound.status == states.RUNNING,
                InspectionRound.demo.is_(False),
            )
        )
        if running is not None:
            raise WorkbenchError(
                QT_TRANSLATE_NOOP(
                    "messages", "Round {number} is still running; pause or finish it first."
                ),
                number=running,
            )
    assets = _scope_assets(session, scope, scope_value.strip(), planned)
    if not assets:
        raise WorkbenchError(QT_TRANSLATE_NOOP("messages", "No devices are in this scope."))
    checklist_service.sync_checklists(session)
    year = local_now.year
    counter = signing.lock_counter(session, f"inspection_round:{year}")
    counter.value += 1
    rnd = InspectionRound(
        number=states.format_round_number(year, counter.value),
        year=year,
        seq=counter.value,
        contract_id=contract.id,
        kind=kind,
        scope=scope,
        scope_value=scope_value.strip(),
        engineer_id=engineer.id,
        planned_date=planned,
        status=states.RUNNING,
        started_at=now,
        note=note.strip(),
        created_by=_actor(session),
        demo=demo,
    )
    session.add(rnd)
    for position, asset in enumerate(assets):
        rnd.scope_assets.append(InspectionRoundAsset(asset_id=asset.id, position=position))
    session.flush()
    log.info("round %s started over %d devices", rnd.number, len(assets))
    return round_detail(session, rnd.id)


def _move(session: Session, key: str, target: str, now: dt.datetime | None) -> RoundDetail:
    rnd = _round(session, key)
    states.check_transition(rnd.status, target)
    rnd.status = target
    if target == states.PAUSED:
        rnd.paused_at = _now(now)
    elif target == states.RUNNING:
        rnd.paused_at = None
    session.flush()
    return round_detail(session, rnd.id)


def pause_round(session: Session, key: str, now: dt.datetime | None = None) -> RoundDetail:
    return _move(session, key, states.PAUSED, now)


def resume_round(session: Session, key: str, now: dt.datetime | None = None) -> RoundDetail:
    rnd = _round(session, key)
    if rnd.status == states.PAUSED and not rnd.demo:
        other = session.scalar(
            select(InspectionRound.number).where(
                InspectionRound.engineer_id == rnd.engineer_id,
                InspectionRound.status == states.RUNNING,
                InspectionRound.id != rnd.id,
            )
        )
        if other is not None:
            raise WorkbenchError(
                QT_TRANSLATE_NOOP(
                    "messages", "Round {number} is still running; pause or finish it first."
                ),
                number=other,
            )
    return _move(session, key, states.RUNNING, now)


def finish_round(
    session: Session, key: str, reason: str = "", now: dt.datetime | None = None
) -> RoundDetail:
    """Finish a round; devices left unchecked need a reason."""
    rnd = _round(session, key)
    states.check_transition(rnd.status, states.FINISHED)
    checked = {i.asset_id for i in rnd.inspections}
    left = [a for a in rnd.scope_assets if a.asset_id not in checked]
    reason = reason.strip()
    if left and not reason:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP(
                "messages", "{count} devices are not checked; say why before finishing."
            ),
            count=len(left),
        )
    rnd.status = states.FINISHED
    rnd.finished_at = _now(now)
    rnd.paused_at = None
    rnd.unchecked_reason = reason if left else ""
    session.flush()
    log.info("round %s finished, %d unchecked", rnd.number, len(left))
    return round_detail(session, rnd.id)


def round_detail(session: Session, key: str) -> RoundDetail:
    rnd = _round(session, key)
    inspections = {i.asset_id: i for i in rnd.inspections}
    rows: list[RoundAssetRow] = []
    progress: dict[str, list[int]] = {}
    for link in rnd.scope_assets:
        asset = link.asset
        done = inspections.get(asset.id)
        location = _location_name(asset)
        rows.append(
            RoundAssetRow(
                asset_id=asset.id,
                code=asset.code,
                name=asset.name,
                category=asset.category.code,
                category_name=asset.category.name,
                category_name_en=asset.category.name_en,
                location=location,
                checked=done is not None,
                failed=bool(done and done.failed),
                inspected_at=done.inspected_at if done else None,
                work_order_number=done.work_order_number if done else "",
            )
        )
        counts = progress.setdefault(location, [0, 0])
        counts[0] += 1
        counts[1] += int(done is not None)
    link_row = signing.link_of(session, RECORD_TYPE, rnd.id)
    return RoundDetail(
        summary=_summary(rnd),
        assets=tuple(rows),
        by_location=tuple(LocationProgress(loc, t, c) for loc, (t, c) in progress.items()),
        unchecked_reason=rnd.unchecked_reason,
        client_representative=rnd.client_representative,
        note=rnd.note,
        record_hash=link_row.content_hash if link_row else None,
        qr_payload=(
            record_payload(RECORD_TYPE, rnd.number, link_row.content_hash) if link_row else None
        ),
    )


def list_rounds(
    session: Session,
    *,
    statuses: Sequence[str] = (),
    include_demo: bool = True,
    limit: int | None = None,
    offset: int = 0,
    started_from: dt.datetime | None = None,
    started_before: dt.datetime | None = None,
) -> list[RoundSummary]:
    """Rounds, newest first; a page of them with ``limit``/``offset``, those started in
    [``started_from``, ``started_before``) when given. The counts come from one
    aggregate query over the page."""
    query = select(InspectionRound).order_by(
        InspectionRound.started_at.desc(), InspectionRound.number.desc()
    )
    if statuses:
        query = query.where(InspectionRound.status.in_(list(statuses)))
    if not include_demo:
        query = query.where(InspectionRound.demo.is_(False))
    if started_from is not None:
        query = query.where(InspectionRound.started_at >= started_from)
    if started_before is not None:
        query = query.where(InspectionRound.started_at < started_before)
    if limit is not None:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    rounds = list(session.scalars(query))
    paged = limit is not None or offset or started_from is not None or started_before is not None
    counts = _round_counts(session, [r.id for r in rounds] if paged else None)
    return [_summary(r, counts.get(r.id, _Counts())) for r in rounds]


def active_round(session: Session, engineer_id: str | None = None) -> RoundSummary | None:
    """The running round (of ``engineer_id``, when given), if any."""
    query = select(InspectionRound).where(InspectionRound.status == states.RUNNING)
    if engineer_id is not None:
        query = query.where(InspectionRound.engineer_id == engineer_id)
    rnd = session.scalar(query.order_by(InspectionRound.started_at.desc()).limit(1))
    if rnd is None:
        return None
    return _summary(rnd, _round_counts(session, [rnd.id]).get(rnd.id, _Counts()))


def in_scope(session: Session, key: str, asset_code: str) -> bool:
    rnd = _round(session, key)
    code = normalise_asset_code(asset_code)
    return any(link.asset.code == code for link in rnd.scope_assets)


# -- one device -----------------------------------------------------------------------


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
        location=_location_name(asset),
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
    lines = [f"{heading}：{asset.code} {asset.name}（{_location_name(asset)}）"]
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
) -> RecordedInspection:
    """Save one device's checklist in one go; a failure opens a linked work order.

    Items not in ``values`` take their defaults (pass, the first good answer, the last
    measured number). Recording the same device again in the running round replaces its
    results; a work order already opened stays linked. ``work_order_number`` links a
    failure to a work order that already exists (the fault was reported before) instead
    of opening a new one.
    """
    now = _now(now)
    rnd = _round(session, key)
    states.check_editable(rnd.status)
    form = device_form(session, rnd.id, asset_code)
    checklist = form.checklist
    given = dict(form.values)
    given.update(values or {})
    results = rules.evaluate_all(checklist, given)
    notes = {k: v.strip() for k, v in (item_notes or {}).items() if v and v.strip()}
    unknown_notes = set(notes) - {i.key for i in checklist.items}
    if unknown_notes:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "Unknown check items: {keys}"),
            keys=", ".join(sorted(unknown_notes)),
        )
    failed = rules.failures(results)
    asset = _asset_by_code(session, asset_code)
    inspection = next((i for i in rnd.inspections if i.asset_id == asset.id), None)
    if inspection is None:
        inspection = DeviceInspection(
            round_id=rnd.id, asset_id=asset.id, checklist_id=form.checklist_id
        )
        rnd.inspections.append(inspection)
    inspection.inspected_at = now
    inspection.failed = bool(failed)
    inspection.note = note.strip()
    existing = {r.item_key: r for r in inspection.results}
    for position, result in enumerate(results):
        item = checklist.item(result.key)
        row = existing.pop(result.key, None)
        if row is None:
            row = InspectionResult(item_key=result.key, kind=item.kind)
            inspection.results.append(row)
        row.position = position
        row.value = result.value
        row.number = result.number
        row.passed = result.passed
        row.note = notes.get(result.key, "")
    for stale in existing.values():
        inspection.results.remove(stale)
    for photo in photos:
        stored, sha, size = _store_attachment(Path(photo))
        if any(a.sha256 == sha for a in inspection.attachments):
            continue
        inspection.attachments.append(
            InspectionAttachment(
                filename=Path(photo).name[:255], stored_path=stored, sha256=sha, size=size
            )
        )
    session.flush()
    if failed and not inspection.work_order_id and work_order_number:
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
    if failed and not inspection.work_order_id:
        order = workorder_service.create_work_order(
            session,
            type="inspection_finding",
            channel="inspection",
            description=_finding_text(
                asset,
                checklist=checklist,
                failed=failed,
                item_notes=notes,
                note=inspection.note,
                round_number=rnd.number,
                translate=translate,
            ),
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
    )


# -- sign-off -------------------------------------------------------------------------


Strokes = Sequence[Sequence[Sequence[float]]]


def sign_round(
    session: Session,
    key: str,
    *,
    pin: str,
    engineer_strokes: Strokes,
    engineer_aspect: float,
    client_name: str,
    client_strokes: Strokes,
    client_aspect: float,
    now: dt.datetime | None = None,
) -> RoundDetail:
    """Sign a finished round: the engineer's PIN and signature, the client's signature.

    The round is locked from then on and its content is hashed into the chain.
    """
    now = _now(now)
    rnd = _round(session, key)
    states.check_transition(rnd.status, states.SIGNED)
    client_name = client_name.strip()
    if not client_name:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "Type the client representative's name.")
        )
    engineer = engineer_service.require_pin(session, rnd.engineer_id, pin, now)
    signing.save_signature(
        session,
        RECORD_TYPE,
        rnd.id,
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
        rnd.id,
        "client",
        client_name,
        client_strokes,
        client_aspect,
        signed_at=now,
    )
    rnd.status = states.SIGNED
    rnd.signed_at = now
    rnd.client_representative = client_name
    session.flush()
    signing.append_to_chain(session, RECORD_TYPE, rnd.id, signed_at=now)
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
    RECORD_TYPE, round_content, label=_round_label, signed_ids=_signed_rounds
)


# -- history --------------------------------------------------------------------------


def asset_history(session: Session, asset_code: str, limit: int = 60) -> AssetHistory:
    """A device's inspections, newest first, with the series of its numeric items."""
    asset = _asset_by_code(session, asset_code)
    rows = list(
        session.scalars(
            select(DeviceInspection)
            .where(DeviceInspection.asset_id == asset.id)
            .options(selectinload(DeviceInspection.results))
            .order_by(DeviceInspection.inspected_at.desc())
            .limit(limit)
        )
    )
    checklists: dict[str, rules.Checklist] = {}
    entries: list[HistoryEntry] = []
    points: dict[str, list[tuple[dt.datetime, float]]] = {}
    for row in rows:
        checklist = checklists.get(row.checklist_id)
        if checklist is None:
            checklist = checklist_service.as_checklist(row.checklist)
            checklists[row.checklist_id] = checklist
        texts = {i.key: i for i in checklist.items}
        results = []
        for r in row.results:
            item = texts.get(r.item_key)
            results.append(
                HistoryResult(
                    key=r.item_key,
                    text=item.text if item else r.item_key,
                    value=display_value(item, r.value) if item else r.value,
                    passed=r.passed,
                )
            )
            if r.kind == "number" and r.number is not None:
                points.setdefault(r.item_key, []).append((row.inspected_at, r.number))
        entries.append(
            HistoryEntry(
                round_number=row.round.number,
                inspected_at=row.inspected_at,
                engineer_name=row.round.engineer.name,
                failed=row.failed,
                checklist_version=checklist.version,
                note=row.note,
                work_order_number=row.work_order_number,
                results=tuple(results),
            )
        )
    series: list[NumericSeries] = []
    current = (
        checklists[rows[0].checklist_id]
        if rows
        else checklist_service.current_checklist(session, asset.category.code)
    )
    for item in current.items:
        if item.kind == "number" and item.key in points:
            series.append(
                NumericSeries(
                    key=item.key,
                    text=item.text,
                    unit=item.unit,
                    low=item.low,
                    high=item.high,
                    points=tuple(sorted(points[item.key])),
                )
            )
    return AssetHistory(asset.code, asset.name, tuple(entries), tuple(series))


# -- forms ----------------------------------------------------------------------------


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


def blank_form(
    session: Session, category: str, translate: Translate = _identity
) -> InspectionFormDoc:
    """A blank inspection form of one category, for a round on paper."""
    contract = _contract(session)
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
        _contract(session) if rnd.contract_id is None else session.get(Contract, rnd.contract_id)
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
                asset=_asset_line(inspection.asset),
                inspected_at=inspection.inspected_at,
                results=results,
                note=note,
            )
        )
    # Exceptions first; then in walking order (location, code).
    devices.sort(key=lambda d: (not d.failed, d.asset.location, d.asset.code))
    checked = {i.asset_id for i in rnd.inspections}
    unchecked = tuple(
        _asset_line(link.asset) for link in rnd.scope_assets if link.asset_id not in checked
    )
    signatures = tuple(
        signing.signature_doc(s) for s in signing.signatures_of(session, RECORD_TYPE, rnd.id)
    )
    link_row = signing.link_of(session, RECORD_TYPE, rnd.id)
    categories = sorted(versions)
    only = checklist_cache and len(categories) == 1
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
        extra={
            "checklists": ", ".join(f"{c} v{versions[c]}" for c in categories),
            "client_representative": rnd.client_representative,
        },
    )
