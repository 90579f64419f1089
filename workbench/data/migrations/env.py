"""Alembic environment: always run in-process with a connection handed over by the store."""

from __future__ import annotations

from alembic import context

from workbench.data.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - the store always hands one over
    raise RuntimeError("migrations run only through workbench.data.store")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
