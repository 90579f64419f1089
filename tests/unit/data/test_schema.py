"""The Core tables of the registry, the models mapped on them, and the migrations agree;
the device list can be read before the ORM is loaded."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from workbench.data.models import Asset, AssetCategory, Base, Location
from workbench.data.schema import asset, asset_category, location
from workbench.data.store import Store
from workbench.services import registry
from workbench.services.registry import AssetFilter


def test_the_migrated_schema_is_the_models_schema(store: Store) -> None:
    # The registry's tables are written in Core, the others as models: the migrations
    # must build exactly what both describe, on SQLite and PostgreSQL.
    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_the_models_map_the_core_tables() -> None:
    assert Asset.__table__ is asset
    assert AssetCategory.__table__ is asset_category
    assert Location.__table__ is location


def test_connection_and_session_read_the_same_list(store: Store) -> None:
    filters = [
        (AssetFilter(), "code", False),
        (AssetFilter(kind="device", search="kiosk"), "location", True),
        (AssetFilter(status="in_use", search="100%"), "name", False),
        (AssetFilter(category="kiosk", include_retired=False), "category", False),
    ]
    with store.read_connection() as conn, store.read() as session:
        for flt, order_by, descending in filters:
            by_conn = registry.list_assets(conn, flt, order_by=order_by, descending=descending)
            by_session = registry.list_assets(
                session, flt, order_by=order_by, descending=descending
            )
            assert by_conn == by_session
            assert registry.count_assets(conn, flt) == len(by_conn)
        assert len(registry.list_assets(conn)) == 83
        assert registry.contract_loaded(conn)


def test_the_device_list_is_read_without_the_orm(db_path: Path) -> None:
    from workbench.services.startup import open_and_fill

    open_and_fill(str(db_path), backup=False).dispose()
    code = textwrap.dedent(
        f"""
        import sys
        from workbench.services.startup import open_for_start
        from workbench.services import registry
        store, prepared = open_for_start({str(db_path)!r})
        with store.read_connection() as conn:
            rows = registry.list_assets(conn)
        store.dispose()
        orm = ("sqlalchemy.orm", "workbench.data.models")
        loaded = [m for m in sys.modules if m.startswith(orm)]
        print(prepared, len(rows), loaded)
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert out.stdout.strip() == "False 83 []"
