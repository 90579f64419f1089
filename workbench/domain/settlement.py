"""The settlement statement (结算单): what each payment is, less what the contract charges.

Plain facts in, figures out (no store, no Qt). The statement rests on these clauses and on
one reading the contract leaves open, which the paper spells out:

* 四、2: the four payments and their amounts (the contract total, 四、1, is their sum);
* 八、1: liquidated damages of 3‰ of the total per day of delay, counted by the contract's
  day rule (the configured reading) and shown beside the strict one (every begun day);
  over ten days, 20% instead, once, with a right to terminate;
* 八、5: 20% of the total when a deadline or rectification the client set was missed;
* 十 / 八、1: a breach the client confirmed as excused carries nothing; it is listed apart;
* 五、5.2.3: a contractor-caused fault that missed the client's deadline extends the
  service period by the time past it (the statement totals the extension).

**Reading (not in the contract):** the contract says the contractor *pays* the damages,
not how; the statement sets them off against the payment whose period holds the order's
report date. A payment's period runs from the day after the previous payment's cut-off
to its own cut-off: the day it was paid, else its nominal due date, else (no date yet)
the contract's last day. When the damages exceed a payment, the net is zero and the rest
is carried to the next payment.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from workbench.domain.contract import PenaltyTerms
from workbench.domain.excuses import Excused
from workbench.domain.messages import QT_TRANSLATE_NOOP, Message
from workbench.domain.sla import FEN, day_rule_label, over_cap_reading
from workbench.domain.timeutil import LOCAL_TZ

ZERO = Decimal("0.00")

# What every statement (and the acceptance index) says the figures rest on.
TOTAL_BASIS = QT_TRANSLATE_NOOP(
    "messages",
    "Contract total ¥{total} (四、1), paid in {count} payments (四、2). Liquidated damages "
    "for late service (八、1): {rate} of the total per day of delay, ¥{daily} a day; days "
    "counted as {rule} ({clause}).",
)
RECTIFICATION_BASIS = QT_TRANSLATE_NOOP(
    "messages",
    "A rectification or a deadline set by Party A that is missed (八、5): {rate} of the total "
    "(¥{amount}).",
)
READING = QT_TRANSLATE_NOOP(
    "messages",
    "How this statement reads the contract, which does not say how damages are paid: they "
    "are set off against the payment whose period holds the order's report date; a "
    "payment's period ends on the day it was paid, else on its due date, else on the "
    "contract's last day, and what a payment cannot absorb is carried to the next. Breaches "
    "Party A confirmed as excused (十, 八、1) are listed apart and not charged. The worst "
    "case counts every begun day of delay as a day.",
)


def penalty_basis(total_cny: Decimal, terms: PenaltyTerms, payments: int) -> tuple[Message, ...]:
    """The clauses and rates the amounts rest on, spelled out for the paper."""
    rate = (terms.late_rate_per_day * 1000).normalize()
    daily = (total_cny * terms.late_rate_per_day).quantize(FEN)
    lines = [
        Message(
            TOTAL_BASIS,
            {
                "total": f"{total_cny:,.2f}",
                "count": payments,
                "rate": f"{rate:f}‰",
                "daily": f"{daily:,.2f}",
                "rule": Message(day_rule_label(terms.day_rule)),
                "clause": terms.day_rule_clause or "八、1",
            },
        ),
        over_cap_reading(total_cny, terms),
    ]
    if terms.rectification_rate:
        lines.append(
            Message(
                RECTIFICATION_BASIS,
                {
                    "rate": f"{(terms.rectification_rate * 100).normalize():f}%",
                    "amount": f"{(total_cny * terms.rectification_rate).quantize(FEN):,.2f}",
                },
            )
        )
    lines.append(Message(READING))
    return tuple(lines)


@dataclass(frozen=True)
class SettlementOrder:
    """One work order's part in the statement (amounts as its clocks give them)."""

    number: str
    reported_at: dt.datetime
    breaches: tuple[str, ...]
    late_by: dt.timedelta | None  # the worst lateness over the contract's clocks
    penalty_cny: Decimal  # 八、1, the contract's day rule (zero when excused)
    penalty_worst_cny: Decimal  # 八、1, strict reading (zero when excused)
    client_deadline_cny: Decimal  # 八、5 (zero when excused)
    termination_right: bool
    extension: dt.timedelta | None  # 五、5.2.3
    excused: Excused | None = None

    @property
    def reported_on(self) -> dt.date:
        return self.reported_at.astimezone(LOCAL_TZ).date()

    @property
    def counts(self) -> bool:
        """On the statement: a breach (excused or not), or an extension."""
        return bool(self.breaches) or self.extension is not None


@dataclass(frozen=True)
class SettlementPayment:
    """A payment milestone as the statement needs it (四、2)."""

    seq: int
    description: str
    amount_cny: Decimal
    due_on: dt.date | None
    paid_on: dt.date | None
    state: str


@dataclass(frozen=True)
class Charges:
    """The charges of a set of orders."""

    orders: tuple[SettlementOrder, ...]  # those that count, oldest first

    @property
    def charged(self) -> tuple[SettlementOrder, ...]:
        return tuple(o for o in self.orders if o.breaches and o.excused is None)

    @property
    def excused(self) -> tuple[SettlementOrder, ...]:
        return tuple(o for o in self.orders if o.excused is not None)

    @property
    def penalty_cny(self) -> Decimal:
        return sum((o.penalty_cny for o in self.orders), ZERO)

    @property
    def penalty_worst_cny(self) -> Decimal:
        return sum((o.penalty_worst_cny for o in self.orders), ZERO)

    @property
    def client_deadline_cny(self) -> Decimal:
        return sum((o.client_deadline_cny for o in self.orders), ZERO)

    @property
    def excused_cny(self) -> Decimal:
        """What the confirmed excuses took off (八、1 under the day rule, and 八、5)."""
        return sum(
            (
                o.excused.penalty_cny + o.excused.client_deadline_cny
                for o in self.excused
                if o.excused
            ),
            ZERO,
        )

    @property
    def excused_worst_cny(self) -> Decimal:
        return sum(
            (
                o.excused.penalty_worst_cny + o.excused.client_deadline_cny
                for o in self.excused
                if o.excused
            ),
            ZERO,
        )

    @property
    def extension(self) -> dt.timedelta:
        return sum((o.extension for o in self.orders if o.extension), dt.timedelta())

    @property
    def termination_right(self) -> bool:
        return any(o.termination_right for o in self.orders)

    @property
    def deduction_cny(self) -> Decimal:
        """Set off against the payment under the configured reading: 八、1 + 八、5."""
        return self.penalty_cny + self.client_deadline_cny

    @property
    def deduction_worst_cny(self) -> Decimal:
        return self.penalty_worst_cny + self.client_deadline_cny


@dataclass(frozen=True)
class PaymentSettlement:
    payment: SettlementPayment
    period_from: dt.date  # first day whose orders this payment carries
    period_to: dt.date  # last day (the cut-off)
    cutoff_basis: str  # "paid" | "due" | "contract_end"
    charges: Charges
    carried_in_cny: Decimal  # damages a previous payment could not absorb
    carried_in_worst_cny: Decimal
    net_cny: Decimal  # amount − carried in − deduction, not below zero
    net_worst_cny: Decimal
    carried_out_cny: Decimal
    carried_out_worst_cny: Decimal


@dataclass(frozen=True)
class MonthSettlement:
    """One month's charges (orders reported in it) and the payments they are set against
    (usually one; two when a payment's cut-off falls inside the month)."""

    month: str
    charges: Charges
    payments: tuple[PaymentSettlement, ...]


@dataclass(frozen=True)
class Settlement:
    total_cny: Decimal
    payments: tuple[PaymentSettlement, ...]
    day_rule: str
    basis: tuple[Message, ...] = ()  # the clauses, rates and reading, for the paper

    @property
    def amount_cny(self) -> Decimal:
        return sum((p.payment.amount_cny for p in self.payments), ZERO)

    @property
    def deduction_cny(self) -> Decimal:
        return sum((p.charges.deduction_cny for p in self.payments), ZERO)

    @property
    def deduction_worst_cny(self) -> Decimal:
        return sum((p.charges.deduction_worst_cny for p in self.payments), ZERO)

    @property
    def excused_cny(self) -> Decimal:
        return sum((p.charges.excused_cny for p in self.payments), ZERO)

    @property
    def net_cny(self) -> Decimal:
        return sum((p.net_cny for p in self.payments), ZERO)

    @property
    def net_worst_cny(self) -> Decimal:
        return sum((p.net_worst_cny for p in self.payments), ZERO)

    def payment_for(self, day: dt.date) -> PaymentSettlement | None:
        """The payment whose period holds ``day``."""
        for p in self.payments:
            if p.period_from <= day <= p.period_to:
                return p
        return None


def _cutoffs(
    payments: Sequence[SettlementPayment], contract_first: dt.date, contract_last: dt.date
) -> list[tuple[dt.date, dt.date, str]]:
    """Each payment's (first day, cut-off, basis), in payment order; the last payment's
    period always reaches the contract's last day, so that every order has a payment."""
    result: list[tuple[dt.date, dt.date, str]] = []
    start = contract_first
    ordered = sorted(payments, key=lambda p: p.seq)
    for n, p in enumerate(ordered):
        if p.paid_on is not None:
            cutoff, basis = p.paid_on, "paid"
        elif p.due_on is not None:
            cutoff, basis = p.due_on, "due"
        else:
            cutoff, basis = contract_last, "contract_end"
        if n == len(ordered) - 1 and cutoff < contract_last:
            cutoff, basis = contract_last, "contract_end"
        cutoff = max(cutoff, start - dt.timedelta(days=1))  # an empty period, never negative
        result.append((start, cutoff, basis))
        start = cutoff + dt.timedelta(days=1)
    return result


def settle(
    payments: Sequence[SettlementPayment],
    orders: Sequence[SettlementOrder],
    *,
    total_cny: Decimal,
    contract_first: dt.date,
    contract_last: dt.date,
    terms: PenaltyTerms,
) -> Settlement:
    """The statement of every payment (see the module's reading)."""
    ordered = sorted(payments, key=lambda p: p.seq)
    counted = sorted((o for o in orders if o.counts), key=lambda o: (o.reported_at, o.number))
    result: list[PaymentSettlement] = []
    carry = carry_worst = ZERO
    for payment, (first, last, basis) in zip(
        ordered, _cutoffs(ordered, contract_first, contract_last), strict=True
    ):
        # Orders before the contract's first day (imported history) go to the first payment.
        charges = Charges(
            tuple(
                o
                for o in counted
                if (o.reported_on <= last) and (o.reported_on >= first or payment is ordered[0])
            )
        )
        owed = charges.deduction_cny + carry
        owed_worst = charges.deduction_worst_cny + carry_worst
        net = max(payment.amount_cny - owed, ZERO)
        net_worst = max(payment.amount_cny - owed_worst, ZERO)
        out = max(owed - payment.amount_cny, ZERO)
        out_worst = max(owed_worst - payment.amount_cny, ZERO)
        result.append(
            PaymentSettlement(
                payment=payment,
                period_from=first,
                period_to=last,
                cutoff_basis=basis,
                charges=charges,
                carried_in_cny=carry,
                carried_in_worst_cny=carry_worst,
                net_cny=net,
                net_worst_cny=net_worst,
                carried_out_cny=out,
                carried_out_worst_cny=out_worst,
            )
        )
        carry, carry_worst = out, out_worst
    return Settlement(
        total_cny=total_cny,
        payments=tuple(result),
        day_rule=terms.day_rule,
        basis=penalty_basis(total_cny, terms, len(ordered)),
    )


def month_settlement(
    settlement: Settlement, orders: Sequence[SettlementOrder], first: dt.date, last: dt.date
) -> MonthSettlement:
    """The charges of the orders reported in [first, last] and the payment they go to."""
    inside = sorted(
        (o for o in orders if o.counts and first <= o.reported_on <= last),
        key=lambda o: (o.reported_at, o.number),
    )
    return MonthSettlement(
        month=first.strftime("%Y-%m"),
        charges=Charges(tuple(inside)),
        payments=tuple(
            p for p in settlement.payments if p.period_from <= last and p.period_to >= first
        ),
    )
