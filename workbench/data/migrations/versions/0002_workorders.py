"""work orders, work log, amendments

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import workbench.data.models.base

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sequence_counter",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_sequence_counter")),
    )
    op.create_table(
        "work_order",
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("contract_id", sa.String(length=36), nullable=False),
        sa.Column("type", sa.String(length=24), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("priority", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("reporter_name", sa.String(length=100), nullable=False),
        sa.Column("reporter_phone", sa.String(length=50), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("engineer_id", sa.String(length=36), nullable=True),
        sa.Column(
            "reported_at", workbench.data.models.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "responded_at", workbench.data.models.base.UtcDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "onsite_at", workbench.data.models.base.UtcDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "restored_at", workbench.data.models.base.UtcDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "closed_at", workbench.data.models.base.UtcDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "signed_at", workbench.data.models.base.UtcDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "cancelled_at", workbench.data.models.base.UtcDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "response_due", workbench.data.models.base.UtcDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "onsite_due", workbench.data.models.base.UtcDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "restore_due", workbench.data.models.base.UtcDateTime(timezone=True), nullable=True
        ),
        sa.Column("cause", sa.Text(), nullable=False),
        sa.Column("resolution", sa.Text(), nullable=False),
        sa.Column("contractor_caused", sa.Boolean(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("demo", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column(
            "created_at", workbench.data.models.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "updated_at", workbench.data.models.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.CheckConstraint(
            "channel IN ('hotline', 'onsite', 'inspection', 'monitoring')",
            name=op.f("ck_work_order_channel"),
        ),
        sa.CheckConstraint(
            "priority IN ('urgent', 'high', 'normal', 'low')", name=op.f("ck_work_order_priority")
        ),
        sa.CheckConstraint(
            "status IN ('reported', 'responded', 'onsite', 'restored', 'closed', 'signed', "
            "'cancelled')",
            name=op.f("ck_work_order_status"),
        ),
        sa.CheckConstraint(
            "type IN ('fault', 'inspection_finding', 'service_request', 'hardening', 'key_period')",
            name=op.f("ck_work_order_type"),
        ),
        sa.ForeignKeyConstraint(
            ["contract_id"], ["contract.id"], name=op.f("fk_work_order_contract_id_contract")
        ),
        sa.ForeignKeyConstraint(
            ["engineer_id"], ["engineer.id"], name=op.f("fk_work_order_engineer_id_engineer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_work_order")),
        sa.UniqueConstraint("number", name=op.f("uq_work_order_number")),
        sa.UniqueConstraint("year", "seq", name=op.f("uq_work_order_year")),
    )
    with op.batch_alter_table("work_order", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_work_order_contract_id"), ["contract_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_work_order_demo"), ["demo"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_work_order_engineer_id"), ["engineer_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_work_order_reported_at"), ["reported_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_work_order_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_work_order_type"), ["type"], unique=False)

    op.create_table(
        "work_log_entry",
        sa.Column("work_order_id", sa.String(length=36), nullable=True),
        sa.Column("engineer_id", sa.String(length=36), nullable=False),
        sa.Column("at", workbench.data.models.base.UtcDateTime(timezone=True), nullable=False),
        sa.Column(
            "recorded_at", workbench.data.models.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("amends_id", sa.String(length=36), nullable=True),
        sa.Column("demo", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["amends_id"],
            ["work_log_entry.id"],
            name=op.f("fk_work_log_entry_amends_id_work_log_entry"),
        ),
        sa.ForeignKeyConstraint(
            ["engineer_id"], ["engineer.id"], name=op.f("fk_work_log_entry_engineer_id_engineer")
        ),
        sa.ForeignKeyConstraint(
            ["work_order_id"],
            ["work_order.id"],
            name=op.f("fk_work_log_entry_work_order_id_work_order"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_work_log_entry")),
    )
    with op.batch_alter_table("work_log_entry", schema=None) as batch_op:
        batch_op.create_index("ix_work_log_entry_at", ["at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_work_log_entry_engineer_id"), ["engineer_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_work_log_entry_work_order_id"), ["work_order_id"], unique=False
        )

    op.create_table(
        "work_order_amendment",
        sa.Column("work_order_id", sa.String(length=36), nullable=False),
        sa.Column("engineer_id", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=32), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=False),
        sa.Column("new_value", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column(
            "created_at", workbench.data.models.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column("demo", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["engineer_id"],
            ["engineer.id"],
            name=op.f("fk_work_order_amendment_engineer_id_engineer"),
        ),
        sa.ForeignKeyConstraint(
            ["work_order_id"],
            ["work_order.id"],
            name=op.f("fk_work_order_amendment_work_order_id_work_order"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_work_order_amendment")),
    )
    with op.batch_alter_table("work_order_amendment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_work_order_amendment_work_order_id"), ["work_order_id"], unique=False
        )

    op.create_table(
        "work_order_asset",
        sa.Column("work_order_id", sa.String(length=36), nullable=False),
        sa.Column("asset_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["asset_id"], ["asset.id"], name=op.f("fk_work_order_asset_asset_id_asset")
        ),
        sa.ForeignKeyConstraint(
            ["work_order_id"],
            ["work_order.id"],
            name=op.f("fk_work_order_asset_work_order_id_work_order"),
        ),
        sa.PrimaryKeyConstraint("work_order_id", "asset_id", name=op.f("pk_work_order_asset")),
    )
    with op.batch_alter_table("work_order_asset", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_work_order_asset_asset_id"), ["asset_id"], unique=False
        )

    op.create_table(
        "work_order_event",
        sa.Column("work_order_id", sa.String(length=36), nullable=False),
        sa.Column("from_status", sa.String(length=16), nullable=False),
        sa.Column("to_status", sa.String(length=16), nullable=False),
        sa.Column("at", workbench.data.models.base.UtcDateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("engineer_id", sa.String(length=36), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column(
            "recorded_at", workbench.data.models.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["engineer_id"], ["engineer.id"], name=op.f("fk_work_order_event_engineer_id_engineer")
        ),
        sa.ForeignKeyConstraint(
            ["work_order_id"],
            ["work_order.id"],
            name=op.f("fk_work_order_event_work_order_id_work_order"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_work_order_event")),
    )
    with op.batch_alter_table("work_order_event", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_work_order_event_work_order_id"), ["work_order_id"], unique=False
        )

    # ### end Alembic commands ###


def downgrade() -> None:
    with op.batch_alter_table("work_order_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_work_order_event_work_order_id"))

    op.drop_table("work_order_event")
    with op.batch_alter_table("work_order_asset", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_work_order_asset_asset_id"))

    op.drop_table("work_order_asset")
    with op.batch_alter_table("work_order_amendment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_work_order_amendment_work_order_id"))

    op.drop_table("work_order_amendment")
    with op.batch_alter_table("work_log_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_work_log_entry_work_order_id"))
        batch_op.drop_index(batch_op.f("ix_work_log_entry_engineer_id"))
        batch_op.drop_index("ix_work_log_entry_at")

    op.drop_table("work_log_entry")
    with op.batch_alter_table("work_order", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_work_order_type"))
        batch_op.drop_index(batch_op.f("ix_work_order_status"))
        batch_op.drop_index(batch_op.f("ix_work_order_reported_at"))
        batch_op.drop_index(batch_op.f("ix_work_order_engineer_id"))
        batch_op.drop_index(batch_op.f("ix_work_order_demo"))
        batch_op.drop_index(batch_op.f("ix_work_order_contract_id"))

    op.drop_table("work_order")
    op.drop_table("sequence_counter")
    # ### end Alembic commands ###
