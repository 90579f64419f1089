"""Keyboard-wedge scanners: a scanner that types its code as keystrokes, ending in Enter.

:class:`WedgeFilter` is an application-wide event filter. It watches the key presses that
go to whatever has the focus. Printable keys are held back briefly; if they keep coming
at scanner speed (each within ``max_interval_ms`` of the last) and end in Enter after at
least ``min_length`` characters, the burst is emitted as a :class:`Scan` and never reaches
the focused field. If the burst stops, slows down, or is broken by another key, it was a
person typing: the held keys are replayed to their target, in order, and typing goes on
as if nothing happened (the first key of each word appears ``max_interval_ms`` late).

Input methods: a Chinese input method in its native mode (Microsoft Pinyin, Sogou) takes
the scanner's keys before Qt sees them as key presses: the letters arrive as composition
updates (``QInputMethodEvent`` pre-edit text, one per key) and the scanner's Enter makes
the input method commit the raw letters. The filter recognises that by the same timing:
at least ``min_length`` composition updates at scanner speed, then a commit of code-like
text (ASCII once full-width forms are folded) within the interval, is a scan; the commit
is held back from the field and its pre-edit is cleared. Characters the input method
commits one at a time (digits, punctuation) are held and given back like keys. When a
code-like commit arrives with no such burst before it, timing cannot tell a scan from a
person: it goes to the field as typed, and :attr:`WedgeFilter.imeIntercepted` is emitted
so that the user can be told to switch the input method to English. Fields meant to
receive scans still turn ``Qt.WA_InputMethodEnabled`` off, which avoids all of this.

QtCore and QtGui only; no widgets.
"""

from __future__ import annotations

import logging
import re
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QInputMethodEvent, QKeyEvent, QWindow

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
# What a committed text must look like to be taken for a code: printable ASCII without
# spaces (after folding full-width forms, which a Chinese input method may produce).
_CODE_LIKE = re.compile(r"[!-~]+")


def fold_code_text(text: str) -> str:
    """``text`` with full-width forms folded to ASCII (NFKC) and ends stripped."""
    return unicodedata.normalize("NFKC", text).strip()


def looks_like_code(text: str, min_length: int) -> bool:
    folded = fold_code_text(text)
    return len(folded) >= min_length and _CODE_LIKE.fullmatch(folded) is not None


@dataclass
class _HeldKey:
    target: QObject
    key: int
    modifiers: Qt.KeyboardModifier
    text: str
    native_scan_code: int
    native_virtual_key: int
    native_modifiers: int
    committed: bool = False  # text an input method committed, not a key press


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
    # A code-like text came through an input method whose timing did not tell whether a
    # scanner or a person produced it (the input method is probably in Chinese mode).
    imeIntercepted = Signal()
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
        # Composition updates at scanner speed, and when the last came (input methods).
        self._composed = 0
        self._composed_last = 0.0
        self._composed_target = 0
        self._ime_scan_at: float | None = None
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
        if self._replaying:
            return False
        if etype == QEvent.Type.InputMethod:
            if not isinstance(event, QInputMethodEvent) or isinstance(watched, QWindow):
                return False
            focus = QGuiApplication.focusObject()
            if focus is not None and _pointer(focus) != _pointer(watched):
                return False
            return self._input_method(watched, event)
        if etype not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
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
            if self._ime_scan_at is not None and now - self._ime_scan_at <= self._max_interval:
                # The scanner's Enter after the input method committed its code.
                self._ime_scan_at = None
                self._swallow(key)
                return True
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
        self._give_back_if_broken(target, now)
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

    def _input_method(self, target: QObject, event: QInputMethodEvent) -> bool:
        now = self._clock()
        preedit, commit = event.preeditString(), event.commitString()
        fast = now - self._composed_last <= self._max_interval
        if not fast or self._composed_target != _pointer(target):
            self._composed = 0
        self._composed_last = now
        self._composed_target = _pointer(target)
        if not commit:
            if preedit:
                self._composed += 1
            return False
        burst = fast and self._composed >= self._min_length
        self._composed = 0
        if burst and not preedit and looks_like_code(commit, self._min_length):
            # Composed at scanner speed and committed by the scanner's Enter: a scan.
            self._give_back()
            self._ime_scan_at = now
            self._clear_preedit(target)
            self._emit_text(fold_code_text(commit))
            return True
        if len(commit) == 1 and not preedit and commit.isprintable() and not event.attributes():
            # One character committed directly (a digit in Chinese mode): held like a key.
            self._hold_commit(target, commit, now)
            return True
        self._give_back()
        if looks_like_code(commit, self._min_length):
            log.info("a code-like text came through the input method; timing cannot tell")
            self.imeIntercepted.emit()
        return False

    def _give_back_if_broken(self, target: QObject, now: float) -> None:
        """Give back what is held when the burst slowed down or moved to another target."""
        if self._held and (
            now - self._last > self._max_interval
            or _pointer(self._held[0].target) != _pointer(target)
        ):
            self._give_back()

    def _hold_commit(self, target: QObject, text: str, now: float) -> None:
        self._give_back_if_broken(target, now)
        self._held.append(_HeldKey(target, 0, Qt.KeyboardModifier.NoModifier, text, 0, 0, 0, True))
        self._last = now
        self._timer.start()

    def _clear_preedit(self, target: QObject) -> None:
        """End the composition the field shows, committing nothing."""
        self._replaying = True
        try:
            QCoreApplication.sendEvent(target, QInputMethodEvent())
        finally:
            self._replaying = False

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
        held, self._held = self._held, []
        text = "".join(k.text for k in held)
        self._emit_text(fold_code_text(text) if any(k.committed for k in held) else text)

    def _emit_text(self, text: str) -> None:
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
                if k.committed:
                    commit = QInputMethodEvent()
                    commit.setCommitString(k.text)
                    QCoreApplication.sendEvent(k.target, commit)
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
