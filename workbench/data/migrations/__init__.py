"""Alembic migrations of the store, one revision per schema change.

``HEAD_REVISION`` is the newest revision, written down so that opening an up-to-date
store compares one row with it instead of loading Alembic (a sixth of a cold start).
``tests/unit/data`` checks it against Alembic's own view of the scripts.
"""

HEAD_REVISION = "0005"
