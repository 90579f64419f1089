"""Scanned paper in the GUI is checked against the store; the registration form from 设置."""

from __future__ import annotations

from pathlib import Path

import pypdf
from PySide6.QtWidgets import QFileDialog, QPushButton

from workbench.domain.keys import display_fingerprint
from workbench.domain.scancodes import head_payload, key_payload, record_payload
from workbench.services import engineers as engineer_service
from workbench.services import integrity


def test_scanned_round_and_report_codes_get_a_verdict(qtbot, window, store):
    router = window.scan_router
    with store.read() as session:
        head = integrity.head(session)
    with qtbot.waitSignal(router.routed, timeout=5000) as routed:
        router.route(record_payload("inspection_round", "XJ-2026-0099", "ab" * 32))
    assert routed.args[0] == "inspection_round"
    assert router.notice is not None and router.notice.isVisible()
    assert "XJ-2026-0099 is not in this store" in router.notice.text()

    beyond = head_payload(head.seq + 3, "0" * 64)
    with qtbot.waitSignal(router.routed, timeout=5000) as routed:
        router.route(beyond)
    assert routed.args == ["report", beyond]
    assert f"#{head.seq + 3}" in router.notice.text()
    assert "does not reach it" in router.notice.text()

    current = head_payload(head.seq, head.hash)
    router.route(current)
    assert "the store extends it" in router.notice.text()

    stranger = key_payload("0" * 64, head.seq, head.hash)
    assert router.route(stranger) == "engineer_key"
    assert "NOT registered in this store" in router.notice.text()

    # A work order's code opens the order (its view checks the record); a head on it
    # that this store does not reach is said in a notice.
    router.notice.close()
    order = record_payload("work_order", "WO-2026-0001", "ab" * 32, (head.seq + 9, "0" * 64))
    assert router.route(order) == "work_order"
    assert router.notice is not None and "does not reach it" in router.notice.text()


def test_registration_form_is_saved_from_the_engineer_list(  # noqa: PLR0917 - fixtures
    qtbot, window, store, messages, tmp_path: Path, monkeypatch
):
    with store.transaction() as session:
        engineer_service.create_engineer(session, "Wang Lei", pin="123456")
    view = window.show_view("settings")
    view.refresh()
    qtbot.waitUntil(lambda: view.engineers.rowCount() == 1, timeout=5000)
    fingerprint = view.engineers.rows()[0].fingerprint
    target = tmp_path / "form.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    view.registration.save("Wang Lei")
    qtbot.waitUntil(target.exists, timeout=10000)
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(target).pages)
    assert "Wang Lei" in text
    assert display_fingerprint(fingerprint) in text and fingerprint in text
    # The button beside the engineer buttons: with nobody selected it says so.
    (button,) = [b for b in view.findChildren(QPushButton) if b.text() == "Registration form…"]
    view.engineer_table.clearSelection()
    save_action = button.menu().actions()[1]
    assert save_action.text() == "Save as PDF…"
    save_action.trigger()
    assert any(text == "Select an engineer first." for _level, _title, text in messages)
