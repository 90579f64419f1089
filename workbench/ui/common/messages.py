"""The one way non-dialog code tells the user something.

Widgets call ``ctx.messages.error(...)``/``info(...)``; the bridge shows a dialog or a
status-bar note and logs the message. Tests replace the bridge's ``sink`` to collect
messages instead of opening dialogs.

A save refused because someone else changed the record meanwhile (``RecordChangedError``)
is not only told: :meth:`MessageBridge.exception` given a ``reload`` opens a question
that offers to reload the record (:meth:`MessageBridge.offer_reload`), whether or not a
sink is set, since it needs an answer.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
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
        # The open "changed by someone else" question, if any (for tests and to close it).
        self.reload_box: QMessageBox | None = None

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

    def exception(self, exc: BaseException, reload: Callable[[], None] | None = None) -> None:
        """Show a user error or a storage problem plainly; anything else is a bug for the
        crash hook. With ``reload`` (what shows the record as it is now), a save refused
        because someone else changed the record offers that reload."""
        from workbench.data.backup import describe_error
        from workbench.data.errors import RecordChangedError

        if reload is not None and isinstance(exc, RecordChangedError):
            self.offer_reload(i18n.render(exc), reload)
        elif isinstance(exc, UserError):
            self.error(describe_error(exc, i18n.translate))
        else:
            raise exc

    def offer_reload(self, text: str, reload: Callable[[], None]) -> QMessageBox:
        """Say that the record changed under the user's edit and offer to reload it.

        Opened, not exec'd: nothing blocks. "Reload" runs ``reload``; "Cancel" leaves what
        the user typed on screen (to copy it), and a later save is refused again until
        the record is reloaded."""
        log.info("changed by someone else: %s", text)
        if self.reload_box is not None:
            self.reload_box.close()
        box = QMessageBox(self._parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Changed by someone else"))
        box.setText(text)
        box.setInformativeText(
            self.tr(
                "Your change was not saved. Reload shows the record as it is now; what you "
                "typed and did not save is then replaced."
            )
        )
        reload_button = box.addButton(self.tr("Reload"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(reload_button)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def finished(_result: int) -> None:
            if self.reload_box is box:
                self.reload_box = None
            if box.clickedButton() is reload_button:
                reload()

        box.finished.connect(finished)
        self.reload_box = box
        box.open()
        return box
