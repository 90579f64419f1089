"""结束巡检 lists the devices left; an asset code never breaks at its hyphen ("XF-" at a
line's end, "KIOSK-01" on the next: issue 20, defect 8)."""

from __future__ import annotations

from PySide6.QtGui import QTextLayout, QTextOption
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from workbench.ui.inspections.dialogs import FinishRoundDialog

LEFT = [f"XF-{kind}-{n:02d}" for kind in ("KIOSK", "VRT", "DEC") for n in range(1, 5)]


def line_ends(label: QLabel, width: int) -> list[str]:
    """The last character of each line of ``label``'s text laid out at ``width``."""
    layout = QTextLayout(label.text(), label.font())
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    ends = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        text = label.text()[line.textStart() : line.textStart() + line.textLength()]
        ends.append(text.rstrip()[-1:] if text.strip() else "")
    layout.endLayout()
    return ends


def test_codes_do_not_break_at_their_hyphens(qtbot: QtBot) -> None:
    dialog = FinishRoundDialog("XJ-2026-0007", LEFT)
    qtbot.addWidget(dialog)
    (intro,) = [w for w in dialog.findChildren(QLabel) if "XF" in w.text()]
    for width in range(120, 420, 6):
        assert "-" not in line_ends(intro, width)[:-1], width
    # Still the codes to read (the joiners around the hyphen are invisible).
    assert "XF\u2060-\u2060KIOSK\u2060-\u206001" in intro.text()
