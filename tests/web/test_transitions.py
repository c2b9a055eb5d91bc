"""Who may move a task to which status, written once (issue 12; issue 14 item 15): the task page,
the progress form, the ledger import and the API agree, because they all read the transition table
(tracker/services/workflow/transitions.py).

一（三） of the seeded plan: lead 重庆证监局 (zjj); supporting 市发展改革委 (fgw) and 人行重庆营管部.
一（五）: 重庆证监局 only supports it.
"""
from __future__ import annotations

import pytest

from tests.helpers.ledger import download, edit, import_through_pages, task_by_number
from tests.helpers.reports import post_report, task_id
from tests.helpers.workflow import act, history_fields, page, snapshot, status_of
from tracker.models import TaskStatus


def test_transitions_supporting_unit_ledger_leaves_the_status_as_its_web_form_does(app, client, auth, tmp_path):
    # Disagreement 1: 重庆证监局 supports 一（五）; its own ledger moved the task 已交办 → 推进中,
    # which the web form refuses to the same person.
    tid = task_id(app, ["一", "（五）"])
    auth.login("zjj")
    assert 'name="status"' not in page(client, tid)  # the web offers it no status
    copy = tmp_path / "证监局.xlsx"
    copy.write_bytes(download(client).data)
    edited = edit(copy, tmp_path / "证监局-填报.xlsx", {"一（五）": {"进展情况": "配合建立监测指标。"}})
    assert import_through_pages(client, edited).status_code == 302
    task = task_by_number(app, "一（五）")
    assert [r.progress for r in task.reports] == ["配合建立监测指标。"]
    assert task.status is TaskStatus.ASSIGNED
    assert post_report(client, tid, progress="配合完成第二轮监测。").status_code == 302
    assert status_of(app, tid) is TaskStatus.ASSIGNED
    assert [f for f, *_ in history_fields(app, tid)].count("status") == 0


def test_transitions_liaison_status_choices_are_only_those_it_may_reach(app, client, auth):
    # Disagreement 2: the drop-down offered 已交办 and 已办结 to a liaison.
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    html = page(client, tid)
    options = html[html.index('name="status"'):html.index("</select>", html.index('name="status"'))]
    assert 'value="in_progress"' in options
    for status in ("assigned", "acknowledged", "close_requested", "closed"):
        assert f'value="{status}"' not in options, status


def test_transitions_liaison_posting_assigned_keeps_the_text_and_says_why(app, client, auth):
    # Disagreement 2a: 已交办 answered a full-page 403 and threw the report away.
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    assert post_report(client, tid, progress="第一次报送。").status_code == 302  # 已交办 → 推进中
    before = snapshot(app, tid)
    response = post_report(client, tid, progress="我写了很长的一段进展。", problems="问题一。", status="assigned")
    html = response.get_data(as_text=True)
    assert response.status_code == 403
    assert 'id="report-form"' in html  # the task page, not the error page
    assert "我写了很长的一段进展。" in html and "问题一。" in html
    assert "只有督办部门可以把完成状态改为“已交办”" in html
    assert snapshot(app, tid) == before


@pytest.mark.parametrize("number, status, code, why", [
    # Disagreement 2b: 已办结 silently became 申请办结 (without a 办结说明).
    pytest.param("（三）", "closed", 403, "只有督办部门可以把完成状态改为“已办结”", id="closed-is-not-turned-into-a-close-request"),
    # Issue 14 item 15a: 一（一） has four lead units; none has signed.
    pytest.param("（一）", "acknowledged", 400, "签收", id="acknowledged-before-every-lead-unit-signed"),
    # Issue 14 item 15b: status=close_requested through the progress form skipped the 办结说明.
    pytest.param("（三）", "close_requested", 400, "办结说明", id="close-request-without-a-close-note"),
])
def test_transitions_lead_liaison_posting_a_status_it_may_not_reach_keeps_the_text_and_writes_nothing(
        app, client, auth, number, status, code, why):
    tid = task_id(app, ["一", number])
    auth.login("zjj")
    before = snapshot(app, tid)
    response = post_report(client, tid, progress="我写了很长的一段进展。", status=status)
    html = response.get_data(as_text=True)
    assert response.status_code == code and 'id="report-form"' in html
    assert "我写了很长的一段进展。" in html and why in html
    assert snapshot(app, tid) == before
    assert status_of(app, tid) is TaskStatus.ASSIGNED


def test_transitions_lead_liaison_asks_to_close_with_the_close_form_and_its_note(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    assert act(client, tid, "close-request", close_note="36 家机构全部检查完毕。").status_code == 302
    assert status_of(app, tid) is TaskStatus.CLOSE_REQUESTED


def test_transitions_refused_close_request_keeps_the_note_inline(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    act(client, tid, "close-request", close_note="第一次申请。")
    response = act(client, tid, "close-request", close_note="又写了一份说明。")
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and 'id="report-form"' in html
    assert "正在等待督办部门审核" in html
    auth.logout()
    auth.login("fgw")  # a supporting unit may not ask: the page, the reason, nothing written
    before = snapshot(app, tid)
    response = act(client, tid, "close-request", close_note="配合单位的说明。")
    assert response.status_code == 403
    assert "只有牵头单位的联络员可以申请办结" in response.get_data(as_text=True)
    assert snapshot(app, tid) == before


def test_transitions_task_page_shows_the_forms_of_the_available_actions(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    forms = ("acknowledge-form", "report-form", "close-form", "extension-form", "review-form", "reminder-form")
    seen = {}
    for username in ("zjj", "fgw", "duban"):
        auth.login(username)
        html = page(client, tid)
        seen[username] = {name for name in forms if f'id="{name}"' in html}
        auth.logout()
    assert seen["zjj"] == {"acknowledge-form", "report-form", "close-form", "extension-form"}
    assert seen["fgw"] == {"acknowledge-form", "report-form"}
    assert seen["duban"] == {"report-form", "reminder-form"}
