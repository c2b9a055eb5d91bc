"""A request that only read ends its transaction with a commit; one that wrote and did not commit still rolls back
(tracker/database.commit_read_only_requests, issue 19: on PostgreSQL a rollback makes psycopg forget every statement it
had prepared, so each request planned its statements again)."""
from __future__ import annotations

import pytest
from sqlalchemy import event, select, text

from tracker.extensions import db
from tracker.models import Unit, User


@pytest.fixture
def transaction_ends(app):
    """How each transaction of the app's engine ended, in order ("commit" / "rollback")."""
    ends: list[str] = []
    with app.app_context():
        engine = db.engine

    def on_commit(_conn):
        ends.append("commit")

    def on_rollback(_conn):
        ends.append("rollback")

    event.listen(engine, "commit", on_commit)
    event.listen(engine, "rollback", on_rollback)
    yield ends
    event.remove(engine, "commit", on_commit)
    event.remove(engine, "rollback", on_rollback)


def prepared_statements(app) -> int:
    """The most statements PostgreSQL holds prepared on any of the pool's idle connections."""
    with app.app_context():
        engine = db.engine
    idle = engine.pool.checkedin()
    connections = [engine.connect() for _ in range(max(idle, 1))]
    try:
        return max(conn.scalar(text("select count(*) from pg_prepared_statements")) for conn in connections)
    finally:
        for conn in connections:
            conn.close()


def display_name(app, username: str) -> str:
    with app.app_context():
        return db.session.scalar(select(User.display_name).where(User.username == username))


def test_the_supervisor_clicking_through_pages_ends_every_request_with_a_commit(app, client, auth, transaction_ends):
    auth.login("zjj")
    transaction_ends.clear()
    for path in ["/", "/plans/1", "/", "/my-tasks", "/"] * 2:
        assert client.get(path).status_code == 200, path
    assert transaction_ends and set(transaction_ends) == {"commit"}
    with app.app_context():
        postgresql = db.engine.dialect.name == "postgresql"
    if postgresql:  # what the commit is for: the statements psycopg prepared (after 5 runs) are still there
        assert prepared_statements(app) > 0


def test_a_request_that_wrote_without_committing_is_still_rolled_back(app, client, transaction_ends):
    @app.route("/test-writes-and-forgets")
    def writes_and_forgets():
        user = db.session.scalar(select(User).where(User.username == "duban"))
        user.display_name = "写了没提交"
        db.session.flush()  # the UPDATE is sent; the view returns without a commit
        return "ok"

    @app.route("/test-adds-and-forgets")
    def adds_and_forgets():
        db.session.scalar(select(User).where(User.username == "duban"))
        db.session.add(Unit(name="未提交的单位"))  # pending, never flushed
        return "ok"

    @app.route("/test-writes-and-fails")
    def writes_and_fails():
        user = db.session.scalar(select(User).where(User.username == "duban"))
        user.display_name = "写了又出错"
        db.session.flush()
        raise RuntimeError("the use case failed after writing")

    before = display_name(app, "duban")
    assert client.get("/test-writes-and-forgets").status_code == 200
    assert transaction_ends[-1] == "rollback"
    assert client.get("/test-adds-and-forgets").status_code == 200
    assert transaction_ends[-1] == "rollback"
    with pytest.raises(RuntimeError):  # the tests' app lets the error through instead of a 500 page
        client.get("/test-writes-and-fails")
    assert transaction_ends[-1] == "rollback"
    assert display_name(app, "duban") == before
    with app.app_context():
        assert db.session.scalar(select(Unit).where(Unit.name == "未提交的单位")) is None
