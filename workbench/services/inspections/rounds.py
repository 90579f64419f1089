"""Inspections: starting, pausing, resuming and finishing rounds; reading them."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.data.errors import check_row_version
from workbench.data.models.inspections import InspectionRound, InspectionRoundAsset
from workbench.domain import inspections as states
from workbench.domain.messages import QT_TRANSLATE_NOOP, Message, WorkbenchError
from workbench.domain.scancodes import normalise_asset_code, record_payload
from workbench.domain.timeutil import LOCAL_TZ
from workbench.services import checklists as checklist_service
from workbench.services import engineers as engineer_service
from workbench.services import signing
from workbench.services._common import (
    actor_of,
    aware_now,
    checked_text,
    location_name,
    require_contract,
)
from workbench.services.inspections._helpers import _Counts, _round, _round_counts, _summary
from workbench.services.inspections.read_models import (
    RECORD_TYPE,
    LocationProgress,
    RoundAssetRow,
    RoundDetail,
    RoundSummary,
)
from workbench.services.inspections.schedule import _scope_assets

log = logging.getLogger("workbench.services.inspections")


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
    now = aware_now(now)
    contract = require_contract(session)
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
    note = checked_text(
        note.strip(), InspectionRound.note, Message(QT_TRANSLATE_NOOP("messages", "The note"))
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
        note=note,
        created_by=actor_of(session),
        demo=demo,
    )
    session.add(rnd)
    for position, asset in enumerate(assets):
        rnd.scope_assets.append(InspectionRoundAsset(asset_id=asset.id, position=position))
    session.flush()
    log.info("round %s started over %d devices", rnd.number, len(assets))
    return round_detail(session, rnd.id)


def _move(
    session: Session,
    key: str,
    target: str,
    now: dt.datetime | None,
    expected_version: int | None,
) -> RoundDetail:
    rnd = _round(session, key)
    check_row_version(rnd.version, expected_version)
    states.check_transition(rnd.status, target)
    rnd.status = target
    if target == states.PAUSED:
        rnd.paused_at = aware_now(now)
    elif target == states.RUNNING:
        rnd.paused_at = None
    session.flush()
    return round_detail(session, rnd.id)


def pause_round(
    session: Session,
    key: str,
    now: dt.datetime | None = None,
    *,
    expected_version: int | None = None,
) -> RoundDetail:
    """Pause a running round; ``expected_version`` as for :func:`finish_round`."""
    return _move(session, key, states.PAUSED, now, expected_version)


def resume_round(
    session: Session,
    key: str,
    now: dt.datetime | None = None,
    *,
    expected_version: int | None = None,
) -> RoundDetail:
    """Resume a paused round; ``expected_version`` as for :func:`finish_round`."""
    rnd = _round(session, key)
    check_row_version(rnd.version, expected_version)
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
    return _move(session, key, states.RUNNING, now, expected_version)


def finish_round(
    session: Session,
    key: str,
    reason: str = "",
    now: dt.datetime | None = None,
    *,
    expected_version: int | None = None,
) -> RoundDetail:
    """Finish a round; devices left unchecked need a reason.

    ``expected_version``: the round's row version the caller showed (``RoundSummary.
    version``); when someone else has changed the round since, :class:`RecordChangedError`
    and nothing is written."""
    rnd = _round(session, key)
    check_row_version(rnd.version, expected_version)
    states.check_transition(rnd.status, states.FINISHED)
    checked = {i.asset_id for i in rnd.inspections}
    left = [a for a in rnd.scope_assets if a.asset_id not in checked]
    reason = checked_text(
        reason.strip(),
        InspectionRound.unchecked_reason,
        Message(QT_TRANSLATE_NOOP("messages", "The reason for the unchecked devices")),
    )
    if left and not reason:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP(
                "messages", "{count} devices are not checked; say why before finishing."
            ),
            count=len(left),
        )
    rnd.status = states.FINISHED
    rnd.finished_at = aware_now(now)
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
        location = location_name(asset)
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
