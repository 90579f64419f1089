"""Inspection checklists (巡检检查项) as data, and how a recorded value is judged.

A checklist belongs to an asset category and has a version; each item is one of four
kinds:

- ``check``: pass / fail / n.a. (正常 / 异常 / 不适用);
- ``number``: a measured value with a unit and optional inclusive limits; a value
  outside the limits is a failure; left empty, it is "not measured";
- ``choice``: one of a list of answers, some of which are failures;
- ``text``: free text, recorded as written.

Values travel as strings (``"pass"``, ``"42.5"``, a choice key, text), so that a
result row, a form and a JSON export all hold the same thing.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.domain.datafiles import read_toml
from workbench.domain.messages import QT_TRANSLATE_NOOP, WorkbenchError

FORMAT = 1
ITEM_KINDS = ("check", "number", "choice", "text")
PASS, FAIL, NA = "pass", "fail", "na"
CHECK_VALUES = (PASS, FAIL, NA)


class ChecklistDataError(ValueError):
    """A checklist data file is malformed (a bug in the data, not a user error)."""


@dataclass(frozen=True)
class Choice:
    key: str
    text: str
    text_en: str = ""
    fail: bool = False

    def label(self, language: str = "zh_CN") -> str:
        return self.text_en if language == "en" and self.text_en else self.text


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    kind: str
    text: str
    text_en: str = ""
    unit: str = ""
    unit_en: str = ""
    low: float | None = None
    high: float | None = None
    choices: tuple[Choice, ...] = ()
    default: str | None = None

    def label(self, language: str = "zh_CN") -> str:
        return self.text_en if language == "en" and self.text_en else self.text

    def unit_label(self, language: str = "zh_CN") -> str:
        return self.unit_en if language == "en" and self.unit_en else self.unit

    def choice(self, key: str) -> Choice | None:
        for choice in self.choices:
            if choice.key == key:
                return choice
        return None

    def limits_text(self, language: str = "zh_CN") -> str:
        """``≤ 85 %``, ``≥ 30 天``, ``0–1 %`` or an empty string."""
        unit = self.unit_label(language)
        sep = "" if unit in ("%", "°C") else " "
        if self.low is not None and self.high is not None:
            return f"{_num(self.low)}–{_num(self.high)}{sep}{unit}"
        if self.high is not None:
            return f"≤ {_num(self.high)}{sep}{unit}"
        if self.low is not None:
            return f"≥ {_num(self.low)}{sep}{unit}"
        return ""


@dataclass(frozen=True)
class Checklist:
    category: str
    version: int
    title: str
    title_en: str
    items: tuple[ChecklistItem, ...]

    def label(self, language: str = "zh_CN") -> str:
        return self.title_en if language == "en" and self.title_en else self.title

    def item(self, key: str) -> ChecklistItem:
        for item in self.items:
            if item.key == key:
                return item
        raise KeyError(key)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form, stored beside each version in the store."""
        items: list[dict[str, Any]] = []
        for item in self.items:
            entry: dict[str, Any] = {"key": item.key, "kind": item.kind, "text": item.text}
            if item.text_en:
                entry["text_en"] = item.text_en
            if item.unit:
                entry["unit"] = item.unit
            if item.unit_en:
                entry["unit_en"] = item.unit_en
            if item.low is not None:
                entry["low"] = item.low
            if item.high is not None:
                entry["high"] = item.high
            if item.choices:
                entry["choices"] = [
                    {"key": c.key, "text": c.text, "text_en": c.text_en, "fail": c.fail}
                    for c in item.choices
                ]
            if item.default is not None:
                entry["default"] = item.default
            items.append(entry)
        return {
            "format": FORMAT,
            "category": self.category,
            "version": self.version,
            "title": self.title,
            "title_en": self.title_en,
            "items": items,
        }

    def content_hash(self) -> str:
        """SHA-256 of the canonical content: tells an edited file from the stored version."""
        canonical = json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _num(value: float) -> str:
    return f"{value:g}"


def _limit(value: Any, where: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ChecklistDataError(f"{where}: limit '{value}' is not a number")
    return float(value)


def _text(table: Mapping[str, Any], key: str, where: str) -> str:
    value = table.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ChecklistDataError(f"{where}: missing '{key}'")
    return value.strip()


def _parse_choices(raw: Mapping[str, Any], at: str) -> tuple[Choice, ...]:
    raw_choices = raw.get("choices")
    if not isinstance(raw_choices, list) or len(raw_choices) < 2:
        raise ChecklistDataError(f"{at}: a choice item needs at least two choices")
    choices: list[Choice] = []
    for raw_choice in raw_choices:
        if not isinstance(raw_choice, Mapping):
            raise ChecklistDataError(f"{at}: a choice is not a table")
        choices.append(
            Choice(
                key=_text(raw_choice, "key", at),
                text=_text(raw_choice, "text", at),
                text_en=str(raw_choice.get("text_en", "")),
                fail=bool(raw_choice.get("fail", False)),
            )
        )
    keys = [c.key for c in choices]
    if len(set(keys)) != len(keys):
        raise ChecklistDataError(f"{at}: duplicate choice key")
    if all(c.fail for c in choices):
        raise ChecklistDataError(f"{at}: every choice is a failure")
    return tuple(choices)


def _parse_item(raw: Mapping[str, Any], at: str) -> ChecklistItem:
    key = _text(raw, "key", at)
    at = f"{at} '{key}'"
    kind = raw.get("kind")
    if kind not in ITEM_KINDS:
        raise ChecklistDataError(f"{at}: kind must be one of {', '.join(ITEM_KINDS)}")
    low = _limit(raw.get("low"), at)
    high = _limit(raw.get("high"), at)
    unit = str(raw.get("unit", ""))
    if kind != "number" and (low is not None or high is not None or unit):
        raise ChecklistDataError(f"{at}: only number items have a unit or limits")
    if low is not None and high is not None and low > high:
        raise ChecklistDataError(f"{at}: low limit above the high limit")
    if "℃" in unit:
        raise ChecklistDataError(f"{at}: write °C, not ℃ (the PDF font lacks ℃)")
    if kind == "choice":
        choices = _parse_choices(raw, at)
    elif "choices" in raw:
        raise ChecklistDataError(f"{at}: only choice items have choices")
    else:
        choices = ()
    default = raw.get("default")
    if default is not None:
        default = str(default)
        if kind == "choice" and default not in {c.key for c in choices}:
            raise ChecklistDataError(f"{at}: default '{default}' is not one of the choices")
        if kind == "check" and default not in CHECK_VALUES:
            raise ChecklistDataError(f"{at}: default must be pass, fail or na")
    return ChecklistItem(
        key=key,
        kind=str(kind),
        text=_text(raw, "text", at),
        text_en=str(raw.get("text_en", "")),
        unit=unit,
        unit_en=str(raw.get("unit_en", "")),
        low=low,
        high=high,
        choices=choices,
        default=default,
    )


def parse_checklist(data: Mapping[str, Any], where: str = "checklist") -> Checklist:
    """Build a validated :class:`Checklist` from parsed TOML (or stored JSON)."""
    fmt = data.get("format", FORMAT)
    if fmt != FORMAT:
        raise ChecklistDataError(f"{where}: format {fmt} is not supported (expected {FORMAT})")
    category = _text(data, "category", where)
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ChecklistDataError(f"{where}: 'version' must be a whole number from 1")
    raw_items = data.get("items")
    if not isinstance(raw_items, list) or not raw_items:
        raise ChecklistDataError(f"{where}: no items")
    items: list[ChecklistItem] = []
    for index, raw in enumerate(raw_items, start=1):
        if not isinstance(raw, Mapping):
            raise ChecklistDataError(f"{where} item {index}: not a table")
        item = _parse_item(raw, f"{where} item {index}")
        if any(i.key == item.key for i in items):
            raise ChecklistDataError(f"{where} item '{item.key}': duplicate key")
        items.append(item)
    return Checklist(
        category=category,
        version=version,
        title=_text(data, "title", where),
        title_en=str(data.get("title_en", "")),
        items=tuple(items),
    )


def load_checklist(path: Path) -> Checklist:
    data = read_toml(path, ChecklistDataError)
    checklist = parse_checklist(data, path.name)
    if path.stem != checklist.category:
        raise ChecklistDataError(f"{path.name}: file name does not match '{checklist.category}'")
    return checklist


def load_checklists(folder: Path) -> dict[str, Checklist]:
    """Every ``*.toml`` in ``folder``, by category code."""
    return {c.category: c for c in map(load_checklist, sorted(folder.glob("*.toml")))}


# -- values ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemResult:
    """One item's recorded value, judged."""

    key: str
    value: str
    passed: bool | None  # None: not applicable / not measured / informational
    number: float | None = None


def parse_number(text: str) -> float | None:
    """A measured number as typed (``42``, ``42.5``, ``42,5``); ``None`` for empty."""
    cleaned = text.strip().replace(",", ".").replace("，", ".")
    if not cleaned:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def evaluate(item: ChecklistItem, value: str) -> ItemResult:
    """Judge ``value`` for ``item``; a value that makes no sense raises ``WorkbenchError``."""
    value = value.strip()
    if item.kind == "check":
        if value not in CHECK_VALUES:
            raise WorkbenchError(
                QT_TRANSLATE_NOOP("messages", "{item}: '{value}' is not pass, fail or n.a."),
                item=item.text,
                value=value,
            )
        return ItemResult(item.key, value, None if value == NA else value == PASS)
    if item.kind == "number":
        if not value or value == NA:
            return ItemResult(item.key, "", None)
        number = parse_number(value)
        if number is None:
            raise WorkbenchError(
                QT_TRANSLATE_NOOP("messages", "{item}: '{value}' is not a number"),
                item=item.text,
                value=value,
            )
        ok = (item.low is None or number >= item.low) and (item.high is None or number <= item.high)
        return ItemResult(item.key, _num(number), ok, number)
    if item.kind == "choice":
        choice = item.choice(value)
        if choice is None:
            raise WorkbenchError(
                QT_TRANSLATE_NOOP("messages", "{item}: '{value}' is not one of the answers"),
                item=item.text,
                value=value,
            )
        return ItemResult(item.key, value, not choice.fail)
    return ItemResult(item.key, value, None)


def default_value(item: ChecklistItem, last: str | None = None) -> str:
    """What the editor starts with: pass, the first good answer, the last measured number."""
    if item.kind == "check":
        return item.default or PASS
    if item.kind == "number":
        if last and parse_number(last) is not None:
            return last
        return item.default or ""
    if item.kind == "choice":
        if item.default:
            return item.default
        return next(c.key for c in item.choices if not c.fail)
    return item.default or ""


def default_values(checklist: Checklist, last: Mapping[str, str] | None = None) -> dict[str, str]:
    last = last or {}
    return {item.key: default_value(item, last.get(item.key)) for item in checklist.items}


def evaluate_all(checklist: Checklist, values: Mapping[str, str]) -> list[ItemResult]:
    """Judge a whole device: every item of the checklist, defaults for items not given."""
    unknown = set(values) - {item.key for item in checklist.items}
    if unknown:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "Unknown check items: {keys}"),
            keys=", ".join(sorted(unknown)),
        )
    return [
        evaluate(item, values[item.key] if item.key in values else default_value(item))
        for item in checklist.items
    ]


def failures(results: Iterable[ItemResult]) -> list[ItemResult]:
    return [r for r in results if r.passed is False]
