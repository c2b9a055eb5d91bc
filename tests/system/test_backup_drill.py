"""F7, the backup drill: a backup taken while writers keep reporting restores every committed row, whole.

The writers are threads posting through the report form; the drill's backup runs as its own
``flask backup`` process, as an office's cron job would.
"""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import threading
import time
import zipfile
from collections import Counter
from io import BytesIO
from pathlib import Path

from sqlalchemy import event, func, select, text

from tests.helpers.app import make_app
from tests.helpers.forms import Auth
from tests.helpers.paths import ROOT
from tests.helpers.reports import PDF, post_report, report_with_files, task_id
from tracker.database import upgrade_database
from tracker.extensions import db
from tracker.models import Attachment, FiguresTally, JournalEntry, ProgressReport, Task
from tracker.services.backup import DERIVED_TABLES
from tracker.services import backup as backups


# --- F7: the backup drill --------------------------------------------------------------------------------------

LOAD_TASKS = (["一", "（一）"], ["一", "（三）"], ["一", "（五）"])  # zjj and rhygb may report on all three


class Writers:
    """Threads that keep posting reports through the report form, each with its own client, until stopped.

    ``accepted`` lists (monotonic time of the answer, report text) for every report stored (302).
    """

    def __init__(self, app, seeded_template, names=("zjj", "rhygb", "zjj", "rhygb")):
        self.app, self.passwords, self.names = app, seeded_template.passwords, names
        self.tasks = [task_id(app, path) for path in LOAD_TASKS]
        self.accepted: list[tuple[float, str]] = []
        self.statuses: Counter = Counter()
        self.errors: list[str] = []
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self._work, args=(i,)) for i in range(len(names))]

    def _work(self, index: int) -> None:
        client = self.app.test_client()
        try:
            Auth(client, self.passwords).login(self.names[index])
            n = 0
            while not self.stop.is_set():
                text = f"drill-{index}-{n}"
                status = post_report(client, self.tasks[n % len(self.tasks)], progress=text).status_code
                with self.lock:
                    self.statuses[status] += 1
                    if status == 302:
                        self.accepted.append((time.monotonic(), text))
                n += 1
        except Exception as error:  # noqa: BLE001 - reported by the test
            self.errors.append(f"writer {index}: {error!r}")

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *_):
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=60)

    def wait_for(self, count: int) -> None:
        deadline = time.monotonic() + 60
        while len(self.accepted) < count and time.monotonic() < deadline and not self.errors:
            time.sleep(0.05)


def consistency(app) -> dict:
    """What a consistent snapshot guarantees: each report has its journal entry, each task its newest version."""
    with app.app_context():
        reports = sorted(db.session.execute(select(ProgressReport.task_id, ProgressReport.progress)).all())
        entries = sorted(db.session.execute(select(JournalEntry.task_id, JournalEntry.new_value)
                                            .where(JournalEntry.field == "report")).all())
        latest = dict(db.session.execute(select(JournalEntry.task_id, func.max(JournalEntry.task_version))
                                         .where(JournalEntry.task_id.is_not(None))
                                         .group_by(JournalEntry.task_id)).all())
        versions = {tid: version for tid, version in db.session.execute(select(Task.id, Task.version)).all()
                    if tid in latest}
        return {"reports": reports, "entries": entries, "latest": latest, "versions": versions}


def restored_app(databases, tmp_path, monkeypatch):
    folder = tmp_path / "restored"
    folder.mkdir()
    restored = make_app(folder, monkeypatch, databases.create(folder))
    with restored.app_context():
        upgrade_database()
    return restored


def test_backup_is_one_snapshot_even_when_a_report_lands_between_two_tables(app, client, auth, databases,
                                                                             tmp_path, monkeypatch):
    """A report posted after the task table was read but before the reports were is in neither (F7)."""
    auth.login("zjj")
    tid = task_id(app, ["一", "（三）"])
    assert post_report(client, tid, progress="备份前已提交。").status_code == 302
    landed = []

    def write_in_between(connection, _cursor, statement, *_args):
        if not landed and statement.lstrip().startswith("SELECT") and 'FROM task ' in statement.replace('"', ""):
            landed.append(True)
            assert post_report(client, tid, progress="备份途中提交。").status_code == 302

    out = BytesIO()
    with app.app_context():
        event.listen(db.engine, "after_cursor_execute", write_in_between)
        try:
            backups.backup(out)
        finally:
            event.remove(db.engine, "after_cursor_execute", write_in_between)
    assert landed
    with app.app_context():  # the report really was committed while the backup ran
        assert db.session.scalar(select(func.count()).where(ProgressReport.progress == "备份途中提交。")) == 1
    restored = restored_app(databases, tmp_path, monkeypatch)
    out.seek(0)
    with restored.app_context():
        backups.restore(out)
    state = consistency(restored)
    assert (tid, "备份前已提交。") in state["reports"] and (tid, "备份途中提交。") not in state["reports"]
    assert state["reports"] == state["entries"]
    assert state["versions"] == state["latest"]


def test_backup_drill_under_write_load_restores_every_committed_row(app, client, auth, seeded_template, databases,
                                                                    tmp_path, monkeypatch):
    """F7: `flask backup` runs (its own process) while four writers keep reporting; the restore is whole."""
    auth.login("zjj")
    evidence = task_id(app, ["一", "（三）"])
    assert report_with_files(client, evidence, [("检查报告.pdf", PDF)], progress="附检查报告。").status_code == 302
    out = tmp_path / "drill.zip"
    env = {**os.environ, "TRACKER_INSTANCE_DIR": app.instance_path, "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"]}
    with Writers(app, seeded_template) as writers:
        writers.wait_for(8)
        started = time.monotonic()
        done = subprocess.run([sys.executable, "-m", "flask", "--app", "tracker", "backup", "-o", str(out)],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
        finished = time.monotonic()
        writers.wait_for(len(writers.accepted) + 4)
    assert done.returncode == 0, done.stderr
    assert "佐证材料文件 1 个" in done.stdout
    assert writers.errors == [] and set(writers.statuses) <= {302, 409}
    before = {text for at, text in writers.accepted if at < started}
    during = {text for at, text in writers.accepted if started <= at <= finished}
    assert before and during  # reports were stored before and while the backup ran

    restored = restored_app(databases, tmp_path, monkeypatch)
    result = restored.test_cli_runner().invoke(args=["restore", str(out)])
    assert result.exit_code == 0, result.output
    with restored.app_context():
        if db.engine.dialect.name == "sqlite":
            assert db.session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            assert db.session.execute(text("PRAGMA foreign_key_check")).all() == []
        else:  # PostgreSQL: the restored tables are readable through their indexes and counts match the file
            manifest = json.loads(zipfile.ZipFile(out).read("manifest.json"))
            for table in db.metadata.sorted_tables:
                if table.name not in DERIVED_TABLES:  # the figures' tally: filled by the restore's inserts
                    assert db.session.scalar(select(func.count()).select_from(table)) == manifest["counts"][table.name]
            db.session.execute(text("ANALYZE"))
        tally = db.session.get(FiguresTally, 1)  # the counts the figures read are the restored tables' own
        assert (tally.tasks, tally.reports) == (db.session.scalar(select(func.count(Task.id))),
                                                db.session.scalar(select(func.count(ProgressReport.id))))
        stored = set(db.session.scalars(select(ProgressReport.progress).where(ProgressReport.progress.like("drill-%"))))
        attachment = db.session.scalar(select(Attachment))
        data = (Path(restored.instance_path) / "attachments" / attachment.stored_name).read_bytes()
    assert before <= stored  # every report committed before the backup began is there
    assert stored <= {text for _, text in writers.accepted}  # and nothing that was not committed
    state = consistency(restored)
    assert state["reports"] == state["entries"]  # no report without its journal entry, nor the reverse
    assert state["versions"] == state["latest"]  # every task at the version its newest journal entry reached
    assert data == PDF and hashlib.sha256(data).hexdigest() == attachment.sha256
    assert Path(restored.instance_path) != Path(app.instance_path)
