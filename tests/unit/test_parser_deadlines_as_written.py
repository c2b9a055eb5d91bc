"""Deadlines as offices write them (issue 13, deadlines round 3): the immediate, standing and recurring
words of an annotation or a time cell, dates in figures, a caption sentence after the measure, a goal
clause whose years are targets, a table's empty time cell, a schedule in a time cell, and a stage
heading whose time covers the items under it. The wording here is invented, not the corpus's."""
from __future__ import annotations

import datetime
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text
from tracker.parsing.deadlines import captioned_deadline, is_deadline_clause, names_a_stage

HEADER = "关于印发某区社区治理提升方案的通知\n2023年3月1日\n一、重点工作\n"


def _item(sentence: str):
    """The first item of a plan holding ``sentence`` under 一, and a second item after it."""
    return parse_plan_text(HEADER + f"（一）{sentence}\n（二）做好其他工作。\n").measures[1]


@pytest.mark.parametrize("annotation, deadline, due, recurrence", [
    ("（区应急局，立即）", "立即", None, None),
    ("（区应急局，即时）", "即时", None, None),
    ("（区城管局，常态化）", "常态化", None, "ongoing"),
    ("（区统计局，每季度）", "每季度", None, "quarterly"),
    ("（区水务局，每月）", "每月", None, "monthly"),
    ("（区林业局，8月份）", "8月份", datetime.date(2023, 8, 31), None),
    ("（区交通局，2023.9）", "2023.9", datetime.date(2023, 9, 30), None),
    ("（区卫健局，2023-10-15）", "2023-10-15", datetime.date(2023, 10, 15), None),
    ("（区民政局，2023）", "2023", datetime.date(2023, 12, 31), None),
    # two dates listed in one clause: the first is the deadline (GOLD-README: "分别于6月底和7月底报送" -> 6月底)
    ("（区商务局，2023年5月、11月）", "2023年5月", datetime.date(2023, 5, 31), None),
])
def test_an_annotation_that_says_when_in_few_words_keeps_its_units_and_gives_that_deadline(
        annotation, deadline, due, recurrence):
    measure = _item(f"整治背街小巷环境。{annotation}")
    assert measure.lead_units, "the unit before the time is still read"
    assert (measure.deadline, measure.due_date, measure.recurrence) == (deadline, due, recurrence)


@pytest.mark.parametrize("sentence, deadline, due", [
    ("巡查沿街店招店牌，常态化推进。", "常态化推进", None),
    ("清理占道堆物，立即整改。", "立即整改", None),
    ("改造社区食堂，2023年8月份完成。", "2023年8月份", datetime.date(2023, 8, 31)),
    ("修订管理细则，2023.10前完成。", "2023.10前", datetime.date(2023, 10, 31)),
])
def test_a_time_closing_the_measures_own_words_is_its_deadline(sentence, deadline, due):
    measure = _item(sentence)
    assert (measure.deadline, measure.due_date) == (deadline, due)


@pytest.mark.parametrize("sentence", [
    "安排社区资金2023.5万元，用于加装电梯。",  # a figure with a dot, not a date
    "分批改造老旧管网，按季度推进。",  # a way of working, no time by which (GOLD-README 250–259)
    "每月召开一次联席会议。",  # a period alone in prose names no time by which
])
def test_words_that_only_look_like_a_time_give_no_deadline(sentence):
    assert _item(sentence).deadline is None


@pytest.mark.parametrize("sentence, deadline", [
    ("建设智慧停车平台。时间：2023年11月", "2023年11月"),
    ("开展楼道杂物清理。时限：长期", "长期"),
    # the caption beats a step's date in the words before it
    ("2023年6月底前完成设计，推进智慧停车平台建设。完成时限：2023年底前", "2023年底前"),
])
def test_a_caption_sentence_after_the_measures_words_gives_its_deadline(sentence, deadline):
    assert _item(sentence).deadline == deadline


def test_the_years_of_a_goal_clause_are_targets_not_the_deadline():
    plan = parse_plan_text(HEADER + "（一）推进社区嵌入式服务。工作目标：到2026年覆盖全区所有街道。（区民政局）\n"
                           "（二）建设口袋公园。任务目标：2025年建成20个。（区绿化局；完成时限：2023年10月底前）\n"
                           "（三）主要目标：到2026年，社区服务覆盖率达到100%。\n")
    first, second, third = plan.measures[1:4]
    assert (first.deadline, first.lead_units) == (None, ["区民政局"])
    assert second.deadline == "2023年10月底前"
    assert third.deadline == "2026年", "an item whose whole text is its goal keeps its target year"


def test_a_tables_empty_time_cell_gives_no_deadline_and_a_schedule_gives_its_first_time():
    table = ("序号\t工作任务\t责任单位\t时间节点\n"
             "1\t到2026年实现社区食堂全覆盖\t区民政局\t\n"
             "2\t建设智慧停车平台\t区交通局\t①4月底前完成方案；②8月底前上线试运行；③年底前全面运行\n"
             "3\t监测河道水质\t区水务局\t每月采样检测，每季度通报结果\n")
    first, second, third = parse_plan_text(table).measures
    assert first.deadline is None, "the year in the task cell is a target; the time column is empty"
    assert second.deadline == "4月底前"
    assert (third.deadline, third.recurrence) == ("每月", "monthly")


def test_a_stage_heading_passes_its_time_to_the_items_under_it_that_write_none():
    plan = parse_plan_text(HEADER.replace("一、重点工作\n", "") +
                           "一、第一阶段（2023年9月底前）\n（一）摸清底数。\n（二）建立台账，2023年6月底前完成。\n"
                           "二、近期（2024年底前）\n（一）推广试点经验。\n"
                           "三、完善制度（2023年底前完成）\n（一）修订议事规则。\n")
    rows = [(m.path, m.deadline) for m in plan.measures]
    assert rows == [
        (["一"], "2023年9月底前"), (["一", "（一）"], "2023年9月底前"), (["一", "（二）"], "2023年6月底前"),
        (["二"], "2024年底前"), (["二", "（一）"], "2024年底前"),
        # a heading with work of its own keeps its deadline (GOLD-README wave 5, round 2)
        (["三"], "2023年底前"), (["三", "（一）"], None),
    ]


@pytest.mark.parametrize("text, stage", [
    ("近期", True), ("第二阶段", True), ("集中整治阶段", True), ("攻坚期（2023年12月）", True),
    ("第一阶段：宣传发动", True), ("第二阶段（2023年5月—8月）：集中攻坚", True), ("近期目标（到2025年）", False),
    ("完善制度", False), ("近期工作成效明显", False), ("建立定期通报制度", False),
])
def test_only_a_heading_naming_a_stage_and_nothing_else_is_a_stage(text, stage):
    assert names_a_stage(text) is stage


_CELL_TEXT = st.text(alphabet=st.sampled_from(list("年月日底前每季度半周①②。，；0123456789-.立即长期常态化完成建设上旬中")),
                     max_size=40)


@settings(max_examples=300, deadline=None)
@given(_CELL_TEXT)
def test_a_time_cells_deadline_is_always_written_in_the_cell(value):
    """Whatever a time cell holds, its deadline is None or words of the cell itself (never made up)."""
    found = captioned_deadline(value)
    assert found is None or found in re.sub(r"\s+", "", value)
    is_deadline_clause(value)  # never raises


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["摸清底数。", "建立台账，2023年6月底前完成。", "开展培训。（区人社局，每月）",
                                 "推广经验。时限：长期"]), min_size=1, max_size=6))
def test_a_stage_heading_keeps_every_item_under_it_in_order(items):
    text = "一、第一阶段（2023年9月底前）\n" + "".join(f"（{i + 1}）{item}\n" for i, item in enumerate(items))
    measures = parse_plan_text(text).measures
    assert [m.path for m in measures] == [["一"]] + [["一", f"（{i + 1}）"] for i in range(len(items))]
    assert all(m.deadline for m in measures), "an item without a time of its own takes the stage's"


@pytest.mark.parametrize("annotation, deadline", [
    # a table's time captions beside a unit caption in a plan's bracket caption the deadline, as in a table
    ("（主办单位：区房管局；时限要求：长期坚持）", "长期坚持"),
    ("（主办单位：区房管局；进度安排：5月底前摸底，10月底前改造完成）", "5月底前"),
    ("（主办单位：区房管局；时间安排：2023年内）", "2023年内"),
    # a span of years and a day of every month as an uncaptioned clause
    ("（区房管局牵头，2023—2024年）", "2023—2024年"),
    ("（区房管局牵头，每月15日前）", "每月15日前"),
])
def test_a_bracket_with_a_tables_time_caption_or_a_span_keeps_its_units_and_its_time(annotation, deadline):
    measure = _item(f"推进老旧小区加装电梯。{annotation}")
    assert (measure.lead_units, measure.deadline) == (["区房管局"], deadline)


def test_a_deadline_caption_written_with_为_in_the_sentence_gives_its_date():
    measure = _item("推进老旧小区加装电梯，完成时限为2023年11月底。")
    assert (measure.deadline, measure.due_date) == ("2023年11月底", datetime.date(2023, 11, 30))


def test_a_paragraph_opening_with_a_tables_time_caption_is_still_no_annotation():
    plan = parse_plan_text(HEADER + "（一）推进老旧小区加装电梯，2023年9月底前完成。\n时间安排：分摸底、实施、验收三个阶段。\n"
                           "（二）做好其他工作。\n")
    assert plan.measures[1].deadline == "2023年9月底前"


def test_a_table_with_one_column_per_quarter_gives_each_row_its_last_quarter_with_work():
    table = ("序号 | 工作任务 | 责任单位 | 第一季度 | 第二季度 | 第三季度 | 第四季度\n"
             "1 | 改造背街小巷 | 区城管局 | 完成设计 | 开工 | | 完工验收\n"
             "2 | 开展文明劝导 | 区文明办 | 启动 | | | \n")
    first, second = parse_plan_text(table).measures
    assert (first.deadline, second.deadline) == ("第四季度", "第一季度")
    assert first.lead_units == ["区城管局"]


@pytest.mark.parametrize("heading, deadline", [
    ("一、近期（2023—2024年）", "2023—2024年"),  # a span of years alone in brackets: the stage's time all the same
    ("一、第一阶段：宣传发动（2023年4月）", "2023年4月"),
    ("一、第二阶段（2023年5月—8月）：集中攻坚", "2023年5月—8月"),
])
def test_a_stage_heading_written_with_its_name_or_a_span_of_years_covers_its_items(heading, deadline):
    measures = parse_plan_text(f"{heading}\n（一）入户宣传。\n（二）张贴公告。\n").measures
    assert [m.deadline for m in measures] == [deadline] * 3


def test_a_goal_column_beside_the_task_column_gives_no_deadline_when_no_time_column_is_written():
    table = ("序号 | 工作任务 | 工作目标 | 责任单位\n"
             "1 | 社区食堂建设 | 到2026年实现街道全覆盖 | 区民政局\n")
    measure = parse_plan_text(table).measures[-1]
    assert (measure.deadline, measure.lead_units) == (None, ["区民政局"])


def test_the_first_time_written_as_a_deadline_leads_and_a_prefectures_area_group_is_one_unit():
    measure = _item("加快拨付补助资金，财政部门2023年4月底前拨付首批资金，9月底前全部拨付到位，第三季度开展检查。"
                    "（省财政厅牵头；省审计厅，各州、市人民政府配合）")
    assert measure.deadline == "2023年4月底前"
    assert measure.supporting_units == ["省审计厅", "各州、市人民政府"]
