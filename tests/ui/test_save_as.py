""" "Save as" over a file that cannot be written: a plain message, the old file intact.

On Windows the usual case is a PDF or workbook still open in WPS, Acrobat or Excel
(``PermissionError``); here the target is a read-only file, which every platform refuses
the same way (``savefile.check_writable``).
"""

from __future__ import annotations

import dataclasses
import stat
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtWidgets import QFileDialog

from tests.unit.reports.report_samples import work_order
from workbench.reports.workorder import workorder_pdf
from workbench.ui import savefile
from workbench.ui.common import printing

OLD = b"the copy open in WPS"


@pytest.fixture
def pdf() -> bytes:
    return workorder_pdf(dataclasses.replace(work_order(), number="WO-2026-0421"))


def read_only(path: Path, content: bytes = OLD) -> Path:
    path.write_bytes(content)
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    return path


def choose(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """The user picks ``path`` in the save dialog."""
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(path), ""))
    )


def errors(messages: list[tuple[str, str, str]]) -> list[tuple[str, str]]:
    return [(title, text) for level, title, text in messages if level == "error"]


def test_reports_view_save_over_a_read_only_pdf_says_so_plainly(  # noqa: PLR0917
    qtbot: Any,
    window: Any,
    messages: list[tuple[str, str, str]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    pdf: bytes,
    zh: None,
) -> None:
    view = window.show_view("reports")
    view.pdf = pdf  # as generate() leaves it
    target = read_only(tmp_path / "月报.pdf")
    choose(monkeypatch, target)
    view.save()  # before: PermissionError into the unexpected-error dialog
    assert errors(messages) == [
        (
            "保存失败",
            f"无法写入 {target}：该文件正被其他程序（WPS、Acrobat、Excel）打开，或者是只读的。"
            "请先在那个程序里关闭它，或另存为其他文件名。",
        )
    ]
    assert target.read_bytes() == OLD
    assert not list(tmp_path.glob("*.part"))

    messages.clear()
    writable = tmp_path / "月报-2.pdf"
    choose(monkeypatch, writable)
    view.save()
    assert errors(messages) == []
    assert writable.read_bytes() == pdf


def test_save_pdf_raises_write_failed_naming_the_chosen_file(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pdf: bytes
) -> None:
    target = read_only(tmp_path / "WO-2026-0421.pdf")
    choose(monkeypatch, tmp_path / "WO-2026-0421")  # the suffix is added
    with pytest.raises(savefile.WriteFailed) as raised:
        printing.save_pdf(None, [pdf, pdf], "WO-2026-0421.pdf")
    assert raised.value.path == target
    assert isinstance(raised.value.error, PermissionError)
    assert "WPS" in savefile.error_text(raised.value)
    assert str(target) in savefile.error_text(raised.value)
    assert target.read_bytes() == OLD


def test_other_write_errors_keep_their_reason(tmp_path: Path) -> None:
    missing = tmp_path / "no such folder" / "a.pdf"
    with pytest.raises(FileNotFoundError) as raised:
        printing.write_pdf(missing, b"%PDF-1.4")
    text = savefile.error_text(raised.value, missing)
    assert text.startswith(f"{missing} could not be written: ")
    assert "WPS" not in text


def test_assets_export_over_a_read_only_workbook_says_so_plainly(
    qtbot: Any, window: Any, messages: list[tuple[str, str, str]], tmp_path: Path
) -> None:
    view = window.show_view("assets")
    target = read_only(tmp_path / "设备清单.xlsx")
    view.export_to(target, None)  # before: the unexpected-error dialog
    window.ctx.tasks.wait()
    qtbot.waitUntil(lambda: bool(errors(messages)), timeout=10_000)
    ((title, text),) = errors(messages)
    assert title == "Saving failed"
    assert str(target) in text and "read-only" in text
    assert target.read_bytes() == OLD

    writable = tmp_path / "设备清单-2.xlsx"
    view.export_to(writable, None)
    window.ctx.tasks.wait()
    qtbot.waitUntil(lambda: writable.exists(), timeout=10_000)
    assert openpyxl.load_workbook(writable, read_only=True).worksheets


def test_audit_export_over_a_read_only_workbook_says_so_plainly(
    qtbot: Any, window: Any, messages: list[tuple[str, str, str]], tmp_path: Path
) -> None:
    from tests.ui.test_audit_view import open_view

    view = open_view(qtbot, window)
    target = read_only(tmp_path / "audit.xlsx")
    view.export(target)
    window.ctx.tasks.wait()
    qtbot.waitUntil(lambda: bool(errors(messages)), timeout=10_000)
    ((title, text),) = errors(messages)
    assert title == "Saving failed"
    assert str(target) in text and "read-only" in text
    assert target.read_bytes() == OLD
    assert view.export_button.isEnabled()
