"""The settlement statement on paper equals its JSON (issues 18 and 19).

On the demo year: the first restore that ran late (a day or more) was confirmed by the
client as excused (a cause on its side). The statement lists it apart and charges nothing for
it; the work order and the monthly report still show the breach, marked excused. Every
amount of the statement's JSON is printed in the monthly report and the acceptance index.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.unit.reports.report_tools import pdf_text
from tests.unit.reports.test_monthly_demo import _wrapped_headers
from workbench.domain.messages import identity
from workbench.domain.timeutil import LOCAL_TZ

NOW = dt.datetime(2026, 11, 24, 10, 0, tzinfo=LOCAL_TZ)


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory, demo_year_template: Path) -> Iterator[Any]:
    from tests.helpers.stores import copy_store
    from workbench.data.store import Store

    path = copy_store(demo_year_template, tmp_path_factory.mktemp("demo") / "demo.sqlite3")
    store = Store(f"sqlite:///{path}")
    yield store
    store.dispose()


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _money(amount: str) -> str:
    return f"¥{float(amount):,.2f}"


def test_the_excused_order_and_the_statement_on_paper(demo_store: Any) -> None:
    from workbench.reports.acceptance import acceptance_index_pdf
    from workbench.reports.monthly import monthly_pdf
    from workbench.reports.workorder import workorder_pdf
    from workbench.services import reporting, settlement
    from workbench.services import workorders as wo
    from workbench.services.registers import excuses

    with demo_store.read() as s:
        (excuse,) = [e for e in excuses.list_excuses(s, now=NOW) if e.confirmed]
        month = excuse.reported_at.astimezone(LOCAL_TZ).strftime("%Y-%m")
        order = wo.row(s, excuse.number, now=NOW)
        whole, charges = settlement.month_statement(s, month, now=NOW)
        data = settlement.statement_json(whole, charges)
        report = reporting.monthly_report(s, month, now=NOW)
        index = reporting.acceptance_index(s, now=NOW)
        doc = wo.document(s, excuse.number, now=NOW)
    assert order.breaches == ("restore",) and order.excused is not None
    assert f"{order.penalty_cny:.2f}" == "0.00" == f"{order.penalty_worst_cny:.2f}"
    taken = f"{order.excused.penalty_cny:.2f}"
    assert float(taken) >= 3315  # a day or more late: a real amount was excused
    (entry,) = [o for o in data["month"]["orders"] if o["number"] == excuse.number]
    assert entry["penalty_cny"] == "0.00" and entry["excused"]["penalty_cny"] == taken
    (payment,) = [p for p in data["payments"] if excuse.number in p["orders"]]
    assert payment["charges_excused_cny"] == taken == data["excused_cny"]
    charged = [o for o in data["month"]["orders"] if o["breaches"] and not o["excused"]]

    order_text = _flat(pdf_text(workorder_pdf(doc, identity)))
    assert _flat("Excused (Cause on the client's side, 八、1)") in order_text
    assert _flat(f"Confirmed by Party A's representative {excuse.client_name}") in order_text

    month_text = _flat(pdf_text(monthly_pdf(report, identity)))
    assert "Settlementstatement(结算单)" in month_text
    assert _flat(f"Excused (Cause on the client's side): not charged {_money(taken)}") in month_text
    assert _flat(f"Orders reported in {month}: {len(charged)} charged, 1 excused.") in month_text
    assert _flat(f"excused, not charged: {_money(data['month']['excused_cny'])}") in month_text
    # The register's own section lists the claim as confirmed, with what it took off.
    assert (
        _flat("Excused delays (十, 八、1)") in month_text and "Confirmedbytheclient" in month_text
    )
    index_text = _flat(pdf_text(acceptance_index_pdf(index, identity)))
    for text in (month_text, index_text):
        for p in data["payments"]:
            for key in (
                "amount_cny",
                "charges_deduction_cny",
                "charges_deduction_worst_cny",
                "net_cny",
                "net_worst_cny",
            ):
                assert _money(p[key]) in text, (p["seq"], key)
        for key in (
            "amount_cny",
            "deduction_cny",
            "deduction_worst_cny",
            "excused_cny",
            "net_cny",
            "net_worst_cny",
        ):
            assert _money(data[key]) in text, key
    # Laid out in Chinese, the statement's headers break only where their text says.
    assert _wrapped_headers(lambda t: monthly_pdf(report, t)) == []
    # The index states the contract total and the penalty basis.
    assert _flat("Contract total (四、1)¥1,105,000.00") in index_text
    assert _flat("3‰ of the total per day of delay, ¥3,315.00 a day") in index_text
    assert _flat("whole days of delay (24 h late = 1 day)") in index_text
