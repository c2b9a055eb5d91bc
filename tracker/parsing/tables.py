"""Task tables (任务分工表) written as tab-separated lines.

The .docx reader writes each table row as one line with its cells joined by a tab. When a row
is a header naming a task column (任务, 具体措施, …) and at least one unit or deadline column
(牵头单位, 配合单位, 责任单位, 完成时限, …), the rows below it are rewritten into the form the
parser already reads — "序号、任务（牵头单位：…；配合单位：…；完成时限：…）" — so numbering,
units and deadlines follow the same rules as in running text. Other lines pass unchanged.
"""

from __future__ import annotations

import re

from .annotations import CAPTIONS
from .cleaning import Line
from .numbering import match_number

# Task column captions, most specific first.
TASK_CAPTIONS = ("具体措施", "工作措施", "任务内容", "工作任务", "主要任务", "重点任务", "具体任务",
                 "工作内容", "任务", "措施", "内容", "事项")
NUMBER_CAPTIONS = ("序号", "编号", "序")
# Table captions that mean the same as an annotation caption.
_CAPTION_ALIASES = {"牵头": "牵头单位", "配合": "配合单位", "责任": "责任单位",
                    "时限": "完成时限", "完成时限要求": "完成时限", "时间": "完成时间"}


def _caption(cell: str) -> str:
    cell = re.sub(r"\s+", "", cell)
    return _CAPTION_ALIASES.get(cell, cell)


def _header_columns(cells: list[str]) -> dict[str, int] | None:
    """Map of role -> column for a header row, or None when the row is not a task-table header."""
    captions = [_caption(c) for c in cells]
    columns: dict[str, int] = {}
    for wanted in TASK_CAPTIONS:
        if wanted in captions:
            columns["task"] = captions.index(wanted)
            break
    for wanted in NUMBER_CAPTIONS:
        if wanted in captions:
            columns["number"] = captions.index(wanted)
            break
    for index, caption in enumerate(captions):
        if caption in CAPTIONS:
            columns.setdefault(caption, index)
    if "task" not in columns or not any(k in CAPTIONS for k in columns):
        return None
    return columns


def _row_line(cells: list[str], columns: dict[str, int]) -> str:
    def cell(key: str) -> str:
        index = columns.get(key)
        return cells[index].strip() if index is not None and index < len(cells) else ""

    number = cell("number")
    if number and match_number(number) is None:
        number = f"{number}、" if re.fullmatch(r"[0-9０-９]{1,2}", number) else f"{number} "
    parts = [f"{caption}：{cell(caption)}" for caption in columns if caption in CAPTIONS and cell(caption)]
    annotation = f"（{'；'.join(parts)}）" if parts else ""
    return f"{number}{cell('task')}{annotation}"


def rewrite_table_rows(lines: list[Line]) -> list[Line]:
    """Return ``lines`` with task-table rows rewritten (header rows dropped); see module doc."""
    result: list[Line] = []
    columns: dict[str, int] | None = None
    for line in lines:
        if "\t" not in line.text:
            columns = None
            result.append(line)
            continue
        cells = line.text.split("\t")
        header = _header_columns(cells)
        if header is not None:
            columns = header
            continue
        if columns is not None:
            result.append(Line(line.no, _row_line(cells, columns)))
        else:
            result.append(Line(line.no, " ".join(c.strip() for c in cells if c.strip())))
    return result
