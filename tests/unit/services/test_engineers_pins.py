"""PIN hashing and the lock-out rule (workbench.domain.pins)."""

from __future__ import annotations

import datetime as dt

from workbench.domain import pins


def test_pin_hash_is_salted_scrypt_with_parameters():
    a = pins.hash_pin("123456")
    b = pins.hash_pin("123456")
    assert a != b  # salted
    scheme, n, r, p, salt, digest = a.split("$")
    assert (scheme, n, r, p) == ("scrypt", str(2**14), "8", "1")
    assert len(bytes.fromhex(salt)) == 16
    assert len(bytes.fromhex(digest)) == 32
    assert "1234" not in a
    assert pins.verify_pin("123456", a)
    assert not pins.verify_pin("123457", a)
    assert not pins.verify_pin("123456", "garbage")


def test_stored_parameters_are_used():
    stored = pins.hash_pin("987654", n=2**10, r=4, p=1)
    assert stored.split("$")[1:4] == ["1024", "4", "1"]
    assert pins.verify_pin("987654", stored)


def test_pin_format():
    assert pins.is_valid_pin("000000")
    assert not pins.is_valid_pin("123")
    assert not pins.is_valid_pin("12a4")
    assert not pins.is_valid_pin("１２３４")  # full-width digits


def test_fifth_failure_locks_for_five_minutes():
    now = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)
    state = pins.PinState(0, None)
    for expected in range(1, 5):
        state = pins.after_failure(state, now)
        assert state.failed_attempts == expected
        assert not state.is_locked(now)
    state = pins.after_failure(state, now)
    assert state.locked_until == now + dt.timedelta(minutes=5)
    assert state.is_locked(now + dt.timedelta(minutes=4, seconds=59))
    assert not state.is_locked(now + dt.timedelta(minutes=5))
