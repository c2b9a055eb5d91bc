"""Fast cells for write-only sheets: styles prepared once, cells placed without openpyxl's checks.

Issue #4 caps the export of 10,000 tasks at 1.5× a bare openpyxl write-only loop writing the same
cells. Three costs of openpyxl's usual path dominated: assigning Font/Border/Alignment objects to
each cell (hashed and searched for in the workbook's lists every time), looking each cell's style
array up again when writing it, and ``append`` trying every cell as a plain value first and only
taking it as a cell after a ValueError whose message formats the cell. Here a style is prepared
once (plain and quote-prefixed arrays with their ids), cells share those arrays and carry their
id, and ``CellRowSheet.append`` takes ready cells. The text of a cell still goes through
cells.set_text_cell, the one place that makes it formula-safe.
"""

from __future__ import annotations

from copy import copy
from typing import NamedTuple

from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.xml.constants import SHEET_MAIN_NS
from openpyxl.xml.functions import xmlfile
from openpyxl.worksheet.cell_range import CellRange

from .cells import set_text_cell


class PreparedStyle(NamedTuple):
    """A cell style as openpyxl stores it: the style array, plain and quote-prefixed, and ids."""

    plain: object
    quoted: object
    plain_id: int
    quoted_id: int


class StyledCell(Cell):
    """A cell that carries its style id (this slot shadows openpyxl's ``Cell.style_id``, which
    looks the style up in the workbook's list again for every cell written)."""

    __slots__ = ("style_id",)


class Utf8WorksheetWriter(WorksheetWriter):
    """openpyxl's sheet writer, writing UTF-8 instead of ASCII.

    With lxml installed, openpyxl streams sheets through ``lxml.etree.xmlfile`` without an
    encoding, i.e. ASCII: every CJK character becomes a numeric reference such as ``&#22635;``
    (8 bytes instead of 3). A 50,000-task ledger then unpacks to about 79 MB of sheet XML, past
    the 50 MB an upload may unpack to (safety.LedgerLimits), and every reader parses 2.5 times
    the bytes. XML without a declaration is UTF-8 by definition.
    """

    def get_stream(self):
        """The generator openpyxl's WorksheetWriter.get_stream is, with encoding="utf-8"."""
        with xmlfile(self.out, encoding="utf-8") as xf:
            with xf.element("worksheet", xmlns=SHEET_MAIN_NS):
                try:
                    while True:
                        element = (yield)
                        if element is True:
                            yield xf
                        elif element is None:
                            continue
                        else:
                            xf.write(element)
                except GeneratorExit:
                    pass


class CellRowSheet(WriteOnlyWorksheet):
    """A write-only sheet whose appended rows are lists of ready cells (or None for a gap),
    written in UTF-8 (Utf8WorksheetWriter).

    Set ``dimension`` ("A1:L10003") before the first row to write the sheet's ``<dimension>``:
    openpyxl's write-only sheets write none, and a reader such as openpyxl's read-only mode then
    parses the whole sheet once more just to find its size.
    """

    dimension: str = "A1"

    def _get_writer(self):
        if self._writer is None:
            self._writer = Utf8WorksheetWriter(self)
            self._writer.write_top()

    def calculate_dimension(self) -> str:
        """The ``<dimension ref>`` written at the top of the sheet (openpyxl's writer asks)."""
        return self.dimension

    def _values_to_row(self, values, row_idx):
        for col_idx, cell in enumerate(values, 1):
            if cell is not None:
                cell.column = col_idx
                cell.row = row_idx
                yield cell


def add_cell_row_sheet(workbook, title: str) -> CellRowSheet:
    """Add a CellRowSheet called ``title`` to a write-only ``workbook`` (as create_sheet does)."""
    sheet = CellRowSheet(parent=workbook, title=title)
    workbook._add_sheet(sheet)
    return sheet


def prepare_style(sheet, font, border=None, alignment=None, fill=None, protection=None) -> PreparedStyle:
    """Register a style with these attributes in ``sheet``'s workbook and return it prepared.

    ``protection`` (openpyxl ``Protection``) None keeps Excel's default, a locked cell.
    """
    cell = WriteOnlyCell(sheet)
    cell.font = font
    if border is not None:
        cell.border = border
    if alignment is not None:
        cell.alignment = alignment
    if fill is not None:
        cell.fill = fill
    if protection is not None:
        cell.protection = protection
    quoted = copy(cell._style)
    quoted.quotePrefix = 1
    cell_styles = sheet.parent._cell_styles
    return PreparedStyle(cell._style, quoted, cell_styles.add(cell._style), cell_styles.add(quoted))


def text_cell(sheet, style: PreparedStyle, value: str | None) -> StyledCell:
    """Return a new cell of ``sheet`` holding ``value`` as formula-safe text, in ``style``.

    Raises TypeError for a value that is neither str nor None (cells.neutralize_cell_text).
    """
    cell = StyledCell(sheet)
    if value is not None:  # a new cell is already empty
        set_text_cell(cell, value)
    # set_text_cell gave the cell a style array of its own only if it needed quotePrefix; the
    # cell then takes the shared quote-prefixed array instead.
    if cell._style is None:
        cell._style, cell.style_id = style.plain, style.plain_id
    else:
        cell._style, cell.style_id = style.quoted, style.quoted_id
    return cell


def number_cell(sheet, style: PreparedStyle, value: int | float) -> StyledCell:
    """Return a new cell of ``sheet`` holding the number ``value``, in ``style``."""
    cell = StyledCell(sheet, value=value)
    cell._style, cell.style_id = style.plain, style.plain_id
    return cell


def merge(sheet, reference: str) -> None:
    """Merge ``reference`` ("B4:B9") on a write-only sheet; added to the set directly, as
    ``MultiCellRange.add`` first compares it with every range already there."""
    sheet.merged_cells.ranges.add(CellRange(reference))
