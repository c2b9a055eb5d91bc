"""Kinds of writing the parser still lost or misread at stop 38 (issue 13, branch kinds47).

1. A year inside the task cell of a table with no time column (`…,分两年拨付,2025年安排300万元`) is the year of a
   figure, not the row's deadline; a year opening the cell or aimed at (`到2025年`) and `年内` or `9月底前` still are.
2. A table cut by single blanks whose last row, at the end of the stored copy, stops inside its unit's name (`…  住房城乡`)
   is no measure, and the reader says so; a table whose rows leave the unit cell empty keeps its last row.
Wording invented (GOLD-README "kinds47")."""
from __future__ import annotations

from tracker.parsing import parse_plan_text
from tracker.parsing.deadlines import year_of_a_figure


def _read(text: str) -> dict[tuple[str, ...], tuple]:
    """Each measure's (lead units, supporting units, deadline as written) by path, of a pasted text."""
    return {tuple(m.path): (m.lead_units, m.supporting_units, m.deadline) for m in parse_plan_text(text).measures}


# ---- kind 1: the year of a figure inside a task cell ---------------------------------------------------------------

FUND_TABLE = """某市2025年民生资金量化任务分工
序号 | 工作任务 | 牵头单位
1 | 市级财政统筹安排800万元养老服务补助,分两年拨付,2025年安排300万元 | 市财政局
2 | 2025年,全市新建社区食堂12个 | 市民政局
3 | 完善救助体系,到2026年实现低保对象动态管理全覆盖 | 市民政局
4 | 年内完成20个老旧小区适老化改造 | 市住房城乡建设局
5 | 推动助餐点建设,确保9月底前投入运行 | 市商务局
"""


def test_a_year_naming_the_share_of_an_amount_inside_a_task_cell_is_no_deadline():
    read = _read(FUND_TABLE)
    assert read[("1",)] == (["市财政局"], [], None)


def test_a_year_opening_the_cell_a_target_year_and_other_times_in_a_task_cell_stay_the_rows_deadline():
    read = _read(FUND_TABLE)
    assert read[("2",)][2] == "2025年"
    assert read[("3",)][2] == "2026年"
    assert read[("4",)][2] == "年内"
    assert read[("5",)][2] == "9月底前"


def test_the_predicate_names_only_a_year_alone_written_after_other_words():
    assert year_of_a_figure("市级统筹安排800万元,2025年安排300万元")
    assert not year_of_a_figure("2025年下达300万元")
    assert not year_of_a_figure("统筹资金,到2025年下达300万元")
    assert not year_of_a_figure("统筹资金,2025年6月底前下达300万元")
    assert not year_of_a_figure("统筹资金,年内下达")
    assert not year_of_a_figure("")


# ---- kind 2: the last row of a blank-separated table cut inside its unit's name --------------------------------------

BLANK_TABLE = """某省2025年城乡建设量化指标任务分工

序号 工 作 任 务 牵头负责部门
1 新开工改造城镇老旧小区2000个 住房城乡建设厅
2 新增城市绿道300公里 自然资源厅
3 改造农村危房1500户 住房城乡"""


def test_the_last_row_the_copy_cut_inside_its_unit_name_is_no_measure_and_is_reported():
    draft = parse_plan_text(BLANK_TABLE)
    assert [tuple(m.path) for m in draft.measures] == [("1",), ("2",)]
    assert draft.measures[1].lead_units == ["自然资源厅"]
    assert any("最后一行" in warning and "中途结束" in warning for warning in draft.warnings)


def test_a_last_row_ending_on_a_whole_unit_is_read():
    draft = parse_plan_text(BLANK_TABLE + "建设厅")
    assert [tuple(m.path) for m in draft.measures] == [("1",), ("2",), ("3",)]
    assert draft.measures[2].lead_units == ["住房城乡建设厅"]


def test_a_table_whose_rows_leave_the_unit_cell_empty_keeps_its_last_row():
    text = BLANK_TABLE.replace(" 自然资源厅", "")
    draft = parse_plan_text(text)
    assert [tuple(m.path) for m in draft.measures] == [("1",), ("2",), ("3",)]
    assert not any("中途结束" in warning for warning in draft.warnings)


# ---- one reader of a time opening a cell: a time alone before the work, or a dated step ----------------------------

def test_one_reader_gives_the_time_a_cell_opens_with_and_a_task_cell_only_its_time_closed_by_前():
    from tracker.parsing.deadlines import dated_opening
    assert dated_opening("2025年3月底前,全区养老机构完成消防改造") == "2025年3月底前"
    assert dated_opening("2025年3月底前,全区养老机构完成消防改造", by_only=True) == "2025年3月底前"
    # a schedule's steps: the first step's date, in a time cell; a task cell reads no step
    assert dated_opening("2025年4月公示名单,2025年9月兑现补贴") == "2025年4月"
    assert dated_opening("2025年4月公示名单,2025年9月兑现补贴", by_only=True) is None
    # a target's year is no time closed by 前; a span, a start or a list is no step
    assert dated_opening("到2026年,建成示范街区3个", by_only=True) is None
    assert dated_opening("4月至6月集中整治") is None
    assert dated_opening("5月起实施") is None
    assert dated_opening("") is None
