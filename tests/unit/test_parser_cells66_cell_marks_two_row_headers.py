"""Text tables the parser read wrongly, by kind (branch cells66; GOLD-README "cells66").

Three ways a text copy of a Word table reaches the tracker: a 落实情况 report copied one cell a line, each cell closed
by `` |``, its rows numbered by the 政府工作报告's tasks (145, 249, not 1…N) and its unit cells mixing 、 and blanks; a
project table whose header spans two rows (parent captions over their sub-columns), its rows wider than its first
header row; and a table whose cells are cut by ``|`` on lines of their own, a group row over its numbered rows. Each
story is what the office expects on the plan's page: each row its own units, the progress words never a unit, the rows
under their group. The texts are invented.
"""
from __future__ import annotations

import pytest

from tracker.parsing import parse_plan_text

pytestmark = pytest.mark.unit

HEADER = "某市2024年政府工作报告重点任务落实情况\n某政办发〔2024〕9号\n2024年3月1日\n"


def units_of(body: str) -> dict[tuple[str, ...], tuple[list[str], list[str]]]:
    draft = parse_plan_text(HEADER + body)
    return {tuple(m.path): (m.lead_units, m.supporting_units) for m in draft.measures}


# ---- 1. a 落实情况 report one cell a line, rows numbered by the report's tasks -----------------------------------------

REPORT_LINES = """序号 |
重点任务 |
牵头单位 |
落实情况 |
{first} |
推进城市更新行动，完善社区养老托育设施。 |
市住建局、市民政局、市卫健委 市教育局、市财政局 |
全年改造老旧小区41个，新建社区养老服务站9个，
托育机构备案23家。 |
{second} |
加强基层应急能力建设，提升灾害预报预警水平。 |
市委政法委 市气象局 市应急管理局 |
完成预警信息发布平台升级，
组织开展综合演练6次
"""


@pytest.mark.parametrize("first,second", [("37", "212"), ("145", "249"), ("8", "90")])
def test_a_report_numbered_by_the_work_reports_tasks_gives_each_row_its_own_units(first, second):
    units = units_of(REPORT_LINES.format(first=first, second=second))
    assert set(units) == {(first,), (second,)}
    assert units[(first,)] == (["市住建局", "市民政局", "市卫健委", "市教育局", "市财政局"], [])
    assert units[(second,)] == (["市委政法委", "市气象局", "市应急管理局"], [])


def test_the_same_report_with_each_row_on_one_line_reads_the_same():
    body = ("序号 | 重点任务 | 牵头单位 | 落实情况 |\n"
            "37 | 推进城市更新行动，完善社区养老托育设施。 | 市住建局、市民政局、市卫健委 市教育局、市财政局 | 改造老旧小区41个。 |\n"
            "212 | 加强基层应急能力建设，提升灾害预报预警水平。 | 市委政法委 市气象局 市应急管理局 | 完成平台升级。 |\n")
    units = units_of(body)
    assert units[("37",)] == (["市住建局", "市民政局", "市卫健委", "市教育局", "市财政局"], [])
    assert units[("212",)] == (["市委政法委", "市气象局", "市应急管理局"], [])


def test_a_report_whose_tasks_run_in_order_still_reads_row_by_row():
    body = REPORT_LINES.format(first="1", second="2")
    units = units_of(body)
    assert units[("1",)][0][0] == "市住建局" and units[("2",)] == (["市委政法委", "市气象局", "市应急管理局"], [])
