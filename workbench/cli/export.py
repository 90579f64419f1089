"""``workbench export workorders|inspections``: a period's records as an Excel workbook."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from workbench import i18n
from workbench.cli.common import say, transaction
from workbench.domain.messages import QT_TRANSLATE_NOOP, WorkbenchError


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            i18n.translate(
                "cli_help", QT_TRANSLATE_NOOP("cli_help", "not a date like 2026-11-01: {text}")
            ).format(text=repr(text))
        ) from exc


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "export",
        parents=[common],
        help=QT_TRANSLATE_NOOP("cli_help", "work orders or inspections of a period as .xlsx"),
    )
    sub = parser.add_subparsers(dest="what", metavar="WHAT", required=True)
    for name, help_text in (
        ("workorders", QT_TRANSLATE_NOOP("cli_help", "work orders reported in the period")),
        ("inspections", QT_TRANSLATE_NOOP("cli_help", "device inspections recorded in the period")),
    ):
        p = sub.add_parser(name, parents=[common], help=help_text)
        p.add_argument(
            "--from",
            dest="first",
            type=_date,
            required=True,
            help=QT_TRANSLATE_NOOP("cli_help", "first day"),
        )
        p.add_argument(
            "--to",
            dest="last",
            type=_date,
            required=True,
            help=QT_TRANSLATE_NOOP("cli_help", "last day (included)"),
        )
        p.add_argument(
            "-o",
            "--output",
            type=Path,
            required=True,
            help=QT_TRANSLATE_NOOP("cli_help", "the .xlsx file"),
        )
        p.set_defaults(func=run_export)


def run_export(args: argparse.Namespace) -> int:
    from workbench.services import exports

    if args.output.suffix.lower() != ".xlsx":
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "Unsupported file type '{suffix}': use .xlsx."),
            suffix=args.output.suffix,
        )
    with transaction(args, "cli") as session:
        if args.what == "workorders":
            count = exports.export_work_orders(
                session, args.first, args.last, args.output, i18n.translate
            )
        else:
            count = exports.export_inspections(session, args.first, args.last, args.output)
    say(
        QT_TRANSLATE_NOOP("messages", "{count} rows written to {path}."),
        count=count,
        path=str(args.output),
    )
    return 0
