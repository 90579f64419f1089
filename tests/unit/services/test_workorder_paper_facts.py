"""The printed work order from the store: facts, the contract's words, and the amount only
when asked (issue 18). The figures on paper are the JSON's (`workorder list`)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from test_workorders_support import BJ, MIN, make_engineer

from tests.unit.reports.report_tools import pdf_text
from workbench.cli import main
from workbench.config import Settings
from workbench.data.store import Store
from workbench.services import workorders as wo

T0 = dt.datetime(2026, 6, 1, 9, 0, tzinfo=BJ)


def _late_fault(store: Store, engineer_id: str, restored_after: dt.timedelta) -> str:
    """A contractor-caused fault responded in 10 min, on site in 1 h, restored late."""
    restored = T0 + restored_after
    with store.transaction("test") as s:
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
            s, number, "responded", at=T0 + 10 * MIN, engineer_id=engineer_id, now=T0 + 10 * MIN
        )
        wo.advance(s, number, "onsite", at=T0 + 60 * MIN, now=T0 + 60 * MIN)
        wo.advance(s, number, "restored", at=restored, now=restored)
        wo.update_work_order(
            s, number, cause="乙方升级配置失误", contractor_caused=True, now=restored + MIN
        )
    return number


def test_the_read_model_states_the_clauses_and_hides_the_amount(store: Store) -> None:
    engineer = make_engineer(store)
    number = _late_fault(store, engineer.id, dt.timedelta(days=2, hours=3))
    with store.read() as s:
        doc = wo.document(s, number)
        asked = wo.document(s, number, show_penalty=True)
    assert doc.show_penalty is False and asked.show_penalty is True
    clauses = dict(doc.clauses)
    assert list(clauses) == ["一、6", "五、5.2.2", "八、1", "五、5.2.3", "八、5"]
    assert "工程师提供 2 小时内现场响应服务" in clauses["一、6"]
    assert "【30】分钟内响应请求，【2】小时内排除故障并恢复服务" in clauses["五、5.2.2"]
    assert "每延期一日扣除合同总金额的千分之三作为违约金" in clauses["八、1"]
    assert "如乙方不能在甲方指定时间内修复的，乙方应延长相应的服务期限" in clauses["五、5.2.3"]
    # 2 days 1 h past the 2 h restore deadline: 2 whole days, 3 begun days (3‰ of ¥1,105,000).
    assert (str(doc.penalty_cny), str(doc.penalty_worst_cny)) == ("6630.00", "9945.00")
    assert doc.penalty_rule == "whole_days"
    assert doc.over_cap_note is None


def test_contractor_caused_without_a_client_deadline_extends_nothing(store: Store) -> None:
    """五、5.2.3 extends the period only past a deadline the client set: before, every
    contractor-caused restored fault carried restored - reported as its extension."""
    engineer = make_engineer(store)
    number = _late_fault(store, engineer.id, dt.timedelta(minutes=90))  # on time
    with store.read() as s:
        assert wo.detail(s, number).contractor_caused
        assert wo.detail(s, number).service_extension is None
        doc = wo.document(s, number)
    assert doc.service_extension is None and doc.client_deadline is None


def test_over_ten_days_carries_the_reading(store: Store) -> None:
    engineer = make_engineer(store)
    number = _late_fault(store, engineer.id, dt.timedelta(days=10, hours=2, seconds=1))
    with store.read() as s:
        doc = wo.document(s, number, show_penalty=True)
    # 10 d + 1 s late: 10 whole days (¥33,150.00), 11 begun days: 20% (¥221,000.00).
    assert (str(doc.penalty_cny), str(doc.penalty_worst_cny)) == ("33150.00", "221000.00")
    assert (doc.termination_right, doc.termination_right_worst) == (False, True)
    assert doc.over_cap_note is not None


def _cli(db: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main([*args, "--db", str(db)])
    out, err = capsys.readouterr()
    return code, out, err


def test_pdf_from_the_cli_shows_the_json_figures_only_when_asked(
    sqlite_store: Store, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    engineer = make_engineer(sqlite_store)
    number = _late_fault(sqlite_store, engineer.id, dt.timedelta(days=2, hours=3))
    sqlite_store.dispose()
    _code, out, _ = _cli(db_path, capsys, "workorder", "list", "--format", "json")
    (row,) = [o for o in json.loads(out) if o["number"] == number]
    assert row["late_by"]["restore"] == 2 * 86400 + 3600

    plain, asked, by_setting = (tmp_path / f"{n}.pdf" for n in ("plain", "asked", "setting"))
    assert (
        _cli(db_path, capsys, "--lang", "zh_CN", "workorder", "pdf", number, "-o", str(plain))[0]
        == 0
    )
    args = ["--lang", "zh_CN", "workorder", "pdf", number, "-o", str(asked), "--with-penalty"]
    assert _cli(db_path, capsys, *args)[0] == 0
    settings = dataclasses.replace(Settings(), workorder_penalty_on_paper=True)
    settings.save()
    assert (
        _cli(db_path, capsys, "--lang", "zh_CN", "workorder", "pdf", number, "-o", str(by_setting))[
            0
        ]
        == 0
    )

    plain_text = pdf_text(plain.read_bytes())
    assert "49:00" in plain_text  # late by 2 d 1 h = 49 h 00 min, the JSON's 176400 s
    assert "违约金风险" not in plain_text and "¥" not in plain_text
    for path in (asked, by_setting):
        text = pdf_text(path.read_bytes()).replace("\n", "")
        assert "¥6,630.00" in text and "¥9,945.00" in text  # = penalty_cny, penalty_worst_cny
        assert (row["penalty_cny"], row["penalty_worst_cny"]) == ("6630.00", "9945.00")
    off = ["--lang", "zh_CN", "workorder", "pdf", number, "-o", str(plain), "--no-with-penalty"]
    assert _cli(db_path, capsys, *off)[0] == 0
    assert "违约金风险" not in pdf_text(plain.read_bytes())


def test_the_acceptance_pack_follows_the_penalty_choice(
    sqlite_store: Store, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The year-end pack prints its signed orders as `workorder pdf` would: the amount
    only with --with-penalty (or the setting)."""
    from test_workorders_support import sign

    engineer = make_engineer(sqlite_store)
    number = _late_fault(sqlite_store, engineer.id, dt.timedelta(days=2, hours=3))
    with sqlite_store.transaction("test") as s:
        wo.update_work_order(s, number, resolution="回退配置后声音恢复", now=T0 + 3 * 1440 * MIN)
    sign(sqlite_store, number, engineer.id, T0 + dt.timedelta(days=3, minutes=5))
    sqlite_store.dispose()
    texts = {}
    for flag in ("--with-penalty", "--no-with-penalty"):
        folder = tmp_path / flag.strip("-")
        code, _out, err = _cli(db_path, capsys, "report", "acceptance", "-o", str(folder), flag)
        assert code == 0, err
        (pdf,) = [p for p in folder.rglob("*.pdf") if number in p.name]
        texts[flag] = pdf_text(pdf.read_bytes()).replace("\n", "")
    assert "¥6,630.00" in texts["--with-penalty"] and "¥9,945.00" in texts["--with-penalty"]
    assert "¥" not in texts["--no-with-penalty"]
