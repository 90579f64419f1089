"""Fixtures for the scanner tests: real pseudo-terminal pairs made by socat."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pty_pair import PtyPair


@pytest.fixture
def pty_pair(tmp_path: Path) -> Iterator[PtyPair]:
    if shutil.which("socat") is None:
        pytest.skip("socat is not installed")
    pair = PtyPair(tmp_path)
    pair.plug()
    yield pair
    pair.unplug()


@pytest.fixture
def unplugged_pty(tmp_path: Path) -> Iterator[PtyPair]:
    if shutil.which("socat") is None:
        pytest.skip("socat is not installed")
    pair = PtyPair(tmp_path)
    yield pair
    pair.unplug()
