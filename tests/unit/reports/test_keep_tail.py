"""A document's closing block (signature boxes) never stands alone on its last page: the
last rows of the table before it go over with it (issue 20, defect 6: the monthly report's
last page held only the signature boxes)."""

from __future__ import annotations

import datetime as dt

import pytest
from report_samples import CONTRACT
from report_tools import page_texts

from workbench.reports.pdfkit import (
    PageInfo,
    build_pdf,
    identity,
    keep_tail,
    para,
    styles,
    table,
)
from workbench.reports.tables import section, sign_off

PRINTED = dt.datetime(2026, 12, 1, 8, 0, tzinfo=dt.UTC)


def _pdf(rows: int) -> list[str]:
    s = styles()
    data = [[para("Time", s.cell), para("Work", s.cell)]]
    data += [[para(f"R{i:03d}", s.cell), para("work done " * 3, s.cell)] for i in range(rows)]
    story = [
        para("Report", s.title),
        section(identity, 1, "Other work"),
        table(data, [100, 300]),
    ]
    info = PageInfo(title="Report", contract=CONTRACT, translate=identity, printed_at=PRINTED)
    return page_texts(build_pdf(keep_tail(story, sign_off(identity)), info))


@pytest.mark.parametrize("rows", range(26, 44))
def test_signature_boxes_come_with_the_last_rows(rows: int) -> None:
    pages = _pdf(rows)
    last = pages[-1]
    assert "Prepared by (Party B)" in last
    assert f"R{rows - 1:03d}" in last
    assert f"R{rows - 2:03d}" in last  # two rows at least
    # Every row printed once; the table's heading not left alone above nothing.
    text = "\n".join(pages)
    assert all(text.count(f"R{i:03d}") == 1 for i in range(rows))
    for page in pages:
        if "Other work" in page:
            assert "R000" in page


def test_a_short_table_stays_whole() -> None:
    pages = _pdf(3)
    assert len(pages) == 1
