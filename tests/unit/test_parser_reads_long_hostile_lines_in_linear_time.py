"""A plan pasted from a page can carry what no office wrote: a line padded with thousands of blanks, or a 问题清单 of
thousands of points each closed by a semicolon and followed by its captioned units. The parser reads each in time
proportional to its length (issue 14: every hostile input is answered in bounded time), and reads it as before."""
from __future__ import annotations

from tests.helpers.budget import cpu_seconds_under
from tracker.parsing.deadlines import find_text_deadline


def test_a_time_caption_padded_with_blanks_is_read_at_once():
    # "考试时间" then 20,000 blanks: the span after a time caption (branch kinds36) is looked for once, not from each blank
    with cpu_seconds_under(3):
        assert find_text_deadline("1.组织考试，考试时间" + " " * 20000 + "另行通知。") is None


def test_a_time_caption_and_its_span_are_still_read_after_a_few_blanks():
    assert find_text_deadline("考试时间：  2021年6月28日——7月2日，请考生按时参加。") == "2021年6月28日——7月2日"
    assert find_text_deadline("考试时间  2021年6月28日——7月2日，请考生按时参加。") == "2021年6月28日——7月2日"
