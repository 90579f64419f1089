"""The websites' security monitoring log (网站安全监测) and monthly vulnerability scans.

Per site and ISO week: the findings of the 7×24 monitoring (defacement, malicious code,
sensitive content, availability incidents). Per site and month: the scan's findings by
severity, and how many are fixed or still open. Entered by hand
(:func:`record_week`, :func:`record_scan`) or imported from the security provider's
spreadsheet (:func:`import_file`, xlsx or csv): every row is validated first and the file
is applied all or nothing, each problem named by row and column, as the asset import does
(its file reading and :class:`RowProblem` / :class:`ImportRefused` are reused).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.data.models import Asset
from workbench.data.models.reporting import VulnerabilityScan, WebsiteMonitoring
from workbench.domain import deliverables as calendar
from workbench.domain.messages import QT_TRANSLATE_NOOP, Message, WorkbenchError
from workbench.services._common import local_today
from workbench.services.asset_io import ImportRefused, RowProblem, _read_rows, _text

FINDINGS = ("defacement", "malicious_code", "sensitive_content", "availability")
SEVERITIES = ("high", "medium", "low")
FINDING_NAMES = {
    "defacement": QT_TRANSLATE_NOOP("monitoring", "Defacement"),
    "malicious_code": QT_TRANSLATE_NOOP("monitoring", "Malicious code"),
    "sensitive_content": QT_TRANSLATE_NOOP("monitoring", "Sensitive content"),
    "availability": QT_TRANSLATE_NOOP("monitoring", "Availability incidents"),
}

# (field, Chinese header) of the two sheets the provider sends; English names work too.
WEEK_COLUMNS: tuple[tuple[str, str], ...] = (
    ("site", "网站"),
    ("week", "周次"),
    ("defacement", "网页篡改"),
    ("malicious_code", "恶意代码"),
    ("sensitive_content", "敏感内容"),
    ("availability", "可用性事件"),
    ("note", "备注"),
)
SCAN_COLUMNS: tuple[tuple[str, str], ...] = (
    ("site", "网站"),
    ("month", "月份"),
    ("scanned_on", "扫描日期"),
    ("high", "高危"),
    ("medium", "中危"),
    ("low", "低危"),
    ("fixed", "已修复"),
    ("open", "未修复"),
    ("note", "备注"),
)


@dataclass(frozen=True)
class WeekRow:
    site_code: str
    site_name: str
    url: str
    week: str
    week_start: dt.date
    defacement: int
    malicious_code: int
    sensitive_content: int
    availability: int
    note: str
    source: str

    @property
    def findings(self) -> int:
        return self.defacement + self.malicious_code + self.sensitive_content + self.availability


@dataclass(frozen=True)
class ScanRow:
    site_code: str
    site_name: str
    url: str
    month: str
    scanned_on: dt.date
    high: int
    medium: int
    low: int
    fixed: int
    open: int
    note: str
    source: str

    @property
    def total(self) -> int:
        return self.high + self.medium + self.low


@dataclass
class MonitoringImport:
    kind: str  # "weeks" | "scans"
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)


def _site(session: Session, key: str) -> Asset:
    """A monitored website by asset code, URL or name."""
    key = key.strip()
    sites = list(session.scalars(select(Asset).where(Asset.kind == "website")))
    for site in sites:
        url = site.url.rstrip("/").lower()
        if (
            key.upper() == site.code
            or key == site.name
            or key.rstrip("/").lower()
            in (
                url,
                url.split("://", 1)[-1],
            )
        ):
            return site
    raise WorkbenchError(
        QT_TRANSLATE_NOOP("messages", "'{site}' is not one of the monitored websites."), site=key
    )


def _week_row(r: WebsiteMonitoring) -> WeekRow:
    return WeekRow(
        site_code=r.asset.code,
        site_name=r.asset.name,
        url=r.asset.url,
        week=r.week,
        week_start=r.week_start,
        defacement=r.defacement,
        malicious_code=r.malicious_code,
        sensitive_content=r.sensitive_content,
        availability=r.availability,
        note=r.note,
        source=r.source,
    )


def _scan_row(r: VulnerabilityScan) -> ScanRow:
    return ScanRow(
        site_code=r.asset.code,
        site_name=r.asset.name,
        url=r.asset.url,
        month=r.month,
        scanned_on=r.scanned_on,
        high=r.high,
        medium=r.medium,
        low=r.low,
        fixed=r.fixed,
        open=r.open,
        note=r.note,
        source=r.source,
    )


def _check_counts(**counts: int) -> None:
    for name, value in counts.items():
        if value < 0:
            raise WorkbenchError(
                QT_TRANSLATE_NOOP("messages", "{field} cannot be negative."), field=name
            )


def record_week(
    session: Session,
    site: str,
    week: str,
    *,
    defacement: int = 0,
    malicious_code: int = 0,
    sensitive_content: int = 0,
    availability: int = 0,
    note: str = "",
    source: str = "",
    demo: bool = False,
) -> WeekRow:
    """Enter (or replace) one site's findings of one ISO week (``2026-W47``)."""
    asset = _site(session, site)
    try:
        monday, _sunday = calendar.parse_iso_week(week)
    except ValueError as exc:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "'{week}' is not a week like 2026-W47."), week=week
        ) from exc
    _check_counts(
        defacement=defacement,
        malicious_code=malicious_code,
        sensitive_content=sensitive_content,
        availability=availability,
    )
    label = calendar.iso_week_label(monday)
    row = session.scalar(
        select(WebsiteMonitoring).where(
            WebsiteMonitoring.asset_id == asset.id, WebsiteMonitoring.week == label
        )
    )
    if row is None:
        row = WebsiteMonitoring(asset_id=asset.id, week=label, week_start=monday)
        session.add(row)
    row.defacement, row.malicious_code = defacement, malicious_code
    row.sensitive_content, row.availability = sensitive_content, availability
    row.note, row.source, row.demo = note.strip(), source, demo
    session.flush()
    session.refresh(row)
    return _week_row(row)


def record_scan(
    session: Session,
    site: str,
    month: str,
    *,
    scanned_on: dt.date,
    high: int = 0,
    medium: int = 0,
    low: int = 0,
    fixed: int = 0,
    open: int = 0,
    note: str = "",
    source: str = "",
    demo: bool = False,
) -> ScanRow:
    """Enter (or replace) one site's scan of one month (``2026-11``)."""
    asset = _site(session, site)
    try:
        first, last = calendar.parse_month(month)
    except ValueError as exc:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "'{month}' is not a month like 2026-11."), month=month
        ) from exc
    _check_counts(high=high, medium=medium, low=low, fixed=fixed, open=open)
    if not first <= scanned_on <= last:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "The scan date {date} is not in {month}."),
            date=scanned_on.isoformat(),
            month=calendar.month_label(first),
        )
    if fixed + open != high + medium + low:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP(
                "messages",
                "Fixed ({fixed}) and open ({open}) must add up to the findings ({total}).",
            ),
            fixed=fixed,
            open=open,
            total=high + medium + low,
        )
    label = calendar.month_label(first)
    row = session.scalar(
        select(VulnerabilityScan).where(
            VulnerabilityScan.asset_id == asset.id, VulnerabilityScan.month == label
        )
    )
    if row is None:
        row = VulnerabilityScan(asset_id=asset.id, month=label)
        session.add(row)
    row.scanned_on = scanned_on
    row.high, row.medium, row.low, row.fixed, row.open = high, medium, low, fixed, open
    row.note, row.source, row.demo = note.strip(), source, demo
    session.flush()
    session.refresh(row)
    return _scan_row(row)


def list_weeks(
    session: Session, first: dt.date | None = None, last: dt.date | None = None
) -> list[WeekRow]:
    """Weekly findings of the weeks starting ``first`` .. ``last`` (Mondays), by week, site."""
    query = select(WebsiteMonitoring).join(Asset, Asset.id == WebsiteMonitoring.asset_id)
    if first:
        query = query.where(WebsiteMonitoring.week_start >= first)
    if last:
        query = query.where(WebsiteMonitoring.week_start <= last)
    query = query.order_by(WebsiteMonitoring.week_start, Asset.code)
    return [_week_row(r) for r in session.scalars(query)]


def weeks_touching(session: Session, first: dt.date, last: dt.date) -> list[WeekRow]:
    """Weeks with at least one day in ``first`` .. ``last``."""
    return list_weeks(session, first - dt.timedelta(days=6), last)


def list_scans(
    session: Session, first_month: str | None = None, last_month: str | None = None
) -> list[ScanRow]:
    query = select(VulnerabilityScan).join(Asset, Asset.id == VulnerabilityScan.asset_id)
    if first_month:
        query = query.where(VulnerabilityScan.month >= first_month)
    if last_month:
        query = query.where(VulnerabilityScan.month <= last_month)
    query = query.order_by(VulnerabilityScan.month, Asset.code)
    return [_scan_row(r) for r in session.scalars(query)]


def sites(session: Session) -> list[tuple[str, str, str]]:
    """(code, name, url) of every monitored website."""
    return [
        (a.code, a.name, a.url)
        for a in session.scalars(select(Asset).where(Asset.kind == "website").order_by(Asset.code))
    ]


# -- import ------------------------------------------------------------------------------


def _problem(row: int, where: str, template: str, **params: Any) -> RowProblem:
    return RowProblem(row, where, Message(template, params))


def _count(value: Any) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return 0
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    text = _text(value)
    return int(text) if text.isdigit() else None


def _date_cell(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value).replace("/", "-").replace(".", "-")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _week_cell(value: Any) -> str | None:
    day = _date_cell(value) if isinstance(value, dt.date) else None
    if day is not None:
        return calendar.iso_week_label(day)
    text = _text(value).upper().replace(" ", "")
    try:
        monday, _ = calendar.parse_iso_week(text)
    except ValueError:
        day = _date_cell(value)
        return calendar.iso_week_label(day) if day else None
    return calendar.iso_week_label(monday)


def _month_cell(value: Any) -> str | None:
    if isinstance(value, dt.date):
        return calendar.month_label(value)
    text = _text(value).replace("/", "-").replace(".", "-").replace("年", "-").rstrip("月")
    try:
        first, _ = calendar.parse_month(text)
    except ValueError:
        return None
    return calendar.month_label(first)


def import_file(
    session: Session,
    path: Path,
    *,
    dry_run: bool = False,
    today: dt.date | None = None,
) -> MonitoringImport:
    """Import a weekly monitoring sheet or a monthly scan sheet (recognised by its header).

    All or nothing: any bad row refuses the whole file (:class:`ImportRefused`, each
    problem with its row and column) and nothing is written.
    """
    today = local_today(today)
    rows = [r for r in _read_rows(path) if any(_text(c) for c in r)]
    if not rows:
        raise ImportRefused(
            path, [_problem(0, "", QT_TRANSLATE_NOOP("messages", "The file is empty."))]
        )
    header = [_text(h) for h in rows[0]]
    lowered = {h.lower() for h in header}
    is_scan = bool({"月份", "month", "高危", "high"} & lowered)
    columns = SCAN_COLUMNS if is_scan else WEEK_COLUMNS
    lookup = {h.lower(): f for f, h in columns} | {f: f for f, _ in columns}
    fields: list[str | None] = []
    problems: list[RowProblem] = []
    for name in header:
        found = lookup.get(name.lower())
        if found is None and name:
            problems.append(
                _problem(
                    1,
                    name,
                    QT_TRANSLATE_NOOP("messages", "Unknown column '{column}'."),
                    column=name,
                )
            )
        fields.append(found)
    required = ("site", "month", "scanned_on") if is_scan else ("site", "week")
    for req in required:
        if req not in fields:
            column = dict(columns)[req]
            problems.append(
                _problem(
                    1,
                    column,
                    QT_TRANSLATE_NOOP("messages", "Required column '{column}' is missing."),
                    column=column,
                )
            )
    if problems:
        raise ImportRefused(path, problems)

    site_index: dict[str, Asset] = {}
    for website in session.scalars(select(Asset).where(Asset.kind == "website")):
        for alias in (
            website.code,
            website.name,
            website.url.rstrip("/").lower(),
            website.url.rstrip("/").lower().split("://", 1)[-1],
        ):
            site_index[alias.lower()] = website
    from workbench.services.setup import current_contract

    contract = current_contract(session)
    start = contract.start_date if contract else dt.date.min
    end = contract.end_date if contract else dt.date.max
    counts = FINDINGS if not is_scan else (*SEVERITIES, "fixed", "open")
    parsed: list[tuple[int, dict[str, Any]]] = []
    seen: dict[tuple[str, str], int] = {}
    for number, raw in enumerate(rows[1:], start=2):
        cells = {
            f: (raw[i] if i < len(raw) else None) for i, f in enumerate(fields) if f is not None
        }

        def col(f: str) -> str:
            return header[fields.index(f)] if f in fields else dict(columns)[f]

        before = len(problems)
        site_text = _text(cells.get("site"))
        asset: Asset | None = site_index.get(site_text.rstrip("/").lower()) if site_text else None
        if asset is None:
            problems.append(
                _problem(
                    number,
                    col("site"),
                    QT_TRANSLATE_NOOP("messages", "'{site}' is not one of the monitored websites.")
                    if site_text
                    else QT_TRANSLATE_NOOP("messages", "The website is missing."),
                    site=site_text,
                )
            )
        values: dict[str, Any] = {"note": _text(cells.get("note"))}
        for name in counts:
            if name not in fields:
                values[name] = 0
                continue
            value = _count(cells.get(name))
            if value is None or value < 0:
                problems.append(
                    _problem(
                        number,
                        col(name),
                        QT_TRANSLATE_NOOP("messages", "'{value}' is not a count (0, 1, 2, …)."),
                        value=_text(cells.get(name)),
                    )
                )
            values[name] = value
        if is_scan:
            period = _month_cell(cells.get("month"))
            if period is None:
                problems.append(
                    _problem(
                        number,
                        col("month"),
                        QT_TRANSLATE_NOOP("messages", "'{value}' is not a month like 2026-11."),
                        value=_text(cells.get("month")),
                    )
                )
            scanned = _date_cell(cells.get("scanned_on"))
            if scanned is None:
                problems.append(
                    _problem(
                        number,
                        col("scanned_on"),
                        QT_TRANSLATE_NOOP("messages", "'{value}' is not a date like 2026-11-25."),
                        value=_text(cells.get("scanned_on")),
                    )
                )
            elif period is not None and calendar.month_label(scanned) != period:
                problems.append(
                    _problem(
                        number,
                        col("scanned_on"),
                        QT_TRANSLATE_NOOP("messages", "The scan date {date} is not in {month}."),
                        date=scanned.isoformat(),
                        month=period,
                    )
                )
            elif scanned > today:
                problems.append(
                    _problem(
                        number,
                        col("scanned_on"),
                        QT_TRANSLATE_NOOP("messages", "The date {date} lies in the future."),
                        date=scanned.isoformat(),
                    )
                )
            values["scanned_on"] = scanned
            if len(problems) == before and (
                values["fixed"] + values["open"]
                != values["high"] + values["medium"] + values["low"]
            ):
                problems.append(
                    _problem(
                        number,
                        col("open") if "open" in fields else "",
                        QT_TRANSLATE_NOOP(
                            "messages",
                            "Fixed ({fixed}) and open ({open}) must add up to the findings "
                            "({total}).",
                        ),
                        fixed=values["fixed"],
                        open=values["open"],
                        total=values["high"] + values["medium"] + values["low"],
                    )
                )
        else:
            period = _week_cell(cells.get("week"))
            if period is None:
                problems.append(
                    _problem(
                        number,
                        col("week"),
                        QT_TRANSLATE_NOOP("messages", "'{value}' is not a week like 2026-W47."),
                        value=_text(cells.get("week")),
                    )
                )
            else:
                monday, sunday = calendar.parse_iso_week(period)
                if sunday < start or monday > end:
                    problems.append(
                        _problem(
                            number,
                            col("week"),
                            QT_TRANSLATE_NOOP(
                                "messages", "Week {week} lies outside the contract period."
                            ),
                            week=period,
                        )
                    )
                elif monday > today:
                    problems.append(
                        _problem(
                            number,
                            col("week"),
                            QT_TRANSLATE_NOOP("messages", "Week {week} has not begun yet."),
                            week=period,
                        )
                    )
        if asset is not None and period is not None:
            pair = (asset.code, period)
            if pair in seen:
                problems.append(
                    _problem(
                        number,
                        col("site"),
                        QT_TRANSLATE_NOOP(
                            "messages", "{site} {period} appears again (first in row {first})."
                        ),
                        site=asset.code,
                        period=period,
                        first=seen[pair],
                    )
                )
            else:
                seen[pair] = number
        values["site"] = asset.code if asset else ""
        values["period"] = period
        parsed.append((number, values))
    if problems:
        raise ImportRefused(path, problems)
    if not parsed:
        raise ImportRefused(
            path,
            [_problem(0, "", QT_TRANSLATE_NOOP("messages", "The file has a header but no rows."))],
        )
    report = MonitoringImport("scans" if is_scan else "weeks")
    source = path.name[:255]
    for _number, v in parsed:
        site_id = site_index[v["site"].lower()].id
        model = VulnerabilityScan if is_scan else WebsiteMonitoring
        period_column = VulnerabilityScan.month if is_scan else WebsiteMonitoring.week
        exists = session.scalar(
            select(model.id).where(model.asset_id == site_id, period_column == v["period"])
        )
        (report.updated if exists else report.created).append(f"{v['site']} {v['period']}")
        if dry_run:
            continue
        if is_scan:
            record_scan(
                session,
                v["site"],
                v["period"],
                scanned_on=v["scanned_on"],
                high=v["high"],
                medium=v["medium"],
                low=v["low"],
                fixed=v["fixed"],
                open=v["open"],
                note=v["note"],
                source=source,
            )
        else:
            record_week(
                session,
                v["site"],
                v["period"],
                defacement=v["defacement"],
                malicious_code=v["malicious_code"],
                sensitive_content=v["sensitive_content"],
                availability=v["availability"],
                note=v["note"],
                source=source,
            )
    return report


def template_headers(kind: str) -> list[str]:
    """The Chinese headers of the weekly (``weeks``) or the scan (``scans``) sheet."""
    return [h for _f, h in (SCAN_COLUMNS if kind == "scans" else WEEK_COLUMNS)]


def demo_weeks_and_scans(
    session: Session, rng: random.Random, start: dt.date, last_day: dt.date
) -> tuple[int, int]:
    """Plausible monitoring weeks and monthly scans for the demo (used by the demo filler)."""
    weeks = scans = 0
    codes = [code for code, _n, _u in sites(session)]
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
            record_week(
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
            record_scan(
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
