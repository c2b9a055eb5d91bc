"""What other offices' work ledgers showed the reader could not find a header in (branch ledgers50), each told as a
supervisor's story: a district sends its 民生实事 or 重点项目 ledger, the 督查室 imports it. Task columns captioned after
the kind of task (惠民实事项目, 省重点民生实事项目名称, 区民生实事项目数量, 推进缓慢的项目), a task caption merged over
two columns with a 填报单位（盖章） line above the header, a plan's indicator table sent as a ledger (指标名称 | 目标值 |
预计值 | 完成情况), a short list of lagging tasks with their state, and a bare list of projects whose group lines count
the projects under them (一是…的项目3个). Every document here is invented; workbooks are built with openpyxl
(tests/helpers/xlsx.xlsx_bytes); no app, no database."""
from __future__ import annotations

import pytest

from tests.helpers.xlsx import xlsx_bytes as workbook
from tracker.ledger import LedgerRefused, read_ledger
from tracker.vocabulary.captions import match_caption
from tracker.vocabulary.statuses import status_synonym

pytestmark = pytest.mark.unit


def _rows(result) -> list[tuple]:
    return [(row.number, row.is_group_row, row.measure if not row.is_group_row else row.heading, row.lead_units,
             row.progress) for row in result.rows]


@pytest.mark.parametrize("caption", ["惠民实事项目", "省重点民生实事项目名称", "区民生实事项目数量", "推进缓慢的项目",
                                     "重点建设项目名称"])
def test_a_task_column_captioned_after_the_kind_of_task_is_read_as_the_task(caption):
    # A county's 实事办 names its task column after the kind of work it lists; the supervisor imports the rows.
    rows = [["某县2026年民生实事进展情况"], ["序号", caption, "责任单位", "完成情况"],
            [1, "新建幼儿园3所", "县教育局", "已完工2所"], [2, "改造农村公路20公里", "县交通局", "完成15公里"]]
    result = read_ledger(workbook(rows, ["A1:D1"]), "实事.xlsx")
    assert _rows(result) == [("1", False, "新建幼儿园3所", ["县教育局"], "已完工2所"),
                             ("2", False, "改造农村公路20公里", ["县交通局"], "完成15公里")]


@pytest.mark.parametrize("caption", ["已开工项目", "在建项目", "区域项目名称", "项目类别", "项目个数"])
def test_words_before_a_project_that_name_no_kind_of_task_are_no_task_caption(caption):
    # "已开工项目" captions a count in a figures table; "区域项目名称" is two captions glued in a plan's table.
    found = match_caption(caption)
    assert found is None or found[1] != caption


def test_a_task_caption_merged_over_two_columns_under_a_stamp_line_reads_each_row_once():
    # The county writes its 省重点民生实事 table with the project name merged over B:C, a 填报单位（盖章） line between
    # the title and the header; one row splits the name into its label and its words.
    rows = [["某县2026年省重点民生实事项目完成情况表"], ["填报单位（盖章）：县实事办    填报时间：2026年6月30日"],
            ["序号", "省重点民生实事项目名称", None, "责任单位", "完成情况"],
            [1, "精准扶贫：完成易地搬迁200户", None, "县农林水务局", "已完成"],
            [2, "教育提升：", "新建学校1所", "县教育局", "在建"]]
    result = read_ledger(workbook(rows, ["A1:E1", "A2:E2", "B3:C3", "B4:C4"]), "实事.xlsx")
    assert result.unit_name == "县实事办"
    assert _rows(result) == [("1", False, "精准扶贫：完成易地搬迁200户", ["县农林水务局"], "已完成"),
                             ("2", False, "教育提升：新建学校1所", ["县教育局"], "在建")]


def test_a_plans_indicator_table_sent_as_a_ledger_tracks_the_indicator_not_its_target():
    # The 发改局 returns the plan's indicator table: the indicator is what is tracked, its target a figure beside it.
    rows = [["2026年主要指标完成情况"], ["指标名称", "目标值", "预计值", "完成情况"],
            ["地区生产总值增长", "7%", "6.5%", "基本完成"], ["城镇新增就业", "5000人", "5200人", "完成"]]
    result = read_ledger(workbook(rows, ["A1:D1"]), "指标.xlsx")
    assert [(row.measure, row.progress) for row in result.rows] == [("地区生产总值增长", "基本完成"),
                                                                    ("城镇新增就业", "完成")]
    assert any("目标值" in warning for warning in result.warnings)


def test_a_short_list_of_lagging_projects_with_their_state_is_read_with_the_state():
    # The 督查室's list of lagging projects: 序号 | 推进缓慢的项目 | 状态; each state is 进展滞后 (in progress).
    rows = [["推进缓慢项目清单"], ["序号", "推进缓慢的项目", "状态"],
            [1, "老旧小区改造", "推进缓慢"], [2, "农贸市场提升", "进度相对缓慢"], [3, "公厕新建", "滞后"]]
    result = read_ledger(workbook(rows, ["A1:C1"]), "缓慢.xlsx")
    assert [(row.measure, row.status) for row in result.rows] == [
        ("老旧小区改造", "推进缓慢"), ("农贸市场提升", "进度相对缓慢"), ("公厕新建", "滞后")]
    assert {status_synonym(row.status) for row in result.rows} == {"in_progress"}


@pytest.mark.parametrize("numbered", [False, True])
def test_a_bare_list_of_projects_reads_its_counted_group_lines_as_groups(numbered):
    # A 督查 report's list: the projects under the line that counts them, no unit, no progress.
    first, second = "一是已完成或达到时序进度(75%)以上的项目3个", "二是未达到时序进度的项目2个"
    tasks = [first, "城区绿道建设", "社区食堂", "背街小巷整治", second, "停车场建设", "公交站台改造"]
    if numbered:
        body, header, count = [[None, t] if t in (first, second) else [None, t] for t in tasks], ["序号", "项目名称"], 0
        for line in body:
            if line[1] in (first, second):
                count = 0
            else:
                count += 1
                line[0] = count
    else:
        body, header = [[t] for t in tasks], ["民生实事项目"]
    result = read_ledger(workbook([["1-9月民生实事项目进展"], header, *body], []), "清单.xlsx")
    groups = [row.heading for row in result.rows if row.is_group_row]
    assert groups == [first, second]
    under = {row.measure: row.heading for row in result.rows if not row.is_group_row}
    assert under == {"城区绿道建设": first, "社区食堂": first, "背街小巷整治": first,
                     "停车场建设": second, "公交站台改造": second}


def test_an_uncounted_enumerated_task_in_a_bare_list_stays_a_task():
    # "一是…" without a count of the rows under it is a task written with its enumerator, not a group.
    rows = [["某镇2026年为民办实事安排"], ["民生实事项目"], ["一是新建公园1处"], ["二是改造菜市场"]]
    result = read_ledger(workbook(rows, []), "清单.xlsx")
    assert [(row.is_group_row, row.measure) for row in result.rows] == [(False, "一是新建公园1处"),
                                                                         (False, "二是改造菜市场")]


def test_a_sheet_of_one_caption_that_names_no_task_is_still_refused_in_one_sentence():
    rows = [["某单位通讯录"], ["姓名"], ["张三"], ["李四"]]
    with pytest.raises(LedgerRefused) as refused:
        read_ledger(workbook(rows, []), "通讯录.xlsx")
    assert "前 15 行中没有找到表头" in str(refused.value)


def test_a_numbered_table_of_projects_under_a_category_caption_with_money_beside_is_read_one_project_a_row():
    # A 重点项目建设情况通报 numbers its projects under 项目类别, money beside: each row is a task, the money no progress.
    rows = [["2026年重点项目建设情况通报"], ["序号", "项目类别", "计划总投资", "已完成投资"],
            [1, "城北污水处理厂扩建工程", 12000, 8000], [2, "南环路改造工程", 5000, 2500]]
    result = read_ledger(workbook(rows, ["A1:D1"]), "通报.xlsx")
    assert _rows(result) == [("1", False, "城北污水处理厂扩建工程", [], None), ("2", False, "南环路改造工程", [], None)]


@pytest.mark.parametrize("number", ["一", "一、", "（一）"])
def test_a_numbered_group_row_under_the_header_is_a_group_even_when_its_title_reads_like_a_task_caption(number):
    # The 督查室's ledger opens its first group "一 | 省市两级为民办实事" right under "序号 | 项目名称 | 完成状态 | 进展情况":
    # the group's title reads like a kind-of-task caption, but a row that opens with its number is a row, never the
    # header's second line; every task keeps its state and progress.
    rows = [["某区2026年为民办实事项目"], ["序号", "项目名称", "完成状态", "进展情况"],
            [number, "省市两级为民办实事", None, None],
            [5, "提高门诊用药报销比例", "已完成", "已全面落实"], [11, "实施高素质农民培训工程", "推进中", "已培训800人"]]
    result = read_ledger(workbook(rows, ["A1:D1"]), "实事.xlsx")
    assert [(row.is_group_row, row.heading if row.is_group_row else row.measure, row.status, row.progress)
            for row in result.rows] == [
        (True, "省市两级为民办实事", None, None),
        (False, "提高门诊用药报销比例", "已完成", "已全面落实"),
        (False, "实施高素质农民培训工程", "推进中", "已培训800人")]
