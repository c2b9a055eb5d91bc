"""The report day of a period (periods.report_due): the day the office sets in 报送设置, read the same way by
every page, the reminders and the 通报."""
from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from tracker.periods import parse_period, report_due


@pytest.mark.parametrize("cycle, day, period, due", [
    ("weekly", 1, "2026-W47", date(2026, 11, 16)),  # Monday of the week 11-16 … 11-22
    ("weekly", 3, "2026-W47", date(2026, 11, 18)),  # Wednesday, as the form's “1 为周一” counts
    ("weekly", 7, "2026-W47", date(2026, 11, 22)),  # Sunday
    ("weekly", 25, "2026-W47", date(2026, 11, 22)),  # a monthly day left on a plan made weekly: the week's last day
    ("monthly", 25, "2026-11", date(2026, 11, 25)),
    ("monthly", 31, "2026-02", date(2026, 2, 28)),  # capped at the month's last day
    ("monthly", 31, "2028-02", date(2028, 2, 29)),
    ("quarterly", 20, "2026-Q4", date(2026, 12, 20)),  # in the quarter's last month
    ("quarterly", 31, "2026-Q2", date(2026, 6, 30)),
    ("monthly", 0, "2026-11", date(2026, 11, 1)),  # below 1 counts as the first
])
def test_a_period_s_report_is_due_on_the_day_the_office_set(cycle, day, period, due):
    assert report_due(SimpleNamespace(report_cycle=cycle, report_day=day), parse_period(period)) == due

