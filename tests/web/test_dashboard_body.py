"""The dashboard's body kept per process (dashboard/routes.dashboard_body, issue 19): never another user's page,
never older than the data.

The small world (tests/helpers/small_world.py): 督查室's supervisor ``sup`` and a ``viewer`` see everything;
``la`` is 甲局's liaison (T1, T2 开展专项排查, T4), ``lb`` 乙局's (T1, T3 完善监测预警, T4), ``lc`` 丙局's (T5, T6
季度重点督办事项, plan P2's only task).
"""
from __future__ import annotations

import re
import pytest
from sqlalchemy import select

import tracker.clock
from tests.helpers import small_world
from tests.helpers.small_world import sign_in
from tracker.extensions import db
from tracker.models import Plan, Task, User
from tracker.services.figures.cache import figures_cache

TODAY = small_world.TODAY


@pytest.fixture
def world(empty_app, monkeypatch):
    """The small world, with the app's clock set to 2026-11-21 (Beijing)."""
    monkeypatch.setattr(tracker.clock, "beijing_today", lambda: TODAY)
    return small_world.build(empty_app)


def user(username: str) -> User:
    return db.session.scalar(select(User).where(User.username == username))


def normalised(html: str) -> str:
    """The page with its CSRF tokens blanked and its white space collapsed."""
    html = re.sub(r'name="csrf_token" value="[^"]*"', 'name="csrf_token" value=""', html)
    return re.sub(r"\s+", " ", html).strip()


def top_bar(html: str) -> str:
    return html.split("<main", 1)[0]


def dashboard_body(html: str) -> str:
    """The dashboard's body (its title on), normalised."""
    return normalised(html).split('<h1 class="h3 mb-1">督办总览</h1>', 1)[1]


def test_each_viewer_sees_only_their_own_page_around_the_kept_dashboard(empty_app, world):
    """The supervisor opens the dashboard (its body is kept), then the viewer, then 甲局's and 乙局's liaisons open
    their home and try the dashboard. The viewer gets the same figures under its own top bar (its name, no 待办,
    no message meant for the supervisor, its own CSRF token; the top bars are kept too: templating.top_bar_html); a
    notification for the supervisor shows on its bell only; each liaison gets its own unit's tasks and never the
    kept body."""
    clients = {name: empty_app.test_client() for name in ("sup", "viewer", "la", "lb")}
    for name, client in clients.items():
        sign_in(client, name)
    with clients["sup"].session_transaction() as session:
        session["_flashes"] = [("info", "只给督办看的提示")]

    supervisor = clients["sup"].get("/dashboard").get_data(as_text=True)
    assert "只给督办看的提示" in supervisor and 'id="nav-inbox"' in supervisor
    assert "sup · " in top_bar(supervisor) and "viewer · " not in supervisor
    with empty_app.app_context():
        assert len(figures_cache().companions["dashboard bodies"]._entries) == 1

    viewer = clients["viewer"].get("/dashboard").get_data(as_text=True)
    with empty_app.app_context():
        assert figures_cache().companions["dashboard bodies"].hits == 1  # the supervisor's body, kept
    assert "viewer · " in top_bar(viewer) and "sup · " not in viewer
    assert "只给督办看的提示" not in viewer and 'id="nav-inbox"' not in viewer
    token = re.compile(r'name="csrf_token" value="([^"]+)"')
    assert token.search(viewer).group(1) != token.search(supervisor).group(1)
    # the same body under each one's own top bar (the flashed message aside)
    assert "欢迎，viewer。" in viewer and "欢迎，viewer。" not in supervisor  # its own sign-in message
    # the same body under each one's own top bar and messages
    assert dashboard_body(viewer) == dashboard_body(supervisor)
    again = clients["sup"].get("/dashboard").get_data(as_text=True)
    assert "只给督办看的提示" not in again  # shown once
    assert 'id="notification-badge"' not in again
    with empty_app.app_context():  # a notification for the supervisor: its bell counts it at once, the viewer's not
        from tracker.services.notifications import Kind, notify_users
        notify_users([user("sup")], Kind.REMINDER, "请查看催办", email=False)
        db.session.commit()
    assert '<span class="badge text-bg-danger" id="notification-badge">1</span>' in \
        clients["sup"].get("/dashboard").get_data(as_text=True)
    assert 'id="notification-badge"' not in clients["viewer"].get("/dashboard").get_data(as_text=True)

    for name, own, others in (("la", "开展专项排查", "完善监测预警"), ("lb", "完善监测预警", "开展专项排查")):
        client = clients[name]
        assert client.get("/dashboard").status_code == 403
        home = client.get("/").get_data(as_text=True)
        assert own in home and others not in home
        assert "督办总览" not in home and "单位排名" not in home and f"{name} · " in top_bar(home)
        assert "sup · " not in home and "viewer · " not in home
    with empty_app.app_context():
        assert len(figures_cache().companions["dashboard bodies"]._entries) == 1  # only the supervisors' body


def test_the_dashboard_reads_the_top_bar_badges_with_its_snapshot_in_one_statement(empty_app, world):
    """The supervisor keeps the dashboard open; a reminder notification arrives for it. The next dashboard rings the
    bell (1) and the one after it too, though nothing else changed: the badges are read on every page, in the
    statement that reads the figures' snapshot (services/figures/cache.snapshot_with, services/inbox.badge_read),
    not in one of their own: on PostgreSQL a round trip less on every dashboard (issue 19, item 31). Once the
    notification is read, the bell is quiet again on the next dashboard."""
    from tests.helpers.queries import count_statements
    from tracker.models import Notification
    from tracker.services.notifications import Kind, notify_users

    client = empty_app.test_client()
    sign_in(client, "sup")
    assert 'id="notification-badge"' not in client.get("/dashboard").get_data(as_text=True)
    with empty_app.app_context():
        notify_users([user("sup")], Kind.REMINDER, "请查看催办", email=False)
        db.session.commit()
    bell = '<span class="badge text-bg-danger" id="notification-badge">1</span>'
    for _ in range(2):
        pages: list[str] = []
        sent: list[str] = []
        count_statements(empty_app, lambda: pages.append(client.get("/dashboard").get_data(as_text=True)), into=sent)
        assert bell in pages[0]
        badges = [sql for sql in sent if "notification" in sql]
        assert len(badges) == 1 and "task_versions" in badges[0], sent  # with the snapshot, nothing apart
    with empty_app.app_context():
        for item in db.session.scalars(select(Notification)):
            item.read_at = tracker.clock.utcnow()
        db.session.commit()
    assert 'id="notification-badge"' not in client.get("/dashboard").get_data(as_text=True)


def test_the_kept_dashboard_after_each_change_is_the_page_rendered_from_nothing(empty_app, world, monkeypatch):
    """The supervisor keeps three dashboards open (all tasks; sorted by punctuality; plan P2's only task, T6)
    while the office and the units work: a report on T2, T6 renamed, T6 signed for (签收: a quiet journal entry
    and a status change), a report on T6 moving it to 推进中, 乙局 renamed, a plan added, a target set on T3 (a
    quiet journal entry), a 完成值 reported on T3. After each change every page is what it would be rendered from
    nothing (the figures and the kept bodies forgotten), though the parts a change cannot have moved were taken from
    the kept body: the P2 page kept its task line after the report on T2, every page its filter choices, and its
    quantified tasks after a report on a task without a target."""
    from tracker.models import JournalEntry, JournalField
    from tracker.services.accounts.units import rename_unit
    from tracker.services.plans.task_editing import TaskEdit, edit_task
    from tracker.services.workflow import acknowledge
    from tracker.services.workflow.progress import add_report
    import tracker.dashboard.routes as routes

    read = {"lines": 0, "choices": 0}
    real_lines, real_choices = routes.task_lines, routes.filter_choices
    monkeypatch.setattr(routes, "task_lines", lambda ids: read.__setitem__("lines", read["lines"] + 1) or real_lines(ids))
    monkeypatch.setattr(routes, "filter_choices",
                        lambda: read.__setitem__("choices", read["choices"] + 1) or real_choices())
    real_quantified = routes.quantified_tasks
    monkeypatch.setattr(routes, "quantified_tasks", lambda *args, **kwargs: read.__setitem__(
        "quantified", read.get("quantified", 0) + 1) or real_quantified(*args, **kwargs))
    client = empty_app.test_client()
    sign_in(client, "sup")
    pages = ["/dashboard", "/dashboard?sort=punctuality", f"/dashboard?plan={world.plans['P2']}"]

    def shown() -> list[str]:
        return [normalised(client.get(path).get_data(as_text=True)) for path in pages]

    def from_nothing() -> list[str]:
        with empty_app.app_context():
            figures_cache().clear()
        return shown()

    def edited(task_id: int, **changes) -> None:
        task = db.session.get(Task, task_id)
        fields = dict(title=task.title, text=task.text, deadline=task.deadline or "", due_date=task.due_date,
                      lead_unit_ids=[a.unit_id for a in task.assignments if a.role.value == "lead"],
                      supporting_unit_ids=[a.unit_id for a in task.assignments if a.role.value == "supporting"],
                      target_value=task.target_value, target_unit=task.target_unit or "")
        edit_task(task_id, user("sup"), TaskEdit(**{**fields, **changes}), task.version)

    first = shown()
    assert "季度重点督办事项" in first[2] and "开展专项排查" not in first[2]
    read.update(lines=0, choices=0)
    with empty_app.app_context():
        add_report(db.session.get(Task, world.tasks["T2"]), user("la"), "十一月二十一日排查完毕")
    after_report = shown()
    assert "十一月二十一日排查完毕" in after_report[0] and "十一月二十一日排查完毕" not in first[0]
    assert (read["lines"], read["choices"]) == (2, 0)  # the P2 page kept T6's line, and every page the filter choices
    assert after_report == from_nothing()

    steps = [
        ("季度重点督办事项（改名）", lambda: edited(world.tasks["T6"], title="季度重点督办事项（改名）")),
        (None, lambda: acknowledge(world.tasks["T6"], user("lc"), db.session.get(Task, world.tasks["T6"]).version)),
        ("丙局报送：已部署", lambda: add_report(db.session.get(Task, world.tasks["T6"]), user("lc"), "丙局报送：已部署")),
        ("乙局（更名）", lambda: rename_unit(user("sup"), world.units["B"], "乙局（更名）")),
        ("新增方案", lambda: (db.session.add(Plan(title="新增方案", source_text="")), db.session.commit())),
        ("12亿元", lambda: edited(world.tasks["T3"], target_value=12.0, target_unit="亿元")),
        ("50.00%", lambda: add_report(db.session.get(Task, world.tasks["T3"]), user("lb"), "完成值已报",
                                      achieved_value=6.0)),
    ]
    for text, step in steps:
        before = shown()
        with empty_app.app_context():
            step()
        now = shown()
        assert now != before and (text is None or (text in now[0] and text not in before[0])), text
        assert now == from_nothing(), text
    read.update(quantified=0)
    with empty_app.app_context():
        add_report(db.session.get(Task, world.tasks["T2"]), user("la"), "十一月二十二日再次排查")
    assert shown() == from_nothing() and read["quantified"] == 3  # kept after the report on T2, read after "nothing"
    with empty_app.app_context():
        fields = set(db.session.scalars(select(JournalEntry.field).where(JournalEntry.task_id == world.tasks["T6"])))
        assert {JournalField.ACKNOWLEDGE.value, JournalField.STATUS.value, JournalField.TITLE.value} <= fields


def test_a_plan_renamed_and_made_weekly_shows_on_the_next_dashboard_though_the_plans_are_kept(empty_app, world):
    """The supervisor keeps the dashboard open while 甲局 files a report on T2: that next dashboard reads no plan (the
    plans are kept with the task facts, facts.kept_facts, item 31). Then, in 报送设置, the office renames plan P1
    示范工作方案 and makes it report weekly. The next dashboard names the plan by its new title in 按方案统计, counts
    one yellow light more (T4, last reported on 11-03, owes this week's report), and is the page rendered from
    nothing: a plan's settings and title are never taken from what was kept."""
    from tests.helpers.queries import count_statements
    from tracker.models import ReportCycle
    from tracker.services.figures.reporting import update_plan_settings
    from tracker.services.workflow.progress import add_report

    client = empty_app.test_client()
    sign_in(client, "sup")

    def yellow(html: str) -> int:
        return int(re.search(r'黄灯</div>\s*<div class="fs-3 fw-semibold">(?:<a[^>]*>)?(\d+)', html).group(1))

    before = client.get("/dashboard").get_data(as_text=True)
    assert "示范工作方案</a>" in before  # its line in 按方案统计 links the plan
    with empty_app.app_context():
        add_report(db.session.get(Task, world.tasks["T2"]), user("la"), "甲局报送：排查过半")
    sent: list[str] = []
    count_statements(empty_app, lambda: client.get("/dashboard"), into=sent)
    assert not [sql for sql in sent if re.search(r'\sFROM "?plan"?\s*$', sql)], sent
    for cycle, day in ((ReportCycle.MONTHLY, None), (ReportCycle.WEEKLY, 5)):  # renamed, then made weekly (Fridays)
        with empty_app.app_context():
            plan = db.session.get(Plan, world.plans["P1"])
            update_plan_settings(plan.id, user("sup"), plan.warning_days, cycle, day or plan.report_day,
                                 {"title": "示范工作方案（修订）"})
        after = client.get("/dashboard").get_data(as_text=True)
        assert "示范工作方案（修订）" in after and "示范工作方案</a>" not in after, cycle
        assert yellow(after) == yellow(before) + (cycle is ReportCycle.WEEKLY), cycle
        with empty_app.app_context():
            figures_cache().clear()
        assert dashboard_body(after) == dashboard_body(client.get("/dashboard").get_data(as_text=True)), cycle


def test_after_reports_the_dashboard_reads_what_was_written_in_one_statement(empty_app, world):
    """The supervisor keeps the dashboard open while 甲局 files a report on T2, then 乙局 two, on T3 and T1. The next
    dashboard after each shows the new reports, is the page rendered from nothing, and costs two statements more
    than a dashboard with nothing new, however many reports came in: what was written since (the journal entries and
    the reports, in one statement: services/figures/cache._written_between) and the lines of the listed tasks
    reported on (dashboard/routes); the plans are not read again, a report changes none (facts.kept_facts keeps them
    with the facts: item 31). On PostgreSQL each statement is a round trip (issue 19, docs/benchmarks.md item 22)."""
    from tests.helpers.queries import count_statements
    from tracker.services.workflow.progress import add_report

    client = empty_app.test_client()
    sign_in(client, "sup")
    client.get("/dashboard")
    nothing_new = count_statements(empty_app, lambda: client.get("/dashboard"))
    for reports in ([("T2", "la", "甲局报送：排查过半")], [("T3", "lb", "乙局报送：预警上线"), ("T1", "lb", "乙局报送：配合完成")]):
        with empty_app.app_context():
            for task, author, text in reports:
                add_report(db.session.get(Task, world.tasks[task]), user(author), text)
        pages = []
        statements = count_statements(empty_app, lambda: pages.append(client.get("/dashboard").get_data(as_text=True)))
        assert all(text in pages[0] for _, _, text in reports)
        assert statements == nothing_new + 2, reports
        with empty_app.app_context():
            figures_cache().clear()
        assert normalised(pages[0]) == normalised(client.get("/dashboard").get_data(as_text=True))
