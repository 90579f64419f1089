"""``workbench forms inspection|round`` and ``workbench inspections list`` end to end."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from workbench.cli import main
from workbench.data.store import Store
from workbench.domain.checklists import load_checklists
from workbench.services import engineers
from workbench.services import inspections as ins
from workbench.services.checklists import checklists_dir

T0 = dt.datetime(2026, 3, 2, 1, 0, tzinfo=dt.UTC)
STROKE = [[[0.1, 0.2], [0.4, 0.8], [0.9, 0.3]]]


def _signed_round(store: Store) -> str:
    with store.transaction("test") as session:
        engineer = engineers.create_engineer(session, "张伟", pin="246800")
        number = ins.start_round(
            session,
            engineer_id=engineer.id,
            scope="location",
            scope_value="一层 文件交换室",
            now=T0,
        ).number
        ins.record_inspection(session, number, "XF-CAB-01", {"controller_disk": "93"}, now=T0)
        ins.record_inspection(session, number, "XF-CAB-02", {"controller_disk": "40"}, now=T0)
        ins.finish_round(session, number, now=T0 + dt.timedelta(hours=1))
        ins.sign_round(
            session,
            number,
            ins.Signatures(
                engineer_strokes=STROKE,
                client_name="于文浩",
                client_strokes=STROKE,
                engineer_aspect=3,
                client_aspect=3,
            ),
            pin="246800",
            now=T0 + dt.timedelta(hours=2),
        )
    return number


def test_inspections_list_json(
    store: Store, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    number = _signed_round(store)
    store.dispose()
    assert (
        main(["inspections", "list", "--format", "json", "--db", str(db_path), "--lang", "en"]) == 0
    )
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 1
    row = rows[0]
    assert row["number"] == number
    assert row["engineer"] == "张伟"
    assert (row["devices_checked"], row["failures"], row["signed"]) == (2, 1, True)
    assert dt.datetime.fromisoformat(row["started_at"]) == T0
    assert row["id"]
    assert main(["forms", "round", "XJ-2099-0001", "--db", str(db_path)]) == 2


def _text(pdf: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(pdf).pages)


def test_blank_forms_for_every_category(store: Store, db_path: Path, tmp_path: Path) -> None:
    pytest.importorskip("workbench.reports.inspection_form")
    store.dispose()
    for code, checklist in load_checklists(checklists_dir()).items():
        out = tmp_path / f"{code}.pdf"
        assert (
            main(["forms", "inspection", "--category", code, "-o", str(out), "--db", str(db_path)])
            == 0
        )
        text = "".join(_text(out).split())
        for item in checklist.items:
            assert "".join(item.text.split())[:12] in text, (code, item.key)


def test_round_form(store: Store, db_path: Path, tmp_path: Path) -> None:
    pytest.importorskip("workbench.reports.inspection_form")
    number = _signed_round(store)
    store.dispose()
    out = tmp_path / "round.pdf"
    assert main(["forms", "round", number, "-o", str(out), "--db", str(db_path)]) == 0
    text = "".join(_text(out).split())
    assert number in text
    assert "XF-CAB-01" in text
    assert "XF-CAB-02" in text
    assert "主控机磁盘使用率" in text
    assert "于文浩" in text
    # the exception comes first
    assert text.index("XF-CAB-01") < text.index("XF-CAB-02")
