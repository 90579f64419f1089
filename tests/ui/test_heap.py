"""Freezing long-lived rows out of the collector's passes leaves them free to go."""

from __future__ import annotations

import gc
import weakref

from workbench.ui.common import heap


class _Row:
    pass


def test_frozen_rows_are_freed_when_the_list_lets_them_go() -> None:
    rows = [_Row() for _ in range(100)]
    first = weakref.ref(rows[0])
    gc.unfreeze()
    try:
        heap.keep_long_lived()
        assert gc.get_freeze_count() >= 100
        del rows
        assert first() is None  # reference counting still frees a frozen object
    finally:
        gc.unfreeze()
