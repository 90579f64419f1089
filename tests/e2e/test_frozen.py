"""The frozen (PyInstaller) build, run as a user runs it.

Skipped unless ``WORKBENCH_FROZEN`` names a built one-folder bundle, e.g.

    pyinstaller --noconfirm build.spec
    WORKBENCH_FROZEN=dist/workbench pytest tests/e2e/test_frozen.py

(``.ci/frozen.sh`` builds it and runs the self-test; these tests look further.)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from workbench import __version__

BUNDLE = os.environ.get("WORKBENCH_FROZEN", "")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not BUNDLE, reason="WORKBENCH_FROZEN does not name a frozen build"),
]

MAX_BUNDLE_MB = 200


@pytest.fixture(scope="module")
def bundle() -> Path:
    path = Path(BUNDLE).resolve()
    assert path.is_dir(), f"no frozen build at {path}"
    return path


@pytest.fixture(scope="module")
def exe(bundle: Path) -> Path:
    # Windows: the console twin of the windowed workbench.exe returns an exit status.
    name = "workbench-cli.exe" if sys.platform == "win32" else "workbench"
    path = bundle / name
    assert path.is_file(), f"no {name} in {bundle}"
    return path


def _run(exe: Path, *args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "WORKBENCH_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONPATH", None)  # the bundle must not lean on the source tree
    return subprocess.run(
        [str(exe), *args],
        env=env,
        cwd=home,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=300,
        check=False,
    )


def test_version(exe: Path, workbench_home: Path) -> None:
    proc = _run(exe, "--version", home=workbench_home)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"workbench {__version__}"


def test_selftest(exe: Path, workbench_home: Path) -> None:
    proc = _run(exe, "--selftest", home=workbench_home)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "(frozen," in proc.stdout
    assert "FAILED" not in proc.stdout


def test_init_and_list_with_the_frozen_cli(exe: Path, workbench_home: Path) -> None:
    """Migrations run from the scripts shipped as data; command modules load by name."""
    db = workbench_home / "frozen.sqlite3"
    proc = _run(exe, "init", "--db", str(db), "--lang", "en", home=workbench_home)
    assert proc.returncode == 0, proc.stderr
    assert db.is_file()
    proc = _run(
        exe,
        "assets",
        "list",
        "--db",
        str(db),
        "--kind",
        "website",
        "--format",
        "json",
        home=workbench_home,
    )
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    assert len(rows) == 5


def test_signed_paper_checks_with_the_frozen_cli(exe: Path, workbench_home: Path) -> None:
    """Issue 16 in the bundle: the demo's engineers get libsodium keys (PyNaCl), a signed
    order prints with its QR code, and verify --paper reads it back (pypdfium2, zxing)."""
    db = workbench_home / "signed.sqlite3"
    proc = _run(exe, "init", "--demo", "--db", str(db), "--lang", "en", home=workbench_home)
    assert proc.returncode == 0, proc.stderr
    pdf = workbench_home / "wo.pdf"
    proc = _run(exe, "workorder", "pdf", "WO-2026-0005", "-o", str(pdf), "--db", str(db),
                home=workbench_home)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    proc = _run(exe, "verify", "--paper", str(pdf), "--db", str(db), "--lang", "en",
                home=workbench_home)  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "WO-2026-0005" in proc.stdout + proc.stderr


def test_bundle_is_trimmed(bundle: Path) -> None:
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    names = [p.relative_to(bundle).as_posix() for p in files]
    translations = [n for n in names if "/translations/" in n and n.endswith(".qm")]
    assert translations, "Qt's own translations are missing"
    assert all(n.endswith(("_zh_CN.qm", "_en.qm")) for n in translations), translations
    assert not [n for n in names if "wayland" in n.lower() or "/qml/" in n.lower()]
    assert not [n for n in names if "QtWebEngine" in n or "Qt6Quick" in n or "Qt6Qml" in n]
    assert any(n.endswith("resources/fonts/wqy-microhei.ttc") for n in names)
    assert any(n.endswith("workbench/data/migrations/env.py") for n in names)
    assert not [n for n in names if n.endswith(".ts")]  # translation sources stay home
    if sys.platform.startswith("linux"):
        size_mb = sum(p.stat().st_size for p in files) / 2**20
        assert size_mb < MAX_BUNDLE_MB, f"{size_mb:.0f} MB"


def test_no_dangling_links(bundle: Path) -> None:
    broken = [p for p in bundle.rglob("*") if p.is_symlink() and not p.exists()]
    assert broken == []
