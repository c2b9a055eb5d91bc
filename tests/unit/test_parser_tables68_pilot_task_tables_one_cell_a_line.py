"""A 试点 task table saved from a government page, one cell a line (branch tables68; GOLD-README "tables68").

A district office saves the page of its 试点工作任务分解表 and pastes it into the tracker. The page's table comes out one
cell a line with a blank line between cells: the header's two rows in order (``序号 | 试点任务 | 细化措施 | 工作绩效目标 |
责任单位 | 配合单位 | 完成时限``, the narrow ``完成时限`` wrapped as ``完成`` / ``时限``, then ``一季度`` … ``四季度`` under
工作绩效目标), a group row ``一、…`` before the rows, every row's four quarter cells empty (blank lines), an empty 配合单位
(a blank line), the 试点任务 cell merged down its rows (written once, on the first), and the 完成时限 a bare year. The office
expects each 细化措施 as a measure under its group with its own lead and supporting units and its year; the 试点任务 is no
measure of its own. The same table as a Word file, with its real two-row header and merged cells, reads the same.
The texts are invented.
"""
from __future__ import annotations

import pytest

from tests.helpers.word_tables import word_table
from tracker.parsing import parse_plan_text, read_plan_bytes

pytestmark = pytest.mark.unit

TITLE = "某区2022年基层治理试点工作任务分解表"
HEADER = ["序号", "试点任务", "细化措施", "工作绩效目标", "责任单位", "配合单位", "完成", "时限",
          "一季度", "二季度", "三季度", "四季度"]
QUARTERS = ["", "", "", ""]  # the four quarter cells each row leaves empty: a blank line each


def rows(time: str = "2022") -> list[list[str]]:
    """The table's body as the page writes it: a group row in one cell, a numbered row with its 试点任务 (the first of
    its run), rows without it (the cell merged down has no line at all), an empty 配合单位 written as an empty cell."""
    return [["一、优化营商环境"],
            ["1", "推进政务服务“一网通办”", "梳理区级政务服务事项清单，实现网上可办。", *QUARTERS,
             "区政务服务中心", "区大数据局、区司法局", time],
            ["2", "推行容缺受理，压减办理时限。", *QUARTERS, "区政务服务中心", "区市场监管局", time],
            ["3", "建立“好差评”回访制度。", *QUARTERS, "区政务服务中心", "", time],
            ["二、强化基层治理"],
            ["4", "开展网格化管理试点", "在三个街道划定基础网格，配齐专职网格员。", *QUARTERS,
             "区委政法委", "区民政局、各街道办事处", time],
            ["5", "制定网格员考核办法。", *QUARTERS, "区委政法委", "区人力社保局", time]]


def pasted(stride: int = 2, header: list[str] = HEADER, time: str = "2022") -> str:
    """The page's text: one cell a line, ``stride - 1`` blank lines after each cell, an empty cell an empty line."""
    cells = list(header) + [cell for row in rows(time) for cell in row]
    return TITLE + "\n\n" + ("\n" * stride).join(cells) + "\n"


def measures(text: str) -> dict[tuple[str, ...], object]:
    return {tuple(m.path): m for m in parse_plan_text(text).measures}


EXPECTED_UNITS = {
    ("一", "1"): (["区政务服务中心"], ["区大数据局", "区司法局"]),
    ("一", "2"): (["区政务服务中心"], ["区市场监管局"]),
    ("一", "3"): (["区政务服务中心"], []),
    ("二", "4"): (["区委政法委"], ["区民政局", "各街道办事处"]),
    ("二", "5"): (["区委政法委"], ["区人力社保局"]),
}


@pytest.mark.parametrize("stride", [2, 1], ids=["blank line between cells", "cells on following lines"])
def test_every_pilot_measure_is_a_row_under_its_group_with_its_own_units_and_year(stride):
    found = measures(pasted(stride))
    assert set(found) == {("一",), ("二",), *EXPECTED_UNITS}
    for path, (lead, supporting) in EXPECTED_UNITS.items():
        assert (found[path].lead_units, found[path].supporting_units) == (lead, supporting), path
        assert found[path].deadline == "2022" and str(found[path].due_date) == "2022-12-31", path
    assert found[("一",)].text == "优化营商环境" and found[("一",)].lead_units == []


def test_the_merged_pilot_task_is_no_measure_and_opens_only_the_first_row_of_its_run():
    found = measures(pasted())
    assert found[("一", "1")].text.startswith("推进政务服务“一网通办”")
    assert "梳理区级政务服务事项清单" in found[("一", "1")].text
    assert found[("一", "2")].text == "推行容缺受理，压减办理时限。"
    assert found[("一", "3")].text == "建立“好差评”回访制度。"
    assert found[("二", "4")].text.startswith("开展网格化管理试点")  # a later run opens with its new 试点任务
    assert found[("二", "5")].text == "制定网格员考核办法。"
    assert not any("2022" == m.text for m in found.values())  # the bare year never opens a row of its own


def test_the_quarter_captions_stand_under_the_goal_so_no_quarter_becomes_a_deadline():
    found = measures(pasted())
    assert all("季度" not in (m.deadline or "") for m in found.values())


@pytest.mark.parametrize("time,due", [("2022年底前", "2022-12-31"), ("2022年9月底前", "2022-09-30")])
def test_a_time_written_as_a_date_is_the_rows_deadline_as_written(time, due):
    found = measures(pasted(time=time))
    for path in EXPECTED_UNITS:
        assert found[path].deadline == time and str(found[path].due_date) == due, path
    assert found[("一", "3")].lead_units == ["区政务服务中心"] and found[("一", "3")].supporting_units == []


def test_a_header_with_the_time_caption_written_whole_reads_the_same():
    header = HEADER[:6] + ["完成时限"] + HEADER[8:]
    found = measures(pasted(header=header))
    assert {path: (found[path].lead_units, found[path].supporting_units) for path in EXPECTED_UNITS} == EXPECTED_UNITS
    assert found[("二", "5")].deadline == "2022"


def word_file() -> bytes:
    """The same table as a Word file: 工作绩效目标 spanning four quarter columns over 一季度 … 四季度, the other captions
    merged down both header rows, the group rows merged across, each 试点任务 merged down its run."""
    top = ["序号", "试点任务", "细化措施", "工作绩效目标", "", "", "", "责任单位", "配合单位", "完成时限"]
    sub = ["", "", "", "一季度", "二季度", "三季度", "四季度", "", "", ""]
    grid = [top, sub]
    for row in rows():
        if len(row) == 1:
            grid.append(row + [""] * 9)
        elif len(row) == 10:
            grid.append(row)
        else:
            grid.append(row[:1] + [""] + row[1:])
    merges = [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 0, 6), (0, 7, 1, 7), (0, 8, 1, 8), (0, 9, 1, 9),
              (2, 0, 2, 9), (3, 1, 5, 1), (6, 0, 6, 9), (7, 1, 8, 1)]
    return word_table(grid, TITLE, merges=merges)


def test_the_same_table_as_a_word_file_with_a_two_row_header_and_merged_cells_reads_the_same():
    found = {tuple(m.path): m for m in read_plan_bytes(word_file(), "试点任务分解表.docx").measures}
    assert set(found) == {("一",), ("二",), *EXPECTED_UNITS}
    for path, (lead, supporting) in EXPECTED_UNITS.items():
        assert (found[path].lead_units, found[path].supporting_units) == (lead, supporting), path
        assert found[path].deadline == "2022" and str(found[path].due_date) == "2022-12-31", path
    assert found[("一", "1")].text.startswith("推进政务服务“一网通办”")
    assert found[("一", "2")].text == "推行容缺受理，压减办理时限。"
    assert found[("二", "4")].text.startswith("开展网格化管理试点")


def test_a_word_table_whose_yearly_goals_span_years_beside_its_own_time_column_gives_each_row_that_time():
    """An office's Word table puts 年度目标 over 2023年 | 2024年 | 2025年 and keeps 完成时限 as a column of its own: the row's
    time is its 完成时限 cell, the yearly goals stay goals (this file once stopped the reader with an IndexError)."""
    top = ["序号", "工作任务", "年度目标", "", "", "责任单位", "完成时限"]
    sub = ["", "", "2023年", "2024年", "2025年", "", ""]
    grid = [top, sub, ["1", "完成道路改造。", "5公里", "10公里", "15公里", "区住建委", "2025年底前"],
            ["2", "新建公园一座。", "", "", "建成", "区园林局", "2025年"]]
    merges = [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 4), (0, 5, 1, 5), (0, 6, 1, 6)]
    found = {tuple(m.path): m for m in read_plan_bytes(word_table(grid, "某区2023年城市建设工作任务", merges=merges),
                                                       "城市建设任务.docx").measures}
    assert (found[("1",)].lead_units, found[("1",)].deadline) == (["区住建委"], "2025年底前")
    assert (found[("2",)].lead_units, found[("2",)].deadline) == (["区园林局"], "2025年")


def test_quarters_under_the_time_caption_beside_a_performance_goal_column_stay_the_rows_times():
    """The other reading of the same header words: the quarters stand under 完成时限 (each row writes its unit, then the
    quarter it ends in), the 工作绩效目标 a column of its own: the rows keep their quarters as their times (yearcols59)."""
    cells = ["序号", "工作任务", "工作绩效目标", "责任单位", "完成时限", "一季度", "二季度", "三季度", "四季度",
             "1", "完成道路改造。", "改造道路5公里", "区住建委", "", "", "9月底前", "",
             "2", "新建公园一座。", "建成公园1个", "区园林局", "", "", "", "12月底前"]
    found = measures("某区2023年城市建设工作任务\n\n" + "\n\n".join(cells) + "\n")
    assert (found[("1",)].lead_units, found[("1",)].deadline) == (["区住建委"], "三季度")
    assert (found[("2",)].lead_units, found[("2",)].deadline) == (["区园林局"], "四季度")
