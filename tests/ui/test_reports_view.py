"""The 报表 view: generate a monthly report off the GUI thread and show its pages."""

from __future__ import annotations

from typing import Any


def test_monthly_report_is_generated_and_shown(qtbot: Any, window: Any) -> None:
    view = window.show_view("reports")
    view.set_choice("monthly", "2026-10")
    with qtbot.waitSignal(view.generated, timeout=120_000) as generated:
        view.generate()
    pages = generated.args[0]
    assert pages >= 3
    assert len(view.page_labels) == pages
    assert view.pdf is not None
    assert view.pdf.startswith(b"%PDF")
    assert view.save_button.isEnabled()


def test_cancel_stops_waiting(qtbot: Any, window: Any) -> None:
    view = window.show_view("reports")
    view.set_choice("weekly", "2026-W45")
    view.generate()
    view.cancel()
    assert view.generate_button.isEnabled()
    window.ctx.tasks.wait()
    assert view.pdf is None
