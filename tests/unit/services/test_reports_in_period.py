"""Reports list only what happened inside their period; a yearly count is due at the
year's end (一、2 "全年至少 24 次发布任务"), shown with its pace, never overdue before."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select, update

from workbench.data.models import Asset
from workbench.data.models.reporting import Deliverable, VulnerabilityScan
from workbench.domain import deliverables as rules
from workbench.domain.timeutil import LOCAL_TZ
from workbench.services import deliverables, reporting

END = dt.date(2027, 2, 28)
NOW = dt.datetime(2026, 12, 4, 10, 0, tzinfo=LOCAL_TZ)


def test_pace_boundaries() -> None:
    start = dt.date(2026, 3, 1)
    assert rules.pace(24, start, END, dt.date(2026, 2, 28)) == 0
    assert rules.pace(24, start, END, start) == 0  # 24 x 1/365
    assert rules.pace(24, start, END, dt.date(2026, 3, 16)) == 1  # 16 days: 24 x 16/365
    assert rules.pace(24, start, END, dt.date(2026, 12, 4)) == 18  # 279 days: 18.3
    assert rules.pace(24, start, END, END) == 24
    assert rules.pace(24, start, END, dt.date(2030, 1, 1)) == 24


def test_the_publication_count_is_due_at_the_years_end(store: Any) -> None:
    with store.transaction("t") as session:
        rows = deliverables.list_deliverables(session, key="publication", today=NOW.date())
        assert len(rows) == 24
        assert {r.due_on for r in rows} == {END}
        assert not [r for r in rows if r.state == rules.OVERDUE]
        summary = {s.key: s for s in deliverables.summary(session, NOW.date())}
        after = deliverables.list_deliverables(
            session, key="publication", today=END + dt.timedelta(days=1)
        )
    pub = summary["publication"]
    assert (pub.minimum, pub.on_pace, pub.overdue, pub.delivered) == (24, 18, 0, 0)
    assert summary["weekly_security_report"].minimum is None
    assert all(r.state == rules.OVERDUE for r in after)  # none recorded by the year's end


def test_a_store_with_the_old_spread_dates_is_put_right(store: Any) -> None:
    with store.transaction("t") as session:
        deliverables.sync_schedule(session)
        session.execute(
            update(Deliverable)
            .where(Deliverable.key == "publication", Deliverable.period == "01/24")
            .values(due_date=dt.date(2026, 3, 15))
        )
    with store.transaction("t") as session:
        assert deliverables.sync_schedule(session) == 0  # nothing new, one date moved
        due = session.scalars(
            select(Deliverable.due_date).where(Deliverable.key == "publication")
        ).all()
    assert set(due) == {END}


def test_the_weekly_report_lists_only_the_weeks_scans(store: Any) -> None:
    with store.transaction("t") as session:
        site = session.scalars(select(Asset).where(Asset.kind == "website")).first()
        assert site is not None
        session.add(
            VulnerabilityScan(
                asset_id=site.id, month="2026-11", scanned_on=dt.date(2026, 11, 25), high=1
            )
        )
    with store.read() as session:
        w45 = reporting.weekly_report(session, "2026-W45", now=NOW)  # Nov 2-8
        w48 = reporting.weekly_report(session, "2026-W48", now=NOW)  # Nov 23-29
        month = reporting.monthly_report(session, "2026-11", now=NOW)
    assert w45.scans == ()
    assert [s.scanned_on for s in w48.scans] == [dt.date(2026, 11, 25)]
    assert [s.scanned_on for s in month.scans] == [dt.date(2026, 11, 25)]
    assert [(q.key, q.minimum) for q in w45.quotas] == [("publication", 24)]
    assert w45.quotas[0].on_pace == 24 * 253 // 365  # as of Sunday 2026-11-08
    assert not [d for d in w45.deliverables if d.key == "publication"]


def test_the_weekly_paper_shows_the_count_and_pace_not_overdue(store: Any) -> None:
    import io

    import pypdf

    from workbench import i18n
    from workbench.reports.weekly import weekly_pdf

    with store.read() as session:
        week = reporting.weekly_report(session, "2026-W45", now=NOW)
    i18n.load("zh_CN")
    try:
        data = weekly_pdf(week, i18n.translate)
    finally:
        i18n.load("en")
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages)
    flat = "".join(text.split())
    assert "本周漏洞扫描" in flat
    assert "信息专题制作及发布（一、2）：服务年度内至少24次，已完成0次" in flat
    assert f"应约{24 * 253 // 365}次" in flat
    assert "至年度结束时到期" in flat
