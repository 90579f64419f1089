"""Issue 17: ``workbench backup`` while a 20,000-row import holds the write lock. The
backup opens the store read-only and never waits for the writer: it succeeds while the
import is still running, is consistent (integrity_check, no half of the import), and
restores."""

from __future__ import annotations

import csv
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.helpers.stores import copy_store
from workbench.cli import main

ROWS = 20_000
HEADER = [
    "设备编号",
    "名称",
    "类型",
    "类别",
    "合同序号",
    "型号",
    "序列号",
    "位置",
    "网址",
    "状态",
    "备注",
]


def _write_lock_held(db: Path) -> bool:
    conn = sqlite3.connect(db, timeout=0)
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        return "locked" in str(exc)
    else:
        conn.rollback()
        return False
    finally:
        conn.close()


def test_backup_while_a_long_import_holds_the_write_lock(
    contract_store_template: Path, tmp_path: Path
) -> None:
    db = copy_store(contract_store_template, tmp_path / "store.sqlite3")
    sheet = tmp_path / "many.csv"
    with sheet.open("w", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f)
        out.writerow(HEADER)
        for i in range(ROWS):
            name = f"负载测试设备{i}"
            out.writerow(
                [f"XF-LOAD-{i:05d}", name, "设备", "信息发布屏", "", "", "", "机房", "", "在用", ""]
            )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    importer = subprocess.Popen(
        [sys.executable, "-m", "workbench", "assets", "import", str(sheet), "--db", str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    try:
        deadline = time.monotonic() + 120
        while not _write_lock_held(db):
            assert importer.poll() is None, importer.communicate()
            assert time.monotonic() < deadline, "the import never took the write lock"
            time.sleep(0.05)
        started = time.monotonic()
        target = tmp_path / "during.sqlite3"
        assert main(["backup", "-o", str(target), "--db", str(db)]) == 0
        took = time.monotonic() - started
        # The import was still holding the lock when the backup was done: nothing waited.
        still_running = importer.poll() is None and _write_lock_held(db)
    finally:
        _out, err_text = importer.communicate(timeout=600)
    assert importer.returncode == 0, err_text.decode()
    assert still_running, f"the import ended before the backup did ({took:.1f} s)"
    conn = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        loaded = conn.execute("SELECT count(*) FROM asset WHERE code LIKE 'XF-LOAD-%'").fetchone()[
            0
        ]
    finally:
        conn.close()
    assert loaded == 0  # all or nothing: none of the unfinished import is in the backup
    # The backup restores (into a fresh copy of the store) and verifies.
    restored = copy_store(contract_store_template, tmp_path / "restored.sqlite3")
    assert main(["restore", str(target), "--db", str(restored), "--yes", "--force"]) == 0
    assert main(["verify", "--db", str(restored)]) == 0
    print(f"\nbackup during a {ROWS}-row import: {took:.2f} s, the import still running")
