"""The serial scanner reader: a thread that owns the port, frames bytes into scans and
reconnects by itself when the port vanishes (USB unplug) and comes back.

Plain callbacks, no Qt: the CLI uses this directly; the GUI wraps it in
:class:`workbench.devices.qt.ScannerService`, which hands everything to the GUI thread.
Callbacks run on the reader thread and must be quick; an exception in one is logged and
never stops the reader.

Errors are told apart by type and errno, never by message text (pyserial's messages are
localized on Windows). A read that fails with any ``SerialException``/``OSError`` (or a
bare ``termios.error`` on Linux) means the port is gone: close it, then poll until it is
back, at most :data:`RECONNECT_CAP` seconds apart, so a replug is picked up in well under
two seconds.
"""

from __future__ import annotations

import errno
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import serial

from workbench.devices import ports
from workbench.devices.framing import FrameDecoder, FramingConfig, Rejection, Scan
from workbench.domain.messages import QT_TRANSLATE_NOOP, Message

try:  # a bare termios.error escapes pyserial on some Linux unplugs
    import termios

    _PORT_ERRORS: tuple[type[BaseException], ...] = (OSError, termios.error)
except ImportError:  # Windows
    _PORT_ERRORS = (OSError,)

log = logging.getLogger("workbench.devices")

READ_TIMEOUT = 0.05  # seconds a read waits; bounds stop latency and timeout polling
FIRST_RETRY = 0.05
RECONNECT_CAP = 0.5  # a vanished port is looked for at least this often
ERROR_RETRY_CAP = 1.0  # a port that exists but cannot be opened
STOP_TIMEOUT = 2.0

BAUD_RATES = (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200)
DATA_BITS = (5, 6, 7, 8)
PARITIES = ("N", "E", "O", "M", "S")
STOP_BITS = (1, 1.5, 2)


class ReaderState(StrEnum):
    DISCONNECTED = "disconnected"
    CONNECTING = "connecting"
    CONNECTED = "connected"
    ERROR = "error"


# What the status bar shows; translated in the "devices" context.
STATE_LABELS = {
    ReaderState.DISCONNECTED: QT_TRANSLATE_NOOP("devices", "Not connected"),
    ReaderState.CONNECTING: QT_TRANSLATE_NOOP("devices", "Connecting"),
    ReaderState.CONNECTED: QT_TRANSLATE_NOOP("devices", "Connected"),
    ReaderState.ERROR: QT_TRANSLATE_NOOP("devices", "Error"),
}


@dataclass(frozen=True)
class PortConfig:
    """Where and how to open the scanner's port. ``port`` is a device or ``auto``."""

    port: str
    baudrate: int = 9600
    bytesize: int = 8
    parity: str = "N"
    stopbits: float = 1

    def __post_init__(self) -> None:
        if not self.port.strip():
            raise ValueError("no port given")
        if self.baudrate <= 0:
            raise ValueError(f"invalid baud rate {self.baudrate}")
        if self.bytesize not in DATA_BITS:
            raise ValueError(f"invalid data bits {self.bytesize}")
        if self.parity not in PARITIES:
            raise ValueError(f"invalid parity {self.parity!r}")
        if self.stopbits not in STOP_BITS:
            raise ValueError(f"invalid stop bits {self.stopbits}")


def configs_from_settings(settings: Any) -> tuple[PortConfig, FramingConfig]:
    """The reader's configuration from :class:`workbench.config.Settings`."""
    mode = settings.scanner_timeout_mode
    framing = FramingConfig(
        terminator=settings.scanner_terminator,
        prefix=settings.scanner_prefix,
        suffix=settings.scanner_suffix,
        timeout=max(settings.scanner_timeout_ms, 1) / 1000,
        timeout_mode="flush" if mode == "flush" else "drop",
        encoding=settings.scanner_encoding,
    )
    port = PortConfig(
        port=settings.scanner_port or ports.AUTO,
        baudrate=int(settings.scanner_baud),
        bytesize=int(settings.scanner_bytesize),
        parity=settings.scanner_parity,
        stopbits=settings.scanner_stopbits,
    )
    return port, framing


StateCallback = Callable[[ReaderState, Message | None], None]


def _errno_of(exc: BaseException) -> int | None:
    value = getattr(exc, "errno", None)
    if isinstance(value, int):
        return value
    # termios.error carries (errno, text) in args
    args = getattr(exc, "args", ())
    if args and isinstance(args[0], int):
        return int(args[0])
    return None


class SerialScanner:
    """Reads scans from one serial port in a background thread.

    ``start()`` returns at once; the thread opens the port, waits for it if it does not
    exist, and reopens it after an unplug. ``stop()`` ends the thread and closes the port.
    """

    def __init__(
        self,
        config: PortConfig,
        framing: FramingConfig | None = None,
        *,
        on_scan: Callable[[Scan], None],
        on_state: StateCallback | None = None,
        on_data: Callable[[bytes], None] | None = None,
        on_reject: Callable[[Rejection], None] | None = None,
    ) -> None:
        self.config = config
        self.framing = framing or FramingConfig()
        self._on_scan = on_scan
        self._on_state = on_state
        self._on_data = on_data
        self._on_reject = on_reject
        self._decoder = FrameDecoder(self.framing)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._state = ReaderState.DISCONNECTED
        self._message: Message | None = None
        self._device: str | None = None
        self._fatal = False  # the settings can never work: stop retrying

    # -- public ----------------------------------------------------------------------
    @property
    def state(self) -> ReaderState:
        with self._lock:
            return self._state

    @property
    def message(self) -> Message | None:
        with self._lock:
            return self._message

    @property
    def device(self) -> str | None:
        """The device currently open (``auto`` resolved), if any."""
        return self._device

    def is_running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if self.is_running():
            return
        self._stop.clear()
        self._thread = threading.Thread(
            target=self._run, name=f"scanner-{self.config.port}", daemon=True
        )
        self._thread.start()

    def stop(self, timeout: float = STOP_TIMEOUT) -> bool:
        """Stop the thread and close the port. True if it ended within ``timeout``."""
        self._stop.set()
        thread = self._thread
        if thread is None:
            return True
        if thread is not threading.current_thread():
            thread.join(timeout)
        ended = not thread.is_alive()
        if not ended:
            log.warning(
                "scanner reader on %s did not stop within %.1f s", self.config.port, timeout
            )
        return ended

    # -- the thread ------------------------------------------------------------------
    def _run(self) -> None:
        delay = FIRST_RETRY
        port = self.config.port
        try:
            while not self._stop.is_set():
                device = ports.resolve(port)
                if device is None:
                    self._set_state(
                        ReaderState.CONNECTING,
                        _msg(
                            QT_TRANSLATE_NOOP(
                                "messages", "No single known scanner found; waiting for one"
                            )
                        ),
                    )
                    delay = self._pause(delay, RECONNECT_CAP)
                    continue
                if not ports.port_present(device):
                    self._set_state(ReaderState.CONNECTING, _waiting(device))
                    delay = self._pause(delay, RECONNECT_CAP)
                    continue
                handle = self._open(device)
                if handle is None:
                    if self._fatal:
                        return
                    delay = self._pause(delay, ERROR_RETRY_CAP)
                    continue
                delay = FIRST_RETRY
                try:
                    self._device = device
                    self._set_state(
                        ReaderState.CONNECTED,
                        _msg(QT_TRANSLATE_NOOP("messages", "Connected to {port}"), port=device),
                    )
                    lost = self._pump(handle)
                finally:
                    self._device = None
                    self._close(handle)
                    self._decoder.reset()
                if lost:
                    self._set_state(
                        ReaderState.CONNECTING,
                        _msg(
                            QT_TRANSLATE_NOOP(
                                "messages", "Scanner port {port} lost; waiting for it to return"
                            ),
                            port=device,
                        ),
                    )
                    self._stop.wait(FIRST_RETRY)
        except Exception:  # a bug: log it, report an error state, never kill the app
            log.exception("scanner reader on %s failed", port)
            self._set_state(
                ReaderState.ERROR,
                _msg(QT_TRANSLATE_NOOP("messages", "Scanner reader failed; see the log")),
            )
            return
        self._set_state(ReaderState.DISCONNECTED, None)

    def _pause(self, delay: float, cap: float) -> float:
        self._stop.wait(delay)
        return min(delay * 2, cap)

    def _open(self, device: str) -> serial.Serial | None:
        config = self.config
        if self.state is not ReaderState.CONNECTING:
            self._set_state(
                ReaderState.CONNECTING,
                _msg(QT_TRANSLATE_NOOP("messages", "Connecting to {port}"), port=device),
            )
        handle = serial.Serial()
        try:
            handle.port = device
            handle.baudrate = config.baudrate
            handle.bytesize = config.bytesize
            handle.parity = config.parity
            handle.stopbits = config.stopbits
            handle.timeout = READ_TIMEOUT
            handle.write_timeout = READ_TIMEOUT
            handle.exclusive = True
            handle.open()
        except ValueError as exc:  # parameters the driver refuses: retrying cannot help
            log.error("scanner port %s: invalid settings: %s", device, exc)
            self._fatal = True
            self._set_state(
                ReaderState.ERROR,
                _msg(
                    QT_TRANSLATE_NOOP("messages", "Invalid settings for scanner port {port}"),
                    port=device,
                ),
            )
            return None
        except _PORT_ERRORS as exc:
            code = _errno_of(exc)
            log.info(
                "scanner port %s: open failed (%s, errno %s)", device, type(exc).__name__, code
            )
            if code in (errno.ENOENT, errno.ENODEV, errno.ENXIO):
                self._set_state(ReaderState.CONNECTING, _waiting(device))
            elif code in (errno.EACCES, errno.EPERM):
                self._set_state(
                    ReaderState.ERROR,
                    _msg(
                        QT_TRANSLATE_NOOP("messages", "No permission to open scanner port {port}"),
                        port=device,
                    ),
                )
            elif code in (errno.EBUSY, errno.EAGAIN, errno.EWOULDBLOCK):
                self._set_state(
                    ReaderState.ERROR,
                    _msg(
                        QT_TRANSLATE_NOOP(
                            "messages", "Scanner port {port} is in use by another program"
                        ),
                        port=device,
                    ),
                )
            else:
                self._set_state(
                    ReaderState.ERROR,
                    _msg(
                        QT_TRANSLATE_NOOP(
                            "messages",
                            "Cannot open scanner port {port} (in use, or not a serial port)",
                        ),
                        port=device,
                    ),
                )
            return None
        log.info(
            "scanner port %s open (%d %d%s%s)",
            device,
            config.baudrate,
            config.bytesize,
            config.parity,
            config.stopbits,
        )
        return handle

    def _pump(self, handle: serial.Serial) -> bool:
        """Read until stopped (False) or the port fails (True)."""
        decoder = self._decoder
        while not self._stop.is_set():
            try:
                waiting = handle.in_waiting
                data = handle.read(waiting or 1)
            except _PORT_ERRORS as exc:
                log.info(
                    "scanner port %s lost (%s, errno %s)",
                    self._device,
                    type(exc).__name__,
                    _errno_of(exc),
                )
                return True
            now = time.monotonic()
            if data:
                self._call(self._on_data, data)
                events = decoder.feed_events(data, now, buffered=waiting > 0)
            else:
                events = decoder.poll_events(now)
            for event in events:
                if isinstance(event, Scan):
                    log.info(
                        "scan %s%s", event.code, f" ({event.symbology})" if event.symbology else ""
                    )
                    self._call(self._on_scan, event)
                else:
                    self._call(self._on_reject, event)
        return False

    @staticmethod
    def _close(handle: serial.Serial) -> None:
        try:
            handle.close()
        except _PORT_ERRORS as exc:
            log.debug("closing the scanner port failed: %s", type(exc).__name__)

    def _set_state(self, state: ReaderState, message: Message | None) -> None:
        with self._lock:
            if state is self._state and message == self._message:
                return
            self._state = state
            self._message = message
        log.info(
            "scanner %s: %s%s", self.config.port, state.value, f" — {message}" if message else ""
        )
        self._call(self._on_state, state, message)

    @staticmethod
    def _call(callback: Callable[..., None] | None, *args: Any) -> None:
        if callback is None:
            return
        try:
            callback(*args)
        except Exception:
            log.exception("scanner callback failed")


def _msg(template: str, **params: Any) -> Message:
    return Message(template, params)


def _waiting(device: str) -> Message:
    return _msg(
        QT_TRANSLATE_NOOP("messages", "Scanner port {port} not present; waiting for it"),
        port=device,
    )
