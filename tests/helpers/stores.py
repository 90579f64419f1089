"""Stores built once per test session and copied per test.

Migrating a store and loading the contract takes ~0.2 s; the demo year ~14 s. Both are
built once per session (per xdist worker) into a SQLite file; a test gets a byte copy of
the file, taken while no connection is open (the store is disposed first, so the -wal
is checkpointed and gone and the file alone holds everything).
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from workbench.domain.timeutil import LOCAL_TZ

# The history the demo tests read: the contract up to this time, the default seed.
DEMO_UNTIL = dt.datetime(2026, 11, 24, 10, 0, tzinfo=LOCAL_TZ)


def build_contract_store(path: Path) -> Path:
    """A migrated store at ``path`` with the contract loaded, closed."""
    from workbench.data.store import Store
    from workbench.services.setup import load_default_contract

    store = Store(f"sqlite:///{path}")
    try:
        with store.transaction("test") as session:
            load_default_contract(session)
    finally:
        store.dispose()
    return path


def build_demo_year(path: Path, until: dt.datetime = DEMO_UNTIL) -> Path:
    """The contract store with the demo history up to ``until`` (default seed), closed."""
    from workbench import demo
    from workbench.data.store import Store

    build_contract_store(path)
    store = Store(f"sqlite:///{path}")
    try:
        with store.transaction("demo") as session:
            demo.fill_demo(session, until=until)
    finally:
        store.dispose()
    return path


def copy_store(template: Path, path: Path) -> Path:
    """A copy of a closed template store at ``path``."""
    for suffix in ("-wal", "-shm", "-journal"):
        assert not template.with_name(template.name + suffix).exists(), "template is open"
    shutil.copyfile(template, path)
    return path
