"""The engineer registration form (人员备案表) from 设置's engineer list: made off the GUI
thread, then previewed (and printed from the preview) or saved, like the other documents."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from workbench import i18n
from workbench.ui import savefile
from workbench.ui.common import printing

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy.orm import Session

    from workbench.ui.common.context import AppContext


def render_registration_pdf(session: Session, name: str) -> bytes:
    """The form of engineer ``name`` as PDF bytes (a task: runs off the GUI thread)."""
    from workbench.reports.registration import registration_pdf
    from workbench.services.registration import registration_form

    return registration_pdf(registration_form(session, name), i18n.translate)


class RegistrationPrinter(QObject):
    """Makes an engineer's registration form and previews, prints or saves it."""

    def __init__(self, ctx: AppContext, owner: QWidget) -> None:
        super().__init__(owner)
        self.ctx = ctx
        self.owner = owner
        self.last_preview: printing.PdfPrintPreview | None = None

    def button(self, selected: Callable[[], str | None]) -> QPushButton:
        """``Registration form…`` with a menu: preview and print, or save as PDF, for the
        engineer ``selected()`` names (None: nobody selected)."""
        button = QPushButton(self.tr("Registration form…"))
        menu = QMenu(button)
        menu.addAction(self.tr("Preview and print…"), lambda: self._for(selected(), self.preview))
        menu.addAction(self.tr("Save as PDF…"), lambda: self._for(selected(), self.save))
        button.setMenu(menu)
        return button

    def _for(self, name: str | None, use: Callable[[str], None]) -> None:
        if name is None:
            self.ctx.messages.info(self.tr("Select an engineer first."))
            return
        use(name)

    def with_pdf(self, name: str, use: Callable[[bytes], None]) -> None:
        def job(session: Session) -> bytes:
            return render_registration_pdf(session, name)

        self.owner.setCursor(Qt.CursorShape.BusyCursor)

        def done(pdf: bytes) -> None:
            self.owner.unsetCursor()
            use(pdf)

        def failed(exc: BaseException) -> None:
            self.owner.unsetCursor()
            self.ctx.messages.exception(exc)

        self.ctx.read(self, "registration", job, done, failed)

    def preview(self, name: str) -> None:
        title = self.tr("Engineer registration form {0}").format(name)

        def show(pdf: bytes) -> None:
            self.last_preview = printing.preview_pdfs(self.owner, [pdf], title)

        self.with_pdf(name, show)

    def save(self, name: str) -> None:
        def save(pdf: bytes) -> None:
            try:
                path = printing.save_pdf(self.owner, pdf, f"engineer-{name}.pdf")
            except OSError as exc:
                savefile.report(self.ctx.messages, exc)
                return
            if path is not None:
                self.ctx.messages.note(self.tr("Saved {0}").format(path))

        self.with_pdf(name, save)
