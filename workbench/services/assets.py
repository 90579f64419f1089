"""The asset registry: add, edit, retire. Its queries (lists and details) are in
``workbench.services.registry``, re-exported here."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.data.errors import RecordChangedError
from workbench.data.models import Asset, AssetCategory, Location
from workbench.domain.assets import AssetInput, FieldProblem, normalise_code, validate
from workbench.domain.messages import QT_TRANSLATE_NOOP, Message, WorkbenchError
from workbench.services.registry import (
    ASSET_FIELD_LIMITS,
    SORT_COLUMNS,
    AssetFilter,
    AssetRow,
    AssetValidationError,
    count_assets,
    get_asset,
    like_escape,
    list_assets,
    list_categories,
    list_locations,
)

__all__ = [
    "ASSET_FIELD_LIMITS",
    "SORT_COLUMNS",
    "AssetFilter",
    "AssetRow",
    "AssetValidationError",
    "count_assets",
    "create_asset",
    "get_asset",
    "like_escape",
    "list_assets",
    "list_categories",
    "list_locations",
    "set_status",
    "update_asset",
]


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


def _validated(session: Session, value: AssetInput, current_code: str = "") -> AssetInput:
    """``value`` cleaned and checked; its code must be free unless it is ``current_code``."""
    value = _clean(value)
    problems = validate(
        value, category_kinds=_category_kinds(session), max_lengths=ASSET_FIELD_LIMITS
    )
    if value.code != current_code and session.scalar(
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
    return value


def _save(session: Session, asset: Asset, value: AssetInput) -> AssetRow:
    """Write ``value`` into ``asset`` (new or stored) and return it as it now reads."""
    _apply(session, asset, value, _category_ids(session))
    session.add(asset)
    session.flush()
    result = get_asset(session, value.code)
    assert result is not None
    return result


def create_asset(session: Session, value: AssetInput) -> AssetRow:
    return _save(session, Asset(), _validated(session, value))


def _load(session: Session, code: str) -> Asset:
    asset = session.scalar(select(Asset).where(Asset.code == normalise_code(code)))
    if asset is None:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "No asset with code '{code}'."), code=code
        )
    return asset


def _check_version(asset: Asset, expected_version: int | None) -> None:
    if expected_version is not None and asset.version != expected_version:
        raise RecordChangedError(
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
    return _save(session, asset, _validated(session, value, current_code=asset.code))


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
