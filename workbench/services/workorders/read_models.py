"""Work orders: the plain read models the other layers get, and the fixed names."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from workbench.domain.documents import AssetLine, SignatureDoc
from workbench.domain.workorders import LogEntryView, WorkOrderRow

RECORD_TYPE = "work_order"
AMENDMENT_RECORD_TYPE = "work_order_amendment"
# How far in the future a typed time may lie (clocks of two laptops differ a little).
CLOCK_TOLERANCE = dt.timedelta(minutes=2)
EDITABLE_FIELDS = (
    "priority",
    "channel",
    "reporter_name",
    "reporter_phone",
    "description",
    "engineer_id",
    "cause",
    "resolution",
    "contractor_caused",
)
AMENDABLE_FIELDS = (
    "",
    "description",
    "cause",
    "resolution",
    "reporter_name",
    "reporter_phone",
    "contractor_caused",
    "assets",
)
SORT_KEYS = ("number", "reported_at", "status", "type", "priority", "engineer")


@dataclass(frozen=True)
class WorkOrderFilter:
    """Which orders a list or a count takes; a field left at None (or empty) takes all.

    ``status`` and ``type``: one value or several (kept as a tuple); ``start`` <=
    reported_at < ``end``; ``search``: part of the number, description, reporter's name
    or phone, or a device code, ignoring case; ``breached``: overdue at the query's
    ``now`` (True) or on time (False); ``demo``: only demo (True) or only real orders.
    """

    status: str | Sequence[str] | None = None
    type: str | Sequence[str] | None = None
    engineer_id: str | None = None
    breached: bool | None = None
    start: dt.datetime | None = None
    end: dt.datetime | None = None
    search: str | None = None
    demo: bool | None = None

    def __post_init__(self) -> None:
        for name in ("status", "type"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, str):
                object.__setattr__(self, name, tuple(value))


@dataclass(frozen=True)
class WorkOrderPage:
    rows: tuple[WorkOrderRow, ...]
    total: int
    offset: int
    limit: int
    # Where the next page starts: the sort key of the last row (``after`` of
    # :func:`list_work_orders`); None when the page is empty.
    next_after: tuple[Any, ...] | None = None


@dataclass(frozen=True)
class EventView:
    from_status: str
    to_status: str
    at: dt.datetime
    actor: str
    engineer_name: str
    note: str
    recorded_at: dt.datetime


@dataclass(frozen=True)
class AmendmentView:
    id: str
    work_order_number: str
    field: str
    old_value: str
    new_value: str
    reason: str
    engineer_name: str
    created_at: dt.datetime
    content_hash: str | None


@dataclass(frozen=True)
class WorkOrderDetail:
    row: WorkOrderRow
    contract_number: str
    reporter_phone: str
    cause: str
    resolution: str
    contractor_caused: bool
    service_extension: dt.timedelta | None  # the contractor caused it: the period extends
    assets: tuple[AssetLine, ...]
    events: tuple[EventView, ...]
    log: tuple[LogEntryView, ...]
    signatures: tuple[SignatureDoc, ...]
    amendments: tuple[AmendmentView, ...]
    allowed_moves: tuple[str, ...]
    editable: bool
    record_hash: str | None
    chain_seq: int | None
    qr_payload: str | None

    @property
    def number(self) -> str:
        return self.row.number

    @property
    def status(self) -> str:
        return self.row.status


@dataclass(frozen=True)
class UpcomingDeadline:
    number: str
    key: str  # "response" | "onsite" | "restore"
    deadline: dt.datetime
    state: str  # "pending" | "at_risk"
    overdue_open: int  # open orders already past a deadline


@dataclass(frozen=True)
class ScanCheck:
    """What a scanned printed work order says about the record.

    ``state``: ``match`` (the paper is the signed record, and the record is intact),
    ``paper_mismatch`` (the paper's hash is not the record's: an older or forged paper),
    ``record_altered`` (the stored record no longer matches its signed hash),
    ``unsigned`` (the order exists but is not signed), ``unknown`` (no such order).
    """

    number: str
    state: str
    record_hash: str | None

    @property
    def matches(self) -> bool:
        return self.state == "match"
