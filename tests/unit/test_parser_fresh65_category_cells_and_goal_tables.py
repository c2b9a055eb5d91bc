"""Task tables copied one cell a line (issue 13, branch fresh65): a 任务类型 category cell merged down its rows and a
unit cell merged down its rows, each written once; and a 目标责任分解书 goals table whose goals hold ——bullets and whose
lead and supporting units stand one a line. Every story is invented (no document's wording)."""
from __future__ import annotations

from tracker.parsing import parse_plan_text, read_plan_bytes
from tests.helpers.word_tables import word_table


def _rows(measures) -> list[tuple[tuple[str, ...], list[str], list[str], str | None]]:
    """Every measure's (path, lead units, supporting units, deadline)."""
    return [(tuple(m.path), m.lead_units, m.supporting_units, m.deadline) for m in measures]


def _read(lines: list[str]):
    """The measures of the plan written as ``lines``, one a line."""
    return parse_plan_text("\n".join(lines)).measures


# A city's renewal list: 序号 runs on through two 行动 group rows; 任务类型 is merged down rows 4–5 and 推进单位 down 3–5.
_HEADER = ["序号", "任务类型", "重点任务", "推进单位", "完成时间"]
_GRID = [["行动一：城市更新行动"],
         ["1", "城镇燃气", "更新改造老化燃气管道120公里。", "市城管局", "2026年11月底"],
         ["2", "排水防涝", "完成易涝点整治15处。", "市水务局", "2026年12月底"],
         ["行动二：老旧小区改造行动"],
         ["3", "老旧小区改造", "新开工改造老旧小区45个。", "市住建局", "2026年10月底"],
         ["4", "完整社区建设", "建设完整社区试点8个。", "", "2026年12月底"],
         ["5", "", "补齐社区养老托育设施短板。", "", "2026年12月底"]]
_WANTED = [(("行动一",), [], [], None),
           (("行动一", "1"), ["市城管局"], [], "2026年11月底"), (("行动一", "2"), ["市水务局"], [], "2026年12月底"),
           (("行动二",), [], [], None),
           (("行动二", "3"), ["市住建局"], [], "2026年10月底"), (("行动二", "4"), ["市住建局"], [], "2026年12月底"),
           (("行动二", "5"), ["市住建局"], [], "2026年12月底")]


def test_a_category_written_before_its_rows_number_opens_that_row_and_a_unit_written_once_is_carried():
    """The renewal list is pasted from a page one cell a line, each merged cell written once: a group's category line
    stands before its first row's 序号 ("老旧小区改造" then "3"), the 推进单位 of rows 3–5 only in row 3. Each row keeps
    its own number (no phantom row for the category), and rows 4 and 5 take row 3's unit, as the Word table reads."""
    lines = ["某市2026年城市更新重点任务清单", *_HEADER]
    for row in _GRID:
        if len(row) == 1:
            lines.append(row[0])
            continue
        number, category, *rest = row
        lines += ([category] if category else []) + [number] + [cell for cell in rest if cell]
    measures = _read(lines)
    assert _rows(measures) == _WANTED
    assert not any(m.text in ("老旧小区改造", "完整社区建设") for m in measures)  # a category is no measure


def test_a_category_written_after_the_number_in_the_headers_order_reads_alike():
    """The same list copied in the header's order (序号, then the category once, then the task): the group rows keep
    their rows under them (the 序号 after "行动一：…" is no cell of it) and the unit merged down is carried."""
    lines = ["某市2026年城市更新重点任务清单", *_HEADER]
    for row in _GRID:
        lines += [cell for cell in row if cell]
    assert _rows(_read(lines)) == _WANTED


def test_the_word_table_of_the_same_layout_reads_as_the_copy_one_cell_a_line():
    """The office's own Word table, the group rows merged across it, the category of rows 4–5 and the unit of rows 3–5
    merged down: it reads as the copies do (a guard that both media agree; it passes on main too)."""
    rows = [_HEADER] + [row + [""] * (5 - len(row)) for row in _GRID]
    data = word_table(rows, "某市2026年城市更新重点任务清单",
                      merges=[(1, 0, 1, 4), (4, 0, 4, 4), (5, 3, 7, 3), (6, 1, 7, 1)])
    assert _rows(read_plan_bytes(data, "清单.docx").measures) == _WANTED


def test_a_unit_written_once_is_carried_inside_its_group_and_never_over_a_group_row():
    """A county's list one cell a line: the first group's category is written before its first 序号, its unit once for
    both rows; the next group's row writes its own unit. The unit is carried inside the group, never into the next."""
    lines = ["序号", "任务类型", "重点任务", "推进单位", "完成时间",
             "行动一：河湖治理行动", "河道整治", "1", "清理河道垃圾。", "县水利局", "2026年6月底",
             "2", "修复河岸护坡3公里。", "2026年9月底",
             "行动二：农村供水行动", "3", "改造农村供水管网。", "县水务公司", "2026年10月底"]
    assert _rows(_read(lines)) == [(("行动一",), [], [], None),
                                   (("行动一", "1"), ["县水利局"], [], "2026年6月底"),
                                   (("行动一", "2"), ["县水利局"], [], "2026年9月底"),
                                   (("行动二",), [], [], None),
                                   (("行动二", "3"), ["县水务公司"], [], "2026年10月底")]
