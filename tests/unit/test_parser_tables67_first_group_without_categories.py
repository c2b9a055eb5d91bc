"""A task list appended to a plan (附件 重点任务清单) whose 任务类型 column stands before its 序号 (``任务类型 | 序号 | 工作任务
| 推进单位``), copied from a page one cell a line, whose FIRST group writes no category at all: its rows leave the 任务类型
column empty (``行动一：…`` / ``1`` / task / units / ``2`` / …), and only the later groups write a category cell, merged
down its rows and written once before the first of them (branch tables67, extending tables66). The 推进单位 cell is
merged down several rows too and written once, after the first row it spans. Every story is invented (no document's
wording)."""
from __future__ import annotations

import pytest

from tracker.parsing import parse_plan_text, read_plan_bytes
from tracker.vocabulary.units import is_vague_collective
from tests.helpers.word_tables import category_list_grid, word_table

pytestmark = pytest.mark.unit

_HEADER = ["任务类型", "序号", "工作任务", "推进单位"]
_PROSE = ["某县乡村振兴三年行动方案", "一、总体目标", "到2027年，全县建成和美乡村示范村30个。",
          "二、工作要求", "（一）压实工作责任", "县乡村振兴工作专班统筹推进各项任务。", "附件", "某县乡村振兴重点任务清单"]
# The list: group rows (行动N), each holding categories (None: the first group writes none), each holding rows (序号,
# task lines, unit cell written or None: the row lies under the unit cell written last above it in its group).
# 智慧乡村 reads like a unit's name; row 9 writes no unit under a new category; row 3 is wrapped in the middle of a word.
_LIST = [
    ("行动一：产业振兴行动（2025—2027年）", [
        (None, [("1", ["建设高标准农田2万亩。"], "县农业农村局、县财政局、各相关乡镇"),
                ("2", ["培育农业产业化龙头企业5家。"], None),
                ("3", ["新建冷链仓储设施4处，提升农产品", "仓储保鲜能力。"], "县商务局"),
                ("4", ["打造电商直播基地2个。"], None)])]),
    ("行动二：人居环境提升行动（2025—2027年）", [
        ("智慧乡村", [("5", ["建成数字乡村试点村6个。"], "县数据局、县农业农村局"),
                      ("6", ["推广村级事务线上办理。"], None)]),
        ("厕所改造", [("7", ["完成农村户厕改造3000户。"], "县卫生健康局"),
                      ("8", ["新建农村公厕40座。"], None)]),
        ("污水治理", [("9", ["建设村级污水处理站12座。"], None),
                      ("10", ["整治农村黑臭水体15处。"], "县生态环境分局")])]),
    ("行动三：乡风文明培育行动（2025—2027年）", [
        ("文化阵地", [("11", ["建成村级综合文化服务中心20个。"], "县文旅局"),
                      ("12", ["举办村晚等群众文化活动50场。"], None)])]),
]
_WANTED = [
    (("一",), []), (("二",), []), (("二", "（一）"), []),
    (("行动一",), []),
    (("行动一", "1"), ["县农业农村局", "县财政局"]), (("行动一", "2"), ["县农业农村局", "县财政局"]),
    (("行动一", "3"), ["县商务局"]), (("行动一", "4"), ["县商务局"]),
    (("行动二",), []),
    (("行动二", "5"), ["县数据局", "县农业农村局"]), (("行动二", "6"), ["县数据局", "县农业农村局"]),
    (("行动二", "7"), ["县卫生健康局"]), (("行动二", "8"), ["县卫生健康局"]),
    (("行动二", "9"), ["县卫生健康局"]), (("行动二", "10"), ["县生态环境分局"]),
    (("行动三",), []),
    (("行动三", "11"), ["县文旅局"]), (("行动三", "12"), ["县文旅局"]),
]
_CATEGORIES = ("智慧乡村", "厕所改造", "污水治理", "文化阵地")


def _rows(measures) -> list[tuple[tuple[str, ...], list[str]]]:
    """Every measure's (path, lead units named: vague parts left out, as the bench and the store do)."""
    for measure in measures:
        assert not measure.supporting_units, measure  # 推进单位 alone is the lead column
    return [(tuple(m.path), [u for u in m.lead_units if not is_vague_collective(u)]) for m in measures]


def _copied(groups=_LIST, prose=_PROSE, header=_HEADER, first_group_row=True) -> str:
    """The plan as a page copy gives it: one cell a line, a blank line between the lines, each merged cell once, an
    empty cell no line at all."""
    lines = [*prose, *header]
    for at, (group, categories) in enumerate(groups):
        if at or first_group_row:
            lines.append(group)
        for category, rows in categories:
            if category:
                lines.append(category)
            for number, task, units in rows:
                lines += [number, *task] + ([units] if units else [])
    return "\n\n".join(lines) + "\n"


def _no_category_glued(measures) -> None:
    """No category is a row, a unit or a part of a row's text; no row is numbered "（第2组）"."""
    for m in measures:
        assert m.text not in _CATEGORIES, m
        assert not any(category in m.text for category in _CATEGORIES if category != "智慧乡村"), m
        assert not any(category in unit for category in _CATEGORIES for unit in m.lead_units), m
        assert not any("（第" in part for part in m.path), m


def test_a_list_whose_first_group_writes_no_category_reads_every_row_under_its_group():
    """An office pastes its plan with the annex list. 行动一's rows leave the 任务类型 column empty; 行动二 and 行动三 write
    their categories. Every row keeps its own number under its group, no category is glued into a row's text nor made a
    row, and a row writing no unit takes the unit cell written last above it in its group (also across a category)."""
    measures = parse_plan_text(_copied()).measures
    assert _rows(measures) == _WANTED
    texts = {m.path[-1]: m.text for m in measures}
    assert texts["5"] == "建成数字乡村试点村6个。"
    assert texts["3"] == "新建冷链仓储设施4处，提升农产品仓储保鲜能力。"
    assert texts["9"] == "建设村级污水处理站12座。"
    _no_category_glued(measures)


def test_the_copy_without_blank_lines_reads_alike():
    """The same list pasted by a tool that drops the blank lines between the cells reads the same."""
    measures = parse_plan_text(_copied().replace("\n\n", "\n")).measures
    assert _rows(measures) == _WANTED
    _no_category_glued(measures)


def test_a_first_group_without_its_group_row_numbered_right_after_the_header():
    """The office's list writes no group row for its first rows either: the 序号 1 stands right after the header's last
    caption 推进单位. Those rows are rows of the list on their own (paths "1" to "4"), their units carried; the later
    groups read as before, their categories no rows."""
    measures = parse_plan_text(_copied(first_group_row=False)).measures
    wanted = [(path[1:] if path[0] == "行动一" else path, units) for path, units in _WANTED if path != ("行动一",)]
    assert _rows(measures) == wanted
    _no_category_glued(measures)


def test_numbering_restarting_under_each_group_reads_alike():
    """Another office numbers the rows anew under each group (行动二 opens with 1 again after its category 智慧乡村)."""
    renumbered = []
    for group, categories in _LIST:
        count = 0
        new_categories = []
        for category, rows in categories:
            new_rows = []
            for _, task, units in rows:
                count += 1
                new_rows.append((str(count), task, units))
            new_categories.append((category, new_rows))
        renumbered.append((group, new_categories))
    measures = parse_plan_text(_copied(renumbered)).measures
    paths = [tuple(m.path) for m in measures if m.path[0].startswith("行动")]
    assert paths == [("行动一",), ("行动一", "1"), ("行动一", "2"), ("行动一", "3"), ("行动一", "4"),
                     ("行动二",)] + [("行动二", str(n)) for n in range(1, 7)] + [("行动三",), ("行动三", "1"), ("行动三", "2")]
    units = {tuple(m.path): m.lead_units for m in measures}
    assert units[("行动二", "5")] == ["县卫生健康局"] and units[("行动一", "2")][:2] == ["县农业农村局", "县财政局"]
    _no_category_glued(measures)


def test_the_word_table_of_the_same_list_reads_as_the_copy():
    """The office's own Word table: group rows merged across, the 任务类型 cells of the first group empty, each later
    category and each unit cell merged down the rows it spans. It reads as the copy one cell a line."""
    grid, merges = category_list_grid(_HEADER, _LIST)
    measures = read_plan_bytes(word_table(grid, _PROSE, merges=merges), "方案.docx").measures
    assert _rows(measures) == _WANTED
    _no_category_glued(measures)


def test_a_list_whose_groups_all_write_no_category_keeps_reading_as_before():
    """The hold: a list under the same header whose groups all leave the 任务类型 column empty (no later group writes a
    category) reads as before the branch: each row under its group, by its own number."""
    groups = [(group, [(None, [row for _, rows in categories for row in rows])]) for group, categories in _LIST]
    measures = parse_plan_text(_copied(groups)).measures
    assert [tuple(m.path) for m in measures if m.path[0].startswith("行动")] == [
        path for path, _ in _WANTED if path[0].startswith("行动")]


def test_a_later_group_numbered_past_the_rows_awaited_still_opens_with_its_category():
    """The copy left rows out of 行动一 (its rows 3 and 4 are not there), so 行动二's category 智慧乡村 stands before the
    序号 5 where 3 was awaited. The category still opens row 5 under 行动二, glued to no row, and the rows keep their
    numbers and carried units."""
    groups = [(_LIST[0][0], [(None, _LIST[0][1][0][1][:2])])] + _LIST[1:]
    measures = parse_plan_text(_copied(groups)).measures
    wanted = [(path, units) for path, units in _WANTED if path not in (("行动一", "3"), ("行动一", "4"))]
    assert _rows(measures) == wanted
    _no_category_glued(measures)


def test_a_first_group_writing_its_first_category_only_from_its_third_row_reads_alike():
    """行动一's rows 1 and 2 leave the 任务类型 column empty, then 仓储物流 opens rows 3 and 4 in the same group. The
    category is row 3's, no unit of row 2, and the units merged over the rows are carried as before."""
    rows = _LIST[0][1][0][1]
    groups = [(_LIST[0][0], [(None, rows[:2]), ("仓储物流", rows[2:])])] + _LIST[1:]
    measures = parse_plan_text(_copied(groups)).measures
    assert _rows(measures) == _WANTED
    assert not any("仓储物流" in unit for m in measures for unit in m.lead_units)
    assert not any(m.text == "仓储物流" for m in measures)


def test_categories_named_in_up_to_twenty_characters_are_categories_too():
    """Another office names its categories at length (``农村人居环境整治提升和厕所革命`` 15 characters, ``历史文化名村传统村落
    保护利用`` 14): each is still a category merged down its rows, no unit cell and no task, and the rows under it keep
    their numbers and the unit cell carried from above (stop 51: a category over 12 characters broke the rows after it)."""
    long_names = {"厕所改造": "农村人居环境整治提升和厕所革命", "文化阵地": "历史文化名村传统村落保护利用"}
    renamed = [(group, [(long_names.get(category, category), rows) for category, rows in categories])
               for group, categories in _LIST]
    measures = parse_plan_text(_copied(renamed)).measures
    assert _rows(measures) == _WANTED
    assert not any(name in m.text for name in long_names.values() for m in measures if len(m.path) > 1)
