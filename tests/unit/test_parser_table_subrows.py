"""Task tables whose task cell opens with its own number under the row's 序号 (issue 13, branch subrows): a
目标任务分解表 "序号 | 目标名称 | 工作标准 | 分管领导 | 牵头单位 | 配合单位" whose row 1 writes "(1)…要见成效，年内完成…"
and row 2 "(2)…", or whose merged 序号 holds rows "1." and "2." numbered on through the table. The row is its 序号
and 目标名称 (a heading without units) and the numbered task under it, with the row's units and time (GOLD-README
"Task tables, round 8", 317's rule). Numbered notes in a criteria cell ("1.…得2分。2.…得3分") stay the row's text.
The wording here is invented (no corpus document says it); the property test builds merged rows of random size."""
from __future__ import annotations


from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text, read_plan_bytes
from tracker.parsing.numbering import LevelTracker
from tracker.vocabulary.numbering import match_number
from tests.helpers.word_tables import word_table

HEADER = ["序号", "目标名称", "工作标准", "分管领导", "牵头单位", "配合单位"]
ROWS = [["1", "城乡供水提质", "(1)农村饮水工程要见成效，年内完成12处水厂提标改造。", "某副县长", "县水利局", "县财政局、县卫健局"],
        ["2", "街巷路灯亮化", "(2)城区背街小巷路灯要全覆盖，9月底前完成300盏路灯安装。", "某副县长", "县住建局", "县供电公司"]]


def _read_as_expected(draft):
    assert [m.path for m in draft.measures] == [["1"], ["1", "(1)"], ["2"], ["2", "(2)"]]
    by_path = {tuple(m.path): m for m in draft.measures}
    assert by_path[("1",)].lead_units == [] and by_path[("1",)].supporting_units == []  # the goal's name: a heading
    assert by_path[("1", "(1)")].lead_units == ["县水利局"]
    assert by_path[("1", "(1)")].supporting_units == ["县财政局", "县卫健局"]
    assert by_path[("1", "(1)")].deadline == "年内"  # the row's time is (1)'s
    assert by_path[("2", "(2)")].lead_units == ["县住建局"] and by_path[("2", "(2)")].deadline == "9月底前"
    assert "某副县长" not in by_path[("1", "(1)")].lead_units + by_path[("1", "(1)")].supporting_units


def test_a_goal_table_laid_out_one_cell_per_line_gives_each_goal_its_numbered_standard_with_the_rows_units():
    draft = parse_plan_text("\n".join(["某县2025年目标任务分解表"] + HEADER + [cell for row in ROWS for cell in row]))
    _read_as_expected(draft)


def test_the_same_goal_table_pasted_out_of_word_reads_the_same():
    draft = parse_plan_text("\n".join(["某县2025年目标任务分解表"] + ["\t".join(row) for row in [HEADER] + ROWS]))
    _read_as_expected(draft)


def test_rows_of_a_merged_number_written_1_and_2_in_their_own_cells_keep_those_numbers_under_the_goal():
    rows = [HEADER,
            ["1", "园区道路畅通", "1.东环路拓宽工程6月底前通车。", "某副县长", "县交通运输局", "县自然资源局"],
            ["", "", "2.南外环路面改造年底前完工。", "某副县长", "县交通运输局", ""],
            ["2", "停车设施增量", "3.新增公共停车泊位800个。", "某副县长", "县城管局", "县公安局"]]
    draft = read_plan_bytes(word_table(rows, "某县2025年目标任务分解表", merges=[(1, 0, 2, 0), (1, 1, 2, 1)]), "目标任务分解表.docx")
    assert [m.path for m in draft.measures] == [["1"], ["1", "1"], ["1", "2"], ["2"], ["2", "3"]]
    by_path = {tuple(m.path): m for m in draft.measures}
    assert by_path[("1", "1")].deadline == "6月底前" and by_path[("1", "2")].deadline == "年底前"
    assert by_path[("1", "2")].lead_units == ["县交通运输局"] and by_path[("1",)].lead_units == []
    assert by_path[("2", "3")].supporting_units == ["县公安局"]
    assert draft.warnings == []  # "2、" after "2." is the next goal, no repeat


def test_numbered_notes_in_a_criteria_cell_stay_the_rows_text():
    lines = ["序号\t考核项目\t考核标准\t分值\t考核单位",
             "1\t食品安全\t1.全年未发生食品安全事故得2分。2.抽检合格率达98%得3分。\t5\t县市场监管局",
             "2\t扬尘治理\t1.工地围挡全覆盖得2分。\t2\t县住建局"]
    draft = parse_plan_text("\n".join(lines))
    assert [m.path for m in draft.measures] == [["1"], ["2"]]
    assert "2.抽检合格率" in draft.measures[0].text and draft.measures[0].lead_units == ["县市场监管局"]
    assert draft.measures[1].lead_units == ["县住建局"]


def test_the_level_tracker_places_a_hinted_item_under_the_row_above_even_in_the_same_style():
    tracker = LevelTracker()
    placed = [tracker.place(match_number(text), n, False, nests=hint)[0]
              for n, (text, hint) in enumerate([("1、甲", False), ("1.乙", True), ("2.丙", True), ("2、丁", False),
                                               ("3.戊", True)], start=1)]
    assert placed == [["1"], ["1", "1"], ["1", "2"], ["2"], ["2", "3"]]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(min_value=1, max_value=5), min_size=1, max_size=5))
def test_any_number_of_sub_rows_under_merged_numbers_keeps_every_row_once_in_order(sizes):
    lines, expected, through = ["序号\t目标名称\t工作标准\t牵头单位"], [], 0
    for goal, size in enumerate(sizes, start=1):
        expected.append([str(goal)])
        for k in range(size):
            through += 1
            first = k == 0
            lines.append(f"{goal if first else ''}\t{'目标' + str(goal) if first else ''}\t"
                         f"{through}.完成第{through}项工作任务。\t第{through}办公室")
            expected.append([str(goal), str(through)])
    draft = parse_plan_text("\n".join(lines))
    assert [m.path for m in draft.measures] == expected
    leaves = [m for m in draft.measures if len(m.path) == 2]
    assert [m.lead_units for m in leaves] == [[f"第{n}办公室"] for n in range(1, through + 1)]
