"""Item models of the 巡检 view: due devices, rounds, the devices of one round.

Each is a :class:`~workbench.ui.common.rows_model.RowsModel` fed plain rows from the inspection
service; ``data()`` only looks up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Signal

from workbench import i18n
from workbench.domain.timeutil import fmt_local
from workbench.services.inspections import DueRow, RoundAssetRow, RoundSummary
from workbench.ui.common.rows_model import Column, Index, RowsModel

FAIL_COLOURS = ("#fbe0e0", "#a00000")
OVERDUE_COLOURS = ("#fff1cc", "#7a4a00")
DONE_COLOURS = ("#e3f4e6", "#1b5e20")


def round_status_text(status: str) -> str:
    names = {
        "running": QCoreApplication.translate("InspectionModels", "Running"),
        "paused": QCoreApplication.translate("InspectionModels", "Paused"),
        "finished": QCoreApplication.translate("InspectionModels", "Finished, awaiting sign-off"),
        "signed": QCoreApplication.translate("InspectionModels", "Signed"),
    }
    return names.get(status, status)


def due_state_text(state: str) -> str:
    names = {
        "due": QCoreApplication.translate("InspectionModels", "Due"),
        "overdue": QCoreApplication.translate("InspectionModels", "Overdue"),
        "not_due": QCoreApplication.translate("InspectionModels", "Not due"),
        "unscheduled": QCoreApplication.translate("InspectionModels", "No schedule"),
    }
    return names.get(state, state)


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def _code_column() -> Column[Any]:
    return Column(QCoreApplication.translate("InspectionModels", "Code"), lambda r: r.code)


def _location_column() -> Column[Any]:
    return Column(QCoreApplication.translate("InspectionModels", "Location"), lambda r: r.location)


def _due_colours(row: DueRow) -> tuple[str, str] | None:
    return OVERDUE_COLOURS if row.state == "overdue" else None


def _due_state(row: DueRow) -> str:
    text = due_state_text(row.state)
    if row.days_overdue:
        text += QCoreApplication.translate("InspectionModels", " ({0} days)").format(
            row.days_overdue
        )
    return text


class DueModel(RowsModel[DueRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                _code_column(),
                Column(
                    QCoreApplication.translate("InspectionModels", "Category"),
                    lambda r: i18n.local_name(r.category_name, r.category_name_en),
                    lambda r: r.category,
                ),
                _location_column(),
                Column(
                    QCoreApplication.translate("InspectionModels", "Last inspected"),
                    lambda r: (
                        _date(r.last_inspected)
                        or QCoreApplication.translate("InspectionModels", "Never")
                    ),
                    lambda r: r.last_inspected or dt.date.min,
                ),
                Column(
                    QCoreApplication.translate("InspectionModels", "Due on"),
                    lambda r: _date(r.due_on),
                    lambda r: r.due_on or dt.date.max,
                ),
                Column(
                    QCoreApplication.translate("InspectionModels", "State"),
                    _due_state,
                    lambda r: r.days_overdue,
                ),
            ],
            parent,
            row_colours=_due_colours,
        )


def _round_colours(row: RoundSummary) -> tuple[str, str] | None:
    if row.status == "signed":
        return DONE_COLOURS
    if row.status == "running":
        return OVERDUE_COLOURS
    return None


class RoundsModel(RowsModel[RoundSummary]):
    """Rounds, newest first, in pages: the view asks for the next page (``fetchMore``,
    when the list is scrolled to its end) through ``fetchRequested(offset)`` and hands it
    over with :meth:`append_page`. The model never queries anything itself."""

    fetchRequested = Signal(int)  # offset of the next page

    def __init__(self, parent: Any = None) -> None:
        self._more = False
        self._fetching = False
        super().__init__(
            [
                Column(QCoreApplication.translate("InspectionModels", "Round"), lambda r: r.number),
                Column(
                    QCoreApplication.translate("InspectionModels", "Started"),
                    lambda r: fmt_local(r.started_at),
                    lambda r: r.started_at,
                ),
                Column(
                    QCoreApplication.translate("InspectionModels", "Engineer"),
                    lambda r: r.engineer_name,
                ),
                Column(
                    QCoreApplication.translate("InspectionModels", "Checked"),
                    lambda r: r.progress_text,
                    lambda r: r.devices_checked,
                ),
                Column(
                    QCoreApplication.translate("InspectionModels", "Failures"),
                    lambda r: str(r.failures),
                    lambda r: r.failures,
                ),
                Column(
                    QCoreApplication.translate("InspectionModels", "Status"),
                    lambda r: round_status_text(r.status),
                    lambda r: r.status,
                ),
            ],
            parent,
            row_colours=_round_colours,
        )

    def set_page(self, rows: Sequence[RoundSummary], more: bool) -> None:
        """The first page (a reset); ``more`` when the store holds further rounds."""
        self._more = more
        self._fetching = False
        self.set_rows(rows)

    def append_page(self, offset: int, rows: Sequence[RoundSummary], more: bool) -> None:
        """A further page; ignored unless it continues the rows shown (a refresh between
        the request and the answer starts over)."""
        if offset != len(self._rows) or not self._fetching:
            return
        self._fetching = False
        self._more = more
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def fetch_failed(self) -> None:
        self._fetching = False

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._more and not self._fetching

    def fetchMore(self, parent: Index) -> None:
        if self.canFetchMore(parent):
            self._fetching = True
            self.fetchRequested.emit(len(self._rows))


def _asset_colours(row: RoundAssetRow) -> tuple[str, str] | None:
    if row.failed:
        return FAIL_COLOURS
    if row.checked:
        return DONE_COLOURS
    return None


def _result_text(row: RoundAssetRow) -> str:
    if not row.checked:
        return QCoreApplication.translate("InspectionModels", "Not yet")
    if row.failed:
        return QCoreApplication.translate("InspectionModels", "Fail")
    return QCoreApplication.translate("InspectionModels", "Pass")


class RoundAssetsModel(RowsModel[RoundAssetRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                _code_column(),
                Column(QCoreApplication.translate("InspectionModels", "Device"), lambda r: r.name),
                _location_column(),
                Column(
                    QCoreApplication.translate("InspectionModels", "Result"),
                    _result_text,
                    lambda r: (r.checked, not r.failed),
                ),
                Column(
                    QCoreApplication.translate("InspectionModels", "Work order"),
                    lambda r: r.work_order_number,
                ),
            ],
            parent,
            row_colours=_asset_colours,
        )

    def index_of(self, code: str) -> int:
        for number, row in enumerate(self._rows):
            if row.code == code:
                return number
        return -1
