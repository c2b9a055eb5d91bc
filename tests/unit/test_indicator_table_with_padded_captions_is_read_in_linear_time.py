"""An indicator table can arrive with captions padded by thousands of blanks (a page pasted into Excel, or a file
made to stall the import page). Reading the words written over a column (branch ledgers35: "規模以上工業增加值
(億元、%、%)" over "增速") costs time proportional to the captions' length, and the answer is the one the office
would get from the same captions without the padding (issue 14: every hostile input is answered in bounded time)."""
from __future__ import annotations

import pytest

from tests.helpers.budget import cpu_seconds_under
from tests.helpers.xlsx import xlsx_bytes
from tracker.indicators import IndicatorColumn, read_table
from tracker.ledger import LedgerRefused

pytestmark = pytest.mark.unit

GROWTH = [IndicatorColumn("规模以上工业增加值增速", "%")]


def test_captions_padded_with_blanks_are_refused_at_once_with_what_to_write():
    # twenty rows whose one caption is padded with 2,000 blanks: no header, said in Chinese, in well under a second
    rows = [["", f"规模{n}" + " " * 2000 + "增速"] for n in range(20)]
    with cpu_seconds_under(2), pytest.raises(LedgerRefused) as refused:
        read_table(xlsx_bytes(rows), "表.xlsx", GROWTH)
    assert "找不到表头" in str(refused.value) and "列名上方一行" in str(refused.value)


def test_the_indicator_named_over_its_caption_is_read_with_blanks_before_its_units():
    data = xlsx_bytes([["規模以上工業增加值      (億元、%、%)"], ["地区", "增速"], ["洋县", 8.5], ["城固县", 7.1]])
    table = read_table(data, "西部.xlsx", GROWTH)
    assert [(row.entity, row.values) for row in table.rows] == [
        ("洋县", {"规模以上工业增加值增速": 8.5}), ("城固县", {"规模以上工业增加值增速": 7.1})]
