"""Progress tables whose header names no 序号 and no unit column (branch ledgers31): a city's 民生实事 half-year table,
a county's 政府工作报告 quarter table, a province's list of 民生小项 done. Their header names only two fields, one
task-like and one progress or target column; they are read, and a sheet naming nothing of the kind is refused as
before. Workbooks are built with openpyxl (tests/helpers/xlsx.xlsx_bytes); no app, no database."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.ledger import LedgerRefused, read_ledger
from tests.helpers.xlsx import xlsx_bytes as workbook

TARGETS = ["新建城乡社区养老服务照料中心20个，提升改造农村幸福院50个。",
           "实施城镇老旧小区改造项目30个，惠及居民1.2万户。"]
DONE = ["已建成照料中心16个，改造幸福院42个。", "已开工28个，完工9个。"]


def test_a_city_half_year_table_of_projects_targets_and_progress_reads_each_project():
    # 市民生办 sends 项目 | 年度目标 | 完成情况: no 序号, no unit, the project's name over its year's target.
    data = workbook([["2024年市民生实事项目上半年进展情况"], ["项目", "年度目标", "完成情况"],
                     ["养老服务", TARGETS[0], DONE[0]], ["老旧小区改造", TARGETS[1], DONE[1]]])
    read = read_ledger(data, "民生实事.xlsx")
    assert read.title == "2024年市民生实事项目上半年进展情况"
    assert [(r.measure, r.progress, r.lead_units) for r in read.rows] == [
        (TARGETS[0], DONE[0], []), (TARGETS[1], DONE[1], [])]


def test_a_county_quarter_table_reads_the_newest_filled_quarter_as_progress():
    # 县政府办 sends 工作目标 over 完成情况 with 一季度 | 二季度 | 三季度 under it; the third quarter is not yet filled.
    data = workbook([["政府工作报告目标任务完成情况"], ["工作目标", "完成情况", None, None],
                     [None, "一季度", "二季度", "三季度"],
                     [TARGETS[0], "已选址", DONE[0], None], [TARGETS[1], "已立项", DONE[1], None]],
                    merges=["A2:A3", "B2:D2"])
    read = read_ledger(data, "季度.xlsx")
    assert [(r.measure, r.progress) for r in read.rows] == [(TARGETS[0], DONE[0]), (TARGETS[1], DONE[1])]


def test_a_provinces_list_of_small_items_done_takes_its_long_texts_for_the_tasks():
    # 省民生办 lists 民生小项 | 所属工程 | 完成情况: no caption names the task; the one column of long texts is it.
    data = workbook([["民生小项 完成情况"], ["民生小项", "所属工程", "完成情况"],
                     [TARGETS[0], "养老工程", DONE[0]], [TARGETS[1], "安居工程", DONE[1]]])
    read = read_ledger(data, "小项.xlsx")
    assert [(r.measure, r.progress) for r in read.rows] == [(TARGETS[0], DONE[0]), (TARGETS[1], DONE[1])]
    assert any("A 列（民生小项）" in warning for warning in read.warnings)


def test_a_sheet_of_captions_naming_no_task_and_no_progress_is_still_refused_with_what_to_do():
    data = workbook([["类别", "项目个数", "备注"], ["教育", 3, "无"], ["卫生", 2, "无"]])
    with pytest.raises(LedgerRefused, match="没有找到表头.*请确认上传的是工作台账"):
        read_ledger(data, "类别.xlsx")


_TASK_CAPTIONS = ["工作目标", "年度目标", "目标任务", "实事项目", "项目名称"]
_PROGRESS_CAPTIONS = ["完成情况", "进展情况", "推进情况", "落实情况"]


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(_TASK_CAPTIONS), st.sampled_from(_PROGRESS_CAPTIONS), st.integers(min_value=0, max_value=5),
       st.lists(st.tuples(st.sampled_from(TARGETS), st.sampled_from(DONE)), min_size=1, max_size=5))
def test_a_two_caption_header_under_any_number_of_title_lines_reads_every_row(task, progress, titles, rows):
    data = workbook([[f"标题{index}"] for index in range(titles)] + [[task, progress]] + [list(row) for row in rows])
    read = read_ledger(data, "表.xlsx")
    assert read.header_row == titles + 1
    assert [(r.measure, r.progress) for r in read.rows] == rows


@pytest.mark.parametrize("caption", ["截至6月底进展", "上半年进展", "1至8月份进展情况", "1—9月完成情况", "前三季度进展情况",
                                     "截止9月末进展情况"])
def test_a_progress_column_captioned_with_the_period_it_covers_is_the_progress(caption):
    # 民生办 captions its progress column with the date the report runs to; the table has no 序号 and no unit.
    data = workbook([["民生实事期中成绩单"], ["工作目标", caption], [TARGETS[0], DONE[0]], [TARGETS[1], DONE[1]]])
    assert [(r.measure, r.progress) for r in read_ledger(data, "成绩单.xlsx").rows] == [
        (TARGETS[0], DONE[0]), (TARGETS[1], DONE[1])]


def test_the_newest_filled_period_column_is_each_rows_progress():
    data = workbook([["工作目标", "上半年进展", "截至9月底进展"], [TARGETS[0], "已选址", DONE[0]], [TARGETS[1], DONE[1], None]])
    assert [r.progress for r in read_ledger(data, "进展.xlsx").rows] == [DONE[0], DONE[1]]


def test_a_quarters_target_beside_the_task_is_not_taken_for_the_task():
    # 区政府办: 序号 | 工作任务 | 责任单位 | 一季度目标 | 进展情况 — the quarter's target is no second task column.
    data = workbook([["序号", "工作任务", "责任单位", "一季度目标", "进展情况"],
                     [1, TARGETS[0], "区民政局", "完成选址", DONE[0]]])
    read = read_ledger(data, "季度目标.xlsx")
    assert [(r.measure, r.lead_units, r.progress) for r in read.rows] == [(TARGETS[0], ["区民政局"], DONE[0])]
    assert read.column_map["具体措施"] == "B"


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["截至", "截止", ""]), st.integers(min_value=1, max_value=12), st.sampled_from(["底", "末", "", "份"]),
       st.sampled_from(["进展", "进展情况", "完成情况", "推进情况"]))
def test_any_month_a_progress_caption_runs_to_still_names_the_progress(until, month, end, word):
    caption = f"{until}{month}月{end}{word}"
    data = workbook([["工作目标", caption], [TARGETS[0], DONE[0]]])
    assert [(r.measure, r.progress) for r in read_ledger(data, "月.xlsx").rows] == [(TARGETS[0], DONE[0])]


@pytest.mark.parametrize("caption", ["民生工程项目", "部分项目", "项目名称及内容", "实事项目"])
def test_a_task_column_captioned_with_the_tables_own_subject_reads_its_projects(caption):
    # 民生办 sends "民生工程部分项目进展情况": 序号 | 部分项目 | 责任单位 | 进展情况 — the caption is the table's subject,
    # its cells the projects' short names (too short for the long-text guess).
    data = workbook([["民生工程部分项目进展情况"], ["序号", caption, "责任单位", "进展情况"],
                     [1, "农村危房改造", "县住建局", DONE[0]], [2, "城乡居民养老保险", "县人社局", DONE[1]]])
    read = read_ledger(data, "民生工程.xlsx")
    assert [(r.number, r.measure, r.lead_units, r.progress) for r in read.rows] == [
        ("1", "农村危房改造", ["县住建局"], DONE[0]), ("2", "城乡居民养老保险", ["县人社局"], DONE[1])]
    assert read.column_map["具体措施"] == "B"
