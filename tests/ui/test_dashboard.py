"""The 总览 dashboard: its figures equal the store's; a bar lists its work orders."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import text

from workbench.domain.timeutil import LOCAL_TZ
from workbench.services import engineers
from workbench.services import workorders as wo


def _fill(store: Any) -> None:
    now = dt.datetime.now(dt.UTC)
    with store.transaction("t") as session:
        eng = engineers.create_engineer(session, "张伟", "139", "260101").id
        # Restored, but answered 50 minutes late; reported an hour ago (this month or
        # the last: the test's SQL uses the same month bounds as the dashboard).
        start = now - dt.timedelta(hours=3)
        late = wo.create_work_order(
            session,
            type="fault",
            channel="hotline",
            description="黑屏",
            asset_codes=["XF-KIOSK-01"],
            reported_at=start,
            now=start,
        ).number
        at = start + dt.timedelta(minutes=80)
        wo.advance(session, late, "responded", at=at, engineer_id=eng, now=at)
        at = start + dt.timedelta(minutes=100)
        wo.advance(session, late, "restored", at=at, engineer_id=eng, now=at)
        # Open and within its deadlines.
        fresh = now - dt.timedelta(minutes=5)
        wo.create_work_order(
            session,
            type="fault",
            channel="hotline",
            description="无法打印",
            asset_codes=["XF-KIOSK-02"],
            reported_at=fresh,
            now=fresh,
        )


def _month_bounds() -> tuple[dt.datetime, dt.datetime]:
    today = dt.datetime.now(LOCAL_TZ).date()
    first = today.replace(day=1)
    nxt = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    start = dt.datetime.combine(first, dt.time(0), tzinfo=LOCAL_TZ).astimezone(dt.UTC)
    end = dt.datetime.combine(nxt, dt.time(0), tzinfo=LOCAL_TZ).astimezone(dt.UTC)
    return start.replace(tzinfo=None), end.replace(tzinfo=None)


def test_dashboard_figures_equal_the_store(qtbot: Any, window: Any, store: Any) -> None:
    _fill(store)
    view = window.show_view("dashboard")
    with qtbot.waitSignal(view.loaded, timeout=30_000):
        view.refresh()
    data = view.data
    start, end = _month_bounds()
    with store.engine.connect() as conn:
        open_orders = conn.execute(
            text(
                "SELECT count(*) FROM work_order WHERE status IN ('reported','responded','onsite')"
            )
        ).scalar_one()
        month_late = conn.execute(
            text(
                "SELECT count(*) FROM work_order WHERE reported_at >= :s AND reported_at < :e "
                "AND response_due IS NOT NULL AND (responded_at > response_due "
                "OR restored_at > restore_due)"
            ),
            {"s": start, "e": end},
        ).scalar_one()
        total = conn.execute(text("SELECT total_cny FROM contract")).scalar_one()
    assert data.open_orders == open_orders == 1
    assert view.open_card.value.text() == "1"
    assert data.month_sla.breached == month_late == 1
    assert view.month_card.value.text() == "1"
    # One order 50 min late on response: a breach, but no whole day of delay (八、1 as the
    # contract's data file reads it), so no amount (3 per mille only per whole day).
    assert f"¥{float(total) * 0.003:,.2f}" not in view.month_card.detail.text()
    assert "¥0.00" in view.month_card.detail.text()
    assert data.year_sla.breached == 1
    assert len(view.canvases) == 4

    month = data.month.label
    with qtbot.waitSignal(view.ordersListed, timeout=10_000) as listed:
        view.list_orders(month, "*")
    assert listed.args == [2]
    assert view.orders.item(0, 0).text() == f"WO-{dt.datetime.now(LOCAL_TZ).year}-0001"

    opened: list[tuple[str, str]] = []
    window.ctx.events.showRequested.connect(lambda area, key: opened.append((area, key)))
    view.orders.cellDoubleClicked.emit(0, 0)
    assert opened
    assert opened[0][0] == "workorder"


def test_clicking_a_bar_lists_its_orders(qtbot: Any, window: Any, store: Any) -> None:
    _fill(store)
    view = window.show_view("dashboard")
    with qtbot.waitSignal(view.loaded, timeout=30_000):
        view.refresh()
    keys = [(artist, key) for artist, key in view.bar_keys.items() if key[1] == "kiosk"]
    assert keys, "the kiosk faults have a bar"
    artist, _key = keys[0]

    class Pick:
        pass

    event = Pick()
    event.artist = artist  # type: ignore[attr-defined]
    with qtbot.waitSignal(view.ordersListed, timeout=10_000) as listed:
        view._picked(event)
    assert listed.args == [2]
