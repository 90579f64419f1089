"""Scans are routed by what they say, wherever the user is.

An asset code opens the running inspection round's checklist when the round covers it,
otherwise the device in the 设备 view; a printed work order's or round's QR code opens
that record and checks the paper against the store (a round's or a report's code gets
the check in a notice; a head the store no longer extends is said too, see
:mod:`workbench.services.paper`); anything else gets a notice. An
unknown asset code offers to register a new device with that code. Every scan is logged.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox

from workbench.domain.scancodes import AssetScan, HeadScan, KeyScan, RecordScan, classify
from workbench.services import assets as asset_service
from workbench.services import paper
from workbench.services.paper import PaperCheck

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow

log = logging.getLogger("workbench.scan")


class AssetTarget(Protocol):
    """The 设备 view, as a scan sees it."""

    def show_asset(self, code: str) -> None: ...
    def new_asset(self, code: str = "") -> None: ...


class RoundTarget(Protocol):
    """The 巡检 view: takes a scanned device when its running round covers it."""

    def route_asset(self, code: str) -> bool: ...


class RecordTarget(Protocol):
    """A view that opens a scanned printed record and checks the paper (the 工单 view)."""

    def open_record(self, number: str, record_hash: str | None = None) -> None: ...


class ScanTargets(Protocol):
    """What the router opens: the main window, which creates and shows the views."""

    def show_view(self, key: str) -> object: ...
    def show_assets(self) -> AssetTarget: ...
    def show_work_orders(self) -> RecordTarget: ...
    def created_inspections(self) -> RoundTarget | None: ...


class ScanRouter(QObject):
    # (outcome, code); outcome is one of "asset", "inspection", "work_order",
    # "inspection_round", "report", "engineer_key", "unknown", "unregistered"
    routed = Signal(str, str)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.targets: ScanTargets = window  # mypy checks the window and its views
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
            inspections = self.targets.created_inspections()
            if inspections is not None and inspections.route_asset(scan.code):
                self.targets.show_view("inspections")
                return "inspection"
            with self.ctx.store.read() as session:
                found = asset_service.get_asset(session, scan.code)
            if found is None:
                self._offer_registration(scan.code)
                return "unregistered"
            self.targets.show_assets().show_asset(found.code)
            return "asset"
        if isinstance(scan, RecordScan | HeadScan | KeyScan) or text.strip().startswith("WB1|"):
            return self._route_paper(scan, text)
        self._notice(
            self.tr("Unrecognised code"),
            self.tr("The scanned code is not a device label or a printed record:\n{code}").format(
                code=text
            ),
        )
        return "unknown"

    def _route_paper(self, scan: object, text: str) -> str:
        """A printed record's or report's code: checked against the store, never just
        named. A work order opens in its view, which says whether the paper matches."""
        with self.ctx.store.read() as session:
            check = paper.check_text(session, text)
        log.info("scan %r: paper check %s", text, check.as_json())
        if isinstance(scan, RecordScan) and scan.kind == "work_order":
            self.targets.show_work_orders().open_record(scan.number, scan.record_hash)
            if check.head_state in ("missing", "differs"):
                self._notice(self.tr("Scanned paper"), self._head_words(check)).show()
            return scan.kind
        if check.kind == "malformed":
            self._notice(
                self.tr("Scanned paper"),
                self.tr(
                    "The code looks like a printed record's but is not valid "
                    "(damaged or forged):\n{code}"
                ).format(code=text),
            ).show()
            return "unknown"
        lines = []
        if check.kind == "inspection_round":
            lines.append(self._round_words(check))
        elif check.kind == "key":
            lines.append(
                self.tr("Engineer registration form: the key is {0}'s.").format(check.number)
                if check.record == "match"
                else self.tr("Engineer registration form: the key is NOT registered in this store.")
            )
        lines.append(self._head_words(check))
        box = self._notice(self.tr("Scanned paper"), "\n".join(lines))
        if not check.ok:
            box.setIcon(QMessageBox.Icon.Warning)
        box.show()
        return {"head": "report", "key": "engineer_key"}.get(check.kind, check.kind)

    def _round_words(self, check: PaperCheck) -> str:
        number = check.number
        if check.record == "match":
            return self.tr("Inspection round {0}: the paper matches the signed record.").format(
                number
            )
        if check.record == "unknown":
            return self.tr("Inspection round {0} is not in this store.").format(number)
        if check.record == "unsigned":
            return self.tr("Inspection round {0} is not signed in this store.").format(number)
        if check.record == "record_altered":
            return self.tr(
                "Inspection round {0}: the stored record was changed after it was signed."
            ).format(number)
        return self.tr(
            "Inspection round {0}: the paper does NOT match the signed record "
            "(an older or forged paper)."
        ).format(number)

    def _head_words(self, check: PaperCheck) -> str:
        if check.head is None:
            return self.tr("The paper carries no store head (printed before heads were).")
        seq = check.head.seq
        if check.head_state == "extended":
            return self.tr("Store head #{0} on the paper: the store extends it.").format(seq)
        if check.head_state == "missing":
            return self.tr(
                "Store head #{0} on the paper: this store does not reach it "
                "(rolled back or cut short)."
            ).format(seq)
        return self.tr("Store head #{0} on the paper: the history up to it was rewritten.").format(
            seq
        )

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
                self.targets.show_assets().new_asset(code)

        box.buttonClicked.connect(clicked)
        box.show()
