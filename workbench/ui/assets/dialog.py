"""Add or edit an asset, with every problem shown beside its field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workbench import i18n
from workbench.domain.assets import AssetInput, Category, FieldProblem, validate
from workbench.services.registry import ASSET_FIELD_LIMITS, AssetRow


class AssetDialog(QDialog):
    """Returns an :class:`AssetInput` through :meth:`value` when accepted.

    The dialog checks the fields with the domain rules before it closes; the service
    checks again (uniqueness) and the caller shows what it refuses.
    """

    def __init__(
        self,
        categories: list[Category],
        locations: list[str],
        asset: AssetRow | None = None,
        parent: QWidget | None = None,
        *,
        code: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit asset") if asset else self.tr("New asset"))
        self.setMinimumWidth(460)
        self._categories = categories
        self._kinds = {c.code: c.kind for c in categories}

        self.code = QLineEdit(asset.code if asset else code)
        self.code.setPlaceholderText("XF-KIOSK-05")
        self.code.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.name = QLineEdit(asset.name if asset else "")
        self.category = QComboBox()
        for c in categories:
            label = i18n.local_name(c.name, c.name_en)
            self.category.addItem(label, c.code)
        if asset:
            self.category.setCurrentIndex(max(0, self.category.findData(asset.category)))
        self.line_item = QSpinBox()
        self.line_item.setRange(0, 999)
        self.line_item.setSpecialValueText(self.tr("none"))
        self.line_item.setValue(asset.line_item or 0 if asset else 0)
        self.model_edit = QLineEdit(asset.model if asset else "")
        self.serial = QLineEdit(asset.serial_number if asset else "")
        self.serial.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.location = QComboBox()
        self.location.setEditable(True)
        self.location.addItem("")
        self.location.addItems(locations)
        self.location.setCurrentText(asset.location if asset else "")
        self.url = QLineEdit(asset.url if asset else "")
        self.status = QComboBox()
        for key, label in (
            ("in_use", self.tr("In use")),
            ("repair", self.tr("Under repair")),
            ("retired", self.tr("Retired")),
        ):
            self.status.addItem(label, key)
        if asset:
            self.status.setCurrentIndex(max(0, self.status.findData(asset.status)))
        self.notes = QPlainTextEdit(asset.notes if asset else "")
        self.notes.setFixedHeight(70)

        form = QFormLayout()
        self._errors: dict[str, QLabel] = {}
        for key, label, widget in (
            ("code", self.tr("Asset code"), self.code),
            ("name", self.tr("Name"), self.name),
            ("category", self.tr("Category"), self.category),
            ("line_item", self.tr("Contract line item"), self.line_item),
            ("model", self.tr("Model"), self.model_edit),
            ("serial_number", self.tr("Serial number"), self.serial),
            ("location", self.tr("Location"), self.location),
            ("url", self.tr("Web address"), self.url),
            ("status", self.tr("Status"), self.status),
            ("notes", self.tr("Notes"), self.notes),
        ):
            box = QWidget()
            lay = QVBoxLayout(box)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.setSpacing(2)
            lay.addWidget(widget)
            error = QLabel()
            error.setStyleSheet("color: #b00020;")
            error.setWordWrap(True)
            error.hide()
            lay.addWidget(error)
            self._errors[key] = error
            form.addRow(label, box)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def value(self) -> AssetInput:
        category = str(self.category.currentData() or "")
        item = self.line_item.value()
        return AssetInput(
            code=self.code.text().strip().upper(),
            name=self.name.text().strip(),
            kind=self._kinds.get(category, "device"),
            category=category,
            line_item=item or None,
            model=self.model_edit.text().strip(),
            serial_number=self.serial.text().strip(),
            location=self.location.currentText().strip(),
            url=self.url.text().strip(),
            status=str(self.status.currentData()),
            notes=self.notes.toPlainText().strip(),
        )

    def show_problems(self, problems: list[FieldProblem]) -> None:
        for label in self._errors.values():
            label.hide()
        for problem in problems:
            error_label = self._errors.get(problem.field)
            if error_label is not None:
                error_label.setText(i18n.render(problem.message))
                error_label.show()

    def accept(self) -> None:
        problems = validate(
            self.value(), category_kinds=self._kinds, max_lengths=ASSET_FIELD_LIMITS
        )
        if problems:
            self.show_problems(problems)
            return
        super().accept()
