"""Task tables of the two layouts tables31 left (issue 13, branch tables32).

1. A Word table copied as text one cell per line, each row's first cell written without a pipe and every cell after it
   opened by ``| ``, a lone ``|`` closing the row: a city's 目标任务 table grouped by the unit that leads (``牵头单位`` /
   ``| 工 作 任 务`` / ``| 责 任 单 位`` / ``|``), its lead cell wrapped over lines in its narrow column (``市发`` / ``展改`` /
   ``革委``) and merged over its group's rows, so that the rows after the first open with their task. Every row is a
   measure led by the group's whole name, its 责任单位 the supporting units; the header may also stand on one line
   with spaced captions (``牵头单位   目 标 任 务   责 任 单 位``).
2. A 主要任务落实表 (``序号 | 主要任务 | 牵头单位 | 责任单位 | 完成时限``) whose 责任单位 cell names a dozen units and runs over
   five lines of the copy (``市机关事务管理局、市财政局、市发展改革委、`` / ``市住房城乡建设局、…``): every name keeps its role,
   and the deadline and the rows after it are still read.

The wording is invented, after the tables of city offices."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text

TITLE = ["青禾市2023年重点工作目标任务分解表", ""]

# (the lead's pieces as the narrow column wraps them, the group's rows: (task, supporting units))
GROUPS = [(["市发", "展改", "革委"], [("编制年度重大项目计划，组织项目集中开工。", ["市财政局"]),
                                   ("做好项目储备工作", ["市财政局", "市自然资源局"])]),
          (["市教", "育局"], [("新建改扩建中小学校10所。", ["市住建局", "各区县人民政府"])]),
          (["市卫", "生健", "康委"], [("建成社区医院5家。", ["市医保局"]),
                                   ("完成老年人健康体检。", ["各区县人民政府"]),
                                   ("推进医共体建设。", ["市财政局", "市人力资源社会保障局"])])]


def read(lines: list[str]):
    document = parse_plan_text("\n".join(TITLE + lines))
    return [(m.path, m.lead_units, m.supporting_units, m.deadline) for m in document.measures]


def unpiped_first_rows(groups) -> list[str]:
    """The rows of ``groups`` as a Word table's text copy writes them: the first cell without its pipe, the others
    opened by theirs, a lone pipe closing each row; the lead written on its group's first row only."""
    lines = []
    for pieces, group in groups:
        for at, (task, units) in enumerate(group):
            lines += (pieces if at == 0 else []) + ([f"| {task}"] if at == 0 else [task]) + [f"| {'、'.join(units)}", "|"]
    return lines


def expected(groups):
    rows = [("".join(pieces), units) for pieces, group in groups for _, units in group]
    return [([str(n)], [lead], units, None) for n, (lead, units) in enumerate(rows, 1)]


def test_a_lead_merged_over_its_group_in_a_copy_with_unpiped_first_cells_leads_every_row_of_its_group():
    header = ["牵头单位", "| 工 作 任 务", "| 责 任 单 位", "|"]

    assert read(header + unpiped_first_rows(GROUPS)) == expected(GROUPS)


def test_the_last_row_without_its_closing_pipe_keeps_its_units_and_the_text_after_the_table_is_read_as_before():
    lines = ["牵头单位", "| 工 作 任 务", "| 责 任 单 位", "|"] + unpiped_first_rows(GROUPS)[:-1]
    lines += ["", "二、保障措施", "（一）加强组织领导。各区县要明确专人负责。"]

    measures = read(lines)

    assert [m[:3] for m in measures[-2:]] == [(["二"], [], []), (["二", "（一）"], [], [])]
    assert measures[-3][1:3] == (["市卫生健康委"], ["市财政局", "市人力资源社会保障局"])
    assert len(measures) == len(expected(GROUPS)) + 2


def test_the_same_rows_under_a_header_on_one_line_with_spaced_captions_read_the_same():
    assert read(["牵头单位   目 标 任 务   责 任 单 位"] + unpiped_first_rows(GROUPS)) == expected(GROUPS)


def test_an_empty_cell_written_as_a_lone_pipe_before_the_next_cell_keeps_the_cells_after_it_in_their_columns():
    lines = ["序号", "| 主要任务", "| 牵头单位", "| 责任单位", "| 完成时限", "|",
             "1", "| 开展节能宣传周活动。", "| 市机关事务管理局", "|", "| 2023年6月底前", "|",
             "2", "| 推进垃圾分类。", "| 市城管局", "| 市商务局", "| 2023年12月底前", "|"]

    assert read(lines) == [(["1"], ["市机关事务管理局"], [], "2023年6月底前"),
                           (["2"], ["市城管局"], ["市商务局"], "2023年12月底前")]


DOZEN = ["市机关事务管理局", "市财政局", "市发展改革委", "市住房城乡建设局", "市教育局", "市卫生健康委", "市生态环境局",
         "市自然资源局", "市交通运输局", "市文化广电旅游局", "市体育局", "市国资委", "市市场监管局"]
ROW_TWO = ("2", "开展绿色出行宣传。", "市交通运输局", "市公安局、市总工会", "2023年6月底前")


def wrapped(units: list[str], per_line: int) -> list[str]:
    """``units`` written with 、 as a cell's text copy wraps them, ``per_line`` names a line, each line but the last
    ending on its 、."""
    lines = ["、".join(units[at:at + per_line]) for at in range(0, len(units), per_line)]
    return [line + "、" for line in lines[:-1]] + lines[-1:]


def long_unit_table(layout: str, units: list[str], per_line: int) -> list[str]:
    """A 主要任务落实表 of two rows whose first 责任单位 cell is ``units`` wrapped ``per_line`` names a line, copied in
    ``layout``: "unpiped" (each row's first cell without its pipe), "opened" (every cell opened by its pipe) or
    "lines" (a line of pipes after each cell)."""
    rows = [["序号", "主要任务", "牵头单位", "责任单位", "完成时限"],
            ["1", "推进公共机构节能改造，实施一批示范项目。", "市机关事务管理局", wrapped(units, per_line), "2023年12月底前"],
            list(ROW_TWO)]
    lines = []
    for row in rows:
        for at, cell in enumerate(row):
            cell_lines = cell if isinstance(cell, list) else [cell]
            if layout == "lines":
                lines += cell_lines + ["|"]
            else:
                opened = layout == "opened" or at > 0
                lines += [("| " if opened else "") + cell_lines[0]] + cell_lines[1:]
        if layout != "lines":
            lines.append("|")
    return lines


def expected_long(units: list[str]):
    return [(["1"], ["市机关事务管理局"], [unit for unit in units if unit != "市机关事务管理局"], "2023年12月底前"),
            (["2"], ["市交通运输局"], ["市公安局", "市总工会"], "2023年6月底前")]


def test_a_dozen_units_over_five_lines_of_a_copied_cell_each_keep_their_role_and_the_rows_after_them_are_read():
    for layout in ("unpiped", "opened", "lines"):
        assert read(long_unit_table(layout, DOZEN, 3)) == expected_long(DOZEN), layout


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=5, max_value=len(DOZEN)), st.integers(min_value=1, max_value=3),
       st.sampled_from(["unpiped", "opened", "lines"]))
def test_a_unit_cell_wrapped_over_any_number_of_lines_ending_on_its_list_mark_is_one_cell(count, per_line, layout):
    units = DOZEN[:count]

    assert read(long_unit_table(layout, units, per_line)) == expected_long(units)
