"""The command line and every server process start without the libraries only some commands need (issue 19).

`flask --app tracker …` and each gunicorn worker build the whole app; python-docx, lxml, openpyxl,
and Alembic load only in the commands and views that use them (tracker/lazy.py,
tracker/database.py's deferred `flask db`). bench/startup.py times it against a bare Flask process.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ["openpyxl", "docx", "lxml", "bs4", "alembic", "flask_migrate", "pdfplumber", "PIL", "tracker.ledger",
         "tracker.bulletin.writers", "tracker.indicators.workbook"]
# (The plan parser, tracker.parsing, still loads: the import preview's services use it at module level; it
# needs none of the libraries above until a file is read, and costs about 60 ms.)


def loaded_after(code: str, tmp_path: Path) -> list[str]:
    script = (f"import json, sys\n{code}\n"
              f"print(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))")
    env = {"PATH": "/usr/bin:/bin", "TRACKER_INSTANCE_DIR": str(tmp_path), "SECRET_KEY": "startup-test",
           "DATABASE_URL": f"sqlite:///{tmp_path}/startup.sqlite"}
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_startup_of_the_app_loads_no_document_spreadsheet_or_migration_library(tmp_path):
    assert loaded_after("from tracker import create_app\ncreate_app()", tmp_path) == []


def test_startup_flask_help_lists_the_commands_without_loading_them(tmp_path):
    code = ("import sys\nfrom flask.cli import main\nsys.argv = ['flask', '--app', 'tracker', '--help']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass")
    assert loaded_after(code, tmp_path) == []


def test_startup_flask_db_still_migrates_when_asked(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "TRACKER_INSTANCE_DIR": str(tmp_path), "SECRET_KEY": "startup-test",
           "DATABASE_URL": f"sqlite:///{tmp_path}/startup.sqlite"}
    for args in (["db", "upgrade"], ["db", "current"]):
        done = subprocess.run([sys.executable, "-m", "flask", "--app", "tracker", *args], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
    assert "(head)" in done.stdout
