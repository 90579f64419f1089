"""The audit trail window: rows after an asset edit, filters, detail, export, verification."""

from __future__ import annotations

import csv
import dataclasses
from pathlib import Path
from typing import Any

import openpyxl
from sqlalchemy import update

from workbench.data.models.audit import AuditLog
from workbench.services import assets as asset_service
from workbench.ui.settings.audit import AuditDialog, AuditView


def edit_asset(store: Any, actor: str, serial: str = "SN-AUDIT-4711") -> None:
    with store.transaction(actor) as session:
        row = asset_service.get_asset(session, "XF-KIOSK-01")
        assert row is not None
        value = dataclasses.replace(row.as_input(), serial_number=serial)
        asset_service.update_asset(session, "XF-KIOSK-01", value)


def open_view(qtbot: Any, window: Any) -> AuditView:
    settings = window.show_view("settings")
    settings.audit.open_button.click()
    dialog = settings.audit.dialog
    assert isinstance(dialog, AuditDialog) and dialog.isVisible()
    view = dialog.view
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=10_000)
    return view


def test_lists_filters_and_shows_an_asset_edit(qtbot, window, store, qtmodeltester):
    edit_asset(store, "王磊")
    view = open_view(qtbot, window)
    qtmodeltester.check(view.model)
    assert view.total > 1
    newest = view.model.row_at(0)
    assert newest.table_name == "asset" and newest.action == "update"
    assert newest.actor == "王磊"

    # The detail shows the field before and after.
    view.view.selectRow(0)
    fields = {c.field: (c.old, c.new) for c in view.changes_model.rows()}
    assert fields["serial_number"][1] == "SN-AUDIT-4711"
    qtmodeltester.check(view.changes_model)

    # By user: only the edit.
    view.actor.setEditText("王磊")
    with qtbot.waitSignal(view.loaded, timeout=10_000) as loaded:
        view.apply_filter()
    assert loaded.args[0] == view.model.rowCount() >= 1
    assert {e.actor for e in view.model.rows()} == {"王磊"}

    # By text and table, then nothing for a text that is nowhere.
    view.actor.setEditText("")
    view.text.setText("SN-AUDIT-4711")
    view.table.setCurrentIndex(view.table.findData("asset"))
    with qtbot.waitSignal(view.loaded, timeout=10_000) as loaded:
        view.apply_filter()
    assert loaded.args[0] == 1
    view.text.setText("no such text anywhere")
    with qtbot.waitSignal(view.loaded, timeout=10_000) as loaded:
        view.apply_filter()
    assert loaded.args[0] == 0 and view.model.rowCount() == 0

    # A period that ended before anything was written.
    view.clear_filter()
    qtbot.waitUntil(lambda: view.model.rowCount() > 1, timeout=10_000)
    view.use_period.setChecked(True)
    view.since.setDate(view.since.date().addYears(-5))
    view.until.setDate(view.since.date().addDays(3))
    with qtbot.waitSignal(view.loaded, timeout=10_000) as loaded:
        view.apply_filter()
    assert loaded.args[0] == 0


def test_pages_through_a_long_trail(qtbot, window, store):
    for n in range(150):
        edit_asset(store, f"engineer{n % 3}", f"SN-{n}")
    view = open_view(qtbot, window)
    assert view.total > 200
    assert view.model.rowCount() == 200
    assert not view.previous_button.isEnabled() and view.next_button.isEnabled()
    first = view.model.row_at(0).seq
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.next_button.click()
    assert view.offset == 200
    assert view.model.row_at(0).seq == first - 200
    assert view.previous_button.isEnabled()


def test_export_reads_back(qtbot, window, store, tmp_path: Path):
    edit_asset(store, "王磊")
    view = open_view(qtbot, window)
    view.actor.setEditText("王磊")
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.apply_filter()
    expected = view.total

    target = tmp_path / "audit.xlsx"
    with qtbot.waitSignal(view.exported, timeout=20_000) as exported:
        view.export(target)
    assert exported.args == [str(target), expected]
    sheet = openpyxl.load_workbook(target, read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == expected + 1
    assert any("SN-AUDIT-4711" in str(r[7]) for r in rows[1:])
    assert {r[2] for r in rows[1:]} == {"王磊"}

    target_csv = tmp_path / "audit.csv"
    with qtbot.waitSignal(view.exported, timeout=20_000):
        view.export(target_csv)
    with target_csv.open(encoding="utf-8-sig", newline="") as fh:
        lines = list(csv.reader(fh))
    assert len(lines) == expected + 1
    assert any("SN-AUDIT-4711" in line[7] for line in lines[1:])


def test_verify_finds_an_altered_row(qtbot, window, store):
    edit_asset(store, "王磊")
    view = open_view(qtbot, window)
    with qtbot.waitSignal(view.verified, timeout=30_000) as verified:
        view.verify_button.click()
    assert verified.args == [True]
    assert view.verify_result.text()

    seq = view.model.row_at(0).seq
    with store.transaction("test") as session:
        session.execute(update(AuditLog).where(AuditLog.seq == seq).values(actor="someone else"))
    with qtbot.waitSignal(view.verified, timeout=30_000) as verified:
        view.verify()
    assert verified.args == [False]
    assert str(seq) in view.verify_result.text()
