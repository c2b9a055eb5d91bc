"""One clock for the journal (workflow50, tests/unit/test_one_clock.py): the 办理记录 line of a split is dated by the
app's clock, the same moment the split part starts its duty (Task.created_at, services/figures/facts.duty_start).

The group of the small world's 区县 (tests/helpers/districts.py) splits T7 一（六） on 2026-11-15 at 14:00 Beijing time
(the clock the tests move); its 办理记录 used to say the real day of the run, while the parts counted from 11-15.
"""
from __future__ import annotations

from datetime import date, datetime

from bs4 import BeautifulSoup
from sqlalchemy import select

import tracker.clock
from tests.helpers.districts import DISTRICTS, add_districts
from tests.helpers.small_world import sign_in
from tracker.extensions import db
from tracker.models import JournalEntry, Task, User
from tracker.services.plans.subtasks import split_task

SPLIT_AT = datetime(2026, 11, 15, 6, 0)  # stored UTC: 14:00 in Beijing


def test_the_split_tasks_journal_dates_the_split_by_the_apps_clock(empty_app, world, monkeypatch):
    districts = add_districts(empty_app, world)
    monkeypatch.setattr(tracker.clock, "beijing_today", lambda: date(2026, 11, 15))
    monkeypatch.setattr(tracker.clock, "utcnow", lambda: SPLIT_AT)
    with empty_app.app_context():
        lg = db.session.scalar(select(User).where(User.username == "lg"))
        parts = split_task(lg, districts.task, list(DISTRICTS.values()))
        part = parts[0].id
        assert {entry.created_at for entry in db.session.scalars(
            select(JournalEntry).where(JournalEntry.task_id.in_([districts.task, part])))} == {SPLIT_AT}
        assert db.session.get(Task, part).created_at == SPLIT_AT

    office = empty_app.test_client()
    sign_in(office, "sup")
    page = BeautifulSoup(office.get(f"/tasks/{districts.task}").text, "html.parser")
    history = page.select_one("#history").find_next("table")  # 办理记录
    lines = [row.get_text(" ", strip=True) for row in history.select("tr") if "分解" in row.get_text()]
    assert lines and all("2026年11月15日 14:00" in line for line in lines), lines
