"""``workbench verify``: check that nothing signed or recorded was changed, removed or
rolled back.

Checks, in one read of the store: every link of the signing chain and every key
signature on it; the audit trail's chain; that the covered rows are what the trail says;
gap-free work order and round numbers; the work logs of signed orders; each ``--anchor``
(a head printed on paper or kept elsewhere); and the witness (the head this laptop saw
last). Exit status 0 when all hold, 1 naming every record or range that does not.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench import i18n
from workbench.cli.common import reading, say
from workbench.cli.paper import check_paper
from workbench.domain.messages import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from workbench.services.witness import Check

PROBLEM_TEXT = {
    "content": QT_TRANSLATE_NOOP("messages", "{label}: content no longer matches its signature"),
    "missing": QT_TRANSLATE_NOOP("messages", "{label}: the signed record is missing"),
    "link": QT_TRANSLATE_NOOP("messages", "{label}: the chain link is broken"),
    "sequence": QT_TRANSLATE_NOOP("messages", "{label}: a link before it was removed"),
    "unlinked": QT_TRANSLATE_NOOP("messages", "{label}: marked signed but not in the chain"),
    "unknown_type": QT_TRANSLATE_NOOP("messages", "{label}: unknown kind of record"),
    "signature": QT_TRANSLATE_NOOP(
        "messages", "{label}: the key signature does not match (re-chained without the key)"
    ),
    "signer": QT_TRANSLATE_NOOP(
        "messages", "{label}: signed with the key of another engineer than the one named"
    ),
    "key": QT_TRANSLATE_NOOP("messages", "{label}: signed with a key that is not registered"),
    "approval": QT_TRANSLATE_NOOP(
        "messages", "{label}: a signing key registered without a valid second engineer's approval"
    ),
    "retired_key": QT_TRANSLATE_NOOP(
        "messages", "{label}: signed with a key that had been replaced"
    ),
    "store": QT_TRANSLATE_NOOP("messages", "{label}: the link was made in another store"),
    "history": QT_TRANSLATE_NOOP(
        "messages", "{label}: the audit trail before this signature was rewritten"
    ),
    "downgrade": QT_TRANSLATE_NOOP(
        "messages", "{label}: an old-style link after signed links (a downgrade)"
    ),
    "counter": QT_TRANSLATE_NOOP(
        "messages", "The chain counter says {label} links, but the chain ends elsewhere."
    ),
}
FINDING_TEXT = {
    "gap": QT_TRANSLATE_NOOP("messages", "{label}: this number is missing (a deleted record)"),
    "late_log": QT_TRANSLATE_NOOP(
        "messages", "{label}: a work log entry added after sign-off that is not a correction"
    ),
    "unexplained": QT_TRANSLATE_NOOP(
        "messages", "{label}: the record differs from the audit trail ({detail})"
    ),
    "anchor_missing": QT_TRANSLATE_NOOP(
        "messages", "Head #{label}: the store does not reach it; entries {detail} are missing."
    ),
    "anchor_differs": QT_TRANSLATE_NOOP(
        "messages", "Head #{label}: the history up to it differs (the entry is now {detail})."
    ),
}
WITNESS_TEXT = {
    "behind": QT_TRANSLATE_NOOP(
        "messages",
        "The store is older than this laptop last saw it (rolled back or cut short): "
        "{signed} signed records and {entries} audit entries are missing.",
    ),
    "differs": QT_TRANSLATE_NOOP(
        "messages",
        "The store's history differs from what this laptop last saw (head #{seq}): "
        "it was rewritten.",
    ),
    "keys": QT_TRANSLATE_NOOP(
        "messages", "A signing key this laptop has seen is missing from the store or changed."
    ),
    "downgrade": QT_TRANSLATE_NOOP(
        "messages", "Signed links were turned into old-style links without key signatures."
    ),
}
ACCEPT_HINT = QT_TRANSLATE_NOOP(
    "messages",
    "If this is a restore you made on purpose, accept it with 'workbench chain accept'.",
)


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "verify",
        parents=[common],
        help="check that no signed or recorded record was changed, removed or rolled back",
    )
    parser.add_argument(
        "--anchor",
        action="append",
        default=[],
        metavar="SEQ:HASH",
        help="a head printed on paper (or by 'chain head'): prove the store still extends it",
    )
    parser.add_argument(
        "--paper",
        action="append",
        default=[],
        type=Path,
        metavar="FILE",
        help="a scanned or photographed document (PDF or image): check its QR codes",
    )
    parser.set_defaults(func=run_verify)


def witness_problem(result: Check) -> tuple[str, dict[str, Any]] | None:
    """The message (template and parameters) for a witness check that failed."""
    if result.ok:
        return None
    params: dict[str, Any] = {
        "signed": result.missing_signed,
        "entries": result.missing_entries,
        "seq": result.seen.seq if result.seen else 0,
    }
    return WITNESS_TEXT[result.status], params


def run_verify(args: argparse.Namespace) -> int:
    from workbench.domain.messages import WorkbenchError
    from workbench.services import integrity, signing, witness
    from workbench.services.audit import verify_audit_chain

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
        problems = signing.verify_chain(session)
        links = signing.count_links(session)
        audit = verify_audit_chain(session)
        findings = integrity.number_gaps(session) + integrity.late_log_entries(session)
        findings += integrity.unexplained_rows(session)
        for seq, digest in anchors:
            found = integrity.check_anchor(session, seq, digest)
            if found is not None:
                findings.append(found)
        seen = witness.check(session)
        clean = not problems and audit.ok and not findings
        clean = check_paper(session, args.paper) and clean
        if clean and seen.ok:
            witness.observe(session)
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
    for finding in findings:
        say(FINDING_TEXT[finding.kind], err=True, label=finding.label, detail=finding.detail)
    failed_witness = witness_problem(seen)
    if failed_witness is not None:
        say(failed_witness[0], err=True, **failed_witness[1])
        say(ACCEPT_HINT, err=True)
    if not clean or failed_witness is not None:
        return 1
    say(QT_TRANSLATE_NOOP("messages", "All {links} signed records match."), links=links)
    if anchors:
        say(QT_TRANSLATE_NOOP("messages", "The store extends every head given."))
    return 0
