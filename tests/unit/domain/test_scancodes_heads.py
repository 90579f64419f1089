"""The QR payloads that carry the store's head, and the old form that does not."""

from __future__ import annotations

import pytest

from workbench.domain.scancodes import (
    HeadScan,
    KeyScan,
    PaperHead,
    RecordScan,
    UnknownScan,
    classify,
    head_payload,
    key_payload,
    record_payload,
)

HASH = "3f" * 32
HEAD_HASH = "7c18aceaebd58249" + "0" * 48


def test_a_record_payload_carries_the_head_cut_to_16_digits() -> None:
    payload = record_payload("work_order", "WO-2026-0137", HASH, (16559, HEAD_HASH))
    assert payload == f"WB1|WO|WO-2026-0137|{HASH}|16559:7c18aceaebd58249"
    assert payload.isascii() and len(payload) == 107
    scan = classify(payload)
    assert scan == RecordScan(
        "work_order", "WO-2026-0137", HASH, PaperHead(16559, "7c18aceaebd58249")
    )
    assert isinstance(scan, RecordScan) and scan.head is not None
    assert scan.head.anchor == "16559:7c18aceaebd58249"


def test_old_paper_without_a_head_still_parses() -> None:
    old = f"WB1|WO|WO-2026-0001|{HASH}"
    assert classify(old) == RecordScan("work_order", "WO-2026-0001", HASH, None)
    assert record_payload("inspection_round", "XJ-2026-0007", HASH) == f"WB1|IR|XJ-2026-0007|{HASH}"
    assert classify(f"WB1|IR|XJ-2026-0007|{HASH}") == RecordScan(
        "inspection_round", "XJ-2026-0007", HASH, None
    )


def test_report_and_key_payloads() -> None:
    assert head_payload(42, HEAD_HASH) == "WB1|HD|42:7c18aceaebd58249"
    assert classify("WB1|HD|42:7c18aceaebd58249") == HeadScan(PaperHead(42, "7c18aceaebd58249"))
    fp = "ab" * 32
    payload = key_payload(fp, 42, HEAD_HASH)
    assert classify(payload) == KeyScan(fp, PaperHead(42, "7c18aceaebd58249"))


@pytest.mark.parametrize(
    "text",
    [
        f"WB1|WO|WO-2026-0001|{HASH}|16559",  # head without its hash
        f"WB1|WO|WO-2026-0001|{HASH}|16559:7c18",  # head hash too short
        f"WB1|WO|WO-2026-0001|{HASH}|16559:7C18ACEAEBD58249",  # upper case is not ours
        "WB1|HD|42",
        f"WB1|WO|WO-2026-0001|{HASH[:-1]}",
    ],
)
def test_damaged_payloads_are_not_records(text: str) -> None:
    assert isinstance(classify(text), UnknownScan)
