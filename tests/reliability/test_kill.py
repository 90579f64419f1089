"""Crash safety: a writer killed with SIGKILL at random moments, many times.

After each kill the store opens, ``PRAGMA integrity_check`` is ok, every transaction the
writer reported as committed is there, no import is half applied, and the audit chain
still verifies.
"""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.reliability.harness import Writer
from tests.reliability.writer import IMPORT_SIZE
from workbench.data.models import Asset, Contract, Location
from workbench.data.store import Store
from workbench.services.audit import verify_audit_chain
from workbench.services.setup import load_default_contract

KILLS = int(os.environ.get("WORKBENCH_KILLS", "50"))
CHAIN_EVERY = 10


@pytest.mark.slow
def test_sigkill_loses_no_committed_transaction(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'kill.sqlite3'}"
    setup = Store(url)
    with setup.transaction("setup") as s:
        load_default_contract(s)
    setup.dispose()

    rng = random.Random(20260301)
    committed_small: set[str] = set()
    committed_imports: dict[str, int] = {}
    began_imports = 0
    kills_mid_import = 0
    checked_before = 0
    started = time.monotonic()
    for run in range(KILLS):
        writer = Writer(url, str(run), "mixed")
        writer.start()
        writer.wait_ready()
        time.sleep(rng.uniform(0.0, 0.5))
        writer.kill()
        lines = writer.reported()
        began = [line.split()[1] for line in lines if line.startswith("B ")]
        done = {line.split()[1]: int(line.split()[2]) for line in lines if line.startswith("I ")}
        began_imports += len(began)
        if began and began[-1] not in done:
            kills_mid_import += 1
        committed_imports.update(done)
        committed_small.update(line.split()[1] for line in lines if line.startswith("S "))

        store = Store(url)  # opens only if quick_check passes
        try:
            assert store.integrity_check() == ["ok"], f"after kill {run + 1}"
            with store.transaction() as s:
                names = set(s.scalars(select(Location.name).where(Location.name.like("S-%"))))
                missing = committed_small - names
                assert not missing, f"after kill {run + 1}: lost {sorted(missing)[:5]}"
                per_contract = dict(
                    s.execute(
                        select(Contract.number, func.count(Asset.id))
                        .join(Asset, Asset.contract_id == Contract.id, isouter=True)
                        .where(Contract.number.like("KILL-%"))
                        .group_by(Contract.number)
                    ).all()
                )
                for number, count in per_contract.items():
                    assert count == IMPORT_SIZE, f"import {number} half applied: {count} assets"
                assert set(committed_imports) <= set(per_contract)
                # The chain is append-only, so a break stays until the end: checking every
                # CHAIN_EVERY kills and after the last finds it (each check reads every row,
                # so checking after every kill made the test quadratic: 25 of its 78 s).
                if (run + 1) % CHAIN_EVERY == 0 or run + 1 == KILLS:
                    chain = verify_audit_chain(s)
                    assert chain.ok, [p.message.render() for p in chain.problems]
                    assert chain.checked > checked_before, f"after kill {run + 1}"
                    checked_before = chain.checked
        finally:
            store.dispose()
    elapsed = time.monotonic() - started
    print(
        f"\nkill test: {KILLS} kills in {elapsed:.1f} s; verified {len(committed_small)} small "
        f"transactions and {len(committed_imports)} imports of {IMPORT_SIZE} assets "
        "reported committed; "
        f"{began_imports} imports begun, {kills_mid_import} kills landed inside an import; "
        f"audit chain of {chain.checked} rows intact"
    )
    assert kills_mid_import > 0, "no kill landed inside an import: the test proved little"
    assert len(committed_small) > KILLS
