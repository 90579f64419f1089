from collections import Counter

from sqlalchemy import func, select

from workbench.data.models import Asset, AssetCategory, Contract
from workbench.services.setup import load_default_contract


def test_contract_loaded_with_74_devices(store):
    with store.transaction() as s:
        devices = s.scalars(select(Asset).where(Asset.kind == "device")).all()
        per_item = Counter(a.line_item for a in devices)
        assert len(devices) == 74
        assert [per_item[i] for i in range(1, 16)] == [4, 8, 8, 8, 8, 3, 3, 3, 13, 4, 4, 4, 1, 1, 2]
        websites = s.scalars(select(Asset).where(Asset.kind == "website")).all()
        assert {w.url for w in websites} == {
            "https://xfb.beijing.gov.cn",
            "https://szxx.beijing.gov.cn",
            "https://wsxf.xfb.beijing.gov.cn",
            "https://wsxf.xfb.beijing.gov.cn/wsxf/",
            "https://bjxfgk.xfb.beijing.gov.cn",
        }
        contract = s.scalar(select(Contract))
        assert contract is not None
        assert contract.terms["sla"]["response_minutes"] == 30
        assert sum(p.amount_cny for p in contract.payments) == contract.total_cny


def test_loading_twice_changes_nothing(store):
    with store.transaction() as s:
        before = s.scalar(select(func.count()).select_from(Asset))
        result = load_default_contract(s)
        assert not result.changed
        assert s.scalar(select(func.count()).select_from(Asset)) == before
        assert s.scalar(select(func.count()).select_from(AssetCategory)) == 15
