"""One numbering renderer for every page and file (issue 15): 1.1 stays 1.1, a split item is 10-2."""
from __future__ import annotations

import pytest

from tracker.services.plans.draft_editing import split_item
from tracker.vocabulary.numbering import render_number, sibling_number


@pytest.mark.parametrize("path, shown", [
    (["1", "1.1"], "1.1"),
    (["1", "1.1", "1.1.2"], "1.1.2"),
    (["2", "2.1"], "2.1"),
    (["1", "1．2"], "1．2"),
    (["一", "（一）"], "一（一）"),
    (["一", "1"], "一1"),
    (["一", "1", "1.1"], "一1.1"),
    (["1", "10"], "110"),  # "10" does not hold "1." : two tokens, joined
    (["1", "1-2"], "1-2"),
    ([], ""),
])
def test_render_number_shows_a_dotted_number_once(path, shown):
    assert render_number(path) == shown


def test_render_number_refuses_a_token_that_is_not_text():
    with pytest.raises(TypeError):
        render_number(["1", 2])


@pytest.mark.parametrize("number, suffix, shown", [
    ("10.", 2, "10-2"), ("（三）", 2, "（三）-2"), ("一、", 3, "一-3"), ("3．", 2, "3-2"), (None, 2, "-2"),
])
def test_sibling_number_drops_the_trailing_mark(number, suffix, shown):
    assert sibling_number(number, suffix) == shown


def test_splitting_item_ten_in_the_plan_preview_numbers_the_new_one_10_2():
    item = {"id": 1, "path": ["10"], "number": "10.", "title": None, "text": "第一段。\n第二段。",
            "lead_units": [], "supporting_units": [], "suggested": [], "deadline": None, "due_date": None,
            "line": 1, "section": None, "inline": False}
    state = split_item({"next_id": 2, "items": [item], "sections": [], "split": False}, 1)
    assert [(i["number"], i["path"], i["text"]) for i in state["items"]] == [
        ("10.", ["10"], "第一段。"), ("10-2", ["10-2"], "第二段。")]
