"""A round's printed record: titled after every category it covered, and the normal devices
one compact line each (issue 20, defect 6: a round by location printed as "信息发布屏巡检"
though it listed kiosks too; 5 pages for 15 normal devices)."""

from __future__ import annotations

import datetime as dt

from report_tools import page_texts, pdf_text

from workbench.data.store import Store
from workbench.reports.inspection_form import inspection_form_pdf
from workbench.reports.pdfkit import Translate
from workbench.services import engineers
from workbench.services import inspections as ins

T0 = dt.datetime(2026, 3, 2, 1, 0, tzinfo=dt.UTC)  # 09:00 in Beijing
HALL = "一层 接待大厅"  # four kiosks and four information screens


def _engineer(store: Store) -> str:
    with store.transaction("test") as s:
        return engineers.create_engineer(s, "张伟", pin="246800").id


def test_title_names_no_single_category_of_a_mixed_scope(
    sqlite_store: Store, zh: Translate
) -> None:
    engineer_id = _engineer(sqlite_store)
    with sqlite_store.transaction("test") as s:
        number = ins.start_round(
            s, engineer_id=engineer_id, scope="location", scope_value=HALL, now=T0
        ).number
        # Only the screens were inspected; the kiosks are left, with a reason.
        for code in ("XF-SCR-01", "XF-SCR-02", "XF-SCR-03", "XF-SCR-04"):
            ins.record_inspection(s, number, code, now=T0)
        ins.finish_round(s, number, reason="自助机维护中", now=T0 + dt.timedelta(hours=1))
        form = ins.round_form(s, number, zh)
    text = pdf_text(inspection_form_pdf(form, zh))
    assert "信息发布屏" not in form.title
    assert form.title == "巡检记录表"
    assert "XF-KIOSK-01" in text


def test_normal_devices_print_one_line_each(sqlite_store: Store, zh: Translate) -> None:
    engineer_id = _engineer(sqlite_store)
    with sqlite_store.transaction("test") as s:
        number = ins.start_round(
            s, engineer_id=engineer_id, scope="location", scope_value="二层 视频接访室", now=T0
        ).number
        detail = ins.round_detail(s, number)
        codes = [a.code for a in detail.assets][:15]
        for i, code in enumerate(codes):
            ins.record_inspection(s, number, code, now=T0 + dt.timedelta(minutes=i))
        ins.finish_round(s, number, reason="会议占用", now=T0 + dt.timedelta(hours=1))
        form = ins.round_form(s, number, zh)
        some_item = ins.device_form(s, number, codes[0])
    pages = page_texts(inspection_form_pdf(form, zh))
    text = "\n".join(pages)
    for code in codes:
        assert code in text
    # A check item of a normal device with nothing to say is not printed ...
    assert some_item.checklist.items[0].text not in text
    # ... so 15 normal devices and 17 not inspected fit on two pages, not five.
    assert len(pages) <= 2, len(pages)
