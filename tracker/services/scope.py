"""Which tasks and which units count: the one task-scope query (issue 12).

Every service and view that lists, counts, exports or urges tasks starts from ``task_scope``:

    task_scope(user).live().leaves().in_plan(plan_id).for_unit(unit_id).select(Task.id)

The rules, each written here once:

- **Visible to a user**: the supervising office, admins and viewers (``User.sees_everything``) see
  every task; a liaison sees the tasks its unit leads or supports (SECURITY-TESTS.md A1–A3). A user
  of ``None`` is the system itself (a reminder run, the plan list's counts): every task.
- **Live**: not withdrawn by a plan revision (已撤销, ``Task.withdrawn_at``, services/plans/revision.py).
  Withdrawn tasks keep their own pages (``permissions.can_view_task``) and are listed apart on the
  plan page; they are never counted, exported, urged or owed a report.
- **Leaf or heading**: ``Task.is_heading`` (models/plans.py): a task with sub-measures, withdrawn ones
  included, is a heading (重点任务). Only leaves are counted, exported as ledger rows, urged and owed
  reports; a heading whose sub-measures were all withdrawn stays a heading.
- **Split tasks and sub-tasks** (层层分解, issue 18; services/plans/subtasks.py): a sub-task names the
  task it was split from (``Task.split_from_id``), apart from the heading tree. Splitting does not make
  a task a heading: the split task still counts (its lead unit answers for the whole, reports on it and
  closes it), and each live sub-task counts too, as its unit's task (listed, urged, owed reports, its
  own light). So ``leaves()`` holds both levels; ``measures()`` keeps the plan's own measures only
  (no sub-tasks) and ``subtasks()`` only sub-tasks, for figures read per level (a plan's count of
  measures, a ranking of the 区县 by their sub-tasks).
- **Since when**: a sub-task, or a measure a revision added, counts from the day it was given to its units
  (``Task.created_at``, services/figures/facts.duty_start), not before: the facts of an earlier day (a past period's
  通报) leave it out (facts.load_facts) and it owes no report of a period that ended before it (figures/ranking
  .owes_report). The measures a plan was imported with are the plan's since its import.
- **Units that count**: units not merged into another (``Unit.merged_into_id`` is NULL,
  services/accounts/units.merge_units): the unit lists of the dashboard, the API and the admin pages.
  Look-ups by id or name (a journal entry naming a merged unit) still find every unit.
- **Units that hold tasks** (``task_units_query``): of those, the units of a kind that takes work
  (``UnitKind.takes_subtasks``: not a 金融机构, the reporting entities an indicator import creates by the hundred),
  and any unit, whatever its kind, that a task names: the dashboard's 单位 filter (workflow54).

The builder is immutable: each method returns a narrower scope, so a scope can be kept and
narrowed in two ways. ``select(*columns)`` returns a plain SQLAlchemy ``Select`` to which callers
add columns, joins, counts, order and pagination.
"""
from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from functools import cache

from sqlalchemy import ColumnElement, Select, false, or_, select

from ..models import Assignment, Task, Unit, UnitKind, User


def unit_tasks(unit_id: int | None) -> ColumnElement[bool]:
    """Return the SQL condition "the task is led or supported by unit ``unit_id``" (never true for None)."""
    if unit_id is None:
        return false()
    return Task.id.in_(select(Assignment.task_id).where(Assignment.unit_id == unit_id))


@cache
def _heading() -> ColumnElement[bool]:
    """``Task.is_heading`` as SQL, built once: the hybrid builds its EXISTS (an alias of ``task``, adapted
    by the ORM) anew on every access, 2–7 ms each, four times per plan page (issue 19, bench/plan_page.py).
    An SQL expression is immutable, so one serves every statement (each EXISTS scopes its own alias)."""
    return Task.is_heading


@dataclass(frozen=True)
class TaskScope:
    """The tasks ``user`` may see, narrowed by ``criteria`` (SQL conditions on ``Task``); see the module
    docstring for the rules. Build it with ``task_scope``; every method returns a new TaskScope."""

    user: User | None
    criteria: tuple = ()

    @property
    def unrestricted(self) -> bool:
        """True when the user sees every task (the system, the supervising office, admins, viewers)."""
        return self.user is None or self.user.sees_everything

    def where(self, *criteria: ColumnElement[bool]) -> "TaskScope":
        """Return this scope narrowed by further SQL conditions on ``Task`` (e.g. a dashboard filter)."""
        return TaskScope(self.user, self.criteria + criteria)

    def live(self) -> "TaskScope":
        """Only tasks not withdrawn by a plan revision (已撤销)."""
        return self.where(Task.withdrawn_at.is_(None))

    def withdrawn(self) -> "TaskScope":
        """Only tasks withdrawn by a plan revision (listed apart on the plan page)."""
        return self.where(Task.withdrawn_at.is_not(None))

    def leaves(self) -> "TaskScope":
        """Only tasks that are not headings (``Task.is_heading``): the ones counted, exported and urged."""
        return self.where(~_heading())

    def headings(self) -> "TaskScope":
        """Only headings (重点任务): tasks with sub-measures, withdrawn sub-measures included."""
        return self.where(_heading())

    def measures(self) -> "TaskScope":
        """Only the plan's own measures: no sub-tasks (分解的子任务, ``Task.split_from_id``)."""
        return self.where(Task.split_from_id.is_(None))

    def subtasks(self) -> "TaskScope":
        """Only sub-tasks split from another task (the lower level of a decomposition)."""
        return self.where(Task.split_from_id.is_not(None))

    def in_plan(self, plan_id: int) -> "TaskScope":
        """Only tasks of plan ``plan_id``."""
        return self.where(Task.plan_id == plan_id)

    def for_unit(self, unit_id: int | None) -> "TaskScope":
        """Only tasks unit ``unit_id`` leads or supports (牵头或配合); none for ``None``."""
        return self.where(unit_tasks(unit_id))

    def conditions(self) -> tuple[ColumnElement[bool], ...]:
        """Return the SQL conditions of this scope, the user's visibility first."""
        visibility = () if self.unrestricted else (unit_tasks(self.user.unit_id),)
        return visibility + self.criteria

    def select(self, *columns) -> Select:
        """Return ``SELECT columns`` (default: the ``Task`` entity) over the tasks of this scope, unordered."""
        return select(*(columns or (Task,))).where(*self.conditions())

    def ids(self) -> Select:
        """Return ``SELECT task.id`` over this scope (for ``Task.id.in_(...)`` and subqueries)."""
        return self.select(Task.id)


def task_scope(user: User | None) -> TaskScope:
    """Return the scope of every task ``user`` may see (``None``: the system, every task); narrow it
    with ``.live()``, ``.leaves()``, ``.in_plan()``, ``.for_unit()`` and read it with ``.select()``."""
    return TaskScope(user)


def viewer_scope(user: User | None) -> Hashable:
    """Return what ``user`` may see as a key: ``"everything"`` for the system and the users who see every task
    (``TaskScope.unrestricted``), else ``("unit", unit id)``. Two users with equal keys see the same tasks, so
    what is computed from their scope (the kept figures, services/figures; the kept dashboard page,
    dashboard/routes.py) may be kept under it and never shown to a user of another unit."""
    if user is None or user.sees_everything:
        return "everything"
    return ("unit", user.unit_id)


def live_units_query(*columns) -> Select:
    """Return ``SELECT columns`` (default: the ``Unit`` entity) over the units that count: those not
    merged into another. Unordered; callers order by name or id."""
    return select(*(columns or (Unit,))).where(Unit.merged_into_id.is_(None))


def task_units_query(*columns) -> Select:
    """Return ``live_units_query(*columns)`` narrowed to the units that hold tasks: those of a kind that takes work
    (``UnitKind.takes_subtasks``; no kind: the default 部门) and those a task names (an ``Assignment``), so a 金融机构
    of an imported indicator table is no choice of a task list's 单位 filter unless a task was given to it.
    Unordered, like ``live_units_query``."""
    working = [kind for kind in UnitKind if kind.takes_subtasks]
    return live_units_query(*columns).where(or_(Unit.kind.is_(None), Unit.kind.in_(working),
                                                Unit.id.in_(select(Assignment.unit_id))))
