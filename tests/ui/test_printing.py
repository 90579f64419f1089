"""Printing PDFs: pages rendered with pdfium onto a QPrinter, preview, ranges, batches."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QImage, QPageRanges
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from workbench.ui.common import printing


def make_pdf(tag: str, pages: int) -> bytes:
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    for n in range(pages):
        c.setFont("Helvetica-Bold", 48)
        c.drawString(72, 700, f"{tag}-{n + 1}")
        c.rect(36, 36, A4[0] - 72, A4[1] - 72, fill=0)
        c.showPage()
    c.save()
    return buffer.getvalue()


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def dark_fraction(image: QImage) -> float:
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    dark = total = 0
    for y in range(0, gray.height(), 4):
        for x in range(0, gray.width(), 4):
            total += 1
            if gray.pixel(x, y) & 0xFF < 128:
                dark += 1
    return dark / total


def printed_ink(path: Path) -> list[float]:
    """For each page of a printed PDF, the fraction of dark pixels."""
    doc = pdfium.PdfDocument(str(path))
    try:
        fractions = []
        for page in doc:
            pixels = page.render(scale=50 / 72, grayscale=True).to_numpy()
            fractions.append(float((pixels < 128).mean()))
            page.close()
        return fractions
    finally:
        doc.close()


def test_batch_prints_every_page_of_every_pdf_in_one_job(qtbot: QtBot, tmp_path: Path) -> None:
    out = tmp_path / "job.pdf"
    printer = pdf_printer(out)
    drawn = printing.print_pdfs(
        None, [make_pdf("A", 2), make_pdf("B", 1)], printer=printer, ask=False
    )
    assert drawn == 3
    reader = pypdf.PdfReader(out)
    assert len(reader.pages) == 3
    # every printed page carries ink (the frame and the big label), none is blank
    assert all(f > 0.001 for f in printed_ink(out))


def test_page_ranges_and_copies_are_honoured(qtbot: QtBot, tmp_path: Path) -> None:
    out = tmp_path / "range.pdf"
    printer = pdf_printer(out)
    ranges = QPageRanges()
    ranges.addRange(2, 3)
    printer.setPageRanges(ranges)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    pages = printing.PdfPages([make_pdf("A", 4)])
    try:
        assert printing.pages_to_print(printer, len(pages)) == [1, 2]
        printer.setCopyCount(2)
        if printer.supportsMultipleCopies():
            assert printing.copy_passes(printer, [1, 2]) == [1, 2]
        else:
            printer.setCollateCopies(True)
            assert printing.copy_passes(printer, [1, 2]) == [1, 2, 1, 2]
            printer.setCollateCopies(False)
            assert printing.copy_passes(printer, [1, 2]) == [1, 1, 2, 2]
        printer.setCopyCount(1)
        assert printing.paint_pages(printer, pages) == 2
    finally:
        pages.close()
    assert len(pypdf.PdfReader(out).pages) == 2


def test_page_images_are_cached_by_page_and_resolution(qtbot: QtBot) -> None:
    pages = printing.PdfPages([make_pdf("A", 2)])
    try:
        first = pages.image(0, 100)
        assert (first.width(), first.height()) == (round(A4[0] * 100 / 72), round(A4[1] * 100 / 72))
        assert pages.image(0, 100) is first
        assert pages.renders == 1
        pages.image(0, 50)
        pages.image(1, 100)
        assert pages.renders == 3
        assert dark_fraction(first) > 0.002
        # bands put together give the same picture as the whole page
        bands = list(pages.bands(0, 100, rows=97))
        assert sum(b.height() for _top, b in bands) == first.height()
        top, band = bands[1]
        assert top == 97
        assert band.copy(0, 0, band.width(), 10) == first.copy(0, 97, first.width(), 10)
    finally:
        pages.close()


def test_preview_renders_the_pages(qtbot: QtBot) -> None:
    dialog = printing.PdfPrintPreview([make_pdf("A", 2), make_pdf("B", 1)], "batch")
    qtbot.addWidget(dialog)
    QTimer.singleShot(0, dialog.accept)
    dialog.exec()
    assert dialog.pages_painted == 3
    assert dialog.preview_widget().pageCount() == 3


def test_merged_pdf_keeps_every_page_as_vector_text(tmp_path: Path) -> None:
    merged = printing.merge_pdfs([make_pdf("A", 2), make_pdf("B", 1)])
    reader = pypdf.PdfReader(io.BytesIO(merged))
    texts = [page.extract_text() for page in reader.pages]
    assert [t.strip() for t in texts] == ["A-1", "A-2", "B-1"]
    path = tmp_path / "x.pdf"
    printing.write_pdf(path, merged)
    assert path.read_bytes() == merged
    assert not (tmp_path / "x.pdf.part").exists()


@pytest.mark.parametrize("pages", [0])
def test_nothing_to_print(qtbot: QtBot, tmp_path: Path, pages: int) -> None:
    printer = pdf_printer(tmp_path / "none.pdf")
    assert printing.print_pdfs(None, [], printer=printer, ask=False) == pages
