"""What fresh development files of the ledger corpus (046–053, branch ledgers34) showed offices send, each as the
office's story: a 金融办's table of deposits by city captioned 市 alone, a 督查 table of cases by 州（市） whose columns
shorten the registered names (来电 for 来电举报), a title dating its figures in Chinese numerals (前十一月), a yearbook's
region subtotal above its cities, a 民生实事 report whose status column is captioned in the office's words
(目标完成情况), and a 督查室's summary grouped by the leader in charge, each group's line above its own header and the
units written inside the task cell. Workbooks are built with openpyxl (tests/helpers/xlsx.xlsx_bytes); no app, no
database."""
from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tests.helpers.xlsx import xlsx_bytes as workbook
from tracker.indicators import IndicatorColumn, read_table
from tracker.indicators.workbook import is_entity_caption, period_from_title
from tracker.ledger import LedgerRefused, read_ledger
from tracker.ledger.rows import units_in_task
from tracker.parsing.tables import names_led_work
from tracker.vocabulary.numbering import chinese_numeral
from tracker.vocabulary.statuses import status_synonym
from tracker.vocabulary.units import split_units

pytestmark = pytest.mark.unit

DEPOSITS = [IndicatorColumn("各项存款余额", "亿元")]


@pytest.mark.parametrize("caption", ["市", "地市", "设区市", "市别", "县别", "州（市）", "州市"])
def test_a_provinces_table_by_city_names_its_area_column_as_offices_do(caption):
    assert is_entity_caption(caption)


def test_a_provinces_deposits_by_city_read_every_city_and_leave_the_province_and_the_growth_rate_out():
    data = workbook([["2024年8月末全省各市金融机构本外币存款余额"], [None, None, None, "单位：亿元"],
                     ["序号", "市", "本外币各项存款余额", "同比增长（%）"],
                     [None, "全省", 170200, 8.2], [1, "济南", 30594, 11.1], [2, "青岛", 28256, 4.8],
                     [3, "烟台", 14064, None]])
    table = read_table(data, "各市存款.xlsx", DEPOSITS)
    assert table.period == "2024-08"
    assert [(row.entity, row.values) for row in table.rows] == [
        ("济南", {"各项存款余额": 30594.0}), ("青岛", {"各项存款余额": 28256.0}), ("烟台", {"各项存款余额": 14064.0})]


CASES = [IndicatorColumn("来电举报", "件"), IndicatorColumn("来信举报", "件")]


def test_a_case_count_by_prefecture_reads_columns_that_shorten_the_registered_names_and_its_cut_off_date():
    data = workbook([["各州市转办统计"], ["(截止时间:2018年6月24日22:45)"], ["序号", "州市", "总计", "来电", "来信"],
                     [1, "昆明市", 475, 422, 53], [2, "玉溪市", 46, 33, 13], ["合计", None, 521, 455, 66]])
    table = read_table(data, "转办统计.xlsx", CASES)
    assert table.period == "2018-06"
    assert [(row.entity, row.values) for row in table.rows] == [
        ("昆明市", {"来电举报": 422.0, "来信举报": 53.0}), ("玉溪市", {"来电举报": 33.0, "来信举报": 13.0})]


def test_a_shortened_caption_names_no_indicator_when_two_registered_names_open_with_it():
    both = [IndicatorColumn("来电举报", "件"), IndicatorColumn("来电咨询", "件")]
    data = workbook([["州市", "来电"], ["昆明市", 422]])
    with pytest.raises(LedgerRefused) as refused:
        read_table(data, "转办统计.xlsx", both)
    assert "找不到表头" in str(refused.value)


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=2000, max_value=2030), st.integers(min_value=1, max_value=12),
       st.sampled_from(["前{m}月", "1至{m}月", "{m}月末", "前{m}个月"]))
def test_a_title_dates_its_figures_by_the_month_whether_in_figures_or_in_chinese_numerals(year, month, shape):
    for written in (str(month), chinese_numeral(month)):
        assert period_from_title(f"{year}年{shape.format(m=written)}北京财产险公司保费收入前五名") == f"{year}-{month:02d}"


PREMIUMS = [IndicatorColumn("保费收入", "万元")]


def test_insurers_ranked_by_premium_keep_their_own_figures_even_when_one_equals_the_next_two():
    data = workbook([["2010年前十一月北京财产险公司保费收入前五名"], [None, None, None, "单位：亿元"],
                     ["排名", "公司名称", "保费收入", "市场份额"], [1, "人保财险", 64, "33%"], [2, "平安财险", 39, "20%"],
                     [3, "太保财险", 28, "15%"], [4, "英大财险", 11, "6%"], [5, "华泰财险", 9, "5%"]])
    table = read_table(data, "财产险.xlsx", PREMIUMS)
    assert table.period == "2010-11"
    assert [(row.entity, row.values["保费收入"]) for row in table.rows] == [
        ("人保财险", 640000.0), ("平安财险", 390000.0), ("太保财险", 280000.0), ("英大财险", 110000.0),
        ("华泰财险", 90000.0)]


YEARBOOK = [IndicatorColumn("生产总值", "亿元"), IndicatorColumn("城乡居民储蓄存款年末余额", "亿元")]


def test_a_yearbooks_region_subtotals_above_their_cities_are_no_cities():
    data = workbook([["17-2 各市国民经济主要指标(2015年)"],
                     ["城市", "生产总值\n(亿元)", "城乡居民\n储蓄存款\n年末余额\n(亿元)"],
                     ["浙东北", 29214.69, 12818.18], ["杭州市", 10050.21, 7507.09], ["宁波市", 8003.61, 5302.84],
                     ["嘉兴市", 11160.89, 8.25], ["浙西南", 9235.46, 4488.00], ["温州市", 4618.08, 4487.00],
                     ["金华市", 4617.40, 1.0]])
    table = read_table(data, "17-2.xlsx", YEARBOOK)
    assert table.period == "2015-12"
    assert [row.entity for row in table.rows] == ["杭州市", "宁波市", "嘉兴市", "温州市", "金华市"]


def test_offices_that_handled_nothing_this_month_are_all_kept_though_their_zeros_add_up():
    data = workbook([["2023年9月信件办理情况"], ["承办单位", "承办件数", "办结数"],
                     ["槐荫区", 4, 3], ["市公安局", 0, 0], ["市教育局", 0, 0], ["历城区", 0, 0]])
    table = read_table(data, "信件.xlsx", [IndicatorColumn("承办件数", "件"), IndicatorColumn("办结数", "件")])
    assert [row.entity for row in table.rows] == ["槐荫区", "市公安局", "市教育局", "历城区"]


@settings(max_examples=50, deadline=None)
@given(st.lists(st.lists(st.integers(min_value=1, max_value=9000), min_size=2, max_size=2), min_size=2, max_size=6),
       st.lists(st.lists(st.integers(min_value=1, max_value=9000), min_size=2, max_size=2), min_size=2, max_size=6))
def test_every_region_whose_figures_sum_its_cities_is_left_out_and_every_city_kept(north, south):
    for cities in (north, south):  # no city may itself add up the cities after it in its region: that is ambiguous
        assume(not any(all(cities[first][k] == sum(city[k] for city in cities[first + 1:]) for k in (0, 1))
                       for first in range(len(cities) - 2)))
    names = iter(f"{letter}市" for letter in "甲乙丙丁戊己庚辛壬癸子丑")
    rows = []
    for region, cities in (("浙东北", north), ("浙西南", south)):
        rows.append([region, sum(city[0] for city in cities), sum(city[1] for city in cities)])
        rows += [[next(names), *city] for city in cities]
    data = workbook([["城市", "生产总值（亿元）", "城乡居民储蓄存款年末余额（亿元）"], *rows])
    table = read_table(data, "各市.xlsx", YEARBOOK)
    assert [row.entity for row in table.rows] == [row[0] for row in rows if not row[0].startswith("浙")]


def test_a_livelihood_report_reads_its_own_worded_status_column_for_every_task_it_spans():
    data = workbook([["2023年度省政府民生实事涉我区工作任务一季度进展情况"],
                     ["序号", "工作任务", "责任单位", "一季度目标", "进展情况、存在问题及下一步打算", "目标完成情况"],
                     [1, "新改扩建公办中小学校1所", "教体局", "室内安装", "进展情况:室内装修完成80%。", "顺利推进"],
                     [None, "新增学位810个"],
                     [2, "完成“县中崛起”一对一结对帮扶学校2所", "教体局", "互派人员到位", "进展情况:已互派。", "已完成"]],
                    merges=["A3:A4", "C3:C4", "D3:D4", "E3:E4", "F3:F4"])
    result = read_ledger(data, "一季度.xlsx")
    tasks = [row for row in result.rows if not row.is_group_row]
    assert [(row.number, row.measure, status_synonym(row.status)) for row in tasks] == [
        ("1.1", "新改扩建公办中小学校1所", "in_progress"), ("1.2", "新增学位810个", "in_progress"),
        ("2", "完成“县中崛起”一对一结对帮扶学校2所", "closed")]
    assert any("目标完成情况" in warning and "完成状态" in warning for warning in result.warnings)


def test_a_column_of_mixed_words_and_figures_is_no_status_column():
    data = workbook([["序号", "工作任务", "责任单位", "进展情况", "完成率"],
                     [1, "新建养老床位", "区民政局", "已开工。", "50%"], [2, "新增托位", "区卫健委", "已完成。", "已完成"]])
    rows = read_ledger(data, "进展.xlsx").rows
    assert [row.status for row in rows] == [None, None]


@pytest.mark.parametrize("line", ["洪湖鹏市长主抓重点工作", "吴智勇常务副市长主抓重点工作", "一、县发改局牵头工作（8项）"])
def test_a_line_naming_who_leads_the_work_under_it_is_known_numbered_or_not(line):
    assert names_led_work(line)


@pytest.mark.parametrize("line", ["2023年市政府工作报告重点工作半年度完成情况汇总表", "(截至6月30日)", "单位：亿元"])
def test_a_title_or_a_dateline_names_no_leader(line):
    assert not names_led_work(line)


def test_a_summary_grouped_by_leader_reads_each_groups_line_and_the_units_written_in_each_task():
    data = workbook([["2023年市政府工作报告重点工作半年度完成情况汇总表"], ["洪湖鹏市长主抓重点工作"],
                     ["序号", "目标任务", "推进情况"],
                     [1, "确保新增财力的三分之二以上用于民生。责任单位:市政府办公室、市财政局、各区县政府<南太湖新区、长合区管委会>",
                      "1.已出台实施意见。\n2.民生支出完成年初预算的55.3%"],
                     ["吴智勇常务副市长主抓重点工作"], ["序号", "目标任务", "推进情况"],
                     [2, "地区生产总值增长6%左右。责任单位:市发展改革委、市统计局", "上半年增长6.5%。"]],
                    merges=["A1:C1", "A2:C2", "A5:C5"])
    result = read_ledger(data, "半年度.xlsx")
    assert result.title == "2023年市政府工作报告重点工作半年度完成情况汇总表"
    assert [(row.is_group_row, row.heading if row.is_group_row else row.measure, row.lead_units)
            for row in result.rows] == [
        (True, "洪湖鹏市长主抓重点工作", []),
        (False, "确保新增财力的三分之二以上用于民生。", ["市政府办公室", "市财政局", "各区县政府<南太湖新区、长合区管委会>"]),
        (True, "吴智勇常务副市长主抓重点工作", []),
        (False, "地区生产总值增长6%左右。", ["市发展改革委", "市统计局"])]


def test_a_ledger_with_a_unit_column_keeps_a_bracketed_remark_in_its_task():
    data = workbook([["序号", "项目内容及居民受益面", "牵头单位", "进展情况"],
                     [1, "新增1个共享充电桩示范小区(市级)", "区发展改革委", "正在建设。"]])
    row = read_ledger(data, "8月进展.xlsx").rows[0]
    assert (row.measure, row.lead_units) == ("新增1个共享充电桩示范小区(市级)", ["区发展改革委"])


def test_a_task_naming_no_units_is_kept_whole():
    assert units_in_task("新增1个共享充电桩示范小区(市级)") == ("新增1个共享充电桩示范小区(市级)", [], [], None)


@pytest.mark.parametrize("task", ["乡镇污水处理设施建设（八公山乡污水处理站）", "农村公路提质改造（县交通运输局养护站）"])
def test_a_project_whose_site_is_bracketed_in_its_task_keeps_it_and_names_no_unit(task):
    data = workbook([["序号", "项目名称", "进展情况"], ["一", task, "已完工。"]])
    row = read_ledger(data, "民生实事进展.xlsx").rows[0]
    assert (row.measure, row.lead_units, row.supporting_units) == (task, [], [])


def test_a_bracket_that_says_who_leads_in_a_task_cell_gives_the_units():
    assert units_in_task("推进燃气改造（区建管委牵头，区房管局配合）")[:3] == ("推进燃气改造", ["区建管委"], ["区房管局"])


def test_a_deadline_written_with_the_units_in_a_task_cell_is_the_rows_deadline():
    data = workbook([["序号", "目标任务", "推进情况"],
                     [1, "推进燃气改造。牵头单位：区建管委；配合单位：区房管局；完成时限：2023年底", "已进场施工。"]])
    row = read_ledger(data, "半年度.xlsx").rows[0]
    assert (row.measure, row.lead_units, row.supporting_units, row.deadline) == (
        "推进燃气改造。", ["区建管委"], ["区房管局"], "2023年底")


@pytest.mark.parametrize("brackets", ["<>", "〈〉", "＜＞", "（）"])
def test_a_group_of_areas_with_its_members_in_angle_brackets_is_one_unit(brackets):
    opener, closer = brackets
    text = f"市政府办公室、各区县政府{opener}南太湖新区、长合区管委会{closer}"
    assert split_units(text) == ["市政府办公室", f"各区县政府{opener}南太湖新区、长合区管委会{closer}"]
