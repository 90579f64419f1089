"""The backups panel of 设置 (备份): the list, back up now, restore one, open the folder.

A restore from inside the running workbench: after the user confirmed, the store is
closed (its engine disposed), the backup restored over the database file (the file it
replaces is kept as a ``prerestore`` backup first, or moved aside if damaged), the
database opened again like at start-up (migrating an older backup forward) and attached
to the context. Every view asks ``ctx.store`` for each query, so they all use the
restored database from then on; they are told to reload through ``dataChanged("all")``.
The work runs on the write worker, so no write of the workbench is under way meanwhile;
a progress dialog keeps the user from starting new work until it is done.

A database on a PostgreSQL server is not backed up here: the panel says so.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench import config, i18n
from workbench.domain.messages import UserError
from workbench.domain.text import size_text
from workbench.domain.timeutil import fmt_local
from workbench.services import backups as backup_service
from workbench.services.backups import BackupEntry, RestoreOutcome
from workbench.ui.common.context import AppContext
from workbench.ui.common.rows_model import Column, RowsModel

if TYPE_CHECKING:
    from workbench.data.store import Store

log = logging.getLogger("workbench.ui.backups")

# Areas told to reload after a restore ("all" for the views that know it).
RELOAD_AREAS = ("all", "workorders", "inspections", "engineers")


class BackupsPanel(QGroupBox):
    loaded = Signal(int)  # backups listed
    backedUp = Signal(str)  # the new backup's file
    restored = Signal(str)  # the backup restored from
    restoreFailed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.confirm_box: QMessageBox | None = None
        self.pending_loss: backup_service.RestoreLoss | None = None
        self.progress: QProgressDialog | None = None
        self.setTitle(self.tr("Backups"))
        layout = QVBoxLayout(self)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.note)

        self.model: RowsModel[BackupEntry] = RowsModel(
            [
                Column(self.tr("Taken"), lambda b: fmt_local(b.taken_at, seconds=True)),
                Column(self.tr("Kind"), lambda b: self.kind_text(b.kind)),
                Column(
                    self.tr("Size"),
                    lambda b: size_text(b.size_bytes),
                    lambda b: b.size_bytes,
                    numeric=True,
                ),
                Column(self.tr("File"), lambda b: Path(b.path).name, tooltip=lambda b: b.path),
            ],
            self,
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((160, 90, 80)):
            self.table.setColumnWidth(column, width)
        self.table.setMinimumHeight(180)
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button = QPushButton(self.tr("Restore the chosen backup…"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.folder_button = QPushButton(self.tr("Open the backup folder"))
        self.folder_button.clicked.connect(self.open_folder)
        buttons = QHBoxLayout()
        for button in (self.backup_button, self.restore_button, self.folder_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

        if not ctx.store.is_sqlite:
            self.note.setText(
                self.tr(
                    "This database is on a server ({url}). It is backed up on the server "
                    "(pg_dump) by its administrator, not by the workbench; ask them to "
                    "restore a backup."
                ).format(url=ctx.store.safe_url)
            )
            for widget in (self.table, self.backup_button, self.restore_button):
                widget.hide()
            self.folder_button.hide()
            return
        self.note.setText(
            self.tr(
                "The workbench backs the database up once a day when it starts, and before "
                "each upgrade; it keeps 7 daily, 4 weekly and 12 monthly backups. Folder: "
                "{folder}"
            ).format(folder=config.backup_dir())
        )
        ctx.events.dataChanged.connect(self._data_changed)
        self.refresh()

    def kind_text(self, kind: str) -> str:
        return {
            "daily": self.tr("daily"),
            "manual": self.tr("manual"),
            "premigration": self.tr("before upgrade"),
            "prerestore": self.tr("before restore"),
        }.get(kind, kind)

    # -- the list -------------------------------------------------------------------
    def _data_changed(self, area: str) -> None:
        if area in ("backups", "all"):
            self.refresh()

    def refresh(self) -> None:
        store = self.ctx.store
        self.ctx.tasks.run(
            lambda: backup_service.list_backups(store), self._show, self.ctx.messages.exception
        )

    def _show(self, rows: list[BackupEntry]) -> None:
        self.model.set_rows(rows)
        self.loaded.emit(len(rows))

    def selected(self) -> BackupEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    # -- backing up -----------------------------------------------------------------
    def backup_now(self) -> None:
        store = self.ctx.store
        self.backup_button.setEnabled(False)

        def done(path: Path) -> None:
            self.backup_button.setEnabled(True)
            self.ctx.messages.note(self.tr("Backup written: {file}").format(file=path))
            self.refresh()
            self.backedUp.emit(str(path))

        def failed(exc: BaseException) -> None:
            self.backup_button.setEnabled(True)
            self._error(exc, self.tr("The backup failed: {error}"))

        # A write job: it waits for any save under way, never copies half of one.
        self.ctx.tasks.run_write(lambda: backup_service.backup_now(store), done, failed)

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(config.backup_dir())))

    # -- restoring ------------------------------------------------------------------
    def restore_selected(self) -> None:
        """Work out what restoring the chosen backup gives up (in the background), then
        ask (:meth:`confirm_restore`)."""
        entry = self.selected()
        if entry is None:
            self.ctx.messages.note(self.tr("Choose a backup in the list first."))
            return
        db_path = self.ctx.store.path
        if db_path is None:
            return
        self.restore_button.setEnabled(False)

        def done(loss: backup_service.RestoreLoss) -> None:
            self.restore_button.setEnabled(True)
            self.confirm_restore(entry, loss)

        def failed(exc: BaseException) -> None:
            self.restore_button.setEnabled(True)
            self._error(exc, self.tr("The backup could not be restored: {error}"))

        path = Path(entry.path)
        self.ctx.tasks.run(lambda: backup_service.restore_loss(db_path, path), done, failed)

    def confirm_restore(self, entry: BackupEntry, loss: backup_service.RestoreLoss) -> QMessageBox:
        """Ask before restoring (the dialog is left open, not blocking)."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Restore a backup"))
        box.setText(
            self.tr("Replace the current database with the backup of {time} ({kind})?").format(
                time=fmt_local(entry.taken_at, seconds=True), kind=self.kind_text(entry.kind)
            )
        )
        box.setInformativeText(
            self.tr(
                "Everything entered after that time will no longer be in the database. "
                "The current database is not lost: it is first kept as a backup of the kind "
                "“before restore” in the backup folder, so this step can be undone by "
                "restoring that one.\n\nThe workbench closes the database for a moment and "
                "opens the restored one; the open views reload, and anything typed into an "
                "open dialog and not saved yet is lost."
            )
            + (
                "\n\n"
                + self.tr(
                    "Not in this backup: {signed} signed records and {entries} audit entries. "
                    "The restore is written to the audit trail."
                ).format(signed=loss.signed, entries=loss.entries)
                if loss.any
                else ""
            )
        )
        self.pending_loss = loss
        restore_button = box.addButton(self.tr("Restore"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        path = Path(entry.path)

        def finished(_result: int) -> None:
            if box.clickedButton() is restore_button:
                self.start_restore(path)
            self.confirm_box = None
            box.deleteLater()

        box.finished.connect(finished)
        self.confirm_box = box
        box.open()
        return box

    def start_restore(self, backup_file: Path) -> None:
        """Close the store, restore ``backup_file`` over its file, open and attach it again."""
        old = self.ctx.store
        db_path = old.path
        if db_path is None:
            return
        loss = self.pending_loss or backup_service.RestoreLoss(0, 0)
        self._busy(True)

        def job() -> tuple[RestoreOutcome, Store]:
            from workbench.services.startup import open_and_fill

            old.dispose()  # pooled connections closed: the file can be claimed
            outcome = backup_service.restore(db_path, backup_file)
            new = open_and_fill(str(db_path))
            backup_service.record_restore(new, outcome, loss)
            return outcome, new

        def done(result: tuple[RestoreOutcome, Store]) -> None:
            outcome, new = result
            self._busy(False)
            self.ctx.attach_store(new)
            old.dispose()  # anything that reconnected meanwhile
            log.info("restored %s from %s in the GUI", outcome.database, outcome.restored_from)
            for area in RELOAD_AREAS:
                self.ctx.events.dataChanged.emit(area)
            kept = outcome.kept or ""
            self.ctx.messages.info(
                self.tr(
                    "The database was restored from {backup}.\n\nThe database as it was "
                    "before is kept as {kept}."
                ).format(backup=Path(outcome.restored_from).name, kept=kept),
                self.tr("Backup restored"),
            )
            self.restored.emit(outcome.restored_from)

        def failed(exc: BaseException) -> None:
            self._busy(False)
            # The old store's engine opens new connections on demand: work goes on with
            # the database as it was (a failed restore leaves the file in place).
            self.refresh()
            self._error(exc, self.tr("The backup could not be restored: {error}"))
            self.restoreFailed.emit(str(exc))

        self.ctx.tasks.run_write(job, done, failed)

    def _busy(self, busy: bool) -> None:
        for button in (self.backup_button, self.restore_button):
            button.setEnabled(not busy)
        if busy:
            progress = QProgressDialog(self.tr("Restoring the backup…"), "", 0, 0, self)
            progress.setWindowTitle(self.tr("Restore a backup"))
            progress.setCancelButton(None)
            progress.setWindowModality(Qt.WindowModality.ApplicationModal)
            progress.setMinimumDuration(0)
            progress.show()
            self.progress = progress
        elif self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _error(self, exc: BaseException, template: str) -> None:
        from workbench.data.backup import describe_error

        if isinstance(exc, UserError):
            text = describe_error(exc, i18n.translate)
        elif isinstance(exc, OSError | ValueError | RuntimeError):
            text = template.format(error=getattr(exc, "strerror", None) or exc)
        else:
            raise exc
        self.ctx.messages.error(text)
