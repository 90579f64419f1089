"""Measurements inside one workbench process over the benchmark store.

``scan``: last byte written to a pty until the device's detail is painted. ``search``:
keystrokes in the 工单 search field until the field and then the list are repainted.
``scroll``: the longest stall of the event loop while the 工单 list is scrolled to its end.
``dashboard``: 总览 shown until painted (and until its figures are painted). ``memory``:
the RSS high-water mark with every view opened. ``documents``: work-order PDFs and the
monthly report (no GUI). Results go out as one ``BENCH {json}`` line.
"""

from __future__ import annotations

import functools
import os
import random
import statistics
import sys
import time
import tty
from collections.abc import Callable
from typing import Any

from benchmarks.probes import emit


def _maxrss_kb() -> int:
    import resource

    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


class _Gui:
    """The workbench's main window over the store, as ``workbench.app`` builds it."""

    def __init__(self, db: str) -> None:
        from PySide6.QtCore import QEvent, QObject
        from PySide6.QtWidgets import QApplication

        from workbench.app import create_application, create_main_window, freeze_startup_heap
        from workbench.config import Settings
        from workbench.data.store import Store

        self.app: QApplication = create_application("zh_CN")
        self.store = Store(f"sqlite:///{db}")
        settings = Settings()
        settings.welcome_done = True
        settings.wedge_enabled = False
        self.window: Any = create_main_window(self.store, settings, start_scanner=False)
        self.window.show()
        freeze_startup_heap()  # as workbench.app.run does once the store is open
        self.paints: dict[int, list[float]] = {}

        outer = self

        class PaintWatch(QObject):
            def eventFilter(self, obj: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint:
                    outer.paints.setdefault(id(obj), []).append(time.perf_counter())
                return False

        self._watch = PaintWatch()

    def watch(self, widget: Any) -> None:
        widget.installEventFilter(self._watch)

    def painted_after(self, widget: Any, t0: float) -> float | None:
        for t in self.paints.get(id(widget), ()):
            if t >= t0:
                return t
        return None

    def wait(self, condition: Callable[[], bool], timeout: float = 30.0) -> bool:
        from PySide6.QtCore import QEventLoop

        deadline = time.perf_counter() + timeout
        while not condition():
            if time.perf_counter() > deadline:
                return False
            self.app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            time.sleep(0.0005)
        return True

    def pump(self, seconds: float) -> None:
        end = time.perf_counter() + seconds
        self.wait(lambda: time.perf_counter() >= end, timeout=seconds + 1)

    def assets(self) -> Any:
        view = self.window.show_view("assets")
        if not self.wait(lambda: view.model.rowCount() > 0, timeout=60):
            raise RuntimeError("the 设备 list did not load")
        return view

    def workorders(self) -> Any:
        view = self.window.show_view("workorders")
        if not self.wait(lambda: view.model.rowCount() > 0, timeout=60):
            raise RuntimeError("the 工单 list did not load")
        self.pump(0.3)
        return view


def _painted_since(gui: _Gui, widget: Any, t0: float) -> Callable[[], bool]:
    return lambda: gui.painted_after(widget, t0) is not None


def _both(code: str, shown: list[str], painted: Callable[[], bool]) -> bool:
    return code in shown and painted()


def _stats(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {
        "median": statistics.median(ordered),
        "p95": p95,
        "max": ordered[-1],
        "n": len(ordered),
    }


# -- scan to screen -------------------------------------------------------------------


def scan(db: str, args: list[str]) -> None:
    from workbench.devices.framing import FramingConfig
    from workbench.devices.serial_reader import PortConfig

    count = int(args[0]) if args else 40
    gui = _Gui(db)
    view = gui.assets()
    codes = [r.code for r in view.model.rows() if r.kind == "device"]
    rng = random.Random(9)
    master, slave = os.openpty()
    tty.setraw(slave)
    scanner = gui.window.wiring.scanner
    scanner.start_serial(PortConfig(port=os.ttyname(slave)), FramingConfig(terminator="cr"))
    if not gui.wait(lambda: scanner.state == "connected", timeout=10):
        raise RuntimeError("the scanner did not connect to the pty")
    gui.watch(view.detail.title)
    shown: list[str] = []
    view.assetShown.connect(shown.append)
    samples: list[float] = []
    for code in rng.sample(codes, min(count + 3, len(codes))):
        gui.pump(0.25 + rng.random() * 0.1)  # the scanner's inter-character timeout is 0.2 s
        shown.clear()
        os.write(master, code.encode("ascii") + b"\r")
        t0 = time.perf_counter()
        painted_since = _painted_since(gui, view.detail.title, t0)
        ok = gui.wait(functools.partial(_both, code, shown, painted_since), timeout=10)
        if not ok or view.detail.asset is None or view.detail.asset.code != code:
            raise RuntimeError(f"scan of {code} did not reach the screen")
        painted = gui.painted_after(view.detail.title, t0)
        assert painted is not None
        samples.append((painted - t0) * 1000)
    scanner.stop()
    os.close(master)
    os.close(slave)
    emit(scan_ms=samples[3:], warmup_ms=samples[:3])


# -- search as you type and scrolling in the 工单 list --------------------------------------


SEARCH_TERMS = ("KIOSK", "WO-2024-01", "XF-CAM-01", "SN0", "WO-2026-1", "DEC-1", "VRT", "HUB-0")


def search(db: str, args: list[str]) -> None:
    from PySide6.QtTest import QTest

    rounds = int(args[0]) if args else 2
    gui = _Gui(db)
    view = gui.workorders()
    total = view.model.total()
    viewport = view.table.viewport()
    gui.watch(view.search)
    gui.watch(viewport)
    resets: list[float] = []
    fired: list[float] = []
    view.model.modelReset.connect(lambda: resets.append(time.perf_counter()))
    view._search_timer.timeout.connect(lambda: fired.append(time.perf_counter()))
    key_ms: list[float] = []
    query_ms: list[float] = []
    typed_ms: list[float] = []
    shown_counts: list[int] = []
    rng = random.Random(3)
    for _ in range(rounds):
        for term in SEARCH_TERMS:
            view.search.clear()
            gui.pump(0.6)
            last_key = 0.0
            for char in term:
                t0 = time.perf_counter()
                QTest.keyClicks(view.search, char)
                gui.wait(_painted_since(gui, view.search, t0), timeout=5)
                painted = gui.painted_after(view.search, t0)
                assert painted is not None
                key_ms.append((painted - t0) * 1000)
                last_key = t0
                gui.pump(0.06 + rng.random() * 0.06)  # a quick typist: 60-120 ms a key
            fired.clear()
            resets.clear()
            expected = term

            def listed(t: float = last_key, text: str = expected) -> bool:
                return (
                    bool(resets)
                    and view.search.text() == text
                    and gui.painted_after(viewport, resets[-1]) is not None
                    and resets[-1] > t
                )

            if not gui.wait(listed, timeout=20):
                raise RuntimeError(f"search {term!r} did not list")
            painted = gui.painted_after(viewport, resets[-1])
            assert painted is not None
            typed_ms.append((painted - last_key) * 1000)
            query_ms.append((painted - fired[-1]) * 1000)
            shown_counts.append(view.model.total())
    from workbench.ui.workorders import filter_bar

    emit(
        total=total,
        key_ms=key_ms,
        query_ms=query_ms,
        typed_ms=typed_ms,
        debounce_ms=filter_bar.SEARCH_DELAY_MS,
        matches=shown_counts,
    )


def scroll(db: str, args: list[str]) -> None:
    from PySide6.QtCore import QElapsedTimer, Qt, QTimer

    gui = _Gui(db)
    view = gui.workorders()
    model = view.model
    total = model.total()
    bar = view.table.verticalScrollBar()
    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed()]

    def beat() -> None:
        now = clock.nsecsElapsed()
        gaps.append((now - last[0]) / 1e6)
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
    heartbeat.setInterval(1)
    heartbeat.timeout.connect(beat)

    def step() -> None:  # a mouse wheel turned fast: three pages a frame
        bar.setValue(min(bar.maximum(), bar.value() + 3 * max(1, bar.pageStep())))

    wheel = QTimer()
    wheel.setInterval(16)
    wheel.timeout.connect(step)
    started = time.perf_counter()
    last[0] = clock.nsecsElapsed()
    heartbeat.start()
    wheel.start()
    done = gui.wait(lambda: model.rowCount() >= total and bar.value() >= bar.maximum(), timeout=600)
    gui.pump(0.2)
    wheel.stop()
    heartbeat.stop()
    elapsed = time.perf_counter() - started
    if not done:
        raise RuntimeError(f"scrolled {model.rowCount()} of {total} rows only")
    emit(
        total=total,
        rows=model.rowCount(),
        seconds=elapsed,
        max_stall_ms=max(gaps),
        stalls_over_frame=sum(1 for g in gaps if g > 1000 / 60),
        beats=len(gaps),
        gap_p95_ms=_stats(gaps)["p95"],
    )


# -- dashboard and memory -------------------------------------------------------------


def dashboard(db: str, args: list[str]) -> None:
    gui = _Gui(db)
    gui.assets()
    gui.pump(0.5)
    if not gui.window.has_view("dashboard"):
        emit(missing=True)
        return
    from workbench.ui.dashboard.view import DashboardView

    loaded: list[float] = []
    created: list[Any] = []

    def on_created(key: str, widget: Any) -> None:
        if key == "dashboard":
            created.append(widget)
            gui.watch(widget)
            widget.loaded.connect(lambda: loaded.append(time.perf_counter()))

    gui.window.viewCreated.connect(on_created)
    t0 = time.perf_counter()
    view = gui.window.show_view("dashboard")
    assert isinstance(view, DashboardView)
    gui.wait(lambda: gui.painted_after(view, t0) is not None, timeout=30)
    painted = gui.painted_after(view, t0)
    gui.wait(lambda: bool(loaded), timeout=60)
    gui.wait(lambda: gui.painted_after(view, loaded[-1]) is not None, timeout=30)
    filled = gui.painted_after(view, loaded[-1]) if loaded else None
    emit(
        first_paint_ms=(painted - t0) * 1000 if painted else None,
        filled_ms=(filled - t0) * 1000 if filled else None,
    )


def memory(db: str, args: list[str]) -> None:
    gui = _Gui(db)
    gui.assets()
    for key, _module, _cls in list(_views(gui)):
        view = gui.window.show_view(key)
        loaded = getattr(view, "loaded", None)
        flag: list[bool] = []
        if loaded is not None:
            loaded.connect(functools.partial(flag.append, True))
            gui.wait(functools.partial(bool, flag), timeout=60)
        gui.pump(1.0)
    # The 工单 list scrolled to its end: every page fetched.
    view = gui.window.show_view("workorders")
    bar = view.table.verticalScrollBar()
    model = view.model

    def further() -> bool:
        bar.setValue(bar.maximum())
        return bool(model.rowCount() >= model.total())

    gui.wait(further, timeout=600)
    gui.pump(1.0)
    emit(
        max_rss_kb=_maxrss_kb(),
        views=sorted(gui.window.created_views()),
        workorder_rows=model.rowCount(),
    )


def _views(gui: _Gui) -> list[tuple[str, str, str]]:
    from workbench.ui.main_window import available_views

    return available_views()


# -- documents ------------------------------------------------------------------------


def documents(db: str, args: list[str]) -> None:
    import importlib.util

    from PySide6.QtCore import QCoreApplication
    from sqlalchemy import select

    from workbench import i18n
    from workbench.data.models.workorders import WorkOrder
    from workbench.data.store import Store
    from workbench.services import workorders as wo

    repeats = int(args[0]) if args else 20
    _app = QCoreApplication(sys.argv[:1])
    i18n.load("zh_CN")  # the documents in Chinese, as users print them
    store = Store(f"sqlite:///{db}")
    result: dict[str, Any] = {}
    if importlib.util.find_spec("workbench.reports.workorder") is not None:
        from workbench.reports.workorder import workorder_pdf

        with store.read() as session:
            numbers = list(
                session.scalars(
                    select(WorkOrder.number)
                    .where(WorkOrder.status == "signed")
                    .order_by(WorkOrder.reported_at.desc())
                    .limit(100 + repeats + 1)
                )
            )
        with store.read() as session:
            first = time.perf_counter()
            workorder_pdf(wo.document(session, numbers[0]), i18n.translate)
            cold = time.perf_counter() - first
            singles = []
            sizes = []
            for number in numbers[1 : repeats + 1]:
                t0 = time.perf_counter()
                data = workorder_pdf(wo.document(session, number), i18n.translate)
                singles.append((time.perf_counter() - t0) * 1000)
                sizes.append(len(data))
        batches = []
        for _ in range(3):
            t0 = time.perf_counter()
            with store.read() as session:
                for number in numbers[-100:]:
                    workorder_pdf(wo.document(session, number), i18n.translate)
            batches.append(time.perf_counter() - t0)
        result.update(
            workorder_cold_ms=cold * 1000,
            workorder_ms=singles,
            workorder_batch_s=batches,
            workorder_bytes=statistics.median(sizes),
        )
    if importlib.util.find_spec("workbench.reports.monthly") is not None:
        import datetime as dt

        from workbench.domain import deliverables as calendar
        from workbench.domain.timeutil import LOCAL_TZ
        from workbench.ui.reports.view import make_report

        today = dt.datetime.now(LOCAL_TZ).date()
        last_month = (today.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
        period = calendar.month_label(last_month)
        times = []
        for _ in range(3):
            t0 = time.perf_counter()
            with store.transaction("benchmark") as session:
                data = make_report(session, "monthly", period)
            times.append(time.perf_counter() - t0)
        result.update(monthly_s=times, monthly_period=period, monthly_bytes=len(data))
    store.dispose()
    emit(**result)


PROBES: dict[str, Callable[[str, list[str]], None]] = {
    "scan": scan,
    "search": search,
    "scroll": scroll,
    "dashboard": dashboard,
    "memory": memory,
    "documents": documents,
}


def run(name: str, db: str, args: list[str]) -> int:
    PROBES[name](db, args)
    sys.stdout.flush()
    os._exit(0)
