"""The contract as plain data: terms, SLA, penalties, payments, inventory.

Read from a TOML file in ``resources/contract``; validated here so that a broken data
file is refused with a message naming what is wrong, before anything reaches the store.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from workbench.domain.assets import ASSET_KINDS, Category
from workbench.domain.datafiles import read_toml


class ContractDataError(ValueError):
    """The contract data file is malformed."""


# How days of delay are counted (八、1 "每延期一日"), as the data file names the readings:
# whole days of delay (24 h late is 1 day, 23 h 59 min is 0) or every begun day.
WHOLE_DAYS = "whole_days"
BEGUN_DAYS = "begun_days"
DAY_RULES = (WHOLE_DAYS, BEGUN_DAYS)
# More than ``late_cap_days`` late: the over-cap amount replaces the daily one, once.
OVER_CAP_RULES = ("replaces_daily_once",)
# Terms stored before the late-entry allowance was a term: the house's 10 minutes.
_STORED_SLA_WITHOUT_ENTRY = {"late_entry_minutes": 10}
# Terms stored before the day rule was a term of the data file carry no rule; they are read
# as the contract's text is (whole days, 八、1). Only ``penalties_from_terms`` uses this.
_STORED_TERMS_WITHOUT_RULE = {
    "day_rule": WHOLE_DAYS,
    "day_rule_clause": "八、1",
    "over_cap_rule": "replaces_daily_once",
    # Stored before 八、5 was a term: read as the contract's text is (20% of the total).
    "rectification_rate": "0.20",
    "rectification_clause": "八、5",
}


@dataclass(frozen=True)
class SlaTerms:
    response_minutes: int
    onsite_minutes: int
    restore_minutes: int
    late_entry_minutes: int  # a time entered later than this after its event is 补录


@dataclass(frozen=True)
class PenaltyTerms:
    late_rate_per_day: Decimal
    late_cap_days: int
    late_over_cap_rate: Decimal
    defect_rate: Decimal
    confidentiality_rate: Decimal
    ip_rate: Decimal
    day_rule: str  # WHOLE_DAYS | BEGUN_DAYS: how the configured penalty counts days
    day_rule_clause: str  # the clause the rule rests on ("八、1")
    over_cap_rule: str  # "replaces_daily_once"
    # 八、5: not rectified within the time the client set (甲方指定的时间): this rate of
    # the total (0: the file states none).
    rectification_rate: Decimal = Decimal("0")
    rectification_clause: str = ""


@dataclass(frozen=True)
class Payment:
    seq: int
    description: str
    amount_cny: Decimal
    due: dt.date | None
    condition: str
    after_condition_working_days: int | None = None  # due this many working days after it


@dataclass(frozen=True)
class PaymentTerms:
    """四、3 / 四、4: invoice first; the reading of a late invoice; funds not yet arrived."""

    invoice_working_days: int
    invoice_clause: str
    funds_clause: str


@dataclass(frozen=True)
class Deliverable:
    key: str
    name: str
    name_en: str
    every: str | None
    per_site: bool
    minimum: int | None
    notice_days: int | None
    clause: str
    notice_months: int | None = None


@dataclass(frozen=True)
class Location:
    name: str
    name_en: str


@dataclass(frozen=True)
class AssetSpec:
    """One asset the contract covers, as the data file lists it."""

    code: str
    name: str
    kind: str
    category: str
    line_item: int | None
    model: str
    location: str
    url: str = ""
    notes: str = ""


@dataclass(frozen=True)
class LineItem:
    no: int
    name: str
    unit: str
    quantity: int
    category: str
    model: str


@dataclass(frozen=True)
class Contract:
    number: str
    title: str
    title_en: str
    client_name: str
    client_short: str
    client_address: str
    client_contact: str
    client_phone: str
    client_representative: str
    contractor_name: str
    contractor_short: str
    contractor_address: str
    contractor_contact: str
    contractor_phone: str
    signed_on: dt.date
    start: dt.date
    end: dt.date
    timezone: str
    total_cny: Decimal
    net_cny: Decimal
    tax_cny: Decimal
    tax_rate: Decimal
    sla: SlaTerms
    penalties: PenaltyTerms
    payment_terms: PaymentTerms | None = None
    payments: tuple[Payment, ...] = ()
    deliverables: tuple[Deliverable, ...] = ()
    locations: tuple[Location, ...] = ()
    categories: tuple[Category, ...] = ()
    line_items: tuple[LineItem, ...] = ()
    assets: tuple[AssetSpec, ...] = field(default=())
    # The contract's own words for the clauses that paper cites: (clause, text), e.g.
    # ("八、1", "乙方应严格遵守提供服务的时限，…"). Quoted as written, never translated.
    clauses: tuple[tuple[str, str], ...] = ()

    @property
    def devices(self) -> tuple[AssetSpec, ...]:
        return tuple(a for a in self.assets if a.kind == "device")

    def terms_dict(self) -> dict[str, Any]:
        """The terms as JSON-ready values, for storing beside the contract row."""
        return {
            "sla": {
                "response_minutes": self.sla.response_minutes,
                "onsite_minutes": self.sla.onsite_minutes,
                "restore_minutes": self.sla.restore_minutes,
                "late_entry_minutes": self.sla.late_entry_minutes,
            },
            "penalties": {
                "late_rate_per_day": str(self.penalties.late_rate_per_day),
                "late_cap_days": self.penalties.late_cap_days,
                "late_over_cap_rate": str(self.penalties.late_over_cap_rate),
                "defect_rate": str(self.penalties.defect_rate),
                "confidentiality_rate": str(self.penalties.confidentiality_rate),
                "ip_rate": str(self.penalties.ip_rate),
                "day_rule": self.penalties.day_rule,
                "day_rule_clause": self.penalties.day_rule_clause,
                "over_cap_rule": self.penalties.over_cap_rule,
                "rectification_rate": str(self.penalties.rectification_rate),
                "rectification_clause": self.penalties.rectification_clause,
            },
            "deliverables": [
                {
                    "key": d.key,
                    "name": d.name,
                    "name_en": d.name_en,
                    "every": d.every,
                    "per_site": d.per_site,
                    "minimum": d.minimum,
                    "notice_days": d.notice_days,
                    "notice_months": d.notice_months,
                    "clause": d.clause,
                }
                for d in self.deliverables
            ],
            "clauses": dict(self.clauses),
        }


def sla_from_terms(terms: dict[str, Any]) -> SlaTerms:
    sla = terms["sla"]
    return SlaTerms(
        response_minutes=int(sla["response_minutes"]),
        onsite_minutes=int(sla["onsite_minutes"]),
        restore_minutes=int(sla["restore_minutes"]),
        late_entry_minutes=int(
            sla.get("late_entry_minutes", _STORED_SLA_WITHOUT_ENTRY["late_entry_minutes"])
        ),
    )


def clauses_from_terms(terms: dict[str, Any]) -> dict[str, str]:
    """The quoted clauses of stored terms (none in a store made before they were data)."""
    raw = terms.get("clauses") or {}
    return {str(k): str(v) for k, v in raw.items()} if isinstance(raw, dict) else {}


def penalties_from_terms(terms: dict[str, Any]) -> PenaltyTerms:
    p = dict(_STORED_TERMS_WITHOUT_RULE) | terms["penalties"]
    if p["day_rule"] not in DAY_RULES:
        raise ContractDataError(f"stored terms: unknown day rule '{p['day_rule']}'")
    if p["over_cap_rule"] not in OVER_CAP_RULES:
        raise ContractDataError(f"stored terms: unknown over-cap rule '{p['over_cap_rule']}'")
    return PenaltyTerms(
        late_rate_per_day=Decimal(p["late_rate_per_day"]),
        late_cap_days=int(p["late_cap_days"]),
        late_over_cap_rate=Decimal(p["late_over_cap_rate"]),
        defect_rate=Decimal(p["defect_rate"]),
        confidentiality_rate=Decimal(p["confidentiality_rate"]),
        ip_rate=Decimal(p["ip_rate"]),
        day_rule=str(p["day_rule"]),
        day_rule_clause=str(p["day_rule_clause"]),
        over_cap_rule=str(p["over_cap_rule"]),
        rectification_rate=Decimal(p["rectification_rate"]),
        rectification_clause=str(p["rectification_clause"]),
    )


def _req(table: dict[str, Any], key: str, where: str) -> Any:
    if key not in table:
        raise ContractDataError(f"{where}: missing '{key}'")
    return table[key]


def _money(value: Any, where: str) -> Decimal:
    try:
        amount = Decimal(str(value))
    except InvalidOperation as exc:
        raise ContractDataError(f"{where}: '{value}' is not an amount") from exc
    if amount < 0:
        raise ContractDataError(f"{where}: negative amount")
    return amount


def _choice(table: dict[str, Any], key: str, allowed: tuple[str, ...], where: str) -> str:
    value = str(_req(table, key, where))
    if value not in allowed:
        raise ContractDataError(f"{where}: {key} '{value}' is not one of " + ", ".join(allowed))
    return value


def _optional_int(table: dict[str, Any], key: str) -> int | None:
    return int(table[key]) if key in table else None


def _date(value: Any, where: str) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    raise ContractDataError(f"{where}: '{value}' is not a date")


def _parse_categories(data: dict[str, Any]) -> tuple[Category, ...]:
    categories = tuple(
        Category(
            code=str(_req(t, "code", "category")),
            name=str(_req(t, "name", "category")),
            name_en=str(t.get("name_en", "")),
            kind=str(_req(t, "kind", "category")),
            inspection_interval_days=_optional_int(t, "inspection_interval_days"),
        )
        for t in data.get("categories", [])
    )
    if len({cat.code for cat in categories}) != len(categories):
        raise ContractDataError("categories: duplicate code")
    for cat in categories:
        if cat.kind not in ASSET_KINDS:
            raise ContractDataError(f"category {cat.code}: unknown kind '{cat.kind}'")
    return categories


def _parse_locations(data: dict[str, Any]) -> tuple[Location, ...]:
    return tuple(
        Location(name=str(_req(t, "name", "location")), name_en=str(t.get("name_en", "")))
        for t in data.get("locations", [])
    )


@dataclass(frozen=True)
class _References:
    """The categories and locations an asset of the file may name."""

    categories: dict[str, Category]
    location_names: frozenset[str]

    def check_category(self, code: str, kind: str, where: str) -> None:
        if code not in self.categories:
            raise ContractDataError(f"{where}: unknown category '{code}'")
        if self.categories[code].kind != kind:
            raise ContractDataError(f"{where}: category '{code}' is not of kind {kind}")

    def check_location(self, name: str, where: str) -> None:
        if name and name not in self.location_names:
            raise ContractDataError(f"{where}: unknown location '{name}'")


def _parse_line_item(t: dict[str, Any], refs: _References) -> tuple[LineItem, list[AssetSpec]]:
    """One line item of the price list and the devices the file lists under it."""
    where = f"line item {t.get('no')}"
    item = LineItem(
        no=int(_req(t, "no", where)),
        name=str(_req(t, "name", where)),
        unit=str(_req(t, "unit", where)),
        quantity=int(_req(t, "quantity", where)),
        category=str(_req(t, "category", where)),
        model=str(t.get("model", "")),
    )
    refs.check_category(item.category, "device", where)
    devices = t.get("devices", [])
    if len(devices) != item.quantity:
        raise ContractDataError(
            f"{where}: {len(devices)} devices listed, the contract says {item.quantity}"
        )
    assets: list[AssetSpec] = []
    for d in devices:
        refs.check_location(str(d.get("location", "")), where)
        assets.append(
            AssetSpec(
                code=str(_req(d, "code", where)),
                name=item.name,
                kind="device",
                category=item.category,
                line_item=item.no,
                model=str(d.get("model", item.model)),
                location=str(d.get("location", "")),
                notes=str(d.get("notes", "")),
            )
        )
    return item, assets


def _parse_system(t: dict[str, Any], refs: _References) -> AssetSpec:
    where = f"system {t.get('code')}"
    refs.check_category(str(_req(t, "category", where)), "system", where)
    refs.check_location(str(t.get("location", "")), where)
    return AssetSpec(
        code=str(_req(t, "code", where)),
        name=str(_req(t, "name", where)),
        kind="system",
        category=str(t["category"]),
        line_item=None,
        model=str(t.get("model", "")),
        location=str(t.get("location", "")),
        notes=str(t.get("notes", "")),
    )


def _parse_website(t: dict[str, Any], refs: _References) -> AssetSpec:
    where = f"website {t.get('code')}"
    website = AssetSpec(
        code=str(_req(t, "code", where)),
        name=str(_req(t, "name", where)),
        kind="website",
        category=str(t.get("category", "website")),
        line_item=None,
        model="",
        location=str(t.get("location", "互联网")),
        url=str(_req(t, "url", where)),
        notes=str(t.get("notes", "")),
    )
    refs.check_category(website.category, "website", where)
    refs.check_location(website.location, where)
    return website


def _parse_inventory(
    data: dict[str, Any], refs: _References
) -> tuple[tuple[LineItem, ...], tuple[AssetSpec, ...]]:
    """The line items with their devices, then the systems and the websites."""
    line_items: list[LineItem] = []
    assets: list[AssetSpec] = []
    for t in data.get("line_items", []):
        item, devices = _parse_line_item(t, refs)
        assets.extend(devices)
        line_items.append(item)
    assets.extend(_parse_system(t, refs) for t in data.get("systems", []))
    assets.extend(_parse_website(t, refs) for t in data.get("websites", []))
    codes = [a.code for a in assets]
    dupes = sorted({code for code in codes if codes.count(code) > 1})
    if dupes:
        raise ContractDataError("duplicate asset codes: " + ", ".join(dupes))
    return tuple(line_items), tuple(assets)


def _parse_payments(data: dict[str, Any]) -> tuple[Payment, ...]:
    return tuple(
        Payment(
            seq=int(_req(t, "seq", "payment")),
            description=str(_req(t, "description", "payment")),
            amount_cny=_money(_req(t, "amount_cny", "payment"), "payment"),
            due=_date(t["due"], "payment") if "due" in t else None,
            condition=str(t.get("condition", "")),
            after_condition_working_days=_optional_int(t, "after_condition_working_days"),
        )
        for t in data.get("payments", [])
    )


def _parse_payment_terms(data: dict[str, Any]) -> PaymentTerms | None:
    pt = data.get("payment_terms")
    if pt is None:
        return None
    return PaymentTerms(
        invoice_working_days=int(_req(pt, "invoice_working_days", "payment_terms")),
        invoice_clause=str(_req(pt, "invoice_clause", "payment_terms")),
        funds_clause=str(_req(pt, "funds_clause", "payment_terms")),
    )


def _parse_clauses(data: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    table = data.get("clauses", {})
    if not isinstance(table, dict):
        raise ContractDataError("clauses: expected a table of clause = text")
    result = []
    for key, text in table.items():
        if not isinstance(text, str) or not text.strip():
            raise ContractDataError(f"clauses.{key}: expected the clause's text")
        result.append((str(key), text.strip()))
    return tuple(result)


def _parse_deliverables(data: dict[str, Any]) -> tuple[Deliverable, ...]:
    return tuple(
        Deliverable(
            key=str(_req(t, "key", "deliverable")),
            name=str(_req(t, "name", "deliverable")),
            name_en=str(t.get("name_en", "")),
            every=t.get("every"),
            per_site=bool(t.get("per_site", False)),
            minimum=_optional_int(t, "minimum"),
            notice_days=_optional_int(t, "notice_days"),
            clause=str(t.get("clause", "")),
            notice_months=_optional_int(t, "notice_months"),
        )
        for t in data.get("deliverables", [])
    )


def _parse_sla(sla: dict[str, Any]) -> SlaTerms:
    return SlaTerms(
        response_minutes=int(_req(sla, "response_minutes", "sla")),
        onsite_minutes=int(_req(sla, "onsite_minutes", "sla")),
        restore_minutes=int(_req(sla, "restore_minutes", "sla")),
        late_entry_minutes=int(_req(sla, "late_entry_minutes", "sla")),
    )


def _parse_penalties(pen: dict[str, Any]) -> PenaltyTerms:
    return PenaltyTerms(
        late_rate_per_day=_money(_req(pen, "late_rate_per_day", "penalties"), "penalties"),
        late_cap_days=int(_req(pen, "late_cap_days", "penalties")),
        late_over_cap_rate=_money(_req(pen, "late_over_cap_rate", "penalties"), "penalties"),
        defect_rate=_money(pen.get("defect_rate", "0"), "penalties"),
        confidentiality_rate=_money(pen.get("confidentiality_rate", "0"), "penalties"),
        ip_rate=_money(pen.get("ip_rate", "0"), "penalties"),
        day_rule=_choice(pen, "day_rule", DAY_RULES, "penalties"),
        day_rule_clause=str(_req(pen, "day_rule_clause", "penalties")),
        over_cap_rule=_choice(pen, "over_cap_rule", OVER_CAP_RULES, "penalties"),
        rectification_rate=_money(pen.get("rectification_rate", "0"), "penalties"),
        rectification_clause=str(pen.get("rectification_clause", "")),
    )


def parse_contract(data: dict[str, Any]) -> Contract:
    """Build a validated :class:`Contract` from the parsed TOML tables."""
    c = _req(data, "contract", "file")
    sla = _req(data, "sla", "file")
    pen = _req(data, "penalties", "file")
    categories = _parse_categories(data)
    locations = _parse_locations(data)
    refs = _References(
        categories={cat.code: cat for cat in categories},
        location_names=frozenset(loc.name for loc in locations),
    )
    line_items, assets = _parse_inventory(data, refs)
    payments = _parse_payments(data)
    payment_terms = _parse_payment_terms(data)
    deliverables = _parse_deliverables(data)
    contract = Contract(
        number=str(_req(c, "number", "contract")),
        title=str(_req(c, "title", "contract")),
        title_en=str(c.get("title_en", "")),
        client_name=str(_req(c, "client_name", "contract")),
        client_short=str(c.get("client_short", c["client_name"])),
        client_address=str(c.get("client_address", "")),
        client_contact=str(c.get("client_contact", "")),
        client_phone=str(c.get("client_phone", "")),
        client_representative=str(c.get("client_representative", "")),
        contractor_name=str(_req(c, "contractor_name", "contract")),
        contractor_short=str(c.get("contractor_short", c["contractor_name"])),
        contractor_address=str(c.get("contractor_address", "")),
        contractor_contact=str(c.get("contractor_contact", "")),
        contractor_phone=str(c.get("contractor_phone", "")),
        signed_on=_date(_req(c, "signed_on", "contract"), "contract.signed_on"),
        start=_date(_req(c, "start", "contract"), "contract.start"),
        end=_date(_req(c, "end", "contract"), "contract.end"),
        timezone=str(c.get("timezone", "Asia/Shanghai")),
        total_cny=_money(_req(c, "total_cny", "contract"), "contract.total_cny"),
        net_cny=_money(c.get("net_cny", "0"), "contract.net_cny"),
        tax_cny=_money(c.get("tax_cny", "0"), "contract.tax_cny"),
        tax_rate=_money(c.get("tax_rate", "0"), "contract.tax_rate"),
        sla=_parse_sla(sla),
        penalties=_parse_penalties(pen),
        payment_terms=payment_terms,
        payments=payments,
        deliverables=deliverables,
        locations=locations,
        categories=categories,
        line_items=line_items,
        assets=assets,
        clauses=_parse_clauses(data),
    )
    if contract.end < contract.start:
        raise ContractDataError("contract: end before start")
    if sum((p.amount_cny for p in payments), Decimal(0)) not in (Decimal(0), contract.total_cny):
        raise ContractDataError("payments do not add up to the contract total")
    return contract


def load_contract(path: Path) -> Contract:
    data = read_toml(path, ContractDataError)
    return parse_contract(data)
