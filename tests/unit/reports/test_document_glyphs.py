"""Every character the documents can print has a visible glyph in the bundled font."""

from __future__ import annotations

import dataclasses
import functools
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

from fontTools.ttLib import TTCollection
from report_samples import LABELS, blank_form, finished_round, work_order

from workbench.config import resource_path
from workbench.reports.fonts import font_path


@functools.cache
def _font() -> Any:
    return TTCollection(str(font_path())).fonts[0]


def has_visible_glyph(ch: str) -> bool:
    """The font maps ``ch`` to a glyph that draws something (not an empty outline)."""
    font = _font()
    name = font.getBestCmap().get(ord(ch))
    return name is not None and font["glyf"][name].numberOfContours != 0


def translated_templates() -> Iterator[str]:
    tree = ET.parse(resource_path("i18n", "documents.zh_CN.ts"))
    for message in tree.iter("message"):
        yield message.findtext("source") or ""
        yield message.findtext("translation") or ""
    # The documents' strings kept in another area's file (heads, the registration form).
    for context in ET.parse(resource_path("i18n", "paper.zh_CN.ts")).iter("context"):
        if context.findtext("name") == "documents":
            for message in context.iter("message"):
                yield message.findtext("source") or ""
                yield message.findtext("translation") or ""


def strings_in(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from strings_in(getattr(value, f.name))
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from strings_in(item)
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from strings_in(k)
            yield from strings_in(v)


def test_every_printed_character_has_a_glyph() -> None:
    texts = list(translated_templates())
    for doc in (work_order(), work_order(signed=False), blank_form(), finished_round(), *LABELS):
        texts.extend(strings_in(doc))
    # Drawn by the code itself: amounts, dates, marks beside verdicts, cut-off names.
    texts += ["¥0123456789,.:-", "✓ ×", "…", "＿＿:＿＿", "　"]
    wanted = {ch for text in texts for ch in text if not ch.isspace()}
    missing = sorted(ch for ch in wanted if not has_visible_glyph(ch))
    assert missing == []


def test_the_check_catches_a_missing_glyph() -> None:
    # WenQuanYi Micro Hei maps ℃ to an empty glyph: documents print °C instead.
    assert not has_visible_glyph("℃")
    assert not has_visible_glyph("☐")
    assert has_visible_glyph("°")
