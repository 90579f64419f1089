"""How some values are shown on screen: codes kept on one line, the database as a file,
byte dumps in a monospace font that exists on every machine."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

if TYPE_CHECKING:
    from workbench.data.store import Store

# The bundled font's monospace face (resources/fonts: WenQuanYi Micro Hei's TTC holds it).
BUNDLED_MONOSPACE = "WenQuanYi Micro Hei Mono"
WORD_JOINER = "\u2060"


def unbroken(code: str) -> str:
    """``code`` with no line break allowed at its hyphens (XF-KIOSK-01 wrapped as
    "XF-" / "KIOSK-01"): word joiners, invisible, around each hyphen."""
    return code.replace("-", f"{WORD_JOINER}-{WORD_JOINER}")


def database_location(store: Store) -> str:
    """A SQLite store as its file path; a server as its URL without the password."""
    return str(store.path) if store.is_sqlite and store.path is not None else store.safe_url


def is_monospaced(font: QFont) -> bool:
    """Whether the characters of a hex dump take one width (the bundled CJK font's
    monospace face does, though it does not call itself fixed-pitch)."""
    metrics = QFontMetrics(font)
    return len({metrics.horizontalAdvance(c) for c in "iW0F. "}) == 1


def monospace_font() -> QFont:
    """The system's fixed-pitch font, or the bundled monospace face where the system's
    "monospace" resolves to a proportional (often serif) fallback."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    if is_monospaced(font):
        return font
    if BUNDLED_MONOSPACE in QFontDatabase.families():
        bundled = QFont(BUNDLED_MONOSPACE, font.pointSize() if font.pointSize() > 0 else 10)
        bundled.setStyleHint(QFont.StyleHint.TypeWriter)
        return bundled
    font.setStyleHint(QFont.StyleHint.TypeWriter)
    return font
