"""The command line. With no subcommand it starts the GUI.

Each command group lives in a module of this package with a ``register(subparsers,
common)`` function; ``common`` is the parent parser that gives every subcommand
``--db`` and ``--lang``. A command returns its exit status; an error the user can act on
(a :class:`~workbench.domain.messages.UserError`) becomes a plain message on stderr and
exit status 2, or 3 for a problem of the store.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import logging
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from workbench import __version__
from workbench.domain.messages import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from workbench.domain.messages import UserError

log = logging.getLogger("workbench.cli")

# Command group modules, in the order they are listed in --help.
COMMAND_MODULES = (
    "workbench.cli.setup",
    "workbench.cli.assets",
    "workbench.cli.backup",
    "workbench.cli.scan",
    "workbench.cli.labels",
    "workbench.cli.inspections",
    "workbench.cli.forms",
    "workbench.cli.workorder",
    "workbench.cli.verify",
    "workbench.cli.chain",
    "workbench.cli.report",
    "workbench.cli.export",
    "workbench.cli.handback",
)

EXIT_USER_ERROR = 2
EXIT_STORE_ERROR = 3


def report_error(exc: UserError) -> int:
    """Say plainly on stderr what went wrong (for a store problem, with the offer to
    restore its latest backup); the exit status: 3 for a store problem, 2 otherwise."""
    from workbench import i18n
    from workbench.data.backup import describe_error
    from workbench.data.errors import StoreError

    print(describe_error(exc, i18n.translate), file=sys.stderr)
    return EXIT_STORE_ERROR if isinstance(exc, StoreError) else EXIT_USER_ERROR


def _common_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="URL",
        default=argparse.SUPPRESS,
        help=QT_TRANSLATE_NOOP(
            "cli_help",
            "database: a SQLAlchemy URL, or a SQLite file path (default: the user data folder)",
        ),
    )
    common.add_argument(
        "--lang",
        choices=("zh_CN", "en"),
        default=argparse.SUPPRESS,
        help=QT_TRANSLATE_NOOP(
            "cli_help", "language of the interface and messages (default zh_CN)"
        ),
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, its help in the loaded language."""
    from workbench.cli.help import translate_parser

    common = _common_parser()
    parser = argparse.ArgumentParser(
        prog="workbench",
        description=QT_TRANSLATE_NOOP(
            "cli_help", "The maintenance workbench. Without a command, it starts the GUI."
        ),
        parents=[common],
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"workbench {__version__}",
        help=QT_TRANSLATE_NOOP("cli_help", "show the version number and exit"),
    )
    parser.add_argument(
        "--selftest",
        action="store_true",
        help=QT_TRANSLATE_NOOP("cli_help", "check the installation and exit (0 = all passed)"),
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers, common)
    translate_parser(parser)
    return parser


def _gui_parser() -> argparse.ArgumentParser:
    """Options that start the GUI or the self-test, parsed without loading any command."""
    parser = argparse.ArgumentParser(prog="workbench", add_help=False, parents=[_common_parser()])
    parser.add_argument("--selftest", action="store_true")
    parser.add_argument("--version", action="version", version=f"workbench {__version__}")
    return parser


def _load_cli_language(args: Sequence[str]) -> str:
    """Load the command's language (--lang, the environment, the setting) for messages,
    help and argparse's own words; its name."""
    from workbench import i18n
    from workbench.cli.help import install_argparse_translation, language_of
    from workbench.config import Settings

    language = i18n.load(language_of(args, Settings.load().language))
    install_argparse_translation()
    return language


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    language = None
    if args_list:
        # Help, usage and errors in the user's language (not for a bare start of the GUI,
        # which loads its translations itself, after its first frame is under way).
        language = _load_cli_language(args_list)
    # Starting the GUI must not import every command (and SQLAlchemy) before the first
    # paint: parse the few GUI options alone when nothing else is on the line.
    args, rest = _gui_parser().parse_known_args(args_list)
    if rest or "-h" in args_list or "--help" in args_list:
        args = build_parser().parse_args(args_list)
    else:
        args.command = None
    if args.command is None and not args.selftest:
        # The GUI starts without the cycle collector: start-up allocates some 200,000
        # objects that all live on, and the collector's passes over them (one of them a
        # full pass) took 50-70 ms of a cold start. ``app.Startup`` turns it back on once
        # the window is in use, with start-up's objects frozen out of its passes.
        gc.disable()
    db = getattr(args, "db", None)
    lang = getattr(args, "lang", None)

    from workbench import logsetup

    # The GUI opens its log file after the first frame (see logsetup).
    logsetup.configure(
        console=args.command is not None,
        defer_file=args.command is None and not args.selftest,
    )

    if args.selftest:
        from workbench import app, selftest

        return selftest.run(language=lang, gui=app)
    if args.command is None:
        from workbench import app

        return app.run(db=db, language=lang)

    from workbench.domain.messages import UserError

    if language is None:
        _load_cli_language(args_list)
    try:
        status: int = args.func(args)
    except UserError as exc:
        return report_error(exc)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    return status
