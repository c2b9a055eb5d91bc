"""Branch deadlines30, kind 2: the deadlines plans write in their prose.

A plan writes an item's deadline at the end of its sentence ("…，2023年底前完成。"), in the annotation after its units
("（市发改委牵头，2023年6月底前）"), on a caption line under the item ("完成时限：…", "时间节点：…", "完成时间：…"), or in a stage
heading that covers the items under it ("（一）近期（2023年底前）", "第一阶段（2023年3月—5月）"). The supervisor sees each as the
item's deadline as written, with its due date (GOLD-README "Deadlines", round 3's stage headings, "deadlines30"). What this
branch added: a stage's time after its colon ("（二）集中整治阶段：2016年12月1日至2017年1月31日", 593) and a stage named by
two stage words ("巩固提高期"); "确保于2023年9月30日前完成" keeps its 前 (was "2023年9月30日"); "2023年年中前"; a part of the
year with its year opening the clause with an aim ("2023年上半年，完成试点").
The wording is invented (a county's plan), not the corpus's.
"""
from __future__ import annotations

import datetime

import pytest

from tracker.parsing import parse_plan_text
from tracker.parsing.deadlines import find_text_deadline


def _plan(body: str, signed: str = "2023年2月10日") -> list:
    text = f"某县乡村振兴工作实施方案\n{body}\n某县人民政府办公室\n{signed}\n"
    return parse_plan_text(text).measures


def _read(body: str, signed: str = "2023年2月10日") -> list:
    return [(m.path, m.deadline, m.due_date) for m in _plan(body, signed)]


@pytest.mark.parametrize("item, deadline, due", [
    # at the end of the item's sentence, before what is done then
    ("（一）推进政务服务标准化建设，2023年底前完成。", "2023年底前", datetime.date(2023, 12, 31)),
    ("（一）开展培训，6月底前完成。", "6月底前", datetime.date(2023, 6, 30)),
    ("（一）完善制度，确保于2023年9月30日前完成。", "2023年9月30日前", datetime.date(2023, 9, 30)),
    ("（一）修订办法，2023年年中前完成。", "2023年年中前", datetime.date(2023, 6, 30)),
    # a quarter closed by 前 fixes no day, with its year or without (GOLD-README wave 19 and "kinds48"); its end does
    ("（一）推广技术，2023年第三季度前完成。", "2023年第三季度前", None),
    ("（一）推广技术，2023年第三季度末前完成。", "2023年第三季度末前", datetime.date(2023, 9, 30)),
    ("（一）培育主体，于2023年内完成。", "2023年内", datetime.date(2023, 12, 31)),
    # after the words of an aim, the whole time (was "2023年" of both: branch deadlines30's property found them)
    ("（一）培育主体，力争于2023年内完成。", "2023年内", datetime.date(2023, 12, 31)),
    ("（一）建成园区，力争于2023年下半年完成。", "2023年下半年", datetime.date(2023, 12, 31)),
    # opening the item's clause, then the aim
    ("（一）2023年上半年，完成试点。", "2023年上半年", datetime.date(2023, 6, 30)),
    ("（一）2023年6月底前，完成全县摸底。", "2023年6月底前", datetime.date(2023, 6, 30)),
    # in the annotation after the units
    ("（一）压缩审批时限（县发改局牵头，2023年6月底前）。", "2023年6月底前", datetime.date(2023, 6, 30)),
    ("（一）推进土地整治（县自然资源局牵头；完成时限：2023年底）。", "2023年底", datetime.date(2023, 12, 31)),
    # on a caption line under the item
    ("（一）推进信用体系建设。\n完成时限：2023年12月底", "2023年12月底", datetime.date(2023, 12, 31)),
    ("（一）建设数据平台。\n时间节点：2023年9月底前", "2023年9月底前", datetime.date(2023, 9, 30)),
    ("（一）开展专项行动。\n完成时间：2023年10月", "2023年10月", datetime.date(2023, 10, 31)),
])
def test_a_deadline_written_in_a_plans_prose_is_the_items(item, deadline, due):
    """As a supervisor, the deadline a plan writes in an item's prose is the item's, due as GOLD-README says."""
    assert _read(item) == [(["（一）"], deadline, due)]


def test_a_stage_heading_with_its_time_after_a_colon_covers_the_items_under_it():
    """`（二）集中整治阶段：2016年12月1日至2017年1月31日` dates the stage as a bracket does, and its items fall due with it."""
    body = ("一、实施步骤\n（一）动员部署阶段（2016年11月11日至11月30日）\n1.明确整治任务。\n"
            "（二）集中整治阶段：2016年12月1日至2017年1月31日\n1.开展集中整治。\n（三）巩固提高期（2017年2月1日至2月20日）\n"
            "1.建立长效管理机制。\n（四）总结验收阶段：2017年3月\n1.开展验收。")
    assert _read(body, signed="2016年11月5日") == [
        (["一"], None, None),
        (["一", "（一）"], "2016年11月11日至11月30日", datetime.date(2016, 11, 30)),
        (["一", "（一）", "1"], "2016年11月11日至11月30日", datetime.date(2016, 11, 30)),
        (["一", "（二）"], "2016年12月1日至2017年1月31日", datetime.date(2017, 1, 31)),
        (["一", "（二）", "1"], "2016年12月1日至2017年1月31日", datetime.date(2017, 1, 31)),
        (["一", "（三）"], "2017年2月1日至2月20日", datetime.date(2017, 2, 20)),
        (["一", "（三）", "1"], "2017年2月1日至2月20日", datetime.date(2017, 2, 20)),
        (["一", "（四）"], "2017年3月", datetime.date(2017, 3, 31)),
        (["一", "（四）", "1"], "2017年3月", datetime.date(2017, 3, 31))]


def test_an_items_own_deadline_goes_ahead_of_its_stages():
    body = "（一）第一阶段（2023年3月—5月）\n1.开展摸底调查。\n2.4月底前完成培训。"
    assert _read(body) == [
        (["（一）"], "2023年3月—5月", datetime.date(2023, 5, 31)),
        (["（一）", "1"], "2023年3月—5月", datetime.date(2023, 5, 31)),
        (["（一）", "2"], "4月底前", datetime.date(2023, 4, 30))]


def test_a_stage_heading_with_work_of_its_own_after_its_colon_passes_nothing_down():
    """`第一阶段：全面开展排查整治，6月底前完成` is a heading with work of its own: its deadline stays its own (180)."""
    body = "（一）第一阶段：全面开展排查整治，6月底前完成。\n1.组织培训。"
    assert _read(body) == [(["（一）"], "6月底前", datetime.date(2023, 6, 30)), (["（一）", "1"], None, None)]


@pytest.mark.parametrize("sentence", [
    "2023年上半年，全市地区生产总值同比增长5%。",  # a report of the half year
    "2023年上半年，我县经济运行稳中向好。",  # a description, no aim
    "上半年，完成试点。",  # a part of the year without its year after a comma: no deadline, as before
    "2022年上半年，完成试点。",  # earlier than the plan: a report
])
def test_a_part_of_the_year_that_reports_or_names_no_year_stays_no_deadline(sentence):
    assert find_text_deadline(sentence, datetime.date(2023, 2, 10)) is None
