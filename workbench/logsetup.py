"""Logging: one named logger per area, a rotating file in the user log folder.

PINs and signatures never reach the log: code logs record ids and codes, not content.

The GUI starts with the file deferred: records wait in memory until :func:`attach_file`
runs after the first frame (``logging.handlers`` pulls in sockets, pickle and queues,
a noticeable part of a cold start). A crash or an exit before that still writes them.
"""

from __future__ import annotations

import atexit
import logging
import os
import sys

from workbench import config

LOG_FILE = "workbench.log"
MAX_BYTES = 2_000_000
BACKUP_COUNT = 5
# Records kept while the file is deferred; start-up logs a few dozen at most.
PENDING_LIMIT = 10_000

_configured = False
_formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")


class _Pending(logging.Handler):
    """Holds records until the log file is attached (bounded; the oldest are kept)."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.records) < PENDING_LIMIT:
            self.records.append(record)


_pending: _Pending | None = None


def configure(
    *, console: bool = False, level: int = logging.INFO, defer_file: bool = False
) -> None:
    """Set up the ``workbench`` logger. With ``defer_file`` the rotating file is opened by
    :func:`attach_file` (called by the GUI after its first frame, by the crash hook, or at
    exit), and records are held until then."""
    global _configured, _pending
    if _configured:
        return
    _configured = True
    root = logging.getLogger("workbench")
    root.setLevel(level)
    if defer_file:
        _pending = _Pending()
        root.addHandler(_pending)
        atexit.register(attach_file)
    else:
        _open_file(root)
    if console or os.environ.get("WORKBENCH_LOG_CONSOLE"):
        stream = logging.StreamHandler(sys.stderr)
        stream.setFormatter(_formatter)
        stream.setLevel(logging.WARNING if not os.environ.get("WORKBENCH_LOG_CONSOLE") else level)
        root.addHandler(stream)


def attach_file() -> None:
    """Open the log file now if it was deferred, and write the records held so far."""
    global _pending
    pending, _pending = _pending, None
    if pending is None:
        return
    root = logging.getLogger("workbench")
    root.removeHandler(pending)
    handler = _open_file(root)
    if handler is not None:
        for record in pending.records:
            if record.levelno >= handler.level:
                handler.handle(record)


def _open_file(root: logging.Logger) -> logging.Handler | None:
    import logging.handlers

    try:
        handler = logging.handlers.RotatingFileHandler(
            config.log_dir() / LOG_FILE,
            maxBytes=MAX_BYTES,
            backupCount=BACKUP_COUNT,
            encoding="utf-8",
        )
    except OSError as exc:  # a read-only profile must not stop the app
        print(f"日志文件无法写入：{exc}", file=sys.stderr)
        return None
    handler.setFormatter(_formatter)
    root.addHandler(handler)
    return handler


def log_file() -> str:
    return str(config.log_dir() / LOG_FILE)
