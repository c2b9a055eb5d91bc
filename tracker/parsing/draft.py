"""The parser's output: a plan draft and its measures (plain dataclasses, no I/O).

A draft is what the parser read; nothing is stored yet. ``PlanDraft.to_dict()`` is exactly the
``parse-plan`` JSON object of /work/shared/CONTRACTS.md section 1 (kept in this repo as the
contract the rest of the app relies on).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field


@dataclass
class MeasureDraft:
    """One numbered item of a plan, at any level (a heading such as ``一、`` or a measure such as ``（一）``).

    Fields:
        path: numbering tokens from the root, each as written minus a trailing 、 . ． ， (and
            without whitespace), e.g. ``["一", "（一）"]``; ``["二", "(三)", "1"]`` for half-width.
        number: this item's token as written, e.g. ``"一、"``, ``"（一）"``, ``"1."``, ``"一是"``.
        level: 1-based depth, always ``len(path)``.
        title: short heading: the text before the first 。 when the item opens with a short
            sentence (at most 60 characters), or a heading line's whole text; else None.
        text: the item's whole text without its number and without the unit annotation; spaces
            next to CJK characters or CJK punctuation removed; paragraphs joined with "\\n".
        lead_units / supporting_units: unit names exactly as written, in order, no duplicates.
        deadline: the deadline as written (e.g. ``"2016年底前"``, ``"长期坚持"``) or None.
        due_date: the calendar date derived from ``deadline`` where one exists, else None.
        line: 1-based line number in ``PlanDraft.source_text`` where the item starts.
        suggested_units: unit names found in the item's sentences ("市金融办、人行要…", seeds 000
            and 001), offered to a person as suggestions only; never copied into lead or
            supporting units (``suggest.suggest_units``).
        recurrence: "weekly", "monthly", "quarterly", "yearly" or "ongoing" when the deadline
            is periodic or standing ("每季度", "长期坚持"), else None.
        section: index into ``PlanDraft.sections`` when the file holds several documents
            (seed 002), else None.
        inline: True for an item found inside a paragraph ("…：一是…。二是…", seed 001).
    """

    path: list[str]
    number: str
    level: int
    title: str | None
    text: str
    lead_units: list[str] = field(default_factory=list)
    supporting_units: list[str] = field(default_factory=list)
    deadline: str | None = None
    due_date: datetime.date | None = None
    line: int = 0
    suggested_units: list[str] = field(default_factory=list)
    recurrence: str | None = None
    section: int | None = None
    inline: bool = False
    # The year of the period heading the item stands under ("2020年任务：一是4月底前…", "（二）2024年：");
    # a deadline without a year takes it before the year of issue (parser.py). Not part of the contract.
    period_year: int | None = None

    def to_dict(self) -> dict:
        """Return the contract JSON shape of one measure.

        Keys: path, number, level, title, text, lead_units, supporting_units, deadline,
        due_date (ISO ``"YYYY-MM-DD"`` string or None), and the extras the contract allows:
        line, suggested_units, recurrence, section, inline. Lists are copies.
        """
        return {
            "path": list(self.path),
            "number": self.number,
            "level": self.level,
            "title": self.title,
            "text": self.text,
            "lead_units": list(self.lead_units),
            "supporting_units": list(self.supporting_units),
            "deadline": self.deadline,
            "due_date": self.due_date.isoformat() if self.due_date else None,
            "line": self.line,
            "suggested_units": list(self.suggested_units),
            "recurrence": self.recurrence,
            "section": self.section,
            "inline": self.inline,
        }


@dataclass
class Section:
    """One document of a file that holds several (seed 002: 【篇四】, 【篇五】, 【篇六】).

    Fields:
        title: the section's title (the short text after its marker, e.g. "2023年全国金融工作
            会议"), or the plan title for an unmarked leading part; may be None.
        marker: the marker as written without spaces (e.g. "【篇五】"), or None for the part
            before the first marker.
        start_line / end_line: 1-based source lines the section spans (inclusive).
        measures: indexes into ``PlanDraft.measures`` of the section's items, in order.

    Path design: a marked section's items carry the marker as their first path token, below
    a heading measure whose path is ``[marker]`` (level 1), so paths stay unique across
    sections and ``path[:-1]`` is always an earlier measure's path. The unmarked leading part
    keeps plain paths. A file without markers has no sections and plain paths (seed 003).
    """

    title: str | None
    marker: str | None
    start_line: int
    end_line: int
    measures: list[int] = field(default_factory=list)

    def to_dict(self) -> dict:
        """JSON shape: title, marker, start_line, end_line, measures (list of indexes)."""
        return {"title": self.title, "marker": self.marker, "start_line": self.start_line,
                "end_line": self.end_line, "measures": list(self.measures)}


@dataclass
class PlanDraft:
    """A parsed plan: header metadata, every numbered item in document order, and warnings.

    Fields:
        title: the plan's own title (e.g. "重庆市金融去杠杆防风险专项方案", preferred over the
            notice title "关于印发…的通知"), or None.
        doc_number: the 文号 with whitespace removed, e.g. "渝府办发〔2016〕110号", or None.
        issuer: the 发文机关, e.g. "重庆市人民政府办公厅", or None.
        issued_on: the signing date (the "2016年6月20日" line), not a web page's 发布日期; or None.
        measures: every numbered item at every level, headings included, in document order.
        warnings: Chinese sentences a person should check, each naming its line, e.g.
            "编号不连续：四、之后是六、（第 23 行）".
        source_text: the decoded (NFC-normalised) text the parse ran on; ``line`` numbers of the
            measures and warnings refer to it. Not part of ``to_dict()``.
        sections: the documents of a multi-document file (see ``Section``); empty otherwise.
    """

    title: str | None
    doc_number: str | None
    issuer: str | None
    issued_on: datetime.date | None
    measures: list[MeasureDraft] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    source_text: str = ""
    sections: list[Section] = field(default_factory=list)

    def to_dict(self) -> dict:
        """Return exactly the CONTRACTS.md section 1 object.

        Keys: title, doc_number, issuer, issued_on (ISO string or None), measures (each
        ``MeasureDraft.to_dict()``), warnings, and, only for a file holding several documents,
        the extra ``sections`` (each ``Section.to_dict()``); a single document's object has
        exactly the six contract keys. ``source_text`` is left out. The result is ready for
        ``json.dumps(..., ensure_ascii=False)``.
        """
        result = {
            "title": self.title,
            "doc_number": self.doc_number,
            "issuer": self.issuer,
            "issued_on": self.issued_on.isoformat() if self.issued_on else None,
            "measures": [m.to_dict() for m in self.measures],
            "warnings": list(self.warnings),
        }
        if self.sections:
            result["sections"] = [section.to_dict() for section in self.sections]
        return result
