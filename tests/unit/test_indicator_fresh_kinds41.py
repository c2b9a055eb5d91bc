"""What the fresh indicator tables of branch indicators41 (ledger corpus 093–095) showed offices send, each as the
office's story: a 发改委's projects by field captioned 项目领域 with the 合计 row last (山东 2021, 093); a 发改局's projects
by 建设性质 (新建 / 续建), the year's plan beside the figures to date under captions that both hold 完成投资 and the count
captioned 项目个数 (松阳 2025, 094); and one county's main indicators down the 指标 column, the county named only in the
title, each row with its own unit (酉阳 2025, 095). Workbooks are built with openpyxl; no app, no database."""
from __future__ import annotations

import pytest

from tests.helpers.xlsx import xlsx_bytes
from tracker.indicators import IndicatorColumn, read_table
from tracker.indicators.workbook import title_place
from tracker.ledger import LedgerRefused

pytestmark = pytest.mark.unit

INVESTED = IndicatorColumn("完成投资", "万元")
COUNT = IndicatorColumn("项目数", "个")
FIELDS = [("先进制造业项目", 3, 12.5), ("交通水利项目", 2, 30.25), ("社会事业项目", 4, 6.0)]



@pytest.mark.parametrize("caption", ["项目领域", "建设性质", "项目性质", "所属领域"])
def test_projects_by_field_or_by_kind_of_construction_are_read_one_row_each(caption):
    # The city's 发改委 sums its key projects by field; the 督查室 registered 完成投资 in 万元 and reads each field's
    # figure of the year to the end of May, the 合计 row left out and the share of the year's plan beside it not read.
    rows = [["2026年市重点项目分领域推进情况（截至5月底）"], [None, None, "单位：亿元、%"],
            [caption, "完成投资", "占年度计划"]]
    rows += [[name, money, 40.0] for name, _count, money in FIELDS]
    rows += [["合计", sum(money for *_rest, money in FIELDS), 40.0], ["注：资料来源：市发展改革委。"]]
    table = read_table(xlsx_bytes(rows, title="Sheet1"), "重点项目.xlsx", [INVESTED])
    assert table.period == "2026-05"
    assert [(row.entity, row.values) for row in table.rows] == [
        (name, {"完成投资": money * 10_000}) for name, _count, money in FIELDS]


@pytest.mark.parametrize("plan_first", [True, False])
@pytest.mark.parametrize("count_caption", ["项目个数", "项目数量", "项目数"])
def test_the_years_plan_beside_the_figures_to_date_is_no_figure_and_a_count_is_read_however_captioned(
        plan_first, count_caption):
    # The county's 发改局 sends its 1-4月 table: the year's plan "全年计划完成投资" beside "1-4月累计完成投资", both
    # holding the registered 完成投资; the figure is what was done, never the target, whichever column comes first.
    plan, done = "全年计划完成投资（亿元）", "1-4月累计完成投资（亿元）"
    header = ["建设性质", count_caption, *((plan, done) if plan_first else (done, plan)), "完成年度投资计划（%）"]
    kinds = [("重点新建项目", 6, 20.0, 1.5), ("重点续建项目", 9, 50.0, 12.25)]
    rows = [["2026年1-4月县重点项目计划完成表"], header, ["合计", 15, 70.0, 13.75, 19.6]]
    rows += [[name, count, *((target, to_date) if plan_first else (to_date, target)), 10.0]
             for name, count, target, to_date in kinds]
    table = read_table(xlsx_bytes(rows, title="Sheet1"), "计划完成表.xlsx", [COUNT, INVESTED])
    assert table.period == "2026-04"
    assert [(row.entity, row.values) for row in table.rows] == [
        (name, {"项目数": count, "完成投资": to_date * 10_000}) for name, count, _target, to_date in kinds]


def test_an_office_that_registered_the_plan_itself_reads_the_plan_column():
    # Another office follows the year's planned investment: the caption naming its own registered name is its column.
    rows = [["2026年1-4月县重点项目计划完成表"], ["项目类别", "年度计划投资（亿元）", "1-4月完成投资（亿元）"],
            ["产业项目", 20.0, 4.0]]
    table = read_table(xlsx_bytes(rows, title="Sheet1"), "计划.xlsx", [IndicatorColumn("年度计划投资", "亿元")])
    assert [(row.entity, row.values) for row in table.rows] == [("产业项目", {"年度计划投资": 20.0})]


COUNTY_ROWS = [["指标", "单位", "一季度", "增长（%）"],
               ["地区生产总值", "亿元", 60.5, 4.2],
               ["  第一产业增加值", "亿元", 6.1, 1.0],
               ["社会消费品零售总额", "亿元", 30.25, 2.0],
               ["全体居民人均可支配收入", "元", 8100, 5.5],
               ["来源：县统计局"]]
COUNTY_INDICATORS = [IndicatorColumn("地区生产总值", "亿元"), IndicatorColumn("社会消费品零售总额", "万元"),
                     IndicatorColumn("全体居民人均可支配收入", "元")]


@pytest.mark.parametrize("title", ["青川县2026年一季度主要经济指标", "2026年一季度青川县主要经济指标",
                                   "2026年1-3月青川县主要经济指标完成情况"])
def test_one_countys_indicators_down_the_first_column_are_that_countys_figures(title):
    # The county's 统计局 sends its quarter's main indicators, one per row with its own unit: the 督查室 reads them
    # as the figures of the county its title names, converted to what it registered, growth rates left out.
    table = read_table(xlsx_bytes([[title], *COUNTY_ROWS], title="Sheet1"), "主要指标.xlsx", COUNTY_INDICATORS)
    assert table.period == "2026-03"
    assert [(row.entity, row.values) for row in table.rows] == [
        ("青川县", {"地区生产总值": 60.5, "社会消费品零售总额": 302_500, "全体居民人均可支配收入": 8100})]


@pytest.mark.parametrize("title", ["2026年一季度主要经济指标", "2026年一季度全县主要经济指标"])
def test_indicators_down_the_first_column_without_a_place_are_refused_saying_what_to_write(title):
    # Without the county's name the figures belong to nobody the office can tell: refused in one sentence that says
    # where the indicators start, what is missing and what to do, never guessed and never a traceback.
    with pytest.raises(LedgerRefused) as refused:
        read_table(xlsx_bytes([[title], *COUNTY_ROWS], title="Sheet1"), "主要指标.xlsx", COUNTY_INDICATORS)
    message = str(refused.value)
    assert refused.value.code == "no_header"  # one of the codes CONTRACTS gives a refusal
    assert "第2行" in message and "标题没有写明是哪个地区" in message and "请在标题里写明地区" in message


@pytest.mark.parametrize("title, place", [("重庆市酉阳县2025年一季度主要经济指标", "重庆市酉阳县"),
                                          ("2025年1-6月东湖区主要经济指标", "东湖区"),
                                          ("2025年一季度全市主要经济指标", None), ("主要经济指标", None)])
def test_the_place_a_title_names_is_the_one_before_the_year_or_after_the_period(title, place):
    assert title_place(title) == place
