"""Helpers for the workflow tests: open a task page and post one of its forms as a person would."""
from __future__ import annotations

from sqlalchemy import func, select

from tests.helpers.forms import csrf_token, form_version
from tracker import clock
from tracker.extensions import db
from tracker.models import JournalEntry, Plan, ProgressReport, Task
from tracker.services.seed import assign_office_deadlines
from tracker.vocabulary.numbering import render_number


def page(client, tid: int) -> str:
    """Return the task page's HTML as the signed-in user sees it."""
    response = client.get(f"/tasks/{tid}")
    assert response.status_code == 200, response.status_code
    return response.get_data(as_text=True)


def act(client, tid: int, action: str, version: str | None = None, **fields):
    """Post the task form ``action`` ("acknowledge", "close-request", …) with the version just read.

    ``version`` overrides the version (a form read earlier); ``fields`` are the form's other inputs.
    """
    html = page(client, tid)
    data = {"csrf_token": csrf_token(html), "version": version or form_version(html), **fields}
    return client.post(f"/tasks/{tid}/{action}", data=data)


def snapshot(app, tid: int) -> tuple:
    """Return what "nothing written" compares: the task's version and status, report and journal counts."""
    with app.app_context():
        task = db.session.get(Task, tid)
        return (task.version, task.status, task.deadline, task.due_date,
                db.session.scalar(select(func.count(ProgressReport.id))),
                db.session.scalar(select(func.count(JournalEntry.id))))


def status_of(app, tid: int):
    """Return the task's stored 办理状态 (a TaskStatus)."""
    with app.app_context():
        return db.session.get(Task, tid).status


def history_fields(app, tid: int) -> list[tuple[str, str | None, str | None, str]]:
    """Return the task's journal as (field, old, new, username) tuples, oldest first."""
    with app.app_context():
        entries = db.session.scalars(select(JournalEntry).where(JournalEntry.task_id == tid)
                                     .order_by(JournalEntry.id)).all()
        return [(e.field, e.old_value, e.new_value, e.user.username if e.user else "") for e in entries]


#: The demo plan's office deadlines as run.py's first start gives them: days from today (Beijing) per 序号.
DEMO_DAYS = {"一（一）": -10, "一（二）": -3, "一（三）": 3, "一（四）": 6, "一（五）": 12}


def with_office_deadlines(app, days: dict[str, int] | None = None) -> dict[str, int]:
    """Give the demo plan the supervising office's deadlines (``days``: 序号 → days from today, ``DEMO_DAYS`` by
    default) as ``services.seed.assign_office_deadlines`` does; return {序号 as written: task id} for every task."""
    with app.app_context():
        plan = db.session.scalar(select(Plan))
        assign_office_deadlines(plan.id, "duban", DEMO_DAYS if days is None else days)
        return {render_number(t.path): t.id for t in db.session.scalars(select(Task).where(Task.plan_id == plan.id))}


def current_month() -> str:
    """This month in Beijing as a 通报 period, ``YYYY-MM``."""
    today = clock.beijing_today()
    return f"{today.year}-{today.month:02d}"


def close_on_time(signed_in, office, tasks: dict[str, int], closings=(("zjj", "一（三）"), ("rhygb", "一（五）")),
                  note: str = "已完成。") -> None:
    """Each (liaison's username, 序号) in ``closings``: the liaison acknowledges the task and asks to close it with
    ``note``, the supervising office (``office``, a signed-in client) accepts; each step must redirect (302). With the
    demo's deadlines (``with_office_deadlines``) the two default closings leave 重庆证监局 and 人行重庆营管部 equal."""
    for liaison, number in closings:
        unit = signed_in(liaison)
        assert act(unit, tasks[number], "acknowledge").status_code == 302
        assert act(unit, tasks[number], "close-request", close_note=note).status_code == 302
        assert act(office, tasks[number], "review", decision="accept", review_reason="").status_code == 302
