"""One GUI per store: a second start on the same store raises the running window.

The first GUI on a store holds a lock file (QLockFile, in the config folder, named after
the store). A second start finds the lock held, leaves a request file beside it and waits
for the first to take it (the first looks for one twice a second), then exits 0; the first
comes to the front. A lock left by a crashed process is stale (its process is gone) and
taken over, as is one whose holder does not answer. Command-line work (backup, verify,
...) takes no lock: it runs beside the GUI as before. (A file, not QLocalServer: the
frozen build leaves QtNetwork out, and a request a second apart needs no socket.)
"""

from __future__ import annotations

import hashlib
import logging
import sys
from collections.abc import Callable

from PySide6.QtCore import QLockFile, QObject, QTimer

from workbench import config

log = logging.getLogger("workbench.ui.single_instance")

# The named mutex the installer's AppMutex waits for (installer/workbench.iss).
WINDOWS_MUTEX = "WorkbenchMaintenanceRunning"
LOCK_WAIT_MS = 200
POLL_MS = 500
ANSWER_WAIT_S = 3.0


def store_key(url: str) -> str:
    """A short name for the store at ``url`` (the same file gives the same name)."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database:
        from pathlib import Path

        text = "sqlite:" + str(Path(parsed.database).expanduser().resolve())
    else:
        text = parsed.render_as_string(hide_password=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class SingleInstance(QObject):
    """The lock and the socket of one store's GUI."""

    def __init__(self, url: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        key = store_key(url)
        self.name = f"workbench-{key}"
        folder = config.config_dir()
        folder.mkdir(parents=True, exist_ok=True)
        self.lock = QLockFile(str(folder / f"instance-{key}.lock"))
        self.request = folder / f"instance-{key}.raise"
        # Held as long as the GUI runs; stale only when its process has died.
        self.lock.setStaleLockTime(0)
        self.timer: QTimer | None = None

    def acquire(self) -> bool:
        """Whether this process is the store's first GUI (and now holds the lock)."""
        if self.lock.tryLock(LOCK_WAIT_MS):
            return True
        if self.lock.error() == QLockFile.LockError.LockFailedError:
            return False  # another live process holds it
        log.warning("the instance lock %s: %s", self.lock.fileName(), self.lock.error())
        return True  # cannot tell: better a second window than none

    def take_over(self) -> bool:
        """The lock's holder did not answer: its PID belongs to another program now (the
        GUI crashed and the number was reused). Take the lock over."""
        log.warning("the instance lock %s is held by no workbench: taken over", self.name)
        return self.lock.removeStaleLockFile() and self.lock.tryLock(LOCK_WAIT_MS)

    def listen(self, on_raise: Callable[[], None]) -> None:
        """Serve later starts: a request file found calls ``on_raise`` (and is taken)."""
        self.request.unlink(missing_ok=True)  # one left by a crash

        def look() -> None:
            if self.request.exists():
                self.request.unlink(missing_ok=True)  # the answer the second start waits for
                log.info("a second start on this store: raising the window")
                on_raise()

        timer = QTimer(self)
        timer.setInterval(POLL_MS)
        timer.timeout.connect(look)
        timer.start()
        self.timer = timer

    def forward(self) -> bool:
        """Ask the running GUI to come to the front; whether it answered in time."""
        import time

        self.request.write_text("raise\n", encoding="ascii")
        deadline = time.monotonic() + ANSWER_WAIT_S
        while time.monotonic() < deadline:
            if not self.request.exists():
                return True
            time.sleep(0.05)
        self.request.unlink(missing_ok=True)
        log.warning("the running workbench does not answer (%s)", self.request)
        return False

    def release(self) -> None:
        if self.timer is not None:
            self.timer.stop()
        self.lock.unlock()


def hold_installer_mutex() -> object | None:
    """On Windows, a named mutex held while the GUI runs: Setup's AppMutex asks the user
    to close the workbench before it replaces its files. The handle (or None elsewhere)
    must be kept alive; Windows releases it when the process ends."""
    if sys.platform != "win32":
        return None
    import ctypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined,unused-ignore]
    handle = kernel32.CreateMutexW(None, False, WINDOWS_MUTEX)
    if not handle:
        log.warning("could not create the installer mutex: %s", ctypes.get_last_error())  # type: ignore[attr-defined,unused-ignore]
    return handle


def bring_to_front(window: object) -> None:
    """Show, un-minimise and activate a top-level window."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget

    assert isinstance(window, QWidget)
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
