"""Writing a file the user chose ("save as" of a PDF, an export to Excel): when the
target cannot be written, a plain message says why and what to do.

The common case on the engineers' Windows laptops is a PDF or workbook still open in WPS,
Acrobat or Excel: Windows refuses to replace it (``PermissionError``). A read-only target
is refused the same way everywhere (:func:`check_writable`: POSIX would let a rename
replace it, Windows does not). Neither is a bug, so neither goes to the unexpected-error
dialog.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from workbench.ui.common.messages import MessageBridge

_WRITE_BITS = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH


class WriteFailed(OSError):
    """Writing ``path`` (the file the user chose) failed with ``error``."""

    def __init__(self, path: Path, error: OSError) -> None:
        super().__init__(error.errno, error.strerror, str(path))
        self.path = path
        self.error = error


def check_writable(path: Path) -> None:
    """Raise ``PermissionError`` if ``path`` exists and is read-only.

    By its permission bits (Windows' read-only attribute shows there too), so that the
    answer is the same for every user, root included.
    """
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    if stat.S_ISREG(mode) and not mode & _WRITE_BITS:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))


def error_text(error: OSError, path: Path | None = None) -> str:
    """The plain, translated message for ``error`` when writing ``path`` (by default the
    file the error names)."""
    if isinstance(error, WriteFailed):
        path, error = path or error.path, error.error
    if path is None:
        path = Path(os.fsdecode(error.filename)) if error.filename else Path()
    if isinstance(error, PermissionError):
        return QCoreApplication.translate(
            "savefile",
            "{file} could not be written: it is open in another program (WPS, Acrobat, "
            "Excel) or it is read-only. Close it there, or save under another name.",
        ).format(file=path)
    return QCoreApplication.translate("savefile", "{file} could not be written: {error}").format(
        file=path, error=error.strerror or error
    )


def report(messages: MessageBridge, error: OSError, path: Path | None = None) -> None:
    """Tell the user plainly that ``path`` (or the file ``error`` names) could not be written."""
    messages.error(error_text(error, path), QCoreApplication.translate("savefile", "Saving failed"))
