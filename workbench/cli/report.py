"""``workbench report weekly|monthly|worklog|acceptance``: the reports as PDF files."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from workbench import i18n
from workbench.cli.common import (
    cannot_write,
    print_json,
    say,
    store_from,
    transaction,
    write_output,
)
from workbench.domain.messages import QT_TRANSLATE_NOOP


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "report",
        parents=[common],
        help=QT_TRANSLATE_NOOP("cli_help", "weekly and monthly reports, the year-end pack"),
    )
    sub = parser.add_subparsers(dest="report", metavar="REPORT", required=True)

    p = sub.add_parser(
        "weekly",
        parents=[common],
        help=QT_TRANSLATE_NOOP("cli_help", "the weekly security service report of one ISO week"),
    )
    p.add_argument(
        "--week", required=True, help=QT_TRANSLATE_NOOP("cli_help", "ISO week, e.g. 2026-W47")
    )
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        help=QT_TRANSLATE_NOOP("cli_help", "PDF file (default: weekly-WEEK.pdf)"),
    )
    p.set_defaults(func=run_weekly)

    p = sub.add_parser(
        "monthly",
        parents=[common],
        help=QT_TRANSLATE_NOOP("cli_help", "the monthly operations report of one month"),
    )
    p.add_argument(
        "--month", required=True, help=QT_TRANSLATE_NOOP("cli_help", "month, e.g. 2026-11")
    )
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        help=QT_TRANSLATE_NOOP("cli_help", "PDF file (default: monthly-MONTH.pdf)"),
    )
    p.set_defaults(func=run_monthly)

    p = sub.add_parser(
        "worklog",
        parents=[common],
        help=QT_TRANSLATE_NOOP(
            "cli_help", "the complete work log of a month or a period (clause 五、5.2.8)"
        ),
    )
    when = p.add_mutually_exclusive_group()
    when.add_argument("--month", help=QT_TRANSLATE_NOOP("cli_help", "month, e.g. 2026-11"))
    when.add_argument(
        "--from",
        dest="first",
        type=dt.date.fromisoformat,
        metavar="DATE",
        help=QT_TRANSLATE_NOOP("cli_help", "first day, e.g. 2026-03-01 (with --to)"),
    )
    p.add_argument(
        "--to",
        dest="last",
        type=dt.date.fromisoformat,
        metavar="DATE",
        help=QT_TRANSLATE_NOOP("cli_help", "last day, included (default: the contract's end)"),
    )
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        help=QT_TRANSLATE_NOOP(
            "cli_help",
            "PDF file (default: worklog-PERIOD.pdf; the whole contract without a period)",
        ),
    )
    p.set_defaults(func=run_worklog)

    p = sub.add_parser(
        "settlement",
        parents=[common],
        help=QT_TRANSLATE_NOOP(
            "cli_help",
            "the settlement statement as JSON: each payment less the liquidated damages "
            "(clauses 四、2, 八、1, 八、5, 十)",
        ),
    )
    p.add_argument(
        "--month",
        help=QT_TRANSLATE_NOOP("cli_help", "also the charges of one month, e.g. 2026-10"),
    )
    p.set_defaults(func=run_settlement)

    p = sub.add_parser(
        "acceptance",
        parents=[common],
        help=QT_TRANSLATE_NOOP("cli_help", "the year-end acceptance pack (a folder of PDFs)"),
    )
    p.add_argument(
        "--contract",
        metavar="NUMBER",
        help=QT_TRANSLATE_NOOP("cli_help", "contract number (default: current)"),
    )
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        help=QT_TRANSLATE_NOOP("cli_help", "folder to write"),
    )
    p.add_argument(
        "--with-penalty",
        action=argparse.BooleanOptionalAction,
        default=None,
        help=QT_TRANSLATE_NOOP(
            "cli_help",
            "print the liquidated damages exposure (clause 八、1) on the order "
            "(default: the setting, which is off)",
        ),
    )
    p.set_defaults(func=run_acceptance)


def run_weekly(args: argparse.Namespace) -> int:
    from workbench.reports.weekly import weekly_pdf
    from workbench.services import reporting

    with transaction(args, "cli") as session:
        report = reporting.weekly_report(session, args.week, translate=i18n.translate)
    target = args.output or Path(f"weekly-{report.period.label}.pdf")
    write_output(target, weekly_pdf(report, i18n.translate))
    return 0


def run_monthly(args: argparse.Namespace) -> int:
    from workbench.reports.monthly import monthly_pdf
    from workbench.services import reporting

    with transaction(args, "cli") as session:
        report = reporting.monthly_report(session, args.month, translate=i18n.translate)
    target = args.output or Path(f"monthly-{report.period.label}.pdf")
    write_output(target, monthly_pdf(report, i18n.translate))
    return 0


def run_settlement(args: argparse.Namespace) -> int:
    from workbench.services import settlement

    with transaction(args, "cli") as session:
        if args.month:
            whole, month = settlement.month_statement(session, args.month)
            data = settlement.statement_json(whole, month)
        else:
            data = settlement.statement_json(settlement.statement(session)[0])
    print_json(data)
    return 0


def run_worklog(args: argparse.Namespace) -> int:
    from workbench.domain.reporting import Period
    from workbench.reports.worklog import worklog_pdf
    from workbench.services import worklog_book
    from workbench.services._common import month_period

    with transaction(args, "cli") as session:
        whole = worklog_book.contract_period(session)
        if args.month:
            period = month_period(args.month)
        elif args.first or args.last:
            first = args.first or whole.first
            last = args.last or whole.last
            period = Period(first, last, f"{first.isoformat()}_{last.isoformat()}")
        else:
            period = Period(whole.first, whole.last, "contract")
        doc = worklog_book.work_log_document(session, period)
    target = args.output or Path(f"worklog-{period.label}.pdf")
    write_output(target, worklog_pdf(doc, i18n.translate))
    return 0


def run_acceptance(args: argparse.Namespace) -> int:
    from workbench.config import Settings
    from workbench.services import reporting

    show_penalty = args.with_penalty
    if show_penalty is None:
        show_penalty = Settings.load().workorder_penalty_on_paper
    store = store_from(args)
    try:
        with store.transaction("cli") as session:
            index = reporting.acceptance_index(session, args.contract)

        def progress(done: int, total: int, name: str) -> None:
            if sys.stderr.isatty():
                print(f"\r{done}/{total} {name:<20}", end="", file=sys.stderr, flush=True)

        started = dt.datetime.now(dt.UTC)
        try:
            result = reporting.write_acceptance_pack(
                store, index, args.output, i18n.translate, progress, show_penalty=show_penalty
            )
        except OSError as exc:
            raise cannot_write(args.output, exc) from exc
        if sys.stderr.isatty():
            print(file=sys.stderr)
    finally:
        store.dispose()
    seconds = (dt.datetime.now(dt.UTC) - started).total_seconds()
    say(
        QT_TRANSLATE_NOOP("messages", "Acceptance pack written: {count} files in {path} ({s} s)."),
        count=result.count,
        path=str(result.folder),
        s=f"{seconds:.0f}",
    )
    return 0
