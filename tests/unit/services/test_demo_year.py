"""The demo year as a client's office would read it: few breaches, findings handled and
signed, Chinese records, work-order numbers in reporting order, every area filled."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from workbench import demo
from workbench.data.models import Signature
from workbench.data.models.inspections import DeviceInspection, InspectionRound
from workbench.data.models.reporting import Deliverable, VulnerabilityScan, WebsiteMonitoring
from workbench.data.models.workorders import WorkLogEntry, WorkOrder
from workbench.data.store import Store
from workbench.demo.history import record_text
from workbench.domain.timeutil import LOCAL_TZ
from workbench.services import signing
from workbench.services import workorders as wo

ROOT = Path(__file__).resolve().parents[3]
UNTIL = dt.datetime(2026, 11, 24, 10, 0, tzinfo=LOCAL_TZ)


def _fill(path: Path, until: dt.datetime, seed: int = demo.DEFAULT_SEED) -> Store:
    from workbench.services.setup import load_default_contract

    store = Store(f"sqlite:///{path}")
    with store.transaction("test") as session:
        load_default_contract(session)
    with store.transaction("demo") as session:
        demo.fill_demo(session, seed=seed, until=until)
    return store


@pytest.fixture(scope="module")
def year(tmp_path_factory: pytest.TempPathFactory, demo_year_template: Path) -> Iterator[Store]:
    from tests.helpers.stores import DEMO_UNTIL, copy_store

    assert UNTIL == DEMO_UNTIL
    path = copy_store(demo_year_template, tmp_path_factory.mktemp("demo-year") / "demo.sqlite3")
    store = Store(f"sqlite:///{path}")
    yield store
    store.dispose()


def _orders(store: Store) -> list[wo.WorkOrderRow]:
    with store.read() as session:
        return list(wo.list_work_orders(session, limit=None, now=UNTIL).rows)


def test_few_breaches_and_only_a_handful_open(year: Store) -> None:
    orders = _orders(year)
    assert len(orders) > 100
    breached = [o for o in orders if o.breaches]
    assert 1 <= len(breached) <= 8, [o.number for o in breached]
    assert len([o for o in orders if o.open and o.breaches]) <= 5
    in_hand = [o for o in orders if not o.signed]
    assert len(in_hand) <= 5, [(o.number, o.status) for o in in_hand]
    # The work in hand is today's: nothing unsigned was reported more than a day ago.
    assert all(o.reported_at > UNTIL - dt.timedelta(days=1) for o in in_hand)
    assert {o.status for o in in_hand} >= {"reported", "onsite", "restored"}


def test_inspection_findings_are_handled_logged_and_signed(year: Store) -> None:
    with year.read() as session:
        findings = session.scalars(
            select(WorkOrder).where(WorkOrder.type == "inspection_finding")
        ).all()
        assert len(findings) >= 10
        late = 0
        for order in findings:
            assert order.demo
            assert order.status == "signed", order.number
            assert order.responded_at is not None
            assert order.responded_at - order.reported_at <= dt.timedelta(minutes=30)
            assert order.restored_at is not None
            if order.restored_at - order.reported_at > dt.timedelta(hours=2):
                late += 1
            assert order.cause
            assert order.resolution
            logs = session.scalar(
                select(func.count())
                .select_from(WorkLogEntry)
                .where(WorkLogEntry.work_order_id == order.id)
            )
            assert logs
            roles = set(
                session.scalars(
                    select(Signature.role).where(
                        Signature.record_type == "work_order", Signature.record_id == order.id
                    )
                )
            )
            assert roles == {"engineer", "client"}
            # Each finding comes from a device's inspection in a round.
            assert session.scalar(
                select(func.count())
                .select_from(DeviceInspection)
                .where(DeviceInspection.work_order_id == order.id, DeviceInspection.failed)
            )
        assert late <= 4


def test_records_are_chinese(year: Store) -> None:
    with year.read() as session:
        descriptions = session.scalars(
            select(WorkOrder.description).where(WorkOrder.type == "inspection_finding")
        ).all()
        logs = session.scalars(select(WorkLogEntry.text)).all()
    assert descriptions
    for text in descriptions:
        assert text.startswith("巡检发现（XJ-2026-"), text
        assert "：异常" in text or "（≤" in text or "（≥" in text, text
        for english in ("Found in", "Fail", "Pass", "N/A"):
            assert english not in text, text
    assert not [t for t in logs if "Found in" in t]


def test_work_order_numbers_follow_the_reporting_times(year: Store) -> None:
    with year.read() as session:
        times = session.scalars(
            select(WorkOrder.reported_at).order_by(WorkOrder.year, WorkOrder.seq)
        ).all()
    assert times == sorted(times)


def test_every_filler_ran(year: Store) -> None:
    with year.read() as session:
        rounds = session.scalar(select(func.count()).select_from(InspectionRound))
        weeks = session.scalar(select(func.count()).select_from(WebsiteMonitoring))
        scans = session.scalar(select(func.count()).select_from(VulnerabilityScan))
        delivered = session.scalar(
            select(func.count())
            .select_from(Deliverable)
            .where(Deliverable.delivered_on.is_not(None))
        )
        assert rounds and rounds > 30
        assert weeks and weeks >= 5 * 30
        assert scans and scans >= 5 * 8
        assert delivered and delivered > 30
        assert signing.verify_chain(session) == []


def test_the_same_seed_gives_the_same_history(tmp_path: Path) -> None:
    until = dt.datetime(2026, 4, 8, 12, 0, tzinfo=LOCAL_TZ)

    def history(store: Store) -> list[tuple[Any, ...]]:
        with store.read() as session:
            return [
                tuple(row)
                for row in session.execute(
                    select(
                        WorkOrder.number,
                        WorkOrder.type,
                        WorkOrder.status,
                        WorkOrder.reported_at,
                        WorkOrder.restored_at,
                        WorkOrder.description,
                    ).order_by(WorkOrder.number)
                )
            ]

    first = _fill(tmp_path / "a.sqlite3", until)
    second = _fill(tmp_path / "b.sqlite3", until)
    other = _fill(tmp_path / "c.sqlite3", until, seed=7)
    try:
        assert history(first) == history(second)
        assert history(first) != history(other)
    finally:
        for store in (first, second, other):
            store.dispose()


def test_record_text_is_the_zh_cn_translation() -> None:
    """The demo's Chinese for service templates is what the translation files say."""
    translations: dict[str, set[str]] = {}
    for ts in sorted((ROOT / "resources" / "i18n").glob("*.zh_CN.ts")):
        for context in ET.parse(ts).getroot().iter("context"):
            if context.findtext("name") != "messages":
                continue
            for message in context.iter("message"):
                source = message.findtext("source") or ""
                translation = message.findtext("translation") or ""
                if translation:
                    translations.setdefault(source, set()).add(translation)
    for template in ("Found in inspection round {number}", "Pass", "Fail", "N/A"):
        assert translations.get(template) == {record_text("messages", template)}
