"""Plain read models that documents (PDFs) are made from.

Services build these from the store; ``workbench.reports`` turns them into PDF bytes.
Neither side needs the other's internals, so the CLI, the GUI and tests share one path.
Times are timezone-aware; documents show them in Beijing time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from workbench.domain.messages import Message

Point = tuple[float, float]
Stroke = tuple[Point, ...]


@dataclass(frozen=True)
class Party:
    name: str
    short: str = ""
    address: str = ""
    contact: str = ""
    phone: str = ""


@dataclass(frozen=True)
class ContractHeader:
    number: str
    title: str
    client: Party
    contractor: Party
    start: dt.date
    end: dt.date
    total_cny: Decimal


@dataclass(frozen=True)
class HeadDoc:
    """The store's head when a document was made (see ``workbench.services.integrity``):
    the audit trail's last entry, its number, hash and time. Paper prints ``#SEQ`` and
    the hash's first 16 hex digits; ``verify --anchor SEQ:HASH`` takes them back."""

    seq: int
    hash: str
    at: dt.datetime | None

    @property
    def short(self) -> str:
        return f"#{self.seq} {self.hash[:16]}"

    @property
    def anchor(self) -> str:
        return f"{self.seq}:{self.hash[:16]}"


@dataclass(frozen=True)
class SignatureDoc:
    """A drawn signature: strokes in a box 0..1 wide and 0..1 high (y down)."""

    role: str  # "engineer" | "client"
    signer_name: str
    signed_at: dt.datetime
    strokes: tuple[Stroke, ...]
    aspect: float = 3.0  # width / height of the pad it was drawn on
    # The engineer's key that signed the record (full hex; paper shows the display form).
    key_fingerprint: str = ""


@dataclass(frozen=True)
class AssetLine:
    code: str
    name: str
    model: str = ""
    location: str = ""
    serial_number: str = ""


@dataclass(frozen=True)
class SlaLine:
    key: str  # "response" | "onsite" | "restore"
    target_minutes: int
    deadline: dt.datetime
    done_at: dt.datetime | None
    state: str  # "met" | "breached" | "at_risk" | "pending"
    late_by: dt.timedelta | None = None


@dataclass(frozen=True)
class LogLine:
    at: dt.datetime
    author: str
    text: str
    amends: dt.datetime | None = None  # the time of the entry this one corrects
    # A handling step (the status it reached, e.g. "responded"; the text is its note);
    # "" for a free entry. Documents name the step.
    step: str = ""


@dataclass(frozen=True)
class ExcuseDoc:
    """An excuse claimed on a work order (免责, 十 / 八、1): ``kind`` a domain key, the
    label a template of :mod:`workbench.domain.excuses`; confirmed when the client signed."""

    kind: str
    kind_label: str
    clause: str
    reason: str
    confirmed: bool
    client_name: str = ""
    confirmed_at: dt.datetime | None = None


@dataclass(frozen=True)
class WorkOrderDoc:
    contract: ContractHeader
    number: str
    type: str  # domain key, e.g. "fault"; documents translate it
    status: str
    priority: str
    channel: str
    reporter_name: str
    reporter_phone: str
    description: str
    engineer_name: str
    reported_at: dt.datetime
    responded_at: dt.datetime | None
    onsite_at: dt.datetime | None
    restored_at: dt.datetime | None
    closed_at: dt.datetime | None
    cause: str
    resolution: str
    contractor_caused: bool
    assets: tuple[AssetLine, ...]
    sla: tuple[SlaLine, ...]
    penalty_cny: Decimal
    log: tuple[LogLine, ...] = ()
    signatures: tuple[SignatureDoc, ...] = ()
    record_hash: str | None = None  # SHA-256 of the signed content, for the QR code
    amendments: tuple[LogLine, ...] = ()
    demo: bool = False
    # Clock times entered afterwards (补录): (clock key, when entered); see
    # workbench.domain.workorders.entered_late.
    entered_late: tuple[tuple[str, dt.datetime], ...] = ()
    head: HeadDoc | None = None  # the store's head when the paper was made
    # The exposure of 八、1 (the work order prints it only when ``show_penalty``: the
    # signed order states facts, and a signature is not an admission of an amount).
    penalty_rule: str = ""  # the contract's day rule (``whole_days`` | ``begun_days``)
    penalty_worst_cny: Decimal = Decimal("0.00")  # every begun day of delay counts
    termination_right: bool = False  # over the cap under the contract's rule
    termination_right_worst: bool = False  # over the cap under the strict reading
    show_penalty: bool = False
    over_cap_note: Message | None = None  # 八、1's over-cap reading, when it applies
    # 五、5.2.3: a deadline the client set (甲方指定时间), and how far the service period
    # extends because a contractor-caused fault missed it (None: no extension).
    client_deadline: dt.datetime | None = None
    service_extension: dt.timedelta | None = None
    # 八、5 when the client's deadline was missed (printed only with ``show_penalty``).
    client_deadline_exposure_cny: Decimal = Decimal("0.00")
    client_deadline_note: Message | None = None
    # The contract's words for the clauses the order cites: (clause, text).
    clauses: tuple[tuple[str, str], ...] = ()
    # An excuse claimed on the order (a confirmed one: the breach carries no penalty).
    excuse: ExcuseDoc | None = None


@dataclass(frozen=True)
class LabelDoc:
    code: str
    name: str
    client_short: str
    location: str = ""


@dataclass(frozen=True)
class ChecklistItemDoc:
    key: str
    text: str
    kind: str  # "check" | "number" | "choice" | "text"
    unit: str = ""
    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class InspectionResultDoc:
    item_key: str
    item_text: str
    value: str
    passed: bool | None  # None: not applicable
    note: str = ""
    kind: str = ""  # the item's kind ("check", "number", ...); "" when unknown


@dataclass(frozen=True)
class DeviceInspectionDoc:
    asset: AssetLine
    inspected_at: dt.datetime | None
    results: tuple[InspectionResultDoc, ...]
    note: str = ""

    @property
    def failed(self) -> bool:
        return any(r.passed is False for r in self.results)


@dataclass(frozen=True)
class InspectionFormDoc:
    """A blank form (``devices`` empty, ``items`` set) or a finished round."""

    contract: ContractHeader
    title: str
    category_name: str
    checklist_version: int
    items: tuple[ChecklistItemDoc, ...] = ()
    round_number: str = ""
    engineer_name: str = ""
    started_at: dt.datetime | None = None
    finished_at: dt.datetime | None = None
    devices: tuple[DeviceInspectionDoc, ...] = ()
    unchecked: tuple[AssetLine, ...] = ()
    unchecked_reason: str = ""
    signatures: tuple[SignatureDoc, ...] = ()
    record_hash: str | None = None
    blank_rows: int = 8
    extra: dict[str, str] = field(default_factory=dict)
    demo: bool = False  # printed with the demo-data mark
    head: HeadDoc | None = None  # the store's head when the paper was made


@dataclass(frozen=True)
class EngineerRegistrationDoc:
    """The engineer registration form (人员备案表, contract 五.5.2.11): what the client
    signs when it approves an engineer, with the key the engineer signs records with."""

    contract: ContractHeader
    engineer_name: str
    phone: str
    key_fingerprint: str  # full hex; the form also shows the display form
    public_key: str  # hex of the 32 raw bytes
    key_registered_at: dt.datetime
    approved_by: str  # the engineer whose key approved this one; "" for the first key
    store_uuid: str
    head: HeadDoc
    demo: bool = False


@dataclass(frozen=True)
class WorkLogItem:
    """One line of the period's 工作日志 (五、5.2.8): a handling step or entry of a work
    order (``kind`` "order"), a free entry ("free") or an inspection round ("round").

    ``subject``: the order's or round's number; ``device``: the order's first device line
    or the round's kind key; a round's ``checked``/``total`` devices and ``failures``."""

    kind: str
    line: LogLine
    subject: str = ""
    device: str = ""
    checked: int = 0
    total: int = 0
    failures: int = 0
    status: str = ""  # a round's status key


@dataclass(frozen=True)
class WorkLogDoc:
    """The complete work log of a period as one document (五、5.2.8: every service item's
    log, not only each work order's)."""

    contract: ContractHeader
    first: dt.date
    last: dt.date
    label: str
    generated_at: dt.datetime
    items: tuple[WorkLogItem, ...]
    orders: int  # work orders with a line in the period
    rounds: int
    free_entries: int
    demo: bool = False
    head: HeadDoc | None = None
