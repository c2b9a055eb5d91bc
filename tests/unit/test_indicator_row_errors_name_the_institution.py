"""A supervisor corrects a monthly indicator table a bank sent back wrong (branch trend67).

The import said "第 5 行，“各项贷款余额”列：“约12”不是数字": she had the row's number but not the bank, and a table
re-sorted by size or opened on a phone without row numbers leaves her counting rows. Every row issue of the reader
now names the institution the row is about, on the page ("第 5 行（丙农商银行），…") and on the command line
("row 5, column 各项贷款余额: 丙农商银行 …"), in one place: tracker/indicators/workbook.TableIssue.
"""
from __future__ import annotations

from tests.helpers.xlsx import xlsx_bytes
from tracker.indicators.workbook import IndicatorColumn, TableIssue, read_table

LOANS = [IndicatorColumn("各项贷款余额", "亿元"), IndicatorColumn("涉农贷款余额", "亿元")]


def _csv(*rows: str) -> bytes:
    lines = ["2025年9月末全县金融机构贷款情况表", "单位：亿元", "机构名称,各项贷款余额,涉农贷款余额", *rows, "合计,300,90"]
    return "\n".join(lines).encode("utf-8-sig")


def test_a_cell_that_is_no_number_names_its_row_its_bank_and_its_column():
    table = read_table(_csv("甲村镇银行,120.5,40", "乙信用联社,80,30", "丙农商银行,约12,20"), "9月.csv", LOANS)
    issue, = table.issues
    assert str(issue).startswith("第 6 行（丙农商银行），“各项贷款余额”列：“约12”不是数字")
    assert issue.line().startswith("row 6, column 各项贷款余额: 丙农商银行 “约12”不是数字")
    # the bank's other figure is still read: only the bad cell stops the import
    assert table.rows[-1].entity == "丙农商银行" and table.rows[-1].values == {"涉农贷款余额": 20.0}
    # the 机构名称 column's issues name the institution in their reason: no name is repeated before it
    doubled = TableIssue(7, "机构名称", "“丁银行”在第 4 行已出现，请合并为一行")
    assert str(doubled) == "第 7 行，“机构名称”列：“丁银行”在第 4 行已出现，请合并为一行"
    assert doubled.line() == "row 7, column 机构名称: “丁银行”在第 4 行已出现，请合并为一行"


def test_a_numbered_row_is_named_by_its_bank_without_its_number():
    table = read_table(_csv("1.甲村镇银行,120.5,40", "2.乙信用联社,80,3O"), "9月.csv", LOANS)
    issue, = table.issues
    assert str(issue).startswith("第 5 行（乙信用联社），“涉农贷款余额”列：“3O”")


def test_a_cell_marked_as_having_no_figure_names_the_bank_too():
    table = read_table(xlsx_bytes([["2025年9月末全县金融机构贷款情况表"], ["单位：亿元"],
                                   ["机构名称", "各项贷款余额", "涉农贷款余额"],
                                   ["甲村镇银行", 120.5, "/"], ["乙信用联社", 80, 30]], title="9月"), "9月.xlsx", LOANS)
    note, = table.no_figures
    assert str(note).startswith("第 4 行（甲村镇银行），“涉农贷款余额”列：“/”表示没有数据")
    assert note.line().startswith("row 4, column 涉农贷款余额: 甲村镇银行 “/”表示没有数据")
