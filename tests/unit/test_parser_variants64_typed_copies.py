"""Branch variants64 (issue 13): plans as other hands type them, the kinds the typed-variants matrix found unread.

A county's transport office pastes a notice it copied out of a narrow viewer (every line cut at the same width, wherever
the width falls), or gets it back from a colleague's converter in traditional characters, and expects each item to keep
its deadline and its units as the original wrote them (GOLD-README "variants64"). The wording is invented, not the
corpus's; tests/unit/test_parser_typed_variants_matrix.py copies the development part itself.
"""
from __future__ import annotations

import pytest

from tests.helpers.copies import wrapped
from tracker.parsing import parse_plan_text

_TITLE = "关于做好2024年度农村公路养护考核工作的通知"
_NOTICE = """各乡镇人民政府，县直有关单位：为做好本年度农村公路养护考核工作，现将有关事项通知如下：
一、考核内容
（一）路面状况。重点检查路面坑槽、裂缝及“两侧”杂草清理，于2024年6月底前完成，按抽查路段实际状况计分。
（二）自查材料。各乡镇填写自查表（见附件）后于2024年5月20日前报县交通运输局，逾期未报的，按零分计。
（三）复核抽查。各乡镇自查报告报送截止时间：2024年6月20日。县交通运输局逐乡镇复核。
二、工作要求
各乡镇要高度重视，如实填报，确保数据真实，不得瞒报、漏报。"""


def _deadlines(text: str) -> dict[tuple[str, ...], str | None]:
    return {tuple(m.path): m.deadline for m in parse_plan_text(text).measures}


@pytest.mark.parametrize("width, cut_after", [(21, "）"), (24, "”"), (22, "：")])
def test_a_copy_wrapped_right_after_a_closing_mark_keeps_each_items_deadline(width, cut_after):
    """The viewer's width fell right after a bracket, a quote or a caption's colon inside an item's sentence: the line
    goes on, as a line cut after any other character does, so the date on the next line is still the item's."""
    copy = wrapped(_NOTICE, width)
    assert any(len(line) == width and line.endswith(cut_after) for line in copy.split("\n"))
    assert _deadlines(f"{_TITLE}\n{copy}\n") == {
        ("一",): None, ("一", "（一）"): "2024年6月底前", ("一", "（二）"): "2024年5月20日前",
        ("一", "（三）"): "2024年6月20日", ("二",): None}


def test_a_line_as_short_as_a_paragraphs_end_is_no_wrap_for_its_closing_mark():
    """A line ending with a closing bracket that is shorter than the copy's width ends its paragraph: the line after it
    is a paragraph of its own (here a caption's time line under an item closed by its annotation)."""
    lines = ["（一）路面状况。重点检查路面坑槽和路肩两侧杂草",
             "清理情况，按抽查路段计分。（县交通运输局负责）",
             "完成时限：2024年6月底前",
             "（二）自查材料。各乡镇按时填写自查表报县交通运"]
    text = f"{_TITLE}\n一、考核内容\n" + "\n".join(lines) + "\n"
    measures = {tuple(m.path): m for m in parse_plan_text(text).measures}
    assert measures[("一", "（一）")].lead_units == ["县交通运输局"]
    assert measures[("一", "（一）")].deadline == "2024年6月底前"


_ROADS = """一、养护任务
1.对全县农村公路坑槽、沉陷、翻浆和路肩缺损路段逐段登记造册，明确修补方式和责任人，雨季来临前完成修补，2024年5月底前全部完工。
责任单位：县公路事业发展中心、县交通运输局、县财政局、各乡镇人民政府
2.对县乡道上的危旧桥梁开展定期检测和特殊检测，建立一桥一档，对四类五类桥梁实行限载限行，2024年9月底前完成检测报告。
责任单位：县交通运输局、县公路事业发展中心、县应急管理局、各乡镇人民政府
3.在临水临崖、急弯陡坡和长下坡路段增设波形护栏、减速带及警示标志，逐处组织验收，2024年10月底前完成安装任务。
责任单位：县交通运输局、县公安局交通警察大队、县应急管理局、各乡镇人民政府
二、保障措施
各乡镇要落实养护资金，县交通运输局按季度通报养护进度，县财政局保障资金到位。"""


@pytest.mark.parametrize("width", [16, 29, 31, 33])
def test_a_wrapped_copy_with_a_blank_line_after_every_line_reads_like_the_wrapped_copy(width):
    """An editor doubled every line end of a copy cut at a fixed width: the blank lines are everywhere, so they end no
    paragraph, and a unit name the width cut ("各乡" / "镇人民政府") is one name again, as in the copy without them."""
    copy = "\n\n".join(wrapped(_ROADS, width).split("\n"))
    measures = {tuple(m.path): (m.lead_units, m.deadline)
                for m in parse_plan_text(f"某县2024年农村公路养护工作方案\n\n{copy}\n").measures}
    assert measures == {
        ("一",): ([], None),
        ("一", "1"): (["县公路事业发展中心", "县交通运输局", "县财政局", "各乡镇人民政府"], "2024年5月底前"),
        ("一", "2"): (["县交通运输局", "县公路事业发展中心", "县应急管理局", "各乡镇人民政府"], "2024年9月底前"),
        ("一", "3"): (["县交通运输局", "县公安局交通警察大队", "县应急管理局", "各乡镇人民政府"], "2024年10月底前"),
        ("二",): ([], None)}


def test_blank_lines_between_the_paragraphs_of_an_unwrapped_page_still_end_them():
    """A page whose paragraphs stand a blank line apart but whose lines are not cut at one width keeps its paragraphs:
    the page's footer after the last item's caption is no part of the caption's list."""
    page = ("某县2024年农村公路养护重点任务分解\n\n1.完成农村公路坑槽修补。\n\n牵头单位:县公路中心\n\n"
            "配合单位:各乡镇人民政府、县财政局\n\n2.开展危旧桥梁检测。\n\n牵头单位:县交通运输局\n\n"
            "配合单位:各乡镇人民政府、县财政局\n\n监督电话:0000-1234567\n")
    measures = {tuple(m.path): (m.lead_units, m.supporting_units) for m in parse_plan_text(page).measures}
    assert measures[("2",)] == (["县交通运输局"], ["各乡镇人民政府", "县财政局"])


_STAGES = """某县2024年农村公路安全隐患整治行动方案
一、实施步骤
（一）动员部署阶段（2024年3月1日至3月15日）
1.各乡镇制定工作方案，明确整治任务。
2.召开动员会议，部署整治工作。
（二）集中整治阶段：2024年3月16日至6月30日
1.对排查出的隐患逐一整改。
（三）检查验收阶段（2024年7月）
1.县交通运输局组织验收。
"""
# what a simplified -> traditional converter writes for the characters of this plan that it changes
_CONVERTED = str.maketrans("县农规隐患动员阶镇务开议对查逐检验组织运输实步骤为单头项业发牵", "縣農規隱患動員階鎮務開議對查逐檢驗組織運輸實步驟為單頭項業發牽")


def test_a_plan_converted_to_traditional_characters_keeps_its_stage_windows():
    """A colleague's converter wrote the plan in traditional characters (階段, 動員, 檢查驗收): each stage heading still
    names a stage, and its window, as written, is the deadline of the stage and of the items under it."""
    read = {tuple(m.path): m.deadline for m in parse_plan_text(_STAGES.translate(_CONVERTED)).measures}
    assert read == {
        ("一",): None,
        ("一", "（一）"): "2024年3月1日至3月15日", ("一", "（一）", "1"): "2024年3月1日至3月15日",
        ("一", "（一）", "2"): "2024年3月1日至3月15日",
        ("一", "（二）"): "2024年3月16日至6月30日", ("一", "（二）", "1"): "2024年3月16日至6月30日",
        ("一", "（三）"): "2024年7月", ("一", "（三）", "1"): "2024年7月"}


_LED_GROUPS = """某县2024年农村公路重点工作任务分解
一、按牵头单位分列的工作
（一）县交通运输局牵头的工作（2项）
1.完成农村公路提质改造一百公里。
2.新改建乡村客运站点十个。
（二）县公路事业发展中心牵头的工作（1项）
1.完成危旧桥梁改造五座。
"""


def test_a_plan_converted_to_traditional_characters_keeps_the_leads_its_group_headings_name():
    """In the converter's copy a heading still names the unit that leads the items under it ("縣交通運輸局牽頭的工作"):
    each item takes that unit, as written in traditional characters, as its lead."""
    read = {tuple(m.path): m.lead_units for m in parse_plan_text(_LED_GROUPS.translate(_CONVERTED)).measures}
    assert read[("一", "（一）", "1")] == read[("一", "（一）", "2")] == ["縣交通運輸局"]
    assert read[("一", "（二）", "1")] == ["縣公路事業發展中心"]
