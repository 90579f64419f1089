"""Background work that always calls back on the GUI thread.

``TaskRunner.run(fn, on_done=..., on_error=...)`` runs ``fn`` on a worker thread and
delivers its result (or exception) through queued signals, so callbacks touch widgets
safely. Database writes go through ``run_write`` on a single-thread pool: they are
serialised, never racing each other. A task that accepts a ``progress`` keyword gets a
:class:`Progress` to report steps and to check for cancellation.
"""

from __future__ import annotations

import inspect
import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger("workbench.ui.tasks")


class Cancelled(Exception):
    """Raised inside a task when the user cancelled it."""


class Progress(QObject):
    """Progress reporting and cancellation for one task."""

    changed = Signal(int, int, str)  # done, total, text

    def __init__(self) -> None:
        super().__init__()
        self._cancel = threading.Event()

    def report(self, done: int, total: int, text: str = "") -> None:
        if self._cancel.is_set():
            raise Cancelled
        self.changed.emit(done, total, text)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object, str)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self.fn = fn
        self.signals = signals
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:
            self.signals.failed.emit(exc, traceback.format_exc())
        else:
            self.signals.done.emit(result)


class TaskRunner(QObject):
    """Runs callables off the GUI thread; callbacks arrive on the GUI thread."""

    error = Signal(object, str)  # an exception no caller handled, with its traceback

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max(2, QThreadPool.globalInstance().maxThreadCount()))
        self._writes = QThreadPool(self)
        self._writes.setMaxThreadCount(1)
        self._live: set[_Signals] = set()

    def run(
        self,
        fn: Callable[..., Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        progress: Progress | None = None,
        *,
        write: bool = False,
    ) -> None:
        signals = _Signals()
        self._live.add(signals)

        def finished(result: Any) -> None:
            self._live.discard(signals)
            if on_done is not None:
                on_done(result)

        def failed(exc: BaseException, tb: str) -> None:
            self._live.discard(signals)
            if isinstance(exc, Cancelled):
                log.info("task cancelled")
                return
            if on_error is not None:
                on_error(exc)
            else:
                self.error.emit(exc, tb)

        signals.done.connect(finished)
        signals.failed.connect(failed)
        call: Callable[[], Any]
        if progress is not None and "progress" in inspect.signature(fn).parameters:
            call = lambda: fn(progress=progress)  # noqa: E731
        else:
            call = fn
        (self._writes if write else self._pool).start(_Job(call, signals))

    def run_write(
        self,
        fn: Callable[..., Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        self.run(fn, on_done, on_error, write=True)

    @Slot()
    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for every running task (used at exit and in tests)."""
        return self._pool.waitForDone(msecs) and self._writes.waitForDone(msecs)
