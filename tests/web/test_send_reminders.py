"""`flask --app tracker send-reminders [--dry-run]` (CONTRACTS.md §9, issue 17): one digest per unit per day
of its tasks due soon or overdue and its reports owed, in the app and journalled; a second run sends nothing."""
from __future__ import annotations

import re
from datetime import date, timedelta

from sqlalchemy import func, select, update

from tracker.clock import beijing_today
from tracker.extensions import db
from tracker.models import JournalEntry, Notification, Plan, ReminderDigest, Task, TaskStatus, User

LINE = re.compile(r"^(sent|would send) (\d+) reminder digests to (\d+) units$")


def run(runner, *args) -> tuple[str, int, int]:
    result = runner.invoke(args=["send-reminders", *args])
    assert result.exit_code == 0, result.output
    match = LINE.match(result.output.strip())
    assert match, result.output
    return match.group(1), int(match.group(2)), int(match.group(3))


def set_due(app, path: list[str], due: date | None, status: TaskStatus | None = None) -> Task:
    """Give the seeded plan's task ``path`` a due date (and a status); return it (detached)."""
    with app.app_context():
        task = next(t for t in db.session.scalars(select(Task)) if t.path == path)
        task.due_date = due
        if status is not None:
            task.status = status
        db.session.commit()
        db.session.refresh(task)
        db.session.expunge(task)
        return task


def plan_settings(app, warning_days: int) -> None:
    with app.app_context():
        db.session.execute(update(Plan).values(warning_days=warning_days))
        db.session.commit()


def counts(app) -> tuple[int, int, int]:
    with app.app_context():
        return (db.session.scalar(select(func.count(ReminderDigest.id))),
                db.session.scalar(select(func.count(Notification.id))),
                db.session.scalar(select(func.count(JournalEntry.id)).where(JournalEntry.field == "reminder_digest")))


def test_send_reminders_sends_one_digest_per_unit_and_nothing_on_a_second_run_the_same_day(app, runner):
    plan_settings(app, 40)  # the month's report day is within the warning days: every assigned unit owes one
    verb, dry_n, dry_m = run(runner, "--dry-run")
    assert verb == "would send" and dry_n > 1 and dry_n == dry_m
    assert counts(app) == (0, 0, 0)  # --dry-run writes nothing
    verb, n, m = run(runner)
    assert (verb, n, m) == ("sent", dry_n, dry_m)
    digests, notes, journalled = counts(app)
    assert digests == n and journalled == n and notes >= n
    with app.app_context():
        days = set(db.session.scalars(select(ReminderDigest.day)))
        per_unit = db.session.execute(select(ReminderDigest.unit_id, func.count()).group_by(ReminderDigest.unit_id)).all()
    assert days == {beijing_today()} and len(per_unit) == n and all(count == 1 for _, count in per_unit)
    assert run(runner) == ("sent", 0, 0)
    assert run(runner, "--dry-run") == ("would send", 0, 0)
    assert counts(app) == (digests, notes, journalled)


def test_send_reminders_digest_lists_due_and_overdue_tasks_and_goes_to_the_units_liaisons(app, runner):
    plan_settings(app, 0)
    today = beijing_today()
    late = set_due(app, ["一", "（三）"], today - timedelta(days=3))  # led by 重庆证监局
    far = set_due(app, ["一", "（五）"], today + timedelta(days=30))
    done = set_due(app, ["一", "（二）"], today - timedelta(days=1), TaskStatus.CLOSED)
    run(runner)
    with app.app_context():
        zjj = db.session.scalar(select(User).where(User.username == "zjj"))
        [note] = db.session.scalars(select(Notification).where(Notification.user_id == zjj.id)).all()
        digest = db.session.scalar(select(ReminderDigest).where(ReminderDigest.unit_id == zjj.unit_id))
        texts = list(db.session.scalars(select(ReminderDigest.text)))
    assert note.kind == "digest" and note.text == digest.text
    assert note.text.startswith("重庆证监局：截至") and f"任务 一（三） {late.heading_text}" in note.text
    assert "已逾期 3 天" in note.text and digest.task_count >= 1
    assert not any(f"任务 一（五） {far.heading_text}" in text for text in texts)  # not within the warning days
    assert not any(f"任务 一（二） {done.heading_text}" in text for text in texts)  # closed


def test_send_reminders_a_task_due_within_the_plans_warning_days_is_listed(app, runner):
    plan_settings(app, 0)
    today = beijing_today()
    soon = set_due(app, ["一", "（五）"], today + timedelta(days=2))
    assert run(runner, "--dry-run")[1] == 0 or today.day >= 25  # nothing due yet (unless past the report day)
    plan_settings(app, 3)
    run(runner)
    with app.app_context():
        texts = list(db.session.scalars(select(ReminderDigest.text)))
    assert any(f"任务 一（五） {soon.heading_text}" in text and "2 天后到期" in text for text in texts)


def test_send_reminders_a_second_server_racing_the_first_sends_nothing_more(app):
    """Two app servers run it at the same moment: both read the same units to remind; the unique key
    (unit, day) lets only the first store each digest."""
    from tracker.services.workflow import digests

    plan_settings(app, 40)
    with app.app_context():
        seen_first = digests.digests_due()
        assert seen_first
        sent = digests.send_digests()
        assert len(sent) == len(seen_first)
        original = digests.digests_due
        digests.digests_due = lambda today=None: seen_first  # the other server read before the first wrote
        try:
            assert digests.send_digests() == []
        finally:
            digests.digests_due = original
        assert db.session.scalar(select(func.count(ReminderDigest.id))) == len(seen_first)
