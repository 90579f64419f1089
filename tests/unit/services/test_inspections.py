"""Inspection rounds over a real store: scope, defaults, findings, sign-off, verify."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from workbench.config import attachments_dir, resource_path
from workbench.data.models.inspections import Checklist as ChecklistRow
from workbench.data.models.workorders import WorkOrder, WorkOrderAsset
from workbench.data.store import Store
from workbench.domain.messages import WorkbenchError
from workbench.services import checklists as checklist_service
from workbench.services import engineers, signing
from workbench.services import inspections as ins

T0 = dt.datetime(2026, 3, 2, 1, 0, tzinfo=dt.UTC)  # 09:00 in Beijing
STROKE = [[[0.1, 0.2], [0.4, 0.8], [0.9, 0.3]]]
CABINET_ROOM = "一层 文件交换室"


@pytest.fixture
def engineer_id(store: Store) -> str:
    with store.transaction("test") as session:
        return engineers.create_engineer(session, "张伟", pin="246800").id


def _start(
    store: Store, engineer_id: str, scope: str, value: str = "", at: dt.datetime = T0
) -> str:
    with store.transaction("test") as session:
        return ins.start_round(
            session, engineer_id=engineer_id, scope=scope, scope_value=value, now=at
        ).number


def _sign(store: Store, number: str, at: dt.datetime, pin: str = "246800") -> ins.RoundDetail:
    with store.transaction("test") as session:
        return ins.sign_round(
            session,
            number,
            ins.Signatures(
                engineer_strokes=STROKE,
                client_name="于文浩",
                client_strokes=STROKE,
                engineer_aspect=3.0,
                client_aspect=3.0,
            ),
            pin=pin,
            now=at,
        )


def test_scopes(store: Store, engineer_id: str) -> None:
    with store.transaction("test") as session:
        due = ins.due_devices(session, dt.date(2026, 3, 2), only_needing=True)
        # never inspected: everything is due from the contract start
        assert len(due) == 83
        assert all(r.last_inspected is None for r in due)
        detail = ins.start_round(
            session, engineer_id=engineer_id, scope="category", scope_value="kiosk", now=T0
        )
        assert detail.number == "XJ-2026-0001"
        assert [a.code for a in detail.assets] == [f"XF-KIOSK-0{i}" for i in range(1, 5)]
        assert detail.summary.progress_text == "0/4"
        # one running round per engineer
        with pytest.raises(WorkbenchError, match="still running"):
            ins.start_round(session, engineer_id=engineer_id, scope="all", now=T0)
        ins.pause_round(session, detail.number)
        everything = ins.start_round(session, engineer_id=engineer_id, scope="all", now=T0)
        assert everything.number == "XJ-2026-0002"
        assert everything.summary.devices_total == 83
        assert len([a for a in everything.assets if a.code.startswith("XF-")]) == 74
        with pytest.raises(WorkbenchError, match="still running"):
            ins.resume_round(session, detail.number)
        ins.pause_round(session, everything.number)
        key = ins.start_round(
            session, engineer_id=engineer_id, scope="all", kind="key_period", now=T0
        )
        assert key.summary.scope == "systems"
        assert {a.code for a in key.assets} == {
            "SYS-FX", "SYS-PUB", "SYS-SELF", "SYS-CLOUD",
            "WEB-XFB", "WEB-SZXX", "WEB-WSXF", "WEB-WSXF-SL", "WEB-BJXFGK",
        }  # fmt: skip
        ins.pause_round(session, key.number)
        with pytest.raises(WorkbenchError, match="No devices"):
            ins.start_round(
                session, engineer_id=engineer_id, scope="location", scope_value="火星", now=T0
            )
        with pytest.raises(WorkbenchError):
            ins.start_round(session, engineer_id=engineer_id, scope="category", now=T0)


def test_defaults_all_pass_and_last_numbers(store: Store, engineer_id: str) -> None:
    first = _start(store, engineer_id, "location", CABINET_ROOM)
    with store.transaction("test") as session:
        form = ins.device_form(session, first, "xf-cab-01")
        assert not form.recorded
        assert form.checklist_version == 1
        assert form.values["doors"] == "pass"
        assert form.values["controller_disk"] == ""  # never measured
        ins.record_inspection(session, first, "XF-CAB-01", {"controller_disk": "61"}, now=T0)
        ins.record_inspection(session, first, "XF-CAB-02", now=T0)
        ins.finish_round(session, first, now=T0 + dt.timedelta(hours=1))
    second = _start(store, engineer_id, "location", CABINET_ROOM, T0 + dt.timedelta(days=7))
    with store.transaction("test") as session:
        form = ins.device_form(session, second, "XF-CAB-01")
        assert form.values["controller_disk"] == "61"  # the last value
        assert form.last_values == {"controller_disk": "61"}
        # one call with nothing changed saves all items as they stand
        saved = ins.record_inspection(
            session, second, "XF-CAB-01", now=T0 + dt.timedelta(days=7, minutes=3)
        )
        assert not saved.failed
        assert (saved.devices_checked, saved.devices_total) == (1, 2)
        history = ins.asset_history(session, "XF-CAB-01")
        assert [e.round_number for e in history.entries] == [second, first]
        assert [p[1] for p in history.series[0].points] == [61.0, 61.0]
        assert history.series[0].high == 85


def test_failure_opens_a_linked_work_order(store: Store, engineer_id: str) -> None:
    number = _start(store, engineer_id, "category", "kiosk")
    with store.transaction("test") as session:
        saved = ins.record_inspection(
            session,
            number,
            "XF-KIOSK-03",
            {"printer": "fail", "paper": "empty"},
            item_notes={"printer": "切刀卡住"},
            note="已通知甲方",
            now=T0 + dt.timedelta(minutes=10),
        )
        assert saved.failed
        assert saved.failed_items == (
            "打印机：打印测试凭条清晰，走纸、切纸正常，无卡纸",
            "打印纸余量",
        )
        assert saved.work_order_number == "WO-2026-0001"
        order = session.scalar(select(WorkOrder).where(WorkOrder.number == "WO-2026-0001"))
        assert order is not None
        assert order.type == "inspection_finding"
        assert order.channel == "inspection"
        assert number in order.description
        assert "切刀卡住" in order.description
        assert "缺纸未补充" in order.description
        assert order.engineer_id == engineer_id
        codes = session.scalars(
            select(WorkOrderAsset.asset_id).where(WorkOrderAsset.work_order_id == order.id)
        )
        assert len(list(codes)) == 1
        # recording the device again keeps the one work order
        again = ins.record_inspection(
            session, number, "XF-KIOSK-03", {"printer": "fail"}, now=T0 + dt.timedelta(minutes=12)
        )
        assert again.work_order_number == "WO-2026-0001"
        assert session.query(WorkOrder).count() == 1
        detail = ins.round_detail(session, number)
        row = next(a for a in detail.assets if a.code == "XF-KIOSK-03")
        assert row.failed
        assert row.work_order_number == "WO-2026-0001"
        assert detail.summary.failures == 1


def test_photos_are_copied_with_their_hash(store: Store, engineer_id: str, tmp_path: Path) -> None:
    photo = tmp_path / "柜门.JPG"
    photo.write_bytes(b"\xff\xd8\xff" + b"photo" * 1000)
    number = _start(store, engineer_id, "location", CABINET_ROOM)
    with store.transaction("test") as session:
        ins.record_inspection(session, number, "XF-CAB-01", photos=[photo], now=T0)
        ins.record_inspection(session, number, "XF-CAB-01", photos=[photo], now=T0)
        form = ins.device_form(session, number, "XF-CAB-01")
    assert len(form.attachments) == 1
    attachment = form.attachments[0]
    assert attachment.filename == "柜门.JPG"
    assert attachment.path.is_file()
    assert attachment.path.is_relative_to(attachments_dir())
    assert attachment.path.read_bytes() == photo.read_bytes()
    import hashlib

    assert attachment.sha256 == hashlib.sha256(photo.read_bytes()).hexdigest()
    assert attachment.path.name == attachment.sha256 + ".jpg"


def test_pause_resume_finish_needs_a_reason(store: Store, engineer_id: str) -> None:
    number = _start(store, engineer_id, "location", "二层 视频接访室")
    with store.transaction("test") as session:
        ins.record_inspection(session, number, "XF-VRT-01", now=T0)
        ins.record_inspection(session, number, "XF-CAM-02", now=T0)
        detail = ins.round_detail(session, number)
        assert detail.summary.progress_text == "2/32"
        assert [(p.location, p.total, p.checked) for p in detail.by_location] == [
            ("二层 视频接访室", 32, 2)
        ]
        assert len(detail.left) == 30
        ins.pause_round(session, number)
        with pytest.raises(WorkbenchError, match="not running"):
            ins.record_inspection(session, number, "XF-VRT-02", now=T0)
        ins.resume_round(session, number)
        ins.record_inspection(session, number, "XF-VRT-02", now=T0)
        with pytest.raises(WorkbenchError, match="not in round"):
            ins.record_inspection(session, number, "XF-KIOSK-01", now=T0)
        with pytest.raises(WorkbenchError, match="say why"):
            ins.finish_round(session, number)
        done = ins.finish_round(session, number, reason="会议占用，次日补检")
        assert done.status == "finished"
        assert done.unchecked_reason == "会议占用，次日补检"
        form = ins.round_form(session, number)
        assert len(form.unchecked) == 29
        assert form.unchecked_reason == "会议占用，次日补检"


def test_sign_off_locks_and_verify_names_a_hand_edit(
    store: Store, engineer_id: str, db_path: Path
) -> None:
    number = _start(store, engineer_id, "location", CABINET_ROOM)
    with store.transaction("test") as session:
        ins.record_inspection(session, number, "XF-CAB-01", {"locks": "fail"}, now=T0)
        ins.record_inspection(session, number, "XF-CAB-02", now=T0)
    with pytest.raises(WorkbenchError), store.transaction("test") as session:
        ins.sign_round(
            session,
            number,
            ins.Signatures(
                engineer_strokes=STROKE,
                client_name="于文浩",
                client_strokes=STROKE,
                engineer_aspect=3,
                client_aspect=3,
            ),
            pin="246800",
            now=T0,
        )  # not finished yet
    with store.transaction("test") as session:
        ins.finish_round(session, number, now=T0 + dt.timedelta(hours=1))
    with pytest.raises(WorkbenchError, match="PIN"):
        _sign(store, number, T0 + dt.timedelta(hours=2), pin="000000")
    signed = _sign(store, number, T0 + dt.timedelta(hours=2))
    assert signed.status == "signed"
    assert signed.record_hash is not None
    assert signed.qr_payload == f"WB1|IR|{number}|{signed.record_hash}"
    with store.transaction("test") as session:
        for attempt in (
            lambda: ins.record_inspection(session, number, "XF-CAB-02", now=T0),
            lambda: ins.pause_round(session, number),
            lambda: ins.resume_round(session, number),
            lambda: ins.finish_round(session, number, reason="x"),
        ):
            with pytest.raises(WorkbenchError, match="locked"):
                attempt()
        assert signing.verify_chain(session) == []
        form = ins.round_form(session, number)
        assert [s.role for s in form.signatures] == ["engineer", "client"]
        assert form.record_hash == signed.record_hash
        assert form.devices[0].asset.code == "XF-CAB-01"  # the exception comes first
        summary = ins.list_rounds(session)[0]
        assert summary.signed
        assert (summary.devices_checked, summary.failures) == (2, 1)
    with pytest.raises(WorkbenchError, match="locked"):
        _sign(store, number, T0 + dt.timedelta(hours=3))
    # Someone edits the failed lock to a pass behind the app's back: in the SQLite file
    # with the sqlite3 module, or with plain SQL on the server.
    edit = (
        "UPDATE inspection_result SET value = 'pass', passed = TRUE WHERE item_key = 'locks'"
        " AND passed = FALSE"
    )
    if store.is_sqlite:
        store.dispose()
        with sqlite3.connect(db_path) as conn:
            assert conn.execute(edit).rowcount == 1
        checked = Store(f"sqlite:///{db_path}")
    else:
        with store.engine.begin() as conn:
            assert conn.exec_driver_sql(edit).rowcount == 1
        checked = store
    try:
        with checked.transaction("test") as session:
            problems = signing.verify_chain(session)
        assert [(p.record_type, p.label, p.problem) for p in problems] == [
            ("inspection_round", number, "content")
        ]
    finally:
        checked.dispose()


def test_due_after_inspection_across_month_end(store: Store, engineer_id: str) -> None:
    at = dt.datetime(2026, 3, 31, 2, 0, tzinfo=dt.UTC)  # 10:00 on March 31 in Beijing
    number = _start(store, engineer_id, "category", "workstation", at)
    with store.transaction("test") as session:
        ins.record_inspection(session, number, "XF-WS-01", now=at)
        rows = {r.code: r for r in ins.due_devices(session, dt.date(2026, 4, 29))}
        assert rows["XF-WS-01"].last_inspected == dt.date(2026, 3, 31)
        assert rows["XF-WS-01"].due_on == dt.date(2026, 4, 30)
        assert rows["XF-WS-01"].state == "due"
        assert rows["XF-WS-02"].state == "overdue"  # never inspected
        assert rows["XF-WS-02"].days_overdue == 59
        later = {r.code: r for r in ins.due_devices(session, dt.date(2026, 5, 2))}
        assert later["XF-WS-01"].state == "overdue"
        assert later["XF-WS-01"].days_overdue == 2


def test_checklist_versions(store: Store, engineer_id: str, tmp_path: Path) -> None:
    folder = tmp_path / "checklists"
    shutil.copytree(resource_path("checklists"), folder)
    number = _start(store, engineer_id, "category", "kiosk")
    with store.transaction("test") as session:
        ins.record_inspection(session, number, "XF-KIOSK-01", now=T0)
    kiosk = folder / "kiosk.toml"
    text = kiosk.read_text(encoding="utf-8")
    edited = text.replace("外观：", "外观与标识：")
    kiosk.write_text(edited, encoding="utf-8")
    with store.transaction("test") as session:
        result = checklist_service.sync_checklists(session, folder)
        assert result.added == ()
        assert result.conflicts == ("kiosk",)  # changed without a new version: refused
    kiosk.write_text(edited.replace("version = 1", "version = 2", 1), encoding="utf-8")
    with store.transaction("test") as session:
        result = checklist_service.sync_checklists(session, folder)
        assert result.added == ("kiosk v2",)
        versions = session.scalars(
            select(ChecklistRow.version).where(ChecklistRow.category_code == "kiosk")
        )
        assert sorted(versions) == [1, 2]
        old = ins.device_form(session, number, "XF-KIOSK-01")
        assert old.checklist_version == 1  # recorded with version 1, kept
        assert old.checklist.item("appearance").text.startswith("外观：")
        new = ins.device_form(session, number, "XF-KIOSK-02")
        assert new.checklist_version == 2
        assert new.checklist.item("appearance").text.startswith("外观与标识：")


def test_the_acceptance_pack_holds_the_signed_round(
    store: Store, engineer_id: str, tmp_path: Path
) -> None:
    """``reporting.write_acceptance_pack`` (the CLI's and the 报表 view's one path)."""
    import pypdfium2

    from workbench.services import reporting

    number = _start(store, engineer_id, "location", CABINET_ROOM)
    with store.transaction("test") as session:
        ins.record_inspection(session, number, "XF-CAB-01", now=T0)
        ins.record_inspection(session, number, "XF-CAB-02", now=T0)
        ins.finish_round(session, number, now=T0 + dt.timedelta(hours=1))
    _sign(store, number, T0 + dt.timedelta(hours=2))
    with store.read() as session:
        index = reporting.acceptance_index(session, now=T0 + dt.timedelta(hours=3))
    seen: list[tuple[int, int]] = []
    result = reporting.write_acceptance_pack(
        store, index, tmp_path / "pack", lambda _c, s: s, lambda d, t, _n: seen.append((d, t))
    )
    assert result.count == 2 and seen[-1] == (2, 2)
    (form,) = [p for p in result.files if number in p.name]
    pdf = pypdfium2.PdfDocument(form)
    text = "".join(page.get_textpage().get_text_range() for page in pdf)
    assert number in text and "XF-CAB-02" in text
