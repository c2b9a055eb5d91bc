"""Turn an uploaded ledger file of any accepted kind into one SheetGrid (issue 15).

Pure module (no Flask, no database). Every kind ends in the same ``SheetGrid`` (sheet.py), so the
header detection, row rules, limits and preview after it are the same for all of them:

=====  ==========================================  ===============================================
kind   recognised by                               read with
=====  ==========================================  ===============================================
xlsx   zip with xl/workbook.xml                    safety.py checks, then sheet.scan_sheet (openpyxl)
xls    OLE2 container (D0 CF 11 E0), not encrypted  xlrd (pinned), cached values only
ods    zip whose ``mimetype`` is OpenDocument      archives.check_members, then python-calamine
                                                   (pinned), cached values only
csv    text: UTF-8 (with or without BOM), UTF-16   the csv module; comma, semicolon or tab
       with BOM, or GB18030
=====  ==========================================  ===============================================

``sniff_kind`` looks at the bytes only (the file name is not trusted); ``check_ledger_container``
refuses what cannot be read, saying how to convert it; ``read_grid`` reads the chosen sheet.

Budget (SECURITY-TESTS.md E1–E5, upload_budget.py): every kind is bounded by
``LedgerLimits.max_bytes`` first; .xlsx by its own zip and XML checks (safety.py); .ods by the zip
checks of archives.check_members and its sheet's extent (rows × columns holding values, counted
from content.xml) against ``budget.max_cells`` before calamine builds its dense range; .xls cells
are counted against ``budget.max_cells`` and rows against ``max_rows`` while xlrd's ragged rows are
read; CSV is counted while it is parsed and
stops at the first line past a limit.

Formulas: an .xlsx formula cell keeps the value Excel cached with it (``SheetGrid.formulas`` names
the cell; without a cached value the cell is ``sheet.FORMULA``); xlrd and calamine read the cached values
of .xls/.ods formulas. A CSV field is what the writer wrote: a leading apostrophe before = + - @ (the
export's guard, csv_writer.csv_cell) is removed, and a field that still opens with "=" is a formula
typed into the file, kept as ``FORMULA`` (never evaluated; rows.py decides whether it matters).
"""

from __future__ import annotations

import csv
import datetime
import io
import zipfile

from ..archives import OLE_MAGIC, WORKBOOK, ZIP_MAGIC, ArchiveRefused, check_members
from ..upload_budget import check_cell_count
from .safety import (LedgerLimits, LedgerRefused, _guess_kind, _ole_refusal, check_xlsx_container, open_workbook,
                     xml_failure)
from .sheet import FORMULA, CellError, SheetGrid, scan_sheet

#: The kinds of file read_ledger accepts.
KINDS = ("xlsx", "xls", "ods", "csv")
#: Suffixes offered in upload forms and accepted by import-ledger: a CSV saved as .txt too (Excel's and WPS's
#: "文本文件（制表符分隔）", or a .csv an office renamed), which sniff_kind reads by its bytes as the server always did.
ACCEPTED_SUFFIXES = (".xlsx", ".xls", ".ods", ".csv", ".txt")
#: The kinds taken, as the upload page's hint and the refusals write them (ACCEPTED_SUFFIXES in words).
ACCEPTED_TEXT = ("Excel 工作簿（.xlsx、旧版 .xls）、OpenDocument 表格（.ods）和 CSV（.csv，或另存为文本的 .txt；"
                 "UTF-8 或 GB18030 编码，含本系统导出的 CSV）")
_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_TEXT_GUESSES = ("看起来是 CSV 或文本文件", "看起来是文本文件", "无法识别的文件格式")
_CONVERT = "请用 Excel 或 WPS 打开后“另存为”Excel 工作簿（.xlsx）再上传"


def unreadable_message(name: str, guess: str | None = None) -> str:
    """What is said of the file ``name`` that is no ledger this reader reads (ACCEPTED_SUFFIXES), with what its bytes
    look like (``guess``: "看起来是网页（HTML）格式的表格") when they were read; the upload form's check in the browser
    says it of a name with another extension (services/file_fields.ledger_field)."""
    looks = f"（{guess}）" if guess else ""
    return f"{name} 不是可读取的台账文件{looks}。系统读取 {'、'.join(ACCEPTED_SUFFIXES)} 文件，{_CONVERT}。"


def sniff_kind(data: bytes) -> str:
    """Return "xlsx", "xls", "ods" or "csv" for ``data`` by its bytes, or "other" (PDF, HTML, a
    Word file …). A zip is "ods" when its ``mimetype`` member says so, else "xlsx" (safety.py
    then tells .xlsb/.docx apart); an OLE2 container is "xls" (encrypted ones are refused later);
    text that decodes as UTF-8/UTF-16/GB18030 and is not HTML/XML/RTF is "csv"."""
    if data.startswith(ZIP_MAGIC):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                if "mimetype" in archive.namelist() and archive.read("mimetype")[:64].startswith(_ODS_MIMETYPE):
                    return "ods"
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, KeyError):
            pass
        return "xlsx"
    if data.startswith(OLE_MAGIC):
        return "xls"
    if _guess_kind(data) in _TEXT_GUESSES and _decode_text(data) is not None:
        return "csv"
    return "other"


def check_ledger_container(data: bytes, filename: str = "", limits: LedgerLimits = LedgerLimits()) -> str:
    """Refuse ``data`` unless it is a ledger file this module can read; return its kind.

    .xlsx: all of safety.check_xlsx_container. .xls: refused only when encrypted or when it is
    another Office 97–2003 file (an old Word document); .ods: the zip checks (members, ratio,
    unpacked size). CSV: must decode (see ``decode_csv_text``). Anything else: LedgerRefused
    ("not_xlsx") naming what the file looks like and how to convert it. Raises LedgerRefused.
    """
    name = filename or "上传的文件"
    if not data:
        raise LedgerRefused(f"{name} 是空文件，请重新导出后再上传。", "empty")
    kind = sniff_kind(data)
    if kind == "xlsx":
        check_xlsx_container(data, filename, limits)
    elif kind == "xls":
        refusal = _ole_refusal(data, name)
        if refusal.code != "legacy_xls":  # encrypted, or a Word 97–2003 document
            raise refusal
    elif kind == "ods":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                check_members(archive, name, WORKBOOK, limits)
        except ArchiveRefused as refusal:
            raise LedgerRefused(str(refusal), refusal.code) from None
    if kind == "xls":
        _open_xls(data, name).release_resources()  # refuse now what cannot be opened
    elif kind == "ods":
        _check_cells(ods_extent(data), name, limits)
        _open_calamine(data, name, kind).close()
    elif kind == "csv":
        decode_csv_text(data, name)
    elif kind != "xlsx":
        raise LedgerRefused(unreadable_message(name, _guess_kind(data)), "not_xlsx")
    return kind


def read_grid(data: bytes, filename: str, kind: str, sheet: str | None, limits: LedgerLimits,
              has_header) -> SheetGrid:
    """Read the ledger sheet of checked ``data`` (``kind`` from check_ledger_container).

    ``sheet``: the sheet's name (None: the first visible sheet for which ``has_header(grid)``,
    a predicate on a SheetGrid, is true; else the first visible sheet).
    Raises LedgerRefused ("no_sheet", "corrupt", "legacy_xls", "too_many_rows", "too_many_cells").
    """
    if kind == "xlsx":
        workbook = open_workbook(data, filename)
        try:
            worksheet = choose_xlsx_sheet(workbook, sheet, limits, has_header)
            return scan_sheet(workbook, worksheet, limits)
        finally:
            workbook.close()
    if kind == "csv":
        return csv_grid(data, filename, limits)
    if kind == "xls":
        return xls_grid(data, filename, sheet, limits, has_header)
    return calamine_grid(data, filename, kind, sheet, limits, has_header)


def no_sheet_named(name: str, names: list[str]) -> str:
    """The refusal of a sheet ``name`` the workbook lacks: what was asked, the sheets it has, what to do."""
    shown = "、".join(f"“{n}”" for n in names[:10]) + ("等" if len(names) > 10 else "")
    return (f"工作簿中没有名为“{name}”的工作表（现有工作表：{shown or '无'}）。"
            "请核对工作表名称，或把工作台账放在第一个工作表后重新上传。")


def choose_xlsx_sheet(workbook, name: str | None, limits: LedgerLimits, has_header):
    """The sheet called ``name``, else the first visible sheet whose first rows ``has_header``
    (a predicate on a SheetGrid), else the first visible sheet. Raises LedgerRefused("no_sheet")."""
    from .header import HEADER_SCAN_ROWS

    sheets = list(workbook.worksheets)
    if name is not None:
        for worksheet in sheets:
            if worksheet.title == name:
                return worksheet
        raise LedgerRefused(no_sheet_named(name, [ws.title for ws in sheets]), "no_sheet")
    visible = [ws for ws in sheets if getattr(ws, "sheet_state", "visible") == "visible"] or sheets
    if not visible:
        raise LedgerRefused("工作簿中没有工作表，请确认上传的是工作台账。", "no_sheet")
    if len(visible) > 1:
        for worksheet in visible:
            if has_header(scan_sheet(workbook, worksheet, limits, stop_after_row=HEADER_SCAN_ROWS + 1)):
                return worksheet
    return visible[0]


# ---------------------------------------------------------------------------------------------
# CSV

def _decode_text(data: bytes, probe: bool = False) -> str | None:
    """``data`` as text: UTF-8 with/without BOM, UTF-16 with BOM, else GB18030; None if none fits.
    ``probe``: ``data`` may end inside a character (a file's first bytes)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None if not probe else data[:len(data) // 2 * 2].decode("utf-16", "replace")
    if b"\0" in data:
        return None
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as error:
            if probe and error.start >= len(data) - 4:
                return data[:error.start].decode(encoding)
    return None


def decode_csv_text(data: bytes, name: str) -> str:
    """The text of a CSV ledger (UTF-8 with or without BOM, UTF-16 with BOM, GB18030). Raises
    LedgerRefused("corrupt") for bytes in none of these encodings, saying how to re-save."""
    text = _decode_text(data)
    if text is None:
        raise LedgerRefused(f"{name} 的文字编码无法识别（系统读取 UTF-8 和 GB18030 编码的 CSV）。"
                            "请在 Excel 中另存为“CSV UTF-8（逗号分隔）”或 Excel 工作簿（.xlsx）后再上传。", "corrupt")
    return text


def _delimiter(text: str) -> str:
    """The separator of the first non-empty line: the most frequent of tab, comma, semicolon."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {sep: first.count(sep) for sep in (",", "\t", ";", "，")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def csv_cell_value(field: str):
    """One CSV field as a grid value: "" or blanks -> None; "'=x" (the export's guard before
    = + - @, csv_writer.csv_cell) -> "=x"; a field still opening with "=" -> FORMULA (a formula typed
    into a CSV has no cached value); else the text unchanged."""
    if not field.strip():
        return None
    if field.startswith("'") and field[1:2] in ("=", "+", "-", "@", "\t", "\r"):
        return field[1:]
    if field.startswith("="):
        return FORMULA
    return field


def csv_grid(data: bytes, filename: str, limits: LedgerLimits) -> SheetGrid:
    """Parse a CSV ledger into a SheetGrid named after the file (no merges, texts only).

    Stops with LedgerRefused("too_many_rows") past ``limits.max_rows`` + 100 lines holding values
    or ``limits.sheet_row_cap`` lines, ("too_many_cells") past ``limits.budget.max_cells`` fields
    with values, ("corrupt") for a line the csv module cannot parse (e.g. a field over 128 KB).
    """
    name = filename or "上传的文件"
    text = decode_csv_text(data, name)
    stem = filename.rsplit("/", 1)[-1].rsplit(".", 1)[0] if filename else "CSV"
    grid = SheetGrid(stem or "CSV")
    value_rows_cap, cells = limits.max_rows + 100, 0
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        for number, fields in enumerate(reader, start=1):
            if number > limits.sheet_row_cap:
                raise _too_many_rows(limits)
            values = {}
            for column, field in enumerate(fields, start=1):
                value = csv_cell_value(field.replace("\0", ""))
                if value is not None:
                    values[column] = value
            if values:
                grid.rows[number] = values
                cells += len(values)
                if len(grid.rows) > value_rows_cap:
                    raise _too_many_rows(limits)
                _check_cells(cells, name, limits)
    except csv.Error as error:
        raise LedgerRefused(f"{name} 第 {reader.line_num} 行不是有效的 CSV（{error}）。"
                            f"请检查引号是否成对，或{_CONVERT}。", "corrupt") from None
    return grid


def _too_many_rows(limits: LedgerLimits) -> LedgerRefused:
    return LedgerRefused(f"台账行数过多（上限 {limits.max_rows} 行），请拆分成几个文件后再上传。",
                         "too_many_rows")


def _check_cells(cells: int, name: str, limits: LedgerLimits) -> None:
    try:
        check_cell_count(cells, name, limits.budget)
    except ArchiveRefused as refusal:
        raise LedgerRefused(str(refusal), refusal.code) from None


# ---------------------------------------------------------------------------------------------
# .xls and .ods through python-calamine

# ---------------------------------------------------------------------------------------------
# .xls through xlrd

def _open_xls(data: bytes, name: str):
    """An xlrd book of the .xls ``data`` (sheets loaded on demand, rows kept ragged so that a
    far-away cell never makes a dense sheet); LedgerRefused("legacy_xls") saying how to convert
    the file when xlrd cannot read it."""
    import xlrd

    try:
        return xlrd.open_workbook(file_contents=data, formatting_info=True, ragged_rows=True, on_demand=True)
    except Exception as error:  # xlrd.XLRDError, struct errors and the like for damaged files
        label, code = _LABELS["xls"]
        raise LedgerRefused(f"{name} 看起来是{label}，但无法读取（文件可能已损坏、加密或格式不标准）。"
                            f"{_CONVERT}。", code) from error


def xls_grid(data: bytes, filename: str, sheet: str | None, limits: LedgerLimits, has_header) -> SheetGrid:
    """Read an Excel 97–2003 sheet with xlrd into a SheetGrid (merged ranges kept, formulas as
    the values the file cached, dates by the workbook's date mode).

    ``sheet``: its name (None: the first visible sheet for which ``has_header(grid)``, else the
    first visible sheet). Raises LedgerRefused "legacy_xls", "no_sheet", "too_many_cells",
    "too_many_rows", "bad_merges". Why xlrd and not calamine for .xls: calamine builds a dense
    range, so one cell at IV65536 costs about 1 GB; xlrd's ragged rows cost 30 MB (measured).
    """
    name = filename or "上传的文件"
    book = _open_xls(data, name)
    try:
        names = book.sheet_names()
        if sheet is not None:
            if sheet not in names:
                raise LedgerRefused(no_sheet_named(sheet, names), "no_sheet")
            return _xls_sheet_grid(book, names.index(sheet), name, limits)
        grids = []
        for index in range(len(names)):
            grid = _xls_sheet_grid(book, index, name, limits)
            if grid is None:
                continue  # a hidden sheet
            if has_header(grid):
                return grid
            grids.append(grid)
        if not grids:
            raise LedgerRefused("工作簿中没有可见的工作表，请确认上传的是工作台账。", "no_sheet")
        return grids[0]
    finally:
        book.release_resources()


def _xls_sheet_grid(book, index: int, name: str, limits: LedgerLimits, hidden_too: bool = False):
    import xlrd

    try:
        worksheet = book.sheet_by_index(index)
    except Exception as error:
        raise LedgerRefused(f"{name} 的第 {index + 1} 个工作表无法读取。{_CONVERT}。", "legacy_xls") from error
    if worksheet.visibility and not hidden_too:
        return None
    grid, cells = SheetGrid(worksheet.name), 0
    for r in range(worksheet.nrows):
        values = {}
        for c in range(worksheet.row_len(r)):
            kind, value = worksheet.cell_type(r, c), worksheet.cell_value(r, c)
            if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                continue
            if kind == xlrd.XL_CELL_DATE:
                try:
                    value = xlrd.xldate_as_datetime(value, book.datemode)
                except (ValueError, OverflowError, xlrd.xldate.XLDateError):
                    value = CellError("#VALUE!")
            elif kind == xlrd.XL_CELL_BOOLEAN:
                value = bool(value)
            elif kind == xlrd.XL_CELL_ERROR:
                value = CellError(xlrd.error_text_from_code.get(value, "#VALUE!"))
            elif kind == xlrd.XL_CELL_NUMBER and float(value).is_integer() and abs(value) < 1e15:
                value = int(value)
            elif isinstance(value, str) and not value.strip():
                continue
            values[c + 1] = value
        if values:
            grid.rows[r + 1] = values
            cells += len(values)
            if len(grid.rows) > limits.max_rows + 100:
                raise _too_many_rows(limits)
            _check_cells(cells, name, limits)
    if len(worksheet.merged_cells) > limits.max_merges:
        raise LedgerRefused(f"工作表中的合并单元格过多（超过 {limits.max_merges} 处），请取消合并后再上传。",
                            "bad_merges")
    for min_row, end_row, min_col, end_col in worksheet.merged_cells:  # ends are exclusive
        if (end_row - min_row, end_col - min_col) != (1, 1):
            grid.merges.append((min_row + 1, min_col + 1, end_row, end_col))
    return grid


# ---------------------------------------------------------------------------------------------
# .ods through python-calamine

_TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TABLE, _ROW_TAG = f"{{{_TABLE_NS}}}table", f"{{{_TABLE_NS}}}table-row"
_CELL_TAGS = (f"{{{_TABLE_NS}}}table-cell", f"{{{_TABLE_NS}}}covered-table-cell")
_ROWS_REPEATED, _COLUMNS_REPEATED = f"{{{_TABLE_NS}}}number-rows-repeated", f"{{{_TABLE_NS}}}number-columns-repeated"
_VALUE_TYPE = f"{{{_OFFICE_NS}}}value-type"


def ods_extent(data: bytes) -> int:
    """The largest (last row holding a value) × (last column holding a value) of any sheet of
    the .ods ``data``: the cells calamine's dense range will hold. Streams content.xml (its size
    already bounded by archives.check_members) with defusedxml's parser via openpyxl; repeated
    rows and columns (``number-rows-repeated``) count as often as they repeat, so a few bytes
    claiming a million rows of values are caught. Raises LedgerRefused("corrupt"/"unsafe_xml")."""
    from openpyxl.xml.functions import iterparse

    largest = 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open("content.xml") as source:
            row = last_row = last_column = 0
            for event, element in iterparse(source, events=("start", "end")):
                tag = element.tag
                if event == "start":
                    if tag == _TABLE:
                        row = last_row = last_column = 0
                    continue
                if tag == _ROW_TAG:
                    repeat = int(element.get(_ROWS_REPEATED) or 1)
                    column, filled = 0, 0
                    for cell in element:
                        if cell.tag not in _CELL_TAGS:
                            continue
                        span = int(cell.get(_COLUMNS_REPEATED) or 1)
                        column += span
                        if cell.get(_VALUE_TYPE) is not None or len(cell):
                            filled = column
                    if filled:
                        last_row, last_column = row + repeat, max(last_column, filled)
                    row += repeat
                    element.clear()
                elif tag == _TABLE:
                    largest = max(largest, last_row * last_column)
                    element.clear()
    except LedgerRefused:
        raise
    except Exception as error:
        raise xml_failure(error, "表格", f"OpenDocument 表格无法读取（content.xml 损坏）。{_CONVERT}。") from error
    return largest


_LABELS = {"xls": ("Excel 97-2003 工作簿（.xls）", "legacy_xls"), "ods": ("OpenDocument 表格（.ods）", "corrupt")}


def _open_calamine(data: bytes, name: str, kind: str):
    """A python-calamine workbook of ``data``; LedgerRefused ("legacy_xls" for .xls, "corrupt" for
    .ods) saying how to convert the file when calamine cannot open it."""
    import python_calamine

    label, code = _LABELS[kind]
    try:
        return python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as error:  # calamine raises its own errors, and ValueError for odd files
        raise LedgerRefused(f"{name} 看起来是{label}，但无法读取（文件可能已损坏或格式不标准）。"
                            f"{_CONVERT}。", code) from error


def calamine_grid(data: bytes, filename: str, kind: str, sheet: str | None, limits: LedgerLimits,
                  has_header) -> SheetGrid:
    """Read an .xls or .ods sheet with python-calamine into a SheetGrid (merged ranges kept).

    ``sheet``: its name (None: the first visible sheet whose first rows ``has_header``, else the
    first visible sheet). Raises LedgerRefused: "legacy_xls"/"corrupt" when calamine cannot read
    the file (saying to re-save as .xlsx), "no_sheet", "too_many_cells", "too_many_rows".
    """
    import python_calamine

    name = filename or "上传的文件"
    label, code = _LABELS[kind]
    workbook = _open_calamine(data, name, kind)
    try:
        metadata = list(workbook.sheets_metadata)
        names = [item.name for item in metadata]
        if sheet is not None:
            if sheet not in names:
                raise LedgerRefused(no_sheet_named(sheet, names), "no_sheet")
            return _calamine_sheet_grid(workbook, sheet, name, label, code, limits)
        visible = [item.name for item in metadata
                   if item.visible == python_calamine.SheetVisibleEnum.Visible] or names
        if not visible:
            raise LedgerRefused("工作簿中没有工作表，请确认上传的是工作台账。", "no_sheet")
        grids = []
        for sheet_name in visible:
            grid = _calamine_sheet_grid(workbook, sheet_name, name, label, code, limits)
            if len(visible) == 1 or has_header(grid):
                return grid
            grids.append(grid)
        return grids[0]
    finally:
        workbook.close()


def _calamine_sheet_grid(workbook, sheet_name: str, name: str, label: str, code: str,
                         limits: LedgerLimits) -> SheetGrid:
    try:
        worksheet = workbook.get_sheet_by_name(sheet_name)
        _check_cells(worksheet.height * worksheet.width, name, limits)
        rows = worksheet.to_python(skip_empty_area=False)
        merges = worksheet.merged_cell_ranges or []
    except LedgerRefused:
        raise
    except Exception as error:
        raise LedgerRefused(f"{name} 的工作表“{sheet_name}”无法读取（{label}）。{_CONVERT}。", code) from error
    grid = SheetGrid(sheet_name)
    for number, values in enumerate(rows, start=1):
        cells = {}
        for column, value in enumerate(values, start=1):
            value = _calamine_value(value)
            if value is not None:
                cells[column] = value
        if cells:
            grid.rows[number] = cells
            if len(grid.rows) > limits.max_rows + 100:
                raise _too_many_rows(limits)
    for (min_row, min_col), (max_row, max_col) in merges:
        if (min_row, min_col) != (max_row, max_col):
            grid.merges.append((min_row + 1, min_col + 1, max_row + 1, max_col + 1))
    if len(grid.merges) > limits.max_merges:
        raise LedgerRefused(f"工作表中的合并单元格过多（超过 {limits.max_merges} 处），请取消合并后再上传。",
                            "bad_merges")
    return grid


def _calamine_value(value):
    """A calamine cell as a grid value: blank text -> None; times of day and durations as text."""
    if value is None or isinstance(value, str) and not value.strip():
        return None
    if isinstance(value, (datetime.time, datetime.timedelta)):
        return str(value)
    return value
