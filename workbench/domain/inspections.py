"""Inspection rounds (巡检轮次): numbers, states, scopes, and the content that is signed."""

from __future__ import annotations

from workbench.domain.messages import QT_TRANSLATE_NOOP, WorkbenchError

ROUND_PREFIX = "XJ"

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
