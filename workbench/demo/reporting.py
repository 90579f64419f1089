"""The demo's security monitoring, vulnerability scans, deliverables handed over and payments.

One of the fillers of :data:`workbench.demo.FILLERS`: a plausible monitoring week for each
site, a monthly scan, the contract's deliverables delivered on time (one weekly report
three days late, a few recent ones still missing) and the payments that fell due.
"""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.data.models.reporting import Deliverable
from workbench.demo.history import DemoContext
from workbench.domain import deliverables as calendar
from workbench.domain.timeutil import LOCAL_TZ
from workbench.services import deliverables as deliverable_service
from workbench.services import monitoring
from workbench.services.setup import current_contract


def fill_reporting(session: Session, rng: random.Random, context: DemoContext) -> None:
    """Monitoring weeks, monthly scans, and the deliverables handed over in the demo year."""
    start_at, until = context.start, context.until
    contract = current_contract(session)
    assert contract is not None  # fill_history checked it
    last_day = (until.astimezone(LOCAL_TZ) - dt.timedelta(days=1)).date()
    start = max(contract.start_date, start_at.astimezone(LOCAL_TZ).date())
    weeks_and_scans(session, rng, start, last_day)
    deliverable_service.sync_schedule(session, contract)
    rows = session.scalars(
        select(Deliverable).where(
            Deliverable.contract_id == contract.id, Deliverable.due_date <= last_day
        )
    ).all()
    late_one = True
    for row in rows:
        if row.key == "monthly_vulnerability_scan":
            delivered = min(row.due_date, row.due_date.replace(day=27))
        elif row.key == "weekly_security_report":
            delivered = row.due_date
            if late_one and row.due_date.month == 7:
                delivered, late_one = row.due_date + dt.timedelta(days=3), False
        else:
            delivered = row.due_date - dt.timedelta(days=rng.randint(0, 5))
        if rng.random() < 0.03 and row.due_date >= last_day - dt.timedelta(days=30):
            continue  # a few recent ones still missing, as in any real year
        row.delivered_on = min(delivered, last_day)
        row.delivered_by = "demo"
        row.note = "已提交甲方（演示数据）"
        row.demo = True
    # A yearly count (一、2) is due at the year's end; the demo team works at a steady pace
    # (the k-th of N done by the k-th N-th of the year) and is a little ahead of it.
    counts = {
        t.key: t.minimum
        for t in calendar.terms_from(contract.terms or {})
        if t.every == "year" and t.minimum
    }
    days = (contract.end_date - contract.start_date).days + 1
    counted = session.scalars(
        select(Deliverable).where(
            Deliverable.contract_id == contract.id, Deliverable.key.in_(counts)
        )
    ).all()
    for row in counted:
        count = counts[row.key]
        on_pace = contract.start_date + dt.timedelta(days=days * row.seq // count - 1)
        delivered = on_pace - dt.timedelta(days=rng.randint(3, 12))
        if delivered > last_day or delivered < start:
            continue
        row.delivered_on = delivered
        row.delivered_by = "demo"
        row.note = "已发布（演示数据）"
        row.demo = True
    for payment in contract.payments:
        if payment.due_date is not None and payment.due_date <= last_day:
            payment.invoice_issued_on = payment.due_date - dt.timedelta(days=20)
            payment.paid_on = payment.due_date - dt.timedelta(days=3)
        elif payment.seq == 1:
            payment.invoice_issued_on = contract.start_date + dt.timedelta(days=10)
            payment.paid_on = contract.start_date + dt.timedelta(days=25)
    session.flush()


def weeks_and_scans(
    session: Session, rng: random.Random, start: dt.date, last_day: dt.date
) -> tuple[int, int]:
    """Plausible monitoring weeks and monthly scans for the demo (used by the demo filler)."""
    weeks = scans = 0
    codes = [code for code, _n, _u in monitoring.sites(session)]
    monday = start - dt.timedelta(days=start.weekday())
    while monday + dt.timedelta(days=6) <= last_day:
        for code in codes:
            availability = 1 if rng.random() < 0.06 else 0
            sensitive = 1 if rng.random() < 0.02 else 0
            note = ""
            if availability:
                note = "监测到网站短时无法访问，已通知甲方并协调恢复"
            elif sensitive:
                note = "发现评论区敏感内容，已通知甲方删除"
            monitoring.record_week(
                session,
                code,
                calendar.iso_week_label(monday),
                availability=availability,
                sensitive_content=sensitive,
                note=note,
                source="demo",
                demo=True,
            )
            weeks += 1
        monday += dt.timedelta(days=7)
    for first in calendar.months(start, last_day):
        scan_day = first.replace(day=25)
        if scan_day > last_day:
            break
        for code in codes:
            high = 1 if rng.random() < 0.15 else 0
            medium = rng.randint(0, 3)
            low = rng.randint(0, 6)
            still_open = min(low, rng.randint(0, 2))
            monitoring.record_scan(
                session,
                code,
                calendar.month_label(first),
                scanned_on=scan_day,
                high=high,
                medium=medium,
                low=low,
                fixed=high + medium + low - still_open,
                open=still_open,
                note="高危漏洞已当月修复并复测" if high else "",
                source="demo",
                demo=True,
            )
            scans += 1
    return weeks, scans
