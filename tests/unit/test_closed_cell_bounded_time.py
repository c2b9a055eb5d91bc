"""A line holding one cell closed by its pipe or pipes ("市财政局 |", a lone "|", "是 ||", "市统计局 | |"; the patterns
``_PIPE_CLOSED_CELL_RE``, ``_LONE_CELL_RUN_RE`` and ``_ROW_END_CELL_RE`` of parsing/tables) is read in time linear in
the line's length: a pasted line of tens of thousands of blanks and no closing pipe took seconds (the old patterns
backtracked over the blanks, quadratic after a word, cubic before one) and now takes a fraction of a millisecond,
matching exactly what the old patterns matched, with the same cell."""
from __future__ import annotations

import re
import time

import pytest
from hypothesis import example, given, settings, strategies as st

from tracker.parsing import tables

#: The patterns before: the cell a lazy or greedy group between two runs of blanks, backtracking over both.
OLD = {
    "_PIPE_CLOSED_CELL_RE": (re.compile(r"^\s*([^|｜\t]*?)\s*[|｜]\s*$"), "match"),
    "_LONE_CELL_RUN_RE": (re.compile(r"([^|｜]+?)\s*[|｜]{2,}\s*"), "fullmatch"),
    "_ROW_END_CELL_RE": (re.compile(r"^\s*([^|｜\t]*[^|｜\t\s])\s*[|｜](?:\s*[|｜])+\s*$"), "match"),
}

LINES = st.text(alphabet=" \t\n\u3000\x1c|｜市局x—", max_size=12)


@pytest.mark.parametrize("name", OLD)
@settings(max_examples=3000, deadline=None)
@given(LINES)
@example("市财政局 |")
@example("  |  ")
@example("   ||")
@example("市 局\t|")
@example("市\t局 | |")
@example("a\n b ||\n")
def test_the_linear_pattern_matches_what_the_old_one_matched_with_the_same_cell(name, text):
    old, how = OLD[name]
    before, now = getattr(old, how)(text), getattr(getattr(tables, name), how)(text)
    assert (before and before.group(1)) == (now and now.group(1))


def _seconds(pattern: re.Pattern, how: str, text: str) -> float:
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        getattr(pattern, how)(text)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("name", OLD)
def test_ten_times_the_blanks_take_about_ten_times_as_long_not_a_hundred(name):
    pattern, how = getattr(tables, name), OLD[name][1]
    for line in (lambda n: "市财政局" + " " * n, lambda n: "市" + " " * n + "局", lambda n: " " * n + "市"):
        short, long = _seconds(pattern, how, line(3_000)), _seconds(pattern, how, line(30_000))
        assert long < 40 * short + 0.002, (line(1)[:3], short, long)  # quadratic: ~100 times; cubic: ~1,000
