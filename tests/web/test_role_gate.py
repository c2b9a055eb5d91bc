"""The role gate of the views (tracker/gate.py): a coarse role check before any service runs."""
from __future__ import annotations

from tests.helpers.forms import csrf_token
from tracker.services.workflow import reminders

ZJJ_UNIT = 4  # 重庆证监局 in the seeded plan


def _record_calls(monkeypatch) -> list:
    calls = []

    def fake(*args, **kwargs):
        calls.append(args)
        return []

    monkeypatch.setattr(reminders, "remind_unit_of_late_tasks", fake)
    return calls


def test_role_gate_refuses_a_liaison_posting_a_reminder_before_the_service_runs(client, auth, monkeypatch):
    calls = _record_calls(monkeypatch)
    auth.login("zjj")  # a liaison of 重庆证监局 tries the supervising office's 催办
    token = csrf_token(client.get("/").get_data(as_text=True))
    response = client.post(f"/plans/1/units/{ZJJ_UNIT}/reminders",
                           data={"csrf_token": token, "reminder_request": "请报送。"})
    assert response.status_code == 403
    assert "只有督办部门可以发出催办。" in response.get_data(as_text=True)
    assert calls == []


def test_role_gate_answers_before_the_page_looks_anything_up(client, auth, monkeypatch):
    calls = _record_calls(monkeypatch)
    auth.login("zjj")
    token = csrf_token(client.get("/").get_data(as_text=True))
    # No plan 999: the gate refuses first, so a liaison cannot probe which plans exist.
    assert client.post(f"/plans/999/units/{ZJJ_UNIT}/reminders", data={"csrf_token": token}).status_code == 403
    assert calls == []


def test_role_gate_sends_an_anonymous_visitor_to_the_login_page(client, monkeypatch):
    calls = _record_calls(monkeypatch)
    response = client.get("/plans/1/settings")
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    assert calls == []


def test_role_gate_lets_the_supervising_office_through_to_the_service(client, auth, monkeypatch):
    calls = _record_calls(monkeypatch)
    auth.login("duban")
    html = client.get("/plans/1/reporting").get_data(as_text=True)
    response = client.post(f"/plans/1/units/{ZJJ_UNIT}/reminders",
                           data={"csrf_token": csrf_token(html), "reminder_request": "请报送。",
                                 "reminder_reply_by": "2099-01-31"})
    assert response.status_code == 302
    assert len(calls) == 1 and calls[0][3] == "请报送。" and str(calls[0][4]) == "2099-01-31"


def test_reminder_form_refuses_an_unreadable_reply_date_without_sending(client, auth, monkeypatch):
    calls = _record_calls(monkeypatch)
    auth.login("duban")
    html = client.get("/plans/1/reporting").get_data(as_text=True)
    response = client.post(f"/plans/1/units/{ZJJ_UNIT}/reminders",
                           data={"csrf_token": csrf_token(html), "reminder_reply_by": "2099-02-30"},
                           follow_redirects=True)
    assert "“反馈期限”的“2099-02-30”不是有效日期" in response.get_data(as_text=True)
    assert calls == []
