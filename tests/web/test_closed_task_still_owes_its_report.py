"""A task closed on or after the report day still owes the period's report, and the office may urge it.

The 通报 counts such a task late and 报送情况 lists it (figures/ranking.owes_report); the office can act on it as on every
other late row: 报送情况's 催办 for the unit sends one reminder asking for the period's report, and the closed task's
own page offers 催办 too. A task closed before the report day owes nothing: not listed, and 催办 is refused.

On the seeded demo, imported last month: the plan's reports are due on the 1st of each month (so the day has come,
whatever today is);
the office closes 一（三） (重庆证监局 leads) today, and 重庆证监局 has not reported this month.
"""
from __future__ import annotations

import html
from datetime import timedelta

from sqlalchemy import select

from tests.helpers.forms import csrf_token
from tests.helpers.reports import task_id
import tracker.clock
from tracker.extensions import db
from tracker.models import Reminder, Task, Unit, User
from tracker.services.accounts.tokens import create_token
from tracker.services.workflow import close_task


def _close_today(app, path: list[str]) -> tuple[int, int, int]:
    """Reports due on the 1st of a plan imported last month (a plan imported after the 1st owes nothing this month,
    ranking.owes_report); the office closes the task ``path`` today. Returns (plan, task, lead unit) ids."""
    task = task_id(app, path)
    with app.app_context():
        found = db.session.get(Task, task)
        found.plan.report_day = 1
        found.plan.created_at -= timedelta(days=40)
        db.session.commit()
        office = db.session.scalar(select(User).where(User.username == "duban"))
        close_task(task, office, "已完成。", found.version)
        found = db.session.get(Task, task, populate_existing=True)
        return found.plan_id, task, found.lead_units[0].id


def _reminders(app, task: int) -> list[str]:
    with app.app_context():
        return [r.request for r in db.session.scalars(select(Reminder).where(Reminder.task_id == task))]


def test_the_office_urges_a_unit_to_file_the_report_a_task_closed_after_the_report_day_owes(app, client, auth):
    plan, task, unit = _close_today(app, ["一", "（三）"])
    auth.login("duban")
    page = html.unescape(client.get(f"/plans/{plan}/reporting").text)
    with app.app_context():
        name = db.session.get(Unit, unit).name
    card = next(part for part in page.split('class="card mb-3 owing-unit"')[1:] if f"{name} <small" in part)
    assert "标“已办结”的任务办结在本期报送日当天或之后，本期进展仍须报送（通报计为未报送）；按“催办”将请该单位补报本期进展。" in page
    assert "一（三）" in card and "仍须补报本期进展" in card
    assert "remind-unit" in card  # the unit's 催办 button is there, whatever else it owes

    sent = client.post(f"/plans/{plan}/units/{unit}/reminders", data={"csrf_token": csrf_token(page)},
                       follow_redirects=True)
    assert sent.status_code == 200 and "办结后仍须补报本期进展的任务各一份）" in sent.text
    [asked] = _reminders(app, task)
    assert asked.startswith("该任务已办结，但本期（") and "请在任务页面“报送进展”中补报本期进展情况。" in asked

    # the closed task's own page offers 催办 as well, saying why
    detail = html.unescape(client.get(f"/tasks/{task}").text)
    assert 'id="reminder-form"' in detail and 'id="reminder-closed"' in detail
    with app.app_context():
        version = db.session.get(Task, task).version
    again = client.post(f"/tasks/{task}/reminders", data={
        "csrf_token": csrf_token(detail), "version": version, "reminder_unit": str(unit), "reminder_again": "y"},
        follow_redirects=True)
    assert again.status_code == 200 and "催办已发出" in again.text
    assert len(_reminders(app, task)) == 2

    # and a script reading the task through the API is offered the same 催办 (one rule: reminders.remind_offer)
    assert "remind" in _api_actions(app, task)


def _api_actions(app, task: int) -> list[str]:
    """The ``actions`` the API lists for the office (duban) on ``task``."""
    with app.app_context():
        token, _ = create_token("duban", "测试")
    return app.test_client().get(f"/api/v1/tasks/{task}", headers={"Authorization": f"Bearer {token}"}).get_json()[
        "actions"]


def test_a_task_closed_before_the_report_day_owes_nothing_and_is_not_urged(app, client, auth, monkeypatch):
    plan, task, unit = _close_today(app, ["一", "（三）"])
    # forty days on, this period's report day (a 1st) comes after the day it was closed: its closing was its last word
    later = tracker.clock.beijing_today() + timedelta(days=40)
    monkeypatch.setattr(tracker.clock, "beijing_today", lambda: later)
    auth.login("duban")
    assert "仍须补报本期进展" not in html.unescape(client.get(f"/plans/{plan}/reporting").text)
    detail = client.get(f"/tasks/{task}").text
    assert 'id="reminder-form"' not in detail
    with app.app_context():
        version = db.session.get(Task, task).version
    refused = client.post(f"/tasks/{task}/reminders", data={
        "csrf_token": csrf_token(detail), "version": version, "reminder_unit": str(unit)})
    assert refused.status_code == 400
    assert "该任务已办结，且办结在本期报送日之前，本期无需报送进展，无需催办。" in html.unescape(refused.text)
    assert _reminders(app, task) == []
    assert "remind" not in _api_actions(app, task)
