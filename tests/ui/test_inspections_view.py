"""The 巡检 view outside a round: category names in the UI's language, no progress bar
until a round is shown."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from workbench.config import Settings
from workbench.data.store import Store
from workbench.services import engineers
from workbench.services import inspections as ins
from workbench.ui.common.context import AppContext
from workbench.ui.common.messages import MessageBridge
from workbench.ui.common.tasks import TaskRunner
from workbench.ui.inspections.view import InspectionsView

KIOSK = "XF-KIOSK-01"


@pytest.fixture
def ctx(store: Store) -> Iterator[AppContext]:
    with store.transaction("test") as session:
        engineers.create_engineer(session, "张伟", pin="246800")
    tasks = TaskRunner()
    messages = MessageBridge()
    messages.sink = lambda level, title, text: None
    yield AppContext(Settings(engineer="张伟"), tasks, messages, store=store)
    tasks.wait()


def open_view(qtbot: QtBot, ctx: AppContext) -> InspectionsView:
    view = InspectionsView(ctx)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.due_model.rowCount() > 0, timeout=10_000)
    return view


def category_shown(view: InspectionsView, code: str) -> Any:
    model = view.due_model
    row = next(i for i, r in enumerate(model.rows()) if r.code == code)
    return model.index(row, 1).data()


def blank_form_names(view: InspectionsView) -> list[str]:
    return [action.text() for action in view.blank_menu.actions()]


def test_categories_in_english(qtbot: QtBot, ctx: AppContext) -> None:
    view = open_view(qtbot, ctx)
    assert view.due_model.headerData(1, Qt.Orientation.Horizontal) == "Category"
    assert category_shown(view, KIOSK) == "Self-service kiosk"
    assert "Self-service kiosk" in blank_form_names(view)
    assert "信访自助一体机" not in blank_form_names(view)


@pytest.mark.usefixtures("zh")
def test_categories_in_chinese(qtbot: QtBot, ctx: AppContext) -> None:
    view = open_view(qtbot, ctx)
    assert category_shown(view, KIOSK) == "信访自助一体机"
    assert "信访自助一体机" in blank_form_names(view)


def test_progress_only_with_a_round(qtbot: QtBot, ctx: AppContext, store: Store) -> None:
    view = open_view(qtbot, ctx)
    assert view.shown is None
    assert view.progress.isHidden()

    with store.transaction("test") as session:
        engineer = engineers.find_engineer(session, "张伟")
        assert engineer is not None
        detail = ins.start_round(session, engineer_id=engineer.id, scope="all")
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.refresh()
    assert view.shown is not None
    assert not view.progress.isHidden()
    total = detail.summary.devices_total
    assert (view.progress.value(), view.progress.maximum()) == (0, total)
    assert view.progress.text() == f"0/{total}"

    with qtbot.waitSignal(view.deviceOpened, timeout=10_000):
        assert view.route_asset(KIOSK)
    assert "Self-service kiosk" in view.editor.subtitle.text()


def test_the_unchecked_reason_stands_apart_from_the_status(
    qtbot: QtBot, ctx: AppContext, store: Store
) -> None:
    """ "已结束，待签字确认 未检原因：…" ran on as one sentence (issue 20, defect 7)."""
    view = open_view(qtbot, ctx)
    with store.transaction("test") as session:
        engineer = engineers.find_engineer(session, "张伟")
        assert engineer is not None
        number = ins.start_round(session, engineer_id=engineer.id, scope="all").summary.number
        ins.finish_round(session, number, reason="会议占用，次日补检")
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.refresh(show=number)  # a finished round is shown when asked for
    status, reason = view.round_status.text().split("\n")
    assert status == "Finished, awaiting sign-off"
    assert reason == "Unchecked because: 会议占用，次日补检"
