"""Task tables whose cells lost every separator: a document site's text of a Word table (issue 13, kinds46).

A site that shows a .docx as text ("…由会员分享,可在线阅读…") writes a table's cells run together, with no tab, pipe,
space or line between them: ``贯彻落实…分工表序号工作内容目标任务责任单位备注1将…。2021年2月底前,…。市委宣传部(市文明办)、
市城管委…(管委会)2完善…``, and cuts the text into preview chunks that open a line with their own number (``1、``, ``2、``), one
chunk sometimes ending inside a unit's name (``市商务局,市`` / ``2、住建局``). ``split_glued_tables`` finds such a table by its
header, a run of captions the vocabulary knows glued after ``序号`` (``captions.match_caption``), and writes it again as the
tab-separated rows the table reader reads (tracker/parsing/tables.py ``rewrite_table_rows``), reading only what can be read
safely:

- the chunk markers are layout, never items; a name they split reads closed up (``市住建局``);
- rows open at the next 序号 glued before their text (``2完善…``), where the row before it closes on units or a time;
- a row's last cells are read from its end: the time under a time column after the units (``…负责全年``), then the units,
  the words after the row's last sentence end when they name units (``is_unit_list``, or an annotation's duties:
  ``annotations.parse_annotation_body``); a row whose end names no unit gets none (no unit is ever made of its words);
- the text cells before the units: with two columns, a time opening a sentence (``。2021年2月底前,…``) opens the second
  one (the 目标任务 cell, whose time the table reader reads: ``deadlines.dated_opening``); otherwise the whole text is the
  task cell's, a category glued before it (a merged 任务名称 cell, ``习惯培养``) staying in its words, no measure.

The header's own line keeps its text before ``序号`` (the table's title) as a line. Linear in the text: every scan moves
forward, captions and tails are bounded. GOLD-README "fresh41" and "kinds46"."""
from __future__ import annotations

import re

from ..vocabulary.captions import ANNOTATION_CAPTIONS, DEADLINE, match_caption
from ..vocabulary.units import is_unit_list
from .annotations import parse_annotation_body
from .cleaning import Line
from .deadlines import is_deadline_clause, opening_time

# Where a glued header may open, and the longest caption and header read.
_HEADER_OPEN = "序号"
_CAPTION_CHARS = (2, 10)
_HEADER_CHARS = 60
# A preview chunk's own number at a line's start ("1、", "2、"): the site's layout.
_CHUNK_MARK_RE = re.compile(r"^([0-9]{1,3})、")
# The end of a sentence inside a row: what follows it is the row's next cell.
_SENTENCE_END_RE = re.compile(r"[。；;！!？?]")
# Characters after a number that make it a figure, not the next row's 序号 ("2月", "90%", "2次").
_FIGURE_AFTER_RE = re.compile(r"[0-9０-９.．、年月日号时%％‰个万亿千百元项家条次人户亩吨公里米倍批]")
# The longest time read at a row's end, and the longest unit cell.
_TIME_CHARS = 24
_UNIT_CELL_CHARS = 160
# Rows a glued table may hold (each is looked for once, forward), and the most places tried for a row's end.
_MOST_ROWS = 500
_MOST_ENDS_TRIED = 64
# The row's end read to tell where it closes: its time, its units and the sentence end before them.
_TAIL_CHARS = _UNIT_CELL_CHARS + _TIME_CHARS + 2
# The most of a text cell read for a time opening a sentence ("2021年2月底前,…"): a time's clause is short.
_OPENING_CHARS = 40


def _captions(text: str) -> list[str] | None:
    """``text`` cut into captions the vocabulary knows, the fewest pieces (``match_caption``; "工作内容目标任务责任单位备注"
    -> 工作内容 | 目标任务 | 责任单位 | 备注), or None when no cut reads every piece as a caption."""
    low, high = _CAPTION_CHARS
    best: list[list[str] | None] = [None] * (len(text) + 1)
    best[0] = []
    for end in range(1, len(text) + 1):
        for size in range(low, min(high, end) + 1):
            before = best[end - size]
            piece = text[end - size:end]
            if before is not None and match_caption(piece) is not None and (
                    best[end] is None or len(before) + 1 < len(best[end])):
                best[end] = before + [piece]
    return best[len(text)]


def _glued_header(text: str) -> tuple[int, list[str], int] | None:
    """(where 序号 opens, the captions, where the first row's 序号 ``1`` opens) of a header glued into ``text``: 序号 then
    three captions at least, one of them a unit column, then ``1``; else None."""
    from .tables import task_table_columns, unit_columns  # the table reader's rules (tables.py imports this module)
    start = text.find(_HEADER_OPEN)
    if start < 0:
        return None
    first = text.find("1", start)
    while 0 <= first <= start + _HEADER_CHARS:
        captions = _captions(text[start + len(_HEADER_OPEN):first])
        if captions and len(captions) >= 3:
            columns = task_table_columns([_HEADER_OPEN] + captions)
            if columns is not None and "number" in columns and unit_columns(columns):
                return start, [_HEADER_OPEN] + captions, first
        first = text.find("1", first + 1)
    return None


def _names_units(text: str) -> bool:
    """Does a row's last words ``text`` name units: a list of names, or duties naming units ("A、B等按职责分工负责")?"""
    if not text or len(text) > _UNIT_CELL_CHARS:
        return False
    if is_unit_list(text):
        return True
    annotation = parse_annotation_body(text, bare_units=True)
    return bool(annotation is not None and annotation.entries and not annotation.unreadable)


def _trailing_time(text: str) -> int:
    """Where the time closing ``text`` opens (the longest deadline clause at its end: "…负责全年" -> at 全年), or
    ``len(text)`` when none closes it."""
    for size in range(min(_TIME_CHARS, len(text) - 1), 1, -1):
        at = len(text) - size
        if not text[at - 1].isdigit() and is_deadline_clause(text[at:]):
            return at
    return len(text)


def _last_cells(text: str) -> tuple[str, str, str]:
    """(text cells, units, time) of a row's text after its 序号: the time closing it, then the units after its last
    sentence end when they name units; a row whose end names none keeps its words whole ("", "" for units and time)."""
    time_at = _trailing_time(text)
    rest, time = text[:time_at], text[time_at:]
    ends = list(_SENTENCE_END_RE.finditer(rest))
    unit_at = ends[-1].end() if ends else -1
    if unit_at > 0 and _names_units(rest[unit_at:]):
        return rest[:unit_at], rest[unit_at:], time
    return (rest, "", time) if time and rest else (text, "", "")


def _row_starts(body: str) -> list[int]:
    """Where each row opens in ``body`` (it opens with row ``1``): row n+1 at the first ``n+1`` glued before a
    character (no figure: "2月", "90%") after which the row before it closes on units or a time."""
    starts = [0]
    number, at = 1, 1
    while len(starts) < _MOST_ROWS:
        mark = str(number + 1)
        found, tried, closes = body.find(mark, at), 0, False
        while found >= 0 and tried < _MOST_ENDS_TRIED:
            after = body[found + len(mark):found + len(mark) + 1]
            before = body[found - 1] if found else ""
            if after and not before.isdigit() and not _FIGURE_AFTER_RE.match(after):
                tried += 1
                # only the row's last cells are read (a time, then units after its last sentence end): a bounded tail
                row = body[max(starts[-1] + len(str(number)), found - _TAIL_CHARS):found]
                _, units, time = _last_cells(row)
                closes = bool(units or time)
                if closes:
                    break
            found = body.find(mark, found + 1)
        if not closes:
            return starts
        starts.append(found)
        number, at = number + 1, found + len(mark)
    return starts


def _row_cells(row: str, number: str, captions: list[str], columns: dict[str, int]) -> list[str]:
    """The cells of one glued row under ``captions`` (``columns`` as the table reader maps them)."""
    from .tables import unit_columns
    width = len(captions)
    cells = [""] * width
    cells[width + columns["number"]] = number
    texts, units, time = _last_cells(row)
    unit_keys = unit_columns(columns)
    time_keys = [key for key in columns if ANNOTATION_CAPTIONS.get(key) == DEADLINE and isinstance(columns[key], int)]
    unit_at = width + columns[unit_keys[0]] if len(unit_keys) == 1 else None
    time_at = width + columns[time_keys[0]] if len(time_keys) == 1 else None
    if unit_at is None or (time and (time_at is None or time_at < unit_at)):
        texts, units, time = row, "", ""  # two unit columns, or a time where the table has none after its units
    if units:
        cells[unit_at] = units
    if time:
        cells[time_at] = time
    task_at = width + columns["task"]
    before_task = [at for at in range(width + columns["number"] + 1, task_at)]
    if len(before_task) == 1:
        for end in _SENTENCE_END_RE.finditer(texts):
            if end.end() < len(texts) and opening_time(texts[end.end():end.end() + _OPENING_CHARS]):
                cells[before_task[0]], texts = texts[:end.end()], texts[end.end():]
                break
    cells[task_at] = texts
    return cells


def _chunks_joined(lines: list[Line], index: int) -> tuple[str, int]:
    """The text of the line at ``index`` (a glued header's) and of the preview chunks after it (``2、…``, ``3、…``, each
    opening with the next number), their marks dropped and closed up; and the index of the last line joined."""
    text = lines[index].text
    mark = _CHUNK_MARK_RE.match(text)
    if mark is None:
        return text, index
    text, number, last = text[mark.end():], int(mark.group(1)), index
    while last + 1 < len(lines):
        following = _CHUNK_MARK_RE.match(lines[last + 1].text)
        if following is None or int(following.group(1)) != number + 1:
            break
        text += lines[last + 1].text[following.end():]
        number, last = number + 1, last + 1
    return text, last


def split_glued_tables(lines: list[Line]) -> list[Line]:
    """``lines`` with each task table whose cells were glued together (see the module's doc) written again as a title
    line, a header of tab-separated captions and one tab-separated line per row, on the header's line number; every
    other line unchanged."""
    from .tables import task_table_columns
    result: list[Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        found = _glued_header(line.text) if _HEADER_OPEN in line.text else None
        if found is None:
            result.append(line)
            index += 1
            continue
        text, last = _chunks_joined(lines, index)
        found = _glued_header(text)
        if found is None:
            result.append(line)
            index += 1
            continue
        start, captions, first = found
        columns = task_table_columns(captions)
        title = text[:start].strip()
        if title:
            result.append(Line(line.no, title))
        result.append(Line(line.no, "\t".join(captions)))
        body = text[first:]
        starts = _row_starts(body)
        for number, (begin, end) in enumerate(zip(starts, starts[1:] + [len(body)]), start=1):
            row = body[begin + len(str(number)):end]
            result.append(Line(line.no, "\t".join(_row_cells(row, str(number), captions, columns))))
        index = last + 1
    return result
