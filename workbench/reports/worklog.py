"""The 工作日志 of a period as one PDF (五、5.2.8): every service item's log by time.

The document opens with what it covers (orders, rounds, other entries), then one table:
time, engineer, the item (work order or round number and its device or kind) and the entry.
It ends with the store's head and the two signature boxes, like the period reports.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from workbench.domain.documents import WorkLogDoc, WorkLogItem
from workbench.domain.messages import QT_TRANSLATE_NOOP, Translate
from workbench.domain.timeutil import fmt_local
from workbench.reports.pdfkit import (
    PageInfo,
    build_pdf,
    content_width,
    header_cells,
    identity,
    keep_tail,
    para,
    styles,
    table,
    tr,
)
from workbench.reports.tables import ROUND_KIND_NAMES, ROUND_STATUS_NAMES, note, sign_off, small
from workbench.reports.workorder import entry_text


def _item_text(t: Translate, item: WorkLogItem) -> str:
    if item.kind == "round":
        return tr(
            t,
            QT_TRANSLATE_NOOP(
                "documents",
                "Inspection round ({kind}): {checked} of {total} devices checked, "
                "{failures} with exceptions; {status}",
            ),
            kind=tr(t, ROUND_KIND_NAMES.get(item.device, item.device)),
            checked=item.checked,
            total=item.total,
            failures=item.failures,
            status=tr(t, ROUND_STATUS_NAMES.get(item.status, item.status)),
        )
    return entry_text(t, item.line)


def _subject(item: WorkLogItem) -> str:
    if item.kind == "round" or not item.device:
        return item.subject
    return f"{item.subject}\n{item.device}"


def worklog_pdf(doc: WorkLogDoc, translate: Translate = identity) -> bytes:
    """The work log of ``doc``'s period as PDF bytes."""
    t = translate
    title = tr(t, QT_TRANSLATE_NOOP("documents", "Work Log"))
    story: list[Any] = [
        para(title, styles().title),
        para(
            tr(
                t,
                QT_TRANSLATE_NOOP("documents", "Period {first} to {last}"),
                first=doc.first.isoformat(),
                last=doc.last.isoformat(),
            ),
            styles().subtitle,
        ),
        Spacer(1, 3 * mm),
        note(
            tr(
                t,
                QT_TRANSLATE_NOOP(
                    "documents",
                    "Clause 五、5.2.8: a complete work log, with a clear entry for every service "
                    "item. This log lists {lines} lines: the handling steps and entries of "
                    "{orders} work orders, {rounds} inspection rounds and {free} other entries. "
                    "A correction never replaces an entry: it is a later line that names the "
                    "entry it corrects.",
                ),
                lines=len(doc.items),
                orders=doc.orders,
                rounds=doc.rounds,
                free=doc.free_entries,
            )
        ),
        Spacer(1, 3 * mm),
    ]
    width = content_width()
    if doc.items:
        data: list[list[Any]] = [
            header_cells(
                t,
                QT_TRANSLATE_NOOP("documents", "Time"),
                QT_TRANSLATE_NOOP("documents", "Engineer"),
                QT_TRANSLATE_NOOP("documents", "Service item"),
                QT_TRANSLATE_NOOP("documents", "Entry"),
            )
        ]
        for item in doc.items:
            data.append(
                [
                    small(fmt_local(item.line.at)),
                    small(item.line.author),
                    small(_subject(item)),
                    small(_item_text(t, item)),
                ]
            )
        story.append(table(data, [width * 0.17, width * 0.12, width * 0.24, width * 0.47]))
    else:
        story.append(note(tr(t, QT_TRANSLATE_NOOP("documents", "No entries"))))
    story = keep_tail(story, sign_off(t, doc.head))
    info = PageInfo(
        title=title,
        contract=doc.contract,
        translate=t,
        printed_at=doc.generated_at,
        demo=doc.demo,
        reference=doc.label,
        head=doc.head,
    )
    return build_pdf(story, info)
