"""The period's complete work log (五、5.2.8): every step, entry and round of the period,
nothing outside it, counted from the tables themselves; the PDF carries them all."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from tests.unit.reports.report_tools import pdf_text
from workbench.domain.messages import Translate
from workbench.domain.reporting import Period
from workbench.domain.timeutil import LOCAL_TZ
from workbench.services import worklog_book
from workbench.services._common import month_period

NOW = dt.datetime(2026, 11, 24, 10, 0, tzinfo=LOCAL_TZ)


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory, demo_year_template: Path) -> Iterator[Any]:
    from tests.helpers.stores import copy_store
    from workbench.data.store import Store

    path = copy_store(demo_year_template, tmp_path_factory.mktemp("wl") / "demo.sqlite3")
    store = Store(f"sqlite:///{path}")
    yield store
    store.dispose()


def _bounds(first: dt.date, last: dt.date) -> tuple[str, str]:
    start = dt.datetime.combine(first, dt.time(0), tzinfo=LOCAL_TZ).astimezone(dt.UTC)
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(0), tzinfo=LOCAL_TZ)
    fmt = "%Y-%m-%d %H:%M:%S"
    return start.strftime(fmt), end.astimezone(dt.UTC).strftime(fmt)


def _count(store: Any, sql: str, first: dt.date, last: dt.date) -> int:
    start, end = _bounds(first, last)
    with store.engine.connect() as conn:
        return int(conn.execute(text(sql), {"start": start, "end": end}).scalar_one())


def test_every_line_of_the_month_and_nothing_else(demo_store: Any) -> None:
    period = month_period("2026-10")
    with demo_store.read() as session:
        doc = worklog_book.work_log_document(session, period, NOW)
    events = _count(
        demo_store,
        "SELECT count(*) FROM work_order_event WHERE at >= :start AND at < :end",
        period.first,
        period.last,
    )
    entries = _count(
        demo_store,
        "SELECT count(*) FROM work_log_entry WHERE at >= :start AND at < :end",
        period.first,
        period.last,
    )
    rounds = _count(
        demo_store,
        "SELECT count(*) FROM inspection_round WHERE started_at >= :start AND started_at < :end",
        period.first,
        period.last,
    )
    assert events > 10 and entries > 0 and rounds > 0  # the demo month has all three
    assert len(doc.items) == events + entries + rounds
    assert doc.rounds == rounds
    start, end = (
        dt.datetime.fromisoformat(b).replace(tzinfo=dt.UTC)
        for b in _bounds(period.first, period.last)
    )
    assert all(start <= i.line.at < end for i in doc.items)
    assert [i.line.at for i in doc.items] == sorted(i.line.at for i in doc.items)
    # A reported step names who reported it, not the program.
    reported = [i for i in doc.items if i.line.step == "reported"]
    assert reported and all(i.line.author not in ("", "demo", "cli") for i in reported)


def test_pdf_lists_every_item(demo_store: Any, zh: Translate) -> None:
    from workbench.reports.worklog import worklog_pdf

    with demo_store.read() as session:
        doc = worklog_book.work_log_document(session, month_period("2026-10"), NOW)
    body = pdf_text(worklog_pdf(doc, zh)).replace("\n", "")
    assert "工作日志" in body and "5.2.8" in body
    for item in doc.items:
        if item.subject:
            assert item.subject in body
    assert f"共 {len(doc.items)} 行" in body
    assert "已响应" in body  # a handling step, named in Chinese


def test_periods_refused(demo_store: Any) -> None:
    from workbench.domain.messages import WorkbenchError

    with demo_store.read() as session:
        with pytest.raises(WorkbenchError):
            worklog_book.work_log_document(
                session, Period(dt.date(2026, 5, 2), dt.date(2026, 5, 1), "x"), NOW
            )
        with pytest.raises(WorkbenchError):
            worklog_book.work_log_document(
                session, Period(dt.date(2026, 1, 1), dt.date(2027, 6, 1), "x"), NOW
            )
        whole = worklog_book.contract_period(session)
        doc = worklog_book.work_log_document(session, whole, NOW)
    assert doc.first == whole.first and len(doc.items) > 100
