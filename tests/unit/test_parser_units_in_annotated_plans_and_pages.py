"""Units the parser lost in annotated plans and saved pages (branch units29; GOLD-README "units29").

An office's plan names who leads each task in many ways besides a caption after the item: every sentence of one task closing
with its own `（X牵头）`, one sentence a paragraph as a saved page shows them; a heading that names the unit leading the items
under it (`（一）省监察厅牵头的工作`); caption lines under an item (`协同单位：A和B。`); two names run together in one
annotation (`市行政审批局市司法局`); and a cover notice with requirements of its own before the plan it hands over. Each
story is what the office expects on the plan's page, told in words of its own, not those of the corpus documents.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text
from tracker.vocabulary.units import split_units

HEADER = "某市2024年优化营商环境实施方案\n某政办发〔2024〕3号\n2024年3月1日\n"


def units_of(body: str, header: str = HEADER) -> dict[tuple[str, ...], tuple[list[str], list[str]]]:
    draft = parse_plan_text(header + body)
    return {tuple(m.path): (m.lead_units, m.supporting_units) for m in draft.measures}


# ---- 1. sentences of one item, each closing with its own （X牵头） -------------------------------------------------

SENTENCES = ["全面推行企业开办一日办结（市市场监管局牵头）。", "深化工程建设项目审批制度改革（市住建局牵头）。",
             "推行政务服务一网通办（市大数据局牵头）。", "优化水电气网报装服务（市住建局牵头）。",
             "开展涉企收费专项检查（市发改委牵头）。"]
OPENING = "（一）推进审批提速，围绕企业全生命周期持续深化审批制度改革，不断提升审批效率和服务水平。"


@pytest.mark.parametrize("joiner", ["\n", ""], ids=["one sentence a paragraph", "one paragraph"])
def test_every_sentence_lead_is_a_lead_of_the_item_in_order_each_once(joiner):
    body = "一、优化政务服务\n" + OPENING + joiner + joiner.join(SENTENCES) + "\n（二）加强要素保障。\n"
    units = units_of(body)
    assert units[("一", "（一）")] == (["市市场监管局", "市住建局", "市大数据局", "市发改委"], [])
    assert units[("一", "（二）")] == ([], [])  # the next item keeps nothing of them


def test_sentence_leads_whose_stops_a_copy_lost_are_still_the_items():
    # "（市经委牵头）深化…": the page lost the 。 after each bracket; the item closes on an annotation all the same
    body = ("一、优化政务服务\n1.推进审批提速。全面推行企业开办一日办结（市市场监管局牵头）深化工程建设项目审批制度改革"
            "（市住建局牵头）推行政务服务一网通办（市大数据局牵头）\n2.加强要素保障。\n")
    draft = parse_plan_text(HEADER + body)
    first = next(m for m in draft.measures if m.path == ["一", "1"])
    assert first.lead_units == ["市市场监管局", "市住建局", "市大数据局"] and "牵头" not in first.text


def test_a_duty_bracket_inside_a_sentence_of_an_item_without_a_closing_annotation_stays_its_text():
    body = "一、优化政务服务\n1.建立由市发改委（牵头）等部门组成的工作专班，定期会商。\n"
    assert units_of(body)[("一", "1")] == ([], [])


def test_the_sentence_paragraphs_stay_the_items_text_not_orphans():
    body = "一、优化政务服务\n" + OPENING + "\n" + "\n".join(SENTENCES[:2]) + "\n（二）加强要素保障。\n"
    draft = parse_plan_text(HEADER + body)
    first = next(m for m in draft.measures if m.path == ["一", "（一）"])
    assert "深化工程建设项目审批制度改革" in first.text
    assert not any("无法归属" in w or "深化工程建设项目" in w for w in draft.warnings)


def test_a_paragraph_without_units_after_an_annotated_item_still_belongs_to_no_item():
    # seed 003's rule stands: a paragraph that closes on no annotation of its own is no part of the annotated item above it
    body = "一、优化政务服务\n（一）全面推行企业开办一日办结（市市场监管局牵头）。\n各地要抓好落实。\n（二）加强要素保障。\n"
    draft = parse_plan_text(HEADER + body)
    first = next(m for m in draft.measures if m.path == ["一", "（一）"])
    assert first.lead_units == ["市市场监管局"] and "各地要抓好落实" not in first.text


@settings(max_examples=40, deadline=None)
@given(leads=st.lists(st.sampled_from(["市发改委", "市财政局", "市商务局", "市经信局", "市科技局", "市住建局"]),
                      min_size=1, max_size=6),
       joiner=st.sampled_from(["\n", ""]))
def test_sentence_leads_are_read_in_written_order_without_repeats(leads, joiner):
    sentences = [f"完成第{i + 1}项工作任务（{lead}牵头）。" for i, lead in enumerate(leads)]
    body = "一、重点任务\n" + OPENING + joiner + joiner.join(sentences) + "\n（二）加强要素保障。\n"
    assert units_of(body)[("一", "（一）")] == (list(dict.fromkeys(leads)), [])


def test_an_item_closed_by_its_captioned_annotation_keeps_it_when_a_stray_paragraph_closes_on_another():
    # A copy that lost an item's number ("?。ǘ┩七M…" for "（二）推进…") leaves its paragraph under the item above;
    # the item's "（牵头单位：…；配合单位：…）" is its whole annotation, the stray paragraph's is not the item's.
    body = ("一、构建现代产业体系\n（一）加快建设三大汽车产业基地。（牵头单位：市经贸委；配合单位：市发改委、市规划局）\n"
            "?。推进石化基地建设。（牵头单位：市发改委；配合单位：市经贸委、市科技局）\n"
            "（二）加快物流园区建设。（牵头单位：市交委；配合单位：市经贸委）\n")
    units = units_of(body)
    assert units[("一", "（一）")] == (["市经贸委"], ["市发改委", "市规划局"])
    assert units[("一", "（二）")] == (["市交委"], ["市经贸委"])


# ---- 2. a heading naming the unit that leads the items under it ----------------------------------------------------

@pytest.mark.parametrize("heading, unit", [
    ("（一）市监察局牵头的工作", "市监察局"),
    ("（一）市示范区管委会牵头工作（8项）", "市示范区管委会"),
    ("（一）由市发改委牵头的任务", "市发改委"),
    ("（一）市商务局负责的工作", "市商务局"),
])
def test_a_heading_naming_its_lead_gives_it_to_itself_and_to_the_items_without_one(heading, unit):
    body = (f"一、重点工作\n{heading}\n1.推进产业园区建设。\n2.完善园区基础设施（市住建局牵头）。\n"
            f"3.优化园区服务（市财政局配合）。\n（二）其他工作\n1.抓好安全生产。\n")
    units = units_of(body)
    assert units[("一", "（一）")] == ([unit], [])
    assert units[("一", "（一）", "1")] == ([unit], [])
    assert units[("一", "（一）", "2")] == (["市住建局"], [])  # an item's own lead stands
    assert units[("一", "（一）", "3")] == ([unit], ["市财政局"])
    assert units[("一", "（二）", "1")] == ([], [])  # the next heading ends the group
    assert units[("一",)] == ([], [])


def test_a_heading_naming_a_leader_gives_no_unit_and_ends_the_group_above():
    body = ("一、市发改委牵头的工作\n（一）做好项目储备。\n（二）张三副市长负责的工作\n1.抓好安全生产。\n"
            "二、李四市长牵头重点工作\n1.推进城市更新。\n")
    units = units_of(body)
    assert units[("一",)] == (["市发改委"], []) and units[("一", "（一）")] == (["市发改委"], [])
    assert units[("一", "（二）")] == ([], []) and units[("一", "（二）", "1")] == ([], [])
    assert units[("二",)] == ([], []) and units[("二", "1")] == ([], [])


def test_the_group_unit_an_item_names_as_supporting_stays_supporting():
    body = "一、市发改委牵头的工作\n1.推进项目审批（市发改委配合）。\n"
    assert units_of(body)[("一", "1")] == ([], ["市发改委"])


def test_a_headings_own_annotation_naming_its_overall_lead_stays_the_headings():
    # "（省发改委总牵头）" after a section's title: the section's lead; its items keep their own annotations
    body = "一、加快调整能源结构（市发改委总牵头）\n（一）控制煤炭消费总量（市经信局牵头）。\n（二）发展清洁能源。\n"
    units = units_of(body)
    assert units[("一",)] == (["市发改委"], [])
    assert units[("一", "（一）")] == (["市经信局"], []) and units[("一", "（二）")] == ([], [])


@settings(max_examples=30, deadline=None)
@given(unit=st.sampled_from(["市发改委", "县示范区管委会", "区科技局", "省监察厅"]),
       form=st.sampled_from(["{}牵头的工作", "由{}牵头的任务", "{}牵头工作（5项）", "{}负责的工作", "{}主抓事项"]),
       children=st.integers(min_value=1, max_value=5))
def test_every_item_under_a_lead_heading_without_a_lead_of_its_own_takes_the_headings(unit, form, children):
    body = "一、" + form.format(unit) + "\n" + "".join(f"{i + 1}.完成第{i + 1}项任务。\n" for i in range(children))
    units = units_of(body)
    assert all(units[("一", str(i + 1))] == ([unit], []) for i in range(children))


# ---- 3. caption lines under an item -----------------------------------------------------------------------------

@pytest.mark.parametrize("captions, expected", [
    ("协同单位：市税务局和市人社局。", ([], ["市税务局", "市人社局"])),
    ("配合单位:市税务局和各县（市、区）政府。", ([], ["市税务局", "各县（市、区）政府"])),
    ("责任单位：市自然资源局和市税务局。", (["市自然资源局", "市税务局"], [])),
    ("牵头单位：市自然资源局\n协同单位：市税务局和市住建局。", (["市自然资源局"], ["市税务局", "市住建局"])),
    ("责任单位：市委改革办。\n配合单位：市大数据局和市司法局。", (["市委改革办"], ["市大数据局", "市司法局"])),
    # a remark in brackets after the second name: still two units
    ("协同单位：市发改委和市能源局（市电力办）。", ([], ["市发改委", "市能源局（市电力办）"])),
])
def test_caption_lines_under_an_item_give_its_units_by_the_captions_meaning(captions, expected):
    body = f"一、重点任务\n1.推进企业开办便利化，实现全程网办。\n{captions}\n2.深化不动产登记改革。\n"
    units = units_of(body)
    assert units[("一", "1")] == expected
    assert units[("一", "2")] == ([], []) and units[("一",)] == ([], [])


def test_a_caption_line_after_a_heading_is_the_headings_and_after_the_last_item_the_items():
    body = ("一、市监察局牵头的工作\n协同单位：市财政局和市审计局。\n1.加强行政监察。\n2.推进廉政建设。\n"
            "协同单位：市人社局和市直各部门。\n")
    units = units_of(body)
    assert units[("一",)] == (["市监察局"], ["市财政局", "市审计局"])
    assert units[("一", "1")] == (["市监察局"], [])
    assert units[("一", "2")] == (["市监察局"], ["市人社局", "市直各部门"])


def test_a_remark_holding_and_stays_one_unit():
    body = "一、重点任务\n1.开展技能培训。\n协同单位：市人力社保局（市就业和人才服务局）。\n"
    assert units_of(body)[("一", "1")] == ([], ["市人力社保局（市就业和人才服务局）"])


# ---- 4. two full names run together with no separator -----------------------------------------------------------

@pytest.mark.parametrize("body, path, expected", [
    # in an annotation closing the item
    ("一、重点任务\n1.推行证照联办改革（市行政审批局市司法局）。\n", ("一", "1"), (["市行政审批局", "市司法局"], [])),
    # after a caption, three names
    ("一、重点任务\n1.推进信用修复（牵头单位：县发改委县人民银行县市场监管局）。\n", ("一", "1"),
     (["县发改委", "县人民银行", "县市场监管局"], [])),
    # in a table's unit cell
    ("序号 | 重点工作 | 牵头单位 | 配合单位\n1 | 推行证照联办改革。 | 市行政审批局 | 市司法局市公安局\n", ("1",),
     (["市行政审批局"], ["市司法局", "市公安局"])),
])
def test_two_full_names_run_together_are_two_units(body, path, expected):
    assert units_of(body)[path] == expected


@pytest.mark.parametrize("name", ["市委市政府督查室", "市公安局开发区分局", "县人民政府办公室", "区委区政府", "各县市区政府",
                                  "市人力资源和社会保障局", "县市场监督管理局", "市财政局（国资办）", "县工业园区管委会"])
def test_a_name_that_needs_its_next_part_stays_one_unit(name):
    assert units_of(f"一、重点任务\n1.完成年度目标任务（{name}牵头）。\n")[("一", "1")] == ([name], [])


FULL_NAMES = ["市司法局", "市发改委", "县住建局", "区教育局", "省能源局", "市妇联", "县人民银行", "市大数据局"]


@settings(max_examples=50, deadline=None)
@given(names=st.lists(st.sampled_from(FULL_NAMES), min_size=2, max_size=4, unique=True))
def test_full_names_run_together_read_as_the_list_written_with_separators(names):
    assert split_units("".join(names)) == split_units("、".join(names)) == names


# ---- 5. a cover notice with its own 一、二、三、 before the plan ---------------------------------------------------

NOTICE = ("某县人民政府办公室关于印发某县农村人居环境整治实施方案的通知\n各乡镇人民政府，县政府各部门：\n"
          "现将《某县农村人居环境整治实施方案》印发给你们，请认真贯彻执行。\n"
          "一、提高认识。各乡镇要高度重视。\n二、加强领导。成立工作专班。\n三、强化督导。县督查室定期督查。\n")
PLAN = ("一、总体要求\n二、重点任务\n（一）推进厕所革命（县农业农村局牵头）。\n（二）治理生活污水（县生态环境分局牵头）。\n"
        "三、保障措施\n四、工作步骤\n")
PLAN_PATHS = [["一"], ["二"], ["二", "（一）"], ["二", "（二）"], ["三"], ["四"]]


@pytest.mark.parametrize("between", [
    "某县人民政府办公室\n2024年3月1日\n附件1\n某县农村人居环境整治实施方案\n",
    # the plan's preamble between its title and its 一、
    "某县人民政府办公室\n2024年3月1日\n附件1\n某县农村人居环境整治实施方案\n为改善农村人居环境，结合我县实际，制定本方案。\n",
    # a copy that lost the signature and its date: 附件1 ends the notice
    "附件1\n某县农村人居环境整治实施方案\n为改善农村人居环境，结合我县实际，制定本方案。\n",
    "（此件公开发布）\n附件1：\n某县农村人居环境整治实施方案\n",
], ids=["date and title", "preamble", "no date", "remark line"])
def test_the_notices_own_items_are_no_measures_and_the_plans_are_read(between):
    draft = parse_plan_text(NOTICE + between + PLAN)
    assert [m.path for m in draft.measures] == PLAN_PATHS
    assert draft.measures[2].lead_units == ["县农业农村局"]


def test_a_notice_that_stands_alone_keeps_its_items():
    draft = parse_plan_text(NOTICE + "某县人民政府办公室\n2024年3月1日\n")
    assert [m.path for m in draft.measures] == [["一"], ["二"], ["三"]]


def test_a_long_preamble_is_not_skipped_over():
    # more paragraphs than a preamble takes between the title and the numbered lines: not read as a cover notice's plan
    preamble = "".join(f"第{i}段说明文字。\n" for i in range(1, 6))
    draft = parse_plan_text(NOTICE + "2024年3月1日\n附件1\n某县农村人居环境整治实施方案\n" + preamble + PLAN)
    assert draft.measures[0].path == ["一"] and draft.measures[0].text.startswith("提高认识")
