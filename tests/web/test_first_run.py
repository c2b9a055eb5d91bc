"""A newcomer runs `python run.py` on a fresh checkout and gets a seeded tracker.

The first start's seeding, here; run.py itself serving on a port is tests/system/test_first_run_process.py.
"""
from __future__ import annotations

import os
import stat

from sqlalchemy import func, select

from tracker.extensions import db
from tracker.models import Plan, Role, Task, Unit, User
from tracker.services.seed import prepare_database


def test_first_run_seeds_the_plan_units_and_one_account_per_unit(empty_app):
    result = prepare_database(empty_app)
    with empty_app.app_context():
        assert db.session.scalar(select(func.count(Plan.id))) == 1
        assert db.session.scalar(select(func.count(Task.id))) == 20
        units = db.session.scalar(select(func.count(Unit.id)))
        liaisons = db.session.scalars(select(User).where(User.role == Role.LIAISON)).all()
        assert units == len(liaisons) == 19
        # the 市金融办's 区县 counterparts are under it, so its liaison can split a task (分解任务) at once
        office = db.session.scalar(select(Unit).where(Unit.name == "市金融办"))
        assert [u.name for u in office.children] == ["万州区金融办", "江北区金融办", "渝中区金融办"]
        assert all(u.unit is not None for u in liaisons)
        supervisor = db.session.scalar(select(User).where(User.role == Role.SUPERVISOR))
        assert supervisor.unit.name == "市金融办"
        admin = db.session.scalar(select(User).where(User.role == Role.ADMIN))
        assert admin.username == "guanli" and admin.unit is None
        # generated passwords: each account chooses its own at first sign-in
        assert all(u.must_change_password for u in db.session.scalars(select(User)))
    assert len(result.accounts) == 21
    assert len({password for _, password, _, _ in result.accounts}) == 21
    text = result.accounts_file.read_text(encoding="utf-8")
    assert all(password in text for _, password, _, _ in result.accounts)
    assert stat.S_IMODE(os.stat(result.accounts_file).st_mode) == 0o600


def test_first_run_a_second_start_keeps_the_data_and_seeds_nothing(empty_app):
    prepare_database(empty_app)
    assert prepare_database(empty_app) is None
    with empty_app.app_context():
        assert db.session.scalar(select(func.count(Plan.id))) == 1


def test_first_run_demo_has_the_offices_deadlines_so_overdue_and_red_can_be_tried(empty_app):
    # The plan writes no 完成时限; run.py's demo gives the office's own, marked as the office's and journalled
    # as its edits, so a fresh start has overdue (红灯) tasks and tasks due this week.
    from datetime import timedelta

    from tests.helpers.paths import ROOT
    from tracker import clock
    from tracker.models import JournalEntry
    from tracker.parsing import read_plan_file
    from tracker.services.figures.lights import Light, plan_light

    prepare_database(empty_app, office_deadlines=True)
    today = clock.beijing_today()
    with empty_app.app_context():
        tasks = {"".join(t.path): t for t in db.session.scalars(select(Task).order_by(Task.id)) if not t.is_heading}
        assert all(t.deadline.endswith("前（督办部门确定）") for t in tasks.values())
        overdue = [n for n, t in tasks.items() if t.due_date < today]
        this_week = [n for n, t in tasks.items() if today <= t.due_date <= today + timedelta(days=7)]
        assert overdue == ["一（一）", "一（二）"] and this_week == ["一（三）", "一（四）"]
        lights = [plan_light(t.plan, t.status, t.due_date, None, today) for t in tasks.values()]
        assert lights.count(Light.RED) == 2 and Light.YELLOW in lights
        entry = db.session.scalar(select(JournalEntry).where(JournalEntry.task_id == tasks["一（一）"].id,
                                                             JournalEntry.field == "deadline"))
        assert entry.user.username == "duban" and entry.old_value is None
    # the plan as written, and its parse, give no deadline
    parsed = read_plan_file(ROOT / "seed_data" / "chongqing_plan.txt")
    assert all(m.deadline is None and m.due_date is None for m in parsed.measures)


def test_first_run_says_what_each_account_may_do_and_a_second_start_where_the_passwords_are(empty_app):
    # A newcomer reads the terminal: the accounts, then what each role may do and what to try first
    first = empty_app.test_cli_runner().invoke(args=["init-db"])
    assert first.exit_code == 0, first.output
    lines = first.output.splitlines()
    assert lines[0].startswith("已载入示例方案") and any(line.startswith("  zjj ") for line in lines)
    guide = "\n".join(lines[lines.index(next(line for line in lines if line.startswith("  wzjrb"))) + 1:])
    assert "首次登录须先设置自己的密码" in guide and "督办（duban，市金融办）看全部任务" in guide
    assert "zjj 登录" in guide and "一（三）" in guide and "jrb 登录，把二（一）分解给区县金融办" in guide
    # the tasks the guide names are the ones those accounts may act on
    with empty_app.app_context():
        zjj, jrb = (db.session.scalar(select(User).where(User.username == name)) for name in ("zjj", "jrb"))
        by_path = {tuple(t.path): t for t in db.session.scalars(select(Task))}
        assert zjj.unit in by_path[("一", "（三）")].lead_units and jrb.unit in by_path[("二", "（一）")].lead_units
    # started again (the first start's lines scrolled away): where the first passwords are kept
    again = empty_app.test_cli_runner().invoke(args=["init-db"])
    assert again.exit_code == 0 and again.output.startswith("数据库已是最新。")
    assert f"示例账号及其初始密码见 {empty_app.instance_path}" in again.output and "demo-accounts.txt" in again.output
