"""The register of excused delays (issue 19, item 1; contract 十 and 八、1).

A breach the contractor is not answerable for is claimed against its work order with a
reason and evidence; once the client's representative signs it, the order keeps its
breach but carries no penalty, and the amount it would have carried is kept apart.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from test_workorders_support import BJ, MIN, PIN, STROKES, make_engineer

from workbench.data.store import Store
from workbench.domain.messages import WorkbenchError
from workbench.domain.reporting import Period
from workbench.services import signing
from workbench.services import workorders as wo
from workbench.services.registers import excuses

T0 = dt.datetime(2026, 6, 1, 9, 0, tzinfo=BJ)
LATER = T0 + dt.timedelta(days=5)


def _late_order(store: Store, engineer_id: str) -> str:
    """A fault restored 2 days 1 h after its 2-hour deadline (八、1: 2 whole days late)."""
    restored = T0 + dt.timedelta(hours=2) + dt.timedelta(days=2, hours=1)
    with store.transaction("test") as s:
        number = wo.create_work_order(
            s,
            type="fault",
            channel="hotline",
            description="叫号屏黑屏，机房停电",
            asset_codes=["XF-VRT-01"],
            reported_at=T0,
            now=T0,
        ).number
        wo.advance(
            s, number, "responded", at=T0 + 10 * MIN, engineer_id=engineer_id, now=T0 + 10 * MIN
        )
        wo.advance(s, number, "onsite", at=T0 + 50 * MIN, now=T0 + 50 * MIN)
        wo.advance(s, number, "restored", at=restored, now=restored)
    return number


def _signatures() -> signing.Signatures:
    return signing.Signatures(
        engineer_strokes=STROKES, client_name="于文浩", client_strokes=STROKES
    )


def _claimed(store: Store, number: str, tmp_path: Path) -> str:
    with store.transaction("test") as s:
        row = excuses.claim(
            s,
            {
                "number": number,
                "kind": "client_cause",
                "reason": "甲方机房配电检修，停电至次日 11:00，无法进入机房",
                "cause_from": T0 + 30 * MIN,
                "cause_until": T0 + dt.timedelta(days=2),
                "client_notified_at": T0 + 35 * MIN,
            },
            now=LATER,
        )
    evidence = tmp_path / "停电通知.pdf"
    evidence.write_bytes(b"%PDF-1.4 notice of the power cut")
    with store.transaction("test") as s:
        excuses.attach_evidence(s, row.id, evidence)
    return row.id


def test_a_confirmed_excuse_keeps_the_breach_and_takes_the_penalty_off(
    store: Store, tmp_path: Path
) -> None:
    engineer = make_engineer(store)
    number = _late_order(store, engineer.id)
    with store.read() as s:
        before = wo.row(s, number, now=LATER)
    assert before.breaches == ("restore",)
    assert (str(before.penalty_cny), str(before.penalty_worst_cny)) == ("6630.00", "9945.00")

    excuse_id = _claimed(store, number, tmp_path)
    with store.read() as s:
        claimed = wo.row(s, number, now=LATER)
        listed = excuses.get_excuse(s, excuse_id, now=LATER)
    # Only claimed: the penalty stands until the client confirms.
    assert str(claimed.penalty_cny) == "6630.00" and claimed.excused is None
    assert listed.status == "claimed" and listed.evidence_name == "停电通知.pdf"

    with store.transaction("test") as s:
        confirmed = excuses.confirm(
            s, excuse_id, _signatures(), engineer_id=engineer.id, pin=PIN, now=LATER
        )
    assert confirmed.confirmed and confirmed.client_name == "于文浩"
    assert confirmed.penalty_cny == Decimal("6630.00")  # what it takes off
    with store.read() as s:
        after = wo.row(s, number, now=LATER)
        (in_list,) = [
            r
            for r in wo.list_work_orders(s, wo.WorkOrderFilter(breached=True), now=LATER).rows
            if r.number == number
        ]
        problems = signing.verify_chain(s)
    for row in (after, in_list):
        assert row.breaches == ("restore",)  # still visible
        assert (str(row.penalty_cny), str(row.penalty_worst_cny)) == ("0.00", "0.00")
        assert row.excused is not None and row.excused.kind == "client_cause"
        assert str(row.excused.penalty_worst_cny) == "9945.00"
    assert problems == []


def test_a_confirmed_excuse_is_locked(store: Store, tmp_path: Path) -> None:
    engineer = make_engineer(store)
    number = _late_order(store, engineer.id)
    excuse_id = _claimed(store, number, tmp_path)
    with store.transaction("test") as s:
        excuses.confirm(s, excuse_id, _signatures(), engineer_id=engineer.id, pin=PIN, now=LATER)
    for change in (
        lambda s: excuses.update(s, excuse_id, {"reason": "改成别的理由"}, now=LATER),
        lambda s: excuses.delete(s, excuse_id),
        lambda s: excuses.attach_evidence(s, excuse_id, tmp_path / "x.pdf"),
    ):
        with store.transaction("test") as s, pytest.raises(WorkbenchError) as refused:
            change(s)
        assert "cannot change" in refused.value.render(lambda _c, t: t)
    # Editing the signed claim behind the service's back breaks the chain.
    with store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE excuse SET reason = '另一个理由'")
    with store.read() as s:
        problems = signing.verify_chain(s)
    assert [(p.record_type, p.problem) for p in problems] == [("excuse", "content")]


def test_claims_are_checked(store: Store, tmp_path: Path) -> None:
    engineer = make_engineer(store)
    number = _late_order(store, engineer.id)
    with store.transaction("test") as s:
        on_time = wo.create_work_order(
            s,
            type="fault",
            channel="hotline",
            description="打印机卡纸",
            asset_codes=["XF-KIOSK-01"],
            reported_at=T0,
            now=T0,
        ).number

    def refused(values: dict[str, object]) -> str:
        with store.transaction("test") as s, pytest.raises(WorkbenchError) as exc:
            excuses.claim(s, values, now=T0 + 20 * MIN)
        return exc.value.render(lambda _c, t: t)

    assert "no breach" in refused(
        {"number": on_time, "kind": "force_majeure", "reason": "台风停电"}
    )
    assert "not found" in refused(
        {"number": "WO-1999-999", "kind": "force_majeure", "reason": "x" * 9}
    )
    assert "kind" in refused({"number": number, "kind": "weather", "reason": "台风导致道路中断"})
    assert "at least" in refused({"number": number, "kind": "force_majeure", "reason": "台风"})
    assert "future" in refused(
        {
            "number": number,
            "kind": "force_majeure",
            "reason": "台风导致道路中断",
            "cause_from": T0 + dt.timedelta(days=30),
        }
    )
    excuse_id = _claimed(store, number, tmp_path)
    assert "already" in refused(
        {"number": number, "kind": "third_party", "reason": "运营商光缆中断"}
    )
    # No evidence, no confirmation (十: proof of the cause).
    with store.transaction("test") as s:
        excuses.delete(s, excuse_id)
        bare = excuses.claim(
            s, {"number": number, "kind": "third_party", "reason": "运营商光缆中断"}, now=LATER
        )
    with store.transaction("test") as s, pytest.raises(WorkbenchError) as exc:
        excuses.confirm(s, bare.id, _signatures(), engineer_id=engineer.id, pin=PIN, now=LATER)
    assert "evidence" in exc.value.render(lambda _c, t: t)


def test_export_and_report_section(store: Store, tmp_path: Path) -> None:
    engineer = make_engineer(store)
    number = _late_order(store, engineer.id)
    excuse_id = _claimed(store, number, tmp_path)
    with store.transaction("test") as s:
        excuses.confirm(s, excuse_id, _signatures(), engineer_id=engineer.id, pin=PIN, now=LATER)
    path = tmp_path / "免责登记.xlsx"
    with store.read() as s:
        count = excuses.export_xlsx(s, path, lambda _c, t: t)
        section = excuses.report_section(
            s, Period(dt.date(2026, 6, 1), dt.date(2026, 6, 30), "2026-06"), lambda _c, t: t
        )
        july = excuses.report_section(
            s, Period(dt.date(2026, 7, 1), dt.date(2026, 7, 31), "2026-07"), lambda _c, t: t
        )
    assert count == 1
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    header, line = (list(r) for r in sheet.iter_rows(values_only=True))
    assert header[0] == "Work order" and line[0] == number
    assert line[header.index("Status")] == "Confirmed by the client"
    assert line[header.index("Penalty excused (CNY)")] == 6630.0
    assert line[header.index("Evidence")] == "停电通知.pdf"
    assert [r[0] for r in section.rows] == [number]
    assert section.rows[0][-1] == "6630.00"
    assert "CNY 6630.00 not charged" in section.remark
    assert july.rows == ()
