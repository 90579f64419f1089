"""The monthly and weekly reports of a demo month: every number equals the store's.

The expected numbers are computed here straight from the tables with SQL and the
contract's terms as stored, not through the reporting service.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import math
import statistics
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pypdf
import pytest
from sqlalchemy import text

from workbench.domain.timeutil import LOCAL_TZ

UNTIL = dt.datetime(2026, 11, 24, 10, 0, tzinfo=LOCAL_TZ)
MONTH = "2026-10"


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory, demo_year_template: Path) -> Iterator[Any]:
    from tests.helpers.stores import DEMO_UNTIL, copy_store
    from workbench.data.store import Store

    assert UNTIL == DEMO_UNTIL
    path = copy_store(demo_year_template, tmp_path_factory.mktemp("demo") / "demo.sqlite3")
    store = Store(f"sqlite:///{path}")
    yield store
    store.dispose()


def _utc(value: Any) -> dt.datetime | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return value.replace(tzinfo=dt.UTC)


def expected_month(store: Any, first: dt.date, last: dt.date, now: dt.datetime) -> dict[str, Any]:
    """The month's figures from the raw tables (SQL) and the stored contract terms."""
    start = dt.datetime.combine(first, dt.time(0), tzinfo=LOCAL_TZ).astimezone(dt.UTC)
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(0), tzinfo=LOCAL_TZ)
    end = end.astimezone(dt.UTC)
    with store.engine.connect() as conn:
        total, terms = conn.execute(text("SELECT total_cny, terms FROM contract")).one()
        import json

        terms = json.loads(terms) if isinstance(terms, str) else terms
        orders = conn.execute(
            text(
                "SELECT number, status, type, affects_service, reported_at, responded_at, "
                "onsite_at, restored_at, response_due, onsite_due, restore_due FROM work_order "
                "WHERE reported_at >= :s AND reported_at < :e"
            ),
            {"s": start.replace(tzinfo=None), "e": end.replace(tzinfo=None)},
        ).all()
        inspections = conn.execute(
            text(
                "SELECT count(*) FROM device_inspection WHERE inspected_at >= :s "
                "AND inspected_at < :e"
            ),
            {"s": start.replace(tzinfo=None), "e": end.replace(tzinfo=None)},
        ).scalar_one()
    total = Decimal(str(total))
    rate = Decimal(terms["penalties"]["late_rate_per_day"])
    cap = int(terms["penalties"]["late_cap_days"])
    over = Decimal(terms["penalties"]["late_over_cap_rate"])
    rule = terms["penalties"]["day_rule"]
    clocked = breached = decided = 0
    exposure = Decimal("0.00")
    restore: list[float] = []
    for row in orders:
        status = row.status
        reported, responded, onsite, restored = map(
            _utc, (row.reported_at, row.responded_at, row.onsite_at, row.restored_at)
        )
        dues = list(map(_utc, (row.response_due, row.onsite_due, row.restore_due)))
        if status == "cancelled" or dues[0] is None:
            continue
        done = [responded, onsite or restored, restored]
        if row.type == "inspection_finding":
            # Issue 18: an engineer's own finding runs no response or on-site clock, and
            # the restore clock only when marked as a fault affecting service.
            if not row.affects_service:
                continue
            done, dues = [restored], [dues[2]]
        clocked += 1
        late = [
            (d - due)
            if d is not None and d > due
            else (now - due)
            if d is None and now > due
            else None
            for d, due in zip(done, dues, strict=True)
        ]
        late = [x for x in late if x is not None]
        if late:
            breached += 1
            days = (
                max(late) // dt.timedelta(days=1)
                if rule == "whole_days"
                else math.ceil(max(late) / dt.timedelta(days=1))
            )
            amount = total * over if days > cap else total * rate * days
            exposure += amount.quantize(Decimal("0.01"), ROUND_HALF_UP)
        if late or restored is not None:
            decided += 1
        if restored is not None:
            restore.append((restored - reported).total_seconds() / 60)
    ordered = sorted(restore)
    return {
        "orders": len(orders),
        "clocked": clocked,
        "breached": breached,
        "decided": decided,
        "exposure": exposure,
        "median": statistics.median(restore) if restore else None,
        "p90": ordered[math.ceil(0.9 * len(ordered)) - 1] if ordered else None,
        "inspections": inspections,
    }


def value_after(lines: list[str], label: str) -> str:
    index = lines.index(label)
    return lines[index + 1]


def pdf_lines(pdf: bytes) -> tuple[list[str], int, int]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    lines = [line.strip() for page in reader.pages for line in page.extract_text().splitlines()]
    images = sum(len(page.images) for page in reader.pages)
    return [line for line in lines if line], len(reader.pages), images


def test_monthly_report_numbers_equal_the_store(demo_store: Any, tmp_path: Path) -> None:
    from workbench.reports.monthly import monthly_pdf
    from workbench.services import reporting

    with demo_store.read() as session:
        report = reporting.monthly_report(session, MONTH, now=UNTIL)
    first, last = dt.date(2026, 10, 1), dt.date(2026, 10, 31)
    want = expected_month(demo_store, first, last, UNTIL)
    assert want["orders"] > 5, "the demo month should hold work"
    assert want["breached"] >= 0

    s = report.sla
    assert (s.orders, s.clocked, s.breached, s.decided) == (
        want["orders"],
        want["clocked"],
        want["breached"],
        want["decided"],
    )
    assert s.exposure_cny == want["exposure"]
    assert report.restore.median_minutes == pytest.approx(want["median"])
    assert report.restore.p90_minutes == pytest.approx(want["p90"])
    assert report.inspections.done <= want["inspections"]

    pdf = monthly_pdf(report)
    (tmp_path / "monthly.pdf").write_bytes(pdf)
    lines, pages, images = pdf_lines(pdf)
    assert pages >= 3
    assert images >= 4, "the four charts are images"
    assert value_after(lines, "Work orders") == str(want["orders"])
    assert value_after(lines, "Faults under the SLA clock") == str(want["clocked"])
    assert value_after(lines, "Overdue work orders") == str(want["breached"])
    compliance = (want["decided"] - want["breached"]) / want["decided"]
    assert value_after(lines, "SLA compliance") == f"{compliance * 100:.1f}%"
    assert value_after(lines, "Penalty exposure (period)") == f"¥{want['exposure']:,.2f}"
    assert value_after(lines, "Time to restore, median") == f"{want['median']:.0f} min"
    assert value_after(lines, "Time to restore, 90th percentile") == f"{want['p90']:.0f} min"
    joined = "\n".join(lines)
    # Every order of the month is listed with its number.
    with demo_store.engine.connect() as conn:
        numbers = conn.execute(
            text("SELECT number FROM work_order WHERE reported_at >= :s AND reported_at < :e"),
            {
                "s": dt.datetime(2026, 9, 30, 16, 0),  # noqa: DTZ001 - UTC as stored
                "e": dt.datetime(2026, 10, 31, 16, 0),  # noqa: DTZ001
            },
        ).scalars()
        for number in numbers:
            assert number in joined
    assert "DEMO DATA" in joined


def test_the_contract_year_exposure_is_the_sum_of_its_months(demo_store: Any) -> None:
    from workbench.services import reporting

    with demo_store.read() as session:
        report = reporting.monthly_report(session, MONTH, now=UNTIL)
    want = expected_month(demo_store, dt.date(2026, 3, 1), dt.date(2026, 10, 31), UNTIL)
    assert report.year_sla.exposure_cny == want["exposure"]
    assert report.year_sla.breached == want["breached"]


def test_weekly_report_lists_every_site_and_its_findings(demo_store: Any) -> None:
    from workbench.reports.weekly import weekly_pdf
    from workbench.services import reporting

    with demo_store.read() as session:
        report = reporting.weekly_report(session, "2026-W44", now=UNTIL)
    with demo_store.engine.connect() as conn:
        findings = conn.execute(
            text(
                "SELECT sum(defacement + malicious_code + sensitive_content + availability), "
                "count(*) FROM website_monitoring WHERE week = '2026-W44'"
            )
        ).one()
    assert findings[1] == 5
    lines, _pages, _images = pdf_lines(weekly_pdf(report))
    assert value_after(lines, "Website monitoring findings") == str(findings[0])
    assert value_after(lines, "Websites monitored") == "5 / 5"
    joined = "\n".join(lines)
    for url in ("xfb.beijing.gov.cn", "szxx.beijing.gov.cn", "bjxfgk.xfb.beijing.gov.cn"):
        assert url in joined


def test_deliverables_of_the_demo_year(demo_store: Any) -> None:
    from workbench.services import deliverables

    with demo_store.read() as session:
        rows = deliverables.list_deliverables(session, today=UNTIL.date())
        summary = {s.key: s for s in deliverables.summary(session, today=UNTIL.date())}
    assert summary["weekly_security_report"].total == 52
    assert summary["monthly_vulnerability_scan"].total == 60
    assert summary["publication"].total == 24
    assert summary["weekly_security_report"].delivered_late >= 1
    with demo_store.engine.connect() as conn:
        delivered = conn.execute(
            text("SELECT count(*) FROM deliverable WHERE delivered_on IS NOT NULL")
        ).scalar_one()
    assert sum(1 for r in rows if r.delivered_on) == delivered


@pytest.mark.skipif(
    importlib.util.find_spec("workbench.reports.workorder") is None
    or importlib.util.find_spec("workbench.reports.inspection_form") is None,
    reason="the work order and inspection form documents are not in this tree yet",
)
def test_acceptance_pack_of_the_demo_year_opens(demo_store: Any, tmp_path: Path) -> None:
    from workbench.reports.acceptance import INDEX_NAME, write_pack
    from workbench.services import inspections, reporting, workorders

    with demo_store.read() as session:
        index = reporting.acceptance_index(session, now=UNTIL)

    def load_work_order(number: str) -> Any:
        with demo_store.read() as session:
            return workorders.document(session, number, now=UNTIL)

    def load_round(round_id: str) -> Any:
        with demo_store.read() as session:
            return inspections.round_form(session, round_id)

    steps: list[tuple[int, int]] = []
    result = write_pack(
        index,
        tmp_path / "pack",
        load_work_order=load_work_order,
        load_round=load_round,
        progress=lambda done, total, _name: steps.append((done, total)),
    )
    assert result.count == 1 + len(index.signed_work_orders) + len(index.signed_rounds)
    assert len(index.signed_work_orders) > 50
    assert steps[-1][0] == steps[-1][1] == result.count
    for path in result.files:
        reader = pypdf.PdfReader(path)
        assert len(reader.pages) >= 1
    first = pypdf.PdfReader(tmp_path / "pack" / INDEX_NAME).pages[0].extract_text()
    assert "Year-end Acceptance Pack" in first
    assert not list((tmp_path / "pack").rglob("*.part"))


def test_a_cancelled_pack_leaves_no_partial_file(demo_store: Any, tmp_path: Path) -> None:
    from workbench.reports.acceptance import write_pack
    from workbench.services import reporting

    with demo_store.read() as session:
        index = reporting.acceptance_index(session, now=UNTIL)

    class Stop(Exception):
        pass

    def progress(done: int, _total: int, _name: str) -> None:
        if done == 1:
            raise Stop

    with pytest.raises(Stop):
        write_pack(
            index,
            tmp_path / "pack",
            load_work_order=lambda n: pytest.fail("no order is loaded after the cancel"),
            load_round=lambda r: pytest.fail("no round is loaded after the cancel"),
            progress=progress,
        )
    files = sorted(p.name for p in (tmp_path / "pack").rglob("*") if p.is_file())
    assert files == ["00-index.pdf"]


def _wrapped_headers(build: Any) -> list[str]:
    """The table headers that the layout had to wrap (beyond their own line breaks), as
    laid out in Chinese: ``可用性事/件`` is the defect."""
    from reportlab.platypus import Paragraph

    from workbench import i18n
    from workbench.reports import pdfkit

    made: list[Any] = []

    class Recording(pdfkit.Table):  # type: ignore[misc,name-defined]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            made.append(self)

    i18n.load("zh_CN")
    patch = pytest.MonkeyPatch()
    patch.setattr(pdfkit, "Table", Recording)
    try:
        build(i18n.translate)
    finally:
        patch.undo()
        i18n.load("en")
    wrapped = []
    for table in made:
        if not table.repeatRows:
            continue
        for value in table._cellvalues[0]:
            cell = value[0] if isinstance(value, (list, tuple)) and value else value
            if not isinstance(cell, Paragraph) or not hasattr(cell, "blPara"):
                continue
            if len(cell.blPara.lines) > cell.text.count("<br/>") + 1:
                wrapped.append(cell.text)
    assert made, "no table recorded"
    return wrapped


def test_table_headers_are_not_broken_mid_word(demo_store: Any) -> None:
    from workbench.reports.monthly import monthly_pdf
    from workbench.reports.weekly import weekly_pdf
    from workbench.services import reporting

    with demo_store.read() as session:
        week = reporting.weekly_report(session, "2026-W44", now=UNTIL)
        month = reporting.monthly_report(session, MONTH, now=UNTIL)
    assert _wrapped_headers(lambda t: weekly_pdf(week, t)) == []
    assert _wrapped_headers(lambda t: monthly_pdf(month, t)) == []
