"""The new-order dialog takes a deadline the client set, off unless ticked (issue 18)."""

from __future__ import annotations

import datetime as dt

from workbench.ui.workorders.dialogs import (
    AssetChoice,
    NewWorkOrderDialog,
    from_qdatetime,
    to_qdatetime,
)

BJ = dt.timezone(dt.timedelta(hours=8))


def test_the_deadline_is_passed_only_when_ticked(qtbot) -> None:
    dialog = NewWorkOrderDialog([AssetChoice("XF-VRT-01", "视频接访一体机", "二层")], [])
    qtbot.addWidget(dialog)
    assert not dialog.deadline.isEnabled()
    assert dialog.value().client_deadline is None
    assert dialog.value().kwargs()["client_deadline"] is None
    wanted = dt.datetime(2026, 6, 1, 17, 0, tzinfo=BJ)
    dialog.has_deadline.setChecked(True)
    assert dialog.deadline.isEnabled()
    dialog.deadline.setDateTime(to_qdatetime(wanted))
    assert dialog.value().client_deadline == wanted
    assert from_qdatetime(dialog.deadline.dateTime()) == wanted
    dialog.has_deadline.setChecked(False)
    assert dialog.value().client_deadline is None
