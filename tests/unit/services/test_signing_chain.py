"""Sign-off, the PIN lock-out through rolled-back transactions, and the hash chain."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from sqlalchemy import select
from test_workorders_support import BJ, MIN, STROKES, make_engineer, restored_order, sign

from workbench.data.models import Engineer, Signature, SignedRecord
from workbench.domain.messages import WorkbenchError
from workbench.services import signing
from workbench.services import workorders as wo

T0 = dt.datetime(2026, 7, 14, 10, 0, tzinfo=BJ)
SIGN_AT = T0 + 90 * MIN


def test_sign_off_signs_locks_and_links(store):
    eng = make_engineer(store)
    number = restored_order(store, eng.id, T0)
    d = sign(store, number, eng.id, SIGN_AT)
    assert d.row.status == "signed"
    assert d.row.signed_at == SIGN_AT
    assert d.row.closed_at == SIGN_AT
    assert [e.to_status for e in d.events][-2:] == ["closed", "signed"]
    assert {s.role for s in d.signatures} == {"engineer", "client"}
    assert d.chain_seq == 2  # the engineer's key registration is link 1
    assert d.record_hash is not None
    assert len(d.record_hash) == 64
    with store.transaction() as s:
        link = signing.link_of(s, "work_order", d.row.id)
        key_link = s.scalar(select(SignedRecord).where(SignedRecord.seq == 1))
        assert link is not None
        assert key_link.record_type == "engineer_key"
        assert key_link.prev_hash == "0" * 64
        assert link.prev_hash == key_link.chain_hash
        assert (link.version, link.key_fingerprint) == (2, eng.fingerprint)
        assert len(link.signature) == 128
        assert signing.verify_chain(s) == []
        assert s.scalar(select(Engineer.failed_pin_attempts).where(Engineer.id == eng.id)) == 0


def test_wrong_pin_signs_nothing_but_counts(store):
    eng = make_engineer(store)
    number = restored_order(store, eng.id, T0)
    with pytest.raises(WorkbenchError, match=r"Wrong PIN\. 4 attempts"):
        sign(store, number, eng.id, SIGN_AT, pin="000000")
    with store.transaction() as s:
        assert wo.detail(s, number).row.status == "restored"
        assert s.scalars(select(Signature)).all() == []
        assert [r.record_type for r in s.scalars(select(SignedRecord))] == ["engineer_key"]
        # The failure outlived the rollback of the sign-off.
        assert s.get(Engineer, eng.id).failed_pin_attempts == 1


def test_five_wrong_pins_lock_signing_for_five_minutes(store):
    eng = make_engineer(store)
    number = restored_order(store, eng.id, T0)
    for i in range(4):
        with pytest.raises(WorkbenchError, match=f"{4 - i} attempts"):
            sign(store, number, eng.id, SIGN_AT + i * dt.timedelta(seconds=10), pin="111111")
    with pytest.raises(WorkbenchError, match="locked"):
        sign(store, number, eng.id, SIGN_AT + dt.timedelta(seconds=50), pin="111111")
    with store.transaction() as s:
        locked_until = s.get(Engineer, eng.id).pin_locked_until
    assert locked_until == SIGN_AT + dt.timedelta(seconds=50) + 5 * MIN
    # The right PIN is refused while locked ...
    with pytest.raises(WorkbenchError, match="locked"):
        sign(store, number, eng.id, locked_until - dt.timedelta(seconds=1))
    # ... and accepted once the five minutes have passed.
    d = sign(store, number, eng.id, locked_until)
    assert d.row.status == "signed"
    with store.transaction() as s:
        engineer = s.get(Engineer, eng.id)
        assert (engineer.failed_pin_attempts, engineer.pin_locked_until) == (0, None)


def test_sign_off_needs_both_signatures_and_a_restored_order(store):
    eng = make_engineer(store)
    number = restored_order(store, eng.id, T0)
    with pytest.raises(WorkbenchError, match="empty"), store.transaction() as s:
        wo.sign_off(
            s,
            number,
            wo.Signatures(
                engineer_strokes=STROKES, client_name="于文浩", client_strokes=[[[0.5, 0.5]]]
            ),
            engineer_id=eng.id,
            pin="246800",
            now=SIGN_AT,
        )
    with pytest.raises(WorkbenchError, match="name"), store.transaction() as s:
        wo.sign_off(
            s,
            number,
            wo.Signatures(engineer_strokes=STROKES, client_name="  ", client_strokes=STROKES),
            engineer_id=eng.id,
            pin="246800",
            now=SIGN_AT,
        )
    with store.transaction() as s:
        fresh = wo.create_work_order(
            s,
            type="fault",
            channel="hotline",
            description="拼接屏黑屏",
            asset_codes=["XF-WIND-01"],
            reported_at=T0,
            now=T0,
        ).number
    with pytest.raises(WorkbenchError, match="restored"):
        sign(store, fresh, eng.id, SIGN_AT)
    with store.transaction() as s:
        assert s.scalars(select(Signature)).all() == []


def test_chain_links_follow_each_other(store):
    eng = make_engineer(store)
    numbers = [restored_order(store, eng.id, T0 + i * 180 * MIN) for i in range(3)]
    for i, number in enumerate(numbers):
        sign(store, number, eng.id, T0 + i * 180 * MIN + 100 * MIN)
    with store.transaction() as s:
        links = s.scalars(select(SignedRecord).order_by(SignedRecord.seq)).all()
        assert [link.seq for link in links] == [1, 2, 3, 4]
        assert [link.prev_hash for link in links[1:]] == [link.chain_hash for link in links[:-1]]
        assert signing.verify_chain(s) == []


def test_tampered_content_is_named_by_verify(store, db_path):
    if not store.is_sqlite:
        pytest.skip("edits the SQLite file by hand")
    eng = make_engineer(store)
    numbers = [restored_order(store, eng.id, T0 + i * 180 * MIN) for i in range(3)]
    for i, number in enumerate(numbers):
        sign(store, number, eng.id, T0 + i * 180 * MIN + 100 * MIN)
    store.dispose()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE work_order SET resolution = '未修复' WHERE number = ?", (numbers[1],))
        conn.execute(
            "UPDATE signature SET signer_name = '某人' WHERE role = 'client' AND record_id = "
            "(SELECT id FROM work_order WHERE number = ?)",
            (numbers[2],),
        )
    conn.close()
    with store.transaction() as s:
        problems = signing.verify_chain(s)
        assert [(p.label, p.problem) for p in problems] == [
            (numbers[1], "content"),
            (numbers[2], "content"),
        ]
        # The paper of the altered order no longer matches its record.
        doc_hash = wo.detail(s, numbers[1]).record_hash or ""
        assert wo.check_scanned_record(s, numbers[1], doc_hash).state == "record_altered"


def test_removed_link_and_broken_chain_are_found(store, db_path):
    if not store.is_sqlite:
        pytest.skip("edits the SQLite file by hand")
    eng = make_engineer(store)
    numbers = [restored_order(store, eng.id, T0 + i * 180 * MIN) for i in range(3)]
    for i, number in enumerate(numbers):
        sign(store, number, eng.id, T0 + i * 180 * MIN + 100 * MIN)
    store.dispose()
    with sqlite3.connect(db_path) as conn:
        conn.execute("DELETE FROM signed_record WHERE seq = 3")  # the second order's link
    conn.close()
    with store.transaction() as s:
        problems = {(p.label, p.problem) for p in signing.verify_chain(s)}
    assert problems == {(numbers[2], "sequence"), (numbers[1], "unlinked")}


def test_every_signed_kind_is_known_to_the_chain_alone():
    """The chain knows every kind of signed record without any area module being
    imported first (no registry filled as a side effect of an import)."""
    import subprocess
    import sys

    code = (
        "from workbench.services import signing\nprint(' '.join(sorted(signing.signed_kinds())))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == [
        "engineer_key",
        "excuse",
        "inspection_round",
        "work_order",
        "work_order_amendment",
    ]
    kinds = signing.signed_kinds()
    assert all(kind.record_type == name for name, kind in kinds.items())
    assert kinds["work_order"].signed_ids is not None
    assert kinds["inspection_round"].signed_ids is not None
