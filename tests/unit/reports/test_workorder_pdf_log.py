"""The printed work order's work log (五、工作日志) holds the handling steps the screen's
处理过程 lists, with their notes, beside the free entries (issue 20, defect 5; contract
五.5.2.8: every service item gets a clear log entry)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from report_tools import pdf_text

from workbench.data.store import Store
from workbench.reports.pdfkit import Translate
from workbench.reports.workorder import workorder_pdf
from workbench.services import engineers
from workbench.services import workorders as wo

T0 = dt.datetime(2026, 6, 1, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
MIN = dt.timedelta(minutes=1)


def make_engineer(store: Store) -> engineers.EngineerRow:
    with store.transaction("test") as s:
        return engineers.create_engineer(s, "张伟", "13800000000", "246800")


def _log_part(text: str) -> str:
    """The text of section 五 (the work log), up to the next section."""
    start = text.index("五、工作日志")
    return text[start : text.index("六、", start)]


def test_steps_without_entries_are_printed(sqlite_store: Store, zh: Translate) -> None:
    engineer = make_engineer(sqlite_store)
    with sqlite_store.transaction("test") as s:
        number = wo.create_work_order(
            s,
            type="fault",
            channel="hotline",
            description="视频接访一体机无声音",
            asset_codes=["XF-VRT-01"],
            reported_at=T0,
            now=T0,
        ).number
        wo.advance(
            s, number, "responded", at=T0 + 10 * MIN, engineer_id=engineer.id, now=T0 + 10 * MIN
        )
        wo.advance(s, number, "onsite", at=T0 + 50 * MIN, note="已到二层机房", now=T0 + 50 * MIN)
        wo.advance(s, number, "restored", at=T0 + 90 * MIN, now=T0 + 90 * MIN)
    with sqlite_store.read() as s:
        doc = wo.document(s, number, now=T0 + 100 * MIN)
    log = _log_part(pdf_text(workorder_pdf(doc, zh)))
    assert "无记录" not in log
    for expected in (
        "2026-06-01 09:00",
        "2026-06-01 09:10",
        "2026-06-01 09:50",
        "2026-06-01 10:30",
        "已报修",
        "已响应",
        "已到场：已到二层机房",
        "已恢复",
        "张伟",
    ):
        assert expected in log, expected
    # In the order they happened.
    assert log.index("09:10") < log.index("09:50") < log.index("10:30")


def test_entries_and_steps_in_time_order(sqlite_store: Store, zh: Translate) -> None:
    engineer = make_engineer(sqlite_store)
    with sqlite_store.transaction("test") as s:
        number = wo.create_work_order(
            s,
            type="fault",
            channel="hotline",
            description="信息发布屏黑屏",
            asset_codes=["XF-VRT-01"],
            reported_at=T0,
            now=T0,
        ).number
        wo.advance(
            s, number, "responded", at=T0 + 5 * MIN, engineer_id=engineer.id, now=T0 + 5 * MIN
        )
        wo.append_log(
            s,
            engineer_id=engineer.id,
            text="电话指导重启播放器",
            work_order_number=number,
            at=T0 + 7 * MIN,
            now=T0 + 7 * MIN,
        )
        wo.advance(s, number, "onsite", at=T0 + 40 * MIN, now=T0 + 40 * MIN)
    with sqlite_store.read() as s:
        doc = wo.document(s, number, now=T0 + 60 * MIN)
    log = _log_part(pdf_text(workorder_pdf(doc, zh)))
    assert log.index("已响应") < log.index("电话指导重启播放器") < log.index("已到场")
