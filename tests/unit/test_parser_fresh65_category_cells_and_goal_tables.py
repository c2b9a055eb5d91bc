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


def test_a_goals_table_one_cell_a_line_gives_one_measure_per_numbered_goal_with_its_lead_and_supporting_units():
    """A province's 目标责任分解书 is pasted from a page one cell a line, a blank line after every line: its 领域 cell
    ("健康") is written once for the group, each goal opens with its number ("1.", "2.", "2.1") and goes on with "——"
    bullets (a blank line between them too), then its lead unit, then its supporting units one a line, as many as the
    goal has. Each numbered goal is one measure, "2.1" under "2"; the 领域 is no measure; the first unit line is the
    lead (the copy shows no boundary between the two unit cells), the others support."""
    cells = ["领域", "主要目标", "主要责任单位", "责任单位",
             "健康", "1.全省人均预期寿命稳步提高。", "——婴儿死亡率控制在5‰以内；", "——孕产妇死亡率控制在12/10万以内。",
             "省卫生厅", "省民政厅", "省财政厅",
             "2.健全公共卫生服务体系。", "——建成省级公共卫生应急指挥平台；", "——每个县建成1所达标疾控中心。",
             "省卫生厅", "省发展改革委", "省财政厅", "省人社厅",
             "2.1 提升基层医疗服务能力。", "——乡镇卫生院服务能力达标率达到85%。", "省卫生厅", "省医保局"]
    lines = ["某省2026年卫生健康工作目标责任分解书", ""]
    for cell in cells:
        lines += [cell, ""]
    measures = _read(lines)
    assert _rows(measures) == [(("1",), ["省卫生厅"], ["省民政厅", "省财政厅"], None),
                               (("2",), ["省卫生厅"], ["省发展改革委", "省财政厅", "省人社厅"], None),
                               (("2", "2.1"), ["省卫生厅"], ["省医保局"], None)]
    assert "婴儿死亡率" in measures[0].text and "健康" not in [m.text for m in measures]


def test_a_blank_line_only_between_the_unit_cells_tells_the_lead_cell_from_the_supporting_one():
    """A city's goals table (领域 | 主要目标 | 牵头单位 | 配合单位) is copied keeping a blank line between cells and none
    inside a cell: two lead units one a line, a blank, two supporting units. The blank is the column boundary. A second
    领域 ("就业") opens its group, and the plan's next section after the table is read as before."""
    lines = ["某市2026年民生工作目标责任分解书",
             "领域", "", "主要目标", "", "牵头单位", "", "配合单位", "",
             "养老", "",
             "1. 新增养老床位2000张。", "", "——社区养老服务站覆盖率达到90%；", "", "——培训养老护理员500人次。", "",
             "市民政局", "市卫健委", "", "市财政局", "市人社局", "",
             "2. 推进医养结合。", "", "市卫健委", "", "市民政局", "",
             "就业", "",
             "3. 城镇新增就业3万人。", "", "——零就业家庭动态清零。", "", "市人社局", "", "市财政局", "", "市总工会", "",
             "四、保障措施", "各单位要加强组织领导。"]
    assert _rows(_read(lines)) == [(("1",), ["市民政局", "市卫健委"], ["市财政局", "市人社局"], None),
                                   (("2",), ["市卫健委"], ["市民政局"], None),
                                   (("3",), ["市人社局"], ["市财政局", "市总工会"], None),
                                   (("四",), [], [], None)]


def test_the_goals_table_as_a_word_table_reads_alike():
    """The province's own Word table, 领域 merged down the group, each goal's bullets and each unit a paragraph of its
    cell: the same measures and units as the copy one cell a line."""
    rows = [["领域", "主要目标", "主要责任单位", "责任单位"],
            ["健康", "1.全省人均预期寿命稳步提高。\n——婴儿死亡率控制在5‰以内。", "省卫生厅", "省民政厅\n省财政厅"],
            ["", "2.健全公共卫生服务体系。\n——建成省级公共卫生应急指挥平台。", "省卫生厅", "省发展改革委\n省财政厅"],
            ["", "2.1 提升基层医疗服务能力。\n——乡镇卫生院服务能力达标率达到85%。", "省卫生厅", "省医保局"]]
    data = word_table(rows, "某省2026年卫生健康工作目标责任分解书", merges=[(1, 0, 3, 0)], paragraphs=True)
    assert _rows(read_plan_bytes(data, "分解书.docx").measures) == [
        (("1",), ["省卫生厅"], ["省民政厅", "省财政厅"], None),
        (("2",), ["省卫生厅"], ["省发展改革委", "省财政厅"], None),
        (("2", "2.1"), ["省卫生厅"], ["省医保局"], None)]
