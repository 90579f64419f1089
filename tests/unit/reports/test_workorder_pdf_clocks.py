"""The signed work order states the clocks' facts, citing the contract, not money (issue 18).

Each clock prints its deadline, the actual time and how late (h:mm); the time limits cite
一、6 and 五、5.2.2 and late service 八、1, in the contract's words; the amount of 八、1 is
printed only when the setting asks for it, then with the strict reading beside it. A
contractor-caused fault prints the free-repair duty of 五、5.2.3; the extension of the
service period only when the client set a deadline and the repair missed it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
from report_samples import at, work_order
from report_tools import pdf_text

from workbench.domain import sla
from workbench.domain.contract import PenaltyTerms
from workbench.reports.pdfkit import Translate
from workbench.reports.workorder import hours_minutes, workorder_pdf

CLAUSES = (
    ("一、6", "提供 7X24 小时热线电话响应服务；工程师提供 2 小时内现场响应服务。"),
    ("五、5.2.2", "乙方应保证在【30】分钟内响应请求，【2】小时内排除故障并恢复服务。"),
    ("八、1", "如未能在规定的时间内提供相应服务，每延期一日扣除合同总金额的千分之三作为违约金。"),
)


def flat(text: str) -> str:
    """The text without line breaks (a long quote wraps)."""
    return text.replace("\n", "")


@pytest.mark.parametrize(
    ("late", "printed"),
    [
        (dt.timedelta(seconds=30), "0:01"),  # late is late: never 0:00
        (dt.timedelta(minutes=3), "0:03"),
        (dt.timedelta(hours=4, minutes=25), "4:25"),
        (dt.timedelta(hours=24), "24:00"),
        (dt.timedelta(hours=24, seconds=1), "24:01"),
        (dt.timedelta(days=10), "240:00"),
        (dt.timedelta(days=10, seconds=1), "240:01"),
    ],
)
def test_how_late_as_hours_and_minutes(late: dt.timedelta, printed: str) -> None:
    assert hours_minutes(late) == printed


def test_deadline_actual_and_lateness_with_the_clauses(zh: Translate) -> None:
    doc = dataclasses.replace(work_order(), clauses=CLAUSES)
    text = pdf_text(workorder_pdf(doc, zh))
    lines = text.split("\n")
    # The restore row: limit, deadline (reported 09:12 + 2 h), actual time, result, h:mm.
    i = lines.index("恢复时间")
    assert lines[i : i + 6] == [
        "恢复时间",
        "2小时",
        "2026-11-24 11:12",
        "2026-11-24 15:37",
        "× 超时",
        "4:25",
    ]
    body = flat(text)
    for clause, words in CLAUSES:
        assert f"{clause}“{words}”" in body, clause
    assert "时限依据（合同条款）：一、6“" in body
    assert "逾期违约（合同条款）：八、1“" in body


def test_no_amount_unless_the_setting_asks(zh: Translate) -> None:
    doc = dataclasses.replace(work_order(), penalty_worst_cny=Decimal("3315.00"))
    text = pdf_text(workorder_pdf(doc, zh))
    assert "违约金风险" not in text
    assert "¥" not in text
    assert "3,315" not in text


def test_the_amount_when_asked_beside_the_worst_case(zh: Translate) -> None:
    # Restore 4 h 25 min late: 0 whole days under the contract's rule, 1 begun day.
    doc = dataclasses.replace(
        work_order(),
        penalty_cny=Decimal("0.00"),
        penalty_worst_cny=Decimal("3315.00"),
        penalty_rule="whole_days",
        show_penalty=True,
    )
    body = flat(pdf_text(workorder_pdf(doc, zh)))
    assert (
        "违约金风险（八、1，按整日计算延期（迟延满 24 小时为 1 日））：¥0.00；"
        "最不利情形：延期不足一日亦按一日计：¥3,315.00。超时 1 项，本工单只计一次。"
    ) in body
    assert "解除合同" not in body  # not over the cap


def test_over_the_cap_spells_out_the_reading(zh: Translate) -> None:
    terms = PenaltyTerms(
        late_rate_per_day=Decimal("0.003"),
        late_cap_days=10,
        late_over_cap_rate=Decimal("0.20"),
        defect_rate=Decimal("0.20"),
        confidentiality_rate=Decimal("0.10"),
        ip_rate=Decimal("0.10"),
        day_rule="whole_days",
        day_rule_clause="八、1",
        over_cap_rule="replaces_daily_once",
    )
    doc = dataclasses.replace(
        work_order(),
        penalty_cny=Decimal("33150.00"),
        penalty_worst_cny=Decimal("221000.00"),
        penalty_rule="whole_days",
        termination_right_worst=True,
        over_cap_note=sla.over_cap_reading(Decimal("1105000.00"), terms),
        show_penalty=True,
    )
    body = flat(pdf_text(workorder_pdf(doc, zh)))
    assert "¥33,150.00" in body and "¥221,000.00" in body
    assert "替代按日计算的金额，同一延期服务只计一次，且甲方有权解除合同（八、1）" in body


def test_on_time_order_when_asked(zh: Translate) -> None:
    doc = dataclasses.replace(work_order(breached=False), show_penalty=True)
    assert "违约金风险（八、1）：¥0.00，未超时。" in pdf_text(workorder_pdf(doc, zh))


def test_contractor_caused_without_a_client_deadline_has_no_extension(zh: Translate) -> None:
    doc = work_order()  # contractor-caused, restored 4 h 25 min late, no client deadline
    assert doc.contractor_caused
    text = pdf_text(workorder_pdf(doc, zh))
    assert "无偿修复" in text
    assert "顺延" not in text
    assert "延长" not in text


def test_extension_only_when_the_client_deadline_was_missed(zh: Translate) -> None:
    deadline = at(24, 14, 0)  # the client wanted it by 14:00; restored 15:37
    doc = dataclasses.replace(
        work_order(),
        client_deadline=deadline,
        service_extension=at(24, 15, 37) - deadline,
    )
    body = flat(pdf_text(workorder_pdf(doc, zh)))
    assert (
        "未能在甲方指定时间（2026-11-24 14:00）内修复：服务期相应顺延 1小时37分钟（五、5.2.3）。"
        in body
    )
    # A deadline that was kept extends nothing (the read model carries no extension).
    kept = dataclasses.replace(work_order(), client_deadline=at(24, 16, 0))
    assert "顺延" not in pdf_text(workorder_pdf(kept, zh))


def test_not_contractor_caused_prints_no_duty(zh: Translate) -> None:
    doc = dataclasses.replace(work_order(), contractor_caused=False)
    text = pdf_text(workorder_pdf(doc, zh))
    assert "无偿修复" not in text
