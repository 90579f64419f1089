"""The first-start welcome: where the data lives, the contract's inventory, from when
this team keeps the records, the first engineer, the scanner, and the device labels.

    wizard = WelcomeWizard(ctx, print_labels=window.print_all_labels, scanner=service)
    wizard.open()          # or exec(); opened at first start and again from 设置

Every page can be left as it is: "Skip" (the wizard's cancel button) ends it at any time.
Either way ``Settings.welcome_done`` is set and saved, so the welcome does not come back
by itself. Work on the store (loading the contract, creating the engineer with its slow
PIN hash) runs through the task runner, off the GUI thread.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from workbench import config, i18n
from workbench.domain.messages import UserError
from workbench.ui.common.context import AppContext
from workbench.ui.common.display import database_location
from workbench.ui.settings.records import RecordsPage

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from workbench.devices.qt import ScannerService

log = logging.getLogger("workbench.ui.welcome")

AUTO_PORT = "auto"


@dataclass(frozen=True)
class Inventory:
    contract_number: str
    contract_title: str
    devices: int
    systems: int
    websites: int
    engineers: tuple[str, ...]


def read_inventory(session: Session, *, load: bool) -> Inventory:
    """The contract and how many assets of each kind the store holds (loading the
    contract's data file first when ``load``; loading is idempotent)."""
    from workbench.services.assets import AssetFilter, count_assets
    from workbench.services.engineers import list_engineers
    from workbench.services.setup import current_contract, load_default_contract

    if load or current_contract(session) is None:
        load_default_contract(session)
    contract = current_contract(session)
    return Inventory(
        contract_number=contract.number if contract else "",
        contract_title=contract.title if contract else "",
        devices=count_assets(session, AssetFilter(kind="device")),
        systems=count_assets(session, AssetFilter(kind="system")),
        websites=count_assets(session, AssetFilter(kind="website")),
        engineers=tuple(e.name for e in list_engineers(session)),
    )


def _folder_link(path: str) -> str:
    url = QUrl.fromLocalFile(path).toString()
    return f'<a href="{url}">{path}</a>'


class IntroPage(QWizardPage):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setTitle(self.tr("Welcome to the Maintenance Workbench"))
        self.setSubTitle(
            self.tr("A few steps to get ready. Each can be skipped and done later in Settings.")
        )
        self.data_label = QLabel(_folder_link(str(config.data_dir())))
        self.log_label = QLabel(_folder_link(str(config.log_dir())))
        self.db_label = QLabel(database_location(ctx.store) if ctx.ready else "")
        for label in (self.data_label, self.log_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
            label.linkActivated.connect(lambda url: QDesktopServices.openUrl(QUrl(url)))
        self.db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.db_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Data folder:"), self.data_label)
        form.addRow(self.tr("Log folder:"), self.log_label)
        form.addRow(self.tr("Database:"), self.db_label)
        note = QLabel(
            self.tr(
                "The database, its backups and the logs stay on this computer, in your own "
                "user folder. Uninstalling the program does not delete them."
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(12)
        layout.addWidget(note)
        layout.addStretch(1)


class InventoryPage(QWizardPage):
    """Confirms that the contract's inventory is in the store (loads it if not)."""

    loaded = Signal(object)  # Inventory

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.inventory: Inventory | None = None
        self.setTitle(self.tr("Contract and devices"))
        self.setSubTitle(self.tr("The devices, systems and websites the contract covers."))
        self.summary = QLabel(self.tr("Reading the inventory…"))
        self.summary.setWordWrap(True)
        self.contract_label = QLabel()
        self.contract_label.setWordWrap(True)
        self.devices_label = QLabel()
        self.systems_label = QLabel()
        self.websites_label = QLabel()
        self.reload_button = QPushButton(self.tr("Load the contract's list again"))
        self.reload_button.setToolTip(
            self.tr("Adds what is missing from the contract's list; changes nothing you edited.")
        )
        self.reload_button.clicked.connect(lambda: self.refresh(load=True))
        form = QFormLayout()
        form.addRow(self.tr("Contract:"), self.contract_label)
        form.addRow(self.tr("Devices:"), self.devices_label)
        form.addRow(self.tr("Systems:"), self.systems_label)
        form.addRow(self.tr("Websites:"), self.websites_label)
        row = QHBoxLayout()
        row.addWidget(self.reload_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(8)
        layout.addWidget(self.summary)
        layout.addLayout(row)
        layout.addStretch(1)

    def initializePage(self) -> None:
        if self.inventory is None:
            self.refresh(load=False)

    def refresh(self, *, load: bool) -> None:
        if not self.ctx.ready:
            self.summary.setText(self.tr("The database is not open yet."))
            return
        self.reload_button.setEnabled(False)
        self.summary.setText(self.tr("Reading the inventory…"))
        # A write: the contract's data file is loaded when the store has none yet.
        self.ctx.write(None, lambda s: read_inventory(s, load=load), self._show, self._failed)

    def _show(self, inventory: Inventory) -> None:
        self.inventory = inventory
        self.reload_button.setEnabled(True)
        self.contract_label.setText(
            f"{inventory.contract_number}  {inventory.contract_title}".strip()
        )
        self.devices_label.setText(self.tr("{count} devices").format(count=inventory.devices))
        self.systems_label.setText(self.tr("{count} systems").format(count=inventory.systems))
        self.websites_label.setText(self.tr("{count} websites").format(count=inventory.websites))
        if inventory.contract_number:
            self.summary.setText(self.tr("The contract's inventory is loaded."))
        else:
            self.summary.setText(self.tr("No contract is loaded."))
        self.loaded.emit(inventory)

    def _failed(self, exc: BaseException) -> None:
        self.reload_button.setEnabled(True)
        text = i18n.render(exc) if isinstance(exc, UserError) else str(exc)
        self.summary.setText(self.tr("The inventory could not be read: {error}").format(error=text))
        log.error("welcome: inventory failed: %s", exc)


class EngineerPage(QWizardPage):
    """Creates the first engineer account; optional when there already is one."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.created: str = ""
        self._busy = False
        self.setTitle(self.tr("Your engineer account"))
        self.setSubTitle(
            self.tr(
                "Your name goes on work orders and inspection records; the PIN confirms "
                "your signature."
            )
        )
        self.name_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        self.pin_edit = QLineEdit()
        self.pin_again_edit = QLineEdit()
        for edit in (self.pin_edit, self.pin_again_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setMaxLength(12)
            edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.existing = QLabel()
        self.existing.setWordWrap(True)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name_edit)
        form.addRow(self.tr("Phone:"), self.phone_edit)
        form.addRow(self.tr("PIN (6 to 12 digits):"), self.pin_edit)
        form.addRow(self.tr("PIN again:"), self.pin_again_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.existing)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def set_existing(self, names: tuple[str, ...]) -> None:
        if names:
            self.existing.setText(
                self.tr("Accounts already here: {names}. Leave the fields empty to go on.").format(
                    names="、".join(names)
                )
            )
        else:
            self.existing.setText("")

    def _blank(self) -> bool:
        return not any(
            e.text().strip()
            for e in (self.name_edit, self.phone_edit, self.pin_edit, self.pin_again_edit)
        )

    def validatePage(self) -> bool:
        if self.created or self._blank():
            return True
        if self._busy:
            return False
        name = self.name_edit.text().strip()
        pin = self.pin_edit.text()
        if not name:
            self.error.setText(self.tr("Enter your name, or leave all fields empty to skip."))
            return False
        if pin != self.pin_again_edit.text():
            self.error.setText(self.tr("The two PINs differ."))
            self.pin_again_edit.clear()
            self.pin_again_edit.setFocus()
            return False
        if not pin:
            self.error.setText(self.tr("Choose a PIN: it confirms your signature."))
            return False
        self.error.setText(self.tr("Creating the account…"))
        self._busy = True
        self.setEnabled(False)
        phone = self.phone_edit.text().strip()
        self.ctx.write(None, lambda s: self._create(s, name, phone, pin), self._done, self._failed)
        return False

    @staticmethod
    def _create(session: Session, name: str, phone: str, pin: str) -> str:
        from workbench.services.engineers import create_engineer

        return create_engineer(session, name, phone, pin).name

    def _done(self, name: str) -> None:
        self._busy = False
        self.setEnabled(True)
        self.created = name
        self.error.setText("")
        for edit in (self.pin_edit, self.pin_again_edit):
            edit.clear()
        self.ctx.settings.engineer = name
        log.info("welcome: engineer account created")
        wizard = self.wizard()
        if wizard is not None and wizard.currentPage() is self:
            wizard.next()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.setEnabled(True)
        if isinstance(exc, UserError):
            self.error.setText(i18n.render(exc))
        else:
            self.error.setText(
                self.tr("The account could not be created: {error}").format(error=exc)
            )
            log.error("welcome: engineer creation failed: %s", exc)


class ScannerPage(QWizardPage):
    """Finds serial scanners and lets the user try a scan (serial or keyboard wedge)."""

    def __init__(self, ctx: AppContext, scanner: ScannerService | None) -> None:
        super().__init__()
        self.ctx = ctx
        self._external = scanner
        self.scanner: ScannerService | None = scanner
        self._listening = False
        self.last_scan = ""
        self.setTitle(self.tr("Barcode scanner"))
        self.setSubTitle(
            self.tr(
                "Plug the scanner in. A USB scanner that types like a keyboard needs no "
                "port; a serial (COM) scanner does."
            )
        )
        self.port_combo = QComboBox()
        # A port the system does not list (a USB adapter not yet plugged in, a device
        # path) is typed in.
        self.port_combo.setEditable(True)
        self.port_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.port_combo.setToolTip(self.tr("Choose a port, or type one (COM3, /dev/ttyUSB0)"))
        line = self.port_combo.lineEdit()
        if line is not None:
            line.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
            line.setPlaceholderText(self.tr("or type a port, e.g. COM3"))
        self.refresh_button = QPushButton(self.tr("Search again"))
        self.refresh_button.clicked.connect(self.refresh_ports)
        self.test_button = QPushButton(self.tr("Test"))
        self.test_button.clicked.connect(self.start_test)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.scan_field = QLineEdit()
        self.scan_field.setReadOnly(True)
        self.scan_field.setPlaceholderText(self.tr("The scanned code appears here"))
        # A scan must not go through the Chinese input method.
        self.scan_field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        row = QHBoxLayout()
        row.addWidget(self.port_combo, 1)
        row.addWidget(self.refresh_button)
        row.addWidget(self.test_button)
        form = QFormLayout()
        form.addRow(self.tr("Port:"), row)
        form.addRow(self.tr("Test scan:"), self.scan_field)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.state)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.refresh_ports()

    def refresh_ports(self) -> None:
        from workbench.devices.ports import list_serial_ports

        current = self.selected_port() or self.ctx.settings.scanner_port
        self.port_combo.clear()
        self.port_combo.addItem(self.tr("No serial port (keyboard scanner)"), "")
        self.port_combo.addItem(self.tr("Find automatically"), AUTO_PORT)
        ports = list_serial_ports()
        kinds = {
            "scanner": self.tr("scanner"),
            "adapter": self.tr("USB-serial adapter"),
            "other": "",
        }
        for port in ports:
            parts = [p for p in (port.vendor or port.description, kinds[port.kind]) if p]
            label = port.device + (f" — {', '.join(parts)}" if parts else "")
            self.port_combo.addItem(label, port.device)
        if current and self.port_combo.findData(current) < 0:
            # A configured port the system does not list (unplugged, or a device path).
            self.port_combo.addItem(self.tr("{port} (configured)").format(port=current), current)
        index = self.port_combo.findData(current) if current else -1
        if index < 0:
            found = [p.device for p in ports if p.kind == "scanner"]
            index = self.port_combo.findData(found[0]) if len(found) == 1 else 0
        self.port_combo.setCurrentIndex(max(index, 0))
        scanners = sum(1 for p in ports if p.kind == "scanner")
        self.state.setText(
            self.tr("{ports} serial ports found, {scanners} of them known scanners.").format(
                ports=len(ports), scanners=scanners
            )
        )

    def selected_port(self) -> str:
        """The listed port chosen (its device), or the port typed in."""
        text = self.port_combo.currentText().strip()
        index = self.port_combo.findText(text, Qt.MatchFlag.MatchExactly)
        if index < 0:
            return text
        data = self.port_combo.itemData(index)
        return str(data) if data else ""

    def _service(self) -> ScannerService:
        if self.scanner is None:
            from workbench.devices.qt import ScannerService

            self.scanner = ScannerService(self)
        return self.scanner

    def start_test(self) -> None:
        service = self._service()
        if not self._listening:
            service.scanned.connect(self._scanned)
            service.detailChanged.connect(self._detail)
            self._listening = True
        trial = dataclasses.replace(
            self.ctx.settings, scanner_port=self.selected_port(), wedge_enabled=True
        )
        service.apply_settings(trial)
        self.scan_field.clear()
        self.scan_field.setFocus()
        self.state.setText(self.tr("Scan any barcode now."))

    def _detail(self, text: str) -> None:
        if text:
            self.state.setText(text)

    def _scanned(self, scan: Any) -> None:
        self.last_scan = str(getattr(scan, "code", scan))
        self.scan_field.setText(self.last_scan)
        self.state.setText(self.tr("The scanner works."))

    def stop_test(self) -> None:
        """Give the port back (a service of our own stops; a shared one is re-applied)."""
        service = self.scanner
        if service is None or not self._listening:
            return
        service.scanned.disconnect(self._scanned)
        service.detailChanged.disconnect(self._detail)
        self._listening = False
        if service is self._external:
            service.apply_settings(self.ctx.settings)
        else:
            service.stop()

    def validatePage(self) -> bool:
        self.ctx.settings.scanner_port = self.selected_port()
        self.stop_test()
        return True


class LabelsPage(QWizardPage):
    def __init__(self, print_labels: Callable[[], None] | None) -> None:
        super().__init__()
        self.print_labels = print_labels
        self.setTitle(self.tr("Device labels"))
        self.setSubTitle(
            self.tr(
                "Each device gets a label with its asset code and barcode: scan it to open "
                "the device or its checklist."
            )
        )
        self.print_button = QPushButton(self.tr("Print device labels…"))
        self.print_button.setEnabled(print_labels is not None)
        self.print_button.clicked.connect(self._print)
        note = QLabel(self.tr("You can print labels later from Devices as well."))
        note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(note)
        layout.addStretch(1)

    def _print(self) -> None:
        if self.print_labels is not None:
            self.print_labels()


class WelcomeWizard(QWizard):
    """The first-start welcome. ``print_labels`` opens the label printing (the caller's);
    ``scanner`` is the app's running ScannerService, if any, so the test does not fight
    it for the port."""

    finishedWelcome = Signal()

    def __init__(
        self,
        ctx: AppContext,
        print_labels: Callable[[], None] | None = None,
        scanner: ScannerService | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Welcome"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Skip"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Finish"))
        self.intro = IntroPage(ctx)
        self.inventory = InventoryPage(ctx)
        self.records = RecordsPage(ctx)
        self.engineer = EngineerPage(ctx)
        self.scanner_page = ScannerPage(ctx, scanner)
        self.labels = LabelsPage(print_labels)
        for page in (
            self.intro,
            self.inventory,
            self.records,
            self.engineer,
            self.scanner_page,
            self.labels,
        ):
            self.addPage(page)
        self.inventory.loaded.connect(lambda inv: self.engineer.set_existing(inv.engineers))
        self.inventory.loaded.connect(lambda _inv: self.records.load())
        self.resize(640, 480)
        self.finished.connect(self._finish)

    def _finish(self, _result: int) -> None:
        self.scanner_page.stop_test()
        self.ctx.settings.welcome_done = True
        try:
            self.ctx.settings.save()
        except OSError as exc:
            log.error("welcome: settings not saved: %s", exc)
        self.finishedWelcome.emit()
