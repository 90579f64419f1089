"""A backup never waits for the write lock: taken while another process holds it in a
long transaction (20,000 rows, uncommitted), it succeeds at once, holds the last
committed state, passes its checks and restores."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from workbench.cli import main
from workbench.data.store import Store

ROOT = Path(__file__).resolve().parents[3]
ROWS = 20_000

WRITER = textwrap.dedent(
    """
    import sys
    from sqlalchemy import insert
    from workbench.data.schema import location
    from workbench.data.store import Store

    store = Store(sys.argv[1])
    with store.transaction("import") as session:
        session.execute(insert(location), [{"name": f"W{i:05d}"} for i in range(int(sys.argv[2]))])
        session.flush()
        print("HOLDING", flush=True)
        sys.stdin.readline()  # the write lock is held until the test says so
    store.dispose()
    print("COMMITTED", flush=True)
    """
)


def _count(db: Path, sql: str) -> int:
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


def test_backup_while_another_process_holds_the_write_lock(
    sqlite_store: Store, db_path: Path, tmp_path: Path
) -> None:
    sqlite_store.dispose()
    assets = _count(db_path, "SELECT count(*) FROM asset")
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, f"sqlite:///{db_path}", str(ROWS)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    try:
        assert writer.stdout is not None and writer.stdin is not None
        assert writer.stdout.readline().strip() == "HOLDING"
        # The lock is really held: a writer of our own gives up.
        probe = sqlite3.connect(db_path, timeout=0.1, isolation_level=None)
        try:
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                probe.execute("BEGIN IMMEDIATE")
        finally:
            probe.close()

        out = tmp_path / "while-writing.sqlite3"
        started = time.monotonic()
        assert main(["backup", "-o", str(out), "--db", str(db_path)]) == 0
        waited = time.monotonic() - started
        assert main(["backup", "--db", str(db_path)]) == 0  # into the backup folder
        assert writer.poll() is None  # the writer still holds its transaction
        assert waited < 10  # well under the 10 s busy timeout: no wait for the lock

        # The backup is the last committed state: nothing of the open transaction.
        assert _count(out, "SELECT count(*) FROM location WHERE name LIKE 'W%'") == 0
        assert _count(out, "SELECT count(*) FROM asset") == assets

        writer.stdin.write("\n")
        writer.stdin.flush()
        assert writer.stdout.readline().strip() == "COMMITTED"
    finally:
        if writer.poll() is None:
            writer.kill()
        writer.wait(30)
        for pipe in (writer.stdin, writer.stdout):
            if pipe is not None:
                pipe.close()
    assert _count(db_path, "SELECT count(*) FROM location WHERE name LIKE 'W%'") == ROWS

    assert main(["restore", str(out), "--db", str(db_path)]) == 0
    assert _count(db_path, "SELECT count(*) FROM location WHERE name LIKE 'W%'") == 0
    assert _count(db_path, "SELECT count(*) FROM asset") == assets
    assert main(["verify", "--db", str(db_path)]) == 0
