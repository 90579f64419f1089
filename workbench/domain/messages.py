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


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for extraction into ``context``; returns it unchanged."""
    return text


Translate = Callable[[str, str], str]


def _identity(_context: str, text: str) -> str:
    return text


@dataclass(frozen=True)
class Message:
    template: str
    params: dict[str, Any] = field(default_factory=dict)

    def render(self, translate: Translate = _identity) -> str:
        text = translate(CONTEXT, self.template)
        try:
            return text.format(**self.params)
        except (KeyError, IndexError, ValueError):
            return self.template.format(**self.params)

    def __str__(self) -> str:
        return self.render()


class WorkbenchError(Exception):
    """An error the user can understand and act on (bad input, a locked record, ...).

    Not a bug: shown as a plain message, never as a traceback.
    """

    def __init__(self, template: str, **params: Any) -> None:
        self.message = Message(template, params)
        super().__init__(str(self.message))

    def render(self, translate: Translate = _identity) -> str:
        return self.message.render(translate)
