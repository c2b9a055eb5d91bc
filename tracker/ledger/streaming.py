"""Fast rows for write-only sheets: styles prepared once, each row written as ready XML.

Issue #4 caps the export of 10,000 tasks at 1.5× a bare openpyxl write-only loop writing the same
cells, and issue 19 the whole ``export-ledger`` process (Python start, imports, the app, the queries,
the workbook) at 1.5× such a loop in its own process. openpyxl spends most of a write-only sheet's time
per cell: a Cell object, its value checks, its style looked up, its coordinate computed, and four lxml
calls to stream ``<c><is><t>``. Here a style is prepared once (plain and quote-prefixed, with their
ids), a cell is the XML text that follows its reference (``text_cell``, ``number_cell``: escaped and
formula-safe when it is made), and ``CellRowSheet`` writes each appended row as one string between
openpyxl's own ``<sheetData>`` tags; everything else in the sheet (columns, panes, merged cells,
validations, page set-up, protection) is still openpyxl's. The bytes are those openpyxl writes for the
same cells (tests/unit/test_ledger_streaming.py compares them). The text of a cell still goes through
cells.neutralize_cell_text and cells.needs_quote_prefix, the one place that makes it formula-safe.
"""

from __future__ import annotations

import re
from copy import copy
from typing import NamedTuple

from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.xml.constants import SHEET_MAIN_NS
from openpyxl.xml.functions import xmlfile
from openpyxl.worksheet.cell_range import CellRange

from .cells import needs_quote_prefix, neutralize_cell_text

#: What lxml escapes in text (and in attribute values, with the quote and the other blanks).
_TEXT_SPECIAL = re.compile("[&<>\r]")
_ATTRIBUTE_SPECIAL = re.compile('[&<>"\r\n\t]')


def _escape_text(text: str) -> str:
    """``text`` escaped as lxml writes a text node: & < > and CR (as &#13;)."""
    if _TEXT_SPECIAL.search(text) is None:
        return text
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _escape_attribute(value: str) -> str:
    """``value`` escaped as lxml writes an attribute value in double quotes."""
    if _ATTRIBUTE_SPECIAL.search(value) is None:
        return value
    return (value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
            .replace("\r", "&#13;").replace("\n", "&#10;").replace("\t", "&#9;"))


class PreparedStyle(NamedTuple):
    """A cell style as openpyxl stores it: the style array, plain and quote-prefixed, and their ids."""

    plain: object
    quoted: object
    plain_id: int
    quoted_id: int

    @property
    def empty(self) -> str:
        """An empty cell in this style (openpyxl writes a styled cell without a value too)."""
        return f' s="{self.plain_id}" t="n"></c>'


class Utf8WorksheetWriter(WorksheetWriter):
    """openpyxl's sheet writer, writing UTF-8 instead of ASCII.

    With lxml installed, openpyxl streams sheets through ``lxml.etree.xmlfile`` without an
    encoding, i.e. ASCII: every CJK character becomes a numeric reference such as ``&#22635;``
    (8 bytes instead of 3). A 50,000-task ledger then unpacks to about 79 MB of sheet XML, past
    the 50 MB an upload may unpack to (safety.LedgerLimits), and every reader parses 2.5 times
    the bytes. XML without a declaration is UTF-8 by definition.
    """

    def get_stream(self):
        """The generator openpyxl's WorksheetWriter.get_stream is, with encoding="utf-8", writing to a file
        that ``stream`` also names (CellRowSheet writes its rows there, between lxml's flushes)."""
        with open(self.out, "wb") as self.stream, xmlfile(self.stream, encoding="utf-8") as xf:
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
    """A write-only sheet whose appended rows are lists of cells made by ``text_cell`` and
    ``number_cell`` (or None for a gap), written in UTF-8 (Utf8WorksheetWriter), each row as one
    string of XML.

    Set ``dimension`` ("A1:L10003") before the first row to write the sheet's ``<dimension>``:
    openpyxl's write-only sheets write none, and a reader such as openpyxl's read-only mode then
    parses the whole sheet once more just to find its size. Row heights (``set_height``, or ``row_dimensions``) must be
    set before their row is appended, as in any write-only sheet.
    """

    dimension: str = "A1"
    _heights: dict[int, float] | None = None  # row number -> points (set_height)

    def set_height(self, row_idx: int, points: float) -> None:
        """Make row ``row_idx`` ``points`` high, as ``row_dimensions[row_idx].height = points`` does,
        without an openpyxl RowDimension object per row (before the row is appended)."""
        if self._heights is None:
            self._heights = {}
        self._heights[row_idx] = float(points)

    def _get_writer(self):
        if self._writer is None:
            self._writer = Utf8WorksheetWriter(self)
            self._writer.write_top()

    def calculate_dimension(self) -> str:
        """The ``<dimension ref>`` written at the top of the sheet (openpyxl's writer asks)."""
        return self.dimension

    def _write_rows(self):
        """The generator openpyxl's WriteOnlyWorksheet._write_rows is: each row sent to it is written
        as ``<row>`` with its cells, straight to the sheet's file, inside lxml's ``<sheetData>``."""
        try:
            xf = self._writer.xf.send(True)
        except StopIteration:
            self._already_saved()
        with xf.element("sheetData"):
            xf.flush()  # lxml's <sheetData> is in the file before the rows
            write = self._writer.stream.write
            letters: list[str] = []
            row_idx = 1
            try:
                while True:
                    row = (yield)
                    if len(row) > len(letters):
                        letters = [get_column_letter(column) for column in range(1, len(row) + 1)]
                    write(self._row_xml(row, row_idx, letters).encode("utf-8"))
                    row_idx += 1
            except GeneratorExit:
                pass
        self._writer.xf.send(None)

    def _row_xml(self, cells: list[str | None], row_idx: int, letters: list[str]) -> str:
        """One ``<row>``: its attributes as openpyxl writes them (``r``, then the row's dimension: height),
        then each cell that is not None with its reference."""
        number = str(row_idx)
        height = self._heights.get(row_idx) if self._heights else None
        if height is not None:  # RowDimension(ht=…) as openpyxl writes it: ht, then customHeight
            start = f'<row r="{number}" ht="{"%.16g" % height}" customHeight="1">'
        else:
            attributes = {"r": number}
            attributes.update(self.row_dimensions.get(row_idx, {}))
            start = "<row" + "".join(f' {name}="{_escape_attribute(value)}"' for name, value in attributes.items()) + ">"
        return start + "".join(f'<c r="{letters[index]}{number}"{cell}' for index, cell in enumerate(cells)
                               if cell is not None) + "</row>"


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


def text_cell(style: PreparedStyle, value: str | None) -> str:
    """Return a cell holding ``value`` as formula-safe text in ``style``, for CellRowSheet.append.

    The text is cleaned by cells.neutralize_cell_text (an empty result is an empty cell in the
    style); it is a string cell (``t="inlineStr"``, never a formula) and takes the quote-prefixed
    style when cells.needs_quote_prefix says so; blanks at either end are kept (``xml:space``).
    Raises TypeError for a value that is neither str nor None.
    """
    text = neutralize_cell_text(value)
    if not text:
        return style.empty
    style_id = style.quoted_id if needs_quote_prefix(text) else style.plain_id
    # Blank at either end (as ``text != text.strip()``, without copying the text).
    space = ' xml:space="preserve"' if text[0].isspace() or text[-1].isspace() else ""
    return f' s="{style_id}" t="inlineStr"><is><t{space}>{_escape_text(text)}</t></is></c>'


def number_cell(style: PreparedStyle, value: int | float) -> str:
    """Return a cell holding the number ``value`` in ``style`` (written as openpyxl writes a number)."""
    return f' s="{style.plain_id}" t="n"><v>{"%.16g" % value}</v></c>'


def merge(sheet, reference: str) -> None:
    """Merge ``reference`` ("B4:B9") on a write-only sheet; added to the set directly, as
    ``MultiCellRange.add`` first compares it with every range already there."""
    sheet.merged_cells.ranges.add(CellRange(reference))
