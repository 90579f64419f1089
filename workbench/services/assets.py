"""The asset registry: queries for lists and details, add/edit/retire, import/export."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session, aliased

from workbench.data.models import Asset, AssetCategory, Location
from workbench.domain.assets import AssetInput, FieldProblem, normalise_code, validate
from workbench.domain.messages import QT_TRANSLATE_NOOP, Message, WorkbenchError


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
class CategoryRow:
    code: str
    name: str
    name_en: str
    kind: str
    inspection_interval_days: int | None


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


QueryT = TypeVar("QueryT", bound=Select[*tuple[Any, ...]])

# Sortable columns of the list, by key.
SORT_COLUMNS: dict[str, Any] = {
    "code": Asset.code,
    "name": Asset.name,
    "kind": Asset.kind,
    "category": AssetCategory.sort_order,
    "line_item": Asset.line_item,
    "model": Asset.model,
    "serial_number": Asset.serial_number,
    "location": Location.name,
    "status": Asset.status,
    "updated_at": Asset.updated_at,
}


def _base_query() -> Select[Asset, AssetCategory, Location]:
    loc = aliased(Location)
    return (
        select(Asset, AssetCategory, loc)
        .join(AssetCategory, Asset.category_id == AssetCategory.id)
        .outerjoin(loc, Asset.location_id == loc.id)
    )


def _apply_filter(query: QueryT, flt: AssetFilter) -> QueryT:
    if flt.kind:
        query = query.where(Asset.kind == flt.kind)
    if flt.category:
        query = query.where(AssetCategory.code == flt.category)
    if flt.status:
        query = query.where(Asset.status == flt.status)
    elif not flt.include_retired:
        query = query.where(Asset.status != "retired")
    if flt.location:
        query = query.where(
            Asset.location_id.in_(select(Location.id).where(Location.name == flt.location))
        )
    text = flt.search.strip()
    if text:
        pattern = "%" + like_escape(text) + "%"
        loc_match = select(Location.id).where(Location.name.ilike(pattern, escape="\\"))
        query = query.where(
            or_(
                Asset.code.ilike(pattern, escape="\\"),
                Asset.name.ilike(pattern, escape="\\"),
                Asset.model.ilike(pattern, escape="\\"),
                Asset.serial_number.ilike(pattern, escape="\\"),
                Asset.location_id.in_(loc_match),
            )
        )
    return query


def like_escape(text: str) -> str:
    """Escape LIKE wildcards so a search for ``50%`` finds exactly that (escape char ``\\``)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _row(asset: Asset, category: AssetCategory, location: Location | None) -> AssetRow:
    return AssetRow(
        id=asset.id,
        code=asset.code,
        kind=asset.kind,
        name=asset.name,
        category=category.code,
        category_name=category.name,
        category_name_en=category.name_en,
        line_item=asset.line_item,
        model=asset.model,
        serial_number=asset.serial_number,
        location=location.name if location else "",
        url=asset.url,
        status=asset.status,
        notes=asset.notes,
        created_at=asset.created_at,
        updated_at=asset.updated_at,
        version=asset.version,
    )


def list_assets(
    session: Session,
    flt: AssetFilter | None = None,
    *,
    order_by: str = "code",
    descending: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> list[AssetRow]:
    flt = flt or AssetFilter()
    query = _apply_filter(_base_query(), flt)
    column = SORT_COLUMNS.get(order_by, Asset.code)
    query = query.order_by(column.desc() if descending else column.asc(), Asset.code.asc())
    if limit is not None:
        query = query.limit(limit).offset(offset)
    return [_row(a, c, loc) for a, c, loc in session.execute(query)]


def count_assets(session: Session, flt: AssetFilter | None = None) -> int:
    query = _apply_filter(
        select(func.count(Asset.id)).join(AssetCategory, Asset.category_id == AssetCategory.id),
        flt or AssetFilter(),
    )
    return int(session.scalar(query) or 0)


def get_asset(session: Session, code: str) -> AssetRow | None:
    found = session.execute(_base_query().where(Asset.code == normalise_code(code))).first()
    return _row(found[0], found[1], found[2]) if found else None


def list_categories(session: Session) -> list[CategoryRow]:
    return [
        CategoryRow(c.code, c.name, c.name_en, c.kind, c.inspection_interval_days)
        for c in session.scalars(select(AssetCategory).order_by(AssetCategory.sort_order))
    ]


def list_locations(session: Session) -> list[str]:
    return list(session.scalars(select(Location.name).order_by(Location.name)))


def _category_kinds(session: Session) -> dict[str, str]:
    return dict(session.execute(select(AssetCategory.code, AssetCategory.kind)).all())


def _location_id(session: Session, name: str) -> str | None:
    name = name.strip()
    if not name:
        return None
    location = session.scalar(select(Location).where(Location.name == name))
    if location is None:
        location = Location(name=name)
        session.add(location)
        session.flush()
    return location.id


def _clean(value: AssetInput) -> AssetInput:
    return AssetInput(
        code=normalise_code(value.code),
        name=value.name.strip(),
        kind=value.kind.strip(),
        category=value.category.strip(),
        line_item=value.line_item,
        model=value.model.strip(),
        serial_number=value.serial_number.strip(),
        location=value.location.strip(),
        url=value.url.strip(),
        status=value.status.strip(),
        notes=value.notes.strip(),
    )


def _apply(session: Session, asset: Asset, value: AssetInput, category_ids: dict[str, str]) -> None:
    asset.code = value.code
    asset.name = value.name
    asset.kind = value.kind
    asset.category_id = category_ids[value.category]
    asset.line_item = value.line_item
    asset.model = value.model
    asset.serial_number = value.serial_number
    asset.location_id = _location_id(session, value.location)
    asset.url = value.url
    asset.status = value.status
    asset.notes = value.notes


def _category_ids(session: Session) -> dict[str, str]:
    return dict(session.execute(select(AssetCategory.code, AssetCategory.id)).all())


def create_asset(session: Session, value: AssetInput) -> AssetRow:
    value = _clean(value)
    problems = validate(value, category_kinds=_category_kinds(session))
    if session.scalar(select(Asset.id).where(Asset.code == value.code)):
        problems.append(
            FieldProblem(
                "code",
                Message(
                    QT_TRANSLATE_NOOP("messages", "Asset code '{code}' is already in use."),
                    {"code": value.code},
                ),
            )
        )
    if problems:
        raise AssetValidationError(problems)
    asset = Asset()
    _apply(session, asset, value, _category_ids(session))
    session.add(asset)
    session.flush()
    result = get_asset(session, value.code)
    assert result is not None
    return result


def _load(session: Session, code: str) -> Asset:
    asset = session.scalar(select(Asset).where(Asset.code == normalise_code(code)))
    if asset is None:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "No asset with code '{code}'."), code=code
        )
    return asset


def _check_version(asset: Asset, expected_version: int | None) -> None:
    if expected_version is not None and asset.version != expected_version:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP(
                "messages",
                "Asset '{code}' was changed by someone else meanwhile; reload it and try again.",
            ),
            code=asset.code,
        )


def update_asset(
    session: Session, code: str, value: AssetInput, *, expected_version: int | None = None
) -> AssetRow:
    asset = _load(session, code)
    _check_version(asset, expected_version)
    value = _clean(value)
    problems = validate(value, category_kinds=_category_kinds(session))
    if value.code != asset.code and session.scalar(
        select(Asset.id).where(Asset.code == value.code)
    ):
        problems.append(
            FieldProblem(
                "code",
                Message(
                    QT_TRANSLATE_NOOP("messages", "Asset code '{code}' is already in use."),
                    {"code": value.code},
                ),
            )
        )
    if problems:
        raise AssetValidationError(problems)
    _apply(session, asset, value, _category_ids(session))
    session.flush()
    result = get_asset(session, value.code)
    assert result is not None
    return result


def set_status(
    session: Session, code: str, status: str, *, expected_version: int | None = None
) -> AssetRow:
    """Retire (``retired``), send to repair or return to service. Nothing is deleted."""
    asset = _load(session, code)
    _check_version(asset, expected_version)
    row = get_asset(session, asset.code)
    assert row is not None
    value = row.as_input()
    return update_asset(
        session,
        asset.code,
        AssetInput(**{**value.__dict__, "status": status}),
        expected_version=expected_version,
    )
