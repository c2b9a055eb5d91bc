"""Branch periods27: the time windows of traffic-control and ban notices (交通管制通告, 禁放通告, 禁烧通知).

A notice's item writes when a road is closed or a thing banned as a window of days and hours. The supervisor sees
that window as the item's deadline, due on its last day (GOLD-README "periods27" and wave 11's conventions):

- several windows after one caption ("…17:00时至24:00时；9月17日…"): the first, as written;
- an end written as a bare day with its hour ("…6:00时至5日6:00时"): the month and year before it;
- hours written "17:00时", "4時", parts of the day (早晨, 傍晚, 凌晨), a lunar day in brackets beside the date;
- a page in traditional characters ("交通管制時間" as a heading, the window on the line under it);
- a period followed by the hours of every day ("…至…，每天8:30—11:30"): the period;
- a window opening an item, then what it bans ("1.10月2日21:00-10月3日5:00，禁止…"): item 1, that window;
- a notice in force until further notice: no deadline.

The wording here is invented (a 龙舟赛, a 烟花 ban, a bridge inspection, a 秸秆 ban), not the corpus's.
"""
from __future__ import annotations

import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text
from tracker.parsing.deadlines import find_text_deadline, notice_period, parse_due_date


def _notice(items: str, signed: str = "2023年9月10日") -> list:
    text = (f"某区公安分局关于举办龙舟赛期间实行临时交通管制的通告\n为保障赛事顺利进行，现将有关事项通告如下：\n{items}\n"
            f"二、请过往车辆绕行。\n某区公安分局\n{signed}\n")
    return parse_plan_text(text).measures


@pytest.mark.parametrize("item, deadline, due", [
    # two days' windows after one caption: the first is the deadline as written, due on its day
    ("一、管制时间：2023年9月16日6:30时至12:00时；9月17日6:30时至12:00时。",
     "2023年9月16日6:30时至12:00时", datetime.date(2023, 9, 16)),
    # an end written as a bare day with its hour takes the month and year before it
    ("一、封闭时间：2023年10月3日20:00时至5日6:00时", "2023年10月3日20:00时至5日6:00时", datetime.date(2023, 10, 5)),
    ("一、封闭时间：9月28日22时至30日6时。", "9月28日22时至30日6时", datetime.date(2023, 9, 30)),
    # a bare day smaller than the start's: the window runs over the month's end
    ("一、封闭时间：2023年10月30日20时至2日6时", "2023年10月30日20时至2日6时", datetime.date(2023, 11, 2)),
    ("一、封闭时间：12月30日20时至1日6时", "12月30日20时至1日6时", datetime.date(2024, 1, 1)),
    # parts of the day before the hours
    ("一、禁放时间：9月30日傍晚18时至10月1日凌晨2时", "9月30日傍晚18时至10月1日凌晨2时", datetime.date(2023, 10, 1)),
    ("一、管制时段：9月24日早晨5时30分至中午12时", "9月24日早晨5时30分至中午12时", datetime.date(2023, 9, 24)),
    # a lunar day in brackets beside the date is part of the window as written
    ("一、禁放时间：9月29日(八月十五)晚上19时至23时", "9月29日(八月十五)晚上19时至23时", datetime.date(2023, 9, 29)),
    # a period, then the hours of every day: the period
    ("一、施工管制时间：2023年9月18日至2023年9月24日，每天8:30—11:30、14:30—17:30。",
     "2023年9月18日至2023年9月24日", datetime.date(2023, 9, 24)),
    ("一、管制时间：2023年9月18日至2023年9月24日每日22时至次日凌晨5时。",
     "2023年9月18日至2023年9月24日", datetime.date(2023, 9, 24)),
    ("一、交通管制时间：9月22日至9月24日共三天，每天早上6时至晚上20时。", "9月22日至9月24日", datetime.date(2023, 9, 24)),
])
def test_a_notices_time_window_is_its_deadline_due_on_its_last_day(item, deadline, due):
    """As a supervisor, a 管制 notice's item shows its window as written and falls due on the window's last day."""
    measure = _notice(item)[0]
    assert (measure.path, measure.deadline, measure.due_date) == (["一"], deadline, due)


def test_a_window_item_that_goes_on_after_its_window_keeps_the_window():
    measure = _notice("一、管制时间：2023年10月3日20:00时至5日6:00时。管制期间，桥面禁止一切车辆通行。")[0]
    assert (measure.deadline, measure.due_date) == ("2023年10月3日20:00时至5日6:00时", datetime.date(2023, 10, 5))


def test_a_page_in_traditional_characters_reads_its_time_heading_and_its_windows():
    """A notice set in traditional characters: the time heading's window on the line under it, and a ban's caption."""
    text = ("某縣公安局關於實行臨時交通管制的通告\n一、交通管制時間\n10月5日早上7:00-10月5日中午12:00\n"
            "二、禁燒時段：10月1日淩晨0時至11月30日24時。\n三、管制路段\n濱江路全段。\n某縣公安局\n2023年9月28日\n")
    measures = parse_plan_text(text).measures
    assert [(m.path, m.deadline, m.due_date) for m in measures] == [
        (["一"], "10月5日早上7:00-10月5日中午12:00", datetime.date(2023, 10, 5)),
        (["二"], "10月1日淩晨0時至11月30日24時", datetime.date(2023, 11, 30)),
        (["三"], None, None)]


def test_an_item_numbered_1_that_opens_with_a_dated_window_is_item_1_not_a_decimal():
    """"1.10月2日21:00-…" is item 1 whose text opens with its window, then what is banned in it."""
    text = ("关于桥梁荷载试验期间实行交通管制的通告\n一、管制时间与措施\n1.10月2日21:00-10月3日5:00，禁止一切车辆通行。\n"
            "2.10月3日5:00—8:00，禁止货车通行。\n二、请驾驶人提前规划路线。\n某市公安局交通警察支队\n2023年9月25日\n")
    measures = parse_plan_text(text).measures
    assert [(m.path, m.deadline, m.due_date) for m in measures] == [
        (["一"], None, None),
        (["一", "1"], "10月2日21:00-10月3日5:00", datetime.date(2023, 10, 3)),
        (["一", "2"], "10月3日5:00—8:00", datetime.date(2023, 10, 3)),
        (["二"], None, None)]


def test_a_ban_dated_by_a_lunar_day_without_an_issue_date_has_its_window_and_no_due_date():
    text = "关于元宵节期间禁止燃放烟花爆竹的通告\n一、2月5日(正月十五)早晨6时至晚上22时，城区范围内禁止燃放烟花爆竹。\n二、违者依法处理。\n"
    first = parse_plan_text(text).measures[0]
    assert (first.deadline, first.due_date) == ("2月5日(正月十五)早晨6时至晚上22时", None)


def test_a_window_in_brackets_after_the_days_it_dates_is_the_items_deadline():
    measure = _notice("一、国庆期间(10月1日0时至10月7日24时)辖区高速公路禁行危化品运输车辆。")[0]
    assert (measure.deadline, measure.due_date) == ("10月1日0时至10月7日24时", datetime.date(2023, 10, 7))


def test_a_notice_in_force_until_further_notice_names_no_deadline():
    measure = _notice("一、管制时间：自本通告发布之时起，解除时间另行通知。")[0]
    assert (measure.deadline, measure.due_date) == (None, None)


def test_a_plans_policy_term_stays_no_deadline():
    """A plan's sentence that names a term and no ban keeps the grammar's old reading (108: a policy's term)."""
    assert find_text_deadline("2023年5月1日至2024年4月30日，阶段性降低失业保险费率。") is None
    assert find_text_deadline("2023年5月1日至2024年4月30日实施阶段性降低失业保险费率政策。") is None


# ---- invariants ----------------------------------------------------------------------------------------------------

_DAYS = st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2039, 12, 31))


def _written(day: datetime.date, hour: int) -> str:
    return f"{day.year}年{day.month}月{day.day}日{hour}:00时"


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_DAYS, _DAYS, st.integers(0, 23), st.integers(0, 24), st.sampled_from(["至", "—", "-", "～"]))
def test_a_window_of_two_full_dates_is_due_on_the_later(first, second, hour, end_hour, dash):
    start, end = sorted((first, second))
    window = f"{_written(start, hour)}{dash}{_written(end, end_hour)}"
    assert notice_period(f"交通管制时间：{window}。") == window
    assert parse_due_date(window) == end


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_DAYS, st.integers(0, 27), st.integers(0, 23))
def test_an_end_written_as_a_bare_day_falls_in_the_month_before_it_or_the_next(start, days_on, hour):
    """Within the month the end is that month's day; past the month's end it is a day of the next month."""
    end = start + datetime.timedelta(days=days_on)
    window = f"{_written(start, hour)}至{end.day}日{hour}:00时"
    assert parse_due_date(window) == end


_TIME_ALPHABET = "0123456789:：年月日时時至到—-～()（）；;，,每日天次凌晨早上午下晚正腊十五初廿管制时间期限禁止\n"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=_TIME_ALPHABET, max_size=60))
def test_the_window_grammar_never_raises(text):
    notice_period(text)
    find_text_deadline(text)
    parse_due_date(text, 2023)
