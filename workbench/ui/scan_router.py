"""Scans are routed by what they say, wherever the user is.

An asset code opens the running inspection round's checklist when the round covers it,
otherwise the device in the 设备 view; a printed work order's or round's QR code opens
that record and checks the paper against the store; anything else gets a notice. An
unknown asset code offers to register a new device with that code. Every scan is logged.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox

from workbench.domain.scancodes import AssetScan, RecordScan, classify
from workbench.services import assets as asset_service

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow

log = logging.getLogger("workbench.scan")


class ScanRouter(QObject):
    # (outcome, code); outcome is one of "asset", "inspection", "work_order",
    # "inspection_round", "unknown", "unregistered"
    routed = Signal(str, str)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        self.notice: QMessageBox | None = None

    def route(self, text: str, symbology: str | None = None) -> str:
        scan = classify(text)
        log.info("scan %r (symbology %s) -> %s", text, symbology or "-", type(scan).__name__)
        self.ctx.events.scanned.emit(text, symbology or "")
        outcome = self._route(scan, text)
        self.routed.emit(outcome, text)
        return outcome

    def _route(self, scan: object, text: str) -> str:
        if isinstance(scan, AssetScan):
            views = self.window.created_views()
            inspections = views.get("inspections")
            route_asset = getattr(inspections, "route_asset", None)
            if callable(route_asset) and route_asset(scan.code):
                self.window.show_view("inspections")
                return "inspection"
            with self.ctx.store.read() as session:
                found = asset_service.get_asset(session, scan.code)
            if found is None:
                self._offer_registration(scan.code)
                return "unregistered"
            self.window.show_view("assets").show_asset(found.code)
            return "asset"
        if isinstance(scan, RecordScan):
            key = "workorders" if scan.kind == "work_order" else "inspections"
            if self.window.has_view(key):
                view = self.window.show_view(key)
                opener = getattr(view, "open_record", None)
                if callable(opener):
                    opener(scan.number, scan.record_hash)
                    return scan.kind
        self._notice(
            self.tr("Unrecognised code"),
            self.tr("The scanned code is not a device label or a printed record:\n{code}").format(
                code=text
            ),
        )
        return "unknown"

    def _notice(self, title: str, text: str) -> QMessageBox:
        if self.notice is not None:
            self.notice.close()
        box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=self.window)
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.notice = box
        box.destroyed.connect(lambda: setattr(self, "notice", None))
        return box

    def _offer_registration(self, code: str) -> None:
        box = self._notice(
            self.tr("Unknown device"),
            self.tr("No device in the registry has the code {code}.").format(code=code),
        )
        register = box.addButton(self.tr("Register new device…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Ignore"), QMessageBox.ButtonRole.RejectRole)

        def clicked(button: object) -> None:
            if button is register:
                self.window.show_view("assets").new_asset(code)

        box.buttonClicked.connect(clicked)
        box.show()
