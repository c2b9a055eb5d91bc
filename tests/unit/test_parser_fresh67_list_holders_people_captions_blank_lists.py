"""Units as a district's and a city's plans write them (branch fresh67; the kinds the held-out part's units missed).

A heading alone on its line (`（二）推进新城绿化建设。`), then one paragraph `一是…。二是…。三是…。四是…。` closed by one annotation
`(牵头单位：…;配合单位：…)`: the inline items carry none of their own, so the annotation is the heading's, the item that holds
the list (GOLD-README, documents 250–259), not 四是's. An annotation that names people before the units (`协调秘书长：石海波`,
`督导领导：…`, `牵头市委常委：…`) gives the units of its 责任单位; the people are no units. A unit list separated by blanks,
alone or mixed with 、 (`县财政局 各县、特区、区人民政府`), gives each unit, a group of areas written with 、 inside whole; a national
body's office written after a blank (`人民银行 连云港市中心支行`) is one unit. Every text below is invented (GOLD-README "fresh67").
"""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text
from tracker.vocabulary.units import split_units


def _read(text):
    return {tuple(m.path): (m.lead_units, m.supporting_units) for m in parse_plan_text(text).measures}


# --- a heading on its own line, then a paragraph of 一是…四是 closed by one annotation ---

_GREEN = ("某区2026年绿化工作要点\n一、重点任务\n（一）优化公园布局。\n新建口袋公园五处。(牵头单位：区绿化市容局)\n"
          "{heading}\n一是完成主干道绿化。二是建设滨水绿道。三是提升街心花园。四是开展立体绿化试点。{annotation}\n"
          "（三）加强养护管理。(牵头单位：区绿化市容局)\n")


@given(st.sampled_from(["（二）推进新城绿化建设。", "（二）推进新城绿化建设"]),
       st.sampled_from(["(牵头单位：区绿化市容局、新城公司;配合单位：区水务局、各街镇)",
                        "（牵头单位：区绿化市容局、新城公司；配合单位：区水务局、各街镇）。",
                        "（区绿化市容局、新城公司牵头，区水务局、各街镇配合）"]))
def test_the_closing_annotation_of_a_list_paragraph_is_the_headings_that_holds_it(heading, annotation):
    read = _read(_GREEN.format(heading=heading, annotation=annotation))
    assert read[("一", "（二）")] == (["区绿化市容局", "新城公司"], ["区水务局", "各街镇"])
    assert all(read[("一", "（二）", key)] == ([], []) for key in ("一是", "二是", "三是", "四是"))
    assert read[("一", "（三）")] == (["区绿化市容局"], [])


def test_the_holder_numbered_on_the_same_line_reads_the_same():
    read = _read("某区2026年绿化工作要点\n一、重点任务\n3.推进新城绿化建设。一是完成主干道绿化。二是建设滨水绿道。"
                 "三是开展立体绿化试点。(牵头单位：区绿化市容局;配合单位：各街镇)\n4.加强养护。(牵头单位：区城管局)\n")
    assert read[("一", "3")] == (["区绿化市容局"], ["各街镇"])
    assert read[("一", "3", "三是")] == ([], [])


def test_inline_items_that_each_carry_an_annotation_keep_their_own():
    read = _read("某区2026年绿化工作要点\n一、重点任务\n（二）推进新城绿化建设。\n一是完成主干道绿化（区住建局负责）。"
                 "二是建设滨水绿道（区水务局负责）。三是提升街心花园（区城管局负责）。\n（三）加强养护。(牵头单位：区绿化市容局)\n")
    assert read[("一", "（二）", "一是")] == (["区住建局"], [])
    assert read[("一", "（二）", "三是")] == (["区城管局"], [])
    assert read[("一", "（二）")] == ([], [])


# --- annotations that name people before units ---

@given(st.sampled_from(["协调秘书长：石海波", "协调副秘书长：石海波、鲁林", "督导领导：张同生", "牵头市委常委：张同生",
                        "包挂领导：张同生", "市委领导：张同生", "分管常委：张同生"]),
       st.sampled_from(["，", "；", " "]))
def test_people_named_by_their_post_before_the_units_are_left_out_and_the_units_lead(people, separator):
    read = _read("某市2026年重点工作任务分解\n一、重点项目\n1.推进港口转型升级，建成集装箱码头。"
                 f"（{people}{separator}责任单位：市交通局、连云港港口集团）\n2.优化营商环境。（责任单位：市政务办）\n")
    assert read[("一", "1")] == (["市交通局", "连云港港口集团"], [])
    assert read[("一", "2")] == (["市政务办"], [])


@given(st.sampled_from(["，", "；"]))
def test_a_coordinating_secretary_general_before_lead_and_supporting_units(separator):
    read = _read(f"某市2026年重点工作任务分解\n1.加快石化基地建设。（协调秘书长：石海波{separator}牵头单位：徐圩新区管委会{separator}"
                 "配合单位：市发改委、市生态环境局）\n")
    assert read[("1",)] == (["徐圩新区管委会"], ["市发改委", "市生态环境局"])


@given(st.sampled_from(["张同生、石海波，", "张同生；", "王某某 李某，"]), st.sampled_from(["责任单位", "牵头单位"]))
def test_leaders_named_without_a_caption_before_the_units_caption_are_no_units(people, caption):
    read = _read(f"某市2026年重点工作任务分解\n1.推进港口转型。（{people}{caption}：市交通局、连云港港口集团）\n"
                 "2.优化营商环境。（责任单位：市政务办）\n")
    assert read[("1",)] == (["市交通局", "连云港港口集团"], [])


def test_words_of_work_before_a_caption_still_read_as_before():
    read = _read("某市2026年重点工作任务分解\n1.推进港口转型。（市发改委牵头；配合单位：市交通局）\n")
    assert read[("1",)] == (["市发改委"], ["市交通局"])


# --- unit lists separated by blanks, alone or mixed with 、 ---

@pytest.mark.parametrize("text, names", [
    ("县财政局 各县、特区、区人民政府", ["县财政局", "各县、特区、区人民政府"]),
    ("各县、特区、区人民政府 县财政局", ["各县、特区、区人民政府", "县财政局"]),
    ("县财政局 县发改局 各市、县人民政府 市交通局", ["县财政局", "县发改局", "各市、县人民政府", "市交通局"]),
    ("人民银行 连云港市中心支行、市财政局", ["人民银行连云港市中心支行", "市财政局"]),
    ("国家税务总局 某某市税务局 市财政局", ["国家税务总局某某市税务局", "市财政局"]),
    ("县财政局 各镇", ["县财政局", "各镇"]),
    ("各区 市财政局、市税务局", ["各区", "市财政局", "市税务局"]),
])
def test_a_blank_separated_list_keeps_groups_of_areas_and_a_bodys_local_office_whole(text, names):
    assert split_units(text) == names


def test_a_citys_bureau_after_a_national_body_stays_a_unit_of_its_own():
    assert split_units("人民银行 市财政局") == ["人民银行", "市财政局"]  # a body and a city's bureau: two units


@given(st.sampled_from(["（责任单位：{units}）", "（{units}负责）"]))
def test_an_annotation_with_a_blank_separated_list_holding_a_group_of_areas_gives_each_unit(form):
    annotation = form.format(units="县财政局 各县、特区、区人民政府")
    read = _read(f"某县2026年工作要点\n一、重点任务\n1.保障民生资金及时足额拨付。{annotation}\n2.做好审计。（责任单位：县审计局）\n")
    assert read[("一", "1")] == (["县财政局", "各县、特区、区人民政府"], [])


def test_a_task_tables_unit_cell_with_blanks_and_commas_gives_five_units():
    read = _read("某市2026年任务分工表\n序号 | 工作任务 | 责任单位 | 完成时限 |\n"
                 "1 | 推进城市更新 | 市自规局、市城管局、市住建局 市商务局、市机关事务管理局 | 年底前 |\n"
                 "2 | 保障资金 | 县财政局 各县、特区、区人民政府 | 年底前 |\n")
    assert read[("1",)] == (["市自规局", "市城管局", "市住建局", "市商务局", "市机关事务管理局"], [])
    assert read[("2",)] == (["县财政局", "各县、特区、区人民政府"], [])


# --- a mirror page in traditional characters whose indents its encoding lost ("??1.") ---

@given(st.sampled_from(["??", "？？", "???"]), st.sampled_from(["（一）推進財政信息公開。", "（一）推進財政信息公開"]))
def test_a_lost_indent_before_each_number_is_layout_and_the_items_keep_their_levels_and_units(marks, heading):
    draft = parse_plan_text(f"某區2017年政務公開工作要點\n{marks}一、推進重點領域信息公開\n{marks}{heading}\n"
                            f"{marks}1.做好預決算公開。（責任單位:區財政局）\n{marks}2.推進科技項目信息公開。（責任單位:區府辦、區科委）\n"
                            f"{marks}（二）推進民生信息公開。\n{marks}1.做好教育信息公開。（責任單位:區教育局）\n")
    read = {tuple(m.path): (m.text, m.lead_units) for m in draft.measures}
    assert read[("一", "（一）")] == (heading.removeprefix("（一）"), [])
    assert read[("一", "（一）", "2")] == ("推進科技項目信息公開。", ["區府辦", "區科委"])
    assert read[("一", "（二）", "1")] == ("做好教育信息公開。", ["區教育局"])
    assert not any("没有编号" in warning for warning in draft.warnings)
