"""Numbering inside a paragraph: "…：一是…。二是…。三是…" (seeds 001 and 002), "一要…；二要…",
"首先，…其次，…第三，…" (seed 000, 二要 of 三、), "其一，…其二，…", "第一项，…第二项，…"
(the parts of a speech, issue 13), "第一是…第二是…".

An inline token counts only
- at the start of a clause: at a paragraph start or right after 。；：！？， a closing bracket, a
  dash, an ellipsis or an opening quote (and their half-width forms; "各乡（镇）一要…", "——一是…",
  "“一是…"), so "统一是" or "第一时间" are never tokens; a space a PDF copy puts between the
  numeral and 是/要 ("一 是") is no part of the token's key;
  "三要求真务实" is the token 三要 only where it continues a run (要求 is a word otherwise);
- as part of a run: its first token has ordinal 1 and each next one the next ordinal (首先 = 1,
  其次 = 2, 再次 = 3, 第N = N, 最后 ends a run); a run needs at least two tokens. A lone "二是"
  or a run that skips a number is plain text. A run may go on in the next paragraph when that
  paragraph's first token of its style continues it (seed 002, 篇四 二、, lines 40–41).

Runs nest: a run that starts and ends between two tokens of another run belongs to the item
of the earlier token; a run that starts after another run's last token is a sibling list of
the same parent (a run crossing another is dropped). An inline item's text runs to the next
token of its run, or for the last item to the end of its paragraph (or the start of the next
sibling run in that paragraph); the text outside every item stays with the parent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..vocabulary.numbering import LAST, SEQ_WORDS, cn_ordinal

_CN = "[一二三四五六七八九十]{1,3}"
_INLINE_RE = re.compile(
    r"(?:^|(?<=[。；;：:！？!?，,\n）)—…“「『\"]))[ \t\u3000\u00a0]*"
    rf"(?:第(?P<dishi>{_CN})是(?![否非])"
    rf"|(?P<shi>{_CN})[ \u3000]?是(?![否非])"
    rf"|(?P<yao>{_CN})[ \u3000]?要"
    rf"|第(?P<item>{_CN})项(?=\s*[，,、：:])"
    rf"|(?P<seq>首先|其次|再次|最后|第{_CN})(?=\s*[，,、：:])"
    rf"|其(?P<qi>{_CN})(?=\s*[，,、：:]))",
    re.MULTILINE,
)
MIN_RUN = 2
_TOKEN_TAIL_RE = re.compile(r"[ \t\u3000]*[，,、：:]")
# The inline style that goes on a run opened by a line-start style (vocabulary/numbering.py).
LINE_STYLE_RUNS = {"cn_shi": "shi", "cn_yao": "yao", "cn_dishi": "dishi", "cn_ordinal": "seq", "cn_seq": "seq",
                   "cn_item": "item"}
# After N要 these make a word (要求, 要素, 要件, 要点): such a token never opens a run.
_YAO_WORDS = "求素件点"


@dataclass
class _Token:
    style: str
    ordinal: int
    key: str
    start: int  # where the token starts (after leading blanks)
    end: int  # where the item's own text starts
    para: int
    weak: bool = False  # "三要求真务实": a token only where it continues a run (要求, 要素 are words)


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
    word = m["seq"]
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
        start = m.start() + len(m.group(0)) - len(m.group(0).lstrip(" \t\u3000\u00a0"))
        end = m.end()
        # the item text starts after the token's own punctuation ("首先，", "其一，", "一是：")
        tail = _TOKEN_TAIL_RE.match(content, end)
        end = tail.end() if tail else end
        weak = style == "yao" and content[end:end + 1] in _YAO_WORDS
        tokens.append(_Token(style, ordinal, key, start, end, para, weak))
    return tokens


def _runs(tokens: list[_Token]) -> list[list[_Token]]:
    runs: list[list[_Token]] = []
    open_runs: dict[str, list[_Token]] = {}
    first_in_para: set[tuple[str, int]] = set()
    for token in tokens:
        is_first = (token.style, token.para) not in first_in_para
        first_in_para.add((token.style, token.para))
        run = open_runs.get(token.style)
        if token.weak and (token.ordinal == 1 or run is None or token.ordinal != run[-1].ordinal + 1):
            continue
        if token.ordinal == 1:
            run = [token]
            runs.append(run)
            open_runs[token.style] = run
            continue
        if run is None:
            continue
        previous = run[-1]
        same_place = token.para == previous.para or (token.para == previous.para + 1 and is_first)
        if not same_place:
            continue
        if token.ordinal == previous.ordinal + 1 or token.ordinal == LAST:
            run.append(token)
            if token.ordinal == LAST:
                open_runs.pop(token.style)
    return [run for run in runs if len(run) >= MIN_RUN]


def _paragraph_end(content: str, position: int) -> int:
    end = content.find("\n", position)
    return len(content) if end < 0 else end


def run_continuations(line: str, line_style: str) -> list[int]:
    """Where the next items of a run start in ``line``, a paragraph that opens with a line-start
    token of ``line_style`` ("一是稳增长。二是调结构。三是惠民生。" -> [offsets of 二是, 三是];
    a paragraph may open with a later item, "二是…三是…", when the run began in the one before).

    A speech writes its list in one paragraph as often as one item a paragraph (issue 13: a
    paragraph opening with 一是 lost its 二是…四是, read as 一是's own text). The items go on
    from the opening token's ordinal by one each (or end with 最后), with the same inline style
    (``LINE_STYLE_RUNS``); other styles inside (第一，第二， under 三是) stay inline items of
    their item. A second list after a whole first one (ordinal 1 again) is split the same way: its
    items are a restarting list of the same parent. [] for other styles or when the run does not
    go on. Linear in len(line).
    """
    style = LINE_STYLE_RUNS.get(line_style)
    if style is None or "\n" in line:
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
        elif token.ordinal == 1 and length >= MIN_RUN and not token.weak:
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
        # The parent is the innermost non-last item whose span holds the run's first token.
        parent = None
        for item in everything:
            if not item.last and item.start < run[0].start < item.end:
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
                                    token.start, token.end, end, last))
        siblings = parent.children if parent else roots
        if siblings and siblings[-1].start < items[0].start < siblings[-1].end:
            siblings[-1].end = items[0].start  # a later sibling list cuts the last item short
        siblings.extend(items)
        everything.extend(items)
    for item in everything:
        item.text = _without(content, item.body, item.end, item.children)
    return _without(content, 0, len(content), roots), roots


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
