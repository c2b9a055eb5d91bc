"""Each unit's part of a progress cell, 【单位】 before it: "【重庆银监局】……" (issue 15).

Pure module. A supervisor's one-row ledger (tree, flat, grouped) shows every unit's latest report
of a task; where several units reported, each of 进展情况/存在问题/下步计划 holds one paragraph per
unit, each opening with the unit's name in 【】 (CONTRACTS.md §3). ``combine_parts`` writes such a
cell and ``split_parts`` reads it back; which unit a name means, and what to do with text before
the first 【单位】, is the import's business (services/ledger/changes.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

#: The brackets around a unit's name at the start of its paragraph.
PREFIX_OPEN, PREFIX_CLOSE = "【", "】"
#: Separator between the units' paragraphs of one cell.
PART_SEPARATOR = "\n"

# A 【name】 at the start of a line (blanks before it allowed); a name has no line break or bracket.
_PREFIX = re.compile(r"^[ \t\u3000]*【([^【】\n]{1,80})】", re.MULTILINE)


def unit_prefix(unit_name: str) -> str:
    """"重庆银监局" -> "【重庆银监局】"."""
    return f"{PREFIX_OPEN}{unit_name}{PREFIX_CLOSE}"


def combine_parts(parts: Iterable[tuple[str, str | None]]) -> str | None:
    """Return one cell holding each ``(unit name, text)`` whose text is not blank as a paragraph
    "【unit】text", in the given order, joined by line breaks; None when every text is blank."""
    paragraphs = [unit_prefix(unit) + text.strip() for unit, text in parts if text and text.strip()]
    return PART_SEPARATOR.join(paragraphs) or None


@dataclass(frozen=True)
class CellParts:
    """A cell read back: ``lead``, the text before the first 【单位】 ("" when none, the whole
    text when the cell has no prefix), and ``parts``, each (name as written in 【】, its text
    stripped), in cell order (a name may repeat; the caller decides)."""

    lead: str
    parts: tuple[tuple[str, str], ...]

    @property
    def prefixed(self) -> bool:
        """True when the cell holds at least one 【单位】 part (else its text is ``lead`` alone)."""
        return bool(self.parts)


def split_parts(text: str | None) -> CellParts:
    """Split a cell written by ``combine_parts`` (or by hand in its form) into its units' parts.

    A part runs from its 【单位】 (at the start of a line) to the next one; a 【】 inside a line is
    text. ``split_parts(combine_parts(p))`` gives back ``p`` without its blank texts, each
    stripped (names are stripped too)."""
    text = text or ""
    found = list(_PREFIX.finditer(text))
    if not found:
        return CellParts(text.strip(), ())
    parts = []
    for index, match in enumerate(found):
        end = found[index + 1].start() if index + 1 < len(found) else len(text)
        parts.append((match.group(1).strip(), text[match.end():end].strip()))
    return CellParts(text[:found[0].start()].strip(), tuple(parts))
