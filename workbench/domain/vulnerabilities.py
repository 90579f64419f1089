"""Vulnerability findings of the websites, from scan to fix (一、5; no store, no Qt).

一、5 asks for a monthly scan of the five sites, timely patches and fixes (及时安装各类
补丁、修复各类漏洞), a solution and guidance where another party must fix it, and — what
closes a finding — a scan before the site goes back live (上线前提供漏洞扫描服务，并形成
安全报告). The contract sets no fixing time; a finding carries the date agreed for it,
and is overdue after that date.

A finding's state on a day: ``closed`` (closed on or before it), ``rescanned`` (fixed and
rescanned clean, to be closed), ``rescan_failed`` (the rescan still found it),
``awaiting_rescan`` (fixed, no rescan since), ``overdue``
(past the agreed date, not fixed) or ``open``. It closes only after a clean rescan on or
after the fix.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from workbench.domain.messages import QT_TRANSLATE_NOOP, WorkbenchError

SEVERITIES = ("high", "medium", "low")
SEVERITY_LABELS = {
    "high": QT_TRANSLATE_NOOP("registers", "High"),
    "medium": QT_TRANSLATE_NOOP("registers", "Medium"),
    "low": QT_TRANSLATE_NOOP("registers", "Low"),
}
OWNERS = ("contractor", "other_party")
OWNER_LABELS = {
    "contractor": QT_TRANSLATE_NOOP("registers", "Contractor fixes"),
    "other_party": QT_TRANSLATE_NOOP("registers", "Other party fixes (we give the solution)"),
}
STATES = ("open", "overdue", "awaiting_rescan", "rescan_failed", "rescanned", "closed")
STATE_LABELS = {
    "open": QT_TRANSLATE_NOOP("registers", "Open"),
    "overdue": QT_TRANSLATE_NOOP("registers", "Overdue"),
    "awaiting_rescan": QT_TRANSLATE_NOOP("registers", "Fixed, awaiting the rescan"),
    "rescan_failed": QT_TRANSLATE_NOOP("registers", "Rescan found it again"),
    "rescanned": QT_TRANSLATE_NOOP("registers", "Rescanned clean, to be closed"),
    "closed": QT_TRANSLATE_NOOP("registers", "Closed after a clean rescan"),
}


@dataclass(frozen=True)
class FindingDates:
    found_on: dt.date
    fix_due: dt.date | None
    fixed_on: dt.date | None
    rescan_on: dt.date | None
    rescan_clean: bool
    closed_on: dt.date | None


def state_on(f: FindingDates, day: dt.date) -> str:
    """The finding's state at the end of ``day``."""
    if f.closed_on is not None and f.closed_on <= day:
        return "closed"
    if f.fixed_on is not None and f.fixed_on <= day:
        rescanned = f.rescan_on is not None and f.fixed_on <= f.rescan_on <= day
        if rescanned:
            return "rescanned" if f.rescan_clean else "rescan_failed"
        return "awaiting_rescan"
    if f.fix_due is not None and day > f.fix_due:
        return "overdue"
    return "open"


def age_days(f: FindingDates, day: dt.date) -> int:
    """Days from the finding to ``day`` (to its closing, when closed by then)."""
    end = f.closed_on if f.closed_on is not None and f.closed_on <= day else day
    return max((end - f.found_on).days, 0)


def check_dates(f: FindingDates, today: dt.date) -> None:
    """Refuse dates that cannot be: in the future, or out of order."""
    for day in (f.found_on, f.fixed_on, f.rescan_on, f.closed_on):
        if day is not None and day > today:
            raise WorkbenchError(
                QT_TRANSLATE_NOOP("messages", "The date {date} lies in the future."),
                date=day.isoformat(),
            )
    if f.fix_due is not None and f.fix_due < f.found_on:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "The fix cannot be due before the finding.")
        )
    if f.fixed_on is not None and f.fixed_on < f.found_on:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "The fix cannot come before the finding.")
        )
    if f.rescan_on is not None and (f.fixed_on is None or f.rescan_on < f.fixed_on):
        raise WorkbenchError(
            QT_TRANSLATE_NOOP(
                "messages", "A rescan comes after the fix: give the fix's date first."
            )
        )


def check_close(f: FindingDates, on: dt.date) -> None:
    """Closing needs a fix and a clean rescan on or after it (上线前提供漏洞扫描服务)."""
    if f.fixed_on is None:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "The finding is not fixed: it cannot be closed.")
        )
    if f.rescan_on is None or f.rescan_on < f.fixed_on or not f.rescan_clean:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP(
                "messages",
                "A fixed finding closes only after a clean rescan before the site goes back "
                "live (一、5): record the rescan first.",
            )
        )
    if on < f.rescan_on:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "The finding cannot close before its rescan.")
        )
