"""Printing from the 工单 view: preview, print and save one work order, and the batch print
of every order signed in a period.

The PDFs are made off the GUI thread (:func:`render_work_order_pdfs`), then previewed,
printed or saved on it through :mod:`workbench.ui.common.printing`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QObject, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from workbench import i18n
from workbench.domain.timeutil import LOCAL_TZ, fmt_local, local_midnight
from workbench.services import workorders as wo
from workbench.ui import savefile
from workbench.ui.common import printing
from workbench.ui.workorders.filter_bar import month_start

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from workbench.ui.common.context import AppContext


def render_work_order_pdfs(
    session: Any, numbers: list[str], *, show_penalty: bool = False
) -> list[bytes]:
    """PDF bytes of each work order (a task: runs off the GUI thread); the penalty
    exposure printed only when ``show_penalty`` (the setting, off by default)."""
    from workbench.reports.workorder import workorder_pdf

    return [
        workorder_pdf(wo.document(session, n, show_penalty=show_penalty), i18n.translate)
        for n in numbers
    ]


class PeriodDialog(QDialog):
    """Choose a period (by day, Beijing time) for the batch print."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print signed work orders"))
        today = dt.datetime.now(LOCAL_TZ).date()
        first = month_start(today)
        self.start = QDateEdit(QDate(first.year, first.month, first.day), self)
        self.end = QDateEdit(QDate(today.year, today.month, today.day), self)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        form = QFormLayout()
        form.addRow(self.tr("Signed from"), self.start)
        form.addRow(self.tr("to (inclusive)"), self.end)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Every work order signed in this period, in one job.")))
        layout.addLayout(form)
        layout.addWidget(buttons)

    def period(self) -> tuple[dt.datetime, dt.datetime]:
        start = self.start.date().toPython()
        end = self.end.date().toPython()
        assert isinstance(start, dt.date)
        assert isinstance(end, dt.date)
        return local_midnight(start), local_midnight(end + dt.timedelta(days=1))


class WorkOrderPrinter(QObject):
    """Makes work-order PDFs off the GUI thread and previews, prints or saves them."""

    def __init__(self, ctx: AppContext, owner: QWidget) -> None:
        super().__init__(owner)
        self.ctx = ctx
        self.owner = owner
        self.last_preview: printing.PdfPrintPreview | None = None

    def with_pdfs(self, numbers: list[str], use: Callable[[list[bytes]], None]) -> None:
        show_penalty = self.ctx.settings.workorder_penalty_on_paper

        def job(session: Session) -> list[bytes]:
            return render_work_order_pdfs(session, numbers, show_penalty=show_penalty)

        self.owner.setCursor(Qt.CursorShape.BusyCursor)

        def done(pdfs: list[bytes]) -> None:
            self.owner.unsetCursor()
            use(pdfs)

        def failed(exc: BaseException) -> None:
            self.owner.unsetCursor()
            self.ctx.messages.exception(exc)

        self.ctx.read(self, "pdfs", job, done, failed)

    def preview(self, number: str) -> None:
        title = self.tr("Work order {0}").format(number)
        self.with_pdfs([number], lambda pdfs: self._preview(pdfs, title))

    def _preview(self, pdfs: list[bytes], title: str) -> None:
        self.last_preview = printing.preview_pdfs(self.owner, pdfs, title)

    def print(self, number: str) -> None:
        title = self.tr("Work order {0}").format(number)
        self.with_pdfs([number], lambda pdfs: self._print(pdfs, title))

    def _print(self, pdfs: list[bytes], title: str) -> None:
        try:
            printing.print_pdfs(self.owner, pdfs, title)
        except OSError as exc:
            self.ctx.messages.error(str(exc), self.tr("Printing failed"))

    def save(self, number: str) -> None:
        def save(pdfs: list[bytes]) -> None:
            try:
                path = printing.save_pdf(self.owner, pdfs, f"{number}.pdf")
            except OSError as exc:
                savefile.report(self.ctx.messages, exc)
                return
            if path is not None:
                self.ctx.messages.note(self.tr("Saved {0}").format(path))

        self.with_pdfs([number], save)

    def batch_print(self) -> None:
        """Print every work order signed in a period, as one job (through the preview)."""
        dialog = PeriodDialog(self.owner)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        start, end = dialog.period()
        self.batch_print_period(start, end)

    def batch_print_period(self, start: dt.datetime, end: dt.datetime) -> None:
        def query(session: Session) -> list[str]:
            return wo.signed_numbers(session, start, end)

        def got(numbers: list[str]) -> None:
            if not numbers:
                self.ctx.messages.info(self.tr("No work order was signed in this period."))
                return
            title = self.tr("Signed work orders {0} – {1} ({2})").format(
                fmt_local(start)[:10], fmt_local(end - dt.timedelta(seconds=1))[:10], len(numbers)
            )
            self.with_pdfs(numbers, lambda pdfs: self._preview(pdfs, title))

        self.ctx.read(self, "signed", query, got)
