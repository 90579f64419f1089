"""Errors reach the user as plain Chinese sentences, never as a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench import i18n
from workbench.data.store import DiskFullError
from workbench.domain.messages import QT_TRANSLATE_NOOP, WorkbenchError
from workbench.ui.common.messages import MessageBridge


def test_user_and_storage_errors_are_shown_in_chinese(qapp, zh, tmp_path: Path):
    bridge = MessageBridge()
    shown: list[tuple[str, str, str]] = []
    bridge.sink = lambda level, title, text: shown.append((level, title, text))
    bridge.exception(WorkbenchError(QT_TRANSLATE_NOOP("messages", "The file is empty.")))
    bridge.exception(DiskFullError(db_path=tmp_path / "wb.sqlite3"))
    assert [level for level, _t, _x in shown] == ["error", "error"]
    assert shown[0][2] == "文件是空的。"
    assert "磁盘已满" in shown[1][2]
    assert shown[0][1] == i18n.translate("MessageBridge", "Error") == "错误"


def test_a_bug_is_not_swallowed(qapp):
    bridge = MessageBridge()
    bridge.sink = lambda *args: None
    with pytest.raises(ZeroDivisionError):
        bridge.exception(ZeroDivisionError("bug"))
