"""The engineer registration form (人员备案表, contract 五.5.2.11).

One A4 page per engineer: who the engineer is, the key the engineer signs records with
(its fingerprint in the display form printed beside every signature of that engineer,
the fingerprint in full and the public key), when the key was registered and which
engineer's key approved it, the store and its head when the form was made, a QR code of
the key and the head, and boxes for the engineer's and the client's signatures (the
client's with its stamp) and dates.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from workbench.domain.documents import EngineerRegistrationDoc
from workbench.domain.keys import display_fingerprint
from workbench.domain.messages import QT_TRANSLATE_NOOP
from workbench.domain.scancodes import key_payload
from workbench.domain.timeutil import fmt_local
from workbench.reports.pdfkit import (
    LABEL_FILL,
    PageInfo,
    QrFlowable,
    Translate,
    build_pdf,
    content_width,
    identity,
    numbered_section,
    para,
    printed_time,
    record_title,
    signature_row,
    styles,
    table,
    tr,
)


def _rows(doc: EngineerRegistrationDoc, t: Translate) -> list[list[Any]]:
    s = styles()

    def row(label: str, value: str) -> list[Any]:
        return [para(tr(t, label), s.cell_label), para(value or "—", s.cell)]

    approved = doc.approved_by or tr(
        t,
        QT_TRANSLATE_NOOP(
            "documents", "None: the first signing key of this store (no other engineer yet)"
        ),
    )
    return [
        row(QT_TRANSLATE_NOOP("documents", "Name"), doc.engineer_name),
        row(QT_TRANSLATE_NOOP("documents", "Phone"), doc.phone),
        row(
            QT_TRANSLATE_NOOP("documents", "Key fingerprint (as printed on records)"),
            display_fingerprint(doc.key_fingerprint),
        ),
        row(QT_TRANSLATE_NOOP("documents", "Key fingerprint (SHA-256, full)"), doc.key_fingerprint),
        row(QT_TRANSLATE_NOOP("documents", "Public key (Ed25519)"), doc.public_key),
        row(QT_TRANSLATE_NOOP("documents", "Key registered at"), fmt_local(doc.key_registered_at)),
        row(QT_TRANSLATE_NOOP("documents", "Registration approved by"), approved),
        row(QT_TRANSLATE_NOOP("documents", "Store"), doc.store_uuid),
        row(
            QT_TRANSLATE_NOOP("documents", "Store head"),
            f"{doc.head.short}　{fmt_local(doc.head.at)}　（{doc.head.anchor}）",
        ),
    ]


def registration_pdf(
    doc: EngineerRegistrationDoc,
    translate: Translate = identity,
    *,
    printed_at: dt.datetime | None = None,
) -> bytes:
    """The engineer registration form as PDF bytes."""
    t = translate
    s = styles()
    width = content_width()
    qr = QrFlowable(
        key_payload(doc.key_fingerprint, doc.head.seq, doc.head.hash),
        26 * mm,
        tr(t, QT_TRANSLATE_NOOP("documents", "Scan to verify")),
    )
    centre = [
        para(
            tr(t, QT_TRANSLATE_NOOP("documents", "Maintenance Engineer Registration Form")), s.title
        ),
        para(
            tr(
                t,
                QT_TRANSLATE_NOOP(
                    "documents",
                    "Contract {number}, clause 5.5.2.11: engineers need Party A's consent",
                ),
                number=doc.contract.number,
            ),
            s.subtitle,
        ),
    ]
    label_w = 44 * mm
    story: list[Any] = [
        record_title(centre, qr, width),
        Spacer(1, 4 * mm),
        numbered_section(t, 1, QT_TRANSLATE_NOOP("documents", "{n}. Engineer and signing key")),
        table(
            _rows(doc, t),
            [label_w, width - label_w],
            header=False,
            extra=[("BACKGROUND", (0, 0), (0, -1), LABEL_FILL)],
        ),
        Spacer(1, 3 * mm),
        para(
            tr(
                t,
                QT_TRANSLATE_NOOP(
                    "documents",
                    "Every work order and inspection record this engineer signs carries the "
                    "key fingerprint above beside the engineer's signature, and 'workbench "
                    "verify' checks each signature against this public key. A record signed "
                    "with another key was not signed by this engineer's registered key. A new "
                    "key (after a forgotten PIN) needs a new form.",
                ),
            ),
            s.small,
        ),
        numbered_section(t, 2, QT_TRANSLATE_NOOP("documents", "{n}. Approval")),
        para(
            tr(
                t,
                QT_TRANSLATE_NOOP(
                    "documents",
                    "Party A approves this engineer to work under the contract and registers "
                    "the signing key above.",
                ),
            ),
            s.small,
        ),
        Spacer(1, 2 * mm),
        signature_row(
            t,
            (),
            width,
            (
                ("engineer", tr(t, QT_TRANSLATE_NOOP("documents", "Engineer signature"))),
                (
                    "client",
                    tr(
                        t,
                        QT_TRANSLATE_NOOP(
                            "documents", "Party A representative signature and stamp"
                        ),
                    ),
                ),
            ),
            height=40 * mm,
        ),
    ]
    info = PageInfo(
        title=tr(t, QT_TRANSLATE_NOOP("documents", "Engineer registration form")),
        contract=doc.contract,
        translate=t,
        printed_at=printed_time(printed_at),
        demo=doc.demo,
        reference=doc.engineer_name,
        head=doc.head,
    )
    return build_pdf(story, info, subject=doc.engineer_name)
