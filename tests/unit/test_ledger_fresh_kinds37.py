"""What the fresh files of stop 37 (ledger corpus 068–072) showed offices send, each as the office's story: a 金融办's
deposits table whose only balance column says 本月余额 while the kind (存款) is written in the title alone (甘肃 2020,
068), and a 督查室's 整改台账 that ends with the office's request to the units written under the last row (平利, 070).
Workbooks are built with openpyxl (tests/helpers/xlsx.xlsx_bytes); no app, no database."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.budget import cpu_seconds_under
from tests.helpers.xlsx import xlsx_bytes as workbook
from tracker.indicators import IndicatorColumn, read_table
from tracker.ledger import LedgerRefused, read_ledger

pytestmark = pytest.mark.unit

DEPOSITS = IndicatorColumn("各项存款余额", "亿元")
LOANS = IndicatorColumn("各项贷款余额", "亿元")


def _by_kind(title: str | None, balance: str, above: list[list] = ()) -> bytes:
    """人民银行's release as a 金融办 lays it out: 项目 | <balance> | 比年初增加 | 同比增长（%）, the whole first."""
    lines = [[title]] if title else []
    return workbook([*lines, *above, [None, None, None, "单位：亿元、%"],
                     ["项目", balance, "比年初增加", "同比增长（%）"],
                     ["各项存款", 21408, 1639, 7.23], ["其中：非金融企业存款", 5516, 576, 5.23],
                     ["居民存款", 11961, 780, 11.57]])


def test_a_balance_column_that_names_no_kind_is_read_as_the_kind_the_title_names():
    data = _by_kind("2020年6月末甘肃省金融机构存款情况表", "本月余额")
    table = read_table(data, "存款.xlsx", [DEPOSITS, LOANS])
    assert table.period == "2020-06"
    assert table.columns == ["各项存款余额"]
    assert [(row.entity, row.values) for row in table.rows] == [
        ("非金融企业存款", {"各项存款余额": 5516.0}), ("居民存款", {"各项存款余额": 11961.0})]


def test_the_kind_may_stand_in_a_line_over_the_header_when_the_title_names_none():
    data = _by_kind("2020年6月末金融统计", "余额", above=[["各项贷款"]])
    table = read_table(data, "金融统计.xlsx", [DEPOSITS, LOANS])
    assert table.columns == ["各项贷款余额"]
    assert table.rows[0].values == {"各项贷款余额": 5516.0}


@pytest.mark.parametrize("title", ["2020年6月末金融运行情况", "2020年6月末金融机构存贷款情况表"])
def test_a_balance_of_no_named_kind_is_refused_saying_what_to_write(title):
    # no kind at all, or 存贷款: both kinds, so the one balance column cannot be told
    with pytest.raises(LedgerRefused) as refused:
        read_table(_by_kind(title, "本月余额"), "金融.xlsx", [DEPOSITS, LOANS])
    message = str(refused.value)
    assert "“本月余额”列只写了余额" in message and "存款" in message and "贷款" in message
    assert "各项存款余额" in message and "再导入" in message


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["余额", "本月余额", "期末余额", "本期余额", "6月末余额", "本月 余额", "余额（亿元）"]),
       st.sampled_from([(DEPOSITS, "存款"), (LOANS, "贷款")]))
def test_whatever_the_balance_is_called_the_kind_in_the_title_chooses_the_indicator(balance, kind):
    indicator, word = kind
    data = _by_kind(f"2020年6月末金融机构{word}情况表", balance)
    table = read_table(data, "表.xlsx", [DEPOSITS, LOANS])
    assert table.columns == [indicator.name]
    assert [row.values[indicator.name] for row in table.rows] == [5516.0, 11961.0]


def test_a_caption_that_names_its_kind_is_read_as_before_whatever_the_title_says():
    data = _by_kind("2020年6月末金融机构存款情况表", "各项贷款余额")
    assert read_table(data, "表.xlsx", [DEPOSITS, LOANS]).columns == ["各项贷款余额"]


def _rectification(rows: list[list], after: list[list]) -> bytes:
    return workbook([["城区环境卫生巡查问题整改台账"], ["序号", "存在问题", "整改要求", "责任单位", "整改时限", "整改情况"],
                     *rows, *after])


def test_the_request_an_office_writes_under_its_rectification_ledger_is_no_row():
    data = _rectification(
        [[1, "原安运司院落内有多处卫生死角,杂物乱堆。", "由包片单位县供销社负责督促业主清理院内垃圾死角。", "县供销社", None, None],
         [2, "沿线商户出店占道经营问题较为突出。", "开展经常性劝阻教育。", "县交通局", "本月底以前", None]],
        [["请各相关单位对本次巡查的问题认真整改,整改落实情况及时报县双创办。"], ["县双创办"]])
    rows = read_ledger(data, "整改台账.xlsx").rows
    assert [(row.number, row.is_group_row, row.measure, row.lead_units, row.deadline) for row in rows] == [
        ("1", False, "由包片单位县供销社负责督促业主清理院内垃圾死角。", ["县供销社"], None),
        ("2", False, "开展经常性劝阻教育。", ["县交通局"], "本月底以前")]


def test_a_sentence_over_rows_is_still_their_heading_and_a_last_task_alone_in_its_cell_is_still_a_task():
    data = _rectification([["一、环境卫生方面的问题。"], [1, "卫生死角", "清除垃圾。", "县环卫站", None, None],
                           [2, None, "规范物品堆放。", None, None, None]], [])
    rows = read_ledger(data, "整改台账.xlsx").rows
    assert [(row.number, row.is_group_row, row.measure) for row in rows] == [
        ("一", True, None), ("1", False, "清除垃圾。"), ("2", False, "规范物品堆放。")]
    alone = _rectification([[1, "卫生死角", "清除垃圾。", "县环卫站", None, None]], [[None, None, "规范物品堆放。"]])
    assert [row.measure for row in read_ledger(alone, "整改台账.xlsx").rows] == ["清除垃圾。", "规范物品堆放。"]


PREMIUMS = IndicatorColumn("原保险保费收入", "万元")


def _yearbook(years: list[str], step: str = " ", unit: str = "单位:万元 (10000 yuan)") -> bytes:
    """A city yearbook's table as the 统计局 prints it: Chinese and English side by side, years across, the kinds
    indented one step under the indicator and their breakdowns deeper."""
    deeper = step * 2
    return workbook([["6-17 人身保险公司主要指标"], ["Main Indicators of Personal Insurance Companies"],
                     [None, None, unit], ["项   目 Item", *years],
                     ["原保险保费收入 Premium of Primary Insurance", 11013537, 10574267],
                     ["按险种分 Classify by Insurance Code", None, None],
                     [f"{step}寿 险  Life Insurance", 8507672, 7994919],
                     [f"{deeper}个人业务   Individual Insurance", 8476197, 7965869],
                     [f"{step}意外伤害险  Personal Accidental Death and Injury Insurance", 259212, 252030],
                     [f"{step}健康险  Health Insurance", 2246653, 2327317],
                     [f"{deeper}个人业务   Individual Insurance", 228426, 208647],
                     ["原保险赔付支出 Claim Payment", 3000000, 3100000],
                     [f"{step}寿 险  Life Insurance", 1000000, 1100000]])


def test_a_bilingual_yearbook_by_kind_reads_the_kinds_under_the_indicator_in_its_newest_year():
    table = read_table(_yearbook(["2020", "2021"]), "6-17.xlsx", [PREMIUMS])
    assert table.period == "2021-12"
    assert [(row.entity, row.values) for row in table.rows] == [
        ("寿险", {"原保险保费收入": 7994919.0}), ("意外伤害险", {"原保险保费收入": 252030.0}),
        ("健康险", {"原保险保费收入": 2327317.0})]


def test_the_newest_year_is_read_whichever_side_it_stands_and_the_figures_are_converted():
    data = workbook([["人身保险公司主要指标"], [None, None, "单位：亿元"], ["项目 Item", "2021年", "2020年"],
                     ["原保险保费收入 Premium", 1057.4267, 1101.3537], ["  寿险 Life", 799.4919, 850.7672]])
    table = read_table(data, "表.xlsx", [PREMIUMS])
    assert (table.period, table.rows[0].entity, table.rows[0].values) == ("2021-12", "寿险", {"原保险保费收入": 7994919.0})


def test_a_yearbook_table_whose_indicator_the_office_did_not_register_is_refused_as_before():
    with pytest.raises(LedgerRefused) as refused:
        read_table(_yearbook(["2020", "2021"]), "6-17.xlsx", [IndicatorColumn("各项存款余额", "亿元")])
    assert "找不到表头" in str(refused.value) and "各项存款余额" in str(refused.value)


@settings(max_examples=30, deadline=None)
@given(st.sampled_from([" ", "  ", "\u3000", "    "]), st.sampled_from([["2020", "2021"], ["2020年", "2021年"]]))
def test_whatever_the_indent_step_only_the_kinds_one_step_under_the_indicator_are_read(step, years):
    table = read_table(_yearbook(years, step=step), "6-17.xlsx", [PREMIUMS])
    assert [row.entity for row in table.rows] == ["寿险", "意外伤害险", "健康险"]
    assert table.skipped_rows == 2  # the two 个人业务 breakdowns


def test_a_yearbook_name_of_english_words_that_never_end_cleanly_is_read_in_linear_time():
    # a hostile cell: 30,000 characters of Latin words closed by a mark English never holds (cut at no letter)
    hostile = "寿险" + "a " * 15000 + "！"
    data = workbook([["项目 Item", "2020", "2021"], ["原保险保费收入 Premium", 1, 2], [f" {hostile}", 1, 2],
                     [" 健康险 Health Insurance 2021", 3, 4]])
    with cpu_seconds_under(2.0):
        table = read_table(data, "6-17.xlsx", [PREMIUMS])
    assert [row.entity for row in table.rows] == [hostile.replace(" ", ""), "健康险"]


def test_a_heading_merged_across_a_table_without_a_key_task_column_is_a_group_row_not_a_crash():
    # a 量化指标 table of three columns (任务 | 负责单位 | 完成情况, no 序号, no 重点任务 column) whose group line is merged
    # across the table: the heading is read as the title of the rows under it (it crashed with a KeyError on 重点任务)
    data = workbook([["2016年重点工作量化指标任务"], ["量化指标任务", "负责单位", "完成情况"], ["一、主要预期目标"],
                     ["地区生产总值增长6.5%", "市发展改革委", "增长6.7%。"], ["居民消费价格涨幅3%左右", "市发展改革委", "上涨2%。"]],
                    merges=["A1:C1", "A3:C3"])
    rows = read_ledger(data, "量化指标.xlsx").rows
    assert [(row.is_group_row, row.heading if row.is_group_row else row.measure) for row in rows] == [
        (True, "一、主要预期目标"), (False, "地区生产总值增长6.5%"), (False, "居民消费价格涨幅3%左右")]
    assert rows[1].lead_units == ["市发展改革委"]
