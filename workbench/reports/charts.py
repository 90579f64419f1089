"""The charts of the dashboard and the reports, drawn with matplotlib (no pyplot, no Qt).

Each ``draw_*`` function draws onto a matplotlib ``Axes`` given by the caller: the reports
render them off-screen with the Agg backend (:func:`render_png`), the 总览 dashboard puts
the same drawing inside Qt (``FigureCanvasQTAgg``). Bars that stand for work orders carry
a ``(month, category)`` key in :attr:`BarKeys` so that a click can list those orders.
Chinese is drawn with the bundled font.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any

from workbench.domain.messages import QT_TRANSLATE_NOOP
from workbench.domain.reporting import MonthFigures
from workbench.reports.fonts import register_matplotlib_font
from workbench.reports.pdfkit import Translate, identity, tr

# A calm palette that prints well in grey too (distinct lightness).
PALETTE = (
    "#1f4e79",
    "#e07b39",
    "#4a9c5d",
    "#c0504d",
    "#8064a2",
    "#4bacc6",
    "#9c8a4a",
    "#7f7f7f",
    "#2e8b8b",
    "#b35c9e",
    "#5b6fd6",
    "#a0a040",
    "#d9a441",
    "#3a6b35",
    "#999999",
)
TARGET_COLOUR = "#c00000"
MEDIAN_COLOUR = "#1f4e79"
P90_COLOUR = "#e07b39"

# Each bar drawn for work orders: (artist, month, category or "").
BarKeys = list[tuple[Any, str, str]]


def month_tick(translate: Translate, month: str) -> str:
    """``2026-11`` -> ``11月`` (English ``M11``)."""
    return tr(translate, QT_TRANSLATE_NOOP("documents", "M{month}"), month=int(month[5:7]))


def _style(ax: Any, title: str) -> None:
    register_matplotlib_font()
    ax.set_title(title, fontsize=11, loc="left")
    ax.spines["top"].set_visible(False)
    ax.spines["right"].set_visible(False)
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.tick_params(labelsize=8)


def draw_faults_by_category(
    ax: Any,
    series: Sequence[MonthFigures],
    categories: dict[str, str],
    translate: Translate = identity,
) -> BarKeys:
    """Stacked bars: clocked orders (faults and findings) per month, by category."""
    _style(ax, tr(translate, QT_TRANSLATE_NOOP("documents", "Faults per month by category")))
    months = [m.month for m in series]
    used = [c for c in categories if any(m.faults_by_category.get(c) for m in series)]
    if any(m.faults_by_category.get("") for m in series):
        used.append("")
    x = list(range(len(months)))
    bottom = [0] * len(months)
    keys: BarKeys = []
    for index, category in enumerate(used):
        heights = [m.faults_by_category.get(category, 0) for m in series]
        label = categories.get(category) or tr(
            translate, QT_TRANSLATE_NOOP("documents", "No device")
        )
        bars = ax.bar(
            x, heights, bottom=bottom, color=PALETTE[index % len(PALETTE)], label=label, width=0.7
        )
        for bar, month, height in zip(bars, months, heights, strict=True):
            if height:
                keys.append((bar, month, category))
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    ax.set_xticks(x, [month_tick(translate, m) for m in months])
    ax.set_ylabel(tr(translate, QT_TRANSLATE_NOOP("documents", "Work orders")), fontsize=8)
    ax.yaxis.get_major_locator().set_params(integer=True)
    if used:
        ax.legend(fontsize=7, ncols=2, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    else:
        _empty(ax, translate)
    return keys


def draw_sla_compliance(
    ax: Any, series: Sequence[MonthFigures], translate: Translate = identity
) -> BarKeys:
    """Bars: SLA compliance per month in percent; breached orders written above."""
    _style(ax, tr(translate, QT_TRANSLATE_NOOP("documents", "SLA compliance per month")))
    months = [m.month for m in series]
    x = list(range(len(months)))
    values = [(m.sla.compliance * 100) if m.sla.compliance is not None else 0.0 for m in series]
    colours = [PALETTE[0] if not m.sla.breached else PALETTE[3] for m in series]
    bars = ax.bar(x, values, color=colours, width=0.7)
    keys: BarKeys = []
    for bar, m in zip(bars, series, strict=True):
        if m.sla.decided:
            keys.append((bar, m.month, "*"))
            text = f"{m.sla.compliance * 100:.0f}%" if m.sla.compliance is not None else ""
            if m.sla.breached:
                text += "\n" + tr(
                    translate,
                    QT_TRANSLATE_NOOP("documents", "{n} overdue"),
                    n=m.sla.breached,
                )
            _bar_note(ax, bar, text, bar.get_height())
    ax.set_ylim(0, 118)
    ax.set_yticks([0, 25, 50, 75, 100], ["0%", "25%", "50%", "75%", "100%"])
    ax.set_xticks(x, [month_tick(translate, m) for m in months])
    if not any(m.sla.decided for m in series):
        _empty(ax, translate)
    return keys


def draw_restore_times(
    ax: Any,
    series: Sequence[MonthFigures],
    target_minutes: int | None,
    translate: Translate = identity,
) -> None:
    """Lines: median and 90th percentile of the time to restore per month, with the target."""
    _style(ax, tr(translate, QT_TRANSLATE_NOOP("documents", "Time to restore (minutes)")))
    months = [m.month for m in series]
    x = list(range(len(months)))
    median = [m.restore.median_minutes for m in series]
    p90 = [m.restore.p90_minutes for m in series]
    ax.plot(
        x,
        [float("nan") if v is None else v for v in median],
        marker="o",
        color=MEDIAN_COLOUR,
        label=tr(translate, QT_TRANSLATE_NOOP("documents", "Median")),
    )
    ax.plot(
        x,
        [float("nan") if v is None else v for v in p90],
        marker="s",
        color=P90_COLOUR,
        label=tr(translate, QT_TRANSLATE_NOOP("documents", "90th percentile")),
    )
    if target_minutes:
        ax.axhline(
            target_minutes,
            color=TARGET_COLOUR,
            linestyle="--",
            linewidth=1,
            label=tr(
                translate,
                QT_TRANSLATE_NOOP("documents", "Contract limit {n} min"),
                n=target_minutes,
            ),
        )
    ax.set_xticks(x, [month_tick(translate, m) for m in months])
    highest = max([v for v in [*median, *p90] if v is not None] + [target_minutes or 0, 1])
    ax.set_ylim(0, highest * 1.35)
    ax.legend(fontsize=7, frameon=False, loc="upper left", ncols=3)
    if not any(v is not None for v in median):
        _empty(ax, translate)


def draw_inspection_completion(
    ax: Any, series: Sequence[MonthFigures], translate: Translate = identity
) -> None:
    """Bars: inspections expected by the schedule and done, per month, with the rate."""
    _style(ax, tr(translate, QT_TRANSLATE_NOOP("documents", "Inspections done against schedule")))
    months = [m.month for m in series]
    x = list(range(len(months)))
    expected = [m.inspections.expected for m in series]
    done = [m.inspections.done for m in series]
    ax.bar(
        [i - 0.2 for i in x],
        expected,
        width=0.4,
        color="#b7c7dc",
        label=tr(translate, QT_TRANSLATE_NOOP("documents", "Scheduled")),
    )
    bars = ax.bar(
        [i + 0.2 for i in x],
        done,
        width=0.4,
        color=PALETTE[2],
        label=tr(translate, QT_TRANSLATE_NOOP("documents", "Done")),
    )
    for bar, m in zip(bars, series, strict=True):
        rate = m.inspections.rate
        if rate is not None:
            _bar_note(ax, bar, f"{rate * 100:.0f}%", max(bar.get_height(), 0))
    ax.set_xticks(x, [month_tick(translate, m) for m in months])
    ax.set_ylim(0, max([*expected, *done, 1]) * 1.3)
    ax.legend(fontsize=7, frameon=False, loc="upper left", ncols=2)
    if not any(expected):
        _empty(ax, translate)


def _bar_note(ax: Any, bar: Any, text: str, top: float) -> None:
    """Small text centred just above ``top`` over a bar."""
    ax.annotate(
        text,
        (bar.get_x() + bar.get_width() / 2, top),
        ha="center",
        va="bottom",
        fontsize=7,
        xytext=(0, 2),
        textcoords="offset points",
    )


def _empty(ax: Any, translate: Translate) -> None:
    ax.text(
        0.5,
        0.5,
        tr(translate, QT_TRANSLATE_NOOP("documents", "No data yet")),
        transform=ax.transAxes,
        ha="center",
        va="center",
        color="#888888",
        fontsize=10,
    )


def render_png(
    draw: Callable[[Any], object], width_in: float = 7.0, height_in: float = 2.6, dpi: int = 160
) -> bytes:
    """Run ``draw(ax)`` on a fresh figure and return it as PNG (Agg, no screen needed)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    register_matplotlib_font()
    figure = Figure(figsize=(width_in, height_in), dpi=dpi)
    FigureCanvasAgg(figure)
    ax = figure.add_subplot(1, 1, 1)
    draw(ax)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()
