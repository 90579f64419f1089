"""excused delays (免责, 十 / 八、1): a claim against a work order, confirmed by the client

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import workbench.data.models.base

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "excuse",
        sa.Column("work_order_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column(
            "cause_from", workbench.data.models.base.UtcDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "cause_until", workbench.data.models.base.UtcDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "client_notified_at",
            workbench.data.models.base.UtcDateTime(timezone=True),
            nullable=True,
        ),
        sa.Column("evidence_name", sa.String(length=255), nullable=False),
        sa.Column("evidence_path", sa.String(length=300), nullable=False),
        sa.Column("evidence_sha256", sa.String(length=64), nullable=False),
        sa.Column("evidence_size", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("claimed_by", sa.String(length=100), nullable=False),
        sa.Column("engineer_id", sa.String(length=36), nullable=True),
        sa.Column(
            "confirmed_at", workbench.data.models.base.UtcDateTime(timezone=True), nullable=True
        ),
        sa.Column("client_name", sa.String(length=100), nullable=False),
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
            "kind IN ('force_majeure', 'client_cause', 'third_party')", name=op.f("ck_excuse_kind")
        ),
        sa.CheckConstraint("status IN ('claimed', 'confirmed')", name=op.f("ck_excuse_status")),
        sa.ForeignKeyConstraint(
            ["engineer_id"], ["engineer.id"], name=op.f("fk_excuse_engineer_id_engineer")
        ),
        sa.ForeignKeyConstraint(
            ["work_order_id"], ["work_order.id"], name=op.f("fk_excuse_work_order_id_work_order")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_excuse")),
        sa.UniqueConstraint("work_order_id", name=op.f("uq_excuse_work_order_id")),
    )
    with op.batch_alter_table("excuse", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_excuse_status"), ["status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("excuse", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_excuse_status"))

    op.drop_table("excuse")
