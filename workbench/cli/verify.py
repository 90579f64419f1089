"""``workbench verify``: recompute the hash chain of signed records.

Exit status 0 when every signed record matches its link, 1 naming every one that does
not (content changed, link broken or removed).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from workbench import i18n
from workbench.cli.common import reading, say
from workbench.domain.messages import QT_TRANSLATE_NOOP

PROBLEM_TEXT = {
    "content": QT_TRANSLATE_NOOP("messages", "{label}: content no longer matches its signature"),
    "missing": QT_TRANSLATE_NOOP("messages", "{label}: the signed record is missing"),
    "link": QT_TRANSLATE_NOOP("messages", "{label}: the chain link is broken"),
    "sequence": QT_TRANSLATE_NOOP("messages", "{label}: a link before it was removed"),
    "unlinked": QT_TRANSLATE_NOOP("messages", "{label}: marked signed but not in the chain"),
    "unknown_type": QT_TRANSLATE_NOOP("messages", "{label}: unknown kind of record"),
}


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "verify",
        parents=[common],
        help=QT_TRANSLATE_NOOP("cli_help", "check that no signed record was changed"),
    )
    parser.set_defaults(func=run_verify)


def run_verify(args: argparse.Namespace) -> int:
    from workbench.services import signing
    from workbench.services.audit import verify_audit_chain

    with reading(args) as session:  # a check takes no write lock (issue 17)
        problems = signing.verify_chain(session)
        links = signing.count_links(session)
        audit = verify_audit_chain(session)
    for audit_problem in audit.problems:
        print(i18n.render(audit_problem.message), file=sys.stderr)
    if not audit.ok:
        say(
            QT_TRANSLATE_NOOP(
                "messages", "The audit trail was altered: {count} of {checked} entries."
            ),
            err=True,
            count=len(audit.problems),
            checked=audit.checked,
        )
    for problem in problems:
        say(PROBLEM_TEXT[problem.problem], err=True, label=problem.label, type=problem.record_type)
    if problems:
        say(
            QT_TRANSLATE_NOOP("messages", "{count} of {links} signed records failed."),
            err=True,
            count=len(problems),
            links=links,
        )
    if problems or not audit.ok:
        return 1
    say(QT_TRANSLATE_NOOP("messages", "All {links} signed records match."), links=links)
    return 0
