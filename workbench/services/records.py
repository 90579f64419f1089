"""From which day this team keeps the records (a team taking over mid-contract).

A contract may be handed to a new team (or the workbench installed) months after it
began. What fell due before the team's first day (weekly reports, inspections) is not
the team's to have missed: it is "before the records began" (记录开始之前), never overdue.
The day is a fact of the store's records, so it lives on the contract row (audited like
every change), not in one user's settings file. Not set: the contract's first day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from workbench.data.models import Contract
from workbench.domain.messages import QT_TRANSLATE_NOOP, WorkbenchError
from workbench.services._common import local_today, require_contract


@dataclass(frozen=True)
class RecordsStart:
    contract_start: dt.date
    contract_end: dt.date
    records_from: dt.date  # the contract's first day when never chosen
    chosen: bool  # a day was chosen (in the first-start wizard or in Settings)

    @property
    def mid_contract(self) -> bool:
        return self.records_from > self.contract_start


def effective_records_from(contract: Contract) -> dt.date | None:
    """The day the records begin when it lies after the contract's first day, else None
    (nothing is before the records)."""
    day = contract.records_from
    if day is None or day <= contract.start_date:
        return None
    return day


def default_records_from(contract: Contract, today: dt.date) -> dt.date:
    """Today, or the contract's first day if that is later (never after its last day)."""
    return min(max(today, contract.start_date), contract.end_date)


def records_start(session: Session) -> RecordsStart:
    contract = require_contract(session)
    return RecordsStart(
        contract_start=contract.start_date,
        contract_end=contract.end_date,
        records_from=contract.records_from or contract.start_date,
        chosen=contract.records_from is not None,
    )


def suggested_records_start(session: Session, today: dt.date | None = None) -> RecordsStart:
    """What the first-start wizard offers: the chosen day, else today (or the contract's
    first day if later)."""
    contract = require_contract(session)
    day = contract.records_from or default_records_from(contract, local_today(today))
    return RecordsStart(
        contract.start_date, contract.end_date, day, contract.records_from is not None
    )


def set_records_from(session: Session, day: dt.date) -> RecordsStart:
    """Keep the records from ``day`` (within the contract's period)."""
    contract = require_contract(session)
    if not contract.start_date <= day <= contract.end_date:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP(
                "messages", "The records must begin within the contract, {start} to {end}."
            ),
            start=contract.start_date.isoformat(),
            end=contract.end_date.isoformat(),
        )
    if contract.records_from != day:
        contract.records_from = day
        session.flush()
    # Keep the deliverables' rows in the store now (idempotent): a view that lists them
    # in a read would otherwise add them there, holding the write lock for its read.
    from workbench.services.deliverables import sync_schedule

    sync_schedule(session, contract)
    return records_start(session)
