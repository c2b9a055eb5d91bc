"""Task tables the table matrix's random draws found misread (issue 13, branch tableflake65).

``tests/unit/test_parser_table_matrix.py`` draws its cases at random in CI; since the time may be spread over period
columns (branch yearcols59), some draws outside its known limits failed now and then. Each story below tells one kind of
those draws in invented words (a county's own table, not the matrix's), and failed on main fdf57b94.
"""
from __future__ import annotations

from tracker.parsing import parse_plan_text


def _rows(text: str) -> list[tuple[tuple[str, ...], list[str], list[str], str | None]]:
    """Every measure's (path, lead, supporting, deadline) of the plan ``text``."""
    return [(tuple(m.path), m.lead_units, m.supporting_units, m.deadline) for m in parse_plan_text(text).measures]


def test_quarters_under_a_time_caption_copied_with_blanks_before_the_unit_column_take_the_captions_place():
    """A county copies its flood-season table from a PDF, cells apart by runs of blanks. 完成时限 spans four quarters and
    the unit column follows it; the copy writes the span's empty cells as one longer run, so the header's first line
    holds as many captions as its second holds quarters. The quarters still sit under 完成时限: each row's time is its
    last quarter, and its unit is the unit column's, never a quarter's milestone."""
    lines = ["县2026年防汛隐患整治进度表",
             "序号   整治内容   完成时限            责任单位",
             "      一季度   二季度   三季度   四季度   ",
             "1   排查山塘水库险情，建立隐患台账。   摸底   整改   复查   销号   县水利局",
             "2   加固城区易涝点排水设施。   设计   招标   施工   验收   县住建局"]
    assert _rows("\n".join(lines)) == [(("1",), ["县水利局"], [], "四季度"), (("2",), ["县住建局"], [], "四季度")]


def test_a_goal_caption_over_months_copied_with_blanks_before_the_unit_column_spans_them_too():
    """The same copy with the goals set month by month under 年度目标: the months are the goal caption's, and each row's
    time is the month of its last milestone."""
    lines = ["序号   整治内容   年度目标            责任单位",
             "      3月   6月   9月   12月",
             "1   清理沟渠淤泥。   启动   过半   基本完成   全部完成   县农业农村局"]
    assert _rows("\n".join(lines)) == [(("1",), ["县农业农村局"], [], "12月")]


def test_a_time_caption_beside_a_caption_of_its_own_keeps_its_place_when_the_periods_are_not_under_it():
    """A project table pasted with pipes: 建设年限 is a time column of its own, and the quarters of the second row are
    the plan's beside it (a caption the vocabulary does not name). The periods are not moved under 建设年限."""
    lines = ["序号 | 项目名称 | 建设年限 | 2026年推进节点 | 责任单位 |||",
             "一季度 | 二季度 | 三季度 | 四季度 | |||",
             "1 | 滨河步道 | 2026 | 设计 | 开工 | 铺装 | 完工 | 县城管局 |||"]
    assert _rows("\n".join(lines)) == [(("1",), ["县城管局"], [], "2026")]


def test_a_piped_row_after_one_ending_with_its_last_year_is_no_broken_cell_when_it_opens_a_new_category():
    """A county pastes its three-year table with pipes and no frame; a 类别 column merged down its rows leaves the later
    rows' first cell empty, so they open with a pipe. A row that fills its last year ends without a pipe, and the next
    category's first row, leaving its last years empty, ends with their pipes: read as the two halves of a row broken
    inside a cell, both rows were lost. Two whole rows make a row wider than the table: each is read in its place."""
    lines = ["类别 | 序号 | 工作内容 | 责任单位 | 配合单位 | 2025年 | 2026年 | 2027年",
             "河道类 | 1 | 清理河道垃圾。 | 县城管局 | 县水务局 | 清淤 |  | ",
             " | 2 | 修复破损护坡。 | 县林业局 | 县财政局 | 勘测 | 施工 | 验收",
             "山林类 | 3 | 补植岸线林带。 | 县林业局 | 县自然资源局 | 育苗 |  | ",
             " | 4 | 建设护林防火通道。 | 县应急局 | 县林业局 | 选线 | 开工 | "]
    assert _rows("\n".join(lines)) == [(("1",), ["县城管局"], ["县水务局"], "2025年"),
                                       (("2",), ["县林业局"], ["县财政局"], "2027年"),
                                       (("3",), ["县林业局"], ["县自然资源局"], "2025年"),
                                       (("4",), ["县应急局"], ["县林业局"], "2026年")]


def test_a_framed_pipe_row_broken_inside_its_last_unit_cell_is_still_joined():
    """The rule above keeps its older half: a framed row whose unit cell wraps ("县" then "水利局 | 9月底前 |") is one
    row, no wider than the table."""
    lines = ["| 序号 | 工作内容 | 责任单位 | 完成时限 |",
             "| 1 | 疏浚城区排涝沟渠。 | 县",
             "水利局 | 9月底前 |",
             "| 2 | 更换老旧排涝泵。 | 县住建局 | 10月底前 |"]
    assert _rows("\n".join(lines)) == [(("1",), ["县水利局"], [], "9月底前"), (("2",), ["县住建局"], [], "10月底前")]


def test_one_a_line_closed_by_pipes_a_unit_cell_over_two_lines_after_year_columns_is_one_cell():
    """A county copies its table one cell a line, each cell closed by " |"; the years stand in the header itself, before
    the unit columns, and a unit cell names one unit a line (a Word cell of two paragraphs), its first line without the
    pipe. The years are captions of the header like the others: the lines before the pipe are the one cell it closes."""
    lines = ["序号 |", "工作内容 |", "2025年 |", "2026年 |", "牵头单位 |", "配合单位 |",
             "1 |", "清理河道垃圾。 |", "清淤 |", "复查 |", "县城管局", "县水务局 |", "县财政局 |",
             "2 |", "修复破损护坡。 |", "勘测 |", "施工 |", "县林业局 |", "县应急局", "县财政局 |"]
    assert _rows("\n".join(lines)) == [(("1",), ["县城管局", "县水务局"], ["县财政局"], "2026年"),
                                       (("2",), ["县林业局"], ["县应急局", "县财政局"], "2026年")]


def test_one_a_line_closed_by_pipes_without_a_number_column_a_task_over_two_lines_before_quarter_columns():
    """The same copy without a 序号 column, the task cell over two lines and the quarters before the units: the task's
    two lines are one cell, and each row reads its unit and its last quarter."""
    lines = ["工作内容 |", "一季度 |", "二季度 |", "三季度 |", "四季度 |", "牵头单位 |", "配合单位 |",
             "清理河道垃圾，", "疏浚淤积河段。 |", "摸底 |", "清淤 |", "复查 |", "验收 |", "县城管局 |", "县水务局 |",
             "修复破损护坡，", "补植岸线绿化。 |", "勘测 |", "设计 |", "施工 |", "验收 |", "县林业局 |", "县财政局 |"]
    assert _rows("\n".join(lines)) == [(("1",), ["县城管局"], ["县水务局"], "四季度"),
                                       (("2",), ["县林业局"], ["县财政局"], "四季度")]
