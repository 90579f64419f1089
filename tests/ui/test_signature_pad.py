"""The signature pad records what is drawn on it, and the sign-off dialog's rules."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from workbench.config import Settings
from workbench.data.store import Store
from workbench.domain.messages import QT_TRANSLATE_NOOP, WorkbenchError
from workbench.services import engineers
from workbench.ui.common.context import AppContext
from workbench.ui.common.messages import MessageBridge
from workbench.ui.common.signature_pad import SignaturePad, fit_box, stroke_path
from workbench.ui.common.signoff import SignOffDialog, SignOffInput
from workbench.ui.common.tasks import TaskRunner


def draw(pad: SignaturePad, points: list[tuple[int, int]]) -> None:
    """Press, move through ``points`` and release, as a user with a mouse would."""
    first = QPoint(*points[0])
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, first)
    for x, y in points[1:]:
        QTest.mouseMove(pad, QPoint(x, y))
    QTest.mouseRelease(
        pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(*points[-1])
    )


def zigzag(width: int, height: int, n: int = 12) -> list[tuple[int, int]]:
    return [
        (20 + i * (width - 40) // n, height // 3 if i % 2 else 2 * height // 3)
        for i in range(n + 1)
    ]


def ink_pixels(widget: Any) -> int:
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = QColor(image.pixel(x, y))
            if c.blue() > c.red() + 40 and c.red() < 120:  # the blue-black ink
                count += 1
    return count


@pytest.fixture
def pad(qtbot: QtBot) -> SignaturePad:
    widget = SignaturePad()
    qtbot.addWidget(widget)
    widget.resize(420, 140)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_mouse_strokes_are_recorded_normalised(qtbot: QtBot, pad: SignaturePad) -> None:
    assert pad.isEmpty()
    with qtbot.waitSignal(pad.changed):
        draw(pad, zigzag(pad.width(), pad.height()))
    draw(pad, [(60, 30), (200, 100)])
    strokes = pad.strokes()
    assert len(strokes) == 2
    assert len(strokes[0]) == 13
    for stroke in strokes:
        for x, y in stroke:
            assert 0.0 <= x <= 1.0
            assert 0.0 <= y <= 1.0
    # y grows downwards: the first zigzag point is low (2/3 of the height)
    assert strokes[0][0][1] > strokes[0][1][1]
    assert pad.aspect() == pytest.approx((420 - 12) / (140 - 12), rel=1e-3)
    assert ink_pixels(pad) > 50


def test_undo_redo_and_clear(qtbot: QtBot, pad: SignaturePad) -> None:
    draw(pad, [(30, 30), (120, 90), (200, 40)])
    draw(pad, [(250, 30), (300, 100)])
    pad.undo()
    assert len(pad.strokes()) == 1
    pad.redo()
    assert len(pad.strokes()) == 2
    pad.undo()
    draw(pad, [(250, 100), (300, 30)])  # a new stroke forgets what was undone
    assert not pad.canRedo()
    pad.clear()
    assert pad.isEmpty()
    assert ink_pixels(pad) == 0


def test_stored_signature_shows_read_only_and_keeps_its_aspect(
    qtbot: QtBot, pad: SignaturePad
) -> None:
    strokes = [[(0.1, 0.5), (0.3, 0.2), (0.5, 0.8), (0.9, 0.4)]]
    pad.setStrokes(strokes, 2.0)
    pad.setReadOnly(True)
    draw(pad, [(30, 30), (300, 100)])  # ignored
    assert pad.strokes() == strokes
    assert pad.aspect() == 2.0
    assert ink_pixels(pad) > 20
    pad.resize(600, 100)  # the box keeps the signature's aspect inside any pad shape
    box = pad._box()
    assert box.width() / box.height() == pytest.approx(2.0)


def test_a_tap_is_a_dot_and_paths_are_smooth() -> None:
    dot = stroke_path([QPointF(5, 5)])
    assert not dot.isEmpty()
    path = stroke_path([QPointF(0, 0), QPointF(10, 10), QPointF(20, 0), QPointF(30, 10)])
    assert path.elementCount() > 4  # curves, not a polyline
    box = fit_box(QRectF(0, 0, 300, 100), 2.0)
    assert (box.width(), box.height(), box.x()) == (200, 100, 50)


# -- the sign-off dialog ------------------------------------------------------------


@pytest.fixture
def ctx(qtbot: QtBot, store: Store) -> Any:
    messages: list[tuple[str, str, str]] = []
    bridge = MessageBridge()
    bridge.sink = lambda level, title, text: messages.append((level, title, text))
    tasks = TaskRunner()
    context = AppContext(store=store, settings=Settings(), tasks=tasks, messages=bridge)
    yield context
    tasks.wait()


def _engineer(store: Store, name: str = "李工", pin: str = "246800") -> str:
    with store.transaction("test") as session:
        return engineers.create_engineer(session, name, "13800000000", pin).id


def fill(dialog: SignOffDialog, pin: str, client: str = "王主任") -> None:
    dialog.pin_edit.setText(pin)
    dialog.client_name_edit.setText(client)
    for field in (dialog.engineer_signature, dialog.client_signature):
        field.pad.resize(400, 120)
        draw(field.pad, zigzag(400, 120))


def test_sign_off_checks_everything_is_given_and_the_pin(qtbot: QtBot, ctx: Any) -> None:
    engineer_id = _engineer(ctx.store)
    calls: list[SignOffInput] = []

    def sign(session: Any, data: SignOffInput) -> str:
        engineers.unlock(session, data.engineer_id, data.pin)
        calls.append(data)
        return "done"

    dialog = SignOffDialog(ctx, sign)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.engineer_combo.count() == 1)
    assert dialog.engineer_combo.currentData() == engineer_id

    dialog.sign_button.click()
    assert dialog.error_label.isVisible()
    assert "PIN" in dialog.error_label.text()
    assert not calls

    fill(dialog, "000000")
    dialog.sign_button.click()
    qtbot.waitUntil(lambda: "Wrong PIN" in dialog.error_label.text())
    assert dialog.isVisible()
    assert dialog.pin_edit.text() == ""

    dialog.pin_edit.setText("246800")
    with qtbot.waitSignal(dialog.accepted):
        dialog.sign_button.click()
    assert dialog.result_value == "done"
    (data,) = calls
    assert data.client_name == "王主任"
    assert len(data.engineer_strokes) == 1
    assert data.client_aspect == pytest.approx(data.engineer_aspect)


def test_locked_pin_says_when_signing_unlocks(qtbot: QtBot, ctx: Any) -> None:
    _engineer(ctx.store)

    def sign(session: Any, data: SignOffInput) -> None:
        engineers.unlock(session, data.engineer_id, data.pin)

    dialog = SignOffDialog(ctx, sign)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.engineer_combo.count() == 1)
    fill(dialog, "111111")
    for attempt in range(5):
        dialog.pin_edit.setText("111111")
        dialog.sign_button.click()
        qtbot.waitUntil(lambda: not dialog._busy)
        if attempt < 4:
            qtbot.waitUntil(lambda: "Wrong PIN" in dialog.error_label.text())
    qtbot.waitUntil(lambda: dialog.lockedUntil() is not None)
    until = dialog.lockedUntil()
    assert until is not None
    assert dt.timedelta(minutes=4) < until - dt.datetime.now(dt.UTC) <= dt.timedelta(minutes=5)
    assert dialog.lock_label.isVisible()
    assert not dialog.sign_button.isEnabled()
    # the lock is shown in Beijing time, to the second
    assert until.astimezone(dt.timezone(dt.timedelta(hours=8))).strftime("%H:%M:%S") in (
        dialog.lock_label.text()
    )


def test_other_errors_keep_the_dialog_open(qtbot: QtBot, ctx: Any) -> None:
    _engineer(ctx.store)

    def sign(_session: Any, _data: SignOffInput) -> None:
        raise WorkbenchError(QT_TRANSLATE_NOOP("messages", "This record is already signed."))

    dialog = SignOffDialog(ctx, sign)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.engineer_combo.count() == 1)
    fill(dialog, "246800")
    dialog.sign_button.click()
    qtbot.waitUntil(lambda: "already signed" in dialog.error_label.text())
    assert dialog.isVisible()
