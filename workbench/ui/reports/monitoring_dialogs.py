"""Dialogs of the monitoring panel: a week's findings, a month's scan, a refused import."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench import i18n
from workbench.domain import deliverables as calendar
from workbench.domain.monitoring import FINDINGS, ScanRow, WeekRow
from workbench.services.asset_io import ImportRefused, RowProblem
from workbench.services.monitoring import FINDING_NAMES
from workbench.ui.common.form_dialog import FormDialog
from workbench.ui.common.rows_model import Column, RowsModel
from workbench.ui.reports.deliverables_dialogs import date_edit, pydate, qdate, today

Site = tuple[str, str, str]  # code, name, url


def weeks_between(first: dt.date, last: dt.date) -> list[str]:
    """ISO weeks from the one holding ``last`` back to the one holding ``first``."""
    monday = last - dt.timedelta(days=last.weekday())
    result = []
    while monday + dt.timedelta(days=6) >= first:
        result.append(calendar.iso_week_label(monday))
        monday -= dt.timedelta(days=7)
    return result


def months_between(first: dt.date, last: dt.date) -> list[str]:
    return [calendar.month_label(m) for m in reversed(calendar.months(first, last))]


def _count() -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, 9999)
    return box


class _Dialog(FormDialog):
    def __init__(self, sites: Sequence[Site], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.site = QComboBox()
        for code, name, url in sites:
            self.site.addItem(f"{name} ({url})" if url else name, code)
        self.form.addRow(self.tr("Website"), self.site)

    def site_code(self) -> str:
        return str(self.site.currentData() or "")


class WeekDialog(_Dialog):
    """One site's monitoring findings of one ISO week."""

    def __init__(
        self,
        sites: Sequence[Site],
        weeks: Sequence[str],
        row: WeekRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(sites, parent)
        self.setWindowTitle(self.tr("Monitoring findings of a week"))
        self.week = QComboBox()
        self.week.setEditable(True)
        self.week.addItems(list(weeks))
        self.counts = {name: _count() for name in FINDINGS}
        self.note = QLineEdit()
        self.form.addRow(self.tr("Week"), self.week)
        for name in FINDINGS:
            self.form.addRow(i18n.translate("monitoring", FINDING_NAMES[name]), self.counts[name])
        self.form.addRow(self.tr("Note"), self.note)
        if row is not None:
            self.site.setCurrentIndex(max(0, self.site.findData(row.site_code)))
            self.week.setEditText(row.week)
            for name in FINDINGS:
                self.counts[name].setValue(int(getattr(row, name)))
            self.note.setText(row.note)
        elif len(weeks) > 1:
            self.week.setCurrentIndex(1)  # the week just finished

    def week_label(self) -> str:
        return self.week.currentText().strip()

    def values(self) -> dict[str, int]:
        return {name: box.value() for name, box in self.counts.items()}

    def accept(self) -> None:
        try:
            calendar.parse_iso_week(self.week_label())
        except ValueError:
            self.error.setText(self.tr("Enter a week like 2026-W47."))
            return
        super().accept()


class ScanDialog(_Dialog):
    """One site's vulnerability scan of one month."""

    def __init__(
        self,
        sites: Sequence[Site],
        months: Sequence[str],
        row: ScanRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(sites, parent)
        self.setWindowTitle(self.tr("Vulnerability scan of a month"))
        self.month = QComboBox()
        self.month.addItems(list(months))
        self.scanned_on: QDateEdit = date_edit(today(), latest=today())
        self.high, self.medium, self.low = _count(), _count(), _count()
        self.fixed, self.still_open = _count(), _count()
        self.total = QLabel()
        self.note = QLineEdit()
        self.form.addRow(self.tr("Month"), self.month)
        self.form.addRow(self.tr("Scanned on"), self.scanned_on)
        self.form.addRow(self.tr("High"), self.high)
        self.form.addRow(self.tr("Medium"), self.medium)
        self.form.addRow(self.tr("Low"), self.low)
        self.form.addRow(self.tr("Fixed"), self.fixed)
        self.form.addRow(self.tr("Still open"), self.still_open)
        self.form.addRow("", self.total)
        self.form.addRow(self.tr("Note"), self.note)
        for box in (self.high, self.medium, self.low, self.fixed, self.still_open):
            box.valueChanged.connect(lambda _v: self._update_total())
        self.month.currentIndexChanged.connect(lambda _i: self._month_changed())
        if row is not None:
            self.site.setCurrentIndex(max(0, self.site.findData(row.site_code)))
            self.month.setCurrentIndex(max(0, self.month.findText(row.month)))
            self.scanned_on.setDate(qdate(row.scanned_on))
            for box, value in (
                (self.high, row.high),
                (self.medium, row.medium),
                (self.low, row.low),
                (self.fixed, row.fixed),
                (self.still_open, row.open),
            ):
                box.setValue(value)
            self.note.setText(row.note)
        else:
            self._month_changed()
        self._update_total()

    def month_label(self) -> str:
        return self.month.currentText().strip()

    def _month_changed(self) -> None:
        try:
            _first, last = calendar.parse_month(self.month_label())
        except ValueError:
            return
        self.scanned_on.setDate(qdate(min(last, today())))

    def findings(self) -> int:
        return self.high.value() + self.medium.value() + self.low.value()

    def _update_total(self) -> None:
        handled = self.fixed.value() + self.still_open.value()
        self.total.setText(
            self.tr("{total} findings; fixed and open: {handled}").format(
                total=self.findings(), handled=handled
            )
        )
        self.total.setStyleSheet("" if handled == self.findings() else "color: #b00020;")

    def accept(self) -> None:
        try:
            first, last = calendar.parse_month(self.month_label())
        except ValueError:
            self.error.setText(self.tr("Choose a month."))
            return
        if not first <= pydate(self.scanned_on) <= last:
            self.error.setText(self.tr("The scan date must lie in the chosen month."))
            return
        if self.fixed.value() + self.still_open.value() != self.findings():
            self.error.setText(self.tr("Fixed and still open must add up to the findings."))
            return
        super().accept()


class ImportProblemsDialog(QDialog):
    """Why a file was refused: every problem with its row and column."""

    def __init__(self, refused: ImportRefused, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("File not imported"))
        summary = QLabel(refused.message.render(i18n.translate))  # the headline only
        summary.setWordWrap(True)
        self.model: RowsModel[RowProblem] = RowsModel(
            [
                Column(
                    self.tr("Row"),
                    lambda p: str(p.row) if p.row else "",
                    lambda p: p.row,
                    numeric=True,
                ),
                Column(self.tr("Column"), lambda p: p.column),
                Column(
                    self.tr("Problem"),
                    lambda p: p.message.render(i18n.translate),
                    tooltip=lambda p: p.message.render(i18n.translate),
                ),
            ],
            self,
        )
        self.model.set_rows(refused.problems)
        table = QTableView()
        table.setModel(self.model)
        table.verticalHeader().hide()
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.horizontalHeader().setStretchLastSection(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.setColumnWidth(0, 50)
        table.setColumnWidth(1, 110)
        hint = QLabel(self.tr("Correct these rows in the file and import it again."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(table, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(680, 380)

    def problems(self) -> list[RowProblem]:
        return list(self.model.rows())
