"""What a UI test must not leave behind: threads, busy thread pools, open windows.

:func:`check_leaks` wraps one test: it notes the threads and top-level widgets that exist
before it, and afterwards (once pytest-qt has closed the test's widgets and the fixtures
are torn down) fails the test naming every thread still running that it started, every
task runner or thread pool still busy after a grace period, and every top-level widget
it opened that is still shown or not yet deleted.
"""

from __future__ import annotations

import threading
import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool
from PySide6.QtWidgets import QApplication, QWidget

from workbench.ui.common import tasks

GRACE_S = 5.0

# Every task runner made while tests run, to check that none is still busy after its test.
_runners: weakref.WeakSet[tasks.TaskRunner] = weakref.WeakSet()
_runner_init = tasks.TaskRunner.__init__


def _tracking_init(self: tasks.TaskRunner, *args: object, **kwargs: object) -> None:
    _runner_init(self, *args, **kwargs)  # type: ignore[arg-type]
    _runners.add(self)


tasks.TaskRunner.__init__ = _tracking_init  # type: ignore[method-assign]


def python_threads() -> set[threading.Thread]:
    # Threads Qt started and Python code ran on show up as dummies that never end; the
    # thread pools are checked through Qt instead.
    return {t for t in threading.enumerate() if not isinstance(t, threading._DummyThread)}


def _key(widget: QWidget) -> int:
    return int(shiboken6.getCppPointer(widget)[0])


def _top_levels() -> dict[int, QWidget]:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return {}
    return {_key(w): w for w in app.topLevelWidgets() if shiboken6.isValid(w)}


def top_level_keys() -> set[int]:
    return set(_top_levels())


def _describe(widget: QWidget) -> str:
    name = type(widget).__name__
    if widget.objectName():
        name += f" {widget.objectName()!r}"
    if widget.windowTitle():
        name += f" titled {widget.windowTitle()!r}"
    return name + (" (visible)" if widget.isVisible() else " (hidden, not deleted)")


def _flush_deletes() -> None:
    if QCoreApplication.instance() is None:
        return
    for _ in range(3):  # a deletion can post another one (a child's deleteLater)
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def leftovers(
    threads_before: set[threading.Thread], widgets_before: set[int], grace_s: float = GRACE_S
) -> list[str]:
    """What was started or opened since the ``before`` sets and is still there after
    ``grace_s`` seconds of waiting for it to end."""
    found: list[str] = []
    deadline = time.monotonic() + grace_s
    for runner in list(_runners):
        if shiboken6.isValid(runner):
            left_ms = max(0, int((deadline - time.monotonic()) * 1000))
            if not runner.wait(left_ms):
                parent = runner.parent()
                owner = type(parent).__name__ if parent is not None else "no parent"
                found.append(f"a TaskRunner (of {owner}) still busy after {grace_s:g} s")
    pool = QThreadPool.globalInstance()
    pool.waitForDone(max(0, int((deadline - time.monotonic()) * 1000)))
    if pool.activeThreadCount():
        found.append(f"the global QThreadPool has {pool.activeThreadCount()} active threads")
    for thread in python_threads() - threads_before:
        thread.join(max(0.0, deadline - time.monotonic()))
        if thread.is_alive():
            found.append(f"thread {thread.name!r} ({type(thread).__name__}) still running")
    _flush_deletes()
    for key, widget in _top_levels().items():
        if key not in widgets_before:
            found.append(f"top-level widget {_describe(widget)}")
    return found


@contextmanager
def check_leaks() -> Iterator[None]:
    threads_before = python_threads()
    widgets_before = top_level_keys()
    yield
    found = leftovers(threads_before, widgets_before)
    if found:
        pytest.fail("the test left behind:\n  " + "\n  ".join(found), pytrace=False)
