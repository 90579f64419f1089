"""Qt's warnings fail the test that caused them.

Qt reports misuse (a signal connected to nothing, a timer started from a foreign thread,
a widget painted after deletion) through its message handler and carries on, so a test
can pass while the program prints ``QObject::connect: ...`` on every run. This plugin
installs one message handler for the whole session; a warning, critical or fatal message
makes the phase (setup, call or teardown) in which it arrived fail, with the messages
listed, unless the message is on :data:`ALLOWED` below (each with the reason it is harmless).

Messages are collected from any thread (Qt calls the handler on the thread that emits)
and handed to the test whose report is made next. pytest-qt's own capture (``qt_log``)
is turned off in ``pyproject.toml`` (``--no-qt-log``): it would replace this handler
during each test and forget the teardown.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Generator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

# (pattern, why it is harmless). A pattern is searched in the message (re.search).
ALLOWED: tuple[tuple[str, str], ...] = (
    (
        r"^This plugin does not support propagateSizeHints\(\)$",
        "the offscreen platform (QT_QPA_PLATFORM=offscreen) has no window manager to pass "
        "a window's size hints to; it says so for every window shown",
    ),
    (
        r"^This plugin does not support raise\(\)$",
        "the offscreen platform has no window stacking: raising a window (a dialog "
        "brought to the front, QWidget.raise_) is a no-op there",
    ),
)
_ALLOWED = [re.compile(pattern) for pattern, _why in ALLOWED]

_FAILING = {QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg}
_NAMES = {
    QtMsgType.QtWarningMsg: "warning",
    QtMsgType.QtCriticalMsg: "critical",
    QtMsgType.QtFatalMsg: "fatal",
}


@dataclass(frozen=True)
class QtMessage:
    level: str
    category: str
    text: str
    thread: str

    def __str__(self) -> str:
        where = f" [{self.category}]" if self.category and self.category != "default" else ""
        return f"Qt {self.level}{where} on thread {self.thread!r}: {self.text}"


class QtMessages:
    """The Qt messages that fail a test, collected since they were last taken."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pending: list[QtMessage] = []

    def handle(self, kind: QtMsgType, context: QMessageLogContext, text: str) -> None:
        if kind not in _FAILING or any(p.search(text) for p in _ALLOWED):
            return
        message = QtMessage(
            _NAMES[kind], context.category or "", text, threading.current_thread().name
        )
        with self._lock:
            self._pending.append(message)

    def take(self) -> list[QtMessage]:
        with self._lock:
            taken, self._pending = self._pending, []
        return taken


_messages = QtMessages()
# Messages that came outside any test (collection, session start): reported at the end.
_outside: list[QtMessage] = []


def pytest_configure(config: pytest.Config) -> None:
    qInstallMessageHandler(_messages.handle)


def pytest_unconfigure(config: pytest.Config) -> None:
    qInstallMessageHandler(None)


def pytest_collection_finish(session: pytest.Session) -> None:
    _outside.extend(_messages.take())


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    taken = _messages.take()
    if not taken:
        return report
    listing = "\n".join(str(m) for m in taken)
    report.sections.append((f"Qt messages ({call.when})", listing))
    if report.passed:
        report.outcome = "failed"
        report.longrepr = (
            f"Qt complained during {call.when} of {item.nodeid} "
            f"(tests/helpers/qtlog.py lists the allowed messages):\n{listing}"
        )
    return report


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _outside.extend(_messages.take())
    if not _outside:
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_sep("=", "Qt messages outside any test", red=True)
        for message in _outside:
            reporter.write_line(str(message))
    session.exitstatus = pytest.ExitCode.TESTS_FAILED
