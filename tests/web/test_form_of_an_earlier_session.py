"""A form shown before the liaison signed in again says so, stores nothing, and leads back to a form that works.

Walk of workflow52 (a liaison at 10 pm on her phone): she has 一（三）'s task page open with her progress typed; in
another tab (or after the two-hour timeout, signing in again and pressing 返回 to the page the phone kept) she signs out
and in again, which renews the session and its CSRF token. Pressing 提交进展 on the old page answered
"请求无效：页面已过期或表单不完整。请返回上一页，刷新后重新提交。": 返回 showed the same dead form again, and nothing said
whether her words were lost. The answer (still 400, nothing stored: SECURITY-TESTS C1) now says the page was opened
before this sign-in, that nothing was saved, and offers 重新打开刚才的页面 (the page the form was on), whose fresh form
the browser fills back with her words (static/js/report-draft.js). A token that is not this site's at all (forged)
keeps the plain 400 page: only a token this site signed can be said to come from an earlier session.
"""
from __future__ import annotations

from bs4 import BeautifulSoup

from tests.helpers.forms import csrf_token, form_version
from tests.helpers.reports import report_count, task_id
from tests.helpers.workflow import page

WORDS = "已完成辖区证券经营机构风险排查，现场检查 12 家。"


def test_a_report_sent_from_a_page_opened_before_signing_in_again_says_so_and_leads_back(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    html = page(client, tid)
    old_form = {"csrf_token": csrf_token(html), "version": form_version(html), "progress": WORDS}
    auth.logout()  # another tab: out and in again, a new session with a new token
    auth.login("zjj")
    before = report_count(app)

    refused = client.post(f"/tasks/{tid}", data=old_form, headers={"Referer": f"http://localhost/tasks/{tid}"})
    assert refused.status_code == 400
    assert report_count(app) == before  # nothing stored
    body = BeautifulSoup(refused.text, "html.parser").select_one("main") or BeautifulSoup(refused.text, "html.parser")
    text = body.get_text(" ", strip=True)
    assert "请求无效" in text
    assert "本次登录之前打开" in text and "没有保存到系统" in text
    assert "只要其间没有按过“退出”，会留在本浏览器并自动填回" in text
    back = body.find("a", string="重新打开刚才的页面")
    assert back is not None and back["href"] == f"http://localhost/tasks/{tid}"

    fresh = page(client, tid)  # the page she reopens: its form works, once
    sent = client.post(f"/tasks/{tid}", data={**old_form, "csrf_token": csrf_token(fresh),
                                              "version": form_version(fresh)})
    assert sent.status_code == 302
    assert report_count(app) == before + 1


def test_a_forged_token_keeps_the_plain_refusal(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    before = report_count(app)
    refused = client.post(f"/tasks/{tid}", data={"csrf_token": "forged", "progress": WORDS},
                          headers={"Referer": f"http://localhost/tasks/{tid}"})
    assert refused.status_code == 400
    assert "页面已过期或表单不完整" in refused.text
    assert "重新打开刚才的页面" not in refused.text
    assert report_count(app) == before
