"""Monitoring imports: validated whole, refused whole with row and column messages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import func, select

from workbench.data.models.reporting import VulnerabilityScan, WebsiteMonitoring
from workbench.services import monitoring
from workbench.services.asset_io import ImportRefused

TODAY = dt.date(2026, 11, 24)


def write_csv(path: Path, rows: list[list[Any]]) -> Path:
    path.write_text("\n".join(",".join(str(c) for c in r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_weekly_sheet_imports_and_replaces(store: Any, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "weeks.csv",
        [
            ["网站", "周次", "网页篡改", "恶意代码", "敏感内容", "可用性事件", "备注"],
            ["WEB-XFB", "2026-W46", 0, 0, 0, 1, "短时无法访问"],
            ["https://szxx.beijing.gov.cn", "2026-W46", 0, 0, 0, 0, ""],
            ["北京市信访网上综合服务平台", "2026-11-12", "", "", "", "", ""],
        ],
    )
    with store.transaction("t") as session:
        report = monitoring.import_file(session, path, today=TODAY)
    assert report.kind == "weeks"
    assert len(report.created) == 3
    with store.transaction("t") as session:
        again = monitoring.import_file(session, path, today=TODAY)
        assert len(again.updated) == 3
        rows = monitoring.list_weeks(session)
    assert {r.site_code for r in rows} == {"WEB-XFB", "WEB-SZXX", "WEB-BJXFGK"}
    assert {r.week for r in rows} == {"2026-W46"}
    assert sum(r.findings for r in rows) == 1


def test_bad_weekly_sheet_is_refused_whole(store: Any, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "weeks.csv",
        [
            ["网站", "周次", "网页篡改", "恶意代码", "敏感内容", "可用性事件"],
            ["WEB-XFB", "2026-W46", 0, 0, 0, 0],  # good
            ["www.example.com", "2026-W46", 0, 0, 0, 0],  # unknown site
            ["WEB-SZXX", "2026-W99", 0, 0, 0, 0],  # no such week
            ["WEB-WSXF", "2026-W46", -1, 0, "two", 0],  # bad counts
            ["WEB-XFB", "2026-W46", 0, 0, 0, 0],  # duplicate of row 2
            ["WEB-BJXFGK", "2027-W30", 0, 0, 0, 0],  # outside the contract
        ],
    )
    with store.transaction("t") as session, pytest.raises(ImportRefused) as refused:
        monitoring.import_file(session, path, today=TODAY)
    where = {(p.row, p.column) for p in refused.value.problems}
    assert (3, "网站") in where
    assert (4, "周次") in where
    assert (5, "网页篡改") in where
    assert (5, "敏感内容") in where
    assert (6, "网站") in where
    assert (7, "周次") in where
    assert all(p.row != 2 for p in refused.value.problems)
    text = refused.value.render()
    assert "Row 3, column 网站" in text
    with store.read() as session:
        assert session.scalar(select(func.count(WebsiteMonitoring.id))) == 0


def test_scan_sheet_xlsx_checks_fixed_and_open(store: Any, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["网站", "月份", "扫描日期", "高危", "中危", "低危", "已修复", "未修复", "备注"])
    sheet.append(["WEB-XFB", "2026-10", dt.date(2026, 10, 25), 1, 2, 3, 5, 1, ""])
    sheet.append(["WEB-SZXX", "2026-10", dt.date(2026, 10, 25), 1, 0, 0, 0, 0, ""])
    sheet.append(["WEB-WSXF", "2026-10", dt.date(2026, 11, 2), 0, 0, 0, 0, 0, ""])
    path = tmp_path / "scans.xlsx"
    book.save(path)
    with store.transaction("t") as session, pytest.raises(ImportRefused) as refused:
        monitoring.import_file(session, path, today=TODAY)
    rows = {p.row: p.column for p in refused.value.problems}
    assert rows == {3: "未修复", 4: "扫描日期"}
    with store.read() as session:
        assert session.scalar(select(func.count(VulnerabilityScan.id))) == 0

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["网站", "月份", "扫描日期", "高危", "中危", "低危", "已修复", "未修复"])
    sheet.append(["WEB-XFB", "2026-10", dt.date(2026, 10, 25), 1, 2, 3, 5, 1])
    book.save(path)
    with store.transaction("t") as session:
        report = monitoring.import_file(session, path, today=TODAY)
        scans = monitoring.list_scans(session)
    assert report.kind == "scans"
    assert [(s.site_code, s.month, s.total, s.open) for s in scans] == [
        ("WEB-XFB", "2026-10", 6, 1)
    ]


def test_unknown_columns_and_empty_files_are_refused(store: Any, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "x.csv", [["网站", "周", "篡改"]])
    with store.transaction("t") as session, pytest.raises(ImportRefused) as refused:
        monitoring.import_file(session, path, today=TODAY)
    assert {p.column for p in refused.value.problems} >= {"周", "篡改", "周次"}
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with store.transaction("t") as session, pytest.raises(ImportRefused):
        monitoring.import_file(session, empty, today=TODAY)


@pytest.mark.parametrize("note", ["短时\x00无法访问", "\x1b[2J"])
def test_control_characters_in_notes_are_refused_plainly(store: Any, note: str) -> None:
    """A NUL would be a raw error on PostgreSQL; it is refused the same on both."""
    from workbench.domain.messages import WorkbenchError

    with store.transaction("t") as session, pytest.raises(WorkbenchError) as refused:
        monitoring.record_week(session, "WEB-XFB", "2026-W46", note=note)
    assert "control character" in refused.value.render()
    with store.transaction("t") as session, pytest.raises(WorkbenchError):
        monitoring.record_scan(session, "WEB-XFB", "2026-11", scanned_on=TODAY, note=note)
    with store.transaction("t") as session:
        assert monitoring.list_weeks(session) == [] and monitoring.list_scans(session) == []


def test_typed_week_and_month_are_checked_and_kept_by_their_label(store: Any) -> None:
    from workbench.domain.messages import WorkbenchError

    with store.transaction("t") as session, pytest.raises(WorkbenchError) as refused:
        monitoring.record_week(session, "WEB-XFB", "2026-47")
    assert refused.value.render() == "'2026-47' is not a week like 2026-W47."
    with store.transaction("t") as session, pytest.raises(WorkbenchError) as refused:
        monitoring.record_scan(session, "WEB-XFB", "11/2026", scanned_on=TODAY)
    assert refused.value.render() == "'11/2026' is not a month like 2026-11."
    with store.transaction("t") as session, pytest.raises(WorkbenchError) as refused:
        monitoring.record_scan(session, "WEB-XFB", "2026-10", scanned_on=TODAY)
    assert refused.value.render() == "The scan date 2026-11-24 is not in 2026-10."
    with store.transaction("t") as session:
        week = monitoring.record_week(session, "WEB-XFB", "2026-w47")
        scan = monitoring.record_scan(session, "WEB-XFB", "2026-11", scanned_on=TODAY)
    assert (week.week, week.week_start) == ("2026-W47", dt.date(2026, 11, 16))
    assert scan.month == "2026-11"
