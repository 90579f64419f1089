"""运维服务月报: the monthly operations report.

A function from :class:`workbench.domain.reporting.PeriodReport` to PDF bytes: summary,
inspections done against due, work orders with their SLA results, breaches and penalty
exposure, security monitoring and scans, deliverables and payments, charts (matplotlib,
Agg, as images), and the sign-off boxes for the client's confirmation on paper.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from workbench.domain import deliverables as calendar
from workbench.domain import reporting as figures
from workbench.domain.messages import QT_TRANSLATE_NOOP
from workbench.domain.monitoring import FINDINGS
from workbench.domain.reporting import PeriodReport
from workbench.domain.timeutil import fmt_local
from workbench.reports.pdfkit import (
    Translate,
    content_width,
    header_cells,
    identity,
    keep_tail,
    money,
    table,
    tr,
)
from workbench.reports.tables import (
    breaches_or_none,
    centre,
    chart_images,
    deliverables_or_none,
    inspections_figure,
    opening,
    orders_or_none,
    payments_table,
    period_pdf,
    quota_remarks,
    register_sections,
    remark,
    rounds_or_none,
    scans_table,
    section,
    settlement_story,
    sign_off,
    sla_figures,
    small,
)

FINDING_HEADERS = (
    QT_TRANSLATE_NOOP("documents", "Defacement"),
    QT_TRANSLATE_NOOP("documents", "Malicious code"),
    QT_TRANSLATE_NOOP("documents", "Sensitive content"),
    QT_TRANSLATE_NOOP("documents", "Availability"),
)


def monitoring_table(translate: Translate, report: PeriodReport) -> Any:
    width = content_width()
    data: list[list[Any]] = [
        header_cells(
            translate,
            QT_TRANSLATE_NOOP("documents", "Week"),
            QT_TRANSLATE_NOOP("documents", "Website"),
            *FINDING_HEADERS,
            QT_TRANSLATE_NOOP("documents", "Notes"),
        )
    ]
    for w in report.monitoring:
        data.append(
            [
                small(w.week),
                small(w.site_name),
                *[centre(str(getattr(w, f))) for f in FINDINGS],
                small(w.note),
            ]
        )
    # Each finding column holds "可用性事件" (five characters) on one line.
    fractions = (0.1, 0.22, 0.12, 0.12, 0.12, 0.12, 0.2)
    return table(data, [width * f for f in fractions])


def summary_rows(translate: Translate, report: PeriodReport) -> list[tuple[str, str]]:
    s = report.sla
    findings = sum(w.findings for w in report.monitoring)
    vulns = sum(x.total for x in report.scans)
    still_open = sum(x.open for x in report.scans)
    delivered = sum(1 for d in report.deliverables if d.state == calendar.DELIVERED)
    overdue = sum(1 for d in report.deliverables if d.state == calendar.OVERDUE)

    def t(text: str) -> str:
        return tr(translate, text)

    return [
        *sla_figures(translate, s, report.restore),
        (t(QT_TRANSLATE_NOOP("documents", "Penalty exposure (period)")), money(s.exposure_cny)),
        (
            t(QT_TRANSLATE_NOOP("documents", "Penalty exposure (contract year)")),
            money(report.year_sla.exposure_cny),
        ),
        inspections_figure(translate, report.inspections),
        (t(QT_TRANSLATE_NOOP("documents", "Inspection rounds")), str(len(report.rounds))),
        (t(QT_TRANSLATE_NOOP("documents", "Website monitoring findings")), str(findings)),
        (
            t(QT_TRANSLATE_NOOP("documents", "Vulnerabilities found / still open")),
            f"{vulns} / {still_open}",
        ),
        (t(QT_TRANSLATE_NOOP("documents", "Deliverables delivered")), str(delivered)),
        (t(QT_TRANSLATE_NOOP("documents", "Deliverables overdue")), str(overdue)),
    ]


def monthly_pdf(report: PeriodReport, translate: Translate = identity) -> bytes:
    """The 运维服务月报 of ``report.period`` as PDF bytes."""
    first = report.period.first
    title = tr(translate, QT_TRANSLATE_NOOP("documents", "Monthly Operations Report"))
    subtitle = tr(
        translate,
        QT_TRANSLATE_NOOP("documents", "{year}-{month:02d} · period {first} to {last}"),
        year=first.year,
        month=first.month,
        first=report.period.first.isoformat(),
        last=report.period.last.isoformat(),
    )
    story = opening(translate, title, subtitle, summary_rows(translate, report))
    story.append(
        remark(
            translate,
            QT_TRANSLATE_NOOP(
                "documents",
                "SLA compliance counts faults and inspection findings whose outcome is known "
                "(restored, or past a deadline). Penalty exposure follows clause 8.1: {rate} "
                "of the contract total per day late, per work order. Figures as of {time}.",
            ),
            rate=f"{(report.late_rate_per_day * 1000).normalize():f}‰",
            time=fmt_local(report.generated_at),
        )
    )

    story.append(section(translate, 2, QT_TRANSLATE_NOOP("documents", "Inspections")))
    story.append(
        remark(
            translate,
            QT_TRANSLATE_NOOP(
                "documents",
                "{done} of {expected} scheduled device inspections were done ({rate}).",
            ),
            done=report.inspections.done,
            expected=report.inspections.expected,
            rate=figures.percent(report.inspections.rate),
        )
    )
    story.append(rounds_or_none(translate, report))

    story.append(
        section(translate, 3, QT_TRANSLATE_NOOP("documents", "Work orders and SLA results"))
    )
    story.append(orders_or_none(translate, report.orders))

    story.append(
        section(translate, 4, QT_TRANSLATE_NOOP("documents", "Breaches and penalty exposure"))
    )
    story.append(breaches_or_none(translate, report.breached_orders))
    story.append(
        remark(
            translate,
            QT_TRANSLATE_NOOP(
                "documents",
                "Contract year so far: {breached} overdue work orders, exposure {amount}.",
            ),
            breached=report.year_sla.breached,
            amount=money(report.year_sla.exposure_cny),
        )
    )

    story.append(
        section(
            translate,
            5,
            QT_TRANSLATE_NOOP("documents", "Website security monitoring and vulnerability scans"),
        )
    )
    if report.monitoring:
        story.append(monitoring_table(translate, report))
    else:
        story.append(remark(translate, QT_TRANSLATE_NOOP("documents", "No monitoring records.")))
    story.append(Spacer(1, 3 * mm))
    story.append(scans_table(translate, report))

    story.append(section(translate, 6, QT_TRANSLATE_NOOP("documents", "Deliverables and payments")))
    story.append(deliverables_or_none(translate, report.deliverables))
    story.extend(quota_remarks(translate, report.quotas))
    story.append(Spacer(1, 3 * mm))
    story.append(payments_table(translate, report.payments))

    if report.settlement is not None:
        story.append(
            section(translate, 7, QT_TRANSLATE_NOOP("documents", "Settlement statement (结算单)"))
        )
        story.extend(settlement_story(translate, report.settlement, report.month_settlement))

    story.append(section(translate, 8, QT_TRANSLATE_NOOP("documents", "Charts (contract year)")))
    story.extend(
        chart_images(translate, report.series, report.categories, report.restore_target_minutes)
    )

    if report.work_log:
        story.append(section(translate, 9, QT_TRANSLATE_NOOP("documents", "Other work")))
        width = content_width()
        data: list[list[Any]] = [
            header_cells(
                translate,
                QT_TRANSLATE_NOOP("documents", "Time"),
                QT_TRANSLATE_NOOP("documents", "Engineer"),
                QT_TRANSLATE_NOOP("documents", "Work"),
            )
        ]
        for e in report.work_log:
            data.append([small(fmt_local(e.at)), small(e.engineer_name), small(e.text)])
        story.append(table(data, [width * 0.2, width * 0.14, width * 0.66]))

    register_sections(story, report.registers, 10 if report.work_log else 9)

    # The signature boxes never alone on the last page: the last rows or chart go with them.
    story = keep_tail(story, sign_off(translate, report.head, signs_head=True))
    return period_pdf(story, translate, title, report)
