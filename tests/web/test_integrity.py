"""Data is never lost or half-written: SQLite connection settings, immediate write transactions,
foreign keys that refuse to orphan a task's records (SECURITY-TESTS F5, F6).

The write-load half of F5 (16 clients for 30 s through gunicorn) is tests/system/test_load.py.
"""
from __future__ import annotations

import re
import sqlite3

import pytest
from sqlalchemy import event, func, inspect, select, text, update
from sqlalchemy.exc import IntegrityError

from tests.helpers import small_world
from tests.helpers.app import make_app
from tests.helpers.forms import Auth
from tests.helpers.reports import post_report, task_id
from tracker.database import upgrade_database
from tracker.extensions import db
from tracker.models import ProgressReport, Task


def test_integrity_every_fresh_sqlite_connection_uses_wal_foreign_keys_and_a_busy_timeout(tmp_path, monkeypatch):
    """Several connections open at once (as several requests hold them), and again after the pool is emptied."""
    app = make_app(tmp_path, monkeypatch)  # the embedded default, whatever database the rest of the suite uses
    with app.app_context():
        for _ in range(2):
            connections = [db.engine.connect() for _ in range(4)]
            assert len({id(c.connection.dbapi_connection) for c in connections}) == 4
            for connection in connections:
                assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
                assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
                assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 5000
                connection.close()
            db.engine.dispose()


def test_integrity_a_report_is_written_in_a_begin_immediate_transaction(tmp_path, monkeypatch):
    """What SQLite itself executed (its trace callback) for a liaison's report posted through the form."""
    app = make_app(tmp_path, monkeypatch)  # SQLite whatever database the rest of the suite uses
    with app.app_context():
        upgrade_database()
    world = small_world.build(app)
    statements: list[str] = []
    with app.app_context():
        db.engine.dispose()

        @event.listens_for(db.engine, "connect")
        def _trace(dbapi_connection, _record):
            assert isinstance(dbapi_connection, sqlite3.Connection)
            dbapi_connection.set_trace_callback(statements.append)

    client = app.test_client()
    Auth(client, {"lb": small_world.PASSWORD}).login("lb")
    statements.clear()
    response = post_report(client, world.tasks["T3"], progress="追踪写事务。")
    assert response.status_code == 302
    insert = next(i for i, s in enumerate(statements) if s.startswith("INSERT INTO progress_report"))
    begin = max(i for i, s in enumerate(statements[:insert]) if s.startswith("BEGIN"))
    assert statements[begin] == "BEGIN IMMEDIATE"  # the write lock was taken before the task was read
    assert any(s.startswith("SELECT") and "FROM task" in s for s in statements[begin:insert])
    assert "COMMIT" in statements[insert:]


def test_integrity_a_task_with_reports_cannot_be_deleted(app, client, auth):
    """Tasks are withdrawn (Task.withdrawn_at), never deleted; the database refuses a raw DELETE as well."""
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    assert post_report(client, tid, progress="删除前的进展。").status_code == 302
    with app.app_context():
        with pytest.raises(IntegrityError):
            db.session.execute(text("DELETE FROM task WHERE id = :id"), {"id": tid})
        db.session.rollback()
        with pytest.raises(IntegrityError):  # the ORM way too: a report may not lose its task
            db.session.delete(db.session.get(Task, tid))
            db.session.flush()
        db.session.rollback()
        with pytest.raises(IntegrityError):  # nor may the report be moved to a task that does not exist
            db.session.execute(update(ProgressReport).where(ProgressReport.task_id == tid).values(task_id=999999))
        db.session.rollback()
        assert db.session.scalar(select(func.count(ProgressReport.id)).where(ProgressReport.task_id == tid)) == 1


def walk_the_workflow(app, client, auth) -> None:
    """Sign, report (with a file), ask for an extension and a close, remind, decide, review: every kind of write."""
    from datetime import timedelta

    from tests.helpers.reports import PDF, report_with_files
    from tests.helpers.workflow import act, page
    from tracker.clock import beijing_today

    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")  # lead unit of 一（三）
    assert act(client, tid, "acknowledge").status_code == 302
    assert report_with_files(client, tid, [("检查报告.pdf", PDF)]).status_code == 302
    later = (beijing_today() + timedelta(days=60)).isoformat()
    assert act(client, tid, "extension-request", extension_date=later, extension_reason="需补充排查").status_code == 302
    auth.logout()
    auth.login("duban")
    request_id = int(re.search(r"/extension-requests/(\d+)/decision", page(client, tid)).group(1))
    assert act(client, tid, f"extension-requests/{request_id}/decision", decision="accept",
               decision_note="同意。").status_code == 302
    with app.app_context():
        from tracker.models import User

        zjj_unit = db.session.scalar(select(User.unit_id).where(User.username == "zjj"))
    assert act(client, tid, "reminders", reminder_unit=str(zjj_unit), reminder_request="请尽快报送。",
               reminder_reply_by=later).status_code == 302
    auth.logout()
    auth.login("zjj")
    assert act(client, tid, "close-request", close_note="排查完毕。").status_code == 302
    auth.logout()
    auth.login("duban")
    assert act(client, tid, "review", decision="accept", review_reason="").status_code == 302
    auth.logout()


def test_integrity_foreign_keys_hold_after_the_whole_workflow(app, client, auth):
    """F6: after the seed and a walk through every kind of write, no row points at a missing row."""
    walk_the_workflow(app, client, auth)
    with app.app_context():
        tables = db.metadata.sorted_tables
        if db.engine.dialect.name == "sqlite":
            assert db.session.execute(text("PRAGMA foreign_key_check")).all() == []
            assert db.session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        # Every foreign key of the models exists in the database itself (not only in SQLAlchemy's metadata).
        inspector = inspect(db.engine)
        for table in tables:
            declared = {(tuple(fk.parent.name for fk in c.elements), c.referred_table.name)
                        for c in table.foreign_key_constraints}
            present = {(tuple(fk["constrained_columns"]), fk["referred_table"])
                       for fk in inspector.get_foreign_keys(table.name)}
            assert declared <= present, table.name
        for table in tables:  # and no row points at a missing row, checked by hand on either database
            for constraint in table.foreign_key_constraints:
                (element,) = constraint.elements
                parent = element.column.table.alias()  # an alias, for a table that points at itself (task.parent_id)
                target = parent.c[element.column.name]
                orphans = db.session.scalar(
                    select(func.count()).select_from(table).where(
                        element.parent.is_not(None), ~select(target).where(target == element.parent).exists()))
                assert orphans == 0, f"{table.name}.{element.parent.name}"


def test_write_transaction_commits_a_block_and_rolls_back_a_failed_one(app):
    from tracker.database import write_transaction
    from tracker.models import Unit

    with app.app_context():
        with write_transaction():
            db.session.add(Unit(name="事务内新建的单位"))
        with pytest.raises(ValueError):
            with write_transaction():
                db.session.add(Unit(name="出错前新建的单位"))
                db.session.flush()
                raise ValueError("half-way")
        db.session.remove()
        names = set(db.session.scalars(select(Unit.name)))
        assert "事务内新建的单位" in names and "出错前新建的单位" not in names
