"""Export then import round-trips every field; each kind of bad file is refused whole."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from workbench.data.models import Asset
from workbench.domain.assets import AssetInput
from workbench.services import asset_io
from workbench.services import assets as asset_service

FIELDS = (
    "code",
    "name",
    "kind",
    "category",
    "line_item",
    "model",
    "serial_number",
    "location",
    "url",
    "status",
    "notes",
)


def snapshot(store) -> dict[str, tuple]:
    with store.transaction() as session:
        return {
            r.code: tuple(getattr(r, f) for f in FIELDS) for r in asset_service.list_assets(session)
        }


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_import_round_trips_every_field(store, tmp_path: Path, suffix: str):
    with store.transaction() as session:
        # Make every field non-trivial on a few assets, including commas, quotes and newlines.
        row = asset_service.get_asset(session, "XF-KIOSK-02")
        assert row is not None
        asset_service.update_asset(
            session,
            row.code,
            AssetInput(
                **{
                    **row.as_input().__dict__,
                    "serial_number": 'SN,2026"A"',
                    "notes": "屏幕有划痕\n已报厂商",
                    "status": "repair",
                }
            ),
        )
    before = snapshot(store)
    path = tmp_path / f"assets{suffix}"
    with store.transaction() as session:
        assert asset_io.export_assets(session, path) == len(before)

    # Change the store, then import the file back: everything returns to the exported state.
    with store.transaction() as session:
        row = asset_service.get_asset(session, "XF-KIOSK-02")
        assert row is not None
        asset_service.update_asset(
            session,
            row.code,
            AssetInput(**{**row.as_input().__dict__, "notes": "", "status": "in_use"}),
        )
    with store.transaction() as session:
        report = asset_io.import_assets(session, path)
    assert report.updated == ["XF-KIOSK-02"]
    assert len(report.unchanged) == len(before) - 1
    assert snapshot(store) == before


def test_import_creates_new_assets_and_dry_run_changes_nothing(store, tmp_path: Path):
    path = tmp_path / "new.csv"
    path.write_text(
        "设备编号,名称,类型,类别,合同序号,型号,序列号,位置,状态\n"
        "XF-KIOSK-09,信访自助一体机,设备,信访自助一体机,1,K1,SN9,一层 接待大厅,在用\n",
        encoding="utf-8-sig",
    )
    with store.transaction() as session:
        report = asset_io.import_assets(session, path, dry_run=True)
        session.rollback()
    assert report.created == ["XF-KIOSK-09"]
    with store.transaction() as session:
        assert asset_service.get_asset(session, "XF-KIOSK-09") is None
        asset_io.import_assets(session, path)
    with store.transaction() as session:
        row = asset_service.get_asset(session, "XF-KIOSK-09")
        assert row is not None and row.category == "kiosk" and row.line_item == 1


def test_gbk_csv_from_excel_is_read(store, tmp_path: Path):
    path = tmp_path / "gbk.csv"
    path.write_bytes(
        "code,name,kind,category,location\nXF-WS-03,联想 P340,device,workstation,机房\n".encode(
            "gbk"
        )
    )
    with store.transaction() as session:
        asset_io.import_assets(session, path)
        row = asset_service.get_asset(session, "XF-WS-03")
        assert row is not None and row.name == "联想 P340" and row.location == "机房"


def count(store) -> int:
    with store.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(Asset)) or 0)


def write_xlsx(path: Path, rows: list[list[object]]) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)


GOOD_HEADER = ["code", "name", "kind", "category", "line_item"]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "unknown_column.csv",
            "code,name,kind,category,colour\nXF-A-01,a,device,kiosk,red\n",
            "Unknown column 'colour'",
        ),
        (
            "empty_code.csv",
            "code,name,kind,category\n,a,device,kiosk\n",
            "Row 2, column code: The asset code is empty.",
        ),
        (
            "unknown_category.csv",
            "code,name,kind,category\nXF-A-01,a,device,spaceship\n",
            "Row 2, column category: Unknown category 'spaceship'.",
        ),
        (
            "duplicate.csv",
            "code,name,kind,category\nXF-A-01,a,device,kiosk\nXF-A-01,b,device,kiosk\n",
            "Row 3, column code: Code 'XF-A-01' appears again (first in row 2).",
        ),
        (
            "wrong_type.csv",
            "code,name,kind,category,line_item\nXF-A-01,a,device,kiosk,four\n",
            "Row 2, column line_item: 'four' is not a whole number.",
        ),
        ("empty.csv", "", "The file is empty."),
        ("header_only.csv", "code,name,kind,category\n", "The file has a header but no rows."),
        ("not_a_sheet.xlsx", "this is plain text, not a zip", "This is not an Excel workbook"),
        ("photo.png", "\x89PNG", "Unsupported file type '.png'"),
    ],
)
def test_bad_files_are_refused_whole(store, tmp_path: Path, name: str, content: str, expected: str):
    path = tmp_path / name
    # Good rows before the bad one must not be applied either.
    path.write_text(content, encoding="utf-8")
    before = snapshot(store)
    with pytest.raises(asset_io.ImportRefused) as info, store.transaction() as session:
        asset_io.import_assets(session, path)
    assert expected in info.value.render()
    assert snapshot(store) == before


def test_bad_xlsx_rows_name_row_and_column(store, tmp_path: Path):
    path = tmp_path / "bad.xlsx"
    write_xlsx(
        path,
        [
            GOOD_HEADER,
            ["XF-KIOSK-01", "信访自助一体机", "device", "kiosk", 1],
            ["XF-KIOSK-10", "", "device", "kiosk", 1.5],
            ["XF-KIOSK-11", "kiosk", "device", "kiosk", 1],
        ],
    )
    before = snapshot(store)
    with pytest.raises(asset_io.ImportRefused) as info, store.transaction() as session:
        asset_io.import_assets(session, path)
    text = info.value.render()
    assert "Row 3, column name: The name is empty." in text
    assert "Row 3, column line_item: '1.5' is not a whole number." in text
    assert "XF-KIOSK-11" not in text
    assert snapshot(store) == before and count(store) == 83


def test_excel_number_cells_and_dates_are_handled(store, tmp_path: Path):
    import datetime as dt

    path = tmp_path / "numbers.xlsx"
    write_xlsx(
        path,
        [[*GOOD_HEADER, "serial_number"], ["XF-KIOSK-12", "k", "device", "kiosk", 1.0, 123456]],
    )
    with store.transaction() as session:
        asset_io.import_assets(session, path)
        row = asset_service.get_asset(session, "XF-KIOSK-12")
        assert row is not None and row.line_item == 1 and row.serial_number == "123456"
    path2 = tmp_path / "dates.xlsx"
    write_xlsx(
        path2,
        [
            [*GOOD_HEADER, "notes"],
            ["XF-KIOSK-13", "k", "device", "kiosk", 1, dt.datetime(2026, 5, 1)],  # noqa: DTZ001 - Excel cells have no zone,
        ],
    )
    with store.transaction() as session:
        asset_io.import_assets(session, path2)
        row = asset_service.get_asset(session, "XF-KIOSK-13")
        assert row is not None and row.notes.startswith("2026-05-01")


def test_csv_export_opens_in_excel_as_utf8(store, tmp_path: Path):
    path = tmp_path / "a.csv"
    with store.transaction() as session:
        asset_io.export_assets(session, path, codes=["XF-VC-01"])
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][0] == "设备编号" and rows[1][0] == "XF-VC-01"
