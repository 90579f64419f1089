"""Excel exports for the client's own forms: work orders and inspections of a period.

One sheet each, Chinese headers, times as real Excel date-times in Beijing time (the
client's forms compute with them), the header row frozen, columns sized to read. The
period is given as calendar days in Beijing time, both ends included.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from workbench.data.models.inspections import DeviceInspection, InspectionRound
from workbench.domain import reporting as figures
from workbench.domain import workorders as wo_rules
from workbench.domain.messages import QT_TRANSLATE_NOOP, Translate, WorkbenchError
from workbench.domain.timeutil import LOCAL_TZ
from workbench.services import checklists as checklist_service
from workbench.services import workorders as wo
from workbench.services._common import check_period
from workbench.services.reporting import orders_between
from workbench.services.spreadsheets import as_text_cells

DATETIME_FORMAT = "yyyy-mm-dd hh:mm"

WORK_ORDER_COLUMNS: tuple[tuple[str, float], ...] = (
    ("工单号", 14),
    ("类型", 12),
    ("状态", 8),
    ("优先级", 7),
    ("渠道", 8),
    ("设备编号", 16),
    ("设备名称", 22),
    ("故障描述", 36),
    ("报修人", 8),
    ("报修电话", 13),
    ("运维工程师", 10),
    ("报修时间", 17),
    ("响应时间", 17),
    ("到场时间", 17),
    ("恢复时间", 17),
    ("签字时间", 17),
    ("响应用时（分钟）", 10),
    ("恢复用时（分钟）", 10),
    ("SLA结果", 10),
    ("超时项", 14),
    ("超时天数", 8),
    ("违约金（元）", 12),
    ("故障原因", 28),
    ("处理结果", 32),
)
INSPECTION_COLUMNS: tuple[tuple[str, float], ...] = (
    ("巡检单号", 14),
    ("巡检类型", 10),
    ("运维工程师", 10),
    ("设备编号", 16),
    ("设备名称", 22),
    ("类别", 14),
    ("位置", 16),
    ("巡检时间", 17),
    ("结果", 8),
    ("异常项", 30),
    ("备注", 30),
    ("关联工单", 14),
    ("巡检单状态", 10),
)


def _identity(_context: str, text: str) -> str:
    return text


def _local(value: dt.datetime | None) -> dt.datetime | None:
    """A naive Beijing time for Excel (which has no zones)."""
    return None if value is None else value.astimezone(LOCAL_TZ).replace(tzinfo=None)


def _minutes(a: dt.datetime | None, b: dt.datetime | None) -> int | None:
    if a is None or b is None:
        return None
    return round((b - a).total_seconds() / 60)


def work_order_rows(
    session: Session,
    first: dt.date,
    last: dt.date,
    translate: Translate = _identity,
    now: dt.datetime | None = None,
) -> list[list[Any]]:
    """The export's rows of the orders reported ``first`` .. ``last``."""
    check_period(first, last)
    now = now or dt.datetime.now(dt.UTC)
    start, end = figures.day_bounds(first, last)
    rows: list[list[Any]] = []
    for r in orders_between(session, start, end, now):
        if not r.sla:
            result = ""
        elif r.breaches:
            result = translate("workorders", wo_rules.SLA_STATE_NAMES["breached"])
        elif r.restored_at is None:
            result = translate("workorders", wo_rules.SLA_STATE_NAMES["pending"])
        else:
            result = translate("workorders", wo_rules.SLA_STATE_NAMES["met"])
        detail = wo.detail(session, r.number, now=now)
        rows.append(
            [
                r.number,
                translate("workorders", wo_rules.TYPE_NAMES.get(r.type, r.type)),
                translate("workorders", wo_rules.STATUS_NAMES.get(r.status, r.status)),
                translate("workorders", wo_rules.PRIORITY_NAMES.get(r.priority, r.priority)),
                translate("workorders", wo_rules.CHANNEL_NAMES.get(r.channel, r.channel)),
                "、".join(r.asset_codes),
                "、".join(r.asset_names),
                r.description,
                r.reporter_name,
                detail.reporter_phone,
                r.engineer_name,
                _local(r.reported_at),
                _local(r.responded_at),
                _local(r.onsite_at),
                _local(r.restored_at),
                _local(r.signed_at),
                _minutes(r.reported_at, r.responded_at),
                _minutes(r.reported_at, r.restored_at),
                result,
                "、".join(translate("workorders", wo_rules.SLA_NAMES[k]) for k in r.breaches),
                r.days_late or None,
                float(r.penalty_cny) if r.penalty_cny else None,
                detail.cause,
                detail.resolution,
            ]
        )
    return rows


def inspection_rows(session: Session, first: dt.date, last: dt.date) -> list[list[Any]]:
    """The export's rows: every device inspection recorded ``first`` .. ``last``."""
    check_period(first, last)
    start, end = figures.day_bounds(first, last)
    query = (
        select(DeviceInspection)
        .join(InspectionRound, InspectionRound.id == DeviceInspection.round_id)
        .where(DeviceInspection.inspected_at >= start, DeviceInspection.inspected_at < end)
        .options(selectinload(DeviceInspection.results))
        .order_by(DeviceInspection.inspected_at, InspectionRound.number)
    )
    texts: dict[str, dict[str, str]] = {}
    rows: list[list[Any]] = []
    for inspection in session.scalars(query):
        if inspection.checklist_id not in texts:
            checklist = checklist_service.as_checklist(inspection.checklist)
            texts[inspection.checklist_id] = {i.key: i.text for i in checklist.items}
        names = texts[inspection.checklist_id]
        failed = [
            names.get(r.item_key, r.item_key) for r in inspection.results if r.passed is False
        ]
        rnd = inspection.round
        asset = inspection.asset
        rows.append(
            [
                rnd.number,
                "重点时期" if rnd.kind == "key_period" else "日常巡检",
                rnd.engineer.name,
                asset.code,
                asset.name,
                asset.category.name,
                asset.location.name if asset.location else "",
                _local(inspection.inspected_at),
                "异常" if inspection.failed else "正常",
                "；".join(failed),
                inspection.note,
                inspection.work_order_number,
                {"signed": "已签字", "finished": "已完成"}.get(rnd.status, "进行中"),
            ]
        )
    return rows


def write_xlsx(
    path: Path, title: str, columns: Sequence[tuple[str, float]], rows: Sequence[Sequence[Any]]
) -> None:
    """One sheet: bold frozen header, date-time cells formatted, autofilter on."""
    import openpyxl
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    if path.suffix.lower() != ".xlsx":
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "Unsupported file type '{suffix}': use .xlsx."),
            suffix=path.suffix,
        )
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    sheet.append([name for name, _width in columns])
    for c in sheet[1]:
        c.font = Font(bold=True)
        c.fill = PatternFill("solid", fgColor="DCE3EE")
        c.alignment = Alignment(wrap_text=True, vertical="center")
    for row in rows:
        sheet.append(list(row))
    as_text_cells(sheet)  # a description such as =HYPERLINK(...) stays text, never a formula
    for index, (_name, width) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for row_cells in sheet.iter_rows(min_row=2):
        for c in row_cells:
            if isinstance(c.value, dt.datetime):
                c.number_format = DATETIME_FORMAT
    sheet.freeze_panes = "A2"
    if rows:
        sheet.auto_filter.ref = sheet.dimensions
    tmp = path.with_name(path.name + ".part")
    try:
        book.save(tmp)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "Cannot write {path}: {error}"),
            path=str(path),
            error=exc.strerror or str(exc),
        ) from exc


def export_work_orders(  # noqa: PLR0917
    session: Session,
    first: dt.date,
    last: dt.date,
    path: Path,
    translate: Translate = _identity,
    now: dt.datetime | None = None,
) -> int:
    rows = work_order_rows(session, first, last, translate, now)
    write_xlsx(path, "工单", WORK_ORDER_COLUMNS, rows)
    return len(rows)


def export_inspections(session: Session, first: dt.date, last: dt.date, path: Path) -> int:
    rows = inspection_rows(session, first, last)
    write_xlsx(path, "巡检记录", INSPECTION_COLUMNS, rows)
    return len(rows)
