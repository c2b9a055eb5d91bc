"""Nothing waits unseen (issue 17): the supervising office's 待办 and its badge, the liaisons' notifications
(a bell with a count, a list, marked read, e-mailed when mail is on), and a double submit recognised."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select, update

from tests.helpers.forms import csrf_token
from tests.helpers.reports import post_report, report_count, task_id
from tests.helpers.workflow import act, page
from tracker.clock import utcnow
from tracker.extensions import db
from tracker.models import Notification, Reminder, Task, TaskStatus, User

ZJJ_UNIT = "4"  # 重庆证监局's unit id in the seeded database


def notifications_of(app, username: str) -> list[tuple[str, str, bool]]:
    with app.app_context():
        user = db.session.scalar(select(User).where(User.username == username))
        return [(n.kind, n.text, n.read_at is not None) for n in db.session.scalars(
            select(Notification).where(Notification.user_id == user.id).order_by(Notification.id))]


def test_inbox_close_request_appears_in_the_supervisors_inbox_and_badge(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    auth.login("duban")
    assert 'id="inbox-badge"' not in client.get("/").get_data(as_text=True)
    auth.logout()
    auth.login("zjj")
    assert act(client, tid, "close-request", close_note="36 家机构全部检查完毕。").status_code == 302
    auth.logout()
    auth.login("duban")
    home = client.get("/").get_data(as_text=True)
    assert 'id="inbox-badge">1</span>' in home
    inbox = client.get("/inbox").get_data(as_text=True)
    assert f'href="/tasks/{tid}#review-form">审核办结申请</a>' in inbox  # the action one click away
    assert act(client, tid, "review", decision="accept", review_reason="").status_code == 302
    assert 'id="inbox-badge"' not in client.get("/").get_data(as_text=True)
    assert "没有待审核的办结申请" in client.get("/inbox").get_data(as_text=True)


def test_inbox_lists_extension_requests_and_reminders_unsigned_past_the_setting(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    later = (utcnow() + timedelta(days=90)).date().isoformat()
    assert act(client, tid, "extension-request", extension_date=later, extension_reason="排查范围扩大。").status_code == 302
    auth.logout()
    auth.login("duban")
    act(client, tid, "reminders", reminder_unit=ZJJ_UNIT, reminder_request="请报送排查进展。")
    act(client, tid, "reminders", reminder_unit="6", reminder_request="请配合报送。")
    inbox = client.get("/inbox").get_data(as_text=True)
    assert f'href="/tasks/{tid}#decision-form">审批延期申请</a>' in inbox and "排查范围扩大。" in inbox
    assert "催办超过 3 天未确认收到" in inbox and "没有超期未确认的催办" in inbox  # sent today: not yet
    with app.app_context():  # the first reminder was sent four days ago
        first = db.session.scalar(select(func.min(Reminder.id)))
        db.session.execute(update(Reminder).where(Reminder.id == first).values(created_at=utcnow() - timedelta(days=4)))
        db.session.commit()
    inbox = client.get("/inbox").get_data(as_text=True)
    assert "重庆证监局 · 一（三）" in inbox and f'href="/tasks/{tid}#reminder-form">再次催办</a>' in inbox
    assert 'id="inbox-total">2</span>' in inbox
    app.config["INBOX_UNSIGNED_DAYS"] = 5  # the setting: five days are not yet past
    assert 'id="inbox-total">1</span>' in client.get("/inbox").get_data(as_text=True)


def test_inbox_leaves_out_the_extension_request_of_a_task_closed_since(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    other = task_id(app, ["一", "（一）"])  # another task stays open: the request must be judged by its own task
    auth.login("zjj")
    later = (utcnow() + timedelta(days=90)).date().isoformat()
    assert act(client, tid, "extension-request", extension_date=later, extension_reason="排查范围扩大。").status_code == 302
    auth.logout()
    auth.login("duban")
    assert 'id="inbox-total">1</span>' in client.get("/inbox").get_data(as_text=True)
    with app.app_context():
        db.session.execute(update(Task).where(Task.id == tid).values(status=TaskStatus.CLOSED))
        db.session.commit()
        assert db.session.get(Task, other).status is not TaskStatus.CLOSED
    inbox = client.get("/inbox").get_data(as_text=True)
    assert "排查范围扩大。" not in inbox and 'id="inbox-total">0</span>' in inbox


def test_inbox_lists_the_supervisors_own_ledger_upload_not_yet_submitted(app, client, auth):
    from tracker.services.ledger.uploads import store_upload

    with app.app_context():
        duban = db.session.scalar(select(User).where(User.username == "duban"))
        token = store_upload(app.instance_path, b"PK\x03\x04", "十月台账.xlsx", duban.id, None).token
    auth.login("duban")
    inbox = client.get("/inbox").get_data(as_text=True)
    assert "十月台账.xlsx" in inbox and f'href="/imports/pending/{token}">核对并提交</a>' in inbox


def test_inbox_is_refused_to_liaisons_and_viewers(app, client, auth):
    auth.login("zjj")
    assert client.get("/inbox").status_code == 403
    assert 'id="nav-inbox"' not in client.get("/").get_data(as_text=True)


def test_notifications_a_returned_close_request_reaches_the_lead_liaison(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    act(client, tid, "close-request", close_note="已完成。")
    auth.logout()
    auth.login("duban")
    act(client, tid, "review", decision="return", review_reason="缺少私募机构排查台账。")
    auth.logout()
    [(kind, text, read)] = notifications_of(app, "zjj")
    assert (kind, read) == ("close_returned", False) and text.startswith("一（三） ")
    assert text.endswith("：督办部门退回：缺少私募机构排查台账。")
    auth.login("zjj")
    home = client.get("/").get_data(as_text=True)
    assert 'id="notification-badge">1</span>' in home
    listing = client.get("/notifications").get_data(as_text=True)
    assert "办结申请被退回" in listing and "退回：缺少私募机构排查台账。" in listing
    with app.app_context():
        nid = db.session.scalar(select(Notification.id))
    response = client.post(f"/notifications/{nid}/read", data={"csrf_token": csrf_token(listing), "open": "1"})
    assert response.headers["Location"].endswith(f"/tasks/{tid}")
    assert 'id="notification-badge"' not in client.get("/").get_data(as_text=True)
    assert notifications_of(app, "zjj")[0][2] is True


def test_notifications_extension_decision_reminder_and_task_edit_are_told(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    later = (utcnow() + timedelta(days=90)).date()
    act(client, tid, "extension-request", extension_date=later.isoformat(), extension_reason="排查范围扩大。")
    auth.logout()
    auth.login("duban")
    html = page(client, tid)
    with app.app_context():
        from tracker.models import ExtensionRequest
        request_id = db.session.scalar(select(ExtensionRequest.id))
    client.post(f"/tasks/{tid}/extension-requests/{request_id}/decision",
                data={"csrf_token": csrf_token(html), "version": html.split('name="version" value="')[1].split('"')[0],
                      "decision": "accept", "decision_note": ""})
    act(client, tid, "reminders", reminder_unit=ZJJ_UNIT, reminder_request="请报送进展。")
    kinds = [kind for kind, _, _ in notifications_of(app, "zjj")]
    assert kinds == ["extension_decided", "reminder"]
    texts = [text for _, text, _ in notifications_of(app, "zjj")]
    assert f"同意延期至{later.year}年{later.month}月{later.day}日前" in texts[0] and "交办单：请报送进展。" in texts[1]
    assert notifications_of(app, "bjj") == []  # 重庆保监局 has no part in 一（三）


def test_notifications_task_edit_tells_new_units_they_were_assigned_and_others_what_changed(app, client, auth):
    from tracker.services.plans.task_editing import TaskEdit, edit_task
    from tracker.services.accounts.units import find_unit
    from tracker.models import Task

    tid = task_id(app, ["一", "（三）"])
    with app.test_request_context():
        duban = db.session.scalar(select(User).where(User.username == "duban"))
        task = db.session.get(Task, tid)
        lead = [u.id for u in task.lead_units]
        supporting = [u.id for u in task.supporting_units] + [find_unit("重庆保监局").id]
        edit_task(tid, duban, TaskEdit(title=task.title or "", text=task.text, lead_unit_ids=lead,
                                       supporting_unit_ids=supporting, deadline="2099年底前", due_date=None),
                  task.version)
    assert [kind for kind, _, _ in notifications_of(app, "bjj")] == ["task_assigned"]
    assert "请签收" in notifications_of(app, "bjj")[0][1]
    zjj = notifications_of(app, "zjj")
    assert [kind for kind, _, _ in zjj] == ["task_edited"] and "完成时限" in zjj[0][1] and "配合单位" in zjj[0][1]


def test_notifications_mark_all_read_and_others_notifications_are_not_found(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    auth.login("duban")
    for _ in range(2):  # the second the same day, confirmed
        act(client, tid, "reminders", reminder_unit=ZJJ_UNIT, reminder_again="y")
    auth.logout()
    with app.app_context():
        nid = db.session.scalar(select(Notification.id))
    auth.login("bjj")
    listing = client.get("/notifications").get_data(as_text=True)
    assert client.post(f"/notifications/{nid}/read", data={"csrf_token": csrf_token(listing)}).status_code == 404
    auth.logout()
    auth.login("zjj")
    listing = client.get("/notifications").get_data(as_text=True)
    assert "2 条未读" in listing
    client.post("/notifications/read-all", data={"csrf_token": csrf_token(listing)})
    assert [read for _, _, read in notifications_of(app, "zjj")] == [True, True]


class FakeSMTP:
    sent: list = []

    def __init__(self, *args, **kwargs):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *args):
        return False

    def send_message(self, message):
        FakeSMTP.sent.append(message)


def test_notifications_are_emailed_after_commit_where_the_user_has_an_address_and_mail_is_on(app, client, auth,
                                                                                           monkeypatch):
    from tracker.services import mail

    FakeSMTP.sent = []
    monkeypatch.setattr(mail, "_connect", lambda settings: FakeSMTP())
    tid = task_id(app, ["一", "（三）"])
    with app.app_context():
        db.session.execute(update(User).where(User.username == "zjj").values(email="zjj@example.gov.cn"))
        db.session.commit()
    auth.login("zjj")
    act(client, tid, "close-request", close_note="已完成。")
    auth.logout()
    auth.login("duban")
    act(client, tid, "review", decision="return", review_reason="请补充台账。")
    assert FakeSMTP.sent == []  # mail is off
    auth.logout()
    auth.login("zjj")
    act(client, tid, "close-request", close_note="已补充。")
    auth.logout()
    app.config["MAIL_ENABLED"] = True
    auth.login("duban")
    act(client, tid, "review", decision="accept", review_reason="")
    assert [m["To"] for m in FakeSMTP.sent] == ["zjj@example.gov.cn"]
    assert FakeSMTP.sent[0]["Subject"].startswith("【督办台账】办结申请已同意：一（三） ")
    assert "同意办结" in FakeSMTP.sent[0].get_content()


def test_double_submit_same_report_twice_is_recognised_as_already_saved(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    html = page(client, tid)
    version = html.split('name="version" value="')[1].split('"')[0]
    before = report_count(app)
    fields = {"progress": "完成 36 家机构排查。", "problems": "", "next_steps": "", "status": "",
              "csrf_token": csrf_token(html), "version": version}
    assert client.post(f"/tasks/{tid}", data=fields).status_code == 302
    second = client.post(f"/tasks/{tid}", data=fields, follow_redirects=True)
    text = second.get_data(as_text=True)
    assert second.status_code == 200 and "进展已保存，无需重复提交" in text
    assert "覆盖提交" not in text and "已被他人修改" not in text
    assert report_count(app) == before + 1


def test_double_submit_a_different_text_from_the_stale_page_is_still_a_conflict(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    html = page(client, tid)
    version = html.split('name="version" value="')[1].split('"')[0]
    assert post_report(client, tid, progress="第一次报送。", version=version).status_code == 302
    assert post_report(client, tid, progress="另一段不同的进展。", version=version).status_code == 409


def test_notifications_a_confirmed_plan_import_tells_each_assigned_unit_once(app):
    from tests.helpers.paths import ROOT
    from tracker.parsing import read_plan_file
    from tracker.services.plans.drafts import confirm_import, start_import

    with app.test_request_context():
        duban = db.session.scalar(select(User).where(User.username == "duban"))
        draft = read_plan_file(ROOT / "seed_data" / "chongqing_plan.txt")
        row = start_import(duban, draft, "chongqing_plan.txt", None)
        [result] = confirm_import(row, duban)
        title = result.plan.title
    [(kind, text, read)] = notifications_of(app, "zjj")
    assert kind == "task_assigned" and not read
    assert text.startswith(f"督办部门交办了《{title}》中的 ") and "项任务" in text
    assert notifications_of(app, "duban") == []
