"""The office backs up all data and restores it, on SQLite and on PostgreSQL alike.

The F7 drill (a backup taken while writers keep reporting) is tests/system/test_backup_drill.py.
"""
from __future__ import annotations

from sqlalchemy import func, select

from tests.helpers.app import make_app
from tests.helpers.reports import post_report, task_id
from tracker.database import upgrade_database
from tracker.extensions import db
from tracker.models import Plan, ProgressReport, Task, Unit, User


def snapshot(app) -> dict:
    """Every row that matters, as plain values, to compare two databases."""
    with app.app_context():
        return {
            "plans": db.session.execute(select(Plan.id, Plan.title, Plan.issued_on, Plan.source_text)).all(),
            "tasks": db.session.execute(select(Task.id, Task.key, Task.parent_id, Task.path, Task.status,
                                               Task.version).order_by(Task.id)).all(),
            "units": db.session.execute(select(Unit.id, Unit.name).order_by(Unit.id)).all(),
            "users": db.session.execute(select(User.username, User.password_hash, User.role)).all(),
            "reports": db.session.execute(select(ProgressReport.id, ProgressReport.task_id, ProgressReport.progress,
                                                 ProgressReport.created_at)).all(),
        }


def test_backup_and_restore_round_trip_every_row(app, client, auth, empty_app, tmp_path):
    auth.login("zjj")
    post_report(client, task_id(app, ["一", "（三）"]), progress="备份前的进展。", problems="无")
    out = tmp_path / "备份.zip"
    result = app.test_cli_runner().invoke(args=["backup", "-o", str(out)])
    assert result.exit_code == 0, result.output
    restored = empty_app.test_cli_runner().invoke(args=["restore", str(out)])
    assert restored.exit_code == 0, restored.output
    assert snapshot(empty_app) == snapshot(app)
    with empty_app.app_context():  # new rows get fresh ids after a restore
        db.session.add(Unit(name="恢复后新建单位"))
        db.session.commit()


def test_backup_restores_across_database_kinds(app, tmp_path, monkeypatch):
    """From the suite's database (PostgreSQL on the CI's second run) into the embedded SQLite."""
    out = tmp_path / "backup.zip"
    assert app.test_cli_runner().invoke(args=["backup", "-o", str(out)]).exit_code == 0
    sqlite_app = make_app(tmp_path / "sqlite", monkeypatch)
    with sqlite_app.app_context():
        upgrade_database()
    assert sqlite_app.test_cli_runner().invoke(args=["restore", str(out)]).exit_code == 0
    assert snapshot(sqlite_app) == snapshot(app)


def test_restore_refuses_a_database_that_holds_data(app, tmp_path):
    out = tmp_path / "backup.zip"
    app.test_cli_runner().invoke(args=["backup", "-o", str(out)])
    result = app.test_cli_runner().invoke(args=["restore", str(out)])
    assert result.exit_code == 1
    assert "不是空的" in result.output
    with app.app_context():
        assert db.session.scalar(select(func.count(Plan.id))) == 1


def test_restore_refuses_a_file_that_is_not_a_backup(empty_app, tmp_path):
    bogus = tmp_path / "x.zip"
    bogus.write_bytes(b"not a zip")
    result = empty_app.test_cli_runner().invoke(args=["restore", str(bogus)])
    assert result.exit_code == 1 and "不是本系统的备份文件" in result.output


def test_a_published_bulletin_and_its_files_survive_backup_and_restore(app, empty_app, tmp_path):
    """A 通报 the office published (its data and its .docx/.xlsx bytes) comes back byte for byte."""
    from tracker import clock
    from tracker.models import PublishedBulletin
    from tracker.periods import period_containing
    from tracker.services.figures.publishing import publish_bulletin

    with app.app_context():
        duban = db.session.scalar(select(User).where(User.username == "duban"))
        today = clock.beijing_today()
        publish_bulletin(duban, period_containing("monthly", today), today)

    def published(application):
        with application.app_context():
            return [(row.period_key, row.version, row.data, row.docx, row.xlsx)
                    for row in db.session.scalars(select(PublishedBulletin))]

    out = tmp_path / "备份.zip"
    assert app.test_cli_runner().invoke(args=["backup", "-o", str(out)]).exit_code == 0
    restored = empty_app.test_cli_runner().invoke(args=["restore", str(out)])
    assert restored.exit_code == 0, restored.output
    assert published(empty_app) == published(app) and published(app)[0][3].startswith(b"PK")
