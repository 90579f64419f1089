"""Connections between views, the scanner, menus and the status bar, made once the
store is open."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence

from workbench.devices.framing import Scan
from workbench.devices.qt import ScannerService
from workbench.domain.timeutil import now
from workbench.ui.assets.labels import print_labels
from workbench.ui.scan_router import ScanRouter
from workbench.ui.tray import ClockTray

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from workbench.services.status import StatusSummary
    from workbench.services.workorders import UpcomingDeadline
    from workbench.ui.main_window import MainWindow

log = logging.getLogger("workbench.ui")

STATUS_REFRESH_MS = 30_000


class Wiring(QObject):
    """Owns the scanner service and the router; keeps the status bar current."""

    def __init__(self, window: MainWindow, *, start_scanner: bool = True) -> None:
        super().__init__(window)
        self.window_ = window
        self.ctx = window.ctx
        self.router = ScanRouter(window)
        self.scanner = ScannerService(window)
        self.scanner.scanned.connect(self._scanned)
        self.scanner.stateChanged.connect(lambda _s: self._show_scanner_state())
        self.scanner.detailChanged.connect(lambda _s: self._show_scanner_state())
        self.scanner.imeIntercepted.connect(self._ime_intercepted)
        self._ime_warned = False
        if start_scanner:
            self.scanner.apply_settings(self.ctx.settings)
        self._show_scanner_state()

        self._deadline: UpcomingDeadline | None = None
        self._timer = QTimer(window)
        self._timer.setInterval(STATUS_REFRESH_MS)
        self._timer.timeout.connect(self.refresh_status)
        self._timer.start()
        self._clock = QTimer(window)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._tick)
        self._clock.start()
        self.ctx.events.dataChanged.connect(lambda _area: self.refresh_status())
        # Warns of the clocks while the window is out of sight; the tooltip names the next.
        self.tray = ClockTray(self.ctx, window)
        self._menus()
        assets = window.view("assets") if window.has_view("assets") else None
        if assets is None:
            self.refresh_status()
        else:
            # The status query waits for the first list: both would share the one
            # interpreter lock, and the list is what the user is waiting for.
            def first_status() -> None:
                assets.loaded.disconnect(first_status)
                self.refresh_status()

            assets.loaded.connect(first_status)
            assets.printLabels.connect(lambda codes: print_labels(self.ctx, window, codes))
            if window.has_view("workorders"):
                assets.newWorkOrder.connect(self._new_work_order)

    # -- scans ------------------------------------------------------------------------
    def _scanned(self, scan: Scan) -> None:
        self.router.route(scan.code, scan.symbology)

    def _ime_intercepted(self) -> None:
        """A scan probably went into the Chinese input method: say so plainly, once as a
        dialog, afterwards in the status bar."""
        text = self.tr(
            "A scanned code seems to have gone through the Chinese input method, so the "
            "workbench cannot tell it from typing. Switch the input method to English "
            "(press Shift, or Ctrl+Space) and scan again."
        )
        if self._ime_warned:
            self.ctx.messages.note(text, 10_000)
            return
        self._ime_warned = True
        self.ctx.messages.warning(text, self.tr("Scanner and input method"))

    def _show_scanner_state(self) -> None:
        text = self.tr("Scanner: {state}").format(state=self.scanner.state_label())
        if self.scanner.wedge is not None and self.scanner.port is None:
            text = self.tr("Scanner: keyboard mode")
        self.window_.set_scanner_state(text)
        self.window_.scanner_label.setToolTip(self.scanner.detail())

    def open_scanner_settings(self) -> None:
        from workbench.ui.settings.scanner import ScannerSettingsDialog

        dialog = ScannerSettingsDialog(self.ctx.settings, self.window_, service=self.scanner)

        def accepted() -> None:
            try:
                self.ctx.settings.save()
            except OSError as exc:
                self.ctx.messages.error(
                    self.tr("The settings could not be saved: {error}").format(error=exc)
                )
            self.scanner.apply_settings(self.ctx.settings)

        dialog.accepted.connect(accepted)
        dialog.open()

    # -- status bar -------------------------------------------------------------------
    def refresh_status(self) -> None:
        def query(session: Session) -> StatusSummary:
            from workbench.services.status import status_summary

            return status_summary(session)

        self.ctx.read(
            self, "status", query, self._show_status, lambda exc: log.warning("status: %s", exc)
        )

    def _show_status(self, summary: StatusSummary) -> None:
        self.window_.set_demo(summary.demo)
        self._deadline = summary.next_deadline
        self._tick()

    def _tick(self) -> None:
        """Count down to the next deadline every second, from the stored time."""
        from workbench.ui.workorders.model import deadline_text

        self.window_.set_deadline_text(deadline_text(self._deadline, now()))

    # -- menus ------------------------------------------------------------------------
    def _menus(self) -> None:
        window = self.window_
        tools = window.tools_menu
        scanner = QAction(self.tr("Scanner settings…"), window)
        scanner.triggered.connect(self.open_scanner_settings)
        labels = QAction(self.tr("Print device labels…"), window)
        labels.setShortcut(QKeySequence("Ctrl+L"))
        labels.triggered.connect(self._print_selected_labels)
        tools.addActions([scanner, labels])

    def show_welcome(self) -> None:
        from workbench.ui.settings.welcome import WelcomeWizard

        wizard = WelcomeWizard(
            self.ctx,
            print_labels=lambda: print_labels(self.ctx, self.window_, None),
            scanner=self.scanner,
            parent=self.window_,
        )
        wizard.finishedWelcome.connect(self._welcome_finished)
        wizard.open()

    def _welcome_finished(self) -> None:
        # The wizard may have created an engineer and chosen a scanner port.
        self.ctx.events.dataChanged.emit("engineers")
        self.scanner.apply_settings(self.ctx.settings)

    def _print_selected_labels(self) -> None:
        codes: list[str] | None = None
        if self.window_.current_key() == "assets":
            codes = self.window_.view("assets").selected_codes() or None
        print_labels(self.ctx, self.window_, codes)

    def _new_work_order(self, code: str) -> None:
        view = self.window_.show_view("workorders")
        view.new_for_asset(code)


def wire(window: MainWindow, *, start_scanner: bool = True) -> Wiring:
    wiring = Wiring(window, start_scanner=start_scanner)
    window.wiring = wiring  # type: ignore[attr-defined]
    window.scan_router = wiring.router  # type: ignore[attr-defined]
    return wiring
