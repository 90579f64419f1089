"""What a scanned text means: an asset label, a printed work order, a printed round.

Asset labels carry the bare asset code (``XF-KIOSK-01``), so that any scanner reads back
exactly the code. Printed records carry an ASCII payload (reportlab's QR writes no ECI
marker, so payloads stay ASCII): ``WB1|WO|WO-2026-0001|<sha256 hex>`` for a work order,
``WB1|IR|<round number>|<sha256 hex>`` for an inspection round.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ASSET_CODE_RE = re.compile(r"^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+$")
WORK_ORDER_NUMBER_RE = re.compile(r"^WO-(\d{4})-(\d{4,})$")
_RECORD_RE = re.compile(r"^WB1\|(WO|IR)\|([A-Z0-9-]{3,40})\|([0-9a-f]{64})$")
PAYLOAD_PREFIX = "WB1"


@dataclass(frozen=True)
class AssetScan:
    code: str


@dataclass(frozen=True)
class RecordScan:
    kind: str  # "work_order" | "inspection_round"
    number: str
    record_hash: str


@dataclass(frozen=True)
class UnknownScan:
    text: str


Scanned = AssetScan | RecordScan | UnknownScan

_KINDS = {"WO": "work_order", "IR": "inspection_round"}
_TAGS = {v: k for k, v in _KINDS.items()}


def record_payload(kind: str, number: str, record_hash: str) -> str:
    """The QR payload printed on a signed record."""
    payload = f"{PAYLOAD_PREFIX}|{_TAGS[kind]}|{number}|{record_hash}"
    if not _RECORD_RE.match(payload):
        raise ValueError(f"cannot encode {kind} {number!r} with hash {record_hash!r}")
    return payload


def normalise_asset_code(text: str) -> str:
    return text.strip().upper()


def is_asset_code(text: str) -> bool:
    return bool(ASSET_CODE_RE.match(text))


def classify(text: str) -> Scanned:
    """Decide what a scan is. Asset codes are matched case-insensitively."""
    stripped = text.strip()
    match = _RECORD_RE.match(stripped)
    if match:
        return RecordScan(_KINDS[match.group(1)], match.group(2), match.group(3))
    code = normalise_asset_code(stripped)
    if is_asset_code(code):
        return AssetScan(code)
    return UnknownScan(stripped)
