"""Work order commands as a user runs them: init --demo, list, verify, tampering."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ISO_WITH_OFFSET = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?[+-]\d\d:\d\d$")


def workbench(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "WORKBENCH_HOME": str(home), "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "workbench", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store filled once with the demo history; tests copy it before changing it."""
    base = tmp_path_factory.mktemp("demo")
    path = base / "demo.db"
    result = workbench("init", "--demo", "--db", str(path), "--lang", "en", home=base)
    assert result.returncode == 0, result.stderr
    assert "Demo history added" in result.stdout
    assert "张伟 2601" in result.stdout
    return path


def copy_db(src: Path, dst: Path) -> Path:
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)
    a.close()
    b.close()
    return dst


def test_list_json_shape(demo_db: Path, workbench_home: Path):
    result = workbench(
        "workorder", "list", "--db", str(demo_db), "--format", "json", home=workbench_home
    )
    assert result.returncode == 0, result.stderr
    orders = json.loads(result.stdout)
    assert len(orders) > 50
    assert [o["number"] for o in orders[:2]] == ["WO-2026-0001", "WO-2026-0002"]
    for order in orders:
        assert {
            "number",
            "type",
            "status",
            "assets",
            "reported_at",
            "responded_at",
            "onsite_at",
            "restored_at",
            "signed",
            "breaches",
            "penalty_cny",
        } <= set(order)
        assert isinstance(order["assets"], list)
        assert order["assets"]
        assert isinstance(order["signed"], bool)
        assert order["signed"] == (order["status"] == "signed")
        assert set(order["breaches"]) <= {"response", "onsite", "restore"}
        assert ISO_WITH_OFFSET.match(order["reported_at"])
        for key in ("responded_at", "onsite_at", "restored_at"):
            assert order[key] is None or ISO_WITH_OFFSET.match(order[key])
        assert float(order["penalty_cny"]) >= 0
    breached = [o for o in orders if o["breaches"]]
    assert breached
    # Whole days of delay (八、1): 3,315.00 per whole day, 0.00 for less than a day, 20% once
    # past ten days.
    allowed = {f"{3315 * days}.00" for days in range(11)} | {"221000.00"}
    assert all(o["penalty_cny"] in allowed for o in breached)
    assert {o["type"] for o in orders} >= {"fault", "service_request", "inspection_finding"}
    assert any(not o["signed"] for o in orders)


def test_list_filters_by_status_and_prints_a_table(demo_db: Path, workbench_home: Path):
    result = workbench(
        "workorder",
        "list",
        "--db",
        str(demo_db),
        "--status",
        "reported",
        "--format",
        "json",
        home=workbench_home,
    )
    assert result.returncode == 0, result.stderr
    assert {o["status"] for o in json.loads(result.stdout)} == {"reported"}
    table = workbench(
        "workorder", "list", "--db", str(demo_db), "--lang", "zh_CN", home=workbench_home
    )
    assert table.returncode == 0, table.stderr
    assert "工单号" in table.stdout
    assert "已签字" in table.stdout


def test_untouched_demo_store_verifies(demo_db: Path, workbench_home: Path):
    result = workbench("verify", "--db", str(demo_db), "--lang", "en", home=workbench_home)
    assert result.returncode == 0, result.stderr
    assert re.search(r"All \d+ signed records match", result.stdout)


def test_tampered_signed_order_fails_verify_by_name(
    demo_db: Path, tmp_path: Path, workbench_home: Path
):
    db = copy_db(demo_db, tmp_path / "tampered.db")
    with sqlite3.connect(db) as conn:
        numbers = [
            row[0]
            for row in conn.execute(
                "SELECT number FROM work_order WHERE status = 'signed' "
                "ORDER BY number LIMIT 2 OFFSET 10"
            )
        ]
        conn.execute(
            "UPDATE work_order SET description = description || '。' WHERE number = ?",
            (numbers[0],),
        )
        conn.execute(
            "UPDATE work_order SET reported_at = '2026-01-01 00:00:00.000000' WHERE number = ?",
            (numbers[1],),
        )
    conn.close()
    result = workbench("verify", "--db", str(db), "--lang", "en", home=workbench_home)
    assert result.returncode == 1
    assert f"{numbers[0]}: content no longer matches" in result.stderr
    assert f"{numbers[1]}: content no longer matches" in result.stderr
    assert "2 of" in result.stderr
    zh = workbench("verify", "--db", str(db), "--lang", "zh_CN", home=workbench_home)
    assert zh.returncode == 1
    assert f"{numbers[0]}：内容与签字时不一致" in zh.stderr


def test_unknown_order_is_a_plain_error(demo_db: Path, workbench_home: Path, tmp_path: Path):
    result = workbench(
        "workorder",
        "pdf",
        "WO-2026-9999",
        "--db",
        str(demo_db),
        "-o",
        str(tmp_path / "x.pdf"),
        "--lang",
        "en",
        home=workbench_home,
    )
    assert result.returncode == 2
    assert "No work order WO-2026-9999." in result.stderr
