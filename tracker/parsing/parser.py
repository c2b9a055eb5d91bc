"""From plan text to a ``PlanDraft``: the body walk that builds measures.

Steps (each rule names the seed line that called for it):
1. ``normalize_source`` (NFC, LF) and ``clean_document`` (noise out, line numbers kept).
2. Task-table rows become annotated lines (``tables.rewrite_table_rows``).
3. The body starts at the first line opening with a numbering token whose ordinal is 1; the
   lines above it are the header (metadata only: seed 003 lines 1–12 are never numbering).
4. Walking the body, a line is
   - a new item when it opens with a numbering token;
   - an annotation of the current item when it is only an annotation ("牵头单位：…");
   - a wrapped continuation when the previous line did not end a sentence (。；！？：”」）) and
     the item is not a bare heading line (seed 003 一（三）, lines 16–17);
   - an intro paragraph of a heading line ("一、…" without sentence punctuation, followed by
     unnumbered paragraphs, as in the speech of seed 000);
   - otherwise a real paragraph break: it belongs to no item (the closing paragraph of seed
     003, line 34, is not glued onto 四（四）).
5. Each item's trailing annotation gives its units and deadline; the text keeps the rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .annotations import (Annotation, annotation_line, find_precedence_rule, resolve_units,
                          split_trailing_annotations)
from .cleaning import Line, clean_document, is_cjk, normalize_source, normalize_spaces
from .deadlines import parse_due_date
from .draft import MeasureDraft, PlanDraft
from .metadata import extract_metadata
from .numbering import LevelTracker, NumberToken, match_number
from .tables import rewrite_table_rows

SENTENCE_END = "。；！？：”」）;!?:)』】"
_HEADING_BREAKERS_RE = re.compile(r"[。；！？;!?]")
TITLE_MAX_CHARS = 60
_TAIL_LINES = 8
_HEADER_LINES = 40


@dataclass
class _Item:
    """An item being built while walking the body."""

    token: NumberToken
    path: list[str]
    level: int
    line: int
    is_heading: bool
    paragraphs: list[str]
    last_line: int
    open: bool
    own_line_annotations: list[Annotation] = field(default_factory=list)


def _is_heading_text(text: str) -> bool:
    """A heading line: short, no sentence punctuation, no unit annotation ("防控金融高杠杆风险",
    "规划期限（2016—2020年）")."""
    stripped = text.strip()
    if split_trailing_annotations(stripped)[1]:
        return False  # "一、加强监管（牵头单位：…）" is a measure, not a bare heading
    return len(stripped) <= TITLE_MAX_CHARS and not _HEADING_BREAKERS_RE.search(stripped)


def _ends_sentence(text: str) -> bool:
    return text.rstrip()[-1:] in SENTENCE_END


def _join(left: str, right: str) -> str:
    """Join a wrapped line to the previous one: no space, except between two Latin characters."""
    if left and right and not is_cjk(left[-1]) and not is_cjk(right[0]) and left[-1].isalnum() and right[0].isalnum():
        return f"{left} {right}"
    return left + right


def _title(item: _Item, text: str) -> str | None:
    """Short heading of an item: a heading line's whole text, or the text before the first 。."""
    if item.is_heading:
        first = normalize_spaces(item.paragraphs[0]).strip().rstrip("：:")
        return first or None
    first_paragraph = text.split("\n", 1)[0]
    candidate = first_paragraph.split("。", 1)[0] if "。" in first_paragraph else first_paragraph
    candidate = candidate.strip().rstrip("：:")
    if not candidate or len(candidate) > TITLE_MAX_CHARS:
        return None
    return candidate


def _find_body_start(lines: list[Line]) -> int | None:
    for index, line in enumerate(lines):
        token = match_number(line.text)
        if token is not None and token.ordinal == 1:
            return index
    return None


class _BodyWalker:
    """Walks the body lines and builds ``MeasureDraft`` objects (see the module docstring)."""

    def __init__(self, precedence_line: int | None) -> None:
        self.precedence_line = precedence_line
        self.tracker = LevelTracker()
        self.measures: list[MeasureDraft] = []
        self.warnings: list[str] = []
        self.orphans: list[Line] = []
        self.current: _Item | None = None
        self.broken = False

    def walk(self, lines: list[Line]) -> None:
        """Build the measures of the body ``lines`` (cleaned, from the first numbered item on)."""
        for line in lines:
            token = match_number(line.text)
            if token is not None:
                self._start_item(token, line)
            else:
                self._add_line(line)
        self._finish()

    def _start_item(self, token: NumberToken, line: Line) -> None:
        self._finish()
        rest = line.text[token.end:].strip()
        heading = _is_heading_text(rest)
        path, level, warnings = self.tracker.place(token, line.no, heading)
        self.warnings += warnings
        self.current = _Item(token, path, level, line.no, heading, [rest], line.no,
                             open=not heading and not _ends_sentence(rest))
        self.broken = False

    def _add_line(self, line: Line) -> None:
        item = self.current
        if item is None or self.broken:
            self.orphans.append(line)
            return
        annotation = annotation_line(line.text, line.no)
        if annotation is not None:
            item.own_line_annotations.append(annotation)
            item.open = False
            item.last_line = line.no
            return
        if item.open:
            item.paragraphs[-1] = _join(item.paragraphs[-1], line.text)
        elif item.is_heading:
            item.paragraphs.append(line.text)
        else:
            self.broken = True
            self.tracker.note_break()
            self.orphans.append(line)
            return
        item.open = not _ends_sentence(line.text)
        item.last_line = line.no

    def _finish(self) -> None:
        item, self.current = self.current, None
        if item is None:
            return
        full_text = "\n".join(item.paragraphs)
        text, annotations = split_trailing_annotations(full_text, item.last_line)
        annotations += item.own_line_annotations
        for annotation in annotations:
            if not annotation.entries and annotation.deadline is None:
                self.warnings.append(f"单位标注无法读取：“{annotation.raw}”（第 {annotation.line or item.line} 行）")
        precedence = self.precedence_line is not None and self.precedence_line <= item.last_line
        lead, supporting, deadline = resolve_units(annotations, precedence)
        text = "\n".join(p for p in (normalize_spaces(p).strip() for p in text.split("\n")) if p)
        self.measures.append(MeasureDraft(
            path=item.path, number=item.token.written, level=item.level, title=_title(item, text),
            text=text, lead_units=lead, supporting_units=supporting, deadline=deadline,
            due_date=None, line=item.line,
        ))

    def orphan_warnings(self) -> list[str]:
        """One warning per run of unnumbered paragraphs lying between two items."""
        if not self.measures:
            return []
        last_start = self.measures[-1].line
        runs: list[list[int]] = []
        for line in self.orphans:
            if line.no > last_start:
                continue
            if runs and line.no <= runs[-1][-1] + 1:
                runs[-1].append(line.no)
            else:
                runs.append([line.no])
        warnings = []
        for run in runs:
            where = f"第 {run[0]} 行" if run[0] == run[-1] else f"第 {run[0]}–{run[-1]} 行"
            warnings.append(f"{where}的段落没有编号，未归入任何条目，请核对是否属于上一条")
        return warnings


def _warning_line(warning: str) -> int:
    """The line a warning names ("…（第 23 行）"), to list warnings in document order."""
    m = re.search(r"第 (\d+)", warning)
    return int(m.group(1)) if m else 0


def parse_plan_text(text: str) -> PlanDraft:
    """Parse the decoded text of a plan into a ``PlanDraft``.

    ``text``: the whole document as a string (any line ends; HTML/Markdown noise allowed).
    Returns the draft with header metadata, every numbered item (headings included) in document
    order, and warnings. Never raises on content: an empty document or one without numbered
    items gives a draft with no measures and the warning "未识别到编号条目…".
    """
    source = normalize_source(text or "")
    document = clean_document(source)
    lines = rewrite_table_rows(document.lines)
    start = _find_body_start(lines)
    header = lines if start is None else lines[:start]
    body = [] if start is None else lines[start:]

    walker = _BodyWalker(find_precedence_rule([(l.no, l.text) for l in lines]))
    walker.walk(body)
    last_start = walker.measures[-1].line if walker.measures else 0
    tail = [l for l in walker.orphans if l.no > last_start][-_TAIL_LINES:]
    metadata = extract_metadata(header[:_HEADER_LINES], tail, document.front_matter)
    # The signing year completes deadlines written without a year ("6月底前").
    year = metadata.issued_on.year if metadata.issued_on else None
    for measure in walker.measures:
        measure.due_date = parse_due_date(measure.deadline, year)

    warnings = sorted(walker.warnings + walker.orphan_warnings(), key=_warning_line)
    if not walker.measures:
        reason = "文件没有文字内容" if not lines else "文中没有以“一、”“（一）”“1.”“第一，”等编号开头的段落"
        warnings.append(f"未识别到编号条目：{reason}，请检查文件内容或格式。")
    return PlanDraft(
        title=metadata.title, doc_number=metadata.doc_number, issuer=metadata.issuer,
        issued_on=metadata.issued_on, measures=walker.measures, warnings=warnings,
        source_text=source,
    )
