"""The contract data file: what parse_contract builds, and what it refuses, in which order.

Each broken copy of the shipped ZHSWZX-2026-007 data names the table and the entry at fault;
where a copy is broken in two places, the earlier step (categories before the inventory,
the inventory before payments) is the one reported.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from typing import Any

import pytest

from workbench.config import resource_path
from workbench.domain.contract import ContractDataError, load_contract, parse_contract

CONTRACT_FILE = resource_path("contract", "ZHSWZX-2026-007.toml")


def raw() -> dict[str, Any]:
    with CONTRACT_FILE.open("rb") as fh:
        return tomllib.load(fh)


def test_the_shipped_file_builds_every_part_of_the_contract():
    data = raw()
    contract = load_contract(CONTRACT_FILE)
    assert len(contract.categories) == len(data["categories"])
    assert len(contract.locations) == len(data["locations"])
    assert [item.no for item in contract.line_items] == [t["no"] for t in data["line_items"]]
    # One asset a listed device, then the systems, then the websites, in file order.
    assert len(contract.devices) == sum(t["quantity"] for t in data["line_items"])
    assert [a.code for a in contract.assets] == (
        [d["code"] for t in data["line_items"] for d in t["devices"]]
        + [t["code"] for t in data["systems"]]
        + [t["code"] for t in data["websites"]]
    )
    kiosk = contract.assets[0]
    assert (kiosk.kind, kiosk.category, kiosk.line_item, kiosk.model) == (
        "device",
        "kiosk",
        1,
        "信访自助一体机",
    )
    website = next(a for a in contract.assets if a.kind == "website")
    assert (website.location, website.url, website.line_item) == (
        "互联网",
        "https://xfb.beijing.gov.cn",
        None,
    )
    assert sum(p.amount_cny for p in contract.payments) == contract.total_cny
    assert contract.payments[0].after_condition_working_days == 7
    assert contract.payments[0].due is None
    assert contract.payment_terms is not None
    assert contract.payment_terms.invoice_working_days == 7
    assert [d.key for d in contract.deliverables] == [t["key"] for t in data["deliverables"]]


def test_payment_terms_are_optional():
    data = raw()
    del data["payment_terms"]
    assert parse_contract(data).payment_terms is None


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        for key in path[:-1]:
            data = data[key]
        data[path[-1]] = value

    return change


def _delete(path: tuple[Any, ...]) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        for key in path[:-1]:
            data = data[key]
        del data[path[-1]]

    return change


def _double(table: str) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        data[table].append(dict(data[table][0]))

    return change


BROKEN = [
    (_delete(("sla",)), "file: missing 'sla'"),
    (_delete(("categories", 0, "kind")), "category: missing 'kind'"),
    (_double("categories"), "categories: duplicate code"),
    (_set(("categories", 0, "kind"), "robot"), "category kiosk: unknown kind 'robot'"),
    (_delete(("locations", 0, "name")), "location: missing 'name'"),
    (_delete(("line_items", 0, "unit")), "line item 1: missing 'unit'"),
    (_set(("line_items", 0, "category"), "nope"), "line item 1: unknown category 'nope'"),
    (
        _set(("line_items", 0, "category"), "application_system"),
        "line item 1: category 'application_system' is not of kind device",
    ),
    (_set(("line_items", 0, "quantity"), 5), "line item 1: 4 devices listed, the contract says 5"),
    (
        _set(("line_items", 0, "devices", 1, "location"), "屋顶"),
        "line item 1: unknown location '屋顶'",
    ),
    (_delete(("line_items", 0, "devices", 1, "code")), "line item 1: missing 'code'"),
    (
        _set(("systems", 0, "category"), "kiosk"),
        "system SYS-FX: category 'kiosk' is not of kind system",
    ),
    (_delete(("systems", 0, "category")), "system SYS-FX: missing 'category'"),
    (_set(("systems", 0, "location"), "屋顶"), "system SYS-FX: unknown location '屋顶'"),
    (_delete(("websites", 0, "url")), "website WEB-XFB: missing 'url'"),
    (
        _set(("websites", 0, "category"), "kiosk"),
        "website WEB-XFB: category 'kiosk' is not of kind website",
    ),
    (_set(("websites", 0, "location"), "屋顶"), "website WEB-XFB: unknown location '屋顶'"),
    (_set(("systems", 1, "code"), "XF-KIOSK-02"), "duplicate asset codes: XF-KIOSK-02"),
    (_set(("payments", 0, "amount_cny"), "-1"), "payment: negative amount"),
    (_set(("payments", 1, "due"), "soon"), "payment: 'soon' is not a date"),
    (_delete(("payment_terms", "funds_clause")), "payment_terms: missing 'funds_clause'"),
    (_delete(("deliverables", 0, "key")), "deliverable: missing 'key'"),
    (_delete(("contract", "title")), "contract: missing 'title'"),
    (_set(("contract", "start"), "soon"), "contract.start: 'soon' is not a date"),
    (_delete(("sla", "restore_minutes")), "sla: missing 'restore_minutes'"),
    (_set(("penalties", "late_rate_per_day"), "x"), "penalties: 'x' is not an amount"),
    (_set(("payments", 0, "amount_cny"), "1.00"), "payments do not add up to the contract total"),
]


@pytest.mark.parametrize(("change", "message"), BROKEN, ids=[m for _, m in BROKEN])
def test_a_broken_file_is_refused_naming_what_is_wrong(change, message):
    data = raw()
    change(data)
    with pytest.raises(ContractDataError, match=f"^{re.escape(message)}$"):
        parse_contract(data)


def test_the_earlier_step_is_reported_first():
    data = raw()
    _set(("payments", 0, "amount_cny"), "-1")(data)
    _set(("websites", 0, "location"), "屋顶")(data)
    _set(("line_items", 0, "quantity"), 5)(data)
    _set(("categories", 0, "kind"), "robot")(data)
    steps = [
        "category kiosk: unknown kind 'robot'",
        "line item 1: 4 devices listed, the contract says 5",
        "website WEB-XFB: unknown location '屋顶'",
        "payment: negative amount",
    ]
    fixes = [
        _set(("categories", 0, "kind"), "device"),
        _set(("line_items", 0, "quantity"), 4),
        _delete(("websites", 0, "location")),
        _set(("payments", 0, "amount_cny"), "276250.00"),
    ]
    for message, fix in zip(steps, fixes, strict=True):
        with pytest.raises(ContractDataError, match=f"^{re.escape(message)}$"):
            parse_contract(data)
        fix(data)
    assert parse_contract(data).number == "ZHSWZX-2026-007"
