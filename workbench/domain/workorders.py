"""Work orders (工单): their kinds, channels, priorities, statuses and allowed moves.

Statuses and transitions (each recorded with its time and who made it)::

    reported ──> responded ──> onsite ──> restored ──> closed ──> signed
        │            │   └───────────────────^             (sign-off only)
        └────────────┴──> cancelled

* ``responded -> restored`` is a remote fix (website, cloud server, a call that talked
  the user through it): no visit needed.
* ``closed`` means the engineer has finished the work and written cause and result;
  ``signed`` is reached only through the sign-off (engineer PIN and signature plus the
  client representative's signature), which locks the order for good.
* ``cancelled`` is for reports that turn out not to be service calls (duplicate,
  withdrawn, outside the contract); only before anyone is on site. A cancellation stops
  the clocks: a deadline missed before it stays missed (with its penalty), and such an
  order is cancelled only with a reason.

Each step records when it happened and when it was entered: a time entered more than
:data:`LATE_ENTRY` afterwards is printed as entered afterwards (补录), so that a
back-dated report or step is visible on paper (:func:`entered_late`).

The SLA clock applies to faults and to faults found on inspection; service requests,
hardening and key-period duty are planned work with no response clock.

Numbers: ``WO-YYYY-NNNN``, the year of the report in the contract's zone, counting from
0001 each year without gaps.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from workbench.domain import sla as sla_rules
from workbench.domain.messages import QT_TRANSLATE_NOOP
from workbench.domain.timeutil import LOCAL_TZ

if TYPE_CHECKING:
    from workbench.domain.excuses import Excused

TYPES = ("fault", "inspection_finding", "service_request", "hardening", "key_period")
CHANNELS = ("hotline", "onsite", "inspection", "monitoring")
PRIORITIES = ("urgent", "high", "normal", "low")
STATUSES = ("reported", "responded", "onsite", "restored", "closed", "signed", "cancelled")
OPEN_STATUSES = ("reported", "responded", "onsite")
FINAL_STATUSES = ("signed", "cancelled")
SLA_TYPES = ("fault", "inspection_finding")

TRANSITIONS: dict[str, tuple[str, ...]] = {
    "reported": ("responded", "cancelled"),
    "responded": ("onsite", "restored", "cancelled"),
    "onsite": ("restored",),
    "restored": ("closed",),
    "closed": ("signed",),
    "signed": (),
    "cancelled": (),
}

# The timestamp column each status sets when it is entered.
STATUS_TIME_FIELD = {
    "reported": "reported_at",
    "responded": "responded_at",
    "onsite": "onsite_at",
    "restored": "restored_at",
    "closed": "closed_at",
    "signed": "signed_at",
    "cancelled": "cancelled_at",
}

# Display names, marked for translation (context "workorders"); English is the source.
TYPE_NAMES = {
    "fault": QT_TRANSLATE_NOOP("workorders", "Fault report"),
    "inspection_finding": QT_TRANSLATE_NOOP("workorders", "Inspection finding"),
    "service_request": QT_TRANSLATE_NOOP("workorders", "Service request"),
    "hardening": QT_TRANSLATE_NOOP("workorders", "Security hardening"),
    "key_period": QT_TRANSLATE_NOOP("workorders", "Key-period duty"),
}
CHANNEL_NAMES = {
    "hotline": QT_TRANSLATE_NOOP("workorders", "Hotline"),
    "onsite": QT_TRANSLATE_NOOP("workorders", "In person"),
    "inspection": QT_TRANSLATE_NOOP("workorders", "Inspection"),
    "monitoring": QT_TRANSLATE_NOOP("workorders", "Monitoring"),
}
PRIORITY_NAMES = {
    "urgent": QT_TRANSLATE_NOOP("workorders", "Urgent"),
    "high": QT_TRANSLATE_NOOP("workorders", "High"),
    "normal": QT_TRANSLATE_NOOP("workorders", "Normal"),
    "low": QT_TRANSLATE_NOOP("workorders", "Low"),
}
STATUS_NAMES = {
    "reported": QT_TRANSLATE_NOOP("workorders", "Reported"),
    "responded": QT_TRANSLATE_NOOP("workorders", "Responded"),
    "onsite": QT_TRANSLATE_NOOP("workorders", "On site"),
    "restored": QT_TRANSLATE_NOOP("workorders", "Restored"),
    "closed": QT_TRANSLATE_NOOP("workorders", "Closed"),
    "signed": QT_TRANSLATE_NOOP("workorders", "Signed"),
    "cancelled": QT_TRANSLATE_NOOP("workorders", "Cancelled"),
}
SLA_NAMES = {
    "response": QT_TRANSLATE_NOOP("workorders", "Response"),
    "onsite": QT_TRANSLATE_NOOP("workorders", "On-site arrival"),
    "restore": QT_TRANSLATE_NOOP("workorders", "Restore"),
    "client_deadline": QT_TRANSLATE_NOOP("workorders", "Client's deadline"),
    "rectification": QT_TRANSLATE_NOOP("workorders", "Rectification date"),
}
SLA_STATE_NAMES = {
    "met": QT_TRANSLATE_NOOP("workorders", "Met"),
    "at_risk": QT_TRANSLATE_NOOP("workorders", "At risk"),
    "breached": QT_TRANSLATE_NOOP("workorders", "Overdue"),
    "pending": QT_TRANSLATE_NOOP("workorders", "Pending"),
}

NUMBER_RE = re.compile(r"^WO-(\d{4})-(\d{4,})$")


def can_move(current: str, target: str) -> bool:
    return target in TRANSITIONS.get(current, ())


def sla_applies(wo_type: str) -> bool:
    return wo_type in SLA_TYPES


def is_editable(status: str) -> bool:
    """Signed and cancelled orders are never edited; corrections are amendments."""
    return status not in FINAL_STATUSES


def format_number(year: int, seq: int) -> str:
    return f"WO-{year:04d}-{seq:04d}"


def parse_number(number: str) -> tuple[int, int] | None:
    match = NUMBER_RE.match(number.strip().upper())
    if not match:
        return None
    return int(match.group(1)), int(match.group(2))


def number_year(reported_at: dt.datetime) -> int:
    """The numbering year of an order: the year of its report in Beijing time."""
    if reported_at.tzinfo is None:
        raise ValueError("naive datetime")
    return reported_at.astimezone(LOCAL_TZ).year


# -- read models (built by the work-order service, read by the UI and the documents) ----


@dataclass(frozen=True)
class WorkOrderRow:
    """One line of the work order list, with its clock evaluated at ``evaluated_at``."""

    id: str
    number: str
    type: str
    status: str
    priority: str
    channel: str
    asset_codes: tuple[str, ...]
    asset_names: tuple[str, ...]
    description: str
    reporter_name: str
    engineer_id: str | None
    engineer_name: str
    reported_at: dt.datetime
    responded_at: dt.datetime | None
    onsite_at: dt.datetime | None
    restored_at: dt.datetime | None
    closed_at: dt.datetime | None
    signed_at: dt.datetime | None
    cancelled_at: dt.datetime | None
    sla: tuple[sla_rules.SlaItem, ...]
    breaches: tuple[str, ...]
    days_late: int
    penalty_cny: Decimal  # under the contract's day rule (八.1; ``penalty_rule``)
    penalty_worst_cny: Decimal  # the strict reading: every begun day of delay counts
    penalty_rule: str
    termination_right: bool
    next_deadline: sla_rules.SlaItem | None
    demo: bool
    evaluated_at: dt.datetime
    # The row version read with it: an edit passes it back, and is refused when someone
    # else changed the order meanwhile.
    version: int
    # A deadline the client set (甲方指定时间; its clock is in ``sla`` as
    # ``client_deadline``) and what missing it exposes under 八.5 (0.00: kept or none).
    client_deadline: dt.datetime | None = None
    client_deadline_exposure_cny: Decimal = Decimal("0.00")
    # An inspection finding marked as a fault affecting service (the restore clock runs),
    # or the rectification date agreed with the client (clock ``rectification``).
    affects_service: bool = False
    rectify_by: dt.datetime | None = None
    # A confirmed excuse (免责, 十 / 八、1): the breaches stay, the amounts above are zero
    # and what they would have been is here (see workbench.domain.excuses).
    excused: Excused | None = None

    @property
    def signed(self) -> bool:
        return self.status == "signed"

    @property
    def open(self) -> bool:
        return self.status in OPEN_STATUSES


@dataclass(frozen=True)
class LogEntryView:
    id: str
    work_order_number: str | None
    engineer_id: str
    engineer_name: str
    at: dt.datetime
    recorded_at: dt.datetime
    text: str
    amends_id: str | None
    amends_at: dt.datetime | None
    amended: bool  # a later entry corrects this one
    demo: bool


# A time entered more than this after it happened is "entered afterwards" (补录).
LATE_ENTRY = dt.timedelta(minutes=10)
# The clock each step's time stands for ("reported" starts them all).
STEP_CLOCK = {
    "reported": "reported",
    "responded": "response",
    "onsite": "onsite",
    "restored": "restore",
}


def entered_late(
    steps: Iterable[tuple[str, dt.datetime, dt.datetime]],
) -> tuple[tuple[str, dt.datetime], ...]:
    """The clock times entered afterwards: ``(clock key, entered at)`` for each step
    ``(to_status, at, recorded_at)`` recorded more than :data:`LATE_ENTRY` after ``at``,
    in :data:`STEP_CLOCK` order (the last entry of a step counts)."""
    last: dict[str, tuple[dt.datetime, dt.datetime]] = {}
    for status, at, recorded_at in steps:
        if status in STEP_CLOCK:
            last[status] = (at, recorded_at)
    return tuple(
        (clock, last[status][1])
        for status, clock in STEP_CLOCK.items()
        if status in last and last[status][1] - last[status][0] > LATE_ENTRY
    )
