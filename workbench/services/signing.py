"""Signatures and the hash chain over every signed record (work orders, rounds, ...).

Shared by every area that signs records. An area describes, once, how to build the
canonical content of one of its records (a :class:`SignedKind`), and :func:`signed_kinds`
lists every kind; signing a record then appends a link to the chain
(:func:`append_to_chain`), and :func:`verify_chain` recomputes every link and names each
record that no longer matches.

Content builders must be pure reads of the store that give the same dict for an
unchanged record: no "now", no row ids that a merge could change where a human number
exists, times as aware datetimes (see :mod:`workbench.domain.hashing`).
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from workbench.data.audit import acquire_write_lock
from workbench.data.models import Signature, SignedRecord
from workbench.data.models.workorders import SequenceCounter
from workbench.domain import hashing
from workbench.domain.documents import SignatureDoc
from workbench.domain.messages import QT_TRANSLATE_NOOP, WorkbenchError
from workbench.domain.timeutil import now as utc_now

log = logging.getLogger("workbench.services.signing")

ContentBuilder = Callable[[Session, str], dict[str, Any]]
LabelFunction = Callable[[Session, str], str]
SignedIds = Callable[[Session], Iterable[str]]
# A drawn signature: strokes of [x, y] points in the 0..1 box of the pad.
Strokes = Sequence[Sequence[Sequence[float]]]

ROLES = ("engineer", "client")
CHAIN_COUNTER = "signed_record"
COORD_DIGITS = 4
MAX_POINTS = 20_000


class RecordMissingError(LookupError):
    """A content builder's record does not exist (any more)."""


@dataclass(frozen=True)
class SignedKind:
    """How to build the canonical content of ``record_type`` records.

    ``content(session, record_id)`` returns the content dict (raise
    :class:`RecordMissingError` when the record is gone); ``label`` gives the number people
    know the record by (for messages); ``signed_ids`` lists the ids of records that claim
    to be signed, so that a signed record whose link was removed is found too.
    """

    record_type: str
    content: ContentBuilder
    label: LabelFunction | None = None
    signed_ids: SignedIds | None = None


@functools.cache
def signed_kinds() -> Mapping[str, SignedKind]:
    """Every kind of signed record, by record type: the one list of them."""
    # Imported here, not at the top: these modules sign their records through this one.
    from workbench.services.inspections import signoff as rounds
    from workbench.services.workorders import signoff as orders

    kinds = (orders.SIGNED_WORK_ORDER, orders.SIGNED_AMENDMENT, rounds.SIGNED_ROUND)
    return {kind.record_type: kind for kind in kinds}


@dataclass(frozen=True)
class SignedLink:
    seq: int
    record_type: str
    record_id: str
    content_hash: str
    prev_hash: str
    chain_hash: str
    signed_at: dt.datetime


@dataclass(frozen=True)
class VerifyProblem:
    seq: int | None
    record_type: str
    record_id: str
    label: str  # the record's number, or its id when it has none
    problem: str  # "content" | "missing" | "link" | "sequence" | "unlinked" | "unknown_type"


def _link(row: SignedRecord) -> SignedLink:
    return SignedLink(
        seq=row.seq,
        record_type=row.record_type,
        record_id=row.record_id,
        content_hash=row.content_hash,
        prev_hash=row.prev_hash,
        chain_hash=row.chain_hash,
        signed_at=row.signed_at,
    )


# -- signatures ---------------------------------------------------------------------


@dataclass(frozen=True)
class Signatures:
    """The two drawn signatures of a sign-off: the engineer's, and the client
    representative's with the name they typed. ``*_aspect``: the pad's width / height,
    so that a signature is drawn again as it was written."""

    engineer_strokes: Strokes
    client_name: str
    client_strokes: Strokes
    engineer_aspect: float = 3.0
    client_aspect: float = 3.0


def normalise_strokes(strokes: Sequence[Sequence[Sequence[float]]]) -> list[list[list[float]]]:
    """Strokes as lists of ``[x, y]`` in the 0..1 box, rounded to 4 digits.

    Points a hair outside the box (a pen sliding off the pad) are clamped; empty strokes
    are dropped. A signature needs at least one stroke of two points.
    """
    result: list[list[list[float]]] = []
    total = 0
    for stroke in strokes:
        points: list[list[float]] = []
        for point in stroke:
            if len(point) < 2:
                continue
            x, y = float(point[0]), float(point[1])
            if not (-0.05 <= x <= 1.05 and -0.05 <= y <= 1.05):
                raise WorkbenchError(
                    QT_TRANSLATE_NOOP("messages", "The signature has points outside its box.")
                )
            points.append(
                [
                    round(min(max(x, 0.0), 1.0), COORD_DIGITS),
                    round(min(max(y, 0.0), 1.0), COORD_DIGITS),
                ]
            )
        if points:
            result.append(points)
            total += len(points)
    if not any(len(s) >= 2 for s in result):
        raise WorkbenchError(QT_TRANSLATE_NOOP("messages", "The signature is empty; please sign."))
    if total > MAX_POINTS:
        raise WorkbenchError(QT_TRANSLATE_NOOP("messages", "The signature has too many points."))
    return result


def signature_doc(row: Signature) -> SignatureDoc:
    return SignatureDoc(
        role=row.role,
        signer_name=row.signer_name,
        signed_at=row.signed_at,
        strokes=tuple(tuple((float(p[0]), float(p[1])) for p in s) for s in row.strokes),
        aspect=float(row.aspect),
    )


def save_signature(  # noqa: PLR0917 - the shared API, positional as agreed
    session: Session,
    record_type: str,
    record_id: str,
    role: str,
    signer_name: str,
    strokes: Sequence[Sequence[Sequence[float]]],
    aspect: float,
    engineer_id: str | None = None,
    signed_at: dt.datetime | None = None,
) -> SignatureDoc:
    """Store one drawn signature of a record (one per role)."""
    if role not in ROLES:
        raise ValueError(f"unknown signature role {role!r}")
    signer_name = signer_name.strip()
    if not signer_name:
        raise WorkbenchError(QT_TRANSLATE_NOOP("messages", "Type the signer's name."))
    if not 0.2 <= float(aspect) <= 20:
        raise ValueError(f"implausible signature pad aspect {aspect!r}")
    existing = session.scalar(
        select(Signature.id).where(
            Signature.record_type == record_type,
            Signature.record_id == record_id,
            Signature.role == role,
        )
    )
    if existing is not None:
        raise WorkbenchError(QT_TRANSLATE_NOOP("messages", "This record is already signed."))
    row = Signature(
        record_type=record_type,
        record_id=record_id,
        role=role,
        signer_name=signer_name,
        engineer_id=engineer_id,
        signed_at=signed_at or utc_now(),
        strokes=normalise_strokes(strokes),
        aspect=Decimal(str(round(float(aspect), 4))),
    )
    session.add(row)
    session.flush()
    return signature_doc(row)


def save_signatures(
    session: Session,
    record_type: str,
    record_id: str,
    signatures: Signatures,
    *,
    engineer_name: str,
    engineer_id: str,
    signed_at: dt.datetime,
) -> None:
    """Store both signatures of a sign-off (the engineer's first, then the client's)."""
    save_signature(
        session,
        record_type,
        record_id,
        "engineer",
        engineer_name,
        signatures.engineer_strokes,
        signatures.engineer_aspect,
        engineer_id=engineer_id,
        signed_at=signed_at,
    )
    save_signature(
        session,
        record_type,
        record_id,
        "client",
        signatures.client_name,
        signatures.client_strokes,
        signatures.client_aspect,
        signed_at=signed_at,
    )


def signatures_of(session: Session, record_type: str, record_id: str) -> list[Signature]:
    return list(
        session.scalars(
            select(Signature)
            .where(Signature.record_type == record_type, Signature.record_id == record_id)
            .order_by(Signature.role.desc())  # engineer first, then client
        )
    )


def signatures_content(session: Session, record_type: str, record_id: str) -> list[dict[str, Any]]:
    """The signatures of a record as canonical content (strokes by their hash)."""
    return [
        {
            "role": s.role,
            "signer_name": s.signer_name,
            "signed_at": s.signed_at,
            "aspect": Decimal(str(s.aspect)).quantize(Decimal("0.0001")),
            "strokes_sha256": hashing.content_hash(s.strokes),
        }
        for s in signatures_of(session, record_type, record_id)
    ]


# -- the chain ----------------------------------------------------------------------


def _kind(record_type: str) -> SignedKind:
    kind = signed_kinds().get(record_type)
    if kind is None:
        raise LookupError(f"no signed record kind {record_type!r}")
    return kind


def compute_content_hash(session: Session, record_type: str, record_id: str) -> str:
    return hashing.content_hash(_kind(record_type).content(session, record_id))


def lock_counter(session: Session, name: str) -> SequenceCounter:
    """The named counter row, locked for the rest of this transaction (a row lock on
    PostgreSQL; SQLite already holds the database's write lock from BEGIN IMMEDIATE).

    Taking numbers from a locked counter inside the transaction that uses them keeps
    them unique and gap-free: a rolled-back transaction gives its number back.
    """
    # The audit trail's writer lock first: every writer takes the locks in one order.
    acquire_write_lock(session)
    query = select(SequenceCounter).where(SequenceCounter.name == name).with_for_update()
    counter = session.scalar(query)
    if counter is None:
        try:
            with session.begin_nested():
                session.add(SequenceCounter(name=name, value=0))
        except IntegrityError:
            pass  # another transaction created it first; lock theirs
        counter = session.scalar(query)
        assert counter is not None
    return counter


def append_to_chain(
    session: Session, record_type: str, record_id: str, signed_at: dt.datetime | None = None
) -> SignedLink:
    """Add the record's link at the end of the chain, in the caller's transaction."""
    existing = session.scalar(
        select(SignedRecord).where(
            SignedRecord.record_type == record_type, SignedRecord.record_id == record_id
        )
    )
    if existing is not None:
        raise WorkbenchError(QT_TRANSLATE_NOOP("messages", "This record is already signed."))
    session.flush()
    content = compute_content_hash(session, record_type, record_id)
    counter = lock_counter(session, CHAIN_COUNTER)
    last = session.scalar(select(SignedRecord).order_by(SignedRecord.seq.desc()).limit(1))
    prev = last.chain_hash if last is not None else hashing.GENESIS_HASH
    seq = (last.seq if last is not None else 0) + 1
    row = SignedRecord(
        seq=seq,
        record_type=record_type,
        record_id=record_id,
        content_hash=content,
        prev_hash=prev,
        chain_hash=hashing.chain_hash(prev, content),
        signed_at=signed_at or utc_now(),
    )
    session.add(row)
    counter.value = seq
    session.flush()
    log.info("signed %s %s as link %d", record_type, record_id, seq)
    return _link(row)


def link_of(session: Session, record_type: str, record_id: str) -> SignedLink | None:
    row = session.scalar(
        select(SignedRecord).where(
            SignedRecord.record_type == record_type, SignedRecord.record_id == record_id
        )
    )
    return _link(row) if row is not None else None


def _label(session: Session, record_type: str, record_id: str) -> str:
    kind = signed_kinds().get(record_type)
    if kind is None or kind.label is None:
        return record_id
    try:
        return kind.label(session, record_id)
    except RecordMissingError:
        return record_id


def count_links(session: Session) -> int:
    """How many records the signing chain holds."""
    return session.scalar(select(func.count()).select_from(SignedRecord)) or 0


def verify_chain(session: Session) -> list[VerifyProblem]:
    """Recompute every link; one problem per bad record (or broken link), in chain order."""
    kinds = signed_kinds()
    problems: list[VerifyProblem] = []
    prev = hashing.GENESIS_HASH
    expected_seq = 1
    linked: set[tuple[str, str]] = set()

    def problem(row: SignedRecord, kind: str) -> None:
        problems.append(
            VerifyProblem(
                row.seq,
                row.record_type,
                row.record_id,
                _label(session, row.record_type, row.record_id),
                kind,
            )
        )

    for row in session.scalars(select(SignedRecord).order_by(SignedRecord.seq)):
        linked.add((row.record_type, row.record_id))
        link_ok = (
            row.seq == expected_seq
            and row.prev_hash == prev
            and row.chain_hash == hashing.chain_hash(row.prev_hash, row.content_hash)
        )
        kind = kinds.get(row.record_type)
        if kind is None:
            problem(row, "unknown_type")
        else:
            try:
                content = hashing.content_hash(kind.content(session, row.record_id))
            except RecordMissingError:
                problem(row, "missing")
            else:
                if content != row.content_hash:
                    problem(row, "content")
                elif not link_ok:
                    problem(row, "link" if row.seq == expected_seq else "sequence")
        prev = row.chain_hash
        expected_seq = row.seq + 1
    for record_type, kind in sorted(kinds.items()):
        if kind.signed_ids is None:
            continue
        for record_id in kind.signed_ids(session):
            if (record_type, record_id) not in linked:
                problems.append(
                    VerifyProblem(
                        None,
                        record_type,
                        record_id,
                        _label(session, record_type, record_id),
                        "unlinked",
                    )
                )
    return problems
