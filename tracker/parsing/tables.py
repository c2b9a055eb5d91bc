"""Task tables (任务分工表) written as tab-separated lines.

The .docx reader writes each table row as one line with its cells joined by a tab. When a row
is a header naming a task column (任务, 具体措施, …) and at least one unit or deadline column
(牵头单位, 配合单位, 责任单位, 完成时限, …), the rows below it are rewritten into the form the
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

from .annotations import CAPTIONS
from .cleaning import Line
from ..vocabulary.numbering import match_number

# Task column captions, most specific first.
TASK_CAPTIONS = ("具体措施", "工作措施", "具体要求", "任务内容", "工作任务", "主要任务", "重点任务",
                 "具体任务", "工作内容", "任务", "措施", "内容", "事项")
NUMBER_CAPTIONS = ("序号", "编号", "序")
# Table captions that mean the same as an annotation caption.
_CAPTION_ALIASES = {"牵头": "牵头单位", "配合": "配合单位", "责任": "责任单位",
                    "时限": "完成时限", "完成时限要求": "完成时限", "时限要求": "完成时限",
                    "时间": "完成时间", "时间要求": "完成时间"}


def _caption(cell: str) -> str:
    cell = re.sub(r"\s+", "", cell)
    return _CAPTION_ALIASES.get(cell, cell)


def _header_columns(cells: list[str]) -> dict[str, int] | None:
    """Map of role -> column counted from the right (-1 is the last column) for a header row,
    or None when the row is not a task-table header."""
    captions = [_caption(c) for c in cells]
    while captions and not captions[-1]:
        captions.pop()
    width = len(captions)
    columns: dict[str, int] = {}
    for wanted in TASK_CAPTIONS:
        if wanted in captions:
            columns["task"] = captions.index(wanted) - width
            break
    for wanted in NUMBER_CAPTIONS:
        if wanted in captions:
            columns["number"] = captions.index(wanted) - width
            break
    for index, caption in enumerate(captions):
        if caption in CAPTIONS:
            columns.setdefault(caption, index - width)
    if "task" not in columns or not any(k in CAPTIONS for k in columns):
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
    parts = [f"{caption}：{cell(caption)}" for caption in columns if caption in CAPTIONS and cell(caption)]
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
