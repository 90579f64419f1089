"""Shared helpers for the work order service tests (no tests of its own)."""

from __future__ import annotations

import datetime as dt

from workbench.services import engineers
from workbench.services import workorders as wo

BJ = dt.timezone(dt.timedelta(hours=8))
MIN = dt.timedelta(minutes=1)
STROKES = [[[0.1, 0.6], [0.2, 0.3], [0.35, 0.7], [0.5, 0.4]], [[0.6, 0.5], [0.9, 0.5]]]
PIN = "246800"


def make_engineer(store, name="张伟", pin=PIN):
    with store.transaction("test") as s:
        return engineers.create_engineer(s, name, "13800000000", pin)


def restored_order(store, engineer_id, t0, *, asset="XF-KIOSK-01", response_minutes=10):
    """A fault reported at ``t0``, responded, on site and restored, with its result."""
    with store.transaction("test") as s:
        d = wo.create_work_order(
            s,
            type="fault",
            channel="hotline",
            description="自助一体机触摸屏无响应",
            asset_codes=[asset],
            reporter_name="王芳",
            reporter_phone="55572746",
            reported_at=t0,
            now=t0,
        )
        number = d.number
        wo.advance(
            s,
            number,
            "responded",
            at=t0 + response_minutes * MIN,
            engineer_id=engineer_id,
            now=t0 + response_minutes * MIN,
        )
        wo.advance(s, number, "onsite", at=t0 + 40 * MIN, now=t0 + 40 * MIN)
        wo.append_log(
            s,
            engineer_id=engineer_id,
            text="到场检查，触摸屏驱动异常",
            work_order_number=number,
            at=t0 + 45 * MIN,
            now=t0 + 45 * MIN,
        )
        wo.advance(s, number, "restored", at=t0 + 80 * MIN, now=t0 + 80 * MIN)
        wo.update_work_order(
            s, number, cause="触摸屏驱动异常", resolution="重装驱动后恢复正常", now=t0 + 85 * MIN
        )
    return number


def sign(store, number, engineer_id, now, pin=PIN):
    with store.transaction("test") as s:
        return wo.sign_off(
            s,
            number,
            wo.Signatures(engineer_strokes=STROKES, client_name="于文浩", client_strokes=STROKES),
            engineer_id=engineer_id,
            pin=pin,
            now=now,
        )
