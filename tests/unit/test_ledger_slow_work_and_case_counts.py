"""What the second held-out part of the ledger corpus showed offices send (branch ledgers33), each as the office's
story: a 督查室 table of letters or cases by the body that handles them (承办单位, 部门, 县（市、区）), a 发改委 table of
projects by kind or level (项目类别, 层级), and the status words of slow or well-done work a 督查 or 民生实事 report
writes (进度偏慢, 推进缓慢, 超过倒排工期计划进度, 已完成或超额完成, 任务完成较好), in simplified or traditional
characters. Workbooks are built with openpyxl (tests/helpers/xlsx.xlsx_bytes); no app, no database."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.xlsx import xlsx_bytes as workbook
from tracker.indicators import IndicatorColumn, read_table
from tracker.indicators.workbook import is_entity_caption
from tracker.ledger import LedgerRefused, read_ledger
from tracker.vocabulary.han import simplified
from tracker.vocabulary.statuses import status_synonym

pytestmark = pytest.mark.unit

LETTERS = [IndicatorColumn("承办件数", "件"), IndicatorColumn("办结数", "件")]


@pytest.mark.parametrize("text", ["进度偏慢", "进展偏慢", "进度较慢", "进度相对缓慢", "推进缓慢", "工作推进缓慢",
                                  "超过倒排工期计划进度", "工作推进中", "进度較慢", "工作推進緩慢", "進度相對緩慢"])
def test_a_supervisors_words_for_slow_work_keep_the_task_open(text):
    assert status_synonym(text) == "in_progress"


@pytest.mark.parametrize("text", ["已完成或超额完成", "任务完成较好", "任務完成較好", "已完成或超額完成"])
def test_a_supervisors_words_for_work_done_well_close_the_task(text):
    assert status_synonym(text) == "closed"


def test_a_list_of_slow_projects_with_only_a_status_column_reads_every_project_as_open():
    data = workbook([["附件1"], ["慢序时项目"], ["序号", "项目名称", "责任单位", "状态"],
                     [1, "老旧小区改造", "区住建局", "进度相对缓慢"], [2, "职业技能提升工程", "区人社局", "进展偏慢"],
                     [3, "扶残助残工程", "区残联", "推进缓慢"]])
    rows = read_ledger(data, "慢序时项目.xlsx").rows
    assert [(row.measure, row.lead_units, status_synonym(row.status)) for row in rows] == [
        ("老旧小区改造", ["区住建局"], "in_progress"), ("职业技能提升工程", ["区人社局"], "in_progress"),
        ("扶残助残工程", ["区残联"], "in_progress")]


_SUBJECTS = ["进度", "进展", "推进", "工作推进", "建设进度", "项目进度"]
_SLOWNESS = ["偏慢", "较慢", "缓慢", "相对缓慢", "相对较慢", "比较缓慢"]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(_SUBJECTS), st.sampled_from(_SLOWNESS), st.sampled_from(["", "。", "（见附件）"]))
def test_slow_work_however_it_is_worded_or_written_is_open(subject, slowness, tail):
    text = f"{subject}{slowness}{tail}"
    traditional = text.translate(str.maketrans("进较缓对项目", "進較緩對項目"))
    assert status_synonym(text) == status_synonym(traditional) == "in_progress"


@pytest.mark.parametrize("caption", ["承办单位", "单位名称", "责任单位", "县区", "县（市、区）", "地区", "部门",
                                     "承办部门", "项目类别", "层级", "承辦單位"])
def test_the_column_naming_who_or_what_the_figures_belong_to_is_known_by_its_office_caption(caption):
    assert is_entity_caption(caption)


def test_a_mayors_mailbox_table_by_handling_body_reads_its_counts_and_leaves_the_rate_out():
    data = workbook([["2024年第二季度各承办单位信件办理情况统计表"], ["单位：件"],
                     ["序号", "承办单位", "承办件数", "办结数", "办结率"],
                     [1, "城区人民政府", 96, 91, "94.8%"], [2, "市教育局", 28, 27, "96.4%"], [None, "合计", 124, 118, None]])
    table = read_table(data, "信件办理.xlsx", LETTERS)
    assert table.period == "2024-06"  # a quarter names its last month
    assert [(row.entity, row.values) for row in table.rows] == [
        ("城区人民政府", {"承办件数": 96.0, "办结数": 91.0}), ("市教育局", {"承办件数": 28.0, "办结数": 27.0})]


def test_a_table_of_projects_by_level_in_traditional_characters_converts_money_and_skips_its_total():
    data = workbook([["2021年1-12月重點工程項目完成投資"], ["單位：億元"],
                     ["層級", "項目個數", "完成投資（億元）"], ["合計", 30, 12.5], ["省級", 3, 6.0], ["縣級", 27, 6.5]])
    table = read_table(data, "重點工程.xlsx", [IndicatorColumn("项目个数", "个"), IndicatorColumn("完成投资", "万元")])
    assert table.period == "2021-12"
    assert [(row.entity, row.values) for row in table.rows] == [
        ("省級", {"项目个数": 3.0, "完成投资": 60000.0}), ("縣級", {"项目个数": 27.0, "完成投资": 65000.0})]


def test_a_table_whose_entity_column_is_not_recognised_is_refused_saying_which_captions_to_use():
    data = workbook([["经办人", "承办件数", "办结数"], ["张三", 3, 2]])
    with pytest.raises(LedgerRefused) as refused:
        read_table(data, "信件.xlsx", LETTERS)
    message = str(refused.value)
    assert all(word in message for word in ("机构名称", "承办单位", "县（市、区）", "项目类别", "承办件数", "办结数"))


_NAMES = st.lists(st.sampled_from(["市公安局", "市教育局", "历城区", "市中区", "洋县人民政府", "市城市管理局"]),
                  min_size=1, max_size=6, unique=True)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["承办单位", "责任单位", "部门", "单位名称", "县（市、区）", "县区", "地区"]), _NAMES,
       st.lists(st.integers(min_value=0, max_value=5000), min_size=6, max_size=6))
def test_every_handling_body_keeps_its_own_count_whatever_its_column_is_called(caption, names, counts):
    data = workbook([["2023年9月信件办理情况"], [caption, "承办件数", "办结数"],
                     *[[name, count, count // 2] for name, count in zip(names, counts)]])
    table = read_table(data, "信件.xlsx", LETTERS)
    assert table.period == "2023-09"
    assert [(row.entity, row.values) for row in table.rows] == [
        (name, {"承办件数": float(count), "办结数": float(count // 2)}) for name, count in zip(names, counts)]
    assert simplified(caption) == caption


def test_a_peoples_congress_inspection_of_single_pieces_of_work_reads_their_completion_states():
    data = workbook([["市政府十件实事单项工作完成情况"], ["序号", "单项工作", "完成状态"],
                     [1, "新建农村公办幼儿园", "已完成或超额完成"], [2, "城区老旧小区改造", "超过倒排工期计划进度"]])
    rows = read_ledger(data, "十件实事.xlsx").rows
    assert [(row.measure, status_synonym(row.status)) for row in rows] == [
        ("新建农村公办幼儿园", "closed"), ("城区老旧小区改造", "in_progress")]


def test_a_supervisors_verdict_column_is_each_items_status():
    data = workbook([["序号", "督办事项", "责任单位", "完成时限", "督查结果"],
                     [1, "完成城区主干道改造", "市住建局", "6月底", "任务完成较好"],
                     [2, "启动老旧小区改造", "市房管局", "6月底", "工作推进缓慢"]])
    rows = read_ledger(data, "督查.xlsx").rows
    assert [(row.lead_units, row.deadline, status_synonym(row.status)) for row in rows] == [
        (["市住建局"], "6月底", "closed"), (["市房管局"], "6月底", "in_progress")]


def test_a_rectification_notice_under_its_publicity_lines_reads_its_progress():
    data = workbook([["关于生态环境保护督察反馈问题整改情况的公示"], ["根据要求，现将整改情况公示如下："],
                     ["序号", "整改任务", "整改时限", "整改进展情况"],
                     ["十", "加强饮用水水源地保护，完成一级保护区内违法建筑清理。", "2019年底", "已完成整改。"]])
    rows = read_ledger(data, "公示.xlsx").rows
    assert [(row.number, row.deadline, row.progress) for row in rows] == [("十", "2019年底", "已完成整改。")]


def test_a_csv_of_slow_projects_saved_with_a_byte_order_mark_reads_its_header_under_the_attachment_line():
    data = "附件1\n推进缓慢的项目\n序号,项目名称,责任单位,状态\n1,城区公办幼儿园建设,市教育局,推进缓慢\n".encode("utf-8-sig")
    rows = read_ledger(data, "推进缓慢.csv").rows
    assert [(row.measure, row.lead_units, status_synonym(row.status)) for row in rows] == [
        ("城区公办幼儿园建设", ["市教育局"], "in_progress")]
