"""The counts the dashboard's fingerprint and the supervisor's 待办 badge read (models/tally.py) are the tables' own
after writes of every kind."""
from __future__ import annotations

import re
import threading
import time
from datetime import datetime

import pytest
from sqlalchemy import delete, func, insert, select, text, update

from tests.helpers.reports import post_report, task_id
from tests.helpers.workflow import act
from tracker.extensions import db
from tracker.models import Assignment, AssignmentRole, FiguresTally, ProgressReport, Task, TaskStatus, User
from tracker.services.figures.cache import snapshot
from tracker.services.inbox import inbox_for


def counted(app) -> tuple[tuple[int, int, int, int], tuple[int, int, int, int]]:
    """Return (the tally's four numbers, the same numbers counted from the tables), read in a new session."""
    with app.app_context():
        db.session.remove()
        tally = db.session.get(FiguresTally, 1)
        kept = (tally.tasks, tally.task_versions, tally.reports, tally.assignments)
        real = (db.session.scalar(select(func.count(Task.id))), db.session.scalar(select(func.sum(Task.version))),
                db.session.scalar(select(func.count(ProgressReport.id))),
                db.session.scalar(select(func.count(Assignment.id))))
        return kept, real


def test_the_tally_follows_reports_tasks_and_assignments_however_they_are_written(app, client, auth):
    kept, real = counted(app)
    assert kept == real and real[0] > 0 and real[3] > 0  # the seeded plan, counted when the migration ran

    auth.login("zjj")  # a liaison reports through the form: a report, its journal entry, the task's version moves
    tid = task_id(app, ["一", "（三）"])
    assert post_report(client, tid, progress="完成排查。").status_code == 302
    kept, real = counted(app)
    assert kept == real

    with app.app_context():  # a bulk insert of reports (as an import does), bypassing the ORM's unit of work
        db.session.execute(insert(ProgressReport), [
            {"task_id": tid, "unit_id": None, "author_id": 1, "created_at": datetime(2026, 11, 21, n),
             "progress": f"批量{n}", "problems": "", "next_steps": ""} for n in range(5)])
        db.session.commit()
    assert counted(app)[0] == counted(app)[1]

    with app.app_context():  # raw SQL from another program: a report removed, a task's version moved
        db.session.execute(text("DELETE FROM progress_report WHERE progress = '批量0'"))
        db.session.execute(text("UPDATE task SET version = version + 3 WHERE id = :id"), {"id": tid})
        db.session.commit()
    kept, real = counted(app)
    assert kept == real

    with app.app_context():  # a task added with an assignment, another's assignment removed, in one transaction
        task = Task(plan_id=db.session.get(Task, tid).plan_id, path=["九"], number="九", level=1, position=999,
                    title="新增任务", text="新增", status=TaskStatus.ASSIGNED)
        task.assignments.append(Assignment(unit_id=1, role=AssignmentRole.LEAD, position=0))
        db.session.add(task)
        db.session.flush()
        db.session.execute(delete(Assignment).where(Assignment.task_id == tid, Assignment.role == AssignmentRole.SUPPORTING))
        db.session.execute(update(Task).where(Task.id == task.id).values(version=Task.version + 1))
        db.session.commit()
    kept, real = counted(app)
    assert kept == real

    with app.app_context():  # a transaction rolled back leaves the tally as it was
        before = snapshot()
        db.session.execute(insert(ProgressReport), [{"task_id": tid, "unit_id": None, "author_id": 1,
                                                     "created_at": datetime(2026, 11, 22), "progress": "撤回",
                                                     "problems": "", "next_steps": ""}])
        db.session.rollback()
        assert snapshot() == before
    kept, real = counted(app)
    assert kept == real


def test_the_fingerprint_moves_with_every_counted_write_and_reads_no_table_count(app):
    with app.app_context():
        before = snapshot()
        tid = db.session.scalar(select(Task.id).order_by(Task.id))
        db.session.execute(insert(ProgressReport), [{"task_id": tid, "unit_id": None, "author_id": 1,
                                                     "created_at": datetime(2026, 11, 22), "progress": "新进展",
                                                     "problems": "", "next_steps": ""}])
        db.session.commit()
        after = snapshot()
        assert after.reports == (before.reports[0] + 1, after.reports[1]) and after.reports[1] > before.reports[1]
        db.session.execute(text("DELETE FROM progress_report WHERE id = :id"), {"id": after.reports[1]})
        db.session.commit()
        assert snapshot().reports[0] == before.reports[0]


def waiting(app) -> tuple[int, int]:
    """Return (the close requests the tally keeps, the inbox's own list of them for the supervisor), in a new session."""
    with app.app_context():
        db.session.remove()
        supervisor = db.session.scalar(select(User).where(User.username == "duban"))
        return db.session.get(FiguresTally, 1).close_requests, len(inbox_for(supervisor).close_requests)


def inbox_badge(client) -> str | None:
    """The number on the supervisor's 待办 badge of the home page (None: no badge)."""
    match = re.search(r'id="inbox-badge">(\d+)</span>', client.get("/").get_data(as_text=True))
    return match.group(1) if match else None


def test_the_close_requests_waiting_are_kept_through_requests_sub_tasks_withdrawals_and_raw_sql(app, client, auth):
    assert waiting(app) == (0, 0)
    first, second = task_id(app, ["一", "（三）"]), task_id(app, ["一", "（一）"])
    auth.login("zjj")  # the lead liaison asks to close a task through its page
    post_report(client, first, progress="完成辖区排查。")
    assert act(client, first, "close-request", close_note="36 家机构全部检查完毕。").status_code == 302
    assert waiting(app) == (1, 1)
    auth.logout()
    auth.login("duban")
    assert inbox_badge(client) == "1"  # what the supervisor sees on every page

    with app.app_context():  # another program asks for the second task in raw SQL
        db.session.execute(text("UPDATE task SET status = 'close_requested' WHERE id = :id"), {"id": second})
        db.session.commit()
    assert waiting(app) == (2, 2) and inbox_badge(client) == "2"

    with app.app_context():  # a sub-measure added under the first makes it a heading: no longer waiting
        parent = db.session.get(Task, first)
        db.session.execute(insert(Task), [{"plan_id": parent.plan_id, "parent_id": first, "path": ["一", "（三）", "1"],
                                           "number": "1", "level": 3, "position": 998, "title": "子项",
                                           "text": "子项", "status": TaskStatus.ASSIGNED}])
        db.session.commit()
    assert waiting(app) == (1, 1)

    with app.app_context():  # the sub-measure moved under the second, then removed: the first waits again
        child = db.session.scalar(select(Task.id).where(Task.parent_id == first))
        db.session.execute(update(Task).where(Task.id == child).values(parent_id=second))
        db.session.commit()
        assert waiting(app) == (1, 1)
        db.session.execute(delete(Task).where(Task.id == child))
        db.session.commit()
    assert waiting(app) == (2, 2)

    with app.app_context():  # the second withdrawn by a revision, then a change rolled back
        db.session.execute(update(Task).where(Task.id == second).values(withdrawn_at=datetime(2026, 11, 23)))
        db.session.commit()
        assert waiting(app) == (1, 1)
        db.session.execute(update(Task).where(Task.id == first).values(status=TaskStatus.IN_PROGRESS))
        db.session.rollback()
    assert waiting(app) == (1, 1)

    assert act(client, first, "review", decision="accept", review_reason="").status_code == 302  # the supervisor decides
    assert waiting(app) == (0, 0) and inbox_badge(client) is None


def test_two_offices_asking_to_close_at_the_same_moment_are_both_counted(app):
    """PostgreSQL recounts at commit: a writer whose commit waits for another's must count what that one committed."""
    with app.app_context():
        engine = db.engine
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite has one writer at a time: its triggers recount at once")
    first, second = task_id(app, ["一", "（三）"]), task_id(app, ["一", "（一）"])
    asked = text("UPDATE task SET status = 'close_requested' WHERE id = :id")
    with engine.connect() as one, engine.connect() as other, engine.connect() as watcher:
        one.execute(asked, {"id": first})
        one.execute(text("SELECT id FROM figures_tally WHERE id = 1 FOR UPDATE"))  # as its commit step would, first
        other_pid = other.scalar(text("SELECT pg_backend_pid()"))

        def ask_and_commit():
            other.execute(asked, {"id": second})
            other.commit()  # its commit step waits for the tally row, which the first holds

        thread = threading.Thread(target=ask_and_commit)
        thread.start()
        for _ in range(200):  # until the second's commit is waiting for the first's lock
            if watcher.scalar(text("SELECT wait_event_type FROM pg_stat_activity WHERE pid = :pid"),
                              {"pid": other_pid}) == "Lock":
                break
            watcher.rollback()
            time.sleep(0.02)
        else:
            raise AssertionError("the second writer never waited for the first")
        one.commit()
        thread.join(10)
    assert waiting(app) == (2, 2)
