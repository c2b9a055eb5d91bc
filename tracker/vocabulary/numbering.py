"""The numbering grammar of Chinese plans and ledgers: numerals, and the tokens that number items.

Numerals, both ways:
- Chinese: ``chinese_numeral(125)`` -> "一百二十五", ``chinese_numeral_value("一百二十五")`` -> 125;
  any size (万, 亿, 万亿 …), 十 for 10–19 as written in 公文 ("十二", not "一十二").
- Roman (Word's ``upperRoman``/``lowerRoman`` lists): 1–``MAX_ROMAN`` only; anything larger is
  refused rather than written as a string of millions of "M".
- Arabic 1–999 and circled ①–㊿, as numbering uses them.

Tokens (``NumberToken``): what numbers an item, read in two places with one vocabulary of
styles (cn_comma 一、, cn_paren （一）, arabic 1., arabic_paren （1）, circled ①, …):
- ``match_number(line)``: the token at the start of a plan's line (``STYLES``, the table of
  line-start styles the plan parser knows; to support a new style, add a ``NumberingStyle``);
- ``parse_number(cell)``: the tokens of a ledger's 序号 cell ("一（一）", "1.2", "一、防控…").

How levels follow from tokens is the reader's business: the plan parser's ``LevelTracker``
(tracker/parsing/numbering.py) and the ledger's ``PathBuilder`` (tracker/ledger/hierarchy.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from .han import HAN_CLASS

# ---------------------------------------------------------------------------------------------
# Chinese numerals

_CN_DIGITS = "零一二三四五六七八九"
_CN_DIGIT_VALUE = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
                   "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
#: Longest Chinese numeral text read by ``chinese_numeral_value`` (longer text gives None).
MAX_CHINESE_NUMERAL_CHARS = 40


def _below_10000(n: int) -> str:
    """0 < n < 10000 in full form, with 零 for inner gaps: 1010 -> 一千零一十, 110 -> 一百一十."""
    out, gap = [], False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, value)
        if digit:
            if gap and out:
                out.append("零")
            out.append(_CN_DIGITS[digit] + unit)
            gap = False
        else:
            gap = True
    return "".join(out)


def chinese_numeral(n: int) -> str:
    """Write the integer ``n`` >= 0 in Chinese numerals, as 公文 number their items.

    1 -> 一, 10 -> 十, 12 -> 十二, 25 -> 二十五, 100 -> 一百, 101 -> 一百零一, 110 -> 一百一十,
    10000 -> 一万, 100000 -> 十万, 0 -> 零. No upper limit (亿 groups repeat: 10**16 -> 一亿亿); the
    text grows with the number of digits only. Raises ValueError for a negative number.
    """
    if n < 0:
        raise ValueError(f"负数不能写成中文序号：{n}")
    if n == 0:
        return "零"
    text = _full_chinese(n)
    return text[1:] if text.startswith("一十") else text


def _full_chinese(n: int) -> str:
    """``n`` > 0 with every 一 written (一十二); ``chinese_numeral`` drops a leading 一 of 一十."""
    if n >= 10 ** 8:
        high, low = divmod(n, 10 ** 8)
        return _full_chinese(high) + "亿" + _rest(low, 10 ** 7)
    if n >= 10 ** 4:
        high, low = divmod(n, 10 ** 4)
        return _below_10000(high) + "万" + _rest(low, 10 ** 3)
    return _below_10000(n)


def _rest(low: int, first_digit: int) -> str:
    """The lower part after 亿/万: "" for 0, 零 before it when it does not fill its group."""
    if low == 0:
        return ""
    return ("零" if low < first_digit else "") + _full_chinese(low)


def chinese_numeral_value(text: str) -> int | None:
    """Value of a Chinese numeral: "十一" -> 11, "一百零一" -> 101, "两万" -> 20000, "零" -> 0.

    Accepts what ``chinese_numeral`` writes, with 两 for 二, 〇 for 零 and a leading 一 before 十
    ("一十五"). Returns None for anything else ("十十", "二一", "百", "", text longer than
    MAX_CHINESE_NUMERAL_CHARS), so a word that happens to use numeral characters is not a number.
    """
    if not isinstance(text, str) or not text or len(text) > MAX_CHINESE_NUMERAL_CHARS:
        return None
    total = section = digit = 0
    seen_digit = False
    for char in text:
        if char in _CN_DIGIT_VALUE:
            digit, seen_digit = _CN_DIGIT_VALUE[char], True
        elif char in _CN_SMALL_UNITS:
            section += (digit if seen_digit else 1) * _CN_SMALL_UNITS[char]
            digit, seen_digit = 0, False
        elif char == "万":
            total += (section + digit) * 10 ** 4
            section = digit = 0
            seen_digit = False
        elif char == "亿":
            total = (total + section + digit) * 10 ** 8
            section = digit = 0
            seen_digit = False
        else:
            return None
    value = total + section + digit
    canonical = text.replace("两", "二").replace("〇", "零")
    if canonical.startswith("一十"):
        canonical = canonical[1:]
    return value if chinese_numeral(value) == canonical else None


# ---------------------------------------------------------------------------------------------
# Roman, Arabic and circled numerals

#: Largest number written in Roman numerals (MMMCMXCIX); larger ones are refused.
MAX_ROMAN = 3999
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
          (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman_numeral(n: int) -> str:
    """1 -> "I", 4 -> "IV", 2024 -> "MMXXIV" (upper case; lower it for Word's ``lowerRoman``).

    Raises ValueError outside 1..MAX_ROMAN: a list number of 10**11 from a crafted .docx must
    not become a string of a hundred million "M" (callers fall back to Arabic digits).
    """
    if not 0 < n <= MAX_ROMAN:
        raise ValueError(f"罗马数字只能表示 1 到 {MAX_ROMAN}：{n}")
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def roman_value(text: str) -> int | None:
    """Value of a Roman numeral in either case ("iv" -> 4); None unless written as ``roman_numeral``
    writes it (so "IIII", "VX" or "" give None)."""
    if not isinstance(text, str) or not text or len(text) > 15:
        return None
    upper, total = text.upper(), 0
    position = 0
    for value, letters in _ROMAN:
        while upper.startswith(letters, position):
            total += value
            position += len(letters)
    if position != len(upper) or not 0 < total <= MAX_ROMAN:
        return None
    return total if roman_numeral(total) == upper else None


def arabic_value(numeral: str) -> int | None:
    """Value of an Arabic numeral 1–9999 (as written, half- or full-width digits); else None.
    (A task table's 序号 runs past 99, issue 13, and past 999 in a long table: up to the upload budget's
    items, ``upload_budget.UploadBudget.max_items``, 5,000 by default; branch tables30.)"""
    try:
        value = int(numeral)
    except ValueError:
        return None
    return value if 0 < value < 10000 else None


# A year written digit by digit in Chinese numerals before 年 ("二〇二五年", "二零二四年", "二○二三年").
_CN_YEAR_RE = re.compile(r"[〇○零一二三四五六七八九]{4}(?=年)")
_CN_YEAR_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")


def arabic_years(text: str) -> str:
    """``text`` with each year written digit by digit in Chinese numerals in Arabic digits ("二〇二五年六月" ->
    "2025年六月"), so that the rules reading "NNNN年" read it too (a deadline, an indicator table's title); the months
    and days stay as written (``chinese_numeral_value`` reads them)."""
    return _CN_YEAR_RE.sub(lambda found: found.group(0).translate(_CN_YEAR_DIGITS), text)


# The count of its items a group's title closes with: "（2项）", "(共8项)", "（计5条）".
# Linear in the blanks (was ``\s*[（(]\s*(?:共|计|合计)?\s*…``, quadratic: the two runs of blanks around the missing
# 共 split one run every way): each run possessive, the blanks after 共 read with it.
_ITEM_COUNT_RE = re.compile(r"\s*+[（(]\s*+(?:(?:共|计|合计)\s*+)?(?:\d{1,4}+|[一二三四五六七八九十]{1,3}+)\s*+(?:项|条|个)\s*+[）)]\s*+$")


def without_item_count(title: str) -> str:
    """A group row's title without the count of its items written after it ("优化营商环境（2项）" -> "优化营商环境",
    "县发改局牵头工作(共8项)" -> "县发改局牵头工作"): the count is no part of the group's name. A title that is only a
    count stays as written."""
    stripped = _ITEM_COUNT_RE.sub("", title)
    return stripped if stripped.strip() else title


#: Circled numbers ①–⑳, ㉑–㉟, ㊱–㊿, in order (value = index + 1).
CIRCLED = (
    [chr(c) for c in range(0x2460, 0x2474)]      # ①-⑳
    + [chr(c) for c in range(0x3251, 0x3260)]    # ㉑-㉟
    + [chr(c) for c in range(0x32B1, 0x32C0)]    # ㊱-㊿
)
_CIRCLED_VALUE = {ch: i for i, ch in enumerate(CIRCLED, start=1)}


def circled_value(numeral: str) -> int | None:
    """Value of a circled number ①–㊿ (1–50); else None."""
    return _CIRCLED_VALUE.get(numeral)


def cn_ordinal(numeral: str) -> int | None:
    """Ordinal of a Chinese numeral used as a number (一 -> 1); None for 零 and non-numerals."""
    return chinese_numeral_value(numeral) or None


# ---------------------------------------------------------------------------------------------
# Numbering tokens

@dataclass(frozen=True)
class NumberToken:
    """One numbering token, as read from a plan's line or a ledger's 序号 cell.

    ``style``: the style name (a ``NumberingStyle.name`` at a line start; for 序号 cells cn,
    cn_paren, arabic, arabic_paren, circled, dotted2, dotted3, …); ``key``: the token as written
    without spaces and trailing 、 . ， (the path element: "一", "（一）", "第一", "1.2");
    ``ordinal``: its value (1 for 一/1/①/第一; None where not read, as in 序号 cells);
    ``written``: the token as written without spaces, e.g. "一、", "第一，" ("" in 序号 cells);
    ``end``: offset in the line where the item's own text begins (0 in 序号 cells).
    """

    style: str
    key: str
    ordinal: int | None = None
    written: str = ""
    end: int = 0


_CN = "[一二三四五六七八九十〇零两]{1,3}"
# Trailing punctuation removed from a token to get its path key (CONTRACTS.md §1).
_KEY_STRIP = "、.．，,：:﹒﹑・･·‧。"


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
    "line_start" (checked at the start of each paragraph) or "inline" (reserved for later);
    ``in_context``: a token only where its list's context makes it one (a decimal outline's number glued
    to its heading, ``OUTLINE_STYLES``): matched only with ``match_number(..., spaced=True)``, the body walk,
    which checks that context.
    """

    name: str
    pattern: str
    value: Callable[[str], int | None]
    example: str
    where: str = "line_start"
    in_context: bool = False

    @property
    def regex(self) -> re.Pattern:
        """The compiled ``pattern``."""
        return _compiled(self.pattern)


_CACHE: dict[str, re.Pattern] = {}


def _compiled(pattern: str) -> re.Pattern:
    if pattern not in _CACHE:
        _CACHE[pattern] = re.compile(pattern)
    return _CACHE[pattern]


#: The style of "1 加强领导" (a number and a space): a token only in its list's sequence.
SPACED_STYLE = "arabic_space"
# Words that count after a number ("3 家", "12 月"): the number is a quantity, not an item's.
_COUNTERS = "[年月日时分秒个项家万亿千百元角米吨亩人次户所座台辆倍份余多批期号条届周天种类名位件本]"
# A decimal outline's heading may open with a word whose first character counts elsewhere ("1.3分级分类", "2.2项目管理",
# "3.1人员防护", "4.2年度计划": an 应急预案's or 方案's headings, issue 13, branch kinds35): after a glued outline number such a
# word is the heading's, never a quantity ("1.5分钟", "3.2万人" stay quantities).
# (the same words after a bracketed or listed number: "（三）项目申报材料…" opens item (三)'s words, where "（一）至（三）项"
# counts items; parsing/parser.py ``_glue_candidates``, branch fresh37)
_WORDS_NOT_COUNTERS = "分[级类工组区析]|项目|項目|人员|年度|条件|個人|个人|期限|批次|种类|名称"
_OUTLINE_COUNTERS = f"(?!{_WORDS_NOT_COUNTERS})" + _COUNTERS
_WORD_NOT_COUNTER_RE = re.compile(_WORDS_NOT_COUNTERS)


def opens_word_not_count(text: str, at: int) -> bool:
    """True when ``text[at:]``, the words right after a number, open with a word whose first character counts
    elsewhere ("项目", "条件", "人员", "年度", "期限": "（三）项目申报材料…", "1.3分级分类"): the number's item opens its
    words there, it counts nothing ("（一）至（三）项", "3项", "1.5个月" count). Looks at a few characters only."""
    return _WORD_NOT_COUNTER_RE.match(text, at) is not None

# A year (19xx/20xx, half- or full-width digits) followed by 年 or by the dash of a span of years, or a month with its
# end or day: after "1." it is the item's first words, not the decimals of a quantity ("1.2021年：…" and "1.6月底前…"
# open item 1; "1.5亿元", "1.20万", "1.5个月" are no items). A template's year ("1.20xx年底前，…", "201x年", "20__年": a model
# plan's blank year, GOLD-README "fresh48") is a year too.
_YEAR_FIGURES = r"[12１２][09０９](?:[0-9０-９]{2}|[0-9０-９][xX]|[xX]{2}|[_＿]{2}|[*＊]{2})"
_NOT_A_YEAR = rf"(?!{_YEAR_FIGURES}\s*(?:年|[—\-－–~～至到][12１２]?[09０９]?[0-9０-９]{{2}}\s*年))"
# (a blank typed before 月 or 日, as fixed-width copies and PDF text layers give a date, "1.6 月底前完成…", "2、10 月15 日前报送…":
# the same date, so the same item; branch deadlines67)
#: One blank a copy typed inside a date or a number (space, tab, ideographic space, no-break space): "2025 年6 月底前".
#: Read by this module's month guards and by parsing/deadlines.py's dates (one class, branches deadlines67 and numbers67).
TYPED_BLANK = "[ \t\u3000\u00a0]"
_DATED_MONTH_BLANK = f"{TYPED_BLANK}?"
_MONTH_WITH_DAY = rf"{_DATED_MONTH_BLANK}[0-9０-９]{{1,2}}{_DATED_MONTH_BLANK}[日号]"
_NOT_A_MONTH = (rf"(?!(?:[1-9１-９]|1[0-2]|１[０-２]){_DATED_MONTH_BLANK}月(?:[底末份]|前|[上中下]旬|上中旬|中下旬"
                rf"|{_MONTH_WITH_DAY}))")
# After 、 only a month with its end, day or 前 ("1、6月底前完成…", "2、10月15日前报送…", a 进度 list whose items open
# with their date; two parts of a month run together, "1.9月中下旬，…", as one: branch fresh51): "1、2月份" and "1、2月" stay two months (January and February), a sentence (deadlines round 4).
_NOT_A_DATED_MONTH = (rf"(?!(?:[1-9１-９]|1[0-2]|１[０-２]){_DATED_MONTH_BLANK}月(?:[底末]|前|[上中下]旬|上中旬|中下旬"
                      rf"|{_MONTH_WITH_DAY}))")

#: A speech's enumerations (一是, 一要, 第一是, 首先): the innermost items of a text; a part or
#: heading numbered in a structure style never nests under one (issue 13: "一是…二是…" then
#: "一、下步工作" put 一、 under 二是).
ENUMERATION_STYLES = frozenset({"cn_shi", "cn_yao", "cn_dishi", "cn_seq"})
STRUCTURE_STYLES = frozenset({"section", "chapter", "part", "chapter_section", "article", "action", "cn_comma", "cn_space",
                              "cn_paren"})

#: The levels of the usual outline of an official document, outermost first: 一、 > （一） > 1. > （1） (GOLD-README wave 27's
#: 1024, "the outline's levels place it"; "stages58": a stored page opening inside a plan keeps its first items at the top
#: and a later heading of a higher level is no child of them).
OUTLINE_RANKS = {"cn_comma": 0, "cn_paren": 1, "arabic": 2, "arabic_paren": 3}
#: The levels of a regulation (办法, 条例, 规定), outermost first: 第一章 > 第一节 > 第一条 > its （一） > 1. > （1） (GOLD-README
#: "excerpt61": a copy opening at an article's items or at an article inside a chapter keeps the next article or chapter
#: at the top). It agrees with ``OUTLINE_RANKS`` on the styles both hold.
STATUTE_RANKS = {"chapter": 0, "chapter_section": 1, "article": 2, "cn_paren": 3, "arabic": 4, "arabic_paren": 5}
#: Every style one of the ladders ranks
RANKED_STYLES = frozenset(OUTLINE_RANKS) | frozenset(STATUTE_RANKS)


def outranks(style: str | None, other: str | None) -> bool:
    """True when a number of ``style`` stands at a higher level than one of ``other`` in the usual outline
    (``OUTLINE_RANKS``) or in a regulation's (``STATUTE_RANKS``): "一、" outranks "（一）" and "1."; "（一）" outranks "1.";
    "第三章" outranks "第八条"; "第九条" outranks its "（一）"; styles outside both ladders outrank nothing, and "一、" and
    "第八条" (on no ladder together) neither outranks the other."""
    return any(style in ranks and other in ranks and ranks[style] < ranks[other] for ranks in (OUTLINE_RANKS, STATUTE_RANKS))


# A number whose figures a saved page or a PDF's text layer letter-spaced ("1 0", "2 6", "1 2 5"): one figure, then one blank
# (space, ideographic space or no-break space) before each next figure, at most three figures. Closed up (``closed_up``) only
# inside a frame that makes them one number — between 第 and 条, inside a bracket "（ 1 2 ）", before the full stop or 、 of an
# item "1 0 ." / "1 2、" — never on its own: a row of figures ("2 3 5"), a score column or "1 0 加强…" (no mark closing the number)
# stay as written (GOLD-README "numbers67").
_SPACED_FIGURES = r"[0-9０-９](?:[ \u3000\u00a0][0-9０-９]){1,2}(?![ \u3000\u00a0]?[0-9０-９])"
_BLANKS_RE = re.compile(r"[ \u3000\u00a0]")


def closed_up(numeral: str) -> str:
    """``numeral`` (a token's number as matched) without the blanks a letter-spaced copy typed between its figures:
    "1 0" -> "10", "１ ２" -> "１２"; any other numeral as it is. Only the styles whose frame closes the number match such
    figures (``_SPACED_FIGURES``)."""
    return _BLANKS_RE.sub("", numeral)


def _cn_or_arabic(numeral: str) -> int | None:
    """Value of an article's number: Chinese ("十二" -> 12) or Arabic figures ("12", "1 2" -> 12); None if neither."""
    figures = closed_up(numeral)
    return arabic_value(figures) if figures[:1].isdigit() else cn_ordinal(figures)


# Order matters only where two patterns could match the same text (more specific first).
SECTION_STYLE = "section"
STYLES: tuple[NumberingStyle, ...] = (
    # 【篇四】 — a document of a file that holds several (seed 002); see parsing/sections.py.
    NumberingStyle(SECTION_STYLE, rf"【\s*(?:篇|第)\s*(?P<num>{_CN}|[0-9]{{1,2}})\s*篇?\s*】",
                   lambda n: arabic_value(n) if n.isdigit() else cn_ordinal(n), "【篇四】"),
    NumberingStyle("chapter", rf"第\s*(?P<num>{_CN})\s*章", cn_ordinal, "第一章"),
    # 第一部分 — the parts of a plan (wave 3).
    NumberingStyle("part", rf"第\s*(?P<num>{_CN})\s*部分", cn_ordinal, "第一部分"),
    # 第一节 — the sections of a regulation's chapter (第一章 → 第一节 → 第一条; traditional 第一節, 第一條 too,
    # dev 234); not a document of a file like 【篇四】 (``SECTION_STYLE``), which restarts the numbering (issue 13: a 细则's 第一节 cut
    # its chapter off and put 第三章 under the item before it).
    NumberingStyle("chapter_section", rf"第\s*(?P<num>{_CN})\s*[节節]", cn_ordinal, "第一节"),
    # 第19条 and 第 1 0 条 — articles numbered in Arabic figures, the figures closed up or letter-spaced by a saved page or a PDF
    # text layer (``_SPACED_FIGURES``; GOLD-README "heldout36", "numbers67"): the key is written without the blanks ("第10条").
    NumberingStyle("article", rf"第\s*(?P<num>{_CN}|{_SPACED_FIGURES}|[0-9０-９]{{1,3}})\s*[条條]", _cn_or_arabic, "第一条"),
    # 行动一：… — the parts of a 行动计划 and the section rows of its task tables (CONTRACTS §1); traditional 行動一 too
    # (a task list typed through a converter, branch fresh60).
    NumberingStyle("action", rf"行[动動]\s*(?P<num>{_CN})\s*[：:、．.，,]?(?=\S)", cn_ordinal, "行动一："),
    # 第一项，第二项 — speeches (issue 13); the key keeps 项 ("第一项"); traditional 第十六項 too (a task table's 序号 cell,
    # branch tables29), as 第一節 and 第一條.
    NumberingStyle("cn_item", rf"第\s*(?P<num>{_CN})\s*[项項]\s*[，,、：:]?", cn_ordinal, "第一项，"),
    # 第一是，第二是 — speeches (issue 13); the key keeps 是 ("第一是"), as 一是 does.
    NumberingStyle("cn_dishi", rf"第\s*(?P<num>{_CN})\s*是(?![否非])[ \u3000]*[，,：:]?", cn_ordinal, "第一是"),
    # 第一，第二， — seed 001 (a speech).
    NumberingStyle("cn_ordinal", rf"第\s*(?P<num>{_CN})\s*[，,、：:]", cn_ordinal, "第一，"),
    # 一、 — seeds 000, 002, 003.
    NumberingStyle("cn_comma", rf"(?P<num>{_CN})\s*[、．﹑﹒]", cn_ordinal, "一、"),
    # 一 打造营商服务环境新标杆 — a numeral and a space before a short heading (newspaper layouts,
    # wave 3): only a heading line of at most 30 characters without punctuation, so a sentence
    # that opens with a numeral and a space is not taken for an item.
    NumberingStyle("cn_space", rf"(?P<num>{_CN})[ \u3000\u00a0]+(?=[^\s。；;，,！？!?：:、]{{2,30}}$)", cn_ordinal,
                   "一 打造新标杆"),
    # （一） and half-width (一) — seeds 003 and 002.
    NumberingStyle("cn_paren", rf"[（(]\s*(?P<num>{_CN})\s*[）)]", cn_ordinal, "（一）"),
    # 1.1 and 1.1.1 followed by a space (a task table's 序号 cell, a PDF plan): the key is the
    # number as written, one level per dot, below the item it extends (ledgers read "1.2" so
    # too). The space keeps "1.5亿元" out.
    NumberingStyle("dotted3", r"(?P<num>[0-9]{1,2}[.．][0-9]{1,2}[.．][0-9]{1,2})(?![0-9.．])[ \t\u3000]+(?=\S)",
                   lambda n: arabic_value(re.split("[.．]", n)[-1]), "1.1.1 "),
    # (not a number and the month of a date typed with a blank, "2.6 月底前完成…": item 2, as "2.6月底前…" is)
    NumberingStyle("dotted2", r"(?P<num>[0-9]{1,2}[.．][0-9]{1,2})(?![0-9.．])(?![ \t\u3000]+月(?:[底末份]|前|[上中下]旬|上中旬|中下旬"
                   rf"|{_MONTH_WITH_DAY}))[ \t\u3000]+(?=\S)",
                   lambda n: arabic_value(re.split("[.．]", n)[-1]), "1.1 "),
    # 1.1编制目的 and 2.1.1县应急领导小组 — a decimal outline (应急预案, 方案, 规范) whose number is glued to its
    # heading's words: the same styles and levels as "1.1 " (one level per dot). Not before a counter ("1.5亿元",
    # "2.5倍"), and only in context (``in_context``): the body walk takes it only under the open item its number
    # extends ("1.1" under "1", "2.1.1" under "2.1": ``LevelTracker.extends``), so "1.5公里…" or "3.2万人" at a
    # line start of any other plan stays text.
    NumberingStyle("dotted3", rf"(?P<num>[1-9][0-9]?[.．][0-9]{{1,2}}[.．][0-9]{{1,2}})(?![0-9.．])(?={HAN_CLASS})(?!"
                   + _OUTLINE_COUNTERS + ")", lambda n: arabic_value(re.split("[.．]", n)[-1]), "1.1.1县应急领导小组",
                   in_context=True),
    NumberingStyle("dotted2", rf"(?P<num>[1-9][0-9]?[.．][0-9]{{1,2}})(?![0-9.．])(?={HAN_CLASS})(?!" + _OUTLINE_COUNTERS + ")",
                   lambda n: arabic_value(re.split("[.．]", n)[-1]), "1.1编制目的", in_context=True),
    # 1. 1、 1． — seed 002 (1、); the look-ahead keeps "1.5亿元" out.
    # Look-alikes of the full stop and the enumeration comma count too (issue 13: "1﹒" small
    # full stop, "1﹑", "1・" middle dots of East Asian fonts).
    # A year written right after the number ("1.2021年：完成…", "2、2024—2025年，…": a 目标 or 进度 list
    # whose items open with their year, branch notices3) is no decimal: the number is the item's.
    # After a full stop a month with its day or end ("1.6月底前完成…", "2.10月15日前报送…") is a date too; after
    # 、 a month with its end, day or 前 ("1、6月底前完成…") is, but a month alone or with 份 is the second of two
    # months ("1、2月份全市…": January and February, a sentence).
    # Four figures (a long table's row 1000 and after, branch tables30) only before words: "2023、2024年…" opens with
    # two years, a sentence.
    # "1 0 ." and "1 2、" — letter-spaced figures (``_SPACED_FIGURES``) before the stop or 、, no figure after it ("1 0 . 5" is a
    # decimal).
    NumberingStyle("arabic", r"(?P<num>" + _SPACED_FIGURES + r"(?=\s*[.．、﹑](?!\s*[0-9０-９]))|[0-9０-９]{1,3}|[0-9０-９]{4}(?=\s*[.．﹒・･·‧、﹑]\s*[^\s0-9０-９]))\s*(?:[.．﹒・･·‧](?!" + _NOT_A_YEAR + _NOT_A_MONTH + "[0-9０-９])"
                   # "1。在以…" — a news site's copy that typed the full stop for the number's dot (fresh40, 778):
                   # the number, before words only ("1。" alone or before a figure stays text)
                   r"|。(?=[^\s0-9０-９。，,；;：:、）)])"
                   r"|[、﹑](?!" + _NOT_A_YEAR + _NOT_A_DATED_MONTH + "[0-9０-９]))", arabic_value, "1."),
    NumberingStyle("arabic_paren", r"[（(]\s*(?P<num>" + _SPACED_FIGURES + r"|[0-9０-９]{1,2})\s*[）)]", arabic_value, "（1）"),
    # 1 加强领导 — a number and a space before the text (a Word list saved as a web page keeps its
    # number and the tab after it, issue 13). Not before a counter word ("3 家", "12 月", "5 亿元"),
    # and the body walk takes it only as the first item or the next of its list
    # (``SPACED_STYLE``: a number a line wrap left at a line start is none).
    NumberingStyle(SPACED_STYLE, rf"(?P<num>[0-9０-９]{{1,2}})[ \t\u3000\u00a0]+(?={HAN_CLASS})(?!" + _COUNTERS + ")",
                   arabic_value, "1 加强领导"),
    # 1总则 / 2组织机构和部门职责 — the top level of a decimal outline glued to its heading: the level of "1 总则",
    # taken as "1 加强领导" is (the first of its list or the next), and only before a short heading line
    # without punctuation ("3个工作日内…", "5G基站…" and sentences stay text).
    NumberingStyle(SPACED_STYLE, rf"(?P<num>[1-9][0-9]?)(?={HAN_CLASS}[^\s。；;，,！？!?：:、]{{1,29}}$)(?!"
                   + _OUTLINE_COUNTERS + ")", arabic_value, "1总则", in_context=True),
    # ⒈ ⒉: the numbers with a full stop of East Asian fonts (one character each), the level of 1.
    NumberingStyle("arabic", "(?P<num>[" + "".join(chr(c) for c in range(0x2488, 0x249C)) + "])",
                   lambda n: ord(n) - 0x2487, "⒈"),
    # ⑴ and ㈠: the bracketed numbers of East Asian fonts, the same levels as （1） and （一）.
    NumberingStyle("arabic_paren", "(?P<num>[" + "".join(chr(c) for c in range(0x2474, 0x2488)) + "])",
                   lambda n: ord(n) - 0x2473, "⑴"),
    NumberingStyle("cn_paren", "(?P<num>[" + "".join(chr(c) for c in range(0x3220, 0x322A)) + "])",
                   lambda n: ord(n) - 0x321F, "㈠"),
    # 1) 1） and 一) — a number closed by a bracket only (PDF and web copies, wave 3).
    NumberingStyle("arabic_close", r"(?P<num>[0-9０-９]{1,2})\s*[）)](?![0-9０-９])", arabic_value, "1）"),
    NumberingStyle("cn_close", rf"(?P<num>{_CN})\s*[）)]", cn_ordinal, "一）"),
    NumberingStyle("circled", "(?P<num>[" + "".join(CIRCLED) + "])", circled_value, "①"),
    # 一是 / 一要 at the start of a paragraph — seeds 002 (一是), 000 and 002 (一要).
    # "一是：稳增长" — the token's own colon or comma is no part of the item's text.
    NumberingStyle("cn_shi", rf"(?P<num>{_CN})是(?![否非])[ \u3000]*[，,：:]?", cn_ordinal, "一是"),
    NumberingStyle("cn_yao", rf"(?P<num>{_CN})要(?![求素件点])[ \u3000]*[，,：:]?", cn_ordinal, "一要"),
    # 首先，其次，最后， opening paragraphs — only where the document uses them as a list.
    NumberingStyle("cn_seq", r"(?P<num>首先|其次|再次|最后)\s*[，,、：:]", word_ordinal(SEQ_WORDS), "首先，"),
)


_GATES: dict[int, tuple[tuple[NumberingStyle, ...], re.Pattern]] = {}


def _gate(styles: tuple[NumberingStyle, ...]) -> re.Pattern:
    """One regex that matches where any line-start style of ``styles`` could (their patterns as
    alternatives, ``num`` groups made plain): a line it does not match has no token, found in one
    pass of the regex engine instead of one per style (a page of 40,000 lines asks twice a line).
    Kept per tuple of styles (by identity; the tuple is kept with it)."""
    kept = _GATES.get(id(styles))
    if kept is None or kept[0] is not styles:
        patterns = [style.pattern for style in styles if style.where == "line_start"]
        kept = _GATES[id(styles)] = (styles, re.compile(
            "|".join("(?:" + pattern.replace("(?P<num>", "(?:") + ")" for pattern in patterns)))
    return kept[1]


# What a list of numbers joined by 、 counts (GOLD-README "Speeches round 3" and "kinds36": "一、二、三产业", "一、二等奖获得者",
# "一、二年级学生", "一、二类", "一、二级"): after "一、" the next numeral and one of these, or its own 、, is no item's text.
_COUNTED_BY_NUMBERS_RE = re.compile(r"\s*(?:[、，,]|等奖|等|年级|产业|类|级|档|批次?|期)")


def _lists_numbers(rest: str, ordinal: int) -> bool:
    """Does ``rest``, the text after a "一、" token of ``ordinal``, open with the next numeral followed by 、 or by what
    a list of numbers counts (``_COUNTED_BY_NUMBERS_RE``: "二等奖", "二年级", "二、三产业")? Then the line opens a
    sentence with a list of numbers, not item ``ordinal``. Only the very next numeral counts: "三、一级…" or "二、三农工作"
    open items."""
    following = chinese_numeral(ordinal + 1)
    return rest.startswith(following) and bool(_COUNTED_BY_NUMBERS_RE.match(rest, len(following)))


def match_number(text: str, styles: tuple[NumberingStyle, ...] = STYLES,
                 words: bool = False, spaced: bool = False) -> NumberToken | None:
    """Return the numbering token at the start of ``text`` (a cleaned line), or None.

    Only styles with ``where == "line_start"`` are tried, the word styles (首先，…) only with
    ``words=True``, and "1 加强…" (``SPACED_STYLE``, a token only in its list's sequence) only
    with ``spaced=True`` (the plan's body walk; a table's cells never take it), as the numbers of a
    decimal outline glued to their headings ("1总则", "1.1编制目的": ``NumberingStyle.in_context``,
    ``is_glued_outline``). Numbers in the
    middle of a sentence ("3家以上", "（ OTC）", "20xx年", "1-10月份") are never at a line start
    and are not seen.
    """
    if not _gate(styles).match(text):
        return None
    for style in styles:
        if (style.where != "line_start" or (style.name in WORD_STYLES and not words)
                or ((style.name == SPACED_STYLE or style.in_context) and not spaced)):
            continue
        m = style.regex.match(text)
        if not m:
            continue
        ordinal = style.value(closed_up(m.group("num")))
        if ordinal is None:
            continue
        if style.name == "cn_comma" and _lists_numbers(text[m.end():], ordinal):
            return None  # "一、二等奖获得者…", "一、二、三产业": numbers joined by 、 open a sentence, no item
        written = re.sub(r"\s+", "", m.group(0))
        key = written.rstrip(_KEY_STRIP) or written
        return NumberToken(style=style.name, key=key, ordinal=ordinal, written=written, end=m.end())
    return None


# An Arabic number and its full stop with a figure right after it ("2.50个小区新增充电设施", "4.460个活动室…"): read as a
# decimal by the "1." style, it is an item's number where the list expects it (``match_number_before_figure``).
_NUMBER_BEFORE_FIGURE_RE = re.compile(r"(?P<num>[0-9０-９]{1,3})[.．](?=[0-9０-９])")


def match_number_before_figure(text: str) -> NumberToken | None:
    """The "N." at the start of ``text`` (a cleaned line) when a figure follows it ("2.50个小区…" -> item 2 whose words
    open with "50个小区"), as a token of the "1." style; None for any other line. ``match_number`` reads such a line as a
    decimal, no item: the body walk takes this token only where it is the next number of a list already begun
    (``parsing.numbering.LevelTracker.continues``) and no other style matched, so that "2.5个百分点" breaking a list, a
    list's first item or a decimal outline's "2.1…" stay as before (GOLD-README "kinds45")."""
    found = _NUMBER_BEFORE_FIGURE_RE.match(text)
    if found is None:
        return None
    ordinal = arabic_value(found.group("num"))
    if not ordinal:
        return None
    return NumberToken(style="arabic", key=found.group("num"), ordinal=ordinal, written=found.group(0), end=found.end())


#: Styles of a decimal outline's numbers below its top level ("1.1", "2.1.1"): the number names its parent.
OUTLINE_STYLES = frozenset({"dotted2", "dotted3"})


def is_glued_outline(token: NumberToken) -> bool:
    """True for a decimal outline's number glued to its heading ("1.1编制目的", "2.1.1县…"; not "1.1 编制目的"):
    a token of ``OUTLINE_STYLES`` written without a blank before the item's words (its match, ``end``, is the
    number alone). Such a token is an item only under the item its number extends (``outline_parent``)."""
    return token.style in OUTLINE_STYLES and token.end == len(token.written)


def is_glued_heading(text: str) -> bool:
    """True for a decimal outline's top-level heading glued to its number ("2组织机构和部门职责"): the whole line is
    the heading (the glued ``SPACED_STYLE`` form takes only a short line without punctuation), so it is complete,
    never a line a fixed-width layout wrapped (``parser._join_wrapped_lines`` leaves it alone)."""
    token = match_number(text, spaced=True)
    return token is not None and token.style == SPACED_STYLE and token.end == len(token.written)


def outline_parent(token: NumberToken) -> str:
    """The key of the item a decimal outline's number extends: "2.1" for "2.1.1", "1" for "1.1"
    (its number without the last part; full-width stops as written)."""
    return re.split("[.．](?=[0-9]+$)", token.key)[0]


_BARE_HEADING_RE = re.compile(r"[^\s。；;，,！？!?：:、]{2,30}$")


def match_next_bare(text: str, previous: NumberToken | None) -> NumberToken | None:
    """The next item of a "一 标题" list whose space was lost ("六打造现代区域治理新标杆" after
    "五 打造…"): ``text`` opens with the numeral that follows ``previous`` (a ``cn_space`` token)
    and the rest is a short heading. Without that context a numeral glued to a word ("三农工作",
    "一带一路") is no number, so this is asked only with ``previous``; None otherwise."""
    if previous is None or previous.style != "cn_space" or not previous.ordinal:
        return None
    numeral = chinese_numeral(previous.ordinal + 1)
    if not text.startswith(numeral) or not _BARE_HEADING_RE.match(text, len(numeral)):
        return None
    return NumberToken(style="cn_space", key=numeral, ordinal=previous.ordinal + 1, written=numeral,
                       end=len(numeral))


# 序号 cells of a ledger: one token per row ("一", "（一）", "1", "（1）", "①"), tokens joined by
# our exporter ("一（一）"), and dotted numbers ("1.2" = path ["1", "1.2"]).
_CN_CHARS = "一二三四五六七八九十〇零两"
_DIGIT = "0-9０-９"
_CELL_TOKEN = re.compile(
    rf"(?P<cn_paren>[（(]\s*[{_CN_CHARS}]{{1,3}}\s*[）)])"
    rf"|(?P<arabic_paren>[（(]\s*[{_DIGIT}]{{1,3}}\s*[）)])"
    rf"|(?P<dotted>[{_DIGIT}]{{1,3}}(?:[.．\-－][{_DIGIT}]{{1,3}})+)(?![{_DIGIT}])"
    rf"|(?P<arabic>[{_DIGIT}]{{1,4}})(?![{_DIGIT}])"
    rf"|(?P<cn>[{_CN_CHARS}]{{1,3}})"
    r"|(?P<circled>[\u2460-\u2473])"
)
# What may follow a bare numeral ("一", "1"): the end, a separator, or the next token's bracket.
_AFTER_BARE = re.compile(r"$|[\s、.．，,：:]|[（(]")
_SEPARATORS = re.compile(r"[\s、.．，,：:]*")
_DOT = re.compile(r"[.．\-－]")


def parse_number(text) -> tuple[list[NumberToken], str] | None:
    """Split a ledger's 序号 cell into its tokens and any text after them; None if it holds no number.

    "一（一）" -> ([一, （一）], ""); "1.2" -> ([1, 1.2], ""); "一、防控金融风险" ->
    ([一], "防控金融风险"); "三年行动" -> None (一 to 十 must be followed by a separator, a bracket
    or the end). Numbers stored as numbers count too: 3 -> "3", 1.1 -> "1.1". Tokens carry
    ``style`` and ``key`` only.
    """
    if isinstance(text, bool) or text is None:
        return None
    if isinstance(text, int):
        text = str(text)
    elif isinstance(text, float):
        text = str(int(text)) if text.is_integer() else repr(text)
    elif not isinstance(text, str):
        return None
    text = text.strip()
    tokens: list[NumberToken] = []
    position = 0
    while position < len(text):
        match = _CELL_TOKEN.match(text, position)
        if not match:
            break
        kind = match.lastgroup
        if kind in ("cn", "arabic") and not _AFTER_BARE.match(text, match.end()):
            break
        written = re.sub(r"\s+", "", match.group(0))
        if kind == "dotted":
            parts = _DOT.split(written)
            tokens.append(NumberToken("arabic", parts[0]))
            separators = _DOT.findall(written)
            for depth in range(2, len(parts) + 1):
                key = parts[0] + "".join(s + p for s, p in zip(separators[:depth - 1], parts[1:depth]))
                tokens.append(NumberToken(f"dotted{depth}", key))
        else:
            tokens.append(NumberToken(kind, written))
        position = _SEPARATORS.match(text, match.end()).end()
    if not tokens:
        return None
    return tokens, text[position:].strip()


# ---------------------------------------------------------------------------------------------
# Rendering: the one way a path is shown as a 序号 (pages, ledgers, bulletin, mail, API)

#: Marks that join a dotted number's parts ("1.2", "1．2", "1-2").
_DOTTED_JOINS = ".．-"
#: Trailing marks a written number carries in running text but not as a 序号 ("10." "一、").
_NUMBER_TAIL = "、.．，,：: "


def render_number(path) -> str:
    """The 序号 of an item whose path is ``path`` (a sequence of tokens, root first), as every
    page and file shows it (issue 15: one renderer).

    Tokens are joined, except that a dotted token holding its parent's number replaces it:
    ["一", "（一）"] -> "一（一）"; ["1", "1.1"] -> "1.1" (not "11.1"); ["1", "1.1", "1.1.2"] ->
    "1.1.2"; ["一", "1", "1.1"] -> "一1.1"; [] -> "". Raises TypeError for a non-str token.
    """
    shown: list[str] = []
    for token in path:
        if not isinstance(token, str):
            raise TypeError(f"a path token must be str, not {type(token).__name__}")
        if shown:
            previous = shown[-1]
            if len(token) > len(previous) and token.startswith(previous) and token[len(previous)] in _DOTTED_JOINS:
                shown[-1] = token
                continue
        shown.append(token)
    return "".join(shown)


def sibling_number(number: str | None, suffix: int) -> str:
    """The 序号 of the ``suffix``-th piece split off an item numbered ``number``: its trailing marks
    dropped, then "-suffix": ("10.", 2) -> "10-2" (not "10.-2"), ("（三）", 2) -> "（三）-2",
    ("一、", 3) -> "一-3", (None, 2) -> "-2"."""
    return f"{(number or '').strip().rstrip(_NUMBER_TAIL)}-{suffix}"
