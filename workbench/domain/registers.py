"""The registers of the contract's duties (登记簿): what a register gives the reports.

Each register (vulnerabilities, client backups, key periods, parts, …) keeps its own rows
and rules; what reaches a weekly or monthly report is one :class:`ReportSection`, already
translated and formatted, so that the report layout prints every register the same way.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReportSection:
    """A register's section of a period report: a heading, a table, a sentence under it.

    ``columns`` are (translated title, width in mm), the widths summing to at most the
    page's 170 mm; ``rows`` the formatted cells, one tuple per row, as many as columns.
    ``empty`` replaces the table when there is no row; ``weekly``: the weekly report
    carries the section too (the monthly always does).
    """

    title: str
    columns: tuple[tuple[str, float], ...]
    rows: tuple[tuple[str, ...], ...]
    remark: str = ""
    empty: str = ""
    weekly: bool = False

    def __post_init__(self) -> None:
        width = len(self.columns)
        for row in self.rows:
            if len(row) != width:
                raise ValueError(f"{self.title}: a row of {len(row)} cells for {width} columns")
