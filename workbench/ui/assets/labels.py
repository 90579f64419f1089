"""Printing asset labels from the GUI: choose a layout, render off the GUI thread, preview."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QWidget

from workbench import i18n
from workbench.ui.common.context import AppContext

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def _layout_names() -> dict[str, str]:
    return {
        "a4-3x8": QCoreApplication.translate("labels", "A4 sheet, 3 × 8 labels"),
        "a4-2x7": QCoreApplication.translate("labels", "A4 sheet, 2 × 7 labels"),
        "thermal-50x30": QCoreApplication.translate("labels", "Label printer, 50 × 30 mm"),
    }


def print_labels(ctx: AppContext, parent: QWidget, codes: Sequence[str] | None) -> None:
    """Labels for ``codes`` (or every device in service): pick a layout, then preview."""
    names = _layout_names()
    choice, ok = QInputDialog.getItem(
        parent,
        QCoreApplication.translate("labels", "Print labels"),
        QCoreApplication.translate("labels", "Label stock:"),
        list(names.values()),
        0,
        False,
    )
    if not ok:
        return
    layout = next(key for key, name in names.items() if name == choice)
    wanted = list(codes) if codes else None

    def render(session: Session) -> bytes:
        from workbench.reports.labels import labels_pdf
        from workbench.services.labels import label_docs

        return labels_pdf(label_docs(session, wanted), layout, i18n.translate)

    def show(pdf: bytes) -> None:
        from workbench.ui.common.printing import preview_pdfs

        preview_pdfs(parent, [pdf], QCoreApplication.translate("labels", "Asset labels"))

    ctx.messages.note(QCoreApplication.translate("labels", "Preparing labels…"))
    ctx.read(parent, "labels", render, show)
