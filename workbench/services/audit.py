"""Reading the audit trail: verify its hash chain, list and filter it, export it."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from workbench.data.audit import GENESIS_HASH, row_hash
from workbench.data.models.audit import AuditLog
from workbench.domain.messages import QT_TRANSLATE_NOOP, Message, Translate
from workbench.domain.timeutil import fmt_local
from workbench.services.spreadsheets import inert

EXPORT_HEADERS = (
    QT_TRANSLATE_NOOP("messages", "No."),
    QT_TRANSLATE_NOOP("messages", "Time"),
    QT_TRANSLATE_NOOP("messages", "User"),
    QT_TRANSLATE_NOOP("messages", "Table"),
    QT_TRANSLATE_NOOP("messages", "Record"),
    QT_TRANSLATE_NOOP("messages", "Action"),
    QT_TRANSLATE_NOOP("messages", "Old values"),
    QT_TRANSLATE_NOOP("messages", "New values"),
    QT_TRANSLATE_NOOP("messages", "Hash"),
)
SHEET_TITLE = QT_TRANSLATE_NOOP("messages", "Audit trail")
ACTION_NAMES = {
    "insert": QT_TRANSLATE_NOOP("messages", "created"),
    "update": QT_TRANSLATE_NOOP("messages", "changed"),
    "delete": QT_TRANSLATE_NOOP("messages", "deleted"),
}


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: dt.datetime
    actor: str
    table_name: str
    record_id: str
    action: str
    old_values: str
    new_values: str
    hash: str


@dataclass(frozen=True)
class ChainProblem:
    seq: int
    message: Message


@dataclass(frozen=True)
class ChainReport:
    checked: int
    problems: tuple[ChainProblem, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class AuditFilter:
    actor: str | None = None
    table_name: str | None = None
    record_id: str | None = None
    action: str | None = None
    since: dt.datetime | None = None
    until: dt.datetime | None = None
    text: str | None = None


def verify_audit_chain(session: Session, batch: int = 2000) -> ChainReport:
    """Recompute every audit row's hash and link; name each row that does not match.

    Finds an edited row (its hash no longer matches its content), a removed or inserted
    row (a gap in the numbers, or a previous hash that is not the row before's).
    """
    problems: list[ChainProblem] = []
    expected_seq = 1
    prev = GENESIS_HASH
    checked = 0
    stmt = select(AuditLog).order_by(AuditLog.seq).execution_options(yield_per=batch)
    for row in session.scalars(stmt):
        checked += 1
        if row.seq != expected_seq:
            problems.append(
                ChainProblem(
                    row.seq,
                    Message(
                        QT_TRANSLATE_NOOP("messages", "Audit rows {first} to {last} are missing."),
                        {"first": expected_seq, "last": row.seq - 1},
                    ),
                )
            )
        if row.prev_hash != prev:
            problems.append(
                ChainProblem(
                    row.seq,
                    Message(
                        QT_TRANSLATE_NOOP(
                            "messages",
                            "Audit row {seq} does not follow the row before it in the chain.",
                        ),
                        {"seq": row.seq},
                    ),
                )
            )
        recomputed = row_hash(
            seq=row.seq,
            at=row.at,
            actor=row.actor,
            table_name=row.table_name,
            record_id=row.record_id,
            action=row.action,
            old_values=row.old_values,
            new_values=row.new_values,
            prev_hash=row.prev_hash,
        )
        if recomputed != row.hash:
            problems.append(
                ChainProblem(
                    row.seq,
                    Message(
                        QT_TRANSLATE_NOOP(
                            "messages",
                            "Audit row {seq} ({table} {record}) was altered after it was written.",
                        ),
                        {"seq": row.seq, "table": row.table_name, "record": row.record_id},
                    ),
                )
            )
        expected_seq = row.seq + 1
        prev = row.hash
    return ChainReport(checked, tuple(problems))


def _filtered(flt: AuditFilter) -> Select[AuditLog]:
    stmt = select(AuditLog)
    if flt.actor:
        stmt = stmt.where(AuditLog.actor == flt.actor)
    if flt.table_name:
        stmt = stmt.where(AuditLog.table_name == flt.table_name)
    if flt.record_id:
        stmt = stmt.where(AuditLog.record_id == flt.record_id)
    if flt.action:
        stmt = stmt.where(AuditLog.action == flt.action)
    if flt.since:
        stmt = stmt.where(AuditLog.at >= flt.since)
    if flt.until:
        stmt = stmt.where(AuditLog.at < flt.until)
    if flt.text:
        pattern = f"%{flt.text}%"
        stmt = stmt.where(AuditLog.old_values.like(pattern) | AuditLog.new_values.like(pattern))
    return stmt


def _entry(row: AuditLog) -> AuditEntry:
    return AuditEntry(
        row.seq,
        row.at,
        row.actor,
        row.table_name,
        row.record_id,
        row.action,
        row.old_values,
        row.new_values,
        row.hash,
    )


def count_entries(session: Session, flt: AuditFilter | None = None) -> int:
    sub = _filtered(flt or AuditFilter()).subquery()
    return int(session.scalar(select(func.count()).select_from(sub)) or 0)


def list_entries(
    session: Session,
    flt: AuditFilter | None = None,
    *,
    offset: int = 0,
    limit: int | None = 200,
    newest_first: bool = True,
) -> list[AuditEntry]:
    """A page of audit rows matching the filter."""
    order = AuditLog.seq.desc() if newest_first else AuditLog.seq
    stmt = _filtered(flt or AuditFilter()).order_by(order).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    return [_entry(row) for row in session.scalars(stmt)]


def audited_tables(session: Session) -> list[str]:
    return list(session.scalars(select(AuditLog.table_name).distinct().order_by("table_name")))


def _export_rows(
    session: Session, flt: AuditFilter | None, translate_action: dict[str, str]
) -> Iterator[list[str | int]]:
    stmt = _filtered(flt or AuditFilter()).order_by(AuditLog.seq).execution_options(yield_per=2000)
    for row in session.scalars(stmt):
        yield [
            row.seq,
            fmt_local(row.at, seconds=True),
            row.actor,
            row.table_name,
            row.record_id,
            translate_action.get(row.action) or row.action,
            row.old_values,
            row.new_values,
            row.hash,
        ]


def _identity(_context: str, text: str) -> str:
    return text


def export_entries(
    session: Session,
    target: Path,
    flt: AuditFilter | None = None,
    translate: Translate | None = None,
) -> int:
    """Write the matching audit rows to ``target`` (.csv or .xlsx); returns the count.

    ``translate`` is ``workbench.i18n.translate`` (or None for English headers). CSV is
    written as UTF-8 with a BOM, so that Excel shows Chinese correctly.
    """
    tx = translate or _identity
    headers = [tx("messages", h) for h in EXPORT_HEADERS]
    actions = {k: tx("messages", v) for k, v in ACTION_NAMES.items()}
    count = 0
    suffix = target.suffix.lower()
    if suffix == ".xlsx":
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet(tx("messages", SHEET_TITLE))
        sheet.append(headers)
        for values in _export_rows(session, flt, actions):
            # Text cells only: a value starting with "=" must never become a formula.
            sheet.append([_text_cell(sheet, v) for v in values])
            count += 1
        book.save(target)
        return count
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    for values in _export_rows(session, flt, actions):
        writer.writerow([inert(v) for v in values])  # an actor "=cmd|..." stays text
        count += 1
    target.write_text(buffer.getvalue(), encoding="utf-8-sig", newline="")
    return count


def _text_cell(sheet: Any, value: str | int) -> Any:
    """A cell that holds ``value`` as text, even when it starts with "=" (no formula)."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    return cell
