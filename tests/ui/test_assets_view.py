from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from workbench.data.store import Store
from workbench.domain.assets import AssetInput
from workbench.services import assets as asset_service


def assets_view(qtbot: Any, window: Any) -> Any:
    view = window.show_view("assets")
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=5000)
    return view


def test_lists_the_inventory(qtbot, window, qtmodeltester):
    view = assets_view(qtbot, window)
    assert view.model.rowCount() == 83  # 74 devices, 4 systems, 5 websites
    qtmodeltester.check(view.model)
    codes = {r.code for r in view.model.rows()}
    assert {"XF-KIOSK-01", "XF-DEC-17", "XF-WS-02", "SYS-FX", "WEB-XFB"} <= codes


def test_locations_show_in_the_language_of_the_ui(qtbot, window, zh):
    from workbench import i18n

    view = assets_view(qtbot, window)
    row = next(i for i, r in enumerate(view.model.rows()) if r.code == "XF-KIOSK-01")
    column = view.model.COLUMNS.index("location")
    assert view.model.data(view.model.index(row, column)) == "一层 接待大厅"
    i18n.load("en")
    view.refresh()
    qtbot.waitUntil(
        lambda: view.model.data(view.model.index(row, column)) == "Floor 1, reception hall",
        timeout=5000,
    )


def test_search_box600_leaves_the_eight_terminals(qtbot, window):
    view = assets_view(qtbot, window)
    qtbot.keyClicks(view.search, "Box600")
    qtbot.waitUntil(lambda: view.model.rowCount() == 8, timeout=5000)
    assert all("Box600" in r.name for r in view.model.rows())
    view.search.clear()
    qtbot.waitUntil(lambda: view.model.rowCount() == 83, timeout=5000)


def test_filters_by_kind_and_category(qtbot, window):
    view = assets_view(qtbot, window)
    view.kind.setCurrentIndex(view.kind.findData("website"))
    qtbot.waitUntil(lambda: view.model.rowCount() == 5, timeout=5000)
    view.kind.setCurrentIndex(0)
    qtbot.waitUntil(lambda: view.category.count() > 1, timeout=5000)
    view.category.setCurrentIndex(view.category.findData("decoder"))
    qtbot.waitUntil(lambda: view.model.rowCount() == 17, timeout=5000)


def test_sorting_is_done_by_the_query(qtbot, window):
    view = assets_view(qtbot, window)
    view.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: view.model.row_at(0).code == "XF-WS-02", timeout=5000)


def test_add_edit_retire_persist_across_restart(qtbot, window, store, db_path, monkeypatch):
    view = assets_view(qtbot, window)
    qtbot.waitUntil(lambda: view.category.count() > 1, timeout=5000)

    # Add through the dialog.
    view.new_asset()
    from workbench.ui.assets.dialog import AssetDialog

    dialog = view.findChild(AssetDialog)
    assert dialog is not None
    qtbot.keyClicks(dialog.code, "xf-kiosk-05")
    dialog.name.setText("信访自助一体机")  # QTest types ASCII only
    dialog.category.setCurrentIndex(dialog.category.findData("kiosk"))
    dialog.line_item.setValue(1)
    qtbot.keyClicks(dialog.serial, "SN-0005")
    dialog.location.setCurrentText("一层 接待大厅")
    dialog.accept()
    qtbot.waitUntil(lambda: view.model.row_of("XF-KIOSK-05") >= 0, timeout=5000)
    assert view.detail.asset is not None and view.detail.asset.code == "XF-KIOSK-05"

    # Edit: a bad value is refused in the dialog, a good one saved.
    view.edit_asset("XF-KIOSK-05")
    dialogs = [d for d in view.findChildren(AssetDialog) if d.isVisible()]
    dialog = dialogs[-1]
    dialog.name.clear()
    dialog.accept()
    assert dialog.isVisible() and dialog._errors["name"].isVisible()
    dialog.name.setText("信访自助一体机（新）")
    dialog.model_edit.setText("KIOSK-2027")
    dialog.accept()
    qtbot.waitUntil(
        lambda: view.detail.asset is not None and view.detail.asset.model == "KIOSK-2027",
        timeout=5000,
    )

    # Retire after confirming.
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    view.set_status("XF-KIOSK-05", "retired")
    qtbot.waitUntil(
        lambda: view.detail.asset is not None and view.detail.asset.status == "retired",
        timeout=5000,
    )
    window.ctx.tasks.wait()

    # A new store on the same file sees every change.
    reopened = Store(f"sqlite:///{db_path}")
    try:
        with reopened.transaction() as session:
            row = asset_service.get_asset(session, "XF-KIOSK-05")
        assert row is not None
        assert (row.name, row.model, row.serial_number, row.status, row.location) == (
            "信访自助一体机（新）",
            "KIOSK-2027",
            "SN-0005",
            "retired",
            "一层 接待大厅",
        )
    finally:
        reopened.dispose()


def test_a_stale_edit_is_refused(store):
    with store.transaction() as session:
        row = asset_service.get_asset(session, "XF-WS-01")
        assert row is not None
        asset_service.update_asset(
            session, row.code, AssetInput(**{**row.as_input().__dict__, "notes": "first"})
        )
    import pytest

    from workbench.domain.messages import WorkbenchError

    with (
        pytest.raises(WorkbenchError, match="changed by someone else"),
        store.transaction() as session,
    ):
        asset_service.update_asset(
            session,
            row.code,
            AssetInput(**{**row.as_input().__dict__, "notes": "second"}),
            expected_version=row.version,
        )


def test_scan_of_a_code_opens_its_detail(qtbot, window):
    assets_view(qtbot, window)
    outcome = window.scan_router.route("XF-DEC-05", "C1")
    assert outcome == "asset"
    assert window.current_key() == "assets"
    assert window.view("assets").detail.asset.code == "XF-DEC-05"


def test_scan_of_unknown_code_offers_registration(qtbot, window):
    assets_view(qtbot, window)
    assert window.scan_router.route("XF-NEW-99") == "unregistered"
    notice = window.scan_router.notice
    assert notice is not None and notice.isVisible() and not notice.isModal()
    assert "XF-NEW-99" in notice.text()


def test_a_failed_list_is_logged(qtbot, window, monkeypatch, caplog):
    from workbench.services import registry

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk went away")

    from workbench.ui.assets.view import AssetsView

    monkeypatch.setattr(registry, "list_assets", broken)
    with caplog.at_level(logging.ERROR, logger="workbench.ui.assets"):
        view = AssetsView(window.ctx)
        qtbot.addWidget(view)
        qtbot.waitUntil(lambda: "the device list could not be read" in caplog.text)
    assert view.model.rowCount() == 0


def test_a_restored_sort_is_read_once_in_that_order(qtbot, window, monkeypatch):
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QTableView

    from workbench.services import registry
    from workbench.ui.assets.view import AssetsView
    from workbench.ui.common import uistate

    # The list as a user left it: sorted by code, descending.
    table = QTableView()
    table.setModel(QStandardItemModel(0, 8))
    table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
    uistate.save_header("assets", table.horizontalHeader())
    queries = []
    read = registry.list_assets

    def counted(*args, **kwargs):
        queries.append(kwargs)
        return read(*args, **kwargs)

    monkeypatch.setattr(registry, "list_assets", counted)
    view = AssetsView(window.ctx)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=5000)
    assert view.model.row_at(0).code == "XF-WS-02"
    assert view.table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    window.ctx.tasks.wait()
    assert queries == [{"order_by": "code", "descending": True}]
