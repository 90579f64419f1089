"""The websites' security monitoring: the kinds of finding and the read models of a week
and a scan (built by :mod:`workbench.services.monitoring`, read by the UI and the reports).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# The four kinds of finding of the 7×24 monitoring, in the order reports show them.
FINDINGS = ("defacement", "malicious_code", "sensitive_content", "availability")


@dataclass(frozen=True)
class WeekRow:
    site_code: str
    site_name: str
    url: str
    week: str
    week_start: dt.date
    defacement: int
    malicious_code: int
    sensitive_content: int
    availability: int
    note: str
    source: str

    @property
    def findings(self) -> int:
        return self.defacement + self.malicious_code + self.sensitive_content + self.availability


@dataclass(frozen=True)
class ScanRow:
    site_code: str
    site_name: str
    url: str
    month: str
    scanned_on: dt.date
    high: int
    medium: int
    low: int
    fixed: int
    open: int
    note: str
    source: str

    @property
    def total(self) -> int:
        return self.high + self.medium + self.low
