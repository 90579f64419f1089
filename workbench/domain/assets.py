"""Rules for an asset record, independent of where it is stored."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from workbench.domain.messages import QT_TRANSLATE_NOOP, Message
from workbench.domain.scancodes import ASSET_CODE_RE
from workbench.domain.text import control_character

ASSET_KINDS = ("device", "system", "website")
STATUSES = ("in_use", "repair", "retired")

# Chinese labels as they appear on screen and in spreadsheets (also accepted on import).
STATUS_LABELS_ZH = {"in_use": "在用", "repair": "维修中", "retired": "停用"}
KIND_LABELS_ZH = {"device": "设备", "system": "系统", "website": "网站"}

TEXT_FIELDS = ("code", "name", "model", "serial_number", "location", "url", "notes")


@dataclass(frozen=True)
class Category:
    """A category of assets, as the contract's data file lists it and as the store keeps
    it."""

    code: str
    name: str
    name_en: str
    kind: str
    inspection_interval_days: int | None


@dataclass(frozen=True)
class AssetInput:
    """What a person (or a spreadsheet row) says about an asset."""

    code: str
    name: str
    kind: str
    category: str  # category code
    line_item: int | None = None
    model: str = ""
    serial_number: str = ""
    location: str = ""
    url: str = ""
    status: str = "in_use"
    notes: str = ""


@dataclass(frozen=True)
class FieldProblem:
    field: str
    message: Message


def normalise_code(code: str) -> str:
    return code.strip().upper()


def validate(
    value: AssetInput,
    *,
    category_kinds: dict[str, str],
    max_lengths: Mapping[str, int] | None = None,
) -> list[FieldProblem]:
    """Everything wrong with ``value``; empty when it may be saved.

    ``category_kinds`` maps each known category code to its kind; ``max_lengths`` each
    text field to the most characters its column holds (the store's schema says:
    ``workbench.services.registry.ASSET_FIELD_LIMITS``).
    """
    problems: list[FieldProblem] = []

    def add(field: str, template: str, **params: object) -> None:
        problems.append(FieldProblem(field, Message(template, dict(params))))

    if not value.code:
        add("code", QT_TRANSLATE_NOOP("messages", "The asset code is empty."))
    elif not ASSET_CODE_RE.match(value.code):
        add(
            "code",
            QT_TRANSLATE_NOOP(
                "messages",
                "Asset code '{code}' is not valid: use capital letters and digits "
                "in parts joined by '-', e.g. XF-KIOSK-01.",
            ),
            code=value.code,
        )
    if not value.name.strip():
        add("name", QT_TRANSLATE_NOOP("messages", "The name is empty."))
    if value.kind not in ASSET_KINDS:
        add("kind", QT_TRANSLATE_NOOP("messages", "Unknown kind '{kind}'."), kind=value.kind)
    if value.category not in category_kinds:
        add(
            "category",
            QT_TRANSLATE_NOOP("messages", "Unknown category '{category}'."),
            category=value.category,
        )
    elif value.kind in ASSET_KINDS and category_kinds[value.category] != value.kind:
        add(
            "category",
            QT_TRANSLATE_NOOP(
                "messages", "Category '{category}' is for another kind than '{kind}'."
            ),
            category=value.category,
            kind=value.kind,
        )
    if value.status not in STATUSES:
        add(
            "status",
            QT_TRANSLATE_NOOP("messages", "Unknown status '{status}'."),
            status=value.status,
        )
    if value.line_item is not None:
        if value.kind != "device":
            add(
                "line_item",
                QT_TRANSLATE_NOOP("messages", "Only devices have a contract line item."),
            )
        elif value.line_item < 1:
            add(
                "line_item",
                QT_TRANSLATE_NOOP("messages", "The line item must be a positive number."),
            )
    for name in TEXT_FIELDS:
        text = getattr(value, name)
        limit = (max_lengths or {}).get(name)
        if limit is not None and len(text) > limit:
            add(
                name,
                QT_TRANSLATE_NOOP("messages", "Too long: at most {max} characters."),
                max=limit,
            )
        bad = control_character(text)
        if bad is not None:
            add(
                name,
                QT_TRANSLATE_NOOP("messages", "The control character {char} is not allowed."),
                char=bad,
            )
    return problems
