"""Recording deliveries, staff-change notices and payments."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from workbench.config import attachments_dir
from workbench.domain.messages import WorkbenchError
from workbench.services import deliverables

TODAY = dt.date(2026, 11, 24)


def test_delivery_with_attachment_is_kept_in_the_data_folder(store: Any, tmp_path: Path) -> None:
    source = tmp_path / "周报.pdf"
    source.write_bytes(b"%PDF-1.4 weekly")
    with store.transaction("t") as session:
        due = deliverables.list_deliverables(
            session, key="weekly_security_report", today=TODAY, states=("overdue",)
        )
        assert len(due) == 38  # Fridays 2026-03-06 .. 2026-11-20, none recorded yet
        row = deliverables.record_delivery(
            session, due[-1].id, delivered_on=TODAY, note="已提交", attachment=source, today=TODAY
        )
    assert row.state == "delivered"
    assert row.days_late == 4
    assert row.attachment_path is not None
    assert row.attachment_path.read_bytes() == b"%PDF-1.4 weekly"
    assert attachments_dir() in row.attachment_path.parents
    with store.transaction("t") as session, pytest.raises(WorkbenchError):
        deliverables.record_delivery(
            session, due[0].id, delivered_on=TODAY + dt.timedelta(days=1), today=TODAY
        )


def test_staff_change_notice_is_due_thirty_days_ahead(store: Any) -> None:
    with store.transaction("t") as session:
        row = deliverables.add_staff_change(
            session, change_on=dt.date(2026, 12, 20), description="王磊调离，赵强接替", today=TODAY
        )
    assert row.due_on == dt.date(2026, 11, 20)
    assert row.state == "overdue"


def test_payments_record_invoice_and_payment(store: Any) -> None:
    with store.transaction("t") as session:
        payments = deliverables.list_payments(session, TODAY)
        assert [p.state for p in payments] == ["open", "overdue", "open", "open"]
        paid = deliverables.record_payment(
            session,
            payments[1].id,
            invoice_issued_on=dt.date(2026, 9, 10),
            paid_on=dt.date(2026, 9, 28),
            today=TODAY,
        )
    assert paid.state == "paid"
