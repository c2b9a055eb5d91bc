"""Branch captions60 (issue 13): captions of units and their lists broken over lines.

A supervisor pastes a city's 政务服务 work points into the tracker: each item ends with `牵头单位：` / `配合单位：` or
`责任单位：` lines, and the copy came out of a PDF or a narrow page, so a list runs on over lines, sometimes cut inside a
unit's name, a page's number standing between its halves; another copy lost the colon after its captions. The ledger
must still give every item the units the office wrote, and never a person, a date or the next item's words
(GOLD-README "captions60"). The wording is invented, not the corpus's.
"""
from __future__ import annotations

import pytest

from tracker.parsing import parse_plan_text

_HEAD = "某市2022年政务服务工作要点\n一、提升窗口办事效率\n1.统一全市办事指南，实现同一事项同标准办理。\n"
_NEXT = "2.推行周末轮值服务，方便群众错时办事。\n责任单位：市政务服务中心\n"
_SIGNED = "某市人民政府办公室\n2022年3月1日\n"


def _first_item(captions: str) -> tuple[list[str], list[str]]:
    """The lead and supporting units of item 一.1 when ``captions`` stand under its text, item 2 after them."""
    measures = {tuple(m.path): m for m in parse_plan_text(_HEAD + captions + _NEXT + _SIGNED).measures}
    assert measures[("一", "2")].lead_units == ["市政务服务中心"]  # the next item keeps its own unit
    first = measures[("一", "1")]
    return first.lead_units, first.supporting_units


@pytest.mark.parametrize("captions, lead, supporting", [
    # the line end cut a name in two: the piece before the break is no whole name ("市发展改", "市人力资源社会保")
    ("责任单位：市政务服务中心、市司法局、市发展改\n革委、市财政局\n",
     ["市政务服务中心", "市司法局", "市发展改革委", "市财政局"], []),
    ("配合单位：市大数据局、市人力资源社会保\n障局\n牵头单位：市政务服务中心\n",
     ["市政务服务中心"], ["市大数据局", "市人力资源社会保障局"]),
    # ... or the piece after it is none (one character, "局"; a remark alone)
    ("牵头单位：市政务服务中心\n配合单位：市司法局、市市场监督管理\n局\n",
     ["市政务服务中心"], ["市司法局", "市市场监督管理局"]),
    ("责任单位：市政务服务中心、各区政务服务管理办公\n室（列第一位者为牵头单位）\n",
     ["市政务服务中心"], ["各区政务服务管理办公室"]),
    # the caption alone on its line, its list cut inside a name on the next
    ("责任单位：\n市政务服务中心、市住房公积金管理\n中心\n", ["市政务服务中心", "市住房公积金管理中心"], []),
    # the break fell before a separator, which opens the next line
    ("责任单位：市政务服务中心、市发展改革委\n、市财政局\n", ["市政务服务中心", "市发展改革委", "市财政局"], []),
    ("牵头单位：市政务服务中心\n配合单位：市司法局，市发展改革委\n，各区人民政府\n",
     ["市政务服务中心"], ["市司法局", "市发展改革委", "各区人民政府"]),
    # a list over three lines, cut inside names twice
    ("责任单位：市政务服务中心、市自然资源和规\n划局、市住房和城乡建设局、市市场监\n督管理局\n",
     ["市政务服务中心", "市自然资源和规划局", "市住房和城乡建设局", "市市场监督管理局"], []),
])
def test_a_caption_list_cut_inside_a_name_or_before_a_separator_reads_as_one_list(captions, lead, supporting):
    """As a supervisor, a list the copy broke where a line ended is still the office's one list: "市发展改" / "革委" is the
    发展改革委, not two units and not a lost one."""
    assert _first_item(captions) == (lead, supporting)


@pytest.mark.parametrize("captions, lead, supporting", [
    ("责任单位：市政务服务中心、市司法局、\n— 3 —\n市财政局、市审计局\n",
     ["市政务服务中心", "市司法局", "市财政局", "市审计局"], []),
    ("责任单位：市政务服务中心、市发展改\n- 3 -\n革委\n", ["市政务服务中心", "市发展改革委"], []),
    ("牵头单位：市政务服务中心\n配合单位：市司法局、市人力资源社会保\n第 3 页 共 5 页\n障局\n",
     ["市政务服务中心"], ["市司法局", "市人力资源社会保障局"]),
])
def test_a_page_number_between_the_lines_of_a_list_belongs_to_no_unit(captions, lead, supporting):
    """As a supervisor pasting a PDF's text, the page's number printed between two lines of a list ("— 3 —") is no
    office of the ledger, and the name it stands inside is one name."""
    assert _first_item(captions) == (lead, supporting)


def test_a_running_header_after_the_page_number_belongs_to_no_unit_either():
    """As a supervisor, the next page's header (the line every page repeats) that the copy put inside a list is no unit."""
    text = ("某市2022年政务服务工作要点\n" + _HEAD + "责任单位：市政务服务中心、市发展改\n— 3 —\n某市2022年政务服务工作要点\n革委\n"
            + _NEXT + _SIGNED)
    first = next(m for m in parse_plan_text(text).measures if m.path == ["一", "1"])
    assert first.lead_units == ["市政务服务中心", "市发展改革委"]


# A plan copied out of a PDF line by line: every long line is cut at the same width, wherever its sentence or list stands.
_PRINTED = """某区2023年营商环境重点工作分工
一、优化开办企业服务
1.推行企业开办全程网上办理，营业执照、印章、发票和社保登
记一次申请、一日办结，全年新设市场主体增长百分之十以上。
责任单位：区市场监督管理局、区税务局、区人力资源社会保障
局、区公安分局
2.实行企业开办免费刻制公章，所需费用由区财政统一保障，并
在政务服务中心设立专窗提供帮办代办服务，做到即来即办。
责任单位：区政务服务中心、区财政局、区市场监督管理局、区
— 1 —
公安分局、各街道办事处
3.建立企业注销协同机制，简易注销公告时间由四十五天压缩为
二十天，推动注销事项一网通办，降低市场主体退出成本。
责任单位：区市场监督管理局、区税务局、区人力资源社会保障
局、区商务局、区政务服务
— 2 —
"""


def test_a_page_number_in_a_copy_wrapped_at_a_fixed_width_belongs_to_no_unit():
    """As a supervisor pasting a PDF's text whose every long line the layout cut, a list broken by a page's number gives
    its units, and the last page's number after a list is no part of its last name."""
    measures = {tuple(m.path): m.lead_units for m in parse_plan_text(_PRINTED).measures}
    assert measures[("一", "1")] == ["区市场监督管理局", "区税务局", "区人力资源社会保障局", "区公安分局"]
    assert measures[("一", "2")] == ["区政务服务中心", "区财政局", "区市场监督管理局", "区公安分局", "各街道办事处"]
    assert measures[("一", "3")] == ["区市场监督管理局", "区税务局", "区人力资源社会保障局", "区商务局", "区政务服务"]


@pytest.mark.parametrize("captions, lead, supporting", [
    ("责任单位 市政务服务中心、市司法局\n", ["市政务服务中心", "市司法局"], []),
    ("责任单位\u3000市政务服务中心\n", ["市政务服务中心"], []),
    ("牵头单位  市政务服务中心\n配合单位  市司法局、市财政局\n", ["市政务服务中心"], ["市司法局", "市财政局"]),
    ("牵头单位 市政务服务中心  配合单位 市司法局\n", ["市政务服务中心"], ["市司法局"]),
    ("牽頭單位 市政務服務中心\n", ["市政務服務中心"], []),
    # the colon lost and the list cut inside a name
    ("牵头单位 市政务服务中心\n配合单位 市司法局、市发展改\n革委\n", ["市政务服务中心"], ["市司法局", "市发展改革委"]),
    # the caption alone on its line, no colon, the list on the next
    ("责任单位\n市政务服务中心、市司法局\n", ["市政务服务中心", "市司法局"], []),
])
def test_a_unit_caption_whose_colon_is_lost_still_captions_its_units(captions, lead, supporting):
    """As a supervisor, a copy that dropped the colon after 责任单位 (a blank in its place) still names the office's units."""
    assert _first_item(captions) == (lead, supporting)


@pytest.mark.parametrize("captions, lead", [
    # the caption's words in a sentence: no list of units after the blank
    ("责任单位 要于每月5日前报送工作进展。\n", []),
    # a person's line, a date line and a sentence under the caption never go on its list
    ("责任单位：市政务服务中心、市司法\n责任人：王明\n", ["市政务服务中心", "市司法"]),
    ("责任单位：市政务服务中心、市发展改\n2022年6月底前\n", ["市政务服务中心", "市发展改"]),
    ("责任单位：市政务服务中心、市发展改\n各单位每月报送进展情况。\n", ["市政务服务中心", "市发展改"]),
    # two whole names at the break, no separator: the next line may be a text of its own, left apart (a known limit)
    ("责任单位：市政务服务中心\n市司法局\n", ["市政务服务中心"]),
])
def test_lines_that_are_no_part_of_a_list_never_join_it(captions, lead):
    """As a supervisor, a person, a date or a sentence written under the caption is never taken for an office."""
    assert _first_item(captions)[0] == lead


def test_the_next_items_number_and_the_signature_never_join_the_list_above():
    """As a supervisor, the last item's list ends where the signature begins, and an item's list where the next item's
    number stands, even when the list's last name looks cut."""
    text = (_HEAD + "责任单位：市政务服务中心、市发展改\n2.推行周末轮值服务。\n责任单位：市政务服务中心、市司法\n" + _SIGNED)
    measures = {tuple(m.path): m.lead_units for m in parse_plan_text(text).measures}
    assert measures[("一", "1")] == ["市政务服务中心", "市发展改"]
    assert measures[("一", "2")] == ["市政务服务中心", "市司法"]


def test_a_lead_caption_alone_on_its_line_without_its_colon_opens_its_own_list():
    """As a supervisor, a copy that lost its colons, the supporting units written first and the lead caption alone on a
    line with its unit on the next, names the lead unit as lead: the caption is no tail of the last supporting unit's
    name ("区教育体育局牵头单位"), and the unit under it joins no supporting list (annotations.clause_line)."""
    text = ("某县2026年优化营商环境重点任务\n一、提升教育服务\n1.新建两所幼儿园，增加学位。\n配合单位 县财政局、区教育体育局\n"
            "牵头单位 \n县住房城乡建设局\n2.改造三所学校的食堂。")
    first = next(m for m in parse_plan_text(text).measures if m.path == ["一", "1"])
    assert (first.lead_units, first.supporting_units) == (["县住房城乡建设局"], ["县财政局", "区教育体育局"])
