"""The demo's registers of the contract's duties: a believable year of each.

Excused delays (免责登记): of the history's breached orders, the first restore that ran
late is excused as caused on the client's side (the hall closed for a reception),
with a notice as evidence and the client's signature; the latest breach carries a claim
the client has not confirmed yet, so both states show.
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
from pathlib import Path

from sqlalchemy.orm import Session

from workbench.demo.history import CLIENT_SIGNERS, DemoContext, demo_strokes
from workbench.services import signing
from workbench.services import workorders as wo
from workbench.services.registers import excuses


def _breached(session: Session, until: dt.datetime) -> list[wo.WorkOrderRow]:
    page = wo.list_work_orders(
        session, wo.WorkOrderFilter(breached=True), sort="reported_at", descending=False, now=until
    )
    return [r for r in page.rows if r.demo]


def fill_registers(session: Session, rng: random.Random, context: DemoContext) -> None:
    orders = _breached(session, context.until)
    restore = next((r for r in orders if "restore" in r.breaches and r.restored_at), None)
    if restore is not None and restore.restored_at is not None and restore.engineer_id:
        _confirmed_excuse(session, rng, context, restore)
    latest = next((r for r in reversed(orders) if r is not restore), None)
    if latest is not None:
        excuses.claim(
            session,
            {
                "number": latest.number,
                "kind": "third_party",
                "reason": "电信运营商专线故障，服务热线转接中断约 10 分钟，来电未能及时接通"
                "（运营商故障单待提供）",
                "cause_from": latest.reported_at - dt.timedelta(minutes=5),
                "cause_until": latest.reported_at + dt.timedelta(minutes=12),
                "demo": True,
            },
            now=context.until,
        )


def _confirmed_excuse(
    session: Session, rng: random.Random, context: DemoContext, order: wo.WorkOrderRow
) -> None:
    assert order.restored_at is not None and order.engineer_id is not None
    row = excuses.claim(
        session,
        {
            "number": order.number,
            "kind": "client_cause",
            "reason": "甲方大厅当日因重要接待封闭，工程师到场检查后无法继续进入现场，"
            "次日开放后完成修复（甲方行政处封闭通知为证）",
            "cause_from": order.reported_at + dt.timedelta(minutes=50),
            "cause_until": order.restored_at - dt.timedelta(hours=1),
            "client_notified_at": order.reported_at + dt.timedelta(hours=1),
            "demo": True,
        },
        now=context.until,
    )
    with tempfile.TemporaryDirectory() as folder:
        notice = Path(folder) / "行政处封闭通知（演示）.txt"
        notice.write_text(
            f"甲方行政处通知（演示数据）\n"
            f"因重要接待，{order.reported_at:%Y-%m-%d} 午后起大厅封闭至次日。\n",
            encoding="utf-8",
        )
        excuses.attach_evidence(session, row.id, notice)
    signed_at = min(order.restored_at + dt.timedelta(days=3), context.until)
    engineer = context.signers[order.engineer_id]
    excuses.confirm(
        session,
        row.id,
        signing.Signatures(
            engineer_strokes=demo_strokes(rng, len(engineer.engineer_name)),
            client_name=rng.choice(CLIENT_SIGNERS),
            client_strokes=demo_strokes(rng, 3),
        ),
        engineer_id=order.engineer_id,
        signer=engineer,
        now=signed_at,
    )
