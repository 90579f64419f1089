"""The last line of defence: an excepthook that logs and tells the user in Chinese.

Errors the user can act on (``UserError``: bad input, a store problem) get a plain message;
anything else is a bug: logged with its traceback, and a dialog says where the log is.
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from workbench import i18n, logsetup
from workbench.domain.messages import UserError

log = logging.getLogger("workbench.crash")
_showing = False


def _message_for(exc: BaseException) -> tuple[str, bool]:
    """(text, is_bug)"""
    if isinstance(exc, UserError):
        from workbench.data.backup import describe_error

        return describe_error(exc, i18n.translate), False
    text = QCoreApplication.translate(
        "crash",
        "An unexpected error occurred. Your saved data is safe; the last action may not have been completed.\n\nDetails were written to the log:\n{log}",  # noqa: E501
    ).format(log=logsetup.log_file())
    return text, True


def handle(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    global _showing
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    logsetup.attach_file()  # a crash before the first frame still reaches the file
    text, is_bug = _message_for(exc)
    if is_bug:
        log.error("unhandled exception\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
    else:
        log.warning("error shown to the user: %s", text)
    app = QApplication.instance()
    if app is None or _showing:
        return
    _showing = True
    try:
        box = QMessageBox(
            QMessageBox.Icon.Critical if is_bug else QMessageBox.Icon.Warning,
            QCoreApplication.translate("crash", "Maintenance Workbench"),
            text,
        )
        if is_bug:
            box.setDetailedText("".join(traceback.format_exception(exc_type, exc, tb)))
        box.exec()
    finally:
        _showing = False


def install() -> None:
    sys.excepthook = handle
