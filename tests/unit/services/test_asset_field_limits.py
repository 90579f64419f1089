"""Field limits come from the schema: what a column cannot hold is refused plainly, on
SQLite (which would keep it) and PostgreSQL (which would raise DataError) alike."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect

from workbench.domain.assets import AssetInput
from workbench.services import asset_io
from workbench.services import assets as asset_service
from workbench.services.registry import ASSET_FIELD_LIMITS


def kiosk(**changes: Any) -> AssetInput:
    return AssetInput(
        **{
            "code": "XF-KIOSK-30",
            "name": "一体机",
            "kind": "device",
            "category": "kiosk",
            **changes,
        }
    )


def test_limits_are_the_migrated_columns_lengths(store: Any) -> None:
    columns = {c["name"]: c["type"] for c in inspect(store.engine).get_columns("asset")}
    location = {c["name"]: c["type"] for c in inspect(store.engine).get_columns("location")}
    assert ASSET_FIELD_LIMITS["location"] == location["name"].length == 100
    for name in ("code", "name", "model", "serial_number", "url"):
        assert ASSET_FIELD_LIMITS[name] == columns[name].length


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("location", "楼" * 150, "Too long: at most 100 characters."),
        ("name", "n" * 201, "Too long: at most 200 characters."),
        ("url", "u" * 301, "Too long: at most 300 characters."),
        ("notes", "before\x00after", "The control character U+0000 is not allowed."),
        ("name", "ab\x00", "The control character U+0000 is not allowed."),
        ("location", "机房\x1b[2J", "The control character U+001B is not allowed."),
    ],
)
def test_bad_input_is_refused_plainly_on_every_backend(
    store: Any, field: str, value: str, expected: str
) -> None:
    with pytest.raises(asset_service.AssetValidationError) as info, store.transaction() as session:
        asset_service.create_asset(session, kiosk(**{field: value}))
    assert [(p.field, str(p.message)) for p in info.value.problems] == [(field, expected)]
    with store.transaction() as session:
        assert asset_service.get_asset(session, "XF-KIOSK-30") is None
        asset_service.create_asset(session, kiosk())
    with pytest.raises(asset_service.AssetValidationError), store.transaction() as session:
        asset_service.update_asset(session, "XF-KIOSK-30", kiosk(**{field: value}))


def test_values_at_the_limit_are_kept(store: Any) -> None:
    with store.transaction() as session:
        asset_service.create_asset(
            session, kiosk(location="楼" * 100, name="n" * 200, notes="第一行\n第二行\t完")
        )
    with store.transaction() as session:
        row = asset_service.get_asset(session, "XF-KIOSK-30")
        assert row is not None and row.location == "楼" * 100 and len(row.name) == 200


def test_import_refuses_a_location_too_long_by_row_and_column(store: Any, tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text(
        f"设备编号,名称,类型,类别,位置\nXF-KIOSK-30,一体机,设备,kiosk,{'楼' * 150}\n",
        encoding="utf-8",
    )
    with pytest.raises(asset_io.ImportRefused) as info, store.transaction() as session:
        asset_io.import_assets(session, path)
    assert "Row 2, column 位置: Too long: at most 100 characters." in info.value.render()


def test_a_code_in_use_is_refused_on_create_and_update_but_an_asset_keeps_its_own(
    store: Any,
) -> None:
    with store.transaction() as session:
        asset_service.create_asset(session, kiosk())
        asset_service.create_asset(session, kiosk(code="XF-KIOSK-31"))
    in_use = [("code", "Asset code 'XF-KIOSK-30' is already in use.")]
    with pytest.raises(asset_service.AssetValidationError) as info, store.transaction() as session:
        asset_service.create_asset(session, kiosk(code=" xf-kiosk-30 "))
    assert [(p.field, str(p.message)) for p in info.value.problems] == in_use
    with pytest.raises(asset_service.AssetValidationError) as info, store.transaction() as session:
        asset_service.update_asset(session, "XF-KIOSK-31", kiosk())
    assert [(p.field, str(p.message)) for p in info.value.problems] == in_use
    with store.transaction() as session:
        row = asset_service.update_asset(session, "XF-KIOSK-30", kiosk(name="一体机（大厅）"))
    assert (row.code, row.name) == ("XF-KIOSK-30", "一体机（大厅）")
