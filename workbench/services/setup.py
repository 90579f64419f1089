"""Creating and filling a store from the contract's data file.

Idempotent: loading the same contract twice changes nothing. Assets already in the
store are never overwritten (the registry is the engineers' to correct); only missing
ones are added.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.config import resource_path
from workbench.data.models import Asset, AssetCategory, Contract, Location, PaymentMilestone
from workbench.domain.contract import Contract as ContractData
from workbench.domain.contract import load_contract

DEFAULT_CONTRACT_FILE = "ZHSWZX-2026-007.toml"


def default_contract_path() -> Path:
    return resource_path("contract", DEFAULT_CONTRACT_FILE)


@dataclass(frozen=True)
class LoadResult:
    contract: str
    created: dict[str, int]

    @property
    def changed(self) -> bool:
        return any(self.created.values())


def load_contract_into(session: Session, data: ContractData, source: str = "") -> LoadResult:
    created = {"contract": 0, "payments": 0, "locations": 0, "categories": 0, "assets": 0}
    contract = session.scalar(select(Contract).where(Contract.number == data.number))
    if contract is None:
        contract = Contract(
            number=data.number,
            title=data.title,
            client_name=data.client_name,
            client_short=data.client_short,
            contractor_name=data.contractor_name,
            start_date=data.start,
            end_date=data.end,
            total_cny=data.total_cny,
            details={
                "title_en": data.title_en,
                "client_address": data.client_address,
                "client_contact": data.client_contact,
                "client_phone": data.client_phone,
                "client_representative": data.client_representative,
                "contractor_short": data.contractor_short,
                "contractor_address": data.contractor_address,
                "contractor_contact": data.contractor_contact,
                "contractor_phone": data.contractor_phone,
                "signed_on": data.signed_on.isoformat(),
                "timezone": data.timezone,
                "net_cny": str(data.net_cny),
                "tax_cny": str(data.tax_cny),
                "tax_rate": str(data.tax_rate),
            },
            terms=data.terms_dict(),
            source_file=source,
        )
        session.add(contract)
        session.flush()
        created["contract"] = 1
    existing_payments = {p.seq for p in contract.payments}
    for p in data.payments:
        if p.seq not in existing_payments:
            session.add(
                PaymentMilestone(
                    contract_id=contract.id,
                    seq=p.seq,
                    description=p.description,
                    amount_cny=p.amount_cny,
                    due_date=p.due,
                    condition=p.condition,
                )
            )
            created["payments"] += 1

    locations = {loc.name: loc for loc in session.scalars(select(Location))}
    for loc in data.locations:
        if loc.name not in locations:
            new_location = Location(name=loc.name, name_en=loc.name_en)
            session.add(new_location)
            locations[loc.name] = new_location
            created["locations"] += 1

    categories = {cat.code: cat for cat in session.scalars(select(AssetCategory))}
    for order, cat in enumerate(data.categories):
        if cat.code not in categories:
            row = AssetCategory(
                code=cat.code,
                name=cat.name,
                name_en=cat.name_en,
                kind=cat.kind,
                inspection_interval_days=cat.inspection_interval_days,
                sort_order=order,
            )
            session.add(row)
            categories[cat.code] = row
            created["categories"] += 1
    session.flush()

    have = set(session.scalars(select(Asset.code)))
    for spec in data.assets:
        if spec.code in have:
            continue
        session.add(
            Asset(
                code=spec.code,
                kind=spec.kind,
                name=spec.name,
                category_id=categories[spec.category].id,
                contract_id=contract.id,
                line_item=spec.line_item,
                model=spec.model,
                location_id=locations[spec.location].id if spec.location else None,
                url=spec.url,
                notes=spec.notes,
            )
        )
        created["assets"] += 1
    session.flush()
    return LoadResult(contract=data.number, created=created)


def load_default_contract(session: Session, path: Path | None = None) -> LoadResult:
    path = path or default_contract_path()
    return load_contract_into(session, load_contract(path), source=path.name)


def prepare(session: Session, *, load_contract: bool = True) -> LoadResult | None:
    """What every opening of a store does: the contract (on first start, or always with
    ``load_contract``) and the checklists in their current versions."""
    from workbench.services.checklists import sync_checklists

    result = None
    if load_contract or current_contract(session) is None:
        result = load_default_contract(session)
    sync_checklists(session)
    return result


def current_contract(session: Session) -> Contract | None:
    """The contract in force: the newest by start date."""
    return session.scalar(select(Contract).order_by(Contract.start_date.desc()).limit(1))
