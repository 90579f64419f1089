"""Printing through a real CUPS queue: the app's print path, a cups-pdf printer, the output.

The queue is a cups-pdf printer (``.ci/cups.sh`` makes it; ``.ci/run`` calls that), so a
job goes the whole way a real one does: Qt's CUPS print plugin, the spooler, CUPS's
filters (which lay out the copies), and a PDF at the end that is read back here: its pages
counted, its QR code decoded. Without the queue these tests skip, and in CI
(``WORKBENCH_REQUIRE_TOOLS=1``) they fail.
"""

from __future__ import annotations

import dataclasses
import io
import subprocess
import time
import uuid
from pathlib import Path

import pypdf
import pytest
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from pytestqt.qtbot import QtBot

from tests import tooling
from tests.unit.reports.report_samples import HASH, work_order
from tests.unit.reports.report_tools import render_pages, zxing_codes
from workbench.domain.scancodes import record_payload
from workbench.reports.workorder import workorder_pdf
from workbench.ui.common import printing

MAX_SPOOL_PER_PAGE = 1024 * 1024  # issue 21: at most 1 MB of spool a page
JOB_TIMEOUT = 120.0


@pytest.fixture
def queue() -> str:
    name = tooling.need_cups_queue()
    info = QPrinterInfo.printerInfo(name)
    assert not info.isNull(), f"Qt does not see the CUPS queue {name} (no CUPS print plugin?)"
    return name


def completed_jobs(queue: str) -> dict[str, int]:
    """``{job id: size in bytes}`` of the queue's completed jobs (CUPS counts in KiB)."""
    result = subprocess.run(
        ["lpstat", "-W", "completed", "-o", queue], capture_output=True, text=True, check=True
    )
    jobs = {}
    for line in result.stdout.splitlines():
        fields = line.split()
        if len(fields) >= 3 and fields[2].isdigit():
            jobs[fields[0]] = int(fields[2])
    return jobs


def wait_for_output(queue: str, token: str, before: set[str]) -> tuple[Path, int]:
    """The cups-pdf file whose name carries ``token`` and the job's spool size."""
    deadline = time.monotonic() + JOB_TIMEOUT
    out = Path(tooling.CUPS_OUT)
    while time.monotonic() < deadline:
        new = {job: size for job, size in completed_jobs(queue).items() if job not in before}
        files = [p for p in out.glob("*.pdf") if token in p.name]
        # cups-pdf writes the file, then the job completes. The job is known by its count
        # (lpstat shows no titles), so another program printing to the same queue could
        # complete first: the file must also be whole (its PDF trailer written).
        if new and files and files[0].read_bytes().rstrip().endswith(b"%%EOF"):
            assert len(new) == 1, f"expected one new job, got {sorted(new)}"
            return files[0], next(iter(new.values()))
        time.sleep(0.2)
    log = Path("/var/log/cups/error_log")
    tail = log.read_text(errors="replace")[-2000:] if log.exists() else "(no CUPS error log)"
    pytest.fail(f"no output for job {token} on {queue} within {JOB_TIMEOUT} s\n{tail}")


def printer_for(queue: str, title: str, copies: int = 1) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPrinterName(queue)
    printer.setOutputFormat(QPrinter.OutputFormat.NativeFormat)
    printer.setDocName(title)
    printer.setCopyCount(copies)
    printer.setCollateCopies(True)
    return printer


def orders(count: int) -> list[tuple[str, bytes]]:
    """``count`` signed work orders (number, PDF), each with its own number in its QR."""
    made = []
    for n in range(count):
        number = f"WO-2026-{137 + n:04d}"
        doc = dataclasses.replace(work_order(), number=number)
        made.append((number, workorder_pdf(doc)))
    return made


def print_job(queue: str, pdfs: list[bytes], copies: int = 1) -> tuple[Path, int, int, float]:
    """Print through ``print_pdfs``; (output file, spool bytes, pages drawn, seconds)."""
    token = f"wb{uuid.uuid4().hex[:12]}"
    before = set(completed_jobs(queue))
    printer = printer_for(queue, token, copies)
    assert printer.isValid()
    start = time.perf_counter()
    drawn = printing.print_pdfs(None, pdfs, token, printer=printer, ask=False)
    seconds = time.perf_counter() - start
    path, spool = wait_for_output(queue, token, before)
    return path, spool, drawn, seconds


def qr_payloads(path: Path) -> list[list[str]]:
    """The QR texts found on each page of the printed output, rendered at 300 dpi."""
    return [zxing_codes(page)[0] for page in render_pages(path.read_bytes(), dpi=300)]


def test_a_work_order_prints_through_cups_and_its_qr_scans_back(
    qtbot: QtBot, queue: str, capsys: pytest.CaptureFixture[str]
) -> None:
    ((number, pdf),) = orders(1)
    pages = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
    path, spool, drawn, seconds = print_job(queue, [pdf], copies=2)
    assert drawn == pages  # Qt hands the copies to CUPS, which lays them out
    printed = qr_payloads(path)
    assert len(printed) == 2 * pages, "two copies of every page"
    payload = record_payload("work_order", number, HASH)
    # the QR stands on the first page of each copy
    assert printed[0] == [payload]
    assert printed[pages] == [payload]
    assert spool <= MAX_SPOOL_PER_PAGE * pages, f"{spool} bytes of spool for {pages} pages"
    with capsys.disabled():
        print(
            f"\ncups: 1 work order, {pages} pages x 2 copies: {spool / pages / 1024:.0f} KiB "
            f"spool a page, {seconds:.2f} s to spool"
        )


def test_a_batch_of_ten_work_orders_is_one_job_in_order(
    qtbot: QtBot, queue: str, capsys: pytest.CaptureFixture[str]
) -> None:
    batch = orders(10)
    counts = [len(pypdf.PdfReader(io.BytesIO(pdf)).pages) for _n, pdf in batch]
    path, spool, drawn, seconds = print_job(queue, [pdf for _n, pdf in batch])
    total = sum(counts)
    assert drawn == total
    printed = qr_payloads(path)
    assert len(printed) == total
    # each order's QR on its first page, in the batch's order
    firsts = [sum(counts[:i]) for i in range(len(batch))]
    found = [printed[i] for i in firsts]
    assert found == [[record_payload("work_order", n, HASH)] for n, _pdf in batch]
    assert spool <= MAX_SPOOL_PER_PAGE * total, f"{spool} bytes of spool for {total} pages"
    with capsys.disabled():
        print(
            f"\ncups: 10 work orders, {total} pages: {spool / total / 1024:.0f} KiB spool a "
            f"page, {spool / 1024 / 1024:.1f} MiB in all, {seconds:.2f} s to spool"
        )
