"""Round numbers and the moves a round may make."""

from __future__ import annotations

import pytest

from workbench.domain import inspections as rounds
from workbench.domain.messages import WorkbenchError
from workbench.domain.scancodes import RecordScan, classify, record_payload


def test_round_numbers() -> None:
    assert rounds.format_round_number(2026, 1) == "XJ-2026-0001"
    assert rounds.format_round_number(2027, 42) == "XJ-2027-0042"


def test_round_number_fits_the_printed_payload() -> None:
    payload = record_payload("inspection_round", "XJ-2026-0001", "a" * 64)
    assert classify(payload) == RecordScan("inspection_round", "XJ-2026-0001", "a" * 64)


def test_transitions() -> None:
    rounds.check_transition(rounds.RUNNING, rounds.PAUSED)
    rounds.check_transition(rounds.PAUSED, rounds.RUNNING)
    rounds.check_transition(rounds.PAUSED, rounds.FINISHED)
    rounds.check_transition(rounds.FINISHED, rounds.SIGNED)
    with pytest.raises(WorkbenchError):
        rounds.check_transition(rounds.RUNNING, rounds.SIGNED)
    with pytest.raises(WorkbenchError, match="locked"):
        rounds.check_transition(rounds.SIGNED, rounds.RUNNING)
    rounds.check_editable(rounds.RUNNING)
    for state in (rounds.PAUSED, rounds.FINISHED, rounds.SIGNED):
        with pytest.raises(WorkbenchError):
            rounds.check_editable(state)
