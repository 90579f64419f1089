"""`workbench verify` reads a snapshot: it runs while another writer holds the write
lock, and never holds it itself (issue 17: it used to run in a write transaction,
which waited the busy timeout behind a long import and then failed as "busy")."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from workbench.cli import main
from workbench.data.store import Store


def test_verify_while_another_connection_holds_the_write_lock(
    sqlite_store: Store, db_path: Path, capsys: object
) -> None:
    sqlite_store.dispose()
    writer = sqlite3.connect(db_path, timeout=0)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE location SET note = note")
        assert main(["verify", "--db", str(db_path)]) == 0
        writer.execute("COMMIT")  # verify left no lock or transaction of its own behind
    finally:
        writer.close()
