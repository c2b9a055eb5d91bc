"""Sessions and sign-in (SECURITY-TESTS.md group B): cookies, session ends, timeouts, throttling, first login.

The throttle across three gunicorn workers (B6 with real processes) is tests/system/test_sessions_gunicorn.py.
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from tests.helpers.forms import Auth, csrf_token, form_version, invalid_fields
from tests.helpers.reports import post_report, report_count, task_id
from tracker import clock, create_app
from tracker.extensions import db
from tracker.models import User
from tracker.services.accounts.users import create_account


class MovableClock:
    """Stands in for tracker.clock.utcnow so that a test can let hours pass in a moment."""

    def __init__(self):
        self.now = datetime(2026, 11, 21, 1, 0, 0)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def moving_clock(monkeypatch) -> MovableClock:
    fake = MovableClock()
    monkeypatch.setattr(clock, "utcnow", fake)
    return fake


def session_cookie(client, name="session"):
    cookie = client.get_cookie(name)
    return cookie.value if cookie else None


def replay(app, value, name="session"):
    """Return a new client carrying only the session cookie ``value`` (another browser, a stolen cookie)."""
    other = app.test_client()
    other.set_cookie(name, value)
    return other


def test_b1_production_cookie_is_secure_httponly_lax_with_host_prefix_and_hsts(app, seeded_template, monkeypatch):
    monkeypatch.setenv("TRACKER_ENV", "production")
    production = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"]})
    assert production.debug is False
    client = production.test_client()
    page = client.get("/login", base_url="https://localhost")
    response = client.post("/login", base_url="https://localhost", headers={"Referer": "https://localhost/login"}, data={
        "username": "duban", "password": seeded_template.passwords["duban"], "csrf_token": csrf_token(page.text)})
    assert response.status_code == 302
    cookies = response.headers.getlist("Set-Cookie")
    assert len(cookies) == 1, "no remember-me cookie, only the session"
    attributes = [part.strip() for part in cookies[0].split(";")]
    assert attributes[0].startswith("__Host-session=")
    assert {"Secure", "HttpOnly", "Path=/", "SameSite=Lax"} <= set(attributes)
    assert not any(a.lower().startswith("domain=") for a in attributes)
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")


def test_b1_development_cookie_is_httponly_and_lax_and_no_hsts_over_http(client, auth):
    response = auth.login("duban")
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Strict-Transport-Security" not in response.headers


def test_b2_the_cookie_changes_at_login_and_the_one_from_before_is_not_signed_in(app, client, auth):
    client.get("/login")
    before = session_cookie(client)
    auth.login("zjj")
    after = session_cookie(client)
    assert before and after and before != after
    assert replay(app, before).get("/").status_code == 302
    assert replay(app, after).get("/").status_code == 200


def test_b3_a_cookie_saved_before_logout_no_longer_works(app, client, auth):
    auth.login("zjj")
    saved = session_cookie(client)
    assert replay(app, saved).get("/my-tasks").status_code == 200
    auth.logout()
    response = replay(app, saved).get("/my-tasks")
    assert response.status_code == 302 and response.headers["Location"].startswith("/login")


def test_b4_changing_the_password_ends_the_other_sessions_but_keeps_this_one(app, seeded_template, signed_in):
    office, home = signed_in("zjj"), signed_in("zjj")
    page = office.get("/account/password").text
    new = "证监局 联络员的新密码 2026"
    response = office.post("/account/password", data={
        "current_password": seeded_template.passwords["zjj"], "new_password": new, "confirm": new,
        "csrf_token": csrf_token(page)})
    assert response.status_code == 302
    assert office.get("/my-tasks").status_code == 200
    assert home.get("/my-tasks").status_code == 302
    assert "请重新登录" in home.get("/login").text
    # the old password is gone, the new one works
    fresh = Auth(app.test_client(), {"zjj": new})
    assert fresh.login("zjj", seeded_template.passwords["zjj"]).status_code == 400
    assert fresh.login("zjj").status_code == 302


def test_b4_a_wrong_current_password_changes_nothing(app, client, auth, seeded_template):
    auth.login("zjj")
    page = client.get("/account/password").text
    response = client.post("/account/password", data={
        "current_password": "not-my-password", "new_password": "another long password", "confirm":
        "another long password", "csrf_token": csrf_token(page)})
    assert response.status_code == 422 and "当前密码不正确" in invalid_fields(response.text)["current_password"]
    assert Auth(app.test_client(), seeded_template.passwords).login("zjj").status_code == 302


def test_b5_a_session_ends_after_the_idle_timeout(app, client, auth, moving_clock):
    auth.login("zjj")
    moving_clock.advance(minutes=119)
    assert client.get("/my-tasks").status_code == 200  # still within two hours of the last request
    moving_clock.advance(minutes=119)
    assert client.get("/my-tasks").status_code == 200
    moving_clock.advance(minutes=121)
    response = client.get("/my-tasks")
    assert response.status_code == 302 and response.headers["Location"].startswith("/login")
    assert "登录已超时" in client.get("/login").text


def test_b5_a_report_sent_after_the_idle_timeout_is_said_not_saved(app, client, auth, moving_clock):
    # The liaison opens 一（三） at 19:50, types its report and presses 提交进展 at 22:00: the session has timed out.
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    page = client.get(f"/tasks/{tid}").text
    moving_clock.advance(minutes=130)
    response = client.post(f"/tasks/{tid}", data={"csrf_token": csrf_token(page), "version": form_version(page),
                                                  "progress": "已检查证券机构 12 家。"})
    assert response.status_code == 302 and response.headers["Location"].startswith("/login")
    assert f"next=/tasks/{tid}" in response.headers["Location"].replace("%2F", "/")  # back to the task after sign-in
    told = client.get("/login").text
    assert "登录已超时，刚才提交的内容没有保存到系统" in told
    assert "报送进展中填写的文字已留在本浏览器，登录后会回到该任务并自动填回，核对后再提交即可" in told
    assert report_count(app) == 0


def test_the_report_form_keeps_its_words_in_the_browser_until_the_report_is_stored(app, client, auth):
    # The form names its owner and task for the browser's draft (static/js/report-draft.js, tried in
    # tests/system/test_browser_report_draft.py); the page after the report is stored tells it to drop the draft, once.
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    with app.app_context():
        uid = db.session.execute(select(User.id).where(User.username == "zjj")).scalar_one()
    page = client.get(f"/tasks/{tid}").text
    assert f'data-draft-key="{uid}:{tid}"' in page and "data-draft-stored" not in page
    assert "/static/js/report-draft.js" in page
    assert post_report(client, tid, progress="已检查证券机构 12 家。").status_code == 302
    assert "data-draft-stored" in client.get(f"/tasks/{tid}").text
    assert "data-draft-stored" not in client.get(f"/tasks/{tid}").text


def test_signing_out_clears_what_the_browser_kept(app, client, auth):
    auth.login("zjj")
    page = client.get("/my-tasks").text
    assert re.search(r'action="/logout" data-forget-drafts', page)
    response = client.post("/logout", data={"csrf_token": csrf_token(page)})
    assert response.status_code == 302 and response.headers["Clear-Site-Data"] == '"storage"'


def test_b5_a_session_ends_after_its_absolute_lifetime_even_when_used(app, client, auth, moving_clock):
    auth.login("zjj")
    for _ in range(11):
        moving_clock.advance(minutes=60)
        assert client.get("/my-tasks").status_code == 200
    moving_clock.advance(minutes=61)  # 12 h 1 min after sign-in
    assert client.get("/my-tasks").status_code == 302


def test_b5_timeouts_are_configurable(app, client, auth, moving_clock):
    app.config["SESSION_IDLE_MINUTES"] = 5
    auth.login("zjj")
    moving_clock.advance(minutes=6)
    assert client.get("/my-tasks").status_code == 302


def login_page_text(response) -> str:
    """The page without its CSRF token, to compare two answers."""
    return re.sub(r'value="[^"]+"', "", response.text)


def test_b6_the_sixth_bad_password_within_the_window_gets_429(app, client, auth, moving_clock):
    answers = [auth.login("zjj", f"guess-{n}") for n in range(5)]
    assert all(a.status_code == 400 and "用户名或密码不正确" in a.text for a in answers)
    sixth = auth.login("zjj", "guess-5")
    assert sixth.status_code == 429
    assert "登录失败次数过多" in sixth.text
    # even the right password waits until the window has passed
    assert auth.login("zjj").status_code == 429
    moving_clock.advance(minutes=16)
    assert auth.login("zjj").status_code == 302


def test_b6_unknown_user_and_wrong_password_get_the_same_answer(client, auth):
    wrong = auth.login("zjj", "not-the-password")
    unknown = auth.login("no-such-user", "not-the-password")
    assert wrong.status_code == unknown.status_code == 400  # wrong credentials name no field
    assert login_page_text(wrong).replace("zjj", "X") == login_page_text(unknown).replace("no-such-user", "X")
    for _ in range(4):
        auth.login("no-such-user", "x")
    throttled_unknown = auth.login("no-such-user", "x")
    for _ in range(4):
        auth.login("zjj", "x")
    throttled_known = auth.login("zjj", "x")
    assert throttled_unknown.status_code == throttled_known.status_code == 429
    assert (login_page_text(throttled_unknown).replace("no-such-user", "X")
            == login_page_text(throttled_known).replace("zjj", "X"))


def test_b6_a_successful_login_clears_the_failures_and_other_users_are_not_locked(client, auth):
    for _ in range(4):
        auth.login("zjj", "typo")
    assert auth.login("zjj").status_code == 302
    auth.logout()
    for _ in range(4):
        assert auth.login("zjj", "typo").status_code == 400
    for _ in range(6):
        auth.login("bjj", "typo")
    assert auth.login("zjj").status_code == 302


def test_b6_one_address_trying_many_names_is_throttled_too(app, client, auth):
    app.config["LOGIN_MAX_FAILURES_PER_IP"] = 3
    for name in ("zjj", "bjj", "yjj"):
        assert auth.login(name, "sprayed-password").status_code == 400
    assert auth.login("fgw", "sprayed-password").status_code == 429


def test_b7_a_64_character_password_is_kept_whole(app, client, auth, seeded_template):
    long_password = "  一句很长的口令：" + "x" * 50 + " end  "
    long_password = long_password[:64]
    assert len(long_password) == 64
    auth.login("zjj")
    page = client.get("/account/password").text
    assert client.post("/account/password", data={
        "current_password": seeded_template.passwords["zjj"], "new_password": long_password,
        "confirm": long_password, "csrf_token": csrf_token(page)}).status_code == 302
    auth.logout()
    assert auth.login("zjj", long_password.strip()).status_code == 400  # not trimmed
    assert auth.login("zjj", long_password[:63]).status_code == 400  # not truncated
    assert auth.login("zjj", long_password).status_code == 302
    with app.app_context():
        assert db.session.scalar(select(User.password_hash).where(User.username == "zjj")).startswith("scrypt:")


def test_b9_no_default_admin_account_exists(app, client, auth):
    assert auth.login("admin", "admin").status_code == 400
    with app.app_context():
        assert db.session.scalar(select(func.count(User.id)).where(User.username == "admin")) == 0


def new_account(app, username="liu", role="liaison", unit="重庆证监局"):
    """Create an account on the admin's behalf; return its generated password."""
    from tracker.models import Role
    from tracker.services.accounts.units import find_unit

    with app.app_context():
        admin = db.session.scalar(select(User).where(User.username == "guanli"))
        _, password = create_account(admin, username, Role(role), find_unit(unit).id if unit else None)
        return password


def test_b9_a_generated_password_must_be_changed_before_anything_else(app, client, auth):
    password = new_account(app)
    tid = task_id(app, ["一", "（三）"])
    response = auth.login("liu", password)
    assert response.headers["Location"] == "/account/password"
    for path in ("/", "/my-tasks", f"/tasks/{tid}"):
        response = client.get(path)
        assert response.status_code == 302 and response.headers["Location"] == "/account/password"
    page = client.get("/account/password").text
    assert "请先设置您自己的密码" in page
    response = client.post(f"/tasks/{tid}", data={"progress": "未改密码就报送", "csrf_token": csrf_token(page)})
    assert response.status_code == 302 and report_count(app) == 0
    assert client.post("/account/password", data={
        "current_password": password, "new_password": "我自己的新密码123", "confirm": "我自己的新密码123",
        "csrf_token": csrf_token(page)}).status_code == 302
    assert client.get("/my-tasks").status_code == 200
    assert post_report(client, tid, progress="改密后报送。").status_code == 302
    assert report_count(app) == 1


def test_b9_the_new_password_must_differ_and_be_long_enough(app, client, auth):
    password = new_account(app)
    auth.login("liu", password)
    page = client.get("/account/password").text
    for new, message in ((password, "不能与当前密码相同"), ("short", "至少 10 位：请设置更长的密码"), ("liu", "至少 10 位")):
        response = client.post("/account/password", data={
            "current_password": password, "new_password": new, "confirm": new, "csrf_token": csrf_token(page)})
        assert response.status_code == 422 and message in invalid_fields(response.text)["new_password"]
    response = client.post("/account/password", data={
        "current_password": password, "new_password": "abcdefghijk", "confirm": "abcdefghijx",
        "csrf_token": csrf_token(page)})
    assert response.status_code == 422 and invalid_fields(response.text) == {"confirm": "两次输入的新密码不一致。"}
    assert client.get("/").status_code == 302


def test_a_report_sent_after_the_browser_dropped_its_session_leads_to_sign_in_and_back_to_the_task(app, client, auth):
    # zjj types 一（三）'s report at night; the phone's browser is closed and drops the session cookie (no session, no
    # CSRF token in it). Her report, sent in the morning, is said as a session that ended, not "请求无效".
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    page = client.get(f"/tasks/{tid}").text
    morning = app.test_client()  # the same page, without the cookie
    response = morning.post(f"/tasks/{tid}", data={"csrf_token": csrf_token(page), "version": form_version(page),
                                                   "progress": "已检查证券机构 12 家。"},
                            headers={"Referer": f"http://localhost/tasks/{tid}"})
    assert response.status_code == 302 and response.headers["Location"].startswith("/login")
    assert f"next=/tasks/{tid}" in response.headers["Location"].replace("%2F", "/")
    told = morning.get("/login").text
    assert "登录已超时，刚才提交的内容没有保存到系统" in told and "请求无效" not in told
    assert report_count(app) == 0


def test_a_form_posting_elsewhere_returns_to_its_page_after_signing_in_again(app, client, auth, moving_clock):
    # 签收 posts to /tasks/<id>/acknowledge, which answers no GET: after the idle timeout the sign-in page leads back
    # to the task page the form was on (its Referer), not to an address that would answer 405.
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    page = client.get(f"/tasks/{tid}").text
    moving_clock.advance(minutes=130)
    data = {"csrf_token": csrf_token(page), "version": form_version(page)}
    response = client.post(f"/tasks/{tid}/acknowledge", data=data, headers={"Referer": f"http://localhost/tasks/{tid}"})
    location = response.headers["Location"].replace("%2F", "/")
    assert response.status_code == 302 and location.startswith("/login") and location.endswith(f"next=/tasks/{tid}")
    auth.login("zjj")
    page = client.get(f"/tasks/{tid}").text
    # a Referer of another site is not followed: back to the address posted to, as before
    moving_clock.advance(minutes=130)
    data = {"csrf_token": csrf_token(page), "version": form_version(page)}
    response = client.post(f"/tasks/{tid}/acknowledge", data=data, headers={"Referer": "http://evil.example/x"})
    assert "evil" not in response.headers["Location"] and "acknowledge" in response.headers["Location"]


def test_the_sign_in_form_sent_after_the_browser_dropped_its_session_asks_again(app, client):
    page = client.get("/login?next=/my-tasks").text
    fresh = app.test_client()
    response = fresh.post("/login?next=/my-tasks", data={"csrf_token": csrf_token(page), "username": "zjj",
                                                         "password": "whatever"})
    assert response.status_code == 302
    assert response.headers["Location"].replace("%2F", "/") == "/login?next=/my-tasks"
    assert "登录页面已过期（浏览器已清除本站的会话），请重新输入用户名和密码登录。" in fresh.get("/login").text
