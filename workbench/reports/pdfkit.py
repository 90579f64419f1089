"""Shared building blocks of the printed documents (reportlab, A4, the bundled CJK font).

Every document is a function from a plain read model (``workbench.domain.documents``) to
PDF bytes. Strings are English templates marked with ``QT_TRANSLATE_NOOP("documents",
...)`` and passed through the ``translate`` callable the caller gives (the GUI and the CLI
pass ``workbench.i18n.translate``); the Chinese lives in
``resources/i18n/documents.zh_CN.ts``.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from reportlab.graphics.barcode.code128 import Code128
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import _ContainerSpace

from workbench.domain.documents import ContractHeader, HeadDoc, SignatureDoc
from workbench.domain.keys import display_fingerprint
from workbench.domain.messages import QT_TRANSLATE_NOOP
from workbench.domain.scancodes import head_payload, record_payload
from workbench.domain.timeutil import fmt_local, now
from workbench.reports.fonts import register_reportlab_font

CONTEXT = "documents"

Translate = Callable[[str, str], str]


def identity(_context: str, text: str) -> str:
    """The default ``translate``: the English templates as they are."""
    return text


# Colours: black text, one restrained accent for headings and rules; red and green are
# never the only carrier of a meaning (the text says it too).
INK = colors.black
MUTED = colors.Color(0.35, 0.35, 0.35)
RULE = colors.Color(0.55, 0.55, 0.55)
HEAD_FILL = colors.Color(0.90, 0.92, 0.95)
LABEL_FILL = colors.Color(0.96, 0.96, 0.96)
ACCENT = colors.Color(0.10, 0.20, 0.40)
OK_INK = colors.Color(0.0, 0.42, 0.15)
BAD_INK = colors.Color(0.75, 0.0, 0.0)
WARN_INK = colors.Color(0.65, 0.38, 0.0)

PAGE_MARGIN_X = 18 * mm
PAGE_MARGIN_TOP = 22 * mm
PAGE_MARGIN_BOTTOM = 17 * mm


def tr(translate: Translate, template: str, /, **params: Any) -> str:
    """Translate an English template of the ``documents`` context and fill it in."""
    translated = translate(CONTEXT, template)
    if not params:
        return translated
    try:
        return translated.format(**params)
    except (KeyError, IndexError, ValueError):
        return template.format(**params)


# --- text -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Styles:
    font: str
    body: ParagraphStyle
    small: ParagraphStyle
    tiny: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    section: ParagraphStyle
    cell: ParagraphStyle
    cell_small: ParagraphStyle
    cell_label: ParagraphStyle
    cell_center: ParagraphStyle
    cell_right: ParagraphStyle
    stamp: ParagraphStyle


@functools.cache
def styles() -> Styles:
    """Paragraph styles in the bundled font, with CJK line breaking."""
    font = register_reportlab_font()

    def style(name: str, size: float, leading: float, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(
            name,
            fontName=font,
            fontSize=size,
            leading=leading,
            wordWrap="CJK",
            textColor=kw.pop("textColor", INK),
            **kw,
        )

    return Styles(
        font=font,
        body=style("wb-body", 10, 14.5),
        small=style("wb-small", 8.5, 12),
        tiny=style("wb-tiny", 7, 9, textColor=MUTED),
        title=style("wb-title", 19, 25, alignment=TA_CENTER, spaceAfter=2),
        subtitle=style("wb-subtitle", 9.5, 13, alignment=TA_CENTER, textColor=MUTED),
        section=style(
            "wb-section", 11.5, 15, textColor=ACCENT, spaceBefore=7, spaceAfter=3, keepWithNext=1
        ),
        cell=style("wb-cell", 9, 12.5),
        cell_small=style("wb-cell-small", 8, 10.5),
        cell_label=style("wb-cell-label", 9, 12.5, textColor=colors.Color(0.15, 0.15, 0.15)),
        cell_center=style("wb-cell-center", 9, 12.5, alignment=TA_CENTER),
        cell_right=style("wb-cell-right", 9, 12.5, alignment=TA_RIGHT),
        stamp=style("wb-stamp", 13, 17, alignment=TA_CENTER, textColor=BAD_INK),
    )


def escape(text: str) -> str:
    """Plain text for a Paragraph (which reads a little markup)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def para(text: str, style: ParagraphStyle | None = None, *, markup: bool = False) -> Paragraph:
    """A paragraph of plain text (line breaks kept), or of markup when ``markup``."""
    body = text if markup else escape(text).replace("\n", "<br/>")
    return Paragraph(body, style or styles().body)


def coloured(text: str, colour: colors.Color, bold: bool = False) -> str:
    """Markup for ``text`` in a colour (the font has no bold face: underline instead)."""
    inner = escape(text)
    if bold:
        inner = f"<u>{inner}</u>"
    return f'<font color="{colour.hexval()}">{inner}</font>'


def money(value: Decimal) -> str:
    """``¥3,315.00``."""
    return f"¥{value:,.2f}"


def duration(translate: Translate, delta: dt.timedelta) -> str:
    """``1天2小时5分`` (rounded up to the minute: late is late)."""
    total = int(delta.total_seconds())
    minutes = -(-total // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    parts = []
    if days:
        parts.append(tr(translate, QT_TRANSLATE_NOOP("documents", "{n} d"), n=days))
    if hours:
        parts.append(tr(translate, QT_TRANSLATE_NOOP("documents", "{n} h"), n=hours))
    if mins or not parts:
        parts.append(tr(translate, QT_TRANSLATE_NOOP("documents", "{n} min"), n=mins))
    return "".join(parts)


def minutes_text(translate: Translate, minutes: int) -> str:
    """A contract time limit: ``30分钟`` or ``2小时``."""
    if minutes % 60 == 0 and minutes >= 60:
        return tr(translate, QT_TRANSLATE_NOOP("documents", "{n} hours"), n=minutes // 60)
    return tr(translate, QT_TRANSLATE_NOOP("documents", "{n} minutes"), n=minutes)


NUMERALS = (
    QT_TRANSLATE_NOOP("documents", "I"),
    QT_TRANSLATE_NOOP("documents", "II"),
    QT_TRANSLATE_NOOP("documents", "III"),
    QT_TRANSLATE_NOOP("documents", "IV"),
    QT_TRANSLATE_NOOP("documents", "V"),
    QT_TRANSLATE_NOOP("documents", "VI"),
    QT_TRANSLATE_NOOP("documents", "VII"),
    QT_TRANSLATE_NOOP("documents", "VIII"),
    QT_TRANSLATE_NOOP("documents", "IX"),
    QT_TRANSLATE_NOOP("documents", "X"),
)


def section_title(translate: Translate, n: int, template: str) -> str:
    """``VI. Sign-off`` / ``六、签字确认``: ``template`` holds ``{n}``."""
    numeral = tr(translate, NUMERALS[n - 1]) if 1 <= n <= len(NUMERALS) else str(n)
    return tr(translate, template, n=numeral)


def numbered_section(translate: Translate, n: int, template: str) -> Paragraph:
    """A numbered section heading of a record (see :func:`section_title`)."""
    return para(section_title(translate, n, template), styles().section)


# --- tables -----------------------------------------------------------------------------


def grid_style(header: bool = True, extra: Sequence[tuple[Any, ...]] = ()) -> TableStyle:
    """The house table style: thin grey grid, shaded header row, cells top-aligned."""
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), styles().font),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("BOX", (0, 0), (-1, -1), 0.9, INK),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.4),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL))
    commands.extend(extra)
    return TableStyle(commands)


def table(
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    header: bool = True,
    extra: Sequence[tuple[Any, ...]] = (),
) -> Table:
    data = [list(r) for r in rows]
    if header and data:
        data[0] = [_fit_header(cell, width) for cell, width in zip(data[0], widths, strict=False)]
    t = Table(data, colWidths=list(widths), repeatRows=1 if header else 0)
    t.setStyle(grid_style(header, extra))
    return t


CELL_PADDING = 8  # LEFTPADDING + RIGHTPADDING of grid_style


def _fit_header(cell: Any, width: float) -> Any:
    """A header too wide for its column breaks before its unit in brackets ("响应（分钟）"
    as 响应 / （分钟）), not wherever the line runs out; one that fits stays as it is."""
    if not isinstance(cell, Paragraph) or "<br/>" in cell.text:
        return cell
    style = cell.style
    if stringWidth(cell.text, style.fontName, style.fontSize) <= width - CELL_PADDING:
        return cell
    for bracket in ("（", " ("):
        at = cell.text.find(bracket)
        if at > 0:
            return Paragraph(cell.text[:at] + "<br/>" + cell.text[at:].lstrip(), style)
    return cell


def _height(flowable: Flowable, canv: Any, width: float) -> float:
    """The height ``flowable`` takes (a KeepTogether's own, not the size it claims to
    force a split)."""
    height = float(flowable.wrapOn(canv, width, 0xFFFFFFF)[1])
    return float(getattr(flowable, "_H", height)) if isinstance(flowable, KeepTogether) else height


class KeepTail(_ContainerSpace, Flowable):  # type: ignore[misc]
    """A table kept with what closes the document (the sign-off): when they do not fit on
    the page together, the table splits so that at least ``rows`` of its rows go over
    with the closing block, which never stands alone on the last page. ``lead`` (the
    table's heading) stays with the table's first part.

    Like reportlab's KeepTogether it only splits: ``wrap`` claims more room than there
    is, and ``split`` hands the frame the real flowables. Being a container, platypus
    does not bundle it into a keep-with-next group (hence ``lead``)."""

    def __init__(
        self, lead: Sequence[Flowable], body: Table, closing: Flowable, rows: int = 2
    ) -> None:
        super().__init__()
        self.lead = list(lead)
        self.body = body
        self.closing = closing
        self.rows = rows
        self._content = [*self.lead, body, closing]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return avail_width, avail_height + 1

    def draw(self) -> None:  # pragma: no cover (split, never drawn)
        raise AssertionError("KeepTail is split, never drawn")

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        body, closing = self.body, self.closing
        lead_h = sum(_height(f, self.canv, avail_width) + f.getSpaceAfter() for f in self.lead)
        body_h = _height(body, self.canv, avail_width)
        closing_h = _height(closing, self.canv, avail_width) + closing.getSpaceBefore()
        whole = [*self.lead, body, closing]
        at_top = bool(getattr(getattr(self, "_frame", None), "_atTop", False))
        if lead_h + body_h + closing_h <= avail_height:
            return whole
        head = body.repeatRows
        keep = len(body._cellvalues) - head - self.rows  # rows that may stay on this page
        room = avail_height - lead_h
        most = sum(body._rowHeights[: head + keep])  # known after wrap()
        parts = body.split(avail_width, min(room, most + 0.01)) if keep > 0 and room > 0 else []
        if len(parts) < 2:
            # Too short to split, or no room: all on the next page (as it comes on a fresh one).
            return whole if at_top else []
        return [*self.lead, parts[0], KeepTail((), parts[1], closing, self.rows)]


def keep_tail(story: list[Any], closing: Flowable, rows: int = 2) -> list[Any]:
    """``story`` followed by ``closing``, with the story's last flowable kept with it: the
    last rows of a table (:class:`KeepTail`, with the headings just before it), or the
    whole of anything else."""
    story = list(story)
    gap: list[Any] = []
    while story and isinstance(story[-1], Spacer):
        gap.insert(0, story.pop())
    # One level of KeepTogether: a nested one claims a huge height and always breaks.
    ending = [*gap, *_flat(closing)]
    if not story:
        return ending
    last = story.pop()
    if not isinstance(last, Table):
        return [*story, KeepTogether([*_flat(last), *ending])]
    lead: list[Any] = []
    while story and story[-1].getKeepWithNext():
        lead.insert(0, story.pop())
    return [*story, KeepTail(lead, last, KeepTogether(ending), rows)]


def _flat(flowable: Flowable) -> list[Any]:
    """The flowables of a KeepTogether (itself for anything else)."""
    if isinstance(flowable, KeepTogether):
        return [x for part in flowable._content for x in _flat(part)]
    return [flowable]


def header_cells(translate: Translate, *templates: str) -> list[Paragraph]:
    """A table's header row: translated, centred."""
    return [para(tr(translate, t), styles().cell_center) for t in templates]


# --- codes ------------------------------------------------------------------------------


QR_QUIET_MODULES = 4


def qr_modules(value: str, level: str = "M", min_version: int = 1) -> list[list[bool]]:
    """The QR symbol of ``value`` (ASCII) as rows of dark/light modules, encoded by
    reportlab's QR widget. reportlab writes UTF-8 with no ECI marker: payloads stay ASCII.

    ``min_version`` raises the symbol version for short payloads (version 2 and up carry
    an alignment pattern); longer payloads keep the version they need."""
    if not value.isascii():
        raise ValueError("QR payloads must be ASCII")
    widget = QrCodeWidget(value, barLevel=level, barBorder=QR_QUIET_MODULES)
    widget.qr.make()
    if widget.qr.version < min_version:
        widget = QrCodeWidget(
            value, barLevel=level, barBorder=QR_QUIET_MODULES, qrVersion=min_version
        )
        widget.qr.make()
    return [[bool(m) for m in row] for row in widget.qr.modules]


def draw_qr(
    canvas: Canvas,
    value: str,
    origin: tuple[float, float],
    size: float,
    level: str = "M",
    *,
    min_version: int = 1,
) -> float:
    """Draw a QR code ``size`` wide and high, quiet zone included; returns the module size.

    The dark modules go into one filled path (the widget draws one rectangle per run),
    so that renderers leave no hairline seams between rows: seams break some decoders.
    """
    left, bottom = origin
    modules = qr_modules(value, level, min_version)
    count = len(modules) + 2 * QR_QUIET_MODULES
    box = size / count
    path = canvas.beginPath()
    for r, row in enumerate(modules):
        y = bottom + size - (r + QR_QUIET_MODULES + 1) * box
        c = 0
        while c < len(row):
            if not row[c]:
                c += 1
                continue
            start = c
            while c < len(row) and row[c]:
                c += 1
            path.rect(left + (start + QR_QUIET_MODULES) * box, y, (c - start) * box, box)
    canvas.saveState()
    canvas.setFillColor(colors.black)
    canvas.drawPath(path, stroke=0, fill=1, fillMode=1)  # non-zero winding: the union
    canvas.restoreState()
    return box


CODE128_QUIET_MODULES = 10  # the symbology's minimum quiet zone, each side


def code128_modules(value: str) -> int:
    """Width of the bare symbol (start, data, check, stop) in modules."""
    probe = Code128(value, barWidth=1.0, quiet=0, humanReadable=0)
    width: float = probe.width
    return round(width)


@dataclass(frozen=True)
class Code128Fit:
    """A Code128 sized to a cell: ``x`` is the module width, quiet zones included."""

    value: str
    x: float
    bar_height: float
    width: float

    def draw_on(self, canvas: Canvas, left: float, bottom: float) -> None:
        quiet = CODE128_QUIET_MODULES * self.x
        symbol = Code128(
            self.value,
            barWidth=self.x,
            barHeight=self.bar_height,
            quiet=1,
            lquiet=quiet,
            rquiet=quiet,
            humanReadable=0,
        )
        symbol.drawOn(canvas, left, bottom)


def fit_code128(
    value: str, max_width: float, bar_height: float, max_x: float = 0.34 * mm
) -> Code128Fit:
    """Size a Code128 to ``max_width`` (quiet zones included): reportlab's does not shrink.

    The module width stays between 0.17 mm (reliable at 300 dpi and on 203 dpi thermal
    printers) and ``max_x``; a code too long for the cell raises ``ValueError``.
    """
    if not value.isascii():
        raise ValueError("Code128 carries ASCII only")
    modules = code128_modules(value) + 2 * CODE128_QUIET_MODULES
    x = min(max_x, max_width / modules)
    if x < 0.17 * mm:
        raise ValueError(f"{value!r} is too long for a {max_width / mm:.0f} mm barcode")
    return Code128Fit(value=value, x=x, bar_height=bar_height, width=modules * x)


class QrFlowable(Flowable):  # type: ignore[misc]
    """A QR code in a flow, with an optional caption under it."""

    def __init__(self, value: str, size: float, caption: str = "") -> None:
        super().__init__()
        self.value = value
        self.size = size
        self.caption = caption
        self.caption_height = 9.0 if caption else 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:  # noqa: ARG002 (Flowable API)
        return self.size, self.size + self.caption_height

    def draw(self) -> None:
        canvas = self.canv
        draw_qr(canvas, self.value, (0, self.caption_height), self.size)
        if self.caption:
            canvas.setFont(styles().font, 6.5)
            canvas.setFillColor(MUTED)
            canvas.drawCentredString(self.size / 2, 1.5, self.caption)


# --- signatures -------------------------------------------------------------------------


def draw_strokes(
    canvas: Canvas,
    strokes: Sequence[Sequence[tuple[float, float]]],
    aspect: float,
    box: tuple[float, float, float, float],
    line_width: float = 1.1,
) -> None:
    """Draw signature strokes (box 0..1 x 0..1, y down, pad ``aspect`` = w/h) as vectors,
    fitted into ``box`` (left, bottom, width, height) and centred, keeping the pad's
    proportions."""
    left, bottom, width, height = box
    aspect = aspect if aspect > 0 else 3.0
    scale_w = min(width, height * aspect)
    scale_h = scale_w / aspect
    x0 = left + (width - scale_w) / 2
    y_top = bottom + (height + scale_h) / 2
    canvas.saveState()
    canvas.setStrokeColor(colors.Color(0.05, 0.1, 0.35))
    canvas.setFillColor(colors.Color(0.05, 0.1, 0.35))
    canvas.setLineWidth(line_width)
    canvas.setLineCap(1)
    canvas.setLineJoin(1)
    for stroke in strokes:
        points = [(x0 + px * scale_w, y_top - py * scale_h) for px, py in stroke]
        if not points:
            continue
        if len(points) == 1:
            canvas.circle(points[0][0], points[0][1], line_width / 2, stroke=0, fill=1)
            continue
        path = canvas.beginPath()
        path.moveTo(*points[0])
        for point in points[1:]:
            path.lineTo(*point)
        canvas.drawPath(path, stroke=1, fill=0)
    canvas.restoreState()


class SignatureBox(Flowable):  # type: ignore[misc]
    """A signature block: role caption, the drawn signature (or an empty line to sign on
    paper), and the signer's name and time under it."""

    def __init__(
        self,
        caption: str,
        signature: SignatureDoc | None,
        translate: Translate,
        width: float,
        height: float = 27 * mm,
    ) -> None:
        super().__init__()
        self.caption = caption
        self.signature = signature
        self.translate = translate
        self.box_width = width
        self.box_height = height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:  # noqa: ARG002 (Flowable API)
        return self.box_width, self.box_height

    def draw(self) -> None:
        canvas = self.canv
        font = styles().font
        w, h = self.box_width, self.box_height
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.rect(0, 0, w, h, stroke=1, fill=0)
        canvas.setFillColor(INK)
        canvas.setFont(font, 9)
        canvas.drawString(3 * mm, h - 4.5 * mm, self.caption)
        line_y = 9 * mm
        canvas.setStrokeColor(MUTED)
        canvas.setLineWidth(0.4)
        canvas.line(3 * mm, line_y, w - 3 * mm, line_y)
        canvas.setFont(font, 8.5)
        canvas.setFillColor(INK)
        sig = self.signature
        top_gap = 6.5 * mm
        if sig is not None and sig.key_fingerprint:
            # The key that signed the record, under the caption: paper names the key so
            # that the engineer registration form (人员备案表) can be held against it.
            canvas.setFont(font, 7)
            canvas.setFillColor(MUTED)
            canvas.drawString(
                3 * mm,
                h - 8.2 * mm,
                tr(
                    self.translate,
                    QT_TRANSLATE_NOOP("documents", "Key fingerprint: {fingerprint}"),
                    fingerprint=display_fingerprint(sig.key_fingerprint),
                ),
            )
            canvas.setFont(font, 8.5)
            canvas.setFillColor(INK)
            top_gap = 9.5 * mm
        if sig is not None:
            draw_strokes(
                canvas,
                sig.strokes,
                sig.aspect,
                (3 * mm, line_y + 0.6 * mm, w - 6 * mm, h - line_y - top_gap),
            )
            name = tr(
                self.translate, QT_TRANSLATE_NOOP("documents", "Name: {name}"), name=sig.signer_name
            )
            when = tr(
                self.translate,
                QT_TRANSLATE_NOOP("documents", "Signed: {time}"),
                time=fmt_local(sig.signed_at),
            )
        else:
            name = tr(self.translate, QT_TRANSLATE_NOOP("documents", "Name: {name}"), name="")
            when = tr(self.translate, QT_TRANSLATE_NOOP("documents", "Date:"))
        canvas.drawString(3 * mm, 4.8 * mm, name)
        canvas.drawString(3 * mm, 1.4 * mm, when)
        canvas.restoreState()


def signature_row(
    translate: Translate,
    signatures: Sequence[SignatureDoc],
    width: float,
    roles: Sequence[tuple[str, str]],
    height: float = 27 * mm,
) -> Table:
    """Signature boxes side by side, one per ``(role, caption)``, drawn or blank."""
    by_role = {s.role: s for s in signatures}
    gap = 6 * mm
    box_w = (width - gap * (len(roles) - 1)) / len(roles)
    cells: list[Any] = []
    widths: list[float] = []
    for i, (role, caption) in enumerate(roles):
        if i:
            cells.append("")
            widths.append(gap)
        cells.append(SignatureBox(caption, by_role.get(role), translate, box_w, height))
        widths.append(box_w)
    t = Table([cells], colWidths=widths)
    t.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return t


# --- signed records ---------------------------------------------------------------------
# What the work order and the inspection round share: the title row with the QR code (or
# the NOT SIGNED stamp) in its corner, and the sign-off with the record hash or the draft
# warning under both signatures.

TITLE_SIDE = 30 * mm  # the corner cell of a record's title row, and its empty twin


def verify_qr(
    translate: Translate, kind: str, number: str, record_hash: str, head: HeadDoc | None = None
) -> QrFlowable:
    """The QR code that checks a signed record, and the head it was printed at, against
    the store."""
    return QrFlowable(
        record_payload(kind, number, record_hash, (head.seq, head.hash) if head else None),
        24 * mm,
        tr(translate, QT_TRANSLATE_NOOP("documents", "Scan to verify")),
    )


def head_qr(translate: Translate, head: HeadDoc, size: float = 22 * mm) -> QrFlowable:
    """The QR code of a document that is no record of its own: the store's head."""
    return QrFlowable(
        head_payload(head.seq, head.hash),
        size,
        tr(translate, QT_TRANSLATE_NOOP("documents", "Scan to verify")),
    )


def head_text(translate: Translate, head: HeadDoc) -> str:
    """``链头 #16559 7c18aceaebd58249（2026-12-04 10:26）``: the head as paper prints it."""
    return tr(
        translate,
        QT_TRANSLATE_NOOP("documents", "Store head {head} ({time})"),
        head=head.short,
        time=fmt_local(head.at),
    )


def unsigned_stamp(translate: Translate) -> Table:
    """The boxed NOT SIGNED mark of a draft record."""
    return Table(
        [[para(tr(translate, QT_TRANSLATE_NOOP("documents", "NOT SIGNED")), styles().stamp)]],
        colWidths=[TITLE_SIDE - 2 * mm],
        style=TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1.2, BAD_INK),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        ),
    )


def record_title(centre: list[Any], corner: Any, width: float) -> Table:
    """A record's title row: ``centre`` in the middle, ``corner`` (a QR code, the stamp or
    nothing) on the right, balanced by an empty cell on the left."""
    head = Table([["", centre, corner]], colWidths=[TITLE_SIDE, width - 2 * TITLE_SIDE, TITLE_SIDE])
    head.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (2, 0), (2, 0), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return head


def record_signature_roles(translate: Translate) -> list[tuple[str, str]]:
    """The two signatures of a record: the engineer's and the client representative's."""
    return [
        (
            "engineer",
            tr(translate, QT_TRANSLATE_NOOP("documents", "Maintenance engineer signature")),
        ),
        (
            "client",
            tr(translate, QT_TRANSLATE_NOOP("documents", "Party A representative signature")),
        ),
    ]


def record_sign_off(
    translate: Translate,
    section: int,
    confirmation: str,
    signatures: Sequence[SignatureDoc],
    record_hash: str | None,
    *,
    head: HeadDoc | None = None,
) -> KeepTogether:
    """A record's sign-off kept on one page: the numbered title, what Party A confirms
    (a template), both signatures, then the record hash once signed or the draft warning,
    and the store's head when the paper was made."""
    s = styles()
    block: list[Any] = [
        numbered_section(translate, section, QT_TRANSLATE_NOOP("documents", "{n}. Sign-off")),
        para(tr(translate, confirmation), s.small),
        Spacer(1, 2 * mm),
        signature_row(translate, signatures, content_width(), record_signature_roles(translate)),
        Spacer(1, 2 * mm),
    ]
    if record_hash is not None:
        block.append(
            para(
                tr(
                    translate,
                    QT_TRANSLATE_NOOP("documents", "Record hash (SHA-256): {hash}"),
                    hash=record_hash,
                ),
                s.tiny,
            )
        )
    else:
        draft = tr(
            translate,
            QT_TRANSLATE_NOOP(
                "documents", "Not signed: this print is a draft, not a signed record."
            ),
        )
        block.append(para(coloured(draft, BAD_INK), s.small, markup=True))
    if head is not None:
        block.append(
            para(
                tr(
                    translate,
                    QT_TRANSLATE_NOOP(
                        "documents",
                        "{head}, when this paper was made; check it with "
                        "'workbench verify --anchor {anchor}'.",
                    ),
                    head=head_text(translate, head),
                    anchor=head.anchor,
                ),
                s.tiny,
            )
        )
    return KeepTogether(block)


# --- page frame -------------------------------------------------------------------------


@dataclass(frozen=True)
class PageInfo:
    """What the header and footer of every page show."""

    title: str
    contract: ContractHeader
    translate: Translate
    printed_at: dt.datetime
    demo: bool = False
    reference: str = ""  # e.g. the work order number, shown in the header
    head: HeadDoc | None = None  # the store's head when the document was made, in the footer


def _numbered_canvas(info: PageInfo) -> type[Canvas]:
    """A canvas class that knows the page count when it writes the footers."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                _draw_frame(self, info, number, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def _draw_frame(canvas: Canvas, info: PageInfo, page: int, total: int) -> None:
    translate = info.translate
    font = styles().font
    width, height = canvas._pagesize
    left, right = PAGE_MARGIN_X, width - PAGE_MARGIN_X
    top = height - 10 * mm
    c = info.contract
    canvas.saveState()
    canvas.setFillColor(MUTED)
    canvas.setFont(font, 8)
    canvas.drawString(left, top, c.title)
    canvas.drawString(
        left,
        top - 4 * mm,
        tr(
            translate,
            QT_TRANSLATE_NOOP("documents", "Contract registration No.: {number}"),
            number=c.number,
        ),
    )
    canvas.drawRightString(
        right,
        top,
        tr(
            translate,
            QT_TRANSLATE_NOOP("documents", "Client (Party A): {name}"),
            name=c.client.name,
        ),
    )
    canvas.drawRightString(
        right,
        top - 4 * mm,
        tr(
            translate,
            QT_TRANSLATE_NOOP("documents", "Contractor (Party B): {name}"),
            name=c.contractor.name,
        ),
    )
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(0.8)
    canvas.line(left, top - 6.5 * mm, right, top - 6.5 * mm)

    bottom = 10 * mm
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.4)
    canvas.line(left, bottom + 4 * mm, right, bottom + 4 * mm)
    canvas.setFont(font, 8)
    reference = f"{info.title} {info.reference}".strip()
    canvas.drawString(left, bottom, reference)
    canvas.drawCentredString(
        width / 2,
        bottom,
        tr(
            translate,
            QT_TRANSLATE_NOOP("documents", "Page {page} of {total}"),
            page=page,
            total=total,
        ),
    )
    canvas.drawRightString(
        right,
        bottom,
        tr(
            translate,
            QT_TRANSLATE_NOOP("documents", "Printed {time} (Beijing time)"),
            time=fmt_local(info.printed_at),
        ),
    )
    if info.head is not None:
        canvas.setFont(font, 7)
        canvas.drawCentredString(width / 2, bottom - 3.6 * mm, head_text(translate, info.head))
    if info.demo:
        demo = tr(translate, QT_TRANSLATE_NOOP("documents", "DEMO DATA - NOT A REAL RECORD"))
        canvas.setFillColor(BAD_INK)
        canvas.setFont(font, 9)
        canvas.drawCentredString(width / 2, top - 2 * mm, demo)
        canvas.setFillColor(colors.Color(0.8, 0.1, 0.1, alpha=0.10))
        canvas.setFont(font, 54)
        canvas.translate(width / 2, height / 2)
        canvas.rotate(35)
        canvas.drawCentredString(0, 0, tr(translate, QT_TRANSLATE_NOOP("documents", "DEMO")))
    canvas.restoreState()


def build_pdf(
    story: list[Any],
    info: PageInfo,
    *,
    pagesize: tuple[float, float] = A4,
    subject: str = "",
) -> bytes:
    """Lay ``story`` out on A4 pages with the house header and footer; PDF bytes."""
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=PAGE_MARGIN_X,
        rightMargin=PAGE_MARGIN_X,
        topMargin=PAGE_MARGIN_TOP,
        bottomMargin=PAGE_MARGIN_BOTTOM,
        title=f"{info.title} {info.reference}".strip(),
        author=info.contract.contractor.name,
        subject=subject or info.contract.title,
        creator="workbench",
        invariant=False,
    )
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(story, canvasmaker=_numbered_canvas(info))
    return buffer.getvalue()


def content_width(pagesize: tuple[float, float] = A4) -> float:
    page_width: float = pagesize[0]
    margins: float = 2 * PAGE_MARGIN_X
    return page_width - margins


def printed_time(printed_at: dt.datetime | None) -> dt.datetime:
    return printed_at if printed_at is not None else now()
