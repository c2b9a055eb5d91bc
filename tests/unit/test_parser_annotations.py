"""Annotations as a small grammar (issue 13): who leads, who supports and by when, in every form
plans write it — the precedence rule inside an annotation, mixed separators, unit+deadline pairs
without caption, "X等有关部门和单位", several annotations in one measure, duties in the text."""
from __future__ import annotations

import datetime

import pytest

from tracker.parsing import parse_plan_text
from tracker.parsing.annotations import parse_annotation_body, split_clauses
from tracker.vocabulary.units import is_vague_collective

HEADER = "国务院办公厅关于印发某某方案的通知\n国办发〔2023〕5号\n2023年3月1日\n一、重点任务\n"


def units_of(text: str, header: str = HEADER):
    draft = parse_plan_text(header + text)
    measure = draft.measures[-1]
    return measure.lead_units, measure.supporting_units, measure.deadline, measure.due_date, draft


def test_annotation_precedence_rule_inside_the_annotation_keeps_its_units_and_holds_below():
    text = ("（一）完善机制。建立协调机制。（国家发展改革委、财政部负责。列第一位者为牵头单位，下同）\n"
            "（二）加强统筹。统筹推进改革。（人力资源社会保障部、教育部、科技部负责）\n")
    draft = parse_plan_text(HEADER + text)
    first, second = draft.measures[1], draft.measures[2]
    assert (first.lead_units, first.supporting_units) == (["国家发展改革委"], ["财政部"])
    assert (second.lead_units, second.supporting_units) == (["人力资源社会保障部"], ["教育部", "科技部"])
    assert not [w for w in draft.warnings if "无法读取" in w]


def test_annotation_mixed_list_splits_on_every_separator():
    lead, supporting, *_ = units_of("（一）推进试点。开展试点。（工业和信息化部、科技部、商务部，各省级人民政府按职责分工负责）\n")
    assert lead + supporting == ["工业和信息化部", "科技部", "商务部", "各省级人民政府"]
    assert "工业和信息化部、科技部、商务部" not in lead


@pytest.mark.parametrize("annotation, units, deadline, due", [
    ("（市财政局，5月底完成）", ["市财政局"], "5月底", datetime.date(2023, 5, 31)),
    ("（市委宣传部、市广电局，6月底前）", ["市委宣传部", "市广电局"], "6月底前", datetime.date(2023, 6, 30)),
    ("（市审计局；长期坚持）", ["市审计局"], "长期坚持", None),
])
def test_annotation_unit_and_deadline_pair_without_caption(annotation, units, deadline, due):
    lead, supporting, got_deadline, got_due, _ = units_of(f"（一）清理欠款。开展清理工作。{annotation}\n")
    assert lead + supporting == units and lead == units[:len(lead)] and lead
    assert (got_deadline, got_due) == (deadline, due)


def test_annotation_x_and_other_departments_gives_x_and_keeps_the_collective_as_written():
    lead, supporting, *_ = units_of("（一）做好保障。做好保障工作。（市发展改革委等有关部门和单位）\n")
    assert lead[0] == "市发展改革委"
    assert all(is_vague_collective(name) for name in lead[1:] + supporting)


@pytest.mark.parametrize("name, vague", [
    ("有关部门和单位", True), ("各有关单位", True), ("各项目牵头单位", True), ("有关部门", True),
    ("相关单位", True), ("其他有关部门", True), ("各省级人民政府", False), ("各区县〔自治县〕人民政府", False),
    ("市政府各部门", False), ("市财政局", False), ("市打击非法金融活动领导小组各成员单位", False),
])
def test_units_vague_collectives_are_told_from_named_groups(name, vague):
    assert is_vague_collective(name) is vague


def test_annotation_several_in_one_measure_all_count():
    lead, supporting, *_ = units_of("（一）加强考核。（市考核办负责）开展考核评价。（各区县〔自治县〕人民政府负责）\n")
    assert lead == ["市考核办", "各区县〔自治县〕人民政府"]
    draft = units_of("（一）加强考核。（市考核办负责）开展考核评价。（各区县〔自治县〕人民政府负责）\n")[-1]
    assert draft.measures[-1].text == "加强考核。开展考核评价。"


@pytest.mark.parametrize("sentence, lead, supporting", [
    ("由市商务局负责，市财政局配合。", ["市商务局"], ["市财政局"]),
    ("加强审计监督，由市审计局牵头，市财政局配合。", ["市审计局"], ["市财政局"]),
    ("推进改革。市发展改革委会同市财政局负责。", ["市发展改革委"], ["市财政局"]),
    ("建立考核机制，市考核办牵头负责。", ["市考核办"], []),
    ("由市财政局负责，2023年底前完成。", ["市财政局"], []),
])
def test_annotation_duties_closing_the_measure_in_words_give_units(sentence, lead, supporting):
    got_lead, got_supporting, *_ = units_of(f"（一）协同推进。{sentence}\n")
    assert (got_lead, got_supporting) == (lead, supporting)


@pytest.mark.parametrize("sentence", [
    "市审计局牵头，市财政局配合，加强审计监督。",
    "市发展改革委会同市财政局负责推进改革。",
    "由市财政局负责组织各区开展评估，形成报告后报市政府。",
    "市发展改革委负责统一督导调度，及时协调解决困难和问题。",
])
def test_annotation_a_unit_named_inside_a_sentence_that_goes_on_gives_no_units(sentence):
    # GOLD-README "Units": only the measure's closing duty clauses are its annotation in words
    lead, supporting, *_ = units_of(f"（一）协同推进。{sentence}\n")
    assert (lead, supporting) == ([], [])


def test_annotation_speech_subject_stays_a_suggestion_only():
    lead, supporting, _, _, draft = units_of("（一）加强协作。市金融办、人行要通力合作，形成合力。\n")
    assert (lead, supporting) == ([], [])
    assert draft.measures[-1].suggested_units == ["市金融办", "人行"]


@pytest.mark.parametrize("body", ["试行", "OTC", "含下属单位", "以下简称市金融办", "2016—2020年"])
def test_annotation_brackets_that_name_no_duty_are_no_annotation(body):
    assert parse_annotation_body(body, bare_units=True) is None


def test_annotation_clauses_split_outside_brackets_only():
    assert split_clauses("市财政局（含下属单位，各分局），5月底完成") == ["市财政局（含下属单位，各分局）", "5月底完成"]


# --- wave 3 kinds ------------------------------------------------------------------------------

def test_annotation_duty_words_in_traditional_characters_keep_the_names_as_written():
    lead, supporting, *_ = units_of("（一）精簡審批。減少審批環節。（市政府辦公室、市審批局牽頭,市級各有關部門及各縣區政府按職責分工負責）\n")
    assert lead == ["市政府辦公室", "市審批局"]
    assert [u for u in supporting if not is_vague_collective(u)] == ["各縣區政府"]


def test_annotation_leader_caption_lines_are_read_and_no_leader_becomes_a_unit():
    text = ("1．粮食产量稳定在100万吨以上。\n牵头负责领导：王某。\n牵头责任单位：省农业农村厅。\n"
            "协同责任单位：省财政厅、省水利厅等。\n")
    draft = parse_plan_text(HEADER + text)
    measure = draft.measures[-1]
    assert (measure.lead_units, measure.supporting_units) == (["省农业农村厅"], ["省财政厅", "省水利厅"])
    assert measure.text == "粮食产量稳定在100万吨以上。"
    assert not [w for w in draft.warnings if "没有编号" in w]


def test_annotation_division_of_duties_caption_reads_its_inline_form():
    text = "1．外贸进出口稳中提质。\n分管省领导：李某\n部门分工：省商务厅牵头，省财政厅、省税务局配合。\n"
    measure = parse_plan_text(HEADER + text).measures[-1]
    assert (measure.lead_units, measure.supporting_units) == (["省商务厅"], ["省财政厅", "省税务局"])


def test_annotation_precedence_rule_naming_a_lead_or_collecting_unit_holds():
    text = ("1．减轻企业负担。落实减税降费政策。\n"
            "责任单位：市经信局、市财政局、市税务局(列第一位者为工作牵头单位或汇总单位,下同)\n"
            "2．稳定就业。\n责任单位：市人力社保局、市财政局\n")
    first, second = parse_plan_text(HEADER + text).measures[-2:]
    assert (first.lead_units, first.supporting_units) == (["市经信局"], ["市财政局", "市税务局"])
    assert (second.lead_units, second.supporting_units) == (["市人力社保局"], ["市财政局"])


def test_annotation_every_department_in_charge_within_the_year_ongoing():
    lead, supporting, deadline, due, _ = units_of("（一）稳住经济。做好六稳工作。（国务院各部门分别负责，年内持续推进）\n")
    assert (lead, supporting, deadline, due) == (["国务院各部门"], [], "年内持续推进", None)


def test_annotation_precedence_rule_ranked_first_holds_for_later_annotations():
    text = ("（一）推进改革。完善机制。（国家发展改革委、财政部负责，排名第一的为牵头单位，下同）\n"
            "（二）加强统筹。统筹推进。（教育部、科技部负责）\n")
    first, second = parse_plan_text(HEADER + text).measures[1:]
    assert (first.lead_units, first.supporting_units) == (["国家发展改革委"], ["财政部"])
    assert (second.lead_units, second.supporting_units) == (["教育部"], ["科技部"])


def test_annotation_every_year_is_no_deadline_but_the_units_are_read():
    lead, supporting, deadline, due, _ = units_of("（一）开展评估。组织评估。（各区县政府，每年）\n")
    assert (lead, deadline) == (["各区县政府"], None)


def test_annotation_precedence_rule_in_a_closing_note_covers_the_annotations_above_it():
    text = ("（一）扩大消费。推动家电消费。（商务部、国家发展改革委、工业和信息化部等按职责分工负责，2023年6月底前出台政策）\n"
            "注：各项任务中，列在第一位的为牵头单位，其他为参与单位。\n")
    lead, supporting, deadline, due, _ = units_of(text)
    assert (lead, supporting) == (["商务部"], ["国家发展改革委", "工业和信息化部"])
    assert (deadline, due) == ("2023年6月底前", datetime.date(2023, 6, 30))


@pytest.mark.parametrize("annotation, lead, supporting, deadline", [
    ("（国家发展改革委、财政部按职责分工负责，各地区落实）", ["国家发展改革委", "财政部", "各地区"], [], None),
    ("（市财政局组织实施）", ["市财政局"], [], None),
    ("（市财政局、市税务局负责，其中市财政局牵头）", ["市财政局"], ["市税务局"], None),
    ("（责任单位：市财政局、市税务局；时间：2023年6月）", ["市财政局", "市税务局"], [], "2023年6月"),
    ("（市财政局负责；2023年起）", ["市财政局"], [], None),
    ("（市财政局，2023年3月—6月）", ["市财政局"], [], "2023年3月—6月"),
])
def test_annotation_wave_3_forms(annotation, lead, supporting, deadline):
    got_lead, got_supporting, got_deadline, *_ = units_of(f"（一）推进改革。完善机制。{annotation}\n")
    assert (got_lead, got_supporting, got_deadline) == (lead, supporting, deadline)


def test_units_city_level_relevant_departments_are_vague_but_district_departments_are_a_group():
    assert is_vague_collective("市有关部门") and is_vague_collective("省直有关部门")
    assert not is_vague_collective("区直各部门")


@pytest.mark.parametrize("text, lead, supporting", [
    ("（一）加强领导。建立机制。\n（牵头单位：市财政局；配合单位：市税务局，\n各区县政府）\n", ["市财政局"], ["市税务局", "各区县政府"]),
    ("（一）加强领导。建立机制。\n牵头单位：市财政局、\n市税务局\n", ["市财政局", "市税务局"], []),
])
def test_annotation_broken_over_two_lines_is_read_whole(text, lead, supporting):
    got_lead, got_supporting, *_ = units_of(text)
    assert (got_lead, got_supporting) == (lead, supporting)


def test_annotation_closing_a_clause_inside_the_text_counts():
    draft = parse_plan_text(HEADER + "（一）完善制度（市司法局负责）；强化监督（市审计局负责）。\n")
    measure = draft.measures[-1]
    assert measure.lead_units == ["市司法局", "市审计局"] and measure.text == "完善制度；强化监督。"


# --- wave 4 (issue 13): every style of annotation a plan writes ----------------------------------

CITY = "某市人民政府关于印发某某实施方案的通知\n2023年3月1日\n一、重点任务\n"


@pytest.mark.parametrize("annotation, lead, supporting", [
    ("（牵头单位：市发展改革委；配合单位：市财政局、市税务局）", ["市发展改革委"], ["市财政局", "市税务局"]),
    ("（牵头单位：市发展改革委，责任单位：市财政局）", ["市发展改革委"], ["市财政局"]),
    ("（责任单位：市财政局、市税务局）", ["市财政局", "市税务局"], []),
    ("（主办：市财政局；协办：市税务局）", ["市财政局"], ["市税务局"]),
    ("（主办单位：市财政局；协办单位：市税务局）", ["市财政局"], ["市税务局"]),
    ("（市财政局牵头，市税务局配合）", ["市财政局"], ["市税务局"]),
    ("（市财政局负责）", ["市财政局"], []),
    ("（市财政局、市税务局按职责分工负责）", ["市财政局", "市税务局"], []),
    ("（牵头领导：张三；牵头单位：市财政局；配合单位：市税务局）", ["市财政局"], ["市税务局"]),
    ("【牵头单位：市财政局；配合单位：市税务局】", ["市财政局"], ["市税务局"]),
    ("[牵头单位:市财政局;责任单位:市税务局、各街办(新区)]", ["市财政局"], ["市税务局", "各街办(新区)"]),
    ("(牵头单位:市财政局;配合单位:市税务局)", ["市财政局"], ["市税务局"]),
    ("(牵头单位:市商务局  责任单位:市编办、市发改委)", ["市商务局"], ["市编办", "市发改委"]),
    ("【牵头单位】市财政局【配合单位】市税务局", ["市财政局"], ["市税务局"]),
    ("（责任单位：各区政府，市财政局配合）", ["各区政府"], ["市财政局"]),
])
def test_a_clerk_gets_the_lead_and_supporting_units_of_every_annotation_style(annotation, lead, supporting):
    got_lead, got_supporting, _, _, draft = units_of(f"（一）推进改革。完善机制。{annotation}\n", CITY)
    assert (got_lead, got_supporting) == (lead, supporting)
    assert not [w for w in draft.warnings if "标注" in w]


def test_a_leader_named_alone_in_an_annotation_is_read_and_left_out_without_a_warning():
    lead, supporting, _, _, draft = units_of("（一）推进改革。（牵头领导：张三）\n", CITY)
    assert (lead, supporting) == ([], [])
    assert not [w for w in draft.warnings if "标注" in w]


def test_a_deadline_inside_the_annotation_is_no_unit_and_the_units_stay():
    lead, supporting, deadline, *_ = units_of(
        "（一）推进改革。（牵头单位：市财政局；配合单位：市税务局；2023年底前完成）\n", CITY)
    assert (lead, supporting, deadline) == (["市财政局"], ["市税务局"], "2023年底前")


@pytest.mark.parametrize("text", [
    "（一）推進改革。（牽頭單位：市財政局；配合單位：市稅務局、市殘聯）\n",
    "（一）推進改革。\n牽頭單位：市財政局\n配合單位：市稅務局、市殘聯\n",
    "（一）推進改革。[牽頭單位:市財政局;責任單位:市稅務局、市殘聯]\n",
])
def test_captions_in_traditional_characters_read_and_the_names_stay_as_written(text):
    lead, supporting, *_ = units_of(text, CITY)
    assert (lead, supporting) == (["市財政局"], ["市稅務局", "市殘聯"])


def test_an_annotation_whose_caption_stands_alone_on_its_line_reads_the_units_below():
    lead, supporting, *_ = units_of("（一）推进改革。\n牵头单位：\n市财政局\n配合单位：\n市税务局、各区县政府\n", CITY)
    assert (lead, supporting) == (["市财政局"], ["市税务局", "各区县政府"])


def test_an_annotation_at_the_end_of_a_multi_line_item_belongs_to_the_item():
    lead, supporting, *_ = units_of("（一）推进改革。\n建立机制，完善制度。\n（牵头单位：市财政局；\n配合单位：市税务局）\n", CITY)
    assert (lead, supporting) == (["市财政局"], ["市税务局"])


@pytest.mark.parametrize("rule", [
    "（市财政局、市税务局负责，第一个为牵头单位，下同）",
    "（市财政局、市税务局负责，排名第一的为牵头单位，下同）",
    "（市財政局、市稅務局負責。列第一位者為牽頭單位，下同）",
])
def test_a_precedence_rule_in_the_first_annotation_holds_for_every_later_one(rule):
    draft = parse_plan_text(CITY + f"（一）推进改革。{rule}\n（二）完善制度。（市商务局、市人社局负责）\n")
    first, second = draft.measures[1], draft.measures[2]
    assert len(first.lead_units) == 1 and len(first.supporting_units) == 1
    assert (second.lead_units, second.supporting_units) == (["市商务局"], ["市人社局"])


def test_a_precedence_rule_in_the_preface_holds_for_every_annotation():
    draft = parse_plan_text("某市人民政府关于印发某某实施方案的通知\n各项任务中列第一位者为牵头单位。\n一、重点任务\n"
                            "（一）推进改革。（市财政局、市税务局负责）\n（二）完善制度。（市商务局、市人社局、市教育局负责）\n")
    assert [(m.lead_units, m.supporting_units) for m in draft.measures[1:]] == [
        (["市财政局"], ["市税务局"]), (["市商务局"], ["市人社局", "市教育局"])]


@pytest.mark.parametrize("annotation, units", [
    ("（市财政局牵头，各区、县级市政府配合）", ["市财政局", "各区、县级市政府"]),
    ("（市财政局牵头，各县、市、区人民政府配合）", ["市财政局", "各县、市、区人民政府"]),
    ("（市委组织部（市人才办）牵头，市财政局（含下属单位，各分局）配合）", ["市委组织部（市人才办）", "市财政局（含下属单位，各分局）"]),
    ("（市财政局牵头，各区（县）政府配合）", ["市财政局", "各区（县）政府"]),
    ("（牵头单位：市财政局；配合单位：市税务局，市商务局；市人社局 市教育局）",
     ["市财政局", "市税务局", "市商务局", "市人社局", "市教育局"]),
    ("（市委组织部、团市委、市妇联、市科协负责）", ["市委组织部", "团市委", "市妇联", "市科协"]),
])
def test_unit_lists_keep_named_groups_and_names_with_brackets_whole(annotation, units):
    lead, supporting, *_ = units_of(f"（一）推进改革。{annotation}\n", CITY)
    assert lead + supporting == units


@pytest.mark.parametrize("name", ["各有关区、县级市政府", "各相关乡镇街道", "各地区", "各地区各部门"])
def test_units_groups_of_unnamed_areas_are_vague(name):
    assert is_vague_collective(name)


@pytest.mark.parametrize("annotation, lead, supporting", [
    ("（区财政局牵头，各镇街配合）", ["区财政局"], ["各镇街"]),
    ("（市财政局牵头，各县市区配合）", ["市财政局"], ["各县市区"]),
    ("（市财政局牵头，各县（市、区）配合）", ["市财政局"], ["各县（市、区）"]),
    ("（越秀区、海珠区、天河区负责）", ["越秀区", "海珠区", "天河区"], []),
    ("（高新区管委会、经开区负责）", ["高新区管委会", "经开区"], []),
    ("（市通信管理局牵头，某某移动、某某电信配合）", ["市通信管理局"], ["某某移动", "某某电信"]),
    ("（市发展改革委和市财政局负责）", ["市发展改革委", "市财政局"], []),
    ("（市人力资源和社会保障局、市住房和城乡建设局负责）", ["市人力资源和社会保障局", "市住房和城乡建设局"], []),
    ("（市财政局等10个部门负责）", ["市财政局"], []),
])
def test_areas_and_companies_answer_as_units_and_lists_split_on_and(annotation, lead, supporting):
    got_lead, got_supporting, _, _, draft = units_of(f"（一）推进改革。{annotation}\n", CITY)
    assert (got_lead, got_supporting) == (lead, supporting)
    assert not [w for w in draft.warnings if "标注" in w]


@pytest.mark.parametrize("text", ["（一）推进改革。建设示范。（试点城市）\n", "（一）推进改革。（全市）\n"])
def test_a_place_word_in_brackets_is_no_unit(text):
    lead, supporting, *_ = units_of(text, CITY)
    assert (lead, supporting) == ([], [])


@pytest.mark.parametrize("rule", [
    "列第一位者为牵头单位", "排在第一位的部门为牵头部门", "排名第一的为牵头单位", "第一个单位为牵头单位",
    "列首位的为牵头单位", "牵头单位排在第一位", "排在前面的为牵头单位", "首位为牵头单位", "列第一位者為牽頭單位",
])
def test_every_wording_of_the_precedence_rule_makes_the_first_unit_lead(rule):
    draft = parse_plan_text(f"某市人民政府关于印发某某实施方案的通知\n以下各项任务中，{rule}。\n一、重点任务\n"
                            "（一）推进改革。（市财政局、市税务局、市商务局负责）\n")
    measure = draft.measures[-1]
    assert (measure.lead_units, measure.supporting_units) == (["市财政局"], ["市税务局", "市商务局"])


@pytest.mark.parametrize("annotation, lead, supporting", [
    ("（市财政局牵头抓总，市税务局配合）", ["市财政局"], ["市税务局"]),
    ("（市财政局负责牵头，市税务局参与）", ["市财政局"], ["市税务局"]),
    ("（市财政局主抓，市税务局协同）", ["市财政局"], ["市税务局"]),
    ("（市财政局牵头，市税务局配合实施）", ["市财政局"], ["市税务局"]),
    ("（市财政局抓落实）", ["市财政局"], []),
    ("（牵头单位为市财政局，配合单位为市税务局）", ["市财政局"], ["市税务局"]),
    ("（实施单位：市财政局；配合单位：市税务局）", ["市财政局"], ["市税务局"]),
    ("（承办单位：市财政局）", ["市财政局"], []),
    ("（责任单位：市财政局；责任人：张三）", ["市财政局"], []),
    ("（牵头单位：市财政局；联系人：李四，电话：12345678）", ["市财政局"], []),
])
def test_duty_words_and_captions_of_every_office_are_read_and_persons_left_out(annotation, lead, supporting):
    got_lead, got_supporting, _, _, draft = units_of(f"（一）推进改革。{annotation}\n", CITY)
    assert (got_lead, got_supporting) == (lead, supporting)
    assert not [w for w in draft.warnings if "标注" in w]


@pytest.mark.parametrize("name", ["有关企业", "市属有关企业", "各职能部门", "相关职能部门", "各成员单位", "其他成员单位",
                                  "各相关责任单位", "各级政府", "各级各部门", "有关县（市、区）", "相关区县", "相关街道"])
def test_units_that_name_nobody_in_particular_never_become_units(name):
    assert is_vague_collective(name)


@pytest.mark.parametrize("name", ["区直各部门", "市政府各部门", "各县区", "各园区", "区疫情防控指挥部成员单位",
                                  "市打击非法金融活动领导小组各成员单位", "各区、县级市政府"])
def test_named_groups_that_answer_as_one_stay_units(name):
    assert not is_vague_collective(name)


def test_a_precedence_rule_closing_the_plan_about_the_tasks_above_covers_them():
    draft = parse_plan_text(CITY + "（一）推进改革。（市财政局、市税务局负责）\n二、保障措施\n"
                            "（一）加强领导。以上任务中，列第一位的为牵头单位，其余为配合单位。\n")
    measure = draft.measures[1]
    assert (measure.lead_units, measure.supporting_units) == (["市财政局"], ["市税务局"])


# ---- Issue 13, wave 6: annotations of inline items, ways of working, the forms offices write -------

def _measures(text: str, header: str = HEADER) -> dict[tuple[str, ...], tuple[list[str], list[str], str | None]]:
    draft = parse_plan_text(header + text)
    return {tuple(m.path): (m.lead_units, m.supporting_units, m.deadline) for m in draft.measures}


def test_annotation_each_inline_item_keeps_its_own_units_and_the_item_keeps_none():
    got = _measures("（一）加强保障。一是完善协调机制（市发展改革委负责）；二是强化督查考核（市考核办负责）。\n")
    assert got[("一", "（一）", "一是")][:2] == (["市发展改革委"], [])
    assert got[("一", "（一）", "二是")][:2] == (["市考核办"], [])
    assert got[("一", "（一）")][:2] == ([], [])


def test_annotation_of_the_item_before_its_list_and_after_it_stays_the_items():
    got = _measures("（一）加强保障（市政府办公室牵头）。一是完善机制（市财政局负责）；二是强化考核（市审计局负责）。\n"
                    "（二）优化服务。一是简化流程（市数据局负责）；二是压缩时限（市税务局负责）。（市政务服务中心牵头）\n")
    assert got[("一", "（一）")][:2] == (["市政府办公室"], [])
    assert got[("一", "（一）", "一是")][:2] == (["市财政局"], [])
    assert got[("一", "（二）")][:2] == (["市政务服务中心"], [])
    assert got[("一", "（二）", "二是")][:2] == (["市税务局"], [])


def test_annotation_closing_an_unannotated_list_stays_the_items_as_before():
    got = _measures("（一）加强保障。一是完善协调机制；二是强化督查考核。（市发展改革委负责）\n")
    assert got[("一", "（一）")][:2] == (["市发展改革委"], [])
    assert got[("一", "（一）", "一是")][:2] == got[("一", "（一）", "二是")][:2] == ([], [])


@pytest.mark.parametrize("annotation, lead, supporting, deadline", [
    ("（市发展改革委负责，分年度实施）", ["市发展改革委"], [], None),
    ("（市发展改革委牵头，市财政局配合，分步推进）", ["市发展改革委"], ["市财政局"], None),
    ("（市住房城乡建设局、市城管局，分阶段实施）", ["市住房城乡建设局", "市城管局"], [], None),
    ("（市交通运输局牵头，持续推进）", ["市交通运输局"], [], "持续推进"),
    ("（市教育局负责，2024年起实施）", ["市教育局"], [], None),
])
def test_annotation_units_followed_by_a_way_of_working_are_still_an_annotation(annotation, lead, supporting, deadline):
    lead_got, supporting_got, deadline_got, _, draft = units_of(f"（一）推进改造。实施老旧小区改造。{annotation}\n")
    assert (lead_got, supporting_got, deadline_got) == (lead, supporting, deadline)
    assert not [w for w in draft.warnings if "无法读取" in w]


def test_annotation_a_way_of_working_alone_names_no_unit():
    body = parse_annotation_body("分年度实施", bare_units=True)
    assert body is None


@pytest.mark.parametrize("annotation, lead, supporting, deadline", [
    ("（责任单位：市商务局；完成时间：2024年6月）", ["市商务局"], [], "2024年6月"),
    ("（市发展改革委，市财政局按职责分工负责）", ["市发展改革委", "市财政局"], [], None),
    ("（市发展改革委负责，市财政局参与）", ["市发展改革委"], ["市财政局"], None),
    ("（牵头领导：张三；牵头单位：市商务局；配合单位：市财政局）", ["市商务局"], ["市财政局"], None),
    ("（牵头单位：县政府园区发展服务中心；责任单位：新材料产业园、商贸物流园等）",
     ["县政府园区发展服务中心"], ["新材料产业园", "商贸物流园"], None),
])
def test_annotation_forms_offices_write_give_their_units(annotation, lead, supporting, deadline):
    lead_got, supporting_got, deadline_got, *_ = units_of(f"（一）推进改造。实施老旧小区改造。{annotation}\n")
    assert (lead_got, supporting_got, deadline_got) == (lead, supporting, deadline)


def test_annotation_a_leader_line_under_the_item_gives_no_lead_unit_so_the_responsible_units_lead():
    """衢州 2021 (251): "牵头市领导：…" names a person; the 责任单位 below it are the item's lead units."""
    lead, supporting, *_ = units_of("1.实施富民行动。\n牵头市领导：汤飞帆\n责任单位：市发改委、市农业农村局、市文旅局\n",
                                    header="某市政府工作报告重点工作责任分解\n2021年3月24日\n")
    assert (lead, supporting) == (["市发改委", "市农业农村局", "市文旅局"], [])


def test_annotation_a_group_of_areas_with_bracketed_kinds_is_one_named_group():
    lead, *_ = units_of("（一）推进平台整合。整合提升开发区。（市发改委、市商务局，各区、县(市)政府(管委会)）\n")
    assert lead == ["市发改委", "市商务局", "各区、县(市)政府(管委会)"]


@pytest.mark.parametrize("annotation, lead, supporting, deadline", [
    ("（市发展改革委为牵头单位，市财政局为配合单位）", ["市发展改革委"], ["市财政局"], None),
    ("（市发展改革委、市财政局按职能分工负责，2023年底前）", ["市发展改革委", "市财政局"], [], "2023年底前"),
    ("（市发展改革委负责；时间：2023年底）", ["市发展改革委"], [], "2023年底"),
    ("（市发展改革委牵头，2023年内完成）", ["市发展改革委"], [], "2023年内"),
    ("（市水利局牵头，市应急局配合，2024年汛期前）", ["市水利局"], ["市应急局"], "2024年汛期前"),
    ("（市统计局牵头，市发展改革委配合，按季度推进）", ["市统计局"], ["市发展改革委"], None),
])
def test_annotation_roles_after_为_duties_by_function_short_time_captions_and_seasons(annotation, lead, supporting, deadline):
    lead_got, supporting_got, deadline_got, _, draft = units_of(f"（一）推进改造。实施老旧小区改造。{annotation}\n")
    assert (lead_got, supporting_got, deadline_got) == (lead, supporting, deadline)
    assert not [w for w in draft.warnings if "无法读取" in w]


@pytest.mark.parametrize("annotation, lead, supporting", [
    # a 市 office's plan written in traditional characters: the two named with 牽頭 lead, the rest support
    ("（責任單位:市發改委、市財政局牽頭,市商務局、市統計局）", ["市發改委", "市財政局"], ["市商務局", "市統計局"]),
    ("（责任单位：市发改委牵头，市财政局、市商务局配合）", ["市发改委"], ["市财政局", "市商务局"]),
    # the lead marked in brackets after a list closed by a comma: the whole list leads
    ("（责任单位：市发改委、市财政局（牵头），市商务局）", ["市发改委", "市财政局"], ["市商务局"]),
    # 丽水's "分别牵头" on a list, then the unit that supports both
    ("（责任单位：市人力社保局、市农业农村局分别牵头，市财政局）", ["市人力社保局", "市农业农村局"], ["市财政局"]),
    ("（责任单位：市发改委、市财政局、市商务局，其中市发改委牵头）", ["市发改委"], ["市财政局", "市商务局"]),
    # marked inside one list (no comma): only the marked unit leads, as before
    ("（责任单位：市大数据局（牵头）、市财政局）", ["市大数据局"], ["市财政局"]),
])
def test_a_responsible_caption_whose_lists_carry_duty_words_splits_lead_and_supporting(annotation, lead, supporting):
    got_lead, got_supporting, *_ = units_of(f"（一）推进改革。完善工作机制。{annotation}\n")
    assert (got_lead, got_supporting) == (lead, supporting)
    assert not any("牽頭" in unit or "牵头" in unit for unit in got_lead + got_supporting)
