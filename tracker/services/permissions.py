"""Who may see and report on which task: one place for the rules.

Rules (issue #2, SECURITY-TESTS.md A1–A3): the supervising office, admins and
viewers see every task; a liaison sees only tasks where its unit is lead or
supporting unit. Reporting: supervisors and admins on every task, a liaison on
its unit's tasks, a viewer never. Changing 完成状态: supervisors, admins and the
lead unit's liaison.
"""
from __future__ import annotations

from sqlalchemy import Select, select

from ..models import Assignment, AssignmentRole, Role, Task, User
from .errors import PermissionDenied


def unit_role(user: User, task: Task) -> AssignmentRole | None:
    """Return the role of ``user``'s unit in ``task`` (lead/supporting), or None."""
    if user.unit_id is None:
        return None
    for assignment in task.assignments:
        if assignment.unit_id == user.unit_id:
            return assignment.role
    return None


def can_view_task(user: User, task: Task) -> bool:
    """Return True when ``user`` may see ``task`` and its reports."""
    return user.sees_everything or unit_role(user, task) is not None


def can_report(user: User, task: Task) -> bool:
    """Return True when ``user`` may add a progress report to ``task``."""
    if user.role in (Role.ADMIN, Role.SUPERVISOR):
        return True
    return user.role is Role.LIAISON and unit_role(user, task) is not None


def can_set_status(user: User, task: Task) -> bool:
    """Return True when ``user`` may change ``task``'s 完成状态 (supervisor, admin, lead liaison)."""
    if user.role in (Role.ADMIN, Role.SUPERVISOR):
        return True
    return user.role is Role.LIAISON and unit_role(user, task) is AssignmentRole.LEAD


def can_manage_plans(user: User) -> bool:
    """Return True when ``user`` may import plans and export any ledger (supervisor, admin)."""
    return user.role in (Role.ADMIN, Role.SUPERVISOR)


def can_manage_users(user: User) -> bool:
    """Return True when ``user`` may create, change, disable and reset accounts (admin only)."""
    return user.role is Role.ADMIN


def can_manage_units(user: User) -> bool:
    """Return True when ``user`` may rename, alias and merge units (admin, supervisor).

    The supervising office imports the plans and so meets the duplicate spellings first;
    it keeps the unit registry, as 督查室 do (README "Admin pages").
    """
    return user.role in (Role.ADMIN, Role.SUPERVISOR)


def require(allowed: bool, message: str = "您没有权限执行此操作。如需办理，请联系督办部门。") -> None:
    """Raise PermissionDenied with ``message`` unless ``allowed``."""
    if not allowed:
        raise PermissionDenied(message)


def visible_tasks(user: User) -> Select:
    """Return a SELECT of the tasks ``user`` may see (all for the supervising office)."""
    query = select(Task)
    if not user.sees_everything:
        query = query.where(
            Task.id.in_(select(Assignment.task_id).where(Assignment.unit_id == user.unit_id))
        )
    return query
