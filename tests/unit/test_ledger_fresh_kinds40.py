"""What the fresh files of stop 40 (ledger corpus 088, 089, 092) showed offices send, each as the office's story: a
统计局's growth rates by 市州 whose indicator is named only in the title around the caption of its measure, the month's
rate beside the year's ("增长速度" over "比上年同月(%) | 比上年同期(%)", the period in the sheet's name: 湖南 2017, 088); a
city's 社会消费品零售总额 of one month, the indicator down the 指标 column with two breakdowns under it each opened by
"#", the month's figure beside the year-to-date's (上海 2023, 089); and a 责任分解 whose tasks write their units inside
the task cell, a section numbered in a new style coming after them (咸宁 2023, 092). Workbooks are built with openpyxl
(tests/helpers/xlsx.xlsx_bytes); no app, no database."""
from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.xlsx import xlsx_bytes as workbook
from tracker.indicators import IndicatorColumn, read_table
from tracker.ledger import LedgerRefused, read_ledger

pytestmark = pytest.mark.unit

RATE = IndicatorColumn("规模以上工业增加值增速", "%")
COUNTIES = [("全 市", 7.9, 6.8), ("东湖区", 9.1, 7.4), ("西山县", 5.2, 6.1), ("南岭县", 8.0, 5.5)]


def _sheet(rows: list[list], merges: list[str], title: str) -> bytes:
    """An .xlsx of one sheet named ``title`` holding ``rows`` with ``merges``."""
    return workbook(rows, merges, title)


def _rates(first: str, second: str, caption: str = "增长速度", title: str = "各县区规模以上工业增加值增长速度") -> bytes:
    """A 统计局's table of rates by county: the indicator in the title, ``caption`` merged over ``first | second``, the
    month named only in the sheet's name, a note under the table."""
    rows = [[title], ["县区", caption, None], [None, first, second]]
    month_first = "同期" not in first and "累计" not in first
    rows += [[name, month if month_first else year, year if month_first else month] for name, month, year in COUNTIES]
    rows.append(["注：增速按可比价计算。"])
    return _sheet(rows, ["A1:C1", "A2:A3", "B2:C2"], "2024年5月")


@settings(max_examples=12, deadline=None)
@given(st.sampled_from([("比上年同月(%)", "比上年同期(%)"), ("比上年同期(%)", "比上年同月(%)"),
                        ("比去年同月增长(%)", "比去年同期增长(%)"), ("当月", "1-5月累计")]),
       st.sampled_from(["增长速度", "增速"]))
def test_a_rates_table_named_in_its_title_reads_each_countys_rate_for_the_year_to_date(spans, caption):
    # The county office registered the industrial growth rate; the bureau's table gives it for the month and for
    # January to May side by side, whichever comes first: the year's is the figure of 2024-05, the total row none.
    first, second = spans
    table = read_table(_rates(first, second, caption), "增速.xlsx", [RATE])
    assert table.period == "2024-05"
    assert [(row.entity, row.values) for row in table.rows] == [
        (name, {RATE.name: year}) for name, _month, year in COUNTIES[1:]]


def test_a_rate_given_for_the_month_alone_is_read_from_that_one_column():
    rows = [["各县区规模以上工业增加值增长速度"], ["县区", "增长速度"], [None, "比上年同月(%)"],
            *[[name, month] for name, month, _year in COUNTIES]]
    table = read_table(_sheet(rows, ["A2:A3"], "2024年5月"), "增速.xlsx", [RATE])
    assert [(row.entity, row.values[RATE.name]) for row in table.rows] == [
        (name, month) for name, month, _year in COUNTIES[1:]]


def test_a_title_naming_another_indicator_leaves_the_rate_caption_unread_and_the_table_refused_in_chinese():
    # The title speaks of 固定资产投资, not of the registered rate: no column is that rate's, so the table is refused
    # with the sentence saying what the header must hold, never a traceback.
    with pytest.raises(LedgerRefused) as refused:
        read_table(_rates("比上年同月(%)", "比上年同期(%)", title="各县区固定资产投资增长速度"), "投资.xlsx", [RATE])
    assert "找不到表头" in str(refused.value) and "规模以上工业增加值增速" in str(refused.value)


RETAIL = IndicatorColumn("社会消费品零售总额", "万元")


def _retail(rows: list[list]) -> bytes:
    return _sheet([["社会消费品零售总额"], ["2024年4月"], ["指标", "本月", "比去年同月增长(%)", "1-本月", "比去年同期增长(%)"],
                   *rows, ["来源：市统计局"]], ["A1:E1", "A2:E2"], "社零")


def test_a_months_retail_sales_read_by_kind_from_both_breakdowns_for_the_year_to_date_in_the_rows_unit():
    # A city's retail sales of April: the indicator's row writes its unit, two breakdowns each opened by "#", the
    # others indented to their text; the office registered the figure in 万元, so 亿元 × 10,000.
    data = _retail([["社会消费品零售总额(亿元)", 820.5, 6.1, 3120.4, 5.3],
                    ["   # 批发零售业", 730.0, 5.2, 2790.0, 4.9],
                    ["     住宿餐饮业", 90.5, 13.0, 330.4, 8.8],
                    ["   # 城镇", 700.1, 6.0, 2660.2, 5.1],
                    ["     乡村", 120.4, 6.9, 460.2, 6.4]])
    table = read_table(data, "社零.xlsx", [RETAIL])
    assert table.period == "2024-04"
    assert [(row.entity, round(row.values[RETAIL.name])) for row in table.rows] == [
        ("批发零售业", 27900000), ("住宿餐饮业", 3304000), ("城镇", 26602000), ("乡村", 4602000)]


def test_a_kinds_own_breakdown_marked_deeper_is_no_kind_of_the_indicator():
    data = _retail([["社会消费品零售总额(亿元)", 820.5, 6.1, 3120.4, 5.3],
                    ["   # 批发零售业", 730.0, 5.2, 2790.0, 4.9],
                    ["       # 汽车类", 80.0, 2.0, 300.0, 1.5],
                    ["     住宿餐饮业", 90.5, 13.0, 330.4, 8.8]])
    assert [row.entity for row in read_table(data, "社零.xlsx", [RETAIL]).rows] == ["批发零售业", "住宿餐饮业"]


def _annotated(rows: list[list]) -> bytes:
    text = io.StringIO(newline="")
    import csv
    csv.writer(text).writerows([["2024年市政府工作报告目标任务责任分解"], ["序号", "目标任务", "进展情况"], *rows])
    return text.getvalue().encode("gb18030")


def test_a_task_writing_its_units_inside_stays_a_task_when_a_section_in_a_new_style_follows_it():
    # The 督查室 pasted a page from the middle of the plan: tasks 41 and 42 carry their units in brackets, then the
    # section "(五)…" and an unnumbered sub-heading open the next part. Task 42 is no heading of the section.
    data = _annotated([
        ["41", "建成城市书房10家。(牵头单位:市文旅局;责任单位:各县市区人民政府)", ""],
        ["42", "举办全民健身赛事20场。(责任单位:市体育中心)", ""],
        ["(五)扎实办好民生实事,持续增进民生福祉。", "", ""],
        ["稳定扩大就业。", "", ""],
        ["43", "城镇新增就业3万人。(牵头单位:市人社局;责任单位:市教育局,各县市区人民政府)", ""]])
    rows = read_ledger(data, "责任分解.csv").rows
    assert [(row.number, row.is_group_row, row.measure if not row.is_group_row else row.heading,
             row.lead_units, row.supporting_units) for row in rows] == [
        ("41", False, "建成城市书房10家。", ["市文旅局"], ["各县市区人民政府"]),
        ("42", False, "举办全民健身赛事20场。", ["市体育中心"], []),
        ("(五)", True, "扎实办好民生实事,持续增进民生福祉。", [], []),
        (None, True, "稳定扩大就业。", [], []),
        ("43", False, "城镇新增就业3万人。", ["市人社局"], ["市教育局", "各县市区人民政府"])]


def test_a_task_free_row_numbered_above_its_children_is_still_their_heading():
    # Without units in it, "1 | 优化营商环境" above "1.1" is the heading the rows under it number themselves by.
    data = workbook([["任务清单"], ["序号", "工作任务", "责任单位"], ["1", "优化营商环境", None],
                     ["1.1", "压缩企业开办时间。", "市市场监管局"]], merges=["A1:C1"])
    rows = read_ledger(data, "清单.xlsx").rows
    assert [(row.number, row.is_group_row) for row in rows] == [("1", True), ("1.1", False)]
