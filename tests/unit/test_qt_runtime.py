"""The Qt binding must not corrupt the interpreter.

PySide6-Essentials 6.12.0 drops a reference to ``True`` on every signal emitted from
Python; on Python 3.11 the interpreter aborts (``bool_dealloc``) after a few hundred
emits. pyproject.toml excludes that release; this test catches any other that does it.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QObject, Signal


class _Emitter(QObject):
    plain = Signal()
    text = Signal(str)


def test_signal_emits_keep_reference_counts(qapp: QCoreApplication):
    emitter = _Emitter()
    received: list[str] = []
    emitter.text.connect(received.append)
    before = sys.getrefcount(True)
    for _ in range(500):
        emitter.plain.emit()
        emitter.text.emit("x")
    assert len(received) == 500
    # 1,000 emits: the faulty release loses 1,000 references; allow a little noise from
    # anything else running that holds or drops a reference to True meanwhile.
    assert abs(sys.getrefcount(True) - before) < 10
