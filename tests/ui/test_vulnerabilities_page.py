"""The 漏洞登记 tab (issue 19, item 3): add a finding, the dialog's checks, fix and
rescan it, and close it only after the clean rescan (一、5)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtWidgets import QLineEdit, QMessageBox

from workbench.domain.timeutil import LOCAL_TZ
from workbench.ui.registers.vulnerabilities import VulnerabilitiesPage


def _page(qtbot: Any, window: Any) -> VulnerabilitiesPage:
    view = window.show_view("registers")
    page = view.show_register("vulnerabilities")
    assert isinstance(page, VulnerabilitiesPage)
    qtbot.waitUntil(lambda: bool(page.count.text()), timeout=5000)
    return page


def _dialog(qtbot: Any, page: VulnerabilitiesPage, previous: Any = None) -> Any:
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog is not previous, timeout=5000)
    return page.dialog


def test_add_fix_rescan_close(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(qtbot, window)
    assert page.model.rowCount() == 0
    today = dt.datetime.now(LOCAL_TZ).date()  # the dialog dates and the service agree

    page.new_record()
    dialog = _dialog(qtbot, page)
    dialog.accept()  # nothing typed: the finding's name is required
    assert "Finding" in dialog.error.text() and dialog.isVisible()
    title = dialog.inputs["title"]
    assert isinstance(title, QLineEdit)
    title.setText("目录浏览未关闭")
    dialog.set_value("severity", "medium")
    dialog.set_value("found_on", today - dt.timedelta(days=3))
    dialog.set_value("rescan_on", today)  # a rescan without a fix: the service refuses
    dialog.accept()
    qtbot.waitUntil(lambda: bool(dialog.error.text()), timeout=5000)
    assert "after the fix" in dialog.error.text() and dialog.isVisible()
    dialog.set_value("fixed_on", today - dt.timedelta(days=1))
    with qtbot.waitSignal(page.saved, timeout=5000), qtbot.waitSignal(page.loaded, timeout=5000):
        dialog.accept()
    (row,) = page.model.rows()
    # Fixed and rescanned, but the rescan was not marked clean: it cannot close.
    assert row.state == "rescan_failed"

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.select(row.id)
    with qtbot.waitSignal(page.refused, timeout=5000) as refused:
        page.close_button.click()
    assert "clean rescan" in refused.args[0]

    page.edit_selected()
    edit = _dialog(qtbot, page, dialog)
    edit.set_value("rescan_clean", True)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        edit.accept()
    assert page.model.rows()[0].state == "rescanned"
    page.select(row.id)
    with qtbot.waitSignal(page.closed, timeout=5000), qtbot.waitSignal(page.loaded, timeout=5000):
        page.close_button.click()
    row = page.model.rows()[0]
    assert row.state == "closed"
    page.select(row.id)
    assert not page.close_button.isEnabled() and not page.delete_button.isEnabled()

    target = tmp_path / "v.xlsx"
    with qtbot.waitSignal(page.exported, timeout=5000):
        page.export_to(target)
    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None and sheet["C2"].value == "目录浏览未关闭"
