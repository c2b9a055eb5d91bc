"""What branch ledgers48 found offices send, each as the office's story: a ledger with one 责任单位 column whose cell names
both roles clause by clause, the role written after each clause's units — in brackets (`A（牵头），B、C（配合）`,
`A，B、C（配合）`) or as `为…单位` (`A为牵头单位，B、C为配合单位`). The mark speaks of every unit of its clause, as the bare
role word does (`B、C配合`); a mark unit by unit (`B（配合）、C（配合）`) and a cell of one clause read as before. The rule
lives in tracker/parsing/annotations.py (``clause_role_marks_as_words``), which the ledger reader and the plan parser's
task tables share. And a ledger that gives each state a column (`已完成 | 正在推进 | 滞后`) and ticks the one that holds: the
ticked column's caption is the row's status (tracker/ledger/header.py ``_take_status_choices``). Workbooks are built with openpyxl (tests/helpers/xlsx.xlsx_bytes); no app, no database."""
from __future__ import annotations

import pytest

from tests.helpers.xlsx import xlsx_bytes as workbook
from tracker.ledger import read_ledger
from tracker.parsing.annotations import unit_cell_roles

pytestmark = pytest.mark.unit

HEADER = ["序号", "工作任务", "责任单位", "完成时限", "进展情况"]


def _ledger(*unit_cells: str):
    rows = [["某市2024年城市建设重点工作推进台账"], HEADER]
    rows += [[str(number), f"建成第{number}处城市书房", cell, "2024年12月底前", "主体工程已完工"]
             for number, cell in enumerate(unit_cells, start=1)]
    return read_ledger(workbook(rows, ["A1:E1"]), "台账.xlsx").rows


@pytest.mark.parametrize("cell", [
    "市文旅局（牵头），市财政局、市住建局（配合）",
    "市文旅局，市财政局、市住建局（配合）",
    "市文旅局(牵头)；市财政局、市住建局(配合)",
    "市文旅局为牵头单位，市财政局、市住建局为配合单位",
    "市文旅局（牵头）\n市财政局、市住建局（配合单位）",
])
def test_a_role_written_after_a_clause_of_units_marks_every_unit_of_the_clause(cell):
    # The city's 督查室 keeps one 责任单位 column and writes the roles in it, one clause each: the lead first, then the
    # units that support it with "（配合）" after the last of them, or "为配合单位". The liaison of 市住建局 must find the
    # task among those it supports, named as the office names it (no "（配合）" stuck to the name), and 市文旅局 leads alone.
    row = _ledger(cell)[0]
    assert (row.lead_units, row.supporting_units) == (["市文旅局"], ["市财政局", "市住建局"])


@pytest.mark.parametrize("cell, lead, supporting", [
    ("市文旅局（牵头）、市财政局（配合）、市住建局（配合）", ["市文旅局"], ["市财政局", "市住建局"]),
    ("市财政局、市文旅局（牵头）", ["市文旅局"], ["市财政局"]),
    ("市文旅局（牵头）、市财政局", ["市文旅局"], ["市财政局"]),
    ("市文旅局牵头，市财政局、市住建局配合", ["市文旅局"], ["市财政局", "市住建局"]),
])
def test_a_mark_unit_by_unit_and_a_cell_of_one_clause_read_as_before(cell, lead, supporting):
    # Marks written after each unit, or one mark in a cell of one clause, name their one unit, as they always did.
    assert unit_cell_roles(cell) == (lead, supporting)


def test_two_tasks_keep_their_own_roles_on_their_own_rows():
    # Each row's cell is read by itself: the second row's supporting clause does not leak into the first.
    first, second = _ledger("市文旅局", "市体育局，市教育局、市财政局（配合）")
    assert (first.lead_units, first.supporting_units) == (["市文旅局"], [])
    assert (second.lead_units, second.supporting_units) == (["市体育局"], ["市教育局", "市财政局"])


STATES = ["已完成", "正在推进", "滞后"]


def test_a_state_per_column_ticked_in_the_one_that_holds_is_the_rows_status():
    # The 督查室 gives each state a column and asks each unit to tick the one that holds for its task. The supervising
    # office sees each task's status as the ticked column says, and a task nobody ticked has none; the reader says in a
    # warning which columns it read so. (Under a group caption that is a progress caption, "完成情况" merged over the
    # states, the ticks stay progress: a limit of branch ledgers48, tests/ledgers/README.md.)
    header = [["序号", "工作任务", "牵头单位", "完成时限"] + STATES]
    merges = []
    rows = header + [["1", "建成市民服务中心", "市发改委", "2024年12月", "√", None, None],
                     ["2", "建成市体育馆", "市体育局", "2024年12月", None, "√", None],
                     ["3", "建成市图书馆", "市文旅局", "2024年6月", None, None, "✓"],
                     ["4", "建成城市书房", "市文旅局", "2024年12月", None, None, None]]
    result = read_ledger(workbook(rows, merges), "台账.xlsx")
    assert [row.status for row in result.rows] == ["已完成", "正在推进", "滞后", None]
    assert any("打勾" in warning for warning in result.warnings)


def test_columns_of_states_holding_words_or_two_ticks_on_a_row_are_no_status():
    # Columns captioned with states that hold text (the units' own notes), or two ticks on one row, are not a choice of
    # one state: the reader leaves them as they were (no status read from them).
    header = ["序号", "工作任务", "牵头单位"] + STATES
    worded = [header, ["1", "建成市民服务中心", "市发改委", "主体已完工", None, None]]
    twice = [header, ["1", "建成市民服务中心", "市发改委", "√", "√", None]]
    for rows in (worded, twice):
        assert [row.status for row in read_ledger(workbook(rows), "台账.xlsx").rows] == [None]
