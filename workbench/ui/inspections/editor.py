"""The checklist of one device in a round: every item set to pass, one key saves.

Enter (or Ctrl+Enter from anywhere in the form) asks to save; the view then records the
device and waits for the next scan. Items that fail are shown in red as they change.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from workbench import i18n
from workbench.domain import checklists as rules
from workbench.domain.messages import WorkbenchError
from workbench.services.inspections import DeviceForm

FAIL_STYLE = "color: #a00000; font-weight: bold;"
MISSING_NOTE_STYLE = "border: 1px solid #a00000; background: #fff4f4;"


class _CheckInput(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons = {
            rules.PASS: QRadioButton(self.tr("Pass"), self),
            rules.FAIL: QRadioButton(self.tr("Fail"), self),
            rules.NA: QRadioButton(self.tr("N/A"), self),
        }
        self.group = QButtonGroup(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for button in self.buttons.values():
            self.group.addButton(button)
            layout.addWidget(button)
            button.toggled.connect(lambda _on: self.changed.emit())
        layout.addStretch(1)

    def value(self) -> str:
        for key, button in self.buttons.items():
            if button.isChecked():
                return key
        return rules.PASS

    def set_value(self, value: str) -> None:
        self.buttons.get(value, self.buttons[rules.PASS]).setChecked(True)


class DeviceChecklistEditor(QWidget):
    """Shows one :class:`DeviceForm`; emits ``saveRequested`` on Enter / Ctrl+Enter."""

    saveRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Scans arrive as keys on a keyboard-wedge scanner: no input method here.
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self._form: DeviceForm | None = None
        self._inputs: dict[str, QWidget] = {}
        self._labels: dict[str, QLabel] = {}
        self._notes: dict[str, QLineEdit] = {}
        self._photos: list[Path] = []

        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.title.setWordWrap(True)
        self.subtitle = QLabel(self)
        self.subtitle.setWordWrap(True)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #0d3c84;")

        self._grid_host = QWidget(self)
        self._grid = QGridLayout(self._grid_host)
        self._grid.setColumnStretch(0, 3)
        self._grid.setColumnStretch(1, 2)
        self._grid.setColumnStretch(2, 2)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._grid_host)

        self.note_edit = QLineEdit(self)
        self.note_edit.setPlaceholderText(self.tr("Note on this device (optional)"))
        self.photo_button = QPushButton(self.tr("Add photos…"), self)
        self.photo_button.clicked.connect(self._choose_photos)
        self.photo_label = QLabel(self)
        self.save_button = QPushButton(self.tr("Save (Enter)"), self)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.saveRequested)
        bottom = QHBoxLayout()
        bottom.addWidget(self.photo_button)
        bottom.addWidget(self.photo_label, 1)
        bottom.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.note_edit)
        layout.addLayout(bottom)
        layout.addWidget(self.hint)

        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self._request_save)
        self.note_edit.returnPressed.connect(self._request_save)
        self.show_waiting(self.tr("Scan a device of the round to open its checklist."))

    # -- showing --------------------------------------------------------------------
    def form(self) -> DeviceForm | None:
        return self._form

    def show_waiting(self, text: str) -> None:
        """No device open: say what to do next."""
        self._form = None
        self._clear_grid()
        self.title.setText(self.tr("Checklist"))
        self.subtitle.setText("")
        self.hint.setText(text)
        self.note_edit.clear()
        self._photos = []
        self.photo_label.setText("")
        for widget in (self.note_edit, self.photo_button, self.save_button):
            widget.setEnabled(False)

    def _clear_grid(self) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self._inputs.clear()
        self._labels.clear()
        self._notes.clear()

    def load(self, form: DeviceForm) -> None:
        self._clear_grid()
        self._form = form
        self._photos = []
        editable = form.editable
        self.title.setText(f"{form.asset_code}  {form.asset_name}")
        parts = [
            form.location,
            i18n.local_name(form.category_name, form.category_name_en),
            self.tr("checklist v{0}").format(form.checklist_version),
        ]
        if form.work_order_number:
            parts.append(self.tr("work order {0}").format(form.work_order_number))
        self.subtitle.setText(" · ".join(p for p in parts if p))
        header_item = QLabel(self.tr("Check item"), self._grid_host)
        header_value = QLabel(self.tr("Result"), self._grid_host)
        header_note = QLabel(self.tr("Note"), self._grid_host)
        for column, label in enumerate((header_item, header_value, header_note)):
            label.setStyleSheet("font-weight: bold;")
            self._grid.addWidget(label, 0, column)
            label.show()
        for row, item in enumerate(form.checklist.items, start=1):
            text = item.text
            if item.kind == "number" and (item.limits_text() or item.unit):
                text += f"（{item.limits_text() or item.unit}）"
            label = QLabel(text, self._grid_host)
            label.setWordWrap(True)
            self._labels[item.key] = label
            widget = self._input_for(item, form)
            widget.setEnabled(editable)
            note = QLineEdit(form.item_notes.get(item.key, ""), self._grid_host)
            note.setEnabled(editable)
            note.returnPressed.connect(self._request_save)
            note.textChanged.connect(lambda _t: self._refresh_marks())
            self._inputs[item.key] = widget
            self._notes[item.key] = note
            for column, cell in enumerate((label, widget, note)):
                self._grid.addWidget(cell, row, column)
                cell.show()  # at once, not on the next event loop pass: keys may follow
        self._grid.setRowStretch(len(form.checklist.items) + 1, 1)
        self.note_edit.setText(form.note)
        self.note_edit.setEnabled(editable)
        self.photo_button.setEnabled(editable)
        self.save_button.setEnabled(editable)
        names = [a.filename for a in form.attachments]
        self.photo_label.setText("、".join(names))
        if editable:
            self.hint.setText(
                self.tr(
                    "All items are set to pass. Change what is wrong, then press Enter to save."
                )
            )
        else:
            self.hint.setText(self.tr("This round is not running: the checklist is read-only."))
        self._refresh_marks()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _input_for(self, item: rules.ChecklistItem, form: DeviceForm) -> QWidget:
        value = form.values.get(item.key, rules.default_value(item))
        if item.kind == "check":
            check = _CheckInput(self._grid_host)
            check.set_value(value)
            check.changed.connect(self._refresh_marks)
            return check
        if item.kind == "choice":
            combo = QComboBox(self._grid_host)
            for choice in item.choices:
                combo.addItem(choice.text, choice.key)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.currentIndexChanged.connect(lambda _i: self._refresh_marks())
            return combo
        edit = QLineEdit(value, self._grid_host)
        edit.returnPressed.connect(self._request_save)
        if item.kind == "number":
            edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
            hint = item.limits_text()
            last = form.last_values.get(item.key)
            placeholder = item.unit
            if hint:
                placeholder = self.tr("limit {0}").format(hint)
            edit.setPlaceholderText(placeholder)
            tip = [hint] if hint else []
            if last:
                tip.append(self.tr("last time {0}").format(last))
            edit.setToolTip("；".join(tip))
            edit.textChanged.connect(lambda _t: self._refresh_marks())
        return edit

    # -- reading --------------------------------------------------------------------
    def values(self) -> dict[str, str]:
        result: dict[str, str] = {}
        for key, widget in self._inputs.items():
            if isinstance(widget, _CheckInput):
                result[key] = widget.value()
            elif isinstance(widget, QComboBox):
                result[key] = str(widget.currentData())
            elif isinstance(widget, QLineEdit):
                result[key] = widget.text()
        return result

    def item_notes(self) -> dict[str, str]:
        return {k: e.text().strip() for k, e in self._notes.items() if e.text().strip()}

    def note(self) -> str:
        return self.note_edit.text().strip()

    def photos(self) -> list[Path]:
        return list(self._photos)

    def add_photos(self, paths: list[Path]) -> None:
        self._photos.extend(p for p in paths if p not in self._photos)
        names = [a.filename for a in self._form.attachments] if self._form else []
        names += [p.name for p in self._photos]
        self.photo_label.setText("、".join(names))

    def input_widget(self, key: str) -> QWidget:
        return self._inputs[key]

    def fail_button(self, key: str) -> QRadioButton:
        widget = self._inputs[key]
        assert isinstance(widget, _CheckInput)
        return widget.buttons[rules.FAIL]

    def failing_items(self) -> list[str]:
        """Keys of the items whose current value is a failure (or not valid)."""
        if self._form is None:
            return []
        failing = []
        values = self.values()
        for item in self._form.checklist.items:
            try:
                result = rules.evaluate(item, values.get(item.key, ""))
            except WorkbenchError:
                failing.append(item.key)
                continue
            if result.passed is False:
                failing.append(item.key)
        return failing

    def missing_notes(self) -> list[str]:
        """Keys of the failing items with no note yet: a finding must say what is wrong."""
        notes = self.item_notes()
        return [key for key in self.failing_items() if key not in notes]

    def _refresh_marks(self) -> None:
        failing = set(self.failing_items())
        for key, label in self._labels.items():
            label.setStyleSheet(FAIL_STYLE if key in failing else "")
        for key, note in self._notes.items():
            empty = key in failing and not note.text().strip()
            note.setPlaceholderText(self.tr("Required: what is wrong") if key in failing else "")
            note.setStyleSheet(MISSING_NOTE_STYLE if empty else "")
        form = self._form
        if form is None or not form.editable:
            return
        # Say before saving what a finding does: it opens a work order on the clock.
        if not failing:
            self.save_button.setText(self.tr("Save (Enter)"))
            self.hint.setText(
                self.tr(
                    "All items are set to pass. Change what is wrong, then press Enter to save."
                )
            )
        elif form.work_order_number:
            self.save_button.setText(self.tr("Save (Enter)"))
            self.hint.setText(
                self.tr(
                    "{0} item(s) abnormal: describe each in its note. The finding is added "
                    "to work order {1}."
                ).format(len(failing), form.work_order_number)
            )
        else:
            self.save_button.setText(self.tr("Save and open work order (Enter)"))
            self.hint.setText(
                self.tr(
                    "{0} item(s) abnormal: describe each in its note. Saving opens a work "
                    "order for this device, and its contract deadlines run from now."
                ).format(len(failing))
            )
        self.hint.setStyleSheet(FAIL_STYLE if failing else "color: #0d3c84;")

    def focus_note(self, key: str) -> None:
        note = self._notes.get(key)
        if note is not None:
            note.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- keys -----------------------------------------------------------------------
    def _request_save(self) -> None:
        if self._form is not None and self._form.editable and self.save_button.isEnabled():
            self.saveRequested.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._request_save()
            event.accept()
            return
        super().keyPressEvent(event)

    def _choose_photos(self) -> None:
        files, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add photos"),
            "",
            self.tr("Images (*.jpg *.jpeg *.png *.heic *.bmp);;All files (*)"),
        )
        self.add_photos([Path(f) for f in files])
