"""Task tables (任务分工表) written as tab-separated lines.

The .docx reader writes each table row as one line with its cells joined by a tab. When a row
is a header naming a task column (任务, 具体措施, …) and at least one unit or deadline column
(牵头单位, 主办单位, 配合单位, 责任单位, 完成时限, …: the captions of tracker/vocabulary/captions.py,
which the ledger reader uses too), the rows below it are rewritten into the form the
parser already reads — "序号、任务（牵头单位：…；配合单位：…；完成时限：…）" — so numbering,
units and deadlines follow the same rules as in running text. Other lines pass unchanged.

Rows are matched to the header from the right: a row may hold more cells than the header
(a header cell spanning two columns, or merged group cells written only on a group's first
row, as in 荆州 2022: "一、…\t(一)…\t1\t具体要求\t责任单位\t时限"). Extra leading cells that open
with a numbering token become heading lines of their own; a bare number just before the task
cell is the row's 序号 when the header has no 序号 column. A row with fewer cells than the header
(a Word row whose trailing cells are empty, a pasted row) is read from the left, unless it lost its
empty leading cells (``_fit``), or so read it would put what is no unit into a unit column: then its cells' content
places it (``_aligned_by_content``); a row holding one numbered cell only ("一、…" merged across the
table) is a section row. A row without a 序号 (no 序号 column, or an empty cell: Word numbering the
column automatically, lost on paste) takes the table's next number. A 序号 cell merged over several
rows (one 重点任务, several 具体措施) makes the 重点任务 a parent and its rows children numbered
"1.1", "1.2" (``continues_row``, GOLD-README "Paths"). A header of two rows ("责任单位" spanning
"牵头单位 | 配合单位") is read as one, and a unit caption spanning empty header cells without
sub-captions takes the cells under its span as its units; a header repeated on every page continues the table, as
do a page's number and 续表 between its rows. A
pasted row broken by a line break inside a cell is joined again (``_broken_row_rest``). A
重点任务-like cell beside the task cell that is no group heading ("序号 | 改革举措 | 主要内容 | …")
opens the row's text as its title.

A table whose cells lost every separator (a document site's text of a Word table: ``序号工作内容…责任单位1…``) is first
written again as tab-separated rows (``glued_tables.split_glued_tables``). Six layouts are read as tables: tab-separated rows (the .docx, .html and .pdf readers write
rows so, and so does Word on copy), pipe rows (Markdown "| 序号 | 重点任务 |", or "序号 | 重点任务"
without a frame, from a header so written on), rows whose cells are aligned with runs of two or
more spaces (from a header so aligned on), rows cut by single spaces (from a header of captions
only; cells placed by what they hold, ``_single_spaced_cells``), a table drawn with box-drawing
characters (``join_box_rows``), a table laid out one cell per line (a table copied out of a
PDF or a web page): a run of caption lines (two known captions are enough when a numbered row
follows), then its cells, rows starting at the next 序号 ("1", "2.", "（3）") when the first column
is 序号, else every header-width lines (a group row of one cell and a unit cell wrapped after 、 kept
apart). Pastes as offices make them: out of Excel, a cell with line breaks in double quotes
(``join_quoted_cells``); out of Word into Notepad, each paragraph of a cell on a line of its own
(``_broken_row_rest``); out of a page, each cell on a line closed by a pipe, rows cut by lines of
pipes only, merged cells written once (``join_pipe_cell_rows``); out of a PDF or a mail, a table
aligned with spaces whose narrow cells wrapped onto lines of their own (``_spaced_continuation``). 考核 tables (考核细则, 考核项目表):
their 总分 row is no row (``is_total_row``), "——" and "……" cells hold nothing (``is_placeholder``),
a caption spanning the group and item columns takes the last filled cell as the task. The first row of each
table starts a tree of its own
(``Line.starts_table``, CONTRACTS.md §1). A header row written on one line above body cells written one per
line reads as a header of caption lines (``_one_line_header``); captions wrapped in narrow header cells ("序" /
"号") are joined again (``_join_wrapped_captions``); a 序号 caption lost above numbered rows is put back
(``_with_number_column``); a group row without 序号 between whole rows opens the next row as its title
(``_is_unnumbered_group``, ``_group_row_after_header``). A cell a narrow column wrapped a character or two a line
("区发" / "改经" / "信局") is one cell again, between lines of pipes (``join_separated_wraps``), in cells closed
by a pipe (``join_pipe_cell_rows``) and in a pipe row broken inside a cell (``join_broken_pipe_rows``): the pieces
are closed up (``is_narrow_wrap``, ``join_cell_pieces``). A group row naming the unit that leads its rows ("一、县示范区管委会牵头工作(8项)",
``group_lead``) gives that lead to itself and to the rows under it that name none (``open_group``; GOLD-README
"Task tables, round 5"). A group row whose 序号 is a bare Chinese numeral ("二 | 提升公共服务 | |") opens a row of its own
after a row whose empty last cells were lost (``_starts_row``) and is a section row of the table
(``_numeral_group_row``); a mark before a unit in one unit cell ("★区发改局、区财政局") names the lead
(``_marked_parts``, ``units.marked_lead``); a second header row of sub-captions no list knows under captions spanning
several columns (a 重点项目表's "投资 | 工程主要形象进度", a 预期指标表's "绝对值 | 增速") is no row, and the rows of such
a table pasted with the spans written once are read at their own width (``_is_caption_row``, ``_fit_wide_row``;
GOLD-README "Task tables, round 6"). Copies of a page's table as text (branch tables6, GOLD-README "Task tables, round
9"): one cell per line with its EMPTY cells as blank lines, each cell placed by its line's distance from its row's first
line (``_blank_cell_stride``, ``_gather_blank_cell_rows``); a line of pipes after each cell, runs of pipes for empty cells and
a merged 序号 and 项目 over sub-rows that write their own cells only (``join_piped_cell_lines``); a group row without 序号
above rows opening a group of the level below ("(一)") counted among the group rows (``_heads_sub_group``,
``CountedGroup``), also when its empty cells' tabs were lost (``_is_unnumbered_group_line``); a 预期指标 table of two
columns, 指标 | 目标, one cell per line without units (``_target_pair_header``, ``_gather_target_pairs``).
Cells merged over the rows of a group (branch tables7, GOLD-README "Task tables, round 10"): a unit
column as the table's first column, written once per group and wrapped a character or two a line, gives its rows their
lead (``merged_unit_column``, ``join_merged_unit_wrap``, ``merged_lead_above_rows``, ``carry_merged_unit``), a header
caption wrapped in its narrow cell is one caption (``join_wrapped_header``), and such a table laid out one cell per line
is gathered by group (``_grouped_by_first_unit``, ``_gather_grouped_cell_rows``); a group heading in the 序号 cell opens
its group once (``heads_number_group``, ``under_number_group``); a page's sub-row written with its one cell first takes the
merged cells of the row above (``merged_sub_row``); a row of a task caption and units is no header (``_names_a_column``);
after a group row a lone number opens its first row whatever the running count (``_opens_group``).
Copies of a page's table by kind (branch blanktables, GOLD-README "Task tables, branch blanktables"): rows cut by single
blanks whose cells the page wrapped at their width, a header with a caption of the office's own words (``_single_spaced_header``),
unit cells found from the row's end as many as the header's unit columns (``_unit_cells_from_end``), a row wrapped onto the next
line (``join_single_spaced_wrap``); a third unit column beside 牵头 and 参与 (``_add_third_unit_column``); a table copied one
cell a line whose rows end with two pipes (``close_row_end_pipes``); ``①②③`` sub-rows under a numbered title cell that lost the
cells merged over them (``circled_sub_row``) and a numbered title row without them (``numbered_title_row``).
A record laid out one caption a row (branch tables27, GOLD-README "tables27": "重点工作: | 135.… |" / "牵头单位: | … |", text
or a Word table of two columns) is read as a header and one row (``join_caption_records``).
A lead merged over its group's rows as the first column (branch tables31, GOLD-README "tables31"): its tasks may open with their
own numbers (``_numbered_task_line``), its wrapped pieces after a row open the next group (``_wrapped_lead_ahead``) or stand
beside the rows they span (``_lead_piece_on_row``, ``_continues_name``), and a row writing its task only is a row of the group
(``_is_lone_task_line``, ``_rest_fits_columns``). A group row merged across a Word 分工表 read in every cell it spans is one
cell (``_merged_across``), and group rows of several levels one under another stay in the table (``_is_group_row``).
A table one cell per line without 序号 whose header opens with two columns of words (项目名称 | 建设内容 | 建设时间 | 责任单位)
places each row's lines by what they hold (``_placed_by_columns``, ``_placed_by_kind``, ``_fits_by_kind``), its first row's
short cells no captions (``_header_before_first_row``); a row that cannot be placed is warned of (``Line.unplaced``).
A Word table's text copy writing each row's first cell unpiped and the others opened by "| " (branch tables32, GOLD-README
"tables32") is read by ``_pipe_cells`` as form ``_OPENING_PIPES``, under its header in cells or on one line
(``join_piped_cell_lines``); a cell of a copy with pipes runs over any number of lines ending inside its list (``_takes_piece``).
A 试点 table's page copied one cell a line with blank lines for empty cells (branch tables68, GOLD-README "tables68"): its header's
periods (一季度 … 四季度) stand under its performance goal (工作绩效目标) or its time caption as the rows show (``_periods_by_rows``;
a Word row's under the caption written over them, ``_period_columns``), a bare year in a row still open is its cell, no 序号, and
a title cell merged down its rows (试点任务, written once) has its empty cell put back in the rows after the first
(``_with_merged_title``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import combinations
from math import comb

from ..vocabulary.captions import (ANNOTATION_CAPTIONS, CATEGORY_CAPTIONS, DEADLINE, DEADLINE_FIELD, GOAL_CLAUSE_CAPTIONS, HEADING, LEAD,
                                   LEAD_DUTY_WORDS, LEAD_UNITS, LED_WORK_PATTERN, NUMBER, PERIOD_GOAL_CAPTIONS, PERIOD_SPAN_CAPTIONS,
                                   PERIOD_SUB_CAPTION_RE,
                                   SUPPORTING,
                                   SUPPORTING_UNITS,
                                   SUPPORTING_WHEN_LEAD_PRESENT, PERSON,
                                   PROGRESS, REPORT_FIELDS, TASK, UNIT, is_points_caption, is_scoring_header_caption, is_third_unit_column,
                                   match_caption,
                                   match_header, normalize_caption)
from ..vocabulary.numbering import OUTLINE_STYLES, NumberToken, is_glued_outline, match_number
from ..vocabulary.units import (PERSON_IN_CAPTION_RE, UNIT_SUFFIX_RE, drop_persons, ends_with_count, is_area_unit,
                                 is_person_name, is_progress_text, is_same_as_above, is_unit_list, is_vague_collective,
                                 marked_lead, opens_with_count, same_as_above_and, split_units)
from .annotations import annotation_line, unit_cell_roles
from .cleaning import Line
from .glued_tables import split_glued_tables
from .deadlines import (dated_opening, goal_opening_year, is_deadline_clause, opening_time, parse_due_date,
                        year_of_a_figure)
from .metadata import signature_at
from .unitnames import run_on_unit
from .webpage import PAGE_NOISE_RE
from ..vocabulary.han import HAN, HAN_CLASS, simplified

# The fields a task table's row turns into an annotation, in the order it writes them.
_ANNOTATED = (LEAD_UNITS, SUPPORTING_UNITS, DEADLINE_FIELD)
_RESPONSIBLE_CAPTION = "责任单位"


def _header_columns(cells: list[str]) -> dict[str, int] | None:
    """Map of key -> column counted from the right (-1 is the last column) for a header row, or
    None when the row is not a task-table header. Keys: "task", "number", and the annotation
    caption each unit or deadline column is written under ("牵头单位", "责任单位", "完成时限", …).

    Columns are found by the vocabulary's ``match_header`` (the ledger's caption table); a lone
    责任单位 column keeps its caption, so the parser's responsible-unit rule applies to it."""
    cells = list(cells)
    while cells and not cells[-1].strip():
        cells.pop()
    if _merged_across(cells) is not None:
        return None  # one text in every cell: a group row merged across ("（一）发展目标" four times), no captions
    # a two-row header flattened onto one row ("年度目标" … then "2018年度 | 2019年度 | 2020年度"): the periods take
    # their caption's place, as in a header one cell a line (GOLD-README "yearcols59", "cells66")
    cells = _periods_for_their_caption(cells)
    found = match_header(cells)
    if found is None:
        return None
    fields, matched_as = found
    width = len(cells)
    columns = {"task": fields[TASK] - width}
    span = 0
    while (fields[TASK] + span + 1 < width and not cells[fields[TASK] + span + 1].strip()
           and fields[TASK] + span + 1 not in fields.values()):
        span += 1  # the task caption spans empty header cells ("项目名称及分值" over group | item | …)
    if span:
        columns["task"] += span  # the row's task is the last filled cell of the span (``_collapse_task_span``)
        columns[_TASK_SPAN] = span
    if NUMBER in fields:
        columns["number"] = fields[NUMBER] - width
    for field in _ANNOTATED:
        if field in fields:
            caption = matched_as.get(fields[field], field)
            if caption not in ANNOTATION_CAPTIONS:
                caption = _RESPONSIBLE_CAPTION if caption in SUPPORTING_WHEN_LEAD_PRESENT else field
            columns[caption] = fields[field] - width
            if field != DEADLINE_FIELD and PERSON_IN_CAPTION_RE.search(normalize_caption(cells[fields[field]])):
                columns[_PERSONS] = 0  # "牵头单位（责任人）": the unit cells name persons too
            if field != DEADLINE_FIELD:
                # a unit caption spanning the empty header cells after it (Word's merged "责任单位" over
                # two columns, no sub-captions): the cells under the span are units of the same column
                spanned = fields[field] + 1
                while spanned < width and not cells[spanned].strip() and spanned not in fields.values():
                    columns[f"{_SPAN}{caption}#{spanned}"] = spanned - width
                    spanned += 1
    _add_third_unit_column(cells, fields, columns)
    if DEADLINE_FIELD not in fields and HEADING in fields and (
            normalize_caption(cells[fields[TASK]]) in GOAL_CLAUSE_CAPTIONS
            or matched_as.get(fields[TASK]) in GOAL_CLAUSE_CAPTIONS):  # "2024年预期目标": the year says none
        # the row's text is its goal beside its task ("工作任务 | 工作目标 | 牵头单位", no time column): the goal's
        # years ("到2025年建成…") are targets, not the row's deadline (GOLD-README, deadlines round 3)
        columns[_GOAL_TASK] = 0
    if DEADLINE_FIELD not in fields:
        goal = _goal_column(cells, fields, matched_as)
        if goal is not None:
            columns[_GOAL_CELL] = goal - width
    if DEADLINE_FIELD not in fields:
        # one column per period in the header row itself ("一季度 | 二季度 | 三季度 | 四季度", "2023年 | 2024年"), each
        # row writing its milestone under the periods it works in: read like periods under a time caption, the
        # row's time being the period of its last filled cell (GOLD-README "Tables"; issue 13, deadlines round 3)
        periods = [index for index, cell in enumerate(cells)
                   if index not in fields.values() and PERIOD_SUB_CAPTION_RE.fullmatch(cell.strip())]
        if len(periods) >= 2:
            for index in periods:
                columns[_PERIOD + cells[index].strip()] = index - width
    if any(index not in fields.values() and is_scoring_header_caption(cell) for index, cell in enumerate(cells)):
        _assessed_columns(columns)
    if (not any(key in ANNOTATION_CAPTIONS or key.startswith(_PERIOD) for key in columns)
            and _scores_or_indicators(cells, fields)):
        columns[_EXAMINED] = width  # a scoring or indicator table naming no unit column: the unit examined (below)
        points = [index for index, cell in enumerate(cells)
                  if index not in fields.values() and is_points_caption(cell)]
        # the measure unit's column: 计量单位, else 单位 (beside 计量单位, 单位 names the body a row's target is set for)
        measures = ([index for index, cell in enumerate(cells) if normalize_caption(cell) == "计量单位"]
                    or [index for index, cell in enumerate(cells) if normalize_caption(cell) == "单位"])
        if points or measures:  # counted from the left: the points or measure unit column, and its values' kind
            columns[_ANCHOR] = (points[0], True) if points else (measures[0], False)  # type: ignore[assignment]
        taken = {fields[field] for field in (NUMBER, TASK, HEADING) if field in fields}
        taken |= {columns[_ANCHOR][0]} if _ANCHOR in columns else set()  # type: ignore[index]
        taken |= {columns[_EXAMINED_COLUMN] + width} if _EXAMINED_COLUMN in columns else set()  # no unit (tables29)
        # the columns no caption gives a field (地区, 单位 beside 计量单位, 说明): a cell naming a unit there is the row's
        columns[_FREE] = tuple(index for index in range(width) if index not in taken)  # type: ignore[assignment]
    if not _names_a_column(columns):
        reports = tuple(fields[field] - width for field in REPORT_FIELDS if field in fields)
        if not reports:
            return None
        columns[_REPORT_COLUMNS] = reports  # type: ignore[assignment]
    if HEADING in fields:
        columns["heading"] = fields[HEADING] - width
    columns["width"] = width
    if _EXAMINED in columns:
        # one more column at the right, the unit examined: a row wider than the header writes it (``_examined_row``)
        for key, index in list(columns.items()):
            if isinstance(index, int) and index < 0:
                columns[key] = index - 1
        columns[LEAD_UNITS] = -1
        columns["width"] = width + 1
    bodies = tuple(index - columns["width"] for index, cell in enumerate(cells)
                   if index not in fields.values() and _BODY_CAPTION_RE.fullmatch(normalize_caption(cell)))
    if bodies:
        columns[_BODY_COLUMNS] = bodies  # type: ignore[assignment]
    return columns


#: Key of a header's columns: the places (counted from the right) of its columns of no field whose caption names bodies
#: ("评分部门", the departments of the level above that score a county's row; GOLD-README "fresh46"): their cells name
#: bodies, never units of the row, and a list of units there is in its place (``_misplaced_units``).
_BODY_COLUMNS = "body_columns"
_BODY_CAPTION_RE = re.compile(rf"[{HAN}]{{1,8}}(?:部门|单位|处室|科室|股室)")


#: Key of a header's columns saying that the header is a scoring table's (考核细则: 分值, 评分标准) or an indicator
#: table's (指标名称 | 单位 | 目标值) and names no unit column: its value is the header's own width; the columns get one
#: more at the right, the lead unit, which a row holds only when it writes the unit examined in a cell of its own
#: (``_examined_row``; branch tables28).
_EXAMINED = "examined"

#: Key of a header's columns (with ``_EXAMINED``): (place counted from the left, numeric) of its points column (分值,
#: 各项分值: numbers) or measure unit column (单位: "%", "亿元"), a short value on every row, so a row holding no such
#: value there and one in the next cell wrote the unit it examines in a cell of its own, its empty last cell lost.
_ANCHOR = "anchor_at"

#: Key of a header's columns (with ``_EXAMINED``): the places, counted from the left, of the columns of no field for the
#: row (an area's or a body's column, "县（市、区）", "单位" beside "计量单位"; a 说明): in an indicator table a cell there
#: naming units names the unit the row's target is set for, its lead (``_examined_row``); in a 考核 table (``_ASSESSED``)
#: it names who supplies or judges a score, no unit (GOLD-README "units31").
_FREE = "free_columns"
_POINTS_VALUE_RE = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?\s*分?")
_MEASURE_UNIT_RE = re.compile(r"[%％‰‱]|[^\s0-9０-９，。；、,;:：]{1,4}")


#: Key of a 考核 table's columns (a header naming how its rows score: 分值, 评分标准): the section rows' brackets name the
#: units examined, and a lone 责任单位 column the unit each row examines; neither is a unit (GOLD-README "tables29").
_ASSESSED = "assessed"
def _assessed_columns(columns: dict) -> None:
    """Mark ``columns`` (being built by ``_header_columns``) as a 考核 table's (``_ASSESSED``). Its 评分标准 cell stays
    the row's text however it is numbered: how a row scores, not pieces of work of their own (GOLD-README wave 10,
    416; "tables29")."""
    columns[_ASSESSED] = 0


#: Key of a 考核 table's column naming the unit each row examines (``assessed_section``): read, never a unit.
_EXAMINED_COLUMN = "examined_column"
# Every unit of a kind, none named: "全部责任单位", "各责任单位", "所有成员单位".
_ALL_OF_RE = re.compile(r"^(?:全部|全体|所有|各)(?P<caption>.+)$")


def assessed_section(text: str, columns: dict[str, int] | None) -> str:
    """A section row's ``text`` of a 考核 table (``_ASSESSED`` in ``columns``) without the bracket closing it when the
    bracket names the units examined ("通用考核项目（全部责任单位）", "专项考核项目（市发改委、市财政局）"): they are what the
    section is about, no unit of it (GOLD-README "tables29"). Other rows and tables: ``text`` as written.

    A bracket naming every unit of a column's caption ("全部责任单位" in a table with a 责任单位 column) says the table
    calls the units it examines by that caption: the column names, row by row, the unit examined, no unit of the row
    from here on (``columns`` is changed in place: the column becomes ``_EXAMINED_COLUMN``). Elsewhere a 考核 table's
    责任单位 column still gives the row's lead (wave 7, round 4)."""
    if columns is None or _ASSESSED not in columns:
        return text
    found = _TRAILING_REMARK_RE.search(text.rstrip("。 "))
    if found is None:
        return text
    names = found.group()[1:-1]
    if not (is_unit_list(names) or all(is_vague_collective(name) for name in re.split(r"[、，,；;]", names) if name)):
        return text
    every = _ALL_OF_RE.match(names.strip())
    caption = every and normalize_caption(every.group("caption"))
    if caption and caption in columns and caption in ANNOTATION_CAPTIONS and _EXAMINED_COLUMN not in columns:
        columns[_EXAMINED_COLUMN] = columns.pop(caption)
    return text.rstrip("。 ")[:found.start()]


def _scores_or_indicators(cells: list[str], fields: dict[str, int]) -> bool:
    """Does a header (``cells``, ``fields`` as ``match_header`` maps them) name, beside its task column, how its rows
    score (a 考核 table's 分值 or 评分标准 column: ``captions.is_scoring_header_caption``), or is its task or heading
    column an indicator's (指标名称, 主要指标) beside a measure unit's column (单位, 计量单位) or a 序号? Such a table is a task table
    without unit or time columns: its rows are measures (GOLD-README "tables28")."""
    if any(index not in fields.values() and is_scoring_header_caption(cell) for index, cell in enumerate(cells)):
        return True
    named = [normalize_caption(cells[fields[field]]) for field in (TASK, HEADING) if field in fields]
    measure_unit = any(normalize_caption(cell) in ("单位", "计量单位") for cell in cells)
    return any("指标" in caption for caption in named) and (UNIT in fields or NUMBER in fields or measure_unit)


def _examined_places(cells: list[str], written: int, anchor: tuple[int, bool] | None = None) -> list[int]:
    """The places of the cells in which a row of a table without unit columns (``written`` columns) writes the unit it
    examines, or []. A row wider than its header: the cells naming units, wherever they stand (before the 序号 too, a
    first column merged over a unit's rows), then, while the row is still too wide, cells captioning their role
    ("重点考核部门"); a trailing empty cell (an empty 说明) counts in the width only when it does not leave the row at
    the header's width anyway. A row no wider than its header (its empty last cells lost with the line's end) writes
    one when its ``anchor`` column (``_ANCHOR``: the points or measure unit column) holds no value of that column and the
    cell after it does, one cell naming units standing before it: the unit's cell pushed the row one column right."""
    widths = [len(cells)] + ([len(cells) - 1] if cells and not cells[-1] else [])
    for width in widths:
        extra = width - written
        if extra <= 0:
            continue
        places = [at for at in range(width) if _names_units(cells[at])][:extra]
        if places and len(places) < extra:
            places += [at for at in range(width) if at not in places and _is_role_caption(cells[at])][:extra - len(places)]
        if places and len(places) == extra:
            return sorted(places)
    if anchor is not None:
        at, numeric = anchor
        if at + 1 < len(cells) and not _anchor_value(cells[at], numeric) and _anchor_value(cells[at + 1], numeric):
            places = [place for place in range(at + 1) if _names_units(cells[place])]
            if len(places) == 1:
                return places
    return []


def _anchor_value(text: str, numeric: bool) -> bool:
    """A value of an anchor column (``_ANCHOR``): points as a number ("30", "10分"), or a measure unit ("%", "亿元",
    "万人": a short word naming no unit of government)."""
    text = text.strip()
    if numeric:
        return bool(_POINTS_VALUE_RE.fullmatch(text))
    return bool(_MEASURE_UNIT_RE.fullmatch(text)) and not _names_units(text)


def _names_units(text: str) -> bool:
    """A cell naming units (``is_unit_list``), not a caption of their role nor a time."""
    return is_unit_list(text) and not _is_role_caption(text) and not is_deadline_clause(text)


def _is_role_caption(text: str) -> bool:
    """A cell naming a unit column's role rather than a unit ("责任单位", "考核部门", and such a caption after a word of
    its own: "重点考核部门"): no unit of its own."""
    caption = normalize_caption(text)
    for start in range(min(len(caption), 3)):
        found = match_caption(caption[start:]) if len(caption) - start >= 4 else None
        if found is not None and found[0] in (LEAD_UNITS, SUPPORTING_UNITS):
            return True
    return False


def _examined_row(cells: list[str], columns: dict[str, int]) -> list[str]:
    """A row of a table whose header names no unit column (``_EXAMINED``) at the columns' width: its cells as
    written, then the unit examined. A row wider than the header writes the unit it examines in a cell more (the
    second part of a 考核细则: "1 | 重点考核部门 | 县发展和改革局 | 30 | …", a merged cell repeated on every row it
    spans): the cells naming units (``is_unit_list``) come out of the row, with a cell captioning their role beside
    them when the row is still too wide, and give no unit: the department examined is what the row is about, not who
    answers for it (GOLD-README, wave 10: a 考核细则 without a unit column); the other cells keep their order. A
    row narrower than the header is padded at the end (at the start when it lost its 序号). A header row, or a row
    whose extra cells name no unit, is left as written."""
    written = columns[_EXAMINED]
    cells = [c.strip() for c in cells]
    if _header_columns(cells) is not None:
        return cells
    places = _examined_places(cells, written, columns.get(_ANCHOR))
    if places:  # the department examined is what the row is about, no unit of it (GOLD-README wave 10, 416)
        cells = [text for at, text in enumerate(cells) if at not in places]
    while len(cells) > written and not cells[-1]:
        cells.pop()
    if len(cells) > written:
        return cells  # wider than the header, no unit examined: as written
    first = cells[0] if cells else ""
    padding = [""] * (written - len(cells))
    lost_number = ("number" in columns and first and not _is_bare_number(first) and not _is_bare_cn_number(first)
                   and match_number(first) is None)
    cells = padding + cells if lost_number else cells + padding
    # a cell of a column of no field naming the unit or area an indicator's target is set for ("甲县", "县发改局"); a 考核
    # table's (``_ASSESSED``: 分值, 评分标准) 说明 or 评分标准 cell names who supplies or judges the score, no unit
    # (GOLD-README "units31": units come from a unit column or an annotation)
    units = [] if places or _ASSESSED in columns else [cells[at] for at in columns.get(_FREE, ())
                                                       if at < len(cells) and cells[at] and _names_units(cells[at])]
    return cells + ["、".join(units)]


def _add_third_unit_column(cells: list[str], fields: dict[str, int], columns: dict[str, int]) -> None:
    """Give the supporting units' column (``columns``, built by ``_header_columns``) a unit column the header match left
    without a field because its field was taken (``fields``, ``match_header``'s): a third unit column after a lead and
    a supporting one (the caption's meaning is the vocabulary's, ``captions.is_third_unit_column``, which the ledger's
    header reads too). Its cells are read as more units of that column (a ``_SPAN`` key)."""
    if LEAD_UNITS not in fields or SUPPORTING_UNITS not in fields:
        return
    supporting = next((key for key, index in columns.items()
                       if index == fields[SUPPORTING_UNITS] - len(cells) and key in ANNOTATION_CAPTIONS), None)
    if supporting is None:
        return
    for index, cell in enumerate(cells):
        if index not in fields.values() and is_third_unit_column(match_caption(cell, sub_caption=True), cell, fields):
            columns[f"{_SPAN}{supporting}#{index}"] = index - len(cells)


#: Key of a header's columns: the places (counted from the right) of a ledger's report columns (进展情况, 完成状态, 存在问题,
#: 下步计划: vocabulary/captions.REPORT_FIELDS, the captions the ledger reader maps) in a header that names no unit or time
#: column ("序号 | 项目名称 | 1-3月份进展", "序号 | 审计反馈问题 | 整改情况 | 整改状态"): a progress table given to the plan
#: reader; each row under its task caption is a measure, and what the report columns hold is no part of it, no unit and
#: no time (GOLD-README "ledgerplans66").
_REPORT_COLUMNS = "report_columns"


def _names_a_column(columns: dict[str, int]) -> bool:
    """Does a header (``_header_columns``'s map) name a unit, time or period column (or a goal column, ``_GOAL_TASK``)
    beside its task? A row whose
    only caption-like cell is a task caption ("主要预期目标 | | 区发展改革局 | 区统计局": a table's first row, a group
    of targets, its empty cell read as the caption's span) is a row of the table, no header (GOLD-README "Task
    tables, round 10")."""
    return any(key in ANNOTATION_CAPTIONS or key.startswith(_PERIOD) or key in (_GOAL_TASK, _EXAMINED, _EXAMINED_COLUMN)
               for key in columns)


_BARE_NUMBER_RE = re.compile(r"[0-9０-９]{1,4}")
_BARE_CN_NUMBER_RE = re.compile(r"[一二三四五六七八九十]{1,3}")
_PIPE_ROW_RE = re.compile(r"^[|｜].*[|｜]$")
# Two or more spaces (or a full-width one) between the cells of a row aligned with spaces.
_SPACED_RE = re.compile(r"(?:[ \u00a0]{2,}|\u3000+)")
_SHORT_CAPTION_CHARS = 8
# Longest caption line of a header laid out one cell per line when it is a known caption with a
# remark in brackets ("责任单位（列第一位的为牵头单位）", "牵头单位（责任人）").
_LONG_CAPTION_CHARS = 24
# Most columns a task table's header has (keeps the search for a header linear in the lines).
_MAX_HEADER_CELLS = 16
_SECTION_ROW_CHARS = 60
# Longest numbered line, without cells, read as a group row between two rows of a table.
_GROUP_ROW_CHARS = 120
# Numbering styles that open a section row of a table laid out one cell per line.
_SECTION_ROW_STYLES = frozenset({"cn_comma", "section", "chapter", "chapter_section", "part", "cn_ordinal", "action"})


def _is_bare_number(text: str) -> bool:
    return bool(_BARE_NUMBER_RE.fullmatch(text.strip()))


def _is_bare_cn_number(text: str) -> bool:
    """A 序号 cell holding a Chinese numeral and nothing else ("二", no 、): a group row's number as Word
    tables write it, a row of its own (GOLD-README "Task tables, round 6")."""
    return bool(_BARE_CN_NUMBER_RE.fullmatch(text.strip()))


def _number_value(text: str) -> int:
    return int(text.strip().translate(str.maketrans("０１２３４５６７８９", "0123456789")))


def _is_section_row(text: str) -> bool:
    """A line of one cell that groups the rows below it ("一、投资管理领域", "第二部分 …")."""
    token = match_number(text)
    return (token is not None and token.style in _SECTION_ROW_STYLES
            and len(text) <= _SECTION_ROW_CHARS and not re.search(r"[。；;]", text[token.end:]))


def _is_section_cell(text: str) -> bool:
    """The one filled cell of a table's row that is a section row merged across the table: "一、…" as
    ``_is_section_row`` reads it, or closed by a full stop ("六、坚持从严治政，建设人民满意政府。"): a cell spanning the
    table is a group heading whatever mark ends it (GOLD-README "Task tables, round 10")."""
    return _is_section_row(text) or _is_section_row(text.rstrip("。．.；;"))


def _is_group_row(text: str, lines: list[Line], index: int,
                  cells_of: Callable[[str], list[str] | None] | None = None) -> bool:
    """A numbered line between two rows of a table, whose other cells are empty (lost when the
    line was cleaned): "(一)加强经济运行调节…。" between a section row and the row "1 | 大力提振消费。".
    It stays in the table when it is short and a row of cells (no header) follows it, right after it or after
    group rows of the levels below ("（一）经济发展目标" then "1.约束性指标。" then "（1） | …": a Word 分工表's group rows of
    three levels merged across the table, each a short numbered line, or its text in every cell: ``_merged_across``;
    GOLD-README "tables31"). ``cells_of`` reads a line's cells as the table being read does (tabs and framed pipes
    when not given)."""
    cells_of = cells_of or _cells
    if len(text) > _GROUP_ROW_CHARS or match_number(text) is None:
        return False
    at = index + 1
    while at < len(lines) and at - index <= _GROUP_ROW_LEVELS and _is_group_line(lines[at].text, cells_of):
        at += 1  # a group row of the level below
    following = cells_of(lines[at].text) if at < len(lines) else None
    return following is not None and (at == index + 1 or _header_columns(following) is None)


def _is_group_line(text: str, cells_of: Callable[[str], list[str] | None]) -> bool:
    """Is the line ``text`` a group row merged across a table (``_is_group_row``): a short numbered line without cells
    (their tabs lost), or a row whose cells all repeat such a text (``_merged_across``)?"""
    cells = cells_of(text)
    if cells is not None:
        text = _merged_across(cells) or ""
    return 0 < len(text) <= _GROUP_ROW_CHARS and match_number(text) is not None


# Most group rows of the levels below one another a table's rows may stand under ("一、" / "（一）" / "1." above "（1）").
_GROUP_ROW_LEVELS = 4


def _merged_across(cells: list[str]) -> str | None:
    """The text of a row whose filled cells all hold the same text, two cells or more ("一、主要目标和任务分工" four times): a
    cell merged across the table that the copy read in every cell it spans (python-docx gives a merged cell's text for
    each column of its span); None for any other row. The row is that text once, a group row like one merged across
    and read once (GOLD-README "tables31")."""
    filled = [cell.strip() for cell in cells if cell.strip()]
    return filled[0] if len(filled) >= 2 and len(set(filled)) == 1 else None


def _fit(cells: list[str], columns: dict[str, int]) -> list[str]:
    """``cells`` stripped, trailing empty cells past the header's width dropped, short rows padded
    to the header's width: at the end (a Word row whose trailing cells are empty, a pasted row
    opening with its 序号), or at the start when the table has a 序号 column and the row does not
    open with a number (a pasted sub-row whose merged 序号 and 重点任务 cells were empty, their
    tabs lost with the line's leading whitespace)."""
    cells = [c.strip() for c in cells]
    header_width = columns["width"]
    while len(cells) > header_width and not cells[-1]:
        cells.pop()
    cells = _folded_unit_lines(_lost_merged_cells_first(cells, columns), columns)
    if _SUB_CAPTIONED in columns and len(cells) > header_width:
        cells = _fit_wide_row(cells, columns)
    if "heading" in columns:
        cells = _restore_merged_heading(cells, header_width, header_width + columns["heading"],
                                        header_width + columns["task"])
    if len(cells) < header_width:
        cells = _parted_run_on_unit(cells, columns)
    if len(cells) < header_width:
        padding = [""] * (header_width - len(cells))
        first = cells[0] if cells else ""
        lost_lead = ("number" in columns and first and not _is_bare_number(first) and not _BARE_CN_NUMBER_RE.fullmatch(first)
                     and (match_number(first) is None
                          # a sub-row whose task cell opens with its own number ("2.…" under a merged 序号 and
                          # 目标名称, their empty cells' tabs lost): the task's place, not a 序号 (round 8)
                          or ("heading" in columns and columns["heading"] == columns["number"] + 1
                              and len(cells) <= header_width - 2 and _numbered_in_cell(first) and not _holds_next(first))))
        # a row under a unit column merged over its group (the table's first column, ``merged_unit_column``) that
        # leaves it empty, its tab lost with the line's leading whitespace: the row opens with its task
        lost_lead = lost_lead or bool(first and merged_unit_column(columns) is not None and not is_unit_list(first))
        # a row whose 序号 stands in its own column after a first column of no field (a 类别 cell merged down its rows,
        # written on the group's first row) lost its EMPTY last cells, never its first ones (branch tablematrix49)
        number_at = header_width + columns["number"] if "number" in columns else 0
        lost_lead = lost_lead and not (0 < number_at < len(cells) and _is_bare_number(cells[number_at]))
        if 0 < number_at and _is_bare_number(first) and not _is_bare_number(cells[1] if len(cells) > 1 else ""):
            # the group's later rows leave that first cell empty, its tab lost with the line's leading whitespace: the
            # row opens with its 序号, its empty last cells lost too
            cells = [""] * number_at + cells
            padding = [""] * max(0, header_width - len(cells))
        fitted = padding + cells if lost_lead else cells + padding
        number = cells[number_at] if 0 < number_at < len(cells) and not any(cells[:number_at]) else None
        cells = fitted if _units_fit(fitted, columns) else _aligned_by_content(cells, fitted, columns, lost_lead, number)
    return cells


def task_table_columns(cells: list[str]) -> dict[str, int] | None:
    """The columns of a task table's header row ``cells`` as the rows are read (see ``_header_columns``: key -> column
    counted from the right, "width"), or None when the row is no task-table header. For the glued-table reader
    (``glued_tables``), which tells a header by the same rules."""
    return _header_columns(cells)


def unit_columns(columns: dict[str, int]) -> list[str]:
    """The keys of a header's ``columns`` (``task_table_columns``) whose cells hold units (``_unit_keys``)."""
    return _unit_keys(columns)


def _annotation_keys(columns: dict[str, int]) -> list[str]:
    """The keys of ``columns`` whose cells a row's annotation reads: its unit columns and its time columns."""
    return _unit_keys(columns) + [key for key in columns if isinstance(columns[key], int) and key != "width"
                                  and columns[key] < 0 and ANNOTATION_CAPTIONS.get(key) == DEADLINE]


def _names_annotation(cells: list[str], columns: dict[str, int]) -> bool:
    """Does the row ``cells`` (as wide as its header) put units (``_names_units``) under a unit column or a time
    (``is_deadline_clause``, or a time opening its cell: ``opening_time``) under a time column?"""
    for key in _annotation_keys(columns):
        text = _cell(cells, columns, key)
        if not text:
            continue
        if key in _unit_keys(columns) and _names_units(drop_persons(text, _PERSONS in columns) or text):
            return True
        if key not in _unit_keys(columns) and (is_deadline_clause(text) or opening_time(text)):
            return True
    return False


def _lost_merged_cells_first(cells: list[str], columns: dict[str, int]) -> list[str]:
    """``cells`` of a row a copy wrote without the cells merged with the rows above (a 工作目标 or 工作内容 cell merged
    down its group, written only on the group's first row), the separators of the lost cells left at the row's end
    ("| 2.… | 县农业农村局 | 2025年11月底前,并长期坚持 | ||" under 工作目标 | 工作内容 | 工作措施 | 责任单位 | 完成时限),
    moved to the right: the row's written cells are the header's last ones, its first cells empty. Only a row that read
    in place leaves every unit and time column empty, while moved it puts units under a unit column or a time under a
    time column, is moved; a table with a 序号 column keeps a row opening with its number in place. Any other row is
    ``cells`` unchanged (GOLD-README "fresh41"; kinds46)."""
    width = columns["width"]
    written = list(cells)
    while written and not written[-1]:
        written.pop()
    if not written or len(written) >= width or len(cells) > width or _SUB_CAPTIONED in columns:
        return cells
    if "number" in columns and (_is_bare_number(written[0]) or _BARE_CN_NUMBER_RE.fullmatch(written[0])):
        before = width + columns["number"]  # the columns left of the 序号 (a 类别 merged down its group, branch fresh44)
        if before and len(written) <= width - before:
            # "1 | task | … | 10月底" under 类别 | 序号 | …: the 类别 cell merged from above
            return _merged_after_number([""] * before + written, columns)
        return _merged_after_number(cells, columns) if not before else cells
    in_place = written + [""] * (width - len(written))
    if _names_annotation(in_place, columns):
        return cells
    moved = [""] * (width - len(written)) + written
    return moved if _cell(moved, columns, "task") and _names_annotation(moved, columns) else cells


def _misplaced_units(cells: list[str], columns: dict[str, int]) -> bool:
    """Does the row ``cells`` (as wide as its header) put a list of units (``is_unit_list``) under a column whose field is
    no unit's: its 序号, its 重点任务 or task, its goal column or a time column, or a column of no field whose caption names
    no bodies (年度目标 beside an indicator, 单位, 备注)? A column naming bodies of no role (评分部门, ``_BODY_COLUMNS``) is
    none of these."""
    width = columns["width"]
    keys = ["number", "task", "heading", _GOAL_CELL] + [
        key for key in columns if isinstance(columns[key], int) and key != "width" and columns[key] < 0
        and ANNOTATION_CAPTIONS.get(key) == DEADLINE]
    if any(key in columns and is_unit_list(_cell(cells, columns, key)) for key in keys):
        return True
    known = {width + index for key, index in columns.items() if isinstance(index, int) and key != "width" and index < 0}
    bodies = {width + index for index in columns.get(_BODY_COLUMNS, ())}  # type: ignore[union-attr]
    return any(at not in known and at not in bodies and is_unit_list(text) for at, text in enumerate(cells[:width]))


def _merged_after_number(cells: list[str], columns: dict[str, int]) -> list[str]:
    """``cells`` of a row opening with its 序号 (after any column merged down before it, already put back as empty cells)
    that a copy wrote short of its header because the cells just after the 序号 are merged with the rows above and were
    written on their group's first row only ("| 2 | 农业劳动生产率及增幅 | 万元/人 | 全市统筹 | 县农业农村局 | 市农业农村局 |"
    under 考核项目 | 序号 | 考核指标 | 考核内容 | 单位 | 年度目标 | 责任部门 | 评分部门, 考核指标 merged down its rows): the lost
    cells are put back right after the 序号, so that every later cell keeps its column; when the row also left its last
    cells empty (a time not written), the fewest cells put back after the 序号 that read the row right, the others at its
    end. Taken so only when reading the row with all its lost cells at its end (a row whose empty last cells a copy
    dropped, as before) puts units under a column of no unit (``_misplaced_units``: its goal or time column, its task)
    while the cells put back after the 序号 give every unit column units or nothing, a task, and units somewhere; never
    in a scoring or indicator table (``_EXAMINED``, ``_ASSESSED``), whose columns of no field name who supplies or judges
    a figure. Any other row is ``cells`` unchanged (GOLD-README "fresh46")."""
    width = columns["width"]
    lost = width - len(cells)
    number_at = width + columns["number"]
    if lost <= 0 or not 0 <= number_at < len(cells) - 1 or _EXAMINED in columns or _ASSESSED in columns:
        return cells  # a scoring or indicator table: a cell naming units in a column of no field is no unit (tables28/29)
    if not _misplaced_units(cells + [""] * lost, columns):
        return cells
    for merged in range(1, lost + 1):  # the cells merged after the 序号; the rest are the row's empty last cells
        moved = cells[:number_at + 1] + [""] * merged + cells[number_at + 1:] + [""] * (lost - merged)
        if (not _misplaced_units(moved, columns) and _cell(moved, columns, "task") and _units_fit(moved, columns)
                and any(_cell(moved, columns, key) for key in _unit_keys(columns))):
            return moved
    return cells


def _folded_unit_lines(cells: list[str], columns: dict[str, int]) -> list[str]:
    """``cells`` of a row as wide as its header, opening with its 序号 (after any column merged before it), that a copy
    one cell a line wrote with a unit cell of two lines (``县海洋与渔业局`` / ``县农业农村局``) while the cell merged down just
    after its 序号 has no line: its lines count right, but read in place they put units under a column of no unit
    (``_misplaced_units``). The two unit lines are one cell (joined with 、) and the lost cell goes back after the 序号
    (``_merged_after_number``); the first pair of unit lines that reads the row so is taken. Any other row is ``cells``
    unchanged (GOLD-README "fresh46")."""
    width = columns["width"]
    if len(cells) != width or "number" not in columns or not _misplaced_units(cells, columns):
        return cells
    number_at = width + columns["number"]
    for at in range(number_at + 1, width - 1):
        if is_unit_list(cells[at]) and is_unit_list(cells[at + 1]):
            moved = _merged_after_number(cells[:at] + [f"{cells[at]}、{cells[at + 1]}"] + cells[at + 2:], columns)
            if len(moved) == width:
                return moved
    return cells


def _parted_run_on_unit(cells: list[str], columns: dict[str, int]) -> list[str]:
    """``cells`` of a row short of its header with the cell a copy ran on from a unit cell and the task cell after it
    ("1 | 水库工程政策处理 | 县水利局领导小组完成项目政策处理工作，推进大坝建设。" under 序号 | 重点工作 | 责任单位 | 工作任务)
    parted into the unit and the task (``unitnames.run_on_unit``), when the row then puts the unit under a unit column and
    the rest under the task column; otherwise ``cells`` as given. GOLD-README "kinds34"."""
    width, keys = columns["width"], _unit_keys(columns)
    for index, text in enumerate(cells):
        parted = run_on_unit(text) if keys else None
        if parted is None:
            continue
        row = cells[:index] + list(parted) + cells[index + 1:]
        padded = row + [""] * (width - len(row))
        if (len(row) <= width and _cell(padded, columns, "task") == parted[1]
                and any(_cell(padded, columns, key) == parted[0] for key in keys)):
            return row
    return cells


# Most cells a row may lack against its header, and most places tried, for its place to be searched by content
# (``_aligned_by_content``; the search is over every place of the empty cells).
_MOST_LOST_CELLS = 4
_MOST_PLACES = 2000


def _unit_keys(columns: dict[str, int]) -> list[str]:
    """The keys of ``columns`` whose cells hold units (牵头单位, 配合单位, 责任单位, a span under one)."""
    return [key for key in columns if isinstance(columns[key], int) and key != "width" and columns[key] < 0
            and (ANNOTATION_CAPTIONS.get(key.removeprefix(_SPAN).split("#")[0]) in _UNIT_ROLES)]


def _units_fit(cells: list[str], columns: dict[str, int]) -> bool:
    """Does every unit column of the row ``cells`` (fitted to the header's width) hold units or nothing? A cell naming its
    units' duty in words ("应急处、监督处等按职责分工落实", "宣传处会办公室": ``annotations.unit_cell_roles``) holds units."""
    return all(not (text := _cell(cells, columns, key)) or is_unit_list(drop_persons(text, _PERSONS in columns) or text)
               or unit_cell_roles(text) is not None for key in _unit_keys(columns))


def _aligned_by_content(cells: list[str], fitted: list[str], columns: dict[str, int], lost_lead: bool = False,
                        number: str | None = None) -> list[str]:
    """A row narrower than its header whose cells, read from the left, put what is no unit into a unit column (a
    民生实事 progress table: "序号 | 主要任务 | 全年目标任务 | 分管领导 | 牵头单位 | 责任主体与协同单位 | 1-10月推进情况 |
    …" over rows that leave 全年目标任务 out, merged into 主要任务 on the page), fitted to the header's width by
    the content of its cells: the empty cells go where every unit column then holds units (``is_unit_list``: no
    person's name, no progress words ``units.is_progress_text``), the 序号 column the row's number and the task
    column its text; of those places the one giving the most unit cells, then the most times in their columns, then
    the one leaving the 重点任务 cell empty (merged down its group, branch fresh49), then the one nearest the row's end. A
    row no place fits keeps its first fit (``fitted``) with its unit columns left empty: progress text is never a
    unit (issue 13, held-out wave). The cells keep their order. ``lost_lead``: the row lost its leading cells (its
    序号 and the cells merged with the row above, their tabs lost with the line's leading whitespace), so its 序号 cell
    is empty rather than its first cell; its empty last cells may be lost too (branch tables29). ``number``: the row's
    序号 when its cells open with the empty cells merged down before it (a 类别, put back by ``_fit``): the 序号 column
    holds it, not the row's first cell (branch merged56)."""
    width = columns["width"]
    lost = width - len(cells)
    keys = _unit_keys(columns)
    best: tuple[tuple[int, int, bool], tuple[int, ...]] | None = None
    if 0 < lost <= _MOST_LOST_CELLS and comb(width, lost) <= _MOST_PLACES:
        for gaps in _combinations(width, lost):
            row = _with_gaps(cells, gaps)
            if "number" in columns and cells and _cell(row, columns, "number") != (
                    "" if lost_lead else cells[0] if number is None else number):
                continue
            if not _cell(row, columns, "task"):
                continue
            if not _units_fit(row, columns):
                continue
            # of places alike, the one leaving the 重点任务 cell empty: merged down its group, it is the cell a copy
            # writes once, while the row's own task is written (branch fresh49)
            heading_merged = "heading" in columns and not _cell(row, columns, "heading")
            score = (sum(1 for key in keys if _cell(row, columns, key)), _times_placed(row, columns), heading_merged)
            if best is None or (score, gaps) > best:
                best = (score, gaps)
    if best is not None and any(best[0][:2]):
        return _with_gaps(cells, best[1])
    fitted = list(fitted)
    for key in keys:
        text = _cell(fitted, columns, key)
        if text and not is_unit_list(drop_persons(text, _PERSONS in columns) or text):
            fitted[width + columns[key]] = ""
    return fitted


def _times_placed(cells: list[str], columns: dict[str, int]) -> int:
    """How many time columns of the row ``cells`` (fitted to the header's width) hold a time (``is_deadline_clause``):
    of a short row's places that put no unit anywhere ("2 | 新增停车泊位600个。 | 12月底前" under 序号 | 重点任务 | 牵头单位 |
    配合单位 | 完成时限, its unit cells merged with the row above and lost by the copy), the one giving the time its column."""
    return sum(1 for key in columns if isinstance(columns[key], int) and key != "width" and columns[key] < 0
               and ANNOTATION_CAPTIONS.get(key) == DEADLINE and is_deadline_clause(_cell(cells, columns, key)))


def _combinations(width: int, lost: int) -> list[tuple[int, ...]]:
    """The places (ascending) of ``lost`` empty cells among ``width`` columns."""
    return list(combinations(range(width), lost))


def _with_gaps(cells: list[str], gaps: tuple[int, ...]) -> list[str]:
    """``cells`` widened by empty cells at the places ``gaps`` (indices of the widened row), order kept."""
    row, rest = [], iter(cells)
    for place in range(len(cells) + len(gaps)):
        row.append("" if place in gaps else next(rest, ""))
    return row


#: Key of a header's columns saying that a second header row of sub-captions no list knows ("投资 | 工程主要形象进度 |
#: 完成投资 | %") sits under captions spanning several columns: a pasted row is wider than the header by the span.
_SUB_CAPTIONED = "sub_captioned"

# Longest sub-caption of a second header row (``_is_caption_row``).
_SUB_CAPTION_CHARS = 12


def _is_caption_row(cells: list[str], columns: dict[str, int]) -> bool:
    """Is ``cells`` (the row right under a table's header) a second header row of sub-captions the vocabulary does
    not know ("投资 | 工程主要形象进度 | 完成投资 | %", under "2022年工作计划" and "1-6月完成情况" of a 重点项目表)?
    Only in a table with a 序号 column: a row of short captions, none of them a number, a unit, a time (a period
    naming a column, "一季度", "2024年", is a caption) or a sentence, two at least. Such a row is no task row (GOLD-README "Task tables, round 6")."""
    filled = [c.strip() for c in cells if c.strip()]
    return ("number" in columns and len(filled) >= 2 and all(
        len(c) <= _SUB_CAPTION_CHARS and not re.search(r"[。；;，,]", c) and not _is_bare_number(c)
        and not _is_bare_cn_number(c) and match_number(c) is None and not is_unit_list(c)
        and (not is_deadline_clause(c) or PERIOD_SUB_CAPTION_RE.fullmatch(c)) for c in filled))


# Rows looked at after a second header row to find how many cells the table's rows write (keeps the scan linear).
_WIDTH_SAMPLE_ROWS = 30


def _usual_extra(lines: list[Line], start: int, columns: dict[str, int], layout: str) -> int:
    """How many cells more than the header (``columns["width"]``) the rows from ``start`` usually write, their
    trailing empty cells left out: the most frequent excess among the rows wider than the header (0 when none
    is). A row whose last cells are empty is then read at that width (``_fit_wide_row``)."""
    counts: dict[int, int] = {}
    for line in lines[start:start + _WIDTH_SAMPLE_ROWS]:
        cells = _line_cells(line.text, columns, layout)
        if cells is None:
            continue
        cells = [c.strip() for c in cells]
        while cells and not cells[-1]:
            cells.pop()
        if len(cells) > columns["width"]:
            counts[len(cells) - columns["width"]] = counts.get(len(cells) - columns["width"], 0) + 1
    return max(counts, key=lambda extra: (counts[extra], extra)) if counts else 0


def _fit_wide_row(cells: list[str], columns: dict[str, int]) -> list[str]:
    """A row of a table whose header has a second row of sub-captions (``_SUB_CAPTIONED``) holding more cells than
    the header: the captions spanning several columns were written once when the table was pasted, the row writes
    every column. The row is read at the header's width: its 序号, 重点任务 and task from the left (they come before
    any span), the other columns from the right (units and the columns after them come after the span), except a
    unit or time column whose cell is a unit list or a time on the left only (a 建设起止年限 before the span)."""
    width = columns["width"]
    if len(cells) < width + columns[_SUB_CAPTIONED]:
        cells = cells + [""] * (width + columns[_SUB_CAPTIONED] - len(cells))  # its last cells empty
    # its last cells empty past the usual width too (a row leaving 政策处理单位 empty after its 责任单位, their pipes lost at
    # the line's end): the empty cells whose count puts unit names, never progress words ("完成", "建成"), in the unit
    # columns read from the right (GOLD-README "cells66")
    lost = max(range(_MOST_LOST_TRAILING + 1), key=lambda count: (_right_units_fit(cells + [""] * count, columns), -count))
    cells = cells + [""] * lost
    extra = len(cells) - width
    fitted = cells[extra:]
    first_unit = min((index for key, index in columns.items()
                      if ANNOTATION_CAPTIONS.get(key) in _UNIT_ROLES), default=0)
    for key, index in columns.items():
        if not isinstance(index, int) or index >= 0 or key == "width":
            continue
        at = width + index
        left, right = cells[at], fitted[at]
        role = ANNOTATION_CAPTIONS.get(key)
        if role == "deadline":
            fits = is_deadline_clause
        elif role in _UNIT_ROLES:
            fits = is_unit_list
        else:
            fits = None
        if fits is not None and bool(fits(left)) != bool(fits(right)):
            fitted[at] = left if fits(left) else right
        elif key in ("number", "heading", "task") or (fits is not None and index < first_unit):
            fitted[at] = left
    return fitted


# Most empty cells a row under a two-row header may have lost at its end past the usual width (``_fit_wide_row``).
_MOST_LOST_TRAILING = 3


def _right_units_fit(cells: list[str], columns: dict[str, int]) -> int:
    """How well the unit columns of ``columns`` (``_UNIT_ROLES``), read from the right of ``cells`` (a row wider than the
    header, ``_fit_wide_row``), hold units: one for each holding a unit list, minus one for each holding other words
    (a progress word "完成", a figure); an empty cell counts nothing."""
    score = 0
    for key, index in columns.items():
        if (isinstance(index, int) and index < 0 and key != "width" and ANNOTATION_CAPTIONS.get(key) in _UNIT_ROLES
                and -index <= len(cells)):
            text = cells[index].strip()
            score += 1 if is_unit_list(text) else -1 if text and not is_placeholder(text) else 0
    return score


def _restore_merged_heading(cells: list[str], width: int, heading_at: int, task_at: int) -> list[str]:
    """``cells`` of a row one cell short of the header's ``width`` because its 重点任务 cell (at
    ``heading_at``, just before the task at ``task_at``) is merged with the row above and was copied
    once ("2 | 开工建设项目50个。 | 区发改局 | 9月底前" under "序号 | 重点任务 | 具体措施 | 牵头单位 | 完成时限"):
    the empty cell is put back, so the task and the units keep their columns. The row is taken so
    only when the cell now at the task's place names units and the one at the 重点任务's does not."""
    if (len(cells) != width - 1 or heading_at + 1 != task_at or task_at >= len(cells)
            or not is_unit_list(cells[task_at]) or is_unit_list(cells[heading_at])):
        return cells
    return cells[:heading_at] + [""] + cells[heading_at:]


#: Key prefix of a header's columns under a unit caption's span ("责任单位" merged over two columns):
#: ``_SPAN`` + caption + "#" + place; their cells are units of that caption's column.
_SPAN = "span:"

#: Key of a header's columns saying that the task text is a goal column beside a task column and no time column
#: is written: the row has no deadline of its own words (its years are targets).
_GOAL_TASK = "goal_task"
#: Key of a header's goal column in a table without a time column (``_goal_column``): the year its cell opens with is
#: the row's time (``deadlines.goal_opening_year``).
_GOAL_CELL = "goal_cell"
# The captions of an indicator titling a 预期指标 table's row: its target column's years name the targets' year.
_INDICATOR_CAPTIONS = frozenset({"指标", "指标名称", "主要指标", "指标项目", "一级指标"})


def _goal_column(cells: list[str], fields: dict[str, int], matched_as: dict[int, str]) -> int | None:
    """The index of a header's goal column (a caption of ``GOAL_CLAUSE_CAPTIONS``: 任务目标, 目标任务, 年度目标 …) in a
    table without a time column, beside a project or task that names the row (序号 | 项目名称 | 牵头领导 | 牵头单位 |
    责任单位 | 任务目标, a 民生实事 or 重点项目 table; 工作任务 | 工作目标): the goal's opening year, followed by what is
    planned ("2024年度计划对…进行改造"), is the row's time, as the same goal written as a caption line under the
    project's title (GOLD-README wave 7, 277, and "deadlines28"). None for an indicator's target column (a 预期指标
    table: 指标 | 目标) and where no goal caption is written."""
    named_by = [matched_as.get(fields[key]) for key in (HEADING, TASK) if key in fields]
    if any(caption in _INDICATOR_CAPTIONS for caption in named_by):
        return None
    for index, cell in enumerate(cells):
        if normalize_caption(cell) in GOAL_CLAUSE_CAPTIONS and (index not in fields.values() or index == fields.get(TASK)):
            return index
    return None

#: Key of a header's columns saying that a unit column's caption names persons too ("牵头单位（责任人）",
#: "责任单位及责任人"): the table writes persons beside its units.
_PERSONS = "persons"


def _unit_cell(text: str, caption: str, columns: dict[str, int]) -> str:
    """A unit or deadline cell as written into the row's annotation: in a unit column, the persons
    written beside the units are left out (``units.drop_persons``; a unit caption of the table
    decides whether bare names are persons: "牵头单位（责任人）", "责任单位及责任人"); a unit cell run on into the task
    text ("乡村振兴办成功创建美丽城镇。", a copy that lost the cells' separator) gives the unit it opens with
    (``unitnames.run_on_unit``, GOLD-README "kinds34")."""
    if ANNOTATION_CAPTIONS.get(caption) not in _UNIT_ROLES:
        return text
    text = drop_persons(text, _PERSONS in columns).strip() or text
    run_on = run_on_unit(text)
    return run_on[0] if run_on else text


# A unit cell stating the precedence rule beside its units ("省政府辦公廳、省財政廳牽頭,省商務廳、…(除標註
# 爲“牽頭”單位外,列第一位的爲牽頭或彙總單位,下同)", 浙江 2024).
_RULE_IN_CELL_RE = re.compile(r"第一位|第1位|首位|排名第一")


def _annotation_part(caption: str, value: str) -> str:
    """One part of a row's annotation: "caption：value", or the unit cell's text alone when it states
    the precedence rule itself, so the annotation grammar reads it as in a plan's brackets ("（A、B
    牵头，C、D（…列第一位的为牵头单位，下同））": A, B lead, C, D supporting; the rule in force for the
    rows after it)."""
    if ANNOTATION_CAPTIONS.get(caption) in _UNIT_ROLES and _RULE_IN_CELL_RE.search(value):
        return value
    return f"{caption}：{value}"


def _marked_parts(caption: str, value: str, columns: dict[str, int]) -> list[str]:
    """The parts of a row's annotation that a unit cell gives (``_annotation_part``), where a mark before a
    unit's name (``units.LEAD_MARKS``: "★区发改局、区财政局") singles out the lead: in a lead or 责任单位
    column the marked units lead and the others of the cell support ("牵头单位：区发改局", "配合单位：区财政局");
    in a supporting column, and in a 责任单位 column beside a 牵头单位 column of the table (``columns``), the mark
    is dropped: the columns say who leads. GOLD-README "Task tables, round 6"."""
    role = ANNOTATION_CAPTIONS.get(caption)
    split = marked_lead(value) if role in _UNIT_ROLES else None
    if split is None:
        return [_annotation_part(caption, value)]
    marked, others = split
    if role == SUPPORTING or (role != LEAD and any(ANNOTATION_CAPTIONS.get(key) == LEAD for key in columns)):
        return [_annotation_part(caption, "、".join(marked + others))]
    return [f"{LEAD_UNITS}：{'、'.join(marked)}"] + ([f"{SUPPORTING_UNITS}：{'、'.join(others)}"] if others else [])


def _cell(cells: list[str], columns: dict[str, int], key: str) -> str:
    """The cell of column ``key`` (counted from the right) in a row made by ``_fit``, or ""."""
    index = columns.get(key)
    return cells[len(cells) + index] if index is not None and -len(cells) <= index else ""


def _is_section_cells(cells: list[str]) -> bool:
    """A row holding one numbered cell only ("一、…" merged across the table)."""
    filled = [c.strip() for c in cells if c.strip()]
    return len(filled) == 1 and match_number(filled[0]) is not None and not _is_bare_number(filled[0])


def continues_row(row: list[str], following: list[str], columns: dict[str, int]) -> bool:
    """Is ``following`` a sub-row of ``row`` under one vertically merged 序号 cell (one 重点任务
    with several 具体措施 rows)? Both are data rows of one table, as ``_fit`` makes them.

    Word's merged cell is read on every row it spans (python-docx gives the same cell), so the
    sub-row repeats the 序号 (and the 重点任务 cell, when the table has one); a merged cell pasted
    as text is written on the first row only, so the sub-row's 序号 and 重点任务 cells are empty
    while the row above has a 重点任务. A row of its own 序号 never continues another."""
    if "number" not in columns or _is_section_cells(following):
        return False
    number, next_number = _cell(row, columns, "number"), _cell(following, columns, "number")
    if heads_number_group(number):
        return False  # a group's heading merged over its rows ("一、经济发展"): each row is a row of its own
    heading, next_heading = _cell(row, columns, "heading"), _cell(following, columns, "heading")
    if not _cell(following, columns, "task") or not number:
        return False
    if next_number:
        return next_number == number and next_heading in ("", heading)
    return "heading" in columns and bool(heading) and next_heading in ("", heading)


def _goes_on_merged(row: list[str], following: list[str], columns: dict[str, int]) -> bool:
    """Is ``following`` one more sub-row of the merged 序号 cell that ``row``, itself a sub-row pasted without its
    merged cells, is read under (a third "3.…" after "1.…" and "2.…": ``continues_row`` compares a row with the one
    above, and a sub-row's 序号 and 目标名称 are empty)? Both write neither 序号 nor heading, and ``following`` a task."""
    if "number" not in columns or _is_section_cells(following):
        return False
    return (not _cell(row, columns, "number") and not _cell(row, columns, "heading")
            and not _cell(following, columns, "number") and not _cell(following, columns, "heading")
            and bool(_cell(following, columns, "task")))


def _next_sub_row(cell: str, following: str) -> bool:
    """Does the cell ``following`` open with the next number, in the same style, of the one ``cell`` opens with, each
    before its task ("2.…" then "3.…": sub-rows of a merged 序号 pasted without their empty merged cells)? Then the
    line is the next sub-row, no rest of a row a line break cut (``_broken_row_rest``)."""
    if not (_numbered_in_cell(cell.strip()) and _numbered_in_cell(following)):
        return False
    token, next_token = match_number(cell.strip()), match_number(following)
    return next_token.style == token.style and next_token.ordinal == token.ordinal + 1


def _child_token(parent: str, index: int) -> str:
    """The 序号 given to the ``index``-th sub-row (from 1) of a merged 序号 cell ``parent``:
    "1.2 " under "1" (one level per dot, as ledgers read it: path ["1", "1.2"]), "2、" under any
    other number ("一", "（一）", "(1)"). GOLD-README "Paths" → Tables."""
    bare = parent.strip().rstrip("、.．,，")
    if re.fullmatch(r"[0-9]{1,2}", bare):
        return f"{bare}.{index} "
    return f"{index}、"


def _numbered_in_cell(task: str) -> bool:
    """Does a row's ``task`` open with a number of its own in figures ("3.党员教育管理。"), the rows of a 考核 table
    numbered in their own cell through the table?"""
    token = match_number(task)
    return token is not None and bool(_ARABIC_NUMBER_RE.match(task)) and token.end < len(task)


class UnderRow(str):
    """A line a table's row becomes whose item opens under the row's own heading line above it (the 序号 and
    目标名称 of a 目标任务分解表, or a merged 序号's parent item), whatever style its number is written in: a task
    cell opening with its own number ("(1)…要见成效", "1.…" under a merged "1"). ``rewrite_table_rows`` gives
    its ``Line`` ``nests=True``; GOLD-README "Task tables, round 8" and 317's rule (wave 8)."""


class CountedGroup(UnderRow):
    """The line of a table's group row written without 序号 above rows of its own numbering ("坚持创新驱动，…。"
    over "(一)" and "1", "2"): numbered by counting the table's group rows of that kind ("1、", "2、", GOLD-README
    wave 8, 315/318), a number of its own list, never a sibling of the rows' numbers in the same style. Placed
    with the table's hint (``nests``) so that the next counted group is its sibling and a row's "1" its child."""


def _is_unnumbered_group_line(lines: list[Line], index: int, columns: dict[str, int], layout: str) -> bool:
    """Is ``lines[index]``, a line without cells between the rows of a table with a 序号 column, a group row whose 序号
    and other cells were empty (their tabs lost when the line was cleaned: "\t坚持创新驱动，…。\t\t\t")? A line that
    numbers nothing, no longer than a group row, whose next line is a row of the table opening a group of the level
    below ("(一)\t加快…"): the group row of ``_heads_sub_group``."""
    text = lines[index].text.strip()
    if ("number" not in columns or not text or len(text) > _GROUP_ROW_CHARS or match_number(text) is not None
            or index + 1 >= len(lines)):
        return False
    following = _line_cells(lines[index + 1].text, columns, layout)
    if following is None:
        return False
    group = [""] * columns["width"]
    group[columns["width"] + columns["task"]] = text
    return _heads_sub_group(group, _fit(following, columns), columns)


# Characters a note's caption takes at the opening of a line ("注：", "备注：", "说明：").
_CAPTION_CHARS = 6


def _is_lone_task_line(lines: list[Line], index: int, columns: dict[str, int], layout: str) -> bool:
    """Is ``lines[index]``, a line without cells between the rows of a table whose first column is a lead merged over
    its group's rows (``merged_unit_column``, no 序号), a row that writes its task only ("\t乙项工作…\t": the lead
    merged with the row above, its other cells empty, the tabs lost when the line was cleaned)? A line of words (no
    number, unit list, time, section or group row without 序号) followed by a row of the table, or closing the file
    with a sentence's end after a row that left the lead empty too (the table's last row: a note under a table opens
    with its caption, "注：…"). It is a row of the group above, not a paragraph of the row above's task (GOLD-README
    "tables31")."""
    text = lines[index].text.strip()
    if (merged_unit_column(columns) is None or "number" in columns or not text
            or match_number(text) is not None or is_unit_list(text) or is_deadline_clause(text)
            or _is_section_row(text) or _is_unnumbered_group_text(text, task_words=True) or _row_caption_line(text)):
        return False
    if index + 1 >= len(lines):
        # the file's last line: a row of the group only after a row that left the lead empty too (a remark closing
        # the table after a group's first row, "以上任务…。", stays text)
        above = _line_cells(lines[index - 1].text, columns, layout) if index else None
        return (text[-1] in "。；;" and not re.search(r"[：:]", text[:_CAPTION_CHARS])
                and index > 0 and (above is None or not is_unit_list(above[0].strip())))
    following = _line_cells(lines[index + 1].text, columns, layout)
    return following is not None and _header_columns(following) is None


def _heads_sub_group(cells: list[str], following: list[str], columns: dict[str, int]) -> bool:
    """Is the row ``cells`` (fitted) a group row without 序号 whose rows follow: its 序号 cell empty, no unit or
    time of its own, and the next row (``following``, fitted) opening a group of the level below, a numbered
    heading in its 序号 cell that is no row number ("(一)", "一、")?"""
    if "number" not in columns:
        return False
    width = len(cells)
    number, task = cells[width + columns["number"]], _cell(cells, columns, "task")
    if number.strip() or not task or any(_cell(cells, columns, key) for key in columns if key in ANNOTATION_CAPTIONS):
        return False
    below = following[len(following) + columns["number"]].strip() if len(following) >= -columns["number"] else ""
    token = match_number(below)
    return token is not None and token.style != "arabic" and not _is_bare_number(below)


def _nest(line: str, task: str, state: dict) -> str:
    """``line`` (a sub-row's line of ``task``, its annotation after it) as an ``UnderRow`` when ``task`` opens
    with its own number in figures (``_numbered_in_cell``): the number is the row's place under its heading;
    ``state["in_cell"]`` keeps it, for the next row's ``_own_number``."""
    if not _numbered_in_cell(task):
        return line
    state["in_cell"] = match_number(task).ordinal
    return UnderRow(line)


# Where a number of a list written inside one cell may stand: after a sentence's or clause's end, or a blank.
_IN_CELL_ITEM_AT_RE = re.compile(r"(?<=[。；;！!？?\s])")


def _holds_next(task: str) -> bool:
    """Does ``task`` (a cell opening with a number) hold the next number of the same style further on ("1.全年
    未发生事故得2分。2.…得3分")? Then its numbers are a list the cell writes (notes, criteria), not the row's place."""
    token = match_number(task)
    for found in _IN_CELL_ITEM_AT_RE.finditer(task, token.end):
        following = match_number(task[found.start():].lstrip())
        if following is not None and following.style == token.style and following.ordinal == token.ordinal + 1:
            return True
    return False


def _own_number(task: str, number_cell: str, state: dict) -> bool:
    """Does a row's ``task`` open with the row's own place (GOLD-README "Task tables, round 8")? A number in figures
    (``_numbered_in_cell``) that begins no list of the cell (``_holds_next``: "1.…得2分。2.…" in a criteria cell is
    the row's text), whose value is the row's 序号 ``number_cell`` ("2 | 目标名称 | (2)…要见成效") or the next of the
    numbers the table's task cells gave before (``state["in_cell"]``: "3." after a merged 序号's "1." and "2.")."""
    if not _numbered_in_cell(task) or _holds_next(task):
        return False
    row = _number_value(number_cell) if _is_bare_number(number_cell) else None
    before = state.get("in_cell")
    return match_number(task).ordinal in (row, before + 1 if before is not None else None)


def _sub_row(parent: str, index: int, task: str) -> str:
    """The line of the ``index``-th sub-row of a merged 序号 cell ``parent`` whose task is ``task``: the
    task as written when it opens with a number of its own in figures ("1.固定资产投资…" under "一", the
    rows numbered in their own cell through the table: that number is the row's place, GOLD-README wave 8),
    else the task after its place (``_child_token``)."""
    if _numbered_in_cell(task):
        return task
    return f"{_child_token(parent, index)}{task}"


def _row_lines(cells: list[str], columns: dict[str, int], groups: list[str], state: dict,
               merged_next: bool = False, heads_group: bool = False) -> list[str]:
    """The lines a data row becomes: new group headings first, then the task line.

    ``state`` carries, from row to row of one table, the last 序号 ("number"), the last
    heading cell ("heading") and the merged 序号 cell being read ("merged": [parent, sub-rows so
    far]). ``merged_next``: the next row continues this one under a merged 序号 cell
    (``continues_row``): the row opens a parent item (its 序号 and 重点任务) and becomes its first
    sub-row. A row without a 序号 (no 序号 column, or an empty cell: Word's automatic numbering
    lost on paste) takes the next number, counted through the table from 1."""
    if _is_section_cells(cells):
        filled = [c.strip() for c in cells if c.strip()]
        groups[:] = [filled[0]]  # a section row merged across the table
        state.pop("merged", None)
        return [open_group(state, 0, assessed_section(filled[0], columns))]
    cells = _fit(cells, columns)
    width = len(cells)
    if _TASK_SPAN in columns:
        cells = _collapse_task_span(cells, width + columns["task"], columns[_TASK_SPAN])

    def cell(key: str) -> str:
        return _cell(cells, columns, key)

    task = cell("task")
    task_at = width + columns["task"]
    if _DASHES_RE.fullmatch(task) and "number" not in columns and task_at > 0:
        # a dash where the task goes, the item before it (a pasted row of a caption spanning columns,
        # "(三) 综合评价 | 1.县四套班子领导评价 | —— | 按排名赋分 | …"): the item is the task
        cells = _collapse_task_span(cells, task_at, task_at)
        task = cell("task")
    if is_placeholder(task):
        task = ""  # "……": a row left to fill in
    heading_at = width + columns["heading"] if "heading" in columns else None
    heading = cell("heading") if heading_at is not None and heading_at < task_at else ""
    if heading and (_is_bare_number(heading) or match_number(heading) is not None):
        heading = ""
    if not task and heading:
        task, heading = heading, ""  # "改革举措" given, "主要内容" left empty
    if not task:
        return []
    lines = []
    number = strip_number_mark(cell("number"))
    if heads_number_group(number):
        # "一、经济发展" in the 序号 cell, merged over the rows of its group: the group's heading, opened once; the
        # row's own number is the one its task cell opens with ("1.地区生产总值…")
        if not groups or groups[0] != number:
            groups[:] = [number]
            state.pop("merged", None)
            lines.append(open_group(state, 0, number))
        state[_NUMBER_GROUPS] = True
        number = ""
    number_at = width + columns["number"] if "number" in columns else None
    leading = [c for i, c in enumerate(cells[:max(task_at, 0)]) if i != number_at]
    if _heads_numbered_levels(number, leading, task):
        # "（一） | 1.… | （1）…": the 序号 names the upper level's item, the cells before the task the levels
        # below it, the task the deepest; the 序号 is the first of the row's groups (GOLD-README "tables29")
        leading, number = [number] + leading, ""
    if "number" not in columns and leading and _is_bare_number(leading[-1]):
        number = leading.pop()
    opens_leading_group = False
    for depth, value in enumerate(leading):
        if value and match_number(value) is not None and (len(groups) <= depth or groups[depth] != value):
            del groups[depth:]
            groups.append(value)
            lines.append(open_group(state, depth, value))
            opens_leading_group = True
    # a row under a group its numbered cell before the task opened ("一、…" in a 实事名称 cell, merged down the rows of
    # its indicators) that writes none of the cells before its task: the merged cells were written once, on the group's
    # first row (a copy one cell a line, or with ` | ` or tabs), the unit cells merged with them too (branch fresh49)
    under_leading_group = (not opens_leading_group and bool(groups) and bool(leading) and not any(leading)
                           and state.get(_LEADING_GROUP_UNITS) is not None)
    def written(caption: str) -> str:  # a column's cell, with the cells under its caption's span
        spanned = [cell(key) for key in columns if key.startswith(f"{_SPAN}{caption}#")]
        unit_column = ANNOTATION_CAPTIONS.get(caption) in _UNIT_ROLES
        # progress words in a unit column ("完成", "否": a row read at the wrong columns) are no unit (units.py)
        value = "、".join(text for text in [cell(caption)] + spanned
                          if text and not is_placeholder(text) and not (unit_column and is_progress_text(text)))
        if not unit_column:
            return value
        above = state.setdefault(_UNITS_ABOVE, {})
        if is_same_as_above(value):  # "同上", "同上一项": the units of the row above in this column (kinds44)
            return above.get(caption, "")
        more = same_as_above_and(value)
        if more is not None:  # "同上，县财政局": the row above's units in this column, then the one more (kinds46)
            value = "、".join(text for text in (above.get(caption, ""), more) if text)
        above[caption] = value
        return value

    parts = [part for caption in columns if caption in ANNOTATION_CAPTIONS and written(caption)
             for part in _marked_parts(caption, _unit_cell(written(caption), caption, columns), columns)]
    unit_parts = [part for caption in columns if ANNOTATION_CAPTIONS.get(caption) in _UNIT_ROLES and written(caption)
                  for part in _marked_parts(caption, _unit_cell(written(caption), caption, columns), columns)]
    if opens_leading_group:
        state[_LEADING_GROUP_UNITS] = unit_parts
    elif under_leading_group and not unit_parts:
        parts = state[_LEADING_GROUP_UNITS] + parts  # the group's unit cells, merged down its rows
    elif not under_leading_group:
        state.pop(_LEADING_GROUP_UNITS, None)
    written_number = strip_number_mark(cell("number"))
    if not parts and _BARE_CN_NUMBER_RE.fullmatch(written_number):
        # a group row written in the 序号 and task cells ("一 | 县示范区管委会牵头工作(8项)"): it opens a group
        # at the top, with the lead it names (the lead insertion below gives the group row that lead too)
        open_group(state, 0, f"{written_number}、{task}")
    lead = group_lead_in_force(state)
    if lead and not any(ANNOTATION_CAPTIONS.get(caption) == LEAD or _LEAD_WORD_RE.search(written(caption))
                        or marked_lead(written(caption))
                        for caption in columns if caption in ANNOTATION_CAPTIONS and written(caption)):
        parts.insert(0, f"{LEAD_UNITS}：{lead}")  # the group row's lead: the row names none of its own
    periods = [key[len(_PERIOD):] for key in columns if key.startswith(_PERIOD) and cell(key)]
    if periods and not any(ANNOTATION_CAPTIONS.get(key) == "deadline" and cell(key) for key in columns):
        parts.append(f"{DEADLINE_FIELD}：{periods[-1]}")  # the last period with work to do
    elif _GOAL_CELL in columns and goal_opening_year(cell(_GOAL_CELL)):
        # a 民生实事 or 重点项目 table's 任务目标 cell beside the project's name, no time column ("2024年度计划对…进行
        # 改造"): the year the goal opens with is the row's time, as the goal's caption line under a project's title
        # gives it (GOLD-README wave 7 and "deadlines28"); a year inside the goal ("较2023年提高…") is none
        parts.append(f"{DEADLINE_FIELD}：{goal_opening_year(cell(_GOAL_CELL))}")
    elif (not any(ANNOTATION_CAPTIONS.get(key) == "deadline" for key in columns)
          and (due := dated_opening(task, by_only=True)
               or dated_opening(cell(_GOAL_CELL) if _GOAL_CELL in columns else "", by_only=True))):
        # no time column, a task or goal cell opening with a date closed by 前 ("2021年2月底前,完成…"): the row's time,
        # the cell's words kept as written (kinds46)
        parts.append(f"{DEADLINE_FIELD}：{due}")
    elif not any(ANNOTATION_CAPTIONS.get(key) == "deadline" for key in columns) and year_of_a_figure(task):
        # no time column, a year inside the task cell ("…专项奖补资金,…,2016年安排500亿元"): the year of a figure, no
        # deadline of the row's (GOLD-README "fresh42", 780)
        parts.append(f"{DEADLINE_FIELD}：——")
    elif (_GOAL_TASK in columns or any(ANNOTATION_CAPTIONS.get(key) == "deadline" for key in columns)) and not any(
            ANNOTATION_CAPTIONS.get(key) == "deadline" and written(key) for key in columns):
        # a time column left empty on this row: the row has no deadline, and a year in its task or goal cell
        # ("到2025年建成500个") is a target, not a deadline (GOLD-README "Tables": the time column is the
        # row's deadline, not a date inside the task cell; issue 13, deadlines round 3)
        parts.append(f"{DEADLINE_FIELD}：——")
    annotation = f"（{'；'.join(parts)}）" if parts else ""
    if _number_only(task):
        # a numbered row without its task ("1." in a template's 重点工作 rows): no measure; the units
        # written on it belong to the group the same row opens ("(一)重点工作 (500分) | 1. | … | 县考核办")
        if lines and annotation and "merged" not in state:
            lines[-1] += annotation
        return lines
    if heads_group and not lines and state.get("merged") is None:
        # a group row without 序号 over rows of their own numbering: the table's next group by count (CountedGroup)
        state["groups_counted"] = state.get("groups_counted", 0) + 1
        del groups[:]
        return [CountedGroup(open_group(state, 0, f"{state['groups_counted']}、{task}{annotation}"))]
    merged = state.get("merged")
    if merged is not None:
        merged[1] += 1  # a sub-row of the merged 序号 cell above
        if not merged_next:
            state.pop("merged")
        return lines + [_nest(f"{_sub_row(merged[0], merged[1], task)}{annotation}", task, state)]
    state.pop("merged", None)
    if not number and (("number" in columns and state.get("number") is not None) or match_number(task) is None
                       or ("number" not in columns and heading) or (_numbered_in_cell(task) and _holds_next(task))):
        # no 序号 written: the next number of the table; a task cell opening with a number beside the cell that names
        # the row (实事项目 | 工作举措及实施计划: "1.4月底前…。 2.8月底前…") holds the cell's own list, the row is counted
        # (GOLD-README "tables31"); a cell whose numbered lines are a list of its own ("1.整理档案" / "2.准备物资":
        # ``_holds_next``) is the row's text, the row is counted all the same (GOLD-README "kinds36")
        number = str((state.get("number") or 0) + 1)
    if _is_bare_number(number):
        state["number"] = _number_value(number)
    if number and match_number(number) is None:
        # "1" and a bare Chinese numeral ("一": a section row, 任务分工表 of Word) take 、
        number = f"{number}、" if _is_bare_number(number) or _BARE_CN_NUMBER_RE.fullmatch(number) else f"{number} "
    if merged_next and number:
        # a merged 序号 cell over several rows: the 重点任务 (or the first row) is the parent item
        state["merged"] = [cell("number") or number.strip().rstrip("、"), 1]
        state["heading"] = heading
        if heading:
            first = cell("task") or task
            return lines + [f"{number}{heading}",
                            _nest(f"{_sub_row(state['merged'][0], 1, first)}{annotation}", first, state)]
        if _numbered_in_cell(task):
            # its tasks carry their own numbers ("12" over "56.做好…" and "86.深入推进…", a 落实情况 table's merged 序号 and
            # 牵头单位): the 序号 is the group, each task a row under it with the merged units (GOLD-README "kinds33")
            return lines + [number.strip(), _nest(f"{task}{annotation}", task, state)]
        state["merged"][1] = 0
        return lines + [_numbered_row(number, task, annotation)]
    if heading and heading != state.get("heading") and number and (
            _own_number(cell("task") or task, strip_number_mark(cell("number")), state)
            or (_BARE_CN_NUMBER_RE.fullmatch(cell("number")) and _numbered_in_cell(cell("task") or task))):
        # a row whose task cell opens with its own number under its 序号 and heading: the row is its heading
        # (no units) and the numbered task under it, with the row's units and time ("1 | 目标名称 | (1)…要见成效"
        # -> ["1"], ["1", "(1)"], 317's rule; "二 | 基层党建（20分） | 3.党员教育管理。" -> ["二"], ["二", "3"], a group
        # of one row as a merged 序号 gives its rows); the row keeps the number written in its cell
        state["heading"] = heading
        first = cell("task") or task
        return lines + [f"{number}{heading}", _nest(f"{_sub_row(cell('number'), 1, first)}{annotation}", first, state)]
    if heading and heading != state.get("heading"):
        task = f"{heading}{'' if heading[-1] in '。：:；;' else '。'}{task}"
    state["heading"] = heading
    lines.append(_numbered_row(number, task, annotation))
    return lines


def _numbered_row(number: str, task: str, annotation: str) -> str:
    """The line of a row numbered ``number`` ("20、"), with its ``task`` and ``annotation``: a task opening with a figure
    ("41家化工企业", "2024年…") stands apart from its 序号 (``_TOKEN_GAP``), also when the row opens a merged 序号 over
    sub-rows, lest "20、41家…" read as a list of numbers (branch fresh38, 845)."""
    return f"{number}{_TOKEN_GAP if _opens_with_figure(number, task) else ''}{task}{annotation}"


# What separates a row's 序号 from a task cell opening with a figure: "1、1.建立…" would read as a list of numbers
# ("1、2月份", a sentence); "1、 1.建立…" is the row "1" whose text opens with its own list.
_TOKEN_GAP = " "


def _opens_with_figure(number: str, task: str) -> bool:
    """Does a row's ``task`` open with a figure ("1.建立…；2.完善…", "2024年…") after its 序号 written in figures and 、
    (``number``, "1、")? Glued, the figures would make the line no item (numbering.py reads "1、2" as a list of
    numbers); a blank keeps the row its own. The list stays the row's text (GOLD-README round 8: a cell that goes on
    to its next number is the row's text)."""
    return bool(re.fullmatch(r"[0-9０-９]+、", number) and re.match(r"[0-9０-９]", task))


#: Key of a table reading's ``state`` saying that its 序号 column holds group headings merged over their rows
#: ("一、经济发展" beside "1.…", "2.…"): a row one cell short opening with its own number lost that empty cell.
_NUMBER_GROUPS = "number_groups"
#: Key of a table reading's ``state`` holding the last row's unit cells by caption, for a cell that says "同上"
#: (``units.is_same_as_above``: the row above's units; GOLD-README "kinds44").
_UNITS_ABOVE = "units_above"
#: Key of a table reading's ``state`` holding the unit cells (as annotation parts) of the row that opened the group a
#: numbered cell before its task names ("一、…" in a 实事名称 cell), carried to the group's rows that write neither that
#: cell nor units, their merged cells written once (``_row_lines``; branch fresh49).
_LEADING_GROUP_UNITS = "leading_group_units"


def heads_number_group(text: str) -> bool:
    """Does a 序号 cell ``text`` hold a group's heading rather than the row's number: a number not in figures with
    the group's words after it ("一、经济发展", "（二）民生保障")? Merged over the rows of its group, it opens the group
    (GOLD-README "Task tables, round 10"); a bare number ("一", "（二）", "3") and a figure with words ("1.…") do not."""
    token = match_number(text or "")
    return (token is not None and bool(text[token.end:].strip()) and not _ARABIC_NUMBER_RE.match(text)
            and len(text) <= _SECTION_ROW_CHARS)


def _heads_numbered_levels(number: str, leading: list[str], task: str) -> bool:
    """Does a row number three levels or more of a plan in its cells: a 序号 ``number`` that is a number alone, not in
    figures ("（一）", "第十六项": the upper level's item), a cell before the task opening with a number and words
    (``leading``: the province's "1.…" of a 部署任务 column) and a ``task`` opening with a number of its own ("（1）…": the
    city's 落实措施)? Then the 序号 opens the row's groups, the cell after it the group below, and the task is the
    deepest item, with the row's units and time (GOLD-README "tables29")."""
    token = match_number(number) if number else None
    if token is None or token.end < len(number) or _ARABIC_NUMBER_RE.match(number):
        return False
    opened = [match_number(value) for value in leading if value]
    inner = match_number(task)
    return (any(found is not None and found.style != token.style for found in opened)
            and inner is not None and inner.end < len(task) and inner.style != token.style)


def under_number_group(cells: list[str], columns: dict[str, int], state: dict) -> list[str]:
    """``cells`` with the empty 序号 cell put back in front when the table's 序号 column holds group headings merged
    over their rows (``heads_number_group``) and the row, short of the header, opens with its own number in figures
    ("2.固定资产投资增长8%。 | 区发改局 | 区住建局": the merged cell's tab lost with the line's leading whitespace; its
    empty last cells are then lost at its end, ``_fit``)."""
    first = cells[0].strip() if cells else ""
    if (state.get(_NUMBER_GROUPS) and len(cells) < columns["width"] and first
            and (_numbered_in_cell(first) or (match_number(first) is None and not _is_bare_number(first)
                                              and not is_unit_list(first) and not is_deadline_clause(first)))):
        return [""] + list(cells)  # the row's task first: its 序号 cell was the group's, merged
    return cells


# A group row naming the unit that leads every row under it: "一、县示范区管委会牵头工作(8项)", "（二）市发改委
# 牵头（5项）", "三、区科技局主办事项", "二、由市发改委牵头的任务", "（三）市商务局负责的工作": 由, the units, a lead duty
# word of the vocabulary (or 负责, as 责任单位 alone leads), what they lead, a count.
_LEAD_WORD_RE = re.compile("|".join(LEAD_DUTY_WORDS))
_GROUP_LEAD_RE = re.compile(rf"由?(?P<units>.+?)(?:(?:{_LEAD_WORD_RE.pattern})(?:负责)?|负责){LED_WORK_PATTERN}")


def _group_heading(text: str) -> tuple[re.Match, str] | None:
    """The match of a group row's or heading's words after its number (``_GROUP_LEAD_RE``) and those words as written,
    or None. The words are matched in simplified characters (``han.simplified``, same length: a converter's "（一）省經信廳
    牽頭的工作（3項）" is such a heading; branch variants64), the units sliced from the words as written."""
    token = match_number(text)
    if token is None:
        return None
    words = text[token.end:].strip()
    found = _GROUP_LEAD_RE.fullmatch(simplified(words))
    return (found, words) if found else None


def is_group_heading(text: str) -> bool:
    """Is ``text`` (a numbered line: a table's group row or a prose heading) a group named by who leads it, a unit
    ("一、县示范区管委会牵头工作(8项)") or a leader, a person ("一、张三省长负责的工作", "四、卢山副省长牵头重点工作")?"""
    return _group_heading(text) is not None


def names_led_work(text: str) -> bool:
    """Is ``text``, numbered or not, a line naming who leads the work listed under it ("洪湖鹏市长主抓重点工作", "一、县发改局
    牵头工作（8项）", "卢山副省长牵头重点工作")? A ledger writes such a line above each group's own header row (湖州 2023
    半年度完成情况, ledger corpus 049), without the number a group row of a plan's table carries."""
    text = (text or "").strip()
    token = match_number(text)
    return _GROUP_LEAD_RE.fullmatch(text[token.end:].strip() if token is not None else text) is not None


def group_lead(text: str) -> str | None:
    """The units a table's group row or a prose heading names as the lead of all its rows or items
    ("一、县示范区管委会牵头工作(8项)" -> "县示范区管委会"; "（二）市发改委、市财政局牵头（5项）" -> "市发改委、市财政局",
    as written; "二、由市发改委牵头的任务" -> "市发改委"), or None: a group of another kind ("一、经济发展"), or one naming
    a leader, a person ("四、卢山副省长牵头重点工作", "一、张三省长负责的工作": GOLD-README wave 7 round 4, no unit).
    GOLD-README "Units" and "units29": the rows or items under it take that lead unless they name their own."""
    heading = _group_heading(text)
    if heading is None:
        return None
    found, words = heading
    units = words[found.start("units"):found.end("units")]
    return units.strip() if is_unit_list(units) else None


def open_group(state: dict, depth: int, text: str) -> str:
    """A group row ``text`` opened at ``depth`` (0: a row merged across the table) of the table whose
    reading ``state`` is given: the lead it names (``group_lead``) is in force for the rows under it,
    and for its sub-groups unless they name their own; a group at its depth or above ends the lead of the
    one before. Returns the line the group row becomes: with its lead as an annotation, so the group
    heading's measure has the unit it names."""
    leads = {d: units for d, units in state.get("leads", {}).items() if d < depth}
    lead = group_lead(text)
    if lead:
        leads[depth] = lead
    state["leads"] = leads
    return f"{text}（{LEAD_UNITS}：{lead}）" if lead else text


def group_lead_in_force(state: dict) -> str | None:
    """The lead named by the innermost group row above the row being read (``open_group``), or None."""
    leads = state.get("leads")
    return leads[max(leads)] if leads else None


#: Key of a header's task caption spanning empty header cells after it (Word's or a page's merged
#: "项目名称及分值" over the group, the item and a sub-item column): how many columns it spans besides its own.
_TASK_SPAN = "task_span"

# A cell holding no text of its own: dashes, an ellipsis, a slash ("——" for no unit, "……" for rows to fill in).
_PLACEHOLDER_RE = re.compile(r"[\s—–\-－─…⋯·./／、]*|无")
_DASHES_RE = re.compile(r"[—–\-－─/／]+")


def is_placeholder(text: str) -> bool:
    """Is ``text`` (a table cell) a placeholder that names nothing: "——", "—", "/", "……", "无"?
    Such a cell is empty: a unit column's "——" names no unit, a task cell's "……" (a template's
    rows to fill in) is no task."""
    return bool(_PLACEHOLDER_RE.fullmatch(text.strip()))


# The first filled cell of a table's sum row: 总分, 合计, 总计, 小计 (spaced out or with a colon).
_TOTAL_ROW_RE = re.compile(r"(?:总\s*分|合\s*计|总\s*计|小\s*计)\s*[：:]?(?:\s*[0-9０-９.]+\s*分?)?")


def is_total_row(cells: list[str]) -> bool:
    """Is this row of a task table its sum ("总分 | | 100 | |", a 考核细则's last row)? Its first
    filled cell is 总分, 合计, 总计 or 小计 (a score may follow), and no other cell holds more than a
    number: no measure (GOLD-README wave 6). ``tracker/indicators/workbook.py`` skips the totals of
    an indicator table by its own rule (合计 rows of figures, 全市合计)."""
    filled = [c.strip() for c in cells if c.strip()]
    return (bool(filled) and bool(_TOTAL_ROW_RE.fullmatch(filled[0]))
            and all(re.fullmatch(r"[0-9０-９.]+\s*分?|——?|/", c) for c in filled[1:]))


def _number_only(text: str) -> bool:
    """A task cell holding a row number and nothing else ("1.", "(3)")."""
    token = match_number(text.strip())
    return token is not None and not text.strip()[token.end:].strip()


def _collapse_task_span(cells: list[str], task_at: int, span: int) -> list[str]:
    """The cells of a row under a task caption spanning ``span`` columns before ``task_at`` (its
    last one): the last cell of the span holding text (not a placeholder) becomes the task, the
    filled cells before it stay where they are as the row's leading cells (group headings: "(一)重点
    工作 (500分)" beside "1."), a dash ("——", an unused sub-item column) is passed over, and an
    ellipsis ("……", a row left to fill in) leaves the row without a task."""
    start = task_at - span
    if start < 0 or task_at >= len(cells):
        return cells
    part = cells[start:task_at + 1]
    filled = [i for i, text in enumerate(part) if text.strip() and not _DASHES_RE.fullmatch(text.strip())]
    collapsed = [""] * len(part)
    for i in filled[:-1]:
        collapsed[i] = part[i]
    if filled and not is_placeholder(part[filled[-1]]):
        collapsed[-1] = part[filled[-1]]  # "……" (a row to fill in) leaves the task empty
    return cells[:start] + collapsed + cells[task_at + 1:]


def _cells(text: str) -> list[str] | None:
    """The cells of a table row written with tabs or as a Markdown pipe row; None otherwise."""
    if "\t" in text:
        return text.split("\t")
    if _PIPE_ROW_RE.match(text) and len(re.findall(r"[|｜]", text)) >= 3:
        return [c.strip() for c in re.split(r"[|｜]", text.strip()[1:-1])]
    return None


_PIPE_RE = re.compile(r"[|｜]")
_PIPE_SPLIT_RE = re.compile(r"\s*[|｜]\s*")


#: How the rows of the table being read are laid out, after its header: cells cut by tabs or
#: pipes, aligned with runs of spaces, or cut by single spaces (a PDF copied as text).
TABBED, SPACED, SINGLE_SPACED = "tabbed", "spaced", "single"


def _line_cells(text: str, columns: dict[str, int] | None, layout: str) -> list[str] | None:
    """The cells of ``text`` as a table row, or None: tab rows and framed pipe rows always
    (``_cells``); rows cut by pipes without a frame ("序号 | 重点任务 | 牵头单位", a table pasted
    from a web page), rows aligned with runs of spaces and rows cut by single spaces only when the
    line is a task-table header or ``columns`` (the table being read) is laid out so (``layout``,
    from its header). Other text keeps its pipes and spaces."""
    cells = _cells(text)
    if cells is None and len(_PIPE_RE.findall(text)) >= 2:
        parts = _PIPE_SPLIT_RE.split(text.strip())
        if (columns is not None and layout == TABBED) or _header_columns(parts) is not None:
            cells = parts
    if cells is not None:
        # a row of a table naming no unit column reads its unit examined however its cells are cut (tabs, a framed pipe
        # row or pipes without a frame: the same cells, the same row; branch limits51)
        return _examined_row(cells, columns) if columns is not None and _EXAMINED in columns else cells
    if columns is not None and layout == SINGLE_SPACED:
        return _single_spaced_cells(text, columns)
    if columns is None or layout == SPACED:
        parts = _SPACED_RE.split(text.strip())
        if len(parts) >= 3 and ((columns is not None and layout == SPACED) or _header_columns(parts) is not None):
            return parts  # columns aligned with runs of spaces (a table copied from a PDF or page)
        if len(parts) == 2 and columns is not None and layout == SPACED and _is_period_sub_header(parts):
            return parts  # a header's second row of two periods ("上半年   下半年" under its time caption)
    if columns is None:
        parts = closed_spaced_captions(text.split())
        if 3 <= len(parts) <= _MAX_HEADER_CELLS and _single_spaced_header(parts):
            return parts if _header_columns(parts) is not None else None  # "序号 工作任务 责任单位 完成时限"
    return None


def closed_spaced_captions(parts: list[str]) -> list[str]:
    """``parts`` (a line cut at its single blanks) with each run of two or more single Han characters closed up into one
    word: a caption typeset letter by letter ("序号 工 作 任 务 牵头负责部门", a law site's copy of a 国办函's table) is the
    caption "工作任务"; other parts unchanged. GOLD-README "fresh42" (780)."""
    closed: list[str] = []
    run: list[str] = []
    for part in parts + [""]:
        if len(part) == 1 and "\u4e00" <= part <= "\u9fff":
            run.append(part)
            continue
        closed += ["".join(run)] if len(run) > 1 else run
        run = []
        if part:
            closed.append(part)
    return closed


# A header cut by single blanks may hold a few captions of the office's own words ("类别", "领域"): short words,
# at most one cell in three (a line of text holds sentences, numbers and punctuation).
_OWN_CAPTION_RE = re.compile(rf"{HAN_CLASS}{{2,4}}")


def _single_spaced_header(parts: list[str]) -> bool:
    """Are ``parts`` (a line cut at its single blanks) the captions of a task table's header: every part a known
    caption, or all but a few short words of the office's own ("序号 类别 主要任务 细化措施 牵头单位 参与单位 责任单位":
    类别 names a column no field reads, merged over its group's rows; GOLD-README "Task tables, branch blanktables")."""
    own = [part for part in parts if not match_caption(part, sub_caption=True)]
    return len(own) <= len(parts) // 3 and all(_OWN_CAPTION_RE.fullmatch(part) for part in own)


def _layout(header_text: str) -> str:
    """The layout of a table whose header line is ``header_text`` (see ``_line_cells``)."""
    if "\t" in header_text or _PIPE_RE.search(header_text):
        return TABBED
    return SPACED if len(_SPACED_RE.split(header_text.strip())) >= 3 else SINGLE_SPACED


_YEARS_RE = re.compile(r"[0-9]{4}\s*[-—－~～至到]\s*[0-9]{4}年?")


def _single_spaced_cells(text: str, columns: dict[str, int]) -> list[str] | None:
    """The cells of a row whose cells are cut by single spaces, as the task text may be too ("1
    扩大有效投资。 市发改委 市财政局 2023年底前"), placed by what they hold: the 序号 first (the row
    must open with one when the table has a 序号 column), the time last, the unit cells before it
    (``_unit_cells_from_end``: one per unit column, in order, the last column taking the rest; two blanks
    in a row are an empty cell between them), the task text between. None for a line that is no row (the
    table ends there)."""
    tokens = text.strip().replace("\u00a0", " ").split(" ")
    width = columns["width"]
    if len([token for token in tokens if token]) < 2:
        return None
    cells = [""] * width

    def put(key: str, value: str) -> None:
        cells[width + columns[key]] = value

    if "number" in columns:
        if _lone_number(tokens[0]) is None and not _BARE_CN_NUMBER_RE.fullmatch(tokens[0]):
            return None
        put("number", tokens.pop(0))
    while tokens and not tokens[-1]:
        tokens.pop()
    deadline = next((key for key in columns if ANNOTATION_CAPTIONS.get(key) == "deadline"), None)
    if deadline and len(tokens) > 1 and (is_deadline_clause(tokens[-1]) or _YEARS_RE.fullmatch(tokens[-1])):
        put(deadline, tokens.pop())
    unit_keys = _unit_column_keys(columns)
    while tokens and not tokens[0]:
        tokens.pop(0)  # an empty text cell after the 序号 (a category merged over its group): the task follows
    units, tokens = _unit_cells_from_end(tokens, len(unit_keys))
    for place, key in enumerate(unit_keys):
        if place < len(units):
            put(key, "、".join(unit for unit in units[place:] if unit) if place == len(unit_keys) - 1 else units[place])
    put("task", "".join(token for token in tokens if token))  # the blanks a fixed width wrapped it at are layout
    return cells


def _unit_column_keys(columns: dict[str, int]) -> list[str]:
    """The keys of a header's unit columns (``_header_columns``), left to right, a unit caption's span included."""
    return sorted((key for key in columns if ANNOTATION_CAPTIONS.get(key) in _UNIT_ROLES
                   or (key.startswith(_SPAN) and ANNOTATION_CAPTIONS.get(key[len(_SPAN):].split("#")[0]) in _UNIT_ROLES)),
                  key=columns.get)


def _is_unit_token(token: str) -> bool:
    """Does a piece of a single-spaced row between blanks name units and nothing else ("市水利局", "市发展改革委、市统计局",
    "各县(市、区)人民政府", "各县(市、区)", "省林业局等")? Each name ends like a unit or names an area once a remark in
    brackets after it is set aside; a piece opening with 各 that goes on with words ("各地要加强") names none."""
    names = split_units(token)
    return bool(names) and not re.search(r"[。；;：:！？]", token) and all(_names_a_unit(name) for name in names)


_TRAILING_REMARK_RE = re.compile(r"[（(〔][^（()）〔〕]*[）)〕]$")


def _names_a_unit(name: str) -> bool:
    if ends_with_count(name):  # "广场两处", "幼儿园3所": no unit however its last character reads
        return False
    core = name.rstrip("等")
    while _TRAILING_REMARK_RE.search(core) and not UNIT_SUFFIX_RE.search(core):
        core = _TRAILING_REMARK_RE.sub("", core)
    return (len(core) >= _UNIT_NAME_MIN_CHARS and not is_progress_text(core)
            and bool(UNIT_SUFFIX_RE.search(core) or is_area_unit(core)))


# Shortest unit name read in a single-spaced row ("发区" is the tail of a wrapped "嘉兴经济开发区", "委" of "市发展改革委").
_UNIT_NAME_MIN_CHARS = 3


def _unit_wrap_head(left: str, right: str, more_cells: bool = False) -> bool:
    """Is ``left`` the first part of a unit name a page wrapped at its cell's width, ``right`` its rest ("各县(市、区)党委和人" /
    "民政府", "市发展改" / "革委", "县住房和城" / "乡建设局")? ``left`` opens like a unit name (a level: 市, 县, 各 …), ends
    like none, holds no sentence, and closes up with ``right`` into a name; ``right`` opens no name of its own, unless
    the row still owes unit cells (``more_cells``: "县住房和城" names no unit alone, "乡建设局" may)."""
    return (bool(left) and not UNIT_SUFFIX_RE.search(left.rstrip("等")) and not re.search(r"[。；;：:，,！？]", left)
            and bool(_UNIT_LEVEL_RE.match(left)) and (more_cells or not _UNIT_LEVEL_RE.match(right))
            and _is_unit_token(left + right))


def join_single_spaced_wrap(lines: list[Line], index: int, columns: dict[str, int]) -> tuple[Line, int]:
    """The row of a single-spaced table at ``lines[index]`` with the lines its row wrapped onto joined to it (a page's
    row too wide for its line: "3 推进水污染防 治 加强工业污染" / "治理 市生态环境局 市商务局"), and the index of its last
    line. A line goes on the row when it opens no row, section or header and the row so joined ends with its unit cells
    where it did not, or the line holds unit names only (the row's last unit cell wrapped). Only in a table with a 序号
    column (its rows open with their number)."""
    line = lines[index]
    if "number" not in columns or _single_spaced_cells(line.text, columns) is None:
        return line, index
    text = line.text
    while index + 1 < len(lines):
        following = lines[index + 1].text.strip()
        if (not following or "\t" in following or _single_spaced_cells(following, columns) is not None
                or _is_section_row(following) or _PAGE_MARK_RE.match(following) or PAGE_NOISE_RE.match(following)
                or _header_columns(following.split()) is not None):
            break
        pieces = following.split()
        had_units = bool(_unit_cells_from_end(text.split(), 1)[0])
        ends_units = bool(_unit_cells_from_end(f"{text} {following}".split(), 1)[0])
        if not ((not had_units and ends_units) or all(_is_unit_token(piece) for piece in pieces)
                or (not had_units and is_person_name(following))):
            break  # (a person column's names one a line, "陶静华" / "范颖飞" / "钱  辉", before the row's units: branch fresh38)
        text = f"{text} {following}"
        index += 1
    return Line(line.no, text, starts_table=line.starts_table), index


_UNIT_LEVEL_RE = re.compile(r"^(?:省|市|区|區|县|縣|州|盟|旗|镇|鎮|乡|鄉|各|国家|中共)")


# Most pieces a unit cell wrapped at its column's width is cut into, joined again (keeps the search short).
_MOST_UNIT_PIECES = 6


def _unit_segments(tokens: list[str], at: int, need: int, memo: dict | None = None) -> list[str] | None:
    """``need`` unit cells made of ``tokens[:at]``'s last pieces, the fewest pieces first (each cell a run of pieces that
    close up into a list of units, ``_is_unit_token``, or an empty piece: an empty cell); None when there are none.
    The first piece (the task's) is never taken. ``memo`` keeps the search linear in the pieces and cells."""
    memo = {} if memo is None else memo
    if (at, need) not in memo:
        memo[(at, need)] = _unit_segments_at(tokens, at, need, memo)
    return memo[(at, need)]


def _unit_segments_at(tokens: list[str], at: int, need: int, memo: dict) -> list[str] | None:
    if need == 0:
        return []
    if at <= 1:
        return None
    if not tokens[at - 1]:
        rest = _unit_segments(tokens, at - 1, need - 1, memo)
        return None if rest is None else rest + [""]
    for length in range(1, min(_MOST_UNIT_PIECES, at - 1) + 1):
        pieces = tokens[at - length:at]
        if not all(pieces):
            return None
        if (length > 1 and opens_with_count(pieces[0])) or pieces[0].startswith("、") or (
                at - length > 0 and tokens[at - length - 1].endswith("、")):
            continue  # a list wrapped before or after its 、 goes on in the same cell
        if _is_unit_token("".join(pieces)):
            rest = _unit_segments(tokens, at - length, need - 1, memo)
            if rest is not None:
                return rest + ["".join(pieces)]
    return None


def _unit_cells_from_end(tokens: list[str], count: int) -> tuple[list[str], list[str]]:
    """(unit cells, the tokens left) of a single-spaced row's ``tokens`` (its 序号 and time taken): the fewest pieces at
    the row's end that make as many unit cells as the header has unit columns (``count``), or fewer when the row's last
    cells were left empty (their blanks lost at the line's end). A cell is one piece or several a page's fixed width cut
    inside a name or a list ("县农业农村" / "局", "各乡镇人民" / "政府、县工业" / "园区管委会"), closed up again; an empty
    piece (two blanks in a row) is an empty cell. Units written before them, each a piece of its own, go with the first
    cells (a cell listing its units with blanks, as the row's last column takes the rest). Empty cells before the first
    unit belong to the text columns (a 细化措施 cell left empty)."""
    memo: dict = {}
    for need in range(count, 0, -1):
        cells = _unit_segments(tokens, len(tokens), need, memo)
        if cells is not None and any(cells):
            break
    else:
        return [], tokens
    at = len(tokens)  # where the cells start: count the pieces they took
    for cell in reversed(cells):
        if not cell:
            at -= 1
            continue
        joined = ""
        while joined != cell:
            at -= 1
            joined = tokens[at] + joined
    while at > 1 and cells[0] and _unit_wrap_head(tokens[at - 1], cells[0]):
        at -= 1
        cells[0] = tokens[at] + cells[0]  # "县发展和" / "改革局": the first cell's name wrapped, the row owing no more cells
    while at > 1 and tokens[at - 1] and _is_unit_token(tokens[at - 1]) and _UNIT_LEVEL_RE.match(tokens[at - 1]):
        at -= 1
        cells.insert(0, tokens[at])  # a unit of its own before them: the cells list their units with blanks
    while cells and not cells[0]:
        cells.pop(0)
        at += 1
    return _join_vague_tails(cells, count), tokens[:at]


def _join_vague_tails(cells: list[str], count: int) -> list[str]:
    """``cells`` (a single-spaced row's unit pieces) with a piece that names no body by itself (a vague collective:
    "各成员单位", "有关部门") joined to the piece before it while the row holds more pieces than its ``count`` unit
    columns: the tail of a name its cell wrapped ("市三产发展领导小组" / "各成员单位")."""
    cells = list(cells)
    at = 1
    while len(cells) > count and at < len(cells):
        if cells[at] and cells[at - 1] and is_vague_collective(cells[at]) and not is_vague_collective(cells[at - 1]):
            cells[at - 1:at + 1] = [cells[at - 1] + cells[at]]
        else:
            at += 1
    return cells


_UNIT_ROLES = frozenset({"lead", "supporting", "responsible"})

def _signs_off(lines: list[Line], index: int) -> bool:
    """Is ``lines[index]`` a line of the signature block under a table (the issuer over its date, "某县人民政府办公室" /
    "2024年3月5日", or both on one line: ``metadata.signature_at``)? The issuer names a unit, but no cell of the row
    above: the last row of a table keeps its own units (a lead merged over its group included)."""
    texts = [line.text.strip() for line in lines[index:index + 2]]
    return bool(texts) and signature_at(texts, 0)


def _broken_row_rest(cells: list[str], following: str, columns: dict[str, int],
                     after: str | None = None) -> list[str] | None:
    """``cells`` joined with the line ``following`` when that line is the rest of the same row,
    broken by a line break inside a cell (a Word table pasted as text: "1 | 任务 | 市财政局 | 市税务局"
    then "市审计局 | 2023年6月底前", tab-separated or cut by pipes); None when it is not. The row must be short of the
    header's width. A tab row fits in what is left, is neither numbered nor a header, and the table
    has a 序号 column (its rows open with their number) or the broken cell is a unit cell and the
    line goes on with units. A line without tabs is the next paragraph of the broken cell (Word puts
    each paragraph of a cell on a line of its own when a table is pasted as text: units one per
    paragraph, "县住建局" / "县财政局" / "县发改局\t2023年12月底前"): in a unit column when it names
    units, in the task column when the line after it goes on with the row's other cells. The broken
    cell's parts are joined with 、 in a unit column, directly elsewhere. A whole row goes on only
    when its last column is a unit column and the line names units."""
    width = columns["width"]
    rest = _cells(following)
    if rest is None and _PIPE_RE.search(following):
        # a table pasted with pipes between its cells and no frame: the rest "镇卫生院、镇司法所 | 12月底前" holds the
        # broken cell's last part, then the row's other cells (branch kinds30)
        rest = [cell.strip() for cell in _PIPE_SPLIT_RE.split(following.strip())]
    if len(cells) > width or (len(cells) == width and rest is not None):
        return None
    at = len(cells) - 1 - width  # the broken cell's column, counted from the right
    unit_column = any(index == at and ANNOTATION_CAPTIONS.get(key) in _UNIT_ROLES for key, index in columns.items())
    if len(cells) == width and not unit_column:
        return None  # a whole row: only its last cell, a unit cell, may go on ("省经信厅" under "省发展改革委")
    joint = "、" if unit_column and cells[-1].strip() else ""
    if rest is None:
        text = following.strip()
        if not text or _is_section_row(text) or _PAGE_MARK_RE.match(text) or _header_columns([text]) is not None:
            return None
        if unit_column:
            fits = is_unit_list(text)
        else:
            continued = _cells(after) if after is not None else None
            fits = (at == columns["task"] and continued is not None and len(cells) + len(continued) - 1 <= width
                    and not _starts_row(continued[0], columns)
                    and _rest_fits_columns(continued[1:], len(cells) - width, columns))
        return cells[:-1] + [cells[-1].rstrip() + joint + text] if fits else None
    if len(cells) + len(rest) - 1 > width:
        return None
    first = rest[0].strip()
    if not first or _starts_row(first, columns) or _header_columns(rest) is not None or _next_sub_row(cells[0], first):
        return None
    if "number" not in columns and not (unit_column and is_unit_list(first)):
        return None
    return cells[:-1] + [cells[-1].rstrip() + joint + first] + rest[1:]


def _spaced_continuation(cells: list[str], following: str, columns: dict[str, int], column_chars: int = 0,
                         after: str | None = None) -> list[str] | None:
    """``cells`` (a row of a table aligned with runs of spaces) with the line ``following`` put into
    them when that line holds the wrapped rest of its cells ("区20个。", "2所。        县财政局": a
    narrow column wrapped, the line's indent lost), else None. Each piece goes where it fits: a unit
    list to the row's first unit column, a time to its time column, other text to the task, which
    must then be cut inside its sentence (no 。 at its end: prose after the table is no cell), or the
    line be no wider than the task's first line (``column_chars``: a wrapped cell fills its column) with
    the table going on after it (``after``: a row, a section or another such line). The line must not
    open a row (its 序号), a section or a header."""
    text = following.strip()
    if not text or "\t" in text or _is_section_row(text) or _PAGE_MARK_RE.match(text) or PAGE_NOISE_RE.match(text):
        return None
    pieces = _SPACED_RE.split(text)
    width = columns["width"]
    if len(pieces) >= width or _starts_row(pieces[0], columns) or _header_columns(pieces) is not None:
        return None
    fitted = _fit(cells, columns)
    unit_key = next((key for key in sorted(columns, key=lambda k: columns[k] if isinstance(columns[k], int) else 0)
                     if ANNOTATION_CAPTIONS.get(key) in _UNIT_ROLES), None)
    time_key = next((key for key in columns if ANNOTATION_CAPTIONS.get(key) == "deadline"), None)
    for piece in pieces:
        if unit_key is not None and is_unit_list(piece) and _cell(fitted, columns, unit_key):
            key, joint = unit_key, "、"
        elif time_key is not None and is_deadline_clause(piece) and _cell(fitted, columns, time_key):
            key, joint = time_key, ""
        elif not re.search(r"[。；;！!]$", _cell(fitted, columns, "task")) or _table_goes_on(piece, column_chars, after, columns):
            key, joint = "task", ""
        else:
            return None
        at = len(fitted) + columns[key]
        fitted[at] = fitted[at] + joint + piece
    return fitted


def _table_goes_on(piece: str, column_chars: int, after: str | None, columns: dict[str, int]) -> bool:
    """Is ``piece`` a wrapped line of a task cell whose sentence ended at the line's end: no wider than
    the column, and the line after it a row, a section or another line as narrow?"""
    if not column_chars or len(piece) > column_chars + 2 or after is None:
        return False
    parts = _SPACED_RE.split(after.strip())
    return (_starts_row(parts[0], columns) or _is_section_row(after.strip())
            or (len(parts) < columns["width"] and len(parts[0]) <= column_chars + 2))


def _rest_fits_columns(rest: list[str], at: int, columns: dict[str, int]) -> bool:
    """Do the cells ``rest`` fit the columns from ``at`` (counted from the right) on by what they hold: a unit column's
    cell a unit list, a time column's a time, empty cells anywhere? The cells after a broken cell's last paragraph
    ("县发改局\t2023年12月底前") are its row's units and time; "市财政局\t丙项工作…" under "牵头单位 | 目标任务 | 责任单位"
    puts a task in the 责任单位 column: it is the next row (its lead and task), and the line above it a row of its own
    (GOLD-README "tables31")."""
    kinds = {index: ANNOTATION_CAPTIONS.get(key) for key, index in columns.items()
             if isinstance(index, int) and key in ANNOTATION_CAPTIONS}
    for offset, cell in enumerate(rest):
        role = kinds.get(at + offset)
        if not cell.strip() or role is None:
            continue
        if (role == "deadline" and not is_deadline_clause(cell)) or (role in _UNIT_ROLES and not is_unit_list(cell)):
            return False
    return True


def _starts_row(cell: str, columns: dict[str, int]) -> bool:
    """Does a pasted line's first cell open a row of its own? In a table with a 序号 column, when it is
    a 序号 and nothing else ("2", "（3）", a bare Chinese numeral "二": a Word 序号 cell of a group row written
    without 、) or a group row ("二、…", "(一)…"): "2.设立河长办，得3分。" is the next scoring note of the
    cell above; without one, when it opens with a number (the task's own)."""
    cell = cell.strip()
    if "number" in columns:  # a group row ("二、…", "(一)…") opens one too: notes are numbered 1. 2.
        return (_is_bare_number(cell) or _number_only(cell) or _is_bare_cn_number(cell)
                or (match_number(cell) is not None and not _ARABIC_NUMBER_RE.match(cell)))
    return match_number(cell) is not None or _is_bare_number(cell)


# Most lines of one cell's paragraphs looked through for the line where its row goes on.
_MAX_CELL_PARAGRAPHS = 12


def _next_tab_row(lines: list[Line], start: int) -> str | None:
    """The first line from ``start`` holding tabs, within a cell's few paragraphs, or None."""
    for line in lines[start:start + _MAX_CELL_PARAGRAPHS]:
        if "\t" in line.text:
            return line.text
    return None


def _header_key(cells: list[str]) -> tuple[str, ...]:
    """A header row's captions, compared to find the header Word repeats on every page."""
    key = [normalize_caption(c) for c in cells]
    while key and not key[-1]:
        key.pop()
    return tuple(key)


def _unpipe(line: Line) -> Line:
    """A row written with pipes but without the Markdown frame, as text copies of tables give it
    ("序号 | 目标与任务 | 牵头责任单位 |", "(1) | 地区生产总值… | 市发展改革委 |"), becomes a tab row;
    a lone cell closed by a pipe ("序号 |", a table laid out one cell per line) becomes that cell.
    A row needs two pipes at least, one of them at its end; other lines are returned as they are."""
    text = line.text.strip()
    if "\t" in text or not text.endswith(("|", "｜")) or _PIPE_ROW_RE.match(text):
        return line
    if (lone := _LONE_CELL_RUN_RE.fullmatch(text)) is not None:
        # a last cell closed by the pipes of the empty cells after it ("受天气影响，滞后了2个月。 ||"): the cell, whose
        # empty neighbours have no line, as every empty cell of a table laid out one cell per line
        return Line(line.no, lone.group(1).strip(), starts_table=line.starts_table)
    cells = [c.strip() for c in _PIPE_RE.split(text[:-1])]
    if len(cells) == 1:
        return Line(line.no, cells[0], starts_table=line.starts_table) if cells[0] else line
    return Line(line.no, "\t".join(cells), starts_table=line.starts_table)


# One cell closed by a run of pipes ("是 ||"): the cell and the empty cells after it, on one line (fullmatch; group 1
# up to the cell's last non-blank, or its first blank when it has none). Linear, as _PIPE_CLOSED_CELL_RE (was
# ``([^|｜]+?)\s*[|｜]{2,}\s*``, quadratic on blanks without the pipes).
_LONE_CELL_RUN_RE = re.compile(r"((?:[^|｜\s]++|\s++(?=[^|｜\s]))++|\s)\s*+[|｜]{2,}+\s*+")
# A cell on a line of its own closed by a pipe and more ("责任单位 ||", "市统计局 | |"): the last cell of its row. Linear,
# as _PIPE_CLOSED_CELL_RE (was ``^\s*([^|｜\t]*[^|｜\t\s])\s*[|｜](?:\s*[|｜])+\s*$``, quadratic on blanks).
_ROW_END_CELL_RE = re.compile(r"^\s*+((?:[^|｜\s]++|[^\S\t]++(?=[^|｜\s]))++)\s*+[|｜](?:\s*+[|｜])++\s*+$")


def close_row_end_pipes(lines: list[Line]) -> list[Line]:
    """``lines`` with a table copied one cell a line closed by a pipe, whose header's last caption is closed by two pipes
    or more ("目标任务 |" / "责任领导 |" / "牵头单位 |" / "责任单位 ||": a page writing its rows' end pipe after the cell's
    own), rewritten into tab rows, header first: the extra pipe ends a row, it writes no empty cell; a row ends there or
    when it has as many cells as the header. The header must be two caption lines closed by a pipe at least, then the
    caption closed by more; the table ends at the first line no pipe closes. Other lines pass unchanged (a row written on
    one line with its empty cells, "一、… | |||", is no such cell). GOLD-README "Task tables, branch blanktables"."""
    result: list[Line] = []
    index = 0
    while index < len(lines):
        match = _ROW_END_CELL_RE.match(lines[index].text)
        captions = 0
        while captions < _MAX_HEADER_CELLS and index - captions - 1 >= 0 and (
                cell := _PIPE_CLOSED_CELL_RE.match(lines[index - captions - 1].text)):
            if match_caption(cell.group(1), sub_caption=True) is None:
                break
            captions += 1
        if match is None or captions < 2 or match_caption(match.group(1), sub_caption=True) is None:
            result.append(lines[index])
            index += 1
            continue
        header_lines = lines[index - captions:index + 1]
        del result[len(result) - captions:]
        header = [_PIPE_CLOSED_CELL_RE.match(line.text).group(1) for line in header_lines[:-1]] + [match.group(1)]
        result.append(Line(header_lines[0].no, "\t".join(header), starts_table=header_lines[0].starts_table))
        cells, index = _pipe_cells(lines, index + 1, _ROW_END_PIPES)
        width = len(header)
        for no, row in _pipe_rows(cells, lambda text, row: row is None or len(row) >= width):
            result.append(Line(no, "\t".join(row + [""] * (width - len(row)))))
    return result


# A bracketed remark after a caption ("（万元）", "（个）", "（列第一位的为牵头单位）").
_REMARK_RE = re.compile(r"[（(][^（()）]*[)）]")


def _category_before_names(lines: list[Line], start: int) -> bool:
    """Does a category caption at ``lines[start]`` ("类别", "领域") open a header whose rows carry no 序号 of their own, the
    next line a known caption other than 序号 ("类别" / "指标名称" / "年度目标" / …, ``_numbered_names``; kinds45)? Before
    "序号" it is the table's title line, as before ("分类" / "序号" / "事项" / …)."""
    if normalize_caption(lines[start].text) not in CATEGORY_CAPTIONS or start + 1 >= len(lines):
        return False
    following = match_caption(lines[start + 1].text, sub_caption=True)
    if following is not None and following[0] == NUMBER:
        return _category_opens_rows(lines, start + 1 + _caption_run(lines, start + 1))
    return following is not None


def _number_caption_within(lines: list[Line], start: int, stop: int) -> bool:
    """Is one of ``lines[start:stop]`` the caption 序号?"""
    return any((found := match_caption(line.text, sub_caption=True)) is not None and found[0] == NUMBER
               for line in lines[start:stop])


def _category_opens_rows(lines: list[Line], at: int) -> bool:
    """Do the rows of a table one cell per line open at ``lines[at]`` with a cell merged down before their 序号: (a group
    row, "一、…", then) a short line of words (``_category_line``) and the 序号 1? Then a category caption above the
    header's 序号 ("类别" / "序号" / …) is the caption of that column, not the table's title (branch merged56). So too
    when the first group's rows leave that column empty (the 序号 1 right after the header or the group row) and a later
    group opens with such a cell (``_later_group_opens_category``; GOLD-README "tables67")."""
    if at < len(lines) and _lone_number(lines[at].text) == 1 and _category_line(lines[at - 1].text):
        at -= 1  # the header's run took the first row's category line for a caption
    end = _group_row_end(lines, at, 1) if at < len(lines) else None
    if end is not None:
        at = end + 1
    if at < len(lines) and _lone_number(lines[at].text) == 1:
        return _later_group_opens_category(lines, at)
    return at + 1 < len(lines) and _category_line(lines[at].text) and _lone_number(lines[at + 1].text) == 1


# Most lines looked through for a later group's category cell when a list's first group writes none.
_MOST_FIRST_GROUP_LINES = 400


def _later_group_opens_category(lines: list[Line], at: int) -> bool:
    """From the 序号 1 at ``lines[at]`` (a list one cell a line whose first group writes no category cell), do the rows run
    on, their 序号 each the one awaited (or, a group's first, 1 or one past it: ``_opens_group``), to a group row ("行动二：…", ``_group_row_end``) whose next line of text is a
    short line of words (``_category_line``, a name like a unit's too: no row is open there) and the one after it the
    序号 awaited (or 1)? Only lines of the rows are passed over: another 序号, a tab row or a line of a known caption
    ends the look, as does ``_MOST_FIRST_GROUP_LINES`` lines (GOLD-README "tables67")."""
    expected, after_group = 2, False
    index = at + 1
    while index < min(len(lines), at + _MOST_FIRST_GROUP_LINES):
        text = lines[index].text.strip()
        if not text:
            index += 1
            continue
        if "\t" in text or match_caption(text, sub_caption=True) is not None:
            return False
        value = _lone_number(text)
        if value is not None:
            if not (value == expected or (after_group and _opens_group(value, expected))):
                return False
            expected, after_group = value + 1, False
            index += 1
            continue
        end = _group_row_end(lines, index, expected)
        if end is not None:
            following = next((i for i in range(end + 1, len(lines)) if lines[i].text.strip()), None)
            if following is not None and _category_line(lines[following].text, True):
                return _awaited_next(lines, following, expected)
            index, after_group = end, True
        index += 1
    return False


def _caption_run(lines: list[Line], start: int) -> int:
    """Length of the run of short caption-like lines from ``start`` that is a task-table header
    laid out one cell per line (0 when there is none). The run opens with a known caption and
    may hold short unknown ones (推广范围, 分值, and 年度计划投资（万元）: short once its measure in
    brackets is set aside); a bare number ends it."""
    if (match_caption(lines[start].text, sub_caption=True) is None and not _category_before_names(lines, start)
            and not _goal_captions(lines, start)):
        return 0
    if _target_pair_header(lines, start + 1):
        return 0  # the table's title above its two captions ("2025年主要预期目标" / "指标" / "目标"): no caption
    if _target_pair_header(lines, start):
        return 2  # "指标" / "目标" over short cells two by two: no more captions, however short the cells
    end = start
    seen: set[str] = set()
    while end < len(lines) and end - start < _MAX_HEADER_CELLS:
        text = lines[end].text
        if ("\t" in text or _is_bare_number(text) or _is_bare_cn_number(text) or match_number(text)
                or _lone_number(text) is not None):
            break  # a row's 序号 ("1", "一": a group row's bare numeral, round 6) ends the captions
        bare = _REMARK_RE.sub("", text)  # "总投资（万元）": a caption with its measure in brackets
        if _period_line(text) and text not in seen:
            seen.add(text)  # "2024年 2025年 2026年": a header's periods run together on one line, one caption each
            end += 1
            continue
        if len(bare) > _SHORT_CAPTION_CHARS and (len(text) > _LONG_CAPTION_CHARS or match_caption(text) is None):
            break  # a longer line is a caption only as a known one with a remark: 责任单位（列第一位的为牵头单位）
        # a caption wrapped in its narrow cell ("主要" / "责任单位" beside a column "责任单位") is named once as the whole
        # caption it makes with the line before it (``_join_wrapped_captions`` joins them; GOLD-README "fresh57")
        named = (_join_wrapped_captions([lines[end - 1].text, text]) if end > start else [text])[-1]
        if re.search(r"[。；;，,：:！？]", text) or named in seen:  # a header names each column once
            break
        seen.add(named)
        end += 1
    if (end - start >= 4 and end < len(lines) and match_caption(lines[end - 1].text, sub_caption=True) is None
            and (_name_number(lines[end].text) == 1
                 or (_lone_number(lines[end].text) == 1 and _category_line(lines[end - 1].text)
                     and _number_caption_within(lines, start + 1, end - 1)))):
        # "经济发展" before "1、地区生产总值增速": the first row's category cell, no caption (kinds45); so too "场馆建设"
        # before the 序号 "1" of a header whose 序号 caption stands after another (a 类别 merged down, branch merged56)
        end -= 1
    before_row = _header_before_first_row(lines, start, end)
    if before_row:
        return before_row  # short lines after the known captions: the first row's cells, no captions
    while end - start >= 3:
        run = [line.text for line in lines[start:end]]
        if _header_columns(run) is not None:
            if _group_row_after_header(lines, start, end):
                return end - start - 1
            return end - start
        end -= 1  # a short line after the header (a unit name) is not a caption
        if match_caption(lines[end - 1].text, sub_caption=True) is None and end - start < 3:
            break
    if _two_caption_header(lines, start) or _target_pair_header(lines, start):
        return 2
    return 0


def _goal_captions(lines: list[Line], start: int) -> bool:
    """Does a 目标责任分解书's header laid out one cell per line open at ``lines[start]``: two captions of the office's own
    words, a column grouping the rows and the goals' (``领域`` / ``主要目标``), then its two unit captions (``主要责任单位`` /
    ``责任单位``, ``牵头单位`` / ``配合单位``)? Only then is a first caption no known one (branch fresh65)."""
    if start + 4 > len(lines):
        return False
    texts = [line.text.strip() for line in lines[start:start + 4]]
    if not _category_line(texts[0]) or match_caption(texts[2], sub_caption=True) is None:
        return False  # the cheap tests first: this is asked of every line that opens no known caption
    found = match_header(texts)
    return (found is not None and found[0].get(TASK) == 1 and found[0].get(LEAD_UNITS) == 2
            and found[0].get(SUPPORTING_UNITS) == 3)


#: The numbering styles a goal cell opens with: "1." / "1、", "2.1", "2.1.1" (``vocabulary.numbering``'s styles).
_GOAL_NUMBER_STYLES = frozenset({"arabic"}) | OUTLINE_STYLES


def goal_number(text: str) -> NumberToken | None:
    """The number a 目标责任分解书's goal cell opens with ("1.妇女…" -> "1", "2.1 降低…" and "2.1降低…" -> "2.1"), by
    ``vocabulary.numbering.match_number``'s rule; None for any other cell ("——…", "5G…", "2.5%…"). A decimal number
    glued to its words ("2.1降低…") is read as the body walk reads a decimal outline's (``is_glued_outline``): in a
    goals table the cell's number is written where a row's 序号 goes, so it is the goal's number (branch goals66)."""
    text = text.strip()
    token = match_number(text)
    if token is None:
        token = match_number(text, spaced=True)
        if token is None or not is_glued_outline(token):
            return None
    return token if token.style in _GOAL_NUMBER_STYLES and token.end < len(text) else None


def spaced_goal(text: str) -> str:
    """``text`` (a goal cell) with a blank after a decimal number glued to its words ("2.1降低…" -> "2.1 降低…"), the
    form every table reader takes for the row's own number (``goal_number``); any other text as it is."""
    token = goal_number(text)
    if token is None or not is_glued_outline(token):
        return text
    stripped = text.strip()
    return f"{stripped[:token.end]} {stripped[token.end:]}"


# A target bullet of a goal: "——女性人均预期寿命延长。" (one or two dashes before its words).
_TARGET_BULLET_RE = re.compile(r"^\s*[—–－]{1,2}\s*(?=[^\s—–－])")


def _is_goal_table(lines: list[Line], start: int, header: list[str]) -> bool:
    """Is the table whose header is ``header`` (``领域 | 主要目标 | 主要责任单位 | 责任单位``: ``_goal_captions``) and
    whose body opens at ``lines[start]`` a goals table one cell per line: a goal opening with its number
    ("1.全省人均预期寿命…", ``goal_number``), after the first group's 领域 line or first (the 领域 cell lost in the copy)?"""
    if len(header) != 4 or not _goal_captions([Line(0, text) for text in header], 0) or start >= len(lines):
        return False
    if goal_number(lines[start].text) is not None:
        return True
    return start + 1 < len(lines) and _category_line(lines[start].text) and goal_number(lines[start + 1].text) is not None


def goal_rows(category: str, goal: str, targets: list[tuple[str, str, str]]) -> list[list[str]]:
    """The rows ``领域 | 主要目标 | 主要责任单位 | 责任单位`` of one goal: ``goal`` is its cell ("2.提高…"), ``targets`` its
    target rows (text of the row's bullets, lead unit cell, supporting unit cell), in order. A goal of one target row is
    one row, its bullets text of the goal; a goal cell merged over several target rows, each with its own units, is a
    merged 序号 (GOLD-README "wave 33 (second half)"): the goal alone, without units, then each target row numbered
    below it ("2.1 ", "2.2 ": ``_child_token``) with its units. A decimal number glued to the goal's words is spaced
    (``spaced_goal``)."""
    goal = spaced_goal(goal)
    if len(targets) <= 1:
        text, lead, supporting = targets[0] if targets else ("", "", "")
        return [[category, goal + text, lead, supporting]]
    token = goal_number(goal)
    if token is None:
        return [[category, goal + text, lead, supporting] for text, lead, supporting in targets]
    return [[category, goal, "", ""]] + [[category, _child_token(token.key, at) + text, lead, supporting]
                                         for at, (text, lead, supporting) in enumerate(targets, start=1)]


def _unit_cells(units: list[Line]) -> tuple[str, str]:
    """The lead and supporting unit cells of a goal row's unit lines one a line (``_gather_goal_rows``): two runs split
    by a blank line are the two cells; else the first unit line is the lead, the others support (GOLD-README "fresh65")."""
    runs: list[list[str]] = []
    for number, unit in enumerate(units):
        if not runs or unit.no - units[number - 1].no > 1:
            runs.append([])
        runs[-1].append(unit.text.strip())
    if len(runs) != 2 or all(len(run) == 1 for run in runs):
        runs = [[unit.text.strip() for unit in units[:1]], [unit.text.strip() for unit in units[1:]]]
    return "、".join(runs[0]), "、".join(runs[1])


def _unknown_unit_line(lines: list[Line], index: int, without_fields: bool = False) -> bool:
    """Is ``lines[index]``, in a goals table one cell a line, a unit line whose name the vocabulary does not know
    ("人口计生", "省新闻出版": kept as the office wrote it)? A few words (``_category_line``) right after a goal's line,
    a "——" bullet, a sentence closed by its stop or a unit line, with the table going on after it with a unit line or a
    bullet. Right before a numbered goal a short line is the next group's 领域, unless the copy writes no 领域 at all
    (``without_fields``: its body opened with a goal), where it is a unit line too (branch goals66)."""
    if index == 0 or index + 1 >= len(lines) or not _category_line(lines[index].text):
        return False
    before, after = lines[index - 1].text.strip(), lines[index + 1].text
    return ((is_unit_list(before) or bool(_TARGET_BULLET_RE.match(before)) or goal_number(before) is not None
             or before.endswith(("。", "；", ";")))
            and (is_unit_list(after) or bool(_TARGET_BULLET_RE.match(after))
                 or (without_fields and goal_number(after) is not None)))


def _gather_goal_rows(lines: list[Line], start: int, header: list[str]) -> tuple[list[Line], int]:
    """The rows of a 目标责任分解书 laid out one cell per line (``_is_goal_table``), from ``lines[start]``: (tab rows
    ``领域 | 主要目标 | 主要责任单位 | 责任单位``, index of the first line after the table).

    A 领域 line (a few words, ``_category_line``, before a numbered goal) is merged down its group's rows, written once:
    every row of the group gets it, as a Word table's merged cell reads. A copy whose body opens with a goal lost every
    领域 cell (its rows have none), so there a short line before a goal is a unit line (``_unknown_unit_line``).
    A numbered goal line (``goal_number``: "1." / "2.1") opens a goal; its lines up to the first unit line are its goal
    cell (a first sentence and its "——" bullets, joined as one cell), its unit lines (``is_unit_list``, or a name the
    vocabulary does not know among them: ``_unknown_unit_line``) the two unit columns (``_unit_cells``). More "——"
    bullets after those units, each run closed by its own units, are more target rows of the same goal cell (merged
    over them): ``goal_rows`` gives the goal without units and each row below it (GOLD-README "wave 33 (second half)",
    branch goals66). The table ends at a line that is none of these."""
    rows: list[Line] = []
    category = ""
    index = start
    lost = goal_number(lines[start].text) is not None  # the copy writes no 领域 cell: the table's habit (``_unknown_unit_line``)
    while index < len(lines):
        text = lines[index].text.strip()
        if (not lost and _category_line(text) and index + 1 < len(lines)
                and goal_number(lines[index + 1].text) is not None):
            category = text
            index += 1
            continue
        if goal_number(text) is None or is_unit_list(text):
            break
        at = index
        goal = [text]
        index += 1
        while (index < len(lines) and not _TARGET_BULLET_RE.match(lines[index].text)
               and not is_unit_list(lines[index].text) and goal_number(lines[index].text) is None
               and not _ends_cell_table(lines, index) and not _unknown_unit_line(lines, index, lost)):
            goal.append(lines[index].text.strip())
            index += 1
        targets: list[tuple[str, str, str]] = []
        while True:
            bullets: list[str] = []
            while (index < len(lines) and not is_unit_list(lines[index].text) and goal_number(lines[index].text) is None
                   and not _ends_cell_table(lines, index) and not _unknown_unit_line(lines, index, lost)
                   and (bullets or _TARGET_BULLET_RE.match(lines[index].text) or not targets)):
                bullets.append(lines[index].text.strip())
                index += 1
            units: list[Line] = []
            while index < len(lines) and (is_unit_list(lines[index].text) or _unknown_unit_line(lines, index, lost)):
                units.append(lines[index])
                index += 1
            if targets and not units:
                index -= len(bullets)  # bullets closed by no unit: no row of this table
                break
            targets.append(("".join(bullets), *_unit_cells(units)))
            if not units or index >= len(lines) or not _TARGET_BULLET_RE.match(lines[index].text):
                break
        rows.extend(Line(lines[at].no, "\t".join(cells)) for cells in goal_rows(category, "".join(goal), targets))
    return rows, index


def _goal_header(text: str) -> tuple[list[str], bool] | None:
    """The captions of a goals table's header row written with tabs (``领域 | 主要目标 | 主要责任单位 | 责任单位``,
    ``_goal_captions``) and whether its 主要目标 spans two columns (a Word table's caption merged over the goal cell and
    the target cell: ``领域 | 主要目标 | (empty) | 主要责任单位 | 责任单位``, or its caption written again in the second
    column, as a spreadsheet's copy of a merged cell may); None for any other line."""
    if "\t" not in text:
        return None
    cells = [cell.strip() for cell in text.split("\t")]
    if len(cells) == 5 and cells[2] in ("", cells[1]) and all(cells[:2] + cells[3:]):
        captions, spans = cells[:2] + cells[3:], True
    elif len(cells) == 4 and all(cells):
        captions, spans = cells, False
    else:
        return None
    return (captions, spans) if _goal_captions([Line(0, caption) for caption in captions], 0) else None


def goal_table_rows(lines: list[Line]) -> list[Line]:
    """``lines`` with the rows of each goals table written with tabs (a Word table's rows, a spreadsheet's copy) put in
    the four columns ``领域 | 主要目标 | 主要责任单位 | 责任单位`` (``_goal_header``), the rest as they are.

    Where 主要目标 spans a goal cell and a target cell ("——…" bullets), a goal cell merged down several rows (python-docx
    gives its text in every row it spans; an empty cell under a goal goes on with it) is one goal over several target
    rows: ``goal_rows`` gives the goal without units and each row below it with its units; a goal of one row takes its
    bullets as its text. A row that lost its empty 领域 cell (the line's leading tab cut, its first cell a numbered
    goal) gets it back, and a decimal number glued to the goal's words is spaced (``spaced_goal``), so each goal keeps
    the number written in its cell (GOLD-README "goals66")."""
    result: list[Line] = []
    index = 0
    while index < len(lines):
        found = _goal_header(lines[index].text)
        if found is None:
            result.append(lines[index])
            index += 1
            continue
        captions, spans = found
        width = 5 if spans else 4
        result.append(replace(lines[index], text="\t".join(captions)))
        index += 1
        goals: list[tuple[Line, str, str, list[tuple[str, str, str]]]] = []  # (first row, 领域, goal cell, targets)
        while index < len(lines) and "\t" in lines[index].text:
            cells = [cell.strip() for cell in lines[index].text.split("\t")]
            if len(cells) == width - 1 and goal_number(cells[0]) is not None:
                cells = [""] + cells  # the row's empty 领域 cell, lost with the line's leading tab
            if len(cells) != width or not (cells[1] or (spans and goals)):
                break
            if spans and cells[2] == cells[1]:
                cells[2] = ""  # a goal of no target row, its cell merged across both columns and copied in each
            target = (cells[2], cells[3], cells[4]) if spans else ("", cells[2], cells[3])
            if spans and goals and cells[1] in ("", goals[-1][2]):
                goals[-1][3].append(target)  # a row under the goal cell merged down
            else:
                goals.append((lines[index], cells[0], cells[1], [target]))
            index += 1
        for first, category, goal, targets in goals:
            result.extend(replace(first, text="\t".join(cells)) for cells in goal_rows(category, goal, targets))
    return result


def _group_row_after_header(lines: list[Line], start: int, end: int) -> bool:
    """Is the last line of the caption run ``lines[start:end]`` the table's first group row written without
    a 序号 ("序号" / "2024年预期目标" / "责任单位" / "经济发展指标" / "1" / …), not a caption? It names no known
    caption, the captions before it are a header, and the first row below is as wide as that header: its
    序号 "1" and the lines up to "2" fill the columns without it (a later row may hold one line more: the next
    group row, before its first row)."""
    if end - start < 4 or match_caption(lines[end - 1].text, sub_caption=True) is not None:
        return False
    if all(PERIOD_SUB_CAPTION_RE.fullmatch(line.text.strip()) for line in lines[end - 2:end]):
        return False  # the last of a time caption's periods ("完成时限" / "2024年" / "2025年" / "2026年"), no group row
    if _header_columns([line.text for line in lines[start:end - 1]]) is None:
        return False
    if end >= len(lines) or _lone_number(lines[end].text) != 1:
        return False
    for at in range(end + 1, min(len(lines), end + _MAX_HEADER_CELLS)):
        if _lone_number(lines[at].text) == 2:
            return at - end == end - 1 - start
    return False


def _header_before_first_row(lines: list[Line], start: int, end: int) -> int:
    """How many lines of the caption run ``lines[start:end]`` are captions when the short lines after its known captions
    are the table's first row ("城区污水管网改造" / "2023年12月" / "县住建局" under "项目名称" / "建设内容" / "建设时间" /
    "责任单位": short lines, as captions are), or 0 when they are not. The known captions are a header without 序号 placed
    by its columns (``_placed_by_columns``: words first, then only units and the time) and the lines after them open a
    row of it by what they hold (``_fits_by_kind``: an empty cell has no line; GOLD-README "tables31")."""
    texts = [line.text for line in lines[start:end]]
    known = 0
    while known < len(texts) and match_caption(texts[known], sub_caption=True) is not None:
        known += 1
    if known < 2 or known == len(texts):
        return 0
    found = match_header(texts[:known])
    if found is None or NUMBER in found[0] or not _placed_by_columns(found[0], known):
        return 0
    following = [line.text for line in lines[start + known:start + 2 * known + 1]]
    return known if _fits_by_kind(following, found[0], known) else 0


def _fits_by_kind(texts: list[str], fields: dict[str, int], width: int) -> bool:
    """Do ``texts`` (lines one cell each, from a row's first) open a row of a header placed by its columns
    (``_placed_by_columns``; ``fields``: field -> column, ``width`` columns): its lines of words, then one time or unit
    line at least up to the next line of words, all placed by what they hold (``_placed_by_kind``)?"""
    kinds = [_line_kind(text) for text in texts]
    words = next((at for at, kind in enumerate(kinds) if kind != "text"), len(kinds))
    end = next((at for at in range(words, len(kinds)) if kinds[at] == "text"), len(kinds))
    return end > words and _placed_by_kind(texts[:end], fields, width) is not None


# Longest cell of a 预期指标 table's row ("地区生产总值增长", "6%左右"): a longer line is the text after the table.
_TARGET_CELL_CHARS = 30


def _is_target_header(captions: list[str]) -> bool:
    """Is ``captions`` the two captions of a 预期指标 table, an indicator and its target ("指标" / "目标", "指标名称" /
    "预期目标"): the indicator titles the row (a 重点任务 caption), the target is its text (a goal's caption), no
    unit, time or 序号 column?"""
    found = match_header(captions)
    if found is None or set(found[0]) != {HEADING, TASK}:
        return False
    target = match_caption(captions[found[0][TASK]], sub_caption=True)  # "2024年预期目标": the year says none
    return target is not None and target[1] in GOAL_CLAUSE_CAPTIONS


def _target_cell(text: str) -> bool:
    """A cell of a 预期指标 table's row: short, no sentence, no numbered heading ("二、重点任务" after the table)."""
    return (len(text) <= _TARGET_CELL_CHARS and not re.search(r"[。；;：:]", text) and "\t" not in text
            and match_caption(text, sub_caption=True) is None and _figure_or_no_number(text))


def _figure_or_no_number(text: str) -> bool:
    """Does ``text`` open with no heading's number: none, or figures ("1.2万人", "5%", a 序号 "3")?"""
    token = match_number(text)
    return token is None or token.style == "arabic" or _lone_number(text) is not None


def _target_pair_header(lines: list[Line], start: int) -> bool:
    """A 预期指标 table laid out one cell per line without units ("指标" / "目标" / "地区生产总值增长" / "6%左右" / …):
    its two captions (``_is_target_header``), then two rows of two short cells (``_target_cell``)."""
    if start + 5 >= len(lines):
        return False
    captions = [line.text.strip() for line in lines[start:start + 2]]
    return _is_target_header(captions) and all(_target_cell(line.text.strip()) for line in lines[start + 2:start + 6])


def _ends_cell_table(lines: list[Line], index: int, row_open: bool = False) -> bool:
    """Does a table laid out one cell per line end at ``lines[index]``, whatever its layout: a tab row (a table of
    another kind), another header's caption lines (``_caption_run``), the page's tools after the table ("分享到:") or
    the signature under it (``_signs_off``: the issuer names a unit, but no cell of the last row)? ``row_open``: the
    row being gathered still awaits its time cell (the header has a time column, the row no time yet, no blank line
    closed it), so a unit over a date ("市财政局" / "2026年6月30日", which read like an issuer over its date) are its
    cells, never a signature (branch tablematrix49)."""
    text = lines[index].text
    return ("\t" in text or bool(_caption_run(lines, index)) or bool(PAGE_NOISE_RE.match(text.strip()))
            or (not row_open and _signs_off(lines, index)))


def _tab_row(no: int, cells: list[str], width: int) -> Line:
    """The tab-joined ``Line`` (source line ``no``) of a row gathered from cells one per line, padded to ``width``."""
    return Line(no, "\t".join(cells + [""] * (width - len(cells))))


def _gather_target_pairs(lines: list[Line], start: int) -> tuple[list[Line], int]:
    """The rows of a 预期指标 table laid out one cell per line, from ``lines[start]`` (after its two captions): each
    two lines an indicator and its target, as tab rows, up to the first line that is no such cell (the plan's next
    heading or paragraph), or at a blank line where its cells follow one another (a copy's paragraph spacing kept:
    the signature under the table, "某市人民政府" / "2025年1月20日", is no row). Rows without 序号 are numbered by
    counting (GOLD-README "Table rows without a 序号")."""
    stride = lines[start - 1].no - lines[start - 2].no if start >= 2 else 1  # lines a cell takes, by the captions
    rows: list[Line] = []
    index = start
    while (index + 1 < len(lines) and _target_cell(lines[index].text.strip()) and _target_cell(lines[index + 1].text.strip())
           and lines[index].no - lines[index - 1].no <= stride and lines[index + 1].no - lines[index].no <= stride):
        rows.append(_tab_row(lines[index].no, [lines[index].text.strip(), lines[index + 1].text.strip()], 2))
        index += 2
    return rows, index


def _two_caption_header(lines: list[Line], start: int) -> bool:
    """A header of two columns laid out one cell per line ("重点工作", "责任单位"): both known captions
    (not the short forms), naming a task and a unit or time column, and the next two lines a row as
    such a table writes it, a numbered task then its units or time ("3.加强…监管。", "省市场监管局、…")."""
    if start + 3 >= len(lines):
        return False
    first, second, task, cell = (line.text for line in lines[start:start + 4])
    if match_caption(first) is None or match_caption(second) is None:
        return False
    return (_header_columns([first, second]) is not None and match_number(task) is not None
            and match_caption(task, sub_caption=True) is None
            and (is_unit_list(cell) or is_deadline_clause(cell)))


def _gather_cell_rows(lines: list[Line], start: int, header: list[str]) -> tuple[list[Line], int]:
    """The rows of a table laid out one cell per line, from ``lines[start]`` (after its header):
    (tab-joined row lines, index of the first line after the table). Rows start at the next
    序号 alone on a line ("3", "3.", "（3）") when the header's first column is 序号 (bare scores
    and counts in other cells are not taken for it, nor the next row's number when it falls where
    the row awaits a column of no known field, 分值 or 权重), else by the header's columns when it reads the task
    first and only units and the time after it (``_placed_by_columns``: an empty cell has no line), else every
    ``len(header)`` lines.
    A cell run longer than the header is
    merged into the task cell; a short row whose last cell is a time puts it in the time column
    (an empty 配合单位 has no line). A row whose 序号 and task came out on one line ("2.开展…", after a
    row that reached its units or time) starts there; numbering may restart at 1 under a group row
    ("二、…" then "1"), and skip a few numbers after a row that reached its units or time ("3" then
    "5"). A captioned line after a row's cells ("省牵头单位:…") belongs to
    the cell above it (``_fold_captioned_lines``); a group row ("(二)…") after a complete row is a row
    of its own; a page's number or 续表 between the rows is no cell. The table ends at a tab row, at another header, or at the numbered heading of the
    next table just above its header."""
    width = len(header)
    found = match_header(header)
    fields = found[0] if found else {}
    numbered = fields.get(NUMBER) == 0
    after_category = _gather_rows_after_category(lines, start, header, fields)
    if after_category is not None:
        return after_category
    task_at = fields.get(TASK, 0)
    # Columns of no known field (分值, 权重, 推广范围): a bare number there is the cell's value.
    other_columns = set(range(width)) - set(fields.values())
    # Empty cells have no line: a short row whose last cell is a time belongs in the time column.
    deadline_last = fields.get(DEADLINE_FIELD) == width - 1
    unit_places = {fields[field] for field in (LEAD_UNITS, SUPPORTING_UNITS) if field in fields}
    placed = _placed_by_columns(fields, width)
    rows: list[list[Line]] = []
    index = start
    expected = None
    closed = False  # the last row is a group row of one cell: the next line opens a row
    titles: dict[int, str] = {}  # row index -> the group row without 序号 just above it
    merged_down = numbered and _merged_down_list(header) is not None
    category: Line | None = None  # a category cell written before the 序号 of the row it opens (fresh65)

    def written_short(row: list[Line]) -> bool:
        # a row of a list whose unit and time cells may be merged from above (``carry_merged_down``): its 序号 and task
        # written and nothing else, it may end there, so a group row may follow it (GOLD-README "fresh60")
        return merged_down and len(row) == 2 and _lone_number(row[0].text) is not None

    def names_units(text: str) -> bool:  # a unit cell the vocabulary does not read whole ("市发改委、…配合落实")
        return any(_names_a_unit(part) for part in re.split(r"[、，,；;\s]+", text) if part)

    while index < len(lines):
        line = lines[index]
        # the row awaits its time cell: a time column, no time in the row yet, no blank line closing it
        row_open = (bool(rows) and len(rows[-1]) < width and DEADLINE_FIELD in fields and index > start
                    and bool(lines[index - 1].text.strip()) and not any(is_deadline_clause(l.text) for l in rows[-1][1:]))
        if _ends_cell_table(lines, index, row_open):
            break
        if match_number(line.text) is not None and index + 1 < len(lines) and _caption_run(lines, index + 1):
            break  # the heading of the next table ("二、…" then its captions): this table ends
        if rows and len(rows[-1]) >= width and _row_complete(rows[-1]) and _heads_next_cell_table(lines, index):
            break  # the next annex's table after a whole row ("附件2", its title, its captions): this table ends
        if _PAGE_MARK_RE.match(line.text.strip()) and not _is_bare_number(line.text) and _lone_number(line.text) is None:
            index += 1  # a page's number or 续表 between the rows ("第1页", "- 2 -"): layout, no cell
            continue
        if numbered and _category_before_number(lines, index, rows, expected, other_columns):
            category = line  # a category cell merged down its rows, written before its first row's 序号 (fresh65)
            index += 1
            continue
        if (numbered and (not rows or (len(rows[-1]) >= width and _row_complete(rows[-1]))
                          or (written_short(rows[-1]) and not names_units(line.text)))
                and _is_unnumbered_group(lines, index, expected)):
            titles[len(rows)] = line.text  # a group row without 序号 spanning the table: the next row's title
            index += 1
            continue
        if numbered:
            token = match_number(line.text)
            value = _lone_number(line.text)
            after_group = bool(rows) and ((len(rows[-1]) == 1 and _is_group_heading(rows[-1][0].text))
                                          or (len(rows[-1]) == 2 and _is_bare_cn_number(rows[-1][0].text)))
            skipped = (value is not None and expected is not None and expected < value <= expected + _NUMBER_GAP
                       and bool(rows) and _row_complete(rows[-1]))  # a row left out of the numbering ("3" then "5")
            # a 落实情况 table numbering its rows by the report's tasks ("145" then "249"), the row above whole
            skipped = skipped or (value is not None and bool(rows) and _numbered_by_report(lines, index, value, expected,
                                                                                           rows[-1], width))
            if (value is not None and (expected is None or value == expected or (after_group and _opens_group(value, expected))
                                       or skipped)
                    and not (rows and len(rows[-1]) < width and len(rows[-1]) in other_columns
                             and not (len(rows[-1]) == 1 and _is_section_row(rows[-1][0].text))  # a group row (fresh65)
                             and not after_group  # a group row "一" / "交通…方面" over rows whose periods have no field
                             and not (len(rows[-1]) > max(unit_places, default=width - 2)
                                      and _opens_short_row(lines, index, value, expected)))):
                rows.append([Line(line.no, strip_number_mark(line.text))])  # numbering may restart under a group
                if category is not None:
                    rows[-1].append(category)  # its category cell goes after its 序号, in the header's order
                    category = None
                expected = value + 1
            elif (token is not None and value is None and _ARABIC_NUMBER_RE.match(line.text)
                  and (expected is None or token.ordinal == expected) and token.end < len(line.text)
                  and (not rows or _row_complete(rows[-1]))):
                # the 序号 and the task in one line ("2.开展安全检查。"): the number is the row's 序号
                number, task = line.text[:token.end].strip(), line.text[token.end:].strip()
                rows.append([Line(line.no, number), Line(line.no, task)])
                expected = token.ordinal + 1
            elif token is not None and token.style in _SECTION_ROW_STYLES and (not rows or len(rows[-1]) >= 2):
                rows.append([line])  # a section row ("一、…") between the numbered rows
            elif (token is not None and value is None and rows and len(rows[-1]) >= width
                  and _is_group_heading(line.text) and len(line.text) <= _SECTION_ROW_CHARS
                  and not re.search(r"[。；;]", line.text)):
                rows.append([line])  # a group row ("(二)…牵头重点工作") after a complete row
            elif (token is not None and value is None and rows and len(rows[-1]) == 1
                  and _is_group_heading(rows[-1][0].text) and len(line.text) <= _GROUP_ROW_CHARS):
                rows.append([line])  # a group row under it ("二、…" then "(一)…"): a row of its own
            elif (token is not None and value is None and rows and len(rows[-1]) >= width
                  and _is_group_heading(line.text) and len(line.text) <= _GROUP_ROW_CHARS):
                rows.append([line])  # a group row after a whole row ("(二)…牵头重点工作" after row 2)
            elif rows and (len(rows[-1]) >= width or written_short(rows[-1])) and _opens_bare_group_row(lines, index):
                rows.append([line])  # a goal row whose 序号 cell is a bare numeral ("二" / "民生保障目标" / "3")
            elif rows:
                rows[-1].append(line)
            else:
                rows.append([line])
        else:
            previous = rows[-1] if rows else None
            if (previous and len(previous) >= width and width - 1 in unit_places and _LIST_OPEN_RE.search(previous[-1].text)
                    and is_unit_list(line.text)):
                # a unit cell wrapped over lines, its line ending inside the list ("…省商务厅、"): the same cell
                previous[-1] = Line(previous[-1].no, previous[-1].text + line.text)
                index += 1
                continue
            if (not rows or len(rows[-1]) >= width or closed) and _is_section_row(line.text):
                rows.append([line])  # a group row of one cell ("四、…牵头重点工作") between whole rows
                closed = True
                index += 1
                continue
            if rows and not closed and placed and _row_goes_on(rows[-1], line.text, width, fields):
                rows[-1].append(line)  # the row's cells by the header's columns: an empty cell has no line
                index += 1
                continue
            if not rows or len(rows[-1]) >= width or closed or (placed and _opens_placed_row(rows[-1], line.text)):
                rows.append([])
                closed = False
            current = rows[-1]
            if (len(current) == task_at + 1 and task_at + 1 in unit_places and not is_unit_list(line.text)
                    and not is_deadline_clause(line.text)
                    and not (index + 1 < len(lines) and _unit_wrap_head(line.text, lines[index + 1].text))):
                # the task cell wrapped over lines: the line where a unit cell is due names no unit, nor opens one the
                # next line closes ("市发展和改" / "革委": a name wrapped in the unit cell, ``_unit_wrap_head``)
                current[-1] = Line(current[-1].no, current[-1].text + line.text)
            else:
                current.append(line)
        index += 1
    result = []
    carried = None if titles else _carried_merged_cells([[l.text for l in row if l.text] for row in rows], fields, width)
    merged = carry_merged_down([[l.text for l in row if l.text] for row in rows], header, titles) if numbered else None
    for at, row in enumerate(rows):
        if carried is not None and carried[at] is not None:  # cells merged down written once (fresh43, fresh65)
            result.append(Line(row[0].no, "\t".join(carried[at])))
            continue
        if merged is not None and merged[at] is not None:  # a unit or time cell merged over rows (GOLD-README "fresh60")
            result.append(Line(row[0].no, "\t".join(merged[at])))
            continue
        texts = [l.text for l in row if l.text]
        if at in titles and len(texts) > task_at:
            texts[task_at] = _titled(titles[at], texts[task_at])
        if placed and _text_columns(fields) > 1:
            cells = _placed_by_kind(texts, fields, width)
            result.append(Line(row[0].no, "\t".join(cells)) if cells is not None
                          else Line(row[0].no, " ".join(texts), unplaced=True))
            continue
        for part in _split_merged_rows(texts, width, fields):
            result.append(_cell_row(row[0].no, part, width, fields, task_at, deadline_last))
    return result, index


def _category_before_number(lines: list[Line], index: int, rows: list[list[Line]], expected: int | None,
                            other_columns: set[int]) -> bool:
    """Is ``lines[index]``, in a numbered table laid out one cell per line whose column right after the 序号 is of no
    known field (``序号 | 任务类型 | 重点任务 | 推进单位 | 完成时间``), that column's cell merged down several rows and
    written once, on the line before the first of its rows' 序号 ("老旧小区改造" then "3")? A short line of words
    (``_category_line``) right before the 序号 awaited (or 1 under a group row), after a group row ("行动二：…", a
    section row) or after a row that reached its unit or time line (not after a row of its task alone: a short line
    there may be its unit, one the vocabulary does not know, "广播电视股"). The caller puts it after that 序号, so that the row
    keeps its own number and the category is no row of its own (GOLD-README "fresh65")."""
    if 1 not in other_columns or index + 1 >= len(lines):
        return False
    value = _lone_number(lines[index + 1].text)
    if value is None or not (expected is None or value == expected or value == 1):
        return False
    after_group = not rows or (len(rows[-1]) == 1 and _is_section_row(rows[-1][0].text))  # no row open (tables66)
    return _category_line(lines[index].text, after_group) and (
        after_group or (len(rows[-1]) >= 3 and _unit_or_time_line(rows[-1][-1].text)))


# Most columns a table one cell per line may have before its 序号 for its rows to be cut at their 序号 with those cells
# merged down (``_gather_rows_after_category``), and most lines a row may take before the table is read otherwise.
_MOST_CATEGORY_COLUMNS = 2
_MOST_ROW_LINES = 40


def _merged_down_list(header: list[str]) -> tuple[int, int, int, int | None] | None:
    """The places of a task list whose columns from its 序号 on are the 序号, the task and nothing but one unit column,
    the lead's (every task has a lead: a row writing none lies under a merged cell; a 配合部门 cell alone is often just
    empty), and at most one time column (``任务类型 | 序号 | 工作任务 | 推进单位``, ``序号 | 工作任务 | 责任单位 | 完成时限``), one
    or two columns of words before the 序号 at most: (number's, task's, unit column's, time column's or None), or None
    for any other header. In such a list laid out one cell per line a unit or time cell merged over several rows is
    written once, on the first row it spans (GOLD-README "fresh60"; ``carry_merged_down``)."""
    found = match_header(header)
    if found is None:
        return None
    fields, matched_as = found
    number_at, task_at = fields.get(NUMBER), fields.get(TASK)
    if number_at is None or number_at > _MOST_CATEGORY_COLUMNS or task_at != number_at + 1:
        return None
    units = [at for at in range(task_at + 1, len(header)) if fields.get(LEAD_UNITS) == at or fields.get(SUPPORTING_UNITS) == at]
    times = [at for at in range(task_at + 1, len(header)) if fields.get(DEADLINE_FIELD) == at]
    if len(units) != 1 or len(times) > 1 or len(units) + len(times) != len(header) - task_at - 1:
        return None
    if fields.get(LEAD_UNITS) != units[0]:
        return None  # a 配合部门 column alone (the lead named in the group row): its cell is often empty, not merged
    if any(at in matched_as for at in range(number_at)):
        return None  # a known caption before the 序号 (a unit or time first): another layout
    return number_at, task_at, units[0], times[0] if times else None


def carry_merged_down(rows: list[list[str]], header: list[str],
                      titles: dict[int, str] | None = None) -> list[list[str] | None] | None:
    """The rows of a task list of ``_merged_down_list``'s form laid out one cell per line, each row its lines from its 序号
    (``["2", "改造背街小巷。"]``, ``["3", "新增车位。", "区交警支队"]``; a group row spanning the table is one line
    opening with no bare 序号), placed in the header's columns: the lines of words after the 序号 are its task, a line
    naming units its unit cell, a time its time cell; a group row (its lines opening with no 序号: ``行动一：…``, or a
    bare numeral and its title, ``二`` / ``民生保障目标``) comes back as None, for the caller to write as before. A row that writes no unit line (or no time line) lies under a
    cell merged over several rows, written once on the first row it spans: it takes that cell from the row above,
    up to a group row (which no merged cell crosses; ``titles``: the rows under a group row without 序号, its text
    put before their task as ``_gather_cell_rows`` does). Returns one list of ``len(header)`` cells per row (None for
    a group row), or None when some row reads otherwise (words after its unit or time, two times, no
    task) or no row lacks a cell another wrote: the caller reads the rows as before (GOLD-README "fresh60")."""
    places = _merged_down_list(header)
    if places is None or len(rows) < 2:
        return None
    number_at, task_at, unit_at, time_at = places
    width = len(header)
    result: list[list[str]] = []
    carried = {unit_at: "", time_at: ""}
    lacking = False
    for index, texts in enumerate(rows):
        if titles and index in titles:
            carried = {unit_at: "", time_at: ""}
        at = next((i for i, text in enumerate(texts) if _lone_number(text) is not None), None)
        if at is None or at > number_at:
            if not texts or at is not None:
                return None
            result.append(None)  # a group row spanning the table: no merged cell crosses it
            carried = {unit_at: "", time_at: ""}
            continue
        cells = [""] * width
        cells[number_at - at:number_at] = texts[:at]
        cells[number_at] = texts[at]
        words, units, time = texts[at + 1:at + 2], [], ""
        for text in texts[at + 2:]:
            if is_unit_list(text) or unit_cell_roles(text) is not None:
                units.append(text)  # a unit cell listing one unit a line: one list
            elif time_at is not None and is_deadline_clause(text) and not time:
                time = text
            elif not units and not time and _task_wraps_on(words[-1], text):
                words.append(text)  # the task cell wrapped inside its sentence ("…、" / "…", "…6公" / "里，…")
            else:
                return None  # words after the task that name no unit ("…分别牵头"): read as before
        if not words:
            return None
        cells[task_at] = "".join(words)
        if titles and index in titles:
            cells[task_at] = _titled(titles[index], cells[task_at])
        for place, own in ((unit_at, "、".join(units)), (time_at, time)):
            if place is None:
                continue
            if own:
                carried[place] = own
            elif carried[place]:
                lacking = True
            cells[place] = carried[place]
        result.append(cells)
    return result if lacking else None


# A remark of words closing a category cell ("公共空间优化（口袋公园）").
_CATEGORY_REMARK_RE = re.compile(rf"[（(][{HAN}、]{{1,12}}[）)]$")
# A line closing its sentence: a task cell's last line.
_SENTENCE_END_RE = re.compile(r"[。；;！!？?]\s*$")


def _task_wraps_on(last: str, text: str) -> bool:
    """Does the line ``text``, after the task line ``last`` of a row copied one cell a line, go on that task cell:
    ``last`` ends inside a list ("…、"), or inside its sentence (no stop at its end: "…贯通绿道6公" / "里，完善…。", a page
    wrapping a cell in the middle of a word) while no part of ``text`` names a unit (``_names_a_unit``; a unit cell the
    vocabulary does not read whole, "市发改委、市财政局分别牵头", is no task's tail: GOLD-README "fresh60", "tables66")?"""
    if _LIST_OPEN_RE.search(last):
        return True
    return (not _SENTENCE_END_RE.search(last)
            and not any(_names_a_unit(part) for part in re.split(r"[、，,；;\s]+", text) if part))


def _category_line(text: str, no_row_open: bool = False) -> bool:
    """Is ``text`` a line of a cell merged down before a row's 序号 (a 类别 or 考核项目: "产业兴旺"): a few words naming
    no unit, no time and no number? With ``no_row_open`` (the caller saw the line stand where no row is open to take a
    unit cell, right after the header or a group row ("行动二：…"), the 序号 awaited on the next line of text), words
    that read like a unit's name ("完整社区", "智慧社区": a 社区 is a unit too) are such a cell all the same: nothing there
    could hold a unit. The words may end on a remark of words in brackets ("公共空间优化（口袋公园）"; GOLD-README
    "tables66")."""
    text = text.strip()
    words = _CATEGORY_REMARK_RE.sub("", text)
    return (bool(_CATEGORY_RE.match(words)) and (no_row_open or not is_unit_list(text)) and not is_deadline_clause(text)
            and _lone_number(text) is None and match_number(text) is None)


def _group_row_end(lines: list[Line], index: int, expected: int | None) -> int | None:
    """Where the group row at ``lines[index]`` ends, in a table one cell a line whose rows open with a category cell
    merged down before their 序号 (``任务类型 | 序号 | 工作任务 | 推进单位``): the index of its last line (``index``, or the
    next line of text when the row wrapped inside its brackets: "行动二：…（2025—" / "2027年）", ``_group_row_wrap``), or None
    when ``lines[index]`` is no group row. A group row is a section row (``_is_section_row``: "行动一：…", "二、…"), or one
    longer than a section row's ``_SECTION_ROW_CHARS`` up to ``_GROUP_ROW_CHARS`` ("行动一：再造发展新极行动（聚焦…，打造…）",
    its aim in brackets), numbered as a section row, no stop after its number, when a row of the table follows it: the
    next line of text a category (``_category_line``) then the 序号 awaited (``_awaited_next``), or that 序号 (GOLD-README
    "tables66"). ``expected``: the 序号 awaited, None at the table's start."""
    end = _group_row_wrap(lines, index)
    text = lines[index].text.strip() + (lines[end].text.strip() if end is not None else "")
    end = index if end is None else end
    if _is_section_row(text):
        return end
    token = match_number(text)
    if (token is None or token.style not in _SECTION_ROW_STYLES or len(text) > _GROUP_ROW_CHARS
            or re.search(r"[。；;]", text[token.end:])):
        return None
    if _awaited_next(lines, end, expected):
        return end
    at = next((at for at in range(end + 1, len(lines)) if lines[at].text.strip()), None)
    return end if at is not None and _category_line(lines[at].text, True) and _awaited_next(lines, at, expected) else None


def _group_row_wrap(lines: list[Line], index: int) -> int | None:
    """The index of the line that closes a bracket ``lines[index]`` opens and leaves open ("行动二：品质生活提升行动（2025—"
    / "2027年）": a group row wrapped in its cell), when that is the next line of text, opens with no number and leaves
    no bracket open; None otherwise."""
    text = lines[index].text.strip()
    if _open_brackets(text) <= 0:
        return None
    at = next((at for at in range(index + 1, len(lines)) if lines[at].text.strip()), None)
    if at is None:
        return None
    following = lines[at].text.strip()
    if (_lone_number(following) is not None or match_number(following) is not None
            or len(text + following) > _GROUP_ROW_CHARS or _open_brackets(text + following) != 0):
        return None
    return at


def _open_brackets(text: str) -> int:
    """How many round brackets ``text`` opens and does not close (full-width or not)."""
    return text.count("（") + text.count("(") - text.count("）") - text.count(")")


def _awaited_next(lines: list[Line], index: int, expected: int | None) -> bool:
    """Is the next line of text after ``lines[index]`` (blank lines, a copy's spacing between cells, passed over) the
    序号 a row of a numbered table opens with: the one ``expected``, any at the table's start, 1 (numbering restarting
    under a group row) or one past those awaited (rows left out of the numbering, ``_opens_group``: every caller asks
    right after a group row or of one; GOLD-README "tables67")?"""
    at = next((at for at in range(index + 1, len(lines)) if lines[at].text.strip()), None)
    value = None if at is None else _lone_number(lines[at].text)
    return value is not None and _opens_group(value, expected)


def _unit_or_time_line(text: str) -> bool:
    """Is ``text`` a line of a unit cell (units, or units with their roles: "牵头：…；配合：…") or of a time cell?"""
    return is_unit_list(text) or unit_cell_roles(text) is not None or is_deadline_clause(text)


def _take_next_category(row: list[Line], leading: list[Line], number_at: int, last_takes: bool,
                        after_task: bool = False) -> None:
    """Move into ``leading`` the lines at the end of ``row`` that are the next group's merged cells before its 序号 (short
    lines of words, ``_category_line``, after the row's last unit or time line), when the header's last column holds
    units, bodies or a time (``last_takes``): such a line is no cell of the row. With ``after_task`` (a list whose unit
    and time cells may be merged from above, ``_merged_down_list``) such a line right after a row's one task line
    (``2`` / ``改造背街小巷。`` / ``公共空间``) is the next group's too (GOLD-README "fresh60")."""
    while (last_takes and len(row) > 3 and len(leading) < number_at and _category_line(row[-1].text)
           and _unit_or_time_line(row[-2].text)):
        leading.insert(0, row.pop())
    if (after_task and not leading and len(row) >= 3 and _lone_number(row[-3].text) is not None
            and _category_line(row[-1].text) and not _unit_or_time_line(row[-2].text)):
        leading.insert(0, row.pop())


def _gather_rows_after_category(lines: list[Line], start: int, header: list[str],
                                fields: dict[str, int]) -> tuple[list[Line], int] | None:
    """The rows of a table laid out one cell per line whose 序号 is not its first column: one or two columns of no unit
    or time before it (a 类别, a 考核项目) hold a cell merged down its group's rows, written once, on the line before the
    group's first 序号; the rows after it open with their 序号 (``考核项目 | 序号 | 考核指标 | …`` over "农业" / "1" / … /
    "2" / …). Rows are cut at each 序号 awaited (alone on its line, after a row that reached a unit line); a group's
    merged cell before its first 序号 opens that row (a short line of words after the last row's unit line, when the
    header's last column holds units or bodies); a row wider than its header by a unit cell written one unit a line
    gets those lines joined (the first pair of unit lines after the 序号). Each row is written from its first cell
    written, so that the tab-row reader puts back the cells merged from above (``_fit``: empty before the 序号,
    ``_merged_after_number`` after it). None when the table is not so (the lines after the header are not a merged
    cell or two and then the 序号 1, or a row runs past ``_MOST_ROW_LINES``): the caller reads it as before. Branch
    merged56 (issue 13, docs/benchmarks.md "Category merged down one cell a line")."""
    width = len(header)
    number_at = fields.get(NUMBER)
    task_at = fields.get(TASK, fields.get(HEADING))  # the row's words: its task, else its 重点任务
    if not number_at or number_at > _MOST_CATEGORY_COLUMNS or task_at is None or task_at <= number_at:
        return None
    if any(fields.get(key) is not None and fields[key] < number_at for key in (LEAD_UNITS, SUPPORTING_UNITS, DEADLINE_FIELD)):
        return None
    # the last column holds units, bodies or a time: a short line of words after the last row's such line is no cell of it
    last_takes = any(fields.get(key) == width - 1 for key in (LEAD_UNITS, SUPPORTING_UNITS, DEADLINE_FIELD)) or bool(
        _BODY_CAPTION_RE.fullmatch(header[-1].strip()))
    columns = _header_columns(header)
    index = start
    leading: list[Line] = []  # the merged cells before the next row's 序号
    rows: list[list[Line]] = []  # a row's lines, or a group row ("二、…" spanning the table) alone
    groups: set[int] = set()  # indices of the group rows in ``rows``
    expected = None

    def reached_units(row: list[Line]) -> bool:
        return len(row) >= 3 and any(_unit_or_time_line(l.text) for l in row[1:])

    # a list of the task and one unit (and time) column only: a row may write no unit line, its cell merged from above
    merged_down = _merged_down_list(header) is not None

    def tasked(row: list[Line]) -> bool:  # the row wrote its 序号 and a line of its task
        at = next((i for i, l in enumerate(row) if _lone_number(l.text) is not None), len(row))
        return len(row) >= at + 2

    while index < len(lines):
        line = lines[index]
        if not line.text.strip():
            if rows and len(rows) - 1 not in groups and len(rows[-1]) < _MOST_ROW_LINES:
                rows[-1].append(line)  # an empty cell (a lone pipe, its pipe cut off): its place is kept
            index += 1
            continue
        row_open = (bool(rows) and len(rows) - 1 not in groups and DEADLINE_FIELD in fields
                    and not any(is_deadline_clause(l.text) for l in rows[-1][1:]))  # the row awaits its time
        if _ends_cell_table(lines, index, row_open):
            break
        value = _lone_number(line.text)
        group_end = _group_row_end(lines, index, expected) if value is None else None  # "行动二：…", however long
        group_row = group_end is not None
        between = (not rows or len(rows) - 1 in groups or reached_units(rows[-1])  # where a row or group may open
                   or (merged_down and len(rows) - 1 not in groups and tasked(rows[-1])
                       and ((value is not None and value == expected) or group_row)))
        if between and not leading and group_row:
            if rows and len(rows) - 1 not in groups:
                _take_next_category(rows[-1], leading, number_at, last_takes)
                if leading:
                    return None  # a merged cell before a group row: no such table
            groups.add(len(rows))
            if group_end > index:  # the group row wrapped onto the next line ("…（2025—" / "2027年）"): one cell
                line = Line(line.no, line.text.strip() + lines[group_end].text.strip())
                index = group_end
            rows.append([line])
        elif (between and (not rows or len(rows) - 1 in groups) and len(leading) < number_at
              and _category_line(line.text, not leading and _awaited_next(lines, index, expected))):
            leading.append(line)
        elif between and value is not None and (expected is None or value == expected  # a group's first row (tables67)
                                                or (rows and len(rows) - 1 in groups and _opens_group(value, expected))):
            if rows and len(rows) - 1 not in groups:
                _take_next_category(rows[-1], leading, number_at, last_takes, merged_down)
            rows.append(leading + [line])
            leading = []
            expected = value + 1
        elif rows and len(rows) - 1 not in groups and len(rows[-1]) < _MOST_ROW_LINES:
            rows[-1].append(line)
        else:
            return None
        index += 1
    if len(rows) <= len(groups) or leading:
        return None
    merged = carry_merged_down([[l.text.strip() for l in row if l.text.strip()] for row in rows], header) if merged_down else None
    result = []
    for at_row, row in enumerate(rows):
        if merged is not None and merged[at_row] is not None:  # a unit or time cell merged over rows (GOLD-README "fresh60")
            result.append(Line(row[0].no, "\t".join(merged[at_row])))
            continue
        if at_row in groups:
            result.append(Line(row[0].no, row[0].text.strip() + "\t"))
            continue
        texts = [l.text.strip() for l in row]
        while texts and not texts[-1]:
            texts.pop()
        at = next(i for i, text in enumerate(texts) if _lone_number(text) is not None)
        room = width - number_at  # the cells from the 序号 on
        while len(texts) - at > room:
            pair = next((i for i in range(at + 1, len(texts) - 1) if is_unit_list(texts[i]) and is_unit_list(texts[i + 1])), None)
            if pair is None:
                break
            texts[pair:pair + 2] = [f"{texts[pair]}、{texts[pair + 1]}"]  # a unit cell written one unit a line
        extra, task = len(texts) - at - room, at + task_at - number_at
        if extra > 0 and task < len(texts):
            texts[task:task + extra + 1] = ["".join(texts[task:task + extra + 1])]  # a task cell over lines
        if 0 < at and len(texts) < width and columns is not None:
            # a group's first row short of its header (an empty cell of its own has no line): placed as its later rows
            # are, from its 序号, its merged cells then written before it
            fitted = _fit(texts[at:], columns)
            if len(fitted) == width and not any(fitted[:number_at]):
                texts = (texts[:at] + [""] * number_at)[:number_at] + fitted[number_at:]
        result.append(Line(row[0].no, "\t".join(texts)))
    return result, index


def _merged_row_parts(texts: list[str], fields: dict[str, int]) -> tuple[list[str], str, str, list[str]] | None:
    """One numbered row of a table laid out one cell per line whose cells merged down the rows are written only on their
    first row (``_carried_merged_cells``), read by what its lines hold: (its lines of words, one or two: the 指标 and
    the task, or the task alone; its time or ""; its person or ""; its unit lines: a line after its time, or after its
    two lines of words, is its unit cell's, named by place as the header's columns do; the row's first line is words
    even when it reads like a unit, "广电"), or None when the row reads otherwise (a time before its words, a time or a
    person among its unit lines; where the unit column stands before the time column, one time after the unit lines
    is the row's time, fresh65)."""
    if not texts or _lone_number(texts[0]) is None:
        return None
    words: list[str] = []
    time, person, units = "", "", []
    units_first = fields[LEAD_UNITS] < fields[DEADLINE_FIELD]  # ``… | 推进单位 | 完成时间`` (fresh65)
    for text in texts[1:]:
        if units and units_first and time:
            return None  # a line after the row's last cell
        if units and units_first and is_deadline_clause(text):
            time = text
        elif units:
            if is_deadline_clause(text) or is_person_name(text):
                return None
            units.append(text)  # a unit cell listing one unit a line: every line after the first is the list's
        elif is_deadline_clause(text):
            if time or not words:
                return None
            time = text
        elif time and not person and PERSON in fields and is_person_name(text):
            person = text
        elif words and (time or is_unit_list(text) or len(words) == 2):
            units.append(text)  # after a time, or after both columns of words: the unit cell ("文物股")
        else:
            words.append(text)
    return (words, time, person, units) if words else None


def _carried_merged_cells(rows: list[list[str]], fields: dict[str, int], width: int) -> list[list[str]] | None:
    """The rows of a numbered table laid out one cell per line (``序号 | 指标 | 工作任务 | 完成时限 | 责任领导 | 责任股室 |
    备注``) whose 指标, time, person and unit cells the page merged down over several rows and the copy wrote once, on
    the first row they span: each row's cells by the header's columns, a row that writes no time, person or unit line
    taking the cell of the row above, until a row writes that column again (GOLD-README "fresh43"; an empty cell of
    this layout has no line). Unit lines one after another are one cell's list (joined with 、); a row with one line of
    words writes its task only. Only when every row reads so (``_merged_row_parts``), the first row writes its time and
    its units, every row writing a time writes its units too (a merged block opens with all its cells) and some row
    writes neither: the pattern of cells merged down, so that no unit is carried where the table shows none. Where the
    unit column stands before the time column (``序号 | 任务类型 | 重点任务 | 推进单位 | 完成时间``, branch fresh65) each row
    writes its own time and a unit cell merged down is written on its first row only: every group's first row must
    write its units and some later row none. A group row spanning the table (one line, ``行动二：…``) comes back as None,
    for the caller to write as before, and no merged cell crosses it. Returns a list per row (None for a group row), or
    None otherwise (the caller reads the rows as before)."""
    needed = (NUMBER, TASK, DEADLINE_FIELD, LEAD_UNITS)
    if len(rows) < 2 or any(field not in fields for field in needed) or fields[NUMBER] != 0 or fields[TASK] != 2:
        return None  # 序号, a column of words (指标, 类别: known or not), then the task
    # a group row spanning the table ("行动二：…"): no merged cell crosses it, it is written as before (fresh65)
    groups = {at for at, texts in enumerate(rows) if len(texts) == 1 and _is_section_row(texts[0])}
    parts = [None if at in groups else _merged_row_parts(texts, fields) for at, texts in enumerate(rows)]
    if any(part is None for at, part in enumerate(parts) if at not in groups) or len(groups) == len(rows):
        return None
    firsts = [part for at, part in enumerate(parts) if part is not None and (at == 0 or at - 1 in groups)]
    if fields[LEAD_UNITS] < fields[DEADLINE_FIELD]:
        # ``… | 推进单位 | 完成时间``: each row writes its own time, a unit cell merged down is written on its first row
        # only; every group's first row writes its units, and some later row none (GOLD-README "fresh65")
        if any(not units for _, _, _, units in firsts) or all(part is None or part[3] for part in parts):
            return None
    elif not (firsts[0][1] and firsts[0][3]) or any(part and part[1] and not part[3] for part in parts):
        return None
    elif groups or not any(not time and not units for _, time, _, units in parts[1:]):
        return None
    result = []
    time, person, units = "", "", ""
    for texts, part in zip(rows, parts):
        if part is None:
            result.append(None)
            time, person, units = "", "", ""
            continue
        words, own_time, own_person, own_units = part
        if own_time:
            time, person = own_time, own_person
        if own_units:
            units = "、".join(own_units)
        cells = [""] * width
        cells[fields[NUMBER]] = texts[0]
        cells[fields[TASK]] = words[-1]
        if len(words) == 2:
            cells[fields[TASK] - 1] = words[0]
        cells[fields[DEADLINE_FIELD]] = time
        if PERSON in fields:
            cells[fields[PERSON]] = person
        cells[fields[LEAD_UNITS]] = units
        result.append(cells)
    return result


def _placed_by_kind(texts: list[str], fields: dict[str, int], width: int) -> list[str] | None:
    """The cells of a row laid out one cell per line in a table placed by its columns (``_placed_by_columns``: its
    columns of words, ``_text_columns``, then only units and the time: ``项目名称 | 建设内容 | 建设时间 | 责任单位``), each
    line placed by what it holds, or None when the row cannot be placed. Its lines of words come first (a line ending
    inside its sentence, on 、 ， ；, goes on with the next), then its time and units: a time fills the time column, unit
    lines the unit columns in order (more lines than unit columns are the last one's list, GOLD-README "tables30").
    As many lines of words as columns of words fill them; fewer are the last ones, the task (an empty cell has no
    line: the row still reads its words); more, or more times than time columns, cannot be told apart: None, and the
    reader warns rather than read a wrong row (GOLD-README "tables31")."""
    columns_of_words = _text_columns(fields)
    words: list[str] = []
    rest: list[str] = []
    for text in texts:
        if rest or _line_kind(text) != "text":
            rest.append(text)
        elif words and _LIST_OPEN_RE.search(words[-1]):
            words[-1] += text  # a cell wrapped inside its sentence
        else:
            words.append(text)
    cells = [""] * width
    if not words or len(words) > columns_of_words or any(_line_kind(text) == "text" for text in rest):
        return None
    cells[columns_of_words - len(words):columns_of_words] = words
    times = [place for field, place in fields.items() if field == DEADLINE_FIELD]
    units = sorted(place for field, place in fields.items() if field in (LEAD_UNITS, SUPPORTING_UNITS))
    found_times = [text for text in rest if _line_kind(text) == "time"]
    found_units = [text for text in rest if _line_kind(text) == "units"]
    if len(found_times) > len(times) or (found_units and not units):
        return None
    for place, text in zip(times, found_times):
        cells[place] = text
    for place, text in zip(units, found_units):
        cells[place] = text
    if len(found_units) > len(units):
        cells[units[-1]] = "、".join(found_units[len(units) - 1:])
    return cells


def _placed_by_columns(fields: dict[str, int], width: int) -> bool:
    """Does a table laid out one cell per line place its rows' lines by the header's columns rather than every
    ``width`` lines? When no 序号 opens its rows and the header reads the task in its first column and nothing but
    units and the time after it (``重点任务 | 牵头单位 | 配合单位 | 完成时限``): a row opens with its task, a line naming
    units goes in the unit columns, a time in the time column, so an empty cell, which has no line, loses no row
    (GOLD-README "tables30")."""
    texts = _text_columns(fields)
    if NUMBER in fields or not texts or width < 2:
        return False
    known = {place for field, place in fields.items() if field in (LEAD_UNITS, SUPPORTING_UNITS, DEADLINE_FIELD)}
    return known == set(range(texts, width)) and any(field in fields for field in (LEAD_UNITS, SUPPORTING_UNITS))


def _text_columns(fields: dict[str, int]) -> int:
    """How many columns of words open a header before its unit and time columns: 1 for the task first
    (``重点任务 | 牵头单位 | …``), 2 for a title and the task (``项目名称 | 建设内容 | 建设时间 | 责任单位``, ``实事项目 |
    工作举措及实施计划 | 责任单位 | 配合单位``); 0 when the header opens otherwise."""
    if fields.get(TASK) == 0 and HEADING not in fields:
        return 1
    return 2 if fields.get(HEADING) == 0 and fields.get(TASK) == 1 else 0


def _line_kind(text: str) -> str:
    """What a line of a row laid out one cell per line holds: "units", "time" or "text" (a task's words)."""
    if is_unit_list(text):
        return "units"
    return "time" if is_deadline_clause(text) else "text"


def _opens_placed_row(row: list[Line], text: str) -> bool:
    """In a table placed by its columns (``_placed_by_columns``), does ``text`` open the next row after ``row``? A
    line of words after the row has gone past its task (a unit or time line written): the next row's task. A line
    right after the task goes on the task cell, as the caller decides."""
    return len(row) >= 2 and _line_kind(text) == "text" and any(_line_kind(line.text) != "text" for line in row[1:])


def _row_goes_on(row: list[Line], text: str, width: int, fields: dict[str, int]) -> bool:
    """In a table placed by its columns (``_placed_by_columns``), does ``text`` go on ``row`` although the row already
    has a line for every column? Its unit cells list one unit per line (``县住建局`` / ``县水务局`` / ``县财政局``): a
    unit line after the row's last unit line, and the time line after them while the row has none yet, are the row's;
    the extra unit lines are folded into the unit columns later (``_fold_unit_lines``). Under a header opening with two
    columns of words every unit or time line after the row's words is the row's (``_placed_by_kind`` places them)."""
    kind = _line_kind(text)
    if kind != "text" and _text_columns(fields) > 1 and any(_line_kind(line.text) == "text" for line in row):
        return True  # a title and a task first: the row's units and time follow its words in any number, placed by kind
    if len(row) < width or kind == "text" or any(_line_kind(line.text) == "time" for line in row[1:]):
        return False
    return DEADLINE_FIELD in fields if kind == "time" else _line_kind(row[-1].text) == "units"


def _opens_short_row(lines: list[Line], index: int, value: int, expected: int | None) -> bool:
    """Is the number ``lines[index]`` (``value``), where the row being read awaits a column of no known field (分值,
    说明), the next row's 序号 after a row that left that cell out (a 民生实事 progress table whose rows write one cell
    fewer than its header)? The caller asks only when the row has gone past its unit columns. It is the number
    awaited and a cell that is no number follows it (the next row's task); a score is followed by the next row's 序号,
    or by nothing."""
    if value != expected or index + 1 >= len(lines):
        return False
    following = lines[index + 1].text.strip()
    return bool(following) and _lone_number(following) is None and not _is_bare_number(following)


def _numbered_by_report(lines: list[Line], index: int, value: int, expected: int | None, row: list[Line],
                        width: int) -> bool:
    """Is the lone number ``lines[index]`` (``value``) the next row's 序号 in a table numbering its rows by another
    text's items, not 1…N (a 落实情况 report copying the 政府工作报告's task numbers: "145", then "249")? The row above
    holds exactly the header's ``width`` cells, ``value`` is past the number awaited (``expected``, the row above's
    plus one) and a cell that is no number follows it (the next row's task). A score or count wrapped onto a line of
    its own never follows a row already whole. GOLD-README "cells66"."""
    if expected is None or value <= expected or len(row) != width or index + 1 >= len(lines):
        return False
    following = lines[index + 1].text.strip()
    return bool(following) and _lone_number(following) is None and not _is_bare_number(following)


def _opens_group(value: int, expected: int | None) -> bool:
    """Is a row's 序号 ``value``, alone on the line right after a group row of a table laid out one cell per line, the
    group's first row? When numbering restarts under the group (1) or runs on through the table past the numbers
    awaited (a running count, "六、…" then 68 after rows left out of the copy or numbered by hand): a group row writes
    no number of its own in its cells, so the number is no cell of it (GOLD-README "Task tables, round 10")."""
    return value == 1 or expected is None or value >= expected


def _is_unnumbered_group(lines: list[Line], index: int, expected: int | None) -> bool:
    """Is ``lines[index]``, in a table laid out one cell per line whose rows open with their 序号, a group
    row written without one (a heading row spanning the table: "经济发展指标" between rows 2 and 3)? The
    caller asks only after a whole row (every column filled) or before the first. A short
    line that numbers nothing, names no unit, time or caption and holds no sentence, right before the
    next row's 序号 (the number awaited, or 1 when numbering restarts under the group). Its text opens the
    next row as its title, as a 重点任务 cell beside the task does (GOLD-README "Task tables, round 7")."""
    if not _is_unnumbered_group_text(lines[index].text) or index + 1 >= len(lines):
        return False
    following = _lone_number(lines[index + 1].text)
    return following is not None and (expected is None or following in (expected, 1))


def _opens_bare_group_row(lines: list[Line], index: int) -> bool:
    """Is ``lines[index]``, after a whole row of a numbered table laid out one cell per line, the 序号 cell of a group
    row written as a bare Chinese numeral ("二", no 、: a 目标责任分解表's goal row "二" / "民生保障目标" copied a cell a
    line), so that it opens a row of its own rather than going on the row above? Only when the next line is the group's
    short title (``_is_unnumbered_group_text``, task words allowed: "民生保障目标") and the line after it a row's 序号
    alone ("3", or "1" when numbering restarts under the group). Input: the table's lines and the index of the numeral's
    line; output: True or False (GOLD-README "fresh57")."""
    if not _is_bare_cn_number(lines[index].text) or index + 2 >= len(lines):
        return False
    return (_is_unnumbered_group_text(lines[index + 1].text, task_words=True)
            and _lone_number(lines[index + 2].text) is not None)


def _titled(title: str, task: str) -> str:
    """A row's ``task`` opened by the group row without 序号 above it as its title ("产业发展类" + "加快…" ->
    "产业发展类。加快…"), as a 重点任务 cell beside the task titles it."""
    return f"{title}{'' if title[-1] in '。：:；;' else '。'}{task}"


def _is_unnumbered_group_text(text: str, task_words: bool = False) -> bool:
    """Could the line ``text`` be a table's group row written without a 序号 ("产业发展类", "民生保障类": a heading row
    spanning the table)? A short line that numbers nothing, names no unit, time or caption and holds no sentence.
    ``task_words``: words that caption a task column may be the group's ("发展目标": under a tab header, where a line
    without cells is no caption of it), a unit or time caption never."""
    text = text.strip()
    caption = match_caption(text, sub_caption=True)
    return not (not text or len(text) > _SECTION_ROW_CHARS or match_number(text) is not None
                or _lone_number(text) is not None or re.search(r"[。；;，,：:]", text) or is_unit_list(text)
                or is_deadline_clause(text) or (caption is not None and not (task_words and caption[0] in (TASK, HEADING))))


def _is_unnumbered_tab_group(lines: list[Line], index: int) -> bool:
    """Is ``lines[index]``, a line without cells inside a tab table, a group row without 序号 merged across the table
    ("产业发展类" between the header or a row and the next row "1\t加快…": Word reads the merged cell once, a copy loses
    the empty cells' tabs)? Its text passes ``_is_unnumbered_group_text`` and the next line is a row of cells, no header.
    A full stop closing it is no sentence of a row ("科学精准优化防控措施。" over its rows in a 目标任务 ledger): a cell
    spanning the table is a group heading whatever mark ends it, as ``_is_section_cell`` reads a numbered one (branch
    ledgerplans66)."""
    text = lines[index].text.strip()
    if text[-1:] in ("。", "．"):
        text = text[:-1]
    if not _is_unnumbered_group_text(text, task_words=True) or index + 1 >= len(lines):
        return False
    following = _cells(lines[index + 1].text)
    return following is not None and _header_columns(following) is None


# Lines an annex may write between one table laid out one cell per line and the next one's captions ("附件2", a title).
_NEXT_TABLE_LINES = 3


def _heads_next_cell_table(lines: list[Line], index: int) -> bool:
    """Do ``lines[index]`` and the few lines after it lead to another table's captions ("附件2", "2024年重点项目推进表",
    then "序号" / "项目名称" / …), no row's 序号 nor numbered heading among them? After a whole row such lines are no
    cells of it."""
    if _CAPTIONED_LINE_RE.match(lines[index].text):
        return False  # "省牵头单位:…" under a row's units: part of its unit cell (``_fold_captioned_lines``)
    for at in range(index, min(len(lines), index + _NEXT_TABLE_LINES)):
        if _lone_number(lines[at].text) is not None or "\t" in lines[at].text or match_number(lines[at].text):
            return False  # a row, or the numbered heading of the next table (which ends this one itself)
        if at > index and _caption_run(lines, at):
            return True
    return False


# Most row numbers a table laid out one cell per line may skip (a row deleted, numbering typed by hand).
_NUMBER_GAP = 5

# A row's 序号 in Arabic figures opening a line ("2.", "2、", "（2）"): the form of a table's row numbers.
_ARABIC_NUMBER_RE = re.compile(r"^\s*[（(]?[0-9０-９]{1,3}(?![0-9０-９])")


def _row_complete(row: list[Line]) -> bool:
    """Has the row being gathered (one cell per line) reached its last cells: it holds its 序号, a
    task and a last line naming units or a time? Then a numbered line after it opens the next row;
    otherwise it is a numbered line of the task cell ("1.…；" "2.…" inside one task)."""
    return len(row) >= 3 and (is_unit_list(row[-1].text) or is_deadline_clause(row[-1].text))


def _split_merged_rows(cells: list[str], width: int, fields: dict[str, int]) -> list[list[str]]:
    """The lines of one numbered row of a table laid out one cell per line, as one or more rows:
    a 序号 cell merged over several rows (one 民生实事 with two tasks, each with its own time: "5",
    "开工建设县老年养护楼。", "县民政局", "5月底前动工", "开工建设老年大学。", "12月底前") gives a row per
    task, each after the first repeating the 序号 and, when it has none of its own, the unit cells of
    the first (merged over both rows), as Word reads a merged cell on every row it spans; the table
    reader then nests them (``continues_row``). Only in a table whose first column is 序号 and last
    the time: a time line followed by a line that is neither a unit list nor a time opens the next
    task."""
    if fields.get(NUMBER) != 0 or len(cells) <= width:
        return [cells]
    task_at = fields.get(TASK, 1)
    if _numbered_in_cell(cells[task_at] if task_at < len(cells) else ""):
        return _split_numbered_tasks(cells, task_at)
    by_heading = _split_under_merged_heading(cells, width, fields, task_at)
    if by_heading is not None:
        return by_heading
    if fields.get(DEADLINE_FIELD) != width - 1:
        return [cells]
    cuts = [at + 1 for at in range(task_at + 1, len(cells) - 1)
            if is_deadline_clause(cells[at]) and not is_unit_list(cells[at + 1])
            and not is_deadline_clause(cells[at + 1])]
    if not cuts or not is_deadline_clause(cells[-1]):
        return [cells]
    parts = [cells[start:end] for start, end in zip([0] + cuts, cuts + [len(cells)])]
    first = parts[0]
    shared = first[task_at + 1:-1]  # the first row's unit lines: the merged unit cells
    rows = [first]
    for part in parts[1:]:
        units = part[1:-1] or shared
        rows.append([first[0]] + first[1:task_at] + [part[0]] + units + [part[-1]])
    return rows


def _split_under_merged_heading(cells: list[str], width: int, fields: dict[str, int], task_at: int) -> list[list[str]] | None:
    """The lines of one row whose 序号 and 重点任务 cells are merged over several 具体措施 rows, each of which writes its
    own cells from the 具体措施 on (a page copied one cell a line leaves the merged cells out of the rows after the first:
    "(一)", "经济社会发展主要预期目标", "地区生产总值增长6.5%以上", its units, its progress, "全社会R&D经费支出增长15%", its
    units, its progress …; GOLD-README "fresh39"), as one row per 具体措施 repeating the merged cells, as Word reads a
    merged cell on every row it spans; the table reader nests them (``continues_row``, "One 序号 over several rows").
    Only when the 重点任务 column stands just before the 具体措施, the lines after the merged cells fall into whole rows of
    the cells from the 具体措施 on, and each of those rows names its units where the header's first unit column is;
    None otherwise."""
    units = sorted(place for field, place in fields.items() if field in (LEAD_UNITS, SUPPORTING_UNITS))
    if fields.get(HEADING) != task_at - 1 or not units or units[0] <= task_at:
        return None
    per_row = width - task_at
    body = cells[task_at:]
    if per_row < 2 or len(body) < 2 * per_row or len(body) % per_row:
        return None
    parts = [body[at:at + per_row] for at in range(0, len(body), per_row)]
    if not all(is_unit_list(part[units[0] - task_at]) and not is_unit_list(part[0]) for part in parts):
        return None
    return [cells[:task_at] + part for part in parts]


def _split_numbered_tasks(cells: list[str], task_at: int) -> list[list[str]]:
    """The lines of one numbered row whose 序号 and the cells before its task (a 牵头单位 merged over the rows) span several
    tasks that carry their own numbers ("12", "区发改局", "56.做好…", its progress, "90%", "86.深入推进…", its progress,
    "90%": a 落实情况 table copied one cell per line; GOLD-README "kinds33"): a row per numbered task, each repeating the
    merged cells, so the table reader nests them under the 序号 (``continues_row``). Progress cells stay with their task.
    Only when every task is followed by cells of its own: numbered lines one after another are one task cell's list."""
    cuts = [at for at in range(task_at + 1, len(cells)) if _numbered_in_cell(cells[at])]
    parts = [cells[start:end] for start, end in zip([task_at] + cuts, cuts + [len(cells)])]
    if not cuts or any(len(part) < 2 for part in parts):
        return [cells]  # a task cell's own list on lines ("1.建立…；" / "2.完善…；" then its units): one row
    return [cells[:task_at] + part for part in parts]


def _cell_row(line_no: int, cells: list[str], width: int, fields: dict[str, int], task_at: int,
              deadline_last: bool) -> Line:
    """One row of a table laid out one cell per line, its ``cells`` (one per line) fitted to the
    header's ``width`` as a tab-joined ``Line`` (see ``_gather_cell_rows``)."""
    cells = _fold_captioned_lines(cells, width)
    if len(cells) == 1 and match_number(cells[0]) is not None and not _is_bare_number(cells[0]):
        return Line(line_no, cells[0] + "\t")
    cells = _fold_unit_lines(_join_wrapped_cells(cells, width), width, fields)
    cells = _join_unit_reports(cells, width, fields)
    if HEADING in fields:
        cells = _restore_merged_heading(cells, width, fields[HEADING], task_at)
    extra = len(cells) - width
    if extra > 0 and task_at < len(cells):
        cells[task_at:task_at + extra + 1] = ["".join(cells[task_at:task_at + extra + 1])]
    if 2 <= len(cells) < width and deadline_last and is_deadline_clause(cells[-1]):
        cells[-1:] = [""] * (width - len(cells)) + cells[-1:]  # empty cells before the time cell
    return Line(line_no, "\t".join(cells))


# A paragraph of a progress cell opening with the unit that reports it and a colon ("区商务局:已完成招商对接。").
_UNIT_REPORT_RE = re.compile(r"^\s*([^\s：:，,。；;、（）()]{2,24})\s*[：:]\s*\S")


def _opens_with_unit_report(text: str) -> bool:
    """Does ``text`` open with a unit's name and a colon, the words after it what that unit reports ("区商务局:已完成…",
    "某某街道办事处：项目已竣工。")? A caption ("责任单位：…", "进展情况：…") is none."""
    found = _UNIT_REPORT_RE.match(text)
    return bool(found) and match_caption(found.group(1)) is None and is_unit_list(found.group(1))


def _join_unit_reports(cells: list[str], width: int, fields: dict[str, int]) -> list[str]:
    """The cells of a row laid out one cell per line with more lines than the header has columns, where the progress
    column's cell holds one paragraph per reporting unit ("区商务局:已完成…。" / "某某街道办事处:项目已竣工。", each opening
    with its unit's name and a colon): those paragraphs joined into one progress cell, rather than the extra lines
    merged into the task cell (``_cell_row``). The units of the row stay its unit cell's; the names before the colons and
    any time the reports hold are progress (GOLD-README "kinds45"). Other rows are returned unchanged."""
    if PROGRESS not in fields or len(cells) <= width:
        return cells
    result = list(cells)
    at = fields[PROGRESS]
    while len(result) > width and at + 1 < len(result):
        if _opens_with_unit_report(result[at]) and _opens_with_unit_report(result[at + 1]):
            result[at:at + 2] = [result[at] + result[at + 1]]
        else:
            at += 1
    return result


# A line that names units under a caption of its own ("省牵头单位:省农业农村厅", "牵头领导：张三"): in a
# table laid out one cell per line it is part of the unit cell above it, never a cell of its own.
_CAPTIONED_LINE_RE = re.compile(rf"^{HAN_CLASS}{{0,6}}(?:单位|部门|領導|领导|责任人|联系人)\s*[：:]\s*\S")


def _fold_captioned_lines(cells: list[str], width: int) -> list[str]:
    """The cells of a row laid out one cell per line, where a captioned line after the row's cells
    ("省牵头单位:省农业农村厅" under the 责任单位 "市农业农村局、…") is joined to the cell above it
    with "；", so the annotation reads its caption (an upper level's 牵头单位 is read and left out,
    GOLD-README "Units"). Only lines past the header's width are folded."""
    result = list(cells)
    at = len(result) - 1
    while len(result) > width and at >= 1:
        if _CAPTIONED_LINE_RE.match(result[at]) and at == len(result) - 1:
            result[at - 1:at + 1] = [f"{result[at - 1]}；{result[at]}"]
        at -= 1
    return result


def _is_group_heading(text: str) -> bool:
    """A line of a table laid out one cell per line that groups the rows below it: a section row
    ("一、…", ``_is_section_row``) or a group row numbered otherwise ("(一)全力以赴拼经济…。")."""
    token = match_number(text)
    return token is not None and not _is_bare_number(text) and _lone_number(text) is None


_LIST_OPEN_RE = re.compile(r"[、，,；;]$")


def _join_wrapped_cells(cells: list[str], width: int) -> list[str]:
    """The cells of a row laid out one cell per line with more lines than the header has columns,
    where a cell wrapped over lines (a long unit list, as a page gives it) is joined again: a line
    after one that ends inside a list (with 、，；) or inside a bracket ("各县(市、" then "区)政府"), or
    after the head of a unit's name it closes ("市发展和改" then "革委", ``_unit_wrap_head``) continues it. Other extra lines are left for the task cell (the caller)."""
    if len(cells) <= width:
        return cells
    joined = [cells[0]]
    for at, cell in enumerate(cells[1:], start=1):
        previous = joined[-1]
        unclosed = previous.count("(") + previous.count("（") > previous.count(")") + previous.count("）")
        if len(joined) + len(cells) - at > width and (_LIST_OPEN_RE.search(previous) or unclosed
                                                      or (not is_unit_list(previous) and _unit_wrap_head(previous, cell))):
            joined[-1] = previous + cell
        else:
            joined.append(cell)
    return joined


def _fold_unit_lines(cells: list[str], width: int, fields: dict[str, int]) -> list[str]:
    """The cells of a row laid out one cell per line with more lines than the header has columns,
    where a unit cell lists one unit per line ("区发改局", "区财政局", "区住建局" under 牵头单位 |
    配合单位): the run of unit lines just before the columns after the unit columns (the time) fills
    the unit columns, its first lines one column each and the rest joined with 、 into the last
    one. The extra lines of a task cell wrapped over lines are left for the caller."""
    unit_columns = sorted(index for field, index in fields.items() if field in (LEAD_UNITS, SUPPORTING_UNITS))
    extra = len(cells) - width
    if extra <= 0 or not unit_columns or unit_columns != list(range(unit_columns[0], unit_columns[-1] + 1)):
        return cells
    end = len(cells) - (width - 1 - unit_columns[-1])
    start = end
    while start - 1 > fields.get(TASK, 0) and is_unit_list(cells[start - 1]):
        start -= 1
    absorb = min(extra, (end - start) - len(unit_columns))
    if absorb <= 0:
        return cells
    last = start + len(unit_columns) - 1  # the first line of the last unit column's cell
    return cells[:last] + ["、".join(cells[last:last + absorb + 1])] + cells[last + absorb + 1:]


# A mark written after a row's 序号 ("1*", "3★", "5▲": the rows a city leads among those it
# supports): layout, like a bullet before an item (GOLD-README "Paths").
_NUMBER_MARK_RE = re.compile(r"(?<=[0-9０-９])\s*[*＊★☆▲△]+$")


def strip_number_mark(text: str) -> str:
    """``text`` (a 序号 cell) without the mark written after its number: "1*" -> "1"; other text
    unchanged."""
    return _NUMBER_MARK_RE.sub("", text.strip()) if text else text


def _lone_number(text: str) -> int | None:
    """The value of a line that is a row's 序号 and nothing else ("3", "3.", "（3）", "3*"; not a
    section row "一、"), or None."""
    text = strip_number_mark(text)
    if _is_bare_number(text):
        return _number_value(text)
    token = match_number(text)
    if token is None or token.style in _SECTION_ROW_STYLES or text[token.end:].strip():
        return None
    return token.ordinal


# ---- Tables drawn with box-drawing characters ("┌──┬──┐", "│任务│单位│", "├──┼──┤") --------------
# Law databases and old text copies of Word tables draw them so; a cell's text wraps over several
# lines, and a merged cell shows a border in one column only ("├────┤ │府,市财政局│").
_BOX_START = frozenset("┌├│└╔╠║╚")
_BOX_SPLIT_RE = re.compile(r"[│┼┬┴├┤║╬╦╩╠╣]")
_BOX_BORDER_RE = re.compile(r"[─━═\-]+")
_MAX_BOX_COLUMNS = _MAX_HEADER_CELLS


def _box_cells(text: str) -> list[str] | None:
    """The column segments of one line of a box-drawn table, without its outer frame, or None
    when the line is not one ("│任务 │单位│" -> ["任务 ", "单位"])."""
    text = text.strip()
    if len(text) < 2 or text[0] not in _BOX_START or text[-1] not in "┐┤│┘╗╣║╝":
        return None
    cells = _BOX_SPLIT_RE.split(text[1:-1])
    return cells if 1 < len(cells) <= _MAX_BOX_COLUMNS else None


def _is_box_border(segment: str) -> bool:
    return bool(_BOX_BORDER_RE.fullmatch(segment.strip()))


def _box_table(run: list[Line]) -> list[Line] | None:
    """Tab rows (header first) for the lines of one box-drawn table, or None when the lines do not
    make a task table (columns of different counts, no recognisable header).

    Each column's cell runs from one border in that column to the next; its lines are joined.
    The header is the cells above the first border under them. The rows are the cells of the
    task column; each other column gives a row the cell that holds the row's first line (a cell
    merged over several rows is read on each of them, as Word's merged cells are)."""
    split = [_box_cells(line.text) for line in run]
    width = len(split[0])
    if any(len(cells) != width for cells in split):
        return None
    # per column: cells as (first line index, last line index, text)
    columns: list[list[tuple[int, int, str]]] = [[] for _ in range(width)]
    open_at = [None] * width
    parts: list[list[str]] = [[] for _ in range(width)]
    for index, cells in enumerate(split):
        for column, segment in enumerate(cells):
            if _is_box_border(segment):
                if open_at[column] is not None:
                    columns[column].append((open_at[column], index - 1, "".join(parts[column])))
                open_at[column], parts[column] = None, []
                continue
            if open_at[column] is None:
                open_at[column] = index
            parts[column].append(segment.strip())
    for column in range(width):
        if open_at[column] is not None:
            columns[column].append((open_at[column], len(split) - 1, "".join(parts[column])))
    if any(not cells for cells in columns):
        return None
    header = [cells[0][2] for cells in columns]
    found = match_header(header)
    if found is None or _header_columns(header) is None:
        return None
    task = found[0][TASK]
    header_end = max(cells[0][1] for cells in columns)
    result = [Line(run[0].no, "\t".join(header))]
    at = [1] * width  # per column, the first cell not yet passed (rows come in order: linear)
    for first, _last, text in columns[task]:
        if first <= header_end or not text:
            continue
        row = []
        for column in range(width):
            cells = columns[column]
            while at[column] < len(cells) and cells[at[column]][1] < first:
                at[column] += 1
            cell = cells[at[column]] if at[column] < len(cells) else None
            row.append(cell[2] if cell and cell[0] <= first else "")
        result.append(Line(run[first].no, "\t".join(row)))
    return result


# ---- Tables copied out of Excel (or WPS): tab cells, a cell holding line breaks in double quotes ---
# ('1\t任务\t"省经信厅、…、' / '省税务局、…,' / '各设区市政府"'), a quote inside such a cell doubled ("").
_MAX_QUOTED_LINES = 30  # lines one quoted cell may span (keeps the scan linear)
_CELL_SEPARATOR_END_RE = re.compile(r"[、，,；;。：:]$")


# ---- A record laid out one caption a row (a 重点工作 progress sheet) -----------------------------------
# "重点工作: | 135.统筹… |" / "牵头单位: | 市城市管理综合执法局 |" / "年度阶段性工作目标: | 第一季度：… |": a table of
# two columns, caption and value, holding one task (GOLD-README wave 11, 444).
_RECORD_CAPTION_CHARS = 30
# Most lines one record spans (its captions and the lines its values go on over): keeps the reading linear.
_MAX_RECORD_LINES = 40
_CAPTION_END_RE = re.compile(r"[:：]\s*$")
# A caption of the office's own words in a record's first cell, without a colon ("年度阶段性工作目标" in a Word table).
_OWN_CAPTION_WORDS_RE = re.compile(rf"[{HAN}、（）()\s]{{2,30}}")


def _caption_pair(text: str, in_record: bool = False) -> tuple[str, str] | None:
    """The caption and value of a line of a record laid out one caption a row (``"牵头单位: | 市城管局 |"``,
    ``"牵头单位\t市城管局"``), or None: two filled cells, cut by a pipe or a tab, the first a caption (a known one, or
    short words closed by a colon, no sentence). Inside a record (``in_record``) also a caption of the office's own words
    without a colon beside its cell (a Word table's "年度阶段性工作目标", "年度阶段性工作目标 | |"), and a caption alone, its empty cell lost with
    its separator ("进展情况", "进展情况："): its value is ""."""
    cells = [cell.strip() for cell in re.split(r"[|｜\t]", text) if cell.strip()]
    if len(cells) == 1 and (re.search(r"[|｜\t]", text) or in_record) and match_number(cells[0]) is None:
        cells.append("")  # "进展情况: | |" (inside a record also "进展情况", its empty cell lost): no value yet
    if len(cells) != 2:
        return None
    caption, value = cells
    if (len(caption) > _RECORD_CAPTION_CHARS or re.search(r"[。；;！？，,]", caption) or match_number(caption) is not None
            or not (_CAPTION_END_RE.search(caption) or match_caption(caption, sub_caption=True)
                    or (in_record and re.search(r"[|｜\t]", text) and _OWN_CAPTION_WORDS_RE.fullmatch(caption)))):
        return None
    return normalize_caption(caption), value


def _value_goes_on(text: str) -> str | None:
    """The text of a line going on with the value above it in a record (a cell's next paragraph, ``"| 第二季度：… |"``,
    ``"\t第二季度：…"``): one filled cell after a pipe or a tab; None otherwise."""
    if not re.match(r"^\s*[|｜\t]", text):
        return None
    cells = [cell.strip() for cell in re.split(r"[|｜\t]", text) if cell.strip()]
    return cells[0] if len(cells) == 1 else None


def _record_row(pairs: list[tuple[str, str]]) -> tuple[str, str] | None:
    """The header line and the row line (tab rows) a record's ``pairs`` stand for: ``序号`` and the captions over the
    number its task cell opens with and the cells; None unless the captions make a task table's header
    (``_header_columns``: a task caption beside a unit or time caption) whose task cell opens with a number."""
    captions = [caption for caption, _ in pairs]
    if len(set(captions)) != len(captions) or any(match_caption(c, sub_caption=True) == (NUMBER, NUMBER) for c in captions):
        return None
    header = [NUMBER] + captions
    columns = _header_columns(header)
    if columns is None or not any(key in ANNOTATION_CAPTIONS for key in columns):
        return None
    values = [value for _, value in pairs]
    task_at = columns["task"] + len(header) - 1
    token = match_number(values[task_at])
    if token is None and not (values[task_at].strip() and all(value.strip() for value in values)):
        return None  # a header copied one caption a line ("重点工作 |" / "责任单位 |" …, its cells below): no record
    if token is None:
        # a task written without its number (one 具体任务 a page, 同心 2023): an empty 序号, the row counted like any
        # table's rows without one (GOLD-README "Table rows without a 序号"; "fresh35")
        return "\t".join(header), "\t".join([""] + values)
    values[task_at] = values[task_at][token.end:].strip()
    return "\t".join(header), "\t".join([token.key] + values)


def _caption_alone_pair(lines: list[Line], at: int) -> tuple[str, str] | None:
    """A record copied one cell a line, caption then value (a page's two-column table that lost its cells: "具体任务" /
    "全面落实…" / "责任单位" / "卫健局、文旅局" / "完成时限" / "…1月底前完成"): the caption (a known one alone on its line,
    no pipe or tab) and the value on the next line, itself no caption; None otherwise."""
    if at + 1 >= len(lines):
        return None
    caption, value = lines[at].text.strip(), lines[at + 1].text.strip()
    if (not caption or not value or len(caption) > _RECORD_CAPTION_CHARS or re.search(r"[|｜\t]", caption + value)
            or match_number(caption) is not None or match_caption(caption, sub_caption=True) is None
            or match_caption(value, sub_caption=True) is not None):
        return None
    return normalize_caption(caption), value


# Caption lines one after another that are a task table's header, never a record's caption over its value (a record
# alternates captions and values, ``join_caption_records``).
_HEADER_RUN_LINES = 3


def join_caption_records(lines: list[Line]) -> list[Line]:
    """Rewrite each record laid out one caption a row (a vertical table of two columns: ``"重点工作: | 135.统筹… |"`` /
    ``"牵头单位: | 市城市管理综合执法局 |"`` / ``"年度阶段性工作目标: | 第一季度：… |"``; copied as text or a Word table
    of two columns) as a task table's header and its one row: the task numbered by the number its cell opens with
    (``135``), its units and time under their captions, the other captions (goals, progress) columns no field reads
    (GOLD-README wave 11: one measure, no deadline from its quarterly goals). Records one after another are rows of one
    table (the same header again goes on with it); a record opens again at a caption it already holds. Other lines
    pass unchanged. Linear: a record spans at most ``_MAX_RECORD_LINES`` lines."""
    result: list[Line] = []
    index = 0
    while index < len(lines):
        run = _caption_run(lines, index)
        if run >= _HEADER_RUN_LINES:
            # a task table's header laid out one cell per line, short captions of no field among the known ones ("序号" /
            # "区域" / "项目名称" / "项目类型" / "实施时间" over rows one cell a line): no record's captions over their values
            # (branch fresh38, 843)
            result += lines[index:index + run]
            index += run
            continue
        pairs: list[tuple[str, str]] = []
        end = index
        alone = False  # the record's pairs are captions alone on their lines, each over its value (``_caption_alone_pair``)
        while end < len(lines) and end - index < _MAX_RECORD_LINES:
            pair = None if alone else _caption_pair(lines[end].text, bool(pairs))
            if pair is None and (alone or not pairs):
                pair = _caption_alone_pair(lines, end)
                if pair is not None and pair[0] not in (c for c, _ in pairs):
                    alone = True
                    pairs.append(pair)
                    end += 2
                    continue
                pair = None
            if pair is not None and pair[0] not in (c for c, _ in pairs):
                pairs.append(pair)
                end += 1
                continue
            if alone:
                break
            more = _value_goes_on(lines[end].text) if pairs else None
            if more is None:
                break
            pairs[-1] = (pairs[-1][0], pairs[-1][1] + more)
            end += 1
        row = _record_row(pairs) if len(pairs) >= 2 else None
        if row is None:
            result.append(lines[index])
            index += 1
            continue
        result.append(Line(lines[index].no, row[0], starts_table=lines[index].starts_table))
        result.append(Line(lines[index].no, row[1]))
        index = end
    return result


def join_quoted_cells(lines: list[Line]) -> list[Line]:
    """Rewrite the rows of a table copied out of a spreadsheet whose cells hold line breaks: a tab row
    with a cell opening with a double quote not closed on its line goes on over the next lines up to
    the closing quote; the quotes are removed and the cell's lines joined (directly after a
    separator such as 、 or ，, else with a space, which separates unit names as a line break does).
    Other lines pass unchanged; a quote never closed within ``_MAX_QUOTED_LINES`` lines leaves them
    as they are."""
    result: list[Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        text = line.text
        if ("\t" in text or text.startswith('"')) and text.count('"') % 2 and re.search(r'(?:^|\t)"', text):
            end = index + 1
            while end < len(lines) and end - index <= _MAX_QUOTED_LINES and text.count('"') % 2:
                text += "\n" + lines[end].text
                end += 1
            # a row's first cell quoted over lines ('"一、…' then '2、…"\t…') is a row only when a tab follows it
            unquoted = _unquote_cells(text) if not text.count('"') % 2 and "\t" in text else "\n"
            split = split_item_cells(_quoted_cell_lines(text)) if "\n" not in unquoted else None
            if split is not None:  # a cell of numbered items beside a cell of their times: a row an item (fresh63)
                result += [Line(line.no, "\t".join(row), starts_table=line.starts_table and not at)
                           for at, row in enumerate(split)]
                index = end
                continue
            if "\n" not in unquoted:  # every line break inside a quoted cell: one row
                result.append(Line(line.no, unquoted, starts_table=line.starts_table))
                index = end
                continue
        elif "\t" in text and '"' in text:
            line = Line(line.no, _unquote_cells(text), starts_table=line.starts_table)
        result.append(line)
        index += 1
    return result


def _quoted_cell_lines(text: str) -> list[list[str]]:
    """The cells of the tab row ``text`` (its quoted cells holding line breaks), each as its lines, quotes removed."""
    cells = []
    for cell in text.split("\t"):
        stripped = cell.strip()
        if len(stripped) >= 2 and stripped[0] == '"' and stripped[-1] == '"':
            stripped = stripped[1:-1].replace('""', '"')
        cells.append([part.strip() for part in stripped.split("\n") if part.strip()])
    return cells


def _unquote_cells(text: str) -> str:
    """The tab row ``text`` with each cell written in double quotes unquoted and its lines joined."""
    cells = []
    for cell in text.split("\t"):
        stripped = cell.strip()
        if len(stripped) >= 2 and stripped[0] == '"' and stripped[-1] == '"':
            parts = [part.strip() for part in stripped[1:-1].replace('""', '"').split("\n") if part.strip()]
            cell = ""
            for part in parts:
                cell += part if not cell or _CELL_SEPARATOR_END_RE.search(cell) else " " + part
        cells.append(cell)
    return "\t".join(cells)


# ---- Tables pasted from a page with every cell on a line of its own, closed by a pipe -----------
# (" 项目名称及分值  | ", " 赋分办法  | ", …), rows cut by lines of pipes only ("| ", "||", "|||||"): a
# copy that kept the cell borders as pipes and broke the line after each. Cells merged over several
# rows (rowspan) are written on their first row only.
_PIPES_ONLY_RE = re.compile(r"^\s*[|｜]+\s*$")
# A line opening with a border pipe around one cell ("| 1.推进…（A牵头） |", "| 一、加快项目建设", "|1.…|"). Linear: the
# blanks after the opening pipe are taken whole (possessive, the cell never opens with them) and those after the cell
# are read once, before or after its closing pipe.
_ONE_CELL_RE = re.compile(r"^[ \t\u3000]*[|｜][ \t\u3000]*+(?P<cell>[^|｜\t]*[^|｜\s])[ \t\u3000]*(?:[|｜][ \t\u3000]*)?$")


def one_cell_text(text: str) -> str | None:
    """The text of a line holding one cell between a page's border pipes ("| 1.推进县医院建设（县卫健局牵头） |": a
    site's layout table saved as text, its plan's lines between lone ``|`` lines), or None for any other line. A
    line is a table's row only when it holds two cells or more (GOLD-README kinds35): outside a task table such a
    line is the plan's line, its pipes layout like the lone ``|`` lines around it (``join_pipe_cell_rows``)."""
    m = _ONE_CELL_RE.match(text)
    return m["cell"] if m else None
# A line holding one cell closed by its pipe ("市财政局 |", a lone "|": group 1 the cell, stripped, "" for none), the
# cell no tab nor pipe. Linear (was ``^\s*([^|｜\t]*?)\s*[|｜]\s*$``, cubic on a long run of blanks without a closing
# pipe): every quantifier possessive, the cell's runs of blanks (a tab never) taken only before more of its text, so
# that the blanks after it are read once, by ``\s*+``; tests/unit/test_closed_cell_bounded_time.py.
_PIPE_CLOSED_CELL_RE = re.compile(r"^\s*+((?:[^|｜\s]++|[^\S\t]++(?=[^|｜\s]))*+)\s*+[|｜]\s*+$")
_DASH_CELL_RE = re.compile(r"^\s*[—\-－]+\s*[|｜]\s*$")


# Most lines without a pipe one cell closed by its pipe may run over before the line the pipe closes.
_CLOSED_CELL_PIECES = 3


def closed_cell_rows_with_empty_cells(lines: list[Line]) -> list[Line]:
    """``lines`` with each task table copied one cell a line, each cell closed by its pipe and each EMPTY cell a lone
    pipe ("序号 |" / "重点任务 |" / … then "1 |" / "建立…。 |" / "|" / "市财政局 |" / "6月底前 |"), rewritten into tab rows
    (header first) when the lone pipes place every cell: the header's captions each closed by a pipe, its first column
    序号; every row opens with its 序号 (1, 2, …, again from 1 under a group row "一、…", on a line of its own or in the
    first of its cells) and counts exactly the header's cells, a lone pipe counted as one empty cell; some row holds
    one, and not every row ends with one (a pipe after each row's last cell may cut the rows instead, 031's copy). Read without its lone pipes,
    such a row is short of the header and its cells' columns are guessed by what they hold (a lead left empty beside
    its supporting units read as the lead); a table where any row does not count so is left as it is, for the
    readers after this one (branch limits51). A cell's lines before the line its pipe closes are the cell's, joined
    as ``join_closed_cell_lines`` joins them. Linear."""
    result: list[Line] = []
    index = 0
    while index < len(lines):
        folded = _closed_period_header(lines, index)
        header, taken = folded if folded is not None else (_closed_caption_run(lines, index), 0)
        if not header:
            result.append(lines[index])
            index += 1
            continue
        rows, end = _closed_cell_table(lines, index + (taken or len(header)), header)
        if rows is None:
            result += lines[index:end]  # left as written; no header is looked for again inside (linear)
        else:
            result.append(Line(lines[index].no, "\t".join(header), starts_table=lines[index].starts_table))
            result += rows
        index = end
    return result


def _closed_cell(text: str) -> str | None:
    """The cell of a line closed by one pipe ("市财政局 |" -> "市财政局", a lone "|" -> ""), or None: what
    ``_PIPE_CLOSED_CELL_RE`` matches, without its backtracking (quadratic on a line of long runs of blanks)."""
    text = text.strip()
    if not text or text[-1] not in "|｜" or re.search(r"[|｜\t]", text[:-1]):
        return None
    return text[:-1].strip()


def _closed_caption_run(lines: list[Line], start: int) -> list[str]:
    """The captions of a header written one caption a line closed by a pipe from ``lines[start]`` up to its first row's
    序号 ("序号 |" / "整治任务 |" / "牵头单位 |" / … before "1 |"): three captions at least, a task-table header
    (``match_header``) whose first column is 序号; else []."""
    captions = []
    for line in lines[start:start + _MAX_HEADER_CELLS + 1]:
        caption = _closed_cell(line.text)
        if not caption or _lone_number(caption) is not None:
            break
        captions.append(caption)
    if not captions or match_caption(captions[0], sub_caption=True) is None:
        return []
    found = match_header(captions) if len(captions) >= 3 else None
    return captions if found is not None and found[0].get(NUMBER) == 0 else []


def _closed_period_header(lines: list[Line], start: int) -> tuple[list[str], int] | None:
    """(the captions, the lines they take) of a header of two rows copied one cell a line closed by pipes, an empty cell a
    lone pipe, whose caption spans one column per period ("序号 |" / "重点任务 |" / "完成时限 |" / "|" / "|" / "牵头单位 |" then
    "|" / "|" / "2024年 |" / "2025年 |" / "2026年 |" / "|"): the second row's periods take the caption's columns, as in a
    Word table (``_period_columns``). Both rows as wide, up to the first row's 序号; the first caption 序号. None for any
    other lines. GOLD-README "yearcols59"."""
    cells: list[str] = []
    for line in lines[start:start + 2 * _MAX_HEADER_CELLS + 1]:
        cell = _closed_cell(line.text)
        if cell is None or (cell and _lone_number(cell) is not None):
            break
        cells.append(cell)
    if "" not in cells or len(cells) % 2:
        return None
    top, sub = cells[:len(cells) // 2], cells[len(cells) // 2:]
    if not _is_period_sub_header(sub) or _period_caption_at(top) is None:
        return None
    combined = [s if PERIOD_SUB_CAPTION_RE.fullmatch(s) else t for t, s in zip(top, sub)]
    found = match_header(combined)
    return (combined, len(cells)) if found is not None and found[0].get(NUMBER) == 0 else None


def _closed_cell_table(lines: list[Line], start: int, header: list[str]) -> tuple[list[Line] | None, int]:
    """(the tab rows of the body of a table one cell a line closed by pipes under ``header`` from ``lines[start]``, or
    None when its lone pipes do not place every cell: ``closed_cell_rows_with_empty_cells``; the index after the lines
    read)."""
    width = len(header)
    out: list[Line] = []
    row: list[str] = []
    row_no = 0
    pieces: list[str] = []
    expected = 1
    empty_inside = False
    index = start
    ends: list[bool] = []  # per row: does it end with a lone pipe

    def close_row() -> bool:
        nonlocal row, empty_inside
        if not row:
            return True
        if len(row) != width:
            return False
        empty_inside = empty_inside or None in row
        ends.append(row[-1] is None)
        out.append(Line(row_no, "\t".join(cell or "" for cell in row)))
        row = []
        return True

    while index < len(lines):
        text = lines[index].text.strip()
        cell = _closed_cell(text)
        if cell == "" and not pieces and row:
            row.append(None)  # a lone pipe: an empty cell in its place
        elif cell:
            number = _lone_number(cell)
            if not pieces and (number in (expected, 1) or _is_section_row(cell)) and (not row or len(row) >= width):
                if not close_row():
                    return None, index + 1
                row, row_no = [cell], lines[index].no  # a row's 序号, or a group row "一、…" across the table's cells
                expected = number + 1 if number is not None else 1
            elif row:
                texts = pieces + [cell]
                row.append((" " if all(is_unit_list(t) for t in texts) else "").join(texts))
                pieces = []
            else:
                return None, index + 1
        elif text and "\t" not in text and not _PIPE_RE.search(text):
            if _is_section_row(text) and not pieces and (not row or len(row) >= width):
                if not close_row():
                    return None, index + 1
                out.append(lines[index])  # a group row across the table: its rows count again from 1
                expected = 1
            elif row and len(pieces) < _CLOSED_CELL_PIECES:
                pieces.append(text)  # a line of the cell its pipe closes below
            else:
                break
        else:
            break
        index += 1
    index -= len(pieces)  # lines no pipe closed after the last row: the text after the table
    if not close_row() or not empty_inside or not out or all(ends):
        return None, index  # all(ends): a lone pipe closing every row may cut the rows as well as write an empty cell
    return out, index


def join_closed_cell_lines(lines: list[Line]) -> list[Line]:
    """``lines`` with each cell of a table copied one cell a line, each cell closed by its pipe ("序号 |" / "重点任务 |" /
    "牵头单位 |" …, no line of pipes between the rows, as 031), written over several lines again one line: a cell's
    lines before the line its pipe closes ("市发展改革委" / "市财政局 |", a Word cell of one unit a paragraph; "建立…，" /
    "做到… |", a task cell over two lines) are its own, never cells of their own. Names that are whole units each are
    a list, joined by a blank (a blank separates a table cell's units, GOLD-README "Units"); other pieces are one text
    cut by the line end, joined as they were. Only inside such a table (three caption lines closed by a pipe opening
    it, a period after a caption counted as one: "2025年 |", "一季度 |") and only before a line closed by a pipe that is no row's 序号; a numbered heading ("二、…", a group row) is no
    piece. Other lines pass unchanged (branch tablematrix49). Linear."""
    result: list[Line] = []
    inside = False
    captions = 0
    pieces: list[Line] = []
    for line in lines:
        text = line.text.strip()
        closed = _PIPE_CLOSED_CELL_RE.match(text) if text else None
        if closed is not None and closed.group(1):
            cell = closed.group(1)
            # a period after a caption ("一季度 |" … "四季度 |" between "重点任务 |" and "牵头单位 |": the time spread over
            # columns, one per period) is a caption of the header too (branch tableflake65)
            captions = (captions + 1 if match_caption(cell, sub_caption=True) is not None
                        or (captions and PERIOD_SUB_CAPTION_RE.fullmatch(cell)) else 0)
            inside = inside or captions >= 3
            if pieces and _lone_number(cell) is None:
                texts = [piece.text.strip() for piece in pieces] + [cell]
                joiner = " " if all(is_unit_list(t) for t in texts) else ""
                result.append(Line(pieces[0].no, joiner.join(texts) + " |", starts_table=pieces[0].starts_table))
                pieces = []
                continue
            result += pieces
            pieces = []
            result.append(line)
            continue
        if (inside and text and "\t" not in text and not re.search(r"[|｜]", text) and match_number(text) is None
                and len(pieces) < _CLOSED_CELL_PIECES):
            pieces.append(line)
            continue
        result += pieces
        pieces = []
        if text and not (closed is not None or match_number(text) is not None):
            inside = False  # a line of no cell: the table has ended
        result.append(line)
    return result + pieces


def join_pipe_cell_rows(lines: list[Line]) -> list[Line]:
    """Rewrite each task table pasted with one cell per line closed by a pipe, rows cut by lines of
    pipes only, into tab rows (header first); other lines pass unchanged. The table's first row must
    be a task-table header. A row shorter than the row above, its merged cells lost, gets them back
    (``_restore_lost_merges``). A cell wrapped over lines in a narrow column ("县经济" / "开发区" /
    "管委会 |": only its last line closed by a pipe) is one cell again (``_pipe_cells``).
    Linear in the number of lines."""
    result: list[Line] = []
    index = 0
    while index < len(lines):
        if not _PIPES_ONLY_RE.match(lines[index].text):
            if not _DASH_CELL_RE.match(lines[index].text):  # "—— |" outside such a table: noise
                result.append(lines[index])
            index += 1
            continue
        cells, end = _pipe_cells(lines, index, _CLOSED_CELLS)
        rows = _pipe_rows(cells, lambda text, row: row is None)  # rows are cut by the lines of pipes only
        header = rows[0][1] if rows else []
        if len(rows) < 2 or _header_columns(header) is None:
            # no such table: the lines of pipes only and the dash cells are noise, as cleaning left them
            result += [line for line in lines[index:max(end, index + 1)]
                       if not _PIPES_ONLY_RE.match(line.text) and not _DASH_CELL_RE.match(line.text)]
            index = max(end, index + 1)
            continue
        texts = [header] + _restore_lost_merges([row for _, row in rows[1:]])
        result += [Line(no, "\t".join(row + [""] * (len(row) == 1))) for (no, _), row in zip(rows, texts)]
        index = end
    return result


# Most lines one cell of a pasted table may be wrapped over (a narrow column: a character or two a line,
# a list of eight units at three characters a line takes some thirty).
_MAX_WRAPPED_LINES = 60
# Longest line of a cell wrapped in a narrow column ("区" / "发" / "局", "县经济" / "开发区" / "管委会").
_NARROW_PIECE_CHARS = 4


def is_narrow_wrap(pieces: list[str]) -> bool:
    """Are ``pieces`` (the lines of one table cell, in order) one text wrapped in a narrow column, a
    character or a few a line ("区" / "发" / "局", "高新" / "区管" / "委会"), rather than a list of
    names one a line ("区发改局" / "区财政局", "县委" / "县政府")? Every line but the last is short, without
    sentence marks and as wide as the others (the column's width, one character more or less), the last
    no wider, and one of them is no unit name by itself (a name cut in pieces)."""
    pieces = [piece.strip() for piece in pieces if piece.strip()]
    if len(pieces) < 2 or any(len(piece) > _NARROW_PIECE_CHARS for piece in pieces[:-1]):
        return False
    widths = [len(piece) for piece in pieces[:-1]]
    if max(widths) - min(widths) > 1 or len(pieces[-1]) > max(widths):
        return False  # a column fills each line but the last, which holds the rest ("县委" / "县政府" are two names)
    if any(re.search(r"[。！？：:\s]", piece) for piece in pieces[:-1]):
        return False  # a sentence or a caption: lines of their own (a list's 、 and a name's brackets wrap as written)
    if not all(is_unit_list(piece) for piece in pieces[:-1]):
        return True
    # every line but the last names a unit by itself: still one name cut at the column's width when the lines after the
    # first are an office's noun of three characters or more opening with no level ("市政府" / "办公室", "高新区" / "管委会"),
    # or, in a column two characters wide, when the first opens with the level and none after it does ("县司" / "法局",
    # "县财" / "政局": a level and one character is no office's name; GOLD-README "tables31"), where two names each open
    # with their level or are short names of their own ("县委" / "县政府", "团委" / "妇联")
    if max(widths) <= 2 and _UNIT_LEVEL_RE.match(pieces[0]) and not any(_UNIT_LEVEL_RE.match(p) for p in pieces[1:]):
        return True
    return all(len(piece) >= 3 and not _UNIT_LEVEL_RE.match(piece) for piece in pieces[1:])


_LIST_SEPARATORS = ("、", "，", ",")


def join_cell_pieces(pieces: list[str]) -> str:
    """The text of one table cell written over several lines ``pieces``: a narrow column's wrap
    (``is_narrow_wrap``) closed up ("县经济开发区管委会"); unit names one a line joined with 、
    ("区发改局、区财政局"); other text joined as it runs (a paragraph wrapped at the column's edge)."""
    pieces = [piece.strip() for piece in pieces if piece.strip()]
    if is_narrow_wrap(pieces):
        return "".join(pieces)
    if len(pieces) > 1 and all(is_unit_list(piece) for piece in pieces):
        # "浦江镇、浦锦街道、" / "马桥镇、华漕镇": a line ending with its list's 、 is joined without a second one
        return "".join(piece if piece.endswith(_LIST_SEPARATORS) else piece + "、" for piece in pieces[:-1]) + pieces[-1]
    joined = pieces[0] if pieces else ""
    opened = match_number(joined) if joined else None
    for piece in pieces[1:]:
        token = match_number(piece)
        if token is not None and opened is not None and (token.style, token.ordinal) == (opened.style, opened.ordinal + 1):
            # the cell's next numbered line ("1.整理档案" / "2.准备物资", a <br> in a Markdown row): a line of the
            # cell's own list, kept apart by a blank so that the list stays the row's text (``_holds_next``)
            joined, opened = f"{joined} {piece}", token
        else:
            joined += piece
    return joined


def join_separated_wraps(lines: list[Line]) -> list[Line]:
    """Close up the cells of a table copied with a line of pipes only between its cells ("序号" / "|" /
    "重点工作任务" / "|" / …, each cell on the lines between two such lines) whose text a narrow column
    wrapped a character or two a line ("区" / "发改" / "局" between two "|" lines, ``is_narrow_wrap``): the
    lines between the two pipes become the one cell they are. Other lines pass unchanged. Linear."""
    result: list[Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        result.append(line)
        index += 1
        if not _PIPES_ONLY_RE.match(line.text):
            continue
        end = index
        while (end < len(lines) and end - index < _MAX_WRAPPED_LINES and not _PIPES_ONLY_RE.match(lines[end].text)
               and not re.search(r"[|｜\t]", lines[end].text)):
            end += 1
        if end < len(lines) and end - index >= 2 and _PIPES_ONLY_RE.match(lines[end].text) and is_narrow_wrap(
                [piece.text for piece in lines[index:end]]):
            result.append(Line(lines[index].no, join_cell_pieces([piece.text for piece in lines[index:end]]),
                               starts_table=lines[index].starts_table))
            index = end
    return result


# Most text lines one cell of a table copied with a pipe line after each cell holds (two leaders' names, a unit list).
_PIPED_CELL_LINES = 4

# ---- Which cell of which row a line is, in a table copied one cell a line with pipes --------------------------------
# A page copied as text writes its cells' borders as pipes in one of three forms; the reader is one (``_pipe_cells``:
# which cell a line is; ``_pipe_rows``: which row a cell is), the form an input:
_CLOSED_CELLS = "closed"    # each cell closed by a pipe on its line ("序号 |", "1 |"), rows cut by lines of pipes only;
                            # a cell a narrow column wrapped ("县经济" / "开发区" / "管委会 |"): its last line closed
_ROW_END_PIPES = "row_end"  # each cell closed by a pipe, a row's last one by two ("责任单位 ||")
_PIPE_LINES = "pipe_lines"  # a line of pipes after each cell ("序号" / "|"), each pipe more an empty cell ("||||"), or
                            # a pipe opening each cell ("| 强化…", "| 目 标 任 务": it closes the cell above; branch onecell)
_OPENING_PIPES = "opening"  # a row's first cell on lines of its own, each cell after it opened by a pipe ("牵头单位" /
                            # "| 工 作 任 务" / "| 责 任 单 位"), a lone pipe closing the row, or opening an empty cell when a
                            # piped cell follows it (a Word table's text copy; branch tables32)
# A cell opened by the pipe before it: a page's copy writing each cell's left border at the head of its first line.
_OPENING_PIPE_RE = re.compile(r"^\s*[|｜]\s*([^|｜\t\s](?:[^|｜\t]*[^|｜\t\s])?)\s*$")


@dataclass
class _PipeCell:
    """One cell of a table copied with pipes: its first line's number, its text, and whether its row ends with it."""
    no: int
    text: str
    ends_row: bool = False


def _takes_piece(pieces: list[Line], line: Line, form: str) -> bool:
    """May the text line ``line`` go on the cell whose lines ``pieces`` no pipe closed yet? A cell closed by its own
    pipe is wrapped over at most ``_MAX_WRAPPED_LINES`` lines; a cell before a line of pipes holds a few lines
    (``_PIPED_CELL_LINES``), more when each is a narrow column's piece, a character or two a line, or when the line
    before ends inside its list ("市机关事务管理局、市财政局、" / "市住房城乡建设局、…": a dozen units over five lines; tables32)."""
    if form == _CLOSED_CELLS:
        return len(pieces) < _MAX_WRAPPED_LINES - 1
    return len(pieces) < _PIPED_CELL_LINES or (len(pieces) < _MAX_WRAPPED_LINES and (
        all(len(piece.text.strip()) <= _NARROW_PIECE_CHARS for piece in pieces + [line])
        or _LIST_OPEN_RE.search(pieces[-1].text.strip()) is not None))


def _pipe_cells(lines: list[Line], start: int, form: str) -> tuple[list[_PipeCell], int]:
    """The cells of a table copied with pipes in ``form``, from ``lines[start]``, and the index after them. What a line
    is, by form: a line of pipes only cuts a row (closed cells) or closes the cell written above it, each pipe more an
    empty cell (pipe lines), or closes the row, an empty cell when a piped cell follows it (opening pipes); a cell closed by its pipe ("X |") is a cell, with the lines no pipe closed above it (its
    wrap); "X ||" is a row's last cell (row-end pipes); a text line goes on the cell not closed yet (``_takes_piece``;
    none in row-end pipes). A lone "|" never reaches row-end pipes: ``join_pipe_cell_rows``, which runs first, takes
    it for its own rows or drops it as noise. The cells end at any other line; lines of a cell no pipe closed
    are given back (the text after the table). Linear in the lines read."""
    cells: list[_PipeCell] = []
    pieces: list[Line] = []  # the lines of a cell no pipe closed yet
    index = start
    while index < len(lines):
        line = lines[index]
        text = line.text
        pipes = len(_PIPE_RE.findall(text)) if _PIPES_ONLY_RE.match(text) else 0
        closed = None if pipes else _PIPE_CLOSED_CELL_RE.match(text)
        if form in (_PIPE_LINES, _OPENING_PIPES) and (opened := _OPENING_PIPE_RE.match(text)) is not None:
            if pieces:  # "| 强化…": its pipe closes the cell above (none after a pipe line, which closed it)
                cells.append(_PipeCell(pieces[0].no, join_cell_pieces([piece.text for piece in pieces])))
            pieces = [Line(line.no, opened.group(1))]
        elif pipes and form == _OPENING_PIPES:
            if pieces:
                cells.append(_PipeCell(pieces[0].no, join_cell_pieces([piece.text for piece in pieces])))
                pieces = []
            if index + 1 < len(lines) and _OPENING_PIPE_RE.match(lines[index + 1].text):
                cells += [_PipeCell(line.no, "") for _ in range(pipes)]  # "|" before "| 市财政局": an empty cell
            elif cells:
                cells[-1].ends_row = True  # "|" before a row's first cell (or the text after the table): the row's end
        elif pipes and form == _PIPE_LINES:
            if pieces:
                cells.append(_PipeCell(pieces[0].no, join_cell_pieces([piece.text for piece in pieces])))
                pieces, pipes = [], pipes - 1
            cells += [_PipeCell(line.no, "") for _ in range(pipes)]
        elif pipes and form == _CLOSED_CELLS and not pieces:
            if cells:
                cells[-1].ends_row = True
        elif closed is not None and form != _PIPE_LINES:
            cells.append(_PipeCell((pieces or [line])[0].no,
                                   join_cell_pieces([piece.text for piece in pieces] + [closed.group(1)])))
            pieces = []
        elif (ended := _ROW_END_CELL_RE.match(text)) is not None and form == _ROW_END_PIPES:
            cells.append(_PipeCell(line.no, ended.group(1), ends_row=True))
        elif (form == _PIPE_LINES and pieces and _opens_row_after_unclosed(text, pieces)):
            # the next row's 序号 right after a row's last cell, no pipe line closing it ("市财政局" / "2"): that cell
            # ends its row, the number opens the next (GOLD-README "cells66")
            cells.append(_PipeCell(pieces[0].no, join_cell_pieces([piece.text for piece in pieces]), ends_row=True))
            pieces = [line]
        elif (form != _ROW_END_PIPES and not re.search(r"[|｜\t]", text) and _takes_piece(pieces, line, form)):
            pieces.append(line)
        else:
            break
        index += 1
    if form == _OPENING_PIPES and pieces and _OPENING_PIPE_RE.match(lines[index - len(pieces)].text):
        # the last row's last cell, opened by its pipe, its closing pipe lost at the table's end: the cell is its first
        # line and the lines after it while it ends inside its list ("市财政局、" / "市住建局"); the rest is given back
        taken = 1
        while taken < len(pieces) and _LIST_OPEN_RE.search(pieces[taken - 1].text.strip()):
            taken += 1
        cells.append(_PipeCell(pieces[0].no, join_cell_pieces([piece.text for piece in pieces[:taken]]), ends_row=True))
        pieces = pieces[taken:]
    return cells, index - len(pieces)


# Most digits of a row's 序号 closing the cell above it in a table copied with pipe lines (a year "2025" is a cell's).
_ROW_NUMBER_DIGITS = 3


def _opens_row_after_unclosed(text: str, pieces: list[Line]) -> bool:
    """Does the line ``text``, after the lines ``pieces`` of a cell no pipe line closed yet, open the next row of a table
    copied with a pipe line after each cell: a 序号 alone of at most ``_ROW_NUMBER_DIGITS`` figures ("2", "12") or a group
    row's numeral ("二"), after a
    cell naming units that does not end inside its list ("市公安局、市应急管理局", not "市财政局、")? A row's last cell
    then has no pipe line after it."""
    text = text.strip()
    return (((len(text) <= _ROW_NUMBER_DIGITS and _lone_number(text) is not None and _is_bare_number(text))
             or _is_bare_cn_number(text))
            and is_unit_list(join_cell_pieces([piece.text for piece in pieces]))
            and _LIST_OPEN_RE.search(pieces[-1].text.strip()) is None)


def _pipe_rows(cells: list[_PipeCell], opens) -> list[tuple[int, list[str]]]:
    """The rows of ``cells`` (``_pipe_cells``): [(first line, cell texts)]. A cell that ends its row closes it; for the
    others ``opens(text, row)`` tells, ``row`` the open row's texts (None when none is open): True opens a new row with
    the cell, False puts it in the open row, None drops it (an empty cell before any row)."""
    rows: list[tuple[int, list[str]]] = []
    open_row: list[str] | None = None
    for cell in cells:
        verdict = opens(cell.text, open_row)
        if verdict:
            open_row = [cell.text]
            rows.append((cell.no, open_row))
        elif verdict is not None and open_row is not None:
            open_row.append(cell.text)
        if cell.ends_row:
            open_row = None
    return rows


def _opens_piped_row(text: str, row: list[str], width: int) -> bool:
    """Does the cell ``text`` open a new row after the cells ``row`` of the row being read: a 序号 alone, a group row
    ("一、…"), a row already as wide as the header, or a task cell numbered in its own cell ("2.…") after a row
    that reached its unit cell, a unit list after its task (a sentence, or a task numbered in its cell): a sub-row
    of a merged 序号, its 序号 and 项目 cells not written again? A 项目 cell ("经济运行") is no unit cell."""
    if not row or len(row) >= width or _lone_number(text) is not None or _is_section_row(text):
        return True
    if len(row) == width - 1 and match_number(text) is not None and not is_unit_list(text):
        return True  # "(二)全面推进…" after a row under a merged 类别 cell (all its cells but that one): the next group
    filled = [cell for cell in row if cell]
    tasks = [cell for cell in filled[:-1] if _numbered_in_cell(cell) or cell.endswith(("。", "；", ";"))]
    if _numbered_in_cell(text) and _numbered_in_cell(row[0]) and len(filled) >= 3:
        return True  # a sub-row holding its task, leader and units: the next task opens the next one
    return bool(_numbered_in_cell(text) and tasks and is_unit_list(filled[-1]))


def join_piped_cell_lines(lines: list[Line], warnings: list[str] | None = None) -> list[Line]:
    """Rewrite each task table copied from a page with a line of pipes after each cell and its EMPTY cells as runs of
    pipes ("序号" / "|" / "项目" / "|" / … then "一、…" / "||||", "1" / "|" / "主要经济指标" / "|" / "1.…" / "|" /
    "张 三" / "|" / "★区发改局、区统计局" / "|", a sub-row "2.…" / "|" / "|" / "★区财政局" / "|") into tab rows, header
    first: each cell in its place, a merged 序号's sub-rows with their own cells only (read by ``_fit``). Only when the
    header's captions each stand before a pipe line and some pipe line of the table writes an empty cell (two pipes
    or more): a copy without empty cells (253's) is read one cell per line as before. A copy whose pipes OPEN the cells
    ("| 牵 头 单 位" / "| 目 标 任 务" / … / "|", "| 市政" / "府办" / "公厅" / "| 强化…" / "| 市司法局" / "|"; branch onecell) is
    the same table, its cells read by the same reader (``_pipe_cells``), whether or not it writes an empty cell; so is
    a copy writing each row's first cell without its pipe ("牵头单位" / "| 工 作 任 务" / "| 责 任 单 位" / "|", "市发" /
    "展改" / "革委" / "| 编制…" / "| 市财政局" / "|"; branch tables32), each row closed by its lone pipe, a row of a lead
    merged over its group opening with its task, and so are its rows under a header on one line ("牵头单位   目 标 任 务
    责 任 单 位"). A table's last row whose last cell the end of the file cut inside its list ("浦江镇、马桥镇、" / "华漕镇、", no
    pipe closing it, the row shorter than the one above) was cut by the end of the copy: no row, and ``warnings`` (when
    given) says so (GOLD-README "fresh44", as fresh42's cut rows). Other lines pass. Linear."""
    result: list[Line] = []
    index = 0
    while index < len(lines):
        opening = _OPENING_PIPE_RE.match(lines[index].text)  # "| 目 标 任 务": each cell opened by its pipe
        after = _OPENING_PIPE_RE.match(lines[index + 1].text) if index + 1 < len(lines) else None
        # "牵头单位" / "| 工 作 任 务": the first cell of each row written without its pipe, the others opened by theirs
        first_unpiped = opening is None and after is not None and match_caption(after.group(1), sub_caption=True)
        form = _OPENING_PIPES if first_unpiped else _PIPE_LINES
        opens = (_piped_caption(opening.group(1) if opening else lines[index].text)
                 and (opening is not None or first_unpiped
                      or (index + 1 < len(lines) and _PIPES_ONLY_RE.match(lines[index + 1].text))))
        cells, end = _pipe_cells(lines, index, form) if opens else ([], index)
        if not opens and (captions := _line_cells(lines[index].text, None, TABBED)) is not None:
            # the header on one line ("牵头单位   目 标 任 务   责 任 单 位"), its rows written in the same form below it
            rest, end = _pipe_cells(lines, index + 1, _OPENING_PIPES)
            if any(cell.ends_row for cell in rest):
                form, first_unpiped = _OPENING_PIPES, True
                cells = [_PipeCell(lines[index].no, caption.strip(), ends_row=at == len(captions) - 1)
                         for at, caption in enumerate(captions)] + rest
        header = _piped_header(cells)
        if header is None or not (opening or first_unpiped or any(cell.text == "" for cell in cells[len(header):])
                                  or _wraps_in_cells(cells)):
            result.append(lines[index])
            index += 1
            continue
        written = len(header)
        # "年度目标" then "2018年度" / "2019年度" / "2020年度" closing the header: a two-row header flattened, each row
        # writing one cell per period (GOLD-README "cells66")
        header = _periods_for_their_caption(header)
        width = len(header)
        result.append(Line(cells[0].no, "\t".join(header)))
        merged_first = _grouped_by_first_unit(header)  # a lead merged over its group: its empty cell opens a row

        def opens(text: str, row: list[str] | None) -> bool | None:
            if row is None:
                return True if text else None  # an empty cell before the first row: none
            if form == _OPENING_PIPES:
                return False  # its rows are closed by their own pipes
            return bool((text or (merged_first and len(row) >= width)) and _opens_piped_row(text, row, width))

        rows = _pipe_rows(cells[written:], opens)
        tail = lines[end:]
        if (len(rows) >= 2 and tail and len(rows[-1][1]) < len(rows[-2][1]) and _LIST_OPEN_RE.search(tail[-1].text.strip())
                and not any(_PIPE_RE.search(line.text) or "\t" in line.text for line in tail)):
            # the last row's cell cut inside its list by the end of the copy: the row is cut, no row of the table
            if warnings is not None:
                warnings.append(f"文件在表格最后一行（第 {rows[-1][0]} 行）中途结束，可能不完整：该行未读入，请核对原文后补录")
            rows, end = rows[:-1], len(lines)
        elif (form == _PIPE_LINES and rows and len(rows[-1][1]) == width - 1 and end < len(lines)
              and is_unit_list(lines[end].text) and not _LIST_OPEN_RE.search(lines[end].text.strip())
              and not _signs_off(lines, end)):
            # the last row's last cell, its units, with no pipe line after it at the table's end ("|" / "市财政局"): the
            # row's, never the text after the table (GOLD-README "cells66")
            rows[-1][1].append(lines[end].text.strip())
            end += 1
        fields = match_header(header)[0]
        task_at = fields.get(TASK, 0)
        units_last = width - 1 in (fields.get(LEAD_UNITS), fields.get(SUPPORTING_UNITS))
        for no, row in rows:
            while len(row) > 1 and not row[-1]:
                row.pop()
            if form == _OPENING_PIPES and merged_first and len(row) < width and not is_unit_list(row[0]):
                row = [""] + row  # a row of the lead's group opening with its task: the lead's cell merged from above
            if units_last and len(row) > 1 and is_unit_list(row[-1]):
                row = _place_piped_row(row, width, task_at)
            result.append(Line(no, "\t".join(row + [""] * (len(row) == 1))))
        index = end
    return result


def _place_piped_row(row: list[str], width: int, task_at: int) -> list[str]:
    """A row of a table copied with a pipe line after each cell, its last cell its units in the header's last column,
    with the cells between its task and its units placed by what they hold: a leader's cell merged over it from the row
    above (not written on it) or a run of pipes writing more empty cells than the row has (``|||``) leaves the units in
    their column. A whole row (opening with its 序号) writes the header's columns; a sub-row of a merged 序号 and 项目
    writes its task cell and those after it (``_fit`` reads it so)."""
    task = task_at if _lone_number(row[0]) is not None and len(row) > task_at + 1 else 0
    expected = width if task else width - task_at
    head, middle, units = row[:task + 1], [cell for cell in row[task + 1:-1] if cell], row[-1]
    slots = expected - len(head) - 1
    if not _numbered_in_cell(row[0]) and not task or slots < 0:
        return row
    if len(middle) > slots:
        middle = middle[:max(slots - 1, 0)] + ([" ".join(middle[max(slots - 1, 0):])] if slots else [])
    return head + middle + [""] * (slots - len(middle)) + [units]


_BRACKET_REMARK_RE = re.compile(r"[（(][^（()）]*[)）]")


def _piped_caption(text: str) -> bool:
    """Can ``text`` open the header of a table copied with pipes: a known caption, or a category column's ("类别": the
    groups of a 分工表's rows, written before the 序号; branch fresh44, 881)?"""
    return match_caption(text, sub_caption=True) is not None or normalize_caption(text) in CATEGORY_CAPTIONS


def _wraps_in_cells(cells: list[_PipeCell]) -> bool:
    """Does some cell of a table copied with a pipe line after each cell run over several lines (its first line and
    the next cell's more than two lines apart: a caption "责任部门" / "(加*号为牵头部门," / "其余为参与部门)", a task cell
    written a word a line)? Then only the pipe lines tell the cells apart, as the empty cells' pipes do (881)."""
    return any(later.no - cell.no > 2 for cell, later in zip(cells, cells[1:]) if cell.text)


def _piped_header(cells: list[_PipeCell]) -> list[str] | None:
    """The captions opening ``cells`` (a table copied with a pipe line after each cell) when they are a task table's
    header: the longest run of short caption cells that ``_header_columns`` reads, or None."""
    captions: list[str] = []
    for text in (cell.text for cell in cells[:_MAX_HEADER_CELLS]):
        # a remark in brackets may hold commas ("责任部门(加*号为牵头部门,其余为参与部门)"); the caption's own words may not
        if (not text or len(text) > _LONG_CAPTION_CHARS or re.search(r"[。；;，,]", _BRACKET_REMARK_RE.sub("", text))
                or _lone_number(text) is not None or match_number(text) is not None or _is_bare_cn_number(text)):
            break  # a row's 序号, a numbered cell, or a group row's numeral ("一" / "|" / "交通…方面"): the rows open
        captions.append(text)
    while captions and match_caption(captions[-1], sub_caption=True) is None and is_unit_list(captions[-1]):
        captions.pop()  # a unit's name after the captions: the first row's lead ("牵头单位" / … / "县发改局"), no caption
    while len(captions) >= 3:
        if _header_columns(captions) is not None and _piped_caption(captions[0]):
            return captions
        captions.pop()
    return None


#: The cells a frame adds to a pipe row ("| a | b |" cuts into "", a, b, ""): a row framed under a header without.
_FRAME_CELLS = 2


def join_broken_pipe_rows(lines: list[Line]) -> list[Line]:
    """Join a pipe row ("| 1 | 加快… | 县") broken by line breaks inside a cell (a narrow column's wrap,
    "农" / "业" on lines of their own) with the lines up to the one that closes it ("农村局 | 2024年底前 |"):
    the broken cell's pieces are joined (``join_cell_pieces``). A row opens with a pipe and holds two at
    least; other lines pass unchanged. Two whole rows are never joined: a row whose first cell is empty (a 类别 merged
    down, "| 3 | … | 完成第3阶段任务") before one that ends with the pipes of its empty last cells ("类别乙 | 4 | … | 完成第1
    阶段任务 |  |") would make a row wider than the table (its widest pipe row so far, a frame's two cells allowed).
    Linear."""
    result: list[Line] = []
    index = 0
    width = 0  # the most cells of a pipe row in the run of pipe rows just read (the table's header, its rows)
    while index < len(lines):
        line = lines[index]
        text = line.text.strip()
        index += 1
        cells = len(_PIPE_RE.findall(text)) + 1
        width = max(width, cells) if cells >= 3 else 0
        if not (text.startswith(("|", "｜")) and len(_PIPE_RE.findall(text)) >= 2 and not text.endswith(("|", "｜"))):
            result.append(line)
            continue
        if _is_period_sub_header([cell.strip() for cell in _PIPE_RE.split(text)]):
            # the second row of a header whose time caption spans periods, its leading empty cells written as pipes
            # ("|  |  |  | 2024年 | 2025年 | 2026年", the blank before the first pipe lost): a row whole, no cell broken
            # (GOLD-README "yearcols59")
            result.append(line)
            continue
        end = index
        while (end < len(lines) and end - index < _MAX_WRAPPED_LINES and not _PIPE_RE.search(lines[end].text)
               and "\t" not in lines[end].text):
            end += 1
        closing = lines[end].text.strip() if end < len(lines) else ""
        if (not _PIPE_RE.search(closing) or not closing.endswith(("|", "｜")) or closing.startswith(("|", "｜"))
                or "\t" in closing or any(_is_section_row(piece.text) for piece in lines[index:end])
                or (width and cells + len(_PIPE_RE.findall(closing)) > width + _FRAME_CELLS)):
            # a group row between ("三、…" across the table): the row above was whole (its first cell, merged from
            # above, written as a pipe), and the row after it ends with the pipe of its empty last cell (GOLD-README
            # "yearcols59"); or the next line a whole row too, the two joined wider than the table (tableflake65)
            result.append(line)
            continue
        head, _, first = text.rpartition("|") if "|" in text else text.rpartition("｜")
        rest = _PIPE_RE.split(closing, maxsplit=1)
        pieces = [first] + [piece.text for piece in lines[index:end]] + [rest[0]]
        result.append(Line(line.no, f"{head}| {join_cell_pieces(pieces)} |{rest[1]}", starts_table=line.starts_table))
        index = end + 1
    return result


def _restore_lost_merges(rows: list[list[str]]) -> list[list[str]]:
    """Rows of a pasted table whose cells merged over several rows were written on the first row only:
    a row shorter than the one above, opening with a numbered item where the row above opens with
    a group cell and its item ("(二)…" | "1.…"), is under the same group: the group cell goes back in
    front; when still short, its other cells are placed by what they hold (units under the first
    unit column of the row above, a time under a time) and the columns left over take the row
    above's cells (merged over both: "按排名赋分", "县委办、县府办、县监察局")."""
    result: list[list[str]] = []
    for row in rows:
        above = result[-1] if result else None
        if (above is not None and len(row) < len(above) and len(above) >= 2 and row
                and (match_number(row[0]) is not None or is_placeholder(row[0])) and _is_group_heading(above[0])
                and match_number(above[1]) is not None):
            row = [above[0]] + row
            if len(row) < len(above):
                row = _place_by_content(row, above)
        result.append(row)
    return result


def _place_by_content(row: list[str], above: list[str]) -> list[str]:
    """``row`` (group and item in place, fewer cells than ``above``) widened to ``above``'s width:
    each further cell goes to the first column left of ``above`` that holds the same kind of cell (a
    unit list, a time), the other columns keep ``above``'s cells. ``row`` unchanged when a cell
    finds no column."""
    placed: list[str | None] = [row[0], row[1]] + [None] * (len(above) - 2)
    column = 2
    for text in row[2:]:
        kind = is_unit_list(text), is_deadline_clause(text)
        while column < len(above) and (is_unit_list(above[column]), is_deadline_clause(above[column])) != kind:
            column += 1
        if column >= len(above):
            return row
        placed[column] = text
        column += 1
    return [above[i] if value is None else value for i, value in enumerate(placed)]


def join_box_rows(lines: list[Line]) -> list[Line]:
    """Rewrite each task table drawn with box-drawing characters into tab-separated rows (header
    first, see ``_box_table``); other lines pass unchanged. Linear in the number of lines."""
    result: list[Line] = []
    index = 0
    while index < len(lines):
        end = index
        while end < len(lines) and _box_cells(lines[end].text) is not None:
            end += 1
        if end - index >= 3:
            table = _box_table(lines[index:end])
            if table is not None:
                result += table
                index = end
                continue
        if end > index:
            result += lines[index:end]
            index = end
        else:
            result.append(lines[index])
            index += 1
    return result


def join_cell_lines(lines: list[Line]) -> list[Line]:
    """Rewrite each table laid out one cell per line into tab-separated rows (header first);
    other lines pass unchanged. The header is a run of caption lines, or one header row written on
    one line (tabs, pipes or spaces: a page's or a Word table's header row copied as a row) above
    cells written one per line (``_one_line_header``); a header whose 序号 caption was lost above rows
    that open with their number gets it back (``_with_number_column``). Linear in the number of lines
    (a header run is at most a few short lines)."""
    result: list[Line] = []
    index = 0
    while index < len(lines):
        run = _grouped_caption_run(lines, index, _caption_run(lines, index))
        header = (_join_wrapped_captions([period for line in lines[index:index + run]
                                          for period in _period_line(line.text) or [line.text]]) if run
                  else _one_line_header(lines, index))
        if not header:
            result.append(lines[index])
            index += 1
            continue
        start = index + (run or 1)
        header = _periods_by_rows(header, lines, index, start, run)
        result.append(Line(lines[index].no, "\t".join(header)))
        rows, index = _gather_by_layout(lines, index, start, header, run)
        result += rows
    return result


def _gather_by_layout(lines: list[Line], header_at: int, start: int, header: list[str], run: int) -> tuple[list[Line], int]:
    """The rows of the table laid out one cell per line whose header (``header``, ``run`` caption lines from
    ``lines[header_at]``, 0 for a header on one line) ends before ``lines[start]``, read by the first of ``_CELL_LAYOUTS``
    that applies: (tab-joined rows, index of the first line after the table)."""
    return next((layout.gather(lines, start, header, how) for layout in _CELL_LAYOUTS
                 if (how := layout.applies(lines, header_at, start, header, run))))


def _periods_by_rows(captions: list[str], lines: list[Line], header_at: int, start: int, run: int) -> list[str]:
    """The captions of a header laid out one cell per line with its periods in the place of the caption they stand
    under (``_periods_for_their_caption``) and its 序号 put back when lost (``_with_number_column``). A header holding
    both a time caption and a goal caption set period by period ("序号 | 试点任务 | 细化措施 | 工作绩效目标 | 责任单位 |
    配合单位 | 完成时限" then "一季度" … "四季度": the second row written after the first, so the periods follow either) does
    not say which one they stand under; the rows do: the goal's reading is taken when more of its rows put unit names
    (or nothing) in the unit columns and a time (or nothing) in the time column than the time caption's reading does
    (a row writing its four quarters empty, then its units, then ``2020``). Otherwise the time caption's (yearcols59).
    GOLD-README "tables68"."""
    by_time = _with_number_column(_periods_for_their_caption(captions), lines, start)
    by_goal = _with_number_column(_periods_for_their_caption(captions, goal_first=True), lines, start)
    if by_goal == by_time:
        return by_time
    return by_goal if _rows_fitting(by_goal, lines, header_at, start, run) > _rows_fitting(
        by_time, lines, header_at, start, run) else by_time


def _rows_fitting(header: list[str], lines: list[Line], header_at: int, start: int, run: int) -> int:
    """How many rows of the table under ``header`` (read as ``join_cell_lines`` reads it) hold in each unit column unit
    names or nothing, and in each time column a time or nothing, with at least one of those cells filled."""
    found = match_header(header)
    if found is None:
        return 0
    places = {place: field for field, place in found[0].items() if field in (LEAD_UNITS, SUPPORTING_UNITS, DEADLINE_FIELD)}
    fitting = 0
    for row in _gather_by_layout(lines, header_at, start, header, run)[0]:
        cells = row.text.split("\t")
        filled = [(cells[at].strip(), field) for at, field in places.items() if at < len(cells) and cells[at].strip()]
        if filled and all(is_deadline_clause(text) if field == DEADLINE_FIELD else is_unit_list(text)
                          for text, field in filled):
            fitting += 1
    return fitting


@dataclass(frozen=True)
class _CellLayout:
    """One way a table laid out one cell per line places its lines into the cells of its rows (``join_cell_lines``
    tries them in the order of ``_CELL_LAYOUTS``, the first that applies reads the table).

    ``applies(lines, header_at, start, header, run)``: a truthy value when the table whose header opens at
    ``lines[header_at]`` (``run`` caption lines, 0 for a header row on one line) and whose body starts at
    ``lines[start]`` is laid out this way, passed to ``gather`` (the lines a cell takes, or True); falsy otherwise.
    ``gather(lines, start, header, how)``: (tab-joined row lines, index of the first line after the table)."""
    name: str
    applies: Callable[[list[Line], int, int, list[str], int], object]
    gather: Callable[[list[Line], int, list[str], object], tuple[list[Line], int]]


#: The layouts of tables one cell per line, most particular first: empty cells as blank lines (a cell's place is its
#: line's distance from the row's first line), a 预期指标 table's pairs, a first column merged over its group's rows
#: (placed by content), and rows in order, opened by their 序号 or every header's width of lines.
_CELL_LAYOUTS: tuple[_CellLayout, ...] = (
    _CellLayout("blank_cells", lambda lines, at, start, header, run: _blank_cell_stride(lines, at, start, header),
                lambda lines, start, header, stride: _gather_blank_cell_rows(lines, start, header, stride)),
    _CellLayout("target_pairs", lambda lines, at, start, header, run: run == 2 and _is_target_header(header),
                lambda lines, start, header, how: _gather_target_pairs(lines, start)),
    _CellLayout("grouped_by_first_unit", lambda lines, at, start, header, run: _grouped_by_first_unit(header),
                lambda lines, start, header, how: _gather_grouped_cell_rows(lines, start, header)),
    _CellLayout("goal_bullets", lambda lines, at, start, header, run: _is_goal_table(lines, start, header),
                lambda lines, start, header, how: _gather_goal_rows(lines, start, header)),
    _CellLayout("numbered_names", lambda lines, at, start, header, run: _numbered_names(lines, start, header),
                lambda lines, start, header, how: _gather_numbered_name_rows(lines, start, header)),
    _CellLayout("rows_in_order", lambda lines, at, start, header, run: True,
                lambda lines, start, header, how: _gather_cell_rows(lines, start, header)),
)


# ---- An indicator table one cell per line whose names carry their numbers (branch kinds45) -------------------------
# "类别 | 指标名称 | 年度目标 | 完成情况 | 责任部门": no 序号 column, each name opening with its number ("1、地区生产总值增速"),
# the 类别 cell merged down its rows (written once, before its first row's name), a name or a figure wrapped onto a
# second line ("…占GDP" / "比重", "提升4个" / "百分点") and several units one per line.
_FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_NAME_NUMBER_RE = re.compile(r"^\s*([0-9０-９]{1,3})\s*[、.．]\s*\S")
# A category cell: a few words (2 to 20: "历史文化风貌区风貌保护街坊风貌保护道路"; stop 51), no figure, no stop.
_CATEGORY_RE = re.compile(rf"^{HAN_CLASS}{{2,20}}$")
# A line going on with the figure cell above it ("提升4个" / "百分点"): words only, short.
_FIGURE_WRAP_RE = re.compile(rf"^{HAN_CLASS}{{1,6}}$")
# How many lines below the header the first numbered name is looked for (a category cell before it).
_NAME_LOOKAHEAD = 2


def _name_number(text: str) -> int | None:
    """The number a 指标名称 cell opens with ("1、地区生产总值增速" -> 1), or None."""
    found = _NAME_NUMBER_RE.match(text)
    return int(found.group(1).translate(_FULL_DIGITS)) if found else None


def _numbered_names(lines: list[Line], start: int, header: list[str]) -> bool:
    """Is the table one cell per line whose header is ``header`` and body starts at ``lines[start]`` an indicator table
    whose 指标名称 cells carry the rows' numbers: no 序号 column, a category column first and the names second
    (``类别 | 指标名称 | … | 责任部门``), the first name ("1、…") within ``_NAME_LOOKAHEAD`` lines of the body's start?"""
    found = match_header(header)
    if not found or NUMBER in found[0] or len(header) < 3 or normalize_caption(header[0]) not in CATEGORY_CAPTIONS:
        return False
    if not any(field in found[0] for field in (LEAD_UNITS, SUPPORTING_UNITS)):
        return False
    return any(_name_number(line.text) == 1 for line in lines[start:start + _NAME_LOOKAHEAD])


def _gather_numbered_name_rows(lines: list[Line], start: int, header: list[str]) -> tuple[list[Line], int]:
    """The rows of an indicator table laid out one cell per line whose names carry the rows' numbers
    (``_numbered_names``): a row opens at the name numbered next ("1、", "2、", …); a category line just before it (a
    cell merged down its rows) is no cell of a row and no measure; a line of words after the name, before any figure,
    goes on with the name ("比重"), a short line of words after a figure goes on with that figure ("百分点"); lines
    naming units fill the unit column, one unit per line joined. The table ends at a line that fits none of these (a
    sentence, another table's captions). GOLD-README "kinds45". Linear: each line is looked at once or twice."""
    width = len(header)
    fields = match_header(header)[0]
    unit_at = min(place for field, place in fields.items() if field in (LEAD_UNITS, SUPPORTING_UNITS))
    rows: list[tuple[int, list[str], list[str]]] = []  # (line, [name, figure cells…], units)
    expected = 1
    index = start
    while index < len(lines):
        text = lines[index].text.strip()
        if _ends_cell_table(lines, index):
            break
        if _name_number(text) == expected:
            rows.append((lines[index].no, [text], []))
            expected += 1
        elif (_CATEGORY_RE.match(text) and not is_unit_list(text) and index + 1 < len(lines)
              and _name_number(lines[index + 1].text) == expected):
            pass  # the category cell before its first row: no cell, no measure
        elif not rows:
            break
        elif is_unit_list(text):
            rows[-1][2].append(text)
        elif rows[-1][2]:
            break  # words after the row's units that open no row: the table has ended
        elif _CATEGORY_RE.match(text) and len(rows[-1][1]) == 1:
            rows[-1][1][0] += text  # the name wrapped onto a second line
        elif _FIGURE_WRAP_RE.match(text) and len(rows[-1][1]) > 1:
            rows[-1][1][-1] += text  # a figure wrapped onto a second line
        elif len(rows[-1][1]) < unit_at - 1 and len(text) <= _SECTION_ROW_CHARS:
            rows[-1][1].append(text)
        else:
            break
        index += 1
    if not rows:
        return _gather_cell_rows(lines, start, header)  # no such table after all: read as before
    result = []
    for no, cells, units in rows:
        row = [""] + cells[:unit_at - 1]
        row += [""] * (unit_at - len(row)) + ["、".join(units)]
        result.append(_tab_row(no, row, width))
    return result, index


# Rows looked at below a header laid out one cell per line for an empty cell written as blank lines.
_BLANK_CELL_ROWS = 3


def _blank_cell_stride(lines: list[Line], header_start: int, start: int, header: list[str]) -> int:
    """How many lines a cell takes (1, or 2 with a blank line after each cell) in a table laid out one cell per line
    from ``lines[header_start]`` (its header's caption lines, or its header row on one line, up to ``start``) whose
    EMPTY cells are blank lines (a page copied cell by cell, an empty cell an empty line: "…" / "" / "" / "(一)"), or 0
    when it is no such table. Its captions follow one another (or a blank line after each: ``_cell_stride``; a header
    on one line says nothing), it has a 序号 column, and within its first rows two empty cells or more follow one another
    (a group row's, a row's empty leader and remark cells). ``Line.no`` keeps the blank lines the cleaning dropped."""
    captions = lines[header_start:start]
    stride = _cell_stride(captions) if len(captions) > 1 else 1
    found = match_header(header)
    if not stride or found is None or NUMBER not in found[0] or start >= len(lines):
        return 0
    body = lines[start:start + len(header) * _BLANK_CELL_ROWS]
    blank = any(b.no - a.no > 2 * stride and "\t" not in a.text and "\t" not in b.text for a, b in zip(body, body[1:]))
    return stride if blank else 0


def _cell_stride(captions: list[Line]) -> int:
    """How many lines a cell takes in a table copied one cell per line, read from its caption lines: 1 when they follow
    one another, 2 when a blank line stands after each cell (a page's paragraph spacing); 0 when they do neither."""
    steps = {b.no - a.no for a, b in zip(captions, captions[1:])}
    return steps.pop() if len(captions) >= 3 and len(steps) == 1 and steps <= {1, 2} else 0


def _opens_blank_celled_row(text: str) -> bool:
    """Does a line of a table whose empty cells are blank lines open a row: a 序号 alone ("3", "(一)", "二、", "二")?"""
    token = match_number(text)
    return (_lone_number(text) is not None or _is_bare_cn_number(text)
            or (token is not None and not text[token.end:].strip()))


def _group_heading_cells(text: str) -> list[str] | None:
    """A group row's 序号 and heading written in one cell ("(一)加快科技平台建设", "二、扩大内需"), as two cells, or None:
    a number of a heading's style (not figures, which a task cell may open with), a short heading, no sentence."""
    token = match_number(text)
    if (token is None or token.style == "arabic" or _BARE_NUMBER_RE.match(token.key) or not text[token.end:].strip()
            or len(text) > _SECTION_ROW_CHARS or re.search(r"[。；;]", text)):
        return None
    return [text[:token.end].strip(), text[token.end:].strip()]


def _row_follows(lines: list[Line], index: int, width: int) -> bool:
    """Does a row open (a 序号 alone, a group's number and heading) within the ``width`` lines after ``lines[index]``?
    A row of a blank-celled table without 序号 is a group row over rows of their own; a line after the table is none."""
    return any(_opens_blank_celled_row(line.text.strip()) or _group_heading_cells(line.text.strip()) is not None
               for line in lines[index + 1:index + 1 + width])


def _gather_blank_cell_rows(lines: list[Line], start: int, header: list[str], stride: int = 1) -> tuple[list[Line], int]:
    """The rows of a table laid out one cell per line whose empty cells are blank lines (``_blank_cell_stride``), from
    ``lines[start]``: (tab-joined rows, index of the first line after the table). Each blank line between two
    cells is an empty cell, so a cell's place in its row is its line's distance from the row's first line: a
    leader's column left empty keeps the units in their columns. A row opens at its 序号 alone on a line
    (``_opens_blank_celled_row``), or where the row before has all its cells: a row of one sentence then (a
    group row whose 序号 is empty, merged across the table or not) has its text in the task column. The table
    ends at a tab row, another header, the page's tools, or a run of blank lines longer than a row."""
    width = len(header)
    found = match_header(header)
    task_at = found[0].get(TASK, 1) if found else 1
    rows: list[tuple[int, list[str]]] = []
    index = start
    previous_no = None
    while index < len(lines):
        line = lines[index]
        text = line.text.strip()
        if _ends_cell_table(lines, index):
            break
        gap = 0 if previous_no is None else (line.no - previous_no - stride) // stride  # empty cells between
        if previous_no is not None and gap > width:
            break  # more blank lines than a row has cells: the table ended
        current = rows[-1][1] if rows else None
        heading = _group_heading_cells(text) if current is None or len(current) + gap > task_at else None
        # a bare year where the open row still has cells to fill ("2020" in its 完成时限 column) is that cell, no 序号
        year_cell = current is not None and len(current) + gap < width and bool(_BARE_YEAR_CELL_RE.fullmatch(text))
        if heading is not None:
            rows.append((line.no, heading))  # "(一)加快…": a group row's 序号 and heading written in one cell
        elif current is not None and (year_cell or not _opens_blank_celled_row(text)) and len(current) + gap < width:
            current.extend([""] * gap + [text])
        else:
            if current is not None and len(current) + gap <= width:
                current.extend([""] * gap)  # the row's last cells were empty: blank lines before the next row
            if not _opens_blank_celled_row(text) and not _row_follows(lines, index, width):
                break  # a line after the table ("抄送：…"): no group row without a row of its own below it
            cells = [text]
            if not _opens_blank_celled_row(text):
                # a row without 序号: its first cells were empty (the blank lines past the row before), or it is
                # merged across the table; its text goes in the task column at least
                before = len(current) + gap - width if current is not None else 0
                cells = [""] * max(before, task_at) + [text]
            rows.append((line.no, cells))
        previous_no = line.no
        index += 1
    fields = found[0] if found else {}
    return [_tab_row(no, _with_merged_title(cells, fields, width), width) for no, cells in rows], index


# A bare year written alone in a cell ("2020"): a time cell, never a row's 序号.
_BARE_YEAR_CELL_RE = re.compile(r"(?:19|20)\d{2}")


def _with_merged_title(cells: list[str], fields: dict[str, int], width: int) -> list[str]:
    """The cells of a numbered row of a table laid out one cell per line whose empty cells are blank lines, with an
    empty cell put back in its title column when that column's cell is merged down from the row above (``序号 | 试点任务
    | 细化措施 | …``: the 试点任务 written once, on the first of its rows; a merged cell has no line at all in the copy, not
    even a blank one). The row is then one cell short of ``width``, and only with the title's cell put back do its unit
    columns hold unit names (or its time column a time). Other rows are returned unchanged. GOLD-README "tables68"."""
    number_at, heading_at, task_at = fields.get(NUMBER), fields.get(HEADING), fields.get(TASK)
    if (number_at is None or heading_at != number_at + 1 or task_at != heading_at + 1 or len(cells) != width - 1
            or len(cells) <= number_at or _lone_number(cells[number_at]) is None):
        return cells
    shifted = cells[:heading_at] + [""] + cells[heading_at:]

    def fits(row: list[str]) -> int:
        count = 0
        for field in (LEAD_UNITS, SUPPORTING_UNITS, DEADLINE_FIELD):
            at = fields.get(field)
            text = row[at].strip() if at is not None and at < len(row) else ""
            if text and (is_deadline_clause(text) if field == DEADLINE_FIELD else is_unit_list(text)):
                count += 1
        return count

    return shifted if fits(shifted) > fits(cells) else cells


def _grouped_caption_run(lines: list[Line], start: int, run: int) -> int:
    """The caption run ``run`` lines long from ``start`` cut after its last known caption when those captions are a header
    whose first column is a lead merged over its group's rows (``_grouped_by_first_unit``): the short lines after it are
    the first group's lead, wrapped a character or two a line ("市发" / "改委") or whole ("县农业农村局"), no captions of
    the table."""
    texts = [line.text for line in lines[start:start + run]]
    known = [at for at, text in enumerate(texts) if match_caption(text, sub_caption=True) is not None]
    if not known or known[-1] + 1 == run or known[-1] < 2:
        return run
    head = _join_wrapped_captions(texts[:known[-1] + 1])
    if _grouped_by_first_unit(head) and all(_is_wrap_piece(text) or is_unit_list(text) for text in texts[known[-1] + 1:]):
        return known[-1] + 1
    return run


def _grouped_by_first_unit(header: list[str]) -> bool:
    """Is ``header`` (captions of a table laid out one cell per line) one whose first column is a unit column before the
    task, without 序号, every column after the task a unit or time column ("牵头单位" / "目标任务" / "责任单位"): a lead
    merged over its group's rows, written once (``_gather_grouped_cell_rows``)?"""
    found = match_header(header)
    if found is None:
        return False
    fields = found[0]
    by_place = {place: field for field, place in fields.items()}
    return (NUMBER not in fields and by_place.get(0) in (LEAD_UNITS, SUPPORTING_UNITS) and fields.get(TASK) == 1
            and all(by_place.get(at) in (LEAD_UNITS, SUPPORTING_UNITS, DEADLINE_FIELD) for at in range(2, len(header))))


def _gather_grouped_cell_rows(lines: list[Line], start: int, header: list[str]) -> tuple[list[Line], int]:
    """The rows of a table laid out one cell per line whose first column is a lead merged over its group's rows
    (``_grouped_by_first_unit``), as tab rows, and the index of the first line after the table: the lead's lines (a
    unit's name, whole or wrapped a character or two a line, ``join_cell_pieces``) open a group; each task line opens a
    row of it, the lines after it filling the unit and time columns in order where they fit (an empty cell has no
    line); a task wrapped over lines is one cell. A row of a later group writes its group's lead first, the rows of the
    same group leave it empty (``carry_merged_unit`` gives it to them). The table ends where ``_gather_cell_rows``'s
    tables end: a tab row, another header, a section row or the page's tools."""
    width = len(header)
    fields = match_header(header)[0]
    kinds = {place: ("deadline" if field == DEADLINE_FIELD else "unit") for field, place in fields.items() if place >= 2}
    rows: list[tuple[int, list[str]]] = []
    lead: list[str] = []
    expected: int | None = None  # the number the next numbered task awaits
    index = start
    while index < len(lines):
        text = lines[index].text.strip()
        if _ends_cell_table(lines, index) or _is_section_row(text) or not _numbered_task_line(text, expected, bool(lead)):
            break
        if _PAGE_MARK_RE.match(text):
            index += 1
            continue
        if is_unit_list(text) or _is_wrap_piece(text):
            lead.append(text)  # the next group's lead (whole, or a piece of its wrapped name)
            index += 1
            continue
        token = match_number(text)
        expected = None if token is None else token.ordinal + 1
        cells = [join_cell_pieces(lead) if lead else ""] + [text] + [""] * (width - 2)
        lead = []
        index += 1
        column = 2
        while index < len(lines) and column < width:
            following = lines[index].text.strip()
            if ("\t" in following or _caption_run(lines, index) or _is_section_row(following)
                    or _wrapped_lead_ahead(lines, index)):
                break
            fits = is_deadline_clause(following) if kinds.get(column) == "deadline" else is_unit_list(following)
            if fits:
                cells[column] = following
                index += 1
                column += 1
            elif column == 2 and not is_unit_list(following) and not is_deadline_clause(following) and not any(
                    kinds.get(at) == "deadline" and is_deadline_clause(following) for at in range(2, width)):
                cells[1] += following  # the task cell wrapped over lines
                index += 1
            elif any(kinds.get(at) == "deadline" for at in range(column, width)) and is_deadline_clause(following):
                column += 1  # an empty unit cell before the time
            else:
                break
        rows.append((lines[index - 1].no, cells))
    if lead or not rows:
        return _gather_cell_rows(lines, start, header)  # no such table after all: read as before
    return [_tab_row(no, cells, width) for no, cells in rows], index


def _wrapped_lead_ahead(lines: list[Line], index: int) -> bool:
    """Do ``lines[index]`` and the lines after it hold the next group's lead wrapped in its narrow column ("县司" /
    "法局", ``is_narrow_wrap``), then that group's first task? In a table laid out one cell per line whose first column
    is such a lead (``_gather_grouped_cell_rows``), those pieces are no unit cell of the row above (a row leaving its
    责任单位 empty has no line for it), though a piece may read as a unit ("县司")."""
    pieces: list[str] = []
    at = index
    while at < len(lines) and len(pieces) <= _MAX_WRAPPED_LINES and _is_wrap_piece(lines[at].text):
        pieces.append(lines[at].text.strip())
        at += 1
    if at >= len(lines) or not is_narrow_wrap(pieces):
        return False
    following = lines[at].text.strip()
    return not is_unit_list(following) and not is_deadline_clause(following) and _numbered_task_line(following, None, True)


def _numbered_task_line(text: str, expected: int | None, group_opened: bool) -> bool:
    """Could ``text``, a line of a table laid out one cell per line whose first column is a lead merged over its group's
    rows (``_gather_grouped_cell_rows``), be a row's task cell? Any line that numbers nothing can; a numbered one only
    when its number is in figures with words after it ("1.深化政务公开…", the task cell's own number, kept as the row's
    token as the tab reader keeps it) and it is the number awaited: ``expected`` (the last numbered task's plus one),
    or 1 under a group's lead just written (``group_opened``: numbering restarts by group), or any number for the first
    task. "二、…", a number alone, or a list after the table ("1.本表…" where 6 is awaited) ends the table
    (GOLD-README "tables31")."""
    token = match_number(text)
    if token is None:
        return True
    if not _ARABIC_NUMBER_RE.match(text) or _lone_number(text) is not None or not text[token.end:].strip():
        return False
    return expected is None or token.ordinal == expected or (group_opened and token.ordinal == 1)


def _period_line(text: str) -> list[str]:
    """The periods of a line that holds only periods cut by blanks, two at least ("2024年 2025年 2026年", "一季度  二季度
    三季度  四季度": a header's columns of periods run together on one line by the copy); [] for any other line."""
    parts = text.split()
    return parts if len(parts) >= 2 and all(PERIOD_SUB_CAPTION_RE.fullmatch(part) for part in parts) else []


def _periods_for_their_caption(captions: list[str], goal_first: bool = False) -> list[str]:
    """The captions of a header laid out one cell per line whose caption spans one column per period (a two-row header
    flattened: "完成时限" then "2024年" / "2025年" / "2026年"; "时间节点" then "一季度" … "四季度"; or, the top row written
    whole before the second, "完成时限" / "牵头单位" / "配合单位" then the periods), with the periods in the caption's place:
    each row writes one cell per period and none for the caption, as under a header of two rows (``_period_columns``).
    The periods are two or more, right after the caption or closing the header; other headers are returned unchanged.
    ``goal_first``: the periods stand under the header's goal caption rather than its time caption (``_period_caption_at``).
    GOLD-README "yearcols59"."""
    at = _period_caption_at(captions, goal_first)
    if at is None:
        return captions
    after = at + 1
    while after < len(captions) and PERIOD_SUB_CAPTION_RE.fullmatch(captions[after].strip()):
        after += 1
    if after - at - 1 >= 2:
        return captions[:at] + captions[at + 1:]  # the periods right after their caption
    first = len(captions)
    while first > at + 1 and PERIOD_SUB_CAPTION_RE.fullmatch(captions[first - 1].strip()):
        first -= 1
    if len(captions) - first >= 2 and not any(PERIOD_SUB_CAPTION_RE.fullmatch(c.strip()) for c in captions[:first]):
        return captions[:at] + captions[first:] + captions[at + 1:first]  # the second row's periods after the first row
    return captions


def _join_wrapped_captions(captions: list[str]) -> list[str]:
    """The captions of a header laid out one cell per line, where a caption wrapped in its narrow cell
    ("序" / "号", "完成" / "时限", "责任" / "单位": a PDF's or a page's header copied as text) is one caption
    again: two lines join when together they are a known caption and one of them is none alone (a
    short form such as 责任 or 时限 is no caption alone here)."""
    result: list[str] = []
    for text in captions:
        if result and not any(PERIOD_SUB_CAPTION_RE.fullmatch(part.strip()) for part in (result[-1], text)):
            # a period alone ("2026年" before "牵头单位") is a column of its own, never a piece of a wrapped caption
            joined = normalize_caption(result[-1]) + normalize_caption(text)
            alone = [match_caption(part) is not None for part in (result[-1], text)]
            if match_caption(joined) is not None and not all(alone):
                result[-1] = joined
                continue
        result.append(text)
    return result


def _opens_cell_rows(lines: list[Line], start: int) -> bool:
    """Do the lines from ``start`` open rows laid out one cell per line: a row's 序号 alone on its
    line (after a group row, "一、…", at most), then a line of its cells that is no row of cells?"""
    at = start
    if at < len(lines) and _is_section_row(lines[at].text):
        at += 1  # a group row first ("一、…")
    if at + 1 >= len(lines) or _lone_number(lines[at].text) is None:
        return False
    following = lines[at + 1].text
    return "\t" not in following and _lone_number(following) is None and _cells(following) is None


def _one_line_header(lines: list[Line], index: int) -> list[str] | None:
    """The captions of a task-table header written on one line (cut by tabs, pipes or spaces) whose
    rows follow one cell per line ("序号\t重点工作任务\t牵头部门\t责任部门" then "1", the task, its units,
    …: a page's header row copied as one line, its body cells one per line), or None."""
    cells = _line_cells(lines[index].text, None, TABBED)
    if cells is None:
        return None
    cells = [c.strip() for c in cells]
    while cells and not cells[-1]:
        cells.pop()
    if _header_columns(cells) is None:
        return None
    if _opens_cell_rows(lines, index + 1) or _opens_unnumbered_cell_row(lines, index + 1, cells):
        return cells
    return None


def _opens_unnumbered_cell_row(lines: list[Line], start: int, header: list[str]) -> bool:
    """Do the lines from ``start`` open a row laid out one cell per line under ``header`` (captions placed by their
    columns, ``_placed_by_columns``): lines that are no rows of cells, filling the columns by what they hold
    (``_fits_by_kind``: "城区污水管网改造" / "改造…12公里。" / "2023" / "县住建局" under "项目名称 | 建设内容 | 建设时间 |
    责任单位", GOLD-README "tables31")?"""
    found = match_header(header)
    texts = [line.text for line in lines[start:start + len(header) + 1]]
    return (found is not None and _placed_by_columns(found[0], len(header)) and all(_cells(text) is None for text in texts)
            and _fits_by_kind(texts, found[0], len(header)))


def _with_number_column(header: list[str], lines: list[Line], start: int) -> list[str]:
    """``header`` (captions of a table laid out one cell per line) with a 序号 caption put first when it
    names none and the rows from ``start`` open with their number alone on a line ("1", the task, …):
    the 序号 caption was lost (an empty header cell, left out on paste), the numbers are the rows' 序号."""
    found = match_header(header)
    if found is None or NUMBER in found[0] or not _opens_cell_rows(lines, start):
        return header
    return [NUMBER] + header


def _is_sub_header(cells: list[str]) -> bool:
    """The second row of a two-row header: only captions (牵头单位, 配合单位, 牵头, 配合) and empty
    cells, at least one caption."""
    filled = [c.strip() for c in cells if c.strip()]
    return bool(filled) and all(match_caption(c, sub_caption=True) is not None for c in filled)


#: Key prefix of a time column named by its period in a header of two rows.
_PERIOD = "period:"


def _is_period_sub_header(cells: list[str]) -> bool:
    """The second row of a header whose time caption spans periods: only periods and empty cells,
    two periods at least ("", "", "", "", "2023年", "2024年", "2025年")."""
    filled = [c.strip() for c in cells if c.strip()]
    periods = [c for c in filled if PERIOD_SUB_CAPTION_RE.fullmatch(c)]
    return len(periods) >= 2 and all(c in periods or match_caption(c, sub_caption=True) for c in filled)


def _period_caption_at(captions: list[str], goal_first: bool = False) -> int | None:
    """Where the caption spanning one column per period stands among a header's ``captions``: its time caption
    (完成时限, 时间节点, 进度安排, …), else a caption of goals or plans set period by period (年度目标, 分年度目标, 季度计划:
    ``PERIOD_SPAN_CAPTIONS``, wave 28's 年度目标 over years); None when there is neither. With ``goal_first`` a goal
    caption, a performance goal's too (``PERIOD_GOAL_CAPTIONS``), is looked for first (a header holding both, "工作绩效目标"
    … "完成时限" then "一季度" … "四季度": the rows tell which one the periods stand under, ``_periods_by_rows``; a Word
    row's periods stand under theirs, ``_period_columns``; GOLD-README "tables68")."""
    time_at = next((i for i, cell in enumerate(captions)
                    if (found := match_caption(cell, sub_caption=True)) and found[0] == DEADLINE_FIELD), None)
    if goal_first:
        goal_at = next((i for i, cell in enumerate(captions)
                        if normalize_caption(cell) in PERIOD_SPAN_CAPTIONS | PERIOD_GOAL_CAPTIONS), None)
        return goal_at if goal_at is not None else time_at
    if time_at is not None:
        return time_at
    return next((i for i, cell in enumerate(captions) if normalize_caption(cell) in PERIOD_SPAN_CAPTIONS), None)


def _period_columns(top: list[str], sub: list[str]) -> dict[str, int] | None:
    """The columns of a header whose time caption (完成时限, 时间节点, …) spans one column per
    period in its second row (a Word table reads the spanned columns as empty cells after the
    caption). The periods take the caption's place and the columns after it; each period column
    is kept as ``_PERIOD`` + its caption, and the time column itself is dropped: a row's time is
    the period of its last filled period cell (``_row_lines``). None when the top row has no time
    caption."""
    top = [c.strip() for c in top]
    sub = [c.strip() for c in sub]
    at = _period_caption_at(top)
    if at is None:
        return None
    first = next(i for i, s in enumerate(sub) if PERIOD_SUB_CAPTION_RE.fullmatch(s))
    if len(sub) >= len(top) and first != at and first < len(top) and _period_caption_at([top[first]], goal_first=True) == 0:
        # a Word row's periods stand under the caption over them, the goal's ("工作绩效目标" over "一季度" … "四季度") beside a
        # time caption of its own ("完成时限", the row's time): that caption spans them (GOLD-README "tables68")
        at = first
    # the caption's span: empty cells after it, lost at the line's end, or lost between runs of blanks (the caption after
    # it names a column of its own, a unit or a person: "完成时限            牵头单位" over four quarters, the span's
    # empty cells one longer run; a caption the vocabulary does not name, "2025年推进计划", may be the periods' own)
    after = match_caption(top[at + 1], sub_caption=True) if at + 1 < len(top) and top[at + 1] else None
    spans = at + 1 >= len(top) or not top[at + 1] or (after is not None and after[0] != DEADLINE_FIELD)
    if len(sub) >= len(top) and (first >= at or not spans):  # a Word row: every cell in its place (merged captions read again);
        top = top + [""] * (len(sub) - len(top))  # the span's empty cells, lost at the line's end
        combined = [s if PERIOD_SUB_CAPTION_RE.fullmatch(s) else t for t, s in zip(top, sub)]
        places = [i for i, s in enumerate(sub) if PERIOD_SUB_CAPTION_RE.fullmatch(s)]
    else:  # pasted: the leading empty cells were lost (the top's trailing ones too), the periods sit under the caption
        periods = [c for c in sub if PERIOD_SUB_CAPTION_RE.fullmatch(c)]
        end = at + 1
        while end < len(top) and not top[end] and end - at < len(periods):
            end += 1  # the empty cells of the caption's span
        combined = top[:at] + periods + top[end:]
        places = list(range(at, at + len(periods)))
    columns = _header_columns(combined)
    if columns is None:
        return None
    for place in places:
        columns[_PERIOD + combined[place]] = place - columns["width"]
    return columns


def _combine_header(top: list[str], sub: list[str]) -> list[str]:
    """One header row from two: the sub-captions take the place of the top cell they sit under
    ("序号 | 重点任务 | 责任单位 | 完成时限" over "牵头单位 | 配合单位" -> 序号, 重点任务, 牵头单位,
    配合单位, 完成时限). Leading blank cells are lost when a line is cleaned, so the place is found
    by meaning: the top unit caption (责任单位) spanning unit sub-captions, with the blank cells
    that follow it (the span written out); failing that, position by position."""
    top = [c.strip() for c in top]
    subs = [c.strip() for c in sub if c.strip()]
    fields = {match_caption(c, sub_caption=True)[0] for c in subs}
    if fields <= {LEAD_UNITS, SUPPORTING_UNITS}:
        for index, cell in enumerate(top):
            found = match_caption(cell, sub_caption=True)
            if found and found[0] == LEAD_UNITS:
                end = index + 1
                while end < len(top) and not top[end] and end - index < len(subs):
                    end += 1
                return top[:index] + subs + top[end:]
    return [s.strip() or (top[i] if i < len(top) else "") for i, s in enumerate(sub)]


def _spanned_header(top: list[str], sub: list[str]) -> list[str] | None:
    """One header row from two when the second names the columns under several spanning captions, the unit caption's
    among them ("序号 | 实事项目 | 截至6月底 |  | 责任单位 |" over "完成投资 | 形象进度 | 牵头 | 配合": a 主要任务落实表 whose
    units stand right of its money and progress columns): each top caption followed by empty cells (its span, the last
    one's lost at the line's end) gives its place to the sub-captions under it, in order; the other captions stay. Leading
    blank cells of a pasted line are lost, so the filled sub-captions are placed by the spans, not by position. None when
    the second row names no unit column (牵头, 配合单位 …), repeats a caption of the first (a Word row reading its merged
    cells again, every cell in its place: ``_combine_header``), or its captions do not fill the spans exactly
    (GOLD-README "units31")."""
    top = [c.strip() for c in top]
    subs = [c.strip() for c in sub if c.strip()]
    if not any((found := match_caption(c, sub_caption=True)) and found[0] in (LEAD_UNITS, SUPPORTING_UNITS)
               for c in subs) or set(subs) & set(top):
        return None  # no unit column named; or a Word row reading the merged captions again (序号, 目标任务): in place
    spans: dict[int, int] = {}
    index = 0
    while index < len(top):
        end = index + 1
        while end < len(top) and not top[end]:
            end += 1
        if top[index] and end - index > 1:
            spans[index] = end - index
        index = end
    missing = len(subs) - sum(spans.values())
    if missing > 0 and top and top[-1] and len(top) - 1 not in spans:
        spans[len(top) - 1] = missing  # the last caption's span, its empty cells lost at the line's end
    elif missing > 0 and spans and max(spans) + spans[max(spans)] == len(top):
        spans[max(spans)] += missing  # the last span's trailing empty cells lost
    if sum(spans.values()) != len(subs):
        return None
    combined, taken, index = [], 0, 0
    while index < len(top):
        width = spans.get(index)
        if width:
            combined += subs[taken:taken + width]
            taken += width
            index += width
        else:
            combined.append(top[index])
            index += 1
    return combined


# Page furniture between the rows of a table copied from a printed or PDF document: a page's
# number ("- 3 -", "— 3 —", "第3页 共5页", "3") or the mark of a table going on ("续表", "（续）").
_PAGE_MARK_RE = re.compile(r"^(?:[-－—–\s]*[0-9]{1,3}[-－—–\s]*|第\s*[0-9]{1,3}\s*页(?:\s*[，,/]?\s*共\s*[0-9]{1,3}\s*页)?"
                           r"|[（(]?续表?[)）]?|续表[0-9]*)$")

#: Opening of the parser's warning for a task table whose header was read but no row under it.
EMPTY_TABLE_WARNING = "任务表格没有读出任务行"


def empty_table_warning(header_line: int) -> str:
    """The warning for the task table whose header is on line ``header_line`` and has no row read
    under it (services/plans/drafts.py refuses a draft with it and no measure, without telling
    the user to number the plan in Word: a table has its 序号 column)."""
    return (f"{EMPTY_TABLE_WARNING}：第 {header_line} 行是任务表格的表头（序号、任务、牵头单位等列），"
            "但表头下没有写有任务内容的行，请检查表格是否完整。")


def _adopt_heading(result: list[Line], above: int | None, first_row: int, section: str) -> None:
    """Make the section line ``result[above]`` (just above a table's header) the first line of the
    table's tree when the table's first section row ``section`` continues it ("一、经济发展" above,
    "二、社会事业" inside: one list). A table whose section rows start afresh ("一、" above and
    "一、" inside, 芜湖 2025) keeps its own tree (CONTRACTS §1)."""
    if above is None or first_row >= len(result):
        return
    before, inside = match_number(result[above].text), match_number(section)
    if before is None or inside is None or before.style != inside.style or inside.ordinal != before.ordinal + 1:
        return
    head = result[above]
    result[above] = Line(head.no, head.text, starts_table=True)
    row = result[first_row]
    result[first_row] = Line(row.no, row.text, starts_table=False)


def _celled_after(lines: list[Line]) -> list[bool]:
    """For each index of ``lines``, whether a later line holds a tab or a pipe (a cell of a tabbed or piped row): one
    pass from the end. A section line of a tabbed table after which no such line comes ("二、工作要求" after the
    table under "一、专项整治安排表", then the plan's own "(一)…" paragraphs) groups none of the table's rows: the heading
    above the header is not the table's first line (``_adopt_heading``), and the line starts a tree of its own (CONTRACTS
    §1: the table's tree is its own; branch fresh44, 883)."""
    flags = [False] * len(lines)
    seen = False
    for index in range(len(lines) - 1, -1, -1):
        flags[index] = seen
        seen = seen or "\t" in lines[index].text or bool(_PIPE_RE.search(lines[index].text))
    return flags


def _heads_next_table(lines: list[Line], index: int) -> bool:
    """Is ``lines[index]`` (a section line after a table's rows) the heading of the next table, its
    next line a task-table header ("二、2021年重点工作…" then "序号 | 重点工作任务 | 责任单位")? Then it
    ends the table above instead of being one of its section rows (each table numbers its own tree,
    CONTRACTS §1)."""
    if index + 1 >= len(lines):
        return False
    cells = _line_cells(lines[index + 1].text, None, TABBED)
    return cells is not None and _header_columns(cells) is not None


#: Opening of the warning for a table row that names units or a deadline but no task.
ROW_WITHOUT_TASK_WARNING = "任务表格中有一行没有任务内容"


def _row_caption_line(text: str) -> bool:
    """Is ``text``, a line without cells between a table's rows, a caption line that says something of the row above
    ("责任单位：省发展改革委、省统计局", "完成时限：2012年底前", "责任领导：张三", "（省发改委牵头）": ``annotations.annotation_line``,
    read and legible)? A Word 分工表 writes the 责任单位 of a task on a row of its own, merged across the table or in
    the task cell alone; copied as text, the row loses its empty cells' tabs."""
    found = annotation_line(text)
    return found is not None and found.read and not found.unreadable


#: Opening of the warning for a table row laid out one cell per line whose lines could not be placed in its columns.
UNPLACED_ROW_WARNING = "任务表格中有一行无法对应到表头各列"


def _unplaced_row(line_no: int) -> str:
    return (f"{UNPLACED_ROW_WARNING}：第 {line_no} 行起的这一行写有的文字行多于表头的文字列（或时限多于时限列），分不清各属哪一列，"
            "这一行未读取；请核对该行是否有单元格缺失、拆行或多出，改正后重新上传，或把它作为任务手工添加。")


def _row_without_task(line_no: int) -> str:
    return (f"{ROW_WITHOUT_TASK_WARNING}：第 {line_no} 行写有单位或时限，但任务一栏是空的，这一行未读取；"
            "请核对表格是否有合并单元格或错位。")


def _numeral_group_row(cells: list[str], columns: dict[str, int]) -> str | None:
    """The group heading a row writes in its 序号 and task cells when the 序号 is a bare Chinese numeral and the
    row names no unit and no time ("四 | 卢山副省长牵头重点工作 | |": a Word table's group row, its numeral without
    、), as "四、卢山副省长牵头重点工作"; None for any other row. Such a row is a section row of the table like
    one merged across it (``_is_section_row``): it may start the table's tree (``_restarts_tree``) or continue a
    heading above the header (``_adopt_heading``). GOLD-README "Task tables, round 6"."""
    if "number" not in columns:
        return None
    fitted = _fit(cells, columns)
    number, task = strip_number_mark(_cell(fitted, columns, "number")), _cell(fitted, columns, "task")
    if not _is_bare_cn_number(number) or not task or any(
            _cell(fitted, columns, key) for key in columns if key in ANNOTATION_CAPTIONS):
        return None
    return f"{number.strip()}、{task}"


def _restarts_tree(sectioned: bool, tables: list[list[int]], above: int | None) -> bool:
    """Does the table's first section row ("四、…牵头重点工作"), met after rows of its own, start a
    tree of its own? The rows above it belong to a group the table does not show (an excerpt of a
    责任分解 starting at row 3): the section is no child of the last row. Not when a heading above the
    header opens the table's list (``_adopt_heading``)."""
    return not sectioned and bool(tables) and tables[-1][1] > 0 and above is None


# ---- A unit column merged over the rows of a group, as the table's first column ------------------------------------
# ("牵头单位 | 目标任务 | 责任单位": the lead written once on its group's first row, wrapped in its narrow column a
# character or two a line, "市发" / "改委", and left empty on the group's other rows). GOLD-README "Task tables, round 10".

#: Key of a table reading's ``state`` holding the merged first column's value carried over its group's rows.
_CARRIED = "carried_unit"
_GROUP_TITLE = "group_title"  # a group row without 序号 above the next row: that row's title


def merged_unit_column(columns: dict[str, int]) -> str | None:
    """The caption of the table's first column when it is a unit column written before the task column (a 牵头单位
    merged over the rows of each group: "牵头单位 | 目标任务 | 责任单位"), else None. Such a column groups the rows: a
    cell left empty there is the cell above it, merged (``carry_merged_unit``)."""
    width = columns.get("width", 0)
    for key, index in columns.items():
        if (key in ANNOTATION_CAPTIONS and ANNOTATION_CAPTIONS[key] in _UNIT_ROLES and index == -width
                and index < columns["task"]):
            return key
    return None


def _is_wrap_piece(text: str) -> bool:
    """A short line holding a piece of a cell a narrow column wrapped ("改委", "局"): no cells, no sentence mark."""
    text = text.strip()
    return 0 < len(text) <= _NARROW_PIECE_CHARS and not re.search(r"[。；;，,：:！？!?|｜\t\s]", text) and match_number(
        text) is None and _lone_number(text) is None


def _merged_cell_piece(text: str, columns: dict[str, int], layout: str) -> str | None:
    """The piece of the merged first cell that the line ``text`` holds, or None: a line of its own ("改委", its
    empty cells' tabs lost) or a row whose only filled cell is the first ("| 改委 | | |")."""
    cells = _line_cells(text, columns, layout)
    if cells is None:
        return text.strip() if _is_wrap_piece(text) else None
    filled = [c.strip() for c in cells if c.strip()]
    if len(filled) == 1 and cells[0].strip() == filled[0] and _is_wrap_piece(filled[0]):
        return filled[0]
    return None


def join_merged_unit_wrap(cells: list[str], lines: list[Line], index: int, columns: dict[str, int],
                          layout: str) -> tuple[list[str], int]:
    """``cells`` (a row read from ``lines[index]``) with the merged first unit cell made whole again when the lines
    after the row hold the rest of its name, wrapped in its narrow column ("市发" on the row, "改委" on the next line:
    ``is_narrow_wrap``), and the index of the row's last line. A piece may also stand in the first cell of a row below
    that writes its own task ("市政" / "府办" here, then "公厅 | 2.… | …": a text copy of the merged cell, whose lines
    fall beside the rows it spans, GOLD-README "tables31"): it goes on the name while it reads as the name's rest
    (``_continues_name``), and that row's first cell is emptied in ``lines``, the row being the merged cell's too
    (``carry_merged_unit`` gives it the whole name). Other rows come back as they are."""
    key = merged_unit_column(columns)
    if key is None or len(cells) < 2 or not cells[0].strip() or not cells[1].strip():
        return cells, index  # a row writes its lead and its task at least (a copy drops the empty cells after them)
    pieces = [cells[0].strip()]
    end = index
    on_rows: list[int] = []  # rows below whose first cell holds a piece of the name
    at = index + 1
    while at < len(lines) and len(pieces) <= _MAX_WRAPPED_LINES:
        piece = None if on_rows else _merged_cell_piece(lines[at].text, columns, layout)
        if piece is not None:
            end = at  # a line holding the piece only: a line of this row
        else:
            piece = _lead_piece_on_row(_line_cells(lines[at].text, columns, layout), pieces)
            if piece is None:
                break
            on_rows.append(at)
        pieces.append(piece)
        at += 1
    if len(pieces) == 1 or not is_narrow_wrap(pieces):
        return cells, index
    for row in on_rows:
        row_cells = _line_cells(lines[row].text, columns, layout)
        lines[row] = Line(lines[row].no, "\t".join([""] + row_cells[1:]))
    return [join_cell_pieces(pieces)] + list(cells[1:]), end


def _lead_piece_on_row(row: list[str] | None, pieces: list[str]) -> str | None:
    """The first cell of the row ``row`` (its cells, or None for a line that is no row) when it is a piece of the
    merged lead whose ``pieces`` were read above it (``join_merged_unit_wrap``): a short piece beside cells of the
    row's own, the name's rest (``_continues_name``) and the whole still one name wrapped at the column's width
    (``is_narrow_wrap``); else None."""
    if not row:
        return None
    piece = row[0].strip()
    if (not _is_wrap_piece(piece) or not any(c.strip() for c in row[1:])
            or not _continues_name(join_cell_pieces(pieces), piece) or not is_narrow_wrap(pieces + [piece])):
        return None
    return piece


def _continues_name(name: str, piece: str) -> bool:
    """Does the wrapped piece ``piece`` go on the merged lead ``name`` read so far ("市政府办" then "公厅"), rather than
    open the next group's lead ("市发")? It does while ``name`` names no unit yet, and after a unit's name when it opens
    with no level of its own (省, 市, 县, 各 …, where the next unit's name starts) and is too short for a name of its own
    (under three characters)."""
    if not is_unit_list(name):
        return True
    return not _UNIT_LEVEL_RE.match(piece) and len(piece) < 3


def merged_lead_above_rows(lines: list[Line], index: int, columns: dict[str, int], layout: str) -> tuple[str, int] | None:
    """The merged first unit cell (``merged_unit_column``) written on lines of its own above the rows of its group, and
    the index of its last line, or None: its name whole or wrapped ("县发改委"; "县" / "交" / "通" / "局"), each line
    holding no other cell ("| 县发改委 | | |" as well), then a row that leaves the column empty (its task and the cells
    after it: the merged cell's text stands at the top of its span). GOLD-README "Task tables, round 10"."""
    pieces: list[str] = []
    end = index
    while end < len(lines) and len(pieces) <= _MAX_WRAPPED_LINES:
        text = lines[end].text
        piece = _merged_cell_piece(text, columns, layout)
        if piece is None and _line_cells(text, columns, layout) is None and is_unit_list(text) and len(text) <= 30:
            piece = text.strip()
        if piece is None:
            break
        pieces.append(piece)
        end += 1
    if not pieces or end >= len(lines):
        return None
    name = join_cell_pieces(pieces)
    following = _line_cells(lines[end].text, columns, layout)
    key = merged_unit_column(columns)
    if not is_unit_list(name) or following is None or key is None:
        return None
    fitted = _fit(following, columns)
    if _cell(fitted, columns, key) or not _cell(fitted, columns, "task"):
        return None
    return name, end - 1


def _separated_cells(text: str, framed: bool | None = None) -> tuple[list[str], bool] | None:
    """The cells of ``text`` cut by tabs or pipes, and whether the pipes frame the row; None for other text. A
    row under an unframed header (``framed`` False) is cut at every pipe: "| | 位" holds the empty cells before 位."""
    if "\t" in text:
        return text.split("\t"), False
    if len(_PIPE_RE.findall(text)) < 2:
        return None
    if framed is None:
        framed = bool(_PIPE_ROW_RE.match(text.strip()))
    inner = text.strip()[1:-1] if framed and _PIPE_ROW_RE.match(text.strip()) else text.strip()
    return [cell.strip() for cell in _PIPE_SPLIT_RE.split(inner)], framed


def _known_captions(cells: list[str]) -> int:
    """How many of ``cells`` are whole captions (``match_caption``; a short form such as 牵头 or 时限 counts none)."""
    return sum(1 for cell in cells if cell.strip() and match_caption(cell) is not None)


def _closed_up_captions(cells: list[str], rests: list[str]) -> list[str] | None:
    """``cells`` (a header row) with ``rests`` (the row under it) closed up into their captions, or None when they are no
    wrapped captions (see ``join_wrapped_caption_rows``). The line's leading empty cells may be lost with its blanks
    ("\t\t位\t况" read "位\t况"): the rests are tried from each column, the first place where all fit is theirs."""
    if not rests or not any(rests) or len(rests) > len(cells) or any(len(r) > _NARROW_PIECE_CHARS + 2 for r in rests):
        return None
    for offset in range(len(cells) - len(rests) + 1):
        placed = [""] * offset + rests + [""] * (len(cells) - len(rests) - offset)
        if all(not rest or (cells[at].strip() and match_caption(
                normalize_caption(cells[at]) + normalize_caption(rest), sub_caption=True) is not None)
               for at, rest in enumerate(placed)):
            joined = [cell.strip() + placed[at] for at, cell in enumerate(cells)]
            if _header_columns(joined) is not None and _known_captions(joined) > _known_captions(cells):
                return joined
    return None


def join_wrapped_caption_rows(lines: list[Line]) -> list[Line]:
    """Close up a header row cut by tabs or pipes whose captions a narrow cell wrapped onto a second row of rests
    ("序号 | 重点工作 | 责任单 | 完成情" over "| | 位 | 况", "牵头单位" over "（部门）": a header copied as text, GOLD-README
    "kinds30"): the two rows become one, each rest closed up with the caption above it. They join only when every rest
    is short (a few characters), completes the caption above it into one of the vocabulary's captions, and the joined
    row is a task-table header knowing more columns than the first row alone; other lines pass unchanged. A rest on a
    line of its own, its empty cells lost, is ``join_wrapped_header``'s. Linear in the number of lines."""
    result: list[Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        top = _separated_cells(line.text)
        if top is not None and index + 1 < len(lines) and len(top[0]) >= 3:
            cells, framed = top
            under = _separated_cells(lines[index + 1].text, framed if "\t" not in line.text else None)
            joined = _closed_up_captions(cells, under[0] if under is not None else [])
            if joined is not None:
                text = ("\t".join(joined) if "\t" in line.text
                        else ("| " + " | ".join(joined) + " |") if framed else " | ".join(joined))
                result.append(Line(line.no, text))
                index += 2
                continue
        result.append(line)
        index += 1
    return result


def join_wrapped_header(cells: list[str], lines: list[Line], index: int, layout: str) -> tuple[list[str], int]:
    """A header row's ``cells`` with the rest of captions a narrow cell wrapped onto the next line ("牵头" / "单位": a
    line of its own, the empty cells' tabs lost, or a row holding the captions' rests), and the index of the header's
    last line. A rest joins the cell it completes into a known caption ("牵头" + "单位"), the first such cell from the
    left; lines that complete none are left to the table."""
    cells = list(cells)
    end = index
    while end + 1 < len(lines):
        text = lines[end + 1].text
        rests = _line_cells(text, None, layout) if ("\t" in text or _PIPE_RE.search(text)) else [text]
        if rests is None:
            break
        rests = [r.strip() for r in rests]
        if not any(rests) or any(len(r) > _NARROW_PIECE_CHARS for r in rests):
            break
        joined = list(cells)
        if len(rests) == 1:
            places = [next((at for at, cell in enumerate(cells) if cell.strip()
                            and match_caption(normalize_caption(cell) + rests[0]) is not None
                            and match_caption(cell) is None), None)]
            if places[0] is None:
                break
            joined[places[0]] = cells[places[0]].strip() + rests[0]
        else:
            if len(rests) > len(cells) or not all(
                    match_caption(normalize_caption(cells[at]) + rest) is not None for at, rest in enumerate(rests) if rest):
                break
            joined = [cell.strip() + (rests[at] if at < len(rests) else "") for at, cell in enumerate(cells)]
        if _header_columns(joined) is None:
            break
        cells, end = joined, end + 1
    return cells, end


def carry_merged_unit(cells: list[str], columns: dict[str, int], state: dict) -> list[str]:
    """``cells`` fitted to the header (``_fit``) with the merged first unit column's cell (``merged_unit_column``)
    filled from the group's first row when the row leaves it empty; a filled cell starts the next group. A section
    row of the table ends the group (``state`` loses the value). Other tables' rows come back fitted, unchanged."""
    cells = _fit(cells, columns)
    key = merged_unit_column(columns)
    if key is None or _is_section_cells(cells) or not _cell(cells, columns, "task"):
        return cells
    at = len(cells) + columns[key]
    if cells[at]:
        state[_CARRIED] = cells[at]
    elif state.get(_CARRIED):
        cells = cells[:at] + [state[_CARRIED]] + cells[at + 1:]
    return cells


#: Key of a table reading's ``state`` holding the last row read, fitted to the header (``merged_sub_row``).
_ABOVE = "row_above"


def merged_sub_row(cells: list[str], above: list[str] | None, columns: dict[str, int]) -> list[str]:
    """``cells`` read as a sub-row of the row ``above`` (fitted to the header, or None) when the row writes every
    cell but its first only, a text that is no number ("新增学位810个 | | | | |" under "1 | 新改扩建公办中小学校1所 |
    教体局 | …"): a page copied with its 序号 and other cells merged over two rows writes the second row's one cell
    first and leaves the merged ones empty. The text is the row's task; the merged cells are those of the row above
    (its 序号, units and time), as Word reads a merged cell on every row it spans, so the row is numbered under the
    merged 序号 (``continues_row``). A row of one cell (a group row spanning the table) and other rows come back as
    they are. GOLD-README "Task tables, round 10"."""
    if above is None or "number" not in columns or len(cells) < columns["width"]:
        return cells
    filled = [c.strip() for c in cells if c.strip()]
    first = cells[0].strip()
    if (len(filled) != 1 or first != filled[0] or match_number(first) is not None or _is_bare_number(first)
            or _is_bare_cn_number(first) or is_unit_list(first) or is_deadline_clause(first)
            or not _cell(above, columns, "number") or not _cell(above, columns, "task")):
        return cells
    row = list(above)
    row[len(row) + columns["task"]] = first
    return row


_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _circled_value(text: str) -> int | None:
    """The value of the circled number ``text`` opens with ("②铺设…" → 2), or None."""
    text = text.strip()
    return _CIRCLED.index(text[0]) + 1 if text and text[0] in _CIRCLED else None


def circled_sub_row(cells: list[str], above: list[str] | None, columns: dict[str, int]) -> list[str]:
    """``cells`` placed under the header when the row is a sub-item of the row ``above`` (fitted, or None) whose task
    cell a page merged its other cells over: the row opens with the circled number after the one ``above``'s task
    opens with ("②铺设…" under "57.务实… | ①… | 目标 | 领导 | 牵头单位 | …"), and writes fewer cells than the header,
    those merged over it not written: the title left of the task, and the unit columns after it with the leader's
    column right before them (a person's name in ``above``). Its cells go from the task column on, in order, into the
    columns not merged; the merged ones take ``above``'s cells (a merged cell is the same on each row it spans). Other
    rows come back as they are. GOLD-README "Task tables, branch blanktables" (wave 10's "a numbered title cell `57.`
    over ①②③")."""
    width = columns["width"]
    written = [c.strip() for c in cells]
    while written and not written[-1]:
        written.pop()  # the row's end pipe and its empty last cells: the header's columns say where they are
    value = _circled_value(written[0]) if written else None
    task_at = width + columns["task"]
    if (above is None or value is None or value < 2 or len(above) != width
            or _circled_value(_cell(above, columns, "task")) != value - 1 or task_at + len(written) >= width):
        return cells
    merged = sorted(width + index for key, index in columns.items()
                    if isinstance(index, int) and width + index > task_at and key in _unit_column_keys(columns))
    if not merged:
        return cells
    leader = merged[0] - 1  # "责任领导 | 牵头单位": the leader's cell, merged with the lead's
    if (leader > task_at and above[leader] and not is_unit_list(above[leader])
            and not drop_persons(above[leader], True).strip()):
        merged.insert(0, leader)
    free = [at for at in range(task_at, width) if at not in merged]
    if len(written) > len(free):
        return cells
    row = list(above)
    for at in free:
        row[at] = ""
    for at, text in zip(free, written):
        row[at] = text
    for at in range(task_at):
        row[at] = ""  # the merged title: the row above's, opened once
    return row


def numbered_title_row(cells: list[str], following: list[str] | None, columns: dict[str, int]) -> list[str]:
    """``cells`` (fitted) with the title cell joined to the task when the table has no 序号 column, the title (the
    cell left of the task: a 重点任务 column, or a caption of the office's own words, "清单任务") opens with the row's own
    number in figures ("58.实施老旧小区改造 | 改造小区12个 | …") and the task cell holds none: the row is one measure
    numbered as its title ("58"), its units its own; not when the row ``following`` (fitted, or None) leaves the title
    empty for a task of its own (the title a group's, merged over its rows). A task opening with its own number ("①…")
    stays under the title (the round 8 rule). GOLD-README "Task tables, branch blanktables"."""
    width = len(cells)
    title_at = width + columns["heading"] if "heading" in columns else width + columns["task"] - 1
    task_at = width + columns["task"]
    if "number" in columns or not 0 <= title_at < task_at:
        return cells
    title, task = cells[title_at], cells[task_at]
    if (match_number(title) is None or not _ARABIC_NUMBER_RE.match(title) or not task or match_number(task) is not None
            or _circled_value(task) is not None):
        return cells
    if following is not None and len(following) == width and not following[title_at] and following[task_at]:
        return cells
    row = list(cells)
    row[title_at] = ""
    row[task_at] = f"{title}{'' if title[-1] in '。：:；;' else '。'}{task}"
    return row


# A row of a table copied without its header: "1 | task | 县教育局 | progress | status |" (a 民生实事 progress page whose header
# is on the page before; fresh42, 781).
_HEADERLESS_ROW_RE = re.compile(r"^\s*(?P<number>[0-9]{1,3})\s*[|｜](?P<rest>.*[|｜].*)$")
_LONE_PIPE_RE = re.compile(r"^\s*[|｜]\s*$")


def cut_last_row_warning(line_no: int) -> str:
    """The Chinese warning for a table's last row that the end of the stored copy cut (no item is read from it)."""
    return f"文件在表格最后一行（第 {line_no} 行）中途结束，可能不完整：该行未读入，请核对原文后补录"


# Most characters of the piece a copy's end left of a unit's name ("发展改革" of "发展改革委").
_CUT_NAME_CHARS = 12
_CUT_NAME_RE = re.compile(rf"{HAN_CLASS}{{2,{_CUT_NAME_CHARS}}}")
_WROTE_UNITS = "wrote_units"  # state: every row read so far of a single-spaced table wrote its unit cells


def _unit_cut_by_copy_end(text: str, cells: list[str], columns: dict[str, int], state: dict) -> bool:
    """Is the single-spaced row ``text`` (its ``cells`` as ``_single_spaced_cells`` placed them), the last line of the
    file, cut inside its unit's name by the end of the stored copy? So when every row above it wrote its unit cells,
    this row's unit cells are empty and its last piece after a blank is a few Han characters naming no unit ("10
    中央预算内投资安排5000亿元 发展改革": the copy stops inside "发展改革委"). Such a row is no item: the parser reports
    it (GOLD-README "fresh42", 780). A row above that wrote no unit makes a table whose unit cells may be empty: the
    last row is read as it is."""
    pieces = text.split()
    return (bool(state.get(_WROTE_UNITS)) and len(pieces) >= 3
            and not any(_cell(cells, columns, key) for key in _unit_column_keys(columns))
            and bool(_CUT_NAME_RE.fullmatch(pieces[-1])) and not _is_unit_token(pieces[-1]))


def headerless_unit_rows(lines: list[Line], warnings: list[str] | None = None) -> list[Line]:
    """``lines`` with the rows of a pipe table copied without its header rewritten as items with their units: a run of two
    rows at least (lines holding a pipe alone between them are layout), each opening with a bare 序号 cell, with no line of
    pipes or tabs anywhere above the run (a header would be there, its section rows between), whose rows each hold a cell of unit names (``units.is_unit_list``) after
    the task cell, at the same place in every row: each row becomes "序号、task（责任单位：units）", the unit cell leading
    as a 责任单位 column alone does. The cells after the unit cell (a progress report, a status such as 按时序推进) are
    no part of the item: a report's dates are no deadline (GOLD-README "fresh42", kinds45). The run's last row, at the end
    of the file and not closed by a pipe as the others are, was cut by the end of the copy: no item, and ``warnings``
    (when given) says so. A run whose rows disagree, or any other line, is returned as it is. Linear in the number of
    lines."""
    result: list[Line] = []
    piped = False  # a line with a pipe or a tab was read above: a table's header may be there, its rows read under it
    index = 0
    while index < len(lines):
        line = lines[index]
        if piped or not _HEADERLESS_ROW_RE.match(line.text):
            result.append(line)
            piped = piped or bool(_PIPE_RE.search(line.text)) or "\t" in line.text
            index += 1
            continue
        run, end = [], index
        while end < len(lines) and (_LONE_PIPE_RE.match(lines[end].text) or _HEADERLESS_ROW_RE.match(lines[end].text)):
            if not _LONE_PIPE_RE.match(lines[end].text):
                run.append(end)
            end += 1
        rows = {at: [c.strip() for c in _PIPE_RE.split(lines[at].text.strip().rstrip("|｜"))] for at in run}
        places = {at: next((k for k in range(2, len(cells)) if is_unit_list(cells[k])), None) for at, cells in rows.items()}
        if len(run) < 2 or len(set(places.values())) != 1 or None in places.values():
            result.extend(lines[index:end])
            piped, index = True, end
            continue
        closed = [lines[at].text.rstrip().endswith(("|", "｜")) for at in run]
        cut = run[-1] if end == len(lines) and not closed[-1] and all(closed[:-1]) else None
        for at in range(index, end):
            if at == cut:
                if warnings is not None:
                    warnings.append(cut_last_row_warning(lines[at].no))
            elif at in rows:
                cells = rows[at]
                result.append(Line(lines[at].no, f"{cells[0]}、{cells[1]}（责任单位：{cells[places[at]]}）"))
        piped, index = True, end
    return result


def rewrite_table_rows(lines: list[Line], headers: list[int] | None = None,
                       warnings: list[str] | None = None, blank_cut: set[int] | None = None) -> list[Line]:
    """Return ``lines`` with task-table rows rewritten (header rows dropped); see module doc.

    ``headers``, when given, receives the line number of every task-table header found (the
    parser names it when no row could be read: a table is not a plan without numbering).
    ``warnings``, when given, receives a Chinese sentence for each row that could not be read
    (units or a deadline without a task: "…第 12 行写有单位或时限，但任务一栏是空的…") and for
    each table whose header was read but no row under it (``empty_table_warning``). ``blank_cut``, when given, receives
    the line numbers of the rows of tables cut by single blanks, whose blanks are layout (a cell's wrap), never a blank
    typed inside a deadline (``deadlines.as_written``)."""
    lines = headerless_unit_rows(item_cell_rows(goal_table_rows(lines)), warnings)
    result: list[Line] = []
    tables: list[list[int]] = []  # [header's line, task rows read] of each table
    columns: dict[str, int] | None = None
    groups: list[str] = []
    state: dict = {}
    starting = False
    sectioned = False  # a section row ("一、…") was read in the table being read
    layout = TABBED
    header_cells: list[str] | None = None
    above: int | None = None
    first_row = 0
    joined = join_cell_lines([_unpipe(line) for line in join_closed_cell_lines(close_row_end_pipes(join_pipe_cell_rows(
        closed_cell_rows_with_empty_cells(join_separated_wraps(join_piped_cell_lines(join_broken_pipe_rows(join_box_rows(join_caption_records(join_quoted_cells(join_wrapped_caption_rows(split_glued_tables(lines)))))), warnings))))))])
    last_text = max((at for at, line in enumerate(joined) if line.text.strip()), default=-1)  # the file's last line of text
    header_key: tuple[str, ...] | None = None
    header_at = -2  # index of the last header row read
    celled_after = _celled_after(joined)
    index = -1
    while index + 1 < len(joined):
        index += 1
        line = joined[index]
        if line.unplaced:
            if warnings is not None:
                warnings.append(_unplaced_row(line.no))  # a row one cell per line no column tells apart: no wrong row
            if columns is not None and "number" not in columns:
                state["number"] = (state.get("number") or 0) + 1  # the rows after it keep their places in the count
            continue
        if columns is not None and layout == SINGLE_SPACED:
            first_line = index
            line, index = join_single_spaced_wrap(joined, index, columns)  # a row wrapped onto the next line
            if blank_cut is not None:
                blank_cut.update(joined[at].no for at in range(first_line, index + 1))
        cells = _line_cells(line.text, columns, layout)
        if cells is not None and columns is not None and layout == SINGLE_SPACED:
            if index == last_text and _unit_cut_by_copy_end(line.text, cells, columns, state):
                if warnings is not None:
                    warnings.append(cut_last_row_warning(line.no))
                continue
            state[_WROTE_UNITS] = state.get(_WROTE_UNITS, True) and any(
                _cell(cells, columns, key) for key in _unit_column_keys(columns))
        if cells is not None and columns is not None and _merged_across(cells) is not None:
            line, cells = Line(line.no, _merged_across(cells)), None  # one cell merged across, read in each column
        if columns is not None and merged_unit_column(columns) is not None and (
                cells is None or len([c for c in cells if c.strip()]) == 1):
            lead = merged_lead_above_rows(joined, index, columns, layout)
            if lead is not None:
                state[_CARRIED], index = lead  # the group's lead above its rows, which leave the cell empty
                continue
        if cells is not None and columns is not None and layout == TABBED:
            cells = under_number_group(cells, columns, state)  # before a short row is taken for a broken one
            cells, index = join_merged_unit_wrap(cells, joined, index, columns, layout)
            while index + 1 < len(joined):
                if merged_unit_column(columns) is not None and merged_lead_above_rows(joined, index + 1, columns, layout):
                    break  # the next group's lead above its rows, no rest of this row
                if (len(cells) >= columns["width"] and "\t" not in joined[index + 1].text
                        and circled_sub_row([joined[index + 1].text], _fit(cells, columns), columns)
                        != [joined[index + 1].text]):
                    break  # "②…" alone on its line after a whole row: the next sub-row (a cell's paragraphs come before the row's end)
                if _signs_off(joined, index + 1):
                    break  # the issuer over its date under the table: no cell of the last row (branch tables28)
                if _EXAMINED in columns and _cells(joined[index + 1].text) is None:
                    break  # a line under a scoring or indicator table: no unit examined by its last row
                after = _next_tab_row(joined, index + 2)
                rest = _broken_row_rest(cells, joined[index + 1].text, columns, after)
                if rest is None:
                    break
                cells = rest
                index += 1
        if cells is not None and columns is not None and layout == SPACED and _header_key(cells) != header_key:
            column_chars = len(_cell(_fit(cells, columns), columns, "task"))  # a wrapped cell fills its column
            while index + 1 < len(joined):
                after = joined[index + 2].text if index + 2 < len(joined) else None
                rest = _spaced_continuation(cells, joined[index + 1].text, columns, column_chars, after)
                if rest is None:
                    break
                cells = rest
                index += 1
        if cells is None and columns is not None and circled_sub_row([line.text], state.get(_ABOVE), columns) != [line.text]:
            cells = [line.text]  # "②…" alone on its line: a sub-row writing its task cell only, the others merged
        if cells is None and columns is not None and (_is_unnumbered_group_line(joined, index, columns, layout)
                                                      or _is_lone_task_line(joined, index, columns, layout)):
            cells = [""] * columns["width"]
            cells[columns["width"] + columns["task"]] = line.text.strip()  # the row's empty cells, lost with its tabs
        if cells is None:
            if columns is not None and _PAGE_MARK_RE.match(line.text):
                continue  # a page's number or 续表 between the rows of one table: the table goes on
            if columns is not None and PAGE_NOISE_RE.match(line.text.strip()):
                continue  # the page's tools right after the table ("分享到:"): furniture, no text
            if (columns is not None and (_is_section_row(line.text) or _is_group_row(
                    line.text, joined, index, lambda text: _line_cells(text, columns, layout)))
                    and not _heads_next_table(joined, index)):
                # a section line with no row after it ("二、工作要求" then the plan's "(一)…" paragraphs) groups no row:
                # the heading above the header is no part of the table, and the line numbers a tree of its own
                rowless = layout == TABBED and not celled_after[index]
                restart = rowless or _restarts_tree(sectioned, tables, above)
                if not rowless:
                    _adopt_heading(result, above, first_row, line.text)
                above, sectioned = None, True
                groups[:] = [line.text]  # a section row merged across the table: still the table
                state.pop(_CARRIED, None)  # it ends the group of a merged first unit column
                state.pop(_ABOVE, None)
                result.append(Line(line.no, open_group(state, 0, assessed_section(line.text, columns)),
                                   starts_table=starting or restart))
                starting = False
                continue
            if columns is not None and layout == TABBED and _is_unnumbered_tab_group(joined, index):
                # a group row without 序号 spanning the table ("产业发展类"): the next row's title, no measure of its own
                # (GOLD-README "Task tables, round 7", as in a table laid out one cell per line; "units30")
                state[_GROUP_TITLE] = line.text.strip()
                continue
            if columns is not None and _row_caption_line(line.text):
                # "责任单位：A、B、C" on a row of its own under a row (a cell merged across the table, or the row's one
                # filled cell, its tabs lost): the units of the row above, read by the body walk as a caption line
                # under an item; the table goes on (GOLD-README "units30")
                result.append(Line(line.no, line.text))
                continue
            if columns is not None and match_number(line.text) is not None and _heads_next_table(joined, index):
                # the heading of the next table ("二、…" after table 一's rows): the table above ends,
                # and the heading does not go on numbering under its last row
                line = Line(line.no, line.text, starts_table=True)
            columns = None
            result.append(line)
            continue
        if columns is not None and header_cells is not None and _is_period_sub_header(cells):
            periodic = _period_columns(header_cells, cells)  # 完成时限 spanning 2023年 | 2024年 | 2025年
            header_cells = None
            if periodic is not None:
                columns = periodic
                continue
        spanned = (_spanned_header(header_cells, cells) if columns is not None and header_cells is not None
                   and not _is_sub_header(cells) else None)
        if spanned is not None and _header_columns(spanned) is not None:
            columns, header_cells = _header_columns(spanned), None  # "截至6月底 | 责任单位" over "完成投资 | 形象进度 | 牵头 | 配合"
            continue
        if columns is not None and header_cells is not None and _is_sub_header(cells):
            combined = _combine_header(header_cells, cells)  # "责任单位" over "牵头单位 | 配合单位"
            header_cells = None
            if _header_columns(combined) is not None:
                columns = _header_columns(combined)
                continue
        header = _header_columns(cells)
        header_cells = cells if header is not None else None
        if header is not None and columns is not None and _header_key(cells) == header_key:
            continue  # the header repeated on every page of a Word table: the same table goes on
        if (header is None and columns is not None and header_at == index - 1 and _SUB_CAPTIONED not in columns
                and tables and not tables[-1][1] and _is_caption_row(cells, columns)):
            # "投资 | 工程主要形象进度 | …" under spanning captions: how much wider the rows are than the header
            columns = dict(columns, **{_SUB_CAPTIONED: _usual_extra(joined, index + 1, columns, layout)})
            continue
        if header is not None and columns is not None and header_at == index - 1 and tables and not tables[-1][1]:
            # the second row of a two-row Word header (the merged 序号 and 任务 cells read again on
            # it, 牵头单位 | 配合单位 under 责任分工): it names the columns, the table is the same
            header_key, columns, header_at = _header_key(cells), header, index
            layout = _layout(line.text)
            continue
        if header is not None:
            cells, index = join_wrapped_header(cells, joined, index, layout)  # "牵头" / "单位" in a narrow cell
            header = _header_columns(cells)
            header_key, header_at = _header_key(cells), index
            columns, groups, state, starting, sectioned = header, [], {}, True, False
            # A section line right above the header may be the table's first section ("一、经济发展"
            # over rows 1, 2 and the section row "二、社会事业"): see _adopt_heading.
            above = len(result) - 1 if result and _is_section_row(result[-1].text) else None
            first_row = len(result)
            layout = _layout(line.text)
            tables.append([line.no, 0])
            if headers is not None:
                headers.append(line.no)
            continue
        if columns is not None:
            filled = [c.strip() for c in cells if c.strip()]
            restart = False
            section = filled[0] if len(filled) == 1 and _is_section_cell(filled[0]) else _numeral_group_row(cells, columns)
            if section is not None:
                restart = _restarts_tree(sectioned, tables, above)
                _adopt_heading(result, above, first_row, section)
                above, sectioned = None, True
                state.pop(_CARRIED, None)
            if is_total_row(cells):
                continue  # "总分 | | 100": the table's sum, no task and no warning
            if merged_unit_column(columns) is not None:
                cells = carry_merged_unit(cells, columns, state)  # the group's lead on the rows its cell spans
            cells = merged_sub_row(under_number_group(cells, columns, state), state.get(_ABOVE), columns)
            cells = circled_sub_row(cells, state.get(_ABOVE), columns)  # "②…" under "57.… | ①… | …", merged cells lost
            following = _line_cells(joined[index + 1].text, columns, layout) if index + 1 < len(joined) else None
            if following is not None:
                following = merged_sub_row(under_number_group(following, columns, state), _fit(cells, columns), columns)
                following = circled_sub_row(following, _fit(cells, columns), columns)
            cells = numbered_title_row(_fit(cells, columns), following and _fit(following, columns), columns)
            title = state.pop(_GROUP_TITLE, None)
            if title and _cell(cells, columns, "task"):  # "产业发展类" over the row: its title, as a 重点任务 cell
                at = len(cells) + columns["task"]
                cells[at] = _titled(title, cells[at])
            merged_next = (following is not None and not is_total_row(following)  # "合计 | | 50": no sub-row
                           and (continues_row(_fit(cells, columns), _fit(following, columns), columns)
                                or ("merged" in state and _goes_on_merged(_fit(cells, columns), _fit(following, columns),
                                                                         columns))))
            heads_group = following is not None and _heads_sub_group(_fit(cells, columns), _fit(following, columns),
                                                                     columns)
            row = _row_lines(cells, columns, groups, state, merged_next and not heads_group, heads_group)
            fitted = _fit(cells, columns)
            if not row and warnings is not None and any(
                    _cell(fitted, columns, key) for key in columns if key in ANNOTATION_CAPTIONS):
                warnings.append(_row_without_task(line.no))
            if row and tables:
                tables[-1][1] += 1
            state[_ABOVE] = fitted if _cell(fitted, columns, "task") else None
            for text in row:
                result.append(Line(line.no, str(text), starts_table=starting or restart, nests=isinstance(text, UnderRow)))
                starting = restart = False
        else:
            result.append(Line(line.no, " ".join(c.strip() for c in cells if c.strip())))
    if warnings is not None:
        warnings += [empty_table_warning(header_line) for header_line, rows in tables if not rows]
    return result


# ---- A cell numbering several items one a line beside a cell of their times one a line (branch fresh63) ---------------
# Most lines one cell of such a schedule holds (a group line and its items).
_MOST_ITEM_LINES = 40


def _is_time_line(text: str) -> bool:
    """Is ``text`` (one line of a cell) a time by itself ("2005.1—4", "2018年1月-9月", "7月底前")?"""
    text = text.strip()
    return bool(text) and (is_deadline_clause(text) or parse_due_date(text) is not None)


def _item_lines(lines: list[str]) -> tuple[str | None, list[str]] | None:
    """(the group line or None, the item lines) of a cell ``lines`` that numbers several items one a line: an optional
    first line opening with a number of another style ("一、准备法律文件"), then two lines or more each opening with the
    next number in figures ("1、…", "2、…"; the count may go on from an earlier group: "4、", "5、"); else None."""
    lines = [line.strip() for line in lines if line.strip()]
    if not 2 <= len(lines) <= _MOST_ITEM_LINES:
        return None
    first = match_number(lines[0])
    group = None
    if first is not None and first.style != "arabic" and first.end < len(lines[0]):
        group, lines = lines[0], lines[1:]
    tokens = [match_number(line) for line in lines]
    if len(lines) < 2 or any(t is None or t.style != "arabic" or t.end >= len(line) for t, line in zip(tokens, lines)):
        return None
    if any(b.ordinal != a.ordinal + 1 for a, b in zip(tokens, tokens[1:])):
        return None
    return group, lines


def split_item_cells(cells: list[list[str]]) -> list[list[str]] | None:
    """The rows a schedule's row becomes when its task cell numbers several items one a line beside a cell of their
    times one a line, or None for any other row.

    ``cells``: the row's cells in order, each as its lines (a Word cell's paragraphs, a copied cell's lines). The task
    cell writes an optional group line then two numbered items or more (``_item_lines``: "一、准备法律文件" / "1、起草…" /
    "2、代拟…"); exactly one other cell writes as many lines as there are items, each a time by itself ("2005.1—4" /
    "2005.2—4"). Returns the group's row (its line in the task cell, every other cell empty) then one row per item,
    the item in the task cell and the time line of the same rank in the time cell, every other cell as written (joined
    by a blank). GOLD-README "fresh62" and "fresh63": each item is a measure under its group, with its own time."""
    if len(cells) < 2:
        return None
    found = None
    for at, lines in enumerate(cells):
        read = _item_lines(lines)
        if read is not None:
            found = (at, read)
            break
    if found is None:
        return None
    task_at, (group, items) = found
    times = [at for at, lines in enumerate(cells) if at != task_at
             and len([line for line in lines if line.strip()]) == len(items)
             and all(_is_time_line(line) for line in lines if line.strip())]
    if len(times) != 1:
        return None
    time_at = times[0]
    time_lines = [line.strip() for line in cells[time_at] if line.strip()]
    others = [" ".join(line.strip() for line in lines if line.strip()) for lines in cells]
    rows = []
    if group is not None:
        rows.append(["" if at != task_at else group for at in range(len(cells))])
    for item, time in zip(items, time_lines):
        row = list(others)
        row[task_at], row[time_at] = item, time
        rows.append(row)
    return rows


def _closed_cell_caption(text: str) -> str | None:
    """The caption of a line holding one header caption closed by its pipe ("起 止 时 间 |"), or None."""
    cell = _closed_cell(text)
    return cell if cell and match_caption(cell, sub_caption=True) is not None else None


def item_cell_rows(lines: list[Line]) -> list[Line]:
    """``lines`` with each schedule copied one cell a line, each cell closed by its pipe ("工 作 项 目 |" / "起 止 时 间 |"
    then "一、准备法律文件" / "1、起草… " / "2、代拟… |" / "2005.1—4" / "2005.1—4 |"), whose rows number several items one a
    line beside a cell of their times one a line, rewritten into tab rows (header first), each row as
    ``split_item_cells`` splits it. The header: two captions or more a task-table header (``match_header``) with a
    time column; the body: cells closed by pipes, as many a row as the header has captions, some row split. Any other
    lines pass unchanged. Linear."""
    result: list[Line] = []
    index = 0
    while index < len(lines):
        captions = []
        while index + len(captions) < len(lines) and len(captions) < _MAX_HEADER_CELLS:
            caption = _closed_cell_caption(lines[index + len(captions)].text)
            if caption is None:
                break
            captions.append(caption)
        found = match_header(captions) if len(captions) >= 2 else None
        if found is None or DEADLINE_FIELD not in found[0]:
            result.append(lines[index])
            index += 1
            continue
        rows, end = _item_cell_body(lines, index + len(captions), len(captions))
        if rows is None:
            result += lines[index:index + len(captions)]
            index += len(captions)
            continue
        result.append(Line(lines[index].no, "\t".join(captions), starts_table=lines[index].starts_table))
        result += rows
        index = end
    return result


def _item_cell_body(lines: list[Line], start: int, width: int) -> tuple[list[Line] | None, int]:
    """(the tab rows of the body of ``item_cell_rows``' table from ``lines[start]``, ``width`` cells a row; None
    when no row splits or a row is left short; the index after the lines read)."""
    out: list[Line] = []
    row: list[list[str]] = []
    pieces: list[str] = []
    row_no = row_start = 0
    split = False
    index = start
    while index < len(lines):
        text = lines[index].text.strip()
        if "\t" in text or len(pieces) >= _MOST_ITEM_LINES:
            break
        cell = _closed_cell(text)
        if cell is None:
            if _PIPE_RE.search(text):
                break
            if not row and not pieces:
                row_no, row_start = lines[index].no, index
            pieces.append(text)
            index += 1
            continue
        if not row and not pieces:
            row_no, row_start = lines[index].no, index
        row.append(pieces + ([cell] if cell else []))
        pieces = []
        index += 1
        if len(row) == width:
            rows = split_item_cells(row)
            split = split or rows is not None
            for cells in rows or [[" ".join(lines_) for lines_ in row]]:
                out.append(Line(row_no, "\t".join(cells)))
            row = []
    if row or pieces:
        index = row_start  # a short row: the lines after the last whole row are not the table's
    if not split:
        return None, start
    return out, index
