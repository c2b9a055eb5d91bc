"""The ledgers and indicator tables offices really send (branch ledgers30b), each kind as the office's story: a 督办
ledger of what a 常务会议 decided, a 政府工作报告's quantified targets in traditional characters, a 民生实事 table whose
task column is captioned in the office's own words, status words measured against the year's schedule, a 序号 merged
over an item's targets, and a supervising office's table by province with a units row and a date cell. Workbooks are
built with openpyxl (tests/helpers/xlsx.xlsx_bytes) as the offices' tools write them; no app, no database."""
from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.indicators import IndicatorColumn, read_table
from tracker.indicators.workbook import is_entity_caption, period_from_cells
from tracker.ledger import LedgerRefused, read_ledger
from tracker.vocabulary.captions import match_caption
from tracker.vocabulary.statuses import status_synonym
from tests.helpers.xlsx import xlsx_bytes as workbook

LONG = ["新建城乡社区养老服务照料中心20个，提升改造农村幸福院50个。",
        "实施城镇老旧小区改造项目30个，惠及居民1.2万户。",
        "开展职业技能培训11300人次，新增技能人才2900人。"]


@pytest.mark.parametrize("caption", ["议定事项", "确定事项", "会议议定事项内容", "督办事项", "量化指标任务",
                                     "目标任务", "工作目标", "民生实事项目", "工程名称", "项目名称", "项目", "主要指标"])
def test_a_ledger_whose_task_column_is_captioned_in_its_own_kind_of_words_reads_its_tasks(caption):
    # 县政府督查室 sends the 常务会议 items, the 民生办 its projects, the 政府办 its quantified targets: each captions
    # the task column in the words of its kind of ledger.
    data = workbook([["常务会议议定事项落实情况"], ["序号", caption, "牵头单位", "落实状态"],
                     [1, LONG[0], "县民政局", "已落实"], [2, LONG[1], "县住建局", "正在落实"]])
    rows = read_ledger(data, "督办.xlsx").rows
    assert [(r.number, r.measure, r.lead_units, r.status) for r in rows] == [
        ("1", LONG[0], ["县民政局"], "已落实"), ("2", LONG[1], ["县住建局"], "正在落实")]


def test_a_ledger_naming_no_task_caption_takes_its_one_column_of_long_texts_and_says_so():
    data = workbook([["民生实事进展"], ["序号", "内容说明", "牵头领导", "责任单位", "进展"],
                     [1, LONG[0], "张三", "市民政局", "已建成15个"], [2, LONG[1], "李四", "市住建局", "已开工28个"]])
    read = read_ledger(data, "实事.xlsx")
    assert [(r.measure, r.lead_units, r.progress) for r in read.rows] == [
        (LONG[0], ["市民政局"], "已建成15个"), (LONG[1], ["市住建局"], "已开工28个")]
    assert any("B 列（内容说明）" in warning and "具体措施" in warning for warning in read.warnings)


def test_a_ledger_with_two_columns_of_long_texts_and_no_task_caption_is_refused_with_what_to_do():
    data = workbook([["序号", "说明一", "说明二", "责任单位", "进展情况"],
                     [1, LONG[0], LONG[2], "市民政局", "已建成"], [2, LONG[1], LONG[2], "市住建局", "已开工"]])
    with pytest.raises(LedgerRefused, match="请在导入时指定"):
        read_ledger(data, "两列.xlsx")


_WORDS = ["新建", "实施", "完成", "推进", "改造", "提升", "社区学校", "医院", "道路", "农村公路"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.lists(st.sampled_from(_WORDS), min_size=5, max_size=12),
                          st.sampled_from(["100公里", "20个", "1.2万户"])), min_size=2, max_size=6))
def test_a_column_of_long_texts_is_taken_for_the_tasks_whatever_they_say(drawn):
    # a target's words and its quantity; the tasks may open like progress ("完成农村公路大中修70公里"): the column is
    # still the tasks' while no more than half of them do
    texts = [("新建" if index % 2 == 0 else "") + "".join(words) + amount
             for index, (words, amount) in enumerate(drawn)]
    data = workbook([["序号", "事项", "责任单位", "进展情况"]]
                    + [[index, text, "市民政局", "推进中"] for index, text in enumerate(texts, start=1)])
    assert [row.measure for row in read_ledger(data, "x.xlsx").rows] == texts


def test_a_state_councils_quantified_targets_in_traditional_characters_read_with_their_departments():
    # 国务院 量化指标任务 tables copied from a site in traditional characters: 負責單位 leads, as 负责部门 does.
    data = workbook([["政府工作報告量化指標任務落實情況"], ["序號", "量化指標", "負責單位", "完成情況"],
                     [1, LONG[2], "人力資源社會保障部", "已完成"]])
    row, = read_ledger(data, "量化.xlsx").rows
    assert (row.measure, row.lead_units, row.progress) == (LONG[2], ["人力資源社會保障部"], "已完成")


def test_a_source_line_under_a_copied_table_is_no_task():
    data = workbook([["序號", "量化指標任務", "完成情況"], [1, "城鎮新增就業1100萬人以上", "實際全年城鎮新增就業1361萬人"],
                     ["來源：央視新聞客戶端"], ["资料来源：国家统计局"]])
    read = read_ledger(data, "成績單.xlsx")
    assert [(r.number, r.measure) for r in read.rows] == [("1", "城鎮新增就業1100萬人以上")]
    assert sum("不是任务" in warning for warning in read.warnings) == 2


@pytest.mark.parametrize("caption", ["负责部门", "负责单位", "负责处室"])
def test_a_department_that_carries_the_work_out_leads_alone_and_supports_beside_a_lead_column(caption):
    alone = workbook([["序号", "目标任务", caption], [1, LONG[0], "民政部"]])
    beside = workbook([["序号", "目标任务", "牵头单位", caption], [1, LONG[0], "发展改革委", "民政部"]])
    assert [(r.lead_units, r.supporting_units) for r in read_ledger(alone, "a.xlsx").rows] == [(["民政部"], [])]
    assert [(r.lead_units, r.supporting_units) for r in read_ledger(beside, "b.xlsx").rows] == [
        (["发展改革委"], ["民政部"])]


@pytest.mark.parametrize("caption", ["落实状态", "办理状态", "进度状态", "状态"])
def test_a_supervising_offices_status_column_is_read_whatever_it_is_called(caption):
    assert match_caption(caption) == ("完成状态", caption)


@pytest.mark.parametrize("text, code", [("达到序时进度", "in_progress"), ("未达到序时进度", "in_progress"),
                                        ("未达到目标任务进度", "in_progress"), ("正在办理", "in_progress"),
                                        ("正在落实", "in_progress"), ("滞后", "in_progress"),
                                        ("已完成全年目标任务", "closed"), ("已落实", "closed"),
                                        ("提前完成年度任务", "closed"), ("未完成全年目标任务", "in_progress")])
def test_status_words_of_reports_on_the_years_targets_say_whether_the_task_is_open(text, code):
    assert status_synonym(text) == code


def test_a_progress_caption_naming_its_months_and_the_newest_filled_quarter_give_the_rows_progress():
    data = workbook([["序号", "民生实事项目", "牵头部门", "完成情况", None, None],
                     [None, None, None, "一季度", "二季度", "三季度"],
                     [1, LONG[0], "市民政局", "开工", "建成10个", None],
                     [2, LONG[1], "市住建局", "开工", "开工", "完成"]],
                    merges=["A1:A2", "B1:B2", "C1:C2", "D1:F1"])
    assert [r.progress for r in read_ledger(data, "季度.xlsx").rows] == ["建成10个", "完成"]
    months = workbook([["序号", "工作目标", "1至8月份进展情况"], [1, LONG[0], "已建成15个"]])
    assert [r.progress for r in read_ledger(months, "月.xlsx").rows] == ["已建成15个"]


def test_a_number_merged_over_an_items_targets_makes_the_item_a_group_and_its_targets_numbered_under_it():
    # 嵊州-like 民生实事 table: "1 | 浙有善育" merged over three targets of the province's list.
    data = workbook([["序号", "项目", "省工作目标", "牵头单位", "1-9月进展情况"],
                     [1, "浙有善育", "新增3个乡镇（街道）建有托育机构", "卫生健康局", "已全部完成。"],
                     [None, None, "新增托位525个", "卫生健康局", "已全部完成。"],
                     [None, None, "新增普惠托位315个", "卫生健康局", "已全部完成。"],
                     [2, "浙派工匠", "开展职业技能培训11300人次", "人力社保局", "已全部完成。"]],
                    merges=["A2:A4", "B2:B4"])
    rows = read_ledger(data, "实事.xlsx").rows
    assert [(r.number, r.is_group_row, r.heading if r.is_group_row else r.measure) for r in rows] == [
        ("1", True, "浙有善育"), ("1.1", False, "新增3个乡镇（街道）建有托育机构"), ("1.2", False, "新增托位525个"),
        ("1.3", False, "新增普惠托位315个"), ("2", False, "开展职业技能培训11300人次")]


def test_section_rows_restart_the_numbering_and_rows_without_a_number_stay_in_their_section():
    data = workbook([["序号", "议定事项", "牵头单位", "配合单位", "落实状态"],
                     ["一、已落实事项"], [1, LONG[0], "县民政局", "县财政局", "已落实"],
                     ["二、正在落实事项"], [1, LONG[1], "县住建局", None, "正在落实"],
                     [None, LONG[2], "县人社局", None, "正在落实"]],
                    merges=["A2:E2", "A4:E4"])
    rows = read_ledger(data, "督办.xlsx").rows
    assert [(r.number, r.is_group_row) for r in rows] == [("一", True), ("1", False), ("二", True), ("1", False),
                                                         (None, False)]
    assert [status_synonym(r.status) for r in rows if not r.is_group_row] == ["closed", "in_progress", "in_progress"]


@pytest.mark.parametrize("caption", ["地区", "省份", "省市", "地区名称", "区县", "省（区、市）", "县（市、区）", "地區"])
def test_a_table_by_area_names_its_area_column_in_several_ways(caption):
    assert is_entity_caption(caption)


def test_a_central_banks_table_by_province_with_a_units_row_and_a_date_cell_reads_its_figures():
    data = workbook([["小额贷款公司分地区情况统计表"], [datetime.datetime(2019, 12, 31)],
                     ["地区名称", "机构数量", "从业人员数", "贷款余额"], [None, "（家）", "（人）", "（亿元）"],
                     ["全国", 7551, 90839, 9108.8], ["山东省", 316, 3800, 500.5]])
    table = read_table(data, "小贷.xlsx", [IndicatorColumn("机构数量", "家"), IndicatorColumn("贷款余额", "万元")])
    assert table.period == "2019-12"
    assert [(row.entity, row.values) for row in table.rows] == [("山东省", {"机构数量": 316.0, "贷款余额": 5005000.0})]


def test_deposits_written_in_trillions_or_traditional_ten_thousands_are_registered_in_the_offices_unit():
    trillions = workbook([["截至2024年3月末", "单位：万亿元"], ["排名", "省份", "存款余额", "同比增长"],
                          [1, "浙江", 23.5, None]])
    table = read_table(trillions, "存款.xlsx", [IndicatorColumn("存款余额", "亿元")])
    assert (table.period, [(r.entity, r.values) for r in table.rows]) == ("2024-03", [("浙江", {"存款余额": 235000.0})])
    traditional = workbook([["2010年1-12月原保險保費收入"], ["單位：萬元"], ["地區", "原保險保費收入"], ["雲南", 2500000]])
    table = read_table(traditional, "保費.xlsx", [IndicatorColumn("原保险保费收入", "亿元")])
    assert [(r.entity, r.values) for r in table.rows] == [("雲南", {"原保险保费收入": 250.0})]


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2099, 12, 31)))
def test_a_date_above_the_header_names_the_month_of_the_figures_however_it_is_written(day):
    month = f"{day.year}-{day.month:02d}"
    assert period_from_cells([datetime.datetime(day.year, day.month, day.day)]) == month
    assert period_from_cells([day.isoformat()]) == month
    assert period_from_cells([f"截至{day.year}年{day.month}月末"]) == month
    assert period_from_cells(["单位：亿元"]) is None
