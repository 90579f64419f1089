"""Client deadlines on work orders, through the service and the CLI (issue 18): a clock
of its own in `late_by`, 八、5's exposure beside 八、1's amount, the extension of 五、5.2.3
only past it, and signed content that changes only for orders that have one."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from test_workorders_support import BJ, MIN, make_engineer, sign

from tests.unit.reports.report_tools import pdf_text
from workbench.cli import main
from workbench.data.store import Store
from workbench.domain.messages import WorkbenchError
from workbench.reports.workorder import workorder_pdf
from workbench.services import workorders as wo
from workbench.services.workorders.signoff import work_order_content

T0 = dt.datetime(2026, 6, 1, 9, 0, tzinfo=BJ)
HOUR = 60 * MIN


def _fault(store, engineer_id, restored, deadline, *, caused=True) -> str:
    with store.transaction("test") as s:
        number = wo.create_work_order(
            s,
            type="fault",
            channel="hotline",
            description="视频接访一体机无声音",
            asset_codes=["XF-VRT-01"],
            reported_at=T0,
            now=T0,
            client_deadline=deadline,
        ).number
        wo.advance(
            s, number, "responded", at=T0 + 10 * MIN, engineer_id=engineer_id, now=T0 + 10 * MIN
        )
        wo.advance(s, number, "onsite", at=T0 + 60 * MIN, now=T0 + 60 * MIN)
        wo.advance(s, number, "restored", at=restored, now=restored)
        wo.update_work_order(
            s, number, cause="升级配置失误", resolution="恢复配置", contractor_caused=caused,
            now=restored + MIN,
        )  # fmt: skip
    return number


def test_a_missed_client_deadline_is_its_own_clock(store: Store) -> None:
    engineer = make_engineer(store)
    # Restored at 2 h 3 min; the client wanted it within 1 h 30 min.
    number = _fault(store, engineer.id, T0 + 123 * MIN, T0 + 90 * MIN)
    with store.read() as s:
        row = wo.row(s, number)
        detail = wo.detail(s, number)
        doc = wo.document(s, number, show_penalty=True)
    late = {item.key: item.late_by_seconds for item in row.sla}
    assert late == {"response": 0, "onsite": 0, "restore": 180, "client_deadline": 33 * 60}
    assert row.breaches == ("restore", "client_deadline")
    # 八、1 counts the contract's clocks only: 3 min late is 0 whole days, 1 begun day.
    assert (str(row.penalty_cny), str(row.penalty_worst_cny)) == ("0.00", "3315.00")
    assert str(row.client_deadline_exposure_cny) == "221000.00"
    # 五、5.2.3: contractor-caused, the client's deadline missed by 33 min.
    assert detail.service_extension == 33 * MIN
    body = pdf_text(workorder_pdf(doc)).replace("\n", "")
    assert "Deadline set by the client" in body
    assert "extends by 33 min (五、5.2.3)" in body
    assert "(¥221,000.00) is due and the client may terminate the contract (八、5)." in body
    assert "Deadline set by the client (contract clause): 八、5 “除前述约定外" in body


def test_a_kept_deadline_extends_nothing_and_exposes_nothing(store: Store) -> None:
    engineer = make_engineer(store)
    number = _fault(store, engineer.id, T0 + 90 * MIN, T0 + 90 * MIN)  # restored on it
    with store.read() as s:
        row = wo.row(s, number)
        assert wo.detail(s, number).service_extension is None
    assert row.breaches == ()
    assert row.client_deadline_exposure_cny == 0


def test_not_contractor_caused_extends_nothing(store: Store) -> None:
    engineer = make_engineer(store)
    number = _fault(store, engineer.id, T0 + 100 * MIN, T0 + 90 * MIN, caused=False)
    with store.read() as s:
        assert wo.detail(s, number).service_extension is None
        assert wo.row(s, number).client_deadline_exposure_cny > 0


def test_a_deadline_before_the_report_is_refused(store: Store) -> None:
    with store.transaction("test") as s, pytest.raises(WorkbenchError, match="after the report"):
        wo.create_work_order(
            s, type="service_request", channel="hotline", description="调整信息屏内容",
            reported_at=T0, now=T0, client_deadline=T0,
        )  # fmt: skip


def test_signed_content_carries_the_deadline_only_when_set(store: Store) -> None:
    engineer = make_engineer(store)
    with_deadline = _fault(store, engineer.id, T0 + 90 * MIN, T0 + 3 * HOUR)
    without = _fault(store, engineer.id, T0 + 90 * MIN, None)
    for number in (with_deadline, without):
        sign(store, number, engineer.id, T0 + 3 * HOUR)
    with store.read() as s:
        ids = {n: wo.row(s, n).id for n in (with_deadline, without)}
        assert "client_deadline" in work_order_content(s, ids[with_deadline])
        assert "client_deadline" not in work_order_content(s, ids[without])


def _cli(db: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main([*args, "--db", str(db)])
    out, err = capsys.readouterr()
    return code, out, err


def test_service_request_with_a_deadline_from_the_cli(
    sqlite_store: Store, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_engineer(sqlite_store, name="张伟")
    sqlite_store.dispose()
    code, out, err = _cli(
        db_path, capsys, "workorder", "new", "--type", "service_request",
        "--reported-at", "2026-06-01T09:00", "--deadline", "2026-06-01T17:00",
        "--description", "调整信息屏发布内容",
    )  # fmt: skip
    assert code == 0, err
    number = out.strip()
    for step, at in (("respond", "09:10"), ("onsite", "10:00"), ("restore", "17:00:01")):
        args = ["workorder", "advance", number, "--step", step, "--at", f"2026-06-01T{at}+08:00"]
        code, _out, err = _cli(db_path, capsys, *args, "--engineer", "张伟")
        assert code == 0, err
    code, out, _ = _cli(db_path, capsys, "workorder", "list", "--format", "json")
    (order,) = [o for o in json.loads(out) if o["number"] == number]
    assert order["client_deadline"] == "2026-06-01T17:00:00+08:00"
    assert order["late_by"] == {"client_deadline": 1}  # a service request: no contract clock
    assert order["breaches"] == ["client_deadline"]
    assert (order["penalty_cny"], order["penalty_worst_cny"]) == ("0.00", "0.00")
    assert order["client_deadline_exposure_cny"] == "221000.00"

    code, _out, err = _cli(
        db_path, capsys, "--lang", "zh_CN", "workorder", "new", "--type", "service_request",
        "--reported-at", "2026-06-02T09:00", "--deadline", "2026-06-02T08:00",
        "--description", "时间颠倒",
    )  # fmt: skip
    assert code == 2
    assert "甲方指定时间须晚于报修时间" in err
