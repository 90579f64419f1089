"""Demo data: a plausible year of the contract so far, for trying the workbench out.

``fill_demo(session, seed=...)`` adds three demo engineers and the work orders, work log,
signatures and amendments of the contract from its start up to ``until`` (default now, at
most the contract's end), then the other parts of the year in the order of
:data:`FILLERS`: the inspection rounds first (they open and handle the findings among the
history's work orders), then the reporting area (monitoring weeks, vulnerability scans,
deliverables handed over, payments), then the registers (excused delays). The same
seed and ``until`` give the same history.
Every row it adds is marked ``demo``.

The application's layers never import this package: ``workbench init --demo``, the
self-test, the tests and the benchmarks do.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from workbench.demo import inspections, registers, reporting
from workbench.demo.history import DEFAULT_SEED as DEFAULT_SEED
from workbench.demo.history import DEMO_NOTICE as DEMO_NOTICE
from workbench.demo.history import DemoFiller, fill_history
from workbench.demo.history import DemoResult as DemoResult

# Each filler with the key of its random stream. The keys are the names these fillers had
# when the demo year was first made, so that the same seed still gives the same year.
FILLERS: tuple[tuple[str, DemoFiller], ...] = (
    ("workbench.services.demo_inspections.fill_inspections", inspections.fill_inspections),
    ("workbench.services.reporting._demo_filler", reporting.fill_reporting),
    ("workbench.demo.registers", registers.fill_registers),
)


def fill_demo(
    session: Session, seed: int = DEFAULT_SEED, until: dt.datetime | None = None
) -> DemoResult:
    """Fill the store with the demo year (refused when demo data is already there)."""
    return fill_history(session, FILLERS, seed, until)
