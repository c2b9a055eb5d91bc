"""What the fresh ledgers of stop 36 (ledger corpus 062–064) showed offices send, each as the office's story: a
项目进度表 whose month report is kept in two parts under one merged caption (本月进展情况 over 前期手续 | 在建形象进度),
a 註 line under a table in traditional characters, and a 整改台账 that writes both the problem a review fed back and
the 整改措施 answering it (no corpus file: no stored page of such a table was found). Workbooks are built with openpyxl
(tests/helpers/xlsx.xlsx_bytes); no app, no database."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl.utils import get_column_letter

from tests.helpers.budget import cpu_seconds_under
from tests.helpers.xlsx import MAIN, raw_xlsx
from tests.helpers.xlsx import xlsx_bytes as workbook
from tracker.ledger import read_ledger
from tracker.vocabulary.captions import is_part_column

pytestmark = pytest.mark.unit


def _project_report(first_part: str, second_part: str, rows: list[list]) -> bytes:
    """A 发改局's 项目进度表: 序号, 项目名称, 进度评价 and 存在问题 merged down two rows, 本月进展情况 merged across its
    two parts."""
    return workbook([["2024年5月重点项目进度表"], ["序号", "项目名称", "本月进展情况", None, "进度评价", "存在问题"],
                     [None, None, first_part, second_part, None, None], *rows],
                    merges=["A1:F1", "A2:A3", "B2:B3", "C2:D2", "E2:E3", "F2:F3"])


def test_a_project_report_in_two_parts_reads_the_filled_part_as_the_progress_and_both_when_both_are_filled():
    data = _project_report("前期手续", "在建形象进度", [
        [1, "城北污水处理厂", "已取得用地批复", None, None, None],
        [2, "市体育中心", None, "主体结构封顶", "进度偏慢", "汛期停工"],
        [3, "滨江绿道", "环评已公示", "完成清表", None, None]])
    rows = read_ledger(data, "重点项目进度表.xlsx").rows
    assert [(row.number, row.measure, row.progress, row.status) for row in rows] == [
        ("1", "城北污水处理厂", "已取得用地批复", None),
        ("2", "市体育中心", "主体结构封顶", "进度偏慢"),
        ("3", "滨江绿道", "前期手续：环评已公示\n在建形象进度：完成清表", None)]


def test_the_sub_captions_under_a_merged_caption_are_no_task_whatever_their_words():
    data = _project_report("前期工作", "形象進度", [[1, "區檔案管理中心工程", "正在進行可行性研究報告編制", None, None, None]])
    rows = read_ledger(data, "進度表.xlsx").rows
    assert [(row.measure, row.progress) for row in rows] == [("區檔案管理中心工程", "正在進行可行性研究報告編制")]


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["前期手续", "前期工作", "要素保障", "审批进度"]),
       st.sampled_from(["在建形象进度", "形象进度", "建设进度", "工程进度"]),
       st.text(alphabet="已完成开工审批封顶主体设计招标", min_size=1, max_size=12))
def test_whatever_the_two_parts_are_called_a_row_with_one_part_filled_reads_it_as_written(first, second, text):
    data = _project_report(first, second, [[1, "某项目", None, text, None, None]])
    rows = read_ledger(data, "进度表.xlsx").rows
    assert [(row.measure, row.progress) for row in rows] == [("某项目", text)]


def test_months_side_by_side_are_periods_not_parts_of_one_report():
    assert is_part_column(("进展情况", "进展情况"), "本月进展情况/在建形象进度", "本月进展情况/前期手续")
    assert not is_part_column(("进展情况", "进展情况"), "进展情况/2月", "进展情况/1月")
    assert not is_part_column(("进展情况", "进展情况"), "2月进展", "1月进展")  # no group caption over them


def test_a_note_under_a_table_in_traditional_characters_is_no_group_row():
    data = workbook([["2011年1-10月區重點項目建設進展情況表"], ["序號", "項目名稱", "進展情況", "進度評價"],
                     [1, "人民南市政連廊二期工程", "正在開展施工圖設計及概算編制", None],
                     ["註：本表據各建設單位報送情況匯總。"]], merges=["A4:D4"])
    rows = read_ledger(data, "進展表.xlsx").rows
    assert [(row.number, row.measure) for row in rows] == [("1", "人民南市政連廊二期工程")]


@pytest.mark.parametrize("order", ["problem first", "measure first"])
def test_a_rectification_ledger_tracks_its_measures_under_the_problems_they_answer(order):
    header = ["序号", "巡察反馈问题", "整改措施", "责任单位", "整改时限", "整改情况", "整改状态"]
    rows = [[1, "三重一大制度执行不严格", "修订议事规则", "局办公室", "2023年6月底前", "已修订印发", "已整改"],
            [2, "项目资金拨付滞后", "建立拨付台账", "计财科", "立行立改，长期坚持", "正在推进", "整改中"]]
    if order == "measure first":
        header[1:3] = header[2:0:-1]
        for row in rows:
            row[1:3] = row[2:0:-1]
    result = read_ledger(workbook([["巡察反馈问题整改台账"], header, *rows]), "整改台账.xlsx")
    assert [(row.heading, row.measure, row.lead_units, row.deadline, row.progress, row.status) for row in result.rows] == [
        ("三重一大制度执行不严格", "修订议事规则", ["局办公室"], "2023年6月底前", "已修订印发", "已整改"),
        ("项目资金拨付滞后", "建立拨付台账", ["计财科"], "立行立改，长期坚持", "正在推进", "整改中")]
    assert any("整改台账" in warning and "整改措施" in warning for warning in result.warnings)


def test_a_rectification_ledger_without_measures_still_tracks_its_problems():
    rows = read_ledger(workbook([["审计反馈问题整改台账"], ["序号", "审计反馈问题", "整改情况", "整改状态"],
                                 [1, "专项资金未按时拨付", "已拨付到位", "已整改"]]), "整改.xlsx").rows
    assert [(row.measure, row.progress, row.status) for row in rows] == [("专项资金未按时拨付", "已拨付到位", "已整改")]


def _wide_project_report(parts: int) -> bytes:
    """A 项目进度表 as a hostile tool writes it (sheet XML by hand, as openpyxl takes seconds to merge this many ranges):
    本月进展情况 merged across each of ``parts`` pairs of sub-captions, 序号 and 项目名称 merged down."""
    def cell(column: int, row: int, text: str) -> str:
        return f'<c r="{get_column_letter(column)}{row}" t="inlineStr"><is><t>{text}</t></is></c>'
    head = cell(1, 1, "序号") + cell(2, 1, "项目名称") + "".join(cell(3 + 2 * n, 1, "本月进展情况") for n in range(parts))
    sub = "".join(cell(3 + 2 * n, 2, "前期手续") + cell(4 + 2 * n, 2, "形象进度") for n in range(parts))
    row = cell(1, 3, "1") + cell(2, 3, "城北污水处理厂") + cell(3, 3, "已取得用地批复")
    merges = ['<mergeCell ref="A1:A2"/>', '<mergeCell ref="B1:B2"/>'] + [
        f'<mergeCell ref="{get_column_letter(3 + 2 * n)}1:{get_column_letter(4 + 2 * n)}1"/>' for n in range(parts)]
    last = get_column_letter(2 + 2 * parts)
    return raw_xlsx(f'<worksheet xmlns="{MAIN}"><dimension ref="A1:{last}3"/><sheetData><row r="1">{head}</row>'
                    f'<row r="2">{sub}</row><row r="3">{row}</row></sheetData>'
                    f'<mergeCells count="{len(merges)}">{"".join(merges)}</mergeCells></worksheet>')


def test_a_header_of_thousands_of_merged_captions_is_known_in_time_proportional_to_its_columns():
    # 8,000 merged captions over 16,000 sub-captions: each sub-caption is looked for under the merges in one walk, not
    # against every merge (ledgers36's rule asked columns × merges: the read took 3.5 CPU s, now 0.8)
    data = _wide_project_report(8000)
    with cpu_seconds_under(2):
        rows = read_ledger(data, "进度表.xlsx").rows
    assert [(row.measure, row.progress) for row in rows] == [("城北污水处理厂", "已取得用地批复")]
