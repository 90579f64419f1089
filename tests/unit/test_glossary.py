"""One concept, one word: the screen and the paper take their terms from the glossary
(``resources/i18n/glossary.tsv``; issue 20, defect 7)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

I18N = Path(__file__).resolve().parents[2] / "resources" / "i18n"


def _glossary() -> list[tuple[str, str, str, str]]:
    rows = []
    for line in (I18N / "glossary.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            concept, english, chinese, where = line.split("\t")
            rows.append((concept, english, chinese, where))
    return rows


def _messages() -> list[tuple[str, str, str, str]]:
    """(file, context, source, translation) of every Chinese message."""
    found = []
    for ts in sorted(I18N.glob("*.zh_CN.ts")):
        for context in ET.parse(ts).iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                found.append(
                    (
                        ts.name,
                        name,
                        message.findtext("source") or "",
                        message.findtext("translation") or "",
                    )
                )
    return found


def test_every_use_of_a_concept_takes_the_glossary_term() -> None:
    messages = _messages()
    wrong = []
    checked = 0
    for concept, english, chinese, where in _glossary():
        if where == "word":
            word = re.compile(rf"\b{re.escape(english)}\b")
            for file, context, source, translation in messages:
                if word.search(source):
                    checked += 1
                    if chinese not in translation:
                        wrong.append((concept, file, context, source, translation))
            continue
        for pair in where.split(";"):
            context_name, source_text = pair.split(":", 1)
            matches = [m for m in messages if m[1] == context_name and m[2] == source_text]
            assert matches, f"{concept}: no message {pair} (glossary out of date)"
            for file, context, source, translation in matches:
                checked += 1
                if translation != chinese:
                    wrong.append((concept, file, context, source, translation))
    assert wrong == [], wrong
    assert checked > 25  # the check does reach the PIN texts of wizard, settings and sign-off


def test_no_source_has_two_translations_in_one_context() -> None:
    """Two .ts files may share a context; the same English source in both with different
    Chinese meant one silently won at run time (the vulnerability table's 高危/中危/低危
    printed as the priorities 高/一般/低)."""
    seen: dict[tuple[str, str], tuple[str, str]] = {}
    clashes = []
    for file, context, source, translation in _messages():
        key = (context, source)
        if key in seen and seen[key][1] != translation:
            clashes.append((context, source, seen[key], (file, translation)))
        seen.setdefault(key, (file, translation))
    assert clashes == [], clashes


def test_severities_and_priorities_print_their_own_words() -> None:
    from workbench import i18n

    i18n.load("zh_CN")
    try:
        assert i18n.translate("documents", "High") == "高"
        assert i18n.translate("documents", "Medium") == "普通"
        assert i18n.translate("documents", "High risk") == "高危"
        assert i18n.translate("documents", "Low risk") == "低危"
    finally:
        i18n.load("en")
