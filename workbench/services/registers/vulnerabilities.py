"""The register of vulnerability findings (漏洞登记, 一、5): site, severity, fix, rescan.

Each finding of the monthly scans of the five sites is a record: found on, the date
agreed for the fix, who fixes it, fixed on, and the rescan before the site goes back live;
it closes only after a clean rescan on or after the fix
(:mod:`workbench.domain.vulnerabilities`). A closed finding is kept and no longer edited.
The monthly report lists the findings still open at the month's end, oldest first.

This module is the register's one read and write path (the 登记簿 page, the reports and
the hand-back export call it).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import or_, select

from workbench.data.errors import check_row_version
from workbench.data.models import Asset
from workbench.data.models.registers import Vulnerability
from workbench.domain import vulnerabilities as rules
from workbench.domain.messages import QT_TRANSLATE_NOOP, WorkbenchError, identity
from workbench.domain.registers import ReportSection
from workbench.services._common import actor_of, checked_text, local_today

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from workbench.domain.messages import Translate
    from workbench.domain.reporting import Period

log = logging.getLogger("workbench.services.registers.vulnerabilities")


@dataclass(frozen=True)
class VulnerabilityRow:
    id: str
    site_code: str
    site_name: str
    title: str
    severity: str
    found_on: dt.date
    fix_due: dt.date | None
    owner: str
    fixed_on: dt.date | None
    rescan_on: dt.date | None
    rescan_clean: bool
    rescan_report: str
    closed_on: dt.date | None
    note: str
    state: str  # on ``evaluated_on``
    age_days: int
    evaluated_on: dt.date
    version: int
    demo: bool

    @property
    def closed(self) -> bool:
        return self.state == "closed"


def _dates(v: Vulnerability) -> rules.FindingDates:
    return rules.FindingDates(
        found_on=v.found_on,
        fix_due=v.fix_due,
        fixed_on=v.fixed_on,
        rescan_on=v.rescan_on,
        rescan_clean=v.rescan_clean,
        closed_on=v.closed_on,
    )


def _row(v: Vulnerability, day: dt.date) -> VulnerabilityRow:
    dates = _dates(v)
    return VulnerabilityRow(
        id=v.id,
        site_code=v.asset.code,
        site_name=v.asset.name,
        title=v.title,
        severity=v.severity,
        found_on=v.found_on,
        fix_due=v.fix_due,
        owner=v.owner,
        fixed_on=v.fixed_on,
        rescan_on=v.rescan_on,
        rescan_clean=v.rescan_clean,
        rescan_report=v.rescan_report,
        closed_on=v.closed_on,
        note=v.note,
        state=rules.state_on(dates, day),
        age_days=rules.age_days(dates, day),
        evaluated_on=day,
        version=v.version,
        demo=v.demo,
    )


def list_findings(
    session: Session,
    text: str = "",
    *,
    today: dt.date | None = None,
    found_to: dt.date | None = None,
) -> list[VulnerabilityRow]:
    """The findings, newest first; ``text`` matches the site, title or note; ``found_to``:
    found on or before that day (their state evaluated on it)."""
    day = found_to or local_today(today)
    query = select(Vulnerability).join(Asset, Asset.id == Vulnerability.asset_id)
    text = text.strip()
    if text:
        like = f"%{text}%"
        query = query.where(
            or_(
                Asset.code.ilike(like),
                Asset.name.ilike(like),
                Vulnerability.title.ilike(like),
                Vulnerability.note.ilike(like),
            )
        )
    if found_to is not None:
        query = query.where(Vulnerability.found_on <= found_to)
    query = query.order_by(Vulnerability.found_on.desc(), Asset.code, Vulnerability.title)
    return [_row(v, day) for v in session.scalars(query)]


def site_choices(session: Session) -> list[tuple[str, str]]:
    return [
        (a.code, f"{a.code}  {a.name}")
        for a in session.scalars(select(Asset).where(Asset.kind == "website").order_by(Asset.code))
    ]


def _finding(session: Session, finding_id: str) -> Vulnerability:
    v = session.get(Vulnerability, finding_id)
    if v is None:
        raise WorkbenchError(QT_TRANSLATE_NOOP("messages", "This finding no longer exists."))
    return v


def _date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise ValueError(f"a date expected, got {value!r}")
    return value


def _apply(session: Session, v: Vulnerability, values: Mapping[str, Any], today: dt.date) -> None:
    code = str(values.get("site", v.asset.code if v.asset_id else "")).strip().upper()
    site = session.scalar(select(Asset).where(Asset.code == code, Asset.kind == "website"))
    if site is None:
        raise WorkbenchError(QT_TRANSLATE_NOOP("messages", "Choose one of the monitored sites."))
    title = str(values.get("title", v.title or "")).strip()
    if not title:
        raise WorkbenchError(QT_TRANSLATE_NOOP("messages", "Name the finding."))
    severity = str(values.get("severity", v.severity or "")).strip()
    if severity not in rules.SEVERITIES:
        raise WorkbenchError(QT_TRANSLATE_NOOP("messages", "Choose the severity."))
    owner = str(values.get("owner", v.owner or "contractor")).strip() or "contractor"
    if owner not in rules.OWNERS:
        raise ValueError(f"unknown owner {owner!r}")
    found_on = _date(values.get("found_on", v.found_on))
    if found_on is None:
        raise WorkbenchError(QT_TRANSLATE_NOOP("messages", "Give the day it was found."))
    dates = rules.FindingDates(
        found_on=found_on,
        fix_due=_date(values.get("fix_due", v.fix_due)),
        fixed_on=_date(values.get("fixed_on", v.fixed_on)),
        rescan_on=_date(values.get("rescan_on", v.rescan_on)),
        rescan_clean=bool(values.get("rescan_clean", v.rescan_clean)),
        closed_on=None,
    )
    rules.check_dates(dates, today)
    v.asset_id = site.id
    v.asset = site
    v.title = checked_text(title, Vulnerability.title, QT_TRANSLATE_NOOP("messages", "Finding"))
    v.severity, v.owner = severity, owner
    v.found_on, v.fix_due, v.fixed_on = dates.found_on, dates.fix_due, dates.fixed_on
    v.rescan_on, v.rescan_clean = (
        dates.rescan_on,
        dates.rescan_clean and dates.rescan_on is not None,
    )
    v.rescan_report = checked_text(
        str(values.get("rescan_report", v.rescan_report or "")).strip(),
        Vulnerability.rescan_report,
        QT_TRANSLATE_NOOP("messages", "Rescan report"),
    )
    v.note = checked_text(
        str(values.get("note", v.note or "")).strip(),
        Vulnerability.note,
        QT_TRANSLATE_NOOP("messages", "The note"),
    )


def _check_open(v: Vulnerability) -> None:
    if v.closed_on is not None:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "The finding is closed: it is kept as it was closed.")
        )


def create(
    session: Session, values: Mapping[str, Any], today: dt.date | None = None
) -> VulnerabilityRow:
    today = local_today(today)
    v = Vulnerability(created_by=actor_of(session), demo=bool(values.get("demo", False)))
    _apply(session, v, values, today)
    session.add(v)
    session.flush()
    return _row(v, today)


def update(
    session: Session,
    finding_id: str,
    values: Mapping[str, Any],
    today: dt.date | None = None,
    expected_version: int | None = None,
) -> VulnerabilityRow:
    today = local_today(today)
    v = _finding(session, finding_id)
    check_row_version(v.version, expected_version)
    _check_open(v)
    _apply(session, v, values, today)
    session.flush()
    return _row(v, today)


def delete(session: Session, finding_id: str) -> None:
    v = _finding(session, finding_id)
    _check_open(v)
    session.delete(v)
    session.flush()


def close(
    session: Session,
    finding_id: str,
    on: dt.date | None = None,
    today: dt.date | None = None,
) -> VulnerabilityRow:
    """Close a finding: refused unless fixed and rescanned clean since (一、5)."""
    today = local_today(today)
    on = on or today
    v = _finding(session, finding_id)
    _check_open(v)
    if on > today:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "The date {date} lies in the future."),
            date=on.isoformat(),
        )
    rules.check_close(_dates(v), on)
    v.closed_on = on
    session.flush()
    log.info("vulnerability %s on %s closed", v.title, v.asset.code)
    return _row(v, today)


# -- export and report ---------------------------------------------------------------


def _label(translate: Translate, text: str) -> str:
    return translate("registers", text)


EXPORT_COLUMNS = (
    (QT_TRANSLATE_NOOP("registers", "Site"), 14),
    (QT_TRANSLATE_NOOP("registers", "Site name"), 24),
    (QT_TRANSLATE_NOOP("registers", "Finding"), 36),
    (QT_TRANSLATE_NOOP("registers", "Severity"), 8),
    (QT_TRANSLATE_NOOP("registers", "Found on"), 12),
    (QT_TRANSLATE_NOOP("registers", "Fix due"), 12),
    (QT_TRANSLATE_NOOP("registers", "Who fixes"), 22),
    (QT_TRANSLATE_NOOP("registers", "Fixed on"), 12),
    (QT_TRANSLATE_NOOP("registers", "Rescan on"), 12),
    (QT_TRANSLATE_NOOP("registers", "Rescan clean"), 10),
    (QT_TRANSLATE_NOOP("registers", "Rescan report"), 24),
    (QT_TRANSLATE_NOOP("registers", "Closed on"), 12),
    (QT_TRANSLATE_NOOP("registers", "State"), 20),
    (QT_TRANSLATE_NOOP("registers", "Age (days)"), 10),
    (QT_TRANSLATE_NOOP("registers", "Note"), 30),
)


def export_xlsx(session: Session, path: Path, translate: Translate = identity) -> int:
    """The whole register as one sheet (the hand-back pack includes it)."""
    from workbench.services.exports import write_xlsx

    tr = translate
    rows = list_findings(session)
    yes, no = (
        _label(tr, QT_TRANSLATE_NOOP("registers", "Yes")),
        _label(tr, QT_TRANSLATE_NOOP("registers", "No")),
    )
    write_xlsx(
        path,
        _label(tr, QT_TRANSLATE_NOOP("registers", "Vulnerabilities")),
        [(_label(tr, title), width) for title, width in EXPORT_COLUMNS],
        [
            [
                r.site_code,
                r.site_name,
                r.title,
                _label(tr, rules.SEVERITY_LABELS[r.severity]),
                r.found_on,
                r.fix_due,
                _label(tr, rules.OWNER_LABELS[r.owner]),
                r.fixed_on,
                r.rescan_on,
                (yes if r.rescan_clean else no) if r.rescan_on else "",
                r.rescan_report,
                r.closed_on,
                _label(tr, rules.STATE_LABELS[r.state]),
                r.age_days,
                r.note,
            ]
            for r in rows
        ],
    )
    return len(rows)


def report_section(session: Session, period: Period, translate: Translate) -> ReportSection:
    """The monthly report's open findings at the period's end, oldest first, with what
    was found and closed in the period."""
    tr = translate
    found = list_findings(session, found_to=period.last)
    still_open = sorted(
        (r for r in found if not r.closed), key=lambda r: (-r.age_days, r.site_code)
    )
    new = sum(1 for r in found if period.first <= r.found_on <= period.last)
    closed = sum(
        1 for r in found if r.closed_on is not None and period.first <= r.closed_on <= period.last
    )
    return ReportSection(
        title=_label(tr, QT_TRANSLATE_NOOP("registers", "Open vulnerability findings (一、5)")),
        columns=(
            (_label(tr, QT_TRANSLATE_NOOP("registers", "Site")), 30),
            (_label(tr, QT_TRANSLATE_NOOP("registers", "Finding")), 48),
            (_label(tr, QT_TRANSLATE_NOOP("registers", "Severity")), 14),
            (_label(tr, QT_TRANSLATE_NOOP("registers", "Found on")), 20),
            (_label(tr, QT_TRANSLATE_NOOP("registers", "Age (days)")), 14),
            (_label(tr, QT_TRANSLATE_NOOP("registers", "Fix due")), 20),
            (_label(tr, QT_TRANSLATE_NOOP("registers", "State")), 24),
        ),
        rows=tuple(
            (
                f"{r.site_code}\n{r.site_name}",
                r.title,
                _label(tr, rules.SEVERITY_LABELS[r.severity]),
                r.found_on.isoformat(),
                str(r.age_days),
                r.fix_due.isoformat() if r.fix_due else "—",
                _label(tr, rules.STATE_LABELS[r.state]),
            )
            for r in still_open
        ),
        remark=_label(
            tr,
            QT_TRANSLATE_NOOP(
                "registers",
                "Found this period: {new}; closed after a clean rescan: {closed}; open at the "
                "period's end: {open}. A fixed finding closes only after the rescan before the "
                "site goes back live (一、5).",
            ),
        ).format(new=new, closed=closed, open=len(still_open)),
        empty=_label(
            tr, QT_TRANSLATE_NOOP("registers", "No vulnerability finding open at the period's end.")
        ),
    )
