"""Asset labels scan back: every page rendered at 300 dpi, both codes decoded on the whole
page (zxing-cpp and zbar) and label by label (zbar)."""

from __future__ import annotations

from collections import Counter

import pytest
from report_samples import LABELS
from report_tools import (
    crop_points,
    pdf_text,
    render_pages,
    zbar_codes,
    zxing_codes,
)
from reportlab.lib.units import mm

from workbench.domain.contract import load_contract
from workbench.domain.documents import LabelDoc
from workbench.reports.labels import LAYOUTS, fit_lines, labels_pdf, wrap_text
from workbench.reports.pdfkit import Translate, fit_code128, styles
from workbench.services.setup import default_contract_path


def contract_labels() -> list[LabelDoc]:
    contract = load_contract(default_contract_path())
    return [
        LabelDoc(a.code, a.name, contract.client_short, a.location)
        for a in contract.assets
        if a.kind == "device"
    ]


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_every_device_label_scans_back_once(layout: str, zh: Translate) -> None:
    labels = contract_labels()
    assert len(labels) == 74
    spec = LAYOUTS[layout]
    data = labels_pdf(labels, layout, zh)
    want = Counter(label.code for label in labels)
    qr_all: Counter[str] = Counter()
    bar_all: Counter[str] = Counter()
    zbar_qr: Counter[str] = Counter()
    zbar_bars: Counter[str] = Counter()
    pages = list(render_pages(data))
    assert len(pages) == -(-len(labels) // spec.per_page)
    for page_no, image in enumerate(pages):
        # zxing-cpp and zbar read the whole page, as a sheet scanner sees it.
        qr, bars = zxing_codes(image)
        qr_all.update(qr)
        bar_all.update(bars)
        qr, bars = zbar_codes(image)
        zbar_qr.update(qr)
        zbar_bars.update(bars)
        # zbar reads each label as a hand scanner sees it: exactly its own code, both ways.
        for slot in range(spec.per_page):
            index = page_no * spec.per_page + slot
            if index >= len(labels):
                break
            x, y = spec.origin(slot)
            cell = crop_points(image, spec.page[1], (x, y, spec.width, spec.height))
            code = labels[index].code
            assert zbar_codes(cell) == ([code], [code]), (layout, code)
    assert qr_all == want
    assert bar_all == want
    # every code exactly once: none missed, none read twice
    assert zbar_qr == want, (layout, want - zbar_qr, zbar_qr - want)
    assert zbar_bars == want, (layout, want - zbar_bars, zbar_bars - want)


def test_label_text(zh: Translate) -> None:
    text = pdf_text(labels_pdf(LABELS, "a4-2x7", zh))
    for label in LABELS:
        assert label.code in text
        assert label.location in text
    assert "市信访办" in text
    assert "信访自助一体机" in text
    assert "位置：" in text


def test_long_names_are_wrapped_and_cut_to_the_label() -> None:
    font = styles().font
    name = "华为 CloudLink Mic500 麦克风 " * 6
    size, lines = fit_lines(name, font, 40 * mm, 12 * mm, (10, 8, 6.5))
    assert size == 6.5
    assert lines[-1].endswith("…")
    assert len(lines) * size * 1.2 <= 12 * mm
    # Latin words stay whole when they fit a line.
    assert "CloudLink" in " ".join(wrap_text("华为 CloudLink Mic500 麦克风", font, 9, 30 * mm))


def test_skip_leaves_used_positions_empty() -> None:
    spec = LAYOUTS["a4-3x8"]
    data = labels_pdf(LABELS[:2], "a4-3x8", skip=5)
    image = next(render_pages(data))
    for slot, expected in (
        (4, ([], [])),
        (5, ([LABELS[0].code],) * 2),
        (6, ([LABELS[1].code],) * 2),
    ):
        x, y = spec.origin(slot)
        cell = crop_points(image, spec.page[1], (x, y, spec.width, spec.height))
        assert zbar_codes(cell) == expected


def test_code128_is_sized_to_its_cell() -> None:
    fit = fit_code128("XF-KIOSK-01", 45 * mm, 8 * mm)
    assert fit.width <= 45 * mm
    assert 0.17 * mm <= fit.x <= 0.34 * mm
    wide = fit_code128("XF-KIOSK-01", 200 * mm, 8 * mm)
    assert wide.x == pytest.approx(0.34 * mm)
    with pytest.raises(ValueError, match="too long"):
        fit_code128("XF-" + "A" * 60, 45 * mm, 8 * mm)
    with pytest.raises(ValueError, match="ASCII"):
        fit_code128("设备-01", 45 * mm, 8 * mm)


def test_unknown_layout_is_refused() -> None:
    with pytest.raises(ValueError, match="a4-3x8"):
        labels_pdf(LABELS, "letter-5x2")
