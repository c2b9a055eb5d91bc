"""Status lights and reporting periods, computed from dates (issue #5's rules)."""
from __future__ import annotations

from datetime import date

import pytest

from tracker.models import ReportCycle, TaskStatus
from tracker.periods import parse_period, period_containing
from tracker.services.figures.lights import Light, task_light

TODAY = date(2026, 11, 21)
REPORTED_THIS_MONTH = date(2026, 11, 3)


@pytest.mark.parametrize(("status", "due", "reported", "light"), [
    (TaskStatus.IN_PROGRESS, date(2026, 11, 20), REPORTED_THIS_MONTH, Light.RED),      # due yesterday
    (TaskStatus.IN_PROGRESS, date(2026, 11, 21), REPORTED_THIS_MONTH, Light.YELLOW),   # due today
    (TaskStatus.IN_PROGRESS, date(2026, 12, 6), REPORTED_THIS_MONTH, Light.YELLOW),    # 15 days left
    (TaskStatus.IN_PROGRESS, date(2026, 12, 7), REPORTED_THIS_MONTH, Light.GREEN),     # 16 days left
    (TaskStatus.IN_PROGRESS, None, REPORTED_THIS_MONTH, Light.GREEN),
    (TaskStatus.IN_PROGRESS, None, date(2026, 10, 31), Light.YELLOW),                  # nothing this month
    (TaskStatus.ASSIGNED, None, None, Light.YELLOW),
    (TaskStatus.CLOSED, date(2020, 1, 1), None, Light.GREEN),                          # closed is never late
])
def test_light_rules(status, due, reported, light):
    assert task_light(status, due, reported, TODAY) is light


def test_quarterly_plans_ask_one_report_per_quarter():
    assert task_light(TaskStatus.IN_PROGRESS, None, date(2026, 10, 1), TODAY, cycle=ReportCycle.QUARTERLY) is Light.GREEN
    assert task_light(TaskStatus.IN_PROGRESS, None, date(2026, 9, 30), TODAY, cycle=ReportCycle.QUARTERLY) is Light.YELLOW


def test_periods_are_written_as_the_bulletin_command_takes_them():
    october = parse_period("2026-10")
    assert (october.start, october.end, october.label) == (date(2026, 10, 1), date(2026, 10, 31), "2026年10月")
    q4 = parse_period("2026-Q4")
    assert (q4.start, q4.end, q4.label) == (date(2026, 10, 1), date(2026, 12, 31), "2026年第四季度")
    week = parse_period("2026-W47")
    assert (week.start, week.end) == (date(2026, 11, 16), date(2026, 11, 22))
    assert period_containing("monthly", date(2024, 2, 10)).end == date(2024, 2, 29)
    assert parse_period("2026-Q1").previous().key == "2025-Q4"
    with pytest.raises(ValueError, match="2026-10"):
        parse_period("2026年10月")


@pytest.mark.parametrize("written, said", [
    ("0000-01", "年份 0 不在 1900—2999 年之间"),  # date() itself would say "year 0 is out of range"
    ("9999-Q4", "年份 9999 不在 1900—2999 年之间"),  # the quarter's end would overflow the calendar
    ("2025-W53", "2025年没有第53周"),  # date.fromisocalendar would say "Invalid week: 53"
])
def test_a_period_the_calendar_cannot_hold_is_refused_in_chinese_saying_what_to_write(written, said):
    with pytest.raises(ValueError, match=said) as refused:
        parse_period(written)
    assert "请" in str(refused.value)  # and says what to write instead
    assert parse_period("2026-W53").key == "2026-W53"  # 2026 has 53 ISO weeks: kept
