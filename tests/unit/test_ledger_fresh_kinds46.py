"""What the fresh indicator tables of branch ledgers46 (ledger corpus 219–221) showed offices send, each as the office's
story: a sector's premiums whose figure cells write their own money unit (`1.04万亿元` beside `6004亿元` in one column),
the sector's whole named alone (`保险行业`) over its kinds and insurers by kind (`人身险公司`) over `其中：寿险` (221); a
statistics bureau's table of the nation's indicators down a column captioned by nothing, the unit in the figure column's
caption (` | 绝对额(亿元) | 比去年同期增长(%)`) and the period as quarters in its `表1:` line (220). Workbooks are built with
openpyxl (tests/helpers/xlsx.xlsx_bytes); no app, no database."""
from __future__ import annotations

import pytest

from tests.helpers.xlsx import xlsx_bytes as workbook
from tracker.indicators import IndicatorColumn, read_table
from tracker.ledger import LedgerRefused

pytestmark = pytest.mark.unit


def _figures(table) -> dict[str, dict[str, float]]:
    return {row.entity: {name: round(value, 4) for name, value in row.values.items()} for row in table.rows}


def test_a_figure_cell_that_writes_its_own_money_unit_is_read_in_that_unit():
    # A news office copies a regulator's sentences into a table: the kinds' premiums in 万亿元, the smaller ones in
    # 亿元, each figure with its unit in the cell. The 金融办 registers 保费收入 in 亿元: 1.2万亿元 is 12000, 480亿元 is 480,
    # and a bare number is read in the registered unit.
    rows = [["某年1-6月保险业保费收入情况"], ["险种", "1-6月保费收入", "同比增长（%）"],
            ["财产险", "1.2万亿元", 6.1], ["健康险", "480亿元", 3.2], ["意外险", "75.5", -2.0]]
    table = read_table(workbook(rows, ["A1:C1"]), "保费.xlsx", [IndicatorColumn("保费收入", "亿元")])
    assert _figures(table) == {"财产险": {"保费收入": 12000.0}, "健康险": {"保费收入": 480.0},
                               "意外险": {"保费收入": 75.5}}
    assert table.issues == []


def test_a_count_written_with_its_unit_in_the_cell_is_still_refused_as_no_number():
    # Only money units are read after a number: "12件" in a figure cell is named back to the office as no number.
    rows = [["某年1-6月信访件办理情况"], ["承办单位", "办理件数"], ["市公安局", "12件"], ["市民政局", 8]]
    table = read_table(workbook(rows, ["A1:B1"]), "信访.xlsx", [IndicatorColumn("办理件数", "件")])
    assert _figures(table)["市民政局"] == {"办理件数": 8.0}
    assert any("12件" in issue.reason for issue in table.issues)


def test_the_sector_named_alone_over_its_kinds_and_insurers_by_kind_over_their_parts_are_no_entities():
    # The sector's whole (保险行业) stands first and the life insurers' whole (人身险公司) opens its kinds with 其中：;
    # the office registers the kinds, so neither whole is read as one of them.
    rows = [["某年前三季度保险业保费收入情况"], ["项目", "1-9月保费收入", "同比增长（%）"],
            ["保险行业", 40000, 9.1], ["财产险", 11000, 7.0], ["人身险", 29000, 10.2],
            ["人身险公司", 28000, 11.0], ["其中：寿险", 22000, 13.0], ["健康险", 5600, 2.1], ["意外险", 400, -8.0]]
    table = read_table(workbook(rows, ["A1:C1"]), "保费.xlsx", [IndicatorColumn("保费收入", "亿元")])
    assert list(_figures(table)) == ["财产险", "人身险", "寿险", "健康险", "意外险"]


def test_the_nations_indicators_down_a_column_without_a_caption_are_read_under_their_figure_captions_unit():
    # A statistics bureau's table 1 leaves the names' caption blank and writes the unit in the figure column's caption;
    # its line names the quarters (1-3季度) and 国内生产总值: the nation's figures. The office registers GDP in 亿元 and
    # 金融业 in 万元 (亿元 × 10,000); the growth beside them is no figure.
    rows = [["表1:2019年1-3季度国内生产总值初步核算数据"], [None, "绝对额(亿元)", "比去年同期增长(%)"],
            ["国内生产总值", 697798, 6.2], ["工业", 235000, 5.6], ["金融业", 57000, 7.2],
            ["注:绝对额按现价计算。"]]
    table = read_table(workbook(rows, ["A1:C1"]), "核算.xlsx",
                       [IndicatorColumn("国内生产总值", "亿元"), IndicatorColumn("金融业", "万元")])
    assert table.period == "2019-09"
    assert _figures(table) == {"全国": {"国内生产总值": 697798.0, "金融业": 570000000.0}}


def test_a_province_table_without_a_names_caption_whose_title_names_no_place_is_not_guessed():
    # The same layout under a title naming no place and not the nation: whose figures they are cannot be guessed, so
    # the table is not read as one place's (it is refused with a sentence, never given a made-up place).
    rows = [["表1:2019年1-3季度主要指标"], [None, "绝对额(亿元)", "增长(%)"], ["地区生产总值", 5200, 6.0]]
    with pytest.raises(LedgerRefused):
        read_table(workbook(rows, ["A1:C1"]), "指标.xlsx", [IndicatorColumn("地区生产总值", "亿元")])
