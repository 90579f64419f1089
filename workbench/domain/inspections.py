"""Inspection rounds (巡检轮次): numbers, states, scopes, and the content that is signed."""

from __future__ import annotations

import re

from workbench.domain.messages import QT_TRANSLATE_NOOP, WorkbenchError

ROUND_PREFIX = "XJ"
ROUND_NUMBER_RE = re.compile(r"^XJ-(\d{4})-(\d{4,})$")

RUNNING, PAUSED, FINISHED, SIGNED = "running", "paused", "finished", "signed"
ROUND_STATES = (RUNNING, PAUSED, FINISHED, SIGNED)

ROUTINE, KEY_PERIOD = "routine", "key_period"
ROUND_KINDS = (ROUTINE, KEY_PERIOD)

# What a round covers, chosen when it starts and fixed from then on.
SCOPE_DUE, SCOPE_LOCATION, SCOPE_CATEGORY, SCOPE_ALL, SCOPE_SYSTEMS = (
    "due",
    "location",
    "category",
    "all",
    "systems",
)
SCOPES = (SCOPE_DUE, SCOPE_LOCATION, SCOPE_CATEGORY, SCOPE_ALL, SCOPE_SYSTEMS)
# A key-period self-check (重点时期自查) covers every system and website.
SYSTEM_KINDS = ("system", "website")

# Allowed moves of a round; signing is its own step (PIN and two signatures).
_TRANSITIONS = {
    RUNNING: {PAUSED, FINISHED},
    PAUSED: {RUNNING, FINISHED},
    FINISHED: {SIGNED},
    SIGNED: set(),
}


def format_round_number(year: int, seq: int) -> str:
    return f"{ROUND_PREFIX}-{year:04d}-{seq:04d}"


def parse_round_number(number: str) -> tuple[int, int] | None:
    match = ROUND_NUMBER_RE.match(number.strip().upper())
    if not match:
        return None
    return int(match.group(1)), int(match.group(2))


def next_round_number(year: int, existing: list[str]) -> str:
    """The next free number of ``year`` after every number already used."""
    used = [p[1] for p in map(parse_round_number, existing) if p is not None and p[0] == year]
    return format_round_number(year, max(used, default=0) + 1)


def check_transition(current: str, target: str) -> None:
    if target not in _TRANSITIONS.get(current, set()):
        if current == SIGNED:
            raise WorkbenchError(
                QT_TRANSLATE_NOOP(
                    "messages", "The round is signed and locked; it can no longer be changed."
                )
            )
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "A {current} round cannot become {target}."),
            current=current,
            target=target,
        )


def check_editable(state: str) -> None:
    """Results may be recorded only while a round runs."""
    if state == SIGNED:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP(
                "messages", "The round is signed and locked; it can no longer be changed."
            )
        )
    if state != RUNNING:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "The round is not running; resume it first.")
        )
