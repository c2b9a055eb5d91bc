"""Numbering tokens of Chinese plans: recognising them, and inferring their levels.

Recognition is table-driven: ``STYLES`` lists every numbering style the parser knows at the
start of a line (paragraph), each with a regular expression and a function turning the numeral
into an ordinal. To support a new style, add a ``NumberingStyle`` to ``STYLES``. Numbering
*inside* a paragraph ("…：一是…。二是…", seeds 001 and 002) is read by ``inline.py``.
Word styles ("首先，/其次，/最后，") count only in documents that use them as a list (both
首先 and 其次 open lines): see ``match_number(..., words=True)``.

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
from typing import Callable

_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN = "[一二三四五六七八九十〇零两]{1,3}"
_CIRCLED = (
    [chr(c) for c in range(0x2460, 0x2474)]      # ①-⑳
    + [chr(c) for c in range(0x3251, 0x3260)]    # ㉑-㉟
    + [chr(c) for c in range(0x32B1, 0x32C0)]    # ㊱-㊿
)
_CIRCLED_VALUE = {ch: i for i, ch in enumerate(_CIRCLED, start=1)}
# Trailing punctuation removed from a token to get its path key (CONTRACTS.md §1).
_KEY_STRIP = "、.．，,：:"


def cn_numeral_value(numeral: str) -> int | None:
    """Value of a Chinese numeral from 一 (1) to 九十九 (99): "十一" -> 11, "二十" -> 20.

    Returns None for anything else (e.g. "十十", "〇", an empty string).
    """
    if not numeral:
        return None
    if "十" in numeral:
        tens_part, _, ones_part = numeral.partition("十")
        if "十" in ones_part or len(tens_part) > 1 or len(ones_part) > 1:
            return None
        tens = 1 if tens_part == "" else _CN_DIGITS.get(tens_part)
        ones = 0 if ones_part == "" else _CN_DIGITS.get(ones_part)
        if not tens or ones is None:
            return None
        return tens * 10 + ones
    if len(numeral) == 1:
        return _CN_DIGITS.get(numeral) or None
    return None


def arabic_value(numeral: str) -> int | None:
    """Value of an Arabic numeral 1–99 (as written, half- or full-width digits); else None."""
    try:
        value = int(numeral)
    except ValueError:
        return None
    return value if 0 < value < 100 else None


def circled_value(numeral: str) -> int | None:
    """Value of a circled number ①–㊿ (1–50); else None."""
    return _CIRCLED_VALUE.get(numeral)


def word_ordinal(words: dict[str, int]) -> Callable[[str], int | None]:
    """Ordinal function for word-like styles, e.g. ``word_ordinal({"首先": 1, "其次": 2})``."""
    return words.get


# "最后" closes a list whatever its length: ordinal LAST, never a numbering gap.
LAST = 0
SEQ_WORDS = {"首先": 1, "其次": 2, "再次": 3, "最后": LAST}
WORD_STYLES = frozenset({"cn_seq"})


@dataclass(frozen=True)
class NumberingStyle:
    """One numbering style.

    ``name`` identifies the style for level inference (full- and half-width brackets of one
    style share a name, so "（一）" and "(二)" are one level); ``pattern`` must match at the start
    of the text and put the numeral in the group ``num``; ``value`` turns the numeral into an
    ordinal (None rejects the match); ``example`` documents the style; ``where`` is
    "line_start" (checked at the start of each paragraph) or "inline" (reserved for later).
    """

    name: str
    pattern: str
    value: Callable[[str], int | None]
    example: str
    where: str = "line_start"

    @property
    def regex(self) -> re.Pattern:
        """The compiled ``pattern``."""
        return _compiled(self.pattern)


_CACHE: dict[str, re.Pattern] = {}


def _compiled(pattern: str) -> re.Pattern:
    if pattern not in _CACHE:
        _CACHE[pattern] = re.compile(pattern)
    return _CACHE[pattern]


# Order matters only where two patterns could match the same text (more specific first).
SECTION_STYLE = "section"
STYLES: tuple[NumberingStyle, ...] = (
    # 【篇四】 — a document of a file that holds several (seed 002); see sections.py.
    NumberingStyle(SECTION_STYLE, rf"【\s*(?:篇|第)\s*(?P<num>{_CN}|[0-9]{{1,2}})\s*篇?\s*】",
                   lambda n: arabic_value(n) if n.isdigit() else cn_numeral_value(n), "【篇四】"),
    NumberingStyle("chapter", rf"第\s*(?P<num>{_CN})\s*章", cn_numeral_value, "第一章"),
    NumberingStyle("section", rf"第\s*(?P<num>{_CN})\s*节", cn_numeral_value, "第一节"),
    NumberingStyle("article", rf"第\s*(?P<num>{_CN})\s*条", cn_numeral_value, "第一条"),
    # 第一，第二， — seed 001 (a speech).
    NumberingStyle("cn_ordinal", rf"第\s*(?P<num>{_CN})\s*[，,、：:]", cn_numeral_value, "第一，"),
    # 一、 — seeds 000, 002, 003.
    NumberingStyle("cn_comma", rf"(?P<num>{_CN})\s*[、．]", cn_numeral_value, "一、"),
    # （一） and half-width (一) — seeds 003 and 002.
    NumberingStyle("cn_paren", rf"[（(]\s*(?P<num>{_CN})\s*[）)]", cn_numeral_value, "（一）"),
    # 1. 1、 1． — seed 002 (1、); the look-ahead keeps "1.5亿元" out.
    NumberingStyle("arabic", r"(?P<num>[0-9０-９]{1,2})\s*[.．、](?![0-9０-９])", arabic_value, "1."),
    NumberingStyle("arabic_paren", r"[（(]\s*(?P<num>[0-9０-９]{1,2})\s*[）)]", arabic_value, "（1）"),
    NumberingStyle("circled", "(?P<num>[" + "".join(_CIRCLED) + "])", circled_value, "①"),
    # 一是 / 一要 at the start of a paragraph — seeds 002 (一是), 000 and 002 (一要).
    NumberingStyle("cn_shi", rf"(?P<num>{_CN})是(?![否非])", cn_numeral_value, "一是"),
    NumberingStyle("cn_yao", rf"(?P<num>{_CN})要(?![求素件点])", cn_numeral_value, "一要"),
    # 首先，其次，最后， opening paragraphs — only where the document uses them as a list.
    NumberingStyle("cn_seq", r"(?P<num>首先|其次|再次|最后)\s*[，,、：:]", word_ordinal(SEQ_WORDS), "首先，"),
)


@dataclass(frozen=True)
class NumberToken:
    """A numbering token found at the start of a line.

    ``style``: the ``NumberingStyle.name``; ``ordinal``: its value (1 for 一/1/①/第一);
    ``written``: the token as written without whitespace, e.g. "（一）", "1.", "第一，";
    ``key``: ``written`` minus a trailing 、 . ． ， (the path element, e.g. "一", "第一");
    ``end``: offset in the line where the item's own text begins.
    """

    style: str
    ordinal: int
    written: str
    key: str
    end: int


def match_number(text: str, styles: tuple[NumberingStyle, ...] = STYLES,
                 words: bool = False) -> NumberToken | None:
    """Return the numbering token at the start of ``text`` (a cleaned line), or None.

    Only styles with ``where == "line_start"`` are tried, and the word styles (首先，…) only
    with ``words=True``. Numbers in the middle of a sentence ("3家以上", "（ OTC）", "20xx年",
    "1-10月份") are never at a line start and are not seen.
    """
    for style in styles:
        if style.where != "line_start" or (style.name in WORD_STYLES and not words):
            continue
        m = style.regex.match(text)
        if not m:
            continue
        ordinal = style.value(m.group("num"))
        if ordinal is None:
            continue
        written = re.sub(r"\s+", "", m.group(0))
        key = written.rstrip(_KEY_STRIP) or written
        return NumberToken(style.name, ordinal, written, key, m.end())
    return None


@dataclass
class _OpenItem:
    token: NumberToken
    is_heading: bool
    accepts_children: bool = True
    last_child: dict[str, NumberToken] = field(default_factory=dict)


class LevelTracker:
    """Assigns path and level to each numbered item, in document order, and checks sequences.

    Use ``place(token, line, is_heading)`` for every item and ``note_break()`` when a real
    paragraph break (an unnumbered paragraph that belongs to no item) is met.
    """

    def __init__(self) -> None:
        self._stack: list[_OpenItem] = []
        self._root_children: dict[str, NumberToken] = {}

    def note_break(self) -> None:
        """After an unnumbered paragraph that ended an item, non-heading items take no children
        (a new style met afterwards nests under the nearest open heading instead)."""
        for item in self._stack:
            if not item.is_heading:
                item.accepts_children = False

    def place(self, token: NumberToken, line: int, is_heading: bool) -> tuple[list[str], int, list[str]]:
        """Place ``token`` (found on source line ``line``) in the tree.

        Returns (path, level, warnings). Warnings name the line: a gap ("编号不连续：四、之后是
        六、（第 23 行）", seed 000), a restart or repeat ("编号重复或倒退：…"), a list not
        starting at its first item ("编号不从第一项开始：…").
        """
        for index in range(len(self._stack) - 1, -1, -1):
            if self._stack[index].token.style == token.style:
                del self._stack[index:]
                break
        else:
            while self._stack and not self._stack[-1].accepts_children:
                self._stack.pop()
        level = len(self._stack) + 1
        siblings = self._stack[-1].last_child if self._stack else self._root_children
        warnings = check_sequence(siblings.get(token.style), token, line)
        siblings[token.style] = token
        path = [item.token.key for item in self._stack] + [token.key]
        self._stack.append(_OpenItem(token, is_heading))
        return path, level, warnings


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
