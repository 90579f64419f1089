"""Inspection forms: blank ones to tick by hand, finished rounds with exceptions first."""

from __future__ import annotations

import dataclasses
import io
import re

from pypdf import PdfReader
from report_samples import CHECKLIST, HASH, blank_form, finished_round
from report_tools import pdf_text, render_pages, zbar_codes, zxing_codes

from workbench.domain.scancodes import record_payload
from workbench.reports.inspection_form import inspection_form_pdf
from workbench.reports.pdfkit import Translate


def rect_ops(data: bytes) -> int:
    count = 0
    for page in PdfReader(io.BytesIO(data)).pages:
        content = page.get_contents()
        assert content is not None
        count += len(re.findall(rb"\bre\b", content.get_data()))
    return count


def test_blank_form_has_items_lines_and_boxes(zh: Translate) -> None:
    data = inspection_form_pdf(blank_form(3), zh)
    text = pdf_text(data)
    for item in CHECKLIST:
        assert item.text in text
    for expected in (
        "设备巡检记录表",
        "信访自助一体机 · 检查表第 3 版",
        "合同登记编号：ZHSWZX-2026-007",
        "巡检日期",
        "正常",
        "异常",
        "不适用",
        "备注",
        "设备编号：",
        "位置：",
        "读数：______ °C（范围 5–45）",
        "圈选：正常 / 时断时续 / 中断",
        "运维工程师签字",
        "甲方代表签字",
        "设备 3",
    ):
        assert expected in text, expected
    assert "设备 4" not in text
    # The tick boxes are drawn: three more per item for each further device block.
    one = rect_ops(inspection_form_pdf(blank_form(1), zh))
    assert rect_ops(data) - one >= 2 * 3 * len(CHECKLIST)
    # A blank form is not a record: no QR code, no "not signed" stamp.
    assert "未签字确认" not in text
    for image in render_pages(data, 150):
        assert zxing_codes(image) == ([], [])


def test_finished_round_exceptions_first(zh: Translate) -> None:
    doc = finished_round()
    data = inspection_form_pdf(doc, zh)
    text = pdf_text(data)
    flat = text.replace("\n", "")  # table cells wrap
    for expected in (
        "巡检单号：IR-2026-0042",
        "应检设备 4 台，已检 3 台，异常 1 台，未检 1 台。",
        "异常设备",
        "读卡器无法识别新版身份证",
        "31.5 °C",
        "正常设备",
        "全部正常（7 项，1 项不适用）",
        "未检设备",
        "设备维修中（工单 WO-2026-0137）",
        "已开工单 WO-2026-0139",
        "姓名：张伟",
        "姓名：于文浩",
        HASH,
    ):
        assert expected in flat, expected
    # Exceptions come first: the failed kiosk before the normal ones.
    assert text.index("XF-KIOSK-03") < text.index("XF-KIOSK-01") < text.index("XF-KIOSK-04")
    first = next(render_pages(data))
    payload = record_payload("inspection_round", "IR-2026-0042", HASH)
    assert zxing_codes(first)[0] == [payload]
    assert zbar_codes(first)[0] == [payload]


def test_unsigned_round_is_marked_without_qr(zh: Translate) -> None:
    data = inspection_form_pdf(finished_round(signed=False), zh)
    text = pdf_text(data)
    assert "未签字确认" in text
    for image in render_pages(data, 150):
        assert zxing_codes(image)[0] == []


def test_round_without_failures(zh: Translate) -> None:
    doc = finished_round()
    ok = dataclasses.replace(doc, devices=tuple(d for d in doc.devices if not d.failed))
    text = pdf_text(inspection_form_pdf(ok, zh))
    assert "本次巡检未发现异常设备。" in text
    assert "XF-KIOSK-03" not in text


def test_demo_rounds_are_marked(zh: Translate) -> None:
    demo = dataclasses.replace(finished_round(), demo=True)
    assert "演示数据，非真实记录" in pdf_text(inspection_form_pdf(demo, zh))
    assert "演示数据" not in pdf_text(inspection_form_pdf(finished_round(), zh))
