"""The 登记簿 (Registers) view: one tab per register of the contract's duties.

Each register is a :class:`workbench.ui.registers.page.RegisterPage` in its own module,
listed in :data:`PAGES`; a tab's page is created when the tab is first shown, so the view
opens as fast with nine registers as with one.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from workbench.ui.common.context import AppContext
    from workbench.ui.registers.page import RegisterPage

# (module, class) of each register's page, in the order of the tabs.
PAGES: list[tuple[str, str]] = [
    ("workbench.ui.registers.excuses", "ExcusesPage"),
    ("workbench.ui.registers.vulnerabilities", "VulnerabilitiesPage"),
]


def page_titles() -> list[str]:
    """The tab titles, without creating a page."""
    titles = []
    for module_name, class_name in PAGES:
        cls = getattr(importlib.import_module(module_name), class_name)
        titles.append(cls.tab_title())
    return titles


class RegistersView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.pages: dict[int, RegisterPage[Any]] = {}
        for module_name, class_name in PAGES:
            cls = getattr(importlib.import_module(module_name), class_name)
            self.tabs.addTab(QWidget(), cls.tab_title())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if not PAGES:
            layout.addWidget(QLabel(self.tr("No registers yet.")))
        layout.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(self.page)
        if PAGES:
            self.page(0)

    def page(self, index: int) -> RegisterPage[Any] | None:
        """The page of tab ``index``, created on first use."""
        if not 0 <= index < len(PAGES):
            return None
        existing = self.pages.get(index)
        if existing is not None:
            return existing
        module_name, class_name = PAGES[index]
        cls = getattr(importlib.import_module(module_name), class_name)
        widget: RegisterPage[Any] = cls(self.ctx, self)
        title = self.tabs.tabText(index)
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)
        old = self.tabs.widget(index)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, widget, title)
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        if old is not None:
            old.deleteLater()
        self.pages[index] = widget
        return widget

    def show_register(self, key: str) -> RegisterPage[Any] | None:
        """Bring the register whose page class's ``KEY`` is ``key`` to the front."""
        for index, (module_name, class_name) in enumerate(PAGES):
            cls = getattr(importlib.import_module(module_name), class_name)
            if getattr(cls, "KEY", "") == key:
                page = self.page(index)
                self.tabs.setCurrentIndex(index)
                return page
        return None
