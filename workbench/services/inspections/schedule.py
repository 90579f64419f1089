"""Inspections: which devices are due, and which a round's scope takes."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.data.models import Asset, AssetCategory, Location
from workbench.domain import inspections as states
from workbench.domain import schedules
from workbench.domain.messages import QT_TRANSLATE_NOOP, WorkbenchError
from workbench.domain.timeutil import to_local
from workbench.services._common import local_today, location_name, require_contract
from workbench.services.inspections._helpers import _last_inspected
from workbench.services.inspections.read_models import DueRow
from workbench.services.records import effective_records_from


def due_devices(
    session: Session, today: dt.date | None = None, *, only_needing: bool = False
) -> list[DueRow]:
    """Every asset in use with its inspection state on ``today`` (Beijing date)."""
    contract = require_contract(session)
    today = local_today(today)
    since = effective_records_from(contract)
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
        st = schedules.status(scheduled, today, contract.start_date, since)
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
                location=location_name(asset),
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
