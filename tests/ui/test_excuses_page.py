"""The 免责登记 tab (issue 19, item 1): claim a breached order, the dialog's checks, the
evidence, the client's confirmation by signature, and the locked row after it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
from PySide6.QtWidgets import QPlainTextEdit

from tests.ui.test_signature_pad import fill
from workbench.data.store import Store
from workbench.services import engineers
from workbench.services import workorders as wo
from workbench.ui.common.signoff import SignOffDialog
from workbench.ui.registers.excuses import ExcusesPage

BJ = dt.timezone(dt.timedelta(hours=8))
T0 = dt.datetime(2026, 6, 1, 9, 0, tzinfo=BJ)
PIN = "246800"


def _late_order(store: Store) -> tuple[str, str]:
    """An engineer and a fault restored 2 days 1 h past its 2-hour deadline."""
    restored = T0 + dt.timedelta(days=2, hours=3)
    with store.transaction("test") as s:
        engineer = engineers.create_engineer(s, "张伟", "13800000000", PIN)
        number = wo.create_work_order(
            s,
            type="fault",
            channel="hotline",
            description="叫号屏黑屏",
            asset_codes=["XF-VRT-01"],
            reported_at=T0,
            now=T0,
        ).number
        wo.advance(
            s,
            number,
            "responded",
            at=T0 + dt.timedelta(minutes=10),
            engineer_id=engineer.id,
            now=T0 + dt.timedelta(minutes=10),
        )
        wo.advance(
            s, number, "onsite", at=T0 + dt.timedelta(minutes=50), now=T0 + dt.timedelta(minutes=50)
        )
        wo.advance(s, number, "restored", at=restored, now=restored)
    return engineer.id, number


def _page(qtbot: Any, window: Any) -> ExcusesPage:
    view = window.show_view("registers")
    page = view.show_register("excuses")
    assert isinstance(page, ExcusesPage)
    qtbot.waitUntil(lambda: bool(page.count.text()), timeout=5000)
    return page


def test_claim_confirm_and_lock(
    qtbot: Any, window: Any, tmp_path: Path, messages: list[tuple[str, str, str]]
) -> None:
    _engineer_id, number = _late_order(window.ctx.store)
    page = _page(qtbot, window)
    assert page.model.rowCount() == 0

    page.new_record()
    qtbot.waitUntil(lambda: page.dialog is not None, timeout=5000)
    dialog = page.dialog
    assert dialog is not None
    assert dialog.value("number") == number  # the only breached order is offered
    dialog.set_value("kind", "client_cause")
    reason = dialog.inputs["reason"]
    assert isinstance(reason, QPlainTextEdit)
    reason.setPlainText("停电")  # too short: the service refuses, the dialog keeps it
    dialog.accept()
    qtbot.waitUntil(lambda: bool(dialog.error.text()), timeout=5000)
    assert "at least" in dialog.error.text() and dialog.isVisible()
    reason.setPlainText("甲方机房配电检修停电，无法进入机房")
    with qtbot.waitSignal(page.saved, timeout=5000), qtbot.waitSignal(page.loaded, timeout=5000):
        dialog.accept()
    (row,) = page.model.rows()
    assert row.number == number and row.status == "claimed"
    assert f"{row.penalty_cny:.2f}" == "6630.00"

    # Edit the claim: the reason changes, the row stays claimed.
    page.select(row.id)
    page.edit_selected()
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog is not dialog, timeout=5000)
    edit = page.dialog
    assert edit is not None and not edit.read_only
    edit.set_value("reason", "甲方机房配电检修停电至次日，无法进入机房")
    with qtbot.waitSignal(page.saved, timeout=5000), qtbot.waitSignal(page.loaded, timeout=5000):
        edit.accept()
    assert page.model.rows()[0].reason == "甲方机房配电检修停电至次日，无法进入机房"

    # No evidence yet: the confirmation is refused before any dialog opens.
    page.select(row.id)
    assert page.open_confirm(page.model.rows()[0]) is None
    evidence = tmp_path / "停电通知.jpg"
    evidence.write_bytes(b"\xff\xd8\xff notice")
    with qtbot.waitSignal(page.evidence_attached, timeout=5000):
        page.attach_evidence(page.model.rows()[0], evidence)
    qtbot.waitUntil(lambda: page.model.rows()[0].evidence_name != "", timeout=5000)
    row = page.model.rows()[0]
    assert row.evidence_name == "停电通知.jpg"

    page.select(row.id)
    sign = page.open_confirm(row)
    assert isinstance(sign, SignOffDialog)
    qtbot.waitUntil(lambda: sign.engineer_combo.count() > 0, timeout=5000)
    fill(sign, PIN, "于文浩")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        sign.sign_button.click()
    row = page.model.rows()[0]
    assert row.confirmed and row.client_name == "于文浩"
    page.select(row.id)
    assert not page.delete_button.isEnabled()
    assert not page.confirm_button.isEnabled() and not page.evidence_button.isEnabled()
    assert page.edit_button.text() == "View…"

    with window.ctx.store.read() as s:
        order = wo.row(s, number)
    assert order.breaches == ("restore",) and f"{order.penalty_cny:.2f}" == "0.00"

    target = tmp_path / "excuses.xlsx"
    with qtbot.waitSignal(page.exported, timeout=5000):
        page.export_to(target)
    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None
    assert sheet["A2"].value == number
