"""From which day this team keeps the records: the first-start wizard's page and the
editor Settings shows (:mod:`workbench.services.records`).

What fell due before that day is "before the records began" on 总览, in the deliverables
and in the reports, not overdue. Reading and writing the day runs off the GUI thread.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from workbench import i18n
from workbench.domain.messages import UserError
from workbench.services import records as service
from workbench.ui.common.context import AppContext

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

log = logging.getLogger("workbench.ui.records")

# The areas told to reload once the day changed: deliverables, 总览, the reports ("all")
# and the inspections' due list.
RELOAD_AREAS = ("all", "inspections")


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class RecordsDateEdit(QDateEdit):
    """A day within the contract's period, picked from a calendar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setEnabled(False)  # until the contract's period is known

    def show_start(self, start: service.RecordsStart) -> None:
        self.setDateRange(_qdate(start.contract_start), _qdate(start.contract_end))
        self.setDate(_qdate(start.records_from))
        self.setEnabled(True)

    def day(self) -> dt.date:
        return _date(self.date())


def _save(
    ctx: AppContext,
    day: dt.date,
    on_done: Callable[[service.RecordsStart], None],
    on_error: Callable[[BaseException], None],
) -> None:
    def job(session: Session) -> service.RecordsStart:
        return service.set_records_from(session, day)

    def done(start: service.RecordsStart) -> None:
        for area in RELOAD_AREAS:
            ctx.events.dataChanged.emit(area)
        on_done(start)

    ctx.write(None, job, done, on_error)


def _error_text(exc: BaseException) -> str:
    return i18n.render(exc) if isinstance(exc, UserError) else str(exc)


class RecordsPage(QWizardPage):
    """The wizard's question: from which day does this team keep the records?"""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.saved: dt.date | None = None
        self._busy = False
        self.setTitle(self.tr("From when you keep the records"))
        self.setSubTitle(
            self.tr(
                "If your team takes over a contract that is already running, choose the day "
                "your records begin."
            )
        )
        self.date_edit = RecordsDateEdit(self)
        self.note = QLabel(
            self.tr(
                "Reports and inspections due before this day are shown as “before the "
                "records began”, not as overdue. You can change the day later in Settings."
            ),
            self,
        )
        self.note.setWordWrap(True)
        self.error = QLabel("", self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Records kept from:"), self))
        row.addWidget(self.date_edit)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addSpacing(8)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def initializePage(self) -> None:
        if not self.date_edit.isEnabled():
            self.load()

    def load(self) -> None:
        """Read the contract's period and the day to offer (again once the inventory
        page has loaded the contract)."""
        if self.ctx.ready:
            self.ctx.read(
                self, "records", service.suggested_records_start, self._show, self._failed
            )

    def _show(self, start: service.RecordsStart) -> None:
        self.error.setText("")
        self.date_edit.show_start(start)
        if start.chosen:
            self.saved = start.records_from

    def validatePage(self) -> bool:
        if not self.date_edit.isEnabled():  # no contract (yet): nothing to keep
            return True
        day = self.date_edit.day()
        if self.saved == day:
            return True
        if self._busy:
            return False
        self._busy = True
        self.setEnabled(False)
        self.error.setText("")
        _save(self.ctx, day, self._done, self._failed)
        return False

    def _done(self, start: service.RecordsStart) -> None:
        self._busy = False
        self.setEnabled(True)
        self.saved = start.records_from
        log.info("welcome: records kept from %s", start.records_from.isoformat())
        wizard = self.wizard()
        if wizard is not None and wizard.currentPage() is self:
            wizard.next()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.setEnabled(True)
        self.error.setText(_error_text(exc))
        log.error("welcome: records start not saved: %s", exc)


class RecordsStartEditor(QWidget):
    """Settings' line: the day the records begin, with its own Save button."""

    saved = Signal(object)  # RecordsStart

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.date_edit = RecordsDateEdit(self)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save)
        self.date_edit.dateChanged.connect(lambda _d: self._changed())
        self.status = QLabel("", self)
        self.status.setWordWrap(True)
        self.current: service.RecordsStart | None = None
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.date_edit)
        row.addWidget(self.save_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.status)
        if ctx.ready:
            self.refresh()
        else:
            ctx.events.storeReady.connect(self.refresh)

    def refresh(self) -> None:
        self.ctx.read(self, "records", service.records_start, self._show, self._failed)

    def _show(self, start: service.RecordsStart) -> None:
        self.current = start
        self.date_edit.show_start(start)
        self.save_button.setEnabled(False)
        if start.mid_contract:
            self.status.setText(
                self.tr("What fell due before this day is “before the records began”.")
            )
        else:
            self.status.setText(self.tr("The records begin with the contract."))

    def _changed(self) -> None:
        self.save_button.setEnabled(
            self.current is not None and self.date_edit.day() != self.current.records_from
        )

    def save(self) -> None:
        self.save_button.setEnabled(False)
        _save(self.ctx, self.date_edit.day(), self._saved, self._failed)

    def _saved(self, start: service.RecordsStart) -> None:
        self._show(start)
        self.saved.emit(start)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(_error_text(exc))
        log.error("settings: records start not saved: %s", exc)
