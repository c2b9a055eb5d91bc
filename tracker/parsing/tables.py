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
cell is the row's 序号 when the header has no 序号 column.
"""

from __future__ import annotations

import re

from ..vocabulary.captions import (ANNOTATION_CAPTIONS, DEADLINE_FIELD, LEAD_UNITS, NUMBER,
                                   SUPPORTING_UNITS, SUPPORTING_WHEN_LEAD_PRESENT, TASK, match_header)
from ..vocabulary.numbering import match_number
from .cleaning import Line

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
    found = match_header(cells)
    if found is None:
        return None
    fields, matched_as = found
    width = len(cells)
    columns = {"task": fields[TASK] - width}
    if NUMBER in fields:
        columns["number"] = fields[NUMBER] - width
    for field in _ANNOTATED:
        if field in fields:
            caption = matched_as.get(fields[field], field)
            if caption not in ANNOTATION_CAPTIONS:
                caption = _RESPONSIBLE_CAPTION if caption in SUPPORTING_WHEN_LEAD_PRESENT else field
            columns[caption] = fields[field] - width
    if len(columns) == 1 + ("number" in columns):
        return None
    return columns


def _row_lines(cells: list[str], columns: dict[str, int], groups: list[str]) -> list[str]:
    """The lines a data row becomes: new group headings first, then the task line."""
    cells = [c.strip() for c in cells]
    while cells and not cells[-1]:
        cells.pop()
    width = len(cells)

    def cell(key: str) -> str:
        index = columns.get(key)
        return cells[width + index] if index is not None and -width <= index else ""

    task_at = width + columns["task"]
    lines = []
    number = cell("number")
    leading = cells[:max(task_at, 0)]
    if "number" not in columns and leading and re.fullmatch(r"[0-9０-９]{1,3}", leading[-1]):
        number = leading.pop()
    for depth, value in enumerate(leading):
        if value and match_number(value) is not None and (len(groups) <= depth or groups[depth] != value):
            del groups[depth:]
            groups.append(value)
            lines.append(value)
    if number and match_number(number) is None:
        number = f"{number}、" if re.fullmatch(r"[0-9０-９]{1,3}", number) else f"{number} "
    parts = [f"{caption}：{cell(caption)}" for caption in columns if caption in ANNOTATION_CAPTIONS and cell(caption)]
    annotation = f"（{'；'.join(parts)}）" if parts else ""
    lines.append(f"{number}{cell('task')}{annotation}")
    return lines


def rewrite_table_rows(lines: list[Line]) -> list[Line]:
    """Return ``lines`` with task-table rows rewritten (header rows dropped); see module doc."""
    result: list[Line] = []
    columns: dict[str, int] | None = None
    groups: list[str] = []
    for line in lines:
        if "\t" not in line.text:
            columns = None
            result.append(line)
            continue
        cells = line.text.split("\t")
        header = _header_columns(cells)
        if header is not None:
            columns, groups = header, []
            continue
        if columns is not None:
            result += [Line(line.no, text) for text in _row_lines(cells, columns, groups)]
        else:
            result.append(Line(line.no, " ".join(c.strip() for c in cells if c.strip())))
    return result
