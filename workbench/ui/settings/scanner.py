"""The scanner settings dialog: port, line parameters, framing, keyboard mode, and a live
test pane showing the raw bytes (hex) and the scans decoded from the port being set up.

    dialog = ScannerSettingsDialog(settings, parent, service=window_scanner_service)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        settings.save()

On accept the scanner fields of ``settings`` are updated (the caller saves them). When
``service`` (the app's :class:`~workbench.devices.qt.ScannerService`) is given, its serial
reader is paused while the test pane holds the port, and restarted with the (possibly
changed) settings when the dialog closes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workbench.devices import ports
from workbench.devices.framing import FramingConfig, Rejection, Scan, symbology_name
from workbench.devices.qt import ScannerService
from workbench.devices.serial_reader import BAUD_RATES, DATA_BITS, PortConfig
from workbench.ui.common.display import monospace_font

if TYPE_CHECKING:
    from workbench.config import Settings

MAX_LOG_LINES = 500
NOT_USED = ""


class ScannerSettingsDialog(QDialog):
    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        service: ScannerService | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self._app_service = service
        self._paused_app_service = False
        self._tester: ScannerService | None = None
        self.setWindowTitle(self.tr("Scanner settings"))
        self.setMinimumWidth(980)

        # -- serial scanner --------------------------------------------------------------
        self.port_combo = QComboBox()
        self.port_combo.setEditable(True)
        self.port_combo.setMinimumContentsLength(28)
        self.port_combo.setToolTip(
            self.tr(
                "Choose a port, or type one (COM3, /dev/ttyACM0). Automatic picks the "
                "single known scanner that is plugged in."
            )
        )
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh_ports)
        port_row = QHBoxLayout()
        port_row.addWidget(self.port_combo, 1)
        port_row.addWidget(self.refresh_button)

        self.baud_combo = QComboBox()
        self.baud_combo.setEditable(True)
        self.baud_combo.setValidator(QIntValidator(50, 4_000_000, self))
        for rate in BAUD_RATES:
            self.baud_combo.addItem(str(rate))

        self.bits_combo = QComboBox()
        for bits in DATA_BITS:
            self.bits_combo.addItem(str(bits), bits)

        self.parity_combo = QComboBox()
        for code, label in (
            ("N", self.tr("None")),
            ("E", self.tr("Even")),
            ("O", self.tr("Odd")),
            ("M", self.tr("Mark")),
            ("S", self.tr("Space")),
        ):
            self.parity_combo.addItem(label, code)

        self.stop_combo = QComboBox()
        for stop in (1.0, 1.5, 2.0):
            self.stop_combo.addItem(f"{stop:g}", stop)

        self.terminator_combo = QComboBox()
        for code, label in (
            ("cr", self.tr("CR (carriage return)")),
            ("lf", self.tr("LF (line feed)")),
            ("crlf", self.tr("CR LF")),
            ("tab", self.tr("Tab")),
            ("etx", self.tr("STX … ETX")),
        ):
            self.terminator_combo.addItem(label, code)

        self.encoding_combo = QComboBox()
        self.encoding_combo.addItem("UTF-8", "utf-8")
        self.encoding_combo.addItem(self.tr("GBK (Chinese scanners)"), "gbk")

        self.prefix_edit = QLineEdit()
        self.suffix_edit = QLineEdit()
        for edit in (self.prefix_edit, self.suffix_edit):
            edit.setPlaceholderText(self.tr("none"))

        self.timeout_spin = QSpinBox()
        self.timeout_spin.setRange(10, 5000)
        self.timeout_spin.setSingleStep(10)
        self.timeout_spin.setSuffix(" ms")

        self.timeout_mode_combo = QComboBox()
        self.timeout_mode_combo.addItem(self.tr("Discard it"), "drop")
        self.timeout_mode_combo.addItem(self.tr("Take it as a complete scan"), "flush")

        serial_form = QFormLayout()
        serial_form.addRow(self.tr("Port"), port_row)
        serial_form.addRow(self.tr("Baud rate"), self.baud_combo)
        serial_form.addRow(self.tr("Data bits"), self.bits_combo)
        serial_form.addRow(self.tr("Parity"), self.parity_combo)
        serial_form.addRow(self.tr("Stop bits"), self.stop_combo)
        serial_form.addRow(self.tr("Terminator"), self.terminator_combo)
        serial_form.addRow(self.tr("Encoding"), self.encoding_combo)
        serial_form.addRow(self.tr("Prefix to strip"), self.prefix_edit)
        serial_form.addRow(self.tr("Suffix to strip"), self.suffix_edit)
        serial_form.addRow(self.tr("Character timeout"), self.timeout_spin)
        serial_form.addRow(self.tr("Incomplete code after timeout"), self.timeout_mode_combo)
        serial_box = QGroupBox(self.tr("Serial scanner (COM port)"))
        serial_box.setLayout(serial_form)

        # -- keyboard mode -------------------------------------------------------------
        self.wedge_box = QGroupBox(self.tr("Keyboard-mode scanner"))
        self.wedge_box.setCheckable(True)
        self.wedge_interval_spin = QSpinBox()
        self.wedge_interval_spin.setRange(5, 500)
        self.wedge_interval_spin.setSuffix(" ms")
        self.wedge_length_spin = QSpinBox()
        self.wedge_length_spin.setRange(1, 64)
        wedge_form = QFormLayout()
        wedge_form.addRow(self.tr("Longest gap between keys"), self.wedge_interval_spin)
        wedge_form.addRow(self.tr("Shortest code"), self.wedge_length_spin)
        hint = QLabel(self.tr("Switch the input method to English when scanning in keyboard mode."))
        hint.setWordWrap(True)
        wedge_form.addRow(hint)
        self.wedge_box.setLayout(wedge_form)

        # -- test pane -----------------------------------------------------------------
        self.test_button = QPushButton(self.tr("Start test"))
        self.test_button.setCheckable(True)
        self.test_button.toggled.connect(self._toggle_test)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.state_label = QLabel(self.tr("Not testing"))
        self.state_label.setWordWrap(True)
        mono = monospace_font()
        self.raw_view = QPlainTextEdit()
        self.raw_view.setReadOnly(True)
        self.raw_view.setFont(mono)
        self.raw_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.raw_view.setMaximumBlockCount(MAX_LOG_LINES)
        self.raw_view.setPlaceholderText(self.tr("Bytes received, in hexadecimal"))
        self.scan_view = QPlainTextEdit()
        self.scan_view.setReadOnly(True)
        self.scan_view.setMaximumBlockCount(MAX_LOG_LINES)
        self.scan_view.setPlaceholderText(self.tr("Scan a label: the decoded codes appear here"))
        self.clear_button.clicked.connect(self.raw_view.clear)
        self.clear_button.clicked.connect(self.scan_view.clear)
        test_buttons = QHBoxLayout()
        test_buttons.addWidget(self.test_button)
        test_buttons.addWidget(self.clear_button)
        test_buttons.addWidget(self.state_label, 1)
        test_layout = QVBoxLayout()
        test_layout.addLayout(test_buttons)
        test_layout.addWidget(QLabel(self.tr("Raw bytes")))
        test_layout.addWidget(self.raw_view, 1)
        test_layout.addWidget(QLabel(self.tr("Decoded scans")))
        test_layout.addWidget(self.scan_view, 1)
        test_box = QGroupBox(self.tr("Test"))
        test_box.setLayout(test_layout)

        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        left = QVBoxLayout()
        left.addWidget(serial_box)
        left.addWidget(self.wedge_box)
        left.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left)
        columns.addWidget(test_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

        self.finished.connect(self._on_finished)
        self._load(settings)

    # -- settings <-> widgets ------------------------------------------------------------
    def _load(self, settings: Settings) -> None:
        self.refresh_ports()
        self._select_port(settings.scanner_port)
        self.baud_combo.setCurrentText(str(settings.scanner_baud))
        _select(self.bits_combo, int(settings.scanner_bytesize))
        _select(self.parity_combo, settings.scanner_parity)
        _select(self.stop_combo, float(settings.scanner_stopbits))
        _select(self.terminator_combo, settings.scanner_terminator)
        _select(self.encoding_combo, settings.scanner_encoding)
        self.prefix_edit.setText(settings.scanner_prefix)
        self.suffix_edit.setText(settings.scanner_suffix)
        self.timeout_spin.setValue(int(settings.scanner_timeout_ms))
        mode = settings.scanner_timeout_mode
        _select(self.timeout_mode_combo, mode if mode == "flush" else "drop")
        self.wedge_box.setChecked(bool(settings.wedge_enabled))
        self.wedge_interval_spin.setValue(int(settings.wedge_max_interval_ms))
        self.wedge_length_spin.setValue(int(settings.wedge_min_length))

    @Slot()
    def refresh_ports(self) -> None:
        current = self.port_value()
        self.port_combo.clear()
        self.port_combo.addItem(self.tr("Not used"), NOT_USED)
        self.port_combo.addItem(self.tr("Automatic (the single known scanner)"), ports.AUTO)
        kinds = {"scanner": self.tr("scanner"), "adapter": self.tr("USB-serial adapter")}
        for info in ports.list_serial_ports():
            parts = [info.device]
            if info.description:
                parts.append(info.description)
            if info.vid_pid:
                parts.append(f"({info.vid_pid})")
            if info.kind in kinds:
                parts.append(f"[{kinds[info.kind]}]")
            label = " ".join(parts)
            self.port_combo.addItem(label, info.device)
            self.port_combo.setItemData(
                self.port_combo.count() - 1,
                " · ".join(p for p in (info.manufacturer, info.serial_number, info.vendor) if p),
                Qt.ItemDataRole.ToolTipRole,
            )
        self._select_port(current)

    def _select_port(self, port: str | None) -> None:
        if port is None:
            return
        index = self.port_combo.findData(port)
        if index < 0:
            self.port_combo.addItem(port, port)
            index = self.port_combo.count() - 1
        self.port_combo.setCurrentIndex(index)

    def port_value(self) -> str | None:
        """The chosen port: a device, ``auto``, or empty (not used). None before loading."""
        if self.port_combo.count() == 0:
            return None
        text = self.port_combo.currentText().strip()
        index = self.port_combo.currentIndex()
        if index >= 0 and self.port_combo.itemText(index) == self.port_combo.currentText():
            data = self.port_combo.itemData(index)
            return str(data) if data is not None else text
        return text  # typed by hand

    def _configs(self) -> tuple[PortConfig, FramingConfig]:
        port = self.port_value() or ports.AUTO
        baud_text = self.baud_combo.currentText().strip()
        return (
            PortConfig(
                port,
                int(baud_text) if baud_text.isdigit() else 0,
                int(self.bits_combo.currentData()),
                str(self.parity_combo.currentData()),
                float(self.stop_combo.currentData()),
            ),
            FramingConfig(
                terminator=self.terminator_combo.currentData(),
                prefix=self.prefix_edit.text(),
                suffix=self.suffix_edit.text(),
                timeout=self.timeout_spin.value() / 1000,
                timeout_mode=self.timeout_mode_combo.currentData(),
                encoding=self.encoding_combo.currentData(),
            ),
        )

    def _valid_configs(self) -> tuple[PortConfig, FramingConfig] | None:
        try:
            configs = self._configs()
        except ValueError:
            self._show_error(self.tr("The baud rate must be a positive whole number."))
            return None
        self.error_label.hide()
        return configs

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def apply_to(self, settings: Settings) -> None:
        port_config, framing = self._configs()
        settings.scanner_port = self.port_value() or NOT_USED
        settings.scanner_baud = port_config.baudrate
        settings.scanner_bytesize = port_config.bytesize
        settings.scanner_parity = port_config.parity
        settings.scanner_stopbits = port_config.stopbits
        settings.scanner_terminator = framing.terminator
        settings.scanner_encoding = framing.encoding
        settings.scanner_prefix = framing.prefix
        settings.scanner_suffix = framing.suffix
        settings.scanner_timeout_ms = self.timeout_spin.value()
        settings.scanner_timeout_mode = framing.timeout_mode
        settings.wedge_enabled = self.wedge_box.isChecked()
        settings.wedge_max_interval_ms = self.wedge_interval_spin.value()
        settings.wedge_min_length = self.wedge_length_spin.value()

    def accept(self) -> None:
        if self._valid_configs() is None:
            return
        self._stop_test()
        self.apply_to(self.settings)
        super().accept()

    # -- the live test -------------------------------------------------------------------
    @Slot(bool)
    def _toggle_test(self, on: bool) -> None:
        if on:
            self._start_test()
        else:
            self._stop_test()

    def _start_test(self) -> None:
        configs = self._valid_configs()
        if configs is None:
            self.test_button.setChecked(False)
            return
        if self._app_service is not None and self._app_service.port is not None:
            self._app_service.stop_serial()  # the port can be open only once
            self._paused_app_service = True
        tester = ScannerService(self)
        tester.stateChanged.connect(self._show_state)
        tester.detailChanged.connect(self._show_state)
        tester.rawReceived.connect(self._show_raw)
        tester.scanned.connect(self._show_scan)
        tester.rejected.connect(self._show_rejection)
        self._tester = tester
        self.test_button.setText(self.tr("Stop test"))
        tester.start_serial(*configs)

    def _stop_test(self) -> None:
        tester, self._tester = self._tester, None
        if tester is not None:
            tester.stop()
            tester.deleteLater()
        if self.test_button.isChecked():
            self.test_button.blockSignals(True)
            self.test_button.setChecked(False)
            self.test_button.blockSignals(False)
        self.test_button.setText(self.tr("Start test"))
        self.state_label.setText(self.tr("Not testing"))

    @property
    def tester(self) -> ScannerService | None:
        return self._tester

    @Slot()
    def _show_state(self) -> None:
        tester = self._tester
        if tester is None:
            return
        detail = tester.detail()
        label = tester.state_label()
        # "已连接到 /dev/ttyUSB0" already says "已连接": said once.
        if detail and label not in detail:
            self.state_label.setText(f"{label} — {detail}")
        else:
            self.state_label.setText(detail or label)

    @Slot(bytes)
    def _show_raw(self, data: bytes) -> None:
        for start in range(0, len(data), 16):
            chunk = data[start : start + 16]
            text = "".join(chr(b) if 0x20 <= b < 0x7F else "." for b in chunk)
            self.raw_view.appendPlainText(f"{chunk.hex(' ').upper():<48} {text}")

    @Slot(object)
    def _show_scan(self, scan: Scan) -> None:
        if scan.symbology:
            name = symbology_name(scan.symbology)
            detail = f"{scan.symbology} {name}".strip()
            self.scan_view.appendPlainText(f"{scan.code}    ({detail})")
        else:
            self.scan_view.appendPlainText(scan.code)

    @Slot(object)
    def _show_rejection(self, rejection: Rejection) -> None:
        reason = rejection.message.render(QCoreApplication.translate)
        self.scan_view.appendPlainText(self.tr("✗ not a scan: {reason}").format(reason=reason))

    @Slot(int)
    def _on_finished(self, _result: int) -> None:
        self._stop_test()
        if self._paused_app_service and self._app_service is not None:
            self._paused_app_service = False
            self._app_service.apply_settings(self.settings)


def _select(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)
