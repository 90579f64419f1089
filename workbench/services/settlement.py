"""The settlement statement (结算单) from the store: payments, charges, excuses, extensions.

The figures come from :mod:`workbench.domain.settlement` (which spells out the clauses and
the reading the statement rests on); this module gathers the facts: the contract's
payments (四、2), every order reported in the service period with its clocks evaluated
now (八、1 under the contract's day rule and the strict reading, 八、5), the confirmed
excuses (十, from the excuse register) and the extensions of 五、5.2.3. The monthly report,
the acceptance pack and ``workbench report settlement`` all read it here, so the paper and
the JSON give the same numbers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.data.models.workorders import WorkOrder
from workbench.domain import clocks
from workbench.domain import settlement as rules
from workbench.domain import sla as sla_rules
from workbench.domain.contract import penalties_from_terms
from workbench.domain.reporting import day_bounds
from workbench.domain.timeutil import LOCAL_TZ
from workbench.domain.workorders import WorkOrderRow
from workbench.services import deliverables as deliverable_service
from workbench.services._common import aware_now, month_period, require_contract

CHUNK = 500


def _contractor_caused(session: Session, ids: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(ids), CHUNK):
        found.update(
            session.scalars(
                select(WorkOrder.id).where(
                    WorkOrder.id.in_(ids[start : start + CHUNK]),
                    WorkOrder.contractor_caused.is_(True),
                )
            )
        )
    return found


def settlement_order(
    row: WorkOrderRow, contractor_caused: bool, now: dt.datetime
) -> rules.SettlementOrder:
    contract_clocks = tuple(i for i in row.sla if i.key in sla_rules.SLA_KEYS)
    return rules.SettlementOrder(
        number=row.number,
        reported_at=row.reported_at,
        breaches=row.breaches,
        late_by=sla_rules.worst_lateness(contract_clocks),
        penalty_cny=row.penalty_cny,
        penalty_worst_cny=row.penalty_worst_cny,
        client_deadline_cny=row.client_deadline_exposure_cny,
        termination_right=row.termination_right,
        extension=clocks.service_extension(
            contractor_caused=contractor_caused,
            client_deadline=row.client_deadline,
            restored_at=row.restored_at,
            now=now,
        ),
        excused=row.excused,
    )


def settlement_orders(
    session: Session, rows: Sequence[WorkOrderRow], now: dt.datetime
) -> list[rules.SettlementOrder]:
    caused = _contractor_caused(session, [r.id for r in rows])
    return [settlement_order(r, r.id in caused, now) for r in rows]


def statement(
    session: Session,
    now: dt.datetime | None = None,
    rows: Sequence[WorkOrderRow] | None = None,
) -> tuple[rules.Settlement, list[rules.SettlementOrder]]:
    """The statement of every payment, and the orders it counts. ``rows``: the orders of
    the service period evaluated at ``now``, when the caller has them already."""
    from workbench.services.reporting import orders_between

    now = aware_now(now)
    contract = require_contract(session)
    today = now.astimezone(LOCAL_TZ).date()
    if rows is None:
        start, end = day_bounds(contract.start_date, contract.end_date)
        rows = orders_between(session, start, end, now)
    orders = settlement_orders(session, rows, now)
    payments = [
        rules.SettlementPayment(
            seq=p.seq,
            description=p.description,
            amount_cny=p.amount_cny,
            due_on=p.due_on,
            paid_on=p.paid_on,
            state=p.state,
        )
        for p in deliverable_service.list_payments(session, today)
    ]
    result = rules.settle(
        payments,
        orders,
        total_cny=contract.total_cny,
        contract_first=contract.start_date,
        contract_last=contract.end_date,
        terms=penalties_from_terms(contract.terms),
    )
    return result, orders


def month_statement(
    session: Session, month: str, now: dt.datetime | None = None
) -> tuple[rules.Settlement, rules.MonthSettlement]:
    period = month_period(month)
    whole, orders = statement(session, now)
    return whole, rules.month_settlement(whole, orders, period.first, period.last)


# -- JSON ----------------------------------------------------------------------------


def _money(value: Any) -> str:
    return f"{value:.2f}"


def _order_json(o: rules.SettlementOrder) -> dict[str, Any]:
    return {
        "number": o.number,
        "reported_at": o.reported_at.astimezone(LOCAL_TZ).isoformat(),
        "breaches": list(o.breaches),
        "late_by_seconds": None if o.late_by is None else int(o.late_by.total_seconds()),
        "penalty_cny": _money(o.penalty_cny),
        "penalty_worst_cny": _money(o.penalty_worst_cny),
        "client_deadline_cny": _money(o.client_deadline_cny),
        "termination_right": o.termination_right,
        "extension_seconds": None if o.extension is None else int(o.extension.total_seconds()),
        "excused": None
        if o.excused is None
        else {
            "kind": o.excused.kind,
            "reason": o.excused.reason,
            "penalty_cny": _money(o.excused.penalty_cny),
            "penalty_worst_cny": _money(o.excused.penalty_worst_cny),
            "client_deadline_cny": _money(o.excused.client_deadline_cny),
        },
    }


def _charges_json(c: rules.Charges) -> dict[str, Any]:
    return {
        "penalty_cny": _money(c.penalty_cny),
        "penalty_worst_cny": _money(c.penalty_worst_cny),
        "client_deadline_cny": _money(c.client_deadline_cny),
        "deduction_cny": _money(c.deduction_cny),
        "deduction_worst_cny": _money(c.deduction_worst_cny),
        "excused_cny": _money(c.excused_cny),
        "excused_worst_cny": _money(c.excused_worst_cny),
        "extension_seconds": int(c.extension.total_seconds()),
        "termination_right": c.termination_right,
        "orders": [_order_json(o) for o in c.orders],
    }


def _payment_json(p: rules.PaymentSettlement) -> dict[str, Any]:
    return {
        "seq": p.payment.seq,
        "description": p.payment.description,
        "amount_cny": _money(p.payment.amount_cny),
        "state": p.payment.state,
        "period_from": p.period_from.isoformat(),
        "period_to": p.period_to.isoformat(),
        "cutoff_basis": p.cutoff_basis,
        "carried_in_cny": _money(p.carried_in_cny),
        "net_cny": _money(p.net_cny),
        "net_worst_cny": _money(p.net_worst_cny),
        "carried_out_cny": _money(p.carried_out_cny),
        **{f"charges_{k}": v for k, v in _charges_json(p.charges).items() if k != "orders"},
        "orders": [o.number for o in p.charges.orders],
    }


def statement_json(
    whole: rules.Settlement, month: rules.MonthSettlement | None = None
) -> dict[str, Any]:
    """The statement as plain JSON (amounts as "1234.50" strings, times in Beijing)."""
    data: dict[str, Any] = {
        "total_cny": _money(whole.total_cny),
        "day_rule": whole.day_rule,
        "amount_cny": _money(whole.amount_cny),
        "deduction_cny": _money(whole.deduction_cny),
        "deduction_worst_cny": _money(whole.deduction_worst_cny),
        "excused_cny": _money(whole.excused_cny),
        "net_cny": _money(whole.net_cny),
        "net_worst_cny": _money(whole.net_worst_cny),
        "payments": [_payment_json(p) for p in whole.payments],
    }
    if month is not None:
        data["month"] = {
            "month": month.month,
            **_charges_json(month.charges),
            "payments": [p.payment.seq for p in month.payments],
        }
    return data
