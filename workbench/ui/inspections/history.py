"""A device's inspection history, with trends of its measured items, for the device pane."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.timeutil import fmt_local, to_local
from workbench.services import inspections as service
from workbench.services.inspections import AssetHistory
from workbench.ui.common.context import AppContext

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class InspectionHistoryWidget(QWidget):
    """Every inspection of one device, newest first, and a chart of each numeric item."""

    loaded = Signal()

    def __init__(self, ctx: AppContext, asset_code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.asset_code = asset_code
        self.history: AssetHistory | None = None
        self.canvas: Any = None
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Round"), self.tr("Result"), self.tr("Findings"),
             self.tr("Work order")]
        )  # fmt: skip
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.summary)
        self._layout.addWidget(self.table, 1)
        self.ctx.events.dataChanged.connect(self._data_changed)
        self.refresh()

    def _data_changed(self, area: str) -> None:
        if area == "inspections":
            self.refresh()

    def refresh(self) -> None:
        code = self.asset_code

        def load(session: Session) -> AssetHistory:
            return service.asset_history(session, code)

        self.ctx.read(self, "history", load, self._show)

    def _show(self, history: AssetHistory) -> None:
        self.history = history
        entries = history.entries
        failed = sum(1 for e in entries if e.failed)
        if entries:
            self.summary.setText(
                self.tr("{0} inspections, {1} with findings; last {2}.").format(
                    len(entries), failed, fmt_local(entries[0].inspected_at)
                )
            )
        else:
            self.summary.setText(self.tr("Never inspected."))
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            findings = "；".join(f"{r.text}：{r.value}" for r in entry.results if r.passed is False)
            cells = [
                fmt_local(entry.inspected_at),
                entry.round_number,
                self.tr("Fail") if entry.failed else self.tr("Pass"),
                findings or entry.note,
                entry.work_order_number,
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if entry.failed and column == 2:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self._draw_chart(history)
        self.loaded.emit()

    def _draw_chart(self, history: AssetHistory) -> None:
        if self.canvas is not None:
            self._layout.removeWidget(self.canvas)
            self.canvas.deleteLater()
            self.canvas = None
        series = [s for s in history.series if len(s.points) >= 1]
        if not series:
            return
        # matplotlib is heavy: imported only when a device has something to chart.
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        from workbench.reports.fonts import register_matplotlib_font

        register_matplotlib_font()
        figure = Figure(figsize=(5, 1.6 * len(series)), layout="constrained")
        for number, s in enumerate(series, start=1):
            axes = figure.add_subplot(len(series), 1, number)
            xs: list[Any] = [to_local(p[0]) for p in s.points]
            ys = [p[1] for p in s.points]
            axes.plot(xs, ys, marker="o", markersize=3, linewidth=1.2, color="#0d3c84")
            for limit in (s.low, s.high):
                if limit is not None:
                    axes.axhline(limit, color="#a00000", linestyle="--", linewidth=0.8)
            bad = [
                (x, y)
                for x, y in zip(xs, ys, strict=True)
                if (s.high is not None and y > s.high) or (s.low is not None and y < s.low)
            ]
            if bad:
                axes.plot(*zip(*bad, strict=True), "o", color="#a00000", markersize=5)
            axes.set_title(f"{s.text}（{s.unit}）" if s.unit else s.text, fontsize=9)
            axes.tick_params(labelsize=7)
            axes.grid(alpha=0.3)
        figure.autofmt_xdate()
        self.canvas = FigureCanvasQTAgg(figure)  # type: ignore[no-untyped-call]
        self.canvas.setMinimumHeight(int(130 * len(series)))
        self._layout.addWidget(self.canvas, 1)
