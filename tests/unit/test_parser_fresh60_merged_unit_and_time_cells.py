"""A task list copied one cell a line whose unit or time cell is merged over several rows (branch fresh60; GOLD-README
"fresh60").

A 重点任务清单 (``任务类型 | 序号 | 工作任务 | 推进单位``) or a 任务分解表 (``序号 | 工作任务 | 责任单位 | 完成时限``) merges a
cell over the rows it holds for: the type of task, the unit that pushes a run of tasks, the date a run of tasks is due by.
Copied one cell a line, such a cell is written once, on the first row it spans, so a row's lines are sometimes ``序号 /
任务`` and sometimes ``序号 / 任务 / 单位``; a type line stands before the first row of its group, and group rows spanning
the table (``行动一：…``) stand between rows. Each row must read the units and time of the cell it lies under, never a
group row's text nor the next type line. Every story is invented (no document's wording)."""
from __future__ import annotations

from tracker.parsing import parse_plan_text


def _rows(lines: list[str]) -> list[tuple[tuple[str, ...], list[str], list[str], str | None]]:
    """Every measure's (path, lead units, supporting units, deadline) of the plan written as ``lines``."""
    return [(tuple(m.path), m.lead_units, m.supporting_units, m.deadline)
            for m in parse_plan_text("\n".join(lines)).measures]


def test_a_unit_cell_written_once_for_a_run_of_rows_leads_every_row_it_spans():
    """A town's renewal office pastes its task list one cell a line. The 推进单位 of rows 1–2 is one merged cell, written
    on row 1 only; a new type (公共空间) stands before row 4; rows 4–5 share one unit cell. Every row reads the units of
    the cell it lies under, the type line is no unit and no task, and the numbering runs on through the types."""
    lines = ["某镇城市更新重点任务清单",
             "任务类型", "序号", "工作任务", "推进单位",
             "旧区改造", "1", "完成老旧小区改造30个。", "镇建设办、镇财政所",
             "2", "改造背街小巷20条。",
             "3", "新增停车泊位500个。", "镇派出所",
             "公共空间", "4", "建设口袋公园10个。", "镇园林站",
             "5", "建成绿道20公里。"]
    assert _rows(lines) == [(("1",), ["镇建设办", "镇财政所"], [], None), (("2",), ["镇建设办", "镇财政所"], [], None),
                            (("3",), ["镇派出所"], [], None), (("4",), ["镇园林站"], [], None),
                            (("5",), ["镇园林站"], [], None)]


def test_group_rows_spanning_the_list_stand_between_rows_and_end_a_merged_unit_cell():
    """The same kind of list with action groups merged across the table (``行动一：…``, no 序号): a type line may stand
    right after a group row, a group row may follow a row that wrote no unit line, and the rows go on numbering 1, 2, 3
    through the groups. A merged unit cell never crosses a group row: the first row under it writes its own."""
    lines = ["任务类型", "序号", "工作任务", "推进单位",
             "行动一：提升居住品质行动",
             "住房保障", "1", "筹集保障性租赁住房800套。", "县住建局",
             "2", "完成棚户区改造200户。",
             "行动二：完善公共服务行动",
             "养老服务", "3", "新建社区食堂5处。", "县民政局",
             "4", "新增养老床位100张。",
             "教育服务", "5", "新建幼儿园2所。", "县教育局"]
    assert _rows(lines) == [(("行动一",), [], [], None), (("行动一", "1"), ["县住建局"], [], None),
                            (("行动一", "2"), ["县住建局"], [], None), (("行动二",), [], [], None),
                            (("行动二", "3"), ["县民政局"], [], None), (("行动二", "4"), ["县民政局"], [], None),
                            (("行动二", "5"), ["县教育局"], [], None)]


def test_a_time_cell_written_once_for_a_run_of_rows_is_every_rows_deadline():
    """A county's safety campaign breaks its work down one cell a line: each row writes its 责任单位, and the 完成时限 of
    rows 1–2 is one merged cell written on row 1. Row 2 is due by the same date; row 3 writes its own."""
    lines = ["序号", "工作任务", "责任单位", "完成时限",
             "1", "全面排查隐患企业。", "县应急局", "2021年8月13日前",
             "2", "建立问题整改清单。", "县应急局",
             "3", "完成整改销号。", "县安委办", "2021年10月底前"]
    assert _rows(lines) == [(("1",), ["县应急局"], [], "2021年8月13日前"),
                            (("2",), ["县应急局"], [], "2021年8月13日前"),
                            (("3",), ["县安委办"], [], "2021年10月底前")]


def test_units_and_time_both_merged_over_a_run_of_rows():
    """A district's list merges both the 责任单位 and the 完成时限 over rows 2–4: rows 3 and 4 write their 序号 and task
    only and read row 2's unit and time; row 5 writes its own."""
    lines = ["序号", "工作任务", "责任单位", "完成时限",
             "1", "制定实施方案。", "区发展改革局", "2022年3月底前",
             "2", "摸清存量底数。", "区住建局", "2022年6月底前",
             "3", "建立项目库。",
             "4", "开展示范创建。",
             "5", "总结推广经验。", "区发展改革局", "2022年12月底前"]
    assert _rows(lines) == [(("1",), ["区发展改革局"], [], "2022年3月底前"),
                            (("2",), ["区住建局"], [], "2022年6月底前"),
                            (("3",), ["区住建局"], [], "2022年6月底前"),
                            (("4",), ["区住建局"], [], "2022年6月底前"),
                            (("5",), ["区发展改革局"], [], "2022年12月底前")]


def test_a_list_whose_every_row_writes_its_cells_reads_as_before():
    """A guard (passing on main too): a list one cell a line whose rows all write their unit and time reads each row's
    own cells; nothing is carried."""
    lines = ["序号", "工作任务", "责任单位", "完成时限",
             "1", "制定实施方案。", "区发展改革局", "2022年3月底前",
             "2", "摸清存量底数。", "区住建局", "2022年6月底前"]
    assert _rows(lines) == [(("1",), ["区发展改革局"], [], "2022年3月底前"),
                            (("2",), ["区住建局"], [], "2022年6月底前")]


def test_action_groups_typed_in_traditional_characters_are_group_rows():
    """A list typed through a converter writes its action groups ``行動一：…``: they are the groups of the rows under
    them, as ``行动一：…`` is, and a merged unit cell still leads the rows it spans."""
    lines = ["任務類型", "序號", "工作任務", "推進單位",
             "行動一：提升居住品質行動",
             "住房保障", "1", "籌集保障性租賃住房800套。", "縣住建局",
             "2", "完成棚戶區改造200戶。",
             "行動二：完善公共服務行動",
             "養老服務", "3", "新建社區食堂5處。", "縣民政局"]
    assert _rows(lines) == [(("行動一",), [], [], None), (("行動一", "1"), ["縣住建局"], [], None),
                            (("行動一", "2"), ["縣住建局"], [], None), (("行動二",), [], [], None),
                            (("行動二", "3"), ["縣民政局"], [], None)]


def test_goal_rows_of_a_target_table_end_a_merged_unit_cell_and_never_become_its_units():
    """A county's 目标责任分解表 one cell a line: goal rows merged across the table, written ``一、产业发展目标`` or as a
    bare numeral and its title (``二`` / ``民生保障目标``), stand between task rows whose 责任单位 and 完成时限 are merged
    over two rows. A goal row right after a row that wrote only its 序号 and task is a goal row, not that row's unit; each
    task row reads the cells it lies under."""
    lines = ["某县2025年目标责任分解表", "序号", "工作任务", "责任单位", "完成时限",
             "一", "产业发展目标",
             "1", "规模以上工业增加值增长8%。", "县工信局", "2025年12月底前",
             "2", "新增规上企业10家。",
             "二", "民生保障目标",
             "3", "新增城镇就业2000人。", "县人社局", "2025年11月底前",
             "4", "城镇登记失业率控制在3.5%以内。"]
    assert _rows(lines) == [(("一",), [], [], None), (("一", "1"), ["县工信局"], [], "2025年12月底前"),
                            (("一", "2"), ["县工信局"], [], "2025年12月底前"), (("二",), [], [], None),
                            (("二", "3"), ["县人社局"], [], "2025年11月底前"),
                            (("二", "4"), ["县人社局"], [], "2025年11月底前")]


def test_a_group_row_without_number_after_a_short_row_titles_the_next_row_and_a_unit_line_never_does():
    """A list's groups are written as short titles without 序号 (``完善公共服务``) between rows. After a row that wrote only
    its 序号 and task, such a title opens the next group: the rows under it read their own units, not the row above's;
    a line naming units there (``县发改局、县科技局配合落实``, a unit cell the vocabulary does not read whole) stays the
    row's cell and is never a title, so that list is read as before, no cell carried."""
    lines = ["序号", "工作任务", "责任单位",
             "1", "提升居住品质。", "县住建局",
             "2", "完成棚户区改造。",
             "完善公共服务",
             "3", "新建社区食堂。", "县民政局",
             "4", "新增养老床位。"]
    assert _rows(lines) == [(("1",), ["县住建局"], [], None), (("2",), ["县住建局"], [], None),
                            (("3",), ["县民政局"], [], None), (("4",), ["县民政局"], [], None)]
    assert parse_plan_text("\n".join(lines)).measures[2].text.startswith("完善公共服务")
    guarded = ["序号", "工作任务", "责任单位",
               "1", "建设人才创新综合体。", "县科技局",
               "2", "建设青年人才中心。", "县发改局、县科技局配合落实",
               "3", "打造战略平台。", "县发改局"]
    assert [m.path for m in parse_plan_text("\n".join(guarded)).measures] == [["1"], ["2"], ["3"]]
    assert parse_plan_text("\n".join(guarded)).measures[2].lead_units == ["县发改局"]
