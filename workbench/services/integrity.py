"""What ``verify`` checks beyond the links of the signing chain.

- **The head.** The store's head is the audit trail's last entry: every change of every
  record is an entry there, hash-chained, so its sequence number and hash stand for the
  whole history (:func:`head`). Paper carries it; :func:`check_anchor` proves the store
  still extends a head that was printed or kept elsewhere.
- **Rows that the trail does not explain.** Each row of the tables the paper relies on
  must equal what its audit entries say it became (:func:`unexplained_rows`): a row
  changed, added or removed behind the application's back (a direct SQL edit, even with
  the trail re-hashed afterwards) is found here, and the re-hash by the anchors.
- **Numbers without gaps.** Work orders and rounds are numbered gap-free per year from
  locked counters; a missing number means a deleted record (:func:`number_gaps`).
- **Work logs after sign-off.** A signed order's log takes only corrections
  (:func:`late_log_entries`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import Numeric, func, inspect, select
from sqlalchemy.orm import Session

from workbench.data import audit as audit_trail
from workbench.data.models import Base, SignedRecord
from workbench.data.models.audit import AuditLog
from workbench.data.models.inspections import InspectionRound
from workbench.data.models.workorders import SequenceCounter, WorkLogEntry, WorkOrder
from workbench.domain import hashing
from workbench.domain.inspections import format_round_number
from workbench.domain.workorders import format_number

# The tables whose rows must match the audit trail: what signed paper and the clocks
# rest on. Others (settings-like rows, caches) are covered by the trail's chain alone.
COVERED_TABLES = (
    "engineer",
    "engineer_key",
    "signature",
    "signed_record",
    "store_event",
    "work_order",
    "work_order_asset",
    "work_order_event",
    "work_order_amendment",
    "work_log_entry",
    "inspection_round",
    "device_inspection",
)
# Columns the application sets outside the audited flush, or keeps out of the trail.
_UNTRACKED = frozenset({"updated_at"})


@dataclass(frozen=True)
class Head:
    """The store's head: the audit trail's last entry, and the signing chain's last link."""

    seq: int
    hash: str
    at: dt.datetime | None
    signed_seq: int
    signed_hash: str

    @property
    def anchor(self) -> str:
        """``SEQ:HASH``, what ``verify --anchor`` takes."""
        return f"{self.seq}:{self.hash}"

    @property
    def short(self) -> str:
        """What paper shows: ``#SEQ`` and the first 16 hex digits."""
        return f"#{self.seq} {self.hash[:16]}"


def head(session: Session) -> Head:
    last = session.execute(
        select(AuditLog.seq, AuditLog.hash, AuditLog.at).order_by(AuditLog.seq.desc()).limit(1)
    ).first()
    link = session.execute(
        select(SignedRecord.seq, SignedRecord.chain_hash).order_by(SignedRecord.seq.desc()).limit(1)
    ).first()
    return Head(
        seq=int(last[0]) if last else 0,
        hash=str(last[1]) if last else hashing.GENESIS_HASH,
        at=last[2] if last else None,
        signed_seq=int(link[0]) if link else 0,
        signed_hash=str(link[1]) if link else hashing.GENESIS_HASH,
    )


@dataclass(frozen=True)
class Finding:
    """One thing ``verify`` found. ``kind`` names the check; ``label`` the record (its
    number where it has one) or the range."""

    kind: str  # "gap" | "late_log" | "unexplained" | "anchor_missing" | "anchor_differs"
    label: str
    detail: str = ""


MIN_ANCHOR_DIGITS = 16


def parse_anchor(text: str) -> tuple[int, str]:
    """``SEQ:HASH`` (the hash in full or its first 16 or more hex digits)."""
    seq_text, sep, digest = text.strip().partition(":")
    digest = digest.strip().lower()
    if (
        not sep
        or not seq_text.strip().isdigit()
        or len(digest) < MIN_ANCHOR_DIGITS
        or len(digest) > 64
        or any(c not in "0123456789abcdef" for c in digest)
    ):
        raise ValueError(text)
    return int(seq_text), digest


def check_anchor(session: Session, seq: int, digest: str) -> Finding | None:
    """Whether the store still extends the head ``seq:digest``: the entry is there and its
    hash begins with ``digest``. The trail's own chain check (``verify_audit_chain``)
    proves that everything before it is unchanged too."""
    row = session.execute(
        select(AuditLog.hash, AuditLog.table_name, AuditLog.record_id).where(AuditLog.seq == seq)
    ).first()
    if row is None:
        last = session.scalar(select(func.max(AuditLog.seq))) or 0
        return Finding("anchor_missing", f"{seq}", f"{last + 1}-{seq}")
    if not str(row[0]).startswith(digest):
        return Finding("anchor_differs", f"{seq}", f"{row[1]} {row[2]}")
    return None


# -- rows against the trail ---------------------------------------------------------


def _row_values(obj: Any) -> dict[str, Any]:
    state = inspect(obj)
    table = str(state.mapper.persist_selectable.name)
    values = {}
    for attr in state.mapper.column_attrs:
        column = attr.columns[0].name
        if column in _UNTRACKED:
            continue
        value = audit_trail._audited_value(table, column, getattr(obj, attr.key))
        values[column] = value
    # The same text form the trail stores, read back.
    loaded: dict[str, Any] = json.loads(audit_trail.canonical_json(values))
    return loaded


def _same_number(recorded: Any, current: Any) -> bool:
    """Decimals are equal by value: the trail has ``3.0`` where the column reads ``3.0000``."""
    if isinstance(recorded, str) and isinstance(current, str):
        try:
            return Decimal(recorded) == Decimal(current)
        except InvalidOperation:
            return False
    return False


def _record_id(obj: Any) -> str:
    state = inspect(obj)
    identity = state.identity or ()
    return "/".join("" if part is None else str(part) for part in identity)


def _trail_state(session: Session, tables: Iterable[str]) -> dict[tuple[str, str], dict[str, Any]]:
    """Each covered record as the audit trail says it is now (deleted ones dropped)."""
    state: dict[tuple[str, str], dict[str, Any]] = {}
    query = (
        select(AuditLog.table_name, AuditLog.record_id, AuditLog.action, AuditLog.new_values)
        .where(AuditLog.table_name.in_(list(tables)))
        .order_by(AuditLog.seq)
    )
    for table, record_id, action, new_values in session.execute(query):
        key = (str(table), str(record_id))
        if action == "delete":
            state.pop(key, None)
            continue
        values = json.loads(new_values)
        if action == "insert":
            state[key] = values
        else:
            state.setdefault(key, {}).update(values)
    return state


def unexplained_rows(session: Session, tables: Iterable[str] = COVERED_TABLES) -> list[Finding]:
    """Rows of ``tables`` that differ from what the audit trail says they are, rows the
    trail never saw inserted, and rows the trail has that are gone."""
    wanted = list(tables)
    trail = _trail_state(session, wanted)
    mappers = {str(getattr(m.persist_selectable, "name", "")): m for m in Base.registry.mappers}
    findings: list[Finding] = []
    seen: set[tuple[str, str]] = set()
    for table in wanted:
        mapper = mappers.get(table)
        if mapper is None:
            continue
        numeric = {c.name for c in mapper.columns if isinstance(c.type, Numeric)}
        for obj in session.scalars(select(mapper.class_)):
            key = (table, _record_id(obj))
            seen.add(key)
            expected = trail.get(key)
            if expected is None:
                findings.append(Finding("unexplained", f"{table} {key[1]}", "not in trail"))
                continue
            actual = _row_values(obj)
            differs = sorted(
                column
                for column, value in actual.items()
                if column in expected
                and expected[column] != value
                and not (column in numeric and _same_number(expected[column], value))
            )
            if differs:
                findings.append(Finding("unexplained", f"{table} {key[1]}", ", ".join(differs)))
    for key in sorted(set(trail) - seen):
        findings.append(Finding("unexplained", f"{key[0]} {key[1]}", "removed"))
    return findings


# -- numbers and logs ---------------------------------------------------------------


def _gaps(session: Session, model: Any, counter_prefix: str, fmt: Any) -> list[Finding]:
    found: dict[int, set[int]] = {}
    for year, seq in session.execute(select(model.year, model.seq)):
        found.setdefault(int(year), set()).add(int(seq))
    counters = {
        int(name.rsplit(":", 1)[1]): int(value)
        for name, value in session.execute(
            select(SequenceCounter.name, SequenceCounter.value).where(
                SequenceCounter.name.like(f"{counter_prefix}:%")
            )
        )
        if name.rsplit(":", 1)[1].isdigit()
    }
    findings: list[Finding] = []
    for year in sorted(set(found) | set(counters)):
        have = found.get(year, set())
        top = max([counters.get(year, 0), *have])
        findings.extend(
            Finding("gap", fmt(year, seq)) for seq in range(1, top + 1) if seq not in have
        )
    return findings


def number_gaps(session: Session) -> list[Finding]:
    """Work order and round numbers missing from their year's sequence."""
    return _gaps(session, WorkOrder, "work_order", format_number) + _gaps(
        session, InspectionRound, "inspection_round", format_round_number
    )


def late_log_entries(session: Session) -> list[Finding]:
    """Log entries of a signed order written after its sign-off that correct nothing."""
    query = (
        select(WorkOrder.number, WorkLogEntry.recorded_at)
        .join(WorkOrder, WorkOrder.id == WorkLogEntry.work_order_id)
        .where(
            WorkOrder.signed_at.is_not(None),
            WorkLogEntry.recorded_at > WorkOrder.signed_at,
            WorkLogEntry.amends_id.is_(None),
        )
        .order_by(WorkOrder.number, WorkLogEntry.recorded_at)
    )
    return [Finding("late_log", str(number)) for number, _at in session.execute(query)]
