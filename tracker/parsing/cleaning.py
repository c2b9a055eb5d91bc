"""Noise removal and whitespace rules applied before a plan is parsed.

The parser works on a list of ``Line`` objects: the cleaned text of one source line, with the
1-based number of that line in the (NFC-normalised) source text, so that measures and warnings
can name the line a person sees. Cleaning never renumbers lines: a removed line simply
disappears from the list, and a line split at an HTML block tag yields several ``Line`` objects
with the same number.

Noise handled (each seen in the seed corpus, tests/corpus/):
- Markdown front matter ``--- … ---`` at the very top (seed 004); its ``title:`` is kept as a
  fallback plan title.
- HTML tags and entities (seed 004 is HTML inside a Markdown file).
- ``##paidbegin##`` / ``##paidend##``-style markers, also in front of text (seed 002 line 6).
- lines that are only a URL or only Markdown links (seed 004, last lines); links inside text
  keep their text.
- Markdown heading marks (``## 一、…``) and a line wrapped in ``**…**``.
- Markdown a reader or converter writes (GOLD-README "oneline67"): bold words opening a line (``**（一）…。**…``), the
  backslash escapes of ASCII punctuation (``1\\.``, ``\\*``), a list marker ``- `` / ``* `` / ``+ `` before an item's number
  (``- 1. …``) and an ordered list whose every item repeats its first number (``1. … 1. … 1. …``, numbered in order as
  Markdown shows it: ``renumber_markdown_lists``).
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field, replace

from ..vocabulary.han import HAN_CLASS, without_readings
from ..vocabulary.numbering import chinese_numeral_value, match_number, outranks

# Characters treated as CJK for the whitespace rule: CJK ideographs, CJK and full-width
# punctuation, curly quotes, dashes and ellipsis used as Chinese punctuation.
_CJK_RANGES = (
    "\u2e80-\u2fff\u3001-\u303f\u3040-\u30ff\u3100-\u312f\u3200-\u33ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uf900-\ufaff\ufe10-\ufe1f\ufe30-\ufe4f\uff01-\uffef"
    "\u2014\u2015\u2018\u2019\u201c\u201d\u2026\u00b7\u2460-\u24ff"
)
_CJK_RE = re.compile(f"[{_CJK_RANGES}]")
# Whitespace inside a line: ASCII blanks, tab, NBSP, ideographic space, the thin spaces and
# zero-width characters that web pages and Word leave behind.
_BLANKS = "[ \t\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]+"
_BLANK_RE = re.compile(_BLANKS)

_MARKER_RE = re.compile(r"##[A-Za-z_]+##")
_HTML_BLOCK_TAGS = (
    "p|div|br|li|ul|ol|tr|table|tbody|thead|h[1-6]|section|article|header|footer|blockquote|hr"
)
_HTML_BLOCK_RE = re.compile(rf"</?(?:{_HTML_BLOCK_TAGS})\b[^<>]*>", re.IGNORECASE)
_HTML_TAG_RE = re.compile(
    r"<!--.*?-->|</?(?:a|b|i|u|em|strong|span|font|img|sup|sub|small|big|center|td|th|code|pre|"
    r"figure|figcaption|label|mark|s|strike|del|ins|abbr|time|meta|link|html|head|body|title)"
    r"\b[^<>]*>",
    re.IGNORECASE | re.DOTALL,
)
_MD_LINK_RE = re.compile(r"!?\[([^\[\]]*)\]\(([^()\s]*)\)")
_URL_RE = re.compile(r"<?(?:https?:)?//[^\s<>）)]+>?|<?https?://[^\s<>]+>?")
_ONLY_PUNCT_RE = re.compile(r"^[\s|｜·•,，、;；:：/\-—_]*$")
_CELL_BORDER_RE = re.compile(r"^\s*(?:[|｜]+|[—\-－]+\s*[|｜])\s*$")
_MD_HEADING_RE = re.compile(r"^#{1,6}\s+")
_MD_BOLD_LINE_RE = re.compile(r"^(\*\*|__)(.+)\1$")
# Markdown's bold opening a line ("**（一）加强组织领导。**各地要…", "**牵头单位：**市发改委"): the bold words open with an
# item's number or end with a mark of punctuation; "**年以来…今年**月份" (a speech's masked figures) is no bold. An escaped
# "\*" is no mark of it. Markdown's backslash escapes, of the marks a converter escapes (its own syntax: "1\." for a
# number kept from opening a list, "\*", "\[", "\#"; not "\," of a page's stray watermark).
_MD_BOLD_OPENING_RE = re.compile(r"^\*\*(?=\S)(.+?)(?<=\S)(?<!\\)\*\*")
_MD_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~])")
_BOLD_WORDS_END = "。；：:;！？!?，,、"


@dataclass(frozen=True)
class Line:
    """One cleaned line: ``no`` is its 1-based line number in the source text, ``text`` is
    stripped of noise and of leading/trailing whitespace (never empty). ``starts_table`` marks
    the first row of a task table (tables.rewrite_table_rows): its rows number a tree of their
    own (CONTRACTS.md §1). ``runs_on`` marks a line a fixed-width layout cut inside a sentence
    and that could not be joined with the next one, which opens like an item (a PDF's
    "…受理平台网站www.1233" then "9.gov.cn；", parser._join_wrapped_lines): the next line goes on
    with its sentence unless its number is the next of a list (walker.BodyWalker). ``nests`` marks a task
    table's line whose item opens under the row's own heading line above it, whatever its number's style
    (a 目标任务分解表's "1 | 目标名称 | (1)工作标准…" or "1.…" under a merged 序号 1: tables.rewrite_table_rows;
    placed by ``numbering.LevelTracker.place(..., nests=True)``). ``unplaced`` marks the lines of a table's row laid out
    one cell per line that could not be placed in the header's columns (tables.join_cell_lines): the table reader warns
    of it instead of reading a wrong row."""

    no: int
    text: str
    starts_table: bool = False
    runs_on: bool = False
    nests: bool = False
    unplaced: bool = False


@dataclass
class CleanDocument:
    """The cleaned document: its non-empty ``lines`` and the Markdown ``front_matter`` keys
    (lower-case key -> value with quotes removed; empty when the file has none)."""

    lines: list[Line]
    front_matter: dict[str, str] = field(default_factory=dict)


def is_cjk(ch: str) -> bool:
    """True when the one-character string ``ch`` is a CJK character or CJK/full-width punctuation."""
    return bool(ch) and bool(_CJK_RE.match(ch))


# Half-width punctuation written in Chinese text for its full-width form (stored copies: "行动,2023年").
_HALF_WIDTH_STOPS = ",;:."


def normalize_spaces(text: str) -> str:
    """Remove whitespace that sits next to a CJK character or CJK punctuation.

    A blank after half-width punctuation written in Chinese text ("行动, 2023年…") goes too.
    Other runs of blanks (between Latin words or digits, e.g. "New York") become one space;
    blanks at either end are removed; newlines are kept. Rule from seed 003, whose quotes carry
    stray spaces: " “名股实债 ”" -> "“名股实债”", "（ OTC）" -> "（OTC）".
    """

    def repl(m: re.Match) -> str:
        start, end = m.start(), m.end()
        before = text[start - 1] if start > 0 else ""
        after = text[end] if end < len(text) else ""
        if not before or not after or before == "\n" or after == "\n":
            return ""
        if is_cjk(before) or is_cjk(after):
            return ""
        if before in _HALF_WIDTH_STOPS and start > 1 and is_cjk(text[start - 2]):
            return ""  # "行动, 2023年…": a half-width comma in Chinese text stands for "，"
        return " "

    return _BLANK_RE.sub(repl, text)


# Ideographs written as their radical look-alikes. PDF writers that subset Noto or Source Han fonts
# (Chromium's "print to PDF", macOS) map the glyphs of 一, 二, 十, 门, 长 … to the Kangxi radicals
# (U+2F00-U+2FD5: "第⼀条", "第⼗⼆条") and the CJK radicals supplement ("部⻔", "⼈⺠"), so the text
# layer holds characters that look right and match nothing (issue 13: a PDF printed from a browser
# gave 16 of 56 articles). Kangxi radicals are the ideographs NFKC gives them; of the supplement only
# the forms that stand for a whole character are mapped (a component form such as ⺮ is no word).
_RADICAL_LOOKALIKES = {chr(code): unicodedata.normalize("NFKC", chr(code)) for code in range(0x2F00, 0x2FD6)}
_RADICAL_LOOKALIKES.update(zip("⺟⺠⻄⻅⻆⻉⻋⻑⻓⻔⻘⻙⻚⻛⻜⻝⻟⻡⻢⻣⻤⻥⻦⻧⻨⻩⻪⻬⻮⻰⻳",
                               "母民西见角贝车長长门青韦页风飞食食首马骨鬼鱼鸟卤麦黄黾齐齿龙龟"))
_RADICAL_TABLE = str.maketrans(_RADICAL_LOOKALIKES)


# A line spaced out character by character ("一 、 全 面 排 查 。 各 乡 镇 要 于 5 月 1 0 日 前 完 成"): what a PDF
# reader gives for a letter-spaced or justified line (pdfminer puts a blank wherever two characters stand apart), and
# what a text copied from such a PDF keeps. Most of its pieces between single blanks are one character long.
_SPACED_OUT_MIN_PIECES = 8
_SPACED_OUT_SHARE = 0.85
_SINGLE_BLANK_RE = re.compile(r"(?<=\S) (?=\S)")


def unspace_letter_spaced(line: str) -> str:
    """``line`` without the blanks a letter-spaced layout put between its characters, when it is spaced out
    character by character (at least _SPACED_OUT_MIN_PIECES pieces between single blanks, _SPACED_OUT_SHARE of them
    one character long, some Chinese among them); a wider gap stays one blank. Other lines are returned as they
    are: "财  政  局" in a table cell, "New York", a tab-separated row (branch notices3: a PDF's spaced-out items
    lost their annotations' units and their deadlines, "于 5 月 1 0 日 前")."""
    if "\t" in line or line.count(" ") < _SPACED_OUT_MIN_PIECES - 1:
        return line
    pieces = [piece for piece in re.split(r" {2,}|\u3000", line.strip()) for piece in piece.split(" ")]
    short = sum(1 for piece in pieces if len(piece) == 1)
    if (len(pieces) < _SPACED_OUT_MIN_PIECES or short < _SPACED_OUT_SHARE * len(pieces)
            or not any(is_cjk(piece) for piece in pieces if len(piece) == 1)):
        return line
    return re.sub(r" {2,}", " ", _SINGLE_BLANK_RE.sub("", line))


def normalize_source(text: str) -> str:
    """Return ``text`` NFC-normalised with CR/CRLF line ends turned into LF, ideographs written
    as their radical look-alikes ("第⼀条", "部⻔", a browser's PDF) turned into the ideographs
    (``_RADICAL_LOOKALIKES``), and lines spaced out character by character closed up
    (``unspace_letter_spaced``: layout, not text); nothing else changes (full-width characters stay
    full-width, a blank typed inside a line stays). This is the ``source_text`` of a draft."""
    text = unicodedata.normalize("NFC", text).translate(_RADICAL_TABLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.count(" ") < _SPACED_OUT_MIN_PIECES - 1:
        return text
    return "\n".join(unspace_letter_spaced(line) for line in text.split("\n"))


def _front_matter(raw_lines: list[str]) -> tuple[int, dict[str, str]]:
    """Return (number of lines the front matter spans, its keys) for a ``---`` block at the top."""
    if not raw_lines or raw_lines[0].strip() != "---":
        return 0, {}
    for i in range(1, min(len(raw_lines), 60)):
        if raw_lines[i].strip() in ("---", "..."):
            keys: dict[str, str] = {}
            for entry in raw_lines[1:i]:
                key, sep, value = entry.partition(":")
                if sep and key.strip():
                    keys[key.strip().lower()] = value.strip().strip("\"'")
            return i + 1, keys
    return 0, {}


def _markdown_inline(fragment: str) -> str:
    """``fragment`` without Markdown's inline marks: a bold ``**…**`` opening it keeps its words (when they open with an
    item's number or end with a mark of punctuation), ``\\.`` ``\\*`` ``\\[`` are the characters they escape. A line
    with no ``*`` and no backslash is returned as it is."""
    if "*" not in fragment and "\\" not in fragment:
        return fragment
    bold = _MD_BOLD_OPENING_RE.match(fragment)
    if bold and (bold.group(1)[-1] in _BOLD_WORDS_END or match_number(_MD_ESCAPE_RE.sub(r"\1", bold.group(1)))):
        fragment = bold.group(1) + fragment[bold.end():]
    return _MD_ESCAPE_RE.sub(r"\1", fragment)


def _clean_fragment(fragment: str) -> str:
    """Clean one piece of a line: tags, entities, markers, links; return '' when only noise."""
    fragment = _HTML_TAG_RE.sub("", fragment)
    fragment = html.unescape(fragment)
    fragment = _MARKER_RE.sub("", fragment)
    without_links = _URL_RE.sub("", _MD_LINK_RE.sub("", fragment))
    if _CELL_BORDER_RE.match(without_links):
        # a table pasted with one cell per line closed by a pipe: its lines of pipes only cut the rows,
        # "—— |" is a cell; kept for tables.join_pipe_cell_rows, which drops them outside such a table
        return re.sub(r"\s+", " ", without_links.strip())
    if _ONLY_PUNCT_RE.match(without_links):
        return ""
    fragment = _MD_LINK_RE.sub(lambda m: m.group(1), fragment)
    fragment = fragment.strip(" \t\u00a0\u3000\ufeff\u200b")
    heading = _MD_HEADING_RE.match(fragment)
    fragment = _MD_HEADING_RE.sub("", fragment)
    if heading and (chinese_numeral_value(fragment.strip(" \t\u00a0\u3000")) or 0) > 0:
        # "## 三" and its words on the next line (a Markdown copy that lost the 、): the item 三 (GOLD-README "kinds36")
        fragment = fragment.strip(" \t\u00a0\u3000") + "、"
    bold = _MD_BOLD_LINE_RE.match(fragment)
    if bold:
        fragment = bold.group(2)
    fragment = _markdown_inline(fragment)
    return fragment.strip(" \t\u00a0\u3000\ufeff\u200b")


# Bullets that open a line; dropped when a numbering token follows ("●一是深化动力变革"): the number
# numbers the item, the bullet is layout. A bullet alone before text stays (such lines are no items).
# A "?" (or "？") opening a line is a bullet a site's encoding lost ("?2019年建成…;", GOLD-README "units30").
# A run of them ("??1.做好…", "??(一)…") is a mirror page's indent its encoding lost (its full-width blanks shown as "?", GOLD-README
# wave 30's 1406 rule; branch fresh67): layout like one.
BULLETS = "●•■◆▲★◎□◇▪▶►?？"
_LEADING_BULLET_RE = re.compile(rf"^(?:[?？]+|[{re.escape(BULLETS)}])\s*")


def opens_with_bullet(text: str) -> bool:
    """Does the line ``text`` open with a bullet (``●``, ``•``, ``▪``, ``■`` …, or the ``?`` a site's encoding left for a
    lost one) before its words? Such a line is no item of its own (GOLD-README "What counts as a measure"); under an
    item it opens a list of the item's (the body walk, GOLD-README "units30")."""
    m = _LEADING_BULLET_RE.match(text)
    return bool(m) and m.end() < len(text)


# An enumerator a site glossed with its pinyin reading before its punctuation ("一(yī)、實施…", "第三(sān)，…"; GOLD-README
# "fresh39"): the Han numerals, then one reading or more in brackets.
_GLOSSED_NUMBER_RE = re.compile(r"^第?[〇零一二三四五六七八九十百]{1,4}(?:\([^()]{1,6}\))+")


def _number_without_reading(text: str) -> str:
    """``text`` without the pinyin reading a site inserted inside the enumerator that opens it ("一(yī)、實施創新驅動發展戰略"
    -> "一、實施創新驅動發展戰略"), when the line then opens with an item's number: the reading is layout, the number numbers
    the item (``vocabulary.han.without_readings``); readings elsewhere in the line stay as written (unit names, titles:
    GOLD-README "fresh37"). Other lines are returned as they are."""
    m = _GLOSSED_NUMBER_RE.match(text)
    if not m:
        return text
    closed = without_readings(m.group(0))
    if closed == m.group(0):
        return text
    candidate = closed + text[m.end():]
    return candidate if match_number(candidate) is not None else text


# A Markdown list item's marker before an item's own number ("- 1. 加快…", "* （一）…"): a blank must follow it.
_MD_LIST_MARKER_RE = re.compile(r"^[-*+]\s+")


def _drop_bullet(text: str) -> str:
    """``text`` without a leading bullet, or a Markdown list's ``- `` / ``* `` / ``+ ``, when a numbering token follows
    it; else ``text``. A bullet before a number and a blank ("• 01 制定工作方案", "● 1 集中整治", "◆01 总结经验", a
    timetable's items under its stages) is layout too: the number and blank are the item's (``SPACED_STYLE``, taken by the
    body walk in its list's sequence; GOLD-README "fresh54", as 1492's "• 01" alone on its line)."""
    m = _LEADING_BULLET_RE.match(text) or _MD_LIST_MARKER_RE.match(text)
    if m and match_number(text[m.end():]) is not None:
        return text[m.end():]
    if m and _LEADING_BULLET_RE.match(text) and match_number(text[m.end():], spaced=True) is not None:
        return text[m.end():]
    return text


def clean_document(source_text: str) -> CleanDocument:
    """Split ``source_text`` (already ``normalize_source``-d) into cleaned ``Line`` objects.

    Returns a ``CleanDocument``; empty lines and noise-only lines are dropped, line numbers are
    those of ``source_text``. Never raises.
    """
    raw_lines = source_text.split("\n")
    skip, front = _front_matter(raw_lines)
    lines: list[Line] = []
    for index, raw in enumerate(raw_lines[skip:], start=skip + 1):
        for fragment in _HTML_BLOCK_RE.split(raw):
            cleaned = _number_without_reading(_drop_bullet(_clean_fragment(fragment)))
            if cleaned:
                lines.append(Line(index, cleaned))
    return CleanDocument(lines=renumber_markdown_lists(join_preview_chunks(lines)), front_matter=front)


# An item of a Markdown ordered list: its number, a dot and a blank ("1. 加快…").
_MD_ORDERED_RE = re.compile(r"^(\d{1,3})\.[ \t]+(?=\S)")


def renumber_markdown_lists(lines: list[Line]) -> list[Line]:
    """``lines`` with each Markdown ordered list whose items all repeat one number ("1. 甲…" "1. 乙…" "1. 丙…", as a
    converter writes a list Markdown numbers by itself) numbered as Markdown shows it: from that number on, one more an
    item (GOLD-README "oneline67"). A list is two or more lines opening ``N. `` (a blank after the dot) with the same N,
    with no line between them opening with another number of the "1." style or a number that outranks it (``一、``,
    ``（一）``: a new part starts a new list); lines of words and lower numbers (``(1)``) between them stay in the list.
    Lines numbered one by one, and a plan whose repeated ``1.`` is written without the blank, are returned as they are."""
    runs: list[list[int]] = []
    current: list[int] = []
    number = None
    for index, line in enumerate(lines):
        m = _MD_ORDERED_RE.match(line.text)
        if m and (number is None or m.group(1) == number):
            current.append(index)
            number = m.group(1)
            continue
        token = None if m else match_number(line.text)
        if m or (token is not None and (token.style == "arabic" or outranks(token.style, "arabic"))):
            if len(current) > 1:
                runs.append(current)
            current = [index] if m else []
            number = m.group(1) if m else None
    if len(current) > 1:
        runs.append(current)
    out = list(lines)
    for run in runs:
        first = int(_MD_ORDERED_RE.match(lines[run[0]].text).group(1))
        for k, index in enumerate(run):
            line = lines[index]
            out[index] = replace(line, text=f"{first + k}. {line.text[_MD_ORDERED_RE.match(line.text).end():]}")
    return out


# A document site's preview of a file (GOLD-README "fresh47", after kinds46's glued tables): the file's name on a line
# of the page's head ("…实施方案.docx"), then the text cut into chunks of a fixed length, each opening a line with the
# chunk's own number ("1、…", "2、…"), a chunk often ending inside a sentence or a word ("…耕地抛" / "2、荒治理政策,…").
# The file's name may hold a title of its own in 《》 (``《嘉兴市贯彻落实《浙江省…若干措施》实施方案.docx》由会员分享…``, GOLD-README
# "fresh53"): a pair of inner marks is part of the name.
_FILE_NAME_LINE_RE = re.compile(r"^(?:《)?(?P<name>(?:[^《》]|《[^《》]{1,60}》){4,80}?)\.(?:docx?|wps|pdf|txt)(?:》|$)",
                                re.IGNORECASE)
# The chunk's number as the site writes it (``1、``) or as a copy retyped its mark half- or full-width (``1.``, ``1．``, ``1﹒``).
_PREVIEW_CHUNK_RE = re.compile(r"^([0-9]{1,3})[、.．﹒](?![0-9])")
# The lines of a page's head searched for the file's name, and the most chunks read.
_PREVIEW_HEAD_LINES = 12
_PREVIEW_MOST_CHUNKS = 200
# Fewest characters of each chunk but the last of a preview copied without the page's head (no file's name above it): a
# site's fixed-length cut, never a list's short items (GOLD-README "stages58", 1056).
_HEADLESS_CHUNK_CHARS = 200
# A chunk's last character when the site's cut fell at a sentence's end: then the number may be an item's.
_CHUNK_SENTENCE_END = "。；;！!？?：:"


def join_preview_chunks(lines: list[Line]) -> list[Line]:
    """``lines`` with a document site's preview chunks written as one line: their numbers dropped (layout, never items)
    and a word a cut split closed up (``…耕地抛`` + ``2、荒治理…`` → ``…耕地抛荒治理…``). The chunks are the run of lines
    opening ``1、``, ``2、``, … in sequence, the first within the page's head after a line naming the previewed file
    (``XX镇…实施方案.docx``, or ``《….docx》由会员分享…``), when every chunk but the last ends inside a sentence (the
    site cuts at a fixed length, not at a sentence) or the first opens with the file's name (one chunk, the title's
    words first). Any other numbered line stays as it is: a list's ``1、…。`` / ``2、…`` ends its sentences. Linear."""
    name = None
    for at, line in enumerate(lines[:_PREVIEW_HEAD_LINES]):
        found = _FILE_NAME_LINE_RE.match(line.text)
        if found is not None and name is None:
            name = found.group("name").strip()
        headless = name is None and at == 0  # a copy of the preview without the page's head: its first line is chunk 1
        if ((name is None and not headless) or _PREVIEW_CHUNK_RE.match(line.text) is None
                or _PREVIEW_CHUNK_RE.match(line.text).group(1) != "1"):
            continue
        end = at
        while (end + 1 < len(lines) and end + 1 - at < _PREVIEW_MOST_CHUNKS
               and (following := _PREVIEW_CHUNK_RE.match(lines[end + 1].text)) is not None
               and int(following.group(1)) == end - at + 2):
            end += 1
        chunks = lines[at:end + 1]
        words = [_PREVIEW_CHUNK_RE.sub("", chunk.text, count=1) for chunk in chunks]
        cut_inside = len(chunks) > 1 and all(text[-1:] not in _CHUNK_SENTENCE_END for text in words[:-1])
        if headless:  # without the file's name only long chunks cut inside a sentence, the site's fixed length (1056)
            if not (cut_inside and all(len(text) >= _HEADLESS_CHUNK_CHARS for text in words[:-1])):
                return lines
        elif not (cut_inside or words[0].startswith(name)):
            return lines
        return lines[:at] + [Line(chunks[0].no, "".join(words))] + lines[end + 1:]
    return lines


# A line broken inside one paragraph (a page's <br>, Word's <w:br/>, Shift+Enter): on most pages and
# documents a paragraph's end, but after a numbered item's sentence, before words that open no item,
# bracket, caption or indented paragraph ("（一）…清单化管理。<br>此项工作于6月底前完成。"), the sentence
# after it is still the item's, as the document's .txt copy has it (GOLD-README, deadlines round 4).
SOFT_BREAK = "\x1e"
_SENTENCE_END_RE = re.compile(r"[。；;！!]$")
_CAPTION_START_RE = re.compile(rf"^{HAN_CLASS}{{2,10}}\s*[：:]")
_OPENING_BRACKETS = "（(〔【[［"


def continues_item(line: str, after: str) -> bool:
    """True when ``after``, the words after a line break inside the paragraph of ``line``, go on
    ``line``'s item: ``line`` is a numbered item whose sentence ended, and ``after`` opens no item,
    no bracket and no caption of its own (those read as lines already) and no indent (a paragraph)."""
    line, after = line.strip(" \u00a0\u3000\t"), after.strip(" \t")
    return bool(line and after and after[0] not in "\u3000\u00a0" and _SENTENCE_END_RE.search(line) and match_number(line) is not None
                and match_number(after) is None and after[0] not in _OPENING_BRACKETS
                and not _CAPTION_START_RE.match(after))


def join_soft_breaks(text: str) -> str:
    """``text`` with each ``SOFT_BREAK`` as a line end, or as nothing where the words after it go on
    the numbered item before it (``continues_item``); two breaks in a row always end the line."""
    if SOFT_BREAK not in text:
        return text
    out: list[str] = []
    for line in text.split("\n"):
        pieces = line.split(SOFT_BREAK)
        current = pieces[0]
        for k, piece in enumerate(pieces[1:], 1):
            if piece.strip() and pieces[k - 1].strip() and continues_item(current, piece):
                current = current.rstrip(" \t") + piece.lstrip(" \t")
            else:
                out.append(current)
                current = piece
        out.append(current)
    return "\n".join(out)
