"""Deliverables (交付物) and payment milestones: what the contract owes, by when, and done.

The dated obligations come from the contract's terms (:mod:`workbench.domain.deliverables`)
and are kept as rows (:func:`sync_schedule`, idempotent) so that a delivery can be recorded
against each: a date, a note and a file copied into the attachments folder. Staff-change
notices are added one by one, when a change is planned. Payment milestones are the
``payment_milestone`` rows of the contract; invoice and payment dates are recorded there.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from workbench.config import attachments_dir
from workbench.data.models import Asset, Contract, PaymentMilestone
from workbench.data.models.reporting import Deliverable
from workbench.domain import deliverables as rules
from workbench.domain.deliverables import DeliverableRow, DeliverableSummary, PaymentRow
from workbench.domain.messages import QT_TRANSLATE_NOOP, Message, WorkbenchError
from workbench.services._common import actor_of, checked_text
from workbench.services._common import local_today as _today
from workbench.services._common import require_contract as _contract
from workbench.services.attachments import store_attachment
from workbench.services.records import effective_records_from

log = logging.getLogger("workbench.deliverables")

ATTACHMENT_FOLDER = "deliverables"
STAFF_CHANGE_KEY = "staff_change_notice"
# The most characters a staff change's description takes (its deliverable's title column).
STAFF_CHANGE_MAX_LENGTH: int = Deliverable.title.type.length


def _site_codes(session: Session) -> list[str]:
    return list(
        session.scalars(
            select(Asset.code)
            .where(Asset.kind == "website", Asset.status != "retired")
            .order_by(Asset.code)
        )
    )


def _site_names(session: Session) -> dict[str, str]:
    query = select(Asset.code, Asset.name).where(Asset.kind == "website")
    return {row[0]: row[1] for row in session.execute(query)}


def sync_schedule(session: Session, contract: Contract | None = None) -> int:
    """Create the rows of every scheduled obligation not yet in the store; returns how many.

    A row whose due date the schedule now reads otherwise (a store made before the yearly
    count was read as due at the year's end, 一、2) takes the schedule's date: the due date
    is the contract's, never typed.
    """
    contract = contract or _contract(session)
    terms = rules.terms_from(contract.terms or {})
    names = {t.key: t.name for t in terms}
    have = {
        (row.key, row.period, row.site_code): (row.id, row.due_date)
        for row in session.execute(
            select(
                Deliverable.id,
                Deliverable.key,
                Deliverable.period,
                Deliverable.site_code,
                Deliverable.due_date,
            ).where(Deliverable.contract_id == contract.id)
        )
    }
    created = moved = 0
    for ob in rules.schedule(terms, contract.start_date, contract.end_date, _site_codes(session)):
        known = have.get((ob.key, ob.period, ob.site))
        if known is not None:
            if known[1] != ob.due_on:
                session.execute(
                    update(Deliverable).where(Deliverable.id == known[0]).values(due_date=ob.due_on)
                )
                moved += 1
            continue
        session.add(
            Deliverable(
                contract_id=contract.id,
                key=ob.key,
                period=ob.period,
                site_code=ob.site,
                seq=ob.seq,
                title=names.get(ob.key, ob.key),
                due_date=ob.due_on,
            )
        )
        created += 1
    if moved:
        log.info("deliverables: %d due dates follow the schedule again", moved)
    if created:
        session.flush()
    return created


def _row(
    d: Deliverable,
    terms: dict[str, rules.DeliverableTerm],
    sites: dict[str, str],
    today: dt.date,
    horizon_end: dt.date,
    *,
    records_from: dt.date | None = None,
) -> DeliverableRow:
    term = terms.get(d.key)
    return DeliverableRow(
        id=d.id,
        key=d.key,
        name=term.name if term else d.key,
        clause=term.clause if term else "",
        period=d.period,
        site_code=d.site_code,
        site_name=sites.get(d.site_code, d.site_code),
        title=d.title,
        due_on=d.due_date,
        event_on=d.event_date,
        delivered_on=d.delivered_on,
        delivered_by=d.delivered_by,
        note=d.note,
        attachment_name=d.attachment_name,
        attachment_path=(attachments_dir() / d.attachment_path) if d.attachment_path else None,
        state=rules.state(d.due_date, d.delivered_on, today, horizon_end, records_from),
        days_late=rules.late_days(d.due_date, d.delivered_on, today, records_from),
        demo=d.demo,
    )


def list_deliverables(
    session: Session,
    *,
    key: str | None = None,
    due_from: dt.date | None = None,
    due_to: dt.date | None = None,
    states: Sequence[str] = (),
    today: dt.date | None = None,
    horizon_end: dt.date | None = None,
) -> list[DeliverableRow]:
    """Deliverables of the current contract by due date; ``due_to`` inclusive.

    ``horizon_end`` ends the "due" window (default: the end of ``today``'s week).
    """
    contract = _contract(session)
    sync_schedule(session, contract)
    today = _today(today)
    horizon_end = horizon_end or rules.week_end(today)
    terms = {t.key: t for t in rules.terms_from(contract.terms or {})}
    sites = _site_names(session)
    query = select(Deliverable).where(Deliverable.contract_id == contract.id)
    if key:
        query = query.where(Deliverable.key == key)
    if due_from:
        query = query.where(Deliverable.due_date >= due_from)
    if due_to:
        query = query.where(Deliverable.due_date <= due_to)
    query = query.order_by(Deliverable.due_date, Deliverable.key, Deliverable.site_code)
    since = effective_records_from(contract)
    rows = [
        _row(d, terms, sites, today, horizon_end, records_from=since)
        for d in session.scalars(query)
    ]
    if states:
        rows = [r for r in rows if r.state in states]
    return rows


def summary(session: Session, today: dt.date | None = None) -> list[DeliverableSummary]:
    """One line per deliverable of the contract, in the data file's order."""
    contract = _contract(session)
    today = _today(today)
    rows = list_deliverables(session, today=today, horizon_end=today)
    result = []
    for term in rules.terms_from(contract.terms or {}):
        mine = [r for r in rows if r.key == term.key]
        result.append(
            DeliverableSummary(
                key=term.key,
                name=term.name,
                clause=term.clause,
                total=len(mine),
                due_so_far=sum(1 for r in mine if r.due_on <= today),
                delivered=sum(
                    1 for r in mine if r.delivered_on is not None and r.delivered_on <= today
                ),
                delivered_late=sum(
                    1
                    for r in mine
                    if r.delivered_on is not None and r.due_on < r.delivered_on <= today
                ),
                overdue=sum(1 for r in mine if r.state == rules.OVERDUE),
                minimum=term.minimum if term.every == "year" else None,
                on_pace=(
                    rules.pace(term.minimum, contract.start_date, contract.end_date, today)
                    if term.every == "year" and term.minimum
                    else None
                ),
            )
        )
    return result


def _store_attachment(source: Path) -> tuple[str, str, int]:
    return store_attachment(source, ATTACHMENT_FOLDER)


def _deliverable(session: Session, deliverable_id: str) -> Deliverable:
    row = session.get(Deliverable, deliverable_id)
    if row is None:
        raise WorkbenchError(QT_TRANSLATE_NOOP("messages", "No such deliverable."))
    return row


def record_delivery(
    session: Session,
    deliverable_id: str,
    *,
    delivered_on: dt.date,
    note: str = "",
    attachment: Path | None = None,
    delivered_by: str = "",
    today: dt.date | None = None,
    demo: bool = False,
) -> DeliverableRow:
    """Record a deliverable as handed over (again: a later record replaces the earlier)."""
    today = _today(today)
    if delivered_on > today:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "The delivery date {date} lies in the future."),
            date=delivered_on.isoformat(),
        )
    note = checked_text(
        note.strip(), Deliverable.note, Message(QT_TRANSLATE_NOOP("messages", "The note"))
    )
    row = _deliverable(session, deliverable_id)
    if attachment is not None:
        path, sha, size = _store_attachment(attachment)
        row.attachment_name = attachment.name[:255]
        row.attachment_path = path
        row.attachment_sha256 = sha
        row.attachment_size = size
    row.delivered_on = delivered_on
    row.note = note
    row.delivered_by = delivered_by or actor_of(session)
    row.demo = row.demo or demo
    session.flush()
    return _one(session, row, today)


def clear_delivery(session: Session, deliverable_id: str) -> None:
    """Undo a delivery recorded by mistake (the file stays in the attachments folder)."""
    row = _deliverable(session, deliverable_id)
    row.delivered_on = None
    row.delivered_by = ""
    row.note = ""
    row.attachment_name = row.attachment_path = row.attachment_sha256 = ""
    row.attachment_size = 0
    session.flush()


def _one(session: Session, row: Deliverable, today: dt.date) -> DeliverableRow:
    contract = session.get(Contract, row.contract_id)
    assert contract is not None
    terms = {t.key: t for t in rules.terms_from(contract.terms or {})}
    return _row(row, terms, _site_names(session), today, rules.week_end(today))


def add_staff_change(
    session: Session,
    *,
    change_on: dt.date,
    description: str,
    today: dt.date | None = None,
    demo: bool = False,
) -> DeliverableRow:
    """A planned staff change: the written notice it needs becomes a deliverable."""
    contract = _contract(session)
    term = next(
        (t for t in rules.terms_from(contract.terms or {}) if t.key == STAFF_CHANGE_KEY), None
    )
    if term is None or term.notice_days is None:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "The contract asks for no staff-change notice.")
        )
    description = description.strip()
    if not description:
        raise WorkbenchError(QT_TRANSLATE_NOOP("messages", "Describe the staff change."))
    # Refused whole, never cut to the column's length unseen.
    checked_text(
        description,
        Deliverable.title,
        Message(QT_TRANSLATE_NOOP("messages", "The description of the staff change")),
    )
    count = len(
        list(
            session.scalars(
                select(Deliverable.id).where(
                    Deliverable.contract_id == contract.id, Deliverable.key == STAFF_CHANGE_KEY
                )
            )
        )
    )
    row = Deliverable(
        contract_id=contract.id,
        key=STAFF_CHANGE_KEY,
        period=f"{change_on.isoformat()}#{count + 1}",
        seq=count + 1,
        title=description,
        due_date=rules.notice_due(change_on, term.notice_days),
        event_date=change_on,
        demo=demo,
    )
    session.add(row)
    session.flush()
    return _one(session, row, _today(today))


# -- payment milestones ---------------------------------------------------------------


def payment_state(p: PaymentMilestone, today: dt.date) -> str:
    if p.paid_on is not None:
        return "paid"
    if p.invoice_issued_on is not None:
        return "invoiced" if p.due_date is None or p.due_date >= today else "overdue"
    if p.due_date is not None and p.due_date < today:
        return "overdue"
    return "open"


def list_payments(session: Session, today: dt.date | None = None) -> list[PaymentRow]:
    contract = _contract(session)
    today = _today(today)
    return [
        PaymentRow(
            id=p.id,
            seq=p.seq,
            description=p.description,
            amount_cny=p.amount_cny,
            due_on=p.due_date,
            condition=p.condition,
            invoice_issued_on=p.invoice_issued_on,
            paid_on=p.paid_on,
            note=p.note,
            state=payment_state(p, today),
        )
        for p in contract.payments
    ]


def record_payment(
    session: Session,
    payment_id: str,
    *,
    invoice_issued_on: dt.date | None = None,
    paid_on: dt.date | None = None,
    note: str | None = None,
    today: dt.date | None = None,
) -> PaymentRow:
    """Record the invoice and/or the payment of a milestone (None leaves a date as it is)."""
    today = _today(today)
    p = session.get(PaymentMilestone, payment_id)
    if p is None:
        raise WorkbenchError(QT_TRANSLATE_NOOP("messages", "No such payment milestone."))
    for value in (invoice_issued_on, paid_on):
        if value is not None and value > today:
            raise WorkbenchError(
                QT_TRANSLATE_NOOP("messages", "The date {date} lies in the future."),
                date=value.isoformat(),
            )
    if invoice_issued_on is not None:
        p.invoice_issued_on = invoice_issued_on
    if paid_on is not None:
        p.paid_on = paid_on
    if note is not None:
        p.note = checked_text(
            note.strip(),
            PaymentMilestone.note,
            Message(QT_TRANSLATE_NOOP("messages", "The note")),
        )
    session.flush()
    return next(r for r in list_payments(session, today) if r.id == payment_id)
