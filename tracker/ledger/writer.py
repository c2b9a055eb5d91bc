"""Write the work ledger (工作台账) workbook: one row per task, ready to print and to fill in.

Pure module: takes plain dataclasses, imports neither Flask nor the models (DESIGN.md). The layout
follows the ledgers offices exchange (e.g. the 重庆 and 潍坊 ones): a title row, a 填报单位/填报日期
line, the header of CONTRACTS.md §3, then the tasks, with consecutive tasks of one 重点任务 sharing a
vertically merged cell. Hidden columns K and L carry the task key and version for import-ledger.

Speed (issue #4: at most 1.5× a bare openpyxl write-only loop writing the same cells): the sheet is
streamed in openpyxl's write-only mode with styles prepared once per column (streaming.py).
Everything that write-only mode writes before the rows (column widths, frozen panes, page
properties) is therefore set up before the first row is appended.
"""

from __future__ import annotations

import datetime
import io
import os
import secrets
from contextlib import suppress
from dataclasses import dataclass, field
from math import ceil

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.protection import SheetProtection

from .captions import (
    ALL_CAPTIONS, CHOICES_SHEET_TITLE, COLUMN_WIDTHS, FIRST_DATA_ROW, HEADER_ROW, INFO_ROW,
    LAST_VISIBLE_COLUMN, PROGRESS_COLUMNS, SHEET_TITLE, TITLE_ROW, UNIT_SEPARATOR,
)
from .cells import neutralize_cell_text, set_text_cell
from .streaming import add_cell_row_sheet, merge, number_cell, prepare_style, text_cell


@dataclass
class LedgerRow:
    """One task of the ledger, as the services build it from the database.

    ``key`` is the task's stable opaque key (hidden column K) and ``version`` its integer version at
    export time (hidden column L), both read back by import-ledger (CONTRACTS.md §4). ``number`` is
    the 序号 as displayed ("一（一）"); ``heading`` the title of the top-level heading the task
    belongs to ("" when none); ``measure`` the task's full text. Units are lists of names, written
    joined with 、. ``deadline``/``progress``/``problems``/``next_steps`` are texts or None;
    ``status`` is the Chinese label (e.g. "推进中").
    """

    key: str
    version: int
    number: str
    heading: str
    measure: str
    lead_units: list[str]
    supporting_units: list[str]
    deadline: str | None
    progress: str | None
    problems: str | None
    next_steps: str | None
    status: str


@dataclass
class Ledger:
    """A whole ledger: title, 填报单位, 填报日期, the rows in display order, the allowed statuses.

    ``unit_name`` None leaves "填报单位：" with nothing after it; ``status_choices`` feeds the
    完成状态 drop-down (empty: no drop-down); ``plan_title`` goes to the workbook's subject.
    ``protect`` True (a unit's copy, issue #4) protects the sheet without a password: the cells
    of the progress columns (PROGRESS_COLUMNS) are unlocked in every ledger, all other cells stay
    locked, and the protection still lets one format columns and rows, sort and filter.
    """

    title: str
    unit_name: str | None
    export_date: datetime.date
    rows: list[LedgerRow]
    status_choices: list[str] = field(default_factory=list)
    plan_title: str | None = None
    protect: bool = False


# Horizontal alignment per column; 序号, 重点任务 and 完成状态 are also centred vertically.
_HORIZONTAL = ("center", "center", "left", "left", "left", "center",
               "left", "left", "left", "center", "left", "center")
_VCENTRED = {1, 2, 10}
FONT_NAME = "宋体"
FONT_SIZE = 11
LINE_HEIGHT = 15.0  # points per wrapped line of 11pt text
MAX_ROW_HEIGHT = 409.0  # Excel's maximum row height, in points
FOOTER = "第 &P 页 共 &N 页"
# An inline list (formula1 '"a,b"') is limited to 255 characters and cannot hold a comma.
_INLINE_LIST_LIMIT = 255

_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_BODY_FONT = Font(name=FONT_NAME, size=FONT_SIZE)
_HEADER_FONT = Font(name=FONT_NAME, size=FONT_SIZE, bold=True)
_TITLE_FONT = Font(name=FONT_NAME, size=16, bold=True)
_HEADER_FILL = PatternFill(fill_type="solid", start_color="D9D9D9", end_color="D9D9D9")
_UNLOCKED = Protection(locked=False)


def write_ledger(ledger: Ledger, out) -> None:
    """Write ``ledger`` as an .xlsx workbook to ``out``, a path (str/PathLike) or a binary file.

    A path is written through a temporary file in the same directory and renamed into place, so a
    failure never leaves a half-written file behind (CONTRACTS.md: "nothing half-written is left
    behind"); a stream receives the bytes only once the workbook is complete. Raises TypeError for
    a row whose version is not an int or whose texts are not str/None (before anything is
    written), OSError when the path is not writable.
    """
    workbook = build_workbook(ledger)
    if isinstance(out, (str, os.PathLike)):
        path = os.fspath(out)
        directory, name = os.path.split(os.path.abspath(path))
        temporary = os.path.join(directory, f".{name}.{secrets.token_hex(4)}.part")
        try:
            with open(temporary, "xb") as handle:
                workbook.save(handle)
            os.replace(temporary, path)
        except BaseException:
            with suppress(FileNotFoundError):
                os.unlink(temporary)
            raise
    else:
        buffer = io.BytesIO()
        workbook.save(buffer)
        out.write(buffer.getvalue())


def build_workbook(ledger: Ledger) -> Workbook:
    """Return the write-only openpyxl Workbook for ``ledger``, filled and ready to save once.

    Sheet 1 "工作台账" is the only visible sheet; a hidden sheet "选项" is added only when the
    status choices are too long or contain a comma for an inline drop-down list. A write-only
    workbook can be saved once and its cells cannot be read back before saving (reopen the saved
    file to inspect it). Errors as write_ledger.
    """
    rows = ledger.rows
    for row in rows:
        if isinstance(row.version, bool) or not isinstance(row.version, int):
            raise TypeError(f"ledger row {row.key!r}: version must be an int, not {row.version!r}")
    # A bad text raises TypeError while the rows are built, before anything is saved.
    texts = [_row_texts(row) for row in rows]
    workbook = Workbook(write_only=True)
    sheet = add_cell_row_sheet(workbook, SHEET_TITLE)
    workbook.properties.title = neutralize_cell_text(ledger.title)
    workbook.properties.subject = neutralize_cell_text(ledger.plan_title)
    workbook.properties.creator = "tracker"
    workbook.properties.lastModifiedBy = "tracker"

    for index, width in enumerate(COLUMN_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for index in range(LAST_VISIBLE_COLUMN + 1, len(ALL_CAPTIONS) + 1):
        sheet.column_dimensions[get_column_letter(index)].hidden = True
    last_row = FIRST_DATA_ROW + len(rows) - 1 if rows else HEADER_ROW
    sheet.dimension = f"A{TITLE_ROW}:{get_column_letter(len(ALL_CAPTIONS))}{last_row}"
    _set_up_page(sheet, last_row)
    if ledger.protect:
        _protect(sheet)

    styles = _Styles(sheet)
    _write_title(sheet, ledger, styles)
    _write_header(sheet, styles)
    _write_rows(sheet, rows, texts, styles)
    if rows and ledger.status_choices:
        _add_status_list(workbook, sheet, ledger.status_choices, last_row)
    return workbook


class _Styles:
    """The ledger's cell styles, prepared once per workbook (streaming.prepare_style)."""

    def __init__(self, sheet) -> None:
        self.title = prepare_style(sheet, _TITLE_FONT, alignment=Alignment(
            horizontal="center", vertical="center", wrap_text=True))
        self.unit_line = prepare_style(sheet, _BODY_FONT, alignment=Alignment(horizontal="left", vertical="center"))
        self.date_line = prepare_style(sheet, _BODY_FONT, alignment=Alignment(horizontal="right", vertical="center"))
        self.header = prepare_style(sheet, _HEADER_FONT, _BORDER, Alignment(
            horizontal="center", vertical="center", wrap_text=True), _HEADER_FILL)
        self.body = [prepare_style(sheet, _BODY_FONT, _BORDER, Alignment(
            horizontal=_HORIZONTAL[column - 1],
            vertical="center" if column in _VCENTRED else "top",
            wrap_text=True), protection=_UNLOCKED if column in PROGRESS_COLUMNS else None)
            for column in range(1, len(ALL_CAPTIONS) + 1)]


def _write_title(sheet, ledger: Ledger, styles: _Styles) -> None:
    """Append row 1 (title, merged A:J) and row 2 (填报单位 on A:E, 填报日期 on H:J)."""
    last = get_column_letter(LAST_VISIBLE_COLUMN)
    merge(sheet, f"A{TITLE_ROW}:{last}{TITLE_ROW}")
    # 16pt text is about 16/11 as wide as body text; ~24pt per line of it.
    title_lines = _line_count(ledger.title or "", sum(COLUMN_WIDTHS[:LAST_VISIBLE_COLUMN]) * 11 / 16)
    sheet.row_dimensions[TITLE_ROW].height = min(24.0 * title_lines + 10, MAX_ROW_HEIGHT)
    sheet.append([text_cell(sheet, styles.title, ledger.title)])

    merge(sheet, f"A{INFO_ROW}:E{INFO_ROW}")
    merge(sheet, f"H{INFO_ROW}:{last}{INFO_ROW}")
    sheet.row_dimensions[INFO_ROW].height = 22.0
    day = ledger.export_date
    line = [None] * 8
    line[0] = text_cell(sheet, styles.unit_line, f"填报单位：{ledger.unit_name or ''}")
    line[7] = text_cell(sheet, styles.date_line, f"填报日期：{day.year}年{day.month}月{day.day}日")
    sheet.append(line)


def _write_header(sheet, styles: _Styles) -> None:
    """Append row 3: ALL_CAPTIONS (CONTRACTS.md §3 order, then the hidden 任务键 and 版本)."""
    sheet.row_dimensions[HEADER_ROW].height = 28.0
    sheet.append([text_cell(sheet, styles.header, caption) for caption in ALL_CAPTIONS])


def _row_texts(row: LedgerRow) -> list[str | None]:
    """Return the texts of columns A–K for ``row`` (units joined with 、)."""
    return [
        row.number, row.heading, row.measure,
        _join_units(row.lead_units), _join_units(row.supporting_units),
        row.deadline, row.progress, row.problems, row.next_steps, row.status, row.key,
    ]


def _join_units(units) -> str:
    """Join unit names with 、, skipping empty names (CONTRACTS.md §3)."""
    return UNIT_SEPARATOR.join(name.strip() for name in units or () if name and name.strip())


def _write_rows(sheet, rows: list[LedgerRow], texts: list[list], styles: _Styles) -> None:
    """Append the data rows from row 4 on, 重点任务 runs merged, each row tall enough for its text."""
    runs = _heading_runs(rows)
    in_run = {index for start, end in runs for index in range(start, end + 1)}
    heights = [_row_height(values, index not in in_run) for index, values in enumerate(texts)]
    continued = set()  # rows whose 重点任务 cell is covered by the merged cell above
    for start, end in runs:
        # A merged 重点任务 cell must fit in the rows it spans: share any shortfall among them.
        needed = LINE_HEIGHT * _line_count(rows[start].heading, COLUMN_WIDTHS[1]) + 6
        shortfall = needed - sum(heights[start:end + 1])
        for index in range(start, end + 1):
            heights[index] += max(shortfall, 0) / (end - start + 1)
        continued.update(range(start + 1, end + 1))
        merge(sheet, f"B{FIRST_DATA_ROW + start}:B{FIRST_DATA_ROW + end}")
    body = styles.body
    version_style = body[len(ALL_CAPTIONS) - 1]
    for offset, (row, values) in enumerate(zip(rows, texts)):
        sheet.row_dimensions[FIRST_DATA_ROW + offset].height = round(min(heights[offset], MAX_ROW_HEIGHT), 1)
        if offset in continued:
            values = list(values)
            values[1] = None  # the merged cell shows the heading; the covered cell keeps its border
        cells = [text_cell(sheet, style, text) for style, text in zip(body, values)]
        cells.append(number_cell(sheet, version_style, row.version))
        sheet.append(cells)


def _heading_runs(rows: list[LedgerRow]) -> list[tuple[int, int]]:
    """Return (first, last) row indexes of each run of 2+ consecutive rows with one heading."""
    runs, start = [], 0
    for index in range(1, len(rows) + 1):
        if index == len(rows) or rows[index].heading != rows[start].heading:
            if index - start > 1 and (rows[start].heading or "").strip():
                runs.append((start, index - 1))
            start = index
    return runs


def _row_height(texts: list[str | None], with_heading: bool = True) -> float:
    """Estimate the height in points that shows every wrapped line of a row's visible ``texts``."""
    lines = 1
    for column, (text, width) in enumerate(zip(texts[:LAST_VISIBLE_COLUMN], COLUMN_WIDTHS)):
        if text and (with_heading or column != 1):  # a merged 重点任务 is fitted over its run
            lines = max(lines, _line_count(text, width))
    return max(LINE_HEIGHT * lines + 6, 20.0)


def _line_count(text: str | None, width: float) -> int:
    """Estimate how many lines ``text`` wraps to in a column ``width`` character units wide.

    openpyxl cannot autofit, so this counts display width: a full-width (CJK) character is about
    2.1 units of 11pt 宋体, any other about 1.05; each explicit line break starts a new line.
    Wide characters are counted from the UTF-8 length (CJK ideographs and full-width punctuation
    take 3 bytes, ASCII 1): 1.05 × (characters + wide ones) = 0.525 × (characters + bytes). This
    runs at C speed; a per-character ``east_asian_width`` walk took a good part of the time budget
    of issue #4 (a 10,000-task export within 1.5× a bare write-only loop).
    """
    if not text:
        return 1
    text = str(text)
    usable = max(width - 1.0, 1.0)
    if "\n" not in text and "\r" not in text:
        if 2.1 * len(text) <= usable:
            return 1  # short enough even if every character is wide
        return max(1, ceil(0.525 * (len(text) + len(text.encode("utf-8", "surrogatepass"))) / usable))
    total = 0
    for part in text.splitlines() or [""]:
        units = 0.525 * (len(part) + len(part.encode("utf-8", "surrogatepass")))
        total += max(1, ceil(units / usable))
    return total


def _add_status_list(workbook, sheet, choices: list[str], last_row: int) -> None:
    """Add the 完成状态 drop-down (data validation, blanks allowed) to J4:J<last_row>."""
    cleaned = [text for text in (neutralize_cell_text(c) for c in choices) if text]
    if not cleaned:
        return
    inline = ",".join(cleaned)
    if len(inline) + 2 <= _INLINE_LIST_LIMIT and not any("," in c or '"' in c for c in cleaned):
        formula = f'"{inline}"'
    else:
        lists = workbook.create_sheet(CHOICES_SHEET_TITLE)
        lists.sheet_state = "hidden"
        for text in cleaned:
            cell = WriteOnlyCell(lists)
            set_text_cell(cell, text)
            lists.append([cell])
        formula = f"'{CHOICES_SHEET_TITLE}'!$A$1:$A${len(cleaned)}"
    validation = DataValidation(
        type="list", formula1=formula, allow_blank=True,
        showErrorMessage=True, errorStyle="stop", errorTitle="完成状态",
        error="请从下拉列表中选择完成状态。",
    )
    column = get_column_letter(LAST_VISIBLE_COLUMN)
    validation.add(f"{column}{FIRST_DATA_ROW}:{column}{last_row}")
    sheet.data_validations.append(validation)  # write-only sheets lack add_data_validation


def _set_up_page(sheet, last_row: int) -> None:
    """Freeze below the header, and print A4 landscape, one page wide, header row on every page."""
    # C4: rows 1–3 and the 序号/重点任务 columns stay visible while one scrolls right to the
    # progress columns, so each report line can still be told to which task it belongs.
    sheet.freeze_panes = f"C{FIRST_DATA_ROW}"
    setup = sheet.page_setup
    setup.orientation = "landscape"
    setup.paperSize = 9  # A4 (ECMA-376 ST_PaperSize)
    setup.fitToWidth = 1
    setup.fitToHeight = 0  # as many pages tall as needed
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins = PageMargins(left=0.4, right=0.4, top=0.6, bottom=0.7,
                                     header=0.3, footer=0.3)
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.print_area = f"A{TITLE_ROW}:{get_column_letter(LAST_VISIBLE_COLUMN)}{last_row}"
    sheet.oddFooter.center.text = FOOTER


def _protect(sheet) -> None:
    """Protect ``sheet`` without a password, so that it guides rather than blocks (issue #4).

    Locked cells (序号 … 完成时限, the hidden 任务键/版本, title and header) cannot be typed over;
    the unlocked progress cells can. In SheetProtection a True flag forbids an action, so
    formatColumns/formatRows/sort/autoFilter False leave resizing, sorting and filtering allowed.
    Anyone can lift the protection in Excel (审阅 → 撤消工作表保护) without a password.
    """
    sheet.protection = SheetProtection(
        sheet=True, formatColumns=False, formatRows=False, sort=False, autoFilter=False,
        selectLockedCells=False, selectUnlockedCells=False,
    )
