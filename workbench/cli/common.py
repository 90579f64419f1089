"""Helpers shared by the command modules."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench import i18n
from workbench.data.store import Store, open_store
from workbench.domain.datafiles import write_whole
from workbench.domain.messages import QT_TRANSLATE_NOOP, Message, WorkbenchError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def store_from(args: argparse.Namespace, *, create: bool = False) -> Store:
    """The store named by ``--db`` (or the configured one). Only commands that are meant
    to fill a new store pass ``create``: for the others a mistyped path is an error,
    never a new empty store. The witness follows every write it commits."""
    from workbench.services import witness

    store = open_store(getattr(args, "db", None), create=create)
    witness.attach(store)
    return store


@contextmanager
def transaction(
    args: argparse.Namespace, actor: str = "", *, create: bool = False
) -> Iterator[Session]:
    """One unit of work on the store named by ``--db``; the store is closed after it."""
    store = store_from(args, create=create)
    try:
        with store.transaction(actor) as session:
            yield session
    finally:
        store.dispose()


@contextmanager
def reading(args: argparse.Namespace) -> Iterator[Session]:
    """A read-only snapshot of the store named by ``--db``: takes no write lock, so a
    check never waits behind (or blocks) a long write; the store is closed after it."""
    store = store_from(args)
    try:
        with store.read() as session:
            yield session
    finally:
        store.dispose()


def say(template: str, *, err: bool = False, **params: Any) -> None:
    """Print a message (a ``QT_TRANSLATE_NOOP`` template), translated, on stdout or stderr."""
    print(i18n.render(Message(template, params)), file=sys.stderr if err else sys.stdout)


def cannot_write(path: Path, exc: OSError) -> WorkbenchError:
    return WorkbenchError(
        QT_TRANSLATE_NOOP("messages", "Cannot write {path}: {error}"),
        path=str(path),
        error=exc.strerror or str(exc),
    )


def write_file(path: Path, data: bytes) -> None:
    """Write ``data`` through ``PATH.part`` and a rename: never half a file at ``path``."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_whole(path, data)
    except OSError as exc:
        raise cannot_write(path, exc) from exc


def write_output(path: Path, data: bytes) -> None:
    """:func:`write_file`, then say where the file is."""
    write_file(path, data)
    say(QT_TRANSLATE_NOOP("messages", "Written: {path}"), path=str(path))


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def print_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """A plain text table, aligned for CJK (wide characters count as two columns)."""
    import unicodedata

    def width(text: str) -> int:
        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)

    cells = [[str(h) for h in headers]] + [["" if v is None else str(v) for v in r] for r in rows]
    widths = [max(width(row[i]) for row in cells) for i in range(len(headers))]
    for index, row in enumerate(cells):
        line = "  ".join(text + " " * (widths[i] - width(text)) for i, text in enumerate(row))
        print(line.rstrip())
        if index == 0:
            print("  ".join("-" * w for w in widths))


def engineer_id(session: Session, name: str) -> str | None:
    """The id of the engineer named ``name`` (None for no name); refused when none is."""
    from workbench.services import engineers

    if not name.strip():
        return None
    found = engineers.find_engineer(session, name.strip())
    if found is None:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "No engineer named {name}."), name=name.strip()
        )
    return found.id
