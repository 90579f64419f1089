"""``workbench backup`` and ``workbench restore``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from workbench.cli.common import say
from workbench.domain.messages import QT_TRANSLATE_NOOP


def _human_size(size: int) -> str:
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def run_backup(args: argparse.Namespace) -> int:
    from workbench.data.store import open_store
    from workbench.domain.timeutil import fmt_local
    from workbench.services import backups

    # Read-only: no migration (it would need the write lock), no new store on a typo.
    store = open_store(getattr(args, "db", None), migrate=False, create=False)
    try:
        store.refuse_newer(store.current_revision())
        if args.list:
            entries = backups.list_backups(store)
            if not entries:
                say(QT_TRANSLATE_NOOP("messages", "No backups yet."))
            for entry in entries:
                print(
                    f"{fmt_local(entry.taken_at, seconds=True)}  {entry.kind:<12} "
                    f"{_human_size(entry.size_bytes):>9}  {entry.path}"
                )
            return 0
        output = Path(args.output).expanduser().resolve() if args.output else None
        path = backups.backup_now(store, output)
    finally:
        store.dispose()
    say(QT_TRANSLATE_NOOP("messages", "Backup written to {path}"), path=str(path))
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from sqlalchemy.engine import make_url

    from workbench.config import database_url
    from workbench.data.store import Store
    from workbench.domain.messages import WorkbenchError
    from workbench.services import backups

    url = database_url(getattr(args, "db", None))
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP(
                "messages",
                "Only a database file can be restored by the workbench; restore a server "
                "database on the server (pg_restore).",
            )
        )
    db_path = Path(parsed.database)
    backup_file = Path(args.file).expanduser()
    backups.check_restorable(db_path, backup_file, force=args.force)
    loss = backups.restore_loss(db_path, backup_file)
    if loss is not None and loss.any and not args.yes:
        say(
            QT_TRANSLATE_NOOP(
                "messages",
                "Restoring this backup gives up {signed} signed records and {entries} audit "
                "entries that are not in it.",
            ),
            signed=loss.signed,
            entries=loss.entries,
        )
        if loss.diverged:
            say(
                QT_TRANSLATE_NOOP(
                    "messages", "The backup's history is not the start of the current one."
                )
            )
        if not _confirmed():
            return 1
    outcome = backups.restore(db_path, backup_file, force=args.force)
    # Open once: brings an older backup to this version's schema (after a backup); the
    # audit trail then records the restore and the witness follows it.
    store = Store(url)
    try:
        backups.record_restore(store, outcome, loss or backups.RestoreLoss(0, 0))
    finally:
        store.dispose()
    say(
        QT_TRANSLATE_NOOP("messages", "Restored {db} from {backup}."),
        db=outcome.database,
        backup=outcome.restored_from,
    )
    if outcome.kept:
        say(
            QT_TRANSLATE_NOOP("messages", "The replaced database was kept as {kept}"),
            kept=outcome.kept,
        )
    return 0


def _confirmed() -> bool:
    import sys

    from workbench import i18n

    if not sys.stdin.isatty():
        say(
            QT_TRANSLATE_NOOP("messages", "Run the restore again with --yes to confirm."),
            err=True,
        )
        return False
    answer = input(i18n.translate("messages", "Restore it? [y/N] "))
    if answer.strip().lower() in ("y", "yes", "是"):
        return True
    say(QT_TRANSLATE_NOOP("messages", "Nothing changed."))
    return False


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "backup",
        parents=[common],
        help=QT_TRANSLATE_NOOP(
            "cli_help", "back up the database (SQLite's online backup; safe while the app runs)"
        ),
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help=QT_TRANSLATE_NOOP(
            "cli_help", "write the backup to FILE (default: the backup folder, with rotation)"
        ),
    )
    p.add_argument(
        "--list",
        action="store_true",
        help=QT_TRANSLATE_NOOP("cli_help", "list the backups of the database"),
    )
    p.set_defaults(func=run_backup)

    r = subparsers.add_parser(
        "restore",
        parents=[common],
        help=QT_TRANSLATE_NOOP(
            "cli_help", "replace the database with a backup (checked first; the old file is kept)"
        ),
    )
    r.add_argument(
        "file", metavar="FILE", help=QT_TRANSLATE_NOOP("cli_help", "the backup file to restore")
    )
    r.add_argument(
        "--force",
        action="store_true",
        help=QT_TRANSLATE_NOOP(
            "cli_help", "restore even another database's backup, or one that fails verification"
        ),
    )
    r.add_argument(
        "--yes",
        action="store_true",
        help=QT_TRANSLATE_NOOP(
            "cli_help",
            "restore without asking, even when signed records or audit entries are given up",
        ),
    )
    r.set_defaults(func=run_restore)
