"""`workorder list --format json` states each clock's lateness and the penalty under the
contract's day rule and under the strict reading (issue 18; contract 八.1 "每延期一日":
3‰ of ¥1,105,000 = ¥3,315.00 a day; whole days by default, every begun day as the worst
case)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from test_workorders_support import BJ, MIN, make_engineer

from workbench.cli import main
from workbench.data.store import Store
from workbench.services import workorders as wo

T0 = dt.datetime(2026, 6, 1, 9, 0, tzinfo=BJ)


def _fault(store: Store, engineer_id: str, t0: dt.datetime, restored: dt.datetime) -> str:
    with store.transaction("test") as s:
        number = wo.create_work_order(
            s,
            type="fault",
            channel="hotline",
            description="视频接访一体机无声音",
            asset_codes=["XF-VRT-01"],
            reported_at=t0,
            now=t0,
        ).number
        # Responded in 10 min and on site in 1 h: only the restore clock (2 h) is late.
        wo.advance(
            s, number, "responded", at=t0 + 10 * MIN, engineer_id=engineer_id, now=t0 + 10 * MIN
        )
        wo.advance(s, number, "onsite", at=t0 + 60 * MIN, now=t0 + 60 * MIN)
        wo.advance(s, number, "restored", at=restored, now=restored)
    return number


CASES = [
    # restored after the report, seconds late, amount (whole days), worst (begun days)
    (dt.timedelta(hours=2, minutes=3), 180, "0.00", "3315.00"),
    (dt.timedelta(days=2, hours=3), 2 * 86400 + 3600, "6630.00", "9945.00"),
    (dt.timedelta(hours=1, minutes=59), 0, "0.00", "0.00"),
]


@pytest.mark.parametrize("case", CASES, ids=["2h03m", "2d1h-late", "on-time"])
def test_late_restore_in_the_json(
    sqlite_store: Store,
    db_path: Path,
    capsys: pytest.CaptureFixture[str],
    case: tuple[dt.timedelta, int, str, str],
) -> None:
    restored_after, late_by, amount, worst = case
    engineer = make_engineer(sqlite_store)
    number = _fault(sqlite_store, engineer.id, T0, T0 + restored_after)
    sqlite_store.dispose()
    capsys.readouterr()
    assert main(["workorder", "list", "--format", "json", "--db", str(db_path)]) == 0
    (order,) = [o for o in json.loads(capsys.readouterr().out) if o["number"] == number]
    assert order["late_by"] == {"response": 0, "onsite": 0, "restore": late_by}
    assert order["breaches"] == (["restore"] if late_by else [])
    assert order["penalty_rule"] == "whole_days"
    assert order["penalty_cny"] == amount
    assert order["penalty_worst_cny"] == worst
    assert order["entered_late"] == []  # each step entered as it happened


def _cli(db: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main([*args, "--db", str(db)])
    out, err = capsys.readouterr()
    return code, out, err


def test_new_and_advance_from_the_command_line(
    sqlite_store: Store, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The acceptance of issue 18, through `workorder new/advance` only."""
    make_engineer(sqlite_store, name="张伟")
    sqlite_store.dispose()
    code, out, _ = _cli(
        db_path, capsys, "workorder", "new", "--type", "fault", "--asset", "XF-VRT-01",
        "--reported-at", "2026-06-01T09:00", "--reporter", "王芳",
        "--description", "视频接访一体机无声音",
    )  # fmt: skip
    assert code == 0
    number = out.strip()
    for step, at in (("respond", "09:10"), ("onsite", "10:00"), ("restore", "11:03")):
        args = ["workorder", "advance", number, "--step", step, "--at", f"2026-06-01T{at}+08:00"]
        code, out, err = _cli(db_path, capsys, *args, "--engineer", "张伟")
        assert code == 0, err
    code, out, _ = _cli(db_path, capsys, "workorder", "list", "--format", "json")
    (order,) = [o for o in json.loads(out) if o["number"] == number]
    assert order["status"] == "restored"
    assert order["late_by"]["restore"] == 180
    assert (order["penalty_cny"], order["penalty_worst_cny"]) == ("0.00", "3315.00")
    # Typed in today for June: every clock time was entered afterwards (补录).
    assert order["entered_late"] == ["reported", "response", "onsite", "restore"]

    messages: list[str] = []
    for bad in (
        ["new", "--type", "fault", "--asset", "XF-VRT-01", "--reported-at", "2026-02-20T10:00",
         "--description", "期前报修"],  # outside the service period (三)
        ["new", "--type", "fault", "--asset", "XF-VRT-01", "--reported-at", "yesterday",
         "--description", "时间不对"],
        ["new", "--type", "fault", "--asset", "NO-SUCH-1", "--reported-at", "2026-06-02T10:00",
         "--description", "没有这台设备"],
        ["advance", number, "--step", "respond", "--at", "2026-06-01T12:00"],  # out of order
        ["advance", number, "--step", "close", "--at", "2026-06-01T12:00", "--engineer", "李四"],
    ):  # fmt: skip
        code, out, err = _cli(db_path, capsys, "workorder", *bad)
        assert code == 2, (bad, out, err)
        assert err.strip() and "Traceback" not in err
        messages.append(err)
    assert "不在合同服务期限内" in messages[0]
    assert "不是有效的日期时间" in messages[1]
    assert "没有名为 李四 的工程师" in messages[4]


def test_workorder_pdf_says_where_it_wrote(
    sqlite_store: Store, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "已生成：…" as the other commands say, not a bare path (issue 20, defect 8)."""
    engineer = make_engineer(sqlite_store)
    number = _fault(sqlite_store, engineer.id, T0, T0 + 90 * MIN)
    sqlite_store.dispose()
    target = tmp_path / "order.pdf"
    args = ["workorder", "pdf", number, "-o", str(target), "--lang", "zh_CN"]
    code, out, _err = _cli(db_path, capsys, *args)
    assert code == 0
    assert out.strip() == f"已生成：{target}"
    assert target.read_bytes().startswith(b"%PDF")
