"""The registers of the contract's duties (登记簿) that need tables of their own.

``excuse``: a breach the contractor is not answerable for (十, 八、1), claimed against one
work order with its reason and evidence, in effect once the client's representative has
signed it (``status`` confirmed; the signatures and the chain link are the signing
service's, record type ``excuse``).

``vulnerability``: one finding of a site's scan (一、5), with its fix and the rescan.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workbench.data.models.base import Base, Timestamps, UtcDateTime, UuidPk
from workbench.data.models.core import Asset, Engineer
from workbench.data.models.workorders import WorkOrder

_EXCUSE_KINDS = "'force_majeure', 'client_cause', 'third_party'"
_EXCUSE_STATUSES = "'claimed', 'confirmed'"


class Excuse(UuidPk, Timestamps, Base):
    __tablename__ = "excuse"
    __table_args__ = (
        CheckConstraint(f"kind IN ({_EXCUSE_KINDS})", name="kind"),
        CheckConstraint(f"status IN ({_EXCUSE_STATUSES})", name="status"),
    )

    # One claim per order: the order's whole lateness is excused or not.
    work_order_id: Mapped[str] = mapped_column(ForeignKey("work_order.id"), unique=True)
    kind: Mapped[str] = mapped_column(String(24))
    reason: Mapped[str] = mapped_column(Text)
    # When the cause began and ended, as the evidence says (None: not known).
    cause_from: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    cause_until: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    client_notified_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    evidence_name: Mapped[str] = mapped_column(String(255), default="")
    evidence_path: Mapped[str] = mapped_column(String(300), default="")
    evidence_sha256: Mapped[str] = mapped_column(String(64), default="")
    evidence_size: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(16), default="claimed", index=True)
    claimed_by: Mapped[str] = mapped_column(String(100), default="")
    engineer_id: Mapped[str | None] = mapped_column(ForeignKey("engineer.id"))
    confirmed_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    client_name: Mapped[str] = mapped_column(String(100), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    demo: Mapped[bool] = mapped_column(Boolean, default=False)

    work_order: Mapped[WorkOrder] = relationship()
    engineer: Mapped[Engineer | None] = relationship()

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


_SEVERITIES = "'high', 'medium', 'low'"
_OWNERS = "'contractor', 'other_party'"


class Vulnerability(UuidPk, Timestamps, Base):
    """One finding of a website's vulnerability scan (一、5), from scan to fix to the rescan
    before the site goes back live (上线前提供漏洞扫描服务); closed only after a clean
    rescan later than the fix."""

    __tablename__ = "vulnerability"
    __table_args__ = (
        CheckConstraint(f"severity IN ({_SEVERITIES})", name="severity"),
        CheckConstraint(f"owner IN ({_OWNERS})", name="owner"),
    )

    asset_id: Mapped[str] = mapped_column(ForeignKey("asset.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    severity: Mapped[str] = mapped_column(String(8))
    found_on: Mapped[dt.date] = mapped_column(Date, index=True)
    fix_due: Mapped[dt.date | None] = mapped_column(Date)
    # Who fixes it: the contractor, or another party (then the contractor gives the
    # solution and guides the work, 一、5 安全技术服务).
    owner: Mapped[str] = mapped_column(String(16), default="contractor")
    fixed_on: Mapped[dt.date | None] = mapped_column(Date)
    rescan_on: Mapped[dt.date | None] = mapped_column(Date)
    rescan_clean: Mapped[bool] = mapped_column(Boolean, default=False)
    rescan_report: Mapped[str] = mapped_column(String(255), default="")
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(100), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    demo: Mapped[bool] = mapped_column(Boolean, default=False)

    asset: Mapped[Asset] = relationship(lazy="joined")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
