"""The tables and paragraphs that the period reports and the acceptance pack share.

Builders of reportlab flowables from plain read models (:mod:`workbench.domain`): cells,
section titles and notes, the key-figure grid, the work-order, breach, inspection-round,
scan, deliverable and payment tables, the charts as images, the title block and the
sign-off boxes. The monthly report (:mod:`workbench.reports.monthly`), the weekly report
and the acceptance index are put together from them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Image, KeepTogether, Spacer, Table, TableStyle

from workbench.domain import clocks as clock_rules
from workbench.domain import deliverables as calendar
from workbench.domain import excuses as excuse_rules
from workbench.domain import reporting as figures
from workbench.domain import settlement as settlement_rules
from workbench.domain import workorders as wo_rules
from workbench.domain.deliverables import DeliverableRow, DeliverableSummary, PaymentRow
from workbench.domain.documents import HeadDoc
from workbench.domain.messages import QT_TRANSLATE_NOOP
from workbench.domain.registers import ReportSection
from workbench.domain.reporting import PeriodReport
from workbench.domain.timeutil import fmt_local
from workbench.domain.workorders import WorkOrderRow
from workbench.reports import charts
from workbench.reports.pdfkit import (
    BAD_INK,
    OK_INK,
    RULE,
    WARN_INK,
    PageInfo,
    Translate,
    build_pdf,
    coloured,
    content_width,
    head_qr,
    head_text,
    header_cells,
    money,
    para,
    signature_row,
    styles,
    table,
    tr,
)

DELIVERABLE_STATE_NAMES = {
    calendar.DELIVERED: QT_TRANSLATE_NOOP("documents", "Delivered"),
    calendar.OVERDUE: QT_TRANSLATE_NOOP("documents", "Overdue"),
    calendar.DUE: QT_TRANSLATE_NOOP("documents", "Due"),
    calendar.PLANNED: QT_TRANSLATE_NOOP("documents", "Planned"),
    calendar.BEFORE_RECORDS: QT_TRANSLATE_NOOP("documents", "Before the records began"),
}
PAYMENT_STATE_NAMES = {
    "paid": QT_TRANSLATE_NOOP("documents", "Paid"),
    "invoiced": QT_TRANSLATE_NOOP("documents", "Invoiced"),
    "overdue": QT_TRANSLATE_NOOP("documents", "Overdue"),
    "open": QT_TRANSLATE_NOOP("documents", "Not yet paid"),
}
ROUND_KIND_NAMES = {
    "routine": QT_TRANSLATE_NOOP("documents", "Routine"),
    "key_period": QT_TRANSLATE_NOOP("documents", "Key period"),
}
ROUND_STATUS_NAMES = {
    "running": QT_TRANSLATE_NOOP("documents", "Running"),
    "paused": QT_TRANSLATE_NOOP("documents", "Paused"),
    "finished": QT_TRANSLATE_NOOP("documents", "Completed"),
    "signed": QT_TRANSLATE_NOOP("documents", "Signed"),
}


def _t(translate: Translate, context: str, text: str) -> str:
    return translate(context, text)


def cell(text: str) -> Any:
    return para(text, styles().cell)


def small(text: str) -> Any:
    return para(text, styles().cell_small)


def centre(text: str) -> Any:
    return para(text, styles().cell_center)


def right(text: str) -> Any:
    return para(text, styles().cell_right)


def section(translate: Translate, number: int, title: str) -> Any:
    return para(f"{number}. {tr(translate, title)}", styles().section)


def note(text: str) -> Any:
    return para(text, styles().small)


def remark(translate: Translate, template: str, /, **params: Any) -> Any:
    """A note from a template: translated, filled in."""
    return note(tr(translate, template, **params))


def key_figures(rows: Sequence[tuple[str, str]]) -> Any:
    """Two columns of label / value pairs."""
    width = content_width()
    half = (len(rows) + 1) // 2
    left, right_rows = rows[:half], rows[half:]
    data = []
    for i in range(half):
        line: list[Any] = [cell(left[i][0]), right(left[i][1])]
        if i < len(right_rows):
            line += [cell(right_rows[i][0]), right(right_rows[i][1])]
        else:
            line += ["", ""]
        data.append(line)
    return table(
        data,
        [width * 0.32, width * 0.18, width * 0.32, width * 0.18],
        header=False,
        extra=[
            ("BACKGROUND", (0, 0), (0, -1), (0.96, 0.96, 0.96)),
            ("BACKGROUND", (2, 0), (2, -1), (0.96, 0.96, 0.96)),
        ],
    )


def sla_figures(
    translate: Translate, sla: figures.SlaSummary, restore: figures.RestoreStats
) -> list[tuple[str, str]]:
    """The key figures of an SLA record: orders, faults on the clock, overdue orders,
    compliance, and the median and 90th percentile of the time to restore."""

    def t(text: str) -> str:
        return tr(translate, text)

    def minutes(value: float | None) -> str:
        return "—" if value is None else f"{value:.0f} min"

    return [
        (t(QT_TRANSLATE_NOOP("documents", "Work orders")), str(sla.orders)),
        (t(QT_TRANSLATE_NOOP("documents", "Faults under the SLA clock")), str(sla.clocked)),
        (t(QT_TRANSLATE_NOOP("documents", "Overdue work orders")), str(sla.breached)),
        (t(QT_TRANSLATE_NOOP("documents", "SLA compliance")), figures.percent(sla.compliance)),
        (
            t(QT_TRANSLATE_NOOP("documents", "Time to restore, median")),
            minutes(restore.median_minutes),
        ),
        (
            t(QT_TRANSLATE_NOOP("documents", "Time to restore, 90th percentile")),
            minutes(restore.p90_minutes),
        ),
    ]


def inspections_figure(translate: Translate, inspections: figures.Completion) -> tuple[str, str]:
    """Inspections done against the schedule, with the rate."""
    return (
        tr(translate, QT_TRANSLATE_NOOP("documents", "Inspections done / scheduled")),
        f"{inspections.done} / {inspections.expected}（{figures.percent(inspections.rate)}）",
    )


def sla_result(translate: Translate, row: WorkOrderRow) -> str:
    """Markup: 达标, 超时：响应、恢复, 进行中, or — for orders without a clock."""
    if not row.sla:
        return "—"
    if row.breaches:
        names = "、".join(_t(translate, "workorders", wo_rules.SLA_NAMES[k]) for k in row.breaches)
        return coloured(
            tr(translate, QT_TRANSLATE_NOOP("documents", "Overdue: {items}"), items=names), BAD_INK
        )
    if row.restored_at is None:
        return coloured(tr(translate, QT_TRANSLATE_NOOP("documents", "In progress")), WARN_INK)
    return coloured(tr(translate, QT_TRANSLATE_NOOP("documents", "Met")), OK_INK)


def minutes_between(a: Any, b: Any) -> str:
    if a is None or b is None:
        return ""
    return f"{(b - a).total_seconds() / 60:.0f}"


def orders_table(translate: Translate, rows: Sequence[WorkOrderRow]) -> Any:
    width = content_width()
    header = header_cells(
        translate,
        QT_TRANSLATE_NOOP("documents", "Work order no."),
        QT_TRANSLATE_NOOP("documents", "Type"),
        QT_TRANSLATE_NOOP("documents", "Device"),
        QT_TRANSLATE_NOOP("documents", "Fault"),
        QT_TRANSLATE_NOOP("documents", "Reported at"),
        QT_TRANSLATE_NOOP("documents", "Response (min)"),
        QT_TRANSLATE_NOOP("documents", "Restored (min)"),
        QT_TRANSLATE_NOOP("documents", "SLA"),
    )
    data: list[list[Any]] = [header]
    # A month can hold hundreds of orders: the cells that never wrap (number,
    # minutes) are plain strings drawn by the table, which is several times quicker
    # than a CJK paragraph each; the ones that may wrap stay paragraphs.
    for r in rows:
        data.append(
            [
                r.number,
                small(_t(translate, "workorders", wo_rules.TYPE_NAMES.get(r.type, r.type))),
                small("、".join(r.asset_codes)),
                small(r.description),
                small(fmt_local(r.reported_at)),
                minutes_between(r.reported_at, r.responded_at),
                minutes_between(r.reported_at, r.restored_at),
                para(sla_result(translate, r), styles().cell_small, markup=True),
            ]
        )
    fractions = (0.13, 0.09, 0.12, 0.25, 0.12, 0.08, 0.08, 0.13)
    plain_cells = (
        ("FONTSIZE", (0, 1), (-1, -1), styles().cell_small.fontSize),
        ("TEXTCOLOR", (0, 1), (-1, -1), styles().cell_small.textColor),
        ("ALIGN", (5, 1), (6, -1), "CENTER"),
    )
    return table(data, [width * f for f in fractions], extra=plain_cells)


def breaches_table(translate: Translate, rows: Sequence[WorkOrderRow]) -> Any:
    width = content_width()
    data: list[list[Any]] = [
        header_cells(
            translate,
            QT_TRANSLATE_NOOP("documents", "Work order no."),
            QT_TRANSLATE_NOOP("documents", "Device"),
            QT_TRANSLATE_NOOP("documents", "Reported at"),
            QT_TRANSLATE_NOOP("documents", "Overdue targets"),
            QT_TRANSLATE_NOOP("documents", "Days late"),
            QT_TRANSLATE_NOOP("documents", "Penalty"),
        )
    ]
    for r in rows:
        data.append(
            [
                small(r.number),
                small("、".join(r.asset_codes)),
                small(fmt_local(r.reported_at)),
                small(
                    "、".join(
                        _t(translate, "workorders", wo_rules.SLA_NAMES[k]) for k in r.breaches
                    )
                ),
                centre(str(r.days_late)),
                right(
                    money(r.penalty_cny)
                    + (
                        "\n" + tr(translate, QT_TRANSLATE_NOOP("documents", "Excused"))
                        if r.excused is not None
                        else ""
                    )
                ),
            ]
        )
    total = sum((r.penalty_cny for r in rows), Decimal("0.00"))
    data.append(
        [
            cell(tr(translate, QT_TRANSLATE_NOOP("documents", "Total"))),
            "",
            "",
            "",
            "",
            right(money(total)),
        ]
    )
    fractions = (0.16, 0.16, 0.18, 0.22, 0.11, 0.17)
    return table(
        data,
        [width * f for f in fractions],
        extra=[("SPAN", (0, -1), (4, -1)), ("BACKGROUND", (0, -1), (-1, -1), (0.96, 0.96, 0.96))],
    )


def scans_table(translate: Translate, report: PeriodReport) -> Any:
    width = content_width()
    data: list[list[Any]] = [
        header_cells(
            translate,
            QT_TRANSLATE_NOOP("documents", "Website"),
            QT_TRANSLATE_NOOP("documents", "Scanned"),
            # (vulnerability severities: not the work-order priorities High/Medium/Low,
            # which share the context and would take one translation for both)
            QT_TRANSLATE_NOOP("documents", "High risk"),
            QT_TRANSLATE_NOOP("documents", "Medium risk"),
            QT_TRANSLATE_NOOP("documents", "Low risk"),
            QT_TRANSLATE_NOOP("documents", "Fixed"),
            QT_TRANSLATE_NOOP("documents", "Open"),
            QT_TRANSLATE_NOOP("documents", "Notes"),
        )
    ]
    for s in report.scans:
        data.append(
            [
                small(f"{s.site_name}\n{s.url}"),
                small(s.scanned_on.isoformat()),
                centre(str(s.high)),
                centre(str(s.medium)),
                centre(str(s.low)),
                centre(str(s.fixed)),
                centre(str(s.open)),
                small(s.note),
            ]
        )
    scanned = {s.site_code for s in report.scans}
    for code, name, url in report.sites:
        if code not in scanned:
            data.append(
                [
                    small(f"{name}\n{url}"),
                    para(
                        coloured(
                            tr(translate, QT_TRANSLATE_NOOP("documents", "Not scanned")), BAD_INK
                        ),
                        styles().cell_small,
                        markup=True,
                    ),
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                ]
            )
    # Each count column holds "已修复" / "未修复" (three characters) on one line.
    fractions = (0.28, 0.12, 0.08, 0.08, 0.08, 0.08, 0.08, 0.2)
    return table(data, [width * f for f in fractions])


def deliverables_table(translate: Translate, rows: Sequence[DeliverableRow]) -> Any:
    width = content_width()
    data: list[list[Any]] = [
        header_cells(
            translate,
            QT_TRANSLATE_NOOP("documents", "Deliverable"),
            QT_TRANSLATE_NOOP("documents", "Period"),
            QT_TRANSLATE_NOOP("documents", "Website"),
            QT_TRANSLATE_NOOP("documents", "Due"),
            QT_TRANSLATE_NOOP("documents", "Delivered"),
            QT_TRANSLATE_NOOP("documents", "State"),
        )
    ]
    colours = {calendar.DELIVERED: OK_INK, calendar.OVERDUE: BAD_INK, calendar.DUE: WARN_INK}
    for d in rows:
        state_text = tr(translate, DELIVERABLE_STATE_NAMES[d.state])
        if d.delivered_on is not None and d.delivered_on > d.due_on:
            state_text += tr(
                translate,
                QT_TRANSLATE_NOOP("documents", " ({n} d late)"),
                n=(d.delivered_on - d.due_on).days,
            )
        data.append(
            [
                small(d.name if d.key != "staff_change_notice" else f"{d.name}：{d.title}"),
                small(d.period.split("#")[0]),
                small(d.site_name),
                small(d.due_on.isoformat()),
                small(d.delivered_on.isoformat() if d.delivered_on else ""),
                para(
                    coloured(state_text, colours.get(d.state, styles().cell.textColor)),
                    styles().cell_small,
                    markup=True,
                ),
            ]
        )
    fractions = (0.27, 0.12, 0.21, 0.12, 0.12, 0.16)
    return table(data, [width * f for f in fractions])


def payments_table(translate: Translate, rows: Sequence[PaymentRow]) -> Any:
    width = content_width()
    data: list[list[Any]] = [
        header_cells(
            translate,
            QT_TRANSLATE_NOOP("documents", "No."),
            QT_TRANSLATE_NOOP("documents", "Payment"),
            QT_TRANSLATE_NOOP("documents", "Amount"),
            QT_TRANSLATE_NOOP("documents", "Due"),
            QT_TRANSLATE_NOOP("documents", "Invoice issued"),
            QT_TRANSLATE_NOOP("documents", "Paid"),
            QT_TRANSLATE_NOOP("documents", "State"),
        )
    ]
    for p in rows:
        data.append(
            [
                centre(str(p.seq)),
                small(p.description),
                right(money(p.amount_cny)),
                small(p.due_on.isoformat() if p.due_on else p.condition),
                small(p.invoice_issued_on.isoformat() if p.invoice_issued_on else ""),
                small(p.paid_on.isoformat() if p.paid_on else ""),
                small(tr(translate, PAYMENT_STATE_NAMES[p.state])),
            ]
        )
    fractions = (0.06, 0.34, 0.14, 0.14, 0.11, 0.11, 0.1)
    return table(data, [width * f for f in fractions])


def chart_images(
    translate: Translate,
    series: Sequence[figures.MonthFigures],
    categories: dict[str, str],
    restore_target: int | None,
) -> list[Any]:
    """The four charts as images, full width."""
    width = content_width()
    height = width * 0.36
    drawings = [
        lambda ax: charts.draw_faults_by_category(ax, series, categories, translate),
        lambda ax: charts.draw_sla_compliance(ax, series, translate),
        lambda ax: charts.draw_restore_times(ax, series, restore_target, translate),
        lambda ax: charts.draw_inspection_completion(ax, series, translate),
    ]
    images: list[Any] = []
    import io

    for draw in drawings:
        png = charts.render_png(draw, width_in=width / 72, height_in=height / 72, dpi=200)
        images.append(Image(io.BytesIO(png), width=width, height=height))
        images.append(Spacer(1, 3 * mm))
    return images


def rounds_table(translate: Translate, report: PeriodReport) -> Any:
    width = content_width()
    data: list[list[Any]] = [
        header_cells(
            translate,
            QT_TRANSLATE_NOOP("documents", "Round"),
            QT_TRANSLATE_NOOP("documents", "Kind"),
            QT_TRANSLATE_NOOP("documents", "Started"),
            QT_TRANSLATE_NOOP("documents", "Engineer"),
            QT_TRANSLATE_NOOP("documents", "Devices checked"),
            QT_TRANSLATE_NOOP("documents", "Exceptions"),
            QT_TRANSLATE_NOOP("documents", "State"),
        )
    ]
    for r in report.rounds:
        data.append(
            [
                small(r.number),
                small(tr(translate, ROUND_KIND_NAMES.get(r.kind, r.kind))),
                small(fmt_local(r.started_at)),
                small(r.engineer_name),
                centre(f"{r.devices_checked}/{r.devices_total}"),
                centre(str(r.failures)),
                small(tr(translate, ROUND_STATUS_NAMES.get(r.status, r.status))),
            ]
        )
    fractions = (0.17, 0.12, 0.18, 0.13, 0.14, 0.12, 0.14)
    return table(data, [width * f for f in fractions])


# The tables as the period reports show them: a line in words where there is nothing.


def orders_or_none(translate: Translate, rows: Sequence[WorkOrderRow]) -> Any:
    if not rows:
        return remark(translate, QT_TRANSLATE_NOOP("documents", "No work orders."))
    return orders_table(translate, rows)


def breaches_or_none(translate: Translate, rows: Sequence[WorkOrderRow]) -> Any:
    if not rows:
        return remark(translate, QT_TRANSLATE_NOOP("documents", "No SLA target was missed."))
    return breaches_table(translate, rows)


def rounds_or_none(translate: Translate, report: PeriodReport) -> Any:
    if not report.rounds:
        return remark(translate, QT_TRANSLATE_NOOP("documents", "No inspection rounds."))
    return rounds_table(translate, report)


def deliverables_or_none(translate: Translate, rows: Sequence[DeliverableRow]) -> Any:
    if not rows:
        return remark(translate, QT_TRANSLATE_NOOP("documents", "Nothing due."))
    return deliverables_table(translate, rows)


def quota_remarks(translate: Translate, quotas: Sequence[DeliverableSummary]) -> list[Any]:
    """A line per yearly count (一、2): done so far, the count, and the pace, never "overdue"
    before the year's end (the contract sets a count for the year, not a schedule)."""
    lines = []
    for q in quotas:
        if q.minimum is None:
            continue
        lines.append(
            remark(
                translate,
                QT_TRANSLATE_NOOP(
                    "documents",
                    "{name} ({clause}): {done} done of at least {minimum} in the contract "
                    "year; at a steady pace {pace} by the end of this period. The count is "
                    "due at the year's end.",
                ),
                name=q.name,
                clause=q.clause,
                done=q.delivered,
                minimum=q.minimum,
                pace=q.on_pace if q.on_pace is not None else "—",
            )
        )
    return lines


def _head_block(translate: Translate, head: HeadDoc, signs_head: bool) -> Any:
    """The store's head beside the signature boxes: as text, and in a QR code that
    ``workbench verify --paper`` and the scanner check."""
    if signs_head:
        template = QT_TRANSLATE_NOOP(
            "documents",
            "By signing this report, Party A's representative confirms the store head "
            "{head} of {time}. Keep this signed page: 'workbench verify --anchor {anchor}' "
            "proves later that no record up to this head was changed or removed.",
        )
    else:
        template = QT_TRANSLATE_NOOP(
            "documents",
            "{head}, when this report was made; check it with "
            "'workbench verify --anchor {anchor}'.",
        )
    text = tr(
        translate,
        template,
        head=head_text(translate, head) if not signs_head else head.short,
        time=fmt_local(head.at),
        anchor=head.anchor,
    )
    qr_side = 22 * mm
    row = Table(
        [[para(text, styles().small), head_qr(translate, head, qr_side)]],
        colWidths=[content_width() - qr_side - 4 * mm, qr_side + 4 * mm],
    )
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (1, 0), (1, 0), "RIGHT"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]
    if signs_head:  # framed: the line Party A signs
        commands += [("BOX", (0, 0), (-1, -1), 0.6, RULE), ("LEFTPADDING", (0, 0), (0, 0), 3)]
    row.setStyle(TableStyle(commands))
    return row


def sign_off(translate: Translate, head: HeadDoc | None = None, *, signs_head: bool = False) -> Any:
    """The signature boxes of a report; with the store's head beside them when given
    (``signs_head``: the monthly report, whose head Party A signs)."""
    block: list[Any] = [Spacer(1, 6 * mm)]
    if head is not None:
        block += [_head_block(translate, head, signs_head), Spacer(1, 2 * mm)]
    block.append(
        signature_row(
            translate,
            (),
            content_width(),
            (
                (
                    "engineer",
                    tr(translate, QT_TRANSLATE_NOOP("documents", "Prepared by (Party B)")),
                ),
                (
                    "client",
                    tr(translate, QT_TRANSLATE_NOOP("documents", "Confirmed by (Party A)")),
                ),
            ),
        )
    )
    return KeepTogether(block)


def opening(
    translate: Translate, title: str, subtitle: str, figures_rows: Sequence[tuple[str, str]]
) -> list[Any]:
    """How a period document begins: the title block, then 1. Summary and its key figures."""
    return [
        para(title, styles().title),
        para(subtitle, styles().subtitle),
        Spacer(1, 4 * mm),
        section(translate, 1, QT_TRANSLATE_NOOP("documents", "Summary")),
        key_figures(figures_rows),
    ]


def period_pdf(story: list[Any], translate: Translate, title: str, report: PeriodReport) -> bytes:
    """A weekly or monthly report's pages: the contract in the header, the period as the
    reference, the report's time as the printing time."""
    info = PageInfo(
        title=title,
        contract=report.contract,
        translate=translate,
        printed_at=report.generated_at,
        demo=report.demo,
        reference=report.period.label,
        head=report.head,
    )
    return build_pdf(story, info)


def register_sections(
    story: list[Any], sections: Sequence[ReportSection], first_number: int
) -> int:
    """Append the registers' sections (already translated) numbered from ``first_number``;
    the next free number."""
    number = first_number
    for s in sections:
        story.append(para(f"{number}. {s.title}", styles().section))
        if s.rows:
            head = [small(title) for title, _width in s.columns]
            body = [[small(text) for text in row] for row in s.rows]
            story.append(table([head, *body], [width * mm for _title, width in s.columns]))
        elif s.empty:
            story.append(note(s.empty))
        if s.remark:
            story.append(note(s.remark))
        number += 1
    return number


# -- the settlement statement (结算单) -------------------------------------------------------

_CUTOFF_BASIS = {
    "paid": QT_TRANSLATE_NOOP("documents", "paid"),
    "due": QT_TRANSLATE_NOOP("documents", "due date"),
    "contract_end": QT_TRANSLATE_NOOP("documents", "contract end"),
}


def _hours(length: dt.timedelta | None) -> str:
    return "" if length is None or not length else clock_rules.format_duration(length)


def settlement_orders_table(translate: Translate, charges: settlement_rules.Charges) -> Any:
    """The orders a statement counts: each breach (excused apart) and extension."""
    width = content_width()
    data: list[list[Any]] = [
        header_cells(
            translate,
            QT_TRANSLATE_NOOP("documents", "Work order no."),
            QT_TRANSLATE_NOOP("documents", "Reported at"),
            QT_TRANSLATE_NOOP("documents", "Overdue targets"),
            QT_TRANSLATE_NOOP("documents", "Late (h:mm)"),
            QT_TRANSLATE_NOOP("documents", "八、1 (contract rule)"),
            QT_TRANSLATE_NOOP("documents", "八、1 worst case"),
            QT_TRANSLATE_NOOP("documents", "八、5"),
            QT_TRANSLATE_NOOP("documents", "Note"),
        )
    ]
    for o in charges.orders:
        notes = []
        if o.excused is not None:
            notes.append(
                tr(
                    translate,
                    QT_TRANSLATE_NOOP("documents", "Excused ({kind}): not charged {amount}"),
                    kind=_t(translate, "registers", excuse_rules.KIND_LABELS[o.excused.kind]),
                    amount=money(o.excused.penalty_cny + o.excused.client_deadline_cny),
                )
            )
        if o.extension:
            notes.append(
                tr(
                    translate,
                    QT_TRANSLATE_NOOP("documents", "Service period extended {length} (五、5.2.3)"),
                    length=_hours(o.extension),
                )
            )
        if o.termination_right:
            notes.append(tr(translate, QT_TRANSLATE_NOOP("documents", "Termination right (八、1)")))
        data.append(
            [
                small(o.number),
                small(fmt_local(o.reported_at)),
                small(
                    "、".join(
                        _t(translate, "workorders", wo_rules.SLA_NAMES.get(k, k))
                        for k in o.breaches
                    )
                ),
                centre(_hours(o.late_by)),
                right(money(o.penalty_cny)),
                right(money(o.penalty_worst_cny)),
                right(money(o.client_deadline_cny)),
                small("；".join(notes)),
            ]
        )
    fractions = (0.13, 0.14, 0.11, 0.09, 0.11, 0.11, 0.09, 0.22)
    return table(data, [width * f for f in fractions])


def settlement_payments_table(translate: Translate, whole: settlement_rules.Settlement) -> Any:
    """Each payment: amount, its period, the damages set off, excused, extension, net."""
    width = content_width()
    data: list[list[Any]] = [
        header_cells(
            translate,
            QT_TRANSLATE_NOOP("documents", "No."),
            QT_TRANSLATE_NOOP("documents", "Amount due"),
            QT_TRANSLATE_NOOP("documents", "Orders reported"),
            QT_TRANSLATE_NOOP("documents", "Damages (contract rule)"),
            QT_TRANSLATE_NOOP("documents", "Damages (worst case)"),
            QT_TRANSLATE_NOOP("documents", "Excused"),
            QT_TRANSLATE_NOOP("documents", "Extension (h:mm)"),
            QT_TRANSLATE_NOOP("documents", "Net payable"),
            QT_TRANSLATE_NOOP("documents", "Net (worst case)"),
        )
    ]
    for p in whole.payments:
        period = tr(
            translate,
            QT_TRANSLATE_NOOP("documents", "{first} – {last} ({basis})"),
            first=p.period_from.isoformat(),
            last=p.period_to.isoformat(),
            basis=tr(translate, _CUTOFF_BASIS[p.cutoff_basis]),
        )
        damages = money(p.charges.deduction_cny)
        if p.carried_in_cny:
            damages += "\n" + tr(
                translate,
                QT_TRANSLATE_NOOP("documents", "+ {amount} carried in"),
                amount=money(p.carried_in_cny),
            )
        data.append(
            [
                centre(str(p.payment.seq)),
                right(money(p.payment.amount_cny)),
                small(period),
                right(damages),
                right(money(p.charges.deduction_worst_cny)),
                right(money(p.charges.excused_cny)),
                centre(_hours(p.charges.extension) or "—"),
                right(money(p.net_cny)),
                right(money(p.net_worst_cny)),
            ]
        )
    data.append(
        [
            "",
            right(money(whole.amount_cny)),
            cell(tr(translate, QT_TRANSLATE_NOOP("documents", "Total"))),
            right(money(whole.deduction_cny)),
            right(money(whole.deduction_worst_cny)),
            right(money(whole.excused_cny)),
            "",
            right(money(whole.net_cny)),
            right(money(whole.net_worst_cny)),
        ]
    )
    fractions = (0.06, 0.15, 0.12, 0.10, 0.10, 0.10, 0.07, 0.15, 0.15)
    return table(
        data,
        [width * f for f in fractions],
        extra=[("BACKGROUND", (0, -1), (-1, -1), (0.96, 0.96, 0.96))],
    )


def settlement_story(
    translate: Translate,
    whole: settlement_rules.Settlement,
    month: settlement_rules.MonthSettlement | None = None,
) -> list[Any]:
    """The statement: the month's charges (when given), every payment, the basis."""
    story: list[Any] = []
    if month is not None:
        c = month.charges
        story.append(
            remark(
                translate,
                QT_TRANSLATE_NOOP(
                    "documents",
                    "Orders reported in {month}: {charged} charged, {excused} excused. "
                    "Damages {amount} under the contract's rule, {worst} in the worst case "
                    "(of which 八、5: {client}); excused, not charged: {excused_amount}; "
                    "service period extension: {extension}. Set off against payment {payments}.",
                ),
                month=month.month,
                charged=len(c.charged),
                excused=len(c.excused),
                amount=money(c.deduction_cny),
                worst=money(c.deduction_worst_cny),
                client=money(c.client_deadline_cny),
                excused_amount=money(c.excused_cny),
                extension=_hours(c.extension) or "0:00",
                payments="、".join(str(p.payment.seq) for p in month.payments) or "—",
            )
        )
        if c.orders:
            story.append(settlement_orders_table(translate, c))
        story.append(Spacer(1, 3 * mm))
    story.append(settlement_payments_table(translate, whole))
    for line in whole.basis:
        story.append(note(line.render(translate)))
    return story
