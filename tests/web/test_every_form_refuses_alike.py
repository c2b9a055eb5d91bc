"""Every form of the app, posted empty by someone let in, is refused the same way: 422 with the reason beside the field
at fault, 400 with a reason that names no field (tracker/forms.form_refusal_status), the reason in Chinese on the page
sent back. Sign-in, 修改密码, 用户管理, 单位管理 and 导入台账 answered 200 (the form again, as if nothing was wrong) or
flashed the reason and went back elsewhere, so a script or a test could not tell a refusal from a page.

The walk goes over the app's routes as tests/unit/test_form_messages.py goes over the form classes: every POST
route of a page (the JSON API answers in JSON: tests/web/test_api.py), by the first role the permission matrix lets
in, with the same empty form the matrix posts (a CSRF token and the sample task's version). A form whose empty post is
no refusal (a button: the action itself) is in EMPTY_IS_THE_ACTION with why; a new form route not refused and not
listed there fails here.
"""
from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from tests.helpers.forms import csrf_token, invalid_fields
from tests.helpers.routes import sample_arguments, url_arguments
from tests.helpers.permission_matrix import MATRIX, ROLES, sign_in_as
from tracker.extensions import db
from tracker.models import Task

#: Forms whose empty post is what they do, not a refusal: buttons carrying only the CSRF token (and a value), and the
#: one form kept flash-and-redirect. (rule: why). Each still answers 400 for a stale form (its CSRF token).
EMPTY_IS_THE_ACTION = {
    "/logout": "退出: a button",
    "/admin/users/<int:user_id>/active": "停用/启用: a button (value empty: 停用)",
    "/admin/users/<int:user_id>/password": "重置密码: a button, the new password shown (200)",
    "/admin/units/<int:unit_id>/aliases/<int:alias_id>/delete": "删除别名: a button",
    "/admin/units/<int:unit_id>/signoff": "须经签发 on/off: a button (value empty: off)",
    "/imports/pending/<token>/mapping": "列对应关系 left empty: read the columns again by their captions",
    "/imports/pending/<token>/confirm": "确认导入: a button",
    "/imports/pending/<token>/discard": "放弃: a button",
    "/imports/<int:record_id>/revert": "撤销导入: a button",
    "/plans/import/<token>": "确认导入方案: a button",
    "/plans/import/<token>/changes": "确认修订: a button",
    "/tasks/<int:task_id>/acknowledge": "签收: a button",
    "/tasks/<int:task_id>/close": "办结 by the office: 办结意见 is optional",
    "/reminders/<int:reminder_id>/acknowledge": "已阅催办: a button",
    "/notifications/<int:notification_id>/read": "已读: a button",
    "/notifications/read-all": "全部已读: a button",
    "/plans/<int:plan_id>/units/<int:unit_id>/reminders": (
        "催办本单位 on 报送情况: every field optional (its empty form urges with the standard wording); a refusal "
        "stays flash-and-redirect, see supervision/routes.remind_unit"),
}

#: The role a route is walked by when the first one let in cannot show the form: the matrix's data holds no
#: financial institution, so the office's 填报指标数据 page has no form to send back (a liaison files its own unit's).
WALKED_BY = {"/indicators/figures": "own_liaison"}

_CJK = re.compile(r"[\u4e00-\u9fff]")


def page_routes() -> list[str]:
    """The POST rules of the pages (the JSON API left out), in the matrix's order."""
    return sorted({rule for method, rule in MATRIX if method == "POST" and not rule.startswith("/api/")})


def first_let_in(rule: str) -> str:
    """The first role of the matrix let in to POST ``rule``: not refused (401/403/404), not sent to sign in."""
    statuses = MATRIX[("POST", rule)]
    return next(role for role, status in zip(ROLES, statuses)
                if status not in (401, 403, 404) and not (role == "anonymous" and status == 302))


def reasons_on(html: str) -> list[str]:
    """What the page sent back says is wrong: the reasons beside fields, the alerts above the form, an error page's
    message."""
    soup = BeautifulSoup(html, "html.parser")
    said = list(invalid_fields(html).values())
    said += [node.get_text(" ", strip=True) for node in soup.select(".alert-danger, .card-text")
             if not {"reminder-banner", "reminder-alert"} & set(node.get("class", []))]  # 催办 waiting, no reason
    return [text for text in said if text]


@pytest.mark.parametrize("rule", page_routes())
def test_an_empty_form_is_refused_with_its_reason_in_chinese(matrix_app, seeded_template, rule):
    app, client = matrix_app, matrix_app.test_client()
    role = WALKED_BY.get(rule) or first_let_in(rule)
    sign_in_as(app, client, seeded_template, role)
    url_rule = next(r for r in app.url_map.iter_rules() if r.rule == rule and "POST" in r.methods)
    samples = sample_arguments(app)
    with app.test_request_context():
        from flask import url_for

        url = url_for(url_rule.endpoint, **url_arguments(url_rule, samples))
    token = csrf_token(client.get("/login" if role == "anonymous" else "/account/password").text)
    with app.app_context():
        version = db.session.get(Task, samples["task_id"]).version
    response = client.post(url, data={"csrf_token": token, "version": str(version)})
    if rule in EMPTY_IS_THE_ACTION:
        assert response.status_code in (200, 302), f"{rule} is listed as a button but refused its empty form"
        return
    assert response.status_code in (400, 422), (
        f"{role} POST {url} empty: {response.status_code}; a refused form answers 422 beside the field or 400 "
        "(tracker/forms.form_refusal_status), or list the route in EMPTY_IS_THE_ACTION with why")
    reasons = reasons_on(response.text)
    assert reasons and all(_CJK.search(text) for text in reasons), f"{rule}: reasons said {reasons!r}"


def test_the_listed_buttons_are_routes_of_the_app(app):
    rules = {rule.rule for rule in app.url_map.iter_rules()}
    assert set(EMPTY_IS_THE_ACTION) <= rules, set(EMPTY_IS_THE_ACTION) - rules
