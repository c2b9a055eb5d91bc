"""The tree of a ledger's rows, from 序号 as written.

序号 cells are read into tokens by ``parse_number`` (tracker/vocabulary/numbering.py); unit
cells are split by ``split_units`` (tracker/vocabulary/units.py). 序号 cells come in three
shapes: one token per row whose level comes from its style ("一", "（一）", "1", "（1）", "①"),
tokens joined by our exporter ("一（一）" = path ["一", "（一）"]), and
dotted numbers ("1.2" = path ["1", "1.2"], each element being the 序号 of that ancestor's row).
Levels of single tokens follow the plan parser's rule (tracker/parsing/numbering.py): a style
takes the level at which it first appears, one below the row before it when it is new, and a
style seen again returns to its level; so 一、 → 1. nests by itself, whatever the office's
convention.
"""

from __future__ import annotations

from ..vocabulary.numbering import NumberToken


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
