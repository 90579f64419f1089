"""``workbench inspections list|due``: rounds and the devices due for inspection."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from workbench import i18n
from workbench.cli.common import print_json, print_table, transaction
from workbench.domain.messages import QT_TRANSLATE_NOOP
from workbench.domain.timeutil import fmt_local
from workbench.services import inspections as service

STATUS_LABELS = {
    "running": QT_TRANSLATE_NOOP("messages", "running"),
    "paused": QT_TRANSLATE_NOOP("messages", "paused"),
    "finished": QT_TRANSLATE_NOOP("messages", "finished"),
    "signed": QT_TRANSLATE_NOOP("messages", "signed"),
}
DUE_LABELS = {
    "due": QT_TRANSLATE_NOOP("messages", "due"),
    "overdue": QT_TRANSLATE_NOOP("messages", "overdue"),
    "not_due": QT_TRANSLATE_NOOP("messages", "not due"),
    "unscheduled": QT_TRANSLATE_NOOP("messages", "unscheduled"),
}


def _t(text: str) -> str:
    return i18n.translate("messages", text)


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    group = subparsers.add_parser(
        "inspections", help=QT_TRANSLATE_NOOP("cli_help", "inspection rounds")
    )
    sub = group.add_subparsers(dest="inspections_command", metavar="ACTION", required=True)

    p = sub.add_parser(
        "list",
        parents=[common],
        help=QT_TRANSLATE_NOOP("cli_help", "list inspection rounds, newest first"),
    )
    p.add_argument("--status", choices=("running", "paused", "finished", "signed"), action="append")
    p.add_argument(
        "--no-demo",
        action="store_true",
        help=QT_TRANSLATE_NOOP("cli_help", "leave out demo rounds"),
    )
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(func=run_list)

    p = sub.add_parser(
        "due",
        parents=[common],
        help=QT_TRANSLATE_NOOP("cli_help", "devices due or overdue for inspection"),
    )
    p.add_argument(
        "--date",
        type=dt.date.fromisoformat,
        help=QT_TRANSLATE_NOOP("cli_help", "as of this date, YYYY-MM-DD (default today)"),
    )
    p.add_argument(
        "--all",
        action="store_true",
        help=QT_TRANSLATE_NOOP("cli_help", "every device, not only those due"),
    )
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(func=run_due)


def run_list(args: argparse.Namespace) -> int:
    with transaction(args) as session:
        rounds = service.list_rounds(
            session, statuses=args.status or (), include_demo=not args.no_demo
        )
    if args.format == "json":
        print_json(
            [
                {
                    "id": r.id,
                    "number": r.number,
                    "kind": r.kind,
                    "scope": r.scope,
                    "scope_value": r.scope_value,
                    "status": r.status,
                    "engineer": r.engineer_name,
                    "planned_date": r.planned_date.isoformat(),
                    "started_at": r.started_at.isoformat(),
                    "finished_at": r.finished_at.isoformat() if r.finished_at else None,
                    "signed_at": r.signed_at.isoformat() if r.signed_at else None,
                    "devices_total": r.devices_total,
                    "devices_checked": r.devices_checked,
                    "failures": r.failures,
                    "signed": r.signed,
                    "demo": r.demo,
                    "version": r.version,
                }
                for r in rounds
            ]
        )
        return 0
    print_table(
        [
            _t(QT_TRANSLATE_NOOP("messages", "Round")),
            _t(QT_TRANSLATE_NOOP("messages", "Started")),
            _t(QT_TRANSLATE_NOOP("messages", "Engineer")),
            _t(QT_TRANSLATE_NOOP("messages", "Checked")),
            _t(QT_TRANSLATE_NOOP("messages", "Failures")),
            _t(QT_TRANSLATE_NOOP("messages", "Status")),
        ],
        [
            (
                r.number,
                fmt_local(r.started_at),
                r.engineer_name,
                r.progress_text,
                r.failures,
                _t(STATUS_LABELS.get(r.status, r.status)),
            )
            for r in rounds
        ],
    )
    return 0


def run_due(args: argparse.Namespace) -> int:
    with transaction(args) as session:
        rows = service.due_devices(session, args.date, only_needing=not args.all)
    if args.format == "json":
        print_json(
            [
                {
                    "code": r.code,
                    "name": r.name,
                    "category": r.category,
                    "location": r.location,
                    "state": r.state,
                    "due_on": r.due_on.isoformat() if r.due_on else None,
                    "last_inspected": r.last_inspected.isoformat() if r.last_inspected else None,
                    "days_overdue": r.days_overdue,
                }
                for r in rows
            ]
        )
        return 0
    print_table(
        [
            _t(QT_TRANSLATE_NOOP("messages", "Code")),
            _t(QT_TRANSLATE_NOOP("messages", "Category")),
            _t(QT_TRANSLATE_NOOP("messages", "Location")),
            _t(QT_TRANSLATE_NOOP("messages", "Last inspected")),
            _t(QT_TRANSLATE_NOOP("messages", "Due")),
            _t(QT_TRANSLATE_NOOP("messages", "State")),
        ],
        [
            (
                r.code,
                r.category_name,
                r.location,
                r.last_inspected or "",
                r.due_on or "",
                _t(DUE_LABELS.get(r.state, r.state)),
            )
            for r in rows
        ],
    )
    return 0
