"""Word's automatic list numbering: the number text a list paragraph shows.

In a .docx, a numbered paragraph does not hold its number: ``w:numPr`` (numId, ilvl) points
into word/numbering.xml, where ``w:abstractNum/w:lvl`` gives the format (``w:numFmt``: decimal,
chineseCounting, …), the text (``w:lvlText``, e.g. "%1." or "（%1）" or "%1、") and the start
value. ``ListNumberer`` keeps one counter per list and level, as Word does (a level restarts
after any higher level), and renders the label so the parser sees "一、" or "1." as typed text.
Bullets and unknown formats give no label. Numbering set on a paragraph style (a style whose
``w:pPr`` holds ``w:numPr``) counts too.

A damaged or hostile file raises ``DamagedNumbering`` instead of running away (issue 14): a
non-integer level, start or id, a level outside 0–8 (Word has nine), a start value above
MAX_START, styles ``basedOn`` each other in a cycle, or a chain deeper than MAX_STYLE_CHAIN.
"""

from __future__ import annotations

from docx.oxml.ns import qn

from ..vocabulary.numbering import MAX_ROMAN, roman_numeral

_CN = "〇一二三四五六七八九"
_CIRCLED = [chr(c) for c in range(0x2460, 0x2474)]
#: The label of a bulleted paragraph, one mark whatever glyph the list draws (often a Symbol-font character): one of
#: cleaning.BULLETS.
BULLET = "•"
_HEAVENLY = "甲乙丙丁戊己庚辛壬癸"
#: Largest start value accepted: Word's own dialog allows at most 32,767; a start of 10^11 in
#: roman numerals would be a label of 10^8 characters.
MAX_START = 32_767
#: Word has nine list levels (w:ilvl 0–8).
LEVELS = 9
#: Longest chain of basedOn styles followed (Word's styles nest a handful deep).
MAX_STYLE_CHAIN = 100


class DamagedNumbering(ValueError):
    """The list numbering or styles of a .docx are malformed (see the module doc)."""


def _integer(value, what: str, low: int = 0, high: int = MAX_START) -> int:
    """``value`` (an attribute's text or int) as an int within [low, high]; else DamagedNumbering."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise DamagedNumbering(f"{what} is not an integer: {value!r}") from None
    if not low <= number <= high:
        raise DamagedNumbering(f"{what} {number} outside {low}..{high}")
    return number



def chinese_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 11 -> 十一, 23 -> 二十三 (1–99; larger values as digits)."""
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    text = ("" if tens <= 1 else _CN[tens]) + ("十" if tens else "")
    return text + (_CN[ones] if ones else "")


def format_number(n: int, fmt: str) -> str | None:
    """The number ``n`` in Word's ``w:numFmt`` ``fmt``; None for bullets and "none"."""
    if fmt in ("bullet", "none"):
        return None
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified",
               "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand", "ideographDigital"):
        return chinese_number(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 0 < n <= len(_CIRCLED):
        return _CIRCLED[n - 1]
    if fmt == "ideographTraditional" and 0 < n <= len(_HEAVENLY):
        return _HEAVENLY[n - 1]
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(d) + 0xFEE0) for d in str(n))
    if fmt in ("upperLetter", "lowerLetter") and 0 < n <= 26:
        letter = chr(ord("A") + n - 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman") and 0 < n <= MAX_ROMAN:  # larger: Arabic digits
        return roman_numeral(n) if fmt == "upperRoman" else roman_numeral(n).lower()
    return str(n)


def _val(element, tag: str, default=None):
    child = element.find(qn(tag)) if element is not None else None
    return child.get(qn("w:val")) if child is not None else default


class ListNumberer:
    """Renders list labels for the paragraphs of one python-docx ``Document``, in order."""

    def __init__(self, document) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, list[int | None]] = {}
        self.styles = document.styles
        self._style_num_pr: dict[str | None, object] = {}
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return
        abstract = {}
        for node in root.findall(qn("w:abstractNum")):
            levels = {}
            for lvl in node.findall(qn("w:lvl")):
                levels[_integer(lvl.get(qn("w:ilvl"), "0"), "w:ilvl", high=LEVELS - 1)] = (
                    _val(lvl, "w:numFmt", "decimal"), _val(lvl, "w:lvlText", ""),
                    _integer(_val(lvl, "w:start", "1"), "w:start"))
            abstract[node.get(qn("w:abstractNumId"))] = levels
        for num in root.findall(qn("w:num")):
            levels = dict(abstract.get(_val(num, "w:abstractNumId"), {}))
            for override in num.findall(qn("w:lvlOverride")):
                ilvl = _integer(override.get(qn("w:ilvl"), "0"), "w:ilvl", high=LEVELS - 1)
                start = _val(override, "w:startOverride")
                if start is not None and ilvl in levels:
                    fmt, text, _ = levels[ilvl]
                    levels[ilvl] = (fmt, text, _integer(start, "w:startOverride"))
            self.levels[num.get(qn("w:numId"))] = levels

    def _num_pr(self, paragraph) -> tuple[str, int] | None:
        p_pr = paragraph._p.pPr
        num_pr = p_pr.numPr if p_pr is not None else None
        if num_pr is None:
            # python-docx resolves a paragraph's style by scanning every style (about 1 ms); the
            # answer depends only on the style id, so it is worked out once per id.
            style_id = p_pr.pStyle.val if p_pr is not None and p_pr.pStyle is not None else None
            if style_id not in self._style_num_pr:
                self._style_num_pr[style_id] = self._style_chain_num_pr(paragraph.style)
            num_pr = self._style_num_pr[style_id]
        if num_pr is None or num_pr.numId is None:
            return None
        ilvl = num_pr.ilvl.val if num_pr.ilvl is not None else 0
        return str(num_pr.numId.val), _integer(ilvl, "w:ilvl", high=LEVELS - 1)

    @staticmethod
    def _style_chain_num_pr(style):
        """The numPr of ``style`` or of the nearest style it is basedOn, or None; a loop or a chain
        past MAX_STYLE_CHAIN raises DamagedNumbering."""
        seen: list[str | None] = []
        while style is not None:
            if (style.style_id is not None and style.style_id in seen) or len(seen) >= MAX_STYLE_CHAIN:
                raise DamagedNumbering(f"style {style.style_id!r}: basedOn chain loops or is too deep")
            seen.append(style.style_id)
            style_p_pr = style.element.pPr
            if style_p_pr is not None and style_p_pr.numPr is not None:
                return style_p_pr.numPr
            style = style.base_style
        return None

    def label(self, paragraph) -> str:
        """The label Word shows before ``paragraph`` ("一、", "1.", "（1）"), "•" for a bulleted paragraph (whatever glyph
        the list draws: a bullet is layout, and the body walk reads a bulleted line as a point of the item above it,
        cleaning.BULLETS, GOLD-README "units30"), or "" (none, or a paragraph outside any list). Call once per paragraph,
        in order."""
        found = self._num_pr(paragraph)
        if found is None or found[0] not in self.levels:
            return ""
        num_id, ilvl = found
        levels = self.levels[num_id]
        if ilvl not in levels:
            return ""
        counts = self.counters.setdefault(num_id, [None] * 10)
        counts[ilvl] = levels[ilvl][2] if counts[ilvl] is None else counts[ilvl] + 1
        for deeper in range(ilvl + 1, len(counts)):
            counts[deeper] = None
        fmt, text, _ = levels[ilvl]
        if fmt == "bullet":
            return BULLET
        if format_number(1, fmt) is None:
            return ""
        for level in range(ilvl, -1, -1):
            level_fmt, _, start = levels.get(level, ("decimal", "", 1))
            value = counts[level] if counts[level] is not None else start
            text = text.replace(f"%{level + 1}", format_number(value, level_fmt) or "")
        return text
