"""The plan page reads a fixed number of SQL statements whatever the size of the plan (issue 19), and
what it reads as plain columns (unit names, latest reports) still shows as before."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select

from tests.helpers.queries import count_statements
from tracker.extensions import db
from tracker.models import Assignment, AssignmentRole, Plan, ProgressReport, Task, TaskStatus, Unit, User


def grow_plan(app, extra: int) -> None:
    """Add a heading with ``extra`` sub-measures to plan 1, each led by 重庆证监局 with 重庆保监局
    supporting, and two reports each (the second by 重庆保监局)."""
    with app.app_context():
        plan = db.session.get(Plan, 1)
        lead = db.session.scalar(select(Unit).where(Unit.name == "重庆证监局"))
        support = db.session.scalar(select(Unit).where(Unit.name == "重庆保监局"))
        author = db.session.scalar(select(User).where(User.username == "duban"))
        start = (db.session.scalar(select(func.max(Task.position)).where(Task.plan_id == 1)) or 0) + 1
        heading = Task(plan=plan, path=["九"], number="九、", level=1, position=start, title="扩充重点任务",
                       text="扩充重点任务")
        db.session.add(heading)
        for n in range(extra):
            task = Task(plan=plan, parent=heading, path=["九", str(n)], number=f"{n}.", level=2,
                        position=start + 1 + n, title=f"扩充任务{n}", text="扩充", status=TaskStatus.IN_PROGRESS)
            task.assignments.append(Assignment(unit=lead, role=AssignmentRole.LEAD, position=0))
            task.assignments.append(Assignment(unit=support, role=AssignmentRole.SUPPORTING, position=1))
            db.session.add(task)
            db.session.add(ProgressReport(task=task, unit=lead, author=author, created_at=datetime(2026, 10, 1, 2),
                                          progress="十月进展"))
            db.session.add(ProgressReport(task=task, unit=support, author=author,
                                          created_at=datetime(2026, 11, 1, 2), progress=f"十一月进展{n}"))
        db.session.commit()


def page_statements(app, client) -> dict[str, int]:
    """The statements of the first and the last page of plan 1 (the page is sized so both are full)."""
    counts = {}
    for name, path in (("first", "/plans/1"), ("last", "/plans/1?page=99")):
        assert client.get(path).status_code == 200  # warm up: the session's first queries are not the page's
        counts[name] = count_statements(app, lambda: client.get(path))
    return counts


def test_plan_page_query_count_does_not_grow_with_the_tasks(app, client, auth, monkeypatch):
    monkeypatch.setattr("tracker.services.plans.store.PLAN_PAGE_SIZE", 1000)  # every line on one page
    grow_plan(app, 20)
    auth.login("duban")
    supervisor_small = page_statements(app, client)
    auth.logout()
    auth.login("zjj")
    liaison_small = page_statements(app, client)
    auth.logout()
    grow_plan(app, 180)  # 20 → 200 tasks more
    auth.login("duban")
    assert page_statements(app, client) == supervisor_small
    auth.logout()
    auth.login("zjj")
    assert page_statements(app, client) == liaison_small


def test_plan_page_shows_unit_names_in_order_and_the_latest_report_with_its_unit(app, client, auth):
    grow_plan(app, 3)
    auth.login("duban")
    html = client.get("/plans/1").get_data(as_text=True)
    line = html[html.index("扩充任务2"):]
    line = line[:line.index("</tr>")]
    assert '<td data-label="牵头单位" class="units">重庆证监局</td>' in line
    assert '<td data-label="配合单位" class="units">重庆保监局</td>' in line
    assert "重庆保监局</div>十一月进展2" in line  # the newer of the two reports, with its unit's name
    assert "十月进展" not in line
