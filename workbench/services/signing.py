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
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from workbench.data.audit import acquire_write_lock
from workbench.data.models import Engineer, EngineerKey, Signature, SignedRecord
from workbench.data.models.audit import AuditLog
from workbench.data.models.workorders import SequenceCounter
from workbench.data.store import read_store_uuid
from workbench.domain import hashing, keys
from workbench.domain.documents import SignatureDoc
from workbench.domain.messages import QT_TRANSLATE_NOOP, WorkbenchError
from workbench.domain.timeutil import now as utc_now

if TYPE_CHECKING:
    from workbench.services.engineers import SigningKey

log = logging.getLogger("workbench.services.signing")

ContentBuilder = Callable[[Session, str], dict[str, Any]]
LabelFunction = Callable[[Session, str], str]
SignedIds = Callable[[Session], Iterable[str]]
SignerOf = Callable[[Session, str], "str | None"]
# A drawn signature: strokes of [x, y] points in the 0..1 box of the pad.
Strokes = Sequence[Sequence[Sequence[float]]]

ROLES = ("engineer", "client")
# The record type of a key registration (engineers.KEY_RECORD_TYPE; that module signs
# through this one, so the name is repeated rather than imported).
_KEY_RECORD_TYPE = "engineer_key"
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
    to be signed, so that a signed record whose link was removed is found too;
    ``signer`` gives the id of the engineer whose key must have signed the record.
    """

    record_type: str
    content: ContentBuilder
    label: LabelFunction | None = None
    signed_ids: SignedIds | None = None
    signer: SignerOf | None = None


@functools.cache
def signed_kinds() -> Mapping[str, SignedKind]:
    """Every kind of signed record, by record type: the one list of them."""
    # Imported here, not at the top: these modules sign their records through this one.
    from workbench.services import engineers
    from workbench.services.inspections import signoff as rounds
    from workbench.services.registers import excuses
    from workbench.services.workorders import signoff as orders

    kinds = (
        engineers.SIGNED_KEY,
        orders.SIGNED_WORK_ORDER,
        orders.SIGNED_AMENDMENT,
        rounds.SIGNED_ROUND,
        excuses.SIGNED_EXCUSE,
    )
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
    version: int = 1
    key_fingerprint: str = ""
    signature: str = ""


@dataclass(frozen=True)
class VerifyProblem:
    seq: int | None
    record_type: str
    record_id: str
    label: str  # the record's number, or its id when it has none
    # "content" | "missing" | "link" | "sequence" | "unlinked" | "unknown_type" |
    # "signature" | "signer" | "key" | "approval" | "retired_key" | "store" |
    # "history" | "downgrade" | "counter"
    problem: str


def _link(row: SignedRecord) -> SignedLink:
    return SignedLink(
        seq=row.seq,
        record_type=row.record_type,
        record_id=row.record_id,
        content_hash=row.content_hash,
        prev_hash=row.prev_hash,
        chain_hash=row.chain_hash,
        signed_at=row.signed_at,
        version=row.version,
        key_fingerprint=row.key_fingerprint,
        signature=row.signature,
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


def engineer_signer(record_type: str) -> SignerOf:
    """A :attr:`SignedKind.signer` for records signed with a drawn engineer signature:
    the engineer named by that signature."""

    def signer(session: Session, record_id: str) -> str | None:
        return session.scalar(
            select(Signature.engineer_id).where(
                Signature.record_type == record_type,
                Signature.record_id == record_id,
                Signature.role == "engineer",
            )
        )

    return signer


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


def audit_head(session: Session) -> tuple[int, str]:
    """The audit trail's last entry (sequence number and hash), as this transaction sees
    it: (0, genesis) while the trail is empty."""
    row = session.execute(
        select(AuditLog.seq, AuditLog.hash).order_by(AuditLog.seq.desc()).limit(1)
    ).first()
    return (int(row[0]), str(row[1])) if row else (0, hashing.GENESIS_HASH)


def append_to_chain(
    session: Session,
    record_type: str,
    record_id: str,
    *,
    signer: SigningKey,
    signed_at: dt.datetime | None = None,
) -> SignedLink:
    """Add the record's link at the end of the chain, signed with ``signer``'s key, in
    the caller's transaction. The link binds the audit trail's head as it stands after
    the record's own changes were flushed."""
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
    store_uuid = read_store_uuid(session.connection()) or ""
    audit_seq, audit_hash = audit_head(session)
    at = signed_at or utc_now()
    message = hashing.link_message(
        store_uuid=store_uuid,
        seq=seq,
        record_type=record_type,
        record_id=record_id,
        content_hash=content,
        prev_hash=prev,
        signed_at=at,
        key_fingerprint=signer.fingerprint,
        audit_seq=audit_seq,
        audit_hash=audit_hash,
    )
    row = SignedRecord(
        seq=seq,
        record_type=record_type,
        record_id=record_id,
        content_hash=content,
        prev_hash=prev,
        chain_hash=hashing.sha256_hex(message),
        signed_at=at,
        version=hashing.LINK_VERSION,
        store_uuid=store_uuid,
        key_fingerprint=signer.fingerprint,
        signature=signer.sign(message),
        audit_seq=audit_seq,
        audit_hash=audit_hash,
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


@dataclass
class _KeySeen:
    """A key as the chain has registered it so far (in chain order)."""

    engineer_id: str
    public_key: str
    seq: int
    retired_at: dt.datetime | None = None
    # False when its registration link failed: what it signed is not trusted either.
    trusted: bool = True


@dataclass
class _ChainWalk:
    """The state of one walk along the chain, link by link."""

    session: Session
    store_uuid: str
    audit_hashes: Mapping[int, str]
    problems: list[VerifyProblem]
    keys: dict[str, _KeySeen]
    first_key_audit_seq: int | None = None
    seen_v2: bool = False

    def problem(self, row: SignedRecord, kind: str) -> None:
        self.problems.append(
            VerifyProblem(
                row.seq,
                row.record_type,
                row.record_id,
                _label(self.session, row.record_type, row.record_id),
                kind,
            )
        )


def _audit_hashes(session: Session, seqs: Iterable[int]) -> dict[int, str]:
    wanted = sorted({s for s in seqs if s > 0})
    found: dict[int, str] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found.update(
            (int(seq), str(digest))
            for seq, digest in session.execute(
                select(AuditLog.seq, AuditLog.hash).where(AuditLog.seq.in_(chunk))
            )
        )
    return found


def _engineer_audit_seq(session: Session, engineer_id: str) -> int | None:
    """The audit entry that inserted the engineer's row (None: the trail has none)."""
    return session.scalar(
        select(func.min(AuditLog.seq)).where(
            AuditLog.table_name == "engineer",
            AuditLog.record_id == engineer_id,
            AuditLog.action == "insert",
        )
    )


def _check_key_registration(walk: _ChainWalk, row: SignedRecord, signed: bool) -> str | None:
    """Register the key a key link names (``signed``: the link's own signature holds);
    the problem with it, if any. A key whose registration fails is still registered,
    untrusted, so that what it signed is named too."""
    key = walk.session.get(EngineerKey, row.record_id)
    if key is None:
        return None  # reported as missing by the content check
    found = _registration_problem(walk, row, key)
    if not signed:
        found = "signature"
    if key.replaces_fingerprint in walk.keys:
        walk.keys[key.replaces_fingerprint].retired_at = row.signed_at
    walk.keys[key.fingerprint] = _KeySeen(
        key.engineer_id, key.public_key, row.seq, trusted=found is None
    )
    if walk.first_key_audit_seq is None:
        walk.first_key_audit_seq = row.audit_seq
    return found


def _registration_problem(walk: _ChainWalk, row: SignedRecord, key: EngineerKey) -> str | None:
    """Whether a key's registration holds: self-signed, and approved where it must be."""
    if (
        row.key_fingerprint != key.fingerprint
        or keys.fingerprint(key.public_key) != key.fingerprint
    ):
        return "key"
    earlier_own = [k for k in walk.keys.values() if k.engineer_id == key.engineer_id]
    needs_approval = bool(key.replaces_fingerprint)
    if key.replaces_fingerprint:
        replaced = walk.keys.get(key.replaces_fingerprint)
        if replaced is None or replaced.engineer_id != key.engineer_id:
            return "approval"
    elif earlier_own:
        return "approval"  # a second key for an engineer must replace the first
    elif walk.keys:
        # A first key once others exist: approved, unless the engineer is from before
        # keys (inserted in the audit trail before the first key's registration).
        created = _engineer_audit_seq(walk.session, key.engineer_id)
        first = walk.first_key_audit_seq
        needs_approval = created is None or first is None or created > first
    if needs_approval:
        approver = walk.keys.get(key.approver_fingerprint)
        if (
            approver is None
            or approver.engineer_id == key.engineer_id
            or (approver.retired_at is not None and approver.retired_at <= row.signed_at)
        ):
            return "approval"
        engineer = _engineer_name(walk.session, key.engineer_id)
        message = hashing.approval_message(
            store_uuid=key.store_uuid,
            engineer=engineer,
            fingerprint=key.fingerprint,
            replaces=key.replaces_fingerprint,
        )
        if not keys.verify(approver.public_key, message, key.approval_signature):
            return "approval"
        if not approver.trusted:
            return "approval"
    return None


def _engineer_name(session: Session, engineer_id: str) -> str:
    engineer = session.get(Engineer, engineer_id)
    return engineer.name if engineer is not None else ""


def _check_v2(walk: _ChainWalk, row: SignedRecord, kind: SignedKind | None) -> str | None:
    """The first problem of a version-2 link's own fields (after its content matched)."""
    message = hashing.link_message(
        store_uuid=row.store_uuid,
        seq=row.seq,
        record_type=row.record_type,
        record_id=row.record_id,
        content_hash=row.content_hash,
        prev_hash=row.prev_hash,
        signed_at=row.signed_at,
        key_fingerprint=row.key_fingerprint,
        audit_seq=row.audit_seq,
        audit_hash=row.audit_hash,
    )
    if row.chain_hash != hashing.sha256_hex(message):
        return "link"
    if walk.store_uuid and row.store_uuid != walk.store_uuid:
        return "store"
    # A rewritten history is named after the signature: a forger who re-chained broke both.
    history = None
    if row.audit_seq and walk.audit_hashes.get(row.audit_seq) != row.audit_hash:
        history = "history"
    if row.record_type == _KEY_RECORD_TYPE:
        key = walk.session.get(EngineerKey, row.record_id)
        signed = key is not None and keys.verify(key.public_key, message, row.signature)
        return _check_key_registration(walk, row, signed) or history
    seen = walk.keys.get(row.key_fingerprint)
    if seen is None:
        return "key"
    if not keys.verify(seen.public_key, message, row.signature):
        return "signature"
    if not seen.trusted:
        return "key"
    if history is not None:
        return history
    if seen.retired_at is not None and seen.retired_at <= row.signed_at:
        return "retired_key"
    if (
        kind is not None
        and kind.signer is not None
        and (kind.signer(walk.session, row.record_id) != seen.engineer_id)
    ):
        return "signer"
    return None


def verify_chain(session: Session) -> list[VerifyProblem]:
    """Recompute every link and check every signature; one problem per bad record (or
    broken link), in chain order, then the signed records that have no link."""
    kinds = signed_kinds()
    rows = list(session.scalars(select(SignedRecord).order_by(SignedRecord.seq)))
    walk = _ChainWalk(
        session=session,
        store_uuid=read_store_uuid(session.connection()) or "",
        audit_hashes=_audit_hashes(session, (r.audit_seq for r in rows)),
        problems=[],
        keys={},
    )
    prev = hashing.GENESIS_HASH
    expected_seq = 1
    linked: set[tuple[str, str]] = set()
    for row in rows:
        linked.add((row.record_type, row.record_id))
        in_place = row.seq == expected_seq and row.prev_hash == prev
        kind = kinds.get(row.record_type)
        if kind is None:
            walk.problem(row, "unknown_type")
        else:
            try:
                content = hashing.content_hash(kind.content(session, row.record_id))
            except RecordMissingError:
                walk.problem(row, "missing")
            else:
                if content != row.content_hash:
                    walk.problem(row, "content")
                elif not in_place:
                    walk.problem(row, "link" if row.seq == expected_seq else "sequence")
                elif row.version == hashing.LINK_VERSION:
                    found = _check_v2(walk, row, kind)
                    if found is not None:
                        walk.problem(row, found)
                elif row.version != 1 or walk.seen_v2:
                    walk.problem(row, "downgrade")
                elif row.chain_hash != hashing.chain_hash(row.prev_hash, row.content_hash):
                    walk.problem(row, "link")
        walk.seen_v2 = walk.seen_v2 or row.version == hashing.LINK_VERSION
        prev = row.chain_hash
        expected_seq = row.seq + 1
    counter = session.scalar(
        select(SequenceCounter.value).where(SequenceCounter.name == CHAIN_COUNTER)
    )
    last_seq = rows[-1].seq if rows else 0
    if (counter or 0) != last_seq:
        walk.problems.append(VerifyProblem(counter, "", "", str(counter or 0), "counter"))
    for record_type, signed_kind in sorted(kinds.items()):
        if signed_kind.signed_ids is None:
            continue
        for record_id in signed_kind.signed_ids(session):
            if (record_type, record_id) not in linked:
                walk.problems.append(
                    VerifyProblem(
                        None,
                        record_type,
                        record_id,
                        _label(session, record_type, record_id),
                        "unlinked",
                    )
                )
    return walk.problems


def count_legacy_links(session: Session) -> int:
    """How many links come from before engineer keys (version 1, unsigned by a key)."""
    return (
        session.scalar(
            select(func.count()).select_from(SignedRecord).where(SignedRecord.version == 1)
        )
        or 0
    )
