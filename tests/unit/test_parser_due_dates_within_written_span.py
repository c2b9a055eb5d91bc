"""Branch deadlines30, kind 3: the due date derived from a deadline as written lies within the span the words name.

The reminder run and the red/yellow/green lights count from ``due_date``; a due date outside what the plan wrote (a month's
deadline due in another month, a window due before it opens, a period counted from the issue date due before it) would
warn the wrong unit at the wrong time. GOLD-README "Deadlines" fixes the day: the last day the words allow — a month's
last day, the end of a half year or a quarter, the year's end for 年底/年内/a bare year, a window's or a span's last day,
the issue date plus the period for "印发之日起30日内"; a year-less deadline takes the year of issue (次年/明年: the next);
periodic ones (每年6月底前) have none. Each form a plan writes is checked below, then a property over every form.
"""
from __future__ import annotations

import calendar
import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text
from tracker.parsing.deadlines import parse_due_date

_ISSUED = datetime.date(2023, 2, 10)


@pytest.mark.parametrize("deadline, due", [
    ("2023年6月", datetime.date(2023, 6, 30)),
    ("6月底前", datetime.date(2023, 6, 30)),  # the year of issue
    ("上半年", datetime.date(2023, 6, 30)),
    ("三季度", datetime.date(2023, 9, 30)),
    ("年内", datetime.date(2023, 12, 31)),
    ("2023年年中前", datetime.date(2023, 6, 30)),
    ("次年3月", datetime.date(2024, 3, 31)),  # the year after the plan's
    ("每年6月底前", None),  # periodic: no one due date
    ("每年10月1日至次年5月31日", None),
    ("3月1日至5月31日", datetime.date(2023, 5, 31)),  # a window: its last day
    ("11月1日至次年4月30日", datetime.date(2024, 4, 30)),
    ("2023—2025年", datetime.date(2025, 12, 31)),  # a span of years: the last year's end
    ("印发之日起30日内", datetime.date(2023, 3, 12)),  # counted from the issue date
])
def test_each_form_a_plan_writes_is_due_as_gold_readme_says(deadline, due):
    assert parse_due_date(deadline, issued_on=_ISSUED) == due


# ---- the property: a derived due date lies within the span the deadline as written names ---------------------------

_YEARS = st.integers(2000, 2039)
_MONTHS = st.integers(1, 12)


def _last(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


@st.composite
def _written_deadlines(draw) -> tuple[str, datetime.date, datetime.date]:
    """A deadline as plans write it, with the first and last day of the span its words name (year of issue: 2023)."""
    year, month = draw(_YEARS), draw(_MONTHS)
    day = draw(st.integers(1, calendar.monthrange(year, month)[1]))
    end_year = draw(st.integers(year, 2040))
    end_month = draw(_MONTHS)
    end_day = draw(st.integers(1, calendar.monthrange(end_year, end_month)[1]))
    start, end = datetime.date(year, month, day), datetime.date(end_year, end_month, end_day)
    quarter = draw(st.integers(1, 4))
    count = draw(st.integers(1, 90))
    forms = [
        (f"{year}年{month}月", datetime.date(year, month, 1), _last(year, month)),
        (f"{year}年{month}月底前", datetime.date(year, month, 1), _last(year, month)),
        (f"{year}年{month}月{day}日前", start, start),
        (f"{month}月底前", datetime.date(2023, month, 1), _last(2023, month)),
        (f"{year}年上半年", datetime.date(year, 1, 1), datetime.date(year, 6, 30)),
        (f"{year}年下半年", datetime.date(year, 7, 1), datetime.date(year, 12, 31)),
        (f"{year}年第{'一二三四'[quarter - 1]}季度", datetime.date(year, 3 * quarter - 2, 1), _last(year, 3 * quarter)),
        (f"{year}年底前", datetime.date(year, 1, 1), datetime.date(year, 12, 31)),
        (f"{year}年内", datetime.date(year, 1, 1), datetime.date(year, 12, 31)),
        (f"次年{month}月底前", datetime.date(2024, month, 1), _last(2024, month)),
        (f"{year}年{month}月{day}日至{end_year}年{end_month}月{end_day}日", start, end) if end >= start else
        (f"{year}年{month}月{day}日", start, start),
        (f"{year}—{end_year}年" if end_year > year else f"{year}年", datetime.date(year, 1, 1), datetime.date(end_year, 12, 31)),
        (f"本方案印发之日起{count}日内", _ISSUED, _ISSUED + datetime.timedelta(days=count)),
    ]
    return draw(st.sampled_from(forms))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_written_deadlines())
def test_a_derived_due_date_lies_within_the_span_the_deadline_names(written):
    deadline, first, last = written
    due = parse_due_date(deadline, issued_on=_ISSUED)
    assert due is not None and first <= due <= last, (deadline, due)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_written_deadlines())
def test_an_items_due_date_read_from_a_plan_lies_within_its_written_span(written):
    """The same through the parser: an item whose annotation writes the deadline is due within the span it names."""
    deadline, first, last = written
    text = f"某县实施方案\n（一）推进平台建设（县发改局牵头，{deadline}）。\n某县人民政府办公室\n2023年2月10日\n"
    measure = parse_plan_text(text).measures[0]
    assert measure.deadline == deadline
    assert measure.due_date is not None and first <= measure.due_date <= last, (deadline, measure.due_date)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_written_deadlines(), st.sampled_from(["，{d}完成。", "，力争于{d}完成。", "。完成时限：{d}"]))
def test_a_time_written_in_an_items_prose_is_its_deadline_due_within_its_span(written, shape):
    """An item that writes its time at its sentence's end (after 力争于 or not) or on a caption sentence: the time as
    written, due within the span it names (a time that ends before the plan's date, 2023-02-10, reports the past and is
    left out: GOLD-README, "a time with its year that ends before the document's date … is a report"; spans of dates
    and years are the windows' stories, above and in test_parser_ban_and_season_windows.py)."""
    deadline, first, last = written
    if last < _ISSUED or "至" in deadline or "—" in deadline:
        return
    text = f"某县实施方案\n（一）推进平台建设{shape.format(d=deadline)}\n某县人民政府办公室\n2023年2月10日\n"
    measure = parse_plan_text(text).measures[0]
    assert measure.deadline == deadline
    assert measure.due_date is not None and first <= measure.due_date <= last, (deadline, measure.due_date)
