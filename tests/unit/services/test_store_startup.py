"""Opening a store for work (``workbench.services.startup``): no Qt, so no GUI here."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest

from workbench.services import startup


def test_daily_backup_is_taken_once_and_a_failure_only_logged(
    sqlite_store: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from workbench.services import backups

    startup.take_daily_backup(sqlite_store)
    startup.take_daily_backup(sqlite_store)
    daily = [b for b in backups.list_backups(sqlite_store) if b.kind == "daily"]
    assert len(daily) == 1

    def full(_store: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backups, "daily_backup_if_due", full)
    with caplog.at_level(logging.ERROR, logger="workbench.services.startup"):
        startup.take_daily_backup(sqlite_store)
    assert "daily backup failed" in caplog.text


def test_the_gui_opens_the_store_without_waiting_for_the_backup(db_path: Path) -> None:
    from workbench.services import backups

    store = startup.open_and_fill(str(db_path), backup=False)
    try:
        assert backups.list_backups(store) == []
    finally:
        store.dispose()
    store = startup.open_and_fill(str(db_path))
    try:
        assert [b.kind for b in backups.list_backups(store)] == ["daily"]
    finally:
        store.dispose()


def test_open_for_start_fills_a_new_store_and_leaves_a_used_one_for_later(
    db_path: Path,
) -> None:
    from workbench.services import registry

    store, prepared = startup.open_for_start(str(db_path))
    try:
        assert prepared  # first start: the contract was loaded before the first list
        with store.read_connection() as conn:
            assert len(registry.list_assets(conn)) == 83
    finally:
        store.dispose()
    store, prepared = startup.open_for_start(str(db_path))
    store.dispose()
    assert not prepared
