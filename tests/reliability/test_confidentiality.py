"""The log and the audit trail hold no PINs and no signatures, after a full sign-off."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import pytest
from sqlalchemy import select

from workbench import logsetup
from workbench.data.models.audit import AuditLog
from workbench.data.store import Store
from workbench.services import engineers, workorders

PIN = "739164"
# Coordinates no other data would contain.
ENGINEER_STROKES = [[[0.123457, 0.234568], [0.345679, 0.456781]]]
CLIENT_STROKES = [[[0.987653, 0.876542], [0.765431, 0.654329]]]


@pytest.fixture
def log_file(workbench_home: Path) -> Path:
    logsetup._configured = False
    logsetup.configure(level=logging.DEBUG)
    yield Path(logsetup.log_file())
    root = logging.getLogger("workbench")
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    logsetup._configured = False


def test_sign_off_leaves_no_pin_or_signature_in_log_or_audit(store: Store, log_file: Path) -> None:
    at = dt.datetime(2026, 5, 10, 2, 0, tzinfo=dt.UTC)
    with store.transaction("王工") as s:
        eng = engineers.create_engineer(s, "王工", pin=PIN)
        row = workorders.create_work_order(
            s,
            type="service_request",
            channel="hotline",
            description="更换打印机硒鼓",
            reported_at=at,
            now=at,
        )
        number = row.number
        workorders.advance(s, number, "responded", at=at, now=at)
        workorders.advance(s, number, "restored", at=at, now=at)
        workorders.update_work_order(s, number, resolution="已更换", now=at)
    with store.transaction("王工") as s:
        workorders.sign_off(
            s,
            number,
            workorders.Signatures(
                engineer_strokes=ENGINEER_STROKES,
                client_name="赵主任",
                client_strokes=CLIENT_STROKES,
            ),
            engineer_id=eng.id,
            pin=PIN,
            now=at,
        )
    for handler in logging.getLogger("workbench").handlers:
        handler.flush()
    logged = log_file.read_text(encoding="utf-8")
    assert number in logged  # the log does record the sign-off ...
    with store.transaction() as s:
        audit = "\n".join(r.old_values + r.new_values for r in s.scalars(select(AuditLog)))
    assert '"record_type":"work_order"' in audit  # ... and the trail the signatures
    for secret in (PIN, "0.123457", "0.987653", "0.345679", "0.765431"):
        assert secret not in logged, f"{secret} in the log"
        assert secret not in audit, f"{secret} in the audit trail"
