"""What the fresh ledgers and tables of branch ledgers45 (ledger corpus 214–218) and the layouts probed beside them showed
offices send, each as the office's story: a 督查室's 台账 whose sections are written in the task column, their number inside
the text (`一、批而未供土地处置` over tasks numbered 1, 2, … in the 序号 column), merged across or not; a province's
deposits whose part (`其中：个人住房消费贷款余额`) is registered beside the whole it belongs to (214–216); a part written in
traditional characters (`其中：住戶存款餘額`, 217); a table whose month is written only in its captions (`2024年10月末各项
存款余额`, `10月末` merged over the indicators, `2024年10月末` under each); a `说明：` line under a table. Workbooks are built
with openpyxl (tests/helpers/xlsx.xlsx_bytes); no app, no database."""
from __future__ import annotations

import pytest

from tests.helpers.xlsx import xlsx_bytes as workbook
from tracker.indicators import IndicatorColumn, read_table
from tracker.ledger import read_ledger

pytestmark = pytest.mark.unit

HEADER = ["序号", "工作任务", "责任单位", "完成时限"]


def _task(number: str, text: str, unit: str) -> list:
    return [number, text, unit, "12月底前"]


@pytest.mark.parametrize("merged", [False, True], ids=["in_the_cell", "merged_across"])
@pytest.mark.parametrize("first, second", [("一、", "二、"), ("（一）", "（二）")])
def test_a_section_written_in_the_task_column_heads_the_tasks_numbered_again_under_it(merged, first, second):
    # The county's 督查室 keeps the land tasks the 推进会 assigned under the two kinds the meeting named, writing each
    # kind in the task column with its number ("一、批而未供土地处置") and leaving the 序号 cell blank; the tasks under
    # each kind are numbered from 1 again. The supervising office sees two sections and four tasks, each under its
    # section, numbered as the office wrote them, whether the section's cell is merged across the row or not.
    rows = [["师宗县批而未供和闲置土地处置工作任务台账"], HEADER,
            [None, f"{first}批而未供土地处置", None, None],
            _task("1", "完成荣海新区政务服务中心项目供地工作", "县发展和改革局"),
            _task("2", "完成工业园区74.0亩批而未供土地处置任务", "县工业园区管委会"),
            [None, f"{second}闲置土地处置", None, None],
            _task("1", "完成冷轧标准化厂房项目闲置土地处置工作", "县工业园区管委会")]
    merges = ["A1:D1"] + (["B3:D3", "B6:D6"] if merged else [])
    rows_read = read_ledger(workbook(rows, merges), "台账.xlsx").rows
    sections = [row for row in rows_read if row.is_group_row]
    tasks = [row for row in rows_read if not row.is_group_row]
    assert [(row.number, row.heading) for row in sections] == [(first.rstrip("、"), "批而未供土地处置"),
                                                                  (second.rstrip("、"), "闲置土地处置")]
    assert [(task.number, task.heading) for task in tasks] == [
        ("1", "批而未供土地处置"), ("2", "批而未供土地处置"), ("1", "闲置土地处置")]
    assert [task.lead_units for task in tasks] == [["县发展和改革局"], ["县工业园区管委会"], ["县工业园区管委会"]]


def test_a_task_whose_text_opens_with_a_plain_number_or_that_names_its_unit_stays_a_task():
    # A row writing "1.…" in its text with its 序号 blank, or "一、…" beside a unit of its own, is a task the office
    # numbered in its words, never a section: only a group-level number alone on its row heads the rows under it.
    rows = [HEADER, [None, "1.完成荣海新区政务服务中心项目供地工作", None, None],
            [None, "一、完成工业园区批而未供土地处置任务", "县工业园区管委会", "12月底前"]]
    rows_read = read_ledger(workbook(rows), "台账.xlsx").rows
    assert [row.is_group_row for row in rows_read] == [False, False]
    assert rows_read[1].measure == "一、完成工业园区批而未供土地处置任务"


def test_a_part_registered_beside_its_whole_is_read_from_its_own_row():
    # The 金融办 registers 各项贷款余额 and two of its parts, 个人住房消费贷款余额 and 小微企业贷款余额. The province's
    # table gives the loans' whole and under it "其中：个人住房消费贷款余额": the part's row holds the word 贷款 like the
    # whole, but it is the part's own figure; the whole is read from its own row, each once.
    rows = [["湖南省金融机构存贷款主要指标"], [None, None, "单位：亿元、%"], ["指标", "余额", "同比增长（%）"],
            ["本外币各项贷款余额", "35,783.0", 14], ["其中：个人住房消费贷款余额", "6,833.5", 26.8],
            ["小微企业贷款余额", "8,177.5", "-"], ["注：数据截至2018年9月末。"]]
    wanted = [IndicatorColumn("各项贷款余额", "亿元"), IndicatorColumn("个人住房消费贷款余额", "亿元"),
              IndicatorColumn("小微企业贷款余额", "万元")]
    table = read_table(workbook(rows), "存贷款.xlsx", wanted)
    assert table.period == "2018-09"
    assert [(row.entity, row.values) for row in table.rows] == [
        ("湖南省", {"各项贷款余额": 35783.0, "个人住房消费贷款余额": 6833.5, "小微企业贷款余额": 81775000.0})]


def test_a_part_written_in_traditional_characters_is_its_simplified_indicator():
    # A mirror site's copy in traditional characters: "其中：住戶存款餘額" is the registered 住户存款余额, read from its row,
    # and the balance of 萬億元 beside 億元 rows is converted into the registered 亿元.
    rows = [["湖南省金融運行情況"], ["項目", "單位", "2016年6月末"], ["本外幣各項存款余額", "億元", "40,883.3"],
            ["其中：住戶存款余額", "億元", "20,774.2"], ["地方法人金融機構存款余額", "萬億元", 1.2]]
    wanted = [IndicatorColumn("各项存款余额", "亿元"), IndicatorColumn("住户存款余额", "亿元"),
              IndicatorColumn("地方法人金融机构存款余额", "亿元")]
    table = read_table(workbook(rows), "存款.xlsx", wanted)
    assert table.period == "2016-06"
    assert table.rows[0].values == {"各项存款余额": 40883.3, "住户存款余额": 20774.2, "地方法人金融机构存款余额": 12000.0}


BANKS = [["工商银行", "1,234.5", "2,345.6"], ["农业银行", "987.6", "1,111.1"]]
LOANS = [IndicatorColumn("各项存款余额", "亿元"), IndicatorColumn("各项贷款余额", "亿元")]


@pytest.mark.parametrize("layout", ["in_the_caption", "over_the_captions", "under_each_caption"])
def test_a_month_written_only_in_the_captions_is_the_tables_period(layout):
    # The banks' table comes with a title naming no month ("全市金融机构存贷款情况表", or only the year): the office wrote
    # the month in the captions instead, in the caption itself ("2024年10月末各项存款余额"), merged over the
    # indicators' captions ("10月末" under a title of the year), or under each indicator ("2024年10月末"). The import
    # takes October 2024, never asks for a month the table names.
    if layout == "in_the_caption":
        rows = [["全市金融机构存贷款情况表"], ["单位：亿元"],
                ["机构名称", "2024年10月末各项存款余额", "2024年10月末各项贷款余额"], *BANKS]
        merges = []
    elif layout == "over_the_captions":
        rows = [["2024年全市金融机构存贷款情况表"], ["单位：亿元"], ["机构名称", "10月末", None],
                [None, "各项存款余额", "各项贷款余额"], *BANKS]
        merges = ["B3:C3", "A3:A4"]
    else:
        rows = [["全市金融机构存贷款情况表"], ["单位：亿元"], ["机构名称", "各项存款余额", None, "各项贷款余额", None],
                [None, "2024年10月末", "比年初增加", "2024年10月末", "比年初增加"],
                ["工商银行", "1,234.5", 12, "2,345.6", 5], ["农业银行", "987.6", 3, "1,111.1", 4]]
        merges = ["B3:C3", "D3:E3", "A3:A4"]
    table = read_table(workbook(rows, merges), "存贷款.xlsx", LOANS)
    assert table.period == "2024-10"
    assert [(row.entity, row.values) for row in table.rows] == [
        ("工商银行", {"各项存款余额": 1234.5, "各项贷款余额": 2345.6}),
        ("农业银行", {"各项存款余额": 987.6, "各项贷款余额": 1111.1})]


def test_captions_of_two_years_side_by_side_date_the_table_by_the_newest():
    # Last year's balances beside this year's, each under its own dated caption: the table is of the newest month.
    rows = [["全市金融机构存款情况表"], ["机构名称", "各项存款余额", None], [None, "2024年10月末", "2023年10月末"],
            ["工商银行", "1,234.5", "1,100.0"]]
    table = read_table(workbook(rows, ["B2:C2", "A2:A3"]), "存款.xlsx", LOANS[:1])
    assert table.period == "2024-10"
    assert table.rows[0].values == {"各项存款余额": 1234.5}


def test_a_line_of_explanation_under_the_banks_is_no_bank():
    # "说明：以上数据为10月底余额。" under the last bank is the office's note, not an institution with no figures.
    rows = [["2024年10月末全市金融机构存贷款情况表"], ["单位：亿元"], ["机构名称", "各项存款余额", "各项贷款余额"], *BANKS,
            ["说明：以上数据为10月底余额。"]]
    table = read_table(workbook(rows), "存贷款.xlsx", LOANS)
    assert [row.entity for row in table.rows] == ["工商银行", "农业银行"]
