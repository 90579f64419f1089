"""The main window: a navigation list, a stack of views, menus and a status bar.

Views are created when first shown, so the window paints before any of them has asked
the store for anything. Only views whose module is present are listed.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from workbench import __version__, config
from workbench.ui.common import uistate
from workbench.ui.common.context import AppContext
from workbench.ui.common.display import database_location
from workbench.ui.common.screens import fit_to_screen

if TYPE_CHECKING:
    from workbench.ui.assets.view import AssetsView
    from workbench.ui.inspections.view import InspectionsView
    from workbench.ui.workorders.view import WorkOrdersView

log = logging.getLogger("workbench.ui")

# (key, module, class). The order is the navigation's order.
VIEWS: tuple[tuple[str, str, str], ...] = (
    ("dashboard", "workbench.ui.dashboard.view", "DashboardView"),
    ("assets", "workbench.ui.assets.view", "AssetsView"),
    ("inspections", "workbench.ui.inspections.view", "InspectionsView"),
    ("workorders", "workbench.ui.workorders.view", "WorkOrdersView"),
    ("reports", "workbench.ui.reports.view", "ReportsView"),
    ("registers", "workbench.ui.registers.view", "RegistersView"),
    ("settings", "workbench.ui.settings.view", "SettingsView"),
)


def available_views() -> list[tuple[str, str, str]]:
    """Every view of the navigation (each module is imported when its view is first shown)."""
    return list(VIEWS)


class MainWindow(QMainWindow):
    viewCreated = Signal(str, QWidget)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle(self.tr("Maintenance Workbench"))
        self.setMinimumSize(QSize(1024, 640))
        self._views: dict[str, QWidget] = {}
        self._keys: list[str] = []
        self._specs = {key: (module, cls) for key, module, cls in available_views()}

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(150)
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setStyleSheet(
            "QListWidget#navigation { font-size: 12pt; }"
            "QListWidget#navigation::item { padding: 10px 12px; }"
        )
        self.stack = QStackedWidget()
        for key in self._specs:
            item = QListWidgetItem(self.view_title(key))
            self.nav.addItem(item)
            placeholder = QWidget()
            self.stack.addWidget(placeholder)
            self._keys.append(key)
        self.nav.currentRowChanged.connect(self._nav_changed)

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(6, 6, 6, 0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.scanner_label = QLabel(self.tr("Scanner: not connected"))
        self.deadline_label = QLabel()
        self.demo_label = QLabel()
        self.demo_label.setStyleSheet("color: #b35c00; font-weight: bold;")
        status = self.statusBar()
        status.addPermanentWidget(self.demo_label)
        status.addPermanentWidget(self.deadline_label)
        status.addPermanentWidget(self.scanner_label)
        ctx.messages.status.connect(lambda text, ms: status.showMessage(text, ms))
        ctx.messages.set_parent_widget(self)

        self._build_menus()
        if not uistate.restore_geometry("main", self):
            fit_to_screen(self, None, QSize(1400, 860))
        self._start = "assets" if "assets" in self._specs else (self._keys[0] if self._keys else "")
        if ctx.ready:
            QTimer.singleShot(0, self._store_ready)
        else:
            self.statusBar().showMessage(self.tr("Opening the database…"))
            ctx.events.storeReady.connect(self._store_ready)

    def _store_ready(self) -> None:
        self.statusBar().clearMessage()
        if self._start and not self._views:
            self.show_view(self._start)

    # -- navigation -----------------------------------------------------------------
    def view_title(self, key: str) -> str:
        return {
            "dashboard": self.tr("Overview"),
            "assets": self.tr("Devices"),
            "inspections": self.tr("Inspections"),
            "workorders": self.tr("Work orders"),
            "reports": self.tr("Reports"),
            "registers": self.tr("Registers"),
            "settings": self.tr("Settings"),
        }[key]

    def has_view(self, key: str) -> bool:
        return key in self._specs

    def view(self, key: str) -> Any:
        """The view for ``key``, created on first use (once the store is open)."""
        existing = self._views.get(key)
        if existing is not None:
            return existing
        module_name, class_name = self._specs[key]
        cls = getattr(importlib.import_module(module_name), class_name)
        widget: QWidget = cls(self.ctx, self)
        index = self._keys.index(key)
        old = self.stack.widget(index)
        self.stack.insertWidget(index, widget)
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()
        self._views[key] = widget
        self.viewCreated.emit(key, widget)
        return widget

    def created_views(self) -> dict[str, QWidget]:
        return dict(self._views)

    # -- what scans open (typed: see workbench.ui.scan_router.ScanTargets) ------------
    def show_assets(self) -> AssetsView:
        from workbench.ui.assets.view import AssetsView

        view = self.show_view("assets")
        assert isinstance(view, AssetsView)
        return view

    def show_work_orders(self) -> WorkOrdersView:
        from workbench.ui.workorders.view import WorkOrdersView

        view = self.show_view("workorders")
        assert isinstance(view, WorkOrdersView)
        return view

    def created_inspections(self) -> InspectionsView | None:
        """The 巡检 view if it exists already (a round runs only in a created view)."""
        view = self._views.get("inspections")
        if view is None:
            return None
        from workbench.ui.inspections.view import InspectionsView

        assert isinstance(view, InspectionsView)
        return view

    def show_view(self, key: str) -> Any:
        widget = self.view(key)
        index = self._keys.index(key)
        if self.nav.currentRow() != index:
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(index)
            self.nav.blockSignals(False)
        self.stack.setCurrentIndex(index)
        return widget

    def current_key(self) -> str:
        index = self.stack.currentIndex()
        return self._keys[index] if 0 <= index < len(self._keys) else ""

    def _nav_changed(self, row: int) -> None:
        if 0 <= row < len(self._keys) and self.ctx.ready:
            self.show_view(self._keys[row])

    # -- menus ----------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        quit_action = QAction(self.tr("&Quit"), self)
        # setShortcuts, not setShortcut: the latter's overload resolution builds every
        # enum of the Qt namespace (30 ms) before the first frame.
        quit_action.setShortcuts(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        self.file_menu = file_menu

        view_menu = bar.addMenu(self.tr("&View"))
        for number, key in enumerate(self._keys, start=1):
            action = QAction(self.view_title(key), self)
            action.setShortcuts([QKeySequence(f"Ctrl+{number}")])
            action.triggered.connect(lambda _c=False, k=key: self.show_view(k))
            view_menu.addAction(action)
        self.tools_menu = bar.addMenu(self.tr("&Tools"))

        help_menu = bar.addMenu(self.tr("&Help"))
        folder = QAction(self.tr("Open data folder"), self)
        folder.triggered.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(config.data_dir())))
        )
        logs = QAction(self.tr("Open log folder"), self)
        logs.triggered.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(config.log_dir())))
        )
        about = QAction(self.tr("About"), self)
        about.triggered.connect(self._about)
        # The store's URL shows in About only once it is open.
        help_menu.addActions([folder, logs, about])

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About"),
            self.tr(
                "Maintenance Workbench {version}\n\nData: {data}\nLogs: {logs}\nDatabase: {db}"
            ).format(
                version=__version__,
                data=config.data_dir(),
                logs=config.log_dir(),
                db=database_location(self.ctx.store) if self.ctx.ready else "",
            ),
        )

    # -- status bar -----------------------------------------------------------------
    def set_scanner_state(self, text: str) -> None:
        self.scanner_label.setText(text)

    def set_deadline_text(self, text: str) -> None:
        self.deadline_label.setText(text)

    def set_demo(self, demo: bool) -> None:
        self.demo_label.setText(self.tr("DEMO DATA") if demo else "")

    # -- closing --------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        uistate.save_geometry("main", self)
        for widget in self._views.values():
            save = getattr(widget, "save_state", None)
            if callable(save):
                save()
        super().closeEvent(event)
