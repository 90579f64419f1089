from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from sqlalchemy import select

from workbench.data.models import Engineer, EngineerKey
from workbench.domain import keys, pins
from workbench.domain.messages import WorkbenchError
from workbench.services import engineers, signing

NOW = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)


def _two(store):
    """张伟 (the store's first key) and 李娜, approved by 张伟."""
    with store.transaction() as s:
        a, key = engineers.register_engineer(s, "张伟", "13800000001", "123456")
        b = engineers.create_engineer(s, "李娜", "13800000002", "567890", approver=key)
    return a, b


def test_create_and_list(store):
    a, b = _two(store)
    assert a.has_pin and b.has_pin and a.fingerprint and b.fingerprint
    with store.transaction() as s:
        assert {e.name for e in engineers.list_engineers(s)} == {"张伟", "李娜"}
        row = s.scalar(select(EngineerKey).where(EngineerKey.engineer_id == a.id))
        assert s.scalar(select(Engineer.pin_hash).where(Engineer.id == a.id)) == ""
        # Only the sealed key is stored: no field of it is the PIN or a plain digest of it.
        digests = {hashlib.sha256(b"123456").hexdigest(), hashlib.md5(b"123456").hexdigest()}
        assert not {"123456", *digests} & set(row.sealed_private.split("$"))
        assert row.sealed_private.startswith("scrypt-chacha20poly1305$")
        assert keys.fingerprint(row.public_key) == row.fingerprint == a.fingerprint
        b_key = s.scalar(select(EngineerKey).where(EngineerKey.engineer_id == b.id))
        assert b_key.approver_fingerprint == a.fingerprint
        assert signing.verify_chain(s) == []
    with pytest.raises(WorkbenchError, match="already exists"), store.transaction() as s:
        engineers.create_engineer(s, "张伟")
    for short in ("12", "12345"):
        with pytest.raises(WorkbenchError, match="6 to 12 digits"), store.transaction() as s:
            engineers.create_engineer(s, "赵磊", pin=short)


def test_a_second_key_needs_a_second_engineers_approval(store):
    _two(store)
    with pytest.raises(WorkbenchError, match="approval"), store.transaction() as s:
        engineers.create_engineer(s, "赵磊", pin="135790")
    with store.transaction() as s:
        eng = engineers.create_engineer(s, "赵磊")  # no PIN: no key, nothing to approve
    with pytest.raises(WorkbenchError, match="approval"), store.transaction() as s:
        engineers.set_first_pin(s, eng.id, "135790")


def test_unlock_counts_locks_and_resets(store):
    with store.transaction() as s:
        eng = engineers.create_engineer(s, "张伟", pin="123456")
    with store.transaction() as s:
        assert engineers.unlock(s, eng.id, "123456", NOW).fingerprint == eng.fingerprint
    for left in (4, 3, 2, 1):
        with pytest.raises(WorkbenchError, match=f"{left} attempts"), store.transaction() as s:
            engineers.unlock(s, eng.id, "999999", NOW)
    with pytest.raises(WorkbenchError, match="locked"), store.transaction() as s:
        engineers.unlock(s, eng.id, "999999", NOW)
    with pytest.raises(WorkbenchError, match="locked"), store.transaction() as s:
        engineers.unlock(s, eng.id, "123456", NOW + dt.timedelta(minutes=4))
    with store.transaction() as s:
        engineers.unlock(s, eng.id, "123456", NOW + dt.timedelta(minutes=5))
        row = engineers.list_engineers(s)[0]
        assert (row.failed_attempts, row.locked_until) == (0, None)


def test_no_pin_and_inactive_engineers_cannot_sign(store):
    with store.transaction() as s:
        eng = engineers.create_engineer(s, "张伟")
    with pytest.raises(WorkbenchError, match="no PIN"), store.transaction() as s:
        engineers.unlock(s, eng.id, "123456", NOW)
    with store.transaction() as s:
        engineers.set_first_pin(s, eng.id, "654321")  # the store's first key: no approval
        engineers.set_active(s, eng.id, False)
    with pytest.raises(WorkbenchError, match="no longer"), store.transaction() as s:
        engineers.unlock(s, eng.id, "654321", NOW)


def test_changing_a_pin_needs_the_old_one_and_keeps_the_key(store):
    a, _b = _two(store)
    with pytest.raises(WorkbenchError, match="Wrong PIN"), store.transaction() as s:
        engineers.change_pin(s, a.id, "000000", "111111")
    with pytest.raises(WorkbenchError, match="already has a PIN"), store.transaction() as s:
        engineers.set_first_pin(s, a.id, "111111")
    with store.transaction() as s:
        engineers.change_pin(s, a.id, "123456", "111111")
    with store.transaction() as s:
        assert engineers.unlock(s, a.id, "111111").fingerprint == a.fingerprint
    with pytest.raises(WorkbenchError, match="Wrong PIN"), store.transaction() as s:
        engineers.unlock(s, a.id, "123456")


def test_a_forgotten_pin_needs_a_second_engineer_and_retires_the_old_key(store):
    a, b = _two(store)
    with pytest.raises(WorkbenchError, match="second engineer"), store.transaction() as s:
        engineers.reset_pin(s, a.id, "222222", approver_id=a.id, approver_pin="123456")
    with pytest.raises(WorkbenchError, match="Wrong PIN"), store.transaction() as s:
        engineers.reset_pin(s, a.id, "222222", approver_id=b.id, approver_pin="000000")
    with store.transaction() as s:
        engineers.reset_pin(s, a.id, "222222", approver_id=b.id, approver_pin="567890")
    with store.transaction() as s:
        fresh = engineers.unlock(s, a.id, "222222")
        assert fresh.fingerprint != a.fingerprint
        old = s.scalar(select(EngineerKey).where(EngineerKey.fingerprint == a.fingerprint))
        assert old.retired_at is not None
        assert signing.verify_chain(s) == []


def test_a_pin_from_before_keys_makes_the_key_at_the_next_sign_in(store):
    with store.transaction() as s:  # as a store from before keys has them
        legacy = Engineer(name="老王", phone="", pin_hash=pins.hash_pin("1234"))
        longer = Engineer(name="老李", phone="", pin_hash=pins.hash_pin("765432"))
        s.add_all([legacy, longer])
        s.flush()
        ids = legacy.id, longer.id
    with store.transaction() as s:
        engineers.create_engineer(s, "张伟", pin="123456")
    with pytest.raises(WorkbenchError, match="fewer than 6"), store.transaction() as s:
        engineers.unlock(s, ids[0], "1234")
    with store.transaction() as s:
        key = engineers.unlock(s, ids[1], "765432")  # a legacy engineer needs no approval
        assert s.get(Engineer, ids[1]).pin_hash == ""
    with store.transaction() as s:
        engineers.change_pin(s, ids[0], "1234", "123789")
        assert engineers.unlock(s, ids[0], "123789").fingerprint
        assert engineers.unlock(s, ids[1], "765432").fingerprint == key.fingerprint
        assert signing.verify_chain(s) == []


def test_names_and_phones_the_store_cannot_hold_are_refused(store):
    for name, phone in (
        ("张" * 101, ""),
        ("赵磊", "1" * 51),
        ("赵\x00磊", ""),
        ("赵磊", "139\x1b"),
    ):
        with (
            pytest.raises(WorkbenchError, match=r"too long|control character"),
            store.transaction() as s,
        ):
            engineers.create_engineer(s, name, phone)
