"""Monthly indicator tables other offices send the 督查室, as branch indicators49 found them read badly: a hotline's
table copied from a site in traditional characters (`序號 | 受理單位 | 交辦總量 | 辦結率`), names' columns captioned with
words of their own (受理单位, 隶 属, 会议, 资金来源, 项目进展), the period written only in the title's month with the year in
the file's name, a year's table issued the next January, a header over three rows whose figure columns are named by
joining the rows, and a unit line listing counts before money (`单位：个、亿元`). Each test is a supervisor importing the
month's table an office sent; the documents are invented. Workbooks are built with openpyxl; no app, no database."""
from __future__ import annotations

import pytest

from tests.helpers.xlsx import xlsx_bytes
from tracker.indicators import IndicatorColumn, read_table
from tracker.indicators.workbook import UNIT_LINE, period_from_title
from tracker.ledger import LedgerRefused

pytestmark = pytest.mark.unit

ASSIGNED = IndicatorColumn("交办总量", "件")
COUNT = IndicatorColumn("数量", "个")
INVESTED = IndicatorColumn("完成投资", "万元")
PROJECTS = IndicatorColumn("项目数", "个")


def _read(rows, filename="报表.xlsx", indicators=(COUNT,), merges=(), title=None):
    table = read_table(xlsx_bytes(rows, merges, title), filename, list(indicators))
    return table, [(row.entity, row.values) for row in table.rows]


def test_a_hotline_table_copied_in_traditional_characters_is_read():
    # 青川县's 12345 office copies its monthly table from a site that writes traditional characters: the header is found,
    # the bodies are read as written, the 合計 row is no body and the rate column gives no figure.
    rows = [["2026年5月12345熱線交辦件辦理情況統計表"], ["序號", "受理單位", "交辦總量", "辦結率"],
            [1, "縣住建局", 120, "98%"], [2, "縣公安局", 80, "100%"], [None, "合計", 200, None]]
    table, read = _read(rows, indicators=[ASSIGNED])
    assert table.period == "2026-05"
    assert read == [("縣住建局", {"交办总量": 120.0}), ("縣公安局", {"交办总量": 80.0})]
    assert table.skipped_rows == 1


@pytest.mark.parametrize("caption", ["受理单位", "隶 属", "隸屬", "会议", "资金来源", "项目进展", "會議類型"])
def test_the_names_column_under_captions_of_its_own_kind_is_read(caption):
    # The offices caption the column of what they count by in their own words: the body that received the cases, the
    # body the enterprises belong to (written with a space), the kinds of meeting, the sources of the money, the classes
    # of progress. Each is the names' column; the 总计 row is no entity.
    rows = [["2026年4月统计表"], ["序号", caption, "数量"], [1, "甲类", 5], [2, "乙类", 7], ["总 计", None, 12]]
    table, read = _read(rows)
    assert table.period == "2026-04"
    assert read == [("甲类", {"数量": 5.0}), ("乙类", {"数量": 7.0})]


def test_a_column_of_progress_words_is_still_no_names_column():
    # "进展情况" beside a 单位 column is a text column: the 单位 column holds the names.
    rows = [["2026年4月统计表"], ["序号", "单位", "进展情况", "数量"], [1, "甲县", "推进中", 5]]
    assert _read(rows)[1] == [("甲县", {"数量": 5.0})]


@pytest.mark.parametrize(("title", "filename", "period"), [
    ("1-9月份州重点项目推进情况", "2026年州重点项目.xlsx", "2026-09"),
    ("12345热线留言办理4月份情况统计表", "2026年热线.xlsx", "2026-04"),
    ("全县重点项目推进情况(截至4月底)", "2026年重点项目.xlsx", "2026-04"),
    ("全市热线办理情况（8月6日至8月11日）", "2026年第32周.xlsx", "2026-08"),
    ("12345热线留言办理4月份情况统计表", "热线.xlsx", None),
])
def test_a_title_naming_the_month_alone_takes_the_year_from_the_files_name(title, filename, period):
    # The 发改局 titles its table "1-9月份…" and names the file for the year; the hotline writes "4月份" and saves
    # "2026年热线.xlsx"; a week's table names its days. The month is the title's (a week's last), the year the file's;
    # with no year anywhere the import asks for the month.
    rows = [[title], ["序号", "单位", "数量"], [1, "甲县", 5], [2, "乙县", 7]]
    assert _read(rows, filename)[0].period == period


@pytest.mark.parametrize(("title", "under", "period"), [
    ("2025年度全县信访事项统计表", None, "2025-12"),
    ("2025年全年信访事项统计表", None, "2025-12"),
    ("2025年全县信访事项统计表", "县信访局　2026年1月6日", "2025-12"),
    ("2025年全县信访事项统计表", None, None),
    ("2025年度第一季度信访事项统计表", None, "2025-03"),
])
def test_a_table_of_the_whole_year_is_dated_december(title, under, period):
    # A 信访局 sends its year's figures: "2025年度" or "全年" in the title, or the year alone and the table signed the next
    # January, is the year's December. A year alone with nothing else says no month: the import asks for it.
    rows = [[title], ["序号", "单位", "数量"], [1, "甲县", 5], [2, "乙县", 7]] + ([[under]] if under else [])
    assert _read(rows)[0].period == period


def test_a_header_over_three_rows_names_its_columns_by_joining_the_rows():
    # The 城管 office's table: "派遣案件总数" merged over "总计 | 12345热线 | 政民互动", each merged over "按时办结 | 超时
    # 办结 | 未办结". The 督查室 registered 按时办结数 and 未办结: each is the column under the whole (总计), not a
    # channel's.
    rows = [["2026年4月派遣案件办理情况统计表"],
            ["序号", "单位", "派遣案件总数", None, None, None, None, None, None],
            [None, None, "总计", None, None, "12345热线", None, None, "政民互动"],
            [None, None, "按时办结", "超时办结", "未办结", "按时办结", "超时办结", "未办结", "按时办结"],
            [1, "东城区", 10, 6, 3, 5, 2, 1, 4], [2, "西城区", 20, 15, 4, 11, 3, 2, 4]]
    merges = ("C2:I2", "C3:E3", "F3:H3", "A2:A4", "B2:B4")
    table, read = _read(rows, indicators=[IndicatorColumn("按时办结数", "件"), IndicatorColumn("未办结", "件")],
                        merges=merges)
    assert table.period == "2026-04"
    assert read == [("东城区", {"按时办结数": 10.0, "未办结": 3.0}), ("西城区", {"按时办结数": 20.0, "未办结": 4.0})]


def test_a_sub_caption_under_a_merged_caption_is_its_own_indicator():
    # Two rows: "派遣案件总数" merged over "总计 | 按时办结 | 超时办结": 按时办结 is read from its own column.
    rows = [["2026年4月派遣案件统计表"], ["序号", "单位", "派遣案件总数", None, None],
            [None, None, "总计", "按时办结", "超时办结"], [1, "东城区", 10, 6, 4]]
    table, read = _read(rows, indicators=[IndicatorColumn("派遣案件总数", "件"), IndicatorColumn("按时办结", "件")],
                        merges=("C2:E2", "A2:A3", "B2:B3"))
    assert read == [("东城区", {"派遣案件总数": 10.0, "按时办结": 6.0})]


@pytest.mark.parametrize(("line", "unit"), [("单位：个、亿元", "亿元"), ("单位:万元", "万元"), ("单位：件，万元", "万元"),
                                            ("单位：亿元、%", "亿元"), ("计量单位：个", None)])
def test_the_unit_line_gives_the_money_unit_after_the_counts(line, unit):
    found = UNIT_LINE.search(line)
    assert (found.group(1) if found else None) == unit


def test_a_project_table_whose_unit_line_lists_counts_first_converts_its_money():
    # The 发改局 writes "单位：个、亿元" under its title: the 督查室 registered 完成投资 in 万元, so 1.5亿元 is 15000万元.
    rows = [["2026年6月重点项目投资完成情况汇总表"], ["单位：个、亿元"], ["序号", "县区", "项目数", "完成投资"],
            [1, "甲县", 5, 1.5], [2, "乙县", 3, 0.25]]
    assert _read(rows, indicators=[PROJECTS, INVESTED])[1] == [
        ("甲县", {"项目数": 5.0, "完成投资": 15000.0}), ("乙县", {"项目数": 3.0, "完成投资": 2500.0})]


def test_a_table_of_no_names_column_is_still_refused_in_one_sentence():
    rows = [["2026年4月统计表"], ["序号", "内容", "数量"], [1, "甲", 5]]
    with pytest.raises(LedgerRefused) as refused:
        _read(rows)
    assert "找不到表头" in str(refused.value) and "\n" not in str(refused.value)


def test_period_from_title_reads_the_whole_year():
    assert period_from_title("2020年度全市统计表") == "2020-12"
    assert period_from_title("2020年全市统计表") is None


@pytest.mark.parametrize(("caption", "period"), [
    ("全年受理量", "2025-12"),
    ("年度受理量", "2025-12"),
    ("1-12月受理量", "2025-12"),
    ("受理量", None),
    ("全年目标", None),
    ("年度计划受理量", None),
])
def test_a_year_alone_is_december_when_the_columns_say_the_figures_are_the_whole_years(caption, period):
    # The 信访局 titles its table "2025年全县信访事项统计表" and captions its figures "全年受理量" (or "年度…", "1-12月…"):
    # the table says it is the year's, so it is the year's December. A caption naming the year's target or plan
    # ("全年目标", "年度计划…") stands in tables of the year so far too, and a bare caption says nothing: the import asks
    # for the month (branch ledgers51).
    rows = [["2025年全县信访事项统计表"], ["序号", "单位", caption], [1, "甲县", 5], [2, "乙县", 7]]
    table, _ = _read(rows, indicators=[IndicatorColumn(caption, "件")])
    assert table.period == period
