"""Inspection forms (巡检记录表): a blank form to tick on a clipboard, or a finished
round's record with exceptions first, for the client representative to sign.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from workbench.domain.documents import (
    ChecklistItemDoc,
    DeviceInspectionDoc,
    InspectionFormDoc,
    InspectionResultDoc,
)
from workbench.domain.messages import QT_TRANSLATE_NOOP
from workbench.domain.timeutil import fmt_local
from workbench.reports.pdfkit import (
    BAD_INK,
    HEAD_FILL,
    LABEL_FILL,
    MUTED,
    OK_INK,
    PageInfo,
    Translate,
    build_pdf,
    coloured,
    content_width,
    header_cells,
    identity,
    keep_tail,
    numbered_section,
    para,
    printed_time,
    record_sign_off,
    record_signature_roles,
    record_title,
    signature_row,
    styles,
    table,
    tr,
    unsigned_stamp,
    verify_qr,
)


class TickBox(Flowable):  # type: ignore[misc]
    """An empty square to tick by hand (the font has no ☐ glyph: it is drawn)."""

    def __init__(self, size: float = 3.8 * mm) -> None:
        super().__init__()
        self.size = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:  # noqa: ARG002 (Flowable API)
        return self.size, self.size

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setLineWidth(0.8)
        self.canv.setStrokeColor(colors.black)
        self.canv.rect(0, 0, self.size, self.size, stroke=1, fill=0)
        self.canv.restoreState()


def _fmt_limit(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def item_hint(translate: Translate, item: ChecklistItemDoc) -> str:
    """What to write for an item beside its text: the reading and its range, the choices."""
    if item.kind == "number":
        if item.low is not None and item.high is not None:
            template = QT_TRANSLATE_NOOP(
                "documents", "Reading: ______ {unit} (limits {low}–{high})"
            )
        elif item.high is not None:
            template = QT_TRANSLATE_NOOP("documents", "Reading: ______ {unit} (at most {high})")
        elif item.low is not None:
            template = QT_TRANSLATE_NOOP("documents", "Reading: ______ {unit} (at least {low})")
        else:
            template = QT_TRANSLATE_NOOP("documents", "Reading: ______ {unit}")
        return tr(
            translate,
            template,
            unit=item.unit,
            low=_fmt_limit(item.low),
            high=_fmt_limit(item.high),
        )
    if item.kind == "choice" and item.choices:
        return tr(
            translate,
            QT_TRANSLATE_NOOP("documents", "Circle one: {choices}"),
            choices=" / ".join(item.choices),
        )
    if item.kind == "text":
        return tr(translate, QT_TRANSLATE_NOOP("documents", "Write in the note column"))
    return ""


def verdict(translate: Translate, passed: bool | None) -> str:
    """Markup: 正常 / 异常 / 不适用, in words first."""
    if passed is True:
        return coloured(tr(translate, QT_TRANSLATE_NOOP("documents", "Normal")), OK_INK)
    if passed is False:
        return coloured(
            "× " + tr(translate, QT_TRANSLATE_NOOP("documents", "Abnormal")), BAD_INK, bold=True
        )
    return coloured(tr(translate, QT_TRANSLATE_NOOP("documents", "N/A")), MUTED)


def reading(result: InspectionResultDoc, item: ChecklistItemDoc | None) -> str:
    """The recorded value where it says more than the verdict (numbers, choices, text)."""
    kind = result.kind or (item.kind if item is not None else "")
    if kind == "check":
        return ""
    if kind == "number" and result.value and item is not None and item.unit:
        return f"{result.value} {item.unit}"
    if kind == "" and result.value.lower() in {"pass", "fail", "ok", "na", "n/a", "true", "false"}:
        return ""
    return result.value


def _title_block(doc: InspectionFormDoc, translate: Translate, width: float) -> Table:
    s = styles()
    finished = bool(doc.devices or doc.round_number)
    corner: Any = ""
    if doc.record_hash is not None and doc.round_number:
        corner = verify_qr(
            translate, "inspection_round", doc.round_number, doc.record_hash, doc.head
        )
    elif finished:
        corner = unsigned_stamp(translate)
    title = doc.title or tr(translate, QT_TRANSLATE_NOOP("documents", "Inspection record"))
    subtitle = tr(
        translate,
        QT_TRANSLATE_NOOP("documents", "{category} · checklist version {v}"),
        category=doc.category_name,
        v=doc.checklist_version,
    )
    if doc.round_number:
        subtitle = (
            tr(
                translate,
                QT_TRANSLATE_NOOP("documents", "Round No.: {number}"),
                number=doc.round_number,
            )
            + "　"
            + subtitle
        )
    centre = [para(title, s.title), para(subtitle, s.subtitle)]
    return record_title(centre, corner, width)


def _pairs(rows: list[list[str]], width: float) -> Table:
    s = styles()
    label_w = 24 * mm
    value_w = (width - 2 * label_w) / 2
    data = [
        [para(c, s.cell_label if i % 2 == 0 else s.cell) for i, c in enumerate(r)] for r in rows
    ]
    extra = [
        ("BACKGROUND", (0, 0), (0, -1), LABEL_FILL),
        ("BACKGROUND", (2, 0), (2, -1), LABEL_FILL),
    ]
    return table(data, [label_w, value_w, label_w, value_w], header=False, extra=extra)


def _blank_device_block(
    doc: InspectionFormDoc, translate: Translate, index: int, width: float
) -> KeepTogether:
    """One device's checklist to fill in by hand: code, location, time, then each item with
    boxes for normal / abnormal / not applicable and room for a note."""
    t = translate
    s = styles()
    line = "＿＿＿＿＿＿＿＿"
    head = Table(
        [
            [
                para(tr(t, QT_TRANSLATE_NOOP("documents", "Device {n}"), n=index), s.cell),
                para(tr(t, QT_TRANSLATE_NOOP("documents", "Asset code:")) + " " + line, s.cell),
                para(tr(t, QT_TRANSLATE_NOOP("documents", "Location:")) + " " + line, s.cell),
                para(tr(t, QT_TRANSLATE_NOOP("documents", "Time:")) + " ＿＿:＿＿", s.cell),
            ]
        ],
        colWidths=[18 * mm, 62 * mm, 62 * mm, width - 142 * mm],
    )
    head.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), HEAD_FILL),
                ("BOX", (0, 0), (-1, -1), 0.9, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    box_w = 14 * mm
    rows: list[list[Any]] = [
        header_cells(
            t,
            QT_TRANSLATE_NOOP("documents", "No."),
            QT_TRANSLATE_NOOP("documents", "Check item"),
            QT_TRANSLATE_NOOP("documents", "Normal"),
            QT_TRANSLATE_NOOP("documents", "Abnormal"),
            QT_TRANSLATE_NOOP("documents", "N/A"),
            QT_TRANSLATE_NOOP("documents", "Note"),
        )
    ]
    for i, item in enumerate(doc.items, start=1):
        hint = item_hint(t, item)
        text = para(
            item.text + (f"<br/><font size=7.5 color='#555555'>{hint}</font>" if hint else ""),
            s.cell,
            markup=True,
        )
        rows.append([para(str(i), s.cell_center), text, TickBox(), TickBox(), TickBox(), ""])
    checklist = table(
        rows,
        [11 * mm, 76 * mm, box_w, box_w, box_w, width - 87 * mm - 3 * box_w],
        extra=[
            ("ALIGN", (2, 1), (4, -1), "CENTER"),
            ("TOPPADDING", (0, 1), (-1, -1), 3.5),
            ("BOTTOMPADDING", (0, 1), (-1, -1), 4),
            ("BOX", (0, 0), (-1, -1), 0.9, colors.black),
        ],
    )
    return KeepTogether([head, checklist, Spacer(1, 5 * mm)])


def _result_rows(
    translate: Translate, device: DeviceInspectionDoc, items: dict[str, ChecklistItemDoc]
) -> list[list[Any]]:
    s = styles()
    rows: list[list[Any]] = []
    for i, result in enumerate(device.results, start=1):
        rows.append(
            [
                para(str(i), s.cell_center),
                para(result.item_text, s.cell),
                para(reading(result, items.get(result.item_key)) or "—", s.cell),
                para(verdict(translate, result.passed), s.cell, markup=True),
                para(result.note or "", s.cell),
            ]
        )
    return rows


def _failed_device_block(
    device: DeviceInspectionDoc,
    translate: Translate,
    width: float,
    items: dict[str, ChecklistItemDoc],
) -> KeepTogether:
    t = translate
    s = styles()
    a = device.asset
    caption = "　".join(
        x
        for x in (
            a.code,
            a.name,
            a.location,
            tr(
                t,
                QT_TRANSLATE_NOOP("documents", "Inspected {time}"),
                time=fmt_local(device.inspected_at),
            )
            if device.inspected_at
            else "",
        )
        if x
    )
    head = Table([[para(caption, s.cell)]], colWidths=[width])
    head.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), HEAD_FILL),
                ("BOX", (0, 0), (-1, -1), 0.9, colors.black),
            ]
        )
    )
    rows: list[list[Any]] = [
        header_cells(
            t,
            QT_TRANSLATE_NOOP("documents", "No."),
            QT_TRANSLATE_NOOP("documents", "Check item"),
            QT_TRANSLATE_NOOP("documents", "Reading"),
            QT_TRANSLATE_NOOP("documents", "Result"),
            QT_TRANSLATE_NOOP("documents", "Note"),
        )
    ]
    rows += _result_rows(t, device, items)
    failed_rows = [
        ("BACKGROUND", (0, r), (-1, r), colors.Color(1, 0.93, 0.93))
        for r, res in enumerate(device.results, start=1)
        if res.passed is False
    ]
    body = table(rows, [11 * mm, 66 * mm, 28 * mm, 22 * mm, width - 127 * mm], extra=failed_rows)
    parts: list[Any] = [head, body]
    if device.note:
        parts.append(
            para(tr(t, QT_TRANSLATE_NOOP("documents", "Note: {note}"), note=device.note), s.small)
        )
    parts.append(Spacer(1, 4 * mm))
    return KeepTogether(parts)


def _summary_of(translate: Translate, device: DeviceInspectionDoc) -> str:
    passed = sum(1 for r in device.results if r.passed is True)
    na = sum(1 for r in device.results if r.passed is None)
    if na:
        return tr(
            translate,
            QT_TRANSLATE_NOOP("documents", "All normal ({n} items, {na} n/a)"),
            n=passed,
            na=na,
        )
    return tr(translate, QT_TRANSLATE_NOOP("documents", "All normal ({n} items)"), n=passed)


def _blank_form(doc: InspectionFormDoc, t: Translate) -> list[Any]:
    """The form to fill in by hand: the heading fields, one block per device, sign-off."""
    s = styles()
    width = content_width()
    story: list[Any] = []
    line = "＿＿＿＿＿＿＿＿＿＿"
    story.append(
        _pairs(
            [
                [
                    tr(t, QT_TRANSLATE_NOOP("documents", "Category")),
                    doc.category_name,
                    tr(t, QT_TRANSLATE_NOOP("documents", "Checklist version")),
                    str(doc.checklist_version),
                ],
                [
                    tr(t, QT_TRANSLATE_NOOP("documents", "Inspection date")),
                    tr(
                        t,
                        QT_TRANSLATE_NOOP("documents", "{y} year {m} month {d} day"),
                        y="＿＿＿＿",
                        m="＿＿",
                        d="＿＿",
                    ),
                    tr(t, QT_TRANSLATE_NOOP("documents", "Engineer")),
                    line,
                ],
            ],
            width,
        )
    )
    story.append(Spacer(1, 2 * mm))
    story.append(
        para(
            tr(
                t,
                QT_TRANSLATE_NOOP(
                    "documents",
                    "Tick one box per item. Describe every abnormal item in the note "
                    "column; a fault is reported as a work order.",
                ),
            ),
            s.small,
        )
    )
    story.append(Spacer(1, 3 * mm))
    for n in range(1, max(1, doc.blank_rows) + 1):
        story.append(_blank_device_block(doc, t, n, width))
    story.append(
        KeepTogether(
            [
                para(tr(t, QT_TRANSLATE_NOOP("documents", "Sign-off")), s.section),
                signature_row(t, (), width, record_signature_roles(t)),
            ]
        )
    )
    return story


def _normal_devices(t: Translate, section: int, normal: list[DeviceInspectionDoc]) -> list[Any]:
    """The devices found normal: one line each, with only what was noted (an item with a
    note, the device's note); every item's "normal" would fill pages and say nothing."""
    s = styles()
    width = content_width()
    story: list[Any] = []
    story.append(
        numbered_section(t, section, QT_TRANSLATE_NOOP("documents", "{n}. Normal devices"))
    )
    rows: list[list[Any]] = [
        header_cells(
            t,
            QT_TRANSLATE_NOOP("documents", "Asset code"),
            QT_TRANSLATE_NOOP("documents", "Device name"),
            QT_TRANSLATE_NOOP("documents", "Location"),
            QT_TRANSLATE_NOOP("documents", "Inspected at"),
            QT_TRANSLATE_NOOP("documents", "Result"),
            QT_TRANSLATE_NOOP("documents", "Note"),
        )
    ]
    for device in normal:
        notes = [
            tr(t, QT_TRANSLATE_NOOP("documents", "{item}: {note}"), item=r.item_text, note=r.note)
            for r in device.results
            if r.note
        ]
        if device.note:
            notes.append(device.note)
        rows.append(
            [
                para(device.asset.code, s.cell_small),
                para(device.asset.name, s.cell_small),
                para(device.asset.location, s.cell_small),
                para(fmt_local(device.inspected_at), s.cell_small),
                para(_summary_of(t, device), s.cell_small),
                para("\n".join(notes), s.cell_small),
            ]
        )
    # The result column holds "全部正常（11 项，1 项不适用）" on one line.
    story.append(table(rows, [22 * mm, 32 * mm, 24 * mm, 26 * mm, 44 * mm, width - 148 * mm]))
    return story


def _unchecked_devices(doc: InspectionFormDoc, t: Translate, section: int) -> list[Any]:
    """The devices in scope that were not inspected, with the reason."""
    s = styles()
    width = content_width()
    story: list[Any] = []
    story.append(
        numbered_section(t, section, QT_TRANSLATE_NOOP("documents", "{n}. Devices not inspected"))
    )
    rows = [
        header_cells(
            t,
            QT_TRANSLATE_NOOP("documents", "Asset code"),
            QT_TRANSLATE_NOOP("documents", "Device name"),
            QT_TRANSLATE_NOOP("documents", "Location"),
            QT_TRANSLATE_NOOP("documents", "Reason"),
        )
    ]
    for asset in doc.unchecked:
        rows.append(
            [
                para(asset.code, s.cell),
                para(asset.name, s.cell),
                para(asset.location, s.cell),
                para(doc.unchecked_reason or "—", s.cell),
            ]
        )
    story.append(table(rows, [28 * mm, 40 * mm, 34 * mm, width - 102 * mm]))
    return story


def _round_record(doc: InspectionFormDoc, t: Translate) -> list[Any]:
    """A round's record: summary, abnormal, normal and uninspected devices, sign-off."""
    s = styles()
    width = content_width()
    items = {item.key: item for item in doc.items}
    story: list[Any] = []
    failed = [d for d in doc.devices if d.failed]
    normal = [d for d in doc.devices if not d.failed]
    total = len(doc.devices) + len(doc.unchecked)
    story.append(
        _pairs(
            [
                [
                    tr(t, QT_TRANSLATE_NOOP("documents", "Category")),
                    doc.category_name,
                    tr(t, QT_TRANSLATE_NOOP("documents", "Engineer")),
                    doc.engineer_name,
                ],
                [
                    tr(t, QT_TRANSLATE_NOOP("documents", "Started")),
                    fmt_local(doc.started_at),
                    tr(t, QT_TRANSLATE_NOOP("documents", "Finished")),
                    fmt_local(doc.finished_at),
                ],
            ],
            width,
        )
    )
    story.append(Spacer(1, 2 * mm))
    summary = tr(
        t,
        QT_TRANSLATE_NOOP(
            "documents",
            "Devices in scope: {total}; inspected: {done}; abnormal: {failed}; "
            "not inspected: {unchecked}.",
        ),
        total=total,
        done=len(doc.devices),
        failed=len(failed),
        unchecked=len(doc.unchecked),
    )
    story.append(para(summary, s.body))

    section = 1
    story.append(
        numbered_section(t, section, QT_TRANSLATE_NOOP("documents", "{n}. Abnormal devices"))
    )
    if failed:
        for device in failed:
            story.append(_failed_device_block(device, t, width, items))
    else:
        story.append(
            para(
                tr(t, QT_TRANSLATE_NOOP("documents", "No abnormal device found in this round.")),
                s.body,
            )
        )
    if normal:
        section += 1
        story += _normal_devices(t, section, normal)
    if doc.unchecked:
        section += 1
        story += _unchecked_devices(doc, t, section)
    sign_off = record_sign_off(
        t,
        section + 1,
        QT_TRANSLATE_NOOP(
            "documents", "Party A confirms that the inspection above was carried out."
        ),
        doc.signatures,
        doc.record_hash,
        head=doc.head,
    )
    # The sign-off never alone on the last page: the last rows above go with it.
    return keep_tail(story, sign_off)


def inspection_form_pdf(
    doc: InspectionFormDoc,
    translate: Translate = identity,
    *,
    printed_at: dt.datetime | None = None,
) -> bytes:
    """A blank form (``doc.devices`` empty and no round number) or a finished round."""
    t = translate
    story: list[Any] = [_title_block(doc, t, content_width()), Spacer(1, 3 * mm)]
    blank = not doc.devices and not doc.round_number
    story += _blank_form(doc, t) if blank else _round_record(doc, t)

    info = PageInfo(
        title=doc.title or tr(t, QT_TRANSLATE_NOOP("documents", "Inspection record")),
        contract=doc.contract,
        translate=t,
        printed_at=printed_time(printed_at),
        demo=doc.demo or doc.extra.get("demo") == "1",
        reference=doc.round_number,
        head=doc.head,
    )
    return build_pdf(story, info, subject=doc.round_number or doc.category_name)
