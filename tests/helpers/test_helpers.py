"""The test machinery itself: Qt's complaints fail a test; leaks are found and named."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import qWarning
from PySide6.QtWidgets import QDialog, QWidget

from tests.helpers import leaks, qtlog
from workbench.ui.common.tasks import TaskRunner

pytest_plugins = ("pytester",)
ROOT = Path(__file__).resolve().parents[2]


def test_a_qt_warning_is_caught_with_its_thread(qapp: Any) -> None:
    worker = threading.Thread(target=lambda: qWarning("from a worker"), name="worker-1")
    worker.start()
    worker.join()
    qWarning("This plugin does not support propagateSizeHints()")  # allowed: offscreen
    taken = qtlog._messages.take()  # taken here, so that this test does not fail
    assert [str(m) for m in taken] == ["Qt warning on thread 'worker-1': from a worker"]


INNER = """
import pytest
from PySide6.QtCore import qWarning


def test_quiet(qapp):
    pass


def test_warns(qapp):
    qWarning("QObject::connect: No such signal QObject::nothing()")


@pytest.fixture
def complains_at_teardown(qapp):
    yield
    qWarning("QBasicTimer can only be used with threads started with QThread")


def test_warns_at_teardown(complains_at_teardown):
    pass


def test_allowed(qapp):
    qWarning("This plugin does not support raise()")
"""


def test_the_test_that_caused_a_warning_fails(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_inner=INNER)
    pytester.syspathinsert(ROOT)
    result = pytester.runpytest_subprocess(
        "-p", "tests.helpers.qtlog", "--no-qt-log", "-p", "no:cacheprovider", "-p", "no:xdist"
    )
    result.assert_outcomes(passed=3, failed=1, errors=1)
    result.stdout.fnmatch_lines(
        [
            "*Qt complained during call of test_inner.py::test_warns*",
            "*QObject::connect: No such signal*",
        ]
    )
    result.stdout.fnmatch_lines(["*Qt complained during teardown of *test_warns_at_teardown*"])


def test_a_thread_left_running_is_named(qapp: Any) -> None:
    before = leaks.python_threads()
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, name="forgotten-reader", daemon=True)
    thread.start()
    try:
        found = leaks.leftovers(before, leaks.top_level_keys(), grace_s=0.1)
    finally:
        stop.set()
        thread.join()
    assert found == ["thread 'forgotten-reader' (Thread) still running"]
    assert leaks.leftovers(before, leaks.top_level_keys(), grace_s=0.1) == []


def test_a_busy_task_runner_is_found(qapp: Any) -> None:
    runner = TaskRunner()
    release = threading.Event()
    runner.run(lambda: release.wait(10))
    try:
        found = leaks.leftovers(leaks.python_threads(), leaks.top_level_keys(), grace_s=0.1)
    finally:
        release.set()
        assert runner.wait()
    assert found == ["a TaskRunner (of no parent) still busy after 0.1 s"]


def test_windows_left_open_or_undeleted_are_named(qapp: Any) -> None:
    before = leaks.top_level_keys()
    shown = QDialog()
    shown.setWindowTitle("Sign off")
    shown.show()
    hidden = QWidget()
    hidden.setObjectName("scratch")
    closed = QWidget()
    closed.show()
    closed.close()
    closed.deleteLater()  # closed and deleted: not a leak
    del closed
    found = leaks.leftovers(leaks.python_threads(), before, grace_s=0.1)
    assert sorted(found) == [
        "top-level widget QDialog titled 'Sign off' (visible)",
        "top-level widget QWidget 'scratch' (hidden, not deleted)",
    ]
    shown.close()
    del shown, hidden
    assert leaks.leftovers(leaks.python_threads(), before, grace_s=0.1) == []
