"""``workbench chain``: the store's head, and accepting a rollback.

``chain head`` prints the head (the audit trail's last entry: sequence number, hash and
time, and the signing chain's last link) to write down, print or send away: a later
``verify --anchor SEQ:HASH`` proves the store still extends it. ``chain accept`` accepts
that the store is behind (or differs from) what this laptop saw last, after a restore
made on purpose: it says what is lost, asks, records the acceptance in the audit trail and
moves the witness to the store's head.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from workbench.cli.common import print_json, reading, say, store_from
from workbench.domain.messages import QT_TRANSLATE_NOOP


def run_head(args: argparse.Namespace) -> int:
    from workbench.domain.timeutil import fmt_local
    from workbench.services import integrity

    with reading(args) as session:
        current = integrity.head(session)
    if args.json:
        print_json(
            {
                "seq": current.seq,
                "hash": current.hash,
                "at": current.at.isoformat() if current.at else None,
                "anchor": current.anchor,
                "signed_seq": current.signed_seq,
                "signed_hash": current.signed_hash,
            }
        )
        return 0
    say(
        QT_TRANSLATE_NOOP("messages", "Head #{seq} at {at}: {hash}"),
        seq=current.seq,
        at=fmt_local(current.at, seconds=True) if current.at else "-",
        hash=current.hash,
    )
    say(
        QT_TRANSLATE_NOOP("messages", "Signed records: {count}, last link {hash}"),
        count=current.signed_seq,
        hash=current.signed_hash[:16],
    )
    say(
        QT_TRANSLATE_NOOP("messages", "Check it later with: workbench verify --anchor {anchor}"),
        anchor=current.anchor,
    )
    return 0


def run_accept(args: argparse.Namespace) -> int:
    from workbench.services import witness
    from workbench.services.verification import witness_problem

    with reading(args) as session:
        result = witness.check(session)
    problem = witness_problem(result)
    if problem is None:
        say(
            QT_TRANSLATE_NOOP(
                "messages", "The store extends what this laptop saw: nothing to accept."
            )
        )
        return 0
    say(problem[0], **problem[1])
    if not args.yes:
        if not sys.stdin.isatty():
            say(
                QT_TRANSLATE_NOOP("messages", "Run again with --yes to accept it."),
                err=True,
            )
            return 2
        from workbench import i18n

        answer = input(i18n.translate("messages", "Accept this state of the store? [y/N] "))
        if answer.strip().lower() not in ("y", "yes", "是"):
            say(QT_TRANSLATE_NOOP("messages", "Nothing changed."))
            return 1
    store = store_from(args)
    try:
        witness.accept_and_reanchor(store, note="workbench chain accept", actor="cli")
    finally:
        store.dispose()
    say(QT_TRANSLATE_NOOP("messages", "Accepted; the audit trail records it."))
    return 0


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "chain",
        parents=[common],
        help=QT_TRANSLATE_NOOP("cli_help", "the store's head, to print or keep elsewhere"),
    )
    commands = parser.add_subparsers(dest="chain_command", required=True, metavar="COMMAND")
    head = commands.add_parser(
        "head",
        parents=[common],
        help=QT_TRANSLATE_NOOP("cli_help", "print the store's current head"),
    )
    head.add_argument("--json", action="store_true", help=QT_TRANSLATE_NOOP("cli_help", "as JSON"))
    head.set_defaults(func=run_head)
    accept = commands.add_parser(
        "accept",
        parents=[common],
        help=QT_TRANSLATE_NOOP(
            "cli_help", "accept a store that is behind what this laptop saw (after a restore)"
        ),
    )
    accept.add_argument(
        "--yes", action="store_true", help=QT_TRANSLATE_NOOP("cli_help", "accept without asking")
    )
    accept.set_defaults(func=run_accept)
