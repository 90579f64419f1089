"""The one way non-dialog code tells the user something.

Widgets call ``ctx.messages.error(...)``/``info(...)``; the bridge shows a dialog or a
status-bar note and logs the message. Tests replace the bridge's ``sink`` to collect
messages instead of opening dialogs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from workbench import i18n
from workbench.domain.messages import UserError

log = logging.getLogger("workbench.ui")

Sink = Callable[[str, str, str], None]  # level, title, text


class MessageBridge(QObject):
    status = Signal(str, int)  # text, timeout ms: for the main window's status bar

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._parent = parent
        self.sink: Sink | None = None

    def set_parent_widget(self, widget: QWidget) -> None:
        self._parent = widget

    def _show(self, level: str, title: str, text: str) -> None:
        getattr(log, "warning" if level == "error" else "info")("%s: %s", title, text)
        if self.sink is not None:
            self.sink(level, title, text)
            return
        if level == "error":
            QMessageBox.critical(self._parent, title, text)
        elif level == "warning":
            QMessageBox.warning(self._parent, title, text)
        else:
            QMessageBox.information(self._parent, title, text)

    def error(self, text: str, title: str = "") -> None:
        self._show("error", title or self.tr("Error"), text)

    def warning(self, text: str, title: str = "") -> None:
        self._show("warning", title or self.tr("Warning"), text)

    def info(self, text: str, title: str = "") -> None:
        self._show("info", title or self.tr("Information"), text)

    def note(self, text: str, timeout_ms: int = 5000) -> None:
        """A passing note in the status bar; never blocks the user."""
        log.info("note: %s", text)
        if self.sink is not None:
            self.sink("note", "", text)
        self.status.emit(text, timeout_ms)

    def exception(self, exc: BaseException) -> None:
        """Show a user error or a storage problem plainly; anything else is a bug for the
        crash hook."""
        from workbench.data.backup import describe_error

        if isinstance(exc, UserError):
            self.error(describe_error(exc, i18n.translate))
        else:
            raise exc
