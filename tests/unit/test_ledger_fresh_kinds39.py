"""What the fresh files of stop 39 (ledger corpus 081, 083–086) showed offices send, each as the office's story: a
推进台账 whose task is written twice, a short name then the measures beside it ("重点任务 | 主要举措" of a province's
流通体系 plan, 四川 2022, 083; "工作任务 | 具體內容" of a city's 放管服 要点, 咸阳 2022, 084), and a 金融办's table of the
month's deposit increases by kind of bank whose kind is written only in the title ("本月增加 | 上年同期增加 | 同比多增",
上海 2008, 085). Workbooks are built with openpyxl (tests/helpers/xlsx.xlsx_bytes); no app, no database."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.xlsx import xlsx_bytes as workbook
from tracker.indicators import IndicatorColumn, read_table
from tracker.ledger import LedgerRefused, read_ledger
from tracker.vocabulary.captions import match_header

pytestmark = pytest.mark.unit


def _task_ledger(left: str, right: str, rows: list[list], more: tuple[str, ...] = ()) -> bytes:
    """A 推进台账: a title, ``序号 | left | right | *more | 责任单位 | 进展情况``, a group row merged across, ``rows``."""
    header = ["序号", left, right, *more, "责任单位", "进展情况"]
    return workbook([["2024年营商环境重点任务推进台账"], header, ["一、优化政务服务"], *rows],
                    merges=[f"A1:{chr(64 + len(header))}1", f"A3:{chr(64 + len(header))}3"])


def test_a_task_named_short_then_written_out_beside_it_reads_the_written_out_measures_under_the_name():
    data = _task_ledger("重点任务", "主要举措", [
        ["(一)", "推行企业开办一网通办", "将营业执照、公章刻制、社保登记并入一个窗口，一日办结。", "市行政审批局、市市场监管局按职责分工负责", None],
        ["(二)", "压缩工程审批时限", "社会投资低风险项目审批不超过15个工作日。", "市住建局", None]])
    rows = read_ledger(data, "推进台账.xlsx").rows
    assert [(row.number, row.heading, row.measure, row.lead_units) for row in rows if not row.is_group_row] == [
        ("(一)", "推行企业开办一网通办", "将营业执照、公章刻制、社保登记并入一个窗口，一日办结。",
         ["市行政审批局", "市市场监管局"]),
        ("(二)", "压缩工程审批时限", "社会投资低风险项目审批不超过15个工作日。", ["市住建局"])]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from([("重点任务", "主要举措"), ("改革任务", "改革举措"), ("重点工作", "重点举措"),
                        ("工作任务", "具体内容"), ("工作任务", "具體內容"), ("重点任务", "具体措施"), ("工作任务", "具体要求")]))
def test_whatever_the_two_captions_the_right_column_holds_the_measures_and_the_left_names_them(captions):
    left, right = captions
    data = _task_ledger(left, right, [["1", "清理证明事项", "年底前取消无法定依据的证明材料。", "市司法局", "已梳理证明事项42项"]])
    task = [row for row in read_ledger(data, "任务清单.xlsx").rows if not row.is_group_row]
    assert [(task[0].heading, task[0].measure, task[0].progress)] == [
        ("清理证明事项", "年底前取消无法定依据的证明材料。", "已梳理证明事项42项")]


def test_a_third_column_captioned_as_the_measures_takes_them_from_the_second_short_name():
    data = _task_ledger("重点任务", "主要举措", [["1", "优化服务", "推行帮办代办", "开设帮办窗口2个", "市政务办", None]],
                        more=("具体措施",))
    task = [row for row in read_ledger(data, "任务清单.xlsx").rows if not row.is_group_row][0]
    assert (task.heading, task.measure) == ("优化服务", "开设帮办窗口2个")


def test_a_months_target_beside_the_task_stays_the_target_and_never_becomes_the_measures():
    data = workbook([["2023年区政府实事项目3月进展情况"], ["序号", "项目内容", "牵头单位", "3月目标", "进展情况"],
                     [1, "新建社区食堂10家", "区民政局", "完成选址", "已选址6处"]], merges=["A1:E1"])
    row = read_ledger(data, "实事项目.xlsx").rows[0]
    assert (row.measure, row.progress) == ("新建社区食堂10家", "已选址6处")


def test_a_plan_table_reads_its_two_short_captions_the_same_way():
    columns, _ = match_header(["序号", "重点任务", "主要举措", "责任单位"])
    assert (columns["重点任务"], columns["具体措施"]) == (1, 2)
    columns, _ = match_header(["序号", "项目", "工作任务", "一季度目标", "责任单位"])
    assert columns["具体措施"] == 2  # the quarter's target is no measure


def test_a_projects_ledger_tracks_each_project_and_its_content_column_only_describes_it():
    # A county's 民生实事 ledger names each project, then what it builds: the project is what the units report on.
    data = workbook([["2025年县民生实事项目推进表"],
                     ["序号", "实事项目", "主要内容", "牵头单位", "责任单位", "进展情况"],
                     ["一", "改善出行条件", "新建城乡公交候车亭60座，更新新能源公交车20辆。", "县交通运输局", "各乡镇人民政府", "已建成候车亭18座"],
                     ["二", "提升养老服务", "建成村级互助养老点12个。", "县民政局", "县财政局", None]], merges=["A1:F1"])
    rows = [row for row in read_ledger(data, "民生实事.xlsx").rows if not row.is_group_row]
    assert [(row.measure, row.lead_units, row.supporting_units, row.progress) for row in rows] == [
        ("改善出行条件", ["县交通运输局"], ["各乡镇人民政府"], "已建成候车亭18座"),
        ("提升养老服务", ["县民政局"], ["县财政局"], None)]


def test_a_group_row_merged_across_under_the_header_lends_no_column_the_task():
    # The office typed its first group's name in a row merged over every column right of 序号: the 完成状态 column
    # stays what its own caption says, and each project under the group is a task. (Its 进展情况 column is still taken
    # for a second task column and left out, with a warning naming it: a miss older than this rule.)
    data = workbook([["十件民生实事三季度进展情况"], ["序号", "项目", "完成状态", "进展情况"],
                     ["一", "十件民生实事"],
                     [None, "老旧小区改造", "已完成全年目标任务", "完成改造小区86个"],
                     [None, "农村公路提档", "序时推进", "完成路面硬化120公里"]],
                    merges=["A1:D1", "B3:D3"])
    rows = [row for row in read_ledger(data, "进展情况.xlsx").rows if not row.is_group_row]
    assert [(row.measure, row.status is not None) for row in rows] == [("老旧小区改造", True), ("农村公路提档", True)]


def _increases_by_kind(title: str, caption: str, rows: list[list], sheet: str = "2025年3月") -> bytes:
    """A 金融办's table of the month's deposit increases by kind of bank: ``title`` over ``单位：亿元``, then
    ``项目 | caption | 上年同期增加 | 同比多增`` and ``rows``, on a sheet named ``sheet``."""
    return workbook([[title], [None, None, None, "单位：亿元"], ["项目", caption, "上年同期增加", "同比多增"], *rows,
                     ["资料来源：人民银行某市中心支行3月份金融运行简报"]], merges=["A1:D1"], title=sheet)


DEPOSIT_INCREASE = IndicatorColumn("人民币存款本月增加", "亿元")
KINDS_OF_BANK = [["人民币各项存款", 58.6, 40.1, 18.5], ["其中：中资银行", 61.2, 35.0, 26.2], ["外资银行", -2.6, 5.1, -7.7]]


def test_the_months_increase_of_the_kind_the_title_names_is_read_for_each_kind_of_bank_and_the_whole_is_no_bank():
    table = read_table(_increases_by_kind("某市人民币各项存款增加情况", "本月增加", KINDS_OF_BANK), "存款.xlsx",
                       [DEPOSIT_INCREASE])
    assert table.period == "2025-03"  # the sheet's name: the title names no month
    assert [(row.entity, row.values) for row in table.rows] == [
        ("中资银行", {"人民币存款本月增加": 61.2}), ("外资银行", {"人民币存款本月增加": -2.6})]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["本月增加", "本月新增", "当月新增", "3月份增加", "本期增加额"]),
       st.sampled_from(["人民币存款本月增加", "各项存款增加额", "存款新增额"]))
def test_whatever_the_increase_is_called_the_registered_increase_of_that_kind_is_read(caption, registered):
    table = read_table(_increases_by_kind("某市金融机构人民币存款增加情况", caption, KINDS_OF_BANK), "存款.xlsx",
                       [IndicatorColumn(registered, "亿元")])
    assert [row.values for row in table.rows] == [{registered: 61.2}, {registered: -2.6}]


def test_an_increase_column_is_never_read_as_a_balance_nor_a_balance_column_as_an_increase():
    balances = [IndicatorColumn("各项存款余额", "亿元")]
    with pytest.raises(LedgerRefused) as refused:
        read_table(_increases_by_kind("某市人民币各项存款增加情况", "本月增加", KINDS_OF_BANK), "存款.xlsx", balances)
    assert "找不到表头" in str(refused.value) and "各项存款余额" in str(refused.value)
    with pytest.raises(LedgerRefused) as refused:
        read_table(_increases_by_kind("某市人民币各项存款情况", "本月余额", KINDS_OF_BANK), "存款.xlsx", [DEPOSIT_INCREASE])
    assert "只写了余额" in str(refused.value)
