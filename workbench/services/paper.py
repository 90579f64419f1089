"""Scanned or photographed paper checked against the store (``verify --paper``, scans).

Every ``WB1|…`` code printed by the workbench (see :mod:`workbench.domain.scancodes`)
says which record it stands for and the hash it had when it was signed, and the store's
head when the paper was made. :func:`check_text` holds one code against the store: the
record's chain link and its current content (``match``, ``paper_mismatch``: the paper's
hash is not the signed one, ``record_altered``: the record no longer matches its own
link, ``unsigned``, ``unknown``), and whether the store still extends the head
(:func:`workbench.services.integrity.check_anchor`). :func:`read_codes` finds the QR
codes of a PDF (each page rendered at 200 dpi with pypdfium2) or an image (Pillow),
decoded with zxing-cpp.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.data.models import Engineer, EngineerKey
from workbench.domain.messages import QT_TRANSLATE_NOOP, WorkbenchError
from workbench.domain.scancodes import (
    PAYLOAD_PREFIX,
    HeadScan,
    KeyScan,
    PaperHead,
    RecordScan,
    classify,
)
from workbench.services import integrity

if TYPE_CHECKING:
    from PIL.Image import Image

RENDER_DPI = 200
RECORD_DIFFERS = frozenset({"paper_mismatch", "record_altered"})


@dataclass(frozen=True)
class PaperCheck:
    """One scanned code held against the store.

    ``kind``: ``work_order``, ``inspection_round``, ``head`` (a report's code), ``key`` (an
    engineer registration form's: ``number`` is the engineer, ``record`` whether the key
    is registered in this store, ``match`` or ``unknown``), ``malformed``
    (begins like a workbench code but is not one: damaged or forged) or ``other`` (not a
    workbench code, e.g. an asset label). ``record``: the record's state (see the module
    text; None for a head or an other code). ``head_state``: ``extended`` (the store
    still extends the head on the paper), ``missing`` (the store does not reach it: cut
    short or rolled back), ``differs`` (the history up to it was rewritten), or None when
    the paper carries no head (printed before heads were).
    """

    text: str
    kind: str
    number: str = ""
    record: str | None = None
    head: PaperHead | None = None
    head_state: str | None = None

    @property
    def record_summary(self) -> str | None:
        """``match`` / ``differs`` / ``unknown`` (``unsigned`` counts as differs: the
        paper says signed, the store does not)."""
        if self.record is None:
            return None
        if self.record == "match":
            return "match"
        if self.record == "unknown":
            return "unknown"
        return "differs"

    @property
    def ok(self) -> bool:
        """The paper agrees with the store (an ``other`` code says nothing either way)."""
        if self.kind == "malformed":
            return False
        return self.record in (None, "match") and self.head_state in (None, "extended")

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "number": self.number or None,
            "record": self.record_summary,
            "record_state": self.record,
            "head": self.head.anchor if self.head else None,
            "head_state": self.head_state,
            "matches": self.ok,
        }


def _head_state(session: Session, head: PaperHead | None) -> str | None:
    if head is None:
        return None
    found = integrity.check_anchor(session, head.seq, head.digest)
    if found is None:
        return "extended"
    return "missing" if found.kind == "anchor_missing" else "differs"


def check_text(session: Session, text: str) -> PaperCheck:
    """Hold one scanned text against the store."""
    from workbench.services import inspections, workorders

    scan = classify(text)
    if isinstance(scan, RecordScan):
        if scan.kind == "work_order":
            state = workorders.check_scanned_record(session, scan.number, scan.record_hash).state
        else:
            state = inspections.check_scanned_round(session, scan.number, scan.record_hash).state
        return PaperCheck(
            text, scan.kind, scan.number, state, scan.head, _head_state(session, scan.head)
        )
    if isinstance(scan, HeadScan):
        return PaperCheck(text, "head", head=scan.head, head_state=_head_state(session, scan.head))
    if isinstance(scan, KeyScan):
        name = session.scalar(
            select(Engineer.name)
            .join(EngineerKey, EngineerKey.engineer_id == Engineer.id)
            .where(EngineerKey.fingerprint == scan.fingerprint)
        )
        return PaperCheck(
            text,
            "key",
            name or "",
            "match" if name else "unknown",
            scan.head,
            _head_state(session, scan.head),
        )
    stripped = text.strip()
    if stripped.upper().startswith(PAYLOAD_PREFIX + "|"):
        return PaperCheck(stripped, "malformed")
    return PaperCheck(stripped, "other")


# -- reading codes off paper ----------------------------------------------------------


@dataclass(frozen=True)
class FoundCode:
    page: int  # 1-based; 1 for an image
    text: str


def _decode(image: Image) -> list[str]:
    import zxingcpp

    # A format where a set is expected: zxing-cpp takes both (its stubs name the set).
    qr: Any = zxingcpp.BarcodeFormat.QRCode
    found = zxingcpp.read_barcodes(image.convert("L"), formats=qr)
    return [code.text for code in found if code.text]


def _pages(path: Path, dpi: int) -> Iterator[Image]:
    if path.suffix.lower() == ".pdf":
        import pypdfium2

        try:
            pdf = pypdfium2.PdfDocument(str(path))
        except pypdfium2.PdfiumError as exc:
            raise WorkbenchError(
                QT_TRANSLATE_NOOP("messages", "{path} is not a readable PDF."), path=str(path)
            ) from exc
        try:
            for index in range(len(pdf)):
                page = pdf[index]
                try:
                    yield page.render(scale=dpi / 72).to_pil()
                finally:
                    page.close()
        finally:
            pdf.close()
        return
    from PIL import Image as PilImage
    from PIL import UnidentifiedImageError

    try:
        with PilImage.open(path) as image:
            image.load()
            yield image.copy()
    except (UnidentifiedImageError, OSError) as exc:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "{path} is neither a PDF nor an image."),
            path=str(path),
        ) from exc


def read_codes(path: Path, dpi: int = RENDER_DPI) -> list[FoundCode]:
    """Every QR code on a scanned or photographed document, page by page, each text once
    a page."""
    if not path.is_file():
        raise WorkbenchError(QT_TRANSLATE_NOOP("messages", "No such file: {path}"), path=str(path))
    codes: list[FoundCode] = []
    for number, image in enumerate(_pages(path, dpi), start=1):
        seen: set[str] = set()
        for text in _decode(image):
            if text not in seen:
                seen.add(text)
                codes.append(FoundCode(number, text))
    return codes


@dataclass(frozen=True)
class PaperResult:
    path: Path
    page: int
    check: PaperCheck


def check_files(session: Session, paths: Iterable[Path]) -> list[PaperResult]:
    """The codes of every file, each held against the store (a file without any code
    gives no result: the caller says so)."""
    results = []
    for path in paths:
        for code in read_codes(path):
            results.append(PaperResult(path, code.page, check_text(session, code.text)))
    return results
