"""Units the parser still lost, by kind (issue 13, branch units31; GOLD-README "units31").

Three ways offices write who answers for a task that the parser read wrongly: a heading naming the unit that leads every
item under it, written with its count or its verb in a form of its own (`一、县发改局牵头工作 8项`, `二、由县水利局牵头完成的工作
（2项）`, `三、县卫健局牵头的3项任务`); a unit cell in traditional characters, under a caption such as `責任處室` or naming
`縣直相關部門` beside its units; and a 考核细则 without a unit column, whose 说明 or 评分标准 cells name the departments that
supply or judge a score. Each story is what the office expects on the plan's page, in words of its own.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text
from tracker.parsing.tables import group_lead

HEADER = "某县2023年政府工作报告重点任务清单\n某政办发〔2023〕5号\n2023年2月10日\n"


def units_of(body: str, header: str = HEADER) -> dict[tuple[str, ...], tuple[list[str], list[str]]]:
    draft = parse_plan_text(header + body)
    return {tuple(m.path): (m.lead_units, m.supporting_units) for m in draft.measures}


# ---- 1. a heading naming the unit that leads every item under it, its count and verb in the office's words ---------

@pytest.mark.parametrize("heading", [
    "县发改局牵头工作 8项",                 # the count after a blank, no bracket
    "县发改局牵头工作8项",
    "由县发改局牵头完成的工作（2项）",       # a verb of doing the work, then 的
    "县发改局牵头推进工作（1项）",
    "县发改局牵头落实的重点工作（共计3项）",
    "县发改局牵头的3项任务",                # the count before what is led
    "县发改局牵头的民生实事（5件）",         # 件, 个 and 条 count as 项 does
    "县发改局牵头实施项目（4个）",
    "县发改局牵头（8项工作）",              # what is led inside the bracket
])
def test_a_county_task_list_grouped_by_lead_gives_each_item_the_headings_unit(heading):
    body = (f"一、{heading}\n1.投资3000万元建设县城综合客运枢纽，年底前建成投用。\n2.推进工业园区污水处理厂扩建工程。\n"
            "3.完成县城供水管网改造（县住建局牵头）。\n4.引进亿元以上项目5个（县商务局配合）。\n"
            "二、其他工作\n1.抓好安全生产。\n")
    units = units_of(body)
    assert units[("一",)] == (["县发改局"], [])
    assert units[("一", "1")] == (["县发改局"], []) and units[("一", "2")] == (["县发改局"], [])
    assert units[("一", "3")] == (["县住建局"], [])  # an item naming its own lead keeps it
    assert units[("一", "4")] == (["县发改局"], ["县商务局"])
    assert units[("二", "1")] == ([], [])  # the next heading ends the group


def test_group_rows_of_a_task_table_in_those_forms_lead_the_rows_without_a_lead_cell():
    body = ("序号 | 重点工作 | 牵头单位 | 完成时限\n"
            "一 | 县教育局牵头工作 2项 |  | \n1 | 新建幼儿园3所。 |  | 2023年9月\n"
            "2 | 改造农村学校食堂10所。 | 县财政局 | 2023年底\n"
            "二 | 由县卫健局牵头完成的工作（1项） |  | \n1 | 建设县医院新院区。 |  | 2023年底\n")
    units = units_of(body)
    assert units[("一", "1")] == (["县教育局"], []) and units[("一", "2")] == (["县财政局"], [])
    assert units[("二",)] == (["县卫健局"], []) and units[("二", "1")] == (["县卫健局"], [])


@pytest.mark.parametrize("heading", [
    "（二）县发改局牵头推进项目建设",   # the work goes on after the duty: a sentence naming a unit, no group
    "一、县政府牵头抓好落实",
    "三、县住建局牵头实施城市更新",
    "二、县发改局牵头完成",
])
def test_a_heading_whose_duty_is_followed_by_its_own_work_names_no_group(heading):
    assert group_lead(heading) is None


@settings(max_examples=40, deadline=None)
@given(unit=st.sampled_from(["县发改局", "县示范区管委会", "团县委", "县消防救援大队", "县委组织部"]),
       verb=st.sampled_from(["", "完成", "推进", "落实", "实施"]),
       of=st.sampled_from(["", "的"]),
       noun=st.sampled_from(["工作", "任务", "重点工作", "事项", "项目"]),
       count=st.sampled_from(["", "（8项）", "(8项)", " 8项", "（共8项）", "（计8件）", "（８项）"]))
def test_every_lead_heading_with_a_verb_and_a_count_names_its_unit(unit, verb, of, noun, count):
    assert group_lead(f"一、{unit}牵头{verb}{of}{noun}{count}") == unit
