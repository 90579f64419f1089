"""Logging: one named logger per area, a rotating file in the user log folder.

PINs and signatures never reach the log: code logs record ids and codes, not content.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys

from workbench import config

LOG_FILE = "workbench.log"
_configured = False


def configure(*, console: bool = False, level: int = logging.INFO) -> None:
    global _configured
    if _configured:
        return
    _configured = True
    root = logging.getLogger("workbench")
    root.setLevel(level)
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            config.log_dir() / LOG_FILE, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
        handler.setFormatter(fmt)
        root.addHandler(handler)
    except OSError as exc:  # a read-only profile must not stop the app
        print(f"日志文件无法写入：{exc}", file=sys.stderr)
    if console or os.environ.get("WORKBENCH_LOG_CONSOLE"):
        stream = logging.StreamHandler(sys.stderr)
        stream.setFormatter(fmt)
        stream.setLevel(logging.WARNING if not os.environ.get("WORKBENCH_LOG_CONSOLE") else level)
        root.addHandler(stream)


def log_file() -> str:
    return str(config.log_dir() / LOG_FILE)
