"""``workbench workorder list|new|advance|finding|pdf``: work orders from the command line."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench import i18n
from workbench.cli.common import (
    engineer_id,
    print_json,
    print_table,
    transaction,
    write_output,
)
from workbench.domain import workorders as rules
from workbench.domain.messages import QT_TRANSLATE_NOOP, WorkbenchError
from workbench.domain.timeutil import LOCAL_TZ, fmt_local, to_local

if TYPE_CHECKING:
    pass

CONTEXT = "workorders"


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser("workorder", help=QT_TRANSLATE_NOOP("cli_help", "work orders"))
    commands = parser.add_subparsers(dest="workorder_command", metavar="COMMAND", required=True)

    listing = commands.add_parser(
        "list", parents=[common], help=QT_TRANSLATE_NOOP("cli_help", "list work orders")
    )
    listing.add_argument(
        "--status",
        choices=rules.STATUSES,
        help=QT_TRANSLATE_NOOP("cli_help", "only orders in this status"),
    )
    listing.add_argument(
        "--format",
        choices=("table", "json"),
        default="table",
        help=QT_TRANSLATE_NOOP("cli_help", "output format"),
    )
    listing.set_defaults(func=run_list)

    new = commands.add_parser(
        "new",
        parents=[common],
        help=QT_TRANSLATE_NOOP("cli_help", "report a work order (for hotline exports and scripts)"),
    )
    new.add_argument(
        "--type",
        required=True,
        choices=rules.TYPES,
        help=QT_TRANSLATE_NOOP("cli_help", "kind of work order"),
    )
    new.add_argument(
        "--asset",
        action="append",
        default=[],
        metavar="CODE",
        help=QT_TRANSLATE_NOOP("cli_help", "device code"),
    )
    new.add_argument(
        "--reported-at",
        required=True,
        metavar="ISO",
        help=QT_TRANSLATE_NOOP("cli_help", "when it was reported (Beijing time)"),
    )
    new.add_argument(
        "--reporter",
        default="",
        metavar="NAME",
        help=QT_TRANSLATE_NOOP("cli_help", "who reported it"),
    )
    new.add_argument(
        "--description",
        required=True,
        metavar="TEXT",
        help=QT_TRANSLATE_NOOP("cli_help", "the problem or task"),
    )
    new.add_argument(
        "--channel",
        choices=rules.CHANNELS,
        default="hotline",
        help=QT_TRANSLATE_NOOP("cli_help", "how it came"),
    )
    new.add_argument(
        "--deadline",
        metavar="ISO",
        help=QT_TRANSLATE_NOOP(
            "cli_help",
            "a deadline the client set (Beijing time): a clock of its own "
            "(clauses 五、5.2.3, 八、5)",
        ),
    )
    new.set_defaults(func=run_new)

    advance = commands.add_parser(
        "advance", parents=[common], help=QT_TRANSLATE_NOOP("cli_help", "record the next step")
    )
    advance.add_argument(
        "number", metavar="NUMBER", help=QT_TRANSLATE_NOOP("cli_help", "work order number")
    )
    advance.add_argument(
        "--step",
        required=True,
        choices=tuple(STEPS),
        help=QT_TRANSLATE_NOOP("cli_help", "the step done"),
    )
    advance.add_argument(
        "--at",
        required=True,
        metavar="ISO",
        help=QT_TRANSLATE_NOOP("cli_help", "when (Beijing time)"),
    )
    advance.add_argument(
        "--engineer", default="", metavar="NAME", help=QT_TRANSLATE_NOOP("cli_help", "the engineer")
    )
    advance.add_argument(
        "--cause", default="", help=QT_TRANSLATE_NOOP("cli_help", "the cause (to close)")
    )
    advance.add_argument(
        "--resolution", default="", help=QT_TRANSLATE_NOOP("cli_help", "what was done (to close)")
    )
    advance.add_argument(
        "--expected-version",
        type=int,
        metavar="N",
        help=QT_TRANSLATE_NOOP(
            "cli_help",
            "refuse (exit 2, nothing written) unless the order is still at this version "
            "(the `version` of `workorder list --format json`)",
        ),
    )
    advance.set_defaults(func=run_advance)

    finding = commands.add_parser(
        "finding",
        parents=[common],
        help=QT_TRANSLATE_NOOP(
            "cli_help",
            "say what an inspection finding is: a fault affecting service (the restore "
            "clock runs) or not, with the rectification date agreed with the client",
        ),
    )
    finding.add_argument(
        "number", metavar="NUMBER", help=QT_TRANSLATE_NOOP("cli_help", "work order number")
    )
    what = finding.add_mutually_exclusive_group(required=True)
    what.add_argument(
        "--affects-service",
        action="store_true",
        help=QT_TRANSLATE_NOOP("cli_help", "a fault affecting service: the restore clock runs"),
    )
    what.add_argument(
        "--rectify-by",
        metavar="ISO",
        help=QT_TRANSLATE_NOOP(
            "cli_help", "not affecting service: rectify by this time agreed with the client"
        ),
    )
    finding.set_defaults(func=run_finding)

    pdf = commands.add_parser(
        "pdf", parents=[common], help=QT_TRANSLATE_NOOP("cli_help", "print a work order to PDF")
    )
    pdf.add_argument(
        "number",
        metavar="NUMBER",
        help=QT_TRANSLATE_NOOP("cli_help", "work order number, e.g. WO-2026-0001"),
    )
    pdf.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help=QT_TRANSLATE_NOOP("cli_help", "PDF file (default NUMBER.pdf)"),
    )
    pdf.add_argument(
        "--with-penalty",
        action=argparse.BooleanOptionalAction,
        default=None,
        help=QT_TRANSLATE_NOOP(
            "cli_help",
            "print the liquidated damages exposure (clause 八、1) on the order "
            "(default: the setting, which is off)",
        ),
    )
    pdf.set_defaults(func=run_pdf)


STEPS = {"respond": "responded", "onsite": "onsite", "restore": "restored", "close": "closed"}


def _when(text: str) -> dt.datetime:
    """An ISO 8601 time; one without an offset is Beijing time (the contract's clock)."""
    try:
        value = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "Not a date and time: {value} (e.g. 2026-06-01T09:00)"),
            value=text,
        ) from None
    return value if value.tzinfo is not None else value.replace(tzinfo=LOCAL_TZ)


def run_new(args: argparse.Namespace) -> int:
    from workbench.services import workorders

    reported_at = _when(args.reported_at)
    deadline = _when(args.deadline) if args.deadline else None
    with transaction(args, "cli") as session:
        row = workorders.create_work_order(
            session,
            type=args.type,
            channel=args.channel,
            description=args.description,
            asset_codes=args.asset,
            reporter_name=args.reporter,
            reported_at=reported_at,
            client_deadline=deadline,
        )
    print(row.number)
    return 0


def run_advance(args: argparse.Namespace) -> int:
    from workbench.services import workorders

    at = _when(args.at)
    with transaction(args, "cli") as session:
        engineer = engineer_id(session, args.engineer)
        expected = args.expected_version
        if args.step == "close" and (args.cause or args.resolution):
            changes = {k: v for k in ("cause", "resolution") if (v := getattr(args, k))}
            edited = workorders.update_work_order(
                session, args.number, expected_version=expected, **changes
            )
            expected = edited.version  # the step follows our own edit
        row = workorders.advance(
            session,
            args.number,
            STEPS[args.step],
            at=at,
            engineer_id=engineer,
            expected_version=expected,
        )
    print(f"{row.number} {row.status}")
    return 0


def run_finding(args: argparse.Namespace) -> int:
    from workbench.services import workorders

    rectify_by = _when(args.rectify_by) if args.rectify_by else None
    with transaction(args, "cli") as session:
        row = workorders.mark_finding(
            session, args.number, affects_service=args.affects_service, rectify_by=rectify_by
        )
    print(row.number)
    return 0


def _iso(value: dt.datetime | None) -> str | None:
    """ISO 8601 with the offset, in Beijing time."""
    return to_local(value).isoformat() if value is not None else None


def run_list(args: argparse.Namespace) -> int:
    from workbench.services import workorders

    with transaction(args, "cli") as session:
        page = workorders.list_work_orders(
            session,
            workorders.WorkOrderFilter(status=args.status),
            sort="number",
            descending=False,
            limit=None,
        )
        late_entries = (  # only the JSON carries them
            workorders.entered_late(session, [r.id for r in page.rows])
            if args.format == "json"
            else {}
        )
    if args.format == "json":
        print_json(
            [
                {
                    "number": r.number,
                    "type": r.type,
                    "status": r.status,
                    "priority": r.priority,
                    "channel": r.channel,
                    "assets": list(r.asset_codes),
                    "description": r.description,
                    "engineer": r.engineer_name or None,
                    "reported_at": _iso(r.reported_at),
                    "responded_at": _iso(r.responded_at),
                    "onsite_at": _iso(r.onsite_at),
                    "restored_at": _iso(r.restored_at),
                    "closed_at": _iso(r.closed_at),
                    "signed_at": _iso(r.signed_at),
                    "signed": r.signed,
                    "breaches": list(r.breaches),
                    "days_late": r.days_late,
                    # seconds past each running clock's deadline (0: on time / not due)
                    "late_by": {item.key: item.late_by_seconds for item in r.sla},
                    "penalty_rule": r.penalty_rule,
                    "penalty_cny": f"{r.penalty_cny:.2f}",
                    "penalty_worst_cny": f"{r.penalty_worst_cny:.2f}",
                    "termination_right": r.termination_right,
                    # a deadline the client set (its clock is `late_by.client_deadline`)
                    # and what missing it exposes under 八、5
                    "client_deadline": _iso(r.client_deadline),
                    "client_deadline_exposure_cny": f"{r.client_deadline_exposure_cny:.2f}",
                    # an inspection finding: a fault affecting service, or its
                    # rectification date (clock `late_by.rectification`)
                    "affects_service": r.affects_service,
                    "rectify_by": _iso(r.rectify_by),
                    # the clocks whose time was entered more than 10 min afterwards (补录)
                    "entered_late": list(late_entries.get(r.id, ())),
                    # a confirmed excuse (十 / 八、1): the breaches stay, the amounts above
                    # are zero and what they would have been is here
                    "excused": None
                    if r.excused is None
                    else {
                        "kind": r.excused.kind,
                        "penalty_cny": f"{r.excused.penalty_cny:.2f}",
                        "penalty_worst_cny": f"{r.excused.penalty_worst_cny:.2f}",
                        "client_deadline_exposure_cny": f"{r.excused.client_deadline_cny:.2f}",
                    },
                    "demo": r.demo,
                    # the row version: `workorder advance --expected-version` takes it
                    "version": r.version,
                }
                for r in page.rows
            ]
        )
        return 0

    def tr(text: str) -> str:
        return i18n.translate(CONTEXT, text)

    headers = [
        tr(QT_TRANSLATE_NOOP("workorders", "Number")),
        tr(QT_TRANSLATE_NOOP("workorders", "Type")),
        tr(QT_TRANSLATE_NOOP("workorders", "Status")),
        tr(QT_TRANSLATE_NOOP("workorders", "Devices")),
        tr(QT_TRANSLATE_NOOP("workorders", "Reported")),
        tr(QT_TRANSLATE_NOOP("workorders", "Engineer")),
        tr(QT_TRANSLATE_NOOP("workorders", "Overdue")),
        tr(QT_TRANSLATE_NOOP("workorders", "Penalty (CNY)")),
    ]
    rows = [
        [
            r.number,
            tr(rules.TYPE_NAMES[r.type]),
            tr(rules.STATUS_NAMES[r.status]),
            ", ".join(r.asset_codes),
            fmt_local(r.reported_at),
            r.engineer_name,
            "、".join(tr(rules.SLA_NAMES[k]) for k in r.breaches),
            f"{r.penalty_cny:,.2f}" if r.penalty_cny else "",
        ]
        for r in page.rows
    ]
    print_table(headers, rows)
    return 0


def run_pdf(args: argparse.Namespace) -> int:
    from workbench.config import Settings
    from workbench.services import workorders

    show_penalty = args.with_penalty
    if show_penalty is None:
        show_penalty = Settings.load().workorder_penalty_on_paper
    with transaction(args, "cli") as session:
        doc = workorders.document(session, args.number, show_penalty=show_penalty)
    from workbench.reports.workorder import workorder_pdf

    target = Path(args.output) if args.output else Path(f"{doc.number}.pdf")
    write_output(target, workorder_pdf(doc, i18n.translate))  # "已生成：…" as elsewhere
    return 0
