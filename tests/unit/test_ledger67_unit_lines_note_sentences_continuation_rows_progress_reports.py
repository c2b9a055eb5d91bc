"""What branch ledger67 found in the ledgers offices send: a 进展情况表 of projects by kind with no unit column (refused
as headerless), a bare list of projects with a 备注 column grouped by counted status sentences (refused), a unit cell
running on into a sentence for the rows below it (the sentence read as units), and a 分解表 whose item runs over several
rows (each continuation row read as a task of its own). Workbooks are built with openpyxl (tests/helpers/xlsx); no app,
no database."""
from __future__ import annotations

import pytest

from tests.helpers.xlsx import xlsx_bytes as workbook
from tracker.ledger import read_ledger

pytestmark = pytest.mark.unit


def _tasks(result):
    return [(row.number, row.measure, row.progress) for row in result.rows if not row.is_group_row]


def test_a_progress_report_by_kind_without_any_unit_column_is_read_not_refused():
    # The 发改局 sends its monthly report: a title, a header of money and one column of progress, a 注 line under it.
    # No column names a unit. The supervisor expects each kind read as a task with its progress, no units.
    rows = [["某县2025年重点项目建设进展情况表"],
            ["序号", "项目类别", "计划总投资", "年度计划投资", "已完成投资", "占年度计划", "项目进展情况"],
            ["1", "产业类项目", 96.5, 30, 21.4, "71.3%", "12个项目开工，3个项目投产"],
            ["2", "城建类项目", 42, 15, 6.2, "41.3%", "滨河路主体完工，管网铺设中"],
            ["注：金额单位为亿元。"]]
    result = read_ledger(workbook(rows, ["A1:G1"]), "进展情况表.xlsx")
    assert _tasks(result) == [("1", "产业类项目", "12个项目开工，3个项目投产"),
                              ("2", "城建类项目", "滨河路主体完工，管网铺设中")]
    assert all(not row.lead_units and not row.supporting_units for row in result.rows)
    assert any("项目进展情况" in warning and "进展导入" in warning for warning in result.warnings)


def test_a_list_of_projects_with_a_remark_column_is_grouped_by_its_counted_sentences():
    # The 督查室 sends its 民生实事 review as a CSV: `项目名称,备注`, then a counted sentence per group and one project a
    # line under it. Each sentence is a group row (its words whole, no number); each line a task of the group above.
    text = ("项目名称,备注\n"
            "一是已完成或达到时序进度以上的项目3个,\n新建城东公园,\n改造老旧小区12个,\n新增普惠托位200个,\n"
            "二是有一定进度的实事项目2个,\n建设雨污分流管网,已开工\n新建农贸市场,\n").encode("utf-8")
    result = read_ledger(text, "实事项目清单.csv")
    groups = [row.heading for row in result.rows if row.is_group_row]
    assert groups == ["一是已完成或达到时序进度以上的项目3个", "二是有一定进度的实事项目2个"]
    assert [(row.heading, row.measure) for row in result.rows if not row.is_group_row] == [
        (groups[0], "新建城东公园"), (groups[0], "改造老旧小区12个"), (groups[0], "新增普惠托位200个"),
        (groups[1], "建设雨污分流管网"), (groups[1], "新建农贸市场")]
    assert all(row.number is None and not row.lead_units for row in result.rows)
