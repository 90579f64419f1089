"""Hostile and careless spreadsheets, built byte by byte in tmp: each is refused plainly (row
and column named where there is one), the store unchanged, memory bounded; none is imported
in part."""

from __future__ import annotations

import re
import time
import tracemalloc
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from workbench.services import asset_io, monitoring, spreadsheets
from workbench.services import assets as asset_service

HEADER = ["code", "name", "kind", "category"]
SHEET = "xl/worksheets/sheet1.xml"


def assets(store: Any) -> dict[str, tuple[str, str]]:
    with store.transaction() as session:
        return {r.code: (r.name, r.notes) for r in asset_service.list_assets(session)}


def refused(store: Any, path: Path) -> asset_io.ImportRefused:
    """Import ``path``, expect a refusal, check that nothing changed; the refusal."""
    before = assets(store)
    with pytest.raises(asset_io.ImportRefused) as info, store.transaction() as session:
        asset_io.import_assets(session, path)
    assert assets(store) == before
    return info.value


def kiosk_rows(count: int, first: int = 20) -> list[list[Any]]:
    return [
        [f"XF-KIOSK-{n}", f"一体机 {n}", "device", "kiosk"] for n in range(first, first + count)
    ]


def write_xlsx(path: Path, rows: list[list[Any]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def rewrite(path: Path, member: str, change: Callable[[str], str]) -> Path:
    """``path`` with one zip member's text changed, every other member copied as it is."""
    with zipfile.ZipFile(path) as source:
        parts = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in parts:
            is_member = info.filename == member
            target.writestr(info.filename, change(data.decode()).encode() if is_member else data)
    return path


def with_dimension(path: Path, ref: str) -> Path:
    def change(xml: str) -> str:
        xml, count = re.subn(r'<dimension ref="[^"]*"\s*/>', f'<dimension ref="{ref}"/>', xml)
        assert count == 1
        return xml

    return rewrite(path, SHEET, change)


# -- xlsx ------------------------------------------------------------------------------------
def test_dimension_bomb_is_read_by_its_real_rows_in_bounded_memory(
    store: Any, tmp_path: Path
) -> None:
    """5 KB claiming A1:XFD1048576 (17 billion cells): openpyxl's read-only mode padded every
    row to 16,384 columns and a million rows (6.4 GB). Its real rows are read instead; with
    one bad row among them the file is refused by that row, fast and small."""
    path = write_xlsx(
        tmp_path / "bomb.xlsx", [HEADER, *kiosk_rows(3), ["XF-KIOSK-99", "", "device", "kiosk"]]
    )
    with_dimension(path, "A1:XFD1048576")
    assert path.stat().st_size < 10_000
    tracemalloc.start()
    started = time.perf_counter()
    try:
        problem = refused(store, path)
    finally:
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    seconds = time.perf_counter() - started
    assert [(p.row, p.column) for p in problem.problems] == [(5, "name")]
    # Generous bounds (the import takes ~0.1 s and a few MB); they fail only on padding.
    assert peak < 300 * 2**20, f"{peak / 2**20:.0f} MB"
    assert seconds < 5, f"{seconds:.1f} s"


def test_dimension_claiming_a_later_start_does_not_hide_the_header(
    store: Any, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "start.xlsx", [HEADER, *kiosk_rows(2)])
    with_dimension(path, "C3:D3")
    with store.transaction() as session:
        report = asset_io.import_assets(session, path)
    assert report.created == ["XF-KIOSK-20", "XF-KIOSK-21"]


def test_understated_dimension_imports_every_row(store: Any, tmp_path: Path) -> None:
    """10 data rows, a <dimension> claiming 3: all 10 go in, never 3 silently."""
    path = write_xlsx(tmp_path / "understated.xlsx", [HEADER, *kiosk_rows(10)])
    with_dimension(path, "A1:D3")
    with store.transaction() as session:
        report = asset_io.import_assets(session, path)
    assert report.created == [f"XF-KIOSK-{n}" for n in range(20, 30)]
    assert set(report.created) <= set(assets(store))


class _RepeatingDeflate:
    """A deflate compressor for a stream that repeats one big block: the block is
    compressed once after a full flush (which makes its compressed form the same every
    time) and that output reused, so a real 1.5 GB member is built in about a second."""

    def __init__(self, block: bytes) -> None:
        self._block = block
        self._zlib = zlib.compressobj(9, zlib.DEFLATED, -15)
        self._compressed: bytes | None = None

    def compress(self, data: bytes) -> bytes:
        if data is not self._block:
            return self._zlib.compress(data)
        if self._compressed is None:
            pending = self._zlib.flush(zlib.Z_FULL_FLUSH)
            self._compressed = self._zlib.compress(data) + self._zlib.flush(zlib.Z_FULL_FLUSH)
            return pending + self._compressed
        return self._compressed

    def flush(self, mode: int = zlib.Z_FINISH) -> bytes:
        return self._zlib.flush(mode)


@pytest.fixture(scope="module")
def huge_cell_xlsx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 1.5 MB workbook whose one cell (the name in row 2) is 1.5 GB of text."""
    path = write_xlsx(
        tmp_path_factory.mktemp("huge") / "huge_cell.xlsx",
        [HEADER, ["XF-KIOSK-20", "HUGE", "device", "kiosk"]],
    )
    with zipfile.ZipFile(path) as source:
        parts = [(info.filename, source.read(info)) for info in source.infolist()]
    block = b"A" * (1 << 24)
    rebuilt = path.with_name("rebuilt.xlsx")
    with zipfile.ZipFile(rebuilt, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts:
            if name != SHEET:
                target.writestr(name, data)
                continue
            before, after = data.split(b"HUGE")
            with target.open(name, "w", force_zip64=True) as member:
                member._compressor = _RepeatingDeflate(block)  # type: ignore[attr-defined]
                member.write(before)
                for _ in range(90):
                    member.write(block)
                member.write(after)
    rebuilt.replace(path)
    return path


def test_one_huge_cell_is_refused_before_it_is_unpacked(store: Any, huge_cell_xlsx: Path) -> None:
    with zipfile.ZipFile(huge_cell_xlsx) as archive:
        assert archive.getinfo(SHEET).file_size > 1.5e9
    assert huge_cell_xlsx.stat().st_size < 2 * 2**20
    tracemalloc.start()
    try:
        problem = refused(store, huge_cell_xlsx)
    finally:
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    text = problem.render()
    assert f"{SHEET} unpacks to 1440.0 MB" in text
    assert peak < 50 * 2**20


def test_a_long_cell_within_the_zip_limits_is_named_by_row_and_column(
    store: Any, tmp_path: Path
) -> None:
    long_note = "长" * (spreadsheets.MAX_CELL_CHARS + 1)
    path = write_xlsx(
        tmp_path / "long.xlsx",
        [[*HEADER, "备注"], ["XF-KIOSK-20", "k", "device", "kiosk", long_note]],
    )
    problem = refused(store, path)
    assert [(p.row, p.column) for p in problem.problems] == [(2, "备注")]
    assert "too long (10001 characters, at most 10000)" in problem.render()


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
"""


@pytest.mark.parametrize("member", [SHEET, "xl/workbook.xml", "[Content_Types].xml"])
def test_billion_laughs_is_refused_plainly(store: Any, tmp_path: Path, member: str) -> None:
    path = write_xlsx(tmp_path / "laughs.xlsx", [HEADER, ["XF-KIOSK-20", "k", "device", "kiosk"]])

    def change(xml: str) -> str:
        body = re.sub(r"^<\?xml[^>]*\?>", "", xml)
        return BILLION_LAUGHS + body.replace(">k<", ">&lol9;<", 1)

    rewrite(path, member, change)
    text = refused(store, path).render()
    assert f"The workbook part {member} declares a document type" in text


def test_malformed_xml_is_refused_with_its_line_and_column(store: Any, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "broken.xlsx", [HEADER, ["XF-KIOSK-20", "k", "device", "kiosk"]])
    rewrite(path, SHEET, lambda xml: xml.replace("</row>", "</rwo>", 1))
    text = refused(store, path).render()
    assert re.search(
        rf"The workbook part {SHEET} is not well-formed XML \(line \d+, column \d+\)", text
    )


def test_control_characters_in_xlsx_are_refused(store: Any, tmp_path: Path) -> None:
    """XML 1.0 cannot hold ESC or BEL: a sheet that does is not XML, and says where."""
    path = write_xlsx(
        tmp_path / "esc.xlsx",
        [
            HEADER,
            ["XF-KIOSK-20", "ok", "device", "kiosk"],
            ["XF-KIOSK-21", "NAME", "device", "kiosk"],
        ],
    )
    rewrite(path, SHEET, lambda xml: xml.replace("NAME", "\x1b[2J\x07", 1))
    text = refused(store, path).render()
    assert re.search(
        rf"{SHEET} is not well-formed XML \(line 1, column \d+\): not well-formed", text
    )


def test_excel_escapes_of_control_characters_stay_plain_text(store: Any, tmp_path: Path) -> None:
    """Excel writes a control character as _x001B_; openpyxl keeps that as text, no ESC."""
    path = write_xlsx(
        tmp_path / "x.xlsx", [HEADER, ["XF-KIOSK-20", "_x001B_[2J", "device", "kiosk"]]
    )
    with store.transaction() as session:
        asset_io.import_assets(session, path)
    assert assets(store)["XF-KIOSK-20"][0] == "_x001B_[2J"


# -- csv -------------------------------------------------------------------------------------
def test_csv_row_limit_is_the_xlsx_one(store: Any, tmp_path: Path) -> None:
    path = tmp_path / "many.csv"
    lines = ["code,name,kind,category"] + [
        f"XF-KIOSK-{n},一体机,device,kiosk" for n in range(100, 200_100)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    text = refused(store, path).render()
    assert "Too many rows (over 50000)." in text


def test_exactly_the_row_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "limit.csv"
    rows = ["code,name"] + [f"A{n},b" for n in range(spreadsheets.MAX_ROWS)]
    path.write_text("\n".join(rows), encoding="utf-8")
    assert len(spreadsheets.read_rows(path)) == spreadsheets.MAX_ROWS + 1


def test_nul_past_the_first_4_kb_of_a_csv_is_refused_by_row_and_column(
    store: Any, tmp_path: Path
) -> None:
    path = tmp_path / "nul.csv"
    good = [f"XF-KIOSK-{n},一体机,device,kiosk" for n in range(100, 300)]
    path.write_text(
        "\n".join(["code,name,kind,category", *good, "XF-KIOSK-99,bad\x00name,device,kiosk"]),
        encoding="utf-8",
    )
    assert path.read_bytes().index(b"\x00") > 4096
    problem = refused(store, path)
    assert [(p.row, p.column) for p in problem.problems] == [(202, "name")]
    assert "Row 202, column name: The cell holds the control character U+0000." in problem.render()


@pytest.mark.parametrize("char", ["\x1b", "\x07", "\x7f", "\x9b"])
def test_escape_and_bell_in_names_are_refused(store: Any, tmp_path: Path, char: str) -> None:
    path = tmp_path / "ctrl.csv"
    path.write_text(
        f"设备编号,名称,类型,类别\nXF-KIOSK-20,一体机{char}[31m,设备,kiosk\n", encoding="utf-8"
    )
    problem = refused(store, path)
    assert [(p.row, p.column) for p in problem.problems] == [(2, "名称")]


def test_line_breaks_and_tabs_in_notes_are_text(store: Any, tmp_path: Path) -> None:
    path = tmp_path / "notes.csv"
    path.write_text(
        'code,name,kind,category,notes\nXF-KIOSK-20,k,device,kiosk,"第一行\n第二行\t完"\n',
        encoding="utf-8",
    )
    with store.transaction() as session:
        asset_io.import_assets(session, path)
    assert assets(store)["XF-KIOSK-20"][1] == "第一行\n第二行\t完"


def test_a_csv_cell_over_the_limit_is_named(store: Any, tmp_path: Path) -> None:
    """Past csv's own field limit (128 KB) too: refused by row and column, not malformed."""
    path = tmp_path / "long.csv"
    path.write_text(f"code,name,kind,category\nXF-KIOSK-20,{'x' * 200_000},device,kiosk\n")
    problem = refused(store, path)
    assert [(p.row, p.column) for p in problem.problems] == [(2, "name")]


def test_blank_rows_keep_the_row_numbers_of_the_file(store: Any, tmp_path: Path) -> None:
    path = tmp_path / "gaps.csv"
    path.write_text("code,name,kind,category\n\n,,,\nXF-KIOSK-20,,device,kiosk\n")
    problem = refused(store, path)
    assert [(p.row, p.column) for p in problem.problems] == [(4, "name")]


def test_monitoring_sheets_share_the_reader(store: Any, tmp_path: Path) -> None:
    path = tmp_path / "weeks.csv"
    path.write_text("网站,周次,备注\nWEB-XFB,2026-W46,短时\x1b无法访问\n", encoding="utf-8")
    with pytest.raises(asset_io.ImportRefused) as info, store.transaction() as session:
        monitoring.import_file(session, path)
    assert [(p.row, p.column) for p in info.value.problems] == [(2, "备注")]
