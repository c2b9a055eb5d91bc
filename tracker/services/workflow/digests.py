"""The daily reminder digest (每日催办提醒): ``flask --app tracker send-reminders`` (CONTRACTS.md §9, issue 17).

For every unit that counts (services/scope.live_units_query), one digest a day (Beijing calendar) lists
- its open tasks (live leaves of the task scope, not 已办结) due within their plan's ``warning_days``
  or overdue (due date before today), and
- the reports it owes in the current period of each plan (services/figures/reporting.missing_reports),
  once the period's report day is within the plan's ``warning_days`` (or past). A task whose report of
  the unit waits as a draft for the unit leader's sign-off (待签发, issue 18) is not owed: the digest
  names it among
- the drafts waiting for the unit leader (services/workflow/signoff.py: reports, 申请办结, 延期申请 on
  live tasks), and then goes to the unit's active leaders too.
A unit with nothing to list gets nothing. Each digest is one transaction: a ReminderDigest row (unique
per unit and day: a second run the same day, or a run on another app server at the same moment, adds
nothing), a notification to each active liaison of the unit (e-mailed after the commit when mail is on,
services/notifications.py) and a journal entry (JournalField.REMINDER_DIGEST, channel 系统, naming the
unit). Run by cron or a systemd timer (deploy/); nothing runs inside the app's workers.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from ... import clock
from ...database import write_transaction
from ...extensions import db
from ...models import (Assignment, Channel, JournalField, Plan, ReminderDigest, Role, SignoffState, Task, TaskStatus,
                       Unit)
from .. import journal, notifications
from ..accounts.users import command_line_operator
from ..figures.ranking import FirstReports
from ..figures.reporting import missing_reports
from ..scope import live_units_query, task_scope
from ...dates import chinese_date
from . import signoff


@dataclass
class UnitDigest:
    """What one unit is reminded of today: ``due`` (task, due date) sorted by date; ``owed``
    (plan, report due date, number of tasks without this period's report)."""

    unit: Unit
    due: list[tuple[Task, date]] = field(default_factory=list)
    owed: list[tuple[Plan, date, int]] = field(default_factory=list)
    drafts: list[tuple[Task, str]] = field(default_factory=list)

    def text(self, today: date) -> str:
        """The digest as the notification and the e-mail say it (Chinese, one item a line)."""
        lines = [f"{self.unit.name}：截至{chinese_date(today)}，请关注以下事项。"]
        for task, due in self.due:
            days = (due - today).days
            when = f"已逾期 {-days} 天" if days < 0 else ("今天到期" if days == 0 else f"{days} 天后到期")
            lines.append(f"· 任务 {task.number_display} {task.heading_text}（{task.plan.title}）：{when}（{due.isoformat()}）")
        for plan, due, count in self.owed:
            state = "已过报送日" if due < today else "报送日"
            lines.append(f"· {plan.title}：本期还有 {count} 项任务未报送进展，{state} {due.isoformat()}")
        for task, what in self.drafts:
            lines.append(f"· 任务 {task.number_display} {task.heading_text}（{task.plan.title}）：{what}待单位负责人审核签发")
        return "\n".join(lines)


def digests_due(today: date | None = None) -> list[UnitDigest]:
    """Return the digests to send ``today`` (Beijing; default now): units with something to list and no
    digest yet today, by unit name. Reads only."""
    today = today or clock.beijing_today()
    units = {u.id: u for u in db.session.scalars(live_units_query())}
    digests: dict[int, UnitDigest] = {}

    rows = db.session.execute(
        task_scope(None).live().leaves().where(Task.status != TaskStatus.CLOSED, Task.due_date.is_not(None))
        .select(Task, Assignment.unit_id, Plan.warning_days).join(Assignment, Assignment.task_id == Task.id)
        .join(Plan, Plan.id == Task.plan_id).order_by(Task.due_date, Task.plan_id, Task.position)).all()
    for task, unit_id, warning_days in rows:
        if unit_id in units and task.due_date <= today + timedelta(days=warning_days):
            digests.setdefault(unit_id, UnitDigest(units[unit_id])).due.append((task, task.due_date))

    live = task_scope(None).live().ids()
    signing: set[tuple[int, int]] = set()  # (task, unit) whose report waits for the unit leader (issue 18)
    for kind in signoff.Kind:
        model = kind.model
        for item in db.session.scalars(select(model).where(model.signoff_state == SignoffState.DRAFT,
                                                           model.task_id.in_(live))
                                   .options(selectinload(model.task)).order_by(model.created_at, model.id)):
            if item.unit_id in units:
                digests.setdefault(item.unit_id, UnitDigest(units[item.unit_id])).drafts.append((item.task, kind.label))
                if kind is signoff.Kind.REPORT:
                    signing.add((item.task_id, item.unit_id))

    operator = command_line_operator()
    first_reports = FirstReports()  # plans of the same cycle read their period's reports once
    for plan in db.session.scalars(select(Plan).order_by(Plan.id)):
        owed = missing_reports(plan, operator, today, first_reports)
        if (owed.due - today).days > plan.warning_days:
            continue
        counts: dict[int, int] = defaultdict(int)
        for item in owed.missing:
            if (item.task.id, item.unit.id) not in signing:  # filed, waiting for its leader: not the liaison's debt
                counts[item.unit.id] += 1
        for unit_id, count in counts.items():
            if unit_id in units:
                digests.setdefault(unit_id, UnitDigest(units[unit_id])).owed.append((plan, owed.due, count))

    sent_today = set(db.session.scalars(select(ReminderDigest.unit_id).where(ReminderDigest.day == today)))
    return sorted((d for unit_id, d in digests.items() if unit_id not in sent_today), key=lambda d: d.unit.name)


def send_digests(today: date | None = None, dry_run: bool = False) -> list[UnitDigest]:
    """Send today's digests (see the module docstring); return those sent (with ``dry_run``: those that
    would be, writing nothing). Each digest commits on its own; one another server sent first is skipped."""
    today = today or clock.beijing_today()
    due = digests_due(today)
    db.session.rollback()  # end the read transaction before the writes
    if dry_run:
        return due
    sent = []
    for digest in due:
        text = digest.text(today)
        try:
            with write_transaction():
                db.session.add(ReminderDigest(unit_id=digest.unit.id, day=today, task_count=len(digest.due),
                                              report_count=sum(count for _, _, count in digest.owed), text=text))
                db.session.flush()  # the unique key (unit, day) refuses a second digest here
                told = notifications.unit_liaisons([digest.unit.id])
                if digest.drafts:  # the unit leader signs them (issue 18)
                    told += notifications.unit_users([digest.unit.id], Role.LEADER)
                notifications.notify_users(told, notifications.Kind.DIGEST, text)
                entry = journal.record(None, JournalField.REMINDER_DIGEST, None, text, None, Channel.SYSTEM)
                entry.target_unit_id = entry.subject_unit_id = digest.unit.id
        except IntegrityError:
            continue  # another run (another server) sent this unit's digest today
        sent.append(digest)
    return sent
