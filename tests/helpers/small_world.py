"""A small, hand-checkable world for the dashboard, bulletin and API tests.

Today is 2026-11-21 (Beijing). Two plans, three units 甲局 (A), 乙局 (B), 丙局 (C), the supervising
office 督查室, and these tasks (the heading 一 has children, so it is not counted):

| task | plan | lead | supporting | due | status | closed (journal) | reports (Beijing date, unit) |
|---|---|---|---|---|---|---|---|
| T1 一（一） | P1 monthly | A | B | 10-31 | closed | 10-20 | 10-10 A, 10-24 B |
| T2 一（二） | P1 | A | | 11-10 | in progress | | 10-20 A |
| T3 一（三） | P1 | B | | 12-01 | in progress | | 11-05 B |
| T4 一（四） | P1 | B | A | none | in progress | | 11-03 B, 10-26 A (stored 10-25 17:00 UTC) |
| T5 一（五） | P1 | C | | 09-30 | closed | 11-05 | 09-20 C |
| T6 二 | P2 quarterly | C | | none | assigned | | |

P1 was imported on 2026-08-01, P2 on 2026-10-10; both take reports by day 25.
The expected figures are worked out by hand in the tests that use this module.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from tests.helpers.forms import csrf_token
from tracker.extensions import db
from tracker.models import (Assignment, AssignmentRole, Channel, JournalEntry, Plan, ProgressReport, ReportCycle,
                            Role, Task, TaskStatus, Unit, User)

TODAY = date(2026, 11, 21)
PASSWORD = "small-world-password-1"


@dataclass
class World:
    """Ids of what ``build`` stored: plans, units, users and tasks by their short names."""

    plans: dict[str, int]
    units: dict[str, int]
    users: dict[str, int]
    tasks: dict[str, int]


def _task(plan, path, position, due, status, title, parent=None):
    return Task(plan=plan, parent=parent, path=path, number=path[-1], level=len(path), position=position,
                title=title, text=f"{title}的具体要求。", deadline=due and f"{due.year}年{due.month}月{due.day}日前",
                due_date=due, status=status)


def build(app) -> World:
    """Store the small world in ``app``'s (empty, migrated) database and return its ids."""
    with app.app_context():
        units = {key: Unit(name=name) for key, name in
                 {"A": "甲局", "B": "乙局", "C": "丙局", "S": "督查室"}.items()}
        db.session.add_all(units.values())
        users = {}
        for username, role, unit in [("sup", Role.SUPERVISOR, "S"), ("la", Role.LIAISON, "A"),
                                     ("lb", Role.LIAISON, "B"), ("lc", Role.LIAISON, "C"),
                                     ("viewer", Role.VIEWER, None)]:
            user = User(username=username, display_name=username, role=role,
                        unit=units[unit] if unit else None)
            user.set_password(PASSWORD)
            users[username] = user
        db.session.add_all(users.values())
        p1 = Plan(title="示范工作方案", doc_number="示办发〔2026〕1号", report_cycle=ReportCycle.MONTHLY,
                  report_day=25, warning_days=15, created_at=datetime(2026, 8, 1, 2, 0))
        p2 = Plan(title="季度督办方案", report_cycle=ReportCycle.QUARTERLY, report_day=25,
                  created_at=datetime(2026, 10, 10, 2, 0))
        db.session.add_all([p1, p2])
        heading = _task(p1, ["一"], 0, None, TaskStatus.ASSIGNED, "重点任务一")
        tasks = {
            "T1": _task(p1, ["一", "（一）"], 1, date(2026, 10, 31), TaskStatus.CLOSED, "建立风险台账", heading),
            "T2": _task(p1, ["一", "（二）"], 2, date(2026, 11, 10), TaskStatus.IN_PROGRESS, "开展专项排查", heading),
            "T3": _task(p1, ["一", "（三）"], 3, date(2026, 12, 1), TaskStatus.IN_PROGRESS, "完善监测预警", heading),
            "T4": _task(p1, ["一", "（四）"], 4, None, TaskStatus.IN_PROGRESS, "加强宣传教育", heading),
            "T5": _task(p1, ["一", "（五）"], 5, date(2026, 9, 30), TaskStatus.CLOSED, "清理违规担保", heading),
            "T6": _task(p2, ["二"], 0, None, TaskStatus.ASSIGNED, "季度重点督办事项"),
        }
        db.session.add(heading)
        db.session.add_all(tasks.values())
        for key, lead, supporting in [("T1", "A", "B"), ("T2", "A", None), ("T3", "B", None), ("T4", "B", "A"),
                                      ("T5", "C", None), ("T6", "C", None)]:
            tasks[key].assignments.append(Assignment(unit=units[lead], role=AssignmentRole.LEAD, position=0))
            if supporting:
                tasks[key].assignments.append(
                    Assignment(unit=units[supporting], role=AssignmentRole.SUPPORTING, position=1))
        heading.assignments.append(Assignment(unit=units["A"], role=AssignmentRole.LEAD, position=0))
        db.session.flush()
        for key, unit, user, stored_utc, text in [
            ("T1", "A", "la", datetime(2026, 10, 10, 2, 0), "台账已建立，覆盖 30 家机构。"),
            ("T1", "B", "lb", datetime(2026, 10, 24, 2, 0), "配合提供机构名单。"),
            ("T2", "A", "la", datetime(2026, 10, 20, 2, 0), "排查已覆盖 12 家担保公司。"),
            ("T3", "B", "lb", datetime(2026, 11, 5, 1, 0), "监测指标体系初稿完成。"),
            ("T4", "B", "lb", datetime(2026, 11, 3, 2, 0), "举办防范非法集资宣传月活动。"),
            ("T4", "A", "la", datetime(2026, 10, 25, 17, 0), "发放宣传资料 5000 份。"),
            ("T5", "C", "lc", datetime(2026, 9, 20, 2, 0), "违规担保清理进度过半。"),
        ]:
            db.session.add(ProgressReport(task=tasks[key], unit=units[unit], author=users[user],
                                          created_at=stored_utc, progress=text))
        for key, closed_utc in [("T1", datetime(2026, 10, 20, 3, 0)), ("T5", datetime(2026, 11, 5, 3, 0))]:
            db.session.add(JournalEntry(task=tasks[key], plan_id=tasks[key].plan_id, user=users["sup"],
                                        unit_id=units["S"].id, channel=Channel.FORM, field="status",
                                        old_code="close_requested", new_code="closed", created_at=closed_utc))
        db.session.commit()
        return World(plans={"P1": p1.id, "P2": p2.id}, units={k: u.id for k, u in units.items()},
                     users={k: u.id for k, u in users.items()}, tasks={k: t.id for k, t in tasks.items()})


def sign_in(client, username: str):
    """Sign ``client`` in as ``username`` of the small world (every account has PASSWORD)."""
    page = client.get("/login").get_data(as_text=True)
    response = client.post("/login", data={"username": username, "password": PASSWORD,
                                           "csrf_token": csrf_token(page)})
    assert response.status_code == 302
    return response
