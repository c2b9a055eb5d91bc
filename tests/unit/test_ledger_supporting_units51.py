"""What branch ledgers51 found in how ledgers name supporting units: a 责任单位 column beside 牵头单位 that lists every unit
answerable for the task, the lead among them ("牵头单位 | 责任单位": "市发改委" | "市发改委、市财政局、市住建局"). The lead
was listed among its own task's supporting units too, so its liaison saw the task twice. A unit that leads a row is no
supporting unit of it (tracker/ledger/rows.py ``supporting_besides_leads``). Workbooks are built with openpyxl
(tests/helpers/xlsx.xlsx_bytes); no app, no database."""
from __future__ import annotations

import pytest

from tests.helpers.xlsx import xlsx_bytes as workbook
from tracker.ledger import read_ledger

pytestmark = pytest.mark.unit


def _row(header, cells):
    rows = [["某市2024年重点工作推进台账"], header, ["1", "建成市民服务中心二期工程", *cells, "2024年12月底前"]]
    return read_ledger(workbook(rows, ["A1:E1"]), "台账.xlsx").rows[0]


@pytest.mark.parametrize("answerable", ["市发改委、市财政局、市住建局", "市财政局、市发改委、市住建局",
                                        "市财政局、市住建局、市财政局"])
def test_the_lead_named_again_among_the_answerable_units_is_not_also_supporting(answerable):
    # The 督查室's ledger has 牵头单位 and then 责任单位, where it lists every unit answerable, the lead among them (and,
    # by a slip, one unit twice). 市发改委 leads; 市财政局 and 市住建局 support, each once.
    row = _row(["序号", "工作任务", "牵头单位", "责任单位", "完成时限"], ["市发改委", answerable])
    assert (row.lead_units, sorted(row.supporting_units)) == (["市发改委"], ["市住建局", "市财政局"])


def test_supporting_units_named_once_read_as_before():
    row = _row(["序号", "工作任务", "牵头单位", "配合单位", "完成时限"], ["市发改委", "市财政局、市住建局"])
    assert (row.lead_units, row.supporting_units) == (["市发改委"], ["市财政局", "市住建局"])
