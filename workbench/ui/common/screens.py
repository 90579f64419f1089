"""Windows sized to the screen they open on (a 1366×768 laptop is common on site)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSize
from PySide6.QtWidgets import QApplication, QWidget

# Title bar and borders, before the window manager has told their size.
FRAME_ALLOWANCE = QSize(16, 40)


def fit_to_screen(
    window: QWidget, near: QWidget | None, wanted: QSize, *, share: float = 1.0
) -> None:
    """Size ``window`` to ``wanted``, or to ``share`` of the available area of the screen
    it opens on (``near``'s, else the primary) less its frame, whichever is smaller; and
    centre it there."""
    screen = (near.screen() if near is not None else None) or QApplication.primaryScreen()
    if screen is None:
        window.resize(wanted)
        return
    area = screen.availableGeometry()
    room = QSize(int(area.width() * share), int(area.height() * share)) - FRAME_ALLOWANCE
    size = wanted.boundedTo(room)
    window.resize(size)
    outer = size + FRAME_ALLOWANCE
    left = area.x() + max(0, (area.width() - outer.width()) // 2)
    top = area.y() + max(0, (area.height() - outer.height()) // 2)
    window.move(QPoint(left, top))
