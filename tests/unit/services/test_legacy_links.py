"""Issue 16: a store signed before engineer keys keeps verifying after the upgrade; the
engineer's key comes at their next sign-in and signs from then on; an old-style link
after a signed one is a downgrade."""

from __future__ import annotations

import datetime as dt
import sqlite3

from sqlalchemy import select
from test_workorders_support import BJ, MIN, PIN, restored_order, sign

from workbench.data.models import Engineer, EngineerKey, SignedRecord
from workbench.domain import hashing, pins
from workbench.services import signing

T0 = dt.datetime(2026, 7, 14, 10, 0, tzinfo=BJ)


def _as_before_keys(db_path, record_id: str) -> None:
    """Turn the order's link into the version-1 link of a store from before keys, and
    take the key away (the engineer keeps only the old PIN hash, as such stores had)."""
    conn = sqlite3.connect(db_path)
    try:
        seq, content = conn.execute(
            "SELECT seq, content_hash FROM signed_record WHERE record_id = ?", (record_id,)
        ).fetchone()
        conn.execute("DELETE FROM signed_record WHERE record_type = 'engineer_key'")
        conn.execute("DELETE FROM engineer_key")
        conn.execute(
            "UPDATE signed_record SET seq = 1, version = 1, prev_hash = ?, chain_hash = ?, "
            "store_uuid = '', key_fingerprint = '', signature = '', audit_seq = 0, "
            "audit_hash = '' WHERE seq = ?",
            (hashing.GENESIS_HASH, hashing.chain_hash(hashing.GENESIS_HASH, content), seq),
        )
        conn.execute("UPDATE sequence_counter SET value = 1 WHERE name = 'signed_record'")
        conn.execute("UPDATE engineer SET pin_hash = ?", (pins.hash_pin(PIN, n=2**10),))
        conn.commit()
    finally:
        conn.close()


def test_old_links_verify_and_the_key_comes_at_the_next_sign_in(sqlite_store, db_path):
    store = sqlite_store
    with store.transaction("test") as s:
        from workbench.services import engineers

        eng = engineers.create_engineer(s, "张伟", pin=PIN)
    first = restored_order(store, eng.id, T0)
    detail = sign(store, first, eng.id, T0 + 90 * MIN)
    store.dispose()
    _as_before_keys(db_path, detail.row.id)
    with store.read() as s:
        assert s.scalar(select(EngineerKey)) is None
        (link,) = s.scalars(select(SignedRecord)).all()
        assert link.version == 1
        # An old-style link checks by its hashes, as before the upgrade.
        assert signing.verify_chain(s) == []

    second = restored_order(store, eng.id, T0 + 300 * MIN)
    sign(store, second, eng.id, T0 + 400 * MIN)  # the old PIN: the key is made now
    with store.read() as s:
        assert s.get(Engineer, eng.id).pin_hash == ""
        links = s.scalars(select(SignedRecord).order_by(SignedRecord.seq)).all()
        assert [(lk.version, lk.record_type) for lk in links] == [
            (1, "work_order"),
            (2, "engineer_key"),
            (2, "work_order"),
        ]
        assert signing.count_legacy_links(s) == 1
        assert signing.verify_chain(s) == []


def test_an_old_style_link_after_a_signed_one_is_a_downgrade(sqlite_store, db_path):
    store = sqlite_store
    with store.transaction("test") as s:
        from workbench.services import engineers

        eng = engineers.create_engineer(s, "张伟", pin=PIN)
    number = restored_order(store, eng.id, T0)
    detail = sign(store, number, eng.id, T0 + 90 * MIN)
    store.dispose()
    conn = sqlite3.connect(db_path)
    try:
        seq, prev, content = conn.execute(
            "SELECT seq, prev_hash, content_hash FROM signed_record WHERE record_id = ?",
            (detail.row.id,),
        ).fetchone()
        conn.execute(
            "UPDATE signed_record SET version = 1, chain_hash = ?, signature = '' WHERE seq = ?",
            (hashing.chain_hash(prev, content), seq),
        )
        conn.commit()
    finally:
        conn.close()
    with store.read() as s:
        problems = [(p.label, p.problem) for p in signing.verify_chain(s)]
    assert problems == [(number, "downgrade")]
