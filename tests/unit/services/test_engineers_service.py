from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from sqlalchemy import select

from workbench.data.models import Engineer
from workbench.domain.messages import WorkbenchError
from workbench.services import engineers

NOW = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)


def test_create_and_list(store):
    with store.transaction() as s:
        a = engineers.create_engineer(s, "张伟", "13800000001", "1234")
        engineers.create_engineer(s, "李娜", "13800000002", "5678")
        assert a.has_pin
        assert {e.name for e in engineers.list_engineers(s)} == {"张伟", "李娜"}
        stored = s.scalar(select(Engineer.pin_hash).where(Engineer.id == a.id))
        assert stored.startswith("scrypt$")
        # Kept only as a salted slow hash: no field of it is the PIN or a plain digest of
        # it. (Not "'1234' not in stored": random hex holds "1234" once in 700 hashes.)
        digests = {hashlib.sha256(b"1234").hexdigest(), hashlib.md5(b"1234").hexdigest()}
        assert not {"1234", *digests} & set(stored.split("$"))
    with pytest.raises(WorkbenchError, match="already exists"), store.transaction() as s:
        engineers.create_engineer(s, "张伟")
    with pytest.raises(WorkbenchError, match="4 to 12 digits"), store.transaction() as s:
        engineers.create_engineer(s, "赵磊", pin="12")


def test_check_pin_counts_locks_and_resets(store):
    with store.transaction() as s:
        eng = engineers.create_engineer(s, "张伟", pin="1234")
    with store.transaction() as s:
        assert engineers.check_pin(s, eng.id, "1234", NOW).ok
        for left in (4, 3, 2, 1):
            result = engineers.check_pin(s, eng.id, "9999", NOW)
            assert (result.ok, result.attempts_left) == (False, left)
        locked = engineers.check_pin(s, eng.id, "9999", NOW)
        assert locked.locked_until == NOW + dt.timedelta(minutes=5)
        assert not engineers.check_pin(s, eng.id, "1234", NOW + dt.timedelta(minutes=4)).ok
    with store.transaction() as s:
        assert engineers.check_pin(s, eng.id, "1234", NOW + dt.timedelta(minutes=5)).ok
        row = engineers.list_engineers(s)[0]
        assert (row.failed_attempts, row.locked_until) == (0, None)


def test_failures_survive_a_rollback(store):
    with store.transaction() as s:
        eng = engineers.create_engineer(s, "张伟", pin="1234")
    for _ in range(2):
        with pytest.raises(WorkbenchError, match="Wrong PIN"), store.transaction() as s:
            engineers.require_pin(s, eng.id, "0000", NOW)
    with store.transaction() as s:
        assert s.get(Engineer, eng.id).failed_pin_attempts == 2


def test_no_pin_and_inactive_engineers_cannot_sign(store):
    with store.transaction() as s:
        eng = engineers.create_engineer(s, "张伟")
    with pytest.raises(WorkbenchError, match="no PIN"), store.transaction() as s:
        engineers.require_pin(s, eng.id, "1234", NOW)
    with store.transaction() as s:
        engineers.set_pin(s, eng.id, "4321")
        engineers.set_active(s, eng.id, False)
    with pytest.raises(WorkbenchError, match="no longer"), store.transaction() as s:
        engineers.require_pin(s, eng.id, "4321", NOW)
