"""Other offices' ledgers and indicator tables as a matrix of the layouts they send (tests/helpers/layouts.py): each
dimension's values against every other dimension's (the rest plain), then Hypothesis drawing whole combinations. A
work ledger comes with 0–3 title rows, a one- or two-row header (责任单位 over 牵头单位 | 配合单位, 进展情况 over 本月 |
累计, monthly progress columns), caption synonyms from the vocabulary's own table, its columns in any order, group rows
in every form, units with their roles in one cell or written inside the task cell, note and blank rows, as .xlsx or
CSV (UTF-8 with BOM, GB18030); an indicator table writes its month in the title, a note, the sheet's name, a
signature line or a caption, names its entity column as offices do, its money in 万元 or 亿元, with 同比/占比 columns,
a total row and 其中 parts. What the reader must find follows from how each case was built; what it cannot take it
refuses in one Chinese message naming where, never with a crash. No app, no database."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.layouts import (
    INDICATOR_DIMENSIONS, INDICATORS, LEDGER_DIMENSIONS, SYNONYM_FIELDS, IndicatorCase, LedgerCase, indicator_file,
    indicator_file_for_sheet_name_in_csv, indicator_outcome, known_limit, ledger_file, ledger_grid, ledger_outcome,
    matrix_cases, synonym,
)
from tests.helpers.xlsx import xlsx_bytes
from tracker.indicators import read_table
from tracker.ledger import LedgerRefused, read_ledger
from tracker.vocabulary.captions import CAPTION_SYNONYMS

pytestmark = pytest.mark.unit

LEDGER_CASES = matrix_cases(LEDGER_DIMENSIONS, LedgerCase())
INDICATOR_CASES = [case for case in matrix_cases(INDICATOR_DIMENSIONS, IndicatorCase())
                   if not indicator_file_for_sheet_name_in_csv(case)]


def _changed(case, plain) -> set[str]:
    return {name for name in vars(plain) if getattr(case, name) != getattr(plain, name)}


@pytest.mark.parametrize("dimension", [name for name in LEDGER_DIMENSIONS])
def test_every_value_of_a_work_ledgers_dimension_reads_with_every_value_of_every_other(dimension):
    cases = [case for case in LEDGER_CASES if dimension in _changed(case, LedgerCase()) or case == LedgerCase()]
    failing = [f"{case.label()} -> {outcome}" for case in cases
               if (outcome := ledger_outcome(case)) != "ok" and not known_limit(case)]
    assert failing == []
    assert len(cases) >= len(LEDGER_DIMENSIONS[dimension])  # the dimension was walked


@pytest.mark.parametrize("dimension", [name for name in INDICATOR_DIMENSIONS])
def test_every_value_of_an_indicator_tables_dimension_reads_with_every_value_of_every_other(dimension):
    cases = [case for case in INDICATOR_CASES if dimension in _changed(case, IndicatorCase())
             or case == IndicatorCase()]
    failing = [f"{case.label()} -> {outcome}" for case in cases if (outcome := indicator_outcome(case)) != "ok"]
    assert failing == []


ledger_cases = st.builds(LedgerCase, **{name: st.sampled_from(values) for name, values in LEDGER_DIMENSIONS.items()
                                        if name != "captions"},
                         captions=st.integers(0, 400), seed=st.integers(0, 1000))
indicator_cases = st.builds(IndicatorCase, **{name: st.sampled_from(values)
                                              for name, values in INDICATOR_DIMENSIONS.items()})


@settings(max_examples=120, deadline=None)
@given(ledger_cases)
def test_any_combination_of_a_work_ledgers_layout_gives_the_rows_it_was_built_with(case):
    outcome = ledger_outcome(case)
    if known_limit(case):
        assert not outcome.startswith(("crash", "bad refusal")), outcome
    else:
        assert outcome == "ok", case.label()


@settings(max_examples=80, deadline=None)
@given(indicator_cases)
def test_any_combination_of_an_indicator_tables_layout_gives_its_month_and_figures_in_wan_yuan(case):
    if indicator_file_for_sheet_name_in_csv(case):
        case = IndicatorCase(**{**vars(case), "format": "xlsx"})
    assert indicator_outcome(case) == "ok", case.label()


def test_the_captions_come_from_the_vocabularys_own_table_each_field_its_own():
    rows, _ = ledger_grid(LedgerCase(captions=7))
    header = rows[0]
    for index, field in enumerate(SYNONYM_FIELDS):
        assert synonym(field, 7 * (1 + index)) in header and synonym(field, 7 * (1 + index)) in CAPTION_SYNONYMS[field]


def test_a_category_column_merged_down_is_the_group_of_its_tasks_in_a_sheet_and_in_a_csv():
    for format in ("xlsx", "csv_bom"):
        result = read_ledger(*ledger_file(LedgerCase(groups="category", format=format)))
        assert [row.heading for row in result.rows] == ["优化营商环境"] * 2 + ["强化要素保障"] * 2
        assert result.column_map["重点任务"] == "B"


def test_a_two_row_header_saved_as_csv_reads_its_group_caption_over_the_blank_beside_it():
    result = read_ledger(*ledger_file(LedgerCase(header="progress_over", format="csv_gb18030")))
    assert result.first_data_row == 3 and len(result.rows) == 4
    assert result.rows[0].progress == "本月：已上线一网通办平台\n累计：累计办理3200件"


def test_units_marked_one_a_line_lead_and_support_without_their_marks():
    row = read_ledger(*ledger_file(LedgerCase(units="role_lines"))).rows[0]
    assert (row.lead_units, row.supporting_units) == (["市市场监管局"], ["市政务服务中心", "市税务局"])


def test_a_group_row_counting_its_items_is_named_without_the_count():
    rows = read_ledger(*ledger_file(LedgerCase(groups="across_counted"))).rows
    assert [row.heading for row in rows if row.is_group_row] == ["优化营商环境", "强化要素保障"]
    assert [row.heading for row in rows if not row.is_group_row] == ["优化营商环境"] * 2 + ["强化要素保障"] * 2


@pytest.mark.parametrize("period", ["title_chinese", "signature", "note_below"])
def test_an_indicator_tables_month_written_in_chinese_numerals_or_under_the_table_is_read(period):
    table = read_table(*indicator_file(IndicatorCase(period=period)), INDICATORS)
    assert table.period == "2025-06"


def test_a_sub_caption_carrying_the_unit_converts_the_figures_under_it():
    table = read_table(*indicator_file(IndicatorCase(header="two_rows", unit="caption_yi")), INDICATORS)
    assert [row.values for row in table.rows][:1] == [{"各项贷款余额": 1200.5 * 1e4}]


@settings(max_examples=40, deadline=None)
@given(ledger_cases, st.sampled_from(["no_header", "no_task"]))
def test_a_layout_the_reader_cannot_take_is_refused_in_one_chinese_sentence_naming_the_sheet(case, broken):
    rows, merges = ledger_grid(case)
    top = case.title_rows
    if broken == "no_header":
        rows = rows[:top] + rows[top + (2 if rows[top + 1][0] is None else 1):]
    else:  # the task column's caption written in words no field knows, its cells short
        rows[top] = ["材料" if value in CAPTION_SYNONYMS["具体措施"] else value for value in rows[top]]
        task_at = rows[top].index("材料") if "材料" in rows[top] else None
        for row in rows[top + 1:]:
            if task_at is not None and isinstance(row[task_at], str) and len(row[task_at]) > 8:
                row[task_at] = row[task_at][:4]
    with pytest.raises(LedgerRefused) as refused:
        read_ledger(xlsx_bytes(rows), "台账.xlsx")
    message = str(refused.value)
    assert "工作表“Sheet”" in message and "\n" not in message and "Traceback" not in message
    if broken == "no_task":  # the header's row, and the column it could not name
        assert f"第 {top + 1} 行" in message and "列“材料”" in message
    else:
        assert "前 15 行" in message
