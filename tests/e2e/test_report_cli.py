"""``workbench report`` and ``workbench export`` on a small store, in-process."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import pypdf
import pytest

from workbench.cli import main
from workbench.domain.timeutil import LOCAL_TZ
from workbench.services import workorders as wo


@pytest.fixture
def db(tmp_path: Path) -> Any:
    from workbench.data.store import Store
    from workbench.services import engineers
    from workbench.services.setup import load_default_contract

    path = tmp_path / "cli.sqlite3"
    store = Store(f"sqlite:///{path}")
    t0 = dt.datetime(2026, 10, 12, 9, 0, tzinfo=LOCAL_TZ)
    with store.transaction("t") as session:
        load_default_contract(session)
        eng = engineers.create_engineer(session, "张伟", "139", "260101").id
        for n, (code, late) in enumerate((("XF-KIOSK-01", 0), ("XF-CAB-01", 50))):
            start = t0 + dt.timedelta(days=n)
            number = wo.create_work_order(
                session,
                type="fault",
                channel="hotline",
                description="触摸屏无响应",
                asset_codes=[code],
                reported_at=start,
                now=start,
            ).number
            at = start + dt.timedelta(minutes=10 + late)
            wo.advance(session, number, "responded", at=at, engineer_id=eng, now=at)
            at = start + dt.timedelta(minutes=90)
            wo.advance(session, number, "restored", at=at, engineer_id=eng, now=at)
    store.dispose()
    return path


def test_monthly_and_weekly_reports_are_written(db: Path, tmp_path: Path, capsys: Any) -> None:
    out = tmp_path / "m.pdf"
    assert (
        main(
            [
                "report",
                "monthly",
                "--month",
                "2026-10",
                "-o",
                str(out),
                "--db",
                str(db),
                "--lang",
                "en",
            ]
        )
        == 0
    )
    reader = pypdf.PdfReader(out)
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "Monthly Operations Report" in text
    assert "WO-2026-0001" in text
    assert "WO-2026-0002" in text
    # One order 20 min late on response: a breach, but no whole day of delay (八、1 as the
    # contract's data file reads it), so no amount; ¥3,315.00 appears only as the strict
    # reading, labelled the worst case (the settlement statement).
    flat = "".join(text.split())
    assert "Damages¥0.00underthecontract'srule,¥3,315.00intheworstcase" in flat
    assert "¥0.00" in text
    assert sum(len(p.images) for p in reader.pages) >= 4
    week = tmp_path / "w.pdf"
    assert (
        main(
            [
                "report",
                "weekly",
                "--week",
                "2026-W42",
                "-o",
                str(week),
                "--db",
                str(db),
                "--lang",
                "en",
            ]
        )
        == 0
    )
    assert "Weekly Security Service Report" in pypdf.PdfReader(week).pages[0].extract_text()


def test_bad_period_is_a_plain_error(db: Path, capsys: Any) -> None:
    assert (
        main(
            [
                "report",
                "monthly",
                "--month",
                "2026-13",
                "-o",
                "x.pdf",
                "--db",
                str(db),
                "--lang",
                "en",
            ]
        )
        == 2
    )
    assert "is not a month" in capsys.readouterr().err


def test_export_workorders_is_real_excel(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "wo.xlsx"
    args = ["export", "workorders", "--from", "2026-10-01", "--to", "2026-10-31", "-o", str(out)]
    assert main([*args, "--db", str(db), "--lang", "zh_CN"]) == 0
    sheet = openpyxl.load_workbook(out).active
    assert sheet.freeze_panes == "A2"
    headers = [c.value for c in sheet[1]]
    assert headers[:3] == ["工单号", "类型", "状态"]
    reported = sheet.cell(row=2, column=headers.index("报修时间") + 1).value
    assert isinstance(reported, dt.datetime)
    assert reported == dt.datetime(2026, 10, 12, 9, 0)  # noqa: DTZ001 - Excel has no zones
    assert sheet.max_row == 3
    penalty = sheet.cell(row=3, column=headers.index("违约金（元）") + 1).value
    assert penalty is None  # 20 min late: no whole day of delay
    out2 = tmp_path / "x.xlsx"
    assert (
        main(
            [
                "export",
                "inspections",
                "--from",
                "2026-10-01",
                "--to",
                "2026-10-31",
                "-o",
                str(out2),
                "--db",
                str(db),
            ]
        )
        == 0
    )
    assert next(c.value for c in openpyxl.load_workbook(out2).active[1]) == "巡检单号"


def test_worklog_of_a_month_and_of_the_contract(db: Path, tmp_path: Path) -> None:
    month = tmp_path / "wl.pdf"
    args = ["report", "worklog", "--month", "2026-10", "-o", str(month), "--db", str(db)]
    assert main([*args, "--lang", "en"]) == 0
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(month).pages).replace("\n", " ")
    # Two orders, each reported, responded and restored: six lines.
    assert text.count("WO-2026-") == 6 and "lists 6 lines" in text
    whole = tmp_path / "all.pdf"
    assert main(["report", "worklog", "-o", str(whole), "--db", str(db)]) == 0
    assert whole.stat().st_size > 0
    assert main(["report", "worklog", "--month", "2026-13", "--db", str(db)]) == 2
