"""What the fresh ledgers of branch ledgers43 (ledger corpus 205–207) showed offices send, each as the office's story: a
县政府办's 任务清单 grouping the tasks under the body that leads them, no unit column at all ("一、县示范区管委会牵头工作(8项)":
沁县 2025, 207); and a 督查考核办's 分解表 whose supporting units stand under 协同配合单位 (205, dropped by the lead: its
table is a plan test-part document's). Workbooks are built with openpyxl (tests/helpers/xlsx.xlsx_bytes); no app, no
database."""
from __future__ import annotations

import pytest

from tests.helpers.xlsx import xlsx_bytes as workbook
from tracker.ledger import read_ledger

pytestmark = pytest.mark.unit


def _tasks(rows: list[list], merges: list[str]) -> list:
    return [row for row in read_ledger(workbook(rows, merges), "任务清单.xlsx").rows if not row.is_group_row]


@pytest.mark.parametrize(("heading", "lead"), [
    ("一、县发改局牵头工作(3项)", ["县发改局"]),
    ("一、县发改局牵头工作（共3项）", ["县发改局"]),
    ("（一）县发改局、县财政局牵头（3项）", ["县发改局", "县财政局"]),
    ("一、由县水利局牵头完成的工作（3项）", ["县水利局"]),
    ("一、县住建局牵头的重点工作", ["县住建局"]),
])
def test_tasks_grouped_under_the_body_that_leads_them_take_that_body_as_their_lead(heading, lead):
    # 南山县's 政府办 lists the year's tasks under the body that leads each group and sends the list out to be filled
    # month by month: the 督查室 files every task of the group as that body's.
    rows = [["2026年县政府工作报告任务清单"], ["序号", "工作任务", "进展情况", None, None], [None, None, "4月", "5月", "6月"],
            [heading], ["1", "新建标准化厂房5万平方米。"], ["2", "打造食用菌生产基地。"], ["3", "建设3个劳动密集型产业园。"],
            ["注：请牵头单位每月填报进展情况。"]]
    tasks = _tasks(rows, ["A1:E1", "A2:A3", "B2:B3", "C2:E2", "A4:E4"])
    assert [task.measure for task in tasks] == ["新建标准化厂房5万平方米。", "打造食用菌生产基地。", "建设3个劳动密集型产业园。"]
    assert [task.lead_units for task in tasks] == [lead] * 3
    assert [task.supporting_units for task in tasks] == [[]] * 3


def test_each_group_gives_its_own_lead_and_a_task_naming_its_own_keeps_it():
    # Two groups led by two bodies; one task of the second names its own lead in the 牵头单位 column, which stands; the
    # 序号 and the heading's words written in two cells ("二" | "县交通局牵头工作") read as one heading.
    rows = [["2026年县政府工作报告任务清单"], ["序号", "工作任务", "牵头单位", "配合单位"],
            ["一、县发改局牵头工作(2项)"], ["1", "争取专项债券资金10亿元。", None, "县财政局"], ["2", "谋划储备项目50个。"],
            ["二", "县交通局牵头工作"], ["1", "改造农村公路80公里。"], ["2", "建设城乡公交首末站。", "县城投公司", None]]
    tasks = _tasks(rows, ["A1:D1", "A3:D3", "B6:D6"])
    assert [(task.lead_units, task.supporting_units) for task in tasks] == [
        (["县发改局"], ["县财政局"]), (["县发改局"], []), (["县交通局"], []), (["县城投公司"], [])]


def test_a_sub_group_under_a_led_group_passes_the_lead_down_to_its_tasks():
    rows = [["任务清单"], ["序号", "工作任务", "进展情况"], ["一、县农业农村局牵头工作(2项)"], ["（一）粮食生产"],
            ["1", "稳定粮食播种面积30万亩。"], ["（二）乡村建设"], ["2", "新建和美乡村示范村10个。"]]
    tasks = _tasks(rows, ["A1:C1", "A3:C3", "A4:C4", "A6:C6"])
    assert [task.lead_units for task in tasks] == [["县农业农村局"], ["县农业农村局"]]


@pytest.mark.parametrize("heading", ["一、经济发展", "一、张三副县长牵头重点工作", "一、重点工作（8项）"])
def test_a_group_naming_no_body_or_a_leader_gives_its_tasks_no_unit(heading):
    # A theme, a leader (a person answers for no unit) or a count alone names no body: the tasks stay without a lead.
    rows = [["任务清单"], ["序号", "工作任务", "进展情况"], [heading], ["1", "新建标准化厂房5万平方米。"]]
    assert [task.lead_units for task in _tasks(rows, ["A1:C1", "A3:C3"])] == [[]]


def test_the_supporting_units_under_协同配合单位_support_and_a_township_group_stays_apart_from_the_offices_after_it():
    # A 督查考核办 writes its supporting units under 协同配合单位; "各乡镇人民政府、街道办事处" is split at its 、 as the
    # plan corpus's gold splits it (the older convention: the group is complete with its body, GOLD-README).
    rows = [["2026年区政府工作报告重点工作任务分解表"], ["序号", "重点工作任务", "主要责任单位", "协同配合单位"],
            ["一、主要预期目标"], ["1", "地区生产总值增长6.5%左右。", "区发改委", "区政府各部门,各乡镇人民政府、街道办事处,区经开区管委会。"],
            ["2", "一般公共预算收入增长5%左右。", "区财政局\n区税务局", "各镇人民政府、区政府办"]]
    tasks = _tasks(rows, ["A1:D1", "A3:D3"])
    assert [(task.lead_units, task.supporting_units) for task in tasks] == [
        (["区发改委"], ["区政府各部门", "各乡镇人民政府", "街道办事处", "区经开区管委会"]),
        (["区财政局", "区税务局"], ["各镇人民政府", "区政府办"])]
