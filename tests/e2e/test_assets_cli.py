"""The asset commands as a user runs them: a real process, real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def workbench(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "WORKBENCH_HOME": str(home), "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "workbench", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.fixture
def db(tmp_path: Path, workbench_home: Path) -> str:
    path = str(tmp_path / "t.db")
    result = workbench("init", "--db", path, home=workbench_home)
    assert result.returncode == 0, result.stderr
    return path


def test_init_and_list_devices(db: str, workbench_home: Path):
    result = workbench(
        "assets", "list", "--db", db, "--kind", "device", "--format", "json", home=workbench_home
    )
    assert result.returncode == 0, result.stderr
    devices = json.loads(result.stdout)
    assert len(devices) == 74
    per_item = Counter(d["line_item"] for d in devices)
    assert [per_item[i] for i in range(1, 16)] == [4, 8, 8, 8, 8, 3, 3, 3, 13, 4, 4, 4, 1, 1, 2]
    names = {d["line_item"]: d["name"] for d in devices}
    assert names[3] == "华为 Box600 超高清视频会议终端"
    assert names[13] == "智恒 wj-22" and names[15] == "联想 P340"
    assert {"code", "name", "kind", "category", "line_item", "model", "location", "status"} <= set(
        devices[0]
    )
    websites = json.loads(
        workbench(
            "assets",
            "list",
            "--db",
            db,
            "--kind",
            "website",
            "--format",
            "json",
            home=workbench_home,
        ).stdout
    )
    assert len(websites) == 5 and all(w["kind"] == "website" for w in websites)
    systems = json.loads(
        workbench(
            "assets",
            "list",
            "--db",
            db,
            "--kind",
            "system",
            "--format",
            "json",
            home=workbench_home,
        ).stdout
    )
    assert {s["name"] for s in systems} >= {
        "智能文件交换系统",
        "信息发布系统",
        "信访自助服务系统",
        "云服务器",
    }


def test_init_twice_changes_nothing(db: str, workbench_home: Path):
    before = workbench("assets", "list", "--db", db, "--format", "json", home=workbench_home).stdout
    again = workbench("init", "--db", db, home=workbench_home)
    assert again.returncode == 0
    assert (
        workbench("assets", "list", "--db", db, "--format", "json", home=workbench_home).stdout
        == before
    )


def test_bad_import_exits_2_names_the_row_and_changes_nothing(
    db: str, workbench_home: Path, tmp_path: Path
):
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "code,name,kind,category\nXF-A-01,a,device,kiosk\n,b,device,kiosk\n", encoding="utf-8"
    )
    before = workbench("assets", "list", "--db", db, "--format", "json", home=workbench_home).stdout
    result = workbench(
        "assets", "import", str(bad), "--db", db, "--lang", "en", home=workbench_home
    )
    assert result.returncode == 2
    assert "Row 3, column code: The asset code is empty." in result.stderr
    assert "Traceback" not in result.stderr
    assert (
        workbench("assets", "list", "--db", db, "--format", "json", home=workbench_home).stdout
        == before
    )


def test_export_and_import_round_trip_via_cli(db: str, workbench_home: Path, tmp_path: Path):
    for suffix in (".xlsx", ".csv"):
        out = tmp_path / f"all{suffix}"
        assert (
            workbench("assets", "export", str(out), "--db", db, home=workbench_home).returncode == 0
        )
        dry = workbench(
            "assets",
            "import",
            str(out),
            "--dry-run",
            "--db",
            db,
            "--lang",
            "en",
            home=workbench_home,
        )
        assert dry.returncode == 0, dry.stderr
        assert "0 would be added, 0 updated, 83 unchanged" in dry.stdout


def test_not_a_spreadsheet_is_refused_in_chinese(db: str, workbench_home: Path, tmp_path: Path):
    bad = tmp_path / "x.xlsx"
    bad.write_bytes(b"not a zip at all")
    result = workbench("assets", "import", str(bad), "--db", db, home=workbench_home)
    assert result.returncode == 2
    assert "未导入" in result.stderr or "不是" in result.stderr
    assert "Traceback" not in result.stderr


def test_list_escapes_control_characters_for_the_terminal(
    db: str, workbench_home: Path, tmp_path: Path
):
    """A name another program wrote with ESC/BEL in it is shown escaped, never obeyed."""
    import sqlite3

    with sqlite3.connect(db) as conn:
        conn.execute(
            "UPDATE asset SET name = ? WHERE code = 'XF-KIOSK-01'", ("一体机\x1b[2J\x07\x9b",)
        )
    result = workbench("assets", "list", "--db", db, "--lang", "en", home=workbench_home)
    assert result.returncode == 0, result.stderr
    assert "一体机\\x1b[2J\\x07\\x9b" in result.stdout
    assert not any(ch in result.stdout for ch in "\x1b\x07\x9b")


def test_list_csv_and_json_are_safe_to_open_and_to_print(db: str, workbench_home: Path):
    """`assets list --format csv` quotes formulas as the export does and prints no ESC/BEL;
    JSON escapes control characters by its own rules and keeps the text as stored."""
    import csv
    import io
    import sqlite3

    hyperlink = '=HYPERLINK("http://x","y")'
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE asset SET name = ? WHERE code = 'XF-KIOSK-01'", (hyperlink,))
        conn.execute(
            "UPDATE asset SET name = ?, notes = ? WHERE code = 'XF-KIOSK-02'",
            ("一体机\x1b[2J\x07", "第一行\n@SUM(A1)"),
        )
    result = workbench("assets", "list", "--db", db, "--format", "csv", home=workbench_home)
    assert result.returncode == 0, result.stderr
    assert not any(ch in result.stdout for ch in "\x1b\x07")
    by_code = {r["code"]: r for r in csv.DictReader(io.StringIO(result.stdout))}
    assert by_code["XF-KIOSK-01"]["name"] == "'" + hyperlink
    assert by_code["XF-KIOSK-02"]["name"] == "一体机\\x1b[2J\\x07"
    assert by_code["XF-KIOSK-02"]["notes"] == "第一行\n@SUM(A1)"  # a line break is text

    result = workbench("assets", "list", "--db", db, "--format", "json", home=workbench_home)
    assert result.returncode == 0, result.stderr
    assert not any(ch in result.stdout for ch in "\x1b\x07")
    names = {a["code"]: a["name"] for a in json.loads(result.stdout)}
    assert names["XF-KIOSK-01"] == hyperlink and names["XF-KIOSK-02"] == "一体机\x1b[2J\x07"


def test_dimension_bomb_exits_2_quickly_in_bounded_memory(
    db: str, workbench_home: Path, tmp_path: Path
):
    """The 5 KB sheet claiming A1:XFD1048576, through the command as a user runs it."""
    import re
    import time
    import zipfile

    import openpyxl

    path = tmp_path / "bomb.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["code", "name", "kind", "category"])
    sheet.append(["XF-KIOSK-20", "", "device", "kiosk"])
    book.save(path)
    with zipfile.ZipFile(path) as source:
        parts = [(i.filename, source.read(i)) for i in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts:
            if name == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', data)  # noqa: PLW2901
            target.writestr(name, data)
    before = workbench("assets", "list", "--db", db, "--format", "json", home=workbench_home).stdout
    env = {**os.environ, "WORKBENCH_HOME": str(workbench_home), "PYTHONPATH": str(ROOT)}
    err = tmp_path / "stderr.txt"
    peak_file = tmp_path / "peak.txt"
    # The child's own high-water mark (VmHWM of its address space), written as it exits.
    # Not wait4's ru_maxrss: Linux carries the pre-exec size of the forked test worker
    # (hundreds of MB under xdist) into that figure.
    runner = (
        "import atexit, runpy, sys\n"
        "def peak():\n"
        "    for line in open('/proc/self/status'):\n"
        "        if line.startswith('VmHWM:'):\n"
        f"            open({str(peak_file)!r}, 'w').write(line.split()[1])\n"
        "atexit.register(peak)\n"
        "sys.argv = ['workbench'] + sys.argv[1:]\n"
        "runpy.run_module('workbench', run_name='__main__', alter_sys=True)\n"
    )
    started = time.perf_counter()
    with err.open("wb") as stderr:
        child = subprocess.run(
            [sys.executable, "-c", runner, "assets", "import", str(path), "--db", db],
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            env=env,
            check=False,
        )
    seconds = time.perf_counter() - started
    peak_kb = int(peak_file.read_text())  # kilobytes
    message = err.read_text(encoding="utf-8")
    assert child.returncode == 2
    assert "第 2 行" in message and "Traceback" not in message
    assert (
        workbench("assets", "list", "--db", db, "--format", "json", home=workbench_home).stdout
        == before
    )
    print(f"dimension bomb: {seconds:.2f} s, child peak RSS {peak_kb / 1024:.0f} MB")
    assert peak_kb < 300 * 1024
    assert seconds < 30  # generous: a shared 2-core machine; typically ~2 s with start-up
