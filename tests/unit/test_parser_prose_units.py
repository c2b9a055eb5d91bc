"""Plans in prose whose structure and units used to be lost (issue 13, units round 4, development
documents 239–243): a page copied without its line breaks, vague collectives closing a unit list,
duty captions written as 【主办】 or after a sentence, a province's list that writes its prefix once,
and areas named beside the districts. The wording here is invented, not the corpus's."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text
from tracker.vocabulary.numbering import chinese_numeral
from tracker.vocabulary.units import is_vague_collective


def paths(text: str) -> list[list[str]]:
    return [m.path for m in parse_plan_text(text).measures]


def measure(text: str, path: list[str]):
    return next(m for m in parse_plan_text(text).measures if m.path == path)


# ---- 1. A whole plan copied onto one line ------------------------------------------------------------

ONE_LINE = ("江川市人民政府关于印发江川市绿色出行行动方案的通知 江政发〔2025〕7号 各县人民政府：现将《江川市绿色出行行动方案》"
            "印发给你们，请抓好落实。 一、完善公交网络 (一)加密线路。 1.新开社区微循环线路12条，投入资金2.5亿元，推广3.0版"
            "调度平台。(市交通运输局、市财政局等相关部门按职责分工负责) 2.落实第一、二项要求，完成（一）至（三）项改造。"
            "(市交通运输局牵头，市公安局、市城管局等相关部门按职责分工负责) (二)优化站点。 3.改造公交站台200个。"
            "(市住建局、各县人民政府按职责分工负责) 二、推广慢行交通 (一)建设绿道。 1.新建绿道30公里。(市园林局负责)")


def test_one_line_plan_reads_its_headings_and_items_as_if_the_breaks_were_there():
    assert paths(ONE_LINE) == [["一"], ["一", "(一)"], ["一", "(一)", "1"], ["一", "(一)", "2"],
                               ["一", "(二)"], ["一", "(二)", "3"],
                               ["二"], ["二", "(一)"], ["二", "(一)", "1"]]


def test_one_line_plan_keeps_numbers_inside_its_sentences_as_text():
    first = measure(ONE_LINE, ["一", "(一)", "1"])
    assert "2.5亿元" in first.text and "3.0版" in first.text
    second = measure(ONE_LINE, ["一", "(一)", "2"])
    assert "第一、二项" in second.text and "（一）至（三）项" in second.text


def test_one_line_plan_gives_each_item_its_own_units():
    second = measure(ONE_LINE, ["一", "(一)", "2"])
    assert second.lead_units == ["市交通运输局"]
    assert [u for u in second.supporting_units if not is_vague_collective(u)] == ["市公安局", "市城管局"]
    assert measure(ONE_LINE, ["一", "(二)", "3"]).lead_units == ["市住建局", "各县人民政府"]


def test_one_line_page_keeps_its_head_title_number_and_signature_and_dates_its_deadlines():
    text = ("青田县人民政府关于印发青田县河湖清洁行动方案的通知 青政发〔2025〕3号 各乡镇人民政府：现将《青田县河湖清洁行动方案》"
            "印发给你们，请认真执行。 青田县人民政府 2025年2月20日 青田县河湖清洁行动方案 一、清理河道 (一)清淤。 "
            "1.6月底前完成主河道清淤。(县水利局负责) 2.年底前完成支流清淤。(县水利局、各乡镇人民政府负责)")
    draft = parse_plan_text(text)
    assert (draft.title, draft.doc_number, str(draft.issued_on)) == ("青田县河湖清洁行动方案", "青政发〔2025〕3号", "2025-02-20")
    assert [(m.path, m.deadline, str(m.due_date)) for m in draft.measures if len(m.path) == 3] == [
        (["一", "(一)", "1"], "6月底前", "2025-06-30"), (["一", "(一)", "2"], "年底前", "2025-12-31")]


def test_a_line_with_one_number_after_a_sentence_is_no_flattened_page():
    text = "某县工作要点\n一、稳就业\n全年完成培训。 2.0版平台上线，第一、二季度各开展一次。\n二、保民生\n"
    assert paths(text) == [["一"], ["二"]]


# ---- 2. Vague collectives closing a list -------------------------------------------------------------

@pytest.mark.parametrize("name, vague", [
    ("各市相关部门", True), ("各县（市、区）有关部门", True), ("有关部门（单位）", True), ("相关行业主管部门", True),
    ("各地相关部门", True), ("各有关单位", True),
    ("各市人民政府", False), ("各区县（自治县）", False), ("市政府各部门", False), ("市交通运输局", False),
])
def test_units_the_departments_concerned_of_every_area_are_vague(name, vague):
    assert is_vague_collective(name) is vague


def test_a_list_closed_by_a_vague_collective_gives_the_named_units_and_no_named_vague_one():
    text = "一、加强养护\n（一）修复桥梁。（市交通运输局、市应急局、各县相关部门按职责分工负责）\n"
    lead = measure(text, ["一", "（一）"]).lead_units
    assert [u for u in lead if not is_vague_collective(u)] == ["市交通运输局", "市应急局"]


# ---- 3. Duty captions and duty words -----------------------------------------------------------------

@pytest.mark.parametrize("item, lead, supporting", [
    ("（一）整治河道。【主办】区水务局【协办】区生态环境分局、区城管委", ["区水务局"], ["区生态环境分局", "区城管委"]),
    ("（一）整治河道，清理淤泥。主办：区水务局；协办：区城管委。", ["区水务局"], ["区城管委"]),
    ("（一）整治河道。区水务局牵头，区城管委、区农业农村局按职责分工负责。", ["区水务局"], ["区城管委", "区农业农村局"]),
    ("（一）整治河道。（区水务局及区城管委负责）", ["区水务局", "区城管委"], []),
    ("（一）整治河道。（区水务局会同区财政局负责）", ["区水务局"], ["区财政局"]),
    ("（一）整治河道。（区水务局牵头 区城管委 区农业农村局配合）", ["区水务局"], ["区城管委", "区农业农村局"]),
    ("（一）整治河道。（责任单位：区水务局会同区财政局、区城管委）", ["区水务局"], ["区财政局", "区城管委"]),
])
def test_duties_written_in_the_item_give_its_units(item, lead, supporting):
    found = measure("一、治水\n" + item + "\n", ["一", "（一）"])
    assert (found.lead_units, found.supporting_units) == (lead, supporting)


def test_a_sentence_naming_a_duty_word_with_a_colon_gives_no_units():
    found = measure("一、治水\n（一）整治河道。配合：做好沿岸群众工作。\n", ["一", "（一）"])
    assert found.lead_units == [] and found.supporting_units == []


def test_precedence_rule_makes_the_first_of_each_list_the_lead():
    text = "各项任务列第一位者为牵头单位。\n一、治水\n（一）整治河道。（区水务局、区城管委、区财政局）\n"
    found = measure(text, ["一", "（一）"])
    assert (found.lead_units, found.supporting_units) == (["区水务局"], ["区城管委", "区财政局"])


# ---- 4. A province's lists -----------------------------------------------------------------------------

@pytest.mark.parametrize("annotation, units", [
    ("（省水利厅、住房城乡建设厅、卫生健康委负责）", ["省水利厅", "住房城乡建设厅", "卫生健康委"]),
    ("（省水利厅 省林草局 省气象局）", ["省水利厅", "省林草局", "省气象局"]),
    ("（省水利厅，省林草局，各市州人民政府）", ["省水利厅", "省林草局", "各市州人民政府"]),
    ("（各区县（自治县）、滨江新区、西岭科学城南湖高新区、北山经开区）",
     ["各区县（自治县）", "滨江新区", "西岭科学城南湖高新区", "北山经开区"]),
    ("（省水利厅、各市（州）、县（市、区）人民政府）", ["省水利厅", "各市（州）、县（市、区）人民政府"]),
    ("（省水利厅、各市〔州〕、县〔市、区〕人民政府负责）", ["省水利厅", "各市〔州〕、县〔市、区〕人民政府"]),
])
def test_a_provinces_list_gives_each_unit_as_written(annotation, units):
    found = measure("一、治水\n（一）整治河道。" + annotation + "\n", ["一", "（一）"])
    assert found.lead_units == units


# ---- Properties: a plan copied onto one line reads as written one item a line ------------------------

WORDS = ["推进", "改造", "完善", "加强", "提升", "社区", "道路", "服务", "体系", "管理", "建设", "设施"]
UNITS = ["市交通局", "市财政局", "市住建局", "市民政局", "各区政府"]


@st.composite
def plans(draw):
    """A plan of 一、 headings with （一） parts and 1. items, each item with words and an annotation."""
    lines = ["某市行动方案"]
    for top in range(1, draw(st.integers(1, 3)) + 1):
        lines.append(f"{chinese_numeral(top)}、" + "".join(draw(st.lists(st.sampled_from(WORDS), min_size=2, max_size=4))))
        item = 0
        for part in range(1, draw(st.integers(1, 3)) + 1):
            lines.append(f"（{chinese_numeral(part)}）" + "".join(draw(st.lists(st.sampled_from(WORDS), min_size=2, max_size=4))) + "。")
            for _ in range(draw(st.integers(0, 3))):
                item += 1
                units = draw(st.lists(st.sampled_from(UNITS), min_size=1, max_size=3, unique=True))
                words = "".join(draw(st.lists(st.sampled_from(WORDS), min_size=2, max_size=6)))
                lines.append(f"{item}.{words}。（{'、'.join(units)}负责）")
    return lines


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans(), st.sampled_from([" ", "\u3000", "  "]))
def test_property_a_plan_on_one_line_keeps_every_item_in_order_with_its_units(lines, joint):
    """Never an item lost, never one made up, order and units kept, whatever the plan's shape (a heading's
    words run on to its first part only where a blank or a sentence's end stands between them)."""
    as_written = parse_plan_text("\n".join(lines)).measures
    one_line = parse_plan_text(lines[0] + "\n" + joint.join(lines[1:])).measures
    assert [m.path for m in one_line] == [m.path for m in as_written]
    assert [m.lead_units for m in one_line] == [m.lead_units for m in as_written]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["一、", "（一）", "(二)", "1.", "2.", "3、", "1.5亿元", "2.0版", "第一、二项", "（一）至（三）项",
                                 "。 ", " ", "推进工作", "（市财政局负责）", "\n"]), max_size=40).map("".join))
def test_property_glued_numbers_never_break_the_parser(text):
    draft = parse_plan_text(text)
    assert all(m.level == len(m.path) >= 1 for m in draft.measures)


def test_a_table_cell_writing_one_unit_together_with_others_makes_the_first_the_lead():
    text = ("序号 | 工作任务 | 责任单位 | 完成时限\n"
            "1 | 清理河道淤泥 | 区水务局会同区城管委、区财政局 | 2025年6月底前\n"
            "2 | 修复堤岸 | 区水务局及区农业农村局 | 2025年底前\n")
    first, second = parse_plan_text(text).measures
    assert (first.lead_units, first.supporting_units) == (["区水务局"], ["区城管委", "区财政局"])
    assert (second.lead_units, second.supporting_units) == (["区水务局", "区农业农村局"], [])


CORES = ["发展改革", "财政", "商务", "水利", "交通运输", "自然资源", "生态环境", "住房城乡建设", "卫生健康", "教育"]


@st.composite
def unit_lists(draw):
    """Unit names (a level, a core, a kind of body; the level sometimes written once only) and the
    separators a plan writes between them."""
    names = []
    for index in range(draw(st.integers(1, 6))):
        level = draw(st.sampled_from(["省", "市", "区"])) if index == 0 or draw(st.booleans()) else ""
        names.append(level + draw(st.sampled_from(CORES)) + draw(st.sampled_from(["厅", "局", "委", "办"])))
    names = list(dict.fromkeys(names))
    separators = draw(st.lists(st.sampled_from(["、", "，", "；", ",", " ", "\u3000"]), min_size=len(names), max_size=len(names)))
    return names, "".join(n + s for n, s in zip(names, separators)).rstrip("、，；, \u3000")


@settings(max_examples=150, deadline=None)
@given(unit_lists(), st.sampled_from(["（{}负责）", "（{}按职责分工负责）", "（{}等按职责分工负责）", "（责任单位：{}）"]))
def test_property_a_unit_list_gives_every_name_once_in_written_order(case, shape):
    names, written = case
    found = measure("一、治水\n（一）整治河道。" + shape.format(written) + "\n", ["一", "（一）"])
    assert found.lead_units == names and found.supporting_units == []
