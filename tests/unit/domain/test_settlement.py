"""The settlement statement (issue 18): each payment less the damages its period carries.

Clauses: 四、2 (the four payments), 八、1 (3‰ a day, the day rule; the strict reading as
the worst case), 八、5, 十 (excused: listed apart, not charged), 五、5.2.3 (extension).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from workbench.domain.contract import PenaltyTerms
from workbench.domain.excuses import Excused
from workbench.domain.messages import identity
from workbench.domain.settlement import (
    SettlementOrder,
    SettlementPayment,
    month_settlement,
    settle,
)

BJ = dt.timezone(dt.timedelta(hours=8))
D = Decimal
TERMS = PenaltyTerms(
    late_rate_per_day=D("0.003"),
    late_cap_days=10,
    late_over_cap_rate=D("0.20"),
    defect_rate=D("0.20"),
    confidentiality_rate=D("0.20"),
    ip_rate=D("0.20"),
    day_rule="whole_days",
    day_rule_clause="八、1",
    over_cap_rule="replaces_daily_once",
    rectification_rate=D("0.20"),
    rectification_clause="八、5",
)
PAYMENTS = (
    SettlementPayment(1, "签订后 1/4", D("276250.00"), None, dt.date(2026, 3, 26), "paid"),
    SettlementPayment(2, "9 月 30 日前 1/2", D("552500.00"), dt.date(2026, 9, 30), None, "open"),
    SettlementPayment(3, "12 月 31 日前 1/12", D("92083.00"), dt.date(2026, 12, 31), None, "open"),
    SettlementPayment(4, "2027 年资金到位后 1/6", D("184167.00"), None, None, "open"),
)


def order(number: str, day: dt.date, penalty: str, worst: str, **kw: object) -> SettlementOrder:
    return SettlementOrder(
        number=number,
        reported_at=dt.datetime(day.year, day.month, day.day, 10, 0, tzinfo=BJ),
        breaches=kw.pop("breaches", ("restore",)),  # type: ignore[arg-type]
        late_by=dt.timedelta(hours=25),
        penalty_cny=D(penalty),
        penalty_worst_cny=D(worst),
        client_deadline_cny=D(kw.pop("client", "0.00")),  # type: ignore[arg-type]
        termination_right=False,
        extension=kw.pop("extension", None),  # type: ignore[arg-type]
        excused=kw.pop("excused", None),  # type: ignore[arg-type]
    )


def statement(*orders: SettlementOrder):
    return settle(
        PAYMENTS,
        orders,
        total_cny=D("1105000.00"),
        contract_first=dt.date(2026, 3, 1),
        contract_last=dt.date(2027, 2, 28),
        terms=TERMS,
    )


def test_each_payment_carries_the_orders_of_its_period() -> None:
    s = statement(
        order("WO-1", dt.date(2026, 3, 26), "3315.00", "6630.00"),  # the paid day: payment 1
        order("WO-2", dt.date(2026, 3, 27), "0.00", "3315.00"),  # the day after: payment 2
        order("WO-3", dt.date(2026, 9, 30), "6630.00", "9945.00"),  # the due day: payment 2
        order("WO-4", dt.date(2026, 10, 1), "3315.00", "3315.00"),  # payment 3
        order("WO-5", dt.date(2027, 2, 28), "3315.00", "6630.00"),  # last day: payment 4
    )
    periods = [(p.period_from, p.period_to, p.cutoff_basis) for p in s.payments]
    assert periods == [
        (dt.date(2026, 3, 1), dt.date(2026, 3, 26), "paid"),
        (dt.date(2026, 3, 27), dt.date(2026, 9, 30), "due"),
        (dt.date(2026, 10, 1), dt.date(2026, 12, 31), "due"),
        (dt.date(2027, 1, 1), dt.date(2027, 2, 28), "contract_end"),
    ]
    assert [[o.number for o in p.charges.orders] for p in s.payments] == [
        ["WO-1"],
        ["WO-2", "WO-3"],
        ["WO-4"],
        ["WO-5"],
    ]
    p2 = s.payments[1]
    assert (p2.charges.deduction_cny, p2.charges.deduction_worst_cny) == (
        D("6630.00"),
        D("13260.00"),
    )
    assert (p2.net_cny, p2.net_worst_cny) == (D("545870.00"), D("539240.00"))
    assert s.amount_cny == D("1105000.00")  # 四、1: the payments sum to the total
    assert s.net_cny == s.amount_cny - s.deduction_cny


def test_excused_breaches_are_listed_apart_and_not_charged() -> None:
    excused = Excused("force_majeure", "台风停电", D("6630.00"), D("9945.00"), D("0.00"), False)
    s = statement(
        order("WO-1", dt.date(2026, 10, 8), "0.00", "0.00", excused=excused),
        order("WO-2", dt.date(2026, 10, 9), "3315.00", "6630.00"),
    )
    p3 = s.payments[2]
    assert [o.number for o in p3.charges.charged] == ["WO-2"]
    assert [o.number for o in p3.charges.excused] == ["WO-1"]
    assert p3.charges.deduction_cny == D("3315.00")
    assert (p3.charges.excused_cny, p3.charges.excused_worst_cny) == (D("6630.00"), D("9945.00"))
    assert p3.net_cny == D("88768.00")
    month = month_settlement(s, [*p3.charges.orders], dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    assert month.month == "2026-10" and [p.payment.seq for p in month.payments] == [3]
    assert month.charges.excused_cny == D("6630.00")


def test_damages_beyond_a_payment_are_carried_to_the_next() -> None:
    # Over ten days late: 20% (¥221,000) replaces the daily amount (八、1), plus 八、5.
    s = statement(
        order("WO-1", dt.date(2026, 11, 2), "221000.00", "221000.00", client="221000.00"),
    )
    p3, p4 = s.payments[2], s.payments[3]
    assert p3.net_cny == D("0.00")
    assert p3.carried_out_cny == D("442000.00") - D("92083.00")
    assert p4.carried_in_cny == p3.carried_out_cny
    assert p4.net_cny == D("0.00") and p4.carried_out_cny == D("349917.00") - D("184167.00")


def test_extensions_and_the_month_split_by_a_cutoff() -> None:
    s = statement(
        order(
            "WO-1",
            dt.date(2026, 9, 29),
            "0.00",
            "0.00",
            breaches=(),
            extension=dt.timedelta(hours=3, minutes=5),
        ),
        order("WO-2", dt.date(2026, 3, 20), "3315.00", "3315.00"),
        order("WO-3", dt.date(2026, 3, 28), "3315.00", "3315.00"),
    )
    assert s.payments[1].charges.extension == dt.timedelta(hours=3, minutes=5)
    march = month_settlement(
        s,
        [o for p in s.payments for o in p.charges.orders],
        dt.date(2026, 3, 1),
        dt.date(2026, 3, 31),
    )
    assert [p.payment.seq for p in march.payments] == [1, 2]  # paid on 03-26
    assert [o.number for o in march.charges.orders] == ["WO-2", "WO-3"]


def test_the_basis_spells_out_the_clauses() -> None:
    text = " ".join(m.render(identity) for m in statement().basis)
    assert "¥1,105,000.00 (四、1)" in text and "4 payments (四、2)" in text
    assert "3‰ of the total per day of delay, ¥3,315.00 a day" in text
    assert "whole days of delay (24 h late = 1 day)" in text
    assert "¥221,000.00" in text and "八、5" in text
    assert "report date" in text  # the reading the contract leaves open
