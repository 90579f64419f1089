"""The audit trail (审计记录): every change, filtered, paged, exported and its chain verified.

Opened from 设置 (:class:`AuditPanel` adds the button there) as a window of its own. Every
query runs off the GUI thread; the list is fed one page at a time by
:func:`workbench.services.audit.list_entries`, filtered by the query.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench import i18n
from workbench.domain.timeutil import LOCAL_TZ, local_midnight
from workbench.services import audit as audit_service
from workbench.services.audit import AuditEntry, AuditFilter, ChainReport
from workbench.ui import savefile
from workbench.ui.common.context import AppContext
from workbench.ui.common.rows_model import (
    Change,
    Column,
    RowsModel,
    changes,
    entry_time,
    rows_table,
    summary,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

log = logging.getLogger("workbench.ui.audit")

PAGE_SIZE = 200


@dataclass(frozen=True)
class AuditPage:
    total: int
    offset: int
    entries: list[AuditEntry]
    tables: list[str]
    actors: list[str]


class AuditView(QWidget):
    """Filters, a page of the trail, the selected row's old and new values."""

    loaded = Signal(int)  # rows in the filtered trail
    exported = Signal(str, int)  # file, rows written
    verified = Signal(bool)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.offset = 0
        self.total = 0
        self._tables_known: list[str] = []

        # -- filters --------------------------------------------------------------------
        self.table = QComboBox()
        self.table.addItem(self.tr("(all)"), "")
        self.actor = QComboBox()
        self.actor.setEditable(True)
        self.actor.addItem("", "")
        actor_edit = self.actor.lineEdit()
        if actor_edit is not None:
            actor_edit.setPlaceholderText(self.tr("(anyone)"))
        self.action = QComboBox()
        self.action.addItem(self.tr("(all)"), "")
        for key in ("insert", "update", "delete"):
            self.action.addItem(self.action_text(key), key)
        self.use_period = QCheckBox(self.tr("From"))
        today = dt.datetime.now(LOCAL_TZ).date()
        self.since = QDateEdit(QDate(today.year, today.month, 1))
        self.until = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.use_period.toggled.connect(self.since.setEnabled)
        self.use_period.toggled.connect(self.until.setEnabled)
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("text in the old or new values"))
        self.text.setClearButtonEnabled(True)
        self.text.returnPressed.connect(self.apply_filter)
        self.record = QLineEdit()
        self.record.setPlaceholderText(self.tr("record key"))
        self.record.setClearButtonEnabled(True)
        self.record.returnPressed.connect(self.apply_filter)
        search = QPushButton(self.tr("Search"))
        search.setDefault(True)
        search.clicked.connect(self.apply_filter)
        reset = QPushButton(self.tr("Clear filters"))
        reset.clicked.connect(self.clear_filter)
        for combo in (self.table, self.action):
            combo.activated.connect(lambda _i: self.apply_filter())

        filters = QGroupBox(self.tr("Filter"))
        grid = QGridLayout(filters)
        grid.addWidget(QLabel(self.tr("Table")), 0, 0)
        grid.addWidget(self.table, 0, 1)
        grid.addWidget(QLabel(self.tr("User")), 0, 2)
        grid.addWidget(self.actor, 0, 3)
        grid.addWidget(QLabel(self.tr("Action")), 0, 4)
        grid.addWidget(self.action, 0, 5)
        grid.addWidget(self.use_period, 1, 0)
        period = QHBoxLayout()
        period.addWidget(self.since)
        period.addWidget(QLabel(self.tr("to")))
        period.addWidget(self.until)
        grid.addLayout(period, 1, 1)
        grid.addWidget(QLabel(self.tr("Contains")), 1, 2)
        grid.addWidget(self.text, 1, 3)
        grid.addWidget(QLabel(self.tr("Record")), 1, 4)
        grid.addWidget(self.record, 1, 5)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(reset)
        buttons.addWidget(search)
        grid.addLayout(buttons, 2, 0, 1, 6)
        grid.setColumnStretch(3, 1)

        # -- the list -------------------------------------------------------------------
        self.model: RowsModel[AuditEntry] = RowsModel(
            [
                Column(self.tr("No."), lambda e: str(e.seq), lambda e: e.seq, numeric=True),
                Column(self.tr("Time"), entry_time, lambda e: e.at),
                Column(self.tr("User"), lambda e: e.actor),
                Column(
                    self.tr("Table"),
                    lambda e: self.table_text(e.table_name),
                    tooltip=lambda e: e.table_name,
                ),
                Column(self.tr("Record"), lambda e: e.record_id),
                Column(
                    self.tr("Action"),
                    lambda e: self.action_text(e.action),
                    colour=lambda e: "#b00020" if e.action == "delete" else None,
                ),
                Column(self.tr("Changes"), summary, tooltip=summary),
            ],
            self,
        )
        self.view = rows_table(self.model, (60, 150, 90, 110, 150, 60))
        self.view.selectionModel().currentRowChanged.connect(lambda *_a: self._show_detail())

        self.changes_model: RowsModel[Change] = RowsModel(
            [
                Column(self.tr("Field"), lambda c: c.field),
                Column(self.tr("Before"), lambda c: c.old, tooltip=lambda c: c.old),
                Column(self.tr("After"), lambda c: c.new, tooltip=lambda c: c.new),
            ],
            self,
        )
        self.changes_view = QTableView()
        self.changes_view.setModel(self.changes_model)
        self.changes_view.verticalHeader().hide()
        self.changes_view.setWordWrap(True)
        self.changes_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.detail_title = QLabel()
        self.detail_title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_title.setWordWrap(True)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.detail_title)
        detail_layout.addWidget(self.changes_view, 1)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        # -- paging, export, verification -------------------------------------------------
        self.previous_button = QPushButton(self.tr("◀ Newer"))
        self.previous_button.clicked.connect(lambda: self.go(self.offset - PAGE_SIZE))
        self.next_button = QPushButton(self.tr("Older ▶"))
        self.next_button.clicked.connect(lambda: self.go(self.offset + PAGE_SIZE))
        self.page_label = QLabel()
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.clicked.connect(self.choose_export)
        self.verify_button = QPushButton(self.tr("Verify audit chain"))
        self.verify_button.clicked.connect(self.verify)
        self.verify_result = QLabel()
        self.verify_result.setWordWrap(True)
        self.verify_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bottom = QHBoxLayout()
        bottom.addWidget(self.previous_button)
        bottom.addWidget(self.page_label)
        bottom.addWidget(self.next_button)
        bottom.addStretch(1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.verify_button)

        layout = QVBoxLayout(self)
        layout.addWidget(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.verify_result)
        self._update_pager()
        self.reload()

    # -- names ----------------------------------------------------------------------
    def action_text(self, action: str) -> str:
        return {
            "insert": self.tr("created"),
            "update": self.tr("changed"),
            "delete": self.tr("deleted"),
        }.get(action, action)

    def table_text(self, table: str) -> str:
        names = {
            "asset": self.tr("Device"),
            "asset_category": self.tr("Device category"),
            "location": self.tr("Location"),
            "engineer": self.tr("Engineer"),
            "work_order": self.tr("Work order"),
            "work_order_asset": self.tr("Work order device"),
            "work_order_event": self.tr("Work order step"),
            "work_order_amendment": self.tr("Work order amendment"),
            "work_log_entry": self.tr("Work log"),
            "inspection_round": self.tr("Inspection round"),
            "inspection_round_asset": self.tr("Inspection round device"),
            "device_inspection": self.tr("Device inspection"),
            "inspection_result": self.tr("Inspection result"),
            "inspection_attachment": self.tr("Inspection attachment"),
            "checklist": self.tr("Checklist"),
            "signature": self.tr("Signature"),
            "signed_record": self.tr("Signed record"),
            "contract": self.tr("Contract"),
            "payment_milestone": self.tr("Payment milestone"),
            "deliverable": self.tr("Deliverable"),
            "website_monitoring": self.tr("Website monitoring"),
            "vulnerability_scan": self.tr("Vulnerability scan"),
            "sequence_counter": self.tr("Number counter"),
        }
        return names.get(table, table)

    # -- filtering and paging -----------------------------------------------------------
    def current_filter(self) -> AuditFilter:
        since = until = None
        if self.use_period.isChecked():
            first = self.since.date().toPython()
            last = self.until.date().toPython()
            assert isinstance(first, dt.date) and isinstance(last, dt.date)
            if last < first:
                first, last = last, first
            since = local_midnight(first)
            until = local_midnight(last + dt.timedelta(days=1))
        return AuditFilter(
            actor=self.actor.currentText().strip() or None,
            table_name=str(self.table.currentData() or "") or None,
            record_id=self.record.text().strip() or None,
            action=str(self.action.currentData() or "") or None,
            since=since,
            until=until,
            text=self.text.text().strip() or None,
        )

    def apply_filter(self) -> None:
        self.go(0)

    def clear_filter(self) -> None:
        self.table.setCurrentIndex(0)
        self.actor.setEditText("")
        self.action.setCurrentIndex(0)
        self.use_period.setChecked(False)
        self.text.clear()
        self.record.clear()
        self.go(0)

    def go(self, offset: int) -> None:
        self.offset = max(0, offset)
        self.reload()

    def reload(self) -> None:
        flt = self.current_filter()
        offset = self.offset

        def query(session: Session) -> AuditPage:
            from workbench.services import engineers

            total = audit_service.count_entries(session, flt)
            start = min(offset, max(0, (total - 1) // PAGE_SIZE * PAGE_SIZE))
            entries = audit_service.list_entries(session, flt, offset=start, limit=PAGE_SIZE)
            tables = audit_service.audited_tables(session)
            actors = [e.name for e in engineers.list_engineers(session, include_inactive=True)]
            return AuditPage(total, start, entries, tables, actors)

        self.ctx.read(self, "page", query, self._show)

    def _show(self, page: AuditPage) -> None:
        self.total = page.total
        self.offset = page.offset
        self.model.set_rows(page.entries)
        if page.tables != self._tables_known:
            self._tables_known = page.tables
            chosen = self.table.currentData()
            self.table.clear()
            self.table.addItem(self.tr("(all)"), "")
            for name in page.tables:
                self.table.addItem(self.table_text(name), name)
            self.table.setCurrentIndex(max(0, self.table.findData(chosen)))
        known = {self.actor.itemText(i) for i in range(self.actor.count())}
        for name in [self.ctx.actor, *page.actors]:
            if name not in known:
                self.actor.addItem(name, name)
                known.add(name)
        self._update_pager()
        if page.entries:
            self.view.selectRow(0)
        else:
            self._show_detail()
        self.loaded.emit(page.total)

    def _update_pager(self) -> None:
        if self.total == 0:
            self.page_label.setText(self.tr("No entries."))
        else:
            self.page_label.setText(
                self.tr("{first}–{last} of {total} entries, newest first").format(
                    first=self.offset + 1,
                    last=self.offset + self.model.rowCount(),
                    total=self.total,
                )
            )
        self.previous_button.setEnabled(self.offset > 0)
        self.next_button.setEnabled(self.offset + PAGE_SIZE < self.total)

    def selected(self) -> AuditEntry | None:
        return self.model.row_of(self.view.currentIndex())

    def _show_detail(self) -> None:
        entry = self.selected()
        if entry is None:
            self.detail_title.setText("")
            self.changes_model.set_rows([])
            return
        self.detail_title.setText(
            self.tr("No. {seq} · {time} · {user} · {action} {table} {record}").format(
                seq=entry.seq,
                time=entry_time(entry),
                user=entry.actor,
                action=self.action_text(entry.action),
                table=self.table_text(entry.table_name),
                record=entry.record_id,
            )
        )
        self.changes_model.set_rows(changes(entry))
        self.changes_view.resizeRowsToContents()

    # -- export ---------------------------------------------------------------------
    def choose_export(self) -> None:
        name = f"audit-{dt.datetime.now(LOCAL_TZ):%Y%m%d}.xlsx"
        path, _chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the audit trail"),
            str(Path.home() / name),
            self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"),
        )
        if path:
            target = Path(path)
            if target.suffix.lower() not in (".xlsx", ".csv"):
                target = target.with_suffix(".xlsx")
            self.export(target)

    def export(self, target: Path) -> None:
        """Write the rows the filters select (all pages) to ``target`` (.xlsx or .csv)."""
        flt = self.current_filter()
        self.export_button.setEnabled(False)

        def job(session: Session) -> int:
            savefile.check_writable(target)
            return audit_service.export_entries(session, target, flt, i18n.translate)

        def done(count: int) -> None:
            self.export_button.setEnabled(True)
            self.ctx.messages.note(
                self.tr("{count} entries exported to {file}.").format(count=count, file=target)
            )
            self.exported.emit(str(target), count)

        def failed(exc: BaseException) -> None:
            self.export_button.setEnabled(True)
            if isinstance(exc, OSError):  # open in WPS or Excel, read-only, disk full
                savefile.report(self.ctx.messages, exc, target)
            else:
                self.ctx.messages.exception(exc)

        self.ctx.read(self, "export", job, done, failed)

    # -- verification ---------------------------------------------------------------
    def verify(self) -> None:
        self.verify_button.setEnabled(False)
        self.verify_result.setStyleSheet("")
        self.verify_result.setText(self.tr("Checking the audit chain…"))

        def job(session: Session) -> ChainReport:
            return audit_service.verify_audit_chain(session)

        def done(report: ChainReport) -> None:
            self.verify_button.setEnabled(True)
            if report.ok:
                self.verify_result.setStyleSheet("color: #1b7a1b;")
                self.verify_result.setText(
                    self.tr("The audit chain is intact: {count} entries checked.").format(
                        count=report.checked
                    )
                )
            else:
                self.verify_result.setStyleSheet("color: #b00020;")
                lines = [p.message.render(i18n.translate) for p in report.problems[:20]]
                if len(report.problems) > 20:
                    lines.append(
                        self.tr("… and {more} more.").format(more=len(report.problems) - 20)
                    )
                self.verify_result.setText(
                    self.tr("The audit chain is broken ({count} problems):").format(
                        count=len(report.problems)
                    )
                    + "\n"
                    + "\n".join(lines)
                )
            self.verified.emit(report.ok)

        def failed(exc: BaseException) -> None:
            self.verify_button.setEnabled(True)
            self.verify_result.clear()
            self.ctx.messages.exception(exc)

        self.ctx.read(self, "verify", job, done, failed)


class AuditDialog(QDialog):
    """The audit view in a window of its own (not modal: the work goes on beside it)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Audit trail"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.view = AuditView(ctx, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view)
        self.resize(1100, 720)


class AuditPanel(QGroupBox):
    """The 设置 panel that opens the audit trail."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: AuditDialog | None = None
        self.setTitle(self.tr("Audit trail"))
        note = QLabel(
            self.tr(
                "Every change to the data is written to the audit trail, with who made it "
                "and when; the entries are chained so that an altered entry is found."
            )
        )
        note.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open the audit trail…"))
        self.open_button.clicked.connect(self.open_trail)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addStretch(1)
        layout.addLayout(row)

    def open_trail(self) -> AuditDialog:
        if self.dialog is None:
            self.dialog = AuditDialog(self.ctx, self.window())
        else:
            self.dialog.view.reload()
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog
