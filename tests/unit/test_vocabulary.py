"""The field's vocabulary (tracker/vocabulary): numerals, numbering tokens, unit lists, captions,
status synonyms; and that the parser, the ledger reader and the preview editor read it alike."""
from __future__ import annotations

import re

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.persons import seen_by_the_three_uses, seen_with_the_word_added
from tracker.ledger import read_ledger
from tracker.models import STATUS_LABELS, TaskStatus
from tracker.parsing import parse_plan_text
from tracker.parsing.docx_numbering import format_number
from tracker.services.plans.draft_editing import apply_edits, units_from_inputs
from tracker.vocabulary.captions import CAPTION_SYNONYMS, match_caption, match_header
from tracker.vocabulary.numbering import (MAX_ROMAN, chinese_numeral, chinese_numeral_value, match_number,
                                          parse_number, roman_numeral, roman_value)
from tracker.vocabulary.persons import NOT_CAPTIONS_ALONE, PERSON_NOUNS
from tracker.vocabulary.statuses import STATUS_SYNONYMS, status_synonym
from tracker.vocabulary.units import CLOSERS, OPENERS, SEPARATORS, split_run_together, split_units

# ---------------------------------------------------------------------------------------------
# Numerals


@pytest.mark.parametrize("number, written", [
    (1, "一"), (10, "十"), (12, "十二"), (20, "二十"), (99, "九十九"), (100, "一百"), (101, "一百零一"),
    (110, "一百一十"), (1010, "一千零一十"), (10000, "一万"), (10001, "一万零一"), (100000, "十万"),
    (123456789, "一亿二千三百四十五万六千七百八十九"), (0, "零"),
])
def test_vocabulary_chinese_numerals_are_written_as_documents_write_them(number, written):
    assert chinese_numeral(number) == written
    assert chinese_numeral_value(written) == number


def test_vocabulary_chinese_numeral_past_ninety_nine_no_longer_crashes():
    # issue 14 item 8: services/ledger/newplan.chinese_numeral raised IndexError at 100.
    assert chinese_numeral(100) == "一百"
    assert len(chinese_numeral(10 ** 40)) < 60
    with pytest.raises(ValueError, match="负数"):
        chinese_numeral(-1)


@given(st.integers(min_value=1, max_value=10000))
def test_vocabulary_chinese_numerals_round_trip_from_1_to_10000(number):
    assert chinese_numeral_value(chinese_numeral(number)) == number


@given(st.integers(min_value=0, max_value=10 ** 20))
def test_vocabulary_chinese_numerals_round_trip_for_large_numbers(number):
    assert chinese_numeral_value(chinese_numeral(number)) == number


@pytest.mark.parametrize("text", ["十十", "二一", "百", "", "三年", "一百零", "十〇", "万万", "一" * 50])
def test_vocabulary_chinese_numeral_value_refuses_what_is_no_numeral(text):
    assert chinese_numeral_value(text) is None


def test_vocabulary_chinese_numeral_value_accepts_两_〇_and_一十():
    assert [chinese_numeral_value(t) for t in ("两万", "一〇一", "一百〇一", "一十五")] == [20000, None, 101, 15]


@given(st.integers(min_value=1, max_value=MAX_ROMAN))
def test_vocabulary_roman_numerals_round_trip_in_both_cases(number):
    written = roman_numeral(number)
    assert roman_value(written) == number and roman_value(written.lower()) == number


def test_vocabulary_roman_numerals_refuse_absurd_values_instead_of_building_huge_strings():
    assert roman_numeral(2024) == "MMXXIV" and roman_numeral(MAX_ROMAN) == "MMMCMXCIX"
    for number in (0, MAX_ROMAN + 1, 10 ** 11):
        with pytest.raises(ValueError, match="罗马数字"):
            roman_numeral(number)
    assert [roman_value(t) for t in ("IIII", "VX", "", "MMMM")] == [None, None, None, None]


def test_vocabulary_word_list_numbered_10_to_the_11_in_roman_falls_back_to_digits():
    # A crafted .docx (w:start 10^11, upperRoman) once built a string of 10^8 "M".
    assert format_number(10 ** 11, "upperRoman") == str(10 ** 11)
    assert format_number(14, "lowerRoman") == "xiv"


# ---------------------------------------------------------------------------------------------
# Numbering tokens


def test_vocabulary_a_plan_line_and_a_ledger_cell_give_the_same_token_key():
    line = match_number("（十二）加强监管")
    tokens, rest = parse_number("（十二）")
    assert (line.style, line.key, line.ordinal, line.written) == ("cn_paren", "（十二）", 12, "（十二）")
    assert [t.key for t in tokens] == [line.key] and tokens[0].style == line.style and rest == ""
    assert [t.key for t in parse_number("一（一）")[0]] == ["一", "（一）"]
    assert [t.key for t in parse_number("1.2")[0]] == ["1", "1.2"]
    assert parse_number("三年行动") is None


# ---------------------------------------------------------------------------------------------
# Unit lists

# (a name drawn from these characters may be two full names run together, "区人办市人办", which split_units rightly cuts
# in two: GOLD-README "units29"; such draws are no single name)
_NAME = st.text(alphabet="市区县财政局委办发改人民政府各部门", min_size=1, max_size=6).filter(
    lambda name: split_run_together([name]) == [name])
_INSIDE = st.text(alphabet="含下属单位各分局、，,；; \n牵头", min_size=1, max_size=10)
_BRACKETS = list(zip(OPENERS, CLOSERS))


@st.composite
def _unit_with_remark(draw):
    opener, closer = draw(st.sampled_from(_BRACKETS))
    return draw(_NAME) + opener + draw(_INSIDE) + closer


@given(st.lists(st.one_of(_NAME, _unit_with_remark()), min_size=1, max_size=6),
       st.lists(st.sampled_from(sorted(SEPARATORS)), min_size=5, max_size=5))
def test_vocabulary_split_units_never_splits_inside_brackets(names, separators):
    text = "".join(name + separators[i % 5] for i, name in enumerate(names))
    assert split_units(text) == ["".join(name.split()) for name in names]


@given(st.text(max_size=80))
def test_vocabulary_split_units_never_fails_and_gives_clean_names(text):
    for name in split_units(text):
        assert name and not re.search(r"\s", name)


def test_vocabulary_split_units_reads_cells_and_lists_the_way_the_parser_does():
    assert split_units("市发改委（牵头，含下属单位）、市财政局\n市金融办；重庆银监局, 各区县") == [
        "市发改委（牵头，含下属单位）", "市财政局", "市金融办", "重庆银监局", "各区县"]
    assert split_units("市金融办、各区县〔自治县〕人民政府") == ["市金融办", "各区县〔自治县〕人民政府"]
    assert split_units("市 财 政 局。") == ["市财政局"]
    assert split_units(None) == [] and split_units("") == [] and split_units(3) == ["3"]


def test_vocabulary_preview_inputs_keep_a_unit_with_a_bracketed_list_whole():
    # services/draft_editing once split at every comma: "市财政局（含下属单位" + "各分局）".
    assert units_from_inputs(["市财政局（含下属单位，各分局）、市税务局", "市税务局", ""]) == [
        "市财政局（含下属单位，各分局）", "市税务局"]


def test_vocabulary_saving_a_preview_keeps_市财政局_含下属单位_各分局_as_one_unit():
    state = {"title": "方案", "sections": [], "issued_on": None, "items": [{
        "id": 1, "path": ["一"], "title": "加强监管", "text": "加强监管。", "lead_units": [],
        "supporting_units": [], "suggested": [], "deadline": None, "due_date": None}]}
    fields = {"title-1": ["加强监管"], "lead-1": ["市财政局（含下属单位，各分局）"], "supporting-1": ["市审计局"]}
    saved = apply_edits(state, lambda name: fields.get(name, []))
    assert saved["items"][0]["lead_units"] == ["市财政局（含下属单位，各分局）"]
    assert saved["items"][0]["supporting_units"] == ["市审计局"]


# ---------------------------------------------------------------------------------------------
# Captions


def test_vocabulary_one_caption_table_names_each_field():
    for field, synonyms in CAPTION_SYNONYMS.items():
        assert synonyms[0] == field
        for synonym in synonyms:
            assert match_caption(synonym)[0] == field
    assert match_caption("主办单位")[0] == "牵头单位" and match_caption("协办单位")[0] == "配合单位"


def test_vocabulary_header_matching_takes_the_right_one_of_two_task_columns():
    columns, _ = match_header(["工作任务", "具体要求", "责任单位", "时限要求"])
    assert columns == {"重点任务": 0, "具体措施": 1, "牵头单位": 2, "完成时限": 3}
    columns, matched = match_header(["序号", "重点任务", "牵头单位", "责任单位", "时限"])
    assert columns == {"序号": 0, "具体措施": 1, "牵头单位": 2, "配合单位": 3, "完成时限": 4}
    assert match_header(["序号", "推广范围", "备注"]) is None
    # issue 13: the State Council's lists of reforms to copy name their columns so
    columns, _ = match_header(["序号", "改革举措", "主要内容", "指导部门", "推广范围"])
    assert columns == {"序号": 0, "重点任务": 1, "具体措施": 2, "牵头单位": 3}


def test_vocabulary_ledger_reader_and_parser_both_take_主办单位_for_the_lead_units(tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in (["序号", "工作内容", "主办单位", "协办单位", "完成时限", "进展情况"],
                [1, "清理拖欠企业账款", "市财政局（含下属单位，各分局）", "市审计局、市国资委", "2024年底前", "已摸底"]):
        sheet.append(row)
    workbook.save(tmp_path / "台账.xlsx")
    ledger = read_ledger(tmp_path / "台账.xlsx")
    assert ledger.column_map["牵头单位"] == "C" and ledger.column_map["配合单位"] == "D"
    row = ledger.rows[0]
    assert (row.lead_units, row.supporting_units) == (["市财政局（含下属单位，各分局）"], ["市审计局", "市国资委"])

    annotated = parse_plan_text("一、清理拖欠企业账款。（主办单位：市财政局（含下属单位，各分局）；协办单位：市审计局、市国资委）\n")
    table = parse_plan_text("序号\t工作内容\t主办单位\t协办单位\t完成时限\n"
                            "1\t清理拖欠企业账款。\t市财政局（含下属单位，各分局）\t市审计局、市国资委\t2024年底前\n")
    for draft in (annotated, table):
        [measure] = draft.measures
        assert measure.lead_units == ["市财政局（含下属单位，各分局）"]
        assert measure.supporting_units == ["市审计局", "市国资委"]
    assert table.measures[0].deadline == "2024年底前"


# ---------------------------------------------------------------------------------------------
# Persons


@pytest.mark.parametrize("word", [noun for noun in PERSON_NOUNS if noun not in NOT_CAPTIONS_ALONE])
def test_vocabulary_each_person_word_is_seen_by_the_ledger_the_task_table_and_the_annotation(word):
    """责任人, 联系人: a ledger's column, a person beside a unit in a 分工表 cell, a contact in an annotation."""
    assert seen_by_the_three_uses(word) == {"ledger header": True, "table cell": True, "annotation": True}


def test_vocabulary_a_person_word_added_once_in_persons_py_is_seen_by_all_three_uses():
    """An office writes 经办人 for the person to reach. Before it is a person word, the ledger leaves
    its column unmapped and the plan parser takes 经办人：张三 for a unit's text; once it is one of
    ``persons.PERSON_NOUNS``, and written nowhere else, all three read it as a person."""
    assert "经办人" not in PERSON_NOUNS
    before = seen_with_the_word_added("经办人", added=None)
    assert before == {"ledger header": False, "table cell": False, "annotation": False}
    after = seen_with_the_word_added("经办人", added="经办人")
    assert after == {"ledger header": True, "table cell": True, "annotation": True}


# ---------------------------------------------------------------------------------------------
# Statuses


def test_vocabulary_status_synonyms_are_status_codes_and_from_label_reads_them():
    assert set(STATUS_SYNONYMS.values()) <= {status.value for status in TaskStatus}
    assert status_synonym(" 已完成 ") == "closed" and status_synonym("逾期") is None
    for text, code in STATUS_SYNONYMS.items():
        assert TaskStatus.from_label(text) == TaskStatus(code)
    for status, label in STATUS_LABELS.items():
        assert TaskStatus.from_label(f" {label} ") == status
    with pytest.raises(ValueError, match="未知的完成状态：逾期"):
        TaskStatus.from_label("逾期")


@pytest.mark.parametrize("text, code", [
    ("序时推进", "in_progress"), ("按计划推进", "in_progress"), ("进展滞后", "in_progress"), ("整改中", "in_progress"),
    ("基本完成", "in_progress"), ("部分完成", "in_progress"), ("未完成", "in_progress"), ("长期坚持", "in_progress"),
    ("尚未启动", "assigned"), ("待启动", "assigned"), ("未开展", "assigned"),
    ("已落实", "closed"), ("已整改", "closed"), ("完成整改", "closed"), ("已销号", "closed"), ("全部完成", "closed"),
    ("已完成（长效推进）", "closed"), ("已 完成", "closed"),
    ("逾期", None), ("是", None), ("完成率80%", None), ("2024年6月", None),
])
def test_vocabulary_a_county_ledgers_status_words_read_as_the_status_they_mean(text, code):
    # Offices write 完成状态 in their own words; a ledger refused for "序时推进" would be refused whole.
    assert status_synonym(text) == code


@settings(max_examples=200)
@given(st.sampled_from(["未", "尚未", "基本", "部分"]), st.sampled_from(["完成", "办结", "落实", "整改"]))
def test_vocabulary_a_status_not_or_partly_done_never_closes_a_task(prefix, done):
    assert status_synonym(prefix + done) != "closed"


@settings(max_examples=50)
@given(st.text(max_size=20))
def test_vocabulary_status_synonym_never_fails(text):
    code = status_synonym(text)
    assert code is None or code in {status.value for status in TaskStatus}


def test_split_units_spaces_separate_names_only_when_every_piece_is_a_unit():
    assert split_units("市财政局 市工业和信息化局 各县市区政府、 开发区管委会") == [
        "市财政局", "市工业和信息化局", "各县市区政府", "开发区管委会"]
    assert split_units("财  政  局") == ["财政局"]
    assert split_units("市财政局 牵头") == ["市财政局牵头"]


def test_captions_task_table_header_synonyms_of_wave_3():
    assert match_caption("目标与任务") == ("具体措施", "目标与任务")
    assert match_caption("协同责任单位") == ("配合单位", "协同责任单位")


@pytest.mark.parametrize("name, vague", [
    ("区级相关部门", True), ("市级各有关部门", True), ("市級各有關部門", True), ("各地", True),
    ("省政府各部门", False), ("各直属机构", False), ("各县市区政府", False), ("区直各部门", False),
])
def test_units_level_prefixed_collectives_are_vague_and_named_groups_are_not(name, vague):
    from tracker.vocabulary.units import is_vague_collective
    assert is_vague_collective(name) is vague


_SPACED_UNITS = ["市财政局", "市工业和信息化局", "区发改局", "县农业农村局", "各镇（街道）", "各县(市、区)", "市住建委",
                 "市委组织部（市人才办）", "省林业局等"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_SPACED_UNITS), min_size=2, max_size=5), st.sampled_from([" ", "  ", "\u3000", "\n"]))
def test_split_units_property_unit_names_a_cell_separates_by_blanks_come_back_one_each_in_order(names, blank):
    # one rule (units._spaced_names) for names a table cell writes apart: every whole name is one unit, in order
    assert [name.removesuffix("等") for name in split_units(blank.join(names))] == [
        name.removesuffix("等") for name in names]
