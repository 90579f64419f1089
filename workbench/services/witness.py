"""The witness: the last head this laptop saw of each store, kept outside the store.

An attacker who has the database file can rewrite it whole: re-hash the audit trail,
drop the newest signed records, or put back an older copy. What the file alone cannot
show, a copy of its head kept elsewhere can. The witness is a small JSON file beside the
settings (``config_dir()/witness.json``) and a copy inside every backup
(:mod:`workbench.services.backups`). For each store (by its UUID) it keeps the head (the
audit trail's last entry), the signing chain's last link, how many links are from before
keys, and the public keys registered so far.

At every open, after every committed write and in ``verify``, :func:`check` compares the
store with it. A store that extends the witness moves it forward (:func:`observe`); one
that is shorter, or whose history differs, leaves it where it is, so that the warning
stays until someone accepts what happened (:func:`accept`), which leaves an entry in the
audit trail saying so.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench import config
from workbench.data.audit import canonical_json
from workbench.data.models import EngineerKey, SignedRecord
from workbench.data.models.audit import AuditLog
from workbench.data.models.identity import StoreEvent
from workbench.data.store import Store, read_store_uuid
from workbench.domain.timeutil import now as utc_now
from workbench.services import signing
from workbench.services.integrity import Head, head

log = logging.getLogger("workbench.services.witness")

FILE_NAME = "witness.json"
FORMAT = 1
OK, NEW, BEHIND, DIFFERS, KEYS, DOWNGRADE = "ok", "new", "behind", "differs", "keys", "downgrade"
DAMAGED = "damaged"


def default_path() -> Path:
    return config.config_dir() / FILE_NAME


@dataclass(frozen=True)
class Seen:
    """What the witness holds of one store."""

    seq: int
    hash: str
    signed_seq: int
    signed_hash: str
    legacy_links: int
    keys: dict[str, str] = field(default_factory=dict)  # fingerprint -> public key
    seen_at: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "hash": self.hash,
            "signed_seq": self.signed_seq,
            "signed_hash": self.signed_hash,
            "legacy_links": self.legacy_links,
            "keys": dict(sorted(self.keys.items())),
            "seen_at": self.seen_at,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Seen:
        return cls(
            seq=int(data["seq"]),
            hash=str(data["hash"]),
            signed_seq=int(data.get("signed_seq", 0)),
            signed_hash=str(data.get("signed_hash", "")),
            legacy_links=int(data.get("legacy_links", 0)),
            keys={str(k): str(v) for k, v in dict(data.get("keys", {})).items()},
            seen_at=str(data.get("seen_at", "")),
        )


def load(path: Path) -> dict[str, Seen]:
    """Every store the witness file knows; a missing file knows none. A damaged file is
    an error (the caller says so): silently starting afresh would hide a rollback."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    try:
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError("not a witness file")
        return {str(k): Seen.from_json(v) for k, v in dict(data.get("stores", {})).items()}
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise WitnessDamaged(f"{path}: {exc}") from exc


class WitnessDamaged(ValueError):
    """The witness file cannot be read: treated as a failed check, never as no witness."""


def save(path: Path, stores: dict[str, Seen]) -> None:
    body = {
        "format": FORMAT,
        "stores": {k: v.to_json() for k, v in sorted(stores.items())},
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    data = (json.dumps(body, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    # A temporary file of this writer's own, then one rename: the GUI and a command run
    # at once never leave half a file, the later rename simply wins.
    handle, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _state(session: Session) -> tuple[Head, Seen]:
    """The store's head, and its state as the witness would record it (one read of each)."""
    current = head(session)
    found = {
        str(fp): str(public)
        for fp, public in session.execute(select(EngineerKey.fingerprint, EngineerKey.public_key))
    }
    seen = Seen(
        seq=current.seq,
        hash=current.hash,
        signed_seq=current.signed_seq,
        signed_hash=current.signed_hash,
        legacy_links=signing.count_legacy_links(session),
        keys=found,
        seen_at=utc_now().isoformat(timespec="seconds"),
    )
    return current, seen


def seen_now(session: Session) -> Seen:
    """The store's state as the witness would record it."""
    return _state(session)[1]


@dataclass(frozen=True)
class Check:
    """How the store stands against its witness. ``status``: :data:`OK` (it extends the
    head seen), :data:`NEW` (never seen here), :data:`BEHIND` (shorter: rolled back or
    cut), :data:`DIFFERS` (the history up to the head seen was rewritten), :data:`KEYS`
    (a key seen is gone or changed), :data:`DOWNGRADE` (links turned into old-style ones).
    """

    status: str
    store_uuid: str
    seen: Seen | None
    current: Head
    missing_entries: int = 0
    missing_signed: int = 0
    now: Seen | None = None  # the store's state as read for the check (what observe keeps)

    @property
    def ok(self) -> bool:
        return self.status in (OK, NEW)


def compare(session: Session, seen: Seen | None) -> Check:
    """The store against ``seen`` (what a witness holds of it)."""
    store_uuid = read_store_uuid(session.connection()) or ""
    current, now = _state(session)
    if seen is None:
        return Check(NEW, store_uuid, None, current, now=now)
    if current.seq < seen.seq or current.signed_seq < seen.signed_seq:
        return Check(
            BEHIND,
            store_uuid,
            seen,
            current,
            missing_entries=max(0, seen.seq - current.seq),
            missing_signed=max(0, seen.signed_seq - current.signed_seq),
            now=now,
        )
    at_seen = session.scalar(select(AuditLog.hash).where(AuditLog.seq == seen.seq))
    seen_link = session.scalar(
        select(SignedRecord.chain_hash).where(SignedRecord.seq == seen.signed_seq)
    )
    if (seen.seq and at_seen != seen.hash) or (seen.signed_seq and seen_link != seen.signed_hash):
        return Check(DIFFERS, store_uuid, seen, current, now=now)
    if any(now.keys.get(fp) != public for fp, public in seen.keys.items()):
        return Check(KEYS, store_uuid, seen, current, now=now)
    if now.legacy_links > seen.legacy_links:
        return Check(DOWNGRADE, store_uuid, seen, current, now=now)
    return Check(OK, store_uuid, seen, current, now=now)


def check(session: Session, path: Path | None = None) -> Check:
    path = path or default_path()
    store_uuid = read_store_uuid(session.connection()) or ""
    try:
        stores = load(path)
    except WitnessDamaged:
        log.error("the witness file %s is damaged", path)
        return Check(DAMAGED, store_uuid, None, head(session))
    return compare(session, stores.get(store_uuid))


def observe(session: Session, path: Path | None = None) -> Check:
    """Check the store against the witness and, when it extends what was seen (or was
    never seen), move the witness to the store's head."""
    path = path or default_path()
    try:
        stores = load(path)
    except WitnessDamaged:
        return check(session, path)  # damaged: stays a failure until accepted
    store_uuid = read_store_uuid(session.connection()) or ""
    result = compare(session, stores.get(store_uuid))
    if result.ok and store_uuid:
        now_seen = result.now
        assert now_seen is not None  # compare() reads it for every status but DAMAGED
        previous = stores.get(store_uuid)
        if previous is None or previous.to_json() | {"seen_at": ""} != now_seen.to_json() | {
            "seen_at": ""
        }:
            stores[store_uuid] = now_seen
            save(path, stores)
    return result


def accept(
    session: Session, result: Check, *, kind: str = "rollback_accepted", note: str = ""
) -> None:
    """Record, in the caller's transaction, that the store's state against its witness
    was accepted (a rollback, a restore of an older backup): an entry in the audit trail.
    Call :func:`reanchor` after the commit."""
    detail = {
        "status": result.status,
        "seen": result.seen.to_json() if result.seen else None,
        "head": {"seq": result.current.seq, "hash": result.current.hash},
        "missing_entries": result.missing_entries,
        "missing_signed": result.missing_signed,
        "note": note,
    }
    session.add(
        StoreEvent(id=str(uuid.uuid4()), at=utc_now(), kind=kind, detail=canonical_json(detail))
    )
    session.flush()
    log.warning("store %s: %s accepted (%s)", result.store_uuid, result.status, kind)


def reanchor(session: Session, path: Path | None = None) -> None:
    """Set the witness to the store's head, whatever it held before."""
    path = path or default_path()
    try:
        stores = load(path)
    except WitnessDamaged:
        stores = {}  # accepted: a new witness, from this store's head
    store_uuid = read_store_uuid(session.connection()) or ""
    if store_uuid:
        stores[store_uuid] = seen_now(session)
        save(path, stores)


def attach(store: Store, path: Path | None = None) -> None:
    """Keep the witness current after every committed write to ``store`` (once per
    store, however often it is attached)."""
    if any(getattr(hook, "witness_hook", False) for hook in store.after_commit):
        return

    def after_commit(committed: Store) -> None:
        try:
            with committed.read() as session:
                observe(session, path)
        except Exception:  # a witness that cannot be written must not fail the write
            log.exception("could not update the witness")

    after_commit.witness_hook = True  # type: ignore[attr-defined]
    hook: Callable[[Store], None] = after_commit
    store.after_commit.append(hook)


__all__ = [
    "BEHIND",
    "DAMAGED",
    "DIFFERS",
    "DOWNGRADE",
    "KEYS",
    "NEW",
    "OK",
    "Check",
    "Seen",
    "accept",
    "accept_and_reanchor",
    "attach",
    "check",
    "compare",
    "default_path",
    "load",
    "observe",
    "reanchor",
    "save",
]


def accept_and_reanchor(
    store: Store, *, kind: str = "rollback_accepted", note: str = "", actor: str = ""
) -> Check:
    """Accept the store as it stands against the witness: the acceptance is written to
    the audit trail, then the witness is moved to the store's head. The check accepted."""
    with store.transaction(actor) as session:
        result = check(session)
        accept(session, result, kind=kind, note=note)
    with store.read() as session:
        reanchor(session)
    return result
