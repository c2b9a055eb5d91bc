"""Who may see and report on which task: one place for the rules.

Rules (issue #2, SECURITY-TESTS.md A1–A3): the supervising office, admins and
viewers see every task; a liaison sees only tasks where its unit is lead or
supporting unit. Reporting: supervisors and admins on every task, a liaison on
its unit's tasks, a viewer never. Changing 完成状态: supervisors, admins and the
lead unit's liaison.
Which tasks a user's lists, ledgers and counts hold is the task scope (services/scope.py).
"""
from __future__ import annotations

from ..models import AssignmentRole, JournalField, Role, Task, User
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
    """Return True when ``user`` may see ``task`` and its reports.

    Also (issue 18) a liaison of a lead unit of the task a sub-task was split from, at any level
    up: the unit that split its task follows its sub-tasks' pages (reading only: it neither reports
    nor moves their status, which need a role in the sub-task itself). Lists and counts stay with
    the task scope (services/scope.py), where a sub-task is its own unit's task.
    """
    if user.sees_everything or unit_role(user, task) is not None:
        return True
    source, seen = getattr(task, "split_from", None), set()
    while source is not None and source.id not in seen:
        if unit_role(user, source) is AssignmentRole.LEAD:
            return True
        seen.add(source.id)
        source = source.split_from
    return False


def can_report(user: User, task: Task) -> bool:
    """Return True when ``user`` may add a progress report to ``task`` (never to a withdrawn task)."""
    if task.withdrawn_at is not None:
        return False
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


#: What anyone else is told when trying to import a plan (services/plans/drafts.py, the import pages).
MANAGE_PLANS_MESSAGE = "只有督办部门可以导入方案。如需导入，请联系督办部门。"


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


# --- The 督办 workflow (issue #5) ------------------------------------------------------------

def is_supervisor(user: User) -> bool:
    """Return True for the supervising office and admins: they review, decide, urge and set plans."""
    return user.role in (Role.ADMIN, Role.SUPERVISOR)


def can_publish_bulletin(user: User) -> bool:
    """Return True when ``user`` may publish (发布) a period's 通报 to the units: the supervising office and
    admins, who issue it (services/figures/publishing.py). Viewers may preview it, never issue it."""
    return is_supervisor(user)


def can_read_published_bulletins(user: User) -> bool:
    """Return True when ``user`` may open the published 通报 and download them: a 通报 is issued to every unit,
    so every user of a unit (liaisons, unit leaders) and everyone who sees every task."""
    return user.sees_everything or user.unit_id is not None


#: What a user who may not issue the 通报 is told (the publish form, services/figures/publishing.py).
PUBLISH_BULLETIN_MESSAGE = "只有督办部门可以发布通报。"


def is_lead_liaison(user: User, task: Task) -> bool:
    """Return True when ``user`` is a liaison of one of ``task``'s lead units (牵头单位)."""
    return user.role is Role.LIAISON and unit_role(user, task) is AssignmentRole.LEAD


def can_split_task(user: User, task: Task) -> bool:
    """Return True when ``user`` may split ``task`` into sub-tasks (分解, issue 18): the supervising
    office and admins, and a liaison of one of its lead units (牵头单位 splits to its 处室 or lower
    levels). Never a withdrawn task."""
    if task.withdrawn_at is not None:
        return False
    return is_supervisor(user) or is_lead_liaison(user, task)


def can_decide_extension(user: User, task: Task) -> bool:
    """Return True when ``user`` decides a 延期申请 on ``task`` (审批延期, workflow47).

    On a task split from another (a district's part, issue 18): who may split that task (``can_split_task``: its
    lead unit's liaison, and the supervising office and admins). The part's date is the splitting unit's own
    arrangement within its own task's (services/plans/subtasks.change_subtask_deadline), so the district asks it,
    not the office; a date beyond the split task's is refused when asked (workflow/extensions.split_bound_refusal).
    On any other task: the supervising office and admins, whose the plan's deadlines are."""
    source = getattr(task, "split_from", None)
    if source is not None:
        return can_split_task(user, source)
    return is_supervisor(user)


def is_unit_leader(user: User, task: Task) -> bool:
    """Return True when ``user`` is the unit leader (单位负责人) of a unit assigned to ``task`` (lead or
    supporting): who signs off (审核签发) that unit's drafts on the task (issue 18)."""
    return user.role is Role.LEADER and unit_role(user, task) is not None


def can_acknowledge(user: User, task: Task) -> bool:
    """Return True when ``user`` is a liaison of a unit assigned to ``task`` (lead or supporting): 签收."""
    return user.role is Role.LIAISON and unit_role(user, task) is not None


# Journal fields that belong to one unit only: a reminder (催办) and its acknowledgement.
PRIVATE_TO_UNIT_FIELDS = frozenset({JournalField.REMINDER.value, JournalField.REMINDER_ACK.value})
# Journal fields of a unit's drafts before its leader signed them (待签发, 退回修改; issue 18): seen by the
# unit's own users only, not even by the supervising office, which sees a report once it is signed.
DRAFT_FIELDS = frozenset({JournalField.DRAFT.value, JournalField.SIGNOFF_RETURN.value})


def can_see_entry(user: User, task: Task, entry) -> bool:
    """Return True when ``user`` may see the journal ``entry`` of ``task`` (history, conflict page).

    Rule (SECURITY-TESTS A10): nothing of a task the user may not see; on a task the user sees,
    every entry except those private to another unit: a reminder to unit X and X's
    acknowledgement are seen by X's users and by the supervising office, admins and viewers,
    not by the task's other units. Reports and workflow steps are seen by every unit of the task,
    as the plan page and the ledger show them. A unit's drafts and their returns (DRAFT_FIELDS) are
    seen by that unit's users only (issue 18: the supervising office sees signed reports only).
    """
    if not can_view_task(user, task):
        return False
    if entry.field in DRAFT_FIELDS:
        return entry.subject_unit_id is not None and entry.subject_unit_id == user.unit_id
    if entry.field in PRIVATE_TO_UNIT_FIELDS and not user.sees_everything:
        return entry.subject_unit_id is not None and entry.subject_unit_id == user.unit_id
    return True


def can_see_report(user: User, task: Task, report) -> bool:
    """Return True when ``user`` may see ``report`` of ``task`` and its attachments: whoever sees the task
    sees a report that counts (``ProgressReport.counted_at``); a draft or a returned one (issue 18) only
    the users of its own unit (its liaisons and unit leader)."""
    if report.task_id != task.id or not can_view_task(user, task):
        return False
    return report.counts or (report.unit_id is not None and report.unit_id == user.unit_id)


def requirement(allowed, message: str):
    """Return a check ``check(task)`` that raises PermissionDenied with ``message`` unless ``allowed(task)``.

    ``allowed``: a predicate of the task, e.g. ``lambda task: is_lead_liaison(user, task)``; used by
    services/concurrency.task_change to refuse before it compares versions.
    """
    def check(task: Task) -> None:
        require(allowed(task), message)
    return check
