"""Task tables whose time is spread over columns, one per period (issue 13, branch yearcols59).

An office often writes a plan's schedule as columns: one per year of a three-year plan (``2025年 | 2026年 | 2027年``),
per quarter (``一季度 | … | 四季度``) or per month, in the header itself or under a caption spanning them (``完成时限``,
``时间节点``, ``进度安排``, or the goals set year by year, ``年度目标``, ``分年度目标``: a header of two rows). Each row writes
its milestone under the periods it works in; its deadline is the period of its last filled cell (GOLD-README
"Deadlines", "yearcols59"). These stories are invented; each tells one way a copy flattens such a table, which main did
not read.
"""
from __future__ import annotations

from tracker.parsing import parse_plan_text


def _rows(text: str) -> list[tuple[tuple[str, ...], list[str], list[str], str | None]]:
    """Every measure's (path, lead, supporting, deadline) of the plan ``text``."""
    return [(tuple(m.path), m.lead_units, m.supporting_units, m.deadline) for m in parse_plan_text(text).measures]


def test_a_piped_second_header_row_of_years_opening_with_empty_cells_is_no_row_broken_over_two_lines():
    """A district pastes its three-year table with pipes; the second header row writes its leading empty cells as pipes
    (the blank before the first one lost) and the first row leaves its last year empty, so its line ends with a pipe.
    The header's row is whole: it is not joined to the first row as the two halves of one broken cell."""
    lines = ["区智慧社区建设三年推进表",
             "序号 | 建设任务 | 牵头单位 | 配合单位 | 完成时限 |  | ",
             " |  |  |  | 2025年 | 2026年 | 2027年",
             "1 | 建成社区综合信息平台。 | 区数据局 | 区民政局 | 完成选型 | 上线运行 | ",
             "2 | 推广居民服务小程序。 | 区民政局 | 区数据局 | 试点 | 扩面 | 全覆盖"]
    assert _rows("\n".join(lines)) == [(("1",), ["区数据局"], ["区民政局"], "2026年"),
                                       (("2",), ["区民政局"], ["区数据局"], "2027年")]


def test_one_a_line_a_time_caption_followed_by_its_years_gives_each_row_the_last_year_it_fills():
    """A county copies its table one cell a line: the time caption "时间节点" stands over three years, so the header's
    lines are the caption and then its years, and each row writes three cells under them. The caption is no column of
    its own: the rows read in place, each due in its last year."""
    lines = ["县体育场馆提升计划", "序号", "提升任务", "牵头单位", "配合单位", "时间节点", "2025年", "2026年", "2027年",
             "1", "改造全民健身中心。", "县文体局", "县财政局", "完成设计", "主体施工", "投入使用",
             "2", "新建社区健身驿站。", "县文体局", "各街道办事处", "选址", "建成10个", "建成20个"]
    assert _rows("\n".join(lines)) == [(("1",), ["县文体局"], ["县财政局"], "2027年"),
                                       (("2",), ["县文体局"], ["各街道办事处"], "2027年")]


def test_one_a_line_the_quarters_written_after_the_first_header_rows_captions_take_their_captions_place():
    """A Word table whose 进度安排 spans four quarters is copied one cell a line: the first header row's captions come
    first (进度安排 among them, before the unit captions), then the second row's quarters. The quarters are the columns
    under 进度安排, where each row writes its quarters' cells before its units."""
    lines = ["序号", "重点工作", "进度安排", "责任单位", "配合单位", "一季度", "二季度", "三季度", "四季度",
             "1", "编制图书馆分馆建设方案。", "拟定初稿", "征求意见", "印发实施", "总结评估", "县文旅局", "县财政局",
             "2", "开展全民阅读推广活动。", "启动", "推进", "推进", "总结", "县文旅局", "县教育局"]
    assert _rows("\n".join(lines)) == [(("1",), ["县文旅局"], ["县财政局"], "四季度"),
                                       (("2",), ["县文旅局"], ["县教育局"], "四季度")]


def test_one_a_line_a_year_before_a_unit_caption_is_a_column_and_the_last_year_no_group_row():
    """A header one caption a line whose years stand before the unit captions ("2027年" then "牵头单位"): the year is a
    column of its own, no piece of a caption wrapped in a narrow cell, and the last year before the first row is no
    group row. Each row reads its units and its last year."""
    lines = ["序号", "工作任务", "2025年", "2026年", "2027年", "牵头单位", "配合单位",
             "1", "建设政务服务自助终端网络。", "布设50台", "布设80台", "布设100台", "市政务服务中心", "市数据局",
             "2", "推行电子证照亮证应用。", "20类", "40类", "60类", "市数据局", "市公安局"]
    assert _rows("\n".join(lines)) == [(("1",), ["市政务服务中心"], ["市数据局"], "2027年"),
                                       (("2",), ["市数据局"], ["市公安局"], "2027年")]


def test_a_goal_caption_spanning_years_gives_each_row_the_last_year_it_sets_a_goal_for():
    """A city's three-year plan sets its goals year by year: "分年度目标" spans "2025年 | 2026年 | 2027年" in a header of
    two rows copied with tabs, and a row that sets goals for the first two years only leaves the third empty. Like a
    time caption over its periods, each row is due in the last year it sets a goal for."""
    lines = ["序号\t主要任务\t分年度目标\t\t\t牵头单位\t配合单位",
             "\t\t2025年\t2026年\t2027年\t\t",
             "1\t建设城市书房。\t新建5家\t新建5家\t新建5家\t市文旅局\t各区政府",
             "2\t完成公共文化设施普查。\t完成普查\t建立台账\t\t市文旅局\t市统计局"]
    assert _rows("\n".join(lines)) == [(("1",), ["市文旅局"], ["各区政府"], "2027年"),
                                       (("2",), ["市文旅局"], ["市统计局"], "2026年")]


def test_one_a_line_closed_by_pipes_a_header_of_two_rows_places_each_rows_empty_period_cells():
    """A page copies a Word table one cell a line, each cell closed by a pipe and each empty cell a lone pipe, its header
    of two rows included: 完成时限 spans three years. The header's lone pipes are its merged cells; the rows' lone pipes
    the years a task leaves empty, so each row is due in its last filled year."""
    cells = ["序号", "整治任务", "完成时限", "", "", "牵头单位", "配合单位",
             "", "", "2025年", "2026年", "2027年", "", "",
             "1", "清理背街小巷乱堆乱放。", "完成", "", "", "区城管局", "各街道办事处",
             "2", "规范沿街店招店牌。", "试点", "推开", "巩固", "区城管局", "区市场监管局"]
    text = "\n".join(f"{cell} |" if cell else "|" for cell in cells)
    assert _rows(text) == [(("1",), ["区城管局"], ["各街道办事处"], "2025年"),
                           (("2",), ["区城管局"], ["区市场监管局"], "2027年")]


def test_cells_apart_by_blanks_a_second_header_row_of_two_halves_under_the_time_caption():
    """A table copied from a PDF with its cells apart by runs of blanks: 时间安排 spans the two halves of the year, whose
    second header row holds two cells only. It is the header's second row, not a line after the table."""
    lines = ["序号   重点任务   牵头单位   配合单位   时间安排",
             "上半年   下半年",
             "1   完善社区养育托育服务点。   区卫健委   区妇联   完成布点   投入运营",
             "2   开展家庭教育指导服务。   区妇联   区教育局   制定方案   全面开展"]
    assert _rows("\n".join(lines)) == [(("1",), ["区卫健委"], ["区妇联"], "下半年"),
                                       (("2",), ["区妇联"], ["区教育局"], "下半年")]


def test_one_a_line_the_headers_years_run_together_on_one_line_are_one_column_each():
    """A copy one cell a line writes the header's captions one a line but its years run together on one line
    ("2025年 2026年 2027年", the cells of a narrow row joined by the copy). Each year is a column; the rows, one cell a
    line, read in place."""
    lines = ["序号", "建设任务", "牵头单位", "配合单位", "2025年 2026年 2027年",
             "1", "建设区级数据共享平台。", "区数据局", "区财政局", "立项", "建设", "验收",
             "2", "推进公共数据开放。", "区数据局", "区政务服务中心", "100项", "200项", "300项"]
    assert _rows("\n".join(lines)) == [(("1",), ["区数据局"], ["区财政局"], "2027年"),
                                       (("2",), ["区数据局"], ["区政务服务中心"], "2027年")]


def test_a_piped_row_under_a_merged_cell_before_a_group_row_is_no_row_broken_over_the_group_row():
    """A piped copy of a table whose 类别 is merged down its rows: a group's last row opens with the pipe of its empty
    类别 cell and fills every year, so its line does not end with a pipe; the next group's first row leaves its last
    year empty, so its line does. The group row between them is no piece of a broken cell: both rows stay whole."""
    lines = ["类别 | 序号 | 建设任务 | 牵头单位 | 配合单位 | 完成时限 |  | ",
             " |  |  |  |  | 2025年 | 2026年 | 2027年",
             "一、设施建设",
             "场馆类 | 1 | 改造体育中心看台。 | 市体育局 | 市住建局 | 设计 | 施工 | 验收",
             " | 2 | 新建城市绿道驿站。 | 市体育局 | 市城管局 | 选址 | 建设 | 运营",
             "二、赛事活动",
             "赛事类 | 3 | 举办城市马拉松。 | 市体育局 | 市公安局 | 筹备 | 举办 | ",
             " | 4 | 组织社区运动会。 | 市体育局 | 各区政府 | 试点 |  | "]
    assert _rows("\n".join(lines)) == [
        (("一",), [], [], None), (("一", "1"), ["市体育局"], ["市住建局"], "2027年"),
        (("一", "2"), ["市体育局"], ["市城管局"], "2027年"), (("二",), [], [], None),
        (("二", "3"), ["市体育局"], ["市公安局"], "2026年"), (("二", "4"), ["市体育局"], ["各区政府"], "2025年")]
