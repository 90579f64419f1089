"""An engineer's own finding during a round runs no response or on-site clock (issue 18):
nobody requested a service and the engineer is on site. The restore clock runs only when
the finding is marked a fault affecting service; otherwise it carries the rectification
date agreed with the client, a clock of its own (八、5 when missed)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from test_workorders_support import BJ, make_engineer

from workbench.cli import main
from workbench.data.store import Store
from workbench.domain.messages import WorkbenchError
from workbench.services import workorders as wo

T0 = dt.datetime(2026, 6, 1, 9, 0, tzinfo=BJ)


def _finding(store: Store, engineer_id: str, restored_after: dt.timedelta | None) -> str:
    """A mute-indicator LED found during a round; restored (rectified) when given."""
    with store.transaction("test") as s:
        number = wo.create_work_order(
            s,
            type="inspection_finding",
            channel="inspection",
            description="麦克风静音指示灯不亮",
            asset_codes=["XF-MIC-01"],
            engineer_id=engineer_id,
            reported_at=T0,
            now=T0,
        ).number
        if restored_after is not None:
            wo.advance(s, number, "responded", at=T0, engineer_id=engineer_id, now=T0)
            wo.advance(s, number, "restored", at=T0 + restored_after, now=T0 + restored_after)
    return number


def _breached_numbers(store: Store, now: dt.datetime) -> set[str]:
    with store.read() as s:
        page = wo.list_work_orders(s, wo.WorkOrderFilter(breached=True), now=now, limit=None)
    return {r.number for r in page.rows}


def test_an_unmarked_finding_runs_no_clock(store: Store) -> None:
    engineer = make_engineer(store)
    number = _finding(store, engineer.id, dt.timedelta(hours=5))
    with store.read() as s:
        row = wo.row(s, number, now=T0 + dt.timedelta(days=1))
    # Before: response, on-site and restore clocks, 3 h late, ¥3,315.00 as the worst case.
    assert row.sla == () and row.breaches == ()
    assert (row.penalty_cny, row.penalty_worst_cny) == (0, 0)
    assert number not in _breached_numbers(store, T0 + dt.timedelta(days=1))


def test_marked_as_affecting_service_only_the_restore_clock_runs(store: Store) -> None:
    engineer = make_engineer(store)
    number = _finding(store, engineer.id, dt.timedelta(hours=2, minutes=3))
    with store.transaction("test") as s:
        row = wo.mark_finding(s, number, affects_service=True, now=T0 + dt.timedelta(hours=3))
    assert [item.key for item in row.sla] == ["restore"]
    assert row.sla[0].late_by_seconds == 180
    assert (str(row.penalty_cny), str(row.penalty_worst_cny)) == ("0.00", "3315.00")
    assert number in _breached_numbers(store, T0 + dt.timedelta(hours=3))


def test_restored_in_time_after_marking(store: Store) -> None:
    engineer = make_engineer(store)
    number = _finding(store, engineer.id, dt.timedelta(hours=2))  # exactly on the deadline
    with store.transaction("test") as s:
        row = wo.mark_finding(s, number, affects_service=True, now=T0 + dt.timedelta(hours=3))
    assert row.sla[0].state == "met" and row.breaches == ()


@pytest.mark.parametrize(
    ("rectified_after", "state", "exposure"),
    [
        (dt.timedelta(days=3), "met", "0.00"),  # on the agreed date
        (dt.timedelta(days=3, seconds=1), "breached", "221000.00"),  # 八、5, once
    ],
)
def test_a_rectification_date_agreed_with_the_client(
    store: Store, rectified_after: dt.timedelta, state: str, exposure: str
) -> None:
    engineer = make_engineer(store)
    number = _finding(store, engineer.id, None)
    with store.transaction("test") as s:
        marked = wo.mark_finding(
            s, number, affects_service=False, rectify_by=T0 + dt.timedelta(days=3), now=T0
        )
        assert [item.key for item in marked.sla] == ["rectification"]
        wo.advance(s, number, "responded", at=T0, engineer_id=engineer.id, now=T0)
        done = T0 + rectified_after
        wo.advance(s, number, "restored", at=done, now=done)
    with store.read() as s:
        row = wo.row(s, number, now=T0 + dt.timedelta(days=5))
    assert [(item.key, item.state) for item in row.sla] == [("rectification", state)]
    assert str(row.client_deadline_exposure_cny) == exposure
    assert (row.penalty_cny, row.penalty_worst_cny) == (0, 0)  # 八、1 counts no date
    breached = number in _breached_numbers(store, T0 + dt.timedelta(days=5))
    assert breached is (state == "breached")


def test_marking_is_for_findings_and_dates_after_them(store: Store) -> None:
    engineer = make_engineer(store)
    number = _finding(store, engineer.id, None)
    with store.transaction("test") as s:
        fault = wo.create_work_order(
            s, type="fault", channel="hotline", description="一体机黑屏",
            asset_codes=["XF-KIOSK-01"], reported_at=T0, now=T0,
        ).number  # fmt: skip
    with store.transaction("test") as s:
        with pytest.raises(WorkbenchError, match="not an inspection finding"):
            wo.mark_finding(s, fault, affects_service=True)
        with pytest.raises(WorkbenchError, match="must lie after the finding"):
            wo.mark_finding(s, number, affects_service=False, rectify_by=T0)


def test_from_the_cli(
    sqlite_store: Store, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    engineer = make_engineer(sqlite_store)
    number = _finding(sqlite_store, engineer.id, dt.timedelta(hours=2, minutes=3))
    sqlite_store.dispose()

    def cli(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main([*args, "--db", str(db_path)])
        out, err = capsys.readouterr()
        return code, out, err

    def listed() -> dict[str, object]:
        _code, out, _err = cli("workorder", "list", "--format", "json")
        return next(o for o in json.loads(out) if o["number"] == number)

    assert listed()["late_by"] == {} and listed()["affects_service"] is False
    assert cli("workorder", "finding", number, "--affects-service")[0] == 0
    order = listed()
    assert order["late_by"] == {"restore": 180}
    assert (order["penalty_cny"], order["penalty_worst_cny"]) == ("0.00", "3315.00")
    code, _out, err = cli(
        "--lang", "zh_CN", "workorder", "finding", number, "--rectify-by", "2026-05-01T09:00"
    )
    assert code == 2 and "整改日期须晚于发现时间" in err
