"""催办: the supervising office reminds a unit of a task; the unit's liaison acknowledges (issue #5).

- Levels escalate per task and unit: the first reminder to a unit about a task is a 交办单, the
  second a 催办单, every later one a 督办通知单 (ReminderLevel).
- The supervisor sends one reminder (a task, one of its units) or one per late task of a unit:
  every task of a plan the unit leads or supports whose light is red or yellow (services/figures/lights.py),
  and every task it has not reported on in the current period that was closed on or after the period's report day.
- Which tasks may be urged (``remind_check``, the one rule for the task page, 报送情况 and the services): an open task
  (the transition table's REMIND rows); a closed one only while it still owes the current period's report
  (``closed_task_owes``: figures/ranking.owes_report, the rule the 通报 counts it late by), and then the reminder asks
  for that report (``closed_request``), not to push the task on (workflow47). A task closed before the report day
  owes nothing and is not urged (transitions.NOT_NOW).
- Each reminder is journalled on its task as private to the unit it is addressed to
  (SECURITY-TESTS A10): other units of the task do not see it.
- The liaisons of the unit see unacknowledged reminders on every page (a banner) and on 我的催办,
  and acknowledge them (journalled).
Sending and acknowledging each commit once; e-mail (services/mail.py) is sent after the commit.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache

from sqlalchemy import ColumnElement, Select, bindparam, func, select
from sqlalchemy.orm import selectinload

from ... import clock
from ...clock import to_beijing
from ...database import write_transaction
from ...extensions import db
from ...models import JournalField, Plan, Reminder, ReminderLevel, Role, Task, TaskStatus, Unit, User
from .. import journal, notifications
from ..concurrency import task_change
from ..errors import InvalidInput, NotFound, PermissionDenied
from ..figures.lights import Light, plan_light
from ..permissions import can_view_task, is_supervisor, require
from ..scope import task_scope
from . import _note, transitions
from .transitions import Action
from ...dates import chinese_date
from ...periods import Period

DEFAULT_REQUEST = "请抓紧推进该项任务，并按期报送进展情况。"


#: What the office reads after 催办 one unit on 报送情况 (supervision/routes.remind_unit): what happens next and what to
#: do next, so that the walk dashboard → 报送情况 → 催办 → 通报 does not end on a sentence that only says what was done.
AFTER_REMINDER = ("该单位联络员会在首页“待确认的催办”和通知中看到；报送进展后，本页不再列出其已报送的任务。"
                  "今天再次催办同一单位须勾选“确认今天再次催办”。催办完毕后，可到“通报”页面查看并发布通报。")


def level_for(count_before: int) -> ReminderLevel:
    """Return the level of a reminder preceded by ``count_before`` reminders to the same unit and task."""
    if count_before == 0:
        return ReminderLevel.NOTICE
    return ReminderLevel.URGE if count_before == 1 else ReminderLevel.SUPERVISE


@dataclass(frozen=True)
class UrgedToday:
    """A unit urged today (Beijing day) about a task: ``at``, the Beijing time of the latest reminder sent today;
    ``sent``, its level; ``next``, the level a further reminder would have (``level_for``)."""

    unit_id: int
    at: datetime
    sent: ReminderLevel
    next: ReminderLevel

    def again(self, unit_name: str) -> str:
        """What a second 催办 of ``unit_name`` the same day says before it is sent (Chinese: when, the stronger form the
        next one is, and what to do to send it anyway)."""
        return (f"今天 {self.at:%H:%M} 已向{unit_name}发出{self.sent.label}，再次催办将发出{self.next.label}。"
                f"如确需今天再次催办，请勾选“{AGAIN_CAPTION}”后再提交。")


# The check box that confirms a second 催办 of a unit the same day (task page and 报送情况).
AGAIN_CAPTION = "确认今天再次催办"


def urged_today(reminders, today: date | None = None) -> dict[int, UrgedToday]:
    """Return ``{unit id: UrgedToday}`` for the units of ONE task urged on ``today`` (Beijing; default today).

    ``reminders``: every reminder of the task already loaded (any order: the task page's ``visible_reminders`` of the
    supervising office), so that the page asks nothing more; the next level counts them all, as ``_add_reminder``.
    """
    today = today or clock.beijing_today()
    counts: dict[int, int] = {}
    latest: dict[int, Reminder] = {}
    for reminder in reminders:
        counts[reminder.unit_id] = counts.get(reminder.unit_id, 0) + 1
        if to_beijing(reminder.created_at).date() == today and (
                reminder.unit_id not in latest or reminder.created_at > latest[reminder.unit_id].created_at):
            latest[reminder.unit_id] = reminder
    return {unit_id: UrgedToday(unit_id, to_beijing(r.created_at), r.level, level_for(counts[unit_id]))
            for unit_id, r in latest.items()}


@dataclass(frozen=True)
class OwedReport:
    """The current period's report a closed task still owes (``closed_task_owes``): the period and its report day."""

    period: Period
    due: date


def closed_task_owes(task: Task, today: date | None = None, closed_on: date | None = None) -> OwedReport | None:
    """Return the report of the period containing ``today`` (Beijing; default today) that the closed ``task`` still
    owes, or None (an open task, or one closed before that period's report day: its closing was its last word).

    The rule is the 通报's (figures/ranking.owes_report, RULES["punctuality"]); the report day is periods.report_due.
    ``closed_on``: the task's closing day when the caller has read it (figures/facts.closing_days), else read here
    (one statement, only for a closed task)."""
    if task.status is not TaskStatus.CLOSED:
        return None
    from ...periods import period_containing, report_due
    from ..figures.facts import closing_days, duty_start
    from ..figures.ranking import owes_report

    today = today or clock.beijing_today()
    period = period_containing(task.plan.report_cycle.value, today)
    due = report_due(task.plan, period)
    if closed_on is None:
        closed_on = closing_days([task.id]).get(task.id)
    owes = owes_report(task.status, closed_on, period, due, duty_start(task.created_at, task.plan.created_at))
    return OwedReport(period, due) if owes else None


def remind_check(actor: User, task: Task, today: date | None = None) -> OwedReport | None:
    """Check that ``actor`` may urge a unit of ``task`` now (催办); return the report a closed task still owes (what the
    reminder then asks for), None for an open task.

    The one rule of which tasks are urged, read by ``send_reminder``, ``remind_unit_of_late_tasks`` and the task page:
    who may is the transition table's (REMIND: the supervising office); an open task may be urged (its REMIND rows);
    a closed one only while it owes the current period's report (``closed_task_owes``), so that a row 报送情况 counts
    late has its 催办 like any other. Raises PermissionDenied (who may) or InvalidInput (transitions.NOT_NOW: closed and
    owing nothing, withdrawn by a revision)."""
    transitions.check_who(actor, task, Action.REMIND)
    owed = closed_task_owes(task, today) if task.withdrawn_at is None else None
    if owed is None:
        transitions.check(actor, task, Action.REMIND)
    return owed


def remind_offer(actor: User, task: Task, today: date | None = None) -> tuple[bool, OwedReport | None]:
    """``remind_check`` asked as a question, for what offers 催办 rather than sends it (the task page's form, the API's
    ``actions``): (whether ``actor`` may urge ``task`` now, the report a closed task still owes or None). Raises
    nothing."""
    try:
        return True, remind_check(actor, task, today)
    except (PermissionDenied, InvalidInput):
        return False, None


def closed_request(owed: OwedReport) -> str:
    """What a reminder about a closed task that still owes ``owed`` asks of the unit, in Chinese (the default request,
    as DEFAULT_REQUEST is an open task's)."""
    return (f"该任务已办结，但本期（{owed.period.label}）进展尚未报送（报送截止{chinese_date(owed.due)}），"
            "请在任务页面“报送进展”中补报本期进展情况。")


def _add_reminder(task: Task, unit: Unit, actor: User, request: str, reply_by: date | None) -> Reminder:
    count = db.session.scalar(select(func.count(Reminder.id)).where(
        Reminder.task_id == task.id, Reminder.unit_id == unit.id)) or 0
    reminder = Reminder(task=task, unit=unit, level=level_for(count), request=request, reply_by=reply_by,
                        sent_by_id=actor.id)
    db.session.add(reminder)
    text = f"向{unit.name}发出{reminder.level.label}：{request}"
    if reply_by:
        text += f"（请于{chinese_date(reply_by)}前反馈）"
    journal.record(task, JournalField.REMINDER, None, text, actor, subject_unit_id=unit.id)
    # The reminder has its own mail (services/mail.send_reminders): the notification is not e-mailed again.
    notifications.notify_units([unit.id], notifications.Kind.REMINDER,
                               f"{task.number_display} {task.heading_text}：督办部门发出{reminder.level.label}：{request}",
                               task, email=False)
    return reminder


def _check_reply_by(reply_by: date | None) -> None:
    if reply_by is not None and reply_by < clock.beijing_today():
        raise InvalidInput("“反馈期限”不能早于今天：请填写今天或以后的日期，或留空。")


def send_reminder(task_id: int, unit_id: int, actor: User, request: str | None, reply_by: date | None,
                  read_version: int | None, overwrite_of: int | None = None, again: bool = False) -> Reminder:
    """Send one reminder about ``task_id`` to unit ``unit_id``; commit; return it.

    ``request``: what the unit is asked to do (default DEFAULT_REQUEST); ``reply_by``: the date
    to answer by, or None; ``again``: the user confirmed a second reminder of the unit today (AGAIN_CAPTION).
    Raises PermissionDenied unless ``actor`` is the supervising office or an admin; InvalidInput when the
    unit has no part in the task, the task may not be urged (``remind_check``: closed and owing no report of the
    current period) or the date is past, and when the unit was urged
    today already without ``again`` (UrgedToday.again: the time, and the stronger form the next one is);
    Conflict on a stale version.
    """
    require(is_supervisor(actor), "只有督办部门可以发出催办。")
    text = _note(request, "催办要求", required=False)
    _check_reply_by(reply_by)
    with task_change(task_id, actor, read_version, overwrite_of) as task:
        assignment = next((a for a in task.assignments if a.unit_id == unit_id), None)
        if assignment is None:
            raise InvalidInput("所选单位不是该任务的牵头或配合单位，请重新选择。")
        owed = remind_check(actor, task)  # who may; a closed task only while it owes this period's report
        text = text or (closed_request(owed) if owed else DEFAULT_REQUEST)
        earlier = urged_today(db.session.scalars(select(Reminder).where(
            Reminder.task_id == task.id, Reminder.unit_id == unit_id))).get(unit_id)
        if earlier is not None and not again:
            raise InvalidInput(earlier.again(assignment.unit.name))
        reminder = _add_reminder(task, assignment.unit, actor, text, reply_by)
    return reminder


@dataclass(frozen=True)
class LateTask:
    """A task of a unit whose light is red or yellow."""

    task: Task
    light: Light


def late_tasks(plan: Plan, unit_id: int, today: date | None = None) -> list[LateTask]:
    """Return the open tasks of ``plan`` that unit ``unit_id`` leads or supports whose light is red or yellow.

    The tasks are the live leaves of the task scope (services/scope.py: no heading, no task withdrawn
    by a revision); the light uses the task's latest report from any unit (services/figures/lights.py), in plan order.
    """
    from .progress import latest_reports

    today = today or clock.beijing_today()
    tasks = db.session.scalars(
        task_scope(None).live().leaves().in_plan(plan.id).for_unit(unit_id).select().order_by(Task.position)).all()
    reports = latest_reports([t.id for t in tasks])
    result = []
    for task in tasks:
        if task.status is TaskStatus.CLOSED:
            continue
        latest = reports.get(task.id)
        light = plan_light(plan, task.status, task.due_date,
                           to_beijing(latest.created_at).date() if latest else None, today)
        if light is not Light.GREEN:
            result.append(LateTask(task, light))
    return result


@dataclass(frozen=True)
class ClosedOwing:
    """A closed task of a unit that still owes the current period's report (``closed_unreported``)."""

    task: Task
    owed: OwedReport


def closed_unreported(report, unit_id: int) -> list[ClosedOwing]:
    """Return the closed tasks unit ``unit_id`` has not reported on in ``report``'s period although they owe it (closed
    on or after its report day), in plan order: of ``report``, the 报送情况 rows (figures/reporting.missing_reports, by
    the rule ``closed_task_owes`` reads too). What 报送情况's 催办 sends besides the lit tasks (``late_tasks`` leaves
    closed tasks out)."""
    owed = OwedReport(report.period, report.due)
    return [ClosedOwing(item.task, owed) for item in report.missing
            if item.unit.id == unit_id and item.task.status is TaskStatus.CLOSED]


def units_urged_today(plan_id: int, today: date | None = None) -> dict[int, datetime]:
    """Return ``{unit id: Beijing time of its latest reminder}`` for the units sent a reminder about a task of
    ``plan_id`` on ``today`` (Beijing; default today): what 报送情况 shows beside each unit. One statement."""
    today = today or clock.beijing_today()
    from ..figures.facts import beijing_midnight_utc

    rows = db.session.execute(
        select(Reminder.unit_id, func.max(Reminder.created_at)).join(Task, Task.id == Reminder.task_id)
        .where(Task.plan_id == plan_id, Reminder.created_at >= beijing_midnight_utc(today),
               Reminder.created_at < beijing_midnight_utc(today + timedelta(days=1))).group_by(Reminder.unit_id))
    return {unit_id: to_beijing(at) for unit_id, at in rows}


def remind_unit_of_late_tasks(plan_id: int, unit_id: int, actor: User, request: str | None,
                              reply_by: date | None, again: bool = False) -> list[Reminder]:
    """Send a reminder to unit ``unit_id`` for each of its red or yellow tasks in ``plan_id``, and for each closed task
    it owes the current period's report on (``closed_unreported``: asking for that report, ``closed_request``);
    commit once.

    Returns the reminders (empty when the unit has no such task). ``again``: the user confirmed a second
    催办 of the unit today (AGAIN_CAPTION). Raises PermissionDenied unless ``actor`` is the supervising office
    or an admin; NotFound for an unknown plan or unit; InvalidInput when the unit was urged about a task of
    the plan today already without ``again``, saying when and the forms the reminders would now have
    (``level_for`` of each task's count).
    """
    require(is_supervisor(actor), "只有督办部门可以发出催办。")
    text = _note(request, "催办要求", required=False)
    _check_reply_by(reply_by)
    with write_transaction():
        plan = db.session.get(Plan, plan_id)
        unit = db.session.get(Unit, unit_id)
        if plan is None or unit is None:
            raise NotFound("方案或单位不存在，请从方案页面重新进入。")
        from ..figures.reporting import missing_reports

        late = [(item.task, None) for item in late_tasks(plan, unit_id)] + [
            (item.task, item.owed) for item in closed_unreported(missing_reports(plan, actor), unit_id)]
        ids = [task.id for task, _ in late]
        earlier = units_urged_today(plan_id).get(unit_id)
        if earlier is not None and ids and not again:
            counts = dict(db.session.execute(select(Reminder.task_id, func.count(Reminder.id)).where(
                Reminder.unit_id == unit_id, Reminder.task_id.in_(ids)).group_by(Reminder.task_id)).all())
            forms = Counter(level_for(counts.get(task_id, 0)) for task_id in ids)
            coming = "、".join(f"{level.label} {forms[level]} 份" for level in ReminderLevel if forms[level])
            raise InvalidInput(f"今天 {earlier:%H:%M} 已向{unit.name}发出催办，再次催办将发出{coming}。"
                               f"如确需今天再次催办，请勾选“{AGAIN_CAPTION}”后再提交。")
        if ids:  # lock the tasks in a fixed order (PostgreSQL; SQLite holds the write lock already)
            db.session.execute(select(Task.id).where(Task.id.in_(ids)).order_by(Task.id).with_for_update())
        reminders = [_add_reminder(task, unit, actor, text or (closed_request(owed) if owed else DEFAULT_REQUEST),
                                   reply_by) for task, owed in late]
    return reminders


def acknowledge_reminder(reminder_id: int, actor: User) -> Reminder:
    """The liaison of the addressed unit confirms having read reminder ``reminder_id``; commit; return it.

    Raises NotFound for an unknown reminder; PermissionDenied unless ``actor`` is a liaison of
    the addressed unit; InvalidInput when it was acknowledged already.
    """
    with write_transaction():
        reminder = db.session.get(Reminder, reminder_id)
        if reminder is None:
            raise NotFound("该催办不存在。请从“我的催办”重新进入。")
        require(actor.role is Role.LIAISON and actor.unit_id == reminder.unit_id,
                "只有被催办单位的联络员可以确认收到该催办。")
        if reminder.acknowledged_at is not None:
            raise InvalidInput("该催办已确认收到，无需重复确认。")
        db.session.execute(select(Task.id).where(Task.id == reminder.task_id).with_for_update())
        reminder.acknowledged_at, reminder.acknowledged_by_id = clock.utcnow(), actor.id
        journal.record(reminder.task, JournalField.REMINDER_ACK, None, f"{reminder.unit.name}确认收到{reminder.level.label}"
                       f"（{reminder.number}）", actor, subject_unit_id=reminder.unit_id)
    return reminder


def can_see_reminder(user: User, reminder: Reminder) -> bool:
    """Return True for the supervising office, admins, viewers and the addressed unit's users."""
    if user.sees_everything:
        return True
    return user.unit_id == reminder.unit_id and can_view_task(user, reminder.task)


def visible_reminders(user: User, task_id: int | None = None) -> list[Reminder]:
    """Return the reminders ``user`` may see (a liaison: its unit's), newest first; optionally of one task. The task
    page asks on every request: its statements are built once per process (``_reminders_statement``)."""
    everything = user.sees_everything
    parameters = {} if everything else {"unit_id": user.unit_id or -1}
    if task_id is not None:
        parameters["task_id"] = task_id
    return list(db.session.scalars(_reminders_statement(everything, task_id is not None), parameters))


def task_reminders_condition(task_id) -> ColumnElement[bool]:
    """Return the condition on Reminder rows of a task's reminders (``visible_reminders`` of one task, before it keeps
    those the user may see): of the task ``task_id`` (a value, a bound parameter or a column), acknowledged or not.
    The one place of that rule: the statement below and the task page's EXISTS (workflow/progress.load_task_page)
    are both built from it."""
    return Reminder.task_id == task_id


@cache
def _reminders_statement(everything: bool, one_task: bool) -> Select:
    """``visible_reminders``' SELECT with their task and unit: of every unit (``everything``) or of the parameter
    ``unit_id``, of every task or of the parameter ``task_id`` (``one_task``); newest first."""
    query = (select(Reminder).options(selectinload(Reminder.task), selectinload(Reminder.unit))
             .order_by(Reminder.id.desc()))
    if not everything:
        query = query.where(Reminder.unit_id == bindparam("unit_id"))
    if one_task:
        query = query.where(task_reminders_condition(bindparam("task_id")))
    return query


def unacknowledged_count(user: User) -> int:
    """Return how many reminders to ``user``'s unit wait for acknowledgement (0 for non-liaisons)."""
    if user.role is not Role.LIAISON or user.unit_id is None:
        return 0
    return db.session.scalar(select(func.count(Reminder.id)).where(
        Reminder.unit_id == user.unit_id, Reminder.acknowledged_at.is_(None))) or 0


def unacknowledged_reminders(user: User) -> list[Reminder]:
    """Return the reminders to ``user``'s unit that no one of the unit has acknowledged yet, oldest
    first (the order they should be dealt with), with their tasks; empty for users without a unit."""
    if user.unit_id is None:
        return []
    return list(db.session.scalars(
        select(Reminder).options(selectinload(Reminder.task))
        .where(Reminder.unit_id == user.unit_id, Reminder.acknowledged_at.is_(None)).order_by(Reminder.id)))


def get_reminder(user: User, reminder_id: int) -> Reminder:
    """Return reminder ``reminder_id`` if ``user`` may see it; NotFound / PermissionDenied otherwise."""
    reminder = db.session.get(Reminder, reminder_id)
    if reminder is None:
        raise NotFound("该催办不存在。请从“我的催办”重新进入。")
    require(can_see_reminder(user, reminder), "该催办不是发给您所在单位的，无权查看。")
    return reminder


def mark_emailed(reminder_ids: list[int]) -> None:
    """Record that the reminders were e-mailed (after the mail server accepted them); commit."""
    if not reminder_ids:
        return
    with write_transaction():
        for reminder in db.session.scalars(select(Reminder).where(Reminder.id.in_(reminder_ids))):
            reminder.emailed_at = clock.utcnow()
