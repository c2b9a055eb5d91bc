"""From plan text to a ``PlanDraft``.

Steps (each rule names the seed line that called for it):
1. ``normalize_source`` (NFC, LF) and ``clean_document`` (noise out, line numbers kept).
2. Task-table rows become annotated lines (``tables.rewrite_table_rows``); each table's rows
   number a tree of their own. A text wrapped at a fixed width (a PDF copy) is joined into its
   paragraphs (``_join_wrapped_lines``); a copy that lost its line ends gets them back: a 办法 in one paragraph
   ("…第一章总则第一条…。第二条…", ``_split_rule_lines``), headings and items glued after a sentence's end or a
   blank ("…。 一、总体要求 (一)指导思想 … 1.…", "…方案 一、… 二、… 三、重点工作 (一)…", a news copy's
   "…重点推进以下项目 (1)… (2)… (3)…" with three items at least, ``_split_glued_items``); a
   paragraph opening with a speech token that goes on
   with its next items ("一是…。二是…。") is split one item a line (``_split_run_lines``).
3. The body starts at the first line opening with a numbering token whose ordinal is 1; the
   lines above it are the header (metadata only: seed 003 lines 1–12 are never numbering).
   A document with no numbered line at all still gives the inline lists of its paragraphs
   ("一要…二要…", a speech reported in a news article), and so do the paragraphs before the
   first numbered line (a speech's opening, unless it is a cover notice handing a plan over).
4. ``walker.BodyWalker`` builds the items: numbered lines, annotations, wrapped lines, intro
   paragraphs of headings, paragraph breaks, inline lists, section markers (【篇五】).
5. Each item's trailing annotation gives its units and deadline; the text keeps the rest.
6. Deadlines without a year take the year of issue ("6月底前", "年内": the signing date's, else the
   文号's, ``metadata.issue_year``), periods counted from the document ("印发之日起30日内") its date;
   each deadline as written keeps the blanks its raw lines write inside it ("4月18 日前",
   ``deadlines.as_written``); sections are built when the file holds several documents (seed 002).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from .annotations import (ANNOTATION_CLOSERS, ANNOTATION_OPENERS, ClauseLine, annotation_line, caption_without_colon,
                          clause_line, duty_line, ends_in, ends_with_bracketed_caption, ends_with_unit_caption,
                          find_precedence_rule, is_caption_only, opens_with_colonless_caption,
                          join_clause_lines, opens_with_unit_caption, split_trailing_annotations, units_before_words)
from .cleaning import Line, clean_document, normalize_source
from .deadlines import (as_written, bare_deadline_line, breaks_inside_date, find_text_deadline, is_criterion_time, is_past_report, parse_due_date,
                        recurrence_of)
from .draft import MeasureDraft, PlanDraft
from .inline import (BRACKET_START_RE, BRACKETED_STYLES, NUMERAL_TEXT, SAME_LINE_STYLES, follow_in_order, names_a_kind,
                     run_continuations)
from .numbering import badge_items, step_numbers
from .metadata import extract_metadata, glued_title_end, is_page_metadata_line, is_title_line, issue_year, signature_at
from ..vocabulary.captions import is_criteria_heading
from ..vocabulary.numbering import (STRUCTURE_STYLES, NumberToken, is_glued_heading, match_number, opens_word_not_count,
                                   outranks, OUTLINE_STYLES, SPACED_STYLE)
from ..vocabulary.units import UNIT_SUFFIX_RE, is_area_unit
from .paths import make_paths_unique
from .pdf import is_page_mark
from .unitnames import annotation_units, plausible_units
from .sections import build_sections
from .tables import EMPTY_TABLE_WARNING, empty_table_warning, one_cell_text, rewrite_table_rows
from .walker import (SENTENCE_END, BodyWalker, ends_open, is_annex_heading, is_attachment_list, is_heading_text,
                     is_title_sentence, join_wrapped, opens_captioned_paragraph)

_TAIL_LINES = 8
_RAW_LINES = 12  # the raw lines of a measure searched for its deadline as written
#: Opening of the warning given when a file holds more items than a plan may (walker.MAX_MEASURES).
TOO_MANY_WARNING = "条目过多"
_HEADER_LINES = 40
_WORD_LIST_RE = (re.compile(r"^首先\s*[，,、：:]"), re.compile(r"^其次\s*[，,、：:]"))


def _find_body_start(lines: list[Line], words: bool) -> int | None:
    """Index of the first line numbered 1, or of a task table's first row when it comes first (a
    table's rows are its items whatever number they open with: an excerpt of a 责任分解 starting at
    row 3, CONTRACTS.md §1); failing that (an excerpt that starts at （二十四）, 国务院 2018), of the
    first numbered line followed later by its next number in the same style. An excerpt whose first
    list opens at its second item and holds a list numbered from 1 ("（二）甲市。" … "1、…" … "（三）乙市。")
    starts at that opening line (``_excerpt_opening``)."""
    tokens = []
    for index, line in enumerate(lines):
        if line.starts_table:
            return index
        token = match_number(line.text, words=words, spaced=True)
        if token is not None:
            if token.ordinal == 1:
                return _excerpt_opening(lines, tokens, index, token, words)
            tokens.append((index, token))
    wanted: dict[tuple[str, int], int] = {}
    for index, token in tokens:
        if (token.style, token.ordinal) in wanted:
            return wanted[(token.style, token.ordinal)]
        wanted.setdefault((token.style, token.ordinal + 1), index)
    return _next_part_heading(lines, tokens) if len(tokens) == 1 else _kept_headings(lines, tokens)


def _kept_headings(lines: list[Line], tokens: list[tuple[int, NumberToken]]) -> int | None:
    """Index of the first numbered line of an excerpt that kept only some items of a list ("（二）开展建筑…专项行动,制定行动
    方案及政策措施" / "责任单位:…" / "（八）开展消费品以旧换新…专项行动" after two prose paragraphs), else None. ``tokens`` (line
    index, token; none numbered 1 and no two numbered on one by one, or ``_find_body_start`` would have started there) are
    the file's numbered lines; the excerpt's are the two or more of one style, each a heading line of its own (short
    words with no sentence inside: ``is_heading_text``, ``is_title_sentence``), their numbers rising ("（二）", "（八）"):
    items the copy kept, read as items with their numbers as written (GOLD-README "heldout37b", "lists68"). A style
    with a line that is no heading, or numbers that do not rise, keeps no list: the file reads as before. Linear."""
    by_style: dict[str, list[tuple[int, NumberToken]]] = {}
    for index, token in tokens:
        by_style.setdefault(token.style, []).append((index, token))
    starts = []
    for run in by_style.values():
        ordinals = [token.ordinal for _, token in run]
        if len(run) < 2 or any(b <= a for a, b in zip(ordinals, ordinals[1:])):
            continue
        rests = [lines[index].text[token.end:] for index, token in run]
        if all(is_heading_text(rest) or is_title_sentence(rest.strip()) for rest in rests):
            starts.append(run[0][0])
    return min(starts) if starts else None


# The style of a speech's or a report's parts on lines of their own ("二、2023年主要工作").
_PART_STYLE = "cn_comma"


def _next_part_heading(lines: list[Line], tokens: list[tuple[int, NumberToken]]) -> int | None:
    """Index of the one numbered line of a copy that opens inside a part and shows the next part's heading only (a page
    of a compilation: part 一's closing paragraphs with their "一是…三是…", then "二、2023年主要工作" and a sentence of its
    body; GOLD-README "kinds32"), else None. It must be the file's only numbered line (``tokens``: index, token), in a
    part's style past 1 ("二、", "三、"), its words a heading's (short, no sentence: ``is_heading_text``), after a paragraph
    that ends a sentence: a header's lone "二、三产业…" line above no text is none."""
    if len(tokens) != 1:
        return None
    index, token = tokens[0]
    if token.style != _PART_STYLE or token.ordinal < 2:
        return None
    if not is_heading_text(lines[index].text[token.end:]):
        return None
    if not any(ends_in(line.text.rstrip(), SENTENCE_END) for line in lines[:index]):
        return None
    return index


def _past_cut_section(lines: list[Line], start: int, words: bool) -> int:
    """Index of the first part heading of a copy that opens inside a section whose heading was on the page before
    the stored one (a site's page 3 of a 整改方案: "整改目标：…" / "整改措施：" / "（一）…" "（二）…" "（三）…" / "责任单位：…",
    then "二十、…问题仍然突出。" with its own "整改目标：", "（一）"…; fresh40, 779), else ``start``: the items before it are
    the cut section's, cut off the file like an item cut at the end (GOLD-README wave 9, "A section whose heading was
    on the page before the stored one"). Only when the file opens with that section's words (its first line a
    paragraph's or a list's caption, ``opens_captioned_paragraph``), the list at ``start`` is not in
    the part style (``_PART_STYLE``), the first part heading after it is numbered past 1 with a heading's words, and
    under that heading the list's style numbers afresh from 1, as the sections of one plan do. A file opening with the
    list itself ("（三）重点检查阶段（…）" / its paragraph / "（四）…" / "四、保障措施") is a page opening inside a plan: its items
    stand at the top level (GOLD-README 169, wave 27's 1029, "stages58"). Linear in the lines."""
    token = match_number(lines[start].text, words=words, spaced=True)
    if token is None or token.style == _PART_STYLE or lines[start].starts_table:
        return start
    opening = next((line for line in lines[:start] if line.text.strip()), None)
    if opening is None or not opens_captioned_paragraph(opening.text):
        return start
    for index in range(start + 1, len(lines)):
        line = lines[index]
        if line.starts_table:
            return start
        part = match_number(line.text, words=words, spaced=True)
        if part is None or part.style != _PART_STYLE:
            continue
        rest = line.text[part.end:].strip()
        if part.ordinal < 2 or not (is_heading_text(rest) or is_title_sentence(rest)):
            return start
        for later in lines[index + 1:]:
            again = match_number(later.text, words=words, spaced=True)
            if again is not None and again.style in (_PART_STYLE, token.style):
                return index if again.style == token.style and again.ordinal == 1 else start
        return start
    return start


def _excerpt_opening(lines: list[Line], before: list[tuple[int, NumberToken]], first: int, token: NumberToken,
                     words: bool) -> int:
    """Where the body of an excerpt starts when its first list opens past its first item ("（二）甲市。" /
    "整改措施：" / "1、…" "2、…" / "（三）乙市。": a news page quoting a 整改方案 from its second section on,
    GOLD-README "Excerpts"): at the first numbered line ``before`` the line ``first`` (numbered 1, ``token``)
    whose style numbers on, one by one, through the lines before ``first`` and to its next number after it,
    so the list numbered 1 lies inside it, or whose last line holds that list and its style is seen no more
    (a copy quoting one section: "（二）甲市。" / "1、…" "2、…"). Else ``first``: a numbered line in a header whose list never
    goes on (a title's "二、", a date) does not move the start. Linear in the lines."""
    after: dict[str, int] = {}  # style -> the ordinal of its first line after ``first`` (one pass)
    for line in lines[first + 1:]:
        if line.starts_table:
            break
        other = match_number(line.text, words=words, spaced=True)
        if other is not None:
            after.setdefault(other.style, other.ordinal)
    runs: dict[str, tuple[int, int]] = {}  # style -> (its first line before ``first``, its last ordinal), in order
    broken: set[str] = set()
    for index, opener in before:
        if opener.style in runs and opener.ordinal != runs[opener.style][1] + 1:
            broken.add(opener.style)  # "（二）" then "（五）": no list numbered on
        runs[opener.style] = (runs.get(opener.style, (index, 0))[0], opener.ordinal)
    holder = before[-1][1].style if before else None  # the numbered line right above the list numbered 1
    openings = [start for style, (start, last) in runs.items()
                if style != token.style and style not in broken
                and (after.get(style) == last + 1 or (style == holder and style not in after))]
    # a copy opening inside a plan ("（三）…阶段" "（四）…" "（五）…", then "四、保障措施" over its "（一）"): the list numbered 1 is a
    # later part's, under a heading of a higher level of the outline, and the run of its own style before that heading,
    # numbered on one by one, is the items of the part the copy opened in (GOLD-README "stages58", 169, 1029)
    own = runs.get(token.style)
    if own is not None and token.style not in broken and outranks(holder, token.style) and before[-1][0] > own[0]:
        openings.append(own[0])
    if openings:
        return min(openings)
    return first


def _drop_criteria_times(measures: list[MeasureDraft]) -> None:
    """Clear, in place, the deadline of each measure under (or being) the conditions of a call for proposals ("二、征集
    条件" over "（二）项目资金来源明确，当年完成投资"; ``captions.is_criteria_heading``) when it names only the year a
    proposal is to be done in (``deadlines.is_criterion_time``: "当年", "年内"): what a proposal must be, no deadline
    (GOLD-README "kinds32"). A date by which ("于11月10日前报送") stays. Linear in the measures."""
    criteria: set[tuple[str, ...]] = set()
    for measure in measures:
        path = tuple(measure.path)
        if is_criteria_heading(measure.title):
            criteria.add(path)
        if measure.deadline and is_criterion_time(measure.deadline) and any(
                path[:depth] in criteria for depth in range(1, len(path) + 1)):
            measure.deadline, measure.recurrence = None, None


# A cover notice that hands a plan over ("现印发给你们，并就有关事项通知如下"), its signing date
# alone on a line, and the plan's title (GOLD-README: the notice's own numbered requirements are
# not measures when the file holds the plan).
_HANDS_OVER_RE = re.compile(r"印发给你们|现印发|现将.{0,40}印发|通知如下")
_DATE_LINE_RE = re.compile(r"^(?:\d{4}|[〇○零一二三四五六七八九]{4})年[0-9一二三四五六七八九十]{1,2}月"
                           r"[0-9一二三四五六七八九十]{1,3}日$")
_PLAN_TITLE_RE = re.compile(r"(?:方案|计划|清单|要点|分工|安排|任务表|分解表)$")
_PLAN_TITLE_CHARS = 80
_TITLE_AFTER_DATE = 3
# Most lines a cover notice's own requirements take (a plan is longer: its signing date, if any,
# is farther down, and an annex after it never takes the plan's place).
_NOTICE_LINES = 15
_TITLE_TAIL = 6  # the last characters of the plan's title, as the notice quotes it
_PREAMBLE_LINES = 3  # most paragraphs of a plan's preamble between its title and its item 1
# A count of the plan's items in brackets after its title ("2023年区政府工作报告重点工作分工方案(共计121项)", GOLD-README
# "fresh39"): a remark on the title, which the cover notice quotes without it.
_COUNT_REMARK_RE = re.compile(r"\s*[（(]\s*共计?\s*[0-9０-９一二三四五六七八九十百]+\s*[项条件个]\s*[）)]$")


def _plan_after_notice(lines: list[Line], start: int, words: bool) -> tuple[int, int] | None:
    """Indexes of the first numbered line and of the title of the plan a cover notice hands over, when the notice
    numbers requirements of its own before it ("一、各责任单位要…", then the signing date, the
    plan's title and the plan's "一、", or "附件" alone on its line before the title: the plan sent as the notice's
    annex, branch notices3, also when the copy lost the date; a preamble of a few paragraphs may stand between the
    title and the plan's "一、", ``_plan_first_item``); None when the file is not so made. The notice must name the plan (its title's last
    words in the sentence that hands it over), its requirements take at most _NOTICE_LINES lines, and an annex
    after a plan's signature (a list of attachments, tables the notice does not name) never counts. Linear."""
    handing = [line.text for line in lines[:start + 1] if _HANDS_OVER_RE.search(line.text)]
    if not handing:
        return None
    for index in range(start + 1, min(start + 1 + _NOTICE_LINES, len(lines))):
        if not (_DATE_LINE_RE.match(lines[index].text) or is_annex_heading(lines[index].text)):
            continue  # the notice ends at its signing date, or at "附件1" when the copy lost the date (units29)
        for title in range(index + 1, min(index + 2 + _TITLE_AFTER_DATE, len(lines) - 1)):
            text = lines[title].text
            if is_annex_heading(text):
                continue  # "附件" alone, then the plan the notice names (branch notices3); else an annex of tables
            if text.startswith("附"):
                return None  # an annex list after the signature: the plan was above it
            first = _plan_first_item(lines, title + 1, words)
            text = _COUNT_REMARK_RE.sub("", text)  # "…分工方案(共计121项)": the title's count of items is its remark
            named = any(text[-_TITLE_TAIL:] in line for line in handing)  # the notice names the plan
            if (named and len(text) <= _PLAN_TITLE_CHARS and _PLAN_TITLE_RE.search(text)
                    and match_number(text, words=words) is None and first is not None):
                return first, title
        return None  # the notice's signing date: the plan, if any, follows it at once
    return None


def _plan_first_item(lines: list[Line], after: int, words: bool) -> int | None:
    """Index of the plan's item 1 under its title at ``lines[after - 1]``: the line right after the title, or after
    the plan's preamble of at most _PREAMBLE_LINES unnumbered paragraphs ("为…，制定本方案。", GOLD-README "units29");
    None when the first numbered line there is no item 1, or no numbered line comes."""
    for index in range(after, min(after + 1 + _PREAMBLE_LINES, len(lines))):
        token = match_number(lines[index].text, words=words)
        if token is not None:
            return index if token.ordinal == 1 else None
        if _DATE_LINE_RE.match(lines[index].text) or is_annex_heading(lines[index].text):
            return None
    return None


_LIST_OPENER_RE = re.compile(r"[：:。；;]\s*")
_BLANK_OPENER_RE = re.compile(r"(?<=[^\s，,、])[ \u3000]+(?=[一二三四五六七八九十]{1,3}[、．])")
_TITLE_OPENER_CHARS = 60  # the title or lead-in before a run-on copy's first item
_TOKEN_WINDOW = 64
_FIRST_CHARS = frozenset("一第1１①（(首其")
_FIRST_CHARS_ALL = _FIRST_CHARS | frozenset("⑴㈠⒈")
_LIST_TRIES = 3
# How many lines after a paragraph its list's item 2 may open (the first item's own paragraphs and children lie between).
_SECOND_ITEM_WINDOW = 40


def _second_item_follows(lines: list[Line], index: int, first: NumberToken, words: bool) -> bool:
    """True when the first line after ``lines[index]`` (within _SECOND_ITEM_WINDOW lines) that opens with a
    number of ``first``'s style opens with its item 2: the list ``first`` opens goes on there. A bracketed list's
    item 2 may stand inside a later line after a sentence's end (a page copied with its breaks inside paragraphs:
    "…覆盖率达92.6%。(二)创建…", ``_next_bracketed_item``; GOLD-README "notices27")."""
    for line in lines[index + 1:index + 1 + _SECOND_ITEM_WINDOW]:
        token = match_number(line.text, words=words)
        if token is not None and token.style == first.style:
            return token.ordinal == 2
        if (first.style in BRACKETED_STYLES and not _is_table_text(line.text)
                and _next_bracketed_item(line.text, first.style, 2, words) is not None):
            return True
    return False


# Where a bracketed item may stand inside a line: after a sentence's or clause's end ("…。(二)创建…", "…：(一)…").
_INSIDE_ITEM_RE = re.compile(r"(?<=[。；;：:！？!?])[ \t\u3000]*(?=[（(])")


def _is_table_text(text: str) -> bool:
    """True when ``text`` is a table's row as text (tabs or pipes between cells): its cells' numbered steps
    ("①…。②…", "(1)…。(2)…") are no items of the document's lists."""
    return "\t" in text or "|" in text


def _table_line(line: Line, table_rows: frozenset[int]) -> bool:
    """True when ``line`` belongs to a task table: a row of a table the reader found (``table_rows``: line numbers) or a
    table's row as text (``_is_table_text``). The splitters of glued items, labels and attachment lists leave it alone."""
    return line.no in table_rows or _is_table_text(line.text)


def _next_bracketed_item(text: str, style: str, ordinal: int, words: bool) -> int | None:
    """Where item ``ordinal`` of the bracketed list ``style`` ("(二)", "（3）", "②") stands inside ``text`` after a
    sentence's or a clause's end, its text no figure ("(二)类" lists kinds), or None. Bounded: each place is
    matched in a short window."""
    for m in _INSIDE_ITEM_RE.finditer(text):
        token = match_number(text[m.end():m.end() + _TOKEN_WINDOW], words=words)
        if (token is not None and token.style == style and token.ordinal == ordinal
                and text[m.end() + token.end:m.end() + token.end + 1] not in NUMERAL_TEXT + "、，,"
                and not names_a_kind(text, m.end() + token.end)):
            return m.end()
    return None


# A bracketed first item's title closed by a full stop, or followed by a blank and then its body (a page copy that lost
# the line break after the title: "(一)创建…中心,为民服务水平不断提升 今年…"): the title, commas allowed, at most 40
# characters.
_TITLE_BEFORE_BODY_RE = re.compile(r"[^。；;！？!?：:（()）\s]{2,40}(?:。|[ \u3000]+(?=[^\s（(]))")


def _split_list_openers(lines: list[Line], words: bool, table_rows: frozenset[int] = frozenset()) -> list[Line]:
    """A list whose first item closes a paragraph after a colon or a sentence and whose next items
    open lines ("会议共有九项议题：一是听取…。" then "二是研究部署…"; a PDF's wrap leaving "…施展新作为。
    一是要…。" then "二是要…", issue 13; a notice's opening "…现将有关要求通知如下。 一、严格控制…。" whose
    paragraphs and children go on below it before "二、…", branch notices3): the first item gets a line of its
    own (same line number), so it is numbered as its siblings are, also inside a numbered item of another style
    ("（五）…畅通。一是…" then "二是…": the list is the item's). Only when the next line numbered in the same
    style (within _SECOND_ITEM_WINDOW lines) opens with its item 2, or when the line itself goes on with it (a
    list written on one line after its lead-in: "会议议定：1.…；2.…", "一、总体要求（一）…。（二）…",
    ``_opens_list_on_line``, branch speeches3), or a bracketed first item glued to a heading's words whose item 2
    opens a later line or whose text opens with a title sentence ("一、…情况（一）着力…。", ``_heading_bracket_opener``); never in a list of attachments ("附件：1.…表" then "2.…表",
    ``walker.is_attachment_list``) nor in a table's row. Linear in the text (the look-ahead is bounded)."""
    result: list[Line] = []
    opened: dict[str, int] = {}  # bracketed lists opened inside a line: style -> the last ordinal read
    for index, line in enumerate(lines):
        own = match_number(line.text, words=words)
        if is_attachment_list(line.text):
            result.append(line)
            continue
        if own is not None and own.style in BRACKETED_STYLES and not _is_table_text(line.text):
            opened[own.style] = own.ordinal  # "(二)…" opening a line: the list goes on from there
        elif own is not None and own.style in STRUCTURE_STYLES:
            opened.clear()  # a heading of a level above ("二、…", "第三章"): the lists under the last one are closed
        pieces = (_split_open_items(line, opened, words)
                  if opened and not _table_line(line, table_rows) else [line])
        if len(pieces) > 1:  # "…覆盖率达92.6%。(二)创建…": the open list's next item, inside the line
            result += pieces[:-1]
            line = pieces[-1]
            own = match_number(line.text, words=words)
        start = None if line.no in table_rows else _opens_list_on_line(line.text, own, words)
        if start is None and line.no not in table_rows:
            opener = _heading_bracket_opener(line.text, own, words)
            if opener is not None and (_second_item_follows(lines, index, opener[1], words)
                                       or _TITLE_SENTENCE_RE.match(line.text, opener[0] + opener[1].end)):
                start = opener[0]  # "一、…情况（一）着力…。" then "（二）…" on a later line, or its title sentence
        if start is not None:
            result += [Line(line.no, line.text[:start].strip(), line.starts_table),
                       Line(line.no, line.text[start:], runs_on=line.runs_on)]
            continue
        for m in _LIST_OPENER_RE.finditer(line.text):
            if line.text[m.end():m.end() + 1] not in _FIRST_CHARS:
                continue  # no first item here ("一是", "第一，", "1.", "（一）", "①")
            # a bounded slice keeps a line of many colons linear (a token is short)
            token = match_number(line.text[m.end():m.end() + _TOKEN_WINDOW], words=words)
            if (token is not None and token.ordinal == 1 and (own is None or own.style != token.style)
                    and (_second_item_follows(lines, index, token, words)
                         or (not _table_line(line, table_rows)
                             and _titled_first_item(line.text, m.end() + token.end, own, token)))):
                result += [Line(line.no, line.text[:m.end()].strip(), line.starts_table),
                           Line(line.no, line.text[m.end():], runs_on=line.runs_on)]
                if token.style in BRACKETED_STYLES and not _is_table_text(line.text):
                    opened[token.style] = 1
                break
        else:
            result.append(line)
    return result


def _titled_first_item(text: str, body: int, own: NumberToken | None, token: NumberToken) -> bool:
    """True when a bracketed first item after a numbered heading's lead-in ("一、…情况: 一年来,…以下几个方面: (一)…")
    opens with a title of its own, closed by a full stop ("着力稳定经济增长。") or by a blank before its body (a page copy
    that lost the line break: "(一)推动…常态化,…不断强化 多措并举,…"): it is the heading's first item where it stands
    even when no item 2 follows (the copy cut the list, or the list has one item; GOLD-README "notices27")."""
    return (own is not None and token.style in BRACKETED_STYLES and not names_a_kind(text, body)
            and bool(_TITLE_BEFORE_BODY_RE.match(text, body)))



def _split_open_items(line: Line, opened: dict[str, int], words: bool) -> list[Line]:
    """``line`` cut before each next item of a bracketed list opened inside an earlier line (``opened``: style -> the
    last ordinal read), where that item stands after a sentence's end inside the line ("…覆盖率达92.6%。(二)创建…"
    in a page copied with its breaks inside paragraphs): each item opens a line of its own, as at a line start."""
    pieces, rest = [], line
    for style in list(opened):
        while True:
            at = _next_bracketed_item(rest.text, style, opened[style] + 1, words)
            if at is None:
                break
            pieces.append(Line(rest.no, rest.text[:at].strip(), rest.starts_table))
            rest = Line(rest.no, rest.text[at:], runs_on=rest.runs_on)
            opened[style] += 1
    return pieces + [rest]


# A blank before a first item stands for a lost line break after a heading's few words, at most this many.
_HEADING_WORDS = 24
_HEADING_WORDS_BREAK_RE = re.compile(r"[。；;！？!?：:，,、]")
# An item's text opening with a short sentence of its own, a title ("着力稳定经济增长。"): at most 30 characters.
_TITLE_SENTENCE_RE = re.compile(r"[ \t\u3000]*[^。；;！？!?：:，,、（(\s\d]{2,30}。")


def _heading_bracket_opener(text: str, own: NumberToken | None, words: bool) -> tuple[int, NumberToken] | None:
    """(where, token) of a bracketed first item glued to the few words of a numbered heading, the line break
    between them lost ("一、上半年工作开展情况（一）着力稳定经济增长。一是…": a work report's heading, its (一) and
    the (一)'s text on one line), or None: the first bracket after the heading's token, at most _HEADING_WORDS
    characters on, with words and no punctuation before it, opening item 1 of a bracketed style other than the
    heading's own. The caller splits there when the list goes on with its item 2 on a later line
    (``_second_item_follows``) or the item's text opens with a title sentence of its own ("着力稳定经济增长。", a
    list of one item, as 347's run-on copy has); a list going on on the same line is ``_opens_list_on_line``'s."""
    if own is None:
        return None
    m = BRACKET_START_RE.search(text, own.end, own.end + _HEADING_WORDS + 1)
    if m is None:
        return None
    before = text[own.end:m.start()]
    if not before.strip() or _HEADING_WORDS_BREAK_RE.search(before):
        return None
    token = match_number(text[m.start():m.start() + _TOKEN_WINDOW], words=words)
    if (token is None or token.ordinal != 1 or token.style not in BRACKETED_STYLES or token.style == own.style
            or names_a_kind(text, m.start() + token.end)):
        return None  # "一、抓好调度（一）季度末前…": the bracket completes a quarter, no item opens (branch glued55)
    return m.start(), token


def _opens_list_on_line(text: str, own, words: bool) -> int | None:
    """Where a list of a structure style (``inline.SAME_LINE_STYLES``) starts inside ``text`` when its
    first item follows a lead-in on the line (after a colon or a sentence's end, or a bracketed token
    right after the words of a numbered heading: "一、总体要求（一）提高认识。（二）…", never after a
    sentence's words: "听取了（一）季度…") and its next item follows on the
    same line ("会议议定：1.…；2.…"); None otherwise, or when the line is a table's row. ``own`` is the
    line's own token (the list is of another style). Bounded windows: linear in len(text)."""
    if "\t" in text:
        return None
    openers = {m.end() for m in _LIST_OPENER_RE.finditer(text)}
    # a run-on copy's items after blanks ("…工作方案 一、目标任务 围绕…。 二、实施范围…", branch pdfs): the first
    # item after the title's words and a blank, when its next items follow on the line (run_continuations below)
    openers |= {m.end() for m in _BLANK_OPENER_RE.finditer(text, 0, _TITLE_OPENER_CHARS)}
    places = openers | {m.start() for m in BRACKET_START_RE.finditer(text)}
    tries = 0
    for place in sorted(places):
        if place == 0 or text[place:place + 1] not in _FIRST_CHARS_ALL:
            continue
        token = match_number(text[place:place + _TOKEN_WINDOW], words=words)
        if (token is None or token.ordinal != 1 or token.style not in SAME_LINE_STYLES
                or (own is not None and own.style == token.style)
                or (token.style in BRACKETED_STYLES and names_a_kind(text, place + token.end))
                or (place not in openers and (token.style not in BRACKETED_STYLES or own is None))):
            continue
        if run_continuations(text[place:], token.style, token.ordinal, token.end):
            return place
        tries += 1
        if tries >= _LIST_TRIES:
            return None  # a line of many "1." that go on with no "2.": a few looks are enough
    return None


# A text wrapped at a fixed width (a PDF's lines, a page copied from a PDF viewer): most of its
# lines are about as long as the widest and end inside a sentence.
_WRAP_MIN_WIDTH = 16
_WRAP_SHARE = 0.3
_WRAP_NEAR = 0.8
_WRAP_LONG = 0.7  # a long line: at least 70 % of the widest
_WRAP_MIN_LINES = 2  # fewer wrapped lines than this: nothing to join
_WRAP_JOINED = 1.6  # a line longer than this many times the median holds several wrapped lines already
_WRAP_FULL_MEDIAN = 20


# A line closed by a page's label ("街道应急预案_第1页", "…第2页 共13页": a document site's caption over each page it shows)
# is complete, never a paragraph's line cut at the width (branch fresh61, 1109: such captions and "1/13" counters over a
# page run into one line were read as a wrapped paragraph and swallowed its first items).
_PAGE_LABEL_END_RE = re.compile(r"第[ \t\u3000]*[0-9０-９]{1,4}[ \t\u3000]*页"
                                r"(?:[ \t\u3000]*[，,/]?[ \t\u3000]*共[ \t\u3000]*[0-9０-９]{1,4}[ \t\u3000]*页)?[ \t\u3000]*$")


def _join_wrapped_lines(lines: list[Line], words: bool, table_rows: frozenset[int] = frozenset()) -> list[Line]:
    """The lines of a text wrapped at a fixed width joined into its paragraphs (issue 13: a
    speech copied from a PDF, "…推动市委决" + "策部署落实落地。二是" + "任务分解。…", gave no item,
    its lists being read one line at a time). Only when the text is so wrapped (at least
    _WRAP_SHARE of its lines are nearly as long as the widest and end inside a sentence); then a
    line that long and open is joined with the next one, unless that one opens with a number or
    is a table row. Texts written one paragraph a line are left as they are. The share is of the
    long lines (at least _WRAP_LONG of the widest), so a plan of short items and captions with a few
    wrapped unit lists is read as wrapped too. A task table's rows (``table_rows``: whole rows, read by the table reader) are neither
    measured nor joined: a Word table's group rows end without a full stop and are no wrap. Linear."""
    widths = sorted(len(line.text) for line in lines if line.no not in table_rows)
    if len(widths) < 4:
        return lines
    # paragraphs a reader already joined (a PDF's lines the margin cut inside a word, pdf.py) are left out of
    # the measure: they are longer than the width the layout wrapped at, which most lines of a wrapped text
    # fill and end inside a sentence (a text of short lines and long paragraphs keeps its measure) (branch pdfs)
    median = widths[len(widths) // 2]
    long_texts = [line.text for line in lines if len(line.text) >= _WRAP_MIN_WIDTH and line.no not in table_rows]
    if median >= _WRAP_FULL_MEDIAN and 2 * sum(map(ends_open, long_texts)) > len(long_texts):
        widths = [w for w in widths if w <= _WRAP_JOINED * median] or widths
    width = widths[int(0.9 * (len(widths) - 1))]
    if width < _WRAP_MIN_WIDTH:
        return lines

    def wrapped(line: Line, last: Line | None = None) -> bool:  # a title line is complete (a PDF's text: the title, then the plan's title)
        # ``last``: the source line that ends ``line`` (a joined paragraph's last), for a cut after a closing mark
        return (line.no not in table_rows and len(line.text) >= _WRAP_NEAR * width and "\t" not in line.text
                and (ends_open(line.text) or (last is not None and _cut_at_closing_mark(last.text, width)))
                and not is_page_metadata_line(line.text)
                and not is_title_line(line.text) and not is_glued_heading(line.text)
                and not _PAGE_LABEL_END_RE.search(line.text))

    # the share is taken among the long lines: a plan's short lines (items, captions, headings) do not
    # hide the few wrapped ones (issue 13: a PDF whose "责任单位：…、市" + "自然资源局、…" lost its units)
    long_lines = sum(1 for line in lines if line.no not in table_rows and len(line.text) >= _WRAP_LONG * width and "\t" not in line.text)
    if sum(map(wrapped, lines)) < max(_WRAP_MIN_LINES, _WRAP_SHARE * long_lines):
        return lines
    result: list[Line] = []
    texts = [line.text for line in lines]
    written = Counter(text.strip() for text in texts)
    # a blank line after every line says nothing of where a paragraph ends in a copy cut at a fixed width throughout
    # (_WRAP_FULL_LINES different lines or more, a quarter of them, cut at the very width); a short page spaced out so
    # keeps its paragraphs
    spaced = (_blank_between_every_line(lines)
              and len({line.text for line in lines if len(line.text) == width and wrapped(line)})
              >= max(_WRAP_FULL_LINES, _WRAPPED_THROUGHOUT * len(lines)))
    after_mark = False
    for index, line in enumerate(lines):
        previous = result[-1] if result else None
        if (previous is not None and wrapped(previous) and index + 1 < len(lines)
                and match_number(lines[index + 1].text, words=words) is None
                and (is_page_mark(line.text) or (after_mark and written[line.text.strip()] > 1))):
            # a printed page's number between a paragraph's lines, and the next page's running header after it (a line the
            # pages repeat) (a PDF's text copied: "…功能区管委" / "— 1 —" / "会"): layout, dropped, so that the lines around
            # them join as the pages printed them (branch captions60)
            after_mark = is_page_mark(line.text)
            continue
        after_mark = False
        if previous is not None and is_page_mark(line.text):
            result.append(line)  # the last page's number, or one before an item: never words of the line above it
            continue
        if (previous is not None and wrapped(previous, lines[index - 1]) and "\t" not in line.text and not line.starts_table
                # a blank line between ends the paragraph: no wrap across it, unless the copy puts one between every line
                and (line.no <= lines[index - 1].no + 1 or spaced)
                and not opens_captioned_paragraph(line.text)  # "整改目标：…" under a section: a paragraph
                and not opens_with_unit_caption(line.text)  # "配合单位：…" under "牵头单位：A、B": the next caption
                and not _next_clause_line(previous.text, line.text)  # "牵头单位：A、B" + "按月调度": one clause a line
                and not _labelled_after_units(previous.text, line.text)  # "协作单位：A、B" + "监督方式：…": a line of its own
                and not signature_at(texts, index)  # the issuer and date under a last item left open: no wrap of it
                and (match_number(line.text, words=words, spaced=True) is None or opens_with_citation(line.text))):
            result[-1] = Line(previous.no, join_wrapped(previous.text, line.text), previous.starts_table)
        else:
            if previous is not None and wrapped(previous) and "\t" not in line.text and not line.starts_table:
                # cut inside a sentence, the next line opening like an item ("…网站www.1233" +
                # "9.gov.cn；", "…依照条例" + "第四条第（二）项…"): the walk decides by the numbering
                result[-1] = replace(previous, runs_on=True)
            result.append(line)
    return result


# A copy with a blank line between every two of its lines (a text retyped or pasted through an editor that doubles its
# line ends): at least this share of its neighbouring lines stand a blank line apart.
_BLANKS_EVERYWHERE = 0.9
# ... and a copy cut at a fixed width throughout: at least this many different lines, and this share of its lines, were
# cut at the very width (a page's caption repeated under every item, or a few long lines, are no such layout).
_WRAP_FULL_LINES = 4
_WRAPPED_THROUGHOUT = 0.25


def _blank_between_every_line(lines: list[Line]) -> bool:
    """Does the copy put a blank line between (nearly) every two of its ``lines`` (at least _BLANKS_EVERYWHERE of the
    neighbouring pairs stand apart in the source)? Then a blank line says nothing of where a paragraph ends: a wrapped
    line goes on across it as across a line end (branch variants64; GOLD-README "variants64"). Linear."""
    pairs = len(lines) - 1
    return pairs >= _WRAP_MIN_LINES and sum(1 for a, b in zip(lines, lines[1:]) if b.no > a.no + 1) >= _BLANKS_EVERYWHERE * pairs


# Closing marks a fixed-width wrap may fall right after, inside a sentence ("…建立“一点一档”" / "隐患清单…", "…自查表（见附件）"
# / "后于…前报…", a caption's colon "…报送截止时间：" / "2024年5月20日。"): a line as wide as the layout's width that ends with
# one goes on, like a line ending without punctuation (branch variants64; a full stop at the width is no such place: a
# paragraph may end there).
_CLOSING_MARKS = "”」』）)】：:"


def _cut_at_closing_mark(text: str, width: int) -> bool:
    """Does a line of a text wrapped at ``width`` characters stop right after a closing mark inside its sentence? True
    when ``text`` is at least ``width`` long and ends with one of _CLOSING_MARKS (a quote, a bracket, a colon): the layout
    cut there, as it cuts anywhere; a shorter line so ending is a paragraph's end (an annotation closing an item). Used
    by ``_join_wrapped_lines`` for the join only, not for telling a wrapped text (GOLD-README "variants64")."""
    text = text.rstrip()
    return len(text) >= width and text[-1:] in _CLOSING_MARKS


def _next_clause_line(previous: str, text: str) -> bool:
    """Is the line ``text`` the next clause of an annotation written one clause a line, after ``previous`` (both
    ``annotations.clause_line``: "牵头单位：A、B" + "分步实施", "A牵头，B配合" + "按月调度")? Such a line is no wrap of the one
    before it, however long that one is, unless it goes on a date the line before it cut ("完成时限：2026年" + "6月底前":
    ``deadlines.breaks_inside_date``). GOLD-README "clauses47"."""
    found = clause_line(text)
    if found is None or breaks_inside_date(previous, text):
        return False
    if clause_line(previous) is not None:
        return True
    # the rest of a caption's list, broken after a separator, then a side clause ("…、" / "市财政局、市审计局" / "按月调度"): the
    # list ends on a whole unit's name, and the clause names none (branch captions60)
    names = annotation_units(previous.strip())
    return not found.names_units and bool(names) and plausible_units(names, True) and _whole_name(names[-1])


# A line opening with a label of its own and its colon ("监督方式：", "联系电话：", "备注："): a few characters of words.
_LABEL_RE = re.compile(r"^[\u4e00-\u9fff]{2,6}[：:]")


def _labelled_after_units(previous: str, text: str) -> bool:
    """Is the line ``text`` a labelled line of its own ("监督方式：0557-…", "联系人：…") after ``previous``, a caption line of
    units whose list ends on a whole unit's name ("主要协作单位：各乡镇人民政府、县政府有关部门", ``_whole_name``)? Such a line
    is no wrap of the caption's list: an item's caption lines one under another, without the blank lines a page or a Word
    file drops, each keep their own (branch prose63: a 主要协作单位 line lost to the 监督方式 line joined to it)."""
    if not _LABEL_RE.match(text.strip()):
        return False
    found = annotation_line(previous.strip())
    return found is not None and bool(found.entries) and _whole_name(found.entries[-1][1])


# A decimal outline run on in one line or a few long lines (a township's 应急预案 as a site's text extraction leaves it: "1 总则
# 1.1 编制目的 为了… 1.2 编制依据 … 1.3 适用范围 (1)…"): a number at the line's start or after a blank, with a blank after it,
# and a heading's words after the blank.
_OUTLINE_RUN_PLACE_RE = re.compile(r"(?:^|(?<=[ \t\u3000\u00a0]))(?=[0-9]{1,2}(?:\.[0-9]{1,2}){0,3}[ \t\u3000\u00a0]+[\u4e00-\u9fff])")
# At least this many numbers, one of them dotted, make such a run (one succession of the outline from the first).
_OUTLINE_RUN_ITEMS = 3


def _outline_successor(before: tuple[int, ...], after: tuple[int, ...]) -> bool:
    """Can the decimal number ``after`` follow ``before`` in one outline? Its first child (``1.4`` -> ``1.4.1``) or the next
    number at its own level or at an upper one (``1.4.1`` -> ``1.4.2``, ``1.5``, ``2``)."""
    if after == before + (1,):
        return True
    return any(after == before[:level] + (before[level] + 1,) for level in range(len(before)))


def _outline_run_offsets(text: str, above: tuple[int, ...] | None = None) -> tuple[list[int], tuple[int, ...] | None]:
    """Where the parts of a decimal outline run on in ``text`` start, besides the line's own start: the numbers at
    ``_OUTLINE_RUN_PLACE_RE``'s places that the vocabulary reads as an outline's number at the start of a line
    (``match_number(..., spaced=True)``: ``1 总则``, ``1.1 编制目的``; a quantity ``1.5万元`` or ``3 个工作日`` is none), taken in
    order when each follows the last one taken in one outline (``_outline_successor``: ``1`` ``1.1`` ``1.2`` ``1.4`` ``1.4.1``
    ``2``); a number that does not (``24 小时``, a page's ``— 1 —``, a section cited ``按 1.2 规定`` out of turn) stays text. The run
    counts when it holds at least _OUTLINE_RUN_ITEMS numbers, one of them dotted, and starts at the line's start, with
    an outline's first number (``1``, ``1.1``) or with the successor of ``above`` (the outline's last number on the lines
    above: an outline run into a few long lines). Returns the offsets (the line's start excluded), or [] for no run, and
    the outline's last number after the line (``above`` when it holds none). Linear in len(text)."""
    taken: list[tuple[int, tuple[int, ...]]] = []
    places = [m.start() for m in _OUTLINE_RUN_PLACE_RE.finditer(text)]
    for place, following_place in zip(places, places[1:] + [len(text)]):
        # the number is read with its words up to the next such place, as if that were its line
        following = text[place:min(following_place, place + _TOKEN_WINDOW)].rstrip()
        token = match_number(following, spaced=True)
        if token is None or token.style not in OUTLINE_STYLES | {SPACED_STYLE}:
            continue
        number = tuple(int(part) for part in token.key.split("."))
        if not taken:
            if place and number[-1] != 1 and (above is None or not _outline_successor(above, number)):
                continue
            taken.append((place, number))
        elif _outline_successor(taken[-1][1], number):
            taken.append((place, number))
    last = taken[-1][1] if taken else above
    if len(taken) < _OUTLINE_RUN_ITEMS or all(len(number) == 1 for _, number in taken):
        own = match_number(text, spaced=True)  # a part written on a line of its own ("1.3 工作原则") goes on the outline
        if own is not None and own.style in OUTLINE_STYLES | {SPACED_STYLE}:
            return [], tuple(int(part) for part in own.key.split("."))
        return [], above
    return [place for place, _ in taken if place], last


def _split_outline_runs(lines: list[Line], table_rows: frozenset[int] = frozenset()) -> list[Line]:
    """Each part of a decimal outline run on in one line (``_outline_run_offsets``) on a line of its own (same line number),
    as when the outline is written one part a line: ``1 总则``, ``1.1 编制依据 为提高…``; the words before the first part (a title)
    keep a line of their own (GOLD-README "fresh61"). Table rows are left to the table reader. Linear."""
    result: list[Line] = []
    above: tuple[int, ...] | None = None
    for line in lines:
        offsets: list[int] = []
        if line.no not in table_rows:
            offsets, above = _outline_run_offsets(line.text, above)
        if not offsets:
            result.append(line)
            continue
        bounds = [0] + offsets + [len(line.text)]
        for k, (begin, end) in enumerate(zip(bounds, bounds[1:])):
            piece = line.text[begin:end].strip()
            if piece:
                result.append(Line(line.no, piece, line.starts_table if k == 0 else False,
                                   line.runs_on and end == len(line.text)))
    return result


def _split_run_lines(lines: list[Line], words: bool, table_rows: frozenset[int] = frozenset()) -> list[Line]:
    """A paragraph that opens with a speech token and goes on with the next items of its run
    ("一是稳增长，扩大投资。二是调结构。三是惠民生。"), or with a token of a structure style followed
    on the line by its next ones ("1.压实责任；2.加强督导；3.按时报送。", "（一）…。（二）…"): each item
    gets a line of its own (same line number), so the items are siblings as when written one a
    paragraph (issue 13: such a paragraph gave its 一是 only, such a line its 1. only). The run is
    ``inline.run_continuations``. Linear in the text."""
    result: list[Line] = []
    for line in lines:
        token = match_number(line.text, words=words)
        if token is None or (line.no in table_rows and token.style in SAME_LINE_STYLES):
            offsets = []  # numbered notes inside a table's cell ("1.…得2分。2.…") are the row's text
        else:
            offsets = run_continuations(line.text, token.style, token.ordinal, token.end)
        if not offsets:
            result.append(line)
            continue
        bounds = [0] + offsets + [len(line.text)]
        closing = _run_closing_annotation(line.text, bounds, token.style)
        if closing:
            bounds[-1] -= len(closing)
        for k, (begin, end) in enumerate(zip(bounds, bounds[1:])):
            result.append(Line(line.no, line.text[begin:end].strip(), line.starts_table if k == 0 else False,
                               line.runs_on and end == len(line.text) and not closing))
        if closing:
            result.append(Line(line.no, closing.strip(), False, line.runs_on))
    return result


def _run_closing_annotation(text: str, bounds: list[int], style: str) -> str:
    """The bracketed annotation that closes a paragraph of a speech's run ("一是…。二是…。四是…。(牵头单位：A;配合单位：B)")
    when no earlier item of the run carries one of its own: it speaks of the item that holds the list, not of the last
    inline item (GOLD-README, documents 250–259: "an annotation after the last item only … stays the item's"; branch
    fresh67). ``bounds`` are the items' offsets in ``text`` and its length; returns the annotation's text as written at
    the end of ``text`` (blanks and a closing stop included), so that it reads as a line of its own below the items
    (``walker.BodyWalker._annotate_parent`` then gives it to the holder), or "" where the run is of a structure style
    ("1.…；2.…", each item a sentence of its own), an earlier item is annotated, or the end is no bracket."""
    if style in STRUCTURE_STYLES or len(bounds) < 3:
        return ""
    if any(split_trailing_annotations(text[begin:end])[1] for begin, end in zip(bounds[:-2], bounds[1:-1])):
        return ""  # "一是…（A负责）；二是…（B负责）": each inline item keeps its own
    last = text[bounds[-2]:]
    rest, annotations = split_trailing_annotations(last)
    if not annotations or any(a.unreadable or not a.read for a in annotations):
        return ""
    core = rest.rstrip()
    if not last.startswith(core):
        core = core[:-1]  # "…试点。(A牵头)。": the stop after the bracket is kept on the words read
    if not core.strip() or not last.startswith(core):
        return ""
    tail = last[len(core):]
    return tail if tail.strip()[:1] in ANNOTATION_OPENERS else ""


# Where a line copied without its breaks may have lost one: after a sentence's or an annotation's end
# (blanks allowed) or at a blank after words ("…执行。 一、总体要求 (一)指导思想 以…", "…负责) 2.…"); a lead-in's
# colon ends its clause like a sentence's end ("…现将…通知如下: 一、申报要求 (一)…", a notice run on in one line;
# branch fresh37).
# A printed page's mark glued into the text where a page ended ("…至5月31日。第1页共2页六、工作要求…", a document site's
# copy run on in one line; branch glued55) is such a place too: the page's end was a break.
# A copy whose lines were joined with nothing between them ("…省地方金融监管局2.“最多跑一次”改革…", "…责任分解一、袁家军…";
# branch oneline67) lost a break right after a word's character too: a place of no width before a structure token's mark
# glued to an ideograph or a closing quote, never to a numeral or 第 ("第十二、", "十二、", "第3."), to a cited article's
# 条, 款, 项, 章 or 节 ("本办法第三条（一）（二）项", a reference) nor to a Latin letter or a figure. Its items count as after a blank inside a sentence (``_glued_places``): the next of a list begun,
# or a first after a title's few words (a run in order is not enough: "…维护国家法制统一、尊严…").
_GLUE_PLACE_RE = re.compile(r"[。；;！？!?）)〕】：:][ \t\u3000\u00a0]*|(?<=\S)[ \t\u3000\u00a0]+"
                            r"|第[ \t\u3000]*[0-9０-９]{1,4}[ \t\u3000]*页[ \t\u3000]*[，,/]?[ \t\u3000]*"
                            r"共[ \t\u3000]*[0-9０-９]{1,4}[ \t\u3000]*页[ \t\u3000\u00a0]*"
                            r"|(?<=[\u4e00-\u9fff”’」』》])(?<![一二三四五六七八九十百千零〇两第条款项章节])"
                            r"(?=[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]|[（(]?[0-9]{1,3}[.．、)）])")
# What may not open an item's text right after its number: a list of numbers or a reference
# ("（一）至（三）项", "一、二、三产业", "1、2月份"); a numeral of the other script opens words ("2.一般公共预算…").
_NOT_ITEM_TEXT = "至到和及与或、，,项條条款"
_CN_NUMERALS = "一二三四五六七八九十"
_BLANKS_RE = re.compile(r"[ \t\u3000\u00a0]+")
# The blanks a copy may type after an item's mark before its words ("一、 总体要求"; branch outlinematrix53): a longer run
# is a gap of the layout, no mark's.
_MARK_BLANKS = 2
# Fewer glued items than this in one line: the line keeps its shape (its lists are read as before).
_MIN_GLUED = 1


# How many candidates one place may add (its token and the first items glued onto its title, one a level: 一、（一）1.（1）①):
# a place found again is looked for among so many last candidates.
_MARKS_DEEP = 6


# A first item after a blank inside a sentence opens a list run on into one line when this many items of its
# style follow one another from it, each at a place of a lost break ("…重点推进以下项目 (1)… (2)… (3)…").
_RUN_ON_ITEMS = 3


def _glued_places(text: str, last: dict[str, int], fresh: set[str], words: bool) -> list[int]:
    """Where items glued into ``text`` start: a structure token (``SAME_LINE_STYLES``: 一、 （一） 1. （1）)
    at a place ``_GLUE_PLACE_RE`` finds, outside brackets, whose text opens with words (not a numeral
    nor 至/、/项: "（一）至（三）项", "一、二、三产业"), and which goes on its list: the next ordinal of its
    style after the last one seen (``last``, lines above included), or 1 where its style is new or another
    style came since (``fresh``). A first item after a blank inside a sentence counts after a heading's few
    words ("一、总体要求 （一）指导思想", ``_heading_words_before``) or when it opens a run of at least
    _RUN_ON_ITEMS items of its style in order, 1 2 3…, at such places (a news copy that lost its breaks:
    "…重点推进以下项目 (1)… (2)… (3)…", issue 13, ``_opens_run_on``). ``last`` and ``fresh`` are updated.
    Linear in len(text)."""
    candidates = _glue_candidates(text, words)
    places: list[int] = []
    accepted = 0
    for index, (begin, place, sentence, token, heading) in enumerate(candidates):
        after_blank = sentence != place
        clause = max(sentence, accepted)  # a clause starts after a sentence's or an annotation's end, or an item
        if heading is not None and heading != accepted:
            continue  # a first item glued to the title of a heading that opens no item here (a reference's words)
        if not (token.ordinal == last.get(token.style, 0) + 1 or (token.ordinal == 1 and (
                token.style not in last or token.style in fresh))):
            continue
        glued = begin == place and heading is None  # glued straight onto a word's character
        if (token.ordinal == 1 and after_blank and not _heading_words_before(text, clause, begin, words, glued)
                and (glued or not _opens_run_on(candidates, index))):
            continue  # a first item after a blank inside a sentence ("…，并在 （一）季度末…") is no lost break; glued to a
            # word ("…维护国家法制统一、尊严…"), only after a title's few words without a comma ("…。工作责任分解一、…")
        if token.ordinal == 1 and follow_in_order(_next_ordinals(candidates, index), 1)[1]:
            continue  # "…以下项目 (1)… (3)… (2)…", "…任务：(2)…；(1)…；(3)…": tokens out of order, the list stays text
        places.append(place)
        accepted = place
        _note_token(token.style, token.ordinal, last, fresh)
    return places


# A glue candidate: (where the place's match begins, where the token begins, where its clause begins, the token, where
# the heading begins whose title it is glued to, or None).
_Candidate = tuple[int, int, int, NumberToken, "int | None"]


def _glue_candidates(text: str, words: bool) -> list[_Candidate]:
    """The structure tokens of ``text`` at places of a lost break, outside brackets, whose text opens with
    words: (where the place's match begins, where the token begins, where its clause begins: the last place after
    a sentence's or an annotation's end, the token's own place when it follows one; the token; None), in order.
    After each such token, and after the line's own at its start, a first item glued straight onto that heading's
    title ("四、整治步骤1.宣传发动…", "（二）整治内容1.乱种…", "四、工作措施(一)加强领导…": ``_title_glued_item``) is a
    candidate too, its last field the heading's place: it is an item only when that heading is one.
    Linear in len(text)."""
    candidates: list[_Candidate] = []
    own = match_number(text[:_TOKEN_WINDOW], words=words)
    if own is not None and own.style in SAME_LINE_STYLES:
        _add_title_glued_items(candidates, text, 0, own, words)
    depth, cursor, clause = 0, 0, 0
    for m in _GLUE_PLACE_RE.finditer(text):
        place = m.end()
        for char in text[cursor:place]:
            if char in ANNOTATION_OPENERS:
                depth += 1
            elif char in ANNOTATION_CLOSERS and depth:
                depth -= 1
        cursor = place
        if depth or place >= len(text):
            continue
        if m.group() and not m.group()[0].isspace():
            clause = place
        if not m.group() and place in {c[1] for c in candidates[-_MARKS_DEEP:]}:
            continue  # a first item glued onto a title, a candidate already (``_add_title_glued_items``), or the
            # place right after a page's mark, found again as glued to its 页 ("…第3页共8页二、…", four levels deep)
        token = match_number(text[place:place + _TOKEN_WINDOW], words=words)
        if token is None or token.style not in SAME_LINE_STYLES:
            continue
        words_at = _item_words_at(text, place, token)
        if words_at is None:
            continue
        candidates.append((m.start(), place, clause, token, None))
        _add_title_glued_items(candidates, text, place, token, words)
    return candidates


def _add_title_glued_items(candidates: list[_Candidate], text: str, place: int, heading: NumberToken,
                           words: bool) -> None:
    """Append to ``candidates`` the first item glued onto the title of ``heading`` (at ``place``), then the first
    item glued onto that item's title, and so on down ("四、工作措施(一)加强领导,明确责任1.成立…": (一) under 四, 1. under
    (一)); each names the heading it is glued to. Each step looks at a title's few characters, past the last."""
    while True:
        words_at = _item_words_at(text, place, heading)
        child = None if words_at is None else _title_glued_item(text, words_at, heading, words)
        if child is None:
            return
        candidates.append((child[0], child[0], child[0], child[1], place))
        place, heading = child


def _item_words_at(text: str, place: int, token: NumberToken) -> int | None:
    """Where the words of the item ``token`` (matched at ``place``) open, past a blank or two typed after its mark
    ("一、 总体要求"), or None when no item's words follow: a list of numbers or a reference ("一、二、三产业",
    "（一）至（三）项", ``_NOT_ITEM_TEXT``; "（三）项目申报材料…" opens its words, ``opens_word_not_count``), a bracket
    completing a kind ("（一）季度", ``names_a_kind``), a blank or the line's end."""
    words_at = place + token.end
    blanks = _BLANKS_RE.match(text, words_at, words_at + _MARK_BLANKS + 1)
    if blanks is not None and blanks.end() - words_at <= _MARK_BLANKS and text[blanks.end():blanks.end() + 1] \
            and not text[blanks.end()].isdigit():
        words_at = blanks.end()  # a blank typed after the mark ("一、 总体要求 （一） 指导思想"): the words open after it
    after = text[words_at:words_at + 1]
    # "一、二、三产业" lists numbers; "1、2月份" and "1.5亿元" are no token already ("1.6月底前…" is item 1);
    # "（一）至（三）项" counts, "（三）项目申报材料…" opens its words (``opens_word_not_count``)
    if not after or (after in _NOT_ITEM_TEXT and not opens_word_not_count(text, words_at)) or after.isspace() or (
            token.style.startswith("cn_") and after in _CN_NUMERALS) or (
            token.style in BRACKETED_STYLES and names_a_kind(text, words_at)):
        return None
    return words_at


# A heading's title that a first item may be glued onto in a copy run on in one line: at least _TITLE_MIN_CHARS
# characters, at most _HEADING_WORDS, none of them a blank, a sentence's or clause's end but the comma ("加强领导,明确
# 责任"), a bracket or a figure (a figure or a bracket inside ends the look: "到2025年", "(试行)", "第1.2条").
_TITLE_STOP_RE = re.compile(r"[\s。；;！？!?：:、（()）〔〕【】\[\]0-9０-９\u2460-\u2473]")
_TITLE_MIN_CHARS = 2
# A title with a comma is a pair of phrases ("加强领导,明确责任", "成立机构,加强领导"): the phrases after a comma hold at
# least this many characters (a short clause after a comma is a sentence's: "抓好安全，落实（一）岗双责制度").
_TITLE_PHRASE_CHARS = 4
# The marks a first item glued onto a title opens with: a figure, a bracket, a circled number.
_GLUED_MARK_CHARS = "0123456789０１２３４５６７８９（(\u2460"


def _title_glued_item(text: str, title: int, heading: NumberToken, words: bool) -> tuple[int, NumberToken] | None:
    """(where, token) of a first item glued straight onto the title of the heading ``heading`` whose words open at
    ``title`` (a copy that lost its line breaks: "四、整治步骤1.宣传发动阶段…", "（二）整治内容1.乱种…", "四、工作措施(一)加强
    领导,明确责任1.成立…"; issue 13, branch glued55), or None. The title is a heading's few words (``_TITLE_STOP_RE``; after a
    comma a phrase of _TITLE_PHRASE_CHARS at least, no sentence's short clause);
    the mark right after it opens item 1 of a style (``SAME_LINE_STYLES``) other than the heading's and other than
    "一、" (a Chinese numeral glued to words is no mark: "三、四季度"), and its text opens with words
    (``_item_words_at``: not "（一）项", "（一）季度"). A figure that is no mark ("1.5倍", "第1.2条", "2025年") ends the
    title, so nothing is split there. Looks at _HEADING_WORDS + 1 characters."""
    stop = _TITLE_STOP_RE.search(text, title, title + _HEADING_WORDS + 1)
    if stop is None or stop.start() - title < _TITLE_MIN_CHARS or text[stop.start()] not in _GLUED_MARK_CHARS:
        return None
    place = stop.start()
    if any(len(phrase) < _TITLE_PHRASE_CHARS for phrase in re.split("[，,]", text[title:place])[1:]):
        return None  # a title of phrases ("加强领导,明确责任") has no short clause after a comma ("抓好安全，落实（一）岗双责")
    token = match_number(text[place:place + _TOKEN_WINDOW], words=words)
    if (token is None or token.ordinal != 1 or token.style not in SAME_LINE_STYLES or token.style == heading.style
            or token.style == "cn_comma" or _item_words_at(text, place, token) is None):
        return None
    return place, token


def _opens_run_on(candidates: list[_Candidate], index: int) -> bool:
    """True when the token at ``candidates[index]`` (numbered 1) is followed, among the next candidates of its
    style, by its items 2 … _RUN_ON_ITEMS in order, none of its style between them out of order. Looks at
    _RUN_ON_ITEMS - 1 tokens of the style at most."""
    count, _ = follow_in_order(_next_ordinals(candidates, index), 1)
    return count + 1 >= _RUN_ON_ITEMS


def _next_ordinals(candidates: list[_Candidate], index: int):
    """The ordinals of the candidates after ``candidates[index]`` of its style, in order (a generator: read lazily)."""
    style = candidates[index][3].style
    return (candidate[3].ordinal for candidate in candidates[index + 1:] if candidate[3].style == style)


def _heading_words_before(text: str, start: int, end: int, words: bool, glued: bool = False) -> bool:
    """True when ``text[start:end]``, a clause's start up to a blank, is a heading's few words (its own number
    aside): one run of at most _HEADING_WORDS characters, no blank inside and no colon or 、 ("坚持系统集成，推动…"
    may hold a comma; not where the item is ``glued`` straight onto the words, "…维护国家法制统一、尊严"). Only then does a
    blank before a first item stand for a lost line break ("一、总体要求 （一）指导思想"); after a sentence's words ("一、目标
    全年完成…，并在 （一）季度末") it does not."""
    head = text[start:end].strip()
    token = match_number(head[:_TOKEN_WINDOW], words=words)
    if token is not None:
        head = head[token.end:].strip()
    return len(head) <= _HEADING_WORDS and not re.search(r"[\s\u3000：:、，,]" if glued else r"[\s\u3000：:、]", head)


def _note_token(style: str, ordinal: int, last: dict[str, int], fresh: set[str]) -> None:
    """Record an item of ``style`` numbered ``ordinal``: the last of its style, and every other style
    may restart at 1 below it."""
    last[style] = ordinal
    fresh.discard(style)
    fresh.update(s for s in last if s != style)


# A notice's list of attachments glued after a sentence's end or a blank ("…早部署。 附件：1.园区项目清单 2.…").
_GLUED_ATTACHMENT_LIST_RE = re.compile(r"(?<=[。；;！？!?）)〕】\s])附\s*件\s*[：:]\s*[1１]\s*[.．、﹒]")


def _part_glued_attachment_lists(lines: list[Line], table_rows: frozenset[int]) -> list[Line]:
    """``lines`` with a list of attachments glued after a sentence inside a line (a copy that lost its breaks: "…三、建设…。
    附件：1.…清单 2.…表") parted from it on a line of its own (same line number), as the page writes it: its numbers name
    files, never the glued items of the line before (GOLD-README "What counts as a measure"; branch outlinematrix53).
    Table rows are left alone. Linear in the text."""
    result: list[Line] = []
    for line in lines:
        found = None if _table_line(line, table_rows) else _GLUED_ATTACHMENT_LIST_RE.search(line.text)
        head = line.text[:found.start()].rstrip() if found else ""
        if not head:
            result.append(line)
            continue
        result += [Line(line.no, head, line.starts_table), Line(line.no, line.text[found.start():], False, line.runs_on)]
    return result


def _split_glued_items(lines: list[Line], words: bool, table_rows: frozenset[int] = frozenset()) -> list[Line]:
    """A page copied without its line breaks (a whole plan on one line: "…X政〔2023〕5号 现将…。 一、总体要求
    (一)指导思想 以… 1.…(A厅、B厅等按职责分工负责) 2.…", issue 13): the headings and items glued after a
    sentence's end or a blank open lines of their own (same line number), as if the breaks were there, so
    that 一、 and （一） hold the 1. below them. Only a line holding at least _MIN_GLUED such items in their
    lists' order (``_glued_places``): a number inside a sentence ("第一、二项", "（一）至（三）项", "1.5亿元",
    "2.0版") is no place, and a line with one glued item is left to ``_split_list_openers``. Table rows and
    attachment lists are left alone. Linear in the text."""
    result: list[Line] = []
    last: dict[str, int] = {}
    fresh: set[str] = set()
    for line in _part_glued_attachment_lists(lines, table_rows):
        own = match_number(line.text, words=words)
        if line.no in table_rows or "\t" in line.text or is_attachment_list(line.text):
            result.append(line)
            continue
        trial_last, trial_fresh = dict(last), set(fresh)
        if own is not None and own.style in SAME_LINE_STYLES:
            _note_token(own.style, own.ordinal, trial_last, trial_fresh)
        places = _glued_places(line.text, trial_last, trial_fresh, words)
        if len(places) < _MIN_GLUED:
            if own is not None and own.style in SAME_LINE_STYLES:
                _note_token(own.style, own.ordinal, last, fresh)
            result.append(line)
            continue
        last, fresh = trial_last, trial_fresh
        bounds = [0] + places + [len(line.text)]
        for k, (begin, end) in enumerate(zip(bounds, bounds[1:])):
            piece = line.text[begin:end].strip()
            if k == 0 and own is None and piece:
                # the page's head before its first item (title, 文号, addressees, signature, the plan's title): its
                # blanks are the breaks it lost, so that the metadata is read as on the page
                parts = [part for part in _BLANKS_RE.split(piece) if part]
                title_end = glued_title_end(parts[0])  # "…实施方案为认真落实…": the title's break was lost too
                if title_end is not None:
                    parts[:1] = [parts[0][:title_end], parts[0][title_end:]]
                result += [Line(line.no, part, line.starts_table) for part in parts]
            elif piece:
                result.append(Line(line.no, piece, line.starts_table if k == 0 else False,
                                   line.runs_on and end == len(line.text)))
    return result


# A regulation's own parts (第一章, 第一节, 第一条: vocabulary/numbering.py's styles) written inside a paragraph.
RULE_STYLES = ("chapter", "chapter_section", "article")
_RULE_TOKEN_RE = re.compile(r"第[ \u3000]*[一二三四五六七八九十百零〇]{1,5}[ \u3000]*[章节節条條]")
# After a token that cites a part instead of opening it ("第十八条、第十九条第一款", "第三条规定的", "第五条（一）项").
_CITING_NEXT = "、，,的和及与或至到中第款项項之规規所（(）)"
# Blanks and the characters of a clause's end a part may open after (the walker's sentence ends and a colon).
_RULE_CLAUSE_END = SENTENCE_END + "：:"
_RULE_TITLE_CHARS = 20  # a chapter's or section's title, between its token and its first article


def opens_with_citation(text: str) -> bool:
    """True when ``text`` opens with a regulation's part cited, not opened ("第三条的要求…", "第十八条、第十九条
    规定的…"): a wrap put the citation at the line's start, and the line goes on with the sentence above."""
    token = match_number(text[:_TOKEN_WINDOW])
    return (token is not None and token.style in RULE_STYLES
            and text[token.end:token.end + 1] in _CITING_NEXT and token.end < len(text))


def _split_rule_lines(lines: list[Line], table_rows: frozenset[int] = frozenset()) -> list[Line]:
    """A regulation, 办法 or 细则 written as one paragraph (a copy that lost its line ends, "…印发给你们。
    …办法第一章总则第一条为…，制定本办法。第二条本办法适用于…。第二章 …", and the PDF made from it): each
    chapter, section and article gets a line of its own (same line number), so they are numbered as when written one
    a paragraph (issue 13: such a 办法 in PDF gave its （一） lists only and none of its 76 chapters and articles).

    A token inside a line opens a part only when it is the next of its style in the document (articles number on
    through it, 第一节 restarts in each chapter; the lines opening with a part count as they come), and
    - an article: at a clause's start (after 。；：！？ or a closing bracket, blanks aside) or right after the
      title of a chapter or section split here, and not followed by what cites it ("第三条、第四条", "第三条规定的");
    - a chapter or section: at a clause's start or glued to the words before it ("…办法第一章总则第一条…"), when
      a short title (at most _RULE_TITLE_CHARS characters, no sentence in it) leads to the next article or, for a
      chapter, to its 第一节 (on the line, or opening the next line when the title ends this one: a PDF's wrap).
    So a citation of a part ("依照本办法第三条", "。第十八条规定的情形") never splits a line. Table rows are left
    as they are. Linear: each 第 of a line is looked at once, in a bounded window."""
    last = dict.fromkeys(RULE_STYLES, 0)
    result: list[Line] = []

    def next_part(text: str, place: int, style: str, expect: int):
        token = match_number(text[place:place + _TOKEN_WINDOW])
        if token is None or token.style != style or token.ordinal != expect:
            return None
        following = text[place + token.end:place + token.end + 1]
        return None if not following or following in _CITING_NEXT else token

    def after_title(text: str, place: int, style: str, next_text: str = "") -> int | None:
        """Where the first part under the chapter or section opening at ``place`` starts, if it follows its title
        (``len(text)`` when the title ends the line and ``next_text``, the next line, opens with that part)."""
        token = match_number(text[place:place + _TOKEN_WINDOW])
        start = place + token.end
        window = text[start:start + _RULE_TITLE_CHARS + _TOKEN_WINDOW]
        if len(text) - start <= _RULE_TITLE_CHARS and not re.search(r"[。；;！？!?，,：:]", text[start:]):
            first = match_number(next_text[:_TOKEN_WINDOW]) if next_text else None
            if first is not None and ((first.style == "article" and first.ordinal == last["article"] + 1)
                                      or (style == "chapter" and first.style == "chapter_section" and first.ordinal == 1)):
                return len(text)
        for m in _RULE_TOKEN_RE.finditer(window):
            if m.start() > _RULE_TITLE_CHARS or re.search(r"[。；;！？!?，,：:]", window[:m.start()]):
                return None
            inner = start + m.start()
            if next_part(text, inner, "article", last["article"] + 1) is not None:
                return inner
            if style == "chapter" and next_part(text, inner, "chapter_section", 1) is not None:
                return inner
            return None
        return None

    def opens_line(text: str):
        """The part the line opens with, when it is one: not a citation a wrap put at the line's start ("第三条规定
        办理。"), and after the last of its style (or a first one, a new regulation)."""
        token = None if "\t" in text else match_number(text)
        if token is None or token.style not in RULE_STYLES or not token.ordinal:
            return None
        following = text[token.end:token.end + 1]
        if following in _CITING_NEXT or not (token.ordinal > last[token.style] or token.ordinal == 1):
            return None
        last[token.style] = token.ordinal
        if token.style == "chapter":
            last["chapter_section"] = 0
        return token

    for index, line in enumerate(lines):
        text = line.text
        next_text = lines[index + 1].text if index + 1 < len(lines) else ""
        own = None if line.no in table_rows else opens_line(text)
        if "\t" in text or line.no in table_rows or "第" not in text[1:]:
            result.append(line)
            continue
        cuts: list[int] = []
        glued_from = -1  # a part may open right here: the end of a chapter's or section's title split before
        if own is not None and own.style in ("chapter", "chapter_section"):
            glued_from = after_title(text, 0, own.style, next_text) or -1
        for m in _RULE_TOKEN_RE.finditer(text, 1):
            place = m.start()
            if cuts and place <= cuts[-1]:
                continue
            back = place  # the character before the token, blanks aside (no slice: linear on a long line)
            while back > 0 and text[back - 1] in " \t\u3000\u00a0":
                back -= 1
            at_clause = place == glued_from or (back > 0 and text[back - 1] in _RULE_CLAUSE_END)
            for style in RULE_STYLES:
                if next_part(text, place, style, last[style] + 1) is None:
                    continue
                if style == "article":
                    if not at_clause:
                        break
                    cuts.append(place)
                    last["article"] += 1
                else:
                    inner = after_title(text, place, style, next_text)
                    if inner is None:
                        break
                    cuts.append(place)
                    last[style] += 1
                    if style == "chapter":
                        last["chapter_section"] = 0
                    glued_from = inner
                break
        if not cuts:
            result.append(line)
            continue
        bounds = [0] + cuts + [len(text)]
        for k, (begin, end) in enumerate(zip(bounds, bounds[1:])):
            piece = text[begin:end].strip()
            if piece:
                result.append(Line(line.no, piece, line.starts_table if k == 0 else False,
                                   line.runs_on and end == len(text)))
    return result


_MAX_JOINED = 4
_OPEN_LIST_ENDS = "、，,；;"


_OPEN_TAIL = 200  # the characters of a line's end searched for an annotation left open


def _bracket_depth(text: str) -> int:
    depth = 0
    for char in text:
        if char in ANNOTATION_OPENERS:
            depth += 1
        elif char in ANNOTATION_CLOSERS and depth:
            depth -= 1
    return depth


def _opens_annotation(text: str) -> bool:
    """True when ``text`` ends inside an annotation it opened and did not close ("一、加强领导。
    （牵头单位：市财政局；" then "完成时限：2023年" then "6月底前）": a PDF's wraps, a web page's <br>):
    the text after its last unclosed bracket reads as an annotation once closed. Bounded: only the
    last _OPEN_TAIL characters are looked at."""
    tail = text[-_OPEN_TAIL:]
    start = _unclosed_bracket(tail)
    if not start:  # none, or the whole tail is the bracket's
        return False
    fragment = tail[start:].rstrip("；;，,、：: ")
    return annotation_line(fragment + "）") is not None


def _unclosed_bracket(text: str) -> int | None:
    """The index in ``text`` of the outermost annotation bracket it opens and leaves open at its end ("…。（牵头单位：A；" ->
    the index of "（"), else None. One pass over ``text``."""
    depth, start = 0, None
    for index, char in enumerate(text):
        if char in ANNOTATION_OPENERS:
            depth, start = depth + 1, (index if depth == 0 else start)
        elif char in ANNOTATION_CLOSERS and depth:
            depth -= 1
    return start if depth else None


def cut_in_annotation(text: str, source: str) -> bool:
    """True when the document ``source`` ends inside the annotation that closes the item ``text`` (the last measure's words):
    its last bracket opened and never closed holds a unit caption or a list of units still being written ("…乱堆乱放。(责任单位:"
    at the file's end, 782; "…(A、B牵头督导,C、D、" 783), and nothing is written after it. The stored copy was cut there: an
    item cut off by the end of the copy is no measure (GOLD-README "What counts as a measure"; fresh42). Bounded: only the last
    _OPEN_TAIL characters of each are looked at."""
    words = re.sub(r"\s", "", text[-_OPEN_TAIL:])
    end = re.sub(r"\s", "", source[-_OPEN_TAIL:])
    if not words or not end.endswith(words[-8:]):
        return False  # the file goes on after the item: a bracket left open inside it is the office's slip
    start = _unclosed_bracket(words)
    if start is None:
        return False
    fragment = words[start:].rstrip("；;，,、：: ")
    return len(fragment) > 1 and (opens_with_unit_caption(words[start + 1:]) or annotation_line(fragment + "）") is not None)


# A title sentence closed by its stop and words going on after it on the same line ("培育…集群。每年安排…"): an item's line
# as a list of policies writes each of its items.
_TITLED_LINE_RE = re.compile(r"^[^。\n]{2,60}。[^\n]")
_SENTENCE_STOPS_RE = re.compile(r"[。；;！!？?]")
# A sentence's words closed by its stop (or the ； of a list of sentences): an item written as one sentence or more.
_CLOSED_SENTENCE_RE = re.compile(r"[。；;！!？?][”’）)]?$")
# A clause break inside an item's words ("推动企业上市挂牌，对首发…"): words going on as a sentence, never a heading's.
_CLAUSE_BREAK_RE = re.compile(r"[，,]")
# The items read back for the list an item at the file's end follows (its numbers before it at its depth).
_TITLED_SIBLINGS_READ = 200


def cut_in_title(measures: list[MeasureDraft], source: str) -> bool:
    """True when the document ``source`` ends inside the first sentence of its last measure: the item's words are one line,
    the file's last, with no sentence's end ("4.提升数" at the end of a stored copy), while the items its number follows in
    its list (``1.`` … ``3.`` at its depth, two at least, also across the groups they are under, in the same style: ``（1）``,
    ``①``, ``（一）``, ``1.`` …) each open their line with a title sentence closed by 。 and words after it
    ("1.培育世界级先进制造业集群。每年安排…"), or, when the cut words break a clause with a comma ("4.推动企业上市挂牌，对首发
    上市的企业给予": a sentence, never a heading's words), each close their words with a sentence's stop ("3.建设…，做到…。";
    branch outlinematrix53). Cut there, the item is cut off the file: no measure (GOLD-README "What counts as a measure":
    only items cut inside their first sentence or a bracket are; a heading whose line is complete stays, as
    ``2.优化现代农业布局规划`` closing a list of headings over paragraphs, or ``三、培育特色集群`` after its list's
    sentences). The item must open the file's last line with its number: a table's row glued inside a line (kinds46) is the
    table reader's. Bounded: at most ``_TITLED_SIBLINGS_READ`` items are read back."""
    if not measures:
        return False
    last = measures[-1]
    words = last.text.strip()
    token = match_number(last.number.strip(), words=True)
    last_line = re.sub(r"\s", "", source.rstrip().rsplit("\n", 1)[-1])  # blanks are layout ("4 . 推动…")
    if (not words or "\n" in words or _SENTENCE_STOPS_RE.search(words) or token is None or not token.ordinal
            or not last_line.startswith(re.sub(r"\s", "", last.number))  # the item opens the file's last line (no table's row)
            or not last_line.endswith(re.sub(r"\s", "", words)[-12:])):
        return False
    clause = bool(_CLAUSE_BREAK_RE.search(words))
    expected, closed = token.ordinal - 1, 0
    for measure in reversed(measures[-_TITLED_SIBLINGS_READ:-1]):
        if len(measure.path) != len(last.path):
            continue
        sibling = match_number(measure.number.strip(), words=True)
        text = measure.text.strip()
        if (sibling is None or sibling.style != token.style or sibling.ordinal != expected
                or not (_TITLED_LINE_RE.match(text) or clause and _CLOSED_SENTENCE_RE.search(text))):
            break
        closed, expected = closed + 1, expected - 1
        if expected < 1:
            break
    return closed >= 2


def _opener_before_caption(text: str, following: str) -> bool:
    """True when ``text`` ends on a bracket it opens and nothing after it, and the ``following`` line opens with a unit
    caption ("…补齐照明设施。（" then "责任单位：A、B）": a PDF's or a narrow column's wrap right after the opener): the two are
    one annotation, never a caption line of its own whose closer would stay in the last unit's name (found as a failing
    example of tests/unit/test_parser_pdf_rules.py's wrapped plan; branch kinds42)."""
    stripped = text.rstrip()
    return ends_in(stripped, ANNOTATION_OPENERS) and _bracket_depth(stripped) > 0 and opens_with_unit_caption(following)


def _duty_list_goes_on(text: str, following: str) -> bool:
    """Does the duty line ``text``, written in words on a line of its own, break inside its list of units, the copy having
    cut it after a separator ("县商务局牵头，县市场监管局、" + "县公安局配合。", "A、B、" + "C等负责")? Only when the two lines
    joined are a duty line and nothing else (``annotations.duty_line``): a sentence wrapped after a comma stays apart
    (GOLD-README "kinds49")."""
    return ends_in(text.rstrip(), "、，,") and duty_line(text.rstrip() + following.strip()) is not None


# How far into a line a label of units written before the item's number may close (a few units' names and their bracket).
_LABEL_REACH = 64


def _label_before_number(text: str, words: bool) -> tuple[str, NumberToken] | None:
    """(the line with its label moved after its number, the number) when ``text`` opens with a bracket of units and an
    item's number right after it ("（县财政局）1.完成…", "【市发改委】2.推进…": the office's label of who does the item, written
    first), else None. The label must read as units before an item's words (``annotations.units_before_words``: every name a
    unit's, full names in a round bracket)."""
    stripped = text.lstrip()
    if not stripped or not ends_in(stripped[:1], ANNOTATION_OPENERS):
        return None
    for close in range(2, min(len(stripped), _LABEL_REACH)):
        if not ends_in(stripped[close], ANNOTATION_CLOSERS):
            continue
        rest = stripped[close + 1:].lstrip()
        token = match_number(rest, words=words)
        if token is None or token.end >= len(rest):
            continue
        moved = rest[:token.end] + stripped[:close + 1] + rest[token.end:]
        if units_before_words(moved[token.end:]) is not None:
            return moved, token
    return None


def _labels_before_numbers(lines: list[Line], words: bool, table_rows: frozenset[int] = frozenset()) -> list[Line]:
    """Lines whose item's label of units is written before its number ("（县财政局）1.完成资金拨付。", "【市发改委】2.推进…")
    written as the number, then the label, then the words ("1.（县财政局）完成资金拨付。"), which the walker reads as the item's
    units before its words (GOLD-README "kinds49"). Only where the list shows the style: the number opens its list (1, 一,
    （一）), or the item numbered before it in the same style had its label so; a bracket before a later item whose list
    began without one ("1.完成…。" / "（县财政局）2.落实…") is still read as the item above's annotation, a copy having lost
    the break after it. Table rows are left alone. Linear (each line tries closers within _LABEL_REACH characters)."""
    result: list[Line] = []
    labelled: set[str] = set()  # the styles whose last item had its label before the number
    for line in lines:
        if _table_line(line, table_rows):
            result.append(line)
            continue
        found = _label_before_number(line.text, words)
        if found is not None and (found[1].ordinal == 1 or found[1].style in labelled):
            labelled.add(found[1].style)
            result.append(replace(line, text=found[0]))
            continue
        own = match_number(line.text.lstrip(), words=words)
        if own is not None:
            labelled.discard(own.style)
        result.append(line)
    return result


def _join_broken_annotations(lines: list[Line], words: bool) -> list[Line]:
    """An annotation broken over lines (a PDF or a narrow Word column): a line opening with a
    bracket it does not close ("（牵头单位：市财政局；配合单位：市税务局，" + "各区县政府）"), an
    item's line ending inside an annotation it opened (``_opens_annotation``) or on its opener alone before a caption
    (``_opener_before_caption``), a caption line ending in a list separator ("牵头单位：市财政局、" + "市税务局"), or a caption
    alone ("牵头单位：" + "市财政局", its colon lost too: "责任单位" + "市财政局", ``annotations.caption_without_colon``), or a
    duty line in words broken inside its list (``_duty_list_goes_on``), or a caption line whose list the line end cut inside
    a name or before a separator (``_caption_list_goes_on``: "责任单位：A、市发展改" + "革委"), is joined with the lines
    that follow, up to _MAX_JOINED lines and never with a numbered one. A printed page's number between them (a PDF's text
    copied: "…、功能区管委" / "— 1 —" / "会", ``pdf.is_page_mark``) is layout, dropped (branch captions60). Linear."""
    result: list[Line] = []
    texts = [line.text for line in lines]
    written = Counter(text.strip() for text in texts)
    index = 0
    while index < len(lines):
        line = lines[index]
        text = line.text
        joined = 1  # lines of words joined
        taken = 1  # lines used up: those joined and the page marks between them
        while index + taken < len(lines) and joined < _MAX_JOINED:
            marks = 0
            while (index + taken + marks < len(lines) and marks < _MAX_PAGE_MARKS
                   and is_page_mark(lines[index + taken + marks].text)):
                marks += 1
            if (marks and index + taken + marks + 1 < len(lines) and written[lines[index + taken + marks].text.strip()] > 1
                    and match_number(lines[index + taken + marks].text, words=words) is None
                    and not opens_with_unit_caption(lines[index + taken + marks].text)):
                marks += 1  # the next page's running header after the page's number (a line the pages repeat): layout
            ahead = index + taken + marks
            if ahead >= len(lines) or match_number(lines[ahead].text, words=words) is not None:
                break
            following = lines[ahead].text
            bare = caption_without_colon(text)
            if ((ends_in(text[:1], ANNOTATION_OPENERS) and _bracket_depth(text) > 0)
                    or (_bracket_depth(text) > 0 and _opens_annotation(text))
                    or is_caption_only(text) or ends_with_bracketed_caption(text)
                    or (ends_in(text, _OPEN_LIST_ENDS) and annotation_line(text.rstrip(_OPEN_LIST_ENDS)) is not None)
                    or _duty_list_goes_on(text, following)
                    or _opener_before_caption(text, following)):
                text += following
            elif signature_at(texts, ahead):
                break  # the issuer under the last item's list ("…、市发展改" / "某市人民政府办公室" / date): the signature
            elif bare is not None and _caption_list_goes_on(bare, following, whole=True) is not None:
                text = bare + following.strip()  # "责任单位" + "市财政局、市审计局": the caption's colon lost
            else:
                goes_on = _caption_list_goes_on(text, following)
                if goes_on is None:
                    break
                text = goes_on
            joined += 1
            taken += marks + 1
        last = lines[index + taken - 1]
        result.append(line if taken == 1 else Line(line.no, text, line.starts_table, last.runs_on))
        index += taken
    return result


# Page marks in a row between two lines of one annotation (a page's number, then the next page's); more is no page break.
_MAX_PAGE_MARKS = 2


def _whole_name(name: str) -> bool:
    """Does the piece ``name`` of a unit list read as a whole unit's name: two characters at least (a remark in brackets
    and a closing 等 aside) ending as a body's name ends or naming an area that answers (``units.UNIT_SUFFIX_RE``,
    ``units.is_area_unit``)? "市发展改", "嵊山镇人民政", "会" are pieces of a name the line end cut."""
    bare = re.sub(r"[（(〔][^（()）〔〕]*[）)〕]?$", "", (name or "").strip()).removesuffix("等").strip()
    return len(bare) >= 2 and bool(UNIT_SUFFIX_RE.search(bare) or is_area_unit(bare))


_LIST_CUTS_RE = re.compile(r"[、，,；;：:\s]")


def _caption_list_goes_on(text: str, following: str, whole: bool = False) -> str | None:
    """``text``, a caption line of units ("责任单位：A、B", its colon lost too), joined with the line ``following`` when that
    line goes on its list: the line end cut a name in two ("责任单位：市财政局、市发展改" + "革委、市审计局", "…、功能区管委" +
    "会（列第一位者为牵头或汇总单位，下同）"; the last name of ``text`` or the first of ``following`` is no whole name,
    ``_whole_name``) or fell before a separator ("…市发展改革委" + "、市财政局"); else None. The names ``following`` adds must
    read as units (``unitnames.plausible_units``, strict): a sentence under the caption ("各单位要于每月5日前报送进展情况。"),
    a caption, a date or a signature line never goes on the list. Two whole names at the break ("…市司法局" + "市财政局")
    are left apart: the line may be a text of its own. With ``whole``, ``text`` is a caption and its colon alone ("责任单位：",
    its colon lost and put back): ``following`` is its whole list, any names. GOLD-README "captions60"."""
    head = following.strip()
    if not head or opens_with_unit_caption(head) or annotation_line(head) is not None or bare_deadline_line(head) is not None:
        return None
    written = text.rstrip()
    found = annotation_line(written)
    if found is not None and found.unreadable:
        return None
    # the line closes on a caption whose list is on the next line ("按月调度；责任单位：" + "A、B"): the next line is its list
    whole = whole or (found is not None and ends_with_unit_caption(written))
    if found is None or not (found.entries or whole):
        # a caption whose colon is lost and whose only name the line end cut ("牵头部门 市税务" + "局"): read once joined
        if not opens_with_colonless_caption(written):
            return None
        found = None
    if head[:1] not in _OPEN_LIST_ENDS and not whole:
        tail = _LIST_CUTS_RE.split(written)[-1]
        first = _LIST_CUTS_RE.split(head)[0]
        if _whole_name(tail) and _whole_name(first):
            return None
    joined = join_wrapped(written, head)
    again = annotation_line(joined)
    if again is None or len(again.entries) < 1:
        return None
    before = {name for _, name in found.entries} if found is not None else set()
    added = [name for _, name in again.entries if name not in before]
    if not added or not plausible_units(added, True):
        return None
    return joined


# A table of contents (目录) before an outline's body: the caption on a line of its own, then its entries, headings
# without a sentence (a page number or a leader may close them), until the body repeats its first entry.
_CONTENTS_CAPTION_RE = re.compile(r"^目[ \t\u3000]*[录錄][ \t\u3000]*[：:]?$")
_CONTENTS_LEADER_RE = re.compile(r"[.．·…—\-_ \t\u3000]*[0-9０-９]{0,4}$")
_CONTENTS_ENTRY_CHARS = 40
_CONTENTS_MIN_ENTRIES = 2


def _contents_key(text: str) -> str:
    return _BLANKS_RE.sub("", _CONTENTS_LEADER_RE.sub("", text)) or _BLANKS_RE.sub("", text)


def _drop_contents(lines: list[Line]) -> list[Line]:
    """The lines left without a table of contents (目录) that stands before an outline's body (GOLD-README "Decimal
    outlines": a 目录 is navigation, no measures; branch fresh61, 1106). ``lines``: the cleaned lines; returns them
    with the caption line (``目录``, ``目 录``, ``目錄``, alone on its line) and its entries dropped, when the entries
    are at least two lines of at most _CONTENTS_ENTRY_CHARS characters without a sentence's stop (``1 总则``, ``1.1编制目的``,
    ``一、总则 ……… 3``) and a later line repeats the first entry (its leader and page number aside): that line is where
    the body starts. Contents that the body never repeats are left as they are (no body to tell them from). Linear."""
    for index, line in enumerate(lines):
        if not _CONTENTS_CAPTION_RE.match(line.text.strip()):
            continue
        entries = lines[index + 1:]
        if len(entries) <= _CONTENTS_MIN_ENTRIES:
            return lines
        first = _contents_key(entries[0].text)
        for offset, entry in enumerate(entries):
            if offset >= _CONTENTS_MIN_ENTRIES and _contents_key(entry.text) == first:
                return lines[:index] + entries[offset:]
            if len(entry.text) > _CONTENTS_ENTRY_CHARS or _SENTENCE_STOPS_RE.search(entry.text):
                return lines
        return lines
    return lines


def _drop_page_marks(lines: list[Line], table_rows: frozenset[int]) -> list[Line]:
    """The lines left without the printed pages' numbers (``pdf.is_page_mark``: "— 1 —", "第 2 页 共 3 页") that a text
    copied out of a PDF keeps where a page broke, once the paragraphs and annotations they cut are joined
    (``_join_wrapped_lines``, ``_join_broken_annotations``, which use them): a number standing between an item and its
    caption line ("责任单位：…" / "— 1 —" / "时限要求：…"), or after the last item the store cut, is layout, never a line of the
    plan (branch prose63). Lines of a table are kept (tables.py reads its own page marks). Linear."""
    return [line for line in lines if line.no in table_rows or not is_page_mark(line.text)]


# The last lines of a text looked at for its last page's number (and blank lines around it).
_LAST_MARK_LINES = 4


def _before_last_page_marks(source: str) -> str:
    """``source`` without the printed page's number after its last words ("…(责任单位:" / "- 2 -" at the end of a text
    copied out of a PDF; ``pdf.is_page_mark``), so that an item the store cut is seen cut at the file's end (branch
    prose63). Looks at the last _LAST_MARK_LINES lines only."""
    head, *tail = source.rstrip().rsplit("\n", _LAST_MARK_LINES)
    while tail and (not tail[-1].strip() or is_page_mark(tail[-1])):
        tail.pop()
    return "\n".join([head, *tail]) if tail else (head if not is_page_mark(head) else "")


def _join_clause_lines(lines: list[Line], words: bool, table_rows: frozenset[int] = frozenset()) -> list[Line]:
    """``lines`` with each run of an annotation written one clause a line ("牵头单位：A" / "按月调度" / "由B配合" /
    "长期坚持", ``annotations.clause_line``) joined into one line, as the office would write it on one
    (``annotations.join_clause_lines``; GOLD-README "clauses47"). A numbered line, a table's row or a line that is no
    clause of an annotation (a heading, a body paragraph) ends the run. Linear: each line is looked at once."""
    result: list[Line] = []
    run: list[tuple[Line, ClauseLine]] = []

    def close_run() -> None:
        joined = join_clause_lines([found for _, found in run])
        if joined is None:
            result.extend(line for line, _ in run)
        else:
            first, last = run[0][0], run[-1][0]
            result.append(Line(first.no, joined, first.starts_table, last.runs_on))
        run.clear()

    for line in lines:
        found = None
        if line.no not in table_rows and not line.starts_table and match_number(line.text, words=words) is None:
            found = clause_line(line.text)
        if found is None:
            close_run()
            result.append(line)
        else:
            run.append((line, found))
    close_run()
    return result


def _join_badge_numbers(lines: list[Line], table_rows: frozenset[int]) -> list[Line]:
    """``lines`` with each number a news page's badge left alone on its line ("1", then the item's paragraph on the
    next line) joined to the item's words as one numbered line ("1.新建城乡公园20个…"), where the numbers make a list
    (``numbering.badge_items``: 1, 2, 3 … in order, each above a sentence); a lone number outside such a run (a page
    number, a count, a footnote's mark) is left as it was (GOLD-README "deadlines28").

    A timetable's steps ("• 01" / "制定普查方案" / "2018年1月-9月" / "1.…": ``numbering.step_numbers``) are joined to their
    title with a blank, the bullet dropped ("01 制定普查方案"): a number of its own style (``SPACED_STYLE``), so that the
    step's items "1." "2." nest under it and the next step "02" closes them (GOLD-README "numbers67")."""
    steps = step_numbers(lines, table_rows)
    badges = badge_items(lines, table_rows | frozenset(lines[at].no for at in steps))
    if not badges and not steps:
        return lines
    result: list[Line] = []
    for index, line in enumerate(lines):
        if index - 1 in badges or index - 1 in steps:
            continue  # the item's words or the step's title, joined to its number above
        if index in badges:
            result.append(Line(line.no, f"{line.text}.{lines[index + 1].text}", line.starts_table))
        elif index in steps:
            number = line.text.strip()[-2:]
            result.append(Line(line.no, f"{number} {lines[index + 1].text.strip()}", line.starts_table))
        else:
            result.append(line)
    return result


def _table_rows(source: list[Line], rewritten: list[Line]) -> frozenset[int]:
    """The line numbers of the lines a task table's rows became (``tables.rewrite_table_rows`` rewrites
    only tables: a line whose text it changed was a row or a cell). Their numbered notes are the row's
    text (GOLD-README: "1.…得2分。2.…" in a criteria or progress cell), never a list on one line."""
    written = {line.no: line.text for line in source}
    return frozenset(line.no for line in rewritten if written.get(line.no) != line.text)


_LAYOUT_CELL_CHARS = 100  # fewest characters of such a cell: a page's paragraphs, not a table's cell laid out one a line


def _layout_cell_text(lines: list[Line]) -> list[Line]:
    """``lines`` with the pipe dropped from a long line of sentences closed by a pipe right under a lone pipe ("|" /
    "[接上页] （五）…。 四、时间安排 （一）…。 |"): a site's layout table around the page's text, one cell, as
    ``_unbordered_lines`` reads "| … |" (GOLD-README "stages58", 1062): only when it is the file's one line with a pipe
    and text, so a table laid out one cell a line, whose long task cell follows an empty cell's lone pipe, stays a
    table. Linear."""
    piped = [at for at, line in enumerate(lines) if ("|" in line.text or "｜" in line.text) and line.text.strip() not in ("|", "｜")]
    if len(piped) != 1 or piped[0] == 0 or lines[piped[0] - 1].text.strip() not in ("|", "｜"):
        return lines
    at = piped[0]
    text = lines[at].text.rstrip(" \t\u3000")
    cell = text[:-1].rstrip(" \t\u3000")  # sentences, no tab nor other pipe
    if (not text.endswith(("|", "｜")) or len(cell) < _LAYOUT_CELL_CHARS or any(c in cell for c in "|｜\t")
            or not any(c in cell for c in "。；;")):
        return lines
    return lines[:at] + [replace(lines[at], text=cell)] + lines[at + 1:]


def _unbordered_lines(lines: list[Line], tables: frozenset[int]) -> list[Line]:
    """Lines outside the task tables (``tables``: ``_table_extent``) holding one cell between a page's border pipes
    ("| 1.推进…（A牵头） |") read as their text: a line is a table's row only with two cells or more
    (``tables.one_cell_text``, branch kinds35)."""
    result = []
    for line in lines:
        text = one_cell_text(line.text) if line.no not in tables else None
        result.append(line if text is None else replace(line, text=text))
    return result


def _table_extent(lines: list[Line], rows: frozenset[int]) -> frozenset[int]:
    """The line numbers from each table's first line (``Line.starts_table``) to its last row the table reader
    rewrote (``rows``, ``_table_rows``): the rows and the group rows between them ("二、…" alone in a Word table's
    merged row, which the reader leaves as it is). Used by ``_join_wrapped_lines``: no line of a table is a wrap."""
    starts = sorted(line.no for line in lines if line.starts_table)
    extent: set[int] = set()
    for k, start in enumerate(starts):
        stop = starts[k + 1] if k + 1 < len(starts) else None
        last = max((no for no in rows if no >= start and (stop is None or no < stop)), default=None)
        if last is not None:
            extent.update(range(start, last + 1))
    return frozenset(extent)


def _uses_word_list(lines: list[Line]) -> bool:
    """True when lines open with both 首先， and 其次， (then they number the items)."""
    return all(any(regex.match(line.text) for line in lines) for regex in _WORD_LIST_RE)


def _warning_line(warning: str) -> int:
    """The line a warning names ("…（第 23 行）"), to list warnings in document order."""
    m = re.search(r"第 (\d+)", warning)
    return int(m.group(1)) if m else 0


def parse_plan_text(text: str) -> PlanDraft:
    """Parse the decoded text of a plan into a ``PlanDraft``.

    ``text``: the whole document as a string (any line ends; HTML/Markdown noise allowed).
    Returns the draft with header metadata, every numbered item (headings and inline items
    included) in document order, sections for a multi-document file, and warnings. Never
    raises on content: an empty document or one without numbered items gives a draft with no
    measures and the warning "未识别到编号条目…". Time is linear in the length of ``text``.
    """
    source = normalize_source(text or "")
    document = clean_document(source)
    document = replace(document, lines=_drop_contents(_layout_cell_text(document.lines)))
    table_headers: list[int] = []
    table_warnings: list[str] = []
    blank_cut: set[int] = set()  # rows of tables cut by single blanks: their blanks are layout
    lines = rewrite_table_rows(document.lines, table_headers, table_warnings, blank_cut)
    rows = _table_rows(document.lines, lines)
    lines = _unbordered_lines(lines, _table_extent(lines, rows))
    lines = _join_badge_numbers(lines, rows)
    words = _uses_word_list(lines)
    lines = _labels_before_numbers(lines, words, _table_extent(lines, rows))
    lines = _split_outline_runs(lines, rows)
    lines = _split_glued_items(_split_rule_lines(_join_wrapped_lines(lines, words, _table_extent(lines, rows)), rows), words, rows)
    lines = _split_run_lines(_split_list_openers(lines, words, rows), words, rows)
    lines = _join_broken_annotations(lines, words)
    lines = _drop_page_marks(lines, rows)
    lines = _join_clause_lines(lines, words, _table_extent(lines, rows))
    start = _find_body_start(lines, words)
    cut_start = start
    if start is not None:
        start = _past_cut_section(lines, start, words)
    # The rule may be written in a table's header ("责任单位（列第一位的为牵头单位）"), which the
    # table's rows replace: it is looked for in the lines as read too, the first statement counting.
    rules = [find_precedence_rule([(l.no, l.text) for l in found]) for found in (lines, document.lines)]
    walker = BodyWalker(min((no for no in rules if no is not None), default=None), words)
    walker.note_duty_lists(lines)  # "某区人民政府" / "2023年度…责任清单": the body leads the list under it
    if start is not None:
        handed = _plan_after_notice(lines, start, words)
        plan_start = handed[0] if handed else None
        plan_title = _COUNT_REMARK_RE.sub("", lines[handed[1]].text.strip()) if handed else None
        # the items of a section cut off the file above (``_past_cut_section``) are no measures, nor a speech's header
        header, body = lines[:cut_start], lines[start if plan_start is None else plan_start:]
        if plan_start is None and not any(_HANDS_OVER_RE.search(line.text) for line in header):
            # a speech's opening paragraphs may hold a list before its first numbered part
            # ("今年要抓好四件事：一是…四是…", then "一、…"): top-level items (GOLD-README); a
            # cover notice's own requirements before the plan it hands over are not measures
            walker.walk_unnumbered(header)
        walker.walk(body)
    else:
        plan_title = None
        walker.walk_unnumbered(lines)
        first = walker.measures[0].line if walker.measures else None
        header = lines if first is None else [l for l in lines if l.no < first]
        if walker.measures:  # the paragraphs outside every list are not orphans to report
            walker.orphans = [l for l in lines if l.no > walker.measures[-1].line]

    last_start = walker.measures[-1].line if walker.measures else 0
    tail = [l for l in walker.orphans if l.no > last_start][-_TAIL_LINES:]
    metadata = extract_metadata(header[:_HEADER_LINES], tail, document.front_matter, lines)
    if plan_title:  # the plan's own title, preferred to the cover notice's (GOLD-README "Format")
        metadata = replace(metadata, title=plan_title)
    # The year of issue (the signing date's, else the 文号's) completes deadlines written without
    # a year ("6月底前", "年内").
    year = issue_year(metadata.issued_on, metadata.own_doc_number)
    raw_lines = source.split("\n")
    _drop_criteria_times(walker.measures)
    for index, measure in enumerate(walker.measures):
        if is_past_report(measure.deadline, measure.text, metadata.issued_on):
            # "2022年，全市新建…" in a 2023 plan: a result; the next time the text writes may be the deadline
            measure.deadline = find_text_deadline(measure.text, metadata.issued_on)
            measure.recurrence = recurrence_of(measure.deadline)
        # under a period heading ("2020年任务：一是4月底前…") a year-less deadline falls in the heading's year
        measure.due_date = parse_due_date(measure.deadline, measure.period_year or year, metadata.issued_on)
        if measure.deadline and measure.line and measure.line not in blank_cut:  # the deadline keeps its stray blanks
            following = walker.measures[index + 1].line if index + 1 < len(walker.measures) else 0
            end = max(measure.line, min(following, measure.line + _RAW_LINES) if following else measure.line + _RAW_LINES)
            measure.deadline = as_written(measure.deadline, "\n".join(raw_lines[measure.line - 1:end]))

    # A list numbered again under one parent (seed 002, 篇四 一、) gets unique paths; numbered
    # lines that restart are already reported by the level tracker ("编号重复或倒退").
    repeats = [f"编号重复：同一条目下又出现{m.number}（第 {m.line} 行），这一组的序号记为“{m.path[-1]}”等，导入前请核对"
               for m in make_paths_unique(walker.measures) if m.inline]
    warnings = sorted(walker.warnings + repeats + walker.orphan_warnings() + table_warnings, key=_warning_line)
    if walker.truncated:
        last = walker.measures[-1].line
        warnings.insert(0, f"{TOO_MANY_WARNING}：一份方案最多读取 {walker.limit} 个编号条目，读到第 {last} 行为止，"
                           "其后的内容未读取；请确认选对了文件，或把文件拆成几份后分别导入。")
    if not walker.measures and table_headers:
        if not any(w.startswith(EMPTY_TABLE_WARNING) for w in warnings):  # rows were read, none numbered
            warnings.append(empty_table_warning(table_headers[0]))
    elif not walker.measures:
        reason = "文件没有文字内容" if not lines else "文中没有以“一、”“（一）”“1.”“第一，”等编号开头的段落"
        warnings.append(f"未识别到编号条目：{reason}，请检查文件内容或格式。")
    written = _before_last_page_marks(source)  # the copy's words end where its last page's number stands after them
    if walker.measures and cut_in_annotation(walker.measures[-1].text, written):
        cut = walker.measures.pop()
        warnings.append(f"文件在最后一条（第 {cut.line} 行）的单位注释中途结束，可能不完整：该条未读入，请核对原文后补录")
    elif cut_in_title(walker.measures, written):
        cut = walker.measures.pop()
        warnings.append(f"文件在最后一条（第 {cut.line} 行）的第一句中途结束，可能不完整：该条未读入，请核对原文后补录")
    last_line = source.count("\n") + 1
    sections = build_sections(walker.measures, last_line, metadata.title)
    return PlanDraft(
        title=metadata.title, doc_number=metadata.doc_number, issuer=metadata.issuer,
        issued_on=metadata.issued_on, measures=walker.measures, warnings=warnings,
        source_text=source, sections=sections,
    )
