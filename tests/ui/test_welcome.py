"""The first-start welcome wizard over a real store, a real settings file and a real pty."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.tooling import need_socat
from workbench import config
from workbench.config import Settings
from workbench.domain.contract import load_contract
from workbench.services.setup import default_contract_path


@pytest.fixture
def ctx(store: Any) -> Iterator[Any]:
    from workbench.app import create_context

    context = create_context(Settings(), store)
    yield context
    context.tasks.wait()


@pytest.fixture
def wizard(qtbot: Any, ctx: Any) -> Iterator[Any]:
    from workbench.ui.settings.welcome import WelcomeWizard

    printed: list[int] = []
    wiz = WelcomeWizard(ctx, print_labels=lambda: printed.append(1))
    wiz.printed = printed
    qtbot.addWidget(wiz)
    wiz.show()
    qtbot.waitExposed(wiz)
    yield wiz
    ctx.tasks.wait()
    wiz.scanner_page.stop_test()


def _go_to(qtbot: Any, wizard: Any, page: Any) -> None:
    while wizard.currentPage() is not page:
        before = wizard.currentPage()
        wizard.next()
        qtbot.waitUntil(lambda b=before: wizard.currentPage() is not b, timeout=5000)


def _to_inventory(qtbot: Any, wizard: Any) -> None:
    with qtbot.waitSignal(wizard.inventory.loaded, timeout=10_000):
        wizard.next()


def test_intro_shows_where_the_data_lives(wizard: Any) -> None:
    assert str(config.data_dir()) in wizard.intro.data_label.text()
    assert str(config.log_dir()) in wizard.intro.log_label.text()
    # The file, not the URL "sqlite:////…" (issue 20, defect 8).
    assert wizard.intro.db_label.text() == str(wizard.intro.ctx.store.path)
    assert "sqlite:" not in wizard.intro.db_label.text()


def test_inventory_counts_come_from_the_store(qtbot: Any, wizard: Any) -> None:
    contract = load_contract(default_contract_path())
    kinds = [a.kind for a in contract.assets]
    _to_inventory(qtbot, wizard)
    inventory = wizard.inventory.inventory
    assert inventory.contract_number == contract.number
    assert (inventory.devices, inventory.systems, inventory.websites) == (
        kinds.count("device"),
        kinds.count("system"),
        kinds.count("website"),
    )
    assert contract.number in wizard.inventory.contract_label.text()
    assert str(inventory.devices) in wizard.inventory.devices_label.text()
    assert str(inventory.websites) in wizard.inventory.websites_label.text()


def test_reloading_restores_a_missing_device(qtbot: Any, wizard: Any, ctx: Any) -> None:
    from sqlalchemy import delete

    from workbench.data.models import Asset

    _to_inventory(qtbot, wizard)
    devices = wizard.inventory.inventory.devices
    with ctx.store.transaction("test") as session:
        session.execute(delete(Asset).where(Asset.code == "XF-KIOSK-01"))
    with qtbot.waitSignal(wizard.inventory.loaded, timeout=10_000):
        wizard.inventory.refresh(load=False)
    assert wizard.inventory.inventory.devices == devices - 1
    with qtbot.waitSignal(wizard.inventory.loaded, timeout=10_000):
        wizard.inventory.reload_button.click()
    assert wizard.inventory.inventory.devices == devices


def test_creates_the_first_engineer(qtbot: Any, wizard: Any, ctx: Any) -> None:
    from workbench.services.engineers import find_engineer, unlock

    _to_inventory(qtbot, wizard)
    _go_to(qtbot, wizard, wizard.engineer)
    page = wizard.engineer
    page.name_edit.setText("王工")
    page.phone_edit.setText("13800000000")
    page.pin_edit.setText("246800")
    page.pin_again_edit.setText("246800")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.scanner_page, timeout=10_000)
    with ctx.store.transaction("test") as session:
        row = find_engineer(session, "王工")
        assert row is not None
        assert row.phone == "13800000000"
        assert row.has_pin
        assert unlock(session, row.id, "246800").fingerprint == row.fingerprint
    assert ctx.settings.engineer == "王工"
    # Going back and on again does not create it twice.
    wizard.back()
    wizard.next()
    assert wizard.currentPage() is wizard.scanner_page


def test_differing_pins_keep_the_page(qtbot: Any, wizard: Any, ctx: Any) -> None:
    from workbench.services.engineers import list_engineers

    _go_to(qtbot, wizard, wizard.engineer)
    page = wizard.engineer
    page.name_edit.setText("王工")
    page.pin_edit.setText("246800")
    page.pin_again_edit.setText("135790")
    wizard.next()
    assert wizard.currentPage() is page
    assert page.error.text()
    assert page.pin_again_edit.text() == ""
    with ctx.store.transaction("test") as session:
        assert list_engineers(session) == []


def test_a_bad_pin_is_refused_by_the_service(qtbot: Any, wizard: Any, ctx: Any) -> None:
    from workbench.services.engineers import list_engineers

    _go_to(qtbot, wizard, wizard.engineer)
    page = wizard.engineer
    page.name_edit.setText("王工")
    page.pin_edit.setText("12")
    page.pin_again_edit.setText("12")
    wizard.next()
    qtbot.waitUntil(lambda: page.isEnabled() and page.error.text() != "", timeout=10_000)
    qtbot.waitUntil(lambda: "6" in page.error.text(), timeout=10_000)
    assert wizard.currentPage() is page
    with ctx.store.transaction("test") as session:
        assert list_engineers(session) == []


def test_blank_engineer_page_is_skipped(qtbot: Any, wizard: Any, ctx: Any) -> None:
    from workbench.services.engineers import list_engineers

    _go_to(qtbot, wizard, wizard.engineer)
    wizard.next()
    assert wizard.currentPage() is wizard.scanner_page
    with ctx.store.transaction("test") as session:
        assert list_engineers(session) == []


@pytest.fixture
def pty_port(tmp_path: Path) -> Iterator[tuple[str, int]]:
    """A socat pty pair: (the port the app opens, a descriptor to write scans into)."""
    need_socat()
    port, scanner_end = tmp_path / "ttyScanner", tmp_path / "scanner-side"
    proc = subprocess.Popen(
        ["socat", f"pty,raw,echo=0,link={scanner_end}", f"pty,raw,echo=0,link={port}"],
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while not (port.exists() and scanner_end.exists()):
        assert time.monotonic() < deadline, "socat made no pty pair"
        assert proc.poll() is None, "socat ended"
        time.sleep(0.01)
    fd = os.open(scanner_end, os.O_RDWR | os.O_NOCTTY)
    yield str(port), fd
    os.close(fd)
    proc.terminate()
    proc.wait(10)


def test_test_scan_over_a_serial_port(qtbot: Any, wizard: Any, ctx: Any, pty_port: Any) -> None:
    port, fd = pty_port
    ctx.settings.scanner_port = port
    _go_to(qtbot, wizard, wizard.scanner_page)
    page = wizard.scanner_page
    assert page.selected_port() == port  # the configured port, though the system lists no pty
    page.test_button.click()
    qtbot.waitUntil(lambda: page.scanner.state == "connected", timeout=10_000)
    os.write(fd, b"XF-KIOSK-01\r")
    qtbot.waitUntil(lambda: page.scan_field.text() == "XF-KIOSK-01", timeout=10_000)
    assert page.last_scan == "XF-KIOSK-01"
    wizard.next()
    assert wizard.currentPage() is wizard.labels
    assert page.scanner.state == "disconnected"  # the port is given back
    assert ctx.settings.scanner_port == port


def test_port_choices_include_keyboard_and_auto(qtbot: Any, wizard: Any) -> None:
    _go_to(qtbot, wizard, wizard.scanner_page)
    combo = wizard.scanner_page.port_combo
    data = [combo.itemData(i) for i in range(combo.count())]
    assert data[:2] == ["", "auto"]


def test_a_port_can_be_typed(qtbot: Any, wizard: Any) -> None:
    """A port the system does not list is typed in (issue 20, defect 8)."""
    _go_to(qtbot, wizard, wizard.scanner_page)
    page = wizard.scanner_page
    assert page.port_combo.isEditable()
    page.port_combo.setCurrentIndex(0)
    assert page.selected_port() == ""  # the keyboard scanner: no port
    page.port_combo.setEditText("COM7")
    assert page.selected_port() == "COM7"
    wizard.next()
    assert wizard.ctx.settings.scanner_port == "COM7"


def test_print_labels_calls_back(qtbot: Any, wizard: Any) -> None:
    _go_to(qtbot, wizard, wizard.labels)
    assert wizard.labels.print_button.isEnabled()
    wizard.labels.print_button.click()
    assert wizard.printed == [1]


def test_without_a_printer_callback_the_button_is_off(qtbot: Any, ctx: Any) -> None:
    from workbench.ui.settings.welcome import WelcomeWizard

    wiz = WelcomeWizard(ctx)
    qtbot.addWidget(wiz)
    assert not wiz.labels.print_button.isEnabled()


@pytest.mark.parametrize("how", ["skip", "finish"])
def test_skip_or_finish_marks_the_welcome_done(qtbot: Any, wizard: Any, how: str) -> None:
    assert not Settings.load().welcome_done
    if how == "skip":
        wizard.button(wizard.WizardButton.CancelButton).click()
    else:
        _go_to(qtbot, wizard, wizard.labels)
        wizard.button(wizard.WizardButton.FinishButton).click()
    assert Settings.load().welcome_done
    assert not wizard.isVisible()


def test_chinese_texts(qtbot: Any, ctx: Any, zh: None) -> None:
    from workbench.ui.settings.welcome import WelcomeWizard

    wiz = WelcomeWizard(ctx)
    qtbot.addWidget(wiz)
    assert wiz.windowTitle() == "欢迎使用"
    assert wiz.buttonText(wiz.WizardButton.CancelButton) == "跳过"
    assert wiz.intro.title() == "欢迎使用运维工作台"
    assert wiz.engineer.title() == "您的工程师账号"
