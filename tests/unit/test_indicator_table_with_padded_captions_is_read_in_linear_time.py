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


def test_a_table_of_fifty_thousand_areas_is_read_in_time_proportional_to_its_rows():
    # the most rows an import takes (LedgerLimits.max_rows): each row asks whether the next named row breaks it down
    # with 其中： (ledgers36's loans by kind); the rows below are read by number, not copied for each row (4.2 → 1.4 CPU s)
    csv = ("地区,增速\n" + "".join(f"第{n}区,{n % 9}.5\n" for n in range(50_000))).encode()
    with cpu_seconds_under(3):
        table = read_table(csv, "表.csv", [IndicatorColumn("增速", "%")])
    assert len(table.rows) == 50_000 and (table.rows[-1].entity, table.rows[-1].values) == ("第49999区", {"增速": 4.5})


def test_a_loan_broken_down_by_kind_under_it_is_still_a_total():
    data = xlsx_bytes([["项目", "6月末余额"], ["本外币各项贷款", 900], ["其中：企业和机关团体贷款", 600],
                       ["住户贷款", 300]])
    table = read_table(data, "贷款.xlsx", [IndicatorColumn("6月末余额", "亿元")])
    assert [row.entity for row in table.rows] == ["企业和机关团体贷款", "住户贷款"]
