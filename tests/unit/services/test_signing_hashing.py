"""Canonical JSON and the chain hash (workbench.domain.hashing)."""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal

import pytest

from workbench.domain import hashing

BJ = dt.timezone(dt.timedelta(hours=8))


def test_canonical_json_is_sorted_compact_utf8_and_utc():
    content = {
        "b": "工单",
        "a": dt.datetime(2026, 5, 1, 10, 0, tzinfo=BJ),
        "c": Decimal("3315.00"),
        "d": (1, 2),
        "e": dt.date(2026, 3, 1),
    }
    assert (
        hashing.canonical_json(content)
        == (
            '{"a":"2026-05-01T02:00:00+00:00","b":"工单","c":"3315.00","d":[1,2],"e":"2026-03-01"}'
        ).encode()
    )


def test_same_instant_in_two_zones_hashes_alike():
    t = dt.datetime(2026, 5, 1, 10, 0, tzinfo=BJ)
    assert hashing.content_hash({"t": t}) == hashing.content_hash({"t": t.astimezone(dt.UTC)})


def test_naive_times_and_nan_are_refused():
    with pytest.raises(ValueError, match="naive"):
        hashing.canonical_json({"t": dt.datetime(2026, 5, 1)})  # noqa: DTZ001
    with pytest.raises(ValueError, match="JSON compliant"):
        hashing.canonical_json({"x": float("nan")})


def test_chain_hash_is_sha256_of_prev_and_content():
    content = hashing.content_hash({"n": 1})
    expected = hashlib.sha256((hashing.GENESIS_HASH + content).encode()).hexdigest()
    assert hashing.chain_hash(hashing.GENESIS_HASH, content) == expected
    assert hashing.GENESIS_HASH == "0" * 64
