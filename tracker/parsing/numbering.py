"""Levels of a plan's numbered items: which item each numbering token opens under.

The tokens themselves (styles, numerals, ``match_number``) are the field's vocabulary:
tracker/vocabulary/numbering.py. Numbering *inside* a paragraph ("…：一是…。二是…", seeds 001
and 002) is read by ``inline.py``. Word styles ("首先，/其次，/最后，") count only in documents
that use them as a list (both 首先 and 其次 open lines): see ``match_number(..., words=True)``.

Levels are not taken from a fixed table (一、 is not always level 1: speeches start at 第一，).
``LevelTracker`` places each item as a sibling of the nearest open item of the same style, or
else as a child of the innermost open item: the first style seen is level 1, a new style seen
inside an item is one level deeper, a style seen again returns to its level, and a style met
again under a different parent (丽水: 二、 → (一) → 10.) nests under that parent. GB/T 9704 order
一、 → （一） → 1. → （1） comes out by itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..vocabulary.numbering import (ENUMERATION_STYLES, LAST, RANKED_STYLES, STRUCTURE_STYLES, NumberToken, match_number,
                                   outline_parent, outranks)
from ..vocabulary.han import HAN_RE


# Styles a document numbers through from its first item to its last, whatever the level: a
# regulation's articles (第一条 … 第八十二条 across its chapters and their sections, 第一节).
THROUGH_STYLES = frozenset({"article"})


@dataclass
class _OpenItem:
    token: NumberToken
    is_heading: bool
    accepts_children: bool = True
    nested: bool = False  # placed under the row's heading by a table's hint (``place(..., nests=True)``)
    last_child: dict[str, NumberToken] = field(default_factory=dict)


class LevelTracker:
    """Assigns path and level to each numbered item, in document order, and checks sequences.

    Use ``place(token, line, is_heading)`` for every item and ``note_break()`` when a real
    paragraph break (an unnumbered paragraph that belongs to no item) is met.
    """

    def __init__(self) -> None:
        self._stack: list[_OpenItem] = []
        self._root_children: dict[str, NumberToken] = {}
        # (style, level) -> the last token of that style at that level, under any parent
        self._last_of_style: dict[tuple[str, int], NumberToken] = {}
        # style -> its last token at any level, for styles numbered through the document (``THROUGH_STYLES``)
        self._last_through: dict[str, NumberToken] = {}
        # the style of the top items of a copy that opens inside a plan (its first item in a style of the outline, "（三）",
        # "5、", or its list's first, "1、" / "（一）": a page cut a plan at an item below the top, GOLD-README "excerpt61"):
        # a later item of a higher level of the outline ("四、" after "（五）") is placed at the top too (``_opens_above``);
        # a copy opening at "一、" is a whole plan's outline, which nothing outranks
        self._opened_inside: str | None = None
        # whether those top items began at their list's first ("1、", "（一）"): then only a later heading numbered past 1
        # ("（二）", "三、") shows the copy opened inside a plan; one numbered 1 is the first child of an outline of its
        # own ("1.第一部分" / "（一）甲事项", the order styles first appear in)
        self._opened_at_first = False
        self._placed = False

    def _opens_above(self, token: NumberToken) -> bool:
        """Whether ``token`` goes to the top of the tree above the items a copy opened inside a plan with ("（三）…" "（四）…"
        then "四、保障措施": 四、 is the next part, no child of （四）; "5、" "6、" then "（三）整改提高阶段"): its style outranks
        theirs in the usual outline (``vocabulary.numbering.outranks``; GOLD-README "stages58", 169, 1029). A copy whose
        first item is its list's first ("1、" "2、" then "（二）…" / "1、" then "三、", GOLD-README "excerpt61") shows it opened
        inside a plan only by the later heading numbered past 1: "1.第一部分" / "（一）甲事项" is an outline of its own."""
        return (bool(self._stack) and self._stack[0].token.style == self._opened_inside
                and outranks(token.style, self._opened_inside) and (token.ordinal > 1 or not self._opened_at_first))

    def _continued(self, token: NumberToken, level: int) -> NumberToken | None:
        """The token ``token`` may number on from under a new parent: the last of its style at its
        level, or at any level for a style numbered through the document (第一条 … 第五条 across
        第一章 and the 第一节 of 第二章)."""
        if token.style in THROUGH_STYLES:
            return self._last_through.get(token.style)
        return self._last_of_style.get((token.style, level))

    def note_break(self) -> None:
        """After an unnumbered paragraph that ended an item, non-heading items take no children
        (a new style met afterwards nests under the nearest open heading instead)."""
        for item in self._stack:
            if not item.is_heading:
                item.accepts_children = False

    def reopen(self) -> None:
        """The innermost open item takes children again: the paragraphs that broke it (``note_break``) were its
        body after all (the walker's titled item, "（一）强化项目建设。" / its paragraph / "一是…": 一是 is (一)'s)."""
        if self._stack:
            self._stack[-1].accepts_children = True

    def extends(self, token: NumberToken) -> bool:
        """Whether ``token``, a decimal outline's number ("1.2", "2.1.1"), extends an open item: its number without
        the last part is the key of an item open now ("1.2" under "1", "2.1.1" under "2.1"). The body walk takes a
        number glued to its heading ("1.1编制目的", ``vocabulary.numbering.is_glued_outline``) only so: a decimal
        that opens a line of another plan ("1.5公里范围内…") extends nothing and stays text."""
        parent = outline_parent(token)
        return any(item.token.key == parent for item in self._stack)

    def fits(self, token: NumberToken) -> bool:
        """Whether ``token`` would be placed without a warning (the first of a new list, the next
        of its siblings, or numbered on across headings), the tree left unchanged. The body walk
        asks it for a number a line wrap may have left at a line start (PDF copies, issue 13)."""
        previous, continued = self._before(token)
        if previous is None and continued is not None and token.ordinal == continued.ordinal + 1:
            return True
        return not check_sequence(previous, token, 0)

    def continues(self, token: NumberToken) -> bool:
        """Whether ``token`` is the expected next item of a list already begun (its previous sibling of the same
        style is numbered one less, or the list numbers on across headings), the tree left unchanged; never the
        first of a list. The body walk asks it for a number followed by a figure ("2.50个小区…" after item 1.:
        ``vocabulary.numbering.match_number_before_figure``), which opens an item only so (GOLD-README "kinds45")."""
        previous, continued = self._before(token)
        last = previous if previous is not None else continued
        return last is not None and token.ordinal == last.ordinal + 1

    def _before(self, token: NumberToken) -> tuple[NumberToken | None, NumberToken | None]:
        """(the previous sibling of ``token``'s style where it would be placed, the last of its style at that level
        under any parent), the tree left unchanged."""
        stack = self._stack
        for index in range(len(stack) - 1, -1, -1):
            if stack[index].token.style == token.style and not stack[index].nested:
                stack = stack[:index]
                break
        else:
            keep = 0 if self._opens_above(token) else len(stack)
            while keep and not _takes(stack[keep - 1], token):
                keep -= 1
            stack = stack[:keep]
        siblings = stack[-1].last_child if stack else self._root_children
        return siblings.get(token.style), self._continued(token, len(stack) + 1)

    def place(self, token: NumberToken, line: int, is_heading: bool,
              nests: bool = False) -> tuple[list[str], int, list[str]]:
        """Place ``token`` (found on source line ``line``) in the tree.

        ``nests``: the caller knows the item opens under the innermost open item (a task table's row whose
        task cell opens with its own number, under the row's 序号 and 目标名称: ``Line.nests``), even when
        their numbers share a style ("1、" over "1.", GOLD-README "Task tables, round 8"). Its siblings are
        only the items placed the same way under that parent ("1." then "2." under a merged 序号 "1"), and an
        item placed so is no sibling of a later item placed without the hint (the next row's "2、").

        Returns (path, level, warnings). Warnings name the line: a gap ("编号不连续：四、之后是
        六、（第 23 行）", seed 000), a restart or repeat ("编号重复或倒退：…"), a list not
        starting at its first item ("编号不从第一项开始：…"), unless it goes on from the last item
        of its style and level under the previous parent (a plan or a task table numbering its
        measures on across its headings: 一、 1. 2. 二、 3.).
        """
        if nests:
            for index in range(len(self._stack) - 1, -1, -1):
                if self._stack[index].nested and self._stack[index].token.style == token.style:
                    del self._stack[index:]  # the sub-row before it under the same row heading
                    break
        else:
            for index in range(len(self._stack) - 1, -1, -1):
                if self._stack[index].token.style == token.style and not self._stack[index].nested:
                    del self._stack[index:]
                    break
            else:
                if self._opens_above(token):
                    self._stack.clear()
                while self._stack and not _takes(self._stack[-1], token):
                    self._stack.pop()
        if (not self._stack and token.ordinal != LAST and token.style in RANKED_STYLES  # a copy opening inside a plan or a regulation
                and token.style != self._opened_inside and (not self._placed or self._opened_inside is not None)):
            self._opened_inside = token.style  # "（三）" or "1、" first, or "四、" above it: the copy opened inside the plan
            self._opened_at_first = token.ordinal == 1
        self._placed = True
        level = len(self._stack) + 1
        siblings = self._stack[-1].last_child if self._stack else self._root_children
        previous = siblings.get(token.style)
        continued = self._continued(token, level)
        if previous is None and continued is not None and token.ordinal == continued.ordinal + 1:
            warnings = []  # numbered on across the headings ("一、… 1. 2. 二、… 3."): no new list
        else:
            warnings = check_sequence(previous, token, line)
        siblings[token.style] = token
        self._last_of_style[(token.style, level)] = token
        self._last_through[token.style] = token
        path = [item.token.key for item in self._stack] + [token.key]
        self._stack.append(_OpenItem(token, is_heading, nested=nests))
        return path, level, warnings


# A speech's parts ("第一，…", "第二项，…"): a part goes on over its paragraphs (GOLD-README "Speech enumerations").
SPEECH_PART_STYLES = frozenset({"cn_ordinal", "cn_item"})


def _takes(item: _OpenItem, token: NumberToken) -> bool:
    """Whether the open ``item`` may take ``token``'s item as a child: not after a paragraph break
    ended it (``note_break``), unless the item is a speech's part and the token one of its enumerations
    ("第五，…。" / a paragraph / "一要…" "二要…": the part goes on over its paragraphs, ``speech_part_goes_on``),
    and never a part or heading under a speech's enumeration (一、 under 二是, ``ENUMERATION_STYLES``)."""
    return ((item.accepts_children or speech_part_goes_on(item.token, token))
            and not (item.token.style in ENUMERATION_STYLES and token.style in STRUCTURE_STYLES))


def speech_part_goes_on(part: NumberToken, token: NumberToken) -> bool:
    """True when ``token``, opening a line after a paragraph of the speech's part ``part`` ("第五，关于作风。" /
    "作风建设…。" / "一要…"), is one of the part's enumerations: a paragraph of a numbered part after its first
    line still belongs to that part (GOLD-README "Speech enumerations"), so its 一要/一是 items are the part's."""
    return part.style in SPEECH_PART_STYLES and token.style in ENUMERATION_STYLES


def check_sequence(previous: NumberToken | None, token: NumberToken, line: int) -> list[str]:
    """Warnings for ``token`` following its previous sibling of the same style (or None)."""
    if token.ordinal == LAST:
        return []
    if previous is None:
        if token.ordinal != 1:
            return [f"编号不从第一项开始：{token.written}（第 {line} 行）"]
        return []
    if token.ordinal == previous.ordinal + 1:
        return []
    if token.ordinal > previous.ordinal + 1:
        return [f"编号不连续：{previous.written}之后是{token.written}（第 {line} 行）"]
    return [f"编号重复或倒退：{previous.written}之后是{token.written}（第 {line} 行），"
            "可能是几份文件合在一起，或编号有误"]


# ---- A list whose badges became lines of their own (branch deadlines28) -------------------------------------------
# A news page draws its list's numbers as badges ("1", "2", "3" in a circle or a box); copied as text each badge is a
# line holding the number alone, the item's paragraph on the next line (a blank line between dropped by cleaning).
_BADGE_RE = re.compile(r"[0-9０-９]{1,2}")
_BADGE_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
# Where a paragraph ends: the line before the next badge closes the item above it (a page number falls inside one).
_PARAGRAPH_END = ("。", "！", "？", "；", "…", "”", "」", "）", ")", "!", "?", ";")
#: Fewest badges of a run read as a list: "1", "2", "3" in order (two lone numbers may be a page's, a count's).
BADGE_RUN = 3
#: Most lines between two badges of one run (an item's paragraphs); a page's numbers stand a page apart.
BADGE_GAP = 8
# Fewest Chinese characters of the line after a badge: the item's words, not a date's piece ("月") or a cell's figure.
_BADGE_TEXT_CHARS = 4


def _badge_value(text: str) -> int | None:
    return int(text.translate(_BADGE_DIGITS)) if _BADGE_RE.fullmatch(text) else None


def badge_items(lines: list, skip: frozenset[int] = frozenset()) -> dict[int, int]:
    """Lines of a list whose numbers stand alone, each on a line above its item's words: {index of the number's line:
    its value}, for every run of ``BADGE_RUN`` or more such lines numbered 1, 2, 3 … in order, at most ``BADGE_GAP``
    lines apart, each followed by a line of the item's words (``_BADGE_TEXT_CHARS`` Chinese characters or more, no
    number alone) and each after the first standing after a paragraph's end (``_PARAGRAPH_END``). ``lines`` are
    ``cleaning.Line``s (blank lines dropped); ``skip`` holds the line numbers (``Line.no``) of a task table's rows.

    A lone number outside such a run opens nothing: a page number (a page apart, inside a paragraph), a count in a
    table's cell, a footnote's mark, a date's piece ("12" then "月") (GOLD-README "deadlines28")."""
    found: dict[int, int] = {}
    run: list[int] = []

    def close() -> None:
        if len(run) >= BADGE_RUN:
            found.update({at: k + 1 for k, at in enumerate(run)})
        run.clear()

    for index, line in enumerate(lines):
        value = _badge_value(line.text)
        if value is None or line.no in skip:
            continue
        following = lines[index + 1] if index + 1 < len(lines) else None
        opens = (following is not None and following.no not in skip and _badge_value(following.text) is None
                 and len(HAN_RE.findall(following.text)) >= _BADGE_TEXT_CHARS)
        goes_on = (bool(run) and value == len(run) + 1 and index - run[-1] <= BADGE_GAP
                   and lines[index - 1].text.rstrip().endswith(_PARAGRAPH_END))
        if opens and goes_on:
            run.append(index)
            continue
        close()
        if opens and value == 1:
            run.append(index)
    close()
    return found


# ---- A timetable's steps, each number alone on its line over the step's title (branch numbers67) ------------------------
# A saved "工作时间表" page draws its steps as bullets holding a zero-padded number ("• 01", "01"), the step's title on the
# next line ("制定普查方案"), often its time window on the line after ("2018年1月-9月"), then the step's items "1." "2." …,
# which restart under each step. From .cleaning's BULLETS (not imported: cleaning imports this package's vocabulary).
_STEP_RE = re.compile(r"(?:[●•■◆▲★◎□◇▪▶►]\s*)?(?P<num>[0-9０-９]{2})")
# The step's title and its window: short lines without a sentence in them.
_STEP_LINE_RE = re.compile(r"[^。；;！!？?]{2,30}")
#: Fewest steps of a run read as a timetable ("01" and "02" over their titles and items): one lone "01" may be a page's.
STEP_RUN = 2


def _step_value(text: str) -> int | None:
    found = _STEP_RE.fullmatch(text.strip())
    return int(found.group("num").translate(_BADGE_DIGITS)) or None if found else None


def _opens_first_item(text: str) -> bool:
    token = match_number(text)
    return token is not None and token.ordinal == 1


def _is_step(lines: list, index: int, skip: frozenset[int]) -> bool:
    """Is ``lines[index]``, a lone two-figure number, a timetable's step: the next line its title (a short line with
    Chinese words, no number, no sentence), then the step's first item ("1.…"), right after the title or after one
    more short line (the step's window, "2018年1月-9月")?"""
    following = lines[index + 1:index + 4]
    if len(following) < 2 or any(line.no in skip for line in following):
        return False
    title = following[0].text.strip()
    if (not _STEP_LINE_RE.fullmatch(title) or len(HAN_RE.findall(title)) < 2 or match_number(title) is not None
            or _step_value(title) is not None):
        return False
    if _opens_first_item(following[1].text):
        return True
    window = following[1].text.strip()
    return (len(following) == 3 and _STEP_LINE_RE.fullmatch(window) is not None and match_number(window) is None
            and _opens_first_item(following[2].text))


def step_numbers(lines: list, skip: frozenset[int] = frozenset()) -> dict[int, int]:
    """Lines of a timetable's steps: {index of the step's number line: its value}, for every run of ``STEP_RUN`` or
    more lone two-figure numbers ("01", "• 02": a bullet before it is layout) numbered 1, 2, 3 … in order, each over
    its title line and its first item, "1." (``_is_step``; GOLD-README "numbers67"). ``lines`` are ``cleaning.Line``s
    (blank lines dropped); ``skip`` holds the line numbers (``Line.no``) of a task table's rows.

    A lone "01" outside such a run, or with no title and items under it (a page number, a figure in a table laid out
    one cell a line, a badge over a paragraph: ``badge_items``), is no step. Linear in the lines."""
    found: dict[int, int] = {}
    run: list[int] = []
    for index, line in enumerate(lines):
        value = _step_value(line.text) if line.no not in skip else None
        if value is None or not _is_step(lines, index, skip):
            continue
        if value == len(run) + 1:
            run.append(index)
            continue
        if len(run) >= STEP_RUN:
            found.update({at: k + 1 for k, at in enumerate(run)})
        run = [index] if value == 1 else []
    if len(run) >= STEP_RUN:
        found.update({at: k + 1 for k, at in enumerate(run)})
    return found
