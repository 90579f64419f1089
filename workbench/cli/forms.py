"""``workbench forms inspection|round|engineer``: printable forms (PDF): blank and filled
inspection forms, and the engineer registration form (人员备案表)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from workbench import i18n
from workbench.cli.common import reading, transaction, write_output
from workbench.domain.documents import InspectionFormDoc
from workbench.domain.messages import QT_TRANSLATE_NOOP
from workbench.services import inspections as service


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    group = subparsers.add_parser(
        "forms",
        help=QT_TRANSLATE_NOOP(
            "cli_help",
            "printable forms: inspection forms (巡检记录表), engineer registration (人员备案表)",
        ),
    )
    sub = group.add_subparsers(dest="forms_command", metavar="FORM", required=True)

    p = sub.add_parser(
        "inspection",
        parents=[common],
        help=QT_TRANSLATE_NOOP("cli_help", "a blank inspection form of one category"),
    )
    p.add_argument(
        "--category",
        required=True,
        help=QT_TRANSLATE_NOOP("cli_help", "category code, e.g. file_cabinet"),
    )
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        help=QT_TRANSLATE_NOOP("cli_help", "PDF file (default: inspection-CAT.pdf)"),
    )
    p.set_defaults(func=run_blank)

    p = sub.add_parser(
        "round",
        parents=[common],
        help=QT_TRANSLATE_NOOP("cli_help", "a finished round with its results"),
    )
    p.add_argument(
        "round",
        metavar="ID",
        help=QT_TRANSLATE_NOOP("cli_help", "round number (XJ-2026-0001) or id"),
    )
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        help=QT_TRANSLATE_NOOP("cli_help", "PDF file (default: NUMBER.pdf)"),
    )
    p.set_defaults(func=run_round)

    p = sub.add_parser(
        "engineer",
        parents=[common],
        help=QT_TRANSLATE_NOOP(
            "cli_help",
            "the engineer registration form (人员备案表) with the engineer's signing key",
        ),
    )
    p.add_argument(
        "name", metavar="NAME", help=QT_TRANSLATE_NOOP("cli_help", "the engineer's name")
    )
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        help=QT_TRANSLATE_NOOP("cli_help", "PDF file (default: engineer-NAME.pdf)"),
    )
    p.set_defaults(func=run_engineer)


def _write(doc: InspectionFormDoc, output: Path) -> None:
    from workbench.reports.inspection_form import inspection_form_pdf

    write_output(output, inspection_form_pdf(doc, i18n.translate))


def run_blank(args: argparse.Namespace) -> int:
    with transaction(args) as session:
        doc = service.blank_form(session, args.category)
    _write(doc, args.output or Path(f"inspection-{args.category}.pdf"))
    return 0


def run_round(args: argparse.Namespace) -> int:
    with transaction(args) as session:
        doc = service.round_form(session, args.round, i18n.translate)
    _write(doc, args.output or Path(f"{doc.round_number}.pdf"))
    return 0


def run_engineer(args: argparse.Namespace) -> int:
    from workbench.reports.registration import registration_pdf
    from workbench.services.registration import registration_form

    with reading(args) as session:
        doc = registration_form(session, args.name)
    write_output(
        args.output or Path(f"engineer-{doc.engineer_name}.pdf"),
        registration_pdf(doc, i18n.translate),
    )
    return 0
