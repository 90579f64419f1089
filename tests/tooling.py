"""Outside tools some tests drive (socat for pseudo-terminals, zbar for decoding).

On a developer's machine a missing tool skips the tests that need it, with the reason;
in CI (``WORKBENCH_REQUIRE_TOOLS=1``, set by ``.ci/run``, which installs them) a missing
tool fails them, so no check is silently lost.
"""

from __future__ import annotations

import os
import shutil
from types import ModuleType

import pytest


def need(available: bool, what: str) -> None:
    if available:
        return
    if os.environ.get("WORKBENCH_REQUIRE_TOOLS"):
        pytest.fail(f"{what} is required here (WORKBENCH_REQUIRE_TOOLS is set)")
    pytest.skip(f"{what} is not installed")


def need_socat() -> None:
    need(shutil.which("socat") is not None, "socat")


def pyzbar() -> ModuleType:
    """The pyzbar module, if it and the zbar library load; else skip or fail."""
    try:
        from pyzbar import pyzbar as module
    except (ImportError, OSError):
        need(False, "zbar (pyzbar and the libzbar0 library)")
        raise  # need() skipped or failed already
    return module
