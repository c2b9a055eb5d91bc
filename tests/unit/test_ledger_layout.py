"""Ledger layouts on their own (no app, no database): tree or flat, extra columns, a note line.

An office opens each variant in Excel: the contract's captions stay in columns A–J, the extra
columns follow, the key and version stay hidden at the end, the header moves down under a note
line, and printing, freezing and widths follow the columns actually shown.
"""
import datetime

import openpyxl
import pytest

from tracker.ledger import Ledger, LedgerRow, LEDGER_CAPTIONS, write_ledger
from tracker.ledger.layout import EXTRA_CAPTIONS, parse_columns, parse_layout, sheet_layout


def rows():
    def row(key, number, heading, path_text, **extra):
        return LedgerRow(key=key * 32, version=2, number=number, heading=heading, measure="措施" + number,
                         lead_units=["市金融办"], supporting_units=[], deadline=None, progress=None,
                         problems=None, next_steps=None, status="推进中", path_text=path_text, extra=extra)
    return [row("a", "一（一）1", "防控风险", "一、防控风险 ＞ （一）排查", 责任人="张三", 最近反馈时间="2026-10-05"),
            row("b", "一（一）2", "防控风险", "一、防控风险 ＞ （一）排查"),
            row("c", "二（一）", "降低杠杆", "二、降低杠杆")]


def written(tmp_path, **options):
    ledger = Ledger(title="台账", unit_name="市金融办", export_date=datetime.date(2026, 11, 2), rows=rows(),
                    status_choices=["推进中", "已办结"], **options)
    write_ledger(ledger, tmp_path / "l.xlsx")
    return openpyxl.load_workbook(tmp_path / "l.xlsx").worksheets[0]


def test_tree_layout_without_options_is_the_classic_ledger(tmp_path):
    sheet = written(tmp_path)
    assert [c.value for c in sheet[3]] == list(LEDGER_CAPTIONS) + ["任务键", "版本"]
    assert "B4:B5" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet.print_area == "'工作台账'!$A$1:$J$6"


def test_flat_layout_with_every_extra_column_and_a_note_line(tmp_path):
    sheet = written(tmp_path, layout="flat", extra_columns=EXTRA_CAPTIONS[:3], note="筛选：状态=推进中；亮灯=红灯")
    assert sheet["A2"].value == "筛选：状态=推进中；亮灯=红灯" and "A2:N2" in {str(r) for r in sheet.merged_cells.ranges}
    captions = [c.value for c in sheet[4]]
    assert captions == list(LEDGER_CAPTIONS) + ["所属层级", "责任人", "最近反馈时间", "备注", "任务键", "版本"]
    assert not [r for r in sheet.merged_cells.ranges if r.min_row > 4]  # flat: no merged data cells
    assert [sheet.cell(r, 2).value for r in (5, 6, 7)] == ["防控风险", "防控风险", "降低杠杆"]
    assert sheet["K5"].value == "一、防控风险 ＞ （一）排查" and sheet["L5"].value == "张三" and sheet["M5"].value == "2026-10-05"
    assert sheet["N5"].value is None and sheet["O5"].value == "a" * 32 and sheet["P5"].value == 2
    assert sheet.freeze_panes == "C5" and sheet.print_title_rows == "$4:$4"
    assert sheet.print_area == "'工作台账'!$A$1:$N$7"
    assert [sheet.column_dimensions[c].hidden for c in "KLMNOP"] == [False] * 4 + [True] * 2
    assert all(sheet.column_dimensions[c].width >= 12 for c in "KLMN")
    assert str(sheet.data_validations.dataValidation[0].sqref) == "J5:J7"  # 完成状态 stays in J


def test_flat_layout_puts_the_signed_by_column_after_the_other_extras(tmp_path):
    """签发人 (issue 18: who signed the report off inside its unit) is the last optional column."""
    assert EXTRA_CAPTIONS[-1] == "签发人" and parse_columns("签发人,责任人") == ("责任人", "签发人")
    sheet = written(tmp_path, layout="flat", extra_columns=("责任人", "签发人"))
    assert [c.value for c in sheet[3]][-4:] == ["责任人", "签发人", "任务键", "版本"]


def test_layout_names_and_columns_are_checked():
    assert parse_layout(None) == "tree" and parse_layout("平铺") == "flat" and parse_layout(" FLAT ") == "flat"
    assert parse_columns("备注，责任人、备注") == ("责任人", "备注")
    assert parse_columns(["最近反馈时间", "责任人"]) == ("责任人", "最近反馈时间")
    with pytest.raises(ValueError, match="可选 tree"):
        parse_layout("grid")
    with pytest.raises(ValueError, match="未知的附加列“联系电话”"):
        parse_columns("联系电话")
    assert sheet_layout("flat", ("备注",)).unlocked == {7, 8, 9, 10, 12}
