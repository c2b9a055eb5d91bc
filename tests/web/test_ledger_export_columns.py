"""The ledger reads plain columns (issue 19) and still says what the task pages say.

The export no longer loads a model object per task, unit and report: it reads their columns in a few
queries. A supervising office comparing its ledger with the task pages must find the same things:
each unit's latest report in its 【单位】 paragraph (the office's own report last), who signed a report
off in its unit and when, the 填报日期 a ledger gave a report, the lead units' liaisons, the target and
the value achieved, in the tree layout and in the by-unit layout. The expectations are read here from
the models (Task.lead_units, ProgressReport.report_day, ProgressReport.signed_by, the ORM's latest
reports), the way the export read them before.
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from tracker.clock import to_beijing
from tracker.extensions import db
from tracker.models import ProgressReport, Role, SignoffState, Task, User
from tracker.services.accounts.users import command_line_operator
from tracker.services.ledger.export import LedgerOptions, build_ledger
from tracker.services.workflow.progress import latest_reports_by_unit

ALL_COLUMNS = "责任人,最近反馈时间,备注,目标值,完成值,完成率,签发人"


def _report(task, unit, text, at, **more):
    report = ProgressReport(task=task, unit=unit, progress=text, problems=f"{text}的问题", next_steps="",
                            created_at=at, **more)
    db.session.add(report)
    return report


def _story(app):
    """Three reports on one task (lead, supporting, the office), a signed and a dated one on a second,
    a quantified third task; returns the three tasks' ids."""
    with app.app_context():
        tasks = db.session.scalars(select(Task).where(Task.plan_id == 1, Task.level == 2).order_by(Task.position)).all()
        first, second, third = tasks[0], tasks[2], tasks[3]
        lead, supporting = first.lead_units[0], (first.supporting_units or first.lead_units)[-1]
        leader = User(username="leader-story", display_name="王处长", role=Role.LEADER, unit=second.lead_units[0],
                      password_hash="x")
        db.session.add(leader)
        _report(first, lead, "牵头单位第一次", datetime(2026, 10, 1, 2))
        _report(first, supporting, "配合单位报送", datetime(2026, 10, 2, 20))  # 10-03 in Beijing
        _report(first, None, "督办部门补记", datetime(2026, 10, 4, 2))
        _report(first, lead, "牵头单位最新", datetime(2026, 10, 5, 2))
        _report(second, second.lead_units[0], "经领导签发", datetime(2026, 10, 6, 2),
                signoff_state=SignoffState.SIGNED, signed_by=leader, signed_at=datetime(2026, 10, 8, 17))
        _report(second, second.lead_units[0], "尚待签发", datetime(2026, 10, 9, 2), signoff_state=SignoffState.DRAFT)
        third.target_value, third.target_unit = 40.0, "家"
        _report(third, third.lead_units[0], "外单位台账", datetime(2026, 10, 7, 2), reported_on=date(2026, 9, 30),
                achieved_value=10.0)
        db.session.commit()
        return [first.id, second.id, third.id]


def _expected_cells(task_id):
    """What the models say about one task: units, and each unit's latest report with its day and signer."""
    task = db.session.get(Task, task_id)
    reports = latest_reports_by_unit([task_id]).get(task_id, {})
    return task, reports


def test_the_tree_ledger_shows_each_units_report_the_signer_the_day_and_the_target_as_the_models_do(app):
    ids = _story(app)
    with app.app_context():
        ledger = build_ledger(command_line_operator(), 1, options=LedgerOptions.parse("tree", ALL_COLUMNS))
        rows = {row.key: row for row in ledger.rows}
        liaisons = {u.unit_id: u.display_name for u in db.session.scalars(
            select(User).where(User.role == Role.LIAISON, User.active.is_(True)).order_by(User.id))}
        for task_id in ids:
            task, reports = _expected_cells(task_id)
            row = rows[task.key]
            assert row.number == task.number_display and row.version == task.version
            assert row.lead_units == [u.name for u in task.lead_units]
            assert row.supporting_units == [u.name for u in task.supporting_units]
            assert row.status == task.status.label and row.deadline == task.deadline
            assert row.extra["责任人"] == ("、".join(dict.fromkeys(
                liaisons[u.id] for u in task.lead_units if u.id in liaisons)) or None)
            newest = max(reports.values(), key=lambda r: r.id)
            assert row.extra["最近反馈时间"] == newest.report_day.isoformat()
            signer = newest.signed_by if newest.signoff_state is not None else None
            assert row.extra["签发人"] == (f"{signer.display_name} {to_beijing(newest.signed_at).date().isoformat()}"
                                        if signer else None)
            if len(reports) == 1:
                assert row.progress == newest.progress and row.problems == newest.problems
        first, second, third = (rows[db.session.get(Task, i).key] for i in ids)
        lead, supporting = (db.session.get(Task, ids[0]).lead_units[0].name,
                            (db.session.get(Task, ids[0]).supporting_units
                             or db.session.get(Task, ids[0]).lead_units)[-1].name)
        assert first.progress == f"【{lead}】牵头单位最新\n【{supporting}】配合单位报送\n【市金融办】督办部门补记"
        assert second.progress == "经领导签发" and second.extra["签发人"] == "王处长 2026-10-09"
        assert third.extra["最近反馈时间"] == "2026-09-30"
        assert (third.extra["目标值"], third.extra["完成值"], third.extra["完成率"]) == ("40家", "10家", "25.0%")


def test_the_by_unit_ledger_gives_each_unit_its_own_report_and_day_as_the_models_do(app):
    ids = _story(app)
    with app.app_context():
        ledger = build_ledger(command_line_operator(), 1, options=LedgerOptions.parse("by-unit", ALL_COLUMNS))
        for task_id in ids:
            task, reports = _expected_cells(task_id)
            rows = [row for row in ledger.rows if row.key == task.key]
            expected = [(a.unit.name, {"lead": "牵头", "supporting": "配合"}[a.role.value], reports.get(a.unit_id))
                        for role in ("lead", "supporting") for a in task.assignments if a.role.value == role]
            assert [(r.unit, r.role) for r in rows] == [(name, role) for name, role, _ in expected]
            for row, (_, _, report) in zip(rows, expected):
                assert row.progress == (report.progress if report else None)
                assert row.report_date == (report.report_day.isoformat() if report else None)
