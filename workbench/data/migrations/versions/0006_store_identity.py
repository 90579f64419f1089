"""store identity

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""

import datetime as dt
import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import workbench.data.models.base
from workbench.data.migrations import APPLICATION_ID

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    identity = op.create_table(
        "store_identity",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("store_uuid", sa.String(length=36), nullable=False),
        sa.Column(
            "created_at", workbench.data.models.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.CheckConstraint("id = 1", name=op.f("ck_store_identity_one_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_store_identity")),
        sa.UniqueConstraint("store_uuid", name=op.f("uq_store_identity_store_uuid")),
    )
    op.bulk_insert(
        identity,
        [{"id": 1, "store_uuid": str(uuid.uuid4()), "created_at": dt.datetime.now(dt.UTC)}],
    )
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("PRAGMA application_id = 0")
    op.drop_table("store_identity")
