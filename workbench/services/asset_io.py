"""Import and export of the asset registry as xlsx or csv.

Import matches rows on the asset code, creates or updates, validates every row first and
applies all or nothing. Every problem is reported with its row and column; the store is
unchanged when any row is bad.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
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
from workbench.domain.messages import QT_TRANSLATE_NOOP, Message, WorkbenchError
from workbench.services.assets import (
    AssetFilter,
    AssetRow,
    create_asset,
    get_asset,
    list_assets,
    update_asset,
)

MAX_IMPORT_BYTES = 20 * 1024 * 1024
MAX_IMPORT_ROWS = 50_000

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
_HEADER_TO_FIELD = {h.lower(): f for f, h in COLUMNS} | {f: f for f, _ in COLUMNS}
_FIELD_HEADER = dict(COLUMNS)


@dataclass(frozen=True)
class RowProblem:
    row: int  # 1-based row number in the file, the header being row 1
    column: str  # header as written in the file ("" for the whole row or file)
    message: Message

    def render(self, translate: Any = None) -> str:
        text = self.message.render(translate) if translate else str(self.message)
        if self.row == 0:
            return text
        where = Message(
            QT_TRANSLATE_NOOP("messages", "Row {row}, column {column}: {text}")
            if self.column
            else QT_TRANSLATE_NOOP("messages", "Row {row}: {text}"),
            {"row": self.row, "column": self.column, "text": text},
        )
        return where.render(translate) if translate else str(where)


class ImportRefused(WorkbenchError):
    """The file was refused as a whole; ``problems`` lists every reason."""

    def __init__(self, path: Path, problems: Sequence[RowProblem]) -> None:
        self.path = path
        self.problems = list(problems)
        super().__init__(
            QT_TRANSLATE_NOOP(
                "messages", "{file} was not imported ({count} problems); nothing was changed."
            ),
            file=path.name,
            count=len(self.problems),
        )

    def render(self, translate: Any = None) -> str:
        lines = [super().render(translate) if translate else str(self.message)]
        lines += [p.render(translate) for p in self.problems]
        return "\n".join(lines)


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    dry_run: bool = False


# -- reading files ------------------------------------------------------------------
def _file_problem(template: str, **params: Any) -> RowProblem:
    return RowProblem(0, "", Message(template, params))


def _read_rows(path: Path) -> list[list[Any]]:
    """The file's rows as lists of cell values (header first)."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImportRefused(
            path,
            [
                _file_problem(
                    QT_TRANSLATE_NOOP("messages", "Cannot read the file: {error}"),
                    error=exc.strerror,
                )
            ],
        ) from exc
    if size == 0:
        raise ImportRefused(
            path, [_file_problem(QT_TRANSLATE_NOOP("messages", "The file is empty."))]
        )
    if size > MAX_IMPORT_BYTES:
        raise ImportRefused(
            path,
            [
                _file_problem(
                    QT_TRANSLATE_NOOP("messages", "The file is too large (over {mb} MB)."),
                    mb=MAX_IMPORT_BYTES // 2**20,
                )
            ],
        )
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if suffix in (".csv", ".txt"):
        return _read_csv(path)
    raise ImportRefused(
        path,
        [
            _file_problem(
                QT_TRANSLATE_NOOP(
                    "messages", "Unsupported file type '{suffix}': use .xlsx or .csv."
                ),
                suffix=suffix,
            )
        ],
    )


def _read_xlsx(path: Path) -> list[list[Any]]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise ImportRefused(
            path,
            [
                _file_problem(
                    QT_TRANSLATE_NOOP("messages", "This is not an Excel workbook (.xlsx): {error}"),
                    error=str(exc) or type(exc).__name__,
                )
            ],
        ) from exc
    try:
        sheet = book.worksheets[0]
        rows = []
        for index, row in enumerate(sheet.iter_rows(values_only=True)):
            if index > MAX_IMPORT_ROWS:
                raise ImportRefused(
                    path,
                    [
                        _file_problem(
                            QT_TRANSLATE_NOOP("messages", "Too many rows (over {max})."),
                            max=MAX_IMPORT_ROWS,
                        )
                    ],
                )
            rows.append(list(row))
        return rows
    finally:
        book.close()


def _read_csv(path: Path) -> list[list[Any]]:
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise ImportRefused(
            path, [_file_problem(QT_TRANSLATE_NOOP("messages", "This is not a text (CSV) file."))]
        )
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes nearly anything
        raise ImportRefused(
            path,
            [
                _file_problem(
                    QT_TRANSLATE_NOOP("messages", "The file's text encoding is not UTF-8 or GBK.")
                )
            ],
        )
    # The delimiter is whichever of , ; TAB the header line uses most (Excel in some
    # locales writes ;). Quoting follows Excel's rules; csv.Sniffer guesses those wrong.
    header_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=header_line.count)
    try:
        return list(csv.reader(io.StringIO(text), csv.excel, delimiter=delimiter))
    except csv.Error as exc:
        raise ImportRefused(
            path,
            [
                _file_problem(
                    QT_TRANSLATE_NOOP("messages", "The CSV file is malformed: {error}"),
                    error=str(exc),
                )
            ],
        ) from exc


# -- validating rows -----------------------------------------------------------------
def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="minutes" if value.second == 0 else "seconds")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _parse_rows(
    path: Path, rows: list[list[Any]], session: Session
) -> list[tuple[int, AssetInput]]:
    rows = [r for r in rows if any(_text(c) for c in r)]
    if not rows:
        raise ImportRefused(
            path, [_file_problem(QT_TRANSLATE_NOOP("messages", "The file is empty."))]
        )
    header = [_text(h) for h in rows[0]]
    problems: list[RowProblem] = []
    fields: list[str | None] = []
    for name in header:
        key = _HEADER_TO_FIELD.get(name.lower())
        if key is None and name:
            problems.append(
                RowProblem(
                    1,
                    name,
                    Message(
                        QT_TRANSLATE_NOOP("messages", "Unknown column '{column}'."),
                        {"column": name},
                    ),
                )
            )
        fields.append(key)
    for required in REQUIRED:
        if required not in fields:
            problems.append(
                RowProblem(
                    1,
                    _FIELD_HEADER[required],
                    Message(
                        QT_TRANSLATE_NOOP("messages", "Required column '{column}' is missing."),
                        {"column": _FIELD_HEADER[required]},
                    ),
                )
            )
    if problems:
        raise ImportRefused(path, problems)

    categories = {c.code: c for c in session.scalars(select(AssetCategory))}
    by_name = {c.name: c.code for c in categories.values()}
    kinds = {c.code: c.kind for c in categories.values()}
    status_by_label = {v: k for k, v in STATUS_LABELS_ZH.items()}
    kind_by_label = {v: k for k, v in KIND_LABELS_ZH.items()}

    parsed: list[tuple[int, AssetInput]] = []
    seen: dict[str, int] = {}
    for offset, raw in enumerate(rows[1:], start=2):
        cells: dict[str, Any] = {}
        for index, key in enumerate(fields):
            if key is not None:
                cells[key] = raw[index] if index < len(raw) else None
        row_problems: list[RowProblem] = []

        def bad(
            field_name: str,
            template: str,
            *,
            _row: int = offset,
            _list: list[RowProblem] = row_problems,
            **params: Any,
        ) -> None:
            _list.append(
                RowProblem(_row, header[fields.index(field_name)], Message(template, params))
            )

        line_item: int | None = None
        raw_item = cells.get("line_item")
        if raw_item not in (None, ""):
            if isinstance(raw_item, bool):
                bad(
                    "line_item",
                    QT_TRANSLATE_NOOP("messages", "'{value}' is not a whole number."),
                    value=raw_item,
                )
            elif isinstance(raw_item, int):
                line_item = raw_item
            elif isinstance(raw_item, float) and raw_item.is_integer():
                line_item = int(raw_item)
            else:
                text = _text(raw_item)
                if text.isdigit():
                    line_item = int(text)
                else:
                    bad(
                        "line_item",
                        QT_TRANSLATE_NOOP("messages", "'{value}' is not a whole number."),
                        value=text,
                    )
        for text_field in (
            "code",
            "name",
            "kind",
            "category",
            "model",
            "serial_number",
            "location",
            "url",
            "status",
            "notes",
        ):
            value = cells.get(text_field)
            if value is not None and not isinstance(value, str | int | float | dt.date | dt.time):
                bad(
                    text_field,
                    QT_TRANSLATE_NOOP("messages", "Expected text, found '{value}'."),
                    value=value,
                )
        kind = _text(cells.get("kind"))
        kind = kind_by_label.get(kind, kind)
        category = _text(cells.get("category"))
        category = by_name.get(category, category)
        status = _text(cells.get("status")) or "in_use"
        status = status_by_label.get(status, status)
        value = AssetInput(
            code=normalise_code(_text(cells.get("code"))),
            name=_text(cells.get("name")),
            kind=kind,
            category=category,
            line_item=line_item,
            model=_text(cells.get("model")),
            serial_number=_text(cells.get("serial_number")),
            location=_text(cells.get("location")),
            url=_text(cells.get("url")),
            status=status,
            notes=_text(cells.get("notes")),
        )
        for problem in validate(value, category_kinds=kinds):
            row_problems.append(
                RowProblem(
                    offset,
                    header[fields.index(problem.field)]
                    if problem.field in fields
                    else _FIELD_HEADER.get(problem.field, problem.field),
                    problem.message,
                )
            )
        if value.code:
            if value.code in seen:
                bad(
                    "code",
                    QT_TRANSLATE_NOOP(
                        "messages", "Code '{code}' appears again (first in row {first})."
                    ),
                    code=value.code,
                    first=seen[value.code],
                )
            else:
                seen[value.code] = offset
        problems.extend(row_problems)
        parsed.append((offset, value))
    if problems:
        raise ImportRefused(path, problems)
    if not parsed:
        raise ImportRefused(
            path,
            [_file_problem(QT_TRANSLATE_NOOP("messages", "The file has a header but no rows."))],
        )
    return parsed


def import_assets(session: Session, path: Path, *, dry_run: bool = False) -> ImportReport:
    """Validate the whole file, then apply it in the caller's transaction.

    Raises :class:`ImportRefused` (and changes nothing) if any row is bad. With
    ``dry_run`` nothing is written, but the report says what would happen.
    """
    parsed = _parse_rows(path, _read_rows(path), session)
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
                writer.writerow(["" if v is None else v for v in _export_values(row)])
    else:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "Unsupported file type '{suffix}': use .xlsx or .csv."),
            suffix=suffix,
        )
    tmp.replace(path)
