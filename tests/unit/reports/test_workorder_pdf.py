"""The printed work order: its text, its signatures as vectors, its QR code."""

from __future__ import annotations

import dataclasses
import io
import re

from PIL import ImageChops
from pypdf import PdfReader
from report_samples import CLIENT_SIG, ENGINEER_SIG, HASH, work_order
from report_tools import page_texts, pdf_text, render_pages, zbar_codes, zxing_codes

from workbench.domain.scancodes import RecordScan, classify, record_payload
from workbench.reports.pdfkit import Translate, identity
from workbench.reports.workorder import workorder_pdf


def line_ops(data: bytes) -> int:
    """How many straight path segments (``x y l``) the pages draw."""
    count = 0
    for page in PdfReader(io.BytesIO(data)).pages:
        content = page.get_contents()
        assert content is not None
        count += len(re.findall(rb"[\d.\-]+ [\d.\-]+ l\b", content.get_data()))
    return count


def test_signed_order_text_in_chinese(zh: Translate) -> None:
    doc = work_order()
    text = pdf_text(workorder_pdf(doc, zh))
    for expected in (
        "运维服务工单",
        "WO-2026-0137",
        "合同登记编号：ZHSWZX-2026-007",
        "甲方：北京市信访办公室",
        "乙方：首都信息发展股份有限公司",
        "XF-KIOSK-02",
        "信访自助一体机",
        "一层 接待大厅",
        "XF-CAB-01",
        "报修时间",
        "响应时间",
        "到场时间",
        "恢复时间",
        "2026-11-24 09:12",  # reported, in Beijing time
        "达标",
        "超时",
        "4:25",  # how late, h:mm
        "是\n因乙方原因造成的故障：乙方无偿修复并进行系统性排查整改（五、5.2.3）。",
        "读卡器供电模块老化损坏",
        "更换读卡器供电模块",
        "【更正 2026-11-24 12:05 的记录】",
        "签字后更正记录",
        "运维工程师签字",
        "甲方代表签字",
        "姓名：张伟",
        "姓名：于文浩",
        "签字时间：2026-11-24 16:45",
        HASH,
    ):
        assert expected in text, expected
    assert "未签字确认" not in text
    pages = page_texts(workorder_pdf(doc, zh))
    assert f"第 1 页 / 共 {len(pages)} 页" in pages[0]
    assert "打印时间：" in pages[-1]
    assert "（北京时间）" in pages[-1]


def test_english_templates_without_translation() -> None:
    text = pdf_text(workorder_pdf(work_order(), identity))
    assert "IT Maintenance Service Work Order" in text
    assert "Breached" in text
    assert "Party A representative signature" in text


def test_qr_holds_number_and_hash(zh: Translate) -> None:
    data = workorder_pdf(work_order(), zh)
    first = next(render_pages(data))
    payload = record_payload("work_order", "WO-2026-0137", HASH)
    assert zxing_codes(first)[0] == [payload]
    assert zbar_codes(first)[0] == [payload]
    assert classify(payload) == RecordScan("work_order", "WO-2026-0137", HASH)


def test_unsigned_order_says_so_and_has_no_qr(zh: Translate) -> None:
    doc = work_order(signed=False, breached=False)
    data = workorder_pdf(doc, zh)
    text = pdf_text(data)
    assert "未签字确认" in text
    assert "违约金风险" not in text  # no amount on paper unless the setting asks
    assert "是：乙方免费修复" not in text
    for image in render_pages(data):
        assert zxing_codes(image) == ([], [])


def test_signatures_are_vector_strokes(zh: Translate) -> None:
    signed = work_order()
    blank = dataclasses.replace(signed, signatures=())
    with_sig = workorder_pdf(signed, zh)
    without = workorder_pdf(blank, zh)
    segments = sum(len(s) - 1 for sig in (ENGINEER_SIG, CLIENT_SIG) for s in sig.strokes)
    assert line_ops(with_sig) - line_ops(without) >= segments
    # The drawings show on the rendered page, and nowhere else does the page change.
    last_with = list(render_pages(with_sig, 100))[-1]
    last_without = list(render_pages(without, 100))[-1]
    diff = ImageChops.difference(last_with, last_without)
    box = diff.getbbox()
    assert box is not None
    left, top, right, bottom = box
    assert right - left > 300  # both boxes, side by side on an A4 page 827 px wide
    assert bottom - top < 200


def test_demo_orders_are_marked(zh: Translate) -> None:
    text = pdf_text(workorder_pdf(work_order(demo=True), zh))
    assert "演示数据，非真实记录" in text
    assert "演示数据，非真实记录" not in pdf_text(workorder_pdf(work_order(), zh))


def test_unknown_keys_print_as_they_are(zh: Translate) -> None:
    doc = dataclasses.replace(work_order(), type="website_change", status="waiting_parts")
    text = pdf_text(workorder_pdf(doc, zh))
    assert "website_change" in text
    assert "waiting_parts" in text


def test_a_time_entered_afterwards_says_so_on_paper(zh: Translate) -> None:
    """A back-dated step prints when it was entered (补录), under the time it claims."""
    import datetime as dt

    base = work_order()
    entered = base.responded_at + dt.timedelta(hours=2)  # type: ignore[operator]
    late = dataclasses.replace(base, entered_late=(("response", entered),))
    text = pdf_text(workorder_pdf(late, zh))
    bj = dt.timezone(dt.timedelta(hours=8))
    assert f"2026-11-24 09:25\n补录，录入于\n{entered.astimezone(bj):%Y-%m-%d %H:%M}" in text
    assert text.count("补录") == 1  # only the step entered afterwards
    assert "补录" not in pdf_text(workorder_pdf(base, zh))
