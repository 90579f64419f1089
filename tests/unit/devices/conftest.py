"""Fixtures for the scanner tests: real pseudo-terminal pairs made by socat."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pty_pair import PtyPair

from tests.tooling import need_socat


@pytest.fixture
def pty_pair(tmp_path: Path) -> Iterator[PtyPair]:
    need_socat()
    pair = PtyPair(tmp_path)
    pair.plug()
    yield pair
    pair.unplug()


@pytest.fixture
def unplugged_pty(tmp_path: Path) -> Iterator[PtyPair]:
    need_socat()
    pair = PtyPair(tmp_path)
    yield pair
    pair.unplug()
