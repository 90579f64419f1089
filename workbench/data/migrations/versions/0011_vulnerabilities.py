"""vulnerability findings of the websites (一、5): found, fixed, rescanned before going back live

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import workbench.data.models.base

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "vulnerability",
        sa.Column("asset_id", sa.String(length=36), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("severity", sa.String(length=8), nullable=False),
        sa.Column("found_on", sa.Date(), nullable=False),
        sa.Column("fix_due", sa.Date(), nullable=True),
        sa.Column("owner", sa.String(length=16), nullable=False),
        sa.Column("fixed_on", sa.Date(), nullable=True),
        sa.Column("rescan_on", sa.Date(), nullable=True),
        sa.Column("rescan_clean", sa.Boolean(), nullable=False),
        sa.Column("rescan_report", sa.String(length=255), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("demo", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column(
            "created_at", workbench.data.models.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "updated_at", workbench.data.models.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.CheckConstraint(
            "owner IN ('contractor', 'other_party')", name=op.f("ck_vulnerability_owner")
        ),
        sa.CheckConstraint(
            "severity IN ('high', 'medium', 'low')", name=op.f("ck_vulnerability_severity")
        ),
        sa.ForeignKeyConstraint(
            ["asset_id"], ["asset.id"], name=op.f("fk_vulnerability_asset_id_asset")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vulnerability")),
    )
    with op.batch_alter_table("vulnerability", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_vulnerability_asset_id"), ["asset_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_vulnerability_found_on"), ["found_on"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("vulnerability", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vulnerability_found_on"))
        batch_op.drop_index(batch_op.f("ix_vulnerability_asset_id"))

    op.drop_table("vulnerability")
