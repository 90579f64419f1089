"""网站安全监测 (website monitoring), a tab of the 报表 view.

Per site and ISO week the findings of the 7×24 monitoring; per site and month the
vulnerability scan. Entered by hand (a dialog per week or month; a row's double-click
edits it) or imported from the security provider's spreadsheet: the import validates the
whole file first and applies it all or nothing; a refused file shows every problem by row
and column, and nothing changes.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from workbench import i18n
from workbench.domain.monitoring import ScanRow, WeekRow
from workbench.services import monitoring as service
from workbench.services.asset_io import ImportRefused
from workbench.services.monitoring import FINDING_NAMES, MonitoringImport
from workbench.services.setup import current_contract
from workbench.ui.common.context import AppContext
from workbench.ui.common.rows_model import Column, RowsModel, rows_table
from workbench.ui.reports.deliverables_dialogs import today
from workbench.ui.reports.monitoring_dialogs import (
    ImportProblemsDialog,
    ScanDialog,
    Site,
    WeekDialog,
    months_between,
    weeks_between,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

log = logging.getLogger("workbench.ui.monitoring")

AREA = "monitoring"
ALERT = "#b00020"


@dataclass(frozen=True)
class MonitoringData:
    sites: list[Site]
    weeks: list[WeekRow]
    scans: list[ScanRow]
    first_day: dt.date
    last_day: dt.date


def _count_column(title: str, get: Callable[[Any], int]) -> Column[Any]:
    return Column(
        title,
        lambda r: str(get(r)),
        get,
        numeric=True,
        colour=lambda r: ALERT if get(r) else None,
    )


class MonitoringPanel(QWidget):
    loaded = Signal(int, int)  # weeks, scans listed
    saved = Signal(str)  # "week" or "scan"
    imported = Signal(str, int, int)  # kind, created, updated
    importRefused = Signal(int)  # problems

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sites: list[Site] = []
        self.first_day = self.last_day = today()
        self.dialog: Any = None
        self.problems_dialog: ImportProblemsDialog | None = None

        self.site = QComboBox()
        self.site.addItem(self.tr("All websites"), "")
        self.site.activated.connect(lambda _i: self.refresh())
        self.import_button = QPushButton(self.tr("Import the provider's spreadsheet…"))
        self.import_button.clicked.connect(self.choose_import)
        self.gaps = QLabel()
        self.gaps.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Website")))
        top.addWidget(self.site)
        top.addStretch(1)
        top.addWidget(self.import_button)

        def tr_finding(name: str) -> str:
            return i18n.translate("monitoring", FINDING_NAMES[name])

        self.weeks: RowsModel[WeekRow] = RowsModel(
            [
                Column(self.tr("Week"), lambda r: r.week, lambda r: r.week_start),
                Column(self.tr("Website"), lambda r: r.site_name, tooltip=lambda r: r.url),
                _count_column(tr_finding("defacement"), lambda r: r.defacement),
                _count_column(tr_finding("malicious_code"), lambda r: r.malicious_code),
                _count_column(tr_finding("sensitive_content"), lambda r: r.sensitive_content),
                _count_column(tr_finding("availability"), lambda r: r.availability),
                Column(self.tr("Note"), lambda r: r.note, tooltip=lambda r: r.note),
                Column(self.tr("Source"), self._source),
            ],
            self,
        )
        self.weeks_table = rows_table(self.weeks, (80, 220, 70, 70, 70, 90, 260))
        self.weeks_table.doubleClicked.connect(lambda _i: self.enter_week(self.selected_week()))
        week_button = QPushButton(self.tr("Enter a week…"))
        week_button.clicked.connect(lambda: self.enter_week())
        weeks_box = QGroupBox(self.tr("Weekly monitoring findings"))
        weeks_layout = QVBoxLayout(weeks_box)
        weeks_layout.addWidget(self.weeks_table, 1)
        row = QHBoxLayout()
        row.addWidget(week_button)
        row.addWidget(self.gaps, 1)
        weeks_layout.addLayout(row)

        self.scans: RowsModel[ScanRow] = RowsModel(
            [
                Column(self.tr("Month"), lambda r: r.month),
                Column(self.tr("Website"), lambda r: r.site_name, tooltip=lambda r: r.url),
                Column(self.tr("Scanned on"), lambda r: r.scanned_on.isoformat()),
                _count_column(self.tr("High"), lambda r: r.high),
                Column(self.tr("Medium"), lambda r: str(r.medium), lambda r: r.medium, True),
                Column(self.tr("Low"), lambda r: str(r.low), lambda r: r.low, True),
                Column(self.tr("Fixed"), lambda r: str(r.fixed), lambda r: r.fixed, True),
                _count_column(self.tr("Still open"), lambda r: r.open),
                Column(self.tr("Note"), lambda r: r.note, tooltip=lambda r: r.note),
                Column(self.tr("Source"), self._source),
            ],
            self,
        )
        self.scans_table = rows_table(self.scans, (70, 220, 90, 50, 50, 50, 50, 60, 220))
        self.scans_table.doubleClicked.connect(lambda _i: self.enter_scan(self.selected_scan()))
        scan_button = QPushButton(self.tr("Enter a scan…"))
        scan_button.clicked.connect(lambda: self.enter_scan())
        scans_box = QGroupBox(self.tr("Monthly vulnerability scans"))
        scans_layout = QVBoxLayout(scans_box)
        scans_layout.addWidget(self.scans_table, 1)
        row = QHBoxLayout()
        row.addWidget(scan_button)
        row.addStretch(1)
        scans_layout.addLayout(row)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(weeks_box)
        splitter.addWidget(scans_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        ctx.events.dataChanged.connect(self._data_changed)
        self.refresh()

    def _source(self, row: WeekRow | ScanRow) -> str:
        if not row.source:
            return self.tr("entered by hand")
        if row.source == "demo":
            return self.tr("demo data")
        return row.source

    # -- loading --------------------------------------------------------------------
    def _data_changed(self, area: str) -> None:
        if area in (AREA, "all"):
            self.refresh()

    def refresh(self) -> None:
        site = str(self.site.currentData() or "")

        def query(session: Session) -> MonitoringData:
            contract = current_contract(session)
            first = contract.start_date if contract else today() - dt.timedelta(days=365)
            last = min(contract.end_date, today()) if contract else today()
            weeks = [w for w in service.list_weeks(session) if not site or w.site_code == site]
            scans = [s for s in service.list_scans(session) if not site or s.site_code == site]
            # Newest period first; the sites in their order within it.
            weeks.sort(key=lambda w: (-w.week_start.toordinal(), w.site_code))
            scans.sort(key=lambda s: s.site_code)
            scans.sort(key=lambda s: s.month, reverse=True)
            return MonitoringData(service.sites(session), weeks, scans, first, max(first, last))

        self.ctx.read(self, "data", query, self._show)

    def _show(self, data: MonitoringData) -> None:
        self.sites = data.sites
        self.first_day, self.last_day = data.first_day, data.last_day
        if self.site.count() == 1:
            for code, name, _url in data.sites:
                self.site.addItem(name, code)
        self.weeks.set_rows(data.weeks)
        self.scans.set_rows(data.scans)
        self._show_gaps(data)
        self.loaded.emit(len(data.weeks), len(data.scans))

    def _show_gaps(self, data: MonitoringData) -> None:
        """How many finished weeks of the contract lack an entry for a site."""
        codes = [c for c, _n, _u in data.sites if c == (self.site.currentData() or c)]
        have = {(w.site_code, w.week) for w in data.weeks}
        finished = weeks_between(data.first_day, data.last_day - dt.timedelta(days=7))
        missing = sum(1 for week in finished for code in codes if (code, week) not in have)
        if missing:
            self.gaps.setStyleSheet("color: #b35c00;")
            self.gaps.setText(
                self.tr("{n} site-weeks of the contract so far have no entry yet.").format(
                    n=missing
                )
            )
        else:
            self.gaps.setStyleSheet("")
            self.gaps.setText("")

    def selected_week(self) -> WeekRow | None:
        return self.weeks.row_of(self.weeks_table.currentIndex())

    def selected_scan(self) -> ScanRow | None:
        return self.scans.row_of(self.scans_table.currentIndex())

    # -- entering by hand -----------------------------------------------------------
    def _save(self, what: str, job: Callable[[Session], Any]) -> None:
        self.ctx.write(AREA, job, lambda _result: self.saved.emit(what))

    def enter_week(self, row: WeekRow | None = None) -> WeekDialog:
        weeks = weeks_between(self.first_day, self.last_day)
        dialog = WeekDialog(self.sites, weeks, row, self)

        def accepted() -> None:
            site, week, counts = dialog.site_code(), dialog.week_label(), dialog.values()
            note = dialog.note.text()
            self._save(
                "week",
                lambda s: service.record_week(
                    s,
                    site,
                    week,
                    defacement=counts["defacement"],
                    malicious_code=counts["malicious_code"],
                    sensitive_content=counts["sensitive_content"],
                    availability=counts["availability"],
                    note=note,
                ),
            )

        dialog.accepted.connect(accepted)
        self.dialog = dialog
        dialog.open()
        return dialog

    def enter_scan(self, row: ScanRow | None = None) -> ScanDialog:
        dialog = ScanDialog(self.sites, months_between(self.first_day, self.last_day), row, self)

        def accepted() -> None:
            site, month = dialog.site_code(), dialog.month_label()
            day = dialog.scanned_on.date().toPython()
            assert isinstance(day, dt.date)
            high, medium, low = dialog.high.value(), dialog.medium.value(), dialog.low.value()
            fixed, still_open = dialog.fixed.value(), dialog.still_open.value()
            note = dialog.note.text()
            self._save(
                "scan",
                lambda s: service.record_scan(
                    s,
                    site,
                    month,
                    scanned_on=day,
                    high=high,
                    medium=medium,
                    low=low,
                    fixed=fixed,
                    open=still_open,
                    note=note,
                ),
            )

        dialog.accepted.connect(accepted)
        self.dialog = dialog
        dialog.open()
        return dialog

    # -- importing ------------------------------------------------------------------
    def choose_import(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("The security provider's spreadsheet"),
            str(Path.home()),
            self.tr("Spreadsheets (*.xlsx *.csv)"),
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        self.import_button.setEnabled(False)

        def job(session: Session) -> MonitoringImport:
            return service.import_file(session, path)

        def done(report: MonitoringImport) -> None:
            self.import_button.setEnabled(True)
            what = (
                self.tr("weekly monitoring findings")
                if report.kind == "weeks"
                else self.tr("monthly scans")
            )
            self.ctx.messages.info(
                self.tr("{file}: {created} new and {updated} replaced {what}.").format(
                    file=path.name,
                    created=len(report.created),
                    updated=len(report.updated),
                    what=what,
                ),
                self.tr("Imported"),
            )
            self.imported.emit(report.kind, len(report.created), len(report.updated))

        def failed(exc: BaseException) -> None:
            self.import_button.setEnabled(True)
            if isinstance(exc, ImportRefused):
                dialog = ImportProblemsDialog(exc, self)
                self.problems_dialog = dialog
                dialog.open()
                self.importRefused.emit(len(exc.problems))
            elif isinstance(exc, OSError):
                self.ctx.messages.error(
                    self.tr("The file {file} could not be read: {error}").format(
                        file=path, error=exc.strerror or exc
                    )
                )
            else:
                self.ctx.messages.exception(exc)

        self.ctx.write(AREA, job, done, failed)
