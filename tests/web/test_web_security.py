"""CSRF, XSS, headers and error pages (SECURITY-TESTS.md C1–C4), and scope (A2, A3, A5, A10)."""
from __future__ import annotations

import logging
import re
from io import BytesIO

import openpyxl
import pytest
from flask import url_for
from sqlalchemy import select

from tests.helpers.forms import csrf_token
from tests.helpers.ledger import data_rows
from tests.helpers.reports import post_report, task_id
from tests.helpers.routes import sample_arguments, url_arguments
from tracker.extensions import db
from tracker.models import ProgressReport, Role, User

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_ATTRIBUTE = '" onmouseover=alert(1) x="'
# Every field any form of the tracker reads, with values that would change something if accepted.
PLAUSIBLE_FORM = {"progress": "越权写入", "problems": "x", "next_steps": "x", "status": "closed", "username": "mallory",
                  "password": "mallory-password", "display_name": "x", "role": "admin", "unit_id": "1", "value": "0",
                  "name": "新名称", "alias": "新别名", "target_id": "2", "current_password": "x",
                  "new_password": "another password", "confirm": "another password",
                  "split_units": "市财政局", "members": "1", "parent_id": "2", "kind": "group", "jurisdiction": "广州市"}


# POST routes that take no cookie-based session (e.g. a JSON API authenticated by a bearer token only), where
# CSRF tokens do not apply. Each entry needs a reason; every other POST route must refuse a missing token.
CSRF_EXEMPT: dict[str, str] = {
    "/api/v1/tasks/<int:task_id>/reports": "JSON API: authenticated by an Authorization: Bearer token only, a session "
                                           "cookie is ignored (401), so a forged cross-site request carries no credential",
    "/api/v1/indicators/figures": "JSON API (figures of issue 16): a bearer token only, as the reports above",
    "/api/v1/tasks/<int:task_id>/subtasks": "JSON API (sub-tasks of issue 18): a bearer token only, as the reports above",
    "/api/v1/signoffs/<kind>/<int:item_id>/<any(approve, return):decision>":
        "JSON API (sign-off of issue 18): a bearer token only, as the reports above",
    "/api/v1/bulletins": "JSON API (发布通报, POST): a bearer token only, as the reports above",
}


def snapshot(app) -> dict[str, list]:
    """Every row of every table: "nothing written" means this is unchanged (versions and journal included)."""
    with app.app_context():
        db.session.remove()
        return {table.name: [tuple(row) for row in db.session.execute(
            select(table).order_by(*table.primary_key.columns))] for table in db.metadata.sorted_tables}


def urls(app, method: str) -> list[str]:
    samples = sample_arguments(app)
    with app.test_request_context():
        return [url_for(rule.endpoint, **url_arguments(rule, samples))
                for rule in app.url_map.iter_rules() if method in rule.methods and rule.rule not in CSRF_EXEMPT]


def test_c1_every_post_route_without_a_valid_csrf_token_gets_400_and_writes_nothing(app, client, auth):
    auth.login("guanli")  # the admin may use every POST route, so only the missing token can stop it
    post_urls = urls(app, "POST")
    assert len(post_urls) >= 10
    before = snapshot(app)
    for url in post_urls:
        for token in ({}, {"csrf_token": "forged"}, {"csrf_token": ""}):
            response = client.post(url, data={**PLAUSIBLE_FORM, **token})
            assert response.status_code == 400, url
            assert "请求无效" in response.text
    assert snapshot(app) == before
    assert client.get("/admin/users").status_code == 200  # still signed in: logout needs the token too
    for rule in CSRF_EXEMPT:  # exempt because the session cookie is no credential there: refused without a token
        url_rule = next(r for r in app.url_map.iter_rules() if r.rule == rule and "POST" in r.methods)
        with app.test_request_context():  # the rule's sample URL, as for every other route
            url = url_for(url_rule.endpoint, **url_arguments(url_rule, sample_arguments(app)))
        assert client.post(url, data=PLAUSIBLE_FORM).status_code == 401, url
        assert client.post(url, json={"progress": "越权写入"}).status_code == 401, url
    assert snapshot(app) == before


def test_c1_a_token_from_another_session_is_refused(app, client, auth, signed_in):
    other = signed_in("duban")
    foreign_token = csrf_token(other.get("/").text)
    auth.login("zjj")
    before = snapshot(app)
    response = client.post(f"/tasks/{task_id(app, ['一', '（三）'])}", data={"progress": "x", "csrf_token": foreign_token})
    assert response.status_code == 400
    assert snapshot(app) == before


@pytest.mark.parametrize("username", ["guanli", "duban", "zjj"])
def test_c1_no_get_route_changes_anything(app, client, auth, username):
    auth.login(username)
    get_urls = urls(app, "GET")  # makes the sample objects first
    before = snapshot(app)
    for url in get_urls:
        assert client.get(url).status_code < 500, url
    assert snapshot(app) == before


def assert_escaped(page: str) -> None:
    assert XSS_SCRIPT not in page and XSS_ATTRIBUTE not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_c2_a_script_in_a_report_is_escaped_in_the_list_the_detail_and_the_ledger(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    post_report(client, tid, progress=f"{XSS_SCRIPT}{XSS_ATTRIBUTE}", problems=XSS_SCRIPT, next_steps=XSS_ATTRIBUTE)
    for path in (f"/tasks/{tid}", "/plans/1", "/my-tasks"):
        assert_escaped(client.get(path).text)
    rows = data_rows(openpyxl.load_workbook(BytesIO(client.get("/plans/1/ledger.xlsx").data)).worksheets[0])
    assert next(r for r in rows if r["序号"] == "一（三）")["进展情况"] == f"{XSS_SCRIPT}{XSS_ATTRIBUTE}"


def test_c2_a_script_in_names_is_escaped_in_flash_messages_lists_and_history(app, client, auth):
    auth.login("guanli")
    with app.app_context():
        uid = db.session.scalar(select(User.id).where(User.username == "czj"))
        unit = db.session.scalar(select(User).where(User.id == uid)).unit_id
    page = client.get(f"/admin/users/{uid}").text
    client.post(f"/admin/users/{uid}", data={"display_name": XSS_SCRIPT + XSS_ATTRIBUTE, "role": "liaison",
                                             "unit_id": str(unit), "csrf_token": csrf_token(page)})
    assert_escaped(client.get(f"/admin/users/{uid}").text)  # the account's history
    assert_escaped(client.get("/admin/users").text)
    page = client.get(f"/admin/units/{unit}").text
    response = client.post(f"/admin/units/{unit}/rename", data={"name": XSS_SCRIPT, "csrf_token": csrf_token(page)})
    flashed = client.get(response.headers["Location"]).text
    assert XSS_SCRIPT not in flashed and "单位已改名为“&lt;script&gt;alert(1)&lt;/script&gt;”" in flashed
    assert XSS_SCRIPT not in client.get("/admin/units").text


def test_c3_security_headers_on_pages_and_no_store_on_signed_in_pages_and_exports(client, auth):
    response = client.get("/login")
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert "Strict-Transport-Security" not in response.headers  # only in production, over HTTPS
    auth.login("zjj")
    for path in ("/", "/plans/1", "/my-tasks", "/plans/1/ledger.xlsx", "/account/password"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["Cache-Control"] == "no-store", path
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]


def test_c4_an_unexpected_error_shows_a_chinese_page_with_an_incident_id_and_logs_the_traceback(
        app, client, auth, monkeypatch, caplog):
    import tracker.plans.routes

    def broken(*args, **kwargs):
        raise RuntimeError("boom in SELECT secret_column FROM plan")

    monkeypatch.setattr(tracker.plans.routes, "plan_task_counts", broken)
    app.config["PROPAGATE_EXCEPTIONS"] = False  # as in production (TESTING turns propagation on)
    assert app.debug is False
    auth.login("duban")
    with caplog.at_level(logging.ERROR):
        response = client.get("/plans")  # the plan list counts tasks with plan_task_counts
    assert response.status_code == 500
    page = response.text
    assert "系统出错" in page
    incident = re.search(r"事件编号：<code>([0-9a-f]{12})</code>", page).group(1)
    for leak in ("Traceback", "RuntimeError", "boom", "SELECT", "secret_column", 'File "'):
        assert leak not in page
    logged = [r for r in caplog.records if incident in r.getMessage()]
    assert logged and logged[0].exc_info and "boom" in caplog.text and "Traceback" in caplog.text


def test_a2_another_units_task_shows_none_of_its_data(app, client, auth):
    tid = task_id(app, ["一", "（四）"])  # 重庆保监局 only
    auth.login("zjj")
    response = client.get(f"/tasks/{tid}")
    assert response.status_code == 403
    assert "加强保险行业风险防范" not in response.text and "重庆保监局" not in response.text


def test_a3_a10_another_units_canary_never_appears_in_a_liaisons_lists_pages_or_ledger(app, signed_in):
    canary_task = task_id(app, ["一", "（四）"])  # 加强保险行业风险防范: 重庆保监局 only
    post_report(signed_in("bjj"), canary_task, progress="CANARY-保监局进展")
    client = signed_in("zjj")
    pages = [client.get(path).text for path in ("/", "/plans/1", "/my-tasks",
                                                f"/tasks/{task_id(app, ['一', '（三）'])}",
                                                f"/tasks/{task_id(app, ['一', '（一）'])}")]
    for page in pages:
        assert "CANARY" not in page and "加强保险行业风险防范" not in page
    rows = data_rows(openpyxl.load_workbook(BytesIO(client.get("/plans/1/ledger.xlsx").data)).worksheets[0])
    assert all(r["序号"] != "一（四）" and "CANARY" not in str(r["进展情况"]) for r in rows)


def test_a5_extra_fields_posted_with_a_report_or_a_password_change_are_ignored(app, client, auth, seeded_template):
    tid = task_id(app, ["一", "（三）"])
    auth.login("fgw")  # 市发展改革委, supporting unit of 一（三）
    with app.app_context():
        other_unit = db.session.scalar(select(User.unit_id).where(User.username == "zjj"))
        admin_id = db.session.scalar(select(User.id).where(User.username == "guanli"))
    extra = {"unit_id": str(other_unit), "role": "admin", "created_by": str(admin_id), "is_admin": "1",
             "author_id": str(admin_id), "task_id": "1"}
    assert post_report(client, tid, progress="配合单位的进展。", **extra).status_code == 302
    page = client.get("/account/password").text
    new = "发改委联络员的新密码"
    client.post("/account/password", data={"current_password": seeded_template.passwords["fgw"],
                                           "new_password": new, "confirm": new, "csrf_token": csrf_token(page),
                                           **extra})
    with app.app_context():
        report = db.session.scalar(select(ProgressReport))
        assert (report.task_id, report.unit.name, report.author.username) == (tid, "市发展改革委", "fgw")
        fgw = db.session.scalar(select(User).where(User.username == "fgw"))
        assert fgw.role is Role.LIAISON and fgw.unit.name == "市发展改革委"


@pytest.mark.parametrize("path", ["/", "/login", "/plans", "/no-such-page"])
def test_a_forged_host_header_gets_a_chinese_400_without_an_error_logged(app, client, caplog, path):
    """A request naming a host the site does not answer for (TRACKER_TRUSTED_HOSTS) is refused with 400 in
    Chinese, before any page is built; the error page does not itself fail (it cannot build the site's links)."""
    app.config["TRUSTED_HOSTS"] = ["duban.example.gov.cn"]
    app.config["PROPAGATE_EXCEPTIONS"] = False  # as in production
    with caplog.at_level(logging.ERROR):
        response = client.get(path, headers={"Host": "evil.example"})
    assert response.status_code == 400
    assert "此地址不是本系统的访问地址" in response.text and "evil.example" not in response.text
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert client.get("/login", headers={"Host": "duban.example.gov.cn"}).status_code == 200
