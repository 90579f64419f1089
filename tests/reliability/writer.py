"""A writer process for the reliability tests; the tests kill it with SIGKILL.

    python tests/reliability/writer.py URL RUN MODE

MODE ``mixed``: a stream of small transactions (one location each, like a log entry)
with, every few, a large asset import through the services in one transaction.
MODE ``stream``: small transactions only, numbered 0, 1, 2, ... within the run.

After each commit, and only then, the writer prints what it committed (``S name`` or
``I contract-number asset-count``); ``READY`` once the store is open. Every line is
flushed at once, so that the parent knows exactly what was reported as committed.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from workbench.data.models import Location
from workbench.data.store import Store
from workbench.domain.contract import AssetSpec, load_contract
from workbench.services.setup import default_contract_path, load_contract_into

IMPORT_SIZE = 200
IMPORT_EVERY = 8


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def serve(conn: Connection, url: str, run: str, mode: str) -> None:
    """The writer in a process forked from the harness's preloaded fork server: each
    report is one message on ``conn``, written at once and whole (one ``write`` of less
    than PIPE_BUF bytes), so a kill never leaves half a report."""
    main(url, run, mode, lambda line: conn.send_bytes(line.encode("utf-8")))


def main(url: str, run: str, mode: str, say: Callable[[str], None] = say) -> None:
    store = Store(url)
    base = load_contract(default_contract_path())
    template = base.assets[0]
    say("READY")
    n = 0
    while True:
        if mode == "mixed" and n % IMPORT_EVERY == IMPORT_EVERY // 2:
            number = f"KILL-{run}-{n}"
            specs = tuple(
                AssetSpec(
                    code=f"K{run}-{n}-{k:04d}",
                    name=f"导入设备 {k}",
                    kind=template.kind,
                    category=template.category,
                    line_item=template.line_item,
                    model=template.model,
                    location=template.location,
                    notes="批量导入" * 20,
                )
                for k in range(IMPORT_SIZE)
            )
            data = dataclasses.replace(base, number=number, assets=specs)
            say(f"B {number}")  # begun: not committed
            with store.transaction("writer") as session:
                load_contract_into(session, data, source="kill-test")
            say(f"I {number} {IMPORT_SIZE}")
        else:
            name = f"S-{run}-{n:07d}" if mode == "mixed" else f"L{n:07d}"
            with store.transaction("writer") as session:
                session.add(Location(name=name, note="工作日志"))
            say(f"S {name}")
        n += 1


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
