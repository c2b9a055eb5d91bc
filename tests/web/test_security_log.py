"""The security log (SECURITY-TESTS.md G3, G4) and the journal of admin actions (G1)."""
from __future__ import annotations

import logging

from sqlalchemy import select

from tests.helpers.forms import csrf_token
from tests.helpers.reports import task_id
from tracker.extensions import db
from tracker.models import JournalEntry


def security_lines(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "tracker.security"]


def test_g3_failed_logins_403s_and_csrf_failures_are_logged_without_secrets(app, client, auth, seeded_template,
                                                                           caplog):
    caplog.set_level(logging.INFO)
    tried = ["Guess-Password-1", "Guess-Password-2", "Guess-Password-3", "Guess-Password-4", "Guess-Password-5",
             "Guess-Password-6"]
    for password in tried:
        auth.login("zjj", password)  # five failures, then the throttle
    auth.login("bjj")
    cookie = client.get_cookie("session").value
    token = csrf_token(client.get("/my-tasks").text)
    client.get(f"/tasks/{task_id(app, ['一', '（三）'])}")  # 403: not 重庆保监局's task
    client.get("/admin/users")  # 403
    client.post("/logout", data={"csrf_token": "forged"})  # CSRF failure
    lines = security_lines(caplog)
    events = [line.split(" ", 1)[0] for line in lines]
    assert events.count("login_failed") == 5 and events.count("login_throttled") == 1
    assert events.count("forbidden") == 2 and events.count("csrf_failed") == 1 and "login" in events
    assert any(line.startswith("login_failed") and 'user="zjj"' in line and 'ip="127.0.0.1"' in line
               for line in lines)
    assert any(line.startswith("forbidden") and 'user="bjj"' in line and 'path="/admin/users"' in line
               for line in lines)
    everything = caplog.text + "\n".join(lines)
    for secret in [*tried, seeded_template.passwords["bjj"], cookie, token]:
        assert secret not in everything


def test_g4_a_username_with_a_newline_is_logged_escaped_on_one_line(client, auth, caplog):
    caplog.set_level(logging.INFO)
    forged = "alice\n2026-11-21 10:00:00 INFO tracker.security login user=\"admin\""
    auth.login(forged, "whatever-password")
    [line] = [line for line in security_lines(caplog) if line.startswith("login_failed")]
    assert "\n" not in line and "\r" not in line
    assert 'user="alice\\n2026-11-21 10:00:00 INFO tracker.security login user=\\"admin\\""' in line
    assert not any(text.startswith("2026-11-21 10:00:00") for text in caplog.text.splitlines())  # no forged line


def test_g1_admin_actions_are_journalled_with_who_where_and_no_task(app, signed_in):
    admin = signed_in("guanli")
    with app.app_context():
        from tracker.models import User
        from tracker.services.accounts.units import find_unit

        czj = db.session.scalar(select(User).where(User.username == "czj"))
        uid, unit = czj.id, czj.unit_id
        other = find_unit("市国资委").id
    page = admin.get(f"/admin/users/{uid}").text
    token = csrf_token(page)
    admin.post(f"/admin/users/{uid}", data={"display_name": "财政局联络员", "role": "viewer", "unit_id": str(other),
                                            "csrf_token": token})
    admin.post(f"/admin/users/{uid}/active", data={"value": "0", "csrf_token": token})
    admin.post(f"/admin/units/{unit}/aliases", data={"alias": "财政局", "csrf_token": token})
    with app.app_context():
        entries = db.session.scalars(select(JournalEntry).order_by(JournalEntry.id)).all()
        described = [(e.field, e.old_value, e.new_value, e.user.username, e.unit, e.task_id, e.ip, e.channel.value,
                      e.target_user.username if e.target_user else None,
                      e.target_unit.name if e.target_unit else None) for e in entries]
        assert described == [
            ("role", "联络员", "领导（只读）", "guanli", None, None, "127.0.0.1", "form", "czj", None),
            ("unit", "市财政局", "市国资委", "guanli", None, None, "127.0.0.1", "form", "czj", None),
            ("display_name", "市财政局联络员", "财政局联络员", "guanli", None, None, "127.0.0.1", "form", "czj", None),
            ("active", "启用", "停用", "guanli", None, None, "127.0.0.1", "form", "czj", None),
            ("alias", None, "财政局", "guanli", None, None, "127.0.0.1", "form", None, "市财政局"),
        ]
        assert all(e.created_at is not None for e in entries)
