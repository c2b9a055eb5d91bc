"""Units the fresh documents of stop 32 showed, and two small things left from stop 31 (issue 13, branch units32;
GOLD-README "units32").

- A 责任单位 line naming the level's *other* units concerned after the level (`市级其他有关单位`, 湖州 2023, document 731)
  names nobody, like `其他有关部门` and `区级相关部门`: the draft keeps it as written, the plan's units leave it out.
- A count of works or places (`新建改扩建中小学校10所`, `3个`, `5处`) is what a task counts, never a list of units, however
  its last character reads (所 of 派出所, 处 of a 处室).
- Traditional characters are read through one mapping, ``han.simplified``: the vague collectives, the person labels of a
  unit cell (`聯繫人：`) and the deadline words (`爭取於`, `持續推進`) alike.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers import plan_units
from tracker.parsing import parse_plan_text
from tracker.vocabulary.han import simplified
from tracker.vocabulary.units import drop_persons, ends_with_count, is_unit_list, is_vague_collective

HEADER = "某市2023年政府工作报告重点工作责任分解\n某政办发〔2023〕7号\n2023年3月15日\n"


def named_units(body: str, header: str = HEADER) -> dict[tuple[str, ...], tuple[list[str], list[str]]]:
    """The units each measure of ``header + body`` gets, vague collectives left out (tests.helpers.plan_units)."""
    return plan_units.named_units(header + body)


# ---- 1. the level's other units concerned: nobody named -------------------------------------------------------------

def test_a_unit_line_with_the_precedence_rule_names_its_lead_and_group_and_leaves_out_the_other_units_concerned():
    body = ("一、市长主抓重点工作\n"
            "1.坚持并完善“第一议题”等学习制度。\n"
            "责任单位：市政府办公室、市级其他有关单位、各区县政府（南太湖新区、长合区管委会）"
            "（列第一位的为工作牵头单位或汇总单位，下同）\n"
            "2.全面实施“大招商大引才大建设大发展”行动。\n"
            "责任单位：市政府办公室、市委人才办、市其他相关部门\n")
    units = named_units(body)
    assert units[("一", "1")] == (["市政府办公室"], ["各区县政府（南太湖新区、长合区管委会）"])
    assert units[("一", "2")] == (["市政府办公室"], ["市委人才办"])  # 下同: the first listed leads here too


@pytest.mark.parametrize("name", ["市级其他有关单位", "县级其他相关部门", "区其他有关部门", "市直其他相关单位",
                                  "市政府其他有关部门", "县其它相关单位", "市級其他有關單位"])
def test_the_levels_other_units_concerned_are_no_unit(name):
    assert is_vague_collective(name)


@settings(max_examples=60, deadline=None)
@given(level=st.sampled_from(["省", "市", "区", "县", "镇", "乡"]), kind=st.sampled_from(["级", "直", "政府", ""]),
       other=st.sampled_from(["其他", "其它"]), concerned=st.sampled_from(["有关", "相关", "有關", "相關"]),
       body=st.sampled_from(["部门", "单位", "部門", "單位"]))
def test_any_levels_other_departments_concerned_name_nobody(level, kind, other, concerned, body):
    name = f"{level}{kind}{other}{concerned}{body}"
    assert is_vague_collective(name), name


@pytest.mark.parametrize("name", ["市政府各部门", "各区县政府（南太湖新区、长合区管委会）", "市政府办公室", "县财政局",
                                  "各乡镇人民政府", "市委其他成员单位办公室"])
def test_named_units_and_groups_stay_units(name):
    assert not is_vague_collective(name)


# ---- 2. a count of works or places is no unit list ------------------------------------------------------------------

@pytest.mark.parametrize("text", ["新建改扩建中小学校10所", "3个", "5处", "3所", "幼儿园3所", "广场两处",
                                  "新建城市书房12家", "改造提升农贸市场５个"])
def test_a_count_of_works_or_places_is_no_list_of_units(text):
    assert ends_with_count(text)
    assert not is_unit_list(text)


@pytest.mark.parametrize("text", ["派出所", "市公安局派出所", "县疾控中心、县卫健局", "经委", "综合处", "各镇（街道）"])
def test_units_ending_like_a_count_word_are_still_units(text):
    assert is_unit_list(text)


@settings(max_examples=80, deadline=None)
@given(unit=st.sampled_from(["县教育局", "区卫健局", "市城管局", "县财政局", "区住建局"]),
       work=st.sampled_from(["新建改扩建中小学校", "建设口袋公园", "改造老旧小区", "新增公办托育机构", ""]),
       count=st.integers(min_value=1, max_value=999), measure=st.sampled_from(list("处个座所家条项台套间")))
def test_a_unit_cell_names_units_and_a_count_never_does(unit, work, count, measure):
    assert is_unit_list(unit)
    assert not is_unit_list(f"{work}{count}{measure}")


def test_a_task_table_row_counting_schools_keeps_its_unit_cell():
    body = ("序号 | 实事项目 | 牵头单位 | 完成时限\n"
            "1 | 新建改扩建中小学校10所 | 县教育局 | 2023年8月底前\n"
            "2 | 新建城市书房5处 | 县文广旅体局 | 2023年底前\n")
    units = named_units(body)
    assert units[("1",)] == (["县教育局"], []) and units[("2",)] == (["县文广旅体局"], [])


# ---- 3. traditional characters through one mapping ------------------------------------------------------------------

def test_a_unit_cell_in_traditional_characters_drops_its_contact_label_and_person():
    assert drop_persons("市發改委 聯繫人：張三", persons_column=True).strip() == "市發改委"
    assert drop_persons("縣財政局 聯係人：李四", persons_column=True).strip() == "縣財政局"


def test_a_plan_in_traditional_characters_reads_its_units_and_deadline_as_written():
    header = "某縣2023年重點工作任務\n某政辦發〔2023〕3號\n2023年2月1日\n"
    body = ("一、加快項目建設\n"
            "1.推進工業園區污水處理廠擴建，爭取於2023年6月底前建成投用。（牽頭單位：縣住建局；配合單位：縣財政局、縣其他有關部門）\n"
            "2.建立重點項目臺賬，持續推進。（縣發改局負責）\n")
    draft = parse_plan_text(header + body)
    by_path = {tuple(m.path): m for m in draft.measures}
    first, second = by_path[("一", "1")], by_path[("一", "2")]
    assert first.lead_units == ["縣住建局"]
    assert [u for u in first.supporting_units if not is_vague_collective(u)] == ["縣財政局"]
    assert first.deadline == "2023年6月底前"
    assert second.lead_units == ["縣發改局"] and second.deadline == "持續推進"


@pytest.mark.parametrize("traditional, simple", [("爭取於", "争取于"), ("持續推進", "持续推进"), ("今後五年", "今后五年"),
                                                 ("聯繫人", "联系人"), ("相關園區", "相关园区"), ("淩晨", "凌晨")])
def test_the_one_mapping_reads_deadline_person_and_unit_words(traditional, simple):
    assert simplified(traditional) == simple
    assert len(simplified(traditional)) == len(traditional)


# ---- 4. the plan's title after a notice closed by 特此通知, under a page's metadata --------------------------------------

NOTICE_CLOSED_BY_ITS_WORDS = (  # 734: a notice dated above its 文号, closing on 特此通知 with no signature below
    "(二OO八年二月二十六日)\n某府办〔2008〕18号\n各镇人民政府,各街道办事处:\n现将《2008年政府工作目标任务分解》印发给你们。\n"
    "特此通知\n2008年政府工作目标任务分解\n一、促进经济又好又快发展。\n1、加强经济运行分析。(牵头单位:发改委、统计局)\n")
PAGE_METADATA_ABOVE = (  # 732: a 浙江 government-information page, its labels spaced on lines and in bullets
    "索引号 11330922090963010M/2023-31395\n 组配分类 政府工作报告执行  发布机构 某县人民政府办公室\n"
    " 生成日期 2023-02-22  公开方式 主动公开\n  • 公开方式:\n\n    主动公开\n\n  • 有效性:\n\n"
    "2023年政府工作报告重点工作责任分解\n\n一、县长牵头重点工作\n\n1.一般公共预算收入与经济增长基本同步。\n\n责任单位:县财政局\n")


@pytest.mark.parametrize("text, title, leads", [
    (NOTICE_CLOSED_BY_ITS_WORDS, "2008年政府工作目标任务分解", [[], ["发改委", "统计局"]]),
    (PAGE_METADATA_ABOVE, "2023年政府工作报告重点工作责任分解", [[], ["县财政局"]]),
])
def test_the_plans_title_is_neither_the_notices_closing_words_nor_the_pages_metadata(text, title, leads):
    draft = parse_plan_text(text)
    assert (draft.title, [m.lead_units for m in draft.measures]) == (title, leads)
