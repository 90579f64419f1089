"""Hand-built document read models with real Chinese text, for the report tests."""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal

from workbench.domain.documents import (
    AssetLine,
    ChecklistItemDoc,
    ContractHeader,
    DeviceInspectionDoc,
    InspectionFormDoc,
    InspectionResultDoc,
    LabelDoc,
    LogLine,
    Party,
    SignatureDoc,
    SlaLine,
    WorkOrderDoc,
)

UTC = dt.UTC
HASH = "3f5a9c0e" * 8


def at(day: int, hour: int, minute: int = 0, month: int = 11) -> dt.datetime:
    """A time given in Beijing time, as the aware UTC value the store holds."""
    return dt.datetime(2026, month, day, hour, minute, tzinfo=UTC) - dt.timedelta(hours=8)


CONTRACT = ContractHeader(
    number="ZHSWZX-2026-007",
    title="北京市信访办公室信息化支撑系统运维项目",
    client=Party(name="北京市信访办公室", short="市信访办", contact="刘佳", phone="55572746"),
    contractor=Party(name="首都信息发展股份有限公司", short="首信", contact="罗中华"),
    start=dt.date(2026, 3, 1),
    end=dt.date(2027, 2, 28),
    total_cny=Decimal("1105000.00"),
)


def signature_strokes(seed: int) -> tuple[tuple[tuple[float, float], ...], ...]:
    """A few wavy strokes across the pad, different for each seed."""
    strokes = []
    for k in range(3):
        x0 = 0.08 + 0.3 * k
        points = tuple(
            (x0 + 0.25 * i / 30, 0.5 + 0.3 * math.sin(i / 4 + seed + k)) for i in range(31)
        )
        strokes.append(points)
    strokes.append(((0.7, 0.8), (0.95, 0.75)))
    return tuple(strokes)


ENGINEER_SIG = SignatureDoc(
    role="engineer", signer_name="张伟", signed_at=at(24, 16, 40), strokes=signature_strokes(1)
)
CLIENT_SIG = SignatureDoc(
    role="client", signer_name="于文浩", signed_at=at(24, 16, 45), strokes=signature_strokes(2)
)

KIOSK = AssetLine(
    code="XF-KIOSK-02",
    name="信访自助一体机",
    model="信访自助一体机",
    location="一层 接待大厅",
    serial_number="SN20240315-02",
)
CABINET = AssetLine(
    code="XF-CAB-01", name="智恒 wj-22", model="智恒 wj-22", location="一层 文件交换室"
)


def work_order(signed: bool = True, breached: bool = True, demo: bool = False) -> WorkOrderDoc:
    reported = at(24, 9, 12)
    sla = (
        SlaLine("response", 30, reported + dt.timedelta(minutes=30), at(24, 9, 25), "met"),
        SlaLine("onsite", 120, reported + dt.timedelta(minutes=120), at(24, 10, 50), "met"),
        SlaLine(
            "restore",
            120,
            reported + dt.timedelta(minutes=120),
            at(24, 15, 37) if breached else at(24, 11, 0),
            "breached" if breached else "met",
            dt.timedelta(hours=4, minutes=25) if breached else None,
        ),
    )
    return WorkOrderDoc(
        contract=CONTRACT,
        number="WO-2026-0137",
        type="fault",
        status="closed",
        priority="high",
        channel="hotline",
        reporter_name="刘佳",
        reporter_phone="55572746",
        description="一层接待大厅2号自助一体机触摸屏无响应，群众无法取号；身份证读卡器指示灯不亮。",
        engineer_name="张伟",
        reported_at=reported,
        responded_at=at(24, 9, 25),
        onsite_at=at(24, 10, 50),
        restored_at=sla[2].done_at,
        closed_at=at(24, 16, 30),
        cause="触摸屏控制板USB线缆松动，读卡器供电模块老化损坏。",
        resolution="重新固定USB线缆，更换读卡器供电模块；整机重启后取号、读卡、打印均正常。",
        contractor_caused=breached,
        assets=(KIOSK, CABINET),
        sla=sla,
        penalty_cny=Decimal("3315.00") if breached else Decimal("0.00"),
        log=(
            LogLine(at(24, 9, 25), "张伟", "电话回复报修人，确认故障现象，告知预计到场时间。"),
            LogLine(at(24, 10, 50), "张伟", "到达现场，检查触摸屏与读卡器。"),
            LogLine(at(24, 12, 5), "张伟", "读卡器供电模块损坏，备件从库房调取。"),
            LogLine(at(24, 15, 37), "张伟", "更换完成，测试取号、读卡、打印正常，恢复服务。"),
            LogLine(at(24, 15, 50), "张伟", "备件型号应为 PWR-12V-2A。", amends=at(24, 12, 5)),
        ),
        signatures=(ENGINEER_SIG, CLIENT_SIG) if signed else (),
        record_hash=HASH if signed else None,
        amendments=(
            (LogLine(at(25, 10, 0), "张伟", "补记：更换的供电模块序列号 PM-88231。"),)
            if signed
            else ()
        ),
        demo=demo,
    )


CHECKLIST = (
    ChecklistItemDoc("power", "电源及开机自检正常", "check"),
    ChecklistItemDoc("touch", "触摸屏响应灵敏、无漂移", "check"),
    ChecklistItemDoc("idcard", "身份证读卡器读卡正常", "check"),
    ChecklistItemDoc("printer", "凭条打印机出纸正常，纸量充足", "check"),
    ChecklistItemDoc("temp", "机箱内温度", "number", unit="°C", low=5, high=45),
    ChecklistItemDoc("network", "网络连接", "choice", choices=("正常", "时断时续", "中断")),
    ChecklistItemDoc("app", "信访自助服务系统运行正常", "check"),
    ChecklistItemDoc("remark", "其他情况", "text"),
)


def blank_form(blank_rows: int = 4) -> InspectionFormDoc:
    return InspectionFormDoc(
        contract=CONTRACT,
        title="设备巡检记录表",
        category_name="信访自助一体机",
        checklist_version=3,
        items=CHECKLIST,
        blank_rows=blank_rows,
    )


def _results(fail: str | None = None) -> tuple[InspectionResultDoc, ...]:
    out = []
    for item in CHECKLIST:
        if item.kind == "number":
            out.append(InspectionResultDoc(item.key, item.text, "31.5", True))
        elif item.kind == "choice":
            out.append(InspectionResultDoc(item.key, item.text, "正常", True))
        elif item.kind == "text":
            out.append(InspectionResultDoc(item.key, item.text, "", None))
        elif item.key == fail:
            out.append(
                InspectionResultDoc(
                    item.key, item.text, "fail", False, note="读卡器无法识别新版身份证"
                )
            )
        else:
            out.append(InspectionResultDoc(item.key, item.text, "pass", True))
    return tuple(out)


def finished_round(signed: bool = True) -> InspectionFormDoc:
    devices = (
        DeviceInspectionDoc(
            AssetLine("XF-KIOSK-01", "信访自助一体机", "信访自助一体机", "一层 接待大厅"),
            at(20, 9, 30),
            _results(),
        ),
        DeviceInspectionDoc(
            KIOSK.__class__("XF-KIOSK-03", "信访自助一体机", "", "一层 接待大厅"),
            at(20, 9, 52),
            _results("idcard"),
            note="已开工单 WO-2026-0139",
        ),
        DeviceInspectionDoc(
            AssetLine("XF-KIOSK-04", "信访自助一体机", "", "一层 接待大厅"),
            at(20, 10, 5),
            _results(),
        ),
    )
    return InspectionFormDoc(
        contract=CONTRACT,
        title="设备巡检记录表",
        category_name="信访自助一体机",
        checklist_version=3,
        items=CHECKLIST,
        round_number="IR-2026-0042",
        engineer_name="张伟",
        started_at=at(20, 9, 20),
        finished_at=at(20, 10, 30),
        devices=devices,
        unchecked=(AssetLine("XF-KIOSK-02", "信访自助一体机", "", "一层 接待大厅"),),
        unchecked_reason="设备维修中（工单 WO-2026-0137）",
        signatures=(ENGINEER_SIG, CLIENT_SIG) if signed else (),
        record_hash=HASH if signed else None,
    )


LABELS = (
    LabelDoc("XF-KIOSK-01", "信访自助一体机", "市信访办", "一层 接待大厅"),
    LabelDoc("XF-VC-03", "华为 Box600 超高清视频会议终端", "市信访办", "二层 视频接访室"),
    LabelDoc("XF-MIC-05", "华为 CloudLink Mic500 麦克风", "市信访办", "二层 视频接访室"),
    LabelDoc("XF-DEC-16", "小鸟分布式解码节点", "市信访办", "三层 指挥中心"),
    LabelDoc("XF-WS-02", "联想 P340", "市信访办", "三层 指挥中心"),
)
