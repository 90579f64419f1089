"""User-facing messages from code that knows nothing of Qt.

A message is an English template plus parameters. Where the template is written, it is
wrapped in ``QT_TRANSLATE_NOOP("messages", "...")`` so that ``pyside6-lupdate`` extracts
it; the GUI and the CLI translate the template when they show it (``workbench.i18n``),
then fill in the parameters.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

CONTEXT = "messages"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: ARG001 (lupdate reads the context)
    """Mark ``text`` for extraction into ``context``; returns it unchanged."""
    return text


Translate = Callable[[str, str], str]


def identity(_context: str, text: str) -> str:
    return text


@dataclass(frozen=True)
class Message:
    """A template and its parameters; a parameter that is itself a Message (the name of
    a field, say) is translated with it."""

    template: str
    params: dict[str, Any] = field(default_factory=dict)

    def render(self, translate: Translate = identity) -> str:
        text = translate(CONTEXT, self.template)
        params = {
            key: value.render(translate) if isinstance(value, Message) else value
            for key, value in self.params.items()
        }
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            return self.template.format(**params)

    def __str__(self) -> str:
        return self.render()


class UserError(Exception):
    """The base of every error the user can understand and act on: bad input, a locked
    record, a damaged or unreachable store. Not a bug: shown as a plain message, never
    as a traceback; anything else that escapes is a bug for the crash hook.

    One way to show it: :meth:`render` with the translation function of the caller.
    Nothing here (or in a subclass's constructor) does I/O: what the message needs is
    known when it is raised; a restore hint for a store problem is looked up by whoever
    shows the error (``workbench.data.backup.describe_error``).
    """

    message: Message

    def __init__(self, message: Message) -> None:
        self.message = message
        super().__init__(message.render())

    def render(self, translate: Translate = identity) -> str:
        return self.message.render(translate)


class WorkbenchError(UserError):
    """An error in what the user asked for (bad input, a locked record, ...)."""

    def __init__(self, template: str, **params: Any) -> None:
        super().__init__(Message(template, params))
