"""The scanner as a Qt object for the GUI: serial reader and keyboard wedge behind one
``scanned`` signal, always delivered on the GUI thread.

    service = ScannerService(parent=window)
    service.scanned.connect(window.route_scan)        # Scan(code, symbology, raw)
    service.stateChanged.connect(window.show_scanner_state)  # "connected", ...
    service.apply_settings(settings)                  # again after the settings change
    ...
    service.stop()                                    # also done on aboutToQuit

``state_label()`` is the translated state for the status bar (未连接/连接中/已连接/错误),
``detail()`` the translated sentence behind it (which port, what went wrong).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot

from workbench.devices.framing import FramingConfig, Rejection, Scan
from workbench.devices.serial_reader import (
    STATE_LABELS,
    PortConfig,
    ReaderState,
    SerialScanner,
    configs_from_settings,
)
from workbench.devices.wedge import WedgeFilter
from workbench.domain.messages import Message

log = logging.getLogger("workbench.devices")

_CONTEXT = "devices"  # where the state labels are translated


def state_label(state: str) -> str:
    """The translated name of a reader state."""
    try:
        source = STATE_LABELS[ReaderState(state)]
    except ValueError:
        return state
    return QCoreApplication.translate(_CONTEXT, source)


def render(message: Message | None) -> str:
    if message is None:
        return ""
    return message.render(QCoreApplication.translate)


class ScannerService(QObject):
    """Owns the serial reader thread and the keyboard-wedge filter.

    Signals (all emitted on the thread this object lives in, the GUI thread):
    ``scanned(Scan)`` for every scan from either source; ``stateChanged(str)`` with a
    :class:`ReaderState` value when the serial reader's state changes;
    ``detailChanged(str)`` with the translated sentence behind the state;
    ``rawReceived(bytes)`` with every chunk read from the port (the settings test pane);
    ``rejected(Rejection)`` for input that was not a scan.
    """

    scanned = Signal(object)
    stateChanged = Signal(str)
    detailChanged = Signal(str)
    rawReceived = Signal(bytes)
    rejected = Signal(object)
    # The keyboard wedge saw a code-like text come through a Chinese input method.
    imeIntercepted = Signal()
    # Reader thread -> this object's thread: (generation, kind, payload).
    _fromReader = Signal(int, str, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reader: SerialScanner | None = None
        self._generation = 0
        self._state = ReaderState.DISCONNECTED
        self._message: Message | None = None
        self._wedge: WedgeFilter | None = None
        self._fromReader.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)

    # -- state -----------------------------------------------------------------------
    @property
    def state(self) -> str:
        return self._state.value

    def state_label(self) -> str:
        return state_label(self._state.value)

    def detail(self) -> str:
        return render(self._message)

    @property
    def port(self) -> str | None:
        return self._reader.config.port if self._reader is not None else None

    @property
    def wedge(self) -> WedgeFilter | None:
        return self._wedge

    # -- control ---------------------------------------------------------------------
    def apply_settings(self, settings: Any) -> None:
        """(Re)start from :class:`workbench.config.Settings`: the serial reader if a port
        is set (or ``auto``), the keyboard wedge if enabled."""
        if settings.scanner_port:
            try:
                port, framing = configs_from_settings(settings)
            except ValueError as exc:
                log.error("scanner settings invalid: %s", exc)
                self.stop_serial()
                self._set_state(ReaderState.ERROR, None)
            else:
                self.start_serial(port, framing)
        else:
            self.stop_serial()
        if settings.wedge_enabled:
            self.enable_wedge(settings.wedge_max_interval_ms, settings.wedge_min_length)
        else:
            self.disable_wedge()

    def start_serial(self, port: PortConfig, framing: FramingConfig | None = None) -> None:
        """Start reading ``port`` (stopping any reader before). Returns at once."""
        self.stop_serial()
        self._generation += 1
        generation = self._generation
        emit = self._fromReader.emit
        self._reader = SerialScanner(
            port,
            framing,
            on_scan=lambda scan: emit(generation, "scan", scan),
            on_state=lambda state, message: emit(generation, "state", (state, message)),
            on_data=lambda data: emit(generation, "data", data),
            on_reject=lambda rejection: emit(generation, "reject", rejection),
        )
        self._reader.start()

    def stop_serial(self) -> None:
        reader, self._reader = self._reader, None
        self._generation += 1  # anything still queued from the old reader is dropped
        if reader is not None:
            reader.stop()
        self._set_state(ReaderState.DISCONNECTED, None)

    def enable_wedge(self, max_interval_ms: int, min_length: int) -> None:
        if self._wedge is None:
            self._wedge = WedgeFilter(self, max_interval_ms=max_interval_ms, min_length=min_length)
            self._wedge.scanned.connect(self.scanned)
            self._wedge.imeIntercepted.connect(self.imeIntercepted)
            self._wedge.install()
        else:
            self._wedge.set_thresholds(max_interval_ms, min_length)

    def disable_wedge(self) -> None:
        if self._wedge is not None:
            self._wedge.uninstall()
            self._wedge.deleteLater()
            self._wedge = None

    @Slot()
    def stop(self) -> None:
        """Stop everything: the reader thread ends and the port is closed."""
        self.stop_serial()
        self.disable_wedge()

    # -- delivery --------------------------------------------------------------------
    @Slot(int, str, object)
    def _deliver(self, generation: int, kind: str, payload: object) -> None:
        if generation != self._generation:
            return
        if kind == "scan" and isinstance(payload, Scan):
            self.scanned.emit(payload)
        elif kind == "state" and isinstance(payload, tuple):
            state, message = payload
            self._set_state(state, message)
        elif kind == "data" and isinstance(payload, bytes):
            self.rawReceived.emit(payload)
        elif kind == "reject" and isinstance(payload, Rejection):
            self.rejected.emit(payload)

    def _set_state(self, state: ReaderState, message: Message | None) -> None:
        changed = state is not self._state
        detail_changed = message != self._message
        self._state = state
        self._message = message
        if changed:
            self.stateChanged.emit(state.value)
        if detail_changed or changed:
            self.detailChanged.emit(render(message))
