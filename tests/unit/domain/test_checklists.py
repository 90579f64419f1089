"""Checklists as data: every category's file loads, and values are judged right."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from fontTools.ttLib import TTCollection

from workbench.config import resource_path
from workbench.domain import checklists
from workbench.domain.checklists import ChecklistDataError, evaluate, load_checklists
from workbench.domain.contract import load_contract
from workbench.domain.messages import WorkbenchError


@pytest.fixture(scope="module")
def all_checklists() -> dict[str, checklists.Checklist]:
    return load_checklists(resource_path("checklists"))


def test_every_contract_category_has_a_checklist(all_checklists: dict[str, Any]) -> None:
    contract = load_contract(resource_path("contract", "ZHSWZX-2026-007.toml"))
    assert set(all_checklists) == {c.code for c in contract.categories}
    for checklist in all_checklists.values():
        assert checklist.version >= 1
        assert len(checklist.items) >= 5, checklist.category
        for item in checklist.items:
            assert item.text, (checklist.category, item.key)
            assert item.text_en, (checklist.category, item.key)


def test_file_cabinet_covers_the_terminal_parts(all_checklists: dict[str, Any]) -> None:
    text = " ".join(i.text for i in all_checklists["file_cabinet"].items)
    for part in ("主控机", "柜门", "锁", "指示灯", "条码扫描枪", "控制组件", "客户端", "数据库"):
        assert part in text


def test_every_printed_character_has_a_glyph(all_checklists: dict[str, Any]) -> None:
    font = TTCollection(str(resource_path("fonts", "wqy-microhei.ttc"))).fonts[0]
    cmap, glyf = font.getBestCmap(), font["glyf"]
    chars: set[str] = set()
    for checklist in all_checklists.values():
        chars |= set(checklist.title)
        for item in checklist.items:
            chars |= set(item.text + item.unit + item.limits_text())
            for choice in item.choices:
                chars |= set(choice.text)
    missing = [
        ch
        for ch in sorted(chars)
        if not ch.isspace() and (ord(ch) not in cmap or glyf[cmap[ord(ch)]].numberOfContours == 0)
    ]
    assert missing == []


def test_check_values(all_checklists: dict[str, Any]) -> None:
    item = all_checklists["kiosk"].item("printer")
    assert evaluate(item, "pass").passed is True
    assert evaluate(item, "fail").passed is False
    assert evaluate(item, "na").passed is None
    with pytest.raises(WorkbenchError):
        evaluate(item, "maybe")


def test_number_limits(all_checklists: dict[str, Any]) -> None:
    disk = all_checklists["workstation"].item("disk_usage")  # <= 85 %
    assert disk.limits_text() == "≤ 85%"
    assert evaluate(disk, "85").passed is True
    assert evaluate(disk, "85.5").passed is False
    assert evaluate(disk, "42,5").number == 42.5
    assert evaluate(disk, "").passed is None  # not measured
    with pytest.raises(WorkbenchError):
        evaluate(disk, "forty")
    cert = all_checklists["website"].item("certificate_days")  # >= 30 days
    assert evaluate(cert, "29").passed is False
    assert evaluate(cert, "30").passed is True
    assert cert.limits_text("en") == "≥ 30 days"
    loss = all_checklists["video_conference"].item("packet_loss")
    assert loss.limits_text() == "0–1%"
    assert evaluate(loss, "-1").passed is False


def test_temperatures_use_degree_sign(all_checklists: dict[str, Any]) -> None:
    units = {i.unit for c in all_checklists.values() for i in c.items}
    assert "°C" in units
    assert "℃" not in "".join(units)


def test_choice_and_text(all_checklists: dict[str, Any]) -> None:
    paper = all_checklists["kiosk"].item("paper")
    assert checklists.default_value(paper) == "enough"
    assert evaluate(paper, "refilled").passed is True
    assert evaluate(paper, "empty").passed is False
    with pytest.raises(WorkbenchError):
        evaluate(paper, "lots")
    version = all_checklists["video_conference"].item("firmware")
    assert evaluate(version, " V600R022 ").value == "V600R022"
    assert evaluate(version, "").passed is None


def test_defaults_all_pass_and_last_numbers(all_checklists: dict[str, Any]) -> None:
    ws = all_checklists["workstation"]
    values = checklists.default_values(ws, {"disk_usage": "61", "cpu_temperature": "bad"})
    assert values["disk_usage"] == "61"
    assert values["cpu_temperature"] == ""
    results = checklists.evaluate_all(ws, values)
    assert checklists.failures(results) == []
    assert all(r.passed in (True, None) for r in results)
    with pytest.raises(WorkbenchError):
        checklists.evaluate_all(ws, {"no_such_item": "pass"})


def test_round_trip_and_hash(all_checklists: dict[str, Any]) -> None:
    for checklist in all_checklists.values():
        again = checklists.parse_checklist(checklist.to_dict())
        assert again == checklist
        assert again.content_hash() == checklist.content_hash()
    kiosk = all_checklists["kiosk"].to_dict()
    kiosk["items"][0]["text"] += "！"
    assert (
        checklists.parse_checklist(kiosk).content_hash() != all_checklists["kiosk"].content_hash()
    )


def _base() -> dict[str, Any]:
    return {
        "format": 1,
        "category": "x",
        "version": 1,
        "title": "t",
        "items": [{"key": "a", "kind": "check", "text": "A"}],
    }


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(version=0), "version"),
        (lambda d: d.update(format=2), "format"),
        (lambda d: d.update(items=[]), "no items"),
        (lambda d: d["items"].append({"key": "a", "kind": "check", "text": "B"}), "duplicate"),
        (lambda d: d["items"][0].update(kind="photo"), "kind"),
        (lambda d: d["items"][0].update(unit="%"), "only number"),
        (
            lambda d: d["items"].append(
                {"key": "t", "kind": "number", "text": "T", "unit": "℃", "high": 40}
            ),
            "°C",
        ),
        (
            lambda d: d["items"].append(
                {"key": "n", "kind": "number", "text": "N", "low": 5, "high": 1}
            ),
            "low limit",
        ),
        (
            lambda d: d["items"].append(
                {"key": "c", "kind": "choice", "text": "C", "choices": [{"key": "x", "text": "X"}]}
            ),
            "two choices",
        ),
    ],
)
def test_bad_data_is_refused(change: Any, message: str) -> None:
    data = copy.deepcopy(_base())
    change(data)
    with pytest.raises(ChecklistDataError, match=message):
        checklists.parse_checklist(data)
