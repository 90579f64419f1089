"""The GUI thread does not wait on other threads: Qt's pool of fill threads stays off,
and a Python worker thread gives up the interpreter quickly when the GUI wants it."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Paints a large window and counts the process's threads that Qt's thread pools name.
PAINT = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    from PySide6.QtWidgets import QApplication, QTableWidget, QTableWidgetItem

    if sys.argv[1] == "workbench":
        from workbench.app import create_application

        app = create_application("zh_CN")
    else:
        app = QApplication([])
    table = QTableWidget(60, 8)
    for row in range(60):
        for column in range(8):
            table.setItem(row, column, QTableWidgetItem(f"工单 {row}-{column}"))
    table.resize(1200, 900)
    table.show()
    for _ in range(5):
        table.viewport().repaint()
        table.grab()
    pooled = [
        task
        for task in Path("/proc/self/task").iterdir()
        if (task / "comm").read_text().strip().startswith("Thread (pooled)")
    ]
    print(len(pooled))
    """
)


def _pooled_threads(kind: str) -> int:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    env.pop("QT_NO_GUI_THREADPOOL", None)
    done = subprocess.run(
        [sys.executable, "-c", PAINT, kind],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return int(done.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux's /proc")
def test_the_workbench_paints_without_qts_fill_threads() -> None:
    # The yardstick: a plain PySide6 program hands its large fills to pooled threads.
    if _pooled_threads("plain") == 0:
        pytest.skip("Qt painted without its fill threads here anyway (a single core?)")
    assert _pooled_threads("workbench") == 0


def test_a_worker_gives_the_interpreter_up_within_a_millisecond(qapp: object) -> None:
    import workbench.app as app_module

    before = sys.getswitchinterval()
    try:
        app_module.create_application("zh_CN")
        assert sys.getswitchinterval() <= 0.001
    finally:
        sys.setswitchinterval(before)
