"""The audit trail, written by session events: every area gets it without doing anything.

Every session the store hands out is an :class:`AuditedSession`. After each flush, one
``audit_log`` row per inserted, updated or deleted record is written through the same
connection, so it commits or rolls back with the change itself. A row says who (the
session's ``info["actor"]``), when, which table and record, the action, and the old and
new values as canonical JSON; for an update only the changed columns.

The rows form a hash chain: each stores the previous row's hash and its own SHA-256 over
its canonical content, so that an edited, inserted or removed row is found by
:func:`workbench.services.audit.verify_audit_chain`. Writers are serialised (SQLite's
``BEGIN IMMEDIATE``; a transaction-scoped advisory lock on PostgreSQL), so the chain never
forks.

Secrets never reach the trail: PIN hashes are replaced by a marker and drawn signatures by
their digest, which still shows that they changed.

Not covered: bulk ``UPDATE``/``DELETE`` statements run with ``session.execute`` bypass
the ORM's flush and so the trail; the services use the ORM for changes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Table, event, insert, inspect, select, text
from sqlalchemy.orm import Session, SessionTransaction, UOWTransaction
from sqlalchemy.orm.state import InstanceState

from workbench.data.models.audit import AuditLog
from workbench.data.models.base import utcnow

GENESIS_HASH = "0" * 64
# Any constant: the key of PostgreSQL's advisory lock that serialises audit writers.
PG_AUDIT_LOCK_KEY = 0x5742_4155  # "WBAU"
NOT_AUDITED = frozenset({"audit_log", "alembic_version"})
REDACTED = frozenset({("engineer", "pin_hash"), ("engineer_key", "sealed_private")})
DIGESTED = frozenset({("signature", "strokes")})
REDACTED_MARK = "***"


class AuditedSession(Session):
    """The store's session class: changes flushed through it are audited."""


def _default(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            return value.isoformat(timespec="microseconds")
        return value.astimezone(dt.UTC).isoformat(timespec="microseconds")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    return str(value)


def canonical_json(value: Any) -> str:
    """JSON with sorted keys and no spaces: the same text for the same content, always."""
    return json.dumps(
        value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_default
    )


def _stamp(at: dt.datetime) -> str:
    if at.tzinfo is None:
        at = at.replace(tzinfo=dt.UTC)
    return at.astimezone(dt.UTC).isoformat(timespec="microseconds")


def row_hash(
    *,
    seq: int,
    at: dt.datetime,
    actor: str,
    table_name: str,
    record_id: str,
    action: str,
    old_values: str,
    new_values: str,
    prev_hash: str,
) -> str:
    """SHA-256 over the canonical content of one audit row, including the previous hash."""
    content = canonical_json(
        [seq, _stamp(at), actor, table_name, record_id, action, old_values, new_values, prev_hash]
    )
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def _audited_value(table: str, column: str, value: Any) -> Any:
    if value is None:
        return None
    if (table, column) in REDACTED:
        return REDACTED_MARK
    if (table, column) in DIGESTED:
        return "sha256:" + hashlib.sha256(canonical_json(value).encode("utf-8")).hexdigest()
    return value


def _columns(state: InstanceState[Any]) -> list[tuple[str, str]]:
    """(attribute key, column name) of every mapped column of the instance."""
    return [(attr.key, attr.columns[0].name) for attr in state.mapper.column_attrs]


def _table(state: InstanceState[Any]) -> str:
    return str(getattr(state.mapper.persist_selectable, "name", state.mapper.class_.__name__))


def _record_id(state: InstanceState[Any]) -> str:
    identity = state.identity or state.mapper.primary_key_from_instance(state.obj())
    return "/".join("" if part is None else str(part) for part in identity)


def _loaded_values(state: InstanceState[Any]) -> dict[str, Any]:
    table = _table(state)
    values: dict[str, Any] = {}
    for key, column in _columns(state):
        if key in state.dict:
            values[column] = _audited_value(table, column, state.dict[key])
    return values


def acquire_write_lock(session: Session) -> None:
    """Serialise this transaction with every other writer, until it ends.

    On SQLite ``BEGIN IMMEDIATE`` already did. On PostgreSQL this is a transaction-scoped
    advisory lock, taken before the first change is flushed. Code that locks rows of its
    own (``SELECT ... FOR UPDATE`` on a counter) calls this first, so that every writer
    takes the locks in the same order and none can deadlock another.
    """
    # Taken again at every flush (a no-op when held): a savepoint rolled back releases
    # a lock taken inside it.
    if session.get_bind().dialect.name == "postgresql":
        session.connection().execute(
            text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_AUDIT_LOCK_KEY}
        )


@event.listens_for(AuditedSession, "before_flush")
def _before_flush(session: Session, _flush_context: UOWTransaction, _instances: Any) -> None:
    if not (session.new or session.dirty or session.deleted):
        return
    acquire_write_lock(session)
    # Deleted rows: read their values while the rows still exist.
    snapshots: dict[int, dict[str, Any]] = session.info.setdefault("_audit_deleted", {})
    for obj in session.deleted:
        state = inspect(obj)
        if _table(state) in NOT_AUDITED:
            continue
        for attr in state.mapper.column_attrs:
            getattr(obj, attr.key)  # loads an expired attribute
        snapshots[id(obj)] = _loaded_values(state)


def _changes(session: Session) -> list[tuple[str, str, str, dict[str, Any], dict[str, Any]]]:
    entries: list[tuple[str, str, str, dict[str, Any], dict[str, Any]]] = []
    snapshots: dict[int, dict[str, Any]] = session.info.pop("_audit_deleted", {})
    for obj in session.new:
        state = inspect(obj)
        table = _table(state)
        if table not in NOT_AUDITED:
            entries.append((table, _record_id(state), "insert", {}, _loaded_values(state)))
    for obj in session.dirty:
        state = inspect(obj)
        table = _table(state)
        if table in NOT_AUDITED:
            continue
        old: dict[str, Any] = {}
        new: dict[str, Any] = {}
        for key, column in _columns(state):
            history = state.attrs[key].history
            if not history.has_changes():
                continue
            before = history.deleted[0] if history.deleted else None
            after = history.added[0] if history.added else None
            if before == after:
                continue
            old[column] = _audited_value(table, column, before)
            new[column] = _audited_value(table, column, after)
        if new:
            version_col = state.mapper.version_id_col
            if version_col is not None:
                key = state.mapper.get_property_by_column(version_col).key
                new.setdefault(version_col.name, state.dict.get(key))
            entries.append((table, _record_id(state), "update", old, new))
    for obj in session.deleted:
        state = inspect(obj)
        table = _table(state)
        if table not in NOT_AUDITED:
            values = snapshots.get(id(obj)) or _loaded_values(state)
            entries.append((table, _record_id(state), "delete", values, {}))
    return entries


@event.listens_for(AuditedSession, "after_flush")
def _after_flush(session: Session, _flush_context: UOWTransaction) -> None:
    entries = _changes(session)
    if not entries:
        return
    conn = session.connection()
    table = cast(Table, AuditLog.__table__)
    last = conn.execute(select(table.c.seq, table.c.hash).order_by(table.c.seq.desc()).limit(1))
    row = last.first()
    seq, prev = (int(row[0]), str(row[1])) if row else (0, GENESIS_HASH)
    at = utcnow()
    actor = str(session.info.get("actor") or "")
    rows = []
    for table_name, record_id, action, old, new in entries:
        seq += 1
        old_text, new_text = canonical_json(old), canonical_json(new)
        digest = row_hash(
            seq=seq,
            at=at,
            actor=actor,
            table_name=table_name,
            record_id=record_id,
            action=action,
            old_values=old_text,
            new_values=new_text,
            prev_hash=prev,
        )
        rows.append(
            {
                "seq": seq,
                "at": at,
                "actor": actor,
                "table_name": table_name,
                "record_id": record_id,
                "action": action,
                "old_values": old_text,
                "new_values": new_text,
                "prev_hash": prev,
                "hash": digest,
            }
        )
        prev = digest
    conn.execute(insert(table), rows)


@event.listens_for(AuditedSession, "after_transaction_end")
def _after_transaction_end(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:  # the outermost transaction
        session.info.pop("_audit_deleted", None)
