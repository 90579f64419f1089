"""The register of vulnerability findings (issue 19, item 3; contract 一、5).

A finding is fixed and then rescanned before the site goes back live
(上线前提供漏洞扫描服务); without a clean rescan on or after the fix it cannot be
closed. The monthly report lists the findings open at the month's end, oldest first.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from workbench.data.store import Store
from workbench.domain.messages import WorkbenchError
from workbench.domain.reporting import Period
from workbench.services.registers import vulnerabilities as service

TODAY = dt.date(2026, 11, 30)
NOVEMBER = Period(dt.date(2026, 11, 1), dt.date(2026, 11, 30), "2026-11")


def _site(store: Store) -> str:
    with store.read() as s:
        return service.site_choices(s)[0][0]


def _create(store: Store, **values: object) -> service.VulnerabilityRow:
    base: dict[str, object] = {
        "site": _site(store),
        "title": "jQuery 跨站脚本漏洞（CVE-2020-11022）",
        "severity": "medium",
        "found_on": dt.date(2026, 11, 25),
        "fix_due": dt.date(2026, 12, 10),
        "owner": "contractor",
    }
    base.update(values)
    with store.transaction("test") as s:
        return service.create(s, base, today=TODAY)


def _refused(store: Store, job) -> str:  # type: ignore[no-untyped-def]
    with store.transaction("test") as s, pytest.raises(WorkbenchError) as exc:
        job(s)
    return exc.value.render(lambda _c, t: t)


def test_a_fix_without_a_rescan_cannot_be_closed(store: Store) -> None:
    row = _create(store)
    assert row.state == "open" and row.age_days == 5
    assert "not fixed" in _refused(store, lambda s: service.close(s, row.id, today=TODAY))
    with store.transaction("test") as s:
        fixed = service.update(s, row.id, {"fixed_on": dt.date(2026, 11, 27)}, today=TODAY)
    assert fixed.state == "awaiting_rescan"
    assert "clean rescan" in _refused(store, lambda s: service.close(s, row.id, today=TODAY))
    # A rescan that still finds it does not close it either.
    with store.transaction("test") as s:
        failed = service.update(
            s, row.id, {"rescan_on": dt.date(2026, 11, 28), "rescan_clean": False}, today=TODAY
        )
    assert failed.state == "rescan_failed"
    assert "clean rescan" in _refused(store, lambda s: service.close(s, row.id, today=TODAY))
    with store.transaction("test") as s:
        service.update(
            s, row.id, {"rescan_on": dt.date(2026, 11, 29), "rescan_clean": True}, today=TODAY
        )
    assert "before its rescan" in _refused(
        store, lambda s: service.close(s, row.id, on=dt.date(2026, 11, 28), today=TODAY)
    )
    with store.transaction("test") as s:
        closed = service.close(s, row.id, on=dt.date(2026, 11, 29), today=TODAY)
    assert closed.state == "closed" and closed.age_days == 4
    # Closed: kept as it was.
    assert "closed" in _refused(store, lambda s: service.update(s, row.id, {"title": "x"}))
    assert "closed" in _refused(store, lambda s: service.delete(s, row.id))


def test_dates_are_checked(store: Store) -> None:
    assert "future" in _refused(
        store,
        lambda s: service.create(
            s,
            {
                "site": _site(store),
                "title": "x",
                "severity": "low",
                "found_on": TODAY + dt.timedelta(days=1),
                "owner": "contractor",
            },
            today=TODAY,
        ),
    )
    assert "after the fix" in _refused(
        store,
        lambda s: service.create(
            s,
            {
                "site": _site(store),
                "title": "x",
                "severity": "low",
                "found_on": dt.date(2026, 11, 1),
                "rescan_on": dt.date(2026, 11, 2),
                "owner": "contractor",
            },
            today=TODAY,
        ),
    )
    assert "monitored sites" in _refused(
        store,
        lambda s: service.create(
            s,
            {
                "site": "XF-KIOSK-01",
                "title": "x",
                "severity": "low",
                "found_on": dt.date(2026, 11, 1),
            },
            today=TODAY,
        ),
    )


def test_the_monthly_section_lists_open_findings_by_age(store: Store, tmp_path: Path) -> None:
    old = _create(store, title="TLS 1.0 协议仍启用", found_on=dt.date(2026, 10, 26))
    new = _create(store, title="目录浏览未关闭", found_on=dt.date(2026, 11, 25))
    done = _create(
        store,
        title="Cookie 未设置 HttpOnly 属性",
        found_on=dt.date(2026, 11, 3),
        fixed_on=dt.date(2026, 11, 5),
        rescan_on=dt.date(2026, 11, 6),
        rescan_clean=True,
    )
    with store.transaction("test") as s:
        service.close(s, done.id, on=dt.date(2026, 11, 6), today=TODAY)
    with store.read() as s:
        section = service.report_section(s, NOVEMBER, lambda _c, t: t)
        october = service.report_section(
            s, Period(dt.date(2026, 10, 1), dt.date(2026, 10, 31), "2026-10"), lambda _c, t: t
        )
        count = service.export_xlsx(s, tmp_path / "v.xlsx", lambda _c, t: t)
    assert [r[1] for r in section.rows] == [old.title, new.title]  # oldest first
    assert [r[4] for r in section.rows] == ["35", "5"]
    assert "Found this period: 2; closed after a clean rescan: 1; open" in section.remark
    assert [r[1] for r in october.rows] == [old.title]  # as it stood at October's end
    assert count == 3
    sheet = openpyxl.load_workbook(tmp_path / "v.xlsx").active
    assert sheet is not None
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    header = rows[0]
    closed = next(r for r in rows[1:] if r[header.index("Finding")] == done.title)
    assert closed[header.index("State")] == "Closed after a clean rescan"
    assert closed[header.index("Rescan clean")] == "Yes"
