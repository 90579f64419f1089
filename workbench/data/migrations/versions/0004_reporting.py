"""deliverables, website monitoring, vulnerability scans

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import workbench.data.models.base

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "deliverable",
        sa.Column("contract_id", sa.String(length=36), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("period", sa.String(length=32), nullable=False),
        sa.Column("site_code", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("event_date", sa.Date(), nullable=True),
        sa.Column("delivered_on", sa.Date(), nullable=True),
        sa.Column("delivered_by", sa.String(length=100), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("attachment_name", sa.String(length=255), nullable=False),
        sa.Column("attachment_path", sa.String(length=300), nullable=False),
        sa.Column("attachment_sha256", sa.String(length=64), nullable=False),
        sa.Column("attachment_size", sa.Integer(), nullable=False),
        sa.Column("demo", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column(
            "created_at", workbench.data.models.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "updated_at", workbench.data.models.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["contract_id"],
            ["contract.id"],
            name=op.f("fk_deliverable_contract_id_contract"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deliverable")),
        sa.UniqueConstraint(
            "contract_id", "key", "period", "site_code", name=op.f("uq_deliverable_contract_id")
        ),
    )
    with op.batch_alter_table("deliverable", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_deliverable_contract_id"), ["contract_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_deliverable_delivered_on"), ["delivered_on"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_deliverable_due_date"), ["due_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_deliverable_key"), ["key"], unique=False)

    op.create_table(
        "vulnerability_scan",
        sa.Column("asset_id", sa.String(length=36), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("scanned_on", sa.Date(), nullable=False),
        sa.Column("high", sa.Integer(), nullable=False),
        sa.Column("medium", sa.Integer(), nullable=False),
        sa.Column("low", sa.Integer(), nullable=False),
        sa.Column("fixed", sa.Integer(), nullable=False),
        sa.Column("open", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=255), nullable=False),
        sa.Column("demo", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column(
            "created_at", workbench.data.models.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "updated_at", workbench.data.models.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.CheckConstraint(
            "high >= 0 AND medium >= 0 AND low >= 0 AND fixed >= 0 AND open >= 0",
            name=op.f("ck_vulnerability_scan_counts"),
        ),
        sa.ForeignKeyConstraint(
            ["asset_id"], ["asset.id"], name=op.f("fk_vulnerability_scan_asset_id_asset")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vulnerability_scan")),
        sa.UniqueConstraint("asset_id", "month", name=op.f("uq_vulnerability_scan_asset_id")),
    )
    with op.batch_alter_table("vulnerability_scan", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_vulnerability_scan_asset_id"), ["asset_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_vulnerability_scan_month"), ["month"], unique=False)

    op.create_table(
        "website_monitoring",
        sa.Column("asset_id", sa.String(length=36), nullable=False),
        sa.Column("week", sa.String(length=10), nullable=False),
        sa.Column("week_start", sa.Date(), nullable=False),
        sa.Column("defacement", sa.Integer(), nullable=False),
        sa.Column("malicious_code", sa.Integer(), nullable=False),
        sa.Column("sensitive_content", sa.Integer(), nullable=False),
        sa.Column("availability", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=255), nullable=False),
        sa.Column("demo", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column(
            "created_at", workbench.data.models.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "updated_at", workbench.data.models.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.CheckConstraint(
            "defacement >= 0 AND malicious_code >= 0 AND sensitive_content >= 0 "
            "AND availability >= 0",
            name=op.f("ck_website_monitoring_counts"),
        ),
        sa.ForeignKeyConstraint(
            ["asset_id"], ["asset.id"], name=op.f("fk_website_monitoring_asset_id_asset")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_website_monitoring")),
        sa.UniqueConstraint("asset_id", "week", name=op.f("uq_website_monitoring_asset_id")),
    )
    with op.batch_alter_table("website_monitoring", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_website_monitoring_asset_id"), ["asset_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_website_monitoring_week_start"), ["week_start"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("website_monitoring", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_website_monitoring_week_start"))
        batch_op.drop_index(batch_op.f("ix_website_monitoring_asset_id"))

    op.drop_table("website_monitoring")
    with op.batch_alter_table("vulnerability_scan", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vulnerability_scan_month"))
        batch_op.drop_index(batch_op.f("ix_vulnerability_scan_asset_id"))

    op.drop_table("vulnerability_scan")
    with op.batch_alter_table("deliverable", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deliverable_key"))
        batch_op.drop_index(batch_op.f("ix_deliverable_due_date"))
        batch_op.drop_index(batch_op.f("ix_deliverable_delivered_on"))
        batch_op.drop_index(batch_op.f("ix_deliverable_contract_id"))

    op.drop_table("deliverable")
