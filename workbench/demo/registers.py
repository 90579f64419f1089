"""The demo's registers of the contract's duties: a believable year of each.

Vulnerabilities (漏洞登记): each high and medium finding of the demo's monthly scans is a
record, fixed within days (a high one sooner), rescanned before the site goes back live
and closed; the findings of the last scans are still being fixed or await their rescan.

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
from workbench.domain.timeutil import LOCAL_TZ
from workbench.services import signing
from workbench.services import workorders as wo
from workbench.services.registers import excuses
from workbench.services.registers import vulnerabilities as vulnerability_service


def _breached(session: Session, until: dt.datetime) -> list[wo.WorkOrderRow]:
    page = wo.list_work_orders(
        session, wo.WorkOrderFilter(breached=True), sort="reported_at", descending=False, now=until
    )
    return [r for r in page.rows if r.demo]


def fill_registers(session: Session, rng: random.Random, context: DemoContext) -> None:
    _excuses(session, rng, context)
    _vulnerabilities(session, rng, context)


FINDINGS = {
    "high": (
        "Apache Struts2 远程代码执行漏洞（S2-061）",
        "后台管理页面存在 SQL 注入",
        "OpenSSL 高危漏洞（CVE-2022-3602）",
    ),
    "medium": (
        "jQuery 跨站脚本漏洞（CVE-2020-11022）",
        "未设置 X-Frame-Options 响应头（点击劫持）",
        "Cookie 未设置 HttpOnly 属性",
        "TLS 1.0 协议仍启用",
        "目录浏览未关闭",
        "错误页面泄露中间件版本信息",
    ),
}


def _vulnerabilities(session: Session, rng: random.Random, context: DemoContext) -> None:
    from sqlalchemy import select

    from workbench.data.models.reporting import VulnerabilityScan

    last_day = (context.until.astimezone(LOCAL_TZ) - dt.timedelta(days=1)).date()
    scans = session.scalars(
        select(VulnerabilityScan).order_by(VulnerabilityScan.scanned_on, VulnerabilityScan.month)
    ).all()
    for scan in scans:
        for severity, count in (("high", scan.high), ("medium", scan.medium)):
            for title in rng.sample(FINDINGS[severity], min(count, len(FINDINGS[severity]))):
                found = scan.scanned_on
                days = 7 if severity == "high" else 15
                fixed = found + dt.timedelta(days=rng.randint(1, days - 1))
                rescan = fixed + dt.timedelta(days=rng.randint(0, 2))
                values: dict[str, object] = {
                    "site": scan.asset.code,
                    "title": title,
                    "severity": severity,
                    "found_on": found,
                    "fix_due": found + dt.timedelta(days=days),
                    "owner": "other_party" if "Struts2" in title else "contractor",
                    "demo": True,
                }
                if fixed <= last_day:
                    values["fixed_on"] = fixed
                recent = found >= last_day - dt.timedelta(days=20)
                waiting = recent and rng.random() < 0.5  # fixed, the rescan still to come
                if "fixed_on" in values and rescan <= last_day and not waiting:
                    values.update(
                        rescan_on=rescan,
                        rescan_clean=True,
                        rescan_report=f"{scan.asset.code} 上线前复扫报告 {rescan:%Y%m%d}",
                    )
                row = vulnerability_service.create(session, values, today=last_day)
                if "rescan_on" in values:
                    vulnerability_service.close(session, row.id, on=rescan, today=last_day)


def _excuses(session: Session, rng: random.Random, context: DemoContext) -> None:
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
