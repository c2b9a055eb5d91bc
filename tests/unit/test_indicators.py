"""The indicator rules and the indicator table reader (issue 16), without the app."""
from __future__ import annotations

import pytest

from tracker.indicators import IndicatorColumn, derive, light_for, out_of_line, period_from_title, rank, read_table, write_template
from tracker.ledger import LedgerRefused
from tests.helpers.xlsx import xlsx_bytes as xlsx

INDICATORS = [IndicatorColumn("人民币存款余额", "亿元"), IndicatorColumn("人民币贷款余额", "亿元"),
              IndicatorColumn("保费收入", "亿元")]


def test_indicators_period_comes_from_the_title_month_or_the_end_of_a_range():
    assert period_from_title("2024年7月末全市各金融机构存贷款情况表") == "2024-07"
    assert period_from_title("2024年1—7月全市保费收入情况") == "2024-07"
    assert period_from_title("2023年1-12月") == "2023-12"
    assert period_from_title("全市各金融机构存贷款情况表") is None


def test_indicators_derived_figures_of_a_balance_follow_the_printed_rules():
    figures = derive("2024-07", stock=True, value=130.0, same_month_last_year=100.0, last_december=110.0, target=24.0)
    assert figures.yoy_pct == pytest.approx(30.0)
    assert figures.ytd_change == pytest.approx(20.0)
    assert figures.schedule_target == pytest.approx(14.0)
    assert figures.completion_pct == pytest.approx(20 / 24 * 100)
    assert figures.shortfall == 0.0
    behind = derive("2024-07", stock=True, value=115.0, last_december=110.0, target=24.0)
    assert behind.shortfall == pytest.approx(9.0) and behind.yoy_pct is None


def test_indicators_flow_counts_its_cumulative_value_as_achieved_and_missing_inputs_stay_null():
    figures = derive("2024-06", stock=False, value=6.0, target=10.0)
    assert figures.ytd_change == 6.0 and figures.completion_pct == pytest.approx(60.0)
    assert figures.shortfall == 0.0
    assert derive("2024-06", stock=True, value=6.0).as_dict()["completion_pct"] is None


def test_indicators_light_is_red_only_when_behind_schedule_by_more_than_the_tolerance():
    assert light_for("2024-06", 50.0) == "green"
    assert light_for("2024-06", 47.0, tolerance_points=5) == "yellow"
    assert light_for("2024-06", 40.0, tolerance_points=5) == "red"
    assert light_for("2024-06", None) is None


def test_indicators_ranking_shares_ranks_between_ties_and_puts_nulls_last():
    items = [{"entity": "甲", "yoy_pct": 5.0}, {"entity": "乙", "yoy_pct": 8.0}, {"entity": "丙", "yoy_pct": 5.0},
             {"entity": "丁", "yoy_pct": None}]
    ranked = rank(items, "yoy_pct")
    assert [(i["entity"], i["rank"]) for i in ranked] == [("乙", 1), ("丙", 2), ("甲", 2), ("丁", None)]
    assert [i["entity"] for i in rank(items, "yoy_pct", higher_is_better=False)][:2] == ["丙", "甲"]


def test_ranking_ties_share_a_rank_and_the_next_skips_in_one_rule():
    from tracker.indicators import competition_ranks
    assert competition_ranks([(-0.9, 1), (-0.9, 1), (-0.5, 0), (-0.5, 1), (-0.5, 1)]) == [1, 1, 3, 4, 4]
    assert competition_ranks([]) == []


def test_unit_ranking_and_indicator_ranking_use_the_same_tie_rule():
    import inspect
    from tracker.services.figures import ranking as unit_ranking
    assert unit_ranking.competition_ranks is __import__("tracker.indicators", fromlist=["x"]).competition_ranks
    assert "previous.rank" not in inspect.getsource(unit_ranking.rank_units)


def test_indicators_out_of_line_figures_are_named():
    assert "一半" in out_of_line(40.0, stock=True, previous_month=100.0)
    assert "100%" in out_of_line(250.0, stock=True, same_month_last_year=100.0)
    assert out_of_line(105.0, stock=True, previous_month=100.0, same_month_last_year=95.0) is None


def test_indicators_template_reads_back_with_its_period_and_values():
    data = write_template("2024-07", INDICATORS, ["工商银行", "=cmd|' /C calc'!A0"], {("工商银行", "保费收入"): 1.5})
    table = read_table(data, "模板.xlsx", INDICATORS)
    assert table.period == "2024-07"
    assert [row.entity for row in table.rows] == ["工商银行", "=cmd|' /C calc'!A0"]
    assert table.rows[0].values == {"保费收入": 1.5}


def test_indicators_another_offices_two_row_table_in_wan_yuan_is_scaled_and_totals_skipped():
    data = xlsx([
        ["2024年7月末全市各金融机构存贷款情况表"],
        [None, None, None, None, "单位：万元"],
        ["机构名称", "各项存款", None, None, "各项贷款", None],
        [None, "余额", "比年初增减", "同比增长", "余额", "同比增长"],
        ["工商银行", "1,250,000", 50000, "8.1%", 900000, "5%"],
        ["农业银行", 800000, -2000, "-1%", "—", None],
        ["合  计", 2050000, 48000, None, 900000, None],
    ], merges=["B3:D3", "E3:F3"])
    table = read_table(data, "外单位.xlsx", INDICATORS)
    assert table.period == "2024-07" and table.skipped_rows == 1
    assert table.columns == ["人民币存款余额", "人民币贷款余额"]
    assert [(row.entity, row.values) for row in table.rows] == [
        ("工商银行", {"人民币存款余额": 125.0, "人民币贷款余额": 90.0}),
        ("农业银行", {"人民币存款余额": 80.0})]


def test_indicators_a_banks_table_grouped_by_kind_reads_the_banks_and_skips_each_groups_subtotal():
    # 一、国有商业银行 sums the banks numbered 1–3 under it: importing it would rank a group among its banks.
    data = xlsx([
        ["2024年8月末全市银行业金融机构存贷款情况表"],
        [None, None, None, None, "单位：万元"],
        ["序号", "银行名称", "各项存款", None, "各项贷款", None],
        [None, None, "余额", "同比增长", "余额", "同比增长"],
        [None, "合计", 3000000, 8.5, 2500000, 9.1],
        ["一", "国有商业银行", 1800000, 7.9, 1500000, 8.0],
        [1, "工商银行", 600000, 7.1, 500000, 6.5],
        [2, "农业银行", 1200000, 9.2, 1000000, 10.3],
        ["二", "股份制银行", 1200000, 9.0, 1000000, 11.0],
        [3, "招商银行", 1200000, 9.0, 1000000, 11.0],
    ], merges=["C3:D3", "E3:F3"])
    table = read_table(data, "存贷款.xlsx", INDICATORS)
    assert [row.entity for row in table.rows] == ["工商银行", "农业银行", "招商银行"]
    assert table.rows[1].values == {"人民币存款余额": 120.0, "人民币贷款余额": 100.0}
    assert table.skipped_rows == 3  # 合计 and the two groups
    # the table's own 同比 columns are not read, but named, so that the import can say so (derived.TABLE_YOY_RULE)
    assert table.yoy_columns == ["人民币存款余额/同比增长", "人民币贷款余额/同比增长"]


def test_indicators_a_one_row_header_names_its_yoy_column_and_reads_only_the_figure():
    data = xlsx([["机构名称", "各项存款余额", "存款同比增速（%）"], ["工商银行", 10, 6.5]])
    table = read_table(data, "2024年7月.xlsx", INDICATORS)
    assert table.rows[0].values == {"人民币存款余额": 10.0}
    assert table.yoy_columns == ["存款同比增速（%）"]
    assert read_table(xlsx([["机构名称", "各项存款余额"], ["工商银行", 10]]), "7月.xlsx", INDICATORS).yoy_columns == []


def test_indicators_institutions_numbered_in_their_name_cell_keep_their_names_and_groups_are_skipped():
    data = xlsx([
        ["机构", "各项存款余额"],
        ["（一）国有银行", 30],
        ["1.工商银行", 10],
        ["2.三峡银行", 20],
    ])
    table = read_table(data, "2024年7月.xlsx", INDICATORS)
    assert [(row.entity, row.values) for row in table.rows] == [
        ("工商银行", {"人民币存款余额": 10.0}), ("三峡银行", {"人民币存款余额": 20.0})]


def test_indicators_a_table_numbered_only_in_chinese_numerals_keeps_every_institution():
    # No institution numbered 1, 2, 3: the Chinese numerals number the institutions themselves.
    data = xlsx([["序号", "机构名称", "保费收入"], ["一", "人保财险", 3.2], ["二", "平安产险", 2.1]])
    assert [row.entity for row in read_table(data, "保费.xlsx", INDICATORS).rows] == ["人保财险", "平安产险"]


@pytest.mark.parametrize("caption", ["公司名称", "保险公司", "银行名称", "金融机构名称", "机构简称", "单位 名称"])
def test_indicators_an_insurers_table_is_read_whatever_its_office_calls_the_institution_column(caption):
    text = f"2024年1-8月全市保险机构保费收入情况\n单位：亿元\n排名,{caption},原保险保费收入,同比增长(%)\n1,中国人寿,12.35,5.2\n"
    table = read_table(text.encode("gb18030"), "保费.csv", INDICATORS)
    assert table.period == "2024-08"
    assert [(row.entity, row.values) for row in table.rows] == [("中国人寿", {"保费收入": 12.35})]


@pytest.mark.parametrize("caption", ["计量单位", "填报单位：市金融办", "单位：亿元"])
def test_indicators_a_unit_of_measure_or_a_filing_line_is_not_the_institution_column(caption):
    from tracker.indicators.workbook import is_entity_caption

    assert not is_entity_caption(caption)


def test_indicators_csv_in_gb18030_and_bad_cells_become_row_issues():
    text = "2024年1—7月保费收入\n单位：亿元\n机构名称,保费收入\n人保财险,3.2\n平安产险,三点一\n"
    table = read_table(text.encode("gb18030"), "保费.csv", INDICATORS)
    assert table.period == "2024-07"
    assert table.rows[0].values == {"保费收入": 3.2}
    assert [issue.line() for issue in table.issues] == ["row 5, column 保费收入: 平安产险 “三点一”不是数字，请填写数值或留空（B5 单元格）"]


def test_indicators_a_table_without_an_institution_header_or_a_renamed_csv_is_refused():
    with pytest.raises(LedgerRefused, match="找不到表头"):
        read_table("标题\n甲,乙\n".encode(), "x.csv", INDICATORS)
    with pytest.raises(LedgerRefused):
        read_table("机构名称,保费收入\n".encode(), "x.xlsx", INDICATORS)


def test_indicators_largest_shortfalls_lists_only_entities_behind_largest_first():
    from tracker.indicators import largest_shortfalls

    rows = [{"entity": "甲", "shortfall": 0.5}, {"entity": "乙", "shortfall": 2.0}, {"entity": "丙", "shortfall": 0.0},
            {"entity": "丁", "shortfall": None}, {"entity": "戊", "shortfall": 1.0}]
    assert [r["entity"] for r in largest_shortfalls(rows, limit=2)] == ["乙", "戊"]


def test_indicators_a_period_must_be_written_yyyy_mm():
    from tracker.indicators import months_elapsed

    assert months_elapsed("2024-07") == 7
    for bad in ("2024-7", "2024-13", "24-07", "2024/07", ""):
        with pytest.raises(ValueError, match="YYYY-MM"):
            months_elapsed(bad)


def test_indicators_package_stays_pure():
    """tracker/indicators imports neither Flask nor the database (HELPERS: pure packages)."""
    import re
    from pathlib import Path

    import tracker.indicators

    folder = Path(tracker.indicators.__file__).parent
    for path in folder.glob("*.py"):
        imports = re.findall(r"^\s*(?:from|import)\s+([\w.]+)", path.read_text(encoding="utf-8"), re.M)
        assert not [name for name in imports if name.split(".")[0] in ("flask", "flask_login", "sqlalchemy")
                    or name.lstrip(".").split(".")[0] in ("models", "extensions", "services", "database")], path


def test_overall_ranking_weighs_rank_scores_as_the_rule_says():
    from tracker.indicators import OVERALL_RULE, overall
    deposits = [{"entity": "甲", "rank": 1}, {"entity": "乙", "rank": 2}, {"entity": "丙", "rank": 3},
                {"entity": "丁", "rank": None}]
    loans = [{"entity": "乙", "rank": 1}, {"entity": "甲", "rank": 2}]
    nothing = [{"entity": "甲", "rank": None}]
    lines = overall({"存款": deposits, "贷款": loans, "保费": nothing, "其他": deposits},
                    {"存款": 3, "贷款": 1, "保费": 5, "其他": 0})
    # 存款 N=3: 甲 100, 乙 66.67, 丙 33.33, 丁 0; 贷款 N=2: 乙 100, 甲 50; 保费 has no rank: not counted; 其他 weighs 0.
    # 甲 (3×100 + 1×50)/4 = 87.5; 乙 (3×66.67 + 100)/4 = 75; 丙 3×33.33/4 = 25; 丁 0.
    assert [(line["entity"], line["score"], line["rank"]) for line in lines] == [
        ("甲", 87.5, 1), ("乙", 75.0, 2), ("丙", 25.0, 3), ("丁", 0.0, 4)]
    assert lines[2]["scores"] == {"存款": 33.33, "贷款": None}
    assert "位次赋分" in OVERALL_RULE and "并列" in OVERALL_RULE
    assert overall({"存款": deposits}, {"存款": 0}) == []
    tie = overall({"存款": [{"entity": "甲", "rank": 1}, {"entity": "乙", "rank": 1}, {"entity": "丙", "rank": 3}]},
                  {"存款": 1})
    assert [(line["entity"], line["rank"]) for line in tie] == [("乙", 1), ("甲", 1), ("丙", 3)]


def test_quantified_task_schedule_counts_the_months_over_of_its_target_span():
    from datetime import date
    from tracker.indicators import schedule_light, task_completion_pct, task_schedule_pct
    # Due 2026-12-31: on 15 July 2026 six months are over → 50 %; the current month does not count.
    assert task_schedule_pct(date(2026, 7, 15), date(2026, 12, 31)) == 50.0
    # Due 30 June: the span is January–June; on 1 April three of six months are over.
    assert task_schedule_pct(date(2026, 4, 1), date(2026, 6, 30)) == 50.0
    assert task_schedule_pct(date(2025, 11, 1), date(2026, 6, 30)) == 0.0   # the span has not begun
    assert task_schedule_pct(date(2026, 9, 1), date(2026, 6, 30)) == 100.0  # its last month is over
    assert task_schedule_pct(date(2026, 4, 20), None) == 25.0               # no due date: this year's 12 months
    assert task_completion_pct(6.0, 12.0) == 50.0 and task_completion_pct(None, 12.0) is None
    assert task_completion_pct(3.0, 0) is None
    # The same light as the indicators: 12 % target, 4 % done (33.3 %) at 50 % of the span: red; 5.5 %: yellow.
    assert schedule_light(50.0, task_completion_pct(4.0, 12.0), 5) == "red"
    assert schedule_light(50.0, task_completion_pct(5.5, 12.0), 5) == "yellow"
    assert schedule_light(50.0, task_completion_pct(6.0, 12.0), 5) == "green"
