"""Where the fresh indicator tables of branch indicators47 (ledger corpus 222–227) showed offices rank things other than
institutions, and write periods and figures other ways, each as the office's story: a 财政局 ranks its counties' 支付率
with the names' caption left blank beside 序号 and every rate written with `%` (福州 2021, 222); a 考评办 ranks its towns
the same way (翔安 2021, 226); a hotline's office titles its table with the month alone and writes the year on the line of
its date of issue, or in the sheet's name (宜春 2023, 223; a city's 12345 2016, 224); a 发改委 titles its projects by
stage with `上半年` alone and the year in the line under it (汉中 2020, 227). A header row with no registered indicator
is still no header, and a title naming no year where no line names one leaves the month to the import. Workbooks are
built with openpyxl; no app, no database."""
from __future__ import annotations

import pytest

from tests.helpers.xlsx import xlsx_bytes
from tracker.indicators import IndicatorColumn, read_table
from tracker.indicators.workbook import period_from_month_without_year
from tracker.ledger import LedgerRefused
from tracker.vocabulary.figures import percent_figure

pytestmark = pytest.mark.unit

PAID = IndicatorColumn("支付率", "%")
CASES = IndicatorColumn("交办件数", "件")
INVESTED = IndicatorColumn("完成投资", "亿元")


def test_a_finance_bureau_ranks_its_counties_rates_under_a_blank_caption_beside_the_number():
    # 东湖市's 财政局 sends the counties' 支付率 to the 督查室: the counties' caption is left blank beside 序号, each rate is
    # written with its per-cent sign, the city's whole first without a number. The rates are read as registered (in %).
    rows = [["2026年1-5月直达资金支付情况"], ["序号", None, "支付率"], [None, "全市", "52.10%"],
            [1, "东城区", "38.5%"], [2, "西湖县", "61％"], [3, "市本级", "—"]]
    table = read_table(xlsx_bytes(rows), "支付率.xlsx", [PAID])
    assert table.period == "2026-05"
    assert [(row.entity, row.values) for row in table.rows] == [
        ("东城区", {"支付率": 38.5}), ("西湖县", {"支付率": 61.0}), ("市本级", {})]


def test_a_town_ranking_with_the_names_caption_blank_beside_the_number_and_a_subtotal_row():
    # 南岭区's 考评办 ranks its towns' cases: "序号 | (blank) | 交办件数（件）", a 小计 row last without a number.
    rows = [["南岭区2026年3月交办件办理情况"], ["序号", "", "交办件数（件）", "按期办结率"],
            [1, "青山镇", 41, "97.5%"], [2, "白沙街道", 18, "100%"], [None, "小计", 59, None]]
    table = read_table(xlsx_bytes(rows), "交办件.xlsx", [CASES])
    assert table.period == "2026-03"
    assert [(row.entity, row.values) for row in table.rows] == [("青山镇", {"交办件数": 41}), ("白沙街道", {"交办件数": 18})]


def test_a_blank_cell_beside_the_number_without_a_registered_indicator_is_still_no_header():
    # The same layout whose captions name nothing the office registered: refused, naming the file, as before.
    rows = [["南岭区2026年3月交办件办理情况"], ["序号", "", "得分"], [1, "青山镇", 95]]
    with pytest.raises(LedgerRefused) as refused:
        read_table(xlsx_bytes(rows), "得分.xlsx", [CASES])
    assert "得分.xlsx" in str(refused.value) and "找不到表头" in str(refused.value)


def test_a_percentage_is_read_only_for_a_rate_registered_in_per_cent():
    # A count registered in 件 written "12%" is no count: the row says so instead of taking 12.
    assert percent_figure("18.39%") == "18.39" and percent_figure("１００％") == "100"
    assert percent_figure("18.39") is None and percent_figure("12件") is None and percent_figure(18.39) is None
    rows = [["南岭区2026年3月交办件办理情况"], ["承办单位", "交办件数"], ["青山镇", "12%"]]
    table = read_table(xlsx_bytes(rows), "交办件.xlsx", [CASES])
    assert table.rows[0].values == {} and table.issues and "不是数字" in table.issues[0].reason


def test_a_hotline_titles_its_table_with_the_month_alone_and_dates_it_on_the_line_under_the_title():
    # 东湖市's 12345 office titles the table "5月份…" and signs the line under it with the day it was issued (in June):
    # the table is May's of that year, not June's.
    rows = [["5月份各承办单位交办件办理情况"], ["东湖市12345热线办公室　2026年6月19日"], ["承办单位", "交办件数"],
            ["市公安局", 120], ["市城管局", 88], ["总计", 208]]
    table = read_table(xlsx_bytes(rows), "热线.xlsx", [CASES])
    assert table.period == "2026-05"
    assert table.title == "5月份各承办单位交办件办理情况"
    assert [(row.entity, row.values) for row in table.rows] == [("市公安局", {"交办件数": 120}), ("市城管局", {"交办件数": 88})]


def test_a_december_reported_in_january_is_the_year_before():
    rows = [["12月份交办件办理情况"], ["东湖市12345热线办公室　2027年1月8日"], ["承办单位", "交办件数"], ["市公安局", 97]]
    assert read_table(xlsx_bytes(rows), "热线.xlsx", [CASES]).period == "2026-12"


def test_a_title_of_the_month_alone_takes_the_year_of_the_sheets_name():
    # The office keeps one workbook a year, each sheet named for the year; the title names the month alone.
    rows = [["12月份受理事项排名前五名的单位"], ["排名", "单位", "交办件数（件）"], [1, "市公安局", 226], [2, "市环保局", 180]]
    table = read_table(xlsx_bytes(rows, title="2026年"), "热线.xlsx", [CASES])
    assert table.period == "2026-12"
    assert [row.entity for row in table.rows] == ["市公安局", "市环保局"]


@pytest.mark.parametrize("title, month", [("上半年市级重点项目推进情况", "06"), ("二季度重点项目推进情况", "06"),
                                          ("1-4月重点项目推进情况", "04")])
def test_projects_by_stage_titled_with_a_half_or_quarter_alone_take_the_year_of_the_line_under_it(title, month):
    rows = [[title], ["2026年全市安排重点项目120个，年度计划投资300亿元。"],
            ["项目类别", "项目数（个）", "完成投资（亿元）"], ["合计", 120, 150.5], ["续建项目", 70, 100.0], ["新开工项目", 50, 50.5]]
    table = read_table(xlsx_bytes(rows), "重点项目.xlsx", [INVESTED])
    assert table.period == f"2026-{month}"
    assert [(row.entity, row.values) for row in table.rows] == [("续建项目", {"完成投资": 100.0}),
                                                                ("新开工项目", {"完成投资": 50.5})]


def test_a_title_of_the_month_alone_where_no_line_names_a_year_leaves_the_month_to_the_import():
    assert period_from_month_without_year("5月份交办件办理情况", ["东湖市12345热线办公室", ""]) is None
    assert period_from_month_without_year("2026年5月交办件办理情况", ["2025年"]) is None  # the title's own year rules
    assert period_from_month_without_year("交办件办理情况", ["2026年"]) is None  # no month named
