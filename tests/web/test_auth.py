"""Signing in and out, and what an anonymous visitor sees."""
from __future__ import annotations

import pytest

from tests.helpers.forms import csrf_token


def test_auth_anonymous_visitor_is_sent_to_login(client):
    response = client.get("/plans/1")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login")


def test_auth_supervisor_signs_in_and_sees_the_plan_list(client, auth):
    response = auth.login("duban")
    assert response.status_code == 302
    page = client.get("/").get_data(as_text=True)
    assert "重庆市金融去杠杆防风险专项方案" in page
    assert "市金融办（督办）" in page


def test_auth_wrong_password_is_refused_with_the_same_message_as_an_unknown_user(client, auth):
    wrong = auth.login("duban", "not-the-password").get_data(as_text=True)
    unknown = auth.login("nobody", "not-the-password").get_data(as_text=True)
    assert "用户名或密码不正确" in wrong and "用户名或密码不正确" in unknown
    assert client.get("/").status_code == 302


def test_auth_login_without_csrf_token_is_rejected(client, seeded_template):
    response = client.post("/login", data={"username": "duban", "password": seeded_template.passwords["duban"]})
    assert response.status_code == 400
    assert client.get("/").status_code == 302


def test_auth_logout_ends_the_session(client, auth):
    auth.login("jrb")
    assert client.get("/").status_code == 200
    assert auth.logout().status_code == 302
    assert client.get("/").status_code == 302


@pytest.mark.parametrize("target", ["https://evil.example", "//evil.example", "/\\evil.example",
                                    "\\\\\\evil.example", "javascript:alert(1)"])
def test_auth_next_parameter_never_leaves_the_site(client, seeded_template, target):
    page = client.get("/login").get_data(as_text=True)
    response = client.post(f"/login?next={target}", data={
        "username": "duban", "password": seeded_template.passwords["duban"], "csrf_token": csrf_token(page)})
    assert response.headers["Location"] == "/"


def test_auth_next_parameter_returns_to_the_page_asked_for(client, seeded_template):
    page = client.get("/login").get_data(as_text=True)
    response = client.post("/login?next=/tasks/5", data={
        "username": "duban", "password": seeded_template.passwords["duban"], "csrf_token": csrf_token(page)})
    assert response.headers["Location"] == "/tasks/5"


def test_auth_passwords_are_stored_as_scrypt_hashes(app):
    from sqlalchemy import select

    from tracker.extensions import db
    from tracker.models import User

    with app.app_context():
        hashes = db.session.scalars(select(User.password_hash)).all()
        assert hashes and all(h.startswith("scrypt:") for h in hashes)


def test_auth_pages_carry_security_headers_and_signed_in_pages_are_not_cached(client, auth):
    login_page = client.get("/login")
    assert "default-src 'self'" in login_page.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in login_page.headers["Content-Security-Policy"]
    assert login_page.headers["X-Content-Type-Options"] == "nosniff"
    auth.login("duban")
    assert client.get("/plans/1").headers["Cache-Control"] == "no-store"


def test_auth_templates_use_no_inline_script_or_style(app):
    """The CSP forbids inline code, so no template may rely on it."""
    from pathlib import Path

    for template in Path(app.root_path, "templates").rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        assert " style=" not in text and "<style" not in text, template
        assert "<script>" not in text and " on" + "click=" not in text, template
