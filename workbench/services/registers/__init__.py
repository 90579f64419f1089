"""The registers of the contract's duties (登记簿), one service module each.

:data:`SECTIONS` names the modules whose ``report_section(session, period, translate)``
gives the weekly and monthly reports a section (:class:`ReportSection`, or None when the
register has nothing to say for the period). A new register with a report section adds its
module here; the reports print the sections in this order. :data:`EXPORTS` names each
register's whole-register Excel export, which the hand-back pack includes.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from workbench.domain.registers import ReportSection

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from workbench.domain.messages import Translate
    from workbench.domain.reporting import Period

SECTIONS: list[str] = [
    "workbench.services.registers.excuses",
    "workbench.services.registers.vulnerabilities",
]

# (module, file name) of each register whose ``export_xlsx(session, path, translate) ->
# int`` writes the whole register: the hand-back pack (七、5) exports every one of them.
EXPORTS: list[tuple[str, str]] = [
    ("workbench.services.registers.excuses", "免责登记.xlsx"),
    ("workbench.services.registers.vulnerabilities", "漏洞登记.xlsx"),
]


def report_sections(
    session: Session, period: Period, translate: Translate, *, weekly: bool
) -> tuple[ReportSection, ...]:
    """Every register's section for ``period`` (the weekly report: those marked weekly)."""
    found: list[ReportSection] = []
    for name in SECTIONS:
        module = importlib.import_module(name)
        section = module.report_section(session, period, translate)
        if section is not None and (section.weekly or not weekly):
            found.append(section)
    return tuple(found)
