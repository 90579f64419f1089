"""Concurrent writers: work-order numbers stay unique and gap-free, the audit chain
never forks (SQLite and, with WORKBENCH_TEST_PG_URL, PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from workbench.data.models import Location
from workbench.data.models.workorders import WorkOrder
from workbench.data.store import Store
from workbench.services.audit import verify_audit_chain
from workbench.services.workorders import create_work_order

THREADS = 4
PER_THREAD = 6


class Cancelled(Exception):
    pass


def test_numbers_are_unique_and_gap_free_under_concurrency(store: Store) -> None:
    reported = dt.datetime(2026, 5, 10, 2, 0, tzinfo=dt.UTC)
    start = threading.Barrier(THREADS)
    errors: list[BaseException] = []
    made: list[str] = []
    lock = threading.Lock()

    def worker(index: int) -> None:
        try:
            start.wait()
            for k in range(PER_THREAD):
                try:
                    with store.transaction(f"engineer-{index}") as s:
                        row = create_work_order(
                            s,
                            type="service_request",
                            channel="hotline",
                            description=f"并发测试 {index}-{k}",
                            reported_at=reported,
                            now=reported + dt.timedelta(minutes=5),
                        )
                        if k % 3 == 2:  # the user cancels: its number is given back
                            raise Cancelled
                    with lock:
                        made.append(row.number)
                except Cancelled:
                    pass
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors, errors
    kept = THREADS * (PER_THREAD - PER_THREAD // 3)
    assert len(made) == kept
    expected = [f"WO-2026-{n:04d}" for n in range(1, kept + 1)]
    assert sorted(made) == expected
    with store.transaction() as s:
        stored = sorted(s.scalars(select(WorkOrder.number)))
        assert stored == expected
        chain = verify_audit_chain(s)
        assert chain.ok, [p.message.render() for p in chain.problems]


def test_a_reader_does_not_wait_for_a_writer(db_path: Path) -> None:
    """Store.read() takes no write lock: it reads the last committed state while a
    write transaction is open elsewhere, at once instead of after the busy timeout."""
    store = Store(f"sqlite:///{db_path}", busy_timeout_ms=5_000)
    other = Store(f"sqlite:///{db_path}", busy_timeout_ms=5_000)
    try:
        with store.transaction("t") as session:
            session.add(Location(name="读", name_en="r"))
        with other.transaction("writer") as writing:
            writing.scalars(select(Location).where(Location.name == "读")).one().name = "写"
            writing.flush()
            started = time.perf_counter()
            with store.read() as session:
                names = set(session.scalars(select(Location.name)))
            waited = time.perf_counter() - started
        assert "读" in names and "写" not in names  # the committed state, not the writer's
        assert waited < 1.0
    finally:
        store.dispose()
        other.dispose()


def test_writing_in_a_read_is_refused(db_path: Path) -> None:
    store = Store(f"sqlite:///{db_path}")
    try:
        with pytest.raises(RuntimeError, match="read"), store.read() as session:
            session.add(Location(name="不应写入", name_en="no"))
        with store.read() as session:
            assert session.scalar(select(Location).where(Location.name == "不应写入")) is None
    finally:
        store.dispose()
