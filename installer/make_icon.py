"""Draw the workbench's application icon (no downloaded artwork).

    python installer/make_icon.py

Writes ``resources/icons/workbench-<size>.png`` for the usual sizes, ``workbench.png``
(256 px, the window icon) and
``resources/icons/workbench.ico`` (all sizes in one file, for Windows: the executable,
the installer and its shortcuts). Drawn with Qt's QPainter; the .ico is assembled with
Pillow. Run again after changing the drawing and commit the results.

The picture: a blue rounded square (the laptop's tile), a white wrench (maintenance)
and a green tick badge (inspection passed).
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
    QTransform,
)

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)

BLUE_TOP = QColor("#2f7fd8")
BLUE_BOTTOM = QColor("#1a4f9c")
GREEN = QColor("#2fa84f")


def _wrench_path() -> QPainterPath:
    """A wrench in a 100x100 box, pointing from bottom-left to top-right."""
    head = QPainterPath()
    head.addEllipse(QPointF(0, 0), 17, 17)
    jaw = QPainterPath()
    jaw.addRect(QRectF(-7, -20, 14, 16))  # the open jaw, cut out of the head
    handle = QPainterPath()
    handle.addRoundedRect(QRectF(-6.5, 4, 13, 56), 6.5, 6.5)
    shape = head.united(handle).subtracted(jaw)
    turn = QTransform()
    turn.translate(58, 40)
    turn.rotate(45)
    return turn.map(shape)


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 100, size / 100)

    gradient = QLinearGradient(0, 0, 0, 100)
    gradient.setColorAt(0, BLUE_TOP)
    gradient.setColorAt(1, BLUE_BOTTOM)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(gradient))
    painter.drawRoundedRect(QRectF(4, 4, 92, 92), 20, 20)

    painter.setBrush(QColor("white"))
    painter.drawPath(_wrench_path())

    # The tick badge, bottom right; left out at 16 px where it would be a smudge.
    if size > 16:
        painter.setBrush(GREEN)
        painter.setPen(QPen(QColor("white"), 4))
        painter.drawEllipse(QPointF(72, 72), 20, 20)
        tick = QPainterPath(QPointF(62, 72))
        tick.lineTo(69.5, 79.5)
        tick.lineTo(82.5, 64.5)
        pen = QPen(QColor("white"), 6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(tick)
    painter.end()
    return image


def _to_pil(image: QImage) -> Image.Image:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA")


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    ICONS.mkdir(parents=True, exist_ok=True)
    images = {size: draw(size) for size in sorted({*PNG_SIZES, *ICO_SIZES})}
    for size in PNG_SIZES:
        if not images[size].save(str(ICONS / f"workbench-{size}.png"), "PNG"):
            raise SystemExit(f"could not write workbench-{size}.png")
    # The window icon the app sets (workbench.app): the 256 px drawing.
    if not images[256].save(str(ICONS / "workbench.png"), "PNG"):
        raise SystemExit("could not write workbench.png")
    # Each size drawn for itself (not scaled down from 256) so small ones stay crisp.
    frames = [_to_pil(images[size]) for size in ICO_SIZES]
    largest = frames[-1]
    largest.save(
        ICONS / "workbench.ico",
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=frames[:-1],
    )
    print(f"wrote {len(PNG_SIZES)} PNGs and workbench.ico to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
