import pytest

from workbench.domain.scancodes import AssetScan, RecordScan, UnknownScan, classify, record_payload

HASH = "ab" * 32


def test_asset_codes_are_recognised_case_insensitively():
    assert classify("XF-KIOSK-01") == AssetScan("XF-KIOSK-01")
    assert classify(" xf-dec-13\r") == AssetScan("XF-DEC-13")
    assert classify("WEB-WSXF-SL") == AssetScan("WEB-WSXF-SL")


def test_record_payload_round_trips():
    payload = record_payload("work_order", "WO-2026-0001", HASH)
    assert payload == f"WB1|WO|WO-2026-0001|{HASH}"
    assert classify(payload) == RecordScan("work_order", "WO-2026-0001", HASH)
    assert classify(record_payload("inspection_round", "XJ-2026-0007", HASH)).kind == (
        "inspection_round"
    )


@pytest.mark.parametrize("text", ["", "hello world", "12345", "WB1|WO|WO-2026-0001|xyz", "-A-"])
def test_other_text_is_unknown(text):
    assert isinstance(classify(text), UnknownScan)


def test_payload_refuses_bad_hash():
    with pytest.raises(ValueError, match="cannot encode"):
        record_payload("work_order", "WO-2026-0001", "not-a-hash")
