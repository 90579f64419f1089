"""Dialogs of the 工单 view: a new work order, a work-log entry, a step at another time,
and an amendment of a signed order.

Dialogs only collect input; the view runs the service calls off the GUI thread. The
amendment dialog, like the sign-off dialog, takes the PIN and runs its own write so that
a wrong PIN keeps it open.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDateTime, Qt, QTimeZone
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from workbench import i18n
from workbench.domain import workorders as rules
from workbench.domain.messages import UserError
from workbench.domain.timeutil import fmt_local
from workbench.domain.timeutil import now as utc_now
from workbench.services.engineers import EngineerRow
from workbench.services.workorders import TEXT_LIMITS
from workbench.ui.workorders.model import domain_name

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from workbench.ui.common.context import AppContext

_ZONE = QTimeZone(b"Asia/Shanghai")


def to_qdatetime(value: dt.datetime) -> QDateTime:
    seconds = int(value.timestamp())
    return QDateTime.fromSecsSinceEpoch(seconds, _ZONE)


def from_qdatetime(value: QDateTime) -> dt.datetime:
    return dt.datetime.fromtimestamp(value.toSecsSinceEpoch(), dt.UTC)


def time_edit(parent: QWidget, value: dt.datetime | None = None) -> QDateTimeEdit:
    edit = QDateTimeEdit(parent)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    edit.setCalendarPopup(True)
    edit.setTimeZone(_ZONE)
    edit.setDateTime(to_qdatetime(value or utc_now()))
    edit.setMaximumDateTime(to_qdatetime(utc_now() + dt.timedelta(minutes=1)))
    return edit


def engineer_combo(
    parent: QWidget,
    engineers: Sequence[EngineerRow],
    current: str = "",
    *,
    nobody: str | None = None,
) -> QComboBox:
    """A choice of engineers (data: id); ``current`` is a name chosen first if present.

    ``nobody``, already translated by the caller, adds a first "no one" choice (data: None).
    """
    combo = QComboBox(parent)
    if nobody is not None:
        combo.addItem(nobody, None)
    for row in engineers:
        combo.addItem(row.name, row.id)
    index = combo.findText(current) if current else -1
    if index >= 0:
        combo.setCurrentIndex(index)
    return combo


def _choice_combo(parent: QWidget, names: dict[str, str], keys: Sequence[str]) -> QComboBox:
    combo = QComboBox(parent)
    for key in keys:
        combo.addItem(domain_name(names, key), key)
    return combo


@dataclass(frozen=True)
class NewWorkOrder:
    type: str
    channel: str
    priority: str
    asset_codes: tuple[str, ...]
    reporter_name: str
    reporter_phone: str
    description: str
    engineer_id: str | None
    reported_at: dt.datetime
    client_deadline: dt.datetime | None = None  # a time the client set (甲方指定时间)

    def kwargs(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "channel": self.channel,
            "priority": self.priority,
            "asset_codes": self.asset_codes,
            "reporter_name": self.reporter_name,
            "reporter_phone": self.reporter_phone,
            "description": self.description,
            "engineer_id": self.engineer_id,
            "reported_at": self.reported_at,
            "client_deadline": self.client_deadline,
        }


@dataclass(frozen=True)
class AssetChoice:
    code: str
    name: str
    location: str = ""


class NewWorkOrderDialog(QDialog):
    """Report a work order: what, where (devices), who called, who handles it, when."""

    def __init__(
        self,
        assets: Sequence[AssetChoice],
        engineers: Sequence[EngineerRow],
        *,
        asset_codes: Sequence[str] = (),
        current_engineer: str = "",
        channel: str = "hotline",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New work order"))
        self._assets = {a.code: a for a in assets}
        self.type_combo = _choice_combo(self, rules.TYPE_NAMES, rules.TYPES)
        self.channel_combo = _choice_combo(self, rules.CHANNEL_NAMES, rules.CHANNELS)
        self.channel_combo.setCurrentIndex(max(0, self.channel_combo.findData(channel)))
        self.priority_combo = _choice_combo(self, rules.PRIORITY_NAMES, rules.PRIORITIES)
        self.priority_combo.setCurrentIndex(self.priority_combo.findData("normal"))

        picker_row = self._asset_picker(assets, asset_codes)
        self.reporter_name = QLineEdit(self)
        self.reporter_phone = QLineEdit(self)
        # The columns' lengths: what the store cannot hold cannot be typed.
        self.reporter_name.setMaxLength(TEXT_LIMITS["reporter_name"])
        self.reporter_phone.setMaxLength(TEXT_LIMITS["reporter_phone"])
        self.description = QPlainTextEdit(self)
        self.description.setPlaceholderText(self.tr("What is wrong, as the caller described it"))
        self.description.setTabChangesFocus(True)
        self.engineer = engineer_combo(
            self, engineers, current_engineer, nobody=self.tr("— nobody yet —")
        )
        self.reported_at = time_edit(self)
        # A deadline the client set: optional, a clock of its own (五、5.2.3, 八、5).
        self.has_deadline = QCheckBox(self.tr("The client set a deadline"), self)
        self.deadline = QDateTimeEdit(self)
        self.deadline.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.deadline.setCalendarPopup(True)
        self.deadline.setTimeZone(_ZONE)
        self.deadline.setDateTime(to_qdatetime(utc_now() + dt.timedelta(hours=2)))
        self.deadline.setEnabled(False)
        self.has_deadline.toggled.connect(self.deadline.setEnabled)
        deadline_row = QHBoxLayout()
        deadline_row.addWidget(self.has_deadline)
        deadline_row.addWidget(self.deadline, 1)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        form = QFormLayout()
        form.addRow(self.tr("Type"), self.type_combo)
        form.addRow(self.tr("Devices"), picker_row)
        form.addRow("", self.asset_list)
        form.addRow(self.tr("Description"), self.description)
        form.addRow(self.tr("Reported by"), self.reporter_name)
        form.addRow(self.tr("Phone"), self.reporter_phone)
        form.addRow(self.tr("Channel"), self.channel_combo)
        form.addRow(self.tr("Priority"), self.priority_combo)
        form.addRow(self.tr("Engineer"), self.engineer)
        form.addRow(self.tr("Reported at"), self.reported_at)
        form.addRow(self.tr("Client's deadline"), deadline_row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Report"))
        ok.setAutoDefault(False)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(560, 520)
        self.description.setFocus() if asset_codes else self.asset_picker.setFocus()

    def _asset_picker(
        self, assets: Sequence[AssetChoice], asset_codes: Sequence[str]
    ) -> QHBoxLayout:
        self.asset_picker = QComboBox(self)
        self.asset_picker.setEditable(True)
        self.asset_picker.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        picker_edit = self.asset_picker.lineEdit()
        assert picker_edit is not None
        picker_edit.setPlaceholderText(self.tr("Asset code or name"))
        self.asset_picker.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
        for a in assets:
            self.asset_picker.addItem(f"{a.code}  {a.name}  {a.location}".strip(), a.code)
        self.asset_picker.setCurrentIndex(-1)
        completer = self.asset_picker.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        add = QPushButton(self.tr("Add"), self)
        add.clicked.connect(self._add_picked)
        picker_edit.returnPressed.connect(self._add_picked)
        self.asset_list = QListWidget(self)
        self.asset_list.setMaximumHeight(90)
        remove = QPushButton(self.tr("Remove"), self)
        remove.clicked.connect(self._remove_selected)
        picker_row = QHBoxLayout()
        picker_row.addWidget(self.asset_picker, 1)
        picker_row.addWidget(add)
        picker_row.addWidget(remove)
        for code in asset_codes:
            self.add_asset(code)
        return picker_row

    def add_asset(self, code: str) -> bool:
        code = code.strip().upper()
        if code not in self._assets:
            return False
        if any(
            self.asset_list.item(i).data(Qt.ItemDataRole.UserRole) == code
            for i in range(self.asset_list.count())
        ):
            return True
        asset = self._assets[code]
        item = QListWidgetItem(f"{asset.code}  {asset.name}  {asset.location}".strip())
        item.setData(Qt.ItemDataRole.UserRole, code)
        self.asset_list.addItem(item)
        return True

    def _add_picked(self) -> None:
        text = self.asset_picker.currentText().strip()
        index = self.asset_picker.findText(text)
        code = self.asset_picker.itemData(index) if index >= 0 else text.split()[0] if text else ""
        if code and self.add_asset(str(code)):
            self.asset_picker.setCurrentIndex(-1)
            self.asset_picker.clearEditText()
            self.error_label.hide()
        elif text:
            self._error(self.tr("Unknown asset code: {0}").format(text))

    def _remove_selected(self) -> None:
        for item in self.asset_list.selectedItems():
            self.asset_list.takeItem(self.asset_list.row(item))

    def asset_codes(self) -> tuple[str, ...]:
        return tuple(
            str(self.asset_list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.asset_list.count())
        )

    def value(self) -> NewWorkOrder:
        return NewWorkOrder(
            type=str(self.type_combo.currentData()),
            channel=str(self.channel_combo.currentData()),
            priority=str(self.priority_combo.currentData()),
            asset_codes=self.asset_codes(),
            reporter_name=self.reporter_name.text().strip(),
            reporter_phone=self.reporter_phone.text().strip(),
            description=self.description.toPlainText().strip(),
            engineer_id=self.engineer.currentData(),
            reported_at=from_qdatetime(self.reported_at.dateTime()),
            client_deadline=(
                from_qdatetime(self.deadline.dateTime()) if self.has_deadline.isChecked() else None
            ),
        )

    def _error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def _accept(self) -> None:
        value = self.value()
        if not value.description:
            self._error(self.tr("Describe the problem or the task."))
            return
        if rules.sla_applies(value.type) and not value.asset_codes:
            self._error(self.tr("Name the device or system the fault is on."))
            return
        self.accept()


class LogEntryDialog(QDialog):
    """A 工作日志 entry, or the correction of one (the old entry stays)."""

    def __init__(
        self,
        engineers: Sequence[EngineerRow],
        *,
        current_engineer: str = "",
        amends_text: str = "",
        amends_at: dt.datetime | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        correcting = amends_at is not None
        self.setWindowTitle(self.tr("Correct log entry") if correcting else self.tr("Log entry"))
        self.engineer = engineer_combo(self, engineers, current_engineer)
        self.at = time_edit(self, amends_at if correcting else None)
        self.text = QPlainTextEdit(self)
        self.text.setPlaceholderText(self.tr("What was done, found or agreed"))
        self.text.setTabChangesFocus(True)
        form = QFormLayout()
        if correcting:
            old = QLabel(f"{fmt_local(amends_at)}  {amends_text}", self)
            old.setWordWrap(True)
            old.setStyleSheet("color: #5f6b76;")
            form.addRow(self.tr("Corrects"), old)
            self.text.setPlainText(amends_text)
        form.addRow(self.tr("Engineer"), self.engineer)
        form.addRow(self.tr("Time"), self.at)
        form.addRow(self.tr("Entry"), self.text)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(480, 300)
        self.text.setFocus()

    def _accept(self) -> None:
        if self.text.toPlainText().strip() and self.engineer.currentData():
            self.accept()

    def values(self) -> tuple[str, dt.datetime, str]:
        """(engineer id, time, text)"""
        return (
            str(self.engineer.currentData()),
            from_qdatetime(self.at.dateTime()),
            self.text.toPlainText().strip(),
        )


class StepDialog(QDialog):
    """Record a step (responded, on site, ...) at a time other than now, with a note."""

    def __init__(
        self, status_name: str, earliest: dt.datetime, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record: {0}").format(status_name))
        self.at = time_edit(self)
        self.at.setMinimumDateTime(to_qdatetime(earliest))
        self.note = QLineEdit(self)
        form = QFormLayout()
        form.addRow(self.tr("Time"), self.at)
        form.addRow(self.tr("Note"), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def values(self) -> tuple[dt.datetime, str]:
        return from_qdatetime(self.at.dateTime()), self.note.text().strip()


class FindingDialog(QDialog):
    """What an inspection finding is: a fault affecting service (the restore clock runs
    from when it was found) or not, with the rectification date agreed with the client."""

    def __init__(
        self,
        found_at: dt.datetime,
        affects_service: bool,
        rectify_by: dt.datetime | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Inspection finding"))
        self.affects = QRadioButton(
            self.tr("A fault affecting service: the restore time limit runs"), self
        )
        self.not_affects = QRadioButton(self.tr("Not affecting service"), self)
        self.affects.setChecked(affects_service)
        self.not_affects.setChecked(not affects_service)
        self.has_date = QCheckBox(self.tr("Rectify by (agreed with the client)"), self)
        self.rectify_by = QDateTimeEdit(self)
        self.rectify_by.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.rectify_by.setCalendarPopup(True)
        self.rectify_by.setTimeZone(_ZONE)
        self.rectify_by.setMinimumDateTime(to_qdatetime(found_at + dt.timedelta(minutes=1)))
        self.rectify_by.setDateTime(to_qdatetime(rectify_by or found_at + dt.timedelta(days=1)))
        self.has_date.setChecked(rectify_by is not None)
        for toggle in (self.not_affects.toggled, self.has_date.toggled):
            toggle.connect(self._enable)
        date_row = QHBoxLayout()
        date_row.addWidget(self.has_date)
        date_row.addWidget(self.rectify_by, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.affects)
        layout.addWidget(self.not_affects)
        layout.addLayout(date_row)
        layout.addWidget(buttons)
        self._enable()

    def _enable(self) -> None:
        self.has_date.setEnabled(self.not_affects.isChecked())
        self.rectify_by.setEnabled(self.not_affects.isChecked() and self.has_date.isChecked())

    def values(self) -> tuple[bool, dt.datetime | None]:
        """(affects service, the rectification date or None)."""
        if self.affects.isChecked():
            return True, None
        if not self.has_date.isChecked():
            return False, None
        return False, from_qdatetime(self.rectify_by.dateTime())


@dataclass(frozen=True)
class AmendInput:
    engineer_id: str
    pin: str
    field: str
    new_value: str
    reason: str


class AmendDialog(QDialog):
    """Correct a signed work order: a new signed record linked to it (PIN required).

    ``amend(session, data)`` is the job: the dialog runs it through
    :meth:`AppContext.write`, which announces ``area`` as changed after it."""

    def __init__(
        self,
        ctx: AppContext,
        engineers: Sequence[EngineerRow],
        amend: Callable[[Session, AmendInput], Any],
        *,
        area: str | None = None,
        number: str,
        current_values: dict[str, str],
        current_engineer: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._amend = amend
        self._area = area
        self._busy = False
        self._current = current_values
        self.result_value: Any = None
        self.setWindowTitle(self.tr("Amend {0}").format(number))
        intro = QLabel(
            self.tr(
                "The signed work order stays as it was signed. The correction is kept as a "
                "signed amendment linked to it, and printed with it."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.field_combo = QComboBox(self)
        for key, label in (
            ("", self.tr("General note")),
            ("description", self.tr("Description")),
            ("cause", self.tr("Cause")),
            ("resolution", self.tr("Result")),
            ("reporter_name", self.tr("Reported by")),
            ("reporter_phone", self.tr("Phone")),
            ("contractor_caused", self.tr("Caused by the contractor")),
            ("assets", self.tr("Devices")),
        ):
            self.field_combo.addItem(label, key)
        self.old_value = QLabel(self)
        self.old_value.setWordWrap(True)
        self.old_value.setStyleSheet("color: #5f6b76;")
        self.new_value = QPlainTextEdit(self)
        self.new_value.setTabChangesFocus(True)
        self.reason = QLineEdit(self)
        self.engineer = engineer_combo(self, engineers, current_engineer)
        self.pin = QLineEdit(self)
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.contractor_check = QCheckBox(self.tr("The contractor caused the fault"), self)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        form = QFormLayout()
        form.addRow(self.tr("What"), self.field_combo)
        form.addRow(self.tr("Now"), self.old_value)
        form.addRow(self.tr("Correct to"), self.new_value)
        form.addRow("", self.contractor_check)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Engineer"), self.engineer)
        form.addRow(self.tr("PIN"), self.pin)
        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton(
            self.tr("Sign amendment"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.field_combo.currentIndexChanged.connect(self._field_changed)
        self._field_changed()
        self.resize(520, 420)

    def _field_changed(self) -> None:
        key = str(self.field_combo.currentData())
        boolean = key == "contractor_caused"
        self.new_value.setVisible(not boolean)
        self.contractor_check.setVisible(boolean)
        current = self._current.get(key, "")
        if boolean:
            self.old_value.setText(self.tr("Yes") if current == "true" else self.tr("No"))
            self.contractor_check.setChecked(current != "true")
        else:
            self.old_value.setText(current or "—")
            self.new_value.setPlainText(current)

    def collected(self) -> AmendInput:
        key = str(self.field_combo.currentData())
        if key == "contractor_caused":
            new = "true" if self.contractor_check.isChecked() else "false"
        else:
            new = self.new_value.toPlainText().strip()
        return AmendInput(
            engineer_id=str(self.engineer.currentData()),
            pin=self.pin.text(),
            field=key,
            new_value=new,
            reason=self.reason.text().strip(),
        )

    def submit(self) -> None:
        if self._busy:
            return
        data = self.collected()
        if not data.new_value or not data.reason or not data.pin or not self.engineer.count():
            self._error(self.tr("Give the correction, its reason, the engineer and the PIN."))
            return
        self._busy = True
        self.ok.setEnabled(False)
        amend = self._amend
        self._ctx.write(self._area, lambda session: amend(session, data), self._done, self._failed)

    def _done(self, result: Any) -> None:
        self._busy = False
        self.result_value = result
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.ok.setEnabled(True)
        if not isinstance(exc, UserError):
            self.reject()
            self._ctx.tasks.error.emit(exc, "")
            return
        self.pin.clear()
        self._error(i18n.render(exc))

    def _error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def reject(self) -> None:
        if not self._busy:
            super().reject()
