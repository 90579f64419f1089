"""Canonical JSON and SHA-256 for signed records and their chain.

The canonical form of a record's content is JSON with sorted keys, no insignificant
whitespace, UTF-8 (non-ASCII kept as is), times as ISO 8601 in UTC, decimals as strings,
dates as ISO dates and tuples as lists. The same content always gives the same bytes, on
any machine and either database.

The chain: each link's ``chain_hash`` is SHA-256 over the ASCII text of the previous
link's chain hash followed by this link's content hash; the first link follows
:data:`GENESIS_HASH` (64 zeros).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from decimal import Decimal
from typing import Any

GENESIS_HASH = "0" * 64


def _default(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            raise ValueError("naive datetime in signed content")
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, tuple | set | frozenset):
        return list(value) if isinstance(value, tuple) else sorted(value)
    raise TypeError(f"cannot put {type(value).__name__} into signed content")


def _normalise(value: Any) -> Any:
    # json.dumps turns tuples into lists by itself, but floats need care: a float is
    # written by its shortest repr, which is stable; NaN and infinity are refused.
    if isinstance(value, dict):
        return {str(k): _normalise(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_normalise(v) for v in value]
    if isinstance(value, dt.datetime | dt.date | Decimal | set | frozenset):
        return _default(value)
    return value


def canonical_json(content: Any) -> bytes:
    """The canonical bytes of ``content`` (dicts, lists, str, int, float, bool, None,
    datetimes, dates, decimals)."""
    text = json.dumps(
        _normalise(content),
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
        allow_nan=False,
        default=_default,
    )
    return text.encode("utf-8")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def content_hash(content: Any) -> str:
    """SHA-256 (hex) of the canonical JSON of ``content``."""
    return sha256_hex(canonical_json(content))


def chain_hash(prev_chain_hash: str, this_content_hash: str) -> str:
    """SHA-256 over the previous link's chain hash followed by this content hash."""
    return sha256_hex((prev_chain_hash + this_content_hash).encode("ascii"))


LINK_VERSION = 2


def link_message(
    *,
    store_uuid: str,
    seq: int,
    record_type: str,
    record_id: str,
    content_hash: str,
    prev_hash: str,
    signed_at: dt.datetime,
    key_fingerprint: str,
    audit_seq: int,
    audit_hash: str,
) -> bytes:
    """The canonical bytes of a version-2 chain link: what its chain hash is taken over
    and what the signer's key signs. Binding the sequence number, the store and the
    audit trail's head into the signed bytes means that a link cannot be moved, copied
    into another store, or kept while the history before it is rewritten."""
    return canonical_json(
        {
            "v": LINK_VERSION,
            "store": store_uuid,
            "seq": seq,
            "record_type": record_type,
            "record_id": record_id,
            "content_hash": content_hash,
            "prev_hash": prev_hash,
            "signed_at": signed_at,
            "key": key_fingerprint,
            "audit_seq": audit_seq,
            "audit_hash": audit_hash,
        }
    )


def approval_message(*, store_uuid: str, engineer: str, fingerprint: str, replaces: str) -> bytes:
    """What a second engineer's key signs to approve ``fingerprint`` as ``engineer``'s key
    (``replaces``: the fingerprint of the key it replaces, or empty)."""
    return canonical_json(
        {
            "approve_key": fingerprint,
            "engineer": engineer,
            "replaces": replaces,
            "store": store_uuid,
        }
    )
