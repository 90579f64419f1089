"""The year-end acceptance pack (验收材料): an index PDF and every signed record as a PDF.

:func:`acceptance_index_pdf` makes the index: the deliverables table (owed, delivered, late,
overdue; every obligation listed), the payment milestones, the SLA record of the contract
year with its breaches and exposure, inspections against schedule, the charts, and the
list of signed work orders and rounds that follow in the pack.

:func:`write_pack` writes the folder: ``00-index.pdf``, ``workorders/WO-….pdf`` and
``inspections/XJ-….pdf``, each made by the existing document functions from read models
the caller loads (``load_work_order(number)``, ``load_round(round_id)``). ``progress(done,
total, name)`` is called before each file; it may raise to cancel, and a cancelled or
failed pack leaves no half-written file behind.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from reportlab.platypus import PageBreak, Spacer

from workbench.domain.datafiles import write_whole
from workbench.domain.documents import InspectionFormDoc, WorkOrderDoc
from workbench.domain.messages import QT_TRANSLATE_NOOP
from workbench.domain.reporting import AcceptanceIndex
from workbench.domain.timeutil import fmt_local
from workbench.reports.inspection_form import inspection_form_pdf
from workbench.reports.pdfkit import (
    PageInfo,
    Translate,
    build_pdf,
    content_width,
    header_cells,
    identity,
    money,
    para,
    styles,
    table,
    tr,
)
from workbench.reports.tables import (
    breaches_or_none,
    chart_images,
    deliverables_table,
    inspections_figure,
    note,
    opening,
    payments_table,
    remark,
    section,
    settlement_story,
    sign_off,
    sla_figures,
)
from workbench.reports.workorder import workorder_pdf

INDEX_NAME = "00-index.pdf"


@dataclass(frozen=True)
class PackResult:
    folder: Path
    files: tuple[Path, ...]

    @property
    def count(self) -> int:
        return len(self.files)


def _summary_table(translate: Translate, index: AcceptanceIndex) -> Any:
    width = content_width()
    data: list[list[Any]] = [
        header_cells(
            translate,
            QT_TRANSLATE_NOOP("documents", "Deliverable"),
            QT_TRANSLATE_NOOP("documents", "Clause"),
            QT_TRANSLATE_NOOP("documents", "In all"),
            QT_TRANSLATE_NOOP("documents", "Due so far"),
            QT_TRANSLATE_NOOP("documents", "Delivered"),
            QT_TRANSLATE_NOOP("documents", "Of which late"),
            QT_TRANSLATE_NOOP("documents", "Overdue"),
        )
    ]
    cell, centre = styles().cell_small, styles().cell_center
    for d in index.deliverables:
        data.append(
            [
                para(d.name, cell),
                para(d.clause, cell),
                *[
                    para(str(v), centre)
                    for v in (d.total, d.due_so_far, d.delivered, d.delivered_late, d.overdue)
                ],
            ]
        )
    fractions = (0.3, 0.12, 0.1, 0.12, 0.12, 0.12, 0.12)
    return table(data, [width * f for f in fractions])


def _records_table(names: list[str], columns: int = 5) -> Any:
    width = content_width()
    rows = [names[i : i + columns] for i in range(0, len(names), columns)]
    rows[-1] += [""] * (columns - len(rows[-1]))
    return table(
        [[para(n, styles().cell_small) for n in row] for row in rows],
        [width / columns] * columns,
        header=False,
    )


def acceptance_index_pdf(index: AcceptanceIndex, translate: Translate = identity) -> bytes:
    """The pack's index as PDF bytes."""
    title = tr(translate, QT_TRANSLATE_NOOP("documents", "Year-end Acceptance Pack"))
    subtitle = tr(
        translate,
        QT_TRANSLATE_NOOP("documents", "Contract {number} · service period {first} to {last}"),
        number=index.contract.number,
        first=index.period.first.isoformat(),
        last=index.period.last.isoformat(),
    )
    s = index.year_sla

    def t(text: str) -> str:
        return tr(translate, text)

    rows = [
        (
            t(QT_TRANSLATE_NOOP("documents", "Contract total (四、1)")),
            money(index.contract.total_cny),
        ),
        *sla_figures(translate, s, index.restore),
        (
            t(QT_TRANSLATE_NOOP("documents", "Penalty exposure (contract year)")),
            money(s.exposure_cny),
        ),
        inspections_figure(translate, index.inspections),
        (
            t(QT_TRANSLATE_NOOP("documents", "Signed work orders")),
            str(len(index.signed_work_orders)),
        ),
        (
            t(QT_TRANSLATE_NOOP("documents", "Signed inspection rounds")),
            str(len(index.signed_rounds)),
        ),
    ]
    story = opening(translate, title, subtitle, rows)
    story.append(
        remark(
            translate,
            QT_TRANSLATE_NOOP("documents", "Figures as of {time}."),
            time=fmt_local(index.generated_at),
        )
    )
    if index.settlement is not None:
        # The penalty basis: the clauses, the rates and the day rule the amounts rest on.
        for line in index.settlement.basis[:-1]:
            story.append(note(line.render(translate)))
    story.append(section(translate, 2, QT_TRANSLATE_NOOP("documents", "Deliverables")))
    story.append(_summary_table(translate, index))
    story.append(Spacer(1, 8))
    story.append(payments_table(translate, index.payments))
    if index.settlement is not None:
        story.append(
            section(translate, 3, QT_TRANSLATE_NOOP("documents", "Settlement statement (结算单)"))
        )
        story.extend(settlement_story(translate, index.settlement))
    story.append(section(translate, 4, QT_TRANSLATE_NOOP("documents", "SLA record")))
    story.append(breaches_or_none(translate, index.breached_orders))
    story.extend(
        chart_images(translate, index.series, index.categories, index.restore_target_minutes)
    )
    story.append(
        section(translate, 5, QT_TRANSLATE_NOOP("documents", "Signed records in this pack"))
    )
    story.append(
        remark(
            translate,
            QT_TRANSLATE_NOOP(
                "documents",
                "Folder workorders: {orders} signed work orders. Folder inspections: "
                "{rounds} signed inspection rounds. Each record carries its QR code and "
                "hash; 'workbench verify' checks them against the store.",
            ),
            orders=len(index.signed_work_orders),
            rounds=len(index.signed_rounds),
        )
    )
    if index.signed_work_orders:
        story.append(_records_table(list(index.signed_work_orders)))
    if index.signed_rounds:
        story.append(Spacer(1, 6))
        story.append(_records_table([n for _id, n in index.signed_rounds]))
    story.append(sign_off(translate, index.head))
    story.append(PageBreak())
    story.append(section(translate, 6, QT_TRANSLATE_NOOP("documents", "Every deliverable")))
    story.append(deliverables_table(translate, index.deliverable_rows))
    info = PageInfo(
        title=title,
        contract=index.contract,
        translate=translate,
        printed_at=index.generated_at,
        demo=index.demo,
        reference=index.contract.number,
        head=index.head,
    )
    return build_pdf(story, info)


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_whole(path, data)


def write_pack(
    index: AcceptanceIndex,
    folder: Path,
    *,
    load_work_order: Callable[[str], WorkOrderDoc],
    load_round: Callable[[str], InspectionFormDoc],
    translate: Translate = identity,
    progress: Callable[[int, int, str], None] | None = None,
) -> PackResult:
    """Write the whole pack into ``folder``; returns the files written, index first."""
    total = 1 + len(index.signed_work_orders) + len(index.signed_rounds)
    written: list[Path] = []

    def put(name: str, target: Path, make: Callable[[], bytes]) -> None:
        """Report the file about to be made (the callback may cancel), make it, write it."""
        if progress:
            progress(len(written), total, name)
        _write(target, make())
        written.append(target)

    def order_pdf(number: str) -> bytes:
        return workorder_pdf(load_work_order(number), translate)

    def round_pdf(round_id: str) -> bytes:
        return inspection_form_pdf(load_round(round_id), translate)

    try:
        put(INDEX_NAME, folder / INDEX_NAME, lambda: acceptance_index_pdf(index, translate))
        for number in index.signed_work_orders:
            put(number, folder / "workorders" / f"{number}.pdf", partial(order_pdf, number))
        for round_id, number in index.signed_rounds:
            put(number, folder / "inspections" / f"{number}.pdf", partial(round_pdf, round_id))
        if progress:
            progress(total, total, "")
    finally:
        for leftover in folder.rglob("*.part") if folder.exists() else ():
            leftover.unlink(missing_ok=True)
    return PackResult(folder, tuple(written))
