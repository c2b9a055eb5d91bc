"""The kind development document 1273 showed (branch fresh59; GOLD-README "fresh59"), told as an invented story.

A heading of a plan written without a stop ("（二）农贸市场管理") has its body open with who does the part, on a line of its
own and in words, lead and supporting ("由县市场监管局牵头，县商务局、各乡镇配合。"), before the part's numbered items. The
line's clauses are read at the end of the heading's text; the first one ran into the heading's words across the line break
and lost the lead: the duty written at the start of the line is now read alone (``annotations._line_opening_duty``).
"""
from __future__ import annotations

import pytest

from tracker.parsing import parse_plan_text


def _read(text: str) -> dict[tuple[str, ...], tuple[list[str], list[str]]]:
    return {tuple(m.path): (m.lead_units, m.supporting_units) for m in parse_plan_text(text).measures}


_PLAN = "\n".join([
    "某县城乡环境整治工作方案",
    "（二）农贸市场管理",
    "由县市场监管局牵头，县商务局、县城管局、各乡镇配合。",
    "1.规范市场经营秩序。清理占道经营，划定临时疏导点。",
    "2.改造提升农贸市场。完成3个农贸市场改造。",
    "（三）背街小巷整治",
    "县住建局牵头，县交通运输局配合。",
    "1.修补破损路面。",
])


def test_a_duty_line_opening_an_unpunctuated_headings_body_gives_the_heading_its_lead_and_supporting_units():
    """A county office's 整治方案 names who leads each part on the line under its heading, the heading's words without a
    stop. Each heading reads its lead and its supporting units (the lead was lost before); its items name none."""
    read = _read(_PLAN)
    assert read[("(二)",) if ("(二)",) in read else ("（二）",)] == (["县市场监管局"], ["县商务局", "县城管局", "各乡镇"])
    assert read[("(三)",) if ("(三)",) in read else ("（三）",)] == (["县住建局"], ["县交通运输局"])
    assert all(units == ([], []) for path, units in read.items() if len(path) > 1)


@pytest.mark.parametrize("line", ["由市公安局负责，市交通运输局配合。", "市公安局会同市交通运输局负责，各区政府配合。",
                                  "由市公安局牵头,各区政府配合。"])
def test_the_duty_line_reads_in_every_worded_form(line):
    """The same line in the other worded forms (负责 with 配合, 会同, half-width commas): the first unit leads."""
    read = _read("\n".join(["一、交通秩序管理", line, "1.整治违法停车。"]))
    lead, supporting = read[("一",)]
    assert lead[0] == "市公安局"
    assert "各区政府" in supporting or "市交通运输局" in supporting


def test_a_wrap_inside_a_units_name_is_no_duty_at_a_lines_start():
    """A printed page that broke a sentence inside a unit's name ("…由市公" / "安局牵头，市交通运输局配合。") gives the
    fragment "安局" no lead: only a unit's full name or an area opens a line's duty."""
    read = _read("\n".join(["一、交通秩序管理按照全市统一部署开展工作由市公", "安局牵头，市交通运输局配合。", "1.整治违法停车。"]))
    assert "安局" not in read[("一",)][0]
