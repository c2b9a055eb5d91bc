"""Units in brackets without a duty word or a caption (branch annot27; GOLD-README "annot27").

An office receives a 分解 of the government's work report whose items each close on the units that answer for them,
written in brackets with no 负责 and no caption: "…增长8%(县发改局,县统计局)。", the commas half-width or full-width,
mixed with 、. A 责任分工方案 copied from a law site closes several sentences of one item on their own unit lists. A
方案 states the precedence rule once, inside its first item's annotation, after the units: "(由A、B负责。凡涉及两个以上
部门的，列第一位的为牵头部门。下同)". Each story below is what the office expects to see on the plan's page.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text
from tracker.parsing.annotations import split_trailing_annotations
from tracker.vocabulary.units import is_vague_collective

HEADER = "某县人民政府办公室关于印发2024年政府工作报告重点工作分解的通知\n某政办发〔2024〕3号\n2024年2月20日\n"


def measures(text: str):
    draft = parse_plan_text(HEADER + text)
    return {tuple(m.path): (m.lead_units, m.supporting_units) for m in draft.measures}, draft


def kept(units: list[str]) -> list[str]:
    return [u for u in units if not is_vague_collective(u)]


# ---- 1. a bracketed unit list closing the item's words --------------------------------------------------------

@pytest.mark.parametrize("item", [
    # half-width commas only, each line an item
    "一、主要目标\n1、全县生产总值增长6.5%(县发改局,县统计局,各乡镇人民政府)。\n",
    # full-width brackets and commas, 、 mixed in
    "一、主要目标\n1、全县生产总值增长6.5%（县发改局、县统计局，各乡镇人民政府）。\n",
    # a run-on copy: the heading and the items on one line, the closing 。 lost
    "一、主要目标 1、全县生产总值增长6.5%(县发改局、县统计局,各乡镇人民政府) 2、城镇新增就业3000人(县人社局)\n",
])
def test_a_work_report_item_closing_on_its_units_in_brackets_gives_them_all_as_leads(item):
    by_path, draft = measures(item)
    assert by_path[("一", "1")] == (["县发改局", "县统计局", "各乡镇人民政府"], [])
    assert not [w for w in draft.warnings if "无法读取" in w]


def test_a_vague_collective_in_the_list_is_no_unit_of_the_item():
    by_path, _ = measures("一、目标\n1、财政收入增长5%(县财政局,县政府相关部门,县税务局)。\n")
    lead, supporting = by_path[("一", "1")]
    assert kept(lead) == ["县财政局", "县税务局"] and supporting == []
    assert is_vague_collective("县政府相关部门") and is_vague_collective("市政府有关部门")
    assert not is_vague_collective("市政府各部门")  # all of them: a named group


@pytest.mark.parametrize("text", [
    "建设城北污水处理厂(一期)。",  # a phase, no unit
    "出台实施办法(试行)。",
    "支持各县(市、区)发展特色产业。",
    "推广经验(含开发区)。",
])
def test_a_bracket_naming_no_unit_stays_in_the_words(text):
    words, annotations = split_trailing_annotations(text)
    assert annotations == [] and words == text


# ---- 2. several sentences of one item each closing on their own units -------------------------------------------

def test_an_item_whose_sentences_each_close_on_units_gives_all_of_them_in_order_without_repeats():
    text = ("5、壮大县域经济。扶持特色产业发展(省经信厅、省发展改革委、省财政厅)。支持各县(市、区)建设产业园区，促进共同"
            "发展。再完成易地搬迁2000户(省乡村振兴局、省发展改革委,省财政厅)。\n"
            "6、推进城镇建设(省住房城乡建设厅)。\n")
    by_path, _ = measures(text)
    assert by_path[("5",)] == (["省经信厅", "省发展改革委", "省财政厅", "省乡村振兴局"], [])
    assert by_path[("6",)] == (["省住房城乡建设厅"], [])


def test_a_middle_bracket_inside_a_sentence_names_no_unit():
    words, annotations = split_trailing_annotations("指导各区(县)编制规划，完善标准(市规划局)。")
    assert [u for a in annotations for _, u in a.entries] == ["市规划局"]
    assert "各区(县)" in words


# ---- 3. the precedence rule written inside the first annotation ---------------------------------------------------

@pytest.mark.parametrize("rule", [
    "一项任务涉及多个部门的，原则上由排名首位的部门牵头负责。下同",
    "凡涉及两个以上部门的，列第一位的为牵头部门，以下同",
    "涉及多个单位的，排在首位的单位牵头负责。下同",
    "多个部门共同承担的，排名第一的为牵头单位；下同",
])
def test_a_precedence_rule_inside_the_first_annotation_holds_for_it_and_every_later_item(rule):
    text = ("一、稳住经济\n"
            f"1、推进产业升级。(由市发展改革委、经信局、统计局负责。{rule})\n"
            "2、加强节能减排。(市经信局、生态环境局负责)\n"
            "3、扩大有效投资。(由市发展改革委、市财政局负责)\n")
    by_path, draft = measures(text)
    assert by_path[("一", "1")] == (["市发展改革委"], ["经信局", "统计局"])
    assert by_path[("一", "2")] == (["市经信局"], ["生态环境局"])
    assert by_path[("一", "3")] == (["市发展改革委"], ["市财政局"])
    assert not [w for w in draft.warnings if "无法读取" in w]


def test_without_the_rule_the_same_annotations_give_every_unit_the_lead():
    by_path, _ = measures("一、稳住经济\n1、推进产业升级。(由市发展改革委、经信局负责)\n")
    assert by_path[("一", "1")] == (["市发展改革委", "经信局"], [])


# ---- invariants -------------------------------------------------------------------------------------------------

_UNITS = st.lists(st.sampled_from(["县发改局", "县财政局", "县统计局", "县人社局", "各乡镇人民政府", "县税务局",
                                   "县农业农村局", "县市场监管局"]), min_size=1, max_size=5, unique=True)
_SEPARATORS = st.sampled_from(["、", ",", "，", ", "])


@settings(max_examples=60, deadline=None)
@given(units=_UNITS, separators=st.lists(_SEPARATORS, min_size=4, max_size=4), full_width=st.booleans(),
       stop=st.sampled_from(["。", "", "；"]))
def test_whatever_the_separators_and_brackets_the_units_read_are_those_written(units, separators, full_width, stop):
    opener, closer = ("（", "）") if full_width else ("(", ")")
    listed = units[0] + "".join(sep + unit for sep, unit in zip(separators, units[1:]))
    words, annotations = split_trailing_annotations(f"全年完成投资5亿元{opener}{listed}{closer}{stop}")
    assert [u for a in annotations for _, u in a.entries] == units
    assert words.startswith("全年完成投资5亿元") and opener not in words


# ---- the same 分解 printed to PDF, run on and wrapped at the margin -----------------------------------------------

def test_a_run_on_work_report_printed_to_pdf_keeps_each_items_bracketed_units():
    from tracker.parsing import read_plan_bytes
    from tests.helpers.pdf import text_pdf

    run_on = ("一、主要预期目标 1、全县生产总值增长6.5%左右(县发改局,县政府相关部门,各乡镇人民政府,县经济开发区管委会)。"
              "2、一般公共预算收入增长5%(县财政局、县税务局,各乡镇人民政府)。3、城镇新增就业3000人以上(县人社局)。"
              "二、重点工作 1、推进工业园区扩区调位(县经济开发区管委会,县自然资源局、县住建局)。")
    draft = read_plan_bytes(text_pdf(["某县2024年政府工作报告重点工作分解", run_on]), "分解.pdf")
    by_path = {tuple(m.path): (kept(m.lead_units), m.supporting_units) for m in draft.measures}
    assert by_path[("一", "1")] == (["县发改局", "各乡镇人民政府", "县经济开发区管委会"], [])
    assert by_path[("一", "2")] == (["县财政局", "县税务局", "各乡镇人民政府"], [])
    assert by_path[("一", "3")] == (["县人社局"], [])
    assert by_path[("二", "1")] == (["县经济开发区管委会", "县自然资源局", "县住建局"], [])


_RULES = st.sampled_from(["一项任务涉及多个部门的，原则上由排名首位的部门牵头负责。下同",
                          "凡涉及两个以上单位的，列第一位的为牵头单位，以下同",
                          "涉及多个部门的，排在首位的部门牵头负责。下同",
                          "列第一位者为牵头单位，下同"])


@settings(max_examples=40, deadline=None)
@given(units=_UNITS, rule=_RULES, opener=st.sampled_from(["由", ""]))
def test_a_rule_written_after_the_units_never_costs_a_unit_and_the_first_leads(units, rule, opener):
    by_path, draft = measures(f"一、任务\n1、推进工作。({opener}{'、'.join(units)}负责。{rule})\n")
    assert by_path[("一", "1")] == (units[:1], units[1:])
    assert not [w for w in draft.warnings if "无法读取" in w]
