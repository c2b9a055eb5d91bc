"""Rules that make a task table read the same whichever medium a copy gives it (issue 13, branch limits51): each found
by the guard tests/unit/test_parser_dev_tables_in_every_medium.py (a development table read right in one medium and
wrong in another), each told here as an invented story (names and figures made up)."""
from __future__ import annotations

from tracker.parsing import parse_plan_text


def _rows(text: str) -> list[tuple[tuple[str, ...], list[str], list[str], str | None]]:
    """Every measure's (path, lead, supporting, deadline) of the plan ``text``."""
    return [(tuple(m.path), m.lead_units, m.supporting_units, m.deadline) for m in parse_plan_text(text).measures]


def test_an_indicator_table_copied_with_pipes_and_no_frame_gives_each_row_its_unit_as_with_tabs():
    """A county's table of yearly targets names no unit column, only the office each target is set for (单位), and a
    clerk pastes it from a page with pipes between the cells and none around them: each target still goes to its
    office, as the same table with tabs or framed pipes reads."""
    rows = [["序号", "单位", "指标名称", "计量单位", "目标值"], ["1", "县统计局", "规上企业数量净增", "家", "12"],
            ["2", "县商务局", "外贸进出口总额增长", "%", "7"]]
    for joined in (lambda r: "\t".join(r), lambda r: " | ".join(r), lambda r: "| " + " | ".join(r) + " |"):
        text = "\n".join(["某县2026年主要目标任务分解表", *map(joined, rows)])
        assert _rows(text) == [(("1",), ["县统计局"], [], None), (("2",), ["县商务局"], [], None)], joined(rows[1])


def test_a_lone_pipe_in_a_table_copied_one_cell_a_line_is_the_empty_cell_in_its_place():
    """A town copies its task table from a page one cell a line, each cell closed by a pipe and each empty cell a pipe
    alone. One row has no lead, only offices that help; another no helpers; the last row has no time. Each lone pipe
    keeps its column empty, so the helpers are never taken for the lead."""
    lines = ["某镇2026年人居环境整治任务表", "序号 |", "整治任务 |", "牵头单位 |", "配合单位 |", "完成时间 |",
             "1 |", "清理村内沟渠淤泥。 |", "|", "镇农业服务中心、镇财政所 |", "5月底前 |",
             "2 |", "拆除废弃猪圈旱厕。 |", "镇村建办 |", "|", "8月底前 |",
             "3 |", "补种村道两侧树木。 |", "镇林业站 |", "镇财政所 |", "|", "镇人民政府"]
    assert _rows("\n".join(lines)) == [(("1",), [], ["镇农业服务中心", "镇财政所"], "5月底前"),
                                       (("2",), ["镇村建办"], [], "8月底前"),
                                       (("3",), ["镇林业站"], ["镇财政所"], None)]


def test_lone_pipes_after_every_row_cut_the_rows_and_are_no_empty_cells():
    """A copy that closes every row with a pipe alone (each cell closed by its pipe, then a pipe between the rows) cuts
    its rows with it: the lone pipes are no empty cells, and each row keeps its units where they stand."""
    lines = ["序号 |", "整治任务 |", "牵头单位 |", "完成时间 |",
             "1 |", "清理村内沟渠淤泥。 |", "镇农业服务中心 |", "5月底前 |", "|",
             "2 |", "拆除废弃猪圈旱厕。 |", "镇村建办 |", "8月底前 |", "|"]
    assert _rows("\n".join(lines)) == [(("1",), ["镇农业服务中心"], [], "5月底前"), (("2",), ["镇村建办"], [], "8月底前")]
