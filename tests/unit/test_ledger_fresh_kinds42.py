"""What the fresh files of branch ledgers42 (ledger corpus 096–098) showed offices send, each as the office's story: a
区政府督查室's 督办台账 whose 协办单位 cell closes part of its list with 等部门 before naming more bodies (官渡 2016, 096);
a 统计局's figures by 门类 and 经济类型 under a two-row header, the indicator merged over the months' figure and its
growth, section rows between the groups (中山 2023, 097); and one county's indicators with each 指标 cell merged down
over its 总量 and 同比增长 rows, the period only in the sheet's name (垫江 2023, 098). Workbooks are built with openpyxl
(tests/helpers/xlsx.xlsx_bytes); no app, no database."""
from __future__ import annotations

import pytest

from tests.helpers.xlsx import xlsx_bytes as workbook
from tracker.ledger import read_ledger

pytestmark = pytest.mark.unit


def _supervision_ledger(lead: str, supporting: str) -> bytes:
    """A 督办台账 of one group and one task: 牵头单位 | 协办单位 | 时间节点, 进展情况 merged over four empty quarters."""
    rows = [["东城区稳增长措施落实督办台账"],
            ["序号", "工作任务", "牵头单位", "协办单位", "时间节点", "进展情况", None, None, None],
            [None, None, None, None, None, "第一季度", "第二季度", "第三季度", "第四季度"],
            ["一、加快推进项目建设"],
            ["1", "加强项目谋划储备。编制完成三年滚动投资计划。", lead, supporting, "6月底前"]]
    return workbook(rows, ["A1:I1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "F2:I2", "A4:I4"])


@pytest.mark.parametrize("closing, collective", [("等部门", []), ("等单位", []), ("等", []),
                                                 ("等有关部门", ["有关部门"]), ("等相关单位", ["相关单位"])])
def test_a_supporting_list_closed_by_etc_before_more_bodies_names_each_body_once_and_without_the_etc(closing, collective):
    # The district's 督查室 copied the policy's "(区发改局牵头,区财政局、区水务局等部门,区国投公司、各街道办事处配合)"
    # into its ledger: 区水务局 is a body of its own, 等部门 only closes the departments before the companies and streets
    # (a collective written after the 等, "有关部门", stays the collective it is, as a plan's annotation reads it).
    data = _supervision_ledger("区发改局", f"区财政局、区水务局{closing},区国投公司、各街道办事处")
    task = [row for row in read_ledger(data, "督办台账.xlsx").rows if not row.is_group_row][0]
    assert task.lead_units == ["区发改局"]
    assert task.supporting_units == ["区财政局", "区水务局", *collective, "区国投公司", "各街道办事处"]
    assert task.deadline == "6月底前"


def test_a_lead_cell_closed_by_etc_leaves_the_etc_out_of_the_last_lead():
    data = _supervision_ledger("区发改局、区住建局等", "区财政局")
    task = [row for row in read_ledger(data, "督办台账.xlsx").rows if not row.is_group_row][0]
    assert (task.lead_units, task.supporting_units) == (["区发改局", "区住建局"], ["区财政局"])

