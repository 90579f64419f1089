"""Checks on text that came from outside: control characters, in files and on terminals."""

from __future__ import annotations

import unicodedata

_ALLOWED_CONTROLS = frozenset("\t\n\r")


def control_character(value: str) -> str | None:
    """The first control character in ``value`` (as ``U+001B``) other than TAB and line
    breaks, or None. NUL, ESC, BEL, DEL and the C1 controls are never text."""
    for char in value:
        if char not in _ALLOWED_CONTROLS and unicodedata.category(char) == "Cc":
            return f"U+{ord(char):04X}"
    return None


def escape_controls(value: str, *, keep_breaks: bool = False) -> str:
    """``value`` with every control character (line breaks and TAB too, unless
    ``keep_breaks``) written as an escape such as ``\\x1b``, for a terminal that would
    otherwise obey it."""
    if value.isprintable():
        return value
    kept = _ALLOWED_CONTROLS if keep_breaks else ""
    return "".join(
        char
        if char.isprintable() or char == " " or char in kept
        else char.encode("unicode_escape").decode()
        for char in value
    )


def size_text(size: int) -> str:
    """A file's size as people read it: "1.2 MB", "3 KB" (at least 1 KB)."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, round(size / 1024))} KB"
