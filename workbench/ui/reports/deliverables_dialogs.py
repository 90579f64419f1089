"""Dialogs of the deliverables panel: a delivery, a staff change, an invoice or payment."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from workbench.domain import deliverables as rules
from workbench.domain.deliverables import DeliverableRow, PaymentRow
from workbench.domain.timeutil import LOCAL_TZ
from workbench.services.deliverables import STAFF_CHANGE_MAX_LENGTH
from workbench.ui.common.form_dialog import FormDialog


def today() -> dt.date:
    return dt.datetime.now(LOCAL_TZ).date()


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(edit: QDateEdit) -> dt.date:
    value = edit.date().toPython()
    assert isinstance(value, dt.date)
    return value


def date_edit(day: dt.date, *, latest: dt.date | None = None) -> QDateEdit:
    edit = QDateEdit(qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    if latest is not None:
        edit.setMaximumDate(qdate(latest))
    return edit


class DeliveryDialog(FormDialog):
    """The delivery of one deliverable: when, a note, the file handed over."""

    def __init__(self, row: DeliverableRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record a delivery"))
        self.row = row
        what = QLabel(f"<b>{row.label}</b>")
        what.setWordWrap(True)
        due = QLabel(row.due_on.isoformat())
        self.delivered_on = date_edit(row.delivered_on or today(), latest=today())
        self.note = QPlainTextEdit(row.note)
        self.note.setPlaceholderText(self.tr("e.g. handed to the client's representative"))
        self.note.setFixedHeight(70)
        self.file = QLineEdit()
        self.file.setPlaceholderText(
            self.tr("kept: {name}").format(name=row.attachment_name)
            if row.attachment_name
            else self.tr("optional: the document as handed over")
        )
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(browse)
        self.form.addRow(self.tr("Deliverable"), what)
        self.form.addRow(self.tr("Due on"), due)
        self.form.addRow(self.tr("Delivered on"), self.delivered_on)
        self.form.addRow(self.tr("Note"), self.note)
        self.form.addRow(self.tr("File"), file_row)
        self.resize(520, self.sizeHint().height())

    def _browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("The document handed over"),
            str(Path.home()),
            self.tr("Documents (*.pdf *.doc *.docx *.xls *.xlsx *.jpg *.png);;All files (*)"),
        )
        if path:
            self.file.setText(path)

    def attachment(self) -> Path | None:
        text = self.file.text().strip()
        return Path(text) if text else None

    def accept(self) -> None:
        path = self.attachment()
        if path is not None and not path.is_file():
            self.error.setText(self.tr("The file {file} does not exist.").format(file=path))
            return
        super().accept()


class StaffChangeDialog(FormDialog):
    """A planned staff change: its written request is due a month before."""

    def __init__(self, notice_days: int = 30, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New staff change"))
        self.notice_days = notice_days
        self.change_on = date_edit(today() + dt.timedelta(days=notice_days + 14))
        self.description = QLineEdit()
        self.description.setMaxLength(STAFF_CHANGE_MAX_LENGTH)  # the column's length
        self.description.setPlaceholderText(self.tr("e.g. Wang Lei leaves, Zhao Qiang takes over"))
        self.due = QLabel()
        self.change_on.dateChanged.connect(lambda _d: self._update_due())
        self.form.addRow(self.tr("Change on"), self.change_on)
        self.form.addRow(self.tr("Change"), self.description)
        self.form.addRow(self.tr("Written request due"), self.due)
        self._update_due()
        self.resize(480, self.sizeHint().height())

    def _update_due(self) -> None:
        due = rules.notice_due(pydate(self.change_on), self.notice_days)
        text = self.tr("{date} ({days} days before the change)").format(
            date=due.isoformat(), days=self.notice_days
        )
        if due < today():
            text += " — " + self.tr("already late")
        self.due.setText(text)

    def accept(self) -> None:
        if not self.description.text().strip():
            self.error.setText(self.tr("Describe the staff change."))
            return
        super().accept()


class PaymentDialog(FormDialog):
    """The invoice and the payment of one payment milestone."""

    def __init__(self, row: PaymentRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Invoice and payment"))
        self.row = row
        what = QLabel(f"<b>{row.description}</b> ¥{row.amount_cny:,.2f}")
        what.setWordWrap(True)
        self.invoiced = QCheckBox(self.tr("Invoice issued on"))
        self.invoice_date = date_edit(row.invoice_issued_on or today(), latest=today())
        self.invoiced.setChecked(row.invoice_issued_on is not None)
        self.invoiced.setEnabled(row.invoice_issued_on is None)
        self.paid = QCheckBox(self.tr("Paid on"))
        self.paid_date = date_edit(row.paid_on or today(), latest=today())
        self.paid.setChecked(row.paid_on is not None)
        self.paid.setEnabled(row.paid_on is None)
        for box, edit in ((self.invoiced, self.invoice_date), (self.paid, self.paid_date)):
            edit.setEnabled(box.isChecked())
            box.toggled.connect(edit.setEnabled)
        self.note = QLineEdit(row.note)
        self.form.addRow(self.tr("Milestone"), what)
        self.form.addRow(self.invoiced, self.invoice_date)
        self.form.addRow(self.paid, self.paid_date)
        self.form.addRow(self.tr("Note"), self.note)

    def invoice_issued_on(self) -> dt.date | None:
        return pydate(self.invoice_date) if self.invoiced.isChecked() else None

    def paid_on(self) -> dt.date | None:
        return pydate(self.paid_date) if self.paid.isChecked() else None
