"""Read a work ledger (工作台账) back: the tracker's own exports and other offices' ledgers.

Pure module (no Flask, no database): ``read_ledger`` turns an .xlsx into plain dataclasses; the
import service decides what to create, update or refuse (CONTRACTS.md §4, issue #4). Steps:

1. safety.py/sources.py refuse dangerous or unreadable files before any reader runs
   (SECURITY-TESTS.md E1–E7) and tell .xlsx, .xls, .ods and CSV apart by their bytes;
2. sheet.py streams an .xlsx sheet into a sparse grid (real rows only, merged ranges kept);
   sources.py gives the same grid for CSV (csv module) and .xls/.ods (python-calamine);
3. header.py finds the header (title rows above it, two-row headers, vocabulary/captions.py), or
   the caller's corrected column map is used;
4. rows.py turns each row into a ReadRow (results.py): merged cells spread down, hierarchy.py
   paths, units split, values typed; every bad cell becomes a LedgerIssue and reading goes on, so
   ALL bad rows are reported at once (SECURITY-TESTS.md E9).

Formulas are never evaluated nor kept: the value the file cached with a formula is read as the
cell's value (a note says so); a formula without a cached value in an imported column is an issue
for its row ("公式单元格，请改为文本", E11), in other columns it is ignored with a note. Texts come back exactly as stored, so the writer's formula-safe
cells ("=HYPERLINK(...)" with quotePrefix) read back unchanged and no "'" accumulates (D5).
"""

from __future__ import annotations

from typing import Collection

from openpyxl.utils import column_index_from_string, get_column_letter

from ..parsing.tables import names_led_work
from ..vocabulary.captions import CAPTION_SYNONYMS, normalize_caption
from .header import HEADER_SCAN_ROWS, HeaderLayout, find_header, read_head_lines
from .results import FORMULA_REASON, LedgerIssue, LedgerReadResult, ReadRow
from .rows import RowReader
from .safety import LedgerLimits, LedgerRefused, load_source
from .sheet import SheetGrid, fill_vertical_merges
from .sources import check_ledger_container, read_grid

__all__ = ["FORMULA_REASON", "LedgerIssue", "LedgerReadResult", "ReadRow", "read_ledger"]


def read_ledger(source, filename: str | None = None, *, column_map: dict[str, str] | None = None,
                statuses: Collection[str] | None = None, header_row: int | None = None,
                sheet: str | None = None, limits: LedgerLimits = LedgerLimits()) -> LedgerReadResult:
    """Read the ledger in ``source`` (a path, bytes, or a binary file object): .xlsx, .xls,
    .ods or CSV, told apart by their bytes (sources.py).

    ``filename``: the name shown in messages (default: the path's base name); ``column_map``:
    canonical caption -> column letter replacing the detected mapping (see
    CAPTION_SYNONYMS for the captions); ``statuses``: the allowed 完成状态 texts (None: any);
    ``header_row``: the first header row when detection fails; ``sheet``: the sheet's name
    (default: the first visible sheet with a header); ``limits``: sizes, in bytes and rows.
    Returns a LedgerReadResult; bad cells are in its ``issues``. Raises LedgerRefused (see
    safety.REFUSAL_CODES) when the whole file cannot be used, with a Chinese message saying what
    to do next.
    """
    data, filename = load_source(source, filename, limits)
    kind = check_ledger_container(data, filename, limits)
    grid = read_grid(data, filename, kind, sheet, limits, lambda found: find_header(found) is not None)
    layout = _layout(grid, column_map, header_row)
    first_data_row = layout.last_row + 1
    data_rows = [row for row in sorted(grid.rows) if row >= first_data_row]
    if len(data_rows) > limits.max_rows:
        raise LedgerRefused(f"台账有 {len(data_rows)} 行数据，超过上限 {limits.max_rows} 行，"
                            "请拆分成几个文件后再上传。", "too_many_rows")
    fill_vertical_merges(grid, first_data_row, budget=20 * len(grid.rows) + 100_000)
    head = read_head_lines(grid, layout.first_row)
    builder = RowReader(grid, layout, statuses)
    if (group_line := _group_line_above(grid, layout.first_row)) is not None:
        builder.add(group_line)  # the first group's line, above its own header row: the group row of the rows below
    for row in data_rows:
        builder.add(row)
    letters = {caption: get_column_letter(column) for caption, column in layout.columns.items()}
    return LedgerReadResult(
        filename=filename, sheet=grid.name, title=head.title, unit_name=head.unit_name,
        report_date=head.report_date, header_row=layout.first_row, first_data_row=first_data_row,
        column_map=letters,
        unmapped={get_column_letter(column): text for column, text in layout.unmapped.items()},
        rows=builder.rows, issues=builder.issues,
        warnings=layout.warnings + head.warnings + builder.warnings,
        own_export="任务键" in layout.columns,
    )


def _group_line_above(grid: SheetGrid, header_row: int) -> int | None:
    """The row right above the header when it is the first group's line, not the title: one text naming who leads the
    work under it (parsing ``names_led_work``: "洪湖鹏市长主抓重点工作"), under a title line, each group of the sheet
    written so above its own repeated header (湖州 2023 半年度完成情况, ledger corpus 049). None otherwise."""
    above = header_row - 1
    texts = [value for value in grid.rows.get(above, {}).values() if isinstance(value, str) and value.strip()]
    if (len(texts) != 1 or len(grid.rows.get(above, {})) != 1 or not names_led_work(texts[0])
            or not any(grid.rows.get(row) for row in range(1, above))):
        return None
    return above


def _layout(grid: SheetGrid, column_map: dict[str, str] | None, header_row: int | None) -> HeaderLayout:
    """The detected header layout, with the caller's ``column_map`` in place of the mapping."""
    layout = find_header(grid, header_row)
    if layout is None:
        if column_map is None or header_row is None:
            raise LedgerRefused(f"在工作表“{grid.name}”的前 {HEADER_SCAN_ROWS} 行中没有找到表头（应含“序号、"
                                "具体措施、牵头单位、完成时限、进展情况”等列名）。请确认上传的是工作台账，"
                                "或在导入时指定表头所在行和各列的对应关系。", "no_header")
        layout = HeaderLayout(header_row, header_row, {}, {
            column: normalize_caption(value) for column, value in grid.rows.get(header_row, {}).items()
            if normalize_caption(value)})
    if column_map is not None:
        layout.columns = _parse_column_map(column_map)
        layout.warnings = []  # they were about the detected mapping
    if "具体措施" not in layout.columns:
        unknown = "、".join(f"{get_column_letter(column)} 列“{text}”" for column, text in list(layout.unmapped.items())[:5])
        where = f"第 {layout.first_row} 行的表头" + (f"（未识别的列：{unknown}）" if unknown else "")
        raise LedgerRefused(f"工作表“{grid.name}”{where}中没有找到“具体措施”（或“工作内容”“重点任务”等）列，"
                            "请在导入时指定哪一列是具体措施。", "no_header")
    return layout


def _parse_column_map(column_map: dict[str, str]) -> dict[str, int]:
    """{caption: letter} -> {caption: column number}; LedgerRefused("column_map") if invalid."""
    columns: dict[str, int] = {}
    for caption, letter in column_map.items():
        if caption not in CAPTION_SYNONYMS:
            raise LedgerRefused(f"列对应关系中的“{caption}”不是台账的列名（可用：{'、'.join(CAPTION_SYNONYMS)}）。",
                                "column_map")
        try:
            column = column_index_from_string(str(letter).strip().upper())
        except ValueError:
            raise LedgerRefused(f"列对应关系中“{caption}”的列“{letter}”不是有效的列字母（如 A、B、AA）。",
                                "column_map") from None
        if column in columns.values():
            raise LedgerRefused(f"列对应关系中 {get_column_letter(column)} 列被指定了两次。", "column_map")
        columns[caption] = column
    return columns


