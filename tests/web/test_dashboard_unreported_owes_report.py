"""The dashboard's 本期未报送 and the liaison's 本期应报送 read the one rule of who owes a period's report
(ranking.owes_report, workflow50), as 报送情况与催办 and the 通报 do (workflow51).

The small world (tests/helpers/small_world.py: P1 monthly, reports due on the 25th) with its 区县
(tests/helpers/districts.py: 各区县〔自治县〕人民政府 leads T7 一（六）).

1. The group splits T7 to its three districts on 11-27, two days after November's report day. On 11-30 the
   supervisor's dashboard counts the parts among the tasks, but not among 本期未报送: nobody could have reported by a
   day already past (main counted all three). On 12-26, after December's report day, 报送情况 names the three.
2. 甲局 closes T2 (no November report) on 11-27, after the report day: it still owes November's report, so the
   dashboard counts it 本期未报送 (main never counted a closed task), as 报送情况 lists 甲局 for it, and 甲局's home
   lists it under 本期应报送 until it reports. T3, closed on 11-24 before the report day, owes nothing anywhere.
"""
from __future__ import annotations

from datetime import date, datetime

from bs4 import BeautifulSoup
from sqlalchemy import select

import tracker.clock
from tests.helpers.districts import DISTRICTS, add_districts
from tests.helpers.small_world import sign_in
from tracker.extensions import db
from tracker.models import Channel, JournalEntry, Task, TaskStatus, User
from tracker.services.plans.subtasks import split_task


def _user(username: str) -> User:
    return db.session.scalar(select(User).where(User.username == username))


def _headline(client, caption: str) -> int:
    """The number on the dashboard's headline card ``caption``."""
    page = BeautifulSoup(client.get("/").text, "html.parser")
    for card in page.select(".headline"):
        if card.select_one(".text-muted").get_text(strip=True) == caption:
            return int(card.select_one(".fs-3").get_text(strip=True))
    raise AssertionError(f"no headline {caption}")


def _owing(client, plan_id: int) -> dict[str, list[str]]:
    """报送情况与催办 of the plan: {unit: the 序号 of the tasks it still owes the current period's report on}."""
    page = BeautifulSoup(client.get(f"/plans/{plan_id}/reporting").text, "html.parser")
    return {card.find("h2").contents[0].strip(): [row.find("td").get_text(strip=True)
                                                   for row in card.select(".owing-table tbody tr")]
            for card in page.select(".owing-unit")}


def _to_report(client) -> list[str]:
    """The 序号 of the tasks under a liaison's 本期应报送."""
    page = BeautifulSoup(client.get("/").text, "html.parser")
    return [cell.get_text(strip=True) for cell in page.select("#to-report td[data-label='序号']")]


def _close(app, world, key: str, stored_utc: datetime) -> None:
    """Close the small world's task ``key``, journalled at ``stored_utc`` as the office's form would."""
    with app.app_context():
        task = db.session.get(Task, world.tasks[key])
        task.status = TaskStatus.CLOSED
        db.session.add(JournalEntry(task=task, plan_id=task.plan_id, user_id=world.users["sup"],
                                    unit_id=world.units["S"], channel=Channel.FORM, field="status",
                                    old_code="in_progress", new_code="closed", created_at=stored_utc))
        db.session.commit()


def test_parts_split_after_the_report_day_are_not_unreported_on_the_dashboard(empty_app, world, monkeypatch):
    districts = add_districts(empty_app, world)
    office = empty_app.test_client()
    sign_in(office, "sup")
    monkeypatch.setattr(tracker.clock, "beijing_today", lambda: date(2026, 11, 27))
    before_total, before_unreported = _headline(office, "任务总数"), _headline(office, "本期未报送")

    with monkeypatch.context() as split_day, empty_app.app_context():
        split_day.setattr(tracker.clock, "utcnow", lambda: datetime(2026, 11, 27, 2, 0))
        split_task(_user("lg"), districts.task, list(DISTRICTS.values()))
        plan_id = db.session.get(Task, districts.task).plan_id
    monkeypatch.setattr(tracker.clock, "beijing_today", lambda: date(2026, 11, 30))
    assert _headline(office, "任务总数") == before_total + 3  # the three parts are tasks of the dashboard
    assert _headline(office, "本期未报送") == before_unreported  # but first owe December's report
    assert not set(DISTRICTS.values()) & set(_owing(office, plan_id))  # 报送情况 agrees

    monkeypatch.setattr(tracker.clock, "beijing_today", lambda: date(2026, 12, 26))
    owing_parts = sum(1 for unit in DISTRICTS.values() if unit in _owing(office, plan_id))
    assert owing_parts == 3
    page = BeautifulSoup(office.get("/").text, "html.parser")
    assert "报送日之前交办" in page.get_text()  # the rule under the count says who owes


def test_a_task_closed_after_the_report_day_without_its_report_is_unreported_everywhere(
        empty_app, world, monkeypatch):
    office = empty_app.test_client()
    sign_in(office, "sup")
    liaison = empty_app.test_client()
    sign_in(liaison, "la")
    monkeypatch.setattr(tracker.clock, "beijing_today", lambda: date(2026, 11, 27))
    before = _headline(office, "本期未报送")
    assert "一（二）" in _owing(office, world.plans["P1"])["甲局"]

    _close(empty_app, world, "T3", datetime(2026, 11, 24, 2, 0))  # before the report day: owes nothing
    _close(empty_app, world, "T2", datetime(2026, 11, 27, 2, 0))  # after it, November's report never filed

    assert _headline(office, "本期未报送") == before  # T2 still counted, T3 (reported 11-05) never was
    assert "一（二）" in _owing(office, world.plans["P1"])["甲局"]
    assert "一（三）" not in sum(_owing(office, world.plans["P1"]).values(), [])
    assert "一（二）" in _to_report(liaison)  # 甲局's home asks for the report the 通报 will miss

    response = liaison.get(f"/tasks/{world.tasks['T2']}")
    assert response.status_code == 200
    with empty_app.app_context():
        from tracker.models import ProgressReport
        task = db.session.get(Task, world.tasks["T2"])
        db.session.add(ProgressReport(task=task, unit_id=world.units["A"], author=_user("la"),
                                      created_at=datetime(2026, 11, 27, 3, 0), progress="专项排查已全部完成。"))
        db.session.commit()
    assert _headline(office, "本期未报送") == before - 1
    assert "一（二）" not in _to_report(liaison)
