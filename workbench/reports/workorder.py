"""The printed work order (运维服务工单): what the client representative signs.

A4, one or more pages: the parties and contract number on every page; the order's facts;
the devices; the contract's clock with each target, its deadline, the actual time,
whether it was met (in words, not only in colour) and how late (h:mm), citing the
clauses in the contract's words (一、6 and 五、5.2.2 for the limits, 八、1 for penalties);
the penalty amount only when a setting asks for it (a signature confirms facts, not an
amount); the work log, the cause and the result (a contractor-caused fault: the
free-repair duty, and the extension of the service period only when a deadline the
client set was missed, 五、5.2.3); amendments; both signatures as drawn; and, once
signed, a QR code with the order number and its record hash so that the paper can be
checked against the store by scanning it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table

from workbench.domain import clocks
from workbench.domain.clocks import EXTENSION_LINE, FREE_REPAIR_LINE
from workbench.domain.contract import BEGUN_DAYS
from workbench.domain.documents import LogLine, SlaLine, WorkOrderDoc
from workbench.domain.messages import QT_TRANSLATE_NOOP, Message
from workbench.domain.sla import day_rule_label
from workbench.domain.timeutil import fmt_local
from workbench.reports.pdfkit import (
    BAD_INK,
    LABEL_FILL,
    OK_INK,
    WARN_INK,
    PageInfo,
    Translate,
    build_pdf,
    coloured,
    content_width,
    duration,
    header_cells,
    identity,
    minutes_text,
    money,
    numbered_section,
    para,
    printed_time,
    record_sign_off,
    record_title,
    styles,
    table,
    tr,
    unsigned_stamp,
    verify_qr,
)

TYPE_NAMES = {
    "fault": QT_TRANSLATE_NOOP("documents", "Fault report"),
    "inspection_finding": QT_TRANSLATE_NOOP("documents", "Inspection finding"),
    "service_request": QT_TRANSLATE_NOOP("documents", "Service request"),
    "hardening": QT_TRANSLATE_NOOP("documents", "Security hardening"),
    "security_hardening": QT_TRANSLATE_NOOP("documents", "Security hardening"),
    "key_period": QT_TRANSLATE_NOOP("documents", "Key-period duty"),
}
STATUS_NAMES = {
    "open": QT_TRANSLATE_NOOP("documents", "Reported"),
    "reported": QT_TRANSLATE_NOOP("documents", "Reported"),
    "new": QT_TRANSLATE_NOOP("documents", "Reported"),
    "responded": QT_TRANSLATE_NOOP("documents", "Responded"),
    "acknowledged": QT_TRANSLATE_NOOP("documents", "Responded"),
    "onsite": QT_TRANSLATE_NOOP("documents", "Engineer on site"),
    "on_site": QT_TRANSLATE_NOOP("documents", "Engineer on site"),
    "restored": QT_TRANSLATE_NOOP("documents", "Service restored"),
    "resolved": QT_TRANSLATE_NOOP("documents", "Service restored"),
    "closed": QT_TRANSLATE_NOOP("documents", "Closed"),
    "signed": QT_TRANSLATE_NOOP("documents", "Signed off"),
    "cancelled": QT_TRANSLATE_NOOP("documents", "Cancelled"),
}
PRIORITY_NAMES = {
    "urgent": QT_TRANSLATE_NOOP("documents", "Urgent"),
    "critical": QT_TRANSLATE_NOOP("documents", "Urgent"),
    "high": QT_TRANSLATE_NOOP("documents", "High"),
    "normal": QT_TRANSLATE_NOOP("documents", "Medium"),
    "medium": QT_TRANSLATE_NOOP("documents", "Medium"),
    "low": QT_TRANSLATE_NOOP("documents", "Low"),
}
CHANNEL_NAMES = {
    "hotline": QT_TRANSLATE_NOOP("documents", "Hotline"),
    "phone": QT_TRANSLATE_NOOP("documents", "Hotline"),
    "onsite": QT_TRANSLATE_NOOP("documents", "On site"),
    "on_site": QT_TRANSLATE_NOOP("documents", "On site"),
    "inspection": QT_TRANSLATE_NOOP("documents", "Inspection"),
    "monitoring": QT_TRANSLATE_NOOP("documents", "Monitoring"),
}
SLA_NAMES = {
    "response": QT_TRANSLATE_NOOP("documents", "Response"),
    "onsite": QT_TRANSLATE_NOOP("documents", "Engineer on site"),
    "restore": QT_TRANSLATE_NOOP("documents", "Service restored"),
    "client_deadline": QT_TRANSLATE_NOOP("documents", "Deadline set by the client"),
    "rectification": QT_TRANSLATE_NOOP("documents", "Rectification date"),
}
# The limit of a clock with a fixed deadline, in the "Time limit" column.
FIXED_LIMITS = {
    "client_deadline": QT_TRANSLATE_NOOP("documents", "Set by the client"),
    "rectification": QT_TRANSLATE_NOOP("documents", "Agreed with the client"),
}
SLA_ORDER = ("response", "onsite", "restore")


def key_text(translate: Translate, names: dict[str, str], key: str) -> str:
    """A domain key in words; an unknown key as it is (never a blank)."""
    return tr(translate, names[key]) if key in names else key


def sla_verdict(translate: Translate, line: SlaLine) -> str:
    """Markup: the outcome in words, coloured as a second cue."""
    if line.state == "met":
        return coloured("✓ " + tr(translate, QT_TRANSLATE_NOOP("documents", "Met")), OK_INK)
    if line.state == "breached":
        return coloured(
            "× " + tr(translate, QT_TRANSLATE_NOOP("documents", "Breached")), BAD_INK, bold=True
        )
    if line.state == "at_risk":
        return coloured(tr(translate, QT_TRANSLATE_NOOP("documents", "At risk")), WARN_INK)
    return tr(translate, QT_TRANSLATE_NOOP("documents", "Pending"))


def hours_minutes(delta: dt.timedelta) -> str:
    """How late as ``h:mm`` (``0:03``, ``24:00``, ``49:05``): the one rule of
    :func:`workbench.domain.clocks.format_duration` (rounded up to the minute)."""
    return clocks.format_duration(delta)


def _late_by(line: SlaLine) -> str:
    if line.late_by is not None and line.late_by > dt.timedelta(0):
        return hours_minutes(line.late_by)
    if line.state == "breached" and line.done_at is not None:
        return hours_minutes(line.done_at - line.deadline)
    return "—"


def _quoted(doc: WorkOrderDoc, t: Translate, clause: str) -> str:
    """``八、1“…”``: the clause and the contract's words (the number alone when the store
    was made before the words were data)."""
    text = dict(doc.clauses).get(clause)
    if text is None:
        return clause
    return tr(t, QT_TRANSLATE_NOOP("documents", "{clause} “{text}”"), clause=clause, text=text)


def _clause_notes(doc: WorkOrderDoc, t: Translate) -> list[Any]:
    """What the time limits and the penalty for late service rest on, in the contract's
    words: 一、6 and 五、5.2.2 for the limits, 八、1 for penalties."""
    s = styles()
    limits = tr(
        t,
        QT_TRANSLATE_NOOP("documents", "Time limits (contract clauses): {first}; {second}"),
        first=_quoted(doc, t, "一、6"),
        second=_quoted(doc, t, "五、5.2.2"),
    )
    late = tr(
        t,
        QT_TRANSLATE_NOOP("documents", "Late service (contract clause): {clause}"),
        clause=_quoted(doc, t, "八、1"),
    )
    notes = [Spacer(1, 1.5 * mm), para(limits, s.small), para(late, s.small)]
    if doc.client_deadline is not None:
        notes.append(
            para(
                tr(
                    t,
                    QT_TRANSLATE_NOOP(
                        "documents", "Deadline set by the client (contract clause): {clause}"
                    ),
                    clause=_quoted(doc, t, "八、5"),
                ),
                s.small,
            )
        )
    return notes


def _excuse_notes(doc: WorkOrderDoc, t: Translate) -> list[Any]:
    """An excuse claimed on the order (十 / 八、1): the kind, the reason and whether the
    client confirmed it; a confirmed one frees the breach of any penalty."""
    e = doc.excuse
    if e is None:
        return []
    s = styles()
    kind = t("registers", e.kind_label)
    if e.confirmed:
        text = tr(
            t,
            QT_TRANSLATE_NOOP(
                "documents",
                "Excused ({kind}, {clause}): {reason}. Confirmed by Party A's representative "
                "{client} on {date}; the breach carries no penalty.",
            ),
            kind=kind,
            clause=e.clause,
            reason=e.reason,
            client=e.client_name,
            date=fmt_local(e.confirmed_at)[:10],
        )
    else:
        text = tr(
            t,
            QT_TRANSLATE_NOOP(
                "documents",
                "Excuse claimed ({kind}, {clause}): {reason}. Not yet confirmed by Party A.",
            ),
            kind=kind,
            clause=e.clause,
            reason=e.reason,
        )
    return [para(text, s.body)]


def _penalty_notes(doc: WorkOrderDoc, t: Translate) -> list[Any]:
    """The exposure, only when the setting asks for it: 八、1's amount under the
    contract's day rule and, labelled, under the strict reading (the worst case), over the
    contract's clocks; then 八、5's when a deadline the client set was missed."""
    if not doc.show_penalty:
        return []
    s = styles()
    breaches = [line for line in doc.sla if line.state == "breached" and line.key in SLA_ORDER]
    story: list[Any] = []
    if not breaches:
        text = tr(
            t,
            QT_TRANSLATE_NOOP(
                "documents",
                "Liquidated damages exposure (八、1): {amount}, no time limit breached.",
            ),
            amount=money(doc.penalty_cny),
        )
        story.append(para(text, s.body))
    else:
        rule = Message(day_rule_label(doc.penalty_rule)).render(t) if doc.penalty_rule else ""
        text = tr(
            t,
            QT_TRANSLATE_NOOP(
                "documents",
                "Liquidated damages exposure (八、1, {rule}): {amount}; {worst_label}: {worst}. "
                "{count} time limit(s) breached, counted once for this order.",
            ),
            rule=rule,
            amount=money(doc.penalty_cny),
            worst_label=Message(day_rule_label(BEGUN_DAYS)).render(t),
            worst=money(doc.penalty_worst_cny),
            count=len(breaches),
        )
        story.append(para(coloured(text, BAD_INK), s.body, markup=True))
    if doc.over_cap_note is not None:
        story.append(para(doc.over_cap_note.render(t), s.small))
    if doc.client_deadline_note is not None:
        note = doc.client_deadline_note.render(t)
        story.append(para(coloured(note, BAD_INK), s.body, markup=True))
    return story


def _field_grid(rows: list[list[Any]], width: float) -> Table:
    """Label/value pairs, two pairs a row; a value alone spans the rest of its row."""
    label_w = 24 * mm
    value_w = (width - 2 * label_w) / 2
    data: list[list[Any]] = []
    commands: list[tuple[Any, ...]] = []
    for r, row in enumerate(rows):
        if len(row) == 2:
            data.append([row[0], row[1], "", ""])
            commands.append(("SPAN", (1, r), (3, r)))
        else:
            data.append(row)
        commands.append(("BACKGROUND", (0, r), (0, r), LABEL_FILL))
        if len(row) == 4:
            commands.append(("BACKGROUND", (2, r), (2, r), LABEL_FILL))
    return table(data, [label_w, value_w, label_w, value_w], header=False, extra=commands)


def _label(t: Translate, text: str) -> Paragraph:
    return para(tr(t, text), styles().cell_label)


def _value(text: str) -> Paragraph:
    return para(text or "—", styles().cell)


def _title_block(doc: WorkOrderDoc, t: Translate) -> list[Any]:
    s = styles()
    # Title block: the title and the number in the middle, the QR (or the unsigned mark)
    # on the right.
    if doc.record_hash is not None:
        corner: Any = verify_qr(t, "work_order", doc.number, doc.record_hash, doc.head)
    else:
        corner = unsigned_stamp(t)
    centre = [
        para(tr(t, QT_TRANSLATE_NOOP("documents", "IT Maintenance Service Work Order")), s.title),
        para(
            tr(t, QT_TRANSLATE_NOOP("documents", "Work order No.: {number}"), number=doc.number),
            s.subtitle,
        ),
    ]
    return [record_title(centre, corner, content_width()), Spacer(1, 3 * mm)]


def _report_section(doc: WorkOrderDoc, t: Translate) -> list[Any]:
    width = content_width()
    story: list[Any] = []
    # 1. The order.
    story.append(numbered_section(t, 1, QT_TRANSLATE_NOOP("documents", "{n}. Fault report")))
    rows: list[list[Any]] = [
        [
            _label(t, QT_TRANSLATE_NOOP("documents", "Work order No.")),
            _value(doc.number),
            _label(t, QT_TRANSLATE_NOOP("documents", "Type")),
            _value(key_text(t, TYPE_NAMES, doc.type)),
        ],
        [
            _label(t, QT_TRANSLATE_NOOP("documents", "Status")),
            _value(key_text(t, STATUS_NAMES, doc.status)),
            _label(t, QT_TRANSLATE_NOOP("documents", "Priority")),
            _value(key_text(t, PRIORITY_NAMES, doc.priority)),
        ],
        [
            _label(t, QT_TRANSLATE_NOOP("documents", "Reported by")),
            _value(doc.reporter_name),
            _label(t, QT_TRANSLATE_NOOP("documents", "Phone")),
            _value(doc.reporter_phone),
        ],
        [
            _label(t, QT_TRANSLATE_NOOP("documents", "Channel")),
            _value(key_text(t, CHANNEL_NAMES, doc.channel)),
            _label(t, QT_TRANSLATE_NOOP("documents", "Reported at")),
            _value(fmt_local(doc.reported_at)),
        ],
        [
            _label(t, QT_TRANSLATE_NOOP("documents", "Engineer")),
            _value(doc.engineer_name),
            _label(t, QT_TRANSLATE_NOOP("documents", "Closed at")),
            _value(fmt_local(doc.closed_at)),
        ],
        [_label(t, QT_TRANSLATE_NOOP("documents", "Description")), _value(doc.description)],
    ]
    story.append(_field_grid(rows, width))
    return story


def _devices_section(doc: WorkOrderDoc, t: Translate) -> list[Any]:
    width = content_width()
    s = styles()
    story: list[Any] = []
    # 2. Devices.
    story.append(numbered_section(t, 2, QT_TRANSLATE_NOOP("documents", "{n}. Devices concerned")))
    device_rows: list[list[Any]] = [
        header_cells(
            t,
            QT_TRANSLATE_NOOP("documents", "No."),
            QT_TRANSLATE_NOOP("documents", "Asset code"),
            QT_TRANSLATE_NOOP("documents", "Device name"),
            QT_TRANSLATE_NOOP("documents", "Model"),
            QT_TRANSLATE_NOOP("documents", "Location"),
        )
    ]
    for i, asset in enumerate(doc.assets, start=1):
        model = asset.model
        if asset.serial_number:
            model = tr(
                t,
                QT_TRANSLATE_NOOP("documents", "{model} (S/N {serial})"),
                model=model,
                serial=asset.serial_number,
            )
        device_rows.append(
            [
                para(str(i), s.cell_center),
                _value(asset.code),
                _value(asset.name),
                _value(model),
                _value(asset.location),
            ]
        )
    if not doc.assets:
        device_rows.append(["", _value(tr(t, QT_TRANSLATE_NOOP("documents", "None"))), "", "", ""])
    story.append(table(device_rows, [10 * mm, 30 * mm, 50 * mm, 40 * mm, width - 130 * mm]))
    return story


def _untimed_step(name: str, when: str) -> list[Any]:
    """A timeline row without a contract time limit: the step and when it happened."""
    return [_value(name), _value("—"), _value("—"), _value(when), _value("—"), _value("—")]


def _actual(t: Translate, doc: WorkOrderDoc, clock: str, at: dt.datetime | None) -> str:
    """When a step happened, and, under it, when it was entered if that was more than
    10 minutes later (补录): a back-dated time shows on the paper the client signs."""
    entered = dict(doc.entered_late).get(clock)
    if at is None or entered is None:
        return fmt_local(at)
    note = tr(t, QT_TRANSLATE_NOOP("documents", "Entered afterwards, at"))
    return f"{fmt_local(at)}\n{note}\n{fmt_local(entered)}"  # a time on a line of its own


def _timeline_section(doc: WorkOrderDoc, t: Translate) -> list[Any]:
    width = content_width()
    s = styles()
    story: list[Any] = []
    # 3. The contract's clock.
    story.append(
        numbered_section(
            t,
            3,
            QT_TRANSLATE_NOOP("documents", "{n}. Service timeline and contract time limits"),
        )
    )
    sla_by_key = {line.key: line for line in doc.sla}
    timeline: list[list[Any]] = [
        header_cells(
            t,
            QT_TRANSLATE_NOOP("documents", "Step"),
            QT_TRANSLATE_NOOP("documents", "Time limit"),
            QT_TRANSLATE_NOOP("documents", "Deadline"),
            QT_TRANSLATE_NOOP("documents", "Actual time"),
            QT_TRANSLATE_NOOP("documents", "Result"),
            QT_TRANSLATE_NOOP("documents", "Late by (h:mm)"),
        )
    ]
    timeline.append(
        _untimed_step(
            tr(t, QT_TRANSLATE_NOOP("documents", "Reported at")),
            _actual(t, doc, "reported", doc.reported_at),
        )
    )
    step_time = {"response": doc.responded_at, "onsite": doc.onsite_at, "restore": doc.restored_at}
    step_label = {
        "response": QT_TRANSLATE_NOOP("documents", "Response time"),
        "onsite": QT_TRANSLATE_NOOP("documents", "On-site time"),
        "restore": QT_TRANSLATE_NOOP("documents", "Restoration time"),
    }
    keys = [k for k in SLA_ORDER if k in sla_by_key or step_time.get(k)]
    keys += [line.key for line in doc.sla if line.key not in SLA_ORDER]
    for key in keys:
        line = sla_by_key.get(key)
        name = tr(t, step_label[key]) if key in step_label else key_text(t, SLA_NAMES, key)
        done = line.done_at if line is not None else step_time.get(key)
        if line is None:
            timeline.append(_untimed_step(name, _actual(t, doc, key, done)))
            continue
        limit = (
            minutes_text(t, line.target_minutes)
            if line.key in SLA_ORDER
            else key_text(t, FIXED_LIMITS, line.key)
        )
        timeline.append(
            [
                _value(name),
                _value(limit),
                _value(fmt_local(line.deadline)),
                _value(
                    _actual(t, doc, key, done) or tr(t, QT_TRANSLATE_NOOP("documents", "Not yet"))
                ),
                para(sla_verdict(t, line), s.cell, markup=True),
                _value(_late_by(line)),
            ]
        )
    timeline.append(
        _untimed_step(tr(t, QT_TRANSLATE_NOOP("documents", "Closed at")), fmt_local(doc.closed_at))
    )
    story.append(table(timeline, [27 * mm, 20 * mm, 32 * mm, 32 * mm, 27 * mm, width - 138 * mm]))
    story.extend(_clause_notes(doc, t))
    story.extend(_excuse_notes(doc, t))
    story.extend(_penalty_notes(doc, t))
    return story


def _cause_section(doc: WorkOrderDoc, t: Translate) -> list[Any]:
    width = content_width()
    story: list[Any] = []
    # 4. Cause and result.
    story.append(
        numbered_section(t, 4, QT_TRANSLATE_NOOP("documents", "{n}. Cause and resolution"))
    )
    if doc.contractor_caused:
        # 五、5.2.3: the duty to repair free of charge; the period extends only when the
        # repair missed a deadline the client set, by the time past it.
        caused = (
            tr(t, QT_TRANSLATE_NOOP("documents", "Yes"))
            + "\n"
            + Message(FREE_REPAIR_LINE).render(t)
        )
        if doc.client_deadline is not None and doc.service_extension is not None:
            extension = Message(
                EXTENSION_LINE,
                {
                    "deadline": fmt_local(doc.client_deadline),
                    "length": duration(t, doc.service_extension),
                },
            ).render(t)
            caused += "\n" + extension
    else:
        caused = tr(t, QT_TRANSLATE_NOOP("documents", "No"))
    story.append(
        _field_grid(
            [
                [_label(t, QT_TRANSLATE_NOOP("documents", "Cause")), _value(doc.cause)],
                [_label(t, QT_TRANSLATE_NOOP("documents", "Resolution")), _value(doc.resolution)],
                [_label(t, QT_TRANSLATE_NOOP("documents", "Caused by contractor")), _value(caused)],
            ],
            width,
        )
    )
    return story


def entry_text(t: Translate, entry: LogLine) -> str:
    """A log line's text: a handling step is named before its note, and a correction says
    which entry it corrects."""
    text = entry.text
    if entry.step:
        step = key_text(t, STATUS_NAMES, entry.step)
        text = (
            tr(t, QT_TRANSLATE_NOOP("documents", "{step}: {note}"), step=step, note=text)
            if text
            else step
        )
    if entry.amends is not None:
        text = tr(
            t,
            QT_TRANSLATE_NOOP("documents", "[Corrects the entry of {time}] {text}"),
            time=fmt_local(entry.amends),
            text=text,
        )
    return text


def _entry_rows(t: Translate, entries: Sequence[LogLine]) -> list[list[Any]]:
    """Time, author and text of each entry."""
    return [[_value(fmt_local(e.at)), _value(e.author), _value(entry_text(t, e))] for e in entries]


def _entries_table(t: Translate, text_header: str, rows: list[list[Any]]) -> Table:
    header = header_cells(
        t,
        QT_TRANSLATE_NOOP("documents", "Time"),
        QT_TRANSLATE_NOOP("documents", "By"),
        text_header,
    )
    return table([header, *rows], [32 * mm, 22 * mm, content_width() - 54 * mm])


def _log_section(doc: WorkOrderDoc, t: Translate) -> list[Any]:
    # 5. Work log.
    title = numbered_section(t, 5, QT_TRANSLATE_NOOP("documents", "{n}. Work log"))
    rows = _entry_rows(t, doc.log) or [
        [_value("—"), _value("—"), _value(tr(t, QT_TRANSLATE_NOOP("documents", "No entries")))]
    ]
    return [
        title,
        _entries_table(t, QT_TRANSLATE_NOOP("documents", "Entry"), rows),
    ]


def _amendments_section(doc: WorkOrderDoc, t: Translate) -> list[Any]:
    # 6. Amendments after sign-off.
    if not doc.amendments:
        return []
    title = numbered_section(t, 6, QT_TRANSLATE_NOOP("documents", "{n}. Amendments after sign-off"))
    return [
        title,
        _entries_table(
            t, QT_TRANSLATE_NOOP("documents", "Amendment"), _entry_rows(t, doc.amendments)
        ),
    ]


def workorder_pdf(
    doc: WorkOrderDoc,
    translate: Translate = identity,
    *,
    printed_at: dt.datetime | None = None,
) -> bytes:
    """The work order as PDF bytes."""
    t = translate
    story: list[Any] = [
        *_title_block(doc, t),
        *_report_section(doc, t),
        *_devices_section(doc, t),
        *_timeline_section(doc, t),
        *_cause_section(doc, t),
        *_log_section(doc, t),
        *_amendments_section(doc, t),
        record_sign_off(
            t,
            7 if doc.amendments else 6,
            QT_TRANSLATE_NOOP(
                "documents",
                "Party A confirms that the service above was performed and the record is true.",
            ),
            doc.signatures,
            doc.record_hash,
            head=doc.head,
        ),
    ]
    info = PageInfo(
        title=tr(t, QT_TRANSLATE_NOOP("documents", "Work order")),
        contract=doc.contract,
        translate=t,
        printed_at=printed_time(printed_at),
        demo=doc.demo,
        reference=doc.number,
        head=doc.head,
    )
    return build_pdf(story, info, subject=doc.number)
