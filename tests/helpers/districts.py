"""The 区县 of the small world (issue 18): a group lead unit and three districts under it.

Adds to ``small_world.build``'s database: the group 各区县〔自治县〕人民政府 (kind group) with the
districts 渝中区人民政府, 江北区人民政府, 南岸区人民政府 under it (kind district), a liaison for the group
("lg") and one per district ("lyz", "ljb", "lna"; password small_world.PASSWORD), and the task T7
一（六） of plan P1, led by the group, due 2026-12-31, in progress.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tests.helpers.small_world import PASSWORD, World
from tracker.extensions import db
from tracker.models import Assignment, AssignmentRole, Plan, Role, Task, TaskStatus, Unit, UnitKind, User

GROUP = "各区县〔自治县〕人民政府"
DISTRICTS = {"lyz": "渝中区人民政府", "ljb": "江北区人民政府", "lna": "南岸区人民政府"}


@dataclass
class Districts:
    """Ids: ``group`` unit, ``units`` by district name, ``task`` T7 (led by the group)."""

    group: int
    units: dict[str, int]
    task: int


def add_districts(app, world: World) -> Districts:
    """Store the group, its districts, their liaisons and T7 in ``app``'s database; return their ids."""
    with app.app_context():
        group = Unit(name=GROUP, kind=UnitKind.GROUP, jurisdiction="重庆市")
        db.session.add(group)
        units = {}
        for username, name in [("lg", None), *DISTRICTS.items()]:
            unit = group if name is None else Unit(name=name, kind=UnitKind.DISTRICT, parent=group,
                                                    jurisdiction="重庆市")
            units[name or GROUP] = unit
            user = User(username=username, display_name=username, role=Role.LIAISON, unit=unit)
            user.set_password(PASSWORD)
            db.session.add_all([unit, user])
        plan = db.session.get(Plan, world.plans["P1"])
        heading = next(t for t in plan.tasks if t.path == ["一"])
        task = Task(plan=plan, parent=heading, path=["一", "（六）"], number="（六）", level=2, position=6,
                    title="推进区县风险排查", text="各区县开展风险排查并报送结果。", deadline="2026年12月31日前",
                    due_date=date(2026, 12, 31), status=TaskStatus.IN_PROGRESS)
        task.assignments.append(Assignment(unit=group, role=AssignmentRole.LEAD, position=0))
        db.session.add(task)
        db.session.commit()
        return Districts(group=group.id, units={n: u.id for n, u in units.items() if n != GROUP}, task=task.id)
