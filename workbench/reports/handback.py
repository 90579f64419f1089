"""The record of hand-back and destruction (移交及销毁记录, 七、5) as PDF.

What was handed back (the pack's files, sizes and SHA-256, the manifest's hash), what was
destroyed on the laptop (every file, its size, destroyed or why not), the limits of
overwriting on an SSD, the engineer's key signature, and the signature boxes of both
sides (drawn at the hand-over, or blank to sign on paper).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from workbench.domain.handback import HandbackRecord, PackFile
from workbench.domain.keys import display_fingerprint
from workbench.domain.messages import QT_TRANSLATE_NOOP, Translate
from workbench.domain.text import size_text as display_size
from workbench.domain.timeutil import fmt_local
from workbench.reports.pdfkit import (
    PageInfo,
    build_pdf,
    content_width,
    header_cells,
    identity,
    keep_tail,
    para,
    signature_row,
    styles,
    table,
    tr,
)
from workbench.reports.tables import note, small

KIND_NAMES = {
    "store": QT_TRANSLATE_NOOP("documents", "Database"),
    "backup": QT_TRANSLATE_NOOP("documents", "Backup"),
    "attachment": QT_TRANSLATE_NOOP("documents", "Attachment"),
    "log": QT_TRANSLATE_NOOP("documents", "Log file"),
    "witness": QT_TRANSLATE_NOOP("documents", "Witness file"),
}
CLAUSE = (
    "本合同解除或终止时，如甲方要求乙方返还或销毁任何依本合同而提供的保密信息及其复印件，"
    "乙方应在甲方要求的时间内返还或销毁。"
)


def handback_pdf(record: HandbackRecord, translate: Translate = identity) -> bytes:
    t = translate
    width = content_width()
    export = record.export
    title = tr(t, QT_TRANSLATE_NOOP("documents", "Record of Hand-back and Destruction"))
    story: list[Any] = [
        para(title, styles().title),
        para(
            tr(
                t,
                QT_TRANSLATE_NOOP("documents", "Clause 七、5 · made {time}"),
                time=fmt_local(record.signed_at),
            ),
            styles().subtitle,
        ),
        Spacer(1, 3 * mm),
        note(tr(t, QT_TRANSLATE_NOOP("documents", "Clause 七、5: {text}"), text=CLAUSE)),
        Spacer(1, 3 * mm),
        para(tr(t, QT_TRANSLATE_NOOP("documents", "1. Handed back")), styles().section),
        note(
            tr(
                t,
                QT_TRANSLATE_NOOP(
                    "documents",
                    "{count} files, {size} in all, exported {time} from store {store}. "
                    "manifest.json lists each file's size and SHA-256; its own SHA-256 is "
                    "{manifest}.",
                ),
                count=len(export.files),
                size=display_size(export.total_bytes),
                time=fmt_local(export.made_at),
                store=export.store_uuid,
                manifest=record.manifest_sha256,
            )
        ),
    ]
    rows: list[list[Any]] = [
        header_cells(
            t,
            QT_TRANSLATE_NOOP("documents", "File or folder"),
            QT_TRANSLATE_NOOP("documents", "Files"),
            QT_TRANSLATE_NOOP("documents", "Size"),
            QT_TRANSLATE_NOOP("documents", "SHA-256 (first 16)"),
        )
    ]
    for name, files in _grouped(export.files):
        size = display_size(sum(f.size for f in files))
        digest = files[0].sha256[:16] if len(files) == 1 and files[0].name == name else ""
        rows.append([small(name), small(str(len(files))), small(size), small(digest)])
    story.append(table(rows, [width * 0.5, width * 0.1, width * 0.14, width * 0.26]))

    story.append(para(tr(t, QT_TRANSLATE_NOOP("documents", "2. Destroyed")), styles().section))
    kinds = Counter(r.kind for r in record.results)
    failed = [r for r in record.results if not r.destroyed]
    summary = tr(
        t,
        QT_TRANSLATE_NOOP(
            "documents",
            "{count} files on this laptop were overwritten with random bytes, flushed to disk "
            "and deleted: {kinds}.",
        ),
        count=len(record.results) - len(failed),
        kinds="、".join(
            f"{tr(t, KIND_NAMES.get(kind, kind))} {n}" for kind, n in sorted(kinds.items())
        ),
    )
    story.append(note(summary))
    if failed:
        story.append(
            note(
                tr(
                    t,
                    QT_TRANSLATE_NOOP(
                        "documents",
                        "NOT destroyed: {count} files (listed below with the reason). They "
                        "must be destroyed by hand.",
                    ),
                    count=len(failed),
                )
            )
        )
    rows = [
        header_cells(
            t,
            QT_TRANSLATE_NOOP("documents", "File"),
            QT_TRANSLATE_NOOP("documents", "Kind"),
            QT_TRANSLATE_NOOP("documents", "Size"),
            QT_TRANSLATE_NOOP("documents", "Result"),
        )
    ]
    for r in record.results:
        result = (
            tr(t, QT_TRANSLATE_NOOP("documents", "Destroyed"))
            if r.destroyed
            else tr(t, QT_TRANSLATE_NOOP("documents", "Not destroyed: {error}"), error=r.error)
        )
        rows.append(
            [
                small(r.path),
                small(tr(t, KIND_NAMES.get(r.kind, r.kind))),
                small(display_size(r.size)),
                small(result),
            ]
        )
    story.append(table(rows, [width * 0.58, width * 0.12, width * 0.12, width * 0.18]))
    story.append(Spacer(1, 2 * mm))
    story.append(
        note(
            tr(
                t,
                QT_TRANSLATE_NOOP(
                    "documents",
                    "Overwriting before deleting prevents recovery from a hard disk. On an SSD "
                    "or flash drive the controller may keep copies of old blocks that no "
                    "program can reach; what protects those is full-disk encryption "
                    "(BitLocker) of the laptop, or destroying the drive.",
                ),
            )
        )
    )

    story.append(para(tr(t, QT_TRANSLATE_NOOP("documents", "3. Signatures")), styles().section))
    story.append(
        note(
            tr(
                t,
                QT_TRANSLATE_NOOP(
                    "documents",
                    "Signed with the key of {engineer} (fingerprint {fingerprint}, as on the "
                    "engineer's registration form). handback-record.json holds the signed "
                    "content; signature: {signature}",
                ),
                engineer=record.engineer_name,
                fingerprint=display_fingerprint(record.fingerprint),
                signature=record.signature,
            )
        )
    )
    closing = signature_row(
        t,
        record.signatures,
        width,
        (
            ("engineer", tr(t, QT_TRANSLATE_NOOP("documents", "Handed back by (Party B)"))),
            ("client", tr(t, QT_TRANSLATE_NOOP("documents", "Received by (Party A)"))),
        ),
    )
    story = keep_tail(story, closing)
    info = PageInfo(
        title=title,
        contract=record.contract,
        translate=t,
        printed_at=record.signed_at,
    )
    return build_pdf(story, info)


def _grouped(files: tuple[PackFile, ...]) -> list[tuple[str, list[PackFile]]]:
    """The pack's files by folder (two levels deep); a file at the top stands alone."""
    groups: dict[str, list[PackFile]] = {}
    for f in files:
        parts = f.name.split("/")
        key = f.name if len(parts) == 1 else "/".join(parts[: min(2, len(parts) - 1)]) + "/"
        groups.setdefault(key, []).append(f)
    return sorted(groups.items())
