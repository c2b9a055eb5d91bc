"""Deadlines as notices and 民生实事 pages write them (issue 13, deadlines round 5). A 督查 or 报送 notice asks for
its returns by a day and an hour ("于9月8日17：30前报送"), a weekday in brackets beside the day; a 征集 or 报名 notice
sets its window under a time heading, from the day of the notice to a date ("一、报名时间" / "发布之日起至…"); a
民生实事 page writes each project's target under its title, "任务目标：2025年计划…". The deadline stays the one the
reader is given, as written. The wording here is invented, not the corpus's."""
from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text
from tracker.parsing.deadlines import find_text_deadline

NOTICE = "关于报送秋季校园安全检查情况的通知\n各学院、各部门：\n为做好秋季开学安全工作，现将有关事项通知如下。\n"


@pytest.mark.parametrize("sentence, deadline", [
    ("一、各学院于9月8日17：30前报送自查表。", "9月8日17：30前"),
    ("一、各学院务必于9月8日17:30前将自查表发至邮箱。", "9月8日17:30前"),
    ("一、请于9月8日下午5时前报送自查表。", "9月8日下午5时前"),
    ("一、请于9月8日（星期一）中午12:00前报送自查表。", "9月8日（星期一）中午12:00前"),
    ("一、请于2025年9月8日16时30分之前报送。", "2025年9月8日16时30分之前"),
    ("一、请于9月8日(周一)前报送名单。", "9月8日(周一)前"),
])
def test_a_day_with_its_hour_before_qian_is_the_deadline_as_written(sentence, deadline):
    measure = parse_plan_text(NOTICE + sentence + "\n二、各部门要加强值守。\n").measures[0]
    assert measure.deadline == deadline


def test_the_hour_does_not_move_the_due_day():
    plan = parse_plan_text(NOTICE + "一、请于2025年9月8日18：00前报送自查表。\n")
    assert plan.measures[0].due_date == datetime.date(2025, 9, 8)


def test_a_clock_time_alone_is_no_deadline():
    """An hour without its day ("每日17:00前") names no day of the calendar: the grammar reads none."""
    assert find_text_deadline("值班人员每日17:00前报告当日情况。") is None


@pytest.mark.parametrize("window, deadline, due", [
    ("发布之日起至2025年3月15日", "发布之日起至2025年3月15日", datetime.date(2025, 3, 15)),
    ("自公告之日起至2025年3月15日止", "公告之日起至2025年3月15日", datetime.date(2025, 3, 15)),
    ("即日起至2025年3月15日。", "即日起至2025年3月15日", datetime.date(2025, 3, 15)),
])
def test_a_window_from_the_notice_to_a_date_under_a_time_heading_is_the_deadline(window, deadline, due):
    plan = parse_plan_text("关于公开征集城市吉祥物设计方案的公告\n为展示城市形象，现公开征集吉祥物设计方案。\n"
                           f"一、报名时间\n{window}\n二、作品要求\n作品须为原创，未公开发表。\n")
    first, second = plan.measures
    assert (first.deadline, first.due_date) == (deadline, due)
    assert second.deadline is None


def test_an_event_in_a_sentence_is_no_window():
    """Inside prose ("自发布之日起至今，已收到…") the span reports what happened: only a line of its own is the window."""
    assert find_text_deadline("自发布之日起至2025年3月15日，已收到作品120件。") is None


LIVELIHOOD = ("某区2025年为民办实事项目\n经区人大代表票决，确定2025年为民办实事项目如下，各责任单位要倒排工期，确保如期完成。\n")


def test_the_year_of_a_projects_target_caption_is_its_deadline():
    plan = parse_plan_text(LIVELIHOOD
                           + "一、社区助餐点建设\n责任单位：区民政局（牵头）、区财政局\n任务目标：2025年计划新建社区助餐点15个。\n"
                           + "二、背街小巷改造\n责任单位：区城管局\n任务目标：2025年度完成背街小巷改造30条。\n"
                           + "三、公办幼儿园扩容\n责任单位：区教育局\n任务目标：新增学位600个。\n")
    first, second, third = plan.measures
    assert (first.lead_units, first.supporting_units, first.deadline) == (["区民政局"], ["区财政局"], "2025年")
    assert (second.lead_units, second.deadline) == (["区城管局"], "2025年度")
    assert third.deadline is None, "a target with no year names no deadline"


def test_a_goal_clause_after_the_items_words_stays_a_target():
    plan = parse_plan_text(LIVELIHOOD + "一、建设口袋公园。任务目标：2025年建成20个。\n")
    assert plan.measures[0].deadline is None


def test_a_target_caption_reporting_results_gives_no_deadline():
    plan = parse_plan_text(LIVELIHOOD + "一、社区助餐点建设\n任务目标：2024年已建成社区助餐点12个。\n")
    assert plan.measures[0].deadline is None


_WORDS = st.text(alphabet="各单位于请报送前日月年时分点上下午星期一二三四五六：:（）()0123456789至起之通告任务目标，。\n",
                 max_size=60)


@settings(max_examples=200, deadline=None)
@given(_WORDS)
def test_never_crashes_and_a_found_deadline_is_written_in_the_text(text):
    found = find_text_deadline(text)
    assert found is None or found in text


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from(["于6月3日18：00前报送", "通告之日起至2025年1月5日", "任务目标：2025年计划新建5个",
                                 "加强值守", "做好宣传"]), min_size=1, max_size=6))
def test_every_item_is_kept_in_order(bodies):
    text = NOTICE + "".join(f"{n}、{body}\n" for n, body in zip("一二三四五六", bodies))
    plan = parse_plan_text(text)
    assert [m.path for m in plan.measures] == [[n] for n in "一二三四五六"[:len(bodies)]]


def test_a_goal_caption_glued_to_the_units_before_it_ends_their_value():
    """A page that lost the break between two caption lines ("责任单位：X街道任务目标：…"): the units end where the
    goal caption begins, and the goal's year is still the deadline."""
    plan = parse_plan_text(LIVELIHOOD
                           + "一、社区助餐点建设\n责任单位：西湖街道任务目标：2025年计划新建助餐点3个。\n"
                           + "二、背街小巷改造\n责任单位：区城管局（牵头）、北山街道目标任务：年内完成改造8条。\n")
    first, second = plan.measures
    assert (first.lead_units, first.deadline) == (["西湖街道"], "2025年")
    assert (second.lead_units, second.supporting_units, second.deadline) == (["区城管局"], ["北山街道"], "年内")


def test_a_unit_named_in_a_target_sentence_is_not_split_off():
    """Only a line that is units and nothing else before the goal caption is split: a sentence stays the item's."""
    plan = parse_plan_text(LIVELIHOOD + "一、社区助餐点建设\n由西湖街道负责建设任务目标：2025年计划新建助餐点3个。\n")
    assert plan.measures[0].lead_units == []
