"""Which tasks count: the one task-scope query (services/scope.py) and the pages that used to disagree.

Runs on tests/small_world.py (today 2026-11-21) with more in it (``scope_world``):

| task | plan | lead | parent | state |
|---|---|---|---|---|
| H1 一 | P1 | 甲局 (A) | | heading of T1–T5 and W1 |
| W1 一（六） | P1 | A | H1 | withdrawn (已撤销), due 2020-01-01: red if it still counted |
| H2 三 | P1 | A | | heading whose only sub-measure W2 is withdrawn |
| W2 三（一） | P1 | A | H2 | withdrawn, no report: yellow if it still counted |
| T8 三 | P2 | 丁局 (D), merged into 丙局 (C) | | live leaf, now led by C |

plus T1–T6 of the small world (A leads T1, T2 and supports T4; B leads T3, T4 and supports T1; C leads
T5, T6). Users: ``sup`` (supervisor), ``viewer``, ``admin``, liaisons ``la`` (A), ``lb`` (B), ``lc`` (C)
and ``nounit`` (a liaison whose unit is not set yet).
"""
from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from sqlalchemy import select

import tracker.clock
from tests.helpers import small_world
from tests.helpers.forms import csrf_token
from tracker.extensions import db
from tracker.models import Assignment, AssignmentRole, Plan, Reminder, Role, Task, TaskStatus, Unit, User
from tracker.services.figures.dashboard import build_dashboard
from tracker.services.ledger.export import build_ledger
from tracker.services.scope import live_units_query, task_scope
from tracker.services.accounts.units import merge_units

TODAY = small_world.TODAY


def _task(plan, path, position, title, lead, parent=None, due=None, withdrawn=False) -> Task:
    task = Task(plan=plan, parent=parent, path=path, number=path[-1], level=len(path), position=position,
                title=title, text=f"{title}的具体要求。", due_date=due, status=TaskStatus.IN_PROGRESS,
                withdrawn_at=datetime(2026, 11, 1, 2) if withdrawn else None)
    task.assignments.append(Assignment(unit=lead, role=AssignmentRole.LEAD, position=0))
    db.session.add(task)
    return task


@pytest.fixture
def scope_world(empty_app, monkeypatch):
    """The small world plus withdrawn tasks, a heading left with withdrawn sub-measures only, a unit
    merged into another, an admin and a liaison without a unit; the clock at 2026-11-21 (Beijing).
    Returns ``(world, ids)``: the small world's ids and ``ids`` of H1, H2, W1, W2, T8 and unit D."""
    monkeypatch.setattr(tracker.clock, "beijing_today", lambda: TODAY)
    world = small_world.build(empty_app)
    with empty_app.app_context():
        p1, p2 = db.session.get(Plan, world.plans["P1"]), db.session.get(Plan, world.plans["P2"])
        a, c = db.session.get(Unit, world.units["A"]), db.session.get(Unit, world.units["C"])
        d = Unit(name="丁局")
        for username, role in (("admin", Role.ADMIN), ("nounit", Role.LIAISON)):
            account = User(username=username, display_name=username, role=role)
            account.set_password(small_world.PASSWORD)
            db.session.add(account)
        h1 = db.session.get(Task, world.tasks["T1"]).parent
        w1 = _task(p1, ["一", "（六）"], 6, "已撤销的排查措施", a, h1, due=date(2020, 1, 1), withdrawn=True)
        h2 = _task(p1, ["三"], 7, "全部撤销的重点任务", a)
        w2 = _task(p1, ["三", "（一）"], 8, "已撤销的唯一措施", a, h2, withdrawn=True)
        t8 = _task(p2, ["三"], 1, "丁局牵头事项", d)
        db.session.commit()
        ids = {"H1": h1.id, "H2": h2.id, "W1": w1.id, "W2": w2.id, "T8": t8.id, "D": d.id}
        merge_units(db.session.get(User, world.users["sup"]), d.id, c.id)
    return world, ids


def _user(username: str) -> User:
    return db.session.scalar(select(User).where(User.username == username))


LIVE_LEAVES = {"T1", "T2", "T3", "T4", "T5", "T6", "T8"}

# (user, narrowing of task_scope(user), the tasks expected): one line per rule of services/scope.py.
SCOPE_CASES = [
    pytest.param("sup", lambda s, u: s.live().leaves(), LIVE_LEAVES, id="supervisor-sees-every-live-leaf"),
    pytest.param("viewer", lambda s, u: s.live().leaves(), LIVE_LEAVES, id="viewer-sees-what-the-supervisor-sees"),
    pytest.param("admin", lambda s, u: s.live().leaves(), LIVE_LEAVES, id="admin-sees-what-the-supervisor-sees"),
    pytest.param("la", lambda s, u: s.live().leaves(), {"T1", "T2", "T4"}, id="liaison-sees-its-units-lead-and-supporting-tasks"),
    pytest.param("nounit", lambda s, u: s.live(), set(), id="liaison-without-a-unit-sees-nothing"),
    pytest.param("la", lambda s, u: s.leaves(), {"T1", "T2", "T4", "W1", "W2"}, id="withdrawn-leaves-leave-only-with-live"),
    pytest.param("sup", lambda s, u: s.withdrawn(), {"W1", "W2"}, id="withdrawn-tasks-listed-apart"),
    pytest.param("sup", lambda s, u: s.live().headings(), {"H1", "H2"},
                 id="heading-whose-sub-measures-are-all-withdrawn-stays-a-heading"),
    pytest.param("la", lambda s, u: s.live().in_plan(u["P1"]), {"H1", "H2", "T1", "T2", "T4"},
                 id="heading-with-a-live-child-is-listed-but-not-a-leaf"),
    pytest.param("sup", lambda s, u: s.live().leaves().for_unit(u["B"]), {"T1", "T3", "T4"},
                 id="for-unit-takes-lead-and-supporting-tasks"),
    pytest.param("lb", lambda s, u: s.live().leaves().for_unit(u["A"]), {"T1", "T4"},
                 id="for-unit-narrows-a-liaisons-own-scope"),
    pytest.param("sup", lambda s, u: s.live().for_unit(u["D"]), set(), id="merged-unit-has-no-tasks-left"),
    pytest.param("lc", lambda s, u: s.live().leaves(), {"T5", "T6", "T8"},
                 id="merged-units-tasks-belong-to-the-unit-it-was-merged-into"),
    pytest.param("lc", lambda s, u: s.live().leaves().in_plan(u["P2"]), {"T6", "T8"}, id="in-plan"),
]


@pytest.mark.parametrize("username, narrow, expected", SCOPE_CASES)
def test_task_scope_edge_cases(empty_app, scope_world, username, narrow, expected):
    world, ids = scope_world
    names = {**{task_id: name for name, task_id in world.tasks.items()},
             **{task_id: name for name, task_id in ids.items() if name != "D"}}
    places = {**world.plans, **world.units, "D": ids["D"]}
    with empty_app.app_context():
        scope = narrow(task_scope(_user(username)), places)
        assert {names[task_id] for task_id in db.session.scalars(scope.ids())} == expected


def test_task_scope_is_heading_reads_the_same_on_a_task_and_in_sql(empty_app, scope_world):
    world, ids = scope_world
    with empty_app.app_context():
        in_sql = dict(db.session.execute(select(Task.id, Task.is_heading)).all())
        on_tasks = {task.id: task.is_heading for task in db.session.scalars(select(Task))}
        assert in_sql == on_tasks
        assert {task_id for task_id, heading in in_sql.items() if heading} == {ids["H1"], ids["H2"]}


def test_task_scope_units_that_count_skip_merged_ones(empty_app, scope_world):
    with empty_app.app_context():
        assert list(db.session.scalars(live_units_query(Unit.name).order_by(Unit.name))) == \
            sorted(["甲局", "乙局", "丙局", "督查室"])


# --- The disagreements of issue 12, each as the user met it ---------------------------------------------

def _sign_in(client, username: str) -> None:
    page = client.get("/login").get_data(as_text=True)
    response = client.post("/login", data={"username": username, "password": small_world.PASSWORD,
                                           "csrf_token": csrf_token(page)})
    assert response.status_code == 302


def test_reminders_to_all_red_and_yellow_tasks_skip_withdrawn_tasks(empty_app, scope_world):
    """督查室 urges 甲局 on all its red and yellow tasks of P1: T2 (overdue). Not T4: its latest report
    (乙局's of 11-03, though stored before 甲局's of October) is of this period, so T4 is green for 催办
    as on the dashboard (one "latest report": services/workflow/progress.latest_report_ids; the highest
    id made it yellow here and green there). W1 (withdrawn, long overdue) and W2 (withdrawn, never
    reported) are no tasks of 甲局 any more and get no 交办单."""
    world, ids = scope_world
    client = empty_app.test_client()
    _sign_in(client, "sup")
    page = client.get(f"/plans/{world.plans['P1']}/reporting").get_data(as_text=True)
    response = client.post(f"/plans/{world.plans['P1']}/units/{world.units['A']}/reminders",
                           data={"csrf_token": csrf_token(page)})
    assert response.status_code == 302
    with empty_app.app_context():
        urged = set(db.session.scalars(select(Reminder.task_id)))
    assert urged == {world.tasks["T2"]}


def test_ledger_heading_whose_sub_measures_are_all_withdrawn_is_not_a_row(empty_app, scope_world):
    """The ledger of P1 has the tasks the dashboard counts for P1: not 三 (its only measure was withdrawn)."""
    world, ids = scope_world
    with empty_app.app_context():
        sup = _user("sup")
        ledger = build_ledger(sup, plan_id=world.plans["P1"], today=TODAY)
        board = build_dashboard(sup, TODAY)
        counted = next(row.total for row in board.by_plan if row.key == world.plans["P1"])
    assert [row.number for row in ledger.rows] == ["一（一）", "一（二）", "一（三）", "一（四）", "一（五）"]
    assert len(ledger.rows) == counted


def test_api_and_dashboard_unit_lists_skip_a_merged_unit(empty_app, scope_world):
    """丁局 was merged into 丙局: the API's unit list and the dashboard's unit filter list what the
    admin's unit page lists, without 丁局 (its name is an alias of 丙局 now)."""
    world, ids = scope_world
    token = empty_app.test_cli_runner().invoke(args=["create-token", "sup"]).output.strip()
    client = empty_app.test_client()
    api_units = client.get("/api/v1/units", headers={"Authorization": f"Bearer {token}"}).get_json()["items"]
    assert sorted(unit["name"] for unit in api_units) == sorted(["甲局", "乙局", "丙局", "督查室"])
    assert next(unit for unit in api_units if unit["name"] == "丙局")["aliases"] == ["丁局"]
    _sign_in(client, "sup")
    page = client.get("/dashboard").get_data(as_text=True)
    unit_filter = page[page.index('name="unit"'):]
    unit_filter = unit_filter[:unit_filter.index("</select>")]
    assert sorted(re.findall(r'<option value="\d+"[^>]*>([^<]+)</option>', unit_filter)) == \
        sorted(["甲局", "乙局", "丙局", "督查室"])
