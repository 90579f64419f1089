"""``workbench labels``: asset labels (QR + Code128 of the asset code) as a PDF."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from workbench import i18n
from workbench.cli.common import say, transaction, write_file
from workbench.domain.messages import QT_TRANSLATE_NOOP, WorkbenchError
from workbench.reports.label_layouts import DEFAULT_LAYOUT, LAYOUTS


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "labels",
        parents=[common],
        help=QT_TRANSLATE_NOOP(
            "cli_help", "print asset labels: QR code and Code128 of each asset code"
        ),
    )
    p.add_argument(
        "--all", action="store_true", help=QT_TRANSLATE_NOOP("cli_help", "every device in service")
    )
    p.add_argument(
        "codes",
        nargs="*",
        metavar="CODE",
        help=QT_TRANSLATE_NOOP("cli_help", "asset codes, e.g. XF-KIOSK-01"),
    )
    p.add_argument(
        "--layout",
        choices=tuple(LAYOUTS),
        default=DEFAULT_LAYOUT,
        help=QT_TRANSLATE_NOOP("cli_help", "label stock (default %(default)s)"),
    )
    p.add_argument(
        "--skip",
        type=int,
        default=0,
        metavar="N",
        help=QT_TRANSLATE_NOOP(
            "cli_help",
            "leave the first N positions of the first sheet empty (a sheet already used)",
        ),
    )
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        default=Path("labels.pdf"),
        help=QT_TRANSLATE_NOOP("cli_help", "PDF file"),
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from workbench.reports.labels import labels_pdf
    from workbench.services.labels import label_docs

    if args.all and args.codes:
        raise WorkbenchError(QT_TRANSLATE_NOOP("messages", "Give asset codes or --all, not both."))
    if not args.all and not args.codes:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "Name the asset codes to label, or use --all.")
        )
    if args.skip < 0:
        raise WorkbenchError(QT_TRANSLATE_NOOP("messages", "--skip cannot be negative."))
    with transaction(args) as session:
        docs = label_docs(session, None if args.all else list(args.codes))
    if not docs:
        raise WorkbenchError(QT_TRANSLATE_NOOP("messages", "No devices to label."))
    data = labels_pdf(docs, args.layout, i18n.translate, skip=args.skip)
    output: Path = args.output
    write_file(output, data)
    say(
        QT_TRANSLATE_NOOP("messages", "{count} labels ({layout}) written to {path}"),
        count=len(docs),
        layout=args.layout,
        path=str(output),
    )
    return 0
