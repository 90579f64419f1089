"""设备 view: the asset registry with search, filters, detail, add/edit/retire, export.

The list is the first thing the workbench shows, so this module loads only what the list
needs: the registry's Core queries. The ORM services (changes, export) and the dialogs
are imported where they are first used.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench import i18n
from workbench.domain.assets import Category
from workbench.domain.timeutil import fmt_local
from workbench.services import registry
from workbench.services.registry import AssetFilter, AssetRow, AssetValidationError
from workbench.ui import savefile
from workbench.ui.assets.model import AssetTableModel
from workbench.ui.common import uistate
from workbench.ui.common.context import AppContext

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.orm import Session

    from workbench.ui.assets.dialog import AssetDialog

log = logging.getLogger("workbench.ui.assets")


class AssetDetail(QFrame):
    """Every field of one asset, with the actions that apply to it."""

    editRequested = Signal(str)
    statusRequested = Signal(str, str)
    workOrderRequested = Signal(str)
    labelRequested = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.asset: AssetRow | None = None
        self.title = QLabel(self.tr("No device selected"))
        self.title.setObjectName("detailTitle")
        self.title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.title.setWordWrap(True)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fields: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, label in (
            ("code", self.tr("Asset code")),
            ("kind", self.tr("Kind")),
            ("category", self.tr("Category")),
            ("line_item", self.tr("Contract line item")),
            ("model", self.tr("Model")),
            ("serial_number", self.tr("Serial number")),
            ("location", self.tr("Location")),
            ("url", self.tr("Web address")),
            ("status", self.tr("Status")),
            ("notes", self.tr("Notes")),
            ("updated_at", self.tr("Last changed")),
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            form.addRow(label + "：" if i18n.language() == "zh_CN" else label + ":", value)

        self.edit_button = QPushButton(self.tr("Edit…"))
        self.retire_button = QPushButton(self.tr("Retire"))
        self.repair_button = QPushButton(self.tr("Under repair"))
        self.workorder_button = QPushButton(self.tr("New work order…"))
        self.label_button = QPushButton(self.tr("Print label…"))
        self.edit_button.clicked.connect(lambda: self._emit(self.editRequested))
        self.workorder_button.clicked.connect(lambda: self._emit(self.workOrderRequested))
        self.label_button.clicked.connect(lambda: self._emit(self.labelRequested))
        self.retire_button.clicked.connect(self._toggle_retired)
        self.repair_button.clicked.connect(self._toggle_repair)
        buttons = QGridLayout()
        for number, button in enumerate(
            (
                self.edit_button,
                self.workorder_button,
                self.label_button,
                self.repair_button,
                self.retire_button,
            )
        ):
            buttons.addWidget(button, number // 3, number % 3)

        self.extra = QVBoxLayout()  # other areas add their panels here (history, orders)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addLayout(self.extra)
        layout.addStretch(1)
        self.show_asset(None)

    def _emit(self, signal: Any) -> None:
        if self.asset is not None:
            signal.emit(self.asset.code)

    def _toggle_retired(self) -> None:
        if self.asset is not None:
            target = "in_use" if self.asset.status == "retired" else "retired"
            self.statusRequested.emit(self.asset.code, target)

    def _toggle_repair(self) -> None:
        if self.asset is not None:
            target = "in_use" if self.asset.status == "repair" else "repair"
            self.statusRequested.emit(self.asset.code, target)

    def show_asset(self, asset: AssetRow | None) -> None:
        self.asset = asset
        enabled = asset is not None
        for button in (
            self.edit_button,
            self.retire_button,
            self.repair_button,
            self.workorder_button,
            self.label_button,
        ):
            button.setEnabled(enabled)
        if asset is None:
            self.title.setText(self.tr("No device selected"))
            for label in self.fields.values():
                label.clear()
            return
        self.title.setText(f"{asset.code}  {asset.name}")
        kinds = {
            "device": self.tr("Device"),
            "system": self.tr("System"),
            "website": self.tr("Website"),
        }
        values = {
            "code": asset.code,
            "kind": kinds.get(asset.kind, asset.kind),
            "category": i18n.local_name(asset.category_name, asset.category_name_en),
            "line_item": "" if asset.line_item is None else str(asset.line_item),
            "model": asset.model,
            "serial_number": asset.serial_number,
            "location": i18n.local_name(asset.location, asset.location_en),
            "url": asset.url,
            "status": AssetTableModel.status_text(asset.status),
            "notes": asset.notes,
            "updated_at": fmt_local(asset.updated_at),
        }
        for key, value in values.items():
            self.fields[key].setText(value)
        self.retire_button.setText(
            self.tr("Return to service") if asset.status == "retired" else self.tr("Retire")
        )
        self.repair_button.setText(
            self.tr("Repaired") if asset.status == "repair" else self.tr("Under repair")
        )
        self.repair_button.setEnabled(asset.status != "retired")


class AssetsView(QWidget):
    """The registry. Queries run off the GUI thread; the newest answer wins."""

    loaded = Signal()  # the list shows the answer to the latest query
    assetShown = Signal(str)  # the detail shows this asset (after a scan or a click)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._pending_select: str | None = None
        self._order = ("code", False)
        self._categories: list[Category] = []
        self._locations: list[str] = []

        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Search code, name, model, serial number, location (Ctrl+F)")
        )
        self.search.setClearButtonEnabled(True)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("All kinds"), None)
        self.kind.addItem(self.tr("Devices"), "device")
        self.kind.addItem(self.tr("Systems"), "system")
        self.kind.addItem(self.tr("Websites"), "website")
        self.category = QComboBox()
        self.category.addItem(self.tr("All categories"), None)
        self.status = QComboBox()
        self.status.addItem(self.tr("All statuses"), None)
        self.status.addItem(self.tr("In use"), "in_use")
        self.status.addItem(self.tr("Under repair"), "repair")
        self.status.addItem(self.tr("Retired"), "retired")
        self.count_label = QLabel()
        new_button = QPushButton(self.tr("New device…"))
        new_button.setToolTip(self.tr("Add a device to the registry (Ctrl+N)"))
        new_button.clicked.connect(lambda: self.new_asset())
        export_button = QPushButton(self.tr("Export…"))
        export_button.setToolTip(
            self.tr("Export the selected devices, or the whole list when none is selected")
        )
        export_button.clicked.connect(self.export_selection)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        bar.addWidget(self.kind)
        bar.addWidget(self.category)
        bar.addWidget(self.status)
        bar.addWidget(new_button)
        bar.addWidget(export_button)

        self.model = AssetTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        for column, width in enumerate((120, 220, 120, 70, 200, 130, 140, 80)):
            self.table.setColumnWidth(column, width)
        uistate.restore_header("assets", header)
        # The first list is read in the order the restored header shows (connected
        # before, the restored order set off a query of its own before the first one).
        self._order = self._order_of(header.sortIndicatorSection(), header.sortIndicatorOrder())
        header.sortIndicatorChanged.connect(self._sort_changed)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.doubleClicked.connect(lambda _i: self.edit_current())

        self.detail = AssetDetail(ctx)
        self.detail.editRequested.connect(self.edit_asset)
        self.detail.statusRequested.connect(self.set_status)
        self.detail.workOrderRequested.connect(self._new_work_order)
        self.detail.labelRequested.connect(self._print_label)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.detail)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.table)
        left_layout.addWidget(self.count_label)
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        uistate.restore_splitter("assets", self.splitter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(120)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        for combo in (self.kind, self.category, self.status):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())

        find = QAction(self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self.focus_search)
        new = QAction(self)
        new.setShortcut(QKeySequence.StandardKey.New)
        new.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        new.triggered.connect(lambda: self.new_asset())
        self.addActions([find, new])

        ctx.events.dataChanged.connect(self._data_changed)
        # The filter choices are asked for once the first list is shown: the list is
        # what the user waits for, and the two queries would share one interpreter lock.
        self._choices_asked = False
        self.refresh()

    # -- queries ------------------------------------------------------------------
    def current_filter(self) -> AssetFilter:
        return AssetFilter(
            kind=self.kind.currentData(),
            category=self.category.currentData(),
            status=self.status.currentData(),
            search=self.search.text(),
        )

    def _load_choices(self) -> None:
        self._choices_asked = True

        def query(conn: Connection) -> tuple[list[Category], list[str]]:
            return registry.list_categories(conn), registry.list_locations(conn)

        def done(result: tuple[list[Category], list[str]]) -> None:
            self._categories, self._locations = result
            current = self.category.currentData()
            self.category.blockSignals(True)
            self.category.clear()
            self.category.addItem(self.tr("All categories"), None)
            for c in self._categories:
                label = i18n.local_name(c.name, c.name_en)
                self.category.addItem(label, c.code)
            self.category.setCurrentIndex(max(0, self.category.findData(current)))
            self.category.blockSignals(False)

        self.ctx.read_core(self, "choices", query, done)

    def refresh(self) -> None:
        flt = self.current_filter()
        order_by, descending = self._order

        def query(conn: Connection) -> list[AssetRow]:
            return registry.list_assets(conn, flt, order_by=order_by, descending=descending)

        self.ctx.read_core(self, "list", query, self._show_rows, self._failed)

    def _failed(self, exc: BaseException) -> None:
        # A storage problem reaches the user through the store's own checks (at open and
        # in the background, with the backup offered), not through each view's query.
        log.error("the device list could not be read: %s", exc)

    def _show_rows(self, rows: list[AssetRow]) -> None:
        current = self.detail.asset.code if self.detail.asset else None
        select = self._pending_select or current
        self._pending_select = None
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("%n item(s)", "", len(rows)))
        if select:
            self._select(select)
        self.loaded.emit()
        if not self._choices_asked:
            self._load_choices()

    @staticmethod
    def _order_of(column: int, order: Qt.SortOrder) -> tuple[str, bool]:
        columns = AssetTableModel.COLUMNS
        key = columns[column] if 0 <= column < len(columns) else "code"
        return key, order == Qt.SortOrder.DescendingOrder

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        self._order = self._order_of(column, order)
        self.refresh()

    def _data_changed(self, area: str) -> None:
        if area in ("assets", "all"):
            self._load_choices()
            self.refresh()

    # -- selection and detail -----------------------------------------------------
    def _select_if_shown(self, code: str) -> None:
        if self.detail.asset is not None and self.detail.asset.code == code:
            self._select(code)

    def _select(self, code: str) -> bool:
        row = self.model.row_of(code)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        asset = self.model.row_at(current.row()) if current.isValid() else None
        if asset is not None and asset != self.detail.asset:
            self.detail.show_asset(asset)
            self.assetShown.emit(asset.code)

    def show_asset(self, code: str) -> None:
        """Bring one asset on screen (a scan, a link from another view)."""
        listed = self.model.row_at(self.model.row_of(code))
        if listed is not None:
            # The details first; moving the list's selection (often a scroll that
            # repaints the whole list) follows, unless another asset has been brought
            # up in between.
            if listed != self.detail.asset:
                self.detail.show_asset(listed)
                # Laid out and painted now, before the list repaints around it.
                layout = self.detail.layout()
                if layout is not None:
                    layout.activate()
                self.detail.repaint()
                self.assetShown.emit(listed.code)
            QTimer.singleShot(0, lambda: self._select_if_shown(code))
            return
        asset = self._fetch(code)
        if asset is None:
            return
        self.detail.show_asset(asset)
        self.assetShown.emit(asset.code)
        # Make the list show it too: clear filters that hide it, then select it.
        self._pending_select = asset.code
        for widget in (self.kind, self.category, self.status):
            widget.blockSignals(True)
            widget.setCurrentIndex(0)
            widget.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.refresh()

    def _fetch(self, code: str) -> AssetRow | None:
        # A single indexed lookup: quick enough for the GUI thread, and the scan must
        # show its device within one frame.
        with self.ctx.store.read_connection() as conn:
            return registry.get_asset(conn, code)

    def current_asset(self) -> AssetRow | None:
        return self.detail.asset

    def selected_codes(self) -> list[str]:
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        return [r.code for r in (self.model.row_at(i) for i in sorted(rows)) if r is not None]

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # -- changes ------------------------------------------------------------------
    def _saved(self, asset: AssetRow) -> None:
        # AppContext.write announces the change ("assets") after this: the list
        # refreshes and selects the saved asset.
        self._pending_select = asset.code
        self.detail.show_asset(asset)

    def new_asset(self, code: str = "") -> None:
        from workbench.services import assets as asset_service
        from workbench.ui.assets.dialog import AssetDialog

        dialog = AssetDialog(self._categories, self._locations, None, self, code=code)
        self._run_dialog(dialog, lambda value: lambda s: asset_service.create_asset(s, value))

    def edit_current(self) -> None:
        if self.detail.asset is not None:
            self.edit_asset(self.detail.asset.code)

    def edit_asset(self, code: str) -> None:
        from workbench.services import assets as asset_service
        from workbench.ui.assets.dialog import AssetDialog

        asset = self._fetch(code)
        if asset is None:
            return
        dialog = AssetDialog(self._categories, self._locations, asset, self)
        self._run_dialog(
            dialog,
            lambda value: (
                lambda s: asset_service.update_asset(
                    s, asset.code, value, expected_version=asset.version
                )
            ),
            # Someone else saved the device meanwhile: show it as it is now and edit that.
            reload=lambda: self._reload_and_edit(asset.code),
        )

    def _reload_and_edit(self, code: str) -> None:
        self.reload_asset(code)
        self.edit_asset(code)

    def reload_asset(self, code: str) -> None:
        """Show the device as it is stored now, in the detail pane and the list."""
        fresh = self._fetch(code)
        if fresh is not None:
            self.detail.show_asset(fresh)
            self._pending_select = fresh.code
        self.refresh()

    def _run_dialog(
        self,
        dialog: AssetDialog,
        make_job: Callable[[Any], Any],
        reload: Callable[[], None] | None = None,
    ) -> None:
        def attempt() -> None:
            value = dialog.value()

            def failed(exc: BaseException) -> None:
                if isinstance(exc, AssetValidationError):
                    dialog.show_problems(exc.problems)
                    dialog.open()
                else:
                    self.ctx.messages.exception(exc, reload=reload)

            self.ctx.write("assets", make_job(value), self._saved, failed)

        dialog.accepted.connect(attempt)
        dialog.open()

    def set_status(self, code: str, status: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        from workbench.services import assets as asset_service

        asset = self._fetch(code)
        if asset is None:
            return
        if status == "retired":
            answer = QMessageBox.question(
                self,
                self.tr("Retire device"),
                self.tr(
                    "Retire {code} {name}? It stays in the registry and its history is kept; "
                    "you can return it to service later."
                ).format(code=asset.code, name=asset.name),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.ctx.write(
            "assets",
            lambda s: asset_service.set_status(s, code, status, expected_version=asset.version),
            self._saved,
            lambda exc: self.ctx.messages.exception(exc, reload=lambda: self.reload_asset(code)),
        )

    def export_selection(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        codes = self.selected_codes()
        path_text, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export devices"),
            str(Path.home() / "设备清单.xlsx"),
            self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"),
        )
        if not path_text:
            return
        path = Path(path_text)
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_suffix(".xlsx")
        self.export_to(path, codes or None)

    def export_to(self, path: Path, codes: list[str] | None) -> None:
        from workbench.services import asset_io

        flt = self.current_filter()

        def job(session: Session) -> int:
            savefile.check_writable(path)
            return asset_io.export_assets(session, path, codes, flt=None if codes else flt)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, OSError):  # the workbook is open in WPS or Excel, or read-only
                savefile.report(self.ctx.messages, exc, path)
            else:
                self.ctx.messages.exception(exc)

        self.ctx.read(
            self,
            "export",
            job,
            lambda count: self.ctx.messages.note(
                self.tr("Exported {count} devices to {file}").format(count=count, file=path)
            ),
            failed,
        )

    # -- links to other views ------------------------------------------------------
    newWorkOrder = Signal(str)
    printLabels = Signal(list)

    def _new_work_order(self, code: str) -> None:
        self.newWorkOrder.emit(code)

    def _print_label(self, code: str) -> None:
        self.printLabels.emit(self.selected_codes() or [code])

    def save_state(self) -> None:
        uistate.save_header("assets", self.table.horizontalHeader())
        uistate.save_splitter("assets", self.splitter)
