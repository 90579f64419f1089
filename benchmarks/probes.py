"""Measurements that run in a process of their own: ``python -m benchmarks.probes NAME DB``.

Each probe prints its results as one line ``BENCH {json}`` on stdout. Cold-start probes
(``bare``, ``floor``, ``app-paint``, ``app-ready``) print ``time.monotonic()`` at the moment
that counts; the runner took the same clock just before it spawned the process
(CLOCK_MONOTONIC is one clock for every process of the machine). Only the standard library
is imported here at the top, so the probes pay for nothing the program they measure does not.
"""

from __future__ import annotations

import json
import os
import sys
import time
from typing import Any


def emit(**values: Any) -> None:
    sys.stdout.write("BENCH " + json.dumps(values) + "\n")
    sys.stdout.flush()


def _done(**values: Any) -> None:
    """Report and leave at once (no teardown in the measured process)."""
    emit(**values)
    os._exit(0)


# -- cold starts ----------------------------------------------------------------------


def bare(_db: str) -> None:
    """The yardstick: a bare PySide6 window with a label, until it is painted."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])

    class Watch(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and obj is window:
                _done(painted=time.monotonic())
            return False

    window = QMainWindow()
    window.setCentralWidget(QLabel("运维工作台"))
    window.resize(1400, 860)
    watch = Watch()
    window.installEventFilter(watch)
    window.show()
    app.exec()


def floor(db: str) -> None:
    """The floor of "ready": PySide6 and SQLAlchemy, the store opened, one query, a window."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
    from sqlalchemy import create_engine, text

    app = QApplication(sys.argv[:1])
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT a.code, a.name, c.name, l.name FROM asset a "
                "JOIN asset_category c ON c.id = a.category_id "
                "LEFT JOIN location l ON l.id = a.location_id ORDER BY a.code"
            )
        ).all()

    class Watch(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and obj is window:
                _done(painted=time.monotonic(), rows=len(rows))
            return False

    window = QMainWindow()
    window.setCentralWidget(QLabel(f"{len(rows)} 台设备"))
    window.resize(1400, 860)
    watch = Watch()
    window.installEventFilter(watch)
    window.show()
    app.exec()


def _app_start(db: str, *, until_ready: bool) -> None:
    """The workbench as the user starts it (the ``workbench`` command), watched from outside:
    the first paint of the main window, or the 设备 list filled and painted.

    The watch is an event filter on the main window alone, installed as the window is
    shown, the same as the bare probe's: an application-wide Python event filter would
    put a Python call on every event of every object and slow the process it measures
    (it doubled the time of building the window). The filled list is timed when the
    window's first repaint after the list came in begins: the update request that paints
    the list's viewport, 0.3-0.4 ms before the viewport's own paint event. It is not
    watched on the viewport itself: the first widget that PySide6 hands out from C++
    (as ``viewport()`` does) makes it resolve the widget's type against every widget
    class, which built 70 enums (15-20 ms on the GUI thread while the list was being
    read) that the workbench itself does not need before its list shows."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    _app = QApplication(sys.argv[:1])  # run() adopts it
    from workbench.ui import main_window

    class Watch(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.window: Any = None
            self.view: Any = None
            self.painted = False
            self.loaded = False

        def watch_window(self, window: Any) -> None:
            self.window = window
            window.installEventFilter(self)

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if obj is not self.window:
                return False
            kind = event.type()
            if kind == QEvent.Type.Paint and not self.painted:
                self.painted = True
                if not until_ready:
                    _done(painted=time.monotonic())
                for key, widget in obj.created_views().items():
                    self.view_created(key, widget)
                obj.viewCreated.connect(self.view_created)
            elif kind == QEvent.Type.UpdateRequest and self.loaded:
                # The repaint that shows the list begins (as the yardsticks are timed at
                # the start of their window's paint).
                _done(
                    painted=time.monotonic(),
                    rows=self.view.model.rowCount(),
                    rss_kb=_maxrss_kb(),
                )
            return False

        def view_created(self, key: str, widget: Any) -> None:
            if key == "assets" and self.view is None:
                self.view = widget
                widget.loaded.connect(self.list_loaded)

        def list_loaded(self) -> None:
            if self.view.model.rowCount() > 0:
                self.loaded = True
                self.view.table.update()  # the list's area is in the next repaint

    watch = Watch()
    show = main_window.MainWindow.show

    def show_watched(window: Any) -> None:
        watch.watch_window(window)
        show(window)

    main_window.MainWindow.show = show_watched  # type: ignore[method-assign]
    from workbench.cli import main

    main(["--db", db])  # the `workbench` command with no subcommand: the GUI


def app_paint(db: str) -> None:
    _app_start(db, until_ready=False)


def app_ready(db: str) -> None:
    _app_start(db, until_ready=True)


def _maxrss_kb() -> int:
    import resource

    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


PROBES = {
    "bare": bare,
    "floor": floor,
    "app-paint": app_paint,
    "app-ready": app_ready,
}


def main(argv: list[str]) -> int:
    name, db = argv[0], argv[1]
    if name in PROBES:
        PROBES[name](db)
        return 0
    from benchmarks import gui_probes

    return gui_probes.run(name, db, argv[2:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
