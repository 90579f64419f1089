"""The 工单 view: work orders under the contract's clock.

A list (filtered, sorted and paged by the service query) with live SLA countdowns, and a
detail pane with the timeline, work log, sign-off and printing. Every store access runs
off the GUI thread through ``ctx.tasks``; writes go through ``run_write`` one at a time.
A one-second timer advances the countdowns from the stored times without querying.

Entry points for the rest of the app: :meth:`WorkOrdersView.new_for_asset` (the 设备
view), :meth:`WorkOrdersView.open_record` (a scanned printed work order),
:meth:`WorkOrdersView.show_work_order`, and :attr:`WorkOrdersView.deadlineText` /
:meth:`WorkOrdersView.next_deadline_text` for the status bar.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench import i18n
from workbench.domain import clocks as clock_rules
from workbench.domain import workorders as rules
from workbench.domain.messages import UserError
from workbench.domain.scancodes import AssetScan, classify
from workbench.domain.timeutil import now as utc_now
from workbench.services import assets as assets_service
from workbench.services import engineers as engineers_service
from workbench.services import workorders as wo
from workbench.services.engineers import EngineerRow
from workbench.ui.common import heap, printing, uistate
from workbench.ui.common.context import AppContext
from workbench.ui.common.signoff import EngineerChoice, SignOffDialog, SignOffInput
from workbench.ui.workorders.detail import STEP_SHORTCUTS, WorkOrderDetailPane
from workbench.ui.workorders.dialogs import (
    AmendDialog,
    AmendInput,
    AssetChoice,
    FindingDialog,
    LogEntryDialog,
    NewWorkOrderDialog,
    StepDialog,
)
from workbench.ui.workorders.filter_bar import WorkOrderFilterBar
from workbench.ui.workorders.model import (
    CellTooltips,
    WorkOrderTableModel,
    deadline_text,
    domain_name,
)
from workbench.ui.workorders.printing import WorkOrderPrinter

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

log = logging.getLogger("workbench.ui.workorders")

# A page is small: the worker that reads it shares the interpreter with the GUI thread.
PAGE_SIZE = 100
AREA = "workorders"


def _open_transient(dialog: QDialog | None) -> None:
    """Open ``dialog`` window-modal (not blocking); Qt deletes it once it closes."""
    if dialog is not None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.open()


class WorkOrdersView(QWidget):
    """The 工单 view."""

    deadlineText = Signal(str)  # the next SLA deadline in words, every second
    workOrderShown = Signal(str)  # the number of the order in the detail pane

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._engineers: list[EngineerRow] = []
        # Devices and engineers arrive from a query; what needs them waits for the first.
        self._choices_loaded = False
        self._after_choices: list[Callable[[], None]] = []
        self._assets: list[AssetChoice] = []
        self._sort = ("reported_at", True)
        # The filter of the listed rows: further pages are read with it, not with what the
        # search field says meanwhile.
        self._listed_filter: wo.WorkOrderFilter | None = None
        self._listed_sort = self._sort
        self._pending_select: str | None = None
        self._next_deadline: wo.UpcomingDeadline | None = None
        self._next_after: tuple[Any, ...] | None = None
        self._new_dialog: NewWorkOrderDialog | None = None
        self.printer = WorkOrderPrinter(ctx, self)

        self.model = WorkOrderTableModel(self)
        self.model.set_fetcher(self._fetch_more)
        # A page goes in by slices: the count follows once it is all in.
        self.model.caughtUp.connect(self._update_count)
        self._build_filters()
        self._build_table()
        self.count_label = QLabel(self)

        self.detail = WorkOrderDetailPane(self)
        self._wire_detail()

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.filter_bar)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([1020, 580])
        self.splitter.setCollapsible(1, False)  # the pane keeps its minimum width
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        uistate.restore_header(AREA, self.table.horizontalHeader())
        self._take_restored_sort()
        uistate.restore_splitter(AREA, self.splitter)
        self._build_actions()
        self._start(ctx)

    def _build_table(self) -> None:
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # The list shows the store: an order is changed in the detail pane, not in a cell.
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setSortingEnabled(False)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(
            WorkOrderTableModel.COLUMNS.index("reported_at"), Qt.SortOrder.DescendingOrder
        )
        header.sectionClicked.connect(self._header_clicked)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate((175, 84, 76, 110, 128, 60, 122, 122, 122)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.setItemDelegate(CellTooltips(self.table, self.model))

    def _start(self, ctx: AppContext) -> None:
        self.clock = QTimer(self)
        self.clock.setInterval(1000)
        self.clock.timeout.connect(self.tick)
        self.clock.start()

        ctx.events.dataChanged.connect(self._data_changed)
        ctx.events.scanned.connect(self._scanned)
        self._load_choices()
        self.refresh()

    # -- building -------------------------------------------------------------------
    def _build_filters(self) -> None:
        bar = WorkOrderFilterBar(self)
        self.filter_bar = bar
        bar.changed.connect(self._refilter)
        self.search = bar.search
        self._search_timer = bar.search_timer  # the typing pause (tests and probes stop it)
        self.status_filter = bar.status_filter
        self.type_filter = bar.type_filter
        self.engineer_filter = bar.engineer_filter
        self.breached_filter = bar.breached_filter
        self.period_filter = bar.period_filter
        self.new_button = bar.new_button
        self.new_button.clicked.connect(self._new_clicked)
        self.batch_button = bar.batch_button
        self.batch_button.clicked.connect(self.batch_print)

    def _build_actions(self) -> None:
        def action(
            shortcut: str | QKeySequence | QKeySequence.StandardKey, slot: Callable[[], None]
        ) -> QAction:
            act = QAction(self)
            act.setShortcut(QKeySequence(shortcut))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.new_action = action(QKeySequence.StandardKey.New, self._new_clicked)
        self.find_action = action(QKeySequence.StandardKey.Find, self.focus_search)
        self.step_actions: dict[str, QAction] = {}
        for status, keys in STEP_SHORTCUTS.items():
            self.step_actions[status] = action(keys, self._step_slot(status))
        self.preview_action = action(QKeySequence.StandardKey.Print, self.preview_current)
        self.log_action = action("Ctrl+L", self.add_log_entry)

    def _step_slot(self, status: str) -> Callable[[], None]:
        return lambda: self.advance_current(status)

    def _wire_detail(self) -> None:
        d = self.detail
        d.stepRequested.connect(self.advance_current)
        d.stepAtRequested.connect(self.advance_current_at)
        d.save_button.clicked.connect(self.save_edits)
        d.sign_button.clicked.connect(self.sign_current)
        d.amend_button.clicked.connect(self.amend_current)
        d.finding_button.clicked.connect(self.mark_current_finding)
        d.preview_button.clicked.connect(self.preview_current)
        d.print_button.clicked.connect(self.print_current)
        d.save_pdf_button.clicked.connect(self.save_current_pdf)
        d.add_log_button.clicked.connect(self.add_log_entry)
        d.correct_log_button.clicked.connect(self.correct_log_entry)

    # -- queries --------------------------------------------------------------------
    def current_filter(self) -> wo.WorkOrderFilter:
        start, end = self._period()
        return wo.WorkOrderFilter(
            status=self.status_filter.currentData(),
            type=self.type_filter.currentData(),
            engineer_id=self.engineer_filter.currentData(),
            breached=self.breached_filter.currentData(),
            start=start,
            end=end,
            search=self.search.text().strip() or None,
        )

    def _period(self) -> tuple[dt.datetime | None, dt.datetime | None]:
        return self.filter_bar.period()

    def _load_choices(self) -> None:
        def query(session: Session) -> tuple[list[EngineerRow], list[AssetChoice]]:
            engineers = engineers_service.list_engineers(session)
            assets = [
                AssetChoice(a.code, a.name, a.location or "")
                for a in assets_service.list_assets(session)
                if a.status != "retired"
            ]
            return engineers, assets

        def done(result: tuple[list[EngineerRow], list[AssetChoice]]) -> None:
            self._engineers, self._assets = result
            self.filter_bar.set_engineers(self._engineers)
            self._choices_loaded = True
            waiting, self._after_choices = self._after_choices, []
            for then in waiting:
                then()

        self.ctx.read(self, "choices", query, done)

    def refresh(self, *, deadline: bool = True) -> None:
        """Query the first page again (filters, sort, search); keep the selection.

        The filter's orders are counted here, once; further pages are read without a
        count. ``deadline``: read the next SLA deadline too (it does not depend on the
        filter, so a new search or sort leaves it alone).
        """
        flt = self.current_filter()
        sort, descending = self._sort
        keep = self._pending_select or self.current_number()

        def query(session: Session) -> tuple[wo.WorkOrderPage, wo.UpcomingDeadline | None]:
            page = wo.list_work_orders(
                session, flt, sort=sort, descending=descending, limit=PAGE_SIZE
            )
            return page, wo.next_deadline(session) if deadline else self._next_deadline

        def done(result: tuple[wo.WorkOrderPage, wo.UpcomingDeadline | None]) -> None:
            page, upcoming = result
            self._next_deadline = upcoming
            self._listed_filter = flt
            self._listed_sort = (sort, descending)
            self._next_after = page.next_after
            self.model.set_rows(page.rows, page.total)
            self._update_count()
            if keep:
                self._select(keep)
            self.tick()

        self.ctx.read(self, "list", query, done)

    def _refilter(self) -> None:
        """The filters, search or sort changed: list again."""
        self.refresh(deadline=False)

    def _fetch_more(self, offset: int) -> None:
        flt = self._listed_filter or wo.WorkOrderFilter()
        sort, descending = self._listed_sort
        total = self.model.total()
        # The next page starts after the last row's sort key; by offset only when the
        # list has no key yet.
        after = self._next_after

        def query(session: Session) -> wo.WorkOrderPage:
            return wo.list_work_orders(
                session,
                flt,
                sort=sort,
                descending=descending,
                offset=offset,
                limit=PAGE_SIZE,
                total=total,
                after=after,
            )

        def done(page: wo.WorkOrderPage) -> None:
            if page.next_after is not None:
                self._next_after = page.next_after
            self.model.append_rows(page.rows)  # the count follows (caughtUp)
            heap.keep_long_lived()  # the page's rows live as long as the list

        # A further page of the list: a newer listing drops it.
        self.ctx.read(self, "list", query, done, supersede=False)

    def _update_count(self) -> None:
        self.count_label.setText(
            self.tr("{shown} of {total} work orders").format(
                shown=self.model.rowCount(), total=self.model.total()
            )
        )

    @staticmethod
    def _sort_key_of(section: int) -> str | None:
        """The query's sort key for a column, None for one it cannot sort by (devices,
        clocks)."""
        columns = WorkOrderTableModel.COLUMNS
        return (
            WorkOrderTableModel.SORT_KEYS.get(columns[section])
            if 0 <= section < len(columns)
            else None
        )

    def _show_sort(self) -> None:
        """The header's sort indicator on the column and in the order the list is in."""
        key, descending = self._sort
        column = WorkOrderTableModel.COLUMNS.index(
            next(k for k, v in WorkOrderTableModel.SORT_KEYS.items() if v == key)
        )
        self.table.horizontalHeader().setSortIndicator(
            column, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        )

    def _take_restored_sort(self) -> None:
        """List in the order the restored header shows, when the query can sort by it."""
        header = self.table.horizontalHeader()
        sort_key = self._sort_key_of(header.sortIndicatorSection())
        if sort_key is not None:
            self._sort = (sort_key, header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder)
        self._show_sort()

    def _header_clicked(self, section: int) -> None:
        sort_key = self._sort_key_of(section)
        if sort_key is None:
            self._show_sort()
            return
        descending = not self._sort[1] if sort_key == self._sort[0] else sort_key == "reported_at"
        self._sort = (sort_key, descending)
        self._show_sort()
        self._refilter()

    def _data_changed(self, area: str) -> None:
        if area == AREA:
            self.refresh()
            number = self.current_number()
            if number:
                self._load_detail(number)
        elif area in ("engineers", "assets"):
            self._load_choices()

    # -- the clock ------------------------------------------------------------------
    def tick(self) -> None:
        now = utc_now()
        self.model.tick(now)
        self.detail.tick(now)
        self.deadlineText.emit(self.next_deadline_text(now))

    def next_deadline_text(self, now: dt.datetime | None = None) -> str:
        """The next SLA deadline among open orders, in words (for the status bar)."""
        return deadline_text(self._next_deadline, now or utc_now())

    # -- selection and detail -------------------------------------------------------
    def current_number(self) -> str | None:
        index = self.table.currentIndex()
        row = self.model.row_at(index.row()) if index.isValid() else None
        return row.number if row else None

    def _select(self, number: str) -> bool:
        row = self.model.row_of(number)
        if row < 0:
            return False
        self._pending_select = None
        if self.current_number() != number:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_at(current.row()) if current.isValid() else None
        if row is None:
            self.detail.show_detail(None)
            return
        self._load_detail(row.number)

    def _load_detail(self, number: str, then: Callable[[], None] | None = None) -> None:

        def query(session: Session) -> wo.WorkOrderDetail:
            return wo.detail(session, number)

        def done(d: wo.WorkOrderDetail) -> None:
            self._show(d)
            if then is not None:
                then()

        self.ctx.read(self, "detail", query, done)

    def _show(self, d: wo.WorkOrderDetail) -> None:
        self.detail.show_detail(d)
        self.model.replace_row(d.row)
        self.workOrderShown.emit(d.number)

    def show_work_order(self, number: str) -> None:
        """Show one order: select it in the list when listed, and load its detail."""
        number = number.strip().upper()
        if not self._select(number):
            self._pending_select = number
            self.table.clearSelection()
            self._load_detail(number)

    def current_detail(self) -> wo.WorkOrderDetail | None:
        return self.detail.detail

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # -- writes ---------------------------------------------------------------------
    def _write(
        self,
        job: Callable[[Any], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        def done(result: Any) -> None:
            if isinstance(result, wo.WorkOrderDetail):
                self._show(result)
            if on_done is not None:
                on_done(result)

        self.ctx.write(AREA, job, done, on_error)

    def _my_engineer(self) -> EngineerRow | None:
        name = self.ctx.settings.engineer
        return next((e for e in self._engineers if e.name == name), None)

    def new_work_order(
        self, asset_codes: tuple[str, ...] | list[str] = (), channel: str = "hotline"
    ) -> None:
        """Report a new work order (Ctrl+N); ``asset_codes`` are filled in.

        Before the devices and engineers have been read (the view was just opened, e.g.
        from the 设备 view), the dialog opens as soon as they arrive, not half empty."""
        if not self._choices_loaded:
            self._after_choices.append(lambda: self.new_work_order(asset_codes, channel))
            return
        if self._new_dialog is not None:
            for code in asset_codes:
                self._new_dialog.add_asset(code)
            self._new_dialog.raise_()
            return
        dialog = NewWorkOrderDialog(
            self._assets,
            self._engineers,
            asset_codes=tuple(asset_codes),
            current_engineer=self.ctx.settings.engineer,
            channel=channel,
            parent=self,
        )
        self._new_dialog = dialog

        def finished(result: int) -> None:
            self._new_dialog = None
            if result != QDialog.DialogCode.Accepted:
                return
            value = dialog.value()
            self._write(
                lambda s: wo.create_work_order(s, **value.kwargs()),
                on_done=self._created,
            )

        dialog.finished.connect(finished)
        dialog.open()

    def _new_clicked(self) -> None:
        self.new_work_order()

    def _created(self, d: wo.WorkOrderDetail) -> None:
        self._pending_select = d.number
        self.ctx.messages.note(self.tr("Work order {0} reported.").format(d.number))

    def new_for_asset(self, code: str) -> None:
        """A new work order for a device (from the 设备 view or a scanned label)."""
        self.new_work_order((code,))

    def _scanned(self, code: str, _symbology: str) -> None:
        """An asset label scanned while the new-work-order dialog is open adds the device."""
        scan = classify(code)
        if self._new_dialog is not None and isinstance(scan, AssetScan):
            self._new_dialog.add_asset(scan.code)

    def advance_current(self, status: str) -> None:
        """Record a step of the current order now (Ctrl+1 … Ctrl+4)."""
        d = self.current_detail()
        if d is None:
            return
        if status not in d.allowed_moves:
            self.ctx.messages.note(
                self.tr("{number} cannot go to “{status}” from “{current}”.").format(
                    number=d.number,
                    status=domain_name(rules.STATUS_NAMES, status),
                    current=domain_name(rules.STATUS_NAMES, d.status),
                )
            )
            return
        if status == "closed" and self.detail.has_unsaved_edits():
            self.save_edits(then=lambda: self.advance_current(status))
            return
        me = self._my_engineer()
        number, version = d.number, d.row.version
        self._write(
            self._step(number, status, version, engineer_id=me.id if me else None),
            on_error=self._reload_on_change(number),
        )

    @staticmethod
    def _step(
        number: str, status: str, version: int, **options: Any
    ) -> Callable[[Session], wo.WorkOrderDetail]:
        """The job of a step from the pane: the order as it is after it comes back with
        the answer, so the pane shows its new version at once (an edit right after the
        step is not refused as someone else's change while the reload is on its way)."""

        def job(session: Session) -> wo.WorkOrderDetail:
            wo.advance(session, number, status, expected_version=version, **options)
            return wo.detail(session, number)

        return job

    def _reload_on_change(self, number: str) -> Callable[[BaseException], None]:
        """The error handler of an edit of ``number``: a refusal because someone else
        changed the order meanwhile offers to show it as it is now."""

        def reload() -> None:
            self.refresh()
            self._load_detail(number)

        return lambda exc: self.ctx.messages.exception(exc, reload=reload)

    def advance_current_at(self, status: str) -> None:
        d = self.current_detail()
        if d is None or status not in d.allowed_moves:
            return
        times = [
            t
            for t in (d.row.reported_at, d.row.responded_at, d.row.onsite_at, d.row.restored_at)
            if t
        ]
        dialog = StepDialog(domain_name(rules.STATUS_NAMES, status), max(times), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        at, note = dialog.values()
        me = self._my_engineer()
        number, version = d.number, d.row.version
        self._write(
            self._step(
                number, status, version, at=at, note=note, engineer_id=me.id if me else None
            ),
            on_error=self._reload_on_change(number),
        )

    def save_edits(self, then: Callable[[], None] | None = None) -> None:
        d = self.current_detail()
        if d is None or not d.editable:
            return
        edits = self.detail.edits()
        number, version = d.number, d.row.version

        def save(session: Session) -> wo.WorkOrderDetail:
            # The version the pane was loaded with: a save over someone else's newer
            # cause or result is refused, never written over it.
            wo.update_work_order(
                session,
                number,
                cause=edits["cause"],
                resolution=edits["resolution"],
                contractor_caused=edits["contractor_caused"],
                expected_version=version,
            )
            # The saved order goes back to the pane with the answer, so that ``then``
            # (closing, which asks has_unsaved_edits) sees the edits saved.
            return wo.detail(session, number)

        self._write(
            save,
            on_done=(lambda _r: then()) if then else None,
            on_error=self._reload_on_change(number),
        )

    def add_log_entry(self) -> None:
        d = self.current_detail()
        if d is None or not d.editable:
            return
        dialog = LogEntryDialog(
            self._engineers, current_engineer=self.ctx.settings.engineer, parent=self
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        engineer_id, at, text = dialog.values()
        number = d.number
        self._write(
            lambda s: wo.append_log(
                s, engineer_id=engineer_id, text=text, work_order_number=number, at=at
            ),
            on_done=lambda _e: self._load_detail(number),
        )

    def correct_log_entry(self) -> None:
        d = self.current_detail()
        entry = self.detail.selected_log_entry()
        if d is None or entry is None:
            return
        dialog = LogEntryDialog(
            self._engineers,
            current_engineer=self.ctx.settings.engineer,
            amends_text=entry.text,
            amends_at=entry.at,
            parent=self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        engineer_id, at, text = dialog.values()
        number = d.number
        self._write(
            lambda s: wo.append_log(
                s,
                engineer_id=engineer_id,
                text=text,
                work_order_number=number,
                at=at,
                amends_id=entry.id,
            ),
            on_done=lambda _e: self._load_detail(number),
        )

    # -- sign-off and amendments ---------------------------------------------------
    def sign_dialog(self) -> SignOffDialog | None:
        """The sign-off dialog for the current order (opened by :meth:`sign_current`)."""
        d = self.current_detail()
        if d is None or d.status not in ("restored", "closed"):
            return None
        if self.detail.has_unsaved_edits():
            self.ctx.messages.warning(self.tr("Save the cause and result before signing."))
            return None
        if not d.resolution.strip():
            self.ctx.messages.warning(self.tr("Write the result of the work before signing."))
            return None
        number, version = d.number, d.row.version

        def sign(session: Session, data: SignOffInput) -> wo.WorkOrderDetail:
            return wo.sign_off(
                session,
                number,
                data.signatures(),
                engineer_id=data.engineer_id,
                pin=data.pin,
                expected_version=version,
            )

        engineers = [EngineerChoice(e.id, e.name) for e in self._engineers if e.has_pin]
        dialog = SignOffDialog(
            self.ctx,
            sign,
            engineers,
            area=AREA,
            title=self.tr("Sign off {0}").format(number),
            record_label=self.tr(
                "Work order {number}: {description}\nOnce signed, the order can no longer be "
                "changed; corrections become amendments."
            ).format(number=number, description=d.row.description),
            default_engineer=d.row.engineer_name or self.ctx.settings.engineer,
            parent=self,
        )

        def signed(result: object) -> None:
            if isinstance(result, wo.WorkOrderDetail):
                self._show(result)
            self.ctx.messages.note(self.tr("Work order {0} signed.").format(number))

        dialog.signed.connect(signed)
        return dialog

    def sign_current(self) -> None:
        _open_transient(self.sign_dialog())

    def amend_dialog(self) -> AmendDialog | None:
        d = self.current_detail()
        if d is None or d.status != "signed":
            return None
        number = d.number

        def amend(session: Session, data: AmendInput) -> wo.AmendmentView:
            return wo.amend_work_order(
                session,
                number,
                engineer_id=data.engineer_id,
                pin=data.pin,
                field=data.field,
                new_value=data.new_value,
                reason=data.reason,
            )

        current = {
            "": "",
            "description": d.row.description,
            "cause": d.cause,
            "resolution": d.resolution,
            "reporter_name": d.row.reporter_name,
            "reporter_phone": d.reporter_phone,
            "contractor_caused": "true" if d.contractor_caused else "false",
            "assets": ", ".join(a.code for a in d.assets),
        }
        dialog = AmendDialog(
            self.ctx,
            [e for e in self._engineers if e.has_pin],
            amend,
            area=AREA,
            number=number,
            current_values=current,
            current_engineer=self.ctx.settings.engineer,
            parent=self,
        )

        def accepted() -> None:
            self.ctx.messages.note(self.tr("Amendment of {0} signed.").format(number))
            self._load_detail(number)

        dialog.accepted.connect(accepted)
        return dialog

    def amend_current(self) -> None:
        _open_transient(self.amend_dialog())

    def finding_dialog(self) -> FindingDialog | None:
        """Mark the current inspection finding (its clocks follow, domain.clocks)."""
        d = self.current_detail()
        if d is None or d.row.type not in clock_rules.FINDING_TYPES or not d.editable:
            return None
        number, version = d.number, d.row.version
        dialog = FindingDialog(d.row.reported_at, d.row.affects_service, d.row.rectify_by, self)

        def accepted() -> None:
            affects, rectify_by = dialog.values()

            def job(session: Session) -> wo.WorkOrderDetail:
                wo.mark_finding(
                    session,
                    number,
                    affects_service=affects,
                    rectify_by=rectify_by,
                    expected_version=version,
                )
                return wo.detail(session, number)

            self._write(job, on_error=self._reload_on_change(number))

        dialog.accepted.connect(accepted)
        return dialog

    def mark_current_finding(self) -> None:
        _open_transient(self.finding_dialog())

    # -- scanned paper --------------------------------------------------------------
    def open_record(self, number: str, record_hash: str | None = None) -> None:
        """Open a work order from its printed QR code and say whether the paper matches."""
        number = number.strip().upper()
        if record_hash is None:
            self.show_work_order(number)
            return

        def query(session: Session) -> wo.ScanCheck:
            return wo.check_scanned_record(session, number, record_hash)

        def done(check: wo.ScanCheck) -> None:
            if check.state == "unknown":
                self.ctx.messages.error(
                    self.tr(
                        "The scanned paper names work order {0}, which is not in this store."
                    ).format(number)
                )
                return
            level, text = self.scan_verdict(check)
            self.show_work_order(number)
            self._show_scan_verdict_when_loaded(number, level, text)
            self.ctx.messages.note(text)

        self.ctx.read(self, "scan", query, done)

    def _show_scan_verdict_when_loaded(self, number: str, level: str, text: str) -> None:
        def apply() -> None:
            if self.current_detail() is not None and self.current_detail().number == number:  # type: ignore[union-attr]
                self.detail.show_scan_result(level, text)

        if self.current_detail() is not None and self.current_detail().number == number:  # type: ignore[union-attr]
            apply()
        self._load_detail(number, then=apply)

    def scan_verdict(self, check: wo.ScanCheck) -> tuple[str, str]:
        return self.detail.scan_verdict(check)

    # -- printing -------------------------------------------------------------------
    @property
    def last_preview(self) -> printing.PdfPrintPreview | None:
        return self.printer.last_preview

    def preview_current(self) -> None:
        d = self.current_detail()
        if d is not None:
            self.printer.preview(d.number)

    def print_current(self) -> None:
        d = self.current_detail()
        if d is not None:
            self.printer.print(d.number)

    def save_current_pdf(self) -> None:
        d = self.current_detail()
        if d is not None:
            self.printer.save(d.number)

    def batch_print(self) -> None:
        """Print every work order signed in a period, as one job (through the preview)."""
        self.printer.batch_print()

    def batch_print_period(self, start: dt.datetime, end: dt.datetime) -> None:
        self.printer.batch_print_period(start, end)

    # -- state ----------------------------------------------------------------------
    def save_state(self) -> None:
        uistate.save_header(AREA, self.table.horizontalHeader())
        uistate.save_splitter(AREA, self.splitter)

    def _error_text(self, exc: BaseException) -> str:
        return i18n.render(exc) if isinstance(exc, UserError) else str(exc)
