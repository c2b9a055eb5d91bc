"""Stories of an annotation whose role word closes the group after a comma (branch lists68; GOLD-README "heldout37a",
"lists68").

"（区无废办，领导小组成员单位按职责分工协助）": 协助 (or 配合, 参与) binds to the group it closes; the unit before the comma has no
duty word of its own and leads. "（A、B按职责分工负责）" keeps every unit leading, "（A牵头，B配合）" reads as before, and a list
before a 负责 clause ("A，B按职责分工负责") stays all responsible. Names and sentences are invented.
"""
from __future__ import annotations

import pytest

from tracker.parsing import parse_plan_text

pytestmark = pytest.mark.unit


def _units(annotation: str) -> list[tuple[list[str], list[str]]]:
    text = "\n".join(["某区无废城市建设工作方案", "一、重点任务", f"（一）推进固体废物源头减量。{annotation}"])
    return [(m.lead_units, m.supporting_units) for m in parse_plan_text(text).measures][1:]


def test_the_office_before_the_comma_leads_and_the_assisting_members_support():
    [(lead, supporting)] = _units("（区无废办，区发改局、区住建局按职责分工协助）")
    assert (lead, supporting) == (["区无废办"], ["区发改局", "区住建局"])


def test_a_vague_group_assisting_leaves_the_named_office_leading():
    [(lead, supporting)] = _units("（区无废办，领导小组成员单位按职责分工协助）")
    assert lead == ["区无废办"]
    assert "区无废办" not in supporting


@pytest.mark.parametrize("role", ["配合", "参与", "协助"])
def test_each_assisting_word_binds_to_the_group_it_closes(role):
    [(lead, supporting)] = _units(f"（区城管局，区商务局、区教育局按职责分工{role}）")
    assert (lead, supporting) == (["区城管局"], ["区商务局", "区教育局"])


def test_two_units_before_the_comma_both_lead():
    [(lead, supporting)] = _units("（区城管局、区住建局，区商务局配合）")
    assert (lead, supporting) == (["区城管局", "区住建局"], ["区商务局"])


def test_all_responsible_and_lead_then_support_read_as_before():
    assert _units("（区发改局、区工信局按职责分工负责）") == [(["区发改局", "区工信局"], [])]
    assert _units("（区生态环境分局牵头，区公安分局配合）") == [(["区生态环境分局"], ["区公安分局"])]
    assert _units("（区发改局，区工信局、区财政局按职责分工负责）") == [(["区发改局", "区工信局", "区财政局"], [])]


def test_a_list_waiting_after_a_lead_clause_still_supports_with_the_group_it_joins():
    # the lead is named with its own word: the list after it, then the assisting group, all support
    assert _units("（区发改局牵头，区财政局、区住建局等部门，区国投公司、各街道办事处配合）") == [
        (["区发改局"], ["区财政局", "区住建局", "区国投公司", "各街道办事处"])]
