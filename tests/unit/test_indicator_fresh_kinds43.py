"""Where the fresh indicator tables of branch ledgers43 (ledger corpus 200–203) showed offices write the month when the
title names only the year, each as the office's story: a district's 统计局 writes it in the caption merged over a figure and
its growth ("1-9月" over "绝对值 | 同比增长（%）", 涪陵 2025, 200); a 发改局 on a line of its own under the title
("（截至6月底）", 江门 2018, 202) or in the note under the table ("注：表中数据截至10月底。", 2016 市重点项目, 203). A line
or note saying as of when that names no month, or a title naming no year, leaves the month unknown: the import then asks
for it. Workbooks are built with openpyxl; no app, no database."""
from __future__ import annotations

import pytest

from tests.helpers.xlsx import xlsx_bytes
from tracker.indicators import IndicatorColumn, read_table
from tracker.indicators.workbook import period_from_as_of_line

pytestmark = pytest.mark.unit

GDP = IndicatorColumn("地区生产总值", "亿元")
RETAIL = IndicatorColumn("社会消费品零售总额", "亿元")
INVESTED = IndicatorColumn("完成投资", "亿元")
COUNT = IndicatorColumn("项目数", "个")



@pytest.mark.parametrize("months", ["1-8月", "1—8月", "8月", "1-8月份"])
def test_a_districts_indicators_name_their_months_only_in_the_caption_over_the_figure_and_its_growth(months):
    # 城北区's 统计局 sends its main indicators with the year in the title and the months only in the caption merged
    # over each figure and its growth: the 督查室 files them for August of that year.
    rows = [["城北区2026年主要经济指标"], ["指标", "单位", months, None], [None, None, "绝对值", "同比增长（%）"],
            ["地区生产总值", "亿元", 812.4, 5.9], ["  第一产业增加值", "亿元", 40.2, 3.1],
            ["规模以上工业增加值", "亿元", "—", 7.0], ["社会消费品零售总额", "亿元", 301.75, 4.4],
            ["注：地区生产总值按不变价格计算。"]]
    table = read_table(xlsx_bytes(rows, ("C2:D2",)), "城北区.xlsx", [GDP, RETAIL])
    assert table.period == "2026-08"
    assert [(row.entity, row.values) for row in table.rows] == [
        ("城北区", {"地区生产总值": 812.4, "社会消费品零售总额": 301.75})]


def test_a_districts_indicators_whose_captions_name_no_month_leave_the_month_to_the_import():
    # The same table with "本年累计" over the figures: no month anywhere, none guessed (the import asks for it).
    rows = [["城北区2026年主要经济指标"], ["指标", "单位", "本年累计", None], [None, None, "绝对值", "同比增长（%）"],
            ["地区生产总值", "亿元", 812.4, 5.9]]
    table = read_table(xlsx_bytes(rows, ("C2:D2",)), "城北区.xlsx", [GDP])
    assert table.period is None
    assert table.rows[0].values == {"地区生产总值": 812.4}


@pytest.mark.parametrize("line", ["（截至6月底）", "截至6月末", "(截止六月底)", "截至6月份  单位：个、亿元、%"])
def test_projects_by_kind_under_a_title_of_the_year_read_their_month_from_the_as_of_line_under_it(line):
    # 南湖区's 发改局 titles its table with the year alone and writes "截至6月底" on the line under it: June of that
    # year, whichever way the line writes the month.
    rows = [["2026年南湖区重点建设项目进展情况"], [line], ["项目类别", "项目数（个）", "年度计划投资（亿元）", "累计完成投资（亿元）"],
            ["合计", 40, 120.0, 61.0], ["交通类项目", 12, 50.0, 23.5], ["产业类项目", 28, 70.0, 37.5]]
    table = read_table(xlsx_bytes(rows), "重点项目.xlsx", [INVESTED, COUNT])
    assert table.period == "2026-06"
    assert [(row.entity, row.values) for row in table.rows] == [
        ("交通类项目", {"完成投资": 23.5, "项目数": 12}), ("产业类项目", {"完成投资": 37.5, "项目数": 28})]


@pytest.mark.parametrize("note", ["注：表中数据截至10月底。", "注：1-10月，完成年度计划的85.1%，数据截止十月末。"])
def test_projects_by_stage_read_their_month_from_the_note_under_the_table(note):
    # The 发改局 of a city writes the month only in its note: the 督查室 files the table for October of the title's year.
    rows = [["2026年市重点项目推进情况表"], ["项目类别", "项目数（个）", "已开工（投产）数（个）", "开工（投产）率（%）"],
            ["新开工项目", 63, 47, 74.6], ["计划投产项目", 10, 7, 70.0], [note]]
    table = read_table(xlsx_bytes(rows), "重点项目.xlsx", [COUNT])
    assert table.period == "2026-10"
    assert [(row.entity, row.values) for row in table.rows] == [("新开工项目", {"项目数": 63}), ("计划投产项目", {"项目数": 10})]


def test_a_note_naming_months_without_saying_as_of_when_gives_no_month():
    # "比1-9月回落" compares with September; it does not say which month the figures are for: no month is guessed.
    rows = [["2026年市重点项目推进情况表"], ["项目类别", "项目数（个）"], ["新开工项目", 63], ["计划投产项目", 10],
            ["注：开工率比1-9月回落1.6个百分点。"]]
    assert read_table(xlsx_bytes(rows), "重点项目.xlsx", [COUNT]).period is None


@pytest.mark.parametrize(("title", "lines", "period"), [
    ("2018年江门市重点建设项目进展情况", ["（截至6月底）"], "2018-06"),
    ("2016年市重点项目推进情况表", ["注：表中数据截至10月底。另有3个续建项目提前部分投产。"], "2016-10"),
    ("2016年市重点项目推进情况表", ["截至十二月末"], "2016-12"),
    ("市重点项目推进情况表", ["（截至6月底）"], None),  # no year in the title: which year's June?
    ("2016年市重点项目推进情况表", ["截至2015年6月底"], None),  # a year of its own: a date line, read elsewhere
    ("2016年市重点项目推进情况表", ["截至13月底"], None),
    ("2016年市重点项目推进情况表", ["1-10月累计"], None),  # no 截至: a caption's words, not an as-of line
])
def test_the_as_of_line_gives_the_titles_year_and_its_own_month_or_nothing(title, lines, period):
    assert period_from_as_of_line(title, lines) == period
