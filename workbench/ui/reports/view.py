"""The 报表 view: choose a report and its period, generate it, look at it, save or print it.

Reports are made off the GUI thread (``ctx.tasks`` with a :class:`Progress`, so that the
year-end pack shows how far it is and can be cancelled); the pages are then rendered on
the GUI thread with pdfium (:mod:`workbench.ui.common.printing`) and shown one under the other.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from workbench import i18n
from workbench.domain import deliverables as calendar
from workbench.domain.timeutil import LOCAL_TZ
from workbench.ui import savefile
from workbench.ui.common import printing
from workbench.ui.common.context import AppContext
from workbench.ui.common.tasks import Progress

log = logging.getLogger("workbench.ui.reports")

PREVIEW_DPI = 80
KINDS = ("weekly", "monthly", "worklog", "acceptance")


def _periods(kind: str, today: dt.date) -> list[str]:
    """Weeks or months from today back over a year, newest first."""
    if kind == "weekly":
        monday = today - dt.timedelta(days=today.weekday())
        return [calendar.iso_week_label(monday - dt.timedelta(weeks=n)) for n in range(60)]
    if kind in ("monthly", "worklog"):
        first = today.replace(day=1)
        result = []
        for _ in range(15):
            result.append(calendar.month_label(first))
            first = (first - dt.timedelta(days=1)).replace(day=1)
        return result
    return []


def make_report(session: Any, kind: str, period: str) -> bytes:
    """The PDF of a weekly or monthly report (a job: runs on a worker thread). It needs a
    transaction, not a read: the report brings the deliverables schedule up to date."""
    from workbench.services import reporting

    if kind == "weekly":
        from workbench.reports.weekly import weekly_pdf

        return weekly_pdf(
            reporting.weekly_report(session, period, translate=i18n.translate), i18n.translate
        )
    if kind == "worklog":
        from workbench.reports.worklog import worklog_pdf
        from workbench.services import worklog_book
        from workbench.services._common import month_period

        doc = worklog_book.work_log_document(session, month_period(period))
        return worklog_pdf(doc, i18n.translate)
    from workbench.reports.monthly import monthly_pdf

    return monthly_pdf(
        reporting.monthly_report(session, period, translate=i18n.translate), i18n.translate
    )


def make_pack(
    store: Any, folder: Path, progress: Progress | None = None, *, show_penalty: bool = False
) -> tuple[bytes, int]:
    """Write the year-end pack into ``folder``; the index PDF and how many files
    (``show_penalty``: the setting ``workorder_penalty_on_paper``)."""
    from workbench.reports.acceptance import INDEX_NAME
    from workbench.services import reporting

    with store.read() as session:
        index = reporting.acceptance_index(session)

    def report(done: int, total: int, name: str) -> None:
        if progress is not None:
            progress.report(done, total, name)

    result = reporting.write_acceptance_pack(
        store, index, folder, i18n.translate, report, show_penalty=show_penalty
    )
    return (folder / INDEX_NAME).read_bytes(), result.count


class ReportsView(QWidget):
    """The 报表 view."""

    generated = Signal(int)  # pages shown
    failed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pdf: bytes | None = None
        self.progress: Progress | None = None
        self.page_labels: list[QLabel] = []

        self.kind = QComboBox(self)
        for key, text in zip(
            KINDS,
            (
                self.tr("Weekly security service report"),
                self.tr("Monthly operations report"),
                self.tr("Work log of a month"),
                self.tr("Year-end acceptance pack"),
            ),
            strict=True,
        ):
            self.kind.addItem(text, key)
        self.period = QComboBox(self)
        self.period.setEditable(True)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.generate_button = QPushButton(self.tr("Generate"), self)
        self.generate_button.clicked.connect(self.generate)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setEnabled(False)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setVisible(False)
        self.status = QLabel("", self)
        self.status.setWordWrap(True)
        self.preview_button = QPushButton(self.tr("Print preview…"), self)
        self.save_button = QPushButton(self.tr("Save as PDF…"), self)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.preview_button.clicked.connect(self.open_preview)
        self.save_button.clicked.connect(self.save)
        self.print_button.clicked.connect(self.print_)
        for button in (self.preview_button, self.save_button, self.print_button):
            button.setEnabled(False)

        form = QFormLayout()
        form.addRow(self.tr("Report"), self.kind)
        form.addRow(self.tr("Period"), self.period)
        controls = QVBoxLayout()
        controls.addLayout(form)
        row = QHBoxLayout()
        row.addWidget(self.generate_button)
        row.addWidget(self.cancel_button)
        controls.addLayout(row)
        controls.addWidget(self.progress_bar)
        controls.addWidget(self.status)
        controls.addSpacing(12)
        controls.addWidget(self.preview_button)
        controls.addWidget(self.save_button)
        controls.addWidget(self.print_button)
        controls.addStretch(1)
        left = QWidget(self)
        left.setLayout(controls)
        left.setFixedWidth(280)

        self.pages = QWidget(self)
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.empty = QLabel(self.tr("Choose a report and a period, then Generate."), self.pages)
        self.pages_layout.addWidget(self.empty)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.pages)
        scroll.setStyleSheet("QScrollArea { background: #888; }")

        page = QWidget(self)  # the reports; deliverables and monitoring are tabs beside
        layout = QHBoxLayout(page)
        layout.addWidget(left)
        layout.addWidget(scroll, 1)
        from workbench.ui.reports.deliverables import add_report_tabs

        self.tabs = add_report_tabs(self, ctx, page)
        self._kind_changed()

    # -- choosing --------------------------------------------------------------------
    def current_kind(self) -> str:
        return str(self.kind.currentData())

    def _kind_changed(self) -> None:
        kind = self.current_kind()
        today = dt.datetime.now(LOCAL_TZ).date()
        self.period.clear()
        self.period.addItems(_periods(kind, today))
        self.period.setEnabled(kind != "acceptance")
        if kind == "weekly" and self.period.count() > 1:
            self.period.setCurrentIndex(1)  # the week just finished
        elif kind in ("monthly", "worklog") and self.period.count() > 1 and today.day < 10:
            self.period.setCurrentIndex(1)  # early in a month: last month's report

    def set_choice(self, kind: str, period: str = "") -> None:
        self.kind.setCurrentIndex(KINDS.index(kind))
        if period:
            self.period.setEditText(period)

    # -- generating ------------------------------------------------------------------
    def _busy(self, busy: bool) -> None:
        self.generate_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        self.kind.setEnabled(not busy)
        self.progress_bar.setVisible(busy)
        for button in (self.preview_button, self.save_button, self.print_button):
            button.setEnabled(not busy and self.pdf is not None)

    def generate(self, folder: Path | None = None) -> None:
        kind = self.current_kind()
        store = self.ctx.store
        self.progress = Progress()
        self.progress.changed.connect(self._progress)
        self.progress_bar.setRange(0, 0)
        if kind == "acceptance":
            if not isinstance(folder, Path):
                chosen = QFileDialog.getExistingDirectory(
                    self, self.tr("Folder for the acceptance pack"), str(Path.home())
                )
                if not chosen:
                    return
                folder = Path(chosen)
            target = folder
            self.status.setText(self.tr("Writing the pack to {folder}…").format(folder=target))

            show_penalty = self.ctx.settings.workorder_penalty_on_paper

            def run_pack(progress: Progress) -> tuple[bytes, int]:
                return make_pack(store, target, progress, show_penalty=show_penalty)

            self._busy(True)
            self.ctx.tasks.run(
                run_pack,
                on_done=lambda result: self._pack_done(result, target),
                on_error=self._failed,
                progress=self.progress,
            )
            return
        period = self.period.currentText().strip()
        self.status.setText(self.tr("Generating…"))

        progress = self.progress

        def run_report(session: Any) -> bytes:
            if progress is not None:
                progress.report(0, 1, period)  # raises Cancelled once cancelled
            data = make_report(session, kind, period)
            if progress is not None:
                progress.report(1, 1, period)
            return data

        self._busy(True)
        self.ctx.write(None, run_report, self._report_done, self._failed)

    def cancel(self) -> None:
        if self.progress is not None:
            self.progress.cancel()
        self.status.setText(self.tr("Cancelled."))
        self.progress = None
        self._busy(False)

    def _progress(self, done: int, total: int, text: str) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)
        if text:
            self.status.setText(
                self.tr("{done} of {total}: {name}").format(done=done, total=total, name=text)
            )

    def _failed(self, exc: BaseException) -> None:
        self.progress = None
        self._busy(False)
        self.status.setText(self.tr("The report could not be made."))
        self.failed.emit(str(exc))
        self.ctx.messages.exception(exc)

    def _report_done(self, pdf: bytes) -> None:
        if self.progress is None:  # cancelled meanwhile
            return
        self.progress = None
        self.pdf = pdf
        pages = self.show_pages(pdf)
        self.status.setText(self.tr("{n} pages.").format(n=pages))
        self._busy(False)
        self.generated.emit(pages)

    def _pack_done(self, result: tuple[bytes, int], folder: Path) -> None:
        self.progress = None
        index, count = result
        self.pdf = index
        pages = self.show_pages(index)
        self.status.setText(
            self.tr("Acceptance pack written: {count} files in {folder}.").format(
                count=count, folder=folder
            )
        )
        self._busy(False)
        self.generated.emit(pages)

    # -- showing, saving, printing -----------------------------------------------------
    def show_pages(self, pdf: bytes) -> int:
        for label in self.page_labels:
            self.pages_layout.removeWidget(label)
            label.deleteLater()
        self.page_labels.clear()
        self.empty.hide()
        pages = printing.PdfPages([pdf])
        try:
            for index in range(len(pages)):
                label = QLabel(self.pages)
                label.setPixmap(QPixmap.fromImage(pages.image(index, PREVIEW_DPI)))
                label.setStyleSheet("border: 1px solid #555; background: white;")
                self.pages_layout.addWidget(label)
                self.page_labels.append(label)
            return len(pages)
        finally:
            pages.close()

    def _title(self) -> str:
        return f"{self.kind.currentText()} {self.period.currentText()}".strip()

    def open_preview(self) -> None:
        if self.pdf is not None:
            self.preview_dialog = printing.preview_pdfs(self, [self.pdf], self._title())

    def save(self) -> None:
        if self.pdf is not None:
            name = f"{self.current_kind()}-{self.period.currentText() or 'index'}.pdf"
            try:
                path = printing.save_pdf(self, self.pdf, name)
            except OSError as exc:  # the PDF is open in WPS or Acrobat, or read-only
                savefile.report(self.ctx.messages, exc)
                return
            if path is not None:
                self.ctx.messages.note(self.tr("Saved: {path}").format(path=path))

    def print_(self) -> None:
        if self.pdf is not None:
            printing.print_pdfs(self, [self.pdf], self._title())
