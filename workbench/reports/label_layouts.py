"""The label sheets the workbench prints on: sizes and grid of each layout.

Apart from :mod:`workbench.reports.labels` so that the command line can list the layouts
(``labels --layout``) without loading the PDF machinery at every start.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm


@dataclass(frozen=True)
class LabelLayout:
    key: str
    page: tuple[float, float]
    cols: int
    rows: int
    width: float
    height: float
    left: float  # page margin to the first label
    top: float
    gap_x: float = 0.0
    gap_y: float = 0.0
    padding: float = 3 * mm  # kept clear inside each label (printer margins, die cuts)
    outline: bool = True  # a faint outline to cut along on plain paper
    show_location: bool = False
    side_qr: bool = False  # QR over the full height, text and barcode beside it
    max_module: float = 0.34 * mm  # widest Code128 module (4 dots at 300 dpi)

    @property
    def per_page(self) -> int:
        return self.cols * self.rows

    def origin(self, slot: int) -> tuple[float, float]:
        """Bottom-left corner of label ``slot`` (0-based, row by row from the top left)."""
        row, col = divmod(slot, self.cols)
        x = self.left + col * (self.width + self.gap_x)
        y = self.page[1] - self.top - (row + 1) * self.height - row * self.gap_y
        return x, y


LAYOUTS: dict[str, LabelLayout] = {
    # 24 labels of 70 x 37 mm filling the sheet (the common Chinese A4 24-up sheet).
    "a4-3x8": LabelLayout(
        key="a4-3x8",
        page=A4,
        cols=3,
        rows=8,
        width=70 * mm,
        height=37 * mm,
        left=0,
        top=(A4[1] - 8 * 37 * mm) / 2,
        padding=3.5 * mm,
    ),
    # 14 labels of 99.1 x 38.1 mm (the L7163 sheet).
    "a4-2x7": LabelLayout(
        key="a4-2x7",
        page=A4,
        cols=2,
        rows=7,
        width=99.1 * mm,
        height=38.1 * mm,
        left=4.65 * mm,
        top=15.15 * mm,
        gap_x=2.5 * mm,
        padding=3.5 * mm,
        show_location=True,
        side_qr=True,
    ),
    # One 50 x 30 mm label per page for a thermal label printer.
    "thermal-50x30": LabelLayout(
        key="thermal-50x30",
        page=(50 * mm, 30 * mm),
        cols=1,
        rows=1,
        width=50 * mm,
        height=30 * mm,
        left=0,
        top=0,
        padding=1.5 * mm,
        outline=False,
    ),
}
DEFAULT_LAYOUT = "a4-3x8"
