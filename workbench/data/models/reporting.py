"""Deliverables of the contract, the websites' security monitoring log and scan results.

``deliverable`` holds every dated obligation of the contract (weekly reports, monthly
scans per site, publication tasks, staff-change notices), created from the contract's
terms and recorded as delivered with a date, a note and an optional file copied into the
attachments folder. ``website_monitoring`` is one row per site and ISO week;
``vulnerability_scan`` one row per site and month.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workbench.data.models.base import Base, Timestamps, UuidPk
from workbench.data.models.core import Asset, Contract


class Deliverable(UuidPk, Timestamps, Base):
    __tablename__ = "deliverable"
    __table_args__ = (UniqueConstraint("contract_id", "key", "period", "site_code"),)

    contract_id: Mapped[str] = mapped_column(
        ForeignKey("contract.id", ondelete="CASCADE"), index=True
    )
    key: Mapped[str] = mapped_column(String(64), index=True)
    # "2026-W47", "2026-11", "03/24", or the event's date for a notice.
    period: Mapped[str] = mapped_column(String(32))
    site_code: Mapped[str] = mapped_column(String(64), default="")
    seq: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(300), default="")
    due_date: Mapped[dt.date] = mapped_column(Date, index=True)
    event_date: Mapped[dt.date | None] = mapped_column(Date)
    delivered_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    delivered_by: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    attachment_name: Mapped[str] = mapped_column(String(255), default="")
    # Below the attachments folder, named by content.
    attachment_path: Mapped[str] = mapped_column(String(300), default="")
    attachment_sha256: Mapped[str] = mapped_column(String(64), default="")
    attachment_size: Mapped[int] = mapped_column(Integer, default=0)
    demo: Mapped[bool] = mapped_column(Boolean, default=False)

    contract: Mapped[Contract] = relationship()


class WebsiteMonitoring(UuidPk, Timestamps, Base):
    """One site's monitoring findings of one ISO week."""

    __tablename__ = "website_monitoring"
    __table_args__ = (
        UniqueConstraint("asset_id", "week"),
        CheckConstraint(
            "defacement >= 0 AND malicious_code >= 0 AND sensitive_content >= 0 "
            "AND availability >= 0",
            name="counts",
        ),
    )

    asset_id: Mapped[str] = mapped_column(ForeignKey("asset.id"), index=True)
    week: Mapped[str] = mapped_column(String(10))  # "2026-W47"
    week_start: Mapped[dt.date] = mapped_column(Date, index=True)  # its Monday
    defacement: Mapped[int] = mapped_column(Integer, default=0)
    malicious_code: Mapped[int] = mapped_column(Integer, default=0)
    sensitive_content: Mapped[int] = mapped_column(Integer, default=0)
    availability: Mapped[int] = mapped_column(Integer, default=0)  # availability incidents
    note: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(255), default="")
    demo: Mapped[bool] = mapped_column(Boolean, default=False)

    asset: Mapped[Asset] = relationship(lazy="joined")


class VulnerabilityScan(UuidPk, Timestamps, Base):
    """One site's vulnerability scan of one month: findings by severity, fixed and open."""

    __tablename__ = "vulnerability_scan"
    __table_args__ = (
        UniqueConstraint("asset_id", "month"),
        CheckConstraint(
            "high >= 0 AND medium >= 0 AND low >= 0 AND fixed >= 0 AND open >= 0", name="counts"
        ),
    )

    asset_id: Mapped[str] = mapped_column(ForeignKey("asset.id"), index=True)
    month: Mapped[str] = mapped_column(String(7), index=True)  # "2026-11"
    scanned_on: Mapped[dt.date] = mapped_column(Date)
    high: Mapped[int] = mapped_column(Integer, default=0)
    medium: Mapped[int] = mapped_column(Integer, default=0)
    low: Mapped[int] = mapped_column(Integer, default=0)
    fixed: Mapped[int] = mapped_column(Integer, default=0)
    open: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(255), default="")
    demo: Mapped[bool] = mapped_column(Boolean, default=False)

    asset: Mapped[Asset] = relationship(lazy="joined")
