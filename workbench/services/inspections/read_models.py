"""Inspections: the plain read models the other layers get, and the fixed names."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from workbench.domain import checklists as rules
from workbench.domain import inspections as states
from workbench.domain import schedules

RECORD_TYPE = "inspection_round"
ATTACHMENT_FOLDER = "inspections"


@dataclass(frozen=True)
class DueRow:
    asset_id: str
    code: str
    name: str
    category: str
    category_name: str
    category_name_en: str
    location: str
    interval_days: int | None
    state: str  # not_due | due | overdue | unscheduled
    due_on: dt.date | None
    last_inspected: dt.date | None
    days_overdue: int

    @property
    def needs_inspection(self) -> bool:
        return self.state in (schedules.DUE, schedules.OVERDUE)


@dataclass(frozen=True)
class RoundSummary:
    id: str
    number: str
    kind: str
    scope: str
    scope_value: str
    engineer_id: str
    engineer_name: str
    planned_date: dt.date
    status: str
    started_at: dt.datetime
    finished_at: dt.datetime | None
    signed_at: dt.datetime | None
    devices_total: int
    devices_checked: int
    failures: int  # devices with at least one failed item
    demo: bool
    # The round's row version: every change of the round or of a device's checklist in
    # it counts it up; an edit passes back the one it started from.
    version: int

    @property
    def signed(self) -> bool:
        return self.status == states.SIGNED

    @property
    def progress_text(self) -> str:
        return f"{self.devices_checked}/{self.devices_total}"


@dataclass(frozen=True)
class RoundAssetRow:
    asset_id: str
    code: str
    name: str
    category: str
    category_name: str
    category_name_en: str
    location: str
    checked: bool
    failed: bool
    inspected_at: dt.datetime | None
    work_order_number: str


@dataclass(frozen=True)
class LocationProgress:
    location: str
    total: int
    checked: int

    @property
    def left(self) -> int:
        return self.total - self.checked


@dataclass(frozen=True)
class RoundDetail:
    summary: RoundSummary
    assets: tuple[RoundAssetRow, ...]
    by_location: tuple[LocationProgress, ...]
    unchecked_reason: str
    client_representative: str
    note: str
    record_hash: str | None
    qr_payload: str | None

    @property
    def number(self) -> str:
        return self.summary.number

    @property
    def status(self) -> str:
        return self.summary.status

    @property
    def left(self) -> tuple[RoundAssetRow, ...]:
        return tuple(a for a in self.assets if not a.checked)


@dataclass(frozen=True)
class AttachmentView:
    id: str
    filename: str
    path: Path
    sha256: str
    size: int


@dataclass(frozen=True)
class DeviceForm:
    """What the checklist editor shows for one device of a round."""

    round_id: str
    round_number: str
    editable: bool
    asset_code: str
    asset_name: str
    location: str
    category: str
    category_name: str
    category_name_en: str
    checklist_id: str
    checklist_version: int
    checklist: rules.Checklist
    values: Mapping[str, str]
    item_notes: Mapping[str, str]
    last_values: Mapping[str, str]
    note: str
    recorded: bool
    inspected_at: dt.datetime | None
    work_order_number: str
    round_version: int  # the round's row version when the form was read
    attachments: tuple[AttachmentView, ...] = ()


@dataclass(frozen=True)
class RecordedInspection:
    id: str
    round_id: str
    asset_code: str
    failed: bool
    failed_items: tuple[str, ...]
    work_order_number: str
    devices_checked: int
    devices_total: int
    round_version: int  # the round's row version after the save


@dataclass(frozen=True)
class HistoryResult:
    key: str
    text: str
    value: str
    passed: bool | None


@dataclass(frozen=True)
class HistoryEntry:
    round_number: str
    inspected_at: dt.datetime
    engineer_name: str
    failed: bool
    checklist_version: int
    note: str
    work_order_number: str
    results: tuple[HistoryResult, ...]


@dataclass(frozen=True)
class NumericSeries:
    key: str
    text: str
    unit: str
    low: float | None
    high: float | None
    points: tuple[tuple[dt.datetime, float], ...]


@dataclass(frozen=True)
class AssetHistory:
    asset_code: str
    asset_name: str
    entries: tuple[HistoryEntry, ...]  # newest first
    series: tuple[NumericSeries, ...] = field(default=())
