"""Checklists, inspection rounds, the devices they cover, results and photos.

A round fixes its scope when it starts (``inspection_round_asset``); each device
inspection keeps the checklist version it was recorded with, so an old record prints
with its own items after the checklist changes. After sign-off nothing here changes:
the round's content is hashed into the chain of signed records.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workbench.data.models.base import Base, Timestamps, UtcDateTime, UuidPk, utcnow
from workbench.data.models.core import Asset, Engineer

_STATES = "'running', 'paused', 'finished', 'signed'"
_KINDS = "'routine', 'key_period'"
_SCOPES = "'due', 'location', 'category', 'all', 'systems'"
_ITEM_KINDS = "'check', 'number', 'choice', 'text'"


class Checklist(UuidPk, Base):
    """One version of a category's checklist, as loaded from ``resources/checklists``."""

    __tablename__ = "checklist"
    __table_args__ = (UniqueConstraint("category_code", "version"),)

    category_code: Mapped[str] = mapped_column(String(64), index=True)
    version: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    # The whole checklist (items, limits, choices) as parsed from the data file.
    content: Mapped[dict[str, Any]] = mapped_column(JSON)
    content_hash: Mapped[str] = mapped_column(String(64))
    source_file: Mapped[str] = mapped_column(String(200), default="")
    loaded_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)


class InspectionRound(UuidPk, Timestamps, Base):
    __tablename__ = "inspection_round"
    __table_args__ = (
        CheckConstraint(f"status IN ({_STATES})", name="status"),
        CheckConstraint(f"kind IN ({_KINDS})", name="kind"),
        CheckConstraint(f"scope IN ({_SCOPES})", name="scope"),
        UniqueConstraint("year", "seq"),
    )

    number: Mapped[str] = mapped_column(String(32), unique=True)
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    contract_id: Mapped[str | None] = mapped_column(ForeignKey("contract.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16), default="routine")
    scope: Mapped[str] = mapped_column(String(16))
    scope_value: Mapped[str] = mapped_column(String(100), default="")
    engineer_id: Mapped[str] = mapped_column(ForeignKey("engineer.id"), index=True)
    planned_date: Mapped[dt.date] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(16), default="running", index=True)
    started_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, index=True)
    paused_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    finished_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    signed_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    # Why devices in scope were left unchecked when the round was finished.
    unchecked_reason: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    client_representative: Mapped[str] = mapped_column(String(100), default="")
    created_by: Mapped[str] = mapped_column(String(100), default="")
    demo: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)

    engineer: Mapped[Engineer] = relationship(lazy="joined")
    scope_assets: Mapped[list[InspectionRoundAsset]] = relationship(
        back_populates="round", order_by="InspectionRoundAsset.position", cascade="all"
    )
    inspections: Mapped[list[DeviceInspection]] = relationship(
        back_populates="round", order_by="DeviceInspection.inspected_at", cascade="all"
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class InspectionRoundAsset(Base):
    """A device in a round's scope, fixed when the round starts."""

    __tablename__ = "inspection_round_asset"

    round_id: Mapped[str] = mapped_column(
        ForeignKey("inspection_round.id", ondelete="CASCADE"), primary_key=True
    )
    asset_id: Mapped[str] = mapped_column(ForeignKey("asset.id"), primary_key=True, index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    round: Mapped[InspectionRound] = relationship(back_populates="scope_assets")
    asset: Mapped[Asset] = relationship(lazy="joined")


class DeviceInspection(UuidPk, Timestamps, Base):
    """One device inspected in a round, against one checklist version."""

    __tablename__ = "device_inspection"
    __table_args__ = (UniqueConstraint("round_id", "asset_id"),)

    round_id: Mapped[str] = mapped_column(
        ForeignKey("inspection_round.id", ondelete="CASCADE"), index=True
    )
    asset_id: Mapped[str] = mapped_column(ForeignKey("asset.id"), index=True)
    checklist_id: Mapped[str] = mapped_column(ForeignKey("checklist.id"), index=True)
    inspected_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, index=True)
    failed: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    # The work order opened for a failure (巡检发现), by id and by its human number.
    work_order_id: Mapped[str | None] = mapped_column(String(36), index=True)
    work_order_number: Mapped[str] = mapped_column(String(32), default="")

    round: Mapped[InspectionRound] = relationship(back_populates="inspections")
    asset: Mapped[Asset] = relationship(lazy="joined")
    checklist: Mapped[Checklist] = relationship(lazy="joined")
    results: Mapped[list[InspectionResult]] = relationship(
        back_populates="inspection",
        order_by="InspectionResult.position",
        cascade="all, delete-orphan",
    )
    attachments: Mapped[list[InspectionAttachment]] = relationship(
        back_populates="inspection",
        order_by="InspectionAttachment.added_at",
        cascade="all, delete-orphan",
    )


class InspectionResult(UuidPk, Base):
    __tablename__ = "inspection_result"
    __table_args__ = (
        UniqueConstraint("inspection_id", "item_key"),
        CheckConstraint(f"kind IN ({_ITEM_KINDS})", name="kind"),
    )

    inspection_id: Mapped[str] = mapped_column(
        ForeignKey("device_inspection.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    item_key: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(8))
    value: Mapped[str] = mapped_column(Text, default="")
    # The measured number of a number item, for trends; NULL otherwise.
    number: Mapped[float | None] = mapped_column(Float)
    # True pass, False fail, NULL not applicable / not measured / text.
    passed: Mapped[bool | None] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(Text, default="")

    inspection: Mapped[DeviceInspection] = relationship(back_populates="results")


class InspectionAttachment(UuidPk, Base):
    """A photo or file kept with a device inspection, copied into the attachments folder."""

    __tablename__ = "inspection_attachment"

    inspection_id: Mapped[str] = mapped_column(
        ForeignKey("device_inspection.id", ondelete="CASCADE"), index=True
    )
    filename: Mapped[str] = mapped_column(String(255))
    # Path below the attachments folder, named by content so a copy is never overwritten.
    stored_path: Mapped[str] = mapped_column(String(300))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(Integer)
    added_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)

    inspection: Mapped[DeviceInspection] = relationship(back_populates="attachments")
