"""Numbering inside a paragraph: "…：一是…。二是…。三是…" (seeds 001 and 002), "一要…；二要…",
"首先，…其次，…第三，…" (seed 000, 二要 of 三、), "其一，…其二，…", "第一项，…第二项，…"
(the parts of a speech, issue 13), "第一是…第二是…".

An inline token counts only
- at the start of a clause: at a paragraph start or right after 。；：！？， a closing bracket, a
  dash, an ellipsis or an opening quote (and their half-width forms; "各乡（镇）一要…", "——一是…",
  "“一是…"), so "统一是" or "第一时间" are never tokens; a space a PDF copy puts between the
  numeral and 是/要 ("一 是") is no part of the token's key;
  "三要求真务实" is the token 三要 only where it continues a run (要求 is a word otherwise);
- 首先/其次/再次/最后 count before 要 too ("首先要…其次要…", the item's sentence opening with 要 as
  after "第一，要…"; the token is the word, "首先");
- or glued to the word before it, without punctuation ("会议强调一要…", "…形成合力二要…", a page
  that lost its commas, issue 13; "我们首先要…"): only 一是/一要/第一是 and the words 首先…最后
  (never 第一，: "排名第一，"), never after a character that makes a
  word with the numeral (统一, 唯一, 之一, 第一, 周一 …, ``_NUMERAL_WORD_BEFORE``), and only in a
  run: a glued first token opens a list only when its next token follows before the list already
  open goes on, and a glued later token only goes on a run by the next ordinal;
- as part of a run: its first token has ordinal 1 and each next one the next ordinal (首先 = 1,
  其次 = 2, 再次 = 3, 第N = N, 最后 ends a run); a run needs at least two tokens. A lone "二是"
  or a run that skips a number is plain text; a run of 是/要 that opens at 二 (a copy that lost its
  一是: "…信息公开是基础；二是…；三是…；四是…") counts with at least three tokens. A run may go on
  in the next paragraph when that paragraph's first token of its style continues it (seed 002,
  篇四 二、, lines 40–41).

Runs nest: a run that starts and ends between two tokens of another run belongs to the item
of the earlier token; a run that starts after another run's last token is a sibling list of
the same parent (a run crossing another is dropped), unless an earlier item of that run holds
a run of its style: then the last item holds it too, in its paragraph (a speech's last part
"第五，…一要…二要…" like its "第一，…一要…", ``_held_like_its_siblings``). An inline item's text runs to the next
token of its run, or for the last item to the end of its paragraph (or the start of the next
sibling run in that paragraph); the text outside every item stays with the parent.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..vocabulary.numbering import LAST, SEQ_WORDS, chinese_numeral, cn_ordinal, match_number
from .cleaning import is_cjk

_CN = "[一二三四五六七八九十]{1,3}"
_CLAUSE_START = "。；;：:！？!?，,\n）)—…“「『\""
# The blanks before a token are its own from the first of their run only (the lookbehind): a search started inside a long
# run of blanks would read the run again from each of its characters (quadratic), and could find nothing the run's first
# blank does not, since no token opens with a blank.
_INLINE_RE = re.compile(
    r"(?<![ \t\u3000\u00a0])[ \t\u3000\u00a0]*"
    rf"(?:第(?P<dishi>{_CN})是(?![否非])"
    rf"|(?P<shi>{_CN})[ \u3000]?是(?![否非])"
    rf"|(?P<yao>{_CN})[ \u3000]?要"
    rf"|第(?P<item>{_CN})项(?=\s*[，,、：:])"
    rf"|(?P<seq>首先|其次|再次|最后|第{_CN})(?=\s*[，,、：:])"
    r"|(?P<seqyao>首先|其次|再次|最后)(?=要)"
    rf"|其(?P<qi>{_CN})(?=\s*[，,、：:]))",
    re.MULTILINE,
)
MIN_RUN = 2
_HEADLESS_RUN = 3  # a run opening at 二是 (its 一是 lost): 二是, 三是, 四是 at least
_TOKEN_TAIL_RE = re.compile(r"[ \t\u3000]*[，,、：:]")
# The inline style that goes on a run opened by a line-start style (vocabulary/numbering.py).
LINE_STYLE_RUNS = {"cn_shi": "shi", "cn_yao": "yao", "cn_dishi": "dishi", "cn_ordinal": "seq", "cn_seq": "seq",
                   "cn_item": "item"}
# After N要 these make a word (要求, 要素, 要件, 要点): such a token never opens a run.
_YAO_WORDS = "求素件点"
# Styles whose token may be glued to the word before it ("强调一要", "关键一是"): their 是/要 marks them.
_GLUED_STYLES = frozenset({"shi", "yao", "dishi"})
# Characters that make a word with the numeral after them, so that a numeral glued to them is no
# token: 统一, 唯一, 同一, 万一, 之一, 其一, 逐一, 这一, 每一, 某一, 另一, 第一, 周一, 初一, 礼拜一,
# 不一, 独一 …. Characters that end common words as well (责任, 清单, 计划, 近期: "…落实责任二要…")
# are left out: the list is of characters that rarely end a word another way.
_NUMERAL_WORD_BEFORE = frozenset("统唯同万之其逐这那哪每某另第周初拜不独")


@dataclass
class _Token:
    style: str
    ordinal: int
    key: str
    start: int  # where the token starts (after leading blanks)
    end: int  # where the item's own text starts
    para: int
    weak: bool = False  # "三要求真务实": a token only where it continues a run (要求, 要素 are words)
    glued: bool = False  # written right after a word, without punctuation ("会议强调一要…")


@dataclass
class InlineItem:
    """One item found inside a paragraph.

    ``keys``: path tokens below the paragraph's item (e.g. ``["一是"]``, or ``["二是", "首先"]``
    for a nested run); ``written``: this item's token as written; ``text``: its own text
    (without nested items' text); ``paragraph``: index of the paragraph it starts in.
    """

    keys: list[str]
    written: str
    text: str
    paragraph: int
    start: int = 0
    body: int = 0
    end: int = 0
    last: bool = False
    children: list["InlineItem"] = field(default_factory=list)
    style: str = ""  # the inline style of its token ("yao", "seq" …)
    run: list["InlineItem"] = field(default_factory=list, repr=False, compare=False)  # its run's items, itself included


def _ordinal(m: re.Match) -> tuple[str, int | None, str]:
    if m["dishi"]:
        return "dishi", cn_ordinal(m["dishi"]), "第" + m["dishi"] + "是"
    if m["shi"]:
        return "shi", cn_ordinal(m["shi"]), m["shi"] + "是"
    if m["yao"]:
        return "yao", cn_ordinal(m["yao"]), m["yao"] + "要"
    if m["item"]:
        return "item", cn_ordinal(m["item"]), "第" + m["item"] + "项"
    if m["qi"]:
        return "qi", cn_ordinal(m["qi"]), "其" + m["qi"]
    word = m["seq"] or m["seqyao"]
    value = SEQ_WORDS.get(word, None) if not word.startswith("第") else cn_ordinal(word[1:])
    return "seq", value, word


def _candidates(content: str) -> list[_Token]:
    tokens = []
    para, last = 0, 0
    for m in _INLINE_RE.finditer(content):
        para += content.count("\n", last, m.start())
        last = m.start()
        style, ordinal, key = _ordinal(m)
        if ordinal is None:
            continue
        before = content[m.start() - 1] if m.start() else "\n"
        glued = before not in _CLAUSE_START
        if glued and ((style not in _GLUED_STYLES and (style != "seq" or key.startswith("第")))
                      or not is_cjk(before) or before in _NUMERAL_WORD_BEFORE):
            continue  # "统一是", "第一时间", "2023一是": a word or a figure, not a token
        start = m.start() + len(m.group(0)) - len(m.group(0).lstrip(" \t\u3000\u00a0"))
        end = m.end()
        # the item text starts after the token's own punctuation ("首先，", "其一，", "一是：")
        tail = _TOKEN_TAIL_RE.match(content, end)
        end = tail.end() if tail else end
        weak = style == "yao" and content[end:end + 1] in _YAO_WORDS
        tokens.append(_Token(style, ordinal, key, start, end, para, weak, glued))
    return tokens


def _runs(tokens: list[_Token]) -> list[list[_Token]]:
    runs: list[list[_Token]] = []
    open_runs: dict[str, list[_Token]] = {}
    # a glued first token ("会议强调一要…") waiting for its second: it opens a run only then
    pending: dict[str, _Token] = {}
    first_in_para: set[tuple[str, int]] = set()
    for token in tokens:
        is_first = (token.style, token.para) not in first_in_para
        first_in_para.add((token.style, token.para))
        run = open_runs.get(token.style)
        if (token.weak or token.glued) and token.ordinal == 1:
            if not token.weak:
                pending[token.style] = token
            continue
        if token.weak and (run is None or token.ordinal != run[-1].ordinal + 1):
            continue
        if token.ordinal == 1:
            run = [token]
            runs.append(run)
            open_runs[token.style] = run
            pending.pop(token.style, None)
            continue
        previous = run[-1] if run is not None else None
        if previous is not None and not _same_place(token, previous, is_first):
            previous = None
        if previous is not None and (token.ordinal == previous.ordinal + 1 or token.ordinal == LAST):
            run.append(token)
            if token.ordinal == LAST:
                open_runs.pop(token.style)
            continue
        first = pending.pop(token.style, None)
        if first is not None and token.ordinal == 2 and _same_place(token, first, is_first):
            run = [first, token]
            runs.append(run)
            open_runs[token.style] = run
        elif token.ordinal == 2 and not token.glued and token.style in _GLUED_STYLES:
            # "…信息公开是基础；二是…；三是…；四是…": a list whose first token a copy lost (issue 13);
            # kept only when at least _HEADLESS_RUN items follow one another
            run = [token]
            runs.append(run)
            open_runs[token.style] = run
    return [run for run in runs if len(run) >= (MIN_RUN if run[0].ordinal == 1 else _HEADLESS_RUN)]


def _same_place(token: _Token, previous: _Token, is_first: bool) -> bool:
    """A run goes on in its paragraph, or in the next one when the token is the first of its style there."""
    return token.para == previous.para or (token.para == previous.para + 1 and is_first)


def _paragraph_end(content: str, position: int) -> int:
    end = content.find("\n", position)
    return len(content) if end < 0 else end


# Line-start styles whose next items may follow on the same line ("1.压实责任；2.加强督导；3.按时报送。",
# "（一）提高认识。（二）加强领导。", "1、传达学习…, 2、听取汇报 3、听取…": a list written on one line).
SAME_LINE_STYLES = frozenset({"arabic", "arabic_paren", "arabic_close", "cn_paren", "cn_comma", "circled"})
# Tokens that close themselves (a bracket, a circled number) may follow a word without punctuation
# ("…扛起责任（二）强化督导"), except after 第 and after a part of a rule (references: "第（二）项",
# "第五条（一）（二）项"). Each item holds at least _ITEM_CHARS characters of its own.
BRACKETED_STYLES = frozenset({"arabic_paren", "cn_paren", "circled"})
_ITEM_BREAK_RE = re.compile(r"[。；;！？!?，,：:][ \t\u3000\u00a0]*|(?<=\S)[ \t\u3000\u00a0]+")
BRACKET_START_RE = re.compile(r"(?<=[^第条條款项項章节節\s])[（(\u2460-\u2473]")
_TOKEN_WINDOW = 16
_ITEM_CHARS = 2
#: The characters that open a numeral: an item whose text opens with one lists numbers ("1、2、3月份").
NUMERAL_TEXT = "0123456789０１２３４５６７８９一二三四五六七八九十"
# A bracketed numeral completing the word after it: a quarter, a phase, a batch, a class or a grade ("（一）季度",
# "（一）期工程", "（二）批项目", "(二)类", "（三）级", "(1)号"), never 期限/期刊 or 批准/批复, words an item may open with.
_NAMES_A_KIND_RE = re.compile(r"[ \t\u3000]*(?:季度|期(?![限刊货待望盼间])|批(?![准复示评判办])|类|級|级|档|等奖|号)")


def names_a_kind(text: str, at: int) -> bool:
    """True when ``text[at:]``, the words right after a bracketed numeral inside a line, open with a word the numeral
    completes ("（一）季度末前", "确保（一）期工程完工", "（二）批项目签约", "(二)类"): the token numbers no item there
    (GOLD-README "Paths", speeches round 3 and kinds35). Looks at a few characters only."""
    return _NAMES_A_KIND_RE.match(text, at) is not None


_FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


def _numeral_heads(style: str, ordinal: int) -> tuple[str, ...]:
    """How ``style`` may write the numeral of ``ordinal`` (the bracket before it left out): "2" and
    "２", "二" and "㈡", "②"; a quick look at a place spares the full match where none is written."""
    if style == "circled":
        return (chr(0x245F + ordinal),)
    if style in ("cn_paren", "cn_comma"):
        return (chinese_numeral(ordinal), chr(0x321F + ordinal))
    return (str(ordinal), str(ordinal).translate(_FULL_WIDTH_DIGITS))


# The characters a numeral of a structure token may open with (the bracket left out): figures, 一…十, ㈠…, ①….
_NUMERAL_HEADS = frozenset(NUMERAL_TEXT + "".join(chr(c) for c in range(0x3220, 0x322A))
                           + "".join(chr(c) for c in range(0x2460, 0x2474)))


def _opens_words(line: str, at: int, style: str) -> bool:
    """True when an item's text may start at ``line[at]``: words, not a figure ("1、2月份") nor, after a bracketed
    numeral, the word it completes ("（二）季度", ``names_a_kind``)."""
    text = line[at:at + 1]
    return bool(text) and text not in NUMERAL_TEXT and not (style in BRACKETED_STYLES and names_a_kind(line, at))


#: A list read inside one line shows its order by its first tokens: this many, 1 2 3 (GOLD-README runon34, kinds35).
IN_ORDER_ITEMS = 3


def follow_in_order(ordinals: Iterable[int], first: int) -> tuple[int, bool]:
    """(how many tokens go on a list in order, whether a token out of order stopped them): ``ordinals`` are those of the
    tokens of one style that follow a list's first token (numbered ``first``) inside one line, in the order they stand;
    they go on ``first`` + 1, ``first`` + 2, … up to the list's IN_ORDER_ITEMS-th token, until a token numbered 1 (a
    list of its own, under the next heading) or numbered otherwise, which shows the tokens out of order: "(1)… (2)… (3)…" →
    (2, False), "(1)… (3)… (2)…" and "(1)… (2)… (4)… (3)…" → (0, True) and (1, True), and the line's list stays text.
    The one rule of lists read inside a line: ``parser._opens_run_on`` (a run-on list needs its three items in order),
    ``parser._glued_places`` and ``_same_line_items`` ask it. Reads at most IN_ORDER_ITEMS - 1 ordinals."""
    count = 0
    for ordinal in ordinals:
        if count + 1 >= IN_ORDER_ITEMS or ordinal == 1:
            break
        if ordinal != first + count + 1:
            return count, True
        count += 1
    return count, False


def _ordinals_at(line: str, places: list[int], style: str, start: int):
    """The ordinals of the tokens of ``style`` standing at ``places`` (sorted) of ``line``, each opening words, at least
    _ITEM_CHARS after the one before (a generator: ``follow_in_order`` reads the first few only)."""
    item_start = start
    for place in places:
        if place < item_start + _ITEM_CHARS or line[place:place + 3].lstrip("（( \t\u3000")[:1] not in _NUMERAL_HEADS:
            continue
        token = match_number(line[place:place + _TOKEN_WINDOW])
        if token is not None and token.style == style and _opens_words(line, place + token.end, style):
            item_start = place + token.end
            yield token.ordinal


def _same_line_items(line: str, line_style: str, ordinal: int, first_end: int) -> list[int]:
    """Where the next items of a structure-style list start in ``line`` (a line opening with the
    token of ``line_style`` and ``ordinal`` whose text starts at ``first_end``): each the next ordinal
    of the same style, after a sentence or clause end or a blank (or, for a bracketed token, right
    after a word). A token whose text opens with a figure ("1、2、3月份", "一、二、三产业") lists
    numbers, not items: then nothing is split; nor is a line whose first tokens of the style are out of
    order ("(1)…(3)…(2)…", ``follow_in_order``). Linear: each place is looked at once, in a bounded
    window."""
    if line[first_end:first_end + 1] in NUMERAL_TEXT or "\t" in line:
        return []
    places = {m.end() for m in _ITEM_BREAK_RE.finditer(line, first_end)}
    if line_style in BRACKETED_STYLES:
        places.update(m.start() for m in BRACKET_START_RE.finditer(line, first_end))
    if follow_in_order(_ordinals_at(line, sorted(places), line_style, first_end), ordinal)[1]:
        return []  # "(1)…(3)…(2)…": the line's tokens are out of order, none opens an item
    offsets = []
    heads = _numeral_heads(line_style, ordinal + 1)
    item_start = first_end
    for place in sorted(places):
        if (place < item_start + _ITEM_CHARS
                or not line[place:place + _TOKEN_WINDOW].lstrip("（( \t\u3000").startswith(heads)):
            continue
        token = match_number(line[place:place + _TOKEN_WINDOW])
        if token is None or token.style != line_style or token.ordinal != ordinal + 1:
            continue
        if not _opens_words(line, place + token.end, line_style):
            continue
        offsets.append(place)
        ordinal += 1
        heads = _numeral_heads(line_style, ordinal + 1)
        item_start = place + token.end
    return offsets


def run_continuations(line: str, line_style: str, ordinal: int | None = None, first_end: int = 0) -> list[int]:
    """Where the next items of a run start in ``line``, a paragraph that opens with a line-start
    token of ``line_style`` ("一是稳增长。二是调结构。三是惠民生。" -> [offsets of 二是, 三是];
    a paragraph may open with a later item, "二是…三是…", when the run began in the one before).

    A speech writes its list in one paragraph as often as one item a paragraph (issue 13: a
    paragraph opening with 一是 lost its 二是…四是, read as 一是's own text). The items go on
    from the opening token's ordinal by one each (or end with 最后), with the same inline style
    (``LINE_STYLE_RUNS``); other styles inside (第一，第二， under 三是) stay inline items of
    their item. A second list after a whole first one (ordinal 1 again) is split the same way: its
    items are a restarting list of the same parent. [] for other styles or when the run does not
    go on. A structure style (``SAME_LINE_STYLES``: "1.…；2.…", "（一）…。（二）…") is split the
    same way where its next items follow on the line (``_same_line_items``, given the line's first
    ``ordinal`` and where its text starts, ``first_end``). Linear in len(line).
    """
    if "\n" in line:
        return []
    if line_style in SAME_LINE_STYLES and ordinal:
        return _same_line_items(line, line_style, ordinal, first_end)
    style = LINE_STYLE_RUNS.get(line_style)
    if style is None:
        return []
    tokens = [t for t in _candidates(line) if t.style == style]
    if not tokens or tokens[0].start != 0 or not tokens[0].ordinal:
        return []
    offsets, ordinal, length = [], tokens[0].ordinal, 1
    for token in tokens[1:]:
        if token.ordinal == ordinal + 1 or (token.ordinal == LAST and ordinal >= 1):
            offsets.append(token.start)
            if token.ordinal == LAST:
                break
            ordinal, length = ordinal + 1, length + 1
        elif token.ordinal == 1 and length >= MIN_RUN and not token.weak and not token.glued:
            # a second list after a whole first one ("一是…二是…。一是…二是…"): it restarts
            # under the same parent (GOLD-README: its tokens get （第2组）)
            offsets.append(token.start)
            ordinal, length = 1, 1
    return offsets


def split_inline(content: str) -> tuple[str, list[InlineItem]]:
    """Split the inline items out of an item's ``content`` (its paragraphs joined by "\\n").

    Returns (the text left to the parent, the top-level inline items in order, each with its
    ``children``). When there is no run, returns (content, []). Linear in len(content).
    """
    runs = _runs(_candidates(content))
    if not runs:
        return content, []
    runs.sort(key=lambda run: run[0].start)
    roots: list[InlineItem] = []
    everything: list[InlineItem] = []
    for run in runs:
        # The parent is the innermost non-last item whose span holds the run's first token, or a last item
        # whose earlier siblings hold runs of this style (``_held_like_its_siblings``).
        parent = None
        for item in everything:
            if item.start < run[0].start < item.end and (not item.last or _held_like_its_siblings(item, run[0].style)
                                                          or _goes_on_its_sentence(content, item, run[0])):
                parent = item
        if parent is not None and run[-1].start >= parent.end:
            continue  # crosses its parent's boundary: not a list
        bound = parent.end if parent else len(content)
        items = []
        for k, token in enumerate(run):
            last = k + 1 == len(run)
            end = min(_paragraph_end(content, token.end), bound) if last else run[k + 1].start
            keys = (parent.keys if parent else []) + [token.key]
            items.append(InlineItem(keys, re.sub(r"\s+", "", content[token.start:token.end]), "", token.para,
                                    token.start, token.end, end, last, style=token.style))
        for item in items:
            item.run = items
        siblings = parent.children if parent else roots
        if siblings and siblings[-1].start < items[0].start < siblings[-1].end:
            siblings[-1].end = items[0].start  # a later sibling list cuts the last item short
        siblings.extend(items)
        everything.extend(items)
    for item in everything:
        item.text = _without(content, item.body, item.end, item.children)
    return _without(content, 0, len(content), roots), roots


def _held_like_its_siblings(item: InlineItem, style: str) -> bool:
    """True when the last item of a run (its text runs to the end of its paragraph) holds a later run of
    ``style`` as its children because an earlier item of the run holds one: a speech's parts "第一，…一要…二要…
    第二，…一要…二要…" written in paragraphs, whose last part "第五，…一要…二要…三要…" holds its 一要 list like the
    others (GOLD-README "Excerpts, speech parts and periods"). Without that pattern a run after a run's last
    item is a sibling list of the same parent, as before ("一是…；二是…。一要…二要…")."""
    return any(other is not item and any(child.style == style for child in other.children) for other in item.run)


# Where a sentence ends inside a paragraph: a list after it starts a sentence of its own.
_SENTENCE_END_RE = re.compile(r"[。！？!?；;\n]")


def _goes_on_its_sentence(content: str, item: InlineItem, first: _Token) -> bool:
    """True when the last item of a run holds a run of another style that opens inside the item's own first sentence
    ("…；四要守牢底线，切实保障民生，一是抓好就业，二是…五是…": the 一是 list spells out 四要's words, so it is 四要's
    children; branch kinds31). A run opening after the item's sentence ended ("一是…；二是…。会议要求，一要…二要…")
    stays a sibling list, as before (``_held_like_its_siblings``)."""
    return first.style != item.style and not _SENTENCE_END_RE.search(content, item.body, first.start)


def _without(content: str, start: int, end: int, children: list[InlineItem]) -> str:
    """``content[start:end]`` without the spans of ``children`` (token included)."""
    pieces, cursor = [], start
    for child in children:
        if child.start >= end:
            break
        pieces.append(content[cursor:child.start])
        cursor = max(cursor, child.end)
    pieces.append(content[cursor:end])
    return "".join(pieces)
