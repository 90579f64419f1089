"""``workbench handback``: at the contract's end, hand everything back and destroy the copy (七、5).

``handback export --output FOLDER`` writes the pack (every signed record, the registers and
lists as Excel, the complete work log, the attachments, a checked backup, a manifest).
``handback destroy --pack FOLDER --engineer NAME --client NAME`` checks that pack (whole,
of this store, its backup opens), asks, takes the engineer's PIN, destroys the laptop's
copy and writes the signed record of what was handed back and destroyed into the pack;
the client's representative signs its printed copy. ``handback check FOLDER`` checks a
pack and its record later.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any

from workbench import i18n
from workbench.cli.common import engineer_id, say, store_from
from workbench.domain.messages import QT_TRANSLATE_NOOP


def run_export(args: argparse.Namespace) -> int:
    from workbench.services import handback

    store = store_from(args)

    def progress(done: int, total: int, name: str) -> None:
        if sys.stderr.isatty():
            print(f"\r{done}/{total} {name:<20}", end="", file=sys.stderr, flush=True)

    try:
        export = handback.export_pack(store, args.output, i18n.translate, progress)
    finally:
        store.dispose()
    if sys.stderr.isatty():
        print(file=sys.stderr)
    say(
        QT_TRANSLATE_NOOP("messages", "Hand-back pack written: {count} files in {path}."),
        count=len(export.files),
        path=str(export.folder),
    )
    return 0


def _read_pin() -> str:
    prompt = i18n.translate("messages", "Signing PIN: ")
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    return sys.stdin.readline().strip()


def run_destroy(args: argparse.Namespace) -> int:
    from workbench.domain.text import size_text
    from workbench.services import engineers, handback

    store = store_from(args)
    try:
        export = handback.check_ready(store, args.pack)
        contract = handback.contract_of(store)
        targets = handback.wipe_targets(store)
        say(
            QT_TRANSLATE_NOOP(
                "messages",
                "The pack in {folder} is whole. This destroys {count} files ({size}) on this "
                "laptop: the database, its backups, the attachments, the logs.",
            ),
            folder=str(args.pack),
            count=len(targets),
            size=size_text(sum(t.size for t in targets)),
        )
        if not args.yes:
            if not sys.stdin.isatty():
                say(QT_TRANSLATE_NOOP("messages", "Run again with --yes to destroy."), err=True)
                return 2
            answer = input(i18n.translate("messages", "Destroy the laptop's copy now? [y/N] "))
            if answer.strip().lower() not in ("y", "yes", "是"):
                say(QT_TRANSLATE_NOOP("messages", "Nothing changed."))
                return 1
        pin = _read_pin()
        with store.transaction("cli") as session:
            key = engineers.unlock(session, engineer_id(session, args.engineer) or "", pin)
        results = handback.destroy(store, targets)
    finally:
        store.dispose()
    record = handback.write_record(
        export,
        results,
        contract=contract,
        key=key,
        client_name=args.client,
        translate=i18n.translate,
    )
    failed = sum(1 for r in results if not r.destroyed)
    say(
        QT_TRANSLATE_NOOP(
            "messages", "Destroyed {done} files, {failed} not; the record is {path}."
        ),
        done=len(results) - failed,
        failed=failed,
        path=str(record),
    )
    return 0 if failed == 0 else 1


def run_check(args: argparse.Namespace) -> int:
    from workbench.services import handback

    problems = handback.check_pack(args.pack)
    for problem in problems:
        print(problem)
    record = (args.pack / handback.RECORD_JSON).exists()
    signed = handback.check_record(args.pack) if record else False
    if not problems:
        say(QT_TRANSLATE_NOOP("messages", "Every file of the pack is as the manifest lists."))
    if record:
        if signed:
            say(QT_TRANSLATE_NOOP("messages", "The record's signature holds."))
        else:
            say(QT_TRANSLATE_NOOP("messages", "The record's signature does NOT hold."))
    return 0 if not problems and (signed or not record) else 1


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "handback",
        parents=[common],
        help=QT_TRANSLATE_NOOP(
            "cli_help", "at the contract's end: hand everything back, destroy the copy (七、5)"
        ),
    )
    commands = parser.add_subparsers(dest="handback_command", required=True, metavar="COMMAND")
    p = commands.add_parser(
        "export",
        parents=[common],
        help=QT_TRANSLATE_NOOP("cli_help", "write the hand-back pack into an empty folder"),
    )
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        help=QT_TRANSLATE_NOOP("cli_help", "an empty folder outside the data folder"),
    )
    p.set_defaults(func=run_export)
    p = commands.add_parser(
        "destroy",
        parents=[common],
        help=QT_TRANSLATE_NOOP(
            "cli_help", "check the pack, destroy the laptop's copy, write the signed record"
        ),
    )
    p.add_argument(
        "--pack", type=Path, required=True, help=QT_TRANSLATE_NOOP("cli_help", "the pack folder")
    )
    p.add_argument(
        "--engineer",
        required=True,
        help=QT_TRANSLATE_NOOP("cli_help", "the engineer who signs (the PIN is asked)"),
    )
    p.add_argument(
        "--client",
        required=True,
        help=QT_TRANSLATE_NOOP("cli_help", "the client's representative who receives the pack"),
    )
    p.add_argument(
        "--yes", action="store_true", help=QT_TRANSLATE_NOOP("cli_help", "destroy without asking")
    )
    p.set_defaults(func=run_destroy)
    p = commands.add_parser(
        "check",
        parents=[common],
        help=QT_TRANSLATE_NOOP("cli_help", "check a pack and its record"),
    )
    p.add_argument("pack", type=Path, help=QT_TRANSLATE_NOOP("cli_help", "the pack folder"))
    p.set_defaults(func=run_check)
