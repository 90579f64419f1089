"""What every service module needs the same way: the time, the actor, the contract, a
device's printed line, a month or week typed as a label.

One copy of each, so that a change (say, the rule for naive datetimes) reaches every use
case at once.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from workbench.data.models import Asset, Contract
from workbench.domain import deliverables as calendar
from workbench.domain.documents import AssetLine
from workbench.domain.messages import QT_TRANSLATE_NOOP, Message, WorkbenchError
from workbench.domain.reporting import Period
from workbench.domain.text import control_character
from workbench.domain.timeutil import LOCAL_TZ
from workbench.domain.timeutil import now as utc_now
from workbench.services.setup import current_contract


def aware_now(now: dt.datetime | None) -> dt.datetime:
    """``now`` if given, else the current time; a naive datetime is a programming error."""
    value = now or utc_now()
    if value.tzinfo is None:
        raise ValueError("naive datetime")
    return value


def local_today(today: dt.date | None) -> dt.date:
    """``today`` if given, else today's date in Beijing."""
    return today or utc_now().astimezone(LOCAL_TZ).date()


def actor_of(session: Session) -> str:
    """Who acts in this transaction (``Store.transaction(actor)`` puts it on the session)."""
    return str(session.info.get("actor", ""))


def checked_text(value: str, column: Any, field: str | Message) -> str:
    """``value``, if the column holds it as it is on every backend: not longer than the
    column's length (the schema is the one source of the limit: PostgreSQL's VARCHAR
    rejects more, SQLite would keep it) and without a control character other than TAB
    and line breaks (PostgreSQL refuses NUL in any text; ESC and BEL are not text).
    Otherwise a WorkbenchError naming ``field`` (a translatable label, or the checklist
    item's own text), before anything is written.

    ``column``: the mapped attribute, e.g. ``WorkOrder.reporter_name``."""
    length = getattr(column.type, "length", None)
    if length is not None and len(value) > length:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "{field} is too long: at most {max} characters."),
            field=field,
            max=length,
        )
    bad = control_character(value)
    if bad is not None:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "{field} holds the control character {char}."),
            field=field,
            char=bad,
        )
    return value


def require_contract(session: Session) -> Contract:
    """The loaded contract; refused (for the user to fix) when none is loaded yet."""
    contract = current_contract(session)
    if contract is None:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "No contract is loaded; run 'workbench init' first.")
        )
    return contract


def location_name(asset: Asset) -> str:
    return asset.location.name if asset.location else ""


def asset_line(asset: Asset) -> AssetLine:
    """A device as printed on a document."""
    return AssetLine(
        code=asset.code,
        name=asset.name,
        model=asset.model,
        location=location_name(asset),
        serial_number=asset.serial_number,
    )


def check_period(first: dt.date, last: dt.date) -> None:
    """A period typed by the user ends on or after its first day."""
    if last < first:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "The period ends ({last}) before it begins ({first})."),
            first=first.isoformat(),
            last=last.isoformat(),
        )


def month_period(label: str) -> Period:
    """The month ``2026-11``; anything else is refused for the user to correct."""
    try:
        first, last = calendar.parse_month(label)
    except ValueError as exc:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "'{month}' is not a month like 2026-11."), month=label
        ) from exc
    return Period(first, last, calendar.month_label(first))


def week_period(label: str) -> Period:
    """The ISO week ``2026-W47``; anything else is refused for the user to correct."""
    try:
        monday, sunday = calendar.parse_iso_week(label)
    except ValueError as exc:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "'{week}' is not a week like 2026-W47."), week=label
        ) from exc
    return Period(monday, sunday, calendar.iso_week_label(monday))
