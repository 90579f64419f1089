"""The 报表 view's monitoring tab: entered by hand, imported, a bad file refused whole."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
from sqlalchemy import func, select

from workbench.data.models.reporting import VulnerabilityScan, WebsiteMonitoring
from workbench.domain import deliverables as calendar
from workbench.ui.reports.monitoring import MonitoringPanel

TODAY = dt.datetime.now(dt.timezone(dt.timedelta(hours=8))).date()
LAST_WEEK = calendar.iso_week_label(TODAY - dt.timedelta(days=7))
TWO_WEEKS_AGO = calendar.iso_week_label(TODAY - dt.timedelta(days=14))


def open_panel(qtbot: Any, window: Any) -> MonitoringPanel:
    view = window.show_view("reports")
    panel = view.tabs.show_monitoring()
    assert isinstance(panel, MonitoringPanel)
    qtbot.waitUntil(lambda: len(panel.sites) == 5, timeout=10_000)
    return panel


def write_csv(path: Path, rows: list[list[Any]]) -> Path:
    path.write_text("\n".join(",".join(str(c) for c in r) for r in rows) + "\n", encoding="utf-8")
    return path


def counts(store: Any) -> tuple[int, int]:
    with store.read() as session:
        return (
            int(session.scalar(select(func.count(WebsiteMonitoring.id))) or 0),
            int(session.scalar(select(func.count(VulnerabilityScan.id))) or 0),
        )


def test_a_bad_file_shows_the_row_messages_and_changes_nothing(
    qtbot, window, store, tmp_path: Path, qtmodeltester
):
    panel = open_panel(qtbot, window)
    path = write_csv(
        tmp_path / "周报.csv",
        [
            ["网站", "周次", "网页篡改", "恶意代码", "敏感内容", "可用性事件", "备注"],
            ["WEB-XFB", LAST_WEEK, 0, 0, 0, 1, "短时无法访问"],  # good
            ["www.example.com", LAST_WEEK, 0, 0, 0, 0, ""],  # not a monitored site
            ["WEB-SZXX", "2026-W99", 0, 0, 0, 0, ""],  # no such week
            ["WEB-WSXF", LAST_WEEK, -1, 0, "两", 0, ""],  # bad counts
        ],
    )
    with qtbot.waitSignal(panel.importRefused, timeout=10_000) as refused:
        panel.import_file(path)
    dialog = panel.problems_dialog
    assert dialog is not None and dialog.isVisible()
    qtmodeltester.check(dialog.model)
    where = {(p.row, p.column) for p in dialog.problems()}
    assert {(3, "网站"), (4, "周次"), (5, "网页篡改"), (5, "敏感内容")} <= where
    assert refused.args[0] == dialog.model.rowCount() >= 4
    texts = [dialog.model.index(r, 2).data() for r in range(dialog.model.rowCount())]
    assert any("www.example.com" in t for t in texts)
    assert dialog.model.index(0, 0).data() == "3"
    assert counts(store) == (0, 0)
    window.ctx.tasks.wait()
    assert panel.weeks.rowCount() == 0
    dialog.reject()


def test_a_good_file_imports(qtbot, window, store, tmp_path: Path, messages):
    panel = open_panel(qtbot, window)
    path = write_csv(
        tmp_path / "周报.csv",
        [
            ["网站", "周次", "网页篡改", "恶意代码", "敏感内容", "可用性事件", "备注"],
            ["WEB-XFB", LAST_WEEK, 0, 0, 0, 1, "短时无法访问"],
            ["https://szxx.beijing.gov.cn", LAST_WEEK, 0, 0, 0, 0, ""],
            ["WEB-XFB", TWO_WEEKS_AGO, 0, 0, 0, 0, ""],
        ],
    )
    with (
        qtbot.waitSignal(panel.loaded, timeout=10_000),
        qtbot.waitSignal(panel.imported, timeout=10_000) as imported,
    ):
        panel.import_file(path)
    assert imported.args == ["weeks", 3, 0]
    assert counts(store) == (3, 0)
    assert panel.weeks.rowCount() == 3
    newest = panel.weeks.row_at(0)
    assert newest.week == LAST_WEEK
    assert panel.problems_dialog is None
    assert any(level == "info" and "3" in text for level, _t, text in messages)

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["网站", "月份", "扫描日期", "高危", "中危", "低危", "已修复", "未修复", "备注"])
    month = calendar.month_label(TODAY)
    sheet.append(["WEB-XFB", month, TODAY.replace(day=1).isoformat(), 1, 2, 3, 5, 1, "复测通过"])
    book.save(tmp_path / "scan.xlsx")
    with (
        qtbot.waitSignal(panel.loaded, timeout=10_000),
        qtbot.waitSignal(panel.imported, timeout=10_000) as imported,
    ):
        panel.import_file(tmp_path / "scan.xlsx")
    assert imported.args == ["scans", 1, 0]
    scan = panel.scans.row_at(0)
    assert (scan.high, scan.medium, scan.low, scan.fixed, scan.open) == (1, 2, 3, 5, 1)


def test_enter_a_week_and_a_scan_by_hand(qtbot, window, store, qtmodeltester):
    panel = open_panel(qtbot, window)
    dialog = panel.enter_week()
    dialog.site.setCurrentIndex(dialog.site.findData("WEB-BJXFGK"))
    assert dialog.week_label() == LAST_WEEK  # the week just finished
    dialog.counts["defacement"].setValue(1)
    dialog.note.setText("首页被篡改，已恢复")
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        dialog.accept()
    assert panel.weeks.rowCount() == 1
    row = panel.weeks.row_at(0)
    assert (row.site_code, row.week, row.defacement) == ("WEB-BJXFGK", LAST_WEEK, 1)
    qtmodeltester.check(panel.weeks)

    scan = panel.enter_scan()
    scan.site.setCurrentIndex(scan.site.findData("WEB-XFB"))
    scan.high.setValue(2)
    scan.fixed.setValue(1)
    scan.accept()
    assert scan.isVisible() and scan.error.text()  # 1 fixed + 0 open is not 2 findings
    scan.still_open.setValue(1)
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        scan.accept()
    assert panel.scans.rowCount() == 1
    assert counts(store) == (1, 1)
    qtmodeltester.check(panel.scans)
