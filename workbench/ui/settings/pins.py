"""The engineer dialogs of 设置: a new engineer, and a PIN (first, changed or forgotten).

What each asks follows the rules of :mod:`workbench.services.engineers`: a new signing key
in a store that has keys needs a second engineer's approval with their PIN; changing a
PIN needs the old one; a forgotten PIN gives a new key, approved by a second engineer.
The dialogs only collect; the view writes through the service in the background.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from workbench.domain import keys
from workbench.services.engineers import CHANGE, FIRST, FORGOTTEN, EngineerRow, PinChange
from workbench.ui.common.form_dialog import FormDialog


def _pin_field(placeholder: str = "") -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(keys.PIN_MAX_LENGTH)
    if placeholder:
        field.setPlaceholderText(placeholder)
    return field


class _PinForm(FormDialog):
    """The new PIN twice, and the approving engineer with their PIN when needed."""

    def __init__(self, parent: QWidget | None, approvers: Sequence[EngineerRow]) -> None:
        super().__init__(parent)
        self.pin = _pin_field(self.tr("6 to 12 digits"))
        self.pin2 = _pin_field()
        self.approver = QComboBox()
        for row in approvers:
            self.approver.addItem(row.name, row.id)
        self.approver_pin = _pin_field(self.tr("their PIN"))

    def _add_pin_rows(self) -> None:
        self.form.addRow(self.tr("Signing PIN"), self.pin)
        self.form.addRow(self.tr("Signing PIN again"), self.pin2)

    def _add_approver_rows(self) -> None:
        self.form.addRow(self.tr("Approved by"), self.approver)
        self.form.addRow(self.tr("Their signing PIN"), self.approver_pin)

    def _set_approver_visible(self, visible: bool) -> None:
        for field in (self.approver, self.approver_pin):
            field.setVisible(visible)
            label = self.form.labelForField(field)
            if label is not None:
                label.setVisible(visible)

    def _pins_ok(self, *, approval: bool) -> bool:
        if self.pin.text() != self.pin2.text():
            self.error.setText(self.tr("The two PINs differ."))
            return False
        if not keys.is_valid_pin(self.pin.text()):
            self.error.setText(self.tr("A signing PIN is 6 to 12 digits."))
            return False
        if approval and (self.approver.currentIndex() < 0 or not self.approver_pin.text()):
            self.error.setText(self.tr("A second engineer approves with their signing PIN."))
            return False
        return True


class EngineerDialog(_PinForm):
    """A new engineer, with a first PIN (optional) and, when the store has keys, the
    engineer who approves their key."""

    def __init__(
        self, parent: QWidget | None, approvers: Sequence[EngineerRow], *, needs_approval: bool
    ) -> None:
        super().__init__(parent, approvers)
        self.setWindowTitle(self.tr("New engineer"))
        self.needs_approval = needs_approval
        self.name = QLineEdit()
        self.name.setMaxLength(100)
        self.phone = QLineEdit()
        self.phone.setMaxLength(50)
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Phone"), self.phone)
        self._add_pin_rows()
        self._add_approver_rows()
        self._set_approver_visible(needs_approval)

    def accept(self) -> None:
        if not self.name.text().strip():
            self.error.setText(self.tr("The engineer needs a name."))
            return
        if not self.pin.text() and not self.pin2.text():
            super().accept()  # no PIN yet: the engineer cannot sign until one is set
            return
        if self._pins_ok(approval=self.needs_approval):
            super().accept()

    def approver_id(self) -> str:
        return str(self.approver.currentData() or "") if self.needs_approval else ""


class PinDialog(_PinForm):
    """A PIN for an existing engineer: the first one, a change (with the old PIN) or a
    forgotten one (a new key, approved by a second engineer)."""

    def __init__(
        self,
        parent: QWidget | None,
        engineer: EngineerRow,
        approvers: Sequence[EngineerRow],
        *,
        needs_approval: bool,
    ) -> None:
        super().__init__(parent, [a for a in approvers if a.id != engineer.id])
        self.engineer = engineer
        self.setWindowTitle(self.tr("Signing PIN of {name}").format(name=engineer.name))
        self.old_pin = _pin_field()
        self.change = QRadioButton(self.tr("Change it (the old PIN is needed)"))
        self.forgotten = QRadioButton(
            self.tr("Forgotten: a new key, approved by a second engineer")
        )
        self.modes = QButtonGroup(self)
        self.modes.addButton(self.change)
        self.modes.addButton(self.forgotten)
        self.first = not engineer.has_pin
        self.needs_approval = needs_approval
        if self.first:
            note = QLabel(self.tr("{name} has no signing PIN yet.").format(name=engineer.name))
            self.form.addRow(note)
        else:
            self.form.addRow(self.change)
            self.form.addRow(self.forgotten)
            self.form.addRow(self.tr("Old signing PIN"), self.old_pin)
            self.change.setChecked(True)
            self.modes.buttonToggled.connect(self._mode_changed)
        self._add_pin_rows()
        self._add_approver_rows()
        self._mode_changed()

    def mode(self) -> str:
        if self.first:
            return FIRST
        return FORGOTTEN if self.forgotten.isChecked() else CHANGE

    def _approval(self) -> bool:
        mode = self.mode()
        return mode == FORGOTTEN or (mode == FIRST and self.needs_approval)

    def _mode_changed(self) -> None:
        if not self.first:
            changing = self.mode() == CHANGE
            self.old_pin.setVisible(changing)
            label = self.form.labelForField(self.old_pin)
            if label is not None:
                label.setVisible(changing)
        self._set_approver_visible(self._approval())
        self.error.clear()

    def accept(self) -> None:
        if self.mode() == CHANGE and not self.old_pin.text():
            self.error.setText(self.tr("Type the old signing PIN."))
            return
        if self._approval() and self.approver.count() == 0:
            self.error.setText(
                self.tr("No second engineer with a signing PIN: add one first, approved by you.")
            )
            return
        if self._pins_ok(approval=self._approval()):
            super().accept()

    def request(self) -> PinChange:
        approval = self._approval()
        return PinChange(
            mode=self.mode(),
            new_pin=self.pin.text(),
            old_pin=self.old_pin.text() if self.mode() == CHANGE else "",
            approver_id=str(self.approver.currentData() or "") if approval else "",
            approver_pin=self.approver_pin.text() if approval else "",
        )
