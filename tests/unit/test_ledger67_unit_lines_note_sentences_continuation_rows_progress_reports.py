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


def test_a_responsible_cell_that_runs_on_into_a_note_names_only_the_units_before_the_sentence():
    # The 市政府办公室 sends its 任务清单 with 牵头单位 and 责任单位 side by side, group rows 一、 / (一) with blank unit
    # cells. Task 1's 责任单位 names two collectives, then a sentence for the rows below it. The 责任单位 beside 牵头单位
    # supports; the sentence is a note, no unit; "市直有关部门、单位" is one collective, not a body called 单位.
    rows = [["某市2025年重点任务清单"], ["序号", "工作任务", "牵头单位", "责任单位", "完成情况"],
            ["一、", "持续优化营商环境", "", "", ""],
            ["(一)", "深化审批制度改革", "", "", ""],
            ["1.", "推行企业开办一网通办", "市行政审批局",
             "市直有关部门、单位,各区市政府。以下任务均需各区市政府落实,不再列出", ""],
            ["2.", "压减工程建设项目审批时限", "市住建局", "市自然资源局、市生态环境局", ""]]
    result = read_ledger(workbook(rows, ["A1:E1"]), "任务清单.xlsx")
    tasks = [(row.path, row.lead_units, row.supporting_units) for row in result.rows if not row.is_group_row]
    assert tasks == [(["一", "(一)", "1"], ["市行政审批局"], ["市直有关部门、单位", "各区市政府"]),
                     (["一", "(一)", "2"], ["市住建局"], ["市自然资源局", "市生态环境局"])]
    assert [row.path for row in result.rows if row.is_group_row] == [["一"], ["一", "(一)"]]


@pytest.mark.parametrize("cell, names", [
    ("市直有关部门、单位,各区市政府。以下任务均需各区市政府落实,不再列出", ["市直有关部门、单位", "各区市政府"]),
    ("县发改局、县财政局。上述单位按季度报送进展", ["县发改局", "县财政局"]),
    # one unit a line, the list's remark on the last line of its own
    ("县发改局\n县财政局\n（按职责分工负责）", ["县发改局", "县财政局"]),
])
def test_the_one_unit_splitter_stops_at_the_note_or_remark_after_a_list(cell, names):
    # (a cell of one unit a line, "经开区\n高新园(某镇)\n各街道", already splits at its line breaks on 150c475c)
    from tracker.vocabulary.units import split_units

    assert split_units(cell) == names


def test_an_item_running_over_several_rows_of_a_breakdown_is_one_task_with_every_rows_units():
    # The 县政府办 sends its 分解表: item 1 has its 序号 and 项目名称 on its first row only; the next two rows leave both
    # blank and give their own content, leader and units. The supervisor expects two tasks, not four, and item 1 led by
    # every lead its rows name, supported by every other unit (one per line in a cell included).
    rows = [["某县2025年重点项目责任分解表"],
            ["序号", "项目名称", "主要内容", "分管领导", "牵头单位", "配合单位"],
            ["1", "城区供水提质工程", "新建水厂一座", "张某某", "县水利局", "县财政局"],
            ["", "", "改造老旧管网20公里", "李某某", "县住建局", "县自然资源局\n城关镇"],
            ["", "", "完成二次供水改造", "李某某", "县住建局", "县水务集团"],
            ["2", "农村公路提升工程", "改造农村公路30公里", "王某某", "县交通运输局", "各乡镇"]]
    result = read_ledger(workbook(rows, ["A1:F1"]), "分解表.xlsx")
    assert [(row.number, row.heading, row.lead_units, row.supporting_units) for row in result.rows] == [
        ("1", "城区供水提质工程", ["县水利局", "县住建局"], ["县财政局", "县自然资源局", "城关镇", "县水务集团"]),
        ("2", "农村公路提升工程", ["县交通运输局"], ["各乡镇"])]
    assert result.rows[0].measure == "新建水厂一座\n改造老旧管网20公里\n完成二次供水改造"
    assert not result.issues


def test_a_two_row_project_report_with_the_lead_before_the_task_reads_each_sub_project_under_its_section():
    # The 区重点办 sends its monthly report: 牵头单位 comes before the task, 项目名称 is merged over two columns, 本月进展情况
    # over 前期手续 | 在建形象进度. A section row `一 | 区城建局 | 2 | 道路工程` names the lead of its sub-projects, which
    # are written `1.文化中心北路` in the column after the name, each with its 业主单位 (the owner, no responsible unit:
    # GOLD-README held-out 130). The last sub-project fills only the second name column and a progress part.
    rows = [["某区2025年重点项目推进情况表"],
            ["序号", "牵头单位", "项目数量", "项目名称", "", "业主单位", "本月进展情况", ""],
            ["", "", "", "", "", "", "前期手续", "在建形象进度"],
            ["一", "区城建局", "2", "道路工程", "", "", "", ""],
            ["", "", "", "", "1.文化中心北路", "区城投公司", "已取得施工许可", "路基完成60%"],
            ["", "", "", "", "2.滨河东路", "区交投公司", "规划许可办理中", ""],
            ["二", "区教育局", "1", "学校工程", "", "", "", ""],
            ["", "", "", "", "1.城南小学", "区教投公司", "", "主体封顶"]]
    merges = ["A1:H1", "A2:A3", "B2:B3", "C2:C3", "D2:E3", "F2:F3", "G2:H2"]
    result = read_ledger(workbook(rows, merges), "重点项目.xlsx")
    assert [(row.path, row.is_group_row, row.heading if row.is_group_row else row.measure, row.lead_units)
            for row in result.rows] == [
        (["一"], True, "道路工程", []),
        (["一", "1"], False, "文化中心北路", ["区城建局"]),
        (["一", "2"], False, "滨河东路", ["区城建局"]),
        (["二"], True, "学校工程", []),
        (["二", "1"], False, "城南小学", ["区教育局"])]
    assert [row.progress for row in result.rows if not row.is_group_row] == [
        "前期手续：已取得施工许可\n在建形象进度：路基完成60%", "规划许可办理中", "主体封顶"]
    assert all(not row.supporting_units for row in result.rows)


def test_a_progress_report_by_kind_with_problems_and_remarks_reads_its_report_columns():
    # The same report as another county sends it: 进展情况, 存在问题 and 备注 after the money. Three captions name fields
    # (序号, 进展情况, 存在问题), none the task; the kinds are still the tasks, each with its progress and problems.
    rows = [["某县2025年1-6月重点项目进展情况"],
            ["序号", "类别", "计划总投资", "年度计划投资", "已完成投资", "进展情况", "存在问题", "备注"],
            ["1", "社会事业类", 18.2, 6, 3.9, "两所学校主体封顶", "征地滞后", ""],
            ["2", "生态环保类", 9.6, 3, 2.2, "污水管网完成八成", "", "跨年项目"]]
    result = read_ledger(workbook(rows, ["A1:H1"]), "进展情况.xlsx")
    assert [(row.number, row.measure, row.progress, row.problems) for row in result.rows] == [
        ("1", "社会事业类", "两所学校主体封顶", "征地滞后"), ("2", "生态环保类", "污水管网完成八成", None)]
