"""Backups taken while another process writes: each opens, passes integrity_check and
holds a consistent prefix of the writer's transactions (all reported ones, no gaps)."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from tests.reliability.harness import Writer
from workbench.data import backup
from workbench.data.store import Store
from workbench.services.setup import load_default_contract

BACKUPS = 12


def test_backups_under_load_are_consistent(tmp_path: Path) -> None:
    db = tmp_path / "load.sqlite3"
    url = f"sqlite:///{db}"
    setup = Store(url)
    with setup.transaction("setup") as s:
        load_default_contract(s)
    setup.dispose()

    writer = Writer(url, "0", "stream")
    writer.start()
    prefixes: list[tuple[int, int]] = []
    started = time.monotonic()
    try:
        writer.wait_ready()
        deadline = time.monotonic() + 30
        while len(writer.reported()) < 20 and time.monotonic() < deadline:
            time.sleep(0.01)
        for i in range(BACKUPS):
            reported_before = len(writer.reported())
            target = backup.backup_sqlite_file(db, tmp_path / f"b{i:02d}.sqlite3")
            reported_after = len(writer.reported())
            conn = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
            try:
                assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
                names = [
                    r[0]
                    for r in conn.execute(
                        "SELECT name FROM location WHERE name LIKE 'L%' ORDER BY name"
                    )
                ]
                audited = conn.execute(
                    "SELECT count(*) FROM audit_log WHERE table_name = 'location' "
                    'AND new_values LIKE \'%"name":"L%\''
                ).fetchone()[0]
            finally:
                conn.close()
            # A prefix: exactly L0000000 .. L(k-1), with nothing missing in between ...
            assert names == [f"L{n:07d}" for n in range(len(names))]
            # ... holding everything reported before the backup began, and at most what
            # was committed by the time it ended (one more may be committed, not printed).
            assert reported_before <= len(names) <= reported_after + 1
            assert audited == len(names)  # each change and its audit row, together
            prefixes.append((reported_before, len(names)))
            time.sleep(0.05)
    finally:
        writer.kill()
    elapsed = time.monotonic() - started
    grew = [k for _, k in prefixes]
    print(
        f"\nbackup under load: {BACKUPS} backups in {elapsed:.1f} s while the writer "
        f"committed {len(writer.reported())} transactions; prefixes {grew}"
    )
    assert grew == sorted(grew)
    assert grew[-1] > grew[0], "the writer did not write during the backups"
    # The last backup is a store the workbench opens.
    Store(f"sqlite:///{tmp_path / f'b{BACKUPS - 1:02d}.sqlite3'}").dispose()
