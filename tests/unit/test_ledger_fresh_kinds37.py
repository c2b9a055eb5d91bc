"""What the fresh files of stop 37 (ledger corpus 068–072) showed offices send, each as the office's story: a 金融办's
deposits table whose only balance column says 本月余额 while the kind (存款) is written in the title alone (甘肃 2020,
068), and a 督查室's 整改台账 that ends with the office's request to the units written under the last row (平利, 070).
Workbooks are built with openpyxl (tests/helpers/xlsx.xlsx_bytes); no app, no database."""
from __future__ import annotations

import pytest

from tests.helpers.xlsx import xlsx_bytes as workbook
from tracker.ledger import LedgerRefused, read_ledger

pytestmark = pytest.mark.unit

def _rectification(rows: list[list], after: list[list]) -> bytes:
    return workbook([["城区环境卫生巡查问题整改台账"], ["序号", "存在问题", "整改要求", "责任单位", "整改时限", "整改情况"],
                     *rows, *after])


def test_the_request_an_office_writes_under_its_rectification_ledger_is_no_row():
    data = _rectification(
        [[1, "原安运司院落内有多处卫生死角,杂物乱堆。", "由包片单位县供销社负责督促业主清理院内垃圾死角。", "县供销社", None, None],
         [2, "沿线商户出店占道经营问题较为突出。", "开展经常性劝阻教育。", "县交通局", "本月底以前", None]],
        [["请各相关单位对本次巡查的问题认真整改,整改落实情况及时报县双创办。"], ["县双创办"]])
    rows = read_ledger(data, "整改台账.xlsx").rows
    assert [(row.number, row.is_group_row, row.measure, row.lead_units, row.deadline) for row in rows] == [
        ("1", False, "由包片单位县供销社负责督促业主清理院内垃圾死角。", ["县供销社"], None),
        ("2", False, "开展经常性劝阻教育。", ["县交通局"], "本月底以前")]


def test_a_sentence_over_rows_is_still_their_heading_and_a_last_task_alone_in_its_cell_is_still_a_task():
    data = _rectification([["一、环境卫生方面的问题。"], [1, "卫生死角", "清除垃圾。", "县环卫站", None, None],
                           [2, None, "规范物品堆放。", None, None, None]], [])
    rows = read_ledger(data, "整改台账.xlsx").rows
    assert [(row.number, row.is_group_row, row.measure) for row in rows] == [
        ("一", True, None), ("1", False, "清除垃圾。"), ("2", False, "规范物品堆放。")]
    alone = _rectification([[1, "卫生死角", "清除垃圾。", "县环卫站", None, None]], [[None, None, "规范物品堆放。"]])
    assert [row.measure for row in read_ledger(alone, "整改台账.xlsx").rows] == ["清除垃圾。", "规范物品堆放。"]
