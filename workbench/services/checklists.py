"""Checklists in the store: loaded from ``resources/checklists``, one row per version.

:func:`sync_checklists` runs on ``init`` and whenever the workbench opens a store (and
before a round starts, so a store that was never synced still works). A data file whose
version is new becomes a new row; the rows of older versions stay, because recorded
inspections point at the version they were made with. A file whose content changed
while its version did not is not loaded (its stored version stays in force) and is
reported, so that the author raises the version.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.config import resource_path
from workbench.data.models.inspections import Checklist as ChecklistRow
from workbench.domain.checklists import Checklist, load_checklists, parse_checklist
from workbench.domain.messages import QT_TRANSLATE_NOOP, WorkbenchError

log = logging.getLogger("workbench.services.checklists")


@dataclass(frozen=True)
class SyncResult:
    added: tuple[str, ...] = ()  # "kiosk v2"
    unchanged: int = 0
    conflicts: tuple[str, ...] = ()  # categories whose file changed without a new version


def checklists_dir() -> Path:
    return resource_path("checklists")


def sync_checklists(session: Session, folder: Path | None = None) -> SyncResult:
    """Store every checklist version found in ``folder`` that the store lacks."""
    files = load_checklists(folder or checklists_dir())
    stored = {
        (row.category_code, row.version): row.content_hash
        for row in session.scalars(select(ChecklistRow))
    }
    added: list[str] = []
    conflicts: list[str] = []
    unchanged = 0
    for code, checklist in sorted(files.items()):
        digest = checklist.content_hash()
        have = stored.get((code, checklist.version))
        if have == digest:
            unchanged += 1
            continue
        if have is not None:
            log.warning(
                "checklist %s changed but is still version %d; raise its version",
                code,
                checklist.version,
            )
            conflicts.append(code)
            continue
        session.add(
            ChecklistRow(
                category_code=code,
                version=checklist.version,
                title=checklist.title,
                content=checklist.to_dict(),
                content_hash=digest,
                source_file=f"{code}.toml",
            )
        )
        added.append(f"{code} v{checklist.version}")
    if added:
        session.flush()
        log.info("checklists stored: %s", ", ".join(added))
    return SyncResult(tuple(added), unchanged, tuple(conflicts))


def _current_row(session: Session, category: str) -> ChecklistRow | None:
    return session.scalar(
        select(ChecklistRow)
        .where(ChecklistRow.category_code == category)
        .order_by(ChecklistRow.version.desc())
        .limit(1)
    )


def current_row(session: Session, category: str) -> ChecklistRow:
    """The newest stored version of a category's checklist (syncing once if none)."""
    row = _current_row(session, category)
    if row is None:
        sync_checklists(session)
        row = _current_row(session, category)
    if row is None:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "There is no checklist for category {category}."),
            category=category,
        )
    return row


def as_checklist(row: ChecklistRow) -> Checklist:
    return parse_checklist(row.content, f"{row.category_code} v{row.version}")


def current_checklist(session: Session, category: str) -> Checklist:
    return as_checklist(current_row(session, category))
