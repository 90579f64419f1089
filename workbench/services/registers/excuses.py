"""The register of excused delays (免责登记, 十 / 八、1): claim, evidence, client's signature.

A claim names one work order that has a breach, the kind of cause (force majeure, a cause
on the client's side, a third party's outage), the reason, when the cause began and ended
and when the client was told, and a file of evidence. While it is only claimed, the
order's penalty stands; once the engineer (PIN and signature) and the client's
representative (name and signature) sign it, it is confirmed: locked, hashed into the
chain like a signed work order, and the order's breaches carry no amount from then on
(:mod:`workbench.domain.excuses`). A confirmed excuse can be neither edited nor deleted.

This module is the register's one read and write path (the 登记簿 page, the reports, the
settlement statement and the hand-back export all call it).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import or_, select

from workbench.data.errors import check_row_version
from workbench.data.models.registers import Excuse
from workbench.data.models.workorders import WorkOrder
from workbench.domain import excuses as rules
from workbench.domain.messages import QT_TRANSLATE_NOOP, WorkbenchError, identity
from workbench.domain.registers import ReportSection
from workbench.domain.timeutil import fmt_local
from workbench.domain.workorders import WorkOrderRow
from workbench.services import engineers as engineer_service
from workbench.services import signing
from workbench.services import workorders as wo
from workbench.services._common import actor_of, aware_now, checked_text
from workbench.services.attachments import store_attachment

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from workbench.domain.messages import Translate
    from workbench.domain.reporting import Period

log = logging.getLogger("workbench.services.registers.excuses")

RECORD_TYPE = "excuse"
ATTACHMENT_FOLDER = "excuses"
ZERO = Decimal("0.00")


@dataclass(frozen=True)
class ExcuseRow:
    """One claim, with the order's breaches and what the excuse takes (or would take) off."""

    id: str
    number: str  # the work order's
    order_status: str
    reported_at: dt.datetime
    breaches: tuple[str, ...]
    kind: str
    reason: str
    cause_from: dt.datetime | None
    cause_until: dt.datetime | None
    client_notified_at: dt.datetime | None
    evidence_name: str
    evidence_sha256: str
    status: str
    claimed_by: str
    engineer_name: str
    confirmed_at: dt.datetime | None
    client_name: str
    penalty_cny: Decimal  # 八、1 under the contract's day rule, without the excuse
    penalty_worst_cny: Decimal  # 八、1, strict reading
    client_deadline_cny: Decimal  # 八、5
    version: int
    demo: bool

    @property
    def confirmed(self) -> bool:
        return self.status == rules.CONFIRMED

    @property
    def clause(self) -> str:
        return rules.KIND_CLAUSES[self.kind]


# -- reading -------------------------------------------------------------------------


def _amounts(row: WorkOrderRow) -> tuple[Decimal, Decimal, Decimal]:
    """The order's amounts without its excuse (a confirmed one keeps them apart)."""
    if row.excused is not None:
        e = row.excused
        return e.penalty_cny, e.penalty_worst_cny, e.client_deadline_cny
    return row.penalty_cny, row.penalty_worst_cny, row.client_deadline_exposure_cny


def _excuse_row(excuse: Excuse, order: WorkOrderRow) -> ExcuseRow:
    penalty, worst, client = _amounts(order)
    return ExcuseRow(
        id=excuse.id,
        number=order.number,
        order_status=order.status,
        reported_at=order.reported_at,
        breaches=order.breaches,
        kind=excuse.kind,
        reason=excuse.reason,
        cause_from=excuse.cause_from,
        cause_until=excuse.cause_until,
        client_notified_at=excuse.client_notified_at,
        evidence_name=excuse.evidence_name,
        evidence_sha256=excuse.evidence_sha256,
        status=excuse.status,
        claimed_by=excuse.claimed_by,
        engineer_name=excuse.engineer.name if excuse.engineer else "",
        confirmed_at=excuse.confirmed_at,
        client_name=excuse.client_name,
        penalty_cny=penalty,
        penalty_worst_cny=worst,
        client_deadline_cny=client,
        version=excuse.version,
        demo=excuse.demo,
    )


def _rows(session: Session, excuses: Iterable[Excuse], now: dt.datetime) -> list[ExcuseRow]:
    return [_excuse_row(e, wo.row(session, e.work_order.number, now=now)) for e in excuses]


def list_excuses(
    session: Session,
    text: str = "",
    *,
    start: dt.datetime | None = None,
    end: dt.datetime | None = None,
    now: dt.datetime | None = None,
) -> list[ExcuseRow]:
    """The claims, newest order first; ``text`` matches the order's number, the reason,
    the evidence's name or the client's signer; ``start``/``end``: orders reported in
    [start, end)."""
    now = aware_now(now)
    query = select(Excuse).join(WorkOrder, WorkOrder.id == Excuse.work_order_id)
    text = text.strip()
    if text:
        like = f"%{text}%"
        query = query.where(
            or_(
                WorkOrder.number.ilike(like),
                Excuse.reason.ilike(like),
                Excuse.evidence_name.ilike(like),
                Excuse.client_name.ilike(like),
            )
        )
    if start is not None:
        query = query.where(WorkOrder.reported_at >= start)
    if end is not None:
        query = query.where(WorkOrder.reported_at < end)
    query = query.order_by(WorkOrder.reported_at.desc(), WorkOrder.number.desc())
    return _rows(session, session.scalars(query), now)


def get_excuse(session: Session, excuse_id: str, now: dt.datetime | None = None) -> ExcuseRow:
    excuse = _excuse(session, excuse_id)
    return _rows(session, [excuse], aware_now(now))[0]


def excuse_of_order(session: Session, number: str) -> ExcuseRow | None:
    """The claim on work order ``number`` (None: none)."""
    excuse = session.scalar(
        select(Excuse)
        .join(WorkOrder, WorkOrder.id == Excuse.work_order_id)
        .where(WorkOrder.number == number.strip().upper())
    )
    return None if excuse is None else _rows(session, [excuse], aware_now(None))[0]


def breached_orders(
    session: Session, now: dt.datetime | None = None, translate: Translate | None = None
) -> list[tuple[str, str]]:
    """(number, label) of the orders with a breach, newest first: what a claim can name.
    Orders claimed already are listed last, marked (a second claim is refused)."""
    tr = translate or identity
    now = aware_now(now)
    claimed = set(session.scalars(select(Excuse.work_order_id)))
    free: list[tuple[str, str]] = []
    taken: list[tuple[str, str]] = []
    offset = 0
    while True:
        page = wo.list_work_orders(
            session,
            wo.WorkOrderFilter(breached=True),
            sort="reported_at",
            descending=True,
            offset=offset,
            limit=500,
            now=now,
        )
        for r in page.rows:
            label = f"{r.number}  {r.description[:40]}"
            if r.id in claimed:
                taken.append(
                    (
                        r.number,
                        f"{label}  ({_r(tr, QT_TRANSLATE_NOOP('registers', 'claimed already'))})",
                    )
                )
            else:
                free.append((r.number, label))
        offset += len(page.rows)
        if not page.rows or offset >= page.total:
            return free + taken


def _excuse(session: Session, excuse_id: str) -> Excuse:
    excuse = session.get(Excuse, excuse_id)
    if excuse is None:
        raise WorkbenchError(QT_TRANSLATE_NOOP("messages", "This excuse no longer exists."))
    return excuse


# -- writing -------------------------------------------------------------------------


def _time(value: Any, label: str) -> dt.datetime | None:
    if value in (None, ""):
        return None
    if not isinstance(value, dt.datetime) or value.tzinfo is None:
        raise ValueError(f"{label}: an aware datetime expected, got {value!r}")
    return value


def _apply(excuse: Excuse, values: Mapping[str, Any], now: dt.datetime) -> None:
    kind = str(values.get("kind", excuse.kind or "")).strip()
    reason = str(values.get("reason", excuse.reason or "")).strip()
    rules.check_claim(kind, reason)
    excuse.kind = kind
    excuse.reason = checked_text(reason, Excuse.reason, QT_TRANSLATE_NOOP("messages", "Reason"))
    cause_from = _time(values.get("cause_from"), "cause_from")
    cause_until = _time(values.get("cause_until"), "cause_until")
    notified = _time(values.get("client_notified_at"), "client_notified_at")
    for moment in (cause_from, cause_until, notified):
        if moment is not None and moment > now + wo.CLOCK_TOLERANCE:
            raise WorkbenchError(QT_TRANSLATE_NOOP("messages", "The time lies in the future."))
    if cause_from is not None and cause_until is not None and cause_until < cause_from:
        raise WorkbenchError(QT_TRANSLATE_NOOP("messages", "The cause cannot end before it began."))
    excuse.cause_from, excuse.cause_until, excuse.client_notified_at = (
        cause_from,
        cause_until,
        notified,
    )


def _check_open(excuse: Excuse) -> None:
    if excuse.status == rules.CONFIRMED:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP(
                "messages", "The client confirmed this excuse: it is signed and cannot change."
            )
        )


def claim(session: Session, values: Mapping[str, Any], now: dt.datetime | None = None) -> ExcuseRow:
    """Record a claim (``number``, ``kind``, ``reason``, optional times) against an order
    that has a breach; refused for an order without one or already claimed."""
    now = aware_now(now)
    number = str(values.get("number", "")).strip().upper()
    order = session.scalar(select(WorkOrder).where(WorkOrder.number == number))
    if order is None:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "Work order {number} not found."), number=number or "—"
        )
    row = wo.row(session, number, now=now)
    if not row.breaches:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP(
                "messages", "Work order {number} has no breach: there is nothing to excuse."
            ),
            number=number,
        )
    if session.scalar(select(Excuse.id).where(Excuse.work_order_id == order.id)) is not None:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "Work order {number} already has an excuse."),
            number=number,
        )
    excuse = Excuse(work_order_id=order.id, status=rules.CLAIMED, claimed_by=actor_of(session))
    _apply(excuse, values, now)
    excuse.demo = bool(values.get("demo", False))
    session.add(excuse)
    session.flush()
    log.info("excuse claimed for %s (%s)", number, excuse.kind)
    return get_excuse(session, excuse.id, now)


def update(
    session: Session,
    excuse_id: str,
    values: Mapping[str, Any],
    now: dt.datetime | None = None,
    expected_version: int | None = None,
) -> ExcuseRow:
    """Change a claim not yet confirmed (the order it names stays)."""
    now = aware_now(now)
    excuse = _excuse(session, excuse_id)
    check_row_version(excuse.version, expected_version)
    _check_open(excuse)
    _apply(excuse, values, now)
    session.flush()
    return get_excuse(session, excuse.id, now)


def delete(session: Session, excuse_id: str) -> None:
    """Withdraw a claim not yet confirmed (the audit trail keeps it)."""
    excuse = _excuse(session, excuse_id)
    _check_open(excuse)
    session.delete(excuse)
    session.flush()


def attach_evidence(session: Session, excuse_id: str, source: Path) -> ExcuseRow:
    """Copy ``source`` into the attachments as the claim's evidence (replacing any)."""
    excuse = _excuse(session, excuse_id)
    _check_open(excuse)
    relative, sha, size = store_attachment(source, ATTACHMENT_FOLDER)
    excuse.evidence_name = checked_text(
        source.name, Excuse.evidence_name, QT_TRANSLATE_NOOP("messages", "File name")
    )
    excuse.evidence_path, excuse.evidence_sha256, excuse.evidence_size = relative, sha, size
    session.flush()
    return get_excuse(session, excuse.id)


def confirm(
    session: Session,
    excuse_id: str,
    signatures: signing.Signatures,
    *,
    engineer_id: str,
    pin: str = "",
    signer: engineer_service.SigningKey | None = None,
    now: dt.datetime | None = None,
    expected_version: int | None = None,
) -> ExcuseRow:
    """The client's confirmation: the engineer signs with PIN, the client's representative
    by name; the claim is locked and hashed into the chain, and the order's breaches carry
    no penalty from then on. A claim needs its evidence first (十: proof of the cause)."""
    now = aware_now(now)
    excuse = _excuse(session, excuse_id)
    check_row_version(excuse.version, expected_version)
    _check_open(excuse)
    if not excuse.evidence_sha256:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP(
                "messages", "Attach the evidence before the client confirms the excuse."
            )
        )
    client_name = signatures.client_name.strip()
    if not client_name:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "Type the client representative's name.")
        )
    key = engineer_service.signer_for(session, engineer_id, pin=pin, signer=signer, now=now)
    signing.save_signatures(
        session,
        RECORD_TYPE,
        excuse.id,
        signatures,
        engineer_name=key.engineer_name,
        engineer_id=key.engineer_id,
        signed_at=now,
    )
    excuse.status = rules.CONFIRMED
    excuse.confirmed_at = now
    excuse.client_name = checked_text(
        client_name, Excuse.client_name, QT_TRANSLATE_NOOP("messages", "Client representative")
    )
    excuse.engineer_id = key.engineer_id
    session.flush()
    signing.append_to_chain(session, RECORD_TYPE, excuse.id, signer=key, signed_at=now)
    log.info("excuse for %s confirmed by %s", excuse.work_order.number, client_name)
    return get_excuse(session, excuse.id, now)


# -- the chain -----------------------------------------------------------------------


def _by_id(session: Session, record_id: str) -> Excuse:
    excuse = session.get(Excuse, record_id)
    if excuse is None:
        raise signing.RecordMissingError(record_id)
    return excuse


def excuse_content(session: Session, record_id: str) -> dict[str, Any]:
    """What the signatures on an excuse cover (see :mod:`workbench.domain.hashing`)."""
    e = _by_id(session, record_id)
    return {
        "record_type": RECORD_TYPE,
        "work_order": e.work_order.number,
        "kind": e.kind,
        "reason": e.reason,
        "cause_from": e.cause_from,
        "cause_until": e.cause_until,
        "client_notified_at": e.client_notified_at,
        "evidence": {"filename": e.evidence_name, "sha256": e.evidence_sha256},
        "status": e.status,
        "confirmed_at": e.confirmed_at,
        "client_name": e.client_name,
        "demo": e.demo,
        "signatures": signing.signatures_content(session, RECORD_TYPE, e.id),
    }


def _label(session: Session, record_id: str) -> str:
    return f"{_by_id(session, record_id).work_order.number} (免责)"


def _signed_ids(session: Session) -> Iterable[str]:
    return session.scalars(select(Excuse.id).where(Excuse.status == rules.CONFIRMED))


SIGNED_EXCUSE = signing.SignedKind(
    RECORD_TYPE,
    excuse_content,
    label=_label,
    signed_ids=_signed_ids,
    signer=signing.engineer_signer(RECORD_TYPE),
)


# -- export and report ---------------------------------------------------------------


def _r(translate: Translate, text: str) -> str:
    return translate("registers", text)


def kind_label(kind: str, translate: Translate) -> str:
    return translate("registers", rules.KIND_LABELS.get(kind, kind))


def status_label(status: str, translate: Translate) -> str:
    return translate("registers", rules.STATUS_LABELS.get(status, status))


def _breach_text(breaches: Sequence[str], translate: Translate) -> str:
    from workbench.domain.workorders import SLA_NAMES

    return "、".join(translate("workorders", SLA_NAMES.get(b, b)) for b in breaches)


EXPORT_COLUMNS = (
    (QT_TRANSLATE_NOOP("registers", "Work order"), 16),
    (QT_TRANSLATE_NOOP("registers", "Reported"), 18),
    (QT_TRANSLATE_NOOP("registers", "Breaches"), 18),
    (QT_TRANSLATE_NOOP("registers", "Kind"), 16),
    (QT_TRANSLATE_NOOP("registers", "Clause"), 8),
    (QT_TRANSLATE_NOOP("registers", "Reason"), 40),
    (QT_TRANSLATE_NOOP("registers", "Cause from"), 18),
    (QT_TRANSLATE_NOOP("registers", "Cause until"), 18),
    (QT_TRANSLATE_NOOP("registers", "Client notified"), 18),
    (QT_TRANSLATE_NOOP("registers", "Evidence"), 24),
    (QT_TRANSLATE_NOOP("registers", "Evidence SHA-256"), 20),
    (QT_TRANSLATE_NOOP("registers", "Status"), 18),
    (QT_TRANSLATE_NOOP("registers", "Confirmed"), 18),
    (QT_TRANSLATE_NOOP("registers", "Client representative"), 14),
    (QT_TRANSLATE_NOOP("registers", "Penalty excused (CNY)"), 14),
    (QT_TRANSLATE_NOOP("registers", "Strict reading (CNY)"), 14),
    (QT_TRANSLATE_NOOP("registers", "八、5 exposure excused (CNY)"), 14),
)


def _local(value: dt.datetime | None) -> dt.datetime | None:
    from workbench.domain.timeutil import LOCAL_TZ

    return None if value is None else value.astimezone(LOCAL_TZ).replace(tzinfo=None)


def export_xlsx(session: Session, path: Path, translate: Translate = identity) -> int:
    """The whole register as one sheet (the hand-back pack includes it)."""
    from workbench.services.exports import write_xlsx

    tr = translate
    rows = list_excuses(session)
    write_xlsx(
        path,
        _r(tr, QT_TRANSLATE_NOOP("registers", "Excused delays")),
        [(_r(tr, title), width) for title, width in EXPORT_COLUMNS],
        [
            [
                r.number,
                _local(r.reported_at),
                _breach_text(r.breaches, tr),
                kind_label(r.kind, tr),
                r.clause,
                r.reason,
                _local(r.cause_from),
                _local(r.cause_until),
                _local(r.client_notified_at),
                r.evidence_name,
                r.evidence_sha256,
                status_label(r.status, tr),
                _local(r.confirmed_at),
                r.client_name,
                float(r.penalty_cny),
                float(r.penalty_worst_cny),
                float(r.client_deadline_cny),
            ]
            for r in rows
        ],
    )
    return len(rows)


def report_section(session: Session, period: Period, translate: Translate) -> ReportSection:
    """The monthly report's 免责登记: the claims on the orders reported in the period,
    confirmed or not, with the amount each takes off (a claim takes nothing off until the
    client confirms it)."""
    start, end = period.bounds
    rows = list(reversed(list_excuses(session, start=start, end=end)))
    tr = translate
    confirmed = [r for r in rows if r.confirmed]
    return ReportSection(
        title=_r(tr, QT_TRANSLATE_NOOP("registers", "Excused delays (十, 八、1)")),
        columns=(
            (_r(tr, QT_TRANSLATE_NOOP("registers", "Work order")), 24),
            (_r(tr, QT_TRANSLATE_NOOP("registers", "Breaches")), 22),
            (_r(tr, QT_TRANSLATE_NOOP("registers", "Kind")), 24),
            (_r(tr, QT_TRANSLATE_NOOP("registers", "Reason")), 46),
            (_r(tr, QT_TRANSLATE_NOOP("registers", "Status")), 30),
            (_r(tr, QT_TRANSLATE_NOOP("registers", "Excused (CNY)")), 24),
        ),
        rows=tuple(
            (
                r.number,
                _breach_text(r.breaches, tr),
                f"{kind_label(r.kind, tr)}（{r.clause}）",
                r.reason,
                status_label(r.status, tr)
                + (
                    f"\n{r.client_name} {fmt_local(r.confirmed_at)[:10]}"
                    if r.confirmed and r.confirmed_at
                    else ""
                ),
                f"{r.penalty_cny:.2f}" if r.confirmed else "—",
            )
            for r in rows
        ),
        remark=_r(
            tr,
            QT_TRANSLATE_NOOP(
                "registers",
                "An excused breach stays on its order; once the client confirms the excuse "
                "with a signature it carries no penalty. Confirmed this period: {count}, "
                "CNY {amount} not charged.",
            ),
        ).format(
            count=len(confirmed), amount=f"{sum((r.penalty_cny for r in confirmed), ZERO):.2f}"
        ),
        empty=_r(
            tr,
            QT_TRANSLATE_NOOP(
                "registers", "No excused delay was claimed for an order of this period."
            ),
        ),
    )
