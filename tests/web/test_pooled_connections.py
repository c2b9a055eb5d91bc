"""A pooled PostgreSQL connection the server has ended (a restart, ``pg_terminate_backend``, ``idle_session_timeout``)
is never handed to a request: SQLAlchemy's ``pool_pre_ping`` checks each at checkout (tracker/errors.py; issue 19
item 27 measured what that round trip costs and kept it)."""
from __future__ import annotations

import time

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.pool import NullPool

from tests.helpers.forms import csrf_token, form_version
from tests.helpers.reports import task_id
from tracker.extensions import db
from tracker.models import ProgressReport


def end_every_backend_but_ours(url) -> int:
    """Terminate every backend of the app's database (as a restart or idle_session_timeout would); their count."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            ended = conn.scalar(text("select count(pg_terminate_backend(pid)) from pg_stat_activity "
                                     "where datname = current_database() and pid <> pg_backend_pid()"))
            for _ in range(100):  # pg_terminate_backend only signals: wait until they are gone
                if not conn.scalar(text("select count(*) from pg_stat_activity where datname = current_database() "
                                        "and pid <> pg_backend_pid()")):
                    break
                time.sleep(0.05)
        return ended
    finally:
        engine.dispose()


def test_pages_and_a_report_after_the_server_ended_the_pooled_connections(app, client, auth):
    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("a SQLite file has no server to end its connections")
        url = db.engine.url
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")  # 重庆证监局, who leads the task
    for path in ["/", "/my-tasks", f"/tasks/{tid}"]:
        assert client.get(path).status_code == 200, path
    assert end_every_backend_but_ours(url) >= 1  # the pool's idle connections, ended by the server

    for path in ["/", "/my-tasks", "/livez"]:
        assert client.get(path).status_code == 200, path
    page = client.get(f"/tasks/{tid}").get_data(as_text=True)
    assert end_every_backend_but_ours(url) >= 1  # again, between reading the form and sending it
    posted = client.post(f"/tasks/{tid}", data={"csrf_token": csrf_token(page), "version": form_version(page),
                                                "progress": "服务器断开连接后报送的进展。", "problems": "",
                                                "next_steps": "", "status": ""})
    assert posted.status_code == 302
    with app.app_context():
        assert db.session.scalar(select(func.count(ProgressReport.id)).where(
            ProgressReport.task_id == tid, ProgressReport.progress == "服务器断开连接后报送的进展。")) == 1
