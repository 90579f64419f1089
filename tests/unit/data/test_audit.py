"""The audit trail: written with every change in the same transaction, hash-chained,
verifiable, filterable and exportable; secrets never in it."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import delete, func, select, text, update

from workbench.data.audit import REDACTED_MARK
from workbench.data.models import Asset, Engineer, Location, Signature
from workbench.data.models.audit import AuditLog
from workbench.data.models.base import utcnow
from workbench.data.store import Store
from workbench.services.audit import (
    AuditFilter,
    count_entries,
    export_entries,
    list_entries,
    verify_audit_chain,
)


def _rows(store: Store, **where: str) -> list[AuditLog]:
    with store.transaction() as s:
        stmt = select(AuditLog).order_by(AuditLog.seq)
        for key, value in where.items():
            stmt = stmt.where(getattr(AuditLog, key) == value)
        rows = list(s.scalars(stmt))
        s.expunge_all()
        return rows


def test_loading_the_contract_is_audited(store: Store) -> None:
    inserts = _rows(store, table_name="asset", action="insert")
    assert len(inserts) == 83
    assert {r.actor for r in inserts} == {"test"}
    first = json.loads(inserts[0].new_values)
    assert first["code"]
    assert first["version"] == 1
    assert inserts[0].old_values == "{}"


def test_update_and_delete_record_old_and_new_values(store: Store) -> None:
    with store.transaction("王工") as s:
        asset = s.scalars(select(Asset).where(Asset.code == "XF-KIOSK-01")).one()
        asset_id = asset.id
        asset.notes = "屏幕更换"
        asset.status = "repair"
    with store.transaction("李工") as s:
        s.delete(s.get_one(Asset, asset_id))
    rows = _rows(store, record_id=asset_id)
    assert [r.action for r in rows] == ["insert", "update", "delete"]
    upd = rows[1]
    assert upd.actor == "王工"
    assert json.loads(upd.old_values) == {"notes": "", "status": "in_use"}
    assert json.loads(upd.new_values) == {"notes": "屏幕更换", "status": "repair", "version": 2}
    deleted = rows[2]
    assert deleted.actor == "李工"
    assert json.loads(deleted.old_values)["notes"] == "屏幕更换"
    assert deleted.new_values == "{}"
    assert rows[0].at <= rows[1].at <= rows[2].at <= utcnow()


def test_a_rolled_back_change_leaves_no_audit_row(store: Store) -> None:
    before = len(_rows(store))

    def cancelled_edit() -> None:
        with store.transaction("x") as s:
            s.add(Location(name="临时"))
            s.flush()
            raise RuntimeError("the user cancelled")

    with pytest.raises(RuntimeError):
        cancelled_edit()
    assert len(_rows(store)) == before
    with store.transaction() as s:
        assert verify_audit_chain(s).ok


def test_secrets_are_not_in_the_trail(store: Store) -> None:
    with store.transaction("admin") as s:
        eng = Engineer(name="张三", pin_hash="pbkdf2$secret-hash-of-1234")
        s.add(eng)
        s.flush()
        s.add(
            Signature(
                record_type="work_order",
                record_id="x" * 36,
                role="engineer",
                signer_name="张三",
                engineer_id=eng.id,
                signed_at=utcnow(),
                strokes=[[[0.271828, 0.2], [0.314159, 0.4]]],
            )
        )
    with store.transaction("admin") as s:
        s.scalars(select(Engineer)).one().pin_hash = "pbkdf2$another-secret"
    with store.transaction() as s:
        everything = " ".join(r.old_values + r.new_values for r in s.scalars(select(AuditLog)))
    assert "secret" not in everything
    assert "0.314159" not in everything
    assert "0.271828" not in everything
    assert f'"pin_hash":"{REDACTED_MARK}"' in everything
    assert '"strokes":"sha256:' in everything


def test_chain_verifies_and_names_a_tampered_row(store: Store) -> None:
    with store.transaction("王工") as s:
        s.add(Location(name="审计测试间"))
    with store.transaction() as s:
        report = verify_audit_chain(s)
        assert report.ok
        assert report.checked == count_entries(s) > 90
        target = s.scalars(select(AuditLog).where(AuditLog.table_name == "location")).first()
        assert target is not None
        seq = target.seq
    # Someone edits a row behind the workbench's back.
    with store.transaction() as s:
        s.execute(
            update(AuditLog)
            .where(AuditLog.seq == seq)
            .values(new_values=text("replace(new_values, 'name', 'nmae')"))
        )
    with store.transaction() as s:
        report = verify_audit_chain(s)
    assert not report.ok
    assert [p.seq for p in report.problems] == [seq]
    assert "altered" in report.problems[0].message.render()


def test_chain_names_removed_rows(store: Store) -> None:
    with store.transaction() as s:
        s.execute(delete(AuditLog).where(AuditLog.seq.in_([10, 11])))
    with store.transaction() as s:
        report = verify_audit_chain(s)
    assert not report.ok
    assert {p.seq for p in report.problems} == {12}
    texts = [p.message.render() for p in report.problems]
    assert any("10 to 11 are missing" in t for t in texts)


def test_filters_and_pages(store: Store) -> None:
    with store.transaction("王工") as s:
        s.add(Location(name="三楼机房"))
    with store.transaction() as s:
        mine = list_entries(s, AuditFilter(actor="王工"))
        assert len(mine) == 1
        assert mine[0].table_name == "location"
        assert list_entries(s, AuditFilter(text="三楼机房"))[0].seq == mine[0].seq
        assert count_entries(s, AuditFilter(table_name="asset", action="insert")) == 83
        page = list_entries(s, AuditFilter(table_name="asset"), offset=80, limit=10)
        assert len(page) == 3
        newest = list_entries(s, limit=1)[0]
        assert newest.seq == s.scalar(select(func.max(AuditLog.seq)))


def test_export_csv_and_xlsx(store: Store, tmp_path: Path) -> None:
    from workbench import i18n

    i18n.load("zh_CN")
    with store.transaction("=cmd|' /C calc'!A0") as s:  # a hostile user name
        s.add(Location(name="导出测试"))
    with store.transaction() as s:
        n_csv = export_entries(s, tmp_path / "audit.csv", translate=i18n.translate)
        n_xlsx = export_entries(
            s, tmp_path / "audit.xlsx", AuditFilter(table_name="location"), i18n.translate
        )
        total = count_entries(s)
    assert n_csv == total
    raw = (tmp_path / "audit.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads it as UTF-8
    with (tmp_path / "audit.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][:3] == ["序号", "时间", "操作人"]
    assert len(rows) == total + 1
    assert "导出测试" in rows[-1][7]
    assert rows[-1][5] == "新建"
    assert rows[-1][2] == "'=cmd|' /C calc'!A0"  # a quote first: Excel shows it as text
    book = load_workbook(tmp_path / "audit.xlsx")
    sheet = book["审计记录"]
    values = list(sheet.iter_rows(values_only=True))
    assert len(values) == n_xlsx + 1
    last = values[-1]
    assert last[2] == "=cmd|' /C calc'!A0"  # kept as text, not a formula
    assert sheet.cell(row=len(values), column=3).data_type == "s"
    book.close()
