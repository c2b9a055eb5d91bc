"""Production serving: gunicorn with several workers, the health endpoint, a reverse proxy, SQLite settings."""
from __future__ import annotations

import os
import subprocess
import sys

from sqlalchemy import text
from werkzeug.middleware.proxy_fix import ProxyFix

from tests.helpers.paths import ROOT
from tests.helpers.servers import fetch, free_port
from tracker.extensions import db


def test_serving_health_endpoint_answers_when_the_database_does(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": "up"}


def test_serving_health_endpoint_says_503_when_the_database_is_gone(tmp_path, monkeypatch):
    from tests.helpers.app import make_app

    broken = make_app(tmp_path, monkeypatch, f"sqlite:///{tmp_path / 'missing' / 'x.sqlite'}")
    response = broken.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_json()["status"] == "unavailable"


def test_serving_sqlite_connections_use_wal_foreign_keys_and_a_busy_timeout(tmp_path, monkeypatch):
    """The embedded default, whatever database the rest of the suite runs on."""
    from tests.helpers.app import make_app

    app = make_app(tmp_path, monkeypatch)
    with app.app_context():
        with db.engine.connect() as connection:
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 5000


def test_serving_trusts_a_reverse_proxy_only_when_told(tmp_path, monkeypatch):
    from tests.helpers.app import make_app

    assert not isinstance(make_app(tmp_path, monkeypatch).wsgi_app, ProxyFix)
    from tracker import create_app

    proxied = create_app({"TESTING": True, "PROXY_HOPS": 1,
                          "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'p.sqlite'}"})
    assert isinstance(proxied.wsgi_app, ProxyFix)


def test_serving_gunicorn_with_several_workers_serves_the_seeded_tracker(tmp_path):
    env = {**os.environ, "TRACKER_INSTANCE_DIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    flask = [sys.executable, "-m", "flask", "--app", "tracker"]
    seeded = subprocess.run([*flask, "init-db"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert seeded.returncode == 0, seeded.stderr
    assert "duban" in seeded.stdout
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "tracker:create_app()"], cwd=ROOT,
        env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": "3"},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert '"status":"ok"' in fetch(f"http://127.0.0.1:{port}/healthz").replace(" ", "")
        for _ in range(6):  # spread over the workers
            assert "督办台账" in fetch(f"http://127.0.0.1:{port}/login")
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_serving_liveness_endpoint_answers_without_the_database(tmp_path, monkeypatch):
    from tests.helpers.app import make_app

    broken = make_app(tmp_path, monkeypatch, f"sqlite:///{tmp_path / 'missing' / 'x.sqlite'}")
    response = broken.test_client().get("/livez")
    assert response.status_code == 200 and response.get_json() == {"status": "ok"}
    down = broken.test_client().get("/healthz")
    assert down.status_code == 503 and "数据库暂时无法连接" in down.get_json()["message"]
