"""The contract, its locations, categories and assets, engineers, signatures."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workbench.data import schema
from workbench.data.models.base import Base, Timestamps, UtcDateTime, UuidPk
from workbench.data.schema import ASSET_STATUSES

__all__ = ["ASSET_STATUSES"]


class Contract(UuidPk, Timestamps, Base):
    __tablename__ = "contract"

    number: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    client_name: Mapped[str] = mapped_column(String(200))
    client_short: Mapped[str] = mapped_column(String(64))
    contractor_name: Mapped[str] = mapped_column(String(200))
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    total_cny: Mapped[Decimal] = mapped_column(Numeric(14, 2))
    # Every party detail, SLA number, penalty rate and deliverable, as the data file says.
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    terms: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    source_file: Mapped[str] = mapped_column(String(200), default="")
    # The day from which this team keeps the records (a team that took over mid-contract):
    # what fell due before it is "before the records began", not overdue. None: the
    # contract's first day.
    records_from: Mapped[dt.date | None] = mapped_column(Date, default=None)

    payments: Mapped[list[PaymentMilestone]] = relationship(
        back_populates="contract", order_by="PaymentMilestone.seq", cascade="all, delete-orphan"
    )


class PaymentMilestone(UuidPk, Timestamps, Base):
    __tablename__ = "payment_milestone"
    __table_args__ = (UniqueConstraint("contract_id", "seq"),)

    contract_id: Mapped[str] = mapped_column(ForeignKey("contract.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(String(300))
    amount_cny: Mapped[Decimal] = mapped_column(Numeric(14, 2))
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    condition: Mapped[str] = mapped_column(String(300), default="")
    invoice_issued_on: Mapped[dt.date | None] = mapped_column(Date)
    paid_on: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")

    contract: Mapped[Contract] = relationship(back_populates="payments")


class CoreRecord:
    """The key and timestamps of a model mapped on a Core table of ``data.schema`` (for
    typing: the table has the columns)."""

    id: Mapped[str]
    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]


class Location(CoreRecord, Base):
    __table__ = schema.location

    name: Mapped[str]
    name_en: Mapped[str]
    note: Mapped[str]


class AssetCategory(CoreRecord, Base):
    __table__ = schema.asset_category

    code: Mapped[str]
    name: Mapped[str]
    name_en: Mapped[str]
    kind: Mapped[str]
    inspection_interval_days: Mapped[int | None]
    sort_order: Mapped[int]


class Asset(CoreRecord, Base):
    __table__ = schema.asset
    # Optimistic locking: a save that raced another one is refused, never silently lost.
    __mapper_args__ = {"version_id_col": schema.asset.c.version}  # noqa: RUF012

    code: Mapped[str]
    kind: Mapped[str]
    name: Mapped[str]
    category_id: Mapped[str]
    contract_id: Mapped[str | None]
    line_item: Mapped[int | None]
    model: Mapped[str]
    serial_number: Mapped[str]
    location_id: Mapped[str | None]
    url: Mapped[str]
    status: Mapped[str]
    notes: Mapped[str]
    version: Mapped[int]

    category: Mapped[AssetCategory] = relationship(lazy="joined")
    location: Mapped[Location | None] = relationship(lazy="joined")


class Engineer(UuidPk, Timestamps, Base):
    """A maintenance engineer (运维工程师). The PIN is kept only as a slow hash."""

    __tablename__ = "engineer"

    name: Mapped[str] = mapped_column(String(100), unique=True)
    phone: Mapped[str] = mapped_column(String(50), default="")
    pin_hash: Mapped[str] = mapped_column(String(300), default="")
    failed_pin_attempts: Mapped[int] = mapped_column(Integer, default=0)
    pin_locked_until: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Signature(UuidPk, Base):
    """A drawn signature: vector strokes, the signer and the moment."""

    __tablename__ = "signature"
    __table_args__ = (
        CheckConstraint("role IN ('engineer', 'client')", name="role"),
        UniqueConstraint("record_type", "record_id", "role"),
    )

    record_type: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    role: Mapped[str] = mapped_column(String(16))
    signer_name: Mapped[str] = mapped_column(String(100))
    engineer_id: Mapped[str | None] = mapped_column(ForeignKey("engineer.id"))
    signed_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    # [[[x, y], [x, y], ...], ...] in a 0..1 box, y down; the pad's aspect kept in ``aspect``.
    strokes: Mapped[list[Any]] = mapped_column(JSON, default=list)
    aspect: Mapped[float] = mapped_column(Numeric(8, 4), default=3.0)


class EngineerKey(UuidPk, Base):
    """An engineer's Ed25519 signing key (see :mod:`workbench.domain.keys`).

    Keys are never deleted: a key replaced after a forgotten PIN stays, so that what it
    signed still verifies. ``sealed_private`` is the private key sealed under the PIN.
    A replacement names the key it ``replaces`` and carries the approval signature of a
    second engineer's key; so does the first key of an engineer added after keys began.
    """

    __tablename__ = "engineer_key"

    engineer_id: Mapped[str] = mapped_column(ForeignKey("engineer.id"), index=True)
    public_key: Mapped[str] = mapped_column(String(64))
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    sealed_private: Mapped[str] = mapped_column(String(400))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    store_uuid: Mapped[str] = mapped_column(String(36), default="")
    replaces_fingerprint: Mapped[str] = mapped_column(String(64), default="")
    approver_fingerprint: Mapped[str] = mapped_column(String(64), default="")
    approval_signature: Mapped[str] = mapped_column(String(128), default="")
    retired_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)


class SignedRecord(Base):
    """One link of the hash chain over every signed record (work orders, rounds, ...).

    ``content_hash`` is SHA-256 over the record's canonical content at sign-off.
    Version 1 links (before engineer keys): ``chain_hash`` is SHA-256 over the previous
    link's chain hash and this content hash. Version 2 links: ``chain_hash`` is SHA-256
    over the canonical link (:func:`workbench.domain.hashing.link_message`: the store,
    sequence, record, content hash, previous hash, time, signing key and the audit
    trail's head at that moment), and ``signature`` is the signer's Ed25519 signature
    over the same bytes.
    """

    __tablename__ = "signed_record"
    __table_args__ = (UniqueConstraint("record_type", "record_id"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    record_type: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(String(36))
    content_hash: Mapped[str] = mapped_column(String(64))
    prev_hash: Mapped[str] = mapped_column(String(64))
    chain_hash: Mapped[str] = mapped_column(String(64), unique=True)
    signed_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)
    store_uuid: Mapped[str] = mapped_column(String(36), default="")
    key_fingerprint: Mapped[str] = mapped_column(String(64), default="")
    signature: Mapped[str] = mapped_column(String(128), default="")
    audit_seq: Mapped[int] = mapped_column(Integer, default=0)
    audit_hash: Mapped[str] = mapped_column(String(64), default="")
