"""Work order use cases on a real store (SQLite file; PostgreSQL too when configured)."""

from __future__ import annotations

import datetime as dt
import threading
from decimal import Decimal

import pytest
from sqlalchemy import select
from test_workorders_support import BJ, MIN, make_engineer, restored_order, sign

from workbench.data.models.workorders import WorkLogEntry, WorkOrder
from workbench.domain.messages import WorkbenchError
from workbench.services import workorders as wo

T0 = dt.datetime(2026, 6, 1, 9, 0, tzinfo=BJ)


def create(store, t=T0, type="fault", asset="XF-VRT-01", **kw):
    with store.transaction("王工") as s:
        return wo.create_work_order(
            s,
            type=type,
            channel=kw.pop("channel", "hotline"),
            description=kw.pop("description", "视频接访一体机无声音"),
            asset_codes=[asset] if asset else [],
            reported_at=t,
            now=kw.pop("now", t),
            **kw,
        )


def test_orders_outside_the_service_period_are_refused(store):
    """三、服务期限 2026-03-01 to 2027-02-28 (Beijing time): no clock runs outside it
    (issue 18: an order reported on 2026-02-20 got the full clock and a penalty)."""
    start = dt.datetime(2026, 3, 1, 0, 0, tzinfo=BJ)
    for outside in (
        dt.datetime(2026, 2, 20, 10, 0, tzinfo=BJ),
        start - dt.timedelta(seconds=1),
        dt.datetime(2027, 3, 1, 0, 0, tzinfo=BJ),
    ):
        with pytest.raises(WorkbenchError, match="outside the contract's service period"):
            create(store, t=outside, now=dt.datetime(2027, 3, 2, tzinfo=BJ))
    first = create(store, t=start)
    last = create(store, t=dt.datetime(2027, 3, 1, tzinfo=BJ) - dt.timedelta(seconds=1))
    assert first.number.startswith("WO-2026-") and last.number.startswith("WO-2027-")


def test_numbers_are_sequential_per_year(store):
    numbers = [create(store, T0 + i * MIN).number for i in range(3)]
    assert numbers == ["WO-2026-0001", "WO-2026-0002", "WO-2026-0003"]
    # 2027-01-01 00:10 Beijing time starts the 2027 series, whatever UTC says.
    new_year = dt.datetime(2027, 1, 1, 0, 10, tzinfo=BJ)
    assert create(store, new_year).number == "WO-2027-0001"
    late_2026 = dt.datetime(2026, 12, 31, 23, 50, tzinfo=BJ)
    assert create(store, late_2026, now=new_year).number == "WO-2026-0004"


def test_a_rolled_back_report_leaves_no_gap(store):
    assert create(store).number == "WO-2026-0001"
    seen = []

    def abandoned() -> None:
        with store.transaction("test") as s:
            d = wo.create_work_order(
                s,
                type="fault",
                channel="hotline",
                description="x",
                asset_codes=["XF-CAM-01"],
                reported_at=T0,
                now=T0,
            )
            seen.append(d.number)
            raise RuntimeError("the user closed the dialog mid-way")

    with pytest.raises(RuntimeError):
        abandoned()
    assert seen == ["WO-2026-0002"]
    with pytest.raises(WorkbenchError, match="XF-NOPE-01"):
        create(store, asset="XF-NOPE-01")
    assert create(store).number == "WO-2026-0002"


def test_concurrent_reports_get_unique_gap_free_numbers(store):
    errors: list[BaseException] = []

    def worker(k: int) -> None:
        try:
            for i in range(5):
                create(store, T0 + (k * 10 + i) * MIN, now=T0 + 100 * MIN)
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with store.transaction() as s:
        numbers = sorted(s.scalars(select(WorkOrder.number)))
    assert numbers == [f"WO-2026-{i:04d}" for i in range(1, 21)]


def test_deadlines_and_clock_come_from_the_contract(store):
    d = create(store)
    assert [i.key for i in d.sla] == ["response", "onsite", "restore"]
    assert d.sla[0].deadline == T0 + 30 * MIN
    assert d.sla[2].deadline == T0 + 120 * MIN
    assert d.sla[0].state == "pending"
    # Planned work has no clock.
    planned = create(store, type="service_request", asset="WEB-XFB", channel="monitoring")
    assert planned.sla == ()
    assert planned.penalty_cny == Decimal("0.00")


def test_transitions_are_recorded_with_time_and_who(store):
    eng = make_engineer(store)
    number = create(store).number
    with store.transaction("王工") as s:
        wo.advance(s, number, "responded", at=T0 + 5 * MIN, engineer_id=eng.id, now=T0 + 6 * MIN)
        wo.advance(s, number, "restored", at=T0 + 50 * MIN, now=T0 + 50 * MIN, note="远程重启")
        d = wo.detail(s, number, now=T0 + 50 * MIN)
    assert d.row.status == "restored"
    assert d.row.engineer_name == "张伟"
    assert [(e.from_status, e.to_status) for e in d.events] == [
        ("", "reported"),
        ("reported", "responded"),
        ("responded", "restored"),
    ]
    responded = d.events[1]
    assert responded.at == T0 + 5 * MIN
    assert responded.recorded_at == T0 + 6 * MIN
    assert responded.actor == "王工"
    assert responded.engineer_name == "张伟"
    assert d.events[2].note == "远程重启"
    assert d.allowed_moves == ("closed",)


@pytest.mark.parametrize("target", ["onsite", "restored", "closed"])
def test_skipping_steps_is_refused(store, target):
    number = create(store).number
    with pytest.raises(WorkbenchError, match="cannot move"), store.transaction() as s:
        wo.advance(s, number, target, now=T0 + MIN)
    with store.transaction() as s:
        assert wo.detail(s, number, now=T0).row.status == "reported"


def test_times_must_follow_each_other_and_not_lie_ahead(store):
    number = create(store).number
    with pytest.raises(WorkbenchError, match="before the previous"), store.transaction() as s:
        wo.advance(s, number, "responded", at=T0 - MIN, now=T0 + MIN)
    with pytest.raises(WorkbenchError, match="future"), store.transaction() as s:
        wo.advance(s, number, "responded", at=T0 + 60 * MIN, now=T0 + MIN)
    with pytest.raises(WorkbenchError, match="sign-off"), store.transaction() as s:
        wo.advance(s, number, "signed", now=T0 + MIN)


def test_closing_needs_the_result(store):
    number = create(store).number
    with store.transaction() as s:
        wo.advance(s, number, "responded", at=T0 + MIN, now=T0 + MIN)
        wo.advance(s, number, "restored", at=T0 + 30 * MIN, now=T0 + 30 * MIN)
    with pytest.raises(WorkbenchError, match="result"), store.transaction() as s:
        wo.advance(s, number, "closed", now=T0 + 31 * MIN)
    with store.transaction() as s:
        wo.update_work_order(s, number, cause="线缆松动", resolution="重新插紧音频线")
        assert wo.advance(s, number, "closed", now=T0 + 31 * MIN).status == "closed"


def test_cancel_only_before_anyone_is_on_site(store):
    a = create(store).number
    b = create(store).number
    with store.transaction() as s:
        d = wo.advance(s, a, "cancelled", now=T0 + MIN, note="重复报修")
        assert d.status == "cancelled"
        assert d.sla == ()
        wo.advance(s, b, "responded", now=T0 + MIN)
        wo.advance(s, b, "onsite", now=T0 + 2 * MIN)
    with pytest.raises(WorkbenchError), store.transaction() as s:
        wo.advance(s, b, "cancelled", now=T0 + 3 * MIN)
    with pytest.raises(WorkbenchError, match="cancelled"), store.transaction() as s:
        wo.update_work_order(s, a, description="改")


def test_signed_order_refuses_every_edit(store):
    eng = make_engineer(store)
    number = restored_order(store, eng.id, T0)
    sign(store, number, eng.id, T0 + 90 * MIN)
    refusals = [
        lambda s: wo.update_work_order(s, number, description="改过的描述"),
        lambda s: wo.update_work_order(s, number, asset_codes=["XF-KIOSK-02"]),
        lambda s: wo.advance(s, number, "closed", now=T0 + 100 * MIN),
        lambda s: wo.append_log(s, engineer_id=eng.id, text="补记", work_order_number=number),
    ]
    for refuse in refusals:
        with pytest.raises(WorkbenchError, match="signed"), store.transaction() as s:
            refuse(s)
    with store.transaction() as s:
        d = wo.detail(s, number)
    assert d.row.description == "自助一体机触摸屏无响应"
    assert not d.editable
    assert d.allowed_moves == ()


def test_amendments_are_linked_chained_records(store):
    eng = make_engineer(store)
    number = restored_order(store, eng.id, T0)
    sign(store, number, eng.id, T0 + 90 * MIN)
    with store.transaction() as s:
        first_log = wo.list_log(s, work_order_number=number)[0]
        a = wo.amend_work_order(
            s,
            number,
            engineer_id=eng.id,
            pin="246800",
            field="cause",
            new_value="触摸屏控制板接触不良",
            reason="返厂检测结论",
            now=T0 + 2 * 24 * 60 * MIN,
        )
        wo.append_log(
            s,
            engineer_id=eng.id,
            text="到场检查，触摸屏控制板接触不良",
            work_order_number=number,
            amends_id=first_log.id,
            now=T0 + 2 * 24 * 60 * MIN,
        )
    assert a.old_value == "触摸屏驱动异常"
    assert a.content_hash is not None
    with store.transaction() as s:
        d = wo.detail(s, number)
        doc = wo.document(s, number)
    assert d.row.status == "signed"
    assert d.cause == "触摸屏驱动异常"  # the signed order itself is unchanged
    assert [x.new_value for x in d.amendments] == ["触摸屏控制板接触不良"]
    assert len(d.log) == 2
    assert d.log[0].amended
    assert d.log[1].amends_id == first_log.id
    entries = [line for line in doc.log if not line.step]  # the steps are printed too
    assert entries[1].amends == first_log.at
    assert "触摸屏控制板接触不良" in doc.amendments[0].text
    other = create(store).number
    with pytest.raises(WorkbenchError, match="not signed"), store.transaction() as s:
        wo.amend_work_order(s, other, engineer_id=eng.id, pin="246800", new_value="x", reason="y")


def test_log_is_append_only_with_free_entries(store):
    eng = make_engineer(store)
    number = create(store).number
    with store.transaction() as s:
        free = wo.append_log(s, engineer_id=eng.id, text="机房例行巡视，温湿度正常", at=T0, now=T0)
        on_order = wo.append_log(
            s, engineer_id=eng.id, text="电话指导重启", work_order_number=number, now=T0 + MIN
        )
        fix = wo.append_log(
            s,
            engineer_id=eng.id,
            text="电话指导重启音频服务",
            work_order_number=number,
            amends_id=on_order.id,
            now=T0 + 2 * MIN,
        )
    with pytest.raises(WorkbenchError, match="belong"), store.transaction() as s:
        wo.append_log(s, engineer_id=eng.id, text="x", amends_id=on_order.id)  # not free
    with pytest.raises(WorkbenchError, match="empty"), store.transaction() as s:
        wo.append_log(s, engineer_id=eng.id, text="  ")
    with store.transaction() as s:
        assert [e.id for e in wo.list_log(s, free_only=True)] == [free.id]
        entries = wo.list_log(s, work_order_number=number)
        assert [e.text for e in entries] == ["电话指导重启", "电话指导重启音频服务"]
        assert entries[0].amended
        assert not entries[1].amended
        assert entries[1].amends_at == entries[0].at
        assert fix.work_order_number == number
        # The original is still there, word for word.
        original = s.get(WorkLogEntry, on_order.id)
        assert original is not None
        assert original.text == "电话指导重启"


def test_list_filters_search_sort_and_pages(store):
    eng = make_engineer(store)
    late = restored_order(store, eng.id, T0, asset="XF-CAM-03", response_minutes=35)
    on_time = restored_order(store, eng.id, T0 + 60 * MIN, asset="XF-MIC-02")
    planned = create(
        store,
        T0 + 120 * MIN,
        type="service_request",
        asset="WEB-XFB",
        channel="monitoring",
        description="首页更换专题图片",
    ).number
    now = T0 + 3 * 24 * 60 * MIN
    with store.transaction() as s:
        page = wo.list_work_orders(s, now=now)
        assert page.total == 3
        assert [r.number for r in page.rows] == [planned, on_time, late]
        assert [
            r.number for r in wo.list_work_orders(s, sort="number", descending=False, now=now).rows
        ] == [late, on_time, planned]
        breached = wo.list_work_orders(s, wo.WorkOrderFilter(breached=True), now=now)
        assert [r.number for r in breached.rows] == [late]
        assert breached.rows[0].breaches == ("response",)
        assert breached.rows[0].penalty_cny == Decimal("0.00")  # 5 min: no whole day
        assert {
            r.number
            for r in wo.list_work_orders(s, wo.WorkOrderFilter(breached=False), now=now).rows
        } == {
            on_time,
            planned,
        }
        assert [
            r.number
            for r in wo.list_work_orders(s, wo.WorkOrderFilter(search="mic-02"), now=now).rows
        ] == [on_time]
        assert [
            r.number
            for r in wo.list_work_orders(s, wo.WorkOrderFilter(search="专题"), now=now).rows
        ] == [planned]
        assert [
            r.number
            for r in wo.list_work_orders(s, wo.WorkOrderFilter(search="王芳"), now=now).rows
        ] == [
            on_time,
            late,
        ]
        assert wo.list_work_orders(s, wo.WorkOrderFilter(search="100%"), now=now).total == 0
        assert [
            r.number
            for r in wo.list_work_orders(
                s, wo.WorkOrderFilter(type="service_request"), now=now
            ).rows
        ] == [planned]
        assert (
            wo.list_work_orders(
                s, wo.WorkOrderFilter(status=["restored"], engineer_id=eng.id), now=now
            ).total
            == 2
        )
        assert (
            wo.list_work_orders(
                s, wo.WorkOrderFilter(start=T0 + 30 * MIN, end=T0 + 90 * MIN), now=now
            ).total
            == 1
        )
        paged = wo.list_work_orders(s, sort="number", descending=False, offset=1, limit=1, now=now)
        assert paged.total == 3
        assert [r.number for r in paged.rows] == [on_time]


def test_open_order_breaches_in_the_list_as_time_passes(store):
    number = create(store).number
    with store.transaction() as s:
        assert (
            wo.list_work_orders(s, wo.WorkOrderFilter(breached=True), now=T0 + 30 * MIN).total == 0
        )
        rows = wo.list_work_orders(
            s, wo.WorkOrderFilter(breached=True), now=T0 + 30 * MIN + dt.timedelta(seconds=1)
        ).rows
        assert [r.number for r in rows] == [number]
        assert rows[0].breaches == ("response",)


def test_next_deadline_for_the_status_bar(store):
    a = create(store, T0).number
    b = create(store, T0 + 10 * MIN).number
    with store.transaction() as s:
        nxt = wo.next_deadline(s, now=T0 + 5 * MIN)
        assert nxt is not None
        assert (nxt.number, nxt.key, nxt.deadline, nxt.state) == (
            a,
            "response",
            T0 + 30 * MIN,
            "pending",
        )
        wo.advance(s, a, "responded", now=T0 + 6 * MIN)
        nxt = wo.next_deadline(s, now=T0 + 25 * MIN)
        assert nxt is not None
        assert (nxt.number, nxt.key, nxt.state) == (b, "response", "pending")
        nxt = wo.next_deadline(s, now=T0 + 45 * MIN)
        assert nxt is not None
        assert (nxt.number, nxt.key, nxt.overdue_open) == (a, "onsite", 1)


def test_document_and_scan_check(store):
    eng = make_engineer(store)
    number = restored_order(store, eng.id, T0)
    with store.transaction() as s:
        assert wo.check_scanned_record(s, number, "0" * 64).state == "unsigned"
        assert wo.check_scanned_record(s, "WO-2026-9999", "0" * 64).state == "unknown"
        assert wo.qr_payload(s, number) is None
    signed = sign(store, number, eng.id, T0 + 90 * MIN)
    with store.transaction() as s:
        doc = wo.document(s, number)
        payload = wo.qr_payload(s, number)
        assert wo.check_scanned_record(s, number, doc.record_hash or "").matches
        assert wo.check_scanned_record(s, number, "f" * 64).state == "paper_mismatch"
    assert doc.record_hash == signed.record_hash
    assert payload == f"WB1|WO|{number}|{doc.record_hash}"
    assert doc.contract.number == "ZHSWZX-2026-007"
    assert doc.contract.client.name == "北京市信访办公室"
    assert doc.assets[0].code == "XF-KIOSK-01"
    assert doc.assets[0].name == "信访自助一体机"
    assert doc.assets[0].location == "一层 接待大厅"
    assert doc.engineer_name == "张伟"
    assert doc.reporter_phone == "55572746"
    assert doc.cause
    assert doc.resolution
    assert [line.state for line in doc.sla] == ["met", "met", "met"]
    assert doc.penalty_cny == Decimal("0.00")
    assert {sig.role: sig.signer_name for sig in doc.signatures} == {
        "engineer": "张伟",
        "client": "于文浩",
    }
    assert doc.signatures[0].strokes[0][0] == (0.1, 0.6)
    assert doc.closed_at == T0 + 90 * MIN
    assert [line.text for line in doc.log if not line.step] == ["到场检查，触摸屏驱动异常"]
    assert [line.step for line in doc.log if line.step] == [
        "reported",
        "responded",
        "onsite",
        "restored",
        "closed",
        "signed",
    ]
    assert not doc.demo


def test_list_pages_count_once_and_read_the_same_rows_as_one_order(store):
    eng = make_engineer(store)
    late = restored_order(store, eng.id, T0, asset="XF-CAM-03", response_minutes=35)
    numbers = [late] + [create(store, T0 + (i + 1) * MIN).number for i in range(4)]
    cancelled = numbers[2]
    with store.transaction() as s:
        wo.advance(s, cancelled, "cancelled", at=T0 + 10 * MIN, now=T0 + 10 * MIN)
    now = T0 + 3 * 24 * 60 * MIN
    with store.transaction() as s:
        assert wo.count_work_orders(s, now=now) == 5
        assert wo.count_work_orders(s, wo.WorkOrderFilter(search="cam-03"), now=now) == 1
        # The first page counts; further pages take the count they are given.
        first = wo.list_work_orders(s, sort="number", descending=False, limit=2, now=now)
        assert first.total == 5
        rest = wo.list_work_orders(
            s, sort="number", descending=False, offset=2, limit=None, total=5, now=now
        )
        assert rest.total == 5
        listed = first.rows + rest.rows
        assert [r.number for r in listed] == numbers
        # A list line is the same read model as the order's own, clock and penalty included.
        assert list(listed) == [wo.row(s, n, now=now) for n in numbers]
        assert listed[0].breaches == ("response",)
        assert listed[2].sla == ()
        assert listed[1].asset_codes == ("XF-VRT-01",)
        assert listed[1].engineer_name == ""
        assert listed[0].engineer_name == "张伟"


@pytest.mark.parametrize("sort", wo.SORT_KEYS)
@pytest.mark.parametrize("descending", [True, False])
def test_pages_by_sort_key_read_the_whole_list_once(store, sort, descending):
    # Same reporting time for several orders and an engineer on some: ties and NULLs
    # in the sort key, which only the order's id breaks.
    eng = make_engineer(store)
    for i in range(7):
        create(store, T0 + (i // 3) * MIN, type="fault" if i % 2 else "service_request")
    restored_order(store, eng.id, T0 + 5 * MIN, asset="XF-CAM-03")
    now = T0 + 60 * MIN
    with store.read() as s:
        whole = wo.list_work_orders(s, sort=sort, descending=descending, limit=None, now=now)
        pages, after = [], None
        while True:
            page = wo.list_work_orders(
                s,
                sort=sort,
                descending=descending,
                limit=3,
                total=whole.total,
                after=after,
                now=now,
            )
            if not page.rows:
                break
            pages.extend(page.rows)
            after = page.next_after
    assert whole.total == 8
    assert [r.number for r in pages] == [r.number for r in whole.rows]


def test_a_filter_is_one_hashable_value_whatever_sequence_it_was_given() -> None:
    listed = wo.WorkOrderFilter(status=["restored", "closed"], type="fault")
    assert listed.status == ("restored", "closed")
    assert listed.type == "fault"
    assert listed == wo.WorkOrderFilter(status=("restored", "closed"), type="fault")
    assert hash(listed) == hash(wo.WorkOrderFilter(status=("restored", "closed"), type="fault"))
    assert wo.WorkOrderFilter() != listed
