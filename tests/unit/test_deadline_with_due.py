"""完成时限 as the task page and the printed 催办单 write it (tracker/dates.deadline_with_due): the deadline as written,
then the day it falls due where the words do not already say it."""
from __future__ import annotations

from datetime import date

import pytest

from tracker.dates import deadline_with_due


@pytest.mark.parametrize("deadline, due, shown", [
    ("2027年6月底前", date(2027, 6, 30), "2027年6月底前（2027年6月30日）"),  # the day the words leave open
    ("2026年12月25日前（督办部门确定）", date(2026, 12, 25), "2026年12月25日前（督办部门确定）"),  # said once, not twice
    ("长期坚持", None, "长期坚持"),
    (None, date(2027, 3, 31), "2027年3月31日"),  # only the day: no brackets around nothing
    (None, None, "—"),
    ("", None, "—"),
])
def test_a_deadline_is_shown_with_its_due_day_only_where_the_words_do_not_say_it(deadline, due, shown):
    assert deadline_with_due(deadline, due) == shown
