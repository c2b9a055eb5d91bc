"""重庆证监局's liaison reports on 一（三） at night and looks at her home and the task page: the deadline read
"2026年12月19日" and, beside it, her report "2026-12-06 22:05", a form a Chinese office does not write. Every time a
page shows is now written as the deadlines are, "2026年12月6日 22:05" (templating.beijing_time, the one rule).
"""
from __future__ import annotations

import re

from tests.helpers.reports import post_report, task_id
from tracker import clock
from tracker.dates import chinese_date

ISO_TIME = re.compile(r"\b20\d\d-\d\d-\d\d \d\d:\d\d\b")


def test_a_liaisons_report_time_reads_as_the_office_writes_a_date(app, signed_in):
    tid = task_id(app, ["一", "（三）"])
    liaison = signed_in("zjj")
    assert post_report(liaison, tid, progress="已约谈辖区券商三家。").status_code == 302
    today = chinese_date(clock.beijing_today())
    for path in ("/", "/my-tasks", f"/tasks/{tid}"):
        page = liaison.get(path).get_data(as_text=True)
        assert re.search(re.escape(today) + r" \d\d:\d\d", page), path
        assert not ISO_TIME.search(page), (path, ISO_TIME.search(page))
