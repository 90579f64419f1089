"""``workbench --selftest`` from the source tree, as a user would run it: a subprocess."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STEP = re.compile(r"^\s*(ok|FAILED)\s+\d+\.\d+ s\s+(.+?): ", re.MULTILINE)


def _run(home: Path, *args: str) -> tuple[int, str]:
    env = {**os.environ, "WORKBENCH_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, "-m", "workbench", "--selftest", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    return proc.returncode, proc.stdout + proc.stderr


@pytest.mark.slow
def test_selftest_passes_and_leaves_the_home_alone(workbench_home: Path) -> None:
    home = workbench_home
    status, output = _run(home)
    steps = {name: result for result, name in STEP.findall(output)}
    assert status == 0, output
    assert set(steps) >= {
        "paths and resources",
        "store and contract",
        "database drivers",
        "translations",
        "work-order PDF",
        "label PDF",
        "chart",
        "serial ports",
        "main window",
    }, output
    assert set(steps.values()) == {"ok"}, output
    assert "self-test passed" in output
    # The store went into a temporary folder, not the user's data folder.
    assert not list(home.rglob("*.sqlite3")), output


@pytest.mark.slow
def test_a_missing_resource_fails_the_selftest(tmp_path: Path, workbench_home: Path) -> None:
    """A packaging mistake (here: the resources folder moved away) is reported per step
    and fails the run."""
    import shutil

    from workbench import config

    copy = tmp_path / "app"
    shutil.copytree(ROOT / "workbench", copy / "workbench")
    shutil.copytree(config.resources_dir(), copy / "resources")
    (copy / "resources" / "fonts" / "wqy-microhei.ttc").unlink()
    env = {**os.environ, "WORKBENCH_HOME": str(workbench_home), "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, "-m", "workbench", "--selftest"],
        cwd=copy,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    output = proc.stdout + proc.stderr
    steps = {name: result for result, name in STEP.findall(output)}
    assert proc.returncode == 1, output
    assert steps["paths and resources"] == "FAILED"
    assert "wqy-microhei.ttc" in output
    assert "self-test FAILED" in output
