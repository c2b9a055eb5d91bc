"""The journal (操作日志) records every change and can only grow (SECURITY-TESTS G1, G2)."""
from __future__ import annotations

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from tests.helpers.reports import post_report, task_id
from tracker.extensions import db
from tracker.models import Channel, JournalEntry


def test_a_report_is_journalled_with_who_where_and_how(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    post_report(client, tid, progress="完成第一轮排查。")
    with app.app_context():
        entries = db.session.scalars(select(JournalEntry).where(JournalEntry.task_id == tid)).all()
        described = {(e.field, e.old_value, e.new_value, e.user.username, e.unit.name, e.channel) for e in entries}
        assert described == {("status", "已交办", "推进中", "zjj", "重庆证监局", Channel.FORM),
                             ("report", None, "完成第一轮排查。", "zjj", "重庆证监局", Channel.FORM)}
        assert all(e.ip == "127.0.0.1" and e.created_at is not None for e in entries)


@pytest.mark.parametrize("statement", ["UPDATE journal_entry SET new_value = 'x'", "DELETE FROM journal_entry"])
def test_the_database_refuses_to_change_or_delete_journal_rows(app, client, auth, statement):
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    post_report(client, tid, progress="完成第一轮排查。")
    with app.app_context():
        with pytest.raises(DBAPIError, match="append-only"):
            with db.engine.begin() as connection:
                connection.execute(text(statement))
        assert db.session.scalar(select(db.func.count(JournalEntry.id))) == 2
