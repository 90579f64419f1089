"""The sign-off dialog: engineer with PIN and signature, the client with name and signature.

``SignOffDialog`` collects what a sign-off needs (engineer, PIN, both signatures and the
client representative's name) and hands it to a callable that performs the sign-off off
the GUI thread; work orders and inspection rounds share it.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from workbench import i18n
from workbench.domain.messages import UserError
from workbench.domain.timeutil import fmt_local, now
from workbench.services import engineers as engineers_service
from workbench.services.signing import Signatures
from workbench.ui.common.signature_pad import Point, SignatureField

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from workbench.ui.common.context import AppContext


@dataclass(frozen=True)
class EngineerChoice:
    id: str
    name: str


@dataclass(frozen=True)
class SignOffInput:
    """What the sign-off dialog collected."""

    engineer_id: str
    engineer_name: str
    pin: str
    engineer_strokes: list[list[Point]]
    engineer_aspect: float
    client_name: str
    client_strokes: list[list[Point]]
    client_aspect: float

    def signatures(self) -> Signatures:
        """Both drawn signatures, as the sign-off services take them."""
        return Signatures(
            engineer_strokes=self.engineer_strokes,
            client_name=self.client_name,
            client_strokes=self.client_strokes,
            engineer_aspect=self.engineer_aspect,
            client_aspect=self.client_aspect,
        )


class SignOffDialog(QDialog):
    """Sign a record off: the engineer with PIN and signature, the client with name and signature.

    ``sign(session, data)`` is the job that performs the sign-off: the dialog runs it
    through :meth:`AppContext.write` (one transaction on the write queue, off the GUI
    thread; ``area`` is announced as changed after it). A :class:`UserError` it raises
    (wrong PIN, signing locked, record changed, or a storage problem such as a full or
    read-only disk) is shown in the dialog, which stays open with both signatures drawn;
    on success the dialog is accepted and ``result_value`` holds what ``sign`` returned.
    When the engineer's signing is locked after wrong PINs, the dialog says until when,
    and the sign button waits for that moment. ``engineers`` defaults to every active
    engineer who has a PIN.
    """

    signed = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        sign: Callable[[Session, SignOffInput], Any],
        engineers: Sequence[EngineerChoice] | None = None,
        *,
        area: str | None = None,
        title: str = "",
        record_label: str = "",
        default_engineer: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._sign = sign
        self._area = area
        self._busy = False
        self._locked_until: dt.datetime | None = None
        self.result_value: Any = None
        self.setWindowTitle(title or self.tr("Sign-off"))
        self.setModal(True)

        intro = QLabel(
            record_label
            or self.tr("Both sides sign: the engineer with PIN, the client representative by name.")
        )
        intro.setWordWrap(True)

        self._default_engineer = default_engineer
        engineer_box = self._engineer_box()
        client_box = self._client_box()

        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error_label.hide()
        self.lock_label = QLabel(self)
        self.lock_label.setWordWrap(True)
        self.lock_label.setStyleSheet("color: #8a4b00;")
        self.lock_label.hide()

        self.buttons = QDialogButtonBox(self)
        self.sign_button = self.buttons.addButton(
            self.tr("Sign"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(engineer_box, 1)
        layout.addWidget(client_box, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.lock_label)
        layout.addWidget(self.buttons)
        self.resize(560, 640)

        self._lock_timer = QTimer(self)
        self._lock_timer.setInterval(1000)
        self._lock_timer.timeout.connect(self._tick_lock)

        if engineers is None:
            self.sign_button.setEnabled(False)
            ctx.read(self, "engineers", self._load_engineers, self._set_engineers)
        else:
            self._set_engineers(list(engineers))

    def _engineer_box(self) -> QGroupBox:
        self.engineer_combo = QComboBox(self)
        self.engineer_combo.currentIndexChanged.connect(lambda _i: self._check_lock())
        self.pin_edit = QLineEdit(self)
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setPlaceholderText(self.tr("Your signing PIN"))
        self.pin_edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.engineer_signature = SignatureField(self)
        box = QGroupBox(self.tr("Maintenance engineer"), self)
        form = QFormLayout(box)
        form.addRow(self.tr("Engineer"), self.engineer_combo)
        form.addRow(self.tr("PIN"), self.pin_edit)
        form.addRow(self.tr("Signature"), self.engineer_signature)
        return box

    def _client_box(self) -> QGroupBox:
        self.client_name_edit = QLineEdit(self)
        self.client_name_edit.setPlaceholderText(self.tr("Name of the client representative"))
        self.client_signature = SignatureField(self)
        box = QGroupBox(self.tr("Client representative"), self)
        form = QFormLayout(box)
        form.addRow(self.tr("Name"), self.client_name_edit)
        form.addRow(self.tr("Signature"), self.client_signature)
        return box

    # -- engineers and their PIN locks ---------------------------------------------
    @staticmethod
    def _load_engineers(session: Session) -> list[EngineerChoice]:
        return [
            EngineerChoice(row.id, row.name)
            for row in engineers_service.list_engineers(session)
            if row.has_pin
        ]

    def _set_engineers(self, choices: list[EngineerChoice]) -> None:
        self.engineer_combo.blockSignals(True)
        self.engineer_combo.clear()
        for choice in choices:
            self.engineer_combo.addItem(choice.name, choice.id)
        if self._default_engineer:
            index = self.engineer_combo.findText(self._default_engineer)
            if index >= 0:
                self.engineer_combo.setCurrentIndex(index)
        self.engineer_combo.blockSignals(False)
        if not choices:
            self._show_error(self.tr("No engineer can sign: add an engineer with a PIN first."))
            self.sign_button.setEnabled(False)
            return
        self.sign_button.setEnabled(not self._busy)
        self._check_lock()

    @staticmethod
    def _lock_of(session: Session, engineer_id: str) -> dt.datetime | None:
        for row in engineers_service.list_engineers(session):
            if row.id == engineer_id:
                return row.locked_until
        return None

    def _check_lock(self) -> None:
        engineer_id = self.engineer_combo.currentData()
        if not engineer_id:
            return
        self._ctx.read(
            self, "lock", lambda s: (engineer_id, self._lock_of(s, engineer_id)), self._lock_known
        )

    def _lock_known(self, result: tuple[str, dt.datetime | None]) -> None:
        engineer_id, until = result
        if engineer_id != self.engineer_combo.currentData():
            return
        if until is not None and until > now():
            self._locked_until = until
            self.sign_button.setEnabled(False)
            self._tick_lock()
        elif self._locked_until is not None:
            self._locked_until = None
            self._lock_timer.stop()
            self._show_error("")
            self.sign_button.setEnabled(not self._busy)

    # -- validation ---------------------------------------------------------------
    def missing(self) -> list[str]:
        """What still has to be given, in words."""
        missing = []
        if self.engineer_combo.currentIndex() < 0:
            missing.append(self.tr("the engineer"))
        if not self.pin_edit.text():
            missing.append(self.tr("the PIN"))
        if self.engineer_signature.pad.isEmpty():
            missing.append(self.tr("the engineer's signature"))
        if not self.client_name_edit.text().strip():
            missing.append(self.tr("the client representative's name"))
        if self.client_signature.pad.isEmpty():
            missing.append(self.tr("the client representative's signature"))
        return missing

    def collected(self) -> SignOffInput:
        return SignOffInput(
            engineer_id=str(self.engineer_combo.currentData()),
            engineer_name=self.engineer_combo.currentText(),
            pin=self.pin_edit.text(),
            engineer_strokes=self.engineer_signature.pad.strokes(),
            engineer_aspect=self.engineer_signature.pad.aspect(),
            client_name=self.client_name_edit.text().strip(),
            client_strokes=self.client_signature.pad.strokes(),
            client_aspect=self.client_signature.pad.aspect(),
        )

    # -- signing ------------------------------------------------------------------
    def submit(self) -> None:
        if self._busy:
            return
        missing = self.missing()
        if missing:
            self._show_error(self.tr("Still missing: {0}.").format(self.tr(", ").join(missing)))
            return
        data = self.collected()
        self._set_busy(True)
        sign = self._sign
        self._ctx.write(self._area, lambda session: sign(session, data), self._signed, self._failed)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.sign_button.setEnabled(not busy and self._locked_until is None)
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)

    def _signed(self, result: Any) -> None:
        self._set_busy(False)
        self.result_value = result
        self.signed.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(exc, UserError):
            self.reject()
            self._ctx.tasks.error.emit(exc, "")
            return
        self.pin_edit.clear()
        self.pin_edit.setFocus()
        self._show_error(i18n.render(exc))
        self._check_lock()  # a wrong PIN may have locked signing

    def lockedUntil(self) -> dt.datetime | None:
        return self._locked_until

    def _tick_lock(self) -> None:
        if self._locked_until is None or now() >= self._locked_until:
            self._locked_until = None
            self._lock_timer.stop()
            self.sign_button.setEnabled(not self._busy)
            self._show_error(self.tr("Signing is unlocked again; enter the PIN."))
            return
        left = self._locked_until - now()
        minutes, seconds = divmod(max(0, math.ceil(left.total_seconds())), 60)
        self.sign_button.setText(self.tr("Locked {0}:{1:02d}").format(minutes, seconds))
        self.lock_label.setText(
            self.tr("Too many wrong PINs: {0} can sign again at {1}.").format(
                self.engineer_combo.currentText(), fmt_local(self._locked_until, seconds=True)
            )
        )
        self.lock_label.show()
        if not self._lock_timer.isActive():
            self._lock_timer.start()

    def _show_error(self, text: str) -> None:
        if self._locked_until is None:
            self.sign_button.setText(self.tr("Sign"))
            self.lock_label.hide()
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def reject(self) -> None:
        if self._busy:
            return  # a write is under way; the dialog closes when it has finished
        self._lock_timer.stop()
        super().reject()
