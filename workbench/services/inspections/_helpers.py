"""Inspections: what the use cases share (lookups, counts, summaries)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from workbench.data.models import Asset
from workbench.data.models.inspections import (
    DeviceInspection,
    InspectionRound,
    InspectionRoundAsset,
)
from workbench.domain.messages import QT_TRANSLATE_NOOP, WorkbenchError
from workbench.domain.scancodes import normalise_asset_code
from workbench.services.inspections.read_models import RoundSummary


def _identity(_context: str, text: str) -> str:
    return text


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
        version=rnd.version,
    )
