"""The benchmark dataset: years of a large site's history in a real, migrated store.

``ensure_dataset(scale)`` returns the path of a SQLite store that holds, for ``large``,
1,000 devices, five years of weekly inspection rounds over every device (about 260,000
device inspections, about 2 million item results) and 20,000 work orders with their
status events, work log and signatures; ``small`` is the same shape at 150 devices and
one year. The store is made through the real schema (Alembic migrations, the contract
loaded by the setup service, checklists synced by the checklist service); the bulk rows
go in through SQLAlchemy Core, then every signed record is hashed by the services' own
content builders and linked into the chain, so ``verify_chain`` passes and services and
views read the data as they read any store. Not written: the audit trail of the bulk
rows (a store grown through the GUI would also hold one audit row per change).

The file is cached under ``benchmarks/.cache/`` keyed by the scale, the generator's
version and the schema's head revision; a changed generator or schema builds afresh.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import math
import os
import random
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Table, create_engine, event, insert, select, update
from sqlalchemy.orm import Session, selectinload

log = logging.getLogger("benchmarks.dataset")

GENERATOR_VERSION = 3
CACHE_DIR = Path(__file__).resolve().parent / ".cache"


@dataclass(frozen=True)
class Scale:
    name: str
    devices: int  # devices in total, the contract's own 74 included
    years: int
    work_orders: int
    failure_rate: float  # device inspections with a failed item (each opens an order)


SCALES = {
    "large": Scale("large", devices=1000, years=5, work_orders=20_000, failure_rate=0.005),
    "small": Scale("small", devices=150, years=1, work_orders=2_000, failure_rate=0.005),
}

ENGINEERS = (
    ("张伟", "13911020601"),
    ("李娜", "13911020602"),
    ("王磊", "13911020603"),
    ("赵敏", "13911020604"),
    ("陈刚", "13911020605"),
    ("周婷", "13911020606"),
)
ENGINEER_PIN = "2601"
CLIENT_SIGNERS = ("于文浩", "刘佳", "陈静")
REPORTERS = (("刘佳", "55572746"), ("陈静", "55572711"), ("赵宏", "55572738"), ("孙丽", "55572702"))
FAULTS = (
    ("触摸屏点击无响应", "触摸屏驱动异常", "重装触摸屏驱动并校准，恢复正常"),
    ("设备无法开机", "电源适配器松动", "重新固定电源线，开机自检正常"),
    ("画面卡顿", "网络端口协商速率异常", "调整交换机端口为千兆全双工，画面流畅"),
    ("无法登录系统", "客户端缓存异常", "清理缓存后重新登录，功能正常"),
    ("信号中断", "网口松动", "重新插紧网线并重启设备，信号恢复"),
    ("无声音", "音频线松动", "重新连接音频线，测试正常"),
    ("打印异常", "打印机卡纸", "清理卡纸并更换打印纸，试打印正常"),
)
SERVICE_TASKS = (
    ("service_request", "信息屏专题节目制作并发布"),
    ("hardening", "服务器操作系统安全加固与补丁更新"),
    ("key_period", "重点时期系统自查与值守"),
    ("service_request", "协助甲方调整视频会议室设备布置"),
)


def cache_path(scale: str) -> Path:
    from workbench.data.store import head_revision

    return CACHE_DIR / f"{scale}-g{GENERATOR_VERSION}-s{head_revision()}.sqlite3"


def ensure_dataset(
    scale: str, *, rebuild: bool = False, progress: Callable[[str], None] = print
) -> Path:
    """The cached store for ``scale``; built first when missing (or when ``rebuild``)."""
    path = cache_path(scale)
    meta = path.with_suffix(".json")
    if path.exists() and meta.exists() and not rebuild:
        return path
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    for old in CACHE_DIR.glob(f"{scale}-*"):
        old.unlink()
    tmp = path.with_name(path.name + ".building")
    for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        leftover.unlink(missing_ok=True)
    started = time.perf_counter()
    counts = build(tmp, SCALES[scale], progress=progress)
    os.replace(tmp, path)
    seconds = time.perf_counter() - started
    meta.write_text(
        json.dumps({"scale": asdict(SCALES[scale]), "counts": counts, "build_seconds": seconds}),
        encoding="utf-8",
    )
    progress(f"dataset {scale}: built in {seconds:.0f} s: {counts}")
    return path


def dataset_info(scale: str) -> dict[str, Any]:
    meta = cache_path(scale).with_suffix(".json")
    data: dict[str, Any] = json.loads(meta.read_text(encoding="utf-8"))
    return data


# -- building -------------------------------------------------------------------------


def _bulk_engine(path: Path) -> Engine:
    """An engine for the bulk load only: no fsync, the store's rules otherwise."""
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = OFF")
        cursor.execute("PRAGMA cache_size = -200000")
        cursor.close()

    return engine


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _chunks(rows: list[dict[str, Any]], size: int = 20_000) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _insert(session: Session, table: Any, rows: list[dict[str, Any]]) -> None:
    tbl: Table = table.__table__
    for chunk in _chunks(rows):
        session.execute(insert(tbl), chunk)


def _strokes(rng: random.Random, characters: int) -> list[list[list[float]]]:
    from workbench.demo.history import demo_strokes

    return demo_strokes(rng, characters)


class _Builder:
    def __init__(self, session: Session, scale: Scale, rng: random.Random) -> None:
        from workbench.domain.contract import sla_from_terms
        from workbench.services.setup import current_contract

        self.session = session
        self.scale = scale
        self.rng = rng
        contract = current_contract(session)
        assert contract is not None
        self.contract = contract
        self.sla = sla_from_terms(contract.terms)
        self.end = (dt.datetime.now(dt.UTC) - dt.timedelta(days=1)).replace(second=0, microsecond=0)
        self.start = self.end - dt.timedelta(days=round(365.25 * scale.years))
        self.counters: dict[str, int] = {}
        self.pool = [_strokes(rng, 3) for _ in range(40)]
        self.signatures: list[dict[str, Any]] = []
        self.to_sign: list[tuple[dt.datetime, str, str]] = []  # (signed_at, type, id)

    def next_number(self, counter: str) -> int:
        self.counters[counter] = self.counters.get(counter, 0) + 1
        return self.counters[counter]

    def sign(
        self, record_type: str, record_id: str, engineer: tuple[str, str], at: dt.datetime
    ) -> None:
        for role, name, engineer_id in (
            ("engineer", engineer[1], engineer[0]),
            ("client", self.rng.choice(CLIENT_SIGNERS), None),
        ):
            self.signatures.append(
                {
                    "id": _uuid(self.rng),
                    "record_type": record_type,
                    "record_id": record_id,
                    "role": role,
                    "signer_name": name,
                    "engineer_id": engineer_id,
                    "signed_at": at,
                    "strokes": self.rng.choice(self.pool),
                    "aspect": Decimal("3.0000"),
                }
            )
        self.to_sign.append((at, record_type, record_id))


def build(path: Path, scale: Scale, *, progress: Callable[[str], None] = print) -> dict[str, int]:
    """Make the store at ``path`` (a new file) and fill it."""
    from workbench.data.store import Store
    from workbench.services import checklists as checklist_service
    from workbench.services import engineers as engineer_service
    from workbench.services.setup import load_default_contract

    store = Store(f"sqlite:///{path}")
    with store.transaction("benchmark setup") as session:
        load_default_contract(session)
        checklist_service.sync_checklists(session)
        engineers = [
            engineer_service.create_engineer(session, name, phone, ENGINEER_PIN)
            for name, phone in ENGINEERS
        ]
    store.dispose()
    engine = _bulk_engine(path)
    rng = random.Random(f"benchmarks:{scale.name}:{GENERATOR_VERSION}")
    counts: dict[str, int] = {}
    t0 = time.perf_counter()

    def step(text: str) -> None:
        progress(f"  [{time.perf_counter() - t0:6.1f} s] {text}")

    with Session(engine) as session, session.begin():
        builder = _Builder(session, scale, rng)
        people = [(e.id, e.name) for e in engineers]
        assets = _add_assets(builder)
        counts["assets"] = len(assets)
        step(f"{len(assets)} assets")
        finding_orders = _add_rounds(builder, assets, people, counts, step)
        _add_work_orders(builder, assets, people, finding_orders, counts, step)
        from workbench.data.models import Signature

        _insert(session, Signature, builder.signatures)
        counts["signatures"] = len(builder.signatures)
        _set_counters(builder)
        step("signatures and counters")
    with Session(engine) as session, session.begin():
        counts["signed_records"] = _link_chain(session, builder.to_sign, step)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.exec_driver_sql("ANALYZE")
    engine.dispose()
    step("chain linked, analysed")
    return counts


def _add_assets(b: _Builder) -> list[dict[str, Any]]:
    """The contract's devices plus more of each device category, up to ``scale.devices``."""
    from workbench.data.models import Asset, AssetCategory

    s = b.session
    existing = list(
        s.execute(
            select(
                Asset.id,
                Asset.code,
                Asset.name,
                Asset.category_id,
                Asset.location_id,
                Asset.model,
                Asset.kind,
            ).join(AssetCategory, Asset.category_id == AssetCategory.id)
        )
    )
    templates = [r for r in existing if r.kind == "device"]
    device_count = len(templates)
    rows: list[dict[str, Any]] = []
    now = b.start
    serial = 0
    while device_count < b.scale.devices:
        template = templates[serial % len(templates)]
        serial += 1
        prefix = template.code.rsplit("-", 1)[0]
        code = f"{prefix}-{100 + serial:04d}"
        rows.append(
            {
                "id": _uuid(b.rng),
                "code": code,
                "kind": "device",
                "name": template.name,
                "category_id": template.category_id,
                "contract_id": b.contract.id,
                "line_item": None,
                "model": template.model,
                "serial_number": f"SN{b.rng.getrandbits(40):012X}",
                "location_id": template.location_id,
                "url": "",
                "status": "retired" if b.rng.random() < 0.02 else "in_use",
                "notes": "",
                "version": 1,
                "created_at": now,
                "updated_at": now,
            }
        )
        device_count += 1
    _insert(s, Asset, rows)
    result = [
        {"id": r.id, "code": r.code, "category": r.cat_code, "kind": r.kind, "status": r.status}
        for r in s.execute(
            select(
                Asset.id, Asset.code, AssetCategory.code.label("cat_code"), Asset.kind, Asset.status
            )
            .join(AssetCategory, Asset.category_id == AssetCategory.id)
            .order_by(Asset.code)
        )
    ]
    return result


def _weekly_days(start: dt.datetime, end: dt.datetime) -> Iterable[dt.date]:
    from workbench.domain.timeutil import LOCAL_TZ

    day = start.astimezone(LOCAL_TZ).date()
    day += dt.timedelta(days=(7 - day.weekday()) % 7)  # the first Monday
    last = end.astimezone(LOCAL_TZ).date() - dt.timedelta(days=1)
    while day <= last:
        yield day
        day += dt.timedelta(days=7)


def _add_rounds(
    b: _Builder,
    assets: list[dict[str, Any]],
    people: list[tuple[str, str]],
    counts: dict[str, int],
    step: Callable[[str], None],
) -> list[tuple[str, str, dt.datetime, str]]:
    """A signed round over every asset each Monday; returns (asset, inspection, when, note)
    of each failed device, for the work orders that the failures open."""
    from workbench.data.models.inspections import (
        DeviceInspection,
        InspectionResult,
        InspectionRound,
        InspectionRoundAsset,
    )
    from workbench.domain import checklists as rules
    from workbench.domain.inspections import format_round_number
    from workbench.domain.timeutil import LOCAL_TZ
    from workbench.services import checklists as checklist_service

    s = b.session
    checklists: dict[str, tuple[str, rules.Checklist]] = {}
    for category in {a["category"] for a in assets}:
        row = checklist_service.current_row(s, category)
        checklists[category] = (row.id, checklist_service.as_checklist(row))
    in_scope = [a for a in assets if a["status"] != "retired"]
    failed_devices: list[tuple[str, str, dt.datetime, str]] = []
    levels: dict[tuple[str, str], float] = {}
    rounds = 0
    inspections = 0
    results = 0
    for day in _weekly_days(b.start, b.end):
        engineer = b.rng.choice(people)
        started = dt.datetime.combine(day, dt.time(8, 30), tzinfo=LOCAL_TZ).astimezone(dt.UTC)
        year = day.year
        seq = b.next_number(f"inspection_round:{year}")
        round_id = _uuid(b.rng)
        round_rows: list[dict[str, Any]] = []
        scope_rows: list[dict[str, Any]] = []
        inspection_rows: list[dict[str, Any]] = []
        result_rows: list[dict[str, Any]] = []
        at = started
        for position, asset in enumerate(in_scope):
            scope_rows.append({"round_id": round_id, "asset_id": asset["id"], "position": position})
            checklist_id, checklist = checklists[asset["category"]]
            values = _readings(b.rng, levels, asset["code"], checklist, day)
            fail = b.rng.random() < b.scale.failure_rate
            if fail:
                item = next((i for i in checklist.items if i.kind == "check"), None)
                if item is not None:
                    values[item.key] = "fail"
            judged = rules.evaluate_all(checklist, values)
            failed = bool(rules.failures(judged))
            at += dt.timedelta(seconds=b.rng.randint(20, 90))
            inspection_id = _uuid(b.rng)
            inspection_rows.append(
                {
                    "id": inspection_id,
                    "round_id": round_id,
                    "asset_id": asset["id"],
                    "checklist_id": checklist_id,
                    "inspected_at": at,
                    "failed": failed,
                    "note": "",
                    "work_order_id": None,
                    "work_order_number": "",
                    "created_at": at,
                    "updated_at": at,
                }
            )
            for index, r in enumerate(judged):
                result_rows.append(
                    {
                        "id": _uuid(b.rng),
                        "inspection_id": inspection_id,
                        "position": index,
                        "item_key": r.key,
                        "kind": checklist.item(r.key).kind,
                        "value": r.value,
                        "number": r.number,
                        "passed": r.passed,
                        "note": "",
                    }
                )
            if failed:
                failed_devices.append((asset["id"], inspection_id, at, asset["code"]))
        finished = at + dt.timedelta(minutes=5)
        signed = finished + dt.timedelta(minutes=b.rng.randint(10, 120))
        round_rows.append(
            {
                "id": round_id,
                "number": format_round_number(year, seq),
                "year": year,
                "seq": seq,
                "contract_id": b.contract.id,
                "kind": "routine",
                "scope": "all",
                "scope_value": "",
                "engineer_id": engineer[0],
                "planned_date": day,
                "status": "signed",
                "started_at": started,
                "paused_at": None,
                "finished_at": finished,
                "signed_at": signed,
                "unchecked_reason": "",
                "note": "",
                "client_representative": b.rng.choice(CLIENT_SIGNERS),
                "created_by": engineer[1],
                "demo": False,
                "version": 3,
                "created_at": started,
                "updated_at": signed,
            }
        )
        _insert(s, InspectionRound, round_rows)
        _insert(s, InspectionRoundAsset, scope_rows)
        _insert(s, DeviceInspection, inspection_rows)
        _insert(s, InspectionResult, result_rows)
        b.sign("inspection_round", round_id, engineer, signed)
        rounds += 1
        inspections += len(inspection_rows)
        results += len(result_rows)
        if rounds % 20 == 0:
            step(f"{rounds} rounds, {inspections} device inspections, {results} results")
    counts.update(rounds=rounds, device_inspections=inspections, inspection_results=results)
    step(f"{rounds} rounds, {inspections} device inspections, {results} results")
    return failed_devices


def _readings(
    rng: random.Random,
    levels: dict[tuple[str, str], float],
    code: str,
    checklist: Any,
    day: dt.date,
) -> dict[str, str]:
    """Plausible values: numbers drift inside their limits, choices the first good one."""
    values: dict[str, str] = {}
    for item in checklist.items:
        if item.kind == "number":
            low = item.low if item.low is not None else 0.0
            high = item.high if item.high is not None else max(low * 2, 100.0)
            key = (code, item.key)
            level = levels.get(key, low + (high - low) * rng.uniform(0.3, 0.6))
            seasonal = 0.05 * (high - low) * math.sin(day.timetuple().tm_yday / 58.0)
            level = min(high, max(low, level + rng.uniform(-0.02, 0.02) * (high - low)))
            levels[key] = level
            value = min(high, max(low, level + seasonal))
            values[item.key] = f"{value:.1f}"
        elif item.kind == "choice":
            good = [c for c in item.choices if not c.fail]
            if good:
                values[item.key] = good[0].key
        elif item.kind == "check":
            values[item.key] = "pass"
    return values


def _add_work_orders(  # noqa: PLR0917
    b: _Builder,
    assets: list[dict[str, Any]],
    people: list[tuple[str, str]],
    findings: list[tuple[str, str, dt.datetime, str]],
    counts: dict[str, int],
    step: Callable[[str], None],
) -> None:
    """Faults and service tasks spread over the years, plus one order per finding."""
    from workbench.data.models.inspections import DeviceInspection
    from workbench.data.models.workorders import (
        WorkLogEntry,
        WorkOrder,
        WorkOrderAsset,
        WorkOrderEvent,
    )
    from workbench.domain import sla as sla_rules
    from workbench.domain import workorders as rules

    s = b.session
    devices = [a for a in assets if a["kind"] == "device" and a["status"] != "retired"]
    systems = [a for a in assets if a["kind"] != "device"]
    span = (b.end - b.start).total_seconds()
    plans: list[tuple[dt.datetime, str, str, dict[str, Any], str | None]] = []
    for asset_id, inspection_id, at, code in findings:
        plans.append(
            (at, "inspection_finding", "inspection", {"id": asset_id, "code": code}, inspection_id)
        )
    while len(plans) < b.scale.work_orders:
        at = b.start + dt.timedelta(seconds=b.rng.uniform(0, span))
        if b.rng.random() < 0.8:
            plans.append((at, "fault", "hotline", b.rng.choice(devices), None))
        else:
            kind = b.rng.choice(SERVICE_TASKS)[0]
            target = b.rng.choice(systems or devices)
            plans.append((at, kind, "onsite", target, None))
    plans.sort(key=lambda p: p[0])
    orders: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    entries: list[dict[str, Any]] = []
    finding_links: list[dict[str, Any]] = []
    minute = dt.timedelta(minutes=1)
    for planned, kind, channel, asset, finding in plans:
        reported = planned.replace(microsecond=0)
        year = rules.number_year(reported)
        seq = b.next_number(f"work_order:{year}")
        number = rules.format_number(year, seq)
        order_id = _uuid(b.rng)
        engineer = b.rng.choice(people)
        description, cause, resolution = b.rng.choice(FAULTS)
        if kind in ("service_request", "hardening", "key_period"):
            description = next(t for k, t in SERVICE_TASKS if k == kind)
            cause, resolution = "", "已按要求完成"
        due: dict[str, dt.datetime | None] = {"response": None, "onsite": None, "restore": None}
        if rules.sla_applies(kind):
            due.update(sla_rules.deadlines(reported, b.sla))
        late = b.rng.random() < 0.03
        responded = reported + minute * b.rng.uniform(3, 45 if late else 25)
        onsite = responded + minute * b.rng.uniform(10, 80)
        restored = onsite + minute * b.rng.uniform(15, 150 if late else 60)
        sign_at = restored + minute * b.rng.uniform(30, 60 * 24)
        times = {"responded": responded, "onsite": onsite, "restored": restored}
        age = b.end - reported
        # The last days hold work in hand; everything older is signed (a few cancelled).
        if age < dt.timedelta(hours=2):
            path = ["reported", "responded", "onsite"][: b.rng.randint(1, 3)]
        elif age < dt.timedelta(days=2) and b.rng.random() < 0.5:
            path = ["reported", "responded", "onsite", "restored"]
        elif kind == "fault" and b.rng.random() < 0.01:
            path = ["reported", "cancelled"]
            times["cancelled"] = responded
        else:
            path = ["reported", "responded", "onsite", "restored", "closed", "signed"]
            times["closed"] = sign_at
            times["signed"] = sign_at
        times = {k: v.replace(microsecond=0) for k, v in times.items()}
        status = path[-1]
        order = {
            "id": order_id,
            "number": number,
            "year": year,
            "seq": seq,
            "contract_id": b.contract.id,
            "type": kind,
            "channel": channel,
            "priority": "high" if kind == "fault" and b.rng.random() < 0.2 else "normal",
            "status": status,
            "reporter_name": b.rng.choice(REPORTERS)[0],
            "reporter_phone": b.rng.choice(REPORTERS)[1],
            "description": f"{asset['code']} {description}",
            "engineer_id": engineer[0] if status != "reported" else None,
            "reported_at": reported,
            "response_due": due["response"],
            "onsite_due": due["onsite"],
            "restore_due": due["restore"],
            "cause": cause if "restored" in path else "",
            "resolution": resolution if "restored" in path else "",
            "contractor_caused": b.rng.random() < 0.03,
            "created_by": engineer[1],
            "demo": False,
            "version": len(path),
            "created_at": reported,
            "updated_at": times.get(status, reported),
        }
        for field in ("responded", "onsite", "restored", "closed", "signed", "cancelled"):
            order[f"{field}_at"] = times.get(field) if field in path else None
        orders.append(order)
        links.append({"work_order_id": order_id, "asset_id": asset["id"], "position": 0})
        previous = ""
        for to_status in path:
            at = reported if to_status == "reported" else times[to_status]
            events.append(
                {
                    "id": _uuid(b.rng),
                    "work_order_id": order_id,
                    "from_status": previous,
                    "to_status": to_status,
                    "at": at,
                    "actor": engineer[1],
                    "engineer_id": None if to_status == "reported" else engineer[0],
                    "note": "",
                    "recorded_at": at,
                }
            )
            previous = to_status
        if "onsite" in path:
            at = times["onsite"] + 2 * minute
            entries.append(
                {
                    "id": _uuid(b.rng),
                    "work_order_id": order_id,
                    "engineer_id": engineer[0],
                    "at": at,
                    "recorded_at": at,
                    "text": f"到场处理：{description}。现场检查发现{cause or '需按要求处理'}。",
                    "amends_id": None,
                    "demo": False,
                }
            )
        if "restored" in path:
            at = times["restored"] - minute
            entries.append(
                {
                    "id": _uuid(b.rng),
                    "work_order_id": order_id,
                    "engineer_id": engineer[0],
                    "at": at,
                    "recorded_at": at,
                    "text": resolution,
                    "amends_id": None,
                    "demo": False,
                }
            )
        if status == "signed":
            b.sign("work_order", order_id, engineer, times["signed"])
        if finding is not None:
            finding_links.append({"iid": finding, "wid": order_id, "wnum": number})
    _insert(s, WorkOrder, orders)
    _insert(s, WorkOrderAsset, links)
    _insert(s, WorkOrderEvent, events)
    _insert(s, WorkLogEntry, entries)
    from sqlalchemy import bindparam

    table: Table = DeviceInspection.__table__  # type: ignore[assignment]

    for chunk in _chunks(finding_links):
        s.execute(
            update(table)
            .where(table.c.id == bindparam("iid"))
            .values(work_order_id=bindparam("wid"), work_order_number=bindparam("wnum")),
            chunk,
            execution_options={"synchronize_session": False},
        )
    counts.update(
        work_orders=len(orders),
        work_order_events=len(events),
        work_log_entries=len(entries),
    )
    step(f"{len(orders)} work orders, {len(events)} events, {len(entries)} log entries")


def _set_counters(b: _Builder) -> None:
    from workbench.data.models.workorders import SequenceCounter

    rows = [{"name": k, "value": v} for k, v in sorted(b.counters.items())]
    rows.append({"name": "signed_record", "value": len(b.to_sign)})
    _insert(b.session, SequenceCounter, rows)


def _link_chain(
    session: Session, to_sign: list[tuple[dt.datetime, str, str]], step: Callable[[str], None]
) -> int:
    """Hash every signed record with its area's content builder and link the chain in
    the order of signing."""
    from workbench.data.models import SignedRecord
    from workbench.data.models.inspections import DeviceInspection
    from workbench.domain import hashing
    from workbench.services import signing

    prev = hashing.GENESIS_HASH
    rows: list[dict[str, Any]] = []
    for seq, (signed_at, record_type, record_id) in enumerate(sorted(to_sign), start=1):
        preloaded: list[DeviceInspection] = []
        if record_type == "inspection_round":
            # Load the round's inspections with their results in two queries, so the
            # builder finds them in the session instead of querying one by one (the
            # list holds them: the session's identity map keeps only weak references).
            preloaded = list(
                session.scalars(
                    select(DeviceInspection)
                    .where(DeviceInspection.round_id == record_id)
                    .options(
                        selectinload(DeviceInspection.results),
                        selectinload(DeviceInspection.attachments),
                    )
                )
            )
        content = signing.compute_content_hash(session, record_type, record_id)
        chain = hashing.chain_hash(prev, content)
        rows.append(
            {
                "seq": seq,
                "record_type": record_type,
                "record_id": record_id,
                "content_hash": content,
                "prev_hash": prev,
                "chain_hash": chain,
                "signed_at": signed_at,
            }
        )
        prev = chain
        if seq % 500 == 0 or preloaded:
            preloaded.clear()
            session.expunge_all()
        if seq % 5000 == 0:
            step(f"{seq} of {len(to_sign)} records hashed")
    _insert(session, SignedRecord, rows)
    return len(rows)
