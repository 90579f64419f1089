"""The one check of a store that ``workbench verify`` and 设置's 校验 button run.

:func:`run_checks` reads the store once: every link of the signing chain with its key
signatures (:mod:`workbench.services.signing`), the audit trail's chain, the rows the
trail must explain, gap-free numbers and late log entries
(:mod:`workbench.services.integrity`), each head given as an anchor, and the witness
(:mod:`workbench.services.witness`). :func:`messages` says each problem found, as
translatable templates with their parameters, in the order the report shows them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from workbench.domain.messages import QT_TRANSLATE_NOOP, Message
from workbench.services import integrity, signing, witness
from workbench.services.audit import ChainReport, verify_audit_chain

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
    "damaged": QT_TRANSLATE_NOOP(
        "messages",
        "The witness file beside the settings is damaged: this laptop cannot tell whether "
        "the store was rolled back.",
    ),
}
ACCEPT_HINT = QT_TRANSLATE_NOOP(
    "messages",
    "If this is a restore you made on purpose, accept it with 'workbench chain accept'.",
)


@dataclass
class Report:
    links: int
    problems: list[signing.VerifyProblem]
    audit: ChainReport
    findings: list[integrity.Finding]
    witness: witness.Check
    extra: list[str] = field(default_factory=list)  # already translated lines (paper)

    @property
    def ok(self) -> bool:
        return (
            not self.problems
            and self.audit.ok
            and not self.findings
            and self.witness.ok
            and not self.extra
        )


def run_checks(session: Session, anchors: Sequence[tuple[int, str]] = ()) -> Report:
    """Every check, in one read; the witness is not moved (see :func:`witness.observe`)."""
    problems = signing.verify_chain(session)
    audit = verify_audit_chain(session)
    findings = integrity.number_gaps(session) + integrity.late_log_entries(session)
    findings += integrity.unexplained_rows(session)
    for seq, digest in anchors:
        found = integrity.check_anchor(session, seq, digest)
        if found is not None:
            findings.append(found)
    return Report(
        links=signing.count_links(session),
        problems=problems,
        audit=audit,
        findings=findings,
        witness=witness.check(session),
    )


def witness_problem(result: witness.Check) -> tuple[str, dict[str, Any]] | None:
    """The message (template and parameters) for a witness check that failed."""
    if result.ok:
        return None
    params: dict[str, Any] = {
        "signed": result.missing_signed,
        "entries": result.missing_entries,
        "seq": result.seen.seq if result.seen else 0,
    }
    return WITNESS_TEXT[result.status], params


def messages(report: Report) -> list[Message]:
    """Each problem found, in report order (the audit trail's own messages first)."""
    out: list[Message] = [p.message for p in report.audit.problems]
    if not report.audit.ok:
        out.append(
            Message(
                QT_TRANSLATE_NOOP(
                    "messages", "The audit trail was altered: {count} of {checked} entries."
                ),
                {"count": len(report.audit.problems), "checked": report.audit.checked},
            )
        )
    out.extend(
        Message(PROBLEM_TEXT[p.problem], {"label": p.label, "type": p.record_type})
        for p in report.problems
    )
    if report.problems:
        out.append(
            Message(
                QT_TRANSLATE_NOOP("messages", "{count} of {links} signed records failed."),
                {"count": len(report.problems), "links": report.links},
            )
        )
    out.extend(
        Message(FINDING_TEXT[f.kind], {"label": f.label, "detail": f.detail})
        for f in report.findings
    )
    failed = witness_problem(report.witness)
    if failed is not None:
        out.append(Message(failed[0], failed[1]))
        out.append(Message(ACCEPT_HINT))
    return out
