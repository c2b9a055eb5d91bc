"""The journal stores codes, not labels, and imports leave a 办理记录 (issue #12).

A status is journalled as "in_progress", shown as 推进中 by models.journal_value_text; the
migration b7c41e9d2a10 filled the codes of the entries written before from their labels. A task
created from another office's ledger as 已完成 has its history, and counts as closed on time only
when its closing day (the ledger's 填报日期, else the day of the import) is within its deadline.
"""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from flask_migrate import downgrade, upgrade
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

import tracker.clock
from tests.helpers.app import make_app
from tests.helpers.forms import csrf_token
from tests.helpers.ledger import edit, export, import_through_pages, task_by_number
from tests.helpers.reports import post_report, task_id
from tracker.extensions import db
from tracker.models import ImportRecord, JournalEntry, Plan, Role, Task, TaskStatus, User
from tracker.services.figures.facts import TaskFilters, closing_days, load_facts
from tracker.services.workflow.history import task_history
from tracker.services.ledger.importing import apply_import, load_ledger
from tracker.services.figures.ranking import completion

BEFORE_CODES = "da6ed8997a50"  # the last migration whose journal stored labels


def _migrations(app) -> str:
    return app.extensions["migrate"].directory


def _old_entry(connection, field: str, old: str | None, new: str | None) -> None:
    connection.execute(text("INSERT INTO journal_entry (created_at, channel, field, old_value, new_value) "
                            "VALUES (:at, 'form', :field, :old, :new)"),
                       {"at": datetime(2026, 5, 1, 2, 0), "field": field, "old": old, "new": new})


def test_migration_fills_journal_codes_from_the_labels_written_before(databases, tmp_path, monkeypatch):
    url = databases.create(tmp_path)
    app = make_app(tmp_path, monkeypatch, url)
    try:
        with app.app_context():
            upgrade(directory=_migrations(app), revision=BEFORE_CODES)
            with db.engine.begin() as connection:  # the journal as the tracker wrote it until now: labels
                _old_entry(connection, "status", "已交办", "推进中")
                _old_entry(connection, "status", "申请办结", "已办结")
                _old_entry(connection, "role", "联络员", "督办")
                _old_entry(connection, "report", None, "推进中")  # a report's text that happens to read like a label
            upgrade(directory=_migrations(app))
            rows = db.session.execute(select(JournalEntry.field, JournalEntry.old_code, JournalEntry.new_code)
                                      .order_by(JournalEntry.id)).all()
            assert [tuple(row) for row in rows] == [("status", "assigned", "in_progress"),
                                                    ("status", "close_requested", "closed"),
                                                    ("role", "liaison", "supervisor"), ("report", None, None)]
            entries = db.session.scalars(select(JournalEntry).order_by(JournalEntry.id)).all()
            assert [(e.old_value, e.new_value) for e in entries] == [
                ("已交办", "推进中"), ("申请办结", "已办结"), ("联络员", "督办"), (None, "推进中")]
            assert closing_days(select(JournalEntry.task_id)) == {}  # no task: nothing closed, nothing misread
            db.session.rollback()
            with pytest.raises(DBAPIError, match="append-only"):  # the triggers are back after the migration
                with db.engine.begin() as connection:
                    connection.execute(text("UPDATE journal_entry SET new_code = 'x'"))
            # an entry written after the upgrade holds only its code; a downgrade writes its label back
            with db.engine.begin() as connection:
                connection.execute(text("INSERT INTO journal_entry (created_at, channel, field, old_code, new_code) "
                                        "VALUES (:at, 'form', 'status', 'in_progress', 'close_requested')"),
                                   {"at": datetime(2026, 6, 1, 2, 0)})
            db.session.remove()
            downgrade(directory=_migrations(app), revision=BEFORE_CODES)
            with db.engine.connect() as connection:
                last = connection.execute(text("SELECT old_value, new_value FROM journal_entry ORDER BY id DESC")).first()
            assert tuple(last) == ("推进中", "申请办结")
            db.engine.dispose()
    finally:
        databases.drop(url)


def test_journal_history_stores_codes_and_shows_todays_labels(app, client, auth, monkeypatch):
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    post_report(client, tid, progress="完成第一轮排查。")
    with app.app_context():
        entry = db.session.scalar(select(JournalEntry).where(JournalEntry.task_id == tid,
                                                             JournalEntry.field == "status"))
        assert (entry.old_code, entry.new_code, entry.old_text, entry.new_text) == (
            "assigned", "in_progress", None, None)
    page = client.get(f"/tasks/{tid}").get_data(as_text=True)
    assert "已交办" in page and "推进中" in page
    # the office renames a status: the history follows, nothing stored changes
    monkeypatch.setitem(TaskStatus.__labels__, "in_progress", "办理中")
    with app.app_context():
        lines = task_history(db.session.get(User, entry.user_id), db.session.get(Task, tid))
        assert [(line.what, line.old, line.new) for line in lines if line.field == "status"] == [
            ("完成状态", "已交办", "办理中")]
    assert '<span class="new-value">办理中</span>' in client.get(f"/tasks/{tid}").get_data(as_text=True)


def test_journal_admin_history_shows_a_role_change_by_label(app, client, auth):
    with app.app_context():
        liaison = db.session.scalar(select(User).where(User.username == "bjj"))
        liaison_id, unit = liaison.id, liaison.unit_id
    auth.login("guanli")
    page = client.get(f"/admin/users/{liaison_id}").get_data(as_text=True)
    client.post(f"/admin/users/{liaison_id}", data={"csrf_token": csrf_token(page), "display_name": "保监局领导",
                                                   "role": Role.VIEWER.value, "unit_id": str(unit)})
    with app.app_context():
        entry = db.session.scalar(select(JournalEntry).where(JournalEntry.target_user_id == liaison_id,
                                                             JournalEntry.field == "role"))
        assert (entry.old_code, entry.new_code) == ("liaison", "viewer")
    page = client.get(f"/admin/users/{liaison_id}").get_data(as_text=True)
    assert "<td>角色</td><td>联络员</td><td>领导（只读）</td>" in page


def test_journal_revert_sets_statuses_back_by_code_after_a_label_changed(app, client, auth, tmp_path, monkeypatch):
    exported = export(app, tmp_path / "台账.xlsx", "--plan", "1")
    edited = edit(exported, tmp_path / "填报.xlsx", {"三（一）": {"完成状态": "申请办结"}})
    auth.login("duban")
    detail = import_through_pages(client, edited).headers["Location"]
    assert task_by_number(app, "三（一）").status is TaskStatus.CLOSE_REQUESTED
    with app.app_context():  # the 填报日期 the tracker wrote on its own export is the export's day: not used
        entries = db.session.scalars(select(JournalEntry).where(JournalEntry.channel == "import")).all()
        assert entries and all(entry.reported_on is None for entry in entries)
    monkeypatch.setitem(TaskStatus.__labels__, "assigned", "待签收")  # renamed between import and revert
    monkeypatch.setitem(TaskStatus.__labels__, "close_requested", "已申请办结")
    page = client.get(detail).get_data(as_text=True)
    response = client.post(detail + "/revert", data={"csrf_token": csrf_token(page)}, follow_redirects=True)
    assert "已撤销导入记录" in response.get_data(as_text=True)
    assert task_by_number(app, "三（一）").status is TaskStatus.ASSIGNED
    with app.app_context():
        batch = db.session.scalar(select(ImportRecord.batch))
        undone = db.session.scalar(select(JournalEntry).where(JournalEntry.batch == batch + "-revert",
                                                              JournalEntry.field == "status"))
        assert (undone.old_code, undone.new_code, undone.new_value) == ("close_requested", "assigned", "待签收")


def test_journal_completion_rate_reads_the_closing_code(app, client, auth, monkeypatch):
    tid = task_id(app, ["一", "（三）"])
    monkeypatch.setitem(TaskStatus.__labels__, "closed", "已完结")  # the label is not what the figure reads
    auth.login("duban")
    assert post_report(client, tid, progress="经审核，同意办结。", status="closed").status_code == 302
    with app.app_context():
        assert db.session.get(Task, tid).status is TaskStatus.CLOSED
        assert closing_days(select(Task.id)) == {tid: tracker.clock.beijing_today()}


def _foreign_ledger(path: Path, report_date: str | None) -> Path:
    """Another office's ledger: two measures it reports 已完成, due mid-2024 and end of 2024."""
    book = openpyxl.Workbook()
    sheet = book.active
    rows = [["XX县2024年重点工作任务台账"]]
    if report_date:
        rows.append([f"填报日期：{report_date}"])
    rows += [["序号", "工作任务", "责任部门", "完成时间", "工作动态", "状态"],
             ["1", "实施重点项目攻坚行动。", "县发改局", "2024年6月底前", "项目全部竣工。", "已完成"],
             ["2", "开展招商引资专项行动。", "县商务局", "2024年12月底前", None, "已完成"]]
    for values in rows:
        sheet.append(values)
    book.save(path)
    return path


def _import(app, path: Path) -> tuple[int, list[int]]:
    with app.app_context():
        duban = db.session.scalar(select(User).where(User.username == "duban"))
        record = apply_import(load_ledger(path), duban).record
        plan = db.session.get(Plan, record.created_plan_id)
        return plan.id, [t.id for t in plan.tasks]


def _completion(app, plan_id: int) -> tuple[int, int]:
    with app.app_context():
        duban = db.session.scalar(select(User).where(User.username == "duban"))
        today = tracker.clock.beijing_today()
        return completion(load_facts(duban, today, TaskFilters(plan_id=plan_id)).tasks, today)


def test_journal_foreign_ledger_closed_task_has_a_history_and_is_not_on_time(app, client, auth, tmp_path):
    plan_id, (first, second) = _import(app, _foreign_ledger(tmp_path / "县台账.xlsx", None))
    with app.app_context():
        duban = db.session.scalar(select(User).where(User.username == "duban"))
        task = db.session.get(Task, first)
        assert task.status is TaskStatus.CLOSED and str(task.due_date) == "2024-06-30"
        lines = [(line.what, line.old, line.new) for line in task_history(duban, task)]
        assert lines == [("新建任务", None, "1 实施重点项目攻坚行动"), ("完成状态", None, "已办结"),
                         ("报送进展", None, "项目全部竣工。")]
        assert all(line.channel.startswith("台账导入") for line in task_history(duban, task))
    auth.login("duban")
    page = client.get(f"/tasks/{first}").get_data(as_text=True)
    assert "新建任务" in page and '<span class="new-value">已办结</span>' in page
    # no 填报日期: closed at the latest on the day of the import, long after both deadlines
    assert _completion(app, plan_id) == (0, 2)


def test_journal_foreign_ledger_report_date_dates_the_closing(app, tmp_path):
    plan_id, (first, second) = _import(app, _foreign_ledger(tmp_path / "县台账.xlsx", "2024年7月15日"))
    with app.app_context():
        assert closing_days(select(Task.id).where(Task.plan_id == plan_id)) == {
            first: date(2024, 7, 15), second: date(2024, 7, 15)}
        lines = task_history(db.session.scalar(select(User).where(User.username == "duban")),
                             db.session.get(Task, second))
        assert "填报日期 2024-07-15" in lines[0].channel
    # closed by 15 July 2024: after the first deadline (30 June), within the second (31 December)
    assert _completion(app, plan_id) == (1, 2)
