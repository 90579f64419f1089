"""The contract's words for the clauses paper cites are data (issue 18): the work order
quotes 一、6 and 五、5.2.2 for its time limits, 八、1 for late service, 五、5.2.3 for a
contractor-caused fault, from the contract file, never from code."""

from __future__ import annotations

import tomllib
from typing import Any

import pytest

from workbench.config import resource_path
from workbench.domain.contract import (
    ContractDataError,
    clauses_from_terms,
    load_contract,
    parse_contract,
)

CONTRACT_FILE = resource_path("contract", "ZHSWZX-2026-007.toml")


def raw() -> dict[str, Any]:
    with CONTRACT_FILE.open("rb") as fh:
        return tomllib.load(fh)


def test_the_shipped_file_quotes_the_clauses_the_work_order_cites() -> None:
    clauses = dict(load_contract(CONTRACT_FILE).clauses)
    assert set(clauses) >= {"一、6", "五、5.2.2", "八、1", "五、5.2.3"}
    assert clauses["一、6"].endswith("工程师提供 2 小时内现场响应服务。")
    assert (
        "乙方应保证在【30】分钟内响应请求，【2】小时内排除故障并恢复服务。" in clauses["五、5.2.2"]
    )
    assert (
        "每延期一日扣除合同总金额的千分之三作为违约金，超过十日仍未能提供服务的" in clauses["八、1"]
    )
    assert clauses["五、5.2.3"].endswith(
        "如乙方不能在甲方指定时间内修复的，乙方应延长相应的服务期限。"
    )


def test_the_stored_terms_carry_them_and_older_terms_have_none() -> None:
    contract = load_contract(CONTRACT_FILE)
    terms = contract.terms_dict()
    assert clauses_from_terms(terms) == dict(contract.clauses)
    del terms["clauses"]  # a store made before the clauses were data
    assert clauses_from_terms(terms) == {}


@pytest.mark.parametrize("bad", ["", "   ", 3])
def test_a_clause_without_its_text_is_refused(bad: object) -> None:
    data = raw()
    data["clauses"]["八、1"] = bad
    with pytest.raises(ContractDataError, match=r"^clauses\.八、1: expected the clause's text$"):
        parse_contract(data)
