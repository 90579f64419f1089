"""Alembic migrations of the store, one revision per schema change.

``HEAD_REVISION`` is the newest revision, written down so that opening an up-to-date
store compares one row with it instead of loading Alembic (a sixth of a cold start).
``tests/unit/data`` checks it against Alembic's own view of the scripts.

Alembic itself is loaded only by the functions below, when a store needs it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alembic.config import Config

HEAD_REVISION = "0011"
# SQLite's header field for the program a file belongs to ("WBST": workbench store),
# written by revision 0006; a file with another program's id is never opened as a store.
APPLICATION_ID = 0x5742_5354
MIGRATIONS_DIR = Path(__file__).resolve().parent


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    # An absolute path, so that a frozen build finds the scripts it ships as data.
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    """The newest revision as Alembic reads it from the scripts."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    """Every revision this program's scripts know (a store at another is newer)."""
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
