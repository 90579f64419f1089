"""The store's identity: one row naming this store for good (a UUID made when it was
created), so that a backup can be told apart from another store's. SQLite files also
carry the workbench's ``application_id`` in their header (``workbench.data.migrations``)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from workbench.data.models.base import Base, UtcDateTime


class StoreIdentity(Base):
    __tablename__ = "store_identity"
    __table_args__ = (CheckConstraint("id = 1", name="one_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    store_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class StoreEvent(Base):
    """Something done to the store as a whole that the audit trail must show: a
    rollback the user accepted, a restore from a backup. The witness (the head kept
    outside the store) is re-anchored after each; ``detail`` is canonical JSON."""

    __tablename__ = "store_event"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    kind: Mapped[str] = mapped_column(String(32))
    detail: Mapped[str] = mapped_column(Text)
