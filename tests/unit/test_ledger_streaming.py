"""The ledger's sheet rows are written as ready XML (issue 19), and say exactly what openpyxl says.

ledger/streaming.py writes each row of the ledger sheet as one string instead of letting openpyxl
write it cell by cell. An office opening the file must not be able to tell: for the same cells, the
same styles and the same row heights, the sheet's ``<sheetData>`` is byte for byte what openpyxl itself
writes (through lxml), for awkward texts too: formulas, blanks at either end, markup characters, line
breaks, characters XML cannot carry, text over Excel's cell limit, characters outside the BMP.
"""
from __future__ import annotations

import re
import zipfile
from copy import copy
from io import BytesIO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from tracker.ledger.cells import set_text_cell
from tracker.ledger.streaming import Utf8WorksheetWriter, add_cell_row_sheet, number_cell, prepare_style, text_cell

TEXTS = [
    "加快推进普惠金融服务，确保取得实效。",
    '=HYPERLINK("http://x","点击")',
    "+86 23 6789", "-3%", "@某某", "\t以制表符开头", "\r以回车开头",
    "  前后有空格  ", "末尾全角空格\u3000", "\u3000开头全角空格",
    'a&b<c>d"e\'f ]]> &amp;',
    "第一行\r\n第二行\n第三行\t制表",
    "控制字符\x01\x0b\x1f在此",
    "\x00=以NUL开头的公式",
    "",
    None,
    "超出基本平面的字：𠀀😀",
    "长" * 40_000,
]


class OpenpyxlRows(WriteOnlyWorksheet):
    """The reference: a write-only sheet in UTF-8 whose rows openpyxl writes itself, cell by cell."""

    def _get_writer(self):
        if self._writer is None:
            self._writer = Utf8WorksheetWriter(self)
            self._writer.write_top()


def _styles(workbook, sheet):
    thin = Side(style="thin")
    return [prepare_style(sheet, Font(name="宋体", size=11), Border(left=thin, right=thin, top=thin, bottom=thin),
                          Alignment(vertical="top", wrap_text=True)),
            prepare_style(sheet, Font(name="宋体", size=11, bold=True))]


def _sheet_data(workbook) -> bytes:
    out = BytesIO()
    workbook.save(out)
    xml = zipfile.ZipFile(out).read("xl/worksheets/sheet1.xml")
    return re.search(rb"<sheetData>.*</sheetData>", xml, re.S).group(0)


def _rows():
    """Rows of (style index, text) cells, None for a gap, and a version number at the end; every other
    row has a height."""
    rows = []
    for index in range(0, len(TEXTS), 3):
        texts = TEXTS[index:index + 3]
        rows.append([(index % 2, text) for text in texts] + [None, 7 + index])
    return rows


def test_fast_rows_are_the_bytes_openpyxl_writes_for_the_same_cells():
    ours = Workbook(write_only=True)
    sheet = add_cell_row_sheet(ours, "工作台账")
    styles = _styles(ours, sheet)

    reference = Workbook(write_only=True)
    theirs = OpenpyxlRows(parent=reference, title="工作台账")
    reference._add_sheet(theirs)
    their_styles = _styles(reference, theirs)
    assert [s.plain_id for s in styles] == [s.plain_id for s in their_styles]

    for number, row in enumerate(_rows(), start=1):
        if number % 2:
            sheet.set_height(number, 20.5 * number)
            theirs.row_dimensions[number].height = 20.5 * number
        cells, their_cells = [], []
        for item in row[:-1]:
            if item is None:
                cells.append(None)
                their_cells.append(None)
                continue
            style, text = item
            cells.append(text_cell(styles[style], text))
            cell = WriteOnlyCell(theirs)
            cell._style = copy(their_styles[style].plain)
            set_text_cell(cell, text)
            their_cells.append(cell)
        cells.append(number_cell(styles[0], row[-1]))
        version = WriteOnlyCell(theirs, value=row[-1])
        version._style = copy(their_styles[0].plain)
        their_cells.append(version)
        sheet.append(cells)
        theirs.append(their_cells)

    expected = _sheet_data(reference)
    assert b"quotePrefix" not in expected  # styles live in styles.xml; a formula text only changes its s="…"
    assert b"<f>" not in expected and "长".encode() * 32_767 in expected
    assert _sheet_data(ours) == expected
