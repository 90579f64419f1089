"""Hand-back at the contract's end (七、5), on a temp home with the demo year: export,
refusals that destroy nothing, the destruction, the record in the pack, the pack opening."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pypdf
import pytest
from sqlalchemy import func, select

from tests.helpers.stores import copy_store
from workbench import config
from workbench.cli import main
from workbench.data.models.workorders import WorkOrder
from workbench.data.store import Store
from workbench.services import backups, handback


@pytest.fixture
def demo_home(workbench_home: Path, demo_year_template: Path) -> Path:
    """The demo year as the laptop's store, with a backup, an attachment and a log."""
    db = copy_store(demo_year_template, config.default_db_path())
    store = Store(f"sqlite:///{db}")
    backups.backup_now(store)
    store.dispose()
    photo = config.attachments_dir() / "workorders" / "ab" / "ab12.jpg"
    photo.parent.mkdir(parents=True)
    photo.write_bytes(b"\xff\xd8 a photo of the fault" * 100)
    (config.log_dir() / "workbench.log").write_text("2026-11-01 opened\n", encoding="utf-8")
    return db


def _destroy(pack: Path, monkeypatch: pytest.MonkeyPatch, pin: str) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(pin + "\n"))
    args = ["handback", "destroy", "--pack", str(pack), "--engineer", "张伟", "--client", "于文浩"]
    return main([*args, "--yes"])


def _laptop_files() -> list[Path]:
    data = config.data_dir()
    return [p for p in data.rglob("*") if p.is_file()]


def test_hand_back_then_destroy(
    demo_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pack = tmp_path / "移交"
    assert main(["handback", "export", "-o", str(pack)]) == 0
    assert handback.check_pack(pack) == []
    manifest = json.loads((pack / "manifest.json").read_text(encoding="utf-8"))
    names = {f["name"] for f in manifest["files"]}
    assert "工作日志.pdf" in names and "附件/workorders/ab/ab12.jpg" in names
    assert {"登记簿与清单/设备清单.xlsx", "登记簿与清单/工单.xlsx"} <= names
    assert any(n.startswith("验收资料/") and n.endswith(".pdf") for n in names)

    # A wrong PIN destroys nothing.
    assert _destroy(pack, monkeypatch, "000000") == 2
    assert demo_home.exists() and len(_laptop_files()) >= 3

    assert _destroy(pack, monkeypatch, "260101") == 0
    assert _laptop_files() == []  # the store, its backup and the attachment are gone
    assert not demo_home.exists()
    assert not any(config.log_dir().iterdir())

    # The record is in the pack, signed, and names what it destroyed.
    assert handback.check_record(pack)
    text = "".join(p.extract_text() for p in pypdf.PdfReader(pack / handback.RECORD_PDF).pages)
    assert "保密信息移交及销毁记录" in text and "七、5" in text
    record = json.loads((pack / handback.RECORD_JSON).read_text(encoding="utf-8"))
    destroyed = {Path(d["path"]).name for d in record["content"]["destroyed"]}
    assert {"workbench.sqlite3", "ab12.jpg", "workbench.log"} <= destroyed
    assert all(d["ok"] for d in record["content"]["destroyed"])

    # The pack opens: its backup is the store as it was, the PDFs read.
    backup = next(pack.glob("数据库备份-*.sqlite3"))
    copy = Store(
        f"sqlite:///{copy_store(backup, tmp_path / 'opened.sqlite3')}"
    )  # a copy: opening writes
    with copy.read() as session:
        assert int(session.scalar(select(func.count(WorkOrder.id))) or 0) > 100
    copy.dispose()
    assert pypdf.PdfReader(pack / "工作日志.pdf").pages
    assert main(["handback", "check", str(pack)]) == 0


def test_refusals_destroy_nothing_and_a_tampered_record_shows(
    demo_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Folders: not inside the data folder (destroyed after), not one with files in it.
    assert main(["handback", "export", "-o", str(config.data_dir() / "pack")]) == 2
    full = tmp_path / "full"
    full.mkdir()
    (full / "other.txt").write_text("x", encoding="utf-8")
    assert main(["handback", "export", "-o", str(full)]) == 2

    pack = tmp_path / "pack"
    assert main(["handback", "export", "-o", str(pack)]) == 0
    # Another store's pack: refused.
    other = tmp_path / "other.sqlite3"
    assert main(["--db", str(other), "init"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("260101\n"))
    args = ["--db", str(other), "handback", "destroy", "--pack", str(pack)]
    assert main([*args, "--engineer", "张伟", "--client", "于文浩", "--yes"]) == 2
    assert other.exists()
    # A changed file in the pack: refused.
    worklog = pack / "工作日志.pdf"
    original = worklog.read_bytes()
    worklog.write_bytes(original + b"%")
    assert _destroy(pack, monkeypatch, "260101") == 2
    assert demo_home.exists()
    worklog.write_bytes(original)
    assert _destroy(pack, monkeypatch, "260101") == 0
    # A record edited afterwards (a destroyed file left out) no longer verifies.
    record = pack / handback.RECORD_JSON
    data: dict[str, Any] = json.loads(record.read_text(encoding="utf-8"))
    data["content"]["destroyed"] = data["content"]["destroyed"][1:]
    record.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert not handback.check_record(pack)
    assert main(["handback", "check", str(pack)]) == 1
