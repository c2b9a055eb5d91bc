"""The tree of a ledger's rows, from 序号 as written, and unit lists from their cells.

序号 cells come in three shapes: one token per row whose level comes from its style ("一",
"（一）", "1", "（1）", "①"), tokens joined by our exporter ("一（一）" = path ["一", "（一）"]), and
dotted numbers ("1.2" = path ["1", "1.2"], each element being the 序号 of that ancestor's row).
Levels of single tokens follow the plan parser's rule (tracker/parsing/numbering.py): a style
takes the level at which it first appears, one below the row before it when it is new, and a
style seen again returns to its level; so 一、 → 1. nests by itself, whatever the office's
convention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CN = "一二三四五六七八九十〇零两"
_DIGIT = "0-9０-９"
_TOKEN = re.compile(
    rf"(?P<cn_paren>[（(]\s*[{_CN}]{{1,3}}\s*[）)])"
    rf"|(?P<arabic_paren>[（(]\s*[{_DIGIT}]{{1,3}}\s*[）)])"
    rf"|(?P<dotted>[{_DIGIT}]{{1,3}}(?:[.．\-－][{_DIGIT}]{{1,3}})+)(?![{_DIGIT}])"
    rf"|(?P<arabic>[{_DIGIT}]{{1,4}})(?![{_DIGIT}])"
    rf"|(?P<cn>[{_CN}]{{1,3}})"
    r"|(?P<circled>[\u2460-\u2473])"
)
# What may follow a bare numeral ("一", "1"): the end, a separator, or the next token's bracket.
_AFTER_BARE = re.compile(r"$|[\s、.．，,：:]|[（(]")
_SEPARATORS = re.compile(r"[\s、.．，,：:]*")
_DOT = re.compile(r"[.．\-－]")
# Unit separators at bracket depth 0 (issue #4): 、 ， , ； ; and line breaks.
_UNIT_SEPARATORS = set("、，,；;\n\r")
_OPENERS = "（(【[〔《“‘"
_CLOSERS = "）)】]〕》”’"


@dataclass(frozen=True)
class NumberToken:
    """One numbering token of a 序号: ``style`` (cn, cn_paren, arabic, arabic_paren, circled,
    dotted2, dotted3, …) and ``key``, the token as written without spaces ("（一）", "1.2")."""

    style: str
    key: str


def parse_number(text) -> tuple[list[NumberToken], str] | None:
    """Split a 序号 cell into its tokens and any text after them; None if it holds no number.

    "一（一）" -> ([一, （一）], ""); "1.2" -> ([1, 1.2], ""); "一、防控金融风险" ->
    ([一], "防控金融风险"); "三年行动" -> None (一 to 十 must be followed by a separator, a bracket
    or the end). Numbers stored as numbers count too: 3 -> "3", 1.1 -> "1.1".
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
        match = _TOKEN.match(text, position)
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


def split_units(text) -> list[str]:
    """Split a unit cell into names: "市发改委、市财政局（牵头，含下属单位）\\n市金融办" -> 3 names.

    Separators (、 ， , ； ; line breaks) count only outside brackets, so a remark in brackets stays
    with its unit. Names are stripped; empty ones dropped. A non-text value gives [].
    """
    if not isinstance(text, str):
        return [] if text is None else [str(text)]
    names, current, depth = [], [], 0
    for char in text:
        if char in _OPENERS:
            depth += 1
        elif char in _CLOSERS and depth:
            depth -= 1
        if char in _UNIT_SEPARATORS and depth == 0:
            names.append("".join(current))
            current = []
        else:
            current.append(char)
    names.append("".join(current))
    return [name.strip().strip("\u3000") for name in names if name.strip().strip("\u3000")]


class PathBuilder:
    """Gives each numbered row its path, in sheet order (see the module docstring).

    ``place(tokens, is_group, title)`` returns (path, parent_path, heading) for a numbered row;
    ``place_unnumbered(is_group, title)`` the same for a row without 序号. ``heading`` is the
    title of the nearest enclosing group row (None when there is none).
    """

    def __init__(self) -> None:
        self._levels: dict[str, int] = {}
        # One entry per path element: (style, key, title of a group row or None).
        self._stack: list[tuple[str, str, str | None]] = []
        self._loose_heading: str | None = None  # an unnumbered group row's title

    def place(self, tokens: list[NumberToken], is_group: bool, title: str | None):
        """Place a row numbered ``tokens``; return (path, parent_path, enclosing heading)."""
        first = tokens[0].style
        level = self._levels.get(first)
        level = len(self._stack) + 1 if level is None else min(level, len(self._stack) + 1)
        prefix = self._stack[:level - 1]
        for offset, token in enumerate(tokens):
            self._levels.setdefault(token.style, level + offset)
        entries = [(token.style, token.key, None) for token in tokens]
        for offset, entry in enumerate(entries[:-1]):  # "1.2" keeps the title of the open "1"
            depth = level - 1 + offset
            if depth < len(self._stack) and self._stack[depth][:2] == entry[:2]:
                entries[offset] = self._stack[depth]
            else:
                break
        if is_group:
            entries[-1] = (entries[-1][0], entries[-1][1], title)
            if level == 1:
                self._loose_heading = None
        heading = self._heading(prefix + entries[:-1])
        self._stack = prefix + entries
        path = [entry[1] for entry in self._stack]
        return path, path[:-1] or None, heading

    def place_unnumbered(self, is_group: bool, title: str | None):
        """Place a row without 序号; return (None, parent_path, enclosing heading)."""
        if is_group:
            self._stack = []
            self._loose_heading = title
            return None, None, None
        heading = self._heading(self._stack)
        # The parent is the deepest group row still open (a measure row does not take children).
        while self._stack and self._stack[-1][2] is None:
            self._stack = self._stack[:-1]
        parent = [entry[1] for entry in self._stack] or None
        return None, parent, heading

    def retitle(self, path: list[str], title: str | None) -> None:
        """Make the open row at ``path`` a group row titled ``title`` (its children showed it is one)."""
        keys = [entry[1] for entry in self._stack]
        if keys[:len(path)] == path:
            style, key, _ = self._stack[len(path) - 1]
            self._stack[len(path) - 1] = (style, key, title)

    def _heading(self, entries) -> str | None:
        for entry in reversed(entries):
            if entry[2] is not None:
                return entry[2]
        return self._loose_heading
