"""Heads and key fingerprints on paper, read back; ``verify --paper``; scanned codes
checked against the store (issue 16, items 2 and 5). Against a copy of the demo year."""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
import zxingcpp
from PIL import Image, ImageFilter
from sqlalchemy import select

from tests.helpers.stores import copy_store
from workbench.cli import main
from workbench.cli.scan import describe
from workbench.data.models import Engineer, EngineerKey, SignedRecord
from workbench.data.models.inspections import InspectionRound
from workbench.data.models.workorders import WorkOrder
from workbench.data.store import Store, read_store_uuid
from workbench.devices.framing import Scan
from workbench.domain import hashing
from workbench.domain.keys import display_fingerprint
from workbench.domain.scancodes import head_payload, key_payload, record_payload
from workbench.services import integrity, paper, signing

PDFTOPPM = shutil.which("pdftoppm")
needs_pdftoppm = pytest.mark.skipif(PDFTOPPM is None, reason="poppler-utils not installed")


@pytest.fixture
def demo(tmp_path: Path, demo_year_template: Path) -> Iterator[tuple[Path, Store]]:
    path = copy_store(demo_year_template, tmp_path / "demo.sqlite3")
    store = Store(f"sqlite:///{path}")
    yield path, store
    store.dispose()


def _last_signed(store: Store, model: type) -> tuple[str, str]:
    with store.read() as session:
        row = session.execute(
            select(model.id, model.number)
            .where(model.status == "signed")
            .order_by(model.year.desc(), model.seq.desc())
            .limit(1)
        ).one()
    return str(row[0]), str(row[1])


def _text(pdf: Path) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)


def _png(pdf: Path, dpi: int) -> list[Path]:
    assert PDFTOPPM is not None
    prefix = pdf.with_suffix("")
    subprocess.run([PDFTOPPM, "-png", "-r", str(dpi), str(pdf), str(prefix)], check=True)
    return sorted(pdf.parent.glob(f"{prefix.name}-*.png"))


def _qr_codes(pngs: list[Path]) -> list[str]:
    found = []
    for png in pngs:
        image = Image.open(png).convert("L")
        found += [r.text for r in zxingcpp.read_barcodes(image)]
    return found


def _head(store: Store) -> integrity.Head:
    with store.read() as session:
        return integrity.head(session)


@needs_pdftoppm
def test_signed_work_order_shows_head_and_key_fingerprint(
    demo: tuple[Path, Store], tmp_path: Path
) -> None:
    path, store = demo
    order_id, number = _last_signed(store, WorkOrder)
    with store.read() as session:
        link = signing.link_of(session, "work_order", order_id)
    assert link is not None and link.key_fingerprint
    head = _head(store)
    out = tmp_path / "wo.pdf"
    assert (
        main(["workorder", "pdf", number, "-o", str(out), "--db", str(path), "--lang", "zh_CN"])
        == 0
    )
    text = _text(out)
    assert f"链头 #{head.seq} {head.hash[:16]}" in text
    assert f"--anchor {head.seq}:{head.hash[:16]}" in text
    assert f"密钥指纹：{display_fingerprint(link.key_fingerprint)}" in text
    assert _qr_codes(_png(out, 150)) == [
        record_payload("work_order", number, link.content_hash, (head.seq, head.hash))
    ]


@needs_pdftoppm
def test_round_record_shows_head_and_key_fingerprint(
    demo: tuple[Path, Store], tmp_path: Path
) -> None:
    path, store = demo
    round_id, number = _last_signed(store, InspectionRound)
    with store.read() as session:
        link = signing.link_of(session, "inspection_round", round_id)
    assert link is not None and link.key_fingerprint
    head = _head(store)
    out = tmp_path / "round.pdf"
    assert (
        main(["forms", "round", number, "-o", str(out), "--db", str(path), "--lang", "zh_CN"]) == 0
    )
    text = _text(out)
    assert f"链头 #{head.seq} {head.hash[:16]}" in text
    assert f"密钥指纹：{display_fingerprint(link.key_fingerprint)}" in text
    assert record_payload("inspection_round", number, link.content_hash, (head.seq, head.hash)) in (
        _qr_codes(_png(out, 150))
    )


@needs_pdftoppm
def test_monthly_report_gives_party_a_the_head_to_sign(
    demo: tuple[Path, Store], tmp_path: Path
) -> None:
    path, store = demo
    head = _head(store)
    out = tmp_path / "monthly.pdf"
    argv = ["report", "monthly", "--month", "2026-11", "-o", str(out), "--db", str(path)]
    assert main([*argv, "--lang", "zh_CN"]) == 0
    text = re.sub(r"\s+", "", _text(out))
    short = f"#{head.seq}{head.hash[:16]}"
    assert "甲方代表在本报告上签字，即确认" in text
    assert f"的链头{short}。" in text
    assert f"--anchor{head.seq}:{head.hash[:16]}" in text
    assert head_payload(head.seq, head.hash) in _qr_codes(_png(out, 150))


@needs_pdftoppm
def test_engineer_registration_form(demo: tuple[Path, Store], tmp_path: Path) -> None:
    path, store = demo
    with store.read() as session:
        name, fp, public, approver = session.execute(
            select(
                Engineer.name,
                EngineerKey.fingerprint,
                EngineerKey.public_key,
                EngineerKey.approver_fingerprint,
            )
            .join(EngineerKey, EngineerKey.engineer_id == Engineer.id)
            .where(EngineerKey.approver_fingerprint != "")
            .limit(1)
        ).one()
        approver_name = session.scalar(
            select(Engineer.name)
            .join(EngineerKey, EngineerKey.engineer_id == Engineer.id)
            .where(EngineerKey.fingerprint == approver)
        )
        store_uuid = read_store_uuid(session.connection())
    head = _head(store)
    out = tmp_path / "reg.pdf"
    argv = ["forms", "engineer", name, "-o", str(out), "--db", str(path), "--lang", "zh_CN"]
    assert main(argv) == 0
    text = _text(out)
    assert "运维人员备案表" in text
    for wanted in (
        name,
        display_fingerprint(fp),
        fp,
        public,
        f"{approver_name} ({display_fingerprint(approver)})",
        str(store_uuid),
        f"#{head.seq} {head.hash[:16]}",
        "甲方代表签字（盖章）",
    ):
        assert wanted in text, wanted
    payload = key_payload(fp, head.seq, head.hash)
    assert _qr_codes(_png(out, 150)) == [payload]
    with store.read() as session:
        assert paper.check_text(session, payload).ok
        forged = paper.check_text(session, key_payload("0" * 64, head.seq, head.hash))
    assert (forged.record, forged.ok) == ("unknown", False)
    assert main(["forms", "engineer", "没有这个人", "--db", str(path)]) != 0


def _rechain(path: Path, store: Store, order_id: str, description: str) -> None:
    """What an attacker with the file and the app's own hashing does: change the order's
    content, then recompute its link's content hash and every later link's chain hash
    (the key signatures cannot be redone without the engineers' keys)."""
    db = sqlite3.connect(path)
    with db:
        db.execute("UPDATE work_order SET description = ? WHERE id = ?", (description, order_id))
    with store.read() as session:
        new_content = signing.compute_content_hash(session, "work_order", order_id)
        links = list(session.scalars(select(SignedRecord).order_by(SignedRecord.seq)))
        session.expunge_all()
    start = next(link.seq for link in links if link.record_id == order_id)
    prev = next((link.chain_hash for link in links if link.seq == start - 1), hashing.GENESIS_HASH)
    with db:
        for link in links:
            if link.seq < start:
                continue
            content = new_content if link.record_id == order_id else link.content_hash
            message = hashing.link_message(
                store_uuid=link.store_uuid,
                seq=link.seq,
                record_type=link.record_type,
                record_id=link.record_id,
                content_hash=content,
                prev_hash=prev,
                signed_at=link.signed_at,
                key_fingerprint=link.key_fingerprint,
                audit_seq=link.audit_seq,
                audit_hash=link.audit_hash,
            )
            chain = hashing.sha256_hex(message)
            db.execute(
                "UPDATE signed_record SET content_hash = ?, prev_hash = ?, chain_hash = ? "
                "WHERE seq = ?",
                (content, prev, chain, link.seq),
            )
            prev = chain
    db.close()


@needs_pdftoppm
def test_verify_paper_on_a_150_dpi_scan_passes_then_fails_after_a_rechain(
    demo: tuple[Path, Store], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, store = demo
    order_id, number = _last_signed(store, WorkOrder)
    out = tmp_path / "wo.pdf"
    assert main(["workorder", "pdf", number, "-o", str(out), "--db", str(path)]) == 0
    scan = _png(out, 150)[0]  # the QR code is in the title block of page 1
    capsys.readouterr()
    started = time.perf_counter()
    assert main(["verify", "--paper", str(scan), "--db", str(path), "--lang", "en"]) == 0
    took = time.perf_counter() - started
    got = capsys.readouterr()
    assert f"work order {number}: matches the signed record; head #" in got.out
    assert "the store extends it" in got.out
    assert "Paper: all 1 codes match the store." in got.out
    assert took < 30, took

    _rechain(path, store, order_id, "篡改后的故障描述")
    with store.read() as session:
        # The re-chain is self-consistent: the record matches its (rewritten) link...
        assert signing.compute_content_hash(session, "work_order", order_id) == (
            signing.link_of(session, "work_order", order_id).content_hash  # type: ignore[union-attr]
        )
        (code,) = paper.read_codes(scan)
        check = paper.check_text(session, code.text)
    # ...but not the paper.
    assert (check.record, check.record_summary, check.ok) == ("paper_mismatch", "differs", False)
    assert main(["verify", "--paper", str(scan), "--db", str(path), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert f"work order {number}: DIFFERS: the paper's hash is not the signed record's" in err
    assert "Paper: 1 of 1 codes do not match the store." in err


@needs_pdftoppm
def test_a_photographed_round_record_is_read(demo: tuple[Path, Store], tmp_path: Path) -> None:
    """A phone photo rather than a flatbed scan: skewed, blurred, JPEG-compressed."""
    path, store = demo
    _round_id, number = _last_signed(store, InspectionRound)
    out = tmp_path / "round.pdf"
    assert main(["forms", "round", number, "-o", str(out), "--db", str(path)]) == 0
    page = Image.open(_png(out, 150)[0]).convert("L")
    photo = page.rotate(1.5, expand=True, fillcolor=255).filter(ImageFilter.GaussianBlur(0.8))
    jpeg = tmp_path / "photo.jpg"
    photo.save(jpeg, "JPEG", quality=60)
    with store.read() as session:
        (result,) = paper.check_files(session, [jpeg])
    assert (result.check.kind, result.check.number, result.check.ok) == (
        "inspection_round",
        number,
        True,
    )


def test_verify_paper_refuses_a_file_without_codes(
    demo: tuple[Path, Store], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _store = demo
    blank = tmp_path / "blank.png"
    Image.new("L", (400, 300), 255).save(blank)
    assert main(["verify", "--paper", str(blank), "--db", str(path), "--lang", "en"]) == 1
    assert "no QR code found" in capsys.readouterr().err


def test_scan_json_checks_record_codes_against_the_store(demo: tuple[Path, Store]) -> None:
    _path, store = demo
    order_id, number = _last_signed(store, WorkOrder)
    with store.read() as session:
        real = signing.link_of(session, "work_order", order_id)
    assert real is not None
    head = _head(store)

    def scanned(text: str) -> dict[str, object]:
        return describe(store, Scan(code=text, symbology="]Q1", raw=text.encode()))

    good = scanned(record_payload("work_order", number, real.content_hash, (head.seq, head.hash)))
    assert (good["kind"], good["record"], good["head_state"], good["matches"]) == (
        "work_order",
        "match",
        "extended",
        True,
    )
    forged = scanned(record_payload("work_order", number, "ab" * 32, (head.seq, head.hash)))
    assert (forged["kind"], forged["number"], forged["record"], forged["matches"]) == (
        "work_order",
        number,
        "differs",
        False,
    )
    assert forged["record_state"] == "paper_mismatch"
    unknown = scanned(record_payload("work_order", "WO-2026-9999", real.content_hash))
    assert (unknown["record"], unknown["matches"]) == ("unknown", False)
    # Paper from before heads: checked by its record alone.
    old = scanned(f"WB1|WO|{number}|{real.content_hash}")
    assert (old["record"], old["head"], old["head_state"], old["matches"]) == (
        "match",
        None,
        None,
        True,
    )
    # A head beyond the store's end (the store was rolled back), or rewritten.
    ahead = scanned(
        record_payload("work_order", number, real.content_hash, (head.seq + 5, "0" * 64))
    )
    assert (ahead["record"], ahead["head_state"], ahead["matches"]) == ("match", "missing", False)
    rewritten = scanned(head_payload(head.seq, "f" * 64))
    assert (rewritten["kind"], rewritten["head_state"], rewritten["matches"]) == (
        "head",
        "differs",
        False,
    )
    damaged = scanned(f"WB1|WO|{number}|{real.content_hash[:-3]}")
    assert (damaged["kind"], damaged["matches"]) == ("malformed", False)


def test_scanned_round_codes_are_checked_like_work_orders(demo: tuple[Path, Store]) -> None:
    _path, store = demo
    round_id, number = _last_signed(store, InspectionRound)
    with store.read() as session:
        link = signing.link_of(session, "inspection_round", round_id)
        assert link is not None
        good = paper.check_text(
            session, record_payload("inspection_round", number, link.content_hash)
        )
        forged = paper.check_text(session, record_payload("inspection_round", number, "cd" * 32))
    assert (good.kind, good.record, good.ok) == ("inspection_round", "match", True)
    assert (forged.record, forged.ok) == ("paper_mismatch", False)
