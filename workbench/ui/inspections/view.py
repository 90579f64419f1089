"""The 巡检 view: today's due devices, running and past rounds, the device checklist.

A round is walked with the scanner: the router offers every asset code to
:meth:`InspectionsView.route_asset` first; a code in the running round's scope opens that
device's checklist with every item set to pass, and one key (Enter) saves it and waits
for the next scan. A failed item opens a linked work order. A finished round is signed
in the shared sign-off dialog and then shows read-only.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench import i18n
from workbench.domain import inspections as states
from workbench.domain.timeutil import LOCAL_TZ
from workbench.domain.timeutil import now as utc_now
from workbench.services import assets as asset_service
from workbench.services import engineers as engineer_service
from workbench.services import inspections as service
from workbench.services.inspections import DeviceForm, DueRow, RecordedInspection, RoundDetail
from workbench.ui.common.context import AppContext
from workbench.ui.common.rows_model import RowRole, RowsModel, SortRole
from workbench.ui.common.signoff import EngineerChoice, SignOffDialog, SignOffInput
from workbench.ui.inspections.dialogs import FinishRoundDialog, StartRoundDialog
from workbench.ui.inspections.editor import DeviceChecklistEditor
from workbench.ui.inspections.history import InspectionHistoryWidget
from workbench.ui.inspections.models import (
    DueModel,
    RoundAssetsModel,
    RoundsModel,
    round_status_text,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = ["InspectionHistoryWidget", "InspectionsView"]

log = logging.getLogger("workbench.ui.inspections")

# Rounds listed per page (a year of weekly rounds is 52); more as the list is scrolled.
ROUNDS_PAGE = 100


@dataclass(frozen=True)
class _Snapshot:
    due: list[DueRow]
    rounds: list[service.RoundSummary]
    shown: RoundDetail | None
    running: RoundDetail | None
    engineers: list[tuple[str, str]]
    locations: list[str]
    categories: list[tuple[str, str]]


def _table(model: RowsModel[Any], parent: QWidget) -> QTableView:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SortRole)
    view = QTableView(parent)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return view


class InspectionsView(QWidget):
    loaded = Signal()  # after every refresh from the store
    deviceOpened = Signal(str)  # asset code whose checklist is shown
    deviceSaved = Signal(object)  # RecordedInspection
    roundChanged = Signal(object)  # RoundDetail after start/pause/resume/finish/sign

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.shown: RoundDetail | None = None  # the round in the right-hand pane
        self.running: RoundDetail | None = None  # the round scans go to
        self._scope_codes: set[str] = set()
        self._snapshot: _Snapshot | None = None
        self._saving = False
        # Our last save of a device (see _with_own_save).
        self._last_save: RecordedInspection | None = None

        # -- toolbar ------------------------------------------------------------------
        self.start_button = QPushButton(self.tr("Start round…"), self)
        self.pause_button = QPushButton(self.tr("Pause"), self)
        self.resume_button = QPushButton(self.tr("Resume"), self)
        self.finish_button = QPushButton(self.tr("Finish round…"), self)
        self.sign_button = QPushButton(self.tr("Sign off…"), self)
        self.print_button = QPushButton(self.tr("Print record…"), self)
        self.blank_button = QPushButton(self.tr("Blank form"), self)
        self.blank_menu = QMenu(self)
        self.blank_button.setMenu(self.blank_menu)
        self.start_button.clicked.connect(self.open_start_dialog)
        self.pause_button.clicked.connect(lambda: self._move("pause"))
        self.resume_button.clicked.connect(lambda: self._move("resume"))
        self.finish_button.clicked.connect(self.finish_shown)
        self.sign_button.clicked.connect(self.open_sign_dialog)
        self.print_button.clicked.connect(self.print_shown)
        toolbar = QHBoxLayout()
        for button in (
            self.start_button,
            self.pause_button,
            self.resume_button,
            self.finish_button,
            self.sign_button,
            self.print_button,
        ):
            toolbar.addWidget(button)
        toolbar.addStretch(1)
        toolbar.addWidget(self.blank_button)

        # -- left: due devices and rounds --------------------------------------------
        self.due_model = DueModel(self)
        self.due_table = _table(self.due_model, self)
        self.rounds_model = RoundsModel(self)
        self.rounds_model.fetchRequested.connect(self._fetch_rounds)
        self.rounds_table = _table(self.rounds_model, self)
        self.rounds_table.selectionModel().currentRowChanged.connect(self._round_selected)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.due_table, self.tr("Due today"))
        self.tabs.addTab(self.rounds_table, self.tr("Rounds"))

        # -- right: the shown round ----------------------------------------------------
        self.round_title = QLabel(self)
        self.round_title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.round_status = QLabel(self)
        self.round_status.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setFormat("%v/%m")
        self.progress.hide()  # until a round is shown
        self.left_label = QLabel(self)
        self.left_label.setWordWrap(True)
        self.assets_model = RoundAssetsModel(self)
        self.assets_table = _table(self.assets_model, self)
        self.assets_table.doubleClicked.connect(self._asset_double_clicked)
        self.editor = DeviceChecklistEditor(self)
        self.editor.saveRequested.connect(self.save_device)

        right_top = QWidget(self)
        top_layout = QVBoxLayout(right_top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.round_title)
        top_layout.addWidget(self.round_status)
        top_layout.addWidget(self.progress)
        top_layout.addWidget(self.left_label)
        top_layout.addWidget(self.assets_table, 1)
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(right_top)
        right.addWidget(self.editor)
        right.setStretchFactor(1, 2)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.tabs)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addWidget(splitter, 1)

        self.ctx.events.dataChanged.connect(self._data_changed)
        self._update_actions()
        self.refresh()

    # -- loading ----------------------------------------------------------------------
    def _engineer_id(self, session: Any) -> str | None:
        row = engineer_service.find_engineer(session, self.ctx.settings.engineer)
        return row.id if row else None

    def refresh(self, show: str | None = None) -> None:
        """Reload from the store (off the GUI thread); ``show`` a round by id or number."""
        wanted = show or (self.shown.summary.id if self.shown else None)

        def load(session: Session) -> _Snapshot:
            engineer_id = self._engineer_id(session) if self.ctx.settings.engineer else None
            active = service.active_round(session, engineer_id) or service.active_round(session)
            running = service.round_detail(session, active.id) if active else None
            shown = service.round_detail(session, wanted) if wanted else running
            return _Snapshot(
                due=service.due_devices(session, only_needing=True),
                # One row more than a page: whether there are further pages.
                rounds=service.list_rounds(session, limit=ROUNDS_PAGE + 1),
                shown=shown,
                running=running,
                engineers=[(e.id, e.name) for e in engineer_service.list_engineers(session)],
                locations=asset_service.list_locations(session),
                categories=[
                    (c.code, i18n.local_name(c.name, c.name_en))
                    for c in asset_service.list_categories(session)
                ],
            )

        self.ctx.read(self, "snapshot", load, self._loaded)

    def _fetch_rounds(self, offset: int) -> None:
        """The next page of the rounds list (asked for by the model at the list's end)."""

        def load(session: Session) -> list[service.RoundSummary]:
            return service.list_rounds(session, limit=ROUNDS_PAGE + 1, offset=offset)

        def done(rows: list[service.RoundSummary]) -> None:
            self.rounds_model.append_page(offset, rows[:ROUNDS_PAGE], len(rows) > ROUNDS_PAGE)

        def failed(exc: BaseException) -> None:
            self.rounds_model.fetch_failed()
            self.ctx.messages.exception(exc)

        self.ctx.read(self, "rounds", load, done, failed, supersede=False)

    def _loaded(self, snap: _Snapshot) -> None:
        self._snapshot = snap
        self.due_model.set_rows(snap.due)
        self.tabs.setTabText(0, self.tr("Due today ({0})").format(len(snap.due)))
        self.rounds_model.set_page(snap.rounds[:ROUNDS_PAGE], len(snap.rounds) > ROUNDS_PAGE)
        self.running = snap.running
        self._scope_codes = {a.code for a in snap.running.assets} if snap.running else set()
        self._show_round(snap.shown)
        self._fill_blank_menu(snap.categories)
        self.loaded.emit()

    def _fill_blank_menu(self, categories: list[tuple[str, str]]) -> None:
        self.blank_menu.clear()
        for code, name in categories:
            action = self.blank_menu.addAction(name)
            action.triggered.connect(lambda _c=False, code=code: self.print_blank(code))

    def _show_round(self, detail: RoundDetail | None) -> None:
        self.shown = detail
        if detail is None:
            self.round_title.setText(self.tr("No round running"))
            self.round_status.setText(
                self.tr("Start a round: the devices due today are listed on the left.")
            )
            # No round, no progress: an empty "0/1" bar would read as one.
            self.progress.hide()
            self.left_label.setText("")
            self.assets_model.set_rows([])
            self._update_actions()
            return
        s = detail.summary
        self.round_title.setText(
            self.tr("Round {0} · {1} · {2}").format(
                s.number, s.engineer_name, s.planned_date.isoformat()
            )
        )
        status = round_status_text(s.status)
        if s.status == states.SIGNED:
            status = self.tr("Signed by {0} and {1}; locked, read-only.").format(
                s.engineer_name, detail.client_representative
            )
        if detail.unchecked_reason:
            # on a line of its own: run on after the status it read as one sentence
            status += "\n" + self.tr("Unchecked because: {0}").format(detail.unchecked_reason)
        self.round_status.setText(status)
        self.progress.setRange(0, max(1, s.devices_total))
        self.progress.setValue(s.devices_checked)
        self.progress.show()
        left = [f"{p.location or '—'} {p.left}" for p in detail.by_location if p.left]
        self.left_label.setText(
            self.tr("Left by location: {0}").format("，".join(left)) if left else ""
        )
        self.assets_model.set_rows(list(detail.assets))
        form = self.editor.form()
        if form is not None and form.round_id != s.id:
            self.editor.show_waiting(self.tr("Scan a device of the round to open its checklist."))
        elif form is None and s.status != states.RUNNING:
            self.editor.show_waiting(
                self.tr("Double-click a device to see its recorded checklist.")
            )
        self._update_actions()

    def _update_actions(self) -> None:
        status = self.shown.status if self.shown else None
        self.pause_button.setEnabled(status == states.RUNNING)
        self.resume_button.setEnabled(status == states.PAUSED)
        self.finish_button.setEnabled(status in (states.RUNNING, states.PAUSED))
        self.sign_button.setEnabled(status == states.FINISHED)
        self.print_button.setEnabled(status in (states.FINISHED, states.SIGNED))

    def _data_changed(self, area: str) -> None:
        if area in ("inspections", "assets"):
            self.refresh()

    def _round_selected(self, current: Any, _previous: Any) -> None:
        if not current.isValid():
            return
        row = current.data(RowRole)
        if row is not None and (self.shown is None or row.id != self.shown.summary.id):
            self.editor.show_waiting(self.tr("Double-click a device to see its checklist."))
            self.refresh(show=row.id)

    def is_read_only(self) -> bool:
        return self.shown is None or self.shown.status != states.RUNNING

    # -- scans ------------------------------------------------------------------------
    def route_asset(self, code: str) -> bool:
        """A scanned asset code: open its checklist if the running round covers it."""
        code = code.strip().upper()
        if self.running is None or code not in self._scope_codes:
            return False
        if self.shown is None or self.shown.summary.id != self.running.summary.id:
            self._show_round(self.running)
        self.open_device(self.running.summary.id, code)
        return True

    def open_device(self, round_id: str, code: str) -> None:
        def load(session: Session) -> DeviceForm:
            return service.device_form(session, round_id, code)

        self.ctx.read(self, "device", load, self._device_loaded)

    def _with_own_save(self, form: DeviceForm) -> DeviceForm:
        """``form`` at the round's version after our own last save, when it was read just
        before that save committed (a device scanned while the previous one was saving).
        Only that save lies between the two versions, and it changed none of this
        device's rows; any other change in between still refuses the form's save."""
        own = self._last_save
        if (
            own is not None
            and own.round_id == form.round_id
            and own.asset_code != form.asset_code
            and form.round_version == own.round_version - 1
        ):
            return replace(form, round_version=own.round_version)
        return form

    def _device_loaded(self, form: DeviceForm) -> None:
        form = self._with_own_save(form)
        self.editor.load(form)
        row = self.assets_model.index_of(form.asset_code)
        if row >= 0:
            proxy = self.assets_table.model()
            assert isinstance(proxy, QSortFilterProxyModel)
            self.assets_table.selectRow(proxy.mapFromSource(self.assets_model.index(row, 0)).row())
        self.deviceOpened.emit(form.asset_code)

    def _asset_double_clicked(self, index: Any) -> None:
        row = index.data(RowRole)
        if row is not None and self.shown is not None:
            self.open_device(self.shown.summary.id, row.code)

    # -- saving a device --------------------------------------------------------------
    def save_device(self) -> None:
        form = self.editor.form()
        if form is None or not form.editable or self._saving:
            return
        missing = self.editor.missing_notes()
        if missing:
            items = {item.key: item.text for item in form.checklist.items}
            self.ctx.messages.warning(
                self.tr("Describe each abnormal item in its note: {0}.").format(
                    "、".join(items.get(key, key) for key in missing)
                )
            )
            self.editor.focus_note(missing[0])
            return
        values = self.editor.values()
        notes = self.editor.item_notes()
        note = self.editor.note()
        photos = self.editor.photos()
        self._saving = True
        self.editor.save_button.setEnabled(False)

        def write(session: Session) -> RecordedInspection:
            return service.record_inspection(
                session,
                form.round_id,
                form.asset_code,
                values,
                note=note,
                item_notes=notes,
                photos=photos,
                translate=i18n.translate,
                # The round as the form was read: a save over someone else's newer one
                # is refused, never written over it.
                expected_version=form.round_version,
            )

        # The views announce what changed themselves (_saved): a finding opens a work order.
        self.ctx.write(None, write, self._saved, lambda exc: self._save_failed(exc, form))

    def _saved(self, result: RecordedInspection) -> None:
        self._saving = False
        self._last_save = result
        self._took_version(result.round_id, result.round_version)
        if result.failed:
            text = self.tr("{0} saved with findings; work order {1} opened.").format(
                result.asset_code, result.work_order_number
            )
            self.ctx.events.dataChanged.emit("workorders")
        else:
            text = self.tr("{0} saved: all pass.").format(result.asset_code)
        progress = self.tr("{0}/{1} checked. Scan the next device.").format(
            result.devices_checked, result.devices_total
        )
        self.editor.show_waiting(f"{text} {progress}")
        self.ctx.messages.note(text)
        self.deviceSaved.emit(result)
        self.ctx.events.dataChanged.emit("inspections")

    def _save_failed(self, exc: BaseException, form: DeviceForm) -> None:
        self._saving = False
        self.editor.save_button.setEnabled(True)
        self.ctx.messages.exception(exc, reload=lambda: self.reload_device(form))

    def reload_device(self, form: DeviceForm) -> None:
        """The round and the device's checklist as they are stored now."""
        self.refresh(show=form.round_id)
        self.open_device(form.round_id, form.asset_code)

    def _took_version(self, round_id: str, version: int) -> None:
        """Our own save counted the round's version up: what is shown of it follows at
        once, not only when the refresh it announced answers (a click on 完成 in between
        would otherwise be refused as someone else's change). Only from the version just
        before it: anything older is someone else's change, for the refresh to show."""
        for name in ("shown", "running"):
            detail = getattr(self, name)
            if (
                detail is not None
                and detail.summary.id == round_id
                and detail.summary.version == version - 1
            ):
                setattr(
                    self, name, replace(detail, summary=replace(detail.summary, version=version))
                )

    # -- round actions ----------------------------------------------------------------
    def open_start_dialog(self) -> StartRoundDialog:
        snap = self._snapshot
        dialog = StartRoundDialog(
            snap.engineers if snap else [],
            snap.locations if snap else [],
            snap.categories if snap else [],
            default_engineer=self.ctx.settings.engineer,
            due_count=len(snap.due) if snap else 0,
            today=utc_now().astimezone(LOCAL_TZ).date(),
            parent=self,
        )
        dialog.accepted.connect(lambda: self._start(dialog))
        self.start_dialog = dialog
        dialog.open()
        return dialog

    def _start(self, dialog: StartRoundDialog) -> None:
        choice = dialog.choice()
        self._change_round(
            lambda session: service.start_round(
                session,
                engineer_id=choice.engineer_id,
                scope=choice.scope,
                scope_value=choice.scope_value,
                planned_date=choice.planned_date,
                kind=choice.kind,
            )
        )

    def _change_round(
        self, change: Callable[[Session], RoundDetail], round_id: str | None = None
    ) -> None:
        """Start, pause, resume or finish a round (off the GUI thread), then show it. A
        refusal because someone else changed ``round_id`` meanwhile offers to reload it."""

        def failed(exc: BaseException) -> None:
            reload = (lambda: self.refresh(show=round_id)) if round_id is not None else None
            self.ctx.messages.exception(exc, reload=reload)

        self.ctx.write(None, change, self._round_moved, failed)  # _round_moved announces it

    def _round_moved(self, detail: RoundDetail) -> None:
        self.editor.show_waiting(
            self.tr("Scan a device of the round to open its checklist.")
            if detail.status == states.RUNNING
            else self.tr("Double-click a device to see its recorded checklist.")
        )
        if detail.status == states.RUNNING:
            self.running = detail
            self._scope_codes = {a.code for a in detail.assets}
        elif self.running is not None and self.running.summary.id == detail.summary.id:
            self.running = None
            self._scope_codes = set()
        self._show_round(detail)
        self.roundChanged.emit(detail)
        self.ctx.events.dataChanged.emit("inspections")

    def _move(self, action: str) -> None:
        if self.shown is None:
            return
        round_id, version = self.shown.summary.id, self.shown.summary.version
        fn = service.pause_round if action == "pause" else service.resume_round
        self._change_round(
            lambda session: fn(session, round_id, expected_version=version), round_id
        )

    def finish_shown(self) -> FinishRoundDialog | None:
        if self.shown is None:
            return None
        left = [a.code for a in self.shown.left]
        if not left:
            self.finish_round("")
            return None
        # The round as the dialog lists its unchecked devices: the reason is about those.
        shown = self.shown.summary
        dialog = FinishRoundDialog(self.shown.number, left, self)
        dialog.accepted.connect(lambda: self.finish_round(dialog.reason(), shown))
        self.finish_dialog = dialog
        dialog.open()
        return dialog

    def finish_round(self, reason: str, summary: service.RoundSummary | None = None) -> None:
        """Finish ``summary``'s round (default: the one shown) as it was read."""
        if summary is None:
            if self.shown is None:
                return
            summary = self.shown.summary
        round_id, version = summary.id, summary.version
        self._change_round(
            lambda session: service.finish_round(
                session, round_id, reason, expected_version=version
            ),
            round_id,
        )

    def open_sign_dialog(self) -> SignOffDialog | None:
        if self.shown is None or self.shown.status != states.FINISHED:
            return None
        s = self.shown.summary
        round_id, version = s.id, s.version

        def sign(session: Session, data: SignOffInput) -> RoundDetail:
            return service.sign_round(
                session,
                round_id,
                data.signatures(),
                pin=data.pin,
                expected_version=version,
            )

        dialog = SignOffDialog(
            self.ctx,
            sign,
            [EngineerChoice(s.engineer_id, s.engineer_name)],
            title=self.tr("Sign off round {0}").format(s.number),
            record_label=self.tr(
                "Round {0}: {1} devices checked, {2} with findings. After signing the round is "
                "locked."
            ).format(s.number, s.devices_checked, s.failures),
            default_engineer=s.engineer_name,
            parent=self,
        )
        dialog.signed.connect(self._round_moved)
        self.sign_dialog = dialog
        dialog.open()
        return dialog

    # -- forms ------------------------------------------------------------------------
    def _preview(self, make: Callable[[Session], bytes], title: str) -> None:
        def done(pdf: bytes) -> None:
            from workbench.ui.common.printing import preview_pdfs

            self.preview = preview_pdfs(self, [pdf], title)
            self.preview.open()

        self.ctx.read(self, "form", make, done)

    def print_shown(self) -> None:
        if self.shown is None:
            return
        round_id, number = self.shown.summary.id, self.shown.number

        def make(session: Session) -> bytes:
            from workbench.reports.inspection_form import inspection_form_pdf

            doc = service.round_form(session, round_id, i18n.translate)
            return inspection_form_pdf(doc, i18n.translate)

        self._preview(make, number)

    def print_blank(self, category: str) -> None:
        def make(session: Session) -> bytes:
            from workbench.reports.inspection_form import inspection_form_pdf

            doc = service.blank_form(session, category)
            return inspection_form_pdf(doc, i18n.translate)

        self._preview(make, self.tr("Blank inspection form"))

    def today(self) -> dt.date:
        return utc_now().astimezone(LOCAL_TZ).date()
