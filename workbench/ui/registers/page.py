"""One register of the 登记簿 view: a searchable list, a record dialog, add/edit/delete, export.

A register declares what it shows and how it is written (:class:`RegisterSpec`: columns,
fields, the service calls); :class:`RegisterPage` is the one page every register shares, so
that each behaves the same: the search box filters through the register's own query (off
the GUI thread), 新增…/编辑… open a :class:`RecordDialog` built from the fields, a refused
save shows its reason in the dialog with what was typed kept, a delete is confirmed first,
and the list exports to Excel. A register's own actions (sign, rescan, close) are buttons
added with :meth:`RegisterPage.add_action`.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workbench import i18n
from workbench.domain.messages import UserError
from workbench.domain.timeutil import LOCAL_TZ
from workbench.ui import savefile
from workbench.ui.common.form_dialog import FormDialog
from workbench.ui.common.rows_model import Column, RowsModel, rows_table

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from workbench.ui.common.context import AppContext

log = logging.getLogger("workbench.ui.registers")

R = TypeVar("R")
KINDS = ("text", "multiline", "date", "datetime", "choice", "int", "bool")
SEARCH_DELAY_MS = 200
Choices = Sequence[tuple[str, str]]


@dataclass(frozen=True)
class Field:
    """One field of a register's record dialog (``label`` and ``help`` translated).

    ``choices`` (kind "choice"): (value, label) pairs, read off the GUI thread when the
    dialog opens. ``max_length``: the schema's length of a text column.
    """

    key: str
    label: str
    kind: str = "text"
    required: bool = False
    choices: Callable[[Session], Choices] | None = None
    max_length: int | None = None
    minimum: int = 0
    maximum: int = 1_000_000
    placeholder: str = ""
    help: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown field kind {self.kind!r}")
        if self.kind == "choice" and self.choices is None:
            raise ValueError(f"choice field {self.key!r} without choices")


@dataclass(frozen=True)
class RegisterSpec(Generic[R]):
    """What a register shows and how it reads and writes (each call a service function)."""

    columns: Sequence[Column[R]]
    fields: Sequence[Field]
    list_rows: Callable[[Session, str], Sequence[R]]
    row_id: Callable[[R], str]
    values_of: Callable[[R], Mapping[str, Any]]
    create: Callable[[Session, Mapping[str, Any]], Any] | None = None
    update: Callable[[Session, str, Mapping[str, Any]], Any] | None = None
    delete: Callable[[Session, str], Any] | None = None
    export: Callable[[Session, Path], int] | None = None
    export_name: str = "register.xlsx"
    row_colour: Callable[[R], str | None] | None = None
    editable: Callable[[R], bool] | None = None
    widths: Sequence[int] = ()


# -- the record dialog --------------------------------------------------------------------


class _DateInput(QWidget):
    """A date (or date and time) with a calendar; an optional one has a box to leave it out."""

    def __init__(self, with_time: bool, optional: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.with_time = with_time
        self.edit: QDateEdit | QDateTimeEdit
        if with_time:
            self.edit = QDateTimeEdit()
            self.edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        else:
            self.edit = QDateEdit()
            self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setCalendarPopup(True)
        self.edit.setDateTime(QDateTime.currentDateTime())
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.given: QCheckBox | None = None
        if optional:
            self.given = QCheckBox()
            self.given.setToolTip(self.tr("Tick to give a date; leave empty for none"))
            self.given.toggled.connect(self.edit.setEnabled)
            self.given.setChecked(False)
            self.edit.setEnabled(False)
            row.addWidget(self.given)
        row.addWidget(self.edit, 1)
        self.setFocusProxy(self.edit)

    def value(self) -> dt.date | dt.datetime | None:
        if self.given is not None and not self.given.isChecked():
            return None
        if self.with_time:
            stamp = self.edit.dateTime()
            d, t = stamp.date(), stamp.time()
            return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=LOCAL_TZ)
        d = self.edit.date()
        return dt.date(d.year(), d.month(), d.day())

    def set_value(self, value: Any) -> None:
        if value is None:
            if self.given is not None:
                self.given.setChecked(False)
            return
        if self.given is not None:
            self.given.setChecked(True)
        if isinstance(value, dt.datetime):
            local = value.astimezone(LOCAL_TZ) if value.tzinfo else value
            self.edit.setDateTime(
                QDateTime(
                    QDate(local.year, local.month, local.day), QTime(local.hour, local.minute)
                )
            )
        elif isinstance(value, dt.date):
            self.edit.setDate(QDate(value.year, value.month, value.day))


class RecordDialog(FormDialog):
    """The add/edit dialog of a register, built from its fields.

    :meth:`values` gives what was entered (text stripped; dates as ``dt.date``, times as
    aware Beijing datetimes, None when left out; a choice's value). OK checks the required
    fields and the lengths here; what only the service can judge comes back through
    :meth:`refused`, which shows the reason and keeps the dialog open.
    """

    submitted = Signal(dict)

    def __init__(
        self,
        title: str,
        fields: Sequence[Field],
        choices: Mapping[str, Choices],
        values: Mapping[str, Any] | None = None,
        *,
        read_only: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.fields = list(fields)
        self.inputs: dict[str, QWidget] = {}
        for field in self.fields:
            widget = self._input(field, choices.get(field.key, ()))
            if field.help:
                widget.setToolTip(field.help)
            label = field.label + (" *" if field.required else "")
            self.form.addRow(label, widget)
            self.inputs[field.key] = widget
        for key, value in (values or {}).items():
            if key in self.inputs:
                self.set_value(key, value)
        self.read_only = read_only
        if read_only:
            for widget in self.inputs.values():
                widget.setEnabled(False)
            self.buttons.button(self.buttons.StandardButton.Ok).hide()
        self.setMinimumWidth(460)

    def _input(self, field: Field, choices: Choices) -> QWidget:
        if field.kind == "multiline":
            text = QPlainTextEdit()
            text.setPlaceholderText(field.placeholder)
            text.setTabChangesFocus(True)
            text.setMinimumHeight(70)
            return text
        if field.kind in ("date", "datetime"):
            return _DateInput(field.kind == "datetime", not field.required)
        if field.kind == "choice":
            box = QComboBox()
            if not field.required:
                box.addItem("—", "")
            for value, label in choices:
                box.addItem(label, value)
            return box
        if field.kind == "int":
            spin = QSpinBox()
            spin.setRange(field.minimum, field.maximum)
            return spin
        if field.kind == "bool":
            return QCheckBox()
        line = QLineEdit()
        line.setPlaceholderText(field.placeholder)
        if field.max_length:
            line.setMaxLength(field.max_length)
        return line

    def set_value(self, key: str, value: Any) -> None:
        widget = self.inputs[key]
        if isinstance(widget, QPlainTextEdit):
            widget.setPlainText("" if value is None else str(value))
        elif isinstance(widget, _DateInput):
            widget.set_value(value)
        elif isinstance(widget, QComboBox):
            index = widget.findData("" if value is None else str(value))
            if index >= 0:
                widget.setCurrentIndex(index)
        elif isinstance(widget, QSpinBox):
            widget.setValue(int(value or 0))
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QLineEdit):
            widget.setText("" if value is None else str(value))

    def value(self, key: str) -> Any:
        widget = self.inputs[key]
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText().strip()
        if isinstance(widget, _DateInput):
            return widget.value()
        if isinstance(widget, QComboBox):
            return str(widget.currentData() or "")
        if isinstance(widget, QSpinBox):
            return widget.value()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        assert isinstance(widget, QLineEdit)
        return widget.text().strip()

    def values(self) -> dict[str, Any]:
        return {field.key: self.value(field.key) for field in self.fields}

    def problem(self) -> str:
        """What OK refuses before asking the service (translated), or ""."""
        for field in self.fields:
            value = self.value(field.key)
            if field.required and value in ("", None):
                return self.tr("{field} is required.").format(field=field.label)
            if field.max_length and isinstance(value, str) and len(value) > field.max_length:
                return self.tr("{field} is too long: at most {max} characters.").format(
                    field=field.label, max=field.max_length
                )
        return ""

    def accept(self) -> None:
        if self.read_only:
            return
        problem = self.problem()
        if problem:
            self.error.setText(problem)
            return
        self.error.clear()
        self.buttons.setEnabled(False)  # until the service answers
        self.submitted.emit(self.values())

    def refused(self, text: str) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(text)

    def done_saving(self) -> None:
        self.buttons.setEnabled(True)
        super().accept()


# -- the page ----------------------------------------------------------------------------


class RegisterPage(QWidget, Generic[R]):
    """One register: search, list, 新增…/编辑…/删除…, export, and the register's actions.

    Subclasses give ``KEY``, ``TITLE`` (``QT_TRANSLATE_NOOP("registers", …)``), :meth:`spec`
    (built with ``self.tr``) and an ``AREA``, the data area their writes announce (the page
    reloads when it or "all" changes).
    """

    AREA = ""
    KEY = ""  # the register's key (RegistersView.show_register)
    TITLE = ""  # QT_TRANSLATE_NOOP("registers", "…"): the tab's and the dialogs' title
    loaded = Signal(int)
    saved = Signal(str)
    deleted = Signal(str)
    exported = Signal(str, int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: RecordDialog | None = None
        self._spec = self.spec()
        s = self._spec

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.count = QLabel()

        self.model: RowsModel[R] = RowsModel(
            s.columns, self, row_colours=self._row_colours if s.row_colour else None
        )
        self.table = rows_table(self.model, s.widths)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.table.activated.connect(lambda _i: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())

        self.new_button = QPushButton(self.tr("New…"))
        self.new_button.setToolTip(self.tr("Add a record (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_record)
        self.new_button.setVisible(s.create is not None)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.delete_button.setVisible(s.delete is not None)
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.clicked.connect(self.choose_export)
        self.export_button.setVisible(s.export is not None)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        self.actions_row = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button):
            self.actions_row.addWidget(button)
        self._row_actions: list[QPushButton] = []
        self.actions_row.addStretch(1)
        self.actions_row.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.actions_row)

        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (
            (QKeySequence.StandardKey.Find, self._focus_search),
            (QKeySequence.StandardKey.New, self.new_record),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)
        self.table.installEventFilter(self)  # Del on the list deletes (confirmed)

        ctx.events.dataChanged.connect(self._data_changed)
        self._update_buttons()
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Delete
        ):
            self.delete_selected()
            return True
        return super().eventFilter(watched, event)

    def _row_colours(self, row: R) -> tuple[str, str] | None:
        colour = self._spec.row_colour(row) if self._spec.row_colour else None
        return ("", colour) if colour else None

    # -- to override -----------------------------------------------------------------
    @classmethod
    def tab_title(cls) -> str:
        return i18n.translate("registers", cls.TITLE)

    def title(self) -> str:
        return self.tab_title()

    def spec(self) -> RegisterSpec[R]:
        raise NotImplementedError

    # -- the register's own actions ------------------------------------------------------
    def add_action(
        self, label: str, handler: Callable[..., object], *, needs_row: bool = True
    ) -> QPushButton:
        """A button beside 删除…; with ``needs_row`` it acts on (and needs) the selected row."""
        button = QPushButton(label)
        if needs_row:
            button.clicked.connect(lambda: self._with_selected(handler))
            self._row_actions.append(button)
        else:
            button.clicked.connect(lambda: handler())
        self.actions_row.insertWidget(self.actions_row.count() - 2, button)
        self._update_buttons()
        return button

    def _with_selected(self, handler: Callable[[R], object]) -> None:
        row = self.selected()
        if row is not None:
            handler(row)

    # -- reading ---------------------------------------------------------------------
    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _data_changed(self, area: str) -> None:
        if area in (self.AREA, "all"):
            self.refresh()

    def refresh(self) -> None:
        text = self.search.text().strip()
        list_rows = self._spec.list_rows
        self.ctx.read(self, "rows", lambda session: list(list_rows(session, text)), self._show)

    def _show(self, rows: list[R]) -> None:
        keep = self.selected()
        keep_id = self._spec.row_id(keep) if keep is not None else None
        self.model.set_rows(rows)
        self.count.setText(self.tr("{count} records").format(count=len(rows)))
        if keep_id is not None:
            self.select(keep_id)
        self._update_buttons()
        self.loaded.emit(len(rows))

    def selected(self) -> R | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_of(rows[0]) if rows else None

    def select(self, row_id: str) -> bool:
        for n, row in enumerate(self.model.rows()):
            if self._spec.row_id(row) == row_id:
                self.table.selectRow(n)
                return True
        return False

    def _update_buttons(self) -> None:
        row = self.selected()
        has = row is not None
        editable = has and (self._spec.editable is None or self._spec.editable(row))  # type: ignore[arg-type]
        self.edit_button.setEnabled(has)
        self.edit_button.setText(self.tr("Edit…") if editable or not has else self.tr("View…"))
        self.delete_button.setEnabled(bool(editable) and self._spec.delete is not None)
        for button in self._row_actions:
            button.setEnabled(has)

    # -- writing ---------------------------------------------------------------------
    def write(
        self, job: Callable[[Session], Any], done: Callable[[Any], None] | None = None
    ) -> None:
        """Run ``job`` in a transaction; this page's area is announced as changed after."""
        self.ctx.write(self.AREA or None, job, done)

    def new_record(self) -> None:
        if self._spec.create is None:
            return
        self._open_dialog(None, {})

    def edit_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self._open_dialog(row, self._spec.values_of(row))

    def _open_dialog(self, row: R | None, values: Mapping[str, Any]) -> None:
        fields = [f for f in self._spec.fields if f.choices is not None]

        def read_choices(session: Session) -> dict[str, Choices]:
            return {f.key: list(f.choices(session)) for f in fields if f.choices is not None}

        self.ctx.read(self, "choices", read_choices, lambda c: self._show_dialog(row, values, c))

    def _show_dialog(
        self, row: R | None, values: Mapping[str, Any], choices: Mapping[str, Choices]
    ) -> None:
        s = self._spec
        editable = row is None or s.editable is None or s.editable(row)
        read_only = not editable or (row is not None and s.update is None)
        if row is None:
            title = self.tr("New: {register}").format(register=self.title())
        elif read_only:
            title = self.tr("View: {register}").format(register=self.title())
        else:
            title = self.tr("Edit: {register}").format(register=self.title())
        dialog = RecordDialog(title, s.fields, choices, values, read_only=read_only, parent=self)
        row_id = s.row_id(row) if row is not None else None
        dialog.submitted.connect(lambda v: self._save(dialog, row_id, v))
        dialog.finished.connect(lambda _r: self._dialog_closed(dialog))
        self.dialog = dialog
        dialog.open()

    def _dialog_closed(self, dialog: RecordDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _save(self, dialog: RecordDialog, row_id: str | None, values: dict[str, Any]) -> None:
        s = self._spec

        def job(session: Session) -> Any:
            if row_id is None:
                assert s.create is not None
                return s.create(session, values)
            assert s.update is not None
            return s.update(session, row_id, values)

        def done(result: Any) -> None:
            saved_id = row_id if row_id is not None else _result_id(result)
            dialog.done_saving()
            self.ctx.messages.note(self.tr("Saved."))
            self.saved.emit(saved_id)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, UserError):
                dialog.refused(i18n.render(exc))
            else:
                dialog.refused("")
                self.ctx.messages.exception(exc)

        self.ctx.write(self.AREA or None, job, done, failed)

    def delete_selected(self) -> None:
        s = self._spec
        row = self.selected()
        if row is None or s.delete is None or (s.editable is not None and not s.editable(row)):
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete record"),
            self.tr(
                "Delete this record of {register}? The deletion is kept in the audit trail; "
                "the record itself is gone."
            ).format(register=self.title()),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        row_id = s.row_id(row)
        delete = s.delete
        self.ctx.write(
            self.AREA or None,
            lambda session: delete(session, row_id),
            lambda _r: self.deleted.emit(row_id),
        )

    # -- export ----------------------------------------------------------------------
    def choose_export(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export {register}").format(register=self.title()),
            str(Path.home() / self._spec.export_name),
            self.tr("Excel workbook (*.xlsx)"),
        )
        if name:
            path = Path(name)
            self.export_to(path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx"))

    def export_to(self, path: Path) -> None:
        export = self._spec.export
        if export is None:
            return

        def job(session: Session) -> int:
            savefile.check_writable(path)
            return export(session, path)

        def done(count: int) -> None:
            self.ctx.messages.note(
                self.tr("Exported {count} records to {file}").format(count=count, file=path)
            )
            self.exported.emit(str(path), count)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, OSError):  # open in WPS or Excel, or read-only
                savefile.report(self.ctx.messages, exc, path)
            else:
                self.ctx.messages.exception(exc)

        self.ctx.read(self, "export", job, done, failed)


def _result_id(result: Any) -> str:
    """The id of what a create returned: a row with ``id``, or the id itself."""
    if isinstance(result, str):
        return result
    return str(getattr(result, "id", "") or "")
