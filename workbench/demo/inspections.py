"""Demo inspection rounds: the contract's year so far, walked as the schedules say.

One of the fillers of :data:`workbench.demo.FILLERS`. Every Monday (and on the contract's
first working day) a demo engineer walks the devices due that day; each device takes a few
minutes; measured values drift as they do on real machines (disks fill, temperatures follow
the seasons) and are put right after the finding; about one device in forty fails a check,
with one of the typical findings of its kind. A failure opens a work order of type
``inspection_finding`` (numbered in turn with the history's other orders), which the
engineer who found it handles at once (:func:`workbench.demo.history.carry_out`): answered
within minutes, restored within an hour or two (a few late: a spare part had to come),
logged and signed by both sides. Rounds are finished and signed by the engineer and the
client representative; the newest one is left paused, half done, as work in hand.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from workbench.demo import history as demo
from workbench.domain import checklists as rules
from workbench.domain.timeutil import LOCAL_TZ
from workbench.services import checklists as checklist_service
from workbench.services import inspections as service

FAILURE_RATE = 0.025
CLIENT_SIGNER = "于文浩"
UNCHECKED_REASONS = ("会议室占用，改日补检", "设备送修中", "甲方临时活动，暂停巡检")
REMOTE_CATEGORIES = ("application_system", "cloud_server", "website")


@dataclass(frozen=True)
class Finding:
    """A typical failed check of a category: what was seen, why, what was done."""

    item: str  # the check item's key
    note: str
    cause: str
    resolution: str
    part: bool = False  # a spare part had to be ordered: restored the next working day


FINDINGS: dict[str, tuple[Finding, ...]] = {
    "kiosk": (
        Finding("printer", "测试凭条字迹浅淡", "热敏打印头老化", "更换打印头，试打印清晰", True),
        Finding(
            "touch_screen", "屏幕右下角触控偏移", "触摸屏校准数据漂移", "重新校准触摸屏，触控准确"
        ),
        Finding("clock", "系统时间慢4分钟", "时间同步服务未启用", "启用时间同步并校时，时间一致"),
    ),
    "video_reception": (
        Finding("audio", "测试通话有回声", "回声消除被关闭", "开启回声消除并调整音量，通话正常"),
        Finding("clock", "系统时间快3分钟", "时间同步服务异常", "重新配置时间同步并校时，时间一致"),
        Finding("appearance", "设备背部线缆松散", "线缆扎带断裂", "整理并重新绑扎线缆，接口固定"),
    ),
    "video_conference": (
        Finding("remote", "遥控器按键反应迟钝", "遥控器电池电量不足", "更换遥控器电池，按键正常"),
        Finding(
            "registration",
            "终端显示未注册",
            "SIP注册过期未续注册",
            "重新注册终端账号，测试呼叫正常",
        ),
    ),
    "camera": (
        Finding("presets", "2号预置位偏离发言席", "预置位被误改", "重新设置并保存预置位，调用准确"),
        Finding("lens", "镜头表面有灰尘", "长期未清洁", "清洁镜头，画面清晰"),
    ),
    "microphone": (
        Finding("noise", "测试时有轻微底噪", "线缆屏蔽层接触不良", "重新插接并固定线缆，底噪消除"),
        Finding("mute", "静音指示灯不亮", "指示灯模块损坏", "更换麦克风指示灯模块，工作正常", True),
    ),
    "av_node": (
        Finding("cabling", "节点网线标签脱落", "标签老化脱落", "重新制作并粘贴线缆标签"),
        Finding("online", "节点在管理平台中离线", "节点网口松动", "重新插紧网线，节点上线"),
    ),
    "wall_controller": (
        Finding("power", "机箱风扇有异响", "风扇轴承磨损", "更换机箱风扇，运行正常", True),
        Finding("scenes", "预案调用后窗口错位", "预案配置被误改", "从备份恢复预案配置，调用正常"),
    ),
    "decoder": (
        Finding("cabling", "散热口积灰较多", "机柜内灰尘积聚", "清洁散热口及风扇，通风良好"),
        Finding(
            "decode_output", "上墙画面偶发马赛克", "节点散热不良", "清理风扇灰尘并重启，画面正常"
        ),
    ),
    "interactive_display": (
        Finding("touch", "白板书写定位偏移", "触控未校准", "重新校准触控，书写准确"),
        Finding("projection", "无线投屏连接失败", "投屏服务未启动", "重启投屏服务，投屏正常"),
    ),
    "info_screen": (
        Finding(
            "content_current", "仍在播放已过期节目", "播放计划未更新", "重新下发播放计划，内容一致"
        ),
        Finding(
            "power_schedule", "未按计划定时关机", "定时开关机计划丢失", "重新配置定时开关机并验证"
        ),
    ),
    "file_cabinet": (
        Finding("doors", "3号柜门闭合不到位", "柜门合页变形", "更换柜门合页并调整，闭合到位", True),
        Finding(
            "barcode_scanner", "扫描枪识读条码失败", "扫描枪配置被重置", "重新设置扫描枪，扫码正常"
        ),
        Finding("indicators", "5号柜指示灯不亮", "指示灯连接线松动", "重新插紧连接线，指示灯正常"),
    ),
    "workstation": (
        Finding("patches", "有3个安全补丁未安装", "自动更新被暂停", "安装安全补丁并重启，状态正常"),
        Finding(
            "antivirus", "病毒库超过7天未更新", "病毒库更新地址失效", "修正更新地址并升级病毒库"
        ),
    ),
    "application_system": (
        Finding(
            "logs",
            "应用日志有数据库连接超时报错",
            "连接池配置偏小",
            "调整连接池参数并重启服务，无新报错",
        ),
        Finding("backup", "昨晚备份任务未完成", "备份目录空间不足", "清理过期备份，补做备份并校验"),
    ),
    "cloud_server": (
        Finding(
            "patches",
            "中间件有安全补丁待更新",
            "补丁发布后尚未安装",
            "安装中间件补丁并验证服务正常",
        ),
        Finding(
            "time_sync",
            "系统时间偏差约2分钟",
            "时间同步服务未开机自启",
            "设置时间同步服务自启并校时",
        ),
    ),
    "website": (
        Finding(
            "availability",
            "首页偶发加载缓慢",
            "Web服务连接数接近上限",
            "调整连接数上限并重启Web服务，访问正常",
        ),
        Finding(
            "monitoring_alarms",
            "有1条可用性告警未闭环",
            "告警处置后未在平台确认",
            "核实已处置并在监测平台关闭告警",
        ),
    ),
}


def _walk_days(start: dt.date, last: dt.date) -> Iterable[dt.date]:
    day = start
    while day.weekday() >= 5:  # the first working day
        day += dt.timedelta(days=1)
    yield day
    day += dt.timedelta(days=(7 - day.weekday()) % 7 or 7)  # then every Monday
    while day <= last:
        yield day
        day += dt.timedelta(days=7)


class _Readings:
    """Plausible measured values per device and item, drifting from round to round."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.level: dict[tuple[str, str], float] = {}

    def value(self, code: str, item: rules.ChecklistItem, day: dt.date) -> str:
        rng = self.rng
        key = (code, item.key)
        if item.unit == "°C":
            summer = 6.0 if day.month in (6, 7, 8) else 0.0
            base = self.level.setdefault(key, (item.high or 60) * rng.uniform(0.55, 0.7))
            return f"{base + summer + rng.uniform(-2, 2):.0f}"
        if item.high is not None and item.low is None and item.unit == "%":
            level = self.level.get(key, (item.high) * rng.uniform(0.3, 0.7))
            level = max(5.0, level + rng.uniform(-0.5, 1.6))
            # Over the limit: a finding, and cleaned up before the next round.
            self.level[key] = item.high * 0.5 if round(level) > item.high else level
            return f"{level:.0f}"
        if item.low is not None and item.high is not None:
            return f"{rng.uniform(item.low, item.high * 0.4):.1f}"
        if item.low is not None:  # e.g. certificate days left
            left = self.level.get(key, rng.uniform(90, 360)) - 7
            # Under the limit: a finding, and renewed before the next round.
            self.level[key] = 365.0 if round(left) < item.low else left
            return f"{left:.0f}"
        if item.high is not None:
            return f"{item.high * rng.uniform(0.2, 0.6):.1f}"
        return ""


def _finding(rng: random.Random, checklist: rules.Checklist, late_ok: bool) -> Finding:
    """A typical finding of the checklist's category (one needing a part only if
    ``late_ok``); any check item with a general cause for a category without a list."""
    keys = {i.key for i in checklist.items if i.kind == "check"}
    typical = [
        f
        for f in FINDINGS.get(checklist.category, ())
        if f.item in keys and (late_ok or not f.part)
    ]
    if typical:
        return rng.choice(typical)
    item = checklist.item(rng.choice(sorted(keys)))
    return Finding(item.key, "现场复核确认异常", "部件连接松动", "重新紧固连接并复测，恢复正常")


def _measured(checklist: rules.Checklist, values: dict[str, str]) -> Finding | None:
    """The finding of a measured value out of its limits (disk filling up, a certificate
    running out), or None."""
    results = rules.evaluate_all(checklist, values)
    failed = [r for r in rules.failures(results) if checklist.item(r.key).kind == "number"]
    if not failed:
        return None
    item = checklist.item(failed[0].key)
    if item.low is not None and item.high is None:
        return Finding(item.key, "", "证书临近到期", "申请续期并部署新证书，复查有效期正常")
    if item.unit == "°C":
        return Finding(item.key, "", "风扇及风道积灰，散热不良", "清洁风扇及风道，温度恢复正常")
    if "cpu" in item.key or "memory" in item.key:
        return Finding(
            item.key, "", "个别服务进程资源占用异常", "排查并重启异常进程，使用率恢复正常"
        )
    return Finding(item.key, "", "日志及临时文件持续增长", "清理过期日志和临时文件，使用率恢复正常")


def _handle(
    session: Session,
    rng: random.Random,
    ctx: demo.DemoContext,
    *,
    number: str,
    found: dt.datetime,
    code: str,
    category: str,
    finding: Finding,
    checklist: rules.Checklist,
    name: str,
) -> None:
    """The engineer who found it handles the finding's work order at once."""
    item = checklist.item(finding.item).text.split("：")[0]
    response = rng.uniform(1, 6)
    onsite = None if category in REMOTE_CATEGORIES else response + rng.uniform(0.5, 3)
    if finding.part:
        # The part comes the next working day; fitted in the morning or early afternoon.
        next_day = found.astimezone(LOCAL_TZ).date() + dt.timedelta(days=1)
        while next_day.weekday() >= 5:
            next_day += dt.timedelta(days=1)
        fitted = dt.datetime.combine(next_day, dt.time(10), tzinfo=LOCAL_TZ) + dt.timedelta(
            minutes=rng.uniform(0, 300)
        )
        restore = (fitted - found).total_seconds() / 60
        resolution = "备件到货后" + finding.resolution
    else:
        restore = (onsite or response) + rng.uniform(12, 95)
        resolution = finding.resolution
    plan = demo.OrderPlan(
        found,
        "inspection_finding",
        "inspection",
        code,
        finding.note,
        finding.cause,
        resolution,
        name,
        response,
        onsite,
        restore,
        rng.uniform(20, 200),
        onsite_note=f"巡检中发现{code}“{item}”异常{('：' + finding.note) if finding.note else ''}，"
        f"现场排查原因：{finding.cause}。",
    )
    demo.carry_out(
        session,
        rng,
        plan,
        number,
        engineer_id=ctx.engineers[name],
        until=ctx.until,
        signers=ctx.signers,
    )


def _inspect_device(
    session: Session,
    rng: random.Random,
    ctx: demo.DemoContext,
    *,
    readings: _Readings,
    checklists: dict[str, rules.Checklist],
    round_number: str,
    row: service.RoundAssetRow,
    day: dt.date,
    last: dt.date,
    t: dt.datetime,
    name: str,
) -> None:
    """Record one device of the round at ``t``; a failed check becomes a handled order."""
    if row.category not in checklists:
        checklists[row.category] = checklist_service.current_checklist(session, row.category)
    checklist = checklists[row.category]
    values = {
        i.key: readings.value(row.code, i, day) for i in checklist.items if i.kind == "number"
    }
    notes: dict[str, str] = {}
    finding = _measured(checklist, values)
    if rng.random() < FAILURE_RATE:
        finding = _finding(rng, checklist, late_ok=day < last - dt.timedelta(days=3))
        values = {**values, finding.item: rules.FAIL}
        notes = {finding.item: finding.note}
    recorded = service.record_inspection(
        session, round_number, row.code, values, item_notes=notes, now=t,
        translate=demo.record_text,
    )  # fmt: skip
    if finding is not None and recorded.work_order_number:
        _handle(
            session, rng, ctx, number=recorded.work_order_number, found=t,
            code=row.code, category=row.category, finding=finding,
            checklist=checklist, name=name,
        )  # fmt: skip


def _close_round(
    session: Session,
    rng: random.Random,
    ctx: demo.DemoContext,
    *,
    round_number: str,
    left: int,
    t: dt.datetime,
    name: str,
) -> None:
    """Finish the round ten minutes after its last device; both sides sign it later."""
    finished = t + dt.timedelta(minutes=10)
    reason = rng.choice(UNCHECKED_REASONS) if left else ""
    service.finish_round(session, round_number, reason, now=finished)
    signed_at = finished + dt.timedelta(seconds=round(rng.uniform(20, 240) * 60))
    if signed_at >= ctx.until:
        return
    service.sign_round(
        session,
        round_number,
        service.Signatures(
            engineer_strokes=demo.demo_strokes(rng, len(name)),
            client_name=CLIENT_SIGNER,
            client_strokes=demo.demo_strokes(rng, 3),
            engineer_aspect=3.0,
            client_aspect=3.0,
        ),
        signer=ctx.signers[ctx.engineers[name]],
        now=signed_at,
    )


def fill_inspections(session: Session, rng: random.Random, ctx: demo.DemoContext) -> None:
    checklist_service.sync_checklists(session)
    readings = _Readings(rng)
    names = sorted(ctx.engineers)
    start = ctx.start.astimezone(LOCAL_TZ).date()
    last = (ctx.until.astimezone(LOCAL_TZ) - dt.timedelta(days=1)).date()
    days = list(_walk_days(start, last))
    checklists: dict[str, rules.Checklist] = {}
    for index, day in enumerate(days):
        name = names[index % len(names)]
        t = dt.datetime.combine(day, dt.time(9, 0), tzinfo=LOCAL_TZ) + dt.timedelta(
            minutes=rng.randint(0, 40)
        )
        due = [r for r in service.due_devices(session, day) if r.needs_inspection]
        if not due:
            continue
        detail = service.start_round(
            session, engineer_id=ctx.engineers[name], scope="due", planned_date=day, now=t,
            demo=True,
        )  # fmt: skip
        newest = index == len(days) - 1
        rows = list(detail.assets)
        if newest:
            rows = rows[: len(rows) // 2]
        skipped = {r.code for r in rows if not newest and rng.random() < 0.01}
        for row in rows:
            if row.code in skipped:
                continue
            t += dt.timedelta(seconds=round(rng.uniform(150, 360)))
            if t >= ctx.until:
                break
            ctx.catch_up(t)  # the history's orders reported before this one come first
            _inspect_device(
                session, rng, ctx, readings=readings, checklists=checklists,
                round_number=detail.number, row=row, day=day, last=last, t=t, name=name,
            )  # fmt: skip
        if newest:
            service.pause_round(session, detail.number, now=t)
            continue
        left = len(detail.assets) - len(rows) + len(skipped)
        _close_round(session, rng, ctx, round_number=detail.number, left=left, t=t, name=name)
