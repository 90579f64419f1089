"""The audit trail: one row per change of any record, hash-chained.

Rows are written by ``workbench.data.audit`` inside the transaction that made the change.
``old_values`` and ``new_values`` are canonical JSON text (sorted keys), stored as text so
that the hash covers exactly the stored bytes on every database.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from workbench.data.models.base import Base, UtcDateTime

AUDIT_ACTIONS = ("insert", "update", "delete")


class AuditLog(Base):
    __tablename__ = "audit_log"
    __table_args__ = (
        CheckConstraint("action IN ('insert', 'update', 'delete')", name="action"),
        Index("ix_audit_log_record", "table_name", "record_id"),
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime, index=True)
    actor: Mapped[str] = mapped_column(String(100), index=True)
    table_name: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(8))
    old_values: Mapped[str] = mapped_column(Text)
    new_values: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)
