"""设置 view: language, who is working, engineer accounts, scanner, records, data."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench import config, i18n
from workbench.domain import keys
from workbench.domain.timeutil import fmt_local
from workbench.services import engineers as engineer_service
from workbench.services.engineers import EngineerRow
from workbench.ui.common.context import AppContext
from workbench.ui.common.display import database_location
from workbench.ui.settings.pins import EngineerDialog, PinDialog
from workbench.ui.settings.registration import RegistrationPrinter

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

Index = QModelIndex | QPersistentModelIndex


class EngineersModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[EngineerRow] = []

    def set_rows(self, rows: list[EngineerRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[EngineerRow]:
        return list(self._rows)

    def row_at(self, row: int) -> EngineerRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Name"),
                self.tr("Phone"),
                self.tr("PIN"),
                self.tr("Active"),
                self.tr("Key fingerprint"),
            )[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        if index.column() == 0:
            return row.name
        if index.column() == 1:
            return row.phone
        if index.column() == 2:
            if row.locked_until is not None:
                return self.tr("locked until {time}").format(time=fmt_local(row.locked_until))
            return self.tr("set") if row.has_pin else self.tr("not set")
        if index.column() == 3:
            return self.tr("yes") if row.active else self.tr("no")
        return keys.display_fingerprint(row.fingerprint) if row.fingerprint else ""


class SettingsView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.window_ = parent

        # -- general ------------------------------------------------------------------
        self.language = QComboBox()
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        # The language this window is in (``--lang`` may differ from the saved one).
        self.language.setCurrentIndex(max(0, self.language.findData(i18n.language())))
        self.language.currentIndexChanged.connect(self._language_changed)
        self.language_note = QLabel()
        self.engineer = QComboBox()
        self.engineer.currentIndexChanged.connect(self._engineer_changed)
        general = QGroupBox(self.tr("General"))
        form = QFormLayout(general)
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", self.language_note)
        form.addRow(self.tr("Engineer at this laptop"), self.engineer)
        # Off by default: the signed work order states the clocks' facts, not an amount.
        self.penalty_on_paper = QCheckBox(
            self.tr("Print the liquidated damages exposure (clause 八、1) on work orders")
        )
        self.penalty_on_paper.setChecked(ctx.settings.workorder_penalty_on_paper)
        self.penalty_on_paper.toggled.connect(self._penalty_on_paper_changed)
        form.addRow(self.tr("Work order paper"), self.penalty_on_paper)

        # -- engineers ----------------------------------------------------------------
        self.engineers = EngineersModel(self)
        self.engineer_table = QTableView()
        self.engineer_table.setModel(self.engineers)
        self.engineer_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.engineer_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.engineer_table.verticalHeader().hide()
        self.engineer_table.horizontalHeader().setStretchLastSection(True)
        self.engineer_table.setMinimumHeight(140)
        add = QPushButton(self.tr("New engineer…"))
        add.clicked.connect(self.add_engineer)
        pin = QPushButton(self.tr("Set PIN…"))
        pin.clicked.connect(self.set_pin)
        toggle = QPushButton(self.tr("Activate / deactivate"))
        toggle.clicked.connect(self.toggle_active)
        self.registration = RegistrationPrinter(ctx, self)
        registration = self.registration.button(
            lambda: picked.name if (picked := self._selected()) is not None else None
        )
        row = QHBoxLayout()
        for button in (add, pin, toggle, registration):
            row.addWidget(button)
        row.addStretch(1)
        people = QGroupBox(self.tr("Engineer accounts"))
        people_layout = QVBoxLayout(people)
        people_layout.addWidget(self.engineer_table)
        people_layout.addLayout(row)

        # -- scanner and records ------------------------------------------------------
        scanner_button = QPushButton(self.tr("Scanner settings…"))
        scanner_button.clicked.connect(self._scanner_settings)
        self.verify_button = QPushButton(self.tr("Verify signed records"))
        self.verify_button.clicked.connect(self.verify)
        self.verify_result = QLabel()
        self.verify_result.setWordWrap(True)
        self.verify_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        tools = QGroupBox(self.tr("Scanner and records"))
        tools_layout = QFormLayout(tools)
        tools_layout.addRow(self.tr("Barcode scanner"), scanner_button)
        tools_layout.addRow(self.tr("Signed records"), self.verify_button)
        tools_layout.addRow("", self.verify_result)

        # -- data ---------------------------------------------------------------------
        data = QGroupBox(self.tr("Data"))
        data_layout = QFormLayout(data)
        for label, value in (
            (self.tr("Database"), database_location(ctx.store)),
            (self.tr("Data folder"), str(config.data_dir())),
            (self.tr("Log folder"), str(config.log_dir())),
        ):
            text = QLabel(value)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text.setWordWrap(True)
            data_layout.addRow(label, text)
        from workbench.ui.settings.records import RecordsStartEditor

        self.records = RecordsStartEditor(ctx, data)
        data_layout.addRow(self.tr("Records kept from"), self.records)
        welcome = QPushButton(self.tr("Show the welcome again…"))
        welcome.clicked.connect(self._welcome)
        data_layout.addRow(self.tr("First start"), welcome)
        handback = QPushButton(self.tr("Hand back and destroy…"))
        handback.setToolTip(
            self.tr("At the contract's end (clause 七、5): export everything, then destroy")
        )
        handback.clicked.connect(self.open_handback)
        data_layout.addRow(self.tr("Contract end"), handback)
        self.data_layout = data_layout

        content = QWidget()
        layout = QVBoxLayout(content)
        for box in (general, people, tools, data):
            layout.addWidget(box)
        self.extra = QVBoxLayout()  # backups and the audit trail add their panels here
        layout.addLayout(self.extra)
        from workbench.ui.settings.audit import AuditPanel
        from workbench.ui.settings.backups import BackupsPanel

        self.backups = BackupsPanel(ctx, content)
        self.audit = AuditPanel(ctx, content)
        self.extra.addWidget(self.backups)
        self.extra.addWidget(self.audit)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.refresh()
        ctx.events.dataChanged.connect(self._data_changed)

    def _data_changed(self, area: str) -> None:
        if area == "engineers":
            self.refresh()

    # -- engineers ------------------------------------------------------------------
    def refresh(self) -> None:
        def query(session: Session) -> list[EngineerRow]:
            return engineer_service.list_engineers(session, include_inactive=True)

        self.ctx.read(self, "engineers", query, self._show_engineers)

    def _show_engineers(self, rows: list[EngineerRow]) -> None:
        self.engineers.set_rows(rows)
        self.engineer.blockSignals(True)
        self.engineer.clear()
        self.engineer.addItem(self.tr("(not chosen)"), "")
        for row in rows:
            if row.active:
                self.engineer.addItem(row.name, row.name)
        self.engineer.setCurrentIndex(max(0, self.engineer.findData(self.ctx.settings.engineer)))
        self.engineer.blockSignals(False)

    def _selected(self) -> EngineerRow | None:
        rows = self.engineer_table.selectionModel().selectedRows()
        return self.engineers.row_at(rows[0].row()) if rows else None

    def _write(self, job: Any) -> None:
        self.ctx.write("engineers", job)

    def _keyed(self) -> list[EngineerRow]:
        """The active engineers with a signing key: who can approve a new one."""
        return [r for r in self.engineers.rows() if r.fingerprint and r.active]

    def add_engineer(self) -> None:
        approvers = self._keyed()
        dialog = EngineerDialog(self, approvers, needs_approval=bool(approvers))

        def accepted() -> None:
            name, phone, pin = dialog.name.text(), dialog.phone.text(), dialog.pin.text()
            approver_id, approver_pin = dialog.approver_id(), dialog.approver_pin.text()
            self._write(
                lambda s: engineer_service.add_engineer(
                    s, name, phone, pin, approver_id if pin else "", approver_pin
                )
            )

        dialog.accepted.connect(accepted)
        dialog.open()

    def set_pin(self) -> None:
        engineer = self._selected()
        if engineer is None:
            self.ctx.messages.note(self.tr("Choose an engineer in the list first."))
            return
        approvers = self._keyed()
        dialog = PinDialog(self, engineer, approvers, needs_approval=bool(approvers))

        def accepted() -> None:
            change = dialog.request()
            self._write(lambda s: engineer_service.apply_pin_change(s, engineer.id, change))

        dialog.accepted.connect(accepted)
        dialog.open()

    def toggle_active(self) -> None:
        engineer = self._selected()
        if engineer is not None:
            self._write(lambda s: engineer_service.set_active(s, engineer.id, not engineer.active))

    # -- general --------------------------------------------------------------------
    def _language_changed(self) -> None:
        self.ctx.settings.language = str(self.language.currentData())
        self._save()
        self.language_note.setText(self.tr("The new language applies after a restart."))

    def _engineer_changed(self) -> None:
        self.ctx.settings.engineer = str(self.engineer.currentData() or "")
        self._save()

    def _penalty_on_paper_changed(self, checked: bool) -> None:
        self.ctx.settings.workorder_penalty_on_paper = checked
        self._save()

    def _save(self) -> None:
        try:
            self.ctx.settings.save()
        except OSError as exc:
            self.ctx.messages.error(
                self.tr("The settings could not be saved: {error}").format(error=exc)
            )

    def _scanner_settings(self) -> None:
        wiring = getattr(self.window(), "wiring", None)
        if wiring is not None:
            wiring.open_scanner_settings()

    def open_handback(self) -> QWidget:
        from workbench.ui.settings.handback import HandbackDialog

        dialog = HandbackDialog(self.ctx, self)
        self.handback_dialog = dialog
        dialog.open()
        return dialog

    def _welcome(self) -> None:
        wiring = getattr(self.window(), "wiring", None)
        if wiring is not None:
            wiring.show_welcome()

    # -- records --------------------------------------------------------------------
    def verify(self) -> None:
        self.verify_button.setEnabled(False)
        self.verify_result.setText(self.tr("Checking…"))

        def job(session: Session) -> list[str]:
            from workbench.services import verification

            report = verification.run_checks(session)
            return [m.render(i18n.translate) for m in verification.messages(report)]

        def done(problems: list[str]) -> None:
            self.verify_button.setEnabled(True)
            if problems:
                self.verify_result.setStyleSheet("color: #b00020;")
                self.verify_result.setText(
                    self.tr("The check found:") + "\n" + "\n".join(problems[:20])
                )
            else:
                self.verify_result.setStyleSheet("color: #1b7a1b;")
                self.verify_result.setText(self.tr("Every signed record matches its signature."))

        def failed(exc: BaseException) -> None:
            self.verify_button.setEnabled(True)
            self.verify_result.clear()
            self.ctx.messages.exception(exc)

        self.ctx.read(self, "verify", job, done, failed)
