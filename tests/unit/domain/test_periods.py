"""The service period (三) and the calendar-month staff change notice (五、5.2.11)."""

from __future__ import annotations

import datetime as dt

import pytest

from workbench.config import resource_path
from workbench.domain.contract import load_contract
from workbench.domain.messages import WorkbenchError
from workbench.domain.periods import (
    OUTSIDE_SERVICE_PERIOD,
    ServicePeriod,
    months_before,
    notice_due,
    notice_in_time,
)

BJ = dt.timezone(dt.timedelta(hours=8))
S = dt.timedelta(seconds=1)


@pytest.fixture(scope="module")
def contract():
    return load_contract(resource_path("contract", "ZHSWZX-2026-007.toml"))


@pytest.fixture(scope="module")
def period(contract):
    return ServicePeriod.of(contract.start, contract.end, contract.timezone)


def test_the_period_is_the_contracts(period):
    assert period.start == dt.datetime(2026, 3, 1, 0, 0, tzinfo=BJ)
    assert period.end == dt.datetime(2027, 3, 1, 0, 0, tzinfo=BJ)


def test_one_second_before_the_start_is_refused(period):
    start = dt.datetime(2026, 3, 1, 0, 0, tzinfo=BJ)
    assert not period.contains(start - S)
    assert period.contains(start)
    with pytest.raises(WorkbenchError) as caught:
        period.check(start - S)
    assert caught.value.message.template == OUTSIDE_SERVICE_PERIOD
    assert caught.value.render() == (
        "2026-02-28 23:59:59 lies outside the contract's service period "
        "(2026-03-01 to 2027-02-28, 三、服务期限): no contract clock runs for it."
    )
    assert period.check(start) == start


def test_the_last_day_counts_to_its_end(period):
    last = dt.datetime(2027, 2, 28, 23, 59, 59, tzinfo=BJ)
    assert period.contains(last)
    assert not period.contains(last + S)
    # The same instant written in UTC: 2026-02-28 16:00 UTC is the start in Beijing.
    assert period.contains(dt.datetime(2026, 2, 28, 16, 0, tzinfo=dt.UTC))
    assert not period.contains(dt.datetime(2026, 2, 28, 15, 59, 59, tzinfo=dt.UTC))


def test_an_order_of_2026_02_20_is_outside(period):
    with pytest.raises(WorkbenchError, match="outside the contract's service period"):
        period.check(dt.datetime(2026, 2, 20, 10, 0, tzinfo=BJ))


def test_naive_times_and_reversed_periods_are_refused(period):
    with pytest.raises(ValueError, match="naive"):
        period.contains(dt.datetime(2026, 5, 1))  # noqa: DTZ001
    with pytest.raises(ValueError, match="ends before"):
        ServicePeriod(dt.date(2026, 3, 2), dt.date(2026, 3, 1), "Asia/Shanghai")


def test_the_notice_term_is_one_calendar_month(contract):
    staff = next(d for d in contract.deliverables if d.key == "staff_change_notice")
    assert staff.notice_months == 1
    assert staff.clause == "五、5.2.11"


@pytest.mark.parametrize(
    ("change_on", "due"),
    [
        (dt.date(2026, 8, 1), dt.date(2026, 7, 1)),
        (dt.date(2026, 3, 31), dt.date(2026, 2, 28)),  # 31-day month after a short one
        (dt.date(2026, 7, 31), dt.date(2026, 6, 30)),
        (dt.date(2026, 8, 31), dt.date(2026, 7, 31)),  # two 31-day months in a row
        (dt.date(2026, 3, 1), dt.date(2026, 2, 1)),
        (dt.date(2027, 1, 15), dt.date(2026, 12, 15)),  # across the year
        (dt.date(2028, 3, 30), dt.date(2028, 2, 29)),  # a leap February
    ],
)
def test_notice_due_a_calendar_month_ahead(change_on, due):
    assert notice_due(change_on, 1) == due
    assert notice_in_time(change_on, due, 1)
    assert not notice_in_time(change_on, due + dt.timedelta(days=1), 1)


def test_months_before():
    assert months_before(dt.date(2026, 5, 31), 3) == dt.date(2026, 2, 28)
    assert months_before(dt.date(2026, 5, 31), 0) == dt.date(2026, 5, 31)
    with pytest.raises(ValueError, match="negative"):
        months_before(dt.date(2026, 5, 31), -1)
