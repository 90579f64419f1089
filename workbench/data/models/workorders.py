"""Work orders, their assets, status events, the work log and amendments.

A work order's SLA deadlines are stored with it (computed from the contract's terms when
it is reported), so that lists can filter and sort overdue orders in the query.
Numbers are allocated from :class:`SequenceCounter` inside the transaction that creates
the order, which keeps them unique and gap-free per year.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workbench.data.models.base import Base, Timestamps, UtcDateTime, UuidPk, utcnow
from workbench.data.models.core import Asset, Contract, Engineer

_TYPES = "'fault', 'inspection_finding', 'service_request', 'hardening', 'key_period'"
_CHANNELS = "'hotline', 'onsite', 'inspection', 'monitoring'"
_PRIORITIES = "'urgent', 'high', 'normal', 'low'"
_STATUSES = "'reported', 'responded', 'onsite', 'restored', 'closed', 'signed', 'cancelled'"


class SequenceCounter(Base):
    """A named counter (``work_order:2026``, ``signed_record``), locked and advanced in
    the transaction that takes a number from it."""

    __tablename__ = "sequence_counter"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class WorkOrder(UuidPk, Timestamps, Base):
    __tablename__ = "work_order"
    __table_args__ = (
        CheckConstraint(f"type IN ({_TYPES})", name="type"),
        CheckConstraint(f"channel IN ({_CHANNELS})", name="channel"),
        CheckConstraint(f"priority IN ({_PRIORITIES})", name="priority"),
        CheckConstraint(f"status IN ({_STATUSES})", name="status"),
        UniqueConstraint("year", "seq"),
    )

    number: Mapped[str] = mapped_column(String(32), unique=True)
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    contract_id: Mapped[str] = mapped_column(ForeignKey("contract.id"), index=True)
    type: Mapped[str] = mapped_column(String(24), index=True)
    channel: Mapped[str] = mapped_column(String(16))
    priority: Mapped[str] = mapped_column(String(16), default="normal")
    status: Mapped[str] = mapped_column(String(16), default="reported", index=True)
    reporter_name: Mapped[str] = mapped_column(String(100), default="")
    reporter_phone: Mapped[str] = mapped_column(String(50), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    engineer_id: Mapped[str | None] = mapped_column(ForeignKey("engineer.id"), index=True)
    reported_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, index=True)
    responded_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    onsite_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    restored_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    closed_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    signed_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    cancelled_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    # SLA deadlines from the contract's terms at the time of the report (NULL: no clock).
    response_due: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    onsite_due: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    restore_due: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    # A deadline the client set (甲方指定时间, 五、5.2.3 / 八、5): a clock of its own.
    client_deadline: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    # An inspection finding: the engineer marked it a fault affecting service (then the
    # restore clock runs), else the rectification date agreed with the client (if any).
    affects_service: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    rectify_by: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    cause: Mapped[str] = mapped_column(Text, default="")
    resolution: Mapped[str] = mapped_column(Text, default="")
    # The contractor caused the fault: the fix is free and the service period extends.
    contractor_caused: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by: Mapped[str] = mapped_column(String(100), default="")
    demo: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)

    contract: Mapped[Contract] = relationship()
    engineer: Mapped[Engineer | None] = relationship(lazy="joined")
    asset_links: Mapped[list[WorkOrderAsset]] = relationship(
        back_populates="work_order",
        order_by="WorkOrderAsset.position",
        cascade="all, delete-orphan",
    )
    events: Mapped[list[WorkOrderEvent]] = relationship(
        back_populates="work_order", order_by="WorkOrderEvent.recorded_at"
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class WorkOrderAsset(Base):
    __tablename__ = "work_order_asset"

    work_order_id: Mapped[str] = mapped_column(ForeignKey("work_order.id"), primary_key=True)
    asset_id: Mapped[str] = mapped_column(ForeignKey("asset.id"), primary_key=True, index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    work_order: Mapped[WorkOrder] = relationship(back_populates="asset_links")
    asset: Mapped[Asset] = relationship(lazy="joined")


class WorkOrderEvent(UuidPk, Base):
    """One status move: from, to, when it happened, who made it, when it was recorded."""

    __tablename__ = "work_order_event"

    work_order_id: Mapped[str] = mapped_column(ForeignKey("work_order.id"), index=True)
    from_status: Mapped[str] = mapped_column(String(16), default="")
    to_status: Mapped[str] = mapped_column(String(16))
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    actor: Mapped[str] = mapped_column(String(100), default="")
    engineer_id: Mapped[str | None] = mapped_column(ForeignKey("engineer.id"))
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)

    work_order: Mapped[WorkOrder] = relationship(back_populates="events")
    engineer: Mapped[Engineer | None] = relationship(lazy="joined")


class WorkLogEntry(UuidPk, Base):
    """A 工作日志 entry. Append-only: a correction is a new entry that ``amends`` the old."""

    __tablename__ = "work_log_entry"
    __table_args__ = (Index("ix_work_log_entry_at", "at"),)

    work_order_id: Mapped[str | None] = mapped_column(ForeignKey("work_order.id"), index=True)
    engineer_id: Mapped[str] = mapped_column(ForeignKey("engineer.id"), index=True)
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    recorded_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    text: Mapped[str] = mapped_column(Text)
    amends_id: Mapped[str | None] = mapped_column(ForeignKey("work_log_entry.id"))
    demo: Mapped[bool] = mapped_column(Boolean, default=False)

    engineer: Mapped[Engineer] = relationship(lazy="joined")
    amends: Mapped[WorkLogEntry | None] = relationship(remote_side="WorkLogEntry.id")


class WorkOrderAmendment(UuidPk, Base):
    """A correction of a signed work order: the order itself never changes."""

    __tablename__ = "work_order_amendment"

    work_order_id: Mapped[str] = mapped_column(ForeignKey("work_order.id"), index=True)
    engineer_id: Mapped[str] = mapped_column(ForeignKey("engineer.id"))
    field: Mapped[str] = mapped_column(String(32), default="")
    old_value: Mapped[str] = mapped_column(Text, default="")
    new_value: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    demo: Mapped[bool] = mapped_column(Boolean, default=False)

    work_order: Mapped[WorkOrder] = relationship()
    engineer: Mapped[Engineer] = relationship(lazy="joined")
