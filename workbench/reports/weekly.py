"""安全服务周报: the weekly security service report (with the week's maintenance work).

A function from :class:`workbench.domain.reporting.PeriodReport` (``kind == "weekly"``)
to PDF bytes: summary, the five websites' monitoring findings of the week, this month's
vulnerability scans, the week's work orders with their SLA results, inspection rounds,
and the deliverables due this week and next.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Spacer

from workbench.domain import reporting as figures
from workbench.domain.messages import QT_TRANSLATE_NOOP
from workbench.domain.monitoring import FINDINGS
from workbench.domain.reporting import PeriodReport
from workbench.domain.timeutil import fmt_local
from workbench.reports.pdfkit import (
    BAD_INK,
    OK_INK,
    Translate,
    coloured,
    content_width,
    header_cells,
    identity,
    keep_tail,
    money,
    para,
    styles,
    table,
    tr,
)
from workbench.reports.tables import (
    breaches_table,
    deliverables_or_none,
    note,
    opening,
    orders_or_none,
    period_pdf,
    quota_remarks,
    register_sections,
    remark,
    rounds_or_none,
    scans_table,
    section,
    sign_off,
)


def _site_table(translate: Translate, report: PeriodReport) -> Any:
    """One line per monitored site: its findings of the week, or 'no record'."""
    width = content_width()
    data: list[list[Any]] = [
        header_cells(
            translate,
            QT_TRANSLATE_NOOP("documents", "Website"),
            QT_TRANSLATE_NOOP("documents", "Defacement"),
            QT_TRANSLATE_NOOP("documents", "Malicious code"),
            QT_TRANSLATE_NOOP("documents", "Sensitive content"),
            QT_TRANSLATE_NOOP("documents", "Availability"),
            QT_TRANSLATE_NOOP("documents", "Result"),
        )
    ]
    by_site = {w.site_code: w for w in report.monitoring if w.week == report.period.label}
    small = styles().cell_small
    for code, name, url in report.sites:
        week = by_site.get(code)
        site_cell = para(f"{name}\n{url}", small)
        if week is None:
            missing = coloured(tr(translate, QT_TRANSLATE_NOOP("documents", "No record")), BAD_INK)
            data.append([site_cell, "", "", "", "", para(missing, small, markup=True)])
            continue
        result = (
            coloured(tr(translate, QT_TRANSLATE_NOOP("documents", "Normal")), OK_INK)
            if week.findings == 0
            else coloured(
                week.note or tr(translate, QT_TRANSLATE_NOOP("documents", "See notes")), BAD_INK
            )
        )
        data.append(
            [
                site_cell,
                *[para(str(getattr(week, f)), styles().cell_center) for f in FINDINGS],
                para(result, small, markup=True),
            ]
        )
    # Each finding column holds "可用性事件" (five characters) on one line.
    fractions = (0.32, 0.12, 0.12, 0.12, 0.12, 0.2)
    return table(data, [width * f for f in fractions])


def weekly_pdf(report: PeriodReport, translate: Translate = identity) -> bytes:
    """The 安全服务周报 of ``report.period`` (an ISO week) as PDF bytes."""
    title = tr(translate, QT_TRANSLATE_NOOP("documents", "Weekly Security Service Report"))
    subtitle = tr(
        translate,
        QT_TRANSLATE_NOOP("documents", "Week {week} · {first} to {last}"),
        week=report.period.label,
        first=report.period.first.isoformat(),
        last=report.period.last.isoformat(),
    )
    week_rows = [w for w in report.monitoring if w.week == report.period.label]
    findings = sum(w.findings for w in week_rows)
    s = report.sla
    rows = [
        (
            tr(translate, QT_TRANSLATE_NOOP("documents", "Websites monitored")),
            f"{len({w.site_code for w in week_rows})} / {len(report.sites)}",
        ),
        (
            tr(translate, QT_TRANSLATE_NOOP("documents", "Website monitoring findings")),
            str(findings),
        ),
        (tr(translate, QT_TRANSLATE_NOOP("documents", "Work orders")), str(s.orders)),
        (tr(translate, QT_TRANSLATE_NOOP("documents", "Overdue work orders")), str(s.breached)),
        (
            tr(translate, QT_TRANSLATE_NOOP("documents", "SLA compliance")),
            figures.percent(s.compliance),
        ),
        (
            tr(translate, QT_TRANSLATE_NOOP("documents", "Penalty exposure (period)")),
            money(s.exposure_cny),
        ),
        (
            tr(translate, QT_TRANSLATE_NOOP("documents", "Inspections done / scheduled")),
            f"{report.inspections.done} / {report.inspections.expected}",
        ),
        (
            tr(translate, QT_TRANSLATE_NOOP("documents", "Inspection rounds")),
            str(len(report.rounds)),
        ),
    ]
    story = opening(translate, title, subtitle, rows)
    story.append(
        remark(
            translate,
            QT_TRANSLATE_NOOP("documents", "Figures as of {time}."),
            time=fmt_local(report.generated_at),
        )
    )
    story.append(
        section(translate, 2, QT_TRANSLATE_NOOP("documents", "Website security monitoring (7×24)"))
    )
    story.append(_site_table(translate, report))
    notes = [w for w in week_rows if w.note]
    for w in notes:
        story.append(note(f"{w.site_name}：{w.note}"))
    story.append(
        section(translate, 3, QT_TRANSLATE_NOOP("documents", "Vulnerability scans this week"))
    )
    story.append(scans_table(translate, report))
    story.append(
        section(translate, 4, QT_TRANSLATE_NOOP("documents", "Maintenance work this week"))
    )
    story.append(orders_or_none(translate, report.orders))
    if report.breached_orders:
        story.append(Spacer(1, 6))
        story.append(breaches_table(translate, report.breached_orders))
    story.append(section(translate, 5, QT_TRANSLATE_NOOP("documents", "Inspections")))
    story.append(rounds_or_none(translate, report))
    story.append(
        section(translate, 6, QT_TRANSLATE_NOOP("documents", "Deliverables this week and next"))
    )
    story.append(deliverables_or_none(translate, report.deliverables))
    story.extend(quota_remarks(translate, report.quotas))
    register_sections(story, report.registers, 7)
    story = keep_tail(story, sign_off(translate, report.head))
    return period_pdf(story, translate, title, report)
