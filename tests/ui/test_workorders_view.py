"""The 工单 view end to end: report from a device, advance, sign, read-only, print."""

from __future__ import annotations

import datetime as dt
import importlib.util
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QDialogButtonBox
from pytestqt.qtbot import QtBot

from workbench.config import Settings
from workbench.data.store import Store
from workbench.services import engineers
from workbench.services import workorders as wo
from workbench.ui.common.context import AppContext
from workbench.ui.common.messages import MessageBridge
from workbench.ui.common.signature_pad import SignaturePad
from workbench.ui.common.tasks import TaskRunner
from workbench.ui.workorders.model import WorkOrderTableModel, sla_text
from workbench.ui.workorders.view import WorkOrdersView

PIN = "246800"
ENGINEER = "李工"


@pytest.fixture
def messages() -> list[tuple[str, str, str]]:
    return []


@pytest.fixture
def ctx(qtbot: QtBot, store: Store, messages: list[tuple[str, str, str]]) -> Iterator[AppContext]:
    bridge = MessageBridge()
    bridge.sink = lambda level, title, text: messages.append((level, title, text))
    tasks = TaskRunner()
    with store.transaction("test") as session:
        engineers.create_engineer(session, ENGINEER, "13800000000", PIN)
    context = AppContext(
        store=store, settings=Settings(engineer=ENGINEER), tasks=tasks, messages=bridge
    )
    yield context
    tasks.wait()


@pytest.fixture
def view(qtbot: QtBot, ctx: AppContext) -> Iterator[WorkOrdersView]:
    widget = WorkOrdersView(ctx)

    def settle(_widget: WorkOrdersView) -> None:
        # Deliver the callbacks of work still under way while the view lives (a callback
        # may start more work), not after pytest-qt closed it or into the next test.
        widget.clock.stop()
        for _ in range(50):
            ctx.tasks.wait()
            qtbot.wait(10)
            if not ctx.tasks._live:
                break

    qtbot.addWidget(widget, before_close_func=settle)
    widget.resize(1400, 900)
    widget.show()
    widget.activateWindow()
    qtbot.waitActive(widget)
    qtbot.waitUntil(lambda: bool(widget._engineers))
    yield widget
    widget.clock.stop()
    ctx.tasks.wait()


def draw(pad: SignaturePad) -> None:
    pad.resize(400, 120)
    points = [(30 + i * 28, 40 if i % 2 else 90) for i in range(12)]
    QTest.mousePress(
        pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(*points[0])
    )
    for x, y in points[1:]:
        QTest.mouseMove(pad, QPoint(x, y))
    QTest.mouseRelease(
        pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(*points[-1])
    )


def focus(qtbot: QtBot, view: WorkOrdersView) -> None:
    """Make the view the active window with the list focused (dialogs took it away)."""
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.table.setFocus()


def status_of(view: WorkOrdersView) -> str | None:
    d = view.current_detail()
    return d.status if d else None


def report_from_device(qtbot: QtBot, view: WorkOrdersView, code: str) -> str:
    view.new_for_asset(code)
    dialog = view._new_dialog
    assert dialog is not None
    assert dialog.asset_codes() == (code,)
    dialog.description.setPlainText("自助一体机触摸屏无响应")
    dialog.reporter_name.setText("张三")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: view.model.rowCount() == 1 and view.current_detail() is not None)
    d = view.current_detail()
    assert d is not None
    assert d.status == "reported"
    assert [a.code for a in d.assets] == [code]
    return d.number


def test_model_passes_qt_checks(qtbot: QtBot, qtmodeltester: Any, view: WorkOrdersView) -> None:
    report_from_device(qtbot, view, "XF-KIOSK-01")
    qtmodeltester.check(view.model)


def test_report_advance_sign_read_only_and_print(
    qtbot: QtBot, view: WorkOrdersView, ctx: AppContext, messages: list[Any]
) -> None:
    number = report_from_device(qtbot, view, "XF-KIOSK-01")
    assert number.startswith("WO-")
    row = view.model.row_at(0)
    assert row is not None
    assert "XF-KIOSK-01" in view.model.data(view.model.index(0, 3))
    response_cell = view.model.data(
        view.model.index(0, WorkOrderTableModel.COLUMNS.index("response"))
    )
    assert response_cell.endswith("left")

    # the common steps by keyboard
    for keys, expected in (
        (Qt.Key.Key_1, "responded"),
        (Qt.Key.Key_2, "onsite"),
        (Qt.Key.Key_3, "restored"),
    ):
        focus(qtbot, view)
        QTest.keyClick(view.table, keys, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda e=expected: status_of(view) == e)
    # closing needs the result of the work, written in the detail pane
    view.detail.cause.setPlainText("触摸屏排线松动")
    view.detail.resolution.setPlainText("重新插紧排线，测试正常")
    assert view.detail.save_button.isEnabled()
    focus(qtbot, view)
    QTest.keyClick(view.table, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: status_of(view) == "closed")
    d = view.current_detail()
    assert d is not None
    assert d.resolution == "重新插紧排线，测试正常"
    assert [e.to_status for e in d.events] == [
        "reported",
        "responded",
        "onsite",
        "restored",
        "closed",
    ]
    assert all(item.state == "met" for item in d.row.sla)

    # a log entry through the service, shown in the pane
    with ctx.store.transaction("test") as session:
        me = engineers.find_engineer(session, ENGINEER)
        assert me is not None
        wo.append_log(session, engineer_id=me.id, text="更换排线扎带", work_order_number=number)
    ctx.events.dataChanged.emit("workorders")
    qtbot.waitUntil(lambda: view.detail.log.topLevelItemCount() == 1)

    # sign-off: both signatures drawn with the mouse, a wrong PIN first
    dialog = view.sign_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.sign_button.click()
    assert "signature" in dialog.error_label.text()
    draw(dialog.engineer_signature.pad)
    draw(dialog.client_signature.pad)
    dialog.client_name_edit.setText("王主任")
    dialog.pin_edit.setText("000000")
    dialog.sign_button.click()
    qtbot.waitUntil(lambda: "Wrong PIN" in dialog.error_label.text())
    assert dialog.isVisible()
    assert status_of(view) == "closed"
    dialog.pin_edit.setText(PIN)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.sign_button.click()
    qtbot.waitUntil(lambda: status_of(view) == "signed")

    # read-only once signed
    pane = view.detail
    d = view.current_detail()
    assert d is not None
    assert d.record_hash
    assert pane.banner.isVisible()
    assert pane.cause.isReadOnly()
    assert pane.resolution.isReadOnly()
    assert not pane.contractor_caused.isEnabled()
    assert not pane.save_button.isVisible()
    assert not any(b.isVisible() for b in pane.step_buttons.values())
    assert not pane.add_log_button.isEnabled()
    assert pane.amend_button.isVisible()
    assert not pane.engineer_signature.isEmpty()
    assert pane.client_signature.strokes()
    assert "王主任" in pane.client_signer.text()
    focus(qtbot, view)
    QTest.keyClick(view.table, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert status_of(view) == "signed"
    assert "signed" in view.model.data(view.model.index(0, 2)).lower() or "🔒" in view.model.data(
        view.model.index(0, 2)
    )

    # the paper: a scan of the printed QR says whether it matches
    view.open_record(number, d.record_hash)
    qtbot.waitUntil(lambda: pane.scan_banner.isVisible())
    assert "matches" in pane.scan_banner.text()
    view.open_record(number, "0" * 64)
    qtbot.waitUntil(lambda: "NOT match" in pane.scan_banner.text())

    # an amendment: a new signed record, the order stays as signed
    amend = view.amend_dialog()
    assert amend is not None
    qtbot.addWidget(amend)
    amend.field_combo.setCurrentIndex(amend.field_combo.findData("cause"))
    amend.new_value.setPlainText("触摸屏排线松动（运输震动所致）")
    amend.reason.setText("补充原因")
    amend.pin.setText(PIN)
    with qtbot.waitSignal(amend.accepted, timeout=10_000):
        amend.submit()
    qtbot.waitUntil(
        lambda: view.current_detail() is not None and len(view.current_detail().amendments) == 1
    )  # type: ignore[union-attr]
    assert status_of(view) == "signed"


@pytest.mark.skipif(
    importlib.util.find_spec("workbench.reports.workorder") is None,
    reason="the printed work order (workbench.reports.workorder) is not in this tree yet",
)
def test_print_preview_renders_the_work_order(qtbot: QtBot, view: WorkOrdersView) -> None:
    report_from_device(qtbot, view, "XF-KIOSK-02")
    view.preview_current()
    qtbot.waitUntil(
        lambda: view.last_preview is not None and view.last_preview.pages_painted > 0,
        timeout=20_000,
    )
    preview = view.last_preview
    assert preview is not None
    assert preview.preview_widget().pageCount() >= 1
    image = preview.pages.image(0, 40)
    gray = image.convertToFormat(image.Format.Format_Grayscale8)
    dark = sum(
        1
        for y in range(0, gray.height(), 2)
        for x in range(0, gray.width(), 2)
        if gray.pixel(x, y) & 0xFF < 128
    )
    assert dark > 100  # the page is not blank
    preview.close()


def test_countdown_text_follows_the_clock_without_a_query(
    qtbot: QtBot, view: WorkOrdersView, ctx: AppContext
) -> None:
    reported = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=20)
    with ctx.store.transaction("test") as session:
        wo.create_work_order(
            session,
            type="fault",
            channel="hotline",
            description="视频会议终端无图像",
            asset_codes=["XF-KIOSK-03"],
            reported_at=reported,
        )
    view.refresh()
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    column = WorkOrderTableModel.COLUMNS.index("response")
    index = view.model.index(0, column)
    view.clock.stop()
    view.model.tick(reported + dt.timedelta(minutes=18, seconds=30))
    assert view.model.data(index) == "11 min 30 s left"
    view.model.tick(reported + dt.timedelta(minutes=29))
    assert view.model.data(index, Qt.ItemDataRole.UserRole + 3) == "at_risk"
    view.model.tick(reported + dt.timedelta(minutes=95))
    assert view.model.data(index) == "Overdue 1 h 5 min"
    assert view.model.data(index, Qt.ItemDataRole.UserRole + 3) == "breached"
    restore = view.model.index(0, WorkOrderTableModel.COLUMNS.index("restore"))
    assert view.model.data(restore) == "25 min 00 s left"
    # the status bar's line names the next deadline
    text = view.next_deadline_text(reported + dt.timedelta(minutes=95))
    assert "XF" not in text
    assert "WO-" in text


def test_sla_text_words() -> None:
    from workbench.domain import sla as sla_rules

    deadline = dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.UTC)
    met = sla_rules.item_state("response", 30, deadline, done_at=deadline, now=deadline)
    assert sla_text(met) == "Met"
    late = sla_rules.item_state(
        "response", 30, deadline, done_at=deadline + dt.timedelta(minutes=65), now=deadline
    )
    assert sla_text(late) == "Done late by 1 h 5 min"


def _report(ctx: AppContext, count: int, at: dt.datetime) -> list[str]:
    with ctx.store.transaction("test") as session:
        return [
            wo.create_work_order(
                session,
                type="fault",
                channel="hotline",
                description=f"一体机故障 {i}",
                asset_codes=["XF-KIOSK-03"],
                reported_at=at + dt.timedelta(minutes=i),
            ).number
            for i in range(count)
        ]


def test_further_pages_keep_the_listed_filter_and_count_once(
    qtbot: QtBot, view: WorkOrdersView, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workbench.ui.workorders import view as workorders_view

    qtbot.waitUntil(lambda: bool(view._listed_filter))  # the view's first (empty) list
    numbers = _report(ctx, 5, dt.datetime.now(dt.UTC) - dt.timedelta(hours=1))
    monkeypatch.setattr(workorders_view, "PAGE_SIZE", 2)
    counted: list[wo.WorkOrderFilter] = []
    count = wo.count_work_orders

    def spy(session: Any, flt: wo.WorkOrderFilter, **kwargs: Any) -> int:
        counted.append(flt)
        return count(session, flt, **kwargs)

    # list_work_orders counts through its own module's name.
    monkeypatch.setattr(wo.listing, "count_work_orders", spy)
    view.refresh()
    qtbot.waitUntil(lambda: view.model.total() == 5)
    # Typing has begun, the typing pause has not ended: further pages (fetched by the
    # table on its own or asked for here) are still the list's.
    view.search.setText("no such order")
    view._search_timer.stop()

    def fetched_all() -> bool:
        if view.model.canFetchMore(QModelIndex()):
            view.model.fetchMore(QModelIndex())
        return view.model.rowCount() == 5 and not view.model.canFetchMore(QModelIndex())

    qtbot.waitUntil(fetched_all)
    assert [r.number for r in view.model.rows()] == numbers[::-1]
    assert len(counted) == 1
    assert "5" in view.count_label.text()


def test_model_appends_pages_and_ticks_the_running_rows(
    qtbot: QtBot, view: WorkOrdersView, ctx: AppContext
) -> None:
    reported = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=20)
    running = _report(ctx, 3, reported)
    with ctx.store.read() as session:
        page = wo.list_work_orders(session, sort="number", descending=False)
    model = WorkOrderTableModel()
    model.set_rows(page.rows[:1], total=3)
    model.append_rows(page.rows[:2])  # the first is listed already
    model.append_rows(page.rows[2:])
    assert [r.number for r in model.rows()] == running
    spans: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b, _roles: spans.append((a.row(), b.row())))
    model.tick(reported + dt.timedelta(minutes=21))
    assert spans == [(0, 2)]
    column = WorkOrderTableModel.COLUMNS.index("response")
    assert model.data(model.index(2, column)) == "11 min 00 s left"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.FontRole).bold()
    assert model.data(model.index(0, column), Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(0, 0), Qt.ItemDataRole.TextAlignmentRole) is None
    # Tooltips are made when asked for, not held in the cells.
    assert model.data(model.index(0, 3), Qt.ItemDataRole.ToolTipRole) is None
    assert "XF-KIOSK-03" in model.tooltip(model.index(0, 3))
    assert "XF-KIOSK-03" not in model.tooltip(model.index(0, column))
    # The cells are Qt's: painting runs no Python (no data() of ours to call).
    assert "data" not in vars(WorkOrderTableModel)


def test_a_page_goes_in_by_slices_and_a_wanted_row_at_once(
    qtbot: QtBot, view: WorkOrdersView, ctx: AppContext
) -> None:
    import dataclasses

    reported = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=20)
    _report(ctx, 1, reported)
    with ctx.store.read() as session:
        template = wo.list_work_orders(session).rows[0]
    rows = [dataclasses.replace(template, number=f"WO-2099-{i:04d}") for i in range(130)]
    model = WorkOrderTableModel()
    model.set_rows(rows[:10], total=130)
    assert model.rowCount() == 10
    model.append_rows(rows[10:])
    assert model.rowCount() == 10 + WorkOrderTableModel.SLICE
    assert not model.canFetchMore(QModelIndex())  # the page is still going in
    assert model.row_of("WO-2099-0129") == 129  # asked for: the rest goes in now
    assert model.rowCount() == 130
    assert model.data(model.index(129, 0)) == "WO-2099-0129"
    model.set_rows(rows[:5], total=130)
    with qtbot.waitSignal(model.caughtUp, timeout=5000):
        model.append_rows(rows[5:])
        assert model.rowCount() < 130  # the rest follows by slices
    assert model.rowCount() == 130
    assert [r.number for r in model.rows()] == [r.number for r in rows]
    # A page with nothing new: the list is caught up all the same (its count is final).
    with qtbot.waitSignal(model.caughtUp, timeout=1000):
        model.append_rows(rows[:3])
    assert model.total() == 130


def test_a_cell_of_the_list_is_not_edited_in_place(qtbot: QtBot, view: WorkOrdersView) -> None:
    report_from_device(qtbot, view, "XF-KIOSK-01")
    index = view.model.index(0, 0)
    before = view.model.data(index)
    view.table.setCurrentIndex(index)
    view.table.setFocus()
    QTest.keyClick(view.table, Qt.Key.Key_F2)
    assert view.table.state() != QAbstractItemView.State.EditingState
    rect = view.table.visualRect(index)
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.table.state() != QAbstractItemView.State.EditingState
    assert view.model.data(index) == before


def test_hovering_a_cell_shows_the_models_tooltip(qtbot: QtBot, view: WorkOrdersView) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    report_from_device(qtbot, view, "XF-KIOSK-01")
    index = view.model.index(0, WorkOrderTableModel.COLUMNS.index("assets"))
    viewport = view.table.viewport()
    pos = view.table.visualRect(index).center()
    event = QHelpEvent(QEvent.Type.ToolTip, pos, viewport.mapToGlobal(pos))
    QApplication.sendEvent(viewport, event)
    assert "XF-KIOSK-01" in QToolTip.text()
    assert QToolTip.text() == view.model.tooltip(index)
    QToolTip.hideText()


@pytest.mark.parametrize(
    ("saved", "order", "first"),
    [
        ("number", Qt.SortOrder.AscendingOrder, 0),  # the order the header shows
        ("assets", Qt.SortOrder.AscendingOrder, -1),  # not the query's: the default
    ],
)
def test_the_list_is_in_the_order_its_restored_header_shows(
    qtbot: QtBot, ctx: AppContext, saved: str, order: Qt.SortOrder, first: int
) -> None:
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QTableView

    from workbench.ui.common import uistate

    numbers = _report(ctx, 3, dt.datetime.now(dt.UTC) - dt.timedelta(hours=1))
    table = QTableView()
    table.setModel(QStandardItemModel(0, len(WorkOrderTableModel.COLUMNS)))
    table.horizontalHeader().setSortIndicator(WorkOrderTableModel.COLUMNS.index(saved), order)
    uistate.save_header("workorders", table.horizontalHeader())
    view = WorkOrdersView(ctx)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.model.rowCount() == 3)
    view.clock.stop()
    assert view.model.row_at(0).number == numbers[first]
    header = view.table.horizontalHeader()
    expected = ("number", False) if saved == "number" else ("reported_at", True)
    shown = WorkOrderTableModel.SORT_KEYS[
        WorkOrderTableModel.COLUMNS[header.sortIndicatorSection()]
    ]
    descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert (shown, descending) == expected
    ctx.tasks.wait()


def _restored_order(ctx: AppContext) -> str:
    """A work order done on site, with its result written: ready to be signed."""
    with ctx.store.transaction("test") as session:
        row = wo.create_work_order(
            session,
            type="fault",
            channel="hotline",
            description="自助一体机触摸屏无响应",
            asset_codes=["XF-KIOSK-01"],
            reporter_name="张三",
        )
        for status in ("responded", "onsite", "restored"):
            wo.advance(session, row.number, status)
        wo.update_work_order(
            session, row.number, cause="触摸屏排线松动", resolution="重新插紧排线，测试正常"
        )
        return row.number


def _fill_the_disk(store: Store) -> None:
    """From now on the store's file cannot grow: SQLite says the disk is full (SQLITE_FULL)
    for any write that needs a new page. Reclaim the free pages first, so that one does."""
    import sqlite3

    from sqlalchemy import event

    assert store.path is not None
    store.engine.dispose()
    with sqlite3.connect(store.path) as raw:
        raw.execute("VACUUM")

    def no_room(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute("PRAGMA max_page_count = 1")  # clamped to the file's size

    event.listen(store.engine, "connect", no_room)


def _scribble(pad: SignaturePad) -> None:
    """A long signature drawn with the mouse: more ink than fits in the pages a file has."""
    pad.resize(400, 120)
    points = [(10 + (i * 37) % 380, 10 + (i * 23) % 100) for i in range(500)]
    QTest.mousePress(
        pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(*points[0])
    )
    for x, y in points[1:]:
        QTest.mouseMove(pad, QPoint(x, y))
    QTest.mouseRelease(
        pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(*points[-1])
    )


def test_a_full_disk_during_sign_off_keeps_the_dialog_and_both_signatures(
    qtbot: QtBot, view: WorkOrdersView, ctx: AppContext, zh: Any
) -> None:
    store = ctx.store
    if not store.is_sqlite:
        pytest.skip("the full disk is SQLite's max_page_count")
    number = _restored_order(ctx)
    view.show_work_order(number)
    qtbot.waitUntil(lambda: status_of(view) == "restored")
    dialog = view.sign_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    _scribble(dialog.engineer_signature.pad)
    _scribble(dialog.client_signature.pad)
    dialog.client_name_edit.setText("王主任")
    dialog.pin_edit.setText(PIN)
    engineer_ink = dialog.engineer_signature.pad.strokes()
    client_ink = dialog.client_signature.pad.strokes()
    assert sum(map(len, engineer_ink)) > 100

    _fill_the_disk(store)
    dialog.sign_button.click()
    qtbot.waitUntil(lambda: not dialog._busy and dialog.error_label.isVisible(), timeout=10_000)

    assert dialog.isVisible()
    assert "磁盘已满" in dialog.error_label.text()  # the Chinese message of a full disk
    assert dialog.engineer_signature.pad.strokes() == engineer_ink
    assert dialog.client_signature.pad.strokes() == client_ink
    assert dialog.client_name_edit.text() == "王主任"
    with store.read() as session:
        assert wo.detail(session, number).status == "restored"  # nothing was signed


def test_a_new_order_asked_for_before_the_view_has_loaded_opens_filled(
    qtbot: QtBot, ctx: AppContext
) -> None:
    """From the 设备 view, before 工单 was ever opened: the dialog waits for the devices
    and engineers instead of opening half empty (issue 20, defect 1)."""
    widget = WorkOrdersView(ctx)
    qtbot.addWidget(widget)
    widget.new_for_asset("XF-DEC-07")  # at once: the choices are still being read
    assert widget._new_dialog is None
    qtbot.waitUntil(lambda: widget._new_dialog is not None)
    dialog = widget._new_dialog
    assert dialog is not None
    assert dialog.asset_codes() == ("XF-DEC-07",)
    assert dialog.engineer.currentText() == ENGINEER
    dialog.reject()
    widget.clock.stop()
    ctx.tasks.wait()
    qtbot.wait(10)


def test_a_model_equal_to_the_name_is_said_once() -> None:
    """小鸟分布式解码节点 小鸟分布式解码节点 on the device line (issue 20, defect 7)."""
    from workbench.domain.documents import AssetLine
    from workbench.ui.workorders.detail import device_line

    same = AssetLine("XF-DEC-07", "小鸟分布式解码节点", "小鸟分布式解码节点", "三层 指挥中心")
    assert device_line(same) == "XF-DEC-07  小鸟分布式解码节点  三层 指挥中心"
    other = AssetLine("XF-KIOSK-01", "信访自助一体机", "HX-K1", "一层 接待大厅")
    assert device_line(other) == "XF-KIOSK-01  信访自助一体机  HX-K1  一层 接待大厅"


def test_the_reporter_fields_take_no_more_than_their_columns_hold(
    qtbot: QtBot, view: WorkOrdersView
) -> None:
    """The limit comes from the schema (issue 17): a name the store would refuse cannot
    be typed, so the dialog is never lost to that refusal."""
    from workbench.data.models.workorders import WorkOrder

    view.new_work_order()
    dialog = view._new_dialog
    assert dialog is not None
    assert dialog.reporter_name.maxLength() == WorkOrder.reporter_name.type.length == 100
    assert dialog.reporter_phone.maxLength() == WorkOrder.reporter_phone.type.length == 50
    qtbot.keyClicks(dialog.reporter_phone, "1" * 60)
    assert dialog.reporter_phone.text() == "1" * 50
    dialog.reject()
