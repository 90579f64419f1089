"""The written-down head revision and the open path that relies on it."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from workbench.data.migrations import HEAD_REVISION
from workbench.data.store import Store, head_revision, known_revisions


def test_head_revision_constant_matches_the_scripts() -> None:
    # A new migration must move HEAD_REVISION with it, or stores would not be upgraded.
    assert head_revision() == HEAD_REVISION
    assert HEAD_REVISION in known_revisions()


def test_an_older_store_is_still_upgraded(db_path: Path) -> None:
    store = Store(f"sqlite:///{db_path}")
    with store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0004'")
        conn.exec_driver_sql("DROP TABLE excuse")  # 0010
        conn.exec_driver_sql("DROP TABLE vulnerability")  # 0011
        conn.exec_driver_sql("DROP TABLE audit_log")
        conn.exec_driver_sql("DROP TABLE store_identity")
        conn.exec_driver_sql("DROP TABLE engineer_key")
        conn.exec_driver_sql("DROP TABLE store_event")
        for column in (
            "version",
            "store_uuid",
            "key_fingerprint",
            "signature",
            "audit_seq",
            "audit_hash",
        ):
            conn.exec_driver_sql(f"ALTER TABLE signed_record DROP COLUMN {column}")
        conn.exec_driver_sql("ALTER TABLE contract DROP COLUMN records_from")  # 0008
        for column in ("client_deadline", "affects_service", "rectify_by"):  # 0009
            conn.exec_driver_sql(f"ALTER TABLE work_order DROP COLUMN {column}")
    store.dispose()
    reopened = Store(f"sqlite:///{db_path}")
    try:
        assert reopened.current_revision() == HEAD_REVISION
        with reopened.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM audit_log").scalar() == 0
    finally:
        reopened.dispose()


def test_a_0007_store_gains_the_records_day_unset(db_path: Path) -> None:
    store = Store(f"sqlite:///{db_path}")
    with store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0007'")
        conn.exec_driver_sql("DROP TABLE excuse")  # 0010
        conn.exec_driver_sql("DROP TABLE vulnerability")  # 0011
        conn.exec_driver_sql("ALTER TABLE contract DROP COLUMN records_from")
        for column in ("client_deadline", "affects_service", "rectify_by"):  # 0009
            conn.exec_driver_sql(f"ALTER TABLE work_order DROP COLUMN {column}")
    store.dispose()
    reopened = Store(f"sqlite:///{db_path}")
    try:
        assert reopened.current_revision() == HEAD_REVISION
        with reopened.engine.connect() as conn:
            columns = {row[1]: row for row in conn.exec_driver_sql("PRAGMA table_info(contract)")}
        # Nullable: unset, the store counts from the contract's first day, as before.
        assert columns["records_from"][2] == "DATE"
        assert columns["records_from"][3] == 0
    finally:
        reopened.dispose()


def test_an_empty_file_has_no_revision_and_is_created(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'new.sqlite3'}", migrate=False)
    try:
        assert store.current_revision() is None
        store.upgrade()
        assert store.current_revision() == HEAD_REVISION
    finally:
        store.dispose()


def test_opening_an_up_to_date_store_does_not_load_alembic(db_path: Path) -> None:
    Store(f"sqlite:///{db_path}").dispose()
    code = textwrap.dedent(
        f"""
        import sys
        from workbench.data.store import Store
        store = Store({f"sqlite:///{db_path}"!r}, full_check=False)
        store.dispose()
        loaded = sorted(m for m in sys.modules if m == "alembic" or m.startswith("alembic."))
        print(",".join(loaded))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert out.stdout.strip() == ""


def test_0009_adds_the_client_deadline_to_a_0008_store(db_path: Path) -> None:
    """Issue 18: a store at 0008 gains work_order.client_deadline (NULL: none set) and the
    finding's affects_service (false) and rectify_by."""
    store = Store(f"sqlite:///{db_path}")
    with store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0008'")
        conn.exec_driver_sql("DROP TABLE excuse")  # 0010
        conn.exec_driver_sql("DROP TABLE vulnerability")  # 0011
        for column in ("client_deadline", "affects_service", "rectify_by"):
            conn.exec_driver_sql(f"ALTER TABLE work_order DROP COLUMN {column}")
    store.dispose()
    reopened = Store(f"sqlite:///{db_path}")
    try:
        assert reopened.current_revision() == HEAD_REVISION
        with reopened.engine.connect() as conn:
            columns = [row[1] for row in conn.exec_driver_sql("PRAGMA table_info(work_order)")]
        assert {"client_deadline", "affects_service", "rectify_by"} <= set(columns)
    finally:
        reopened.dispose()


def test_a_store_with_history_is_upgraded_from_0007(demo_year_template: Path, tmp_path: Path):
    """The upgrade path of a store in use: work orders with events, logs and signatures
    pointing at them (foreign keys on). Batch mode's copy-and-drop of work_order failed
    here; the signed records still verify after the upgrade."""
    from tests.helpers.stores import copy_store
    from workbench.services import verification

    db = copy_store(demo_year_template, tmp_path / "in-use.sqlite3")
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0007'")
        # 0010 and 0011 create the registers' tables; the demo's rows wait aside meanwhile
        # (a real 0007 store has none) and come back once the tables exist.
        conn.execute("ALTER TABLE excuse RENAME TO excuse_aside")
        conn.execute("DROP INDEX ix_excuse_status")
        conn.execute("ALTER TABLE vulnerability RENAME TO vulnerability_aside")  # 0011
        conn.execute("DROP INDEX ix_vulnerability_asset_id")
        conn.execute("DROP INDEX ix_vulnerability_found_on")
        conn.execute("ALTER TABLE contract DROP COLUMN records_from")
        for column in ("client_deadline", "affects_service", "rectify_by"):
            conn.execute(f"ALTER TABLE work_order DROP COLUMN {column}")
    conn.close()
    store = Store(f"sqlite:///{db}")
    try:
        assert store.current_revision() == HEAD_REVISION
        with store.engine.begin() as raw:
            for table in ("excuse", "vulnerability"):
                raw.exec_driver_sql(f"INSERT INTO {table} SELECT * FROM {table}_aside")
                raw.exec_driver_sql(f"DROP TABLE {table}_aside")
        with store.read() as session:
            report = verification.run_checks(session)
            assert report.problems == [] and report.audit.ok and report.findings == []
    finally:
        store.dispose()


def test_0010_adds_the_excuse_register_to_a_0009_store(db_path: Path) -> None:
    store = Store(f"sqlite:///{db_path}")
    with store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0009'")
        conn.exec_driver_sql("DROP TABLE excuse")
        conn.exec_driver_sql("DROP TABLE vulnerability")
    store.dispose()
    reopened = Store(f"sqlite:///{db_path}")
    try:
        assert reopened.current_revision() == HEAD_REVISION
        with reopened.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM excuse").scalar() == 0
    finally:
        reopened.dispose()


def test_0011_adds_the_vulnerability_register_to_a_0010_store(db_path: Path) -> None:
    store = Store(f"sqlite:///{db_path}")
    with store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0010'")
        conn.exec_driver_sql("DROP TABLE vulnerability")
    store.dispose()
    reopened = Store(f"sqlite:///{db_path}")
    try:
        assert reopened.current_revision() == HEAD_REVISION
        with reopened.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM vulnerability").scalar() == 0
    finally:
        reopened.dispose()
