"""The day this team's records begin: kept in the store, audited, and read by the
deliverables, the inspections' schedule and the 总览 (issue 20, defect 4)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from workbench.domain import deliverables as rules
from workbench.domain.messages import WorkbenchError
from workbench.services import audit, deliverables, records, reporting
from workbench.services.inspections import due_devices

TODAY = dt.date(2026, 12, 9)  # a Wednesday; the contract began on 2026-03-01
RECORDS = dt.date(2026, 12, 1)
NOW = dt.datetime(2026, 12, 9, 2, 0, tzinfo=dt.UTC)


def _weekly(session: Any) -> list[rules.DeliverableRow]:
    return deliverables.list_deliverables(
        session, key="weekly_security_report", due_to=TODAY, today=TODAY
    )


def test_a_fresh_store_counts_from_the_contract_start(store: Any) -> None:
    with store.read() as session:
        start = records.records_start(session)
        suggested = records.suggested_records_start(session, TODAY)
    assert (start.records_from, start.chosen, start.mid_contract) == (
        dt.date(2026, 3, 1),
        False,
        False,
    )
    # The wizard offers today, or the contract's first day when that is later.
    assert suggested.records_from == TODAY
    with store.read() as session:
        early = records.suggested_records_start(session, dt.date(2026, 1, 15))
    assert early.records_from == dt.date(2026, 3, 1)


def test_weekly_reports_before_the_records_are_not_overdue(store: Any) -> None:
    with store.transaction("t") as session:
        before = _weekly(session)
        assert sum(r.state == rules.OVERDUE for r in before) == 40  # 2026-03-06 .. 12-04
        start = records.set_records_from(session, RECORDS)
    assert (start.records_from, start.chosen, start.mid_contract) == (RECORDS, True, True)
    with store.transaction("t") as session:
        after = _weekly(session)
    states = [r.state for r in after]
    assert states.count(rules.BEFORE_RECORDS) == 39  # due 2026-03-06 .. 11-27
    assert states.count(rules.OVERDUE) == 1  # due Friday 2026-12-04, after the records began
    assert [r.due_on for r in after if r.state == rules.OVERDUE] == [dt.date(2026, 12, 4)]
    assert all(r.days_late == 0 for r in after if r.state == rules.BEFORE_RECORDS)
    with store.read() as session:
        summary = {s.key: s for s in deliverables.summary(session, TODAY)}
    assert summary["weekly_security_report"].overdue == 1


def test_inspections_due_before_the_records_are_not_overdue(store: Any) -> None:
    with store.transaction("t") as session:
        overdue_before = sum(r.state == "overdue" for r in due_devices(session, TODAY))
        records.set_records_from(session, TODAY)
        rows = due_devices(session, TODAY)
    assert overdue_before > 0
    assert not [r for r in rows if r.state == "overdue"]
    assert {r.due_on for r in rows if r.interval_days} == {TODAY}


def test_the_dashboard_counts_from_the_records(store: Any) -> None:
    with store.transaction("t") as session:
        wall = reporting.dashboard(session, NOW)
        records.set_records_from(session, TODAY)
        calm = reporting.dashboard(session, NOW)
    assert wall.deliverables_overdue > 30
    assert wall.overdue_inspections > 0
    assert wall.records_from is None
    assert calm.records_from == TODAY
    assert calm.deliverables_overdue == 0
    assert calm.overdue_inspections == 0


def test_the_day_is_audited_and_kept_within_the_contract(store: Any) -> None:
    with store.transaction("王工") as session:
        records.set_records_from(session, RECORDS)
    with store.read() as session:
        entries = audit.list_entries(session, audit.AuditFilter(table_name="contract"))
    assert any("2026-12-01" in e.new_values and e.actor == "王工" for e in entries)
    for day in (dt.date(2026, 2, 28), dt.date(2027, 3, 1)):
        with store.transaction("t") as session, pytest.raises(WorkbenchError):
            records.set_records_from(session, day)
    with store.read() as session:
        assert records.records_start(session).records_from == RECORDS


def test_the_monthly_report_names_what_came_before_the_records(store: Any) -> None:
    import io

    import pypdf

    from workbench.reports.monthly import monthly_pdf

    with store.transaction("t") as session:
        records.set_records_from(session, dt.date(2026, 11, 16))
        report = reporting.monthly_report(session, "2026-11", now=NOW)
    states = {d.period: d.state for d in report.deliverables if d.key == "weekly_security_report"}
    assert states["2026-W45"] == rules.BEFORE_RECORDS  # due Friday 2026-11-06
    assert states["2026-W47"] == rules.OVERDUE  # due Friday 2026-11-20
    pdf = pypdf.PdfReader(io.BytesIO(monthly_pdf(report)))
    # Words as printed, whatever the table cell's line breaks.
    words = " ".join("".join(page.extract_text() for page in pdf.pages).split())
    assert "Before the records began" in words
