"""Free text of work orders and inspection rounds (issue 17): the limits come from the
schema, and what a column cannot hold (too long for a VARCHAR, a NUL byte, ESC) is
refused plainly, naming the field, on SQLite (which would keep it) and PostgreSQL (which
raised a DataError traceback) alike. Nothing is written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, inspect, select

from workbench.data.models.workorders import WorkLogEntry, WorkOrder, WorkOrderEvent
from workbench.data.store import Store
from workbench.domain.messages import WorkbenchError
from workbench.domain.timeutil import LOCAL_TZ
from workbench.services import engineers
from workbench.services import inspections as ins
from workbench.services import workorders as wo

T0 = dt.datetime(2026, 6, 1, 9, 0, tzinfo=LOCAL_TZ)


def _report(session: Any, **changes: Any) -> wo.WorkOrderRow:
    return wo.create_work_order(
        session,
        **{
            "type": "fault",
            "channel": "hotline",
            "description": "视频接访一体机无声音",
            "asset_codes": ["XF-VRT-01"],
            "reported_at": T0,
            "now": T0,
            **changes,
        },
    )


def test_the_limits_are_the_migrated_columns_lengths(store: Store) -> None:
    columns = {c["name"]: c["type"] for c in inspect(store.engine).get_columns("work_order")}
    assert columns["reporter_name"].length == WorkOrder.reporter_name.type.length == 100
    assert columns["reporter_phone"].length == WorkOrder.reporter_phone.type.length == 50


def test_values_at_the_limit_are_kept(store: Store) -> None:
    with store.transaction("王工") as session:
        row = _report(session, reporter_name="张" * 100, reporter_phone="1" * 50)
    with store.read() as session:
        order = session.scalar(select(WorkOrder).where(WorkOrder.number == row.number))
        assert order is not None
        assert (order.reporter_name, order.reporter_phone) == ("张" * 100, "1" * 50)


REPORTS = [
    ({"reporter_name": "张" * 101}, "The reporter's name is too long: at most 100 characters."),
    ({"reporter_phone": "1" * 51}, "The reporter's phone is too long: at most 50 characters."),
    ({"description": "无声音\x00"}, "The description holds the control character U+0000."),
    ({"reporter_name": "张\x07三"}, "The reporter's name holds the control character U+0007."),
]


@pytest.mark.parametrize(("changes", "expected"), REPORTS)
def test_a_report_the_store_cannot_hold_is_refused(
    store: Store, changes: dict[str, str], expected: str
) -> None:
    with pytest.raises(WorkbenchError) as refused, store.transaction("王工") as session:
        _report(session, **changes)
    assert refused.value.render() == expected
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(WorkOrder)) == 0


def _edits(number: str, engineer_id: str) -> list[tuple[Callable[[Any], object], str]]:
    return [
        (
            lambda s: wo.update_work_order(s, number, cause="音频\x00线松动"),
            "The cause holds the control character U+0000.",
        ),
        (
            lambda s: wo.update_work_order(s, number, resolution="\x1b[2J已修复"),
            "The result of the work holds the control character U+001B.",
        ),
        (
            lambda s: wo.update_work_order(s, number, reporter_name="王" * 150),
            "The reporter's name is too long: at most 100 characters.",
        ),
        (
            lambda s: wo.advance(s, number, "responded", note="已电话\x00联系"),
            "The note holds the control character U+0000.",
        ),
        (
            lambda s: wo.append_log(
                s, engineer_id=engineer_id, text="更换\x00排线", work_order_number=number
            ),
            "The log entry holds the control character U+0000.",
        ),
    ]


def test_an_edit_the_store_cannot_hold_is_refused_and_nothing_written(store: Store) -> None:
    with store.transaction("王工") as session:
        number = _report(session).number
        engineer_id = engineers.create_engineer(session, "李工", pin="246800").id
    for edit, expected in _edits(number, engineer_id):
        with pytest.raises(WorkbenchError) as refused, store.transaction("王工") as session:
            edit(session)
        assert refused.value.render() == expected
    with store.read() as session:
        order = session.scalar(select(WorkOrder).where(WorkOrder.number == number))
        assert order is not None
        assert (order.status, order.cause, order.resolution, order.version) == (
            "reported",
            "",
            "",
            1,
        )
        assert session.scalar(select(func.count()).select_from(WorkLogEntry)) == 0
        assert session.scalar(select(func.count()).select_from(WorkOrderEvent)) == 1


def test_the_message_names_the_field_in_chinese(store: Store) -> None:
    from workbench import i18n

    with pytest.raises(WorkbenchError) as refused, store.transaction("王工") as session:
        _report(session, reporter_name="张" * 101)
    i18n.load("zh_CN")
    try:
        assert i18n.render(refused.value) == "报修人过长：最多 100 个字符。"
    finally:
        i18n.load("en")


@pytest.fixture
def engineer_id(store: Store) -> str:
    with store.transaction("test") as session:
        return engineers.create_engineer(session, "张伟", pin="246800").id


def test_a_round_keeps_no_text_the_store_cannot_hold(store: Store, engineer_id: str) -> None:
    with pytest.raises(WorkbenchError) as refused, store.transaction("张伟") as session:
        ins.start_round(
            session, engineer_id=engineer_id, scope="category", scope_value="kiosk", note="\x00"
        )
    assert refused.value.render() == "The note holds the control character U+0000."
    with store.transaction("张伟") as session:
        detail = ins.start_round(
            session, engineer_id=engineer_id, scope="category", scope_value="video_conference"
        )
    number, code = detail.number, detail.assets[0].code
    with store.read() as session:
        form = ins.device_form(session, number, code)
    text_item = next(i for i in form.checklist.items if i.kind == "text")
    first = form.checklist.items[0]
    for record, expected in (
        (
            {"note": "外观\x00完好"},
            "The note holds the control character U+0000.",
        ),
        (
            {"item_notes": {first.key: "划痕\x1b"}},
            f"{first.text} holds the control character U+001B.",
        ),
        (
            {"values": {text_item.key: "V600R\x00"}},
            f"{text_item.text} holds the control character U+0000.",
        ),
    ):
        with pytest.raises(WorkbenchError) as refused, store.transaction("张伟") as session:
            ins.record_inspection(session, number, code, **record)
        assert refused.value.render() == expected
    with pytest.raises(WorkbenchError) as refused, store.transaction("张伟") as session:
        ins.finish_round(session, number, reason="会议\x00占用")
    assert refused.value.render() == (
        "The reason for the unchecked devices holds the control character U+0000."
    )
    with store.read() as session:
        after = ins.round_detail(session, number)
    assert (after.status, after.summary.devices_checked, after.unchecked_reason) == (
        "running",
        0,
        "",
    )


def test_the_command_line_says_so_plainly(
    sqlite_store: Store, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from workbench.cli import main

    sqlite_store.dispose()
    code = main(
        ["workorder", "new", "--type", "fault", "--asset", "XF-VRT-01",
         "--reported-at", "2026-06-01T09:00", "--reporter", "张" * 150,
         "--description", "无声音", "--db", str(db_path), "--lang", "en"]
    )  # fmt: skip
    err = capsys.readouterr().err
    assert code == 2
    assert "The reporter's name is too long: at most 100 characters." in err
    assert "Traceback" not in err


def test_deliverables_and_payments_keep_no_text_the_store_cannot_hold(store: Store) -> None:
    """A staff change's description over the title's 300 characters was cut to them
    unseen; a NUL in a delivery's or a payment's note was a DataError on PostgreSQL."""
    from workbench.services import deliverables

    today = dt.date(2026, 11, 24)
    with store.read() as session:
        due = deliverables.list_deliverables(
            session, key="weekly_security_report", today=today, states=("overdue",)
        )
        payment = deliverables.list_payments(session, today)[1]
    for change, expected in (
        (
            lambda s: deliverables.add_staff_change(
                s, change_on=dt.date(2026, 12, 20), description="调" * 301, today=today
            ),
            "The description of the staff change is too long: at most 300 characters.",
        ),
        (
            lambda s: deliverables.record_delivery(
                s, due[0].id, delivered_on=today, note="已提交\x00", today=today
            ),
            "The note holds the control character U+0000.",
        ),
        (
            lambda s: deliverables.record_payment(
                s, payment.id, paid_on=dt.date(2026, 9, 28), note="\x1b[31m", today=today
            ),
            "The note holds the control character U+001B.",
        ),
    ):
        with pytest.raises(WorkbenchError) as refused, store.transaction("t") as session:
            change(session)
        assert refused.value.render() == expected
    with store.read() as session:
        assert (
            len(
                deliverables.list_deliverables(
                    session, key=deliverables.STAFF_CHANGE_KEY, today=today
                )
            )
            == 0
        )
        again = deliverables.list_deliverables(
            session, key="weekly_security_report", today=today, states=("overdue",)
        )
        assert len(again) == len(due)  # the first is still overdue: no delivery
        assert deliverables.list_payments(session, today)[1].paid_on is None
