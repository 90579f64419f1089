"""Demo inspection rounds: the contract's year so far, walked as the schedules say.

Registered with :func:`workbench.services.demo.register_demo_filler`. Every Monday (and
on the contract's first working day) a demo engineer walks the devices due that day; each
device takes a few minutes; measured values drift as they do on real machines (disks fill,
temperatures follow the seasons); about one device in forty fails an item. Demo work
orders of type ``inspection_finding`` are linked to the inspection of their device in the
round of that week; other failures open their own work orders. Rounds are finished and
signed by the engineer and the client representative; the newest one is left paused,
half done, as work in hand.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.data.models import Asset
from workbench.data.models.inspections import InspectionRound
from workbench.data.models.workorders import WorkOrder, WorkOrderAsset
from workbench.domain import checklists as rules
from workbench.domain.timeutil import LOCAL_TZ
from workbench.services import checklists as checklist_service
from workbench.services import demo
from workbench.services import inspections as service

FAILURE_RATE = 0.025
CLIENT_SIGNER = "于文浩"
UNCHECKED_REASONS = ("会议室占用，改日补检", "设备送修中", "甲方临时活动，暂停巡检")


def _walk_days(start: dt.date, last: dt.date) -> Iterable[dt.date]:
    day = start
    while day.weekday() >= 5:  # the first working day
        day += dt.timedelta(days=1)
    yield day
    day += dt.timedelta(days=(7 - day.weekday()) % 7 or 7)  # then every Monday
    while day <= last:
        yield day
        day += dt.timedelta(days=7)


class _Readings:
    """Plausible measured values per device and item, drifting from round to round."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.level: dict[tuple[str, str], float] = {}

    def value(self, code: str, item: rules.ChecklistItem, day: dt.date) -> str:
        rng = self.rng
        key = (code, item.key)
        if item.unit == "°C":
            summer = 6.0 if day.month in (6, 7, 8) else 0.0
            base = self.level.setdefault(key, (item.high or 60) * rng.uniform(0.55, 0.7))
            return f"{base + summer + rng.uniform(-2, 2):.0f}"
        if item.high is not None and item.low is None and item.unit == "%":
            level = self.level.get(key, (item.high) * rng.uniform(0.3, 0.7))
            level = max(5.0, level + rng.uniform(-0.5, 1.6))
            if level > item.high + 3:
                level = item.high * 0.5  # cleaned up after the finding
            self.level[key] = level
            return f"{level:.0f}"
        if item.low is not None and item.high is not None:
            return f"{rng.uniform(item.low, item.high * 0.4):.1f}"
        if item.low is not None:  # e.g. certificate days left
            left = self.level.get(key, rng.uniform(90, 360)) - 7
            if left < item.low - 10:
                left = 365.0  # renewed
            self.level[key] = left
            return f"{left:.0f}"
        if item.high is not None:
            return f"{item.high * rng.uniform(0.2, 0.6):.1f}"
        return ""


def _findings(session: Session) -> dict[str, list[tuple[dt.datetime, str]]]:
    """Demo work orders found on inspection, by asset code."""
    rows = session.execute(
        select(Asset.code, WorkOrder.reported_at, WorkOrder.number)
        .join(WorkOrderAsset, WorkOrderAsset.work_order_id == WorkOrder.id)
        .join(Asset, Asset.id == WorkOrderAsset.asset_id)
        .where(WorkOrder.demo.is_(True), WorkOrder.type == "inspection_finding")
    )
    result: dict[str, list[tuple[dt.datetime, str]]] = {}
    for code, at, number in rows:
        result.setdefault(code, []).append((at, number))
    return result


def _failing_values(
    rng: random.Random, checklist: rules.Checklist, values: dict[str, str]
) -> tuple[dict[str, str], dict[str, str]]:
    checks = [i for i in checklist.items if i.kind == "check"]
    item = rng.choice(checks)
    return {**values, item.key: rules.FAIL}, {item.key: "现场复核确认异常"}


def fill_inspections(session: Session, rng: random.Random, ctx: demo.DemoContext) -> None:
    checklist_service.sync_checklists(session)
    findings = _findings(session)
    linked: set[str] = set()
    readings = _Readings(rng)
    names = sorted(ctx.engineers)
    start = ctx.start.astimezone(LOCAL_TZ).date()
    last = (ctx.until.astimezone(LOCAL_TZ) - dt.timedelta(days=1)).date()
    days = list(_walk_days(start, last))
    checklists: dict[str, rules.Checklist] = {}
    for index, day in enumerate(days):
        name = names[index % len(names)]
        t = dt.datetime.combine(day, dt.time(9, 0), tzinfo=LOCAL_TZ) + dt.timedelta(
            minutes=rng.randint(0, 40)
        )
        due = [r for r in service.due_devices(session, day) if r.needs_inspection]
        if not due:
            continue
        detail = service.start_round(
            session, engineer_id=ctx.engineers[name], scope="due", planned_date=day, now=t,
            demo=True,
        )  # fmt: skip
        newest = index == len(days) - 1
        rows = list(detail.assets)
        if newest:
            rows = rows[: len(rows) // 2]
        skipped = {r.code for r in rows if not newest and rng.random() < 0.01}
        for row in rows:
            if row.code in skipped:
                continue
            t += dt.timedelta(minutes=rng.uniform(2.5, 6.0))
            if t >= ctx.until:
                break
            if row.category not in checklists:
                checklists[row.category] = checklist_service.current_checklist(
                    session, row.category
                )
            checklist = checklists[row.category]
            values = {
                i.key: readings.value(row.code, i, day)
                for i in checklist.items
                if i.kind == "number"
            }
            notes: dict[str, str] = {}
            link = ""
            for reported, number in findings.get(row.code, []):
                if number not in linked and abs((reported - t).total_seconds()) < 3.5 * 86400:
                    link = number
                    linked.add(number)
                    break
            if link or rng.random() < FAILURE_RATE:
                values, notes = _failing_values(rng, checklist, values)
            service.record_inspection(
                session, detail.number, row.code, values, item_notes=notes, now=t,
                work_order_number=link,
            )  # fmt: skip
        if newest:
            service.pause_round(session, detail.number, now=t)
            continue
        finished = t + dt.timedelta(minutes=10)
        left = len(detail.assets) - len(rows) + len(skipped)
        reason = rng.choice(UNCHECKED_REASONS) if left else ""
        service.finish_round(session, detail.number, reason, now=finished)
        signed_at = finished + dt.timedelta(minutes=rng.uniform(20, 240))
        if signed_at >= ctx.until:
            continue
        service.sign_round(
            session,
            detail.number,
            pin=ctx.pins[name],
            engineer_strokes=demo.demo_strokes(rng, len(name)),
            engineer_aspect=3.0,
            client_name=CLIENT_SIGNER,
            client_strokes=demo.demo_strokes(rng, 3),
            client_aspect=3.0,
            now=signed_at,
        )


def demo_round_count(session: Session) -> int:
    return len(list(session.scalars(select(InspectionRound.id).where(InspectionRound.demo))))


demo.register_demo_filler(fill_inspections)
