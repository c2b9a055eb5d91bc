"""What the fresh files of branch ledgers42 (ledger corpus 096–098) showed offices send, each as the office's story: a
区政府督查室's 督办台账 whose 协办单位 cell closes part of its list with 等部门 before naming more bodies (官渡 2016, 096);
a 统计局's figures by 门类 and 经济类型 under a two-row header, the indicator merged over the months' figure and its
growth, section rows between the groups (中山 2023, 097); and one county's indicators with each 指标 cell merged down
over its 总量 and 同比增长 rows, the period only in the sheet's name (垫江 2023, 098). Workbooks are built with openpyxl
(tests/helpers/xlsx.xlsx_bytes); no app, no database."""
from __future__ import annotations

import pytest

from tests.helpers.xlsx import xlsx_bytes as workbook
from tracker.indicators import IndicatorColumn, read_table
from tracker.ledger import LedgerRefused, read_ledger

pytestmark = pytest.mark.unit


def _supervision_ledger(lead: str, supporting: str) -> bytes:
    """A 督办台账 of one group and one task: 牵头单位 | 协办单位 | 时间节点, 进展情况 merged over four empty quarters."""
    rows = [["东城区稳增长措施落实督办台账"],
            ["序号", "工作任务", "牵头单位", "协办单位", "时间节点", "进展情况", None, None, None],
            [None, None, None, None, None, "第一季度", "第二季度", "第三季度", "第四季度"],
            ["一、加快推进项目建设"],
            ["1", "加强项目谋划储备。编制完成三年滚动投资计划。", lead, supporting, "6月底前"]]
    return workbook(rows, ["A1:I1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "F2:I2", "A4:I4"])


@pytest.mark.parametrize("closing, collective", [("等部门", []), ("等单位", []), ("等", []),
                                                 ("等有关部门", ["有关部门"]), ("等相关单位", ["相关单位"])])
def test_a_supporting_list_closed_by_etc_before_more_bodies_names_each_body_once_and_without_the_etc(closing, collective):
    # The district's 督查室 copied the policy's "(区发改局牵头,区财政局、区水务局等部门,区国投公司、各街道办事处配合)"
    # into its ledger: 区水务局 is a body of its own, 等部门 only closes the departments before the companies and streets
    # (a collective written after the 等, "有关部门", stays the collective it is, as a plan's annotation reads it).
    data = _supervision_ledger("区发改局", f"区财政局、区水务局{closing},区国投公司、各街道办事处")
    task = [row for row in read_ledger(data, "督办台账.xlsx").rows if not row.is_group_row][0]
    assert task.lead_units == ["区发改局"]
    assert task.supporting_units == ["区财政局", "区水务局", *collective, "区国投公司", "各街道办事处"]
    assert task.deadline == "6月底前"


def test_a_lead_cell_closed_by_etc_leaves_the_etc_out_of_the_last_lead():
    data = _supervision_ledger("区发改局、区住建局等", "区财政局")
    task = [row for row in read_ledger(data, "督办台账.xlsx").rows if not row.is_group_row][0]
    assert (task.lead_units, task.supporting_units) == (["区发改局", "区住建局"], ["区财政局"])


VALUE_ADDED = IndicatorColumn("规模以上工业增加值", "亿元")
GROUPS = [("制造业", 812.4, 5.9), ("电力、热力、燃气及水生产和供应业", 61.25, 7.2), ("内资企业", 500.5, 9.1),
          ("外资企业", 373.15, -1.4)]


@pytest.mark.parametrize("caption", ["分组", "组别", "门类", "经济类型"])
def test_a_bureaus_figures_by_group_under_a_two_row_header_read_each_group_and_leave_out_the_sections(caption):
    # The city's 统计局 sends its industrial value added by 门类 and by 经济类型: the indicator merged over the year's
    # figure and its growth, the city's whole first, a section row before each grouping. The 督查室 registered the value
    # added in 亿元: each group is an entity, the whole and the sections none.
    rows = [["2026年东江市规模以上工业增加值"], [caption, "规模以上工业增加值", None], [None, "1-5月（亿元）", "同比增长（%）"],
            ["全市", 873.65, 6.0], ["按门类分", None, None], *[list(group) for group in GROUPS[:2]],
            ["按经济类型分", None, None], *[list(group) for group in GROUPS[2:]], ["资料来源:东江市统计局。"]]
    table = read_table(workbook(rows, ["A1:C1", "A2:A3", "B2:C2"]), "工业.xlsx", [VALUE_ADDED])
    assert table.period == "2026-05"
    assert [(row.entity, row.values) for row in table.rows] == [
        (name, {VALUE_ADDED.name: value}) for name, value, _growth in GROUPS]


GDP = IndicatorColumn("地区生产总值", "亿元")
TERTIARY = IndicatorColumn("第三产业增加值", "万元")


def _county(labels: list[tuple[str, str, object]], sheet: str = "2026年一季度", title: str = "东山县主要经济指标") -> bytes:
    """One county's indicators, each 指标 cell merged down over its rows (``labels``: (label, unit, figure) per row of
    each indicator), the period only in the sheet's name, a source line."""
    rows, merges = [[title], ["指标", "项目", "单位", "数值"]], ["A1:D1"]
    for name, scale in (("地区生产总值", 1.0), ("第三产业增加值", 0.5)):
        first = len(rows) + 1
        for index, (label, unit, figure) in enumerate(labels):
            rows.append([name if index == 0 else None, label, unit,
                         figure * scale if isinstance(figure, float) else figure])
        if len(labels) > 1:
            merges.append(f"A{first}:A{first + len(labels) - 1}")
    rows += [["规模以上工业增加值", "同比增长", "%", 8.5], ["资料来源:东山县统计局。"]]
    return workbook(rows, merges, sheet)


@pytest.mark.parametrize("labels, figure", [
    ([("总量", "亿元", 120.5), ("同比增长", "%", 5.2)], 120.5),
    ([("同比增长", "%", 5.2), ("总量", "亿元", 120.5)], 120.5),
    ([("本月", "亿元", 40.5), ("累计", "亿元", 120.5), ("同比增长", "%", 5.2)], 120.5),
    ([("1-本月", "亿元", 120.5), ("比上年同期增长", "%", 5.2)], 120.5),
])
def test_each_indicator_merged_over_its_rows_gives_the_figure_of_its_total_row_not_its_growth(labels, figure):
    # The county's 统计局 writes each indicator once, merged down over its 总量 (or 本月 and 累计) and 同比增长 rows; the
    # 督查室 registered 地区生产总值 in 亿元 and 第三产业增加值 in 万元: the county's figures are the totals to date, the
    # growth no figure; the indicator with a growth alone gives nothing.
    table = read_table(_county(labels), "主要指标.xlsx", [GDP, TERTIARY])
    assert table.period == "2026-03"
    assert [(row.entity, row.values) for row in table.rows] == [
        ("东山县", {"地区生产总值": figure, "第三产业增加值": figure * 0.5 * 10_000})]


@pytest.mark.parametrize("sheet, period", [("2026年一季度", "2026-03"), ("2026年上半年", "2026-06"),
                                          ("2026年1-5月", "2026-05"), ("2026.04", "2026-04")])
def test_the_period_written_only_in_the_sheets_name_is_the_tables(sheet, period):
    table = read_table(_county([("总量", "亿元", 120.5), ("同比增长", "%", 5.2)], sheet=sheet), "主要指标.xlsx", [GDP])
    assert table.period == period


@pytest.mark.parametrize("title", ["东山县主要经济指标", "东山县经济运行主要指标", "2026年一季度东山县主要经济指标"])
def test_a_title_naming_the_county_with_or_without_a_period_names_whose_figures_they_are(title):
    table = read_table(_county([("总量", "亿元", 120.5), ("同比增长", "%", 5.2)], title=title), "主要指标.xlsx", [GDP])
    assert [(row.entity, row.values) for row in table.rows] == [("东山县", {"地区生产总值": 120.5})]


def test_indicators_down_the_first_column_under_a_title_naming_no_place_are_refused_in_one_chinese_sentence():
    with pytest.raises(LedgerRefused) as refused:
        read_table(_county([("总量", "亿元", 120.5)], title="主要经济指标"), "主要指标.xlsx", [GDP])
    message = str(refused.value)
    assert "标题没有写明是哪个地区" in message and "请在标题里写明地区" in message and "Traceback" not in message
