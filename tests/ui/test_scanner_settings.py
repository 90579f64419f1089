"""The scanner settings dialog: loading and saving the settings, and the live test pane
reading a real pseudo-terminal."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from tests.tooling import need_socat
from workbench.config import Settings
from workbench.devices.qt import ScannerService
from workbench.ui.settings.scanner import ScannerSettingsDialog


class Pty:
    def __init__(self, folder: Path) -> None:
        self.port = str(folder / "ttyScanner")
        other = str(folder / "scanner-side")
        self.proc = subprocess.Popen(
            ["socat", f"pty,raw,echo=0,link={other}", f"pty,raw,echo=0,link={self.port}"],
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while not (os.path.exists(self.port) and os.path.exists(other)):
            assert time.monotonic() < deadline, "socat made no pty pair"
            time.sleep(0.005)
        self.fd = os.open(other, os.O_RDWR | os.O_NOCTTY)

    def write(self, data: bytes) -> None:
        os.write(self.fd, data)

    def close(self) -> None:
        os.close(self.fd)
        self.proc.terminate()
        self.proc.wait(10)


@pytest.fixture
def pty(tmp_path: Path) -> Iterator[Pty]:
    need_socat()
    p = Pty(tmp_path)
    yield p
    p.close()


def make_dialog(qtbot: QtBot, settings: Settings, **kwargs: object) -> ScannerSettingsDialog:
    dialog = ScannerSettingsDialog(settings, None, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    return dialog


def test_loads_and_saves_the_scanner_fields(qtbot: QtBot) -> None:
    settings = Settings(
        scanner_port="/dev/ttyUSB7",
        scanner_baud=19200,
        scanner_parity="E",
        scanner_stopbits=2,
        scanner_terminator="crlf",
        scanner_encoding="gbk",
        scanner_prefix="<",
        scanner_timeout_ms=300,
        wedge_enabled=False,
        wedge_max_interval_ms=40,
        wedge_min_length=6,
    )
    dialog = make_dialog(qtbot, settings)
    assert dialog.port_value() == "/dev/ttyUSB7"  # not plugged in, still kept
    assert dialog.baud_combo.currentText() == "19200"
    assert dialog.parity_combo.currentData() == "E"
    assert dialog.stop_combo.currentData() == 2.0
    assert dialog.terminator_combo.currentData() == "crlf"
    assert dialog.encoding_combo.currentData() == "gbk"
    assert dialog.prefix_edit.text() == "<"
    assert dialog.timeout_spin.value() == 300
    assert not dialog.wedge_box.isChecked()
    assert dialog.wedge_length_spin.value() == 6

    dialog.port_combo.setCurrentIndex(dialog.port_combo.findData("auto"))
    dialog.baud_combo.setCurrentText("115200")
    dialog.terminator_combo.setCurrentIndex(dialog.terminator_combo.findData("etx"))
    dialog.encoding_combo.setCurrentIndex(dialog.encoding_combo.findData("utf-8"))
    dialog.suffix_edit.setText("#")
    dialog.timeout_mode_combo.setCurrentIndex(dialog.timeout_mode_combo.findData("flush"))
    dialog.wedge_box.setChecked(True)
    dialog.wedge_interval_spin.setValue(25)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert settings.scanner_port == "auto"
    assert settings.scanner_baud == 115200
    assert settings.scanner_parity == "E"
    assert settings.scanner_terminator == "etx"
    assert settings.scanner_encoding == "utf-8"
    assert settings.scanner_suffix == "#"
    assert settings.scanner_timeout_mode == "flush"
    assert settings.wedge_enabled is True
    assert settings.wedge_max_interval_ms == 25

    settings.save()  # the caller saves; the timeout mode survives a round trip
    assert Settings.load().scanner_timeout_mode == "flush"


def test_typed_port_and_not_used(qtbot: QtBot) -> None:
    settings = Settings(scanner_port="")
    dialog = make_dialog(qtbot, settings)
    assert dialog.port_value() == ""
    dialog.port_combo.setEditText("COM9")
    assert dialog.port_value() == "COM9"
    dialog.accept()
    assert settings.scanner_port == "COM9"


def test_cancel_changes_nothing(qtbot: QtBot) -> None:
    settings = Settings(scanner_baud=9600)
    dialog = make_dialog(qtbot, settings)
    dialog.baud_combo.setCurrentText("4800")
    dialog.reject()
    assert settings.scanner_baud == 9600


def test_invalid_baud_rate_keeps_the_dialog_open(qtbot: QtBot) -> None:
    settings = Settings(scanner_baud=9600)
    dialog = make_dialog(qtbot, settings)
    dialog.show()
    dialog.baud_combo.setCurrentText("")
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.error_label.isVisibleTo(dialog)
    assert settings.scanner_baud == 9600


def test_live_test_pane_shows_hex_and_scans(qtbot: QtBot, pty: Pty) -> None:
    settings = Settings(scanner_port=pty.port, scanner_terminator="crlf")
    dialog = make_dialog(qtbot, settings)
    dialog.show()
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state_label.text().startswith("Connected"), timeout=5000)
    # Said once: "Connected to PORT", not "Connected — Connected to PORT" (issue 20).
    assert dialog.state_label.text() == f"Connected to {pty.port}"
    pty.write(b"]Q1XF-KIOSK-01\r\n")
    pty.write(b"A\x07B\r\n")
    qtbot.waitUntil(lambda: "not a scan" in dialog.scan_view.toPlainText(), timeout=5000)
    assert dialog.scan_view.toPlainText().splitlines()[0] == "XF-KIOSK-01    (]Q1 QR Code)"
    assert "U+0007" in dialog.scan_view.toPlainText()
    # the hex column, however the bytes were split between reads
    lines = dialog.raw_view.toPlainText().splitlines()
    hex_digits = "".join("".join(line[:48].split()) for line in lines)
    assert hex_digits == (b"]Q1XF-KIOSK-01\r\nA\x07B\r\n").hex().upper()
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert dialog.tester is None
    assert dialog.state_label.text() == "Not testing"


def test_changed_terminator_is_tested_before_saving(qtbot: QtBot, pty: Pty) -> None:
    settings = Settings(scanner_port=pty.port, scanner_terminator="cr")
    dialog = make_dialog(qtbot, settings)
    dialog.terminator_combo.setCurrentIndex(dialog.terminator_combo.findData("tab"))
    dialog.test_button.setChecked(True)
    qtbot.waitUntil(lambda: dialog.state_label.text().startswith("Connected"), timeout=5000)
    pty.write(b"XF-VC-03\t")
    qtbot.waitUntil(lambda: dialog.scan_view.toPlainText() == "XF-VC-03", timeout=5000)
    assert settings.scanner_terminator == "cr"  # not saved until OK
    dialog.reject()
    assert dialog.tester is None


def test_app_scanner_is_paused_during_the_test_and_restarted(qtbot: QtBot, pty: Pty) -> None:
    settings = Settings(scanner_port=pty.port, wedge_enabled=False)
    service = ScannerService()
    try:
        with qtbot.waitSignal(service.stateChanged, check_params_cb=lambda s: s == "connected"):
            service.apply_settings(settings)
        dialog = make_dialog(qtbot, settings, service=service)
        dialog.test_button.setChecked(True)
        assert service.state == "disconnected"
        qtbot.waitUntil(lambda: dialog.state_label.text().startswith("Connected"), timeout=5000)
        with qtbot.waitSignal(service.stateChanged, check_params_cb=lambda s: s == "connected"):
            dialog.accept()
        with qtbot.waitSignal(service.scanned) as blocker:
            pty.write(b"XF-KIOSK-03\r")
        assert blocker.args[0].code == "XF-KIOSK-03"
    finally:
        service.stop()


def test_hex_view_is_monospace_without_a_system_monospace_font(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where "monospace" resolves to a proportional serif font (a machine with no fixed
    font, as in issue 20), the hex view uses the bundled font's monospace face."""
    from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

    from workbench.app import register_bundled_font

    register_bundled_font()
    serif = QFont("DejaVu Serif")
    serif.setStyleHint(QFont.StyleHint.Serif)
    monkeypatch.setattr(QFontDatabase, "systemFont", staticmethod(lambda _which: QFont(serif)))
    dialog = make_dialog(qtbot, Settings())
    metrics = QFontMetrics(dialog.raw_view.font())
    widths = {c: metrics.horizontalAdvance(c) for c in "iW0F. "}
    assert len(set(widths.values())) == 1, (dialog.raw_view.font().family(), widths)
