"""设置's backups panel: back up now, restore a chosen backup from inside the running app."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from workbench.services import assets as asset_service
from workbench.services import backups as backup_service
from workbench.ui.settings.backups import BackupsPanel


def panel_of(qtbot: Any, window: Any) -> BackupsPanel:
    view = window.show_view("settings")
    panel: BackupsPanel = view.backups
    return panel


def rename(store: Any, code: str, name: str) -> None:
    with store.transaction("test") as session:
        row = asset_service.get_asset(session, code)
        assert row is not None
        asset_service.update_asset(
            session, code, dataclasses.replace(row.as_input(), name=name), expected_version=None
        )


def asset_name(store: Any, code: str) -> str:
    with store.read() as session:
        row = asset_service.get_asset(session, code)
        assert row is not None
        return row.name


def test_backup_now_adds_a_row(qtbot, window, store, qtmodeltester, messages):
    panel = panel_of(qtbot, window)
    if not store.is_sqlite:
        assert "pg_dump" in panel.note.text()
        assert not panel.backup_button.isVisibleTo(panel)
        return
    qtbot.waitUntil(lambda: panel.model.rowCount() == len(backup_service.list_backups(store)))
    before = panel.model.rowCount()
    with (
        qtbot.waitSignal(panel.loaded, timeout=10_000, check_params_cb=lambda n: n > before),
        qtbot.waitSignal(panel.backedUp, timeout=10_000) as written,
    ):
        panel.backup_button.click()
    assert Path(written.args[0]).is_file()
    assert panel.model.rowCount() == before + 1
    newest = panel.model.row_at(0)
    assert newest.path == written.args[0]
    assert panel.model.index(0, 1).data() in ("manual", "手动")
    qtmodeltester.check(panel.model)
    assert [m for m in messages if m[0] == "error"] == []


def test_restore_from_the_gui_brings_the_old_data_back(qtbot, window, store, messages):
    if not store.is_sqlite:
        pytest.skip("a server is restored by its administrator; the panel only says so")
    panel = panel_of(qtbot, window)
    original = asset_name(store, "XF-KIOSK-01")
    with qtbot.waitSignal(panel.backedUp, timeout=10_000) as written:
        panel.backup_now()
    backup_file = written.args[0]
    qtbot.waitUntil(lambda: any(r.path == backup_file for r in panel.model.rows()))
    rename(store, "XF-KIOSK-01", "改名后的一体机")
    assert asset_name(store, "XF-KIOSK-01") == "改名后的一体机"

    row = next(i for i, r in enumerate(panel.model.rows()) if r.path == backup_file)
    panel.table.selectRow(row)
    panel.restore_selected()
    qtbot.waitUntil(lambda: panel.confirm_box is not None, timeout=10_000)
    box = panel.confirm_box
    assert box is not None and box.isVisible()
    assert "before restore" in box.informativeText() or "恢复前" in box.informativeText()
    # What the restore gives up is said first (issue 16): the rename's audit entries.
    assert panel.pending_loss is not None and panel.pending_loss.entries >= 1
    assert f"{panel.pending_loss.entries} audit entries" in box.informativeText()
    restore_button = next(b for b in box.buttons() if b.text() in ("Restore", "恢复"))
    with qtbot.waitSignal(panel.restored, timeout=30_000) as restored:
        restore_button.click()
    assert restored.args[0] == str(Path(backup_file).resolve())

    new_store = window.ctx.store
    try:
        assert new_store is not store
        assert asset_name(new_store, "XF-KIOSK-01") == original
        kept = [b for b in backup_service.list_backups(new_store) if b.kind == "prerestore"]
        assert len(kept) == 1
        infos = [m for m in messages if m[0] == "info"]
        assert infos and kept[0].path.split("/")[-1] in infos[-1][2]
        # The database before the restore is in that backup, with the renamed device.
        from workbench.data.store import Store

        aside = Store(f"sqlite:///{kept[0].path}", migrate=False)
        try:
            assert asset_name(aside, "XF-KIOSK-01") == "改名后的一体机"
        finally:
            aside.dispose()
        # The audit trail records the restore, and the witness follows it.
        from sqlalchemy import select

        from workbench.data.models.identity import StoreEvent

        with new_store.read() as session:
            kinds = list(session.scalars(select(StoreEvent.kind)))
            assert kinds == ["restored"]
            from workbench.services import witness

            assert witness.check(session).ok
        # The views go on working on the restored database.
        qtbot.waitUntil(lambda: any(r.kind == "prerestore" for r in panel.model.rows()))
    finally:
        window.ctx.tasks.wait()
        new_store.dispose()


def test_cancelling_the_restore_changes_nothing(qtbot, window, store):
    if not store.is_sqlite:
        pytest.skip("no restore on a server")
    panel = panel_of(qtbot, window)
    with qtbot.waitSignal(panel.backedUp, timeout=10_000):
        panel.backup_now()
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0)
    rename(store, "XF-KIOSK-01", "改名后的一体机")
    panel.table.selectRow(0)
    panel.restore_selected()
    qtbot.waitUntil(lambda: panel.confirm_box is not None, timeout=10_000)
    box = panel.confirm_box
    assert box is not None
    box.reject()
    window.ctx.tasks.wait()
    assert window.ctx.store is store
    assert asset_name(store, "XF-KIOSK-01") == "改名后的一体机"
