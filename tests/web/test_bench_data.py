"""The bench data generator fills an empty database that the app then serves and writes to."""
from __future__ import annotations

from sqlalchemy import select

from bench.generate_data import BENCH_PASSWORD, Counts, generate
from tests.helpers.app import make_app
from tests.helpers.forms import Auth
from tests.helpers.reports import post_report
from tracker.extensions import db
from tracker.models import ProgressReport, Task


def test_bench_data_fills_an_empty_database_the_app_serves(databases, tmp_path, monkeypatch):
    url = databases.create(tmp_path)
    try:
        facts = generate(url, Counts(units=200, plans=3, tasks=300, reports=1_000), quiet=True)
        assert facts.counts["unit"] == 200 and facts.counts["user"] == 201
        assert facts.counts["plan"] == 3 and facts.counts["task"] == 300 and facts.counts["progress_report"] == 1_000
        assert facts.liaison == "u001" and len(facts.sample_tasks) > 0
        app = make_app(tmp_path, monkeypatch, url)
        client = app.test_client()
        auth = Auth(client, {"u001": BENCH_PASSWORD, "duban": BENCH_PASSWORD})
        assert auth.login("u001").status_code == 302
        assert "本单位牵头或配合的任务共" in client.get("/my-tasks").get_data(as_text=True)
        with app.app_context():
            task = db.session.scalar(select(Task).where(Task.id.in_(
                select(ProgressReport.task_id).where(ProgressReport.unit_id == 1))).limit(1))
            task_id = task.id
        # A new report gets the next id (on PostgreSQL the sequences were moved past the bulk-inserted ids).
        assert post_report(client, task_id, progress="基准数据上的新报送").status_code == 302
        with app.app_context():
            newest = db.session.scalar(select(ProgressReport).order_by(ProgressReport.id.desc()).limit(1))
            assert newest.progress == "基准数据上的新报送" and newest.id == 1_001
            db.engine.dispose()
    finally:
        databases.drop(url)
