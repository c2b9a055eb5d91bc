"""Stream one worksheet's XML into a sparse grid of values, formula marks and merged ranges.

Why not ``worksheet.iter_rows()``: in read-only mode openpyxl pads every row to the sheet's
declared ``<dimension>`` and yields empty rows up to it, so a forged ``A1:XFD1048576`` turns three
real rows into a million rows of 16,384 cells (SECURITY-TESTS.md E4); and it never exposes merged
cells, which ledgers use for 重点任务 spanning its measures and for two-row headers. Loading in
normal mode would give merges but costs several times the time and memory on big files.

So this module makes its own pass over the sheet XML with openpyxl's ``iterparse`` (defusedxml's
when installed): it keeps only real ``<row>`` elements with values, reads ``<mergeCell>`` elements
one by one, and clears every element once read, so memory follows the cells that hold values.
Cells are decoded as openpyxl's ``WorkSheetParser.parse_cell`` does (shared strings, inline
strings with their rich-text runs, numbers, dates by number format, ``t="str"``/``"b"``/``"e"``/
``"d"``), except that a cell with an ``<f>`` element never has its formula parsed, translated nor
kept: it gives the value Excel cached in its ``<v>`` (and is listed in ``SheetGrid.formulas``), or
FORMULA when there is no cached value. Doing this here instead of through openpyxl's per-cell dicts and
rich-text objects makes the pass faster than openpyxl's own read-only iteration. openpyxl is
pinned (3.1.5); the private workbook attributes used (``_archive``, ``_date_formats``,
``_timedelta_formats``, and the sheet's ``_worksheet_path``, ``_shared_strings``) are exercised by
tests/unit/test_ledger_reader.py.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from openpyxl.utils.cell import coordinate_to_tuple, range_boundaries
from openpyxl.utils.datetime import from_excel, from_ISO8601
from openpyxl.xml.constants import SHEET_MAIN_NS
from openpyxl.xml.functions import iterparse

from .safety import LedgerLimits, LedgerRefused, xml_failure

_ROW = f"{{{SHEET_MAIN_NS}}}row"
_MERGE = f"{{{SHEET_MAIN_NS}}}mergeCell"
_CELL, _VALUE, _FORMULA = (f"{{{SHEET_MAIN_NS}}}{tag}" for tag in ("c", "v", "f"))
_INLINE, _TEXT, _RUN = (f"{{{SHEET_MAIN_NS}}}{tag}" for tag in ("is", "t", "r"))
# Elements inside a <row> that must stay intact until the row itself is parsed.
_KEEP = {f"{{{SHEET_MAIN_NS}}}{tag}" for tag in ("c", "v", "f", "is", "t", "r")}


class Formula:
    """Marks a cell that holds a formula; its text is deliberately not kept (never evaluated)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<formula>"


class CellError(str):
    """A cell holding an Excel error value such as "#N/A" (``t="e"``)."""


FORMULA = Formula()


@dataclass
class SheetGrid:
    """The values of one worksheet.

    ``rows``: row number -> {column number -> value}, only cells holding something (text, number,
    date/datetime, bool, FORMULA, CellError); 1-based like Excel. ``merges``: merged ranges as
    (min_row, min_col, max_row, max_col). ``filled``: cells given their value by
    ``fill_vertical_merges`` (a merged range's value copied to the rows below its anchor).
    ``formulas``: (row, column) of formula cells whose cached value stands in ``rows``.
    """

    name: str
    rows: dict[int, dict[int, object]] = field(default_factory=dict)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    filled: set[tuple[int, int]] = field(default_factory=set)
    formulas: set[tuple[int, int]] = field(default_factory=set)

    def value(self, row: int, column: int):
        """Return the value at (row, column), or None."""
        return self.rows.get(row, {}).get(column)


def scan_sheet(workbook, worksheet, limits: LedgerLimits, stop_after_row: int | None = None) -> SheetGrid:
    """Read ``worksheet`` (of a read-only ``workbook``) into a SheetGrid.

    ``stop_after_row``: stop once past this row number (a quick look at the header area).
    Text cells that hold only spaces count as empty. Raises LedgerRefused("too_many_rows") once
    more than ``limits.max_rows`` + 100 rows hold values or ``limits.sheet_row_cap`` ``<row>``
    elements were read, LedgerRefused("bad_merges") past ``limits.max_merges`` merged ranges,
    LedgerRefused("unsafe_xml"/"corrupt") when the XML cannot be read safely.
    """
    grid = SheetGrid(worksheet.title)
    decoder = _CellDecoder(workbook, worksheet._shared_strings)
    value_rows_cap = limits.max_rows + 100  # data rows are counted exactly once the header is known
    row_elements = 0
    number = 0
    try:
        with workbook._archive.open(worksheet._worksheet_path) as source:
            for _event, element in iterparse(source):
                tag = element.tag
                if tag == _ROW:
                    row_elements += 1
                    reference = element.get("r")
                    number = int(float(reference)) if reference else number + 1
                    if stop_after_row is not None and number > stop_after_row:
                        break
                    values = decoder.row_values(element)
                    element.clear()
                    for column in decoder.cached_formulas:
                        grid.formulas.add((number, column))
                    if values:
                        grid.rows[number] = values
                        if len(grid.rows) > value_rows_cap:
                            raise _too_many_rows(limits)
                    if row_elements > limits.sheet_row_cap:
                        raise _too_many_rows(limits)
                elif tag == _MERGE:
                    bounds = _merge_bounds(element.get("ref"))
                    element.clear()
                    if bounds:
                        grid.merges.append(bounds)
                        if len(grid.merges) > limits.max_merges:
                            raise LedgerRefused("工作表中的合并单元格过多（超过 "
                                                f"{limits.max_merges} 处），请取消合并后再上传。", "bad_merges")
                elif tag not in _KEEP:
                    element.clear()
    except LedgerRefused:
        raise
    except Exception as error:
        raise xml_failure(error, "工作表", f"工作表“{worksheet.title}”已损坏，无法读取。请在 Excel 中打开并另存为 .xlsx "
                                         "后再上传。") from error
    return grid


def _too_many_rows(limits: LedgerLimits) -> LedgerRefused:
    return LedgerRefused(f"台账行数过多（上限 {limits.max_rows} 行），请拆分成几个文件后再上传。",
                         "too_many_rows")


class _CellDecoder:
    """Decodes the ``<c>`` elements of a row the way openpyxl's WorkSheetParser.parse_cell does."""

    def __init__(self, workbook, shared_strings) -> None:
        self.shared_strings = shared_strings
        self.date_formats = workbook._date_formats
        self.timedelta_formats = workbook._timedelta_formats
        self.epoch = workbook.epoch
        self.cached_formulas: list[int] = []  # columns of the last row's formulas with a cached value

    def row_values(self, row) -> dict[int, object]:
        """{column: value} of the ``<row>`` element ``row``; blank texts and empty cells left out."""
        values = {}
        self.cached_formulas = []
        column = 0
        for cell in row:
            if cell.tag != _CELL:
                continue
            reference = cell.get("r")
            column = coordinate_to_tuple(reference)[1] if reference else column + 1
            if cell.find(_FORMULA) is not None:  # "=...", array or data-table formula: never kept
                try:
                    value = self._value(cell)
                except (ValueError, TypeError, IndexError):  # a malformed cached value: none to take
                    value = None
                if value is None or isinstance(value, str) and not value.strip():
                    values[column] = FORMULA  # no cached value to take
                else:
                    values[column] = value
                    self.cached_formulas.append(column)
                continue
            value = self._value(cell)
            if value is None or isinstance(value, str) and not value.strip():
                continue
            values[column] = value
        return values

    def _value(self, cell):
        kind = cell.get("t", "n")
        if kind == "inlineStr":
            node = cell.find(_INLINE)
            return None if node is None else _inline_text(node)
        value = cell.findtext(_VALUE)
        if not value:
            return None
        if kind == "n":
            number = float(value) if "." in value or "E" in value or "e" in value else int(value)
            style = cell.get("s")
            if style and int(style) in self.date_formats:
                try:
                    return from_excel(number, self.epoch, timedelta=int(style) in self.timedelta_formats)
                except (OverflowError, ValueError):
                    return CellError("#VALUE!")
            return number
        if kind == "s":
            return self.shared_strings[int(value)]
        if kind == "b":
            return bool(int(value))
        if kind == "e":
            return CellError(value)
        if kind == "d":
            return from_ISO8601(value)
        return value  # "str": the cached text of a formula cell without its <f>, or plain text


def _inline_text(node) -> str:
    """The text of an ``<is>`` element: its ``<t>`` and the ``<t>`` of each ``<r>`` run (as
    openpyxl's ``Text.content``; phonetic ``<rPh>`` runs are left out)."""
    parts = [node.findtext(_TEXT) or ""]
    parts.extend(run.findtext(_TEXT) or "" for run in node.iterfind(_RUN))
    return "".join(parts)


def _merge_bounds(reference: str | None) -> tuple[int, int, int, int] | None:
    """(min_row, min_col, max_row, max_col) of "B4:B9"; None for a single cell or a bad ref."""
    try:
        min_col, min_row, max_col, max_row = range_boundaries(reference or "")
    except (ValueError, TypeError):
        return None
    if None in (min_col, min_row, max_col, max_row):
        return None
    if (min_row, min_col) == (max_row, max_col):
        return None
    return min_row, min_col, max_row, max_col


def fill_vertical_merges(grid: SheetGrid, first_row: int, budget: int) -> None:
    """Copy each merged range's value down its anchor column, for anchors at ``first_row`` or below.

    A value in a merged range applies to every row of the range (e.g. 重点任务 merged over its
    measures); only rows that hold other values are given it, in the anchor's column only (a
    heading merged across a whole row stays one cell). ``budget`` caps the cells visited in all
    (overlapping or sheet-sized ranges in a crafted file); past it, LedgerRefused("bad_merges").
    """
    present = sorted(grid.rows)
    visited = 0
    for min_row, min_col, max_row, _max_col in grid.merges:
        if min_row < first_row or max_row == min_row:
            continue
        anchor = grid.value(min_row, min_col)
        if anchor is None:
            continue
        start = bisect.bisect_right(present, min_row)
        end = bisect.bisect_right(present, max_row)
        visited += end - start + 1
        if visited > budget:
            raise LedgerRefused("工作表中的合并单元格范围异常（重叠或过大），请取消合并后再上传。", "bad_merges")
        for row in present[start:end]:
            cells = grid.rows[row]
            if min_col not in cells:
                cells[min_col] = anchor
                grid.filled.add((row, min_col))
