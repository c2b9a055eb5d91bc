"""Write the work ledger (工作台账) workbook: one row per task, ready to print and to fill in.

Pure module: takes plain dataclasses, imports neither Flask nor the models (DESIGN.md). The layout
follows the ledgers offices exchange (e.g. the 重庆 and 潍坊 ones): a title row, a 填报单位/填报日期
line, the header of CONTRACTS.md §3, then the tasks, with consecutive tasks of one 重点任务 sharing a
vertically merged cell. Hidden columns K and L carry the task key and version for import-ledger.
The flat layout, the extra columns and the note line under the title (layout.py) move the hidden
columns right and the header down; the grouped layout puts a merged row before the tasks of each
heading; everything here takes its positions from the SheetLayout.

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
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.protection import SheetProtection
from openpyxl.writer.excel import ExcelWriter

from .captions import CHOICES_SHEET_TITLE, SHEET_TITLE, UNIT_SEPARATOR
from .cells import neutralize_cell_text, set_text_cell
from .layout import DEFAULT_LAYOUT, SheetLayout, sheet_layout
from .streaming import add_cell_row_sheet, merge, number_cell, prepare_style, text_cell
from ..dates import chinese_date


@dataclass
class LedgerRow:
    """One task of the ledger, as the services build it from the database.

    ``key`` is the task's stable opaque key (hidden column K) and ``version`` its integer version at
    export time (hidden column L), both read back by import-ledger (CONTRACTS.md §4). ``number`` is
    the 序号 as displayed ("一（一）"); ``heading`` the title of the top-level heading the task
    belongs to ("" when none); ``measure`` the task's full text. Units are lists of names, written
    joined with 、. ``deadline``/``progress``/``problems``/``next_steps`` are texts or None;
    ``status`` is the Chinese label (e.g. "推进中"). ``path_text``: the task's heading path for the
    flat layout's 所属层级 ("一、防控金融高杠杆风险 ＞ （一）…"); ``extra``: texts of the extra columns
    by caption (layout.EXTRA_CAPTIONS; a missing caption is an empty cell). For the grouped layout:
    ``own_number``, the task's own 序号 as written ("1." "（三）"; "" falls back to ``number``), and
    ``groups``, the headings the task sits under from the top, each (序号 as written, title), e.g.
    (("一、", "防控金融高杠杆风险"), ("（一）", "排查风险")); a heading row is written where they
    change from the row before. For the by-unit layout (issue 15): ``unit``, the unit the row
    reports for, ``role`` its 角色 text (牵头/配合) and ``report_date`` the date of its report
    ("YYYY-MM-DD" or None); the progress texts are then that unit's own.
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
    path_text: str = ""
    extra: dict[str, str | None] = field(default_factory=dict)
    own_number: str = ""
    groups: tuple[tuple[str, str], ...] = ()
    unit: str = ""
    role: str = ""
    report_date: str | None = None


@dataclass(frozen=True)
class GroupLine:
    """A heading row of the grouped layout: the heading's 序号 as written ("一、", "（一）"; "" for a
    plan's title in a ledger over several plans) and its title."""

    number: str
    title: str

    @property
    def text(self) -> str:
        """The row's one text, "一、防控金融高杠杆风险": 序号 then title, with a space between
        when the 序号 ends without a separator, so that import-ledger parses it back
        (vocabulary/numbering.parse_number)."""
        number, title = (self.number or "").strip(), (self.title or "").strip()
        if not number:
            return title
        if number[-1] in "、.．，,：:）)】]〕" or not title:
            return number + title
        return f"{number} {title}"


def sheet_lines(rows: list[LedgerRow]) -> list["LedgerRow | GroupLine"]:
    """Return the rows of the grouped layout in order: before each task, a GroupLine for each of
    its ``groups`` that is not already open from the row before (a heading shown once, before its
    first task; a heading that returns after another one is shown again)."""
    lines: list[LedgerRow | GroupLine] = []
    open_groups: tuple[tuple[str, str], ...] = ()
    for row in rows:
        groups = tuple(row.groups)
        common = 0
        while common < min(len(groups), len(open_groups)) and groups[common] == open_groups[common]:
            common += 1
        lines.extend(GroupLine(number, title) for number, title in groups[common:])
        open_groups = groups
        lines.append(row)
    return lines


@dataclass
class Ledger:
    """A whole ledger: title, 填报单位, 填报日期, the rows in display order, the allowed statuses.

    ``unit_name`` None leaves "填报单位：" with nothing after it; ``status_choices`` feeds the
    完成状态 drop-down (empty: no drop-down); ``plan_title`` goes to the workbook's subject.
    ``protect`` True (a unit's copy, issue #4) protects the sheet without a password: the cells
    of the progress columns (SheetLayout.unlocked) are unlocked in every ledger, all other cells stay
    locked, and the protection still lets one format columns and rows, sort and filter.
    ``layout`` ("tree"/"flat"/"grouped") and ``extra_columns`` (layout.EXTRA_CAPTIONS names) choose the
    columns (layout.sheet_layout); ``note``, when given, is a line under the title (e.g. the
    filters of an exported list: "筛选：状态=推进中；亮灯=红灯").
    """

    title: str
    unit_name: str | None
    export_date: datetime.date
    rows: list[LedgerRow]
    status_choices: list[str] = field(default_factory=list)
    plan_title: str | None = None
    protect: bool = False
    layout: str = "tree"
    extra_columns: tuple[str, ...] = ()
    note: str | None = None

    def sheet_layout(self) -> SheetLayout:
        """Return where this ledger's rows and columns go (layout.sheet_layout)."""
        if self.layout == "tree" and not self.extra_columns and not self.note:
            return DEFAULT_LAYOUT
        return sheet_layout(self.layout, tuple(self.extra_columns), bool(self.note))


# Columns centred vertically, by caption (horizontal alignment: SheetLayout.horizontal).
_VCENTRED = frozenset({"序号", "重点任务", "完成状态", "单位", "角色", "填报日期"})
#: Columns whose texts repeat from row to row by their nature (a heading over its measures, the same units, a
#: deadline phrase, a status label, a unit and its role): each distinct text's cell is made once per column and
#: reused (issue 19: a third of a 10,000-task ledger's cells, each otherwise cleaned, checked and escaped again).
_REPEATING = frozenset({"重点任务", "牵头单位", "配合单位", "完成时限", "完成状态", "单位", "角色", "填报日期", "责任人"})
FONT_NAME = "宋体"
FONT_SIZE = 11
LINE_HEIGHT = 15.0  # points per wrapped line of 11pt text
MAX_ROW_HEIGHT = 409.0  # Excel's maximum row height, in points
FOOTER = "第 &P 页 共 &N 页"
# An inline list (formula1 '"a,b"') is limited to 255 characters and cannot hold a comma.
_INLINE_LIST_LIMIT = 255

#: The deflate level of the workbook's zip members (zlib: 1 fastest … 9 smallest; openpyxl's own save writes
#: zlib's default, 6). Level 1 deflates the 9.7 MB sheet of a 10,000-task ledger in 0.03 s instead of 0.07 s
#: (issue 19: the whole export-ledger process against its floor) for a file of 1.5 MB instead of 1.05 MB, far
#: inside an upload's 20 MB and safety.LedgerLimits' ratio; the members' bytes are the same at any level.
ZIP_LEVEL = 1

_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_BODY_FONT = Font(name=FONT_NAME, size=FONT_SIZE)
_HEADER_FONT = Font(name=FONT_NAME, size=FONT_SIZE, bold=True)
_GROUP_FILL = PatternFill(fill_type="solid", start_color="F2F2F2", end_color="F2F2F2")
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
                save_workbook(workbook, handle)
            os.replace(temporary, path)
        except BaseException:
            with suppress(FileNotFoundError):
                os.unlink(temporary)
            raise
    else:
        buffer = io.BytesIO()
        save_workbook(workbook, buffer)
        out.write(buffer.getvalue())


def save_workbook(workbook: Workbook, handle) -> None:
    """Save ``workbook`` (a write-only one, once) to the binary file ``handle`` as openpyxl's
    ``Workbook.save`` does — the same members, the modified time stamped — with its members deflated at
    ZIP_LEVEL instead of zlib's default. Raises openpyxl's WorkbookAlreadySaved on a second save."""
    archive = ZipFile(handle, "w", ZIP_DEFLATED, allowZip64=True, compresslevel=ZIP_LEVEL)
    workbook.properties.modified = datetime.datetime.now(tz=datetime.timezone.utc).replace(tzinfo=None)
    ExcelWriter(workbook, archive).save()


def build_workbook(ledger: Ledger) -> Workbook:
    """Return the write-only openpyxl Workbook for ``ledger``, filled and ready to save once.

    Sheet 1 "工作台账" is the only visible sheet; a hidden sheet "选项" is added only when the
    status choices are too long or contain a comma for an inline drop-down list. A write-only
    workbook can be saved once and its cells cannot be read back before saving (reopen the saved
    file to inspect it). Errors as write_ledger.
    """
    rows = ledger.rows
    layout = ledger.sheet_layout()
    for row in rows:
        if isinstance(row.version, bool) or not isinstance(row.version, int):
            raise TypeError(f"ledger row {row.key!r}: version must be an int, not {row.version!r}")
    # A bad text raises TypeError while the rows are built, before anything is saved.
    texts = [_row_texts(row, layout) for row in rows]
    lines = sheet_lines(rows) if layout.group_rows else rows
    workbook = Workbook(write_only=True)
    sheet = add_cell_row_sheet(workbook, SHEET_TITLE)
    workbook.properties.title = neutralize_cell_text(ledger.title)
    workbook.properties.subject = neutralize_cell_text(ledger.plan_title)
    workbook.properties.creator = "tracker"
    workbook.properties.lastModifiedBy = "tracker"

    for index, width in enumerate(layout.widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for index in range(layout.last_visible + 1, len(layout.captions) + 1):
        sheet.column_dimensions[get_column_letter(index)].hidden = True
    last_row = layout.first_data_row + len(lines) - 1 if lines else layout.header_row
    sheet.dimension = f"A{layout.title_row}:{get_column_letter(len(layout.captions))}{last_row}"
    _set_up_page(sheet, layout, last_row)
    if ledger.protect:
        _protect(sheet)

    styles = _Styles(sheet, layout)
    _write_title(sheet, ledger, layout, styles)
    _write_header(sheet, layout, styles)
    if layout.group_rows:
        _write_grouped_rows(sheet, layout, lines, texts, styles)
    else:
        _write_rows(sheet, layout, rows, texts, styles)
    if rows and ledger.status_choices:
        _add_status_list(workbook, sheet, ledger.status_choices, layout, last_row)
    return workbook


class _Styles:
    """The ledger's cell styles, prepared once per workbook (streaming.prepare_style)."""

    def __init__(self, sheet, layout: SheetLayout) -> None:
        self.title = prepare_style(sheet, _TITLE_FONT, alignment=Alignment(
            horizontal="center", vertical="center", wrap_text=True))
        self.unit_line = prepare_style(sheet, _BODY_FONT, alignment=Alignment(horizontal="left", vertical="center"))
        self.date_line = prepare_style(sheet, _BODY_FONT, alignment=Alignment(horizontal="right", vertical="center"))
        self.header = prepare_style(sheet, _HEADER_FONT, _BORDER, Alignment(
            horizontal="center", vertical="center", wrap_text=True), _HEADER_FILL)
        self.note = prepare_style(sheet, _BODY_FONT, alignment=Alignment(
            horizontal="left", vertical="center", wrap_text=True))
        self.body = [prepare_style(sheet, _BODY_FONT, _BORDER, Alignment(
            horizontal=layout.horizontal[column - 1],
            vertical="center" if caption in _VCENTRED else "top",
            wrap_text=True), protection=_UNLOCKED if column in layout.unlocked else None)
            for column, caption in enumerate(layout.captions, start=1)]
        # Grouped layout: a heading row, bold on a light fill, merged over the printed columns; locked.
        self.group = prepare_style(sheet, _HEADER_FONT, _BORDER, Alignment(
            horizontal="left", vertical="center", wrap_text=True), _GROUP_FILL)


def _write_title(sheet, ledger: Ledger, layout: SheetLayout, styles: _Styles) -> None:
    """Append the title row (merged over the printed columns), the note line if any (merged
    likewise), and the info row (填报单位 on A:E, 填报日期 from H to the last printed column)."""
    last = get_column_letter(layout.last_visible)
    printed_width = sum(layout.widths[:layout.last_visible])
    title_row = layout.title_row
    merge(sheet, f"A{title_row}:{last}{title_row}")
    # 16pt text is about 16/11 as wide as body text; ~24pt per line of it.
    title_lines = _line_count(ledger.title or "", printed_width * 11 / 16)
    sheet.row_dimensions[title_row].height = min(24.0 * title_lines + 10, MAX_ROW_HEIGHT)
    sheet.append([text_cell(styles.title, ledger.title)])

    if layout.note_row:
        merge(sheet, f"A{layout.note_row}:{last}{layout.note_row}")
        sheet.row_dimensions[layout.note_row].height = min(
            LINE_HEIGHT * _line_count(ledger.note, printed_width) + 7, MAX_ROW_HEIGHT)
        sheet.append([text_cell(styles.note, ledger.note)])

    info_row = layout.info_row
    merge(sheet, f"A{info_row}:E{info_row}")
    merge(sheet, f"H{info_row}:{last}{info_row}")
    sheet.row_dimensions[info_row].height = 22.0
    day = ledger.export_date
    line = [None] * 8
    line[0] = text_cell(styles.unit_line, f"填报单位：{ledger.unit_name or ''}")
    line[7] = text_cell(styles.date_line, f"填报日期：{chinese_date(day)}")
    sheet.append(line)


def _write_header(sheet, layout: SheetLayout, styles: _Styles) -> None:
    """Append the header row: the layout's captions (CONTRACTS.md §3 order, then 所属层级 and the
    extra columns, then the hidden 任务键 and 版本)."""
    sheet.row_dimensions[layout.header_row].height = 28.0
    sheet.append([text_cell(styles.header, caption) for caption in layout.captions])


def _row_texts(row: LedgerRow, layout: SheetLayout = DEFAULT_LAYOUT) -> list[str | None]:
    """Return the texts of every column but the last (版本) for ``row`` (units joined with 、):
    A–J (with 单位/角色 after 配合单位 in the by-unit layout), then 所属层级 (flat) or 填报日期
    (by-unit) and the extra columns, then 任务键."""
    if layout is DEFAULT_LAYOUT:  # the common case, once per row of a 10,000-task export
        return [
            row.number, row.heading, row.measure,
            _join_units(row.lead_units), _join_units(row.supporting_units),
            row.deadline, row.progress, row.problems, row.next_steps, row.status, row.key,
        ]
    texts = [
        (row.own_number or row.number) if layout.group_rows else row.number, row.heading, row.measure,
        _join_units(row.lead_units), _join_units(row.supporting_units),
        row.deadline, row.progress, row.problems, row.next_steps, row.status,
    ]
    if layout.by_unit:
        texts[5:5] = [row.unit or None, row.role or None]
        texts.append(row.report_date)
    if layout.layout == "flat":
        texts.append(row.path_text or None)
    for caption in layout.extra_captions:
        texts.append(row.extra.get(caption))
    texts.append(row.key)
    return texts


def _join_units(units) -> str:
    """Join unit names with 、, skipping empty names (CONTRACTS.md §3)."""
    return UNIT_SEPARATOR.join(name.strip() for name in units or () if name and name.strip())


def _write_rows(sheet, layout: SheetLayout, rows: list[LedgerRow], texts: list[list], styles: _Styles) -> None:
    """Append the data rows below the header, each tall enough for its text; in the tree layout
    runs of one 重点任务 share a merged cell."""
    first = layout.first_data_row
    runs = _heading_runs(rows) if layout.merge_headings else []
    in_run = {index for start, end in runs for index in range(start, end + 1)}
    heights = [_row_height(values, layout, index not in in_run) for index, values in enumerate(texts)]
    continued = set()  # rows whose 重点任务 cell is covered by the merged cell above
    for start, end in runs:
        # A merged 重点任务 cell must fit in the rows it spans: share any shortfall among them.
        needed = LINE_HEIGHT * _line_count(rows[start].heading, layout.widths[1]) + 6
        shortfall = needed - sum(heights[start:end + 1])
        for index in range(start, end + 1):
            heights[index] += max(shortfall, 0) / (end - start + 1)
        continued.update(range(start + 1, end + 1))
        merge(sheet, f"B{first + start}:B{first + end}")
    body = styles.body
    version_style = body[len(layout.captions) - 1]
    repeating = _repeating_cells(layout)
    for offset, (row, values) in enumerate(zip(rows, texts)):
        sheet.set_height(first + offset, round(min(heights[offset], MAX_ROW_HEIGHT), 1))
        if offset in continued:
            values = list(values)
            values[1] = None  # the merged cell shows the heading; the covered cell keeps its border
        cells = [text_cell(style, text) if made is None else made.get(text) or made.setdefault(text, text_cell(style, text))
                 for style, text, made in zip(body, values, repeating)]
        cells.append(number_cell(version_style, row.version))
        sheet.append(cells)


def _repeating_cells(layout: SheetLayout) -> list[dict | None]:
    """Per column of ``layout``: an empty {text: cell} memo for the columns of _REPEATING, None for the others."""
    return [{} if caption in _REPEATING else None for caption in layout.captions]


def _write_grouped_rows(sheet, layout: SheetLayout, lines: list, texts: list[list], styles: _Styles) -> None:
    """Append the rows of the grouped layout: each GroupLine as one bold text in column A merged
    across the printed columns (its hidden 任务键/版本 cells stay empty), each task as in the flat
    layout (its own 序号, every column, no merged cell)."""
    first = layout.first_data_row
    last = get_column_letter(layout.last_visible)
    printed_width = sum(layout.widths[:layout.last_visible])
    body = styles.body
    version_style = body[len(layout.captions) - 1]
    repeating = _repeating_cells(layout)
    task_texts = iter(texts)
    for offset, line in enumerate(lines):
        row_number = first + offset
        if isinstance(line, GroupLine):
            text = line.text
            height = LINE_HEIGHT * _line_count(text, printed_width) + 8
            sheet.set_height(row_number, round(min(max(height, 22.0), MAX_ROW_HEIGHT), 1))
            merge(sheet, f"A{row_number}:{last}{row_number}")
            cells = [text_cell(styles.group, text)]
            cells += [text_cell(styles.group, None) for _ in range(1, layout.last_visible)]
            sheet.append(cells)
            continue
        values = next(task_texts)
        sheet.set_height(row_number, round(min(_row_height(values, layout), MAX_ROW_HEIGHT), 1))
        cells = [text_cell(style, text) if made is None else made.get(text) or made.setdefault(text, text_cell(style, text))
                 for style, text, made in zip(body, values, repeating)]
        cells.append(number_cell(version_style, line.version))
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


def _row_height(texts: list[str | None], layout: SheetLayout, with_heading: bool = True) -> float:
    """Estimate the height in points that shows every wrapped line of a row's visible ``texts``."""
    lines = 1
    widths = layout.widths
    for column in range(min(layout.last_visible, len(texts), len(widths))):
        text = texts[column]
        if text and (with_heading or column != 1):  # a merged 重点任务 is fitted over its run
            count = _line_count(text, widths[column])
            if count > lines:
                lines = count
    height = LINE_HEIGHT * lines + 6
    return height if height > 20.0 else 20.0


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
    if type(text) is not str:
        text = str(text)
    usable = width - 1.0 if width > 2.0 else 1.0  # at least one unit (max() costs a call per cell)
    if "\n" not in text and "\r" not in text:
        if 2.1 * len(text) <= usable:
            return 1  # short enough even if every character is wide
        count = ceil(0.525 * (len(text) + len(text.encode("utf-8", "surrogatepass"))) / usable)
        return count if count > 1 else 1
    total = 0
    for part in text.splitlines() or [""]:
        units = 0.525 * (len(part) + len(part.encode("utf-8", "surrogatepass")))
        total += max(1, ceil(units / usable))
    return total


def _add_status_list(workbook, sheet, choices: list[str], layout: SheetLayout, last_row: int) -> None:
    """Add the 完成状态 drop-down (data validation, blanks allowed) to the J cells of the data rows."""
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
    column = get_column_letter(layout.status_column)
    validation.add(f"{column}{layout.first_data_row}:{column}{last_row}")
    sheet.data_validations.append(validation)  # write-only sheets lack add_data_validation


def _set_up_page(sheet, layout: SheetLayout, last_row: int) -> None:
    """Freeze below the header, and print A4 landscape, one page wide, header row on every page."""
    # C4: rows 1–3 and the 序号/重点任务 columns stay visible while one scrolls right to the
    # progress columns, so each report line can still be told to which task it belongs.
    sheet.freeze_panes = f"C{layout.first_data_row}"
    setup = sheet.page_setup
    setup.orientation = "landscape"
    setup.paperSize = 9  # A4 (ECMA-376 ST_PaperSize)
    setup.fitToWidth = 1
    setup.fitToHeight = 0  # as many pages tall as needed
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins = PageMargins(left=0.4, right=0.4, top=0.6, bottom=0.7,
                                     header=0.3, footer=0.3)
    sheet.print_title_rows = f"{layout.header_row}:{layout.header_row}"
    sheet.print_area = f"A{layout.title_row}:{get_column_letter(layout.last_visible)}{last_row}"
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
