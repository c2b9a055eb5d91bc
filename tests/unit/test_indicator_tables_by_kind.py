"""What the fresh indicator tables of stop 36 (ledger corpus 065–067) showed a 金融办 receives, each as the office's
story: premiums by kind of insurance (险种), loans by kind (项目, the whole first and its parts after 其中：, the balance
under a merged caption), and two periods side by side (2024年1-6月 | 2023年1-6月). Workbooks are built with openpyxl
(tests/helpers/xlsx.xlsx_bytes); no app, no database."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.xlsx import xlsx_bytes as workbook
from tracker.indicators import IndicatorColumn, read_table
from tracker.indicators.workbook import is_entity_caption
from tracker.ledger import LedgerRefused

pytestmark = pytest.mark.unit

PREMIUMS = [IndicatorColumn("原保险保费收入", "万元")]


@pytest.mark.parametrize("caption", ["险种", "險種", "险种名称", "贷款类别", "存款种类", "项目", "項目"])
def test_a_table_by_kind_of_insurance_or_loan_is_known_by_the_caption_of_its_kinds(caption):
    assert is_entity_caption(caption)


def test_a_table_of_premiums_by_kind_of_insurance_converts_to_wan_yuan_and_skips_its_total():
    data = workbook([["2024年1-5月山西省原保险保费收入分险种情况"], [None, None, None, "单位：亿元"],
                     ["险种", "原保险保费收入", "较上年同期增减", "占比（%）"], ["合计", 617, 7.29, None],
                     ["寿险", 394, 2.98, 63.86], ["意外险", 9, -0.08, 1.46]])
    table = read_table(data, "保费.xlsx", PREMIUMS)
    assert table.period == "2024-05"
    assert [(row.entity, row.values) for row in table.rows] == [
        ("寿险", {"原保险保费收入": 3940000.0}), ("意外险", {"原保险保费收入": 90000.0})]


def test_a_table_without_a_column_of_names_is_refused_naming_the_captions_a_finance_office_would_write():
    data = workbook([["2024年1-5月原保险保费收入"], ["品类", "原保险保费收入"], ["寿险", 394]])
    with pytest.raises(LedgerRefused) as refused:
        read_table(data, "保费.xlsx", PREMIUMS)
    assert "险种" in str(refused.value) and "机构名称" in str(refused.value) and "再导入" in str(refused.value)


def test_loans_by_kind_read_the_parts_after_their_whole_and_the_balance_under_its_merged_caption():
    data = workbook([["2019年6月末中山市金融机构本外币贷款分类情况表"], [None, None, None, "单位：亿元、%"],
                     ["项目", "本外币贷款", None, None], [None, "6月末余额", "同比增长（%）", "比年初增加"],
                     ["本外币各项贷款", 4560.71, 17.63, 476.68], ["其中：企业和机关团体贷款", 1996.49, 12.66, 201.51],
                     ["制造业贷款", 720.94, 8.51, 58.54], ["普惠口径小微贷款", 537.74, 21.22, None]],
                    merges=["A3:A4", "B3:D3"])
    table = read_table(data, "贷款.xlsx", [IndicatorColumn("本外币贷款余额", "亿元")])
    assert table.period == "2019-06"
    assert [(row.entity, row.values) for row in table.rows] == [
        ("企业和机关团体贷款", {"本外币贷款余额": 1996.49}), ("制造业贷款", {"本外币贷款余额": 720.94}),
        ("普惠口径小微贷款", {"本外币贷款余额": 537.74})]


def test_a_bank_whose_next_row_breaks_it_down_stays_an_institution():
    data = workbook([["2024年6月末各银行贷款余额"], ["单位：亿元"], ["机构名称", "贷款余额"],
                     ["农业银行", 500], ["其中：三农金融事业部", 300], ["工商银行", 420]])
    table = read_table(data, "贷款.xlsx", [IndicatorColumn("贷款余额", "亿元")])
    assert [row.entity for row in table.rows][:1] == ["农业银行"] and "工商银行" in [row.entity for row in table.rows]


def test_a_row_of_measures_under_a_caption_is_never_read_as_names_across():
    data = workbook([["2019年6月末贷款情况"], ["贷款种类甲", "本外币贷款", None], [None, "6月末余额", "同比增长（%）"],
                     ["本外币各项贷款", 4560.71, 17.63]], merges=["B2:C2"])
    with pytest.raises(LedgerRefused):
        read_table(data, "贷款.xlsx", [IndicatorColumn("本外币贷款余额", "亿元")])


@pytest.mark.parametrize("order", [("2024年1-6月", "2023年1-6月"), ("2023年1-6月", "2024年1-6月")])
def test_two_periods_side_by_side_read_the_tables_own_period_and_keep_the_unit_of_the_merged_caption(order):
    figures = {"2024年1-6月": (143.3, 6.59), "2023年1-6月": (133.58, 6.41)}
    data = workbook([["2024年1-6月贵州省原保险保费收入分险种情况"],
                     ["险种", "原保险保费收入（亿元）", None, "增减额"], [None, *order, None],
                     ["寿险", figures[order[0]][0], figures[order[1]][0], 9.72],
                     ["意外险", figures[order[0]][1], figures[order[1]][1], 0.18], ["合计", 349.51, 330.14, 19.37]],
                    merges=["B2:C2", "A2:A3", "D2:D3"])
    table = read_table(data, "保费.xlsx", PREMIUMS)
    assert table.period == "2024-06"
    assert [row.entity for row in table.rows] == ["寿险", "意外险"]
    assert [row.values["原保险保费收入"] for row in table.rows] == pytest.approx([1433000.0, 65900.0])  # 亿元 → 万元


@settings(max_examples=40, deadline=None)
@given(st.integers(2010, 2030), st.integers(1, 12), st.booleans(),
       st.floats(1, 9999, allow_nan=False).map(lambda value: round(value, 2)))
def test_whichever_side_the_year_before_stands_the_figure_is_the_titles_year(year, month, before_first, value):
    own, last = f"{year}年1-{month}月", f"{year - 1}年1-{month}月"
    order = (last, own) if before_first else (own, last)
    cells = (value + 1.0, value) if before_first else (value, value + 1.0)
    data = workbook([[f"{year}年1-{month}月各险种保费收入"], ["险种", "原保险保费收入（万元）", None], [None, *order],
                     ["寿险", *cells]], merges=["B2:C2", "A2:A3"])
    table = read_table(data, "保费.xlsx", PREMIUMS)
    assert table.period == f"{year}-{month:02d}"
    assert [(row.entity, row.values) for row in table.rows] == [("寿险", {"原保险保费收入": value})]
