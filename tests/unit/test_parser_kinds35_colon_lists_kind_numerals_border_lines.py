"""Kinds lost on unseen documents at stop 33 (issue 13, branch kinds35), told as a user's stories.

An 应急预案 numbered as a decimal outline whose heading opens with a word such as 分级/项目/人员 keeps the heading; a
bracketed numeral glued to a word it completes inside a sentence (（一）期工程, （二）批项目) is no item; a list run on
after a lead-in's colon is read item by item. The wording here is invented."""
from __future__ import annotations

from tracker.parsing import parse_plan_text


def test_a_decimal_outline_heading_opening_with_a_counting_character_is_a_heading():
    draft = parse_plan_text(
        "某镇突发事件总体应急预案\n1总则\n1.1编制目的\n规范应对突发事件行为。\n1.2分级分类\n"
        "1.2.1按危害程度分为四级。\n1.3项目管理\n1.4人员防护\n做好防护。")
    assert [m.path for m in draft.measures] == [
        ["1"], ["1", "1.1"], ["1", "1.2"], ["1", "1.2", "1.2.1"], ["1", "1.3"], ["1", "1.4"]]


def test_a_quantity_after_an_outline_number_stays_text():
    draft = parse_plan_text("某镇应急预案\n1总则\n1.1编制目的\n1.5分钟内到达现场。\n1.2工作原则")
    assert [m.path for m in draft.measures] == [["1"], ["1", "1.1"], ["1", "1.2"]]
