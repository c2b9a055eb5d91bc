"""What branch ledgers51 found offices send: a ledger whose title line is a caption's own words ("工作任务", "重点任务")
above its real header. The title was joined to the header as a group caption over it: the ledger lost its title and its
header was said to start on the title's row. A text alone on its line, in the header's first column, unmerged or merged
across the whole header, is the title (tracker/ledger/header.py ``_is_title_line``); a caption grouping sub-captions
("推进情况" over "1月 | 2月") still joins. Workbooks are built with openpyxl (tests/helpers/xlsx.xlsx_bytes); no app, no
database."""
from __future__ import annotations

import pytest

from tests.helpers.xlsx import xlsx_bytes as workbook
from tracker.ledger import read_ledger

pytestmark = pytest.mark.unit

HEADER = ["序号", "任务名称", "责任单位", "完成时限"]
ROWS = [["1", "建成市民服务中心二期工程", "市发改委", "2024年12月底前"],
        ["2", "完成老旧小区改造三十个", "市住建局", "2024年10月底前"]]


@pytest.mark.parametrize("title", ["工作任务", "重点任务"])
@pytest.mark.parametrize("merges", [[], ["A1:D1"]])
def test_a_title_that_is_a_captions_words_stays_the_title_over_a_real_header(title, merges):
    # The 督查室 titles its sheet "重点任务" (merged across, or typed in A1) and writes its header under it. The ledger
    # keeps its title, the header is row 2, and the two tasks are read with their units.
    result = read_ledger(workbook([[title], HEADER] + ROWS, merges), "台账.xlsx")
    assert (result.title, result.header_row) == (title, 2)
    assert [(row.number, row.measure, row.lead_units) for row in result.rows] == [
        ("1", "建成市民服务中心二期工程", ["市发改委"]), ("2", "完成老旧小区改造三十个", ["市住建局"])]


def test_a_group_caption_over_some_columns_still_joins_the_header():
    # "推进情况" merged over the two months' columns only, the other captions under it: a header over two rows, as before.
    rows = [["某市重点工作推进台账"], [None, None, None, "推进情况", None], ["序号", "任务名称", "责任单位", "1月", "2月"],
            ["1", "建成市民服务中心二期工程", "市发改委", "完成设计", "开工"]]
    result = read_ledger(workbook(rows, ["A1:E1", "D2:E2"]), "台账.xlsx")
    assert result.header_row == 2 and result.title == "某市重点工作推进台账"
