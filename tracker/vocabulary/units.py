"""Lists of unit names written in one text: a plan's annotation, a ledger cell, a preview input.

One rule for all three (issue 12: the preview once broke "市财政局（含下属单位，各分局）" in two):
names are separated by 、 ， , ； ; or a line break, but only outside brackets, so a remark in
brackets stays with its unit ("市发改委（牵头，含下属单位）", "各区县〔自治县〕人民政府"). Spaces
are not separators: Chinese documents space out short names for alignment ("财  政  局"), so
whitespace inside a name is removed instead.

A vague collective ("有关部门和单位", "各有关单位", "各项目牵头单位") names nobody in particular:
``is_vague_collective`` tells it, for the plan parser and the unit registry alike, so it never
becomes a unit; a named group that answers as one ("各省级人民政府", "各区县〔自治县〕人民政府",
"市打击非法金融活动领导小组各成员单位") is a unit. What else a name means ("A等有关部门",
whether it looks like a unit) is the reader's business: tracker/parsing/unitnames.py for plans.
"""

from __future__ import annotations

import re

#: Opening and closing brackets (and quotes) that protect separators inside them, pairwise.
OPENERS = "（(〔[［【《{「『“‘"
CLOSERS = "）)〕]］】》}」』”’"
#: Characters that separate names outside brackets.
SEPARATORS = frozenset("、，,；;\n\r")
_WHITESPACE = re.compile(r"\s+")
# Left over at either end of a name by a sentence written around the list.
_EDGE_STOPS = "。."


_VAGUE_RE = re.compile(
    r"^(?:其他|其它|以及|及)?(?:[省市区县镇乡][级級])?各?(?:[级級])?"
    r"(?:有关|相关|有關|相關|责任|責任|项目牵头|项目|牵头|配合|参与|涉及)?"
    r"(?:部门|单位|方面|部門|單位)(?:(?:和|及|与|、)(?:部门|单位|部門|單位))?(?:等)?$"
    r"|^各地(?:方)?$"
)


def is_vague_collective(name: str) -> bool:
    """True for a name that points at nobody in particular: 有关部门, 相关单位, 有关部门和单位,
    各有关单位, 各相关部门, 各项目牵头单位, 各责任单位, 其他有关部门, 有关方面, 区级相关部门,
    市级各有关部门 (and in traditional characters), 各地, 各部门 (GOLD-README). False for named
    groups that answer as one (各省级人民政府, 各区县〔自治县〕人民政府, 各成员单位 of a named body,
    市政府各部门) and for every single unit. Issue 13: such names must never enter the unit
    registry or the ranking of units."""
    return isinstance(name, str) and bool(_VAGUE_RE.match(_WHITESPACE.sub("", name)))


def split_units(text) -> list[str]:
    """Split ``text`` into unit names, in written order (repeats kept).

    "市发改委（牵头，含下属单位）、市财政局\\n市金融办；重庆银监局, 各区县" -> 5 names;
    "市财政局（含下属单位，各分局）" -> 1 name. Separators count only at bracket depth 0 (an
    unmatched closer is ignored; after an unmatched opener nothing is split). Whitespace inside a
    name is removed ("市 财 政 局" -> "市财政局") and 。 or . at its ends dropped; empty names are
    dropped. ``None`` gives []; a non-text value (a number in a cell) is read as its text.
    """
    if text is None:
        return []
    if not isinstance(text, str):
        text = str(text)
    names, current, depth = [], [], 0
    for char in text:
        if char in OPENERS:
            depth += 1
        elif char in CLOSERS and depth:
            depth -= 1
        if depth == 0 and char in SEPARATORS:
            names.append("".join(current))
            current = []
        else:
            current.append(char)
    names.append("".join(current))
    cleaned = (_WHITESPACE.sub("", name).strip(_EDGE_STOPS) for name in names)
    return [name for name in cleaned if name]

