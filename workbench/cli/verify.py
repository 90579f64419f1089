"""``workbench verify``: check that nothing signed or recorded was changed, removed or
rolled back.

Checks, in one read of the store: every link of the signing chain and every key
signature on it; the audit trail's chain; that the covered rows are what the trail says;
gap-free work order and round numbers; the work logs of signed orders; each ``--anchor``
(a head printed on paper or kept elsewhere); the QR codes of each ``--paper`` scan; and
the witness (the head this laptop saw last). Exit status 0 when all hold, 1 naming every
record or range that does not.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from workbench import i18n
from workbench.cli.common import reading, say
from workbench.cli.paper import check_paper
from workbench.domain.messages import QT_TRANSLATE_NOOP


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "verify",
        parents=[common],
        help=QT_TRANSLATE_NOOP(
            "cli_help",
            "check that no signed or recorded record was changed, removed or rolled back",
        ),
    )
    parser.add_argument(
        "--anchor",
        action="append",
        default=[],
        metavar="SEQ:HASH",
        help=QT_TRANSLATE_NOOP(
            "cli_help",
            "a head printed on paper (or by 'chain head'): prove the store still extends it",
        ),
    )
    parser.add_argument(
        "--paper",
        action="append",
        default=[],
        type=Path,
        metavar="FILE",
        help=QT_TRANSLATE_NOOP(
            "cli_help", "a scanned or photographed document (PDF or image): check its QR codes"
        ),
    )
    parser.set_defaults(func=run_verify)


def run_verify(args: argparse.Namespace) -> int:
    from workbench.domain.messages import WorkbenchError
    from workbench.services import integrity, verification, witness

    anchors = []
    for text in args.anchor:
        try:
            anchors.append(integrity.parse_anchor(text))
        except ValueError:
            raise WorkbenchError(
                QT_TRANSLATE_NOOP(
                    "messages", "{anchor} is not a head: give SEQ:HASH (16 or more hex digits)."
                ),
                anchor=text,
            ) from None
    with reading(args) as session:  # a check takes no write lock (issue 17)
        report = verification.run_checks(session, anchors)
        paper_ok = check_paper(session, args.paper)  # one line per code read
        if report.ok and paper_ok:
            witness.observe(session)  # the store extends what was seen: move it on
    for message in verification.messages(report):
        print(i18n.render(message), file=sys.stderr)
    if not report.ok or not paper_ok:
        return 1
    say(QT_TRANSLATE_NOOP("messages", "All {links} signed records match."), links=report.links)
    if anchors:
        say(QT_TRANSLATE_NOOP("messages", "The store extends every head given."))
    return 0
