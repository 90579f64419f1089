"""What a scanned text means: an asset label, a printed record, a printed head.

Asset labels carry the bare asset code (``XF-KIOSK-01``), so that any scanner reads back
exactly the code. Printed records carry an ASCII payload (reportlab's QR writes no ECI
marker, so payloads stay ASCII):

- ``WB1|WO|WO-2026-0001|<sha256 hex>|<seq>:<16 hex>`` for a work order,
- ``WB1|IR|<round number>|<sha256 hex>|<seq>:<16 hex>`` for an inspection round,
- ``WB1|HD|<seq>:<16 hex>`` for a report that is no record of its own (weekly, monthly,
  the acceptance pack's index): only the store's head;
- ``WB1|FP|<key fingerprint, 64 hex>|<seq>:<16 hex>`` on an engineer registration form.

The last field is the store's head when the paper was made (the audit trail's sequence
number and the first 16 hex digits of its hash, what ``verify --anchor`` takes). Paper
printed before heads were carried has no head field (``WB1|WO|<number>|<sha256>``); it
still parses, with ``head`` None. At 24 mm a record's code is a version 7 symbol (45
modules, 0.45 mm each: about 2.7 pixels a module in a 150-dpi scan).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ASSET_CODE_RE = re.compile(r"^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+$")
WORK_ORDER_NUMBER_RE = re.compile(r"^WO-(\d{4})-(\d{4,})$")
_HEAD = r"(\d{1,12}):([0-9a-f]{16})"
_RECORD_RE = re.compile(rf"^WB1\|(WO|IR)\|([A-Z0-9-]{{3,40}})\|([0-9a-f]{{64}})(?:\|{_HEAD})?$")
_HEAD_RE = re.compile(rf"^WB1\|HD\|{_HEAD}$")
_KEY_RE = re.compile(rf"^WB1\|FP\|([0-9a-f]{{64}})\|{_HEAD}$")
PAYLOAD_PREFIX = "WB1"
HEAD_DIGITS = 16  # hex digits of the head's hash that paper carries


@dataclass(frozen=True)
class PaperHead:
    """A head as paper carries it: the audit entry's number and its hash's first digits."""

    seq: int
    digest: str  # 16 lower-case hex digits

    @property
    def anchor(self) -> str:
        """``SEQ:HASH``, what ``verify --anchor`` takes."""
        return f"{self.seq}:{self.digest}"


@dataclass(frozen=True)
class AssetScan:
    code: str


@dataclass(frozen=True)
class RecordScan:
    kind: str  # "work_order" | "inspection_round"
    number: str
    record_hash: str
    head: PaperHead | None = None  # None on paper printed before heads were carried


@dataclass(frozen=True)
class HeadScan:
    """A report's code: only the store's head when it was made."""

    head: PaperHead


@dataclass(frozen=True)
class KeyScan:
    """An engineer registration form's code: the key's fingerprint and the head."""

    fingerprint: str
    head: PaperHead


@dataclass(frozen=True)
class UnknownScan:
    text: str


Scanned = AssetScan | RecordScan | HeadScan | KeyScan | UnknownScan

_KINDS = {"WO": "work_order", "IR": "inspection_round"}
_TAGS = {v: k for k, v in _KINDS.items()}


def _head_field(seq: int, digest: str) -> str:
    return f"{seq}:{digest[:HEAD_DIGITS].lower()}"


def record_payload(
    kind: str, number: str, record_hash: str, head: tuple[int, str] | None = None
) -> str:
    """The QR payload printed on a signed record; ``head`` is ``(seq, hash)`` of the
    store's head when the paper is made (its hash cut to 16 digits)."""
    payload = f"{PAYLOAD_PREFIX}|{_TAGS[kind]}|{number}|{record_hash}"
    if head is not None:
        payload += "|" + _head_field(*head)
    if not _RECORD_RE.match(payload):
        raise ValueError(f"cannot encode {kind} {number!r} with hash {record_hash!r}")
    return payload


def head_payload(seq: int, digest: str) -> str:
    """The QR payload of a report: the store's head ``(seq, hash)`` alone."""
    payload = f"{PAYLOAD_PREFIX}|HD|{_head_field(seq, digest)}"
    if not _HEAD_RE.match(payload):
        raise ValueError(f"cannot encode head {seq}:{digest!r}")
    return payload


def key_payload(fingerprint: str, seq: int, digest: str) -> str:
    """The QR payload of an engineer registration form: the key and the store's head."""
    payload = f"{PAYLOAD_PREFIX}|FP|{fingerprint.lower()}|{_head_field(seq, digest)}"
    if not _KEY_RE.match(payload):
        raise ValueError(f"cannot encode key {fingerprint!r}")
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
        head = PaperHead(int(match.group(4)), match.group(5)) if match.group(4) else None
        return RecordScan(_KINDS[match.group(1)], match.group(2), match.group(3), head)
    match = _HEAD_RE.match(stripped)
    if match:
        return HeadScan(PaperHead(int(match.group(1)), match.group(2)))
    match = _KEY_RE.match(stripped)
    if match:
        return KeyScan(match.group(1), PaperHead(int(match.group(2)), match.group(3)))
    code = normalise_asset_code(stripped)
    if is_asset_code(code):
        return AssetScan(code)
    return UnknownScan(stripped)
