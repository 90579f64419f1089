"""Opening a store for work: open (and migrate), fill on first start, the day's backup.

Nothing here knows of Qt: the GUI (``workbench.app``) runs these off its thread, the
command line and tests call them directly. Heavy modules (SQLAlchemy's ORM, the mapped
models, Alembic) are imported inside the functions, so that importing this module costs
nothing at a cold start.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workbench.data.store import Store

log = logging.getLogger("workbench.services.startup")


def open_and_fill(db: str | None, *, full_check: bool = True, backup: bool = True) -> Store:
    """Open (and migrate) the store; on first start, fill it with the contract; bring the
    checklists up to date; with ``backup``, take the day's backup if there is none yet.

    ``full_check=False`` leaves SQLite's page-by-page ``quick_check`` to the caller unless
    the file was not closed cleanly (see ``Store.check``). The GUI starts differently
    (:func:`open_for_start`).
    """
    from workbench.data.store import open_store

    store = open_store(db, full_check=full_check)
    try:
        prepare_store(store)
        if backup:
            take_daily_backup(store)
    except BaseException:
        store.dispose()
        raise
    return store


def prepare_store(store: Store) -> None:
    """What every opening of a store does: the contract on first start, the checklists
    in their current versions (``services.setup.prepare``; this loads the ORM)."""
    from workbench.services.setup import prepare

    with store.transaction("start") as session:
        prepare(session, load_contract=False)


def open_for_start(db: str | None) -> tuple[Store, bool]:
    """What the GUI needs before its first list: the store opened (and migrated if it is
    older), and filled with the contract on first start. Returns the store and whether
    it was prepared (:func:`prepare_store`).

    A store in use is opened with SQLAlchemy Core alone: the ORM and the mapped models
    (a fifth of a second of a cold start) are loaded by :func:`prepare_store` once the
    device list is on screen. The GUI runs SQLite's page-by-page ``quick_check`` after
    that, and takes the day's backup in the background (:func:`take_daily_backup`): on
    a store of several years it takes tens of seconds, the first start of each day.
    """
    from workbench.data.store import open_store
    from workbench.services.registry import contract_loaded

    store = open_store(db, full_check=False)
    try:
        with store.read_connection() as conn:
            filled = contract_loaded(conn)
        if not filled:
            prepare_store(store)
    except BaseException:
        store.dispose()
        raise
    return store, not filled


def take_daily_backup(store: Store) -> Path | None:
    """The day's backup if there is none yet; a full or read-only backup folder is logged,
    never in the way of the work. Returns the backup taken, if one was."""
    from workbench.services.backups import daily_backup_if_due

    try:
        made = daily_backup_if_due(store)
    except OSError as exc:
        log.error("daily backup failed: %s", exc)
        return None
    if made is not None:
        log.info("daily backup %s", made)
    return made
