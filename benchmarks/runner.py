"""Run every measurement, print the table, write the JSON.

Every probe runs in a fresh process over the cached store (see :mod:`benchmarks.dataset`),
with its own ``WORKBENCH_HOME`` and ``QT_QPA_PLATFORM=offscreen`` unless the caller set a
platform. Cold-start comparisons are made pair by pair in one run, alternating which of
the two goes first, and the ratio is taken per pair.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from benchmarks.dataset import SCALES, dataset_info, ensure_dataset

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Metric:
    name: str
    median: float | None
    p95: float | None
    unit: str
    target: str
    ok: bool | None  # None: informational, or not measured
    note: str = ""


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _metric(  # noqa: PLR0917 - one line per metric reads best positionally
    name: str, values: list[float], unit: str, limit: float | None, target: str, note: str = ""
) -> Metric:
    median = statistics.median(values)
    return Metric(
        name,
        median,
        _p95(values),
        unit,
        target,
        None if limit is None else median <= limit,
        note,
    )


class Harness:
    def __init__(self, db: Path, verbose: bool) -> None:
        self.db = db
        self.verbose = verbose
        self.home = Path(tempfile.mkdtemp(prefix="wb-bench-"))
        config = self.home / "config"
        config.mkdir(parents=True)
        settings = {"database": str(db), "welcome_done": True, "wedge_enabled": False}
        (config / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
        self.env = dict(os.environ)
        self.env["WORKBENCH_HOME"] = str(self.home)
        self.env.setdefault("QT_QPA_PLATFORM", "offscreen")
        self.env["PYTHONPATH"] = os.pathsep.join(
            [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
        )
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)

    def close(self) -> None:
        shutil.rmtree(self.home, ignore_errors=True)

    def probe(self, name: str, *args: str, timeout: float = 900) -> tuple[float, dict[str, Any]]:
        """Spawn a probe; (monotonic time just before the spawn, its BENCH values)."""
        command = [sys.executable, "-m", "benchmarks.probes", name, str(self.db), *args]
        spawned = time.monotonic()
        proc = subprocess.run(
            command,
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        lines = [line for line in proc.stdout.splitlines() if line.startswith("BENCH ")]
        if not lines:
            raise RuntimeError(
                f"probe {name} gave no result (exit {proc.returncode}):\n{proc.stderr[-3000:]}"
            )
        if self.verbose and proc.stderr.strip():
            print(proc.stderr[-2000:], file=sys.stderr)
        values: dict[str, Any] = json.loads(lines[-1][6:])
        return spawned, values

    def cold(self, name: str) -> float:
        spawned, values = self.probe(name)
        return (float(values["painted"]) - spawned) * 1000


def first_paint(h: Harness, pairs: int) -> list[Metric]:
    h.cold("bare")  # warm the file cache for both
    h.cold("app-paint")
    ratios, app, bare = [], [], []
    for i in range(pairs):
        order = ("bare", "app-paint") if i % 2 == 0 else ("app-paint", "bare")
        got = {name: h.cold(name) for name in order}
        app.append(got["app-paint"])
        bare.append(got["bare"])
        ratios.append(got["app-paint"] / got["bare"])
    return [
        _metric("first paint: bare PySide6 window", bare, "ms", None, "yardstick"),
        _metric("first paint: workbench main window", app, "ms", None, "info"),
        _metric("first paint: workbench / bare", ratios, "x", 1.5, "<= 1.5 x"),
    ]


def ready(h: Harness, pairs: int) -> list[Metric]:
    h.cold("floor")
    h.cold("app-ready")
    ratios, app, floor = [], [], []
    rss = []
    for i in range(pairs):
        order = ("floor", "app-ready") if i % 2 == 0 else ("app-ready", "floor")
        got: dict[str, float] = {}
        for name in order:
            spawned, values = h.probe(name)
            got[name] = (float(values["painted"]) - spawned) * 1000
            if name == "app-ready":
                rss.append(values["rss_kb"] / 1024)
        app.append(got["app-ready"])
        floor.append(got["floor"])
        ratios.append(got["app-ready"] / got["floor"])
    return [
        _metric("ready: floor script (query + window)", floor, "ms", None, "yardstick"),
        _metric("ready: 设备 list filled and painted", app, "ms", None, "info"),
        _metric("ready: workbench / floor", ratios, "x", 1.3, "<= 1.3 x"),
        _metric("ready: RSS of the workbench", rss, "MB", None, "info"),
    ]


def scan(h: Harness, count: int) -> list[Metric]:
    _t, values = h.probe("scan", str(count))
    samples = [float(v) for v in values["scan_ms"]]
    median, p95 = statistics.median(samples), _p95(samples)
    return [
        Metric(
            "scan to screen (pty byte to detail painted)",
            median,
            p95,
            "ms",
            "median < 16, p95 < 50",
            median < 16 and p95 < 50,
            f"{len(samples)} scans, max {max(samples):.1f} ms",
        )
    ]


def search(h: Harness, rounds: int) -> list[Metric]:
    _t, v = h.probe("search", str(rounds))
    debounce = float(v["debounce_ms"])
    note = f"{v['total']} orders"
    return [
        _metric("工单 search: keystroke to field repainted", v["key_ms"], "ms", 50, "< 50", note),
        _metric(
            "工单 search: query to list repainted",
            v["query_ms"],
            "ms",
            50,
            "< 50",
            "from the end of the view's typing pause",
        ),
        _metric(
            "工单 search: last keystroke to list repainted",
            v["typed_ms"],
            "ms",
            debounce + 50,
            f"< {debounce + 50:.0f}",
            f"includes the view's {debounce:.0f} ms typing pause",
        ),
    ]


def scroll(h: Harness) -> list[Metric]:
    _t, v = h.probe("scroll")
    stall = float(v["max_stall_ms"])
    frame = 1000 / 60
    return [
        Metric(
            "工单 scroll to the end: longest event-loop stall",
            stall,
            stall,
            "ms",
            f"< {frame:.1f} (one frame)",
            stall < frame,
            f"{v['rows']} rows in {v['seconds']:.1f} s, {v['stalls_over_frame']} stalls > 1 frame",
        )
    ]


def dashboard(h: Harness, repeats: int) -> list[Metric]:
    first, filled = [], []
    for _ in range(repeats):
        _t, v = h.probe("dashboard")
        if v.get("missing"):
            return [Metric("总览 first paint", None, None, "ms", "< 500", None, "not measured")]
        first.append(float(v["first_paint_ms"]))
        filled.append(float(v["filled_ms"]))
    return [
        _metric("总览: first paint", first, "ms", 500, "< 500"),
        _metric(
            "总览: figures and charts painted",
            filled,
            "ms",
            None,
            "info",
            "the target is the first paint; the figures follow from a background query",
        ),
    ]


def memory(h: Harness) -> list[Metric]:
    _t, v = h.probe("memory")
    mb = float(v["max_rss_kb"]) / 1024
    note = f"views {', '.join(v['views'])}; 工单 list scrolled to {v['workorder_rows']} rows"
    return [Metric("GUI peak RSS, every view opened", mb, mb, "MB", "< 350", mb < 350, note)]


def documents(h: Harness, repeats: int) -> list[Metric]:
    _t, v = h.probe("documents", str(repeats))
    metrics = []
    if "workorder_ms" in v:
        metrics += [
            _metric(
                "work-order PDF, two signatures, warm",
                v["workorder_ms"],
                "ms",
                200,
                "< 200",
                f"query + PDF; cold first {v['workorder_cold_ms']:.0f} ms, "
                f"{v['workorder_bytes'] / 1024:.0f} kB",
            ),
            _metric("100 work-order PDFs", v["workorder_batch_s"], "s", 15, "< 15"),
        ]
    else:
        metrics.append(Metric("work-order PDF", None, None, "ms", "< 200", None, "not measured"))
    if "monthly_s" in v:
        metrics.append(
            _metric(
                "monthly report (query + PDF)",
                v["monthly_s"],
                "s",
                3,
                "< 3",
                f"{v['monthly_period']}, {v['monthly_bytes'] / 1024:.0f} kB",
            )
        )
    else:
        metrics.append(Metric("monthly report", None, None, "s", "< 3", None, "not measured"))
    return metrics


def store_size(db: Path) -> list[Metric]:
    size = db.stat().st_size / 2**20
    info = dataset_info(db.name.split("-")[0])
    counts = info["counts"]
    note = (
        f"{counts['assets']} assets, {counts['device_inspections']} inspections, "
        f"{counts['inspection_results']} results, {counts['work_orders']} orders; "
        f"built in {info['build_seconds']:.0f} s"
    )
    return [Metric("store size on disk", size, size, "MB", "reported", None, note)]


GROUPS = ("first_paint", "ready", "scan", "search", "scroll", "dashboard", "memory", "documents")


def machine() -> dict[str, Any]:
    import PySide6
    import sqlalchemy
    from PySide6 import QtCore

    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor()
    ram = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = f"{int(line.split()[1]) / 2**20:.1f} GiB"
                break
    except OSError:
        pass
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "ram": ram,
        "os": platform.platform(),
        "python": platform.python_version(),
        "pyside6": PySide6.__version__,
        "qt": QtCore.qVersion(),
        "sqlalchemy": sqlalchemy.__version__,
        "qpa": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
    }


def table(metrics: list[Metric]) -> str:
    def num(value: float | None) -> str:
        if value is None:
            return "-"
        return f"{value:.2f}" if abs(value) < 10 else f"{value:.0f}"

    rows = [("metric", "median", "p95", "unit", "target", "result", "note")]
    for m in metrics:
        result = "-" if m.ok is None else ("pass" if m.ok else "FAIL")
        rows.append((m.name, num(m.median), num(m.p95), m.unit, m.target, result, m.note))
    lines = ["| " + " | ".join(r) + " |" for r in rows]
    lines.insert(1, "|" + "|".join("---" for _ in rows[0]) + "|")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--scale", choices=sorted(SCALES), default="large")
    parser.add_argument("--json", type=Path, help="write the results here as JSON")
    parser.add_argument("--only", default="", help="comma-separated groups: " + ",".join(GROUPS))
    parser.add_argument("--rebuild", action="store_true", help="build the dataset afresh")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    groups = [g for g in args.only.split(",") if g] or list(GROUPS)
    unknown = set(groups) - set(GROUPS)
    if unknown:
        parser.error(f"unknown groups: {', '.join(sorted(unknown))}")
    db = ensure_dataset(args.scale, rebuild=args.rebuild)
    load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    small = args.scale == "small"
    harness = Harness(db, args.verbose)
    metrics: list[Metric] = []
    try:
        for group in groups:
            t0 = time.perf_counter()
            if group == "first_paint":
                metrics += first_paint(harness, 9)
            elif group == "ready":
                metrics += ready(harness, 9)
            elif group == "scan":
                metrics += scan(harness, 30 if small else 40)
            elif group == "search":
                metrics += search(harness, 1)
            elif group == "scroll":
                metrics += scroll(harness)
            elif group == "dashboard":
                metrics += dashboard(harness, 3)
            elif group == "memory":
                metrics += memory(harness)
            elif group == "documents":
                metrics += documents(harness, 10 if small else 20)
            print(f"{group}: {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    finally:
        harness.close()
    metrics += store_size(db)
    info = machine()
    info["load_before"] = load_before
    info["load_after"] = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    info["scale"] = args.scale
    info["seconds"] = round(time.perf_counter() - started)
    print(table(metrics))
    print(
        f"\n{info['scale']} scale, {info['seconds']} s; {info['nproc']} CPUs ({info['cpu']}), "
        f"{info['ram']}, Python {info['python']}, PySide6 {info['pyside6']} (Qt {info['qt']}), "
        f"QPA {info['qpa']}; load average {info['load_before']:.1f} before, "
        f"{info['load_after']:.1f} after"
    )
    if args.json:
        args.json.write_text(
            json.dumps(
                {"machine": info, "metrics": [asdict(m) for m in metrics]},
                ensure_ascii=False,
                indent=2,
            ),
            encoding="utf-8",
        )
    failed = [m.name for m in metrics if m.ok is False]
    return 1 if failed else 0
