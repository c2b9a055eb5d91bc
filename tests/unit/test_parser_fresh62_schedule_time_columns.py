"""Stories of branch fresh62 (GOLD-README "fresh62"): a census office's schedule (工作规划, 工作时间表) writes each row's time
in a column captioned `起止时间`, a span of months in figures whose end leaves out the year (`2005.1—4`: January to April
2005). The caption was unknown, so the time column named no deadline; and the span was due on the first month's end, the
end's bare `4` read as no month at all. The column is a time column like `起止年限`, and the span is due at the end of its
last month, in the start's year, as `2005.8—2006.3` already was at the end of March 2006.

The tables are invented (a county's survey schedule, with tabs and one cell a line between pipes); the stories fail on main
(e6d1ec62). A hyphen (`2005.1-4`) is left the day it reads, the figures of a date written `2005.1.4` with mixed marks.
"""
from __future__ import annotations

import datetime

from tests.helpers.time_cells import deadlines_by_path, one_cell_a_line
from tracker.parsing.deadlines import parse_due_date
from tracker.vocabulary.captions import match_caption


def test_a_survey_schedules_start_and_end_column_gives_each_row_its_span_due_at_its_last_months_end():
    plan = deadlines_by_path("某县农业普查工作安排表\n序号\t工作项目\t负责单位\t起止时间\n"
                 "1\t选聘培训普查员\t县统计局\t2026.3—5\n"
                 "2\t入户登记\t各乡镇人民政府\t2026.6～8\n"
                 "3\t数据汇总与发布\t县统计局\t2026.9—2027.3\n")
    assert plan[("1",)] == ("2026.3—5", "2026-05-31")
    assert plan[("2",)] == ("2026.6～8", "2026-08-31")
    assert plan[("3",)] == ("2026.9—2027.3", "2027-03-31")


def test_the_same_schedule_laid_out_one_cell_a_line_with_spaced_captions_reads_the_same():
    rows = [("1", "选聘培训普查员", "县统计局", "2026.3—5"), ("2", "入户登记", "县统计局", "2026.6至8")]
    plan = deadlines_by_path(one_cell_a_line(["序 号", "工 作 项 目", "负 责 单 位", "起 止 时 间"], rows))
    assert plan[("1",)] == ("2026.3—5", "2026-05-31")
    assert plan[("2",)] == ("2026.6至8", "2026-08-31")


def test_start_and_end_captions_and_the_year_less_end_of_a_figure_span():
    assert match_caption("起止时间") == ("完成时限", "起止时间")
    assert match_caption("起止日期") == ("完成时限", "起止日期")
    assert parse_due_date("2005.1—4") == datetime.date(2005, 4, 30)
    assert parse_due_date("2005.8—2006.3") == datetime.date(2006, 3, 31)  # unchanged
    assert parse_due_date("2005.1-4") == datetime.date(2005, 1, 4)  # a hyphen: the day, as before
