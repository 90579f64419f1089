from __future__ import annotations

import datetime as dt
import itertools

import pytest

from workbench.domain import workorders as rules

BJ = dt.timezone(dt.timedelta(hours=8))


def test_happy_path_and_remote_fix_are_allowed():
    path = ["reported", "responded", "onsite", "restored", "closed", "signed"]
    for current, target in itertools.pairwise(path):
        assert rules.can_move(current, target)
    assert rules.can_move("responded", "restored")


@pytest.mark.parametrize(
    ("current", "target"),
    [
        ("reported", "onsite"),
        ("reported", "restored"),
        ("reported", "closed"),
        ("reported", "signed"),
        ("responded", "closed"),
        ("onsite", "cancelled"),
        ("onsite", "responded"),
        ("restored", "signed"),
        ("closed", "restored"),
        ("signed", "closed"),
        ("signed", "cancelled"),
        ("cancelled", "reported"),
    ],
)
def test_other_moves_are_refused(current, target):
    assert not rules.can_move(current, target)


def test_every_status_has_a_time_field_and_names():
    assert set(rules.STATUS_TIME_FIELD) == set(rules.STATUSES)
    assert set(rules.STATUS_NAMES) == set(rules.STATUSES)
    assert set(rules.TYPE_NAMES) == set(rules.TYPES)
    assert set(rules.CHANNEL_NAMES) == set(rules.CHANNELS)
    assert set(rules.TRANSITIONS) == set(rules.STATUSES)


def test_numbers():
    assert rules.format_number(2026, 1) == "WO-2026-0001"
    assert rules.format_number(2026, 12345) == "WO-2026-12345"
    assert rules.parse_number("wo-2026-0042") == (2026, 42)
    assert rules.parse_number("WO-26-1") is None


def test_number_year_is_beijing_year():
    # 2026-12-31 17:00 UTC is already 2027-01-01 01:00 in Beijing.
    assert rules.number_year(dt.datetime(2026, 12, 31, 17, 0, tzinfo=dt.UTC)) == 2027
    assert rules.number_year(dt.datetime(2026, 12, 31, 15, 59, tzinfo=dt.UTC)) == 2026


def test_only_faults_run_the_clock_and_final_states_are_locked():
    assert rules.sla_applies("fault")
    assert rules.sla_applies("inspection_finding")
    assert not rules.sla_applies("service_request")
    assert not rules.is_editable("signed")
    assert not rules.is_editable("cancelled")
    assert rules.is_editable("closed")
