"""合同结束：移交与销毁 (七、5), the guided hand-back of the 设置 view.

Two steps, each confirmed: (1) export everything into an empty folder outside the data
folder, with progress, and open it; (2) sign — the engineer with PIN, the client's
representative by name and signature — and destroy the laptop's copy, after a warning
that lists what is destroyed. The record of what was handed back and destroyed is written
into the pack; the workbench then quits, since its store is gone.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench import i18n
from workbench.domain.text import size_text
from workbench.ui.common.tasks import Progress

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from workbench.domain.handback import HandbackExport, WipeResult, WipeTarget
    from workbench.services.engineers import SigningKey
    from workbench.ui.common.context import AppContext
    from workbench.ui.common.signoff import SignOffInput

log = logging.getLogger("workbench.ui.handback")


class HandbackDialog(QDialog):
    exported = Signal(int)  # files in the pack
    destroyed = Signal(str)  # the record's path

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.export: HandbackExport | None = None
        self.targets: list[WipeTarget] = []
        self.progress: Progress | None = None
        self.quit_after = True  # tests keep the application running
        self.setWindowTitle(self.tr("Contract end: hand back and destroy"))
        intro = QLabel(
            self.tr(
                "Clause 七、5: when the contract ends, Party A may ask for its information back "
                "and for the contractor's copies to be destroyed. Step 1 writes everything "
                "into a folder to hand over (signed records, registers, work log, attachments, "
                "a database backup). Step 2, after both sides sign, destroys this laptop's "
                "copy and writes the record of it into that folder."
            )
        )
        intro.setWordWrap(True)
        self.folder = QLineEdit()
        self.folder.setPlaceholderText(
            self.tr("An empty folder, e.g. on the USB drive to hand over")
        )
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)
        self.export_button = QPushButton(self.tr("1. Export the hand-back pack"))
        self.export_button.clicked.connect(self.start_export)
        self.progress_bar = QProgressBar()
        self.progress_bar.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open the folder"))
        self.open_button.clicked.connect(self.open_folder)
        self.open_button.setEnabled(False)
        self.destroy_button = QPushButton(self.tr("2. Sign and destroy this laptop's copy…"))
        self.destroy_button.setStyleSheet("color: #b00020; font-weight: bold;")
        self.destroy_button.clicked.connect(self.confirm_destroy)
        self.destroy_button.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(folder_row)
        layout.addWidget(self.export_button)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.status)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addStretch(1)
        row.addWidget(self.destroy_button)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    # -- step 1 ------------------------------------------------------------------------
    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the hand-back pack"))
        if chosen:
            self.folder.setText(chosen)

    def start_export(self) -> None:
        from workbench.services import handback

        text = self.folder.text().strip()
        if not text:
            self.status.setText(self.tr("Choose a folder first."))
            return
        folder = Path(text)
        store = self.ctx.store
        self.progress = Progress()
        self.progress.changed.connect(self._progress)
        self.progress_bar.setRange(0, 0)
        self.progress_bar.show()
        self.export_button.setEnabled(False)
        self.status.setText(self.tr("Writing the pack to {folder}…").format(folder=folder))

        def run(progress: Progress) -> HandbackExport:
            return handback.export_pack(store, folder, i18n.translate, progress.report)

        self.ctx.tasks.run(run, self._exported, self._export_failed, progress=self.progress)

    def _progress(self, done: int, total: int, text: str) -> None:
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(done)
        self.progress_bar.setFormat(f"{done}/{total} {text}")

    def _exported(self, export: HandbackExport) -> None:
        self.export = export
        self.progress_bar.hide()
        self.status.setText(
            self.tr("Pack written: {count} files, {size}, in {folder}.").format(
                count=len(export.files), size=size_text(export.total_bytes), folder=export.folder
            )
        )
        self.open_button.setEnabled(True)
        self.destroy_button.setEnabled(True)
        self.exported.emit(len(export.files))

    def _export_failed(self, exc: BaseException) -> None:
        self.progress_bar.hide()
        self.export_button.setEnabled(True)
        self.status.setText("")
        self.ctx.messages.exception(exc)

    def open_folder(self) -> None:
        if self.export is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.export.folder)))

    # -- step 2 ------------------------------------------------------------------------
    def confirm_destroy(self) -> None:
        from workbench.services import handback

        export = self.export
        if export is None:
            return
        store = self.ctx.store

        def check() -> tuple[HandbackExport, list[WipeTarget], Any]:
            ready = handback.check_ready(store, export.folder)
            return ready, handback.wipe_targets(store), handback.contract_of(store)

        self.ctx.tasks.run(check, self._ask, self.ctx.messages.exception)

    def _ask(self, checked: tuple[HandbackExport, list[WipeTarget], Any]) -> None:
        export, targets, contract = checked
        self.targets = targets
        lines = "\n".join(f"• {t.path} ({size_text(t.size)})" for t in targets[:12])
        if len(targets) > 12:
            lines += "\n" + self.tr("… and {count} more").format(count=len(targets) - 12)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Destroy this laptop's copy"),
            self.tr(
                "The pack in {folder} is whole. After both sides sign, these {count} files are "
                "overwritten and deleted; this cannot be undone, and the workbench then quits:"
            ).format(folder=export.folder, count=len(targets))
            + "\n\n"
            + lines,
            QMessageBox.StandardButton.Cancel,
            self,
        )
        go = box.addButton(self.tr("Sign and destroy…"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is go:
            self._sign(export, contract)

    def _sign(self, export: HandbackExport, contract: Any) -> None:
        from workbench.services import engineers
        from workbench.ui.common.signoff import SignOffDialog

        def unlock(session: Session, data: SignOffInput) -> tuple[SigningKey, SignOffInput]:
            return engineers.unlock(session, data.engineer_id, data.pin), data

        dialog = SignOffDialog(
            self.ctx,
            unlock,
            title=self.tr("Sign the hand-back"),
            record_label=self.tr(
                "The engineer signs with PIN; Party A's representative signs for receiving the "
                "pack. The laptop's copy is destroyed right after."
            ),
            parent=self,
        )
        dialog.signed.connect(lambda result: self._destroy(export, contract, *result))
        self.sign_dialog = dialog
        dialog.open()

    def _destroy(
        self, export: HandbackExport, contract: Any, key: SigningKey, data: SignOffInput
    ) -> None:
        from workbench.services import handback

        store, targets = self.ctx.store, list(self.targets)
        self.ctx.tasks.wait()  # nothing else reads the store while it is destroyed
        self.status.setText(self.tr("Destroying this laptop's copy…"))
        self.destroy_button.setEnabled(False)

        def run() -> tuple[Path, list[WipeResult]]:
            results = handback.destroy(store, targets)
            path = handback.write_record(
                export,
                results,
                contract=contract,
                key=key,
                client_name=data.client_name,
                signatures=data.signatures(),
                translate=i18n.translate,
            )
            return path, results

        self.ctx.tasks.run(run, self._done, self.ctx.messages.exception)

    def _done(self, result: tuple[Path, list[WipeResult]]) -> None:
        path, results = result
        failed = [r for r in results if not r.destroyed]
        text = self.tr(
            "Destroyed {done} files; {failed} could not be destroyed (see the record). The "
            "record is {path}. The workbench quits now."
        ).format(done=len(results) - len(failed), failed=len(failed), path=path)
        self.status.setText(text)
        self.destroyed.emit(str(path))
        if self.quit_after:
            QMessageBox.information(self, self.tr("Hand-back done"), text)
            self.open_folder()
            QApplication.quit()
