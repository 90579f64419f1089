"""An attacker with the store file and the application's own code (issue 16).

:class:`Forger` edits a SQLite store behind the application's back and then covers its
tracks as well as anyone without an engineer's PIN can: every row the audit trail does
not explain is written into the trail (as if the application had made the change), the
trail is renumbered and re-hashed with the shipped algorithm, and every link of the
signing chain is recomputed (content hashes, chain hashes, the audit heads they name,
the counter). What it cannot recompute are the Ed25519 signatures, the witness kept
outside the file and a head printed on paper: those are what the tests show to hold.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from workbench.data import audit as trail
from workbench.data.store import Store
from workbench.domain import hashing
from workbench.services import integrity, signing


def _text(values: dict[str, Any]) -> str:
    return json.dumps(values, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


class Forger:
    def __init__(self, path: Path) -> None:
        self.path = path

    # -- edits ------------------------------------------------------------------------
    def sql(self, *statements: str, params: tuple[Any, ...] = ()) -> None:
        conn = sqlite3.connect(self.path)
        try:
            for statement in statements:
                conn.execute(statement, params if "?" in statement else ())
            conn.commit()
        finally:
            conn.close()

    def scalar(self, query: str, params: tuple[Any, ...] = ()) -> Any:
        conn = sqlite3.connect(self.path)
        try:
            row = conn.execute(query, params).fetchone()
        finally:
            conn.close()
        return row[0] if row else None

    def orm(self, job: Callable[[Session], None]) -> None:
        """A change made through the application's audited session (no service rules)."""
        store = Store(f"sqlite:///{self.path}", premigration_backup=False)
        try:
            with store.transaction("attacker") as session:
                job(session)
        finally:
            store.dispose()

    # -- covering tracks ----------------------------------------------------------------
    def cover(self) -> None:
        """Explain every edited row in the trail, re-hash it, re-chain the links."""
        self.rechain()
        self.explain()
        self.rehash_audit()
        self.rechain()

    def _read(self, job: Callable[[Session], Any]) -> Any:
        store = Store(f"sqlite:///{self.path}", premigration_backup=False)
        try:
            with store.read() as session:
                return job(session)
        finally:
            store.dispose()

    def explain(self) -> None:
        """Make the audit trail say what the covered rows now are."""

        def current(session: Session) -> dict[tuple[str, str], dict[str, Any]]:
            rows: dict[tuple[str, str], dict[str, Any]] = {}
            mappers = {
                str(getattr(m.persist_selectable, "name", "")): m
                for m in integrity.Base.registry.mappers
            }
            for table in integrity.COVERED_TABLES:
                for obj in session.query(mappers[table].class_):
                    rows[(table, integrity._record_id(obj))] = integrity._row_values(obj)
            return rows

        now = self._read(current)
        conn = sqlite3.connect(self.path)
        try:
            marks = ",".join("?" * len(integrity.COVERED_TABLES))
            entries = conn.execute(
                "SELECT seq, table_name, record_id, action, new_values FROM audit_log "
                f"WHERE table_name IN ({marks}) ORDER BY seq",
                integrity.COVERED_TABLES,
            ).fetchall()
            seen: dict[tuple[str, str], list[tuple[int, str]]] = {}
            for seq, table, record_id, action, _new in entries:
                seen.setdefault((table, record_id), []).append((seq, action))
            for key, history in seen.items():
                if key not in now:  # removed behind the trail's back: forget it was there
                    conn.executemany(
                        "DELETE FROM audit_log WHERE seq = ?", [(s,) for s, _ in history]
                    )
                    continue
                # Fold the record's history into its insert entry, and drop the rest.
                first = history[0][0]
                conn.execute(
                    "UPDATE audit_log SET action = 'insert', old_values = '{}', new_values = ? "
                    "WHERE seq = ?",
                    (
                        json.dumps(
                            now[key], sort_keys=True, ensure_ascii=False, separators=(",", ":")
                        ),
                        first,
                    ),
                )
                conn.executemany(
                    "DELETE FROM audit_log WHERE seq = ?", [(s,) for s, _ in history[1:]]
                )
            last = conn.execute("SELECT max(seq), max(at) FROM audit_log").fetchone()
            seq = int(last[0] or 0)
            for key, values in now.items():
                if key in seen:
                    continue
                seq += 1
                conn.execute(
                    "INSERT INTO audit_log (seq, at, actor, table_name, record_id, action, "
                    "old_values, new_values, prev_hash, hash) "
                    "VALUES (?, ?, 'app', ?, ?, 'insert', '{}', ?, '', ?)",
                    (
                        seq,
                        last[1],
                        key[0],
                        key[1],
                        json.dumps(
                            values, sort_keys=True, ensure_ascii=False, separators=(",", ":")
                        ),
                        f"pending-{seq}",
                    ),
                )
            conn.commit()
        finally:
            conn.close()

    def rehash_audit(self) -> None:
        """Number the trail 1..n again and recompute every hash, as the app would."""
        conn = sqlite3.connect(self.path)
        try:
            rows = conn.execute(
                "SELECT seq, at, actor, table_name, record_id, action, old_values, new_values "
                "FROM audit_log ORDER BY seq"
            ).fetchall()
            conn.execute("DELETE FROM audit_log")
            prev = trail.GENESIS_HASH
            import datetime as dt

            for number, (_old, at, actor, table, record_id, action, old, new) in enumerate(rows, 1):
                stamp = dt.datetime.fromisoformat(at)
                digest = trail.row_hash(
                    seq=number,
                    at=stamp,
                    actor=actor,
                    table_name=table,
                    record_id=record_id,
                    action=action,
                    old_values=old,
                    new_values=new,
                    prev_hash=prev,
                )
                conn.execute(
                    "INSERT INTO audit_log (seq, at, actor, table_name, record_id, action, "
                    "old_values, new_values, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?)",
                    (number, at, actor, table, record_id, action, old, new, prev, digest),
                )
                prev = digest
            conn.commit()
        finally:
            conn.close()

    def rechain(self) -> None:
        """Recompute every link in its order (numbered 1..n again), keeping signatures."""

        def contents(session: Session) -> list[tuple[Any, str]]:
            from sqlalchemy import select

            from workbench.data.models import SignedRecord

            out = []
            for row in session.scalars(select(SignedRecord).order_by(SignedRecord.seq)):
                try:
                    digest = signing.compute_content_hash(session, row.record_type, row.record_id)
                except signing.RecordMissingError:
                    digest = row.content_hash
                out.append((row, digest))
            return out

        links = self._read(contents)
        conn = sqlite3.connect(self.path)
        try:
            audit = dict(conn.execute("SELECT seq, hash FROM audit_log").fetchall())
            top = max(audit) if audit else 0
            conn.execute("UPDATE signed_record SET seq = -seq, chain_hash = 'x' || seq")
            prev = hashing.GENESIS_HASH
            for number, (row, content) in enumerate(links, 1):
                audit_seq = min(row.audit_seq, top)
                audit_hash = audit.get(audit_seq, "") if audit_seq else ""
                if row.version == hashing.LINK_VERSION:
                    chain = hashing.sha256_hex(
                        hashing.link_message(
                            store_uuid=row.store_uuid,
                            seq=number,
                            record_type=row.record_type,
                            record_id=row.record_id,
                            content_hash=content,
                            prev_hash=prev,
                            signed_at=row.signed_at,
                            key_fingerprint=row.key_fingerprint,
                            audit_seq=audit_seq,
                            audit_hash=audit_hash,
                        )
                    )
                else:
                    chain = hashing.chain_hash(prev, content)
                conn.execute(
                    "UPDATE signed_record SET seq = ?, content_hash = ?, prev_hash = ?, "
                    "chain_hash = ?, audit_seq = ?, audit_hash = ? WHERE seq = ?",
                    (number, content, prev, chain, audit_seq, audit_hash, -row.seq),
                )
                prev = chain
            conn.execute(
                "UPDATE sequence_counter SET value = ? WHERE name = ?",
                (len(links), signing.CHAIN_COUNTER),
            )
            conn.commit()
        finally:
            conn.close()
