"""Kinds a held-out wave lost, told as a user's stories (issue 13, branch kinds36).

A school's or office's weekly 工作安排表 has no 序号: its rows are counted, and a task cell may hold numbered lines of its own
(`1.整理档案` / `2.准备物资`, a <br> or a quoted cell's line break); those lines are the row's text, never a list that restarts
the count (GOLD-README "Paths": numbered notes inside a cell are not items). Notices write their deadlines inside a heading's
body (`征稿截止日期为…`, `集中培训于…至…在党校举行`, `今年年内`), and a paragraph may open with a list of numbers
(`一、二等奖获得者…`), which is no item. Wording invented after development documents 870–871 (GOLD-README "kinds36")."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text


def test_a_weekly_schedules_numbered_lines_inside_a_cell_stay_the_rows_text():
    draft = parse_plan_text("日期\t工作内容\t负责部门\n3月6日\t召开周例会\t办公室\n"
                            "3月7日\t\"1.整理档案\n2.准备物资\"\t综合科\n3月8日\t开展安全检查\t安监科")
    assert [(m.path, m.lead_units) for m in draft.measures] == [
        (["1"], ["办公室"]), (["2"], ["综合科"]), (["3"], ["安监科"])]
    assert "准备物资" in draft.measures[1].text


def test_a_markdown_rows_br_lines_are_one_cells_list_and_the_rows_go_on_counting():
    draft = parse_plan_text("| 日期 | 工作内容 | 负责部门 |\n|---|---|---|\n| 周一 | 召开周例会 | 办公室 |\n"
                            "| 周二 | 1.整理档案<br>2.准备物资<br>3.清点设备 | 综合科 |\n| 周三 | 开展安全检查 | 安监科 |")
    assert [m.path for m in draft.measures] == [["1"], ["2"], ["3"]]
    assert draft.measures[2].lead_units == ["安监科"]


_TASKS = st.text(alphabet="整理档案准备物资召开会议检查学习", min_size=2, max_size=6)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_TASKS, st.integers(min_value=0, max_value=3)), min_size=1, max_size=6), st.booleans())
def test_any_cells_inner_numbering_leaves_the_rows_paths_one_to_n(rows, markdown):
    """However many numbered lines a row's task cell holds (none, or 2–3 counted from 1), the rows read 1..n."""
    def cell(task: str, lines: int) -> str:
        if lines < 2:
            return f"{task}工作"
        return ("<br>" if markdown else "\n").join(f"{i}.{task}{i}" for i in range(1, lines + 1))
    if markdown:
        body = "\n".join(f"| 周{i} | {cell(task, n)} | 办公室 |" for i, (task, n) in enumerate(rows, start=1))
        text = "| 日期 | 工作内容 | 负责部门 |\n|---|---|---|\n" + body
    else:
        body = "\n".join(f"周{i}\t\"{cell(task, n)}\"\t办公室" for i, (task, n) in enumerate(rows, start=1))
        text = "日期\t工作内容\t负责部门\n" + body
    draft = parse_plan_text(text)
    assert [m.path for m in draft.measures] == [[str(i)] for i in range(1, len(rows) + 1)]
