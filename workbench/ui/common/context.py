"""What every view gets: the store, settings, background tasks, messages, events.

The context exists before the store is open (the window paints first); ``store`` is
attached once the background open finishes and ``events.storeReady`` fires.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from workbench.config import Settings
from workbench.ui.common.messages import MessageBridge
from workbench.ui.common.tasks import TaskRunner

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from workbench.data.store import Store


class Events(QObject):
    """Application-wide notifications between views."""

    storeReady = Signal()
    # area ("assets", "workorders", "inspections", ...) whose data changed
    dataChanged = Signal(str)
    # a request to show something: (area, key), e.g. ("asset", "XF-KIOSK-01")
    showRequested = Signal(str, str)
    # a scan: (code, symbology or "")
    scanned = Signal(str, str)


class AppContext:
    def __init__(
        self,
        settings: Settings,
        tasks: TaskRunner,
        messages: MessageBridge,
        store: Store | None = None,
    ) -> None:
        self.settings = settings
        self.tasks = tasks
        self.messages = messages
        self.events = Events()
        self._store = store

    @property
    def store(self) -> Store:
        if self._store is None:
            raise RuntimeError("the store is not open yet")
        return self._store

    @property
    def ready(self) -> bool:
        return self._store is not None

    def attach_store(self, store: Store) -> None:
        self._store = store
        self.events.storeReady.emit()

    @property
    def actor(self) -> str:
        """Who is working: the engineer chosen in the settings, for the audit trail."""
        return self.settings.engineer or "engineer"

    def write(
        self,
        area: str,
        job: Callable[[Session], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run ``job(session)`` in one transaction of the current engineer, on the write
        queue; then ``on_done(result)`` on the GUI thread and ``area``'s data is announced
        as changed. Errors go to ``on_error``, or to the user as a message."""
        store, actor = self.store, self.actor

        def run() -> Any:
            with store.transaction(actor) as session:
                return job(session)

        def done(result: Any) -> None:
            if on_done is not None:
                on_done(result)
            self.events.dataChanged.emit(area)

        self.tasks.run_write(run, done, on_error or self.messages.exception)
