"""contract.records_from: the day this team's records begin

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Nullable: a store from before this column counts from the contract's first day,
    # as it always did.
    with op.batch_alter_table("contract", schema=None) as batch_op:
        batch_op.add_column(sa.Column("records_from", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("contract", schema=None) as batch_op:
        batch_op.drop_column("records_from")
