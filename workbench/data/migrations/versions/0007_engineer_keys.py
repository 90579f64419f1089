"""engineer keys, signed links v2, store events

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import workbench.data.models.base

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UtcDateTime = workbench.data.models.base.UtcDateTime


def upgrade() -> None:
    op.create_table(
        "engineer_key",
        sa.Column("engineer_id", sa.String(length=36), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("sealed_private", sa.String(length=400), nullable=False),
        sa.Column("created_at", UtcDateTime(timezone=True), nullable=False),
        sa.Column("store_uuid", sa.String(length=36), nullable=False),
        sa.Column("replaces_fingerprint", sa.String(length=64), nullable=False),
        sa.Column("approver_fingerprint", sa.String(length=64), nullable=False),
        sa.Column("approval_signature", sa.String(length=128), nullable=False),
        sa.Column("retired_at", UtcDateTime(timezone=True), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["engineer_id"], ["engineer.id"], name=op.f("fk_engineer_key_engineer_id_engineer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_engineer_key")),
        sa.UniqueConstraint("fingerprint", name=op.f("uq_engineer_key_fingerprint")),
    )
    with op.batch_alter_table("engineer_key", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_engineer_key_engineer_id"), ["engineer_id"])
    op.create_table(
        "store_event",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("at", UtcDateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_store_event")),
    )
    with op.batch_alter_table("signed_record", schema=None) as batch_op:
        batch_op.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
        for name, length in (("store_uuid", 36), ("key_fingerprint", 64), ("signature", 128)):
            batch_op.add_column(
                sa.Column(name, sa.String(length=length), nullable=False, server_default="")
            )
        batch_op.add_column(
            sa.Column("audit_seq", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(
            sa.Column("audit_hash", sa.String(length=64), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("signed_record", schema=None) as batch_op:
        for name in ("audit_hash", "audit_seq", "signature", "key_fingerprint", "store_uuid"):
            batch_op.drop_column(name)
        batch_op.drop_column("version")
    op.drop_table("store_event")
    with op.batch_alter_table("engineer_key", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_engineer_key_engineer_id"))
    op.drop_table("engineer_key")
