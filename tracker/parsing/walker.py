"""The body walk: from cleaned lines to ``MeasureDraft`` objects (see parser.py for the steps).

A line is
- a new item when it opens with a numbering token (a section marker such as 【篇五】 opens a
  heading item and restarts the numbering below it, seed 002);
- an annotation of the current item when it is only an annotation ("牵头单位：…"); a bracketed
  annotation line after the last of several siblings that carry no units belongs to their
  parent (运城 2017: "（责任单位：…）" after 1.(1)–(4) is 1.'s);
- a wrapped continuation when the previous line did not end a sentence (seed 003 一（三）);
- an intro paragraph of a heading line (seed 000's speech), or of a section marker;
- a later paragraph holding an inline list ("下步要抓好：一是…二是…"): the current item's, even
  after a paragraph break (a speech's part goes on over paragraphs, issue 13);
- a later paragraph of an item whose line is one short sentence, a title ("1.强化督查。" then "2023年
  6月底前完成第一轮督查。"), when the next item follows it or the body ends after it: its body (issue 13,
  ``is_title_sentence``; the numbering reads it as a break all the same; after the last item only when nothing
  but the body's end follows, no signature: branch fresh58);
- otherwise a real paragraph break: it belongs to no item (seed 003, line 34).
A number alone on its line takes the next line as its text; a number a line wrap left at a line
start (an open line above, out of its list's sequence) and a "1 加强…" number out of its list's
sequence are text.
Each finished item is split into its inline items ("一是…二是…", ``inline.split_inline``); when
they carry annotations of their own ("一是…（A负责）；二是…（B负责）") each keeps its own and the item
keeps what is written outside them, else every annotation is the item's. Every measure gets its
units, deadline (caption, else in the text), recurrence and suggestions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .annotations import (ANNOTATION_CLOSERS, ANNOTATION_OPENERS, Annotation, annotation_line, closing_group_duty, ends_in,
                          split_glued_goal, resolve_units, split_trailing_annotations, text_duties, duty_line,
                          units_before_words, opening_group_duty, range_group_duty, item_number, RangeDuty, unit_label,
                          LEAD)
from .cleaning import Line, is_cjk, normalize_spaces, opens_with_bullet
from .deadlines import (bare_deadline_line, breaks_inside_date, caption_sentence_deadline, dated_opening,
                        deadline_caption_line, ends_inside_date, find_text_deadline, is_promotion_period,
                        names_a_stage, period_year, recurrence_of, stage_time)
from .draft import MeasureDraft
from .inline import InlineItem, split_inline
from .metadata import signature_at
from ..vocabulary.captions import (LEAD_DUTY_WORDS, MEASURES_LIST_CAPTIONS, PARAGRAPH_CAPTIONS, RESPONSIBLE_DUTY_WORDS,
                                   SUPPORTING_DUTY_WORDS, is_counted_list_title)
from ..vocabulary.han import HAN_CLASS
from ..vocabulary.numbering import (SPACED_STYLE, NumberToken, is_glued_outline, match_next_bare, match_number,
                                   match_number_before_figure)
from .numbering import LevelTracker, check_sequence, speech_part_goes_on
from .sections import SECTION_STYLE, section_title
from .suggest import suggest_units
from .tables import group_lead, is_group_heading
from ..vocabulary.units import is_full_unit_name, is_unit_list, is_vague_collective, split_units

SENTENCE_END = "。；！？：”」）;!?:)』】"
_HEADING_BREAKERS_RE = re.compile(r"[。；！？;!?]")
TITLE_MAX_CHARS = 60
# "附件", "附件1", "附件一：" alone on a line: the annex numbers its lists afresh (issue 13).
# "附件：1.…" opening a notice's list of attachments (its entries are files, not items).
_ATTACHMENT_LIST_RE = re.compile(r"^附\s*件\s*[：:]\s*[1１]\s*[.．、﹒]")
_ATTACHMENT_ENTRY_RE = re.compile(r"^([0-9]{1,2})\s*[.．、﹒]")
_ATTACHMENT_CHARS = 80
_ANNEX_RE = re.compile(r"^附\s*件\s*[0-9０-９一二三四五六七八九十]{0,3}\s*[：:]?$")
# "附则", "附  则", "附则：" alone on a line after the last numbered part: a policy's closing rules, whose list is top-level
# (GOLD-README "heldout37c", "lists68"). Only 附则: 补充规定, 其他, 说明 alone may head an ordinary part or a note.
_CLOSING_HEADING_RE = re.compile(r"^附[ \t\u3000]*则[ \t\u3000]*[：:]?$")
# A speech's parts ("第二项，关于今年的重点工作。") head what follows when short.
_SPEECH_PART_STYLES = frozenset({"cn_item"})
_SPEECH_PART_CHARS = 30
# Styles of the numbers a sentence wrapped over two lines may leave at a line start.
# How many lines after a number followed by a figure are searched for the item's own number (a few paragraphs).
_FIGURE_LOOKAHEAD = 12
# The marks of a sentence's clauses: a line ending without a stop that holds one was cut inside its sentence.
_CLAUSE_MARKS_RE = re.compile(r"[，,；;：:]")
_WRAP_STYLES = frozenset({"arabic", "arabic_close", "arabic_paren", "dotted2", "dotted3", SPACED_STYLE})
#: Most items one plan may hold (issue 13: a 19.5 MB text read as 138,156 items made the preview
#: hold them all and the server grow to 1.6 GB). The largest plan of the corpus holds 88.
MAX_MEASURES = 5000


@dataclass
class _Item:
    """An item being built while walking the body."""

    token: NumberToken
    path: list[str]
    level: int
    line: int
    is_heading: bool
    paragraphs: list[str]
    para_lines: list[int]
    last_line: int
    open: bool
    own_line_annotations: list[Annotation] = field(default_factory=list)
    caption_lines: set[int] = field(default_factory=set)  # which of them are caption lines ("责任单位：A"), unbracketed
    annotation_text: str = ""  # the text of the last of them, a line of its own ("完成时限：2023年")
    titled: bool = False  # its line is one short sentence, a title ("1.加强组织领导。"): its body follows
    #                       (taken back when the next item starts, ``BodyWalker._start_item``)


def opens_measures_list(text: str) -> bool:
    """True when a line of ``text`` (an item's text as written) opens its list of measures by a caption of
    ``captions.MEASURES_LIST_CAPTIONS`` ("整改措施：", alone or followed by the list's first words)."""
    return any(line.strip().startswith(caption + colon) for line in text.splitlines()
               for caption in MEASURES_LIST_CAPTIONS for colon in "：:")


def opens_captioned_paragraph(text: str) -> bool:
    """True when ``text`` (a line) opens with a caption of an item's own paragraph, a goal or a list of
    measures ("整改目标：…", "整改措施："; ``captions.PARAGRAPH_CAPTIONS``): a
    paragraph of the item above, never the wrap of its line (a section "（一）关于…的问题" then its captions)."""
    stripped = text.strip()
    return any(stripped.startswith(caption + colon) for caption in PARAGRAPH_CAPTIONS for colon in "：:")


def is_heading_text(text: str) -> bool:
    """A heading line: short, no sentence punctuation, not ending in a comma, no unit annotation
    ("防控金融高杠杆风险", "规划期限（2016—2020年）")."""
    stripped = text.strip()
    if len(stripped) > TITLE_MAX_CHARS or _HEADING_BREAKERS_RE.search(stripped):
        return False
    if ends_in(stripped, "，,、"):  # a clause goes on in the next line ("1.加强领导，" + "落实责任。")
        return False
    if ends_inside_date(stripped):  # "（三）强化督查，2024年" + "6月底前完成。": a date cut by the line end
        return False
    # "一、加强监管（牵头单位：…）" is a measure, not a bare heading
    return not (ends_in(stripped, ANNOTATION_CLOSERS) and split_trailing_annotations(stripped)[1])


# Longest line of an item that is a title written as one sentence ("（一）加强组织领导。").
TITLE_SENTENCE_CHARS = 30


def is_title_sentence(text: str) -> bool:
    """An item's line that is one short sentence and nothing else ("加强组织领导。", "强化督查考核。"):
    it names the item like a heading, and the paragraphs below it (a few, up to the next item) are
    its body (issue 13: "1.强化督查。" then "2023年6月底前完成…" lost its deadline). A longer line, one
    of several sentences or one carrying an annotation is the item's own text (seed 003: the
    paragraph after such an item belongs to no item)."""
    stripped = text.strip()
    if not stripped or len(stripped) > TITLE_SENTENCE_CHARS or not ends_in(stripped, "。"):
        return False
    return not _HEADING_BREAKERS_RE.search(stripped[:-1]) and not ends_in(stripped[:-1], ANNOTATION_CLOSERS)


# A line a wrap ended right after the number of the next item of a list written on one line ("…；（二）" then
# "整理台账。"): its bracket closes no sentence (branch pdfs).
_ITEM_TOKEN_AT_END_RE = re.compile(r"[；;。，,：:][ \u3000]*[（(][一二三四五六七八九十0-9０-９]{1,3}[）)]$")


def ends_open(text: str) -> bool:
    """True when a wrapped line ``text`` stops inside a sentence: it ends without a sentence's end, or with the
    number of an item whose words the wrap put on the next line ("…；（二）"). Used by the fixed-width joins of
    parser.py and pdf.py."""
    text = text.rstrip()
    return bool(text) and (text[-1] not in SENTENCE_END or bool(_ITEM_TOKEN_AT_END_RE.search(text)))


def _ends_sentence(text: str) -> bool:
    return ends_in(text.rstrip(), SENTENCE_END)


def join_wrapped(left: str, right: str) -> str:
    """Join a wrapped line to the previous one: no space, except between two Latin characters, not
    both digits (a Chinese layout wraps at any character, so a number or address it cuts,
    "www.1233" + "9.gov.cn", is one: issue 13)."""
    if (left and right and not is_cjk(left[-1]) and not is_cjk(right[0]) and left[-1].isalnum() and right[0].isalnum()
            and not (left[-1].isdigit() and right[0].isdigit())):
        return f"{left} {right}"
    return left + right


# Punctuation a title never opens with: the separator a speech's part writes after its number, left in the item's text
# when the number was read without it ("第一部分，全面推进改革" -> "全面推进改革"; "一、，关于…"), branch kinds32.
_TITLE_OPENING_PUNCTUATION = "，,、：:；;。．.！!？?）)】」』” \u3000"


def title_words(text: str) -> str:
    """``text`` (a title's words) without blanks around it, punctuation it opens with (``_TITLE_OPENING_PUNCTUATION``)
    and a closing colon, semicolon or comma: a title never starts with punctuation ("，全面推进改革" -> "全面推进改革")."""
    return text.strip().lstrip(_TITLE_OPENING_PUNCTUATION).rstrip("：:；;，,")


def short_title(text: str) -> str | None:
    """The text before the first 。 of the first paragraph when short (≤ 60 characters), punctuation it opens with
    dropped (``title_words``)."""
    first_paragraph = title_words(text.split("\n", 1)[0])
    candidate = first_paragraph.split("。", 1)[0] if "。" in first_paragraph else first_paragraph
    candidate = title_words(candidate)
    if not candidate or len(candidate) > TITLE_MAX_CHARS:
        return None
    return candidate


def _paragraph_before(content: str, start: int) -> str:
    """The words of ``content``'s paragraph before offset ``start`` (where an inline item begins)."""
    start = max(0, min(start, len(content)))
    return content[content.rfind("\n", 0, start) + 1:start]


def _opening_clause(text: str) -> str:
    """The first clause of an item's text up to its first colon or sentence end ("2024年：完成…" ->
    "2024年："), where a heading naming its period stands; a step's title and the window on the line under it, when
    they are the item's whole text ("制定普查方案\n2018年1月-9月", GOLD-README "numbers67"), are its opening clause."""
    m = re.match(r"[^。；;：:\n]{0,20}(?:[：:]|\n[^。；;：:\n]{0,20}$)?", text or "")
    return m.group(0) if m else ""


def _clean(text: str) -> str:
    return "\n".join(p for p in (normalize_spaces(p).strip() for p in text.split("\n")) if p)


# Paragraphs after an item, closed by an annotation line, that are taken back as the item's own.
_TAKE_BACK_PARAGRAPHS = 3
# Lines of a list under an item (bulleted lines, a lead-in ending in a comma or colon), closed by a line that ends on an
# annotation, taken back as the item's body (GOLD-README "units30"): at most this many.
_TAKE_BACK_LIST_LINES = 20


def _items_annotated(items: list[InlineItem]) -> bool:
    """True when the inline items of an item carry annotations of their own ("一是…（市发改委负责）；
    二是…（市财政局负责）"): an item before the last one ends in an annotation that says something.
    An annotation after the last item only ("一是…；二是…。（市发改委负责）") closes the whole
    paragraph: it is the numbered item's, as is every annotation when the items carry none."""
    flat: list[InlineItem] = []
    stack = list(reversed(items))
    while stack:
        inline = stack.pop()
        flat.append(inline)
        stack.extend(reversed(inline.children))
    return any(any(a.read and not a.unreadable for a in split_trailing_annotations(inline.text)[1])
               for inline in flat[:-1])


# A bracket closing the paragraph after a sentence end ("…（B负责）。（市政府办公室牵头）").
_CLOSING_BRACKET_RE = re.compile(r"(?<=[。；;！？!?])\s*[（(【\[［][^（()）【】\[\]［］\n]{2,120}[）)】\]］][。；;]?\s*$")


def _take_closing_annotation(parent_text: str, items: list[InlineItem]) -> str:
    """``parent_text`` with the annotation that closes the paragraph after the last inline item's own
    one ("二是…（B负责）。（市政府办公室牵头）"): it speaks of the whole item, so it moves from the last
    inline item's text to the item's. Unchanged when the last inline item has one annotation only."""
    last = items[-1]
    while last.children:
        last = last.children[-1]
    closing = _CLOSING_BRACKET_RE.search(last.text)
    if closing is None or not split_trailing_annotations(last.text[:closing.start()])[1]:
        return parent_text
    last.text = last.text[:closing.start()]
    return parent_text.rstrip() + closing.group(0).strip()


# A caption and its colon inside an annotation ("牵头单位：", "配合单位:"): a captioned annotation, complete in itself.
_CAPTION_COLON_RE = re.compile(rf"{HAN_CLASS}[:：]")


def _closes_on_annotation(text: str) -> bool:
    """Does ``text`` (a paragraph) close on an annotation of its own ("…一日办结（市经委牵头）。")?"""
    return ends_in(text.rstrip("。；;"), ANNOTATION_CLOSERS) and bool(split_trailing_annotations(text)[1])


# A duty list's title under the body it binds ("某区人民政府" then "2023年度食品安全工作责任清单"; GOLD-README "kinds33"): a short
# title, its year optional, ending in 责任清单 or 职责清单, no sentence in it.
# (a notice's title handing such lists over, "关于印发…责任清单" wrapped before "的通知", is no list's title)
_DUTY_LIST_TITLE_RE = re.compile(rf"^(?!.*(?:关于|印发|转发))(?:[0-9]{{4}}年度?)?{HAN_CLASS}{{0,24}}(?:责任清单|职责清单)$")


def duty_list_body(line: str, next_line: str | None) -> str | None:
    """The body a duty list binds when ``line`` names one body alone (a unit's name, no vague collective) and
    ``next_line`` is the list's title ending in 责任清单 or 职责清单 ("某区人民政府" / "2023年度食品安全工作责任清单" ->
    "某区人民政府"), else None. The items under that title answer to the body: it leads those naming no lead of their own
    (``BodyWalker``; GOLD-README "kinds33")."""
    name, title = (line or "").strip(), re.sub(r"\s+", "", next_line or "")
    if not name or not _DUTY_LIST_TITLE_RE.match(title) or not is_unit_list(name):
        return None
    names = split_units(name)
    return name if len(names) == 1 and not is_vague_collective(name) else None


def is_annex_heading(text: str) -> bool:
    """True for an annex's heading alone on its line ("附件", "附件1", "附件一："): what follows is the annex, whose
    lists number afresh (the body walk), or the plan a cover notice hands over (parser._plan_after_notice)."""
    return bool(_ANNEX_RE.match(text))


def is_closing_heading(text: str) -> bool:
    """True for a policy's closing heading alone on its line, without a number ("附则", "附  则", "附则："): it closes the
    last numbered part, and the list after it ("1．关于政策适用对象。…") is numbered afresh at the top (the body walk's
    ``_restart_lists_at``; GOLD-README "heldout37c", "lists68"). ``text``: one line, stripped or not. A numbered
    "第十章 附则" is a part of its own, not this; any other unnumbered line restarts nothing."""
    return bool(_CLOSING_HEADING_RE.match(text.strip()))


def is_attachment_list(text: str) -> bool:
    """True for a line opening a notice's list of attachments ("附件：1.…表", the entries after it on
    lines of their own): its numbers name files, not items (GOLD-README: attachment lists are no
    measures). Read by the body walk and by the parser's split of lists glued to a sentence."""
    return bool(_ATTACHMENT_LIST_RE.match(text))


class BodyWalker:
    """Walks the body lines and builds ``MeasureDraft`` objects (see the module docstring).

    ``precedence_line``: line of the document's "排在第一位的…为牵头…" rule, or None;
    ``words``: whether 首先/其次 open list items at line starts in this document; ``limit``: the
    most measures built (``truncated`` tells that the walk stopped there).
    """

    def __init__(self, precedence_line: int | None, words: bool = False, limit: int = MAX_MEASURES) -> None:
        self.precedence_line = precedence_line
        self.limit = limit
        self.truncated = False  # True once ``limit`` measures are built: the rest is not read
        self.words = words
        self.tracker = LevelTracker()
        self.measures: list[MeasureDraft] = []
        self.warnings: list[str] = []
        self.orphans: list[Line] = []
        self.current: _Item | None = None
        self.broken = False
        # where in ``orphans`` the paragraphs after the current item begin, when they broke it
        self._broken_at: int | None = None
        self.ignored_captions: set[str] = set()
        self.last_marker: NumberToken | None = None
        self.attachment_next: int | None = None  # the number of the next attachment entry
        self.last_bare: NumberToken | None = None  # the last "一 标题" item (numbering.match_next_bare)
        self.last_spaced: NumberToken | None = None  # the last "1 加强…" item (numbering.SPACED_STYLE)
        self.runs_on = False  # the line before was cut inside a sentence by a fixed-width layout (Line.runs_on)
        # path -> index of its latest measure; parent path -> [children, children with units]
        self._index: dict[tuple[str, ...], int] = {}
        self._children: dict[tuple[str, ...], list[int]] = {}
        # parent path -> whether every child appended under it so far closes on a semicolon (``_one_enumerated_sentence``)
        self._semicolon_closed: dict[tuple[str, ...], bool] = {}
        # measure index -> (text as written, annotations, line, last line); -> its caption lines of its own
        self._built: dict[int, tuple[str, list[Annotation], int, int]] = {}
        self._captions: dict[int, list[Annotation]] = {}
        # line of a duty list's body -> the body (``duty_list_body``), for the whole text (``note_duty_lists``)
        self._duty_bodies: dict[int, str] = {}
        self._duty_titles: set[int] = set()
        # a line closing a group with the duties of the items above it ("以上任务由市金融办牵头。"): (the group's path, its
        # annotation), in line order (``_give_closing_duties``)
        self._closing_duties: list[tuple[tuple[str, ...], Annotation]] = []
        # a line naming the units of the items below it ("以下任务由县发改局牵头，县财政局配合："), in line order (``_give_lead_ins``)
        self._lead_ins: list[Annotation] = []
        self._labels_seen = False  # a line of units' names labelled the items below it (kinds49)
        # a line naming the units of a range of items ("（一）至（三）项由A负责"), in line order (``_give_range_duties``)
        self._range_duties: list[RangeDuty] = []
        self._set_aside_lines: set[int] = set()  # the lines of both and of closing duties: no item's words (``_set_aside``)
        # a counted list's title line and its bracketed notes (``_opens_counted_list``): no stray paragraphs
        self._list_titles: set[int] = set()
        self._list_title_notes: set[int] = set()

    def note_duty_lists(self, lines: list[Line]) -> None:
        """Note the duty lists' captions of ``lines`` (the whole text, the header's first one included): a body alone on
        its line above a title ending in 责任清单 (``duty_list_body``). The walk ends the item before each caption there,
        and the items after it take the body as lead where they name none (``_give_duty_list_bodies``)."""
        for line, following in zip(lines, lines[1:]):
            body = duty_list_body(line.text, following.text)
            if body is not None:
                self._duty_bodies[line.no] = body
                self._duty_titles.add(following.no)

    def _append(self, measure: MeasureDraft) -> None:
        if len(self.measures) >= self.limit:
            self.truncated = True
            return
        if measure.period_year is None:  # under "（二）2024年：" its items' "6月底前" falls in 2024
            parent = self._index.get(tuple(measure.path[:-1]))
            own = period_year(_opening_clause(measure.text))
            measure.period_year = own or (self.measures[parent].period_year if parent is not None else None)
        if measure.deadline is None and names_a_stage(measure.text):  # "近期（2024—2025年）": the bracket's span
            measure.deadline = stage_time(measure.text)
            measure.recurrence = recurrence_of(measure.deadline)
        if measure.deadline is None and len(measure.path) > 1:  # under "（一）近期（2024年底前）" its items are due then
            parent = self._index.get(tuple(measure.path[:-1]))
            heading = self.measures[parent] if parent is not None else None
            if heading is not None and heading.deadline and names_a_stage(heading.text):
                measure.deadline, measure.recurrence = heading.deadline, heading.recurrence
        self._index[tuple(measure.path)] = len(self.measures)
        stats = self._children.setdefault(tuple(measure.path[:-1]), [0, 0])
        stats[0] += 1
        stats[1] += bool(measure.lead_units or measure.supporting_units)
        closed = self._semicolon_closed
        closed[tuple(measure.path[:-1])] = closed.get(tuple(measure.path[:-1]), True) and ends_in(measure.text.rstrip(), "；;")
        self.measures.append(measure)

    def walk(self, lines: list[Line]) -> None:
        """Build the measures of the body ``lines`` (cleaned, from the first numbered item on)."""
        texts = [line.text for line in lines]
        for index, line in enumerate(lines):
            if self.truncated:
                break
            if signature_at(texts, index):  # the signature ends the body above it (issue 13)
                self.finish()
                self.broken = True
                self._broken_at = None
                self.orphans.append(line)
                continue
            if line.starts_table:  # a task table numbers a tree of its own (CONTRACTS.md §1)
                self.finish()
                self.tracker = LevelTracker()
                self.broken = False
            if line.no in self._duty_bodies or line.no in self._duty_titles:  # "某区人民政府" / "…责任清单": a new list
                self.finish()
                self.broken = True
                self._broken_at = None
                self.orphans.append(line)
                continue
            if self._attachment_entry(line):  # "附件：1.…表" and its "2.…表": a list of files, no items
                self.orphans.append(line)
                continue
            if self._opens_counted_list(lines, index):  # "沿海开发十大重点争取推进事项" / "（…）" / "1.…": a list of its own
                self._restart_lists_at(line)
                continue
            if line.no in self._list_title_notes:  # the title's bracketed note ("（2010年2月，成立专门工作班子）"): no item's
                self.orphans.append(line)
                continue
            if is_annex_heading(line.text) or is_closing_heading(line.text):  # an annex, 附则: lists numbered afresh
                if is_closing_heading(line.text):
                    self._list_titles.add(line.no)  # 附则 heads the list below it: no stray paragraph (orphan_warnings)
                self._restart_lists_at(line)
                continue
            ranged = range_group_duty(line.text, line.no) if self.current is not None else None
            if ranged is not None:  # "（一）至（三）项由A负责": no item, the duties of the items so numbered (kinds48)
                self._range_duties.append(ranged)
                self._set_aside(line)
                self.runs_on = line.runs_on
                continue
            following = texts[index + 1] if index + 1 < len(texts) else ""
            next_token = match_number(following, words=self.words) if following else None
            label = unit_label(line.text) if next_token is not None else None
            if (label is not None and match_number(line.text, words=self.words) is None
                    and (ends_in(line.text.rstrip(), "：:") or next_token.ordinal == 1 or self._labels_seen)):
                # "县财政局" alone above "1.完成…": the office's label of who does the items below it, like "以下任务由县财政局
                # 负责：" (``_give_lead_ins``), and no item's words: when a colon closes it, or the item below opens its list,
                # or the plan labelled a list so before; otherwise a unit's name between two items is left as it was (a table
                # copied one cell a line writes the unit under its task). GOLD-README "kinds49"
                self._labels_seen = True
                self._lead_ins.append(Annotation(entries=[(LEAD, unit) for unit in label], raw=line.text, line=line.no))
                self.orphans.append(line)
                self._set_aside_lines.add(line.no)
                self.runs_on = line.runs_on
                continue
            token = (match_number(line.text, words=self.words, spaced=True)
                     or match_next_bare(line.text, self.last_bare))
            if token is None:
                token = self._number_before_figure(texts, index)
            if token is not None and token.style == SPACED_STYLE:
                token = self._spaced(token)
            if (token is not None and is_glued_outline(token)
                    and not (self.tracker.extends(token) and self.tracker.fits(token))):
                token = None  # "1.5公里…" opening a line: a decimal glued to words, not the next part of an open item
            if token is not None and self._wrapped_number(token):
                token = None
            if token is not None:
                if token.style == "cn_space":
                    self.last_bare = token
                self._start_item(token, line)
            else:
                self._add_line(line)
            self.runs_on = line.runs_on
        self._take_back_last_body()
        self.finish()
        self._close_captioned_lists()
        self._give_group_leads()
        self._give_closing_duties()
        self._give_lead_ins()
        self._give_range_duties()
        self._give_duty_list_bodies()

    def _opens_counted_list(self, lines: list[Line], index: int) -> bool:
        """Does ``lines[index]``, below an item, title a list of its own: a counted list's title without a number
        (``captions.is_counted_list_title``: "沿海开发十大重点争取推进事项"), at most two bracketed notes under it ("（2010年2月，
        成立专门工作班子）"), then a list opening at its first item ("1.…")? Then the list is top-level, neither the part's
        children above it nor a restart of the part's list (GOLD-README "units66"; a title without a count, "注意事项", keeps
        the restart under the same parent, "1（第2组）"). Notes the title and its notes (``orphan_warnings``)."""
        line = lines[index]
        if (self.current is None and not self.measures) or not is_counted_list_title(line.text):
            return False
        notes: list[int] = []
        for following in lines[index + 1:index + 4]:
            text = following.text.strip()
            token = match_number(text, words=self.words)
            if token is not None:
                if token.ordinal != 1:
                    return False
                self._list_titles.add(line.no)
                self._list_title_notes.update(notes)
                return True
            if not (text[:1] in ANNOTATION_OPENERS and text[-1:] in ANNOTATION_CLOSERS):
                return False
            notes.append(following.no)
        return False

    def _take_back_last_body(self) -> None:
        """The paragraphs under a titled last item ("（二）会议通知。" then "会议通知应在会议召开前1天发出。"), up to the end of
        the body, are its body as they would be before a next item (GOLD-README "Deadlines": the paragraphs under it up to
        the next item; branch fresh58, 1347). At most _TAKE_BACK_PARAGRAPHS of them. Not before a signature (the paragraphs
        above it may be a notice's closing words): they stay no item's as before, a limit left by fresh58."""
        item = self.current
        if item is None or not item.titled or not self.broken or self._broken_at is None:
            return
        if all(_ends_sentence(line.text) for line in self.orphans[self._broken_at:]):
            # only sentences: a signature's lines ("某县总工会" / "2026年2月10日", that no ``signature_at`` took) or any line
            # ending no sentence stay no item's, and the metadata finds the signature among them as before
            self._take_back_paragraphs(item)

    def _wrapped_number(self, token: NumberToken) -> bool:
        """A number a line wrap left at the start of a line (a PDF or a narrow column: "…全市新增
        就业岗位" then "3、…" breaking the list 1、2、5、): the item above is open (its line ended
        inside a sentence) and the number is not the next of any list there (``LevelTracker.fits``).
        Only Arabic numbers: they are the ones sentences hold, unless the line above was cut inside
        a sentence by a fixed-width layout (``Line.runs_on``, a PDF): then any number that is not the
        next of a list there goes on with that sentence ("…网站www.1233" + "9.gov.cn；", "…根据本办法"
        + "第十一条、第十二条，认定…", "…条例第四条第" + "（二）、（三）项规定…")."""
        item = self.current
        if item is None or self.broken or self.tracker.fits(token):
            return False
        return self.runs_on or (token.style in _WRAP_STYLES and item.open)

    def _number_before_figure(self, texts: list[str], index: int) -> NumberToken | None:
        """The item number of a line opening with "N." and a figure ("2.50个小区新增充电设施…" after "1.加装电梯400台。")
        when N is the next number of a list already begun (``LevelTracker.continues``) and the line above is no sentence
        cut short: not cut by a fixed-width layout (``Line.runs_on``, a PDF) and, when it ended without a stop, a list's
        entry of one phrase ("1.加装电梯400台"), not clauses ("1.…增长6%,居民收入增长" + "2.5个百分点以上。" stays one
        sentence), and the item's own number does not open one of the next lines before any other number
        (``_FIGURE_LOOKAHEAD`` lines: "1.清理河道淤泥。" / "2.1万立方米淤泥…" / "2.加固堤防。": 2.1万 is a quantity). Else None,
        the line is text. GOLD-README "kinds45"."""
        token = match_number_before_figure(texts[index])
        if token is None or self.runs_on:
            return None
        for following in texts[index + 1:index + 1 + _FIGURE_LOOKAHEAD]:
            number = match_number(following, words=self.words, spaced=True)
            if number is not None:
                if number.style == token.style and number.ordinal == token.ordinal:
                    return None
                break
        last = self.current.paragraphs[-1] if self.current is not None and self.current.paragraphs else ""
        if not _ends_sentence(last) and _CLAUSE_MARKS_RE.search(last):
            return None
        return token if self.tracker.continues(token) else None

    def _spaced(self, token: NumberToken) -> NumberToken | None:
        """A "1 加强领导" token (number and space) when it opens its list (1, and not inside a
        sentence a line wrap broke) or is the next of the last such token; else None (the line is
        text: "…全市新建\n2 处…" is a wrapped sentence, not item 2)."""
        previous = self.last_spaced
        wrapped = self.current is not None and self.current.open and not self.broken
        if token.ordinal == 1 and not wrapped or previous is not None and token.ordinal == previous.ordinal + 1:
            self.last_spaced = token
            return token
        return None

    def _attachment_entry(self, line: Line) -> bool:
        """True for the lines of a notice's list of attachments: "附件：1.2018年…分解表" and the
        lines numbered 2., 3., … right after it (short, no sentence end; "2.2018年…" is read as
        the entry 2 here, though a number glued to digits is no item elsewhere). GOLD-README:
        attachment lists are no measures."""
        if is_attachment_list(line.text):
            self.finish()
            self.broken = True
            self.attachment_next = 2
            return True
        if self.attachment_next is not None:
            m = _ATTACHMENT_ENTRY_RE.match(line.text)
            if (m and int(m.group(1)) == self.attachment_next and len(line.text) <= _ATTACHMENT_CHARS
                    and not re.search(r"[。；;]", line.text)):
                self.attachment_next += 1
                return True
            self.attachment_next = None
        return False

    def walk_unnumbered(self, lines: list[Line]) -> None:
        """For a document without numbered lines (a speech report, 农业部 2017), or the paragraphs
        before its first numbered line: every inline list gives top-level items. The paragraphs
        are read as one text, so a list goes on in the next paragraph when that paragraph opens
        with its next item ("…一是…。" then "二是…", inline.py)."""
        if not lines:
            return
        _, items = split_inline("\n".join(line.text for line in lines))
        self._add_inline([], items, [line.no for line in lines])

    def _start_item(self, token: NumberToken, line: Line) -> None:
        item = self.current
        if item is not None and self.broken and speech_part_goes_on(item.token, token):
            # "第五，…。" / its paragraph / "一要…": the paragraph was the part's (numbering.speech_part_goes_on)
            self._take_back_paragraphs(item)
        if item is not None and item.titled and self.broken:
            # "（一）强化督查。" then its body, then the next item: the body was the titled item's
            # (at most _TAKE_BACK_PARAGRAPHS of them; after the last item: ``walk``'s end); taken back, they
            # break nothing: a list after them is the item's (LevelTracker.reopen)
            self._take_back_paragraphs(item)
            if not self.broken:
                self.tracker.reopen()
        self.finish()
        rest = line.text[token.end:].strip()
        heading = token.style == SECTION_STYLE or is_heading_text(rest) or (
            token.style in _SPEECH_PART_STYLES and len(rest) <= _SPEECH_PART_CHARS)
        heading = heading and (token.style == SECTION_STYLE or not line.runs_on)  # a line the wrap cut is no heading
        if token.style == SECTION_STYLE:
            # Each document of the file numbers on its own; markers only check their own order
            # (a compilation may well start at 【篇四】).
            self.tracker = LevelTracker()
            if self.last_marker is not None:
                self.warnings += check_sequence(self.last_marker, token, line.no)
            self.last_marker = token
            path, level, _ = self.tracker.place(token, line.no, heading)
        else:
            path, level, warnings = self.tracker.place(token, line.no, heading, nests=line.nests)
            self.warnings += warnings
        self.current = _Item(token, path, level, line.no, heading, [rest], [line.no], line.no,
                             open=not heading and not _ends_sentence(rest),
                             titled=not heading and is_title_sentence(rest))
        self.broken = False
        self._broken_at = None

    @staticmethod
    def _continues_annotation_date(item: _Item, line: Line) -> bool:
        """True (and the annotation read again, joined) when ``line`` goes on a date that the item's last
        annotation line left cut ("完成时限：2023年" then "6月底前": a page's paragraphs, a PDF's wrap): a
        line end inside a written date is layout (GOLD-README wave 5, deadlines round 4)."""
        text = line.text.strip()
        if not (item.own_line_annotations and item.annotation_text and item.last_line == line.no - 1
                and breaks_inside_date(item.annotation_text, text)):
            return False
        joined = annotation_line(item.annotation_text + text, item.own_line_annotations[-1].line)
        if joined is None:
            return False
        item.own_line_annotations[-1] = joined
        item.annotation_text += text
        item.last_line = line.no
        return True

    def _set_aside(self, line: Line) -> None:
        """Keep ``line``, a line of duties for a group of items, out of every item's words: the list breaks there."""
        if not self.broken:
            self.broken = True
            self.tracker.note_break()
            self._broken_at = len(self.orphans)
        self.orphans.append(line)
        self._set_aside_lines.add(line.no)

    def _add_line(self, line: Line) -> None:
        item = self.current
        if item is not None and self._holds_list(item, line):
            return
        if item is not None and not self.broken and self._continues_annotation_date(item, line):
            return
        lead_in = opening_group_duty(line.text, line.no)
        if lead_in is not None:  # "以下任务由A牵头，B配合：": the items below take its units (kinds48)
            self._lead_ins.append(lead_in)
        closing = closing_group_duty(line.text, line.no) if item is not None else None
        if closing is not None:  # "以上任务由市金融办牵头。": the items above, not the last one's words (kinds44)
            self._closing_duties.append((tuple(item.path[:-1]), closing))
            self._set_aside(line)
            return
        annotation = annotation_line(line.text, line.no) if item is not None else None
        glued = split_glued_goal(line.text) if item is not None and annotation is None and not self.broken else None
        if glued is not None:  # "责任单位：X镇任务目标：…": the units' line, then the goal's (annotations.split_glued_goal)
            self._add_line(replace(line, text=glued[0]))
            self._add_line(replace(line, text=glued[1]))
            return
        if item is not None and self.broken and annotation is not None and annotation.entries:
            # units close them: a bare date line is no proof; a list of the item's may be longer than a few paragraphs
            self._take_back_paragraphs(item, _TAKE_BACK_LIST_LINES if self._broken_list() else _TAKE_BACK_PARAGRAPHS)
        elif item is not None and self.broken and annotation is None and self._closes_item_list(item, line.text):
            # "（一）道路畅通工程。加快…。" / "全面规划…路网，" / "?2019年建成…；" / "…。（A牵头，B配合）": the list was the item's
            self._take_back_paragraphs(item, _TAKE_BACK_LIST_LINES)
            self.tracker.reopen()
        if item is None or self.broken:
            self.orphans.append(line)
            return
        if item.paragraphs == [""] and match_number(line.text, words=self.words) is None:
            # the number stood alone on its line ("二、" then "主要任务": a web page's spans or
            # paragraphs, issue 13): this line is the item's own text
            item.paragraphs[0] = line.text
            item.is_heading = is_heading_text(line.text)
            item.open = not item.is_heading and not _ends_sentence(line.text)
            item.last_line = line.no
            return
        if annotation is not None:
            if not self._annotate_parent(item, annotation, line.text):
                if line.text.strip()[:1] not in ANNOTATION_OPENERS:
                    item.caption_lines.add(len(item.own_line_annotations))
                item.own_line_annotations.append(annotation)
                item.annotation_text = line.text.strip()
            item.open = False
            item.last_line = line.no
            return
        if item.open and not opens_captioned_paragraph(line.text):
            item.paragraphs[-1] = join_wrapped(item.paragraphs[-1], line.text)
        elif (item.is_heading or opens_captioned_paragraph(line.text) or self._ends_in_own_annotation(item, line.text) or ends_in(line.text, "：:")
              or self._heading_with_annotation(item)):
            # a paragraph ending in a colon opens the list below it ("五个方面分别是："): the item's
            item.paragraphs.append(line.text)
            item.para_lines.append(line.no)
        elif bare_deadline_line(line.text) is not None or duty_line(line.text) is not None:
            # "二、强化督查。" then "年底前完成。" alone (a <br> of a web page): the item's own words,
            # which give its deadline (the first one written, find_text_deadline)
            item.paragraphs.append(line.text)
            item.para_lines.append(line.no)
        else:
            self.broken = True
            self.tracker.note_break()
            self._broken_at = len(self.orphans)
            self.orphans.append(line)
            return
        # A heading's sub-heading line of its own (短, no stop: "（一）做强增长引擎" / "加强基础设施建设" / "12.启动…", 咸安
        # 2023, fresh40) is complete, as the heading's own line is: the number after it opens the next item (numbered on
        # through the plan), never the wrap of a sentence; a layout's cut line (``runs_on``) stays open.
        item.open = not _ends_sentence(line.text) and not (item.is_heading and not line.runs_on
                                                            and is_heading_text(line.text))
        item.last_line = line.no

    def _holds_list(self, item: _Item, line: Line) -> bool:
        """A paragraph after the item's own text that holds an inline list ("下步要抓好：一是…；
        二是…"): it belongs to the item, whose inline items its list gives (GOLD-README: items
        inside a paragraph are children of the numbered item that holds it). A speech's 一、
        section goes on over several paragraphs; without this the list was read as no item
        (issue 13). Only where the line would otherwise be a paragraph break: wrapped lines and
        a heading's paragraphs are already the item's. True when the line was taken."""
        if not (self.broken or (not item.open and not item.is_heading and not ends_in(line.text, "：:")
                                and not self._ends_in_own_annotation(item, line.text))):
            return False
        if annotation_line(line.text, line.no) is not None or not split_inline(line.text)[1]:
            return False
        item.paragraphs.append(line.text)
        item.para_lines.append(line.no)
        item.open = False
        item.last_line = line.no
        return True

    def _broken_list(self) -> bool:
        """Are the paragraphs that broke off the current item a list of its own: each opens with a bullet
        (``cleaning.opens_with_bullet``: "•", "▪", a lost bullet's "?") or leads on to the next (ends in a comma, a
        semicolon or a colon), at most _TAKE_BACK_LIST_LINES of them? (GOLD-README "units30".)"""
        start = self._broken_at
        block = self.orphans[start:] if start is not None else []
        return 0 < len(block) <= _TAKE_BACK_LIST_LINES and all(
            opens_with_bullet(line.text) or ends_in(line.text.rstrip(), "，,；;：:") for line in block)

    def _closes_item_list(self, item: _Item, text: str) -> bool:
        """Does the line ``text``, after paragraphs that broke off ``item``, close them as the item's list? So when they
        are a list (``_broken_list``) and ``text`` closes on an annotation the item may take as its own
        (``_ends_in_own_annotation``): the units written at the list's end are the item's (GOLD-README "units30"; wave
        13's rule for 529). Paragraphs that open no list stay no item's (seed 003)."""
        return self._broken_list() and self._ends_in_own_annotation(item, text)

    def _take_back_paragraphs(self, item: _Item, limit: int = _TAKE_BACK_PARAGRAPHS) -> None:
        """An annotation line closes the paragraphs that broke off ``item`` ("（一）加强领导。\n建立
        机制。\n（牵头单位：A）"): they were the item's own, so they go back to it (at most ``limit`` of them,
        _TAKE_BACK_PARAGRAPHS unless the caller knows them for the item's list, right after it) and the annotation is
        the item's."""
        start = self._broken_at
        if start is None or len(self.orphans) - start > limit:
            return
        taken = self.orphans[start:]
        if not taken or any(line.no in self._set_aside_lines for line in taken):
            return  # a line of a group's duties among them ("（一）至（三）项由A负责"): the group's, not the item's
        del self.orphans[start:]
        for line in taken:
            item.paragraphs.append(line.text)
            item.para_lines.append(line.no)
            item.last_line = line.no
        item.open = False  # each was a paragraph of its own: the next line opens another
        self.broken = False
        self._broken_at = None

    @staticmethod
    def _heading_with_annotation(item: _Item) -> bool:
        """An item that is a heading followed by its units' annotation ("一、强化科技创新（区科技局
        牵头）", 婺城 2025) keeps the paragraph written below it, which states its goals and
        deadline ("2025年，力争…"): the annotation is taken off the heading line (it would no
        longer end the item's text) and the item becomes a heading. False for any other item."""
        if len(item.paragraphs) != 1 or item.own_line_annotations:
            return False
        title, annotations = split_trailing_annotations(item.paragraphs[0], item.line)
        if not annotations or any(a.unreadable for a in annotations) or not is_heading_text(title):
            return False
        item.paragraphs[0] = title
        item.own_line_annotations.extend(annotations)
        item.is_heading = True
        return True

    @staticmethod
    def _ends_in_own_annotation(item: _Item, text: str) -> bool:
        """A later line of a multi-line item that ends in the item's annotation ("（一）加强领导。\n
        建立机制。（牵头单位：A）"): the item has none yet, or its last paragraph closes on one of its own (sentences
        each closing with their own "（X牵头）", one a paragraph: GOLD-README "units29") that is no captioned one (a
        "（牵头单位：A；配合单位：B）" is the item's whole annotation), and the line closes with one."""
        if item.own_line_annotations:
            return False
        if split_trailing_annotations("\n".join(item.paragraphs))[1] and not _closes_on_annotation(item.paragraphs[-1]):
            return False
        if any(_CAPTION_COLON_RE.search(found.raw) for found in split_trailing_annotations(item.paragraphs[-1])[1]):
            return False  # "（牵头单位：A；配合单位：B）" is the item's whole annotation: the next paragraph is not its
        return _closes_on_annotation(text)

    def _annotate_parent(self, item: _Item, annotation: Annotation, text: str) -> bool:
        """Give a bracketed annotation line written after a list of unannotated siblings to their parent (009's
        "（责任单位：…）" under 1.'s (1)–(4)). A captioned line ("问题整改责任单位:A 整改时限:3天") goes to the parent only
        after a list that is one enumerated sentence of it, each sibling closed by a semicolon ("(1)…;" / "(2)…;" / "(3)…。",
        a 督查 问题清单's point: GOLD-README "fresh35"); after sentences of their own ("1.每周巡查一次。") it stays the last
        one's, as before."""
        if item.is_heading or item.own_line_annotations or len(item.path) < 2:
            return False
        if text.strip()[:1] not in ANNOTATION_OPENERS and not self._one_enumerated_sentence(item):
            return False
        if split_trailing_annotations("\n".join(item.paragraphs))[1]:
            return False
        parent_path = tuple(item.path[:-1])
        parent_index = self._index.get(parent_path)
        if parent_index is None:
            return False
        parent = self.measures[parent_index]
        siblings, annotated = self._children.get(parent_path, [0, 0])
        if not siblings or annotated or parent.lead_units or parent.supporting_units:
            return False
        precedence = self.precedence_line is not None and self.precedence_line <= annotation.line
        parent.lead_units, parent.supporting_units, deadline = resolve_units([annotation], precedence)
        parent.deadline = parent.deadline or deadline
        return True

    def _one_enumerated_sentence(self, item: _Item) -> bool:
        """Are ``item`` and the siblings read before it one sentence enumerated item by item: every sibling's text closed by
        a semicolon ("(1)院内电动车未按指定区域停放;"), the last (``item``) by a semicolon or a full stop? The siblings' ends
        are noted as each is appended (``_append``), so that the question costs the same after ten thousand of them."""
        last = "\n".join(item.paragraphs).rstrip()
        return self._semicolon_closed.get(tuple(item.path[:-1]), False) and ends_in(last, "；;。")

    def _restart_lists_at(self, line: Line) -> None:
        """``line`` (an annex heading, a closing 附则, a counted list's title) opens lists numbered afresh at the top: the open item is
        finished, the levels are forgotten, and ``line`` is no item's words (an orphan)."""
        self.finish()
        self.tracker = LevelTracker()
        self.broken = True
        self._broken_at = None
        self.orphans.append(line)

    def finish(self) -> None:
        """Turn the item being built (if any) into measures: itself, then its inline items."""
        item, self.current = self.current, None
        if item is None:
            return
        full_text = content = "\n".join(item.paragraphs)
        parent_text, inline_items = split_inline(full_text)
        if _items_annotated(inline_items):
            # "一是…（A负责）；二是…（B负责）": each inline item keeps its own annotation, the
            # item keeps what is written outside them (issue 13)
            parent_text = _take_closing_annotation(parent_text, inline_items)
            parent_text, annotations = split_trailing_annotations(parent_text, item.last_line)
        else:
            text, annotations = split_trailing_annotations(full_text, item.last_line)
            parent_text, inline_items = split_inline(text)
            content = text
        annotations += item.own_line_annotations
        count = len(self.measures)
        self._append(self._measure(item.path, item.token.written, parent_text, annotations,
                                   item.line, item.last_line))
        if len(self.measures) > count:  # kept for _close_captioned_lists
            self._built[count] = (parent_text, annotations, item.line, item.last_line)
            self._captions[count] = [a for i, a in enumerate(item.own_line_annotations) if i in item.caption_lines]
        if item.token.style == SECTION_STYLE:
            self.measures[-1].title = section_title(item.paragraphs[0])
        elif item.is_heading:
            # a speech's short part ("第一项，关于安全。一要加强；二要落实。"): its title is its first sentence, as short_title's
            self.measures[-1].title = title_words(normalize_spaces(item.paragraphs[0]).split("。", 1)[0]) or None
        self._add_inline(item.path, inline_items, item.para_lines, content)

    def _add_inline(self, base: list[str], items: list[InlineItem], para_lines: list[int], content: str = "") -> None:
        for inline in items:
            line = para_lines[min(inline.paragraph, len(para_lines) - 1)]
            text, annotations = split_trailing_annotations(inline.text, line)
            measure = self._measure(base + inline.keys, inline.written, text, annotations, line, line)
            measure.inline = True
            # "…。2020年任务：一是4月底前…": the heading written before the list in its paragraph
            measure.period_year = period_year(_paragraph_before(content, inline.start)) or None
            self._append(measure)
            self._add_inline(base, inline.children, para_lines, content)

    def _measure(self, path: list[str], number: str, text: str, annotations: list[Annotation],
                 line: int, last_line: int) -> MeasureDraft:
        for annotation in annotations:
            if annotation.unreadable or not annotation.read:
                raw = " ".join(annotation.raw.split())  # an annotation over several paragraphs: one line
                self.warnings.append(f"单位标注无法读取：“{raw}”（第 {annotation.line or line} 行）")
            for caption in annotation.ignored:
                if caption not in self.ignored_captions:
                    self.ignored_captions.add(caption)
                    self.warnings.append(f"单位标注中的“{caption}”不是牵头或配合单位，已略过（第 {annotation.line or line} 行）")
        lead, supporting, deadline = self._fields(text, annotations, line, last_line)
        text = _clean(text)
        return MeasureDraft(
            path=list(path), number=number, level=len(path), title=short_title(text), text=text,
            lead_units=lead, supporting_units=supporting, deadline=deadline, due_date=None, line=line,
            suggested_units=suggest_units(text, lead + supporting), recurrence=recurrence_of(deadline),
        )

    def _fields(self, text: str, annotations: list[Annotation], line: int,
                last_line: int) -> tuple[list[str], list[str], str | None]:
        """(lead_units, supporting_units, deadline) of an item from its ``annotations`` and its ``text``
        (as written, before cleaning): the annotations first, then duties and dates written in the text."""
        precedence = self.precedence_line is not None and self.precedence_line <= last_line
        # a promotion's 活动时间 line under an item naming a subsidy is when people may act, no deadline (kinds37)
        annotations = [a for a in annotations
                       if not (a.deadline and not a.entries and is_promotion_period(a.raw, text))]
        lead, supporting, deadline = resolve_units([a for a in annotations if not a.unreadable], precedence)
        if not lead and not supporting and self.measures and any(a.same_as_above for a in annotations):
            # "（同上）": the units of the measure above, as a table's "同上" cell takes the row above's (kinds44)
            lead, supporting = list(self.measures[-1].lead_units), list(self.measures[-1].supporting_units)
        text = _clean(text)
        if not lead and not supporting:  # "由A负责，B配合。" written in the sentences themselves
            duties = text_duties(text, line) or units_before_words(text, line)  # "1.县发改局：推进…" (kinds48)
            if duties is not None:
                lead, supporting, _ = resolve_units([duties], precedence)
        # an item that is only a time caption and its value ("一、时间安排：2011年5月25日") is due then
        # (a deadline caption whose value names no time, a table's empty time cell: no date of the text instead)
        if not any(a.deadline_captioned for a in annotations):
            deadline = (deadline or deadline_caption_line(text) or caption_sentence_deadline(text)
                        or dated_opening(text, in_prose=True) or find_text_deadline(text))
        return lead, supporting, deadline

    def _close_captioned_lists(self) -> None:
        """Give the caption lines written after the last item of a captioned list of measures to the item
        that holds the list (GOLD-README wave 9: a 整改方案's section `（二）…问题` / `整改措施：` / `1.…` `2.…` /
        `整改时限：…` / `责任单位：…`): its time and units, not its last measure's. Only where the holder's
        text opens the list by a caption of ``captions.MEASURES_LIST_CAPTIONS`` on a line of its own, the
        holder names no unit, and no earlier item of the list has caption lines of its own (a list whose
        every measure carries its own `责任单位：` line keeps them). The holder's captioned time then goes
        ahead of the dates in its text (a `整改目标：` clause), as any caption does."""
        for index, holder in enumerate(self.measures):
            built = self._built.get(index)
            if built is None or holder.lead_units or holder.supporting_units:
                continue
            if not opens_measures_list(built[0]):
                continue
            children = [i for i, m in enumerate(self.measures)
                        if len(m.path) == len(holder.path) + 1 and m.path[:-1] == holder.path]
            if not children or any(self._captions.get(i) for i in children[:-1]):
                continue
            last = children[-1]
            moved = self._captions.get(last)
            if not moved or last not in self._built:
                continue
            text, annotations, line, last_line = self._built[index]
            holder.lead_units, holder.supporting_units, holder.deadline = self._fields(
                text, annotations + moved, line, last_line)
            holder.recurrence = recurrence_of(holder.deadline)
            child = self.measures[last]
            ctext, cannotations, cline, clast = self._built[last]
            kept = [a for a in cannotations if all(a is not m for m in moved)]
            child.lead_units, child.supporting_units, child.deadline = self._fields(ctext, kept, cline, clast)
            child.recurrence = recurrence_of(child.deadline)
            child.suggested_units = suggest_units(_clean(ctext), child.lead_units + child.supporting_units)
            holder.suggested_units = suggest_units(_clean(text), holder.lead_units + holder.supporting_units)
            self._captions[last] = []

    def _give_group_leads(self) -> None:
        """A heading naming the unit that leads its items ("（一）省监察厅牵头的工作", "一、县示范区管委会牵头工作（8项）",
        "二、由市发改委牵头的任务": ``tables.group_lead``, the rule of a table's group row) gives that unit as lead to
        itself and to every measure under it that names no lead of its own, the innermost such heading counting; the
        group's unit an item names as supporting stays supporting. A heading naming a leader, a person ("一、张三省长负责的
        工作"), gives none and ends the group above it for the items under it (GOLD-README "units29"). The heading's words are
        read as ``_group_heading_line`` cuts them from its text as written (a blank after the work led: "kinds42"). Linear."""
        groups: list[tuple[list[str], list[str] | None]] = []  # (heading's path, its lead units or None)
        for index, measure in enumerate(self.measures):
            while groups and measure.path[:len(groups[-1][0])] != groups[-1][0]:
                groups.pop()
            built = self._built.get(index)
            line = _group_heading_line(measure.number, measure.title or measure.text, built[0] if built else "")
            if is_group_heading(line):
                lead = group_lead(line)
                groups.append((measure.path, split_units(lead) if lead else None))
            units = groups[-1][1] if groups else None
            if units and not measure.lead_units:
                measure.lead_units = [u for u in units if u not in measure.supporting_units]

    def _give_closing_duties(self) -> None:
        """A line closing a group with the duties of the items above it ("以上任务由市金融办牵头。", ``closing_group_duty``) gives
        its units as a heading naming its lead does (``_give_group_leads``): to the group's heading (the parent of the item it
        follows) and to each measure of the group above the line, since the group's previous such line, that names no lead
        of its own; a measure naming no unit at all takes the line's supporting units too; the line's unit a measure names
        as supporting stays supporting. A line at the top level speaks of every item above it. GOLD-README "kinds44".
        Each measure is looked at once per closing line of a group holding it: linear in the measures for a plan's depth."""
        since: dict[tuple[str, ...], int] = {}  # group -> line of its previous closing line
        end = 0
        for group, annotation in self._closing_duties:
            while end < len(self.measures) and self.measures[end].line < annotation.line:
                end += 1
            precedence = self.precedence_line is not None and self.precedence_line <= annotation.line
            lead, supporting, _ = resolve_units([annotation], precedence)
            start = since.get(group, -1)
            since[group] = annotation.line
            for index in range(end - 1, -1, -1):
                measure = self.measures[index]
                if tuple(measure.path[:len(group)]) != group or (len(measure.path) > len(group) and measure.line <= start):
                    break
                _give_group_units(measure, lead, supporting)
                if len(measure.path) == len(group):
                    break  # the heading: the group begins there

    def _give_lead_ins(self) -> None:
        """A line naming the units of the items below it (``opening_group_duty``: "以下任务由县发改局牵头，县财政局配合：")
        gives them to the first item after it and to every measure after that one inside the same group (the first
        item's siblings and their children), up to the group's end or the next such line. A measure naming a lead of its
        own keeps its units; one naming none takes the line's lead, and the line's supporting units too when it names no
        unit at all (``_give_closing_duties``'s rule, read downwards). GOLD-README "kinds48". Linear in the measures."""
        if not self._lead_ins:
            return
        lines = [annotation.line for annotation in self._lead_ins] + [float("inf")]
        at = 0
        for which, annotation in enumerate(self._lead_ins):
            precedence = self.precedence_line is not None and self.precedence_line <= annotation.line
            lead, supporting, _ = resolve_units([annotation], precedence)
            while at < len(self.measures) and self.measures[at].line <= annotation.line:
                at += 1
            group = tuple(self.measures[at].path[:-1]) if at < len(self.measures) else ()
            index = at
            while index < len(self.measures) and self.measures[index].line < lines[which + 1]:
                measure = self.measures[index]
                if tuple(measure.path[:len(group)]) != group or len(measure.path) <= len(group):
                    break
                _give_group_units(measure, lead, supporting)
                index += 1

    def _give_range_duties(self) -> None:
        """A line naming the units of a range of items (``range_group_duty``: "（一）至（三）项由县发改局负责") gives them to
        the items so numbered, and their children, in the list nearest the line: the list whose item numbered as the range's
        last is the nearest before the line, else the one whose item numbered as its first is the nearest after it (within
        ``_RANGE_REACH`` measures). Measures naming a lead keep their units, as under ``_give_closing_duties``.
        GOLD-README "kinds48"."""
        for ranged in self._range_duties:
            after = next((i for i, m in enumerate(self.measures) if m.line > ranged.annotation.line), len(self.measures))
            before = range(after - 1, max(-1, after - 1 - _RANGE_REACH), -1)
            later = range(after, min(len(self.measures), after + _RANGE_REACH))
            found = (next((i for i in before if item_number(self.measures[i].path[-1]) == (ranged.style, ranged.values[1])),
                          None)
                     or next((i for i in later if item_number(self.measures[i].path[-1]) == (ranged.style, ranged.values[0])),
                             None))
            if found is None:
                continue
            group = tuple(self.measures[found].path[:-1])
            precedence = self.precedence_line is not None and self.precedence_line <= ranged.annotation.line
            lead, supporting, _ = resolve_units([ranged.annotation], precedence)
            low, high = max(0, found - _RANGE_REACH), min(len(self.measures), found + _RANGE_REACH)
            for measure in self.measures[low:high]:
                if tuple(measure.path[:len(group)]) != group or len(measure.path) <= len(group):
                    continue
                number = item_number(measure.path[len(group)])
                if number is None or number[0] != ranged.style or not ranged.values[0] <= number[1] <= ranged.values[1]:
                    continue
                _give_group_units(measure, lead, supporting)

    def _give_duty_list_bodies(self) -> None:
        """Give each measure under a duty list's caption (``note_duty_lists``) the body it names as lead, when the measure
        names no lead of its own; the body an item names as supporting stays supporting. Linear."""
        if not self._duty_bodies:
            return
        captions = sorted(self._duty_bodies.items())
        at, body = 0, None
        for measure in self.measures:
            while at < len(captions) and captions[at][0] < measure.line:
                body = captions[at][1]
                at += 1
            if body and not measure.lead_units and body not in measure.supporting_units:
                measure.lead_units = [body]

    def orphan_warnings(self) -> list[str]:
        """One warning per run of unnumbered paragraphs lying between two items."""
        if not self.measures:
            return []
        last_start = self.measures[-1].line
        runs: list[list[int]] = []
        for line in self.orphans:
            if (line.no > last_start or line.no in self._duty_bodies or line.no in self._duty_titles
                    or line.no in self._list_titles or line.no in self._list_title_notes
                    or any(line.no == closing.line for _, closing in self._closing_duties)
                    or any(line.no == ranged.annotation.line for ranged in self._range_duties)):
                continue  # (a duty list's caption is no stray paragraph)
            if runs and line.no <= runs[-1][-1] + 1:
                runs[-1].append(line.no)
            else:
                runs.append([line.no])
        warnings = []
        for run in runs:
            where = f"第 {run[0]} 行" if run[0] == run[-1] else f"第 {run[0]}–{run[-1]} 行"
            warnings.append(f"{where}的段落没有编号，未归入任何条目，请核对是否属于上一条")
        return warnings


# How many measures before or after a range's line are looked at for the items it names (``_give_range_duties``).
_RANGE_REACH = 200

__all__ = ["BodyWalker", "is_heading_text", "join_wrapped", "short_title"]


# The words of a heading that names the work it leads before its text goes on in the same line ("市商务局牵头负责的
# 工作：扩大消费…", "由市财政局牵头的工作。推进…"): what is led, then a colon or a full stop.
_LED_WORK_HEAD_RE = re.compile(r"^(?P<head>[^：:。]{2,40}?(?:工作|任务|事项|项目|实事)(?:\s*[（(][^（()）]{1,8}[）)])?)\s*[：:。]")


# The same heading whose text goes on after a blank only ("（一）市商务局牵头的工作 推动外贸稳规模…", a blank or an ideographic
# space the page kept): the words before the first blank of the line as written, with no punctuation of a sentence in them.
_LED_WORK_SPACED_RE = re.compile(r"^[ \t\u3000]*(?P<head>[^：:。，,；;\s]{2,40}(?:工作|任务|事项|项目|实事)(?:[（(][^（()）\s]{1,8}[）)])?)"
                                 r"[ \t\u00a0\u3000]+(?=\S)")
# Words of a duty that no unit's name holds: a lead written with one of them before 牵头 is prose about another's work
# ("配合市商务局牵头的工作 推动…"), no heading.
_DUTY_IN_NAME_RE = re.compile("|".join(LEAD_DUTY_WORDS + RESPONSIBLE_DUTY_WORDS + SUPPORTING_DUTY_WORDS))


def _group_heading_line(number: str, text: str, written: str = "") -> str:
    """The numbered line ``_give_group_leads`` reads as a group heading: the heading's number and its words, or only the
    words up to the colon or full stop that follow a named work ("（二）市商务局牵头负责的工作：扩大消费…" ->
    "（二）市商务局牵头负责的工作"), so that a heading whose text goes on in its line still names its lead (GOLD-README
    "kinds40"). A duty followed by the work to do ("由A负责。推进…") names no work led: the whole line is read.

    ``written`` is the heading's text as written, before blanks are closed up: a heading whose text goes on after a blank
    only ("市商务局牵头的工作 推动外贸稳规模…") is read as its words before the blank (GOLD-README "kinds42"), where they
    name units by their full names (``units.is_full_unit_name``: a level first, a unit's ending) and no duty of theirs
    (``_DUTY_IN_NAME_RE``). Prose that merely holds such words before a blank ("做好市商务局牵头的工作 推动…",
    "各部门配合市商务局牵头的工作 …") is no heading: its words stay whole and name no work led."""
    found = _LED_WORK_HEAD_RE.match(text or "")
    if found:
        return f"{number}{found['head']}"
    spaced = _LED_WORK_SPACED_RE.match((written or "").split("\n", 1)[0])
    if spaced:
        line = f"{number}{spaced['head']}"
        lead = group_lead(line)
        names = split_units(lead) if lead else []
        if names and all(is_full_unit_name(name) and not _DUTY_IN_NAME_RE.search(name) for name in names):
            return line
    return f"{number}{text}"


def _give_group_units(measure: MeasureDraft, lead: list[str], supporting: list[str]) -> None:
    """Give a group line's units (a closing line, a lead-in line, a range line; GOLD-README "kinds44", "kinds48") to one
    ``measure``: one naming a lead of its own keeps its units; one naming none takes the line's lead units (less those
    it names as supporting), and the line's supporting units too when it names no unit at all. Mutates ``measure``."""
    if measure.lead_units:
        return
    named = bool(measure.supporting_units)
    measure.lead_units = [u for u in lead if u not in measure.supporting_units]
    if not named:
        measure.supporting_units = [u for u in supporting if u not in measure.lead_units]
