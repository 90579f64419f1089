"""Issue 16: an attacker with the store file, covering their tracks with the app's own
algorithms (tests.helpers.forgery), against a signed demo year. Every attack is found by
``workbench verify`` (exit 1, naming the record or the missing range): by the engineers'
key signatures, the history the links bind, the witness this laptop keeps, or — when
the attacker replaces the witness too — a head printed on paper (``--anchor``).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from tests.helpers.forgery import Forger
from tests.helpers.stores import copy_store
from workbench.cli import main
from workbench.data.models import Engineer, Signature
from workbench.data.models.workorders import WorkLogEntry, WorkOrder
from workbench.services import witness


@pytest.fixture
def demo(demo_year_template: Path, tmp_path: Path) -> Path:
    """A copy of the signed demo year, verified once so that the witness has seen it."""
    path = copy_store(demo_year_template, tmp_path / "demo.sqlite3")
    assert main(["verify", "--db", str(path)]) == 0
    return path


def verify(path: Path, capsys: Any, *extra: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["verify", "--db", str(path), "--lang", "en", *extra])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def head_anchor(path: Path, capsys: Any) -> str:
    capsys.readouterr()
    assert main(["chain", "head", "--json", "--db", str(path)]) == 0
    return str(json.loads(capsys.readouterr().out)["anchor"])


def signed_numbers(forger: Forger, limit: int = 10) -> list[str]:
    conn_rows = []
    import sqlite3

    conn = sqlite3.connect(forger.path)
    try:
        conn_rows = [
            r[0]
            for r in conn.execute(
                "SELECT w.number FROM work_order w JOIN signed_record s "
                "ON s.record_id = w.id AND s.record_type = 'work_order' ORDER BY s.seq"
            ).fetchall()
        ]
    finally:
        conn.close()
    return conn_rows[:limit] if limit else conn_rows


def forget_witness() -> None:
    """The attacker also replaces the witness: here, removes it."""
    witness.default_path().unlink()


# -- changed content ------------------------------------------------------------------


def test_a_changed_signed_field_rechained_is_found(demo: Path, capsys: Any) -> None:
    forger = Forger(demo)
    number = signed_numbers(forger)[1]
    forger.sql(
        "UPDATE work_order SET resolution = '未修复，待备件' WHERE number = ?", params=(number,)
    )
    forger.cover()
    code, out = verify(demo, capsys)
    assert code == 1
    assert f"{number}: the key signature does not match" in out


def test_back_dated_sla_times_to_erase_a_penalty_are_found(demo: Path, capsys: Any) -> None:
    forger = Forger(demo)
    number = forger.scalar(
        "SELECT number FROM work_order WHERE status = 'signed' AND restored_at > restore_due"
    )
    assert number, "the demo year has a late restore"
    forger.sql(
        "UPDATE work_order SET restored_at = datetime(restore_due, '-10 minutes') WHERE number = ?",
        params=(number,),
    )
    forger.cover()
    code, out = verify(demo, capsys)
    assert code == 1
    assert f"{number}: the key signature does not match" in out


def test_swapped_client_signatures_are_found(demo: Path, capsys: Any) -> None:
    forger = Forger(demo)
    a, b = signed_numbers(forger)[:2]
    ids = [forger.scalar("SELECT id FROM work_order WHERE number = ?", (n,)) for n in (a, b)]
    forger.sql(
        "UPDATE signature SET record_id = 'swap' WHERE role = 'client' AND record_id = ?",
        params=(ids[0],),
    )
    forger.sql(
        "UPDATE signature SET record_id = ? WHERE role = 'client' AND record_id = ?",
        params=(ids[0], ids[1]),
    )
    forger.sql("UPDATE signature SET record_id = ? WHERE record_id = 'swap'", params=(ids[1],))
    forger.cover()
    code, out = verify(demo, capsys)
    assert code == 1
    assert f"{a}: the key signature does not match" in out
    assert f"{b}: the key signature does not match" in out


def test_a_signed_order_given_to_another_engineer_is_found(demo: Path, capsys: Any) -> None:
    forger = Forger(demo)
    number = signed_numbers(forger)[0]
    order_id, owner = (
        forger.scalar("SELECT id FROM work_order WHERE number = ?", (number,)),
        forger.scalar("SELECT engineer_id FROM work_order WHERE number = ?", (number,)),
    )
    other, other_name = (
        forger.scalar("SELECT id FROM engineer WHERE id != ? ORDER BY name", (owner,)),
        forger.scalar("SELECT name FROM engineer WHERE id != ? ORDER BY name", (owner,)),
    )
    forger.sql("UPDATE work_order SET engineer_id = ? WHERE id = ?", params=(other, order_id))
    forger.sql(
        "UPDATE signature SET engineer_id = ?, signer_name = ? "
        "WHERE record_id = ? AND role = 'engineer'",
        params=(other, other_name, order_id),
    )
    forger.cover()
    code, out = verify(demo, capsys)
    assert code == 1
    assert f"{number}: the key signature does not match" in out


def test_a_link_signed_with_the_other_engineers_real_key_is_found(demo: Path, capsys: Any) -> None:
    """Even a valid key signature does not make a record another engineer's: the key
    must be the named engineer's."""
    from workbench.data.models import SignedRecord

    forger = Forger(demo)
    number = signed_numbers(forger)[0]
    order_id = forger.scalar("SELECT id FROM work_order WHERE number = ?", (number,))
    owner = forger.scalar("SELECT engineer_id FROM work_order WHERE id = ?", (order_id,))
    other = forger.scalar("SELECT id FROM engineer WHERE id != ? ORDER BY name", (owner,))
    forger.sql(
        "UPDATE signature SET engineer_id = ? WHERE record_id = ? AND role = 'engineer'",
        params=(other, order_id),
    )
    forger.cover()

    def still_signed(session: Any) -> None:
        row = session.scalar(select(SignedRecord).where(SignedRecord.record_id == order_id))
        assert row.key_fingerprint  # the owner's key, whose signature no longer matches

    forger._read(still_signed)
    code, out = verify(demo, capsys)
    assert code == 1
    assert number in out


# -- removed, added, moved -------------------------------------------------------------


def test_the_newest_signed_records_removed_are_found_by_the_witness(
    demo: Path, capsys: Any
) -> None:
    forger = Forger(demo)
    anchor = head_anchor(demo, capsys)
    last = forger.scalar("SELECT max(seq) FROM signed_record")
    ids = [
        forger.scalar("SELECT record_id FROM signed_record WHERE seq = ?", (s,))
        for s in (last, last - 1)
    ]
    for record_id in ids:
        forger.sql("DELETE FROM signature WHERE record_id = ?", params=(record_id,))
        forger.sql("DELETE FROM signed_record WHERE record_id = ?", params=(record_id,))
        forger.sql(
            "UPDATE work_order SET status = 'closed', signed_at = NULL WHERE id = ?",
            params=(record_id,),
        )
        forger.sql(
            "UPDATE inspection_round SET status = 'finished', signed_at = NULL WHERE id = ?",
            params=(record_id,),
        )
    forger.cover()
    code, out = verify(demo, capsys)
    assert code == 1
    assert "2 signed records" in out and "are missing" in out
    # The attacker replaces the witness too: the printed head still tells.
    forget_witness()
    code, out = verify(demo, capsys, "--anchor", anchor)
    assert code == 1
    assert "the history up to it differs" in out or "does not reach it" in out


def test_an_unsigned_order_is_found(demo: Path, capsys: Any) -> None:
    """Un-signing a signed order in the middle: its link, its signatures, status back to
    closed, the chain renumbered."""
    forger = Forger(demo)
    number = signed_numbers(forger)[5]
    order_id = forger.scalar("SELECT id FROM work_order WHERE number = ?", (number,))
    forger.sql(
        "DELETE FROM signed_record WHERE record_id = ?",
        "DELETE FROM signature WHERE record_id = ?",
        "UPDATE work_order SET status = 'closed', signed_at = NULL WHERE id = ?",
        "DELETE FROM work_order_event WHERE work_order_id = ? AND to_status = 'signed'",
        params=(order_id,),
    )
    forger.cover()
    code, out = verify(demo, capsys)
    assert code == 1
    assert "the key signature does not match" in out  # every later link moved


def test_a_deleted_order_is_named_by_its_number(demo: Path, capsys: Any) -> None:
    forger = Forger(demo)
    number = signed_numbers(forger)[4]
    order_id = forger.scalar("SELECT id FROM work_order WHERE number = ?", (number,))
    forger.sql(
        "DELETE FROM signed_record WHERE record_id = ?",
        "DELETE FROM signature WHERE record_id = ?",
        "DELETE FROM work_order_event WHERE work_order_id = ?",
        "DELETE FROM work_order_asset WHERE work_order_id = ?",
        "DELETE FROM work_log_entry WHERE work_order_id = ?",
        "DELETE FROM work_order_amendment WHERE work_order_id = ?",
        "DELETE FROM work_order WHERE id = ?",
        params=(order_id,),
    )
    forger.cover()
    code, out = verify(demo, capsys)
    assert code == 1
    assert f"{number}: this number is missing" in out


def test_reordered_links_are_found(demo: Path, capsys: Any) -> None:
    forger = Forger(demo)
    forger.sql(
        "UPDATE signed_record SET seq = -1 WHERE seq = 10",
        "UPDATE signed_record SET seq = 10 WHERE seq = 11",
        "UPDATE signed_record SET seq = 11 WHERE seq = -1",
    )
    forger.cover()
    code, out = verify(demo, capsys)
    assert code == 1
    assert "the key signature does not match" in out


def test_a_new_signed_order_with_copied_signatures_is_found(demo: Path, capsys: Any) -> None:
    from workbench.data.models import SignedRecord
    from workbench.services import workorders as wo

    forger = Forger(demo)
    source = signed_numbers(forger)[0]

    def plant(session: Any) -> None:
        old = session.scalar(select(WorkOrder).where(WorkOrder.number == source))
        new = wo.create_work_order(
            session,
            type="fault",
            channel="hotline",
            description="伪造的已修复故障",
            asset_codes=["XF-KIOSK-01"],
            reported_at=old.reported_at,
            now=old.reported_at,
        )
        order = session.scalar(select(WorkOrder).where(WorkOrder.number == new.number))
        for column in ("responded_at", "onsite_at", "restored_at", "closed_at", "signed_at"):
            setattr(order, column, getattr(old, column))
        order.status, order.engineer_id = "signed", old.engineer_id
        order.cause, order.resolution = old.cause, old.resolution
        for sig in session.scalars(select(Signature).where(Signature.record_id == old.id)):
            session.add(
                Signature(
                    record_type=sig.record_type,
                    record_id=order.id,
                    role=sig.role,
                    signer_name=sig.signer_name,
                    engineer_id=sig.engineer_id,
                    signed_at=sig.signed_at,
                    strokes=sig.strokes,
                    aspect=sig.aspect,
                )
            )
        link = session.scalar(select(SignedRecord).where(SignedRecord.record_id == old.id))
        top = session.scalar(select(SignedRecord).order_by(SignedRecord.seq.desc()).limit(1))
        session.add(
            SignedRecord(
                seq=top.seq + 1,
                record_type="work_order",
                record_id=order.id,
                content_hash="0" * 64,
                prev_hash=top.chain_hash,
                chain_hash="f" * 64,
                signed_at=old.signed_at,
                version=2,
                store_uuid=link.store_uuid,
                key_fingerprint=link.key_fingerprint,
                signature=link.signature,
                audit_seq=link.audit_seq,
                audit_hash=link.audit_hash,
            )
        )
        forger.planted = new.number  # type: ignore[attr-defined]

    forger.orm(plant)
    forger.cover()
    code, out = verify(demo, capsys)
    assert code == 1
    assert f"{forger.planted}: the key signature does not match" in out  # type: ignore[attr-defined]


# -- the audit trail -------------------------------------------------------------------


def test_an_edited_audit_entry_rehashed_is_found(demo: Path, capsys: Any) -> None:
    forger = Forger(demo)
    forger.sql(
        "UPDATE audit_log SET actor = '某人' WHERE seq = "
        "(SELECT min(seq) FROM audit_log WHERE table_name = 'work_order')"
    )
    forger.rehash_audit()
    forger.rechain()
    code, out = verify(demo, capsys)
    assert code == 1
    assert "the audit trail before this signature was rewritten" in out or (
        "the key signature does not match" in out
    )
    assert "history differs from what this laptop last saw" in out


@pytest.mark.parametrize("how", ["range", "truncate", "empty"])
def test_a_cut_audit_trail_is_found(demo: Path, capsys: Any, how: str) -> None:
    forger = Forger(demo)
    anchor = head_anchor(demo, capsys)
    top = forger.scalar("SELECT max(seq) FROM audit_log")
    statement = {
        "range": f"DELETE FROM audit_log WHERE seq BETWEEN {top // 3} AND {top // 3 + 50}",
        "truncate": f"DELETE FROM audit_log WHERE seq > {top - 40}",
        "empty": "DELETE FROM audit_log",
    }[how]
    forger.sql(statement)
    forger.rehash_audit()
    forger.rechain()
    code, out = verify(demo, capsys)
    assert code == 1
    assert "this laptop last saw" in out
    forget_witness()
    code, out = verify(demo, capsys, "--anchor", anchor)
    assert code == 1
    assert f"Head #{anchor.split(':')[0]}" in out


# -- work logs -------------------------------------------------------------------------


def test_a_log_line_added_to_a_signed_order_is_found(demo: Path, capsys: Any) -> None:
    forger = Forger(demo)
    number = signed_numbers(forger)[2]

    def add(session: Any) -> None:
        order = session.scalar(select(WorkOrder).where(WorkOrder.number == number))
        assert order.signed_at is not None
        session.add(
            WorkLogEntry(
                work_order_id=order.id,
                engineer_id=order.engineer_id,
                at=order.signed_at,
                recorded_at=order.signed_at + (order.signed_at - order.reported_at),
                text="补记：客户同意不计超时",
            )
        )

    forger.orm(add)  # recorded in the audit trail as the app would
    code, out = verify(demo, capsys)
    assert code == 1
    assert f"{number}: a work log entry added after sign-off" in out


def test_a_changed_log_line_of_an_unsigned_order_is_found(demo: Path, capsys: Any) -> None:
    forger = Forger(demo)
    entry = forger.scalar(
        "SELECT e.id FROM work_log_entry e JOIN work_order w ON w.id = e.work_order_id "
        "WHERE w.status != 'signed' ORDER BY e.at LIMIT 1"
    )
    assert entry
    forger.sql("UPDATE work_log_entry SET text = '已到场' WHERE id = ?", params=(entry,))
    code, out = verify(demo, capsys)
    assert code == 1
    assert f"work_log_entry {entry}: the record differs from the audit trail (text)" in out
    # Written into the trail too (and the trail re-hashed): the witness sees the rewrite.
    forger.cover()
    code, out = verify(demo, capsys)
    assert code == 1
    assert "this laptop last saw" in out


# -- the whole file --------------------------------------------------------------------


def test_a_file_rolled_back_to_an_older_copy_is_found(
    demo_year_template: Path, tmp_path: Path, capsys: Any
) -> None:
    path = copy_store(demo_year_template, tmp_path / "demo.sqlite3")
    older = tmp_path / "older.sqlite3"
    shutil.copy(path, older)
    from workbench.services import workorders as wo

    forger = Forger(path)
    number = signed_numbers(forger, limit=0)[-1]
    engineer = forger.scalar("SELECT engineer_id FROM work_order WHERE number = ?", (number,))

    def amend(session: Any) -> None:
        name = session.get(Engineer, engineer).name
        pin = {"张伟": "260101", "李娜": "260102", "王磊": "260103"}[name]
        wo.amend_work_order(
            session, number, engineer_id=engineer, pin=pin, new_value="补充", reason="厂家报告"
        )

    forger.orm(amend)
    assert main(["verify", "--db", str(path)]) == 0  # the witness sees the amendment
    shutil.copy(older, path)  # and the file is put back
    code, out = verify(path, capsys)
    assert code == 1
    assert "1 signed records" in out and "are missing" in out
    # Until the rollback is accepted, which the audit trail then records.
    assert main(["chain", "accept", "--yes", "--db", str(path)]) == 0
    code, out = verify(path, capsys)
    assert code == 0, out
    assert forger.scalar("SELECT count(*) FROM store_event WHERE kind = 'rollback_accepted'") == 1


# -- keys ------------------------------------------------------------------------------


def test_a_planted_key_for_an_engineer_is_found(demo: Path, capsys: Any) -> None:
    """The attacker registers a key of their own for an engineer (retiring the real one),
    with a valid self-signed link at the end of the chain: the registration lacks a
    second engineer's approval, so nothing that key signs is trusted."""
    from workbench.data.models import EngineerKey, SignedRecord
    from workbench.data.models.workorders import SequenceCounter
    from workbench.domain import hashing, keys
    from workbench.services import signing

    forger = Forger(demo)
    made = keys.new_key("999999", keys.MIN_KDF)
    number = signed_numbers(forger)[3]

    def plant(session: Any) -> None:
        order = session.scalar(select(WorkOrder).where(WorkOrder.number == number))
        real = session.scalar(
            select(EngineerKey).where(EngineerKey.engineer_id == order.engineer_id)
        )
        real.retired_at = order.signed_at
        fake = EngineerKey(
            engineer_id=order.engineer_id,
            public_key=made.public_hex,
            fingerprint=made.fingerprint,
            sealed_private=made.sealed,
            created_at=order.signed_at,
            store_uuid=real.store_uuid,
            replaces_fingerprint=real.fingerprint,
        )
        session.add(fake)
        session.flush()
        # Appended at the end of the chain as the app would, signed by the planted key.
        content = signing.compute_content_hash(session, "engineer_key", fake.id)
        audit_seq, audit_hash = signing.audit_head(session)
        top = session.scalar(select(SignedRecord).order_by(SignedRecord.seq.desc()).limit(1))
        fields = {
            "store_uuid": real.store_uuid,
            "seq": top.seq + 1,
            "record_type": "engineer_key",
            "record_id": fake.id,
            "content_hash": content,
            "prev_hash": top.chain_hash,
            "signed_at": order.signed_at,
            "key_fingerprint": fake.fingerprint,
            "audit_seq": audit_seq,
            "audit_hash": audit_hash,
        }
        message = hashing.link_message(**fields)
        session.add(
            SignedRecord(
                **fields,
                chain_hash=hashing.sha256_hex(message),
                version=2,
                signature=keys.sign(made.private, message),
            )
        )
        counter = session.get(SequenceCounter, signing.CHAIN_COUNTER)
        counter.value = top.seq + 1

    forger.orm(plant)
    code, out = verify(demo, capsys)
    assert code == 1
    assert "without a valid second engineer's approval" in out


def test_setting_another_engineers_pin_without_the_old_one_is_refused(demo: Path) -> None:
    from workbench.data.store import Store
    from workbench.domain.messages import WorkbenchError
    from workbench.services import engineers

    store = Store(f"sqlite:///{demo}")
    try:
        with store.read() as session:
            rows = {r.name: r for r in engineers.list_engineers(session)}
        victim, other = rows["张伟"], rows["李娜"]
        for change in (
            engineers.PinChange(engineers.FIRST, "111111"),
            engineers.PinChange(engineers.CHANGE, "111111", old_pin="000000"),
            engineers.PinChange(engineers.FORGOTTEN, "111111"),
            engineers.PinChange(engineers.FORGOTTEN, "111111", approver_id=victim.id),
            engineers.PinChange(
                engineers.FORGOTTEN, "111111", approver_id=other.id, approver_pin="000000"
            ),
        ):
            with pytest.raises(WorkbenchError), store.transaction() as session:
                engineers.apply_pin_change(session, victim.id, change)
        with pytest.raises(WorkbenchError, match="6 to 12"), store.transaction() as session:
            engineers.apply_pin_change(
                session, victim.id, engineers.PinChange(engineers.CHANGE, "12345", "260101")
            )
        with store.transaction() as session:  # the real way works
            engineers.apply_pin_change(
                session,
                victim.id,
                engineers.PinChange(
                    engineers.FORGOTTEN, "111111", approver_id=other.id, approver_pin="260102"
                ),
            )
            assert engineers.unlock(session, victim.id, "111111").engineer_id == victim.id
    finally:
        store.dispose()
