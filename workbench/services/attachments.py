"""Files the user attaches (photos of a fault, a delivered report), kept in the data folder.

A file is copied below ``attachments_dir()/<folder>/`` and named by its SHA-256, so the
same file attached twice is stored once and a stored file can be checked against its
record.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from workbench.config import attachments_dir
from workbench.domain.messages import QT_TRANSLATE_NOOP, WorkbenchError

MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024


def store_attachment(source: Path, folder: str) -> tuple[str, str, int]:
    """Copy ``source`` into ``folder`` of the attachments; returns (relative path, sha, size)."""
    try:
        size = source.stat().st_size
        if size > MAX_ATTACHMENT_BYTES:
            raise WorkbenchError(
                QT_TRANSLATE_NOOP("messages", "{name} is larger than 50 MB."), name=source.name
            )
        digest = hashlib.sha256()
        with source.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
    except OSError as exc:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "Cannot read {name}: {error}"),
            name=source.name,
            error=exc.strerror or str(exc),
        ) from exc
    sha = digest.hexdigest()
    relative = Path(folder) / sha[:2] / (sha + source.suffix.lower()[:10])
    target = attachments_dir() / relative
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".part")
        shutil.copyfile(source, tmp)
        tmp.replace(target)
    return relative.as_posix(), sha, size
