"""work orders: a deadline set by the client (甲方指定时间); inspection findings:
whether the finding affects service, and the rectification date agreed with the client

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import workbench.data.models.base

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UtcDateTime = workbench.data.models.base.UtcDateTime


def upgrade() -> None:
    # Plain ADD COLUMN, not batch mode: batch would copy work_order into a new table and
    # DROP the old one, which SQLite refuses (foreign keys on) once any row points at it.
    op.add_column(
        "work_order", sa.Column("client_deadline", UtcDateTime(timezone=True), nullable=True)
    )
    op.add_column(
        "work_order",
        sa.Column("affects_service", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.add_column("work_order", sa.Column("rectify_by", UtcDateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("work_order", schema=None) as batch_op:
        batch_op.drop_column("rectify_by")
        batch_op.drop_column("affects_service")
        batch_op.drop_column("client_deadline")
