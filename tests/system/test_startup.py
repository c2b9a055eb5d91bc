"""The command line and every server process start without the libraries only some commands need (issue 19).

`flask --app tracker …` and each gunicorn worker build the app; python-docx, lxml, openpyxl,
and Alembic load only in the commands and views that use them (tracker/lazy.py,
tracker/database.py's deferred `flask db`). A command of the command line does not build the web part
(blueprints, views, CSRF) until something asks for a page or a URL (tracker/application.py), while
`flask run`, `flask routes` and every server get it at once. bench/startup.py times it against a bare
Flask process.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ["openpyxl", "docx", "lxml", "bs4", "alembic", "flask_migrate", "pdfplumber", "PIL", "tracker.ledger",
         "tracker.bulletin.writers", "tracker.indicators.workbook"]
#: The web part: what a command that serves no page does not load (tracker/application.py).
PAGES = ["flask_wtf", "tracker.admin.routes", "tracker.api.routes", "tracker.dashboard.routes", "tracker.plans.routes",
         "tracker.tasks.routes"]
# (The plan parser, tracker.parsing, still loads: the import preview's services use it at module level; it
# needs none of the libraries above until a file is read, and costs about 60 ms.)


def process_env(tmp_path: Path) -> dict[str, str]:
    return {"PATH": "/usr/bin:/bin", "TRACKER_INSTANCE_DIR": str(tmp_path), "SECRET_KEY": "startup-test",
            "DATABASE_URL": f"sqlite:///{tmp_path}/startup.sqlite"}


def loaded_after(code: str, tmp_path: Path, modules: list[str] = HEAVY) -> list[str]:
    script = (f"import json, sys\n{code}\n"
              f"print(json.dumps(sorted(m for m in {modules!r} if m in sys.modules)))")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=process_env(tmp_path), capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def flask_command(*args: str) -> str:
    """Python code running ``flask --app tracker ARGS`` in this process (its exit caught)."""
    return (f"import sys\nfrom flask.cli import main\nsys.argv = ['flask', '--app', 'tracker', *{list(args)!r}]\n"
            "try:\n    main()\nexcept SystemExit as leaving:\n    assert not leaving.code, leaving.code")


def test_startup_of_the_app_loads_no_document_spreadsheet_or_migration_library(tmp_path):
    assert loaded_after("from tracker import create_app\ncreate_app()", tmp_path) == []


def test_startup_flask_help_lists_the_commands_without_loading_them(tmp_path):
    assert loaded_after(flask_command("--help"), tmp_path) == []


def test_startup_a_command_that_serves_no_page_does_not_build_the_pages(tmp_path):
    # The app is what every command builds first; the pages and their forms are not (issue 19).
    assert loaded_after(flask_command("--help"), tmp_path, PAGES) == []
    assert loaded_after(flask_command("export-ledger", "--help"), tmp_path, PAGES) == []
    # Built at once when the app is built for serving (gunicorn, run.py, the tests), as before.
    assert loaded_after("from tracker import create_app\ncreate_app()", tmp_path, PAGES) == PAGES


def test_startup_an_app_loaded_by_the_command_line_still_serves_its_pages_and_urls(tmp_path):
    # A command that, one day, answers a request or builds a URL gets the whole web part first.
    init = subprocess.run([sys.executable, "-m", "flask", "--app", "tracker", "init-db"], cwd=ROOT,
                          env=process_env(tmp_path), capture_output=True, text=True, timeout=300)
    assert init.returncode == 0, init.stderr
    code = """
import click
from flask.cli import FlaskGroup, ScriptInfo
with click.Context(FlaskGroup(), obj=ScriptInfo(app_import_path="tracker")) as context:
    app = context.obj.load_app()   # as `flask --app tracker COMMAND` loads it, to find COMMAND
assert app.web_deferred
app.config["SERVER_NAME"] = "tracker.example"   # a URL outside a request needs it (a reminder mail's link)
with app.app_context():
    from flask import url_for
    assert url_for("auth.login") == "http://tracker.example/login", url_for("auth.login")
app.config["SERVER_NAME"] = None
assert not app.web_deferred
page = app.test_client().get("/login")
assert page.status_code == 200 and "登录" in page.get_data(as_text=True), page.status_code
assert page.headers["Content-Security-Policy"]          # the security headers are part of the web part
"""
    assert loaded_after(code, tmp_path, PAGES[:3]) == PAGES[:3]


def test_startup_flask_routes_lists_every_page(tmp_path):
    done = subprocess.run([sys.executable, "-m", "flask", "--app", "tracker", "routes"], cwd=ROOT,
                          env=process_env(tmp_path), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "/login" in done.stdout and "/api/v1/" in done.stdout and "/livez" in done.stdout


def test_startup_flask_db_still_migrates_when_asked(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "TRACKER_INSTANCE_DIR": str(tmp_path), "SECRET_KEY": "startup-test",
           "DATABASE_URL": f"sqlite:///{tmp_path}/startup.sqlite"}
    for args in (["db", "upgrade"], ["db", "current"]):
        done = subprocess.run([sys.executable, "-m", "flask", "--app", "tracker", *args], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
    assert "(head)" in done.stdout


def test_startup_a_command_closes_its_database_when_it_ends(tmp_path):
    # A command's process skips Python's last garbage collection at exit (tracker/cli end_process_quickly),
    # but its database connections are still closed: SQLite folds its write-ahead journal back and removes it.
    for args in (["init-db"], ["export-ledger", "-o", str(tmp_path / "台账.xlsx")]):
        done = subprocess.run([sys.executable, "-m", "flask", "--app", "tracker", *args], cwd=ROOT,
                              env=process_env(tmp_path), capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        assert not list(tmp_path.glob("startup.sqlite-*")), (args, sorted(p.name for p in tmp_path.iterdir()))
    assert "已写出" in done.stdout and (tmp_path / "台账.xlsx").stat().st_size > 5000


def collector_after(code: str, tmp_path: Path) -> dict:
    """Run ``code`` in a new process with the cyclic collector watched: how many collections of each generation
    ran while ``code`` ran, whether the collector is on at its end, and how many objects are frozen."""
    script = ("import gc, json\nruns = [0, 0, 0]\n"
              "gc.callbacks.append(lambda phase, info: phase == 'start' and runs.__setitem__(info['generation'], "
              "runs[info['generation']] + 1))\n"
              f"{code}\n"
              "print(json.dumps({'runs': runs, 'enabled': gc.isenabled(), 'frozen': gc.get_freeze_count()}))")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=process_env(tmp_path), capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_startup_a_command_loads_the_app_without_collecting_again_and_again(tmp_path):
    # Loading the app for one command makes >100,000 objects that live as long as the process: the collector
    # is paused while it loads, then what loading made is frozen out of its reach and it runs again for what
    # the command makes (tracker/application.py pause_collector_while_loading; issue 19, benchmarks item 33).
    flask_loaded = "from flask.cli import main\n"  # Flask's own imports collect as they always did
    watched = collector_after(flask_loaded + "runs[:] = [0, 0, 0]\n" + flask_command("--help"), tmp_path)
    assert watched["runs"][1:] == [0, 0], watched  # before: ten middle and one full collection
    assert watched["enabled"] and watched["frozen"] > 50_000, watched
    # A server's app (gunicorn, run.py, the tests) is loaded as before: collected as it goes, nothing frozen.
    served = collector_after("from tracker import create_app\ncreate_app()", tmp_path)
    assert served["enabled"] and served["frozen"] == 0 and served["runs"][2] >= 1, served


def test_startup_export_ledger_does_not_load_the_reading_of_unit_names(tmp_path):
    # The export finds its operator and its --unit by name in the registry; the reading of a name's words
    # (tracker/vocabulary/units.py, ~40 patterns compiled at import) is for plans, ledgers and unit lists read in.
    done = subprocess.run([sys.executable, "-m", "flask", "--app", "tracker", "init-db"], cwd=ROOT,
                          env=process_env(tmp_path), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    export = flask_command("export-ledger", "-o", str(tmp_path / "台账.xlsx"), "--unit", "重庆证监局")
    assert loaded_after(export, tmp_path, ["tracker.vocabulary.units", "tracker.parsing"]) == []
    assert (tmp_path / "台账.xlsx").stat().st_size > 5000
