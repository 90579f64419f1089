"""Reading the registry (assets, their categories and locations) with SQLAlchemy Core.

The device list is the first thing the workbench shows, so its queries import neither the
ORM nor the mapped models: they read the Core tables of ``workbench.data.schema`` and work
on a plain :class:`~sqlalchemy.engine.Connection` (``Store.read_connection``) as well as
on a session. The changes to the registry are in ``workbench.services.assets``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, func, or_, select, table

from workbench.data.schema import asset, asset_category, location
from workbench.domain.assets import AssetInput, Category, FieldProblem, normalise_code
from workbench.domain.messages import QT_TRANSLATE_NOOP, WorkbenchError

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.orm import Session

    Reader = Connection | Session


@dataclass(frozen=True)
class AssetRow:
    id: str
    code: str
    kind: str
    name: str
    category: str
    category_name: str
    category_name_en: str
    line_item: int | None
    model: str
    serial_number: str
    location: str
    location_en: str
    url: str
    status: str
    notes: str
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int

    def as_input(self) -> AssetInput:
        return AssetInput(
            code=self.code,
            name=self.name,
            kind=self.kind,
            category=self.category,
            line_item=self.line_item,
            model=self.model,
            serial_number=self.serial_number,
            location=self.location,
            url=self.url,
            status=self.status,
            notes=self.notes,
        )


@dataclass(frozen=True)
class AssetFilter:
    kind: str | None = None
    category: str | None = None
    status: str | None = None
    location: str | None = None
    search: str = ""
    include_retired: bool = True


class AssetValidationError(WorkbenchError):
    """The asset could not be saved; ``problems`` names each field."""

    def __init__(self, problems: Sequence[FieldProblem]) -> None:
        self.problems = list(problems)
        super().__init__(
            QT_TRANSLATE_NOOP("messages", "The asset cannot be saved: {details}"),
            details="; ".join(str(p.message) for p in problems),
        )


def _lengths(**columns: Any) -> dict[str, int]:
    return {
        name: length
        for name, column in columns.items()
        if (length := getattr(column.type, "length", None)) is not None
    }


# The most characters each text field of an asset may hold: the columns' own lengths, so
# that validation refuses what the store (PostgreSQL's VARCHAR) would reject.
ASSET_FIELD_LIMITS: dict[str, int] = _lengths(
    code=asset.c.code,
    name=asset.c.name,
    model=asset.c.model,
    serial_number=asset.c.serial_number,
    location=location.c.name,
    url=asset.c.url,
    notes=asset.c.notes,
)


# Sortable columns of the list, by key.
SORT_COLUMNS: dict[str, Any] = {
    "code": asset.c.code,
    "name": asset.c.name,
    "kind": asset.c.kind,
    "category": asset_category.c.sort_order,
    "line_item": asset.c.line_item,
    "model": asset.c.model,
    "serial_number": asset.c.serial_number,
    "location": location.c.name,
    "status": asset.c.status,
    "updated_at": asset.c.updated_at,
}

# AssetRow's fields, in order, as the columns that fill them.
_ROW_COLUMNS = (
    asset.c.id,
    asset.c.code,
    asset.c.kind,
    asset.c.name,
    asset_category.c.code.label("category"),
    asset_category.c.name.label("category_name"),
    asset_category.c.name_en.label("category_name_en"),
    asset.c.line_item,
    asset.c.model,
    asset.c.serial_number,
    func.coalesce(location.c.name, "").label("location"),
    func.coalesce(location.c.name_en, "").label("location_en"),
    asset.c.url,
    asset.c.status,
    asset.c.notes,
    asset.c.created_at,
    asset.c.updated_at,
    asset.c.version,
)


def _joined(query: Select[Any]) -> Select[Any]:
    return query.select_from(
        asset.join(asset_category, asset.c.category_id == asset_category.c.id).outerjoin(
            location, asset.c.location_id == location.c.id
        )
    )


def like_escape(text: str) -> str:
    """Escape LIKE wildcards so a search for ``50%`` finds exactly that (escape char ``\\``)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _apply_filter(query: Select[Any], flt: AssetFilter) -> Select[Any]:
    if flt.kind:
        query = query.where(asset.c.kind == flt.kind)
    if flt.category:
        query = query.where(asset_category.c.code == flt.category)
    if flt.status:
        query = query.where(asset.c.status == flt.status)
    elif not flt.include_retired:
        query = query.where(asset.c.status != "retired")
    if flt.location:
        query = query.where(location.c.name == flt.location)
    text = flt.search.strip()
    if text:
        pattern = "%" + like_escape(text) + "%"
        query = query.where(
            or_(
                asset.c.code.ilike(pattern, escape="\\"),
                asset.c.name.ilike(pattern, escape="\\"),
                asset.c.model.ilike(pattern, escape="\\"),
                asset.c.serial_number.ilike(pattern, escape="\\"),
                location.c.name.ilike(pattern, escape="\\"),
            )
        )
    return query


def list_assets(
    reader: Reader,
    flt: AssetFilter | None = None,
    *,
    order_by: str = "code",
    descending: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> list[AssetRow]:
    query = _apply_filter(_joined(select(*_ROW_COLUMNS)), flt or AssetFilter())
    column = SORT_COLUMNS.get(order_by, asset.c.code)
    query = query.order_by(column.desc() if descending else column.asc(), asset.c.code.asc())
    if limit is not None:
        query = query.limit(limit).offset(offset)
    return [AssetRow(*row) for row in reader.execute(query)]


def count_assets(reader: Reader, flt: AssetFilter | None = None) -> int:
    query = _apply_filter(_joined(select(func.count(asset.c.id))), flt or AssetFilter())
    return int(reader.scalar(query) or 0)


def get_asset(reader: Reader, code: str) -> AssetRow | None:
    query = _joined(select(*_ROW_COLUMNS)).where(asset.c.code == normalise_code(code))
    found = reader.execute(query).first()
    return AssetRow(*found) if found else None


def list_categories(reader: Reader) -> list[Category]:
    query = select(
        asset_category.c.code,
        asset_category.c.name,
        asset_category.c.name_en,
        asset_category.c.kind,
        asset_category.c.inspection_interval_days,
    ).order_by(asset_category.c.sort_order)
    return [Category(*row) for row in reader.execute(query)]


def list_locations(reader: Reader) -> list[str]:
    return list(reader.scalars(select(location.c.name).order_by(location.c.name)))


def contract_loaded(reader: Reader) -> bool:
    """Whether the store holds a contract (false only before the first start filled it)."""
    contract = table("contract")
    return reader.execute(select(1).select_from(contract).limit(1)).first() is not None
