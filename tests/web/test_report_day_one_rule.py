"""One report day (报送日) for every page: the 报送情况 page, the liaison's home, the reminders and the 通报 read the
same day a period's report is due (tracker/periods.report_due).

The small world's today is Saturday 2026-11-21. The office sets plan P1 (示范工作方案) to report weekly by
Wednesday, monthly by the 20th, or quarterly by the 20th of the quarter's last month; each time the 报送情况
page, 甲局's home and 甲局's reminder name the same due day, and the 通报 of that week, month or quarter lists as
未报送 exactly the units the 报送情况 page lists once that day has passed (and none before it).
"""
from __future__ import annotations

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


#: ``closed_within``: the lead units of tasks closed within the period (T5, 丙局, closed 11-05): the 通报 still counts
#: the report they owed for it (ranking.RULES["punctuality"]), the 报送情况 page asks only open tasks for one.
@pytest.mark.parametrize("cycle, day, period_key, due, closed_within", [
    (ReportCycle.WEEKLY, 3, "2026-W47", date(2026, 11, 18), set()),  # Wednesday of the week of 11-16: passed
    (ReportCycle.WEEKLY, 7, "2026-W47", date(2026, 11, 22), set()),  # Sunday: tomorrow
    (ReportCycle.MONTHLY, 20, "2026-11", date(2026, 11, 20), {"丙局"}),  # yesterday
    (ReportCycle.QUARTERLY, 20, "2026-Q4", date(2026, 12, 20), set()),  # the 20th of December: not come
])
def test_every_page_names_the_same_report_day_and_the_bulletin_the_same_late_units(
        empty_app, world, cycle, day, period_key, due, closed_within):
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
        assert p1_lines == late_units | closed_within
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
