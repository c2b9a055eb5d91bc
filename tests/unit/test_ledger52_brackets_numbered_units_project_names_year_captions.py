"""What branch ledgers52 found in ledgers and indicator tables other offices send the 督查室: a lead marked in square or
lenticular brackets in a 责任单位 cell ("市财政局[牵头]、市税务局") swapped lead and supporting; units numbered in a cell
("1.市财政局\\n2.市税务局", "①市财政局 ②市税务局") kept their numbers as part of their names; a ledger captioned only
"项目名称 | 责任单位" was refused; and a table of January to October whose caption said "全年累计" was dated December.
Each test is a supervisor importing what an office sent; the documents are invented. Workbooks are built with openpyxl
(tests/helpers/xlsx.xlsx_bytes); no app, no database."""
from __future__ import annotations

import pytest

from tests.helpers.xlsx import xlsx_bytes as workbook
from tracker.indicators import IndicatorColumn, read_table
from tracker.ledger import read_ledger
from tracker.parsing.annotations import parse_annotation_body
from tracker.vocabulary.units import split_units

pytestmark = pytest.mark.unit


def _rows(header, rows, title="某区2026年重点工作推进台账"):
    return read_ledger(workbook([[title], header, *rows], []), "台账.xlsx")


def _units_row(units):
    ledger = _rows(["序号", "工作任务", "责任单位", "完成时限"],
                   [["1", "推进城东片区老旧小区改造，完成外立面整治", units, "2026年12月底前"]])
    return ledger.rows[0]


# ---- 1. a lead marked in square, lenticular or tortoise-shell brackets ----------------------------------------------

@pytest.mark.parametrize("units", ["区住建局[牵头]、区财政局、区城管局", "区住建局【牵头】、区财政局、区城管局",
                                   "区住建局〔牵头〕、区财政局、区城管局", "区住建局［牵头］，区财政局、区城管局",
                                   "区住建局（牵头）、区财政局、区城管局"])
def test_a_lead_marked_in_any_bracket_leads_and_the_others_support(units):
    # The 住建局's ledger marks its lead in whatever bracket the typist reached for: 区住建局 leads, the others support,
    # as "区住建局（牵头）" has always been read.
    row = _units_row(units)
    assert (row.lead_units, row.supporting_units) == (["区住建局"], ["区财政局", "区城管局"])


def test_a_supporting_mark_in_square_brackets_is_read_too():
    row = _units_row("区住建局【牵头】\n区财政局【配合】\n区城管局【配合】")
    assert (row.lead_units, row.supporting_units) == (["区住建局"], ["区财政局", "区城管局"])


def test_a_plan_annotation_with_a_lenticular_lead_mark_reads_the_same():
    # The same rule reads a plan's annotation: "（责任单位：区住建局【牵头】、区财政局）".
    annotation = parse_annotation_body("责任单位：区住建局【牵头】、区财政局")
    assert annotation.entries == [("lead", "区住建局"), ("supporting", "区财政局")]


def test_brackets_that_are_part_of_a_name_stay():
    # "各区县〔自治县〕人民政府" is one unit's name: its bracket holds no role mark.
    row = _units_row("各区县〔自治县〕人民政府、市财政局")
    assert row.lead_units == ["各区县〔自治县〕人民政府", "市财政局"]


# ---- 2. units numbered in their cell ----------------------------------------------------------------------------------

@pytest.mark.parametrize("units", ["1.区财政局\n2.区税务局", "1、区财政局\n2、区税务局", "①区财政局 ②区税务局",
                                   "①区财政局②区税务局", "（1）区财政局\n（2）区税务局", "1．区财政局；2．区税务局"])
def test_units_numbered_in_their_cell_are_named_without_their_numbers(units):
    # The 财政局 numbers the units of a cell one a line or in a row: the numbers are the list's, not the units' names.
    assert _units_row(units).lead_units == ["区财政局", "区税务局"]


def test_a_numbered_lead_marked_in_brackets_still_leads():
    row = _units_row("1.区财政局[牵头]\n2.区税务局")
    assert (row.lead_units, row.supporting_units) == (["区财政局"], ["区税务局"])


@pytest.mark.parametrize(("text", "names"), [("12345热线办、区信访局", ["12345热线办", "区信访局"]),
                                             ("区财政局", ["区财政局"])])
def test_numbers_that_belong_to_a_name_stay(text, names):
    # A number without a list's stop after it is part of the name (the 12345 hotline's office).
    assert split_units(text) == names


# ---- 3. a ledger captioned only 项目名称 | 责任单位 --------------------------------------------------------------------

@pytest.mark.parametrize("header", [["项目名称", "责任单位"], ["重点任务", "牵头单位"], ["工作任务", "责任单位"]])
def test_a_ledger_of_projects_and_who_answers_for_each_is_read(header):
    # The 发改局 sends its year's projects with one column of units and nothing else: each project is a task, its units
    # lead it, and the supervisor is told the list has no deadlines and no progress.
    ledger = _rows(header, [["城东污水处理厂提标改造工程", "区水务局"], ["滨河绿道二期工程", "区住建局、区城管局"]],
                   title="某区2026年重点项目清单")
    assert [(row.measure, row.lead_units, row.supporting_units) for row in ledger.rows] == [
        ("城东污水处理厂提标改造工程", ["区水务局"], []), ("滨河绿道二期工程", ["区住建局", "区城管局"], [])]
    assert any("责任单位作为牵头单位" in warning for warning in ledger.warnings)


def test_a_ledger_of_projects_with_a_number_column_is_read_as_before():
    ledger = _rows(["序号", "项目名称", "责任单位"], [["1", "城东污水处理厂提标改造工程", "区水务局"]])
    assert [(row.measure, row.lead_units) for row in ledger.rows] == [("城东污水处理厂提标改造工程", ["区水务局"])]


# ---- 4. a table of the year so far whose caption says 全年 ------------------------------------------------------------


def _period(above, caption="全年累计"):
    rows = [*above, ["序号", "单位", caption], [1, "甲县", 5], [2, "乙县", 7]]
    return read_table(workbook(rows, []), "报表.xlsx", [IndicatorColumn(caption, "件")]).period


@pytest.mark.parametrize("above", [
    [["2026年全县信访事项统计表"], ["（1-10月）"]],
    [["2026年全县信访事项统计表"], ["（一至十月）"]],
    [["2026年全县信访事项统计表"], ["统计时段：2026年1-10月"]],
    [["2026年全县信访事项统计表"], ["（截至10月底）"]],
    [["2026年1-10月全县信访事项统计表"]],
])
def test_a_table_of_january_to_october_is_october_though_its_caption_says_the_whole_year(above):
    # The 信访局 sends its figures of January to October, the column captioned "全年累计" (the year's total so far): the
    # month written under or in the title wins; the caption gives December only where nothing names a month.
    assert _period(above) == "2026-10"


def test_a_whole_years_caption_under_a_year_alone_is_still_december():
    assert _period([["2026年全县信访事项统计表"]]) == "2026-12"
