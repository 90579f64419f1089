"""What signed paper carries besides the record: the store's head and the signer's key.

Shared by every service that builds a printed document's read model (work orders,
rounds, reports, the engineer registration form) and by the checks of scanned paper.
"""

from __future__ import annotations

import dataclasses

from sqlalchemy.orm import Session

from workbench.domain.documents import HeadDoc, SignatureDoc
from workbench.services import integrity, signing
from workbench.services.workorders.read_models import ScanCheck


def head_doc(session: Session) -> HeadDoc:
    """The store's head now (the audit trail's last entry), for a document being made."""
    head = integrity.head(session)
    return HeadDoc(seq=head.seq, hash=head.hash, at=head.at)


def signature_docs(session: Session, record_type: str, record_id: str) -> tuple[SignatureDoc, ...]:
    """A record's drawn signatures; the engineer's carries the fingerprint of the key that
    signed the record's chain link (none for links from before engineer keys)."""
    link = signing.link_of(session, record_type, record_id)
    fingerprint = link.key_fingerprint if link is not None else ""
    docs = []
    for row in signing.signatures_of(session, record_type, record_id):
        doc = signing.signature_doc(row)
        if doc.role == "engineer" and fingerprint:
            doc = dataclasses.replace(doc, key_fingerprint=fingerprint)
        docs.append(doc)
    return tuple(docs)


def check_link(
    session: Session, record_type: str, record_id: str | None, number: str, record_hash: str
) -> ScanCheck:
    """Whether a scanned paper's record hash matches the record ``record_id`` (None: no
    such record) as the store holds it: its chain link's hash, and the hash of what the
    record is now."""
    if record_id is None:
        return ScanCheck(number, "unknown", None)
    link = signing.link_of(session, record_type, record_id)
    if link is None:
        return ScanCheck(number, "unsigned", None)
    current = signing.compute_content_hash(session, record_type, record_id)
    if current != link.content_hash:
        return ScanCheck(number, "record_altered", link.content_hash)
    if record_hash.strip().lower() != link.content_hash:
        return ScanCheck(number, "paper_mismatch", link.content_hash)
    return ScanCheck(number, "match", link.content_hash)
