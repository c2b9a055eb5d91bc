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
- a row's last cells are read from its end, in the header's order of its unit and time columns: the time under a time
  column after the units (``…负责全年``), then the units, the words after the row's last sentence end when they name units
  (``is_unit_list``, or an annotation's duties: ``annotations.parse_annotation_body``), a time column before the units
  taking the time those words open with (``。2024年6月底前市市场监管局…``); a row whose end names no unit gets none (no
  unit is ever made of its words);
- two unit columns (a 牵头单位 then a 配合单位 or 责任单位) part their glued units where two full names run together with
  no separator (``市发改委市财政局、市商务局``); units with no such place are the first column's, and units with two such
  places, or with names meeting where the cells may part ("市发改委各县区人民政府"), cannot be parted: the row gets no unit;
- the text cells before the units: with two columns, a time opening a sentence (``。2021年2月底前,…``) opens the second
  one (the 目标任务 cell, whose time the table reader reads: ``deadlines.dated_opening``); otherwise the whole text is the
  task cell's, a category glued before it (a merged 任务名称 cell, ``习惯培养``) staying in its words, no measure.

The header's own line keeps its text before ``序号`` (the table's title) as a line. Linear in the text: every scan moves
forward, captions and tails are bounded. GOLD-README "fresh41", "kinds46" and "kinds47"."""
from __future__ import annotations

import re

from ..vocabulary.captions import ANNOTATION_CAPTIONS, BARE_CAPTION_CHARS, DEADLINE, NUMBER, is_caption_text, match_caption
from ..vocabulary.units import LEVEL_OPENING_RE, is_unit_list, split_run_together
from .annotations import parse_annotation_body
from .cleaning import Line
from .deadlines import is_deadline_clause, opening_time

# The longest header read after its 序号 (``captions.NUMBER``, where a glued header opens).
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
# The roles of a header's last columns read from a row's end: units, or a time (DEADLINE, the captions' role).
_UNITS = "units"
_UNITS_THEN_TIME = [_UNITS, DEADLINE]
# The most of a text cell read for a time opening a sentence ("2021年2月底前,…"): a time's clause is short.
_OPENING_CHARS = 40


def _captions(text: str) -> list[str] | None:
    """``text`` cut into captions the vocabulary knows (``match_caption``; "工作内容目标任务责任单位备注" -> 工作内容 | 目标任务 |
    责任单位 | 备注), or None when no cut reads every piece as a caption. Of the cuts, the one with the fewest pieces the
    vocabulary knows only by composing them (``is_caption_text`` false: "工作任务牵头单位" is a caption composed of a task's words
    and a unit caption, but "工作任务" | "牵头单位" are two columns), then the fewest pieces."""
    low, high = BARE_CAPTION_CHARS
    best: list[tuple[int, int, list[str]] | None] = [None] * (len(text) + 1)
    best[0] = (0, 0, [])
    for end in range(1, len(text) + 1):
        for size in range(low, min(high, end) + 1):
            before = best[end - size]
            piece = text[end - size:end]
            if before is None or match_caption(piece) is None:
                continue
            cost = (before[0] + (not is_caption_text(piece)), before[1] + 1)
            if best[end] is None or cost < best[end][:2]:
                best[end] = (*cost, before[2] + [piece])
    return best[len(text)][2] if best[len(text)] is not None else None


def _glued_header(text: str) -> tuple[int, list[str], int] | None:
    """(where 序号 opens, the captions, where the first row's 序号 ``1`` opens) of a header glued into ``text``: 序号 then
    three captions at least, one of them a unit column, then ``1``; else None."""
    from .tables import task_table_columns, unit_columns  # the table reader's rules (tables.py imports this module)
    start = text.find(NUMBER)
    if start < 0:
        return None
    first = text.find("1", start)
    while 0 <= first <= start + _HEADER_CHARS:
        captions = _captions(text[start + len(NUMBER):first])
        if captions and len(captions) >= 3:
            columns = task_table_columns([NUMBER] + captions)
            if columns is not None and "number" in columns and unit_columns(columns):
                return start, [NUMBER] + captions, first
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


# A piece of a unit run up to and with its separator (、，,；; outside brackets are rare enough to be read plainly).
_UNIT_PIECE_RE = re.compile(r"[^、，,；;]*[、，,；;]?")
# Shortest unit name on either side of a place where two names meet ("市妇联").
_MIN_NAME_CHARS = 3


def _unit_cells(units: str, count: int) -> list[str] | None:
    """``units`` (a run of unit names closing a row) cut into the row's ``count`` unit cells, left to right, or None when
    it cannot be cut safely. One cell takes them all. Two cells written glued (a 牵头单位 then a 配合单位 or 责任单位 cell:
    "市发改委市财政局、市商务局") part where two names run together with no separator between them
    (``units.split_run_together``'s cut: both sides full names); a run with no such place is the first cell's alone (the
    second left empty). A run with two or more such places, or with names meeting where that cut does not part them
    (``_names_meet``: "市发改委各县区人民政府"), cannot be cut: None, and the row gets no unit; so do three unit cells."""
    if count == 1:
        return [units]
    if count != 2:
        return None
    cuts: list[int] = []
    start = 0
    for piece in _UNIT_PIECE_RE.findall(units):
        names = split_run_together([piece.rstrip("、，,；;")])
        if len(names) == 1 and _names_meet(piece):
            return None
        at = start
        for name in names[:-1]:
            at += len(name)
            cuts.append(at)
        start += len(piece)
    if len(cuts) > 1:
        return None
    return [units[:cuts[0]], units[cuts[0]:]] if cuts else [units, ""]


def _names_meet(piece: str) -> bool:
    """Does ``piece`` (one name of a unit run, its separator kept) hold a place where a unit's name ends and another begins,
    though ``split_run_together`` does not cut there? After a name with its level, where a name opening with a level or
    各 follows ("市发改委各县区人民政府": 各县区人民政府 is a group, no full name); in a name without a level, wherever two names
    meet ("发展改革委财政部", but also "国务院办公厅"). Such a piece may be two cells glued: which is unknown."""
    name = piece.rstrip("、，,；;")
    leveled = bool(LEVEL_OPENING_RE.match(name))
    return any(is_unit_list(name[:at]) and is_unit_list(name[at:])
               for at in range(_MIN_NAME_CHARS, len(name) - _MIN_NAME_CHARS + 1)
               if not leveled or (LEVEL_OPENING_RE.match(name[at:]) and not LEVEL_OPENING_RE.match(name[at - 1:])))


def _time_then_units(tail: str, count: int) -> tuple[str, list[str]] | None:
    """(time, unit cells) of a row's ``tail`` (its words after its last sentence end) when a time cell stands before its
    ``count`` unit cells ("2021年6月底前市发改委市财政局"): the shortest opening that is a time (``is_deadline_clause``)
    followed by units whose first name opens with its level or 各 (where the time ends is known only so) that cut into the
    cells; else None."""
    for size in range(2, min(_TIME_CHARS, len(tail) - 1) + 1):
        if (is_deadline_clause(tail[:size]) and LEVEL_OPENING_RE.match(tail[size:])
                and _names_units(tail[size:]) and is_unit_list(tail[size:])):
            cells = _unit_cells(tail[size:], count)
            return (tail[:size], cells) if cells is not None else None
    return None


def _last_cells(text: str, order: list[str]) -> tuple[str, list[str]]:
    """(text cells, the row's last cells) of a row's text after its 序号, ``order`` naming the roles of the header's unit
    and time columns from left to right (``_UNITS`` or ``DEADLINE``): a time column last takes the time closing the row
    (``_trailing_time``); the unit columns before it take the units after the row's last sentence end when they name
    units (``_names_units``), cut into their cells (``_unit_cells``), a time column before them the time opening those
    words (``_time_then_units``). A row whose end names no unit gets none and keeps its words whole (a time closing it
    kept when its words go before it); the cells are "" where nothing was read."""
    values = [""] * len(order)
    rest = text
    if order and order[-1] == DEADLINE:
        at = _trailing_time(text)
        rest, values[-1] = text[:at], text[at:]
    inner = order[:-1] if order and order[-1] == DEADLINE else order
    timed = bool(inner) and inner[0] == DEADLINE
    count = len(inner) - timed
    ends = list(_SENTENCE_END_RE.finditer(rest))
    unit_at = ends[-1].end() if ends else -1
    tail = rest[unit_at:]
    read = None
    if unit_at > 0 and count and DEADLINE not in inner[timed:]:
        if timed:
            read = _time_then_units(tail, count)
        elif _names_units(tail):
            cells = _unit_cells(tail, count)
            read = ("", cells) if cells is not None else None
    if read is not None:
        values[:len(inner)] = ([read[0]] if timed else []) + read[1]
        return rest[:unit_at], values
    return (rest, [""] * (len(order) - 1) + [values[-1]]) if values[-1] and rest else (text, [""] * len(order))


def _row_starts(body: str, order: list[str]) -> list[int]:
    """Where each row opens in ``body`` (it opens with row ``1``): row n+1 at the first ``n+1`` glued before a
    character (no figure: "2月", "90%") after which the row before it closes on units or a time (its last cells as the
    header's ``order`` reads them, ``_last_cells``, or a unit cell then a time, as any table closes)."""
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
                closes = any(_last_cells(row, order)[1]) or any(_last_cells(row, _UNITS_THEN_TIME)[1])
                if closes:
                    break
            found = body.find(mark, found + 1)
        if not closes:
            return starts
        starts.append(found)
        number, at = number + 1, found + len(mark)
    return starts


def _end_order(columns: dict[str, int]) -> list[str]:
    """The roles (``_UNITS`` or ``DEADLINE``) of a header's unit and time columns (``columns`` as the table reader maps
    them), left to right."""
    from .tables import unit_columns
    return [_UNITS if key in unit_columns(columns) else DEADLINE for key in _end_keys(columns)]


def _end_keys(columns: dict[str, int]) -> list[str]:
    from .tables import unit_columns
    units = unit_columns(columns)
    return sorted((key for key in columns if key in units or (
        ANNOTATION_CAPTIONS.get(key) == DEADLINE and isinstance(columns[key], int))), key=columns.get)


def _row_cells(row: str, number: str, captions: list[str], columns: dict[str, int]) -> list[str]:
    """The cells of one glued row under ``captions`` (``columns`` as the table reader maps them)."""
    width = len(captions)
    cells = [""] * width
    cells[width + columns["number"]] = number
    texts, values = _last_cells(row, _end_order(columns))
    for key, value in zip(_end_keys(columns), values):
        if value:
            cells[width + columns[key]] = value
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
    other line unchanged (a line holding a tab among them: its cells are parted already)."""
    from .tables import task_table_columns
    result: list[Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        # a header whose cells a tab parts is no glued one, though a caption of it opens with "1" ("序号\t重点工作\t…\t1月进展":
        # a ledger's progress column of a month, branch ledgerplans66)
        found = _glued_header(line.text) if NUMBER in line.text and "\t" not in line.text else None
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
        starts = _row_starts(body, _end_order(columns))
        for number, (begin, end) in enumerate(zip(starts, starts[1:] + [len(body)]), start=1):
            row = body[begin + len(str(number)):end]
            result.append(Line(line.no, "\t".join(_row_cells(row, str(number), captions, columns))))
        index = last + 1
    return result
