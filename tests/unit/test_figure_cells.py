"""How a figure is written in a cell (vocabulary/figures): the office's 月报 in the indicator reader and a form's 目标值."""
from __future__ import annotations

import pytest

from tests.helpers.xlsx import xlsx_bytes
from tracker.indicators.workbook import IndicatorColumn, read_table
from tracker.vocabulary.figures import COMMA_ADVICE, FigureError, is_no_figure_mark, read_figure

DEPOSITS = [IndicatorColumn("人民币存款余额", "亿元")]


@pytest.mark.parametrize("written, value", [
    ("58,901", 58901.0), ("1,234,567.5", 1234567.5), ("１２３", 123.0), ("5 890.1", 5890.1), ("-1,234", -1234.0),
    ("58，901", 58901.0), ("", None), ("—", None), ("/", None), ("无", None), (" －－ ", None),
])
def test_a_figure_is_read_as_the_office_writes_it(written, value):
    assert read_figure(written) == value


@pytest.mark.parametrize("written", ["5890,1", "58,90", "1,2345", "1,234,56.7", "5890，1"])
def test_a_comma_that_does_not_separate_groups_of_three_is_refused_not_guessed(written):
    with pytest.raises(FigureError) as refused:
        read_figure(written)
    assert refused.value.reason == COMMA_ADVICE


def test_text_that_is_no_number_says_so_and_a_mark_is_told_from_an_empty_cell():
    with pytest.raises(FigureError, match="不是数字"):
        read_figure("4,510.2亿")
    assert is_no_figure_mark("—") and is_no_figure_mark("无") and not is_no_figure_mark("") \
        and not is_no_figure_mark("0")


def _table(rows, sheet="存贷款") -> bytes:
    return xlsx_bytes([["2026年11月末全市各金融机构存贷款情况表"], ["单位：亿元"], ["机构名称", "人民币存款余额"], *rows],
                      title=sheet)


def test_the_indicator_reader_refuses_5890_comma_1_naming_sheet_row_and_column():
    # 5890,1 was read as 58901 亿元: ten times the bank's deposits, ranked first.
    table = read_table(_table([["工商银行", "5890,1"], ["农业银行", "4,510.2"]]), "11月.xlsx", DEPOSITS)
    assert [row.values for row in table.rows] == [{}, {"人民币存款余额": 4510.2}]
    issue, = table.issues
    assert str(issue).startswith("第 4 行（工商银行），“人民币存款余额”列：“5890,1”中的逗号不是千分位")
    assert "（工作表“存贷款”B4 单元格）" in str(issue)


def test_a_cell_marked_as_having_no_figure_is_said_and_read_as_none_not_zero():
    table = read_table(_table([["工商银行", "—"], ["农业银行", 4510.2], ["邮储银行", ""]]), "11月.xlsx", DEPOSITS)
    assert [row.values for row in table.rows] == [{}, {"人民币存款余额": 4510.2}, {}]
    assert not table.issues
    note, = table.no_figures  # the empty cell of 邮储银行 is left empty, not marked: nothing to say
    assert str(note).startswith("第 4 行（工商银行），“人民币存款余额”列：“—”表示没有数据")
    assert "不按 0 计" in str(note) and "B4 单元格" in str(note)
