"""District names that end like the generic words 城区 and 市区 (branch ledgers35): 济南's 历城区, 温州's 鹿城区,
北京's 西城区 and 东城区, 荆州's 沙市区 are districts that answer as units and stand as a table's entities, while the
bare words (城区, 市区) and the generic phrases (主城区, 中心城区, 老城区, a city's 杭州市区) name no district. One
vocabulary rule (tracker/vocabulary/units.py ``is_area_unit``) serves the plan parser's plausible unit and the
indicator reader's test of a group's subtotal row (tracker/indicators/workbook.py). Workbooks are built with openpyxl
(tests/helpers/xlsx.xlsx_bytes); no app, no database."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.xlsx import xlsx_bytes as workbook
from tracker.indicators import IndicatorColumn, read_table
from tracker.vocabulary.units import is_area_unit

pytestmark = pytest.mark.unit

LETTERS = [IndicatorColumn("承办件数", "件"), IndicatorColumn("办结数", "件")]


@pytest.mark.parametrize("name", ["历城区", "鹿城区", "西城区", "东城区", "沙市区", "新城区", "歷城區"])
def test_a_district_named_by_one_character_before_chengqu_answers_as_a_unit(name):
    assert is_area_unit(name)


@pytest.mark.parametrize("name", ["城区", "主城区", "中心城区", "市区", "老城区", "旧城区", "核心城区", "杭州市区",
                                  "全市区", "本市区"])
def test_the_generic_words_for_a_towns_built_up_area_stay_generic(name):
    assert not is_area_unit(name)


def test_a_12345_table_keeps_licheng_district_whose_count_equals_the_next_two_rows_by_chance():
    # 历城区's 30 letters equal 市公安局's 10 and 市教育局's 20: a district is an entity, never a group's subtotal
    data = workbook([["2020年12月12345热线承办情况"], ["承办单位", "承办件数", "办结数"],
                     ["历城区", 30, 20], ["市公安局", 10, 8], ["市教育局", 20, 12]])
    table = read_table(data, "12345.xlsx", LETTERS)
    assert [row.entity for row in table.rows] == ["历城区", "市公安局", "市教育局"]


def test_a_yearbooks_urban_area_row_over_its_districts_is_their_subtotal():
    # "市区" sums the districts under it, the table's last group: the generic word is a group, not an entity
    data = workbook([["2020年12月各县区信件办理情况"], ["县（市、区）", "承办件数", "办结数"],
                     ["瑞安市", 7, 5], ["永嘉县", 9, 4], ["市区", 30, 20], ["鹿城区", 10, 8], ["龙湾区", 20, 12]])
    table = read_table(data, "信件.xlsx", LETTERS)
    assert [row.entity for row in table.rows] == ["瑞安市", "永嘉县", "鹿城区", "龙湾区"]


_HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)


@settings(max_examples=200, deadline=None)
@given(_HAN.filter(lambda char: char not in "主老旧全本我该各"), st.sampled_from(["城区", "市区"]))
def test_any_place_named_by_one_character_before_chengqu_or_shiqu_is_a_district(head, ending):
    assert is_area_unit(head + ending)


@settings(max_examples=200, deadline=None)
@given(st.text(_HAN, min_size=2, max_size=3).filter(lambda head: not head.startswith("各")),
       st.sampled_from(["城区", "市区"]))
def test_a_head_of_two_or_more_characters_names_a_towns_area_not_a_district(head, ending):
    # 中心城区, 核心城区, 杭州市区: a generic phrase or a city's built-up area, a group of its districts
    assert not is_area_unit(head + ending)
