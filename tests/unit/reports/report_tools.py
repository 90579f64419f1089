"""Reading printed documents back: text, rendered pages, decoded codes."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pypdfium2 as pdfium
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from tests import tooling

DPI = 300


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def page_texts(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def render_pages(data: bytes, dpi: int = DPI) -> Iterator[Image.Image]:
    pdf = pdfium.PdfDocument(data)
    try:
        for page in pdf:
            yield page.render(scale=dpi / 72).to_pil().convert("L")
    finally:
        pdf.close()


def zxing_codes(image: Image.Image) -> tuple[list[str], list[str]]:
    """(QR texts, Code128 texts) that zxing-cpp finds in the image."""
    qr: list[str] = []
    code128: list[str] = []
    for result in zxingcpp.read_barcodes(image):
        if result.format == zxingcpp.BarcodeFormat.QRCode:
            qr.append(result.text)
        elif result.format == zxingcpp.BarcodeFormat.Code128:
            code128.append(result.text)
    return qr, code128


def zbar_codes(image: Image.Image) -> tuple[list[str], list[str]]:
    """(QR texts, Code128 texts) that zbar finds in the image."""
    zbar = tooling.pyzbar()
    qr = [r.data.decode("ascii") for r in zbar.decode(image, symbols=[zbar.ZBarSymbol.QRCODE])]
    code128 = [
        r.data.decode("ascii") for r in zbar.decode(image, symbols=[zbar.ZBarSymbol.CODE128])
    ]
    return qr, code128


def crop_points(
    image: Image.Image,
    page_height: float,
    box: tuple[float, float, float, float],
    dpi: int = DPI,
) -> Image.Image:
    """The part of a rendered page inside ``box`` = (x, y, w, h) in PDF points, y up."""
    s = dpi / 72
    x, y, w, h = box
    return image.crop(
        (int(x * s), int((page_height - y - h) * s), int((x + w) * s), int((page_height - y) * s))
    )
