"""Stories of branch fresh55 (GOLD-README "fresh55"): a task table's time cell giving a span of years closed by the last
year's end, `2016—2017 年底前` (work spread over years, due by the end of the last one), was read as the bare span
`2016—2017`: the blank before `年底前` made the cell look like two times one after the other (`2024年6月30日 2024年12月31日`,
the first of which is the row's), so the end was dropped. The whole window is the deadline as written, its blank kept,
due at the last year's end; two complete times in one cell still give the first.

The tables are invented (a city's 市容环境 task table, laid out with tabs and one cell a line between pipes); the first two
stories fail on main (15422fae); the last guards the older reading of two times in one cell.
"""
from __future__ import annotations

from tests.helpers.time_cells import deadlines_by_path, one_cell_a_line


def test_a_span_of_years_closed_by_the_years_end_after_a_blank_is_the_rows_whole_window():
    plan = deadlines_by_path("某市市容环境整治工作任务分解表\n序号\t工作任务\t负责部门\t时间进度\n"
                 "1\t建设垃圾中转站\t市城管局、市财政局\t2021—2022 年底前\n"
                 "2\t改造背街小巷\t市住建局,各区政府\t2021-2023 年底前\n"
                 "3\t编制环卫设施规划\t市城管局\t2021 年底前\n")
    assert plan[("1",)] == ("2021—2022 年底前", "2022-12-31")
    assert plan[("2",)] == ("2021-2023 年底前", "2023-12-31")
    assert plan[("3",)] == ("2021 年底前", "2021-12-31")


def test_the_same_span_without_a_blank_or_with_its_years_named_reads_whole_in_a_table_laid_out_one_cell_a_line():
    rows = [("1", "建设垃圾中转站", "市城管局", "2021—2022年底前"), ("2", "改造背街小巷", "市住建局", "2021年至2023年底前")]
    plan = deadlines_by_path(one_cell_a_line(["序号", "工作任务", "负责部门", "时间进度"], rows))
    assert plan[("1",)] == ("2021—2022年底前", "2022-12-31")
    assert plan[("2",)] == ("2021年至2023年底前", "2023-12-31")


def test_two_complete_times_in_one_time_cell_still_give_the_first():
    plan = deadlines_by_path("某市市容环境整治工作任务分解表\n序号\t工作任务\t负责部门\t时间进度\n"
                 "1\t建设垃圾中转站\t市城管局\t2021年6月30日 2021年12月31日\n")
    assert plan[("1",)] == ("2021年6月30日", "2021-06-30")
