"""The long-lived part of the heap, kept out of the cycle collector's full passes.

A full pass of Python's collector walks every tracked object and stops the GUI thread
meanwhile: 17-50 ms once the 工单 list holds 20,000 read models (seven tracked objects
each), in the middle of a scroll. Its trigger is the growth of the long-lived objects by
a quarter since the last pass, which a list filling page by page keeps meeting. So the
rows of a page, once listed, are frozen out of the passes (``gc.freeze``). Frozen
objects are still freed by reference counting when the list lets them go (a new search,
a closed view); only reference cycles among them would outlive it, and read models
hold none. The young generations are collected first, so that what was garbage anyway
is not frozen with them.
"""

from __future__ import annotations

import gc


def keep_long_lived() -> None:
    """Freeze what lives now (after a cheap collection of the young generations)."""
    gc.collect(1)
    gc.freeze()
