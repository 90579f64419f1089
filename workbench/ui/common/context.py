"""What every view gets: the store, settings, background tasks, messages, events.

The context exists before the store is open (the window paints first); ``store`` is
attached once the background open finishes and ``events.storeReady`` fires.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Signal

from workbench.config import Settings
from workbench.ui.common.messages import MessageBridge
from workbench.ui.common.tasks import TaskRunner

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.orm import Session

    from workbench.data.store import Store


T = TypeVar("T")


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
        if store is not None:
            from workbench.services import witness

            witness.attach(store)  # the witness follows every committed write
        # The latest read of each (owner, key): an answer to an older one is dropped.
        self._reads: weakref.WeakKeyDictionary[QObject, dict[str, int]] = (
            weakref.WeakKeyDictionary()
        )

    @property
    def store(self) -> Store:
        if self._store is None:
            raise RuntimeError("the store is not open yet")
        return self._store

    @property
    def ready(self) -> bool:
        return self._store is not None

    def attach_store(self, store: Store) -> None:
        from workbench.services import witness

        witness.attach(store)  # the witness follows every committed write
        self._store = store
        self.events.storeReady.emit()

    @property
    def actor(self) -> str:
        """Who is working: the engineer chosen in the settings, for the audit trail."""
        return self.settings.engineer or "engineer"

    def read(
        self,
        owner: QObject,
        key: str,
        query: Callable[[Session], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
        *,
        supersede: bool = True,
    ) -> None:
        """Run ``query(session)`` in one :meth:`Store.read` snapshot off the GUI thread;
        then ``on_done(result)`` on the GUI thread.

        Reads of the same ``owner`` and ``key`` supersede each other: when a newer one
        has started meanwhile, the older answer (or error) is dropped here, so a view
        never shows a stale list over a fresh one. ``supersede=False`` is a follow-up
        read (a further page): it is dropped when a newer read of the key starts, but
        does not itself drop the one it follows. An answer for an owner that has been
        deleted is dropped too. Errors go to ``on_error``, or to the user as a message.
        """
        store = self.store

        def run() -> T:
            with store.read() as session:
                return query(session)

        self._run(owner, key, run, on_done, on_error=on_error, supersede=supersede)

    def read_core(
        self,
        owner: QObject,
        key: str,
        query: Callable[[Connection], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
        *,
        supersede: bool = True,
    ) -> None:
        """:meth:`read` in SQLAlchemy Core (:meth:`Store.read_connection`): for what is read
        before the ORM is loaded (the device list at start-up)."""
        store = self.store

        def run() -> T:
            with store.read_connection() as conn:
                return query(conn)

        self._run(owner, key, run, on_done, on_error=on_error, supersede=supersede)

    def _run(
        self,
        owner: QObject,
        key: str,
        run: Callable[[], T],
        on_done: Callable[[T], None],
        *,
        on_error: Callable[[BaseException], None] | None,
        supersede: bool,
        write: bool = False,
    ) -> None:
        keys = self._reads.setdefault(owner, {})
        if supersede:
            keys[key] = keys.get(key, 0) + 1
        generation = keys.setdefault(key, 0)

        def current() -> bool:
            return shiboken6.isValid(owner) and self._reads.get(owner, {}).get(key) == generation

        def done(result: T) -> None:
            if current():
                on_done(result)

        def failed(exc: BaseException) -> None:
            if current():
                (on_error or self.messages.exception)(exc)

        self.tasks.run(run, done, failed, write=write)

    def write(
        self,
        area: str | None,
        job: Callable[[Session], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        owner: QObject | None = None,
        key: str = "",
    ) -> None:
        """Run ``job(session)`` in one transaction of the current engineer, on the write
        queue; then ``on_done(result)`` on the GUI thread and ``area``'s data is announced
        as changed (unless ``area`` is None). Errors go to ``on_error``, or to the user as
        a message. With an ``owner``, writes of the same owner and ``key`` supersede each
        other's answers as :meth:`read`'s do (a listing that also brings rows up to date)."""
        store, actor = self.store, self.actor

        def run() -> Any:
            with store.transaction(actor) as session:
                return job(session)

        def done(result: Any) -> None:
            if on_done is not None:
                on_done(result)
            if area is not None:
                self.events.dataChanged.emit(area)

        failed = on_error or self.messages.exception
        if owner is None:
            self.tasks.run_write(run, done, failed)
        else:
            self._run(owner, key, run, done, on_error=failed, supersede=True, write=True)
