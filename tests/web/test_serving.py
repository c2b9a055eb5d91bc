"""Production serving: the health endpoints, a reverse proxy, SQLite settings.

Gunicorn with several workers serving the seeded tracker is tests/system/test_serving_gunicorn.py.
"""
from __future__ import annotations

from sqlalchemy import text
from werkzeug.middleware.proxy_fix import ProxyFix

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


def test_serving_liveness_endpoint_answers_without_the_database(tmp_path, monkeypatch):
    from tests.helpers.app import make_app

    broken = make_app(tmp_path, monkeypatch, f"sqlite:///{tmp_path / 'missing' / 'x.sqlite'}")
    response = broken.test_client().get("/livez")
    assert response.status_code == 200 and response.get_json() == {"status": "ok"}
    down = broken.test_client().get("/healthz")
    assert down.status_code == 503 and "数据库暂时无法连接" in down.get_json()["message"]
