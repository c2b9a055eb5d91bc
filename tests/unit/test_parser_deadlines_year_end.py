"""A target written "到2031年年底" (the year, then 年底 again) is due at that year's end, as "到2031年底" is
(tracker/parsing/deadlines.py, the "target" and "as_of" rules; branch titles, document 328)."""

from __future__ import annotations

import datetime

from tracker.parsing import parse_plan_text
from tracker.parsing.deadlines import find_text_deadline, parse_due_date


def test_year_end_a_target_with_年年底_keeps_its_year_end_as_written():
    assert find_text_deadline("到2031年年底，全镇污水管网实现全覆盖。", None) == "2031年年底"
    assert find_text_deadline("至2031年年底，建成充电桩200个。", None) == "2031年年底"
    assert find_text_deadline("到2031年底，建成充电桩200个。", None) == "2031年底"
    assert find_text_deadline("到2031年，建成充电桩200个。", None) == "2031年"


def test_year_end_a_planned_goal_with_年年底_is_due_on_the_last_day_of_that_year():
    draft = parse_plan_text("一、发展目标\n（一）管网建设。到2031年年底，全镇污水管网实现全覆盖。\n")
    goal = draft.measures[1]
    assert goal.deadline == "2031年年底"
    assert goal.due_date == datetime.date(2031, 12, 31)
    assert parse_due_date("2031年年底", None, None) == datetime.date(2031, 12, 31)
