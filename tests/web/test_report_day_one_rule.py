"""One report day (报送日) for every page: the 报送情况 page, the liaison's home, the reminders and the 通报 read the
same day a period's report is due (tracker/periods.report_due).

The small world's today is Saturday 2026-11-21. The office sets plan P1 (示范工作方案) to report weekly by
Wednesday, monthly by the 20th, or quarterly by the 20th of the quarter's last month; each time the 报送情况
page, 甲局's home and 甲局's reminder name the same due day, and the 通报 of that week, month or quarter lists as
未报送 exactly the units the 报送情况 page lists once that day has passed (and none before it).
"""
from __future__ import annotations

import re
from datetime import date

import pytest
from sqlalchemy import select

from tests.helpers.small_world import TODAY, sign_in
from tracker.extensions import db
from tracker.models import Plan, ReportCycle, User
from tracker.periods import parse_period
from tracker.services.figures.bulletin import build_bulletin
from tracker.services.figures.cache import figures_cache
from tracker.services.figures.reporting import missing_reports, update_plan_settings
from tracker.services.workflow.digests import digests_due


def user(username: str) -> User:
    return db.session.scalar(select(User).where(User.username == username))


#: In November T5 (丙局) was closed on 11-05, before every report day below: it owes none of these reports
#: (ranking.owes_report), so neither the 通报 nor the 报送情况 page names 丙局.
@pytest.mark.parametrize("cycle, day, period_key, due", [
    (ReportCycle.WEEKLY, 3, "2026-W47", date(2026, 11, 18)),  # Wednesday of the week of 11-16: passed
    (ReportCycle.WEEKLY, 7, "2026-W47", date(2026, 11, 22)),  # Sunday: tomorrow
    (ReportCycle.MONTHLY, 20, "2026-11", date(2026, 11, 20)),  # yesterday
    (ReportCycle.QUARTERLY, 20, "2026-Q4", date(2026, 12, 20)),  # the 20th of December: not come
])
def test_every_page_names_the_same_report_day_and_the_bulletin_the_same_late_units(
        empty_app, world, cycle, day, period_key, due):
    client = empty_app.test_client()
    sign_in(client, "sup")
    with empty_app.app_context():
        plan_id = world.plans["P1"]
        update_plan_settings(plan_id, user("sup"), 0, cycle, day)  # 预警天数 0: reminded from the report day on
        figures_cache().clear()
        owed = missing_reports(db.session.get(Plan, plan_id), user("sup"), TODAY)
        assert (owed.due, owed.overdue) == (due, due < TODAY)
        late_units = {unit.name for unit in owed.owing_units} if owed.overdue else set()
        bulletin = build_bulletin(user("sup"), parse_period(period_key), TODAY, "督查室")
        p1_lines = {line.unit for line in bulletin.not_reported}
        # P2 (quarterly, by the 25th) owes nothing in these periods before 12-25, so every line is P1's
        assert p1_lines == late_units
        assert not owed.overdue or late_units == ({"甲局", "乙局"} if cycle is ReportCycle.WEEKLY else {"甲局"})
        reminded = {d.unit.name: [(p.id, d_) for p, d_, _ in d.owed] for d in digests_due(TODAY)}
        assert ((plan_id, due) in reminded.get("甲局", [])) == (due <= TODAY)

    reporting = client.get(f"/plans/{plan_id}/reporting").get_data(as_text=True)
    assert f"{due.year}年{due.month}月{due.day}日</strong>" in reporting
    if "甲局" in {item.unit.name for item in owed.missing}:  # in Q4 甲局 has reported on T2 and T4 already
        liaison = empty_app.test_client()
        sign_in(liaison, "la")
        home = liaison.get("/").get_data(as_text=True)
        assert f"{due.year}年{due.month}月{due.day}日" + ("（已过）" if due < TODAY else "") in home


@pytest.mark.parametrize("closed_on", [date(2026, 11, 20), date(2026, 11, 21)])  # on the report day, after it
def test_a_task_closed_before_the_report_day_owes_nothing_one_closed_after_it_is_late_everywhere(
        empty_app, world, closed_on):
    """P1 takes November's reports by the 20th; today is the 21st. 丙局 closed T5 on 11-05, before the report day:
    its closing was its last word, so neither the 通报 nor the 报送情况 page (nor its reminder) asks it for November's
    report. 甲局 reported on T4 on 11-10 but closed T2 on ``closed_on``, on or after the report day, without a November
    report: it is 未报送 for T2 in the 通报 and on the 报送情况 page, and is reminded of that one report."""
    from datetime import datetime

    from tracker.models import JournalField, ProgressReport, Task, TaskStatus
    from tracker.services import journal

    client = empty_app.test_client()
    sign_in(client, "sup")
    with empty_app.app_context():
        plan_id = world.plans["P1"]
        update_plan_settings(plan_id, user("sup"), 0, ReportCycle.MONTHLY, 20)
        db.session.add(ProgressReport(task_id=world.tasks["T4"], unit_id=world.units["A"], author_id=world.users["la"],
                                      created_at=datetime(2026, 11, 10, 2), progress="宣传资料已发放完毕。"))
        t2 = db.session.get(Task, world.tasks["T2"])
        journal.record(t2, JournalField.STATUS, t2.status, TaskStatus.CLOSED, user("sup"), reported_on=closed_on)
        t2.status = TaskStatus.CLOSED
        db.session.commit()
        figures_cache().clear()

        bulletin = build_bulletin(user("sup"), parse_period("2026-11"), TODAY, "督查室")
        assert [(line.unit, line.owed, line.missing) for line in bulletin.not_reported] == [("甲局", 2, 1)]
        assert bulletin.missing_rows()[0][3] == "一（二） 开展专项排查"
        assert "未按要求报送进展的单位：甲局，" in bulletin.summary

        owed = missing_reports(db.session.get(Plan, plan_id), user("sup"), TODAY)
        assert owed.overdue
        assert [(item.task.id, item.unit.name) for item in owed.missing] == [(world.tasks["T2"], "甲局")]
        reminded = {d.unit.name: [(p.id, count) for p, _, count in d.owed] for d in digests_due(TODAY)}
        assert reminded.get("甲局") == [(plan_id, 1)] and not reminded.get("丙局")

    page = client.get(f"/plans/{plan_id}/reporting").get_data(as_text=True)
    cards = re.findall(r'<div class="card mb-3 owing-unit">.*?<h2 class="h5 mb-2">(\S+) <small', page, re.S)
    assert cards == ["甲局"]
    assert "开展专项排查" in page and "清理违规担保" not in page
