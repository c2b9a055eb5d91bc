"""Each unit's paragraph of a progress cell, 【单位】 first (issue 15): written and read back."""
from __future__ import annotations

import datetime
import io

import openpyxl
import pytest

from tracker.ledger import Ledger, LedgerRow, read_ledger, write_ledger
from tracker.ledger.layout import parse_layout, sheet_layout
from tracker.ledger.unitparts import combine_parts, split_parts


def test_unit_parts_combined_cell_splits_back_into_each_units_text():
    parts = [("重庆银监局", "排查银行 12 家。\n第二段。"), ("重庆证监局", ""), ("重庆保监局", " 检查 3 家。 ")]
    cell = combine_parts(parts)
    assert cell == "【重庆银监局】排查银行 12 家。\n第二段。\n【重庆保监局】检查 3 家。"
    read = split_parts(cell)
    assert read.lead == "" and read.parts == (("重庆银监局", "排查银行 12 家。\n第二段。"), ("重庆保监局", "检查 3 家。"))


def test_unit_parts_text_without_prefix_is_all_lead_and_inline_brackets_are_text():
    read = split_parts("按【重庆银监局】要求推进。")
    assert read.lead == "按【重庆银监局】要求推进。" and not read.prefixed
    read = split_parts("开头。\n【市金融办】督办意见。")
    assert read.lead == "开头。" and read.parts == (("市金融办", "督办意见。"),)
    assert combine_parts([("甲", None), ("乙", "  ")]) is None


@pytest.mark.parametrize("text", ["by-unit", "按单位分行", "按单位", "BY-UNIT"])
def test_unit_parts_by_unit_layout_is_named_in_english_or_chinese(text):
    assert parse_layout(text) == "by-unit"


def test_unit_parts_by_unit_sheet_reads_back_unit_role_and_date():
    layout = sheet_layout("by-unit")
    assert layout.captions[5:7] == ("单位", "角色") and layout.status_column == 12
    common = dict(key="k1", version=3, number="1", heading="", measure="建立机制。", lead_units=["甲局", "乙局"],
                  supporting_units=[], deadline=None, problems=None, next_steps=None, status="推进中")
    rows = [LedgerRow(**common, progress="甲的进展。", unit="甲局", role="牵头", report_date="2026-11-30"),
            LedgerRow(**common, progress=None, unit="乙局", role="牵头", report_date=None)]
    buffer = io.BytesIO()
    write_ledger(Ledger("台账", "市金融办", datetime.date(2026, 12, 1), rows, ["推进中"],
                        layout="by-unit"), buffer)
    sheet = openpyxl.load_workbook(io.BytesIO(buffer.getvalue())).worksheets[0]
    assert sheet.cell(4, 12).value == "推进中" and sheet.cell(4, 13).value == "2026-11-30"
    read = read_ledger(buffer.getvalue(), "台账.xlsx")
    assert read.ok and read.own_export
    assert [(r.unit, r.role, r.report_date and r.report_date.isoformat(), r.progress, r.key) for r in read.rows] == [
        ("甲局", "牵头", "2026-11-30", "甲的进展。", "k1"), ("乙局", "牵头", None, None, "k1")]
