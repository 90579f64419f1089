"""checklists, inspection rounds and results

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import workbench.data.models.base

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "checklist",
        sa.Column("category_code", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("content", sa.JSON(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("source_file", sa.String(length=200), nullable=False),
        sa.Column(
            "loaded_at", workbench.data.models.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checklist")),
        sa.UniqueConstraint("category_code", "version", name=op.f("uq_checklist_category_code")),
    )
    with op.batch_alter_table("checklist", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_checklist_category_code"), ["category_code"], unique=False
        )

    op.create_table(
        "inspection_round",
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("contract_id", sa.String(length=36), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("scope", sa.String(length=16), nullable=False),
        sa.Column("scope_value", sa.String(length=100), nullable=False),
        sa.Column("engineer_id", sa.String(length=36), nullable=False),
        sa.Column("planned_date", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column(
            "started_at", workbench.data.models.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "paused_at", workbench.data.models.base.UtcDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "finished_at", workbench.data.models.base.UtcDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "signed_at", workbench.data.models.base.UtcDateTime(timezone=True), nullable=True
        ),
        sa.Column("unchecked_reason", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("client_representative", sa.String(length=100), nullable=False),
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
            "kind IN ('routine', 'key_period')", name=op.f("ck_inspection_round_kind")
        ),
        sa.CheckConstraint(
            "scope IN ('due', 'location', 'category', 'all', 'systems')",
            name=op.f("ck_inspection_round_scope"),
        ),
        sa.CheckConstraint(
            "status IN ('running', 'paused', 'finished', 'signed')",
            name=op.f("ck_inspection_round_status"),
        ),
        sa.ForeignKeyConstraint(
            ["contract_id"], ["contract.id"], name=op.f("fk_inspection_round_contract_id_contract")
        ),
        sa.ForeignKeyConstraint(
            ["engineer_id"], ["engineer.id"], name=op.f("fk_inspection_round_engineer_id_engineer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspection_round")),
        sa.UniqueConstraint("number", name=op.f("uq_inspection_round_number")),
        sa.UniqueConstraint("year", "seq", name=op.f("uq_inspection_round_year")),
    )
    with op.batch_alter_table("inspection_round", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_inspection_round_contract_id"), ["contract_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_inspection_round_demo"), ["demo"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_inspection_round_engineer_id"), ["engineer_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_inspection_round_planned_date"), ["planned_date"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_inspection_round_started_at"), ["started_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_inspection_round_status"), ["status"], unique=False)

    op.create_table(
        "device_inspection",
        sa.Column("round_id", sa.String(length=36), nullable=False),
        sa.Column("asset_id", sa.String(length=36), nullable=False),
        sa.Column("checklist_id", sa.String(length=36), nullable=False),
        sa.Column(
            "inspected_at", workbench.data.models.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column("failed", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("work_order_id", sa.String(length=36), nullable=True),
        sa.Column("work_order_number", sa.String(length=32), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column(
            "created_at", workbench.data.models.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "updated_at", workbench.data.models.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["asset_id"], ["asset.id"], name=op.f("fk_device_inspection_asset_id_asset")
        ),
        sa.ForeignKeyConstraint(
            ["checklist_id"],
            ["checklist.id"],
            name=op.f("fk_device_inspection_checklist_id_checklist"),
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["inspection_round.id"],
            name=op.f("fk_device_inspection_round_id_inspection_round"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_device_inspection")),
        sa.UniqueConstraint("round_id", "asset_id", name=op.f("uq_device_inspection_round_id")),
    )
    with op.batch_alter_table("device_inspection", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_device_inspection_asset_id"), ["asset_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_device_inspection_checklist_id"), ["checklist_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_device_inspection_inspected_at"), ["inspected_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_device_inspection_round_id"), ["round_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_device_inspection_work_order_id"), ["work_order_id"], unique=False
        )

    op.create_table(
        "inspection_round_asset",
        sa.Column("round_id", sa.String(length=36), nullable=False),
        sa.Column("asset_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["asset_id"], ["asset.id"], name=op.f("fk_inspection_round_asset_asset_id_asset")
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["inspection_round.id"],
            name=op.f("fk_inspection_round_asset_round_id_inspection_round"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("round_id", "asset_id", name=op.f("pk_inspection_round_asset")),
    )
    with op.batch_alter_table("inspection_round_asset", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_inspection_round_asset_asset_id"), ["asset_id"], unique=False
        )

    op.create_table(
        "inspection_attachment",
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("stored_path", sa.String(length=300), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column(
            "added_at", workbench.data.models.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["device_inspection.id"],
            name=op.f("fk_inspection_attachment_inspection_id_device_inspection"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspection_attachment")),
    )
    with op.batch_alter_table("inspection_attachment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_inspection_attachment_inspection_id"), ["inspection_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_inspection_attachment_sha256"), ["sha256"], unique=False
        )

    op.create_table(
        "inspection_result",
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("item_key", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("number", sa.Float(), nullable=True),
        sa.Column("passed", sa.Boolean(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.CheckConstraint(
            "kind IN ('check', 'number', 'choice', 'text')", name=op.f("ck_inspection_result_kind")
        ),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["device_inspection.id"],
            name=op.f("fk_inspection_result_inspection_id_device_inspection"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspection_result")),
        sa.UniqueConstraint(
            "inspection_id", "item_key", name=op.f("uq_inspection_result_inspection_id")
        ),
    )
    with op.batch_alter_table("inspection_result", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_inspection_result_inspection_id"), ["inspection_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("inspection_result", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inspection_result_inspection_id"))

    op.drop_table("inspection_result")
    with op.batch_alter_table("inspection_attachment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inspection_attachment_sha256"))
        batch_op.drop_index(batch_op.f("ix_inspection_attachment_inspection_id"))

    op.drop_table("inspection_attachment")
    with op.batch_alter_table("inspection_round_asset", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inspection_round_asset_asset_id"))

    op.drop_table("inspection_round_asset")
    with op.batch_alter_table("device_inspection", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_device_inspection_work_order_id"))
        batch_op.drop_index(batch_op.f("ix_device_inspection_round_id"))
        batch_op.drop_index(batch_op.f("ix_device_inspection_inspected_at"))
        batch_op.drop_index(batch_op.f("ix_device_inspection_checklist_id"))
        batch_op.drop_index(batch_op.f("ix_device_inspection_asset_id"))

    op.drop_table("device_inspection")
    with op.batch_alter_table("inspection_round", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inspection_round_status"))
        batch_op.drop_index(batch_op.f("ix_inspection_round_started_at"))
        batch_op.drop_index(batch_op.f("ix_inspection_round_planned_date"))
        batch_op.drop_index(batch_op.f("ix_inspection_round_engineer_id"))
        batch_op.drop_index(batch_op.f("ix_inspection_round_demo"))
        batch_op.drop_index(batch_op.f("ix_inspection_round_contract_id"))

    op.drop_table("inspection_round")
    with op.batch_alter_table("checklist", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_checklist_category_code"))

    op.drop_table("checklist")
