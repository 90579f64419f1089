"""``workbench verify --paper FILE``: the QR codes of scanned paper, one line each.

The checks are :mod:`workbench.services.paper`'s; this module only says what they found.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.orm import Session

from workbench import i18n
from workbench.domain.messages import QT_TRANSLATE_NOOP
from workbench.services.paper import PaperCheck, check_files

_CONTEXT = "messages"
KIND_TEXT = {
    "work_order": QT_TRANSLATE_NOOP("messages", "work order {number}"),
    "inspection_round": QT_TRANSLATE_NOOP("messages", "inspection round {number}"),
    "head": QT_TRANSLATE_NOOP("messages", "report"),
    "key": QT_TRANSLATE_NOOP("messages", "engineer registration form {number}"),
}
RECORD_TEXT = {
    "match": QT_TRANSLATE_NOOP("messages", "matches the signed record"),
    "paper_mismatch": QT_TRANSLATE_NOOP(
        "messages", "DIFFERS: the paper's hash is not the signed record's (changed or forged)"
    ),
    "record_altered": QT_TRANSLATE_NOOP(
        "messages", "DIFFERS: the record was changed after it was signed"
    ),
    "unsigned": QT_TRANSLATE_NOOP("messages", "DIFFERS: the store has no signature for it"),
    "unknown": QT_TRANSLATE_NOOP("messages", "UNKNOWN: no such record in this store"),
}
KEY_TEXT = {
    "match": QT_TRANSLATE_NOOP("messages", "the key is registered in this store"),
    "unknown": QT_TRANSLATE_NOOP("messages", "UNKNOWN: no such key in this store"),
}
HEAD_TEXT = {
    "extended": QT_TRANSLATE_NOOP("messages", "head #{seq}: the store extends it"),
    "missing": QT_TRANSLATE_NOOP(
        "messages", "head #{seq}: the store does not reach it (rolled back or cut short)"
    ),
    "differs": QT_TRANSLATE_NOOP("messages", "head #{seq}: the history up to it was rewritten"),
    None: QT_TRANSLATE_NOOP("messages", "no head on this paper (printed before heads were)"),
}
LINE = QT_TRANSLATE_NOOP("messages", "{file}, page {page}: {what}: {verdict}")
MALFORMED = QT_TRANSLATE_NOOP("messages", "NOT A VALID WORKBENCH CODE (damaged or forged): {text}")
OTHER = QT_TRANSLATE_NOOP("messages", "not a workbench record code, not checked: {text}")
NO_CODE = QT_TRANSLATE_NOOP("messages", "{file}: no QR code found (scan at 150 dpi or more)")
JOIN = QT_TRANSLATE_NOOP("messages", "{first}; {second}")
SUMMARY_OK = QT_TRANSLATE_NOOP("messages", "Paper: all {count} codes match the store.")
SUMMARY_BAD = QT_TRANSLATE_NOOP("messages", "Paper: {bad} of {count} codes do not match the store.")


def _t(template: str, **params: object) -> str:
    return i18n.translate(_CONTEXT, template).format(**params)


def describe(check: PaperCheck) -> tuple[str, str]:
    """What the code is, and the verdict (record, then head), in words."""
    if check.kind == "malformed":
        return "WB1", _t(MALFORMED, text=check.text)
    if check.kind == "other":
        return "—", _t(OTHER, text=check.text)
    what = _t(KIND_TEXT[check.kind], number=check.number)
    head = _t(HEAD_TEXT[check.head_state], seq=check.head.seq if check.head else 0)
    if check.record is None:
        return what, head
    texts = KEY_TEXT if check.kind == "key" else RECORD_TEXT
    return what, _t(JOIN, first=_t(texts[check.record]), second=head)


def check_paper(session: Session, files: Sequence[Path]) -> bool:
    """Print one line per code found on ``files``; False when any does not match the store
    or a file has no code at all."""
    if not files:
        return True
    ok = True
    results = check_files(session, files)
    for path in files:
        if not any(r.path == path for r in results):
            print(_t(NO_CODE, file=path), file=sys.stderr)
            ok = False
    bad = 0
    for result in results:
        what, verdict = describe(result.check)
        line = _t(LINE, file=result.path, page=result.page, what=what, verdict=verdict)
        if result.check.ok:
            print(line)
        else:
            bad += 1
            print(line, file=sys.stderr)
    if results:
        if bad:
            print(_t(SUMMARY_BAD, bad=bad, count=len(results)), file=sys.stderr)
        else:
            print(_t(SUMMARY_OK, count=len(results)))
    return ok and not bad
