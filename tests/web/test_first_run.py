"""A newcomer runs `python run.py` on a fresh checkout and gets a seeded tracker."""
from __future__ import annotations

import os
import stat
import subprocess
import sys
import time

from sqlalchemy import func, select

from tests.helpers.paths import ROOT
from tests.helpers.servers import fetch, free_port
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


def test_first_run_run_py_serves_the_seeded_tracker(tmp_path):
    port = free_port()
    env = {**os.environ, "TRACKER_INSTANCE_DIR": str(tmp_path), "PORT": str(port)}
    env.pop("DATABASE_URL", None)
    process = subprocess.Popen([sys.executable, "run.py"], cwd=ROOT, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        lines = []
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line:
                break
            lines.append(line)
            if f"http://127.0.0.1:{port}/" in line:
                break
        output = "".join(lines)
        assert f"http://127.0.0.1:{port}/" in output, output
        assert "duban" in output and "重庆市金融去杠杆防风险专项方案" in output
        assert "督办台账" in fetch(f"http://127.0.0.1:{port}/login")
        assert "Bootstrap" in fetch(f"http://127.0.0.1:{port}/static/vendor/bootstrap/bootstrap.min.css")
        assert (tmp_path / "demo-accounts.txt").exists() and (tmp_path / "secret_key").exists()
    finally:
        process.terminate()
        process.wait(timeout=10)
