"""The websites' security monitoring log (网站安全监测) and monthly vulnerability scans.

Per site and ISO week: the findings of the 7×24 monitoring (defacement, malicious code,
sensitive content, availability incidents). Per site and month: the scan's findings by
severity, and how many are fixed or still open. Entered by hand
(:func:`record_week`, :func:`record_scan`) or imported from the security provider's
spreadsheet (:func:`import_file`, xlsx or csv): every row is validated first and the file
is applied all or nothing, each problem named by row and column, as the asset import does
(both read files through :mod:`workbench.services.spreadsheets`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.data.models import Asset
from workbench.data.models.reporting import VulnerabilityScan, WebsiteMonitoring
from workbench.domain import deliverables as calendar
from workbench.domain.messages import QT_TRANSLATE_NOOP, WorkbenchError
from workbench.domain.monitoring import FINDINGS, ScanRow, WeekRow
from workbench.domain.text import control_character
from workbench.services import spreadsheets
from workbench.services._common import local_today, month_period, week_period
from workbench.services.spreadsheets import ImportRefused, Record, RowProblem, Table, problem, text

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


def _check_note(note: str) -> None:
    bad = control_character(note)
    if bad is not None:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "The control character {char} is not allowed."),
            char=bad,
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
    period = week_period(week)
    _check_note(note)
    _check_counts(
        defacement=defacement,
        malicious_code=malicious_code,
        sensitive_content=sensitive_content,
        availability=availability,
    )
    monday, label = period.first, period.label
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
    period = month_period(month)
    first, last, label = period.first, period.last, period.label
    _check_note(note)
    _check_counts(high=high, medium=medium, low=low, fixed=fixed, open=open)
    if not first <= scanned_on <= last:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "The scan date {date} is not in {month}."),
            date=scanned_on.isoformat(),
            month=label,
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


def list_scans(
    session: Session,
    first_month: str | None = None,
    last_month: str | None = None,
    *,
    scanned_from: dt.date | None = None,
    scanned_to: dt.date | None = None,
) -> list[ScanRow]:
    """The scans of the months ``first_month`` .. ``last_month`` ("2026-11"), and/or made
    on the days ``scanned_from`` .. ``scanned_to``."""
    query = select(VulnerabilityScan).join(Asset, Asset.id == VulnerabilityScan.asset_id)
    if first_month:
        query = query.where(VulnerabilityScan.month >= first_month)
    if last_month:
        query = query.where(VulnerabilityScan.month <= last_month)
    if scanned_from:
        query = query.where(VulnerabilityScan.scanned_on >= scanned_from)
    if scanned_to:
        query = query.where(VulnerabilityScan.scanned_on <= scanned_to)
    query = query.order_by(VulnerabilityScan.month, Asset.code)
    return [_scan_row(r) for r in session.scalars(query)]


def sites(session: Session) -> list[tuple[str, str, str]]:
    """(code, name, url) of every monitored website."""
    return [
        (a.code, a.name, a.url)
        for a in session.scalars(select(Asset).where(Asset.kind == "website").order_by(Asset.code))
    ]


# -- import ------------------------------------------------------------------------------


def _count(value: Any) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return 0
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    digits = text(value)
    return int(digits) if digits.isdigit() else None


def _date_cell(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    day = text(value).replace("/", "-").replace(".", "-")
    try:
        return dt.date.fromisoformat(day)
    except ValueError:
        return None


def _week_cell(value: Any) -> str | None:
    day = _date_cell(value) if isinstance(value, dt.date) else None
    if day is not None:
        return calendar.iso_week_label(day)
    label = text(value).upper().replace(" ", "")
    try:
        monday, _ = calendar.parse_iso_week(label)
    except ValueError:
        day = _date_cell(value)
        return calendar.iso_week_label(day) if day else None
    return calendar.iso_week_label(monday)


def _month_cell(value: Any) -> str | None:
    if isinstance(value, dt.date):
        return calendar.month_label(value)
    label = text(value).replace("/", "-").replace(".", "-").replace("年", "-").rstrip("月")
    try:
        first, _ = calendar.parse_month(label)
    except ValueError:
        return None
    return calendar.month_label(first)


@dataclass
class _RowCheck:
    """One row of a monitoring sheet being checked: its values and its problems."""

    table: Table
    record: Record
    problems: list[RowProblem] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)

    def bad(self, name: str, template: str, **params: Any) -> None:
        column = self.table.column(name) if name else ""
        self.problems.append(problem(self.record.number, column, template, **params))

    def counts(self, names: tuple[str, ...]) -> None:
        for name in names:
            value = _count(self.record.cells.get(name)) if self.table.has(name) else 0
            if value is None or value < 0:
                self.bad(
                    name,
                    QT_TRANSLATE_NOOP("messages", "'{value}' is not a count (0, 1, 2, …)."),
                    value=self.record.text(name),
                )
            self.values[name] = value


@dataclass(frozen=True)
class _Context:
    """What every row is checked against."""

    sites: dict[str, Asset]  # any alias, lower case -> the website
    start: dt.date
    end: dt.date
    today: dt.date

    @classmethod
    def load(cls, session: Session, today: dt.date) -> _Context:
        from workbench.services.setup import current_contract

        index: dict[str, Asset] = {}
        for website in session.scalars(select(Asset).where(Asset.kind == "website")):
            url = website.url.rstrip("/").lower()
            for alias in (website.code, website.name, url, url.split("://", 1)[-1]):
                index[alias.lower()] = website
        contract = current_contract(session)
        return cls(
            sites=index,
            start=contract.start_date if contract else dt.date.min,
            end=contract.end_date if contract else dt.date.max,
            today=today,
        )


def _check_site(row: _RowCheck, context: _Context) -> Asset | None:
    site_text = row.record.text("site")
    asset = context.sites.get(site_text.rstrip("/").lower()) if site_text else None
    if asset is None:
        row.bad(
            "site",
            QT_TRANSLATE_NOOP("messages", "'{site}' is not one of the monitored websites.")
            if site_text
            else QT_TRANSLATE_NOOP("messages", "The website is missing."),
            site=site_text,
        )
    return asset


def _check_scan_row(row: _RowCheck, context: _Context) -> str | None:
    """The month of a scan row (None if bad); its date and sums checked."""
    cells = row.record.cells
    period = _month_cell(cells.get("month"))
    if period is None:
        row.bad(
            "month",
            QT_TRANSLATE_NOOP("messages", "'{value}' is not a month like 2026-11."),
            value=row.record.text("month"),
        )
    scanned = _date_cell(cells.get("scanned_on"))
    if scanned is None:
        row.bad(
            "scanned_on",
            QT_TRANSLATE_NOOP("messages", "'{value}' is not a date like 2026-11-25."),
            value=row.record.text("scanned_on"),
        )
    elif period is not None and calendar.month_label(scanned) != period:
        row.bad(
            "scanned_on",
            QT_TRANSLATE_NOOP("messages", "The scan date {date} is not in {month}."),
            date=scanned.isoformat(),
            month=period,
        )
    elif scanned > context.today:
        row.bad(
            "scanned_on",
            QT_TRANSLATE_NOOP("messages", "The date {date} lies in the future."),
            date=scanned.isoformat(),
        )
    row.values["scanned_on"] = scanned
    v = row.values
    total = (v["high"] or 0) + (v["medium"] or 0) + (v["low"] or 0)
    if not row.problems and v["fixed"] + v["open"] != total:
        row.bad(
            "open" if row.table.has("open") else "",
            QT_TRANSLATE_NOOP(
                "messages",
                "Fixed ({fixed}) and open ({open}) must add up to the findings ({total}).",
            ),
            fixed=v["fixed"],
            open=v["open"],
            total=total,
        )
    return period


def _check_week_row(row: _RowCheck, context: _Context) -> str | None:
    """The ISO week of a weekly row (None if bad), checked against the contract and today."""
    period = _week_cell(row.record.cells.get("week"))
    if period is None:
        row.bad(
            "week",
            QT_TRANSLATE_NOOP("messages", "'{value}' is not a week like 2026-W47."),
            value=row.record.text("week"),
        )
        return None
    monday, sunday = calendar.parse_iso_week(period)
    if sunday < context.start or monday > context.end:
        row.bad(
            "week",
            QT_TRANSLATE_NOOP("messages", "Week {week} lies outside the contract period."),
            week=period,
        )
    elif monday > context.today:
        row.bad(
            "week",
            QT_TRANSLATE_NOOP("messages", "Week {week} has not begun yet."),
            week=period,
        )
    return period


def _read_sheet(path: Path) -> tuple[bool, Table]:
    """The sheet at ``path`` and whether it is a scan sheet (else weekly), by its header."""
    rows = spreadsheets.read_rows(path)
    lowered = {h.lower() for h in spreadsheets.header_texts(rows)}
    is_scan = bool({"月份", "month", "高危", "high"} & lowered)
    if is_scan:
        return True, spreadsheets.map_columns(
            path, rows, SCAN_COLUMNS, ("site", "month", "scanned_on")
        )
    return False, spreadsheets.map_columns(path, rows, WEEK_COLUMNS, ("site", "week"))


def _checked_rows(
    path: Path, is_scan: bool, table: Table, context: _Context
) -> list[dict[str, Any]]:
    """Every row's values, or :class:`ImportRefused` with every row's problems."""
    problems: list[RowProblem] = []
    parsed: list[dict[str, Any]] = []
    seen: dict[tuple[str, str], int] = {}
    for record in table.records:
        row = _RowCheck(table, record, values={"note": record.text("note")})
        asset = _check_site(row, context)
        row.counts((*SEVERITIES, "fixed", "open") if is_scan else FINDINGS)
        period = (_check_scan_row if is_scan else _check_week_row)(row, context)
        if asset is not None and period is not None:
            pair = (asset.code, period)
            if pair in seen:
                row.bad(
                    "site",
                    QT_TRANSLATE_NOOP(
                        "messages", "{site} {period} appears again (first in row {first})."
                    ),
                    site=asset.code,
                    period=period,
                    first=seen[pair],
                )
            else:
                seen[pair] = record.number
        problems += row.problems
        parsed.append({**row.values, "site": asset.code if asset else "", "period": period})
    if problems:
        raise ImportRefused(path, problems)
    return parsed


def _apply_row(session: Session, is_scan: bool, v: dict[str, Any], source: str) -> None:
    if is_scan:
        record_scan(
            session,
            v["site"],
            v["period"],
            scanned_on=v["scanned_on"],
            **{name: v[name] for name in (*SEVERITIES, "fixed", "open")},
            note=v["note"],
            source=source,
        )
    else:
        record_week(
            session,
            v["site"],
            v["period"],
            **{name: v[name] for name in FINDINGS},
            note=v["note"],
            source=source,
        )


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
    is_scan, table = _read_sheet(path)
    context = _Context.load(session, local_today(today))
    parsed = _checked_rows(path, is_scan, table, context)
    report = MonitoringImport("scans" if is_scan else "weeks")
    model = VulnerabilityScan if is_scan else WebsiteMonitoring
    period_column = VulnerabilityScan.month if is_scan else WebsiteMonitoring.week
    for v in parsed:
        site_id = context.sites[v["site"].lower()].id
        exists = session.scalar(
            select(model.id).where(model.asset_id == site_id, period_column == v["period"])
        )
        (report.updated if exists else report.created).append(f"{v['site']} {v['period']}")
        if not dry_run:
            _apply_row(session, is_scan, v, path.name[:255])
    return report
