"""Dialogs of the 巡检 view: start a round, finish one with devices left unchecked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from workbench.domain import inspections as states
from workbench.ui.common.display import unbroken


@dataclass(frozen=True)
class StartChoice:
    engineer_id: str
    planned_date: dt.date
    scope: str
    scope_value: str
    kind: str


class StartRoundDialog(QDialog):
    """Who walks the round, on which day, over what: due devices, a location, a category,
    everything, or a key-period self-check over all systems."""

    def __init__(
        self,
        engineers: Sequence[tuple[str, str]],
        locations: Sequence[str],
        categories: Sequence[tuple[str, str]],
        *,
        default_engineer: str = "",
        due_count: int = 0,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Start an inspection round"))
        self.engineer_combo = QComboBox(self)
        for engineer_id, name in engineers:
            self.engineer_combo.addItem(name, engineer_id)
        if default_engineer:
            self.engineer_combo.setCurrentIndex(
                max(0, self.engineer_combo.findText(default_engineer))
            )
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        day = today
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.date_edit.setDisplayFormat("yyyy-MM-dd")

        self.scope_buttons = {
            states.SCOPE_DUE: QRadioButton(
                self.tr("Devices due or overdue ({0})").format(due_count), self
            ),
            states.SCOPE_LOCATION: QRadioButton(self.tr("One location"), self),
            states.SCOPE_CATEGORY: QRadioButton(self.tr("One category"), self),
            states.SCOPE_ALL: QRadioButton(self.tr("All devices and systems"), self),
            states.KEY_PERIOD: QRadioButton(self.tr("Key-period self-check of every system"), self),
        }
        self.group = QButtonGroup(self)
        for button in self.scope_buttons.values():
            self.group.addButton(button)
        self.scope_buttons[states.SCOPE_DUE].setChecked(True)
        self.location_combo = QComboBox(self)
        self.location_combo.addItems(list(locations))
        self.category_combo = QComboBox(self)
        for code, name in categories:
            self.category_combo.addItem(name, code)
        scope = QGridLayout()
        scope.addWidget(self.scope_buttons[states.SCOPE_DUE], 0, 0, 1, 2)
        scope.addWidget(self.scope_buttons[states.SCOPE_LOCATION], 1, 0)
        scope.addWidget(self.location_combo, 1, 1)
        scope.addWidget(self.scope_buttons[states.SCOPE_CATEGORY], 2, 0)
        scope.addWidget(self.category_combo, 2, 1)
        scope.addWidget(self.scope_buttons[states.SCOPE_ALL], 3, 0, 1, 2)
        scope.addWidget(self.scope_buttons[states.KEY_PERIOD], 4, 0, 1, 2)

        form = QFormLayout()
        form.addRow(self.tr("Engineer"), self.engineer_combo)
        form.addRow(self.tr("Date"), self.date_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Start"))
        ok.setEnabled(self.engineer_combo.count() > 0)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if not engineers:
            missing = QLabel(self.tr("Add an engineer first (设置 → 工程师)."), self)
            missing.setStyleSheet("color: #b00020;")
            layout.addWidget(missing)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Scope"), self))
        layout.addLayout(scope)
        layout.addWidget(buttons)

    def choice(self) -> StartChoice:
        checked = next(k for k, b in self.scope_buttons.items() if b.isChecked())
        kind = states.KEY_PERIOD if checked == states.KEY_PERIOD else states.ROUTINE
        scope = states.SCOPE_SYSTEMS if checked == states.KEY_PERIOD else checked
        value = ""
        if scope == states.SCOPE_LOCATION:
            value = self.location_combo.currentText()
        elif scope == states.SCOPE_CATEGORY:
            value = str(self.category_combo.currentData() or "")
        qdate = self.date_edit.date()
        return StartChoice(
            engineer_id=str(self.engineer_combo.currentData() or ""),
            planned_date=dt.date(qdate.year(), qdate.month(), qdate.day()),
            scope=scope,
            scope_value=value,
            kind=kind,
        )


class FinishRoundDialog(QDialog):
    """Devices are left unchecked: say why before the round is finished."""

    def __init__(self, number: str, left: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Finish round {0}").format(number))
        shown = "、".join(unbroken(code) for code in left[:12]) + ("…" if len(left) > 12 else "")
        intro = QLabel(
            self.tr("{0} devices are not checked: {1}. Why?").format(len(left), shown), self
        )
        intro.setWordWrap(True)
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setPlaceholderText(
            self.tr("e.g. the room was in use; to be checked tomorrow")
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Finish"))
        self.ok_button.setEnabled(False)
        self.reason_edit.textChanged.connect(
            lambda: self.ok_button.setEnabled(bool(self.reason().strip()))
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.buttons)

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()
