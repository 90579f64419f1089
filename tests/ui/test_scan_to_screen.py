"""A code written into a real pseudo-terminal opens that device's detail in the window."""

from __future__ import annotations

import os
import tty
from collections.abc import Iterator
from typing import Any

import pytest

from workbench.devices.framing import FramingConfig
from workbench.devices.serial_reader import PortConfig


@pytest.fixture
def pty_pair() -> Iterator[tuple[int, str]]:
    master, slave = os.openpty()
    tty.setraw(slave)
    path = os.ttyname(slave)
    yield master, path
    os.close(master)
    os.close(slave)


def connect(qtbot: Any, window: Any, path: str, **framing: Any) -> Any:
    scanner = window.wiring.scanner
    with qtbot.waitSignal(
        scanner.stateChanged, timeout=5000, check_params_cb=lambda s: s == "connected"
    ):
        scanner.start_serial(PortConfig(port=path), FramingConfig(**framing))
    return scanner


def test_scanned_code_opens_the_device(qtbot, window, pty_pair):
    master, path = pty_pair
    view = window.show_view("assets")
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=5000)
    window.show_view("workorders" if window.has_view("workorders") else "assets")
    scanner = connect(qtbot, window, path)
    with qtbot.waitSignal(view.assetShown, timeout=5000) as shown:
        os.write(master, b"]C1XF-VC-07\r")
    assert shown.args == ["XF-VC-07"]
    assert window.current_key() == "assets"
    assert view.detail.asset.code == "XF-VC-07"
    assert "XF-VC-07" in view.detail.title.text()
    assert view.detail.fields["location"].text() == "Floor 2, video reception rooms"
    scanner.stop()


def test_unknown_code_from_the_scanner_shows_the_notice(qtbot, window, pty_pair):
    master, path = pty_pair
    scanner = connect(qtbot, window, path, terminator="crlf")
    with qtbot.waitSignal(window.scan_router.routed, timeout=5000) as routed:
        os.write(master, b"XF-KIOSK-99\r\n")
    assert routed.args == ["unregistered", "XF-KIOSK-99"]
    notice = window.scan_router.notice
    assert notice is not None and notice.isVisible()
    assert "XF-KIOSK-99" in notice.text()
    scanner.stop()


def test_status_bar_shows_the_scanner_state_in_chinese(qtbot, zh, window, pty_pair):
    _master, path = pty_pair
    scanner = connect(qtbot, window, path)
    assert window.scanner_label.text() == "扫描枪：已连接"
    scanner.stop()
    qtbot.waitUntil(lambda: window.scanner_label.text() == "扫描枪：未连接", timeout=5000)
