"""Find a ledger's header, map its columns to fields, and read the lines above it.

Government ledgers put a title (often under an "附件1" line), a 填报单位/填报日期 line, and then a
header of one or two rows: a group caption such as "责任单位" merged over "牵头单位"/"配合单位", or
"工作进展" over "进展情况"/"存在问题", with the other captions merged down both rows. The header row
is the row among the first HEADER_SCAN_ROWS whose cells name the most distinct fields (tracker/vocabulary/captions.py);
a row directly above or below it joins the header when most of its own cells are captions too.
Each column takes the field of its lowest caption that names one (the sub-caption beats the group
caption), else the group caption's. Where no caption names the task, the one column of long texts is taken for it,
with a warning (``_take_long_text_column``).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter

from ..vocabulary.captions import (CATEGORY_CAPTIONS, FEEDBACK_PROBLEM_CAPTIONS, HEADING, INDICATOR_NAME_CAPTIONS,
                                   LEAD_UNITS, NUMBER,
                                   TARGET_VALUE_CAPTIONS, NEXT_STEPS, PROBLEMS,
                                   PROGRESS, REMARKS, STATUS, TASK, assign_column, is_dated_report_column, is_forecast_caption,
                                   is_investment_caption, is_later_period_column, is_part_column,
                                   is_period_sub_caption, is_third_unit_column, match_caption, normalize_caption, plan_holds_report, problem_heads_measure,
                                   rectified_problem_column,
                                   second_task_text)
from ..vocabulary.han import HAN_CLASS
from ..vocabulary.numbering import parse_number
from ..vocabulary.statuses import is_share_text, is_tick, status_synonym
from ..vocabulary.units import is_progress_text, is_unit_list

#: How many rows from the top may hold the header (title, 附件, 填报单位 lines come first).
HEADER_SCAN_ROWS = 15
#: The fewest distinct fields a header row must name.
MIN_HEADER_FIELDS = 3
# Columns looked at in the header area (a ledger has a dozen or two).
_MAX_HEADER_COLUMNS = 200

_UNIT_LABEL = re.compile(r"(?:填报|报送|填表|责任|牵头)单位(?:[（(][^）)]*[）)])?\s*[:：]?\s*")
_DATE_LABEL = re.compile(rf"(?:(?:填报|报送|填表|统计|截止|截至)(?:日期|时间)|(?<!{HAN_CLASS})日期(?=\s*[:：]))"
                         r"\s*[:：]?\s*")
_OTHER_LABEL = re.compile(r"(?:填报人|填表人|联系人|联系电话|审核人|负责人|签发人|报送时间)")
# A 填报单位/填报日期 line ("填报日期：" in a cell of its own): never a header row, though 填报日期 is
# also the by-unit ledger's column caption.
_INFO_LABEL = re.compile(r"(?:填报|报送|填表)(?:单位|日期|时间)\s*[:：]")
_ATTACHMENT = re.compile(r"^附(?:件|表)\s*[0-9０-９一二三四五六七八九十]*\s*[:：]?$")
# A day is no month's end of a range: "2026年1-10月" names the months January to October, no 10 January (branch ledgers52).
_FULL_DATE = re.compile(r"(\d{4})\s*[年\-/.．]\s*(\d{1,2})\s*[月\-/.．]\s*(\d{1,2})(?!\d|\s*月)")


@dataclass
class HeaderLayout:
    """Where the header is and what each column means.

    ``first_row``/``last_row``: the header rows (equal for a one-row header); ``columns``:
    canonical caption -> column number; ``captions``: column number -> caption as written (group
    and sub-caption joined with "/"); ``warnings``: Chinese notes about the mapping.
    """

    first_row: int
    last_row: int
    columns: dict[str, int]
    captions: dict[int, str]
    warnings: list[str] = field(default_factory=list)
    #: Third unit columns beside a lead and a supporting one ("牵头单位 | 参与单位 | 责任单位": vocabulary
    #: ``is_third_unit_column``): their cells are more supporting units.
    more_supporting: list[int] = field(default_factory=list)
    #: Later periods of a report text (field -> columns, left to right) beside the field's own column ("1月进展 |
    #: 2月进展 | 3月进展": vocabulary ``is_later_period_column``): a row's rightmost filled one is its text.
    later_periods: dict[str, list[int]] = field(default_factory=dict)
    #: Further parts of a report text (field -> columns, left to right) under one group caption with the field's own
    #: column ("本月进展情况" over "前期手续 | 在建形象进度": vocabulary ``is_part_column``): a row's filled parts are its text.
    parts: dict[str, list[int]] = field(default_factory=dict)
    #: The 重点任务 column is a category column beside the tasks (``_take_category_column``): a blank cell in it is the
    #: category above, as the merge it was written in (a CSV, or a sheet saved without its merges, keeps the first
    #: cell only).
    heading_carries_down: bool = False
    #: A state per column, ticked in the one that holds ("已完成 | 正在推进 | 滞后" with √; ``_take_status_choices``):
    #: column number -> the state as its caption writes it. A row's status is the caption of its ticked column.
    status_choices: dict[int, str] = field(default_factory=dict)

    @property
    def unmapped(self) -> dict[int, str]:
        """Header columns that map to no field: column number -> caption as written."""
        used = set(self.columns.values()) | set(self.more_supporting) | set(self.status_choices)
        used.update(column for columns in self.later_periods.values() for column in columns)
        used.update(column for columns in self.parts.values() for column in columns)
        return {column: text for column, text in self.captions.items() if column not in used}


def header_matrix(grid, last_row: int) -> dict[int, dict[int, object]]:
    """Rows 1..``last_row`` of ``grid`` with every merged range's value spread over its cells."""
    matrix = {row: dict(cells) for row, cells in grid.rows.items() if row <= last_row}
    for min_row, min_col, max_row, max_col in grid.merges:
        if min_row > last_row:
            continue
        anchor = grid.value(min_row, min_col)
        if anchor is None:
            continue
        for row in range(min_row, min(max_row, last_row) + 1):
            for column in range(min_col, min(max_col, _MAX_HEADER_COLUMNS) + 1):
                matrix.setdefault(row, {}).setdefault(column, anchor)
    return matrix


def score_row(cells: dict[int, object]) -> int:
    """The number of distinct fields the captions of one row name."""
    return len({found[0] for found in map(match_caption, cells.values()) if found})


def find_header(grid, header_row: int | None = None) -> HeaderLayout | None:
    """Locate the header of ``grid`` and map its columns; None when no row looks like a header.

    ``header_row`` forces the (first) header row; otherwise the best-scoring row among the first
    HEADER_SCAN_ROWS, which must name at least MIN_HEADER_FIELDS fields.
    """
    limit = (header_row or HEADER_SCAN_ROWS) + 1
    matrix = header_matrix(grid, limit)
    if header_row is not None:
        first = last = header_row
        if _joins_header(grid, last + 1, sub_caption=True):
            last += 1
        return _layout_at(grid, matrix, first, last)
    scores = [(score_row(matrix.get(row, {})), -row) for row in range(1, HEADER_SCAN_ROWS + 1)]
    best, negative_row = max(scores)
    if best >= MIN_HEADER_FIELDS:
        layout = _layout_at(grid, matrix, *_header_rows(grid, -negative_row))
        if TASK not in layout.columns and (category := _category_header(grid)) is not None:
            return category  # "序号 | 项目类别 | 计划总投资 | … | 进展情况 | 备注": the categories are the tasks
        return layout
    return _short_progress_header(grid, matrix) or _category_header(grid) or _task_list_header(grid, matrix)


#: The report columns a category table of money may carry beside its figures (``_category_header``).
_CATEGORY_REPORT_FIELDS = frozenset({PROGRESS, PROBLEMS, NEXT_STEPS, STATUS, REMARKS})


def _category_header(grid) -> HeaderLayout | None:
    """The header of a table summing projects by category, with money in its other cells ("类别 | 项目个数 |
    年度计划投资 | 完成投资 | 占年度计划%"): the first of the first HEADER_SCAN_ROWS rows whose captions are one
    category caption (vocabulary ``CATEGORY_CAPTIONS``) and figures only (``is_investment_caption``), at least one,
    besides at most a 序号 and report captions, each field once (``_CATEGORY_REPORT_FIELDS``: "… | 已完成投资 | 占年度计划 |
    项目进展情况 | 备注", a 进展情况表 with no unit column; branch ledger67), a 备注 only beside a report field ("类别 |
    项目个数 | 备注" stays refused: tests/unit/test_ledger_short_headers.py). Each row below is a category read as a task of
    its own, with no unit; the money is no progress (GOLD-README, branch ledgers32), the report columns are read by
    their captions; the figures' columns stay unmapped. Also asked when the best-scoring row names no task
    (``find_header``: "序号 | 项目类别 | … | 进展情况 | 备注" scores three fields and no task). None when no row is such a header.
    Adds a Chinese warning saying what kind of table was read and how."""
    for row in range(1, HEADER_SCAN_ROWS + 1):
        own = {column: normalize_caption(value) for column, value in grid.rows.get(row, {}).items()
               if normalize_caption(value)}
        categories = [column for column, caption in own.items() if caption in CATEGORY_CAPTIONS]
        figures = [column for column, caption in own.items() if is_investment_caption(caption)]
        # a 序号 column before the categories numbers them ("序号 | 项目类别 | 计划总投资 | 已完成投资"; branch ledgers50)
        numbers = [column for column, caption in own.items() if (match_caption(caption) or ("",))[0] == NUMBER]
        # report columns after the money ("… | 占年度计划 | 项目进展情况 | 备注": a 进展情况表 with no unit column; branch
        # ledger67) are the rows' report, each field once; the table is still no ledger of units
        reported = {column: found[0] for column, caption in own.items()
                    if (found := match_caption(caption)) and found[0] in _CATEGORY_REPORT_FIELDS}
        if (len(categories) != 1 or not figures or len(numbers) > 1
                or len(set(reported.values())) != len(reported) or set(reported.values()) == {REMARKS}
                or len(categories) + len(figures) + len(numbers) + len(reported) != len(own)):
            continue
        layout = HeaderLayout(row, row, {TASK: categories[0], **({NUMBER: numbers[0]} if numbers else {}),
                                         **{field: column for column, field in reported.items()}}, dict(own))
        read_as = "、".join(f"“{own[column]}”" for column in reported)
        money = "金额和比例不作为进展导入" + (f"，{read_as}按列名导入" if reported else "")
        layout.warnings.append(f"这是一张按{own[categories[0]]}汇总项目投资的统计表（"
                               f"{'、'.join(own[column] for column in figures)}），不是逐项任务的工作台账：每个"
                               f"{own[categories[0]]}读作一项任务（无责任单位），{money}。"
                               f"如需跟踪具体项目，请按工作台账模板逐项填写后再导入。")
        return layout
    return None


#: A progress table's header without 序号 and unit columns names a task-like field and one of these besides
#: ("工作目标 | 完成情况", "项目 | 年度目标 | 上半年进展", "民生小项 | 所属工程 | 完成情况").
_REPORTED = frozenset({TASK, HEADING, PROGRESS, STATUS})


def _header_rows(grid, row: int) -> tuple[int, int]:
    """The header's first and last rows around the header row ``row``: a group caption row above it or a
    sub-caption row under it joins (``_joins_header``).

    Not the indicator reader's rule for a header over several rows (tracker/indicators/workbook.py
    ``_first_header_row``, ``_deeper_header_rows``), on purpose (branch tidy49 compared them): a ledger's header rows
    are told by their words (ledger captions, periods under a group caption: ``_joins_header``) or by the shape of
    their merges and blanks (``_sub_captions_under_merges``, ``_sub_captions_under_blanks``), two rows at most, since
    a ledger's rows are texts like its captions; an indicator table's by its names' column left blank under the first
    row and by holding no figure, up to three rows, its data rows being figures. One rule for both would take a
    ledger's first task row, or an indicator table's caption-like entity row, as header."""
    if row > 1 and not _is_title_line(grid, row - 1, row) and _joins_header(grid, row - 1, sub_caption=False):
        return row - 1, row
    if (_joins_header(grid, row + 1, sub_caption=True) or _sub_captions_under_merges(grid, row)
            or _sub_captions_under_blanks(grid, row)):
        return row, row + 1
    return row, row


def _is_title_line(grid, row: int, header_row: int) -> bool:
    """Whether ``row``, right above the header row ``header_row``, is the sheet's title however its words read: one
    text alone on its line, written in the header's first column and either not merged or merged across the whole
    header ("工作任务" or "重点任务" as a sheet's title over "序号 | 任务名称 | 责任单位": branch ledgers51). A caption
    grouping sub-captions stands over the columns it groups, never over all of them from the first; a title row so
    read is left to ``read_head_lines`` (the ledger's title), not joined to the header."""
    own = {column: value for column, value in grid.rows.get(row, {}).items() if normalize_caption(value)}
    header = [column for column, value in grid.rows.get(header_row, {}).items() if normalize_caption(value)]
    if len(own) != 1 or len(header) < 2:
        return False
    (column,) = own
    if column != min(header):
        return False
    spans = [last for top, first, bottom, last in grid.merges if top == row and first == column]
    return not spans or max(spans) >= max(header)


def _sub_captions_under_blanks(grid, row: int) -> bool:
    """Whether the row under the header row ``row`` holds its sub-captions where the header was written without merges
    (a CSV, or a sheet saved without them): a caption of ``row`` with blank cells right of it stands over a run of
    short texts below, from its own column to the last blank ("进展情况 | (blank)" over "本月 | 累计"), and the row
    below holds nothing else. Every such run covers at least one blank header cell; a row of figures, of long texts,
    or with a text under a caption standing alone is data."""
    head = {column: value for column, value in grid.rows.get(row, {}).items() if normalize_caption(value)}
    below = {column: value for column, value in grid.rows.get(row + 1, {}).items() if normalize_caption(value)}
    if (not head or len(below) < 2
            or not all(isinstance(value, str) and len(value.strip()) <= _SUB_CAPTION_CHARS for value in below.values())):
        return False
    spread = False
    for column in sorted(below):
        if column in head:
            if column + 1 not in below or column + 1 in head:
                return False  # a text under a caption with no blank beside it: a data row
        elif column - 1 not in below:
            return False  # a text under a blank cell continues the run on its left (checked already), or is data
        else:
            spread = True
    return spread


def spread_group_captions(matrix: dict, first: int, last: int) -> None:
    """Carry each group caption of a two-row header written without merges right over the blank cells beside it that
    have a sub-caption under them ("进展情况 | (blank)" over "本月 | 累计" -> "进展情况/本月 | 进展情况/累计"), as its
    merge would have; a merged header is spread already (``header_matrix``)."""
    if last <= first:
        return
    top, bottom = matrix.setdefault(first, {}), matrix.get(last, {})
    for column in sorted(bottom):
        if column not in top and column - 1 in top and column - 1 in bottom:
            top[column] = top[column - 1]


#: The longest text read as a sub-caption by the merges around it alone (``_sub_captions_under_merges``).
_SUB_CAPTION_CHARS = 12


def _sub_captions_under_merges(grid, row: int) -> bool:
    """Whether the row under the header row ``row`` holds its sub-captions by the way the header is merged, whatever
    words they are: a caption of ``row`` is merged across the columns of every short text of the row below ("本月进展情况"
    over "前期手续 | 在建形象进度", "本月進展情況" over "前期工作 | 在建形象進度": 罗湖 2011, ledger corpus 064) and
    another caption of ``row`` is merged down over it, so the header was laid out on two rows. A row of figures, or of
    long texts, is data."""
    below = {column: value for column, value in grid.rows.get(row + 1, {}).items() if normalize_caption(value)}
    if not below or not all(isinstance(value, str) and len(value.strip()) <= _SUB_CAPTION_CHARS
                            for value in below.values()):
        return False
    across = sorted((first, last) for top, first, bottom, last in grid.merges if top == bottom == row and last > first)
    down = any(top == row and bottom > row for top, _, bottom, _ in grid.merges)
    return down and _all_covered(sorted(below), across)


def _all_covered(columns: list[int], spans: list[tuple[int, int]]) -> bool:
    """Whether every column of ``columns`` (ascending) lies in one of ``spans`` ((first, last) column ranges, inclusive,
    sorted): one walk over both lists, so a header of 16,000 columns and as many merges is answered in linear time,
    not columns × merges."""
    reach, at = 0, 0  # the furthest column covered by the spans opening at or before the column looked at
    for column in columns:
        while at < len(spans) and spans[at][0] <= column:
            reach = max(reach, spans[at][1])
            at += 1
        if column > reach:
            return False
    return True


def _layout_at(grid, matrix, first: int, last: int) -> HeaderLayout:
    """The columns of the header on rows ``first``..``last``; where no caption names the task, a 整改台账's problem
    column (``_take_problem_column``), else the long-text column (``_take_long_text_column``)."""
    spread_group_captions(matrix, first, last)
    layout = _map_columns(matrix, first, last)
    if TASK not in layout.columns:
        _take_problem_column(layout)
    if TASK not in layout.columns:
        _take_long_text_column(grid, layout)
    if STATUS not in layout.columns:
        _take_status_column(grid, layout)
    if STATUS not in layout.columns:
        _take_status_choices(grid, layout)
    return layout


def _take_status_choices(grid, layout: HeaderLayout) -> None:
    """Where no column holds the 完成状态, take the columns that each name a state in their caption (vocabulary
    ``status_synonym`` of the caption, or of its part after "/" under a group caption such as "完成情况/已完成") and
    hold nothing but ticks (``is_tick``), at most one a row: a 督查室's ledger that gives each state a column and ticks
    the one that holds ("已完成 | 正在推进 | 滞后"; branch ledgers48). Two such columns or more, naming two states or more;
    else nothing is taken (a lone "已完成" column of ticks is the single-column guess's, ``_take_status_column``).
    Adds a Chinese warning naming the columns taken."""
    rows = [row for row in sorted(grid.rows) if row > layout.last_row][:_GUESS_ROWS]
    choices = {}
    for column, caption in layout.unmapped.items():
        state = str(caption).rsplit("/", 1)[-1]
        texts = [grid.rows[row].get(column) for row in rows]
        texts = [text for text in texts if text is not None and str(text).strip()]
        if status_synonym(state) and texts and all(is_tick(text) for text in texts):
            choices[column] = state
    if len(choices) < 2 or len({status_synonym(state) for state in choices.values()}) < 2:
        return
    if any(sum(1 for column in choices if is_tick(grid.rows[row].get(column))) > 1 for row in rows):
        return  # two states ticked on one row: not a choice of one
    layout.status_choices = choices
    named = "、".join(f"{get_column_letter(column)} 列（{state}）" for column, state in sorted(choices.items()))
    layout.warnings.append(f"没有“完成状态”列：{named}各写一种状态、打勾的一列即该行的状态，已作为完成状态读取；"
                           f"如不对，请在导入时指定完成状态所在的列。")


def _take_status_column(grid, layout: HeaderLayout) -> None:
    """Where no caption names the 完成状态, take the one column captioned in the office's own words whose every filled
    cell is a status word (vocabulary ``status_synonym``: 顺利推进, 已完成, 进展滞后): a 民生实事 report's
    "目标完成情况" beside its 进展情况 column (柯桥 2023, ledger corpus 048). Columns holding anything else (text, figures,
    是/否, percentages: ``is_share_text``), two such columns, or none: nothing is taken. Adds a Chinese warning naming the column taken."""
    rows = [row for row in sorted(grid.rows) if row > layout.last_row][:_GUESS_ROWS]
    found = []
    for column, caption in layout.unmapped.items():
        texts = [grid.rows[row].get(column) for row in rows]
        texts = [text for text in texts if text is not None and str(text).strip()]
        if texts and all(isinstance(text, str) and status_synonym(text) and not is_share_text(text) for text in texts):
            found.append((column, caption))  # percentages alone ("形象进度(%)": 28%) say how far, not a state
    _take_the_one(layout, found, STATUS, "完成状态", "填的都是“顺利推进”“已完成”这类状态")


def _take_problem_column(layout: HeaderLayout) -> None:
    """A 整改台账 / 问题清单 without a 整改措施 column ("序号 | 存在问题 | 整改目标 | 责任单位 | 责任人 | 整改时限"): each
    row is the problem to rectify, so the 存在问题 column is the task (vocabulary ``rectified_problem_column``, the rule
    the plan reader shares), before any long-text guess (a 整改目标 beside it is the problem's target, not the task).
    Adds a Chinese warning naming the column taken."""
    column = rectified_problem_column(layout.columns, layout.captions.values())
    if column is None:
        return
    layout.columns[TASK] = layout.columns.pop(PROBLEMS)
    layout.warnings.append(f"这是一份整改台账，没有“整改措施”列：{get_column_letter(column)} 列"
                           f"（{layout.captions.get(column, PROBLEMS)}）的问题作为任务读取；如不对，请在导入时指定任务所在的列。")


def _short_progress_header(grid, matrix) -> HeaderLayout | None:
    """The header of a progress table that names fewer than MIN_HEADER_FIELDS fields because it has no 序号 and no
    unit column (a 民生实事 or 政府工作报告 table: "工作目标 | 完成情况", "项目 | 年度目标 | 上半年进展"): the first row
    of the first HEADER_SCAN_ROWS made of two or more short captions (none _LONG_TEXT_CHARS long, no 填报 line) whose
    layout has a task column (named, or the long-text guess) and one more of 重点任务, 具体措施, 进展情况, 完成状态.
    None when no row is such a header (the reader then refuses as before)."""
    for row in range(1, HEADER_SCAN_ROWS + 1):
        own = [value for value in grid.rows.get(row, {}).values() if normalize_caption(value)]
        if (len(own) < 2 or not score_row(matrix.get(row, {}))
                or any(not isinstance(value, str) or len(value.strip()) >= _LONG_TEXT_CHARS
                       or _INFO_LABEL.search(value) for value in own)):
            continue
        layout = _layout_at(grid, matrix, *_header_rows(grid, row))
        if TASK in layout.columns and len(_REPORTED & set(layout.columns)) >= 2:
            return layout
    return None


def _task_list_header(grid, matrix) -> HeaderLayout | None:
    """The header of a bare list of tasks: a row of the first HEADER_SCAN_ROWS whose only captions are one task caption,
    at most a 序号, at most one unit column read as the lead units and at most one 备注 ("项目名称" alone, "序号 | 民生实事项目":
    a 督查 report's list of projects, its group lines "一是…的项目25个" between them, branch ledgers50; "项目名称 | 责任单位", a
    work ledger of projects and who answers for each, branch ledgers52; "项目名称 | 备注", the same list as a CSV with an
    empty remark column, branch ledger67), with a row under it. The layout carries a
    Chinese warning saying what the list lacks. None when no row is such a header."""
    for row in range(1, HEADER_SCAN_ROWS):
        own = {column: value for column, value in matrix.get(row, {}).items() if normalize_caption(value)}
        found = [match_caption(value) for value in own.values()]
        if not own or None in found or not grid.rows.get(row + 1):
            continue
        fields = [item[0] for item in found]
        rest = sorted(field for field in fields if field not in (NUMBER, LEAD_UNITS, REMARKS))
        if (rest not in ([TASK], [HEADING]) or fields.count(NUMBER) > 1 or fields.count(LEAD_UNITS) > 1
                or fields.count(REMARKS) > 1):
            continue
        layout = _layout_at(grid, matrix, row, row)
        if TASK in layout.columns:
            layout.warnings.append(
                "表头只有任务名称和责任单位两列（或另有序号列），按任务清单读取：各行的责任单位作为牵头单位，没有完成时限和进展。"
                if LEAD_UNITS in fields else "表头只有任务名称一列（或另有序号、备注列），按任务清单读取：各行没有责任单位和进展。")
            return layout
    return None


#: Rows under the header looked at when guessing the task column, and the shortest typical text of one.
_GUESS_ROWS = 60
_LONG_TEXT_CHARS = 12


def _take_long_text_column(grid, layout: HeaderLayout) -> None:
    """Where no caption names the task (``具体措施``), take the one header column whose cells are long texts and
    mostly nothing else a ledger writes — no more than half unit lists, dates, status words or progress words (vocabulary
    ``is_unit_list``, ``is_progress_text``, ``status_synonym``; a task may open with 完成, as progress does): a 民生实事
    or 督办 ledger captioned in the office's own words ("事项 | 责任单位 | 进展情况", "内容说明 | 牵头领导 | 责任单位").
    Its cells must be half filled and typically (median) at
    least _LONG_TEXT_CHARS characters. Two such columns, or none: nothing is taken (the reader then refuses and asks
    for the column). Adds a Chinese warning naming the column taken."""
    rows = [row for row in sorted(grid.rows) if row > layout.last_row][:_GUESS_ROWS]
    if not rows:
        return
    found = []
    for column, caption in layout.unmapped.items():
        texts = [grid.rows[row].get(column) for row in rows]
        texts = [text.strip() for text in texts if isinstance(text, str) and text.strip()]
        if 2 * len(texts) < len(rows) or not texts:
            continue
        lengths = sorted(len(text) for text in texts)
        if lengths[len(lengths) // 2] < _LONG_TEXT_CHARS:
            continue
        if 2 * sum(1 for text in texts if is_unit_list(text) or is_progress_text(text) or status_synonym(text)
                   or as_date(text)) > len(texts):
            continue  # mostly units, progress words ("已完成…", "累计…"), statuses or dates: not the tasks
        found.append((column, caption))
    _take_the_one(layout, found, TASK, "具体措施", "是较长的文字")


def _take_the_one(layout: HeaderLayout, found: list[tuple[int, str]], field: str, label: str, why: str) -> None:
    """Map ``field`` to the column when exactly one (column, caption) was ``found`` by a guess, with the Chinese warning
    that names the column, why it was taken (``why``) and what to do if it is wrong; nothing when none or several."""
    if len(found) != 1:
        return
    column, caption = found[0]
    layout.columns[field] = column
    layout.warnings.append(f"没有列名写明“{label}”，{get_column_letter(column)} 列（{caption}）{why}，"
                           f"已作为{label}读取；如不对，请在导入时指定{label}所在的列。")


def _joins_header(grid, row: int, sub_caption: bool) -> bool:
    """Whether ``row``'s own cells (merges not spread) are mostly captions (below the header row, bare periods
    under a group caption count: "1月 | 2月 | 3月")."""
    cells = grid.rows.get(row, {})
    own = [value for value in cells.values() if normalize_caption(value)]
    if not own or any(isinstance(value, str) and _INFO_LABEL.search(value) for value in own):
        return False
    if sub_caption and _opens_with_row_number(cells):
        return False  # "一 | 省市两级为民办实事": a numbered group row under the header, whatever its title says
    matched = sum(1 for value in own if match_caption(value, sub_caption)
                  or (sub_caption and is_period_sub_caption(value)))  # 工作进展 over 1月 | 2月 | 3月
    return matched >= 1 and 2 * matched >= len(own)


def _opens_with_row_number(cells: dict) -> bool:
    """Whether a row's leftmost written cell is a row number alone ("一", "一、", "（一）", "1", 3): a group or task row
    under the header, never a row of sub-captions (a group title that reads like a task caption, "省市两级为民办实事"
    under "项目名称", made the row look like captions once kind-of-task captions were read: branch ledgers50)."""
    written = [column for column, value in cells.items() if normalize_caption(value)]
    if not written:
        return False
    parsed = parse_number(cells[min(written)])
    return parsed is not None and not parsed[1].strip()


def _map_columns(matrix, first: int, last: int) -> HeaderLayout:
    layout = HeaderLayout(first, last, {}, {})
    columns = sorted({column for row in range(first, last + 1) for column in matrix.get(row, {})})
    matched_as: dict[int, str] = {}
    for column in columns:
        texts = [matrix.get(row, {}).get(column) for row in range(first, last + 1)]
        written = []
        for text in texts:
            caption = normalize_caption(text)
            if caption and caption not in written:
                written.append(caption)
        if not written:
            continue
        layout.captions[column] = "/".join(written)
        if (spanned := _spanned_field(layout, column)) is not None:
            # "省重点民生实事项目名称" merged over B:C, no sub-caption under it: C is more of B's field, not a field of its own
            layout.parts.setdefault(spanned, []).append(column)
            continue
        for offset in range(len(texts) - 1, -1, -1):
            found = match_caption(texts[offset], sub_caption=offset > 0)
            if is_forecast_caption(texts[offset]):
                # "预计完成时间": when the unit expects it done, not the limit; the read keeps it as written (the row's
                # extra, as any column of no field), the import sets no deadline from it
                layout.warnings.append(f"{get_column_letter(column)} 列（{layout.captions[column]}）是预计的完成时间，"
                                       f"不是完成时限：不作为完成时限导入；如需设期限，请在“完成时限”列填写。")
                break
            if found:
                group = next((text for text in texts[offset - 1::-1] if normalize_caption(text)), None) if offset else None
                if plan_holds_report(group, found):
                    # "2022年工作计划" over "工程主要形象进度": the planned progress, part of the plan (下步计划), or of no
                    # field under a plan of no field ("年度计划", "年度目标")
                    found = match_caption(group)
                    if found is None or found[0] != NEXT_STEPS:
                        break
                _assign(layout, column, found, matched_as)
                break
    for canonical, later in layout.later_periods.items():
        shown = [layout.columns[canonical], *later]
        layout.warnings.append(
            f"{'、'.join(get_column_letter(column) for column in shown)} 列是各期的“{canonical}”"
            f"（{'、'.join(layout.captions[column] for column in shown)}）：每行取最右边有内容的一列作为最新的{canonical}。")
    if "具体措施" not in layout.columns and "重点任务" in layout.columns:
        layout.columns["具体措施"] = layout.columns.pop("重点任务")
        if "重点任务" in layout.parts:
            layout.parts["具体措施"] = layout.parts.pop("重点任务")
        layout.warnings.append("未找到“具体措施”列，以“重点任务”列的内容作为具体措施。")
    _take_indicator_task(layout)
    _take_category_column(layout)
    return layout


def _take_indicator_task(layout: HeaderLayout) -> None:
    """A plan's indicator table sent as a ledger ("指标名称 | 目标值 | 预计值 | 完成情况"): the indicator column is the task
    and the target value no task text (vocabulary ``INDICATOR_NAME_CAPTIONS``, ``TARGET_VALUE_CAPTIONS``); the target
    column is left unmapped (kept as the row's extra), with a Chinese warning saying so."""
    task, heading = layout.columns.get(TASK), layout.columns.get(HEADING)
    if task is None or heading is None:
        return
    found_task, found_heading = match_caption(layout.captions[task]), match_caption(layout.captions[heading])
    if not (found_task and found_heading and found_task[1] in TARGET_VALUE_CAPTIONS
            and found_heading[1] in INDICATOR_NAME_CAPTIONS):
        return
    layout.columns[TASK] = layout.columns.pop(HEADING)
    layout.warnings.append(f"{get_column_letter(heading)} 列（{layout.captions[heading]}）是指标，作为任务读取；"
                           f"{get_column_letter(task)} 列（{layout.captions[task]}）是指标的目标值，不作为任务内容导入。")


def _spanned_field(layout: HeaderLayout, column: int) -> str | None:
    """The field of the column left of ``column`` when both are written under one caption (a header cell merged over
    both, no sub-caption under it: "省重点民生实事项目名称 | (merged) | 责任单位", the task's cells merged over the same two
    columns or written in the first; branch ledgers50), else None. A row's text in that field is then the filled cells
    of both (``HeaderLayout.parts``; rows.py ``_parts_text`` joins them without labels, the caption being one)."""
    before = column - 1
    if layout.captions.get(before) != layout.captions[column]:
        return None
    return next((field for field, taken in layout.columns.items() if taken == before), None) or next(
        (field for field, parts in layout.parts.items() if parts and parts[-1] == before), None)


def _take_category_column(layout: HeaderLayout) -> None:
    """A category column beside the tasks ("序号 | 类别 | 具体措施 | 牵头单位", the category merged down over its tasks'
    rows; vocabulary ``CATEGORY_CAPTIONS``) groups them: it is their 重点任务, where no column is captioned so. The
    category alone, with figures beside it, is a category table's task instead (``_category_header``)."""
    if TASK not in layout.columns or HEADING in layout.columns:
        return
    found = [column for column, caption in layout.unmapped.items() if caption in CATEGORY_CAPTIONS]
    if len(found) == 1:
        layout.columns[HEADING] = found[0]
        layout.heading_carries_down = True


def _assign(layout: HeaderLayout, column: int, found: tuple[str, str], matched_as: dict) -> None:
    """Give ``column`` its field (vocabulary ``assign_column``: a second lead column written 责任单位
    is the supporting one; a third unit column beside both, ``is_third_unit_column``, more supporting units; one more
    period of a report text, ``is_later_period_column``, read with it); a column naming a field already taken
    otherwise is ignored with a warning."""
    if assign_column(layout.columns, matched_as, column, found):
        return
    if is_third_unit_column(found, layout.captions[column], layout.columns):
        layout.more_supporting.append(column)  # 牵头单位 | 参与单位 | 责任单位: the third holds more supporting units
        return
    canonical = found[0]
    taken = layout.columns[canonical]
    if canonical == TASK and HEADING not in layout.columns and problem_heads_measure(matched_as.get(taken), found[1]):
        # 巡察反馈问题 | 整改措施: the measure is the task, the problem it answers its heading
        problem, measure = (taken, column) if matched_as.get(taken) in FEEDBACK_PROBLEM_CAPTIONS else (column, taken)
        layout.columns[TASK], layout.columns[HEADING] = measure, problem
        matched_as[column] = found[1]
        layout.warnings.append(f"这是一份整改台账：{get_column_letter(measure)} 列（{layout.captions[measure]}）作为任务读取，"
                               f"{get_column_letter(problem)} 列（{layout.captions[problem]}）是它所整改的问题，作为重点任务读取；"
                               f"如不对，请在导入时指定任务所在的列。")
        return
    if second_task_text(layout.columns, matched_as, column, found, layout.captions[column]):
        return  # "工作任务 | 具体内容", "重点任务 | 主要举措": the right one holds the measures, the left groups them
    if is_dated_report_column(found, layout.captions[column], layout.captions[taken]):
        # "具体完成情况 | 2025年进展情况/截至6月底进展": the dated column is the report, the undated one what is to be done
        layout.columns[canonical] = column
        matched_as[column] = found[1]
        layout.warnings.append(f"{get_column_letter(column)} 列（{layout.captions[column]}）写明了所报的时段，作为"
                               f"“{canonical}”读取；{get_column_letter(taken)} 列（{layout.captions[taken]}）未写时段，已忽略。")
        return
    if is_later_period_column(found, layout.captions[column], layout.captions[taken]):
        layout.later_periods.setdefault(canonical, []).append(column)  # 1月进展 | 2月进展: a row's newest filled one
        return
    if is_part_column(found, layout.captions[column], layout.captions[taken]):
        layout.parts.setdefault(canonical, []).append(column)  # 本月进展情况/前期手续 | …/在建形象进度: both read
        return
    layout.warnings.append(f"{get_column_letter(column)} 列（{layout.captions[column]}）与 "
                           f"{get_column_letter(taken)} 列都像“{canonical}”，已忽略 {get_column_letter(column)} 列。")


@dataclass
class HeadLines:
    """What the lines above the header say: title, 填报单位, 填报日期 (each None when absent)."""

    title: str | None = None
    unit_name: str | None = None
    report_date: datetime.date | None = None
    warnings: list[str] = field(default_factory=list)


def read_head_lines(grid, first_header_row: int) -> HeadLines:
    """Read title, 填报单位 and 填报日期 from the rows above the header.

    The title is the first non-empty row that is neither an "附件1" line nor a 填报 line. 填报单位
    and 填报日期 may share a cell, sit in two cells of one line, or have their value in the next
    cell; the date may be a date cell or text such as "2024年3月5日"/"2024-03-05".
    """
    head = HeadLines()
    for row in range(1, first_header_row):
        cells = [grid.rows[row][column] for column in sorted(grid.rows.get(row, {}))]
        if not cells:
            continue
        texts = [value if isinstance(value, str) else None for value in cells]
        is_info = False
        for index, text in enumerate(texts):
            if text is None:
                continue
            unit = _UNIT_LABEL.search(text)
            date = _DATE_LABEL.search(text)
            if unit and head.unit_name is None:
                is_info = True
                value = _until_next_label(text[unit.end():]) or _next_value(cells, texts, index)
                head.unit_name = value.strip() if isinstance(value, str) and value.strip() else None
            if date and head.report_date is None:
                is_info = True
                value = _until_next_label(text[date.end():]) or _next_value(cells, texts, index)
                head.report_date = as_date(value)
                if value and head.report_date is None:
                    head.warnings.append(f"第 {row} 行的填报日期“{value}”无法识别，已忽略。")
            if _OTHER_LABEL.search(text):
                is_info = True
        first_text = "".join(text.strip() for text in texts if text)
        if is_info or not first_text or _ATTACHMENT.match(first_text) or head.title:
            continue
        head.title = first_text
    return head


def _until_next_label(text: str) -> str:
    """The value part of "市金融办    填报日期：…": up to the next label, stripped."""
    for pattern in (_UNIT_LABEL, _DATE_LABEL, _OTHER_LABEL):
        found = pattern.search(text)
        if found:
            text = text[:found.start()]
    return text.strip().strip("\u3000")


def _next_value(cells, texts, index):
    """The next cell after a bare label ("填报单位：" | "市金融办"), unless it is a label too."""
    for value, text in zip(cells[index + 1:], texts[index + 1:]):
        if text is not None and (_UNIT_LABEL.search(text) or _DATE_LABEL.search(text)):
            return None
        return value
    return None


def as_date(value) -> datetime.date | None:
    """A date from a date/datetime cell or a full date written as text; else None."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        found = _FULL_DATE.search(value)
        if found:
            try:
                return datetime.date(*(int(part) for part in found.groups()))
            except ValueError:
                return None
    return None
