"""ScannerService: the reader's scans and states arrive on the GUI thread as signals."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from pty_pair import PtyPair
from pytestqt.qtbot import QtBot

from workbench.config import Settings
from workbench.devices.framing import FramingConfig, Scan
from workbench.devices.qt import ScannerService, state_label
from workbench.devices.serial_reader import PortConfig


@pytest.fixture
def service(qtbot: QtBot) -> Iterator[ScannerService]:
    svc = ScannerService()
    yield svc
    svc.stop()


def test_scans_and_states_reach_the_gui_thread(
    qtbot: QtBot, pty_pair: PtyPair, service: ScannerService
) -> None:
    states: list[str] = []
    threads: list[threading.Thread] = []
    service.stateChanged.connect(states.append)
    service.scanned.connect(lambda _scan: threads.append(threading.current_thread()))
    with qtbot.waitSignal(service.stateChanged, check_params_cb=lambda s: s == "connected"):
        service.start_serial(PortConfig(pty_pair.port), FramingConfig(terminator="crlf"))
    assert service.state == "connected"
    assert pty_pair.port in service.detail()
    with qtbot.waitSignal(service.scanned) as blocker:
        pty_pair.write(b"]C1XF-KIOSK-01\r\n")
    scan = blocker.args[0]
    assert isinstance(scan, Scan)
    assert (scan.code, scan.symbology) == ("XF-KIOSK-01", "]C1")
    assert threads == [threading.main_thread()]
    assert states[-1] == "connected"
    with qtbot.waitSignal(service.stateChanged, check_params_cb=lambda s: s == "disconnected"):
        service.stop()
    assert service.state == "disconnected"


def test_raw_bytes_and_rejections_are_shown(
    qtbot: QtBot, pty_pair: PtyPair, service: ScannerService
) -> None:
    raw: list[bytes] = []
    service.rawReceived.connect(raw.append)
    with qtbot.waitSignal(service.stateChanged, check_params_cb=lambda s: s == "connected"):
        service.start_serial(PortConfig(pty_pair.port))
    with qtbot.waitSignal(service.rejected) as blocker:
        pty_pair.write(b"A\x07B\r")
    assert "U+0007" in blocker.args[0].reason
    qtbot.waitUntil(lambda: b"".join(raw) == b"A\x07B\r")


def test_unplug_shows_connecting_and_replug_connected(
    qtbot: QtBot, pty_pair: PtyPair, service: ScannerService
) -> None:
    with qtbot.waitSignal(service.stateChanged, check_params_cb=lambda s: s == "connected"):
        service.start_serial(PortConfig(pty_pair.port))
    with qtbot.waitSignal(service.stateChanged, check_params_cb=lambda s: s == "connecting"):
        pty_pair.unplug()
    with qtbot.waitSignal(
        service.stateChanged, timeout=2000, check_params_cb=lambda s: s == "connected"
    ):
        pty_pair.plug()
    with qtbot.waitSignal(service.scanned) as blocker:
        pty_pair.write(b"XF-VC-03\r")
    assert blocker.args[0].code == "XF-VC-03"


def test_apply_settings_restarts_reader_and_toggles_wedge(
    qtbot: QtBot, pty_pair: PtyPair, service: ScannerService
) -> None:
    settings = Settings(scanner_port=pty_pair.port, wedge_enabled=False)
    with qtbot.waitSignal(service.stateChanged, check_params_cb=lambda s: s == "connected"):
        service.apply_settings(settings)
    assert service.wedge is None
    settings.scanner_terminator = "lf"
    settings.wedge_enabled = True
    settings.wedge_max_interval_ms = 50
    with qtbot.waitSignal(service.stateChanged, check_params_cb=lambda s: s == "connected"):
        service.apply_settings(settings)
    assert service.wedge is not None
    assert service.wedge.max_interval_ms == 50
    with qtbot.waitSignal(service.scanned) as blocker:
        pty_pair.write(b"XF-BOX-02\n")
    assert blocker.args[0].code == "XF-BOX-02"
    settings.scanner_port = ""
    settings.wedge_enabled = False
    service.apply_settings(settings)
    assert service.state == "disconnected"
    assert service.wedge is None


def test_state_labels_are_translated(qapp: object) -> None:
    from workbench import i18n

    i18n.load("zh_CN")
    try:
        assert [state_label(s) for s in ("disconnected", "connecting", "connected", "error")] == [
            "未连接",
            "连接中",
            "已连接",
            "错误",
        ]
    finally:
        i18n.load("en")
    assert state_label("connected") == "Connected"
