"""Marking an inspection finding from the work-order pane (issue 18)."""

from __future__ import annotations

import datetime as dt

from workbench.ui.workorders.dialogs import FindingDialog, to_qdatetime

BJ = dt.timezone(dt.timedelta(hours=8))
FOUND = dt.datetime(2026, 6, 1, 9, 0, tzinfo=BJ)


def test_the_dialog_says_affects_service_or_a_rectification_date(qtbot) -> None:
    dialog = FindingDialog(FOUND, False, None)
    qtbot.addWidget(dialog)
    assert dialog.values() == (False, None)  # not affecting service, no date agreed yet
    assert not dialog.rectify_by.isEnabled()
    dialog.has_date.setChecked(True)
    agreed = FOUND + dt.timedelta(days=3)
    dialog.rectify_by.setDateTime(to_qdatetime(agreed))
    assert dialog.values() == (False, agreed)
    dialog.affects.setChecked(True)
    assert not dialog.has_date.isEnabled() and not dialog.rectify_by.isEnabled()
    assert dialog.values() == (True, None)  # the restore clock runs instead of a date


def test_marking_from_the_pane_starts_the_restore_clock(qtbot, window, store) -> None:
    from tests.unit.services.test_workorders_support import make_engineer
    from workbench.services import workorders as wo

    make_engineer(store)
    now = dt.datetime.now(dt.UTC)
    with store.transaction("test") as s:
        number = wo.create_work_order(
            s, type="inspection_finding", channel="inspection", description="静音指示灯不亮",
            asset_codes=["XF-MIC-01"], reported_at=now - dt.timedelta(hours=3), now=now,
        ).number  # fmt: skip
    view = window.show_view("workorders")
    view.show_work_order(number)
    qtbot.waitUntil(lambda: (d := view.current_detail()) is not None and d.number == number)
    assert view.detail.finding_button.isVisibleTo(view.detail)
    assert view.current_detail().row.sla == ()
    dialog = view.finding_dialog()
    assert dialog is not None
    dialog.affects.setChecked(True)
    dialog.accept()
    qtbot.waitUntil(lambda: view.current_detail().row.affects_service, timeout=5000)
    assert [item.key for item in view.current_detail().row.sla] == ["restore"]
    assert view.current_detail().row.breaches == ("restore",)  # found 3 h ago, not restored
