"""Taking over mid-contract on screen: the wizard asks from when this team keeps the
records, Settings changes it, and 总览 no longer opens on a wall of red (issue 20,
defect 4: "102 项逾期", the list pushing the charts down until they lost their axes)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QDate

from workbench.config import Settings
from workbench.domain.timeutil import LOCAL_TZ
from workbench.services import records
from workbench.ui.dashboard.view import DELIVERABLE_LINES


def _today() -> dt.date:
    return dt.datetime.now(LOCAL_TZ).date()


def _stored(store: Any) -> records.RecordsStart:
    with store.read() as session:
        return records.records_start(session)


@pytest.fixture
def ctx(store: Any) -> Iterator[Any]:
    from workbench.app import create_context

    context = create_context(Settings(), store)
    yield context
    context.tasks.wait()


@pytest.fixture
def wizard(qtbot: Any, ctx: Any) -> Iterator[Any]:
    from workbench.ui.settings.welcome import WelcomeWizard

    wiz = WelcomeWizard(ctx)
    qtbot.addWidget(wiz)
    wiz.show()
    qtbot.waitExposed(wiz)
    yield wiz
    ctx.tasks.wait()
    wiz.scanner_page.stop_test()


def _to_records_page(qtbot: Any, wizard: Any) -> Any:
    with qtbot.waitSignal(wizard.inventory.loaded, timeout=10_000):
        wizard.next()
    wizard.next()
    page = wizard.records
    assert wizard.currentPage() is page
    qtbot.waitUntil(page.date_edit.isEnabled, timeout=10_000)
    return page


def test_wizard_offers_today_and_keeps_it_in_the_store(qtbot: Any, wizard: Any, store: Any) -> None:
    page = _to_records_page(qtbot, wizard)
    today = _today()  # the contract runs 2026-03-01 .. 2027-02-28
    expected = min(max(today, dt.date(2026, 3, 1)), dt.date(2027, 2, 28))
    assert page.date_edit.day() == expected
    assert not _stored(store).chosen
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.engineer, timeout=10_000)
    assert (_stored(store).records_from, _stored(store).chosen) == (expected, True)


def test_wizard_keeps_a_chosen_day(qtbot: Any, wizard: Any, store: Any) -> None:
    page = _to_records_page(qtbot, wizard)
    page.date_edit.setDate(QDate(2026, 9, 1))
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.engineer, timeout=10_000)
    assert _stored(store).records_from == dt.date(2026, 9, 1)
    # Back and on again: nothing to write, the page lets the wizard go on at once.
    wizard.back()
    wizard.next()
    assert wizard.currentPage() is wizard.engineer


def test_wizard_date_stays_within_the_contract(qtbot: Any, wizard: Any) -> None:
    page = _to_records_page(qtbot, wizard)
    page.date_edit.setDate(QDate(2025, 1, 1))
    assert page.date_edit.day() == dt.date(2026, 3, 1)
    page.date_edit.setDate(QDate(2030, 1, 1))
    assert page.date_edit.day() == dt.date(2027, 2, 28)


def test_settings_changes_the_day_and_dashboard_follows(
    qtbot: Any, window: Any, store: Any
) -> None:
    dashboard = window.show_view("dashboard")
    qtbot.waitUntil(lambda: dashboard.data is not None, timeout=30_000)
    wall = dashboard.data.deliverables_overdue
    assert wall > 30  # every weekly report since 2026-03: nothing says from when we count
    lines = dashboard.deliverables.text().split("\n")
    assert len(lines) == DELIVERABLE_LINES + 1
    assert "more" in lines[-1]

    settings = window.show_view("settings")
    editor = settings.records
    qtbot.waitUntil(editor.date_edit.isEnabled, timeout=10_000)
    assert editor.date_edit.day() == dt.date(2026, 3, 1)
    assert not editor.save_button.isEnabled()
    day = min(max(_today(), dt.date(2026, 3, 2)), dt.date(2027, 2, 28))
    editor.date_edit.setDate(QDate(day.year, day.month, day.day))
    assert editor.save_button.isEnabled()
    with qtbot.waitSignal(dashboard.loaded, timeout=30_000):
        editor.save_button.click()
    assert _stored(store).records_from == day
    assert dashboard.data.records_from == day
    assert dashboard.data.deliverables_overdue < wall
    assert dashboard.data.overdue_inspections == 0 or day < _today()
    assert day.isoformat() in dashboard.as_of.text()
