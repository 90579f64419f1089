"""Excused delays (免责): breaches the contractor is not answerable for (no store, no Qt).

Clause 十 (不可抗力) frees the party it prevents from its obligations while the force
majeure lasts, provided the other party is told at once and official proof follows within
seven working days; a delay caused on the client's side (no access to the room, a power
cut, a third party's outage the client answers for) is not the contractor's "延期" under
八、1 either. The workbench records such a claim against the work order, with its reason
and evidence; it takes effect only when the client's representative confirms it with a
signature (like a work order). Then:

* the breach stays on the order and in the reports, marked excused, with the kind and
  reason;
* the order carries no penalty: neither 八、1's daily amount (under the contract's day rule
  or the strict reading) nor 八、5's, and no termination right; the amounts it would have
  carried are kept apart (:class:`Excused`) so the settlement statement lists them.

A claim excuses the whole order's lateness (the contract frees the delay, not a clock).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal

from workbench.domain.messages import QT_TRANSLATE_NOOP, WorkbenchError
from workbench.domain.workorders import WorkOrderRow

ZERO = Decimal("0.00")

FORCE_MAJEURE = "force_majeure"
CLIENT_CAUSE = "client_cause"
THIRD_PARTY = "third_party"
KINDS = (FORCE_MAJEURE, CLIENT_CAUSE, THIRD_PARTY)
# The clause each kind rests on.
KIND_CLAUSES = {FORCE_MAJEURE: "十", CLIENT_CAUSE: "八、1", THIRD_PARTY: "八、1"}
KIND_LABELS = {
    FORCE_MAJEURE: QT_TRANSLATE_NOOP("registers", "Force majeure"),
    CLIENT_CAUSE: QT_TRANSLATE_NOOP("registers", "Cause on the client's side"),
    THIRD_PARTY: QT_TRANSLATE_NOOP("registers", "Third party's outage"),
}

CLAIMED = "claimed"
CONFIRMED = "confirmed"
STATUSES = (CLAIMED, CONFIRMED)
STATUS_LABELS = {
    CLAIMED: QT_TRANSLATE_NOOP("registers", "Claimed, awaiting the client"),
    CONFIRMED: QT_TRANSLATE_NOOP("registers", "Confirmed by the client"),
}

# 十: official proof within seven working days of the event (said on the record).
PROOF_WORKING_DAYS = 7
MIN_REASON = 4


@dataclass(frozen=True)
class Excused:
    """What a confirmed excuse took off one order: the amounts it would have carried."""

    kind: str
    reason: str
    penalty_cny: Decimal  # 八、1 under the contract's day rule
    penalty_worst_cny: Decimal  # 八、1 under the strict reading
    client_deadline_cny: Decimal  # 八、5
    termination_right: bool


def check_claim(kind: str, reason: str) -> None:
    """Refuse a claim without a known kind or a reason that says something."""
    if kind not in KINDS:
        raise WorkbenchError(QT_TRANSLATE_NOOP("messages", "Choose the kind of excuse."))
    if len(reason.strip()) < MIN_REASON:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP(
                "messages", "Say why the delay is excused (at least {count} characters)."
            ),
            count=MIN_REASON,
        )


def excuse_row(row: WorkOrderRow, kind: str, reason: str) -> tuple[WorkOrderRow, Excused]:
    """``row`` with a confirmed excuse applied: its breaches kept, its amounts zero.

    Returns the row and what was taken off (the settlement statement lists it apart).
    """
    taken = Excused(
        kind=kind,
        reason=reason,
        penalty_cny=row.penalty_cny,
        penalty_worst_cny=row.penalty_worst_cny,
        client_deadline_cny=row.client_deadline_exposure_cny,
        termination_right=row.termination_right,
    )
    excused = dataclasses.replace(
        row,
        penalty_cny=ZERO,
        penalty_worst_cny=ZERO,
        client_deadline_exposure_cny=ZERO,
        termination_right=False,
        excused=taken,
    )
    return excused, taken
