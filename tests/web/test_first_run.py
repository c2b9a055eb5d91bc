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
        assert units == len(liaisons) == 16
        assert all(u.unit is not None for u in liaisons)
        supervisor = db.session.scalar(select(User).where(User.role == Role.SUPERVISOR))
        assert supervisor.unit.name == "市金融办"
        admin = db.session.scalar(select(User).where(User.role == Role.ADMIN))
        assert admin.username == "guanli" and admin.unit is None
        # generated passwords: each account chooses its own at first sign-in
        assert all(u.must_change_password for u in db.session.scalars(select(User)))
    assert len(result.accounts) == 18
    assert len({password for _, password, _, _ in result.accounts}) == 18
    text = result.accounts_file.read_text(encoding="utf-8")
    assert all(password in text for _, password, _, _ in result.accounts)
    assert stat.S_IMODE(os.stat(result.accounts_file).st_mode) == 0o600


def test_first_run_a_second_start_keeps_the_data_and_seeds_nothing(empty_app):
    prepare_database(empty_app)
    assert prepare_database(empty_app) is None
    with empty_app.app_context():
        assert db.session.scalar(select(func.count(Plan.id))) == 1
