"""A new gunicorn worker renders the first pages before it takes requests (tracker/warmup.py, issue 19)."""
from __future__ import annotations

import logging

from sqlalchemy import func, select

from tracker.extensions import db
from tracker.models import JournalEntry, Notification, ProgressReport, User


def counts(app) -> tuple[int, ...]:
    with app.app_context():
        return tuple(db.session.scalar(select(func.count()).select_from(model))
                     for model in (JournalEntry, Notification, ProgressReport, User))


def test_a_new_worker_renders_the_supervisors_and_a_liaisons_first_pages_and_changes_nothing(app, client, auth):
    from tracker.warmup import first_pages, warm_pages

    before = counts(app)
    pages = first_pages(app)
    assert [paths[0] for _, paths in pages] == ["/", "/"]  # the office's home and a liaison's
    assert any(path.startswith("/plans/") for path in pages[0][1]) and "/my-tasks" in pages[1][1]
    assert warm_pages(app) == sum(len(paths) for _, paths in pages) == 5
    assert counts(app) == before
    auth.login("zjj")
    assert client.get("/").status_code == 200  # the warmed worker serves its visitors as before


def test_the_warm_up_stops_at_the_first_write_and_the_write_does_not_happen(app, monkeypatch, caplog):
    from tracker import warmup

    @app.route("/warm-up-test-writes")
    def writes():
        user = db.session.scalar(select(User).where(User.username == "duban"))
        user.display_name = "改过了"
        db.session.commit()
        return "ok"

    with app.app_context():
        user_id = db.session.scalar(select(User).where(User.username == "duban")).get_id()
    monkeypatch.setattr(warmup, "first_pages", lambda app: [(user_id, ["/", "/warm-up-test-writes", "/"])])
    with caplog.at_level(logging.INFO, logger="tracker.warmup"):
        assert warmup.warm_pages(app) == 1  # "/" only: stopped at the write
    assert "tried to write" in caplog.text
    with app.app_context():
        assert db.session.scalar(select(User.display_name).where(User.username == "duban")) != "改过了"


def test_accounts_that_must_still_choose_a_password_and_an_empty_database_are_not_warmed(app, empty_app):
    from tracker.warmup import first_pages, warm_pages

    with app.app_context():
        db.session.execute(User.__table__.update().values(must_change_password=True))
        db.session.commit()
    assert first_pages(app) == []
    assert warm_pages(empty_app) == 0


def test_the_warm_up_asks_with_the_trusted_host_and_secure_cookies_of_a_production_server(app):
    from tracker.warmup import warm_pages

    app.config.update(TRUSTED_HOSTS=["duban.example.gov.cn"], SESSION_COOKIE_SECURE=True,
                      PREFERRED_URL_SCHEME="https")
    assert warm_pages(app) == 5  # asked as "localhost" over http, every page would be refused
