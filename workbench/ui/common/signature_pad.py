"""Signing on screen: a pad that records pen, touch and mouse strokes.

A signature is kept as vector strokes: each stroke a list of points normalised to a box
0..1 wide and 0..1 high (y down), plus the box's aspect ratio (width / height), so that a
PDF can draw it sharp at any size and the pad can show it again undistorted.

The sign-off dialog that uses two pads is in :mod:`workbench.ui.common.signoff`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QShortcut,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

Point = tuple[float, float]
Strokes = list[list[Point]]

DEFAULT_ASPECT = 3.0
# Points closer than this (in pixels) to the previous one add nothing but jitter.
_MIN_STEP_PX = 1.2
_INK = QColor("#0b2a6f")  # blue-black, like a ballpoint pen


def _midpoint(a: QPointF, b: QPointF) -> QPointF:
    return QPointF((a.x() + b.x()) / 2, (a.y() + b.y()) / 2)


def stroke_path(points: Sequence[QPointF]) -> QPainterPath:
    """A smooth path through ``points``: quadratic curves between successive midpoints."""
    path = QPainterPath()
    if not points:
        return path
    path.moveTo(points[0])
    if len(points) == 1:
        # A dot: a zero-length line with a round cap draws it.
        path.lineTo(points[0] + QPointF(0.01, 0.01))
        return path
    if len(points) == 2:
        path.lineTo(points[1])
        return path
    path.lineTo(_midpoint(points[0], points[1]))
    for i in range(1, len(points) - 1):
        path.quadTo(points[i], _midpoint(points[i], points[i + 1]))
    path.lineTo(points[-1])
    return path


def paint_strokes(
    painter: QPainter, strokes: Sequence[Sequence[Point]], box: QRectF, color: QColor = _INK
) -> None:
    """Draw normalised ``strokes`` into ``box`` (already of the signature's aspect)."""
    width = max(1.6, box.height() * 0.022)
    pen = QPen(color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for stroke in strokes:
        pts = [QPointF(box.x() + x * box.width(), box.y() + y * box.height()) for x, y in stroke]
        painter.drawPath(stroke_path(pts))
    painter.restore()


def fit_box(area: QRectF, aspect: float) -> QRectF:
    """The largest rectangle of ``aspect`` (width / height) centred in ``area``."""
    if area.width() <= 0 or area.height() <= 0 or aspect <= 0:
        return QRectF(area)
    if area.width() / area.height() > aspect:
        h = area.height()
        w = h * aspect
    else:
        w = area.width()
        h = w / aspect
    return QRectF(area.x() + (area.width() - w) / 2, area.y() + (area.height() - h) / 2, w, h)


class SignaturePad(QWidget):
    """A surface to sign on with a pen, a finger or the mouse.

    ``strokes()`` gives the drawing as normalised points, ``aspect()`` the box's width /
    height. In read-only mode the pad only shows a stored signature.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._strokes: Strokes = []
        self._undone: Strokes = []
        self._current: list[Point] | None = None
        self._aspect: float | None = None  # fixed by the first stroke
        self._read_only = False
        self._placeholder = self.tr("Sign here")
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 80)
        self.setAutoFillBackground(True)
        self._apply_palette()
        undo = QShortcut(QKeySequence.StandardKey.Undo, self, self.undo)
        undo.setContext(Qt.ShortcutContext.WidgetShortcut)
        redo = QShortcut(QKeySequence.StandardKey.Redo, self, self.redo)
        redo.setContext(Qt.ShortcutContext.WidgetShortcut)

    # -- data ---------------------------------------------------------------------
    def strokes(self) -> Strokes:
        return [list(s) for s in self._strokes]

    def aspect(self) -> float:
        if self._aspect is not None:
            return self._aspect
        return self._widget_aspect()

    def isEmpty(self) -> bool:
        return not self._strokes

    def setStrokes(self, strokes: Sequence[Sequence[Sequence[float]]], aspect: float) -> None:
        """Show a stored signature (points as pairs 0..1, y down)."""
        self._strokes = [
            [(_clamp(float(p[0])), _clamp(float(p[1]))) for p in stroke]
            for stroke in strokes
            if len(stroke) > 0
        ]
        self._aspect = float(aspect) if aspect and float(aspect) > 0 else DEFAULT_ASPECT
        self._undone.clear()
        self._current = None
        self.update()
        self.changed.emit()

    def clear(self) -> None:
        if not self._strokes and self._current is None:
            return
        self._strokes.clear()
        self._undone.clear()
        self._current = None
        self._aspect = None
        self.update()
        self.changed.emit()

    def undo(self) -> None:
        """Take back the last stroke."""
        if self._read_only or not self._strokes:
            return
        self._undone.append(self._strokes.pop())
        if not self._strokes:
            self._aspect = None if not self._undone else self._aspect
        self.update()
        self.changed.emit()

    def redo(self) -> None:
        """Put back the stroke taken back last."""
        if self._read_only or not self._undone:
            return
        self._strokes.append(self._undone.pop())
        self.update()
        self.changed.emit()

    def canUndo(self) -> bool:
        return bool(self._strokes) and not self._read_only

    def canRedo(self) -> bool:
        return bool(self._undone) and not self._read_only

    def isReadOnly(self) -> bool:
        return self._read_only

    def setReadOnly(self, read_only: bool) -> None:
        self._read_only = read_only
        self._current = None
        self.setCursor(Qt.CursorShape.ArrowCursor if read_only else Qt.CursorShape.CrossCursor)
        self._apply_palette()
        self.update()

    def setPlaceholderText(self, text: str) -> None:
        self._placeholder = text
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(420, 140)

    # -- geometry -----------------------------------------------------------------
    def _area(self) -> QRectF:
        return QRectF(self.rect()).adjusted(6, 6, -6, -6)

    def _widget_aspect(self) -> float:
        area = self._area()
        if area.height() <= 0:
            return DEFAULT_ASPECT
        return area.width() / area.height()

    def _box(self) -> QRectF:
        return fit_box(self._area(), self.aspect())

    def _normalise(self, pos: QPointF) -> Point:
        box = self._box()
        return (
            round(_clamp((pos.x() - box.x()) / box.width()), 4),
            round(_clamp((pos.y() - box.y()) / box.height()), 4),
        )

    # -- input --------------------------------------------------------------------
    def _begin(self, pos: QPointF) -> None:
        if self._read_only:
            return
        if self._aspect is None:
            self._aspect = self._widget_aspect()
        self._current = [self._normalise(pos)]
        self._undone.clear()
        self.update()

    def _extend(self, pos: QPointF) -> None:
        if self._current is None:
            return
        point = self._normalise(pos)
        box = self._box()
        last = self._current[-1]
        dx = (point[0] - last[0]) * box.width()
        dy = (point[1] - last[1]) * box.height()
        if math.hypot(dx, dy) < _MIN_STEP_PX:
            return
        self._current.append(point)
        self.update()

    def _end(self, pos: QPointF | None = None) -> None:
        if self._current is None:
            return
        if pos is not None:
            self._extend(pos)
        self._strokes.append(self._current)
        self._current = None
        self.update()
        self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and not self._read_only:
            self._begin(event.position())
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._current is not None and event.buttons() & Qt.MouseButton.LeftButton:
            self._extend(event.position())
            event.accept()
        else:
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._current is not None:
            self._end(event.position())
            event.accept()
        else:
            super().mouseReleaseEvent(event)

    def tabletEvent(self, event: QTabletEvent) -> None:
        # Accepting a tablet event stops Qt from synthesising the mouse events too.
        kind = event.type()
        if self._read_only:
            event.ignore()
            return
        if kind == QEvent.Type.TabletPress:
            self._begin(event.position())
        elif kind == QEvent.Type.TabletMove:
            self._extend(event.position())
        elif kind == QEvent.Type.TabletRelease:
            self._end(event.position())
        event.accept()

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (
            QEvent.Type.TouchBegin,
            QEvent.Type.TouchUpdate,
            QEvent.Type.TouchEnd,
            QEvent.Type.TouchCancel,
        ):
            assert isinstance(event, QTouchEvent)
            if self._read_only:
                event.ignore()
                return False
            points = event.points()
            if kind == QEvent.Type.TouchCancel:
                self._current = None
                self.update()
            elif points:
                # One finger writes; a second finger is ignored (palm, resting hand).
                pos = points[0].position()
                if kind == QEvent.Type.TouchBegin:
                    self._begin(pos)
                elif kind == QEvent.Type.TouchUpdate:
                    self._extend(pos)
                else:
                    self._end(pos)
            event.accept()
            return True
        return super().event(event)

    # -- painting -----------------------------------------------------------------
    def _apply_palette(self) -> None:
        palette = self.palette()
        base = QColor("#f4f4f4") if self._read_only else QColor("#ffffff")
        palette.setColor(QPalette.ColorRole.Window, base)
        self.setPalette(palette)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        frame = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(QPen(QColor("#9aa5b1"), 1))
        painter.drawRect(frame)
        box = self._box()
        if not self._read_only:
            # A signing line, as on paper.
            y = box.y() + box.height() * 0.78
            painter.setPen(QPen(QColor("#c8ced6"), 1, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(box.x() + 8, y), QPointF(box.right() - 8, y))
        strokes: list[list[Point]] = list(self._strokes)
        if self._current is not None:
            strokes.append(self._current)
        if strokes:
            paint_strokes(painter, strokes, box)
        else:
            painter.setPen(QColor("#8a939d"))
            text = self.tr("Not signed") if self._read_only else self._placeholder
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, text)
        painter.end()


def _clamp(value: float) -> float:
    if math.isnan(value):
        return 0.0
    return min(1.0, max(0.0, value))


class SignatureField(QWidget):
    """A pad with its 'clear' and 'undo stroke' buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pad = SignaturePad(self)
        self.clear_button = QPushButton(self.tr("Clear"), self)
        self.clear_button.setToolTip(self.tr("Erase the signature and sign again"))
        self.undo_button = QPushButton(self.tr("Undo stroke"), self)
        self.undo_button.setToolTip(self.tr("Take back the last stroke (Ctrl+Z)"))
        self.redo_button = QPushButton(self.tr("Redo stroke"), self)
        self.redo_button.setToolTip(self.tr("Put the stroke back (Ctrl+Y)"))
        self.clear_button.clicked.connect(self.pad.clear)
        self.undo_button.clicked.connect(self.pad.undo)
        self.redo_button.clicked.connect(self.pad.redo)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.redo_button)
        buttons.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pad, 1)
        layout.addLayout(buttons)
        self.pad.changed.connect(self._update_buttons)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.clear_button.setEnabled(not self.pad.isEmpty() and not self.pad.isReadOnly())
        self.undo_button.setEnabled(self.pad.canUndo())
        self.redo_button.setEnabled(self.pad.canRedo())
