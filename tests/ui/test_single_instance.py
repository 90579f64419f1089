"""Issue 21: the GUI started twice on one store: one window, raised; the second process
exits 0. The command line still works beside the GUI."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from tests.helpers.stores import copy_store
from workbench.ui.single_instance import store_key


def _wait(condition, seconds: float, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.1)


def test_a_second_start_raises_the_first_window(
    contract_store_template: Path, tmp_path: Path, workbench_home: Path
) -> None:
    db = copy_store(contract_store_template, tmp_path / "store.sqlite3")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WORKBENCH_HOME": str(workbench_home)}
    command = [sys.executable, "-m", "workbench", "--db", str(db), "--lang", "en"]
    key = store_key(f"sqlite:///{db}")
    lock = workbench_home / "config" / f"instance-{key}.lock"
    log = workbench_home / "logs" / "workbench.log"
    errors = tmp_path / "first.err"
    with errors.open("wb") as err:
        first = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=err)
    try:
        _wait(lambda: lock.exists() or first.poll() is not None, 60, "the first GUI took no lock")
        assert first.poll() is None, errors.read_text("utf-8", "replace")
        _wait(
            lambda: log.exists() and "ready on" in log.read_text("utf-8", "replace"),
            60,
            "the first GUI did not finish starting",
        )
        started = time.monotonic()
        second = subprocess.run(command, check=False, env=env, capture_output=True, timeout=60)
        took = time.monotonic() - started
        assert second.returncode == 0, second.stderr.decode()
        assert first.poll() is None  # the first window is still there
        _wait(
            lambda: "raising the window" in log.read_text("utf-8", "replace"),
            10,
            "the first window was not raised",
        )
        # The command line still works on the store beside the GUI.
        verify = subprocess.run(
            [sys.executable, "-m", "workbench", "verify", "--db", str(db)],
            check=False,
            env=env,
            capture_output=True,
            timeout=120,
        )
        assert verify.returncode == 0, verify.stderr.decode()
    finally:
        first.terminate()
        first.wait(timeout=30)
    print(f"\nsecond start answered in {took:.1f} s")
