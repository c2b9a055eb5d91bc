"""What the fresh files of stop 38 (ledger corpus 074–079) showed offices send, each as the office's story: a 发改局's
重点项目 ledger whose year's plan and the year's building each end in a 形象进度 column (宁海 2022, 074), a 民生实事
table that keeps what the year is to complete beside the report dated to the end of a month (奉化 2025, 075), and a
regulator's 经营情况表 of one figure column with the kinds under their indicator after 其中: (全国寿险公司 2019, 078) or
numbered 1. / (1) under a month's caption over a blank cell (表1 2017年1-4月保险业经营数据, 080).
Workbooks are built with openpyxl (tests/helpers/xlsx.xlsx_bytes); no app, no database."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.xlsx import xlsx_bytes as workbook
from tracker.indicators import IndicatorColumn, read_table
from tracker.ledger import LedgerRefused, read_ledger
from tracker.vocabulary.captions import is_dated_report_column, plan_holds_report

pytestmark = pytest.mark.unit

PREMIUMS = IndicatorColumn("原保险保费收入", "万元")


def _project_ledger(plan: str, done: str, planned: str, progress: str, rows: list[list]) -> bytes:
    """A 发改局's 重点项目 ledger: 序号, 项目名称, 建设内容 and 责任单位 merged down two rows, the year's plan (``plan``)
    merged over 投资 | ``planned``, the months done (``done``) merged over 完成投资 | ``progress``."""
    return workbook([["2024年县重点项目推进情况表"],
                     ["序号", "项目名称", "建设内容", plan, None, done, None, "责任单位"],
                     [None, None, None, "投资", planned, "完成投资", progress, None], *rows],
                    merges=["A1:H1", "A2:A3", "B2:B3", "C2:C3", "D2:E2", "F2:G2", "H2:H3"])


def test_the_years_building_is_the_progress_and_the_years_plan_beside_it_is_not():
    data = _project_ledger("2024年工作计划", "项目建设阶段(1-9月份)", "工程主要形象进度", "主要形象进度", [
        [1, "城东幼儿园", "新建12个班幼儿园一所", 900, "建成", 640, "主体封顶，进行内部装修", "县教育局"],
        [2, "滨河绿道二期", "新建绿道8公里", 500, "完工", None, None, "县住建局"]])
    rows = read_ledger(data, "重点项目.xlsx").rows
    assert [(row.heading, row.measure, row.progress, row.lead_units) for row in rows] == [
        ("城东幼儿园", "新建12个班幼儿园一所", "主体封顶，进行内部装修", ["县教育局"]),
        ("滨河绿道二期", "新建绿道8公里", None, ["县住建局"])]  # the plan's 完工 is no progress


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["2024年工作计划", "年度计划", "2024年计划", "年度目标", "工作计划"]),
       st.sampled_from(["1-9月完成情况", "项目建设阶段(1-9月份)", "截至9月底进展"]),
       st.sampled_from(["形象进度", "工程形象进度", "工程主要形象进度", "主要形象进度"]),
       st.sampled_from(["形象进度", "主要形象进度", "工程形象进度"]))
def test_whatever_the_plan_and_the_building_are_called_only_what_was_built_is_read(plan, done, planned, progress):
    data = _project_ledger(plan, done, planned, progress,
                           [[1, "城东幼儿园", "新建幼儿园一所", 900, "建成", 640, "主体封顶", "县教育局"]])
    assert [row.progress for row in read_ledger(data, "重点项目.xlsx").rows] == ["主体封顶"]


def test_a_plan_names_its_own_progress_column_and_a_report_keeps_the_plan_under_it():
    progress = ("进展情况", "形象进度")
    assert plan_holds_report("2022年工作计划", progress) and plan_holds_report("年度目标（亿元）", progress)
    assert not plan_holds_report("项目建设阶段(1-12月份)", progress)
    assert not plan_holds_report("2025年进展情况", ("下步计划", "工作计划"))  # 7月工作计划 stays a plan


def _shishi_table(captions: list[str], sub: list[str | None], rows: list[list]) -> bytes:
    """A 民生实事 table of ``captions``, the last one merged over the two ``sub``-captions, the others merged down."""
    last = len(captions) + 1
    top = [*captions, None]
    merges = [f"{chr(64 + col)}1:{chr(64 + col)}2" for col in range(1, last - 1)]
    merges.append(f"{chr(64 + last - 1)}1:{chr(64 + last)}1")
    return workbook([top, [None] * (last - 2) + sub, *rows], merges=merges)


def test_the_report_dated_to_a_months_end_is_the_progress_and_the_years_aim_beside_it_is_not():
    data = _shishi_table(["序号", "工作任务", "具体完成情况", "2024年进展情况"], ["截至9月底进展", "10月工作计划"], [
        [1, "建成城西小学教学楼", "当年完成", "主体完工，进行装饰施工", "完成装饰工程"],
        [2, "启动县医院门诊楼改造", "开工建设", "已完成施工招标", "进场施工"]])
    result = read_ledger(data, "民生实事.xlsx")
    assert [(row.measure, row.progress, row.next_steps) for row in result.rows] == [
        ("建成城西小学教学楼", "主体完工，进行装饰施工", "完成装饰工程"),
        ("启动县医院门诊楼改造", "已完成施工招标", "进场施工")]
    assert result.unmapped["C"] == "具体完成情况"
    assert any("D 列" in warning and "C 列（具体完成情况）未写时段，已忽略" in warning for warning in result.warnings)


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["完成情况", "具体完成情况", "落实情况"]),
       st.sampled_from(["截至9月底进展", "1-9月进展情况", "9月份完成情况", "2024年进展情况"]),
       st.booleans())
def test_whichever_side_the_dated_report_stands_it_is_the_progress(undated, dated, dated_first):
    captions = ["序号", "工作任务", dated, undated] if dated_first else ["序号", "工作任务", undated, dated]
    texts = ["已完成招标", "当年完成"] if dated_first else ["当年完成", "已完成招标"]
    data = workbook([captions, [1, "建成城西小学教学楼", *texts]])
    assert [row.progress for row in read_ledger(data, "民生实事.xlsx").rows] == ["已完成招标"]


def test_two_dated_reports_stay_periods_side_by_side_and_an_undated_one_is_no_later_report():
    found = ("进展情况", "进展")
    assert is_dated_report_column(found, "2025年进展情况/截至6月底进展", "具体完成情况")
    assert not is_dated_report_column(found, "截至6月底进展", "截至5月底进展")  # periods: is_later_period_column's
    assert not is_dated_report_column(found, "完成情况", "截至6月底进展")


def _operations(mark: str, indent: str, reach: str) -> bytes:
    """A regulator's 经营情况表 as a 金融办 forwards it: one figure column, money in 亿元 and policies in 万件 in one unit
    line, the kinds under each indicator after ``mark`` and ``indent``."""
    return workbook([["2024年1-6月全省人身险公司经营情况表"], [None, "单位:亿元、万件"], ["项目", reach],
                     ["原保险保费收入", 512.6], [f"{mark}寿险", 401.2], [f"{indent}意外险", 9.8],
                     [f"{indent}健康险", 101.6], ["保户投资款新增交费", 80.3], ["保单件数", 3300.5],
                     [f"{mark}寿险", 120.4], [f"{indent}{mark}普通寿险", 60.2], [f"{indent}健康险", 2100.7],
                     ["注:上述数据未经审计。"]])


def test_a_one_column_operations_table_reads_the_kinds_under_the_registered_indicator_in_its_unit():
    table = read_table(_operations("其中:", "      ", "本年累计/截至当期"), "经营情况.xlsx", [PREMIUMS])
    assert table.period == "2024-06"
    assert [(row.entity, row.values) for row in table.rows] == [
        ("寿险", {"原保险保费收入": 4012000.0}), ("意外险", {"原保险保费收入": pytest.approx(98000.0)}),
        ("健康险", {"原保险保费收入": 1016000.0})]  # 保单件数's kinds, in 万件, are not premiums


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["其中:", "其中：", "其中： "]), st.sampled_from(["      ", "\u3000\u3000\u3000", "  "]),
       st.sampled_from(["本年累计", "本期", "本年累计/截至当期", "累计"]))
def test_whatever_the_mark_indent_and_reach_caption_the_three_kinds_are_read(mark, indent, reach):
    table = read_table(_operations(mark, indent, reach), "经营情况.xlsx", [PREMIUMS])
    assert [row.entity for row in table.rows] == ["寿险", "意外险", "健康险"]


def test_an_operations_table_of_an_indicator_the_office_did_not_register_is_refused_saying_what_it_needs():
    with pytest.raises(LedgerRefused) as refused:
        read_table(_operations("其中:", "      ", "本年累计"), "经营情况.xlsx", [IndicatorColumn("各项存款余额", "亿元")])
    message = str(refused.value)
    assert message.startswith("经营情况.xlsx: 找不到表头") and "各项存款余额" in message and "再导入" in message


def _monthly(first: str, second: str, caption: str) -> bytes:
    """A 保险业经营数据 table as a 保险行业协会 posts it: one figure column captioned with its month over a blank cell, the
    unit line under it, each indicator's kinds numbered ``first`` under its row, a kind's own parts numbered ``second``."""
    return workbook([["表1 2024年1-5月保险业经营数据"], [None, caption], [None, "单位:万元"],
                     ["原保险保费收入", 2400000], [f"{first.format(1)}财产险", 700000], [f"{first.format(2)}人身险", 1700000],
                     [f"{second.format(1)}人身意外伤害", 50000], [f"{second.format(2)}健康险", 350000],
                     [f"{second.format(3)}寿险", 1300000], [None, None], ["原保险赔付支出", 800000],
                     [f"{first.format(1)}财产险", 300000], [f"{first.format(2)}人身险", 500000],
                     ["注:1、原保险保费收入、原保险赔付支出为本年累计数。"]])


def test_a_months_operations_table_reads_the_numbered_kinds_and_not_their_parts_or_the_claims():
    table = read_table(_monthly("{}.", "({})", "2024年5月"), "经营数据.xlsx", [IndicatorColumn("原保险保费收入", "亿元")])
    assert table.period == "2024-05"
    assert [(row.entity, row.values) for row in table.rows] == [
        ("财产险", {"原保险保费收入": 70.0}), ("人身险", {"原保险保费收入": 170.0})]
    assert table.skipped_rows == 3  # 人身险's three parts


@settings(max_examples=30, deadline=None)
@given(st.sampled_from([("{}.", "({})"), ("{}、", "（{}）"), ("{}.", "{})"), ("{}、", "({})")]),
       st.sampled_from(["2024年5月", "本年累计", "本期"]))
def test_whatever_the_two_numberings_the_first_level_are_the_kinds(numberings, caption):
    first, second = numberings
    table = read_table(_monthly(first, second, caption), "经营数据.xlsx", [IndicatorColumn("原保险保费收入", "万元")])
    assert [(row.entity, row.values["原保险保费收入"]) for row in table.rows] == [("财产险", 700000.0), ("人身险", 1700000.0)]
    assert table.period == "2024-05"  # the caption's month, else the title's


def test_indicators_numbered_above_their_numbered_kinds_end_each_others_kinds():
    # the office numbers the indicators 一、二、 and their kinds 1. 2.: the claims' 1.财产险 is no second premium
    data = workbook([["表1 2024年1-5月保险业经营数据"], [None, "2024年5月"], [None, "单位:万元"],
                     ["一、原保险保费收入", 2400000], ["1.财产险", 700000], ["2.人身险", 1700000],
                     ["二、原保险赔付支出", 800000], ["1.财产险", 300000], ["2.人身险", 500000]])
    table = read_table(data, "经营数据.xlsx", [IndicatorColumn("原保险保费收入", "万元")])
    assert [(row.entity, row.values) for row in table.rows] == [
        ("财产险", {"原保险保费收入": 700000.0}), ("人身险", {"原保险保费收入": 1700000.0})]
