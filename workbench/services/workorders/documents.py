"""Work orders: one order's detail, its printed document, and scanned papers."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.data.models import Contract
from workbench.data.models.workorders import WorkOrder, WorkOrderAmendment, WorkOrderEvent
from workbench.domain import clocks
from workbench.domain import excuses as excuse_rules
from workbench.domain import sla as sla_rules
from workbench.domain import workorders as rules
from workbench.domain.contract import clauses_from_terms
from workbench.domain.documents import (
    ContractHeader,
    ExcuseDoc,
    LogLine,
    Party,
    SlaLine,
    WorkOrderDoc,
)
from workbench.domain.scancodes import record_payload
from workbench.domain.workorders import WorkOrderRow
from workbench.services import heads, signing
from workbench.services._common import asset_line, aware_now
from workbench.services.workorders._helpers import (
    _amendment_view,
    _Clock,
    _ContractCache,
    _order,
    _row,
)
from workbench.services.workorders.read_models import (
    AMENDMENT_RECORD_TYPE,
    RECORD_TYPE,
    AmendmentView,
    EventView,
    ScanCheck,
    WorkOrderDetail,
)
from workbench.services.workorders.worklog import list_log


def row(session: Session, number: str, now: dt.datetime | None = None) -> WorkOrderRow:
    order = _order(session, number)
    return _row(order, _ContractCache(session).clock(order.contract_id), aware_now(now))


def _events(session: Session, order: WorkOrder) -> tuple[EventView, ...]:
    events = session.scalars(
        select(WorkOrderEvent)
        .where(WorkOrderEvent.work_order_id == order.id)
        .order_by(WorkOrderEvent.at, WorkOrderEvent.recorded_at)
    )
    return tuple(
        EventView(
            from_status=e.from_status,
            to_status=e.to_status,
            at=e.at,
            actor=e.actor,
            engineer_name=e.engineer.name if e.engineer else "",
            note=e.note,
            recorded_at=e.recorded_at,
        )
        for e in events
    )


def _amendments(session: Session, order: WorkOrder) -> tuple[AmendmentView, ...]:
    amendments = session.scalars(
        select(WorkOrderAmendment)
        .where(WorkOrderAmendment.work_order_id == order.id)
        .order_by(WorkOrderAmendment.created_at)
    )
    result = []
    for a in amendments:
        link = signing.link_of(session, AMENDMENT_RECORD_TYPE, a.id)
        result.append(_amendment_view(a, order.number, link.content_hash if link else None))
    return tuple(result)


def detail(session: Session, number: str, now: dt.datetime | None = None) -> WorkOrderDetail:
    """Everything the detail view shows about one order."""
    now = aware_now(now)
    order = _order(session, number)
    contract = _ContractCache(session).get(order.contract_id)
    link = signing.link_of(session, RECORD_TYPE, order.id)
    # 五、5.2.3: the period extends only when the client set a deadline and the repair
    # missed it, by the time past it.
    extension = clocks.service_extension(
        contractor_caused=order.contractor_caused,
        client_deadline=order.client_deadline,
        restored_at=order.restored_at,
        now=now,
    )
    return WorkOrderDetail(
        row=_row(order, _Clock.of(contract.terms, contract.total_cny), now),
        contract_number=contract.number,
        reporter_phone=order.reporter_phone,
        cause=order.cause,
        resolution=order.resolution,
        contractor_caused=order.contractor_caused,
        service_extension=extension,
        assets=tuple(asset_line(link_.asset) for link_ in order.asset_links),
        events=_events(session, order),
        log=tuple(list_log(session, work_order_number=order.number)),
        signatures=heads.signature_docs(session, RECORD_TYPE, order.id),
        amendments=_amendments(session, order),
        allowed_moves=tuple(m for m in rules.TRANSITIONS[order.status] if m != "signed"),
        editable=rules.is_editable(order.status),
        record_hash=link.content_hash if link else None,
        chain_seq=link.seq if link else None,
        qr_payload=record_payload("work_order", order.number, link.content_hash) if link else None,
    )


def contract_header(contract: Contract) -> ContractHeader:
    d = contract.details or {}
    return ContractHeader(
        number=contract.number,
        title=contract.title,
        client=Party(
            name=contract.client_name,
            short=contract.client_short,
            address=str(d.get("client_address", "")),
            contact=str(d.get("client_contact", "")),
            phone=str(d.get("client_phone", "")),
        ),
        contractor=Party(
            name=contract.contractor_name,
            short=str(d.get("contractor_short", "")),
            address=str(d.get("contractor_address", "")),
            contact=str(d.get("contractor_contact", "")),
            phone=str(d.get("contractor_phone", "")),
        ),
        start=contract.start_date,
        end=contract.end_date,
        total_cny=contract.total_cny,
    )


def _work_log(d: WorkOrderDetail) -> tuple[LogLine, ...]:
    """The printed 工作日志: the handling steps (what the screen's timeline lists, each with
    its note) and the free entries, by time; at the same minute a step before an entry."""
    steps = [
        (
            e.at,
            0,
            LogLine(at=e.at, author=e.engineer_name or e.actor, text=e.note, step=e.to_status),
        )
        for e in d.events
    ]
    entries = [
        (e.at, 1, LogLine(at=e.at, author=e.engineer_name, text=e.text, amends=e.amends_at))
        for e in d.log
    ]
    return tuple(line for _at, _kind, line in sorted([*steps, *entries], key=lambda x: x[:2]))


# The clauses a work order cites: the time limits (一、6, 五、5.2.2), the penalty for late
# service (八、1), the contractor-caused fault (五、5.2.3) and a missed client deadline (八、5).
CITED_CLAUSES = ("一、6", "五、5.2.2", "八、1", "五、5.2.3", "八、5")


def document(
    session: Session,
    number: str,
    now: dt.datetime | None = None,
    *,
    show_penalty: bool = False,
) -> WorkOrderDoc:
    """The printed work order's read model (for ``workbench.reports.workorder``), with the
    store's head as it is now and the engineer's key fingerprint.

    ``show_penalty`` (the setting ``workorder_penalty_on_paper``, off by default) prints
    the exposure of 八、1; otherwise the paper states the clocks' facts only."""
    now = aware_now(now)
    d = detail(session, number, now=now)
    order = _order(session, number)
    cache = _ContractCache(session)
    contract = cache.get(order.contract_id)
    clock = cache.clock(order.contract_id)
    r = d.row
    worst = sla_rules.worst_case_penalty(r.sla, clock.total_cny, clock.penalties)
    over_cap = r.termination_right or worst.termination_right
    quoted = clauses_from_terms(contract.terms)
    amendment_lines = tuple(
        LogLine(
            at=a.created_at,
            author=a.engineer_name,
            text=(f"{a.old_value} → {a.new_value}" if a.old_value else a.new_value)
            + (f"（{a.reason}）" if a.reason else ""),
        )
        for a in d.amendments
    )
    return WorkOrderDoc(
        contract=contract_header(contract),
        number=r.number,
        type=r.type,
        status=r.status,
        priority=r.priority,
        channel=r.channel,
        reporter_name=r.reporter_name,
        reporter_phone=d.reporter_phone,
        description=r.description,
        engineer_name=r.engineer_name,
        reported_at=r.reported_at,
        responded_at=r.responded_at,
        onsite_at=r.onsite_at,
        restored_at=r.restored_at,
        closed_at=r.closed_at,
        cause=d.cause,
        resolution=d.resolution,
        contractor_caused=d.contractor_caused,
        assets=d.assets,
        sla=tuple(
            SlaLine(
                key=item.key,
                target_minutes=item.target_minutes,
                deadline=item.deadline,
                done_at=item.done_at,
                state=item.state,
                late_by=item.late_by,
            )
            for item in r.sla
        ),
        penalty_cny=r.penalty_cny,
        log=_work_log(d),
        signatures=d.signatures,
        record_hash=d.record_hash,
        amendments=amendment_lines,
        demo=r.demo,
        entered_late=rules.entered_late((e.to_status, e.at, e.recorded_at) for e in d.events),
        head=heads.head_doc(session),
        penalty_rule=r.penalty_rule,
        penalty_worst_cny=r.penalty_worst_cny,
        termination_right=r.termination_right,
        termination_right_worst=worst.termination_right,
        show_penalty=show_penalty,
        over_cap_note=(
            sla_rules.over_cap_reading(clock.total_cny, clock.penalties) if over_cap else None
        ),
        client_deadline=r.client_deadline,
        service_extension=d.service_extension,
        client_deadline_exposure_cny=r.client_deadline_exposure_cny,
        client_deadline_note=(
            clocks.client_deadline_reading(clock.total_cny, clock.penalties)
            if r.client_deadline_exposure_cny > 0
            else None
        ),
        clauses=tuple((key, quoted[key]) for key in CITED_CLAUSES if key in quoted),
        excuse=_excuse_doc(session, order),
    )


def _excuse_doc(session: Session, order: WorkOrder) -> ExcuseDoc | None:
    from workbench.data.models.registers import Excuse

    excuse = session.scalar(select(Excuse).where(Excuse.work_order_id == order.id))
    if excuse is None:
        return None
    return ExcuseDoc(
        kind=excuse.kind,
        kind_label=excuse_rules.KIND_LABELS.get(excuse.kind, excuse.kind),
        clause=excuse_rules.KIND_CLAUSES.get(excuse.kind, ""),
        reason=excuse.reason,
        confirmed=excuse.status == excuse_rules.CONFIRMED,
        client_name=excuse.client_name,
        confirmed_at=excuse.confirmed_at,
    )


def qr_payload(session: Session, number: str) -> str | None:
    """The payload of the QR code printed on a signed order (None while unsigned)."""
    return detail(session, number).qr_payload


def check_scanned_record(session: Session, number: str, record_hash: str) -> ScanCheck:
    """Whether a scanned paper (number and hash from its QR code) matches the store."""
    number = number.strip().upper()
    order_id = session.scalar(select(WorkOrder.id).where(WorkOrder.number == number))
    return heads.check_link(session, RECORD_TYPE, order_id, number, record_hash)
