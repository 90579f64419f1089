"""The command line in the user's language: its help texts, and argparse's own words
("usage:", "the following arguments are required: …"), through Qt's translations.

Help texts are marked ``QT_TRANSLATE_NOOP("cli_help", …)`` where the parser is built and
translated once it is built (:func:`translate_parser`); argparse's own strings go through
its module-level ``_``/``ngettext`` (gettext), which :func:`install_argparse_translation`
points at Qt's translations in the context ``argparse``.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence

from workbench import i18n

HELP_CONTEXT = "cli_help"
ARGPARSE_CONTEXT = "argparse"


def language_of(args: Sequence[str], saved: str | None) -> str:
    """The language of a command: ``--lang``; else the environment's (LC_ALL,
    LC_MESSAGES, LANG) when it is English or Chinese; else the saved setting (zh_CN)."""
    for i, arg in enumerate(args):
        value = None
        if arg == "--lang" and i + 1 < len(args):
            value = args[i + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        if value in i18n.LANGUAGES:
            return value
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if not value:
            continue
        if value.startswith("en"):
            return "en"
        if value.startswith("zh"):
            return "zh_CN"
        break  # C, POSIX, another language: the setting decides
    return saved if saved in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE


def _argparse_text(text: str) -> str:
    return i18n.translate(ARGPARSE_CONTEXT, text)


def _argparse_plural(singular: str, plural: str, n: int) -> str:
    return i18n.translate(ARGPARSE_CONTEXT, singular if n == 1 else plural)


def install_argparse_translation() -> None:
    """argparse's messages in the loaded language (call before building a parser: some
    are read when a parser is made, such as "show this help message and exit")."""
    argparse._ = _argparse_text  # type: ignore[attr-defined]
    argparse.ngettext = _argparse_plural  # type: ignore[attr-defined]


def translate_parser(parser: argparse.ArgumentParser) -> None:
    """Translate the marked help texts and descriptions of ``parser`` and its subparsers
    (actions shared through ``parents`` are translated once)."""
    seen: set[int] = set()

    def text(value: str | None) -> str | None:
        if not value or value == argparse.SUPPRESS:
            return value
        return i18n.translate(HELP_CONTEXT, value)

    def walk(p: argparse.ArgumentParser) -> None:
        if id(p) in seen:
            return
        seen.add(id(p))
        p.description = text(p.description)
        for action in p._actions:
            if id(action) not in seen:
                seen.add(id(action))
                action.help = text(action.help)
            if isinstance(action, argparse._SubParsersAction):
                for choice in action._choices_actions:
                    if id(choice) not in seen:
                        seen.add(id(choice))
                        choice.help = text(choice.help)
                for sub in action.choices.values():
                    walk(sub)

    walk(parser)
