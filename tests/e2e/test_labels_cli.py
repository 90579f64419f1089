"""``workbench labels`` end to end: from the store to a PDF that scans back."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from tests import tooling
from workbench.cli import main
from workbench.data.store import Store


def _pages(path: Path) -> list[Image.Image]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return [page.render(scale=300 / 72).to_pil().convert("L") for page in pdf]
    finally:
        pdf.close()


def test_all_devices(store: Store, db_path: Path, tmp_path: Path) -> None:
    zbar = tooling.pyzbar()
    store.dispose()
    out = tmp_path / "l.pdf"
    assert main(["labels", "--all", "-o", str(out), "--db", str(db_path)]) == 0
    qr: Counter[str] = Counter()
    bars: Counter[str] = Counter()
    zbar_bars: Counter[str] = Counter()
    zbar_qr: Counter[str] = Counter()
    for image in _pages(out):
        for r in zxingcpp.read_barcodes(image):
            counter = qr if r.format == zxingcpp.BarcodeFormat.QRCode else bars
            counter[r.text] += 1
        # zbar reads the whole page too: every QR and every Code128 on the sheet
        zbar_bars.update(
            r.data.decode() for r in zbar.decode(image, symbols=[zbar.ZBarSymbol.CODE128])
        )
        zbar_qr.update(
            r.data.decode() for r in zbar.decode(image, symbols=[zbar.ZBarSymbol.QRCODE])
        )
    assert len(qr) == 74
    assert all(n == 1 for n in qr.values())
    assert qr == bars == zbar_bars == zbar_qr, (qr - zbar_qr, zbar_qr - qr, qr - zbar_bars)
    assert all(code.startswith("XF-") for code in qr)
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "市信访办" in text
    assert "华为 Box600 超高清视频会" in text


def test_chosen_codes_thermal(store: Store, db_path: Path, tmp_path: Path) -> None:
    store.dispose()
    out = tmp_path / "t.pdf"
    argv = ["labels", "xf-ws-02", "WEB-XFB", "--layout", "thermal-50x30", "-o", str(out)]
    assert main([*argv, "--db", str(db_path)]) == 0
    found = [[r.text for r in zxingcpp.read_barcodes(image)] for image in _pages(out)]
    assert found == [["XF-WS-02", "XF-WS-02"], ["WEB-XFB", "WEB-XFB"]]


def test_unknown_codes_are_named(
    store: Store, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store.dispose()
    out = tmp_path / "x.pdf"
    argv = ["labels", "XF-KIOSK-01", "XF-NOPE-9", "ZZ-1", "-o", str(out), "--db", str(db_path)]
    assert main([*argv, "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "XF-NOPE-9" in err
    assert "ZZ-1" in err
    assert "XF-KIOSK-01" not in err
    assert not out.exists()
    assert main(["labels", "-o", str(out), "--db", str(db_path), "--lang", "zh_CN"]) == 2
    assert "--all" in capsys.readouterr().err
