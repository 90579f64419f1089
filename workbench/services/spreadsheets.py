"""Spreadsheets in and out: one defensive reader for every import, and safe cells on export.

Imports (the asset registry, the websites' monitoring sheets) read a file someone sent by
mail, so the reader assumes nothing about it (OWASP's file-upload and CSV-injection
guidance):

- the file is at most :data:`MAX_FILE_BYTES`; an ``.xlsx`` is a zip whose members are
  checked *before* anything is parsed: each member's unpacked size, the total, and the
  compression ratio (a 1 MB file that unpacks to gigabytes is refused, not unpacked);
- every XML part is parsed once by expat with document type declarations refused, so
  entity expansion ("billion laughs") and external entities cannot happen, and malformed
  XML is refused with its line and column; openpyxl then parses with defusedxml too;
- a sheet's ``<dimension>`` is never believed: the rows really there are read and counted
  (openpyxl's read-only mode would pad to a claimed size, or stop at an understated one);
- the same limits hold for ``.xlsx`` and ``.csv``: :data:`MAX_ROWS` data rows,
  :data:`MAX_COLUMNS` columns, :data:`MAX_CELL_CHARS` characters a cell, and no control
  character (NUL, ESC, BEL, ...; TAB and line breaks are text) in any cell.

Every refusal is an :class:`ImportRefused` listing :class:`RowProblem` s, each naming the row
(the row number as the file shows it, the header being the first non-blank row) and the
column (its header, or its letter where the header has none); nothing has been written
when it is raised.

On export, :func:`inert` turns a text that a spreadsheet program would run as a formula
(``=``, ``+``, ``-``, ``@``, TAB or CR first) into plain text.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import threading
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.parsers import expat

from workbench.domain.messages import QT_TRANSLATE_NOOP, Message, Translate, WorkbenchError
from workbench.domain.text import control_character

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ROWS = 50_000  # data rows, the header not counted
MAX_COLUMNS = 64
MAX_CELL_CHARS = 10_000
# The zip inside an .xlsx: what one member and all of them may unpack to, and by how much
# a member may have been compressed (sheets compress ~5-20 times; bombs ~1000 times).
MAX_MEMBER_BYTES = 64 * 1024 * 1024
MAX_UNPACKED_BYTES = 160 * 1024 * 1024
MAX_MEMBERS = 1_000
MAX_RATIO = 100
_RATIO_FROM_BYTES = 1024 * 1024  # small members may compress well; they cannot hurt
MAX_PROBLEMS = 100  # a hostile file is not described cell by cell

_XML_SUFFIXES = (".xml", ".rels", ".vml")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class RowProblem:
    row: int  # 1-based row number in the file (0 for the whole file)
    column: str  # header as written in the file ("" for the whole row or file)
    message: Message

    def render(self, translate: Translate | None = None) -> str:
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

    def render(self, translate: Translate | None = None) -> str:
        lines = [super().render(translate) if translate else str(self.message)]
        lines += [p.render(translate) for p in self.problems]
        return "\n".join(lines)


def problem(row: int, where: str, template: str, /, **params: Any) -> RowProblem:
    """A problem in row ``row`` (0: the file), column ``where`` ("": the row)."""
    return RowProblem(row, where, Message(template, params))


def refuse(path: Path, template: str, /, **params: Any) -> ImportRefused:
    """The whole file refused for one reason (raise the result)."""
    return ImportRefused(path, [problem(0, "", template, **params)])


def text(value: Any) -> str:
    """A cell's value as the text a person reads in it."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="minutes" if value.second == 0 else "seconds")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def column_letter(index: int) -> str:
    """``0`` -> ``A``, ``26`` -> ``AA`` (a column's name where its header is empty)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


# -- the table as the importers see it ------------------------------------------------------
@dataclass(frozen=True)
class Record:
    """One data row: its number in the file and its cells by field."""

    number: int
    cells: dict[str, Any]

    def text(self, name: str) -> str:
        return text(self.cells.get(name))


@dataclass(frozen=True)
class Table:
    header: list[str]  # the header cells as written
    fields: list[str | None]  # the field of each column (None: an empty header)
    records: list[Record]
    defaults: dict[str, str]  # field -> the header to name when the column is absent

    def column(self, name: str) -> str:
        """The header to name in a problem with field ``name``."""
        if name in self.fields:
            return self.header[self.fields.index(name)]
        return self.defaults.get(name, name)

    def has(self, name: str) -> bool:
        return name in self.fields


def header_texts(rows: Sequence[tuple[int, list[Any]]]) -> list[str]:
    """The header row's cells (the first row); empty for an empty file."""
    return [text(h) for h in rows[0][1]] if rows else []


def map_columns(
    path: Path,
    rows: Sequence[tuple[int, list[Any]]],
    columns: Sequence[tuple[str, str]],
    required: Iterable[str],
) -> Table:
    """Match the header of ``rows`` (from :func:`read_rows`) to ``columns``, (field, Chinese
    header) pairs: each column may be headed by either. Unknown or missing required
    columns, an empty file and a header without rows are refused."""
    if not rows:
        raise refuse(path, QT_TRANSLATE_NOOP("messages", "The file is empty."))
    header = header_texts(rows)
    lookup = {h.lower(): f for f, h in columns} | {f: f for f, _ in columns}
    defaults = dict(columns)
    problems: list[RowProblem] = []
    fields: list[str | None] = []
    header_row = rows[0][0]
    for name in header:
        found = lookup.get(name.lower())
        if found is None and name:
            problems.append(
                problem(
                    header_row,
                    name,
                    QT_TRANSLATE_NOOP("messages", "Unknown column '{column}'."),
                    column=name,
                )
            )
        fields.append(found)
    for name in required:
        if name not in fields:
            problems.append(
                problem(
                    header_row,
                    defaults[name],
                    QT_TRANSLATE_NOOP("messages", "Required column '{column}' is missing."),
                    column=defaults[name],
                )
            )
    if problems:
        raise ImportRefused(path, problems)
    if len(rows) == 1:
        raise refuse(path, QT_TRANSLATE_NOOP("messages", "The file has a header but no rows."))
    records = [
        Record(
            number,
            {f: (raw[i] if i < len(raw) else None) for i, f in enumerate(fields) if f is not None},
        )
        for number, raw in rows[1:]
    ]
    return Table(header, fields, records, defaults)


# -- reading -------------------------------------------------------------------------------
def read_rows(path: Path) -> list[tuple[int, list[Any]]]:
    """The file's non-blank rows with their row numbers, the header first.

    Raises :class:`ImportRefused` for anything over the limits or not readable.
    """
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise refuse(
            path,
            QT_TRANSLATE_NOOP("messages", "Cannot read the file: {error}"),
            error=exc.strerror,
        ) from exc
    if size == 0:
        raise refuse(path, QT_TRANSLATE_NOOP("messages", "The file is empty."))
    if size > MAX_FILE_BYTES:
        raise refuse(
            path,
            QT_TRANSLATE_NOOP("messages", "The file is too large (over {mb} MB)."),
            mb=MAX_FILE_BYTES // 2**20,
        )
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _Checker(path).collect(_xlsx_rows(path))
    if suffix in (".csv", ".txt"):
        with _csv_field_limit():
            return _Checker(path).collect(_csv_rows(path))
    raise refuse(
        path,
        QT_TRANSLATE_NOOP("messages", "Unsupported file type '{suffix}': use .xlsx or .csv."),
        suffix=suffix,
    )


class _Checker:
    """The limits every format shares, applied row by row as the rows are read."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.header: list[str] = []
        self.problems: list[RowProblem] = []

    def collect(self, rows: Iterator[tuple[int, Sequence[Any]]]) -> list[tuple[int, list[Any]]]:
        kept: list[tuple[int, list[Any]]] = []
        for number, raw in rows:
            values = self._trimmed(number, raw)
            if not any(text(v) for v in values):
                continue
            if len(kept) > MAX_ROWS:
                raise refuse(
                    self.path,
                    QT_TRANSLATE_NOOP("messages", "Too many rows (over {max})."),
                    max=MAX_ROWS,
                )
            self._check_cells(number, values)
            if not kept:
                self.header = [text(v) for v in values]
            kept.append((number, values))
            if len(self.problems) >= MAX_PROBLEMS:
                break
        if self.problems:
            raise ImportRefused(self.path, self.problems)
        return kept

    def column(self, index: int) -> str:
        name = self.header[index] if index < len(self.header) else ""
        return name or column_letter(index)

    def _trimmed(self, number: int, raw: Sequence[Any]) -> list[Any]:
        if len(raw) <= MAX_COLUMNS:
            return list(raw)
        tail = raw[MAX_COLUMNS:]
        extra = [i for i, v in enumerate(tail, start=MAX_COLUMNS) if text(v)]
        if extra:
            raise ImportRefused(
                self.path,
                [
                    problem(
                        number,
                        column_letter(extra[0]),
                        QT_TRANSLATE_NOOP("messages", "Too many columns: at most {max} are read."),
                        max=MAX_COLUMNS,
                    )
                ],
            )
        return list(raw[:MAX_COLUMNS])

    def _check_cells(self, number: int, values: list[Any]) -> None:
        for index, value in enumerate(values):
            if not isinstance(value, str):
                continue
            if len(value) > MAX_CELL_CHARS:
                self.problems.append(
                    problem(
                        number,
                        self.column(index),
                        QT_TRANSLATE_NOOP(
                            "messages", "The cell is too long ({length} characters, at most {max})."
                        ),
                        length=len(value),
                        max=MAX_CELL_CHARS,
                    )
                )
                continue
            bad = control_character(value)
            if bad is not None:
                self.problems.append(
                    problem(
                        number,
                        self.column(index),
                        QT_TRANSLATE_NOOP(
                            "messages", "The cell holds the control character {char}."
                        ),
                        char=bad,
                    )
                )


# -- xlsx ----------------------------------------------------------------------------------
class _DoctypeRefused(Exception):
    pass


def _no_doctype(*_args: Any) -> None:
    raise _DoctypeRefused


def _no_external_entity(*_args: Any) -> int:
    raise _DoctypeRefused


def _check_archive(path: Path) -> None:
    """Refuse a zip bomb or dangerous XML before openpyxl opens the file."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise refuse(
            path,
            QT_TRANSLATE_NOOP("messages", "This is not an Excel workbook (.xlsx): {error}"),
            error=str(exc) or type(exc).__name__,
        ) from exc
    with archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise refuse(
                path,
                QT_TRANSLATE_NOOP("messages", "The workbook has too many parts ({count})."),
                count=len(members),
            )
        total = 0
        for info in members:
            total += info.file_size
            ratio = info.file_size / max(info.compress_size, 1)
            too_big = info.file_size > MAX_MEMBER_BYTES or total > MAX_UNPACKED_BYTES
            if too_big or (info.file_size > _RATIO_FROM_BYTES and ratio > MAX_RATIO):
                raise refuse(
                    path,
                    QT_TRANSLATE_NOOP(
                        "messages",
                        "The workbook part {part} unpacks to {mb} MB from {kb} KB; a workbook "
                        "may unpack to at most {max} MB, and by at most {ratio} times.",
                    ),
                    part=info.filename,
                    mb=round(info.file_size / 2**20, 1),
                    kb=round(info.compress_size / 1024, 1),
                    max=MAX_MEMBER_BYTES // 2**20,
                    ratio=MAX_RATIO,
                )
        for info in members:
            if info.filename.lower().endswith(_XML_SUFFIXES):
                _check_xml(path, archive, info)


def _check_xml(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """One pass of expat over a part: well-formed, and no DTD (so no entities at all)."""
    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = _no_doctype
    parser.EntityDeclHandler = _no_doctype
    parser.ExternalEntityRefHandler = _no_external_entity
    try:
        with archive.open(info) as member:
            while chunk := member.read(1 << 20):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except _DoctypeRefused as exc:
        raise refuse(
            path,
            QT_TRANSLATE_NOOP(
                "messages",
                "The workbook part {part} declares a document type (entities); "
                "Excel never writes that, so the file is refused.",
            ),
            part=info.filename,
        ) from exc
    except expat.ExpatError as exc:
        raise refuse(
            path,
            QT_TRANSLATE_NOOP(
                "messages",
                "The workbook part {part} is not well-formed XML (line {line}, column "
                "{column}): {error}",
            ),
            part=info.filename,
            line=exc.lineno,
            column=exc.offset + 1,
            error=expat.ErrorString(exc.code),
        ) from exc
    except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError, EOFError) as exc:
        raise refuse(
            path,
            QT_TRANSLATE_NOOP("messages", "This is not an Excel workbook (.xlsx): {error}"),
            error=str(exc) or type(exc).__name__,
        ) from exc


# What openpyxl raises on a damaged workbook, beyond the zip's own errors.
_OPENPYXL_ERRORS: tuple[type[Exception], ...] = (
    zipfile.BadZipFile,
    KeyError,
    IndexError,
    OSError,
    ValueError,
    TypeError,
    OverflowError,
    AttributeError,
    SyntaxError,  # ElementTree's ParseError
    EOFError,
    NotImplementedError,
)


def _xlsx_rows(path: Path) -> Iterator[tuple[int, Sequence[Any]]]:
    import openpyxl

    _check_archive(path)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except _OPENPYXL_ERRORS as exc:
        raise refuse(
            path,
            QT_TRANSLATE_NOOP("messages", "This is not an Excel workbook (.xlsx): {error}"),
            error=str(exc) or type(exc).__name__,
        ) from exc
    number = 0
    try:
        if not book.worksheets:
            raise refuse(path, QT_TRANSLATE_NOOP("messages", "The file is empty."))
        sheet = book.worksheets[0]
        # Never the sheet's own <dimension>: rows are read as they come, from the first.
        sheet.reset_dimensions()
        for number, row in enumerate(sheet.iter_rows(min_row=1, min_col=1, values_only=True), 1):
            yield number, row
    except _OPENPYXL_ERRORS as exc:
        raise ImportRefused(
            path,
            [
                problem(
                    number + 1,
                    "",
                    QT_TRANSLATE_NOOP("messages", "This row cannot be read: {error}"),
                    error=str(exc) or type(exc).__name__,
                )
            ],
        ) from exc
    finally:
        book.close()


# -- csv -----------------------------------------------------------------------------------
# csv's field limit is process-wide; imports raise it to the file limit while they parse
# (a cell over MAX_CELL_CHARS is then refused by row and column like any other).
_CSV_LIMIT_LOCK = threading.Lock()


def _csv_rows(path: Path) -> Iterator[tuple[int, Sequence[Any]]]:
    data = path.read_bytes()
    if data[:4096].count(b"\x00") > 16:  # UTF-16, a zip, an image: not text at all
        raise refuse(path, QT_TRANSLATE_NOOP("messages", "This is not a text (CSV) file."))
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            content = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes nearly anything
        raise refuse(
            path, QT_TRANSLATE_NOOP("messages", "The file's text encoding is not UTF-8 or GBK.")
        )
    del data
    # The delimiter is whichever of , ; TAB the header line uses most (Excel in some
    # locales writes ;). Quoting follows Excel's rules; csv.Sniffer guesses those wrong.
    header_line = content[: content.find("\n")] if "\n" in content else content
    delimiter = max(",;\t", key=header_line.count)
    number = 0
    try:
        reader = csv.reader(io.StringIO(content), csv.excel, delimiter=delimiter)
        for number, row in enumerate(reader, 1):
            yield number, [_quoted(cell) for cell in row]
    except csv.Error as exc:
        raise ImportRefused(
            path,
            [
                problem(
                    number + 1,
                    "",
                    QT_TRANSLATE_NOOP("messages", "The CSV file is malformed: {error}"),
                    error=str(exc),
                )
            ],
        ) from exc


def _quoted(cell: str) -> str:
    """A cell that :func:`inert` quoted on export reads back as it was."""
    if cell.startswith("'") and cell[1:].startswith(_FORMULA_STARTS):
        return cell[1:]
    return cell


@contextlib.contextmanager
def _csv_field_limit() -> Iterator[None]:
    with _CSV_LIMIT_LOCK:
        previous = csv.field_size_limit(MAX_FILE_BYTES)
        try:
            yield
        finally:
            csv.field_size_limit(previous)


# -- export --------------------------------------------------------------------------------
def inert(value: Any) -> Any:
    """``value`` for a CSV cell: a text a spreadsheet would take for a formula gets a
    leading ``'`` (OWASP's advice), everything else is unchanged."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def looks_like_formula(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(_FORMULA_STARTS)


def as_text_cells(sheet: Any, first_row: int = 2) -> None:
    """Mark every openpyxl cell from ``first_row`` on whose text looks like a formula as a
    plain string cell (``t="s"``, shown with a quote prefix), so that Excel never runs it."""
    for row in sheet.iter_rows(min_row=first_row):
        for cell in row:
            if looks_like_formula(cell.value):
                cell.data_type = "s"
                cell.quotePrefix = True
