"""The schema's shared pieces in SQLAlchemy Core, and the registry's tables.

Everything here imports SQLAlchemy Core only, never the ORM: the metadata every model is
registered on, the column types, and the three tables of the registry (locations,
categories, assets), which the ORM classes in ``workbench.data.models.core`` map. The
device list, the first thing a user waits for, is read through these tables, so it can be
on screen before the ORM and its 24 mapped classes (about a fifth of a second of a cold
start) are loaded.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
)
from sqlalchemy.engine import Dialect

from workbench.domain.assets import ASSET_KINDS, STATUSES

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)

ASSET_STATUSES = STATUSES


class UtcDateTime(TypeDecorator[dt.datetime]):
    """A timezone-aware datetime stored in UTC.

    SQLite keeps no offset, so values are normalised to UTC on the way in and marked
    UTC on the way out; PostgreSQL stores ``timestamptz``. Naive datetimes are refused:
    every time in the workbench knows its zone.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where a timezone-aware one is needed")
        utc = value.astimezone(dt.UTC)
        if dialect.name == "sqlite":
            return utc.replace(tzinfo=None)
        return utc

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:  # noqa: ARG002 (TypeDecorator API)
        if value is None:
            return None
        assert isinstance(value, dt.datetime)
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


def new_uuid() -> str:
    return str(uuid.uuid4())


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _record_columns() -> list[Column[Any]]:
    """The UUID key and the timestamps every registry table has (``UuidPk`` and
    ``Timestamps`` of the models)."""
    return [
        Column("id", String(36), primary_key=True, default=new_uuid),
        Column("created_at", UtcDateTime, nullable=False, default=utcnow),
        Column("updated_at", UtcDateTime, nullable=False, default=utcnow, onupdate=utcnow),
    ]


def _in(values: tuple[str, ...]) -> str:
    return "({})".format(", ".join(f"'{v}'" for v in values))


location = Table(
    "location",
    metadata,
    *_record_columns(),
    Column("name", String(100), nullable=False, unique=True),
    Column("name_en", String(100), nullable=False, default=""),
    Column("note", Text, nullable=False, default=""),
)

asset_category = Table(
    "asset_category",
    metadata,
    *_record_columns(),
    Column("code", String(64), nullable=False, unique=True),
    Column("name", String(100), nullable=False),
    Column("name_en", String(100), nullable=False, default=""),
    Column("kind", String(16), nullable=False),
    Column("inspection_interval_days", Integer, nullable=True),
    Column("sort_order", Integer, nullable=False, default=0),
    CheckConstraint(f"kind IN {_in(ASSET_KINDS)}", name="kind"),
)

asset = Table(
    "asset",
    metadata,
    *_record_columns(),
    Column("code", String(64), nullable=False, unique=True),
    Column("kind", String(16), nullable=False, index=True),
    Column("name", String(200), nullable=False),
    Column("category_id", ForeignKey("asset_category.id"), nullable=False, index=True),
    Column("contract_id", ForeignKey("contract.id"), nullable=True, index=True),
    Column("line_item", Integer, nullable=True),
    Column("model", String(200), nullable=False, default=""),
    Column("serial_number", String(200), nullable=False, default=""),
    Column("location_id", ForeignKey("location.id"), nullable=True, index=True),
    Column("url", String(300), nullable=False, default=""),
    Column("status", String(16), nullable=False, default="in_use", index=True),
    Column("notes", Text, nullable=False, default=""),
    # Optimistic locking: a save that raced another one is refused, never silently lost.
    Column("version", Integer, nullable=False, default=1),
    CheckConstraint(f"kind IN {_in(ASSET_KINDS)}", name="kind"),
    CheckConstraint(f"status IN {_in(ASSET_STATUSES)}", name="status"),
)
