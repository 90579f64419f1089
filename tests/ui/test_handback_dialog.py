"""The guided hand-back in 设置: export with progress, a warning listing what goes, both
signatures, the destruction, the record in the pack; nothing destroyed before signing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.helpers.stores import copy_store
from tests.ui.test_signature_pad import fill
from workbench import config
from workbench.config import Settings
from workbench.data.store import Store
from workbench.services import handback
from workbench.ui.common.signoff import SignOffDialog
from workbench.ui.settings.handback import HandbackDialog


@pytest.fixture
def demo_window(qtbot: Any, workbench_home: Path, demo_year_template: Path) -> Any:
    from workbench.app import create_main_window

    db = copy_store(demo_year_template, config.default_db_path())
    store = Store(f"sqlite:///{db}")
    win = create_main_window(store, Settings(), start_scanner=False)
    win.ctx.messages.sink = lambda *a: None
    qtbot.addWidget(win)
    yield win
    win.ctx.tasks.wait()
    win.close()
    store.dispose()


def test_export_sign_destroy(
    qtbot: Any, demo_window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = demo_window.show_view("settings")
    dialog = view.open_handback()
    assert isinstance(dialog, HandbackDialog)
    dialog.quit_after = False
    dialog.start_export()
    assert dialog.status.text() == "Choose a folder first."
    pack = tmp_path / "pack"
    dialog.folder.setText(str(pack))
    with qtbot.waitSignal(dialog.exported, timeout=120_000) as exported:
        dialog.start_export()
    assert exported.args[0] > 100 and handback.check_pack(pack) == []
    assert dialog.destroy_button.isEnabled()

    # The warning lists the files; cancelling it destroys nothing.
    seen: list[str] = []

    def cancel(box: QMessageBox) -> int:
        seen.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", cancel)
    dialog.confirm_destroy()
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert "workbench.sqlite3" in seen[0]
    assert config.default_db_path().exists()

    def go(box: QMessageBox) -> int:
        box.clickedButton = lambda: next(  # type: ignore[method-assign]
            b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
        )
        return 0

    monkeypatch.setattr(QMessageBox, "exec", go)
    dialog.confirm_destroy()
    qtbot.waitUntil(lambda: isinstance(getattr(dialog, "sign_dialog", None), SignOffDialog))
    sign: SignOffDialog = dialog.sign_dialog
    qtbot.waitUntil(lambda: sign.engineer_combo.count() > 0)
    sign.engineer_combo.setCurrentIndex(sign.engineer_combo.findText("张伟"))
    fill(sign, "260101", "于文浩")
    with qtbot.waitSignal(dialog.destroyed, timeout=60_000) as destroyed:
        sign.sign_button.click()
    assert Path(destroyed.args[0]).name == handback.RECORD_PDF
    assert not config.default_db_path().exists()
    assert [p for p in config.data_dir().rglob("*") if p.is_file()] == []
    assert handback.check_record(pack)
