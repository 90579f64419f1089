"""Previewing, printing and saving PDF documents.

Documents are PDF bytes made by ``workbench.reports``. To print them, their pages are
rasterised with pypdfium2 and drawn onto a ``QPrinter`` through Qt's print preview and
print dialogs. The preview renders at a screen resolution and keeps the rendered pages
in a cache keyed by page and resolution; a real print job renders at the printer's
resolution (capped, see :data:`MAX_PRINT_DPI`) in horizontal bands, so that a high-resolution
page never needs one huge bitmap.

Several PDFs (a batch of signed work orders) print as one job, pages in order. "Save as
PDF" writes the original vector PDF (merged, for a batch), never a rasterised copy.

pdfium is not thread-safe: everything here runs on the GUI thread.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PySide6.QtCore import QCoreApplication, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QPageSize, QPaintEngine, QPainter
from PySide6.QtPrintSupport import (
    QAbstractPrintDialog,
    QPrintDialog,
    QPrinter,
    QPrintPreviewDialog,
    QPrintPreviewWidget,
)
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog, QWidget

from workbench.domain.datafiles import write_whole
from workbench.ui import savefile
from workbench.ui.common.screens import fit_to_screen

log = logging.getLogger("workbench.ui.printing")

PREVIEW_DPI = 150  # sharp enough to read the preview at 100% zoom
PREVIEW_DPI_LARGE = 96  # for long batches, to keep the preview's memory in bounds
LARGE_BATCH_PAGES = 12
MAX_PRINT_DPI = 300  # A4 at 300 dpi: 2480 x 3508 pixels; text and QR codes stay crisp
BAND_PIXELS = 1024  # rows per band when rendering for a printer
CACHE_BYTES = 192 * 1024 * 1024
POINTS_PER_INCH = 72.0


class PdfPages:
    """The pages of one or more PDFs, in order, rasterised on demand."""

    def __init__(self, pdfs: Sequence[bytes], cache_bytes: int = CACHE_BYTES) -> None:
        self._docs = [pdfium.PdfDocument(data) for data in pdfs]
        self._index: list[tuple[int, int]] = [
            (d, p) for d, doc in enumerate(self._docs) for p in range(len(doc))
        ]
        self._cache: OrderedDict[tuple[int, int], QImage] = OrderedDict()
        self._cache_bytes = cache_bytes
        self._cached = 0
        self.renders = 0  # pages actually rasterised (not served from the cache)

    def __len__(self) -> int:
        return len(self._index)

    def close(self) -> None:
        self._cache.clear()
        self._cached = 0
        for doc in self._docs:
            doc.close()
        self._docs.clear()
        self._index.clear()

    def size_points(self, index: int) -> QSizeF:
        d, p = self._index[index]
        width, height = self._docs[d].get_page_size(p)
        return QSizeF(width, height)

    def _pixel_size(self, index: int, dpi: int) -> tuple[int, int]:
        size = self.size_points(index)
        scale = dpi / POINTS_PER_INCH
        return max(1, round(size.width() * scale)), max(1, round(size.height() * scale))

    def _render(self, index: int, dpi: int, top: int, rows: int, printing: bool) -> QImage:
        """Rows ``top .. top+rows`` of the page at ``dpi`` as an RGB32 image."""
        d, p = self._index[index]
        width, height = self._pixel_size(index, dpi)
        page = self._docs[d][p]
        try:
            bitmap = pdfium.PdfBitmap.new_native(width, rows, pdfium_c.FPDFBitmap_BGRx)
            bitmap.fill_rect((255, 255, 255, 255), 0, 0, width, rows)
            flags = pdfium_c.FPDF_ANNOT | (pdfium_c.FPDF_PRINTING if printing else 0)
            pdfium_c.FPDF_RenderPageBitmap(bitmap, page, 0, -top, width, height, 0, flags)
            image = QImage(bitmap.buffer, width, rows, bitmap.stride, QImage.Format.Format_RGB32)
            image = image.copy()  # own the pixels: the bitmap's buffer goes with it
        finally:
            page.close()
        image.setDotsPerMeterX(round(dpi / 0.0254))
        image.setDotsPerMeterY(round(dpi / 0.0254))
        self.renders += 1
        return image

    def image(self, index: int, dpi: int) -> QImage:
        """The whole page at ``dpi``, from the cache when it was rendered before."""
        key = (index, dpi)
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            return cached
        _width, height = self._pixel_size(index, dpi)
        image = self._render(index, dpi, 0, height, printing=False)
        self._cache[key] = image
        self._cached += image.sizeInBytes()
        while self._cached > self._cache_bytes and len(self._cache) > 1:
            _old, dropped = self._cache.popitem(last=False)
            self._cached -= dropped.sizeInBytes()
        return image

    def bands(self, index: int, dpi: int, rows: int = BAND_PIXELS) -> Iterator[tuple[int, QImage]]:
        """The page at ``dpi`` in horizontal bands: (first row, image). Not cached."""
        _width, height = self._pixel_size(index, dpi)
        for top in range(0, height, rows):
            yield top, self._render(index, dpi, top, min(rows, height - top), printing=True)


def is_preview(printer: QPrinter) -> bool:
    """Whether ``printer`` is painting for a print preview (not a real job)."""
    engine = printer.paintEngine()
    return engine is not None and engine.type() == QPaintEngine.Type.Picture


def pages_to_print(printer: QPrinter, count: int) -> list[int]:
    """Page indexes (0-based) the printer's range asks for, in order."""
    ranges = printer.pageRanges()
    if printer.printRange() == QPrinter.PrintRange.PageRange and not ranges.isEmpty():
        return [i for i in range(count) if ranges.contains(i + 1)]
    if printer.printRange() == QPrinter.PrintRange.CurrentPage:
        return [0] if count else []
    return list(range(count))


def copy_passes(printer: QPrinter, pages: list[int]) -> list[int]:
    """The pages in the order to draw them, copies included when the driver cannot copy."""
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    if copies == 1:
        return pages
    if printer.collateCopies():
        return pages * copies
    return [p for p in pages for _ in range(copies)]


def _target_rect(printer: QPrinter, page_points: QSizeF) -> QRectF:
    """Where a page goes on the paper, in device pixels: the paper, keeping the aspect."""
    paper = printer.paperRect(QPrinter.Unit.DevicePixel)
    scale = min(paper.width() / page_points.width(), paper.height() / page_points.height())
    width, height = page_points.width() * scale, page_points.height() * scale
    return QRectF(
        paper.x() + (paper.width() - width) / 2,
        paper.y() + (paper.height() - height) / 2,
        width,
        height,
    )


def paint_pages(
    printer: QPrinter,
    pages: PdfPages,
    *,
    progress: Callable[[int, int], bool] | None = None,
) -> int:
    """Draw the chosen pages onto ``printer``; returns how many pages were drawn.

    ``progress(done, total)`` is called before each page; returning False cancels.
    """
    order = copy_passes(printer, pages_to_print(printer, len(pages)))
    if not order:
        return 0
    preview = is_preview(printer)
    if preview:
        dpi = PREVIEW_DPI if len(pages) <= LARGE_BATCH_PAGES else PREVIEW_DPI_LARGE
    else:
        dpi = max(72, min(MAX_PRINT_DPI, printer.resolution()))
    printer.setFullPage(True)  # the PDF carries its own margins
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(QCoreApplication.translate("printing", "The printer could not be started."))
    drawn = 0
    try:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        for n, index in enumerate(order):
            if progress is not None and not progress(n, len(order)):
                printer.abort()
                break
            if n > 0 and not printer.newPage():
                raise OSError(
                    QCoreApplication.translate("printing", "The printer refused a new page.")
                )
            target = _target_rect(printer, pages.size_points(index))
            if preview:
                painter.drawImage(target, pages.image(index, dpi))
            else:
                _width, height = pages._pixel_size(index, dpi)
                scale = target.height() / height
                for top, band in pages.bands(index, dpi):
                    rect = QRectF(
                        target.x(),
                        target.y() + top * scale,
                        target.width(),
                        band.height() * scale,
                    )
                    painter.drawImage(rect, band)
            drawn += 1
    finally:
        painter.end()
    return drawn


def _printer_for(title: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setFullPage(True)
    return printer


def _paint_with_progress(parent: QWidget | None, printer: QPrinter, pages: PdfPages) -> int:
    if is_preview(printer):
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return paint_pages(printer, pages)
        finally:
            QApplication.restoreOverrideCursor()
    dialog = QProgressDialog(
        QCoreApplication.translate("printing", "Printing…"),
        QCoreApplication.translate("printing", "Cancel"),
        0,
        len(pages),
        parent,
    )
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)

    def step(done: int, total: int) -> bool:
        dialog.setMaximum(total)
        dialog.setValue(done)
        QApplication.processEvents()
        return not dialog.wasCanceled()

    try:
        return paint_pages(printer, pages, progress=step)
    finally:
        dialog.reset()
        dialog.deleteLater()


class PdfPrintPreview(QPrintPreviewDialog):
    """Qt's print preview over PDF pages; its print button prints at the printer's resolution."""

    def __init__(
        self,
        pdfs: Sequence[bytes],
        title: str = "",
        parent: QWidget | None = None,
        printer: QPrinter | None = None,
    ) -> None:
        self.printer_ = printer or _printer_for(title)
        super().__init__(self.printer_, parent)
        self.pages = PdfPages(pdfs)
        self.pages_painted = 0
        self.setWindowTitle(title or QCoreApplication.translate("printing", "Print preview"))
        self.paintRequested.connect(self._paint)
        self.finished.connect(lambda _result: self.pages.close())
        fit_to_screen(self, parent, QSize(900, 1000), share=0.9)

    def _paint(self, printer: QPrinter) -> None:
        try:
            self.pages_painted = _paint_with_progress(self, printer, self.pages)
        except OSError as exc:
            log.warning("printing failed: %s", exc)
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(
                self, QCoreApplication.translate("printing", "Printing failed"), str(exc)
            )

    def preview_widget(self) -> QPrintPreviewWidget:
        widget = self.findChild(QPrintPreviewWidget)
        assert widget is not None
        return widget


def preview_pdfs(parent: QWidget | None, pdfs: Sequence[bytes], title: str = "") -> PdfPrintPreview:
    """Open a print preview of ``pdfs`` (window-modal, not blocking); returns the dialog."""
    dialog = PdfPrintPreview(pdfs, title, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.open()
    return dialog


def print_pdfs(
    parent: QWidget | None,
    pdfs: Sequence[bytes],
    title: str = "",
    printer: QPrinter | None = None,
    *,
    ask: bool = True,
) -> int:
    """Print ``pdfs`` as one job; with ``ask`` the print dialog comes first.

    Returns the number of pages drawn (0 when the user cancelled).
    """
    printer = printer or _printer_for(title)
    pages = PdfPages(pdfs)
    try:
        if ask:
            dialog = QPrintDialog(printer, parent)
            dialog.setWindowTitle(title or QCoreApplication.translate("printing", "Print"))
            dialog.setMinMax(1, max(1, len(pages)))
            dialog.setOptions(
                QAbstractPrintDialog.PrintDialogOption.PrintPageRange
                | QAbstractPrintDialog.PrintDialogOption.PrintCollateCopies
                | QAbstractPrintDialog.PrintDialogOption.PrintToFile
                | QAbstractPrintDialog.PrintDialogOption.PrintShowPageSize
            )
            if dialog.exec() != QPrintDialog.DialogCode.Accepted:
                return 0
        return _paint_with_progress(parent, printer, pages)
    finally:
        pages.close()


def merge_pdfs(pdfs: Sequence[bytes]) -> bytes:
    """One PDF holding every page of ``pdfs`` in order (vector, as they were made)."""
    if len(pdfs) == 1:
        return bytes(pdfs[0])
    merged = pdfium.PdfDocument.new()
    sources = []
    try:
        for data in pdfs:
            source = pdfium.PdfDocument(data)
            sources.append(source)
            merged.import_pages(source)
        import io

        buffer = io.BytesIO()
        merged.save(buffer)
        return buffer.getvalue()
    finally:
        for source in sources:
            source.close()
        merged.close()


def save_pdf(
    parent: QWidget | None,
    pdfs: Sequence[bytes] | bytes,
    suggested_name: str,
    folder: Path | None = None,
) -> Path | None:
    """Ask where to save and write the PDF (several are merged). Returns the path or None."""
    data = merge_pdfs([pdfs] if isinstance(pdfs, bytes) else pdfs)
    start = str((folder or Path.home()) / suggested_name)
    name, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("printing", "Save as PDF"),
        start,
        QCoreApplication.translate("printing", "PDF documents (*.pdf)"),
    )
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() != ".pdf":
        path = path.with_suffix(".pdf")
    try:
        write_pdf(path, data)
    except OSError as exc:  # open in WPS or Acrobat, read-only, disk full: savefile.report
        raise savefile.WriteFailed(path, exc) from exc
    return path


def write_pdf(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` safely: a half-written file never replaces a good one,
    and a read-only one is not replaced (``PermissionError``)."""
    savefile.check_writable(path)
    write_whole(path, data)
