"""A unit cell under an indicator table's captions ("（亿元）", indicators/workbook._UNIT_CELL), an item count after a
title ("（共5项）", vocabulary/numbering._ITEM_COUNT_RE) and a person's name after a remark ("（ 张伟", vocabulary/units.
_PERSON_NEXT_RE) are read in time linear in their blanks, matching what the old
patterns matched: a cell of tens of thousands of blanks after its bracket took seconds."""
from __future__ import annotations

import re
import time

import pytest
from hypothesis import example, given, settings, strategies as st

from tracker.indicators import workbook
from tracker.vocabulary import numbering, units
from tracker.vocabulary.persons import PERSON_NAME_RE

OLD_UNIT_CELL = re.compile(r"^[（(]\s*([^（()）]{1,6}?)\s*[）)]$")
OLD_ITEM_COUNT = re.compile(r"\s*[（(]\s*(?:共|计|合计)?\s*(?:\d{1,4}|[一二三四五六七八九十]{1,3})\s*(?:项|条|个)\s*[）)]\s*$")


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=" \t\n\u3000（()）万元亿个", max_size=12))
@example("（ ）")
@example("（  亿元 ）")
@example("（亿 元）\n")
@example("（\n）")
def test_the_unit_cell_matches_what_it_matched_with_the_same_unit(text):
    old, new = OLD_UNIT_CELL.match(text), workbook._UNIT_CELL.match(text)
    assert (old and old.group(1)) == (new and new.group(1))


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=" \t\n\u3000（()）共计合12345一十项条个任务", max_size=14))
@example("重点任务（共 5 项）")
@example("任务 （ 合计12345项）")
@example("任务（计  十一  条） \n")
def test_the_item_count_is_cut_where_it_was(text):
    assert numbering._ITEM_COUNT_RE.sub("", text) == OLD_ITEM_COUNT.sub("", text)
    old, new = OLD_ITEM_COUNT.search(text), numbering._ITEM_COUNT_RE.search(text)
    assert (old and old.span()) == (new and new.span())


OLD_PERSON_NEXT = re.compile(rf"\s*[（(]?\s*(?:{PERSON_NAME_RE.pattern})")


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=" \t\n\u3000（()）张伟王芳局市", max_size=10), st.integers(0, 3))
@example("（ 张伟", 0)
@example("  （张伟", 0)
@example("局  王芳", 1)
def test_a_name_after_a_remark_is_found_where_it_was(text, at):
    old, new = OLD_PERSON_NEXT.match(text, at), units._PERSON_NEXT_RE.match(text, at)
    assert (old and old.span()) == (new and new.span())


def _seconds(call, text: str) -> float:
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        call(text)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("call, line", [
    (workbook._UNIT_CELL.match, lambda n: "（" + " " * n + "亿元"),
    (workbook._UNIT_CELL.match, lambda n: "（" + " " * n),
    (numbering._ITEM_COUNT_RE.match, lambda n: "（" + " " * n + "5"),
    (numbering._ITEM_COUNT_RE.match, lambda n: "（共" + " " * n),
    (units._PERSON_NEXT_RE.match, lambda n: " " * n + "局"),
])
def test_ten_times_the_blanks_take_about_ten_times_as_long_not_a_hundred(call, line):
    short, long = _seconds(call, line(3_000)), _seconds(call, line(30_000))
    assert long < 40 * short + 0.002, (short, long)  # quadratic: ~100 times
