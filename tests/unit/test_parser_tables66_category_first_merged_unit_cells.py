"""A task list appended to a plan (附件 重点任务清单) whose 任务类型 column stands before its 序号 (``任务类型 | 序号 | 工作任务
| 推进单位``), copied from a page one cell a line with a blank line between the cells (branch tables66). Its 任务类型 cell and
its 推进单位 cell are merged down several rows and written once: the category before the first row it spans, the units
after the first row they span; a unit cell may span rows of two categories. Every story is invented (no document's
wording)."""
from __future__ import annotations

import pytest

from tracker.parsing import parse_plan_text, read_plan_bytes
from tracker.vocabulary.units import is_vague_collective
from tests.helpers.word_tables import category_list_grid, word_table

pytestmark = pytest.mark.unit

_HEADER = ["任务类型", "序号", "工作任务", "推进单位"]
_PROSE = ["某区城市更新三年行动方案", "一、总体要求", "（一）工作目标", "到2027年，全区完成城市更新项目60个。",
          "二、保障措施", "（一）加强组织领导", "区城市更新领导小组统筹推进各项任务。", "附件", "某区城市更新重点任务清单"]
# The list: group rows (行动N), each holding categories, each holding rows (序号, task lines, unit cell written or None).
# The 序号 runs on through the groups. Row 4 writes no unit: it lies under row 3's unit cell, across a new category;
# row 5's task is wrapped over two lines in the middle of a word; 完整社区 is a category that reads like a unit's name.
_LIST = [
    ("行动一：再造发展新极行动（2025—2027年）", [
        ("旧区改造", [("1", ["推进老城片区整体更新，完成征收800户。"], "区住建局、区征收办、各相关街镇"),
                      ("2", ["改造背街小巷20条。"], None),
                      ("3", ["完善片区排水管网，新建雨水管道12公里。"], "区水务局")]),
        ("公共空间优化", [("4", ["新建口袋公园8个。"], None),
                          ("5", ["提升滨河绿道品质，贯通滨河绿道6公", "里，完善沿线服务设施。"], "区城管局"),
                          ("6", ["打造街角广场3处。"], None)])]),
    ("行动二：品质生活提升行动（2025—2027年）", [
        ("完整社区", [("7", ["建设完整社区试点5个。"], "区民政局、区住建局"),
                      ("8", ["新增社区养老服务站4处。"], None)]),
        ("便民设施", [("9", ["改造农贸市场3个。"], None),
                      ("10", ["新增公共停车泊位1500个。"], "区交通运输局")])]),
    ("行动三：文化特色彰显行动（2025—2027年）", [
        ("历史街区", [("11", ["修缮历史建筑15处。"], "区文旅局、区住建局"),
                      ("12", ["活化利用工业遗存2处。"], None)]),
        ("夜间经济", [("13", ["培育夜间消费集聚区2个。"], "区商务局、各相关街镇"),
                      ("14", ["举办街区文化活动30场。"], None)])]),
]
_WANTED = [
    (("一",), []), (("一", "（一）"), []), (("二",), []), (("二", "（一）"), []),
    (("行动一",), []),
    (("行动一", "1"), ["区住建局", "区征收办"]), (("行动一", "2"), ["区住建局", "区征收办"]),
    (("行动一", "3"), ["区水务局"]), (("行动一", "4"), ["区水务局"]),
    (("行动一", "5"), ["区城管局"]), (("行动一", "6"), ["区城管局"]),
    (("行动二",), []),
    (("行动二", "7"), ["区民政局", "区住建局"]), (("行动二", "8"), ["区民政局", "区住建局"]),
    (("行动二", "9"), ["区民政局", "区住建局"]), (("行动二", "10"), ["区交通运输局"]),
    (("行动三",), []),
    (("行动三", "11"), ["区文旅局", "区住建局"]), (("行动三", "12"), ["区文旅局", "区住建局"]),
    (("行动三", "13"), ["区商务局"]), (("行动三", "14"), ["区商务局"]),
]
_TEXTS = {"5": "提升滨河绿道品质，贯通滨河绿道6公里，完善沿线服务设施。", "9": "改造农贸市场3个。"}


def _rows(measures) -> list[tuple[tuple[str, ...], list[str]]]:
    """Every measure's (path, lead units named: vague parts left out, as the bench and the store do)."""
    for measure in measures:
        assert not measure.supporting_units, measure  # 推进单位 alone is the lead column
    return [(tuple(m.path), [u for u in m.lead_units if not is_vague_collective(u)]) for m in measures]


def _copied(groups=_LIST, prose=_PROSE, header=_HEADER) -> str:
    """The plan as a page copy gives it: one cell a line, a blank line between the lines, each merged cell once."""
    lines = [*prose, *header]
    for group, categories in groups:
        lines.append(group)
        for category, rows in categories:
            lines.append(category)
            for number, task, units in rows:
                lines += [number, *task] + ([units] if units else [])
    return "\n\n".join(lines) + "\n"


def test_the_list_copied_one_cell_a_line_gives_every_row_its_number_and_the_units_merged_over_it():
    """An office pastes the plan with its annex list from the page. Every row keeps its own number under its 行动 group
    (no phantom row for a category, no "4（第2组）"), a category is no measure, a task wrapped in the middle of a word is
    one task, and a row that writes no unit takes the unit cell written last above it in its group, also across a new
    category (rows 4 and 9); the plan's prose above the list reads as before."""
    measures = parse_plan_text(_copied()).measures
    assert _rows(measures) == _WANTED
    texts = {m.path[-1]: m.text for m in measures}
    assert texts["5"] == _TEXTS["5"] and texts["9"] == _TEXTS["9"]
    assert not any(m.text in ("旧区改造", "公共空间优化", "完整社区", "便民设施") for m in measures)
    assert not any("（第" in part for m in measures for part in m.path)


def test_the_copy_without_blank_lines_reads_alike():
    """The same list pasted by a tool that drops the blank lines between the cells reads the same."""
    assert _rows(parse_plan_text(_copied().replace("\n\n", "\n")).measures) == _WANTED


def test_a_category_named_like_a_unit_right_after_a_group_row_is_the_category_of_the_next_row():
    """Under 行动二 the first line is 完整社区, a name the vocabulary reads as a unit (a 社区). After a group row no row is
    open to take a unit cell, and the 序号 awaited follows: it is the category of row 7, not a unit nor a row."""
    measures = parse_plan_text(_copied()).measures
    rows = {tuple(m.path): m for m in measures}
    assert rows[("行动二", "7")].text == "建设完整社区试点5个。"
    assert "完整社区" not in rows[("行动二",)].lead_units + rows[("行动一", "6")].lead_units


def test_the_word_table_of_the_same_list_reads_as_the_copy():
    """The office's own Word table: group rows merged across, each category and each unit cell merged down the rows it
    spans (python-docx gives a merged cell's text on every row). It reads as the copy one cell a line."""
    grid, merges = category_list_grid(_HEADER, _LIST)
    data = word_table(grid, _PROSE, merges=merges)
    measures = read_plan_bytes(data, "方案.docx").measures
    assert _rows(measures) == _WANTED
    assert {m.path[-1]: m.text for m in measures}["5"] == _TEXTS["5"]


def test_a_list_with_its_number_first_and_the_category_second_keeps_reading_as_before():
    """The hold: a list whose header puts 序号 first and the category second (``序号 | 任务类型 | 重点任务 | 推进单位 | 完成
    时间``), copied one cell a line with blank lines, its category written before its first row's 序号 and its unit once
    for two rows, reads as fresh65 built it (each row its own number, the unit carried inside its group)."""
    lines = ["序号", "任务类型", "重点任务", "推进单位", "完成时间",
             "行动一：生态修复行动", "山体修复", "1", "修复破损山体4处。", "区自然资源局", "2026年6月底",
             "2", "复绿裸露坡面10万平方米。", "2026年9月底",
             "水系治理", "3", "清淤河道8公里。", "区水务局", "2026年10月底",
             "行动二：绿色出行行动", "慢行系统", "4", "新建自行车道20公里。", "区交通运输局", "2026年12月底"]
    measures = parse_plan_text("\n\n".join(lines)).measures
    assert [(tuple(m.path), m.lead_units, m.deadline) for m in measures] == [
        (("行动一",), [], None),
        (("行动一", "1"), ["区自然资源局"], "2026年6月底"), (("行动一", "2"), ["区自然资源局"], "2026年9月底"),
        (("行动一", "3"), ["区水务局"], "2026年10月底"),
        (("行动二",), [], None), (("行动二", "4"), ["区交通运输局"], "2026年12月底")]


def test_group_rows_longer_than_a_section_row_still_head_the_list_and_nest_its_rows():
    """Each 行动 group row states its aim in brackets, over 60 characters ("行动一：…（聚焦…，打造…）"). It is still the group
    row the rows under it nest in: the 任务类型 caption above 序号 stays a caption, and every row keeps its number, its
    group and the units merged over it."""
    aim = "（聚焦老城片区和滨河地区，实施片区整体更新、基础设施补短板和公共空间提质三项工程，打造全区发展新的增长极）"
    groups = [(group.replace("（2025—2027年）", aim), categories) for group, categories in _LIST]
    measures = parse_plan_text(_copied(groups)).measures
    assert _rows(measures) == _WANTED
    assert {m.path[-1]: m.text for m in measures}["行动二"] == "品质生活提升行动" + aim


def test_a_category_with_a_remark_in_brackets_after_a_rows_unit_opens_the_next_row():
    """The second category of 行动一 carries a remark ("公共空间优化（口袋公园）") and stands right after row 3's unit line.
    It is row 4's category, no unit of row 3; row 4 still takes row 3's unit cell merged over it."""
    groups = [(group, [(category + ("（口袋公园）" if category == "公共空间优化" else ""), rows)
                       for category, rows in categories]) for group, categories in _LIST]
    measures = parse_plan_text(_copied(groups)).measures
    assert _rows(measures) == _WANTED
    assert not any("口袋公园）" in unit for m in measures for unit in m.lead_units)


def test_a_group_row_wrapped_inside_its_brackets_is_one_group_row():
    """The page wrapped the narrow group rows inside their brackets ("行动一：再造发展新极行动（2025—" / "2027年）"), the
    first one right under the header too. Each is one group row, its text whole, and the rows under it read as before."""
    text = _copied()
    for group, _ in _LIST:
        text = text.replace(group, group.replace("（2025—", "（2025—\n\n"))
    measures = parse_plan_text(text).measures
    assert _rows(measures) == _WANTED
    assert {m.path[-1]: m.text for m in measures}["行动一"] == "再造发展新极行动（2025—2027年）"


def test_with_the_number_first_a_category_named_like_a_unit_after_a_group_row_opens_the_next_row():
    """The same rule in a list whose header puts 序号 first (fresh65's layout): 智慧社区, written before row 3's 序号 right
    after the group row 行动二, is row 3's category; row 3 keeps its number and its own unit, the category is no row."""
    lines = ["序号", "任务类型", "重点任务", "推进单位", "完成时间",
             "行动一：生态修复行动", "山体修复", "1", "修复破损山体4处。", "区自然资源局", "2026年6月底",
             "2", "复绿裸露坡面10万平方米。", "2026年9月底",
             "行动二：数字治理行动", "智慧社区", "3", "建成智慧社区平台1个。", "区数据局", "2026年12月底"]
    measures = parse_plan_text("\n\n".join(lines)).measures
    assert [(tuple(m.path), m.lead_units, m.deadline) for m in measures] == [
        (("行动一",), [], None),
        (("行动一", "1"), ["区自然资源局"], "2026年6月底"), (("行动一", "2"), ["区自然资源局"], "2026年9月底"),
        (("行动二",), [], None), (("行动二", "3"), ["区数据局"], "2026年12月底")]
    assert not any(m.text == "智慧社区" for m in measures)
