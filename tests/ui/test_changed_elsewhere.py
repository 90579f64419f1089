"""A save over someone else's newer change (issue 17): the views pass the row version
they loaded; the refusal says "changed by someone else" in a question that offers to
reload, and Reload shows the record as it is stored now. Nothing is overwritten."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from workbench.config import Settings
from workbench.data.store import Store
from workbench.domain.assets import AssetInput
from workbench.services import assets as asset_service
from workbench.services import engineers
from workbench.services import inspections as ins
from workbench.services import workorders as wo
from workbench.ui.common.context import AppContext
from workbench.ui.common.messages import MessageBridge
from workbench.ui.common.tasks import TaskRunner

ENGINEER = "李工"


@pytest.fixture
def ctx(store: Store) -> Iterator[AppContext]:
    with store.transaction("test") as session:
        engineers.create_engineer(session, ENGINEER, "13800000000", "246800")
    tasks = TaskRunner()
    bridge = MessageBridge()
    bridge.sink = lambda level, title, text: None
    yield AppContext(Settings(engineer=ENGINEER), tasks, bridge, store=store)
    tasks.wait()


def settle(qtbot: QtBot, ctx: AppContext) -> None:
    for _ in range(50):
        ctx.tasks.wait()
        qtbot.wait(10)
        if not ctx.tasks._live:
            break


def reload_box(qtbot: QtBot, ctx: AppContext) -> QMessageBox:
    """The question the refusal opened: it says what happened and offers Reload."""
    qtbot.waitUntil(lambda: ctx.messages.reload_box is not None, timeout=10_000)
    box = ctx.messages.reload_box
    assert box is not None and box.isVisible()
    assert "changed by someone else" in box.text()
    return box


def click(box: QMessageBox, text: str) -> None:
    button = next(b for b in box.buttons() if b.text() == text)
    button.click()


def test_the_work_order_pane_offers_a_reload(qtbot: QtBot, ctx: AppContext, store: Store) -> None:
    from workbench.ui.workorders.view import WorkOrdersView

    with store.transaction("王工") as session:
        number = wo.create_work_order(
            session,
            type="fault",
            channel="hotline",
            description="视频接访一体机无声音",
            asset_codes=["XF-VRT-01"],
        ).number
    view = WorkOrdersView(ctx)
    qtbot.addWidget(view, before_close_func=lambda _w: (view.clock.stop(), settle(qtbot, ctx)))
    view.show()
    view.show_work_order(number)
    qtbot.waitUntil(lambda: view.current_detail() is not None, timeout=10_000)
    loaded = view.current_detail()
    assert loaded is not None

    # Someone else writes the cause meanwhile, on another machine.
    with store.transaction("王工") as session:
        wo.update_work_order(session, number, cause="音频线松动")

    view.detail.cause.setPlainText("喇叭损坏")
    view.detail.resolution.setPlainText("更换喇叭")
    view.save_edits()
    box = reload_box(qtbot, ctx)
    with store.read() as session:
        stored = wo.detail(session, number)
    assert (stored.cause, stored.resolution) == ("音频线松动", "")
    # Not reloaded behind the user's back: what they typed is still there to copy.
    assert view.detail.cause.toPlainText() == "喇叭损坏"

    click(box, "Reload")
    qtbot.waitUntil(lambda: view.detail.cause.toPlainText() == "音频线松动", timeout=10_000)
    shown = view.current_detail()
    assert shown is not None and shown.row.version == stored.row.version
    assert not view.detail.has_unsaved_edits()

    # Reloaded, the next save goes through.
    view.detail.resolution.setPlainText("重新插紧音频线")
    view.save_edits()
    qtbot.waitUntil(
        lambda: (
            view.current_detail() is not None
            and view.current_detail().resolution == "重新插紧音频线"
        ),  # type: ignore[union-attr]
        timeout=10_000,
    )
    with store.read() as session:
        assert wo.detail(session, number).cause == "音频线松动"
    view.clock.stop()


def test_the_checklist_editor_offers_a_reload(qtbot: QtBot, ctx: AppContext, store: Store) -> None:
    from workbench.ui.inspections.view import InspectionsView

    with store.transaction("test") as session:
        engineer = engineers.find_engineer(session, ENGINEER)
        assert engineer is not None
        number = ins.start_round(
            session, engineer_id=engineer.id, scope="category", scope_value="kiosk"
        ).number
    view = InspectionsView(ctx)
    qtbot.addWidget(view, before_close_func=lambda _w: settle(qtbot, ctx))
    view.show()
    qtbot.waitUntil(lambda: view.running is not None, timeout=10_000)
    with qtbot.waitSignal(view.deviceOpened, timeout=10_000):
        assert view.route_asset("XF-KIOSK-01")

    # A colleague records the same device of the same round meanwhile.
    with store.transaction("王工") as session:
        ins.record_inspection(session, number, "XF-KIOSK-01", note="外观完好，已清洁")

    view.editor.note_edit.setText("未见异常")
    view.save_device()
    box = reload_box(qtbot, ctx)
    with store.read() as session:
        assert ins.device_form(session, number, "XF-KIOSK-01").note == "外观完好，已清洁"

    with qtbot.waitSignal(view.deviceOpened, timeout=10_000):
        click(box, "Reload")
    form = view.editor.form()
    assert form is not None and form.recorded
    assert view.editor.note() == "外观完好，已清洁"
    # The reloaded form saves.
    view.editor.note_edit.setText("外观完好，已清洁；屏幕有划痕")
    with qtbot.waitSignal(view.deviceSaved, timeout=10_000):
        view.save_device()
    with store.read() as session:
        form = ins.device_form(session, number, "XF-KIOSK-01")
    assert form.note == "外观完好，已清洁；屏幕有划痕"


def test_the_asset_dialog_reopens_with_the_stored_device(
    qtbot: Any, window: Any, store: Store
) -> None:
    from workbench.ui.assets.dialog import AssetDialog

    view = window.show_view("assets")
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=10_000)
    qtbot.waitUntil(lambda: view.category.count() > 1, timeout=10_000)  # the dialog's choices
    view.edit_asset("XF-WS-01")
    dialog = next(d for d in view.findChildren(AssetDialog) if d.isVisible())

    with store.transaction("王工") as session:
        row = asset_service.get_asset(session, "XF-WS-01")
        assert row is not None
        asset_service.update_asset(
            session, row.code, AssetInput(**{**row.as_input().__dict__, "notes": "内存已扩容"})
        )

    dialog.model_edit.setText("P340-改")
    dialog.accept()
    box = reload_box(qtbot, window.ctx)
    with store.read() as session:
        stored = asset_service.get_asset(session, "XF-WS-01")
    assert stored is not None and stored.notes == "内存已扩容" and stored.model != "P340-改"

    click(box, "Reload")
    qtbot.waitUntil(
        lambda: any(d.isVisible() and d is not dialog for d in view.findChildren(AssetDialog)),
        timeout=10_000,
    )
    again = next(d for d in view.findChildren(AssetDialog) if d.isVisible() and d is not dialog)
    assert again.notes.toPlainText() == "内存已扩容"
    assert view.detail.asset is not None and view.detail.asset.notes == "内存已扩容"
    again.model_edit.setText("P340-改")
    again.accept()
    qtbot.waitUntil(
        lambda: view.detail.asset is not None and view.detail.asset.model == "P340-改",
        timeout=10_000,
    )
    with store.read() as session:
        saved = asset_service.get_asset(session, "XF-WS-01")
    assert saved is not None and (saved.notes, saved.model) == ("内存已扩容", "P340-改")


def test_our_own_save_is_not_taken_for_someone_elses(
    qtbot: QtBot, ctx: AppContext, store: Store
) -> None:
    """A device scanned while the previous one was saving may have been read just before
    that save committed: one version behind only because of our own save, it still saves.
    One further behind (someone else's change too) is refused."""
    from workbench.ui.inspections.view import InspectionsView

    with store.transaction("test") as session:
        engineer = engineers.find_engineer(session, ENGINEER)
        assert engineer is not None
        number = ins.start_round(
            session, engineer_id=engineer.id, scope="category", scope_value="kiosk"
        ).number
    view = InspectionsView(ctx)
    qtbot.addWidget(view, before_close_func=lambda _w: settle(qtbot, ctx))
    view.show()
    qtbot.waitUntil(lambda: view.running is not None, timeout=10_000)
    with store.read() as session:
        read_before = ins.device_form(session, number, "XF-KIOSK-02")
    with qtbot.waitSignal(view.deviceOpened, timeout=10_000):
        assert view.route_asset("XF-KIOSK-01")
    with qtbot.waitSignal(view.deviceSaved, timeout=10_000) as saved:
        view.save_device()
    result = saved.args[0]
    assert result.round_version == read_before.round_version + 1
    shown = view.shown
    assert shown is not None and shown.summary.version == result.round_version

    view._device_loaded(read_before)  # the answer of the read started before the commit
    form = view.editor.form()
    assert form is not None and form.round_version == result.round_version
    with qtbot.waitSignal(view.deviceSaved, timeout=10_000):
        view.save_device()

    # A form read before someone else's save (not ours) stays behind, and is refused.
    with store.read() as session:
        stale = ins.device_form(session, number, "XF-KIOSK-03")
    with store.transaction("王工") as session:
        ins.record_inspection(session, number, "XF-KIOSK-04")
    view._device_loaded(stale)
    form = view.editor.form()
    assert form is not None and form.round_version == stale.round_version
    view.save_device()
    click(reload_box(qtbot, ctx), "Cancel")
    with store.read() as session:
        assert not ins.device_form(session, number, "XF-KIOSK-03").recorded
