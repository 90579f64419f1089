"""Inspections: a device's inspections over time, with its numeric series."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from workbench.data.models.inspections import DeviceInspection
from workbench.domain import checklists as rules
from workbench.services import checklists as checklist_service
from workbench.services.inspections._helpers import _asset_by_code
from workbench.services.inspections.read_models import (
    AssetHistory,
    HistoryEntry,
    HistoryResult,
    NumericSeries,
)
from workbench.services.inspections.recording import display_value


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
