"""What the development part of the ledger corpus (tests/ledgers, stop 30) showed the readers missing, each as the
office's story: a 责任单位 cell that says who leads in its own words, a signature line under the table, a province's
lead column beside a city's units, a 整改台账 of fed-back problems, and a supervising office's table by area for a
quarter, yearbook tables by area. Workbooks are built with openpyxl (tests/helpers/xlsx.xlsx_bytes), as the offices'
own tools write them; no app, no database."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.indicators import IndicatorColumn, period_from_title, read_table
from tracker.ledger import LedgerRefused, read_ledger
from tracker.ledger.rows import unit_columns
from tracker.vocabulary.captions import CAPTION_SYNONYMS, match_caption
from tracker.vocabulary.statuses import status_synonym
from tests.helpers.xlsx import xlsx_bytes as workbook

UNITS = ["市发改委", "市财政局", "市商务局", "市科技局", "团市委", "市地方金融监管局", "省农业农村厅", "国家开发银行云南省分行"]


def test_a_unit_cell_that_says_who_leads_reads_as_the_plan_parser_reads_it():
    # 云南 2017: the office copied each measure's annotation into one 责任单位 cell, roles in words.
    data = workbook([
        ["促进全省经济持续平稳发展重点任务落实台账"],
        ["序号", "具体措施", "责任单位", "完成时限"],
        ["一", "推进重大项目建设。", "省发展改革委、财政厅牵头；省工业和信息化委、国土资源厅，各州、市人民政府配合", None],
        ["二", "加强城市基础设施投入。", "市发改委（牵头）、市财政局", None],
        ["三", "推进人才综合体建设。", "市发改委、市科技局、团市委配合落实", None],
        ["四", "落实总体要求。", "国务院各部门分别负责", "年内持续推进"],
        ["五", "压减审批时限。", "★市商务局、市财政局", None],
        ["六", "加快金融港湾建设。", "市地方金融监管局、市财政局", None],
    ])
    rows = read_ledger(data, "云南台账.xlsx").rows
    assert [(r.lead_units, r.supporting_units) for r in rows] == [
        (["省发展改革委", "财政厅"], ["省工业和信息化委", "国土资源厅", "各州、市人民政府"]),
        (["市发改委"], ["市财政局"]),
        ([], ["市发改委", "市科技局", "团市委"]),  # the marked clause's units all support (GOLD-README, round 3)
        (["国务院各部门"], []),
        (["市商务局"], ["市财政局"]),
        (["市地方金融监管局", "市财政局"], []),  # a plain list: its column says they lead
    ]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(UNITS), min_size=2, max_size=6, unique=True), st.data())
def test_a_cell_naming_its_leads_and_supporters_reads_them_apart_and_a_plain_list_keeps_its_column(names, data):
    cut = data.draw(st.integers(min_value=1, max_value=len(names) - 1))
    leads, supporters = names[:cut], names[cut:]
    assert unit_columns(f"{'、'.join(leads)}牵头；{'、'.join(supporters)}配合", None) == (leads, supporters)
    assert unit_columns(f"{'、'.join(leads)}牵头，{'、'.join(supporters)}", None) == (leads, supporters)
    assert unit_columns("、".join(names), None) == (names, [])
    assert unit_columns(None, "、".join(names)) == ([], names)


def test_a_signature_line_of_several_labels_under_the_table_is_no_task():
    data = workbook([
        ["序号", "具体措施", "责任单位", "进展情况"],
        [1, "推进重大项目建设。", "省发展改革委", "已下达前期经费。"],
        [],
        ["填报人：", None, "联系电话：", None],
    ])
    read = read_ledger(data, "台账.xlsx")
    assert [row.measure for row in read.rows] == ["推进重大项目建设。"] and read.ok
    assert any("填报人" in warning for warning in read.warnings)


def test_a_provinces_lead_column_beside_the_citys_units_leads_and_the_city_supports():
    # 杭州 2021: the city's 责任单位 for each provincial task, and the province's 牵头单位 beside them.
    data = workbook([
        ["序号", "重点工作任务（杭州市2项配合工作）", "责任单位", "省牵头单位"],
        ["（一）王宏副市长牵头重点工作"],
        [1, "加强粮食和重要农产品保障。", "市农业农村局、市规划和自然资源局", "省农业农村厅"],
    ], merges=["A2:D2"])
    read = read_ledger(data, "涉杭任务.xlsx")
    task = read.rows[-1]
    assert read.rows[0].is_group_row and read.rows[0].heading == "王宏副市长牵头重点工作"
    assert (task.lead_units, task.supporting_units) == (["省农业农村厅"], ["市农业农村局", "市规划和自然资源局"])


@given(st.sampled_from(["省", "市", "区", "县", "镇", "乡"]), st.sampled_from(["", "级"]),
       st.sampled_from(CAPTION_SYNONYMS["牵头单位"][:5] + CAPTION_SYNONYMS["配合单位"][:5]))
def test_a_level_before_a_unit_caption_says_whose_units_not_which_field(level, ji, caption):
    assert match_caption(f"{level}{ji}{caption}")[0] == match_caption(caption)[0]


def test_a_level_word_is_no_prefix_of_other_captions():
    assert match_caption("市场主体") is None and match_caption("省牵头领导") is None and match_caption("市单位") is None


def test_a_rectification_ledger_reads_its_problems_as_tasks_and_its_state_as_the_status():
    # 红河 2022: the 整改台账 of an audit's fed-back problems.
    data = workbook([
        ["异龙湖“十三五”水环境保护治理绩效审计反馈问题整改台账"],
        ["填报单位：", None, "填报时间：2022年4月25日"],
        ["序号", "审计反馈问题", "整改情况", "整改状态"],
        ["问题1", "关于“污水处理设备未正常运转”问题", "已全部正常运行。", "已完成整改并长期坚持"],
        ["问题2", "关于“污水收集处理率为81%”问题", "扩建项目4月中旬正式投入运行。", "已完成整改"],
    ])
    read = read_ledger(data, "整改台账.xlsx")
    assert [(r.number, r.measure, r.progress, r.status) for r in read.rows] == [
        ("问题1", "关于“污水处理设备未正常运转”问题", "已全部正常运行。", "已完成整改并长期坚持"),
        ("问题2", "关于“污水收集处理率为81%”问题", "扩建项目4月中旬正式投入运行。", "已完成整改")]
    assert [status_synonym(r.status) for r in read.rows] == ["closed", "closed"]


@given(st.sampled_from(["已完成", "已完成整改", "已办结", "已落实", "完成整改"]),
       st.sampled_from(["正在整改", "基本完成", "推进中", "未完成"]),
       st.sampled_from(["长期坚持", "持续巩固", "长效推进", "常态化推进"]))
def test_done_and_kept_up_is_done_but_going_on_and_kept_up_is_still_open(done, going_on, upkeep):
    assert status_synonym(f"{done}并{upkeep}") == "closed"
    assert status_synonym(f"{going_on}并{upkeep}") == "in_progress"
    assert status_synonym(upkeep) == "in_progress"  # upkeep alone says the work goes on


def test_a_supervisors_table_by_area_for_a_quarter_reads_each_area_and_skips_the_nations_total():
    # 保监会 2011: 各地区 figures for the first three quarters, in 亿元, with 同比 columns beside them.
    data = workbook([
        ["附件1："],
        ["2011年前三季度各地区标准保费、规模保费统计表"],
        [None, None, None, None, "单位：亿元"],
        ["地区", "标准保费", "同比", "规模保费", "同比"],
        ["全国", 1843.20, "1.20%", 7801.27, "5.10%"],
        ["北京", 104.11, "-3.26%", 534.16, "-6.98%"],
        ["上海", 97.45, "1.66%", 543.74, "3.45%"],
    ])
    table = read_table(data, "保费.xlsx", [IndicatorColumn("标准保费", "亿元"), IndicatorColumn("规模保费", "万元")])
    assert table.period == "2011-09" and not table.issues
    assert [(row.entity, row.values) for row in table.rows] == [
        ("北京", {"标准保费": 104.11, "规模保费": 5341600.0}), ("上海", {"标准保费": 97.45, "规模保费": 5437400.0})]
    assert table.skipped_rows == 1  # 全国 is the total, no institution


@given(st.integers(min_value=1990, max_value=2099), st.integers(min_value=1, max_value=4),
       st.sampled_from(["第{}季度", "前{}季度", "{}季度"]), st.booleans())
def test_a_title_naming_a_quarter_speaks_of_its_last_month(year, quarter, form, chinese):
    number = "一二三四"[quarter - 1] if chinese else str(quarter)
    assert period_from_title(f"{year}年{form.format(number)}各金融机构存贷款情况表") == f"{year}-{3 * quarter:02d}"
    assert period_from_title(f"{year}年{form.format(number)}（截至{3 * quarter}月末）") == f"{year}-{3 * quarter:02d}"


def test_a_precedence_rule_written_in_a_unit_cell_covers_that_row_and_the_rows_below():
    # 浙江 2024: the second row's cell says "列第一位的为牵头或汇总单位，下同"; the row above it is not covered.
    data = workbook([
        ["2024年政府工作报告重点工作责任分解"],
        ["序号", "重点工作", "责任单位", "完成时限"],
        ["1", "一般公共预算收入与经济增长同步。", "省财政厅、省税务局"],
        ["2", "坚持政府过紧日子。", "省政府办公厅、省财政厅牵头，省商务厅（除标注为“牵头”单位外，列第一位的为牵头或汇总单位，下同）"],
        ["3", "用好地方政府专项债券。", "省财政厅、省发展改革委"],
    ])
    rows = read_ledger(data, "责任分解.xlsx").rows
    assert [(r.lead_units, r.supporting_units) for r in rows] == [
        (["省财政厅", "省税务局"], []), (["省政府办公厅", "省财政厅"], ["省商务厅"]), (["省财政厅"], ["省发展改革委"])]


def test_a_note_under_the_table_stating_the_rule_covers_every_row_but_a_lead_column_stays_lead():
    note = "注：各项任务中，列第一位的为牵头单位。"
    responsible = workbook([["序号", "工作任务", "责任单位"], [1, "推进改革。", "市发改委、市财政局"], [], [note]])
    assert [(r.lead_units, r.supporting_units) for r in read_ledger(responsible, "台账.xlsx").rows] == [
        (["市发改委"], ["市财政局"])]
    lead = workbook([["序号", "工作任务", "牵头单位", "配合单位"], [1, "推进改革。", "市发改委、市财政局", "市商务局"],
                     [], [note]])
    assert [(r.lead_units, r.supporting_units) for r in read_ledger(lead, "台账.xlsx").rows] == [
        (["市发改委", "市财政局"], ["市商务局"])]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(UNITS), min_size=1, max_size=6, unique=True))
def test_under_the_precedence_rule_a_responsible_list_gives_its_first_unit_the_lead(names):
    assert unit_columns("、".join(names), None, precedence=True) == (names[:1], names[1:])
    assert unit_columns("、".join(names), None, precedence=True, caption="牵头单位") == (names, [])
    assert unit_columns("、".join(names), None) == (names, [])


def test_a_yearbook_table_with_the_areas_across_and_the_indicators_down_reads_each_area():
    # 湖州统计年鉴 2009, 8-21 分县区保险业主要指标: 全市 is the total column, △ a footnote mark.
    data = workbook([
        ["8-21  分县区保险业主要指标"],
        ["单位：万元、%"],
        [None, "全  市", "△市区", "德清县", "长兴县"],
        ["保险金额", 53891654, 29142824, 13444218, 5532388],
        ["  #寿险", 8848717, 5526087, 781038, 1551720],
        ["保费收入", 267975, 143275, 42820, 44815],
        ["赔款率", 32.9, 30.0, 30.7, 25.4],
    ])
    table = read_table(data, "8-21.xlsx", [IndicatorColumn("保费收入", "万元"), IndicatorColumn("保险金额", "亿元")])
    assert [(row.entity, row.values) for row in table.rows] == [
        ("市区", {"保险金额": 2914.2824, "保费收入": 143275.0}), ("德清县", {"保险金额": 1344.4218, "保费收入": 42820.0}),
        ("长兴县", {"保险金额": 553.2388, "保费收入": 44815.0})]
    assert table.skipped_rows == 1 and not table.issues
    assert table.period is None  # the page names no year: import-indicators asks for --period


def test_a_table_naming_neither_an_institution_column_nor_areas_across_is_still_refused():
    data = workbook([["2024年7月末存贷款情况表"], ["序号", "具体措施", "牵头单位"], [1, "推进改革。", "市发改委"]])
    with pytest.raises(LedgerRefused) as refused:
        read_table(data, "台账.xlsx", [IndicatorColumn("保费收入", "万元")])
    assert refused.value.code == "no_header" and "机构名称" in str(refused.value)


def test_a_yearbook_table_by_county_reads_the_uncaptioned_name_column_and_skips_the_citys_heading_row():
    # 山东统计年鉴 2016, 21-1: no caption over the names, captions over several lines with their units.
    data = workbook([
        ["21-1  各县(市、区)主要经济指标(2015年)"],
        [None, "总人口\n(万人)", "年末金融\n机构各项\n存款余额\n(万元)", "城乡居民储\n蓄存款余额\n(万元)"],
        ["济南市"],
        ["  历下区", 56.0],
        ["  平阴县", 37.4, 1446373, 1037555],
    ])
    indicators = [IndicatorColumn("各项存款余额", "亿元"), IndicatorColumn("城乡居民储蓄存款余额", "万元")]
    table = read_table(data, "21-1.xlsx", indicators)
    assert table.period == "2015-12"  # a yearbook's "(2015年)": the year's end
    assert [(row.entity, row.values) for row in table.rows] == [
        ("历下区", {}), ("平阴县", {"各项存款余额": 144.6373, "城乡居民储蓄存款余额": 1037555.0})]
    assert table.skipped_rows == 1  # 济南市 heads its districts: no institution
    # the registered order does not matter: each caption is its own indicator's, the exact name first
    reordered = read_table(data, "21-1.xlsx", indicators[::-1])
    assert reordered.rows[-1].values == {"各项存款余额": 144.6373, "城乡居民储蓄存款余额": 1037555.0}


@given(st.integers(min_value=1990, max_value=2099), st.sampled_from(["{}年末各项存款", "{}年底金融机构情况", "主要指标({}年)",
                                                                    "主要指标（{}年）"]))
def test_a_title_naming_a_years_end_speaks_of_december(year, form):
    assert period_from_title(form.format(year)) == f"{year}-12"


def test_a_title_naming_a_year_and_nothing_more_names_no_month():
    assert period_from_title("2024年全市各金融机构存贷款情况表") is None
