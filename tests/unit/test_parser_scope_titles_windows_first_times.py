"""Deadlines read as written, and none where none is written (issue 13, branch deadlines29).

Five shapes an office's plan takes in which the parser found a deadline that was not one, or read part of one:
a plan's horizon in a heading's title ("一、今后五年主要目标和重点任务") is the section's scope, not a deadline; a window
whose both ends repeat the period word ("每年1月1日至每年6月30日") is one window; a notice's caption before the window it
captions, its colon lost to a blank ("征集日期 自公告发布之日起至2021年11月20日"), is no part of it; of several completion
times in one item the first written is the deadline ("力争2025年全线建成；…确保2023年建成投运"); and a date that says which
bodies a notice covers ("2018年6月30日前在省民政厅登记的社会团体") or an estimate in a review ("预计，2020年生产总值达到…")
is no deadline. The wording here is invented, not the corpus's."""
from __future__ import annotations

import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text
from tracker.parsing.deadlines import find_text_deadline, is_deadline_clause, parse_due_date, recurrence_of


def _deadlines(text: str) -> list[tuple[list[str], str | None]]:
    return [(m.path, m.deadline) for m in parse_plan_text(text).measures]


# ---- 1. A plan's horizon in a heading is the section's scope ------------------------------------------------------

def test_a_five_year_reports_headings_name_their_horizon_but_set_no_deadline():
    plan = ("某县第十五次党代会报告\n"
            "一、今后五年的主要目标和重点任务\n"
            "今后五年，是全县加快转型的关键时期。\n"
            "（一）今后五年工作的总体要求\n"
            "今后五年全县工作的总体要求是：坚持稳中求进。\n"
            "（二）未来三年重点工作\n"
            "1.到2035年远景目标\n"
            "2.今后五年，全县新建学校10所。\n")
    assert _deadlines(plan) == [(["一"], None), (["一", "（一）"], None), (["一", "（二）"], None),
                                (["一", "（二）", "1"], None), (["一", "（二）", "2"], "今后五年")]


def test_a_horizon_opening_the_work_is_still_the_deadline():
    assert find_text_deadline("今后五年，新建保障性住房1万套。") == "今后五年"
    assert find_text_deadline("今后三年内完成老旧小区改造。") == "今后三年内"
    assert find_text_deadline("到2025年，全市覆盖率达到90%。") == "2025年"
    assert find_text_deadline("到2025年目标任务全面完成。") == "2025年"


def test_a_heading_whose_title_joined_its_body_names_no_deadline_either():
    assert find_text_deadline("今后五年工作的总体要求做好今后五年工作，要坚持稳中求进。") is None


_HORIZONS = st.sampled_from(["今后五年", "未来三年", "今后3年", "未来五年内", "三年内", "到2025年", "到2035年"])
_TITLES = st.sampled_from(["主要目标", "重点任务", "主要目标和重点任务", "工作的总体要求", "的主要任务是：", "发展目标",
                           "远景目标", "重点工作", "总的奋斗目标"])


@settings(max_examples=60, deadline=None)
@given(_HORIZONS, _TITLES)
def test_any_horizon_before_a_titles_nouns_is_no_deadline_while_before_its_work_it_is(horizon, title):
    assert find_text_deadline(f"{horizon}{title}") is None
    assert find_text_deadline(f"{horizon}，全市新建学校10所。") == horizon.removeprefix("到")


# ---- 2. A window whose both ends repeat the period word ------------------------------------------------------------

def test_a_yearly_window_written_with_its_period_word_twice_is_read_whole():
    notice = ("关于做好年度报告公示工作的通知\n"
              "一、年报时间\n每年1月1日至每年6月30日\n"
              "二、报送进度（市市场监管局，每年1月1日至每年6月30日）。\n"
              "三、每月1日至每月5日报送上月进度。\n")
    assert _deadlines(notice) == [(["一"], "每年1月1日至每年6月30日"), (["二"], "每年1月1日至每年6月30日"),
                                  (["三"], "每月1日至每月5日")]
    plan = parse_plan_text(notice)
    assert [m.due_date for m in plan.measures] == [None, None, None]  # a window every year has no one due date
    assert recurrence_of("每年1月1日至每年6月30日") == "yearly"


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 12), st.integers(1, 28), st.integers(1, 12), st.integers(1, 28), st.booleans())
def test_any_yearly_window_reads_whole_whether_its_end_repeats_every_year_or_not(m1, d1, m2, d2, repeated):
    window = f"每年{m1}月{d1}日至{'每年' if repeated else ''}{m2}月{d2}日"
    assert find_text_deadline(f"各单位{window}报送年度报告。".replace("各单位", "")) == window
    assert is_deadline_clause(window)
    assert parse_due_date(window, 2024) is None


# ---- 3. A caption before a window is no part of it ----------------------------------------------------------------

def test_a_notices_caption_left_before_its_window_by_a_lost_colon_is_dropped():
    notice = ("关于公开征集城市宣传口号的公告\n"
              "一、征集时间\n征集日期 自公告发布之日起至2021年11月20日\n"
              "二、评选时间：自征集结束之日起至2021年12月10日。\n")
    plan = parse_plan_text(notice)
    assert [(m.deadline, m.due_date) for m in plan.measures] == [
        ("公告发布之日起至2021年11月20日", datetime.date(2021, 11, 20)),
        ("征集结束之日起至2021年12月10日", datetime.date(2021, 12, 10))]


def test_a_window_without_a_caption_keeps_its_event_as_written():
    assert find_text_deadline("本通告发布之日起至2023年5月10日") == "本通告发布之日起至2023年5月10日"
    assert find_text_deadline("报名时间公告之日起至2023年5月10日") == "公告之日起至2023年5月10日"


# ---- 4. Several completion times in one item: the first written ----------------------------------------------------

def test_of_several_completion_times_the_first_written_is_the_deadline():
    plan = ("重点项目推进方案\n"
            "一、加快铁路建设。推进A线建设，力争2025年全线建成；推进B电站建设，确保2023年建成投运。\n"
            "二、加快机场建设。力争2024年底主体完工；2025年建成投入使用。\n"
            "三、滇中引水工程力争2024年开工建设，2026年全面建成。\n"
            "四、确保2022年各项年度目标任务圆满完成。\n")
    assert _deadlines(plan) == [(["一"], "2025年"), (["二"], "2024年底"), (["三"], "2026年"), (["四"], None)]


# ---- 5. Times that are no deadline -------------------------------------------------------------------------------

def test_a_date_saying_which_bodies_a_notice_covers_is_no_deadline():
    notice = ("关于做好年度报告工作的通知\n"
              "一、年度报告对象\n2018年6月30日前在省民政厅登记的社会团体；2018年12月31日前在省民政厅登记的基金会。\n"
              "二、报送要求。各单位于2019年5月31日前在省平台完成登记。\n")
    assert _deadlines(notice) == [(["一"], None), (["二"], "2019年5月31日前")]
    assert find_text_deadline("对2023年底前经市政府批准设立的园区给予补助。") is None


def test_an_estimate_in_a_review_is_no_target_while_a_planned_year_is():
    assert find_text_deadline("“十三五”成就显著。预计，2020年生产总值达到1200亿元左右。") is None
    assert find_text_deadline("据初步统计，2022年全市新建5G基站3000个以上。") is None
    assert find_text_deadline("预计2025年建成投用。") == "2025年"


def test_a_goal_year_written_with_its_du_then_a_past_period_or_a_comma_is_no_opening_year():
    from tracker.parsing.deadlines import goal_opening_year
    assert goal_opening_year("2023年度以来累计新建社区食堂20个。") is None  # not "2023年": the 度 is the year's
    assert goal_opening_year("2024年度，计划新建社区食堂20个。") is None
    assert goal_opening_year("2024年度计划新建社区食堂20个。") == "2024年度"
