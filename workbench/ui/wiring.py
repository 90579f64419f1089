"""Connections between views, the scanner and the status bar, made once the store is open."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from workbench.ui.scan_router import ScanRouter

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow

log = logging.getLogger("workbench.ui")


def wire(window: MainWindow) -> ScanRouter:
    router = ScanRouter(window)
    window.scan_router = router  # type: ignore[attr-defined]
    return router
