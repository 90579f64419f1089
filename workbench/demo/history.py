"""The demo's work-order history, and what the other demo fillers share.

:func:`fill_history` (run by :func:`workbench.demo.fill_demo`) adds three demo engineers and
the work orders, work log, signatures and amendments of the contract from its start up to
``until`` (default now, at most the contract's end). The same seed and ``until`` give the
same history. Every row it adds is marked ``demo`` so that the UI can say so.

Demo engineers and their PINs (for signing in the demo; change them for real use):
张伟 2601 · 李娜 2602 · 王磊 2603.

The other parts of the demo (inspection rounds, monitoring weeks, ...) are fillers that
:func:`fill_history` runs in the order it is given them, after the engineers exist and
before the last work orders are made. A filler that opens work orders of its own first calls
``context.catch_up(time)`` (so the history's orders reported before are created first and
work-order numbers follow the reporting times), then hands them to :func:`carry_out`, which
answers, logs, restores and signs them the way the work-order history does.

The demo is a Chinese-language history: its records (descriptions, causes, log entries,
notes) are data in the language of the contract, whatever language the interface shows.
Where a service composes a record's text from its message templates (the description of
an inspection finding), the demo renders it with :func:`record_text`, the zh_CN wording
of those templates (a test checks it against ``resources/i18n``).
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from workbench.data.models import Asset, AssetCategory, Engineer
from workbench.data.models.workorders import WorkLogEntry, WorkOrder
from workbench.domain.messages import QT_TRANSLATE_NOOP, WorkbenchError
from workbench.domain.timeutil import LOCAL_TZ
from workbench.domain.timeutil import now as utc_now
from workbench.services import engineers as engineer_service
from workbench.services import workorders as wo
from workbench.services.engineers import SigningKey
from workbench.services.setup import current_contract

DEFAULT_SEED = 20260301
DEMO_ENGINEERS = (
    ("张伟", "13911020601", "260101"),
    ("李娜", "13911020602", "260102"),
    ("王磊", "13911020603", "260103"),
)
CLIENT_SIGNERS = ("于文浩", "于文浩", "于文浩", "刘佳")
REPORTERS = (("刘佳", "55572746"), ("陈静", "55572711"), ("赵宏", "55572738"), ("孙丽", "55572702"))

Strokes = list[list[list[float]]]

# What ``workbench init --demo`` (and the GUI) says after filling the demo history.
DEMO_NOTICE = QT_TRANSLATE_NOOP(
    "messages",
    "Demo history added: {orders} work orders ({signed} signed, {breached} overdue), "
    "{log} work log entries, {amendments} amendments.\n"
    "Demo engineers and their signing PINs: {engineers}",
)


@dataclass(frozen=True)
class DemoContext:
    """What a demo filler of another area may use."""

    seed: int
    start: dt.datetime
    until: dt.datetime
    engineers: dict[str, str]  # name -> engineer id
    signers: dict[str, SigningKey]  # engineer id -> the engineer's unlocked key
    # Create the history's work orders reported up to this time: a filler that opens
    # work orders of its own calls it first, so that numbers follow the reporting times.
    catch_up: Callable[[dt.datetime], None] = lambda _at: None


DemoFiller = Callable[[Session, random.Random, DemoContext], None]


# The zh_CN wording of the service message templates that end up in demo records.
_RECORD_TEXT = {
    "Found in inspection round {number}": "巡检发现（{number}）",
    "Pass": "正常",
    "Fail": "异常",
    "N/A": "不适用",
}


def record_text(_context: str, text: str) -> str:
    """A ``translate`` for service templates stored in demo records: Chinese, always."""
    return _RECORD_TEXT.get(text, text)


@dataclass(frozen=True)
class DemoResult:
    work_orders: int
    signed: int
    breached: int
    log_entries: int
    amendments: int
    engineers: tuple[tuple[str, str], ...]  # (name, PIN)
    until: dt.datetime
    extra: dict[str, int] = field(default_factory=dict)


# Per asset category: (description, cause, resolution) of typical faults.
FAULTS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "kiosk": (
        ("自助一体机触摸屏点击无响应", "触摸屏驱动异常", "重装触摸屏驱动并校准，恢复正常"),
        ("自助一体机无法打印回执", "打印机卡纸", "清理卡纸并更换打印纸，试打印正常"),
        ("自助一体机黑屏", "电源适配器松动", "重新固定电源线，开机自检正常"),
        ("身份证读卡器无法识别", "读卡模块USB接触不良", "重新插拔并固定读卡模块，测试读卡正常"),
    ),
    "video_reception": (
        ("视频接访一体机无声音", "音频线松动", "重新连接音频线，测试通话正常"),
        ("视频接访一体机无法登录系统", "客户端缓存异常", "清理缓存后重新登录，功能正常"),
        ("视频画面卡顿", "网络端口协商速率异常", "调整交换机端口为千兆全双工，画面流畅"),
    ),
    "video_conference": (
        ("视频会议终端无法入会", "SIP注册失效", "重新注册终端账号，入会测试正常"),
        ("会议终端遥控器失灵", "遥控器电池耗尽", "更换电池，遥控操作正常"),
    ),
    "camera": (
        ("摄像机画面偏色", "白平衡设置被改动", "恢复白平衡自动模式，画面正常"),
        ("摄像机无图像", "HDMI线缆接口松动", "更换HDMI线缆，图像恢复"),
    ),
    "microphone": (
        ("麦克风有啸叫", "回声抑制参数被关闭", "开启回声抑制并调整增益，啸叫消除"),
        ("麦克风无拾音", "麦克风线缆损坏", "更换线缆，拾音正常"),
    ),
    "av_node": (
        ("分布式节点信号中断", "节点网口松动", "重新插紧网线并重启节点，信号恢复"),
        ("KVM坐席切换延迟", "节点固件版本不一致", "统一升级节点固件，切换正常"),
    ),
    "wall_controller": (
        ("拼接屏部分画面黑屏", "拼接控制器输出板卡异常", "重新插拔输出板卡并重启控制器，画面恢复"),
        ("拼接屏预案无法调用", "预案配置文件损坏", "从备份恢复预案配置，调用正常"),
    ),
    "decoder": (
        ("解码节点上墙画面花屏", "解码节点散热不良", "清理风扇灰尘并重启，画面正常"),
        ("解码节点离线", "节点IP地址冲突", "重新分配IP地址，节点上线"),
    ),
    "interactive_display": (
        ("智能交互大屏无法投屏", "投屏服务未启动", "重启投屏服务，投屏正常"),
        ("大屏触控偏移", "触控未校准", "重新校准触控，操作准确"),
    ),
    "info_screen": (
        ("信息发布屏不播放节目", "播放计划过期", "重新下发播放计划，节目正常播放"),
        ("信息屏显示异常条纹", "屏体信号线接触不良", "重新插紧信号线，显示正常"),
    ),
    "file_cabinet": (
        ("智能文件柜柜门无法打开", "控制组件电磁锁故障", "更换电磁锁，开关门测试正常"),
        ("条码扫描枪无法扫码", "扫描枪配置被重置", "重新设置扫描枪后缀与波特率，扫码正常"),
        ("文件柜主控机无法连接服务器", "主控机网络配置丢失", "重新配置网络参数，连接正常"),
    ),
    "workstation": (
        ("工作站无法开机", "内存条接触不良", "重新插拔内存条，开机正常"),
        ("工作站运行缓慢", "磁盘空间不足", "清理临时文件并扩充空间，运行正常"),
    ),
    "application_system": (
        ("智能文件交换系统登录失败", "应用服务进程异常退出", "重启应用服务并检查日志，登录正常"),
        ("信息发布系统节目上传失败", "存储目录权限异常", "修正目录权限，上传正常"),
    ),
    "cloud_server": (
        (
            "云服务器CPU占用持续过高",
            "日志轮转失效导致进程异常",
            "修复日志轮转配置并重启服务，负载正常",
        ),
    ),
}
SERVICE_REQUESTS = (
    ("WEB-XFB", "首页更换专题宣传图片", "按甲方提供素材更换首页专题图片并核对显示"),
    ("WEB-SZXX", "市长信箱栏目文字调整", "按甲方要求调整栏目说明文字"),
    ("SYS-PUB", "信息屏发布“信访条例”宣传专题", "制作专题节目并发布至全部信息屏"),
    ("SYS-PUB", "信息屏发布节日问候专题", "制作节日专题并按计划发布"),
    ("WEB-WSXF", "网上信访门户新增通知公告", "发布通知公告并核对链接"),
)
HARDENING = (
    ("SYS-CLOUD", "云服务器安全基线加固", "关闭不必要端口，更新系统补丁，加固完成"),
    ("SYS-FX", "智能文件交换系统数据库弱口令整改", "修改数据库账号口令并限制远程访问"),
    ("SYS-SELF", "信访自助服务系统补丁更新", "安装安全补丁并回归测试，功能正常"),
)
KEY_PERIODS = (
    (dt.date(2026, 3, 3), "全国两会期间重点时期保障：系统巡查与7×24值守"),
    (dt.date(2026, 9, 29), "国庆期间重点时期保障：重要系统自查与值守"),
)


def _local(day: dt.date, hour: int, minute: int) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=LOCAL_TZ)


def _log(
    session: Session, engineer_id: str, text: str, at: dt.datetime, number: str | None = None
) -> None:
    """A demo log entry written at the time it tells of."""
    wo.append_log(
        session,
        engineer_id=engineer_id,
        work_order_number=number,
        text=text,
        at=at,
        now=at,
        demo=True,
    )


def _minutes(value: float) -> dt.timedelta:
    """A duration in whole seconds, as people write times down."""
    return dt.timedelta(seconds=round(value * 60))


def _within_target(restore: float) -> float:
    """A restore time near the 120-minute target squeezed into 105-118 minutes (the
    engineer hurries), not piled up on one value."""
    return restore if restore <= 105 else 105 + (min(restore, 140) - 105) * 13 / 35


def demo_strokes(rng: random.Random, characters: int = 3) -> Strokes:
    """Handwriting-like strokes: a few smooth pen paths per character, left to right."""
    strokes: Strokes = []
    cell = 0.8 / characters
    for index in range(characters):
        left = 0.1 + index * cell
        for _ in range(rng.randint(2, 4)):
            x0 = left + rng.uniform(0.05, 0.5) * cell
            y0 = rng.uniform(0.2, 0.7)
            angle = rng.uniform(0, 2 * math.pi)
            length = rng.uniform(0.3, 0.9) * cell
            bend = rng.uniform(-0.25, 0.25)
            points = []
            steps = rng.randint(8, 16)
            for k in range(steps + 1):
                t = k / steps
                x = (
                    x0
                    + math.cos(angle) * length * t
                    - math.sin(angle) * bend * math.sin(math.pi * t) * cell
                )
                y = y0 + math.sin(angle) * length * t * 2.2 + bend * math.sin(math.pi * t) * 0.3
                points.append(
                    [round(min(max(x, 0.02), 0.98), 4), round(min(max(y, 0.05), 0.95), 4)]
                )
            strokes.append(points)
    return strokes


@dataclass
class OrderPlan:
    """How one demo work order goes: times in minutes after it was reported."""

    reported: dt.datetime
    type: str
    channel: str
    asset: str
    description: str
    cause: str
    resolution: str
    engineer: str
    response_min: float
    onsite_min: float | None  # None: fixed remotely
    restore_min: float
    sign_after_min: float
    priority: str = "normal"
    onsite_note: str = ""  # the log entry on arrival (default: from description and cause)


@dataclass(frozen=True)
class _TaskKind:
    """A kind of planned task: what it may be, how it comes in, its times in minutes."""

    tasks: tuple[tuple[str, str, str], ...]  # (asset, description, resolution)
    channel: str
    respond: tuple[float, float]
    work: tuple[float, float]  # after the response, until restored
    sign: tuple[float, float]
    priority: str


TASK_KINDS = {
    "service_request": _TaskKind(SERVICE_REQUESTS, "hotline", (5, 60), (60, 600), (30, 300), "low"),
    "hardening": _TaskKind(HARDENING, "monitoring", (10, 120), (120, 480), (60, 600), "normal"),
}


def _device_assets(session: Session) -> dict[str, list[str]]:
    rows = session.execute(
        select(AssetCategory.code, Asset.code)
        .join(Asset, Asset.category_id == AssetCategory.id)
        .order_by(Asset.code)
    ).all()
    result: dict[str, list[str]] = {}
    for category, code in rows:
        result.setdefault(category, []).append(code)
    return result


def _one_plan(
    rng: random.Random,
    reported: dt.datetime,
    engineer: str,
    assets: dict[str, list[str]],
    weights: dict[str, int],
) -> OrderPlan:
    """One order of the history: a fault (mostly), a service request or hardening."""
    categories = [c for c in weights if c in assets and c in FAULTS]
    # Findings of inspections come from the rounds (the inspections' demo filler).
    kind = rng.random()
    if kind < 0.80:
        category = rng.choices(categories, [weights[c] for c in categories])[0]
        description, cause, resolution = rng.choice(FAULTS[category])
        remote = category in ("application_system", "cloud_server") or rng.random() < 0.15
        response = rng.uniform(2, 22)
        onsite = None if remote else response + rng.uniform(8, 70)
        restore = (onsite or response) + rng.uniform(8, 45)
        return OrderPlan(
            reported,
            "fault",
            "hotline" if rng.random() < 0.8 else "onsite",
            rng.choice(assets[category]),
            description,
            cause,
            resolution,
            engineer,
            response,
            onsite,
            _within_target(restore),
            rng.uniform(10, 180),
            "high" if rng.random() < 0.2 else "normal",
        )
    return _task_plan(rng, reported, engineer, "service_request" if kind < 0.93 else "hardening")


def _task_plan(rng: random.Random, reported: dt.datetime, engineer: str, type_: str) -> OrderPlan:
    """A planned task (no fault, fixed remotely): a service request or a hardening."""
    task = TASK_KINDS[type_]
    asset, description, resolution = rng.choice(task.tasks)
    response = rng.uniform(*task.respond)
    return OrderPlan(
        reported,
        type_,
        task.channel,
        asset,
        description,
        "",
        resolution,
        engineer,
        response,
        None,
        response + rng.uniform(*task.work),
        rng.uniform(*task.sign),
        task.priority,
    )


def _key_period_plans(start: dt.date, last: dt.date, names: list[str]) -> list[OrderPlan]:
    """The key periods' duty orders that fall in ``start`` .. ``last``."""
    plans: list[OrderPlan] = []
    for when, description in KEY_PERIODS:
        if start <= when <= last:
            plans.append(
                OrderPlan(
                    _local(when, 9, 0),
                    "key_period",
                    "onsite",
                    "SYS-FX",
                    description,
                    "",
                    "完成各系统保障前自查，保障期间7×24值守，系统运行平稳",
                    names[0],
                    5,
                    10,
                    60 * 24 * 7,
                    60 * 24 * 7 + 120,
                )
            )
    return plans


def _add_breaches(rng: random.Random, plans: list[OrderPlan]) -> None:
    """Make a few faults late, as in any real year (see the comment inside)."""
    faults = [p for p in plans if p.type == "fault"]
    # A few breaches, as in any real year: late answers and a fault that waited for a part.
    if len(faults) > 20:
        for plan, minutes in zip(rng.sample(faults, 3), (38.0, 47.0, 33.5), strict=True):
            plan.response_min = minutes
            if plan.onsite_min is not None:
                plan.onsite_min = max(plan.onsite_min, minutes + 10)
            plan.restore_min = _within_target(
                max(plan.restore_min, (plan.onsite_min or minutes) + 15)
            )
        waited = rng.choice([p for p in faults if p.onsite_min is not None])
        waited.restore_min = 60 * 24 + 60 * 7  # a spare part came the next day
        waited.resolution = "备件到货后更换，" + waited.resolution
        waited.response_min = min(waited.response_min, 20)
        waited.onsite_min = 60.0


def _plans(
    rng: random.Random,
    start: dt.date,
    last: dt.date,
    assets: dict[str, list[str]],
    names: list[str],
) -> list[OrderPlan]:
    plans: list[OrderPlan] = []
    weights = {
        "kiosk": 5,
        "video_reception": 5,
        "video_conference": 3,
        "camera": 2,
        "microphone": 2,
        "av_node": 2,
        "wall_controller": 2,
        "decoder": 3,
        "interactive_display": 2,
        "info_screen": 3,
        "file_cabinet": 4,
        "workstation": 1,
        "application_system": 3,
        "cloud_server": 1,
    }
    day = start
    while day <= last:
        weekday = day.weekday()
        chance = 0.42 if weekday < 5 else 0.12
        count = (1 if rng.random() < chance else 0) + (1 if rng.random() < chance / 4 else 0)
        for _ in range(count):
            evening = rng.random() < 0.1
            hour = rng.randint(19, 22) if evening else rng.randint(8, 17)
            reported = _local(day, hour, rng.randint(0, 59))
            engineer = names[rng.randrange(len(names))]
            plans.append(_one_plan(rng, reported, engineer, assets, weights))
        day += dt.timedelta(days=1)
    plans += _key_period_plans(start, last, names)
    _add_breaches(rng, plans)
    plans.sort(key=lambda p: p.reported)
    return plans


def carry_out(
    session: Session,
    rng: random.Random,
    plan: OrderPlan,
    number: str,
    *,
    engineer_id: str,
    until: dt.datetime,
    signers: Mapping[str, SigningKey],
) -> str:
    """Handle the demo work order ``number`` as ``plan`` says, as far as ``until``
    (``signers``: the demo engineers' unlocked keys, by engineer id).

    The engineer responds, arrives (with a log entry) unless it is fixed remotely, writes
    the result in the log, restores service and records cause and resolution; then the
    engineer and a client representative sign. A step that would happen at or after
    ``until`` does not happen: the order stays as work in hand. Returns the status reached.
    """
    t0 = plan.reported
    minute = dt.timedelta(minutes=1)
    responded = t0 + _minutes(plan.response_min)
    if responded >= until:
        return "reported"
    wo.advance(session, number, "responded", at=responded, engineer_id=engineer_id, now=responded)
    if plan.onsite_min is not None:
        onsite = t0 + _minutes(plan.onsite_min)
        if onsite >= until:
            return "responded"
        wo.advance(session, number, "onsite", at=onsite, engineer_id=engineer_id, now=onsite)
        note = plan.onsite_note or (
            f"到场处理：{plan.description}。现场检查发现{plan.cause or '需按要求处理'}。"
        )
        _log(session, engineer_id, note, onsite + 2 * minute, number=number)
    restored = t0 + _minutes(plan.restore_min)
    if restored >= until:
        return "onsite" if plan.onsite_min is not None else "responded"
    _log(session, engineer_id, plan.resolution, restored - minute, number=number)
    wo.advance(session, number, "restored", at=restored, engineer_id=engineer_id, now=restored)
    wo.update_work_order(
        session,
        number,
        cause=plan.cause,
        resolution=plan.resolution,
        contractor_caused=rng.random() < 0.04,
        now=restored,
    )
    sign_at = restored + _minutes(plan.sign_after_min)
    if sign_at >= until:
        return "restored"
    engineer = session.get(Engineer, engineer_id)
    assert engineer is not None
    wo.sign_off(
        session,
        number,
        wo.Signatures(
            engineer_strokes=demo_strokes(rng, len(engineer.name)),
            client_name=rng.choice(CLIENT_SIGNERS),
            client_strokes=demo_strokes(rng, 3),
            engineer_aspect=3.0,
            client_aspect=3.0,
        ),
        engineer_id=engineer_id,
        signer=signers[engineer_id],
        now=sign_at,
    )
    return "signed"


def _demo_engineers(
    session: Session, at: dt.datetime
) -> tuple[dict[str, str], dict[str, SigningKey]]:
    """The demo engineers, made (the first approves the others' keys, all registered at
    ``at``, before the history they sign) or, when they exist, their keys unlocked with
    the demo PINs: ids by name and keys by id."""
    ids: dict[str, str] = {}
    signers: dict[str, SigningKey] = {}
    approver: SigningKey | None = None
    for name, phone, pin in DEMO_ENGINEERS:
        existing = session.scalar(select(Engineer).where(Engineer.name == name))
        if existing is None:
            _row, key = engineer_service.register_engineer(
                session, name, phone, pin, approver=approver, now=at
            )
            assert key is not None
        else:
            key = engineer_service.unlock(session, existing.id, pin)
        ids[name] = key.engineer_id
        signers[key.engineer_id] = key
        approver = approver or key
    return ids, signers


def _routine_log(
    session: Session, ids: dict[str, str], names: list[str], first: dt.date, last: dt.date
) -> None:
    """Weekly and monthly deliverables in the log, not tied to one order."""
    day = first
    while day <= last:
        if day.weekday() == 4:
            text = "编制并提交本周网站安全服务周报（5个网站）"
            _log(session, ids[names[1]], text, _local(day, 16, 30))
        if day.day == 25:
            text = "完成5个网站本月漏洞扫描，编制漏洞扫描月报"
            _log(session, ids[names[2]], text, _local(day, 10, 0))
        if day.day == 1:
            text = "完成智能文件交换系统数据库备份并校验备份文件"
            _log(session, ids[names[0]], text, _local(day, 9, 30))
        day += dt.timedelta(days=1)


def _corrections(
    session: Session,
    rng: random.Random,
    signed_numbers: list[str],
    signers: Mapping[str, SigningKey],
    until: dt.datetime,
) -> int:
    """A few corrections after sign-off, as amendments and amending log entries."""
    minute = dt.timedelta(minutes=1)
    amendments = 0
    for number in rng.sample(signed_numbers, min(3, len(signed_numbers))):
        order = session.scalar(select(WorkOrder).where(WorkOrder.number == number))
        assert order is not None
        assert order.signed_at is not None
        assert order.engineer is not None
        at = order.signed_at + dt.timedelta(days=2)
        if at >= until:
            continue
        wo.amend_work_order(
            session,
            number,
            engineer_id=order.engineer.id,
            signer=signers[order.engineer.id],
            field="cause",
            new_value=order.cause + "（经厂家检测确认）",
            reason="厂家检测报告补充故障原因",
            now=at,
            demo=True,
        )
        amendments += 1
        first = wo.list_log(session, work_order_number=number)[0]
        wo.append_log(
            session,
            engineer_id=order.engineer.id,
            work_order_number=number,
            text=first.text + "（更正：补充现场照片编号）",
            amends_id=first.id,
            at=first.at,
            now=at + minute,
            demo=True,
        )
    return amendments


def _work_in_hand(
    session: Session,
    rng: random.Random,
    ids: dict[str, str],
    names: list[str],
    *,
    until: dt.datetime,
    signers: Mapping[str, SigningKey],
) -> None:
    """Work in hand at ``until``: a fresh call, one on site, one waiting for signatures."""
    minute = dt.timedelta(minutes=1)
    live = [  # oldest first, so that numbers follow the reporting times
        ("XF-SCR-02", "信息发布屏不播放节目", "播放计划过期", "重新下发播放计划，节目正常", 150),
        ("XF-CAB-01", "智能文件柜3号柜门无法关闭", "柜门限位开关松动", "", 75),
        ("XF-KIOSK-03", "自助一体机屏幕闪烁", "", "", 12),
    ]
    for code, description, cause, resolution, minutes_ago in live:
        t0 = (until - minutes_ago * minute).replace(second=0, microsecond=0)
        number = wo.create_work_order(
            session,
            type="fault",
            channel="hotline",
            description=description,
            asset_codes=[code],
            reporter_name=REPORTERS[0][0],
            reporter_phone=REPORTERS[0][1],
            reported_at=t0,
            now=t0,
            demo=True,
            priority="high",
        ).number
        name = names[minutes_ago % 3]
        # Answered after 15 minutes, on site after 35, restored after 95; signed next day.
        plan = OrderPlan(
            t0, "fault", "hotline", code, description, cause, resolution, name,
            15, 35, 95, 60 * 24,
        )  # fmt: skip
        carry_out(session, rng, plan, number, engineer_id=ids[name], until=until, signers=signers)


def fill_history(
    session: Session,
    fillers: Sequence[tuple[str, DemoFiller]],
    seed: int = DEFAULT_SEED,
    until: dt.datetime | None = None,
) -> DemoResult:
    """Fill the store with the demo history (refused when demo data is already there).

    ``fillers``: (key, filler) pairs, run in this order; each gets its own random
    stream, seeded by ``seed`` and its key.
    """
    if session.scalar(select(exists().where(WorkOrder.demo.is_(True)))):
        raise WorkbenchError(QT_TRANSLATE_NOOP("messages", "The store already holds demo data."))
    contract = current_contract(session)
    if contract is None:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "No contract is loaded; run 'workbench init' first.")
        )
    end_of_contract = dt.datetime.combine(contract.end_date, dt.time(23, 59), tzinfo=LOCAL_TZ)
    until = min(until or utc_now(), end_of_contract)
    start = dt.datetime.combine(contract.start_date, dt.time(0, 0), tzinfo=LOCAL_TZ)
    if until <= start:
        raise WorkbenchError(QT_TRANSLATE_NOOP("messages", "The contract has not started yet."))
    rng = random.Random(seed)

    ids, signers = _demo_engineers(session, start - dt.timedelta(days=1))
    names = [n for n, _, _ in DEMO_ENGINEERS]

    assets = _device_assets(session)
    last_full_day = (until.astimezone(LOCAL_TZ) - dt.timedelta(days=2)).date()
    plans = _plans(rng, contract.start_date, last_full_day, assets, names)
    signed_numbers: list[str] = []
    pending = deque(plans)

    def catch_up(at: dt.datetime) -> None:
        """Create and handle the planned work orders reported up to ``at``."""
        while pending and pending[0].reported <= at:
            plan = pending.popleft()
            reporter = rng.choice(REPORTERS)
            number = wo.create_work_order(
                session,
                type=plan.type,
                channel=plan.channel,
                description=plan.description,
                asset_codes=[plan.asset],
                reporter_name=reporter[0],
                reporter_phone=reporter[1],
                priority=plan.priority,
                reported_at=plan.reported,
                now=plan.reported,
                demo=True,
            ).number
            reached = carry_out(
                session,
                rng,
                plan,
                number,
                engineer_id=ids[plan.engineer],
                until=until,
                signers=signers,
            )
            if reached == "signed" and plan.type == "fault":
                signed_numbers.append(number)

    context = DemoContext(seed, start, until, dict(ids), dict(signers), catch_up)
    for key, filler in fillers:
        filler(session, random.Random(f"{seed}:{key}"), context)
    catch_up(until)

    _routine_log(session, ids, names, contract.start_date, last_full_day)

    amendments = _corrections(session, rng, signed_numbers, signers, until)

    _work_in_hand(session, rng, ids, names, until=until, signers=signers)

    session.flush()
    breached = wo.list_work_orders(
        session, wo.WorkOrderFilter(breached=True, demo=True), limit=1, now=until
    ).total
    total = wo.list_work_orders(session, wo.WorkOrderFilter(demo=True), limit=1, now=until).total
    signed = session.scalar(
        select(func.count())
        .select_from(WorkOrder)
        .where(WorkOrder.demo.is_(True), WorkOrder.status == "signed")
    )
    log_entries = session.scalar(
        select(func.count()).select_from(WorkLogEntry).where(WorkLogEntry.demo.is_(True))
    )
    return DemoResult(
        work_orders=total,
        signed=signed or 0,
        breached=breached,
        log_entries=log_entries or 0,
        amendments=amendments,
        engineers=tuple((name, pin) for name, _, pin in DEMO_ENGINEERS),
        until=until,
    )
