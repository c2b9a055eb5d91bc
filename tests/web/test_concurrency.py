"""Concurrent edits: a form read before someone else's change gets a conflict page, never a silent
overwrite (SECURITY-TESTS F1, F2, F3; A10 for what the conflict page shows).

Separate requests, as people make them: each client opens the task page (reading its version),
another saves, the first submits the version it read. F3 with two clients racing through gunicorn
is tests/system/test_concurrency_gunicorn.py.
"""
from __future__ import annotations

import re

from sqlalchemy import select

from tests.helpers.forms import csrf_token, form_version
from tests.helpers.reports import post_report, task_id
from tests.helpers.workflow import act, history_fields, page, snapshot
from tracker.extensions import db
from tracker.models import ProgressReport


def open_form(client, tid):
    """Return (csrf token, version) of the task page as the signed-in user reads it now."""
    html = page(client, tid)
    return csrf_token(html), form_version(html)


def test_concurrency_stale_report_gets_a_conflict_page_with_the_other_change_and_the_input_kept(app, auth, client):
    tid = task_id(app, ["一", "（三）"])
    other = app.test_client()
    auth.login("fgw")  # B: 市发展改革委 opens the task …
    token_b, version_b = open_form(client, tid)
    from tests.helpers.forms import Auth
    auth_a = Auth(other, auth.passwords)
    auth_a.login("zjj")  # … A: 重庆证监局 opens it too and saves first
    assert post_report(other, tid, progress="A：证监局完成第一轮排查。").status_code == 302
    before = snapshot(app, tid)

    response = client.post(f"/tasks/{tid}", data={"csrf_token": token_b, "version": version_b,
                                                  "progress": "B：发改委配合摸底债券风险。", "problems": "数据口径不一",
                                                  "next_steps": "", "status": ""})
    assert response.status_code == 409
    html = response.get_data(as_text=True)
    assert "提交冲突" in html
    assert "A：证监局完成第一轮排查。" in html  # A's change, shown
    assert "B：发改委配合摸底债券风险。" in html and "数据口径不一" in html  # B's input, kept
    assert "覆盖提交" in html and "取消" in html
    assert snapshot(app, tid) == before  # nothing written: A's value stays
    with app.app_context():
        assert [r.progress for r in db.session.scalars(select(ProgressReport))] == ["A：证监局完成第一轮排查。"]


def test_concurrency_overwrite_after_the_conflict_page_saves_and_is_journalled_as_an_overwrite(app, auth, client):
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    token, stale = open_form(client, tid)
    post_report(client, tid, progress="第一次报送。")  # the same person in another tab
    response = client.post(f"/tasks/{tid}", data={"csrf_token": token, "version": stale, "progress": "第二个标签页的报送。",
                                                  "problems": "", "next_steps": "", "status": ""})
    assert response.status_code == 409
    conflict = response.get_data(as_text=True)
    # The conflict page's form: the user's input again, the version now, the version first read.
    fields = dict(re.findall(r'<input type="hidden" name="([a-z_]+)" value="([^"]*)">', conflict))
    assert fields["overwrite_of"] == stale and int(fields["version"]) == int(stale) + 1
    textareas = dict(re.findall(r'name="([a-z_]+)" rows="3">([^<]*)</textarea>', conflict))
    assert textareas["progress"] == "第二个标签页的报送。"
    response = client.post(f"/tasks/{tid}", data={**fields, **textareas, "confirm": "overwrite"})
    assert response.status_code == 302
    with app.app_context():
        texts = [r.progress for r in db.session.scalars(select(ProgressReport).order_by(ProgressReport.id))]
    assert texts == ["第一次报送。", "第二个标签页的报送。"]
    overwrites = [entry for entry in history_fields(app, tid) if entry[0] == "overwrite"]
    assert overwrites == [("overwrite", f"第{stale}版", f"第{int(stale) + 1}版", "zjj")]
    assert "覆盖提交" in page(client, tid)  # shown in the history


def test_concurrency_cancel_on_the_conflict_page_writes_nothing(app, auth, client):
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    token, stale = open_form(client, tid)
    post_report(client, tid, progress="第一次报送。")
    before = snapshot(app, tid)
    response = client.post(f"/tasks/{tid}/close-request", data={"csrf_token": token, "version": stale,
                                                                "close_note": "申请办结"})
    assert response.status_code == 409
    cancel = re.search(r'<a class="btn btn-outline-secondary ms-2" href="([^"]+)">取消</a>', response.get_data(as_text=True))
    assert cancel and cancel.group(1) == f"/tasks/{tid}"
    assert client.get(cancel.group(1)).status_code == 200
    assert snapshot(app, tid) == before


def test_concurrency_every_task_form_checks_its_version(app, auth, client):
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    token, stale = open_form(client, tid)
    act(client, tid, "acknowledge")
    before = snapshot(app, tid)
    for action, fields in [("acknowledge", {}), ("close-request", {"close_note": "完成"}),
                           ("extension-request", {"extension_date": "2099-12-31", "extension_reason": "理由"})]:
        response = client.post(f"/tasks/{tid}/{action}", data={"csrf_token": token, "version": stale, **fields})
        assert response.status_code == 409, action
    supervisor = app.test_client()  # 督办 reads the page in their own browser (signing out would end that session)
    from tests.helpers.forms import Auth
    Auth(supervisor, auth.passwords).login("duban")
    token, stale = open_form(supervisor, tid)
    act(client, tid, "close-request", close_note="完成了。")  # meanwhile 证监局 asks to close
    response = supervisor.post(f"/tasks/{tid}/reminders", data={"csrf_token": token, "version": stale,
                                                                "reminder_unit": "4"})
    assert response.status_code == 409
    assert "申请办结" in response.get_data(as_text=True)  # what changed since
    assert snapshot(app, tid)[4] == before[4]


def test_concurrency_a_form_without_its_version_is_refused(app, auth, client):
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    before = snapshot(app, tid)
    token, _ = open_form(client, tid)
    response = client.post(f"/tasks/{tid}", data={"csrf_token": token, "progress": "无版本号的报送"})
    assert response.status_code == 400 and "请刷新页面后重新填写" in response.get_data(as_text=True)
    response = client.post(f"/tasks/{tid}/acknowledge", data={"csrf_token": token})
    assert response.status_code == 400
    assert snapshot(app, tid) == before


def test_concurrency_conflict_page_and_history_hide_a_reminder_to_another_unit(app, auth, client):
    # A10: 市发展改革委 (fgw) and 重庆证监局 (zjj) both work on 一（三）; a reminder to 重庆证监局 is theirs alone.
    tid = task_id(app, ["一", "（三）"])
    auth.login("fgw")
    token, stale = open_form(client, tid)
    supervisor = app.test_client()
    from tests.helpers.forms import Auth
    Auth(supervisor, auth.passwords).login("duban")
    assert act(supervisor, tid, "reminders", reminder_unit="4", reminder_request="证监局专属：请说明私募排查滞后原因").status_code == 302
    assert act(supervisor, tid, "review", decision="accept").status_code == 400  # no request: nothing written
    response = client.post(f"/tasks/{tid}", data={"csrf_token": token, "version": stale, "progress": "配合摸底。",
                                                  "status": ""})
    assert response.status_code == 409
    assert "证监局专属" not in response.get_data(as_text=True)
    assert "证监局专属" not in page(client, tid)
    auth.logout()
    auth.login("zjj")
    assert "证监局专属" in page(client, tid)
