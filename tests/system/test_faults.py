"""Faults, with real parts: a process killed inside its import transaction; the database server stopped.

Both drills are bounded (loopback only, every wait has a limit), stop by themselves and print what
they counted, so that CI's log shows them.

- An import killed with SIGKILL while its transaction is open leaves all or none of it. "Inside the
  transaction" is seen from the database, not guessed: on SQLite the importer holds the write lock
  (another connection's BEGIN IMMEDIATE is refused), on PostgreSQL its backend holds a
  RowExclusiveLock (it has inserted rows it has not committed). Runs on the suite's database.
- The PostgreSQL server stopped and started again under gunicorn: requests fail fast with a Chinese
  503 page and no traceback, then succeed again without restarting the app. Needs its own
  throw-away cluster (scripts/postgres-for-tests.sh with its own PGPORT and PGDATA_DIR), so it runs
  in the PostgreSQL pass of the suite only (TRACKER_TEST_POSTGRES_URL set), and there for real.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
import uuid
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
from sqlalchemy import create_engine, func, select, text, update
from sqlalchemy.engine import make_url

from bench.generate_data import plan_text
from bench.load import _Client
from tests.helpers.app import POSTGRES_URL, make_app
from tests.helpers.paths import ROOT
from tests.helpers.reports import task_id
from tests.helpers.servers import fetch, free_port
from tracker.extensions import db
from tracker.models import ProgressReport, User

FLASK = [sys.executable, "-m", "flask", "--app", "tracker"]


# --- an import killed inside its transaction -------------------------------------------------------------

@dataclass
class ImportDrill:
    """A long import to kill: the CLI command and a function writing its input into a folder (returns the args)."""

    command: str
    make_args: Callable[[Path], list[str]]


def _big_plan(folder: Path) -> list[str]:
    path = folder / "big-plan.txt"
    path.write_text(plan_text(headings=40, items=50), encoding="utf-8")  # 2,040 measures
    return [str(path)]


# `import-ledger` joins this list once it lands, with a large ledger as its input.
IMPORTS = [ImportDrill("import-plan", _big_plan)]


def row_counts(url: str) -> dict[str, int]:
    """Rows in every table of the app (a fresh connection: nothing cached)."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return {t.name: connection.scalar(select(func.count()).select_from(t)) for t in db.metadata.sorted_tables}
    finally:
        engine.dispose()


def importer_holds_write_lock(url: str) -> bool:
    """True while another process is inside a write transaction on ``url``'s database (see the module doc)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        probe = sqlite3.connect(parsed.database, timeout=0, isolation_level=None)
        try:
            probe.execute("BEGIN IMMEDIATE")
            probe.execute("ROLLBACK")
            return False
        except sqlite3.OperationalError as error:
            if "locked" in str(error):
                return True
            raise
        finally:
            probe.close()
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            return bool(connection.scalar(text(
                "SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database "
                "WHERE d.datname = current_database() AND l.pid <> pg_backend_pid() "
                "AND l.mode = 'RowExclusiveLock' AND l.granted")))
    finally:
        engine.dispose()


def start_import(drill: ImportDrill, args: list[str], env: dict) -> subprocess.Popen:
    return subprocess.Popen([*FLASK, drill.command, *args], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def wait_for_write_lock(url: str, process: subprocess.Popen, limit: float = 120) -> float:
    """Return the time when the importer is first seen inside its transaction; fail if it never is."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and process.poll() is None:
        if importer_holds_write_lock(url):
            return time.monotonic()
        time.sleep(0.02)
    out, err = process.communicate(timeout=30)
    pytest.fail(f"the import was never seen inside its transaction (exit {process.returncode}): {err[-2000:]}")


def changes(before: dict[str, int], after: dict[str, int]) -> dict[str, int]:
    return {name: after[name] - before[name] for name in before if after[name] != before[name]}


@pytest.mark.parametrize("drill", IMPORTS, ids=lambda d: d.command)
def test_faults_import_killed_inside_its_transaction_leaves_all_or_none(drill, app, tmp_path, drill_log):
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    with app.app_context():
        db.engine.dispose()  # the fixture's own connections stay out of the way
    args = drill.make_args(tmp_path)
    env = {**os.environ, "DATABASE_URL": url, "TRACKER_INSTANCE_DIR": str(tmp_path)}

    # 1. Two complete runs: the first registers what any run needs once (e.g. new units); the second shows
    #    what "all" is, and how long the importer stays inside its transaction.
    process = start_import(drill, args, env)
    assert process.communicate(timeout=300) and process.returncode == 0
    before = row_counts(url)
    process = start_import(drill, args, env)
    entered = wait_for_write_lock(url, process)
    out, err = process.communicate(timeout=300)
    held = time.monotonic() - entered
    assert process.returncode == 0, err
    complete = changes(before, row_counts(url))
    assert complete, "the complete import wrote nothing"

    # 2. The same import, killed with SIGKILL halfway through its transaction: nothing of it stays.
    #    On a busy machine one run may finish sooner than the run that was timed: then it is run again (its rows are
    #    the "before" of the next try) and killed sooner, at most three times.
    for attempt in range(3):
        before = row_counts(url)
        process = start_import(drill, args, env)
        entered = wait_for_write_lock(url, process)
        time.sleep(held * 0.4 / 2 ** attempt)
        if process.poll() is None:
            break
        process.communicate(timeout=30)
        assert process.returncode == 0 and changes(before, row_counts(url)) == complete
    assert process.poll() is None, "the import finished before it could be killed; give it a larger input"
    assert importer_holds_write_lock(url), "the import left its transaction before it could be killed"
    killed_after = time.monotonic() - entered
    process.kill()
    process.communicate(timeout=30)
    assert process.returncode == -9
    after_kill = row_counts(url)
    assert changes(before, after_kill) == {}
    if make_url(url).get_backend_name() == "sqlite":
        with sqlite3.connect(make_url(url).database) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)

    # 3. The database takes the import again afterwards, whole.
    process = start_import(drill, args, env)
    out, err = process.communicate(timeout=300)
    assert process.returncode == 0, err
    assert changes(after_kill, row_counts(url)) == complete
    drill_log(f"{drill.command} killed on {make_url(url).get_backend_name()}: a complete run wrote {complete} "
              f"inside a transaction of {held:.1f} s; killed (SIGKILL) {killed_after:.1f} s into it, it left "
              f"{changes(before, after_kill) or 'nothing'}; run again, it wrote the same again")


# --- the database server stopped and restarted under gunicorn ---------------------------------------------

class OwnPostgres:
    """A throw-away PostgreSQL cluster on its own port and folder (scripts/postgres-for-tests.sh)."""

    def __init__(self):
        self.env = {**os.environ, "PGPORT": str(free_port()),
                    "PGDATA_DIR": f"/tmp/tracker-pg-fault-{uuid.uuid4().hex[:8]}"}
        self.script = str(ROOT / "scripts" / "postgres-for-tests.sh")

    def start(self) -> str:
        done = subprocess.run([self.script], env=self.env, capture_output=True, text=True, timeout=180)
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    def stop(self) -> None:
        subprocess.run([self.script, "stop"], env=self.env, capture_output=True, text=True, timeout=60, check=True)

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.env["PGDATA_DIR"], ignore_errors=True)


def timed(client: _Client, path: str, data: dict | None = None) -> tuple[int, str, float]:
    started = time.monotonic()
    status, body = client.request(path, data)
    return status, body, time.monotonic() - started


if POSTGRES_URL:  # the PostgreSQL pass of the suite (CI's second run); SQLite has no server to stop
    def test_faults_database_server_stopped_and_restarted_fails_cleanly_then_recovers(tmp_path, monkeypatch,
                                                                                        drill_log):
        seconds = float(os.environ.get("TRACKER_FAULT_SECONDS", "3"))
        cluster = OwnPostgres()
        try:
            url = cluster.start()
            app = make_app(tmp_path, monkeypatch, url)
            from tracker.services.seed import prepare_database

            passwords = {u: p for u, p, _, _ in prepare_database(app).accounts}
            task = task_id(app, ["一", "（三）"])  # led by 重庆证监局 (zjj)
            with app.app_context():
                # As if zjj had already replaced the generated password (test_sessions.py walks that step).
                db.session.execute(update(User).values(must_change_password=False))
                db.session.commit()
                db.engine.dispose()
            port = free_port()
            log = tmp_path / "gunicorn.log"
            env = {**os.environ, "DATABASE_URL": url, "TRACKER_INSTANCE_DIR": str(tmp_path),
                   "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": "2"}
            with log.open("wb") as out:
                server = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py",
                                           "tracker:create_app()"], cwd=ROOT, env=env, stdout=out, stderr=out)
            try:
                base = f"http://127.0.0.1:{port}"
                fetch(base + "/livez")
                visitor, liaison = _Client(base, "", ""), _Client(base, "zjj", passwords["zjj"])
                liaison.login()
                token, version = liaison.form(f"/tasks/{task}")  # the report form carries the version it was read at
                assert visitor.request("/healthz")[0] == 200

                cluster.stop()
                outage: Counter = Counter()
                slowest = 0.0
                pages = [f"/tasks/{task}", "/my-tasks", "/plans/1", "/"]
                deadline = time.monotonic() + seconds
                while time.monotonic() < deadline:
                    status, body, took = timed(visitor, "/healthz")
                    assert status == 503 and "数据库暂时无法连接" in json.loads(body)["message"], body
                    outage["/healthz 503"] += 1
                    slowest = max(slowest, took)
                    for path in pages:
                        status, body, took = timed(liaison, path)
                        assert status == 503 and "服务暂时不可用" in body and "Traceback" not in body, (path, body)
                        outage["page 503"] += 1
                        slowest = max(slowest, took)
                    status, body, took = timed(liaison, f"/tasks/{task}", {
                        "progress": "停库期间的报送", "problems": "", "next_steps": "", "status": "",
                        "csrf_token": token, "version": version})
                    assert status == 503 and "没有保存" in body
                    outage["report 503"] += 1
                    slowest = max(slowest, took)
                assert slowest < 10, f"a request took {slowest:.1f} s during the outage"

                cluster.start()
                restarted = time.monotonic()
                recovered = None
                while time.monotonic() - restarted < 30:
                    if visitor.request("/healthz")[0] == 200:
                        recovered = time.monotonic() - restarted
                        break
                    time.sleep(0.2)
                assert recovered is not None, "the app did not recover within 30 s of the restart"
                after = Counter()
                for path in pages:  # the same signed-in session, on whichever worker answers
                    for _ in range(2):
                        status, body, _ = timed(liaison, path)
                        assert status == 200, (path, status)
                        after[status] += 1
                status, _, _ = timed(liaison, f"/tasks/{task}", {
                    "progress": "恢复后的报送", "problems": "", "next_steps": "", "status": "", "csrf_token": token,
                    "version": version})
                assert status == 302
                assert server.poll() is None  # the same gunicorn, never restarted
            finally:
                server.terminate()
                server.wait(timeout=30)
            with app.app_context():
                texts = db.session.scalars(select(ProgressReport.progress)).all()
                db.engine.dispose()
            assert texts == ["恢复后的报送"]  # nothing from the outage was half-written
            logged = log.read_text(encoding="utf-8", errors="replace")
            assert "Traceback" not in logged
            assert re.search(r"incident \w+: database unavailable", logged)
            drill_log(f"database outage under gunicorn: {sum(outage.values())} requests in {seconds:g} s of outage "
                      f"{dict(outage)}, slowest {slowest:.2f} s; after the restart /healthz answered 200 within "
                      f"{recovered:.1f} s, then {sum(after.values())} page requests {dict(after)} and a report stored")
        finally:
            cluster.remove()
