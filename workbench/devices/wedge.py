"""Keyboard-wedge scanners: a scanner that types its code as keystrokes, ending in Enter.

:class:`WedgeFilter` is an application-wide event filter. It watches the key presses that
go to whatever has the focus. Printable keys are held back briefly; if they keep coming
at scanner speed (each within ``max_interval_ms`` of the last) and end in Enter after at
least ``min_length`` characters, the burst is emitted as a :class:`Scan` and never reaches
the focused field. If the burst stops, slows down, or is broken by another key, it was a
person typing: the held keys are replayed to their target, in order, and typing goes on
as if nothing happened (the first key of each word appears ``max_interval_ms`` late).

Input methods: a Chinese input method in its native mode composes the scanner's letters
into candidates before Qt sees them as key presses, so nothing here can recognise the
scan. Keyboard-mode scanners need the input method switched to English (or off), and a
field meant to receive scans should have ``Qt.WA_InputMethodEnabled`` turned off.

QtCore and QtGui only; no widgets.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QWindow

from workbench.devices.framing import Scan, split_symbology

log = logging.getLogger("workbench.devices")

DEFAULT_MAX_INTERVAL_MS = 35
DEFAULT_MIN_LENGTH = 4

_ENTER_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})
_MODIFIER_KEYS = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta,
        Qt.Key.Key_CapsLock,
        Qt.Key.Key_NumLock,
    }
)
# Modifiers a scanner may send with a printable key (Shift for capitals, keypad digits).
_TEXT_MODIFIERS = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier


@dataclass
class _HeldKey:
    target: QObject
    key: int
    modifiers: Qt.KeyboardModifier
    text: str
    native_scan_code: int
    native_virtual_key: int
    native_modifiers: int


def _pointer(obj: QObject | None) -> int:
    if obj is None or not shiboken6.isValid(obj):
        return 0
    return int(shiboken6.getCppPointer(obj)[0])


class WedgeFilter(QObject):
    """Recognises keyboard-wedge scans anywhere in the application.

    ``install()`` puts the filter on the application; ``scanned(Scan)`` is emitted from
    the event loop (queued), after the key events have been handled.
    """

    scanned = Signal(object)
    _found = Signal(object)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        max_interval_ms: int = DEFAULT_MAX_INTERVAL_MS,
        min_length: int = DEFAULT_MIN_LENGTH,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._max_interval = max_interval_ms / 1000
        self._min_length = max(1, min_length)
        self._held: list[_HeldKey] = []
        self._last = 0.0
        self._swallow_release: dict[int, int] = {}  # key -> releases still to swallow
        self._replaying = False
        self._installed_on: QCoreApplication | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._give_back)
        self._timer.setInterval(max(1, max_interval_ms))
        self._found.connect(self.scanned, Qt.ConnectionType.QueuedConnection)

    # -- configuration ---------------------------------------------------------------
    def set_thresholds(self, max_interval_ms: int, min_length: int) -> None:
        self._max_interval = max_interval_ms / 1000
        self._min_length = max(1, min_length)
        self._timer.setInterval(max(1, max_interval_ms))

    @property
    def max_interval_ms(self) -> int:
        return round(self._max_interval * 1000)

    @property
    def min_length(self) -> int:
        return self._min_length

    def install(self, app: QCoreApplication | None = None) -> None:
        app = app or QCoreApplication.instance()
        if app is None:
            raise RuntimeError("no application to install the keyboard-wedge filter on")
        if self._installed_on is not None:
            return
        app.installEventFilter(self)
        self._installed_on = app

    def uninstall(self) -> None:
        self._give_back()
        if self._installed_on is not None and shiboken6.isValid(self._installed_on):
            self._installed_on.removeEventFilter(self)
        self._installed_on = None

    # -- the filter ------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        etype = event.type()
        if etype not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease) or self._replaying:
            return False
        if not isinstance(event, QKeyEvent) or isinstance(watched, QWindow):
            return False
        if etype == QEvent.Type.KeyRelease:
            return self._release(event)
        focus = QGuiApplication.focusObject()
        if focus is not None and _pointer(focus) != _pointer(watched):
            return False  # a key press propagating to a parent, or sent elsewhere
        return self._press(watched, event)

    def _press(self, target: QObject, event: QKeyEvent) -> bool:
        key = event.key()
        if key in _MODIFIER_KEYS:
            return False
        now = self._clock()
        text = event.text()
        if key in _ENTER_KEYS:
            if (
                self._held
                and now - self._last <= self._max_interval
                and len(self._held) >= self._min_length
                and not event.isAutoRepeat()
            ):
                self._emit_scan()
                self._swallow(key)
                return True
            self._give_back()
            return False
        printable = (
            len(text) == 1
            and text.isprintable()
            and not (event.modifiers() & ~_TEXT_MODIFIERS)
            and not event.isAutoRepeat()
        )
        if not printable:
            self._give_back()
            return False
        if self._held and (
            now - self._last > self._max_interval
            or _pointer(self._held[0].target) != _pointer(target)
        ):
            self._give_back()
        self._held.append(
            _HeldKey(
                target,
                key,
                event.modifiers(),
                text,
                event.nativeScanCode(),
                event.nativeVirtualKey(),
                event.nativeModifiers(),
            )
        )
        self._last = now
        self._swallow(key)
        self._timer.start()
        return True

    def _release(self, event: QKeyEvent) -> bool:
        key = event.key()
        pending = self._swallow_release.get(key, 0)
        if not pending or event.isAutoRepeat():
            return False
        if pending == 1:
            del self._swallow_release[key]
        else:
            self._swallow_release[key] = pending - 1
        return True

    def _swallow(self, key: int) -> None:
        self._swallow_release[key] = self._swallow_release.get(key, 0) + 1

    # -- outcomes --------------------------------------------------------------------
    def _emit_scan(self) -> None:
        self._timer.stop()
        text = "".join(k.text for k in self._held)
        self._held.clear()
        symbology, code = split_symbology(text)
        code = code.strip()
        if not code:
            return
        log.info("keyboard-wedge scan %s", code)
        self._found.emit(Scan(code, symbology, text.encode("utf-8")))

    def _give_back(self) -> None:
        """Replay held keys to their targets: it was a person typing."""
        self._timer.stop()
        if not self._held:
            return
        held, self._held = self._held, []
        self._replaying = True
        try:
            for k in held:
                if not shiboken6.isValid(k.target):
                    continue
                for etype in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    replay = QKeyEvent(
                        etype,
                        k.key,
                        k.modifiers,
                        k.native_scan_code,
                        k.native_virtual_key,
                        k.native_modifiers,
                        k.text,
                    )
                    QCoreApplication.sendEvent(k.target, replay)
        finally:
            self._replaying = False
