"""``workbench assets list|export|import``."""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path
from typing import Any

from workbench import i18n
from workbench.cli.common import print_json, print_table, say, transaction
from workbench.domain.assets import STATUS_LABELS_ZH
from workbench.domain.messages import QT_TRANSLATE_NOOP
from workbench.domain.text import escape_controls
from workbench.services.asset_io import COLUMNS, export_assets, import_assets
from workbench.services.assets import AssetFilter, list_assets
from workbench.services.spreadsheets import inert


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    assets = subparsers.add_parser(
        "assets", help=QT_TRANSLATE_NOOP("cli_help", "the asset registry")
    )
    sub = assets.add_subparsers(dest="assets_command", metavar="ACTION", required=True)

    p = sub.add_parser("list", parents=[common], help=QT_TRANSLATE_NOOP("cli_help", "list assets"))
    p.add_argument("--kind", choices=("device", "system", "website"))
    p.add_argument("--category", help=QT_TRANSLATE_NOOP("cli_help", "category code, e.g. kiosk"))
    p.add_argument("--status", choices=("in_use", "repair", "retired"))
    p.add_argument(
        "--search",
        default="",
        help=QT_TRANSLATE_NOOP("cli_help", "text in code, name, model, serial or location"),
    )
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.set_defaults(func=run_list)

    p = sub.add_parser(
        "export",
        parents=[common],
        help=QT_TRANSLATE_NOOP("cli_help", "write the registry to FILE.xlsx or FILE.csv"),
    )
    p.add_argument("file", type=Path)
    p.add_argument("--kind", choices=("device", "system", "website"))
    p.set_defaults(func=run_export)

    p = sub.add_parser(
        "import",
        parents=[common],
        help=QT_TRANSLATE_NOOP("cli_help", "create or update assets from FILE.xlsx or FILE.csv"),
    )
    p.add_argument("file", type=Path)
    p.add_argument(
        "--dry-run",
        action="store_true",
        help=QT_TRANSLATE_NOOP("cli_help", "check the file and report, change nothing"),
    )
    p.set_defaults(func=run_import)


# The CSV listing has the columns of the import format: what it prints can be imported.
FIELDS = tuple(name for name, _ in COLUMNS)


def _csv_cell(value: Any) -> Any:
    """A listing cell: as the export writes it (=HYPERLINK(...) stays text, never a
    formula), and no ESC or BEL for the terminal it is printed on."""
    if value is None:
        return ""
    if isinstance(value, str):
        return inert(escape_controls(value, keep_breaks=True))
    return value


def run_list(args: argparse.Namespace) -> int:
    with transaction(args) as session:
        rows = list_assets(
            session,
            AssetFilter(
                kind=args.kind, category=args.category, status=args.status, search=args.search
            ),
        )
    if args.format == "json":
        print_json(
            [
                {
                    "code": r.code,
                    "name": r.name,
                    "kind": r.kind,
                    "category": r.category,
                    "category_name": r.category_name,
                    "line_item": r.line_item,
                    "model": r.model,
                    "serial_number": r.serial_number,
                    "location": r.location,
                    "url": r.url,
                    "status": r.status,
                    "notes": r.notes,
                }
                for r in rows
            ]
        )
    elif args.format == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(FIELDS)
        for r in rows:
            writer.writerow([_csv_cell(getattr(r, f)) for f in FIELDS])
    else:
        t = i18n.translate
        # Names come from files and other programs: a terminal must not obey what they hold.
        print_table(
            [
                t("cli", h)
                for h in ("Code", "Name", "Category", "Item", "Model", "Location", "Status")
            ],
            [
                tuple(
                    escape_controls(str(cell))
                    for cell in (
                        r.code,
                        r.name,
                        r.category_name,
                        r.line_item or "",
                        r.model,
                        r.location,
                        STATUS_LABELS_ZH.get(r.status, r.status)
                        if i18n.language() == "zh_CN"
                        else r.status,
                    )
                )
                for r in rows
            ],
        )
    return 0


# Marked for translation: the table headers above.
_HEADERS = [
    QT_TRANSLATE_NOOP("cli", "Code"),
    QT_TRANSLATE_NOOP("cli", "Name"),
    QT_TRANSLATE_NOOP("cli", "Category"),
    QT_TRANSLATE_NOOP("cli", "Item"),
    QT_TRANSLATE_NOOP("cli", "Model"),
    QT_TRANSLATE_NOOP("cli", "Location"),
    QT_TRANSLATE_NOOP("cli", "Status"),
]


def run_export(args: argparse.Namespace) -> int:
    with transaction(args) as session:
        count = export_assets(session, args.file, flt=AssetFilter(kind=args.kind))
    say(
        QT_TRANSLATE_NOOP("messages", "Exported {count} assets to {file}."),
        count=count,
        file=str(args.file),
    )
    return 0


def run_import(args: argparse.Namespace) -> int:
    with transaction(args, "import", create=True) as session:
        report = import_assets(session, args.file, dry_run=args.dry_run)
        if args.dry_run:
            session.rollback()
    template = (
        QT_TRANSLATE_NOOP(
            "messages",
            "Checked {file}: {created} would be added, {updated} updated, {unchanged} unchanged. Nothing was changed (dry run).",  # noqa: E501
        )
        if args.dry_run
        else QT_TRANSLATE_NOOP(
            "messages",
            "Imported {file}: {created} added, {updated} updated, {unchanged} unchanged.",
        )
    )
    say(
        template,
        file=args.file.name,
        created=len(report.created),
        updated=len(report.updated),
        unchanged=len(report.unchanged),
    )
    return 0
