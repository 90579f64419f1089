"""Exported cells never run as formulas in a spreadsheet program (CSV/formula injection)."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from workbench.domain.assets import AssetInput
from workbench.services import asset_io
from workbench.services import assets as asset_service

HYPERLINK = '=HYPERLINK("http://x","y")'
DANGEROUS = {
    "XF-KIOSK-40": HYPERLINK,
    "XF-KIOSK-41": "=cmd|' /C calc'!A0",
    "XF-KIOSK-42": "+1+1",
    "XF-KIOSK-43": "-2+3",
    "XF-KIOSK-44": "@SUM(A1)",
}  # (a leading TAB or CR cannot be saved: names and notes are trimmed)


@pytest.fixture
def dangerous(store: Any) -> Any:
    with store.transaction() as session:
        for code, name in DANGEROUS.items():
            asset_service.create_asset(
                session,
                AssetInput(code=code, name=name, kind="device", category="kiosk", notes=name),
            )
    return store


def test_xlsx_cells_are_strings(dangerous: Any, tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    with dangerous.transaction() as session:
        asset_io.export_assets(session, path, codes=list(DANGEROUS))
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    names = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    for code, name in DANGEROUS.items():
        name_cell, notes_cell = names[code][1], names[code][10]
        assert name_cell.value == name and notes_cell.value == name
        assert name_cell.data_type == notes_cell.data_type == "s"  # never "f"
        assert name_cell.quotePrefix
    assert "<f>" not in _sheet_xml(path)


def _sheet_xml(path: Path) -> str:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return archive.read("xl/worksheets/sheet1.xml").decode()


def test_csv_fields_start_with_a_quote(dangerous: Any, tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    with dangerous.transaction() as session:
        asset_io.export_assets(session, path, codes=list(DANGEROUS))
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines(keepends=True)))
    by_code = {r[0]: r for r in rows[1:]}
    assert by_code["XF-KIOSK-40"][1] == "'" + HYPERLINK
    for code, name in DANGEROUS.items():
        assert by_code[code][1] == "'" + name and by_code[code][10] == "'" + name


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_quoted_cells_import_back_as_they_were(dangerous: Any, tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"out{suffix}"
    with dangerous.transaction() as session:
        asset_io.export_assets(session, path, codes=list(DANGEROUS))
    with dangerous.transaction() as session:
        report = asset_io.import_assets(session, path)
    assert sorted(report.unchanged) == sorted(DANGEROUS)


def test_work_order_export_keeps_formulas_as_text(tmp_path: Path) -> None:
    from workbench.services.exports import write_xlsx

    path = tmp_path / "wo.xlsx"
    rows = [[HYPERLINK, -1], ["-正常", 2], ["\t=1+1", 3], ["\r=1+1", 4], ["正常 =1", 5]]
    write_xlsx(path, "工单", [("故障描述", 30), ("数", 5)], rows)
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    assert [(c.value, c.data_type) for c in sheet[2]] == [(HYPERLINK, "s"), (-1, "n")]
    assert all(sheet[f"A{n}"].quotePrefix for n in (3, 4, 5))
    assert not sheet["A6"].quotePrefix


def test_inert_quotes_only_what_starts_like_a_formula() -> None:
    from workbench.services.spreadsheets import inert

    assert [inert(v) for v in ("=1", "+1", "-1", "@x", "\t=1", "\r=1")] == [
        "'=1",
        "'+1",
        "'-1",
        "'@x",
        "'\t=1",
        "'\r=1",
    ]
    assert [inert(v) for v in ("a=1", "", 5, -1.5, None)] == ["a=1", "", 5, -1.5, None]
