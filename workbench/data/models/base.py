"""Declarative base and the mixins shared by the models (types and the metadata come from
``workbench.data.schema``)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from workbench.data import schema
from workbench.data.schema import NAMING_CONVENTION, UtcDateTime, new_uuid, utcnow

__all__ = ["NAMING_CONVENTION", "Base", "Timestamps", "UtcDateTime", "UuidPk", "new_uuid", "utcnow"]


class Base(DeclarativeBase):
    # The Core tables of ``workbench.data.schema`` live on the same metadata.
    metadata = schema.metadata


class UuidPk:
    """A UUID primary key, so records survive a merge between laptops."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)


class Timestamps:
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)
