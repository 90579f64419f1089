"""Import and export of the asset registry as xlsx or csv.

Import matches rows on the asset code, creates or updates, validates every row first and
applies all or nothing. Every problem is reported with its row and column; the store is
unchanged when any row is bad.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.data.models import Asset, AssetCategory
from workbench.domain.assets import (
    KIND_LABELS_ZH,
    STATUS_LABELS_ZH,
    AssetInput,
    normalise_code,
    validate,
)
from workbench.domain.messages import QT_TRANSLATE_NOOP, WorkbenchError
from workbench.services import spreadsheets
from workbench.services.assets import (
    ASSET_FIELD_LIMITS,
    AssetFilter,
    AssetRow,
    create_asset,
    get_asset,
    list_assets,
    update_asset,
)
from workbench.services.spreadsheets import (
    ImportRefused,
    Record,
    RowProblem,
    Table,
    problem,
    text,
)

__all__ = [
    "COLUMNS",
    "MAX_IMPORT_BYTES",
    "MAX_IMPORT_ROWS",
    "ImportRefused",
    "ImportReport",
    "RowProblem",
    "export_assets",
    "import_assets",
    "read_table",
    "write_assets",
]

MAX_IMPORT_BYTES = spreadsheets.MAX_FILE_BYTES
MAX_IMPORT_ROWS = spreadsheets.MAX_ROWS

# (field, Chinese header). Both the field name and the Chinese header are accepted.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("code", "设备编号"),
    ("name", "名称"),
    ("kind", "类型"),
    ("category", "类别"),
    ("line_item", "合同序号"),
    ("model", "型号"),
    ("serial_number", "序列号"),
    ("location", "位置"),
    ("url", "网址"),
    ("status", "状态"),
    ("notes", "备注"),
)
REQUIRED = ("code", "name", "kind", "category")
_TEXT_FIELDS = tuple(f for f, _ in COLUMNS if f != "line_item")


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    dry_run: bool = False


# -- validating rows -----------------------------------------------------------------
@dataclass(frozen=True)
class _Lookups:
    """What a row's texts are checked against: the store's categories and the labels."""

    kinds: dict[str, str]  # category code -> kind
    category_by_name: dict[str, str]
    status_by_label: dict[str, str]
    kind_by_label: dict[str, str]

    @classmethod
    def load(cls, session: Session) -> _Lookups:
        categories = list(session.scalars(select(AssetCategory)))
        return cls(
            kinds={c.code: c.kind for c in categories},
            category_by_name={c.name: c.code for c in categories},
            status_by_label={v: k for k, v in STATUS_LABELS_ZH.items()},
            kind_by_label={v: k for k, v in KIND_LABELS_ZH.items()},
        )


def _line_item(raw: Any) -> tuple[int | None, str | None]:
    """The line item of a cell, or the text that is not a whole number."""
    if raw in (None, ""):
        return None, None
    if isinstance(raw, bool):
        return None, str(raw)
    if isinstance(raw, int):
        return raw, None
    if isinstance(raw, float) and raw.is_integer():
        return int(raw), None
    value = text(raw)
    return (int(value), None) if value.isdigit() else (None, value)


def _row_problems(
    table: Table, record: Record, lookups: _Lookups
) -> tuple[AssetInput, list[RowProblem]]:
    cells = record.cells
    problems: list[RowProblem] = []

    def bad(name: str, template: str, **params: Any) -> None:
        problems.append(problem(record.number, table.column(name), template, **params))

    line_item, not_a_number = _line_item(cells.get("line_item"))
    if not_a_number is not None:
        bad(
            "line_item",
            QT_TRANSLATE_NOOP("messages", "'{value}' is not a whole number."),
            value=not_a_number,
        )
    for name in _TEXT_FIELDS:
        value = cells.get(name)
        if value is not None and not isinstance(value, str | int | float | dt.date | dt.time):
            bad(
                name,
                QT_TRANSLATE_NOOP("messages", "Expected text, found '{value}'."),
                value=value,
            )
    kind = record.text("kind")
    category = record.text("category")
    status = record.text("status") or "in_use"
    value = AssetInput(
        code=normalise_code(record.text("code")),
        name=record.text("name"),
        kind=lookups.kind_by_label.get(kind, kind),
        category=lookups.category_by_name.get(category, category),
        line_item=line_item,
        model=record.text("model"),
        serial_number=record.text("serial_number"),
        location=record.text("location"),
        url=record.text("url"),
        status=lookups.status_by_label.get(status, status),
        notes=record.text("notes"),
    )
    for found in validate(value, category_kinds=lookups.kinds, max_lengths=ASSET_FIELD_LIMITS):
        problems.append(RowProblem(record.number, table.column(found.field), found.message))
    return value, problems


def _parse_rows(path: Path, table: Table, session: Session) -> list[tuple[int, AssetInput]]:
    lookups = _Lookups.load(session)
    problems: list[RowProblem] = []
    parsed: list[tuple[int, AssetInput]] = []
    seen: dict[str, int] = {}
    for record in table.records:
        value, row_problems = _row_problems(table, record, lookups)
        problems += row_problems
        if value.code in seen:
            problems.append(
                problem(
                    record.number,
                    table.column("code"),
                    QT_TRANSLATE_NOOP(
                        "messages", "Code '{code}' appears again (first in row {first})."
                    ),
                    code=value.code,
                    first=seen[value.code],
                )
            )
        elif value.code:
            seen[value.code] = record.number
        parsed.append((record.number, value))
    if problems:
        raise ImportRefused(path, problems)
    return parsed


def read_table(path: Path) -> Table:
    """The registry sheet at ``path``, its header matched to :data:`COLUMNS`."""
    return spreadsheets.map_columns(path, spreadsheets.read_rows(path), COLUMNS, REQUIRED)


def import_assets(session: Session, path: Path, *, dry_run: bool = False) -> ImportReport:
    """Validate the whole file, then apply it in the caller's transaction.

    Raises :class:`ImportRefused` (and changes nothing) if any row is bad. With
    ``dry_run`` nothing is written, but the report says what would happen.
    """
    parsed = _parse_rows(path, read_table(path), session)
    report = ImportReport(dry_run=dry_run)
    existing = {
        a.code: a
        for a in session.scalars(select(Asset).where(Asset.code.in_([v.code for _, v in parsed])))
    }
    for _row_no, value in parsed:
        current = existing.get(value.code)
        if current is None:
            report.created.append(value.code)
            if not dry_run:
                create_asset(session, value)
            continue
        row = get_asset(session, value.code)
        assert row is not None
        if row.as_input() == value:
            report.unchanged.append(value.code)
            continue
        report.updated.append(value.code)
        if not dry_run:
            update_asset(session, value.code, value)
    return report


# -- export ---------------------------------------------------------------------------
def _export_values(row: AssetRow) -> list[Any]:
    return [
        row.code,
        row.name,
        KIND_LABELS_ZH.get(row.kind, row.kind),
        row.category_name,
        row.line_item,
        row.model,
        row.serial_number,
        row.location,
        row.url,
        STATUS_LABELS_ZH.get(row.status, row.status),
        row.notes,
    ]


def export_assets(
    session: Session, path: Path, codes: Iterable[str] | None = None, flt: AssetFilter | None = None
) -> int:
    """Write the assets (all, a filter, or the given codes) to ``path``; returns the count."""
    rows = list_assets(session, flt)
    if codes is not None:
        wanted = {normalise_code(c) for c in codes}
        rows = [r for r in rows if r.code in wanted]
    write_assets(rows, path)
    return len(rows)


def write_assets(rows: Sequence[AssetRow], path: Path) -> None:
    headers = [h for _, h in COLUMNS]
    suffix = path.suffix.lower()
    tmp = path.with_name(path.name + ".part")
    if suffix == ".xlsx":
        import openpyxl
        from openpyxl.styles import Font

        book = openpyxl.Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = "设备清单"
        sheet.append(headers)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(_export_values(row))
        spreadsheets.as_text_cells(sheet)
        sheet.freeze_panes = "A2"
        for column, width in zip(
            "ABCDEFGHIJK", (16, 28, 8, 16, 9, 26, 18, 18, 36, 8, 30), strict=True
        ):
            sheet.column_dimensions[column].width = width
        book.save(tmp)
    elif suffix == ".csv":
        with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(headers)
            for row in rows:
                writer.writerow(
                    ["" if v is None else spreadsheets.inert(v) for v in _export_values(row)]
                )
    else:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "Unsupported file type '{suffix}': use .xlsx or .csv."),
            suffix=suffix,
        )
    tmp.replace(path)
