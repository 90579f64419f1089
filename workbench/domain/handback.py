"""Hand-back at the end of the contract (七、5): what was handed back, what was destroyed.

Plain read models of :mod:`workbench.services.handback`, for the record it prints.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from workbench.domain.documents import ContractHeader, SignatureDoc


@dataclass(frozen=True)
class PackFile:
    name: str  # relative to the pack folder, with "/"
    size: int
    sha256: str


@dataclass(frozen=True)
class HandbackExport:
    folder: Path
    files: tuple[PackFile, ...]
    store_uuid: str
    made_at: dt.datetime

    @property
    def total_bytes(self) -> int:
        return sum(f.size for f in self.files)


@dataclass(frozen=True)
class WipeTarget:
    path: Path
    kind: str  # "store" | "backup" | "attachment" | "log" | "witness"
    size: int


@dataclass(frozen=True)
class WipeResult:
    path: str
    kind: str
    size: int
    destroyed: bool
    error: str = ""


@dataclass(frozen=True)
class HandbackRecord:
    """The record of hand-back and destruction as printed (移交及销毁记录)."""

    contract: ContractHeader
    export: HandbackExport
    manifest_sha256: str
    results: tuple[WipeResult, ...]
    engineer_name: str
    fingerprint: str
    client_name: str
    signature: str  # the engineer's Ed25519 signature of the record's content (hex)
    signed_at: dt.datetime
    signatures: tuple[SignatureDoc, ...] = ()  # drawn at the hand-over, when given

    @property
    def all_destroyed(self) -> bool:
        return all(r.destroyed for r in self.results)
