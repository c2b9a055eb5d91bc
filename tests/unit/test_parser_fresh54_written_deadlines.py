"""Written deadlines the parser missed (branch fresh54): a time opening an item before a clause naming the rule's scope by a
date before which, a window whose start is closed by 开始 and a comma inside an annotation, a season of every year in a
standing rule, the day a notice fixes for an event only when it is the item's own work and its only time, and a time
counted back from any event. Each story is an invented plan an office might send; GOLD-README "fresh54" gives the rules.
"""
from __future__ import annotations

import datetime

import pytest

from tracker.parsing import parse_plan_text
from tracker.parsing.deadlines import find_text_deadline, recurrence_of

SIGNATURE = ["某县人民政府办公室", "2026年2月10日"]


def _deadlines(*lines: str) -> dict[tuple[str, ...], tuple[str | None, datetime.date | None]]:
    plan = parse_plan_text("\n".join(["某县安全隐患排查整治工作方案", "为做好排查整治工作，制定本方案。", *lines, *SIGNATURE]))
    return {tuple(m.path): (m.deadline, m.due_date) for m in plan.measures}


def test_a_months_span_opening_an_item_stays_its_time_when_the_next_clause_names_old_firms_by_a_date_before_which():
    """A county's office writes when a check runs, then which firms it covers: those set up before a day (已开办的). The 已
    says what the firms did, not what the item reports, so the span opening the item is its time, due at its end."""
    read = _deadlines("一、重点任务",
                      "1.2026年5月至9月，对2025年6月30日前已投入运营的加油站，逐一开展安全评估。",
                      "2.8月上旬，对2024年底前已建成的农村公路桥梁，组织一次复查。",
                      "3.完善隐患台账。")
    assert read[("一", "1")] == ("2026年5月至9月", datetime.date(2026, 9, 30))
    assert read[("一", "2")] == ("8月上旬", datetime.date(2026, 8, 10))
    assert read[("一", "3")] == (None, None)


def test_a_window_started_with_kaishi_and_a_comma_in_the_annotation_is_read_whole():
    """An annotation gives the lead unit, then a window written as a start (开始), a comma, and its end (至): one window,
    due at its end, never its end alone."""
    read = _deadlines("一、重点任务",
                      "1.开展校园周边交通秩序整治。（县公安局牵头，8月12日开始，至8月底）",
                      "2.开展危房排查。（县住建局牵头，2026年9月1日起，至10月15日）",
                      "3.开展燃气管道巡查。（县城管局牵头，9月10日开始至9月底）")
    assert read[("一", "1")] == ("8月12日开始，至8月底", datetime.date(2026, 8, 31))
    assert read[("一", "2")] == ("2026年9月1日起，至10月15日", datetime.date(2026, 10, 15))
    assert read[("一", "3")] == ("9月10日开始至9月底", datetime.date(2026, 9, 30))


def test_a_season_of_every_year_in_a_standing_rule_is_a_recurring_time_with_no_due_date():
    """A standing rule repeats before each flood season or festival: like 每年6月底前, the time as written keeps 每年 and is
    yearly, with no due date; the season alone (one year's) stays a deadline as written without 每年."""
    read = _deadlines("一、长效机制",
                      "1.每年汛前完成全县小型水库安全鉴定和隐患检查。",
                      "2.组织走访慰问困难群众。（县民政局牵头，每年春节前完成）",
                      "3.入汛前完成河道清障。")
    assert read[("一", "1")] == ("每年汛前", None)
    assert read[("一", "2")] == ("每年春节前", None)
    assert read[("一", "3")] == ("入汛前", None)
    assert recurrence_of("每年汛前") == "yearly"


def test_the_day_a_notice_fixes_for_the_items_own_event_is_its_time_but_not_beside_another_time_or_as_a_meetings_name():
    """定于…召开 dates the item when holding the event is its work and it writes no other time; a meeting named by its day
    (定于…召开的会议) or an item whose own time is written after it keeps that other time or none."""
    read = _deadlines("一、工作安排",
                      "（一）召开动员会。全县排查整治动员会定于3月5日召开，各乡镇分管负责同志参加。",
                      "（二）报送材料。全县推进会定于4月8日召开，各乡镇于3月31日前报送交流材料。",
                      "（三）做好交流发言。各乡镇要在定于5月10日召开的全县推进会上作交流发言。")
    assert read[("一", "（一）")] == ("3月5日", datetime.date(2026, 3, 5))
    assert read[("一", "（二）")] == ("3月31日前", datetime.date(2026, 3, 31))
    assert read[("一", "（三）")] == (None, None)


@pytest.mark.parametrize("text, expected", [
    ("各乡镇于项目验收前5个工作日提交验收申请。", "项目验收前5个工作日"),
    ("施工单位应在开工前10日报县住建局备案。", "开工前10日"),
    ("报名截止前3天，完成资格初审。", "报名截止前3天"),
    ("考前10日报送考生名单。", "考前10日"),  # fresh52's listed event still reads
    # not times: ahead of time, now, a rank, the year's first months, a count after a date
    ("各乡镇要提前3天完成布置。", None),
    ("目前3个项目已完成验收。", None),
    ("对排名前3名的乡镇通报表扬。", None),
    ("全县前10个月完成投资12亿元。", None),
])
def test_a_time_counted_back_from_any_event_is_read_as_written_and_words_ending_in_qian_are_not(text, expected):
    """Any event an item's work comes before, then a count of days, reads as a time counted back (no due date: the event's
    day is not the grammar's), not only the listed exams and meetings; words ending in 前 that name no event do not."""
    assert find_text_deadline(text) == expected
