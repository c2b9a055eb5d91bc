"""Files that hold several documents: sections, and splitting a draft into one plan per section.

Seed 002 is a compilation of speeches marked 【篇四】, 【篇五】, 【篇六】 (a marker opens a line,
followed by the speech's title and its first paragraph). Each marker opens a heading measure
whose path is ``[marker]`` (e.g. ``["【篇五】"]``, level 1); the numbering below it restarts and
every path in it starts with the marker, so paths are unique across sections and each
measure's ``path[:-1]`` is an earlier measure's path. Numbered items before the first marker
form an unmarked leading section with plain paths. A file without markers has no sections.
"""

from __future__ import annotations

import dataclasses
import re

from .draft import MeasureDraft, PlanDraft, Section
from ..vocabulary.numbering import SECTION_STYLE

_TITLE_END_RE = re.compile(r"\s{2,}|[。！？!?：:，,；;]")
_TITLE_MAX_CHARS = 60
_LINE_RE = re.compile(r"第 (\d+)")

__all__ = ["SECTION_STYLE", "build_sections", "section_title", "split_sections"]


def section_title(first_paragraph: str) -> str | None:
    """The title after a section marker: the text up to a run of spaces or the first
    punctuation ("2023年全国金融工作会议   这次全市…" -> "2023年全国金融工作会议"), or None."""
    title = _TITLE_END_RE.split(first_paragraph.strip(), maxsplit=1)[0].strip()
    return title if title and len(title) <= _TITLE_MAX_CHARS else None


def build_sections(measures: list[MeasureDraft], last_line: int, plan_title: str | None) -> list[Section]:
    """Sections of a parsed file, setting each measure's ``section`` index in place.

    ``measures``: the draft's measures in order; ``last_line``: the source's last line;
    ``plan_title``: the title given to an unmarked leading section. Returns [] (and leaves
    ``section`` None everywhere) when no measure is a section marker.
    """
    starts = [i for i, m in enumerate(measures) if len(m.path) == 1 and m.number == m.path[0]
              and m.number.startswith("【")]
    if not starts:
        return []
    sections: list[Section] = []
    if starts[0] > 0:
        sections.append(Section(plan_title, None, measures[0].line, 0, list(range(starts[0]))))
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(measures)
        marker = measures[start]
        sections.append(Section(marker.title, marker.number, marker.line, 0, list(range(start, end))))
    for k, section in enumerate(sections):
        section.end_line = sections[k + 1].start_line - 1 if k + 1 < len(sections) else last_line
        for index in section.measures:
            measures[index].section = k
    return sections


def _warning_line(warning: str) -> int:
    m = _LINE_RE.search(warning)
    return int(m.group(1)) if m else 0


def split_sections(draft: PlanDraft) -> list[PlanDraft]:
    """One ``PlanDraft`` per section of ``draft``, so that an import can make separate plans.

    A marked section's heading measure is dropped and its marker removed from every path
    (``["【篇五】", "一是"]`` -> ``["一是"]``, levels one less); its title becomes the plan title.
    The header's 文号 and issuer describe the file's first document: only a leading unmarked
    section keeps them; every part keeps ``issued_on`` and the whole ``source_text`` (line
    numbers stay valid). Warnings go to the section whose lines they name. A draft without
    sections gives ``[draft]`` itself (a copy). Never raises.
    """
    if not draft.sections:
        return [dataclasses.replace(draft, measures=list(draft.measures), warnings=list(draft.warnings))]
    parts = []
    for section in draft.sections:
        measures = []
        for index in section.measures:
            measure = draft.measures[index]
            if section.marker is not None:
                if measure.path == [section.marker]:
                    continue
                path = measure.path[1:]
            else:
                path = list(measure.path)
            measures.append(dataclasses.replace(measure, path=path, level=len(path), section=None))
        warnings = [w for w in draft.warnings if section.start_line <= _warning_line(w) <= section.end_line]
        leading = section.marker is None
        parts.append(PlanDraft(
            title=section.title or draft.title,
            doc_number=draft.doc_number if leading else None,
            issuer=draft.issuer if leading else None,
            issued_on=draft.issued_on, measures=measures, warnings=warnings,
            source_text=draft.source_text,
        ))
    return parts
