"""Two people edit the same record (issue 17): each edit carries the row version it
started from; the second save is refused with "changed by someone else" and nothing of
the first is overwritten. On SQLite and PostgreSQL (the ``store`` fixture)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from workbench.data.errors import RecordChangedError
from workbench.data.models.workorders import WorkOrder
from workbench.data.store import Store
from workbench.domain.assets import AssetInput
from workbench.domain.timeutil import LOCAL_TZ
from workbench.services import assets as asset_service
from workbench.services import engineers
from workbench.services import inspections as ins
from workbench.services import workorders as wo

T0 = dt.datetime(2026, 6, 1, 9, 0, tzinfo=LOCAL_TZ)


def _order(store: Store) -> str:
    with store.transaction("王工") as session:
        return wo.create_work_order(
            session,
            type="fault",
            channel="hotline",
            description="视频接访一体机无声音",
            asset_codes=["XF-VRT-01"],
            reported_at=T0,
            now=T0,
        ).number


def _loaded(store: Store, number: str) -> wo.WorkOrderDetail:
    """What one person's screen read: the order's detail, in a read transaction."""
    with store.read() as session:
        return wo.detail(session, number)


def _stored(store: Store, number: str) -> WorkOrder:
    with store.read() as session:
        order = session.scalar(select(WorkOrder).where(WorkOrder.number == number))
        assert order is not None
        session.expunge(order)
        return order


def test_the_second_save_of_a_cause_and_result_is_refused(store: Store) -> None:
    number = _order(store)
    first, second = _loaded(store, number), _loaded(store, number)
    assert first.row.version == second.row.version
    with store.transaction("王工") as session:
        saved = wo.update_work_order(
            session,
            number,
            cause="音频线松动",
            resolution="重新插紧音频线",
            expected_version=first.row.version,
        )
    assert saved.version == first.row.version + 1
    with pytest.raises(RecordChangedError, match="changed by someone else"):  # noqa: SIM117
        with store.transaction("李工") as session:
            wo.update_work_order(
                session,
                number,
                cause="喇叭损坏",
                resolution="更换喇叭",
                expected_version=second.row.version,
            )
    order = _stored(store, number)
    assert (order.cause, order.resolution) == ("音频线松动", "重新插紧音频线")
    assert order.version == saved.version
    # Reloaded, the second person's save goes through.
    again = _loaded(store, number)
    with store.transaction("李工") as session:
        wo.update_work_order(session, number, cause="喇叭损坏", expected_version=again.row.version)
    assert _stored(store, number).cause == "喇叭损坏"


def test_a_step_from_a_stale_screen_is_refused(store: Store) -> None:
    number = _order(store)
    stale = _loaded(store, number)
    with store.transaction("王工") as session:
        wo.update_work_order(
            session, number, description="无声音，且屏幕闪烁", expected_version=stale.row.version
        )
    with pytest.raises(RecordChangedError), store.transaction("李工") as session:
        wo.advance(session, number, "responded", expected_version=stale.row.version)
    order = _stored(store, number)
    assert order.status == "reported"
    assert order.responded_at is None
    # The list carries the version too, the same one as the detail.
    with store.read() as session:
        listed = wo.list_work_orders(session, wo.WorkOrderFilter()).rows
    assert [r.version for r in listed if r.number == number] == [order.version]


def test_changing_only_the_devices_counts_the_version_up(store: Store) -> None:
    """Only the link rows change: without counting up, a concurrent edit of the devices
    would overwrite this one unseen."""
    number = _order(store)
    stale = _loaded(store, number)
    with store.transaction("王工") as session:
        row = wo.update_work_order(
            session,
            number,
            asset_codes=["XF-VRT-01", "XF-VRT-02"],
            expected_version=stale.row.version,
        )
    assert row.version == stale.row.version + 1
    with pytest.raises(RecordChangedError), store.transaction("李工") as session:
        wo.update_work_order(
            session, number, asset_codes=["XF-VRT-03"], expected_version=stale.row.version
        )
    assert _loaded(store, number).row.asset_codes == ("XF-VRT-01", "XF-VRT-02")


def test_a_save_racing_a_commit_is_refused_at_the_flush(store: Store) -> None:
    """The check at load time and the UPDATE ... WHERE version = the one loaded: an edit
    committed between the two (only possible on a server, where two transactions write
    side by side) is refused too, not overwritten."""
    if store.is_sqlite:
        pytest.skip("SQLite takes the write lock at BEGIN: two writers cannot interleave")
    number = _order(store)
    version = _loaded(store, number).row.version

    def race() -> None:
        with store.transaction("李工") as late:
            order = late.scalar(select(WorkOrder).where(WorkOrder.number == number))
            assert order is not None and order.version == version
            with store.transaction("王工") as early:
                wo.update_work_order(early, number, cause="音频线松动", expected_version=version)
            # Read before the other commit: the version check passes, the UPDATE does not.
            wo.update_work_order(late, number, cause="喇叭损坏", expected_version=version)

    with pytest.raises(RecordChangedError):
        race()
    assert _stored(store, number).cause == "音频线松动"


def test_the_second_save_of_an_asset_is_refused(store: Store) -> None:
    with store.read() as session:
        first = asset_service.get_asset(session, "XF-WS-01")
        second = asset_service.get_asset(session, "XF-WS-01")
    assert first is not None and second is not None
    with store.transaction("王工") as session:
        asset_service.update_asset(
            session,
            first.code,
            AssetInput(**{**first.as_input().__dict__, "notes": "内存已扩容"}),
            expected_version=first.version,
        )
    with pytest.raises(RecordChangedError, match="changed by someone else"):  # noqa: SIM117
        with store.transaction("李工") as session:
            asset_service.set_status(
                session, second.code, "repair", expected_version=second.version
            )
    with store.read() as session:
        now = asset_service.get_asset(session, "XF-WS-01")
    assert now is not None
    assert (now.notes, now.status) == ("内存已扩容", first.status)
    assert now.version == first.version + 1


@pytest.fixture
def round_number(store: Store) -> str:
    with store.transaction("test") as session:
        engineer = engineers.create_engineer(session, "张伟", pin="246800")
        return ins.start_round(
            session,
            engineer_id=engineer.id,
            scope="category",
            scope_value="kiosk",
            now=dt.datetime(2026, 3, 2, 9, 0, tzinfo=LOCAL_TZ),
        ).number


def _form(store: Store, number: str, code: str) -> ins.DeviceForm:
    with store.read() as session:
        return ins.device_form(session, number, code)


def _values(store: Store, number: str, code: str) -> tuple[dict[str, str], str]:
    form = _form(store, number, code)
    return dict(form.values), form.note


def test_the_second_save_of_a_device_checklist_is_refused(store: Store, round_number: str) -> None:
    first = _form(store, round_number, "XF-KIOSK-01")
    second = _form(store, round_number, "XF-KIOSK-01")
    item = first.checklist.items[0]
    with store.transaction("张伟") as session:
        saved = ins.record_inspection(
            session,
            round_number,
            "XF-KIOSK-01",
            note="外观完好，已清洁",
            item_notes={item.key: "屏幕有轻微划痕"},
            expected_version=first.round_version,
        )
    assert saved.round_version == first.round_version + 1
    with pytest.raises(RecordChangedError), store.transaction("李工") as session:
        ins.record_inspection(
            session,
            round_number,
            "XF-KIOSK-01",
            note="未见异常",
            expected_version=second.round_version,
        )
    after = _form(store, round_number, "XF-KIOSK-01")
    assert after.note == "外观完好，已清洁"
    assert dict(after.item_notes) == {item.key: "屏幕有轻微划痕"}
    assert after.round_version == saved.round_version


def test_finishing_a_round_from_a_stale_screen_is_refused(store: Store, round_number: str) -> None:
    with store.read() as session:
        shown = ins.round_detail(session, round_number).summary
    with store.transaction("张伟") as session:
        ins.record_inspection(session, round_number, "XF-KIOSK-02", expected_version=shown.version)
    for stale_change in (
        lambda s: ins.finish_round(s, round_number, "设备被占用", expected_version=shown.version),
        lambda s: ins.pause_round(s, round_number, expected_version=shown.version),
    ):
        with pytest.raises(RecordChangedError), store.transaction("李工") as session:
            stale_change(session)
    with store.read() as session:
        now = ins.round_detail(session, round_number)
    assert now.status == "running"
    assert now.unchecked_reason == ""
    assert now.summary.devices_checked == 1
    assert now.summary.version == shown.version + 1
    with store.transaction("张伟") as session:
        paused = ins.pause_round(session, round_number, expected_version=now.summary.version)
    with pytest.raises(RecordChangedError), store.transaction("李工") as session:
        ins.resume_round(session, round_number, expected_version=now.summary.version)
    with store.transaction("张伟") as session:
        ins.resume_round(session, round_number, expected_version=paused.summary.version)


def test_the_command_line_step_takes_the_version_it_was_given(
    sqlite_store: Store, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`workorder advance --expected-version N`: the `version` a script read from `workorder
    list --format json`; a change since refuses the step (exit 2, nothing written)."""
    from workbench.cli import main

    number = _order(sqlite_store)
    sqlite_store.dispose()

    def run(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main([*args, "--db", str(db_path), "--lang", "en"])
        out, err = capsys.readouterr()
        return code, out, err

    code, out, _ = run("workorder", "list", "--format", "json")
    (listed,) = [o for o in json.loads(out) if o["number"] == number]
    version = listed["version"]
    with sqlite_store.transaction("王工") as session:
        wo.update_work_order(session, number, description="无声音，且屏幕闪烁")
    sqlite_store.dispose()
    step = ("workorder", "advance", number, "--step", "respond", "--at", "2026-06-01T09:10")
    code, _out, err = run(*step, "--expected-version", str(version))
    assert code == 2
    assert "changed by someone else" in err and "Traceback" not in err
    assert _stored(sqlite_store, number).status == "reported"
    # With the version as it is now, the step goes through.
    code, _out, err = run(*step, "--expected-version", str(version + 1))
    assert code == 0, err
    for middle in ("onsite", "restore"):
        code, _out, err = run("workorder", "advance", number, "--step", middle, "--at",
                              "2026-06-01T09:15")  # fmt: skip
        assert code == 0, err
    # Closing with a cause and result: the step follows the command's own edit of them
    # (one version further), and is not refused by it.
    current = _stored(sqlite_store, number).version
    sqlite_store.dispose()
    close = ("workorder", "advance", number, "--step", "close", "--at", "2026-06-01T09:20")
    code, _out, err = run(*close, "--cause", "音频线松动", "--resolution", "重新插紧",
                          "--expected-version", str(current))  # fmt: skip
    assert code == 0, err
    order = _stored(sqlite_store, number)
    assert (order.status, order.cause) == ("closed", "音频线松动")
    assert order.version == current + 2  # the edit, then the step
