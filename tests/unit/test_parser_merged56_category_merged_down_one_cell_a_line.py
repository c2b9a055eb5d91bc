"""A task table copied one cell a line whose category before the 序号 is merged down its group's rows (issue 13, branch
merged56; docs/benchmarks.md "Category merged down one cell a line").

A page copies a Word table one cell a line: a cell merged down several rows (a 类别 before the 序号, a 分项 just after
it) is written once, on its group's first row, and the rows after it open with their 序号 with fewer lines than the
header has columns. Each row must still read its own 序号 and its units in their columns, never the next row's cells
nor the scoring departments'. Every story is invented (no document's wording)."""
from __future__ import annotations

from tracker.parsing import parse_plan_text


def _rows(lines: list[str]) -> list[tuple[tuple[str, ...], list[str], list[str], str | None]]:
    """Every measure's (path, lead units, supporting units, deadline) of the plan written as ``lines``."""
    return [(tuple(m.path), m.lead_units, m.supporting_units, m.deadline)
            for m in parse_plan_text("\n".join(lines)).measures]


def test_a_category_written_once_before_its_groups_first_number_leaves_each_later_row_in_its_columns():
    """A county's fitness assessment list is pasted from a page one cell a line. Its 类别 is merged down each group and
    written once, before the group's first 序号; its 分项 is merged down two rows; the first row's 责任单位 lists two
    units one a line, so that row has a line more than the header. Every row reads its own units, and a new group's
    类别 written after the last row's 评价部门 opens the next row, not a cell of the one before."""
    lines = ["某县2026年全民健身工作考核清单",
             "类别", "序号", "分项", "工作内容", "计量单位", "年度目标", "责任单位", "评价部门",
             "场地设施", "1", "健身场地建设", "新建口袋公园", "个", "3", "县体育局", "县自然资源局", "市体育局",
             "2", "更新健身器材", "套", "20", "县体育局", "市体育局",
             "3", "赛事活动", "举办县级联赛", "场", "全年统筹", "县教育局", "市体育局",
             "全民参与", "4", "科学健身", "开展健身指导", "次", "12", "县卫生健康局", "县体育局", "市体育局",
             "5", "培训社会体育指导员", "人", "50", "县体育局", "市体育局"]
    assert _rows(lines) == [(("1",), ["县体育局", "县自然资源局"], [], None), (("2",), ["县体育局"], [], None),
                            (("3",), ["县教育局"], [], None), (("4",), ["县卫生健康局", "县体育局"], [], None),
                            (("5",), ["县体育局"], [], None)]


def test_a_category_caption_above_the_number_is_the_columns_when_a_category_opens_the_first_row():
    """A city's culture work table is copied one cell a line under group rows: "类别" stands above "序号" and each group's
    first row opens with its 类别 before its 序号, the later rows with their 序号 alone. The 类别 is the column's caption,
    not the table's title, and each row reads its lead, supporting units and time in place."""
    lines = ["类别", "序号", "重点任务", "牵头单位", "配合单位", "完成时限",
             "一、文化惠民", "公共服务", "1", "延长图书馆夜间开放时间。", "市文化馆", "市财政局", "6月底前",
             "2", "开展送戏下乡演出。", "市文旅局", "市财政局", "9月底前",
             "二、遗产保护", "文物保护", "3", "修缮历史建筑群。", "市文物局", "市自然资源局", "12月底前"]
    assert _rows(lines) == [(("一",), [], [], None), (("一", "1"), ["市文化馆"], ["市财政局"], "6月底前"),
                            (("一", "2"), ["市文旅局"], ["市财政局"], "9月底前"), (("二",), [], [], None),
                            (("二", "3"), ["市文物局"], ["市自然资源局"], "12月底前")]


def test_a_table_whose_rows_open_with_their_number_right_after_the_header_reads_as_before():
    """A library's table one cell a line with no category column, its rows opening with their 序号 at once, is no such
    table: the rule leaves it to the readers as before, and its rows read in order (a guard, passing on main too)."""
    lines = ["序号", "重点任务", "牵头单位", "完成时限",
             "1", "举办全市读书节。", "市图书馆", "4月底前",
             "2", "建设城市书房五处。", "市文旅局", "10月底前"]
    assert _rows(lines) == [(("1",), ["市图书馆"], [], "4月底前"), (("2",), ["市文旅局"], [], "10月底前")]


def test_a_row_after_an_empty_category_that_lost_an_empty_cell_keeps_its_number_in_the_number_column():
    """A city pastes its culture table with tabs: the 类别 is merged down, so a later row lost its leading tab, and its
    empty 协办单位 (both roles written in the 牵头单位 cell) lost its tab too. Placed by content, the row's 序号 stays in the
    序号 column (not the empty 类别 put back before it), and the row reads both roles and its time."""
    lines = ["类别\t序号\t重点任务\t责任领导\t牵头单位\t协办单位\t时间节点",
             "文化惠民\t1\t延长图书馆夜间开放时间。\t王某某\t牵头：市文化馆；配合：市财政局\t\t长期坚持",
             "2\t开展送戏下乡演出。\t李某某\t牵头：市文旅局；配合：市财政局、市教育局\t长期坚持"]
    assert _rows(lines) == [(("1",), ["市文化馆"], ["市财政局"], "长期坚持"),
                            (("2",), ["市文旅局"], ["市财政局", "市教育局"], "长期坚持")]
