"""Asset labels: a QR code and a Code128 of the asset code, the code, the device's Chinese
name and the client's short name, on A4 label sheets or one thermal label per page.

Both codes carry exactly the asset code (ASCII), so that any scanner reads back the code
and nothing else. Sizes are chosen for 300 dpi office printers and 203 dpi thermal ones.

The QR codes are at least version 2 (25 x 25 modules) at error-correction level Q. Asset
codes would fit version 1, but a version-1 symbol has no alignment pattern: zbar then
maps the whole grid from the three finder patterns alone, and on a sheet of many labels
read at once a fair share of them (9 to 20 of the 74 contract devices, at 150 to 300 dpi)
did not decode, although each decoded when cut out: which ones failed changed with
anything else on the page. The alignment pattern lets zbar correct the grid; at 300 dpi
every label on the sheet reads.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from workbench.domain.documents import LabelDoc
from workbench.domain.messages import QT_TRANSLATE_NOOP
from workbench.reports.label_layouts import DEFAULT_LAYOUT, LAYOUTS, LabelLayout

__all__ = ["DEFAULT_LAYOUT", "LAYOUTS", "LabelLayout", "labels_pdf"]
from workbench.reports.pdfkit import (
    CODE128_QUIET_MODULES,
    MUTED,
    Translate,
    draw_qr,
    fit_code128,
    identity,
    styles,
    tr,
)

CODE_FONT = "Helvetica-Bold"  # the code is ASCII; a bold face reads best
QR_LEVEL = "Q"  # 25 % of the symbol may be scratched or soiled
QR_MIN_VERSION = 2  # the first version with an alignment pattern (see above)


_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-_/]*|\s+|.")


def wrap_text(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy line breaking: Chinese between any two characters, Latin words kept whole
    where they fit."""
    lines: list[str] = []
    line = ""
    for token in _TOKEN.findall(text):
        candidate = line + token
        if stringWidth(candidate.strip(), font, size) <= width or not line.strip():
            if stringWidth(candidate.strip(), font, size) <= width:
                line = candidate
                continue
            # a single token wider than the line: break it by characters
            for ch in token:
                if stringWidth((line + ch).strip(), font, size) > width and line.strip():
                    lines.append(line.strip())
                    line = ""
                line += ch
            continue
        lines.append(line.strip())
        line = token.lstrip()
    if line.strip():
        lines.append(line.strip())
    return lines


def fit_lines(
    text: str, font: str, width: float, height: float, sizes: Sequence[float]
) -> tuple[float, list[str]]:
    """The largest size in ``sizes`` at which ``text`` fits the box; the smallest size,
    cut to the lines that fit, when none does."""
    for size in sizes:
        lines = wrap_text(text, font, size, width)
        if len(lines) * size * 1.2 <= height:
            return size, lines
    size = sizes[-1]
    lines = wrap_text(text, font, size, width)
    keep = max(1, int(height // (size * 1.2)))
    if len(lines) > keep:
        lines = lines[:keep]
        last = lines[-1]
        while last and stringWidth(last + "…", font, size) > width:
            last = last[:-1]
        lines[-1] = last + "…"
    return size, lines


def draw_label(
    canvas: Canvas,
    label: LabelDoc,
    layout: LabelLayout,
    origin: tuple[float, float],
    translate: Translate = identity,
) -> None:
    """Draw one label with its bottom-left corner at ``origin``."""
    x, y = origin
    font = styles().font
    pad = layout.padding
    inner_w = layout.width - 2 * pad
    inner_h = layout.height - 2 * pad
    left, bottom = x + pad, y + pad

    if layout.outline:
        canvas.saveState()
        canvas.setStrokeColor(colors.Color(0.78, 0.78, 0.78))
        canvas.setLineWidth(0.3)
        canvas.roundRect(
            x + 1 * mm,
            y + 1 * mm,
            layout.width - 2 * mm,
            layout.height - 2 * mm,
            2 * mm,
            stroke=1,
            fill=0,
        )
        canvas.restoreState()

    band = min(10 * mm, inner_h * 0.3)
    if layout.side_qr:
        # The QR over the full height on the left; text and barcode in the column beside.
        qr_size = inner_h
        draw_qr(
            canvas,
            label.code,
            (left - 1 * mm, bottom),
            qr_size,
            QR_LEVEL,
            min_version=QR_MIN_VERSION,
        )
        text_left = left + qr_size * 0.92 + 1 * mm
        column_w = left + inner_w - text_left
        barcode = fit_code128(label.code, column_w + 3 * mm, band, layout.max_module)
        # The barcode's left quiet zone lies in the QR's right one: both are white.
        barcode.draw_on(canvas, text_left - CODE128_QUIET_MODULES * barcode.x, bottom)
    else:
        # The Code128 across the bottom, quiet zones included, centred; the QR above left.
        barcode = fit_code128(label.code, inner_w, band, layout.max_module)
        barcode.draw_on(canvas, left + (inner_w - barcode.width) / 2, bottom)
        qr_size = inner_h - band - 1.2 * mm
        qr_origin = (left - 0.5 * mm, bottom + band + 1.2 * mm)
        draw_qr(canvas, label.code, qr_origin, qr_size, QR_LEVEL, min_version=QR_MIN_VERSION)
        # The QR's own quiet zone is white space: the text starts just after the symbol.
        text_left = left + qr_size * 0.95
    upper_bottom = bottom + band + 1.2 * mm
    text_w = left + inner_w - text_left
    top = bottom + inner_h

    canvas.saveState()
    canvas.setFillColor(MUTED)
    client_size = 6.5 if layout.height < 33 * mm else 7.5
    canvas.setFont(font, client_size)
    client = label.client_short or ""
    canvas.drawString(text_left, top - client_size, client)
    code_size = 11.0 if text_w > 35 * mm else 9.0
    while code_size > 6 and stringWidth(label.code, CODE_FONT, code_size) > text_w:
        code_size -= 0.5
    canvas.setFillColor(colors.black)
    canvas.setFont(CODE_FONT, code_size)
    canvas.drawString(text_left, upper_bottom + 0.8 * mm, label.code)

    name_top = top - client_size - 1.6 * mm
    reserve = code_size + 2.2 * mm
    extra = ""
    if layout.show_location and label.location:
        extra = tr(
            translate,
            QT_TRANSLATE_NOOP("documents", "Location: {location}"),
            location=label.location,
        )
        reserve += 8
    name_h = name_top - (upper_bottom + reserve)
    size, lines = fit_lines(label.name, font, text_w, name_h, (10.5, 9.5, 8.5, 7.5, 6.5))
    canvas.setFont(font, size)
    yy = name_top - size
    for line in lines:
        canvas.drawString(text_left, yy, line)
        yy -= size * 1.2
    if extra:
        canvas.setFont(font, 6.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(text_left, upper_bottom + code_size + 1.6 * mm, extra[:40])
    canvas.restoreState()


def labels_pdf(
    labels: Sequence[LabelDoc],
    layout: str = DEFAULT_LAYOUT,
    translate: Translate = identity,
    *,
    skip: int = 0,
) -> bytes:
    """PDF bytes with one label per asset; ``skip`` leaves the first positions of the first
    sheet empty (a sheet already partly used)."""
    if layout not in LAYOUTS:
        raise ValueError(f"unknown label layout {layout!r}; choose one of {', '.join(LAYOUTS)}")
    spec = LAYOUTS[layout]
    skip = max(0, skip) % spec.per_page
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=spec.page, pageCompression=1)
    canvas.setTitle(tr(translate, QT_TRANSLATE_NOOP("documents", "Asset labels")))
    canvas.setCreator("workbench")
    slot = skip
    for i, label in enumerate(labels):
        if i and slot == 0:
            canvas.showPage()
        draw_label(canvas, label, spec, spec.origin(slot), translate)
        slot = (slot + 1) % spec.per_page
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
